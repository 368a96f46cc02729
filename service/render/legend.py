"""Legend and subtitle HTML (constant markup plus escaped words)."""

from __future__ import annotations

from .escape import esc
from .i18n import fmt_date, t

SIZES = (100, 1000, 2500, 5000)


def _circle(
    color: str,
    *,
    r: float = 6,
    fill: float = 0.72,
    dash: str | None = None,
    stroke: float = 1.5,
    box: int | None = None,
    halo: bool = False,
) -> str:
    size = box or int(2 * r + 6 + (12 if halo else 0))
    c = size / 2
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    out = (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
        f'<circle cx="{c}" cy="{c}" r="{r}" stroke="{color}" stroke-width="{stroke}" '
        f'fill="{color}" fill-opacity="{fill}"{dash_attr}/>'
    )
    if halo:
        out += (
            f'<circle cx="{c}" cy="{c}" r="{r + 6}" stroke="{color}" stroke-width="1.2" '
            f'fill="none" stroke-dasharray="1 3"/>'
        )
    return out + "</svg>"


def _row(symbol: str, text: str) -> str:
    return f'<div class="tpm-lg-row">{symbol}<span>{text}</span></div>'


def _sec(title: str, body: str, cls: str = "") -> str:
    return f'<div class="tpm-lg-sec {cls}"><h4>{title}</h4>{body}</div>'


def legend_html(b, kind: str, has_areas: bool) -> str:
    """The legend: statuses, reported vs projected, precision classes, sizes, area classes."""
    from .maps import AREA_BREAKS, AREA_COLORS, STATUS_COLORS, radius_for

    w = b.w
    status_rows = "".join(
        _row(
            _circle(
                STATUS_COLORS[s],
                r=5,
                fill=0 if s == "withdrawn" else 0.72,
                stroke=2 if s == "withdrawn" else 1.5,
                box=15,
            ),
            w(s),
        )
        for s in ("present", "reduced", "advisory", "withdrawn")
    )
    grey = "#4b5866"
    basis = _row(_circle(grey, r=5, box=15), w("reported")) + _row(
        _circle(grey, r=5, fill=0.18, dash="3 2", box=15), w("projected")
    )
    area_sw = (
        '<svg width="20" height="13" aria-hidden="true"><rect x="1" y="1" width="18" '
        f'height="11" fill="{AREA_COLORS[3]}" fill-opacity="0.6" stroke="#54278f"/></svg>'
    )
    precision = (
        _row(_circle(grey, r=4, box=20), w("lg_point"))
        + _row(_circle(grey, r=3, halo=True, box=20), w("lg_halo"))
        + _row(area_sw, w("lg_area"))
    )
    box = int(2 * radius_for(SIZES[-1]) + 3)
    sizes = "".join(
        f"<div>{_circle(grey, r=radius_for(n), fill=0.3, stroke=1, box=box)}"
        f'<br><bdi dir="ltr">{n:,}</bdi></div>'
        for n in SIZES
    )
    parts = [
        '<div class="tpm-lg-grid">',
        _sec(w("lg_status"), status_rows),
        _sec(w("lg_basis"), basis),
        "</div>",
        _sec(w("lg_precision"), precision),
        _sec(w("lg_size"), f'<div class="tpm-lg-sizes">{sizes}</div>'),
    ]
    if has_areas:
        bounds = (0, *AREA_BREAKS)
        labels = []
        for i, lo in enumerate(bounds):
            if i == 0:
                labels.append(f"&lt; {AREA_BREAKS[0]:,}")
            elif i == len(bounds) - 1:
                labels.append(f"≥ {lo:,}")
            else:
                labels.append(f"{lo:,}–{bounds[i + 1] - 1:,}")
        ramp = "".join(
            f'<div><i style="background:{c}"></i><bdi dir="ltr">{lab}</bdi></div>'
            for c, lab in zip(AREA_COLORS, labels, strict=False)
        )
        parts.append(_sec(w("lg_areas"), f'<div class="tpm-lg-ramp">{ramp}</div>'))
    if kind == "changes":
        sym = {
            "arrived": ("+", "#1a9850"),
            "left": ("−", "#6b6b6b"),
            "change_reduced": ("↓", "#e08214"),
            "increased": ("↑", "#b2182b"),
            "moved": ("→", "#1f1f1f"),
        }
        rows = "".join(
            _row(
                f'<span class="tpm-change" style="display:inline-block"><span style="width:18px;'
                f'height:18px;font-size:12px;line-height:14px;border-color:{c};color:{c}">'
                f"{s}</span></span>",
                w(k),
            )
            for k, (s, c) in sym.items()
        )
        parts.append(_sec(w("lg_changes"), rows))
    rtl = b.lang == "ar"
    return (
        f'<details class="tpm-legend" open dir="{"rtl" if rtl else "ltr"}" lang="{b.lang}">'
        f"<summary>{w('legend')}</summary>{''.join(parts)}</details>"
    )


def subtitle_html(b, kind: str) -> str:
    """One line under the title: the date or range shown, and how many sources."""
    lang = b.lang
    n = len({s for s in b.sources if s})
    src = esc(f"{n} " + ("مصدر" if lang == "ar" else ("source" if n == 1 else "sources")))
    if kind == "time":
        first, last = b.steps[0], b.steps[-1]
        span = (
            f'<bdi dir="ltr">{esc(fmt_date(lang, first))}</bdi> – '
            f'<bdi dir="ltr">{esc(fmt_date(lang, last))}</bdi>'
        )
        words = "تواريخ" if lang == "ar" else "dates"
        text = f"{len(b.steps)} {esc(words)}: {span} · {src}"
    elif kind == "changes":
        text = src
    else:
        text = f'<bdi dir="ltr">{esc(fmt_date(lang, b.steps[0]))}</bdi> · {src}'
    return f'<div class="tpm-sub">{text}</div>'


__all__ = ["legend_html", "subtitle_html", "t"]
