"""Misspelt names of prominent places after a place preposition ("in Erbill")."""

import pytest

from service.extract import extract_article
from service.gazetteer.normalize import normalize_with_offsets


def _near(gaz, text):
    norm, offsets = normalize_with_offsets(text)
    cands = gaz.scan_normalized(text, norm, offsets)
    return [
        (text[c.start : c.end], {gaz.places[i].id for i, _ in c.places})
        for c in gaz.near_misses(text, norm, offsets, cands)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US troops in Erbill will stay.", [("Erbill", "city:95446")]),
        ("Coalition forces left Baghadad.", [("Baghadad", "city:98182")]),
        ("Forces moved to Kuwiat.", [("Kuwiat", "country:KW")]),  # a swap of neighbours
        ("US troops at Incirlick air base.", [("Incirlick", "installation:incirlik-air-base")]),
    ],
)
def test_one_typo_of_a_prominent_name(gaz, text, expected):
    got = _near(gaz, text)
    assert [g[0] for g in got] == [e[0] for e in expected]
    assert all(e[1] in g[1] for g, e in zip(got, expected, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "He said in English that troops stay.",  # a language
        "Bases in Russian hands.",  # an adjective of a name
        "Troops went to Qatari bases.",
        "Talks in Parliament resumed.",
        "The talks were in error.",  # not capitalised
        "Troops in Jordan and Iraq.",  # exact names are the scanner's
        "troops in Irak",  # too short to guess
    ],
)
def test_no_guess(gaz, text):
    assert _near(gaz, text) == []


def test_extraction_uses_near_misses_in_english_only(gaz):
    ex = extract_article(
        "About 500 US troops are in Erbill.", published="2025-01-01", gazetteer=gaz
    )
    assert [(f.actor, f.place_id, f.quantity.count) for f in ex.force_levels] == [
        ("US", "city:95446", 500)
    ]
    # Arabic text is not guessed at (its variants are the normaliser's job)
    ar = extract_article("ينتشر 500 جندي أمريكي في Erbill.", published="2025-01-01", gazetteer=gaz)
    assert ar.places == [] or all(p.id != "city:95446" for p in ar.places)
