"""The web service's state, independent of any web framework.

:class:`Service` holds the settings, the store (opened on first use), the API tokens, the rate
limiters and the caches.  The Flask adapter (``factory.py``) keeps one per application; the
request handlers in :mod:`.api`, :mod:`.ogc` and :mod:`.pages` take it as their first argument.

Caching: answers that only depend on the stored data are cached per worker, keyed by a *data
version* (the store's row counts, re-read at most every ``DATA_CHECK_SECONDS``) and rebuilt
after ``CACHE_MAX_AGE`` seconds at the latest; a write through this worker clears them at once.
Another worker's write is therefore seen within ``DATA_CHECK_SECONDS`` (a write that leaves the
row counts unchanged, such as an edited scenario, within ``CACHE_MAX_AGE``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from .config import parse_rate
from .security import ANONYMOUS, Principal, RateLimiter, TokenStore

T = TypeVar("T")


class LRU:
    """A small thread-safe LRU of ``key -> (version, built_at, value)``."""

    def __init__(self, maxsize: int, max_age: float) -> None:
        self.maxsize = maxsize
        self.max_age = max_age
        self._data: OrderedDict[Hashable, tuple[Any, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}
        self.hits = self.misses = 0

    def get_or_build(self, key: Hashable, version: Any, build: Callable[[], T]) -> T:
        if self.maxsize <= 0:
            return build()
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] == version and now - hit[1] < self.max_age:
                self._data.move_to_end(key)
                self.hits += 1
                return hit[2]
            key_lock = self._building.setdefault(key, threading.Lock())
        with key_lock:  # one builder per key; the others wait and reuse its result
            with self._lock:
                hit = self._data.get(key)
                if (
                    hit is not None
                    and hit[0] == version
                    and time.monotonic() - hit[1] < self.max_age
                ):
                    self.hits += 1
                    return hit[2]
            self.misses += 1
            value = build()
            with self._lock:
                self._data[key] = (version, time.monotonic(), value)
                self._data.move_to_end(key)
                while len(self._data) > self.maxsize:
                    self._data.popitem(last=False)
                self._building.pop(key, None)
            return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class Service:
    """Everything a request handler needs; one per application (per worker process)."""

    def __init__(self, config: dict[str, Any], *, store: Any = None) -> None:
        self.config = config
        self._store = store
        self._store_lock = threading.Lock()
        self.tokens = TokenStore(config["TOKENS_FILE"], config["API_TOKENS"])
        self.limiters: dict[str, RateLimiter] = {}
        for name, spec in config["RATE_LIMITS"].items():
            rate = parse_rate(spec)
            if rate is not None:
                self.limiters[name] = RateLimiter(*rate)
        max_age = config["CACHE_MAX_AGE"]
        self.responses = LRU(config["RESPONSE_CACHE_SIZE"], max_age)
        self.maps = LRU(config["MAP_CACHE_SIZE"], max_age)
        self.features = LRU(16, max_age)  # OGC feature lists: always kept (per version)
        self._version: Any = None
        self._version_at = 0.0
        self._version_lock = threading.Lock()
        self._local_writes = 0
        self._geocoder = None
        #: feature lists that never change while the service runs (the gazetteer's regions)
        self.static_features: dict[str, Any] = {}

    # ------------------------------------------------------------------ store
    @property
    def store(self):
        """The store (opened, and migrated, on first use)."""
        if self._store is None:
            with self._store_lock:
                if self._store is None:
                    from ..store import Store

                    self._store = Store.open(self.config.get("DATABASE_URL") or None)
        return self._store

    @property
    def gazetteer(self):
        return self.store.gazetteer

    @property
    def geocoder(self):
        """The offline gazetteer geocoder (never an online one: requests must not fan out)."""
        if self._geocoder is None:
            from ..gazetteer.geocoder import GazetteerGeocoder

            self._geocoder = GazetteerGeocoder(self.gazetteer)
        return self._geocoder

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    # ------------------------------------------------------------------ data version
    def data_version(self) -> Any:
        """A value that changes when the stored data does (see the module docstring)."""
        now = time.monotonic()
        if self._version is not None and now - self._version_at < self.config["DATA_CHECK_SECONDS"]:
            return (self._local_writes, self._version)
        with self._version_lock:
            if (
                self._version is None
                or time.monotonic() - self._version_at >= self.config["DATA_CHECK_SECONDS"]
            ):
                counts = self.store.counts()
                self._version = tuple(sorted(counts.items()))
                self._version_at = time.monotonic()
        return (self._local_writes, self._version)

    def changed(self) -> None:
        """Call after a write: every cached answer is rebuilt."""
        with self._version_lock:
            self._local_writes += 1
            self._version = None
        self.responses.clear()
        self.maps.clear()
        self.features.clear()

    def cached(self, cache: LRU, key: Hashable, build: Callable[[], T]) -> T:
        return cache.get_or_build(key, self.data_version(), build)

    # ------------------------------------------------------------------ limits
    def limit(self, bucket: str, client: str) -> None:
        """Count one request of ``client`` against ``bucket`` (raises RateLimitedError)."""
        if not self.config["RATE_LIMIT_ENABLED"]:
            return
        limiter = self.limiters.get(bucket)
        if limiter is not None:
            limiter.hit(client)

    def authenticate(self, header: str | None) -> Principal:
        from .security import authenticate

        if not header:
            return ANONYMOUS
        return authenticate(self.tokens, header)
