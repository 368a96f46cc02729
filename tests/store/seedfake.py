"""A hand-built extraction of the seed article, as the extractor is expected to produce it.

Used to test the store's semantics before (and independently of) the real extractor.
Quotes are real spans of the seed text; place ids exist in tests/data/gazetteer_mini and in
the bundled gazetteer.
"""

from __future__ import annotations

import datetime as dt

from service.domain import (
    Event,
    Extraction,
    ForceLevel,
    FuzzyDate,
    Movement,
    Quantity,
    Span,
)

SEED_PUBLISHED = dt.date(2024, 9, 6)
AIN = "installation:ain-al-asad-air-base"
BAGHDAD = "city:98182"
ERBIL = "city:95446"
HUNDREDS = Quantity(count_min=200, count_max=999, approximate=True, qualifier="vague")


def span(text: str, quote: str) -> Span:
    i = text.find(quote)
    if i < 0:
        i = 0
        quote = text[: len(quote)]
    return Span(i, i + len(quote), quote)


def seed_extraction(text: str, *, published: dt.date | None = SEED_PUBLISHED, **_kw) -> Extraction:
    """The seed's claims (ignores extractor keyword arguments)."""
    s = lambda q: span(text, q)
    by_sep_2025 = FuzzyDate.of(2025, 9)
    end_2026 = FuzzyDate.of(2026)
    end_2026_approx = FuzzyDate.of(2026, approximate=True)
    levels = [
        ForceLevel(
            "US",
            "country:IQ",
            Quantity.about(2500),
            s("ولدى الولايات المتحدة نحو 2500 جندي في العراق"),
        ),
        ForceLevel("US", "country:SY", Quantity.exact(900), s("إضافة إلى 900 في سوريا المجاورة")),
    ]
    for code in ("DE", "FR", "ES", "IT"):
        levels.append(
            ForceLevel(
                code,
                "country:IQ",
                HUNDREDS,
                s("وتشارك دول أخرى في التحالف بمئات الجنود، منها ألمانيا وفرنسا وإسبانيا وإيطاليا"),
            )
        )
    moves = [
        Movement(
            "COALITION",
            None,
            "withdraw",
            s("خروج مئات من قوات التحالف بحلول سبتمبر من عام 2025"),
            by=by_sep_2025,
            quantity=HUNDREDS,
            scope="part",
        ),
        Movement(
            "COALITION",
            None,
            "withdraw",
            s("والبقية بحلول نهاية العام التالي"),
            by=end_2026,
            scope="all",
        ),
        Movement(
            "COALITION",
            AIN,
            "withdraw",
            s("ستغادر جميع قوات التحالف قاعدة عين الأسد الجوية في محافظة الأنبار"),
            by=by_sep_2025,
            scope="all",
        ),
        Movement(
            "COALITION",
            BAGHDAD,
            "reduce",
            s("وتقلل من وجودها في بغداد على نحو كبير بحلول سبتمبر/أيلول 2025"),
            by=by_sep_2025,
            scope="part",
        ),
        Movement(
            "US",
            ERBIL,
            "remain",
            s("أن تبقى قوات أميركية وقوات أخرى من قوات التحالف في أربيل"),
            by=end_2026_approx,
        ),
        Movement(
            "COALITION",
            ERBIL,
            "remain",
            s("أن تبقى قوات أميركية وقوات أخرى من قوات التحالف في أربيل"),
            by=end_2026_approx,
        ),
    ]
    events = [
        Event(
            "US",
            "country:IQ",
            "invade",
            FuzzyDate.of(2003),
            s("وغزت الولايات المتحدة العراق في 2003"),
        ),
        Event("US", "country:IQ", "withdraw", FuzzyDate.of(2011), s("قبل الانسحاب في 2011")),
        Event(
            "US",
            "country:IQ",
            "return",
            FuzzyDate.of(2014),
            s("لكنها عادت على رأس التحالف في 2014"),
        ),
    ]
    return Extraction(
        source=None,
        language="ar",
        published=published,
        force_levels=levels,
        movements=moves,
        events=events,
    )
