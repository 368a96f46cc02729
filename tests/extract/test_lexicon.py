"""The prefix-factored alternation must match exactly what the flat longest-first one does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import dates as D
from service.extract.document import load_document
from service.extract.lexicon import alternation
from tests.extract.test_prefilters import ARTICLES

# letters whose spelling-tolerant classes overlap (alef and yeh forms), plus Latin
LETTERS = list("اأإآبتيىئهةسمر") + list("abSs") + [" "]
word_st = (
    st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=5).map(str.strip).filter(bool)
)


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.group("w")) for m in rx.finditer(text)]


@st.composite
def words_and_text(draw):
    words = draw(st.lists(word_st, min_size=1, max_size=12))
    # prefixes of the words, so prefix-related alternatives compete
    words += [w[:k] for w in draw(st.lists(st.sampled_from(words), max_size=4)) for k in (1, 2)]
    pieces = st.one_of(st.sampled_from(words), st.sampled_from([*LETTERS, "ً", "ـ", "1"]))
    return [w for w in words if w.strip()], "".join(draw(st.lists(pieces, max_size=20)))


@settings(max_examples=500, deadline=None)
@given(words_and_text(), st.booleans())
def test_factored_alternation_matches_the_flat_one(case, tail):
    words, text = case
    # a following item forces backtracking into shorter words ("سبت" when "سبتمبر" fails)
    after = r"(?=ب|\s|$)" if tail else ""
    flat = re.compile(rf"(?P<w>{alternation(words, factor=False)}){after}", re.I)
    fact = re.compile(rf"(?P<w>{alternation(words)}){after}", re.I)
    assert _spans(fact, text) == _spans(flat, text)


def test_month_patterns_match_their_flat_form():
    flat_mon = D.alternation(
        (n for ns in D._MONTH_LISTS.values() for n in ns if n != "may"), factor=False
    )
    assert flat_mon != D._MON and D._MON in D.PATTERNS[0][1].pattern
    texts = [load_document(p.read_bytes()).text for p in ARTICLES]
    texts.append("15 سبتمبر 2025، وفي أيلول/سبتمبر المقبل ثم كانون الثاني 2026 و sept. 3, 2024")
    found = 0
    for kind, rx in D.PATTERNS:
        slow = re.compile(rx.pattern.replace(D._MON, flat_mon), rx.flags)
        for t in texts:
            want = [(m.span(), m.groupdict()) for m in slow.finditer(t)]
            assert [(m.span(), m.groupdict()) for m in rx.finditer(t)] == want, kind
            found += len(want)
    assert found > 100
