"""The first-character lookahead of ``fastre.rx`` changes no match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import body, claims, dates, document, lexicons, numbers, text, unresolved
from service.extract.document import load_document
from service.extract.fastre import ORIGINAL, SCANS, first_class, rx, scan_class

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
    plain = rx(r"على\s+التوالي")  # a literal prefix already: re's own scan
    assert plain.pattern == r"على\s+التوالي" and plain not in ORIGINAL
    # the engine's first-character set: the pattern itself is compiled as written
    the = rx(r"(?i)\bthe\s*$")
    assert the.pattern == r"(?i)\bthe\s*$" and SCANS[the] == ("[t]", the.flags)
    assert the.search("At THE  ").span() == (3, 8) and not the.search("other")
    # a cased first letter outside ASCII cannot be spelled out: the lookahead instead
    etat = rx(r"\bétat", re.I)
    assert etat.pattern == r"(?=[é])(?:\bétat)" and etat not in SCANS
    assert etat.search("l'ÉTAT").span() == (2, 6)
    # an empty match would need the engine's advance rule: no set for it
    assert rx(r"\b(?=[ab])").pattern == r"\b(?=[ab])"
    # verbose patterns are left alone (a trailing comment would eat the wrapper)
    v = rx("(?:the|a)  # an article", re.X)
    assert v.pattern == "(?:the|a)  # an article" and v.match("the")


def _all_characters() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_each_first_character_set_holds_every_character_its_class_matches():
    # the engine skips the characters outside the set, so the set must hold every
    # character the class matches under the pattern's flags: checked on all of Unicode
    every = _all_characters()
    scans = {SCANS[p] for p in _sped_up() if p in SCANS}
    assert len(scans) > 40
    assert any(flags & re.I for _, flags in scans)
    for cls, flags in scans:
        want = set(re.findall(cls, every, flags))
        have = set(re.findall(scan_class(cls, flags), every, flags & ~re.I))
        assert want and want <= have, (cls, sorted(want - have)[:5])


def test_the_case_variants_rule_holds_for_all_of_unicode():
    # scan_class spells out re.I for ASCII letters and keeps an uncased character as it
    # is; that is right only if no other character lowers onto either of them
    # (re.I compares the engine's simple lower case of each character)
    import _sre
    from re import _compiler as C

    every = _all_characters()
    for ch in every:
        low = chr(_sre.unicode_tolower(ord(ch)))
        if low != ch and ord(low) < 128:
            assert ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u212a", hex(ord(ch))
        elif low != ch:
            # the target of a lowering is itself cased, so it never takes the short cut
            assert low.upper() != low or ord(low) in C._EXTRA_CASES, hex(ord(ch))
    for cls, flags in [("[a-z]", re.I), ("[ik]", re.I), (r"[\w]", re.I)]:
        assert set(re.findall(cls, every, flags)) <= set(re.findall(scan_class(cls, flags), every))


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


_PIECES = ["a", "b", "ab", "ال", "و", "A", "i", "ı", r"\s", "[ab]", "a?", "(b)", "(?=a)", "b+"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=4), min_size=4, max_size=9),
    st.sampled_from([0, re.I]),
    st.text(alphabet=list("abAıiİو ال"), max_size=30),
    st.sampled_from(["", "x?", "b", r"\b"]),
)
def test_factored_branches_match_what_the_branch_matched(alts, flags, s, tail):
    # shared first characters pulled out of a branch: the same matches, the same groups,
    # whatever the order of the alternatives, empty ones and what follows the branch
    pattern = "(?:" + "|".join("".join(a) for a in alts) + ")" + tail
    fast, plain = rx(pattern, flags), re.compile(pattern, flags)
    assert _spans(fast, s) == _spans(plain, s), pattern
    assert [m.span() for m in fast.finditer(s + s)] == [m.span() for m in plain.finditer(s + s)]


def test_a_lexicon_branch_is_factored():
    from re import _parser as P

    from service.extract.fastre import factored_tree

    tree = factored_tree(P.parse("(?:القوات|القاعدة|الجنود|قوات|قاعدة)"))
    # two alternatives left at the top, by first letter; "ال" is tested once for three words
    ((op, (_, alts)),) = tree.data
    assert op is P.BRANCH and len(alts) == 2
    assert [av for _, av in alts[0][:2]] == [ord("ا"), ord("ل")] and alts[0][2][0] is P.BRANCH
    assert factored_tree(P.parse("(?:ab|cd|ef|gh)")) is None  # nothing shared: unchanged
    assert factored_tree(P.parse("(?:ab|ac)")) is None  # too short to bother


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
