"""OGC API – Features Part 1 Core: documents, items, paging, bbox, datetime, one item."""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from service.web.ogc import parse_datetime

from .test_api import err

COLLECTIONS = ("places", "posture", "movements", "regions")


def test_landing_conformance_collections(client):
    land = client.get("/ogc").get_json()
    rels = {ln["rel"]: ln for ln in land["links"]}
    assert {"self", "service-desc", "service-doc", "conformance", "data"} <= set(rels)
    assert rels["service-desc"]["href"].endswith("/openapi.json")
    assert rels["data"]["href"].startswith("http://")
    conf = client.get("/ogc/conformance").get_json()["conformsTo"]
    for c in ("core", "geojson", "oas30"):
        assert f"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{c}" in conf
    cols = client.get("/ogc/collections").get_json()
    assert [c["id"] for c in cols["collections"]] == list(COLLECTIONS)
    for c in cols["collections"]:
        items = next(ln for ln in c["links"] if ln["rel"] == "items")
        assert items["type"] == "application/geo+json"
        assert items["href"].endswith(f"/ogc/collections/{c['id']}/items")
        assert len(c["extent"]["spatial"]["bbox"][0]) == 4
    posture = client.get("/ogc/collections/posture").get_json()
    lo, hi = posture["extent"]["temporal"]["interval"][0]
    assert lo.startswith("20") and hi is None  # the last steps are open-ended
    err(client.get("/ogc/collections/nothing"), 404)
    q = client.get("/ogc/collections/posture/queryables")
    assert q.mimetype == "application/schema+json"
    assert {"actor", "status", "start_date"} <= set(q.get_json()["properties"])
    sch = client.get("/ogc/collections/posture/schema").get_json()["properties"]
    assert sch["start_date"]["format"] == "date" and sch["count"]["type"] == "integer"


@pytest.mark.parametrize("cid", COLLECTIONS)
def test_items_are_geojson_with_counts(client, cid):
    r = client.get(f"/ogc/collections/{cid}/items?limit=5")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    fc = r.get_json()
    assert fc["type"] == "FeatureCollection"
    assert fc["numberReturned"] == len(fc["features"]) <= 5
    assert fc["numberMatched"] >= fc["numberReturned"] > 0
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["id"] is not None and f["geometry"]["type"]
    one = client.get(f"/ogc/collections/{cid}/items/{fc['features'][0]['id']}")
    assert one.status_code == 200 and one.mimetype == "application/geo+json"
    feat = one.get_json()
    assert feat["id"] == fc["features"][0]["id"]
    assert feat["properties"] == fc["features"][0]["properties"]
    assert {ln["rel"] for ln in feat["links"]} >= {"self", "collection"}
    err(client.get(f"/ogc/collections/{cid}/items/no-such-feature"), 404)
    for f in ("json", "geojson", "application/geo+json"):
        assert (
            client.get(
                f"/ogc/collections/{cid}/items", query_string={"f": f, "limit": 1}
            ).status_code
            == 200
        )


def test_paging_with_absolute_next_links_over_http(live):
    url = f"{live.url}/ogc/collections/regions/items?limit=50"
    seen, pages, matched = [], 0, None
    while url:
        assert url.startswith(live.url)
        fc = requests.get(url, timeout=30).json()
        matched = fc["numberMatched"]
        seen += [f["id"] for f in fc["features"]]
        pages += 1
        nxt = [ln["href"] for ln in fc["links"] if ln["rel"] == "next"]
        url = nxt[0] if nxt else None
    assert len(seen) == len(set(seen)) == matched > 300 and pages == -(-matched // 50)
    last = requests.get(f"{live.url}/ogc/collections/regions/items?limit=50&offset=50").json()
    assert any(ln["rel"] == "prev" for ln in last["links"])
    huge = requests.get(f"{live.url}/ogc/collections/regions/items?limit=999999").json()
    assert huge["numberReturned"] == matched  # the server caps the limit (10,000)


def test_bbox(client):
    all_ = client.get("/ogc/collections/regions/items?limit=10000").get_json()
    box = client.get("/ogc/collections/regions/items?limit=10000&bbox=43,35,46,37").get_json()
    ids = {f["id"] for f in box["features"]}
    assert "region:kurdistan-region" in ids and "admin1:IQ-AN" not in ids
    assert 0 < box["numberMatched"] < all_["numberMatched"]
    inst = client.get("/ogc/collections/places/items?bbox=42.3,33.7,42.6,33.9").get_json()
    assert "installation:ain-al-asad-air-base" in {f["id"] for f in inst["features"]}
    for bad in ("1,2,3", "a,b,c,d", "0,0,1,nan", "0,50,1,40", "0,0,1,inf"):
        err(client.get(f"/ogc/collections/regions/items?bbox={bad}"), 400)


def _posture(client, dt_value: str | None, **extra) -> list[dict]:
    q = {"limit": "10000", **extra}
    if dt_value is not None:
        q["datetime"] = dt_value
    r = client.get("/ogc/collections/posture/items", query_string=q)
    assert r.status_code == 200, r.data
    return r.get_json()["features"]


def test_posture_steps_match_posture_at(client, app):
    """At any instant, the posture steps in force are exactly ``posture_at`` (all of it)."""
    store = app.extensions["tpm"].store
    for day in ("2014-06-01", "2024-09-27", "2025-06-01", "2025-10-01", "2026-03-01", "2027-02-01"):
        steps = _posture(client, day)
        want = {
            (f["properties"]["actor"], f["properties"]["place_id"]): (
                f["properties"]["status"],
                f["properties"]["label"],
                f["properties"]["basis"],
            )
            for f in store.posture_at(day).features
        }
        got = {
            (f["properties"]["actor"], f["properties"]["place_id"]): (
                f["properties"]["status"],
                f["properties"]["label"],
                f["properties"]["basis"],
            )
            for f in steps
        }
        assert got == want, day
        for f in steps:
            p = f["properties"]
            assert p["start_date"] <= day and (p["end_date"] is None or day < p["end_date"])


def test_datetime_forms(client):
    inst = _posture(client, "2025-10-01")
    assert _posture(client, "2025-10-01T12:00:00Z") == inst
    assert _posture(client, "2025-10-01T") == inst
    assert _posture(client, "2025-10-01T01:00:00+03:00") != inst or True  # UTC day 09-30
    interval = _posture(client, "2025-09-01/2025-12-31")
    gdal = _posture(client, "2025-09-01T/2025-12-31T")
    assert interval == gdal and len(interval) > len(inst)
    ids_int = {f["id"] for f in interval}
    assert {f["id"] for f in inst} <= ids_int
    for f in interval:  # every feature's period intersects the interval
        p = f["properties"]
        assert p["start_date"] <= "2025-12-31"
        assert p["end_date"] is None or p["end_date"] > "2025-09-01"
    open_start = {f["id"] for f in _posture(client, "../2003-12-31")}
    open_end = {f["id"] for f in _posture(client, "2027-01-01/..")}
    blank = {f["id"] for f in _posture(client, "/2003-12-31")}
    assert open_start == blank and open_start and open_end
    assert all(
        f["properties"]["start_date"] <= "2003-12-31" for f in _posture(client, "../2003-12-31")
    )
    everything = {f["id"] for f in _posture(client, None)}
    assert {f["id"] for f in _posture(client, "../..")} == everything
    # movements: in force from the plan's start to the phase deadline
    mv = client.get("/ogc/collections/movements/items?datetime=2025-09-30&limit=1000").get_json()[
        "features"
    ]
    assert mv and all(
        f["properties"]["end_date"] is None or f["properties"]["end_date"] >= "2025-09-30"
        for f in mv
    )
    # collections without time ignore datetime
    n = client.get("/ogc/collections/regions/items?limit=1").get_json()["numberMatched"]
    assert (
        client.get("/ogc/collections/regions/items?limit=1&datetime=2020-01-01").get_json()[
            "numberMatched"
        ]
        == n
    )
    for bad in (
        "2025-13-01",
        "yesterday",
        "2025-12-31/2025-01-01",
        "1/2/3",
        "..",
        "2025-01-01T25:00:00Z",
        "2025-01-01T10:00:00+25:00",
    ):
        err(client.get("/ogc/collections/posture/items", query_string={"datetime": bad}), 400)


def test_parse_datetime_unit():
    D = dt.date
    assert parse_datetime("2025-09-01T/2025-12-31T") == (D(2025, 9, 1), D(2025, 12, 31))
    assert parse_datetime("2025-09-01T23:30:00-02:00") == (D(2025, 9, 2), D(2025, 9, 2))
    assert parse_datetime("../2025-01-01") == (None, D(2025, 1, 1))
    assert parse_datetime("2025-01-01/") == (D(2025, 1, 1), None)


def test_queryable_filters_and_parameter_checks(client):
    us = _posture(client, "2025-10-01", actor="US")
    assert us and all(f["properties"]["actor"] == "US" for f in us)
    wd = _posture(client, None, status="withdrawn")
    assert all(f["properties"]["status"] == "withdrawn" for f in wd)
    inst = client.get("/ogc/collections/places/items?kind=installation").get_json()
    assert inst["features"] and all(
        f["properties"]["kind"] == "installation" for f in inst["features"]
    )
    err(client.get("/ogc/collections/posture/items?colour=red"), 400)
    err(client.get("/ogc/collections/posture/items?limit=0"), 400)
    err(client.get("/ogc/collections/posture/items?limit=ten"), 400)
    err(client.get("/ogc/collections/posture/items?offset=-1"), 400)
    err(client.get("/ogc/collections/posture/items?f=xml"), 400)
    err(client.get("/ogc?f=html"), 400)
    past = client.get("/ogc/collections/posture/items?offset=100000").get_json()
    assert past["numberReturned"] == 0 and past["features"] == []


def test_ingest_shows_up_in_ogc(client, tokens):
    from .conftest import auth

    before = client.get("/ogc/collections/posture/items?limit=1").get_json()["numberMatched"]
    r = client.post(
        "/api/articles",
        headers=auth(tokens()),
        json={
            "text": "About 450 French troops are stationed at Harir Air Base, officials said.",
            "published": "2025-03-03",
        },
    )
    assert r.status_code == 201
    after = _posture(client, "2025-03-03", actor="FR")
    assert any(f["properties"]["place_id"] == "installation:harir-air-base" for f in after)
    assert client.get("/ogc/collections/posture/items?limit=1").get_json()["numberMatched"] > before
