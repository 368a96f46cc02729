"""Helpers to turn word lists into regexes that tolerate Arabic spelling variation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_AR_CLASS = {
    "ا": "[اأإآٱ]",
    "أ": "[اأإآ]",
    "إ": "[اأإ]",
    "آ": "[اآأ]",
    "ي": "[يىئ]",
    "ى": "[يى]",
    "ه": "[هة]",
    "ة": "[هة]",
    "ؤ": "[ؤو]",
    "ئ": "[ئي]",
    "ك": "[كک]",
}
_DIAC = "[\u064b-\u0652\u0670\u0640]*"


def ar_pattern(word: str) -> str:
    """A regex for an Arabic word tolerant of hamza/yeh/ta-marbuta spelling and diacritics."""
    out = []
    for ch in word:
        if ch == " ":
            out.append(r"\s+")
        elif ch in _AR_CLASS:
            out.append(_AR_CLASS[ch] + _DIAC)
        elif "\u0600" <= ch <= "\u06ff":
            out.append(re.escape(ch) + _DIAC)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of words (Arabic ones spelling-tolerant)."""
    pats = []
    for w in sorted(set(words), key=len, reverse=True):
        if re.search(r"[\u0600-\u06ff]", w):
            pats.append(ar_pattern(w))
        else:
            pats.append(re.escape(w).replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(pats) + ")"


AR_PREFIX = r"(?:[وف]?[بلك]?|[وف]?ال|[وف]?[بك]ال|[وف]?لل)?"


@cache
def word_regex(words: tuple[str, ...], *, prefix: bool = True, flags: int = re.I) -> re.Pattern:
    """A compiled regex matching any of ``words`` as whole words (with Arabic clitics)."""
    pre = AR_PREFIX if prefix else ""
    return re.compile(rf"(?<![\w]){pre}{alternation(words)}(?![\w])", flags)
