"""The JSON API under ``/api`` — framework-free handlers.

Each handler takes the :class:`~service.web.core.Service`, plain arguments (a mapping of query
parameters, a parsed body) and returns something JSON-serialisable (or ready bytes), raising
:mod:`service.errors` exceptions for the adapter to turn into JSON errors.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import (
    InputError,
    NotFoundError,
    PayloadTooLargeError,
    UnsupportedMediaError,
)

MAX_QUERY = 200
MAX_TEXT_FIELD = 2000
LANGS = ("auto", "ar", "en")
_ID_RE = re.compile(r"^[\w:.\-]{1,200}$")


def dumps(obj: Any) -> bytes:
    """Compact UTF-8 JSON (the one serialiser of the web layer)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_default).encode(
        "utf-8"
    )


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    if hasattr(o, "to_dict"):
        return o.to_dict()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


# ------------------------------------------------------------------------------ arguments
def arg_str(
    args: Mapping[str, str], name: str, *, required: bool = False, max_len: int = MAX_QUERY
) -> str | None:
    v = args.get(name)
    if v is None or v == "":
        if required:
            raise InputError(f"{name} is required")
        return None
    if len(v) > max_len:
        raise InputError(f"{name} is too long (at most {max_len} characters)")
    if "\x00" in v:
        raise InputError(f"{name} contains binary data")
    return v


def arg_date(args: Mapping[str, str], name: str, *, required: bool = False) -> dt.date | None:
    from ..store import parse_day

    v = arg_str(args, name, required=required, max_len=40)
    return None if v is None else parse_day(v, name)


def arg_int(args: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    v = arg_str(args, name, max_len=20)
    if v is None:
        return default
    try:
        n = int(v)
    except ValueError:
        raise InputError(f"{name} must be a whole number") from None
    if not lo <= n <= hi:
        raise InputError(f"{name} must be between {lo} and {hi}")
    return n


def arg_actor(args: Mapping[str, str]) -> str | None:
    from ..actors import get_actor

    v = arg_str(args, "actor", max_len=40)
    return None if v is None else get_actor(v).code


def arg_bbox(args: Mapping[str, str], name: str = "bbox"):
    from ..store.store import parse_bbox

    v = arg_str(args, name, max_len=200)
    return None if v is None else parse_bbox(v)


def check_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise NotFoundError(f"no {what} {str(value)[:80]!r}")
    return value


# ------------------------------------------------------------------------------ bodies
def parse_body(
    content_type: str | None, raw: bytes, *, max_bytes: int, text_field: str = "text"
) -> dict[str, Any]:
    """A request body as a dict: JSON objects as they are, ``text/plain`` as ``{text: …}``.

    Raises
    ------
    PayloadTooLargeError, UnsupportedMediaError, InputError
    """
    if len(raw) > max_bytes:
        raise PayloadTooLargeError(f"the request body is larger than {max_bytes:,} bytes")
    mime, _, params = (content_type or "").partition(";")
    mime = mime.strip().lower()
    charset = "utf-8"
    m = re.search(r"charset\s*=\s*\"?([\w-]+)", params, re.I)
    if m:
        charset = m.group(1).lower()
    if charset not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise UnsupportedMediaError("only UTF-8 bodies are accepted")
    if mime in ("application/json", "text/json") or mime.endswith("+json"):
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise InputError("the body is not valid UTF-8") from None
        except (ValueError, RecursionError):
            raise InputError("the body is not valid JSON") from None
        if not isinstance(obj, dict):
            raise InputError("the JSON body must be an object")
        return obj
    if mime == "text/plain":
        try:
            return {text_field: raw.decode("utf-8")}
        except UnicodeDecodeError:
            raise InputError("the body is not valid UTF-8 text") from None
    if not mime:
        raise UnsupportedMediaError("send Content-Type: application/json or text/plain")
    raise UnsupportedMediaError(
        f"unsupported content type {mime[:60]!r}; send application/json or text/plain"
    )


def body_str(
    body: Mapping[str, Any], name: str, *, required: bool = False, max_len: int = MAX_TEXT_FIELD
) -> str | None:
    v = body.get(name)
    if v is None or v == "":
        if required:
            raise InputError(f"{name} is required")
        return None
    if not isinstance(v, str):
        raise InputError(f"{name} must be a string")
    if len(v) > max_len:
        raise InputError(f"{name} is too long (at most {max_len:,} characters)")
    if "\x00" in v:
        raise InputError(f"{name} contains binary data")
    return v


def _merged(body: Mapping[str, Any], args: Mapping[str, str]) -> dict[str, Any]:
    out = {k: v for k, v in args.items() if k in ("published", "lang", "url", "outlet", "title")}
    out.update(body)
    return out


# ------------------------------------------------------------------------------ reads
def index(base: str) -> dict[str, Any]:
    """``GET /api``: what is here."""
    paths = [
        "/api/plans",
        "/api/places",
        "/api/posture?date=YYYY-MM-DD",
        "/api/changes?from=YYYY-MM-DD&to=YYYY-MM-DD",
        "/api/dates",
        "/api/geocode?q=NAME",
        "/api/sources",
        "POST /api/extract",
        "POST /api/articles",
    ]
    return {
        "title": "Troop-presence map API",
        "endpoints": paths,
        "openapi": f"{base}/openapi.json",
        "docs": f"{base}/docs",
        "ogc": f"{base}/ogc",
    }


def plan_links(base: str, slug: str) -> dict[str, str]:
    from urllib.parse import quote

    s = quote(slug, safe="")
    return {
        "map": f"{base}/maps/{s}",
        "embed": f"{base}/embed/{s}",
        "snippet": f"{base}/maps/{s}/embed",
    }


def plans(svc, base: str) -> list[dict[str, Any]]:
    def build():
        out = []
        for p in svc.store.plans():
            out.append({**p, "links": plan_links(base, p["slug"])})
        return out

    return svc.cached(svc.responses, ("plans", base), build)


def plan(svc, slug: str, base: str) -> dict[str, Any]:
    for p in plans(svc, base):
        if p["slug"] == slug or str(p["id"]) == slug:
            return p
    raise NotFoundError(f"no plan {slug[:80]!r}")


def find_plan_slug(svc, slug: str) -> str | None:
    """``None`` for ``all``; the slug of a stored plan; else NotFoundError."""
    if slug == "all":
        return None
    keys = svc.cached(
        svc.responses,
        ("plan-slugs",),
        lambda: [(p["slug"], str(p["id"])) for p in svc.store.plans()],
    )
    for s, pid in keys:
        if slug in (s, pid):
            return s
    raise NotFoundError(f"no plan {slug[:80]!r}")


def places(svc, args: Mapping[str, str]) -> list[dict[str, Any]]:
    kind = arg_str(args, "kind", max_len=20)
    country = arg_str(args, "country", max_len=10)
    from ..domain import PLACE_KINDS

    if kind is not None and kind not in PLACE_KINDS:
        raise InputError(f"kind must be one of {', '.join(PLACE_KINDS)}")
    rows = svc.cached(svc.responses, ("places",), svc.store.places)
    return [
        p
        for p in rows
        if (kind is None or p["kind"] == kind)
        and (country is None or (p["country"] or "").upper() == country.upper())
    ]


def place(svc, place_id: str) -> dict[str, Any]:
    check_id(place_id, "place")
    return svc.cached(svc.responses, ("place", place_id), lambda: svc.store.place(place_id))


def timeline(svc, place_id: str, args: Mapping[str, str]) -> dict[str, Any]:
    check_id(place_id, "place")
    actor = arg_actor(args)

    def build():
        steps = svc.store.timeline(place_id, actor=actor)
        return {"place_id": place_id, "actor": actor, "steps": [s.to_dict() for s in steps]}

    return svc.cached(svc.responses, ("timeline", place_id, actor), build)


def posture(svc, args: Mapping[str, str]) -> bytes:
    """``GET /api/posture``: the posture GeoJSON (cached as ready bytes)."""
    day = arg_date(args, "date", required=True)
    actor = arg_actor(args)
    box = arg_bbox(args)
    plan_arg = arg_str(args, "plan", max_len=200)
    if plan_arg is not None:
        plan_arg = find_plan_slug(svc, plan_arg)
    key = ("posture", day, actor, box, plan_arg)
    return svc.cached(
        svc.responses,
        key,
        lambda: dumps(svc.store.posture_at(day, actor=actor, bbox=box, plan=plan_arg).to_geojson()),
    )


def changes(svc, args: Mapping[str, str]) -> bytes:
    d0 = arg_date(args, "from", required=True)
    d1 = arg_date(args, "to", required=True)
    actor = arg_actor(args)
    if d1 <= d0:
        raise InputError("to must be after from")
    return svc.cached(
        svc.responses,
        ("changes", d0, d1, actor),
        lambda: dumps(svc.store.changes(d0, d1, actor=actor).to_geojson()),
    )


def dates(svc, args: Mapping[str, str]) -> dict[str, Any]:
    plan_arg = arg_str(args, "plan", max_len=200)
    slug = find_plan_slug(svc, plan_arg) if plan_arg else None
    ds = svc.cached(
        svc.responses,
        ("dates", slug),
        lambda: [d.isoformat() for d in svc.store.change_dates(plan=slug)],
    )
    return {"plan": slug, "dates": ds}


def sources(svc) -> list[dict[str, Any]]:
    return svc.cached(svc.responses, ("sources",), svc.store.sources)


def source(svc, source_id: int) -> dict[str, Any]:
    for s in sources(svc):
        if s["id"] == source_id:
            return s
    raise NotFoundError(f"no source {source_id}")


def source_text(svc, source_id: int) -> str:
    source(svc, source_id)
    text = svc.store.source_text(source_id)
    if text is None:
        raise NotFoundError(f"source {source_id} has no stored text")
    return text


def geocode(svc, args: Mapping[str, str]) -> list[dict[str, Any]]:
    from ..domain import PLACE_KINDS

    q = arg_str(args, "q", required=True, max_len=200)
    kind = arg_str(args, "kind", max_len=20)
    if kind is not None and kind not in PLACE_KINDS:
        raise InputError(f"kind must be one of {', '.join(PLACE_KINDS)}")
    country = arg_str(args, "country", max_len=10)
    limit = arg_int(args, "limit", 10, 1, 50)
    locs = svc.geocoder.geocode(q, exactly_one=False, limit=limit, kind=kind, country=country) or []
    out = []
    for loc in locs:
        raw = dict(loc.raw)
        raw.pop("geometry", None)
        keys = (
            "id",
            "name",
            "name_ar",
            "kind",
            "subkind",
            "country",
            "lat",
            "lon",
            "parents",
            "score",
            "source",
        )
        row = {k: raw.get(k) for k in keys}
        row["lat"] = row["lat"] if row["lat"] is not None else loc.latitude
        row["lon"] = row["lon"] if row["lon"] is not None else loc.longitude
        out.append(row)
    return out


# ------------------------------------------------------------------------------ extract/write
def _article_fields(body: Mapping[str, Any], args: Mapping[str, str]) -> dict[str, Any]:
    from ..store import parse_day
    from ..store.store import MAX_ARTICLE_CHARS

    b = _merged(body, args)
    text = body_str(b, "text", required=True, max_len=MAX_ARTICLE_CHARS)
    pub = body_str(b, "published", max_len=40)
    lang = body_str(b, "lang", max_len=10) or "auto"
    if lang not in LANGS:
        raise InputError("lang must be auto, ar or en")
    url = body_str(b, "url")
    if url is not None and not re.match(r"^https?://", url, re.I):
        raise InputError("url must be an http(s) URL")
    return {
        "text": text,
        "published": parse_day(pub, "published") if pub else None,
        "lang": lang,
        "url": url,
        "outlet": body_str(b, "outlet", max_len=200),
        "title": body_str(b, "title", max_len=500),
    }


def extract(svc, body: Mapping[str, Any], args: Mapping[str, str]) -> dict[str, Any]:
    """``POST /api/extract``: the claims in a text; nothing is stored."""
    from ..extract import extract_article

    f = _article_fields(body, args)
    ex = extract_article(
        f["text"],
        published=f["published"],
        lang=f["lang"],
        source=f["url"] or f["outlet"],
        gazetteer=svc.gazetteer,
    )
    return ex.to_dict()


def ingest(svc, body: Mapping[str, Any], args: Mapping[str, str]) -> tuple[dict[str, Any], bool]:
    """``POST /api/articles``: extract and store an article (idempotent by content hash).

    Returns the result and whether it was newly created.
    """
    f = _article_fields(body, args)
    res = svc.store.ingest_article(
        f["text"],
        published=f["published"],
        url=f["url"],
        outlet=f["outlet"],
        title=f["title"],
        lang=f["lang"],
    )
    if res.created:
        svc.changed()
    return res.to_dict(), res.created


def confirm(svc, observation_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
    """``POST /api/observations/<id>/confirm``: an analyst confirms (or un-confirms) a claim."""
    confirmed = body.get("confirmed", True)
    if not isinstance(confirmed, bool):
        raise InputError("confirmed must be true or false")
    svc.store.confirm(observation_id, confirmed)
    svc.changed()
    return {"observation_id": observation_id, "confirmed": confirmed}
