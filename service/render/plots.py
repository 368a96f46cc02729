"""Static charts (matplotlib): force levels over time with their uncertainty as bands.

>>> from service.store.frames import timeline_frame
>>> fig = plot_timeline(timeline_frame(store.timeline("country:IQ", actor="US")),
...                     title="US troops in Iraq", since="2024-01-01")   # doctest: +SKIP

Figures are built with :class:`matplotlib.figure.Figure` (no pyplot state, no GUI backend);
a notebook shows a returned figure, ``fig.savefig(path)`` writes it.
"""

from __future__ import annotations

import math
from typing import Any

from .maps import STATUS_COLORS

#: y axis label: what the numbers count
DEFAULT_YLABEL = "troops (number of personnel)"
_STATUS_ORDER = ("present", "reduced", "advisory", "withdrawn")


def _num(value: Any) -> float:
    import matplotlib.dates as mdates
    import pandas as pd

    return float(mdates.date2num(pd.Timestamp(value).to_pydatetime()))


def _nan(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def plot_timeline(
    frame,
    *,
    title: str | None = None,
    since: Any = None,
    until: Any = None,
    ylabel: str = DEFAULT_YLABEL,
    figsize: tuple[float, float] = (10, 6),
):
    """Force levels over time (top) and the status of each series (bottom strip).

    Parameters
    ----------
    frame : DataFrame
        :func:`service.store.frames.timeline_frame` output (one or more places/actors).
        One series per (place, actor).
    title : str, optional
    since, until : date or ISO string, optional
        The x range; default from the first step to a year after the last change.  Open-ended
        steps are drawn up to ``until``.
    ylabel : str

    Returns
    -------
    matplotlib.figure.Figure
        Top axes: the stated number as a line (solid: reported, dashed: projected from a
        plan) and its range as a band (hatched when projected); y in troops.  Bottom axes: one
        row per series coloured by status (present, reduced, advisory, withdrawn), hatched
        when projected — this also shows steps whose number was not reported.
    """
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=figsize, layout="constrained")
    ax, strip = fig.subplots(2, 1, sharex=True, height_ratios=(3, 1))
    if frame is None or len(frame) == 0:
        ax.text(
            0.5, 0.5, "no data for this place", ha="center", va="center", transform=ax.transAxes
        )
        ax.set_ylabel(ylabel)
        strip.set_xlabel("date")
        if title:
            ax.set_title(title)
        return fig
    starts = pd.to_datetime(frame["start"])
    ends = pd.to_datetime(frame["end"])
    x0 = _num(since) if since is not None else _num(starts.min())
    last = max([t for t in (ends.max(), starts.max()) if not pd.isna(t)])
    x1 = _num(until) if until is not None else _num(last + pd.Timedelta(days=365))
    many_places = frame["place_id"].nunique() > 1
    keys = list(dict.fromkeys(zip(frame["place_id"], frame["actor"], strict=True)))
    colors = [f"C{i % 10}" for i in range(len(keys))]
    labels = []
    any_number = False
    for i, key in enumerate(keys):
        rows = frame[(frame["place_id"] == key[0]) & (frame["actor"] == key[1])]
        name = rows["name"].iloc[0]
        label = f"{key[1]} in {name}" if many_places else key[1]
        labels.append(label)
        color = colors[i]
        for r, s, e in zip(rows.itertuples(), starts[rows.index], ends[rows.index], strict=True):
            a = max(_num(s), x0)
            b = min(x1 if pd.isna(e) else _num(e), x1)
            if a >= b:
                continue
            projected = r.basis == "projected"
            if not _nan(r.low) and not _nan(r.high):
                any_number = True
                ax.fill_between(
                    [a, b],
                    r.low,
                    r.high,
                    color=color,
                    linewidth=0,
                    alpha=0.12 if projected else 0.25,
                    hatch="//" if projected else None,
                )
            if not _nan(r.central):
                any_number = True
                ax.hlines(
                    r.central,
                    a,
                    b,
                    colors=color,
                    linewidth=2,
                    linestyles="--" if projected else "-",
                )
            strip.broken_barh(
                [(a, b - a)],
                (i - 0.4, 0.8),
                facecolors=STATUS_COLORS.get(r.status, "#999999"),
                alpha=0.55 if projected else 0.9,
                hatch="//" if projected else None,
                edgecolor="white",
            )
    ax.set_xlim(x0, x1)
    ax.set_ylim(bottom=0)
    ax.set_ylim(bottom=-0.03 * ax.get_ylim()[1])  # a level of 0 (withdrawn) stays visible
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(True, alpha=0.3)
    if not any_number:
        ax.text(
            0.5,
            0.5,
            "no numbers reported here: see the status below",
            ha="center",
            va="center",
            transform=ax.transAxes,
            color="#555555",
        )
    if title:
        ax.set_title(title)
    handles = [
        Line2D([], [], color=c, linewidth=2, label=lab)
        for c, lab in zip(colors, labels, strict=True)
    ]
    handles += [
        Line2D([], [], color="black", linewidth=2, label="reported"),
        Line2D([], [], color="black", linewidth=2, linestyle="--", label="projected from a plan"),
        Patch(facecolor="grey", alpha=0.3, label="range of the estimate"),
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize="small",
        title="series",
        frameon=False,
    )
    strip.set_yticks(range(len(keys)), labels)
    strip.set_ylim(len(keys) - 0.5, -0.5)
    strip.set_xlabel("date")
    strip.set_title("status", fontsize="small", loc="left")
    used = set(frame["status"])
    strip.legend(
        handles=[Patch(facecolor=STATUS_COLORS[s], label=s) for s in _STATUS_ORDER if s in used]
        + [Patch(facecolor="white", edgecolor="black", hatch="//", label="projected")],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize="small",
        frameon=False,
    )
    loc = mdates.AutoDateLocator()
    strip.xaxis.set_major_locator(loc)
    strip.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    return fig
