"""Numbers, dates and body detection."""

import datetime as dt
from pathlib import Path

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


@pytest.mark.parametrize(
    ("text", "iso", "precision", "approximate", "role"),
    [
        # numeric dates: ISO, and day first unless the first part cannot be a month
        ("on 2025-09-15", "2025-09-15", "day", False, "at"),
        ("on 15/9/2025", "2025-09-15", "day", False, "at"),
        ("في ٥/٩/٢٠٢٥", "2025-09-05", "day", False, "at"),
        ("on 9/15/2025", "2025-09-15", "day", False, "at"),
        # a cue word before an ISO date does not make it a bare year ("by 2025")
        ("all forces leave by 2025-09-30", "2025-09-30", "day", False, "by"),
        ("في 2025/03/15 وصلت القوات", "2025-03-15", "day", False, "at"),
        ("بحلول ٢٠٢٥/٠٩/٣٠ تغادر القوات", "2025-09-30", "day", False, "by"),
        # seasons are about a quarter, never a day
        ("by the summer of 2026", "2026-09-30", "quarter", True, "by"),
        ("في صيف 2026", "2026-09-30", "quarter", True, "at"),
        # a season without a year: the one under way or coming, after a cue or a modifier
        ("will leave by the summer", "2025-09-30", "quarter", True, "by"),
        ("will leave by next summer", "2026-09-30", "quarter", True, "by"),
        ("by the end of the winter", "2026-03-31", "quarter", True, "by"),
        ("arrived last winter", "2025-03-31", "quarter", True, "at"),
        ("ستغادر القوات قبل حلول الصيف", "2025-09-30", "quarter", True, "by"),
        ("ستنسحب القوات في الربيع المقبل", "2026-06-30", "quarter", True, "at"),
        ("حتى نهاية الخريف", "2025-12-31", "quarter", True, "until"),
        # durations from the publication date (PUB is Sunday 2025-08-10)
        ("withdraw within six months", "2026-02-28", "month", True, "by"),
        ("over the next two years", "2027-08-31", "month", True, "by"),
        ("الانسحاب خلال ستة أشهر", "2026-02-28", "month", True, "by"),
        ("في غضون عامين", "2027-08-31", "month", True, "by"),
        ("خلال الأشهر الستة المقبلة", "2026-02-28", "month", True, "by"),
        ("withdrew two years ago", "2023-08-31", "month", True, "at"),
        ("انسحبت قبل ثلاثة أشهر", "2025-05-31", "month", True, "at"),
        # days and weekdays relative to publication
        ("arrived yesterday", "2025-08-09", "day", False, "at"),
        ("وصلت أمس إلى القاعدة", "2025-08-09", "day", False, "at"),
        ("arrived last week", "2025-08-03", "day", True, "at"),
        ("وصلت خلال الأسبوع الماضي", "2025-08-03", "day", True, "at"),
        ("the convoy left on Tuesday", "2025-08-05", "day", False, "at"),
        ("will leave by Friday", "2025-08-15", "day", False, "by"),
        ("the last flight will leave on Friday", "2025-08-15", "day", False, "at"),
        ("من المقرر أن تغادر القوات يوم الثلاثاء", "2025-08-12", "day", False, "at"),
        ("the last flight left on Friday", "2025-08-08", "day", False, "at"),
        ("انسحبت القوات يوم الخميس الماضي", "2025-08-07", "day", False, "at"),
        # the day something was said dates the report, not the move
        (
            "the ministry said on Tuesday that troops would leave",
            "2025-08-05",
            "day",
            False,
            "report",
        ),
        ("قالت الوزارة، الثلاثاء، إن القوات ستنسحب", "2025-08-05", "day", False, "report"),
        ("كشف مصدر أمني، اليوم الثلاثاء، عن انسحاب", "2025-08-10", "day", False, "report"),
        ("US forces today number about 2,500", "2025-08-10", "day", False, "now"),
        # part of a relative year keeps the part's precision
        ("will withdraw in the first quarter of next year", "2026-03-31", "quarter", False, "at"),
        ("ستنسحب في الربع الأول من العام المقبل", "2026-03-31", "quarter", False, "at"),
        ("will leave early next year", "2026-03-31", "quarter", True, "at"),
        ("بحلول مطلع العام المقبل", "2026-03-31", "quarter", True, "by"),
        ("by mid-next year", "2026-06-30", "half", True, "by"),
        ("بحلول منتصف العام الجاري", "2025-06-30", "half", True, "by"),
        ("in the second half of next year", "2026-12-31", "half", False, "at"),
        ("late this year", "2025-12-31", "year", True, "at"),
        # "آخر السنة" (dialect and MSA) is its end; "end-2025", "year end"; last year's end
        ("رح يطلعوا قبل آخر السنة", "2025-12-31", "year", False, "by"),
        ("بحلول آخر العام", "2025-12-31", "year", False, "by"),
        ("by end-2026", "2026-12-31", "year", False, "by"),
        ("by year end", "2025-12-31", "year", False, "by"),
        ("by the close of the year", "2025-12-31", "year", False, "by"),
        ("انسحبت في نهاية العام الماضي", "2024-12-31", "year", False, "at"),
        ("arrived at the end of last year", "2024-12-31", "year", False, "at"),
        # a month alone after a cue: a deadline is ahead, a past month the nearest one
        ("will leave by June", "2026-06-30", "month", False, "by"),
        ("ستغادر القوات المملكة قبل متم يونيو", "2026-06-30", "month", False, "by"),
        ("بحلول نهاية حزيران", "2026-06-30", "month", False, "by"),
        ("before the end of June", "2026-06-30", "month", False, "by"),
        ("حتى شهر آذار", "2026-03-31", "month", False, "until"),
        ("will stay until October", "2025-10-31", "month", False, "until"),
        ("withdrew in December", "2024-12-31", "month", False, "at"),
        ("arrived in May", "2025-05-31", "month", False, "at"),
        ("انسحبت في شهر فبراير", "2025-02-28", "month", False, "at"),
        ("will arrive in May", "2026-05-31", "month", False, "at"),
        ("ستصل القوات في ديسمبر", "2025-12-31", "month", False, "at"),
        # a day and month without a year: what happened is the last one, a plan the next
        ("غادرت القوات موقعها في فايا لارجو يوم 26 ديسمبر", "2024-12-26", "day", False, "at"),
        ("will leave on 26 December", "2025-12-26", "day", False, "at"),
        ("the troops left on March 3", "2025-03-03", "day", False, "at"),
        ("by March 3", "2026-03-03", "day", False, "by"),
    ],
)
def test_relative_numeric_and_seasonal_dates(text, iso, precision, approximate, role):
    ds = find_dates(text, published=PUB)
    assert ds, text
    d = ds[0]
    got = (d.date.isoformat(), d.date.precision, d.date.approximate, d.role)
    assert got == (iso, precision, approximate, role)


@pytest.mark.parametrize(
    "text",
    [
        "six months of talks",
        "within the coming months",
        # a season word that is no date
        "after the fall of Kabul",
        "troop numbers could fall to 1,000",
        "a long hot summer of protests",
        "خلال ستة أشهر من المفاوضات",
        "the 2024-2025 season",
        "build v1.2.2025",
        "on 13/13/2025",
        "troops may leave soon",
        "May said the troops would stay",
    ],
)
def test_no_date_where_there_is_none(text):
    assert find_dates(text, published=PUB) == []


def test_a_year_after_since_or_during_is_that_year_not_a_duration():
    # "منذ عام 2015" is "since 2015", not "a year ago"; "خلال عام 2025" is "during 2025"
    for text, iso in (("منذ عام 2015", "2015-12-31"), ("خلال عام 2025", "2025-12-31")):
        (d,) = find_dates(text, published=PUB)
        assert (d.date.isoformat(), d.date.precision) == (iso, "year")


def test_relative_days_need_a_publication_date():
    assert find_dates("troops arrived yesterday and leave within six months") == []


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


# ----------------------------------------------------------------------------- claims
PUB_Q = "2024-10-14"


def _ex(gaz, text, published=PUB_Q):
    from service.extract import extract_article

    return extract_article(text, published=published, gazetteer=gaz)


def _levels(ex):
    return sorted(
        (
            (f.actor, f.place_id, f.quantity.count, f.quantity.count_min, f.quantity.count_max)
            for f in ex.force_levels
        ),
        key=str,
    )


def _place_ids(ex):
    return {p.place.id for p in ex.places if p.mentions}


@pytest.mark.parametrize(
    "text",
    [
        "أكبر المساهمين في لبنان إندونيسيا والهند، بما يقارب 1200 و900 جندي على التوالي.",
        "In Lebanon, Indonesia and India contribute about 1,200 and 900 troops respectively.",
    ],
)
def test_respectively_pairs_numbers_with_actors(gaz, text):
    assert _levels(_ex(gaz, text)) == [
        ("ID", "country:LB", 1200, None, None),
        ("IN", "country:LB", 900, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "في لبنان تساهم إيطاليا بأكثر من ألف جندي، ثم فرنسا بنحو 700.",
            [("FR", "country:LB", 700, None, None), ("IT", "country:LB", None, 1000, None)],
        ),
        (
            "In Lebanon, Italy has more than 1,000 troops, then France, with about 700.",
            [("FR", "country:LB", 700, None, None), ("IT", "country:LB", None, 1000, None)],
        ),
        # a relative clause and a possessive, after a sentence naming other countries
        (
            "With Italy and France keeping contingents. Italy, which has about 650 troops in "
            "Iraq, will keep them there. Germany's roughly 100 trainers in Erbil will stay.",
            [("DE", "city:95446", 100, None, None), ("IT", "country:IQ", 650, None, None)],
        ),
        # not the actor inside the relative clause; a possessive before "contribution, …"
        (
            "The coalition is large. Canada, which commanded NATO Mission Iraq in its first "
            "two years, has roughly 200 personnel in Kuwait.",
            [("CA", "country:KW", 200, None, None)],
        ),
        (
            "The coalition is large. Denmark's contribution, up to 130 soldiers stationed at "
            "Ain al-Asad, will leave the base by September 2025.",
            [("DK", "installation:ain-al-asad-air-base", None, None, 130)],
        ),
        # "أما إسبانيا فتنشر …": a later verb's deadline does not make the count a plan
        (
            "وقالت قيادة التحالف إن مهمة التحالف مستمرة وإن قوات التحالف باقية. أما إسبانيا "
            "فتنشر أكثر من 300 جندي في قاعدة "
            "بسماية، وأعلنت مدريد أن جنودها سيغادرون القاعدة بحلول نهاية العام المقبل.",
            [("ES", "installation:besmaya-range-complex", None, 300, None)],
        ),
    ],
)
def test_country_with_a_number_owns_it(gaz, text, expected):
    assert _levels(_ex(gaz, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وتضم القوة الدولية في لبنان نحو عشرة آلاف جندي من خمسين دولة.",
        "The UN force in Lebanon has about 10,000 troops from 50 countries.",
    ],
)
def test_multinational_total_is_not_a_level(gaz, text):
    assert _levels(_ex(gaz, text)) == []


@pytest.mark.parametrize(
    ("text", "is_place"),
    [
        ("Ankara barred German lawmakers from visiting the troops in Jordan.", False),
        ("وتقول أنقرة إن وجودها في العراق مؤقت.", False),
        ("Officials met in Ankara to discuss the troops in Jordan.", True),
        ("Troops left by road, 60 kilometres south of Ankara.", True),
    ],
)
def test_capital_is_a_place_only_when_used_as_a_location(gaz, text, is_place):
    assert ("city:323786" in _place_ids(_ex(gaz, text))) is is_place


@pytest.mark.parametrize(
    ("text", "is_place"),
    [
        ("French troops left Gao in Mali last year.", True),
        ("French troops left Gao last year.", False),  # the country is never named
        ("Meridian Wire reported that US troops stay in Iraq.", False),  # outlet, not a town
        ("غادرت القوات الفرنسية أبشي في تشاد.", True),  # Arabic name of an Arabic-named country
        ("غادرت القوات الفرنسية أبشي.", False),
    ],
)
def test_foreign_town_needs_its_country(gaz, text, is_place):
    ids = _place_ids(_ex(gaz, text))
    assert any(i in ids for i in ("city:2457163", "city:5600685", "city:245785")) is is_place


@pytest.mark.parametrize(
    "text",
    [
        "About 1,200 Indonesian troops serve in Lebanon.",
        "ويخدم في لبنان نحو 1200 جندي إندونيسي.",
    ],
)
def test_contributor_demonyms_are_actors(gaz, text):
    assert _levels(_ex(gaz, text)) == [("ID", "country:LB", 1200, None, None)]


def test_acronym_after_the_is_still_a_modifier(gaz):
    ex = _ex(gaz, "Turkey offered to keep troops at Kabul airport after the US exit.")
    assert "country:US" not in _place_ids(ex)


def _events(ex):
    return sorted((e.actor, e.place_id, e.action, e.date.isoformat()) for e in ex.events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويأتي الانسحاب بعد خروج القوات الفرنسية من مالي (2022) وبوركينا فاسو (2023).",
            [
                ("FR", "country:BF", "withdraw", "2023-12-31"),
                ("FR", "country:ML", "withdraw", "2022-12-31"),
            ],
        ),
        (
            "NATO placed battlegroups in Estonia and Latvia in 2017.",
            [
                ("NATO", "country:EE", "deploy", "2017-12-31"),
                ("NATO", "country:LV", "deploy", "2017-12-31"),
            ],
        ),
        (
            "RAF Akrotiri opened in 1956 and is the UK's main base in the region.",
            [("GB", "installation:raf-akrotiri", "deploy", "1956-12-31")],
        ),
        (
            "يُذكر أن إسرائيل احتلت معظم هضبة الجولان عام 1967.",
            [("IL", "region:golan-heights", "invade", "1967-12-31")],
        ),
        ("الأميركان رجعوا للعراق سنة 2014.", [("US", "country:IQ", "return", "2014-12-31")]),
        # attacks on a base, dated by a day relative to publication (2025-02-01)
        (
            "The January 23 Iranian missile salvo against Al Udeid Air Base in Qatar was "
            "largely symbolic.",
            [("IR", "installation:al-udeid-air-base", "attack", "2025-01-23")],
        ),
        (
            "وأعلنت وزارة الدفاع القطرية أن الدفاعات الجوية تصدّت مساء الاثنين لهجوم صاروخي "
            "إيراني استهدف قاعدة العديد الجوية جنوب غربي الدوحة.",
            [("IR", "installation:al-udeid-air-base", "attack", "2025-01-27")],
        ),
        (
            "وردّت إيران في 8 كانون الثاني 2020 بقصف قاعدة عين الأسد بأكثر من 10 صواريخ.",
            [("IR", "installation:ain-al-asad-air-base", "attack", "2020-01-08")],
        ),
        # the victims and the target's owner are not the attacker
        (
            "AMMAN/WASHINGTON, Jan 28 (Levant Wire) - Three U.S. service members were killed "
            "when a drone struck a small American outpost in north-eastern Jordan on Sunday.",
            [],
        ),
    ],
)
def test_events(gaz, text, expected):
    assert _events(_ex(gaz, text, "2025-02-01")) == expected


def _moves(ex):
    return sorted(
        (m.actor, m.place_id, m.action, m.by.isoformat() if m.by else None) for m in ex.movements
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Bundestag approved the extension of the German deployment in Iraq and Jordan "
            "until 31 January 2026.",
            [
                ("DE", "country:IQ", "remain", "2026-01-31"),
                ("DE", "country:JO", "remain", "2026-01-31"),
            ],
        ),
        (
            "وأكدت روما ومدريد وباريس أن جنودها في لبنان «لن ينسحبوا».",
            [
                ("ES", "country:LB", "remain", None),
                ("FR", "country:LB", "remain", None),
                ("IT", "country:LB", "remain", None),
            ],
        ),
        ("Officials said the US will not send troops to Syria.", []),
        ("وقال مسؤول إن تركيا لن ترسل قوات إلى ليبيا.", []),
        # what a move is not names no move (and no stay at the place of the speaker)
        (
            '"This is a transition, not a withdrawal," a US official told reporters in Washington.',
            [],
        ),
        ('"This is not a withdrawal from Europe," one of the officials said.', []),
    ],
)
def test_negated_and_extended_moves(gaz, text, expected):
    assert _moves(_ex(gaz, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 800 US soldiers from a brigade stationed at Fort Stewart, Georgia, have "
            "arrived at Camp Arifjan in southern Kuwait.",
            [("US", "installation:camp-arifjan", 800, None, None)],
        ),
        (
            "Some 800 US soldiers from Fort Stewart arrived at Camp Arifjan in Kuwait.",
            [("US", "installation:camp-arifjan", 800, None, None)],
        ),
    ],
)
def test_the_place_troops_came_from_is_not_their_level(gaz, text, expected):
    assert _levels(_ex(gaz, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 1,000 troops from Germany and France are in Lithuania.", ["DE", "FR"]),
        ("نحو ألف جندي من ألمانيا وفرنسا موجودون في ليتوانيا.", ["DE", "FR"]),
    ],
)
def test_troops_from_countries_are_their_contributors(gaz, text, expected):
    levels = _levels(_ex(gaz, text))
    assert [a for a, *_ in levels] == expected
    assert {p for _, p, *_ in levels} == {"country:LT"}


def _routes(ex):
    return sorted(
        (m.actor, m.place_id, m.action, m.to_place_id, m.by.isoformat() if m.by else None)
        for m in ex.movements
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a home base as origin: the move abroad is kept, the mover is not "the host"
        (
            "About 800 US soldiers moved from Fort Stewart to Camp Arifjan in Kuwait.",
            [("US", "installation:fort-stewart", "relocate", "installation:camp-arifjan", None)],
        ),
        (
            "The Pentagon will send 1,500 troops from Fort Bragg to Poland by June 2025.",
            [("US", "installation:fort-bragg", "relocate", "country:PL", "2025-06-30")],
        ),
        # Arabic VSO: the country right after the verb is its subject, not the origin
        (
            "نقلت الولايات المتحدة 300 جندي من قاعدة عين الأسد إلى أربيل.",
            [("US", "installation:ain-al-asad-air-base", "relocate", "city:95446", None)],
        ),
        # a hyphenated name between "moved" and "to"
        (
            "US forces moved from Ain al-Asad to Erbil.",
            [("US", "installation:ain-al-asad-air-base", "relocate", "city:95446", None)],
        ),
        # "the Jordanian border" names no actor
        ("Some 300 troops were moved from al-Tanf, near the Jordanian border, to Erbil.", []),
        # present-tense "تنشر" says how many are there: a level, not a move
        ("وتنشر تركيا نحو 5 آلاف جندي في إقليم كردستان العراق.", []),
        # the participle clause shares the deadline, and the actors, of the move it details
        (
            "The last US and coalition troops at Ain al-Asad will leave by September 2025, "
            "with most of them moving from Ain al-Asad to Erbil.",
            [
                ("COALITION", "installation:ain-al-asad-air-base", "relocate", "city:95446",
                 "2025-09-30"),
                ("COALITION", "installation:ain-al-asad-air-base", "withdraw", None, "2025-09-30"),
                ("US", "installation:ain-al-asad-air-base", "relocate", "city:95446", "2025-09-30"),
                ("US", "installation:ain-al-asad-air-base", "withdraw", None, "2025-09-30"),
            ],
        ),
    ],
)  # fmt: skip
def test_routes_between_places(gaz, text, expected):
    assert _routes(_ex(gaz, text)) == expected


def test_present_tense_deployment_is_still_a_level(gaz):
    levels = _levels(_ex(gaz, "وتنشر تركيا نحو 5 آلاف جندي في إقليم كردستان العراق."))
    assert [(a, q) for a, _, q, *_ in levels] == [("TR", 5000)]


def test_the_country_before_present_tense_deploy_is_the_actor(gaz):
    text = "وتُعد إيطاليا أكبر المساهمين الأوروبيين، إذ تنشر نحو 1100 عسكري في العراق."
    assert [(a, p, q) for a, p, q, *_ in _levels(_ex(gaz, text))] == [("IT", "country:IQ", 1100)]


def test_a_completed_move_takes_its_own_day_not_a_later_deadline(gaz):
    # "arrived yesterday …, while forces prepare to leave al-Shaddadi within two weeks"
    text = (
        "وصل أمس نحو 200 جندي أمريكي إلى قاعدة التنف، فيما تستعد القوات لمغادرة قاعدة "
        "الشدادي في غضون أسبوعين."
    )
    moves = _moves(_ex(gaz, text, published="2025-03-03"))
    assert moves == [
        ("US", "installation:al-shaddadi-base", "withdraw", "2025-03-17"),
        ("US", "installation:al-tanf-garrison", "arrive", "2025-03-02"),
    ]


def test_years_ago_dates_a_historical_event(gaz):
    text = "انسحبت القوات الفرنسية من النيجر قبل عامين."
    events = _events(_ex(gaz, text, published="2025-01-15"))
    assert events == [("FR", "country:NE", "withdraw", "2023-01-31")]


def test_the_day_a_statement_was_made_is_no_deadline(gaz):
    text = "The Pentagon said on Tuesday that US troops would leave al-Tanf by the end of 2026."
    moves = _moves(_ex(gaz, text, published="2025-04-20"))
    assert ("US", "installation:al-tanf-garrison", "withdraw", "2026-12-31") in moves
    assert all(by != "2025-04-15" for *_, by in moves)


@pytest.mark.parametrize(
    "text",
    [
        "وتنشر إيطاليا نحو 1100 عسكري في العراق والكويت.",  # one number, two places
        "Italy has about 1,100 troops in Iraq and Kuwait.",
        "Carrier groups, each with more than 5,000 US sailors, sail past Bahrain.",
        "The camp in Kuwait has room for 5,000 US troops.",
        "The mandate authorises up to 500 German soldiers in Iraq.",
        "يسمح التفويض بنشر ما يصل إلى 500 جندي ألماني في العراق.",
        "وتتسع القاعدة لـ 5000 جندي أمريكي في الكويت.",
    ],
)
def test_numbers_that_are_no_force_level(gaz, text):
    assert _levels(_ex(gaz, text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "most of them at …": the total is the country's, not the base's
        (
            "Romania currently hosts around 1,700 U.S. troops, most of them at the Mihail "
            "Kogalniceanu air base near Constanta.",
            ("US", "country:RO", 1700),
        ),
        (
            "Around 300 British troops, most of them from a reconnaissance group, are based "
            "at the UN camp in Gao, Mali.",
            ("GB", "city:2457163", 300),
        ),
        # "في المملكة": the country the article is about
        (
            "تستضيف البحرين الأسطول الخامس. ويتمركز في المملكة حالياً نحو 9000 عسكري أميركي، "
            "يعمل معظمهم في منطقة الجفير بالمنامة.",
            ("US", "country:BH", 9000),
        ),
    ],
)
def test_where_a_total_is(gaz, text, expected):
    levels = [(a, p, q) for a, p, q, *_ in _levels(_ex(gaz, text))]
    assert expected in levels and len(levels) == 1


def test_a_bare_number_continues_an_earlier_count(gaz):
    text = (
        "Kuwait hosts roughly 13,500 US troops. Jordan has about 3,000, mostly at Muwaffaq "
        "Salti Air Base. In Iraq the figure is about 2,500, and in Syria it has fallen to "
        "fewer than 1,500."
    )
    levels = {(a, p, q) for a, p, q, *_ in _levels(_ex(gaz, text))}
    assert levels == {
        ("US", "country:KW", 13500),
        ("US", "country:JO", 3000),
        ("US", "country:IQ", 2500),
        ("US", "country:SY", None),  # an upper bound: no exact count
    }


@pytest.mark.parametrize(
    "text",
    [
        # a noun of its own, or no count of troops before
        "Kuwait hosts roughly 13,500 US troops. Jordan has about 3,000 refugees in camps.",
        "Kuwait hosts roughly 13,500 US troops. Iraq has about 300 km of border with Kuwait.",
        "Jordan has about 3,000, mostly at Muwaffaq Salti Air Base.",
    ],
)
def test_a_bare_number_needs_a_count_before_and_no_noun(gaz, text):
    levels = [(a, p, q) for a, p, q, *_ in _levels(_ex(gaz, text))]
    assert all(q != 3000 and q != 300 for _, _, q in levels)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence calls the town a base: the actor's one base there
        (
            "In Syria, US forces will remain at bases in Hasakah province, including Shaddadi "
            "and Rmelan.",
            "installation:al-shaddadi-base",
        ),
        # no base word: the town as named
        ("In Syria, US forces will remain in the town of Shaddadi.", "city:x-al-shaddadi"),
    ],
)
def test_a_town_called_a_base_is_the_actors_base_there(gaz, text, expected):
    assert expected in [m.place_id for m in _ex(gaz, text).movements]


def test_zilkan_spellings(gaz):
    for text in ("تنتشر القوات التركية في قاعدة زيلكان.", "تنتشر القوات التركية في قاعدة زليكان."):
        assert "installation:zilkan-base-bashiqa" in [p.place.id for p in _ex(gaz, text).places]


def test_the_same_deadline_refers_to_the_last_one(gaz):
    text = (
        "وستغادر قوات التحالف قاعدة عين الأسد بحلول أيلول 2025. وقال المتحدث إن القوات "
        "نقلت المعدات إلى أربيل. وأوضح أن مقر التحالف في مجمّع «الاتحاد 3» وسط بغداد سيُخلى "
        "هو الآخر قبل الموعد نفسه."
    )
    got = {(m.place_id, m.action, m.by.value if m.by else None) for m in _ex(gaz, text).movements}
    assert ("installation:union-iii", "withdraw", dt.date(2025, 9, 30)) in got


def test_the_same_deadline_is_the_last_one_of_the_same_move(gaz):
    # a stay until 2026 comes between: "it too, by the same date" is the withdrawal's date
    text = (
        "وستغادر قوات التحالف قاعدة عين الأسد بحلول أيلول 2025، على أن تواصل قواته عملها "
        "من أربيل حتى أيلول 2026. وأوضح أن مقر التحالف في مجمّع «الاتحاد 3» وسط بغداد "
        "سيُخلى هو الآخر قبل الموعد نفسه."
    )
    got = {(m.place_id, m.action, m.by.value if m.by else None) for m in _ex(gaz, text).movements}
    assert ("installation:union-iii", "withdraw", dt.date(2025, 9, 30)) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital a move starts from is the city, and a base named with it is left too
        (
            "ينص الاتفاق على انسحاب قوات التحالف من بغداد وقاعدة عين الأسد بحلول أيلول 2025.",
            [
                ("COALITION", "city:98182", "withdraw", "2025-09-30"),
                ("COALITION", "installation:ain-al-asad-air-base", "withdraw", "2025-09-30"),
            ],
        ),
        (
            "Coalition forces will leave Baghdad and Ain al-Asad by September 2025.",
            [
                ("COALITION", "city:98182", "withdraw", "2025-09-30"),
                ("COALITION", "installation:ain-al-asad-air-base", "withdraw", "2025-09-30"),
            ],
        ),
        (
            "ستنسحب القوات الأمريكية من بغداد بحلول نهاية 2025.",
            [("US", "city:98182", "withdraw", "2025-12-31")],
        ),
        # the nominal "وبقائها" (their staying) is a stay, and it ends the withdrawal's scope
        (
            "وتنص الخطة على خروج القوات الأمريكية من بغداد بحلول أيلول 2025، وبقائها في أربيل "
            "حتى أيلول 2026.",
            [
                ("US", "city:95446", "remain", "2026-09-30"),
                ("US", "city:98182", "withdraw", "2025-09-30"),
            ],
        ),
        # "the mission ends in X by …", "its work continues from Y until …"
        (
            "وقالت واشنطن إن قوات التحالف باقية حتى الآن، وبموجب الجدول تنتهي المهمة العسكرية "
            "للتحالف في بغداد بحلول أيلول 2025، على أن يستمر عمله من أربيل حتى أيلول 2026.",
            [
                ("COALITION", "city:95446", "remain", "2026-09-30"),
                ("COALITION", "city:98182", "withdraw", "2025-09-30"),
            ],
        ),
        # "على أن تواصل قواته عملها من …": its work goes on there
        (
            "وتنتهي مهمة التحالف في بغداد بحلول سبتمبر 2025، على أن تواصل قواته عملها من "
            "إقليم كردستان حتى أيلول 2026.",
            [
                ("COALITION", "city:98182", "withdraw", "2025-09-30"),
                ("COALITION", "region:kurdistan-region", "remain", "2026-09-30"),
            ],
        ),
        # "leaving a small liaison cell" is what stays, and the later stay keeps its place
        (
            "The coalition headquarters at Union III will be scaled back by mid-2026, leaving "
            "a small liaison cell, while coalition forces in the Kurdistan Region will stay "
            "until the end of next year.",
            [
                ("COALITION", "installation:union-iii", "reduce", "2026-06-30"),
                ("COALITION", "region:kurdistan-region", "remain", "2025-12-31"),
            ],
        ),
        # a list of places with a repeated "in"
        (
            "The remaining US troops will be concentrated at Ain al-Asad, in Baghdad and in "
            "Erbil, the commander said.",
            [
                ("US", "city:95446", "remain", None),
                ("US", "city:98182", "remain", None),
                ("US", "installation:ain-al-asad-air-base", "remain", None),
            ],
        ),
        # a plane leaving a capital is no troop move; a speaker "from Baghdad" is no origin
        ("France says its final evacuation flight will leave Kabul on Friday evening.", []),
        ("وقال مسؤول من بغداد إن المحادثات مستمرة.", []),
        # "the fate of the two bases remains unclear" is no stay
        ("فيما يبقى مصير القاعدتين الروسيتين في حميميم وطرطوس غامضاً.", []),
    ],
)
def test_coordinated_origins_and_stays(gaz, text, expected):
    assert _moves(_ex(gaz, text)) == expected


def test_of_several_bases_at_a_town_the_one_named_after_it(gaz):
    # Rmelan has two US-run sites within 15 km; the sentence's "bases … Rmelan" is the one
    # that carries the town's name
    text = "وفي سوريا، ستُبقي القوات الأميركية على وجودها في قاعدتَي الشدادي ورميلان."
    got = [m.place_id for m in _ex(gaz, text).movements]
    assert "installation:rmelan-landing-zone" in got
    assert "city:x-rmelan" not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 5,400 US troops remain at Hamid Karzai International Airport. Roughly 1,000 "
            "British troops are at the airport.",
            ("GB", "installation:hamid-karzai-international-airport", 1000),
        ),
        (
            "يتمركز نحو 5400 جندي أمريكي في مطار حامد كرزاي الدولي في كابل. وفي المطار نفسه، "
            "يتمركز نحو 500 جندي تركي.",
            ("TR", "installation:hamid-karzai-international-airport", 500),
        ),
    ],
)
def test_the_airport_is_the_airport_named_before(gaz, text, expected):
    # "the airport" / "المطار" is the last airport named, and the troops keep their own actor
    got = [(f.actor, f.place_id, f.quantity.count) for f in _ex(gaz, text).force_levels]
    assert expected in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the demonym after the number names the actor, also when the base comes first
        (
            "ويتمركز في قاعدة «طارق بن زياد» في قطر نحو ثلاثة آلاف عسكري تركي، فيما تستضيف "
            "قاعدة العديد الجوية أكثر من عشرة آلاف عسكري أمريكي.",
            [
                ("TR", "installation:turkish-base-qatar", 3000, None, None),
                ("US", "installation:al-udeid-air-base", None, 10000, None),
            ],
        ),
        # where part of them later arrived is not where the number is
        (
            "يحلّ منهم بالمغرب قرابة 5 آلاف جندي أمريكي، وصلت طلائعهم الأسبوع الماضي إلى أكادير.",
            [("US", "country:MA", 5000, None, None)],
        ),
        # the total an arrival brings the number to is a level; the arrival's size is not
        (
            "Around 300 more U.S. service members arrived in Poland this week, bringing the "
            "number of troops supporting the mission to about 1,000.",
            [("US", "country:PL", 1000, None, None)],
        ),
        (
            "Around 700 additional military personnel have deployed to Cyprus.",
            [],
        ),
        (
            "ليرتفع عدد الجنود الأمريكيين في الأردن إلى نحو 3800.",
            [("US", "country:JO", 3800, None, None)],
        ),
        # "of those roughly 3,000 are U.S. military"
        (
            "In Djibouti, about 4,000 people work at Camp Lemonnier, and of those roughly 3,000 "
            "are U.S. military.",
            [("US", "installation:camp-lemonnier", 3000, None, None)],
        ),
        # an exercise total "representing 50 nations" is nobody's level
        (
            "ويشارك في نسخة هذه السنة أكثر من 10 آلاف عسكري يمثلون نحو 50 دولة، يحلّ منهم "
            "بالمغرب قرابة 5 آلاف جندي أمريكي.",
            [("US", "country:MA", 5000, None, None)],
        ),
        ("More than 10,000 troops representing 50 nations train in Morocco.", []),
    ],
)
def test_whose_number_and_where(gaz, text, expected):
    assert _levels(_ex(gaz, text)) == expected


def test_a_completed_move_then_another_place_with_its_own_day(gaz):
    # a two-word native town name of an Arabic-speaking country is scanned (فايا لارجو),
    # and "…، ثم معسكرها في أبشي يوم 11 جانفي" is the same withdrawal, on its own day
    text = (
        "وكانت القوات الفرنسية قد غادرت موقعها في مدينة فايا لارجو شمال تشاد يوم 26 ديسمبر، "
        "ثم معسكرها في أبشي شرقاً يوم 11 جانفي."
    )
    got = _moves(_ex(gaz, text, "2025-02-01"))
    assert got == [
        ("FR", "city:2432678", "withdraw", "2024-12-26"),
        ("FR", "city:245785", "withdraw", "2025-01-11"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some troops could be reassigned to Estonia, where about 1,000 British soldiers "
            "lead a NATO battlegroup on Russia's doorstep.",
            [("GB", "country:EE", 1000)],
        ),
        (
            "ونقلت بريطانيا جنودها إلى إستونيا، حيث ينتشر نحو 1000 جندي بريطاني قرب الحدود.",
            [("GB", "country:EE", 1000)],
        ),
    ],
)
def test_where_hangs_on_the_place_before_it(gaz, text, expected):
    assert [(a, p, c) for a, p, c, *_ in _levels(_ex(gaz, text))] == expected


def test_bring_troops_home_is_a_withdrawal(gaz):
    text = "Germany will bring its soldiers home from Mali by May 2024."
    got = _moves(_ex(gaz, text, "2022-11-15"))
    assert [g[:3] for g in got] == [("DE", "country:ML", "withdraw")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "troops from Niger" after a verb of leaving is the place left, not a contributor
        (
            "The US will withdraw its troops from Niger by September 2024.",
            [("US", "country:NE", "withdraw", "2024-09-30", None)],
        ),
        (
            "Washington announced the withdrawal of all 1,000 US troops from Niger by "
            "September 15, 2024.",
            [("US", "country:NE", "withdraw", "2024-09-15", None)],
        ),
        (
            "قررت فرنسا سحب جنودها من النيجر بحلول نهاية العام.",
            [("FR", "country:NE", "withdraw", "2024-12-31", None)],
        ),
        # "pull N soldiers from X" withdraws; pulling survivors from rubble moves no troops
        (
            "Britain will pull its remaining troops out of Mali by June.",
            [("GB", "country:ML", "withdraw", "2024-06-30", None)],
        ),
        ("Rescuers pulled survivors from the rubble in Gaza.", []),
        # "to station a brigade" is a planned arrival, not a present level
        (
            "Germany plans to station a brigade of around 5,000 troops in Lithuania by 2027.",
            [("DE", "country:LT", "arrive", "2027-12-31", None)],
        ),
        # a long object before "to" still makes a relocation; "Libya's al-Khadim base" is
        # the base, not Libya
        (
            "Russia moved some 300 troops from Hmeimim air base to Libya's al-Khadim base.",
            [
                (
                    "RU",
                    "installation:hmeimim-air-base",
                    "relocate",
                    None,
                    "installation:al-khadim-air-base",
                )
            ],
        ),
    ],
)
def test_leaving_a_country_and_moving_between_bases(gaz, text, expected):
    ex = _ex(gaz, text, "2024-05-01")
    got = sorted(
        (m.actor, m.place_id, m.action, m.by.isoformat() if m.by else None, m.to_place_id)
        for m in ex.movements
    )
    assert got == expected
    assert not [f for f in ex.force_levels if f.place_id == "country:LT"]


def test_troops_from_contributors_are_not_places_left(gaz):
    text = "Troops from Germany and France arrived in Mali."
    got = _moves(_ex(gaz, text, "2024-05-01"))
    assert [(a, p) for a, p, *_ in got] == [("DE", "country:ML"), ("FR", "country:ML")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region total is no level of the next country; the part named after it is
        (
            "The Pentagon has roughly 40,000 troops in the Middle East, including some 13,000 "
            "in Qatar.",
            [("US", "country:QA", 13000)],
        ),
        (
            "وتنشر الولايات المتحدة قرابة 40 ألف جندي في منطقة الشرق الأوسط، بينهم 13 ألفا في قطر.",
            [("US", "country:QA", 13000)],
        ),
        (
            "The US has 40,000 troops in the region, and about 2,500 in Iraq.",
            [("US", "country:IQ", 2500)],
        ),
        # a country total and its part both stay
        (
            "The US has 2,500 troops in Iraq, including 500 in Erbil.",
            [("US", "city:95446", 500), ("US", "country:IQ", 2500)],
        ),
    ],
)
def test_region_totals_are_not_country_levels(gaz, text, expected):
    assert sorted((a, p, c) for a, p, c, *_ in _levels(_ex(gaz, text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the number of … is", "troop numbers … have risen to", "يبلغ عدد …": the total
        ("The number of US troops in Iraq is about 2,500.", [("US", "country:IQ", 2500)]),
        (
            "The number of American soldiers in Syria has fallen to around 900.",
            [("US", "country:SY", 900)],
        ),
        ("US troop numbers in Syria have risen to about 2,000.", [("US", "country:SY", 2000)]),
        ("يبلغ عدد الجنود الأتراك في العراق نحو 2000.", [("TR", "country:IQ", 2000)]),
        ("ويقدر عدد القوات الروسية في ليبيا بنحو 2000 عنصر.", [("RU", "country:LY", 2000)]),
        ("The number of US troops killed in the attack is 3.", []),
        ("US forces in Iraq number around 2,500.", [("US", "country:IQ", 2500)]),
        (
            "American troops in Syria, which number about 900, will leave.",
            [("US", "country:SY", 900)],
        ),
        # broken plurals of demonyms name the actor
        (
            "ينتشر نحو 300 من الجنود الروس في مطار القامشلي.",
            [("RU", "installation:qamishli-airport", 300)],
        ),
        ("ويتمركز نحو 1000 جندي من الألمان في ليتوانيا.", [("DE", "country:LT", 1000)]),
        # present-tense "keeps" states a level (a future "will keep" is a planned stay)
        ("Italy keeps about 900 troops in Lebanon.", [("IT", "country:LB", 900)]),
    ],
)
def test_totals_stated_with_the_number_of(gaz, text, expected):
    assert sorted((a, p, c) for a, p, c, *_ in _levels(_ex(gaz, text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N of them are in X" is a part of the last count, in this sentence or the last
        (
            "The US has 40,000 troops in the region. About 2,500 of them are in Iraq.",
            [("US", "country:IQ", 2500)],
        ),
        (
            "Britain has 1,000 troops in Iraq. About 300 of them are in Erbil.",
            [("GB", "city:95446", 300), ("GB", "country:IQ", 1000)],
        ),
        ("Officials said 3 of them were wounded in Erbil.", []),
    ],
)
def test_a_part_of_the_last_count(gaz, text, expected):
    assert sorted((a, p, c) for a, p, c, *_ in _levels(_ex(gaz, text))) == expected


def test_arabic_plural_stay_is_a_planned_stay(gaz):
    text = "وقال إن 400 جندي بريطاني سيبقون في قبرص حتى نهاية 2026."
    assert _moves(_ex(gaz, text, "2025-03-01")) == [("GB", "country:CY", "remain", "2026-12-31")]


def test_leave_x_for_a_territory_is_a_relocation_by_the_marines(gaz):
    # a dependent territory (Guam) is where forces go, never an actor; "leave X for Y"
    # names the destination; "the Marines" are the US Marine Corps
    text = "The Marines will leave Okinawa for Guam, with about 4,000 relocating by 2028."
    ex = _ex(gaz, text, "2025-06-10")
    got = [(m.actor, m.place_id, m.action, m.to_place_id) for m in ex.movements]
    assert got == [("US", "admin1:JP-47", "relocate", "country:GU")]


def test_a_host_with_an_adverb(gaz):
    text = "Poland now hosts more than 10,000 American troops, up from 4,500 in 2021."
    got = [
        (f.actor, f.place_id, f.quantity.count_min, f.as_of.value.isoformat())
        for f in _ex(gaz, text, "2025-03-01").force_levels
    ]
    # the earlier level is kept with its own date, not as a second present count
    assert got == [
        ("US", "country:PL", 10000, "2025-03-01"),
        ("US", "country:PL", 4500, "2021-12-31"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The US now has about 2,500 troops in Iraq, down from 5,200 in 2021.",
            [("US", "country:IQ", 2500, "2025-03-01"), ("US", "country:IQ", 5200, "2021-12-31")],
        ),
        (
            "The US has 2,500 troops in Iraq down from 5,200 in 2021.",
            [("US", "country:IQ", 2500, "2025-03-01"), ("US", "country:IQ", 5200, "2021-12-31")],
        ),
        (
            "ويبلغ عدد الجنود الأمريكيين في سوريا نحو 900 جندي، انخفاضا من 2100 عام 2019.",
            [("US", "country:SY", 900, "2025-03-01"), ("US", "country:SY", 2100, "2019-12-31")],
        ),
        (
            "وينتشر في العراق نحو 2500 جندي أمريكي مقارنة بـ5200 في 2020.",
            [("US", "country:IQ", 2500, "2025-03-01"), ("US", "country:IQ", 5200, "2020-12-31")],
        ),
        (
            "وتحتفظ فرنسا بنحو 1500 جندي في تشاد بعد أن كان عددهم 5100 في 2014.",
            [("FR", "country:TD", 1500, "2025-03-01"), ("FR", "country:TD", 5100, "2014-12-31")],
        ),
        # a vague past date ("a year ago") gives no past level
        (
            "Britain has 900 troops in Estonia, up from 800 a year ago.",
            [("GB", "country:EE", 900, "2025-03-01")],
        ),
    ],
)
def test_an_earlier_level_with_its_date(gaz, text, want):
    got = [
        (
            f.actor,
            f.place_id,
            f.quantity.count or f.quantity.count_min or 0,
            f.as_of.value.isoformat(),
        )
        for f in _ex(gaz, text, "2025-03-01").force_levels
    ]
    assert got == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a contingent's strength after a change verb or "is"
        (
            "Germany's contingent in Lithuania, once 1,100 strong, has shrunk to 300.",
            ("DE", "country:LT", 300),
        ),
        ("The French contingent in Mali has fallen to about 2,400.", ("FR", "country:ML", 2400)),
        ("Britain's battlegroup in Estonia is 900 strong.", ("GB", "country:EE", 900)),
        # "تحتفظ ب…" keeps a force there: a level; "بـ900" / "ب650" are numbers
        ("وستحتفظ بريطانيا بـ900 جندي في إستونيا.", ("GB", "country:EE", 900)),
        ("ساهمت إيطاليا ب650 جنديا في لبنان.", ("IT", "country:LB", 650)),
    ],
)
def test_a_contingent_strength_and_clitic_numbers(gaz, text, want):
    got = [
        (f.actor, f.place_id, f.quantity.count) for f in _ex(gaz, text, "2025-03-01").force_levels
    ]
    assert got == [want]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date that opens the sentence dates its verb
        (
            "In January 2020, Iran fired ballistic missiles at Ain al-Asad air base.",
            [("IR", "installation:ain-al-asad-air-base", "attack", "2020-01-31")],
        ),
        (
            "وفي عام 2011، انسحبت القوات الأمريكية من العراق.",
            [("US", "country:IQ", "withdraw", "2011-12-31")],
        ),
        # the exact date of the fronted phrase, not "five years ago"; "US" in "at US forces"
        # is no place
        (
            "Five years ago today, in the early hours of January 8, 2020, Iran fired at least "
            "16 ballistic missiles from its own territory at US forces in Iraq.",
            [("IR", "country:IQ", "attack", "2020-01-08")],
        ),
        # a relative clause's date is not the main verb's
        (
            "وبحسب مسودة الاتفاقية التي كُشف عنها أول مرة عام 2020، يُسمح لروسيا بنشر ما يصل "
            "إلى 300 عسكري في السودان.",
            [],
        ),
        # "only to leave several hundred behind": they stayed
        (
            "In October 2019, the US ordered troops out of Syria, only to leave several hundred "
            "behind in Deir ez-Zor.",
            [],
        ),
    ],
)
def test_fronted_dates_date_events(gaz, text, expected):
    ex = _ex(gaz, text, "2025-01-08")
    got = [(e.actor, e.place_id, e.action, e.date.value.isoformat()) for e in ex.events]
    assert got == expected
    assert not [m for m in ex.movements if m.place_id == "city:170794"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2030, US forces will leave Iraq.", [("US", "country:IQ", "withdraw", "2030-12-31")]),
        (
            "بحلول نهاية 2026، ستغادر القوات الأمريكية أربيل.",
            [("US", "city:95446", "withdraw", "2026-12-31")],
        ),
    ],
)
def test_fronted_deadlines(gaz, text, expected):
    assert _moves(_ex(gaz, text, "2025-06-10")) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "وفي" is a locative too; the place of the number's own clause wins over the next
        "ويتواجد في العراق حاليا نحو 2500 جندي أمريكي، وفي سوريا نحو 900.",
        # "and in Syria about 900": a conjunction and a place before the bare number
        "In Iraq there are about 2,500 US troops, and in Syria about 900.",
        "The US has 2,500 troops in Iraq and in Syria 900.",
    ],
)
def test_a_second_place_before_its_bare_number(gaz, text):
    got = sorted((a, p, c) for a, p, c, *_ in _levels(_ex(gaz, text)))
    assert got == [("US", "country:IQ", 2500), ("US", "country:SY", 900)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progressive "is sending" and a future passive "will be deployed" are moves; a
        # present "are deployed" is presence
        ("Britain is sending 350 more troops to Estonia.", [("GB", "country:EE", "arrive", None)]),
        (
            "Some 300 French troops will be deployed to Romania by June.",
            [("FR", "country:RO", "arrive", "2025-06-30")],
        ),
        ("US troops are deployed in Syria.", []),
        # a future "ستنتشر" is an arrival (dated by "اعتبارا من"), not a present level
        (
            "قالت وزارة الدفاع الإيطالية إن كتيبة من 250 جنديا ستنتشر في لاتفيا اعتبارا من "
            "الشهر المقبل.",
            [("IT", "country:LV", "arrive", "2025-07-31")],
        ),
        (
            "Germany will deploy troops to Lithuania starting in January 2026.",
            [("DE", "country:LT", "arrive", "2026-01-31")],
        ),
        # a list of destinations is an arrival in each; "Saudi" in "Saudi Arabia" is no actor
        (
            "The Pentagon is sending battalions to Kuwait, Saudi Arabia and Qatar.",
            [
                ("US", "country:KW", "arrive", None),
                ("US", "country:QA", "arrive", None),
                ("US", "country:SA", "arrive", None),
            ],
        ),
        (
            "أرسلت فرنسا جنودا إلى رومانيا وإستونيا.",
            [("FR", "country:EE", "arrive", None), ("FR", "country:RO", "arrive", None)],
        ),
    ],
)
def test_coming_arrivals(gaz, text, expected):
    ex = _ex(gaz, text, "2025-06-10")
    assert _moves(ex) == expected
    assert not ex.force_levels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dialect: "راح تطلع من" (will get out of), "الجايه" (next), "اللي فات" (last), and
        # ه typed for ة ("نهايه السنه")
        (
            "القوات الامريكيه راح تطلع من العراق قبل نهايه السنه الجايه",
            [("US", "country:IQ", "withdraw", "2026-12-31")],
        ),
        (
            "طلعوا الجنود الأمريكان من قاعدة عين الاسد الشهر اللي فات",
            [("US", "installation:ain-al-asad-air-base", "withdraw", "2025-05-31")],
        ),
        ("طلع تقرير جديد من البنتاغون عن سوريا", []),
    ],
)
def test_dialect_moves(gaz, text, expected):
    assert _moves(_ex(gaz, text, "2025-06-10")) == expected


@pytest.mark.parametrize(
    ("text", "iso", "role"),
    [
        ("قبل نهايه السنه الجايه", "2026-12-31", "by"),
        ("حتى نهايه 2026", "2026-12-31", "until"),
        ("السنة اللي فاتت", "2024-12-31", "at"),
        ("الشهر الجاي", "2025-07-31", "at"),
    ],
)
def test_dialect_dates(text, iso, role):
    got = [
        (m.date.value.isoformat(), m.role) for m in find_dates(text, published=dt.date(2025, 6, 10))
    ]
    assert got == [(iso, role)]


def test_in_the_region_of_is_approximate(gaz):
    ex = _ex(gaz, "في حدود 2000 عسكري أمريكي موجودين بسوريا حاليا")
    got = [(f.actor, f.place_id, f.quantity.count, f.quantity.approximate) for f in ex.force_levels]
    assert got == [("US", "country:SY", 2000, True)]


def test_a_passive_move_size_is_no_level(gaz):
    text = (
        "US forces began repositioning in Iraq last month. "
        "Some 300 troops were moved from Ain al-Asad to Erbil."
    )
    ex = _ex(gaz, text, "2025-03-01")
    assert ex.force_levels == []
    got = [(m.actor, m.place_id, m.action, m.to_place_id) for m in ex.movements]
    assert got == [("US", "installation:ain-al-asad-air-base", "relocate", "city:95446")]


@pytest.mark.parametrize(
    "text",
    [
        "None of these forces are going to Israel, the Pentagon said, adding that a further "
        "2,000 troops remained on prepare-to-deploy orders.",
        "In Poland, the US has placed 8,500 troops on heightened alert.",
        "ووضعت واشنطن 8500 جندي في حالة تأهب للانتشار في بولندا.",
    ],
)
def test_troops_on_standby_are_no_level(gaz, text):
    assert _ex(gaz, text, "2025-03-01").force_levels == []


def test_a_dateline_country_is_no_host_of_a_move_abroad(gaz):
    # the dateline makes the US the article's focus; the move goes to Kuwait and Jordan,
    # so the Pentagon (the US) is its actor, not whoever else the article names
    text = (
        "WASHINGTON, Oct 26 (Wire) - Iran-backed militias attacked US bases, officials said. "
        "The Pentagon blamed Iran's Revolutionary Guards, saying Iran directed them.\n\n"
        "The troops will operate air defence batteries that the Pentagon is sending to "
        "Kuwait and Jordan."
    )
    ex = _ex(gaz, text, "2023-10-27")
    got = sorted((m.actor, m.place_id, m.action) for m in ex.movements)
    assert got == [("US", "country:JO", "arrive"), ("US", "country:KW", "arrive")]


@pytest.mark.parametrize(
    ("text", "levels", "moves"),
    [
        # an "N-strong" force is the size of the force there; halving it is a reduction
        (
            "Washington plans to halve its 2,000-strong force in Syria by the summer.",
            [("US", "country:SY", 2000)],
            [("US", "country:SY", "reduce", "2025-09-30")],
        ),
        (
            "Norway hosts a 1,000-strong US Marine rotational force.",
            [("US", "country:NO", 1000)],
            [],
        ),
        # equipment for a brigade is no brigade
        ("In Norway, the caves hold enough equipment for a 15,000-strong brigade.", [], []),
        # closing "its last base" is leaving
        (
            "France will close its last base in Senegal by July.",
            [],
            [("FR", "country:SN", "withdraw", "2025-07-31")],
        ),
        # the forces' country in the subject ("US troop levels in Syria … will be cut")
        (
            "US troop levels in Syria will be cut in half within months.",
            [],
            [("US", "country:SY", "reduce", None)],
        ),
        # Arabic VSO: غادر + its forces subject + the country left
        (
            "ستغادر القوات الفرنسية تشاد بحلول نهاية العام.",
            [],
            [("FR", "country:TD", "withdraw", "2025-12-31")],
        ),
    ],
)
def test_strength_closures_and_subject_places(gaz, text, levels, moves):
    ex = _ex(gaz, text, "2025-03-01")
    assert [(f.actor, f.place_id, f.quantity.count) for f in ex.force_levels] == levels
    got = [
        (m.actor, m.place_id, m.action, m.by.value.isoformat() if m.by else None)
        for m in ex.movements
    ]
    assert got == moves


@pytest.mark.parametrize(
    ("text", "levels", "moves"),
    [
        # present "keeps / maintains / تحتفظ" with a count and no deadline: a level, no stay
        (
            "The Netherlands keeps about 150 troops in Iraq.",
            [("NL", "country:IQ", 150)],
            [],
        ),
        (
            "وتحتفظ فرنسا بنحو 1500 جندي في تشاد.",
            [("FR", "country:TD", 1500)],
            [],
        ),
        # … with a deadline it is a stay as well
        (
            "Britain keeps 300 troops in Bahrain until 2027.",
            [("GB", "country:BH", 300)],
            [("GB", "country:BH", "remain", "2027-12-31")],
        ),
        # the participle as predicate ("باقية في") is a stay
        (
            "وأكد مسؤول تركي أن القوات التركية باقية في قاعدة الوطية.",
            [],
            [("TR", "installation:al-watiya-air-base", "remain", None)],
        ),
        # "come home" is leaving
        (
            "The 900 US troops in Syria will come home by April.",
            [("US", "country:SY", 900)],
            [("US", "country:SY", "withdraw", "2025-04-30")],
        ),
        # "the remaining 400 … will be cut to about 80": 400 is there now; no stay
        (
            "The remaining 400 French troops in Côte d'Ivoire will be cut to about 80 by the "
            "end of the year.",
            [("FR", "country:CI", 400)],
            [("FR", "country:CI", "reduce", "2025-12-31")],
        ),
        # dialect numbers: خمسمية، تلات تلاف، تلتمية
        (
            "الأمريكان عدهم هسه حوالي ألفين وخمسمية جندي بالعراق.",
            [("US", "country:IQ", 2500)],
            [],
        ),
        (
            "الفرنسيين عندهم تلات تلاف جندي بمالي.",
            [("FR", "country:ML", 3000)],
            [],
        ),
    ],
)
def test_states_stays_and_dialect_numbers(gaz, text, levels, moves):
    ex = _ex(gaz, text, "2025-03-01")
    assert [(f.actor, f.place_id, f.quantity.count) for f in ex.force_levels] == levels
    got = [
        (m.actor, m.place_id, m.action, m.by.value.isoformat() if m.by else None)
        for m in ex.movements
    ]
    assert got == moves


def test_a_town_that_locates_a_base_is_no_second_move(gaz):
    ex = _ex(gaz, "US troops left Niger's Air Base 201 in Agadez.", "2024-09-20")
    assert [(m.actor, m.place_id, m.action) for m in ex.movements] == [
        ("US", "installation:niger-air-base-201-agadez", "withdraw")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "now" makes the count today's although "since 2015" came first
        "Turkey has deployed troops to Qatar since 2015 and now has about 3,000 troops there.",
        # "there" is the place last named as one, in the sentence before
        "Turkey opened a base in Qatar in 2015. It now has about 3,000 soldiers there.",
    ],
)
def test_now_and_there(gaz, text):
    got = [
        (f.actor, f.place_id, f.quantity.count, f.as_of.value.isoformat())
        for f in _ex(gaz, text, "2024-09-20").force_levels
    ]
    assert got == [("TR", "country:QA", 3000, "2024-09-20")]


def test_arabic_svo_subject_before_the_verb_makes_the_country_its_object(gaz):
    text = "وأعلنت وزارة الدفاع الفرنسية أن آخر جندي فرنسي غادر تشاد يوم الخميس."
    ex = _ex(gaz, text, "2025-01-20")
    assert [(m.actor, m.place_id, m.action) for m in ex.movements] == [
        ("FR", "country:TD", "withdraw")
    ]


def test_a_count_of_marines_is_us_and_a_total_after_an_adverb(gaz):
    ex = _ex(gaz, "About 8,000 Marines will move from Okinawa to Guam beginning in 2026.", PUB_Q)
    assert [(m.actor, m.action, m.to_place_id) for m in ex.movements] == [
        ("US", "relocate", "country:GU")
    ]
    text = (
        "The number of Russian troops at the Tartus naval base has dropped sharply, "
        "to a few hundred, since December."
    )
    got = [
        (f.actor, f.quantity.count_min, f.quantity.count_max)
        for f in _ex(gaz, text, "2025-05-02").force_levels
    ]
    assert got == [("RU", 200, 500)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "الألمانية" / "الألماني": the letters ا-ل of ألماني are no article
        ("وستنسحب القوات الألمانية من مالي بحلول نهاية العام.", [("DE", "country:ML", "withdraw")]),
        (
            "أعلن الجيش الألماني إنهاء وجوده في مالي بحلول نهاية العام.",
            [("DE", "country:ML", "withdraw")],
        ),
        ("Germany has ended its deployment in Mali.", [("DE", "country:ML", "withdraw")]),
        # a coalition's mission can end with its troops staying: no withdrawal
        ("The coalition ended its military mission in Baghdad.", []),
    ],
)
def test_german_forces_and_ended_deployments(gaz, text, want):
    ex = _ex(gaz, text, "2025-02-10")
    assert [(m.actor, m.place_id, m.action) for m in ex.movements] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Turkey has 3,000 troops in northern Iraq.", ("TR", "country:IQ", 3000)),
        ("Spain has around 650 troops in southern Lebanon.", ("ES", "country:LB", 650)),
        (
            "Spain contributes around 650 troops to UNIFIL in southern Lebanon.",
            ("ES", "country:LB", 650),
        ),
    ],
)
def test_a_direction_before_a_country_keeps_it_a_location(gaz, text, want):
    got = [
        (f.actor, f.place_id, f.quantity.count) for f in _ex(gaz, text, "2025-02-10").force_levels
    ]
    assert got == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a list of contributors: the next subject country is the actor, the place carried
        (
            "RIGA (Wire) - About 1,800 Canadian troops now serve in Latvia. Spain, the "
            "second-largest contributor, has about 600 troops in the brigade, and Sweden has "
            "roughly 550.",
            [("CA", "country:LV", 1800), ("ES", "country:LV", 600), ("SE", "country:LV", 550)],
        ),
        # … but after the article's main force the next country is the host
        (
            "The US has about 13,500 troops in Kuwait. Jordan has about 3,000, mostly at "
            "Muwaffaq Salti.",
            [("US", "country:KW", 13500), ("US", "country:JO", 3000)],
        ),
        # "each" after a list of countries is per country, not a unit's size
        (
            "RIGA (Wire) - Other allies, among them Italy, Poland and Denmark, contribute a few "
            "hundred troops each.",
            [("IT", "country:LV", 200), ("PL", "country:LV", 200), ("DK", "country:LV", 200)],
        ),
        (
            "Italy and Spain have 1,000 troops each in Lebanon.",
            [("IT", "country:LB", 1000), ("ES", "country:LB", 1000)],
        ),
        ("Britain sent three battalions of 800 troops each to Estonia.", []),
    ],
)
def test_contributor_lists_and_each(gaz, text, want):
    got = [
        (f.actor, f.place_id, f.quantity.count or f.quantity.count_min)
        for f in _ex(gaz, text, "2025-07-03").force_levels
    ]
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon on Tuesday denied a report that it would send an additional Marine unit "
        "to Djibouti.",
        "Seoul denied reports that the US would withdraw troops from South Korea.",
        "ونفت وزارة الدفاع أن تكون واشنطن ستسحب قواتها من كوريا الجنوبية.",
    ],
)
def test_a_denied_move_is_none(gaz, text):
    assert _ex(gaz, text, "2024-03-20").movements == []


def test_a_hyphenated_force_name_before_the_noun(gaz):
    text = "DJIBOUTI - Japan keeps about 180 Self-Defense Force personnel at its base there."
    got = [
        (f.actor, f.place_id, f.quantity.count) for f in _ex(gaz, text, "2024-03-20").force_levels
    ]
    assert got == [("JP", "country:DJ", 180)]


def test_questions_claim_nothing_and_a_stay_is_no_origin(gaz):
    text = (
        "Q: Will you pull out of al-Tanf?\n\n"
        "MR. BREWER: No. We will not withdraw from Tanf. US troops in Tanf will stay. "
        "Some personnel will move to Erbil over the summer."
    )
    ex = _ex(gaz, text, "2025-06-05")
    got = [(m.place_id, m.action, m.to_place_id) for m in ex.movements]
    assert ("installation:al-tanf-garrison", "withdraw", None) not in got
    assert ("installation:al-tanf-garrison", "relocate", "city:95446") not in got
    assert ("city:95446", "arrive", None) in got


def test_an_earlier_level_dated_by_a_month(gaz):
    text = "We are now at roughly 1,500 US troops in Syria, down from about 2,000 in December."
    got = [
        (f.quantity.count, f.as_of.value.isoformat())
        for f in _ex(gaz, text, "2025-06-05").force_levels
    ]
    assert got == [(1500, "2025-06-05"), (2000, "2024-12-31")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "حيث" after a place, past the subject country of the relative clause
        (
            "انجامينا – غادر آخر الجنود الفرنسيين تشاد أمس.\n\nوعاد معظم الجنود إلى فرنسا، "
            "فيما توجّه نحو مئتين منهم إلى جيبوتي، حيث تحتفظ فرنسا بنحو 1500 عسكري.",
            {"levels": [("FR", "country:DJ", 1500)]},
        ),
        # a demand that forces leave is no plan of theirs: kept, marked "demanded"
        (
            "وطالبت الحكومة التشادية برحيل القوات الفرنسية من تشاد قبل 31 يناير.",
            {"demanded": [("FR", "country:TD", "withdraw")]},
        ),
        (
            "Protesters demanded that French troops leave Niger by March.",
            {"demanded": [("FR", "country:NE", "withdraw")]},
        ),
        # "تمهيداً ل…" opens a later leg: its place is no destination of this move
        (
            "وقرابة ٥٠٠ جندي أمريكي توجهوا إلى الكويت تمهيداً لعودتهم إلى الولايات المتحدة.",
            {"moves": [("US", "country:KW", "arrive", None)]},
        ),
    ],
)
def test_where_demands_and_later_legs(gaz, text, want):
    ex = _ex(gaz, text, "2025-01-31")
    if "levels" in want:
        assert [(f.actor, f.place_id, f.quantity.count) for f in ex.force_levels] == want["levels"]
    if "moves" in want:
        got = [(m.actor, m.place_id, m.action, m.to_place_id) for m in ex.movements]
        assert got == want["moves"]
    if "demanded" in want:
        assert [(m.actor, m.place_id, m.action) for m in ex.movements] == want["demanded"]
        assert {m.modality for m in ex.movements} == {"demanded"}


def test_fronted_parts_future_move_sizes_and_figure_history(gaz):
    text = (
        "The US still has roughly 1,700 soldiers in Romania; of these, about 1,000 are at "
        "Mihail Kogalniceanu Air Base near Constanta. About 600 troops will leave Romania by "
        "the end of the year. In Poland, where some 10,000 US troops are based, nothing "
        "changes. That figure is up from about 4,500 in 2019."
    )
    got = [
        (f.place_id, f.quantity.count, f.as_of.value.isoformat())
        for f in _ex(gaz, text, "2025-11-12").force_levels
    ]
    assert got == [
        ("country:RO", 1700, "2025-11-12"),
        ("installation:mihail-kogalniceanu-air-base", 1000, "2025-11-12"),
        ("country:PL", 10000, "2025-11-12"),
        ("country:PL", 4500, "2019-12-31"),
    ]


def test_go_home_names_only_the_place_it_leaves(gaz):
    text = (
        "A US brigade rotating through Romania would go home without a replacement, which "
        "was read in Bucharest as a warning."
    )
    ex = _ex(gaz, text, "2025-11-12")
    assert all(m.place_id != "city:683506" for m in ex.movements)


@pytest.mark.parametrize(
    "text",
    [
        "London on Sunday dismissed a newspaper report that it was preparing to send several "
        "thousand British troops to Ukraine this spring.",
    ],
)
def test_a_dismissed_report_is_no_move(gaz, text):
    assert _ex(gaz, text, "2025-02-24").movements == []


def test_a_capability_to_deploy_is_only_possible(gaz):
    text = "The British brigade is supposed to be able to deploy to Estonia within ten days."
    assert {m.modality for m in _ex(gaz, text, "2025-02-24").movements} <= {"possible"}


def test_a_move_done_days_ago_is_news_not_history(gaz):
    text = "انسحبت القوات الفرنسية من النيجر في 22 ديسمبر 2023."
    recent = _ex(gaz, text, "2023-12-30")
    assert [(m.actor, m.place_id, m.action, m.by.value.isoformat()) for m in recent.movements] == [
        ("FR", "country:NE", "withdraw", "2023-12-22")
    ]
    assert recent.events == []
    old = _ex(gaz, text, "2025-07-18")
    assert old.movements == [] and [(e.actor, e.action) for e in old.events] == [("FR", "withdraw")]


def test_a_wire_story_about_a_completed_withdrawal(gaz):
    text = (
        "NIAMEY, Aug 5 (Wire) - The US military on Monday completed its withdrawal from Air "
        "Base 201 near Agadez, handing the drone facility to Niger's army.\n\n"
        "Fewer than 200 US personnel remain in Niger, and they will leave before the Sept. 15 "
        "deadline, the Pentagon said.\n\n"
        "When the junta revoked a military cooperation accord in March, the United States had "
        "about 1,100 troops in the country. Of those, roughly 800 were at Air Base 201."
    )
    ex = _ex(gaz, text, "2024-08-06")
    levels = [
        (f.place_id, f.quantity.count or f.quantity.count_max, f.as_of.value.isoformat())
        for f in ex.force_levels
    ]
    assert levels == [
        ("country:NE", 200, "2024-08-06"),
        ("country:NE", 1100, "2024-03-31"),
        ("installation:niger-air-base-201-agadez", 800, "2024-03-31"),
    ]
    moves = [(m.place_id, m.action, m.to_place_id, m.by.value.isoformat()) for m in ex.movements]
    assert moves == [
        ("installation:niger-air-base-201-agadez", "withdraw", None, "2024-08-05"),
        ("country:NE", "withdraw", None, "2024-09-15"),
    ]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        # "Marines" after a number is a troop noun (it was matched in lower case only)
        ("Camp Blaz currently hosts fewer than 200 Marines.", [("installation:camp-blaz", 200)]),
        # "half of the 54,000 in Japan": the total of the next place
        (
            "About 30,000 US military personnel are stationed in Okinawa - roughly half of the "
            "54,000 in Japan.",
            [("admin1:JP-47", 30000), ("country:JP", 54000)],
        ),
        # the subject of a move (past an appositive) is the move's size, not a level
        (
            "Last month about 100 US Marines, mostly logistics specialists, moved from Okinawa "
            "to Guam.",
            [],
        ),
        # … but a force held now keeps its level
        ("The US has 900 troops in Syria who will leave by April.", [("country:SY", 900)]),
    ],
)
def test_marines_totals_and_move_subjects(gaz, text, levels):
    got = [
        (f.place_id, f.quantity.count or f.quantity.count_max)
        for f in _ex(gaz, text, "2024-12-16").force_levels
    ]
    assert got == levels


def test_appositive_subject_temporal_clause_and_the_surge(gaz):
    text = (
        "Ain al-Asad was handed to the Iraqi army in August. Italy's contingent in Erbil, "
        "about 500 strong, will stay until the coalition mission ends there in September 2026. "
        "At its peak in 2007, during the surge, the United States had some 170,000 troops in "
        "Iraq. Washington could keep a small advisory presence in Erbil, officials say, before "
        "the election on November 11."
    )
    ex = _ex(gaz, text, "2025-10-20")
    moves = [
        (m.actor, m.place_id, m.action, m.by.value.isoformat() if m.by else None)
        for m in ex.movements
        if m.modality != "possible"
    ]
    assert ("IT", "city:95446", "remain", "2026-09-30") in moves
    assert not any(a == "COALITION" or act == "increase" for a, _, act, _ in moves)
    assert [
        (f.quantity.count, f.as_of.value.isoformat())
        for f in ex.force_levels
        if f.quantity.count == 170000
    ] == [(170000, "2007-12-31")]
    assert all(m.by is None for m in ex.movements if m.modality == "possible")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "باماكو – أعلنت فرنسا أن قواتها ستغادر البلاد بحلول نهاية العام، وفق بيان صدر بعد "
            "محادثات في العاصمة باماكو. وتنشر فرنسا نحو 2000 جندي في مالي.",
            ("FR", "country:ML", "withdraw", "2025-12-31"),
        ),
        (
            "BAMAKO — France will withdraw its troops from the country by the end of the year, "
            "officials said after talks in Bamako. France has about 2,000 troops in Mali.",
            ("FR", "country:ML", "withdraw", "2025-12-31"),
        ),
        (
            "الرباط – قالت واشنطن إن قواتها ستغادر المملكة بحلول يونيو 2025 بعد انتهاء التمرين "
            "في أكادير. وتستضيف المغرب نحو 5000 جندي أميركي خلال التمرين.",
            ("US", "country:MA", "withdraw", "2025-06-30"),
        ),
    ],
)
def test_leaving_the_country_is_the_articles_country_not_a_later_city(gaz, text, want):
    # "من البلاد" / "from the country" / "المملكة": the country, not a city named later
    ex = _ex(gaz, text, "2025-03-01")
    assert [(m.actor, m.place_id, m.action, m.by.value.isoformat()) for m in ex.movements] == [want]


def test_an_adjective_of_nationality_is_not_a_town_of_that_name(gaz):
    # "الهندية" (Indian) is also Al-Hindiyah, a town in Iraq: as an adjective it is no place,
    # named as a town it is one
    adj = _ex(gaz, "عقدت المحادثات في العاصمة الهندية نيودلهي، ورحلت القوات الهندية.")
    assert "city:99344" not in {p.place.id for p in adj.places}
    town = _ex(gaz, "انتشرت القوات العراقية في الهندية جنوب كربلاء.")
    assert "city:99344" in {p.place.id for p in town.places}


@pytest.mark.parametrize(
    "text",
    [
        # a denial that opens its paragraph (the search starts at the sentence: no "^" there)
        "تنشر إيطاليا نحو ألف جندي في لبنان.\n\nونفت روما أن تكون قواتها ستنسحب من لبنان "
        "قبل نهاية العام.",
        # a denied intention further back than "نفت أن"
        "تنشر تركيا نحو ثلاثة آلاف جندي في قطر.\n\nكما نفت أنقرة في وقت سابق نيتها نقل جزء من "
        "قواتها إلى دول أخرى في المنطقة بحلول الصيف.",
        "الدوحة – ونفى مسؤول في السفارة التركية بالدوحة ما تداولته حسابات على مواقع التواصل عن "
        "خطط لتقليص القوة التركية في قطر بحلول نهاية العام.",
    ],
)
def test_denied_moves_are_no_moves(gaz, text):
    assert _ex(gaz, text, "2024-06-05").movements == []


def test_a_negation_with_a_conjunction_still_negates(gaz):
    # "ولن تقلص" (and will not reduce): a stay, not a reduction
    text = (
        "تنشر إيطاليا نحو ألف جندي في لبنان. وقال الوزير إن القوات الإيطالية باقية في لبنان "
        "ولن تقلص عددها هناك قبل نهاية العام."
    )
    assert {m.action for m in _ex(gaz, text, "2024-06-05").movements} <= {"remain"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # cues that open their sentence: "(?:^|\s)" never matched there (the search starts
        # at the sentence, and "^" is only the text's start)
        (
            "ينتشر نحو 2500 جندي أميركي في العراق. منهم 900 في أربيل.",
            ("US", "city:95446", 900, "2025-03-01"),
        ),
        (
            "تنشر الولايات المتحدة 2500 جندي في العراق. انخفاضا من 5200 عام 2021.",
            ("US", "country:IQ", 5200, "2021-12-31"),
        ),
    ],
)
def test_cues_at_the_start_of_a_sentence(gaz, text, want):
    ex = _ex(gaz, text, "2025-03-01")
    got = [
        (f.actor, f.place_id, f.quantity.low, f.as_of.value.isoformat()) for f in ex.force_levels
    ]
    assert want in got


def test_the_nationality_of_the_troops_that_move_is_the_actor(gaz):
    # VSO with the place first: "وصل إلى نيامي نحو 100 مدرب عسكري روسي" — Russians arrive,
    # not the article's dominant actor (the US)
    text = (
        "نيامي – تنسحب القوات الأميركية من النيجر بحلول سبتمبر 2024. وفي أبريل الماضي، وصل "
        "إلى نيامي نحو 100 مدرب عسكري روسي ومعهم منظومة للدفاع الجوي."
    )
    got = {(m.actor, m.place_id, m.action) for m in _ex(gaz, text, "2024-05-20").movements}
    assert ("RU", "city:2440485", "arrive") in got
    assert ("US", "city:2440485", "arrive") not in got


@pytest.mark.parametrize(
    "text",
    [
        "غادر جميع المستشارين الإيرانيين سوريا خلال الشهر الجاري، وأجلت طهران نحو أربعة آلاف من "
        "رعاياها عبر قاعدة حميميم وعبر الأراضي العراقية.",
        "Iran evacuated about 4,000 of its personnel from Syria via Hmeimim Air Base and through "
        "Iraqi territory this month.",
    ],
)
def test_a_route_is_not_where_forces_leave(gaz, text):
    # "عبر قاعدة حميميم" / "via Hmeimim": the way out, not the place left
    places = {m.place_id for m in _ex(gaz, text, "2024-12-20").movements}
    assert "country:SY" in places and "installation:hmeimim-air-base" not in places


def test_a_decimal_number_after_a_month_is_no_day():
    # "in January 14.6 billion kroner": January, not 14 January; "15.5 سبتمبر" no date
    (d,) = find_dates("Copenhagen announced in January 14.6 billion kroner", published=PUB)
    assert (d.date.value.isoformat(), d.date.precision) == ("2025-01-31", "month")
    assert find_dates("في 15.5 سبتمبر", published=PUB) == []
    (d,) = find_dates("by September 15, 2025", published=PUB)
    assert d.date.value.isoformat() == "2025-09-15"


def test_a_cut_trip_and_a_kept_count_are_no_moves(gaz):
    trip = "The vice president's trip to Estonia was scaled back after an outcry in Tallinn."
    assert _ex(gaz, trip, "2025-03-30").movements == []
    # "keep" + a count, in the present, is how many are there; "will keep" is a stay
    now = _ex(gaz, "Britain's armed forces keep about 500 troops in Estonia.", "2025-03-30")
    assert now.movements == []
    assert [(f.actor, f.place_id, f.quantity.low) for f in now.force_levels] == [
        ("GB", "country:EE", 500)
    ]
    plan = _ex(gaz, "Britain will keep about 500 troops in Estonia until 2030.", "2025-03-30")
    assert [(m.actor, m.action) for m in plan.movements] == [("GB", "remain")]


def test_a_move_a_season_ago_is_history_a_recent_one_is_news(gaz):
    text = "The last US troops left Niger last August."
    old = _ex(gaz, text, "2025-03-13")
    assert old.movements == []
    assert [(e.actor, e.place_id, e.action, e.date.value.isoformat()) for e in old.events] == [
        ("US", "country:NE", "withdraw", "2024-08-31")
    ]
    recent = _ex(gaz, text, "2024-09-20")
    assert [(m.actor, m.place_id, m.action) for m in recent.movements] == [
        ("US", "country:NE", "withdraw")
    ]


def test_leave_it_at_that_is_no_withdrawal(gaz):
    # a briefing transcript: "We'll keep a small team at Baledogle … I'll leave it at that."
    path = Path(__file__).parents[1] / "data" / "heldout2"
    path = path / "018_en_transcript_africom_roundtable_djibouti_somalia.txt"
    ex = _ex(gaz, path.read_text(encoding="utf-8"), "2025-03-13")
    assert ("installation:baledogle-airfield", "withdraw") not in {
        (m.place_id, m.action) for m in ex.movements
    }
    assert ("installation:baledogle-airfield", "remain") in {
        (m.place_id, m.action) for m in ex.movements
    }


def test_an_unnamed_front_is_not_the_articles_country(gaz):
    text = (
        "GUANTANAMO BAY NAVAL BASE, Cuba — The Pentagon is sending 300 more troops to "
        "Guantánamo Bay. Separately, about 1,500 active-duty troops deployed to the southern "
        "border last month."
    )
    got = {(m.place_id, m.action) for m in _ex(gaz, text, "2025-02-14").movements}
    assert ("country:CU", "arrive") not in got
    assert ("installation:naval-station-guantanamo-bay", "arrive") in got


def test_a_contributor_that_said_it_will_leave_and_a_dated_completed_exit(gaz):
    text = (
        "Britain is to pull its peacekeepers out of Mali by the middle of next year. France "
        "completed its withdrawal from Mali on 15 August after nine years of operations. "
        "Sweden has said it will leave next year."
    )
    ex = _ex(gaz, text, "2022-11-15")
    moves = {(m.actor, m.place_id, m.action, m.by.value.isoformat()) for m in ex.movements}
    assert ("SE", "country:ML", "withdraw", "2023-12-31") in moves
    # three months back, "on 15 August" is history, not news
    assert not any(m.actor == "FR" for m in ex.movements)
    assert ("FR", "country:ML", "withdraw", "2022-08-15") in {
        (e.actor, e.place_id, e.action, e.date.value.isoformat()) for e in ex.events
    }


def test_no_event_of_a_country_in_its_own_country(gaz):
    # "إخراج القوات الأجنبية من البلاد", voted by Iraq's parliament: no event of Iraq in Iraq
    path = Path(__file__).parents[1] / "data" / "devset"
    text = (path / "017_ar_iraq_parliament_foreign_forces_numbers.txt").read_text(encoding="utf-8")
    ex = _ex(gaz, text, "2024-01-10")
    assert ("IQ", "country:IQ") not in {(e.actor, e.place_id) for e in ex.events}
    assert ("IR", "attack") in {(e.actor, e.action) for e in ex.events}


def test_the_base_evacuated_is_the_one_left_not_the_destination(gaz):
    text = (
        "كشف مصدر امني عن انسحاب نحو خمسمئة جندي أمريكي من قاعدة عين الأسد خلال الأيام "
        "المقبلة، وانتقالهم إلى قاعدة حرير شمال شرقي أربيل.\n\nوقال المصدر إن القوات الأمريكية "
        "بدأت بنقل المعدات، وسيتم إخلاء القاعدة بالكامل في أيلول المقبل وتسليمها للجيش العراقي."
    )
    got = {(m.place_id, m.action) for m in _ex(gaz, text, "2025-03-04").movements}
    assert ("installation:ain-al-asad-air-base", "withdraw") in got
    assert ("installation:harir-air-base", "withdraw") not in got


def test_that_contingent_is_the_force_of_the_level_just_given(gaz):
    text = (
        "The consolidation will not affect the roughly 2,500 US troops in Iraq, officials "
        "said, although that contingent is due to shrink by September under a separate "
        "agreement with Baghdad."
    )
    got = [(m.actor, m.place_id, m.action) for m in _ex(gaz, text, "2025-06-10").movements]
    assert got == [("US", "country:IQ", "reduce")]
