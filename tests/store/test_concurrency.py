"""Several processes ingesting at once lose nothing and duplicate nothing."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

N_ARTICLES = 24
WORKERS = 4


def test_concurrent_ingest_from_several_processes(make_store, db):
    store = make_store()  # migrated before the workers start; they migrate too (no-op)
    # overlapping ranges: every article is ingested by two workers at about the same time
    ranges = [(0, 12), (6, 18), (12, 24), (0, 24)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store._worker", db.url, db.schema or "", str(a), str(b)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for a, b in ranges[:WORKERS]
    ]
    created = 0
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-3000:]
        created += int(out.decode().strip().splitlines()[-1])
    assert created == N_ARTICLES  # each article created exactly once
    counts = store.counts()
    assert counts["sources"] == N_ARTICLES
    assert counts["observations"] == 2 * N_ARTICLES
    assert counts["series"] == 2  # (US, Iraq) and (GB, Erbil Air Base): no duplicates
    assert counts["places"] == 4  # Iraq, Erbil Air Base, Erbil province, Kurdistan region
    timeline = store.timeline("country:IQ", actor="US")
    assert [s.count for s in timeline] == list(range(N_ARTICLES))
