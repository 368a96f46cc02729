"""Ingesting articles: one transaction, idempotent, nothing partial, clear errors."""

from __future__ import annotations

import datetime as dt

import pytest

from service.errors import InputError, UnknownPlaceError
from service.store import Store
from tests.store.helpers import ev, extractor, fl, mv, q_about, q_exact

ARTICLE = "Washington has about 2,500 troops in Iraq."
IQ = "country:IQ"
AIN = "installation:ain-al-asad-air-base"


def test_ingest_stores_claims_and_places(make_store):
    ex = extractor(
        fl("US", IQ, q_about(2500)),
        moves=[mv("COALITION", AIN, "withdraw", "2025-09", scope="all")],
    )
    st = make_store(extractor=ex)
    res = st.ingest_article(
        ARTICLE, published="2024-09-06", outlet="Wire", url="https://example.org/a", title="T"
    )
    assert res.created and res.counts["observations"] == 2  # level + implied presence
    assert res.counts["moves"] == 1 and res.counts["plans"] == 1
    # the extractor got the store's gazetteer and the publication date
    call = ex.calls[0]
    assert call["gazetteer"] is st.gazetteer and call["published"] == dt.date(2024, 9, 6)
    places = {p["id"]: p for p in st.places()}
    # the place and its ancestors are copied from the gazetteer, nothing else
    assert set(places) == {IQ, AIN, "admin1:IQ-AN"}
    assert places[AIN]["kind"] == "installation"
    src = st.sources()[0]
    assert (src["outlet"], src["url"], src["published"], src["kind"]) == (
        "Wire",
        "https://example.org/a",
        "2024-09-06",
        "article",
    )
    assert st.source_text(res.source_id) == ARTICLE
    obs = st.observations(place_id=IQ)
    assert obs[0]["count"] == 2500 and obs[0]["approximate"] is True
    assert obs[0]["location_precision"] == "country"


def test_same_article_twice_changes_nothing(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_about(2500))))
    first = st.ingest_article(ARTICLE, published="2024-09-06")
    before = st.counts()
    again = st.ingest_article(ARTICLE + "\n\n", published="2024-09-06")  # same after trim
    assert not again.created and again.source_id == first.source_id
    assert st.counts() == before


def test_different_articles_are_different_sources(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_about(2500))))
    a = st.ingest_article("one", published="2024-09-06", outlet="A")
    b = st.ingest_article("two", published="2024-09-06", outlet="B")
    assert a.source_id != b.source_id and b.created
    feat = st.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert feat["corroboration"] == 2 and len(feat["sources"]) == 2


def test_failure_midway_leaves_no_partial_data(make_store, monkeypatch):
    st = make_store(
        extractor=extractor(
            fl("US", IQ, q_about(2500)), moves=[mv("COALITION", AIN, "withdraw", "2025-09")]
        )
    )
    empty = st.counts()
    real = Store._write_records

    def explode(self, conn, spec, **kw):
        real(self, conn, spec, **kw)  # everything is written …
        raise RuntimeError("disk on fire")  # … then the transaction fails

    monkeypatch.setattr(Store, "_write_records", explode)
    with pytest.raises(RuntimeError):
        st.ingest_article(ARTICLE, published="2024-09-06")
    assert st.counts() == empty
    monkeypatch.setattr(Store, "_write_records", real)
    assert st.ingest_article(ARTICLE, published="2024-09-06").created


def test_unknown_place_is_an_error_and_writes_nothing(make_store):
    st = make_store(extractor=extractor(fl("US", "installation:nowhere", q_exact(5))))
    with pytest.raises(UnknownPlaceError):
        st.ingest_article(ARTICLE, published="2024-09-06")
    assert st.counts()["sources"] == 0


def test_unknown_actor_is_an_error(make_store):
    st = make_store(extractor=extractor(fl("XX", IQ, q_exact(5))))
    with pytest.raises(InputError, match="unknown actor"):
        st.ingest_article(ARTICLE, published="2024-09-06")
    assert st.counts()["sources"] == 0


@pytest.mark.parametrize(
    "text,msg",
    [("", "empty"), ("   \n", "empty"), ("a\x00b", "binary"), (b"\xff\xfe", "UTF-8"), (42, "text")],
)
def test_bad_text(store, text, msg):
    with pytest.raises(InputError, match=msg):
        store.ingest_article(text, published="2024-09-06")


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-01", "06/09/2024", "yesterday"])
def test_bad_publication_date(store, date):
    with pytest.raises(InputError):
        store.ingest_article(ARTICLE, published=date)
    assert store.counts()["sources"] == 0


def test_no_date_at_all_is_an_error(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_exact(5))))
    with pytest.raises(InputError, match="publication date"):
        st.ingest_article(ARTICLE)


def test_force_level_with_its_own_date(make_store):
    st = make_store(extractor=extractor(fl("US", IQ, q_exact(5), as_of="2024-03")))
    st.ingest_article(ARTICLE, published="2024-09-06")
    o = st.observations()[0]
    assert (o["as_of"], o["as_of_precision"], o["valid_from"]) == (
        "2024-03-31",
        "month",
        "2024-03-01",
    )


def test_placeless_movement_applies_to_the_articles_country(make_store):
    ex = extractor(
        moves=[
            mv("COALITION", AIN, "withdraw", "2025-09", scope="all"),
            mv("COALITION", None, "withdraw", "2026", scope="rest"),
        ]
    )
    st = make_store(extractor=ex)
    st.ingest_article(ARTICLE, published="2024-09-06")
    moves = [m for p in st.plans() for ph in p["phases"] for m in ph["moves"]]
    assert sorted(m["place_id"] for m in moves) == [IQ, AIN]


def test_plan_per_article_with_phases_by_deadline(make_store):
    ex = extractor(
        moves=[
            mv("COALITION", IQ, "withdraw", "2026", scope="rest"),
            mv("COALITION", AIN, "withdraw", "2025-09", scope="all"),
            mv("US", IQ, "remain", None, scope="part", modality="possible", status="advisory"),
        ]
    )
    st = make_store(extractor=ex)
    st.ingest_article(ARTICLE, published="2024-09-06", outlet="Wire")
    (plan,) = st.plans()
    assert plan["name"] == "plan from Wire 2024-09-06" and plan["kind"] == "article"
    assert [(ph["deadline"], len(ph["moves"])) for ph in plan["phases"]] == [
        ("2025-09-30", 1),
        ("2026-12-31", 1),
        (None, 1),
    ]
    assert plan["phases"][2]["moves"][0]["modality"] == "possible"


def test_reported_movement_is_a_report_not_a_plan(make_store):
    ex = extractor(moves=[mv("US", AIN, "withdraw", "2024-08", scope="all", modality="reported")])
    st = make_store(extractor=ex)
    st.ingest_article(ARTICLE, published="2024-09-06")
    assert st.plans() == []
    feat = st.posture_at("2024-10-01").find(AIN, actor="US")[0]
    assert (feat["status"], feat["basis"]) == ("withdrawn", "reported")


def test_events_become_dated_observations(make_store):
    ex = extractor(
        events=[
            ev("US", IQ, "invade", "2003"),
            ev("US", IQ, "withdraw", "2011"),
            ev("US", IQ, "return", "2014"),
            ev("US", IQ, "attack", "2015"),
        ]
    )
    st = make_store(extractor=ex)
    st.ingest_article(ARTICLE, published="2024-09-06")
    steps = st.timeline(IQ, actor="US")
    assert [(s.start.isoformat(), s.status) for s in steps] == [
        ("2003-12-31", "present"),
        ("2011-12-31", "withdrawn"),
        ("2014-12-31", "present"),
    ]


def test_missing_extractor_is_a_clear_error(make_store, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_extract(name, *args, **kw):
        if name.endswith("extract") or (
            args and args[2] and "extract_article" in args[2] and name in ("", "service")
        ):
            raise ImportError(name)
        return real_import(name, *args, **kw)

    st = make_store(extractor=None)
    monkeypatch.setattr(builtins, "__import__", no_extract)
    from service.errors import DataError

    with pytest.raises(DataError, match="extractor"):
        st.ingest_article(ARTICLE, published="2024-09-06")
