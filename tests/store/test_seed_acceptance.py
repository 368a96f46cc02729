"""Acceptance on the seed article with the real extractor (service.extract).

"From the seed alone": posture on 2024-10-01 shows Iraq 2,500 and Syria 900 reported; on
2025-10-01 Ain al-Asad is withdrawn (projected) and Baghdad reduced; on 2027-01-01 Erbil is
withdrawn (projected); the timeline of Erbil shows each step with its source.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

SHIPPED = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"
AIN = "installation:ain-al-asad-air-base"


@pytest.fixture
def gazetteer(mini_gaz):
    """The bundled gazetteer when its data is there, else the mini one."""
    if (ROOT / "data" / "gazetteer" / "countries.geojson").exists():
        from service.gazetteer import load_gazetteer

        return load_gazetteer()
    return mini_gaz


@pytest.fixture
def seed_store(make_store, gazetteer, seed_text):
    from service.extract import extract_article

    st = make_store(extractor=extract_article, gazetteer=gazetteer)
    res = st.ingest_article(seed_text, published="2024-09-06", outlet="Almaghrib Today", lang="ar")
    assert res.created
    return st


def _named(posture, name, actor=None):
    return [r for r in posture.rows if r["name"] == name and (actor is None or r["actor"] == actor)]


def test_2024_10_01_iraq_2500_syria_900_reported(seed_store):
    p = seed_store.posture_at("2024-10-01")
    iq = p.find("country:IQ", actor="US")[0]
    sy = p.find("country:SY", actor="US")[0]
    assert (iq["count"], iq["basis"], iq["status"]) == (2500, "reported", "present")
    assert (sy["count"], sy["basis"], sy["status"]) == (900, "reported", "present")
    assert iq["as_of"] == "2024-09-06"


def test_2025_10_01_ain_al_asad_withdrawn_baghdad_reduced(seed_store):
    p = seed_store.posture_at("2025-10-01")
    ain = p.find(AIN)
    assert ain and all((r["status"], r["basis"]) == ("withdrawn", "projected") for r in ain)
    baghdad = _named(p, "Baghdad")
    assert baghdad and any(r["status"] == "reduced" for r in baghdad)


def test_2027_01_01_erbil_withdrawn(seed_store):
    p = seed_store.posture_at("2027-01-01")
    erbil = _named(p, "Erbil")
    assert erbil and all((r["status"], r["basis"]) == ("withdrawn", "projected") for r in erbil)


def test_erbil_timeline_steps_with_sources(seed_store):
    pid = seed_store.resolve_place("Erbil")
    steps = seed_store.timeline(pid)
    assert len(steps) >= 2
    assert steps[0].status == "present" and steps[-1].status == "withdrawn"
    assert steps[-1].basis == "projected" and steps[-1].start.isoformat() == "2027-01-01"
    for s in steps:
        assert s.sources and all(x["outlet"] == "Almaghrib Today" and x["quote"] for x in s.sources)


def test_seed_and_shipped_scenario_do_not_double_count(seed_store):
    seed_store.load_scenario(SHIPPED)
    for day in ("2024-10-01", "2025-10-01", "2027-01-01"):
        rows = seed_store.posture_at(day).rows
        keys = [(r["actor"], r["place_id"]) for r in rows]
        assert len(keys) == len(set(keys))
        iq = next(r for r in rows if r["actor"] == "US" and r["place_id"] == "country:IQ")
        assert iq["conflicts"] == [] and iq["corroboration"] == 1
