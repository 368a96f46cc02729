"""The store's answers as pandas tables (for notebooks, plots and analysts).

>>> steps = store.timeline("country:IQ", actor="US")          # doctest: +SKIP
>>> timeline_frame(steps)            # one row per step, with a plottable low/high band
>>> conflicts_frame(steps)           # one row per report that disagrees with the estimate
>>> plan_frame(store.plans())        # one row per planned move, phase by phase

pandas is imported only when a table is made.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from ..domain import Quantity
from . import model as M
from .results import TimelineStep

TIMELINE_COLUMNS = (
    "actor",
    "place_id",
    "name",
    "start",
    "end",
    "status",
    "basis",
    "label",
    "count",
    "low",
    "high",
    "central",
    "plan",
    "phase",
    "sources",
    "conflicts",
    "reason",
)
CONFLICT_COLUMNS = (
    "actor",
    "place_id",
    "name",
    "start",
    "end",
    "estimate",
    "estimate_basis",
    "conflicting",
    "conflicting_basis",
    "as_of",
    "outlet",
    "kind",
    "quote",
)
PLAN_COLUMNS = (
    "plan",
    "phase",
    "deadline",
    "actor",
    "action",
    "place_id",
    "to_place_id",
    "scope",
    "modality",
    "status",
    "by",
    "quote",
)


def step_band(step: TimelineStep) -> tuple[float, float, float]:
    """``(low, high, central)`` troops of a step; ``nan`` where the number is unknown.

    The band is the store's own comparison range (:func:`service.store.model.bounds`): a
    range or bound as stated, "about N" as N ± 10 %, an unbounded top as ``nan``.  A
    withdrawn step with no number is 0.  ``central`` is the stated number (or the middle of
    a closed range); it is ``nan`` for one-sided bounds so a plot never invents a value.
    """
    nan = math.nan
    if step.count is None and step.count_min is None and step.count_max is None:
        return (0.0, 0.0, 0.0) if step.status == "withdrawn" else (nan, nan, nan)
    q = Quantity(
        step.count,
        step.count_min,
        step.count_max,
        bool(step.approximate),
        step.qualifier or "exact",
    )
    lo, hi = M.bounds(q) or (nan, nan)
    if math.isinf(hi):
        hi = nan
    if q.count is not None:
        central = float(q.count)
    elif q.count_min is not None and q.count_max is not None:
        central = (q.count_min + q.count_max) / 2
    else:
        central = nan
    return float(lo), float(hi), central


def timeline_frame(steps: Iterable[TimelineStep]):
    """A DataFrame of timeline steps (:data:`TIMELINE_COLUMNS`), sorted by actor and start.

    ``start``/``end`` are pandas timestamps (``end`` NaT: until further notice), ``low``/
    ``high``/``central`` come from :func:`step_band`, ``sources``/``conflicts`` are counts.
    """
    import pandas as pd

    rows = []
    for s in steps:
        lo, hi, central = step_band(s)
        rows.append(
            {
                "actor": s.actor,
                "place_id": s.place_id,
                "name": s.name,
                "start": pd.Timestamp(s.start),
                "end": pd.Timestamp(s.end) if s.end else pd.NaT,
                "status": s.status,
                "basis": s.basis,
                "label": s.label,
                "count": s.count,
                "low": lo,
                "high": hi,
                "central": central,
                "plan": s.plan,
                "phase": s.phase,
                "sources": len(s.sources),
                "conflicts": len(s.conflicts),
                "reason": s.reason,
            }
        )
    df = pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))
    return df.sort_values(["place_id", "actor", "start"], kind="stable").reset_index(drop=True)


def conflicts_frame(steps: Iterable[TimelineStep]):
    """One row per report (or plan projection) that disagrees with a step's estimate.

    Columns: :data:`CONFLICT_COLUMNS` — the step (``estimate``, ``estimate_basis``), and the
    disagreeing claim (``conflicting`` label, its ``as_of``, ``outlet`` and ``quote``).
    Empty when every source agrees.
    """
    import pandas as pd

    rows = []
    for s in steps:
        for c in s.conflicts:
            rows.append(
                {
                    "actor": s.actor,
                    "place_id": s.place_id,
                    "name": s.name,
                    "start": pd.Timestamp(s.start),
                    "end": pd.Timestamp(s.end) if s.end else pd.NaT,
                    "estimate": s.label,
                    "estimate_basis": s.basis,
                    "conflicting": c.get("label"),
                    "conflicting_basis": c.get("basis"),
                    "as_of": c.get("as_of"),
                    "outlet": c.get("outlet") or c.get("title"),
                    "kind": c.get("kind"),
                    "quote": c.get("quote"),
                }
            )
    return pd.DataFrame(rows, columns=list(CONFLICT_COLUMNS))


def plan_frame(plans: Sequence[dict[str, Any]]):
    """One row per planned move of :meth:`Store.plans`, in plan and phase order.

    Columns: :data:`PLAN_COLUMNS` (``deadline`` of the phase, ``by`` of the move).
    """
    import pandas as pd

    rows = []
    for p in plans:
        for ph in p.get("phases", ()):
            for mv in ph.get("moves", ()):
                rows.append(
                    {
                        "plan": p.get("name"),
                        "phase": ph.get("name"),
                        "deadline": ph.get("deadline"),
                        "actor": mv.get("actor"),
                        "action": mv.get("action"),
                        "place_id": mv.get("place_id"),
                        "to_place_id": mv.get("to_place_id"),
                        "scope": mv.get("scope"),
                        "modality": mv.get("modality"),
                        "status": mv.get("status"),
                        "by": mv.get("by"),
                        "quote": mv.get("quote"),
                    }
                )
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))
