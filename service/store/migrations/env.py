"""Alembic environment for the store.

Used two ways: ``python -m service db upgrade`` / ``Store.open()`` pass an open connection in
``config.attributes["connection"]`` (inside the caller's transaction); the ``alembic`` command
line (``alembic.ini`` at the project root) connects to ``sqlalchemy.url``, else
``DATABASE_URL``, else the instance SQLite file.
"""

from __future__ import annotations

from alembic import context

from service.store.schema import Base

config = context.config
if config.config_file_name is not None and "connection" not in config.attributes:
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = Base.metadata


def _include_object(obj, name, type_, reflected, compare_to):
    # PostGIS' own tables (spatial_ref_sys …) are not ours.
    if type_ == "table" and reflected and compare_to is None:
        return False
    # The GiST index exists on PostgreSQL only and is created by the migration itself.
    return not (type_ == "index" and name == "ix_places_geom_gist")


def _configure(connection) -> None:
    from service.store.db import version_table_schema

    context.configure(
        connection=connection,
        version_table_schema=version_table_schema(connection),
        target_metadata=target_metadata,
        transactional_ddl=True,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=_include_object,
    )


def run_migrations_offline() -> None:
    from service.store.db import default_url

    url = config.get_main_option("sqlalchemy.url") or default_url()
    context.configure(
        url=url, target_metadata=target_metadata, literal_binds=True, transactional_ddl=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from service.store.db import default_url, make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or default_url())
    with engine.connect() as conn:
        conn = conn.execution_options(tpm_write=True)
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
