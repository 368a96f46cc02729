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
_DIAC_CHARS = frozenset(chr(c) for c in (*range(0x064B, 0x0653), 0x0670, 0x0640))
_DIAC = "[\u064b-\u0652\u0670\u0640]*"  # any of _DIAC_CHARS
_SPACE_CHARS = frozenset(" \t\n\r\f\v")


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


def _tokens(word: str) -> tuple[str, ...]:
    """One regex piece per character of ``word`` (the pieces ``ar_pattern`` joins)."""
    if re.search(r"[\u0600-\u06ff]", word):
        return tuple(ar_pattern(ch) for ch in word)
    return tuple(r"\s+" if ch == " " else re.escape(ch) for ch in word)


def _first_chars(token: str) -> frozenset[str] | None:
    """The characters a token can start with (lower-cased), ``None`` if unsure."""
    if token == r"\s+":
        return frozenset({" "})
    if token.startswith("["):
        return frozenset(token[1 : token.index("]")])
    ch = token[1:2] if token.startswith("\\") else token[:1]
    if not ch or (not ch.isascii() and not "\u0600" <= ch <= "\u06ff"):
        return None  # case folding of other scripts has surprises under re.I
    return frozenset({ch.lower()})


def _factor(seqs: list[tuple[str, ...]]) -> str:
    """A prefix-factored alternation of token sequences given longest first.

    Python's ``re`` tries the alternatives of a group one by one, so a flat list of 60
    month names costs 60 tests at every word start.  Sharing prefixes ("سبتمبر|سبت" →
    "سبت(?:مبر|)") tests each first letter once.  The order the engine meets candidate
    words is unchanged: siblings whose first characters overlap stay a flat list in the
    given order, and a word that ends here comes after the longer words sharing its prefix.
    """
    if len(seqs) == 1:
        return "".join(seqs[0])
    ends = any(not s for s in seqs)
    groups: dict[str, list[tuple[str, ...]]] = {}
    for s in seqs:
        if s:
            groups.setdefault(s[0], []).append(s)
    # siblings whose first characters can overlap form one component (kept flat)
    comps: list[list[str]] = []
    sets: list[frozenset[str] | None] = []
    for tok in groups:
        fc = _first_chars(tok)
        hit = [i for i, cs in enumerate(sets) if fc is None or cs is None or (cs & fc)]
        if not hit:
            comps.append([tok])
            sets.append(fc)
            continue
        keep = hit[0]
        for i in reversed(hit[1:]):
            comps[keep].extend(comps.pop(i))
            a, b = sets.pop(i), sets[keep]
            sets[keep] = None if a is None or b is None else a | b
        comps[keep].append(tok)
        sets[keep] = None if fc is None or sets[keep] is None else sets[keep] | fc
    parts = []
    for comp in comps:
        if len(comp) == 1 and _may_backtrack(comp[0], groups[comp[0]]):
            parts.extend("".join(s) for s in groups[comp[0]])
        elif len(comp) == 1:
            tok = comp[0]
            parts.append(tok + _group(_factor([s[1:] for s in groups[tok]])))
        else:
            members = set(comp)
            parts.extend("".join(s) for s in seqs if s and s[0] in members)
    if ends:
        parts.append("")
    return "(?:" + "|".join(parts) + ")"


def _may_backtrack(token: str, seqs: list[tuple[str, ...]]) -> bool:
    """True when factoring ``token`` out of ``seqs`` could change the match.

    A variable-length token (``\\s+``, a letter with its optional diacritics) gives back
    characters when the rest of a *flat* alternative needs them ("S\\s+\\s+S" on "S  S");
    once factored, a later empty alternative succeeds first.  That can happen only when a
    continuation can start with a character the token itself consumes.
    """
    if token == r"\s+":
        own = _SPACE_CHARS
    elif token.endswith(_DIAC):
        own = _DIAC_CHARS
    else:
        return False
    for s in seqs:
        if len(s) > 1:
            fc = _first_chars(s[1])
            if fc is None or fc & own:
                return True
    return False


def _group(pattern: str) -> str:
    if pattern.startswith("(?:") and pattern.endswith(")") and _balanced(pattern[3:-1]):
        return pattern
    return f"(?:{pattern})" if pattern else ""


def _balanced(body: str) -> bool:
    depth = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = body.index("]", i + 1) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def alternation(words: Iterable[str], *, factor: bool = True) -> str:
    """Longest-first alternation of words (Arabic ones spelling-tolerant), with common
    prefixes factored out (the same matches, tested faster; ``factor=False`` for the
    flat list)."""
    seqs = [_tokens(w) for w in sorted(set(words), key=len, reverse=True)]
    if not factor:
        return "(?:" + "|".join("".join(s) for s in seqs) + ")"
    return _group(_factor(seqs))


AR_PREFIX = r"(?:[وف]?[بلك]?|[وف]?ال|[وف]?[بك]ال|[وف]?لل)?"


@cache
def word_regex(words: tuple[str, ...], *, prefix: bool = True, flags: int = re.I) -> re.Pattern:
    """A compiled regex matching any of ``words`` as whole words (with Arabic clitics)."""
    pre = AR_PREFIX if prefix else ""
    return re.compile(rf"(?<![\w]){pre}{alternation(words)}(?![\w])", flags)
