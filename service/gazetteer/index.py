"""The gazetteer index: exact name lookup, fuzzy search and a multi-pattern text scan.

One :class:`Gazetteer` holds every place, a dict from normalised name to places (exact
lookups, >100k/s) and an Aho–Corasick automaton over the names that are safe to look for in
free text.  Building takes a few seconds, so the built index is pickled under the index
directory, keyed by a hash of the data files, and rebuilt only when the data changes.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import math
import os
import pickle
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick

from ..domain import Place
from ..errors import DataError, InputError, UnknownPlaceError
from . import data as gdata
from .normalize import normalize, normalize_with_offsets, span_end, strip_clitics
from .stopwords import stopwords

INDEX_FORMAT = 4

# Countries whose small places are scanned for in text (the service's area of interest).
REGION_COUNTRIES = frozenset(
    {
        "IQ",
        "SY",
        "JO",
        "LB",
        "IL",
        "PS",
        "KW",
        "SA",
        "QA",
        "BH",
        "AE",
        "OM",
        "YE",
        "IR",
        "TR",
        "EG",
        "DJ",
    }
)
# Where place names are Arabic in the first place; elsewhere an Arabic-script name of a small
# place is usually a Persian, Turkish or Hebrew-derived spelling that collides with an
# Arabic word.
ARABIC_COUNTRIES = REGION_COUNTRIES - {"IL", "IR", "TR"}
# Arabic-speaking countries outside the area of interest: their towns' Arabic names are
# native, not transliterations that collide with Arabic words.
ARABIC_NAMED = frozenset({"LY", "SD", "MA", "DZ", "TN", "MR", "SO", "TD", "KM", "EH"})

# Name flags.
F_CASE = 1  # Latin acronym: must be upper case in the text ("US", not "us")
F_CAP = 2  # Latin name: first letter must be upper case in the text
F_PRIMARY = 4  # the place's own name (not an alias)
F_ARABIC = 8  # Arabic-script name
F_VARIANT = 16  # generated variant (clitic form, "AB" for "Air Base" …)

_ARABIC_CHARS = re.compile(r"[\u0600-\u06ff]")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")

KIND_PRIOR = {"country": 5.0, "region": 4.0, "admin1": 3.0, "installation": 3.5, "city": 2.0}


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() and c.isascii() for c in letters)


def _arabic_variants(norm: str) -> list[str]:
    """Clitic forms of an Arabic name: وبغداد، بأربيل، للأنبار، وبالعراق …"""
    first, _, rest = norm.partition(" ")
    tail = f" {rest}" if rest else ""
    has_al = first.startswith("ال") and len(first) > 3
    bare = first[2:] if has_al else first
    out = []
    for c in _CONJ:
        for p in _PREP:
            if not c and not p:
                continue
            if has_al:
                stem = f"لل{bare}" if p == "ل" else f"{p}ال{bare}"
            else:
                stem = f"{p}{first}"
            out.append(f"{c}{stem}{tail}")
    return out


def _latin_variants(norm: str) -> list[str]:
    """Spelling variants of generic parts: Air Base / Airbase / AB, Camp …"""
    out = []
    for a, bs in (
        (" air base", (" airbase", " ab", " air force base")),
        (" airbase", (" air base", " ab")),
        (" airport", (" international airport", " airfield")),
        (" international airport", (" airport",)),
    ):
        if norm.endswith(a):
            out.extend(norm[: -len(a)] + b for b in bs)
    return out


_ARTICLE_BEFORE = re.compile(
    r"(?<![^\W\d_])((?:[aAeE][lL]|[aAeE](?:[dDnNrRsStTzZ]|[dD][hH]|[sS][hH]|[tT][hH]))"
    r"[-‐‑–]|[aAeE][lL][ \t\u00a0]+)$"
)


def _clitic_skip(variant: str, norm: str) -> int:
    """How many leading characters of a clitic variant are the conjunction/preposition."""
    first_v = variant.partition(" ")[0]
    first_n = norm.partition(" ")[0]
    if first_v.endswith(first_n):
        return len(first_v) - len(first_n)
    # ل + ال → لل: keep the merged article in the mention, drop only و/ف
    return 1 if first_v[0] in "وف" and first_v[1:].startswith("لل") else 0


# a place preposition and the one Latin word after it, in normalised text
_NEAR_CUE = re.compile(
    r"(?:^|\s)(?:in|at|to|from|near|into|left|leave|leaving|leaves|outside|around)\s+"
    r"([a-z][a-z]{4,})(?=\s|$)"
)


# capitalised words after a preposition that are one typo from a place name but are not
# places: continents, languages, institutions
_NEAR_STOP = frozenset(
    [
        "africa",
        "europe",
        "asia",
        "america",
        "oceania",
        "arabic",
        "english",
        "french",
        "german",
        "spanish",
        "russian",
        "turkish",
        "persian",
        "hebrew",
        "kurdish",
        "islam",
        "congress",
        "senate",
        "parliament",
        "february",
    ]
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One raw match of a name in text, before disambiguation."""

    start: int  # offsets into the original text
    end: int
    norm_start: int  # offsets into the normalised text
    norm_end: int
    places: tuple[tuple[int, int], ...]  # (place index, flags)


class Gazetteer:
    """All places, with exact, fuzzy and free-text lookup.

    Use :func:`load_gazetteer` to get a cached instance; build one explicitly with
    :meth:`build` (e.g. in tests on a small data directory).
    """

    def __init__(self, places: list[Place], version: str, data_dir: Path) -> None:
        self.places = places
        self.version = version
        self.data_dir = Path(data_dir)
        self.by_id: dict[str, int] = {p.id: i for i, p in enumerate(places)}
        self.exact: dict[str, list[tuple[int, int]]] = {}
        self.automaton = ahocorasick.Automaton()
        self.children: dict[str, list[str]] = {}
        self._geoms: dict[str, Any] | None = None
        self._geom_lock = threading.Lock()
        self._fuzzy_keys: list[str] | None = None
        self._near_keys: dict[tuple[str, int], list[str]] | None = None
        self._by_kind: dict[str, list[Place]] = {}

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, data_dir: Path | None = None) -> Gazetteer:
        """Read the data files and build every index (a few seconds)."""
        data_dir = Path(data_dir or gdata.default_data_dir())
        places = gdata.read_places(data_dir)
        gaz = cls(places, gdata.data_version(data_dir), data_dir)
        gaz._index()
        return gaz

    def _index(self) -> None:
        stop = stopwords()
        scan: dict[str, dict[int, int]] = {}
        for i, p in enumerate(self.places):
            if p.parent:
                self.children.setdefault(p.parent, []).append(p.id)
            for name in gdata.iter_all_names(p):
                norm = normalize(name)
                if not norm:
                    continue
                arabic = bool(_ARABIC_CHARS.search(name))
                scannable = self._scannable(p, arabic, norm)
                flags = F_ARABIC if arabic else 0
                if name in (p.name, p.name_ar):
                    flags |= F_PRIMARY
                if not arabic and _LATIN_LETTERS.search(name):
                    if _is_acronym(name):
                        flags |= F_CASE
                    elif p.kind in ("city", "installation") or len(norm) <= 5:
                        flags |= F_CAP
                self._add_exact(norm, i, flags)
                variants = _arabic_variants(norm) if arabic else _latin_variants(norm)
                for v in variants:
                    self._add_exact(v, i, flags | F_VARIANT)
                if not scannable or norm in stop:
                    continue
                if (
                    arabic
                    and " " not in norm
                    and p.kind == "city"
                    and (p.population or 0) < 500_000
                    and strip_clitics(norm) in stop
                ):
                    continue  # بحركة = ب + حركة ("with movement"): too ambiguous to scan
                if len(norm.replace(" ", "")) < (2 if flags & F_CASE else 3):
                    continue
                skips = [0] + [_clitic_skip(v, norm) if arabic else 0 for v in variants]
                for key, skip in zip((norm, *variants), skips, strict=True):
                    slot = scan.setdefault(key, {})
                    old = slot.get(i)
                    slot[i] = (flags & old[0], min(skip, old[1])) if old else (flags, skip)
        for key, slot in scan.items():
            entries = tuple((i, f, sk) for i, (f, sk) in slot.items())
            self.automaton.add_word(f" {key} ", (len(key), entries))
        self.automaton.make_automaton()

    def _add_exact(self, key: str, i: int, flags: int) -> None:
        lst = self.exact.setdefault(key, [])
        if any(pi == i for pi, _ in lst):
            return
        lst.append((i, flags))

    @staticmethod
    def _scannable(p: Place, arabic: bool, norm: str = "") -> bool:
        """Whether a name of ``p`` is looked for in free text (all names stay geocodable)."""
        if p.kind != "city" or p.id.startswith("city:x-"):
            return True
        pop = p.population or 0
        if p.subkind == "capital" or pop >= 1_000_000:
            return True
        if p.country in ARABIC_COUNTRIES:
            # GeoNames "cities500" towns come without a population: scanned like small towns
            return pop >= 5_000 or (p.population is None and p.subkind == "town")
        if p.country in REGION_COUNTRIES:
            return pop >= (100_000 if arabic else 20_000)
        # elsewhere: towns by their Latin names, larger cities by their Arabic names (most
        # Arabic spellings of foreign towns collide with Arabic words); resolve() keeps a
        # foreign town only when the text names its country or a cue word points to a city
        if arabic:
            if p.country in ARABIC_NAMED:
                # a two-word native name ("فايا لارجو") hardly collides with Arabic words
                return pop >= (15_000 if " " in norm else 100_000)
            return pop >= 500_000
        return pop >= 15_000

    # ------------------------------------------------------------------ persistence
    def save(self, path: Path) -> None:
        """Pickle the index (not the geometries) to ``path`` atomically."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        state = {
            "format": INDEX_FORMAT,
            "version": self.version,
            "data_dir": str(self.data_dir),
            "places": self.places,
            "exact": self.exact,
            "children": self.children,
            "automaton": self.automaton,
        }
        with tmp.open("wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Load a pickled index written by :meth:`save` (only load files you wrote)."""
        with Path(path).open("rb") as fh:
            state = pickle.load(fh)
        if state.get("format") != INDEX_FORMAT:
            raise DataError("stale gazetteer index format")
        gaz = cls(state["places"], state["version"], Path(state["data_dir"]))
        gaz.exact = state["exact"]
        gaz.children = state["children"]
        gaz.automaton = state["automaton"]
        return gaz

    # ------------------------------------------------------------------ lookups
    def __len__(self) -> int:
        return len(self.places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.by_id

    def get(self, place_id: str) -> Place:
        """The place with this id.

        Raises
        ------
        UnknownPlaceError
            If no place has this id.
        """
        try:
            return self.places[self.by_id[place_id]]
        except (KeyError, TypeError):
            raise UnknownPlaceError(f"no place with id {str(place_id)[:80]!r}") from None

    def parent_chain(self, place_id: str) -> list[Place]:
        """The place's ancestors, nearest first (admin1 → region → country)."""
        out: list[Place] = []
        seen = {place_id}
        pid = self.get(place_id).parent
        while pid and pid not in seen and pid in self.by_id:
            seen.add(pid)
            p = self.get(pid)
            out.append(p)
            pid = p.parent
        return out

    def country_of(self, place_id: str) -> Place | None:
        """The country place a place belongs to, if any."""
        p = self.get(place_id)
        if p.kind == "country":
            return p
        cid = f"country:{p.country}" if p.country else None
        return self.places[self.by_id[cid]] if cid in self.by_id else None

    def prior(self, i: int) -> float:
        """Context-free plausibility of place ``i`` (kind and size)."""
        p = self.places[i]
        score = KIND_PRIOR.get(p.kind, 1.0)
        if p.kind == "country" and p.iso is None and p.parent is not None:
            # a map unit of another country's territory (Natural Earth's Guantanamo Bay,
            # Akrotiri and Dhekelia base areas): a base with that name is what news means
            score = KIND_PRIOR["installation"] - 0.25
        if p.kind == "city":
            score += math.log10(max(p.population or 0, 1)) / 3
            if p.subkind == "capital":
                score += 0.5
        if p.country in REGION_COUNTRIES:
            score += 0.3
        return score

    def lookup(
        self, query: str, *, kind: str | None = None, country: str | None = None
    ) -> list[Place]:
        """Exact lookup of a name (after normalisation), best candidate first.

        Raises
        ------
        InputError
            If the query is empty, too long or not text.
        """
        norm = normalize(check_query(query))
        hits = self.exact.get(norm, [])
        ranked = sorted(
            (i for i, _ in hits if _keep(self.places[i], kind, country)),
            key=lambda i: (-self._lookup_score(i, hits), self.places[i].id),
        )
        return [self.places[i] for i in ranked]

    def _lookup_score(self, i: int, hits: list[tuple[int, int]]) -> float:
        flags = dict(hits).get(i, 0)
        return (
            self.prior(i)
            + (1.0 if flags & F_PRIMARY else 0.0)
            - (0.5 if flags & F_VARIANT else 0.0)
        )

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        country: str | None = None,
        limit: int = 10,
        fuzzy: bool = True,
        min_score: float = 85.0,
    ) -> list[tuple[Place, float]]:
        """Exact matches first, then (optionally) near-misses by edit similarity.

        Returns
        -------
        list of (Place, score)
            Score 100 for exact matches, the rapidfuzz ratio for fuzzy ones.
        """
        exact = self.lookup(query, kind=kind, country=country)
        out = [(p, 100.0) for p in exact[:limit]]
        if len(out) >= limit or not fuzzy or exact:
            return out
        from rapidfuzz import fuzz, process

        norm = normalize(query)
        if len(norm) < 4:
            return out
        if self._fuzzy_keys is None:
            self._fuzzy_keys = list(self.exact)
        seen = {p.id for p, _ in out}
        for key, score, _ in process.extract(
            norm, self._fuzzy_keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=min_score
        ):
            hits = self.exact[key]
            for i in sorted((i for i, _ in hits), key=lambda i: -self._lookup_score(i, hits)):
                p = self.places[i]
                if p.id not in seen and _keep(p, kind, country):
                    seen.add(p.id)
                    out.append((p, float(score)))
        out.sort(key=lambda t: -t[1])
        return out[:limit]

    def filter(self, *, kind: str | None = None, country: str | None = None) -> list[Place]:
        """Every place of a kind and/or country."""
        return [p for p in self.places if _keep(p, kind, country)]

    # ------------------------------------------------------------------ text scan
    def scan(self, text: str) -> list[Candidate]:
        """Every name occurrence in ``text``: longest match wins, offsets into ``text``.

        Case rules are checked against the original text (acronyms must be upper case,
        Latin names capitalised).  Overlapping shorter matches are dropped.
        """
        return self.scan_normalized(text, *normalize_with_offsets(text))

    def scan_normalized(self, text: str, norm: str, offsets) -> list[Candidate]:
        """:meth:`scan` on text already normalised by ``normalize_with_offsets``."""
        found: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
        for end_idx, (klen, places) in self.automaton.iter(norm):
            # pattern is " key ": key occupies [end_idx - klen, end_idx)
            ns = end_idx - klen
            found.append((ns, end_idx, places))
        if not found:
            return []
        # leftmost-longest, non-overlapping
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        out: list[Candidate] = []
        last_end = -1
        for ns, ne, places in found:
            if ns < last_end:
                continue
            skip = min(sk for _, _, sk in places)
            start = int(offsets[ns + skip])
            end = span_end(text, int(offsets[ne - 1]) + 1)
            surface = text[start:end]
            ok = tuple((i, f) for i, f, _ in places if _case_ok(surface, f))
            if not ok:
                continue
            m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
            if m and int(offsets[ns - 1]) < m.start(1):
                start = m.start(1)  # include a dropped "al-"/"Al " in the mention
            out.append(Candidate(start, end, ns + skip, ne, ok))
            last_end = ne
        return out

    def _near_miss_keys(self) -> dict[tuple[str, int], list[str]]:
        """One-word Latin names of prominent places (countries, provinces, bases, cities
        of 100,000+), bucketed by first letter and length for :meth:`near_misses`."""
        if self._near_keys is None:
            out: dict[tuple[str, int], list[str]] = {}
            for key, hits in self.exact.items():
                if " " in key or len(key) < 5 or not key.isascii() or not key.isalpha():
                    continue
                if not any(self._prominent(i) for i, _ in hits):
                    continue
                out.setdefault((key[0], len(key)), []).append(key)
            self._near_keys = out
        return self._near_keys

    def _prominent(self, i: int) -> bool:
        p = self.places[i]
        if p.kind in ("country", "admin1", "installation", "region"):
            return True
        return p.kind == "city" and (p.subkind == "capital" or (p.population or 0) >= 100_000)

    def near_misses(self, text: str, norm: str, offsets, taken: list[Candidate]) -> list[Candidate]:
        """Misspelt names of prominent places after a place preposition ("in Erbill",
        "left Baghadad"): one capitalised Latin word that is no gazetteer name and is within
        one typo of one (optimal string alignment distance 1, 2 from nine letters; same first
        letter).

        The candidates carry :data:`F_VARIANT` so that they rank below exact names.
        """
        if not _NEAR_CUE.search(norm):
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        keys = self._near_miss_keys()
        spans = sorted((c.norm_start, c.norm_end) for c in taken)
        starts = [a for a, _ in spans]
        out: list[Candidate] = []
        for m in _NEAR_CUE.finditer(norm):
            ns, ne = m.start(1), m.end(1)
            word = m.group(1)
            if word in self.exact or word in _NEAR_STOP:
                continue
            k = bisect.bisect_right(starts, ns) - 1
            if k >= 0 and spans[k][1] > ns:
                continue  # inside a name already found
            start = int(offsets[ns])
            end = int(offsets[ne - 1]) + 1
            if not text[start : start + 1].isupper():
                continue  # a capitalised name only ("in Erbill", not "in error")
            pool = [
                key
                for n in range(len(word) - 1, len(word) + 2)
                for key in keys.get((word[0], n), ())
            ]
            if not pool:
                continue
            # one typo (an edit or a swap of neighbours: "Kuwiat"), two in long names
            best = process.extractOne(
                word, pool, scorer=OSA.distance, score_cutoff=1 if len(word) < 9 else 2
            )
            if best is None or (
                word.startswith(best[0]) and word[len(best[0]) :] in ("n", "i", "an", "ian")
            ):
                continue  # "in Russian hands", "to Qatari bases": an adjective of the name
            hits = tuple((i, f | F_VARIANT) for i, f in self.exact[best[0]] if self._prominent(i))
            if hits:
                out.append(Candidate(start, end, ns, ne, hits))
        return out

    # ------------------------------------------------------------------ geometry
    def _geometries(self) -> dict[str, Any]:
        with self._geom_lock:
            if self._geoms is None:
                from shapely.geometry import shape

                raw = gdata.read_geometries(self.data_dir)
                self._geoms = {pid: shape(g) for pid, g in raw.items()}
        return self._geoms

    def geometry(self, place_id: str):
        """The shapely geometry of a place: its polygon, else its point."""
        p = self.get(place_id)
        if p.has_polygon:
            g = self._geometries().get(p.id)
            if g is not None:
                return g
        from shapely.geometry import Point

        return Point(p.lon, p.lat)

    def to_geodataframe(
        self, *, kind: str | None = None, country: str | None = None, polygons: bool = True
    ):
        """Every (matching) place as a GeoDataFrame in EPSG:4326.

        Columns: id, name, name_ar, kind, subkind, country, parent, parents (the chain),
        aliases, lon, lat, precision_m, population, source, geometry (polygon where the
        place has one and ``polygons`` is true, else the representative point).
        """
        import geopandas as gpd
        from shapely.geometry import Point

        rows = []
        geoms = self._geometries() if polygons else {}
        for p in self.filter(kind=kind, country=country):
            rows.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "name_ar": p.name_ar,
                    "kind": p.kind,
                    "subkind": p.subkind,
                    "country": p.country,
                    "parent": p.parent,
                    "parents": [q.id for q in self.parent_chain(p.id)],
                    "aliases": list(p.aliases),
                    "lon": p.lon,
                    "lat": p.lat,
                    "precision_m": p.precision_m,
                    "population": p.population,
                    "source": p.source,
                    "geometry": geoms.get(p.id) or Point(p.lon, p.lat),
                }
            )
        return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")

    def enclosing(self, lon: float, lat: float) -> list[Place]:
        """Polygon places containing the point, smallest first (admin1, region, country)."""
        from shapely import STRtree
        from shapely.geometry import Point

        geoms = self._geometries()
        if not hasattr(self, "_tree") or self._tree is None:
            self._tree_ids = list(geoms)
            self._tree = STRtree([geoms[i] for i in self._tree_ids])
        pt = Point(lon, lat)
        hits = self._tree.query(pt, predicate="intersects")
        found = [self.get(self._tree_ids[h]) for h in hits]
        order = {"admin1": 0, "region": 1, "country": 2}
        return sorted(found, key=lambda p: (order.get(p.kind, 3), geoms[p.id].area))

    def nearest(
        self, lon: float, lat: float, *, kind: str = "installation", limit: int = 1
    ) -> list[tuple[Place, float]]:
        """The nearest places of a kind with their great-circle distance in km."""
        of_kind = self._by_kind.get(kind)
        if of_kind is None:  # built once per kind: a scan of every place cost ~15 ms a call
            of_kind = self._by_kind[kind] = [p for p in self.places if p.kind == kind]
        out = [(p, haversine_km(lon, lat, p.lon, p.lat)) for p in of_kind]
        out.sort(key=lambda t: t[1])
        return out[:limit]


Gazetteer._tree = None  # type: ignore[attr-defined]


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _keep(p: Place, kind: str | None, country: str | None) -> bool:
    return (kind is None or p.kind == kind) and (
        country is None or (p.country or "").upper() == country.upper()
    )


def _case_ok(surface: str, flags: int) -> bool:
    if flags & F_CASE:
        letters = [c for c in surface if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    if flags & F_CAP:
        for c in surface:
            if c.isalpha():
                return c.isupper()
    return True


MAX_QUERY_CHARS = 300


def check_query(query: Any) -> str:
    """Validate a geocoding query: text, not empty, not huge, not binary.

    Raises
    ------
    InputError
        With a message that says what is wrong.
    """
    if isinstance(query, (bytes, bytearray)):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("query is not valid UTF-8 text") from None
    if not isinstance(query, str):
        raise InputError("query must be text")
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    if "\x00" in query or "\ufffd" in query or any(0xD800 <= ord(c) <= 0xDFFF for c in query):
        raise InputError("query contains binary or mis-encoded characters")
    if sum(1 for c in query if ord(c) < 32 and c not in "\t\n\r") > 0:
        raise InputError("query contains control characters")
    if not normalize(query):
        raise InputError("query is empty")
    return query


# ---------------------------------------------------------------------- caching loader
_CACHE: dict[tuple[str, str], Gazetteer] = {}
_CACHE_LOCK = threading.Lock()


def default_index_dir() -> Path:
    """Where built indexes are cached: ``$TPM_INDEX_DIR`` or ``<project>/build``."""
    env = os.environ.get("TPM_INDEX_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "build"


def code_version() -> str:
    """Hash of the modules whose code shapes the index (a code change invalidates caches)."""
    import hashlib

    h = hashlib.sha256(str(INDEX_FORMAT).encode())
    here = Path(__file__).resolve().parent
    for name in ("index.py", "normalize.py", "stopwords.py", "data.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:8]


def index_path(data_dir: Path, index_dir: Path) -> Path:
    return Path(index_dir) / f"gazetteer-{gdata.data_version(data_dir)}-{code_version()}.pkl"


def load_gazetteer(
    data_dir: Path | str | None = None,
    index_dir: Path | str | None = None,
    *,
    rebuild: bool = False,
) -> Gazetteer:
    """The gazetteer for ``data_dir``, from the process cache, the on-disk index, or built.

    Parameters
    ----------
    data_dir : path, optional
        Gazetteer files; default ``$TPM_DATA_DIR`` or ``<project>/data/gazetteer``.
    index_dir : path, optional
        Where the built index is cached; default :func:`default_index_dir`.
    rebuild : bool
        Ignore caches and build from the files.
    """
    data_dir = Path(data_dir or os.environ.get("TPM_DATA_DIR") or gdata.default_data_dir())
    index_dir = Path(index_dir or default_index_dir())
    key = (str(data_dir.resolve()), str(index_dir.resolve()))
    with _CACHE_LOCK:
        if not rebuild and key in _CACHE:
            return _CACHE[key]
        path = index_path(data_dir, index_dir)
        gaz = None
        if not rebuild and path.exists():
            try:
                gaz = Gazetteer.load(path)
                gaz.data_dir = data_dir
            except Exception:  # a stale or corrupt cache is rebuilt, never fatal
                gaz = None
        if gaz is None:
            gaz = Gazetteer.build(data_dir)
            with contextlib.suppress(OSError):  # read-only deployments just start slower
                gaz.save(path)
        _CACHE[key] = gaz
        _freeze_long_lived()
        return gaz


def _freeze_long_lived() -> None:
    """Take the loaded index (some 300k objects, kept for the life of the process) out of
    the cyclic collector's generations.

    Otherwise every full collection walks all of it: that cost ~0.6 ms per extracted
    article on average (a ~80 ms pause every ~150 articles).  Garbage is collected first so
    that nothing unreachable is frozen with it.
    """
    gc.collect()
    gc.freeze()


def iter_ids(places: Iterable[Place]) -> list[str]:
    return [p.id for p in places]
