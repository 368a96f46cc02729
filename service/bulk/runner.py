"""Bulk ingest: extraction in parallel on Dask, one writer, batches of one transaction each.

The client streams the source (:mod:`.sources`), skips what the database already has,
sends small chunks of articles to the workers (:func:`.worker.prepare_chunk`, at most
``window`` chunks in flight), and writes what comes back in batches of ``batch_size``
articles.  Each batch is one transaction holding the articles' claims *and* their rows in
the progress table, so a run that is killed at any moment loses at most the work in
flight, never half a batch, and a resumed run neither redoes nor duplicates stored work.

Flow of one article::

    source ─ read + content hash (client) ─┬─ already stored / failed before → skipped
                                           └─ prepare_chunk (worker: extract → rows)
                                                 └─ batch (client) → one transaction

An article that fails — unreadable, rejected by the extractor, or refused by the database —
is recorded in ``bulk_items`` with its error and the run goes on: a batch that cannot be
written whole is written again article by article (a savepoint each), so one bad article
costs only itself.  Losing the database connection stops the run (resume it later).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import math
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from ..errors import DataError, InputError
from ..store import db
from ..store.schema import places_t, sources_t
from ..store.store import Store, content_hash
from . import schema as S
from .progress import Progress
from .sources import Source, open_source
from .worker import error_text, place_rows, prepare_chunk, warm_up
from .writer import write_batch

log = logging.getLogger(__name__)

DEFAULT_BATCH = 200
DEFAULT_TASK = 32
LOOKUP_CHUNK = 256
MAX_ERRORS_KEPT = 20
LOW_LEVEL_LOG_LENGTH = 16


@dataclass
class BulkSummary:
    """What a bulk run did (``to_dict()`` is the JSON line ``ingest-bulk`` prints).

    ``done``: articles stored by this run; ``skipped``: already stored, failed in an earlier
    run, or repeated in the source; ``failed``: recorded with their error by this run.
    ``rate`` is articles processed (done + failed) per second of the ingest phase
    (``ingest_s``, after the cluster started); ``elapsed_s`` is the whole run.
    """

    run_id: int
    source: str
    source_key: str
    kind: str
    status: str
    total: int | None
    done: int = 0
    skipped: int = 0
    failed: int = 0
    duplicates: int = 0
    observations: int = 0
    moves: int = 0
    batches: int = 0
    workers: int = 0
    threads: int = 0
    scheduler: str | None = None
    startup_s: float = 0.0
    ingest_s: float = 0.0
    elapsed_s: float = 0.0
    rate: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("startup_s", "ingest_s", "elapsed_s", "rate"):
            d[k] = round(d[k], 3)
        return d

    def text(self) -> str:
        """A one-paragraph human summary."""
        lines = [
            f"ingest-bulk {self.status}: {self.done:,} stored, {self.skipped:,} skipped, "
            f"{self.failed:,} failed in {self.elapsed_s:,.1f} s "
            f"({self.rate:,.1f} articles/s on {self.workers} worker"
            f"{'s' if self.workers != 1 else ''}; {self.observations:,} observations, "
            f"{self.moves:,} moves)"
        ]
        for e in self.errors[:5]:
            lines.append(f"  failed: {e['item']}: {e['error'][:160]}")
        if self.failed > 5:
            lines.append(
                f"  … {self.failed - 5:,} more failures: ingest-bulk SOURCE --show-failures"
            )
        return "\n".join(lines)


@dataclass(slots=True)
class _Entry:
    ref: str
    chash: str
    prepared: Any = None
    error: str | None = None


@dataclass(slots=True)
class _Outcome:
    done: int = 0
    dup: int = 0
    failed: int = 0
    observations: int = 0
    moves: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)


def _connection_error(exc: BaseException) -> bool:
    """Errors that are the database's, not the article's: stop the run."""
    return isinstance(exc, (sa.exc.OperationalError, sa.exc.InterfaceError)) or bool(
        getattr(exc, "connection_invalidated", False)
    )


def run_bulk(
    source: str | os.PathLike | Source,
    *,
    database: str | None = None,
    store: Store | None = None,
    scheduler: str | None = None,
    client: Any = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    task_size: int = DEFAULT_TASK,
    window: int | None = None,
    resume: bool = True,
    progress: bool = True,
    time_limit: float | None = None,
    extractor: str | None = None,
) -> BulkSummary:
    """Ingest every article of ``source`` with extraction on Dask.

    Parameters
    ----------
    source : path or Source
        A folder of ``.txt``/``.html`` files, a ``.jsonl`` or a ``.parquet`` file.
    database : str, optional
        Store URL (default ``$DATABASE_URL`` / the instance SQLite file); or pass ``store``.
    scheduler : str, optional
        Address of a running ``dask.distributed`` scheduler; default: a ``LocalCluster``
        of ``workers`` processes with one thread each (``client`` reuses a connected one).
    batch_size : int
        Articles per write transaction.
    task_size : int
        Articles per Dask task.
    window : int, optional
        Tasks in flight at most (default from the number of worker threads and the batch).
    resume : bool
        Skip articles recorded as failed in an earlier run of this source (stored articles
        are always skipped); ``False`` forgets the source's progress records first.
    time_limit : float, optional
        Stop cleanly after this many seconds (status ``stopped``; resume later).
    extractor : str, optional
        ``module:function`` to use instead of :func:`service.extract.extract_article`.
    """
    if batch_size < 1 or task_size < 1 or (window is not None and window < 1):
        raise InputError("batch size, task size and window must be at least 1")
    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1")
    src = source if isinstance(source, Source) else open_source(source)
    own = store is None
    st = store if store is not None else Store.open(database)
    try:
        return _Run(
            src,
            st,
            batch_size=batch_size,
            task_size=task_size,
            window=window,
            resume=resume,
            progress=progress,
            time_limit=time_limit,
            extractor=extractor,
        ).run(scheduler=scheduler, client=client, workers=workers)
    finally:
        if own:
            st.close()


class _Run:
    def __init__(
        self,
        src: Source,
        store: Store,
        *,
        batch_size: int,
        task_size: int,
        window: int | None,
        resume: bool,
        progress: bool,
        time_limit: float | None,
        extractor: str | None,
    ) -> None:
        self.src = src
        self.store = store
        self.engine = store.engine
        self.batch_size = batch_size
        self.task_size = task_size
        self.window = window
        self.resume = resume
        self.show_progress = progress
        self.time_limit = time_limit
        self.extractor = extractor
        self.key = src.key
        self.run_id = 0
        self.client: Any = None
        self.progress = Progress(None, enabled=False)
        self.batch: list[_Entry] = []
        self.pending: set[str] = set()  # hashes read but not committed yet
        self.seqs: dict[int, tuple[str, str]] = {}  # in flight: seq → (ref, hash)
        self.known_places: set[str] = set()
        self.deadline: float | None = None
        self.done = self.skipped = self.failed = self.duplicates = 0
        self.observations = self.moves = self.batches = 0
        self.errors: list[dict[str, str]] = []

    # ------------------------------------------------------------------ the run
    def run(self, *, scheduler: str | None, client: Any, workers: int | None) -> BulkSummary:
        t0 = time.perf_counter()
        if self.time_limit is not None:
            self.deadline = t0 + self.time_limit
        S.ensure_tables(self.engine)
        if not self.resume:
            db.run_write(
                self.engine,
                lambda c: c.execute(
                    S.bulk_items_t.delete().where(S.bulk_items_t.c.source_key == self.key)
                ),
            )
        total = self.src.count()
        self.run_id = db.run_write(
            self.engine,
            lambda c: c.execute(
                S.bulk_runs_t.insert()
                .values(
                    source_key=self.key,
                    source=self.src.identity,
                    kind=self.src.kind,
                    status="running",
                    scheduler=scheduler,
                    done=0,
                    skipped=0,
                    failed=0,
                    started_at=dt.datetime.now(dt.UTC),
                )
                .returning(S.bulk_runs_t.c.id)
            ).scalar_one(),
        )
        summary = BulkSummary(
            self.run_id,
            self.src.identity,
            self.key,
            self.src.kind,
            "running",
            total,
            scheduler=scheduler,
        )
        status = "failed"
        cluster = None
        own_client = client is None
        t_ingest = t0
        try:
            if own_client:
                client, cluster = _connect(scheduler, workers)
            self.client = client
            nthreads = client.nthreads()
            if not nthreads:
                client.wait_for_workers(1, timeout=120)
                nthreads = client.nthreads()
            summary.workers = len(nthreads)
            summary.threads = sum(nthreads.values())
            summary.scheduler = scheduler or client.scheduler.address
            if self.window is None:
                # enough work queued to keep every worker busy while a batch is written
                self.window = max(
                    4 * summary.threads,
                    math.ceil(2 * self.batch_size / self.task_size) + 2 * summary.threads,
                )
            try:
                client.run(warm_up, self.extractor)
            except Exception as exc:
                raise DataError(
                    "the Dask workers cannot load the extractor and the gazetteer "
                    f"({error_text(exc)[:300]}); they need this project importable, with its "
                    "packages and data (see docs/BULK.md)"
                ) from None
            self.known_places = self._stored_place_ids()
            t_ingest = time.perf_counter()
            summary.startup_s = t_ingest - t0
            self.progress = Progress(total, enabled=self.show_progress)
            stopped = self._loop()
            self._flush()
            status = "stopped" if stopped else "finished"
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM from the CLI
            status = "interrupted"
            if self.batch and self.client is not None:
                # what the workers already sent back (a second Ctrl-C gives up: resume redoes it)
                with contextlib.suppress(KeyboardInterrupt):
                    self._flush()
        finally:
            summary.ingest_s = time.perf_counter() - t_ingest if t_ingest > t0 else 0.0
            self.progress.close()
            if own_client and client is not None:
                _close(client, cluster)
            summary.elapsed_s = time.perf_counter() - t0
            self._finish(summary, status)
        return summary

    def _finish(self, summary: BulkSummary, status: str) -> None:
        summary.status = status
        summary.done, summary.skipped, summary.failed = self.done, self.skipped, self.failed
        summary.duplicates = self.duplicates
        summary.observations, summary.moves = self.observations, self.moves
        summary.batches = self.batches
        summary.errors = self.errors[:MAX_ERRORS_KEPT]
        if summary.ingest_s > 0:
            summary.rate = (self.done + self.failed) / summary.ingest_s
        try:
            db.run_write(
                self.engine,
                lambda c: c.execute(
                    S.bulk_runs_t.update()
                    .where(S.bulk_runs_t.c.id == self.run_id)
                    .values(
                        status=status,
                        done=self.done,
                        skipped=self.skipped,
                        failed=self.failed,
                        workers=summary.workers,
                        scheduler=summary.scheduler,
                        finished_at=dt.datetime.now(dt.UTC),
                        elapsed_s=summary.elapsed_s,
                    )
                ),
            )
        except sa.exc.SQLAlchemyError:  # the database went away: the error is raised anyway
            log.warning("could not record the end of bulk run %s", self.run_id)

    def _out_of_time(self) -> bool:
        return self.deadline is not None and time.perf_counter() >= self.deadline

    def _loop(self) -> bool:
        """Submit chunks, collect results, write batches.  True when stopped by time."""
        from distributed import as_completed

        tasks = self._tasks()
        inflight: dict[str, list[int]] = {}
        ac = as_completed(loop=self.client.loop)

        def submit() -> bool:
            chunk = next(tasks, None)
            if chunk is None:
                return False
            fut = self.client.submit(prepare_chunk, chunk, self.extractor, pure=False)
            inflight[fut.key] = [c[0] for c in chunk]
            ac.add(fut)
            return True

        for _ in range(self.window or 1):
            if not submit():
                break
        for fut in ac:
            seqs = inflight.pop(fut.key)
            try:
                results = fut.result()
            except Exception as exc:  # the task itself failed (e.g. its worker died)
                msg = "the extraction task failed: " + error_text(exc)
                results = [(s, "error", msg) for s in seqs]
            fut.release()
            for seq, status, payload in results:
                ref, h = self.seqs.pop(seq)
                if status == "ok":
                    self.batch.append(_Entry(ref, h, prepared=payload))
                else:
                    self.batch.append(_Entry(ref, h, error=payload))
            if len(self.batch) >= self.batch_size:
                self._flush()
            if self._out_of_time():
                for other in list(ac.futures):
                    other.cancel()
                for seq in [s for ss in inflight.values() for s in ss]:
                    self.seqs.pop(seq, None)
                return True
            submit()
        return False

    # ------------------------------------------------------------------ reading
    def _tasks(self) -> Iterator[list[tuple[int, str, dict[str, Any]]]]:
        buf: list[tuple[int, str, dict[str, Any]]] = []
        for seq, text, meta in self._candidates():
            buf.append((seq, text, meta))
            if len(buf) >= self.task_size:
                yield buf
                buf = []
        if buf:
            yield buf

    def _candidates(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """Items to extract: not stored, not failed before, not seen earlier in this run."""
        seq = 0
        it = iter(self.src)
        while True:
            chunk = list(itertools.islice(it, LOOKUP_CHUNK))
            if not chunk:
                return
            hashed = []
            for item in chunk:
                if item.error is None:
                    try:
                        h = content_hash(item.text)
                    except Exception as exc:  # pragma: no cover - any str hashes
                        item.error = error_text(exc)
                        h = item.raw_hash or ""
                else:
                    h = item.raw_hash or ""
                hashed.append((item, h))
            stored, failed_before = self._lookup({h for _, h in hashed})
            skipped = 0
            for item, h in hashed:
                if h in stored or h in failed_before:
                    skipped += 1
                    continue
                if h in self.pending:
                    skipped += 1
                    self.duplicates += 1
                    continue
                self.pending.add(h)
                if item.error is not None:
                    self.batch.append(_Entry(item.ref, h, error=item.error))
                    continue
                seq += 1
                self.seqs[seq] = (item.ref, h)
                yield seq, item.text, item.meta
            if skipped:
                self.skipped += skipped
                self.progress.update(
                    skipped, done=self.done, skipped=self.skipped, failed=self.failed
                )
            if len(self.batch) >= self.batch_size:
                self._flush()

    def _lookup(self, hashes: set[str]) -> tuple[set[str], set[str]]:
        """Which hashes are stored articles, and which failed in an earlier run."""
        hashes.discard("")
        if not hashes:
            return set(), set()
        keys = [f"article:{h}" for h in sorted(hashes)]
        t = S.bulk_items_t
        with db.read(self.engine) as conn:
            stored = {
                k[len("article:") :]
                for k in conn.execute(
                    sa.select(sources_t.c.key).where(sources_t.c.key.in_(keys))
                ).scalars()
            }
            failed = set(
                conn.execute(
                    sa.select(t.c.content_hash).where(
                        t.c.source_key == self.key,
                        t.c.status == "failed",
                        t.c.content_hash.in_(sorted(hashes)),
                    )
                ).scalars()
            )
        return stored, failed

    def _stored_place_ids(self) -> set[str]:
        with db.read(self.engine) as conn:
            return set(conn.execute(sa.select(places_t.c.id)).scalars())

    # ------------------------------------------------------------------ writing
    def _place_rows(self, batch: list[_Entry]) -> dict[str, dict[str, Any]]:
        ids: set[str] = set()
        for e in batch:
            if e.prepared is not None:
                ids.update(e.prepared.place_ids)
        ids -= self.known_places
        if not ids:
            return {}
        rows = self.client.submit(place_rows, sorted(ids), pure=False).result()
        return {r["id"]: r for r in rows}

    def _flush(self) -> None:
        if not self.batch:
            return
        batch = self.batch
        rows = self._place_rows(batch)
        try:
            out = db.run_write(self.engine, lambda c: self._write(c, batch, rows, False))
        except Exception as exc:
            if _connection_error(exc):
                raise
            log.info("batch failed (%s); writing it article by article", error_text(exc))
            self.known_places = self._stored_place_ids()
            rows = self._place_rows(batch)
            out = db.run_write(self.engine, lambda c: self._write(c, batch, rows, True))
        self.batch = []
        self.known_places.update(rows)
        for e in batch:
            self.pending.discard(e.chash)
        self.done += out.done
        self.skipped += out.dup
        self.duplicates += out.dup
        self.failed += out.failed
        self.observations += out.observations
        self.moves += out.moves
        self.batches += 1
        room = MAX_ERRORS_KEPT - len(self.errors)
        if room > 0:
            self.errors.extend(out.errors[:room])
        self.progress.update(len(batch), done=self.done, skipped=self.skipped, failed=self.failed)

    def _write(
        self, conn: Any, batch: list[_Entry], rows: dict[str, dict[str, Any]], isolate: bool
    ) -> _Outcome:
        """One batch in the caller's transaction: all at once (:func:`.writer.write_batch`),
        or, with ``isolate``, article by article with the store's own ``write_prepared``, a
        savepoint each, recording the articles that fail."""
        out = _Outcome()
        items = []

        def failed(e: _Entry, msg: str) -> None:
            out.failed += 1
            out.errors.append({"item": e.ref, "error": msg})
            items.append(S.item_row(self.key, e.chash, e.ref, "failed", self.run_id, error=msg))

        if not isolate:
            oks = [e for e in batch if e.prepared is not None]
            results = dict(
                zip(
                    (id(e) for e in oks),
                    write_batch(self.store, conn, [e.prepared for e in oks], rows),
                    strict=True,
                )
            )
        for e in batch:
            if e.prepared is None:
                failed(e, e.error or "unknown error")
                continue
            if isolate:
                prow = [rows[i] for i in e.prepared.place_ids if i in rows]
                try:
                    with conn.begin_nested():
                        res = self.store.write_prepared(conn, e.prepared, prow)
                except Exception as exc:
                    if _connection_error(exc):
                        raise
                    failed(e, error_text(exc))
                    continue
            else:
                res = results[id(e)]
            if res.created:
                out.done += 1
                out.observations += res.counts.get("observations", 0)
                out.moves += res.counts.get("moves", 0)
            else:
                out.dup += 1
            items.append(
                S.item_row(self.key, e.chash, e.ref, "done", self.run_id, source_id=res.source_id)
            )
        S.upsert_items(conn, items)
        conn.execute(
            S.bulk_runs_t.update()
            .where(S.bulk_runs_t.c.id == self.run_id)
            .values(
                done=self.done + out.done,
                skipped=self.skipped + out.dup,
                failed=self.failed + out.failed,
            )
        )
        return out


# ---------------------------------------------------------------------------- Dask
def _connect(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    """A client on ``scheduler``, or on a new LocalCluster (processes, 1 thread each)."""
    import dask
    from distributed import Client, LocalCluster

    # Dask keeps the last `low-level-log-length` (default 1,000) messages of every comm for
    # debugging; here each message carries articles, so that log alone would grow to
    # hundreds of MB in the client (and in a local scheduler).  Keep it short.
    dask.config.set({"distributed.admin.low-level-log-length": LOW_LEVEL_LOG_LENGTH})
    if scheduler:
        try:
            return Client(scheduler, timeout="30s", set_as_default=False), None
        except (OSError, TimeoutError) as exc:
            raise InputError(
                f"cannot reach the Dask scheduler at {scheduler!r}: {str(exc)[:200]}"
            ) from None
    n = workers or os.cpu_count() or 1
    # no dashboard; the scheduler's small HTTP server (health, metrics) on a free port
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )
    try:
        return Client(cluster, set_as_default=False), cluster
    except BaseException:
        cluster.close()
        raise


def _close(client: Any, cluster: Any) -> None:
    with contextlib.suppress(Exception):  # best effort
        client.close(timeout=10)
    if cluster is not None:
        with contextlib.suppress(Exception):
            cluster.close(timeout=10)
