"""The same guarantees over real HTTP on loopback (werkzeug's server in a thread)."""

from __future__ import annotations

import http.client
import json

import requests

from .conftest import auth

TEXT = "About 300 US troops are stationed at Harir Air Base, officials said."


def test_reads_over_http(live):
    r = requests.get(f"{live.url}/api/posture?date=2025-10-01", timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/geo+json")
    assert r.json()["features"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    head = requests.head(f"{live.url}/api/plans", timeout=30)
    assert head.status_code == 200 and not head.content


def test_unauthenticated_writes_are_refused(live):
    before = requests.get(f"{live.url}/api/sources", timeout=30).json()
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic !!"}):
        r = requests.post(
            f"{live.url}/api/articles",
            json={"text": TEXT, "published": "2025-01-01"},
            headers=headers,
            timeout=30,
        )
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    assert requests.get(f"{live.url}/api/sources", timeout=30).json() == before


def test_oversized_and_malformed_bodies_over_http(make_app, serve, tokens):
    app = make_app(MAX_CONTENT_LENGTH=50_000)
    srv = serve(app)
    w = auth(tokens())
    big = json.dumps({"text": "x" * 60_000, "published": "2025-01-01"})
    r = requests.post(
        f"{srv.url}/api/articles",
        data=big,
        headers={**w, "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 413 and r.json()["error"] == "payload_too_large"

    def chunks():  # no Content-Length: the limit applies to the stream
        for _ in range(20):
            yield b"y" * 5000

    r = requests.post(
        f"{srv.url}/api/extract", data=chunks(), headers={"Content-Type": "text/plain"}, timeout=30
    )
    assert r.status_code == 413, r.text
    for body, ctype, status in (
        (b"{", "application/json", 400),
        (b"\x00\x01", "application/octet-stream", 415),
        (b'{"text": ["a"]}', "application/json", 400),
    ):
        r = requests.post(
            f"{srv.url}/api/articles", data=body, headers={**w, "Content-Type": ctype}, timeout=30
        )
        assert r.status_code == status and r.json()["status"] == status
    # a header that lies about the length is not trusted either
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.putrequest("POST", "/api/extract")
    conn.putheader("Content-Type", "text/plain")
    conn.putheader("Content-Length", "10000000")
    conn.endheaders()
    conn.send(b"short")
    resp = conn.getresponse()
    assert resp.status == 413
    conn.close()
