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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

from ..domain import FuzzyDate
from .fastre import rx
from .lexicon import alternation
from .numbers import AR_UNITS, EN_UNITS
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


_MONTH_MARKS = re.compile(r"[\u064b-\u0652\u0640]")
_SPACES = re.compile(r"\s+")


def _norm_month(s: str) -> str:
    s = _MONTH_MARKS.sub("", s.lower().strip().rstrip("."))
    s = _SPACES.sub(" ", s)
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
    # not a part of a decimal number ("in January 14.6 billion kroner", "15.5")
    return rf"(?<![0-9٠-٩][.٫])(?P<day_{tag}>[0-3]?[0-9]|[٠-٣]?[٠-٩])(?![.٫][0-9٠-٩])"


_YEAR = r"(?P<year>(?:19|20)[0-9]{2}|[١٢][٩٠][٠-٩]{2})"
_OF_YEAR = r"(?:\s*,?\s*(?:of\s+|من\s+(?:عام|العام|سن[ةه])\s+|عام\s+|سن[ةه]\s+)?)"
_AR_DIG = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

_NEXT = r"(?:المقبل|القادم|المقبل[ةه]|القادم[ةه]|الجاي|الجاية|الجايه|اللي\s+جاي|next|coming)"  # الجاي: dialect
_LAST = r"(?:الماضي|الفائت|المنصرم|الماضي[ةه]|الفايت|الفايتة|الفايته|اللي\s+فاتت?|last|past)"
_THIS = r"(?:الجاري|الحالي|الحالي[ةه]|الجاري[ةه]|this|current)"
_FOLLOWING = r"(?:التالي|التالي[ةه]|الذي\s+يليه|following|subsequent)"

# durations ("within six months"): the quantity grammar's number words, and units
_NUM_EN_WORDS = {
    "a": 1,
    "an": 1,
    "twenty-four": 24,
    **{w: v for w, v in EN_UNITS.items() if v <= 60},
}
_NUM_AR_WORDS = {w: v for w, v in AR_UNITS.items() if v <= 60}
_NUM_EN = r"[0-9]{1,3}|" + alternation(_NUM_EN_WORDS)
_NUM_AR = r"[0-9٠-٩]{1,3}|" + alternation(_NUM_AR_WORDS)
# plural (3–10) and accusative singular (11+) unit forms
_UNITS_AR = {
    "أشهر": "month",
    "اشهر": "month",
    "شهور": "month",
    "شهرا": "month",
    "شهراً": "month",
    "سنوات": "year",
    "أعوام": "year",
    "اعوام": "year",
    "عاما": "year",
    "عاماً": "year",
    "أسابيع": "week",
    "اسابيع": "week",
    "أسبوعا": "week",
    "أيام": "day",
    "ايام": "day",
    "يوما": "day",
    "يوماً": "day",
}
# a bare singular or dual unit carries its number: شهرين = two months
_UNITS_AR_ONE = {
    "شهر": ("month", 1),
    "شهرين": ("month", 2),
    "الشهرين": ("month", 2),
    "عام": ("year", 1),
    "سنة": ("year", 1),
    "عامين": ("year", 2),
    "سنتين": ("year", 2),
    "العامين": ("year", 2),
    "السنتين": ("year", 2),
    "أسبوع": ("week", 1),
    "أسبوعين": ("week", 2),
    "اسبوعين": ("week", 2),
    "الأسبوعين": ("week", 2),
    "يومين": ("day", 2),
}
_UNIT_AR = alternation(_UNITS_AR)
_UNIT_AR_ONE = alternation(_UNITS_AR_ONE)
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
# plain alternations (the names are looked up in _WEEKDAYS as matched); English capitalised
_EN_WEEKDAY = "|".join(w.capitalize() for w, _ in sorted(_WEEKDAYS.items()) if w.isascii())
_AR_WEEKDAY = "|".join(sorted((w for w in _WEEKDAYS if not w.isascii()), key=len, reverse=True))


PATTERNS: list[tuple[str, re.Pattern]] = [
    # 15 September 2025 / 15 سبتمبر 2025
    ("dmy", rx(rf"(?<![\w]){_day('1')}\s*{_month('2')}{_OF_YEAR}{_YEAR}(?![\w])", re.I)),
    # September 15, 2025
    (
        "mdy",
        rx(rf"(?<![\w]){_month('3')}\s+{_day('4')}(?:st|nd|rd|th)?\s*,?\s*{_YEAR}(?![\w])", re.I),
    ),
    # September 2025 / سبتمبر من عام 2025
    ("my", rx(rf"(?<![\w]){_month('5')}{_OF_YEAR}{_YEAR}(?![\w])", re.I)),
    # next September / سبتمبر المقبل / September next year
    (
        "m_next",
        rx(
            rf"(?<![\w])(?:{_NEXT}\s+{_month('6')}|{_month('7')}\s+(?:من\s+)?(?:{_NEXT}"
            rf"(?:\s+year)?|(?:العام|عام)\s+(?:المقبل|القادم)|next\s+year))"
            rf"(?![\w])",
            re.I,
        ),
    ),
    (
        "m_this",
        rx(
            rf"(?<![\w]){_month('30')}\s+(?:(?:of\s+)?this\s+year|من\s+(?:هذا\s+)?"
            rf"(?:العام|عام)\s+(?:الجاري|الحالي)|(?:الجاري|الحالي))(?![\w])",
            re.I,
        ),
    ),
    (
        "m_last",
        rx(rf"(?<![\w])(?:{_LAST}\s+{_month('8')}|{_month('9')}\s+{_LAST})(?![\w])", re.I),
    ),
    # a month alone after a date cue: "by June", "until the end of June", "قبل متم يونيو",
    # "بحلول نهاية حزيران" (the cue is checked in _build; the year is the nearest fitting one)
    ("m_bare", rx(rf"(?<![\w]){_month('40')}(?![\w])", re.I)),
    # on September 15 / 15 سبتمبر
    (
        "md",
        rx(
            rf"(?<![\w])(?:{_month('10')}\s+{_day('11')}(?:st|nd|rd|th)?|{_day('12')}\s+{_month('13')})"
            rf"(?![\w])",
            re.I,
        ),
    ),
    # quarter / half / mid / early / late / end of YEAR
    (
        "q",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|"
            rf"4th)\s+quarter\s+(?:of\s+)?|Q(?P<qd>[1-4])\s*|الربع\s+(?P<qa>الأول|الاول|"
            rf"الثاني|الثالث|الرابع|الأخير|الاخير)\s+(?:من\s+)?(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "h",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?(?P<hn>first|second)\s+half\s+(?:of\s+)?|"
            rf"H(?P<hd>[12])\s*|النصف\s+(?P<ha>الأول|الاول|الثاني)\s+(?:من\s+)?"
            rf"(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "mid",
        rx(
            rf"(?<![\w])(?:mid-?\s*|the\s+middle\s+of\s+|منتصف\s+(?:عام\s+|العام\s+)?"
            rf"|أواسط\s+|اواسط\s+){_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "early",
        rx(
            rf"(?<![\w])(?:early[-\s]+|the\s+beginning\s+of\s+|the\s+start\s+of\s+|"
            rf"بداي[ةه]\s+(?:عام\s+|العام\s+)?|أوائل\s+|اوائل\s+|مطلع\s+(?:عام\s+|العام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "late",
        rx(
            rf"(?<![\w])(?:late[-\s]+|أواخر\s+(?:عام\s+)?|اواخر\s+(?:عام\s+)?)"
            rf"{_YEAR}(?![\w])",
            re.I,
        ),
    ),
    (
        "end",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?end\s+of\s+|end-|year-end\s+|(?:نهاي[ةه]|آخر|اخر)\s+"
            rf"(?:عام\s+|العام\s+|سن[ةه]\s+)?|أواخر\s+العام\s+){_YEAR}(?![\w])",
            re.I,
        ),
    ),
    # relative years: end of the (following|next|this) year / نهاية العام (المقبل|التالي|الجاري)
    (
        "end_rel",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<e_en>{_FOLLOWING}|"
            rf"{_NEXT}|{_THIS}|this|{_LAST})?\s*year|year-end|year\s+end|the\s+close\s+of\s+the\s+year|"
            rf"(?:نهاي[ةه]|آخر|اخر)\s+(?:هذا\s+)?(?:العام|"
            rf"السن[ةه])(?:\s+(?P<e_ar>{_FOLLOWING}|{_NEXT}|{_THIS}|{_LAST}))?)(?![\w])",
            re.I,
        ),
    ),
    (
        "year_rel",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?(?P<y_en>{_FOLLOWING}|{_NEXT}|{_THIS}|"
            rf"{_LAST})\s+year|(?:العام|السن[ةه]|السنه|عام)\s+(?P<y_ar>{_FOLLOWING}|"
            rf"{_NEXT}|{_THIS}|{_LAST}))(?![\w])",
            re.I,
        ),
    ),
    # part of a relative year: the first quarter of next year, early next year, late this
    # year / الربع الأول من العام المقبل، مطلع العام المقبل، منتصف العام الجاري
    (
        "part_rel",
        rx(
            rf"(?<![\w])(?:(?:(?:the\s+)?(?P<pq_en>first|second|third|fourth|1st|2nd|3rd|4th|"
            rf"last)\s+quarter\s+of\s+|(?:the\s+)?(?P<ph_en>first|second)\s+half\s+of\s+|"
            rf"(?P<pm_en>mid-?\s*|the\s+middle\s+of\s+)|(?P<pe_en>early[-\s]+|the\s+"
            rf"(?:beginning|start)\s+of\s+)|(?P<pl_en>late[-\s]+))(?:the\s+)?"
            rf"(?P<pr_en>{_FOLLOWING}|{_NEXT}|{_THIS}|{_LAST})\s+year|(?:الربع\s+"
            rf"(?P<pq_ar>الأول|الاول|الثاني|الثالث|الرابع|الأخير|الاخير)|النصف\s+"
            rf"(?P<ph_ar>الأول|الاول|الثاني)|(?P<pm_ar>منتصف|أواسط|اواسط)|"
            rf"(?P<pe_ar>بداي[ةه]|أوائل|اوائل|مطلع)|(?P<pl_ar>أواخر|اواخر))\s+(?:من\s+)?"
            rf"(?:العام|السن[ةه])\s+(?P<pr_ar>{_FOLLOWING}|{_NEXT}|{_THIS}|{_LAST}))(?![\w])",
            re.I,
        ),
    ),
    (
        "month_rel",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?(?P<mo_en>{_NEXT}|{_THIS}|{_LAST})\s+month"
            rf"|(?:الشهر|خلال\s+الشهر)\s+(?P<mo_ar>{_NEXT}|{_THIS}|{_LAST}))"
            rf"(?![\w])",
            re.I,
        ),
    ),
    # numeric dates: 2025-09-15 (ISO; also 2025/09/15), 15/9/2025, 15.09.2025, ١٥/٩/٢٠٢٥ (day first)
    (
        "num",
        rx(
            r"(?<![\w./-])(?:(?P<iso_y>(?:19|20|١٩|٢٠)[0-9٠-٩]{2})(?P<iso_sep>[/.-])"
            r"(?P<iso_m>[01٠١]?[0-9٠-٩])(?P=iso_sep)(?P<iso_d>[0-3٠-٣]?[0-9٠-٩])|(?P<n_a>[0-3]?[0-9٠-٩][0-9٠-٩]?)(?P<n_sep>[/.-])"
            r"(?P<n_b>[01٠١]?[0-9٠-٩])(?P=n_sep)(?P<n_y>(?:19|20|١٩|٢٠)[0-9٠-٩]{2}))"
            r"(?![\w]|[./-][0-9٠-٩])"
        ),
    ),
    # seasons: (the) summer of 2026 / صيف 2026 / ربيع عام 2025
    (
        "season",
        rx(
            rf"(?<![\w])(?:(?:the\s+)?(?P<se_en>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
            rf"|(?P<se_ar>ربيع|صيف|خريف|شتاء)\s+(?:عام\s+|العام\s+|سن[ةه]\s+)?){_YEAR}(?![\w])",
            re.I,
        ),
    ),
    # seasons relative to publication: by the summer, next spring / بحلول الصيف، الصيف المقبل
    (
        "season_rel",
        rx(
            r"(?<![\w])(?:(?:(?P<sr_mod>this|next|last|coming|the\s+coming|the\s+next|the\s+"
            r"past|the\s+last)\s+|the\s+)?(?P<sr_en>spring|summer|autumn|fall|winter)"
            r"(?!\s+(?:of\s+)?(?:19|20)\d\d)(?!\s+of\b)(?!\s+(?:this|next|last)\s+year)"
            r"|(?:فصل\s+)?(?P<sr_ar>الصيف|الربيع|الخريف|الشتاء)(?:\s+(?P<sr_armod>المقبل|القادم|"
            r"الماضي|الفائت|المنصرم|الجاري|الحالي|هذا))?)(?![\w])",
            re.I,
        ),
    ),
    # days relative to publication: yesterday, today, last week / أمس، اليوم، الأسبوع الماضي
    (
        "rel_day",
        rx(
            r"(?<![\w])(?:(?P<rd_en>the\s+day\s+before\s+yesterday|yesterday|today|tonight|"
            r"tomorrow)|(?P<rw_en>last|next|this|past|coming)\s+week|(?P<rd_ar>أول\s+(?:من\s+)?"
            r"أمس|أول\s+(?:من\s+)?امس|أمس\s+الأول|امس\s+الاول|أمس|امس|الأمس|اليوم|غدا|غداً)"
            rf"(?:\s+(?:{_AR_WEEKDAY})(?![\w]))?"
            r"|(?:الأسبوع|الاسبوع)\s+(?P<rw_ar>الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|"
            r"الحالي))(?![\w])",
            re.I,
        ),
    ),
    # weekdays: (on|last|next) Monday / يوم الاثنين / "، الثلاثاء،" (the Arabic news style)
    (
        "wday",
        rx(
            rf"(?<![\w])(?:(?:(?P<wr_en>(?i:last|next|this|on))\s+)?(?P<wd_en>{_EN_WEEKDAY})"
            rf"|(?:(?:يوم|مساء|صباح|ليلة|فجر)\s+(?P<wd_ar>{_AR_WEEKDAY})(?:\s+"
            rf"(?P<wr_ar>الماضي|المقبل|القادم))?)|(?:(?<=[،,])|(?<=[،,]\s))"
            rf"(?P<wd_arc>{_AR_WEEKDAY})(?=\s*[،,]))(?![\w])"
        ),
    ),
    # durations from publication: within six months, over the next two years, in 18 months'
    # time / خلال ستة أشهر، في غضون عامين، خلال الأشهر الستة المقبلة; and "two years ago"
    (
        "within",
        rx(
            rf"(?<![\w])(?:(?:within|over\s+the\s+(?:next|coming)|in\s+the\s+(?:next|coming)|"
            rf"during\s+the\s+(?:next|coming))\s+(?:the\s+next\s+)?(?:(?P<dn_en>{_NUM_EN})"
            rf"[\s-]+)?(?P<du_en>months?|years?|weeks?|days?)|in\s+(?P<dt_en>{_NUM_EN})[\s-]+"
            rf"(?P<dtu_en>months?|years?|weeks?|days?)(?:'|’)?s?\s+time|(?:خلال|في\s+غضون|غضون|"
            rf"في\s+مدة\s+(?:أقصاها|اقصاها|لا\s+تتجاوز)|في\s+فترة\s+لا\s+تتجاوز)\s+(?:"
            rf"(?P<dn_ar>{_NUM_AR})\s+(?P<du_ar>{_UNIT_AR})|(?P<dd_ar>{_UNIT_AR_ONE})(?!\s*[0-9٠-٩])(?:\s+"
            rf"(?:المقبلين|القادمين|المقبل[ةه]|القادم[ةه]))?|ال(?P<dp_ar>{_UNIT_AR})\s+ال(?P<dpn_ar>"
            rf"{_NUM_AR})\s+(?:المقبل[ةه]|القادم[ةه]|المقبلين|القادمين)))(?![\w])(?!\s+(?:of|from|"
            rf"after|من|على|بعد)(?![\w]))",
            re.I,
        ),
    ),
    (
        "ago",
        rx(
            rf"(?<![\w])(?:(?P<an_en>{_NUM_EN})[\s-]+(?P<au_en>months?|years?|weeks?|days?)\s+"
            rf"ago|(?:قبل|منذ)\s+(?:(?P<an_ar>{_NUM_AR})\s+(?P<au_ar>{_UNIT_AR})|"
            rf"(?P<ad_ar>{_UNIT_AR_ONE})(?!\s*[0-9٠-٩])))(?![\w])",
            re.I,
        ),
    ),
    # a bare year after a date cue: in 2014 / عام 2014 / في 2003 / by 2026 / مالي (2022)
    (
        "y",
        rx(
            rf"(?<![\w])(?:(?:in|by|since|until|till|through|before|after|from|during|"
            rf"of|عام|العام|سن[ةه]|في|بحلول|حتى|منذ|قبل|بعد|خلال|مطلع|ل?عام)\s+|\(\s*){_YEAR}"
            # not the year of a numeric date ("by 2025-09-30" is a day, not the year)
            rf"(?![\w]|[./-][0-9٠-٩])",
            re.I,
        ),
    ),
]

_APPROX = r"(?:about|around|approximately|roughly|circa|some\s+time\s+(?:in|around)|نحو|حوالي|حوالى|قرابة|تقريبا|تقريباً)"
_APPROX_BEFORE = rx(rf"{_APPROX}\s*(?:the\s+)?$", re.I)
_APPROX_AFTER = rx(
    r"^\s*,?\s*(?:or\s+so|تقريبا|تقريباً|تقريبًا|approximately|or\s+thereabouts)(?![\w])", re.I
)
#: what must come just before a month named without a day or year ("May" is also a verb)
_BARE_MONTH_CUE = rx(
    r"(?:(?P<dl>\bby|\buntil|\btill|\bbefore|بحلول|حتى|قبل|لغاية|مع\s+حلول)|\bin|\bduring|"
    r"\bsince|\bafter|\bfrom|في|خلال|منذ|بعد|مطلع|بداي[ةه]|منتصف|أواخر|اواخر|نهاي[ةه])"
    r"(?:\s+(?:the\s+)?(?:end|middle|beginning|start)\s+of|\s+(?:early|late|mid-?)|"
    r"\s+(?:نهاي[ةه]|متم|أواخر|اواخر|آخر|مطلع|بداي[ةه]|منتصف))?(?:\s+شهر)?\s*$",
    re.I,
)
_ROLE_BEFORE = [
    (
        "by",
        rx(
            rf"(?:\bby(?:\s+the\s+end\s+of)?|(?:بحلول|قبل)\s+(?:نهاي[ةه]|متم|أواخر|اواخر|آخر)"
            rf"(?:\s+شهر)?|(?:بحلول|قبل)\s+شهر|قبل\s+حلول|no\s+later\s+than|before(?:\s+the\s+end\s+of)?|ahead\s+of|in\s+time\s+for|بحلول|"
            r"قبل|مع\s+حلول|في\s+موعد\s+أقصاه|في\s+موعد\s+اقصاه|موعد\s+أقصاه|"
            rf"موعدا\s+أقصاه|أقصاه|اقصاه|deadline\s+of)\s*(?:{_APPROX}\s*)?(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        "until",
        rx(
            rf"(?:\buntil(?:\s+the\s+end\s+of)?|حتى\s+(?:نهاي[ةه]|متم|أواخر|اواخر|آخر)"
            rf"(?:\s+شهر)?|حتى\s+شهر|\btill|\bthrough|\bthru|حتى|لغاية|إلى\s+غاية|الى\s+غاية|"
            rf"إلى\s+حين|الى\s+حين|into)\s*(?:{_APPROX}\s*)?(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        "since",
        rx(
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
_DIGITS_AT_ENDS = rx(r"^[0-9٠-٩]+|[0-9٠-٩]+$")


def _is_month_word(w: str) -> bool:
    """A word token that is (or carries) a month name: 15سبتمبر, وأيلول, sept, اب."""
    w = _DIGITS_AT_ENDS.sub("", w).translate(_FOLD)
    return w in _MONTH_WORD_SET or (w[:1] in "وبلف" and w[1:] in _MONTH_WORD_SET)


# a month match reaches ~30 characters before the month word and ~45 after it
# ("15 كانون الثاني/يناير من عام 2025"): the window is measured from the first word
_MONTH_WORDS = WordHints(_is_month_word, 30, 55)
_YEAR_HINT = rx(r"(?<![0-9٠-٩])(?:19|20|١٩|٢٠)[0-9٠-٩]{2}(?![0-9٠-٩])")
_PERIOD_HINT = rx(r"year|month|عام|سن[ةه]|سنه|شهر")
# a year-anchored match starts up to ~70 characters before the year and ends with it
_YEAR_WORDS = WordHints(_YEAR_HINT.search, 70, 2)
_PERIOD_WORDS = WordHints(_PERIOD_HINT.search, 45, 35)
# a numeric date reaches a few characters on either side of its year (2025-09-15, 15/9/2025)
_NUMDATE_WORDS = WordHints(_YEAR_HINT.search, 8, 8)
_REL_WORD_SET = {
    w.translate(_FOLD)
    for w in (
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "أمس",
        "الأمس",
        "اليوم",
        "غدا",
        "الأسبوع",
        "يوم",
        "مساء",
        "صباح",
        "ليلة",
        "فجر",
        *_WEEKDAYS,
        *("spring", "summer", "autumn", "fall", "winter", "صيف", "ربيع", "خريف", "شتاء"),
        *_UNITS_AR,
        *_UNITS_AR_ONE,
    )
}


def _is_rel_word(w: str) -> bool:
    """A word a relative day, weekday or duration is anchored on (وأمس, الأسبوع, months)."""
    w = w.translate(_FOLD)
    if w in _REL_WORD_SET or (w[:1] in "وبلف" and w[1:] in _REL_WORD_SET):
        return True
    return w.startswith("ال") and w[2:] in _REL_WORD_SET  # الأشهر (الستة المقبلة)


_REL_WORDS = WordHints(_is_rel_word, 45, 45)
# Words (lowercased) without which a pattern cannot match a window: a substring test is
# far cheaper than trying the pattern at every position.  The year-anchored patterns with a
# month name run when their window has a month word (or diacritics, which the month patterns
# tolerate but the month-word hints do not see).
_MONTH_GUARD: tuple[str, ...] = ()
_DIACRITIC = rx(r"[\u064b-\u0652\u0670\u0640]")
_GUARDS: dict[str, tuple[str, ...]] = {
    "dmy": _MONTH_GUARD,
    "mdy": _MONTH_GUARD,
    "my": _MONTH_GUARD,
    "q": ("quarter", "q1", "q2", "q3", "q4", "الربع"),
    "h": ("half", "h1", "h2", "النصف"),
    "mid": ("mid", "middle", "منتصف", "أواسط", "اواسط"),
    "early": ("early", "beginning", "start", "بداية", "بدايه", "أوائل", "اوائل", "مطلع"),
    "late": ("late", "أواخر", "اواخر"),
    "end": ("end", "نهاية", "نهايه", "أواخر", "آخر", "اخر"),
    "end_rel": ("end", "close", "نهاية", "نهايه", "آخر", "اخر"),
    "part_rel": (
        "quarter",
        "half",
        "mid",
        "middle",
        "early",
        "beginning",
        "start",
        "late",
        "الربع",
        "النصف",
        "منتصف",
        "أواسط",
        "اواسط",
        "بداية",
        "بدايه",
        "أوائل",
        "اوائل",
        "مطلع",
        "أواخر",
        "اواخر",
    ),
    "month_rel": ("month", "الشهر"),
    # a day of the month is digits
    "md": tuple("0123456789٠١٢٣٤٥٦٧٨٩"),
    # every English duration names its unit; the Arabic ones their cue word
    "within": ("month", "year", "week", "day", "خلال", "غضون", "مدة", "فترة"),
    "ago": ("ago", "قبل", "منذ"),
    "rel_day": (
        "terday",
        "today",
        "ght",
        "tomorrow",
        "wee",
        "أمس",
        "امس",
        "اليوم",
        "غدا",
        "الأسبوع",
        "الاسبوع",
    ),
    # the weekday pattern is case-sensitive: its names are a plain substring test
    "wday": tuple(w.lower() for w in _WEEKDAYS),
    "season": ("spring", "summer", "autumn", "fall", "winter", "ربيع", "صيف", "خريف", "شتاء"),
    "season_rel": ("spring", "summer", "autumn", "fall", "winter", "ربيع", "صيف", "خريف", "شتاء"),
    # the relative-month and relative-year patterns need one of their relative words.  Under
    # re.I only "ı" (i) and "ſ" (s) match a letter their lowercase lacks, so the English
    # guards avoid i and s: "com" (coming), "la" (last), "pa" (past), "th" (this) …
    "m_next": ("المقبل", "القادم", "الجاي", "جاي", "next", "com"),
    "m_this": ("th", "الجاري", "الحالي"),
    "m_last": ("الماضي", "الفائت", "المنصرم", "الفايت", "فات", "la", "pa"),
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
        "الجاي",
        "جاي",
        "الفايت",
        "فات",
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
    "m_bare": "month",
    "m_this": "month",
    "q": "year",
    "h": "year",
    "mid": "year",
    "early": "year",
    "late": "year",
    "end": "year",
    "end_rel": "period",
    "part_rel": "period",
    "year_rel": "period",
    "month_rel": "period",
    "num": "numdate",
    "season": "year",
    "season_rel": "rel",
    "rel_day": "rel",
    "wday": "rel",
    "within": "rel",
    "ago": "rel",
    "y": "year",
}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in text."""

    start: int
    end: int
    date: FuzzyDate
    #: by | until | since | at; report: the day something was said ("said on Tuesday");
    #: now: the publication day itself ("today", اليوم), never a deadline
    role: str
    relative: bool = False


def _grp(m: re.Match, prefix: str) -> str | None:
    """The first set group whose name starts with ``prefix`` (alternatives have their own)."""
    for name, value in m.groupdict().items():
        if value is not None and (name == prefix or name.startswith(prefix + "_")):
            return value
    return None


def _year(s: str) -> int:
    return int(s.translate(_AR_DIG))


_QUARTER_WORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "الأول": 1,
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الأخير": 4,
    "الاخير": 4,
}


def _quarter_num(m: re.Match) -> int:
    for g in ("qn", "qa"):
        if m.group(g):
            return _QUARTER_WORD[m.group(g).lower()]
    return int(m.group("qd"))


_FOLLOWING_RX = re.compile(_FOLLOWING, re.I)
_NEXT_RX = re.compile(_NEXT, re.I)
_LAST_RX = re.compile(_LAST, re.I)


def _rel_word(w: str | None) -> str:
    if not w:
        return "this"
    w = w.lower()
    if _FOLLOWING_RX.fullmatch(w):
        return "following"
    if _NEXT_RX.fullmatch(w):
        return "next"
    if _LAST_RX.fullmatch(w):
        return "last"
    return "this"


def _unstated_year(m: re.Match, mon: int, ref: dt.date, *, deadline: bool | None = None) -> int:
    """The year of a month or day named without one ("by June", "on 26 December"):
    a deadline or a future verb looks ahead, anything else is news of what happened."""
    if deadline is None:
        cue = _BARE_MONTH_CUE.search(m.string, max(0, m.start() - 40), m.start())
        deadline = bool(cue and cue.group("dl"))
    if (
        deadline
        or _FUTURE_BEFORE.search(m.string, max(0, m.start() - 80), m.start())
        or _AR_FUTURE_WORD.search(m.string, max(0, m.start() - 60), m.start())
    ):
        return ref.year if mon >= ref.month else ref.year + 1  # "by March", "will arrive in May"
    # "withdrew in December", "غادرت يوم 26 ديسمبر": the last such month
    return ref.year if mon <= ref.month else ref.year - 1


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
            year = _unstated_year(m, mon, ref)
        day = g.get("day")
        return FuzzyDate.of(year, mon, int(day.translate(_AR_DIG)) if day else None), True
    if kind == "m_bare":
        if ref is None:
            return None
        cue = _BARE_MONTH_CUE.search(m.string, max(0, m.start() - 40), m.start())
        if cue is None:
            return None
        mon = month_number(g["mon"])
        if mon is None:
            return None
        return FuzzyDate.of(_unstated_year(m, mon, ref, deadline=bool(cue.group("dl"))), mon), True
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
        year = base.year + {"next": 1, "following": 1, "last": -1}.get(rel, 0)
        return FuzzyDate.of(year), True
    if kind == "part_rel":
        rel = _rel_word(g.get("pr_en") or g.get("pr_ar"))
        base = anchor if rel == "following" and anchor else ref
        if base is None:
            return None
        year = base.year + {"next": 1, "following": 1, "last": -1}.get(rel, 0)
        q = (g.get("pq_en") or g.get("pq_ar") or "").lower()
        h = (g.get("ph_en") or g.get("ph_ar") or "").lower()
        if q:
            return FuzzyDate.quarter(year, _QUARTER_WORD[q]), True
        if h:
            return FuzzyDate.half(year, 1 if h in ("first", "الأول", "الاول") else 2), True
        if g.get("pm_en") or g.get("pm_ar"):
            return FuzzyDate.half(year, 1, approximate=True), True
        if g.get("pe_en") or g.get("pe_ar"):
            return FuzzyDate.quarter(year, 1, approximate=True), True
        return FuzzyDate.of(year, approximate=True), True  # late …
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
    if kind == "num":
        return _numeric_date(g), False
    if kind == "season":
        w = (g.get("se_en") or g.get("se_ar") or "").lower().translate(_FOLD)
        # a season is about a quarter: summer ≈ Q3 … winter ≈ Q1 (approximate, never a day)
        q = _SEASON_QUARTER[w]
        return FuzzyDate.quarter(_year(g["year"]), q, approximate=True), False
    if ref is None:
        return None  # the rest are relative to the publication date
    if kind == "season_rel":
        return _relative_season(m, g, ref)
    if kind == "rel_day":
        return _relative_day(g, ref), True
    if kind == "wday":
        return _weekday(m, g, ref), True
    if kind in ("within", "ago"):
        d = _duration(kind, g, ref)
        # "two years ago" names a past date like "in 2023" does: it may date a level or an
        # event and anchor "the following year"; "within" is a deadline from publication
        return (d, kind == "within") if d is not None else None
    return None


# a bare "summer" / "الصيف" is a date only after a preposition of time ("by the summer",
# "قبل حلول الصيف"); "a hot summer", "numbers fall to" are not
_SEASON_CUE_BEFORE = rx(
    r"(?:\b(?:by|before|until|till|in|during|over|through|ahead\s+of|after|since|from|"
    r"(?:end|middle|start|beginning)\s+of)\s+|"
    r"(?<!\S)[وف]?(?:بحلول|قبل|حتى|خلال|في|حلول|مطلع|بداي[ةه]|نهاي[ةه]|أواخر|اواخر|منتصف|"
    r"بعد|منذ|مع)\s+(?:حلول\s+)?)$",
    re.I,
)


def _relative_season(m: re.Match, g: dict, ref: dt.date) -> tuple[FuzzyDate, bool] | None:
    """ "by the summer", "next spring", "الصيف المقبل": the season's quarter (approximate),
    the coming one unless "last"/"الماضي" says the past one."""
    mod = (g.get("sr_mod") or g.get("sr_armod") or "").lower().split()[-1:]
    mod = mod[0] if mod else ""
    if not mod and not _SEASON_CUE_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return None
    word = (g.get("sr_en") or (g.get("sr_ar") or "")[2:]).lower().translate(_FOLD)
    q = _SEASON_QUARTER.get(word)
    if q is None:
        return None
    cur = (ref.month - 1) // 3 + 1
    if mod in ("last", "past", "الماضي", "الفائت", "المنصرم"):
        year = ref.year if q < cur else ref.year - 1
    elif mod in ("this", "الجاري", "الحالي", "هذا"):
        year = ref.year
    elif mod in ("next", "coming", "المقبل", "القادم"):
        year = ref.year if q > cur else ref.year + 1
    else:  # "by the summer": the one under way or coming
        year = ref.year if q >= cur else ref.year + 1
    return FuzzyDate.quarter(year, q, approximate=True), True


_SEASON_QUARTER = {
    w.translate(_FOLD): q
    for w, q in (
        ("spring", 2),
        ("summer", 3),
        ("autumn", 4),
        ("fall", 4),
        ("winter", 1),
        ("ربيع", 2),
        ("صيف", 3),
        ("خريف", 4),
        ("شتاء", 1),
    )
}


def _numeric_date(g: dict[str, str | None]) -> FuzzyDate:
    """2025-09-15, or day/month/year; month/day only when the first part cannot be a month.

    Arabic and most non-US outlets write the day first, so "5/9/2025" is 5 September.
    """
    if g.get("iso_y"):
        return FuzzyDate.of(*(int(g[k].translate(_AR_DIG)) for k in ("iso_y", "iso_m", "iso_d")))  # type: ignore[union-attr]
    a, b = int(g["n_a"].translate(_AR_DIG)), int(g["n_b"].translate(_AR_DIG))  # type: ignore[union-attr]
    y = _year(g["n_y"])  # type: ignore[arg-type]
    if b > 12 >= a:
        a, b = b, a
    return FuzzyDate.of(y, b, a)


_SPEECH_BEFORE = rx(
    r"(?:\b(?:said|says|told|announced|stated|reported|confirmed|added|warned|wrote)"
    r"|(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|كشف|كشفت|أكد|أكدت|اكد|اكدت|أفاد|أفادت|افاد|افادت|"
    r"ذكر|ذكرت|صرح|صرّح|أوضح|أوضحت|نقلت|أضاف|أضافت))\s*(?:on\s+|،\s*|,\s*)?"
    r"(?:(?:يوم|مساء|صباح)\s+)?$",
    re.I,
)
_REPORT_AFTER = rx(r"^\s*[،,]?\s*(?:عن|أن|ان|إن|that)(?![\w])")


def _reporting(text: str, s: int, e: int) -> bool:
    """Whether a day word dates the report itself: "said on Tuesday", "كشف مصدر، اليوم
    الثلاثاء، عن …", "، الأربعاء،" set off by commas (the Arabic news style)."""
    if _SPEECH_BEFORE.search(text, max(0, s - 40), s):
        return True
    before = text[max(0, s - 3) : s].rstrip()
    after = text[e : e + 12]
    if before.endswith(("،", ",")) and after.lstrip().startswith(("،", ",")):
        return True
    return bool(_REPORT_AFTER.match(after))


def _relative_day(g: dict[str, str | None], ref: dt.date) -> FuzzyDate:
    word = (g.get("rd_en") or g.get("rd_ar") or "").lower()
    week = (g.get("rw_en") or g.get("rw_ar") or "").lower()
    if week:
        # a week is no date precision: about the day a week away, marked approximate
        days = {"next": 7, "last": -7}.get(_rel_word(week), 0)  # past → last, coming → next
        return FuzzyDate(ref + dt.timedelta(days=days), "day", True)
    w = word.translate(_FOLD)
    if "before" in w or "اول" in w:
        days = -2
    elif w in ("yesterday", "امس", "الامس"):
        days = -1
    elif w in ("tomorrow", "غدا", "غداً"):
        days = 1
    else:
        days = 0
    return FuzzyDate(ref + dt.timedelta(days=days), "day", False)


# a future-tense cue before a weekday: "will leave on Friday", "سوف تغادر يوم الجمعة"
#: an Arabic future verb (ستنسحب، سيغادر، سنبقى) or "it is expected that"
_AR_FUTURE_WORD = rx(r"(?<!\S)[وف]?س[تين][\u0621-\u064a]{2,}|من\s+المرتقب|من\s+المقرر|من\s+المتوقع")
_FUTURE_BEFORE = rx(
    r"(?:\b(?:will|shall|is\s+due|are\s+due|is\s+expected|are\s+expected|is\s+scheduled|"
    r"are\s+scheduled|plans?\s+to|planning\s+to)\b|سوف|من\s+المقرر|من\s+المتوقع)"
    r"(?:(?![.!?؟]).)*$",
    re.I | re.S,
)


def _weekday(m: re.Match, g: dict[str, str | None], ref: dt.date) -> FuzzyDate:
    """The named weekday nearest the publication date: the last one on or before it (news
    reports the past), the next one after it for "next …", "by …" or "until …"."""
    name = (g.get("wd_en") or g.get("wd_ar") or g.get("wd_arc") or "").lower()
    wd = _WEEKDAYS[name]
    rel = (g.get("wr_en") or g.get("wr_ar") or "").lower()
    before = m.string[max(0, m.start() - 30) : m.start()]
    future = rel in ("next", "المقبل", "القادم") or any(
        pat.search(before) for name_, pat in _ROLE_BEFORE if name_ in ("by", "until")
    )
    if future:
        days = (wd - ref.weekday()) % 7 or 7
    elif _FUTURE_BEFORE.search(m.string, max(0, m.start() - 80), m.start()):
        days = (wd - ref.weekday()) % 7  # "will leave on Friday": this Friday, or today
    else:
        days = -((ref.weekday() - wd) % 7)
        if rel in ("last", "الماضي") and days == 0:
            days = -7
    return FuzzyDate(ref + dt.timedelta(days=days), "day", False)


def _num_value(w: str | None) -> int | None:
    if not w:
        return None
    w = w.lower().translate(_AR_DIG)
    if w.isdigit():
        return int(w)
    return _NUM_VALUES.get(_DIACRITIC.sub("", w).translate(_FOLD))


_NUM_VALUES = {k.translate(_FOLD): v for k, v in (*_NUM_EN_WORDS.items(), *_NUM_AR_WORDS.items())}
_UNIT_VALUES = {k.translate(_FOLD): v for k, v in _UNITS_AR.items()}
_UNIT_ONE_VALUES = {k.translate(_FOLD): v for k, v in _UNITS_AR_ONE.items()}


def _duration(kind: str, g: dict[str, str | None], ref: dt.date) -> FuzzyDate | None:
    """``ref`` plus ("within") or minus ("ago") a number of days, weeks, months or years.

    The result is approximate: a day for days and weeks, a month for months and years.
    """
    n: int | None = None
    unit: str | None = None
    for ng, ug in (("dn_en", "du_en"), ("dt_en", "dtu_en"), ("an_en", "au_en")):
        if g.get(ug):
            unit = g[ug].lower().rstrip("s")  # type: ignore[union-attr]
            n = (
                _num_value(g.get(ng))
                if g.get(ng)
                else (1 if not g[ug].lower().endswith("s") else None)  # type: ignore[union-attr]
            )
            break
    else:
        for ng, ug in (("dn_ar", "du_ar"), ("dpn_ar", "dp_ar"), ("an_ar", "au_ar")):
            if g.get(ug):
                unit = _UNIT_VALUES.get(_DIACRITIC.sub("", g[ug]).translate(_FOLD))
                n = _num_value(g.get(ng))
                break
        else:
            one = g.get("dd_ar") or g.get("ad_ar")
            if one:
                unit, n = _UNIT_ONE_VALUES.get(
                    _DIACRITIC.sub("", one).translate(_FOLD), (None, None)
                )
    if not n or not unit or n > 120:
        return None
    sign = -1 if kind == "ago" else 1
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return FuzzyDate(ref + dt.timedelta(days=sign * days), "day", True)
    months = n * (12 if unit == "year" else 1)
    total = ref.year * 12 + ref.month - 1 + sign * months
    return FuzzyDate.of(total // 12, total % 12 + 1, approximate=True)


_Cand = tuple[int, int, str, re.Match]


_GUARD_INDEX: dict[int, tuple[dict, Any, dict[str, int], int]] = {}


def _guard_index(guards: dict[str, tuple[str, ...]]) -> tuple[Any, dict[str, int], int]:
    """An Aho-Corasick automaton over every guard word (its value: the bits of the patterns
    whose guard has the word), each guarded pattern's bit, and the bits always set (a guard
    with an empty word).  One pass per window then tells every guard at once; a search per
    guard and window cost as much as the date patterns themselves."""
    hit = _GUARD_INDEX.get(id(guards))
    if hit is not None and hit[0] is guards:
        return hit[1], hit[2], hit[3]
    bits = {k: 1 << i for i, k in enumerate(guards)}
    masks: dict[str, int] = {}
    always = 0
    for k, words in guards.items():
        for w in words:
            if w:
                masks[w] = masks.get(w, 0) | bits[k]
            else:
                always |= bits[k]
    ac = None
    if masks:
        ac = ahocorasick.Automaton()
        for w, m in masks.items():
            ac.add_word(w, m)
        ac.make_automaton()
    _GUARD_INDEX.clear()  # one live guard table (tests swap it for an empty one)
    _GUARD_INDEX[id(guards)] = (guards, ac, bits, always)
    return ac, bits, always


def _guard_mask(ac: Any, seg: str, always: int) -> int:
    """The bits of every guard with a word in ``seg`` (a substring test, like ``in``)."""
    mask = always
    if ac is not None:
        for _, m in ac.iter(seg):
            mask |= m
    return mask


_HINTS = {
    "year": _YEAR_WORDS,
    "month": _MONTH_WORDS,
    "period": _PERIOD_WORDS,
    "numdate": _NUMDATE_WORDS,
    "rel": _REL_WORDS,
}


def _any_between(starts: list[int], a: int, b: int) -> bool:
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def date_candidates(
    text: str, spans: Sequence[tuple[int, int]], words: Words | None = None
) -> list[list[_Cand]]:
    """The raw pattern matches in each of ``spans`` (sentences in text order), found in one
    pass per pattern over all of their windows; :func:`resolve_dates` turns them into dates.

    Every pattern is anchored on a year, a month name or a period word: the patterns run
    only in windows around those (they are few), not over whole sentences (the patterns are
    the main cost of extraction), and one loop per pattern over every sentence's windows
    is cheaper than one per sentence and pattern.
    """
    if spans and (words is None or not words.covers(text, spans[0][0], spans[-1][1])):
        words = Words(text, spans[0][0], spans[-1][1])
    wins = {k: h.windows_of_spans(text, spans, words) for k, h in _HINTS.items()}
    # where the month words are: a year window runs the month patterns only if it has one
    month_starts = words.hits(_MONTH_WORDS)[0] if words is not None else []
    live = [
        bool(y or m or p or r)
        for y, m, p, r in zip(wins["year"], wins["month"], wins["period"], wins["rel"], strict=True)
    ]
    flat = {
        k: [(a, b, i) for i, ws in enumerate(w) if live[i] for a, b in ws] for k, w in wins.items()
    }
    out: list[list[_Cand]] = [[] for _ in spans]
    seen: set[tuple[int, int, str]] = set()
    lowered: dict[tuple[int, int], tuple[str, int]] = {}
    guards = _GUARDS
    ac, bits, always = _guard_index(guards)
    for kind, pat in PATTERNS:
        guard = guards.get(kind)
        bit = bits.get(kind, 0)
        for a, b, i in flat[_NEEDS[kind]]:
            if guard is not None:
                low = lowered.get((a, b))
                if low is None:
                    seg = text[a:b].lower()
                    low = lowered[(a, b)] = (seg, _guard_mask(ac, seg, always))
                if not low[1] & bit and not (
                    guard is _MONTH_GUARD
                    and (_any_between(month_starts, a, b) or _DIACRITIC.search(low[0]))
                ):
                    continue
            for m in pat.finditer(text, a, b):
                key = (m.start(), m.end(), kind)
                if key not in seen:
                    seen.add(key)
                    out[i].append((m.start(), m.end(), kind, m))
    return out


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
    cands = date_candidates(text, [(start, end)], words)[0]
    return resolve_dates(text, cands, published=published, anchor=anchor)


def resolve_dates(
    text: str,
    cands: list[_Cand],
    *,
    published: dt.date | None = None,
    anchor: dt.date | None = None,
) -> list[DateMatch]:
    """The dates of one span's :func:`date_candidates`: overlaps dropped (the longest
    match wins), relative ones resolved against ``published`` and ``anchor``, roles set."""
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
        if kind in ("rel_day", "wday") and role == "at" and _reporting(text, s, e):
            role = "report"  # "said on Tuesday", "، الثلاثاء،": when it was said, not done
        elif kind == "rel_day" and role == "at" and fd.value == published:
            role = "now"  # "US forces today number …", "وينتشر اليوم": the present, no deadline
        if kind == "within" and role == "at":
            role = "by"  # "within six months" is a deadline
        if not fd.approximate and (
            _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(text[e : e + 20])
        ):
            fd = FuzzyDate(fd.value, fd.precision, True)
        out.append(DateMatch(s, e, fd, role, rel))
        if not rel:
            anchor = fd.value
    return out
