"""Score the extractor against hand-labelled articles (precision and recall per field).

A labelled set is a folder of articles (``*.txt`` / ``*.html``) each with a
``<name>.expected.json`` (format: ``tests/data/devset/README.md``).  Places in the expected
files are given by name, kind and country and resolved through the gazetteer, so the
labels do not depend on internal ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..gazetteer.index import Gazetteer

#: move modalities that the labels do not count as movements (a wish, a possibility)
_NOT_A_MOVE = frozenset({"demanded", "possible"})


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(
        default_factory=lambda: {
            k: Score() for k in ("places", "force_levels", "movements", "events")
        }
    )
    boilerplate_leaks: int = 0
    articles: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def table(self) -> str:
        rows = [f"{'field':<14}{'precision':>10}{'recall':>8}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
        for k, s in self.scores.items():
            rows.append(
                f"{k:<14}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}"
                f"{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            )
        rows.append(
            f"articles: {self.articles}; boilerplate places leaked: {self.boilerplate_leaks}"
        )
        return "\n".join(rows)


def _ids(gaz: Gazetteer, spec: dict | None) -> set[str]:
    if not spec:
        return set()
    out = {
        p.id for p in gaz.lookup(spec["name"], kind=spec.get("kind"), country=spec.get("country"))
    }
    if not out:
        out = {
            p.id
            for p, _ in gaz.search(
                spec["name"], kind=spec.get("kind"), country=spec.get("country"), limit=3
            )
        }
    return out or {f"?{spec['name']}"}


def _match(found: list[dict], expected: list[dict], same) -> tuple[int, int, int, list, list]:
    used: set[int] = set()
    tp = 0
    missed = []
    for e in expected:
        for i, f in enumerate(found):
            if i not in used and same(f, e):
                used.add(i)
                tp += 1
                break
        else:
            missed.append(e)
    extra = [f for i, f in enumerate(found) if i not in used]
    return tp, len(extra), len(missed), extra, missed


def evaluate_dir(folder: Path, gaz: Gazetteer, extract=None) -> Report:
    """Run the extractor over every labelled article in ``folder`` and score it."""
    if extract is None:
        from . import extract_article as extract
    rep = Report()
    for art in sorted(Path(folder).iterdir()):
        if art.suffix not in (".txt", ".html") or art.name.endswith(".expected.json"):
            continue
        exp_path = art.with_name(art.stem + ".expected.json")
        if not exp_path.exists():
            continue
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        got = extract(
            art.read_bytes(), published=exp.get("published"), source=art.name, gazetteer=gaz
        ).to_dict()
        rep.articles += 1
        detail: dict[str, Any] = {"article": art.name}
        # places
        exp_ids = [_ids(gaz, p) for p in exp.get("places", [])]
        found_ids = [p["id"] for p in got["places"] if p["mentions"]]
        tp, fp, fn, extra, missed = _match(found_ids, exp_ids, lambda f, e: f in e)
        _add(rep.scores["places"], tp, fp, fn)
        detail["places"] = {"extra": extra, "missed": [sorted(m)[0] for m in missed]}
        absent = set().union(*[_ids(gaz, p) for p in exp.get("absent_places", [])] or [set()])
        rep.boilerplate_leaks += len(absent & set(found_ids))
        # force levels
        exp_fl = [dict(e, _ids=_ids(gaz, e.get("place"))) for e in exp.get("force_levels", [])]

        def same_fl(f, e):
            return (
                f["actor"] == e["actor"]
                and f["place_id"] in e["_ids"]
                and f["count"] == e.get("count")
                and f["count_min"] == e.get("count_min")
                and f["count_max"] == e.get("count_max")
            )

        tp, fp, fn, extra, missed = _match(got["force_levels"], exp_fl, same_fl)
        _add(rep.scores["force_levels"], tp, fp, fn)
        detail["force_levels"] = {
            "extra": [_fl(x) for x in extra],
            "missed": [_fl_e(x) for x in missed],
        }
        # movements
        exp_mv = [
            dict(e, _ids=_ids(gaz, e.get("place")), _to=_ids(gaz, e.get("to_place")))
            for e in exp.get("movements", [])
        ]

        def same_mv(f, e):
            return (
                f["actor"] == e["actor"]
                and f["place_id"] in e["_ids"]
                and f["action"] == e["action"]
                and f["by"] == e.get("by")
                and (not e.get("to_place") or f["to_place_id"] in e["_to"])
            )

        # a move someone demands or deems possible is reported with that modality, for the
        # analyst; by the labelling conventions it is no movement (not a plan of the force)
        got_mv = [m for m in got["movements"] if m.get("modality") not in _NOT_A_MOVE]
        tp, fp, fn, extra, missed = _match(got_mv, exp_mv, same_mv)
        _add(rep.scores["movements"], tp, fp, fn)
        detail["movements"] = {
            "extra": [_mv(x) for x in extra],
            "missed": [_mv_e(x) for x in missed],
        }
        # events
        exp_ev = [dict(e, _ids=_ids(gaz, e.get("place"))) for e in exp.get("events", [])]

        def same_ev(f, e):
            return (
                f["actor"] == e["actor"]
                and f["action"] == e["action"]
                and f["date"][:4] == str(e.get("date", ""))[:4]
                and (not e.get("place") or f["place_id"] in e["_ids"])
            )

        tp, fp, fn, extra, missed = _match(got["events"], exp_ev, same_ev)
        _add(rep.scores["events"], tp, fp, fn)
        detail["events"] = {
            "extra": [(x["actor"], x["place_id"], x["action"], x["date"]) for x in extra],
            "missed": [
                (
                    x["actor"],
                    x.get("place", {}).get("name") if x.get("place") else None,
                    x["action"],
                    x.get("date"),
                )
                for x in missed
            ],
        }
        rep.details.append(detail)
    return rep


def _add(s: Score, tp: int, fp: int, fn: int) -> None:
    s.tp += tp
    s.fp += fp
    s.fn += fn


def _fl(x: dict) -> tuple:
    return (x["actor"], x["place_id"], x["count"], x["count_min"], x["count_max"])


def _fl_e(x: dict) -> tuple:
    return (
        x["actor"],
        (x.get("place") or {}).get("name"),
        x.get("count"),
        x.get("count_min"),
        x.get("count_max"),
    )


def _mv(x: dict) -> tuple:
    return (x["actor"], x["place_id"], x["action"], x["to_place_id"], x["by"])


def _mv_e(x: dict) -> tuple:
    return (
        x["actor"],
        (x.get("place") or {}).get("name"),
        x["action"],
        (x.get("to_place") or {}).get("name"),
        x.get("by"),
    )
