"""Export and import of the whole store: GeoPackage, GeoJSON, CSV (lossless) and KML.

Every format carries the same *records* (one per stored row): ``source``, ``place``,
``observation``, ``plan``, ``phase``, ``move``, each with the columns of its table (see
:data:`COLUMNS`) plus ``record`` and ``rid`` (the row id as text).

* GeoJSON: one FeatureCollection (``"tpm_format": 1``); each record is a Feature whose
  ``properties`` hold the columns; places and observations carry the place geometry.
* CSV: one table, the union of all columns, ``record`` first; dates ISO, booleans
  ``true``/``false``, JSON columns (``aliases``, ``meta``) as JSON text; geometry as
  ``geometry_wkb`` (hex, exact) plus ``geometry_wkt`` (for people).  Empty = null.
* GeoPackage: one layer per record type (``sources``, ``places``, ``observations`` …),
  places and observations with geometry (EPSG:4326).
* KML (export only): every step of every timeline as a Placemark with a ``TimeSpan``, for
  Google Earth's time slider.

Import maps ids: a source whose key the store already has (same article or scenario) is
not imported again, nor are the claims and plans that came with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import sqlalchemy as sa

from .. import actors as actor_registry
from ..errors import InputError, ValidationError
from . import db
from .schema import (
    moves_t,
    observations_t,
    phases_t,
    places_t,
    plans_t,
    series_t,
    sources_t,
)

FORMAT_VERSION = 1
RECORD_TYPES = ("source", "place", "observation", "plan", "phase", "move")
_TABLES = {
    "source": sources_t,
    "place": places_t,
    "observation": observations_t,
    "plan": plans_t,
    "phase": phases_t,
    "move": moves_t,
}
_LAYERS = {
    "source": "sources",
    "place": "places",
    "observation": "observations",
    "plan": "plans",
    "phase": "phases",
    "move": "moves",
}
_SKIP = {"geom", "minx", "miny", "maxx", "maxy", "geom_hash", "series_id"}


def _kind(col: sa.Column) -> str:
    t = col.type
    if isinstance(t, sa.Boolean):
        return "bool"
    if isinstance(t, sa.Integer):
        return "int"
    if isinstance(t, sa.Float):
        return "float"
    if isinstance(t, sa.DateTime):
        return "datetime"
    if isinstance(t, sa.Date):
        return "date"
    if isinstance(t, sa.JSON):
        return "json"
    return "str"


#: record type → [(column, kind)], in table order (``id`` is exported as ``rid``).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    rec: [(c.name, _kind(c)) for c in t.columns if c.name not in _SKIP and c.name != "id"]
    for rec, t in _TABLES.items()
}
ALL_COLUMNS: list[str] = ["record", "rid"]
for _cols in COLUMNS.values():
    for _name, _ in _cols:
        if _name not in ALL_COLUMNS:
            ALL_COLUMNS.append(_name)
_KINDS: dict[tuple[str, str], str] = {(rec, n): k for rec, cols in COLUMNS.items() for n, k in cols}
_GEOM_RECORDS = ("place", "observation")


def _fmt(path: Path, fmt: str | None) -> str:
    f = (fmt or path.suffix.lstrip(".")).lower()
    f = {
        "gpkg": "gpkg",
        "geopackage": "gpkg",
        "geojson": "geojson",
        "json": "geojson",
        "csv": "csv",
        "kml": "kml",
    }.get(f, f)
    if f not in ("gpkg", "geojson", "csv", "kml"):
        raise InputError("format must be gpkg, geojson, csv or kml")
    return f


# ------------------------------------------------------------------------------ reading rows
def collect_records(store) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every stored row as a record dict (Python values), and place geometries by id."""
    out: list[dict[str, Any]] = []
    geoms: dict[str, Any] = {}
    with db.read(store.engine) as conn:
        for rec in RECORD_TYPES:
            t = _TABLES[rec]
            cols = [t.c[n] for n, _ in COLUMNS[rec]]
            q = sa.select(t.c.id, *cols)
            if rec == "place":
                q = sa.select(t.c.id, *cols, t.c.geom)
            for r in conn.execute(q.order_by(t.c.id)):
                d = {"record": rec, "rid": str(r.id)}
                for n, _ in COLUMNS[rec]:
                    d[n] = getattr(r, n)
                if rec == "place":
                    geoms[r.id] = r.geom
                out.append(d)
    return out, geoms


def _to_text(v: Any, kind: str) -> str | None:
    if v is None:
        return None
    if kind == "bool":
        return "true" if v else "false"
    if kind in ("date", "datetime"):
        return v.isoformat()
    if kind == "json":
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if kind == "float":
        return repr(float(v))
    return str(v)


def _to_json(v: Any, kind: str) -> Any:
    if v is None:
        return None
    if kind in ("date", "datetime"):
        return v.isoformat()
    return v


def _parse(v: Any, kind: str, where: str) -> Any:
    """A cell from any format back to its Python value."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, str) and v == "" and kind != "str":
        return None
    try:
        if kind == "bool":
            if isinstance(v, str):
                if v.lower() not in ("true", "false", "1", "0"):
                    raise ValueError(v)
                return v.lower() in ("true", "1")
            return bool(v)
        if kind == "int":
            f = float(v)
            if f != int(f):
                raise ValueError(v)
            return int(f)
        if kind == "float":
            return float(v)
        if kind == "date":
            return dt.date.fromisoformat(str(v)[:10])
        if kind == "datetime":
            return dt.datetime.fromisoformat(str(v))
        if kind == "json":
            return json.loads(v) if isinstance(v, str) else v
        s = str(v)
        return s if s != "" else None
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(
            f"{where}: {str(v)[:40]!r} is not a valid {kind}", detail={"where": where}
        ) from None


# ------------------------------------------------------------------------------ export
def export_store(store, path: str | Path, fmt: str | None = None) -> Path:
    """Write every record of the store to ``path`` (see the module docstring)."""
    path = Path(path)
    f = _fmt(path, fmt)
    if f == "kml":
        return export_kml(store, path)
    records, geoms = collect_records(store)
    obs_geom = {}
    for r in records:
        if r["record"] == "observation":
            obs_geom[r["rid"]] = geoms.get(r["place_id"])
    path.parent.mkdir(parents=True, exist_ok=True)

    def geom_of(r: dict[str, Any]):
        if r["record"] == "place":
            return geoms.get(r["rid"])
        if r["record"] == "observation":
            return obs_geom.get(r["rid"])
        return None

    if f == "geojson":
        from shapely.geometry import mapping

        feats = []
        for r in records:
            g = geom_of(r)
            props = {"record": r["record"], "rid": r["rid"]}
            props.update({n: _to_json(r[n], k) for n, k in COLUMNS[r["record"]]})
            feats.append(
                {
                    "type": "Feature",
                    "geometry": mapping(g) if g is not None else None,
                    "properties": props,
                }
            )
        doc = {"type": "FeatureCollection", "tpm_format": FORMAT_VERSION, "features": feats}
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    elif f == "csv":
        import shapely

        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=[*ALL_COLUMNS, "geometry_wkb", "geometry_wkt"])
            w.writeheader()
            for r in records:
                row = {"record": r["record"], "rid": r["rid"]}
                row.update({n: _to_text(r[n], k) for n, k in COLUMNS[r["record"]]})
                g = geom_of(r)
                if g is not None:
                    row["geometry_wkb"] = shapely.to_wkb(g, hex=True)
                    row["geometry_wkt"] = shapely.to_wkt(g, rounding_precision=6)
                w.writerow(row)
    else:
        _export_gpkg(records, geom_of, path)
    return path


def _export_gpkg(records: list[dict[str, Any]], geom_of, path: Path) -> None:
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    if path.exists():
        path.unlink()
    for rec in RECORD_TYPES:
        rows = [r for r in records if r["record"] == rec]
        data: dict[str, Any] = {"rid": [r["rid"] for r in rows]}
        for n, k in COLUMNS[rec]:
            vals = [r[n] for r in rows]
            if k == "int":
                data[n] = pd.array(vals, dtype="Int64")
            elif k == "bool":
                data[n] = pd.array(vals, dtype="boolean")
            elif k == "float":
                data[n] = pd.array(vals, dtype="Float64")
            else:
                data[n] = pd.Series(
                    [_to_text(v, k) if k != "str" else v for v in vals], dtype=object
                )
        layer = _LAYERS[rec]
        if rec in _GEOM_RECORDS:
            gdf = gpd.GeoDataFrame(data, geometry=[geom_of(r) for r in rows], crs="EPSG:4326")
            pyogrio.write_dataframe(
                gdf, path, layer=layer, geometry_type="Unknown", append=path.exists()
            )
        else:
            pyogrio.write_dataframe(pd.DataFrame(data), path, layer=layer, append=path.exists())


# ------------------------------------------------------------------------------ import
def read_records(
    path: str | Path, fmt: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Records (Python values) and place geometries from an exported file."""
    path = Path(path)
    f = _fmt(path, fmt)
    if f == "kml":
        raise InputError("KML is an export-only format; import GeoPackage, GeoJSON or CSV")
    if not path.exists():
        raise InputError(f"file {path.name!r} not found")
    raw: list[tuple[str, dict[str, Any], Any]] = []  # (where, cells, geometry)
    if f == "geojson":
        from shapely.geometry import shape

        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError(
                f"{path.name}: not a GeoJSON file ({exc.__class__.__name__})",
                detail={"file": path.name},
            ) from None
        if not isinstance(doc, dict) or doc.get("tpm_format") != FORMAT_VERSION:
            raise ValidationError(
                f"{path.name}: not a store export (tpm_format {FORMAT_VERSION} missing)",
                detail={"file": path.name},
            )
        for i, feat in enumerate(doc.get("features") or []):
            g = feat.get("geometry")
            raw.append(
                (
                    f"{path.name}: feature {i}",
                    dict(feat.get("properties") or {}),
                    shape(g) if g else None,
                )
            )
    elif f == "csv":
        import shapely

        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "record" not in reader.fieldnames:
                    raise ValidationError(
                        f"{path.name}: not a store export (no record column)",
                        detail={"file": path.name},
                    )
                for i, row in enumerate(reader, start=2):
                    wkb = row.pop("geometry_wkb", None)
                    row.pop("geometry_wkt", None)
                    raw.append(
                        (
                            f"{path.name}:{i}",
                            row,
                            shapely.from_wkb(bytes.fromhex(wkb)) if wkb else None,
                        )
                    )
        except UnicodeDecodeError:
            raise ValidationError(
                f"{path.name}: not UTF-8 text", detail={"file": path.name}
            ) from None
    else:
        import pyogrio

        try:
            layers = {name for name, _ in pyogrio.list_layers(path)}
        except Exception:
            raise ValidationError(
                f"{path.name}: not a GeoPackage", detail={"file": path.name}
            ) from None
        if "sources" not in layers:
            raise ValidationError(
                f"{path.name}: not a store export (no sources layer)", detail={"file": path.name}
            )
        for rec in RECORD_TYPES:
            layer = _LAYERS[rec]
            if layer not in layers:
                continue
            df = pyogrio.read_dataframe(path, layer=layer, read_geometry=rec in _GEOM_RECORDS)
            geoms = list(df.geometry) if rec in _GEOM_RECORDS else [None] * len(df)
            cols = [c for c in df.columns if c != "geometry"]
            rows = df[cols].itertuples(index=False)
            for i, (vals, g) in enumerate(zip(rows, geoms, strict=False)):
                cells = dict(zip(cols, vals, strict=False))
                cells["record"] = rec
                raw.append((f"{path.name}: layer {layer} row {i + 1}", cells, g))
    records = []
    geoms_by_place: dict[str, Any] = {}
    for where, cells, g in raw:
        rec = cells.get("record")
        if rec not in RECORD_TYPES:
            raise ValidationError(
                f"{where}: unknown record type {str(rec)[:30]!r}", detail={"where": where}
            )
        rid = _parse(cells.get("rid"), "str", where)
        if rid is None:
            raise ValidationError(f"{where}: rid is missing", detail={"where": where})
        d: dict[str, Any] = {"record": rec, "rid": rid, "_where": where}
        for n, k in COLUMNS[rec]:
            d[n] = _parse(cells.get(n), k, f"{where} {n}")
        if rec == "place":
            if g is None:
                raise ValidationError(
                    f"{where}: place {rid!r} has no geometry", detail={"where": where}
                )
            geoms_by_place[rid] = g
        records.append(d)
    return records, geoms_by_place


def _require(d: dict[str, Any], *names: str) -> None:
    for n in names:
        if d.get(n) in (None, ""):
            raise ValidationError(
                f"{d['_where']}: {n} is required", detail={"where": d["_where"], "field": n}
            )


def import_store(store, path: str | Path, fmt: str | None = None) -> dict[str, int]:
    """Load an export into ``store`` in one transaction (nothing is written on error)."""
    from .store import place_row_from

    records, geoms = read_records(path, fmt)
    by_type: dict[str, list[dict[str, Any]]] = {r: [] for r in RECORD_TYPES}
    for r in records:
        by_type[r["record"]].append(r)
    for r in by_type["source"]:
        _require(r, "key", "kind", "independence")
    place_rows = []
    for r in by_type["place"]:
        _require(r, "name", "kind", "lon", "lat")

        class _P:  # the minimal Place-like object place_row_from needs
            pass

        p = _P()
        for n, _ in COLUMNS["place"]:
            setattr(p, n, r[n])
        p.id = r["rid"]
        p.aliases = r["aliases"] or []
        row = place_row_from(p, geoms[r["rid"]], custom=bool(r["custom"]))
        if r.get("created_at"):
            row["created_at"] = r["created_at"]
        place_rows.append(row)
    for r in by_type["observation"] + by_type["move"]:
        _require(r, "actor", "place_id")
        if not actor_registry.is_actor(r["actor"]):
            raise ValidationError(
                f"{r['_where']}: unknown actor {r['actor'][:30]!r}",
                detail={"where": r["_where"], "field": "actor"},
            )
    counts = {
        "sources": 0,
        "places": 0,
        "observations": 0,
        "plans": 0,
        "phases": 0,
        "moves": 0,
        "skipped_sources": 0,
    }

    def _write(conn) -> dict[str, int]:
        src_map: dict[str, int] = {}
        skip_origin: set[str] = set()
        for r in by_type["source"]:
            existing = conn.execute(
                sa.select(sources_t.c.id).where(sources_t.c.key == r["key"])
            ).scalar_one_or_none()
            if existing is not None:
                src_map[r["rid"]] = existing
                skip_origin.add(r["rid"])
                counts["skipped_sources"] += 1
                continue
            vals = {n: r[n] for n, _ in COLUMNS["source"]}
            vals["meta"] = vals["meta"] or {}
            vals["created_at"] = vals["created_at"] or dt.datetime.now(dt.UTC)
            src_map[r["rid"]] = conn.execute(
                sources_t.insert().values(**vals).returning(sources_t.c.id)
            ).scalar_one()
            counts["sources"] += 1
        have = {x[0] for x in conn.execute(sa.select(places_t.c.id))}
        new_places = [p for p in place_rows if p["id"] not in have]
        if new_places:
            conn.execute(places_t.insert(), new_places)
        counts["places"] = len(new_places)
        have |= {p["id"] for p in new_places}

        def src(r: dict[str, Any], col: str) -> int | None:
            v = r.get(col)
            if v is None:
                return None
            if str(v) not in src_map:
                raise ValidationError(
                    f"{r['_where']}: {col} {v} names no source in the file",
                    detail={"where": r["_where"], "field": col},
                )
            return src_map[str(v)]

        def place_ok(r: dict[str, Any], col: str) -> None:
            v = r.get(col)
            if v is not None and v not in have:
                raise ValidationError(
                    f"{r['_where']}: unknown place {v[:80]!r}",
                    detail={"where": r["_where"], "field": col},
                )

        obs = [r for r in by_type["observation"] if str(r["origin_id"]) not in skip_origin]
        moves_all = by_type["move"]
        keys = {(r["actor"], r["place_id"]) for r in obs}
        plans_in = [r for r in by_type["plan"] if str(r["origin_id"]) not in skip_origin]
        plan_rids = {r["rid"] for r in plans_in}
        moves = [r for r in moves_all if str(r["plan_id"]) in plan_rids]
        for r in moves:
            keys.add((r["actor"], r["place_id"]))
            if r.get("to_place_id"):
                keys.add((r["actor"], r["to_place_id"]))
        for r in obs:
            place_ok(r, "place_id")
        for r in moves:
            place_ok(r, "place_id")
            place_ok(r, "to_place_id")
        series = store._ensure_series(conn, keys)
        rows = []
        for r in obs:
            vals = {n: r[n] for n, _ in COLUMNS["observation"]}
            vals.update(
                series_id=series[(r["actor"], r["place_id"])],
                origin_id=src(r, "origin_id"),
                source_id=src(r, "source_id"),
            )
            vals["created_at"] = vals["created_at"] or dt.datetime.now(dt.UTC)
            rows.append(vals)
        try:
            if rows:
                conn.execute(observations_t.insert(), rows)
        except sa.exc.IntegrityError:
            raise ValidationError(
                "the file repeats an observation or breaks a constraint "
                "(negative count, unknown status …)"
            ) from None
        counts["observations"] = len(rows)
        plan_map: dict[str, int] = {}
        for r in plans_in:
            if conn.execute(sa.select(plans_t.c.id).where(plans_t.c.slug == r["slug"])).first():
                raise ValidationError(
                    f"{r['_where']}: plan id {r['slug']!r} already exists",
                    detail={"where": r["_where"], "field": "slug"},
                )
            vals = {n: r[n] for n, _ in COLUMNS["plan"]}
            vals.update(origin_id=src(r, "origin_id"), source_id=src(r, "source_id"))
            vals["created_at"] = vals["created_at"] or dt.datetime.now(dt.UTC)
            plan_map[r["rid"]] = conn.execute(
                plans_t.insert().values(**vals).returning(plans_t.c.id)
            ).scalar_one()
            counts["plans"] += 1
        phase_map: dict[str, int] = {}
        for r in by_type["phase"]:
            if str(r["plan_id"]) not in plan_map:
                continue
            vals = {n: r[n] for n, _ in COLUMNS["phase"]}
            vals["plan_id"] = plan_map[str(r["plan_id"])]
            phase_map[r["rid"]] = conn.execute(
                phases_t.insert().values(**vals).returning(phases_t.c.id)
            ).scalar_one()
            counts["phases"] += 1
        mrows = []
        for r in moves:
            vals = {n: r[n] for n, _ in COLUMNS["move"]}
            if str(r["phase_id"]) not in phase_map:
                raise ValidationError(
                    f"{r['_where']}: phase {r['phase_id']} is not in the file",
                    detail={"where": r["_where"], "field": "phase_id"},
                )
            vals.update(
                plan_id=plan_map[str(r["plan_id"])],
                phase_id=phase_map[str(r["phase_id"])],
                source_id=src(r, "source_id"),
            )
            mrows.append(vals)
        try:
            if mrows:
                conn.execute(moves_t.insert(), mrows)
        except sa.exc.IntegrityError:
            raise ValidationError(
                "a move breaks a constraint (unknown action, negative count …)"
            ) from None
        counts["moves"] = len(mrows)
        return dict(counts)

    return db.run_write(store.engine, _write)


def canonical_records(records: list[dict[str, Any]], geoms: dict[str, Any]) -> list[tuple]:
    """Records with database ids replaced by stable keys (to compare two stores)."""
    import shapely

    src_key = {r["rid"]: r["key"] for r in records if r["record"] == "source"}
    plan_key = {r["rid"]: r["slug"] for r in records if r["record"] == "plan"}
    phase_key = {
        r["rid"]: (plan_key.get(str(r["plan_id"])), r["ordinal"])
        for r in records
        if r["record"] == "phase"
    }
    out = []
    for r in records:
        d = {k: v for k, v in r.items() if k not in ("_where",)}
        rec = d["record"]
        if rec != "place":
            d.pop("rid")
        for col in ("origin_id", "source_id"):
            if col in d and d[col] is not None:
                d[col] = src_key.get(str(d[col]))
        if "plan_id" in d:
            d["plan_id"] = plan_key.get(str(d["plan_id"]))
        if "phase_id" in d:
            d["phase_id"] = phase_key.get(str(d["phase_id"]))
        for k, v in list(d.items()):
            if v == "":
                d[k] = None
            if isinstance(v, dt.datetime):
                d[k] = v.astimezone(dt.UTC).isoformat() if v.tzinfo else v.isoformat()
        if rec == "place":
            d["geometry"] = shapely.to_wkb(geoms[d["rid"]], hex=True)
        out.append((rec, json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)))
    return sorted(out)


# ------------------------------------------------------------------------------ KML
def export_kml(store, path: Path) -> Path:
    """Every timeline step as a KML Placemark with a TimeSpan (Google Earth time slider)."""
    places = {p["id"]: p for p in store.places()}
    with db.read(store.engine) as conn:
        referenced = sorted({r[0] for r in conn.execute(sa.select(series_t.c.place_id))})
    colors = {
        "present": "ff1f77b4",
        "reduced": "ff0e7fff",
        "withdrawn": "ff7f7f7f",
        "advisory": "ff2ca02c",
    }
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
        "<name>Troop presence</name>",
    ]
    for st, c in colors.items():
        parts.append(
            f'<Style id="{st}"><IconStyle><color>{c}</color></IconStyle>'
            f"<LineStyle><color>{c}</color><width>2</width></LineStyle>"
            f"<PolyStyle><color>4d{c[2:]}</color></PolyStyle></Style>"
        )
    for pid in referenced:
        place = store.place(pid)
        geom_kml = _kml_geometry(place["geometry"], place["lon"], place["lat"])
        for step in store.timeline(pid):
            name = f"{step.actor} – {places[pid]['name']}: {step.label}"
            srcs = "; ".join(
                filter(
                    None,
                    (
                        f"{s.get('outlet') or s.get('title') or 'analyst'} "
                        f"{s.get('published') or ''}".strip()
                        for s in step.sources
                    ),
                )
            )
            desc = (
                f"{step.status} ({step.basis}), as of {step.as_of}"
                + (f", plan {step.plan}" if step.plan else "")
                + (f". Sources: {srcs}" if srcs else "")
            )
            span = f"<begin>{step.start.isoformat()}</begin>"
            if step.end:
                span += f"<end>{step.end.isoformat()}</end>"
            parts.append(
                f"<Placemark><name>{escape(name)}</name>"
                f"<description>{escape(desc)}</description><TimeSpan>{span}</TimeSpan>"
                f"<styleUrl>#{step.status}</styleUrl>"
                f'<ExtendedData><Data name="place_id"><value>{escape(pid)}</value></Data>'
                f'<Data name="actor"><value>{escape(step.actor)}</value></Data>'
                f'<Data name="basis"><value>{step.basis}</value></Data></ExtendedData>'
                f"{geom_kml}</Placemark>"
            )
    parts.append("</Document></kml>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _kml_geometry(geojson: dict[str, Any] | None, lon: float, lat: float) -> str:
    from shapely.geometry import shape

    if not geojson or geojson["type"] == "Point":
        return f"<Point><coordinates>{lon},{lat}</coordinates></Point>"
    g = shape(geojson).simplify(0.01, preserve_topology=True)
    polys = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
    out = []
    for p in polys:
        if p.geom_type != "Polygon":
            continue
        ring = " ".join(f"{x:.5f},{y:.5f}" for x, y in p.exterior.coords)
        out.append(
            "<Polygon><outerBoundaryIs><LinearRing><coordinates>"
            f"{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon>"
        )
    if not out:
        return f"<Point><coordinates>{lon},{lat}</coordinates></Point>"
    return out[0] if len(out) == 1 else "<MultiGeometry>" + "".join(out) + "</MultiGeometry>"
