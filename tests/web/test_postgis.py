"""The web service on PostgreSQL + PostGIS (``$TPM_TEST_POSTGRES_URL``; a fresh schema per test).

Skipped without the database, except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import threading
import uuid

import pytest
import requests

from tests.conftest import SEED, require

from .conftest import NO_LIMITS, SCENARIO, Live, auth

PG_ENV = "TPM_TEST_POSTGRES_URL"


@pytest.fixture
def pg_app(gaz, instance):
    url = os.environ.get(PG_ENV, "").strip()
    require(bool(url), f"{PG_ENV} is not set (run scripts/ci_postgres.sh)")
    from service.store import Store
    from service.web import create_app
    from tests.store.conftest import DB, _drop_schema

    schema = f"w_{uuid.uuid4().hex[:12]}"
    st = Store.open(url, schema=schema, gazetteer=gaz)
    try:
        st.load_scenario(SCENARIO)
        st.ingest_article(
            SEED.read_text(encoding="utf-8"), published="2024-09-27", outlet="Almaghrib Today"
        )
    finally:
        st.close()
    app = create_app(
        {"DATABASE_URL": DB("postgis", url, schema).cli_url, "RATE_LIMITS": dict(NO_LIMITS)}
    )
    yield app
    app.extensions["tpm"].close()
    _drop_schema(url, schema)


def test_reads_and_ogc_on_postgis(pg_app):
    c = pg_app.test_client()
    assert pg_app.extensions["tpm"].store.backend == "postgresql"
    fc = c.get("/api/posture?date=2025-10-01").get_json()
    assert fc["features"]
    box = c.get("/api/posture?date=2025-10-01&bbox=43.5,35.5,45.5,37.5").get_json()
    assert 0 < len(box["features"]) < len(fc["features"])
    steps = c.get("/ogc/collections/posture/items?datetime=2025-10-01&limit=1000").get_json()
    assert {(f["properties"]["actor"], f["properties"]["place_id"]) for f in steps["features"]} == {
        (f["properties"]["actor"], f["properties"]["place_id"]) for f in fc["features"]
    }
    assert c.get("/embed/all?date=2025-10-01").status_code == 200


def test_concurrent_ingest_on_postgis(pg_app, tokens):
    srv = Live(pg_app)
    token = tokens("write")
    out: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def run(client: int) -> None:
        s = requests.Session()
        s.headers.update(auth(token))
        for i in range(12):
            shared = i % 3 == 0
            text = (
                f"About {7000 + i} US troops remain at Erbil Air Base (pool {i})."
                if shared
                else f"About {100 + 50 * client + i} US troops are stationed at Harir Air "
                f"Base (client {client}, item {i})."
            )
            r = s.post(
                f"{srv.url}/api/articles",
                json={"text": text, "published": "2025-04-04"},
                timeout=120,
            )
            with lock:
                out.append((r.status_code, r.json()))

    try:
        threads = [threading.Thread(target=run, args=(c,)) for c in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    finally:
        srv.stop()
    assert len(out) == 48 and all(st in (200, 201) for st, _ in out), out[:3]
    created = [r for st, r in out if r["created"]]
    assert len(created) == 4 * 8 + 4  # 8 own articles per client + 4 shared ones, once each
    hashes = [
        s["content_hash"]
        for s in pg_app.extensions["tpm"].store.sources()
        if s["kind"] == "article"
    ]
    assert len(hashes) == len(set(hashes)) == len(created) + 1  # + the seed article
