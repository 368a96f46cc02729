"""``re.compile`` with a first-character pre-check.

Python's regex engine tries a pattern at every position of the text.  For the extractor's
patterns (long case-insensitive alternations of cue words, often behind a lookbehind) that
means trying dozens of alternatives at each character, and the engine's own fast scan for a
first character is disabled under ``re.I`` and by leading lookarounds.  :func:`rx` works
out the set of characters a match can start with and puts it in front as a lookahead
(``(?=[…])``): one class test per position instead of every alternative.  A match still
starts where it did and spans what it did; a pattern whose first character cannot be
bounded (``.``, a negated class, a local flag, an empty match) is compiled unchanged.

Where it can, :func:`rx` does better than a lookahead: it compiles the pattern as written
and gives the engine the class as the *first-character set* of its info block, the same
set ``re`` itself computes for a pattern that starts with a plain class.  The search then
skips, in a tight loop, every position whose character is not in the set, and runs the
pattern only at the others; a lookahead still starts the whole pattern at every position.
The set is only a filter (``match``, ``fullmatch`` and the groups never see it), so it must
merely contain every first character; under ``re.I`` the case variants are spelled out,
because the engine tests the raw character.

:func:`rx` also pulls the shared first characters out of long alternations (``ab|ac|b`` is
compiled as ``a(?:b|c)|b``, see :func:`factored_tree`): the engine tries alternatives one by
one, so a lexicon of words that mostly start with "ال" tested that prefix once per word.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from itertools import pairwise
from re import _compiler as C  # type: ignore[attr-defined]
from re import _constants as K  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

_CATEGORIES = {
    K.CATEGORY_DIGIT: r"\d",
    K.CATEGORY_NOT_DIGIT: r"\D",
    K.CATEGORY_SPACE: r"\s",
    K.CATEGORY_NOT_SPACE: r"\S",
    K.CATEGORY_WORD: r"\w",
    K.CATEGORY_NOT_WORD: r"\W",
}
_LEADING_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
#: what each sped-up pattern was compiled from (the tests compare the two)
ORIGINAL: dict[re.Pattern, tuple[str, int]] = {}
#: the sped-up patterns that got the engine's first-character set: pattern → its first
#: class and the flags it is read with (inline flags included)
SCANS: dict[re.Pattern, tuple[str, int]] = {}


class _Unbounded(Exception):
    """The first character of a match cannot be put in a class."""


def _char(c: int) -> str:
    ch = chr(c)
    return "\\" + ch if ch in "\\]^-[" else ch


def _sequence(items) -> tuple[list[str], bool]:
    """Class pieces a match of ``items`` can start with, and whether it can be empty."""
    out: list[str] = []
    for op, av in items:
        pieces, nullable = _item(op, av)
        out += pieces
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[list[str], bool]:
    if op is K.LITERAL:
        return [_char(av)], False
    if op is K.IN:
        pieces = []
        for o, a in av:
            if o is K.LITERAL:
                pieces.append(_char(a))
            elif o is K.RANGE:
                pieces.append(f"{_char(a[0])}-{_char(a[1])}")
            elif o is K.CATEGORY and a in _CATEGORIES:
                pieces.append(_CATEGORIES[a])
            else:  # a negated class and the like
                raise _Unbounded
        return pieces, False
    if op is K.BRANCH:
        pieces, nullable = [], False
        for sub in av[1]:
            p, n = _sequence(sub.data)
            pieces += p
            nullable = nullable or n
        return pieces, nullable
    if op is K.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unbounded  # a local flag changes what the class would mean
        return _sequence(sub.data)
    if op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
        lo, _, sub = av
        p, n = _sequence(sub.data)
        return p, n or lo == 0
    if op is K.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in (K.AT, K.ASSERT, K.ASSERT_NOT):
        return [], True  # zero width: the next item consumes the first character
    if op is K.CATEGORY and av in _CATEGORIES:
        return [_CATEGORIES[av]], False
    raise _Unbounded


def _class_of(parsed) -> str | None:
    try:
        pieces, nullable = _sequence(parsed.data)
    except _Unbounded:
        return None
    if nullable or not pieces:
        return None
    return "[" + "".join(dict.fromkeys(pieces)) + "]"


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class every match of ``pattern`` starts with, or None.

    Examples
    --------
    >>> first_class(r"(?<!\\w)(?:about|نحو)\\s*$", re.I)
    '[aن]'
    """
    return _class_of(P.parse(pattern, flags))


def _engine_scans_ahead(parsed) -> bool:
    """True when ``re`` already skips to a literal prefix or a first-character set (no
    ``re.I``, no leading lookaround): a lookahead would only turn that scan off."""
    try:
        flags = parsed.state.flags
        prefix, _, _ = C._get_literal_prefix(parsed, flags)
        return bool(prefix) or C._get_charset_prefix(parsed, flags) is not None
    except Exception:  # the private helpers changed: keep the lookahead
        return False


#: ASCII letters and the other characters ``re.I`` matches them with: "İ" and the Kelvin
#: sign lower to "i" and "k"; "ı" and "ſ" are ``re``'s extra cases of "i" and "s"
_ASCII_EXTRA = {ord("i"): (0x130, 0x131), ord("s"): (0x17F,), ord("k"): (0x212A,)}


def _case_variants(c: int) -> tuple[int, ...]:
    """Every character that ``re.I`` lets match the class member ``c``."""
    ch = chr(c)
    if c < 128:
        if not ch.isalpha():
            return (c,)
        low = ord(ch.lower())
        return (low, ord(ch.upper()), *_ASCII_EXTRA.get(low, ()))
    if ch.lower() == ch == ch.upper() and c not in C._EXTRA_CASES:
        return (c,)  # no case (Arabic letters, digits, punctuation): only itself
    raise _Unbounded  # a cased letter outside ASCII: keep the lookahead


def scan_items(cls: str, flags: int) -> list:
    """The first-character class ``cls`` as the items of a case-sensitive charset that
    holds every character the class matches under ``flags`` (``re.I`` spelled out)."""
    data = P.parse(cls, flags & ~re.I).data
    op, av = data[0]
    items = av if op is K.IN else [(op, av)]
    if not flags & re.I:
        return list(items)
    out = []
    for op, av in items:
        if op is K.CATEGORY:
            out.append((op, av))  # \w, \d, \s and their opposites are closed under case
            continue
        if op is K.LITERAL:
            lo, hi = av, av
        elif op is K.RANGE and av[1] - av[0] <= 4096:
            lo, hi = av
        else:
            raise _Unbounded
        for c in range(lo, hi + 1):
            out.extend((K.LITERAL, v) for v in _case_variants(c))
    return out


def scan_class(cls: str, flags: int) -> str:
    """The case-sensitive class that :func:`rx` gives the engine for the first-character
    class ``cls`` under ``flags`` (for tests: it must match all that ``cls`` matches)."""
    out = []
    for op, av in scan_items(cls, flags):
        if op is K.LITERAL:
            out.append(_char(av))
        elif op is K.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        else:
            out.append(_CATEGORIES[av])
    return "[" + "".join(out) + "]"


# ------------------------------------------------------------------ shared first characters
#: branches of at least this many alternatives get their shared first characters pulled out
_FACTOR_MIN = 4


def _literal_key(item, icase: bool) -> int | None:
    """What a leading literal matches, as a key: two literals with the same key match the
    same characters, with different keys none in common; None for anything else."""
    op, av = item
    if op is not K.LITERAL:
        return None
    if not icase:
        return av
    if av < 128:
        return ord(chr(av).lower())  # re.I: "A" and "a" match the same characters
    ch = chr(av)
    if ch.lower() == ch == ch.upper() and av not in C._EXTRA_CASES:
        return av  # no case: only itself
    return None


def _factor(alts: list[list], state, icase: bool, top: bool = False) -> list | None:
    """Parser items for the branch ``alts`` with shared leading characters pulled out:
    ``ab|ac|b`` becomes ``a(?:b|c)|b``.  The engine tried the alternatives in order; it
    still does, and each shared character is tested once instead of once per alternative.

    When every alternative starts with a literal, they are grouped by it (in order): at
    one position only the group of that character can match, so the order within it is all
    that counts.  Otherwise only neighbours are merged (``aX|aY`` is ``a(?:X|Y)``).  With
    ``top``, None when there is nothing to pull out."""
    if len(alts) == 1:
        return alts[0]
    keys = [_literal_key(a[0], icase) if a else None for a in alts]
    groups: list[list[list]] = []
    if all(k is not None for k in keys):
        by_key: dict[int, list[list]] = {}
        for k, a in zip(keys, alts, strict=True):
            if k not in by_key:
                by_key[k] = []
                groups.append(by_key[k])
            by_key[k].append(a)
    else:
        last = None
        for k, a in zip(keys, alts, strict=True):
            if k is not None and k == last:
                groups[-1].append(a)
            else:
                groups.append([a])
            last = k
    if top and len(groups) == len(alts):
        return None  # no two alternatives share a first character: nothing to pull out
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
        else:
            out.append([g[0][0], *_factor([a[1:] for a in g], state, icase)])  # type: ignore[misc]
    if len(out) == 1:
        return out[0]
    return [(K.BRANCH, (None, [P.SubPattern(state, a) for a in out]))]


def _factored(data: list, state, icase: bool) -> tuple[list, bool]:
    """``data`` with the shared first characters of every branch pulled out (see
    :func:`_factor`), and whether anything changed.  Inside a lookbehind or under a local
    flag nothing changes."""
    out: list = []
    changed = False
    for op, av in data:
        new = (op, av)
        if op is K.BRANCH:
            alts = []
            for alt in av[1]:
                d, ch = _factored(alt.data, state, icase)
                alts.append(d)
                changed |= ch
            factored = _factor(alts, state, icase, top=True) if len(alts) >= _FACTOR_MIN else None
            if factored is not None:
                out.extend(factored)
                changed = True
                continue
            new = (op, (av[0], [P.SubPattern(state, a) for a in alts])) if changed else (op, av)
        elif op is K.SUBPATTERN and not av[1] and not av[2]:
            d, ch = _factored(av[3].data, state, icase)
            if ch:
                new = (op, (av[0], av[1], av[2], P.SubPattern(state, d)))
                changed = True
        elif op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
            d, ch = _factored(av[2].data, state, icase)
            if ch:
                new = (op, (av[0], av[1], P.SubPattern(state, d)))
                changed = True
        elif op in (K.ASSERT, K.ASSERT_NOT) and av[0] == 1:
            # a lookahead; a lookbehind keeps its fixed-width branch as it is
            d, ch = _factored(av[1].data, state, icase)
            if ch:
                new = (op, (av[0], P.SubPattern(state, d)))
                changed = True
        elif op is K.ATOMIC_GROUP:
            d, ch = _factored(av.data, state, icase)
            if ch:
                new = (op, P.SubPattern(state, d))
                changed = True
        out.append(new)
    return out, changed


def factored_tree(parsed):
    """``parsed`` with the shared first characters of its branches pulled out (a new
    tree), or None when there are none.  The engine tries a branch's alternatives one by
    one wherever it gets to it; a lexicon of a hundred words that mostly start with "ال"
    tests that prefix a hundred times, the factored branch once.  The matches, and which
    alternative wins, are the same."""
    flags = parsed.state.flags
    if flags & re.LOCALE:
        return None
    data, changed = _factored(parsed.data, parsed.state, bool(flags & re.I))
    return P.SubPattern(parsed.state, data) if changed else None


def _compile_tree(pattern: str, parsed, charset_items: list | None = None) -> re.Pattern:
    """Compile a parser tree as ``re`` does, optionally with a first-character set for the
    engine's info block (see the module docstring)."""
    flags = parsed.state.flags
    plain = C._code(parsed, 0)
    if charset_items is not None:
        lo, hi = parsed.getwidth()
        charset, _ = C._optimize_charset(charset_items)
        code = [K.INFO, 0, K.SRE_INFO_CHARSET, min(lo, C.MAXCODE), min(hi, C.MAXCODE)]
        C._compile_charset(charset, flags, code)
        code[1] = len(code) - 1
        if plain[0] is not K.INFO:
            raise _Unbounded
        plain = code + plain[plain[1] + 1 :]  # the program itself, exactly as re compiles it
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return _sre.compile(
        pattern, flags, plain, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    )


def _with_scan(pattern: str, parsed, cls: str) -> re.Pattern | None:
    """``pattern`` compiled as written, with ``cls`` as the engine's first-character set;
    None when the class cannot be spelled out or ``re``'s internals are not as expected."""
    lo, _ = parsed.getwidth()
    if lo == 0:
        return None  # an empty match would need the engine's advance rule, which the scan drops
    try:
        return _compile_tree(pattern, parsed, scan_items(cls, parsed.state.flags))
    except _Unbounded:
        return None
    except Exception:  # re's private helpers changed: the lookahead still works
        return None


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` with a first-character scan, when one can be worked
    out (see the module docstring): the engine's own set where it can be spelled out
    (``.pattern`` is then unchanged), else a lookahead (``.pattern`` then shows it)."""
    try:
        parsed = P.parse(pattern, flags)
    except re.error:
        return re.compile(pattern, flags)  # the same error, raised by re itself
    if parsed.state.flags & re.VERBOSE:
        return re.compile(pattern, flags)  # a trailing comment would swallow the ")"
    try:
        tree = factored_tree(parsed) or parsed
    except Exception:  # re's private parser changed: compile the pattern as it is
        tree = parsed
    cls = _class_of(tree)
    if cls is None or _engine_scans_ahead(tree):
        if tree is not parsed:
            try:
                fast = _compile_tree(pattern, tree)
            except Exception:
                return re.compile(pattern, flags)
            if len(ORIGINAL) < 10_000:
                ORIGINAL[fast] = (pattern, flags)
            return fast
        return re.compile(pattern, flags)
    fast = _with_scan(pattern, tree, cls)
    if fast is None:
        lead = _LEADING_FLAGS.match(pattern)
        head = lead.group() if lead else ""
        body = pattern[lead.end() :] if lead else pattern
        fast = re.compile(f"{head}(?={cls})(?:{body})", flags)
    elif len(SCANS) < 10_000:
        SCANS[fast] = (cls, parsed.state.flags)
    if len(ORIGINAL) < 10_000:
        ORIGINAL[fast] = (pattern, flags)
    return fast


def structure(pattern: str):
    """Yield ``(index, char, depth)`` for the characters of ``pattern`` that are regex
    syntax: not escaped, not inside a ``[…]`` class; ``depth`` is the group nesting
    before the character (a ``(`` is reported at its outer depth)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # "[]…" and "[^]…": a "]" right after the opening is a literal
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        else:
            if c == ")":
                depth -= 1
            yield i, c, depth
            if c == "(":
                depth += 1
        i += 1


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of ``pattern`` (groups and classes kept whole)."""
    cuts = [i for i, c, depth in structure(pattern) if c == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    return [pattern[a + 1 : b] for a, b in pairwise(bounds)]


class Dispatch:
    """``finditer`` of ``prefix(?:(?P<g1>…)|(?P<g2>…)|…)`` for a big lexicon alternation,
    trying at each position only the alternatives that can start with its character.

    One alternation of a few hundred cue words under ``re.I`` is tried alternative by
    alternative at every word start; split by first character, a position tries a handful.
    The matches (spans and ``lastgroup``) are those of the whole pattern: at a position the
    alternatives keep their order, and a position no alternative can start at has no match.
    When an alternative's first character cannot be bounded, the whole pattern is used.

    Parameters
    ----------
    prefix : str
        A zero-width head shared by all alternatives (``\\b`` or ``""``).
    groups : dict
        Group name → its patterns, in order (each may itself be an alternation).
    flags : int
    """

    def __init__(self, prefix: str, groups: dict[str, list[str]], flags: int = 0) -> None:
        self.prefix = prefix
        self.flags = flags
        self.units = [
            (name, alt, first_class(alt, flags))
            for name, pats in groups.items()
            for p in pats
            for alt in split_alternatives(p)
        ]
        self.whole = re.compile(self._source(self.units), flags)
        bounded = self.units and all(cls is not None for _, _, cls in self.units)
        union = "".join(cls[1:-1] for _, _, cls in self.units) if bounded else ""
        self._classes: dict[str, re.Pattern] = {}
        # a class that consumes its character (not a lookahead): it gets the engine's scan,
        # and its matches start at the same positions
        self.starts = rx(f"{prefix}[{union}]", flags) if bounded else None
        self._by_char: dict[str, re.Pattern | None] = {}

    def _source(self, units) -> str:
        groups: dict[str, list[str]] = {}
        for name, alt, _ in units:
            groups.setdefault(name, []).append(alt)
        body = "|".join(f"(?P<{g}>{'|'.join(alts)})" for g, alts in groups.items())
        return f"{self.prefix}(?:{body})"

    def _for(self, c: str) -> re.Pattern | None:
        units = []
        for unit in self.units:
            cls = unit[2]
            rxc = self._classes.get(cls)
            if rxc is None:
                rxc = self._classes[cls] = re.compile(cls, self.flags)
            if rxc.match(c):
                units.append(unit)
        sub = re.compile(self._source(units), self.flags) if units else None
        self._by_char[c] = sub
        return sub

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """The matches of the whole pattern in ``text[start:end]``, in order."""
        end = len(text) if end is None else end
        if self.starts is None:
            yield from self.whole.finditer(text, start, end)
            return
        by_char = self._by_char
        last = start
        for s in self.starts.finditer(text, start, end):
            p = s.start()
            if p < last:
                continue
            c = text[p]
            sub = by_char[c] if c in by_char else self._for(c)
            if sub is None:
                continue
            m = sub.match(text, p, end)
            if m is not None:
                yield m
                last = m.end()


# ----------------------------------------------------------------------------- token patterns
_SPACE = ord(" ")
_SPACE_CATEGORIES = {
    K.CATEGORY_SPACE,
    K.CATEGORY_NOT_WORD,
    K.CATEGORY_NOT_DIGIT,
    K.CATEGORY_UNI_SPACE,
    K.CATEGORY_UNI_NOT_WORD,
    K.CATEGORY_UNI_NOT_DIGIT,
    K.CATEGORY_LOC_NOT_WORD,
}


def _no_space(items) -> bool:
    """True when the parsed pattern can neither match a space nor test its context."""
    for op, av in items:
        if op is K.LITERAL:
            if av == _SPACE:
                return False
        elif op is K.IN:
            for iop, iav in av:
                if iop is K.NEGATE or (iop is K.LITERAL and iav == _SPACE):
                    return False
                if iop is K.RANGE and iav[0] <= _SPACE <= iav[1]:
                    return False
                if iop is K.CATEGORY and iav in _SPACE_CATEGORIES:
                    return False
                if iop not in (K.LITERAL, K.RANGE, K.CATEGORY):
                    return False
        elif op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
            if not _no_space(av[2]):
                return False
        elif op is K.SUBPATTERN:
            if av[1] or av[2] or not _no_space(av[3]):  # local flags: left to the regex
                return False
        elif op is K.ATOMIC_GROUP:
            if not _no_space(av):
                return False
        elif op is K.BRANCH:
            if not all(_no_space(b) for b in av[1]):
                return False
        else:  # ANY, NOT_LITERAL, anchors, look-arounds, group references …
            return False
    return True


_HEAD, _TAIL = "(?<= )", "(?= )"


def single_token(pattern: str) -> re.Pattern | None:
    """For a lexicon pattern ``(?<= )X(?= )`` whose ``X`` can match no space, ``X``
    compiled (for ``fullmatch``); else None.

    In normalised text (words separated by single spaces) such a pattern matches exactly
    the whole tokens that ``X`` fully matches, so a per-token verdict can stand in for the
    scan.  Anything else (a space, ``.``, a negated class, anchors, look-arounds inside,
    back-references, local or verbose flags) returns None.
    """
    if not (pattern.startswith(_HEAD) and pattern.endswith(_TAIL)):
        return None
    try:
        parsed = P.parse(pattern, 0)
    except re.error:
        return None
    items = list(parsed)

    def is_space_look(item, direction: int) -> bool:
        op, av = item
        return op is K.ASSERT and av[0] == direction and list(av[1]) == [(K.LITERAL, _SPACE)]

    if (
        parsed.state.flags & (re.VERBOSE | re.IGNORECASE | re.LOCALE)
        or len(items) < 3
        or not is_space_look(items[0], -1)
        or not is_space_look(items[-1], 1)
        or not _no_space(items[1:-1])
    ):
        return None
    body = pattern[len(_HEAD) : -len(_TAIL)]
    try:
        return re.compile(body)
    except re.error:
        return None
