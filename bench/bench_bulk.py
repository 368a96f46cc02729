"""Bulk-ingest benchmark: articles per second on Dask with 1 and 2 workers, scaling, memory.

Called by ``bench/run.py`` as ``run(report)``.  Generates a corpus of
``TPM_BENCH_BULK_N`` articles (default 20,000; :mod:`service.bulk.corpus`) as JSON Lines,
then runs ``python -m service ingest-bulk`` in a subprocess — a LocalCluster of 1, then 2
worker processes (1 thread each) — into a fresh PostgreSQL + PostGIS schema when
``TPM_TEST_POSTGRES_URL`` is set, else into a SQLite file (the row names say which).
While a run goes on, the client's and the workers' resident memory are sampled (psutil).

Each run stops cleanly after ``TPM_BENCH_BULK_MAX_S`` seconds (default 300); its rate is
then over the articles done (the row says "partial").  Run alone:
``python bench/bench_bulk.py``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Report = Callable[[str, float, str, str], None]

N = int(os.environ.get("TPM_BENCH_BULK_N", "20000"))
MAX_S = float(os.environ.get("TPM_BENCH_BULK_MAX_S", "300"))
WORKERS = (1, 2)


class _MemorySampler(threading.Thread):
    """Peak RSS of a process and (separately) of its largest descendant."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process(pid)
        self.every = every
        self.client_peak = 0
        self.worker_peak = 0
        self.series: list[tuple[float, int]] = []  # (time, client RSS)
        self._halt = threading.Event()

    def run(self) -> None:
        import psutil

        while not self._halt.is_set():
            try:
                rss = self.proc.memory_info().rss
                self.client_peak = max(self.client_peak, rss)
                self.series.append((time.perf_counter(), rss))
                for child in self.proc.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        self.worker_peak = max(self.worker_peak, child.memory_info().rss)
            except psutil.Error:
                return
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


def _database(tmp: Path, tag: str) -> tuple[str, str, Callable[[], None]]:
    """(label, URL for the CLI, cleanup) of a fresh database."""
    pg = os.environ.get("TPM_TEST_POSTGRES_URL", "").strip()
    if not pg:
        path = tmp / f"bulk-{tag}.sqlite"
        return "SQLite", f"sqlite:///{path}", lambda: None
    import sqlalchemy as sa

    from service.store.db import normalize_url

    schema = f"bench_bulk_{uuid.uuid4().hex[:8]}"
    eng = sa.create_engine(normalize_url(pg))
    with eng.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    eng.dispose()
    sep = "&" if "?" in pg else "?"
    url = f"{pg}{sep}options=-csearch_path%3D{schema}%2Cpublic"

    def drop() -> None:
        e = sa.create_engine(normalize_url(pg))
        with e.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        e.dispose()

    return "PostGIS", url, drop


def _one_run(corpus: Path, url: str, workers: int) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "service",
        "ingest-bulk",
        str(corpus),
        "--database",
        url,
        "--workers",
        str(workers),
        "--no-progress",
        "--time-limit",
        str(MAX_S),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = _MemorySampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=MAX_S + 300)
    finally:
        sampler.stop()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"ingest-bulk failed ({proc.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(out.decode().strip().splitlines()[-1])
    summary["client_peak_mb"] = sampler.client_peak / 2**20
    summary["worker_peak_mb"] = sampler.worker_peak / 2**20
    # flat memory: the client's peak in the second half of the run minus that in the first
    ser = sampler.series
    if len(ser) > 10:
        mid = (ser[0][0] + ser[-1][0]) / 2
        first = max(r for t, r in ser if t <= mid)
        second = max(r for t, r in ser if t > mid)
        summary["client_growth_mb"] = (second - first) / 2**20
    return summary


def run(report: Report) -> None:
    """Generate the corpus, ingest it with 1 and 2 workers, report rates and memory."""
    from service.bulk.corpus import generate_articles, write_jsonl

    tmp = Path(tempfile.mkdtemp(prefix="tpm-bench-bulk-"))
    try:
        corpus = tmp / "corpus.jsonl"
        t0 = time.perf_counter()
        n = write_jsonl(generate_articles(N, seed=20), corpus)
        print(
            f"  corpus: {n:,} articles, {corpus.stat().st_size / 2**20:.1f} MB "
            f"({time.perf_counter() - t0:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
        rates: dict[int, float] = {}
        label = "SQLite"
        for w in WORKERS:
            label, url, cleanup = _database(tmp, f"w{w}")
            try:
                s = _one_run(corpus, url, w)
            finally:
                cleanup()
            partial = "" if s["status"] == "finished" else f", partial: {s['done']:,} done"
            rates[w] = s["rate"]
            tag = f"{n:,} articles, {w} worker{'s' if w > 1 else ''} → {label}{partial}"
            report(
                f"bulk ingest {tag}",
                s["rate"],
                "articles/s",
                "" if w == 1 else "≈ 2 × the 1-worker rate",
            )
            report(f"bulk ingest {w}w: startup (cluster + gazetteer)", s["startup_s"], "s", "")
            report(
                f"bulk ingest {w}w: peak client RSS",
                s["client_peak_mb"],
                "MB",
                "flat in corpus size",
            )
            report(
                f"bulk ingest {w}w: peak worker RSS (largest)",
                s["worker_peak_mb"],
                "MB",
                "flat in corpus size",
            )
            if "client_growth_mb" in s:
                report(
                    f"bulk ingest {w}w: client RSS growth, 2nd half of the run",
                    s["client_growth_mb"],
                    "MB",
                    "≈ 0 (bounded memory)",
                )
            if s["failed"]:
                report(f"bulk ingest {w}w: failed articles", s["failed"], "articles", "0")
        if rates.get(1):
            report(
                f"bulk scaling efficiency 1 → 2 workers ({label})",
                100.0 * rates[2] / (2 * rates[1]),
                "%",
                "2 cores shared by the workers, the writer and the database",
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":

    def _print(name: str, value: float, unit: str, goal: str) -> None:
        print(f"{name:70s} {value:12.1f} {unit:12s} {goal}", flush=True)

    run(_print)
