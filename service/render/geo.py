"""Geometry helpers for the render layer.

Inside the package coordinates are (lon, lat); Leaflet wants (lat, lon).  :func:`latlon` is
the *only* place that swaps them.  GeoJSON geometries are passed to Leaflet's GeoJSON reader
as they are (it reads lon, lat itself).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any


def latlon(lon: float, lat: float, ndigits: int = 5) -> list[float]:
    """(lon, lat) → Leaflet's ``[lat, lon]`` (rounded: 5 digits ≈ 1 m)."""
    return [round(float(lat), ndigits), round(float(lon), ndigits)]


def bounds_latlon(bbox: tuple[float, float, float, float]) -> list[list[float]]:
    """(minlon, minlat, maxlon, maxlat) → Leaflet bounds ``[[s, w], [n, e]]``."""
    minx, miny, maxx, maxy = bbox
    return [latlon(minx, miny), latlon(maxx, maxy)]


def bbox_of_points(
    points: Iterable[tuple[float, float]],
) -> tuple[float, float, float, float] | None:
    xs, ys = [], []
    for lon, lat in points:
        if lon is None or lat is None:
            continue
        xs.append(float(lon))
        ys.append(float(lat))
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def union_bbox(*boxes) -> tuple[float, float, float, float] | None:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def pad_bbox(bbox, frac: float = 0.15, minimum: float = 1.0):
    """Grow a bbox by a fraction of its size (at least ``minimum`` degrees each side)."""
    minx, miny, maxx, maxy = bbox
    dx = max((maxx - minx) * frac, minimum)
    dy = max((maxy - miny) * frac, minimum)
    return (
        max(minx - dx, -180.0),
        max(miny - dy, -85.0),
        min(maxx + dx, 180.0),
        min(maxy + dy, 85.0),
    )


def round_coords(obj: Any, ndigits: int) -> Any:
    """Round every number in nested coordinate lists."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), ndigits) for v in obj]
        return [round_coords(o, ndigits) for o in obj]
    return obj


def simplify(geom, tolerance: float, clip=None, ndigits: int = 3) -> dict | None:
    """A shapely geometry → simplified, optionally clipped, rounded GeoJSON geometry dict."""
    from shapely.geometry import mapping

    if geom is None or geom.is_empty:
        return None
    if clip is not None:
        minx, miny, maxx, maxy = clip
        gx0, gy0, gx1, gy1 = geom.bounds
        if gx1 < minx or gx0 > maxx or gy1 < miny or gy0 > maxy:
            return None
        if gx0 < minx or gy0 < miny or gx1 > maxx or gy1 > maxy:
            geom = geom.intersection(_box(*clip))
            if geom.is_empty:
                return None
    if tolerance > 0:
        geom = geom.simplify(tolerance, preserve_topology=True)
    if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        if geom.geom_type == "GeometryCollection":
            from shapely.geometry import MultiPolygon

            polys = [g for g in geom.geoms if g.geom_type == "Polygon"]
            if not polys:
                return None
            geom = MultiPolygon(polys)
        elif geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            return None
    m = mapping(geom)
    return {"type": m["type"], "coordinates": round_coords(m["coordinates"], ndigits)}


@functools.lru_cache(maxsize=8)
def _box(minx, miny, maxx, maxy):
    from shapely.geometry import box

    return box(minx, miny, maxx, maxy)


def tolerance_for(bbox) -> float:
    """Simplification tolerance (degrees) suited to a view of ``bbox``: ~1/1200 of its span."""
    span = max(bbox[2] - bbox[0], bbox[3] - bbox[1], 0.5)
    return round(span / 1200, 5)


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))
