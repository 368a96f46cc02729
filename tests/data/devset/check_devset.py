#!/usr/bin/env python3
"""Consistency check for the hand-written dev/eval set in this folder.

Usage:  python tests/data/devset/check_devset.py   (exit code 0 = OK)

Checks, for every article (*.txt / *.html):
  * a sibling <stem>.expected.json exists and parses, with exactly the documented keys;
  * language matches the file name, published is YYYY-MM-DD or null;
  * places / absent_places are well-formed, no place is both present and absent;
  * every force level has an actor and a place (the place is also listed in "places"),
    and its count fields agree with its qualifier and the fixed vague ranges;
  * movements / events use the allowed actions, and deadlines / dates are the last day
    of the stated period (month, quarter, half, year);
  * the visible article text has 80-400 words (HTML tags, <script> and <style> removed).
It also reports expected.json files without an article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = [
    "language",
    "published",
    "places",
    "absent_places",
    "force_levels",
    "movements",
    "events",
    "notes",
]
KINDS = {"country", "admin1", "region", "city", "installation"}
QUALIFIERS = {"exact", "approximate", "upper_bound", "lower_bound", "range", "vague"}
VAGUE_RANGES = {
    (24, 99),
    (200, 999),
    (200, 500),
    (200, 900),
    (2000, 9999),
    (2000, 9000),
    (2000, 5000),
}
MOVE_ACTIONS = {"withdraw", "reduce", "remain", "relocate", "arrive"}
EVENT_ACTIONS = {"invade", "withdraw", "return", "deploy", "attack"}
PRECISIONS = {"day", "month", "quarter", "half", "year"}
ACTOR_RE = re.compile(r"^(?:[A-Z]{2}|COALITION|NATO)$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def place_key(p: dict) -> tuple:
    return (p.get("name"), p.get("kind"), p.get("country"))


def check_place(p, where, errs):
    if not isinstance(p, dict) or set(p) != {"name", "kind", "country"}:
        errs.append(f"{where}: place must have exactly name/kind/country: {p!r}")
        return
    if not p["name"] or not isinstance(p["name"], str):
        errs.append(f"{where}: empty place name")
    if p["kind"] not in KINDS:
        errs.append(f"{where}: bad kind {p['kind']!r}")
    if not (isinstance(p["country"], str) and re.fullmatch(r"[A-Z]{2}", p["country"])):
        errs.append(f"{where}: bad country {p['country']!r}")


def parse_date(s, where, errs):
    if not (isinstance(s, str) and DATE_RE.match(s)):
        errs.append(f"{where}: bad date {s!r}")
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        errs.append(f"{where}: invalid date {s!r}")
        return None


def check_period_end(d: dt.date, precision: str, where, errs):
    last = calendar.monthrange(d.year, d.month)[1]
    if precision == "day":
        return
    if precision == "month" and d.day != last:
        errs.append(f"{where}: month precision must be last day of month, got {d}")
    elif precision == "quarter" and not (d.month in (3, 6, 9, 12) and d.day == last):
        errs.append(f"{where}: quarter precision must be a quarter end, got {d}")
    elif precision == "half" and (d.month, d.day) not in ((6, 30), (12, 31)):
        errs.append(f"{where}: half precision must be 06-30 or 12-31, got {d}")
    elif precision == "year" and (d.month, d.day) != (12, 31):
        errs.append(f"{where}: year precision must be 12-31, got {d}")


def check_quantity(f, where, errs):
    q = f.get("qualifier")
    c, lo, hi, ap = f.get("count"), f.get("count_min"), f.get("count_max"), f.get("approximate")
    if q not in QUALIFIERS:
        errs.append(f"{where}: bad qualifier {q!r}")
        return
    if not isinstance(ap, bool):
        errs.append(f"{where}: approximate must be a bool")
    ok = {
        "exact": isinstance(c, int) and lo == c and hi == c and ap is False,
        "approximate": isinstance(c, int) and lo is None and hi is None and ap is True,
        "upper_bound": c is None and lo is None and isinstance(hi, int) and ap is False,
        "lower_bound": c is None and isinstance(lo, int) and hi is None and ap is False,
        "range": c is None
        and isinstance(lo, int)
        and isinstance(hi, int)
        and lo < hi
        and ap is False,
        "vague": c is None and (lo, hi) in VAGUE_RANGES and ap is True,
    }[q]
    if not ok:
        errs.append(
            f"{where}: count fields do not match qualifier {q!r}: "
            f"count={c} min={lo} max={hi} approximate={ap}"
        )


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return raw


def check_article(path: Path, words_range: tuple[int, int] = (80, 400)) -> list[str]:
    errs: list[str] = []
    name = path.name
    exp_path = path.with_name(path.stem + ".expected.json")
    if not exp_path.exists():
        return [f"{name}: missing {exp_path.name}"]
    try:
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"{exp_path.name}: JSON error: {e}"]
    if list(exp) != TOP_KEYS:
        errs.append(f"{exp_path.name}: keys must be {TOP_KEYS}, got {list(exp)}")
        if not set(TOP_KEYS) <= set(exp):
            return errs

    m = re.match(r"^\d{3}_(ar|en)_[a-z0-9_]+\.(txt|html)$", name)
    if not m:
        errs.append(f"{name}: file name must be NNN_<lang>_<slug>.txt|.html")
    elif exp["language"] != m.group(1):
        errs.append(f"{name}: language {exp['language']!r} != file name")

    pub = exp["published"]
    pub_date = parse_date(pub, f"{name} published", errs) if pub is not None else None

    places = exp["places"]
    for i, p in enumerate(places):
        check_place(p, f"{name} places[{i}]", errs)
    keys = [place_key(p) for p in places if isinstance(p, dict)]
    if len(keys) != len(set(keys)):
        errs.append(f"{name}: duplicate entries in places")
    for i, p in enumerate(exp["absent_places"]):
        check_place(p, f"{name} absent_places[{i}]", errs)
        if isinstance(p, dict) and place_key(p) in set(keys):
            errs.append(f"{name}: {p['name']} is both a place and an absent place")
    known = set(keys)

    def ref(p, where):
        if p is None:
            errs.append(f"{where}: missing place")
            return
        check_place(p, where, errs)
        if isinstance(p, dict) and place_key(p) not in known:
            errs.append(f"{where}: place {p.get('name')!r} is not listed in places")

    for i, f in enumerate(exp["force_levels"]):
        w = f"{name} force_levels[{i}]"
        keys_f = [
            "actor",
            "place",
            "count",
            "count_min",
            "count_max",
            "approximate",
            "qualifier",
            "as_of",
        ]
        if list(f) != keys_f:
            errs.append(f"{w}: keys must be {keys_f}")
        if not (isinstance(f.get("actor"), str) and ACTOR_RE.match(f["actor"])):
            errs.append(f"{w}: missing/bad actor {f.get('actor')!r}")
        ref(f.get("place"), w)
        check_quantity(f, w, errs)
        if f.get("as_of") is not None:
            d = parse_date(f["as_of"], w + " as_of", errs)
            if d and pub_date and d > pub_date:
                errs.append(f"{w}: as_of after publication date")
        if pub is None and f.get("as_of") is not None:
            errs.append(f"{w}: as_of must be null when published is null")

    for i, mv in enumerate(exp["movements"]):
        w = f"{name} movements[{i}]"
        if list(mv) != ["actor", "place", "action", "to_place", "by", "by_precision"]:
            errs.append(f"{w}: bad keys {list(mv)}")
        if not (isinstance(mv.get("actor"), str) and ACTOR_RE.match(mv["actor"])):
            errs.append(f"{w}: bad actor {mv.get('actor')!r}")
        ref(mv.get("place"), w)
        if mv.get("action") not in MOVE_ACTIONS:
            errs.append(f"{w}: bad action {mv.get('action')!r}")
        if mv.get("action") == "relocate" or mv.get("to_place") is not None:
            ref(mv.get("to_place"), w + " to_place")
        by, prec = mv.get("by"), mv.get("by_precision")
        if (by is None) != (prec is None):
            errs.append(f"{w}: by and by_precision must both be set or both null")
        if by is not None:
            if prec not in PRECISIONS:
                errs.append(f"{w}: bad by_precision {prec!r}")
            d = parse_date(by, w + " by", errs)
            if d and prec in PRECISIONS:
                check_period_end(d, prec, w, errs)

    for i, ev in enumerate(exp["events"]):
        w = f"{name} events[{i}]"
        if list(ev) != ["actor", "place", "action", "date", "date_precision"]:
            errs.append(f"{w}: bad keys {list(ev)}")
        if not (isinstance(ev.get("actor"), str) and ACTOR_RE.match(ev["actor"])):
            errs.append(f"{w}: bad actor {ev.get('actor')!r}")
        ref(ev.get("place"), w)
        if ev.get("action") not in EVENT_ACTIONS:
            errs.append(f"{w}: bad action {ev.get('action')!r}")
        if ev.get("date_precision") not in PRECISIONS:
            errs.append(f"{w}: bad date_precision {ev.get('date_precision')!r}")
        d = parse_date(ev.get("date"), w + " date", errs)
        if d and ev.get("date_precision") in PRECISIONS:
            check_period_end(d, ev["date_precision"], w, errs)
            if pub_date and d > pub_date:
                errs.append(f"{w}: event date after publication date")

    if not isinstance(exp["notes"], str) or not exp["notes"].strip():
        errs.append(f"{name}: notes must be a non-empty string")

    words = len(visible_text(path).split())
    lo, hi = words_range
    if not lo <= words <= hi:
        errs.append(f"{name}: {words} words of visible text (want {lo}-{hi})")
    return errs


def main(folder: Path = HERE, words_range: tuple[int, int] = (80, 400)) -> int:
    """Check every article of ``folder`` (default: this one; the other sets' checkers run
    this one on their own folder, with their own length range)."""
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    errors: list[str] = []
    stems = {p.stem for p in articles}
    for exp in sorted(folder.glob("*.expected.json")):
        if exp.name[: -len(".expected.json")] not in stems:
            errors.append(f"{exp.name}: no matching article")
    counts = {"ar": 0, "en": 0}
    for p in articles:
        errors.extend(check_article(p, words_range))
        lang = p.name.split("_")[1] if p.name.count("_") >= 2 else "?"
        counts[lang] = counts.get(lang, 0) + 1
    for e in errors:
        print("ERROR", e)
    print(
        f"{len(articles)} articles ({', '.join(f'{k}={v}' for k, v in sorted(counts.items()))}), "
        f"{len(errors)} problem(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
