"""Precision and recall on the held-out sets (tests/data/heldout, heldout2) and devset2.

Both were written blind, each by a session that did not see the extractor.  ``heldout`` has
since been used for tuning (see its README); ``heldout2`` was scored blind once, on
2026-12-05, after the work it was meant to judge (figures in README and in its README).  Both
are regression sets now: the floors sit a little below what the extractor reaches; raise them
as it improves, and write a new blind set before claiming generality again."""

from pathlib import Path

import pytest

from service.extract.evaluate import evaluate_dir

DATA = Path(__file__).resolve().parents[1] / "data"
#: per set: fewest articles, (precision, recall) floors, most boilerplate places leaked
SETS = {
    "heldout": (
        30,
        {
            "places": (0.90, 0.86),
            "force_levels": (0.68, 0.66),
            "movements": (0.46, 0.43),
            "events": (0.58, 0.46),
        },
        1,  # was 6, now 0
    ),
    "heldout2": (
        24,
        {
            "places": (0.82, 0.79),
            "force_levels": (0.46, 0.50),
            "movements": (0.41, 0.33),
            "events": (0.26, 0.16),
        },
        3,
    ),
    # written blind on 2026-12-07 (first score: FL 0.60 / 0.40, MV 0.22 / 0.22), then a
    # development set
    "devset2": (
        24,
        {
            "places": (0.88, 0.85),
            "force_levels": (0.66, 0.52),
            "movements": (0.32, 0.26),
            "events": (0.43, 0.28),
        },
        3,
    ),
}
CASES = [(name, field) for name, (_, floors, _) in SETS.items() for field in floors]


@pytest.fixture(scope="module")
def reports(gaz):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = evaluate_dir(DATA / name, gaz)
        return cache[name]

    return get


@pytest.mark.parametrize("name", list(SETS))
def test_size(reports, name):
    assert reports(name).articles >= SETS[name][0]


@pytest.mark.parametrize(("name", "field"), CASES)
def test_floor(reports, name, field):
    p_min, r_min = SETS[name][1][field]
    report = reports(name)
    s = report.scores[field]
    assert s.precision >= p_min and s.recall >= r_min, report.table()


@pytest.mark.parametrize("name", list(SETS))
def test_boilerplate_place_leaks_bounded(reports, name):
    report = reports(name)
    assert report.boilerplate_leaks <= SETS[name][2], report.table()
