"""The static actor registry: countries, coalitions and alliances that deploy forces.

Pure data, no I/O: the extractor, the store and the render layer all read it without a
database.  Codes are ISO 3166-1 alpha-2 for countries; ``COALITION`` is the US-led anti-ISIS
coalition (CJTF-OIR, whose troops are in Iraq and Syria) and ``NATO`` is NATO Mission Iraq /
the alliance.  A group's ``members`` are country codes; membership is used to apply a group's
plan to its members' forces and to filter ``posture_at(actor=...)``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import InputError

ACTOR_KINDS = ("country", "coalition", "alliance")


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor of the registry.

    Attributes
    ----------
    code : str
        ``US``, ``GB`` …, ``COALITION`` or ``NATO``.
    name, name_ar : str
        English and Arabic names.
    iso : str or None
        ISO 3166-1 alpha-2 code for countries, ``None`` for groups.
    kind : str
        ``country``, ``coalition`` or ``alliance``.
    members : tuple of str
        Member country codes (groups only).
    aliases : tuple of str
        Other names (any script) used by :func:`lookup_actor`.
    """

    code: str
    name: str
    name_ar: str
    iso: str | None
    kind: str
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "name_ar": self.name_ar,
            "iso": self.iso,
            "kind": self.kind,
            "members": list(self.members),
        }


def _c(code: str, name: str, name_ar: str, *aliases: str) -> Actor:
    return Actor(code, name, name_ar, code, "country", (), aliases)


_COUNTRIES = (
    _c(
        "US",
        "United States",
        "الولايات المتحدة",
        "USA",
        "U.S.",
        "America",
        "American",
        "أمريكا",
        "أميركا",
        "الأمريكية",
        "الأميركية",
        "واشنطن",
    ),
    _c("GB", "United Kingdom", "المملكة المتحدة", "UK", "Britain", "British", "بريطانيا"),
    _c("FR", "France", "فرنسا", "French"),
    _c("DE", "Germany", "ألمانيا", "German", "المانيا"),
    _c("IT", "Italy", "إيطاليا", "Italian", "ايطاليا"),
    _c("ES", "Spain", "إسبانيا", "Spanish", "اسبانيا"),
    _c("AU", "Australia", "أستراليا", "Australian", "استراليا"),
    _c("CA", "Canada", "كندا", "Canadian"),
    _c("NL", "Netherlands", "هولندا", "Dutch"),
    _c("DK", "Denmark", "الدنمارك", "Danish"),
    _c("NO", "Norway", "النرويج", "Norwegian"),
    _c("BE", "Belgium", "بلجيكا", "Belgian"),
    _c("NZ", "New Zealand", "نيوزيلندا"),
    _c("PL", "Poland", "بولندا", "Polish"),
    _c("CZ", "Czechia", "التشيك", "Czech Republic"),
    _c("HU", "Hungary", "المجر", "Hungarian"),
    _c("FI", "Finland", "فنلندا", "Finnish"),
    _c("SE", "Sweden", "السويد", "Swedish"),
    _c("PT", "Portugal", "البرتغال", "Portuguese"),
    _c("RO", "Romania", "رومانيا", "Romanian"),
    _c("SK", "Slovakia", "سلوفاكيا"),
    _c("SI", "Slovenia", "سلوفينيا"),
    _c("HR", "Croatia", "كرواتيا"),
    _c("BG", "Bulgaria", "بلغاريا"),
    _c("GR", "Greece", "اليونان"),
    _c("EE", "Estonia", "إستونيا"),
    _c("LV", "Latvia", "لاتفيا"),
    _c("LT", "Lithuania", "ليتوانيا"),
    _c("LU", "Luxembourg", "لوكسمبورغ"),
    _c("IS", "Iceland", "آيسلندا"),
    _c("AL", "Albania", "ألبانيا"),
    _c("ME", "Montenegro", "الجبل الأسود"),
    _c("MK", "North Macedonia", "مقدونيا الشمالية"),
    _c("AT", "Austria", "النمسا"),
    _c("TR", "Türkiye", "تركيا", "Turkey", "Turkish"),
    _c("RU", "Russia", "روسيا", "Russian Federation", "Russian"),
    _c("IR", "Iran", "إيران", "Iranian", "ايران"),
    _c("IQ", "Iraq", "العراق", "Iraqi"),
    _c("SY", "Syria", "سوريا", "Syrian", "سورية"),
    _c("JO", "Jordan", "الأردن"),
    _c("KW", "Kuwait", "الكويت"),
    _c("SA", "Saudi Arabia", "السعودية"),
    _c("QA", "Qatar", "قطر"),
    _c("BH", "Bahrain", "البحرين"),
    _c("AE", "United Arab Emirates", "الإمارات", "UAE"),
    _c("OM", "Oman", "عمان"),
    _c("IL", "Israel", "إسرائيل", "Israeli"),
    _c("EG", "Egypt", "مصر"),
    _c("LB", "Lebanon", "لبنان"),
    _c("YE", "Yemen", "اليمن"),
    # operators of installations abroad (data/gazetteer/installations.csv): host-nation and
    # UN / African Union / MFO contingents
    _c("CN", "China", "الصين", "Chinese", "People's Republic of China"),
    _c("JP", "Japan", "اليابان", "Japanese"),
    _c("KR", "South Korea", "كوريا الجنوبية", "Republic of Korea", "South Korean"),
    _c("IN", "India", "الهند", "Indian"),
    _c("ID", "Indonesia", "إندونيسيا", "Indonesian", "اندونيسيا"),
    _c("IE", "Ireland", "أيرلندا", "Irish", "ايرلندا"),
    _c("GH", "Ghana", "غانا", "Ghanaian"),
    _c("AR", "Argentina", "الأرجنتين", "Argentine"),
    _c("CO", "Colombia", "كولومبيا", "Colombian"),
    _c("FJ", "Fiji", "فيجي", "Fijian"),
    _c("PH", "Philippines", "الفلبين", "Philippine", "Filipino"),
    _c("KE", "Kenya", "كينيا", "Kenyan"),
    _c("UG", "Uganda", "أوغندا", "Ugandan", "اوغندا"),
    _c("BI", "Burundi", "بوروندي", "Burundian"),
    _c("ET", "Ethiopia", "إثيوبيا", "Ethiopian", "اثيوبيا"),
    _c("DJ", "Djibouti", "جيبوتي", "Djiboutian"),
    _c("TD", "Chad", "تشاد", "Chadian"),
    _c("PK", "Pakistan", "باكستان", "Pakistani"),
    _c("MY", "Malaysia", "ماليزيا", "Malaysian"),
    _c("KP", "North Korea", "كوريا الشمالية", "DPRK", "North Korean"),
)

#: Troop contributors of the US-led coalition against ISIS (CJTF-OIR) in Iraq and Syria.
COALITION_MEMBERS = (
    "US",
    "GB",
    "FR",
    "DE",
    "IT",
    "ES",
    "AU",
    "CA",
    "NL",
    "DK",
    "NO",
    "BE",
    "NZ",
    "PL",
    "CZ",
    "HU",
    "FI",
    "SE",
    "PT",
    "RO",
    "SK",
    "SI",
    "HR",
    "EE",
    "LV",
    "LT",
    "AT",
)
#: NATO members (32, since Sweden joined in March 2024).
NATO_MEMBERS = (
    "AL",
    "BE",
    "BG",
    "CA",
    "HR",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IS",
    "IT",
    "LV",
    "LT",
    "LU",
    "ME",
    "NL",
    "MK",
    "NO",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "TR",
    "GB",
    "US",
)

_GROUPS = (
    Actor(
        "COALITION",
        "US-led coalition (CJTF-OIR)",
        "التحالف الدولي",
        None,
        "coalition",
        COALITION_MEMBERS,
        (
            "Coalition",
            "Global Coalition",
            "international coalition",
            "anti-ISIS coalition",
            "CJTF-OIR",
            "Operation Inherent Resolve",
            "التحالف",
            "قوات التحالف",
            "التحالف الدولي لمحاربة داعش",
        ),
    ),
    Actor(
        "NATO",
        "NATO (NATO Mission Iraq)",
        "حلف شمال الأطلسي",
        None,
        "alliance",
        NATO_MEMBERS,
        ("NMI", "NATO Mission Iraq", "North Atlantic Treaty Organization", "الناتو", "حلف الناتو"),
    ),
)

#: code → :class:`Actor`.
ACTORS: dict[str, Actor] = {a.code: a for a in (*_COUNTRIES, *_GROUPS)}


#: ISO codes of dependent territories: places where forces are (Guam, Greenland, Diego
#: Garcia's BIOT), never the force itself ("The Marines will leave Okinawa for Guam").
DEPENDENT_TERRITORIES = frozenset(
    [
        "GU",
        "PR",
        "VI",
        "AS",
        "MP",
        "UM",
        "GL",
        "FO",
        "NC",
        "PF",
        "RE",
        "YT",
        "GP",
        "MQ",
        "GF",
        "PM",
        "BL",
        "MF",
        "WF",
        "IO",
        "GI",
        "FK",
        "BM",
        "KY",
        "TC",
        "VG",
        "MS",
        "AI",
        "SH",
        "PN",
        "GS",
        "AW",
        "CW",
        "SX",
        "BQ",
        "HK",
        "MO",
        "CX",
        "CC",
        "NF",
        "HM",
        "TK",
        "NU",
        "CK",
        "AX",
        "SJ",
        "BV",
        "TF",
    ]
)


def get_actor(code: str) -> Actor:
    """The actor with this code (case-insensitive).

    Raises
    ------
    InputError
        If no actor has this code.
    """
    try:
        return ACTORS[str(code).strip().upper()]
    except (KeyError, AttributeError):
        raise InputError(
            f"unknown actor {str(code)[:40]!r} (expected a code such as US, GB, COALITION or NATO)"
        ) from None


def is_actor(code: str) -> bool:
    """Whether ``code`` is a registered actor code (case-insensitive)."""
    return isinstance(code, str) and code.strip().upper() in ACTORS


def members(code: str) -> tuple[str, ...]:
    """Member country codes of a group; ``()`` for a country."""
    return get_actor(code).members


def groups_of(code: str) -> tuple[str, ...]:
    """Codes of the groups a country belongs to (e.g. ``US`` → ``COALITION``, ``NATO``)."""
    c = str(code).strip().upper()
    return tuple(a.code for a in ACTORS.values() if c in a.members)


def with_members(code: str) -> tuple[str, ...]:
    """The actor itself followed by its members (the set ``posture_at(actor=...)`` shows)."""
    a = get_actor(code)
    return (a.code, *a.members)


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold().strip()
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ـ", "")):
        t = t.replace(a, b)
    return " ".join(t.replace(".", "").split())


def lookup_actor(name: str) -> Actor | None:
    """Find an actor by code, English or Arabic name or alias (exact after normalisation)."""
    if not isinstance(name, str) or not name.strip():
        return None
    if is_actor(name):
        return get_actor(name)
    key = _norm(name)
    for a in ACTORS.values():
        if key in {_norm(n) for n in (a.name, a.name_ar, *a.aliases)}:
            return a
    return None
