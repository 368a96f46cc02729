"""A straightforward reference of ``Store.posture_at`` (frozen copy of the original code).

This is what ``posture_at`` computed before it was optimised (issue #4), written the plain
way: read every observation, source, move and place through SQLAlchemy, cut each series'
claims to the "same time" window by hand, estimate with the original ``best_reported`` /
``estimate_at`` and build the feature properties with the original helpers.  The projection
rules (``build_projections``, ``best_projection``, ``projected_quantity``, ``move_outcomes``)
and ``quantity_label`` are imported from the model: the optimisation does not touch them.

Nothing here may import the optimised code paths of :mod:`service.store.store`; the
equivalence test (tests/store/test_posture_equivalence.py) compares the two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from service import actors as actor_registry
from service.domain import DATE_PRECISIONS, FuzzyDate, Quantity
from service.store import model as M
from service.store.schema import (
    moves_t,
    observations_t,
    phases_t,
    places_t,
    plans_t,
    series_t,
    sources_t,
)

SAME_TIME_DAYS = 31
APPROX_TOLERANCE = 0.10
PRESENTISH = ("present", "reduced", "advisory")
_QUALIFIER_RANK = {
    "exact": 5,
    "approximate": 4,
    "range": 3,
    "upper_bound": 2,
    "lower_bound": 2,
    "vague": 1,
}
_DATE_RANK = {p: len(DATE_PRECISIONS) - i for i, p in enumerate(DATE_PRECISIONS)}
_KIND_ORDER = {"country": 0, "region": 1, "admin1": 2, "city": 3, "installation": 4}


# ------------------------------------------------------------------------------ the data
class Data:
    """Everything ``posture_at`` reads, loaded once from the store's tables."""

    def __init__(self, store: Any) -> None:
        self.backend = store.backend
        with store.engine.connect() as conn:
            src = {
                r.id: M.SourceRef(
                    r.id, r.kind, r.outlet, r.url, r.title, r.published, r.independence
                )
                for r in conn.execute(sa.select(sources_t))
            }
            self.series = [
                (r.actor, r.place_id)
                for r in conn.execute(sa.select(series_t.c.actor, series_t.c.place_id))
            ]
            self.claims: dict[tuple[str, str], list[M.Claim]] = {}
            for r in conn.execute(sa.select(observations_t)):
                q = None
                if not (r.count is None and r.count_min is None and r.count_max is None):
                    q = Quantity(
                        r.count,
                        r.count_min,
                        r.count_max,
                        bool(r.approximate),
                        r.qualifier or "exact",
                    )
                c = M.Claim(
                    r.id,
                    r.actor,
                    r.place_id,
                    FuzzyDate(r.as_of, r.as_of_precision, bool(r.as_of_approximate)),
                    r.valid_from,
                    q,
                    r.status,
                    src[r.source_id],
                    r.quote,
                    r.claim_type,
                    bool(r.confirmed),
                    r.location_precision,
                )
                self.claims.setdefault((c.actor, c.place_id), []).append(c)
            self.place_rows = {r.id: r for r in conn.execute(sa.select(places_t))}
            self.plans = [r for r in conn.execute(sa.select(plans_t).order_by(plans_t.c.id))]
            m, ph, p = moves_t, phases_t, plans_t
            rows = conn.execute(
                sa.select(
                    m,
                    ph.c.name.label("phase_name"),
                    p.c.name.label("plan_name"),
                    p.c.kind.label("plan_kind"),
                )
                .join(ph, ph.c.id == m.c.phase_id)
                .join(p, p.c.id == m.c.plan_id)
                .order_by(m.c.id)
            ).all()
        self.moves = [
            M.PlannedMove(
                id=r.id,
                plan_id=r.plan_id,
                plan=r.plan_name,
                plan_kind=r.plan_kind,
                phase=r.phase_name,
                actor=r.actor,
                action=r.action,
                place_id=r.place_id,
                by=FuzzyDate(r.by, r.by_precision or "day", bool(r.by_approximate))
                if r.by is not None
                else None,
                source=src[r.source_id],
                to_place_id=r.to_place_id,
                scope=r.scope,
                quantity=None
                if r.count is None and r.count_min is None and r.count_max is None
                else Quantity(
                    r.count, r.count_min, r.count_max, bool(r.approximate), r.qualifier or "exact"
                ),
                quote=r.quote,
                confirmed=bool(r.confirmed),
                modality=r.modality or "planned",
                status=r.status,
            )
            for r in rows
        ]
        self.places = {pid: store.place(pid) for pid in self.place_rows}
        self.ancestors = _ancestors(self.places)

    def plan_id(self, plan: Any) -> int | None:
        if plan in (None, ""):
            return None
        for p in self.plans:
            if (
                p.slug == str(plan)
                or p.name == str(plan)
                or (str(plan).isdigit() and p.id == int(plan))
            ):
                return p.id
        raise LookupError(plan)


def _ancestors(places: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pid, p in places.items():
        chain, seen, cur = [], {pid}, p["parent"]
        while cur and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            cur = places[cur]["parent"] if cur in places else None
        if p["country"] and p["kind"] != "country":
            cid = f"country:{p['country']}"
            if cid not in chain and cid != pid:
                chain.append(cid)
        out[pid] = chain
    return out


# ------------------------------------------------------------------------------ the posture
def posture(
    data: Data,
    day: dt.date,
    actor: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    plan: Any = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """``(features, plan label)`` as the original ``posture_at`` computed them."""
    import shapely
    from shapely.geometry import box as mkbox

    codes = set(actor_registry.with_members(actor)) if actor else None
    plan_id = data.plan_id(plan)
    moves = [m for m in data.moves if plan_id is None or m.plan_id == plan_id]
    b = mkbox(*bbox) if bbox else None

    def prefilter(pid: str) -> bool:
        # the SQL pre-filter: bounding boxes on SQLite, ST_Intersects on PostGIS
        if b is None:
            return True
        r = data.place_rows[pid]
        if data.backend == "postgresql":
            return shapely.intersects(r.geom, b)
        x0, y0, x1, y1 = bbox
        return r.maxx >= x0 and r.minx <= x1 and r.maxy >= y0 and r.miny <= y1

    in_query = [k for k in data.series if (codes is None or k[0] in codes) and prefilter(k[1])]
    claims: dict[tuple[str, str], list[M.Claim]] = {}
    for k in in_query:
        known = [c for c in data.claims.get(k, ()) if c.valid_from <= day]
        if known:
            latest = max(c.valid_from for c in known)
            lo = latest - dt.timedelta(days=SAME_TIME_DAYS)
            claims[k] = [c for c in known if c.valid_from >= lo]
    keys = (
        in_query
        if b is None
        else [
            k
            for k in in_query
            if data.place_rows[k[1]].geom is None or data.place_rows[k[1]].geom.intersects(b)
        ]
    )
    members = {a.code: a.members for a in actor_registry.ACTORS.values() if a.members}
    projections = M.build_projections(moves, keys, data.ancestors, members)
    claims_of = lambda key: claims.get(key, ())
    estimates = []
    for k in keys:
        est = estimate_at(claims.get(k, ()), projections.get(k, ()), day, claims_of)
        if est is not None:
            estimates.append(est)
    feats = []
    for est in estimates:
        place = data.places[est.place_id]
        feats.append(
            {
                "type": "Feature",
                "geometry": place["geometry"],
                "properties": estimate_properties(est, place),
            }
        )
    _add_unallocated(feats)
    feats.sort(
        key=lambda f: (
            f["properties"]["country"] or "~",
            _KIND_ORDER[f["properties"]["kind"]],
            f["properties"]["place_id"],
            f["properties"]["actor"],
        )
    )
    label = (
        moves[0].plan
        if plan_id is not None and moves
        else (str(plan) if plan_id is not None else None)
    )
    return feats, label


# ------------------------------------------------------------------------------ the model
def bounds(q: Quantity | None) -> tuple[float, float] | None:
    if q is None:
        return None
    lo, hi = q.low, q.high
    if q.count is not None and q.approximate and q.count_min is None and q.count_max is None:
        lo = q.count * (1 - APPROX_TOLERANCE)
        hi = q.count * (1 + APPROX_TOLERANCE)
    return (float(lo if lo is not None else 0), float("inf") if hi is None else float(hi))


def agrees(a: Quantity | None, b: Quantity | None) -> bool | None:
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return None
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def same_claim(a: Any, b: Any) -> bool | None:
    if a.status != b.status:
        if {a.status, b.status} <= set(PRESENTISH) and "reduced" in (a.status, b.status):
            return None
        return False
    qa = a.quantity if isinstance(a, M.Claim) else None
    qb = b.quantity if isinstance(b, M.Claim) else None
    if isinstance(a, M.Projection) and isinstance(b, M.Projection):
        return True
    if qa is None and qb is None:
        return True
    return agrees(qa, qb)


def _precision_key(c: M.Claim) -> tuple:
    q = c.quantity
    return (
        _DATE_RANK.get(c.as_of.precision, 0),
        0 if c.as_of.approximate else 1,
        1 if q is not None else 0,
        _QUALIFIER_RANK.get(q.qualifier, 0) if q else 0,
        0 if c.claim_type == "implied" else 1,
    )


def independent_count(items: Iterable[Any]) -> int:
    keys = {i.source.independence or f"source:{i.source.source_id}" for i in items}
    return max(1, len(keys))


def best_reported(claims: Sequence[M.Claim], day: dt.date) -> M.Estimate | None:
    known = [c for c in claims if c.valid_from <= day]
    if not known:
        return None
    if len(known) == 1:
        c = known[0]
        return M.Estimate(
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
    keyed = sorted(((c.valid_from, _precision_key(c), c.confirmed), c.id, c) for c in current)
    keyed.reverse()
    top = keyed[0][0]
    tied = [c for k, _, c in keyed if k == top]
    if len(tied) == 1:
        best = tied[0]
    else:
        corr = {c.id: independent_count([d for d in current if same_claim(c, d)]) for c in tied}
        best = max(tied, key=lambda c: (corr[c.id], c.source.published or dt.date.min, c.id))
    supporting: list[Any] = []
    conflicts: list[Any] = []
    for _, _, c in keyed:
        verdict = same_claim(best, c)
        if verdict is True:
            supporting.append(c)
        elif verdict is False:
            conflicts.append(c)
    supporting.sort(key=lambda c: c is not best)
    return M.Estimate(
        actor=best.actor,
        place_id=best.place_id,
        status=best.status,
        quantity=best.quantity,
        basis="reported",
        as_of=best.as_of,
        valid_from=best.valid_from,
        supporting=supporting,
        conflicts=conflicts,
        corroboration=independent_count(supporting),
        confirmed=any(c.confirmed for c in supporting),
        reason=_reason(best, current, conflicts),
        claim_type=best.claim_type,
    )


def _reason(best: M.Claim, current: list[M.Claim], conflicts: list) -> str:
    if len(current) == 1:
        return "only report"
    if not conflicts:
        return "most recent and most precise report; no conflicting report"
    older = [c for c in conflicts if c.valid_from < best.valid_from]
    if older and len(older) == len(conflicts):
        return (
            f"most recent report preferred over {len(conflicts)} conflicting "
            f"earlier report{'s' if len(conflicts) > 1 else ''}"
        )
    return (
        f"most precise of equally recent reports preferred over {len(conflicts)} "
        f"conflicting report{'s' if len(conflicts) > 1 else ''}"
    )


def estimate_at(
    claims: Sequence[M.Claim],
    projections: Sequence[M.Projection],
    day: dt.date,
    claims_of: Any = None,
) -> M.Estimate | None:
    rep = best_reported(claims, day)
    proj = M.best_projection(projections, day)
    if proj is None:
        return rep
    best, agree, conflict = proj
    if rep is not None and rep.valid_from >= best.effective:
        return rep
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
    return M.Estimate(
        actor=best.actor,
        place_id=best.place_id,
        status=best.status,
        quantity=M.projected_quantity(best, prior, moved),
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


# ------------------------------------------------------------------------------ properties
def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _source_entry(item: Any) -> dict[str, Any]:
    s = item.source
    d = {
        "source_id": s.source_id,
        "kind": s.kind,
        "outlet": s.outlet,
        "url": s.url,
        "title": s.title,
        "published": _iso(s.published),
        "quote": item.quote,
    }
    if isinstance(item, M.Claim):
        d["observation_id"] = item.id
        d["claim_type"] = item.claim_type
    else:
        d["move_id"] = item.move.id
        d["plan"] = item.move.plan
    return d


def _conflict_entry(item: Any) -> dict[str, Any]:
    if isinstance(item, M.Claim):
        s, q = item.source, item.quantity
        return {
            "source_id": s.source_id,
            "kind": s.kind,
            "outlet": s.outlet,
            "url": s.url,
            "title": s.title,
            "published": _iso(s.published),
            "quote": item.quote,
            "observation_id": item.id,
            "claim_type": item.claim_type,
            "basis": "reported",
            "status": item.status,
            "as_of": _iso(item.as_of.value),
            "label": M.quantity_label(q, item.status),
            "count": q.count if q else None,
            "count_min": q.count_min if q else None,
            "count_max": q.count_max if q else None,
        }
    d = _source_entry(item)
    by = item.move.by
    d.update(
        basis="projected",
        status=item.status,
        as_of=by.isoformat() if by else None,
        label=item.status,
        count=None,
        count_min=None,
        count_max=None,
    )
    return d


def estimate_properties(est: M.Estimate, place: dict[str, Any]) -> dict[str, Any]:
    q = est.quantity
    actor = actor_registry.ACTORS.get(est.actor)
    return {
        "place_id": place["id"],
        "name": place["name"],
        "name_ar": place["name_ar"],
        "kind": place["kind"],
        "country": place["country"],
        "actor": est.actor,
        "actor_name": actor.name if actor else est.actor,
        "count": q.count if q else None,
        "count_min": q.count_min if q else None,
        "count_max": q.count_max if q else None,
        "approximate": bool(q.approximate) if q else False,
        "qualifier": q.qualifier if q else None,
        "label": M.quantity_label(q, est.status),
        "status": est.status,
        "basis": est.basis,
        "as_of": _iso(est.as_of.value),
        "as_of_precision": est.as_of.precision,
        "valid_from": _iso(est.valid_from),
        "location_precision": M.LOCATION_PRECISION.get(place["kind"], place["kind"]),
        "plan": est.plan,
        "phase": est.phase,
        "sources": [_source_entry(s) for s in est.supporting],
        "conflicts": [_conflict_entry(c) for c in est.conflicts],
        "corroboration": est.corroboration,
        "confirmed": est.confirmed,
        "reason": est.reason,
        "claim_type": est.claim_type,
        "via": est.via or None,
        "unallocated": None,
        "lon": place["lon"],
        "lat": place["lat"],
    }


def _props_qty(p: dict[str, Any]) -> Quantity | None:
    if p["count"] is None and p["count_min"] is None and p["count_max"] is None:
        return None
    return Quantity(
        p["count"],
        p["count_min"],
        p["count_max"],
        bool(p["approximate"]),
        p["qualifier"] or "exact",
    )


def _add_unallocated(feats: list[dict[str, Any]]) -> None:
    members = {a.code: set(a.members) for a in actor_registry.ACTORS.values()}
    subs: dict[str, list[dict[str, Any]]] = {}
    for f in feats:
        p = f["properties"]
        if p["kind"] != "country" and p["country"] and p["status"] in PRESENTISH:
            subs.setdefault(p["country"], []).append(p)
    for f in feats:
        p = f["properties"]
        if p["kind"] != "country" or p["status"] not in PRESENTISH:
            continue
        q = _props_qty(p)
        if q is None or q.high is None:
            continue
        actors = {p["actor"]} | members.get(p["actor"], set())
        rows = [s for s in subs.get(p["country"], []) if s["actor"] in actors]
        lo_alloc = sum((_props_qty(s).low or 0) if _props_qty(s) else 0 for s in rows)
        his = [(_props_qty(s).high if _props_qty(s) else None) for s in rows]
        hi_alloc = None if any(h is None for h in his) else sum(h for h in his)
        total_lo = q.low if q.low is not None else 0
        umax = max(0, q.high - lo_alloc)
        umin = 0 if hi_alloc is None else max(0, total_lo - hi_alloc)
        p["unallocated"] = {
            "count_min": umin,
            "count_max": umax,
            "approximate": bool(q.approximate),
            "label": (f"{umin:,}" if umin == umax else f"{umin:,}–{umax:,}"),
            "allocated_places": sorted({s["place_id"] for s in rows}),
        }
