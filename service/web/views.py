"""Flask blueprints: thin adapters from HTTP requests to the framework-free handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, g, request, send_from_directory

from ..errors import InputError, NotFoundError
from . import api as A
from . import ogc as O
from . import pages as P
from .security import require_scope

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_ID = 2**53

pages = Blueprint("pages", __name__)
api = Blueprint("api", __name__, url_prefix="/api")
ogc = Blueprint("ogc", __name__, url_prefix="/ogc")


# ------------------------------------------------------------------------------ helpers
def svc():
    return current_app.extensions["tpm"]


def base_url() -> str:
    return current_app.config["BASE_URL"] or (request.host_url.rstrip("/") + request.script_root)


def args() -> dict[str, str]:
    return request.args.to_dict(flat=True)


def title() -> str:
    return current_app.config["SERVICE_TITLE"]


def json_resp(
    obj: Any,
    status: int = 200,
    mimetype: str = "application/json",
    headers: dict[str, str] | None = None,
) -> Response:
    body = obj if isinstance(obj, bytes) else A.dumps(obj)
    resp = Response(body, status=status, mimetype=mimetype)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def html_resp(text: str) -> Response:
    return Response(text, mimetype="text/html")


def client_key() -> str:
    p = g.principal
    return f"token:{p.id}" if p.authenticated else f"ip:{request.remote_addr or '?'}"


def read_body(text_field: str = "text") -> dict[str, Any]:
    """The body as a dict (JSON object or text/plain); 413 / 415 / 400 as appropriate."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    raw = read_raw(limit)
    return A.parse_body(
        request.headers.get("Content-Type"), raw, max_bytes=limit, text_field=text_field
    )


def read_raw(limit: int) -> bytes:
    """At most ``limit`` bytes of body, or PayloadTooLargeError — also for a chunked body
    (no Content-Length), which Werkzeug would silently cut at the limit."""
    from ..errors import PayloadTooLargeError

    too_big = PayloadTooLargeError(f"the request body is larger than {limit:,} bytes")
    if request.content_length is not None:
        if request.content_length > limit:
            raise too_big
        return request.get_data(cache=False)
    if not request.environ.get("wsgi.input_terminated"):
        return b""  # no length and not chunked: no body
    stream = request.environ["wsgi.input"]
    parts, size = [], 0
    while True:
        chunk = stream.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_big
    return b"".join(parts)


def int_id(value: str, what: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise NotFoundError(f"no {what} {value[:40]!r}") from None
    if not 1 <= n <= MAX_ID:
        raise NotFoundError(f"no {what} {value[:40]!r}")
    return n


# ------------------------------------------------------------------------------ pages
@pages.get("/")
def index():
    return html_resp(P.index_page(svc(), args(), title(), base_url()))


@pages.get("/maps/<plan>")
def map_page(plan: str):
    return html_resp(P.map_page(svc(), plan, args(), title(), base_url()))


@pages.get("/maps/<plan>/embed")
def snippet_page(plan: str):
    return html_resp(P.snippet_page(svc(), plan, args(), title(), base_url()))


@pages.get("/embed/<plan>")
def embed(plan: str):
    svc().limit("map", client_key())
    html, hashes, osm = P.map_html(svc(), plan, args())
    g.csp = (hashes, osm)
    return html_resp(html)


@pages.get("/docs")
def docs():
    doc = _openapi()
    return html_resp(
        svc().cached(svc().responses, ("docs", base_url()), lambda: P.docs_page(doc, title()))
    )


def _openapi() -> dict[str, Any]:
    from .openapi import openapi_document

    base = base_url()
    return svc().cached(
        svc().responses,
        ("openapi", base),
        lambda: openapi_document(base, title(), private_reads=current_app.config["PRIVATE_READS"]),
    )


@pages.get("/openapi.json")
def openapi_json():
    return json_resp(_openapi(), mimetype=O.OPENAPI_JSON.split(";")[0])


@pages.get("/healthz")
def health():
    return json_resp({"status": "ok"})


@pages.get("/favicon.ico")
def favicon():
    return send_from_directory(ASSETS, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


@pages.get("/assets/<path:filename>")
def assets(filename: str):
    return send_from_directory(ASSETS, filename, max_age=3600)


# ------------------------------------------------------------------------------ /api reads
@api.get("")
def api_index():
    return json_resp(A.index(base_url()))


@api.get("/plans")
def plans():
    return json_resp(A.plans(svc(), base_url()))


@api.get("/plans/<plan>")
def plan(plan: str):
    return json_resp(A.plan(svc(), plan, base_url()))


@api.get("/places")
def places():
    return json_resp(A.places(svc(), args()))


@api.get("/places/<place_id>")
def place(place_id: str):
    return json_resp(A.place(svc(), place_id))


@api.get("/places/<place_id>/timeline")
def timeline(place_id: str):
    return json_resp(A.timeline(svc(), place_id, args()))


@api.get("/posture")
def posture():
    return json_resp(A.posture(svc(), args()), mimetype="application/geo+json")


@api.get("/changes")
def changes():
    return json_resp(A.changes(svc(), args()), mimetype="application/geo+json")


@api.get("/dates")
def dates():
    return json_resp(A.dates(svc(), args()))


@api.get("/geocode")
def geocode():
    svc().limit("geocode", client_key())
    return json_resp(A.geocode(svc(), args()))


@api.get("/sources")
def sources():
    return json_resp(A.sources(svc()))


@api.get("/sources/<source_id>")
def source(source_id: str):
    return json_resp(A.source(svc(), int_id(source_id, "source")))


@api.get("/sources/<source_id>/text")
def source_text(source_id: str):
    return Response(A.source_text(svc(), int_id(source_id, "source")), mimetype="text/plain")


# ------------------------------------------------------------------------------ /api writes
@api.post("/extract")
def extract():
    cfg = current_app.config
    if cfg["EXTRACT_REQUIRES_TOKEN"] or cfg["PRIVATE_READS"]:
        require_scope(g.principal, "read")
    svc().limit("extract", client_key())
    return json_resp(A.extract(svc(), read_body(), args()))


@api.post("/articles")
def ingest():
    require_scope(g.principal, "write")
    svc().limit("ingest", client_key())
    result, created = A.ingest(svc(), read_body(), args())
    headers = {"Location": f"{base_url()}/api/sources/{result['source_id']}"}
    return json_resp(result, 201 if created else 200, headers=headers)


@api.post("/observations/<observation_id>/confirm")
def confirm(observation_id: str):
    require_scope(g.principal, "write")
    svc().limit("edit", client_key())
    oid = int_id(observation_id, "observation")
    body: dict[str, Any] = {}
    if request.content_length or request.headers.get("Content-Type"):
        body = read_body()
    return json_resp(A.confirm(svc(), oid, body))


# ------------------------------------------------------------------------------ /ogc
def _ogc_args(allowed: tuple[str, ...] = ("f",)) -> dict[str, str]:
    a = args()
    unknown = [k for k in a if k not in allowed]
    if unknown:
        raise InputError(f"unknown query parameter {unknown[0][:40]!r}")
    O.check_format(a)
    return a


@ogc.get("")
@ogc.get("/")
def ogc_landing():
    _ogc_args()
    return json_resp(O.landing(base_url(), title()))


@ogc.get("/conformance")
def ogc_conformance():
    _ogc_args()
    return json_resp(O.conformance())


@ogc.get("/collections")
def ogc_collections():
    _ogc_args()
    return json_resp(O.collections(svc(), base_url()))


@ogc.get("/collections/<cid>")
def ogc_collection(cid: str):
    _ogc_args()
    return json_resp(O.collection_doc(svc(), cid, base_url()))


@ogc.get("/collections/<cid>/queryables")
def ogc_queryables(cid: str):
    _ogc_args()
    return json_resp(O.queryables(cid, base_url()), mimetype="application/schema+json")


@ogc.get("/collections/<cid>/schema")
def ogc_schema(cid: str):
    _ogc_args()
    return json_resp(O.schema(svc(), cid, base_url()), mimetype="application/schema+json")


@ogc.get("/collections/<cid>/items")
def ogc_items(cid: str):
    cfg = current_app.config
    body = O.items(
        svc(),
        cid,
        args(),
        base_url(),
        max_limit=cfg["OGC_MAX_LIMIT"],
        default_limit=cfg["OGC_DEFAULT_LIMIT"],
    )
    return json_resp(body, mimetype=O.GEOJSON)


@ogc.get("/collections/<cid>/items/<path:fid>")
def ogc_item(cid: str, fid: str):
    return json_resp(O.item(svc(), cid, fid, args(), base_url()), mimetype=O.GEOJSON)
