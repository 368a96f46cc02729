"""Precision and recall on the hand-written development set (tests/data/devset).

The floors are set a little below what the extractor reaches today, so a regression fails
the suite; raise them as the extractor improves."""

from pathlib import Path

import pytest

from service.extract.evaluate import evaluate_dir

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
FLOORS = {
    "places": (0.90, 0.87),
    "force_levels": (0.78, 0.76),
    "movements": (0.65, 0.69),
    "events": (0.48, 0.38),
}


@pytest.fixture(scope="module")
def report(gaz):
    return evaluate_dir(DEVSET, gaz)


def test_devset_size(report):
    assert report.articles >= 30


@pytest.mark.parametrize("field", list(FLOORS))
def test_floor(report, field):
    p_min, r_min = FLOORS[field]
    s = report.scores[field]
    print(report.table())
    assert s.precision >= p_min and s.recall >= r_min, report.table()


def test_no_boilerplate_place_leaks(report):
    assert report.boilerplate_leaks == 0
