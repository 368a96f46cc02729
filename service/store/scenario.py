"""Analyst-editable scenario files (YAML): force levels and plans without an article.

Format (every key is checked; errors name the file, line and field)::

    scenario: coalition-transition-2024-2026      # id: lower-case letters, digits, -
    title: Coalition transition 2024–2026
    description: optional text
    sources:                                      # cited sources, by a local id
      almaghrib-2024-09-06:
        outlet: Almaghrib Today
        outlet_ar: المغرب اليوم
        published: 2024-09-06
        language: ar
        url: null
        title: null
    places:                                       # analyst-added places (optional)
      - id: custom:forward-site-x                 # must start with custom:
        name: Forward site X
        name_ar: null
        kind: installation                        # country|region|admin1|city|installation
        country: IQ
        parent: admin1:IQ-AN
        lon: 42.1
        lat: 33.2                                 # or  geometry: {GeoJSON geometry}
    observations:
      - actor: US                                 # code from service.actors
        place: country:IQ                         # gazetteer id or custom: id
        as_of: 2024-09-06                         # YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Qn, YYYY-Hn;
                                                  # prefix ~ for "about"
        count: 2500                               # and/or count_min / count_max
        approximate: true
        qualifier: approximate                    # optional; inferred from the numbers
        status: present                           # present|reduced|withdrawn|advisory
        source: almaghrib-2024-09-06              # omitted: the analyst's own entry
        quote: "..."
        confirmed: false
        note: null
    plans:
      - id: coalition-transition-2024-2026
        name: Coalition transition 2024–2026
        start: 2024-09-06                         # when the plan was stated
        source: almaghrib-2024-09-06
        phases:
          - name: Phase 1
            deadline: 2025-09
            moves:
              - actor: COALITION
                action: withdraw                  # withdraw|reduce|remain|relocate|arrive|increase
                place: installation:ain-al-asad-air-base
                to: null                          # destination of a relocation
                scope: all                        # all|rest|part (rest: the remaining forces)
                modality: planned                 # planned|possible|demanded (only planned
                                                  # moves project)
                status: null                      # status left behind, e.g. advisory
                by: 2025-09                       # default: the phase deadline
                count: null                       # how many move (count/count_min/count_max)
                quote: "..."
                source: almaghrib-2024-09-06
                confirmed: false

Dates are read as text (never by YAML's own date parser), so "2025-02-30" is reported as an
impossible date with its line instead of crashing the loader.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import actors as actor_registry
from ..domain import PLACE_KINDS, STATUSES, FuzzyDate, Quantity
from ..errors import InputError, ValidationError
from .store import Records, move_row, observation_row

MAX_SCENARIO_BYTES = 5_000_000
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_CUSTOM_ID = re.compile(r"^custom:[a-z0-9][a-z0-9-]{0,100}$")
_FUZZY = re.compile(r"^(~|about\s+)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-([QqHh])(\d))?$")


# ------------------------------------------------------------------------------ YAML + lines
class LDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    lines: dict[str, int]


class LList(list):
    """A sequence that remembers the line of itself and of each item (1-based)."""

    line: int = 0
    lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver (dates stay text) and with line numbers."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dup(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LDict:
    out = LDict()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for knode, vnode in node.value:
        key = loader.construct_object(knode, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in out:
            raise _Dup(key, knode.start_mark.line + 1)
        out[key] = loader.construct_object(vnode, deep=True)
        out.lines[key] = vnode.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LList:
    out = LList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [n.start_mark.line + 1 for n in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# ------------------------------------------------------------------------------ results
@dataclass(slots=True)
class CustomPlace:
    """An analyst-added place."""

    id: str
    name: str
    kind: str
    lon: float
    lat: float
    geometry: Any
    name_ar: str | None = None
    subkind: str | None = None
    country: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    source: str | None = "analyst"


@dataclass(slots=True)
class Scenario:
    """A parsed, validated scenario file."""

    slug: str
    title: str
    description: str | None
    filename: str
    content_hash: str
    sources: dict[str, dict[str, Any]]
    places: list[CustomPlace]
    records: Records
    custom_place_ids: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Problem:
    line: int
    field: str
    message: str

    def to_dict(self, filename: str) -> dict[str, Any]:
        return {"file": filename, "line": self.line, "field": self.field, "message": self.message}


class _Checker:
    """Collects every problem of a file (the first one becomes the error message)."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []

    def add(self, line: int, fld: str, message: str) -> None:
        self.problems.append(Problem(line, fld, message))

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        first = self.problems[0]
        more = len(self.problems) - 1
        msg = f"{self.filename}:{first.line}: {first.field}: {first.message}"
        if more:
            msg += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise ValidationError(
            msg,
            detail={
                "file": self.filename,
                "line": first.line,
                "field": first.field,
                "errors": [p.to_dict(self.filename) for p in self.problems],
            },
        )


# ------------------------------------------------------------------------------ parsing
def parse_fuzzy_date(value: Any) -> FuzzyDate:
    """``2025-09-30``, ``2025-09``, ``2025``, ``2025-Q3``, ``2025-H2``; ``~`` = approximate.

    Raises
    ------
    InputError
        If the text is not one of these forms or names an impossible date.
    """
    if isinstance(value, bool):
        raise InputError("expected a date such as 2025-09-30, 2025-09 or 2025")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise InputError("expected a date such as 2025-09-30, 2025-09 or 2025")
    m = _FUZZY.match(value.strip())
    if not m:
        raise InputError(
            f"{value.strip()[:40]!r} is not a date (use YYYY-MM-DD, YYYY-MM, "
            "YYYY, YYYY-Qn or YYYY-Hn; prefix ~ for about)"
        )
    approx = bool(m.group(1))
    year = int(m.group(2))
    if m.group(5):
        n = int(m.group(6))
        if m.group(5).upper() == "Q":
            return FuzzyDate.quarter(year, n, approximate=approx)
        return FuzzyDate.half(year, n, approximate=approx)
    month = int(m.group(3)) if m.group(3) else None
    day = int(m.group(4)) if m.group(4) else None
    return FuzzyDate.of(year, month, day, approximate=approx)


def _line(d: Any, key: str) -> int:
    if isinstance(d, LDict):
        return d.lines.get(key, d.line)
    return getattr(d, "line", 0)


def _keys(ck: _Checker, d: Any, where: str, allowed: set[str], required: set[str]) -> bool:
    if not isinstance(d, LDict):
        ck.add(getattr(d, "line", 0), where, "expected a mapping of key: value")
        return False
    for k in d:
        if k not in allowed:
            ck.add(
                d.lines.get(k, d.line),
                f"{where}.{k}",
                f"unknown field (allowed: {', '.join(sorted(allowed))})",
            )
    for k in sorted(required):
        if d.get(k) in (None, ""):
            ck.add(d.line, f"{where}.{k}", "is required")
    return True


def _text(
    ck: _Checker, d: LDict, key: str, where: str, *, required: bool = False, maxlen: int = 2000
) -> str | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = str(v)
    if not isinstance(v, str):
        ck.add(_line(d, key), f"{where}.{key}", "must be text")
        return None
    v = v.strip()
    if len(v) > maxlen:
        ck.add(_line(d, key), f"{where}.{key}", f"is too long (at most {maxlen} characters)")
        return None
    return v or None


def _bool(ck: _Checker, d: LDict, key: str, where: str) -> bool:
    v = d.get(key, False)
    if v is None:
        return False
    if not isinstance(v, bool):
        ck.add(_line(d, key), f"{where}.{key}", "must be true or false")
        return False
    return v


def _date(ck: _Checker, d: LDict, key: str, where: str) -> FuzzyDate | None:
    v = d.get(key)
    if v is None:
        return None
    try:
        return parse_fuzzy_date(v)
    except InputError as exc:
        ck.add(_line(d, key), f"{where}.{key}", exc.message)
        return None


def _day(ck: _Checker, d: LDict, key: str, where: str) -> dt.date | None:
    fd = _date(ck, d, key, where)
    if fd is not None and fd.precision != "day":
        ck.add(_line(d, key), f"{where}.{key}", "must be a full date (YYYY-MM-DD)")
        return None
    return fd.value if fd else None


def _quantity(ck: _Checker, d: LDict, where: str, *, required: bool) -> Quantity | None:
    nums: dict[str, int | None] = {}
    ok = True
    for k in ("count", "count_min", "count_max"):
        v = d.get(k)
        if v is None:
            nums[k] = None
            continue
        if isinstance(v, bool) or not isinstance(v, int):
            ck.add(_line(d, k), f"{where}.{k}", "must be a whole number")
            ok = False
        elif v < 0:
            ck.add(_line(d, k), f"{where}.{k}", f"must not be negative (got {v})")
            ok = False
        else:
            nums[k] = v
    if not ok:
        return None
    approx = _bool(ck, d, "approximate", where)
    qual = _text(ck, d, "qualifier", where)
    c, lo, hi = nums["count"], nums["count_min"], nums["count_max"]
    if c is None and lo is None and hi is None:
        if qual or approx:
            ck.add(d.line, f"{where}.count", "a qualifier needs a count or a bound")
        return None
    if qual is None:
        if c is not None:
            qual = "approximate" if approx else "exact"
        elif lo is not None and hi is not None:
            qual = "range"
        else:
            qual = "upper_bound" if hi is not None else "lower_bound"
    try:
        return Quantity(c, lo, hi, approx, qual)
    except InputError as exc:
        ck.add(d.line, f"{where}.count", exc.message)
        return None


def _actor(ck: _Checker, d: LDict, where: str) -> str | None:
    v = d.get("actor")
    if v is None:
        return None
    if not isinstance(v, str) or not actor_registry.is_actor(v):
        ck.add(
            _line(d, "actor"),
            f"{where}.actor",
            f"unknown actor {str(v)[:40]!r} (use a code such as US, GB, COALITION, NATO)",
        )
        return None
    return actor_registry.get_actor(v).code


def _place(
    ck: _Checker,
    d: LDict,
    key: str,
    where: str,
    exists: Callable[[str], bool],
    custom: dict[str, CustomPlace],
) -> str | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str) or not v.strip():
        ck.add(_line(d, key), f"{where}.{key}", "must be a place id")
        return None
    pid = v.strip()
    if pid in custom or exists(pid):
        return pid
    ck.add(
        _line(d, key),
        f"{where}.{key}",
        f"unknown place {pid[:80]!r} (use a gazetteer id such as country:IQ or "
        "installation:<slug>, or add it under places:)",
    )
    return None


def parse_scenario(
    text: str,
    *,
    filename: str = "<scenario>",
    place_exists: Callable[[str], bool] = lambda pid: False,
    place_kind: Callable[[str], str | None] | None = None,
) -> Scenario:
    """Parse and validate scenario YAML text.

    Parameters
    ----------
    place_exists : callable
        ``place_exists(id) -> bool`` for ids not defined in the file (gazetteer / store).
    place_kind : callable, optional
        ``place_kind(id)`` for those ids (default: the id's prefix).

    Raises
    ------
    ValidationError
        Listing every problem with its line and field (``detail["errors"]``).
    """
    ck = _Checker(filename)
    try:
        doc = yaml.load(text, Loader=_Loader)
    except _Dup as exc:
        ck.add(exc.line, exc.key, "duplicate key")
        ck.raise_if_any()
        raise AssertionError("unreachable") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or "malformed YAML"
        ck.add(line, "(yaml)", f"malformed YAML: {problem}")
        ck.raise_if_any()
        raise AssertionError("unreachable") from None
    if not isinstance(doc, LDict):
        ck.add(
            getattr(doc, "line", 1),
            "(top)",
            "a scenario file is a mapping with scenario:, title:, observations: and/or plans:",
        )
        ck.raise_if_any()
    top_keys = {"scenario", "title", "description", "sources", "places", "observations", "plans"}
    _keys(ck, doc, "scenario", top_keys, {"scenario", "title"})
    slug = _text(ck, doc, "scenario", "scenario")
    if slug and not _SLUG.match(slug):
        ck.add(
            _line(doc, "scenario"),
            "scenario",
            "must be lower-case letters, digits and - (e.g. coalition-transition-2026)",
        )
    title = _text(ck, doc, "title", "title", maxlen=300) or ""
    description = _text(ck, doc, "description", "description", maxlen=20000)

    # sources
    sources: dict[str, dict[str, Any]] = {}
    raw_sources = doc.get("sources") or LDict()
    if not isinstance(raw_sources, LDict):
        ck.add(_line(doc, "sources"), "sources", "must be a mapping of id: {outlet, …}")
        raw_sources = LDict()
    for sid, sd in raw_sources.items():
        where = f"sources.{sid}"
        if not _keys(
            ck, sd, where, {"outlet", "outlet_ar", "url", "title", "published", "language"}, set()
        ):
            continue
        ref = {
            k: _text(ck, sd, k, where) for k in ("outlet", "outlet_ar", "url", "title", "language")
        }
        ref["published"] = _day(ck, sd, "published", where)
        if ref["url"] and not re.match(r"^https?://", ref["url"]):
            ck.add(_line(sd, "url"), f"{where}.url", "must start with http:// or https://")
        if not (ref["outlet"] or ref["url"] or ref["title"]):
            ck.add(sd.line, where, "needs an outlet, a url or a title")
        sources[str(sid)] = ref

    def source_ref(d: LDict, where: str) -> str | None:
        v = d.get("source")
        if v is None:
            return None
        if not isinstance(v, str) or v not in sources:
            ck.add(
                _line(d, "source"),
                f"{where}.source",
                f"unknown source {str(v)[:60]!r} (define it under sources:)",
            )
            return None
        return v

    # custom places
    from shapely.geometry import Point, shape

    custom: dict[str, CustomPlace] = {}
    raw_places = doc.get("places") or LList()
    if not isinstance(raw_places, list):
        ck.add(_line(doc, "places"), "places", "must be a list")
        raw_places = LList()
    for i, pd in enumerate(raw_places):
        where = f"places[{i}]"
        if not _keys(
            ck,
            pd,
            where,
            {
                "id",
                "name",
                "name_ar",
                "kind",
                "subkind",
                "country",
                "parent",
                "lon",
                "lat",
                "geometry",
                "aliases",
                "source",
            },
            {"id", "name", "kind"},
        ):
            continue
        pid = _text(ck, pd, "id", where)
        if pid and not _CUSTOM_ID.match(pid):
            ck.add(
                _line(pd, "id"),
                f"{where}.id",
                "analyst places need an id like custom:<lower-case-slug>",
            )
            pid = None
        if pid and pid in custom:
            ck.add(_line(pd, "id"), f"{where}.id", f"place {pid!r} is defined twice")
            pid = None
        kind = _text(ck, pd, "kind", where)
        if kind and kind not in PLACE_KINDS:
            ck.add(_line(pd, "kind"), f"{where}.kind", f"must be one of {', '.join(PLACE_KINDS)}")
            kind = None
        geom = None
        if pd.get("geometry") is not None:
            try:
                geom = shape(pd["geometry"])
                if geom.is_empty or not geom.is_valid:
                    raise ValueError("invalid")
                if not all(
                    -180 <= x <= 180 and -90 <= y <= 90
                    for x, y in [geom.bounds[:2], geom.bounds[2:]]
                ):
                    raise ValueError("out of range")
            except Exception:
                ck.add(
                    _line(pd, "geometry"),
                    f"{where}.geometry",
                    "must be a valid GeoJSON geometry in lon/lat",
                )
                geom = None
        lon, lat = pd.get("lon"), pd.get("lat")
        if lon is not None or lat is not None:
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat)):
                ck.add(pd.line, f"{where}.lon", "lon and lat must both be numbers")
                lon = lat = None
            elif not (-180 <= lon <= 180 and -90 <= lat <= 90):
                ck.add(
                    _line(pd, "lat"),
                    f"{where}.lat",
                    "lon must be within -180..180 and lat within -90..90",
                )
                lon = lat = None
        if geom is None and (lon is None or lat is None):
            if pd.get("geometry") is None:
                ck.add(pd.line, f"{where}.geometry", "needs lon and lat, or a geometry")
            continue
        if geom is None:
            geom = Point(float(lon), float(lat))
        if lon is None or lat is None:
            rp = geom.representative_point()
            lon, lat = rp.x, rp.y
        aliases = pd.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            ck.add(_line(pd, "aliases"), f"{where}.aliases", "must be a list of names")
            aliases = []
        country = _text(ck, pd, "country", where)
        if country and not re.match(r"^[A-Z]{2}$", country):
            ck.add(_line(pd, "country"), f"{where}.country", "must be an ISO alpha-2 code")
            country = None
        if pid and kind:
            custom[pid] = CustomPlace(
                id=pid,
                name=_text(ck, pd, "name", where, maxlen=300) or pid,
                kind=kind,
                lon=round(float(lon), 6),
                lat=round(float(lat), 6),
                geometry=geom,
                name_ar=_text(ck, pd, "name_ar", where, maxlen=300),
                subkind=_text(ck, pd, "subkind", where),
                country=country,
                parent=_text(ck, pd, "parent", where),
                aliases=tuple(aliases),
                source=_text(ck, pd, "source", where) or "analyst",
            )
    for pid, cp in custom.items():
        if cp.parent and cp.parent not in custom and not place_exists(cp.parent):
            ck.add(0, f"places.{pid}.parent", f"unknown parent place {cp.parent!r}")

    def kind_of(pid: str) -> str:
        if pid in custom:
            return custom[pid].kind
        k = place_kind(pid) if place_kind else None
        if k:
            return k
        prefix = pid.split(":", 1)[0]
        return prefix if prefix in PLACE_KINDS else "installation"

    # observations
    observations: list[dict[str, Any]] = []
    raw_obs = doc.get("observations") or LList()
    if not isinstance(raw_obs, list):
        ck.add(_line(doc, "observations"), "observations", "must be a list")
        raw_obs = LList()
    seen_keys: set[str] = set()
    for i, od in enumerate(raw_obs):
        where = f"observations[{i}]"
        if not _keys(
            ck,
            od,
            where,
            {
                "actor",
                "place",
                "as_of",
                "count",
                "count_min",
                "count_max",
                "approximate",
                "qualifier",
                "status",
                "source",
                "quote",
                "confirmed",
                "note",
            },
            {"actor", "place", "as_of"},
        ):
            continue
        n_before = len(ck.problems)
        actor = _actor(ck, od, where)
        place = _place(ck, od, "place", where, place_exists, custom)
        as_of = _date(ck, od, "as_of", where)
        qty = _quantity(ck, od, where, required=False)
        status = _text(ck, od, "status", where) or "present"
        if status not in STATUSES:
            ck.add(_line(od, "status"), f"{where}.status", f"must be one of {', '.join(STATUSES)}")
        src = source_ref(od, where)
        quote = _text(ck, od, "quote", where, maxlen=5000)
        note = _text(ck, od, "note", where, maxlen=5000)
        confirmed = _bool(ck, od, "confirmed", where)
        if len(ck.problems) > n_before or not (actor and place and as_of):
            continue
        row = observation_row(
            actor=actor,
            place_id=place,
            place_kind=kind_of(place),
            as_of=as_of,
            quantity=qty,
            status=status,
            quote=quote,
            confirmed=confirmed,
            note=note,
            source=src,
        )
        if row["claim_key"] in seen_keys:
            ck.add(od.line, where, "the same observation is listed twice")
            continue
        seen_keys.add(row["claim_key"])
        observations.append(row)

    # plans
    plans: list[dict[str, Any]] = []
    raw_plans = doc.get("plans") or LList()
    if not isinstance(raw_plans, list):
        ck.add(_line(doc, "plans"), "plans", "must be a list")
        raw_plans = LList()
    plan_ids: set[str] = set()
    for i, pd in enumerate(raw_plans):
        where = f"plans[{i}]"
        if not _keys(
            ck,
            pd,
            where,
            {"id", "name", "start", "source", "description", "phases"},
            {"id", "name", "phases"},
        ):
            continue
        pslug = _text(ck, pd, "id", where)
        if pslug and not _SLUG.match(pslug):
            ck.add(_line(pd, "id"), f"{where}.id", "must be lower-case letters, digits and -")
            pslug = None
        if pslug in plan_ids:
            ck.add(_line(pd, "id"), f"{where}.id", f"plan {pslug!r} is defined twice")
        plan_ids.add(pslug or "")
        pname = _text(ck, pd, "name", where, maxlen=300)
        start = _day(ck, pd, "start", where)
        psrc = source_ref(pd, where)
        phases_raw = pd.get("phases")
        if not isinstance(phases_raw, list) or not phases_raw:
            if phases_raw is not None:
                ck.add(_line(pd, "phases"), f"{where}.phases", "must be a non-empty list")
            continue
        phases = []
        last_deadline: dt.date | None = None
        for j, phd in enumerate(phases_raw):
            pw = f"{where}.phases[{j}]"
            if not _keys(ck, phd, pw, {"name", "deadline", "moves"}, {"name", "moves"}):
                continue
            deadline = _date(ck, phd, "deadline", pw)
            if deadline and last_deadline and deadline.value < last_deadline:
                ck.add(
                    _line(phd, "deadline"),
                    f"{pw}.deadline",
                    "phases must be in order of their deadlines",
                )
            if deadline:
                last_deadline = deadline.value
            if deadline and start and deadline.value < start:
                ck.add(
                    _line(phd, "deadline"),
                    f"{pw}.deadline",
                    "a deadline cannot be before the plan's start",
                )
            moves_raw = phd.get("moves")
            if not isinstance(moves_raw, list) or not moves_raw:
                if moves_raw is not None:
                    ck.add(_line(phd, "moves"), f"{pw}.moves", "must be a non-empty list")
                continue
            moves = []
            for k, md in enumerate(moves_raw):
                mw = f"{pw}.moves[{k}]"
                if not _keys(
                    ck,
                    md,
                    mw,
                    {
                        "actor",
                        "action",
                        "place",
                        "to",
                        "scope",
                        "by",
                        "count",
                        "count_min",
                        "count_max",
                        "approximate",
                        "qualifier",
                        "quote",
                        "source",
                        "confirmed",
                        "modality",
                        "status",
                    },
                    {"actor", "action", "place"},
                ):
                    continue
                n_before = len(ck.problems)
                actor = _actor(ck, md, mw)
                action = _text(ck, md, "action", mw)
                from ..domain import MOVEMENT_ACTIONS

                if action and action not in MOVEMENT_ACTIONS:
                    ck.add(
                        _line(md, "action"),
                        f"{mw}.action",
                        f"must be one of {', '.join(MOVEMENT_ACTIONS)}",
                    )
                place = _place(ck, md, "place", mw, place_exists, custom)
                to = _place(ck, md, "to", mw, place_exists, custom)
                if action == "relocate" and md.get("to") is None:
                    ck.add(md.line, f"{mw}.to", "a relocation needs a destination (to:)")
                scope = _text(ck, md, "scope", mw)
                if scope not in (None, "all", "rest", "part"):
                    ck.add(_line(md, "scope"), f"{mw}.scope", "must be all, rest or part")
                modality = _text(ck, md, "modality", mw) or "planned"
                if modality not in ("planned", "possible", "demanded"):
                    ck.add(
                        _line(md, "modality"),
                        f"{mw}.modality",
                        "must be planned, possible or demanded",
                    )
                mstatus = _text(ck, md, "status", mw)
                if mstatus is not None and mstatus not in STATUSES:
                    ck.add(
                        _line(md, "status"), f"{mw}.status", f"must be one of {', '.join(STATUSES)}"
                    )
                by = _date(ck, md, "by", mw) or deadline
                if by and start and by.value < start:
                    ck.add(_line(md, "by"), f"{mw}.by", "cannot be before the plan's start")
                qty = _quantity(ck, md, mw, required=False)
                quote = _text(ck, md, "quote", mw, maxlen=5000)
                src = source_ref(md, mw)
                confirmed = _bool(ck, md, "confirmed", mw)
                if len(ck.problems) > n_before or not (actor and action and place):
                    continue
                moves.append(
                    (
                        by,
                        move_row(
                            actor=actor,
                            action=action,
                            place_id=place,
                            by=by,
                            ordinal=k + 1,
                            to_place_id=to,
                            scope=scope,
                            quantity=qty,
                            quote=quote,
                            confirmed=confirmed,
                            source=src or psrc,
                            modality=modality,
                            status=mstatus,
                        ),
                    )
                )
            phases.append(
                {
                    "name": _text(ck, phd, "name", pw, maxlen=300) or f"Phase {j + 1}",
                    "deadline": deadline,
                    "moves": moves,
                }
            )
        if pslug and pname:
            plan_phases = []
            for j, ph in enumerate(phases, start=1):
                dl = ph["deadline"]
                rows = [mv for _, mv in ph["moves"]]
                for k, mv in enumerate(rows, start=1):
                    mv["ordinal"] = k
                plan_phases.append(
                    {
                        "ordinal": j,
                        "name": ph["name"],
                        "deadline": dl.value if dl else None,
                        "deadline_precision": dl.precision if dl else None,
                        "deadline_approximate": bool(dl.approximate) if dl else False,
                        "moves": rows,
                    }
                )
            plans.append(
                {
                    "slug": pslug,
                    "name": pname,
                    "kind": "scenario",
                    "start": start,
                    "source": psrc,
                    "description": _text(ck, pd, "description", where, maxlen=20000),
                    "phases": plan_phases,
                }
            )
        # implied presence before the plan's moves, as for articles
        if start:
            for ph in phases:
                for _, mv in ph["moves"]:
                    if (
                        mv["action"] in ("withdraw", "reduce", "remain", "relocate", "increase")
                        and mv["modality"] == "planned"
                        and mv["by"] is not None
                    ):
                        o = observation_row(
                            actor=mv["actor"],
                            place_id=mv["place_id"],
                            place_kind=kind_of(mv["place_id"]),
                            as_of=FuzzyDate(start),
                            quantity=None,
                            status="present",
                            claim_type="implied",
                            quote=mv["quote"],
                            source=mv["source"],
                        )
                        if o["claim_key"] not in seen_keys and not any(
                            x["actor"] == o["actor"]
                            and x["place_id"] == o["place_id"]
                            and x["valid_from"] == o["valid_from"]
                            and x["claim_type"] == "level"
                            for x in observations
                        ):
                            seen_keys.add(o["claim_key"])
                            observations.append(o)
    if not observations and not plans and not custom:
        ck.add(doc.line, "(top)", "the scenario has no observations, plans or places")
    ck.raise_if_any()
    return Scenario(
        slug=slug or "",
        title=title,
        description=description,
        filename=filename,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sources=sources,
        places=list(custom.values()),
        records=Records(observations, plans),
        custom_place_ids=set(custom),
    )


def parse_scenario_file(
    path: str | Path,
    *,
    place_exists: Callable[[str], bool] = lambda p: False,
    place_kind: Callable[[str], str | None] | None = None,
) -> Scenario:
    """Read and validate a scenario file (see :func:`parse_scenario`).

    Raises
    ------
    InputError
        If the file is missing, too big or not UTF-8.
    ValidationError
        If its content is invalid.
    """
    p = Path(path)
    name = p.name
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"scenario file {name!r} not found") from None
    except OSError:
        raise InputError(f"scenario file {name!r} cannot be read") from None
    if len(raw) > MAX_SCENARIO_BYTES:
        raise InputError(f"scenario file {name!r} is too large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{name}: the file is not UTF-8 text",
            detail={"file": name, "line": 0, "field": "(file)"},
        ) from None
    return parse_scenario(text, filename=name, place_exists=place_exists, place_kind=place_kind)
