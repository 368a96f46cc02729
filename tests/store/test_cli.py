"""The store's CLI commands (run in-process through service.cli.main)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from service.cli import main
from service.store import Store
from tests.conftest import MINI, ROOT, SEED
from tests.store.seedfake import seed_extraction

SHIPPED = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"


@pytest.fixture
def cli(db, monkeypatch, tmp_path, mini_gaz):
    """Run the CLI against the test database with the mini gazetteer and the fake extractor."""
    monkeypatch.setenv("DATABASE_URL", db.cli_url)
    monkeypatch.setenv("TPM_DATA_DIR", str(MINI))
    monkeypatch.setenv("TPM_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(Store, "_extract", lambda self, text, **kw: seed_extraction(text))

    def run(*argv: str) -> tuple[int, str, str]:
        import contextlib
        import sys

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:  # argparse errors
                code = exc.code
        sys.stdout.flush()
        return code, out.getvalue(), err.getvalue()

    return run


def test_ingest_posture_timeline(cli):
    code, out, _ = cli(
        "ingest", str(SEED), "--published", "2024-09-06", "--outlet", "Almaghrib Today"
    )
    assert code == 0 and json.loads(out)["created"] is True
    code, out, _ = cli("ingest", str(SEED), "--published", "2024-09-06")
    assert json.loads(out)["created"] is False
    code, out, _ = cli("posture", "--date", "2025-10-01")
    fc = json.loads(out)
    assert code == 0 and fc["type"] == "FeatureCollection"
    ain = next(
        f["properties"]
        for f in fc["features"]
        if f["properties"]["place_id"] == "installation:ain-al-asad-air-base"
    )
    assert (ain["status"], ain["basis"]) == ("withdrawn", "projected")
    code, out, _ = cli("posture", "--date", "2024-10-01", "--format", "csv", "--actor", "US")
    rows = list(csv.DictReader(io.StringIO(out)))
    iq = next(r for r in rows if r["place_id"] == "country:IQ")
    assert iq["count"] == "2500" and iq["basis"] == "reported"
    assert json.loads(iq["sources"])[0]["outlet"] == "Almaghrib Today"
    code, out, _ = cli("posture", "--date", "2024-10-01", "--format", "table")
    assert code == 0 and "Ain al-Asad Air Base" in out and "≈ 2,500" in out
    code, out, _ = cli("timeline", "Erbil")
    doc = json.loads(out)
    assert doc["place_id"] == "city:95446" and doc["steps"][-1]["status"] == "withdrawn"
    code, out, _ = cli("timeline", "Erbil", "--format", "table")
    assert "2027-01-01" in out
    code, out, _ = cli("changes", "--from", "2024-10-01", "--to", "2025-10-01")
    assert {c["kind"] for c in json.loads(out)} >= {"left", "reduced"}
    code, out, _ = cli(
        "changes", "--from", "2024-10-01", "--to", "2025-10-01", "--format", "geojson"
    )
    assert json.loads(out)["type"] == "FeatureCollection"


@pytest.mark.parametrize(
    "argv,needle",
    [
        (("posture", "--date", "2024-02-30"), "not a calendar date"),
        (("posture", "--date", "tomorrow"), "YYYY-MM-DD"),
        (("posture",), "--date"),
        (("posture", "--date", "2024-10-01", "--bbox", "1,2"), "bbox"),
        (("posture", "--date", "2024-10-01", "--actor", "ZZ"), "unknown actor"),
        (("changes", "--from", "2025-01-01", "--to", "2024-01-01"), "after"),
        (("ingest", "/nonexistent/file.txt"), "not found"),
        (("timeline", "Atlantis"), "no place"),
    ],
)
def test_bad_input_exits_with_a_clear_message(cli, argv, needle):
    code, _, err = cli(*argv)
    assert code in (1, 2) and needle in err
    assert "Traceback" not in err


def test_scenario_commands(cli, tmp_path):
    code, out, _ = cli("scenario", "validate", str(SHIPPED))
    assert code == 0 and json.loads(out)["valid"] is True
    code, out, _ = cli("scenario", "load", str(SHIPPED))
    assert json.loads(out)["changed"] is True
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "scenario: b\ntitle: b\nobservations:\n  - actor: US\n    place: country:IQ"
        "\n    as_of: 2024-02-30\n",
        encoding="utf-8",
    )
    code, _, err = cli("scenario", "load", str(bad))
    assert code == 2 and "bad.yaml:6: observations[0].as_of" in err


def test_export_import(cli, tmp_path):
    cli("ingest", str(SEED), "--published", "2024-09-06")
    for fmt in ("gpkg", "geojson", "csv", "kml"):
        code, out, _ = cli("export", "--format", fmt, "-o", str(tmp_path / f"d.{fmt}"))
        assert code == 0 and (tmp_path / f"d.{fmt}").stat().st_size > 0
    code, out, _ = cli("import", str(tmp_path / "d.geojson"))
    assert code == 0 and json.loads(out)["skipped_sources"] >= 1


def test_load_bundled_is_idempotent(cli):
    code, out, err = cli("load-bundled")
    assert code == 0, err
    lines = [json.loads(x) for x in out.splitlines()]
    assert any(x.get("created") for x in lines) and any(x.get("changed") for x in lines)
    article = next(x for x in lines if x["file"].endswith(".txt"))
    code, out, _ = cli("load-bundled")
    again = [json.loads(x) for x in out.splitlines()]
    assert not any(x.get("created") or x.get("changed") for x in again)
    st = Store.open()  # DATABASE_URL from the fixture
    src = next(s for s in st.sources() if s["id"] == article["source_id"])
    assert (src["outlet"], src["outlet_ar"], src["published"], src["language"]) == (
        "Almaghrib Today",
        "المغرب اليوم",
        "2024-09-06",
        "ar",
    )
    st.close()
