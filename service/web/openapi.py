"""The OpenAPI 3.0 document of the whole service (HTML pages, ``/api``, ``/ogc``).

Built from plain data (no framework); ``/openapi.json`` serves it and ``/docs`` renders it as
HTML (:mod:`.docs`).  Per-collection OGC paths are spelled out, as pygeoapi does, so that every
collection's queryables are described.
"""

from __future__ import annotations

from typing import Any

from .ogc import COLLECTIONS, FORMATS

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.0.0"
ERROR = {"$ref": "#/components/responses/Error"}

DATE = {"type": "string", "format": "date", "example": "2025-10-01"}
ACTOR_DESC = (
    "Actor code: ISO 3166-1 alpha-2 (US, GB, FR …), COALITION or NATO; a coalition "
    "includes its members."
)


def _q(
    name: str, schema: dict[str, Any], desc: str, required: bool = False, **extra: Any
) -> dict[str, Any]:
    p = {"name": name, "in": "query", "required": required, "description": desc, "schema": schema}
    p.update(extra)
    return p


def _path(name: str, desc: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": desc,
        "schema": schema or {"type": "string", "pattern": r"^[\w:.\-]{1,200}$"},
    }


def _json(
    schema: dict[str, Any], desc: str = "OK", media: str = "application/json"
) -> dict[str, Any]:
    return {"description": desc, "content": {media: {"schema": schema}}}


def _html(desc: str) -> dict[str, Any]:
    return {"description": desc, "content": {"text/html": {"schema": {"type": "string"}}}}


def _op(
    summary: str,
    tag: str,
    responses: dict[str, Any],
    params: list | None = None,
    op_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "summary": summary,
        "tags": [tag],
        "responses": {**responses, "default": ERROR},
    }
    if params:
        out["parameters"] = params
    if op_id:
        out["operationId"] = op_id
    out.update(extra)
    return out


ACTOR = _q("actor", {"type": "string", "maxLength": 40}, ACTOR_DESC)
BBOX_API = _q(
    "bbox",
    {"type": "string", "maxLength": 200, "example": "38.0,29.0,49.0,38.0"},
    "min_lon,min_lat,max_lon,max_lat (WGS 84)",
)
PLAN_Q = _q(
    "plan",
    {"type": "string", "maxLength": 200},
    "Project with this plan only (slug or id); default every plan.",
)
LANG_Q = _q(
    "lang",
    {"type": "string", "enum": ["en", "ar"], "default": "en"},
    "Language of the map (Arabic is right-to-left).",
)
MAP_PARAMS = [
    _q("date", DATE, "A static map of this date (default: a time slider)."),
    _q("from", DATE, "Change map: from this date (with `to`)."),
    _q("to", DATE, "Change map: to this date (with `from`)."),
    _q(
        "layers",
        {"type": "string", "maxLength": 200, "example": "sites,areas,phases,moves"},
        "Comma list of sites, areas, phases, moves, mentioned, changes, basemap.",
    ),
    _q(
        "basemap",
        {"type": "string", "enum": ["offline", "osm", "none"], "default": "offline"},
        "offline: gazetteer polygons; osm: plus OpenStreetMap tiles (needs internet).",
    ),
    LANG_Q,
]
PLAN_PATH = _path("plan", "A plan's slug or id, or `all`.")


def _bodies(required_text: bool = True) -> dict[str, Any]:
    art = {
        "type": "object",
        "required": ["text"] if required_text else [],
        "properties": {
            "text": {
                "type": "string",
                "minLength": 1,
                "description": "The article (UTF-8 text or HTML).",
            },
            "published": {
                "type": "string",
                "format": "date",
                "description": "Publication date YYYY-MM-DD.",
            },
            "lang": {"type": "string", "enum": ["auto", "ar", "en"]},
            "url": {"type": "string", "format": "uri", "maxLength": 2000},
            "outlet": {"type": "string", "maxLength": 200},
            "title": {"type": "string", "maxLength": 500},
        },
    }
    return {
        "required": True,
        "content": {
            "application/json": {"schema": art},
            "text/plain": {"schema": {"type": "string", "minLength": 1}},
        },
    }


def _text_params() -> list[dict[str, Any]]:
    return [
        _q("published", DATE, "Publication date (with a text/plain body)."),
        _q(
            "lang",
            {"type": "string", "enum": ["auto", "ar", "en"]},
            "Language (with a text/plain body).",
        ),
        _q("url", {"type": "string", "maxLength": 2000}, "The article's URL."),
        _q("outlet", {"type": "string", "maxLength": 200}, "The outlet's name."),
        _q("title", {"type": "string", "maxLength": 500}, "The article's title."),
    ]


def components() -> dict[str, Any]:
    obj = {"type": "object"}
    return {
        "securitySchemes": {
            "bearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "An API token from `python -m service token create`.",
            }
        },
        "responses": {
            "Error": _json(
                {"$ref": "#/components/schemas/Error"},
                "An error (400, 401, 403, 404, 405, 413, 415, 422, 429 …).",
            )
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error", "message", "status"],
                "properties": {
                    "error": {"type": "string"},
                    "message": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": obj,
                },
            },
            "Geometry": {
                "type": "object",
                "nullable": True,
                "required": ["type"],
                "properties": {"type": {"type": "string"}},
            },
            "Feature": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                    "geometry": {"$ref": "#/components/schemas/Geometry"},
                    "properties": {"type": "object", "nullable": True},
                    "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                },
            },
            "FeatureCollection": {
                "type": "object",
                "required": ["type", "features"],
                "properties": {
                    "type": {"type": "string", "enum": ["FeatureCollection"]},
                    "features": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Feature"},
                    },
                    "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                    "numberMatched": {"type": "integer", "minimum": 0},
                    "numberReturned": {"type": "integer", "minimum": 0},
                    "timeStamp": {"type": "string", "format": "date-time"},
                },
            },
            "Link": {
                "type": "object",
                "required": ["href", "rel"],
                "properties": {
                    "href": {"type": "string"},
                    "rel": {"type": "string"},
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                },
            },
            "LandingPage": {
                "type": "object",
                "required": ["links"],
                "properties": {
                    "title": {"type": "string"},
                    "description": {"type": "string"},
                    "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                },
            },
            "Conformance": {
                "type": "object",
                "required": ["conformsTo"],
                "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}},
            },
            "Collection": {
                "type": "object",
                "required": ["id", "links"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "description": {"type": "string"},
                    "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                    "extent": obj,
                    "itemType": {"type": "string"},
                    "crs": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Collections": {
                "type": "object",
                "required": ["links", "collections"],
                "properties": {
                    "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                    "collections": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Collection"},
                    },
                },
            },
            "Place": {
                "type": "object",
                "required": ["id", "name", "kind"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "name_ar": {"type": "string", "nullable": True},
                    "kind": {"type": "string"},
                    "country": {"type": "string", "nullable": True},
                    "parent": {"type": "string", "nullable": True},
                    "lon": {"type": "number"},
                    "lat": {"type": "number"},
                },
            },
            "Plan": {
                "type": "object",
                "required": ["id", "slug", "name", "phases"],
                "properties": {
                    "id": {"type": "integer"},
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "kind": {"type": "string"},
                    "start": {"type": "string", "nullable": True},
                    "phases": {"type": "array", "items": obj},
                    "links": obj,
                },
            },
            "IngestResult": {
                "type": "object",
                "required": ["source_id", "created", "counts"],
                "properties": {
                    "source_id": {"type": "integer"},
                    "created": {"type": "boolean"},
                    "counts": obj,
                    "content_hash": {"type": "string"},
                    "plan": {"type": "string", "nullable": True},
                },
            },
            "Extraction": {
                "type": "object",
                "required": ["places", "force_levels", "movements"],
                "properties": {
                    "language": {"type": "string", "nullable": True},
                    "places": {"type": "array", "items": obj},
                    "force_levels": {"type": "array", "items": obj},
                    "movements": {"type": "array", "items": obj},
                    "events": {"type": "array", "items": obj},
                },
            },
        },
    }


def _ogc_paths() -> dict[str, Any]:
    lp = {"schema": {"$ref": "#/components/schemas/LandingPage"}}
    f_param = _q(
        "f",
        {"type": "string", "enum": list(FORMATS)},
        "Output format: json (GeoJSON); the default.",
    )
    paths: dict[str, Any] = {
        "/ogc": {
            "get": _op(
                "OGC API landing page",
                "OGC API – Features",
                {"200": {"description": "The landing page", "content": {"application/json": lp}}},
                [f_param],
                "ogcLanding",
            )
        },
        "/ogc/conformance": {
            "get": _op(
                "Conformance classes",
                "OGC API – Features",
                {"200": _json({"$ref": "#/components/schemas/Conformance"})},
                [f_param],
                "ogcConformance",
            )
        },
        "/ogc/collections": {
            "get": _op(
                "Feature collections",
                "OGC API – Features",
                {"200": _json({"$ref": "#/components/schemas/Collections"})},
                [f_param],
                "ogcCollections",
            )
        },
    }
    for cid, spec in COLLECTIONS.items():
        base = f"/ogc/collections/{cid}"
        item_params = [
            _q(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": 10000, "default": 100},
                "Page size (the server caps it).",
            ),
            _q(
                "offset",
                {"type": "integer", "minimum": 0, "default": 0},
                "Number of features to skip (use the `next` link).",
            ),
            _q(
                "bbox",
                {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
                "min_lon,min_lat,max_lon,max_lat (CRS84).",
                style="form",
                explode=False,
            ),
            f_param,
        ]
        if spec.temporal:
            item_params.insert(
                3,
                _q(
                    "datetime",
                    {"type": "string", "maxLength": 100},
                    "An instant (2025-10-01, 2025-10-01T00:00:00Z) or an interval "
                    "(2025-09-01/2025-12-31, open ends `..`); features whose period intersects "
                    "it.",
                ),
            )
        for name, schema in spec.queryables.items():
            item_params.append(
                _q(
                    name,
                    {k: v for k, v in schema.items() if k != "format"} | {"maxLength": 200}
                    if schema.get("type") == "string"
                    else schema,
                    f"Only features whose `{name}` equals this.",
                )
            )
        paths[base] = {
            "get": _op(
                f"The {cid} collection",
                "OGC API – Features",
                {"200": _json({"$ref": "#/components/schemas/Collection"})},
                [f_param],
                f"ogcCollection_{cid}",
            )
        }
        paths[f"{base}/queryables"] = {
            "get": _op(
                f"Queryable properties of {cid}",
                "OGC API – Features",
                {"200": _json({"type": "object"}, media="application/schema+json")},
                None,
                f"ogcQueryables_{cid}",
            )
        }
        paths[f"{base}/schema"] = {
            "get": _op(
                f"JSON Schema of the {cid} features' properties",
                "OGC API – Features",
                {"200": _json({"type": "object"}, media="application/schema+json")},
                None,
                f"ogcSchema_{cid}",
            )
        }
        paths[f"{base}/items"] = {
            "get": _op(
                f"Features of {cid}: {spec.title}",
                "OGC API – Features",
                {
                    "200": _json(
                        {"$ref": "#/components/schemas/FeatureCollection"},
                        "A page of features",
                        "application/geo+json",
                    )
                },
                item_params,
                f"ogcItems_{cid}",
                description=spec.description,
            )
        }
        paths[f"{base}/items/{{featureId}}"] = {
            "get": _op(
                f"One feature of {cid}",
                "OGC API – Features",
                {
                    "200": _json(
                        {"$ref": "#/components/schemas/Feature"},
                        "The feature",
                        "application/geo+json",
                    )
                },
                [
                    _path("featureId", "The feature's id", {"type": "string", "maxLength": 300}),
                    f_param,
                ],
                f"ogcItem_{cid}",
            )
        }
    return paths


def _api_paths() -> dict[str, Any]:
    tag = "JSON API"
    arr = {"type": "array", "items": {"type": "object"}}
    fc = {"$ref": "#/components/schemas/FeatureCollection"}
    write = {"security": [{"bearerAuth": []}]}
    return {
        "/api": {
            "get": _op(
                "What the JSON API offers",
                tag,
                {"200": _json({"type": "object"})},
                op_id="apiIndex",
            )
        },
        "/api/plans": {
            "get": _op(
                "Plans with their phases and moves",
                tag,
                {"200": _json({"type": "array", "items": {"$ref": "#/components/schemas/Plan"}})},
                op_id="listPlans",
            )
        },
        "/api/plans/{plan}": {
            "get": _op(
                "One plan",
                tag,
                {"200": _json({"$ref": "#/components/schemas/Plan"})},
                [_path("plan", "A plan's slug or id")],
                "getPlan",
            )
        },
        "/api/places": {
            "get": _op(
                "Places the store knows",
                tag,
                {"200": _json({"type": "array", "items": {"$ref": "#/components/schemas/Place"}})},
                [
                    _q(
                        "kind",
                        {
                            "type": "string",
                            "enum": ["country", "region", "admin1", "city", "installation"],
                        },
                        "Only this kind.",
                    ),
                    _q("country", {"type": "string", "maxLength": 10}, "ISO alpha-2 code."),
                ],
                "listPlaces",
            )
        },
        "/api/places/{place_id}": {
            "get": _op(
                "One place with its geometry",
                tag,
                {"200": _json({"$ref": "#/components/schemas/Place"})},
                [_path("place_id", "A place id such as installation:ain-al-asad-air-base")],
                "getPlace",
            )
        },
        "/api/places/{place_id}/timeline": {
            "get": _op(
                "A place's timeline: every actor's steps, reported and projected",
                tag,
                {"200": _json({"type": "object"})},
                [_path("place_id", "A place id"), ACTOR],
                "getTimeline",
            )
        },
        "/api/posture": {
            "get": _op(
                "The estimated posture on a date (GeoJSON)",
                tag,
                {"200": _json(fc, "A FeatureCollection", "application/geo+json")},
                [
                    _q("date", DATE, "The date (YYYY-MM-DD).", required=True),
                    ACTOR,
                    BBOX_API,
                    PLAN_Q,
                ],
                "getPosture",
            )
        },
        "/api/changes": {
            "get": _op(
                "What changed between two dates (GeoJSON)",
                tag,
                {"200": _json(fc, "A FeatureCollection", "application/geo+json")},
                [
                    _q("from", DATE, "From this date.", required=True),
                    _q("to", DATE, "To this date (after from).", required=True),
                    ACTOR,
                ],
                "getChanges",
            )
        },
        "/api/dates": {
            "get": _op(
                "Dates on which anything changes",
                tag,
                {"200": _json({"type": "object"})},
                [PLAN_Q],
                "getDates",
            )
        },
        "/api/geocode": {
            "get": _op(
                "Find places by name (offline gazetteer; any script or spelling)",
                tag,
                {"200": _json(arr)},
                [
                    _q(
                        "q",
                        {"type": "string", "minLength": 1, "maxLength": 200},
                        "A place name.",
                        required=True,
                    ),
                    _q(
                        "kind",
                        {
                            "type": "string",
                            "enum": ["country", "region", "admin1", "city", "installation"],
                        },
                        "Only this kind.",
                    ),
                    _q("country", {"type": "string", "maxLength": 10}, "ISO alpha-2 code."),
                    _q(
                        "limit",
                        {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                        "At most this many.",
                    ),
                ],
                "geocode",
            )
        },
        "/api/sources": {
            "get": _op(
                "Sources (articles, scenarios, references)",
                tag,
                {"200": _json(arr)},
                op_id="listSources",
            )
        },
        "/api/sources/{source_id}": {
            "get": _op(
                "One source",
                tag,
                {"200": _json({"type": "object"})},
                [
                    _path(
                        "source_id",
                        "A source id",
                        {"type": "integer", "minimum": 1, "maximum": 2**53},
                    )
                ],
                "getSource",
            )
        },
        "/api/sources/{source_id}/text": {
            "get": _op(
                "An ingested article's text",
                tag,
                {
                    "200": {
                        "description": "The text",
                        "content": {"text/plain": {"schema": {"type": "string"}}},
                    }
                },
                [
                    _path(
                        "source_id",
                        "A source id",
                        {"type": "integer", "minimum": 1, "maximum": 2**53},
                    )
                ],
                "getSourceText",
            )
        },
        "/api/extract": {
            "post": _op(
                "Extract places, force levels, movements and events from a text (nothing is "
                "stored; rate-limited)",
                tag,
                {"200": _json({"$ref": "#/components/schemas/Extraction"})},
                _text_params(),
                "extract",
                requestBody=_bodies(),
            )
        },
        "/api/articles": {
            "post": _op(
                "Ingest an article: extract its claims and store them (needs a token with the "
                "write scope; idempotent by content; rate-limited)",
                tag,
                {
                    "201": _json({"$ref": "#/components/schemas/IngestResult"}, "Stored"),
                    "200": _json(
                        {"$ref": "#/components/schemas/IngestResult"},
                        "Already stored (nothing changed)",
                    ),
                },
                _text_params(),
                "ingestArticle",
                requestBody=_bodies(),
                **write,
            )
        },
        "/api/observations/{observation_id}/confirm": {
            "post": _op(
                "Confirm (or un-confirm) an observation (analyst edit; needs a write token)",
                tag,
                {"200": _json({"type": "object"})},
                [
                    _path(
                        "observation_id",
                        "An observation id",
                        {"type": "integer", "minimum": 1, "maximum": 2**53},
                    )
                ],
                "confirmObservation",
                requestBody={
                    "required": False,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"confirmed": {"type": "boolean"}},
                            }
                        }
                    },
                },
                **write,
            )
        },
    }


def _page_paths() -> dict[str, Any]:
    tag = "Pages"
    return {
        "/": {
            "get": _op(
                "Index: plans, places and a date control",
                tag,
                {"200": _html("The index page")},
                [LANG_Q],
                "indexPage",
            )
        },
        "/maps/{plan}": {
            "get": _op(
                "A full map page",
                tag,
                {"200": _html("The map page")},
                [PLAN_PATH, *MAP_PARAMS],
                "mapPage",
            )
        },
        "/embed/{plan}": {
            "get": _op(
                "The chromeless map, for an <iframe> (embedding origins: CSP frame-ancestors)",
                tag,
                {"200": _html("The map")},
                [PLAN_PATH, *MAP_PARAMS],
                "embedMap",
            )
        },
        "/maps/{plan}/embed": {
            "get": _op(
                "The HTML snippet to embed a map",
                tag,
                {"200": _html("The snippet page")},
                [PLAN_PATH, *MAP_PARAMS],
                "embedSnippet",
            )
        },
        "/docs": {
            "get": _op(
                "This API's documentation", tag, {"200": _html("The docs")}, op_id="docsPage"
            )
        },
        "/openapi.json": {
            "get": _op(
                "This OpenAPI document",
                tag,
                {"200": _json({"type": "object"}, media="application/vnd.oai.openapi+json")},
                op_id="openapi",
            )
        },
        "/healthz": {
            "get": _op("Health check", tag, {"200": _json({"type": "object"})}, op_id="health")
        },
    }


def openapi_document(base: str, title: str, *, private_reads: bool = False) -> dict[str, Any]:
    """The OpenAPI 3.0 document; ``base`` is the service's absolute URL."""
    doc: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"{title} API",
            "version": API_VERSION,
            "description": (
                "Where foreign forces are and how that changes, from news articles: "
                "HTML maps, a JSON API and OGC API – Features (Part 1 Core, GeoJSON). "
                "Reads are "
                + ("private (a token with the read scope)" if private_reads else "public")
                + "; writes need an API token (`Authorization: Bearer <token>`). "
                "Errors are JSON: {error, message, status}."
            ),
            "license": {"name": "Data: see /api/sources; code: project licence"},
        },
        "servers": [{"url": base or "/"}],
        "tags": [{"name": "Pages"}, {"name": "JSON API"}, {"name": "OGC API – Features"}],
        "paths": {**_page_paths(), **_api_paths(), **_ogc_paths()},
        "components": components(),
    }
    if private_reads:
        doc["security"] = [{"bearerAuth": []}]
    return doc
