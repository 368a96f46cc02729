"""Read the bundled gazetteer files (``data/gazetteer``) into :class:`~service.domain.Place`.

The file formats are documented in ``data/gazetteer/FORMAT.md``.  This module only parses
and validates; indexing lives in :mod:`service.gazetteer.index`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..domain import PLACE_KINDS, Place
from ..errors import DataError

POLYGON_FILES = ("countries.geojson", "regions.geojson", "admin1.geojson")
POINT_FILES = ("cities.csv", "places_extra.csv", "installations.csv")
ALIAS_FILE = "aliases.csv"


def default_data_dir() -> Path:
    """``<project>/data/gazetteer`` (the package lives in ``<project>/service``)."""
    return Path(__file__).resolve().parents[2] / "data" / "gazetteer"


def data_files(data_dir: Path) -> list[Path]:
    """The gazetteer files present in ``data_dir``, in load order."""
    names = [*POLYGON_FILES, *POINT_FILES, ALIAS_FILE]
    return [data_dir / n for n in names if (data_dir / n).exists()]


def data_version(data_dir: Path) -> str:
    """A short content hash of every gazetteer file (the index cache key)."""
    h = hashlib.sha256()
    for p in data_files(data_dir):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _split(cell: Any) -> tuple[str, ...]:
    if cell is None:
        return ()
    if isinstance(cell, (list, tuple)):
        items = cell
    else:
        items = str(cell).split("|")
    return tuple(dict.fromkeys(s.strip() for s in items if s and str(s).strip()))


def _num(cell: Any, kind=float) -> Any:
    if cell is None or cell == "":
        return None
    try:
        v = kind(float(cell)) if kind is int else kind(cell)
    except (TypeError, ValueError):
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _place(row: dict[str, Any], *, has_polygon: bool, where: str) -> Place:
    try:
        lon = float(row["lon"])
        lat = float(row["lat"])
    except (KeyError, TypeError, ValueError):
        raise DataError(f"{where}: place {row.get('id')!r} has no valid lon/lat") from None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise DataError(f"{where}: place {row.get('id')!r} has out-of-range coordinates")
    kind = (row.get("kind") or "").strip()
    if kind not in PLACE_KINDS:
        raise DataError(f"{where}: place {row.get('id')!r} has unknown kind {kind!r}")
    pid = (row.get("id") or "").strip()
    name = (row.get("name") or "").strip()
    if not pid or not name:
        raise DataError(f"{where}: a row lacks an id or a name")
    return Place(
        id=pid,
        name=name,
        kind=kind,
        lon=round(lon, 6),
        lat=round(lat, 6),
        name_ar=(row.get("name_ar") or None) or None,
        country=(row.get("country") or None) or None,
        parent=(row.get("parent") or None) or None,
        subkind=(row.get("subkind") or None) or None,
        aliases=_split(row.get("aliases")),
        iso=(row.get("iso") or None) or None,
        precision_m=_num(row.get("precision_m")),
        population=_num(row.get("population"), int),
        source=(row.get("source") or None) or None,
        operators=_split(row.get("operators")),
        active_from=_num(row.get("active_from"), int),
        active_to=_num(row.get("active_to"), int),
        has_polygon=has_polygon,
    )


def iter_polygon_features(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the raw GeoJSON features of a polygon file."""
    with path.open(encoding="utf-8") as fh:
        doc = json.load(fh)
    yield from doc.get("features", [])


def read_places(data_dir: Path | None = None) -> list[Place]:
    """Read every place from the gazetteer files, with ``aliases.csv`` merged in.

    Raises
    ------
    DataError
        If a file is missing, malformed, or ids clash.
    """
    data_dir = Path(data_dir or default_data_dir())
    if not (data_dir / "countries.geojson").exists():
        raise DataError(f"gazetteer data not found in {data_dir} (countries.geojson missing)")
    places: dict[str, Place] = {}

    def add(p: Place, where: str) -> None:
        if p.id in places:
            raise DataError(f"{where}: duplicate place id {p.id!r}")
        places[p.id] = p

    for name in POLYGON_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        for feat in iter_polygon_features(path):
            props = dict(feat.get("properties") or {})
            add(_place(props, has_polygon=feat.get("geometry") is not None, where=name), name)
    for name in POINT_FILES:
        path = data_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                add(_place(row, has_polygon=False, where=f"{name}:{i}"), f"{name}:{i}")
    alias_path = data_dir / ALIAS_FILE
    if alias_path.exists():
        extra: dict[str, list[str]] = {}
        with alias_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                pid = (row.get("id") or "").strip()
                alias = (row.get("alias") or "").strip()
                if pid in places and alias:
                    extra.setdefault(pid, []).append(alias)
        for pid, al in extra.items():
            p = places[pid]
            places[pid] = _replace(p, aliases=tuple(dict.fromkeys((*p.aliases, *al))))
    return list(places.values())


def _replace(p: Place, **changes: Any) -> Place:
    from dataclasses import replace

    return replace(p, **changes)


def read_geometries(data_dir: Path | None = None) -> dict[str, Any]:
    """Map place id → GeoJSON geometry dict for every polygon place."""
    data_dir = Path(data_dir or default_data_dir())
    out: dict[str, Any] = {}
    for name in POLYGON_FILES:
        path = data_dir / name
        if path.exists():
            for feat in iter_polygon_features(path):
                pid = (feat.get("properties") or {}).get("id")
                if pid and feat.get("geometry"):
                    out[pid] = feat["geometry"]
    return out


def iter_all_names(p: Place) -> Iterable[str]:
    """The place's primary names followed by its aliases, de-duplicated."""
    yield from dict.fromkeys(n for n in (p.name, p.name_ar, *p.aliases) if n)
