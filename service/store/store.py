"""The temporal force-posture store (SQLite by default, PostgreSQL + PostGIS for scale).

>>> store = Store.open()                                      # doctest: +SKIP
>>> store.ingest_article(text, published="2024-09-06", outlet="Almaghrib Today")
>>> store.posture_at("2025-10-01").to_geojson()

Writes happen in one transaction each (an article with all its claims, a scenario file with
all its records); reads see a consistent snapshot.  The estimation rules live in
:mod:`service.store.model` (pure functions) and are documented there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .. import actors as actor_registry
from ..domain import FuzzyDate, Quantity
from ..errors import (
    DataError,
    InputError,
    NotFoundError,
    ServiceError,
    UnknownPlaceError,
    ValidationError,
)
from . import db
from . import model as M
from .results import (
    Change,
    ChangeList,
    IngestResult,
    Posture,
    ScenarioResult,
    TimelineStep,
)
from .schema import (
    actor_members_t,
    actors_t,
    moves_t,
    observations_t,
    phases_t,
    places_t,
    plans_t,
    series_t,
    sources_t,
)

MAX_ARTICLE_CHARS = 2_000_000
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KIND_ORDER = {"country": 0, "region": 1, "admin1": 2, "city": 3, "installation": 4}
_EVENT_STATUS = {
    "invade": "present",
    "deploy": "present",
    "arrive": "present",
    "return": "present",
    "establish": "present",
    "withdraw": "withdrawn",
}
_IMPLIED_ACTIONS = ("withdraw", "reduce", "remain", "relocate", "increase")
MOVE_SCOPES = (None, "all", "rest", "part")
MODALITIES = ("planned", "possible", "demanded", "reported")


# ---------------------------------------------------------------------------- helpers
def parse_day(value: Any, field_name: str = "date") -> dt.date:
    """A strict ``YYYY-MM-DD`` (or a ``date``): anything else is an :class:`InputError`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value.strip()):
        raise InputError(f"{field_name} must be a date in YYYY-MM-DD form, got {str(value)[:40]!r}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{field_name} {value.strip()!r} is not a calendar date") from None


def parse_bbox(value: Any) -> tuple[float, float, float, float] | None:
    """``(min_lon, min_lat, max_lon, max_lat)`` from a tuple or ``"a,b,c,d"``."""
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        box = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        raise InputError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat") from None
    if len(box) != 4 or any(math.isnan(v) for v in box):
        raise InputError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    x0, y0, x1, y1 = box
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise InputError(
            "bbox must be min_lon,min_lat,max_lon,max_lat within -180..180 and "
            "-90..90, min before max"
        )
    return box  # type: ignore[return-value]


def normalize_text(text: str) -> str:
    """The text whose hash identifies an article (NFC, unified newlines, trimmed)."""
    t = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in t.strip().split("\n"))


def content_hash(text: str) -> str:
    """SHA-256 of :func:`normalize_text`."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def independence_key(outlet: str | None, url: str | None, fallback: str) -> str:
    """Sources sharing this key are not independent of each other (same outlet or site)."""
    if outlet and outlet.strip():
        return "outlet:" + re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", outlet).casefold())
    if url:
        m = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", url.strip(), re.IGNORECASE)
        if m:
            return "site:" + m.group(1).lower()
    return fallback


def check_article_text(text: Any) -> str:
    """Validate article text: a non-empty, not huge, not binary string."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the article is not valid UTF-8 text") from None
    if not isinstance(text, str):
        raise InputError("the article must be text")
    if "\x00" in text:
        raise InputError("the article contains binary data")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"the article is too long ({len(text)} characters; at most {MAX_ARTICLE_CHARS})"
        )
    if not text.strip():
        raise InputError("the article is empty")
    return text


def _claim_key(*parts: Any) -> str:
    raw = json.dumps(
        [str(p) if isinstance(p, (dt.date,)) else p for p in parts],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _qty_cols(q: Quantity | None) -> dict[str, Any]:
    if q is None:
        return {
            "count": None,
            "count_min": None,
            "count_max": None,
            "approximate": False,
            "qualifier": None,
        }
    return {
        "count": q.count,
        "count_min": q.count_min,
        "count_max": q.count_max,
        "approximate": bool(q.approximate),
        "qualifier": q.qualifier,
    }


def _qty_from(row: Any) -> Quantity | None:
    if row.count is None and row.count_min is None and row.count_max is None:
        return None
    return Quantity(
        row.count, row.count_min, row.count_max, bool(row.approximate), row.qualifier or "exact"
    )


_QSET = object.__setattr__


def _stored_quantity(
    count: int | None, cmin: int | None, cmax: int | None, approx: bool, qual: str
) -> Quantity:
    """A :class:`Quantity` from a row the database already validated (no re-checking)."""
    q = object.__new__(Quantity)
    _QSET(q, "count", count)
    _QSET(q, "count_min", cmin)
    _QSET(q, "count_max", cmax)
    _QSET(q, "approximate", approx)
    _QSET(q, "qualifier", qual)
    return q


def _fuzzy(value: dt.date | None, precision: str | None, approx: bool | None) -> FuzzyDate | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return FuzzyDate(value, precision or "day", bool(approx))


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")[:80] or "x"


# ---------------------------------------------------------------------------- place cache
@dataclass(slots=True)
class PlaceInfo:
    """A stored place as queries need it (geometry parsed lazily, cached)."""

    id: str
    name: str
    name_ar: str | None
    kind: str
    subkind: str | None
    country: str | None
    parent: str | None
    lon: float
    lat: float
    aliases: list[str]
    custom: bool
    source: str | None
    geom_hash: str
    geom: Any = None
    _geojson: dict[str, Any] | None = None

    def geojson(self) -> dict[str, Any] | None:
        if self._geojson is None and self.geom is not None:
            from shapely.geometry import mapping

            self._geojson = _round_geojson(mapping(self.geom))
        return self._geojson

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "subkind": self.subkind,
            "country": self.country,
            "parent": self.parent,
            "lon": self.lon,
            "lat": self.lat,
            "aliases": list(self.aliases),
            "custom": self.custom,
            "source": self.source,
        }


def _round_geojson(g: dict[str, Any]) -> dict[str, Any]:
    def r(c):
        if isinstance(c, (list, tuple)):
            if c and isinstance(c[0], (int, float)):
                return [round(float(v), 6) for v in c]
            return [r(x) for x in c]
        return c

    return (
        {"type": g["type"], "coordinates": r(g["coordinates"])} if "coordinates" in g else dict(g)
    )


def place_row_from(place: Any, geom: Any, *, custom: bool = False) -> dict[str, Any]:
    """A ``places`` row from a :class:`service.domain.Place`-like object and a geometry."""
    import shapely

    wkb = shapely.to_wkb(geom)
    minx, miny, maxx, maxy = geom.bounds
    return {
        "id": place.id,
        "name": place.name,
        "name_ar": getattr(place, "name_ar", None),
        "kind": place.kind,
        "subkind": getattr(place, "subkind", None),
        "country": getattr(place, "country", None),
        "parent": getattr(place, "parent", None),
        "lon": float(place.lon),
        "lat": float(place.lat),
        "aliases": list(getattr(place, "aliases", ()) or ()),
        "custom": custom,
        "source": getattr(place, "source", None),
        "geom": geom,
        "minx": minx,
        "miny": miny,
        "maxx": maxx,
        "maxy": maxy,
        "geom_hash": hashlib.sha1(wkb).hexdigest()[:16],
        "created_at": dt.datetime.now(dt.UTC),
    }


# ---------------------------------------------------------------------------- the store
class Store:
    """The force-posture store.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        From :func:`service.store.db.make_engine`; prefer :meth:`open`.
    gazetteer : Gazetteer, optional
        Where places are copied from; default :func:`service.gazetteer.load_gazetteer`
        (loaded on first use).
    extractor : callable, optional
        ``extractor(text, *, published, lang, source, gazetteer) -> Extraction``; default
        :func:`service.extract.extract_article` (imported on first use).
    """

    def __init__(
        self, engine: Engine, *, gazetteer: Any = None, extractor: Callable[..., Any] | None = None
    ) -> None:
        self.engine = engine
        self._gazetteer = gazetteer
        self._extractor = extractor
        self._places: dict[str, PlaceInfo] = {}
        self._places_lock = threading.Lock()
        self._ancestor_cache: tuple[Any, dict[str, list[str]]] | None = None

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        gazetteer: Any = None,
        extractor: Callable[..., Any] | None = None,
        schema: str | None = None,
        migrate: bool = True,
    ) -> Store:
        """Connect to ``url`` (default ``DATABASE_URL`` or the instance SQLite file).

        Parameters
        ----------
        migrate : bool
            Run the Alembic migrations up to head first (idempotent, concurrency-safe).
        schema : str, optional
            PostgreSQL schema to use (created if missing); for isolated tests.
        """
        engine = db.make_engine(url, schema=schema)
        store = cls(engine, gazetteer=gazetteer, extractor=extractor)
        if migrate:
            store.upgrade()
        return store

    def upgrade(self) -> str | None:
        """Migrate the schema to the newest revision and sync the actor registry."""
        rev = db.upgrade(self.engine)
        self.sync_actors()
        return rev

    def create_all(self) -> None:
        """Create the tables from the ORM metadata (no Alembic; for throw-away databases)."""
        from .schema import Base

        db.run_write(self.engine, lambda conn: Base.metadata.create_all(conn))
        self.sync_actors()

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def gazetteer(self):
        """The gazetteer places are copied from (loaded on first use)."""
        if self._gazetteer is None:
            from ..gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def _extract(self, text: str, **kw: Any):
        fn = self._extractor
        if fn is None:
            try:
                from ..extract import extract_article as fn  # type: ignore[attr-defined]
            except ImportError:
                raise DataError(
                    "the article extractor is not available in this installation"
                ) from None
            self._extractor = fn
        return fn(text, **kw)

    def sync_actors(self) -> None:
        """Make the ``actors`` tables match :mod:`service.actors` (insert missing rows)."""
        reg = actor_registry.ACTORS
        with db.read(self.engine) as conn:
            have = {r[0] for r in conn.execute(sa.select(actors_t.c.code))}
            nmem = conn.execute(
                sa.select(sa.func.count()).select_from(actor_members_t)
            ).scalar_one()
        want_members = sum(len(a.members) for a in reg.values())
        if set(reg) <= have and nmem >= want_members:
            return

        def _do(conn: Connection) -> None:
            db.insert_ignore(
                conn,
                actors_t,
                [
                    {
                        "code": a.code,
                        "name": a.name,
                        "name_ar": a.name_ar,
                        "iso": a.iso,
                        "kind": a.kind,
                    }
                    for a in reg.values()
                ],
                ["code"],
            )
            db.insert_ignore(
                conn,
                actor_members_t,
                [{"group_code": a.code, "member_code": m} for a in reg.values() for m in a.members],
                ["group_code", "member_code"],
            )

        db.run_write(self.engine, _do)

    # ------------------------------------------------------------------ places
    def _gaz_place_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """Rows for gazetteer places and their ancestors (raises UnknownPlaceError)."""
        gaz = self.gazetteer
        out: dict[str, dict[str, Any]] = {}
        for pid in ids:
            chain = [gaz.get(pid), *gaz.parent_chain(pid)]
            for p in chain:
                if p.id not in out:
                    out[p.id] = place_row_from(p, gaz.geometry(p.id))
        return list(out.values())

    def _missing_place_ids(self, conn: Connection, ids: set[str]) -> set[str]:
        if not ids:
            return set()
        have = {
            r[0]
            for r in conn.execute(sa.select(places_t.c.id).where(places_t.c.id.in_(sorted(ids))))
        }
        return ids - have

    def _ensure_places(self, conn: Connection, rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        missing = self._missing_place_ids(conn, {r["id"] for r in rows})
        todo = [r for r in rows if r["id"] in missing]
        db.insert_ignore(conn, places_t, todo, ["id"])
        return len(todo)

    def _place_cache(self, conn: Connection) -> dict[str, PlaceInfo]:
        """All stored places (cached in memory; refreshed when a row changes)."""
        current = dict(_driver_rows(conn, sa.select(places_t.c.id, places_t.c.geom_hash)))
        with self._places_lock:
            stale = [
                pid
                for pid, h in current.items()
                if pid not in self._places or self._places[pid].geom_hash != h
            ]
            for pid in list(self._places):
                if pid not in current:
                    del self._places[pid]
        if stale:
            rows = []
            for i in range(0, len(stale), 500):
                rows.extend(
                    conn.execute(
                        sa.select(places_t).where(places_t.c.id.in_(stale[i : i + 500]))
                    ).all()
                )
            with self._places_lock:
                for r in rows:
                    self._places[r.id] = PlaceInfo(
                        r.id,
                        r.name,
                        r.name_ar,
                        r.kind,
                        r.subkind,
                        r.country,
                        r.parent,
                        r.lon,
                        r.lat,
                        list(r.aliases or []),
                        bool(r.custom),
                        r.source,
                        r.geom_hash,
                        r.geom,
                    )
        with self._places_lock:
            return dict(self._places)

    def _ancestors(self, places: dict[str, PlaceInfo]) -> dict[str, list[str]]:
        key = (
            tuple(sorted((pid, p.parent, p.country) for pid, p in places.items()))
            if len(places) < 50
            else (
                len(places),
                hash(frozenset((pid, p.parent, p.country) for pid, p in places.items())),
            )
        )
        cached = self._ancestor_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        out = self._compute_ancestors(places)
        self._ancestor_cache = (key, out)
        return out

    @staticmethod
    def _compute_ancestors(places: dict[str, PlaceInfo]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for pid, p in places.items():
            chain, seen, cur = [], {pid}, p.parent
            while cur and cur not in seen:
                seen.add(cur)
                chain.append(cur)
                cur = places[cur].parent if cur in places else None
            if p.country and p.kind != "country":
                cid = f"country:{p.country}"
                if cid not in chain and cid != pid:
                    chain.append(cid)
            out[pid] = chain
        return out

    def places(self) -> list[dict[str, Any]]:
        """Every stored place (summary dicts), countries first."""
        with db.read(self.engine) as conn:
            cache = self._place_cache(conn)
        return [
            p.summary() for p in sorted(cache.values(), key=lambda p: (_KIND_ORDER[p.kind], p.id))
        ]

    def place(self, place_id: str) -> dict[str, Any]:
        """One stored place (raises :class:`UnknownPlaceError`)."""
        with db.read(self.engine) as conn:
            cache = self._place_cache(conn)
        if place_id not in cache:
            raise UnknownPlaceError(f"the store has no place {str(place_id)[:80]!r}")
        p = cache[place_id]
        return {**p.summary(), "geometry": p.geojson()}

    def resolve_place(self, query: str) -> str:
        """A place id for an id or a name: stored places first, then the gazetteer.

        Raises
        ------
        UnknownPlaceError
            If neither the store nor the gazetteer knows the place.
        """
        if not isinstance(query, str) or not query.strip():
            raise InputError("a place id or name is required")
        q = query.strip()
        with db.read(self.engine) as conn:
            cache = self._place_cache(conn)
            referenced = {r[0] for r in conn.execute(sa.select(series_t.c.place_id))}
        if q in cache:
            return q
        if ":" in q and (q.split(":", 1)[0] in _KIND_ORDER or q.startswith("custom:")):
            try:
                return self.gazetteer.get(q).id
            except (UnknownPlaceError, DataError):
                raise UnknownPlaceError(f"no place with id {q[:80]!r}") from None
        key = q.casefold()
        stored = [
            p
            for p in cache.values()
            if key in {n.casefold() for n in (p.name, p.name_ar or "", *p.aliases) if n}
        ]
        try:
            gaz_hits = [p.id for p in self.gazetteer.lookup(q)]
        except (ServiceError, Exception) as exc:  # no gazetteer data: stored names only
            if isinstance(exc, InputError):
                raise
            gaz_hits = []
        candidates = [p.id for p in sorted(stored, key=lambda p: -_KIND_ORDER[p.kind])]
        candidates += [pid for pid in gaz_hits if pid not in candidates]
        if not candidates:
            raise UnknownPlaceError(f"no place called {q[:80]!r}")
        for pid in candidates:  # prefer a place the store has claims about
            if pid in referenced:
                return pid
        return candidates[0]

    # ------------------------------------------------------------------ sources
    def _source_refs(self, conn: Connection, ids: Iterable[int]) -> dict[int, M.SourceRef]:
        ids = sorted(set(ids))
        out: dict[int, M.SourceRef] = {}
        s = sources_t
        # on the driver: a full map cites ~1,000 sources, and SQLAlchemy's per-row result
        # processing of them cost more than the query
        to_day = _day_of if conn.dialect.name == "sqlite" else _same
        for i in range(0, len(ids), 900):
            q = sa.select(
                s.c.id, s.c.kind, s.c.outlet, s.c.url, s.c.title, s.c.published, s.c.independence
            ).where(s.c.id.in_(ids[i : i + 900]))
            for sid, kind, outlet, url, title, published, indep in _driver_rows(conn, q):
                out[sid] = M.SourceRef(
                    sid,
                    kind,
                    outlet,
                    url,
                    title,
                    to_day(published) if published is not None else None,
                    indep,
                )
        return out

    def sources(self) -> list[dict[str, Any]]:
        """Every source (without full text), oldest id first."""
        s = sources_t
        cols = [c for c in s.c if c.name != "text"]
        with db.read(self.engine) as conn:
            rows = conn.execute(sa.select(*cols).order_by(s.c.id)).all()
        out = []
        for r in rows:
            d = dict(r._mapping)
            d["published"] = d["published"].isoformat() if d["published"] else None
            d["created_at"] = d["created_at"].isoformat() if d["created_at"] else None
            out.append(d)
        return out

    def source_text(self, source_id: int) -> str | None:
        """The full text of an ingested article."""
        with db.read(self.engine) as conn:
            row = conn.execute(
                sa.select(sources_t.c.text).where(sources_t.c.id == source_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no source {source_id}")
        return row[0]

    # ------------------------------------------------------------------ series
    def _ensure_series(
        self, conn: Connection, keys: set[tuple[str, str]]
    ) -> dict[tuple[str, str], int]:
        if not keys:
            return {}
        db.insert_ignore(
            conn,
            series_t,
            [{"actor": a, "place_id": p} for a, p in sorted(keys)],
            ["actor", "place_id"],
        )
        out: dict[tuple[str, str], int] = {}
        places = sorted({p for _, p in keys})
        for i in range(0, len(places), 500):
            for r in conn.execute(
                sa.select(series_t.c.id, series_t.c.actor, series_t.c.place_id).where(
                    series_t.c.place_id.in_(places[i : i + 500])
                )
            ):
                if (r.actor, r.place_id) in keys:
                    out[(r.actor, r.place_id)] = r.id
        return out

    # ------------------------------------------------------------------ ingest
    def ingest_article(
        self,
        text: str,
        *,
        published: Any = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        lang: str = "auto",
        outlet_ar: str | None = None,
    ) -> IngestResult:
        """Extract an article's claims and store them in one transaction.

        The same text (by content hash) ingested again changes nothing and returns
        ``created=False``.  Any failure leaves the store unchanged.  The two halves are
        public for bulk ingest: :meth:`prepare_article` (extract; no database) and
        :meth:`write_prepared` (inside the caller's transaction).

        Raises
        ------
        InputError
            Empty, binary or huge text; a bad date; a claim the store cannot place in time.
        UnknownPlaceError
            The extraction names a place the gazetteer does not know.
        """
        text = check_article_text(text)
        if published not in (None, ""):
            parse_day(published, "published")  # a bad date is an error even when stored
        chash = content_hash(text)
        existing = self._source_id_by_key(f"article:{chash}")
        if existing is not None:
            return IngestResult(existing, False, {}, chash)
        prep = self.prepare_article(
            text,
            published=published,
            url=url,
            outlet=outlet,
            title=title,
            lang=lang,
            outlet_ar=outlet_ar,
        )
        place_rows = self._gaz_place_rows(prep.records.place_ids())
        return db.run_write(self.engine, lambda conn: self.write_prepared(conn, prep, place_rows))

    def prepare_article(
        self,
        text: str,
        *,
        published: Any = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        lang: str = "auto",
        outlet_ar: str | None = None,
    ) -> PreparedArticle:
        """Extract an article and build its rows with this store's extractor and gazetteer
        (no database access; see :func:`prepare_article`)."""
        return prepare_article(
            text,
            published=published,
            url=url,
            outlet=outlet,
            title=title,
            lang=lang,
            outlet_ar=outlet_ar,
            extractor=self._extract,
            gazetteer=self.gazetteer,
        )

    def write_prepared(
        self, conn: Connection, prep: PreparedArticle, place_rows: list[dict[str, Any]]
    ) -> IngestResult:
        """Write a :class:`PreparedArticle` inside the caller's transaction.

        ``place_rows`` (:func:`place_row_from` dicts) must cover the places the article
        references that are not stored yet; stored ones may be left out.  An article whose
        content hash is already stored writes nothing (``created=False``).
        """
        chash = prep.content_hash
        row = dict(prep.source_row)
        row.setdefault("created_at", dt.datetime.now(dt.UTC))
        sid = db.insert_ignore_returning(conn, sources_t, row, ["key"])
        if sid is None:  # stored already (by another process, or earlier in this batch)
            other = conn.execute(
                sa.select(sources_t.c.id).where(sources_t.c.key == prep.key)
            ).scalar_one()
            return IngestResult(other, False, {}, chash)
        spec = prep.records
        counts = self._write_records(
            conn, spec, origin_id=sid, source_ids={None: sid}, place_rows=place_rows
        )
        return IngestResult(sid, True, counts, chash, spec.plan_name if spec.moves else None)

    def _source_id_by_key(self, key: str) -> int | None:
        with db.read(self.engine) as conn:
            return conn.execute(
                sa.select(sources_t.c.id).where(sources_t.c.key == key)
            ).scalar_one_or_none()

    def _write_records(
        self,
        conn: Connection,
        spec: Records,
        *,
        origin_id: int,
        source_ids: dict[str | None, int],
        place_rows: list[dict[str, Any]],
    ) -> dict[str, int]:
        """Insert a :class:`Records` bundle (inside the caller's transaction)."""
        new_places = self._ensure_places(conn, place_rows)
        kinds = {r["id"]: r["kind"] for r in place_rows}
        missing = {o["place_id"] for o in spec.observations} - set(kinds)
        if missing:
            kinds.update(
                dict(
                    conn.execute(
                        sa.select(places_t.c.id, places_t.c.kind).where(
                            places_t.c.id.in_(sorted(missing))
                        )
                    ).all()
                )
            )
        unknown = sorted(spec.place_ids() - set(kinds) - self._stored_ids(conn, spec))
        if unknown:
            raise UnknownPlaceError(f"unknown place {unknown[0][:80]!r}")
        for o in spec.observations:
            o["location_precision"] = M.LOCATION_PRECISION[kinds[o["place_id"]]]
        keys = {(o["actor"], o["place_id"]) for o in spec.observations}
        for m in spec.moves:
            keys.add((m["actor"], m["place_id"]))
            if m.get("to_place_id"):
                keys.add((m["actor"], m["to_place_id"]))
        series = self._ensure_series(conn, keys)
        obs_rows = []
        for o in spec.observations:
            row = {k: v for k, v in o.items() if k != "source"}
            row.update(
                series_id=series[(o["actor"], o["place_id"])],
                origin_id=origin_id,
                source_id=source_ids[o.get("source")],
                created_at=dt.datetime.now(dt.UTC),
            )
            obs_rows.append(row)
        if obs_rows:
            conn.execute(observations_t.insert(), obs_rows)
        nplans = 0
        for plan in spec.plans:
            nplans += 1
            plan_id = conn.execute(
                plans_t.insert()
                .values(
                    slug=plan["slug"],
                    name=plan["name"],
                    kind=plan["kind"],
                    origin_id=origin_id,
                    source_id=source_ids[plan.get("source")],
                    start=plan.get("start"),
                    description=plan.get("description"),
                    created_at=dt.datetime.now(dt.UTC),
                )
                .returning(plans_t.c.id)
            ).scalar_one()
            for ph in plan["phases"]:
                phase_id = conn.execute(
                    phases_t.insert()
                    .values(
                        plan_id=plan_id,
                        ordinal=ph["ordinal"],
                        name=ph["name"],
                        deadline=ph.get("deadline"),
                        deadline_precision=ph.get("deadline_precision"),
                        deadline_approximate=bool(ph.get("deadline_approximate")),
                    )
                    .returning(phases_t.c.id)
                ).scalar_one()
                rows = []
                for mv in ph["moves"]:
                    row = {k: v for k, v in mv.items() if k != "source"}
                    row.update(
                        plan_id=plan_id, phase_id=phase_id, source_id=source_ids[mv.get("source")]
                    )
                    rows.append(row)
                if rows:
                    conn.execute(moves_t.insert(), rows)
        return {
            "observations": len(obs_rows),
            "moves": len(spec.moves),
            "plans": nplans,
            "places": new_places,
            "series": len(series),
            "skipped": spec.skipped,
        }

    @staticmethod
    def _stored_ids(conn: Connection, spec: Records) -> set[str]:
        ids = sorted(spec.place_ids())
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            out.update(
                r[0]
                for r in conn.execute(
                    sa.select(places_t.c.id).where(places_t.c.id.in_(ids[i : i + 500]))
                )
            )
        return out

    # ------------------------------------------------------------------ analyst edits
    def confirm(self, observation_id: int, confirmed: bool = True) -> None:
        """Mark an observation as confirmed (or not) by an analyst."""

        def _do(conn: Connection) -> None:
            n = conn.execute(
                observations_t.update()
                .where(observations_t.c.id == observation_id)
                .values(confirmed=bool(confirmed))
            ).rowcount
            if not n:
                raise NotFoundError(f"no observation {observation_id}")

        db.run_write(self.engine, _do)

    def load_scenario(self, path: str | Path) -> ScenarioResult:
        """Validate and load an analyst's YAML scenario file (one transaction).

        Loading the same file again changes nothing; a changed file replaces what the
        previous version of the same scenario (same ``scenario:`` id) wrote.

        Raises
        ------
        ValidationError
            With ``detail`` naming the file, line and field; nothing is written.
        """
        from .scenario import parse_scenario_file

        with db.read(self.engine) as conn:
            cache = self._place_cache(conn)
        sc = parse_scenario_file(path, place_exists=self._place_checker(cache))
        return self._apply_scenario(sc)

    def _place_checker(self, cache: dict[str, PlaceInfo]) -> Callable[[str], bool]:
        def exists(pid: str) -> bool:
            if pid in cache:
                return True
            try:
                self.gazetteer.get(pid)
                return True
            except UnknownPlaceError:
                return False

        return exists

    def _apply_scenario(self, sc: Any) -> ScenarioResult:
        key = f"scenario:{sc.slug}"
        gaz_ids = {pid for pid in sc.records.place_ids() if pid not in sc.custom_place_ids}
        gaz_ids |= {p.parent for p in sc.places if p.parent and p.parent not in sc.custom_place_ids}
        gaz_rows = self._gaz_place_rows(gaz_ids - set(self._stored_custom_ids(gaz_ids)))
        custom_rows = [place_row_from(p, p.geometry, custom=True) for p in sc.places]

        def _write(conn: Connection) -> ScenarioResult:
            row = conn.execute(
                sa.select(sources_t.c.id, sources_t.c.content_hash).where(sources_t.c.key == key)
            ).first()
            if row is not None and row.content_hash == sc.content_hash:
                return ScenarioResult(sc.slug, row.id, False, {})
            if row is not None:
                self._delete_origin(conn, row.id)
                conn.execute(
                    sources_t.update()
                    .where(sources_t.c.id == row.id)
                    .values(
                        content_hash=sc.content_hash,
                        title=sc.title,
                        meta={"file": sc.filename, "description": sc.description},
                    )
                )
                sid = row.id
            else:
                sid = db.insert_ignore_returning(
                    conn,
                    sources_t,
                    {
                        "key": key,
                        "kind": "scenario",
                        "title": sc.title,
                        "content_hash": sc.content_hash,
                        "independence": f"analyst:{sc.slug}",
                        "meta": {"file": sc.filename, "description": sc.description},
                        "published": None,
                        "created_at": dt.datetime.now(dt.UTC),
                    },
                    ["key"],
                )
                if sid is None:  # a concurrent load of the same scenario won
                    other = conn.execute(
                        sa.select(sources_t.c.id).where(sources_t.c.key == key)
                    ).scalar_one()
                    return ScenarioResult(sc.slug, other, False, {})
            for p in custom_rows:
                self._upsert_custom_place(conn, p)
            source_ids: dict[str | None, int] = {None: sid}
            for ref_id, ref in sc.sources.items():
                source_ids[ref_id] = self._reference_source(conn, ref)
            for plan in sc.records.plans:
                taken = conn.execute(
                    sa.select(plans_t.c.id).where(plans_t.c.slug == plan["slug"])
                ).first()
                if taken is not None:
                    raise ValidationError(
                        f"{sc.filename}: plan id {plan['slug']!r} is already used by another "
                        "scenario or article",
                        detail={"file": sc.filename, "field": "plans.id"},
                    )
            counts = self._write_records(
                conn, sc.records, origin_id=sid, source_ids=source_ids, place_rows=gaz_rows
            )
            counts["custom_places"] = len(custom_rows)
            self._drop_orphan_references(conn)
            return ScenarioResult(sc.slug, sid, True, counts)

        return db.run_write(self.engine, _write)

    def _stored_custom_ids(self, ids: Iterable[str]) -> list[str]:
        ids = [i for i in ids if i.startswith("custom:")]
        if not ids:
            return []
        with db.read(self.engine) as conn:
            return [
                r[0] for r in conn.execute(sa.select(places_t.c.id).where(places_t.c.id.in_(ids)))
            ]

    def _upsert_custom_place(self, conn: Connection, row: dict[str, Any]) -> None:
        exists = conn.execute(
            sa.select(places_t.c.id, places_t.c.custom).where(places_t.c.id == row["id"])
        ).first()
        if exists is None:
            conn.execute(places_t.insert(), [row])
        else:
            if not exists.custom:
                raise ValidationError(
                    f"place {row['id']!r} is a gazetteer place and cannot be redefined"
                )
            vals = {k: v for k, v in row.items() if k not in ("id", "created_at")}
            conn.execute(places_t.update().where(places_t.c.id == row["id"]).values(**vals))

    def _reference_source(self, conn: Connection, ref: dict[str, Any]) -> int:
        """The id of a cited source: an existing article/reference that matches, or a new one."""
        s = sources_t
        if ref.get("url"):
            hit = conn.execute(
                sa.select(s.c.id).where(s.c.url == ref["url"]).order_by(s.c.id)
            ).first()
            if hit:
                return hit[0]
        if ref.get("outlet") and ref.get("published"):
            ind = independence_key(ref["outlet"], None, "")
            hit = conn.execute(
                sa.select(s.c.id)
                .where(
                    s.c.independence == ind,
                    s.c.published == ref["published"],
                    s.c.kind.in_(("article", "reference")),
                )
                .order_by(s.c.id)
            ).first()
            if hit:
                return hit[0]
        key = "ref:" + _claim_key(
            ref.get("outlet"), ref.get("url"), ref.get("published"), ref.get("title")
        )
        sid = db.insert_ignore_returning(
            conn,
            s,
            {
                "key": key,
                "kind": "reference" if (ref.get("outlet") or ref.get("url")) else "analyst",
                "outlet": ref.get("outlet"),
                "outlet_ar": ref.get("outlet_ar"),
                "url": ref.get("url"),
                "title": ref.get("title"),
                "language": ref.get("language"),
                "published": ref.get("published"),
                "independence": independence_key(ref.get("outlet"), ref.get("url"), key),
                "meta": {},
                "created_at": dt.datetime.now(dt.UTC),
            },
            ["key"],
        )
        if sid is None:
            sid = conn.execute(sa.select(s.c.id).where(s.c.key == key)).scalar_one()
        return sid

    def _delete_origin(self, conn: Connection, origin_id: int) -> None:
        conn.execute(
            moves_t.delete().where(
                moves_t.c.plan_id.in_(
                    sa.select(plans_t.c.id).where(plans_t.c.origin_id == origin_id)
                )
            )
        )
        conn.execute(
            phases_t.delete().where(
                phases_t.c.plan_id.in_(
                    sa.select(plans_t.c.id).where(plans_t.c.origin_id == origin_id)
                )
            )
        )
        conn.execute(plans_t.delete().where(plans_t.c.origin_id == origin_id))
        conn.execute(observations_t.delete().where(observations_t.c.origin_id == origin_id))

    def _drop_orphan_references(self, conn: Connection) -> None:
        s = sources_t
        used = sa.union(
            sa.select(observations_t.c.source_id),
            sa.select(moves_t.c.source_id),
            sa.select(plans_t.c.source_id).where(plans_t.c.source_id.is_not(None)),
        )
        conn.execute(
            s.delete().where(
                s.c.kind.in_(("reference", "analyst")),
                s.c.id.not_in(sa.select(used.subquery().c[0])),
            )
        )

    # ------------------------------------------------------------------ reading claims
    def _series_query(
        self,
        conn: Connection,
        codes: Sequence[str] | None,
        bbox: tuple[float, float, float, float] | None,
    ):
        s, p = series_t, places_t
        q = sa.select(s.c.id, s.c.actor, s.c.place_id)
        if bbox is not None:
            x0, y0, x1, y1 = bbox
            q = q.join(p, p.c.id == s.c.place_id)
            if conn.dialect.name == "postgresql":
                q = q.where(
                    sa.func.ST_Intersects(p.c.geom, sa.func.ST_MakeEnvelope(x0, y0, x1, y1, 4326))
                )
            else:
                q = q.where(p.c.maxx >= x0, p.c.minx <= x1, p.c.maxy >= y0, p.c.miny <= y1)
        if codes is not None:
            q = q.where(s.c.actor.in_(list(codes)))
        return q

    def _current_claim_rows(self, conn: Connection, day: dt.date, series_q) -> list[tuple]:
        """Claims of the series in ``series_q`` at about the latest date on/before ``day``.

        Rows of :data:`_POSTURE_COLS` as the driver returns them (dates are ISO text on
        SQLite, ``date`` objects on PostgreSQL): converting ~10,000 rows is what made the
        full map slow, so :class:`_RowFeatures` reads them as they are.
        """
        o = observations_t
        o2 = observations_t.alias("o2")
        sq = series_q.subquery("sq")
        if conn.dialect.name == "postgresql":
            # LATERAL: one backward index probe per series, evaluated once per series
            lat = (
                sa.select(o2.c.valid_from.label("latest"))
                .where(o2.c.series_id == sq.c.id, o2.c.valid_from <= day)
                .order_by(o2.c.valid_from.desc())
                .limit(1)
                .lateral("l")
            )
            # the window rows in a second LATERAL; OFFSET 0 keeps the planner from
            # flattening it into a hash join over the whole table
            win = (
                sa.select(*_POSTURE_COLS)
                .where(
                    o.c.series_id == sq.c.id,
                    o.c.valid_from <= day,
                    o.c.valid_from >= db.minus_days(conn, lat.c.latest, M.SAME_TIME_DAYS),
                )
                .offset(0)
                .lateral("w")
            )
            q = sa.select(*win.c).select_from(sq.join(lat, sa.true()).join(win, sa.true()))
            return _driver_rows(conn, q)
        latest = (
            sa.select(o2.c.valid_from)
            .where(o2.c.series_id == sq.c.id, o2.c.valid_from <= day)
            .order_by(o2.c.valid_from.desc())
            .limit(1)
            .correlate(sq)
            .scalar_subquery()
        )
        t = sa.select(sq.c.id.label("sid"), latest.label("latest")).subquery("t")
        q = (
            sa.select(*_POSTURE_COLS)
            .select_from(t.join(o, o.c.series_id == t.c.sid))
            .where(
                o.c.valid_from <= day,
                o.c.valid_from >= db.minus_days(conn, t.c.latest, M.SAME_TIME_DAYS),
            )
        )
        return _driver_rows(conn, q)

    def _claims(self, rows: Iterable[Any], refs: dict[int, M.SourceRef]) -> list[M.Claim]:
        out = []
        dates: dict[tuple, FuzzyDate] = {}
        for (
            oid,
            actor,
            place_id,
            as_of,
            prec,
            approx_d,
            valid_from,
            count,
            cmin,
            cmax,
            approx,
            qual,
            status,
            source_id,
            quote,
            ctype,
            confirmed,
            lprec,
        ) in rows:
            dkey = (as_of, prec, approx_d)
            fdate = dates.get(dkey)
            if fdate is None:
                fdate = dates[dkey] = FuzzyDate(as_of, prec, bool(approx_d))
            if count is None and cmin is None and cmax is None:
                q = None
            else:
                q = _stored_quantity(count, cmin, cmax, bool(approx), qual or "exact")
            out.append(
                M.Claim(
                    oid,
                    actor,
                    place_id,
                    fdate,
                    valid_from,
                    q,
                    status,
                    refs[source_id],
                    quote,
                    ctype,
                    bool(confirmed),
                    lprec,
                )
            )
        return out

    def _plan_filter(self, conn: Connection, plan: Any) -> int | None:
        if plan in (None, ""):
            return None
        p = plans_t
        cond = [p.c.slug == str(plan), p.c.name == str(plan)]
        if isinstance(plan, int) or (isinstance(plan, str) and plan.isdigit()):
            cond.append(p.c.id == int(plan))
        row = conn.execute(sa.select(p.c.id).where(sa.or_(*cond)).order_by(p.c.id)).first()
        if row is None:
            raise NotFoundError(f"no plan {str(plan)[:80]!r}")
        return row[0]

    def _moves(
        self, conn: Connection, plan_id: int | None, until: dt.date | None = None
    ) -> list[M.PlannedMove]:
        m, ph, p = moves_t, phases_t, plans_t
        q = (
            sa.select(
                m,
                ph.c.name.label("phase_name"),
                p.c.name.label("plan_name"),
                p.c.kind.label("plan_kind"),
            )
            .join(ph, ph.c.id == m.c.phase_id)
            .join(p, p.c.id == m.c.plan_id)
            .order_by(m.c.id)
        )
        if plan_id is not None:
            q = q.where(m.c.plan_id == plan_id)
        if until is not None:
            q = q.where(m.c.by < until)
        rows = conn.execute(q).all()
        refs = self._source_refs(conn, (r.source_id for r in rows))
        return [
            M.PlannedMove(
                id=r.id,
                plan_id=r.plan_id,
                plan=r.plan_name,
                plan_kind=r.plan_kind,
                phase=r.phase_name,
                actor=r.actor,
                action=r.action,
                place_id=r.place_id,
                by=_fuzzy(r.by, r.by_precision, r.by_approximate),
                source=refs[r.source_id],
                to_place_id=r.to_place_id,
                scope=r.scope,
                quantity=_qty_from(r),
                quote=r.quote,
                confirmed=bool(r.confirmed),
                modality=r.modality or "planned",
                status=r.status,
            )
            for r in rows
        ]

    @staticmethod
    def _members_map() -> dict[str, tuple[str, ...]]:
        return {a.code: a.members for a in actor_registry.ACTORS.values() if a.members}

    # ------------------------------------------------------------------ posture
    def posture_at(
        self, date: Any, actor: str | None = None, bbox: Any = None, plan: Any = None
    ) -> Posture:
        """The best estimate for every (actor, place) on ``date``.

        Parameters
        ----------
        date : date or "YYYY-MM-DD"
        actor : str, optional
            Only this actor and, for a coalition or alliance, its members.
        bbox : (min_lon, min_lat, max_lon, max_lat), optional
            Only places whose geometry intersects the box.
        plan : str or int, optional
            Project with this plan only (slug, name or id); default: every plan.

        Returns
        -------
        Posture
            ``.features`` (GeoJSON features), ``.to_geojson()``, ``.to_geodataframe()``.
        """
        day = parse_day(date)
        codes = actor_registry.with_members(actor) if actor else None
        box = parse_bbox(bbox)
        with db.read(self.engine) as conn:
            plan_id = self._plan_filter(conn, plan)
            series_q = self._series_query(conn, codes, box)
            series_rows = _driver_rows(conn, series_q)
            claim_rows = self._current_claim_rows(conn, day, series_q)
            moves = self._moves(conn, plan_id)  # all: later moves qualify earlier ones
            refs = self._source_refs(conn, {r[_P_SOURCE] for r in claim_rows})
            cache = self._place_cache(conn)
        by_series: dict[int, list[tuple]] = {}
        for r in claim_rows:
            rows = by_series.get(r[_P_SERIES])
            if rows is None:
                by_series[r[_P_SERIES]] = [r]
            else:
                rows.append(r)
        sid_of = {(a, p): sid for sid, a, p in series_rows}
        keys = [(a, p) for _, a, p in series_rows]
        if box is not None:
            keys = self._exact_bbox(keys, cache, box)
        projections = M.build_projections(moves, keys, self._ancestors(cache), self._members_map())
        build = _RowFeatures(refs, cache, by_series, sid_of, sqlite=self.backend == "sqlite")
        features = []
        for k in keys:
            projs = projections.get(k)
            if projs and any(p.effective <= day for p in projs):
                # a plan may have overtaken the reports: the general model, on Claim objects
                est = M.estimate_at(build.claims(k), projs, day, build.claims)
                if est is not None:
                    place = cache[est.place_id]
                    features.append(
                        {
                            "type": "Feature",
                            "geometry": place.geojson(),
                            "properties": estimate_properties(est, place),
                        }
                    )
            else:
                rows = by_series.get(sid_of[k])
                if rows:
                    features.append(build.reported(k, rows))
        _add_unallocated(features, cache)
        features.sort(key=_feature_order)
        plan_label = (
            moves[0].plan
            if plan_id is not None and moves
            else (str(plan) if plan_id is not None else None)
        )
        return Posture(day, features, actor=actor, bbox=box, plan=plan_label)

    @staticmethod
    def _exact_bbox(
        keys: list[tuple[str, str]],
        cache: dict[str, PlaceInfo],
        box: tuple[float, float, float, float],
    ) -> list[tuple[str, str]]:
        from shapely.geometry import box as mkbox

        b = mkbox(*box)
        ok: dict[str, bool] = {}
        out = []
        for k in keys:
            pid = k[1]
            if pid not in ok:
                g = cache[pid].geom
                ok[pid] = g is None or g.intersects(b)
            if ok[pid]:
                out.append(k)
        return out

    # ------------------------------------------------------------------ timeline
    def timeline(self, place_id: str, actor: str | None = None) -> list[TimelineStep]:
        """The step series (reported and projected) of every actor at a place.

        Raises
        ------
        UnknownPlaceError
            If neither the store nor the gazetteer knows ``place_id``.
        """
        codes = actor_registry.with_members(actor) if actor else None
        o = observations_t
        with db.read(self.engine) as conn:
            cache = self._place_cache(conn)
            if place_id not in cache:
                try:
                    self.gazetteer.get(place_id)
                except (UnknownPlaceError, DataError):
                    raise UnknownPlaceError(f"no place {str(place_id)[:80]!r}") from None
                return []
            sq = sa.select(series_t.c.actor, series_t.c.place_id).where(
                series_t.c.place_id == place_id
            )
            if codes is not None:
                sq = sq.where(series_t.c.actor.in_(codes))
            keys = [(r.actor, r.place_id) for r in conn.execute(sq)]
            moves = self._moves(conn, None)
            origins = sorted({m.place_id for m in moves if m.to_place_id == place_id})
            q = sa.select(*_CLAIM_COLS).where(o.c.place_id.in_([place_id, *origins]))
            if codes is not None:
                q = q.where(o.c.actor.in_(codes))
            rows = conn.execute(q).all()
            refs = self._source_refs(conn, (r.source_id for r in rows))
        claims: dict[tuple[str, str], list[M.Claim]] = {}
        for c in self._claims(rows, refs):
            claims.setdefault((c.actor, c.place_id), []).append(c)
        projections = M.build_projections(moves, keys, self._ancestors(cache), self._members_map())
        out: list[TimelineStep] = []
        place = cache[place_id]
        claims_of = lambda key: claims.get(key, ())
        for k in sorted(keys):
            for st in M.steps(claims.get(k, ()), projections.get(k, ()), claims_of):
                p = estimate_properties(st.estimate, place)
                out.append(
                    TimelineStep(
                        start=st.start,
                        end=st.end,
                        actor=k[0],
                        place_id=place_id,
                        name=place.name,
                        status=p["status"],
                        count=p["count"],
                        count_min=p["count_min"],
                        count_max=p["count_max"],
                        approximate=p["approximate"],
                        qualifier=p["qualifier"],
                        label=p["label"],
                        basis=p["basis"],
                        as_of=p["as_of"],
                        as_of_precision=p["as_of_precision"],
                        plan=p["plan"],
                        phase=p["phase"],
                        reason=p["reason"],
                        sources=p["sources"],
                        conflicts=p["conflicts"],
                    )
                )
        return out

    # ------------------------------------------------------------------ changes
    def changes(self, date_from: Any, date_to: Any, actor: str | None = None) -> ChangeList:
        """What changed between two dates, place by place, with the claims behind it."""
        d0 = parse_day(date_from, "date_from")
        d1 = parse_day(date_to, "date_to")
        if d1 <= d0:
            raise InputError("date_to must be after date_from")
        before = {
            (p["actor"], p["place_id"]): f
            for f in self.posture_at(d0, actor).features
            for p in [f["properties"]]
        }
        after = {
            (p["actor"], p["place_id"]): f
            for f in self.posture_at(d1, actor).features
            for p in [f["properties"]]
        }
        with db.read(self.engine) as conn:
            moves = [
                m
                for m in self._moves(conn, None, until=d1)
                if m.action == "relocate" and m.effective and m.effective > d0
            ]
        out: list[Change] = []
        for key in sorted(set(before) | set(after)):
            b, a = before.get(key), after.get(key)
            kind = classify_change(b["properties"] if b else None, a["properties"] if a else None)
            if kind is None:
                continue
            f = a or b
            assert f is not None
            p = f["properties"]
            out.append(
                Change(
                    kind=kind,
                    actor=key[0],
                    place_id=key[1],
                    name=p["name"],
                    before=_state(b),
                    after=_state(a),
                    sources=(a or b)["properties"]["sources"],
                    effective=(a["properties"]["valid_from"] if a else None),
                    geometry=f["geometry"],
                )
            )
        return ChangeList(_merge_moves(out, moves, after), date_from=d0, date_to=d1)

    def change_dates(self, plan: Any = None) -> list[dt.date]:
        """Sorted dates on which anything changes (the map's time-slider steps)."""
        with db.read(self.engine) as conn:
            plan_id = self._plan_filter(conn, plan)
            obs = {r[0] for r in conn.execute(sa.select(observations_t.c.valid_from).distinct())}
            moves = self._moves(conn, plan_id)
        return sorted(obs | {m.effective for m in moves if m.effective})

    # ------------------------------------------------------------------ listings
    def plans(self) -> list[dict[str, Any]]:
        """Every plan with its phases and moves."""
        with db.read(self.engine) as conn:
            plans = conn.execute(sa.select(plans_t).order_by(plans_t.c.id)).all()
            phases = conn.execute(
                sa.select(phases_t).order_by(phases_t.c.plan_id, phases_t.c.ordinal)
            ).all()
            moves = conn.execute(
                sa.select(moves_t).order_by(moves_t.c.phase_id, moves_t.c.ordinal)
            ).all()
        by_phase: dict[int, list[dict[str, Any]]] = {}
        for m in moves:
            d = dict(m._mapping)
            d["by"] = d["by"].isoformat() if d["by"] else None
            by_phase.setdefault(m.phase_id, []).append(d)
        by_plan: dict[int, list[dict[str, Any]]] = {}
        for ph in phases:
            d = dict(ph._mapping)
            d["deadline"] = d["deadline"].isoformat() if d["deadline"] else None
            d["moves"] = by_phase.get(ph.id, [])
            by_plan.setdefault(ph.plan_id, []).append(d)
        out = []
        for p in plans:
            out.append(
                {
                    "id": p.id,
                    "slug": p.slug,
                    "name": p.name,
                    "kind": p.kind,
                    "origin_id": p.origin_id,
                    "source_id": p.source_id,
                    "start": p.start.isoformat() if p.start else None,
                    "description": p.description,
                    "phases": by_plan.get(p.id, []),
                }
            )
        return out

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out = {}
        with db.read(self.engine) as conn:
            for t in (sources_t, places_t, series_t, observations_t, plans_t, phases_t, moves_t):
                out[t.name] = conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        return out

    def observations(
        self, *, place_id: str | None = None, actor: str | None = None
    ) -> list[dict[str, Any]]:
        """Stored observations (claims) as dicts, oldest first."""
        o = observations_t
        q = sa.select(o).order_by(o.c.valid_from, o.c.id)
        if place_id:
            q = q.where(o.c.place_id == place_id)
        if actor:
            q = q.where(o.c.actor == actor)
        with db.read(self.engine) as conn:
            rows = conn.execute(q).all()
        out = []
        for r in rows:
            d = dict(r._mapping)
            for k in ("as_of", "valid_from"):
                d[k] = d[k].isoformat()
            d["created_at"] = d["created_at"].isoformat() if d["created_at"] else None
            out.append(d)
        return out

    # ------------------------------------------------------------------ exchange
    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        """Write the whole store to GeoPackage, GeoJSON, CSV (lossless) or KML."""
        from .exchange import export_store

        return export_store(self, path, fmt)

    def import_file(self, path: str | Path, fmt: str | None = None) -> dict[str, int]:
        """Load a file written by :meth:`export` (GeoPackage, GeoJSON or CSV)."""
        from .exchange import import_store

        return import_store(self, path, fmt)


def _driver_rows(conn: Connection, stmt: Any) -> list[tuple]:
    """Run a SELECT on the driver directly (the hot path of ``posture_at``: no per-row result
    processing; dates stay ISO text on SQLite)."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if conn.dialect.name == "sqlite":
        args: Any = tuple(
            v.isoformat() if isinstance(v, dt.date) else v
            for v in (params[k] for k in compiled.positiontup)
        )
    else:
        args = params
    cur = conn.connection.driver_connection.cursor()
    try:
        cur.execute(str(compiled), args)
        return cur.fetchall()
    finally:
        cur.close()


_o = observations_t
_CLAIM_COLS = (
    _o.c.id,
    _o.c.actor,
    _o.c.place_id,
    _o.c.as_of,
    _o.c.as_of_precision,
    _o.c.as_of_approximate,
    _o.c.valid_from,
    _o.c.count,
    _o.c.count_min,
    _o.c.count_max,
    _o.c.approximate,
    _o.c.qualifier,
    _o.c.status,
    _o.c.source_id,
    _o.c.quote,
    _o.c.claim_type,
    _o.c.confirmed,
    _o.c.location_precision,
)


def _precision_rank_sql() -> Any:
    """:func:`service.store.model.precision_rank` as a SQL expression (from the model's own
    rank tables), so that claim rows arrive as :data:`service.store.model.Fact` tuples."""
    o = observations_t
    date_rank = sa.case(
        {p: r * 10_000 for p, r in M._DATE_RANK.items()}, value=o.c.as_of_precision, else_=0
    )
    exact_date = sa.case((o.c.as_of_approximate, 0), else_=1_000)
    number = sa.case(
        (sa.and_(o.c.count.is_(None), o.c.count_min.is_(None), o.c.count_max.is_(None)), 0),
        else_=100
        + sa.case(
            {q: r * 10 for q, r in M._QUALIFIER_RANK.items()},
            value=sa.func.coalesce(o.c.qualifier, "exact"),
            else_=0,
        ),
    )
    stated = sa.case((o.c.claim_type == "implied", 0), else_=1)
    return (date_rank + exact_date + number + stated).label("precision_rank")


#: The columns ``posture_at`` reads: a :data:`service.store.model.Fact` (valid_from,
#: precision rank, confirmed, id, status, count, count_min, count_max, approximate,
#: source_id), then what a feature shows (the series id stands for actor and place).
_POSTURE_COLS = (
    _o.c.valid_from,
    _precision_rank_sql(),
    _o.c.confirmed,
    _o.c.id,
    _o.c.status,
    _o.c.count,
    _o.c.count_min,
    _o.c.count_max,
    _o.c.approximate,
    _o.c.source_id,
    _o.c.series_id,
    _o.c.as_of,
    _o.c.as_of_precision,
    _o.c.qualifier,
    _o.c.quote,
    _o.c.claim_type,
    _o.c.as_of_approximate,
)
_P_SOURCE, _P_SERIES = 9, 10


# ---------------------------------------------------------------------------- properties
def _source_entry(item: M.Claim | M.Projection) -> dict[str, Any]:
    s = item.source
    d = {
        "source_id": s.source_id,
        "kind": s.kind,
        "outlet": s.outlet,
        "url": s.url,
        "title": s.title,
        "published": _iso(s.published),
        "quote": item.quote,
    }
    if isinstance(item, M.Claim):
        d["observation_id"] = item.id
        d["claim_type"] = item.claim_type
    else:
        d["move_id"] = item.move.id
        d["plan"] = item.move.plan
    return d


def _conflict_entry(item: M.Claim | M.Projection) -> dict[str, Any]:
    if isinstance(item, M.Claim):
        s, q = item.source, item.quantity
        return {
            "source_id": s.source_id,
            "kind": s.kind,
            "outlet": s.outlet,
            "url": s.url,
            "title": s.title,
            "published": _iso(s.published),
            "quote": item.quote,
            "observation_id": item.id,
            "claim_type": item.claim_type,
            "basis": "reported",
            "status": item.status,
            "as_of": _iso(item.as_of.value),
            "label": M.quantity_label(q, item.status),
            "count": q.count if q else None,
            "count_min": q.count_min if q else None,
            "count_max": q.count_max if q else None,
        }
    d = _source_entry(item)
    by = item.move.by
    d.update(
        basis="projected",
        status=item.status,
        as_of=by.isoformat() if by else None,
        label=item.status,
        count=None,
        count_min=None,
        count_max=None,
    )
    return d


_ISO: dict[dt.date, str] = {}


def _iso(d: dt.date | None) -> str | None:
    if d is None:
        return None
    r = _ISO.get(d)
    if r is None:
        if len(_ISO) > 100_000:
            _ISO.clear()
        r = _ISO[d] = d.isoformat()
    return r


def estimate_properties(est: M.Estimate, place: PlaceInfo) -> dict[str, Any]:
    """The posture feature properties of one estimate (the documented contract)."""
    q = est.quantity
    actor = actor_registry.ACTORS.get(est.actor)
    return {
        "place_id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "kind": place.kind,
        "country": place.country,
        "actor": est.actor,
        "actor_name": actor.name if actor else est.actor,
        "count": q.count if q else None,
        "count_min": q.count_min if q else None,
        "count_max": q.count_max if q else None,
        "approximate": bool(q.approximate) if q else False,
        "qualifier": q.qualifier if q else None,
        "label": M.quantity_label(q, est.status),
        "status": est.status,
        "basis": est.basis,
        "as_of": _iso(est.as_of.value),
        "as_of_precision": est.as_of.precision,
        "valid_from": _iso(est.valid_from),
        "location_precision": M.LOCATION_PRECISION.get(place.kind, place.kind),
        "plan": est.plan,
        "phase": est.phase,
        "sources": [_source_entry(s) for s in est.supporting],
        "conflicts": [_conflict_entry(c) for c in est.conflicts],
        "corroboration": est.corroboration,
        "confirmed": est.confirmed,
        "reason": est.reason,
        "claim_type": est.claim_type,
        "via": est.via or None,
        "unallocated": None,
        "lon": place.lon,
        "lat": place.lat,
    }


def _feature_order(f: dict[str, Any]) -> tuple:
    p = f["properties"]
    return (p["country"] or "~", _KIND_ORDER[p["kind"]], p["place_id"], p["actor"])


class _RowFeatures:
    """Posture features built straight from claim rows (:data:`_POSTURE_COLS`).

    A series that no passed deadline touches is estimated from its reports alone: the rows
    are the facts :func:`service.store.model.choose_current` works on, and the properties
    are those :func:`estimate_properties` gives the same estimate — without a ``Claim``,
    ``Quantity``, ``FuzzyDate`` and ``Estimate`` object per claim, which was most of the cost
    of a full map.  Series a plan has reached go through
    :func:`service.store.model.estimate_at` on :meth:`claims` instead.
    """

    def __init__(
        self,
        refs: dict[int, M.SourceRef],
        places: dict[str, PlaceInfo],
        by_series: dict[int, list[tuple]],
        sid_of: dict[tuple[str, str], int],
        *,
        sqlite: bool,
    ) -> None:
        self.refs = refs
        self.places = places
        self.by_series = by_series
        self.sid_of = sid_of
        # SQLite rows carry dates as ISO text, which is what the properties show
        self.text = sqlite
        self.iso: Callable[[Any], str | None] = _same if sqlite else _iso
        self.day: Callable[[Any], dt.date] = _day_of if sqlite else _same
        self.sources = M.source_facts(refs.values())
        # per source: the first fields of a ``sources`` / ``conflicts`` entry
        self.entry = {
            sid: {
                "source_id": r.source_id,
                "kind": r.kind,
                "outlet": r.outlet,
                "url": r.url,
                "title": r.title,
                "published": _iso(r.published),
            }
            for sid, r in refs.items()
        }
        self._claims: dict[tuple[str, str], list[M.Claim]] = {}

    def claims(self, key: tuple[str, str]) -> list[M.Claim]:
        """The current claims of a series as :class:`~service.store.model.Claim` objects."""
        out = self._claims.get(key)
        if out is not None:
            return out
        sid = self.sid_of.get(key)
        rows = self.by_series.get(sid, ()) if sid is not None else ()
        actor, place_id = key
        place = self.places.get(place_id)
        lprec = M.LOCATION_PRECISION.get(place.kind, "country") if place else "country"
        to_day = self.day
        out = []
        for (
            vf,
            _rank,
            conf,
            oid,
            status,
            count,
            cmin,
            cmax,
            approx,
            src,
            _sid,
            as_of,
            prec,
            qual,
            quote,
            ctype,
            approx_d,
        ) in rows:
            q = (
                None
                if count is None and cmin is None and cmax is None
                else _stored_quantity(count, cmin, cmax, bool(approx), qual or "exact")
            )
            out.append(
                M.Claim(
                    oid,
                    actor,
                    place_id,
                    FuzzyDate(to_day(as_of), prec, bool(approx_d)),
                    to_day(vf),
                    q,
                    status,
                    self.refs[src],
                    quote,
                    ctype,
                    bool(conf),
                    lprec,
                )
            )
        self._claims[key] = out
        return out

    def reported(self, key: tuple[str, str], rows: list[tuple]) -> dict[str, Any]:
        """The feature of a series from its current claim rows (at least one)."""
        entry = self.entry
        if len(rows) == 1:
            best = rows[0]
            sources = [
                {
                    **entry[best[9]],
                    "quote": best[14],
                    "observation_id": best[3],
                    "claim_type": best[15],
                }
            ]
            conflicts: list[dict[str, Any]] = []
            corroboration, confirmed, reason = 1, bool(best[2]), "only report"
        else:
            best, agree, disagree, corroboration, confirmed, reason = M.choose_current(
                rows, self.sources
            )
            sources = [
                {**entry[r[9]], "quote": r[14], "observation_id": r[3], "claim_type": r[15]}
                for r in agree
            ]
            text, iso, label_of = self.text, self.iso, M.label_of
            conflicts = [
                {
                    **entry[r[9]],
                    "quote": r[14],
                    "observation_id": r[3],
                    "claim_type": r[15],
                    "basis": "reported",
                    "status": r[4],
                    "as_of": r[11] if text else iso(r[11]),
                    "label": label_of(r[5], r[6], r[7], r[13], r[4]),
                    "count": r[5],
                    "count_min": r[6],
                    "count_max": r[7],
                }
                for r in disagree
            ]
        (
            vf,
            _rank,
            _conf,
            _oid,
            status,
            count,
            cmin,
            cmax,
            approx,
            _src,
            _sid,
            as_of,
            prec,
            qual,
            _quote,
            ctype,
            _ad,
        ) = best
        hasq = not (count is None and cmin is None and cmax is None)
        actor, place_id = key
        place = self.places[place_id]
        reg = actor_registry.ACTORS.get(actor)
        # the keys and their order are estimate_properties' (the documented contract)
        props = {
            "place_id": place.id,
            "name": place.name,
            "name_ar": place.name_ar,
            "kind": place.kind,
            "country": place.country,
            "actor": actor,
            "actor_name": reg.name if reg else actor,
            "count": count,
            "count_min": cmin,
            "count_max": cmax,
            "approximate": bool(approx) if hasq else False,
            "qualifier": (qual or "exact") if hasq else None,
            "label": M.label_of(count, cmin, cmax, qual, status),
            "status": status,
            "basis": "reported",
            "as_of": self.iso(as_of),
            "as_of_precision": prec,
            "valid_from": self.iso(vf),
            "location_precision": M.LOCATION_PRECISION.get(place.kind, place.kind),
            "plan": None,
            "phase": None,
            "sources": sources,
            "conflicts": conflicts,
            "corroboration": corroboration,
            "confirmed": confirmed,
            "reason": reason,
            "claim_type": ctype,
            "via": None,
            "unallocated": None,
            "lon": place.lon,
            "lat": place.lat,
        }
        return {"type": "Feature", "geometry": place.geojson(), "properties": props}


def _same(v: Any) -> Any:
    return v


_DAYS: dict[str, dt.date] = {}


def _day_of(v: str) -> dt.date:
    d = _DAYS.get(v)
    if d is None:
        if len(_DAYS) > 100_000:
            _DAYS.clear()
        d = _DAYS[v] = dt.date.fromisoformat(v)
    return d


def _add_unallocated(feats: list[dict[str, Any]], cache: dict[str, PlaceInfo]) -> None:
    """Country rows: the part of the country total not attributed to sub-places."""
    totals = [
        p
        for f in feats
        for p in (f["properties"],)
        if p["kind"] == "country" and p["status"] in M.PRESENTISH
    ]
    if not totals:
        return
    members = {a.code: set(a.members) for a in actor_registry.ACTORS.values()}
    subs: dict[str, list[dict[str, Any]]] = {}
    for f in feats:
        p = f["properties"]
        if p["kind"] != "country" and p["country"] and p["status"] in M.PRESENTISH:
            subs.setdefault(p["country"], []).append(p)
    for p in totals:
        q = _props_qty(p)
        if q is None or q.high is None:
            continue
        actors = {p["actor"]} | members.get(p["actor"], set())
        rows = [s for s in subs.get(p["country"], []) if s["actor"] in actors]
        lo_alloc = sum((_props_qty(s).low or 0) if _props_qty(s) else 0 for s in rows)
        his = [(_props_qty(s).high if _props_qty(s) else None) for s in rows]
        hi_alloc = None if any(h is None for h in his) else sum(h for h in his)  # type: ignore
        total_lo = q.low if q.low is not None else 0
        umax = max(0, q.high - lo_alloc)
        umin = 0 if hi_alloc is None else max(0, total_lo - hi_alloc)
        p["unallocated"] = {
            "count_min": umin,
            "count_max": umax,
            "approximate": bool(q.approximate),
            "label": (f"{umin:,}" if umin == umax else f"{umin:,}–{umax:,}"),
            "allocated_places": sorted({s["place_id"] for s in rows}),
        }


def _props_qty(p: dict[str, Any]) -> Quantity | None:
    if p["count"] is None and p["count_min"] is None and p["count_max"] is None:
        return None
    return Quantity(
        p["count"],
        p["count_min"],
        p["count_max"],
        bool(p["approximate"]),
        p["qualifier"] or "exact",
    )


def _state(f: dict[str, Any] | None) -> dict[str, Any] | None:
    if f is None:
        return None
    p = f["properties"]
    return {
        k: p[k]
        for k in (
            "status",
            "label",
            "count",
            "count_min",
            "count_max",
            "approximate",
            "qualifier",
            "basis",
            "as_of",
            "plan",
            "phase",
        )
    }


def classify_change(b: dict[str, Any] | None, a: dict[str, Any] | None) -> str | None:
    """arrived / left / reduced / grew / status, or ``None`` when nothing changed."""
    was = b is not None and b["status"] in M.PRESENTISH
    now = a is not None and a["status"] in M.PRESENTISH
    if not was and now:
        return "arrived"
    if was and not now:
        return "left"
    if not was and not now:
        return None
    assert a is not None and b is not None
    if a["status"] == "reduced" and b["status"] != "reduced":
        return "reduced"
    qa, qb = _props_qty(a), _props_qty(b)
    if qa is not None and qb is not None:
        ca, cb = qa.central, qb.central
        if ca is not None and cb is not None and ca != cb:
            return "grew" if ca > cb else "reduced"
    if a["status"] != b["status"]:
        return "status"
    return None


def _merge_moves(
    changes: list[Change], moves: list[M.PlannedMove], after: dict[tuple[str, str], dict[str, Any]]
) -> list[Change]:
    """Turn "left X" + "arrived/grew Y" caused by one relocation into "moved X → Y"."""
    out = list(changes)
    for m in moves:
        if not m.to_place_id:
            continue
        frm = next(
            (
                c
                for c in out
                if c.actor == m.actor and c.place_id == m.place_id and c.kind in ("left", "reduced")
            ),
            None,
        )
        to = next(
            (
                c
                for c in out
                if c.actor == m.actor
                and c.place_id == m.to_place_id
                and c.kind in ("arrived", "grew")
            ),
            None,
        )
        if frm is None or to is None:
            continue
        geom = None
        if frm.geometry and to.geometry:
            a = after.get((m.actor, m.place_id))
            b = after.get((m.actor, m.to_place_id))
            if a and b:
                pa, pb = a["properties"], b["properties"]
                geom = {
                    "type": "LineString",
                    "coordinates": [[pa["lon"], pa["lat"]], [pb["lon"], pb["lat"]]],
                }
        merged = Change(
            kind="moved",
            actor=m.actor,
            place_id=m.place_id,
            name=frm.name,
            before=frm.before,
            after=to.after,
            sources=to.sources,
            to_place_id=m.to_place_id,
            to_name=to.name,
            effective=m.effective.isoformat() if m.effective else None,
            geometry=geom or frm.geometry,
        )
        out = [c for c in out if c is not frm and c is not to] + [merged]
    return out


# ---------------------------------------------------------------------------- records
@dataclass(slots=True)
class Records:
    """Rows to write for one article or scenario (before ids are known).

    ``observations`` and moves are dicts of column values; their ``"source"`` entry names a
    cited source (``None``: the article/scenario itself).
    """

    observations: list[dict[str, Any]]
    plans: list[dict[str, Any]]
    skipped: int = 0
    plan_name: str | None = None

    @property
    def moves(self) -> list[dict[str, Any]]:
        return [m for p in self.plans for ph in p["phases"] for m in ph["moves"]]

    def place_ids(self) -> set[str]:
        ids = {o["place_id"] for o in self.observations}
        for m in self.moves:
            ids.add(m["place_id"])
            if m.get("to_place_id"):
                ids.add(m["to_place_id"])
        return ids


def observation_row(
    *,
    actor: str,
    place_id: str,
    place_kind: str,
    as_of: FuzzyDate,
    quantity: Quantity | None,
    status: str,
    claim_type: str = "level",
    quote: str | None = None,
    quote_start: int | None = None,
    quote_end: int | None = None,
    confirmed: bool = False,
    note: str | None = None,
    source: str | None = None,
    valid_from: dt.date | None = None,
) -> dict[str, Any]:
    """Column values of one observation (validated)."""
    if status not in (*M.PRESENTISH, "withdrawn"):
        raise InputError(f"unknown status {status!r}")
    if not actor_registry.is_actor(actor):
        raise InputError(f"unknown actor {str(actor)[:40]!r}")
    actor = actor_registry.get_actor(actor).code
    if valid_from is None:
        valid_from = as_of.value if claim_type == "event" else as_of.start
    row = {
        "actor": actor,
        "place_id": place_id,
        "claim_type": claim_type,
        "as_of": as_of.value,
        "as_of_precision": as_of.precision,
        "as_of_approximate": bool(as_of.approximate),
        "valid_from": valid_from,
        "status": status,
        "location_precision": M.LOCATION_PRECISION[place_kind],
        "quote": quote,
        "quote_start": quote_start,
        "quote_end": quote_end,
        "confirmed": bool(confirmed),
        "note": note,
        "source": source,
        **_qty_cols(quantity),
    }
    row["claim_key"] = _claim_key(
        "obs",
        claim_type,
        actor,
        place_id,
        as_of.value,
        as_of.precision,
        status,
        _qty_cols(quantity),
        source,
    )
    return row


def move_row(
    *,
    actor: str,
    action: str,
    place_id: str,
    by: FuzzyDate | None,
    ordinal: int,
    to_place_id: str | None = None,
    scope: str | None = None,
    quantity: Quantity | None = None,
    quote: str | None = None,
    quote_start: int | None = None,
    quote_end: int | None = None,
    confirmed: bool = False,
    source: str | None = None,
    modality: str | None = "planned",
    status: str | None = None,
) -> dict[str, Any]:
    """Column values of one planned move (validated)."""
    from ..domain import MOVEMENT_ACTIONS

    if action not in MOVEMENT_ACTIONS:
        raise InputError(f"unknown move action {action!r}")
    if action == "relocate" and not to_place_id:
        raise InputError("a relocation needs a destination (to)")
    if scope not in MOVE_SCOPES:
        raise InputError(f"unknown move scope {scope!r} (all, rest or part)")
    if (modality or "planned") not in MODALITIES:
        raise InputError(f"unknown move modality {modality!r} ({', '.join(MODALITIES)})")
    if status is not None and status not in (*M.PRESENTISH, "withdrawn"):
        raise InputError(f"unknown status {status!r}")
    return {
        "actor": actor_registry.get_actor(actor).code,
        "action": action,
        "place_id": place_id,
        "to_place_id": to_place_id,
        "by": by.value if by else None,
        "by_precision": by.precision if by else None,
        "by_approximate": bool(by.approximate) if by else False,
        "scope": scope,
        "modality": modality or "planned",
        "status": status,
        "ordinal": ordinal,
        "quote": quote,
        "quote_start": quote_start,
        "quote_end": quote_end,
        "confirmed": bool(confirmed),
        "source": source,
        **_qty_cols(quantity),
    }


def group_phases(moves: list[tuple[FuzzyDate | None, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Phases grouped by deadline (earliest first); moves without a deadline, then moves that
    are not planned (possible, demanded) come last, in phases of their own."""
    groups: dict[Any, list[tuple[FuzzyDate | None, dict[str, Any]]]] = {}
    for by, mv in moves:
        if mv.get("modality", "planned") != "planned":
            key: Any = "other"
        else:
            key = by.value if by else None
        groups.setdefault(key, []).append((by, mv))
    order = sorted(
        groups,
        key=lambda d: (d == "other", d is None, d if isinstance(d, dt.date) else dt.date.min),
    )
    phases = []
    for i, d in enumerate(order, start=1):
        items = groups[d]
        if d == "other":
            for j, (_, mv) in enumerate(items, start=1):
                mv["ordinal"] = j
            phases.append(
                {
                    "ordinal": i,
                    "name": "Not agreed (possible or demanded moves)",
                    "deadline": None,
                    "deadline_precision": None,
                    "deadline_approximate": False,
                    "moves": [mv for _, mv in items],
                }
            )
            continue
        by = items[0][0]
        if by is not None:
            prec = min(
                (b.precision for b, _ in items if b), key=lambda p: M._DATE_RANK.get(p, 0) * -1
            )
            by = FuzzyDate(by.value, prec, any(b.approximate for b, _ in items if b))
        for j, (_, mv) in enumerate(items, start=1):
            mv["ordinal"] = j
        phases.append(
            {
                "ordinal": i,
                "name": f"Phase {i} (by {by.value.isoformat()})" if by else "Unscheduled",
                "deadline": by.value if by else None,
                "deadline_precision": by.precision if by else None,
                "deadline_approximate": bool(by.approximate) if by else False,
                "moves": [mv for _, mv in items],
            }
        )
    return phases


def build_article_records(
    ex: Any,
    *,
    published: dt.date | None,
    plan_name: str,
    plan_slug: str,
    country_of: Callable[[str], str | None],
) -> Records:
    """Turn an :class:`~service.domain.Extraction` into rows (pure apart from ``country_of``).

    * force levels → observations (``as_of`` defaults to the publication date);
    * movements → one plan per article, phases grouped by deadline; a movement without a
      place applies to the country the article's other movements are in;
    * a planned withdrawal/reduction/"remain" also states presence as of publication
      (an ``implied`` observation with no number);
    * dated events (invaded, withdrew, returned …) → ``event`` observations.
    """
    place_kind = {p.place.id: p.place.kind for p in getattr(ex, "places", [])}

    def kind_of(pid: str) -> str:
        if pid in place_kind:
            return place_kind[pid]
        return pid.split(":", 1)[0] if pid.split(":", 1)[0] in _KIND_ORDER else "installation"

    pub_fd = FuzzyDate(published) if published else None
    obs: dict[str, dict[str, Any]] = {}
    skipped = 0
    for fl in ex.force_levels:
        as_of = fl.as_of or pub_fd
        if as_of is None:
            raise InputError(
                "the article has no publication date and a force level has no "
                "date of its own; pass the publication date"
            )
        row = observation_row(
            actor=fl.actor,
            place_id=fl.place_id,
            place_kind=kind_of(fl.place_id),
            as_of=as_of,
            quantity=fl.quantity,
            status=fl.status or "present",
            quote=fl.quote.text,
            quote_start=fl.quote.start,
            quote_end=fl.quote.end,
        )
        obs.setdefault(row["claim_key"], row)
    # country for place-less movements
    move_countries = Counter(
        c for m in ex.movements if m.place_id for c in [country_of(m.place_id)] if c
    )
    if not move_countries:
        move_countries = Counter(
            c for fl in ex.force_levels for c in [country_of(fl.place_id)] if c
        )
    default_country = move_countries.most_common(1)[0][0] if move_countries else None
    level_keys = {(o["actor"], o["place_id"], o["valid_from"]) for o in obs.values()}
    plan_moves: list[tuple[FuzzyDate | None, dict[str, Any]]] = []
    for mv in ex.movements:
        place_id = mv.place_id or default_country
        if place_id is None:
            skipped += 1
            continue
        modality = getattr(mv, "modality", None) or "planned"
        mstatus = getattr(mv, "status", None)
        if modality == "reported":
            # a move that already happened is a report of the state after it
            when = mv.by or pub_fd
            if when is None:
                skipped += 1
                continue
            pm = M.PlannedMove(
                0,
                0,
                "",
                "article",
                "",
                actor_registry.get_actor(mv.actor).code,
                mv.action,
                place_id,
                when,
                M.SourceRef(0, "article"),
                to_place_id=mv.to_place_id,
                scope=mv.scope,
                status=mstatus,
            )
            for pid, status, _via in M.move_outcomes(pm):
                o = observation_row(
                    actor=pm.actor,
                    place_id=pid,
                    place_kind=kind_of(pid),
                    as_of=when,
                    quantity=None,
                    status=status,
                    claim_type="event",
                    quote=mv.quote.text,
                    quote_start=mv.quote.start,
                    quote_end=mv.quote.end,
                )
                obs.setdefault(o["claim_key"], o)
            continue
        row = move_row(
            actor=mv.actor,
            action=mv.action,
            place_id=place_id,
            by=mv.by,
            ordinal=0,
            to_place_id=mv.to_place_id,
            scope=mv.scope,
            quantity=mv.quantity,
            quote=mv.quote.text,
            quote_start=mv.quote.start,
            quote_end=mv.quote.end,
            modality=modality,
            status=mstatus,
        )
        plan_moves.append((mv.by, row))
        if (
            mv.action in _IMPLIED_ACTIONS
            and pub_fd is not None
            and mv.by is not None
            and modality == "planned"
        ):
            code = row["actor"]
            if (code, place_id, pub_fd.start) not in level_keys:
                o = observation_row(
                    actor=code,
                    place_id=place_id,
                    place_kind=kind_of(place_id),
                    as_of=pub_fd,
                    quantity=None,
                    status="present",
                    claim_type="implied",
                    quote=mv.quote.text,
                    quote_start=mv.quote.start,
                    quote_end=mv.quote.end,
                )
                obs.setdefault(o["claim_key"], o)
    for ev in getattr(ex, "events", []):
        status = _EVENT_STATUS.get(ev.action)
        if status is None or not ev.place_id or ev.date is None:
            continue
        o = observation_row(
            actor=ev.actor,
            place_id=ev.place_id,
            place_kind=kind_of(ev.place_id),
            as_of=ev.date,
            quantity=None,
            status=status,
            claim_type="event",
            quote=ev.quote.text,
            quote_start=ev.quote.start,
            quote_end=ev.quote.end,
        )
        obs.setdefault(o["claim_key"], o)
    plans = []
    if plan_moves:
        plans.append(
            {
                "slug": plan_slug,
                "name": plan_name,
                "kind": "article",
                "start": published,
                "phases": group_phases(plan_moves),
            }
        )
    return Records(list(obs.values()), plans, skipped, plan_name if plans else None)


# ---------------------------------------------------------------------------- prepare
@dataclass(slots=True)
class PreparedArticle:
    """An article extracted and turned into rows, not written yet.

    Plain picklable data (dicts of str/int/bool/date, no ORM or geometry objects), so it can
    be built on one process (a Dask worker) and written by another.

    Attributes
    ----------
    content_hash : str
        :func:`content_hash` of the text (the idempotency key is ``article:<hash>``).
    source_row : dict
        The ``sources`` row (with the full text).
    records : Records
        Observations and the article's plan.
    place_ids : list of str
        Every place the records reference, with its gazetteer ancestors (sorted).
    """

    content_hash: str
    source_row: dict[str, Any]
    records: Records
    place_ids: list[str]

    @property
    def key(self) -> str:
        return self.source_row["key"]


def prepare_article(
    text: Any,
    *,
    published: Any = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    lang: str = "auto",
    outlet_ar: str | None = None,
    extractor: Callable[..., Any],
    gazetteer: Any,
) -> PreparedArticle:
    """The pure half of :meth:`Store.ingest_article`: validate, extract, build the rows.

    ``extractor(text, *, published, lang, source, gazetteer) -> Extraction``.  No database
    access: safe to run on any process that has the gazetteer.

    Raises
    ------
    InputError, UnknownPlaceError
        As :meth:`Store.ingest_article`.
    """
    text = check_article_text(text)
    pub = parse_day(published, "published") if published not in (None, "") else None
    chash = content_hash(text)
    key = f"article:{chash}"
    extraction = extractor(
        text, published=pub, lang=lang, source=url or outlet, gazetteer=gazetteer
    )
    pub = pub or getattr(extraction, "published", None)
    language = getattr(extraction, "language", None) or (None if lang == "auto" else lang)
    source_row = {
        "key": key,
        "kind": "article",
        "outlet": outlet,
        "outlet_ar": outlet_ar,
        "url": url,
        "title": title,
        "language": (language or None) and language[:8],
        "published": pub,
        "content_hash": chash,
        "independence": independence_key(outlet, url, f"article:{chash[:16]}"),
        "text": text,
        "meta": {},
    }
    plan_name = f"plan from {outlet or 'article ' + chash[:8]} {pub.isoformat() if pub else ''}"

    def country_of(place_id: str) -> str | None:
        try:
            c = gazetteer.country_of(place_id)
        except ServiceError:
            return None
        return c.id if c is not None else None

    spec = build_article_records(
        extraction,
        published=pub,
        plan_name=plan_name.strip(),
        plan_slug=f"article-{chash[:16]}",
        country_of=country_of,
    )
    ids: set[str] = set()
    for pid in spec.place_ids():
        ids.add(gazetteer.get(pid).id)
        ids.update(p.id for p in gazetteer.parent_chain(pid))
    return PreparedArticle(chash, source_row, spec, sorted(ids))
