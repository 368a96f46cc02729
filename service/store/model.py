"""The force-posture model: claims, projections, estimates — pure functions, no I/O.

A *series* is one actor at one place.  Its *claims* are reported observations; its
*projections* are states that a plan's moves put it in once their deadline has passed.  The
estimate of a series on a day is:

1. the best **reported** estimate: among claims valid on or before the day, the most recent
   (claims within :data:`SAME_TIME_DAYS` of the latest count as "about the same time"), then
   the most precise (date precision, then number precision), then analyst-confirmed, then the
   best corroborated; claims of that time that agree are its sources (corroboration = number
   of independent sources), those that disagree are listed as conflicts, never hidden;
2. unless a **projection** took effect after that report: a passed deadline projects the
   series to its planned state (basis ``projected``) until a later report says otherwise.

Intervals are half-open: a move "by 2025-09" (deadline 2025-09-30) takes effect on 2025-10-01.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..domain import DATE_PRECISIONS, FuzzyDate, Quantity

#: Claims whose date is within this many days of the latest claim are "about the same time".
SAME_TIME_DAYS = 31
#: Relative tolerance when comparing approximate counts ("about 2,500" vs "2,400" agree).
APPROX_TOLERANCE = 0.10

PRESENTISH = ("present", "reduced", "advisory")
#: Moves of these modalities project; "possible" and "demanded" ones are only recorded.
PROJECTING_MODALITIES = ("planned",)
#: Scopes that mean "every (remaining) force": such withdrawals empty sub-places too.
TOTAL_SCOPES = ("all", "rest")
_QUALIFIER_RANK = {
    "exact": 5,
    "approximate": 4,
    "range": 3,
    "upper_bound": 2,
    "lower_bound": 2,
    "vague": 1,
}
_DATE_RANK = {p: len(DATE_PRECISIONS) - i for i, p in enumerate(DATE_PRECISIONS)}
LOCATION_PRECISION = {
    "installation": "installation",
    "city": "city",
    "admin1": "admin1",
    "region": "region",
    "country": "country",
}


# ------------------------------------------------------------------------------ value types
@dataclass(frozen=True, slots=True)
class SourceRef:
    """The public description of a source (what a feature's ``sources`` entries show)."""

    source_id: int
    kind: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    independence: str = ""

    def to_dict(self, quote: str | None = None) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "kind": self.kind,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "quote": quote,
        }


@dataclass(slots=True, eq=False)
class Claim:
    """A reported observation of one series."""

    id: int
    actor: str
    place_id: str
    as_of: FuzzyDate
    valid_from: dt.date
    quantity: Quantity | None
    status: str
    source: SourceRef
    quote: str | None = None
    claim_type: str = "level"
    confirmed: bool = False
    location_precision: str = "country"

    @property
    def basis(self) -> str:
        return "reported"


@dataclass(frozen=True, slots=True)
class PlannedMove:
    """A move of a plan as the projection engine sees it."""

    id: int
    plan_id: int
    plan: str
    plan_kind: str
    phase: str
    actor: str
    action: str
    place_id: str
    by: FuzzyDate | None
    source: SourceRef
    to_place_id: str | None = None
    scope: str | None = None
    quantity: Quantity | None = None
    quote: str | None = None
    confirmed: bool = False
    modality: str = "planned"
    status: str | None = None

    @property
    def projects(self) -> bool:
        """Whether the move projects a state (planned, with a deadline)."""
        return self.by is not None and self.modality in PROJECTING_MODALITIES

    @property
    def effective(self) -> dt.date | None:
        """First day the move's outcome holds (the day after the deadline)."""
        return self.by.value + dt.timedelta(days=1) if self.by else None


@dataclass(frozen=True, slots=True)
class Projection:
    """A projected state of one series, caused by a move (possibly of a group or a parent)."""

    move: PlannedMove
    actor: str
    place_id: str
    effective: dt.date
    status: str
    #: How the move reaches this series: ``""`` (directly), ``"actor:COALITION"`` (a group's
    #: move applied to a member), ``"place:country:IQ"`` (a country-wide withdrawal), or
    #: ``"to"`` (the destination of a relocation).
    via: str = ""

    @property
    def source(self) -> SourceRef:
        return self.move.source

    @property
    def quote(self) -> str | None:
        return self.move.quote

    @property
    def confirmed(self) -> bool:
        return self.move.confirmed


@dataclass(slots=True)
class Estimate:
    """The best estimate of a series on a day, with the claims behind it."""

    actor: str
    place_id: str
    status: str
    quantity: Quantity | None
    basis: str  # reported | projected
    as_of: FuzzyDate
    valid_from: dt.date
    supporting: list[Claim | Projection] = field(default_factory=list)
    conflicts: list[Claim | Projection] = field(default_factory=list)
    corroboration: int = 1
    confirmed: bool = False
    reason: str = ""
    plan: str | None = None
    plan_id: int | None = None
    phase: str | None = None
    via: str = ""
    claim_type: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.actor, self.place_id)

    def state(self) -> tuple:
        """What a timeline step compares: status, numbers and basis."""
        q = self.quantity
        nums = (q.count, q.count_min, q.count_max, q.approximate, q.qualifier) if q else None
        return (self.status, nums, self.basis)


# ------------------------------------------------------------------------------ quantities
def quantity_label(q: Quantity | None, status: str) -> str:
    """Human label: '≈ 2,500', '< 500', '200–999'; the status when there is no number."""
    if status == "withdrawn":
        return "withdrawn"
    if q is None:
        return {
            "present": "present (number not reported)",
            "reduced": "reduced",
            "advisory": "advisory",
        }.get(status, status)
    lab = q.label()
    return lab if status == "present" else f"{lab} ({status})"


_NO_NUMBER = {
    "present": "present (number not reported)",
    "reduced": "reduced",
    "advisory": "advisory",
}


def label_of(
    count: int | None,
    count_min: int | None,
    count_max: int | None,
    qualifier: str | None,
    status: str,
) -> str:
    """:func:`quantity_label` of a quantity given by its stored parts.

    The same text as ``quantity_label(Quantity(...), status)`` (a test compares them over
    every shape of quantity), without building the ``Quantity``: a full map labels
    thousands of conflicting claims.
    """
    if status == "withdrawn":
        return "withdrawn"
    if count is None and count_min is None and count_max is None:
        return _NO_NUMBER.get(status, status)
    q = qualifier or "exact"
    # Quantity.label
    if q == "exact" and count is not None:
        lab = f"{count:,}"
    elif q == "approximate" and count is not None:
        lab = f"≈ {count:,}"
    elif q == "upper_bound" and count_max is not None:
        lab = f"< {count_max:,}"
    elif q == "lower_bound" and count_min is not None:
        lab = f"> {count_min:,}"
    elif count_min is not None and count_max is not None:
        lab = f"{count_min:,}–{count_max:,}"
    elif count is not None:
        lab = f"{count:,}"
    else:
        lab = "?"
    return lab if status == "present" else f"{lab} ({status})"


def bounds(q: Quantity | None) -> tuple[float, float] | None:
    """Comparable (low, high) of a quantity; approximate counts get ±10 %."""
    if q is None:
        return None
    return bounds_of(q.count, q.count_min, q.count_max, q.approximate)


def bounds_of(
    count: int | None, count_min: int | None, count_max: int | None, approximate: Any
) -> tuple[float, float]:
    """:func:`bounds` of a quantity given by its stored parts (at least one number set).

    Parameters
    ----------
    count, count_min, count_max : int or None
    approximate : bool-like
        An approximate count without bounds gets ±:data:`APPROX_TOLERANCE`.

    Returns
    -------
    (float, float)
        Lowest and highest plausible value (``inf`` when unbounded above).
    """
    if count is not None and approximate and count_min is None and count_max is None:
        return (count * (1 - APPROX_TOLERANCE), count * (1 + APPROX_TOLERANCE))
    # Quantity.low / Quantity.high; a missing low end counts as 0
    lo = count_min if count_min is not None else count
    hi = count_max if count_max is not None else count
    return (float(lo if lo is not None else 0), float("inf") if hi is None else float(hi))


def agrees(a: Quantity | None, b: Quantity | None) -> bool | None:
    """``True`` if the two numbers can both be right, ``False`` if not, ``None`` if unknown."""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return None
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def same_claim(a: Claim | Projection, b: Claim | Projection) -> bool | None:
    """Whether two claims/projections about one series agree (``None``: neither)."""
    if a.status != b.status:
        if {a.status, b.status} <= set(PRESENTISH) and "reduced" in (a.status, b.status):
            return None  # "reduced" vs "present" need not contradict each other
        return False
    qa = a.quantity if isinstance(a, Claim) else None
    qb = b.quantity if isinstance(b, Claim) else None
    if isinstance(a, Projection) and isinstance(b, Projection):
        return True
    if qa is None and qb is None:
        return True
    return agrees(qa, qb)


def precision_rank(
    precision: str,
    date_approximate: Any,
    has_quantity: bool,
    qualifier: str | None,
    claim_type: str,
) -> int:
    """How precise a claim is, as one integer (larger: more precise).

    The order is lexicographic over (date precision, exact date, has a number, number
    precision, stated rather than implied); every part is below 10, so the parts are
    packed as decimal digits and compare like the tuple would, but faster.
    """
    return (
        _DATE_RANK.get(precision, 0) * 10_000
        + (0 if date_approximate else 1_000)
        + (100 + _QUALIFIER_RANK.get(qualifier or "exact", 0) * 10 if has_quantity else 0)
        + (0 if claim_type == "implied" else 1)
    )


def _precision_key(c: Claim) -> int:
    q = c.quantity
    return precision_rank(
        c.as_of.precision,
        c.as_of.approximate,
        q is not None,
        q.qualifier if q is not None else None,
        c.claim_type,
    )


def _claim_rank(c: Claim, corroboration: int) -> tuple:
    return (
        c.valid_from,
        _precision_key(c),
        c.confirmed,
        corroboration,
        c.source.published or dt.date.min,
        c.id,
    )


def independent_count(items: Iterable[Claim | Projection]) -> int:
    """How many independent sources (different outlets / analysts) stand behind items."""
    keys = {i.source.independence or f"source:{i.source.source_id}" for i in items}
    return max(1, len(keys))


# ------------------------------------------------------------------------------ reported
#: A claim as :func:`choose_current` sees it: a flat tuple whose first fields are, in this
#: order, ``valid_from, precision_rank, confirmed, id, status, count, count_min, count_max,
#: approximate, source_id``; callers may append fields of their own.  Flat and in this
#: order so that (a) rows straight from the database are facts — ``posture_at`` makes
#: thousands per map and cannot afford an object per claim — and (b) plain tuple order is
#: the claims' order of merit (ids are unique, so later fields are never compared).
Fact = tuple
#: source id → (independence key, publication date or ``date.min``)
SourceFacts = dict[int, tuple[str, dt.date]]


def claim_fact(c: Claim) -> Fact:
    """The :data:`Fact` of a claim, with the claim itself appended (field 10)."""
    q = c.quantity
    if q is None:
        return (
            c.valid_from,
            _precision_key(c),
            c.confirmed,
            c.id,
            c.status,
            None,
            None,
            None,
            False,
            c.source.source_id,
            c,
        )
    return (
        c.valid_from,
        _precision_key(c),
        c.confirmed,
        c.id,
        c.status,
        q.count,
        q.count_min,
        q.count_max,
        q.approximate,
        c.source.source_id,
        c,
    )


def source_facts(refs: Iterable[SourceRef]) -> SourceFacts:
    """The :data:`SourceFacts` of some sources."""
    return {
        s.source_id: (s.independence or f"source:{s.source_id}", s.published or dt.date.min)
        for s in refs
    }


def _fact_bounds(f: Fact) -> tuple[float, float] | None:
    count, cmin, cmax = f[5], f[6], f[7]
    if count is None and cmin is None and cmax is None:
        return None
    return bounds_of(count, cmin, cmax, f[8])


def _status_verdict(sa: str, sb: str) -> bool | None:
    """:func:`same_claim` of two different statuses."""
    if sa in PRESENTISH and sb in PRESENTISH and "reduced" in (sa, sb):
        return None  # "reduced" vs "present" need not contradict each other
    return False


def _fact_agrees(a: Fact, b: Fact) -> bool | None:
    """:func:`same_claim` of two claims, on their facts."""
    if a[4] != b[4]:
        return _status_verdict(a[4], b[4])
    ba, bb = _fact_bounds(a), _fact_bounds(b)
    if ba is None or bb is None:
        return True if ba is None and bb is None else None
    return ba[0] <= bb[1] and bb[0] <= ba[1]


#: What :func:`choose_current` returns: ``(best, supporting, conflicts, corroboration,
#: confirmed, reason)`` — the winning fact, the agreeing facts (the winner first), the
#: contradicting ones, the number of independent sources behind the winner, whether any
#: of them is analyst-confirmed, and why the winner won.
Choice = tuple[Fact, list[Fact], list[Fact], int, bool, str]


def choose_current(facts: Sequence[Fact], sources: SourceFacts) -> Choice:
    """The best of the claims "of about the same time" (the rules in the module docstring).

    The most recent, then the most precise, then confirmed claim wins; among equal ones the
    best corroborated, then the latest published, then the newest.  Claims that agree with
    it are its sources (it first), those that contradict it are conflicts.

    Parameters
    ----------
    facts : sequence of Fact
        One per current claim (see :data:`Fact`), at least one.
    sources : SourceFacts
        Independence and publication date of every source the facts cite.
    """
    order = sorted(facts, reverse=True)
    best = order[0]
    if len(order) > 1:
        o1 = order[1]
        if o1[0] == best[0] and o1[1] == best[1] and o1[2] == best[2]:
            # among equally recent and precise claims, the best corroborated one wins
            tied = [f for f in order if f[:3] == best[:3]]
            corr = {
                f[3]: max(1, len({sources[d[9]][0] for d in facts if _fact_agrees(f, d) is True}))
                for f in tied
            }
            best = max(tied, key=lambda f: (corr[f[3]], sources[f[9]][1], f[3]))
    supporting: list[Fact] = []
    conflicts: list[Fact] = []
    status = best[4]
    bb = _fact_bounds(best)
    for f in order:  # _fact_agrees(best, f), with the best claim's bounds computed once
        if f[4] != status:
            if (
                status in PRESENTISH
                and f[4] in PRESENTISH
                and (status == "reduced" or f[4] == "reduced")
            ):
                continue  # "reduced" vs "present" need not contradict each other
            conflicts.append(f)
            continue
        count, cmin, cmax = f[5], f[6], f[7]
        if count is None and cmin is None and cmax is None:
            if bb is None:
                supporting.append(f)
            continue
        if bb is None:
            continue
        # bounds_of(f), inlined: this loop runs for every claim of a full map
        if count is not None and f[8] and cmin is None and cmax is None:
            lo, hi = count * (1 - APPROX_TOLERANCE), count * (1 + APPROX_TOLERANCE)
        else:
            lo = cmin if cmin is not None else count if count is not None else 0
            hi = cmax if cmax is not None else count if count is not None else _INF
        if bb[0] <= hi and lo <= bb[1]:
            supporting.append(f)
        else:
            conflicts.append(f)
    if len(supporting) == 1:
        corroboration, confirmed = 1, bool(supporting[0][2])
    else:
        corroboration = max(1, len({sources[f[9]][0] for f in supporting}))
        confirmed = any(map(_CONFIRMED, supporting))
        if supporting and supporting[0] is not best:  # the best claim first
            for i, f in enumerate(supporting):
                if f is best:
                    supporting.insert(0, supporting.pop(i))
                    break
    if len(facts) == 1:
        reason = "only report"
    elif not conflicts:
        reason = "most recent and most precise report; no conflicting report"
    else:
        reason = _conflict_reason(max(conflicts)[0] < best[0], len(conflicts))
    return best, supporting, conflicts, corroboration, confirmed, reason


_INF = float("inf")
_CONFIRMED = operator.itemgetter(2)


def best_reported(claims: Sequence[Claim], day: dt.date) -> Estimate | None:
    """The best reported estimate of one series on ``day`` (``None`` if nothing is known)."""
    known = [c for c in claims if c.valid_from <= day]
    if not known:
        return None
    if len(known) == 1:
        c = known[0]
        return Estimate(
            actor=c.actor,
            place_id=c.place_id,
            status=c.status,
            quantity=c.quantity,
            basis="reported",
            as_of=c.as_of,
            valid_from=c.valid_from,
            supporting=[c],
            corroboration=1,
            confirmed=c.confirmed,
            reason="only report",
            claim_type=c.claim_type,
        )
    latest = max(c.valid_from for c in known)
    window_start = latest - dt.timedelta(days=SAME_TIME_DAYS)
    current = [c for c in known if c.valid_from >= window_start]
    top, supporting, conflicts, corroboration, confirmed, reason = choose_current(
        [claim_fact(c) for c in current], source_facts(c.source for c in current)
    )
    best: Claim = top[10]
    return Estimate(
        actor=best.actor,
        place_id=best.place_id,
        status=best.status,
        quantity=best.quantity,
        basis="reported",
        as_of=best.as_of,
        valid_from=best.valid_from,
        supporting=[f[10] for f in supporting],
        conflicts=[f[10] for f in conflicts],
        corroboration=corroboration,
        confirmed=confirmed,
        reason=reason,
        claim_type=best.claim_type,
    )


@functools.lru_cache(maxsize=256)
def _conflict_reason(older: bool, n: int) -> str:
    if older:
        return (
            f"most recent report preferred over {n} conflicting "
            f"earlier report{'s' if n > 1 else ''}"
        )
    return (
        f"most precise of equally recent reports preferred over {n} "
        f"conflicting report{'s' if n > 1 else ''}"
    )


# ------------------------------------------------------------------------------ projections
def move_outcomes(move: PlannedMove, scope: str | None = None) -> list[tuple[str, str, str]]:
    """(place_id, status, via) states a move leads to once its deadline has passed.

    withdraw → withdrawn (``part`` scope: reduced); reduce → reduced; remain until D →
    withdrawn after D; relocate X→Y → X withdrawn (or reduced), Y present; arrive/increase →
    present.  A status stated with the move (e.g. ``advisory``) replaces the origin's.
    """
    a = move.action
    scope = scope if scope is not None else move.scope
    partial = scope == "part"
    stated = move.status
    if a == "withdraw":
        out = [(move.place_id, stated or ("reduced" if partial else "withdrawn"), "")]
    elif a == "reduce":
        out = [(move.place_id, stated or "reduced", "")]
    elif a == "remain":
        out = [(move.place_id, stated if stated and stated != "present" else "withdrawn", "")]
    elif a == "relocate":
        out = [(move.place_id, stated or ("reduced" if partial else "withdrawn"), "")]
        if move.to_place_id:
            out.append((move.to_place_id, "present", "to"))
    elif a in ("arrive", "increase"):
        out = [(move.place_id, stated or "present", "")]
    else:
        out = []
    return out


def effective_scope(m: PlannedMove, moves: Sequence[PlannedMove]) -> str | None:
    """A withdrawal of unstated scope followed (same plan, actor, place) by a later total
    one ("… and the rest by 2026") was partial."""
    if m.scope is not None or m.action not in ("withdraw", "relocate"):
        return m.scope
    for o in moves:
        if (
            o is not m
            and o.plan_id == m.plan_id
            and o.actor == m.actor
            and o.place_id == m.place_id
            and o.action == "withdraw"
            and o.scope in TOTAL_SCOPES
            and o.projects
            and m.by is not None
            and o.by is not None
            and o.by.value > m.by.value
        ):
            return "part"
    return m.scope


def projected_quantity(
    p: Projection, prior: Estimate | None, moved: Quantity | None = None
) -> Quantity | None:
    """The number a projection implies, given the estimate just before it (never invented).

    withdrawn → none; reduced → "fewer than" the previous upper figure when one is known;
    arrive/increase/relocation target → "more than" the previous figure plus a stated number.
    """
    if p.status == "withdrawn":
        return None
    pq = prior.quantity if prior is not None and prior.status in PRESENTISH else None
    mq = p.move.quantity or moved
    if p.status == "reduced":
        if pq is not None and pq.high is not None:
            return Quantity(count_max=pq.high, approximate=pq.approximate, qualifier="upper_bound")
        return None
    # present after an arrival / increase / relocation
    base = pq.low if pq is not None and pq.low is not None else None
    add = mq.low if mq is not None else None
    if (
        p.move.action in ("arrive", "relocate")
        and base is None
        and mq is not None
        and (mq.count is not None or mq.count_min is not None)
    ):
        return (
            Quantity(count_min=mq.low, approximate=mq.approximate, qualifier="lower_bound")
            if p.move.action == "relocate"
            else mq
        )
    if base is None and add is None:
        return None
    total = (base or 0) + (add or 0)
    if total <= 0:
        return None
    approx = bool((pq and pq.approximate) or (mq and mq.approximate))
    return Quantity(count_min=total, approximate=approx, qualifier="lower_bound")


def build_projections(
    moves: Iterable[PlannedMove],
    series: Iterable[tuple[str, str]],
    ancestors: dict[str, Sequence[str]],
    members: dict[str, Sequence[str]],
) -> dict[tuple[str, str], list[Projection]]:
    """Projections per series key ``(actor, place_id)`` for every move with a deadline.

    Parameters
    ----------
    moves : iterable of PlannedMove
    series : iterable of (actor, place_id)
        The series that exist; a group's move reaches a member only where the member has a
        series, a place-wide withdrawal reaches sub-places only where a series exists.
    ancestors : dict
        place_id → ids of its enclosing places (parent chain).
    members : dict
        group code → member codes.
    """
    moves = [m for m in moves if m.projects]
    if not moves:
        return {}
    keys = set(series)
    by_place: dict[str, list[str]] = {}
    for a, p in keys:
        by_place.setdefault(p, []).append(a)
    below: dict[str, list[str]] = {}
    for p in by_place:
        for anc in ancestors.get(p, ()):
            below.setdefault(anc, []).append(p)
    out: dict[tuple[str, str], list[Projection]] = {}

    def add(actor: str, place: str, status: str, via: str, m: PlannedMove) -> None:
        eff = m.effective
        assert eff is not None
        out.setdefault((actor, place), []).append(Projection(m, actor, place, eff, status, via))

    for m in moves:
        group = set(members.get(m.actor, ()))
        scope = effective_scope(m, moves)
        for place, status, via in move_outcomes(m, scope):
            add(m.actor, place, status, via, m)
            for a in by_place.get(place, ()):
                if a in group:
                    add(a, place, status, f"actor:{m.actor}", m)
            if status == "withdrawn" and via == "" and scope in TOTAL_SCOPES:
                for sub in below.get(place, ()):
                    for a in by_place.get(sub, ()):
                        if a == m.actor or a in group:
                            add(a, sub, status, f"place:{place}", m)
    return out


def _projection_rank(p: Projection) -> tuple:
    direct = 0 if p.via.startswith("place:") else 1
    own = 0 if p.via.startswith("actor:") else 1
    by = p.move.by
    return (
        p.effective,
        own,
        direct,
        p.confirmed,
        p.move.plan_kind == "scenario",
        _DATE_RANK.get(by.precision, 0) if by else 0,
        p.move.id,
    )


def best_projection(
    projections: Sequence[Projection], day: dt.date
) -> tuple[Projection, list[Projection], list[Projection]] | None:
    """The projection in force on ``day``: (chosen, agreeing, conflicting) or ``None``."""
    passed = [p for p in projections if p.effective <= day]
    if not passed:
        return None
    latest = max(p.effective for p in passed)
    same = [p for p in passed if p.effective == latest]
    ranked = sorted(same, key=_projection_rank, reverse=True)
    best = ranked[0]
    agree = [p for p in ranked if p.status == best.status]
    conflict = [p for p in ranked if p.status != best.status]
    return best, agree, conflict


ClaimsOf = Callable[[tuple[str, str]], Sequence[Claim]]


def estimate_at(
    claims: Sequence[Claim],
    projections: Sequence[Projection],
    day: dt.date,
    claims_of: ClaimsOf | None = None,
) -> Estimate | None:
    """The estimate of one series on ``day``: reported, or projected if a plan overtook it.

    ``claims_of((actor, place))`` gives other series' claims, so a relocation's destination
    can count the forces that left the origin.
    """
    rep = best_reported(claims, day)
    proj = best_projection(projections, day)
    if proj is None:
        return rep
    best, agree, conflict = proj
    if rep is not None and rep.valid_from >= best.effective:
        return rep  # a report at/after the deadline says how things really are
    prior = best_reported(claims, best.effective - dt.timedelta(days=1))
    by = best.move.by
    assert by is not None
    reason = f"deadline {by.value.isoformat()} of plan {best.move.plan!r} has passed" + (
        " and no later report" if rep is not None else ""
    )
    if best.via.startswith("actor:"):
        reason += f"; the move is by {best.via[6:]}, of which {best.actor} is a member"
    elif best.via.startswith("place:"):
        reason += f"; the move covers all of {best.via[6:]}"
    moved = None
    if best.via == "to" and claims_of is not None and best.move.scope in (None, "all", "rest"):
        origin = best_reported(
            claims_of((best.actor, best.move.place_id)), best.effective - dt.timedelta(days=1)
        )
        if origin is not None and origin.status in PRESENTISH:
            moved = origin.quantity
    return Estimate(
        actor=best.actor,
        place_id=best.place_id,
        status=best.status,
        quantity=projected_quantity(best, prior, moved),
        basis="projected",
        as_of=by,
        valid_from=best.effective,
        supporting=list(agree),
        conflicts=list(conflict),
        corroboration=independent_count(agree),
        confirmed=any(p.confirmed for p in agree),
        reason=reason,
        plan=best.move.plan,
        plan_id=best.move.plan_id,
        phase=best.move.phase,
        via=best.via,
    )


def change_points(claims: Sequence[Claim], projections: Sequence[Projection]) -> list[dt.date]:
    """Every date on which a series' estimate may change, sorted."""
    return sorted({c.valid_from for c in claims} | {p.effective for p in projections})


@dataclass(slots=True)
class Step:
    """One step of a series' timeline: the estimate in force on ``[start, end)``."""

    start: dt.date
    end: dt.date | None
    estimate: Estimate


def steps(
    claims: Sequence[Claim], projections: Sequence[Projection], claims_of: ClaimsOf | None = None
) -> list[Step]:
    """The step series of one actor at one place (consecutive identical states merge)."""
    out: list[Step] = []
    for day in change_points(claims, projections):
        est = estimate_at(claims, projections, day, claims_of)
        if est is None:
            continue
        if out and out[-1].estimate.state() == est.state():
            prev = out[-1].estimate
            seen = {id(x) for x in prev.supporting}
            prev.supporting.extend(x for x in est.supporting if id(x) not in seen)
            continue
        if out:
            out[-1].end = day
        out.append(Step(day, None, est))
    return out


def with_quantity(est: Estimate, q: Quantity | None) -> Estimate:
    """A copy of an estimate with another quantity."""
    return replace(est, quantity=q)
