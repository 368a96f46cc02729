"""The bulk writer: many prepared articles in one transaction, in a few statements.

:meth:`service.store.Store.write_prepared` writes one article with about ten statements;
at a few milliseconds each way that caps one writer at a few hundred articles per second,
slower than two extraction workers.  :func:`write_batch` writes the same rows — the
:class:`~service.store.store.Records` the store's own ``prepare_article`` built, with the
same column values as ``Store._write_records`` — for a whole batch at once: one multi-row
insert per table.  ``tests/bulk`` checks that the stored claims equal those of the
one-process ``ingest``.

Any error aborts the batch (the caller then writes it again article by article with
``Store.write_prepared``, each in a savepoint, to isolate the bad one).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import UnknownPlaceError
from ..store import model as M
from ..store.results import IngestResult
from ..store.schema import (
    moves_t,
    observations_t,
    phases_t,
    places_t,
    plans_t,
    sources_t,
)

_CHUNK = 500


def _select_in(conn: Connection, cols: list[Any], col: Any, values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for i in range(0, len(values), _CHUNK):
        out.extend(conn.execute(sa.select(*cols).where(col.in_(values[i : i + _CHUNK]))).all())
    return out


def write_batch(
    store: Any, conn: Connection, preps: list[Any], place_rows: dict[str, dict[str, Any]]
) -> list[IngestResult]:
    """Write prepared articles inside the caller's transaction; one result per article.

    ``place_rows`` must cover the referenced places the database does not have yet.  An
    article already stored (same content hash) writes nothing (``created=False``).
    """
    now = dt.datetime.now(dt.UTC)
    # ---- sources (an article stored already, or twice in this batch, is not re-written)
    first: dict[str, Any] = {}
    for p in preps:
        first.setdefault(p.key, p)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    src_rows = [
        {**p.source_row, "created_at": p.source_row.get("created_at") or now}
        for p in first.values()
    ]
    stmt = (
        insert(sources_t)
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(sources_t.c.id, sources_t.c.key)
    )
    new_ids = {r.key: r.id for r in conn.execute(stmt, src_rows)} if src_rows else {}
    missing = sorted(set(first) - set(new_ids))
    old_ids = (
        {
            r.key: r.id
            for r in _select_in(conn, [sources_t.c.id, sources_t.c.key], sources_t.c.key, missing)
        }
        if missing
        else {}
    )
    written = [(first[k], sid) for k, sid in new_ids.items()]
    # ---- places and their kinds
    new_places = store._ensure_places(conn, list(place_rows.values()))
    kinds = {pid: r["kind"] for pid, r in place_rows.items()}
    wanted: set[str] = set()
    for p, _ in written:
        wanted |= p.records.place_ids()
    unknown = sorted(wanted - set(kinds))
    if unknown:
        kinds.update(
            {
                r.id: r.kind
                for r in _select_in(conn, [places_t.c.id, places_t.c.kind], places_t.c.id, unknown)
            }
        )
    unknown = sorted(wanted - set(kinds))
    if unknown:
        raise UnknownPlaceError(f"unknown place {unknown[0][:80]!r}")
    # ---- series
    keys: set[tuple[str, str]] = set()
    per_article_series: list[set[tuple[str, str]]] = []
    for p, _ in written:
        spec = p.records
        ks = {(o["actor"], o["place_id"]) for o in spec.observations}
        for m in spec.moves:
            ks.add((m["actor"], m["place_id"]))
            if m.get("to_place_id"):
                ks.add((m["actor"], m["to_place_id"]))
        per_article_series.append(ks)
        keys |= ks
    series = store._ensure_series(conn, keys)
    # ---- observations
    obs_rows = []
    for p, sid in written:
        source_ids = {None: sid}
        for o in p.records.observations:
            o["location_precision"] = M.LOCATION_PRECISION[kinds[o["place_id"]]]
            row = {k: v for k, v in o.items() if k != "source"}
            row.update(
                series_id=series[(o["actor"], o["place_id"])],
                origin_id=sid,
                source_id=source_ids[o.get("source")],
                created_at=now,
            )
            obs_rows.append(row)
    if obs_rows:
        conn.execute(observations_t.insert(), obs_rows)
    # ---- plans, phases, moves
    plan_rows = []
    for p, sid in written:
        source_ids = {None: sid}
        for plan in p.records.plans:
            plan_rows.append(
                {
                    "slug": plan["slug"],
                    "name": plan["name"],
                    "kind": plan["kind"],
                    "origin_id": sid,
                    "source_id": source_ids[plan.get("source")],
                    "start": plan.get("start"),
                    "description": plan.get("description"),
                    "created_at": now,
                }
            )
    plan_ids: dict[str, int] = {}
    if plan_rows:
        plan_ids = {
            r.slug: r.id
            for r in conn.execute(
                plans_t.insert().returning(plans_t.c.id, plans_t.c.slug), plan_rows
            )
        }
    phase_rows = []
    for p, _ in written:
        for plan in p.records.plans:
            for ph in plan["phases"]:
                phase_rows.append(
                    {
                        "plan_id": plan_ids[plan["slug"]],
                        "ordinal": ph["ordinal"],
                        "name": ph["name"],
                        "deadline": ph.get("deadline"),
                        "deadline_precision": ph.get("deadline_precision"),
                        "deadline_approximate": bool(ph.get("deadline_approximate")),
                    }
                )
    phase_ids: dict[tuple[int, int], int] = {}
    if phase_rows:
        phase_ids = {
            (r.plan_id, r.ordinal): r.id
            for r in conn.execute(
                phases_t.insert().returning(phases_t.c.id, phases_t.c.plan_id, phases_t.c.ordinal),
                phase_rows,
            )
        }
    move_rows = []
    for p, sid in written:
        source_ids = {None: sid}
        for plan in p.records.plans:
            plan_id = plan_ids[plan["slug"]]
            for ph in plan["phases"]:
                for mv in ph["moves"]:
                    row = {k: v for k, v in mv.items() if k != "source"}
                    row.update(
                        plan_id=plan_id,
                        phase_id=phase_ids[(plan_id, ph["ordinal"])],
                        source_id=source_ids[mv.get("source")],
                    )
                    move_rows.append(row)
    if move_rows:
        conn.execute(moves_t.insert(), move_rows)
    # ---- results, in the order given
    by_key: dict[str, IngestResult] = {}
    for (p, sid), ks in zip(written, per_article_series, strict=True):
        spec = p.records
        counts = {
            "observations": len(spec.observations),
            "moves": len(spec.moves),
            "plans": len(spec.plans),
            "places": 0,
            "series": len(ks),
            "skipped": spec.skipped,
        }
        by_key[p.key] = IngestResult(
            sid, True, counts, p.content_hash, spec.plan_name if spec.moves else None
        )
    out = []
    seen: set[str] = set()
    for p in preps:
        res = by_key.get(p.key)
        if res is None or p.key in seen:
            sid = new_ids.get(p.key) or old_ids[p.key]
            res = IngestResult(sid, False, {}, p.content_hash)
        seen.add(p.key)
        out.append(res)
    if new_places and out:
        first_new = next((r for r in out if r.created), None)
        if first_new is not None:
            first_new.counts["places"] = new_places
    return out
