"""The store's schema: SQLAlchemy 2 typed ORM models (one schema for SQLite and PostGIS).

Geometry is :class:`GeometryType`: a PostGIS ``geometry(GEOMETRY, 4326)`` column (GeoAlchemy2,
with a GiST index) on PostgreSQL and WKB in a BLOB on SQLite, where the ``minx/miny/maxx/maxy``
columns (indexed) serve bounding-box queries.  Python code always sees shapely geometries.

Tables
------
actors, actor_members
    The registry of :mod:`service.actors`, mirrored so claims have a foreign key.
places
    Only the places the store references (copied from the gazetteer with their ancestors on
    first use) and analyst-added places (``custom:<slug>``).
sources
    Articles (with full text and content hash), references cited by scenarios, scenarios.
series
    One row per (actor, place) the store has anything about: the unit of a posture row.
observations
    Reported claims: a force level of an actor at a place as of a date, with its quote.
plans, phases, moves
    Named plans, their ordered phases and the planned moves of each phase.

The Alembic migrations in ``service/store/migrations`` create exactly this schema (a test
compares them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import geoalchemy2  # noqa: F401 - registers its DDL hooks before any table is created
import sqlalchemy as sa
from geoalchemy2 import Geometry, WKBElement
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import LargeBinary, TypeDecorator

SRID = 4326


class GeometryType(TypeDecorator):
    """Shapely geometry ⇄ PostGIS geometry (PostgreSQL) or WKB bytes (other databases)."""

    impl = LargeBinary
    cache_ok = True
    #: GeoAlchemy2's DDL hooks look at this; the GiST index is created explicitly.
    spatial_index = False

    def load_dialect_impl(self, dialect):
        if dialect is not None and dialect.name == "postgresql":
            return dialect.type_descriptor(Geometry("GEOMETRY", srid=SRID, spatial_index=False))
        return LargeBinary() if dialect is None else dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect) -> Any:
        if value is None:
            return None
        import shapely

        wkb = value if isinstance(value, (bytes, bytearray)) else shapely.to_wkb(value)
        if dialect.name == "postgresql":
            return WKBElement(bytes(wkb), srid=SRID)
        return bytes(wkb)

    def process_result_value(self, value: Any, dialect) -> Any:
        if value is None:
            return None
        import shapely

        data = getattr(value, "data", value)  # WKBElement → bytes
        if isinstance(data, str):
            return shapely.from_wkb(bytes.fromhex(data))
        return shapely.from_wkb(bytes(data))


class Base(DeclarativeBase):
    """Declarative base of the store's models."""

    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


STATUS_SQL = "'present','reduced','withdrawn','advisory'"


class ActorRow(Base):
    """An actor of the registry (:mod:`service.actors`)."""

    __tablename__ = "actors"
    code: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    name_ar: Mapped[str | None] = mapped_column(sa.String(200))
    iso: Mapped[str | None] = mapped_column(sa.String(2))
    kind: Mapped[str] = mapped_column(sa.String(16))


class ActorMemberRow(Base):
    """Membership of a country in a coalition or alliance."""

    __tablename__ = "actor_members"
    group_code: Mapped[str] = mapped_column(
        sa.String(16), sa.ForeignKey("actors.code", ondelete="CASCADE"), primary_key=True
    )
    member_code: Mapped[str] = mapped_column(
        sa.String(16), sa.ForeignKey("actors.code", ondelete="CASCADE"), primary_key=True
    )


class PlaceRow(Base):
    """A place the store references (gazetteer copy or analyst-added)."""

    __tablename__ = "places"
    id: Mapped[str] = mapped_column(sa.String(160), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    name_ar: Mapped[str | None] = mapped_column(sa.String(300))
    kind: Mapped[str] = mapped_column(sa.String(16))
    subkind: Mapped[str | None] = mapped_column(sa.String(40))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    parent: Mapped[str | None] = mapped_column(sa.String(160))
    lon: Mapped[float] = mapped_column(sa.Float)
    lat: Mapped[float] = mapped_column(sa.Float)
    aliases: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    custom: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    source: Mapped[str | None] = mapped_column(sa.Text)
    geom: Mapped[Any] = mapped_column(GeometryType)
    minx: Mapped[float] = mapped_column(sa.Float)
    miny: Mapped[float] = mapped_column(sa.Float)
    maxx: Mapped[float] = mapped_column(sa.Float)
    maxy: Mapped[float] = mapped_column(sa.Float)
    geom_hash: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=_now)

    __table_args__ = (
        sa.Index("ix_places_bbox", "minx", "maxx", "miny", "maxy"),
        sa.Index("ix_places_country", "country"),
        sa.CheckConstraint(
            "kind in ('country','region','admin1','city','installation')", name="kind"
        ),
        sa.CheckConstraint(
            "lon >= -180 and lon <= 180 and lat >= -90 and lat <= 90", name="lonlat"
        ),
    )


class SourceRow(Base):
    """Where claims come from: an article, a cited reference, or an analyst's scenario."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    #: ``article:<sha256>``, ``ref:<sha256>``, ``scenario:<slug>``: the idempotency key.
    key: Mapped[str] = mapped_column(sa.String(120), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    outlet: Mapped[str | None] = mapped_column(sa.String(300))
    outlet_ar: Mapped[str | None] = mapped_column(sa.String(300))
    url: Mapped[str | None] = mapped_column(sa.Text)
    title: Mapped[str | None] = mapped_column(sa.Text)
    language: Mapped[str | None] = mapped_column(sa.String(8))
    published: Mapped[dt.date | None] = mapped_column(sa.Date)
    content_hash: Mapped[str | None] = mapped_column(sa.String(64))
    #: Sources with the same key are not independent (same outlet / same analyst).
    independence: Mapped[str] = mapped_column(sa.String(300))
    text: Mapped[str | None] = mapped_column(sa.Text)
    meta: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=_now)

    __table_args__ = (
        sa.CheckConstraint("kind in ('article','reference','scenario','analyst')", name="kind"),
    )


class SeriesRow(Base):
    """An (actor, place) pair the store knows something about."""

    __tablename__ = "series"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(sa.String(16), sa.ForeignKey("actors.code"))
    place_id: Mapped[str] = mapped_column(sa.String(160), sa.ForeignKey("places.id"))

    __table_args__ = (
        sa.UniqueConstraint("actor", "place_id"),
        sa.Index("ix_series_place_id", "place_id"),
    )


class ObservationRow(Base):
    """A reported claim: actor, place, as-of date, quantity, status, quote, source."""

    __tablename__ = "observations"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    series_id: Mapped[int] = mapped_column(sa.Integer, sa.ForeignKey("series.id"))
    actor: Mapped[str] = mapped_column(sa.String(16), sa.ForeignKey("actors.code"))
    place_id: Mapped[str] = mapped_column(sa.String(160), sa.ForeignKey("places.id"))
    #: The article or scenario whose ingest wrote this row (deleted together).
    origin_id: Mapped[int] = mapped_column(
        sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE")
    )
    #: Who made the claim (the article itself, or a reference a scenario cites).
    source_id: Mapped[int] = mapped_column(sa.Integer, sa.ForeignKey("sources.id"))
    #: ``level`` (stated force level), ``implied`` (presence implied by a planned move),
    #: ``event`` (dated historical statement).
    claim_type: Mapped[str] = mapped_column(sa.String(8))
    as_of: Mapped[dt.date] = mapped_column(sa.Date)
    as_of_precision: Mapped[str] = mapped_column(sa.String(8))
    as_of_approximate: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    #: First day the claim describes (start of the as-of period; end of it for events).
    valid_from: Mapped[dt.date] = mapped_column(sa.Date)
    count: Mapped[int | None] = mapped_column(sa.Integer)
    count_min: Mapped[int | None] = mapped_column(sa.Integer)
    count_max: Mapped[int | None] = mapped_column(sa.Integer)
    approximate: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    qualifier: Mapped[str | None] = mapped_column(sa.String(16))
    status: Mapped[str] = mapped_column(sa.String(12))
    location_precision: Mapped[str] = mapped_column(sa.String(16))
    quote: Mapped[str | None] = mapped_column(sa.Text)
    quote_start: Mapped[int | None] = mapped_column(sa.Integer)
    quote_end: Mapped[int | None] = mapped_column(sa.Integer)
    claim_key: Mapped[str] = mapped_column(sa.String(40))
    confirmed: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=_now)

    __table_args__ = (
        sa.UniqueConstraint("origin_id", "claim_key"),
        sa.Index("ix_observations_series_valid", "series_id", "valid_from"),
        sa.Index("ix_observations_valid_from", "valid_from"),
        sa.Index("ix_observations_source_id", "source_id"),
        sa.CheckConstraint(f"status in ({STATUS_SQL})", name="status"),
        sa.CheckConstraint("claim_type in ('level','implied','event')", name="claim_type"),
        sa.CheckConstraint(
            "(count is null or count >= 0) and (count_min is null or "
            "count_min >= 0) and (count_max is null or count_max >= 0)",
            name="counts_nonneg",
        ),
        sa.CheckConstraint(
            "count_min is null or count_max is null or count_min <= count_max", name="count_order"
        ),
    )


class PlanRow(Base):
    """A named plan ("Coalition transition 2024–2026")."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(sa.String(160), unique=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    #: ``article`` (built from an article's movements) or ``scenario`` (analyst file).
    kind: Mapped[str] = mapped_column(sa.String(16))
    origin_id: Mapped[int] = mapped_column(
        sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE")
    )
    source_id: Mapped[int | None] = mapped_column(sa.Integer, sa.ForeignKey("sources.id"))
    #: The date the plan was stated (its moves project from then on).
    start: Mapped[dt.date | None] = mapped_column(sa.Date)
    description: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=_now)


class PhaseRow(Base):
    """An ordered phase of a plan, with its deadline."""

    __tablename__ = "phases"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(sa.Integer)
    name: Mapped[str] = mapped_column(sa.String(300))
    deadline: Mapped[dt.date | None] = mapped_column(sa.Date)
    deadline_precision: Mapped[str | None] = mapped_column(sa.String(8))
    deadline_approximate: Mapped[bool] = mapped_column(sa.Boolean, default=False)

    __table_args__ = (sa.UniqueConstraint("plan_id", "ordinal"),)


class MoveRow(Base):
    """A planned move of a phase: withdraw, reduce, remain, relocate, arrive, increase."""

    __tablename__ = "moves"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"))
    phase_id: Mapped[int] = mapped_column(
        sa.Integer, sa.ForeignKey("phases.id", ondelete="CASCADE")
    )
    ordinal: Mapped[int] = mapped_column(sa.Integer)
    actor: Mapped[str] = mapped_column(sa.String(16), sa.ForeignKey("actors.code"))
    action: Mapped[str] = mapped_column(sa.String(12))
    place_id: Mapped[str] = mapped_column(sa.String(160), sa.ForeignKey("places.id"))
    to_place_id: Mapped[str | None] = mapped_column(sa.String(160), sa.ForeignKey("places.id"))
    by: Mapped[dt.date | None] = mapped_column(sa.Date)
    by_precision: Mapped[str | None] = mapped_column(sa.String(8))
    by_approximate: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    #: ``all``, ``rest`` (the remaining forces) or ``part``; none: not stated.
    scope: Mapped[str | None] = mapped_column(sa.String(8))
    #: ``planned`` moves project; ``possible`` / ``demanded`` ones are kept but do not.
    modality: Mapped[str] = mapped_column(sa.String(12), default="planned")
    #: The status the move leaves the place in when the text says (e.g. ``advisory``).
    status: Mapped[str | None] = mapped_column(sa.String(12))
    count: Mapped[int | None] = mapped_column(sa.Integer)
    count_min: Mapped[int | None] = mapped_column(sa.Integer)
    count_max: Mapped[int | None] = mapped_column(sa.Integer)
    approximate: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    qualifier: Mapped[str | None] = mapped_column(sa.String(16))
    source_id: Mapped[int] = mapped_column(sa.Integer, sa.ForeignKey("sources.id"))
    quote: Mapped[str | None] = mapped_column(sa.Text)
    quote_start: Mapped[int | None] = mapped_column(sa.Integer)
    quote_end: Mapped[int | None] = mapped_column(sa.Integer)
    confirmed: Mapped[bool] = mapped_column(sa.Boolean, default=False)

    __table_args__ = (
        sa.Index("ix_moves_plan_id", "plan_id"),
        sa.CheckConstraint(
            "action in ('withdraw','reduce','remain','relocate','arrive','increase')", name="action"
        ),
        sa.CheckConstraint(f"status is null or status in ({STATUS_SQL})", name="status"),
        sa.CheckConstraint(
            "(count is null or count >= 0) and (count_min is null or "
            "count_min >= 0) and (count_max is null or count_max >= 0)",
            name="counts_nonneg",
        ),
    )


# The GiST index on places.geom exists on PostgreSQL only (created by the migration; this
# DDL hook does the same for ``metadata.create_all``).
sa.event.listen(
    PlaceRow.__table__,
    "after_create",
    sa.DDL(
        "CREATE INDEX IF NOT EXISTS ix_places_geom_gist ON %(table)s USING gist (geom)"
    ).execute_if(dialect="postgresql"),
)

TABLES = Base.metadata.tables
actors_t = ActorRow.__table__
actor_members_t = ActorMemberRow.__table__
places_t = PlaceRow.__table__
sources_t = SourceRow.__table__
series_t = SeriesRow.__table__
observations_t = ObservationRow.__table__
plans_t = PlanRow.__table__
phases_t = PhaseRow.__table__
moves_t = MoveRow.__table__
