"""Dates in Arabic and English news text, with their precision and role.

"by September 2025" / بحلول سبتمبر 2025 → 2025-09-30, precision ``month``, role ``by``;
"until the end of 2026" / حتى نهاية 2026 → 2026-12-31, ``year``, role ``until``;
"on September 15" → that day in the reference year; relative expressions ("next
September", سبتمبر المقبل, "the end of the following year", نهاية العام التالي) are resolved
against the last absolute date before them in the same sentence, else the publication date.
Both Arabic month-name systems are known (سبتمبر and أيلول, كانون الثاني …), as are
Maghrebi forms (جوان، جويلية، أوت).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..domain import FuzzyDate
from .lexicon import alternation
from .text import WordHints, Words

_MONTH_LISTS = {
    1: ["january", "jan", "يناير", "كانون الثاني", "جانفي", "ينار"],
    2: ["february", "feb", "فبراير", "شباط", "فيفري"],
    3: ["march", "mar", "مارس", "آذار", "اذار"],
    4: ["april", "apr", "أبريل", "ابريل", "نيسان", "أفريل", "افريل"],
    5: ["may", "مايو", "أيار", "ايار", "ماي"],
    6: ["june", "jun", "يونيو", "يونيه", "حزيران", "جوان"],
    7: ["july", "jul", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    8: ["august", "aug", "أغسطس", "اغسطس", "آب", "أوت", "غشت"],
    9: ["september", "sept", "sep", "سبتمبر", "أيلول", "ايلول", "شتنبر"],
    10: ["october", "oct", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"],
    11: ["november", "nov", "نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["december", "dec", "ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"],
}
_LOOKUP: dict[str, int] = {}
for _m, _ns in _MONTH_LISTS.items():
    for _n in _ns:
        _LOOKUP[_n] = _m


def _norm_month(s: str) -> str:
    s = re.sub(r"[\u064b-\u0652\u0640]", "", s.lower().strip().rstrip("."))
    s = re.sub(r"\s+", " ", s)
    s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه")
    return s


_NORM_LOOKUP = {_norm_month(k): v for k, v in _LOOKUP.items()}


def month_number(s: str) -> int | None:
    """1–12 for a month name in any of the known systems."""
    s = _norm_month(s)
    for p in ("و", "ب", "ل", "ف", "في "):
        if s not in _NORM_LOOKUP and s.startswith(p) and _norm_month(s[len(p) :]) in _NORM_LOOKUP:
            return _NORM_LOOKUP[_norm_month(s[len(p) :])]
    return _NORM_LOOKUP.get(s)


_MON = alternation(n for ns in _MONTH_LISTS.values() for n in ns if n != "may")
# "May" is also a modal verb: only accept it capitalised or in Arabic.
_MON_ANY = rf"(?:{_MON}\.?|May)"


# "سبتمبر/أيلول", "يناير/كانون الثاني", "September (Ayloul)"
def _month(tag: str) -> str:
    return rf"(?:[وبلف]?(?P<mon_{tag}>{_MON_ANY})(?:\s*[/(（]\s*(?:{_MON_ANY})\s*[)）]?)?)"


def _day(tag: str) -> str:
    return rf"(?P<day_{tag}>[0-3]?[0-9]|[٠-٣]?[٠-٩])"


_YEAR = r"(?P<year>(?:19|20)[0-9]{2}|[١٢][٩٠][٠-٩]{2})"
_OF_YEAR = r"(?:\s*,?\s*(?:of\s+|من\s+(?:عام|العام|سنة)\s+|عام\s+|سنة\s+)?)"
_AR_DIG = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

_NEXT = r"(?:المقبل|القادم|المقبلة|القادمة|next|coming)"
_LAST = r"(?:الماضي|الفائت|المنصرم|الماضية|last|past)"
_THIS = r"(?:الجاري|الحالي|الحالية|الجارية|this|current)"
_FOLLOWING = r"(?:التالي|التالية|الذي\s+يليه|following|subsequent)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    # 15 September 2025 / 15 سبتمبر 2025
    ("dmy", re.compile(rf"(?<![\w]){_day('1')}\s*{_month('2')}{_OF_YEAR}{_YEAR}(?![\w])", re.I)),
    # September 15, 2025
    (
        "mdy",
        re.compile(
            rf"(?<![\w]){_month('3')}\s+{_day('4')}(?:st|nd|rd|th)?\s*,?\s*{_YEAR}(?![\w])", re.I
        ),
    ),
    # September 2025 / سبتمبر من عام 2025
    ("my", re.compile(rf"(?<![\w]){_month('5')}{_OF_YEAR}{_YEAR}(?![\w])", re.I)),
    # next September / سبتمبر المقبل / September next year
    (
        "m_next",
        re.compile(
            rf"(?<![\w])(?:{_NEXT}\s+{_month('6')}|{_month('7')}\s+(?:من\s+)?(?:{_NEXT}"
            rf"(?:\s+year)?|(?:العام|عام)\s+(?:المقبل|القادم)|next\s+year))"
            rf"(?![\w])",
            re.I,
        ),
    ),
    (
        "m_this",
        re.compile(
            rf"(?<![\w]){_month('30')}\s+(?:(?:of\s+)?this\s+year|من\s+(?:هذا\s+)?"
            rf"(?:العام|عام)\s+(?:الجاري|الحالي)|(?:الجاري|الحالي))(?![\w])",
            re.I,
        ),
    ),
    (
        "m_last",
        re.compile(rf"(?<![\w])(?:{_LAST}\s+{_month('8')}|{_month('9')}\s+{_LAST})(?![\w])", re.I),
    ),
    # on September 15 / 15 سبتمبر
    (
        "md",
        re.compile(
            rf"(?<![\w])(?:{_month('10')}\s+{_day('11')}(?:st|nd|rd|th)?|{_day('12')}\s+{_month('13')})"
            rf"(?![\w])",
            re.I,
        ),
    ),
    # quarter / half / mid / early / late / end of YEAR
    (
        "q",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|"
            rf"4th)\s+quarter\s+(?:of\s+)?|Q(?P<qd>[1-4])\s*|الربع\s+(?P<qa>الأول|الاول|"
            rf"الثاني|الثالث|الرابع|الأخير|الاخير)\s+(?:من\s+)?(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "h",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?(?P<hn>first|second)\s+half\s+(?:of\s+)?|"
            rf"H(?P<hd>[12])\s*|النصف\s+(?P<ha>الأول|الاول|الثاني)\s+(?:من\s+)?"
            rf"(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "mid",
        re.compile(
            rf"(?<![\w])(?:mid-?\s*|the\s+middle\s+of\s+|منتصف\s+(?:عام\s+|العام\s+)?"
            rf"|أواسط\s+|اواسط\s+){_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "early",
        re.compile(
            rf"(?<![\w])(?:early[-\s]+|the\s+beginning\s+of\s+|the\s+start\s+of\s+|"
            rf"بداية\s+(?:عام\s+|العام\s+)?|أوائل\s+|اوائل\s+|مطلع\s+(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "late",
        re.compile(
            rf"(?<![\w])(?:late[-\s]+|أواخر\s+(?:عام\s+)?|اواخر\s+(?:عام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "end",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?end\s+of\s+|year-end\s+|نهاية\s+(?:عام\s+|العام\s+"
            rf"|سنة\s+)?|أواخر\s+العام\s+){_YEAR}(?![\w])",
            re.I,
        ),
    ),
    # relative years: end of the (following|next|this) year / نهاية العام (المقبل|التالي|الجاري)
    (
        "end_rel",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<e_en>{_FOLLOWING}|"
            rf"{_NEXT}|{_THIS}|this)?\s*year|year-end|نهاية\s+(?:هذا\s+)?(?:العام|"
            rf"السنة)(?:\s+(?P<e_ar>{_FOLLOWING}|{_NEXT}|{_THIS}))?)(?![\w])",
            re.I,
        ),
    ),
    (
        "year_rel",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?(?P<y_en>{_FOLLOWING}|{_NEXT}|{_THIS}|"
            rf"{_LAST})\s+year|(?:العام|السنة|عام)\s+(?P<y_ar>{_FOLLOWING}|"
            rf"{_NEXT}|{_THIS}|{_LAST}))(?![\w])",
            re.I,
        ),
    ),
    (
        "month_rel",
        re.compile(
            rf"(?<![\w])(?:(?:the\s+)?(?P<mo_en>{_NEXT}|{_THIS}|{_LAST})\s+month"
            rf"|(?:الشهر|خلال\s+الشهر)\s+(?P<mo_ar>{_NEXT}|{_THIS}|{_LAST}))"
            rf"(?![\w])",
            re.I,
        ),
    ),
    # a bare year after a date cue: in 2014 / عام 2014 / في 2003 / by 2026 / مالي (2022)
    (
        "y",
        re.compile(
            rf"(?<![\w])(?:(?:in|by|since|until|till|through|before|after|from|during|"
            rf"of|عام|العام|سنة|في|بحلول|حتى|منذ|قبل|بعد|خلال|مطلع|ل?عام)\s+|\(\s*){_YEAR}"
            rf"(?![\w])",
            re.I,
        ),
    ),
]

_APPROX = r"(?:about|around|approximately|roughly|circa|some\s+time\s+(?:in|around)|نحو|حوالي|حوالى|قرابة|تقريبا|تقريباً)"
_APPROX_BEFORE = re.compile(rf"{_APPROX}\s*(?:the\s+)?$", re.I)
_APPROX_AFTER = re.compile(
    r"^\s*,?\s*(?:or\s+so|تقريبا|تقريباً|تقريبًا|approximately|or\s+thereabouts)(?![\w])", re.I
)
_ROLE_BEFORE = [
    (
        "by",
        re.compile(
            rf"(?:\bby(?:\s+the\s+end\s+of)?|بحلول\s+نهاية|قبل\s+نهاية|no\s+later\s+than|before|ahead\s+of|in\s+time\s+for|بحلول|"
            r"قبل|مع\s+حلول|في\s+موعد\s+أقصاه|في\s+موعد\s+اقصاه|موعد\s+أقصاه|"
            rf"موعدا\s+أقصاه|أقصاه|اقصاه|deadline\s+of)\s*(?:{_APPROX}\s*)?(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        "until",
        re.compile(
            rf"(?:\buntil(?:\s+the\s+end\s+of)?|حتى\s+نهاية|\btill|\bthrough|\bthru|حتى|لغاية|إلى\s+غاية|الى\s+غاية|"
            rf"إلى\s+حين|الى\s+حين|into)\s*(?:{_APPROX}\s*)?(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        "since",
        re.compile(
            r"(?:\bsince|\bafter|بعد|\bfrom|\bstarting(?:\s+in|\s+from)?|beginning(?:\s+in)?|"
            r"منذ|اعتبارا\s+من|اعتباراً\s+من|ابتداء\s+من|ابتداءً\s+من|بدءا\s+من|"
            r"بدءاً\s+من|من)\s*(?:the\s+)?$",
            re.I,
        ),
    ),
]


# Plain spellings only (no diacritic tolerance): a cheap pre-check, not the matcher itself.
# the month patterns tolerate hamza / alef / yeh / ta-marbuta spellings (آب = اب)
_FOLD = str.maketrans("أإآٱىئةؤک", "اااايياوك")
_MONTH_WORD_SET = {
    w.translate(_FOLD) for k in _LOOKUP for w in (k.lower(), k.lower().split()[0])
} | {"may"}
_DIGITS_AT_ENDS = re.compile(r"^[0-9٠-٩]+|[0-9٠-٩]+$")


def _is_month_word(w: str) -> bool:
    """A word token that is (or carries) a month name: 15سبتمبر, وأيلول, sept, اب."""
    w = _DIGITS_AT_ENDS.sub("", w).translate(_FOLD)
    return w in _MONTH_WORD_SET or (w[:1] in "وبلف" and w[1:] in _MONTH_WORD_SET)


# a month match reaches ~30 characters before the month word and ~45 after it
# ("15 كانون الثاني/يناير من عام 2025"): the window is measured from the first word
_MONTH_WORDS = WordHints(_is_month_word, 30, 55)
_YEAR_HINT = re.compile(r"(?<![0-9٠-٩])(?:19|20|١٩|٢٠)[0-9٠-٩]{2}(?![0-9٠-٩])")
_PERIOD_HINT = re.compile(r"year|month|عام|سنة|شهر")
# a year-anchored match starts up to ~70 characters before the year and ends with it
_YEAR_WORDS = WordHints(_YEAR_HINT.search, 70, 2)
_PERIOD_WORDS = WordHints(_PERIOD_HINT.search, 45, 35)
# Words (lowercased) without which a pattern cannot match a window: a substring test is
# far cheaper than trying the pattern at every position.  The year-anchored patterns with a
# month name run when the span has a month word (or diacritics, which the month patterns
# tolerate but the month-word hints do not see).
_MONTH_GUARD: tuple[str, ...] = ()
_DIACRITIC = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_GUARDS: dict[str, tuple[str, ...]] = {
    "dmy": _MONTH_GUARD,
    "mdy": _MONTH_GUARD,
    "my": _MONTH_GUARD,
    "q": ("quarter", "q1", "q2", "q3", "q4", "الربع"),
    "h": ("half", "h1", "h2", "النصف"),
    "mid": ("mid", "middle", "منتصف", "أواسط", "اواسط"),
    "early": ("early", "beginning", "start", "بداية", "أوائل", "اوائل", "مطلع"),
    "late": ("late", "أواخر", "اواخر"),
    "end": ("end", "نهاية", "أواخر"),
    "end_rel": ("end", "نهاية"),
    "month_rel": ("month", "الشهر"),
    # the relative-month and relative-year patterns need one of their relative words.  Under
    # re.I only "ı" (i) and "ſ" (s) match a letter their lowercase lacks, so the English
    # guards avoid i and s: "com" (coming), "la" (last), "pa" (past), "th" (this) …
    "m_next": ("المقبل", "القادم", "next", "com"),
    "m_this": ("th", "الجاري", "الحالي"),
    "m_last": ("الماضي", "الفائت", "المنصرم", "la", "pa"),
    "year_rel": (
        "التالي",
        "الذي",
        "المقبل",
        "القادم",
        "الجاري",
        "الحالي",
        "الماضي",
        "الفائت",
        "المنصرم",
        "follow",
        "ubsequent",
        "next",
        "com",
        "th",
        "current",
        "la",
        "pa",
    ),
}
_NEEDS = {
    "dmy": "year",
    "mdy": "year",
    "my": "year",
    "m_next": "month",
    "m_last": "month",
    "md": "month",
    "m_this": "month",
    "q": "year",
    "h": "year",
    "mid": "year",
    "early": "year",
    "late": "year",
    "end": "year",
    "end_rel": "period",
    "year_rel": "period",
    "month_rel": "period",
    "y": "year",
}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in text."""

    start: int
    end: int
    date: FuzzyDate
    role: str  # by | until | since | at
    relative: bool = False


def _grp(m: re.Match, prefix: str) -> str | None:
    """The first set group whose name starts with ``prefix`` (alternatives have their own)."""
    for name, value in m.groupdict().items():
        if value is not None and (name == prefix or name.startswith(prefix + "_")):
            return value
    return None


def _year(s: str) -> int:
    return int(s.translate(_AR_DIG))


def _quarter_num(m: re.Match) -> int:
    words = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "الأول": 1,
        "الاول": 1,
        "الثاني": 2,
        "الثالث": 3,
        "الرابع": 4,
        "الأخير": 4,
        "الاخير": 4,
    }
    for g in ("qn", "qa"):
        if m.group(g):
            return words[m.group(g).lower()]
    return int(m.group("qd"))


def _rel_word(w: str | None) -> str:
    if not w:
        return "this"
    w = w.lower()
    if re.fullmatch(_FOLLOWING, w, re.I):
        return "following"
    if re.fullmatch(_NEXT, w, re.I):
        return "next"
    if re.fullmatch(_LAST, w, re.I):
        return "last"
    return "this"


def _build(
    kind: str, m: re.Match, ref: dt.date | None, anchor: dt.date | None
) -> tuple[FuzzyDate, bool] | None:
    g = dict(m.groupdict())
    g["mon"] = _grp(m, "mon")
    g["day"] = _grp(m, "day")
    if kind in ("dmy", "mdy"):
        return FuzzyDate.of(
            _year(g["year"]), month_number(g["mon"]), int(g["day"].translate(_AR_DIG))
        ), False
    if kind == "my":
        return FuzzyDate.of(_year(g["year"]), month_number(g["mon"])), False
    if kind == "m_this":
        if ref is None:
            return None
        return FuzzyDate.of(ref.year, month_number(g["mon"])), True
    if kind in ("m_next", "m_last", "md"):
        if ref is None:
            return None
        mon = month_number(g["mon"])
        if mon is None:
            return None
        if kind == "m_next":
            year = ref.year if mon > ref.month else ref.year + 1
        elif kind == "m_last":
            year = ref.year if mon < ref.month else ref.year - 1
        else:
            year = ref.year
            if mon < ref.month - 6:
                year += 1  # "on March 3" in an October article is next March
        day = g.get("day")
        return FuzzyDate.of(year, mon, int(day.translate(_AR_DIG)) if day else None), True
    if kind == "q":
        return FuzzyDate.quarter(_year(g["year"]), _quarter_num(m)), False
    if kind == "h":
        w = (g.get("hn") or g.get("ha") or g.get("hd") or "1").lower()
        return FuzzyDate.half(
            _year(g["year"]), 1 if w in ("first", "الأول", "الاول", "1") else 2
        ), False
    if kind == "mid":
        return FuzzyDate.half(_year(g["year"]), 1, approximate=True), False
    if kind == "early":
        return FuzzyDate.quarter(_year(g["year"]), 1, approximate=True), False
    if kind == "late":
        return FuzzyDate.of(_year(g["year"]), approximate=True), False
    if kind == "end":
        return FuzzyDate.of(_year(g["year"])), False
    if kind == "end_rel":
        rel = _rel_word(g.get("e_en") or g.get("e_ar"))
        base = anchor if rel == "following" and anchor else ref
        if base is None:
            return None
        year = base.year + (1 if rel in ("next", "following") else 0)
        return FuzzyDate.of(year), True
    if kind == "year_rel":
        rel = _rel_word(g.get("y_en") or g.get("y_ar"))
        base = anchor if rel == "following" and anchor else ref
        if base is None:
            return None
        delta = {"next": 1, "following": 1, "last": -1}.get(rel, 0)
        return FuzzyDate.of(base.year + delta), True
    if kind == "month_rel":
        if ref is None:
            return None
        rel = _rel_word(g.get("mo_en") or g.get("mo_ar"))
        y, mth = ref.year, ref.month + {"next": 1, "last": -1}.get(rel, 0)
        if mth == 13:
            y, mth = y + 1, 1
        if mth == 0:
            y, mth = y - 1, 12
        return FuzzyDate.of(y, mth), True
    if kind == "y":
        return FuzzyDate.of(_year(g["year"])), False
    return None


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    published: dt.date | None = None,
    anchor: dt.date | None = None,
    words: Words | None = None,
) -> list[DateMatch]:
    """Every date expression in ``text[start:end]`` (call it per sentence), in text order.

    Parameters
    ----------
    published : date, optional
        Reference for relative expressions; relative ones are dropped without it.
    anchor : date, optional
        The last absolute date before this span (for "the following year").
    words : Words, optional
        The words of the article, found once (saves tokenising every sentence).
    """
    end = len(text) if end is None else end
    # Every pattern is anchored on a year, a month name or a period word: search only in
    # windows around those (they are few), not the whole sentence (the patterns are the
    # main cost of extraction).
    if words is None or not words.covers(text, start, end):
        words = Words(text, start, end)
    windows = {
        "year": _YEAR_WORDS.windows(text, start, end, words),
        "month": _MONTH_WORDS.windows(text, start, end, words),
        "period": _PERIOD_WORDS.windows(text, start, end, words),
    }
    if not (windows["year"] or windows["month"] or windows["period"]):
        return []
    cands: list[tuple[int, int, str, re.Match]] = []
    seen: set[tuple[int, int, str]] = set()
    lowered: dict[tuple[int, int], str] = {}
    for kind, pat in PATTERNS:
        guard = _GUARDS.get(kind)
        for a, b in windows[_NEEDS[kind]]:
            if guard is not None:
                seg = lowered.get((a, b))
                if seg is None:
                    seg = lowered[(a, b)] = text[a:b].lower()
                if not any(w in seg for w in guard) and not (
                    guard is _MONTH_GUARD and (windows["month"] or _DIACRITIC.search(seg))
                ):
                    continue
            for m in pat.finditer(text, a, b):
                key = (m.start(), m.end(), kind)
                if key not in seen:
                    seen.add(key)
                    cands.append((m.start(), m.end(), kind, m))
    cands.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e, _, _ in chosen):
            continue
        chosen.append(c)
    chosen.sort(key=lambda t: t[0])
    out: list[DateMatch] = []
    for s, e, kind, m in chosen:
        try:
            built = _build(kind, m, published, anchor)
        except Exception:  # an impossible date in the text ("31 February") is just skipped
            built = None
        if built is None:
            continue
        fd, rel = built
        if kind == "y":
            # the cue word is part of the match; keep only the year in the span
            s = m.start("year")
        before = text[max(0, s - 30) : s]
        role = "at"
        for name, pat in _ROLE_BEFORE:
            if pat.search(before):
                role = name
                break
        if kind == "y" and role == "at":
            cue = m.group(0)[: m.start("year") - m.start()].strip().lower()
            role = {
                "by": "by",
                "بحلول": "by",
                "until": "until",
                "till": "until",
                "حتى": "until",
                "since": "since",
                "منذ": "since",
                "from": "since",
                "before": "by",
                "قبل": "by",
            }.get(cue, "at")
        if not fd.approximate and (
            _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(text[e : e + 20])
        ):
            fd = FuzzyDate(fd.value, fd.precision, True)
        out.append(DateMatch(s, e, fd, role, rel))
        if not rel:
            anchor = fd.value
    return out
