"""Analyst scenario files: validation with file/line/field, loading, dedupe with articles."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from service.errors import InputError, ValidationError
from service.store.scenario import parse_fuzzy_date
from tests.conftest import ROOT
from tests.store.seedfake import AIN, BAGHDAD, ERBIL

SHIPPED = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"
IQ = "country:IQ"

GOOD = """\
scenario: test-scenario
title: Test
sources:
  wire:
    outlet: Wire
    published: 2024-09-06
observations:
  - actor: US
    place: country:IQ
    as_of: 2024-09-06
    count: 2500
    approximate: true
    source: wire
    quote: about 2,500
plans:
  - id: test-plan
    name: Test plan
    start: 2024-09-06
    source: wire
    phases:
      - name: one
        deadline: 2025-09
        moves:
          - actor: COALITION
            action: withdraw
            place: installation:ain-al-asad-air-base
            scope: all
"""


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_shipped_scenario_loads_and_projects(store):
    res = store.load_scenario(SHIPPED)
    assert res.changed and res.counts["moves"] == 7
    p = store.posture_at("2025-10-01")
    assert p.find(AIN, actor="COALITION")[0]["status"] == "withdrawn"
    assert p.find(BAGHDAD, actor="COALITION")[0]["status"] == "reduced"
    assert p.find(ERBIL, actor="COALITION")[0]["status"] == "present"
    p27 = store.posture_at("2027-01-01")
    assert p27.find(ERBIL, actor="US")[0]["status"] == "withdrawn"
    assert p27.find(IQ, actor="US")[0]["status"] == "withdrawn"
    # the "possible" advisory presence is recorded but does not project
    (plan,) = store.plans()
    assert plan["phases"][-1]["moves"][0]["modality"] == "possible"
    iq24 = store.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert iq24["count"] == 2500 and iq24["sources"][0]["outlet"] == "Almaghrib Today"


def test_same_file_twice_changes_nothing(store):
    store.load_scenario(SHIPPED)
    before = store.counts()
    assert not store.load_scenario(SHIPPED).changed
    assert store.counts() == before


def test_changed_file_replaces_its_previous_version(store, tmp_path):
    p = write(tmp_path, GOOD)
    store.load_scenario(p)
    p.write_text(GOOD.replace("count: 2500", "count: 2000"), encoding="utf-8")
    res = store.load_scenario(p)
    assert res.changed
    f = store.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert f["count"] == 2000 and f["conflicts"] == []
    assert len(store.plans()) == 1


def test_seed_article_and_shipped_scenario_do_not_double_count(store, seed_text):
    store.ingest_article(seed_text, published="2024-09-06", outlet="Almaghrib Today")
    store.load_scenario(SHIPPED)
    for day in ("2024-10-01", "2025-10-01", "2027-01-01"):
        rows = store.posture_at(day).rows
        keys = [(r["actor"], r["place_id"]) for r in rows]
        assert len(keys) == len(set(keys))  # one row per actor and place
        for r in rows:
            assert r["conflicts"] == [], (day, r["actor"], r["place_id"], r["conflicts"])
            assert r["corroboration"] == 1  # same outlet: not independent
    us = store.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert us["count"] == 2500 and len(us["sources"]) == 2


def test_independent_source_increments_corroboration(store, seed_text, tmp_path):
    store.ingest_article(seed_text, published="2024-09-06", outlet="Almaghrib Today")
    other = GOOD.replace("outlet: Wire", "outlet: Another Wire")
    store.load_scenario(write(tmp_path, other))
    us = store.posture_at("2024-10-01").find(IQ, actor="US")[0]
    assert us["corroboration"] == 2 and us["conflicts"] == []
    ain = store.posture_at("2025-10-01").find(AIN, actor="COALITION")[0]
    assert ain["corroboration"] == 2


def test_analyst_place_with_polygon(store, tmp_path):
    text = """\
    scenario: custom-place
    title: custom
    places:
      - id: custom:camp-x
        name: Camp X
        name_ar: معسكر إكس
        kind: admin1
        country: IQ
        parent: country:IQ
        geometry: {type: Polygon, coordinates: [[[43, 33], [44, 33], [44, 34], [43, 34], [43, 33]]]}
    observations:
      - actor: GB
        place: custom:camp-x
        as_of: 2024-Q3
        count_max: 100
        confirmed: true
    """
    store.load_scenario(write(tmp_path, text))
    f = next(
        f
        for f in store.posture_at("2024-10-01").features
        if f["properties"]["place_id"] == "custom:camp-x"
    )
    assert f["geometry"]["type"] == "Polygon"
    p = f["properties"]
    assert (p["label"], p["location_precision"], p["as_of"], p["as_of_precision"]) == (
        "< 100",
        "admin1",
        "2024-09-30",
        "quarter",
    )
    assert p["confirmed"] is True and p["sources"][0]["kind"] == "scenario"
    assert store.place("custom:camp-x")["name_ar"] == "معسكر إكس"


BAD = [
    ("scenario: x\ntitle: t\nobservations: [\n", 4, "(yaml)", "malformed YAML"),
    ("- just\n- a list\n", 1, "(top)", "mapping"),
    (
        GOOD.replace("as_of: 2024-09-06", "as_of: 2024-02-30"),
        10,
        "observations[0].as_of",
        "not a calendar date",
    ),
    (GOOD.replace("as_of: 2024-09-06", "as_of: soon"), 10, "observations[0].as_of", "not a date"),
    (GOOD.replace("count: 2500", "count: -5"), 11, "observations[0].count", "negative"),
    (GOOD.replace("count: 2500", "count: many"), 11, "observations[0].count", "whole number"),
    (
        GOOD.replace("place: country:IQ", "place: country:XX"),
        9,
        "observations[0].place",
        "unknown place",
    ),
    (GOOD.replace("actor: US", "actor: USA?"), 8, "observations[0].actor", "unknown actor"),
    (
        GOOD.replace("quote: about 2,500", "qoute: typo"),
        14,
        "observations[0].qoute",
        "unknown field",
    ),
    (
        GOOD.replace("source: wire\n    quote", "source: nope\n    quote"),
        13,
        "observations[0].source",
        "unknown source",
    ),
    (
        GOOD.replace("action: withdraw", "action: vanish"),
        25,
        "plans[0].phases[0].moves[0].action",
        "must be one of",
    ),
    (
        GOOD.replace("deadline: 2025-09", "deadline: 2025-13"),
        22,
        "plans[0].phases[0].deadline",
        "out of range",
    ),
    (
        GOOD.replace("deadline: 2025-09", "deadline: 2023-09"),
        22,
        "plans[0].phases[0].deadline",
        "before the plan",
    ),
    (
        GOOD.replace("scope: all", "scope: most"),
        27,
        "plans[0].phases[0].moves[0].scope",
        "all, rest or part",
    ),
    (GOOD.replace("title: Test\n", "title: Test\ntitle: Again\n"), 3, "title", "duplicate"),
    (GOOD.replace("scenario: test-scenario", "scenario: Not A Slug"), 1, "scenario", "lower-case"),
    ("scenario: empty\ntitle: e\n", 1, "(top)", "no observations"),
]


@pytest.mark.parametrize("text,line,field,message", BAD)
def test_bad_scenarios_name_file_line_and_field(store, tmp_path, text, line, field, message):
    p = write(tmp_path, text, "bad.yaml")
    before = store.counts()
    with pytest.raises(ValidationError) as info:
        store.load_scenario(p)
    err = info.value
    assert err.detail["file"] == "bad.yaml"
    assert (err.detail["line"], err.detail["field"]) == (line, field), err.message
    assert message in err.message and err.message.startswith(f"bad.yaml:{line}: {field}")
    assert err.status == 422
    assert store.counts() == before  # nothing written


def test_all_problems_are_listed(store, tmp_path):
    text = GOOD.replace("count: 2500", "count: -1").replace("actor: COALITION", "actor: ??")
    with pytest.raises(ValidationError) as info:
        store.load_scenario(write(tmp_path, text))
    assert len(info.value.detail["errors"]) == 2
    assert "and 1 more problem" in info.value.message


def test_missing_and_non_utf8_files(store, tmp_path):
    with pytest.raises(InputError, match="not found"):
        store.load_scenario(tmp_path / "missing.yaml")
    p = tmp_path / "latin1.yaml"
    p.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(ValidationError, match="UTF-8"):
        store.load_scenario(p)


def test_plan_id_taken_by_another_scenario(store, tmp_path):
    store.load_scenario(write(tmp_path, GOOD, "a.yaml"))
    other = GOOD.replace("scenario: test-scenario", "scenario: other")
    with pytest.raises(ValidationError, match="already used"):
        store.load_scenario(write(tmp_path, other, "b.yaml"))


@pytest.mark.parametrize(
    "text,value,precision,approx",
    [
        ("2025-09-30", "2025-09-30", "day", False),
        ("2025-09", "2025-09-30", "month", False),
        ("2025", "2025-12-31", "year", False),
        ("2025-Q1", "2025-03-31", "quarter", False),
        ("2025-H1", "2025-06-30", "half", False),
        ("~2026", "2026-12-31", "year", True),
        (2026, "2026-12-31", "year", False),
    ],
)
def test_fuzzy_dates(text, value, precision, approx):
    d = parse_fuzzy_date(text)
    assert (d.value.isoformat(), d.precision, d.approximate) == (value, precision, approx)


@pytest.mark.parametrize("text", ["2025-02-29", "2025-00", "2025-Q5", "25-01-01", "", True])
def test_bad_fuzzy_dates(text):
    with pytest.raises(InputError):
        parse_fuzzy_date(text)
