"""Compare what two stores hold, independent of row ids and write times."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from service.store import db
from service.store.schema import (
    moves_t,
    observations_t,
    phases_t,
    places_t,
    plans_t,
    series_t,
    sources_t,
)


def _norm(row: Any) -> tuple:
    def one(v: Any) -> Any:
        if isinstance(v, (dict, list)):
            return json.dumps(v, sort_keys=True, ensure_ascii=False)
        return v.isoformat() if hasattr(v, "isoformat") else v

    return tuple(one(v) for v in row)


def contents(store) -> dict[str, Counter]:
    """Multisets of sources, places, series, observations and moves (ids resolved)."""
    o, m, s = observations_t, moves_t, sources_t
    origin = s.alias("origin")
    cited = s.alias("cited")
    obs_cols = [
        c for c in o.c if c.name not in ("id", "series_id", "origin_id", "source_id", "created_at")
    ]
    mv_cols = [c for c in m.c if c.name not in ("id", "plan_id", "phase_id", "source_id")]
    with db.read(store.engine) as conn:
        sources = conn.execute(
            sa.select(*[c for c in s.c if c.name not in ("id", "created_at")])
        ).all()
        places = conn.execute(
            sa.select(
                places_t.c.id,
                places_t.c.kind,
                places_t.c.name,
                places_t.c.parent,
                places_t.c.geom_hash,
            )
        ).all()
        series = conn.execute(sa.select(series_t.c.actor, series_t.c.place_id)).all()
        obs = conn.execute(
            sa.select(origin.c.content_hash, cited.c.content_hash, *obs_cols)
            .join(origin, origin.c.id == o.c.origin_id)
            .join(cited, cited.c.id == o.c.source_id)
        ).all()
        moves = conn.execute(
            sa.select(
                origin.c.content_hash,
                plans_t.c.slug,
                plans_t.c.name,
                plans_t.c.kind,
                plans_t.c.start,
                phases_t.c.ordinal,
                phases_t.c.name,
                phases_t.c.deadline,
                phases_t.c.deadline_precision,
                phases_t.c.deadline_approximate,
                *mv_cols,
            )
            .join(plans_t, plans_t.c.id == m.c.plan_id)
            .join(phases_t, phases_t.c.id == m.c.phase_id)
            .join(origin, origin.c.id == plans_t.c.origin_id)
        ).all()
    return {
        name: Counter(_norm(r) for r in rows)
        for name, rows in (
            ("sources", sources),
            ("places", places),
            ("series", series),
            ("observations", obs),
            ("moves", moves),
        )
    }


def assert_same_contents(a: dict[str, Counter], b: dict[str, Counter]) -> None:
    for name in ("sources", "places", "series", "observations", "moves"):
        only_a, only_b = a[name] - b[name], b[name] - a[name]
        assert not only_a and not only_b, (
            f"{name} differ: {sum(only_a.values())} rows only in the first, "
            f"{sum(only_b.values())} only in the second; e.g. "
            f"{next(iter(only_a or only_b))!r}"[:2000]
        )


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".html"))
