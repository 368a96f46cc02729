"""Alembic migrations: real, idempotent, equal to the ORM schema, safe when concurrent."""

from __future__ import annotations

import subprocess
import sys

import sqlalchemy as sa

from service.store import db as dbmod
from service.store.schema import Base
from tests.conftest import ROOT

TABLES = {
    "actors",
    "actor_members",
    "places",
    "sources",
    "series",
    "observations",
    "plans",
    "phases",
    "moves",
}


def _engine(db):
    return dbmod.make_engine(db.url, schema=db.schema)


def test_upgrade_creates_the_schema_and_is_idempotent(db):
    eng = _engine(db)
    try:
        assert dbmod.current_revision(eng) is None
        head = dbmod.head_revision()
        assert dbmod.upgrade(eng) == head
        assert dbmod.upgrade(eng) == head
        names = set(sa.inspect(eng).get_table_names())
        assert TABLES | {"alembic_version"} <= names
    finally:
        eng.dispose()


def test_migrations_match_the_orm_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    eng = _engine(db)
    try:
        dbmod.upgrade(eng)
        with eng.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": False,
                    "include_object": lambda o, n, t, r, c: (
                        not (
                            (t == "table" and r and c is None)
                            or (t == "index" and n == "ix_places_geom_gist")
                        )
                    ),
                },
            )
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
    finally:
        eng.dispose()


def test_downgrade_and_upgrade_again(db):
    eng = _engine(db)
    try:
        dbmod.upgrade(eng)
        dbmod.downgrade(eng, "base")
        assert not (TABLES & set(sa.inspect(eng).get_table_names()))
        dbmod.upgrade(eng)
        assert set(sa.inspect(eng).get_table_names()) >= TABLES
    finally:
        eng.dispose()


def test_postgis_geometry_column_and_gist_index(db):
    eng = _engine(db)
    try:
        dbmod.upgrade(eng)
        if eng.dialect.name != "postgresql":
            cols = {c["name"]: c for c in sa.inspect(eng).get_columns("places")}
            assert "geom" in cols and "minx" in cols
            return
        with eng.connect() as conn:
            typ = conn.exec_driver_sql(
                "select format_type(atttypid, atttypmod) from pg_attribute "
                "where attrelid = 'places'::regclass and attname = 'geom'"
            ).scalar_one()
            idx = conn.exec_driver_sql(
                "select indexdef from pg_indexes where indexname = 'ix_places_geom_gist'"
                f" and schemaname = '{db.schema}'"
            ).scalar_one()
        assert typ == "geometry(Geometry,4326)"
        assert "gist" in idx.lower()
    finally:
        eng.dispose()


def test_store_open_migrates_and_syncs_actors(make_store):
    st = make_store()
    with st.engine.connect() as conn:
        n = conn.exec_driver_sql("select count(*) from actors").scalar_one()
        m = conn.exec_driver_sql(
            "select count(*) from actor_members where group_code = 'COALITION' and "
            "member_code in ('US', 'GB', 'FR', 'DE', 'IT', 'ES')"
        ).scalar_one()
    from service.actors import ACTORS

    assert n == len(ACTORS) and m == 6


def test_db_upgrade_cli(db, monkeypatch, capsys):
    from service.cli import main

    monkeypatch.setenv("DATABASE_URL", db.cli_url)
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert '"revision": "0001"' in out
    assert main(["db", "current"]) == 0


def test_concurrent_open_of_a_fresh_database(db):
    code = (
        "import sys; from service.store import Store; "
        "Store.open(sys.argv[1], schema=sys.argv[2] or None, migrate=True).close()"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, db.url, db.schema or ""], cwd=ROOT, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()[-2000:]
    eng = _engine(db)
    try:
        assert dbmod.current_revision(eng) == dbmod.head_revision()
    finally:
        eng.dispose()


def test_alembic_command_line(tmp_path):
    """The plain ``alembic`` tool works with the project's alembic.ini."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    res = subprocess.run(
        [sys.executable, "-m", "alembic", "-x", "unused=1", "upgrade", "head"],
        cwd=ROOT,
        env={**_env(), "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    eng = dbmod.make_engine(url)
    try:
        assert dbmod.current_revision(eng) == dbmod.head_revision()
    finally:
        eng.dispose()


def _env():
    import os

    return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
