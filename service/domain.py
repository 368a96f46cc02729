"""Domain model shared by every layer: places, fuzzy dates, quantities and claims.

Coordinates are (lon, lat) everywhere inside the package (GeoJSON order).  Dates are
:class:`datetime.date`; a vague date keeps its precision (``FuzzyDate``), stored as the *last*
day of the period it names, so "by September 2025" is 2025-09-30 with precision ``"month"``.
Uncertain numbers stay uncertain (``Quantity``): "hundreds" is a range, "fewer than 500" an
upper bound, "about 2,500" an approximate count.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import InputError

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------

PLACE_KINDS = ("country", "region", "admin1", "city", "installation")
#: Location precision classes, coarsest last.  A claim "in Anbar" is about the province.
PRECISION_CLASSES = ("installation", "city", "admin1", "region", "country")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer place.

    Attributes
    ----------
    id : str
        Stable id, e.g. ``country:IQ``, ``admin1:IQ-AN``, ``installation:ain-al-asad-air-base``.
    kind : str
        One of :data:`PLACE_KINDS`.
    lon, lat : float
        Representative point (inside the polygon when the place has one).
    parent : str or None
        Id of the smallest enclosing place (admin1, region or country).
    """

    id: str
    name: str
    kind: str
    lon: float
    lat: float
    name_ar: str | None = None
    country: str | None = None
    parent: str | None = None
    subkind: str | None = None
    aliases: tuple[str, ...] = ()
    iso: str | None = None
    precision_m: float | None = None
    population: int | None = None
    source: str | None = None
    operators: tuple[str, ...] = ()
    active_from: int | None = None
    active_to: int | None = None
    has_polygon: bool = False

    def summary(self) -> dict[str, Any]:
        """The stable public JSON shape (used by CLI ``geocode`` and ``places``)."""
        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "subkind": self.subkind,
            "country": self.country,
            "parent": self.parent,
            "lat": self.lat,
            "lon": self.lon,
            "precision_m": self.precision_m,
        }


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

DATE_PRECISIONS = ("day", "month", "quarter", "half", "year")


def parse_iso_date(value: str | dt.date | None, *, field_name: str = "date") -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (or pass a date through) with a readable error.

    Raises
    ------
    InputError
        If the value is not a real calendar date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{field_name} must be a date in YYYY-MM-DD form")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else _fail(text)
    except ValueError:
        raise InputError(
            f"{field_name} {text[:40]!r} is not a valid date (expected YYYY-MM-DD)"
        ) from None


def _fail(text: str) -> dt.date:
    raise ValueError(text)


@dataclass(frozen=True, slots=True, order=True)
class FuzzyDate:
    """A date with the precision it was given in.

    ``value`` is the *last* day of the named period: month → last day of the month,
    quarter → last day of the quarter, half → 30 June / 31 December, year → 31 December.
    """

    value: dt.date
    precision: str = "day"
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.precision not in DATE_PRECISIONS:
            raise InputError(f"unknown date precision {self.precision!r}")

    @classmethod
    def of(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        approximate: bool = False,
    ) -> FuzzyDate:
        """Build from parts; missing parts widen the precision (end of the period)."""
        if not 1 <= year <= 9999:
            raise InputError(f"year {year} is out of range")
        if month is None:
            return cls(dt.date(year, 12, 31), "year", approximate)
        if not 1 <= month <= 12:
            raise InputError(f"month {month} is out of range")
        last = calendar.monthrange(year, month)[1]
        if day is None:
            return cls(dt.date(year, month, last), "month", approximate)
        if not 1 <= day <= last:
            raise InputError(f"{year:04d}-{month:02d}-{day:02d} is not a calendar date")
        return cls(dt.date(year, month, day), "day", approximate)

    @classmethod
    def quarter(cls, year: int, q: int, *, approximate: bool = False) -> FuzzyDate:
        """Last day of quarter ``q`` (1–4) of ``year``."""
        if not 1 <= q <= 4:
            raise InputError(f"quarter {q} is out of range")
        month = q * 3
        return cls(
            dt.date(year, month, calendar.monthrange(year, month)[1]), "quarter", approximate
        )

    @classmethod
    def half(cls, year: int, h: int, *, approximate: bool = False) -> FuzzyDate:
        """30 June (h=1) or 31 December (h=2) of ``year``."""
        if h not in (1, 2):
            raise InputError(f"half {h} is out of range")
        return cls(dt.date(year, 6, 30) if h == 1 else dt.date(year, 12, 31), "half", approximate)

    @property
    def start(self) -> dt.date:
        """First day of the period the date names."""
        v = self.value
        if self.precision == "day":
            return v
        if self.precision == "month":
            return v.replace(day=1)
        if self.precision == "quarter":
            return dt.date(v.year, v.month - 2, 1)
        if self.precision == "half":
            return dt.date(v.year, 1 if v.month <= 6 else 7, 1)
        return dt.date(v.year, 1, 1)

    def isoformat(self) -> str:
        return self.value.isoformat()

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.value.isoformat(),
            "precision": self.precision,
            "approximate": self.approximate,
        }


# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------

QUALIFIERS = ("exact", "approximate", "upper_bound", "lower_bound", "range", "vague")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A force level as stated, with its uncertainty.

    ``count`` is the stated number when there is one; ``count_min``/``count_max`` bound it
    when the text does.  "about 2,500" → count 2500, approximate, no bounds; "fewer than 500"
    → count_max 500; "hundreds" → 200–999, vague.
    """

    count: int | None = None
    count_min: int | None = None
    count_max: int | None = None
    approximate: bool = False
    qualifier: str = "exact"

    def __post_init__(self) -> None:
        if self.qualifier not in QUALIFIERS:
            raise InputError(f"unknown quantity qualifier {self.qualifier!r}")
        for name in ("count", "count_min", "count_max"):
            v = getattr(self, name)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                raise InputError(f"{name} must be a non-negative whole number, got {v!r}")
        if self.count is None and self.count_min is None and self.count_max is None:
            raise InputError("a quantity needs a count or a bound")
        if (
            self.count_min is not None
            and self.count_max is not None
            and self.count_min > self.count_max
        ):
            raise InputError(f"count_min {self.count_min} exceeds count_max {self.count_max}")

    @classmethod
    def exact(cls, n: int) -> Quantity:
        return cls(n, n, n, False, "exact")

    @classmethod
    def about(cls, n: int) -> Quantity:
        return cls(n, None, None, True, "approximate")

    @property
    def low(self) -> int | None:
        """Lowest plausible value (for sorting and choropleths)."""
        if self.count_min is not None:
            return self.count_min
        if self.count is not None:
            return self.count
        return 0 if self.qualifier == "upper_bound" else None

    @property
    def high(self) -> int | None:
        """Highest plausible value, ``None`` when unbounded."""
        if self.count_max is not None:
            return self.count_max
        return self.count

    @property
    def central(self) -> float | None:
        """A single representative value for symbol sizes; never shown as a claim."""
        if self.count is not None:
            return float(self.count)
        if self.count_min is not None and self.count_max is not None:
            return (self.count_min + self.count_max) / 2
        if self.count_max is not None:
            return self.count_max / 2
        if self.count_min is not None:
            return float(self.count_min)
        return None

    def label(self) -> str:
        """Human label that shows the uncertainty: '≈ 2,500', '< 500', '200–999'."""

        def f(n: int) -> str:
            return f"{n:,}"

        q = self.qualifier
        if q == "exact" and self.count is not None:
            return f(self.count)
        if q == "approximate" and self.count is not None:
            return f"≈ {f(self.count)}"
        if q == "upper_bound" and self.count_max is not None:
            return f"< {f(self.count_max)}"
        if q == "lower_bound" and self.count_min is not None:
            return f"> {f(self.count_min)}"
        if self.count_min is not None and self.count_max is not None:
            return f"{f(self.count_min)}–{f(self.count_max)}"
        if self.count is not None:
            return f(self.count)
        return "?"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# Extraction results
# --------------------------------------------------------------------------------------------

MOVEMENT_ACTIONS = ("withdraw", "reduce", "remain", "relocate", "arrive", "increase")
EVENT_ACTIONS = ("invade", "withdraw", "return", "deploy", "attack", "arrive", "establish")
STATUSES = ("present", "reduced", "withdrawn", "advisory")


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of the original input: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class ExtractedPlace:
    """A gazetteer place found in an article, with every mention."""

    place: Place
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "id": p.id,
            "name": p.name,
            "name_ar": p.name_ar,
            "kind": p.kind,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "mentions": [m.to_dict() for m in self.mentions],
        }


def _date_or_none(d: FuzzyDate | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(slots=True)
class ForceLevel:
    """ "<actor> has <quantity> troops at <place> as of <date>", with its quote."""

    actor: str
    place_id: str
    quantity: Quantity
    #: a Span; the extractor holds the sentence's (start, end) until it maps offsets back
    quote: Span | tuple[int, int]
    as_of: FuzzyDate | None = None
    status: str = "present"

    def to_dict(self) -> dict[str, Any]:
        q = self.quantity
        return {
            "actor": self.actor,
            "place_id": self.place_id,
            "count": q.count,
            "count_min": q.count_min,
            "count_max": q.count_max,
            "approximate": q.approximate,
            "qualifier": q.qualifier,
            "status": self.status,
            "as_of": _date_or_none(self.as_of),
            "as_of_precision": self.as_of.precision if self.as_of else None,
            "quote": self.quote.text,
            "start": self.quote.start,
            "end": self.quote.end,
        }


@dataclass(slots=True)
class Movement:
    """A planned or reported move: withdraw, reduce, remain, relocate, arrive."""

    actor: str
    place_id: str | None
    action: str
    #: a Span; the extractor holds the sentence's (start, end) until it maps offsets back
    quote: Span | tuple[int, int]
    to_place_id: str | None = None
    by: FuzzyDate | None = None
    quantity: Quantity | None = None
    #: "all" when the text says all forces ("جميع قوات"), "part" for "some/hundreds of",
    #: "rest" for "the rest/البقية".
    scope: str | None = None
    #: planned (default), possible ("may stay"), demanded ("Iraq wants …"), reported (done)
    modality: str = "planned"
    #: status the place is left in, when the text says ("advisory")
    status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "place_id": self.place_id,
            "action": self.action,
            "to_place_id": self.to_place_id,
            "by": _date_or_none(self.by),
            "by_precision": self.by.precision if self.by else None,
            "by_approximate": self.by.approximate if self.by else None,
            "scope": self.scope,
            "modality": self.modality,
            "status": self.status,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "quote": self.quote.text,
            "start": self.quote.start,
            "end": self.quote.end,
        }


@dataclass(slots=True)
class Event:
    """A dated historical statement ("invaded Iraq in 2003")."""

    actor: str
    place_id: str | None
    action: str
    date: FuzzyDate
    #: a Span; the extractor holds the sentence's (start, end) until it maps offsets back
    quote: Span | tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "place_id": self.place_id,
            "action": self.action,
            "date": self.date.isoformat(),
            "date_precision": self.date.precision,
            "quote": self.quote.text,
            "start": self.quote.start,
            "end": self.quote.end,
        }


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article (the ``extract`` JSON contract)."""

    source: str | None
    language: str
    published: dt.date | None
    places: list[ExtractedPlace] = field(default_factory=list)
    unresolved: list[Span] = field(default_factory=list)
    force_levels: list[ForceLevel] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    body: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "body": {"start": self.body[0], "end": self.body[1]} if self.body else None,
            "places": [p.to_dict() for p in self.places],
            "unresolved": [u.to_dict() for u in self.unresolved],
            "force_levels": [f.to_dict() for f in self.force_levels],
            "movements": [m.to_dict() for m in self.movements],
            "events": [e.to_dict() for e in self.events],
        }
