"""Eight clients ingest fifty articles each, at once, through gunicorn (2 workers × 4 threads)
on one SQLite database: nothing is lost and nothing is stored twice."""

from __future__ import annotations

import json
import threading

import requests

from service.store import content_hash

PLACES = (
    "Harir Air Base",
    "Ain al-Asad Air Base",
    "Erbil Air Base",
    "Baghdad",
    "Al-Tanf garrison",
    "Camp Arifjan",
    "Al Udeid Air Base",
    "Incirlik Air Base",
    "Muwaffaq Salti Air Base",
)
ACTORS = ("US", "British", "French", "German", "Italian")
CLIENTS, PER_CLIENT, SHARED = 8, 50, 10


def article(client: int, i: int) -> dict:
    """A short, distinct article with one force level the extractor finds."""
    n = 100 + client * 1000 + i
    actor = ACTORS[(client + i) % len(ACTORS)]
    place = PLACES[(client * 7 + i) % len(PLACES)]
    day = 1 + (i % 28)
    return {
        "text": f"About {n:,} {actor} troops are stationed at {place}, a spokesman said "
        f"(dispatch {client}-{i}).",
        "published": f"2025-{1 + client:02d}-{day:02d}",
        "outlet": f"Wire {client}",
    }


def shared(i: int) -> dict:
    """Articles every client sends (in a different order): stored once."""
    return {
        "text": f"Officials said about {5000 + i:,} US troops remain at {PLACES[i % 9]} "
        f"(shared report {i}).",
        "published": "2025-10-05",
        "outlet": "Pool",
    }


def test_eight_concurrent_clients_lose_nothing_and_duplicate_nothing(
    gunicorn_server, tokens, db_url
):
    token = tokens("write")
    url = gunicorn_server(
        workers=2, threads=4, TPM_RATE_LIMITS=json.dumps({"ingest": "100000/second"})
    )
    start = threading.Barrier(CLIENTS)
    results: dict[int, list[tuple[dict, int, dict]]] = {}
    errors: list[str] = []

    def run(c: int) -> None:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {token}"
        mine = [article(c, i) for i in range(PER_CLIENT)]
        common = [shared((i + c) % SHARED) for i in range(SHARED)]
        work = mine[:20] + common[:5] + mine[20:] + common[5:]
        out = []
        start.wait()
        for body in work:
            try:
                r = s.post(f"{url}/api/articles", json=body, timeout=120)
                out.append((body, r.status_code, r.json()))
            except Exception as exc:
                errors.append(f"client {c}: {exc!r}")
        results[c] = out

    threads = [threading.Thread(target=run, args=(c,)) for c in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors, errors[:5]
    rows = [row for c in range(CLIENTS) for row in results[c]]
    assert len(rows) == CLIENTS * (PER_CLIENT + SHARED)
    bad = [(st, body) for _, st, body in rows if st not in (200, 201)]
    assert not bad, bad[:5]

    unique = {content_hash(b["text"]): b for b, _, _ in rows}
    assert len(unique) == CLIENTS * PER_CLIENT + SHARED
    created = [res for _, st, res in rows if res["created"]]
    assert len(created) == len(unique)  # each text stored exactly once …
    assert all(st == 201 for _, st, res in rows if res["created"])
    ids_by_hash: dict[str, set[int]] = {}
    for b, _, res in rows:
        ids_by_hash.setdefault(content_hash(b["text"]), set()).add(res["source_id"])
    assert all(len(ids) == 1 for ids in ids_by_hash.values())  # … and always the same id
    assert len({next(iter(v)) for v in ids_by_hash.values()}) == len(unique)

    # the database agrees: every article is there once, with its claims
    from service.store import Store

    st = Store.open(db_url)
    try:
        sources = [s for s in st.sources() if s["kind"] == "article"]
        hashes = [s["content_hash"] for s in sources]
        assert len(hashes) == len(set(hashes))
        assert set(unique) <= set(hashes)
        obs = st.observations()
        by_source: dict[int, int] = {}
        for o in obs:
            by_source[o["source_id"]] = by_source.get(o["source_id"], 0) + 1
        for res in created:
            assert by_source.get(res["source_id"], 0) == res["counts"]["observations"] >= 1
    finally:
        st.close()
    # and the service answers reads from the new data (every worker, after its data check)
    import time

    time.sleep(1.2)
    for _ in range(4):
        listed = requests.get(f"{url}/api/sources", timeout=60).json()
        assert {s["content_hash"] for s in listed} >= set(unique)
    fc = requests.get(f"{url}/api/posture?date=2025-10-06", timeout=60).json()
    cited = {
        src["source_id"]
        for f in fc["features"]
        for src in f["properties"]["sources"] + f["properties"]["conflicts"]
    }
    assert cited & {next(iter(ids_by_hash[content_hash(shared(i)["text"])])) for i in range(SHARED)}
