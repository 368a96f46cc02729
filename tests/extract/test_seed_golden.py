"""Golden test on the seed article (issue 3 "Must show")."""

import datetime as dt

import pytest

from service.extract import extract_article

PUBLISHED = "2024-09-06"


@pytest.fixture(scope="module")
def seed(gaz, seed_text):
    return extract_article(seed_text, published=PUBLISHED, gazetteer=gaz, source="seed")


def _fl(seed, actor, place):
    return [f for f in seed.force_levels if f.actor == actor and f.place_id == place]


def test_us_levels_in_iraq_and_syria(seed):
    (iq,) = _fl(seed, "US", "country:IQ")
    assert iq.quantity.count == 2500 and iq.quantity.approximate
    assert iq.quantity.qualifier == "approximate"
    assert iq.as_of.value == dt.date(2024, 9, 6)
    (sy,) = _fl(seed, "US", "country:SY")
    assert sy.quantity.count == 900
    for f in (iq, sy):
        assert "2500" in f.quote.text


def test_contributors_with_hundreds(seed):
    for actor in ("DE", "FR", "ES", "IT"):
        (f,) = _fl(seed, actor, "country:IQ")
        q = f.quantity
        assert q.qualifier == "vague" and q.count is None
        assert (q.count_min, q.count_max) == (200, 999)


def test_no_casualty_or_official_counts(seed):
    counts = {f.quantity.count for f in seed.force_levels}
    assert counts <= {2500, 900, None}
    assert all(f.place_id != "installation:ain-al-asad-air-base" for f in seed.force_levels)


def _mv(seed, place, action, actor=None):
    return [
        m
        for m in seed.movements
        if m.place_id == place
        and m.action == action
        and (actor is None or m.actor == actor)
        and m.modality == "planned"
    ]


def test_all_coalition_forces_leave_ain_al_asad_by_sept_2025(seed):
    (m,) = _mv(seed, "installation:ain-al-asad-air-base", "withdraw", "COALITION")
    assert m.by.value == dt.date(2025, 9, 30) and m.by.precision == "month"
    assert m.scope == "all"


def test_baghdad_reduced_by_sept_2025(seed):
    (m,) = _mv(seed, "city:98182", "reduce")
    assert m.actor == "COALITION"
    assert (m.by.value, m.by.precision) == (dt.date(2025, 9, 30), "month")


def test_erbil_remains_until_about_end_2026(seed):
    ms = _mv(seed, "city:95446", "remain")
    assert {m.actor for m in ms} == {"US", "COALITION"}
    for m in ms:
        assert (m.by.value, m.by.precision) == (dt.date(2026, 12, 31), "year")
        assert m.by.approximate


def test_hundreds_leave_by_sept_2025_rest_by_end_2026(seed):
    ms = _mv(seed, "country:IQ", "withdraw", "COALITION")
    part = [m for m in ms if m.scope == "part"]
    rest = [m for m in ms if m.scope == "rest"]
    assert part and part[0].by.value == dt.date(2025, 9, 30)
    assert part[0].quantity is not None and part[0].quantity.count_min == 200
    assert rest and rest[0].by.value == dt.date(2026, 12, 31) and rest[0].by.precision == "year"


def test_history_becomes_events(seed):
    got = {(e.actor, e.place_id, e.action, e.date.value.year) for e in seed.events}
    assert ("US", "country:IQ", "invade", 2003) in got
    assert ("US", "country:IQ", "withdraw", 2011) in got
    assert ("US", "country:IQ", "return", 2014) in got


def test_places_of_the_body_and_not_the_boilerplate(seed, seed_text):
    ids = {p.place.id for p in seed.places}
    for pid in (
        "country:IQ",
        "country:SY",
        "country:US",
        "installation:ain-al-asad-air-base",
        "admin1:IQ-AN",
        "city:98182",
        "city:95446",
        "region:kurdistan-region",
        "country:DE",
        "country:FR",
        "country:ES",
        "country:IT",
    ):
        assert pid in ids, pid
    # only the boilerplate (and the outlet's name) mention these
    for pid in ("country:MA", "country:LB", "country:BD", "country:UA", "country:RU"):
        assert pid not in ids, pid
    # Washington and Tehran only stand for governments here
    assert "city:4140963" not in ids and "city:112931" not in ids
    for p in seed.places:
        for m in p.mentions:
            assert seed_text[m.start : m.end] == m.text
            assert m.start < seed_text.index("قد يُهمك")


def test_quotes_slice_back(seed, seed_text):
    for claim in [*seed.force_levels, *seed.movements, *seed.events]:
        q = claim.quote
        assert seed_text[q.start : q.end] == q.text


def test_json_contract(seed):
    d = seed.to_dict()
    assert d["language"] == "ar" and d["published"] == PUBLISHED
    place_ids = {p["id"] for p in d["places"]}
    for p in d["places"]:
        assert {"id", "name", "name_ar", "kind", "country", "lat", "lon", "mentions"} <= set(p)
    for f in d["force_levels"]:
        assert {
            "actor",
            "place_id",
            "count",
            "count_min",
            "count_max",
            "approximate",
            "as_of",
            "quote",
            "start",
            "end",
        } <= set(f)
        assert f["place_id"] in place_ids
    for m in d["movements"]:
        assert {
            "actor",
            "place_id",
            "action",
            "to_place_id",
            "by",
            "by_precision",
            "quote",
            "start",
            "end",
        } <= set(m)
        assert m["place_id"] in place_ids
