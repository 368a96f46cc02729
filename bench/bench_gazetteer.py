"""Gazetteer: index build time, exact lookups per second, scan throughput on Arabic text."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(report) -> None:
    from service.gazetteer import Gazetteer, load_gazetteer
    from service.gazetteer.normalize import normalize

    t0 = time.perf_counter()
    gaz = Gazetteer.build()
    report("gazetteer index build (from files)", time.perf_counter() - t0, "s", "")
    with tempfile.TemporaryDirectory() as d:
        gaz.save(Path(d) / "g.pkl")
        t0 = time.perf_counter()
        Gazetteer.load(Path(d) / "g.pkl")
        report("gazetteer index load (cached)", time.perf_counter() - t0, "s", "")
    gaz = load_gazetteer()
    report("gazetteer places / names", f"{len(gaz)} / {len(gaz.exact)}", "", "")

    rng = random.Random(1)
    names = [n for p in gaz.places for n in (p.name, p.name_ar) if n]
    queries = [rng.choice(names) for _ in range(50_000)]
    t0 = time.perf_counter()
    for q in queries:
        gaz.lookup(q)
    dt = time.perf_counter() - t0
    report("geocode exact lookups (lookup())", len(queries) / dt, "lookups/s", ">= 100,000/s")
    normed = [normalize(q) for q in queries]
    t0 = time.perf_counter()
    ex = gaz.exact
    for q in normed:
        ex.get(q)
    dt = time.perf_counter() - t0
    report("exact name index hits (pre-normalised)", len(normed) / dt, "lookups/s", "")

    seed = (ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt").read_text(encoding="utf-8")
    text = seed * max(1, (5_000_000 // len(seed.encode())) + 1)
    size = len(text.encode())
    gaz.scan(seed)
    t0 = time.perf_counter()
    cands = gaz.scan(text)
    dt = time.perf_counter() - t0
    report("mention scan, Arabic text (one core)", size / dt / 1e6, "MB/s", ">= 5 MB/s")
    report("  (scan input size / matches)", f"{size / 1e6:.1f} MB / {len(cands)}", "", "")
