"""The bulk-ingest progress tables (in the store's database, beside the store's tables).

bulk_runs
    One row per ``ingest-bulk`` run: the source, status (``running``, ``finished``,
    ``interrupted``, ``failed``), counters updated with every batch, timings.
bulk_items
    One row per article a run wrote or failed on, keyed by (source key, content hash):
    ``done`` with the article's ``source_id``, or ``failed`` with the error.  Written in the
    same transaction as the batch's claims, so progress and claims never disagree.

They are not part of the store's schema (no Alembic migration): :func:`ensure_tables`
creates them when a bulk run starts, and dropping them loses only the progress record
(articles are still skipped by their content hash).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

metadata = sa.MetaData()

bulk_runs_t = sa.Table(
    "bulk_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source_key", sa.String(32), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("scheduler", sa.Text),
    sa.Column("workers", sa.Integer),
    sa.Column("done", sa.Integer, nullable=False, default=0),
    sa.Column("skipped", sa.Integer, nullable=False, default=0),
    sa.Column("failed", sa.Integer, nullable=False, default=0),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("elapsed_s", sa.Float),
    sa.Index("ix_bulk_runs_source_key", "source_key"),
)

bulk_items_t = sa.Table(
    "bulk_items",
    metadata,
    sa.Column("source_key", sa.String(32), primary_key=True),
    sa.Column("content_hash", sa.String(64), primary_key=True),
    sa.Column("item", sa.Text, nullable=False),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("source_id", sa.Integer),
    sa.Column("run_id", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status in ('done','failed')", name="ck_bulk_items_status"),
    sa.Index("ix_bulk_items_run_status", "run_id", "status"),
)

ERROR_CHARS = 2000


def ensure_tables(engine: Engine) -> None:
    """Create the progress tables if they are missing (idempotent)."""
    from ..store import db

    def _do(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":  # two runs starting at once
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x74706D5F626C6B})
        metadata.create_all(conn, checkfirst=True)

    db.run_write(engine, _do)


def upsert_items(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert or replace ``bulk_items`` rows (by source key and content hash)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # one row per key (a source may hold the same text twice): the last one wins
    uniq = {(r["source_key"], r["content_hash"]): r for r in rows}
    stmt = insert(bulk_items_t)
    stmt = stmt.on_conflict_do_update(
        index_elements=["source_key", "content_hash"],
        set_={
            c: stmt.excluded[c]
            for c in ("item", "status", "error", "source_id", "run_id", "updated_at")
        },
    )
    conn.execute(stmt, list(uniq.values()))


def item_row(
    source_key: str,
    content_hash: str,
    item: str,
    status: str,
    run_id: int,
    *,
    error: str | None = None,
    source_id: int | None = None,
) -> dict[str, Any]:
    return {
        "source_key": source_key,
        "content_hash": content_hash,
        "item": item[:1000],
        "status": status,
        "error": error[:ERROR_CHARS] if error else None,
        "source_id": source_id,
        "run_id": run_id,
        "updated_at": dt.datetime.now(dt.UTC),
    }


def failures(engine: Engine, source_key: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The recorded failures of a source (oldest first): item, content hash, error, run."""
    from ..store import db

    t = bulk_items_t
    q = (
        sa.select(t.c.item, t.c.content_hash, t.c.error, t.c.run_id, t.c.updated_at)
        .where(t.c.source_key == source_key, t.c.status == "failed")
        .order_by(t.c.updated_at, t.c.item)
    )
    if limit:
        q = q.limit(limit)
    with db.read(engine) as conn:
        if not sa.inspect(conn).has_table("bulk_items"):
            return []
        rows = conn.execute(q).all()
    return [
        {
            "item": r.item,
            "content_hash": r.content_hash,
            "error": r.error,
            "run_id": r.run_id,
            "at": r.updated_at.isoformat() if r.updated_at else None,
        }
        for r in rows
    ]
