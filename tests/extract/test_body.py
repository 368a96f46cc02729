"""Datelines: the city a story was filed from, with or without a date, region and agency."""

import pytest

from service.extract import extract_article
from service.extract.body import find_body

EN_REST = " The Pentagon said on Thursday that about 900 US troops had arrived in Iraq and Syria."
AR_REST = " قالت مصادر عسكرية إن نحو 2500 جندي أميركي ما زالوا في قاعدة عين الأسد غربي العراق."


@pytest.mark.parametrize(
    ("lead", "place", "excluded"),
    [
        ("SEOUL, May 23 (Hanbit News) --", "SEOUL", ["May 23", "(Hanbit News)"]),
        ("BAGHDAD, Sept 3 (Reuters) -", "BAGHDAD", ["Sept 3", "(Reuters)"]),
        ("WASHINGTON, Jan. 5, 2024 (AP) —", "WASHINGTON", ["Jan. 5, 2024", "(AP)"]),
        ("WASHINGTON, D.C. —", "WASHINGTON, D.C.", []),
        ("ERBIL, Iraq (Tigris Wire) -", "ERBIL, Iraq", ["(Tigris Wire)"]),
        ("KABUL, 3 July (Crossline) –", "KABUL", ["3 July", "(Crossline)"]),
        ("BAGHDAD (Reuters) -", "BAGHDAD", ["(Reuters)"]),  # the undated form still works
    ],
)
def test_english_datelines(lead, place, excluded):
    text = "Headline about troops\n\n" + lead + EN_REST
    b = find_body(text)
    assert b.dateline is not None and text[b.dateline[0] : b.dateline[1]] == place
    assert [text[x:y] for x, y in b.excluded] == excluded


@pytest.mark.parametrize(
    ("lead", "place", "excluded"),
    [
        ("بغداد - 3 أيلول (رويترز) -", "بغداد", ["3 أيلول", "(رويترز)"]),
        ("أربيل، 12 تشرين الأول (الخابور) -", "أربيل", ["12 تشرين الأول", "(الخابور)"]),
        ("دمشق – ٥ شباط/فبراير ٢٠٢٥ (وكالات) –", "دمشق", ["٥ شباط/فبراير ٢٠٢٥", "(وكالات)"]),
    ],
)
def test_arabic_datelines(lead, place, excluded):
    text = lead + AR_REST
    b = find_body(text)
    assert b.dateline is not None and text[b.dateline[0] : b.dateline[1]] == place
    assert [text[x:y] for x, y in b.excluded] == excluded


def test_dateline_on_its_own_line_and_after_a_long_headline():
    text = (
        "US sends 900 more troops to the Middle East as attacks on its forces in Iraq mount\n\n"
        "SEOUL, May 23 (Hanbit News) --\n" + EN_REST.strip()
    )
    b = find_body(text)
    assert b.dateline is not None and text[b.dateline[0] : b.dateline[1]] == "SEOUL"


@pytest.mark.parametrize(
    "text",
    [
        "The US-led coalition, officials said - and they meant it - will stay in Iraq.",
        "President Biden - who spoke on Monday - said US troops would stay in Iraq for now.",
        "Iraq, Syria and Jordan host US troops, officials said on Monday in a statement.",
    ],
)
def test_ordinary_sentences_are_no_dated_datelines(text):
    b = find_body(text)
    assert b.dateline is None or not b.excluded


def test_dateline_city_is_a_place_but_no_claim_place_and_its_date_no_claim_date(gaz):
    text = (
        "SEOUL, May 23 (Hanbit News) -- About 28,500 American troops remain in South Korea, "
        "the ministry said, and some of them will leave Camp Humphreys.\n"
    )
    ex = extract_article(text, published="2024-05-23", gazetteer=gaz)
    seoul = [p for p in ex.places if p.place.name == "Seoul"]
    assert seoul and seoul[0].mentions[0].text == "SEOUL"  # a place, not a metonym
    assert all(f.place_id != seoul[0].place.id for f in ex.force_levels)
    assert all(m.place_id != seoul[0].place.id for m in ex.movements)
    # the filing date is not a deadline
    assert all(m.by is None for m in ex.movements)
    # the agency is not a place
    assert not any("Hanbit" in m.text for p in ex.places for m in p.mentions)


@pytest.mark.parametrize("marker", ["3 COMMENTS", "Comments (12)", "Leave a reply", "التعليقات"])
def test_reader_comments_end_the_body(marker):
    text = (
        "Headline about troops\n\n" + EN_REST.strip() + "\n\n" + marker + "\n"
        "Sam — I served at Camp Humphreys in Korea in 2004 and it was cold all winter long.\n"
    )
    b = find_body(text)
    assert "Humphreys" not in text[b.start : b.end]
    assert "900 US troops" in text[b.start : b.end]
