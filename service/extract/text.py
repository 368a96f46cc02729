"""Sentences and clauses of plain text, with offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .fastre import rx

_ABBREV = {
    "u.s",
    "u.k",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "jun",
    "jul",
    "st",
    "no",
    "vs",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "est",
    "inc",
    "co",
    "corp",
    "adm",
    "rep",
    "sen",
    "gov",
    "jr",
    "sr",
    "u.n",
    "a.m",
    "p.m",
}
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_SENT_END = rx(r"[.!?؟]+[\"'”’»)\]]*(?=\s|$)|\n\s*\n|\n(?=\S)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (trimmed of surrounding whitespace)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if m.group(0)[0] == ".":
            # "U.S." / "Gen." / "2.5" are not sentence ends
            word = _WORD_BEFORE_DOT.search(text[max(start, m.start() - 12) : m.start()])
            if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
                continue
        stop = m.end() if not m.group(0).startswith("\n") else m.start()
        spans.append((pos, stop))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


# a clause separator is one of these marks, or a dash between white space (" - "); the scan
# stops at the marks and the dashes only, not at every space as "\s[-–—]\s" would
_CLAUSE_MARK = rx(r"[،,;؛:\-–—]")


def clause_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of clause separators (commas, semicolons, spaced dashes) inside a sentence;
    a spaced dash's offset is the white space before it."""
    out: list[int] = []
    free = start  # the first offset no earlier separator took (" - - ": the second one's
    # space was the first one's)
    for m in _CLAUSE_MARK.finditer(text, start, end):
        p = m.start()
        c = text[p]
        if c in "-–—":
            if p - 1 >= free and p + 1 < end and text[p - 1].isspace() and text[p + 1].isspace():
                out.append(p - 1)
                free = p + 2
            continue
        free = p + 1
        if c == "," and p + 1 < end and text[p + 1].isdigit() and p > 0 and text[p - 1].isdigit():
            continue  # "2,500"
        out.append(p)
    return out


def same_clause(breaks: list[int], a: int, b: int) -> bool:
    """True when no clause separator lies between offsets ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return not any(lo <= x < hi for x in breaks)


_WORD = rx(r"\w+")


# Every WordHints set gets a bit; a word's mask says which sets flag it (cached per word).
_HINT_SETS: list[WordHints] = []
_MASKS: dict[str, int] = {}
_MASKS_MAX = 300_000


def _words(text: str, start: int, end: int) -> list[str]:
    """``_WORD.findall(text, start, end)``, cheaper: whitespace never belongs to a word, and
    a whitespace-free chunk that is all alphanumeric is one word (the regex runs only on
    chunks with punctuation or an underscore in them)."""
    out: list[str] = []
    for chunk in text[start:end].split():
        if chunk.isalnum():
            out.append(chunk)
            continue
        # "العراق،", "«عين", "أيضاً": punctuation or a final vowel mark at the edges only
        core = chunk.strip(_EDGE_MARKS)
        if core.isalnum():
            out.append(core)
        elif core:
            out.extend(_WORD.findall(chunk))
    return out


#: characters that are never part of a word (tests check each), stripped off a chunk's ends
_EDGE_MARKS = ".,،؛:;!?؟\"'()[]{}«»“”‘’-–—…/*" + "".join(map(chr, range(0x064B, 0x0653)))


def _is_word_char(c: str) -> bool:
    # re's \w: Py_UNICODE_ISALNUM or "_", which is what str.isalnum tests per character
    return c.isalnum() or c == "_"


def _whole_word_at(text: str, w: str, pos: int, start: int, end: int) -> int:
    """The first offset >= ``pos`` where ``w`` stands as a whole ``\\w+`` word of
    ``text[start:end]`` (the window's edges count as word boundaries)."""
    i = text.find(w, pos, end)
    while i >= 0:
        j = i + len(w)
        if (i <= start or not _is_word_char(text[i - 1])) and (
            j >= end or not _is_word_char(text[j])
        ):
            return i
        i = text.find(w, i + 1, end)
    raise AssertionError(f"word {w!r} not found after {pos}")  # unreachable: w came from text


def _mask(w: str) -> int:
    low = w.lower()
    k = 0
    for i, h in enumerate(_HINT_SETS):
        if h.is_hint(low):
            k |= 1 << i
    if len(_MASKS) < _MASKS_MAX:
        _MASKS[w] = k
    return k


class Words:
    """The ``\\w+`` words of ``text[start:end]`` that any :class:`WordHints` set flags,
    found in one pass and shared by all of them.

    Per sentence, the date and number grammars only need to know where their anchor words
    are; one pass over the article plus a bisect per sentence is much cheaper than a scan
    per sentence and per grammar.
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end
        n = len(_HINT_SETS)
        starts: list[list[int]] = [[] for _ in range(n)]
        spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        masks = _MASKS
        end = self.end
        pos = start
        # the words as strings (no match objects: most words flag nothing); a flagged word
        # is then found with str.find from the last one's end: its first whole-word
        # occurrence there is it, since an equal word in between would be flagged too
        for w in _words(text, start, end):
            k = masks.get(w)
            if k is None:
                k = _mask(w)
            if k:
                a = _whole_word_at(text, w, pos, start, end)
                b = a + len(w)
                pos = b
                for i in range(n):
                    if k >> i & 1:
                        starts[i].append(a)
                        spans[i].append((a, b))
        self._hits = list(zip(starts, spans, strict=True))

    def covers(self, text: str, start: int, end: int) -> bool:
        return text is self.text and self.start <= start and end <= self.end

    def hits(self, hints: WordHints) -> tuple[list[int], list[tuple[int, int]]]:
        """Start offsets and spans of the words that ``hints`` flags."""
        return self._hits[hints.bit]


class WordHints:
    """Find the windows of a text where a word-anchored regex can match.

    Running a big case-insensitive alternation over a whole sentence is the main cost of
    extraction; the words those regexes need (month names, number words, digits) are few.
    One ``\\w+`` pass with a per-word cached verdict finds them, and the regex then runs only
    in merged windows around them.  Create these at import time (module constants): each
    one adds a bit to the per-word cache.

    Parameters
    ----------
    is_hint : callable
        ``is_hint(word_lowercased) -> bool``; the verdict is cached per distinct word.
    before, after : int
        How far a match may reach before the first and after the last hint word.
    """

    def __init__(self, is_hint, before: int, after: int) -> None:
        self.is_hint = is_hint
        self.before = before
        self.after = after
        self.bit = len(_HINT_SETS)
        _HINT_SETS.append(self)
        _MASKS.clear()

    def windows(
        self, text: str, start: int, end: int, words: Words | None = None
    ) -> list[tuple[int, int]]:
        """Merged ``[a, b)`` windows inside ``[start, end)``.

        ``words``, when it covers the span, saves tokenising it again.  A window's end is
        moved to the end of the word it falls in, so that a regex's ``(?![\\w])`` at the
        window end means what it means in the full text.
        """
        if words is None or not words.covers(text, start, end) or self.bit >= len(words._hits):
            words = Words(text, start, end)
        starts, spans = words.hits(self)
        out: list[tuple[int, int]] = []
        self._add_windows(out, text, start, end, starts, spans)
        return out

    def windows_of_spans(
        self, text: str, spans: Sequence[tuple[int, int]], words: Words | None = None
    ) -> list[list[tuple[int, int]]]:
        """:meth:`windows` of each of several spans (sentences, in text order), with one
        lookup of the words."""
        if spans and (
            words is None
            or not words.covers(text, spans[0][0], spans[-1][1])
            or self.bit >= len(words._hits)
        ):
            words = Words(text, spans[0][0], spans[-1][1])
        starts, hit_spans = words.hits(self) if spans else ([], [])  # type: ignore[union-attr]
        out: list[list[tuple[int, int]]] = []
        for start, end in spans:
            win: list[tuple[int, int]] = []
            if starts:
                self._add_windows(win, text, start, end, starts, hit_spans)
            out.append(win)
        return out

    def _add_windows(
        self,
        out: list[tuple[int, int]],
        text: str,
        start: int,
        end: int,
        starts: list[int],
        spans: list[tuple[int, int]],
    ) -> None:
        for i in range(bisect_left(starts, start), len(starts)):
            ws, we = spans[i]
            if we > end:
                break
            a = max(start, ws - self.before)
            b = min(end, we + self.after)
            if b < end and (text[b].isalnum() or text[b] == "_"):
                b = _WORD.match(text, b, end).end()  # type: ignore[union-attr]
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
