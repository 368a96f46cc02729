"""OGC API – Features, Part 1 Core (GeoJSON, OpenAPI 3.0) under ``/ogc`` — framework-free.

Collections
    ``places``     the places the store knows (points for installations and cities, polygons
                   for provinces, regions and countries);
    ``posture``    the estimated posture as *time steps*: one feature per actor, place and
                   period ``[start_date, end_date)`` in which the estimate stays the same
                   (``end_date`` null: still so); the properties are those of ``/api/posture``;
    ``movements``  planned moves of every plan phase, a point or a line to the destination,
                   in force over ``[start_date, end_date]`` = [plan start, phase deadline];
    ``regions``    the gazetteer's provinces (admin-1) and named regions, as polygons.

``datetime`` takes an instant (``2025-10-01``, ``2025-10-01T12:00:00Z``) or an interval
(``2025-09-01/2025-12-31``, open ends ``..`` or empty, and GDAL's ``2025-09-01T/2025-12-31T``);
a feature matches when its period intersects it.  Collections without time ignore it.
Feature lists are built once per data version and kept with each feature's JSON text, so a
page of items is a slice and a join.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from ..errors import InputError, NotFoundError
from .api import arg_str

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GEOJSON = "application/geo+json"
JSON = "application/json"
OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
]
ITEM_PARAMS = ("limit", "offset", "bbox", "datetime", "f")
FORMATS = ("json", "geojson", "application/json", "application/geo+json")


@dataclass(frozen=True)
class CollectionSpec:
    id: str
    title: str
    description: str
    temporal: bool
    #: queryable property -> JSON-schema type (equality filters ``?name=value``)
    queryables: dict[str, dict[str, Any]]


_STR = {"type": "string"}
COLLECTIONS: dict[str, CollectionSpec] = {
    c.id: c
    for c in (
        CollectionSpec(
            "places",
            "Places",
            "Places the store knows: installations and cities (points), "
            "provinces, regions and countries (polygons).",
            False,
            {
                "kind": {
                    "type": "string",
                    "enum": ["country", "region", "admin1", "city", "installation"],
                },
                "country": _STR,
                "parent": _STR,
            },
        ),
        CollectionSpec(
            "posture",
            "Force posture over time",
            "One feature per actor, place and period [start_date, end_date) in which the "
            "estimated presence stays the same (end_date null: until further notice). Reported "
            "and projected (from plans) states; properties as in /api/posture.",
            True,
            {
                "actor": _STR,
                "place_id": _STR,
                "status": {
                    "type": "string",
                    "enum": ["present", "reduced", "withdrawn", "advisory"],
                },
                "basis": {"type": "string", "enum": ["reported", "projected"]},
                "kind": _STR,
                "country": _STR,
                "location_precision": _STR,
                "plan": _STR,
                "start_date": {"type": "string", "format": "date"},
                "end_date": {"type": "string", "format": "date"},
            },
        ),
        CollectionSpec(
            "movements",
            "Planned movements",
            "Planned moves (withdraw, reduce, remain, relocate, arrive, increase) of every plan "
            "phase: a point at the place, or a line to the destination; in force from the plan's "
            "start (start_date) to the phase deadline (end_date).",
            True,
            {
                "actor": _STR,
                "action": {
                    "type": "string",
                    "enum": ["withdraw", "reduce", "remain", "relocate", "arrive", "increase"],
                },
                "place_id": _STR,
                "plan": _STR,
                "modality": _STR,
                "start_date": {"type": "string", "format": "date"},
                "end_date": {"type": "string", "format": "date"},
            },
        ),
        CollectionSpec(
            "regions",
            "Provinces and regions",
            "The gazetteer's provinces (admin-1: the governorates of the Middle East) and named "
            "regions (Kurdistan Region, Gaza Strip, north-east Syria …) as polygons.",
            False,
            {"kind": {"type": "string", "enum": ["admin1", "region"]}, "country": _STR},
        ),
    )
}


# ------------------------------------------------------------------------------ features
@dataclass(slots=True)
class Item:
    id: str
    bbox: tuple[float, float, float, float] | None
    t0: dt.date | None  # period start (None: open)
    t1: dt.date | None  # period end, inclusive (None: open)
    props: dict[str, Any]
    text: str  # the feature's JSON
    geom: dict[str, Any] | None = None
    _shape: Any = None

    def intersects(self, box: tuple[float, float, float, float]) -> bool:
        """Whether the geometry (not just its bounding box) meets ``box``."""
        if not _bbox_hit(self.bbox, box):
            return False
        if self.geom is None or self.geom.get("type") == "Point":
            return True
        import shapely
        from shapely.geometry import box as mkbox
        from shapely.geometry import shape

        if self._shape is None:
            self._shape = shape(self.geom)
            shapely.prepare(self._shape)
        x0, y0, x1, y1 = box
        if x0 <= x1:
            return self._shape.intersects(mkbox(x0, y0, x1, y1))
        return self._shape.intersects(mkbox(x0, y0, 180, y1)) or self._shape.intersects(
            mkbox(-180, y0, x1, y1)
        )


@dataclass(slots=True)
class FeatureSet:
    items: list[Item]
    by_id: dict[str, Item]
    bbox: list[float] | None
    interval: list[str | None] | None


def geom_bbox(g: dict[str, Any] | None) -> tuple[float, float, float, float] | None:
    if not g:
        return None
    xs: list[float] = []
    ys: list[float] = []

    def walk(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            xs.append(float(c[0]))
            ys.append(float(c[1]))
        elif isinstance(c, (list, tuple)):
            for x in c:
                walk(x)

    if g.get("type") == "GeometryCollection":
        for sub in g.get("geometries", []):
            walk(sub.get("coordinates"))
    else:
        walk(g.get("coordinates"))
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def _feature_set(
    rows: Iterable[tuple[str, dict | None, dict[str, Any], dt.date | None, dt.date | None]],
    temporal: bool,
) -> FeatureSet:
    items: list[Item] = []
    by_id: dict[str, Item] = {}
    for fid, geom, props, t0, t1 in rows:
        if fid in by_id:
            continue
        feat = {"type": "Feature", "id": fid, "geometry": geom, "properties": props}
        text = json.dumps(feat, ensure_ascii=False, separators=(",", ":"), default=str)
        it = Item(fid, geom_bbox(geom), t0, t1, props, text, geom)
        items.append(it)
        by_id[fid] = it
    boxes = [i.bbox for i in items if i.bbox]
    bbox = (
        [
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        ]
        if boxes
        else None
    )
    interval = None
    if temporal:
        starts = [i.t0 for i in items]
        ends = [i.t1 for i in items]
        lo = None if (not starts or None in starts) else min(starts)
        hi = None if (not ends or None in ends) else max(ends)
        interval = [_iso_dt(lo), _iso_dt(hi)]
    return FeatureSet(items, by_id, bbox, interval)


def _iso_dt(d: dt.date | None) -> str | None:
    return None if d is None else f"{d.isoformat()}T00:00:00Z"


def _state_key(props: dict[str, Any]) -> str:
    return json.dumps(props, sort_keys=True, default=str, ensure_ascii=False)


def build_posture(store) -> FeatureSet:
    """Posture steps: the posture on each change date, merged while a series stays the same."""
    days = sorted(store.change_dates())
    open_: dict[tuple[str, str], list[Any]] = {}  # key -> [start, geom, props, state]
    done: list[tuple[str, dict | None, dict[str, Any], dt.date | None, dt.date | None]] = []

    def close(key, end: dt.date | None):
        start, geom, props, _ = open_.pop(key)
        p = dict(props)
        p["start_date"] = start.isoformat()
        p["end_date"] = end.isoformat() if end else None
        fid = f"{key[0]}~{key[1]}~{start.isoformat()}"
        done.append((fid, geom, p, start, (end - dt.timedelta(days=1)) if end else None))

    for day in days:
        seen = set()
        for f in store.posture_at(day).features:
            p = f["properties"]
            key = (p["actor"], p["place_id"])
            seen.add(key)
            state = _state_key(p)
            cur = open_.get(key)
            if cur is not None and cur[3] == state:
                continue
            if cur is not None:
                close(key, day)
            open_[key] = [day, f["geometry"], p, state]
        for key in [k for k in open_ if k not in seen]:
            close(key, day)
    for key in list(open_):
        close(key, None)
    done.sort(
        key=lambda r: (
            r[3] or dt.date.min,
            r[2].get("country") or "~",
            r[2].get("place_id"),
            r[2].get("actor"),
        )
    )
    return _feature_set(done, True)


def build_movements(store) -> FeatureSet:
    """Every planned move as a feature (a line when it has a destination)."""
    known = {p["id"]: p for p in store.places()}

    def point(pid: str | None) -> list[float] | None:
        if not pid:
            return None
        p = known.get(pid)
        if p is None:
            try:
                g = store.gazetteer.get(pid)
            except Exception:
                return None
            return [g.lon, g.lat]
        return [p["lon"], p["lat"]]

    rows = []
    for plan in store.plans():
        start = _date(plan.get("start"))
        for ph in plan["phases"]:
            for m in ph["moves"]:
                a, b = point(m["place_id"]), point(m.get("to_place_id"))
                geom = (
                    {"type": "LineString", "coordinates": [a, b]}
                    if a and b and a != b
                    else {"type": "Point", "coordinates": a}
                    if a
                    else None
                )
                end = _date(m.get("by")) or _date(ph.get("deadline"))
                props = {
                    "move_id": m["id"],
                    "plan": plan["slug"],
                    "plan_name": plan["name"],
                    "plan_kind": plan["kind"],
                    "phase": ph["name"],
                    "phase_ordinal": ph["ordinal"],
                    "actor": m["actor"],
                    "action": m["action"],
                    "place_id": m["place_id"],
                    "place_name": (known.get(m["place_id"]) or {}).get("name"),
                    "to_place_id": m.get("to_place_id"),
                    "to_place_name": (known.get(m.get("to_place_id")) or {}).get("name"),
                    "scope": m.get("scope"),
                    "modality": m.get("modality"),
                    "status": m.get("status"),
                    "count": m.get("count"),
                    "count_min": m.get("count_min"),
                    "count_max": m.get("count_max"),
                    "approximate": m.get("approximate"),
                    "qualifier": m.get("qualifier"),
                    "by": m.get("by"),
                    "by_precision": m.get("by_precision"),
                    "quote": m.get("quote"),
                    "source_id": m.get("source_id"),
                    "confirmed": m.get("confirmed"),
                    "start_date": start.isoformat() if start else None,
                    "end_date": end.isoformat() if end else None,
                }
                rows.append((str(m["id"]), geom, props, start, end))
    return _feature_set(rows, True)


def build_places(store) -> FeatureSet:
    rows = []
    for p in store.places():
        full = store.place(p["id"])
        geom = full.get("geometry") or {"type": "Point", "coordinates": [p["lon"], p["lat"]]}
        props = {k: v for k, v in full.items() if k != "geometry"}
        props["place_id"] = props.pop("id")
        rows.append((p["id"], geom, props, None, None))
    return _feature_set(rows, False)


def build_regions(gaz) -> FeatureSet:
    from shapely.geometry import mapping

    rows = []
    for kind in ("region", "admin1"):
        for p in sorted(gaz.filter(kind=kind), key=lambda p: p.id):
            g = gaz.geometry(p.id)
            geom = _round(mapping(g))
            props = p.summary()
            props["place_id"] = props.pop("id")
            props["iso"] = p.iso
            props["source"] = p.source
            rows.append((p.id, geom, props, None, None))
    return _feature_set(rows, False)


def _round(g: dict[str, Any], nd: int = 5) -> dict[str, Any]:
    def r(c):
        if isinstance(c, (list, tuple)):
            if c and isinstance(c[0], (int, float)):
                return [round(float(v), nd) for v in c]
            return [r(x) for x in c]
        return c

    return {"type": g["type"], "coordinates": r(g["coordinates"])}


def _date(v: Any) -> dt.date | None:
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def feature_set(svc, cid: str) -> FeatureSet:
    if cid == "regions":  # static: the gazetteer does not change while the service runs
        fs = svc.static_features.get("regions")
        if fs is None:
            fs = svc.static_features["regions"] = build_regions(svc.gazetteer)
        return fs
    builders = {"places": build_places, "posture": build_posture, "movements": build_movements}
    return svc.cached(svc.features, ("ogc", cid), lambda: builders[cid](svc.store))


# ------------------------------------------------------------------------------ parameters
_INSTANT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt](?:(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?"
    r"(Z|z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_instant(text: str) -> dt.date:
    """A date from ``YYYY-MM-DD``, ``YYYY-MM-DDT``, or an RFC 3339 date-time (→ UTC date)."""
    m = _INSTANT_RE.match(text.strip())
    if not m:
        raise InputError(f"datetime {text[:40]!r} is not a date or an RFC 3339 date-time")
    y, mo, d, hh, mm, ss, tz = m.groups()
    try:
        if hh is None:
            return dt.date(int(y), int(mo), int(d))
        t = dt.datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
        if tz and tz.upper() != "Z":
            sign = 1 if tz[0] == "+" else -1
            tzv = tz[1:].replace(":", "")
            off = dt.timedelta(hours=int(tzv[:2]), minutes=int(tzv[2:]))
            if off >= dt.timedelta(hours=24):
                raise ValueError
            t = t - sign * off
        return t.date()
    except (ValueError, OverflowError):
        raise InputError(f"datetime {text[:40]!r} is not a valid date-time") from None


def parse_datetime(value: str) -> tuple[dt.date | None, dt.date | None]:
    """``(start, end)`` inclusive; ``None`` is an open end."""
    v = value.strip()
    if "/" in v:
        a, _, b = v.partition("/")
        if "/" in b:
            raise InputError("datetime has more than one '/'")
        start = None if a.strip() in ("", "..") else parse_instant(a)
        end = None if b.strip() in ("", "..") else parse_instant(b)
        if start and end and start > end:
            raise InputError("datetime interval ends before it starts")
        return start, end
    if v in ("", ".."):
        raise InputError("datetime must be an instant or an interval")
    d = parse_instant(v)
    return d, d


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) not in (4, 6):
        raise InputError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        raise InputError("bbox must be numbers") from None
    if any(not math.isfinite(n) for n in nums):
        raise InputError("bbox must be finite numbers")
    if len(nums) == 6:  # 3-D box: ignore the heights
        nums = [nums[0], nums[1], nums[3], nums[4]]
    x0, y0, x1, y1 = nums
    if not (-90 <= y0 <= y1 <= 90) or not (-180 <= x0 <= 180 and -180 <= x1 <= 180):
        raise InputError("bbox must be min_lon,min_lat,max_lon,max_lat in degrees")
    return x0, y0, x1, y1


def _bbox_hit(
    b: tuple[float, float, float, float] | None, q: tuple[float, float, float, float]
) -> bool:
    if b is None:
        return False
    x0, y0, x1, y1 = q
    if b[3] < y0 or b[1] > y1:
        return False
    if x0 <= x1:
        return not (b[2] < x0 or b[0] > x1)
    return b[2] >= x0 or b[0] <= x1  # box across the antimeridian


def _time_hit(it: Item, start: dt.date | None, end: dt.date | None) -> bool:
    if end is not None and it.t0 is not None and it.t0 > end:
        return False
    return not (start is not None and it.t1 is not None and it.t1 < start)


# ------------------------------------------------------------------------------ documents
def _link(href: str, rel: str, type_: str, title: str | None = None) -> dict[str, str]:
    d = {"href": href, "rel": rel, "type": type_}
    if title:
        d["title"] = title
    return d


def landing(base: str, title: str) -> dict[str, Any]:
    o = f"{base}/ogc"
    return {
        "title": title,
        "description": "Foreign troop presence — places, force posture over time, planned "
        "movements and regions — as OGC API – Features (GeoJSON).",
        "links": [
            _link(o, "self", JSON, "this document"),
            _link(
                f"{base}/openapi.json",
                "service-desc",
                OPENAPI_JSON,
                "the API definition (OpenAPI 3.0)",
            ),
            _link(f"{base}/docs", "service-doc", "text/html", "the API documentation"),
            _link(f"{o}/conformance", "conformance", JSON, "conformance classes"),
            _link(
                f"{o}/conformance",
                "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                JSON,
                "conformance classes",
            ),
            _link(f"{o}/collections", "data", JSON, "the feature collections"),
            _link(
                f"{o}/collections",
                "http://www.opengis.net/def/rel/ogc/1.0/data",
                JSON,
                "the feature collections",
            ),
        ],
    }


def conformance() -> dict[str, Any]:
    return {"conformsTo": list(CONFORMANCE)}


def collection_doc(svc, cid: str, base: str) -> dict[str, Any]:
    spec = _spec(cid)
    fs = feature_set(svc, cid)
    c = f"{base}/ogc/collections/{cid}"
    extent: dict[str, Any] = {"spatial": {"bbox": [fs.bbox or [-180, -90, 180, 90]], "crs": CRS84}}
    if spec.temporal:
        extent["temporal"] = {
            "interval": [fs.interval or [None, None]],
            "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
        }
    return {
        "id": cid,
        "title": spec.title,
        "description": spec.description,
        "itemType": "feature",
        "crs": [CRS84],
        "storageCrs": CRS84,
        "extent": extent,
        "links": [
            _link(c, "self", JSON, "this collection"),
            _link(f"{c}/items", "items", GEOJSON, "the features (GeoJSON)"),
            _link(
                f"{c}/queryables",
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "application/schema+json",
                "queryable properties",
            ),
            _link(
                f"{c}/schema",
                "describedby",
                "application/schema+json",
                "the features' properties (JSON Schema)",
            ),
        ],
    }


def collections(svc, base: str) -> dict[str, Any]:
    o = f"{base}/ogc"
    return {
        "links": [_link(f"{o}/collections", "self", JSON, "this document")],
        "collections": [collection_doc(svc, cid, base) for cid in COLLECTIONS],
    }


def queryables(cid: str, base: str) -> dict[str, Any]:
    spec = _spec(cid)
    props = {k: {**v, "title": k} for k, v in spec.queryables.items()}
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": f"{base}/ogc/collections/{cid}/queryables",
        "type": "object",
        "title": spec.title,
        "properties": props,
        "additionalProperties": False,
    }


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _json_type(values: list[Any]) -> dict[str, Any]:
    """The JSON-schema type of a property from its values in the collection."""
    vals = [v for v in values if v is not None]
    if not vals:
        return {"type": "string"}
    if all(isinstance(v, bool) for v in vals):
        return {"type": "boolean"}
    if all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return {"type": "integer"}
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return {"type": "number"}
    if all(isinstance(v, str) for v in vals):
        if all(_DATE_RE.match(v) for v in vals):
            return {"type": "string", "format": "date"}
        return {"type": "string"}
    if all(isinstance(v, list) for v in vals):
        return {"type": "array"}
    return {"type": "object"}


def schema(svc, cid: str, base: str) -> dict[str, Any]:
    """``/ogc/collections/{cid}/schema``: the properties' types (GDAL and QGIS read it)."""
    spec = _spec(cid)
    fs = feature_set(svc, cid)
    names: dict[str, list[Any]] = {}
    for it in fs.items:
        for k, v in it.props.items():
            names.setdefault(k, []).append(v)
    props = {k: {"title": k, **_json_type(v)} for k, v in names.items()}
    for k, q in spec.queryables.items():
        props.setdefault(k, {"title": k, **q})
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": f"{base}/ogc/collections/{cid}/schema",
        "type": "object",
        "title": spec.title,
        "properties": props,
    }


def _spec(cid: str) -> CollectionSpec:
    spec = COLLECTIONS.get(cid)
    if spec is None:
        raise NotFoundError(f"no collection {cid[:60]!r}")
    return spec


def check_format(args: Mapping[str, str]) -> None:
    f = args.get("f")
    if f is not None and f not in FORMATS:
        raise InputError("f must be json (GeoJSON)")


def items(
    svc, cid: str, args: Mapping[str, str], base: str, *, max_limit: int, default_limit: int
) -> bytes:
    """``GET /ogc/collections/{cid}/items`` as GeoJSON bytes."""
    spec = _spec(cid)
    unknown = [k for k in args if k not in ITEM_PARAMS and k not in spec.queryables]
    if unknown:
        raise InputError(f"unknown query parameter {unknown[0][:40]!r}")
    check_format(args)
    limit_s = arg_str(args, "limit", max_len=12)
    offset_s = arg_str(args, "offset", max_len=12)
    try:
        limit = default_limit if limit_s is None else int(limit_s)
        offset = 0 if offset_s is None else int(offset_s)
    except ValueError:
        raise InputError("limit and offset must be whole numbers") from None
    if limit < 1:
        raise InputError("limit must be at least 1")
    if offset < 0:
        raise InputError("offset must not be negative")
    limit = min(limit, max_limit)
    box = parse_bbox(args["bbox"]) if args.get("bbox") else None
    tstart = tend = None
    timed = False
    if args.get("datetime") not in (None, ""):
        tstart, tend = parse_datetime(args["datetime"])
        timed = spec.temporal
    filters = {k: v for k, v in args.items() if k in spec.queryables}
    for k, v in filters.items():
        if len(v) > 200:
            raise InputError(f"{k} is too long")
    fs = feature_set(svc, cid)
    selected = fs.items
    if box is not None:
        selected = [i for i in selected if i.intersects(box)]
    if timed:
        selected = [i for i in selected if _time_hit(i, tstart, tend)]
    for k, v in filters.items():
        selected = [i for i in selected if _prop_eq(i.props.get(k), v)]
    matched = len(selected)
    page = selected[offset : offset + limit]
    url = f"{base}/ogc/collections/{cid}/items"
    keep = {k: v for k, v in args.items() if k not in ("offset", "limit")}

    def page_url(off: int) -> str:
        q = {**keep, "limit": str(limit), "offset": str(off)}
        return f"{url}?{urlencode(q)}"

    links = [
        _link(page_url(offset), "self", GEOJSON, "this page"),
        _link(f"{base}/ogc/collections/{cid}", "collection", JSON, "the collection"),
    ]
    if offset + limit < matched:
        links.append(_link(page_url(offset + limit), "next", GEOJSON, "next page"))
    if offset > 0:
        links.append(_link(page_url(max(0, offset - limit)), "prev", GEOJSON, "previous page"))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    head = '{"type":"FeatureCollection","features":['
    tail = (
        f'],"numberMatched":{matched},"numberReturned":{len(page)},'
        f'"timeStamp":"{stamp}","links":'
        + json.dumps(links, ensure_ascii=False, separators=(",", ":"))
        + "}"
    )
    return (head + ",".join(i.text for i in page) + tail).encode("utf-8")


def _prop_eq(value: Any, wanted: str) -> bool:
    if value is None:
        return wanted in ("", "null")
    if isinstance(value, bool):
        return wanted.lower() == str(value).lower()
    return str(value) == wanted


def item(svc, cid: str, fid: str, args: Mapping[str, str], base: str) -> bytes:
    spec = _spec(cid)
    unknown = [k for k in args if k != "f"]
    if unknown:
        raise InputError(f"unknown query parameter {unknown[0][:40]!r}")
    check_format(args)
    fs = feature_set(svc, spec.id)
    it = fs.by_id.get(fid)
    if it is None:
        raise NotFoundError(f"no feature {fid[:80]!r} in {cid}")
    c = f"{base}/ogc/collections/{cid}"
    links = [
        _link(f"{c}/items/{quote(fid, safe='')}", "self", GEOJSON, "this feature"),
        _link(c, "collection", JSON, "the collection"),
    ]
    return (it.text[:-1] + ',"links":' + json.dumps(links, separators=(",", ":")) + "}").encode(
        "utf-8"
    )
