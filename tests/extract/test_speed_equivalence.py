"""Speed paths equal a straightforward reference.

Each test builds the plain version of a hot helper (a regex token split, a token-by-token
lexicon scan, a group lookup by name) and checks the fast path returns exactly the same,
on real articles and on random text built from the helpers' own vocabulary.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from service.extract import dates as D
from service.extract import lexicons as L
from service.extract.claims import _combined
from service.extract.document import load_document
from service.extract.text import WordHints
from service.gazetteer.normalize import normalize_with_offsets

PUB = dt.date(2025, 8, 10)
ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [
    ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt",
    *sorted((ROOT / "tests" / "data" / "devset").glob("*.*t*")),
]


def _norms() -> list[str]:
    return [normalize_with_offsets(load_document(p.read_bytes()).text)[0] for p in ARTICLES]


# ----------------------------------------------------------------------------- NormTokens
def _ref_tokens(norm: str, start: int, end: int) -> tuple[list[str], list[int], set[str]]:
    """The runs of non-spaces of ``norm[start:end]`` and their offsets."""
    toks = [(m.group(), start + m.start()) for m in re.finditer(r"[^ ]+", norm[start:end])]
    return [w for w, _ in toks], [s for _, s in toks], {w for w, _ in toks}


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "ج", "قوات", "", " ", "x y"]), max_size=15).map(" ".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_norm_tokens_match_a_regex_split(text, a, b):
    a, b = min(a, len(text)), min(max(a, b), len(text))
    got = L.NormTokens(text, a, b)
    assert (got.tokens, got.starts, got.distinct) == _ref_tokens(text, a, b)


def test_norm_tokens_on_articles():
    for norm in _norms():
        for a, b in ((0, len(norm)), (len(norm) // 3 + 1, 2 * len(norm) // 3 - 1)):
            got = L.NormTokens(norm, a, b)
            assert (got.tokens, got.starts, got.distinct) == _ref_tokens(norm, a, b)


# ----------------------------------------------------------------------------- TokenLexicon
LEXICONS = {
    "move": lambda: _combined("move", L.MOVE_AR, L.MOVE_EN)[0],
    "event": lambda: _combined("event", L.EVENT_AR, L.EVENT_EN)[0],
    "actor": L.actor_lexicon,
}


def _ref_find(lex: L.TokenLexicon, norm: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """Token by token with no cache: every single-token match and every multi match."""
    out = []
    toks = L.NormTokens(norm, a, b)
    multi_end = -1
    multi_out = []
    for tok, pos in zip(toks.tokens, toks.starts, strict=True):
        mm = lex.single.fullmatch(tok)
        if mm and mm.lastgroup:
            out.append((pos, pos + len(tok), mm.lastgroup))
        if lex.multi is not None and pos >= multi_end and pos > 0 and norm[pos - 1] == " ":
            m2 = lex.multi.match(norm, pos, b)
            if m2 is not None and m2.end() > m2.start():
                multi_out.append((m2.start(), m2.end(), m2.lastgroup or ""))
                multi_end = m2.end()
    out += multi_out
    return sorted(out, key=lambda t: (t[0], -(t[1] - t[0])))


@pytest.mark.parametrize("name", list(LEXICONS))
def test_lexicon_find_with_warm_cold_and_full_cache(name):
    lex = LEXICONS[name]()
    norms = _norms()
    want = [_ref_find(lex, n, 0, len(n)) for n in norms]
    assert [lex.find(n) for n in norms] == want  # warm (shared with the extractor)
    assert [lex.find(n) for n in norms] == want  # warmer
    # a full cache: every verdict computed afresh, none remembered
    cold = L.TokenLexicon(lex.groups)
    cold.cache_max = 0
    assert [cold.find(n) for n in norms] == want
    assert cold.cache == {} and cold.relevant == set()
    assert sum(map(len, want)) > 20


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_lexicon_find_on_random_token_text(data):
    norm = _norms()[0]
    words = sorted(set(norm.split()))
    lex = LEXICONS[data.draw(st.sampled_from(list(LEXICONS)))]()
    text = " " + " ".join(data.draw(st.lists(st.sampled_from(words), max_size=30))) + " "
    assert lex.find(text) == _ref_find(lex, text, 0, len(text))


# ----------------------------------------------------------------------------- date guards
# relative words in every case, the two letters whose re.I match their lowercase lacks
# ("ı" for i, "ſ" for s), and month names / years for the patterns to hang on
_REL_LINES = (
    "next NEXT Next coming COMING comıng last LAST laſt past PAST paſt this THIS thıs thiſ",
    "current CURRENT following FOLLOWING followıng subsequent ſubsequent year YEAR month",
    "المقبل القادم المقبلة الماضي الفائت المنصرم الماضية الجاري الحالي التالي الذي يليه",
    "العام عام السنة من هذا of the end September Sept سبتمبر أيلول وسبتمبر 15 ٢٠٢٥ 2025",
)
_REL_VOCAB = [w for line in _REL_LINES for w in line.split(" ")] + ["  ", ",", "\n"]


def _dates_without_prefilters(text: str) -> list:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(WordHints, "windows", lambda self, t, s, e, w=None: [(s, e)] if e > s else [])
        m.setattr(D, "_GUARDS", {})
        return D.find_dates(text, published=PUB)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_REL_VOCAB), min_size=1, max_size=12).map(" ".join))
def test_relative_date_guards_match_a_full_scan(text):
    assert D.find_dates(text, published=PUB) == _dates_without_prefilters(text)


@pytest.mark.parametrize(
    "text",
    [
        "September next year",
        "سبتمبر المقبل",
        "COMING September",
        "comıng September",
        "laſt September",
        "September PAST",
        "September thıs year",
        "thiſ year",
        "ſubsequent year",
        "العام الماضي",
        "عام NEXT",
        "السنة الذي يليه",
        "عام ſubsequent",
    ],
)
def test_relative_date_guards_keep_each_pattern(text):
    got = D.find_dates(text, published=PUB)
    assert got == _dates_without_prefilters(text)
    assert got


# ----------------------------------------------------------------------------- span sets
_SPAN = st.tuples(st.integers(0, 200), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(_SPAN, max_size=30), st.lists(_SPAN, max_size=10), _SPAN)
@settings(max_examples=300, deadline=None)
def test_span_set_overlaps_like_a_scan(initial, added, query):
    """The bisecting overlap test of unresolved names equals the scan of every span."""
    from service.extract.unresolved import _Spans

    spans = _Spans(initial)
    for a, b in added:
        spans.add(a, b)
    a, b = query
    everything = [*initial, *added]
    assert spans.overlaps(a, b) == any(a < e and s < b for s, e in everything)


def test_nearest_of_a_kind_equals_a_scan_of_every_place():
    """The per-kind list behind ``Gazetteer.nearest`` gives what scanning all places gave."""
    from service.gazetteer import load_gazetteer
    from service.gazetteer.index import haversine_km

    gaz = load_gazetteer()
    for lon, lat, kind in (
        (43.3, 33.8, "installation"),
        (44.0, 36.2, "city"),
        (10, 50, "installation"),
    ):
        ref = sorted(
            ((p, haversine_km(lon, lat, p.lon, p.lat)) for p in gaz.places if p.kind == kind),
            key=lambda t: t[1],
        )[:3]
        got = gaz.nearest(lon, lat, kind=kind, limit=3)
        assert [(p.id, round(d, 6)) for p, d in got] == [(p.id, round(d, 6)) for p, d in ref]
        assert got


_CLAUSE_SEP = re.compile(r"[،,;؛:]|\s[-–—]\s")


def _clause_breaks_reference(text: str, start: int, end: int) -> list[int]:
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


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=list(" -–—,،;؛:a1٢\t\n\u00a0"), max_size=24), st.data())
def test_clause_breaks_equal_the_separator_regex(text, data):
    from service.extract.text import clause_breaks

    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert clause_breaks(text, a, b) == _clause_breaks_reference(text, a, b)


def test_clause_breaks_equal_the_separator_regex_on_articles():
    from service.extract.text import clause_breaks

    for p in ARTICLES:
        t = load_document(p.read_bytes()).text
        assert clause_breaks(t, 0, len(t)) == _clause_breaks_reference(t, 0, len(t))


# ----------------------------------------------------------------------------- Words
def _ref_word_hits(text: str, start: int, end: int) -> list[tuple[list[int], list]]:
    """Every hint set's flagged ``\\w+`` words of ``text[start:end]``, one match at a time."""
    from service.extract import text as T

    out: list[tuple[list[int], list]] = [([], []) for _ in T._HINT_SETS]
    for m in re.finditer(r"\w+", text[:end]):
        if m.start() < start:
            if m.end() <= start:
                continue
            w, a = text[start : m.end()], start  # a word cut by the window's start
        else:
            w, a = m.group(), m.start()
        k = T._mask(w)
        for i, (starts, spans) in enumerate(out):
            if k >> i & 1:
                starts.append(a)
                spans.append((a, a + len(w)))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *("2025", "سبتمبر", "وسبتمبر", "في", "الفيلق", "ثلاثة", "hundred", "x_2"),
                *("٢٠٢٥", "", " ", ".", "ـ", "é", "سبتمبر2025", "in", "within", "ثلاثةثلاثة"),
            ]
        ),
        max_size=20,
    ).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
# a flagged word first seen inside a longer, unflagged one, on either side
@example("ثلاثةثلاثة ثلاثة", 0, 60)
@example("xثلاثة ثلاثة", 0, 60)
@example("ثلاثةx ثلاثة", 0, 60)
@example("ثلاثةx ثلاثة", 3, 7)
def test_words_find_the_flagged_words_like_a_match_scan(text, a, b):
    from service.extract.text import Words

    a, b = min(a, len(text)), min(max(a, b), len(text))
    got = Words(text, a, b)._hits
    assert [(s, sp) for s, sp in got] == _ref_word_hits(text, a, b)


def test_words_on_articles():
    from service.extract.text import Words

    for p in ARTICLES:
        text = load_document(p.read_bytes()).text
        for a, b in ((0, len(text)), (len(text) // 3 + 1, 2 * len(text) // 3 - 1)):
            assert [(s, sp) for s, sp in Words(text, a, b)._hits] == _ref_word_hits(text, a, b)


def test_no_character_is_both_whitespace_and_a_word_character():
    # _words splits on str.isspace and takes an isalnum chunk as one \w+ word
    for cp in range(0x110000):
        c = chr(cp)
        is_word = re.fullmatch(r"\w", c) is not None
        assert is_word == (c.isalnum() or c == "_"), hex(cp)
        assert not (c.isspace() and is_word), hex(cp)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"ab_1٢ ـ\u00a0\u2009\u3000\x1c\n.,،؛-'\u064e\u064bé«»()سبتمبر", "x\u0301"]
        )
    ).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_word_split_equals_findall(text, a, b):
    from service.extract import text as T

    a, b = min(a, len(text)), min(max(a, b), len(text))
    assert T._words(text, a, b) == re.findall(r"\w+", text[a:b])


# ----------------------------------------------------------------------------- guard words
_GUARD_VOCAB = [*sorted({w for ws in D._GUARDS.values() for w in ws}), "x", " ", "mon", "ths"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_GUARD_VOCAB), max_size=8).map("".join))
def test_guard_mask_is_a_substring_test_per_guard(seg):
    # one automaton pass must tell every guard, overlapping words included ("month"/"th")
    ac, bits, always = D._guard_index(D._GUARDS)
    mask = D._guard_mask(ac, seg, always)
    for kind, words in D._GUARDS.items():
        assert bool(mask & bits[kind]) == any(w in seg for w in words), kind


def test_guard_mask_sees_overlapping_words():
    ac, bits, always = D._guard_index(D._GUARDS)
    mask = D._guard_mask(ac, "the end of next month", always)
    for kind in ("end", "m_next", "m_this", "month_rel"):
        assert mask & bits[kind], kind


# ----------------------------------------------------------------------------- token patterns
@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<= )(?:ab|c)(?= )",
        r"(?<= )(?:(?:[وف])?(?:[بلك])?(?:ال|لل)?(?:قوات|قوه)(?:ها|ه)?)(?= )",
        r"(?<= )(?:مطالب\w*|x[0-9]{2,})(?= )",
    ],
)
def test_single_token_accepts_lexicon_words(pattern):
    from service.extract.fastre import single_token

    assert single_token(pattern).pattern == pattern[len("(?<= )") : -len("(?= )")]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<= )(?:a b|c)(?= )",  # a space
        r"(?<= )(?:a\s?b)(?= )",
        r"(?<= )(?:a.)(?= )",  # "." and negated classes match a space
        r"(?<= )(?:a[^x])(?= )",
        r"(?<= )(?:a\W)(?= )",
        r"(?<= )(?:a[\x00-\x7f])(?= )",
        r"(?<= )(?:a(?=b)b)(?= )",  # look-arounds, anchors, back-references inside
        r"(?<= )(?:a\b)(?= )",
        r"(?<= )(?:(a)\1)(?= )",
        r"(?<= )(?:a)(?= )|b",  # not one pattern between the boundaries
        r"(?i)(?<= )(?:a)(?= )",
        r"(?<= )(?:(?i:a))(?= )",
        r"(?<=\s)(?:a)(?= )",
        r"(?<= )(?:a)",
    ],
)
def test_single_token_refuses_what_a_token_verdict_cannot_tell(pattern):
    from service.extract.fastre import single_token

    assert single_token(pattern) is None


_TOKEN_PATTERNS = [
    r"(?<= )(?:(?:[وف])?(?:ال)?(?:قوات|قوه)(?:ها)?)(?= )",
    r"(?<= )(?:ab|a|b\w*)(?= )",
]
_TOKEN_VOCAB = ["قوات", "والقوات", "قوه", "فقواتها", "القواتx", "ab", "a", "b", "bc", "x", "ba"]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(_TOKEN_PATTERNS),
    st.lists(st.sampled_from(_TOKEN_VOCAB), max_size=12).map(" ".join),
    st.sampled_from(["", " "]),
    st.sampled_from(["", " "]),
    st.data(),
)
def test_token_matches_equal_the_pattern_scan(pattern, words, lead, trail, data):
    from service.extract.claims import token_matches
    from service.extract.fastre import single_token

    norm = lead + words + trail
    n = len(norm)
    s0 = data.draw(st.integers(0, n))
    e0 = data.draw(st.integers(s0, n))
    na = data.draw(st.integers(s0, e0))
    nb = data.draw(st.integers(na, e0))
    toks = L.NormTokens(norm, s0, e0)
    whole = single_token(pattern)
    want = [m.span() for m in re.compile(pattern).finditer(norm, na, nb)]
    want = [sp for sp in want if sp[1] > sp[0]]
    got = token_matches(norm, toks, whole, {}, na, nb)
    assert got == want
    first = token_matches(norm, toks, whole, {}, na, nb, first=True)
    assert first == want[:1]


def test_token_matches_skip_the_tail_of_a_word_cut_by_the_token_span():
    from service.extract.claims import token_matches
    from service.extract.fastre import single_token

    pattern = r"(?<= )(?:b\w*)(?= )"
    norm = " ab ba "
    toks = L.NormTokens(norm, 2, len(norm))  # starts inside "ab": its first token is "b"
    assert toks.tokens[0] == "b"
    want = [m.span() for m in re.compile(pattern).finditer(norm, 2, len(norm))]
    assert want == [(4, 6)]
    assert token_matches(norm, toks, single_token(pattern), {}, 2, len(norm)) == want


def test_edge_marks_are_never_word_characters():
    from service.extract.text import _EDGE_MARKS

    assert _EDGE_MARKS
    assert not any(re.fullmatch(r"\w", c) for c in _EDGE_MARKS)
