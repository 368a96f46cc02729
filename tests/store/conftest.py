"""Store fixtures: every test gets its own database, on SQLite and on PostgreSQL + PostGIS.

The PostGIS backend is ``$TPM_TEST_POSTGRES_URL`` (``scripts/ci_postgres.sh`` prints it);
without it those tests skip — except in CI (``CI=true``), where they fail.  Each PostGIS test
runs in a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import require
from tests.store.seedfake import seed_extraction

PG_ENV = "TPM_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgis")


class DB:
    """Where a test's database is: ``url`` and (PostgreSQL) ``schema``."""

    def __init__(self, backend: str, url: str, schema: str | None) -> None:
        self.backend = backend
        self.url = url
        self.schema = schema

    @property
    def cli_url(self) -> str:
        """A DATABASE_URL that selects the schema by itself (for the CLI / subprocesses)."""
        if not self.schema:
            return self.url
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options=-csearch_path%3D{self.schema}%2Cpublic"


def _create_schema(url: str, schema: str) -> None:
    import sqlalchemy as sa

    from service.store.db import normalize_url

    eng = sa.create_engine(normalize_url(url))
    try:
        with eng.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    finally:
        eng.dispose()


def _drop_schema(url: str, schema: str) -> None:
    import sqlalchemy as sa

    from service.store.db import normalize_url

    eng = sa.create_engine(normalize_url(url))
    try:
        with eng.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        eng.dispose()


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield DB("sqlite", f"sqlite:///{tmp_path / 'tpm.sqlite'}", None)
        return
    url = os.environ.get(PG_ENV, "").strip()
    require(bool(url), f"{PG_ENV} is not set (run scripts/ci_postgres.sh)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    _create_schema(url, schema)
    yield DB("postgis", url, schema)
    _drop_schema(url, schema)


@pytest.fixture
def make_store(db, mini_gaz):
    """``make_store(extractor=...)`` opens (and migrates) a store on the test database."""
    from service.store import Store

    opened = []

    def make(extractor=seed_extraction, gazetteer=None, migrate=True):
        st = Store.open(
            db.url,
            schema=db.schema,
            gazetteer=gazetteer or mini_gaz,
            extractor=extractor,
            migrate=migrate,
        )
        opened.append(st)
        return st

    yield make
    for st in opened:
        st.close()


@pytest.fixture
def fresh_store(request, tmp_path, mini_gaz):
    """``fresh_store()`` opens a store on another new, empty database of the same backend."""
    from service.store import Store

    backend = request.node.callspec.params["db"]
    opened, schemas = [], []

    def make(extractor=seed_extraction):
        if backend == "sqlite":
            url, schema = f"sqlite:///{tmp_path / f'other{len(opened)}.sqlite'}", None
        else:
            url, schema = os.environ[PG_ENV].strip(), f"t_{uuid.uuid4().hex[:12]}"
            schemas.append(schema)
        st = Store.open(url, schema=schema, gazetteer=mini_gaz, extractor=extractor)
        opened.append(st)
        return st

    yield make
    for st in opened:
        st.close()
    for schema in schemas:
        _drop_schema(os.environ[PG_ENV].strip(), schema)


@pytest.fixture
def store(make_store):
    """A migrated store with the mini gazetteer and the hand-built seed extraction."""
    return make_store()
