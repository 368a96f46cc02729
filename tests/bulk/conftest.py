"""Bulk-ingest fixtures: one local Dask cluster (2 worker processes on loopback), a generated
corpus in three formats, and a fresh store per test on SQLite and on PostgreSQL + PostGIS.

PostGIS comes from ``$TPM_TEST_POSTGRES_URL`` (``scripts/ci_postgres.sh``): without it those
tests skip, except in CI where they fail (:func:`tests.conftest.require`).
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import require
from tests.store.conftest import DB, PG_ENV, _create_schema, _drop_schema

N_ARTICLES = 150
SEED = 8
_REFERENCES: dict[tuple[str, str], dict] = {}  # (backend, kind) → contents; pure data


@pytest.fixture(scope="session")
def dask_client():
    """A LocalCluster of 2 worker processes (1 thread each) with the gazetteer loaded."""
    import logging

    from distributed import Client, LocalCluster

    from service.bulk.worker import warm_up

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )
    client = Client(cluster, set_as_default=False)
    try:
        client.run(warm_up)
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, gaz):
    """The generated articles (dicts) and the same corpus as a folder, JSONL and Parquet."""
    from service.bulk.corpus import generate_articles, write_folder, write_jsonl, write_parquet

    root = tmp_path_factory.mktemp("corpus")
    arts = list(generate_articles(N_ARTICLES, seed=SEED, gazetteer=gaz))
    write_folder(arts, root / "folder", html_share=0.25, seed=SEED, per_dir=60)
    write_jsonl(arts, root / "articles.jsonl")
    write_parquet(arts, root / "articles.parquet", row_group_size=40)
    return {
        "articles": arts,
        "folder": root / "folder",
        "jsonl": root / "articles.jsonl",
        "parquet": root / "articles.parquet",
        "root": root,
    }


@pytest.fixture(params=("sqlite", "postgis"))
def backend(request):
    if request.param == "postgis":
        require(
            bool(os.environ.get(PG_ENV, "").strip()),
            f"{PG_ENV} is not set (run scripts/ci_postgres.sh)",
        )
    return request.param


@pytest.fixture
def new_db(backend, tmp_path):
    """``new_db()`` is a fresh, empty database of the test's backend (a :class:`DB`)."""
    made: list[DB] = []

    def make() -> DB:
        if backend == "sqlite":
            d = DB("sqlite", f"sqlite:///{tmp_path / f'bulk{len(made)}.sqlite'}", None)
        else:
            url = os.environ[PG_ENV].strip()
            schema = f"t_{uuid.uuid4().hex[:12]}"
            _create_schema(url, schema)
            d = DB("postgis", url, schema)
        made.append(d)
        return d

    yield make
    for d in made:
        if d.schema:
            _drop_schema(d.url, d.schema)


@pytest.fixture
def open_store(gaz):
    """``open_store(db)`` opens (and migrates) a store with the bundled gazetteer."""
    from service.store import Store

    opened = []

    def make(d):
        st = Store.open(d.url, schema=d.schema, gazetteer=gaz)
        opened.append(st)
        return st

    yield make
    for st in opened:
        st.close()


@pytest.fixture
def reference(backend, new_db, open_store, corpus):
    """``reference(kind)``: what the one-process ingest stores for the corpus — ``folder``
    (``python -m service ingest FILE`` on every file) or ``records`` (the JSONL / Parquet
    records through ``Store.ingest_article``), on the test's backend (computed once)."""
    from service.store.cli import _ingest_file
    from tests.bulk.helpers import article_files, contents

    def make(kind: str):
        key = (backend, kind)
        if key not in _REFERENCES:
            st = open_store(new_db())
            if kind == "folder":
                for path in article_files(corpus["folder"]):
                    _ingest_file(st, path)
            else:
                for a in corpus["articles"]:
                    st.ingest_article(
                        a["text"],
                        published=a["published"],
                        url=a["url"],
                        outlet=a["outlet"],
                        title=a["title"],
                        lang=a["lang"],
                    )
            _REFERENCES[key] = contents(st)
        return _REFERENCES[key]

    return make
