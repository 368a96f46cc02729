"""Place-like names the gazetteer lacks (``unresolved``): names, not the words after a cue."""

from __future__ import annotations

import pytest

from service.extract import extract_article


def _unresolved(gaz, text: str) -> list[str]:
    return [u.text for u in extract_article(text, gazetteer=gaz).unresolved]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وتنتشر القوات التركية في قاعدة كوريلان قرب دهوك.", "كوريلان"),
        ("ويضم معسكر السلام في ميناء زايد نحو 700 عسكري فرنسي.", "زايد"),
        ("انسحبت القوات الفرنسية من قاعدة كورمار في الشمال.", "كورمار"),
        ("US troops moved to Camp Tallow Ridge last week.", "Tallow Ridge"),
    ],
)
def test_names_after_a_place_word_are_unresolved(gaz, text, name):
    assert name in _unresolved(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال النائب إن «القاعدة يجب أن تخدم مصالح البلاد أولاً».",  # definite cue + verb
        "قطعت السلطات التيار الكهربائي عن القاعدة لأيام.",
        "وتستضيف البلاد قاعدة بريطانية صغيرة قرب الساحل.",  # nationality, adjective
        "وأقيمت منطقة عازلة على طول الحدود.",
        "وتستخدم القوات الأمريكية القاعدة حالياً لأغراض التدريب.",
        "وكان المطار مدنياً ثم أصبح قاعدة ومعسكر تدريب.",  # another place word
        "وسلمت القوات القاعدة للجانب العراقي.",  # لل + noun
        "وتحولت المنطقة بشكل كامل إلى قاعدة مشتركة.",
    ],
)
def test_words_after_a_place_word_that_are_no_names(gaz, text):
    assert _unresolved(gaz, text) == []
