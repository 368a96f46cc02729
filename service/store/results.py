"""Result objects of the store's queries: posture, timeline steps, changes, ingest results.

The posture GeoJSON feature properties are a contract (docs/ARCHITECTURE.md): ``place_id,
name, name_ar, kind, country, actor, count, count_min, count_max, approximate, qualifier,
label, status, basis, as_of, as_of_precision, location_precision, plan, phase, sources,
conflicts, unallocated`` plus ``actor_name, valid_from, corroboration, confirmed, reason,
claim_type, via``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

#: Column order of ``posture --format csv`` (lists are JSON text; geometry as WKT).
POSTURE_CSV_COLUMNS = (
    "place_id",
    "name",
    "name_ar",
    "kind",
    "country",
    "actor",
    "actor_name",
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
    "valid_from",
    "location_precision",
    "plan",
    "phase",
    "corroboration",
    "confirmed",
    "reason",
    "unallocated_min",
    "unallocated_max",
    "lon",
    "lat",
    "sources",
    "conflicts",
    "geometry_wkt",
)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What :meth:`Store.ingest_article` did.

    Attributes
    ----------
    source_id : int
        The article's source id (the existing one when ``created`` is false).
    created : bool
        False when the same text had been ingested before (nothing was written).
    counts : dict
        Rows written: ``observations``, ``moves``, ``plans``, ``places``, ``skipped``.
    """

    source_id: int
    created: bool
    counts: dict[str, int] = field(default_factory=dict)
    content_hash: str = ""
    plan: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "created": self.created,
            "counts": dict(self.counts),
            "content_hash": self.content_hash,
            "plan": self.plan,
        }


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """What :meth:`Store.load_scenario` did (``changed`` is false for an unchanged file)."""

    scenario: str
    source_id: int
    changed: bool
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "source_id": self.source_id,
            "changed": self.changed,
            "counts": dict(self.counts),
        }


class Posture:
    """The estimated posture on one date: one GeoJSON feature per (actor, place)."""

    def __init__(
        self,
        date: dt.date,
        features: list[dict[str, Any]],
        *,
        actor: str | None = None,
        bbox: tuple[float, ...] | None = None,
        plan: str | None = None,
    ) -> None:
        self.date = date
        self.features = features
        self.actor = actor
        self.bbox = bbox
        self.plan = plan

    def __len__(self) -> int:
        return len(self.features)

    def __iter__(self):
        return iter(self.features)

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The features' properties."""
        return [f["properties"] for f in self.features]

    def find(
        self, place_id: str | None = None, *, actor: str | None = None, name: str | None = None
    ) -> list[dict[str, Any]]:
        """Properties of the rows for a place id / actor / place name."""
        out = []
        for p in self.rows:
            if place_id is not None and p["place_id"] != place_id:
                continue
            if actor is not None and p["actor"] != actor:
                continue
            if name is not None and name.casefold() not in (
                (p["name"] or "").casefold(),
                (p["name_ar"] or "").casefold(),
            ):
                continue
            out.append(p)
        return out

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection (with ``date``, ``actor``, ``bbox``, ``plan``)."""
        return {
            "type": "FeatureCollection",
            "date": self.date.isoformat(),
            "actor": self.actor,
            "plan": self.plan,
            "bbox_filter": list(self.bbox) if self.bbox else None,
            "features": self.features,
        }

    def to_geodataframe(self):
        """A GeoDataFrame (EPSG:4326) of the features; lists stay Python lists."""
        import geopandas as gpd
        from shapely.geometry import shape

        rows = [dict(f["properties"]) for f in self.features]
        geoms = [shape(f["geometry"]) if f["geometry"] else None for f in self.features]
        cols = list(rows[0]) if rows else ["place_id", "actor", "status"]
        return gpd.GeoDataFrame(rows, columns=cols, geometry=geoms, crs="EPSG:4326")

    def csv_rows(self) -> list[dict[str, Any]]:
        """Flat rows for CSV (:data:`POSTURE_CSV_COLUMNS`)."""
        from shapely.geometry import shape

        out = []
        for f in self.features:
            p = f["properties"]
            un = p.get("unallocated") or {}
            g = shape(f["geometry"]) if f["geometry"] else None
            row = {k: p.get(k) for k in POSTURE_CSV_COLUMNS}
            row.update(
                unallocated_min=un.get("count_min"),
                unallocated_max=un.get("count_max"),
                lon=p.get("lon"),
                lat=p.get("lat"),
                sources=json.dumps(p["sources"], ensure_ascii=False),
                conflicts=json.dumps(p["conflicts"], ensure_ascii=False),
                geometry_wkt=g.wkt if g is not None else None,
            )
            out.append(row)
        return out


@dataclass(slots=True)
class TimelineStep:
    """The state of one actor at one place on ``[start, end)`` (``end`` None: open)."""

    start: dt.date
    end: dt.date | None
    actor: str
    place_id: str
    name: str
    status: str
    count: int | None
    count_min: int | None
    count_max: int | None
    approximate: bool
    qualifier: str | None
    label: str
    basis: str
    as_of: str
    as_of_precision: str
    plan: str | None
    phase: str | None
    reason: str
    sources: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__}
        d["start"] = self.start.isoformat()
        d["end"] = self.end.isoformat() if self.end else None
        return d


CHANGE_KINDS = ("arrived", "left", "reduced", "grew", "moved", "status")


@dataclass(slots=True)
class Change:
    """What changed for one actor at one place between two dates."""

    kind: str
    actor: str
    place_id: str
    name: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    sources: list[dict[str, Any]]
    to_place_id: str | None = None
    to_name: str | None = None
    effective: str | None = None
    geometry: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actor": self.actor,
            "place_id": self.place_id,
            "name": self.name,
            "to_place_id": self.to_place_id,
            "to_name": self.to_name,
            "effective": self.effective,
            "before": self.before,
            "after": self.after,
            "sources": self.sources,
        }


class ChangeList(list):
    """A list of :class:`Change` with a GeoJSON view."""

    def __init__(
        self, items=(), *, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> None:
        super().__init__(items)
        self.date_from = date_from
        self.date_to = date_to

    def to_geojson(self) -> dict[str, Any]:
        return {
            "type": "FeatureCollection",
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "features": [
                {"type": "Feature", "geometry": c.geometry, "properties": c.to_dict()} for c in self
            ],
        }
