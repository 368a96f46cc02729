"""Assemble places, actors, numbers, dates and verbs into claims.

The grammar is deliberately local: a force level is a quantity followed by a troop noun, an
actor next to it (or the sentence's subject, or a list "among them Germany, France …") and
a place after a locative preposition; a movement is a verb anchor whose scope runs to the
next verb, taking the first place in that scope as its object, the actor before the first
place (Arabic VSO) or before the verb (English SVO), and a deadline in scope or shared by the
sentence.  Casualty counts, officials, prisoners, months and years are filtered out by the
noun and by casualty words around the number.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any, ClassVar

import numpy as np

from .. import actors as actors_registry
from ..domain import Event, FuzzyDate, Movement, Quantity
from ..gazetteer.index import Gazetteer, haversine_km
from ..gazetteer.normalize import strip_clitics
from ..gazetteer.resolve import Resolved
from . import lexicons as L
from .dates import DateMatch, date_candidates, resolve_dates
from .fastre import Dispatch, rx, single_token
from .numbers import NumberMatch, find_numbers
from .text import Words, clause_breaks, same_clause, split_sentences


@dataclass(slots=True)
class Mark:
    """An annotated span of the plain text."""

    start: int
    end: int
    kind: str
    value: Any
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class PlaceMark:
    """A resolved place mention with its role in the sentence."""

    r: Resolved
    locative: bool = False
    metonym: bool = False
    destination: bool = False
    extra_host: bool = False
    #: "US troops", "Iran-backed": the name is used as an adjective, not as a place
    adjective: bool = False
    #: the dateline ("BAGHDAD (Reuters) -"): where the story was filed, not a claim's place
    dateline: bool = False

    @property
    def start(self) -> int:
        return self.r.start

    @property
    def end(self) -> int:
        return self.r.end

    @property
    def pid(self) -> str:
        return self.r.place.id


@dataclass(slots=True)
class Claims:
    force_levels: list[dict] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


_PLACE_NOUN_TAIL = rx(r"(?i)\b(?:the\s+)?(?:base|camp|town|city|province)\s+(?:of\s+)?$")
_HYPHEN_ADJ = rx(r"\.?-(?:backed|led|based|aligned|allied|supported|funded|made|linked)\b", re.I)
_THE_TAIL = rx(r"(?i)\bthe\s*$")
# what any English pattern needs (under re.I, "ı", "ſ" and the Kelvin sign match i, s, k)
_LATIN = rx("[A-Za-z\u0130\u0131\u017f\u212a]")
# what any Arabic pattern needs: a letter of the Arabic blocks (presentation forms included,
# normalisation folds them into letters)
_ARABIC_ANY = rx("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_SPACE_LATIN = rx(r"\s+[A-Za-z]")
_MODIFIER_AFTER_THE = rx(r"\s+(?:[a-z]|and\s+[A-Z][a-z]+(?:an|ese|ish|i)\b)")


class Analyzer:
    """Per-article state: normalised text, marks, focus country and dominant actor."""

    def __init__(
        self,
        text: str,
        norm: str,
        offsets: np.ndarray,
        gaz: Gazetteer,
        places: list[Resolved],
        body: tuple[int, int],
        published: dt.date | None,
        dateline: tuple[int, int] | None = None,
        table_rows: Sequence[tuple[int, int]] = (),
        dateline_extent: tuple[int, int] | None = None,
    ) -> None:
        self.text = text
        #: plain-text spans of data-table rows rendered as "Label: value; …" sentences
        self.table_rows = sorted(table_rows)
        self.dateline_extent = dateline_extent
        self.norm = norm
        self.offsets = offsets
        self.off = offsets.tolist()  # plain list: fast scalar access
        #: norm_index by plain offset: most lookups repeat one (a bisect costs ~2,000
        #: instructions over Python ints; a table of every offset cost more to build)
        self._norm_at: dict[int, int] = {}
        body_text = text[body[0] : body[1]]
        # skip a script's patterns when the body has none of its letters (most articles
        # are in one language; the regexes are the main cost)
        # (a little past the body's ends: the patterns look a few words around a mention)
        self.has_latin = (
            _LATIN.search(text, max(0, body[0] - 60), min(len(text), body[1] + 60)) is not None
        )
        self.has_arabic = _ARABIC_ANY.search(body_text) is not None
        self.gaz = gaz
        self.published = published
        self.body = body
        self.words = Words(text, body[0], body[1])
        self._toks: L.NormTokens | None = None
        self._bases: dict[tuple[str, str], str] = {}
        self._starts: dict[str, tuple] = {}
        self.marks: list[PlaceMark] = [self._place_mark(r, dateline) for r in places]
        self.move_marks = self._find_verbs(L.MOVE_AR, L.MOVE_EN, "move")
        self.event_marks = self._find_verbs(L.EVENT_AR, L.EVENT_EN, "event")
        self._move_origins()
        self._coordinated_locatives()
        self._metonym_pairs()
        self.actors = self._find_actors()
        self._drop_demonym_towns()
        self.focus = self._focus_country(dateline)
        self.dominant = self._dominant_actor()

    # ------------------------------------------------------------------ span helpers
    def _base_word_before(self, place_id: str, quote: tuple[int, int]) -> bool:
        """True when a mention of ``place_id`` in the quote follows a base word closely."""
        a, b = quote
        marks = self.in_span("marks", a, b)
        for pm in marks:
            if pm.pid != place_id:
                continue
            for m in _BASE_WORD.finditer(self.text, max(a, pm.start - 50), pm.start):
                # not the base word of another name ("قاعدة شمع … في مرجعيون")
                if not any(o.start <= m.start() < o.end for o in marks):
                    return True
        return False

    def table_row_at(self, pos: int) -> tuple[int, int] | None:
        """The data-table row span containing ``pos``, if any."""
        rows = self.table_rows
        if not rows:
            return None
        k = bisect_right(rows, (pos, 1 << 62)) - 1
        return rows[k] if k >= 0 and rows[k][0] <= pos < rows[k][1] else None

    def in_span(self, which: str, start: int, end: int) -> list:
        """The items of list attribute ``which`` (marks, actors, move or event marks) that
        start in ``[start, end)``, in list order: a bisect per sentence instead of a scan."""
        items = getattr(self, which)
        key = self._starts.get(which)
        if key is None or key[0] is not items or key[1] != len(items):
            found = [m.start for m in items]
            ordered = all(x <= y for x, y in pairwise(found))
            key = self._starts[which] = (items, len(items), found if ordered else None)
        starts: list[int] | None = key[2]
        if starts is None:  # not in text order: keep the plain filter
            return [m for m in items if start <= m.start < end]
        return items[bisect_left(starts, start) : bisect_left(starts, end)]

    def norm_index(self, pos: int) -> int:
        i = self._norm_at.get(pos)
        if i is None:
            i = bisect_left(self.off, pos, 1, len(self.off) - 1) if len(self.off) > 2 else 0
            self._norm_at[pos] = i
        return i

    def plain_span(self, ns: int, ne: int) -> tuple[int, int]:
        return self.off[ns], self.off[ne - 1] + 1

    def norm_between(self, a: int, b: int) -> str:
        return self.norm[self.norm_index(a) : self.norm_index(b)]

    def find_norm(self, pattern: str | re.Pattern, a: int, b: int) -> list[tuple[int, int]]:
        """Plain-text spans of a normalised-Arabic regex inside plain ``[a, b)``."""
        na, nb = max(0, self.norm_index(a) - 1), min(len(self.norm), self.norm_index(b) + 1)
        spans = self._token_matches(pattern, na, nb, False)
        if spans is not None:
            return [self.plain_span(s, e) for s, e in spans]
        pat = _norm_rx(pattern) if isinstance(pattern, str) else pattern
        return [
            self.plain_span(m.start(), m.end())
            for m in pat.finditer(self.norm, na, nb)
            if m.end() > m.start()
        ]

    def has_norm(self, pattern: str | re.Pattern, a: int, b: int) -> bool:
        """``bool(find_norm(...))`` without building the spans: stops at the first match."""
        na, nb = max(0, self.norm_index(a) - 1), min(len(self.norm), self.norm_index(b) + 1)
        spans = self._token_matches(pattern, na, nb, True)
        if spans is not None:
            return bool(spans)
        pat = _norm_rx(pattern) if isinstance(pattern, str) else pattern
        return any(m.end() > m.start() for m in pat.finditer(self.norm, na, nb))

    def _token_matches(
        self, pattern: str | re.Pattern, na: int, nb: int, first: bool
    ) -> list[tuple[int, int]] | None:
        """The matches of a single-token lexicon pattern in normalised ``[na, nb)``, from a
        verdict per distinct token (cached across articles) instead of a scan; None when
        the pattern is not one (:func:`fastre.single_token`) or the body's tokens do not
        cover the span.  ``first`` stops at the first match."""
        tp = _token_verdicts(pattern)
        if tp is None:
            return None
        toks = self._norm_tokens()
        if toks is None or na < toks.start or nb > toks.end:
            return None
        return token_matches(self.norm, toks, tp[0], tp[1], na, nb, first)

    def tokens_before(self, pos: int, n: int) -> list[str]:
        i = self.norm_index(pos)
        seg = self.norm[max(0, i - 40 * n) : i]
        # the last n of seg.split(), splitting only n times from the right
        return seg.rsplit(None, n)[-n:] if n > 0 else seg.split()

    # ------------------------------------------------------------------ places
    def _place_mark(self, r: Resolved, dateline: tuple[int, int] | None) -> PlaceMark:
        pm = PlaceMark(r)
        prev = self.tokens_before(r.start, 1)
        before = self.text[max(0, r.start - 30) : r.start]
        # the English cues need a Latin letter: skip them before Arabic names
        latin = _LATIN.search(before) is not None
        clitic = self.text[r.start - 1] if r.start > 0 else ""
        pm.locative = bool(
            (prev and (prev[-1] in L.LOCATIVE_AR or strip_clitics(prev[-1]) in L.LOCATIVE_AR))
            or (clitic == "ب" and r.start > 1 and not self.text[r.start - 2].isalnum())
            or (clitic == "ب" and r.start > 1 and self.text[r.start - 2] in "و ")
            or (latin and L.LOCATIVE_EN.search(before))
        )
        prev2 = self.tokens_before(r.start, 2)
        if len(prev2) == 2 and strip_clitics(prev2[-1]) in _PLACE_WORDS:
            prev2 = prev2[:1]  # "إلى قاعدة الشدادي": look past the place word
        pm.destination = not (self.has_latin and _RECIPIENT_AFTER.match(self.text, r.end)) and bool(
            (latin and L.DEST_EN.search(_PLACE_NOUN_TAIL.sub("", before)))
            or bool(prev2 and strip_clitics(prev2[-1]) in _DEST_WORDS)
            or _lam_clitic(self.text[r.start : r.end], r.place.name_ar)
        )
        if dateline and dateline[0] <= r.start < dateline[1]:
            pm.locative = True
            pm.dateline = True
            return pm
        if (
            r.place.kind == "country"
            and _TROOPS_FROM.search(before)
            and not _WITHDRAW_TROOPS.search(self.text, max(0, r.start - 90), r.start)
        ):
            # "troops from Germany and France", "جنود من ألمانيا": contributors, not places
            # (but "withdraw its troops from Niger", "سحب قواتها من النيجر": the place left)
            pm.locative = pm.destination = False
        surface = self.text[r.start : r.end]
        after = self.text[r.end : r.end + 12]
        if self.has_latin and _HYPHEN_ADJ.match(after):
            pm.adjective = True
        elif (
            surface.replace(".", "").isupper()
            and surface.isascii()
            and len(surface) <= 5
            and (
                not _THE_TAIL.search(self.text[max(0, r.start - 5) : r.start])
                # "the US exit", "the US and Japanese governments": still a modifier
                or _MODIFIER_AFTER_THE.match(after)
            )
            and _SPACE_LATIN.match(after)
            and not L.HAS_AFTER_EN.match(self.text, r.end)
        ):
            pm.adjective = True  # "US troops", "UK officials"
        p = r.place
        # "لكل من واشنطن" (each of), "مع واشنطن": من/مع do not make a capital a location
        strong = pm.locative and not (
            prev and strip_clitics(prev[-1]) in ("من", "مع") and clitic not in "ب"
        )
        if self.table_rows and self.table_row_at(r.start) is not None:
            # a table cell has no verb: a capital in a "Main site" column is the site, not
            # its government
            pm.locative = True
            return pm
        if p.kind == "city" and p.subkind == "capital" and not strong:
            # "Ankara barred …", "تقول أنقرة", "Seoul's defense ministry": a capital that is
            # not introduced as a location stands for its government
            pm.metonym = True
        return pm

    def _coordinated_locatives(self) -> None:
        """ "in Iraq and Jordan", "في العراق والأردن": a place coordinated with a locative one
        is a location too (not an acting country)."""
        for prev, pm in pairwise(self.marks):
            if (
                prev.destination
                and not pm.destination
                and not pm.dateline
                and pm.r.place.kind == prev.r.place.kind
                and (
                    _coordinated(self.text, prev.end, pm.start)
                    or _LIST_GAP.fullmatch(self.text, prev.end, pm.start)
                )
            ):
                pm.destination = True  # "sending to Kuwait, Jordan and Qatar": all three
            if (
                prev.locative
                and not pm.locative
                and not pm.dateline
                and pm.r.place.kind == prev.r.place.kind
                and _coordinated(self.text, prev.end, pm.start)
            ):
                pm.locative = True

    def _move_origins(self) -> None:
        """ "انسحاب قوات التحالف من بغداد", "leave Baghdad": a capital a move starts from is
        the city, not its government (a capital after من is a metonym otherwise)."""
        moves = self.move_marks
        if not moves:
            return
        starts = [v.end for v in moves]
        for pm in self.marks:
            if not pm.metonym or pm.dateline:
                continue
            i = bisect_right(starts, pm.start) - 1
            if i < 0:
                continue
            gap = self.text[moves[i].end : pm.start]
            if len(gap) > 50 or _ORIGIN_GAP_STOP.search(gap):
                continue
            m = _ORIGIN_GAP.search(gap)
            if m is None:
                continue
            if not m.group(1):
                # "leave Kabul" with no "from": only when forces are what leaves ("its last
                # evacuation flight will leave Kabul" is about a plane)
                head = self.text[max(0, moves[i].start - 100) : moves[i].start]
                head = re.split(r"[.!?؟\n]", head)[-1]
                if not _FORCE_NOUN.search(head + gap):
                    continue
            pm.metonym = False
            pm.locative = True

    def _metonym_pairs(self) -> None:
        """ "واشنطن وطهران", "Washington and Baghdad": capitals paired with a metonym."""
        changed = True
        while changed:
            changed = False
            for i, pm in enumerate(self.marks):
                p = pm.r.place
                if pm.metonym or pm.locative or p.kind != "city" or p.subkind != "capital":
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j < len(self.marks) and self.marks[j].metonym:
                        o = self.marks[j]
                        gap = self.text[min(pm.end, o.end) : max(pm.start, o.start)]
                        if re.fullmatch(r"\s*(?:و|and|&|,|،)?\s*", gap):
                            pm.metonym = True
                            changed = True

    def _focus_country(self, dateline: tuple[int, int] | None) -> str | None:
        counts: dict[str, float] = {}
        acting: dict[str, int] = {}
        for a in self.actors:
            acting[a.value] = acting.get(a.value, 0) + 1
        top_actor = max(acting.items(), key=lambda kv: kv[1])[0] if acting else None
        for pm in self.marks:
            c = pm.r.place.country
            if not c or pm.metonym:
                continue
            w = 1.0 if pm.r.place.kind == "country" else 1.5
            if pm.locative:
                w += 0.5
            if dateline and dateline[0] <= pm.start < dateline[1]:
                if c == top_actor:
                    # "WASHINGTON, Oct 26 - … US troops have arrived in the Middle East": a
                    # story filed in the troops' own country is about somewhere else
                    continue
                w += 2
            counts[c] = counts.get(c, 0) + w
        # countries that only act (the US in "US troops") are not where things happen
        for a in self.actors:
            if a.value in counts and a.extra.get("demonym"):
                counts[a.value] -= 0.5
        if not counts:
            return None
        code, weight = max(counts.items(), key=lambda kv: kv[1])
        # a single passing mention is too weak to hang unplaced claims on
        return code if weight >= 2 else None

    # ------------------------------------------------------------------ actors
    def _find_actors(self) -> list[Mark]:
        a, b = self.body
        out: list[Mark] = []
        en_cs, en_ci = L.actor_dispatch()
        na, nb = max(0, self.norm_index(a) - 1), min(len(self.norm), self.norm_index(b) + 1)
        toks = self._norm_tokens()
        for ns, ne, code in L.actor_lexicon().find(self.norm, na, nb, toks) if toks else ():
            s, e = self.plain_span(ns, ne)
            out.append(Mark(s, e, "actor", code, {"demonym": True}))
        for en_rx in (en_cs, en_ci) if self.has_latin else ():
            for m in en_rx.finditer(self.text, a, b):
                out.append(Mark(m.start(), m.end(), "actor", m.lastgroup, {"demonym": True}))
        # country places that are not locative act as actors ("the United States has …"),
        # unless they host ("Kuwait hosts …", "تستضيف تركيا …")
        for pm in self.marks:
            p = pm.r.place
            if p.kind == "country" and not pm.locative and p.country and self._hosts(pm):
                pm.locative = True
                pm.extra_host = True
                continue
            if (
                p.kind == "country"
                and not pm.locative
                and not pm.destination
                and p.country
                and p.country not in actors_registry.DEPENDENT_TERRITORIES
            ):
                out.append(Mark(pm.start, pm.end, "actor", p.country, {"place": True}))
            elif pm.metonym and p.country:
                out.append(Mark(pm.start, pm.end, "actor", p.country, {"metonym": True}))
        # "Saudi" in "to Kuwait, Saudi Arabia and Qatar" is part of its country's name: the
        # place mark decides whether it acts
        spans: dict[str, list[tuple[int, int]]] = {}
        for pm in self.marks:
            if pm.r.place.kind == "country" and pm.r.place.country:
                spans.setdefault(pm.r.place.country, []).append((pm.start, pm.end))
        if spans:
            out = [
                m
                for m in out
                if m.value not in spans
                or not m.extra.get("demonym")
                or not any(
                    a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                    for a, b in spans[m.value]
                )
            ]
        out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        dedup: list[Mark] = []
        for m in out:
            if dedup and m.start < dedup[-1].end:
                if m.value == dedup[-1].value:
                    dedup[-1].extra.update(m.extra)
                continue
            if L.LED_BY.search(self.text[max(0, m.start - 30) : m.start]):
                continue  # "التحالف بقيادة الولايات المتحدة": the leader, not the subject
            if m.extra.get("demonym") and (
                (self.has_latin and _BORDER_AFTER.match(self.text, m.end))
                or _BORDER_BEFORE.search(self.text, max(0, m.start - 20), m.start)
            ):
                continue  # "near the Jordanian border", "الحدود الأردنية": a place, no actor
            dedup.append(m)
        return dedup

    def _drop_demonym_towns(self) -> None:
        """ "العاصمة الهندية نيودلهي": an adjective of nationality (الهندية, Indian) that is
        also a town's name (Al-Hindiyah in Iraq) is the adjective, unless introduced as a
        place ("في الهندية")."""
        demonyms = sorted((m.start, m.end) for m in self.actors if m.extra.get("demonym"))
        if not demonyms:
            return
        starts = [a for a, _ in demonyms]
        ends = list(accumulate((b for _, b in demonyms), max))  # the furthest end so far

        def in_demonym(pm: PlaceMark) -> bool:
            # a bisect, not a scan: a long report has thousands of both
            k = bisect_right(starts, pm.start) - 1
            return k >= 0 and ends[k] >= pm.end

        def introduced(pm: PlaceMark) -> bool:
            prev = self.tokens_before(pm.start, 1)
            return bool(prev) and strip_clitics(prev[-1]) in _TOWN_INTRO

        self.marks = [
            pm
            for pm in self.marks
            if pm.r.place.kind != "city" or pm.dateline or not in_demonym(pm) or introduced(pm)
        ]

    def norm_tokens(self, start: int, end: int) -> L.NormTokens:
        """The tokens of ``norm[start:end]`` (the body's split when it is that span)."""
        toks = self._norm_tokens()
        if toks is not None and (toks.start, toks.end) == (start, end):
            return toks
        return L.NormTokens(self.norm, start, end)

    def _norm_tokens(self) -> L.NormTokens | None:
        """The body's normalised tokens, split once for all lexicons (Arabic bodies only)."""
        if not self.has_arabic:
            return None
        if self._toks is None:
            a, b = self.body
            na, nb = max(0, self.norm_index(a) - 1), min(len(self.norm), self.norm_index(b) + 1)
            self._toks = L.NormTokens(self.norm, na, nb)
        return self._toks

    def _find_verbs(self, ar: dict[str, list[str]], en: dict[str, str], kind: str) -> list[Mark]:
        """Every verb anchor in the body, once (sentences pick theirs by offset)."""
        a, b = self.body
        out: list[Mark] = []
        lex, _ = _combined(kind, ar, en)
        en_re = _verb_dispatch(kind, en)
        na, nb = max(0, self.norm_index(a) - 1), min(len(self.norm), self.norm_index(b) + 1)
        toks = self._norm_tokens()
        for ns, ne, group in lex.find(self.norm, na, nb, toks) if toks else ():
            s, e = self.plain_span(ns, ne)
            if a <= s < b:
                out.append(Mark(s, e, kind, group))
        for m in en_re.finditer(self.text, a, b) if self.has_latin else ():
            out.append(Mark(m.start(), m.end(), kind, m.lastgroup))
        out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return out

    def _hosts(self, pm: PlaceMark) -> bool:
        if self.has_latin and L.HOST_EN.match(self.text, pm.end):
            return True
        before = " " + " ".join(self.tokens_before(pm.start, 1)) + " "
        return bool(_HOST_AR_RX.search(before))

    def _dominant_actor(self) -> str | None:
        counts: dict[str, int] = {}
        for m in self.actors:
            if m.value == self.focus:
                continue
            counts[m.value] = counts.get(m.value, 0) + 1
        return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None

    # ------------------------------------------------------------------ per sentence
    def analyse(self) -> Claims:
        claims = Claims()
        #: the last force level found (a bare number in a later sentence may continue it)
        self.last_level: dict | None = None
        #: the last deadline of a movement ("by the same date" refers to it)
        self.last_deadline: FuzzyDate | None = None
        #: … and of each action ("سيُخلى هو الآخر قبل الموعد نفسه": the last withdrawal's)
        self.last_deadlines: dict[str, FuzzyDate] = {}
        a, b = self.body
        anchor: dt.date | None = None
        prev_movement: Movement | None = None
        words = self.words
        spans = split_sentences(self.text, a, b)
        for (s, e), cands in zip(spans, date_candidates(self.text, spans, words), strict=True):
            dates = resolve_dates(self.text, cands, published=self.published, anchor=anchor)
            dl = self.dateline_extent
            if dl and s < dl[1]:
                # "BAGHDAD, Sept 3 (Reuters) -": the filing date is no claim's date
                dates = [d for d in dates if not dl[0] <= d.start < dl[1]]
            for d in dates:
                if not d.relative:
                    anchor = d.date.value
            if _QUESTION_END.search(self.text, s, e):
                continue  # "Will you pull out of al-Tanf?": a question claims nothing
            sent = Sentence(self, s, e, dates)
            fls = sent.force_levels()
            claims.force_levels.extend(fls)
            if fls:
                self.last_level = fls[-1]
            mv, evs = sent.movements(prev_movement)
            claims.movements.extend(mv)
            claims.events.extend(evs)
            if mv:
                prev_movement = mv[-1]
                for m in mv:
                    if m.by is not None:
                        self.last_deadline = self.last_deadlines[m.action] = m.by
        for fl in claims.force_levels:
            fl["place_id"] = self.operated_base(fl["actor"], fl["place_id"], fl["quote"])
        # here a quote is still the sentence's (start, end); extract_article makes it a Span
        for m in claims.movements:
            q: tuple[int, int] = m.quote  # type: ignore[assignment]
            m.place_id = self.operated_base(m.actor, m.place_id, q)
            m.to_place_id = self.operated_base(m.actor, m.to_place_id, q)
        for ev in claims.events:
            q = ev.quote  # type: ignore[assignment]
            ev.place_id = self.operated_base(ev.actor, ev.place_id, q)
        claims.movements = _dedupe_movements(claims.movements)
        return claims

    def operated_base(
        self, actor: str | None, place_id: str | None, quote: tuple[int, int]
    ) -> str | None:
        """The actor's own base at a town the sentence calls a base ("will remain at bases
        in Hasakah, including Shaddadi", "handed over its bases at al-Qaim"), when the town
        has exactly one base of that actor within 15 km.  Cities (Baghdad, Erbil), places
        with several such bases and towns named without a base word stay as named."""
        if actor is None or place_id is None or not self._base_word_before(place_id, quote):
            return place_id
        key = (actor, place_id)
        hit = self._bases.get(key)
        if hit is not None:
            return hit
        out = place_id
        p = self.gaz.get(place_id) if place_id in self.gaz else None
        if (
            p is not None
            and p.kind == "city"
            and p.subkind != "capital"
            and (p.population or 0) < 100_000
        ):
            known = actors_registry.is_actor(actor)
            groups = {
                actor,
                *actors_registry.groups_of(actor),
                *(actors_registry.members(actor) if known else ()),
            }
            own = [
                q
                for q, km in self.gaz.nearest(p.lon, p.lat, kind="installation", limit=4)
                if km <= 15 and groups & set(q.operators)
            ]
            if len(own) > 1:
                # "قاعدتي الشدادي ورميلان": of several, the one named after the town
                named = [q for q in own if p.name.casefold() in q.name.casefold()]
                own = named if len(named) == 1 else own
            if len(own) == 1:
                out = own[0].id
        self._bases[key] = out
        return out


def _lam_clitic(surface: str, name_ar: str | None) -> bool:
    """ "للعراق", "لأفغانستان": the name carries the preposition ل ("to", "for")."""
    if not surface.startswith("ل") or not name_ar:
        return False
    return surface.startswith("لل") or not name_ar.startswith("ل")


def _dedupe_movements(mvs: list[Movement]) -> list[Movement]:
    dated = {(m.actor, m.place_id, m.action) for m in mvs if m.by is not None}
    mvs = [m for m in mvs if m.by is not None or (m.actor, m.place_id, m.action) not in dated]
    seen: dict[tuple, Movement] = {}
    out = []
    for m in mvs:
        key = (m.actor, m.place_id, m.action, m.to_place_id, m.by, m.scope)
        if key in seen:
            continue
        seen[key] = m
        out.append(m)
    return out


_LIST_CUE = rx(
    r"\s*[،,:]?\s*(?:منها|من\s+بينها|ومنها|بينها|من\s+بينهم|منهم|"
    r"including|among\s+them|such\s+as|notably|from|namely|led\s+by|من)\b",
    re.I,
)
# Between the items of an actor list: "Germany, France and Italy", "ألمانيا وفرنسا وإيطاليا",
# "the UK (about 500), France …".
_LIST_GAP = rx(
    r"\s*(?:\([^()]{0,30}\))?\s*(?:[,،:]|\band\b|&|و)?\s*(?:and\s+|و)?"
    r"(?:the\s+|ال)?(?:(?:troops|forces|soldiers|personnel|قوات|جنود)\s+(?:from|of|من)\s+)?",
    re.I,
)
_CONJ_BEFORE = rx(
    r"(?:and|plus|as\s+well\s+as|besides|with\s+(?:another|a\s+further)|"
    r"alongside|while|إضافة\s+إلى|اضافة\s+الى|إضافة\s+الى|بالإضافة\s+إلى|"
    r"بالاضافة\s+الى|فضلا\s+عن|فضلاً\s+عن|مقابل|و|"
    # a part of the count before: "40,000 in the region, including 13,000 in Qatar"
    r"including|among\s+them|of\s+whom|of\s+them|بينهم|منهم|من\s+بينهم|[وف]?منهم)"
    r"(?:\s+(?:some|about|around|roughly|nearly|almost|over|نحو|قرابة|حوالي))?\s*$",
    re.I,
)
_EN_NOUN = rx(
    r"\s*(?:(?:of\s+(?:the\s+)?|more\s+|additional\s+|extra\s+|other\s+|foreign\s+|"
    r"(?:U\.S\.|US|American|[A-Z][a-z]+(?:-led|-[A-Z][a-z]+)?|coalition|NATO|allied|combat|ground|"
    r"military|special)\s+|(?:its|their)\s+)){0,3}"
    r"(troops?|soldiers?|personnel|service\s*-?\s*members?|servicemembers?|servicemen|"
    r"service\s+personnel|[Mm]arines?|sailors|airmen|advis[eo]rs?|trainers|special\s+forces|"
    r"special\s+operations\s+forces|commandos|boots\s+on\s+the\s+ground|forces)\b"
)
_NOUN_AR = rx(L.TROOP_AR)
_STRONG_NOUN = rx(
    r"\s*-?\s*(?:strong|member|man|soldier|troop)\s+(?:(?:[A-Z][a-z]+|US|U\.S\.|multinational|"
    r"NATO|coalition|foreign|military|international|peacekeeping|combat|rotational)\s+){0,3}"
    r"(force|contingent|garrison|deployment|mission|battlegroup|battle\s+group|brigade|"
    r"battalion|presence|task\s+force)\b",
    re.I,
)
_MORE_AFTER = rx(
    r"\s+(?:more|additional|extra|further)\b|\s+(?:جندي|جنديا|عسكري|عسكريا|عنصر)?\s*"
    r"(?:إضافي|اضافي|إضافيين|اضافيين|آخرين|اخرين)",
    re.I,
)
#: "of those roughly 3,000 are U.S. military", "150 of them are U.S. military personnel"
_PRED_NOUN_EN = rx(
    r"\s+(?:of\s+(?:them|those|these)\s+)?(?:are|were)\s+(?:U\.S\.|US|American|British|French|"
    r"German|Italian|Turkish|Russian|[A-Z][a-z]+)\s+(military(?:\s+personnel)?|troops|soldiers|"
    r"personnel|service\s+members|marines|sailors|airmen)\b"
)
#: the number is the total of an earlier troop noun: "bringing the number of troops
#: supporting the mission to about 1,000", "ليرتفع عدد الجنود الأمريكيين في الأردن إلى نحو 3800"
# Before a number that is a total: "bringing the number of troops … to about 1,000",
# "يبلغ عدد الجنود … نحو 2000".  An English and an Arabic half (each runs only where its
# script is); _total_of_before takes the leftmost, as one alternation would.
_TOTAL_TAIL = (
    r"\s*(?:about|around|roughly|nearly|some|almost|approximately|more\s+than|over|"
    r"نحو|حوالي|قرابة|أكثر\s+من|اكثر\s+من|ما\s+يقارب)?\s*$"
)
_TOTAL_OF_BEFORE_EN = rx(
    "(?:"
    r"\b(?:bring(?:s|ing)?|brought|rais(?:es|ing|ed)|push(?:es|ing|ed)|tak(?:es|ing)|took)\s+"
    r"(?:the\s+)?(?:number|total|tally|count|strength)\s+of\s+(?:(?:U\.S\.|US|American|"
    r"[A-Z][a-z]+|foreign|coalition|NATO)\s+)?(?P<noun>troops|soldiers|forces|personnel|"
    r"service\s+members|marines)\b[^.;!?]{0,100}?\bto\s+|"
    # "The number of US troops in Iraq is about 2,500", "US troop numbers in Syria have
    # risen to about 2,000", "يبلغ عدد الجنود الأتراك في العراق نحو 2000"
    r"\b(?:(?:the\s+)?(?:number|total|tally|count|strength)\s+of\s+(?:(?:U\.S\.|US|American|"
    r"[A-Z][a-z]+|foreign|coalition|NATO)\s+)?(?P<noun2>troops|soldiers|forces|personnel|"
    r"service\s+members|marines)|(?P<noun3>troop)\s+(?:numbers|levels?|strength)|"
    # "Germany's contingent in Lithuania, once 1,100 strong, has shrunk to 300"
    r"(?<=['’]s\s)(?P<noun5>contingent|garrison|deployment|battalion|battlegroup|brigade)|"
    r"\b(?:the|its|their)\s+(?:[A-Z][a-z]+\s+)?(?P<noun6>contingent|garrison))\b"
    r"[^.;!?]{0,80}?\b(?:is|was|are|were|stands?\s+at|stood\s+at|totals?|totall?ed|"
    r"reached|(?:(?:has|have|had)\s+)?(?:fallen|dropped|risen|grown|climbed|declined|"
    r"shrunk|increased|decreased|been\s+(?:cut|reduced|raised))(?:\s+\w+ly)?,?\s+to|(?:fell|"
    r"dropped|rose|grew|climbed|declined|shrank|increased|decreased)(?:\s+\w+ly)?,?\s+to)\s+|"
    # "US forces in Iraq number around 2,500"
    r"\b(?P<noun4>troops|soldiers|forces|personnel|service\s+members|marines)\b"
    r"[^.;!?\d]{0,60}?\bnumber(?:s|ed|ing)?\s+"
    ")" + _TOTAL_TAIL,
    re.I,
)
_TOTAL_OF_BEFORE_AR = rx(
    "(?:"
    r"(?:[لو]?(?:ي|ت)رتفع|[لو]?(?:ي|ت)صل|ارتفع|وصل)\s+(?:بذلك\s+)?عدد\s+(?P<noun_ar>(?:ال)?"
    r"(?:جنود|عسكريين|عناصر|قوات))(?:\s+[^\s.،,؛]+){0,5}?\s+(?:إلى|الى)|"
    r"(?:[وف]?(?:ي|ت)بلغ|[وف]?بلغ|[وف]?(?:ي|ت)قدر|[وف]?يُقدَّر|[وف]?يقدّر)\s+عدد\s+"
    r"(?P<noun_ar2>(?:ال)?(?:جنود|عسكريين|عناصر|قوات))(?:\s+[^\s.،,؛]+){0,6}?\s+(?:ب)?"
    ")" + _TOTAL_TAIL,
    re.I,
)
# what may stand between a table label's colon and its number: an approximation mark
_APPROX_CELL = rx(r"\s*(?:c\.|ca\.|~|≈|about|approx\.|نحو|حوالي|قرابة)?\s*", re.I)
_MULTINATIONAL = rx(
    r"\s*(?:from|of|من|representing|(?:ي|ت)مثلون|يمثل|تمثل)\s+(?:\S+\s+){0,2}?"
    r"(?:countries|nations|دوله|دولة|دول|بلدا|بلدان)\b"
    r"(?!\s+(?:(?:the\s+)?(?:coalition|NATO|alliance)|ال(?:تحالف|ناتو|حلف)))",
    re.I,
)
#: between a move verb and a capital it starts from: "من" / "from", or nothing ("leave X")
_ORIGIN_GAP = rx(r"(?:^|\s)([وف]?من|from|out\s+of)\s*$|^\s*(?:the\s+)?$", re.I)
_FORCE_NOUN = rx(
    r"\b(?:troops|forces|soldiers|personnel|contingents?|marines|units)\b|قوات|جنود|عسكري", re.I
)
#: … unless a clause or a speaker comes between ("…, قال مسؤول من بغداد")
_ORIGIN_GAP_STOP = rx(
    r"[,،.;:؛!?؟\n«»\"]|\b(?:said|says|told|officials?|spokes\w+)\b|(?:^|\s)[وف]?(?:قال|اعلن|أعلن|مسؤول)",
    re.I,
)
_NOT_STAY_AFTER = rx(
    r"\s+(?:ال)?(?:مصير|سؤال|وضع|أمر|امر|غموض|خلاف|قرار|مستقبل)|"
    r"\s+(?:(?:the|an?)\s+)?(?:fate|future|question|issue|matter)\b",
    re.I,
)
#: between two places of one move: ", ", " and ", "، و", and a repeated "in" / "في"
#: ("at Ain al-Asad, in Baghdad and in Erbil", "في بغداد وفي أربيل")
_PLACE_LIST_GAP = rx(
    r"\s*(?:,|،)?\s*(?:و|and\s|&)?\s*(?:(?:in|at)\s+|في\s+|ب(?=\S))?(?:the\s+)?", re.I
)
#: "leaving a small liaison cell", "leave behind": what stays, not a departure
_LEAVE_BEHIND_AFTER = rx(
    r"\s+(?:(?:[\w,-]+\s+){0,4}?behind\b|(?:only\s+)?an?\s+(?:small|residual|limited|skeleton|token|handful|few|"
    r"reduced|minimal)\b)",
    re.I,
)
_RELATIVE_EN = rx(r",\s*(?:which|who)\b[^,;.]{0,100},", re.I)
#: "…, ثم معسكرها في أبشي", ", then Abéché", "and later at Y": a further place of one move
_THEN_GAP = rx(
    r"[^.;؛]{0,40}?(?:[,،]\s*)?(?:\bthen\b|\band\s+then\b|\blater\b|ثم|وبعدها|وبعد\s+ذلك)"
    r"\s+(?:\S+\s+){0,2}?(?:(?:in|at|from)\s+|في\s+|من\s+)?(?:the\s+)?",
    re.I,
)
#: between a place and a number in the relative clause that hangs on it (", where about")
_WHERE_GAP = rx(
    r"[\"”’»)]?\s*[,،]\s*(?:where|حيث)\b[^,.;،؛\d٠-٩]{0,40}",
    re.I,
)
_BORDER_WITH = rx(r"(?i)(?:borders?|frontiers?|الحدود|حدود)\s+(?:with\s+|مع\s+)?$")
_SITE_KINDS = frozenset({"city", "installation"})
#: a base's locator: "… air base in Anbar", "قاعدة … في الأنبار", "… near Agadez" (no "and")
_LOCATOR_GAP = rx(
    r"\s*,?\s*(?:(?:in|at|near|outside|north\s+of|south\s+of|east\s+of|west\s+of)\s+|"
    r"(?:في|قرب|بالقرب\s+من|شمال|جنوب|شرق|غرب|غربي|شرقي|شمالي|جنوبي)\s+|ب(?=\S))(?:the\s+)?",
    re.I,
)
_LIST_GAP = rx(r"\s*[,،]\s*(?:the\s+)?")
_COORD_GAP = rx(r"\s*[,،]?\s*(?:and\s+|&\s*|و)\s*(?:the\s+)?")


# A troop noun with "from" before a country: the country contributes the troops.
_TROOPS_FROM = rx(
    r"(?:\b(?:troops|soldiers|forces|personnel|service\s*members|marines|contingents?|units)"
    r"\s+from\s+(?:the\s+)?|(?<!\w)(?:جندي|جنود|عسكري|عسكريا|عسكريين|عنصر|عناصر|قوات|قوة)"
    r"\s+من\s+)$",
    re.I,
)
_COMMA = rx(r"\s*[,،]\s*")
# a relative clause ("الاتفاقية التي كُشف عنها عام 2020،"): its date is not the main verb's
_REL_PRONOUN = rx(r"(?<!\w)(?:التي|الذي|الذين|اللتين|اللذين)(?!\w)|\b(?:which|who|that)\b", re.I)
# what may come before a date that opens a sentence ("In January 2020, …", "وفي عام 2011،")
_FRONTED = rx(
    r"\s*(?:[\"'«(]\s*)?(?:(?:In|On|By|Back\s+in|Then,?\s+in)\s+|[وف]?(?:في|بحلول)\s+)?(?:(?:عام|العام|سنة)\s+)?",
    re.I,
)
# "…, and in Syria (about) 900" / "، وفي سوريا نحو 900": a conjunction, then the place
_CONJ_LOC_BEFORE = rx(
    r"\s*[,،]?\s*(?:(?:and|while|whereas|with)\s+(?:in|at)\s+(?:the\s+)?|[وف]\s*(?:في|ب)\s*|"
    r"(?:و|ف)?في\s+)",
    re.I,
)
_QUAL_ONLY = rx(
    r"\s*[,،]?\s*(?:(?:about|around|some|roughly|nearly|almost|approximately|over|more\s+than|"
    r"fewer\s+than|نحو|حوالي|قرابة|أكثر\s+من|اكثر\s+من|أقل\s+من|اقل\s+من)\s*)?",
    re.I,
)
_AR_FUTURE_VERB = rx(r"[وف]?س[يتن]")
_EN_FUTURE_BEFORE = rx(
    r"\b(?:will(?:\s+be)?|are\s+to(?:\s+be)?|is\s+to(?:\s+be)?|set\s+to|to\s+be|due\s+to)\s+$",
    re.I,
)
# a bare number that is a part of the last count: "2,500 of them are in Iraq"
_OF_THEM_AFTER = rx(r"\s+of\s+(?:them|those|these)\b", re.I)
#: … fronted: "; of these, about 1,000 are at …", "ومن بين هؤلاء نحو 1000"
_OF_THEM_BEFORE = rx(
    r"(?:\b(?:of|among)\s+(?:them|those|these)|(?<!\S)(?:منهم|ومنهم|من\s+بينهم|ومن\s+بين\s+هؤلاء|"
    r"من\s+هؤلاء))\s*[,،]?\s*(?:about|around|some|roughly|nearly|almost|approximately|more\s+than|"
    r"over|fewer\s+than|under|نحو|حوالي|قرابة)?\s*$",
    re.I,
)
#: a forces noun phrase right before "in <country>": "US troop levels in", "French forces in"
_FORCES_IN_BEFORE = rx(
    r"(?:\b(?:troops?|troop\s+(?:levels?|numbers|presence)|forces|soldiers|personnel|"
    r"contingent|garrison|presence|deployment|mission)\s+(?:stationed\s+|based\s+|deployed\s+)?"
    r"in|(?<!\S)(?:ال)?(?:قوات|جنود|عناصر|وجود|القوات|الجنود|عدد\s+\S+)(?:\s+\S+){0,2}\s+"
    r"(?:في|ب))\s*$",
    re.I,
)
#: present-tense "keeps / maintains" (normalised text): with a count and no deadline, a state
_STATE_KEEP = rx(
    r"(?i)keeps?|maintains?|retains?|ha(?:s|ve)\s+kept|[وف]?(?:تحتفظ|يحتفظ|تحافظ|يحافظ)"
)
#: … but "will keep", "should keep", "to keep" are decisions or plans to stay
_MODAL_BEFORE = rx(
    r"(?i)\b(?:will|would|should|shall|could|may|might|must|to|wants?|plans?|agreed|"
    r"decided|intends?)\s+(?:\w+\s+)?$"
)
#: Arabic leave verbs that take the place left as a direct object (normalised text)
_TRANSITIVE_LEAVE_AR = rx(r"[وف]?(?:س)?(?:[تين])?(?:غادر|خلي|اخلي|اخلت)(?:ت|وا|ون|ن)?")
#: … and a forces subject between such a verb and its object: "القوات الفرنسية", "جنود فرنسا"
_FORCES_SUBJECT_AR = rx(
    r"\s*(?:اخر|اخر\s+)?(?:ال)?(?:قوات|جنود|عناصر|وحدات|القوات|الجنود|العسكريون|العسكريين)"
    r"(?:\s+(?!من\b|في\b|الي\b|عن\b)[^\s،,.؛]+){0,3}\s*"
)
_TO_NUMBER_AFTER = rx(
    r"(?:\s+(?:back|down|in\s+half|by\s+half))?\s*,?\s+to\s+(?:about\s+|around\s+|some\s+|"
    r"roughly\s+|fewer\s+than\s+|under\s+|just\s+)?[0-9]",
    re.I,
)
_THERE_AFTER = rx(r"\s*(?:(?:stationed|based|deployed)\s+)?(?:there|هناك)\b", re.I)
#: "now", "currently", "حاليا" just before a count: it is today's, whatever date came before
_NOW_BEFORE = rx(
    r"(?:\b(?:now|currently|today|still)\s+(?:has|have|hosts?|keeps?|maintains?|number|numbers)?"
    r"\s*(?:about|around|some|roughly|nearly|more\s+than|over|fewer\s+than|under)?|"
    r"(?<!\S)(?:حاليا|حالياً|اليوم|الآن|الان|حتى\s+الآن)\s+(?:\S+\s+){0,2}?"
    r"(?:نحو|حوالي|قرابة|أكثر\s+من|أقل\s+من)?)\s*$",
    re.I,
)
#: troops held ready at home, not deployed anywhere yet
_STANDBY_AFTER = rx(
    r"\b(?:on\s+(?:prepare-to-deploy|standby|stand-by|alert|high\s+alert|heightened\s+alert|"
    r"(?:\w+[- ])?(?:hour|day)s?[- ]notice|notice\s+to\s+(?:move|deploy))|"
    r"(?:placed|put)\s+on\s+(?:standby|alert|notice)|ready\s+to\s+deploy|prepare\s+to\s+deploy)\b|"
    r"(?<!\S)(?:في\s+)?(?:حال[ةه]\s+)?(?:تأهب|تاهب|جاهزي[ةه]|استعداد|الاستعداد)\b",
    re.I,
)
#: between a number and a move verb: a passive that makes the number the move's size
#: ("300 troops were moved to …", "will be withdrawn"; not "are deployed in", a state)
_PASSIVE_MOVED = rx(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been|are\s+being|is\s+being|will\s+be|"
    r"would\s+be|are\s+to\s+be|is\s+to\s+be|to\s+be)\s+(?:\w+\s+)?$",
    re.I,
)
#: "…, down from 5,200 in 2021", "مقارنة بـ5200 عام 2021": the same force's earlier level
_PAST_FROM_BEFORE = rx(
    r"(?:\b(?:down|up)\s+from|\bcompared\s+(?:with|to)|\bfrom\s+a\s+peak\s+of|"
    r"(?<!\S)(?:انخفاضا|انخفاضاً|ارتفاعا|ارتفاعاً|نزولا|نزولاً|صعودا|صعوداً)\s+من|"
    r"(?<!\S)(?:مقارنة|مقارنةً|قياسا|قياساً)\s+(?:بـ?|مع\s+)|(?<!\S)بعد\s+(?:أن|ان)\s+(?:كان|كانت|كانوا)"
    r"(?:\s+(?:عددهم|عددها|عدده|عدد\s+\S+))?)"
    r"\s*(?:about|around|roughly|nearly|some|almost|approximately|more\s+than|over|"
    r"نحو|حوالي|قرابة|أكثر\s+من|اكثر\s+من|ما\s+يقارب)?\s*$",
    re.I,
)
#: from a number to the move verb it is the subject of: its noun, an appositive, an auxiliary
_SUBJECT_OF_MOVE = rx(
    r"\s*(?:[A-Za-z.-]+\s+){0,3}?(?:troops|soldiers|personnel|service\s+members|[Mm]arines|"
    r"forces)\s*(?:,[^,;.]{1,70},\s*)?(?:(?:have|has|had|were|was|are|is)\s+)?"
    r"(?:(?:begun|began|started|already|just|recently|also)\s+){0,2}$"
)
_OF_THE_BEFORE = rx(r"\bof\s+(?:the|all)\s+(?:some\s+|about\s+|roughly\s+)?$", re.I)
_THE_FORCE_BEFORE = rx(
    r"\b(?:the|its|their)\s+(?:remaining\s+|last\s+|entire\s+|current\s+)?(?:about\s+|some\s+|"
    r"roughly\s+|estimated\s+)?$",
    re.I,
)
#: a count right before a present "remain(s)": "Fewer than 200 US personnel remain"
_COUNT_REMAINS = rx(
    r"[0-9٠-٩]\s*(?:[A-Za-z.-]+\s+){0,3}?(?:troops|soldiers|personnel|service\s+members|"
    r"marines|forces|advisers|advisors|trainers)\s+(?:still\s+)?$",
    re.I,
)
#: "to Niger's army": the country's forces receive something; the country is no destination
_RECIPIENT_AFTER = rx(
    r"['’]s\s+(?:own\s+)?(?:army|military|armed\s+forces|forces|troops|government|authorities)\b",
    re.I,
)
_HANDOVER = rx(r"(?i)hand(?:s|ed|ing)?\b|handover|[وف]?(?:سلم|تسليم|يسلم|تسلم)")
_WHEN_CLAUSE = rx(
    r"\s*(?:When|As|By\s+the\s+time|At\s+the\s+time|Before|After|Until|عندما|حين|وعندما|وحين|"
    r"قبل\s+أن|بعد\s+أن)\b",
)
_APPOS_TO_VERB = rx(
    r"\s*,\s*[^,;.]{1,40},\s*(?:will|would|is|are|was|were|has|have|had|shall|must|should)?\s*"
    r"(?:\w+\s+)?",
)
_TEMPORAL_CLAUSE = rx(
    r"\b(?:until|till|when|once|after|before)\s+the\b|(?<!\S)(?:حتى|حين|عندما)\s", re.I
)
_HOME_AFTER = rx(r"\s+home\b", re.I)
_FIGURE_REF = rx(
    r"\b(?:that|this|the)\s+(?:figure|number|total|count)\b|(?:هذا|ذلك)\s+(?:الرقم|العدد)", re.I
)
#: between that earlier level's number and its date: "in", "at the end of", "عام", "في"
_PAST_DATE_GAP = rx(
    r"\s*(?:(?:troops|soldiers|personnel|جندي|عسكري|عنصر)\s*)?,?\s*"
    r"(?:(?:in|at\s+the\s+(?:start|end|beginning|height)\s+of|as\s+of|during)\s+|"
    r"(?:في|خلال|مطلع|نهاية|أواخر)\s+|(?:عام|العام|سنة)\s+)?(?:عام\s+)?"
)
# a troop noun directly followed by a region that is no gazetteer place
_REGION_AFTER_EN = rx(
    r"\s*(?:(?:stationed|deployed|based)\s+)?(?:in|across|throughout|around)\s+the\s+"
    r"(?:wider\s+|broader\s+)?(?:Middle\s+East|region|Gulf(?:\s+region)?|Mideast)\b",
    re.I,
)
_REGION_AFTER_AR = rx(
    r"\s*(?:\S+\s+){0,2}?(?:في|ب|عبر)\s*(?:منطقة\s+|أنحاء\s+|انحاء\s+)?"
    r"(?:الشرق\s+الأوسط|الشرق\s+الاوسط|المنطقة|منطقة\s+الخليج|الخليج(?!\s+العربي\s+في))"
)
# between a country and a place of it that it owns: "Libya's al-Khadim base"
_POSSESSIVE_GAP = rx(r"['’]s\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
# "withdraw its troops from Niger", "the withdrawal of all 1,000 US troops from", "سحب
# قواتها من": a verb of leaving before "troops from X" makes X the place left
_WITHDRAW_TROOPS = rx(
    r"(?:\b(?:withdraw(?:s|n|ing|al)?|withdrew|pull(?:s|ed|ing)?|remov(?:e|es|ed|ing|al)|"
    r"evacuat(?:e|es|ed|ing|ion)|repatriat(?:e|es|ed|ing|ion)|exit|departure|drawdown)\b"
    r"[^.;:!?؛،\n]{0,60}"
    r"\b(?:troops|soldiers|forces|personnel|service\s*members|marines|contingents?|units)"
    r"\s+from\s+(?:the\s+)?"
    r"|(?<!\w)(?:[وف]?(?:سحب|يسحب|تسحب|سحبت|انسحاب|إخراج|اخراج|إجلاء|اجلاء|ترحيل))"
    r"(?:\s+\S+){0,4}\s+(?:جندي|جنود|عسكري|عسكريا|عسكريين|عنصر|عناصر|قوات|قواتها|قواته|قوة)"
    r"\S*\s+من\s+)$",
    re.I,
)
# The place a number of troops came from, not where they are: "3,500 soldiers from Fort Bliss",
# "troops from a brigade based at Fort Bliss", "جندي من قاعدة فورت براغ".
_ORIGIN = rx(
    r"(?:\bfrom(?:\s+the)?|(?<!\w)من|(?<!\w)القادمين\s+من)\s*$|"
    r"\bfrom\s+(?:\S+\s+){0,8}?(?:based|stationed|headquartered|garrisoned)\s+(?:at|in)\s*$",
    re.I,
)


def _coordinated(text: str, a_end: int, b_start: int) -> bool:
    """ "Iraq and Jordan", "روما ومدريد" (و may be inside the second name's span)."""
    gap = text[a_end:b_start]
    return bool(_COORD_GAP.fullmatch(gap)) or (
        gap.isspace() and text.startswith("و", b_start) and len(gap) <= 2
    )


_EXTEND_BEFORE = rx(
    r"(?:\b(?:extension|extend(?:s|ed|ing)?|prolong\w*|renew(?:s|ed|ing|al)?)\s+(?:\S+\s+){0,4}|"
    r"(?:تمديد|[وف]?مدد\S*|[وف]?[يت]مدد\S*|تجديد)\s+(?:\S+\s+){0,3})$",
    re.I,
)
_NEGATED_BEFORE = rx(
    r"(?:\b(?:not|never|no\s+longer|won't|wouldn't|isn't|aren't|don't|doesn't|didn't|"
    r"no\s+plans?\s+to|no\s+intention\s+(?:of|to))\s+(?:(?:be|been|going|to|yet)\s+){0,3}|"
    r"(?:^|\s|«)[وف]?(?:لن|لا|لم|ما\s+راح|ماراح|مو|مش|ليس)\s+(?:(?:يتم|تتم|يكون|تكون)\s+)?)$",
    re.I,
)
_NOT_A_BEFORE = rx(r"(?i)\bnot\s+(?:an?|the)\s+$")
_QUESTION_END = rx(r"[?؟][\s\"'»”’)]*$")
#: a denial governs the verb after it: "denied a report that it would send", "نفت أن"
_DENIED_BEFORE = rx(
    r"(?:\b(?:denied|denies|deny|denying|dismissed|rejected|refuted)\s+(?:(?:a|the|any|media|"
    r"press|news|newspaper|\w+)\s+){0,2}?(?:reports?|claims?|speculation|suggestions?|"
    r"rumou?rs?)?\s*(?:that|of)\s+"
    # (?<!\S), not (?:^|\s): the search starts at the sentence, and "^" is the text's start
    r"[^.;:!?]{0,45}|(?<!\S)[وف]?(?:نفت|نفى|تنفي|ينفي|نفي)\s+(?:\S+\s+){0,3}?(?:أن|ان|وجود)\s+"
    r"[^.؛:!?]{0,40})$",
    re.I,
)
# "نفى مسؤول … ما تداولته حسابات … عن خطط لتقليص القوة", "نفت أنقرة في وقت سابق نيتها نقل":
# a denied report or intention further back than the short form above reaches
_DENIED_AR_LONG = rx(
    r"(?<!\S)[وف]?(?:نفت|نفى|تنفي|ينفي|نفي)\s+(?:\S+\s+){0,6}?(?:ما|عن|خطط|خطة|نية|نيتها|نيته|"
    r"نيتهم|أنباء|انباء|تقارير)\s+[^.؛:!?]{0,70}$"
)
_PAREN_YEAR = rx(r"\(\s*(?:19|20)\d\d\s*\)")
_LIST_GAP = rx(r"\s*[,،]?\s*(?:و|and\s+|&\s*)?\s*(?:the\s+)?")
_RESPECTIVELY_AR = rx(r"على\s+التوالي")
_RESPECTIVELY_EN = rx(r"\brespectively\b", re.I)
_NUM_CONJ = rx(r"\s*(?:[,،]\s*)?(?:و|and\s+|&\s*)?\s*")
_WITH_NUMBER = rx(
    r"\s*[,،]?\s*(?:with\s+(?:about|around|some|roughly|nearly|over|more\s+than|up\s+to)?|"
    r"ب(?:نحو|حوالي|قرابه|قرابة|اكثر|أكثر|ما|اقل|أقل)?)?\s*(?:من|يقارب|يزيد\s+عن|عن)?\s*",
    re.I,
)
_ANAPHOR = rx(
    r"(?:القاعدة|القاعده|الحامية|الحاميه|المعسكر|المنشأة|المنشاة|فيها|بها|هناك|"
    r"(?P<air_ar>(?:[وفب]|بال|وبال|فال)?(?:ال)?مطار(?!ات))|(?P<port_ar>(?:[وفب])?(?:ال)?(?:ميناء|مرفأ))|"
    r"\b(?:the\s+(?:base|garrison|camp|facility|site|outpost|(?P<air_en>airfield|airport|air\s*base)|"
    r"(?P<port_en>port|harbou?r|naval\s+(?:base|station)))|it|there|where|which)\b)",
    re.I,
)
#: the installations "the airport" / "المطار" and "the port" / "الميناء" can refer to
_ANAPHOR_SUBKINDS = {"air": ("air_base", "airport", "airfield"), "port": ("naval_base", "port")}
_BORDER_AFTER = rx(
    r"(?:-|\s+)(?:border|frontier|side\s+of\s+the\s+border|territory|territorial|airspace|"
    r"coast|waters|desert)\b",
    re.I,
)
_BORDER_BEFORE = rx(r"(?:الحدود|الحدودي|الحدودية|الحدوديه|الاراضي|الأراضي|الأجواء|الاجواء)\s+$")
_WITH_CLAUSE = rx(r"(?i)\bwith\b[^.;:]{0,35}$|(?<!\S)على\s+ان\s+$")
# Before a number that is a capacity, a ceiling or a per-unit size, not a force level.
_NOT_PRESENT_BEFORE = rx(
    r"(?:\beach\s+(?:with|of|carrying|comprising|numbering)|\bcapacity\s+(?:of|for)|"
    r"\broom\s+for|\bcan\s+(?:house|hold|accommodate|host|take)|"
    # "enough equipment for a 15,000-strong brigade", "kit for 5,000 troops"
    r"\b(?:equipment|gear|kit|supplies|vehicles|stocks?)\s+(?:\w+\s+){0,2}?for\s+(?:an?\s+)?|"
    r"\benough\s+(?:\w+\s+){0,3}?for\s+(?:an?\s+)?|"
    r"\bdesigned\s+(?:for|to\s+(?:house|hold|accommodate))|\b(?:able|built)\s+to\s+"
    r"(?:house|hold|accommodate)|\bauthori[sz](?:es|ed|ing|e)\s+(?:the\s+)?(?:deployment\s+of\s+|"
    r"(?:them\s+)?to\s+deploy\s+)?(?:up\s+to\s+)?|\bmandate\s+(?:of|for)\s+(?:up\s+to\s+)?|"
    r"\b(?:cap(?:ped)?|ceiling|limit)\s+(?:of|at)|"
    r"(?:كل|كلا)\s+منه(?:ا|م|ما)|(?:[تي]تسع|[تي]ستوعب)\S*(?:\s+\S+){0,2}?\s+(?:لـ?)?|"
    r"قادر[ةه]?\s+على\s+استيعاب|"
    r"طاقت?ه?ا?\s+(?:الاستيعابية\s+)?(?:ل|الى|إلى)?|سقف|(?:يسمح|تسمح|يجيز|يتيح)\S*"
    r"\s+[^.;:،]{0,40}?(?:ما\s+)?(?:يصل|يصلون)\s+(?:الى|إلى))"
    r"\s*(?:about|around|some|roughly|nearly|more\s+than|over|نحو|حوالي|قرابة|أكثر\s+من|"
    r"لـ|ل)?\s*$",
    re.I,
)
# "bases … including Shaddadi", "its bases at al-Qaim", "قواعدها في …": the town is named
# for the base there
_BASE_WORD = rx(r"\b(?:bases|base|garrisons?|outposts?)\b|(?:قاعد[ةه]|قواعد|قاعدت)", re.I)
# A deadline named by reference to the one just given.
_SAME_DEADLINE = rx(
    r"(?:الموعد|الوقت|التاريخ|الأجل|الاجل|المهل[ةه]|الموعد\s+المحدد)\s+(?:نفسه|ذاته|نفسها|ذاتها)|"
    r"(?:نفس|ذات)\s+(?:الموعد|التاريخ|المهل[ةه])|\b(?:by|before|until)\s+the\s+same\s+"
    r"(?:deadline|date|time)|\bby\s+then\b|\bon\s+the\s+same\s+(?:timeline|schedule)",
    re.I,
)
# A verb of having before a bare number that continues an earlier count of troops.
_HAVING_BEFORE = rx(
    r"(?:\b(?:has|have|had|hosts?|hosted|holds?|held|keeps?|kept|maintains?|maintained|"
    r"numbers?|numbered|totals?|totall?ed)|\bfigure\s+(?:is|was|stands\s+at|stood\s+at)|"
    r"\b(?:stands?|stood)\s+at|\b(?:fallen|fell|dropped|risen|rose|grown|grew|climbed|"
    r"shrunk|shrank|down|up)\s+to|(?:تستضيف|يستضيف|تضم|يضم|يبلغ|تبلغ|بلغ|يناهز|لديها|لديه|"
    r"انخفض\S*\s+(?:الى|إلى)|ارتفع\S*\s+(?:الى|إلى)))"
    r"\s*(?:some|about|around|roughly|approximately|nearly|almost|an\s+estimated|"
    r"estimated|نحو|حوالي|قرابة|ما\s+يقارب)?\s*$",
    re.I,
)
# What may follow such a bare number: punctuation or a place, never a noun of its own.
_BARE_AFTER = rx(
    r"\s*(?:[,.;:)،؛]|$|\b(?:at|in|mostly|mainly|largely|there|stationed|based|deployed|"
    r"since)\b|(?:في|ب|معظمهم|غالبيتهم|منهم)(?!\w))",
    re.I,
)
# "the country" as a locative: the focus country ("في المملكة", "in the kingdom")
_COUNTRY_NOUN = rx(
    r"(?:\s*[,،]?\s*)(?:(?<!\w)(?:في|ب)\s*(?:ال)?(?:مملك[ةه]|بلاد|إمار[ةه]|امار[ةه]|دول[ةه]|"
    r"جمهوري[ةه]|سلطن[ةه])(?!\w)|\b(?:in|inside)\s+the\s+(?:kingdom|country|emirate|"
    r"republic|sultanate)\b)",
    re.I,
)
_LEAVE_IDIOM_AFTER = rx(
    r"\s+(?:it|that|this)\s+(?:at\s+that|there|to\b|up\s+to)|\s+(?:(?:the|a)\s+)?(?:door|option|"
    r"possibility|question|decision|matter)s?\s+(?:\w+\s+)?open\b|\s+(?:the\s+)?(?:decision|"
    r"question|matter)\s+(?:to|with|for)\b|\s+(?:no|little)\s+(?:doubt|room)\b",
    re.I,
)
_COUNTRY_SAID_IT = rx(
    r"\b(?:has|have|had)?\s*(?:said|says|announced|confirmed|indicated)\s+(?:that\s+)?it\s+"
    r"(?:will|would|is\s+to|was\s+to|plans\s+to|intends\s+to)\s+(?:also\s+)?$",
    re.I,
)
_THAT_FORCE_SUBJECT = rx(
    r"\b(?:that|this|the)\s+(?:contingent|force|garrison|deployment|presence)\s+(?:is|are|was|"
    r"will|would|could|should|has|have|had)\b[^.;,]{0,25}$",
    re.I,
)
#: a destination the gazetteer cannot name: not the article's country by default
_UNNAMED_FRONT_AFTER = rx(
    r"(?:\s+\S+){0,4}?\s+(?:to|into|towards?|along|on)\s+the\s+(?:\w+\s+){0,2}?(?:border|frontier|"
    r"front|frontline|front\s+line)s?\b|(?:\s+\S+){0,4}?\s+(?:إلى|الى|على)\s+(?:ال)?(?:حدود|جبه[ةه])",
    re.I,
)
_VIA_BEFORE = rx(
    r"(?:\b(?:via|through)|(?<!\S)[وف]?عبر|(?<!\S)[وف]?من\s+خلال)\s+(?:the\s+)?(?:(?:ال)?(?:قاعد[ةه]|"
    r"مطار|ميناء|أراضي|اراضي|الأراضي|الاراضي|معبر)\s+|(?:base|airport|port|territory\s+of)\s+)?$",
    re.I,
)
# after a move verb, its object "the country": the article's country
_THE_COUNTRY_AFTER = rx(
    r"(?:\s+[^\s.,;:!?،؛]+){0,5}?\s+(?:(?:[وف]?(?:من|في|خارج|داخل|إلى|الى))\s+)?ال(?:بلاد|بلد|"
    r"مملك[ةه]|إمار[ةه]|امار[ةه]|جمهوري[ةه]|سلطن[ةه]|أرخبيل|ارخبيل)(?![\w])|"
    r"(?:\s+[^\s.,;:!?]+){0,5}?\s+(?:(?:from|out\s+of|in|into|inside|within|to)\s+)?"
    r"the\s+(?:country|kingdom|emirate|republic|sultanate|archipelago)\b",
    re.I,
)
_EACH_AFTER = rx(r"\s*(?:each|apiece|لكل\s+منه|لكل\s+واحد)", re.I)
_AR_PRESENT_DEPLOY = rx(r"[وف]?[تي]نشر")
_AR_FUTURE_BEFORE = rx(r"(?:سوف|سـ|ستقوم\s+ب|سيتم|يعتزم|تعتزم|تعتزمان|تخطط|يخطط)\s*$")
_ARABIC_LETTER = rx(r"[\u0621-\u064a]")
# what introduces a town by name (normalised): "في الهندية", "مدينة الهندية", "قضاء الهندية"
_TOWN_INTRO = {"في", "من", "الي", "قرب", "مدينه", "بلده", "قضاء", "ناحيه", "بلدات", "مدن"}
_DEST_WORDS = {"الي", "نحو", "باتجاه", "صوب", "اتجاه", "لي"}
_PLACE_WORDS = {
    "قاعده",
    "قاعدتي",
    "معسكر",
    "مدينه",
    "بلده",
    "محافظه",
    "مطار",
    "منطقه",
    "اقليم",
    "قريه",
    "حاميه",
}


# compiled once (a module-level re.search(str) pays re's cache lookup on every call)
_HOST_AR_RX = re.compile(L.HOST_AR)
_CASUALTY_AR_RX = re.compile(L.CASUALTY_AR)
_FIRST_PHASE = re.compile(
    r"(?:المرحلة\s+الأولى|المرحلة\s+الاولى|\b(?:first|initial)\s+(?:phase|stage))"
)
_MONTH_BEFORE = re.compile(
    r"(?:قبل\s+شهر(?:\s+واحد)?\s+من|\b(?:one|a)\s+month\s+(?:before|ahead\s+of))"
)
_IN_AT_END = re.compile(r"(?:\bin|\bat|في|ب)\s*$")


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


_NORM_RX: dict[str, re.Pattern] = {}
#: single-token lexicon patterns: the pattern's token regex and its verdict per token
_TOKEN_VERDICTS: dict[str, tuple[re.Pattern, dict[str, bool]] | None] = {}
# compiled patterns by id: hashing a re.Pattern hashes its whole compiled code
_TOKEN_VERDICTS_RX: dict[int, tuple[re.Pattern, tuple[re.Pattern, dict[str, bool]] | None]] = {}
_VERDICTS_MAX = 200_000


def token_matches(
    norm: str,
    toks: L.NormTokens,
    whole: re.Pattern,
    verdicts: dict[str, bool],
    na: int,
    nb: int,
    first: bool = False,
) -> list[tuple[int, int]]:
    """What ``(?<= )X(?= )`` finds in ``norm[na:nb]`` (``whole`` is ``X``, from
    :func:`fastre.single_token`), from the tokens ``toks`` (which must cover the span) and a
    verdict per distinct token, kept in ``verdicts``.  ``first`` stops at the first match."""
    starts, tokens = toks.starts, toks.tokens
    out: list[tuple[int, int]] = []
    i = bisect_left(starts, na)
    n = len(starts)
    while i < n:
        s = starts[i]
        t = tokens[i]
        e = s + len(t)
        if e >= nb:  # the pattern's "(?= )" needs the space after the token in the span
            break
        v = verdicts.get(t)
        if v is None:
            v = whole.fullmatch(t) is not None
            if len(verdicts) < _VERDICTS_MAX:
                verdicts[t] = v
        # the first token of the split may be the tail of a word cut by the span
        if v and (s > toks.start or (s > 0 and norm[s - 1] == " ")):
            out.append((s, e))
            if first:
                break
        i += 1
    return out


def _token_verdicts(pattern: str | re.Pattern) -> tuple[re.Pattern, dict[str, bool]] | None:
    tp: tuple[re.Pattern, dict[str, bool]] | None
    if isinstance(pattern, str):
        if pattern in _TOKEN_VERDICTS:
            return _TOKEN_VERDICTS[pattern]
        whole = single_token(pattern)
        tp = (whole, {}) if whole is not None else None
        if len(_TOKEN_VERDICTS) < 4096:
            _TOKEN_VERDICTS[pattern] = tp
        return tp
    hit = _TOKEN_VERDICTS_RX.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    # a compiled one: its source, unless flags other than the default apply
    whole = single_token(pattern.pattern) if pattern.flags == re.UNICODE else None
    tp = (whole, {}) if whole is not None else None
    if len(_TOKEN_VERDICTS_RX) < 4096:
        _TOKEN_VERDICTS_RX[id(pattern)] = (pattern, tp)
    return tp


def _norm_rx(pattern: str) -> re.Pattern:
    """A compiled lexicon pattern; a plain dict lookup, cheaper than ``re``'s own cache
    for the few hundred calls per article (the lexicon is a fixed set of strings)."""
    fast = _NORM_RX.get(pattern)
    if fast is None:
        fast = rx(pattern)
        if len(_NORM_RX) < 4096:
            _NORM_RX[pattern] = fast
    return fast


_COMBINED: dict[str, tuple[L.TokenLexicon, re.Pattern]] = {}


def _combined(
    kind: str, ar: dict[str, list[str]], en: dict[str, str]
) -> tuple[L.TokenLexicon, re.Pattern]:
    """One lexicon per language, a named group per action: one pass over the text."""
    if kind not in _COMBINED:
        en_alt = L.hoist_boundary(
            {act: [p] for act, p in en.items()},
            lambda parts: "|".join(f"(?P<{act}>{ps[0]})" for act, ps in parts.items()),
        )
        _COMBINED[kind] = (L.TokenLexicon(ar), re.compile(en_alt, re.I))
    return _COMBINED[kind]


_DISPATCH: dict[str, Dispatch] = {}


def _verb_dispatch(kind: str, en: dict[str, str]) -> Dispatch:
    """The English verb regex of :func:`_combined` as a first-character dispatch."""
    if kind not in _DISPATCH:
        _DISPATCH[kind] = Dispatch(*L.hoisted({act: [p] for act, p in en.items()}), re.I)
    return _DISPATCH[kind]


_TOPIC_AR = {
    "اعلان",
    "مفاوضات",
    "محادثات",
    "خطه",
    "اتفاق",
    "موعد",
    "تاجيل",
    "ملف",
    "قرار",
    "مساله",
    "قضيه",
    "جدول",
    "صفقه",
}
_TOPIC_EN = rx(
    r"\b(?:talks|negotiations|announcement|debate|question|issue|timetable)"
    r"\s+(?:on|about|over|of|for)?\s*(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_FORCES_AR = rx(L.TROOP_AR_FORCES)
#: a passive cut of something that is not a force: "the vice president's trip was scaled back"
_NOT_FORCE_SUBJECT_EN = rx(
    r"\b(?:trip|visit|tour|itinerary|schedule|programme|program|budget|funding|aid|talks|"
    r"ceremony|celebrations?|coverage|flights?)\s+(?:was|were|is|are|has\s+been|had\s+been|"
    r"will\s+be|would\s+be)\s+(?:\w+ly\s+)?$",
    re.I,
)


class Sentence:
    """One sentence with everything found in it."""

    def __init__(self, an: Analyzer, start: int, end: int, dates: list[DateMatch]) -> None:
        self.an = an
        self.start = start
        self.end = end
        self.dates = dates
        self.text = an.text
        self.places: list[PlaceMark] = [
            pm for pm in an.in_span("marks", start, end) if not pm.dateline
        ]
        self.actors: list[Mark] = an.in_span("actors", start, end)
        self.breaks = clause_breaks(self.text, start, end)
        date_spans = [(d.start, d.end) for d in dates]
        self.numbers = [
            n
            for n in find_numbers(self.text, start, end, words=an.words)
            if not any(n.start < de and ds < n.end for ds, de in date_spans) and not n.year_like
        ]
        self.quote = (start, end)
        #: any Latin letter here: English patterns cannot match without one
        self.latin = an.has_latin and _LATIN.search(self.text, start, end) is not None
        #: … and Arabic ones without an Arabic letter (near: some look a little past the end)
        self.arabic = (
            an.has_arabic
            and _ARABIC_ANY.search(self.text, max(0, start - 60), end + 60) is not None
        )
        self.table_row = an.table_row_at(start) if an.table_rows else None
        self.verbs = self._verbs("move_marks")
        self.event_verbs = self._verbs("event_marks")
        #: dates of earlier levels ("down from 5,200 in 2021"), found on first use
        self._past_dates: set[int] | None = None
        #: troop nouns by number: levels, move sizes and move actors all ask for them
        self._nouns: dict[tuple[int, int], tuple[int, int] | None] = {}

    # ------------------------------------------------------------------ helpers
    def _verbs(self, which: str) -> list[Mark]:
        out = [m for m in self.an.in_span(which, self.start, self.end) if m.end <= self.end]
        dedup: list[Mark] = []
        for m in out:
            if dedup and m.start < dedup[-1].end:
                continue
            # a verb inside a place name ("Camp Stay") or an actor name is not a verb
            if any(pm.start <= m.start < pm.end for pm in self.places):
                continue
            dedup.append(m)
        return dedup

    def _has(self, pattern: str | re.Pattern, a: int, b: int, *, arabic: bool = True) -> bool:
        if arabic:
            return self.arabic and self.an.has_norm(pattern, a, b)
        return (
            bool(_norm_rx(pattern).search(self.text, a, b))
            if isinstance(pattern, str)
            else bool(pattern.search(self.text, a, b))
        )

    def _total_of_before(self, a: int, b: int) -> re.Match | None:
        """The leftmost match of either half of the "total of" pattern in ``[a, b)``."""
        en = _TOTAL_OF_BEFORE_EN.search(self.text, a, b) if self.latin else None
        ar = _TOTAL_OF_BEFORE_AR.search(self.text, a, b) if self.arabic else None
        if en is None or ar is None:
            return en or ar
        return ar if ar.start() < en.start() else en

    def _troop_noun(self, n: NumberMatch) -> tuple[int, int] | None:
        """Span of the troop noun that follows a number, if any (or, for "bringing the
        number of troops … to about 1,000", the noun that the number is the total of)."""
        key = (n.start, n.end)
        if key not in self._nouns:
            self._nouns[key] = self._find_troop_noun(n)
        return self._nouns[key]

    def _find_troop_noun(self, n: NumberMatch) -> tuple[int, int] | None:
        after_end = min(self.end, n.end + 60)
        m = None
        if self.latin:
            m = _EN_NOUN.match(self.text, n.end, after_end) or _PRED_NOUN_EN.match(
                self.text, n.end, after_end
            )
            if m is None:
                # "its 2,000-strong force in Syria", "a 900-strong battlegroup"
                m = _STRONG_NOUN.match(self.text, n.end, after_end)
        if m:
            if m.group(1).lower() == "forces" and not re.search(
                r"(?i)\b(?:of|US|U\.S\.|American|coalition|foreign)\b", m.group(0)
            ):
                return None
            return m.start(1), m.end(1)
        total = self._total_of_before(max(self.start, n.start - 160), n.start)
        if total is not None:
            g = next(k for k, v in total.groupdict().items() if v)
            return total.start(g), total.end(g)
        toks = self.an.norm_between(n.end, after_end).split(None, 4)[:4]
        if not toks:
            return None
        # نحو 2500 جندي / مئات الجنود / جنديا أميركيا
        spans = self.an.find_norm(_NOUN_AR, n.end, after_end) if self.arabic else []
        forces = self.an.find_norm(_FORCES_AR, n.end, after_end) if self.arabic else []
        first = toks[0]
        second = toks[1] if len(toks) > 1 else ""
        if spans and _NOUN_AR.search(f" {first} "):
            return spans[0]
        if first in ("من", "of") and (spans or forces):
            cand = sorted(spans + forces)[0]
            if self.an.norm_index(cand[0]) - self.an.norm_index(n.end) < len(first) + 12:
                return cand
        if (
            spans
            and second
            and _NOUN_AR.search(f" {second} ")
            and first in ("اخرين", "اضافيين", "اضافي", "امريكي", "اميركي", "اضافيه", "اخري", "اخر")
        ):
            return spans[0]
        return None

    def _casualty(self, a: int, b: int) -> bool:
        lo = max(self.start, a - 30)
        hi = min(self.end, b + 30)
        if self.latin and L.CASUALTY_EN.search(self.text, lo, hi):
            return True
        # Arabic: the 3 tokens before the number and 3 after the noun
        toks = (
            " "
            + " ".join(self.an.norm_between(lo, a).rsplit(None, 3)[-3:])
            + " "
            + " ".join(self.an.norm_between(b, hi).split(None, 3)[:3])
            + " "
        )
        return bool(_CASUALTY_AR_RX.search(toks))

    def _place_after(self, pos: int, limit: int = 60) -> PlaceMark | None:
        for pm in self.places:
            if pos <= pm.start < pos + limit and not pm.metonym:
                between = self.text[pos : pm.start]
                if any(pos <= n.start < pm.start for n in self.numbers):
                    return None
                if L.SPREAD.search(between):
                    return None  # "…, most of them in Idlib"
                if self._is_origin(pm):
                    continue  # "from (a brigade based at) Fort Bliss": where they came from
                if pm.destination and any(pos <= v.start < pm.start for v in self.verbs):
                    return None  # "…، وصلت طلائعهم إلى أكادير": where a later move went
                if pm.locative or _IN_AT_END.search(between):
                    return self._most_specific(pm)
        return None

    def _conj_place_before(self, a: int, b: int) -> bool:
        """True when ``text[a:b]`` is a conjunction and a locative place ("and in Syria",
        "، وفي سوريا"), so the number at ``b`` is a count of that place."""
        for pm in reversed(self.places):
            if a <= pm.start and pm.end <= b and pm.locative and not pm.metonym:
                a = max(a, self._prev_place_end(pm, a))
                return bool(
                    _CONJ_LOC_BEFORE.fullmatch(self.text, a, pm.start)
                    and _QUAL_ONLY.fullmatch(self.text, pm.end, b)
                )
        return False

    def _prev_place_end(self, pm: PlaceMark, a: int) -> int:
        """End of the last place mention between ``a`` and ``pm`` ("in Iraq and in Syria")."""
        ends = [q.end for q in self.places if a <= q.start and q.end <= pm.start]
        return max(ends, default=a)

    def _region_total(self, noun_end: int) -> bool:
        """True when the troop noun is followed by a region the gazetteer has no place for
        ("in the Middle East", "في منطقة الشرق الأوسط", "across the region")."""
        tail = self.text[noun_end : min(self.end, noun_end + 40)]
        return bool(_REGION_AFTER_EN.match(tail) or _REGION_AFTER_AR.match(tail))

    def _coordinated_after(self, pm: PlaceMark) -> bool:
        """True when another place of the same kind is coordinated with ``pm`` ("in Iraq
        and Kuwait", "في العراق والكويت"), so a number before them is split between them."""
        for other in self.places:
            if other.start < pm.end:
                continue
            return (
                other.r.place.kind == pm.r.place.kind
                and other.pid != pm.pid
                and not other.metonym
                and _coordinated(self.text, pm.end, other.start)
            )
        return False

    def _is_origin(self, pm: PlaceMark) -> bool:
        """True for a place the troops came from ("from Fort Bliss", "from a brigade based
        at Fort Bliss"), which is not where a number of them is."""
        return bool(_ORIGIN.search(self.text, max(self.start, pm.start - 90), pm.start))

    def _most_specific(self, pm: PlaceMark) -> PlaceMark:
        """ "in Iraq's Anbar province" → Anbar; "في أربيل بإقليم كردستان" stays Erbil."""
        gaz = self.an.gaz
        for other in self.places:
            if other.start > pm.end and other.start - pm.end < 25 and not other.metonym:
                chain = {q.id for q in gaz.parent_chain(other.pid)}
                if pm.pid in chain and not self.text[pm.end : other.start].strip(" ،,'’s"):
                    return other
        return pm

    def _locative_before(self, pos: int) -> PlaceMark | None:
        for pm in reversed(self.places):
            if (
                pm.end <= pos
                and pm.locative
                and not pm.metonym
                and same_clause(self.breaks, pm.end, pos)
            ):
                return pm
        return None

    def _actor_near(
        self, a: int, b: int, exclude: frozenset[int] | set[int] = frozenset()
    ) -> list[Mark]:
        return [m for m in self.actors if a <= m.start < b and m.start not in exclude]

    def _past_date(self, n: NumberMatch) -> DateMatch | None:
        """The date of "down from 5,200 in 2021" when ``n`` is that earlier number."""
        if not _PAST_FROM_BEFORE.search(self.text, max(self.start, n.start - 40), n.start):
            return None
        gap = _PAST_DATE_GAP.match(self.text, n.end, min(self.end, n.end + 40))
        for d in self.dates:
            if d.start == gap.end() or (d.start > n.end and d.start <= gap.end() + 1):  # type: ignore[union-attr]
                # "in 2021", "in December" (the last one); not "a year ago"
                ok = not d.date.approximate and d.role in ("at", "since")
                return d if ok else None
        return None

    def _past_level(self, n: NumberMatch, prev: dict | None) -> dict | None:
        """ "about 2,500 troops in Iraq, down from 5,200 in 2021": the earlier level of the
        force just counted, dated by the year after it.  An undated or vaguely dated one
        ("down from 5,200 a year ago") is left out."""
        if prev is None or prev.get("region"):
            return None
        gap = n.start - prev["_end"]
        # "… some 10,000 US troops are based … That figure is up from about 4,500 in 2019"
        if gap > 60 and not (
            gap < 250 and _FIGURE_REF.search(self.text, max(self.start, n.start - 60), n.start)
        ):
            return None
        d = self._past_date(n)
        pub = self.an.published
        if d is None or (pub is not None and d.date.value >= pub):
            return None
        return {**prev, "quantity": n.quantity, "as_of": d.date, "_end": n.end, "quote": self.quote}

    def _as_of(self, n: NumberMatch) -> FuzzyDate | None:
        """A past date that governs the number ("In 2019, the US had 5,000 troops"), else
        the publication date."""
        pub = self.an.published
        if pub is not None and _NOW_BEFORE.search(
            self.text, max(self.start, n.start - 30), n.start
        ):
            return FuzzyDate(pub, "day")  # "since 2015 and now has about 3,000": today
        past = self._past_dates
        if past is None:
            past = self._past_dates = {
                id(pd) for m in self.numbers if (pd := self._past_date(m)) is not None
            }
        for d in self.dates:
            # a relative date that names a day or month ("in March", "on Tuesday") dates a
            # level as well as an absolute one; "two years ago" is too vague
            if d.role not in ("at", "since") or d.date.approximate or pub is None or id(d) in past:
                continue
            if d.date.value >= pub:
                continue
            lo, hi = min(d.end, n.start), max(d.start, n.end)
            verbs_between = [v for v in self.verbs + self.event_verbs if lo <= v.start < hi]
            near = (
                d.end <= n.start
                and (
                    same_clause(self.breaks, d.end, n.start)
                    or d.start - self.start < 25
                    # "When the junta revoked the accord in March, the US had about 1,100"
                    or (
                        _WHEN_CLAUSE.match(self.text, self.start)
                        and self._comma_then_clause(d.end, n.start)
                    )
                )
            ) or (
                d.start >= n.end
                and d.start - n.end < 60
                and same_clause(self.breaks, n.end, d.start)
            )
            if near and not verbs_between:
                return d.date
        return FuzzyDate(pub, "day") if pub else None

    # ------------------------------------------------------------------ force levels
    def force_levels(self) -> list[dict]:
        if not self.numbers:
            return []  # every level has a number (a vague one counts: "hundreds")
        out: list[dict] = []
        last: dict | None = None
        respectively = self._respectively()
        for n in self.numbers:
            noun = self._troop_noun(n)
            elliptical = False
            resp = respectively.get(n.start)
            label = self._table_label(n) if noun is None and resp is None else None
            if label is not None:
                tl = self._table_level(n, *label)
                if tl is not None:
                    out.extend(tl)
                continue
            carried: dict | None = None
            contributor: PlaceMark | None = None
            if noun is None and resp is None:
                past = self._past_level(n, last or self.an.last_level)
                if past is not None:
                    out.append(past)
                    continue
            if resp is not None:
                noun = resp[1]
            elif (
                noun is None
                and (
                    _OF_THEM_AFTER.match(self.text, n.end)
                    or _OF_THEM_BEFORE.search(self.text, max(self.start, n.start - 30), n.start)
                )
                and (
                    (prev := last or self.an.last_level) is not None
                    and n.start - prev["_end"] < 400
                    and self._place_after(n.end, 40) is not None
                )
            ):
                # "About 2,500 of them are in Iraq", "منهم 500 في أربيل": part of the last count
                noun = (n.end, n.end)
                elliptical = True
                carried = prev
            elif noun is None:
                with_actor = last is not None and self._actor_with(n) is not None
                # "…, and in Syria about 900", "، وفي سوريا نحو 900": the place first
                conj_place = last is not None and self._conj_place_before(last["_end"], n.start)
                if not (
                    last is not None
                    and (
                        with_actor
                        or conj_place
                        or _CONJ_BEFORE.search(self.text[last["_end"] : n.start])
                        # "… in Okinawa - roughly half of the 54,000 in Japan": the total
                        or _OF_THE_BEFORE.search(
                            self.text, max(last["_end"], n.start - 20), n.start
                        )
                    )
                    and (with_actor or conj_place or self._place_after(n.end, 30) is not None)
                ):
                    # "Jordan has about 3,000, mostly at Muwaffaq Salti" after a count
                    carried = self._carried_count(n, last)
                    if carried is None:
                        continue
                noun = (n.end, n.end)
                elliptical = True
            if self._casualty(n.start, noun[1]):
                continue
            if _MULTINATIONAL.match(self.text, noun[1], min(self.end, noun[1] + 40)):
                continue  # "10,000 troops from 50 countries": a multinational total
            if self._inside_movement(n) or self._is_change_target(n):
                continue
            if self._capacity_or_unit_size(n, noun[1]):
                continue
            if _STANDBY_AFTER.search(self.text, noun[1], min(self.end, noun[1] + 50)):
                continue  # "2,000 troops remained on prepare-to-deploy orders": not there
            after = self._place_after(noun[1], 30 if carried else 60)
            if after is not None and resp is None and self._coordinated_after(after):
                continue  # "نحو 1100 عسكري في العراق والكويت": one number for two places
            if carried is not None:
                # the bare number's own clause: "In Iraq the figure is about 2,500, and in
                # Syria …", "forces in Poland, which number about 10,000"
                if after is not None and not same_clause(self.breaks, n.end, after.start):
                    after = None
                place = after or self._locative_before(n.start)
                if place is None:
                    sc = self._subject_country(n)
                    if sc is not None and self._named_contributor(carried):
                        # "Spain … has about 600 troops in the brigade, and Sweden has roughly
                        # 550": a list of contributors; the country is the actor, the place
                        # is the last count's
                        contributor = sc
                    else:
                        place = sc  # "Jordan has about 3,000": the host
            else:
                ante = self._where_antecedent(n.start)
                if ante is not None and (
                    after is None
                    or ante.pid not in {q.id for q in self.an.gaz.parent_chain(after.pid)}
                ):
                    # "to Estonia, where about 1,000 British soldiers lead a battlegroup on
                    # Russia's doorstep": the place the relative clause hangs on
                    after = ante
                if after is not None and not same_clause(self.breaks, noun[1], after.start):
                    # "ويتواجد في العراق حاليا نحو 2500 جندي أمريكي، وفي سوريا نحو 900": the
                    # place of the number's own clause, not of the next one
                    before = self._locative_before(n.start)
                    if before is not None:
                        after = before
                place = after or self._locative_before(n.start)
                place = self._more_specific_nearby(n, place)
            actors = self._fl_actors(n, noun, place, (carried or last) if elliptical else None)
            if contributor is not None and carried is not None:
                actors = [contributor.r.place.country]  # type: ignore[list-item]
            if resp is not None:
                actors = [resp[0]]
            home = place is None and self.an.focus and self._in_the_country(n, noun[1])
            spread_country = None
            if place is None and not home and actors and self._region_total(noun[1]):
                # "40,000 troops in the Middle East, including some 13,000 in Qatar": the
                # region is no gazetteer place (and not Qatar); the count after it continues
                last = {"actor": actors[0], "_end": max(noun[1], n.end), "region": True}
                self.an.last_level = last  # "… in the region. About 2,500 of them are in Iraq"
                continue
            if place is None and not home:
                # "…, most of them at Mihail Kogalniceanu": where some of them are; the
                # number is the total of that place's country
                spread = [
                    pm
                    for pm in self.places
                    if pm.start >= noun[1] and not pm.metonym and self._spread_to(noun[1], pm)
                ]
                spread_country = spread[0].r.place.country if spread else None
                locs = [
                    pm
                    for pm in self.places
                    if pm.locative and not pm.metonym and not self._is_origin(pm)
                ]
                if len(locs) > 1:
                    # "at Camp Arifjan in southern Kuwait": the country only locates the camp
                    inner = [
                        pm
                        for pm in locs
                        if not any(
                            q is not pm
                            and pm.pid in {c.id for c in self.an.gaz.parent_chain(q.pid)}
                            for q in locs
                        )
                    ]
                    locs = inner
                if spread_country and f"country:{spread_country}" in self.an.gaz:
                    home = True
                elif len(locs) == 1:
                    place = locs[0]
            if place is None and not home and _THERE_AFTER.match(self.text, noun[1]):
                # "It now has about 3,000 soldiers there": the place last named as one
                prior = [
                    pm
                    for pm in self.an.in_span("marks", n.start - 400, n.start)
                    if (pm.locative or pm.destination) and not pm.metonym and not pm.dateline
                ]
                if prior:
                    place = prior[-1]
            if place is None and not home:
                tail = self.text[noun[1] : min(self.end, noun[1] + 60)]
                if L.ELSEWHERE_EN.search(tail) or L.ELSEWHERE_AR.search(tail):
                    continue  # "deployed across the Middle East": not a gazetteer place
                host = [pm for pm in self.places if pm.extra_host]
                if host:
                    place = host[0]
            place_id = (
                place.pid
                if place
                else carried["place_id"]
                if contributor is not None and carried is not None
                else f"country:{spread_country or self.an.focus}"
                if spread_country or self.an.focus
                else None
            )
            if place_id is None or not actors:
                continue
            q = resp[2] if resp is not None else n.quantity
            status = "present"
            if self._has(L.ADVISORY_AR, n.start, noun[1] + 30) or (
                self.latin and L.ADVISORY_EN.search(self.text, n.start, min(self.end, noun[1] + 30))
            ):
                status = "advisory"
            as_of = self._as_of(n)
            pub = self.an.published
            if (
                carried is not None
                and elliptical
                and carried.get("as_of") is not None
                and (as_of is None or (pub is not None and as_of.value == pub))
            ):
                as_of = carried["as_of"]  # a part ("Of those, roughly 800 …"): its whole's date
            for actor in actors:
                if place and place.r.place.kind == "country" and place.r.place.country == actor:
                    continue  # "Iraqi troops in Iraq" is not a foreign force level
                fl = {
                    "actor": actor,
                    "place_id": place_id,
                    "quantity": q,
                    "quote": self.quote,
                    "as_of": as_of,
                    "status": status,
                    "_end": max(noun[1], n.end),
                }
                out.append(fl)
                last = fl
        return out

    def _table_label(self, n: NumberMatch) -> tuple[int, int, int] | None:
        """ "French troops, Jan 2022: c. 1,000" in a table row: the column label gives the
        number its troop noun.  Returns (label start, label end, noun end) or None."""
        if self.table_row is None:
            return None
        lo = max([self.start, *(b + 1 for b in self.breaks if b < n.start and self.text[b] == ";")])
        colon = self.text.rfind(":", lo, n.start)
        if colon < 0 or (
            self.text[colon + 1 : n.start].strip(" ")
            and not _APPROX_CELL.fullmatch(self.text[colon + 1 : n.start])
        ):
            return None
        m = L.TROOP_EN.search(self.text, lo, colon)
        if m:
            return lo, colon, m.end()
        spans = self.an.find_norm(_NOUN_AR, lo, colon) or self.an.find_norm(_FORCES_AR, lo, colon)
        return (lo, colon, spans[0][1]) if spans else None

    def _table_level(self, n: NumberMatch, lo: int, hi: int, noun_end: int) -> list[dict] | None:
        """A force level from a table cell: the actor from its column label (or the article),
        the place from the row's first place (the row is about it), the date from the label
        ("Jan 2022") or else the publication date."""
        if self._casualty(lo, noun_end):
            return None
        places = [pm for pm in self.places if not pm.metonym]
        if not places:
            return None
        place = places[0]
        actors = [a.value for a in self._actor_near(lo, hi)] or (
            [self.an.dominant] if self.an.dominant else []
        )
        dates = [d for d in self.dates if lo <= d.start < hi and not d.relative]
        pub = self.an.published
        as_of = dates[0].date if dates else (FuzzyDate(pub, "day") if pub else None)
        return [
            {
                "actor": actor,
                "place_id": place.pid,
                "quantity": n.quantity,
                "quote": self.quote,
                "as_of": as_of,
                "status": "present",
                "_end": n.end,
            }
            for actor in dict.fromkeys(actors)
            if not (place.r.place.kind == "country" and place.r.place.country == actor)
        ]

    def _actor_with(self, n: NumberMatch) -> Mark | None:
        """ "إسبانيا بنحو 650", "France, with about 700": the actor the number belongs to."""
        for a in reversed(self.actors):
            if a.end <= n.start:
                gap = self.text[a.end : n.start]
                return a if len(gap) <= 30 and _WITH_NUMBER.fullmatch(gap) else None
        return None

    def _respectively(self) -> dict[int, tuple[str, tuple[int, int], Quantity]]:
        """ "إندونيسيا والهند بما يقارب 1200 و900 جندي على التوالي", "Italy and Spain have
        1,000 and 650 troops respectively": the i-th number belongs to the i-th actor."""
        m = (self.arabic and _RESPECTIVELY_AR.search(self.text, self.start, self.end)) or (
            self.latin and _RESPECTIVELY_EN.search(self.text, self.start, self.end)
        )
        if not m:
            return {}
        nums = [n for n in self.numbers if n.end <= m.start()]
        # the run of coordinated numbers that ends with a troop noun
        for k in range(len(nums) - 1, -1, -1):
            noun = self._troop_noun(nums[k])
            if noun is None:
                continue
            run = [nums[k]]
            j = k - 1
            while j >= 0 and _NUM_CONJ.fullmatch(self.text[nums[j].end : run[0].start]):
                run.insert(0, nums[j])
                j -= 1
            if len(run) < 2:
                return {}
            actors = [a for a in self.actors if a.end <= run[0].start]
            listed = [actors[-1]] if actors else []
            for a in reversed(actors[:-1]):
                if _NUM_CONJ.fullmatch(self.text[a.end : listed[0].start]):
                    listed.insert(0, a)
                else:
                    break
            if len(listed) != len(run):
                return {}
            first = run[0].quantity
            out = {}
            for a, n in zip(listed, run, strict=True):
                q = n.quantity
                if first.approximate and q.qualifier == "exact" and q.count is not None:
                    q = Quantity.about(q.count)  # "about 1,200 and 900": both approximate
                out[n.start] = (a.value, noun, q)
            return out
        return {}

    _SPECIFIC: ClassVar[dict[str, int]] = {
        "installation": 0,
        "city": 1,
        "admin1": 2,
        "region": 3,
        "country": 4,
    }

    def _more_specific_nearby(self, n: NumberMatch, place: PlaceMark | None) -> PlaceMark | None:
        """Prefer a base or city named in the same clause over the country it is in
        ("تستضيف قاعدة العديد نحو 10 آلاف جندي" is about Al Udeid, not Qatar)."""
        a, b = self._clause_of(n.start)
        cands = [
            pm
            for pm in self.places
            if a <= pm.start < b
            and not pm.metonym
            and pm.r.place.kind in ("installation", "city")
            and not self._is_origin(pm)
            # "يحلّ منهم بالمغرب 5 آلاف جندي، وصلت طلائعهم إلى أكادير": where some arrived,
            # not where the number is, once the sentence has said where that is
            and not (pm.destination and place is not None and place.start < n.start < pm.start)
        ]
        if not cands:
            # "Qatar's Al Udeid, home to …, holds about 10,000": the sentence's one base, named
            # before the number, is its subject
            before = [
                pm
                for pm in self.places
                if pm.start < n.start and not pm.metonym and pm.r.place.kind == "installation"
            ]
            if (
                len({pm.pid for pm in before}) == 1
                and not any(
                    pm.r.place.kind == "installation" and pm.start > n.start for pm in self.places
                )
                # "… at the Shama base, Spain 650 in Marjayoun, France 700": not past another
                and not any(
                    before[-1].end <= pm.start < n.start and pm.locative and not pm.metonym
                    for pm in self.places
                )
            ):
                cands = before[:1]
        if not cands and (place is None or place.r.place.kind == "country"):
            anaphor = self._anaphoric_base(n)
            if anaphor is not None and (
                place is None or place.r.place.country == anaphor.r.place.country
            ):
                return anaphor
        if place is not None:
            better = []
            for pm in cands:
                if self._SPECIFIC[pm.r.place.kind] >= self._SPECIFIC[place.r.place.kind]:
                    continue
                chain = {q.id for q in self.an.gaz.parent_chain(pm.pid)}
                if place.pid in chain:
                    better.append(pm)
            cands = better
        if not cands:
            return place
        cands.sort(key=lambda pm: (self._SPECIFIC[pm.r.place.kind], abs(pm.start - n.start)))
        if len({pm.pid for pm in cands if pm.r.place.kind == cands[0].r.place.kind}) > 1:
            return place  # two bases in one clause: do not guess
        return cands[0]

    def _relative_clause(self, a: int, b: int) -> bool:
        """ ", which hosts 200 troops, will stay": only a relative clause separates a and b."""
        return bool(
            re.fullmatch(
                r"\s*,\s*(?:which|where|that|who|التي|الذي)\b[^,،]*[,،]\s*\S*\s*",
                self.text[a:b],
                re.I,
            )
        )

    def _where_antecedent(self, pos: int) -> PlaceMark | None:
        """ "in Kuwait", where about 13,500 troops are based", "إلى إستونيا، حيث ينتشر نحو
        1000 جندي": the place just before a relative "where" that the number follows."""
        prior = [pm for pm in self.places if pm.end <= pos and not pm.metonym]
        # "إلى جيبوتي، حيث تحتفظ فرنسا بنحو 1500": the place before "where", past the
        # subject country inside the relative clause
        k = next(
            (
                i
                for i in range(len(prior) - 1, max(-1, len(prior) - 4), -1)
                if _WHERE_GAP.fullmatch(self.text, prior[i].end, pos)
            ),
            None,
        )
        if k is None:
            return None
        prior = prior[: k + 1]
        pm = prior[-1]
        if len(prior) > 1 and _COORD_GAP.fullmatch(self.text, prior[-2].end, pm.start):
            return None  # "near the borders with Jordan and Iraq, where …": not one place
        if _BORDER_WITH.search(self.text, max(self.start, pm.start - 25), pm.start):
            return None  # "near the border with Iraq, where": the site near it
        return pm

    def _anaphoric_base(self, n: NumberMatch) -> PlaceMark | None:
        """ "The base now hosts …", "تستضيف القاعدة …", "where a few hundred troops are
        stationed": the installation named just before (this or the previous sentence)."""
        a, b = self._clause_of(n.start)
        seg = self.text[max(self.start, a - 60) : b]
        found = list(_ANAPHOR.finditer(seg))
        if not found:
            return None
        prior = [
            pm
            for pm in self.an.in_span("marks", n.start - 699, n.start)
            if pm.r.place.kind == "installation" and not pm.metonym
        ]
        typed = [
            m
            for m in found
            if m.group("air_ar") or m.group("air_en") or m.group("port_ar") or m.group("port_en")
        ]
        if typed and len(typed) == len(found):
            # "at the airport", "في المطار نفسه": the last airport named, not any base
            m = typed[-1]
            kinds = _ANAPHOR_SUBKINDS["air" if m.group("air_ar") or m.group("air_en") else "port"]
            prior = [pm for pm in prior if pm.r.place.subkind in kinds]
        return prior[-1] if prior else None

    def _clause_of(self, pos: int) -> tuple[int, int]:
        a, b = self.start, self.end
        for x in self.breaks:
            if x < pos:
                a = x
            elif x >= pos:
                b = x
                break
        return a, b

    def _carried_count(self, n: NumberMatch, last: dict | None) -> dict | None:
        """The force level of an earlier sentence that a bare number continues, if any.

        Analysts list counts and drop the noun once it is clear: "Kuwait hosts roughly
        13,500 troops. … Jordan has about 3,000, mostly at Muwaffaq Salti. In Iraq the
        figure is about 2,500."  A bare number continues the last count when it comes soon
        after it, after a verb of having or hosting ("has", "hosts", "the figure is",
        "has fallen to", "تستضيف", "يبلغ"), and is not followed by a noun of its own.
        """
        prev = last or self.an.last_level
        if prev is None or n.start - prev["_end"] > 700:
            return None
        a = max(self._clause_of(n.start)[0], n.start - 45)
        if not _HAVING_BEFORE.search(self.text, a, n.start):
            return None
        if not _BARE_AFTER.match(self.text, n.end, min(self.end, n.end + 12)) and n.end < self.end:
            return None
        return prev

    def _named_contributor(self, prev: dict | None) -> bool:
        """Whether the count ``prev`` belongs to a country named as its subject ("Spain, the
        second-largest contributor, has about 600 troops in the brigade") somewhere other
        than where the troops are."""
        if prev is None or prev.get("region") or prev.get("place_id") is None:
            return False
        actor = prev["actor"]
        # the article's main force ("The US has … in Kuwait. Jordan has about 3,000") is
        # counted by host; the others by contributor
        if prev["place_id"] == f"country:{actor}" or actor == self.an.dominant:
            return False
        qa, _ = prev["quote"]
        return any(
            pm.r.place.kind == "country"
            and pm.r.place.country == actor
            and qa <= pm.start < prev["_end"]
            for pm in self.an.marks
        )

    def _subject_country(self, n: NumberMatch) -> PlaceMark | None:
        """The country that "has" a bare number ("Jordan has about 3,000"): the host."""
        a = self._clause_of(n.start)[0]
        for pm in reversed(self.places):
            if pm.end <= n.start and not pm.metonym and pm.r.place.kind == "country":
                return pm if pm.start >= a or pm.start - self.start < 3 else None
        return None

    def _spread_to(self, pos: int, pm: PlaceMark) -> bool:
        """ "…, most of them at Mihail Kogalniceanu": ``pm`` is where *some* of the troops
        counted before ``pos`` are (not "most of them from the LRRG, are based in Gao")."""
        m = L.SPREAD.search(self.text, pos, pm.start)
        return m is not None and not re.search(r"[,،;؛]", self.text[m.end() : pm.start])

    def _in_the_country(self, n: NumberMatch, noun_end: int) -> bool:
        """ "ويتمركز في المملكة نحو 9000", "about 9,000 troops in the kingdom": the country
        the article is about, named by a common noun."""
        a, b = self._clause_of(n.start)
        return bool(
            _COUNTRY_NOUN.search(self.text, max(a, n.start - 40), n.start)
            or _COUNTRY_NOUN.match(self.text, noun_end, min(b, noun_end + 30))
        )

    def _capacity_or_unit_size(self, n: NumberMatch, noun_end: int) -> bool:
        """A size that is not how many are there: a capacity ("room for 5,000 troops",
        "تتسع لـ 5000 جندي"), a ceiling ("authorises up to 500", "بنشر ما يصل إلى 500") or
        the size of each of several units ("each with more than 5,000 sailors")."""
        a = max(self._clause_of(n.start)[0], n.start - 60)
        if _NOT_PRESENT_BEFORE.search(self.text[a : n.start]):
            return True
        if not _EACH_AFTER.match(self.text, noun_end, min(self.end, noun_end + 12)):
            return False
        # "Italy, Poland and Denmark contribute a few hundred troops each": per country, not
        # the size of each unit ("three battalions of 800 troops each")
        named = {
            ac.value
            for ac in self.actors
            if self.start <= ac.start < n.start and not ac.extra.get("demonym")
        }
        return len(named) < 2

    def _is_change_target(self, n: NumberMatch) -> bool:
        """ "from about 500 to as many as 4,000": the second number is a target, not a level."""
        prev = [m for m in self.numbers if m.end <= n.start and n.start - m.end < 40]
        if not prev:
            return False
        gap = self.text[prev[-1].end : n.start]
        return bool(re.search(r"(?:\bto|إلى|الى)\s*(?:as\s+many\s+as|up\s+to)?\s*$", gap)) and bool(
            re.search(
                r"(?:\bfrom|من)\s*\S*\s*$",
                self.text[max(self.start, prev[-1].start - 20) : prev[-1].start],
            )
        )

    def _present_deployment(self, v: Mark, scope_end: int) -> bool:
        """True for Arabic present-tense "تنشر/ينشر" with no future marker and no deadline:
        it states how many troops are deployed, it does not announce a deployment."""
        if v.value != "arrive" or not _AR_PRESENT_DEPLOY.fullmatch(self.text, v.start, v.end):
            return False
        if _AR_FUTURE_BEFORE.search(self.text, max(self.start, v.start - 45), v.start):
            return False
        return not any(
            v.end <= d.start < scope_end and d.role in ("by", "until") for d in self.dates
        )

    def _inside_movement(self, n: NumberMatch) -> bool:
        # "The 900 US troops in Syria will come home", "the remaining 400 … will be cut to
        # 80": the whole force there; "The US has 900 troops in Syria who will leave": held
        # now — both are levels, whatever the verb after them (found once per number)
        whole = _THE_FORCE_BEFORE.search(self.text, max(self.start, n.start - 25), n.start)
        held = _HAVING_BEFORE.search(self.text, max(self.start, n.start - 40), n.start)
        for v in self.verbs:
            if (
                (
                    v.value in ("arrive", "increase")
                    or (
                        v.value in ("withdraw", "relocate", "reduce")
                        and not whole
                        and not held
                        and not (v.value == "reduce" and _TO_NUMBER_AFTER.match(self.text, v.end))
                    )
                )
                and 0 <= v.start - n.end < 45
                and same_clause(self.breaks, n.end, v.start)
                and (
                    _AR_FUTURE_VERB.match(self.text, v.start, v.end)
                    or _EN_FUTURE_BEFORE.search(self.text, max(n.end, v.start - 20), v.start)
                )
            ):
                return True  # "كتيبة من 250 جنديا ستنتشر في لاتفيا": a coming arrival's size
        if any(
            v.value in ("relocate", "withdraw")
            and 0 <= v.start - n.end < 90
            and not whole
            and _SUBJECT_OF_MOVE.fullmatch(self.text, n.end, v.start)
            for v in self.verbs
        ):
            # "about 100 Marines, most of them logistics specialists, has begun moving from
            # Okinawa to Guam": the number is the subject of the move, its size
            return True
        if any(
            v.value in ("arrive", "relocate", "withdraw", "reduce")
            and 0 <= v.start - n.end < 45
            and _PASSIVE_MOVED.search(self.text, n.end, v.start)
            and same_clause(self.breaks, n.end, v.start)
            # "the remaining 400 troops will be cut to about 80": 400 is the force now
            and not (v.value == "reduce" and _TO_NUMBER_AFTER.match(self.text, v.end))
            for v in self.verbs
        ):
            return True  # "Some 300 troops were moved from Ain al-Asad to Erbil": the move's size
        if _MORE_AFTER.match(self.text, n.end) and any(
            v.value in ("arrive", "increase")
            and 0 <= v.start - n.end < 60
            and same_clause(self.breaks, n.end, v.start)
            for v in self.verbs
        ):
            return True  # "Around 300 more U.S. service members arrived": the arrival's size
        strong = (
            self.latin
            and _STRONG_NOUN.match(self.text, n.end, min(self.end, n.end + 60)) is not None
        )
        for v in self.verbs:
            if v.start <= n.start < v.end:
                return True  # "pull roughly 1,000 troops out"
            if strong and v.value in ("withdraw", "reduce", "remain") and v.end <= n.start:
                continue  # "halve its 2,000-strong force": the size of the force there now
            nxt = [w.start for w in self.verbs if w.start >= v.end]
            if self._present_deployment(v, nxt[0] if nxt else self.end):
                continue  # "تنشر تركيا نحو 5 آلاف جندي": a level
            if re.fullmatch(
                r"(?i)leaving|leaves?\s+behind|[وف]?(?:ستبقي|سيبقي|تبقي|يبقي|بقاء|تحتفظ|يحتفظ|"
                r"احتفظت|احتفظ|ستحتفظ|سيحتفظ)|keeping|retaining|keeps|maintains|retains",
                self.text[v.start : v.end],
            ) or (
                # "Denmark's armed forces keep about 100 personnel" (not "will keep")
                re.fullmatch(r"(?i)keep|maintain|retain", self.text[v.start : v.end])
                and not _MODAL_BEFORE.search(self.text, max(self.start, v.start - 25), v.start)
            ):
                continue  # "leaving about 1,400 in the country" states what stays
            if (
                v.end <= n.start
                and n.start - v.end < 40
                and same_clause(self.breaks, v.end, n.start)
            ):
                # "withdraw 500 troops", "خروج مئات من قوات التحالف"
                return True
        return False

    def _fl_actors(
        self, n: NumberMatch, noun: tuple[int, int], place: PlaceMark | None, last: dict | None
    ) -> list[str]:
        place_start = place.start if place else -1
        # 1. a list after the noun phrase: "منها ألمانيا وفرنسا", "including Germany"
        m = _LIST_CUE.match(self.text, noun[1], min(self.end, noun[1] + 30))
        if m:
            # the list runs from the cue through actors joined by commas / "and" only, so
            # "from a brigade … arrived in northern Kuwait" lists nobody
            listed: list[str] = []
            pos = m.end()
            for a in self._actor_near(m.end(), self.end):
                if a.start == place_start:
                    continue
                if not _LIST_GAP.fullmatch(self.text, pos, a.start):
                    break
                listed.append(a.value)
                pos = a.end
            if listed:
                return list(dict.fromkeys(listed))
        # 2. an actor inside the noun phrase: "جندي أميركي", "US troops", "من قوات التحالف"
        near = [
            a
            for a in self._actor_near(n.start, noun[1] + 25)
            if a.start != place_start
            and (place is None or a.start < place.start or a.start >= place.end)
        ]
        # "5,000 troops in Iraq, Germany …": not past a place after the number (a place
        # before it — "تستضيف قاعدة العديد أكثر من عشرة آلاف عسكري أمريكي", or "the airport"
        # from an earlier sentence — bounds nothing)
        near = [a for a in near if not (place and n.start <= place.start <= a.start)]
        # "… 1,000 troops, then France with 700": not past a clause break
        near = [a for a in near if a.start < noun[1] or same_clause(self.breaks, noun[1], a.start)]
        near.sort(key=lambda a: 0 if a.extra.get("demonym") else 1)
        if near:
            return [near[0].value]
        w = self._actor_with(n)
        if w is not None and w.start != place_start:
            return [w.value]
        if last is not None:
            return [last["actor"]]
        # 3. "Other members, including Britain, France and Italy, contribute hundreds"
        cues = list(L.LIST_BEFORE.finditer(self.text, self.start, n.start))
        lm = cues[-1] if cues else None
        if lm is not None:
            listed = [
                a.value
                for a in self.actors
                if lm.end() <= a.start < n.start and a.start != place_start
            ]
            if len(listed) >= 2:
                return list(dict.fromkeys(listed))
        # 4. the subject before the number ("ولدى الولايات المتحدة نحو 2500", "The US has"),
        # not an actor inside a relative clause ("Canada, which commanded NATO …, has 200")
        inner = [
            (m.start(), m.end()) for m in _RELATIVE_EN.finditer(self.text, self.start, n.start)
        ]
        before = [
            a
            for a in self.actors
            if a.end <= n.start
            and a.start != place_start
            and not any(s <= a.start < e for s, e in inner)
            and (self._is_subject(a) or self._deploys_between(a.end, n.start))
        ]
        same = [a for a in before if same_clause(self.breaks, a.end, n.start)]
        if same:
            lead = [same[-1]]
            if _EACH_AFTER.match(self.text, noun[1], min(self.end, noun[1] + 12)):
                # "Italy and Spain have 1,000 troops each": every coordinated subject
                for a in reversed([x for x in self.actors if x.end <= lead[0].start]):
                    if not _coordinated(self.text, a.end, lead[0].start):
                        break
                    lead.insert(0, a)
            return list(dict.fromkeys(a.value for a in lead))
        if before:
            return [before[-1].value]
        return [self.an.dominant] if self.an.dominant else []

    def _deploys_between(self, a: int, b: int) -> bool:
        """ "تعد إيطاليا …، إذ تنشر نحو 1100 عسكري": a country before a present-tense
        "تنشر" that governs the number is its subject."""
        for i, v in enumerate(self.verbs):
            if a <= v.start and v.end <= b:
                # a deadline of a later verb ("…، وأعلنت مدريد أن جنودها سيغادرون … بحلول")
                # does not make this one an announcement
                nxt = self.verbs[i + 1].start if i + 1 < len(self.verbs) else self.end
                if self._present_deployment(v, nxt):
                    return True
        return False

    def _is_subject(self, a: Mark) -> bool:
        """Demonyms and groups always; a country name only as the subject of "has"."""
        if not a.extra.get("place"):
            return True
        if L.HAS_AFTER_EN.match(self.text, a.end):
            return True
        return bool(L.HAS_BEFORE_AR.search(self.text[max(0, a.start - 12) : a.start]))

    # ------------------------------------------------------------------ movements
    def movements(self, prev: Movement | None) -> tuple[list[Movement], list[Event]]:
        movements: list[Movement] = []
        events: list[Event] = []
        self._last_event: Event | None = None
        self._extra_events: list[Event] = []
        verbs = self.verbs
        pub = self.an.published
        # one pass in text order over movement verbs and event-only verbs ("invaded")
        allv = sorted(
            [
                *verbs,
                *(
                    e
                    for e in self.event_verbs
                    if not any(v.start <= e.start < v.end for v in verbs)
                ),
            ],
            key=lambda m: m.start,
        )
        for k, v in enumerate(allv):
            scope_end = allv[k + 1].start if k + 1 < len(allv) else self.end
            prev_end = allv[k - 1].end if k else self.start
            # the event reading: a past verb with a past date ("withdrew in 2011")
            self._recent = False
            ev = self._event_for(v, scope_end, prev_end)
            if ev is not None:
                events.append(ev)
                events.extend(self._extra_events)
                self._extra_events = []
                continue
            if v.kind != "move":
                if not self._recent:
                    continue
                # an event verb ("سلّمت", "انسحبت") dated days ago: a completed move
                v = Mark(
                    v.start, v.end, "move", "arrive" if v.value == "deploy" else v.value, v.extra
                )
            mv = self._movement_for(v, prev_end, scope_end, movements or ([prev] if prev else []))
            movements.extend(mv)
        # "…, والبقية بحلول نهاية العام التالي" / "the rest by the end of next year"
        if movements and pub is not None:
            last = movements[-1]
            for s, e in self._rest_clauses():
                if any(s <= v.start < e for v in verbs):
                    continue
                ds = [d for d in self.dates if s <= d.start < e and d.role in ("by", "until")]
                if ds:
                    movements.append(
                        Movement(
                            last.actor,
                            last.place_id,
                            last.action,
                            self._quote(),
                            last.to_place_id,
                            ds[0].date,
                            None,
                            "rest",
                            last.modality,
                            last.status,
                        )
                    )
        return movements, events

    def _rest_clauses(self) -> list[tuple[int, int]]:
        out = []
        pts = [self.start, *self.breaks, self.end]
        for a, b in pairwise(pts):
            if self._has(L.REST_AR, a, b) or (self.latin and L.REST_EN.search(self.text, a, b)):
                out.append((a, b))
        return out

    def _quote(self) -> Any:
        return self.quote

    def _event_for(self, v: Mark, scope_end: int, prev_end: int) -> Event | None:
        pub = self.an.published
        if v.kind == "move" and v.value not in ("withdraw", "arrive", "remain"):
            return None
        if self._leaves_behind(v):
            return None  # "only to leave several hundred behind": they stayed
        # an attack is no movement, so a day named relative to publication ("on Monday
        # evening", "the June 23 missile salvo") dates it; moves keep those as reported moves
        rel_ok = v.kind == "event" and v.value == "attack"

        def rel_past(d: DateMatch) -> bool:
            # "left Niger last August", a season or more before publication: history, like
            # "in 2024" (a move of the last weeks or months stays news)
            return (
                pub is not None
                and (pub - d.date.value).days >= 90
                # a calendar day without its year ("on 15 August") too; a weekday is a report
                and d.date.precision in ("day", "month", "quarter", "half", "year")
            )

        ds = [
            d
            for d in self.dates
            if v.end <= d.start < scope_end
            and d.role in ("at", "since", "report")
            and (not d.relative or rel_ok or rel_past(d))
            and (d.role != "report" or rel_ok)
        ]
        if not ds:
            # "in 2003 the US invaded …": a date just before the verb, in the same clause
            ds = [
                d
                for d in self.dates
                if prev_end <= d.start
                and d.end <= v.start
                and d.role in ("at", "since", "report")
                and (not d.relative or rel_ok or rel_past(d))
                and (d.role != "report" or rel_ok)
                and (
                    same_clause(self.breaks, d.end, v.start)
                    # "In January 2020, Iran fired …": the sentence's fronted date
                    or _FRONTED.fullmatch(self.text, self.start, d.start) is not None
                    # "…, in the early hours of January 8, 2020, Iran fired": a date that
                    # ends the phrase before the verb's clause
                    or (
                        self._comma_then_clause(d.end, v.start)
                        and not any(self.start <= w.start < d.start for w in self.verbs)
                        and not any(self.start <= a.start < d.start for a in self.actors)
                        and not _REL_PRONOUN.search(self.text, self.start, d.start)
                    )
                )
            ]
        if not ds:
            return None
        # "Five years ago today, in the early hours of January 8, 2020": the exact date
        d = next((x for x in ds if not x.relative and not x.date.approximate), ds[0])
        if pub is not None and d.date.value >= pub:
            return None
        if (
            v.value in ("withdraw", "arrive", "deploy", "remain")
            and pub is not None
            and (pub - d.date.value).days <= 31
        ):
            # "سلّمت فرنسا، أمس الخميس 17 جويلية 2025، معسكر «جيل»": just done, so news (a
            # completed move), not background history
            self._recent = True
            return None
        if pub is None and d.date.value.year >= dt.date.today().year:
            return None
        action = v.value
        if v.kind == "move":
            action = {"withdraw": "withdraw", "arrive": "deploy", "remain": None}.get(action)
            if action is None:
                return None
        place = None
        for pm in self.places:
            if v.end <= pm.start < scope_end and not pm.metonym and not pm.adjective:
                place = pm  # not "US" in "fired … at US forces in Iraq"
                break
        # "RAF Akrotiri opened in 1956": the base that is the verb's subject
        subj = [
            pm
            for pm in self.places
            if prev_end <= pm.start < v.start
            and pm.r.place.kind == "installation"
            and not pm.metonym
            and same_clause(self.breaks, pm.end, v.start)
        ]
        subj_base = subj[-1] if subj else None
        if place is None and action == "attack":
            # "لهجوم صاروخي إيراني استهدف قاعدة العديد": the target after the next verb
            place = next(
                (pm for pm in self.places if v.end <= pm.start < self.end and not pm.metonym),
                None,
            )
        if place is None:
            place = subj_base
        if place is not None and place.r.place.kind == "country":
            # "أخلت عام 2020 عدداً من القواعد في العراق، بينها كي وان والقيارة": the bases
            bases = [
                pm
                for pm in self.places
                if place.end <= pm.start < scope_end
                and pm.r.place.kind == "installation"
                and not pm.metonym
                and pm.r.place.country == place.r.place.country
            ]
            if bases:
                place = bases[0]
        actors_after = [
            a
            for a in self.actors
            if v.end <= a.start < scope_end and (place is None or a.start != place.start)
        ]
        last_ev = getattr(self, "_last_event", None)
        actors_before = [a for a in self.actors if prev_end <= a.end <= v.start]
        if last_ev is not None:
            # coordinated verbs share the subject: "غزت … العراق … وأطاحت … قبل الانسحاب"
            actors_before = [a for a in actors_before if f"country:{a.value}" != last_ev.place_id]
        actor = None
        if action == "attack":
            # "Three U.S. service members were killed when a drone struck …": the troops named
            # before the verb are its victims, not its attacker
            # (nor a capital of an upper-case dateline, "AMMAN/WASHINGTON, Jan 28")
            actors_before = [
                a
                for a in actors_before
                if not _EN_NOUN.match(self.text, a.end)
                and not _NOUN_AR.search(self.text, max(0, a.start - 14), a.start)
                and not (a.extra.get("metonym") and self.text[a.start : a.end].isupper())
            ]
        own = (
            [
                a
                for a in actors_after
                if _ARABIC_LETTER.match(self.text, a.start)
                and re.fullmatch(r"\s*(?:\S+\s+)?", self.text[v.end : a.start])
            ]
            if action == "attack"
            else []
        )
        if own:
            actor = own[0].value  # "لهجوم صاروخي إيراني": the attacker named in the phrase
        elif actors_before:
            actor = actors_before[-1].value
        elif last_ev is not None:
            actor = last_ev.actor
        elif (
            actors_after
            and (place is None or actors_after[0].start < place.start)
            # "struck a small American outpost": after an attack verb, the target's owner
            and action != "attack"
        ):
            actor = actors_after[0].value
        # "غزت الولايات المتحدة العراق": two countries after the verb: subject, then object
        if (
            place is not None
            and place.r.place.kind == "country"
            and actor is None
            and action != "attack"
        ):
            countries = [
                pm
                for pm in self.places
                if v.end <= pm.start < scope_end and pm.r.place.kind == "country"
            ]
            if len(countries) >= 2:
                actor = countries[0].r.place.country
                place = countries[1]
        if action == "attack" and (actor is None or len(actor) != 2):
            return None  # only a state named at the verb attacks (not militias, not inherited)
        if actor is None and last_ev is not None:
            actor = last_ev.actor
        if actor is None:
            actor = self._inherited_actor(v.start)
        if actor is None:
            return None
        if place is not None and place.r.place.country == actor and place.r.place.kind == "country":
            others = [pm for pm in self.places if v.end <= pm.start < scope_end and pm is not place]
            place = others[0] if others else subj_base
        if place is not None and place.r.place.country == actor:
            place = None  # forces do not deploy to their own country
            if subj_base is not None and subj_base.r.place.country != actor:
                place = subj_base
        if action == "establish":
            place_id = place.pid if place is not None and place.locative else None
        elif place is None:
            place_id = last_ev.place_id if last_ev is not None else self._event_place(actor)
        else:
            place_id = place.pid
        if place_id == f"country:{actor}" and action != "attack":
            # "إخراج القوات الأجنبية من البلاد" read with the Iraqi parliament as actor: a
            # country's forces do not deploy to, or leave, their own country
            return None
        ev = Event(actor, place_id, action, d.date, self.quote)  # type: ignore[arg-type]
        self._last_event = ev
        # "أخلت عام 2020 قواعد، بينها كي وان والقيارة": one event per base listed
        if place is not None and place.r.place.kind == "installation":
            for pm in self.places:
                if (
                    place.end <= pm.start < scope_end
                    and pm.r.place.kind == "installation"
                    and not pm.metonym
                    and pm.pid != place.pid
                ):
                    self._extra_events.append(Event(actor, pm.pid, action, d.date, self.quote))
        elif place is not None:
            # "in Estonia, Latvia and Poland in 2017", "من مالي (2022) وبوركينا فاسو (2023)":
            # one event per coordinated place, with its own bracketed year when it has one
            last_end = place.end
            for pm in self.places:
                if pm.start < last_end or pm.start >= scope_end or pm.metonym:
                    continue
                gap = _PAREN_YEAR.sub("", self.text[last_end : pm.start])
                if pm.r.place.kind != place.r.place.kind or not _LIST_GAP.fullmatch(gap):
                    break
                date = d.date
                for dd in self.dates:
                    if (
                        pm.end <= dd.start <= pm.end + 3
                        and self.text[pm.end : dd.start].strip(" (") == ""
                    ):
                        date = dd.date
                self._extra_events.append(Event(actor, pm.pid, action, date, self.quote))
                last_end = pm.end
        return ev

    def _event_place(self, actor: str | None = None) -> str | None:
        for pm in self.places:
            if pm.r.place.kind == "country" and not pm.metonym and pm.r.place.country != actor:
                return pm.pid
        return f"country:{self.an.focus}" if self.an.focus else None

    def _inherited_actor(self, pos: int, exclude: str | None = None) -> str | None:
        before = [a for a in self.actors if a.end <= pos and a.value != exclude]
        if before:
            return before[-1].value
        return self.an.dominant if self.an.dominant != exclude else None

    def _mover_nationality(self, a: int, b: int, host: str | None) -> list[str]:
        """The nationality adjective of a counted troop noun in ``[a, b)`` ("100 مدرب عسكري
        روسي", "300 French soldiers"), not the host's."""
        for n in self.numbers:
            if not a <= n.start < b:
                continue
            noun = self._troop_noun(n)
            if noun is None:
                continue
            for m in self.actors:
                if (
                    m.extra.get("demonym")
                    and n.end <= m.start <= noun[1] + 25
                    and m.value != host
                    and same_clause(self.breaks, n.end, m.start)
                ):
                    return [m.value]
        return []

    def _modality(self, v: Mark) -> str:
        a = max(self.start, v.start - 60)
        clause_a, _ = self._clause_of(v.start)
        lo = max(a, clause_a) if clause_a > self.start else a
        if self._has(L.DEMAND_AR, lo, v.start) or (
            self.latin and L.DEMAND_EN.search(self.text, lo, v.start)
        ):
            return "demanded"
        if self._has(L.POSSIBLE_AR, lo, v.start) or (
            self.latin and L.POSSIBLE_EN.search(self.text, lo, v.start)
        ):
            return "possible"
        return "planned"

    def _comma_then_clause(self, a: int, b: int) -> bool:
        """True when a comma follows ``a`` and the clause after it reaches ``b``."""
        m = _COMMA.match(self.text, a, b)
        return m is not None and same_clause(self.breaks, m.end(), b)

    def _leaves_behind(self, v: Mark) -> bool:
        """ "leaving a small liaison cell", "only to leave several hundred behind": a verb of
        leaving whose object is the part that stays."""
        return (
            v.value == "withdraw"
            and self.text[v.start : v.end].lower().startswith("leav")
            and _LEAVE_BEHIND_AFTER.match(self.text, v.end) is not None
        )

    def _movement_for(
        self, v: Mark, prev_end: int, scope_end: int, earlier: list[Movement]
    ) -> list[Movement]:
        near_before = self.text[max(self.start, v.start - 45) : v.start]
        value = v_value_in = v.value
        if value == "arrive" and _EXTEND_BEFORE.search(near_before):
            value = "remain"  # "extended the deployment in Iraq until …", "تمديد مهمة …"
        if self.latin and _NOT_A_BEFORE.search(near_before[-30:]):
            return []  # "a transition, not a withdrawal", "ليس انسحاباً": what it is not
        if _DENIED_BEFORE.search(self.text, max(self.start, v.start - 70), v.start) or (
            self.arabic
            and _DENIED_AR_LONG.search(self.text, max(self.start, v.start - 140), v.start)
        ):
            return []  # "denied a report that it would send …", "نفت أن تكون … سترسل"
        if _NEGATED_BEFORE.search(near_before[-30:]):
            if value in ("withdraw", "reduce"):
                value = "remain"  # "لن ينسحبوا", "will not leave": they stay
            elif value in ("arrive", "relocate", "increase"):
                return []  # "will not send troops": no move
        if value != v.value:
            v = Mark(v.start, v.end, v.kind, value, v.extra)
        if value == "withdraw" and self._leaves_behind(v):
            return []  # "…, leaving a small liaison cell": the part that stays
        if (
            self.latin
            and self.text[v.start : v.end].lower().startswith(("leav", "left"))
            and _LEAVE_IDIOM_AFTER.match(self.text, v.end)
        ):
            return []  # "I'll leave it at that", "left the door open": no move
        if (
            value == "remain"
            and v_value_in == "remain"
            and _COUNT_REMAINS.search(self.text, max(self.start, v.start - 45), v.start)
            and not any(
                v.end <= d.start < scope_end and d.role in ("by", "until") for d in self.dates
            )
        ):
            # "Fewer than 200 US personnel remain in Niger": what is left, a level
            return []
        if (
            value == "remain"
            and _STATE_KEEP.fullmatch(self.an.norm_between(v.start, v.end).strip())
            and any(0 <= n.start - v.end < 40 for n in self.numbers)
            and not (
                self.latin
                and _MODAL_BEFORE.search(self.text, max(self.start, v.start - 25), v.start)
            )
            and not any(
                v.end <= d.start < scope_end and d.role in ("by", "until") for d in self.dates
            )
        ):
            # "The Netherlands keeps about 150 troops in Iraq", "تحتفظ فرنسا بنحو 1500 جندي":
            # a present level (found as such), not a decision to stay
            return []
        if value == "remain" and _NOT_STAY_AFTER.match(self.text, v.end):
            return []  # "يبقى مصير القاعدتين غامضاً": the fate remains unclear; no stay
        if (
            v.value == "arrive"
            and not self.text[v.start : v.end].lower().endswith("ing")
            # "will be deployed to Romania by June" is a coming move
            and not _EN_FUTURE_BEFORE.search(self.text, max(self.start, v.start - 20), v.start)
            and re.search(
                r"(?i)\b(?:are|is|were|was|been|be|remain|remains|currently|now|still)\s+"
                r"(?:\w+\s+)?$",
                self.text[max(self.start, v.start - 25) : v.start],
            )
        ):
            # "troops are deployed in Syria" describes presence, not a move ("Britain is
            # sending 350 troops" is one)
            return []
        if v.value == "arrive" and self._present_deployment(v, scope_end):
            return []  # "وتنشر تركيا … 5 آلاف جندي في …": how many are there, not a move
        scope_places = [
            pm for pm in self.places if v.end <= pm.start < scope_end and not pm.metonym
        ]
        # stop at a purpose clause ("… ضد تنظيم داعش في سوريا", "to fight ISIS in Syria")
        purpose = self.an.find_norm(L.PURPOSE_AR, v.end, scope_end) if self.arabic else []
        pm_en = self.latin and L.PURPOSE_EN.search(self.text, v.end, scope_end)
        cut = min([p[0] for p in purpose] + ([pm_en.start()] if pm_en else []) + [scope_end])
        scope_places = [pm for pm in scope_places if pm.start < cut]
        # a country after the verb is where forces move only when it is introduced as a place
        # ("من العراق", "from Iraq") or is the direct object ("leave Iraq"); otherwise it acts
        # ("… led by the United States")
        scope_places = [
            pm
            for pm in scope_places
            if pm.r.place.kind != "country"
            or pm.locative
            or pm.destination
            or (not self.text[v.end : pm.start].strip(" «»\"'") and not self._vso_subject(v, pm))
            or self._object_after_forces(v, pm)
        ]
        if v.value == "remain":
            scope_places = [
                pm
                for pm in scope_places
                if pm.locative or pm.r.place.kind in ("installation", "city")
            ]
        # "أجلت … عبر قاعدة حميميم", "evacuated via Hmeimim": a route, not where forces are
        scope_places = [
            pm
            for pm in scope_places
            if not _VIA_BEFORE.search(self.text, max(v.end, pm.start - 35), pm.start)
        ]
        # "انسحابها من البلاد", "withdraw its troops from the country", "stay in the country":
        # the article's country (as for a move with no place), not a place named later
        # ("… after talks in Niamey")
        if self.an.focus and v.value in ("withdraw", "reduce", "remain", "arrive"):
            first = min([pm.start for pm in scope_places] + [cut])
            m = _THE_COUNTRY_AFTER.match(self.text, v.end, max(v.end, first))
            if m is not None and not any(pm.destination for pm in scope_places):
                scope_places = []
        if self.an.has_latin and _HOME_AFTER.match(self.text, v.end):
            # "would go home …, was read in Bucharest": only "home from X" names the place
            scope_places = [
                pm
                for pm in scope_places
                if re.search(
                    r"(?i)\bfrom\s+(?:the\s+)?$", self.text[max(v.end, pm.start - 12) : pm.start]
                )
            ]
        origin: PlaceMark | None = None
        dest: PlaceMark | None = None
        arrivals: list[str] = []
        if v.value == "withdraw" and _HANDOVER.match(self.text, v.start, v.end):
            # "handing the facility to Niger's army", "سلّمت … إلى الجيش": a recipient, no
            # destination
            scope_places = [pm for pm in scope_places if not pm.destination]
        for pm in scope_places:
            if pm.destination and v.value in ("relocate", "arrive", "withdraw"):
                if dest is None:
                    dest = pm
            elif origin is None and dest is None:
                origin = pm  # "from X to Y": the origin comes before the destination
        if origin is not None:
            origin = self._drop_containers(origin, scope_places)
        if dest is not None and dest.r.place.kind == "country":
            # "to Libya's al-Khadim base": the base, not its country
            for pm in scope_places:
                if (
                    pm.start >= dest.end
                    and pm.r.place.country == dest.r.place.country
                    and _POSSESSIVE_GAP.match(self.text, dest.end, pm.start)
                ):
                    dest = pm
                    break
        # English SVO: "Erbil … will remain the coalition's hub in Iraq", "forces at Ain
        # al-Asad will move to Erbil": a more specific place before the verb is the subject
        before = [
            pm
            for pm in self.places
            if prev_end <= pm.start < v.start
            and not pm.metonym
            and pm.r.place.kind != "country"
            and not pm.destination
            and (
                same_clause(self.breaks, pm.end, v.start)
                or pm.start - self.start < 3
                or (v.start - pm.end < 90 and self._relative_clause(pm.end, v.start))
                # "Italy's contingent in Erbil, about 500 strong, will stay": an appositive
                or _APPOS_TO_VERB.fullmatch(self.text, pm.end, v.start) is not None
            )
        ]
        if before:
            subj_place = before[-1]
            if (
                len(before) > 1
                and subj_place.r.place.kind in ("city", "admin1")
                and before[-2].r.place.kind == "installation"
                and subj_place.start - before[-2].end <= 15
            ):
                subj_place = before[-2]  # "مجمع الاتحاد 3 وسط بغداد": the base, not its city
            chain = {q.id for q in self.an.gaz.parent_chain(subj_place.pid)}
            if origin is None or origin.pid in chain:
                origin = subj_place
        if origin is None and dest is None and not scope_places:
            # "US troop levels in Syria will be cut in half": the forces' country, named in
            # the subject, when nothing after the verb says where
            loc = [
                pm
                for pm in self.places
                if prev_end <= pm.start < v.start
                and pm.locative
                and not pm.metonym
                and not pm.destination
                and pm.r.place.kind == "country"
                and same_clause(self.breaks, pm.end, v.start)
                and _FORCES_IN_BEFORE.search(self.text, max(self.start, pm.start - 40), pm.start)
            ]
            if loc:
                origin = loc[-1]
        if origin is None and value != v_value_in:
            # "جنودها في لبنان «لن ينسحبوا»": a stay read off a negated or extended move is
            # where the troops are, named before the verb
            loc = [
                pm
                for pm in self.places
                if prev_end <= pm.start < v.start and pm.locative and not pm.metonym
            ]
            if loc:
                origin = loc[-1]
        # "from X to Y" makes any move a relocation
        action = v.value
        if (
            origin is not None
            and dest is not None
            and action in ("arrive", "withdraw", "relocate", "remain")
        ):
            action = "relocate"
        # actors: between the previous verb and this one (SVO), or after the verb (VSO)
        first_place = min([pm.start for pm in scope_places] + [cut])
        subj = [
            a
            for a in self.actors
            if prev_end <= a.start < v.start
            and not (
                a.extra.get("place") and a.start in {pm.start for pm in self.places if pm.locative}
            )
        ]
        dest_starts = {pm.start for pm in self.places if pm.destination or pm.locative}
        # not past a temporal clause ("will stay until the coalition mission ends there")
        tm = _TEMPORAL_CLAUSE.search(self.text, v.end, max(v.end, first_place))
        obj_end = tm.start() if tm else first_place
        obj = [a for a in self.actors if v.end <= a.start < obj_end and a.start not in dest_starts]
        # the country troops are in or go to; a dateline's country (the focus) only when the
        # sentence names neither ("WASHINGTON - … the Pentagon is sending to Kuwait")
        host = (
            origin.r.place.country
            if origin
            else dest.r.place.country
            if dest is not None
            else self.an.focus
        )
        if origin is not None and dest is not None and dest.r.place.country != host:
            # across a border ("from Fort Stewart to Camp Arifjan in Kuwait", "from Iraq to
            # Fort Bragg"): the mover may be either country; drop them only if another is named
            ends = {host, dest.r.place.country}
            obj = [a for a in obj if a.value not in ends] or obj
            subj = [a for a in subj if a.value not in ends] or subj
        else:
            obj = [a for a in obj if a.value != host]
            subj = [a for a in subj if a.value != host]
        # "روما ومدريد وباريس … لن ينسحبوا", "Italy, Spain and France will stay": each subject
        lead = subj[-1:]
        for a in reversed(subj[:-1]):
            if _coordinated(self.text, a.end, lead[0].start):
                lead.insert(0, a)
            else:
                break
        actors = [a.value for a in obj] or [a.value for a in lead]
        actors = [a for a in dict.fromkeys(actors)]
        # "… the roughly 2,500 US troops in Iraq, although that contingent is due to shrink":
        # the force of the level just given, there
        that_force = None
        lvl = self.an.last_level
        if (
            lvl is not None
            and v.value in ("withdraw", "reduce", "remain", "increase")
            and origin is None
            and dest is None
            and 0 <= v.start - lvl["_end"] < 300
            and lvl.get("place_id")
            and _THAT_FORCE_SUBJECT.search(self.text, max(self.start, v.start - 45), v.start)
        ):
            that_force = lvl
            actors = [lvl["actor"]]
        if not actors:
            # "وصل إلى نيامي نحو 100 مدرب عسكري روسي": the subject after the place, named by
            # the nationality of the troops that move
            actors = self._mover_nationality(v.end, scope_end, host)
        if not actors and earlier:
            # "the last US and coalition troops … will leave, with most of them moving …":
            # every actor of the move just described
            last = earlier[-1]
            run = [
                m.actor
                for m in earlier
                if m.quote == last.quote and m.place_id == last.place_id and m.by == last.by
            ]
            actors = list(dict.fromkeys(run)) if last.quote == self.quote else [last.actor]
        if not actors:
            inherited = self._inherited_actor(v.start, exclude=host)
            actors = [inherited] if inherited else []
        # "مفاوضات انسحابهم", "the withdrawal talks": a topic, not a claim
        prev_toks = [strip_clitics(t) for t in self.an.tokens_before(v.start, 1)]
        topic = any(t in _TOPIC_AR for t in prev_toks) or (
            self.latin and _TOPIC_EN.search(self.text[max(self.start, v.start - 25) : v.start])
        )
        if topic and not any(v.end <= d.start and d.role in ("by", "until") for d in self.dates):
            return []
        if self.latin and _NOT_FORCE_SUBJECT_EN.search(
            self.text, max(self.start, v.start - 40), v.start
        ):
            return []
        # deadline: a by/until date in scope, else one shared by the sentence
        ds = [d for d in self.dates if v.end <= d.start < scope_end and d.role in ("by", "until")]
        if not ds:
            ds = [
                d
                for d in self.dates
                if v.end <= d.start < scope_end
                and (
                    d.role == "at"
                    # "ستنتشر … اعتبارا من الشهر المقبل", "deploy starting next month"
                    or (d.role == "since" and v.value in ("arrive", "increase", "relocate"))
                )
                and (self.an.published is None or d.date.value >= self.an.published)
            ]
        if not ds:
            # "In 2030, US forces will leave Iraq", "بحلول 2026، ستغادر …": a fronted date
            ds = [
                d
                for d in self.dates
                if prev_end <= d.start < v.start
                and d.role in ("at", "by", "until")
                and _FRONTED.fullmatch(self.text, self.start, d.start) is not None
                and (self.an.published is None or d.date.value >= self.an.published)
            ]
        reported = False
        if not ds and self.an.published is not None:
            # "arrived last month", "وصل أمس": a completed move dated to when it happened
            # (before any deadline later in the sentence, which belongs to another move)
            # not a date of a relative clause before the verb ("Trump, who hosted al-Kadhimi
            # last month, has pledged to bring troops home")
            rel = [
                (m.start(), m.end()) for m in _RELATIVE_EN.finditer(self.text, prev_end, v.start)
            ]
            recent = [
                d
                for d in self.dates
                if prev_end <= d.start < scope_end
                and not any(a <= d.start < b for a, b in rel)
                and d.role == "at"
                and d.date.precision in ("day", "month")
                and 0 <= (self.an.published - d.date.value).days <= 366
            ]
            if recent:
                ds = recent[:1]
                reported = True
        if not ds:
            later = [d for d in self.dates if d.start >= v.end and d.role in ("by", "until")]
            if len(later) == 1:
                ds = later
        by = ds[0].date if ds else None
        if (
            by is None
            and earlier
            and earlier[-1].quote == self.quote
            and earlier[-1].by is not None
            and _WITH_CLAUSE.search(self.text, max(prev_end, v.start - 40), v.start)
        ):
            # "will leave next month, with most of them moving to Erbil": the participle
            # clause shares the deadline of the move it details
            by = earlier[-1].by
        if by is None and self.an.last_deadline is not None:
            same = _SAME_DEADLINE.search(self.text, v.end, scope_end)
            if same is not None and same.start() - v.end < 80:
                # "سيُخلى هو الآخر قبل الموعد نفسه", "by the same date": the last deadline
                by = self.an.last_deadlines.get(action, self.an.last_deadline)
        if ds and _MONTH_BEFORE.search(
            self.text[v.end : ds[0].start],
        ):
            # "one month before the October 2025 elections" → September 2025
            y, mth = by.value.year, by.value.month - 1  # type: ignore[union-attr]
            if mth == 0:
                y, mth = y - 1, 12
            by = FuzzyDate.of(y, mth, approximate=by.approximate)  # type: ignore[union-attr]
        # a movement with no place needs troops or forces around it to be about forces
        place_id: str | None = origin.pid if origin else None
        if place_id is None and that_force is not None:
            place_id = that_force["place_id"]
        if place_id is None and dest is None and action in ("withdraw", "reduce", "remain"):
            # "it is due to be handed over", "ستُسلَّم القاعدة": the base named just before
            seg = self.text[max(self.start, v.start - 40) : min(scope_end, v.end + 40)]
            if _ANAPHOR.search(seg):
                prior = [
                    pm
                    for pm in self.an.in_span("marks", v.start - 699, v.start)
                    if pm.r.place.kind == "installation" and not pm.metonym
                ]
                # "… من قاعدة عين الأسد … وانتقالهم إلى قاعدة حرير. وسيتم إخلاء القاعدة":
                # the base left is the one forces move from, not the one they go to
                prior = [pm for pm in prior if not pm.destination] or prior
                if prior:
                    origin = prior[-1]
                    place_id = origin.pid
        if place_id is None and dest is None:
            near = (
                self._has(_FORCES_AR, prev_end, scope_end)
                or self._has(_NOUN_AR, prev_end, scope_end)
                or re.search(
                    r"(?i)\b(?:troops|forces|soldiers|personnel)\b", self.text[prev_end:scope_end]
                )
                # "Fewer than 200 US personnel remain …, and they will leave before …"
                or (
                    re.search(r"(?i)\bthey\s+(?:\w+\s+){0,2}$", self.text[prev_end : v.start])
                    and re.search(
                        r"(?i)\b(?:troops|forces|soldiers|personnel)\b",
                        self.text[self.start : v.start],
                    )
                )
                # "Sweden has said it will leave next year": a contributing country, itself
                or (
                    v.value in ("withdraw", "remain")
                    and self.latin
                    and _COUNTRY_SAID_IT.search(self.text, max(self.start, v.start - 60), v.start)
                    and any(
                        a.extra.get("place") and prev_end <= a.start < v.start for a in self.actors
                    )
                )
            )
            if not near:
                return []
            if not by:
                return []  # "a withdrawal", with no place and no date, says nothing new
            if _UNNAMED_FRONT_AFTER.match(self.text, v.end, scope_end):
                return []  # "deployed to the southern border": somewhere the text does not name
            row = [pm for pm in self.places if not pm.metonym] if self.table_row else []
            # a table row ("Country: Senegal; …; Status: To leave by end-2025") is about the
            # place it names first; elsewhere the article's country
            place_id = row[0].pid if row else f"country:{self.an.focus}" if self.an.focus else None
            if place_id is None:
                return []
        if (
            action in ("withdraw", "relocate")
            and origin is None
            and dest is not None
            and earlier
            and earlier[-1].place_id
            # not from where the last move said forces stay ("Tanf stays. Some personnel
            # will move to Erbil")
            and earlier[-1].action != "remain"
            # nor from the country the destination is in ("moving to Iraq … to Erbil")
            and earlier[-1].place_id not in {q.id for q in self.an.gaz.parent_chain(dest.pid)}
        ):
            place_id = earlier[-1].place_id  # "… and headed north to Erbil"
            action = "relocate"
        elif action in ("arrive", "withdraw", "relocate") and origin is None and dest is not None:
            place_id = dest.pid  # "deploy to X": X is where forces arrive
            arrivals = self._destination_list(dest, scope_places)
            dest = None
            action = "arrive"
        if action == "relocate" and dest is None:
            return []
        quantity = None
        for n in self.numbers:
            if v.start <= n.start < (first_place if scope_places else scope_end) and (
                self._troop_noun(n) is not None
            ):
                quantity = n.quantity
                break
        scope = None
        lo = max(prev_end, v.start - 20)
        hi = min([first_place] + [x for x in self.breaks if x >= v.end])
        if _FIRST_PHASE.search(
            self.text[max(self.start, v.start - 40) : v.start],
            re.I,
        ):
            scope = "part"  # "the first phase of the withdrawal"
        elif self._has(L.ALL_AR, lo, hi) or (self.latin and L.ALL_EN.search(self.text, lo, hi)):
            scope = "all"
        elif self._has(L.REST_AR, lo, hi) or (self.latin and L.REST_EN.search(self.text, lo, hi)):
            scope = "rest"
        elif (
            quantity is not None
            or self._has(L.PART_AR, lo, hi)
            or (self.latin and L.PART_EN.search(self.text, lo, hi))
        ):
            scope = "part"
        status = None
        if v.value == "remain" and (
            self._has(L.ADVISORY_AR, self.start, self.end)
            or (self.latin and L.ADVISORY_EN.search(self.text, self.start, self.end))
        ):
            status = "advisory"
        modality = self._modality(v)
        if (
            reported
            and modality == "possible"
            # not Arabic "قد" before a past verb ("كانت القوات قد غادرت": had left)
            and self.latin
            and L.POSSIBLE_EN.search(self.text, max(self.start, v.start - 60), v.start)
        ):
            by = None  # "could keep … in Erbil": a possibility has no past date
        elif reported:
            modality = "reported"
        places_ids = [place_id]
        if action == "arrive" and arrivals:
            # "sending to Kuwait, Jordan and Qatar": an arrival in each
            places_ids += [pid for pid in arrivals if pid != place_id]
        dated: dict[str, FuzzyDate | None] = {}
        if origin is not None and action in ("remain", "withdraw", "reduce"):
            # "في قاعدتي الشدادي ورميلان", "at Shaddadi and Rmelan": each place named
            last_end = origin.end
            prev_kind = origin.r.place.kind
            prev_place = origin.r.place
            for pm in scope_places:
                if pm.start < last_end or pm.destination:
                    continue
                gap = self.text[last_end : pm.start]
                if (
                    prev_kind == "installation"
                    and pm.r.place.kind in ("city", "admin1", "country", "region")
                    and _LOCATOR_GAP.fullmatch(gap)
                    and self._locates(prev_place, pm.r.place)
                ):
                    # "Air Base 201 in Agadez", "Ain al-Asad air base in Anbar and Baghdad":
                    # the town or province locates the base; the list goes on after it
                    last_end = pm.end
                    prev_kind = pm.r.place.kind
                    prev_place = pm.r.place
                    continue
                if _PLACE_LIST_GAP.fullmatch(gap) and (
                    pm.r.place.kind == origin.r.place.kind
                    # "من بغداد وقاعدة عين الأسد": a city and a base, both left
                    or {pm.r.place.kind, origin.r.place.kind} <= _SITE_KINDS
                ):
                    places_ids.append(pm.pid)
                    last_end = pm.end
                    prev_kind = pm.r.place.kind
                    prev_place = pm.r.place
                else:
                    break
            # "غادرت موقعها في فايا لارجو يوم 26 ديسمبر، ثم معسكرها في أبشي يوم 11 جانفي",
            # "left Faya on 26 December, then Abéché on 11 January": the same move, its date
            if reported:
                for pm in self.places:
                    if pm.start < last_end or pm.start >= self.end or pm.metonym:
                        continue
                    if pm.r.place.kind not in _SITE_KINDS:
                        # "فايا لارجو شمال تشاد": the country only locates the site
                        continue
                    gap = self.text[last_end : pm.start]
                    if not _THEN_GAP.fullmatch(gap):
                        break
                    own = [
                        d for d in self.dates if pm.end <= d.start <= pm.end + 25 and d.role == "at"
                    ]
                    places_ids.append(pm.pid)
                    dated[pm.pid] = own[0].date if own else by
                    last_end = own[0].end if own else pm.end
        out = []
        for actor in actors:
            # forces do not deploy to their own country ("told reporters in Washington"),
            # but they leave a home base for abroad ("from Fort Stewart to Camp Arifjan")
            if (
                origin is not None
                and origin.r.place.country == actor
                and (dest is None or dest.r.place.country == actor)
            ):
                continue
            for pid in places_ids:
                out.append(
                    Movement(
                        actor,
                        pid,
                        action,
                        self.quote,
                        dest.pid if dest else None,
                        dated.get(pid, by),  # type: ignore[arg-type]
                        quantity,
                        scope,
                        modality,
                        status,
                    )
                )
        return out

    def _destination_list(self, dest: PlaceMark, scope_places: list[PlaceMark]) -> list[str]:
        """The places listed with a destination ("to Kuwait, Jordan and Qatar"), in order."""
        out: list[str] = []
        last = dest
        for pm in scope_places:
            if pm.start < last.end:
                continue
            if (
                pm.destination
                and pm.r.place.kind == dest.r.place.kind
                and (
                    _coordinated(self.text, last.end, pm.start)
                    or _LIST_GAP.fullmatch(self.text, last.end, pm.start)
                )
            ):
                out.append(pm.pid)
                last = pm
            else:
                break
        return out

    def _locates(self, site: Any, where: Any) -> bool:
        """Whether ``where`` (a town, province or country) is where installation ``site`` is:
        one of its parents, or a town within 60 km of it ("Bagram, north of Kabul")."""
        if where.id in {q.id for q in self.an.gaz.parent_chain(site.id)}:
            return True
        return where.kind == "city" and haversine_km(site.lon, site.lat, where.lon, where.lat) <= 60

    def _object_after_forces(self, v: Mark, pm: PlaceMark) -> bool:
        """ "ستغادر القوات الفرنسية تشاد": verb, its forces subject, then the country left
        (غادر / أخلى take a direct object; "انسحبت القوات الفرنسية تشاد" is not Arabic)."""
        if not _TRANSITIVE_LEAVE_AR.fullmatch(self.an.norm_between(v.start, v.end).strip()):
            return False
        return _FORCES_SUBJECT_AR.fullmatch(self.an.norm_between(v.end, pm.start)) is not None

    def _vso_subject(self, v: Mark, pm: PlaceMark) -> bool:
        """ "نقلت الولايات المتحدة …", "انسحبت فرنسا من مالي": in Arabic the country right
        after the verb is its subject, not its object (unlike "leave Iraq"); in "غادرت فرنسا
        مالي" the second country is the object."""
        if not _ARABIC_LETTER.search(self.text, pm.start, pm.end):
            return False
        lo = max(self.start, v.start - 35)
        if (
            self.an.find_norm(_NOUN_AR, lo, v.start) or self.an.find_norm(_FORCES_AR, lo, v.start)
        ) and (same_clause(self.breaks, lo, v.start)):
            return False  # "آخر جندي فرنسي غادر تشاد": the subject came first (SVO)
        for other in self.places:
            if other.r.place.kind == "country" and v.end <= other.start < pm.start:
                return False  # a country already stands between: this one is the object
        return True

    def _drop_containers(self, pm: PlaceMark, scope: list[PlaceMark]) -> PlaceMark:
        """Keep the most specific of the places named together ("قاعدة … في محافظة الأنبار")."""
        gaz = self.an.gaz
        best = pm
        for other in scope:
            if other is pm or other.start < pm.start:
                continue
            chain = {q.id for q in gaz.parent_chain(other.pid)}
            if best.pid in chain:
                best = other
        return best


def quantity_ok(q: Quantity) -> bool:
    return (q.high or q.low or 0) <= 500_000
