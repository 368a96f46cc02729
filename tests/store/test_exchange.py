"""Export/import round trips (GeoPackage, GeoJSON, CSV) and KML export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from service.errors import InputError, ValidationError
from service.store.exchange import canonical_records, collect_records
from tests.conftest import ROOT

SHIPPED = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"


@pytest.fixture
def full(store, seed_text, tmp_path):
    """A store with an article, the shipped scenario and an analyst place."""
    store.ingest_article(
        seed_text,
        published="2024-09-06",
        outlet="Almaghrib Today",
        outlet_ar="المغرب اليوم",
        lang="ar",
    )
    store.load_scenario(SHIPPED)
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "scenario: extra\ntitle: extra\nplaces:\n  - id: custom:site-x\n    name: Site X\n"
        "    kind: installation\n    country: IQ\n    lon: 43.123456789\n    lat: 35.5\n"
        "observations:\n  - actor: GB\n    place: custom:site-x\n    as_of: 2024-H2\n"
        '    count_min: 10\n    count_max: 50\n    note: "multi\\nline, with \\"quotes\\""\n'
        "    confirmed: true\n",
        encoding="utf-8",
    )
    store.load_scenario(extra)
    return store


def _canon(store):
    return canonical_records(*collect_records(store))


@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "csv"])
def test_round_trip_without_loss(full, fresh_store, tmp_path, fmt):
    out = full.export(tmp_path / f"dump.{fmt}")
    other = fresh_store()
    counts = other.import_file(out)
    assert counts["observations"] == full.counts()["observations"]
    assert _canon(other) == _canon(full)
    for day in ("2024-10-01", "2025-10-01", "2027-01-01"):
        a = [f["properties"] for f in full.posture_at(day).features]
        b = [f["properties"] for f in other.posture_at(day).features]
        strip = lambda rows: [
            {k: v for k, v in r.items() if k not in ("sources", "conflicts")} for r in rows
        ]
        assert strip(a) == strip(b)
    # importing the same file again adds nothing
    before = other.counts()
    assert other.import_file(out)["observations"] == 0
    assert other.counts() == before


def test_geojson_export_is_a_feature_collection(full, tmp_path):
    doc = json.loads(full.export(tmp_path / "d.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["tpm_format"] == 1
    recs = {f["properties"]["record"] for f in doc["features"]}
    assert recs == {"source", "place", "observation", "plan", "phase", "move"}
    obs = [f for f in doc["features"] if f["properties"]["record"] == "observation"]
    assert all(f["geometry"] for f in obs)


def test_gpkg_layers(full, tmp_path):
    import pyogrio

    out = full.export(tmp_path / "d.gpkg")
    layers = dict(pyogrio.list_layers(out))
    assert {"sources", "places", "observations", "plans", "phases", "moves"} <= set(layers)
    df = pyogrio.read_dataframe(out, layer="observations")
    assert df.crs.to_epsg() == 4326 and len(df) == full.counts()["observations"]


def test_kml_export(full, tmp_path):
    out = full.export(tmp_path / "d.kml")
    root = ET.parse(out).getroot()
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert marks
    assert all(m.find("k:TimeSpan/k:begin", ns) is not None for m in marks)
    names = [m.find("k:name", ns).text for m in marks]
    assert any("Erbil" in n and "withdrawn" in n for n in names)
    with pytest.raises(InputError, match="export-only"):
        full.import_file(out)


def test_bad_import_files(store, tmp_path):
    p = tmp_path / "x.geojson"
    p.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(ValidationError, match="not a store export"):
        store.import_file(p)
    c = tmp_path / "x.csv"
    c.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a store export"):
        store.import_file(c)
    with pytest.raises(InputError):
        store.import_file(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="format"):
        store.import_file(tmp_path / "x.txt")


def test_corrupt_record_is_rejected_and_nothing_written(full, fresh_store, tmp_path):
    out = full.export(tmp_path / "d.csv")
    text = out.read_text(encoding="utf-8").replace(",present,", ",exploded,", 1)
    out.write_text(text, encoding="utf-8")
    other = fresh_store()
    before = other.counts()
    with pytest.raises(ValidationError):
        other.import_file(out)
    assert other.counts() == before
