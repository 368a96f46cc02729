"""Numbers, dates and body detection."""

import datetime as dt

import pytest

from service.extract.body import find_body
from service.extract.dates import find_dates
from service.extract.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "label", "qualifier"),
    [
        ("نحو 2500 جندي", "≈ 2,500", "approximate"),
        ("2,500 troops", "2,500", "exact"),
        ("٢٥٠٠ جندي", "2,500", "exact"),
        ("ثلاثة آلاف جندي", "3,000", "exact"),
        ("خمسة مئة جندي", "500", "exact"),
        ("خمسمئة جندي", "500", "exact"),
        ("ألفي جندي", "2,000", "exact"),
        ("مئات الجنود", "200–999", "vague"),
        ("a few hundred troops", "200–500", "vague"),
        ("dozens of soldiers", "24–99", "vague"),
        ("fewer than 500 troops", "< 500", "upper_bound"),
        ("أقل من 500 جندي", "< 500", "upper_bound"),
        ("more than 1,000 troops", "> 1,000", "lower_bound"),
        ("أكثر من ألف جندي", "> 1,000", "lower_bound"),
        ("4,000 to 5,000 troops", "4,000–5,000", "range"),
        ("بين 4 و5 آلاف جندي", "4,000–5,000", "range"),
        ("أربعة إلى خمسة آلاف جندي", "4,000–5,000", "range"),
        ("about 2.5 thousand troops", "≈ 2,500", "approximate"),
    ],
)
def test_quantities(text, label, qualifier):
    (n,) = find_numbers(text)
    assert n.quantity.label() == label and n.quantity.qualifier == qualifier
    assert text[n.start : n.end].strip()


PUB = dt.date(2025, 8, 10)


@pytest.mark.parametrize(
    ("text", "iso", "precision", "role"),
    [
        ("بحلول سبتمبر 2025", "2025-09-30", "month", "by"),
        ("بحلول أيلول 2025", "2025-09-30", "month", "by"),
        ("بحلول سبتمبر/أيلول 2025", "2025-09-30", "month", "by"),
        ("حتى نهاية 2026", "2026-12-31", "year", "until"),
        ("by September 2025", "2025-09-30", "month", "by"),
        ("until the end of 2026", "2026-12-31", "year", "until"),
        ("on September 15, 2025", "2025-09-15", "day", "at"),
        ("next September", "2025-09-30", "month", "at"),
        ("في أيلول المقبل", "2025-09-30", "month", "at"),
        ("في كانون الثاني 2026", "2026-01-31", "month", "at"),
        ("في تشرين الأول 2025", "2025-10-31", "month", "at"),
        ("by mid-2026", "2026-06-30", "half", "by"),
        ("in the first quarter of 2026", "2026-03-31", "quarter", "at"),
        ("نهاية العام الجاري", "2025-12-31", "year", "at"),
        ("invaded in 2003", "2003-12-31", "year", "at"),
    ],
)
def test_dates(text, iso, precision, role):
    ds = find_dates(text, published=PUB)
    assert ds, text
    d = ds[0]
    assert (d.date.isoformat(), d.date.precision, d.role) == (iso, precision, role)


def test_following_year_is_relative_to_the_sentence():
    t = "hundreds leave by September 2025 and the rest by the end of the following year"
    ds = find_dates(t, published=dt.date(2024, 9, 6))
    assert [d.date.isoformat() for d in ds] == ["2025-09-30", "2026-12-31"]


def test_impossible_dates_are_skipped():
    assert find_dates("on 31 February 2025") == [] or all(
        d.date.precision != "day" for d in find_dates("on 31 February 2025")
    )


def test_body_excludes_boilerplate(seed_text):
    b = find_body(seed_text)
    body = seed_text[b.start : b.end]
    assert "توصلت واشنطن وبغداد" in body
    assert "View on" not in body and "أخبار ذات صلة" not in body and "قد يُهمك" not in body
    assert seed_text[b.excluded[0][0] : b.excluded[0][1]] == "المغرب اليوم"


def test_body_of_plain_short_text():
    t = "US troops remain in Erbil."
    b = find_body(t)
    assert (b.start, b.end) == (0, len(t))
