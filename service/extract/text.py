"""Sentences and clauses of plain text, with offsets."""

from __future__ import annotations

import re

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
_SENT_END = re.compile(r"[.!?؟]+[\"'”’»)\]]*(?=\s|$)|\n\s*\n|\n(?=\S)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (trimmed of surrounding whitespace)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if m.group(0)[0] == ".":
            # "U.S." / "Gen." / "2.5" are not sentence ends
            word = re.search(r"([\w.]+)$", text[max(start, m.start() - 12) : m.start()])
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


_CLAUSE_SEP = re.compile(r"[،,;؛:]|\s[-–—]\s")


def clause_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of clause separators (commas, semicolons) inside a sentence."""
    return [
        m.start()
        for m in _CLAUSE_SEP.finditer(text, start, end)
        if not (
            text[m.start()] == ","
            and m.start() + 1 < end
            and text[m.start() + 1].isdigit()
            and m.start() > 0
            and text[m.start() - 1].isdigit()
        )
    ]


def same_clause(breaks: list[int], a: int, b: int) -> bool:
    """True when no clause separator lies between offsets ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return not any(lo <= x < hi for x in breaks)
