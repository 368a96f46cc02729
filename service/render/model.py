"""Read the store's public API into plain rows the map draws.

Only the documented store API is used (``posture_at``, ``change_dates``, ``changes``,
``plans``, and ``places`` when present).  Posture rows are read from the documented GeoJSON
feature properties; plans and changes are read leniently (attributes or dict keys, a few
synonyms) because their Python shapes are the store's business.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from ..domain import STATUSES, Quantity, parse_iso_date
from ..errors import ServiceError

POINT_PRECISIONS = ("installation", "city")
AREA_PRECISIONS = ("admin1", "region", "country")
BASES = ("reported", "projected")
CHANGE_KINDS = ("left", "arrived", "reduced", "increased", "moved", "status")


def get(obj: Any, *names: str, default: Any = None) -> Any:
    """First non-None attribute or key of ``obj`` among ``names``."""
    for n in names:
        v = obj.get(n) if isinstance(obj, dict) else getattr(obj, n, None)
        if v is not None:
            return v
    return default


def as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    v = getattr(value, "value", None)  # FuzzyDate
    if isinstance(v, dt.date):
        return v
    return _iso_date(str(value))


def quantity(props: Any) -> Quantity | None:
    """The row's :class:`Quantity` (qualifier inferred when missing), or ``None``."""
    g = props.get if isinstance(props, dict) else (lambda k: getattr(props, k, None))
    count, lo, hi = g("count"), g("count_min"), g("count_max")
    if count is None and lo is None and hi is None:
        return None
    approx = bool(g("approximate"))
    qual = g("qualifier")
    if qual is None:
        if count is not None:
            qual = "approximate" if approx else "exact"
        elif lo is not None and hi is not None:
            qual = "range"
        elif hi is not None:
            qual = "upper_bound"
        elif lo is not None:
            qual = "lower_bound"
    return _quantity(count, lo, hi, approx, qual or "exact")


@functools.lru_cache(maxsize=8192)
def _quantity(count, lo, hi, approx, qual) -> Quantity | None:
    try:
        return Quantity(count, lo, hi, approx, qual)
    except ServiceError:  # inconsistent numbers: the label says "?"
        return None


@dataclass(slots=True)
class Row:
    """One posture row: an actor's forces at a place on a date."""

    place_id: str
    actor: str
    name: str
    name_ar: str | None
    kind: str | None
    country: str | None
    precision: str
    label: str
    qty_label: str | None
    central: float | None
    status: str
    basis: str
    as_of: dt.date | None
    as_of_precision: str | None
    plan: str | None
    phase: Any
    sources: list[dict]
    conflicts: list
    unallocated: Any
    lon: float | None = None
    lat: float | None = None
    geometry: dict | None = None

    @property
    def is_point(self) -> bool:
        return self.precision in POINT_PRECISIONS


_PROPS = (
    "place_id",
    "id",
    "name",
    "name_ar",
    "kind",
    "country",
    "actor",
    "count",
    "count_min",
    "count_max",
    "approximate",
    "qualifier",
    "label",
    "status",
    "basis",
    "as_of",
    "as_of_precision",
    "location_precision",
    "plan",
    "phase",
    "sources",
    "conflicts",
    "unallocated",
)
_PRECISIONS = POINT_PRECISIONS + AREA_PRECISIONS


@functools.lru_cache(maxsize=4096)
def _iso_date(text: str) -> dt.date | None:
    try:
        return parse_iso_date(text)
    except ServiceError:  # unreadable date: treat as unknown
        return None


def posture_features(posture: Any) -> list[dict]:
    """The feature dicts of a ``Posture`` (``.features``, else ``.to_geojson()``)."""
    feats = getattr(posture, "features", None)
    if feats is None and isinstance(posture, dict):
        feats = posture.get("features")
    if feats is None and hasattr(posture, "to_geojson"):
        gj = posture.to_geojson()
        feats = gj.get("features", []) if isinstance(gj, dict) else []
    return list(feats or [])


def posture_rows(posture: Any, gazetteer=None) -> list[Row]:
    """Posture features → :class:`Row` objects (geometry kept as GeoJSON)."""
    rows = []
    for f in posture_features(posture):
        if not isinstance(f, dict):
            f = {
                "properties": getattr(f, "properties", {}),
                "geometry": getattr(f, "geometry", None),
            }
        props = f.get("properties", f) if "properties" in f else f
        geom = f.get("geometry")
        if not isinstance(props, dict):
            props = {k: getattr(props, k, None) for k in _PROPS}
        g = props.get
        pid = str(g("place_id") or g("id") or "")
        if not pid:
            continue
        q = quantity(props)
        qlabel = q.label() if q else None
        precision = g("location_precision") or g("kind") or "country"
        status = g("status") or "present"
        basis = g("basis") or "reported"
        row = Row(
            place_id=pid,
            actor=str(g("actor") or ""),
            name=str(g("name") or pid),
            name_ar=g("name_ar"),
            kind=g("kind"),
            country=g("country"),
            precision=precision if precision in _PRECISIONS else "country",
            label=str(g("label") or qlabel or "?"),
            qty_label=qlabel,
            central=q.central if q else None,
            status=status if status in STATUSES else "present",
            basis=basis if basis in BASES else "reported",
            as_of=as_date(g("as_of")),
            as_of_precision=g("as_of_precision"),
            plan=g("plan"),
            phase=g("phase"),
            sources=[s for s in (g("sources") or []) if s is not None],
            conflicts=list(g("conflicts") or []),
            unallocated=g("unallocated"),
            geometry=geom if isinstance(geom, dict) else None,
        )
        lon, lat = _point(geom)
        if lon is None and gazetteer is not None and pid in gazetteer:
            p = gazetteer.get(pid)
            lon, lat = p.lon, p.lat
        row.lon, row.lat = lon, lat
        rows.append(row)
    return rows


def _point(geom: Any) -> tuple[float | None, float | None]:
    if isinstance(geom, dict) and geom.get("type") == "Point":
        c = geom.get("coordinates") or []
        if len(c) >= 2:
            return float(c[0]), float(c[1])
    return None, None


# ------------------------------------------------------------------------------ changes
@dataclass(slots=True)
class ChangeItem:
    """Something that changed between two dates at a place (or from one place to another)."""

    kind: str  # one of CHANGE_KINDS
    actor: str
    place_id: str
    to_place_id: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    basis: str = "reported"
    before: str | None = None  # level as stated ('≈ 2,500'), None when no number
    after: str | None = None
    before_status: str | None = None
    after_status: str | None = None
    sources: list[dict] = field(default_factory=list)


_KIND_SYNONYMS = {
    "left": "left",
    "withdraw": "left",
    "withdrawn": "left",
    "withdrew": "left",
    "removed": "left",
    "gone": "left",
    "arrived": "arrived",
    "arrive": "arrived",
    "added": "arrived",
    "new": "arrived",
    "deploy": "arrived",
    "reduced": "reduced",
    "reduce": "reduced",
    "decrease": "reduced",
    "decreased": "reduced",
    "increased": "increased",
    "increase": "increased",
    "grew": "increased",
    "status": "status",
    "changed": "status",
    "moved": "moved",
    "move": "moved",
    "relocate": "moved",
    "relocated": "moved",
}


def change_items(changes: Any) -> list[ChangeItem] | None:
    """Normalise ``store.changes(...)``; ``None`` when its items cannot be read."""
    if changes is None:
        return None
    if hasattr(changes, "to_geojson") and not isinstance(changes, list):
        gj = changes.to_geojson()
        changes = gj.get("features", []) if isinstance(gj, dict) else []
    out = []
    for c in list(changes):
        if isinstance(c, dict) and "properties" in c:
            c = c["properties"]
        raw = str(get(c, "kind", "change", "type", "action", default="")).lower()
        kind = _KIND_SYNONYMS.get(raw)
        pid = get(c, "place_id", "from_place_id", "from_place")
        if kind is None or not pid:
            return None
        before, after = get(c, "before", "old"), get(c, "after", "new")
        out.append(
            ChangeItem(
                kind=kind,
                actor=str(get(c, "actor", default="") or ""),
                place_id=str(pid),
                to_place_id=get(c, "to_place_id", "to_place"),
                date=as_date(
                    get(c, "effective", "date", "as_of", "by")
                    or get(after or {}, "valid_from", "as_of")
                ),
                date_precision=get(c, "date_precision", "as_of_precision", "by_precision"),
                basis=get(c, "basis", default="reported") or "reported",
                before=_label_of(before),
                after=_label_of(after),
                before_status=get(before, "status") if before is not None else None,
                after_status=get(after, "status") if after is not None else None,
                sources=list(get(c, "sources", default=[]) or []),
            )
        )
    return out


def _label_of(v: Any) -> str | None:
    """The level as stated (Quantity.label()); a plain string is taken as the label."""
    if v is None:
        return None
    if isinstance(v, str):
        return v
    q = quantity(v)
    return q.label() if q else None


def diff_postures(before: list[Row], after: list[Row]) -> list[ChangeItem]:
    """Changes between two postures: left, arrived, reduced, increased (per place and actor)."""
    a = {(r.place_id, r.actor): r for r in before}
    b = {(r.place_id, r.actor): r for r in after}
    out = []
    for key in sorted(set(a) | set(b)):
        ra, rb = a.get(key), b.get(key)
        here_a = ra is not None and ra.status != "withdrawn"
        here_b = rb is not None and rb.status != "withdrawn"
        ref = rb or ra
        if here_a and not here_b:
            kind = "left"
        elif here_b and not here_a:
            kind = "arrived"
        elif here_a and here_b:
            ca, cb = ra.central, rb.central
            if (rb.status == "reduced" and ra.status != "reduced") or (
                ca is not None and cb is not None and cb < ca
            ):
                kind = "reduced"
            elif ca is not None and cb is not None and cb > ca:
                kind = "increased"
            else:
                continue
        else:
            continue
        out.append(
            ChangeItem(
                kind=kind,
                actor=key[1],
                place_id=key[0],
                date=(rb.as_of if rb else None),
                date_precision=(rb.as_of_precision if rb else None),
                basis=(rb.basis if rb else ref.basis),
                before=ra.qty_label if ra else None,
                after=rb.qty_label if rb else None,
                before_status=ra.status if ra else None,
                after_status=rb.status if rb else None,
                sources=(rb.sources if rb else ra.sources),
            )
        )
    return out


# ------------------------------------------------------------------------------ plans
@dataclass(slots=True)
class MoveInfo:
    actor: str
    action: str
    place_id: str | None
    to_place_id: str | None
    by: dt.date | None
    by_precision: str | None
    label: str | None
    quote: str | None
    sources: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class PhaseInfo:
    plan_key: str
    plan_name: str
    ordinal: int
    name: str | None
    deadline: dt.date | None
    deadline_precision: str | None
    moves: list[MoveInfo] = field(default_factory=list)


def plan_phases(plans: Any) -> list[PhaseInfo]:
    """Flatten ``store.plans()`` into phases with their moves (lenient about shapes)."""
    out: list[PhaseInfo] = []
    for plan in list(plans or []):
        key = str(get(plan, "slug", "id", "key", "name", default="plan"))
        pname = str(get(plan, "name", "title", "slug", default=key))
        phases = list(get(plan, "phases", default=[]) or [])
        loose = list(get(plan, "moves", default=[]) or [])
        by_ord: dict[Any, PhaseInfo] = {}
        for i, ph in enumerate(phases, 1):
            info = PhaseInfo(
                key,
                pname,
                int(get(ph, "ordinal", "phase", "number", default=i) or i),
                get(ph, "name", "title"),
                as_date(get(ph, "deadline", "by", "date")),
                get(ph, "deadline_precision", "precision"),
            )
            info.moves = [_move(m) for m in (get(ph, "moves", default=[]) or [])]
            by_ord[info.ordinal] = info
            by_ord[get(ph, "id", default=info.ordinal)] = info
            out.append(info)
        for m in loose:
            ref = get(m, "phase", "phase_ordinal", "phase_id", default=1)
            info = by_ord.get(ref)
            if info is None:
                info = PhaseInfo(
                    key,
                    pname,
                    int(ref) if str(ref).isdigit() else len(by_ord) + 1,
                    None,
                    as_date(get(m, "by")),
                    get(m, "by_precision"),
                )
                by_ord[ref] = info
                out.append(info)
            info.moves.append(_move(m))
    return out


def _move(m: Any) -> MoveInfo:
    q = quantity(m)
    src = get(m, "source")
    sources = list(get(m, "sources", default=[]) or [])
    if src is not None and not sources:
        sources = [
            src
            if isinstance(src, dict)
            else {
                "outlet": get(src, "outlet"),
                "published": get(src, "published"),
                "url": get(src, "url"),
                "title": get(src, "title"),
            }
        ]
    quote = get(m, "quote")
    if isinstance(quote, dict) or hasattr(quote, "text"):
        quote = get(quote, "text")
    if quote and sources and not any(s.get("quote") for s in sources if isinstance(s, dict)):
        sources = [dict(sources[0], quote=quote), *sources[1:]]
    elif quote and not sources:
        sources = [{"quote": quote}]
    return MoveInfo(
        actor=str(get(m, "actor", default="") or ""),
        action=str(get(m, "action", default="")),
        place_id=get(m, "place_id"),
        to_place_id=get(m, "to_place_id"),
        by=as_date(get(m, "by")),
        by_precision=get(m, "by_precision"),
        label=q.label() if q else None,
        quote=quote,
        sources=sources,
    )


def place_ids(places: Any) -> list[str]:
    """Ids out of ``store.places()`` (objects, dicts, or a GeoJSON collection)."""
    if places is None:
        return []
    if isinstance(places, dict) and "features" in places:
        places = places["features"]
    out = []
    for p in list(places):
        if isinstance(p, str):
            out.append(p)
            continue
        if isinstance(p, dict) and "properties" in p:
            p = p["properties"]
        pid = get(p, "id", "place_id")
        if pid:
            out.append(str(pid))
    return out
