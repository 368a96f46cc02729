"""Bulk ingest on a local Dask cluster (2 worker processes), on SQLite and on PostGIS.

* the claims stored are the same as those of the one-process ingest of the same articles
  (a folder of .txt/.html files with sidecars, JSON Lines, Parquet);
* a run killed midway (SIGKILL) and resumed loses nothing and duplicates nothing;
* an article that fails is recorded with its error and the run goes on; a resumed run does
  not try it again, ``--restart`` does.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
import sqlalchemy as sa

from service.bulk import schema as S
from service.bulk.runner import run_bulk
from service.bulk.sources import open_source
from service.store import Store, db
from tests.bulk.conftest import N_ARTICLES
from tests.bulk.helpers import article_files, assert_same_contents, contents
from tests.conftest import ROOT

SLOW = "tests.bulk.fakes:slow_extract"
EXPLODING = "tests.bulk.fakes:exploding_extract"


def _bulk(store, client, source, **kw):
    kw.setdefault("progress", False)
    return run_bulk(source, store=store, client=client, **kw)


def _items(store, status: str = "done") -> int:
    """Rows of the progress table with this status (0 before the table exists)."""
    with db.read(store.engine) as conn:
        if not sa.inspect(conn).has_table("bulk_items"):
            return 0
        return conn.execute(
            sa.select(sa.func.count())
            .select_from(S.bulk_items_t)
            .where(S.bulk_items_t.c.status == status)
        ).scalar_one()


def _restrict(c: dict, hashes: set[str]) -> dict:
    """Only what belongs to the articles with these content hashes."""
    return {
        "sources": Counter({r: n for r, n in c["sources"].items() if r[0][8:] in hashes}),
        "observations": Counter({r: n for r, n in c["observations"].items() if r[0] in hashes}),
        "moves": Counter({r: n for r, n in c["moves"].items() if r[0] in hashes}),
        "places": Counter(),
        "series": Counter(),
    }


def _stored_hashes(store) -> set[str]:
    return {s["content_hash"] for s in store.sources()}


# ---------------------------------------------------------------------------- same claims
def test_folder_bulk_equals_one_process_ingest(new_db, open_store, dask_client, corpus, reference):
    st = open_store(new_db())
    n = len(article_files(corpus["folder"]))
    s = _bulk(st, dask_client, corpus["folder"], batch_size=25, task_size=4)
    assert (s.status, s.total, s.done, s.skipped, s.failed) == ("finished", n, n, 0, 0)
    assert s.batches >= 5 and s.workers == 2
    got = contents(st)
    assert_same_contents(got, reference("folder"))
    assert sum(got["observations"].values()) == s.observations > n
    assert sum(got["moves"].values()) == s.moves > 0
    assert _items(st, "done") == n
    # the same source again: everything is skipped, nothing changes
    again = _bulk(st, dask_client, corpus["folder"])
    assert (again.done, again.skipped, again.failed) == (0, n, 0)
    assert_same_contents(contents(st), got)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_jsonl_and_parquet_bulk_equal_one_process_ingest(
    fmt, new_db, open_store, dask_client, corpus, reference
):
    st = open_store(new_db())
    s = _bulk(st, dask_client, corpus[fmt], batch_size=40, task_size=8)
    assert (s.status, s.total, s.done, s.failed) == ("finished", N_ARTICLES, N_ARTICLES, 0)
    assert s.kind == fmt
    assert_same_contents(contents(st), reference("records"))


# ---------------------------------------------------------------------------- kill + resume
def test_killed_run_resumes_without_loss_or_duplicates(
    new_db, open_store, dask_client, corpus, reference
):
    d = new_db()
    st = open_store(d)
    env = {**os.environ, "DATABASE_URL": d.cli_url}
    cmd = [sys.executable, "-m", "service", "ingest-bulk", str(corpus["jsonl"])]
    # 1. on the running cluster, slowed down; killed (SIGKILL) after a few batches
    proc = subprocess.Popen(
        [
            *cmd,
            "--scheduler",
            dask_client.scheduler.address,
            "--batch-size",
            "10",
            "--task-size",
            "2",
            "--extractor",
            SLOW,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _items(st) < 30:
            if proc.poll() is not None:
                pytest.fail(
                    "the run ended before it was killed:\n" + proc.stderr.read().decode()[-3000:]
                )
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = _stored_hashes(st)
    assert 30 <= len(partial) < N_ARTICLES
    assert _items(st) == len(partial)  # progress and claims were committed together
    # every article stored so far is complete (no half-written batch)
    assert_same_contents(_restrict(contents(st), partial), _restrict(reference("records"), partial))
    # 2. resume (on the same cluster: starting one is tested below)
    res = subprocess.run(
        [*cmd, "--scheduler", dask_client.scheduler.address, "--no-progress"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr.decode()[-3000:]
    summary = json.loads(res.stdout.decode().strip().splitlines()[-1])
    assert summary["status"] == "finished"
    assert (summary["skipped"], summary["done"], summary["failed"]) == (
        len(partial),
        N_ARTICLES - len(partial),
        0,
    )  # nothing redone, nothing left out
    assert_same_contents(contents(st), reference("records"))
    assert _items(st) == N_ARTICLES


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # not database-specific
def test_sigterm_stops_a_local_cluster_run_cleanly(
    backend, new_db, open_store, dask_client, corpus, reference
):
    d = new_db()
    st = open_store(d)
    # the default: a new LocalCluster (here 1 worker), slowed down; SIGTERM after 2 batches
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service",
            "ingest-bulk",
            str(corpus["parquet"]),
            "--workers",
            "1",
            "--batch-size",
            "10",
            "--task-size",
            "2",
            "--extractor",
            SLOW,
            "--database",
            d.cli_url,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while _items(st) < 20:
            assert proc.poll() is None, proc.stderr.read().decode()[-3000:]
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err.decode()[-3000:]
    summary = json.loads(out.decode().strip().splitlines()[-1])
    assert summary["status"] == "interrupted" and "interrupted" in err.decode()
    assert summary["workers"] == 1
    stored = len(_stored_hashes(st))
    assert summary["done"] == stored and 20 <= stored < N_ARTICLES
    with db.read(st.engine) as conn:
        assert conn.execute(sa.select(S.bulk_runs_t.c.status)).scalar_one() == "interrupted"
    s = _bulk(st, dask_client, corpus["parquet"])
    assert (s.done, s.skipped, s.failed) == (N_ARTICLES - stored, stored, 0)
    assert_same_contents(contents(st), reference("records"))


# ---------------------------------------------------------------------------- failures
def _mixed_jsonl(corpus, path):
    good = corpus["articles"][:12]

    def line(a):
        return json.dumps(a, ensure_ascii=False).encode("utf-8")

    bad = [
        (b'\xff\xfe{"text": "not UTF-8"}', "not UTF-8"),
        (b'{"text": "unterminated', "bad JSON"),
        (line({"url": "https://x.example/1"}), "no 'text' field"),
        (line({"text": 42}), "not a string"),
        (line({"text": "   "}), "empty"),
        (line({"text": "binary \u0000 data"}), "binary"),
        (line({**good[6], "published": "2024-13-45"}), "not a calendar date"),
        (line({**good[7], "text": good[7]["text"] + " EXPLODE"}), "blew up on purpose"),
        (line({**good[8], "lang": "xx"}), "unknown language"),
    ]
    lines = [line(a) for a in good[:6]] + [b for b, _ in bad]
    lines += [line(a) for a in good[9:12]] + [line(good[0])]  # the last one: a repeat
    path.write_bytes(b"\n".join(lines) + b"\n")
    expected = {f"line {7 + i}": msg for i, (_, msg) in enumerate(bad)}
    return expected


def test_failures_are_recorded_and_the_run_goes_on(
    new_db, open_store, dask_client, corpus, tmp_path, capsys
):
    from service.cli import main

    d = new_db()
    st = open_store(d)
    path = tmp_path / "mixed.jsonl"
    expected = _mixed_jsonl(corpus, path)
    s = _bulk(st, dask_client, path, batch_size=5, task_size=2, extractor=EXPLODING)
    assert s.status == "finished"
    assert (s.done, s.failed, s.skipped, s.duplicates) == (9, 9, 1, 1)
    assert st.counts()["sources"] == 9
    key = open_source(path).key
    recorded = {f["item"]: f["error"] for f in S.failures(st.engine, key)}
    assert set(recorded) == set(expected)
    for item, msg in expected.items():
        assert msg in recorded[item], (item, recorded[item])
    assert {e["item"] for e in s.errors} == set(expected)
    # the CLI lists them
    capsys.readouterr()
    assert main(["ingest-bulk", str(path), "--database", d.cli_url, "--show-failures"]) == 0
    listed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {r["item"] for r in listed} == set(expected)
    # resume: nothing is tried again
    s2 = _bulk(st, dask_client, path, extractor=EXPLODING)
    assert (s2.done, s2.failed, s2.skipped) == (0, 0, 19)
    # restart: failed articles are tried again (and fail again); stored ones stay skipped
    s3 = _bulk(st, dask_client, path, extractor=EXPLODING, resume=False)
    assert (s3.done, s3.failed, s3.skipped) == (0, 9, 10)
    assert st.counts()["sources"] == 9


def test_an_article_the_database_refuses_fails_alone(
    new_db, open_store, dask_client, corpus, tmp_path, monkeypatch
):
    from service.bulk import runner

    arts = corpus["articles"][:10]
    poison = arts[3]["url"]
    path = tmp_path / "ten.jsonl"
    path.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8"
    )

    def refused():
        return sa.exc.IntegrityError("INSERT …", {}, Exception("refused by the database"))

    real_batch, real_one = runner.write_batch, Store.write_prepared

    def picky_batch(store, conn, preps, rows):
        out = real_batch(store, conn, preps, rows)
        if any(p.source_row["url"] == poison for p in preps):
            raise refused()  # after writing: the transaction must undo it all
        return out

    def picky_one(self, conn, prep, rows):
        res = real_one(self, conn, prep, rows)
        if prep.source_row["url"] == poison:
            raise refused()  # after writing: the savepoint must undo it
        return res

    monkeypatch.setattr(runner, "write_batch", picky_batch)
    monkeypatch.setattr(Store, "write_prepared", picky_one)
    st = open_store(new_db())
    s = _bulk(st, dask_client, path, batch_size=4, task_size=2)
    assert (s.done, s.failed, s.status) == (9, 1, "finished")
    assert [e["item"] for e in s.errors] == ["line 4"]
    assert "refused by the database" in s.errors[0]["error"]
    assert {x["url"] for x in st.sources()} == {a["url"] for a in arts} - {poison}
    n_obs = st.counts()["observations"]
    assert n_obs == s.observations  # nothing of the refused article is left behind


def test_bad_sources_are_input_errors(tmp_path, capsys):
    from service.cli import main

    assert main(["ingest-bulk", str(tmp_path / "missing.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
    (tmp_path / "notes.csv").write_text("a,b\n")
    assert main(["ingest-bulk", str(tmp_path / "notes.csv")]) == 2
    assert "unsupported source" in capsys.readouterr().err


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # not database-specific
def test_work_in_flight_stays_bounded(
    backend, new_db, open_store, dask_client, corpus, monkeypatch
):
    """However long the source, at most ``window`` tasks of ``task_size`` articles are out,
    and the client holds at most one batch (plus one task's results) of prepared articles."""
    from service.bulk import runner

    seen = {"seqs": 0, "batch": 0}
    real_flush = runner._Run._flush

    def watching_flush(self):
        seen["seqs"] = max(seen["seqs"], len(self.seqs))
        seen["batch"] = max(seen["batch"], len(self.batch))
        seen["window"] = self.window
        return real_flush(self)

    monkeypatch.setattr(runner._Run, "_flush", watching_flush)
    st = open_store(new_db())
    s = _bulk(st, dask_client, corpus["jsonl"], batch_size=10, task_size=4)
    assert s.done == N_ARTICLES and s.batches >= N_ARTICLES // 14
    assert seen["window"] == max(4 * 2, 2 * 10 // 4 + 2 * 2)
    assert 0 < seen["seqs"] <= seen["window"] * 4
    assert seen["batch"] < 10 + 4
