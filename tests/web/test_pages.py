"""HTML pages: index, map pages, embeds, the embed snippet, the docs; escaping; the embed in
real Chromium under its Content-Security-Policy."""

from __future__ import annotations

import os
import re

import pytest

from tests.conftest import require

from .conftest import auth
from .test_api import err

PLAN = "coalition-transition-2024-2026"
CHROMIUM = "/usr/bin/chromium"


def test_index_lists_plans_places_and_a_date_control(client):
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert f'href="/maps/{PLAN}?lang=en"' in html
    assert 'type="date"' in html and 'action="/maps/all"' in html
    assert "Ain al-Asad Air Base" in html and "قاعدة عين الأسد الجوية" in html
    assert "2025-10-01" in html  # a change date
    assert "<script" not in html and "style=" not in html  # CSP: no inline code
    assert client.get("/?lang=ar").status_code == 200
    err(client.get("/?lang=xx"), 400)


def test_map_page_frames_the_embed_and_passes_parameters(client):
    r = client.get(f"/maps/{PLAN}?date=2025-10-01&basemap=none&layers=sites,areas&lang=ar")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    src = re.search(r'<iframe class="map" src="([^"]+)"', html).group(1)
    assert src.startswith(f"/embed/{PLAN}?")
    for part in ("date=2025-10-01", "basemap=none", "layers=sites%2Careas", "lang=ar"):
        assert part in src.replace("&amp;", "&")
    assert "Coalition transition" in html
    err(client.get("/maps/no-such-plan"), 404)
    err(client.get(f"/maps/{PLAN}?layers=sites,bogus"), 400)
    err(client.get(f"/maps/{PLAN}?basemap=google"), 400)
    err(client.get(f"/maps/{PLAN}?from=2025-01-01"), 400)
    err(client.get(f"/maps/{PLAN}?date=2025-02-30"), 400)


@pytest.mark.parametrize("plan", ["all", PLAN])
def test_embed_is_a_folium_map_with_hashed_scripts(client, plan):
    r = client.get(f"/embed/{plan}?date=2025-10-01")
    html = r.get_data(as_text=True)
    assert (r.status_code == 200 and "L.map(" in html) or "leaflet" in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    csp = r.headers["Content-Security-Policy"]
    scripts = re.findall(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    from service.web.security import csp_hash

    for body in scripts:
        if body:
            assert csp_hash(body) in csp
    assert "frame-ancestors *" in csp  # the default: embeddable anywhere
    assert "https://tile.openstreetmap.org" not in csp
    osm = client.get(f"/embed/{plan}?date=2025-10-01&basemap=osm")
    assert (
        "img-src 'self' data: blob: https://tile.openstreetmap.org"
        in osm.headers["Content-Security-Policy"]
    )


def test_change_map_and_time_slider(client):
    assert client.get("/embed/all?from=2025-01-01&to=2025-12-31").status_code == 200
    assert client.get("/embed/all").status_code == 200


def test_snippet_page_escapes_and_points_at_the_embed(make_app):
    app = make_app(BASE_URL="https://maps.example.org")
    c = app.test_client()
    r = c.get(f"/maps/{PLAN}/embed?date=2025-10-01")
    html = r.get_data(as_text=True)
    code = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
    assert code.startswith("&lt;iframe src=&#34;https://maps.example.org/embed/" + PLAN)
    assert "date=2025-10-01" in code
    assert f'<iframe class="preview" src="/embed/{PLAN}?date=2025-10-01"' in html
    # hostile parameters never reach the page unescaped
    evil = c.get(f"/maps/{PLAN}/embed", query_string={"lang": '"><script>alert(1)</script>'})
    err(evil, 400)
    evil = c.get(f"/maps/{PLAN}/embed", query_string={"date": "<script>"})
    assert evil.status_code == 400 and evil.mimetype == "application/json"
    assert b"<script>" not in evil.data and "script" in evil.get_json()["message"]


def test_docs_page_is_rendered_from_the_openapi_document(client):
    doc = client.get("/openapi.json").get_json()
    html = client.get("/docs").get_data(as_text=True)
    assert doc["openapi"].startswith("3.0")
    n_ops = sum(len(v) for v in doc["paths"].values())
    assert n_ops >= 40
    for path in ("/api/posture", "/ogc/collections/posture/items", "/embed/{plan}"):
        assert path in doc["paths"] and f"<code>{path}</code>" in html
    assert html.count('class="op"') == n_ops
    assert "<script" not in html


def test_openapi_document_is_valid():
    import schemathesis

    from service.web.openapi import openapi_document

    for private in (False, True):
        doc = openapi_document("http://127.0.0.1:8000", "Test", private_reads=private)
        schemathesis.openapi.from_dict(doc).validate()  # raises on an invalid document


def test_stored_text_is_escaped_in_pages(make_app, tokens):
    app = make_app()
    c = app.test_client()
    evil = '<img src=x onerror="window.__xss=1">'
    r = c.post(
        "/api/articles",
        headers=auth(tokens()),
        json={
            "text": f"About 300 US troops are stationed at Harir Air Base {evil}.",
            "published": "2025-01-15",
            "outlet": f"<b>Evil</b>{evil}",
            "title": evil,
        },
    )
    assert r.status_code == 201
    for url in ("/", "/maps/all", f"/maps/{PLAN}/embed", "/embed/all?date=2025-02-01"):
        html = c.get(url).get_data(as_text=True)
        assert evil not in html and "<b>Evil</b>" not in html, url


# ------------------------------------------------------------------------------ browser
@pytest.fixture
def chromium(browser):
    return browser


def test_map_page_runs_in_chromium_under_its_csp(chromium, live):
    require(
        os.path.exists(
            os.path.join(
                os.path.dirname(__file__),
                "..",
                "..",
                "service",
                "static",
                "vendor",
                "leaflet",
                "leaflet.js",
            )
        ),
        "offline assets not installed (make setup)",
    )
    ctx = chromium.new_context(viewport={"width": 1200, "height": 800})
    page = ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "response", lambda r: problems.append(f"{r.url} {r.status}") if r.status >= 400 else None
    )
    remote: list[str] = []
    page.on(
        "request",
        lambda q: (
            remote.append(q.url)
            if not q.url.startswith((live.url, "data:", "about:", "blob:"))
            else None
        ),
    )
    page.goto(f"{live.url}/maps/{PLAN}?date=2025-10-01")
    frame = page.frame_locator("iframe.map")
    frame.locator(".leaflet-container").wait_for(timeout=20_000)
    inner = next(f for f in page.frames if "/embed/" in f.url)
    inner.wait_for_function("window.TPM && TPM.map && TPM.layers.length > 0", timeout=20_000)
    assert inner.evaluate("document.querySelectorAll('path.tpm-site').length") > 0
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert not problems, problems
    assert not remote, remote
    ctx.close()
