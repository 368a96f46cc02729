"""The JSON API through Flask's test client: answers, errors, auth, limits and headers."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED

from .conftest import auth

SHORT = "About 300 US troops are stationed at Harir Air Base, officials said on Monday."


def err(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.data[:500]
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert set(body) >= {"error", "message", "status"} and body["status"] == status
    if code:
        assert body["error"] == code
    assert "Traceback" not in resp.get_data(as_text=True)
    return body


# ------------------------------------------------------------------------------ reads
def test_plans_places_and_one_place(client):
    plans = client.get("/api/plans").get_json()
    slugs = [p["slug"] for p in plans]
    assert "coalition-transition-2024-2026" in slugs
    p = plans[slugs.index("coalition-transition-2024-2026")]
    assert p["phases"] and p["links"]["embed"].endswith("/embed/coalition-transition-2024-2026")
    one = client.get("/api/plans/coalition-transition-2024-2026").get_json()
    assert one["slug"] == p["slug"]
    err(client.get("/api/plans/no-such-plan"), 404)

    places = client.get("/api/places").get_json()
    ids = {p["id"] for p in places}
    assert {"country:IQ", "installation:ain-al-asad-air-base"} <= ids
    inst = client.get("/api/places?kind=installation").get_json()
    assert inst and all(p["kind"] == "installation" for p in inst)
    err(client.get("/api/places?kind=planet"), 400)
    asad = client.get("/api/places/installation:ain-al-asad-air-base").get_json()
    assert asad["geometry"]["type"] == "Point" and asad["name"] == "Ain al-Asad Air Base"
    err(client.get("/api/places/installation:nowhere"), 404, "unknown_place")


def test_posture_matches_the_store(client, app):
    r = client.get("/api/posture?date=2025-10-01")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    fc = r.get_json()
    store = app.extensions["tpm"].store
    want = store.posture_at("2025-10-01").to_geojson()
    assert fc == json.loads(json.dumps(want))
    keys = {(f["properties"]["actor"], f["properties"]["place_id"]) for f in fc["features"]}
    assert keys
    us = client.get("/api/posture?date=2025-10-01&actor=US").get_json()
    assert all(f["properties"]["actor"] in ("US",) for f in us["features"])
    box = client.get("/api/posture?date=2025-10-01&bbox=43.5,35.5,45.5,37.5").get_json()
    assert 0 < len(box["features"]) < len(fc["features"])
    err(client.get("/api/posture"), 400)
    err(client.get("/api/posture?date=2025-13-01"), 400)
    err(client.get("/api/posture?date=2025-10-01&actor=ZZZZ"), 400)
    err(client.get("/api/posture?date=2025-10-01&bbox=1,2,3"), 400)
    err(client.get("/api/posture?date=2025-10-01&plan=nope"), 404)


def test_changes_timeline_dates_sources(client):
    ch = client.get("/api/changes?from=2025-01-01&to=2026-01-01").get_json()
    assert ch["type"] == "FeatureCollection" and ch["features"]
    kinds = {f["properties"]["kind"] for f in ch["features"]}
    assert kinds <= {"arrived", "left", "reduced", "grew", "moved", "status"}
    err(client.get("/api/changes?from=2026-01-01&to=2025-01-01"), 400)
    err(client.get("/api/changes?from=2026-01-01"), 400)

    tl = client.get("/api/places/installation:ain-al-asad-air-base/timeline").get_json()
    assert tl["steps"] and {"start", "end", "actor", "status", "basis"} <= set(tl["steps"][0])
    err(client.get("/api/places/nowhere:x/timeline"), 404)

    dates = client.get("/api/dates").get_json()["dates"]
    assert dates == sorted(dates) and "2025-10-01" in dates

    sources = client.get("/api/sources").get_json()
    art = next(s for s in sources if s["kind"] == "article")
    assert "text" not in art
    assert client.get(f"/api/sources/{art['id']}").get_json()["id"] == art["id"]
    text = client.get(f"/api/sources/{art['id']}/text")
    assert text.mimetype == "text/plain"
    assert text.get_data(as_text=True).strip() == SEED.read_text(encoding="utf-8").strip()
    err(client.get("/api/sources/999999"), 404)
    err(client.get("/api/sources/abc"), 404)
    err(client.get(f"/api/sources/{2**70}"), 404)


def test_geocode_any_script(client):
    hits = client.get("/api/geocode", query_string={"q": "عين الاسد"}).get_json()
    assert hits[0]["id"] == "installation:ain-al-asad-air-base"
    assert {"lat", "lon", "kind", "score"} <= set(hits[0])
    hits = client.get("/api/geocode?q=Al%20Asad%20AB&limit=3").get_json()
    assert hits[0]["id"] == "installation:ain-al-asad-air-base" and len(hits) <= 3
    assert client.get("/api/geocode?q=Xqzzyqx").get_json() == []
    err(client.get("/api/geocode"), 400)
    err(client.get("/api/geocode?q=" + "a" * 300), 400)
    err(client.get("/api/geocode?q=x&limit=0"), 400)


# ------------------------------------------------------------------------------ extract
def test_extract_json_and_text_and_stores_nothing(client, app):
    before = app.extensions["tpm"].store.counts()
    r = client.post("/api/extract", json={"text": SHORT, "published": "2025-01-13"})
    assert r.status_code == 200
    ex = r.get_json()
    fl = ex["force_levels"]
    assert fl and fl[0]["actor"] == "US" and fl[0]["place_id"] == "installation:harir-air-base"
    assert SHORT[fl[0]["start"] : fl[0]["end"]] == fl[0]["quote"]
    r2 = client.post(
        "/api/extract?published=2025-01-13",
        data=SHORT.encode(),
        content_type="text/plain; charset=utf-8",
    )
    assert r2.get_json()["force_levels"] == fl
    assert app.extensions["tpm"].store.counts() == before


@pytest.mark.parametrize(
    "body,ctype,status,code",
    [
        (b"{not json", "application/json", 400, "bad_request"),
        (b"[1, 2]", "application/json", 400, "bad_request"),
        (b'{"text": 5}', "application/json", 400, "bad_request"),
        (b'{"text": ""}', "application/json", 400, "bad_request"),
        (b'{"text": "x", "lang": "fr"}', "application/json", 400, "bad_request"),
        (b'{"text": "x", "published": "yesterday"}', "application/json", 400, "bad_request"),
        (b"\xff\xfe\x00binary", "text/plain", 400, "bad_request"),
        (b"text=abc", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b"abc", "", 415, "unsupported_media_type"),
        (b"<a/>", "application/xml", 415, "unsupported_media_type"),
        (b"abc", "text/plain; charset=latin-1", 415, "unsupported_media_type"),
    ],
)
def test_malformed_bodies_are_refused(client, body, ctype, status, code):
    r = client.post("/api/extract", data=body, headers={"Content-Type": ctype} if ctype else {})
    err(r, status, code)


def test_oversized_bodies_are_refused(make_app, tokens):
    app = make_app(MAX_CONTENT_LENGTH=10_000)
    c = app.test_client()
    big = {"text": "x" * 20_000}
    err(c.post("/api/extract", json=big), 413, "payload_too_large")
    err(c.post("/api/articles", json=big, headers=auth(tokens("write"))), 413)
    err(c.post("/api/extract", data=b"y" * 10_001, content_type="text/plain"), 413)
    assert c.post("/api/extract", data=b"y" * 9_000, content_type="text/plain").status_code == 200


# ------------------------------------------------------------------------------ writes / auth
def test_ingest_needs_a_token_and_is_idempotent(client, app, tokens):
    store = app.extensions["tpm"].store
    n0 = store.counts()["sources"]
    err(client.post("/api/articles", json={"text": SHORT}), 401, "unauthorized")
    r = client.post(
        "/api/articles", json={"text": SHORT}, headers={"Authorization": "Bearer tpm_wrong"}
    )
    err(r, 401)
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    err(
        client.post("/api/articles", json={"text": SHORT}, headers={"Authorization": "Token abc"}),
        401,
    )
    err(
        client.post("/api/articles", json={"text": SHORT}, headers=auth(tokens("read"))),
        403,
        "forbidden",
    )
    assert store.counts()["sources"] == n0

    w = auth(tokens("write"))
    r = client.post(
        "/api/articles",
        json={"text": SHORT, "published": "2025-01-13", "outlet": "Test Wire"},
        headers=w,
    )
    assert r.status_code == 201, r.data
    res = r.get_json()
    assert res["created"] is True and res["counts"]["observations"] >= 1
    assert r.headers["Location"].endswith(f"/api/sources/{res['source_id']}")
    again = client.post("/api/articles", json={"text": SHORT, "published": "2025-01-13"}, headers=w)
    assert again.status_code == 200 and again.get_json()["created"] is False
    assert again.get_json()["source_id"] == res["source_id"]
    assert store.counts()["sources"] == n0 + 1
    # no publication date and no date in the text: a readable 400, nothing stored
    r = client.post("/api/articles", json={"text": SHORT + " Later."}, headers=w)
    assert err(r, 400)["message"].startswith("the article has no publication date")
    assert store.counts()["sources"] == n0 + 1
    # what was ingested is visible at once (caches were cleared)
    fc = client.get("/api/posture?date=2025-02-01").get_json()
    assert any(
        f["properties"]["place_id"] == "installation:harir-air-base"
        and f["properties"]["actor"] == "US"
        for f in fc["features"]
    )
    # Basic auth with the token as password also works (browsers, GDAL_HTTP_USERPWD)
    import base64

    basic = base64.b64encode(b"x:" + w["Authorization"][7:].encode()).decode()
    r = client.post(
        "/api/articles?published=2025-01-14",
        data=SHORT + " Again.",
        content_type="text/plain",
        headers={"Authorization": f"Basic {basic}"},
    )
    assert r.status_code == 201


def test_confirm_an_observation(client, app, tokens):
    store = app.extensions["tpm"].store
    obs = store.observations()[0]
    err(client.post(f"/api/observations/{obs['id']}/confirm", json={"confirmed": True}), 401)
    w = auth(tokens())
    r = client.post(f"/api/observations/{obs['id']}/confirm", json={"confirmed": True}, headers=w)
    assert r.status_code == 200 and r.get_json()["confirmed"] is True
    assert next(o for o in store.observations() if o["id"] == obs["id"])["confirmed"]
    err(client.post("/api/observations/99999999/confirm", json={}, headers=w), 404)
    err(
        client.post(f"/api/observations/{obs['id']}/confirm", json={"confirmed": "yes"}, headers=w),
        400,
    )


def test_rate_limits_on_extract_and_ingest(make_app, tokens):
    app = make_app(RATE_LIMITS={"extract": "3/minute", "ingest": "2/minute"})
    c = app.test_client()
    codes = [c.post("/api/extract", json={"text": SHORT}).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    r = c.post("/api/extract", json={"text": SHORT})
    err(r, 429, "rate_limited")
    assert int(r.headers["Retry-After"]) >= 1
    # another client (by address) has its own bucket
    r = c.post("/api/extract", json={"text": SHORT}, environ_base={"REMOTE_ADDR": "127.0.0.9"})
    assert r.status_code == 200
    w = auth(tokens())
    codes = [
        c.post(
            "/api/articles", json={"text": f"{SHORT} {i}", "published": "2025-01-13"}, headers=w
        ).status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]


def test_private_reads(make_app, tokens):
    app = make_app(PRIVATE_READS=True)
    c = app.test_client()
    for url in (
        "/api/plans",
        "/api/posture?date=2025-10-01",
        "/ogc/collections",
        "/",
        "/openapi.json",
    ):
        err(c.get(url), 401)
    assert c.get("/healthz").status_code == 200
    err(c.post("/api/extract", json={"text": SHORT}), 401)
    r = c.get("/api/plans", headers=auth(tokens("read")))
    assert r.status_code == 200 and r.headers["Cache-Control"] == "private, no-store"
    assert c.get("/api/plans", headers=auth(tokens("write"))).status_code == 200


# ------------------------------------------------------------------------------ errors, headers
def test_errors_are_json_with_the_right_status(client):
    err(client.get("/no/such/page"), 404, "not_found")
    r = client.delete("/api/plans")
    err(r, 405, "method_not_allowed")
    assert "GET" in r.headers["Allow"]
    err(client.get("/api/extract"), 405)
    err(client.put("/api/articles", json={}), 405)


def test_unexpected_errors_do_not_leak(make_app, monkeypatch):
    app = make_app()
    store = app.extensions["tpm"].store

    def boom(*a, **k):
        raise RuntimeError("secret path /etc/shadow")

    monkeypatch.setattr(store, "plans", boom)
    r = app.test_client().get("/api/plans")
    body = err(r, 500, "internal_error")
    assert "shadow" not in json.dumps(body) and "RuntimeError" not in r.get_data(as_text=True)


def test_security_headers_on_every_response(client):
    for url in ("/", "/api/plans", "/ogc", "/docs", "/no/such/page", "/assets/web.css"):
        r = client.get(url)
        h = r.headers
        assert h["X-Content-Type-Options"] == "nosniff", url
        assert h["Referrer-Policy"] == "no-referrer", url
        assert "default-src 'none'" in h["Content-Security-Policy"], url
        assert "frame-ancestors" in h["Content-Security-Policy"], url
    assert "frame-ancestors 'none'" in client.get("/api/plans").headers["Content-Security-Policy"]
    page = client.get("/").headers["Content-Security-Policy"]
    assert "script-src" not in page and "frame-ancestors 'self'" in page


def test_embed_frame_ancestors_from_config(make_app):
    app = make_app(FRAME_ANCESTORS="https://news.example.org https://*.example.net")
    r = app.test_client().get("/embed/all?date=2025-10-01&layers=sites")
    csp = r.headers["Content-Security-Policy"]
    assert r.status_code == 200
    assert "frame-ancestors 'self' https://news.example.org https://*.example.net" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "X-Frame-Options" not in r.headers
    from service.errors import InputError

    with pytest.raises(InputError):
        make_app(FRAME_ANCESTORS="https://a.example; script-src *")


def test_trusted_hosts(make_app):
    c = make_app(TRUSTED_HOSTS=["maps.example.org"]).test_client()
    err(c.get("/api/plans", headers={"Host": "evil.example"}), 400)
    assert c.get("/api/plans", headers={"Host": "maps.example.org"}).status_code == 200


def test_cors_by_config(make_app, client):
    r = client.get("/api/plans", headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in r.headers
    app = make_app(CORS_ORIGINS=["https://a.example"])
    c = app.test_client()
    r = c.get("/ogc/collections", headers={"Origin": "https://a.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "Origin" in r.headers.get("Vary", "")
    r = c.get("/ogc/collections", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in r.headers
    pre = c.options(
        "/api/posture",
        headers={
            "Origin": "https://a.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Authorization",
        },
    )
    assert pre.status_code == 204 and "GET" in pre.headers["Access-Control-Allow-Methods"]
    assert "POST" not in pre.headers["Access-Control-Allow-Methods"]
    # writes never answer cross-origin
    r = c.post("/api/extract", json={"text": SHORT}, headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in r.headers
    star = make_app(CORS_ORIGINS="*").test_client()
    assert (
        star.get("/api/plans", headers={"Origin": "https://x.example"}).headers[
            "Access-Control-Allow-Origin"
        ]
        == "*"
    )


def test_an_empty_store_answers_everything(instance, tmp_path):
    from service.web import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite'}"})
    c = app.test_client()
    for url in (
        "/",
        "/maps/all",
        "/embed/all",
        "/api/plans",
        "/api/places",
        "/api/sources",
        "/api/posture?date=2025-01-01",
        "/api/dates",
        "/ogc/collections",
        "/ogc/collections/posture/items?datetime=2025-01-01",
        "/ogc/collections/movements/items",
        "/ogc/collections/places/items",
    ):
        assert c.get(url).status_code == 200, url
    assert c.get("/ogc/collections/posture/items").get_json()["numberMatched"] == 0
    err(c.get("/maps/some-plan"), 404)
