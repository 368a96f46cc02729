"""``python -m service ingest-bulk SOURCE`` (see docs/BULK.md).

stdout: one JSON object, the run's summary (:meth:`BulkSummary.to_dict`); with
``--show-failures``, one JSON object per recorded failure instead.  stderr: the progress
bar and a human summary.  Exit status: 0 when the run finished or stopped at its time limit
(failed articles are recorded, not fatal), 130 when interrupted (Ctrl-C / SIGTERM: the
batch in hand is written first), 2 for bad input or an unreachable database or scheduler.
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

from ..cli import _print_json, command
from ..errors import DataError


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _seconds(value: str) -> float:
    try:
        s = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not s > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return s


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "source",
        metavar="SOURCE",
        help="a folder of .txt/.html articles, a .jsonl or a .parquet file",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running dask.distributed scheduler (default: a local cluster)",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="local cluster: worker processes, 1 thread each (default: CPUs)",
    )
    p.add_argument(
        "--batch-size",
        type=_positive,
        default=200,
        metavar="B",
        help="articles per write transaction (default 200)",
    )
    p.add_argument(
        "--task-size",
        type=_positive,
        default=32,
        metavar="K",
        help="articles per Dask task (default 32)",
    )
    p.add_argument(
        "--database",
        metavar="URL",
        help="store database (default $DATABASE_URL or the instance SQLite file)",
    )
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--resume",
        dest="resume",
        action="store_true",
        default=True,
        help="skip what earlier runs stored or recorded as failed (default)",
    )
    g.add_argument(
        "--restart",
        dest="resume",
        action="store_false",
        help="forget this source's progress records (failed articles are tried "
        "again; stored articles are still never duplicated)",
    )
    p.add_argument(
        "--time-limit",
        type=_seconds,
        metavar="SECONDS",
        help="stop cleanly after this long (resume later)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--show-failures",
        action="store_true",
        help="print the failures recorded for SOURCE (JSON lines) and exit",
    )
    p.add_argument("--extractor", metavar="MODULE:FUNCTION", help=argparse.SUPPRESS)


def _on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@command("ingest-bulk", _setup)
def _ingest_bulk(args: argparse.Namespace) -> int:
    """Ingest a large corpus with extraction on Dask (resumable; see docs/BULK.md)."""
    import sqlalchemy as sa

    from .sources import open_source

    src = open_source(args.source)
    if args.show_failures:
        from ..store.store import Store
        from .schema import failures

        with Store.open(args.database) as store:
            for row in failures(store.engine, src.key):
                _print_json(row)
        return 0

    from .runner import run_bulk

    old = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = run_bulk(
            src,
            database=args.database,
            scheduler=args.scheduler,
            workers=args.workers,
            batch_size=args.batch_size,
            task_size=args.task_size,
            resume=args.resume,
            progress=not args.no_progress,
            time_limit=args.time_limit,
            extractor=args.extractor,
        )
    except sa.exc.SQLAlchemyError as exc:
        raise DataError(
            f"database error, the run stopped (resume it later): "
            f"{str(getattr(exc, 'orig', None) or exc)[:300]}"
        ) from None
    finally:
        signal.signal(signal.SIGTERM, old)
    print(summary.text(), file=sys.stderr)
    _print_json(summary.to_dict())
    return 130 if summary.status == "interrupted" else 0
