"""posture_at, timeline, changes and change_dates on a real database (both backends)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.errors import InputError, NotFoundError, UnknownPlaceError
from tests.conftest import SEED
from tests.store.helpers import extractor, fl, mv, q_about, q_below, q_exact
from tests.store.seedfake import AIN, BAGHDAD, ERBIL

IQ, SY = "country:IQ", "country:SY"
CONTRACT = (
    "place_id",
    "name",
    "name_ar",
    "kind",
    "country",
    "actor",
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
    "location_precision",
    "plan",
    "phase",
    "sources",
    "conflicts",
    "unallocated",
)


@pytest.fixture
def seeded(store, seed_text):
    """The seed article ingested with the hand-built extraction (nothing else)."""
    store.ingest_article(
        seed_text,
        published="2024-09-06",
        outlet="Almaghrib Today",
        outlet_ar="المغرب اليوم",
        lang="ar",
    )
    return store


def test_seed_alone_2024_10_01_reports_iraq_and_syria(seeded):
    p = seeded.posture_at("2024-10-01")
    iq = p.find(IQ, actor="US")[0]
    sy = p.find(SY, actor="US")[0]
    assert (iq["count"], iq["approximate"], iq["basis"], iq["status"]) == (
        2500,
        True,
        "reported",
        "present",
    )
    assert (sy["count"], sy["basis"]) == (900, "reported")
    assert iq["as_of"] == "2024-09-06" and iq["label"] == "≈ 2,500"
    assert iq["sources"][0]["outlet"] == "Almaghrib Today"
    assert "2500" in iq["sources"][0]["quote"]
    # before any deadline every planned place shows its reported presence
    for pid in (AIN, BAGHDAD, ERBIL):
        assert p.find(pid, actor="COALITION")[0]["status"] == "present"
        assert p.find(pid, actor="COALITION")[0]["basis"] == "reported"


def test_seed_alone_2025_10_01_projects_phase_one(seeded):
    p = seeded.posture_at("2025-10-01")
    ain = p.find(AIN, actor="COALITION")[0]
    assert (ain["status"], ain["basis"]) == ("withdrawn", "projected")
    assert ain["plan"] == "plan from Almaghrib Today 2024-09-06"
    assert ain["as_of"] == "2025-09-30" and ain["as_of_precision"] == "month"
    bag = p.find(BAGHDAD, actor="COALITION")[0]
    assert (bag["status"], bag["basis"]) == ("reduced", "projected")
    erbil = p.find(ERBIL, actor="COALITION")[0]
    assert erbil["status"] == "present"
    # the country total is reduced, and stays an honest bound, not a made-up number
    us = p.find(IQ, actor="US")[0]
    assert us["status"] == "reduced" and us["count"] is None and us["count_max"] == 2500
    assert us["via"] == "actor:COALITION"


def test_seed_alone_2027_01_01_erbil_withdrawn(seeded):
    p = seeded.posture_at("2027-01-01")
    for actor in ("US", "COALITION"):
        e = p.find(ERBIL, actor=actor)[0]
        assert (e["status"], e["basis"]) == ("withdrawn", "projected")
    assert p.find(SY, actor="US")[0]["status"] == "present"


def test_seed_timeline_of_erbil(seeded):
    steps = [s for s in seeded.timeline(ERBIL, actor="COALITION") if s.actor == "COALITION"]
    assert [(s.start, s.end, s.status, s.basis) for s in steps] == [
        (dt.date(2024, 9, 6), dt.date(2027, 1, 1), "present", "reported"),
        (dt.date(2027, 1, 1), None, "withdrawn", "projected"),
    ]
    for s in steps:
        assert s.sources and all(x["outlet"] == "Almaghrib Today" for x in s.sources)
        assert any("أربيل" in (x["quote"] or "") for x in s.sources)
    assert steps[1].plan and steps[1].as_of == "2026-12-31"


def test_feature_contract(seeded):
    fc = seeded.posture_at("2024-10-01").to_geojson()
    assert fc["type"] == "FeatureCollection" and fc["date"] == "2024-10-01"
    for f in fc["features"]:
        for k in CONTRACT:
            assert k in f["properties"], k
        assert f["properties"]["basis"] in ("reported", "projected")
        assert f["properties"]["status"] in ("present", "reduced", "withdrawn", "advisory")
        for s in f["properties"]["sources"]:
            assert {"source_id", "outlet", "url", "title", "published", "quote"} <= set(s)
    by = {(f["properties"]["actor"], f["properties"]["place_id"]): f for f in fc["features"]}
    # installations and cities are points, countries polygons: never a made-up point
    assert by[("COALITION", AIN)]["geometry"]["type"] == "Point"
    assert by[("COALITION", AIN)]["geometry"]["coordinates"] == [42.4412, 33.7856]
    assert by[("US", IQ)]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert by[("US", IQ)]["properties"]["location_precision"] == "country"


def test_geodataframe(seeded):
    gdf = seeded.posture_at("2024-10-01").to_geodataframe()
    assert str(gdf.crs) == "EPSG:4326" and len(gdf) == 11
    assert set(CONTRACT) <= set(gdf.columns)


def test_hierarchy_unallocated_remainder(make_store):
    ex = extractor(fl("US", IQ, q_about(2500)), fl("US", ERBIL, q_below(500)))
    st = make_store(extractor=ex)
    st.ingest_article("x", published="2024-09-06")
    p = st.posture_at("2024-10-01")
    iq = p.find(IQ, actor="US")[0]
    assert iq["count"] == 2500
    assert (iq["unallocated"]["count_min"], iq["unallocated"]["count_max"]) == (2000, 2500)
    assert iq["unallocated"]["allocated_places"] == [ERBIL]
    assert p.find(ERBIL, actor="US")[0]["unallocated"] is None


def test_conflicting_reports_are_listed_and_recent_one_preferred(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_about(2500))))
    st.ingest_article("first", published="2024-09-06", outlet="A")
    st._extractor = extractor(fl("US", IQ, q_exact(2000)))
    st.ingest_article("second", published="2024-09-20", outlet="B")
    f = st.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert f["count"] == 2000
    assert len(f["conflicts"]) == 1 and f["conflicts"][0]["count"] == 2500
    assert f["conflicts"][0]["outlet"] == "A"
    assert "most recent" in f["reason"]


def test_actor_filter_includes_coalition_members(seeded):
    rows = seeded.posture_at("2024-10-01", actor="COALITION").rows
    assert {r["actor"] for r in rows} == {"COALITION", "US", "DE", "FR", "ES", "IT"}
    assert {r["actor"] for r in seeded.posture_at("2024-10-01", actor="US").rows} == {"US"}
    with pytest.raises(InputError, match="unknown actor"):
        seeded.posture_at("2024-10-01", actor="ZZ")


def test_bbox_filter(seeded):
    anbar_box = (42.0, 33.5, 43.0, 34.0)  # Ain al-Asad, inside Iraq's polygon
    rows = seeded.posture_at("2024-10-01", bbox=anbar_box).rows
    pids = {r["place_id"] for r in rows}
    assert AIN in pids and IQ in pids and ERBIL not in pids and SY not in pids
    assert seeded.posture_at("2024-10-01", bbox="-10,-10,-9,-9").features == []
    for bad in ("1,2,3", "a,b,c,d", "10,0,0,10", "0,0,200,10"):
        with pytest.raises(InputError):
            seeded.posture_at("2024-10-01", bbox=bad)


def test_plan_filter(seeded, store):
    (plan,) = seeded.plans()
    by_slug = seeded.posture_at("2025-10-01", plan=plan["slug"])
    assert by_slug.find(AIN, actor="COALITION")[0]["status"] == "withdrawn"
    assert seeded.posture_at("2025-10-01", plan=plan["id"]).features == by_slug.features
    with pytest.raises(NotFoundError):
        seeded.posture_at("2025-10-01", plan="no-such-plan")


@pytest.mark.parametrize(
    "bad",
    ["2024-02-30", "2024-13-01", "2024-1-1", "01/10/2024", "", None, 20241001, "2024-10-01T00:00"],
)
def test_strict_dates(seeded, bad):
    with pytest.raises(InputError):
        seeded.posture_at(bad)


def test_empty_store(store):
    assert store.posture_at("2024-10-01").features == []
    assert store.change_dates() == []
    assert store.changes("2024-01-01", "2025-01-01") == []


def test_changes_between_dates(seeded):
    ch = seeded.changes("2024-10-01", "2025-10-01")
    kinds = {(c.actor, c.place_id): c.kind for c in ch}
    assert kinds[("COALITION", AIN)] == "left"
    assert kinds[("COALITION", BAGHDAD)] == "reduced"
    assert kinds[("US", IQ)] == "reduced"
    assert ("US", SY) not in kinds and ("COALITION", ERBIL) not in kinds
    left = next(c for c in ch if c.place_id == AIN)
    assert left.before["status"] == "present" and left.after["status"] == "withdrawn"
    assert left.sources and left.effective == "2025-10-01"
    gj = ch.to_geojson()
    assert gj["date_from"] == "2024-10-01" and len(gj["features"]) == len(ch)
    with pytest.raises(InputError):
        seeded.changes("2025-10-01", "2024-10-01")


def test_moved_change_for_a_relocation(make_store):
    ex = extractor(
        fl("US", AIN, q_exact(300)),
        moves=[mv("US", AIN, "relocate", "2025-03", to_place_id=ERBIL, scope="all")],
    )
    st = make_store(extractor=ex)
    st.ingest_article("relocation", published="2024-09-06")
    ch = st.changes("2024-10-01", "2025-06-01")
    (moved,) = [c for c in ch if c.kind == "moved"]
    assert (moved.place_id, moved.to_place_id) == (AIN, ERBIL)
    assert moved.geometry["type"] == "LineString"
    p = st.posture_at("2025-06-01")
    assert p.find(ERBIL, actor="US")[0]["count_min"] == 300  # at least the 300 moved
    assert p.find(AIN, actor="US")[0]["status"] == "withdrawn"


def test_grew_change(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_exact(2000))))
    st.ingest_article("a", published="2024-01-10")
    st._extractor = extractor(fl("US", IQ, q_exact(2500)))
    st.ingest_article("b", published="2024-06-10")
    (c,) = st.changes("2024-02-01", "2024-07-01")
    assert c.kind == "grew"


def test_change_dates(seeded):
    dates = seeded.change_dates()
    assert dt.date(2024, 9, 6) in dates
    assert dt.date(2025, 10, 1) in dates and dt.date(2027, 1, 1) in dates
    assert dates == sorted(dates)


def test_timeline_unknown_and_unreferenced_places(seeded):
    with pytest.raises(UnknownPlaceError):
        seeded.timeline("installation:nowhere")
    assert seeded.timeline("installation:harir-air-base") == []  # known, no claims


def test_resolve_place_by_name(seeded):
    assert seeded.resolve_place("Erbil") == ERBIL  # the one the store has claims on
    assert seeded.resolve_place("أربيل") == ERBIL
    assert seeded.resolve_place(IQ) == IQ
    with pytest.raises(UnknownPlaceError):
        seeded.resolve_place("Atlantis")


def test_confirm_observation(seeded):
    oid = seeded.observations(place_id=IQ, actor="US")[-1]["id"]
    seeded.confirm(oid)
    assert seeded.posture_at("2024-10-01").find(IQ, actor="US")[0]["confirmed"] is True
    with pytest.raises(NotFoundError):
        seeded.confirm(10**9)


def test_seed_file_is_the_seed(seed_text):
    assert SEED.exists() and "عين الأسد" in seed_text
