"""Initial schema: actors, places, sources, series, observations, plans, phases, moves.

On PostgreSQL ``places.geom`` is a PostGIS ``geometry(GEOMETRY, 4326)`` with a GiST index; on
SQLite it is WKB in a BLOB and the indexed ``minx/miny/maxx/maxy`` columns serve bbox queries.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from service.store.schema import GeometryType

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_ar", sa.String(length=200), nullable=True),
        sa.Column("iso", sa.String(length=2), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_actors")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(length=160), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_ar", sa.String(length=300), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subkind", sa.String(length=40), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("parent", sa.String(length=160), nullable=True),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("geom", GeometryType(), nullable=False),
        sa.Column("minx", sa.Float(), nullable=False),
        sa.Column("miny", sa.Float(), nullable=False),
        sa.Column("maxx", sa.Float(), nullable=False),
        sa.Column("maxy", sa.Float(), nullable=False),
        sa.Column("geom_hash", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind in ('country','region','admin1','city','installation')",
            name=op.f("ck_places_kind"),
        ),
        sa.CheckConstraint(
            "lon >= -180 and lon <= 180 and lat >= -90 and lat <= 90", name=op.f("ck_places_lonlat")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_index("ix_places_bbox", "places", ["minx", "maxx", "miny", "maxy"])
    op.create_index("ix_places_country", "places", ["country"])
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_places_geom_gist", "places", ["geom"], postgresql_using="gist")

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("outlet", sa.String(length=300), nullable=True),
        sa.Column("outlet_ar", sa.String(length=300), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("independence", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind in ('article','reference','scenario','analyst')", name=op.f("ck_sources_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
    )
    op.create_table(
        "actor_members",
        sa.Column("group_code", sa.String(length=16), nullable=False),
        sa.Column("member_code", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_code"],
            ["actors.code"],
            name=op.f("fk_actor_members_group_code_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_code"],
            ["actors.code"],
            name=op.f("fk_actor_members_member_code_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_code", "member_code", name=op.f("pk_actor_members")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slug", sa.String(length=160), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["origin_id"],
            ["sources.id"],
            name=op.f("fk_plans_origin_id_sources"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_plans_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("slug", name=op.f("uq_plans_slug")),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("place_id", sa.String(length=160), nullable=False),
        sa.ForeignKeyConstraint(["actor"], ["actors.code"], name=op.f("fk_series_actor_actors")),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_series_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("actor", "place_id", name=op.f("uq_series_actor_place_id")),
    )
    op.create_index("ix_series_place_id", "series", ["place_id"])

    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("place_id", sa.String(length=160), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("claim_type", sa.String(length=8), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("as_of_precision", sa.String(length=8), nullable=False),
        sa.Column("as_of_approximate", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("count_min", sa.Integer(), nullable=True),
        sa.Column("count_max", sa.Integer(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("location_precision", sa.String(length=16), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("claim_key", sa.String(length=40), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "claim_type in ('level','implied','event')", name=op.f("ck_observations_claim_type")
        ),
        sa.CheckConstraint(
            "status in ('present','reduced','withdrawn','advisory')",
            name=op.f("ck_observations_status"),
        ),
        sa.CheckConstraint(
            "(count is null or count >= 0) and (count_min is null or count_min >= 0) and (count_max is null or count_max >= 0)",
            name=op.f("ck_observations_counts_nonneg"),
        ),
        sa.CheckConstraint(
            "count_min is null or count_max is null or count_min <= count_max",
            name=op.f("ck_observations_count_order"),
        ),
        sa.ForeignKeyConstraint(
            ["actor"], ["actors.code"], name=op.f("fk_observations_actor_actors")
        ),
        sa.ForeignKeyConstraint(
            ["origin_id"],
            ["sources.id"],
            name=op.f("fk_observations_origin_id_sources"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["places.id"], name=op.f("fk_observations_place_id_places")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_observations_series_id_series")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_observations_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
        sa.UniqueConstraint(
            "origin_id", "claim_key", name=op.f("uq_observations_origin_id_claim_key")
        ),
    )
    op.create_index("ix_observations_series_valid", "observations", ["series_id", "valid_from"])
    op.create_index("ix_observations_source_id", "observations", ["source_id"])
    op.create_index("ix_observations_valid_from", "observations", ["valid_from"])

    op.create_table(
        "phases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_precision", sa.String(length=8), nullable=True),
        sa.Column("deadline_approximate", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_phases_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phases")),
        sa.UniqueConstraint("plan_id", "ordinal", name=op.f("uq_phases_plan_id_ordinal")),
    )
    op.create_table(
        "moves",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("place_id", sa.String(length=160), nullable=False),
        sa.Column("to_place_id", sa.String(length=160), nullable=True),
        sa.Column("by", sa.Date(), nullable=True),
        sa.Column("by_precision", sa.String(length=8), nullable=True),
        sa.Column("by_approximate", sa.Boolean(), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=True),
        sa.Column("modality", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("count_min", sa.Integer(), nullable=True),
        sa.Column("count_max", sa.Integer(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "action in ('withdraw','reduce','remain','relocate','arrive','increase')",
            name=op.f("ck_moves_action"),
        ),
        sa.CheckConstraint(
            "status is null or status in ('present','reduced','withdrawn','advisory')",
            name=op.f("ck_moves_status"),
        ),
        sa.CheckConstraint(
            "(count is null or count >= 0) and (count_min is null or count_min >= 0) and (count_max is null or count_max >= 0)",
            name=op.f("ck_moves_counts_nonneg"),
        ),
        sa.ForeignKeyConstraint(["actor"], ["actors.code"], name=op.f("fk_moves_actor_actors")),
        sa.ForeignKeyConstraint(
            ["phase_id"], ["phases.id"], name=op.f("fk_moves_phase_id_phases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_moves_place_id_places")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_moves_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_moves_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["to_place_id"], ["places.id"], name=op.f("fk_moves_to_place_id_places")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moves")),
    )
    op.create_index("ix_moves_plan_id", "moves", ["plan_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_places_geom_gist", table_name="places")
    op.drop_index("ix_moves_plan_id", table_name="moves")

    op.drop_table("moves")
    op.drop_table("phases")
    op.drop_index("ix_observations_valid_from", table_name="observations")
    op.drop_index("ix_observations_source_id", table_name="observations")
    op.drop_index("ix_observations_series_valid", table_name="observations")

    op.drop_table("observations")
    op.drop_index("ix_series_place_id", table_name="series")

    op.drop_table("series")
    op.drop_table("plans")
    op.drop_table("actor_members")
    op.drop_table("sources")
    op.drop_index("ix_places_country", table_name="places")
    op.drop_index("ix_places_bbox", table_name="places")

    op.drop_table("places")
    op.drop_table("actors")
