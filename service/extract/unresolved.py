"""Names that look like places but are not in the gazetteer.

After a place word (قاعدة، مدينة، محافظة، بلدة، قرية، معسكر; "base", "province", "camp",
"town", "village") the next one or two words are a name; if no gazetteer mention covers them
they are reported as *unresolved* so an analyst can add the place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..gazetteer.stopwords import stopwords
from .fastre import rx

if TYPE_CHECKING:
    from .body import Body
    from .claims import Analyzer

# The cue is the indefinite construct form ("قاعدة زيلكان", "بمدينة هون"): after the definite
# "القاعدة" comes an adjective or the rest of the sentence ("القاعدة يجب أن …"), not a name.
_AR_CUE_WORDS = "قاعده|مدينه|محافظه|بلده|قريه|معسكر|مطار|ناحيه|قضاء|ولايه|منطقه|مخيم|ميناء|قاعدتي"
_AR_CUE = rx(rf"(?<= )(?:[وف]?[بل]?)(?:{_AR_CUE_WORDS})(?= )")
_AR_CUE_TOKEN = rx(rf"(?:[وف]?[بل]?|[وف]?(?:[بل]|لل)?ال)(?:{_AR_CUE_WORDS}|نقطه|موقع|مركز)|لل\S+")
# endings of a word that is not a name: a possessive pronoun ("قلقهم", "حمايتها")
_AR_SUFFIX = rx(r"(?:هم|هما|ها|كم|هن)$")
_TANWEEN = rx("[\u064b-\u064d]")
_CAPITAL = rx(r"[A-Z]")
_AR_SKIP = {
    "الجويه",
    "العسكريه",
    "الامريكيه",
    "الاميركيه",
    "الجديده",
    "جويه",
    "عسكريه",
    "البحريه",
    "الكبري",
    "الرئيسيه",
    "التي",
    "الذي",
    "التابعه",
    "المتقدمه",
    "في",
    "على",
    "علي",
    "الي",
    "من",
    "عن",
    "مع",
    "او",
    "و",
    "ان",
    "قرب",
    "بالقرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "تضم",
    "تستضيف",
    "كانت",
    "كان",
    # adjectives and adverbs that follow an indefinite place word ("قاعدة صغيرة",
    # "منطقة عازلة", "مطار مدني", "بشكل …")
    "صغيره",
    "كبيره",
    "بعيده",
    "قريبه",
    "جديده",
    "عازله",
    "امنه",
    "مشترك",
    "مشتركه",
    "مدني",
    "عسكري",
    "دولي",
    "حدوديه",
    "لوجستيه",
    "رئيسيه",
    "دائمه",
    "مؤقته",
    "موقته",
    "متقدمه",
    "ثابته",
    "بحريه",
    "بريه",
    "بشكل",
    "بالكامل",
    "حاليا",
    "سوي",
    "دعم",
    "طوال",
    "يجب",
    "نفسه",
    "نفسها",
    "تدريب",
    "تدريبي",
}
_EN_AFTER = rx(
    r"\b((?:[A-Z][\w'’-]+\s+){1,3}?)(?:Air\s+Base|Airbase|Air\s+Field|Airfield|Base|Garrison|"
    r"Outpost|Province|Governorate|Camp)\b"
)
_EN_BEFORE = rx(
    r"\b(?:Camp|Fort|FOB|COP|Forward\s+Operating\s+Base|Combat\s+Outpost|Patrol\s+Base|"
    r"town\s+of|city\s+of|village\s+of|province\s+of)\s+((?:al-|Al-|Al\s)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?)"
)
_EN_SKIP = {
    "The",
    "A",
    "An",
    "US",
    "U.S.",
    "American",
    "Coalition",
    "NATO",
    "Military",
    "Air",
    "Iraqi",
    "Syrian",
    "Jordanian",
    "Kuwaiti",
    "This",
    "That",
    "Its",
    "Their",
    "Main",
    "Forward",
    "Operating",
    "Joint",
}


def find_unresolved(an: Analyzer, body: Body) -> list[tuple[int, int]]:
    """Spans (plain-text offsets) of place-like names no gazetteer mention covers."""
    taken = _Spans((pm.start, pm.end) for pm in an.marks)
    stop = stopwords()
    out: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not taken.overlaps(a, b)

    na, nb = an.norm_index(body.start), an.norm_index(body.end)
    for m_start, m_end in _cue_tokens(an, max(0, na - 1), nb + 1):
        rest = an.norm[m_end : m_end + 60].split()
        if rest and (_AR_CUE_TOKEN.fullmatch(rest[0]) or _AR_SUFFIX.search(rest[0])):
            continue  # "قاعدة ومعسكر", "قاعدة للجانب العراقي", "منطقة قلقهم"
        name = [t for t in rest[:2] if _namelike(t, stop)]
        if not name or not _namelike(rest[0], stop):
            continue
        # "عين الأسد" is two words (a bare word, then one with the article); otherwise one
        two = (
            len(rest) > 1
            and not rest[0].startswith("ال")
            and rest[1].startswith("ال")
            and _namelike(rest[1], stop)
            # "ميناء عصب الإريتري": a nationality adjective after the name is not part of it
            and not rest[1].endswith(("ي", "يه"))
        )
        name = rest[:2] if two else rest[:1]
        if not name:
            continue
        ns = an.norm.index(name[0], m_end)
        ne = ns + len(" ".join(name))
        # the name must be contiguous in the normalised text
        if an.norm[ns:ne] != " ".join(name):
            continue
        a, b = an.plain_span(ns, ne)
        cue_end = an.plain_span(m_start, m_end)[1]
        if re.search(r"[.!?؟،,;؛:\n()]", an.text[cue_end:a]):
            continue
        if _TANWEEN.search(an.text, a, b) or _is_actor_word(an, a, b):
            continue  # "حالياً", "قاعدة بريطانية": an adverb or a nationality, not a name
        if free(a, b) and _real_span(an.text, a, b):
            out.append((a, b))
            taken.add(a, b)
    # both English patterns need a capital letter; most Arabic bodies have none
    latin_caps = _CAPITAL.search(an.text, body.start, body.end) is not None
    for pat in (_EN_AFTER, _EN_BEFORE) if latin_caps else ():
        for m in pat.finditer(an.text, body.start, body.end):
            a, b = m.start(1), m.end(1)
            seg = an.text[a:b].strip()
            a = a + (len(an.text[a:b]) - len(an.text[a:b].lstrip()))
            b = a + len(seg)
            first = seg.split(None, 1)[0] if seg else ""
            if not seg or first in _EN_SKIP or seg.lower() in stop:
                continue
            if free(a, b):
                out.append((a, b))
                taken.add(a, b)
    return sorted(out)


class _Spans:
    """A set of ``[start, end)`` spans with an overlap test that looks only at the spans
    near the query (a scan of all of them made long texts quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._longest = max((e - s for s, e in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # a span that starts more than the longest length before ``start`` ends before it
        spans = self._spans
        for k in range(bisect_left(spans, (start - self._longest,)), len(spans)):
            s, e = spans[k]
            if s >= end:
                return False
            if e > start:
                return True
        return False


def _cue_tokens(an: Analyzer, start: int, end: int) -> list[tuple[int, int]]:
    """``_AR_CUE.finditer(an.norm, start, end)`` spans, found token by token: a cue is a
    whole token (space on both sides), so a cached per-token test does the same job."""
    norm = an.norm
    end = min(end, len(norm))
    toks = an.norm_tokens(start, end)
    hits = _cue_set(toks.distinct)
    if not hits:
        return []
    return [
        (i, i + len(t))
        for t, i in zip(toks.tokens, toks.starts, strict=True)
        if t in hits
        # the space before may lie before ``start``; the one after must lie before ``end``
        and i > 0
        and norm[i - 1] == " "
        and i + len(t) < end
        and norm[i + len(t)] == " "
    ]


_CUE_CACHE: dict[str, bool] = {}


def _cue_set(tokens: set[str]) -> set[str]:
    hits = set()
    for t in tokens:
        hit = _CUE_CACHE.get(t)
        if hit is None:
            hit = _AR_CUE.match(f" {t} ", 1) is not None  # the look-arounds see the spaces
            if len(_CUE_CACHE) < 200_000:
                _CUE_CACHE[t] = hit
        if hit:
            hits.add(t)
    return hits


_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")


def _namelike(tok: str, stop: frozenset[str]) -> bool:
    return (
        tok not in _AR_SKIP
        and tok not in stop
        and not tok.isdigit()
        and len(tok) >= 2
        and _ARABIC_WORD.fullmatch(tok) is not None
    )


def _is_actor_word(an: Analyzer, a: int, b: int) -> bool:
    """True when ``[a, b)`` is a nationality or actor word the analyser found."""
    return any(m.start <= a and b <= m.end for m in an.in_span("actors", a - 20, b))


def _real_span(text: str, a: int, b: int) -> bool:
    return b > a and not any(c in text[a:b] for c in "\n")
