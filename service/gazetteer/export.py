"""Gazetteer places as GeoJSON (the ``places`` CLI and the API use this)."""

from __future__ import annotations

from typing import Any

from shapely.geometry import mapping

from .index import Gazetteer


def place_feature(gaz: Gazetteer, place_id: str, *, polygons: bool = False) -> dict[str, Any]:
    """One place as a GeoJSON Feature with the stable summary properties."""
    p = gaz.get(place_id)
    props = p.summary()
    props["parents"] = [q.id for q in gaz.parent_chain(p.id)]
    props["aliases"] = list(p.aliases)
    props["source"] = p.source
    if p.kind == "installation":
        props["operators"] = list(p.operators)
        props["active_from"] = p.active_from
        props["active_to"] = p.active_to
    if polygons and p.has_polygon:
        geom = mapping(gaz.geometry(p.id))
    else:
        geom = {"type": "Point", "coordinates": [p.lon, p.lat]}
    return {"type": "Feature", "id": p.id, "geometry": geom, "properties": props}


def places_geojson(
    gaz: Gazetteer, *, kind: str | None = None, country: str | None = None, polygons: bool = False
) -> dict[str, Any]:
    """A FeatureCollection of every matching place."""
    feats = [
        place_feature(gaz, p.id, polygons=polygons) for p in gaz.filter(kind=kind, country=country)
    ]
    return {"type": "FeatureCollection", "features": feats}
