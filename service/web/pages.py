"""Map pages and read-only JSON."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from ..errors import InputError
from .factory import arg_date, get_store

bp = Blueprint("pages", __name__)

LAYER_ARG_MAX = 200


def _map_html(embed: bool) -> str:
    from ..render import render_map

    lang = request.args.get("lang", "en")
    if lang not in ("en", "ar"):
        raise InputError("lang must be en or ar")
    basemap = request.args.get("basemap", "offline")
    if basemap not in ("offline", "osm", "none"):
        raise InputError("basemap must be offline, osm or none")
    layers = request.args.get("layers")
    if layers and len(layers) > LAYER_ARG_MAX:
        raise InputError("layers is too long")
    kwargs = {"lang": lang, "basemap": basemap, "assets": "/static/vendor"}
    if layers:
        kwargs["layers"] = [x for x in layers.split(",") if x]
    d, d1, d2 = arg_date("date"), arg_date("from"), arg_date("to")
    if d1 or d2:
        if not (d1 and d2):
            raise InputError("give both from and to")
        kwargs.update(date_from=d1, date_to=d2)
    elif d:
        kwargs["date"] = d
    m = render_map(get_store(current_app), **kwargs)
    return m.get_root().render()


@bp.get("/")
def index() -> Response:
    """The full map page (time slider over every change date)."""
    return Response(_map_html(False), mimetype="text/html")


@bp.get("/embed/map")
def embed() -> Response:
    """The same map, for an ``<iframe>``."""
    return Response(_map_html(True), mimetype="text/html")


@bp.get("/healthz")
def health():
    return jsonify({"status": "ok"})


@bp.get("/api/places")
def places():
    return jsonify(get_store(current_app).places())


@bp.get("/api/posture")
def posture():
    d = arg_date("date")
    if d is None:
        raise InputError("date is required (YYYY-MM-DD)")
    res = get_store(current_app).posture_at(d, actor=request.args.get("actor"),
                                            bbox=request.args.get("bbox"))
    return jsonify(res.to_geojson())


@bp.get("/api/geocode")
def geocode():
    from ..gazetteer.geocoder import GazetteerGeocoder

    q = request.args.get("q", "")
    locs = GazetteerGeocoder().geocode(q, exactly_one=False, limit=10) or []
    out = []
    for loc in locs:
        raw = dict(loc.raw)
        raw.pop("geometry", None)
        out.append(raw)
    return jsonify(out)
