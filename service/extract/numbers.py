"""Quantities of troops in Arabic and English text.

Finds number expressions — digits (2500, 2,500, ٢٥٠٠, 2.5 thousand), number words (ثلاثة،
خمسمئة، ألفي، three thousand), vague amounts (مئات، عشرات، "a few hundred", "dozens") — with
their qualifiers (about/نحو → approximate; fewer than/أقل من → upper bound; more than/أكثر من
→ lower bound; "4,000 to 5,000"/بين 4 و5 آلاف → range) and returns them as
:class:`~service.domain.Quantity` with character spans.  Whether a number is a force level is
decided later (:mod:`service.extract.claims`), from the noun that follows and the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import Quantity
from .fastre import rx
from .text import WordHints, Words

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# ----------------------------------------------------------------------------- word lists
AR_UNITS = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاثة": 3,
    "ثلاث": 3,
    "أربعة": 4,
    "اربعة": 4,
    "أربع": 4,
    "اربع": 4,
    "خمسة": 5,
    "خمس": 5,
    "ستة": 6,
    "ست": 6,
    "سبعة": 7,
    "سبع": 7,
    "ثمانية": 8,
    "ثماني": 8,
    "ثمان": 8,
    "تسعة": 9,
    "تسع": 9,
    "عشرة": 10,
    "عشر": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "أربعون": 40,
    "أربعين": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
AR_HUNDREDS = {
    "مئة": 100,
    "مائة": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
    "مئتي": 200,
    "مائتي": 200,
}
for _w, _v in (
    ("ثلاث", 3),
    ("أربع", 4),
    ("اربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("تسع", 9),
):
    AR_HUNDREDS[_w + "مئة"] = _v * 100
    AR_HUNDREDS[_w + "مائة"] = _v * 100
# dialect (Levantine, Iraqi, Gulf, Egyptian): ث written ت, مية for مئة ("خمسمية", "تلتمية",
# "ميتين"), تلاف for آلاف after a unit ("تلات تلاف")
AR_UNITS.update({"تلاتة": 3, "تلاته": 3, "تلات": 3, "تمانية": 8, "تمانيه": 8, "تمان": 8, "تمن": 8})
AR_HUNDREDS.update({"مية": 100, "ميه": 100, "مْية": 100, "ميتين": 200, "ميتان": 200})
for _w, _v in (
    ("تلت", 3),
    ("تلات", 3),
    ("ثلاث", 3),
    ("أربع", 4),
    ("اربع", 4),
    ("ربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("تمن", 8),
    ("تمان", 8),
    ("ثمان", 8),
    ("تسع", 9),
):
    AR_HUNDREDS[_w + "مية"] = _v * 100
    AR_HUNDREDS[_w + "ميه"] = _v * 100
AR_THOUSAND = {
    "ألف": 1000,
    "الف": 1000,
    "آلاف": 1000,
    "الاف": 1000,
    "ألفا": 1000,
    "ألفاً": 1000,
    "ألفًا": 1000,
    "تلاف": 1000,
}
AR_TWO_THOUSAND = {"ألفان": 2000, "ألفين": 2000, "ألفي": 2000, "الفي": 2000, "الفين": 2000}
AR_MILLION = {"مليون": 1_000_000, "ملايين": 1_000_000}

EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "k": 1000}

# Vague amounts: (regex, count_min, count_max)
VAGUE = [
    (r"a\s+few\s+hundred|بضع(?:ة)?\s+مئات|بضع(?:ة)?\s+مئات\s+من", 200, 500),
    (r"several\s+hundred|عدة\s+مئات", 200, 900),
    (r"hundreds|مئات|المئات", 200, 999),
    (r"a\s+few\s+thousand|بضع(?:ة)?\s+آلاف|بضعة\s+الاف", 2000, 5000),
    (r"several\s+thousand|عدة\s+آلاف|عدة\s+الاف", 2000, 9000),
    (r"thousands|آلاف|الاف|الآلاف", 2000, 9999),
    (r"dozens|عشرات|العشرات", 24, 99),
    (r"a\s+few\s+dozen|بضع(?:ة)?\s+عشرات", 24, 60),
    (r"a\s+handful|حفنة", 2, 9),
]

# ----------------------------------------------------------------------------- patterns
_NUM_DIGITS = r"[0-9٠-٩۰-۹]{1,3}(?:[,٬.'’ ][0-9٠-٩۰-۹]{3})+|[0-9٠-٩۰-۹]+(?:[.,٫][0-9٠-٩۰-۹]+)?"
_AR_WORD = "|".join(
    sorted(
        map(re.escape, [*AR_UNITS, *AR_HUNDREDS, *AR_THOUSAND, *AR_TWO_THOUSAND, *AR_MILLION]),
        key=len,
        reverse=True,
    )
)
_EN_WORD = "|".join(sorted([*EN_UNITS, *EN_SCALES, "and"], key=len, reverse=True))
_SCALE_AFTER = r"(?:\s*(?:thousand|million|k\b|ألف|الف|آلاف|الاف|ألفا|مليون|ملايين))?"
# clitics that may stick to an Arabic number word: و ب ل
_AR_CL = r"(?:و|ب|ل|وب|ول)?"

# (the digits' lookahead is only a fast test: their look-behinds cost more, at every letter)
# compiled once (a module-level re.search(str) pays re's cache lookup on every call)
_SCALE_END = re.compile(r"(thousand|million|k|ألف|الف|آلاف|الاف|ألفا|مليون|ملايين)\s*$", re.I)
_GROUPED = re.compile(r"[0-9]{1,3}(?:[,٬.'’ ][0-9]{3})+")
_NON_DIGIT = re.compile(r"[^0-9]")
_YEAR_DIGITS = re.compile(r"(?:19|20)[0-9]{2}")
_VAGUE_RX = [(re.compile(p, re.I), lo, hi) for p, lo, hi in VAGUE]
_NUMBER = rx(
    rf"(?P<digits>(?=[0-9٠-٩۰-۹])(?:(?<![\w.,])|(?<=(?<!\w)[وبل])|(?<=(?<!\w)[وبل]ـ)|(?<=(?<!\w)وبـ))(?:{_NUM_DIGITS}){_SCALE_AFTER})(?![\w])"
    rf"|(?P<arw>(?<![\w]){_AR_CL}(?:{_AR_WORD})(?:\s+و?(?:{_AR_WORD}))*(?![\w]))"
    rf"|(?P<enw>(?<![\w])(?:{'|'.join(k for k in EN_UNITS if k not in ('a', 'an'))}|"
    rf"(?:a|an|one)\s+(?:hundred|thousand|dozen))(?:[\s-]+(?:{_EN_WORD}))*(?![\w]))",
    re.I,
)
_VAGUE_RE = rx(
    r"(?<![\w])(?:و|ب|ل|وب)?(?P<v>" + "|".join(f"(?:{p})" for p, _, _ in VAGUE) + r")(?![\w])", re.I
)

_APPROX_BEFORE = rx(
    r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|an\s+estimated|"
    r"estimated|close\s+to|circa|(?<![\w])ca?\.|just\s+under|just\s+over|"
    r"نحو|حوالي|حوالى|قرابة|زهاء|تقريبا|تقريباً|ما\s+يقرب\s+من|ما\s+يقارب|يقارب|قرابه|"
    r"بنحو|بحوالي|بقرابة|لنحو|ونحو|وحوالي|ما\s+يناهز|يناهز|"
    # "في حدود 2000 عسكري" (in the region of), dialect "شي 500" (some)
    r"(?:[وف]?في\s+)?حدود|بحدود|(?<![\w])شي)\s*$",
    re.I,
)
_UPPER_BEFORE = rx(
    r"(?:fewer\s+than|less\s+than|under|below|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|"
    r"أقل\s+من|اقل\s+من|ما\s+يصل\s+إلى|ما\s+يصل\s+الى|لا\s+يزيد\s+عن|لا\s+يتجاوز|"
    r"لا\s+تتجاوز|حتى|دون)\s*$",
    re.I,
)
_LOWER_BEFORE = rx(
    r"(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|"
    r"أكثر\s+من|اكثر\s+من|ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|ما\s+يزيد\s+على|ما\s+يزيد\s+عن|"
    r"يزيد\s+على|يزيد\s+عن|يتجاوز|تتجاوز|أزيد\s+من)\s*$",
    re.I,
)
_APPROX_AFTER = rx(r"^\s*(?:or\s+so|تقريبا|تقريباً|تقريبًا)(?![\w])", re.I)
_RANGE_JOIN = rx(r"^\s*(?:to|-|–|—|or|and|إلى|الى|و|أو|او)\s*$", re.I)
_BETWEEN = rx(r"(?:between|from|بين|ما\s+بين|من)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression: its value(s), qualifier and span in the text."""

    start: int
    end: int
    quantity: Quantity
    #: the bare number as written looks like a year (1900–2100, four digits, no separator)
    year_like: bool = False


def _digits_value(s: str) -> int | None:
    s = s.translate(_DIGITS).strip()
    scale = 1
    m = _SCALE_END.search(s)
    if m:
        word = m.group(1).lower()
        scale = 1_000_000 if word in ("million", "مليون", "ملايين") else 1000
        s = s[: m.start()].strip()
    if _GROUPED.fullmatch(s):
        return int(_NON_DIGIT.sub("", s)) * scale
    s = s.replace("٫", ".").replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    return round(v * scale)


def _strip_ar_clitic(w: str) -> str:
    for p in ("وب", "ول", "و", "ب", "ل"):
        if w.startswith(p) and w[len(p) :] in _AR_ALL:
            return w[len(p) :]
    return w


_AR_ALL = {**AR_UNITS, **AR_HUNDREDS, **AR_THOUSAND, **AR_TWO_THOUSAND, **AR_MILLION}


def _arabic_words_value(s: str) -> int | None:
    """ثلاثة آلاف وخمسمئة → 3500; ألفي → 2000; خمسة مئة → 500."""
    words = [_strip_ar_clitic(w) for w in s.split()]
    total = 0
    current = 0
    for w in words:
        if w in AR_UNITS:
            current += AR_UNITS[w]
        elif w in AR_HUNDREDS:
            v = AR_HUNDREDS[w]
            if v == 100 and current:
                current = current * 100
            else:
                current += v
        elif w in AR_TWO_THOUSAND:
            total += 2000
            current = 0
        elif w in AR_THOUSAND:
            total += (current or 1) * 1000
            current = 0
        elif w in AR_MILLION:
            total += (current or 1) * 1_000_000
            current = 0
        else:
            return None
    return total + current or None


def _english_words_value(s: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    total = 0
    current = 0
    for w in words:
        if w in EN_UNITS:
            current += EN_UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "k"):
            total += (current or 1) * 1000
            current = 0
        elif w == "million":
            total += (current or 1) * 1_000_000
            current = 0
        else:
            return None
    return total + current or None


_VAGUE_WORDS = {
    "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "handful",
    "مئات", "المئات", "آلاف", "الاف", "الآلاف", "عشرات", "العشرات", "حفنة", "بضع", "بضعة",
}  # fmt: skip
_NUMBER_WORDS = {
    w.lower() for w in (*_AR_ALL, *EN_UNITS, *EN_SCALES) if w not in ("a", "an")
} | _VAGUE_WORDS
_HAS_DIGIT = rx(r"[0-9٠-٩۰-۹]")


def _is_number_word(w: str) -> bool:
    """A word token that a number expression is made of: digits, a number word (with a
    clitic: وخمسمئة، بالمئات) or a vague amount."""
    if w in _NUMBER_WORDS or _HAS_DIGIT.search(w):
        return True
    return w[:1] in "وبلف" and (
        w[1:] in _NUMBER_WORDS or (w[1:2] in "بل" and w[2:] in _NUMBER_WORDS)
    )


# "a few hundred", "several thousand", "about two thousand five hundred and": a match
# starts at most ~10 characters before its first number word and ends just after its last
_NUMBER_HINTS = WordHints(_is_number_word, 20, 20)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, words: Words | None = None
) -> list[NumberMatch]:
    """Every quantity expression in ``text[start:end]``, in text order.

    Ranges ("4,000 to 5,000", "بين 4 و5 آلاف") are merged into one match.  ``words`` (the
    article's :class:`~service.extract.text.Words`) saves tokenising the span again.
    """
    end = len(text) if end is None else end
    raw: list[tuple[int, int, int | None, tuple[int, int] | None, bool]] = []
    windows = _NUMBER_HINTS.windows(text, start, end, words)
    if not windows:
        return []
    matches = [m for a, b in windows for m in _NUMBER.finditer(text, a, b)]
    vague = [m for a, b in windows for m in _VAGUE_RE.finditer(text, a, b)]
    for m in matches:
        if m.group("digits"):
            tok = m.group("digits")
            v = _digits_value(tok)
            year_like = bool(_YEAR_DIGITS.fullmatch(tok.translate(_DIGITS)))
        elif m.group("arw"):
            v = _arabic_words_value(m.group("arw"))
            year_like = False
        else:
            v = _english_words_value(m.group("enw"))
            year_like = False
        if v is None:
            continue
        raw.append((m.start(), m.end(), v, None, year_like))
    for m in vague:
        phrase = m.group("v").lower()
        for pat, lo, hi in _VAGUE_RX:
            if pat.fullmatch(phrase):
                raw.append((m.start("v"), m.end(), None, (lo, hi), False))
                break
    raw.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    # drop overlaps (a vague word inside a longer number expression, "ثلاثة آلاف")
    items: list[tuple[int, int, int | None, tuple[int, int] | None, bool]] = []
    for it in raw:
        if items and it[0] < items[-1][1]:
            continue
        items.append(it)
    out: list[NumberMatch] = []
    k = 0
    while k < len(items):
        s, e, v, vq, year_like = items[k]
        # range: N (to|-|and) M, possibly "between N and M", with a shared scale word
        if v is not None and k + 1 < len(items) and items[k + 1][2] is not None:
            s2, e2, v2, _, y2 = items[k + 1]
            if _RANGE_JOIN.match(text[e:s2]) and not (year_like and y2):
                lo, hi = v, v2  # type: ignore[assignment]
                if hi >= 1000 and lo < 1000 and hi % 1000 == 0 and lo * 1000 <= hi:
                    lo *= 1000  # "4 to 5 thousand", "بين 4 و5 آلاف"
                if lo < hi:
                    before = text[max(start, s - 12) : s]
                    bm = _BETWEEN.search(before)
                    rs = s - (len(before) - bm.start()) if bm else s
                    joined = text[e:s2].strip().lower()
                    if joined in ("and", "و") and not bm:
                        pass  # "2,500 in Iraq and 900 in Syria" is not a range
                    else:
                        out.append(NumberMatch(rs, e2, Quantity(None, lo, hi, False, "range")))
                        k += 2
                        continue
        if vq is not None:
            out.append(NumberMatch(s, e, Quantity(None, vq[0], vq[1], True, "vague")))
            k += 1
            continue
        before = text[max(start, s - 25) : s]
        after = text[e : min(end, e + 12)]
        qs = s
        if (qm := _UPPER_BEFORE.search(before)) is not None:
            q = Quantity(None, None, v, False, "upper_bound")
            qs = s - (len(before) - qm.start())
        elif (qm := _LOWER_BEFORE.search(before)) is not None:
            q = Quantity(None, v, None, False, "lower_bound")
            qs = s - (len(before) - qm.start())
        elif (qm := _APPROX_BEFORE.search(before)) is not None:
            q = Quantity.about(v)  # type: ignore[arg-type]
            qs = s - (len(before) - qm.start())
        elif _APPROX_AFTER.match(after):
            q = Quantity.about(v)  # type: ignore[arg-type]
        else:
            q = Quantity.exact(v)  # type: ignore[arg-type]
        out.append(NumberMatch(qs, e, q, year_like and q.qualifier == "exact"))
        k += 1
    return out
