"""The first-character lookahead of ``fastre.rx`` changes no match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import body, claims, dates, document, lexicons, numbers, text, unresolved
from service.extract.document import load_document
from service.extract.fastre import ORIGINAL, first_class, rx

ROOT = Path(__file__).resolve().parents[2]


def _sped_up() -> list[re.Pattern]:
    found = []
    for mod in (claims, numbers, dates, lexicons, text, body, unresolved, document):
        for v in vars(mod).values():
            if isinstance(v, re.Pattern) and v in ORIGINAL:
                found.append(v)
    found += [p for _, p in dates.PATTERNS + dates._ROLE_BEFORE if p in ORIGINAL]
    return list(dict.fromkeys(found))


def _spans(p: re.Pattern, s: str) -> list:
    return [(m.span(), m.lastgroup, m.groups()) for m in p.finditer(s)]


def test_most_hot_patterns_are_sped_up():
    # the claims, dates and numbers grammars: most of their patterns get a lookahead
    assert len(_sped_up()) > 120
    assert numbers._APPROX_BEFORE in ORIGINAL and dates.PATTERNS[0][1] in ORIGINAL


@pytest.mark.parametrize(
    ("pattern", "flags", "want"),
    [
        (r"(?<!\w)(?:about|نحو)\s*$", re.I, "[aن]"),
        (r"\b(?:the\s+)?base", 0, "[tb]"),
        (r"\s*of", 0, r"[\so]"),
        (r"[^a]b", 0, None),  # a negated class: unbounded
        (r".x", 0, None),
        (r"(?i:a)b", 0, None),  # a local flag changes what the class means
        (r"a?", 0, None),  # may match empty
        (r"(?:x|)y", 0, "[xy]"),
        (r"[a-c\d]+z", 0, r"[a-c\d]"),
        (r"\]|\^|-", 0, r"[\]\^\-]"),
    ],
)
def test_first_class(pattern, flags, want):
    assert first_class(pattern, flags) == want


def test_lookahead_only_where_the_engine_has_no_scan_of_its_own():
    assert rx(r"على\s+التوالي").pattern == r"على\s+التوالي"  # a literal prefix already
    assert rx(r"(?i)\bthe\s*$").pattern == r"(?i)(?=[t])(?:\bthe\s*$)"
    # verbose patterns are left alone (a trailing comment would eat the wrapper)
    v = rx("(?:the|a)  # an article", re.X)
    assert v.pattern == "(?:the|a)  # an article" and v.match("the")


def test_sped_up_patterns_match_the_same_on_articles():
    paths = [
        ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt",
        *sorted((ROOT / "tests" / "data" / "devset").glob("*.txt"))[::4],
        *sorted((ROOT / "tests" / "data" / "devset2").glob("*.txt"))[::6],
    ]
    texts = [load_document(p.read_bytes()).text for p in paths]
    found = 0
    for p in _sped_up():
        plain = re.compile(*ORIGINAL[p])
        for t in texts:
            got = _spans(p, t)
            assert got == _spans(plain, t), plain.pattern[:80]
            found += len(got)
    assert found > 1000


_ALPHABET = list("aAbeEiIıİsSſkKK tTnNoOdDuU  \n\t.,،;:-'’0129٠٢ابتحدرسعفقلمنهويةىأإآؤئـً")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_sped_up_patterns_match_the_same_on_random_text(s):
    for p in _sped_up():
        assert _spans(p, s) == _spans(re.compile(*ORIGINAL[p]), s), ORIGINAL[p][0][:80]


def test_split_alternatives():
    from service.extract.fastre import split_alternatives

    assert split_alternatives(r"a|b(c|d)|[|]x|\||[]|]y|(?:e)") == [
        "a",
        "b(c|d)",
        "[|]x",
        r"\|",
        "[]|]y",
        "(?:e)",
    ]
    assert split_alternatives("abc") == ["abc"]


def _dispatchers():
    from service.extract.claims import _combined, _verb_dispatch

    _, cs, ci = lexicons.actor_combined()
    dcs, dci = lexicons.actor_dispatch()
    out = [(cs, dcs), (ci, dci)]
    kinds = (
        ("move", lexicons.MOVE_AR, lexicons.MOVE_EN),
        ("event", lexicons.EVENT_AR, lexicons.EVENT_EN),
    )
    for kind, ar, en in kinds:
        # the real Arabic lexicon too: _combined caches per kind for the whole process
        out.append((_combined(kind, ar, en)[1], _verb_dispatch(kind, en)))
    return out


def _m(it) -> list:
    return [(m.span(), m.lastgroup) for m in it]


def test_dispatch_finds_what_the_whole_alternation_finds():
    from service.extract.fastre import Dispatch

    texts = [
        load_document(p.read_bytes()).text
        for d in ("devset", "devset2", "heldout")
        for p in sorted((ROOT / "tests" / "data" / d).glob("*en*.txt"))
    ]
    found = 0
    for whole, fast in _dispatchers():
        assert fast.starts is not None  # really dispatched, not the fallback
        for t in texts:
            got = _m(fast.finditer(t))
            assert got == _m(whole.finditer(t))
            assert _m(fast.finditer(t, 40, len(t) - 40)) == _m(whole.finditer(t, 40, len(t) - 40))
            found += len(got)
    assert found > 500
    # an alternative that may match empty cannot be dispatched: the whole pattern runs
    d = Dispatch("", {"a": ["x?"], "b": ["yz"]})
    assert d.starts is None and _m(d.finditer("yz x")) == _m(d.whole.finditer("yz x"))


_WORDS = "US U.S. Americans British French troops withdrew left leave pulled out deploy "
_WORDS += "Germany's German-led the Marines 300 Marines NATO Turkish Royal Air Force redeploy"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_WORDS.split(), " ", ",", "-", "'s", "x", "É"]), max_size=25))
def test_dispatch_matches_on_random_text(words):
    t = " ".join(words)
    for whole, fast in _dispatchers():
        assert _m(fast.finditer(t)) == _m(whole.finditer(t))
