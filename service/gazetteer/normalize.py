"""Text normalisation for *matching only*.

The original text is never changed: :func:`normalize_with_offsets` returns the normalised
string together with, for every normalised character, the offset of the original character it
came from, so a match in normalised text maps back to ``text[start:end]``.

What is folded (Arabic): hamza/madda/wasla alef forms → ا, alef maqsura → ي, ta marbuta → ه,
hamza carriers ؤ/ئ → و/ي, diacritics and tatweel removed, Persian/Kurdish letters
(ک گ ی ە ڕ ڵ پ چ ژ ڤ …) → their Arabic counterparts, Eastern Arabic / Persian digits → 0–9.
Clitics (و ف ب ل ك ال لل) are *not* stripped from text, because stripping is ambiguous
(بغداد starts with ب); the index adds clitic variants of each name instead.

What is folded (Latin): case, accents, hyphens and other punctuation (→ word breaks),
apostrophes (removed inside words, "Iraq's" → "iraq s"), the article "al"/"el" (standalone or
hyphenated, and the assimilated forms as-/ad-/ar-/ash-/az-/ez-…).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np

_DELETE = "\x00"

_ARABIC_MAP = {
    # alef forms
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    # yeh / alef maqsura / Persian and Kurdish yeh forms
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ێ": "ي",
    "ئ": "ي",
    "ۍ": "ي",
    "ٸ": "ي",
    # ta marbuta and heh forms
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "ۃ": "ه",
    # waw forms
    "ؤ": "و",
    "ۆ": "و",
    "ۇ": "و",
    "ۋ": "و",
    "ۉ": "و",
    "ٶ": "و",
    # Persian / Kurdish / Maghrebi consonants
    "ک": "ك",
    "گ": "ك",
    "ڭ": "ك",
    "ڪ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ڥ": "ف",
    "ڨ": "ق",
    "ڕ": "ر",
    "ڵ": "ل",
}

_LATIN_EXTRA = {
    "ø": "o",
    "æ": "a",
    "œ": "o",
    "đ": "d",
    "ł": "l",
    "ı": "i",
    "ß": "s",
    "ð": "d",
    "þ": "t",
    "ħ": "h",
}

_APOSTROPHES = "'’ʼʻ`´‘ʿʾ"


@cache
def _table() -> dict[int, str]:
    """Build the one-to-one translation table for the Basic Multilingual Plane.

    Every character maps to exactly one character so offsets survive ``str.translate``;
    characters to drop map to NUL and are removed afterwards with their offsets.
    """
    table: dict[int, str] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            table[cp] = " "
            continue
        if ch in _ARABIC_MAP:
            table[cp] = _ARABIC_MAP[ch]
            continue
        if ch in _APOSTROPHES:
            table[cp] = _DELETE
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Mc", "Cf") or cp == 0x0640:  # marks, format chars, tatweel
            table[cp] = _DELETE
            continue
        if cat == "Nd":
            table[cp] = str(unicodedata.digit(ch))
            continue
        if cat[0] in "PSZC":  # punctuation, symbols, separators, controls
            table[cp] = " "
            continue
        low = ch.lower()
        if low in _LATIN_EXTRA:
            table[cp] = _LATIN_EXTRA[low]
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
        )
        if len(base) == 1:
            if base != ch:
                table[cp] = base
        elif base:
            table[cp] = base[0]
        else:
            table[cp] = _DELETE
    return table


# Latin article forms to drop: "al-Asad", "As-Sulaymaniyah", "Deir ez-Zor", "Al Udeid".
# The patterns start with a literal character class and test the preceding character with a
# two-wide lookbehind, so the regex engine can skip ahead to candidate letters instead of
# trying a lookbehind at every position of a long Arabic text (it was most of the time here).
_LATIN_ARTICLE = re.compile(
    r"[aAeE](?<![^\W\d_].)"
    r"(?:(?:[lL]|[dDnNrRsStTzZ]|[dD][hH]|[sS][hH]|[tT][hH])[-‐‑–](?=[^\W\d_])"
    r"|[lL][ \t\u00a0]+(?=[^\W\d_]))"
)
# Possessive "'s": keep a word break so "Iraq's" still matches "Iraq".
_POSSESSIVE = re.compile(r"['’ʼ](?<=\w.)(?=s\b)")


def _to_codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").copy()


@cache
def _lut() -> np.ndarray:
    """``_table()`` as a code-point lookup array (identity outside the BMP, like ``translate``).

    Indexing an array is ~15x faster than ``str.translate`` with a 65,536-entry dict.
    """
    lut = np.arange(0x110000, dtype="<u4")
    table = _table()
    keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
    vals = np.fromiter((ord(v) for v in table.values()), dtype="<u4", count=len(table))
    lut[keys] = vals
    return lut


def _edit_codes(text: str, codes: np.ndarray) -> None:
    """Apply the context-dependent edits (article prefixes, possessives) in place."""
    for m in _LATIN_ARTICLE.finditer(text):
        codes[m.start() : m.end()] = 0
    for m in _POSSESSIVE.finditer(text):
        codes[m.start()] = 32


def normalize_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """Normalise ``text`` for matching and keep the way back to the original.

    Parameters
    ----------
    text : str
        Any text; hostile or binary-looking content is fine (nothing is evaluated).

    Returns
    -------
    norm : str
        The normalised text, words separated by single spaces, with one space of padding at
        both ends so that every word is delimited by spaces.
    offsets : numpy.ndarray
        ``offsets[i]`` is the index in ``text`` of the character ``norm[i]`` came from
        (``len(text)`` for the trailing pad, 0 for the leading one).
    """
    if not text:
        return " ", np.zeros(1, dtype=np.int64)
    # One code per character of ``text`` (UTF-32 has no surrogate pairs), so offsets survive.
    codes = _lut()[np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")]
    _edit_codes(text, codes)
    keep = np.flatnonzero(codes)
    vals = codes[keep]
    space = vals == 32
    # Drop a space that follows a space (or starts the text): collapse runs.
    prev_space = np.empty_like(space)
    if len(space):
        prev_space[0] = True
        prev_space[1:] = space[:-1]
    drop = space & prev_space
    keep = keep[~drop]
    vals = vals[~drop]
    if len(vals) and vals[-1] == 32:
        vals = vals[:-1]
        keep = keep[:-1]
    if not len(vals):
        return " ", np.zeros(1, dtype=np.int64)
    body = vals.astype("<u4").tobytes().decode("utf-32-le", "replace")
    norm = " " + body + " "
    offsets = np.empty(len(norm), dtype=np.int64)
    offsets[0] = 0
    offsets[1:-1] = keep
    offsets[-1] = len(text)
    return norm, offsets


def normalize(text: str) -> str:
    """Normalise a name or a query: the same folding as the text scan, without padding.

    Examples
    --------
    >>> normalize("Ain al-Asad Air Base")
    'ain asad air base'
    >>> normalize("قاعدة عين الأسد")
    'قاعده عين الاسد'
    """
    if len(text) > 200:
        return normalize_with_offsets(text)[0].strip()
    # Short strings (names, queries): the same edits without building an offset map.
    t = _LATIN_ARTICLE.sub(_nul_match, text)
    t = _POSSESSIVE.sub(" ", t)
    t = t.translate(_table()).replace(_DELETE, "")
    return " ".join(t.split())


def _nul_match(m: re.Match) -> str:
    # Tatweel, which the table deletes like the scan path does; a NUL would become a space
    # ("0AL A" gave "0 a" here but "0a" in the text scan).
    return "\u0640" * (m.end() - m.start())


_COMBINING_TAIL = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


def span_end(text: str, end: int) -> int:
    """Extend an original-text end offset over trailing diacritics and tatweel."""
    m = _COMBINING_TAIL.match(text, end)
    return m.end() if m else end


def strip_clitics(token: str) -> str:
    """Remove leading و/ف, ب/ل/ك and the article from a normalised Arabic token."""
    t = token
    if len(t) > 3 and t[0] in "وف":
        t = t[1:]
    if len(t) > 3 and t.startswith("لل"):
        return t[2:]
    if len(t) > 3 and t[0] in "بلك":
        t = t[1:]
    if len(t) > 3 and t.startswith("ال"):
        t = t[2:]
    return t
