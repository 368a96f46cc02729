"""geopy interface: the offline gazetteer as a ``Geocoder``, plus an opt-in online fallback.

:class:`GazetteerGeocoder` answers ``geocode`` and ``reverse`` from the local gazetteer with
no network.  :class:`FallbackGeocoder` tries the gazetteer first and, only when configured,
geopy's online geocoders (Nominatim, GeoNames) behind a ``RateLimiter`` and a persistent
SQLite cache.  The online part is off unless ``TPM_GEOCODER_FALLBACK`` names providers.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point as GeoPoint

from ..domain import Place
from ..errors import GeocoderServiceError, InputError, UnknownPlaceError
from .index import Gazetteer, check_query, load_gazetteer


def place_raw(
    gaz: Gazetteer, p: Place, *, score: float | None = None, geometry: bool = True
) -> dict[str, Any]:
    """The ``Location.raw`` payload for a gazetteer place."""
    raw = p.summary()
    raw["parents"] = [q.id for q in gaz.parent_chain(p.id)]
    raw["aliases"] = list(p.aliases)
    raw["source"] = "gazetteer"
    raw["data_source"] = p.source
    if score is not None:
        raw["score"] = score
    if geometry:
        from shapely.geometry import mapping

        raw["geometry"] = mapping(gaz.geometry(p.id))
    return raw


def _address(gaz: Gazetteer, p: Place) -> str:
    chain = [p.name] + [q.name for q in gaz.parent_chain(p.id)]
    return ", ".join(dict.fromkeys(chain))


def _location(gaz: Gazetteer, p: Place, score: float | None = None) -> Location:
    return Location(_address(gaz, p), (p.lat, p.lon), place_raw(gaz, p, score=score))


class GazetteerGeocoder(Geocoder):
    """Geocode against the embedded gazetteer; never touches the network.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to :func:`load_gazetteer`.
    fuzzy : bool
        Try near-miss spellings (rapidfuzz) when there is no exact match.
    """

    def __init__(
        self, gazetteer: Gazetteer | None = None, *, fuzzy: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or load_gazetteer()
        self.fuzzy = fuzzy

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        kind: str | None = None,
        country: str | None = None,
        limit: int = 10,
    ) -> Location | list[Location] | None:
        """Find a place by name (any script, any spelling variant the gazetteer knows).

        Returns
        -------
        Location, list of Location, or None
            ``raw`` carries id, kind, country, parents and the GeoJSON geometry.

        Raises
        ------
        InputError
            Empty, over-long, binary or mis-encoded query.
        """
        hits = self.gazetteer.search(
            check_query(query),
            kind=kind,
            country=country,
            limit=1 if exactly_one else limit,
            fuzzy=self.fuzzy,
        )
        if not hits:
            return None
        locs = [_location(self.gazetteer, p, s) for p, s in hits]
        return locs[0] if exactly_one else locs

    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """What is at (lat, lon): the enclosing regions and the nearest installation.

        With ``exactly_one`` the smallest enclosing region is returned, its ``raw`` listing
        ``enclosing`` (smallest first) and ``nearest_installation`` (with ``distance_km``).
        Otherwise every enclosing place, then the nearest installation.
        """
        try:
            pt = GeoPoint(query)
        except (ValueError, TypeError) as exc:
            raise InputError(f"not a coordinate pair: {str(query)[:60]!r}") from exc
        lat, lon = pt.latitude, pt.longitude
        gaz = self.gazetteer
        enclosing = gaz.enclosing(lon, lat)
        nearest = gaz.nearest(lon, lat, kind="installation", limit=1)
        near_raw = None
        if nearest:
            p, d = nearest[0]
            near_raw = place_raw(gaz, p, geometry=False) | {"distance_km": round(d, 3)}
        if not enclosing and not nearest:
            return None
        locs = [_location(gaz, p) for p in enclosing]
        for loc in locs:
            loc.raw["enclosing"] = [p.id for p in enclosing]
            loc.raw["nearest_installation"] = near_raw
        if exactly_one:
            if locs:
                return locs[0]
            p = nearest[0][0]
            loc = _location(gaz, p)
            loc.raw["enclosing"] = []
            loc.raw["nearest_installation"] = near_raw
            return loc
        if nearest:
            locs.append(_location(gaz, nearest[0][0]))
            locs[-1].raw["distance_km"] = near_raw["distance_km"] if near_raw else None
        return locs


class GeocodeCache:
    """A persistent (SQLite) cache of online geocoder answers, safe across threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS geocode_cache (provider TEXT, query TEXT, "
            "answer TEXT, created REAL, PRIMARY KEY (provider, query))"
        )
        self._conn.commit()

    def get(self, provider: str, query: str) -> tuple[bool, Any]:
        with self._lock:
            row = self._conn.execute(
                "SELECT answer FROM geocode_cache WHERE provider=? AND query=?", (provider, query)
            ).fetchone()
        return (False, None) if row is None else (True, json.loads(row[0]))

    def put(self, provider: str, query: str, answer: Any) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?)",
                (provider, query, json.dumps(answer, ensure_ascii=False), time.time()),
            )
            self._conn.commit()


def _loc_to_json(loc: Location | None) -> Any:
    if loc is None:
        return None
    return {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw}


def _loc_from_json(d: Any) -> Location | None:
    if d is None:
        return None
    return Location(d["address"], (d["lat"], d["lon"]), d["raw"])


class FallbackGeocoder(Geocoder):
    """The gazetteer first, then online providers, each rate-limited and cached.

    Parameters
    ----------
    gazetteer : GazetteerGeocoder
    providers : sequence of (name, geopy Geocoder)
        Tried in order for names the gazetteer lacks.
    cache : GeocodeCache, optional
    min_delay_seconds : float
        Passed to geopy's ``RateLimiter`` (Nominatim's policy is one request a second).
    """

    def __init__(
        self,
        gazetteer: GazetteerGeocoder,
        providers: Sequence[tuple[str, Geocoder]] = (),
        cache: GeocodeCache | None = None,
        *,
        min_delay_seconds: float = 1.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        from geopy.extra.rate_limiter import RateLimiter

        self.local = gazetteer
        self.cache = cache
        self.providers: list[tuple[str, Callable[..., Any]]] = [
            (
                name,
                RateLimiter(
                    g.geocode,
                    min_delay_seconds=min_delay_seconds,
                    max_retries=1,
                    swallow_exceptions=False,
                ),
            )
            for name, g in providers
        ]

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        **kwargs: Any,
    ):
        """Exact local answer, else the first provider that knows the name, else a near-miss
        spelling from the gazetteer."""
        fuzzy = self.local.fuzzy
        self.local.fuzzy = False
        try:
            local = self.local.geocode(query, exactly_one=exactly_one, **kwargs)
        finally:
            self.local.fuzzy = fuzzy
        if local:
            return local
        query = check_query(query)
        errors = []
        for name, call in self.providers:
            if self.cache:
                hit, answer = self.cache.get(name, query)
                if hit:
                    if answer is None:
                        continue
                    loc = _loc_from_json(answer)
                    return loc if exactly_one else [loc]
            try:
                loc = call(query, exactly_one=True)
            except GeopyError as exc:
                errors.append(f"{name}: {type(exc).__name__}")
                continue
            if loc is not None:
                raw = dict(loc.raw) if isinstance(loc.raw, dict) else {"raw": loc.raw}
                raw.update({"source": name, "kind": "unknown"})
                loc = Location(loc.address, (loc.latitude, loc.longitude), raw)
            if self.cache:
                self.cache.put(name, query, _loc_to_json(loc))
            if loc is not None:
                return loc if exactly_one else [loc]
        near = self.local.geocode(query, exactly_one=exactly_one, **kwargs) if fuzzy else None
        if near:
            return near
        if errors and len(errors) == len(self.providers):
            raise GeocoderServiceError("online geocoders failed: " + "; ".join(errors))
        return None

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL):
        """Reverse geocoding is always local."""
        return self.local.reverse(query, exactly_one=exactly_one)


def geocoder_from_env(
    gazetteer: Gazetteer | None = None, env: dict[str, str] | None = None
) -> Geocoder:
    """The geocoder the configuration asks for.

    ``TPM_GEOCODER_FALLBACK`` (comma list of ``nominatim``, ``geonames``; empty = offline
    only), ``TPM_NOMINATIM_DOMAIN``, ``TPM_NOMINATIM_SCHEME``, ``TPM_GEONAMES_USERNAME``,
    ``TPM_GEONAMES_DOMAIN``, ``TPM_GEONAMES_SCHEME``, ``TPM_GEOCODER_USER_AGENT``,
    ``TPM_GEOCODER_CACHE`` (SQLite file), ``TPM_GEOCODER_MIN_DELAY`` (seconds).
    """
    env = dict(os.environ if env is None else env)
    local = GazetteerGeocoder(gazetteer)
    names = [
        n.strip().lower() for n in env.get("TPM_GEOCODER_FALLBACK", "").split(",") if n.strip()
    ]
    if not names:
        return local
    ua = env.get("TPM_GEOCODER_USER_AGENT", "troop-presence-map/0.1")
    providers: list[tuple[str, Geocoder]] = []
    for n in names:
        if n == "nominatim":
            from geopy.geocoders import Nominatim

            providers.append(
                (
                    n,
                    Nominatim(
                        domain=env.get("TPM_NOMINATIM_DOMAIN", "nominatim.openstreetmap.org"),
                        scheme=env.get("TPM_NOMINATIM_SCHEME", "https"),
                        user_agent=ua,
                    ),
                )
            )
        elif n == "geonames":
            from geopy.geocoders import GeoNames

            user = env.get("TPM_GEONAMES_USERNAME")
            if not user:
                raise InputError("TPM_GEONAMES_USERNAME is required for the geonames fallback")
            providers.append(
                (
                    n,
                    GeoNames(
                        user,
                        domain=env.get("TPM_GEONAMES_DOMAIN", "api.geonames.org"),
                        scheme=env.get("TPM_GEONAMES_SCHEME", "http"),
                        user_agent=ua,
                    ),
                )
            )
        else:
            raise InputError(f"unknown geocoder {n!r} in TPM_GEOCODER_FALLBACK")
    cache_path = env.get("TPM_GEOCODER_CACHE") or str(
        Path(env.get("TPM_INSTANCE_PATH", "instance")) / "geocode-cache.sqlite"
    )
    return FallbackGeocoder(
        local,
        providers,
        GeocodeCache(cache_path),
        min_delay_seconds=float(env.get("TPM_GEOCODER_MIN_DELAY", "1.0")),
    )


def geocode_or_raise(geocoder: Geocoder, query: str, **kwargs: Any) -> Location:
    """Geocode or raise :class:`UnknownPlaceError` with a readable message."""
    loc = geocoder.geocode(query, **kwargs)
    if not loc:
        raise UnknownPlaceError(f"no place called {query[:80]!r} in the gazetteer")
    return loc
