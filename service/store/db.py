"""Engines, transactions and migrations for the store (SQLite and PostgreSQL + PostGIS).

* SQLite: WAL journal, a busy timeout, foreign keys on, and explicit ``BEGIN IMMEDIATE`` for
  write transactions, so concurrent writers queue instead of failing half-way; a write that
  still hits "database is locked" is retried.
* PostgreSQL: ``READ COMMITTED`` with unique constraints and ``ON CONFLICT`` for idempotency;
  serialization failures and deadlocks are retried.  Migrations take an advisory lock.

Nothing here runs at import time.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import DataError, InputError

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_RETRIES = 8
_MIGRATION_LOCK_KEY = 0x74706D5F6D6967  # "tpm_mig"


def project_root() -> Path:
    """``<project>`` (the package lives in ``<project>/service``)."""
    return Path(__file__).resolve().parents[2]


def instance_path() -> Path:
    """The instance folder: ``$TPM_INSTANCE_PATH`` or ``<project>/instance``."""
    env = os.environ.get("TPM_INSTANCE_PATH")
    return Path(env) if env else project_root() / "instance"


def default_url() -> str:
    """``$DATABASE_URL``, else the SQLite file ``<instance>/tpm.sqlite``."""
    env = os.environ.get("DATABASE_URL", "").strip()
    if env:
        return normalize_url(env)
    return f"sqlite:///{instance_path() / 'tpm.sqlite'}"


def normalize_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` (use psycopg 3) as well as SQLAlchemy URLs."""
    url = url.strip()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str | None = None, *, schema: str | None = None, echo: bool = False) -> Engine:
    """Create an engine for ``url`` (default :func:`default_url`) with the store's settings.

    Parameters
    ----------
    url : str, optional
        SQLAlchemy URL; ``sqlite:///path`` or ``postgresql+psycopg://…``.
    schema : str, optional
        PostgreSQL only: put this schema first on the search path (created if missing);
        ``public`` stays on the path for PostGIS.  Used to isolate tests.
    """
    url = normalize_url(url or default_url())
    try:
        parsed = sa.engine.make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise InputError("the database URL is malformed") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed, echo=echo)
    if backend == "postgresql":
        return _pg_engine(parsed, schema=schema, echo=echo)
    raise InputError(f"unsupported database {backend!r} (use sqlite or postgresql)")


def _sqlite_engine(parsed: sa.URL, *, echo: bool) -> Engine:
    db = parsed.database
    if db and db != ":memory:" and not db.startswith("file:"):
        Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        parsed,
        echo=echo,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if db and db != ":memory:":
            for _ in range(50):
                try:
                    cur.execute("PRAGMA journal_mode = WAL")
                    break
                except sqlite3.OperationalError:  # another process is switching it
                    time.sleep(0.05)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("tpm_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _pg_engine(parsed: sa.URL, *, schema: str | None, echo: bool) -> Engine:
    connect_args: dict[str, Any] = {"connect_timeout": 10}
    if schema:
        if not schema.replace("_", "").isalnum():
            raise InputError("schema names may contain only letters, digits and _")
        connect_args["options"] = f"-csearch_path={schema},public"
    engine = sa.create_engine(parsed, echo=echo, connect_args=connect_args, pool_pre_ping=True)
    if schema:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    return engine


# ------------------------------------------------------------------------------ transactions
def _retryable(exc: BaseException, dialect: str) -> bool:
    if not isinstance(exc, sa.exc.DBAPIError):
        return False
    if dialect == "sqlite":
        msg = str(exc.orig).lower()
        return "locked" in msg or "busy" in msg
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in ("40001", "40P01")


def run_write(engine: Engine, fn: Callable[[Connection], T], *, retries: int = WRITE_RETRIES) -> T:
    """Run ``fn(conn)`` in one write transaction; retry on lock/serialization errors.

    All of ``fn``'s writes commit together or not at all.
    """
    delay = 0.05
    for attempt in range(retries + 1):
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(tpm_write=True)
                with conn.begin():
                    return fn(conn)
        except sa.exc.DBAPIError as exc:
            if attempt < retries and _retryable(exc, engine.dialect.name):
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 2.0)
                continue
            raise
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read transaction (a consistent snapshot on both backends)."""
    with engine.connect() as conn, conn.begin():
        yield conn


def insert_ignore(
    conn: Connection,
    table: sa.Table,
    rows: list[dict[str, Any]] | dict,
    index_elements: list[str] | None = None,
) -> None:
    """``INSERT … ON CONFLICT DO NOTHING`` on either backend."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).on_conflict_do_nothing(index_elements=index_elements)
    conn.execute(stmt, rows)


def insert_ignore_returning(
    conn: Connection, table: sa.Table, row: dict[str, Any], index_elements: list[str]
) -> int | None:
    """Insert one row unless it conflicts; return its new ``id`` or ``None`` on conflict."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = (
        insert(table)
        .values(**row)
        .on_conflict_do_nothing(index_elements=index_elements)
        .returning(table.c.id)
    )
    return conn.execute(stmt).scalar_one_or_none()


def minus_days(conn_or_dialect: Any, expr: Any, days: int) -> Any:
    """SQL for ``expr - days`` on a DATE column, portable across the two backends."""
    name = getattr(conn_or_dialect, "name", None) or conn_or_dialect.dialect.name
    if name == "sqlite":
        return sa.func.date(expr, f"-{int(days)} days")
    return expr - sa.literal(int(days))


# ------------------------------------------------------------------------------ migrations
def alembic_config(engine: Engine | None = None):
    """An Alembic config pointing at ``service/store/migrations`` (no ini file needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    if engine is not None:
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


def head_revision() -> str:
    """The newest migration revision."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def version_table_schema(conn: Connection) -> str | None:
    """PostgreSQL: the schema the tables go to (the first on the search path), so that an
    ``alembic_version`` table further down the path (e.g. in ``public``) is never mistaken
    for this schema's."""
    if conn.dialect.name != "postgresql":
        return None
    return conn.exec_driver_sql("SELECT current_schema()").scalar_one()


def current_revision(engine: Engine) -> str | None:
    """The database's migration revision (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        opts = {"version_table_schema": version_table_schema(conn)}
        return MigrationContext.configure(conn, opts=opts).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Bring the schema up to ``revision`` (idempotent, safe with concurrent callers).

    Returns
    -------
    str or None
        The revision the database is at afterwards.
    """
    from alembic import command

    head = head_revision()
    if revision == "head" and current_revision(engine) == head:
        return head
    cfg = alembic_config(engine)

    def _do(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)

    try:
        run_write(engine, _do)
    except sa.exc.OperationalError as exc:
        raise DataError(
            "the database could not be migrated (is it reachable and writable?)"
        ) from exc
    return current_revision(engine)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Migrate down to ``revision`` (used by the migration tests)."""
    from alembic import command

    cfg = alembic_config(engine)

    def _do(conn: Connection) -> None:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)

    run_write(engine, _do)
