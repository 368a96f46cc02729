"""Store benchmarks: ``posture_at`` over 1,000,000 observations, and ingest rate.

Called by ``bench/run.py`` as ``run(report)``; ``report(name, value, unit, goal)`` records a
row.  Runs on SQLite (a temporary file) and, when ``TPM_TEST_POSTGRES_URL`` is set, on
PostgreSQL + PostGIS (a temporary schema).  ``TPM_BENCH_OBS`` changes the number of
observations (default 1,000,000), ``TPM_BENCH_SERIES`` the number of (actor, place) series
(default 2,000: 1,000 places × 2 actors, i.e. 500 reports per series over 2014–2026).

Run alone: ``python bench/bench_store.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Report = Callable[[str, float, str, str], None]

N_OBS = int(os.environ.get("TPM_BENCH_OBS", "1000000"))
N_SERIES = int(os.environ.get("TPM_BENCH_SERIES", "2000"))
ACTORS = ("US", "GB", "FR", "DE", "IT", "ES", "COALITION", "NATO")
START = dt.date(2014, 1, 1)
DAYS = (dt.date(2026, 12, 31) - START).days
QUERY_DATES = (
    "2015-06-30",
    "2019-01-01",
    "2021-07-15",
    "2024-10-01",
    "2025-10-01",
    "2026-06-01",
    "2027-01-01",
)


# ------------------------------------------------------------------------------ data
def _populate(store, n_obs: int, n_series: int, seed: int = 7) -> None:
    """Fill an empty store with synthetic places, sources, series and observations."""
    import shapely
    import sqlalchemy as sa

    from service.store import db
    from service.store.schema import places_t, series_t, sources_t
    from service.store.store import place_row_from

    rng = random.Random(seed)
    n_actors = 2
    n_places = max(1, n_series // n_actors)

    class P:  # a Place-like row
        pass

    places = []
    for kind, pid, name, geom in (
        ("country", "country:IQ", "Iraq", shapely.box(38.8, 29.1, 48.6, 37.4)),
        ("country", "country:SY", "Syria", shapely.box(35.7, 32.3, 42.4, 37.3)),
    ):
        p = P()
        p.id, p.name, p.kind, p.country, p.parent = pid, name, kind, pid[-2:], None
        rp = geom.representative_point()
        p.lon, p.lat = rp.x, rp.y
        places.append(place_row_from(p, geom))
    for i in range(n_places):
        p = P()
        iq = i % 3 != 0
        p.id, p.name, p.kind = f"installation:bench-{i}", f"Bench site {i}", "installation"
        p.country, p.parent = ("IQ", "country:IQ") if iq else ("SY", "country:SY")
        p.lon = rng.uniform(39.0, 48.0) if iq else rng.uniform(36.0, 42.0)
        p.lat = rng.uniform(29.5, 37.0) if iq else rng.uniform(32.5, 37.0)
        places.append(place_row_from(p, shapely.Point(p.lon, p.lat)))
    n_sources = max(1, n_obs // 1000)

    def _base(conn) -> dict:
        db.insert_ignore(conn, places_t, places, ["id"])
        conn.execute(
            sources_t.insert(),
            [
                {
                    "key": f"bench:{i}",
                    "kind": "article",
                    "outlet": f"Outlet {i % 50}",
                    "published": START + dt.timedelta(days=i * DAYS // n_sources),
                    "independence": f"outlet:{i % 50}",
                    "meta": {},
                    "created_at": dt.datetime.now(dt.UTC),
                }
                for i in range(n_sources)
            ],
        )
        keys = [
            (ACTORS[(i // n_places) % len(ACTORS)], places[2 + i % n_places]["id"])
            for i in range(n_series)
        ]
        conn.execute(series_t.insert(), [{"actor": a, "place_id": p} for a, p in keys])
        sids = {
            (r.actor, r.place_id): r.id
            for r in conn.execute(sa.select(series_t.c.id, series_t.c.actor, series_t.c.place_id))
        }
        src_ids = [r[0] for r in conn.execute(sa.select(sources_t.c.id).order_by(sources_t.c.id))]
        return {"series": [(sids[k], k[0], k[1]) for k in keys], "sources": src_ids}

    base = db.run_write(store.engine, _base)
    series, src_ids = base["series"], base["sources"]
    per = n_obs // len(series)
    extra = n_obs - per * len(series)
    now = dt.datetime.now(dt.UTC)
    statuses = ("present",) * 12 + ("reduced", "withdrawn", "advisory")

    def rows():
        k = 0
        for si, (sid, actor, pid) in enumerate(series):
            n = per + (1 if si < extra else 0)
            days = sorted(rng.randrange(DAYS) for _ in range(n))
            for d in days:
                day = START + dt.timedelta(days=d)
                c = rng.randrange(50, 3000)
                kind = rng.random()
                if kind < 0.6:
                    q = (c, c, c, False, "exact")
                elif kind < 0.85:
                    q = (c, None, None, True, "approximate")
                else:
                    q = (None, None, c, False, "upper_bound")
                src = src_ids[min(len(src_ids) - 1, d * len(src_ids) // DAYS)]
                yield (
                    sid,
                    actor,
                    pid,
                    src,
                    src,
                    "level",
                    day,
                    "day",
                    False,
                    day,
                    *q,
                    statuses[rng.randrange(len(statuses))],
                    "installation",
                    "synthetic report",
                    None,
                    None,
                    f"b{k}",
                    False,
                    None,
                    now,
                )
                k += 1

    cols = (
        "series_id",
        "actor",
        "place_id",
        "origin_id",
        "source_id",
        "claim_type",
        "as_of",
        "as_of_precision",
        "as_of_approximate",
        "valid_from",
        "count",
        "count_min",
        "count_max",
        "approximate",
        "qualifier",
        "status",
        "location_precision",
        "quote",
        "quote_start",
        "quote_end",
        "claim_key",
        "confirmed",
        "note",
        "created_at",
    )
    raw = store.engine.raw_connection()
    try:
        if store.backend == "postgresql":
            with (
                raw.cursor() as cur,
                cur.copy(f"COPY observations ({', '.join(cols)}) FROM STDIN") as cp,
            ):
                for r in rows():
                    cp.write_row(r)
            raw.commit()
            # VACUUM as autovacuum would after a bulk load: it sets the visibility map, so
            # the "latest report per series" probes are index-only scans (no heap fetch)
            raw.driver_connection.autocommit = True  # VACUUM runs outside a transaction
            with raw.driver_connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE observations")
                cur.execute("ANALYZE")
        else:
            cur = raw.cursor()
            cur.execute("BEGIN")
            sql = (
                f"INSERT INTO observations ({', '.join(cols)}) VALUES "
                f"({', '.join('?' * len(cols))})"
            )
            batch = []
            for r in rows():
                batch.append(tuple(v.isoformat() if isinstance(v, dt.date) else v for v in r))
                if len(batch) >= 50_000:
                    cur.executemany(sql, batch)
                    batch.clear()
            if batch:
                cur.executemany(sql, batch)
            cur.execute("COMMIT")
            cur.execute("ANALYZE")
            cur.close()
    finally:
        raw.close()


# ------------------------------------------------------------------------------ measures
def _time_posture(store, report: Report, label: str) -> None:
    import gc

    # A long-running server freezes its start-up objects (the gazetteer: millions of them)
    # so the cyclic GC does not re-scan them on every collection; do the same here.
    gc.collect()
    gc.freeze()
    t0 = time.perf_counter()
    n = len(store.posture_at("2024-10-01"))
    cold = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(3):
        for d in QUERY_DATES:
            t0 = time.perf_counter()
            store.posture_at(d)
            times.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(times)
    report(f"posture_at {label} ({N_OBS:,} obs, {n:,} rows), median", med, "ms", "< 100")
    report(f"posture_at {label}, p90", sorted(times)[int(len(times) * 0.9)], "ms", "< 100")
    report(f"posture_at {label}, first call (cold caches)", cold, "ms", "")
    times = []
    for d in QUERY_DATES:
        t0 = time.perf_counter()
        rows = len(store.posture_at(d, bbox=(43.0, 33.0, 45.0, 35.0)))
        times.append((time.perf_counter() - t0) * 1000)
    report(
        f"posture_at {label} with bbox (~{rows} rows), median",
        statistics.median(times),
        "ms",
        "< 100",
    )


def _ingest_rate(store_factory, report: Report, label: str) -> None:
    from service.domain import (
        Extraction,
        ForceLevel,
        FuzzyDate,
        Movement,
        Quantity,
        Span,
    )

    def stub(text, *, published=None, **_kw):
        sp = Span(0, 10, text[:10])
        return Extraction(
            source=None,
            language="en",
            published=published,
            force_levels=[
                ForceLevel("US", "country:IQ", Quantity.about(2500), sp),
                ForceLevel("US", "country:SY", Quantity.exact(900), sp),
            ],
            movements=[
                Movement(
                    "COALITION",
                    "country:IQ",
                    "withdraw",
                    sp,
                    by=FuzzyDate.of(2025, 9),
                    scope="part",
                )
            ],
        )

    st = store_factory(stub)
    n = 200
    t0 = time.perf_counter()
    for i in range(n):
        st.ingest_article(f"stub article {i}", published="2024-09-06", outlet=f"O{i % 9}")
    rate = n / (time.perf_counter() - t0)
    report(f"ingest {label}, store only (stub extractor)", rate, "articles/s", "")
    try:
        from service.extract import extract_article
    except ImportError:
        return
    seed = (ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt").read_text(encoding="utf-8")
    st2 = store_factory(extract_article)
    st2.ingest_article(seed, published="2024-09-06")  # warm the extractor
    n = 10
    t0 = time.perf_counter()
    for i in range(n):
        st2.ingest_article(f"نسخة {i}\n" + seed, published="2024-09-06", outlet="Almaghrib")
    rate = n / (time.perf_counter() - t0)
    report(f"ingest {label}, seed-sized articles with the extractor", rate, "articles/s", "")


def _gazetteer():
    from service.gazetteer import Gazetteer, load_gazetteer

    if (ROOT / "data" / "gazetteer" / "countries.geojson").exists():
        return load_gazetteer()
    return Gazetteer.build(ROOT / "tests" / "data" / "gazetteer_mini")


def _bench_backend(report: Report, label: str, url: str, schema: str | None) -> None:
    from service.store import Store

    gaz = _gazetteer()
    st = Store.open(url, schema=schema, gazetteer=gaz)
    try:
        t0 = time.perf_counter()
        _populate(st, N_OBS, N_SERIES)
        report(
            f"load {N_OBS:,} synthetic observations ({label})", time.perf_counter() - t0, "s", ""
        )
        _time_posture(st, report, label)
    finally:
        st.close()
    n = [0]

    def factory(extractor):
        n[0] += 1
        if schema:
            s = f"{schema}_i{n[0]}"
            schemas.append(s)
            return Store.open(url, schema=s, gazetteer=gaz, extractor=extractor)
        return Store.open(
            url.replace(".sqlite", f"-i{n[0]}.sqlite"), gazetteer=gaz, extractor=extractor
        )

    schemas: list[str] = []
    try:
        _ingest_rate(factory, report, label)
    finally:
        for s in schemas:
            _drop_schema(url, s)


def _drop_schema(url: str, schema: str) -> None:
    import sqlalchemy as sa

    from service.store.db import normalize_url

    eng = sa.create_engine(normalize_url(url))
    with eng.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    eng.dispose()


def run(report: Report) -> None:
    """Run the store benchmarks on SQLite and (if configured) PostGIS."""
    tmp = Path(tempfile.mkdtemp(prefix="tpm-bench-"))
    try:
        _bench_backend(report, "SQLite", f"sqlite:///{tmp / 'bench.sqlite'}", None)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    pg = os.environ.get("TPM_TEST_POSTGRES_URL", "").strip()
    if pg:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        try:
            _bench_backend(report, "PostGIS", pg, schema)
        finally:
            _drop_schema(pg, schema)


if __name__ == "__main__":

    def _print(name: str, value: float, unit: str, goal: str) -> None:
        print(f"{name:70s} {value:12.1f} {unit:12s} {goal}", flush=True)

    run(_print)
