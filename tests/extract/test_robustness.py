"""Hostile, binary, empty and random input: clear errors, never a crash; offsets slice back."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.errors import InputError
from service.extract import extract_article

AR_WORDS = [
    "القوات",
    "الأميركية",
    "في",
    "العراق",
    "نحو",
    "2500",
    "جندي",
    "بحلول",
    "سبتمبر",
    "2025",
    "قاعدة",
    "عين",
    "الأسد",
    "أربيل",
    "ستغادر",
    "التحالف",
    "،",
    ".",
    "\n",
    "<script>",
    "alert(1)",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "troops",
    "Erbil",
    "about",
    "2,500",
    "by",
    "September",
    "«",
    "»",
    "ـ",
    "؟",
]


@pytest.mark.parametrize(
    "bad",
    [
        b"",
        "   \n\t",
        b"\x00\x01\x02binary\x00",
        b"\xff\xfe\xfd\xfc",
        "\x00" * 100,
        bytes(range(256)) * 4,
    ],
)
def test_bad_input_is_a_clear_error(gaz, bad):
    with pytest.raises(InputError) as ei:
        extract_article(bad, gazetteer=gaz)
    assert ei.value.status in (400, 413) and ei.value.message


def test_bad_published_date(gaz):
    with pytest.raises(InputError):
        extract_article("US troops in Iraq.", published="2024-02-30", gazetteer=gaz)
    with pytest.raises(InputError):
        extract_article("US troops in Iraq.", lang="fr", gazetteer=gaz)


def test_html_article_offsets_and_no_script(gaz):
    html = (
        "<html><head><script>var x='العراق';</script></head><body><nav>Morocco | "
        "Lebanon</nav><article><p>ولدى الولايات المتحدة نحو 2500 جندي في العراق "
        "&amp; <b>عين الأسد</b>.</p></article><footer>Related: Ukraine</footer></body></html>"
    )
    ex = extract_article(html, published="2024-09-06", gazetteer=gaz)
    ids = {p.place.id for p in ex.places}
    assert "country:IQ" in ids and "installation:ain-al-asad-air-base" in ids
    assert "country:MA" not in ids and "country:UA" not in ids
    for p in ex.places:
        for m in p.mentions:
            assert html[m.start : m.end] == m.text
    assert any(f.quantity.count == 2500 for f in ex.force_levels)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(AR_WORDS) | st.text(max_size=8), min_size=1, max_size=60))
def test_random_text_never_crashes_and_offsets_slice(gaz, words):
    text = " ".join(words)
    try:
        ex = extract_article(text, published="2024-09-06", gazetteer=gaz)
    except InputError:
        return
    for p in ex.places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
    for c in [*ex.force_levels, *ex.movements, *ex.events]:
        assert text[c.quote.start : c.quote.end] == c.quote.text
    for u in ex.unresolved:
        assert text[u.start : u.end] == u.text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_unicode(gaz, text):
    try:
        ex = extract_article(text, gazetteer=gaz)
    except InputError:
        return
    for p in ex.places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
