"""The scorer leaves out moves that are only demanded or possible (the labels' convention),
while the extractor still reports them with their modality."""

import json

from service.extract.evaluate import evaluate_dir


def test_demanded_and_possible_moves_are_not_scored_as_movements(tmp_path, gaz):
    (tmp_path / "001_en_x.txt").write_text(
        "Protesters demanded that French troops leave Niger by March. "
        "The US could withdraw from Syria by March. "
        "Italy will withdraw its troops from Iraq by March.",
        encoding="utf-8",
    )
    exp = {
        "language": "en",
        "published": "2025-01-31",
        "places": [],
        "absent_places": [],
        "force_levels": [],
        "movements": [
            {
                "actor": "IT",
                "place": {"name": "Iraq", "kind": "country", "country": "IQ"},
                "action": "withdraw",
                "to_place": None,
                "by": "2025-03-31",
                "by_precision": "month",
            }
        ],
        "events": [],
        "notes": "",
    }
    (tmp_path / "001_en_x.expected.json").write_text(json.dumps(exp), encoding="utf-8")
    s = evaluate_dir(tmp_path, gaz).scores["movements"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
