"""The speed pre-filters change nothing: the grammars find what a full scan finds.

Numbers and dates run their regexes only in windows around anchor words, the Arabic verb
and actor lexicons try their multi-token patterns only at tokens that match a pattern's
first token.  Each test compares against the plain full scan (the pre-filter switched off)
on the seed, the dev set, and random text built from the grammars' own vocabulary.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import dates as D
from service.extract import detect_language
from service.extract import lexicons as L
from service.extract import numbers as N
from service.extract import unresolved as U
from service.extract.body import find_body
from service.extract.claims import Analyzer, _combined
from service.extract.document import load_document
from service.extract.text import WordHints, Words, split_sentences
from service.gazetteer.normalize import normalize_with_offsets
from service.gazetteer.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [
    ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt",
    *sorted((ROOT / "tests" / "data" / "devset").glob("*.*t*")),
]
PUB = dt.date(2025, 8, 10)

_LINES = (
    "2500 2,500 ٢٥٠٠ 900 4 5 15 3.5 2025 2026 ٢٠٢٥ 1991 k",
    "ثلاثة آلاف وخمسمئة ألفي الفين مئات المئات بالمئات عشرات بضع بضعة عدة نحو حوالي",
    "أقل من أكثر بين و إلى حتى بحلول نهاية العام المقبل الجاري منتصف مطلع الربع الأول",
    "سبتمبر أيلول ايلول اب آب كانون الثاني تشرين وسبتمبر 15سبتمبر سبتمبر2025",
    "a few several hundred hundreds thousand thousands dozen dozens handful one two",
    "five and to - – or about fewer than more up by until the end of next this",
    "year month mid quarter first half early late September Sept. May may Mayor",
    "troops جندي Omar decided market in on 2024-09-06 . , ، \n",
    "within over the next six months weeks ago days years 3 two خلال غضون في مدة فترة قبل منذ",
    "ستة أشهر عامين yesterday today tonight tomorrow last week أمس امس اليوم غدا الأسبوع",
    "Monday Tuesday monday يوم الاثنين الثلاثاء الماضي المقبل on this next Friday، الجمعة،",
)
VOCAB = [w for line in _LINES for w in line.split(" ")] + ["  ", ""]

text_st = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=40).map(lambda ws: " ".join(ws))


def _sentences():
    for path in ARTICLES:
        text = load_document(path.read_bytes()).text
        yield text, split_sentences(text)


def _numbers(text, spans, words=None):
    return [N.find_numbers(text, s, e, words=words) for s, e in spans]


def _dates(text, spans, words=None):
    return [D.find_dates(text, s, e, published=PUB, words=words) for s, e in spans]


def test_numbers_and_dates_match_a_full_scan_on_real_articles(monkeypatch):
    fast = []
    for text, spans in _sentences():
        words = Words(text)
        fast.append((_numbers(text, spans, words), _dates(text, spans, words)))
    with monkeypatch.context() as m:
        m.setattr(WordHints, "windows", lambda self, t, s, e, w=None: [(s, e)] if e > s else [])
        m.setattr(D, "_GUARDS", {})
        slow = [(_numbers(t, sp), _dates(t, sp)) for t, sp in _sentences()]
    assert fast == slow
    assert sum(len(n) for n, _ in fast) > 100 and sum(len(d) for _, d in fast) > 50


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_st)
def test_numbers_match_a_full_scan(text):
    fast = N.find_numbers(text), N.find_numbers(text, words=Words(text))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(WordHints, "windows", lambda self, t, s, e, w=None: [(s, e)] if e > s else [])
        slow = N.find_numbers(text)
    assert fast[0] == slow and fast[1] == slow


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_st)
def test_dates_match_a_full_scan(text):
    fast = D.find_dates(text, published=PUB)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(WordHints, "windows", lambda self, t, s, e, w=None: [(s, e)] if e > s else [])
        m.setattr(D, "_GUARDS", {})
        slow = D.find_dates(text, published=PUB)
    assert fast == slow


def _full_scan_lexicon(lex: L.TokenLexicon, norm: str) -> list[tuple[int, int, str]]:
    """What TokenLexicon.find must equal: cached single tokens + ``finditer`` of the rest."""
    out = []
    for m in re.finditer(r"\S+", norm):
        mm = lex.single.fullmatch(m.group())
        if mm and mm.lastgroup:
            out.append((m.start(), m.end(), mm.lastgroup))
    if lex.multi is not None:
        out += [(m.start(), m.end(), m.lastgroup or "") for m in lex.multi.finditer(norm)]
    return sorted(out, key=lambda t: (t[0], -(t[1] - t[0])))


LEXICONS = {
    "move": lambda: _combined("move", L.MOVE_AR, L.MOVE_EN)[0],
    "event": lambda: _combined("event", L.EVENT_AR, L.EVENT_EN)[0],
    "actor": L.actor_lexicon,
}


@pytest.mark.parametrize("name", list(LEXICONS))
def test_token_lexicon_matches_a_full_scan(name):
    lex = LEXICONS[name]()
    found = 0
    for path in ARTICLES:
        norm, _ = normalize_with_offsets(load_document(path.read_bytes()).text)
        got = lex.find(norm)
        assert got == _full_scan_lexicon(lex, norm), path.name
        # a sub-span starting and ending inside words, with a shared token split
        a, b = len(norm) // 3 + 1, 2 * len(norm) // 3 - 1
        shared = L.NormTokens(norm, a, b)
        assert lex.find(norm, a, b, shared) == lex.find(norm, a, b), path.name
        found += len(got)
    assert found > 20


@pytest.mark.parametrize(
    "text, group, present",
    [
        (" اعاده انتشار القوات ", "relocate", True),
        (" زياده عدد القوات ", "increase", True),
        (" زياده الرواتب ", "increase", False),
        (" انهاء وجود التحالف ", "withdraw", True),
        (" انهاء الازمه ", "withdraw", False),
    ],
)
def test_multi_token_verbs_are_found(text, group, present):
    lex = LEXICONS["move"]()
    assert (group in {g for _, _, g in lex.find(text)}) is present


def test_head_of_a_pattern():
    assert L._head("ab(?= cd)") == "ab"
    assert L._head("ab(?! cd)") == "ab"
    assert L._head("(?:x|y)ab cd") == "(?:x|y)ab"
    assert L._head("[ (]ab cd") == "[ (]ab"
    assert L._head("ab|cd ef") is None
    assert L._head("abc") == "abc"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ@[`{عربي é٢ـ\u06ff\u0600\u0700𝐀")), max_size=60))
def test_language_counts_match_the_regex_counts(text):
    ar = len(re.findall(r"[\u0600-\u06ff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    assert detect_language(text) == ("ar" if ar >= latin * 0.5 and ar > 0 else "en")


def test_sentence_span_lookup_matches_a_filter(gaz):
    # Analyzer.in_span bisects start offsets; it must pick what a plain filter picks.
    for path in ARTICLES[:12]:
        text = load_document(path.read_bytes()).text
        norm, offsets = normalize_with_offsets(text)
        body = find_body(text)
        cands = [
            c for c in gaz.scan_normalized(text, norm, offsets) if body.contains(c.start, c.end)
        ]
        an = Analyzer(
            text, norm, offsets, gaz, resolve(gaz, text, cands, norm), (body.start, body.end), PUB
        )
        for s, e in split_sentences(text, body.start, body.end):
            for which in ("marks", "actors", "move_marks", "event_marks"):
                items = getattr(an, which)
                assert an.in_span(which, s, e) == [m for m in items if s <= m.start < e]
        # an unordered list falls back to the filter
        an.actors = list(reversed(an.actors))
        if len(an.actors) > 1:
            s, e = body.start, body.end
            assert an.in_span("actors", s, e) == [m for m in an.actors if s <= m.start < e]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["قاعدة", "والمدينة", "بمحافظة", "للمطار", "قاعدتي", "عين", "x"]),
        max_size=12,
    ),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_cue_tokens_match_the_cue_regex(gaz, words, cut_a, cut_b):
    text = " ".join(words)
    norm, offsets = normalize_with_offsets(text)
    an = Analyzer(text, norm, offsets, gaz, [], (0, len(text)), PUB)
    a, b = min(cut_a, len(norm)), max(min(len(norm) - cut_b, len(norm)), 0)
    want = [m.span() for m in U._AR_CUE.finditer(norm, a, b)]
    assert U._cue_tokens(an, a, b) == want


def test_hoisted_boundary_finds_the_same_english_matches():
    plain = {
        "move": re.compile("|".join(f"(?P<{a}>{p})" for a, p in L.MOVE_EN.items()), re.I),
        "event": re.compile("|".join(f"(?P<{a}>{p})" for a, p in L.EVENT_EN.items()), re.I),
    }
    hoisted = {
        k: _combined(k, *(L.MOVE_AR, L.MOVE_EN) if k == "move" else (L.EVENT_AR, L.EVENT_EN))[1]
        for k in plain
    }
    assert all(h.pattern.startswith("\\b(?:") for h in hoisted.values())
    found = 0
    for path in ARTICLES:
        text = load_document(path.read_bytes()).text
        for k, rx in plain.items():
            want = [(m.span(), m.lastgroup) for m in rx.finditer(text)]
            assert [(m.span(), m.lastgroup) for m in hoisted[k].finditer(text)] == want
            found += len(want)
    assert found > 50


def _extract_all(gaz, paths):
    from service.extract import extract_article, extraction_json

    return [
        extraction_json(extract_article(p.read_bytes(), published=PUB, gazetteer=gaz))
        for p in paths
    ]


@pytest.mark.parametrize("gate", ["_LATIN", "_ARABIC_ANY"])
def test_script_gates_change_nothing(gaz, monkeypatch, gate):
    # English patterns are skipped where there is no Latin letter, Arabic ones where there
    # is no Arabic letter; with a gate open (every span "has" one) nothing may change.
    from service.extract import claims as C

    paths = [
        *ARTICLES,
        *sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))[:20],
        *sorted((ROOT / "tests" / "data" / "devset2").glob("*.txt")),
    ]
    fast = _extract_all(gaz, paths)
    monkeypatch.setattr(C, gate, re.compile(r"[\s\S]"))
    assert _extract_all(gaz, paths) == fast
    assert sum(len(x["force_levels"]) + len(x["movements"]) for x in fast) > 100


def _bisect_norm_index(an: Analyzer, pos: int) -> int:
    from bisect import bisect_left

    return bisect_left(an.off, pos, 1, len(an.off) - 1) if len(an.off) > 2 else 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["al-Asad", "Ain", "قاعدة", "عَين", "ـ", "  ", "\n", "US's", "x", "2,500", "«", "؟"]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_norm_index_table_equals_the_bisect(gaz, text):
    # the table is read off sorted offsets; it must give what the bisect gives everywhere
    norm, offsets = normalize_with_offsets(text)
    assert all(a <= b for a, b in zip(offsets.tolist(), offsets.tolist()[1:], strict=False))
    an = Analyzer(text, norm, offsets, gaz, [], (0, len(text)), PUB)
    for pos in range(len(text) + 2):
        assert an.norm_index(pos) == _bisect_norm_index(an, pos), pos
        i = _bisect_norm_index(an, pos)
        for n in (1, 2, 3):
            assert an.tokens_before(pos, n) == norm[max(0, i - 40 * n) : i].split()[-n:]


def test_norm_index_table_on_articles(gaz):
    for path in ARTICLES[:12]:
        text = load_document(path.read_bytes()).text
        norm, offsets = normalize_with_offsets(text)
        an = Analyzer(text, norm, offsets, gaz, [], (0, len(text)), PUB)
        assert all(an.norm_index(p) == _bisect_norm_index(an, p) for p in range(len(text) + 1))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "bb", " ", "  ", "\u00a0", "\n", "ج"]), max_size=12).map(
        "".join
    ),
    st.integers(0, 4),
)
def test_first_and_last_tokens_by_a_bounded_split_equal_split(seg, n):
    # tokens_before / _tokens_after and the claim helpers split only n times
    from service.gazetteer import resolve as R

    if n > 0:
        assert seg.rsplit(None, n)[-n:] == seg.split()[-n:]
        pos = len(seg)
        assert R._tokens_before(seg, pos, n) == seg[max(0, pos - 40 * n) : pos].split()[-n:]
    assert seg.split(None, n)[:n] == seg.split()[:n]
    assert R._tokens_after(seg, 0, n) == seg[: 40 * n].split()[:n]
