"""``posture_at`` gives exactly what the straightforward reference gives, on random stores.

The reference (tests/store/posture_reference.py) is a frozen copy of the original
``posture_at``: it reads everything and applies the model rules the plain way.  The random
stores mix articles (force levels, planned/possible/reported moves, events, implied
presence) and analyst scenarios (cited sources, a custom place, confirmed observations,
plans with every action, scope and a stated status), with few distinct dates and numbers so
that claims collide: same day, same outlet, agreeing and conflicting numbers, ranges, bounds
and vague quantities.  Every change date, the day before it and random days are compared
with and without actor, bbox and plan filters, on SQLite and PostGIS.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest
import yaml

from service.domain import (
    Event,
    Extraction,
    ForceLevel,
    FuzzyDate,
    Movement,
    Quantity,
    Span,
)
from tests.store import posture_reference as ref

COUNTRIES = ("country:IQ", "country:SY")
SUBPLACES = (
    "region:kurdistan-region",
    "admin1:IQ-AN",
    "admin1:IQ-BG",
    "city:98182",
    "city:95446",
    "city:95788",
    "installation:ain-al-asad-air-base",
    "installation:erbil-air-base",
    "installation:harir-air-base",
)
CUSTOM = "custom:forward-site-x"
ACTORS = ("US", "US", "GB", "COALITION", "COALITION", "NATO")
OUTLETS = ("Almaghrib Today", "Reuters", "AP", "Rudaw", "Shafaq", None)
NUMBERS = (150, 200, 500, 900, 1000, 2000, 2300, 2500, 2600, 3000)
STATUSES = ("present",) * 6 + ("reduced", "withdrawn", "advisory")
# few distinct days in clusters, so that claims fall on the same and on nearby days
DAYS = [
    dt.date(2023, 1, 15) + dt.timedelta(days=95 * i + off) for i in range(14) for off in (0, 4, 25)
]
BBOX = (43.5, 35.5, 45.0, 37.0)  # around Erbil: Kurdistan, Erbil, Harir, not Baghdad


def _quantity(rng: random.Random) -> Quantity | None:
    n = rng.choice(NUMBERS)
    kind = rng.randrange(8)
    if kind == 0:
        return None
    if kind == 1:
        return Quantity.about(n)
    if kind == 2:
        return Quantity(count_max=n, qualifier="upper_bound")
    if kind == 3:
        return Quantity(count_min=n, qualifier="lower_bound", approximate=rng.random() < 0.5)
    if kind == 4:
        return Quantity(count_min=n, count_max=n + rng.choice((100, 500)), qualifier="range")
    if kind == 5:
        return Quantity(count_min=200, count_max=999, approximate=True, qualifier="vague")
    return Quantity.exact(n)


def _fuzzy(rng: random.Random, day: dt.date) -> FuzzyDate:
    prec = rng.choice(("day",) * 5 + ("month", "month", "quarter", "half", "year"))
    approx = rng.random() < 0.2
    if prec == "day":
        return FuzzyDate(day, "day", approx)
    if prec == "month":
        return FuzzyDate.of(day.year, day.month, approximate=approx)
    if prec == "quarter":
        return FuzzyDate.quarter(day.year, (day.month - 1) // 3 + 1, approximate=approx)
    if prec == "half":
        return FuzzyDate.half(day.year, 1 if day.month <= 6 else 2, approximate=approx)
    return FuzzyDate.of(day.year, approximate=approx)


def _place(rng: random.Random) -> str:
    return rng.choice(COUNTRIES) if rng.random() < 0.3 else rng.choice(SUBPLACES)


def _span(text: str) -> Span:
    return Span(0, len(text), text)


def _extraction(rng: random.Random, i: int, published: dt.date) -> Extraction:
    levels, moves, events = [], [], []
    for j in range(rng.randrange(1, 6)):
        as_of = None if rng.random() < 0.3 else _fuzzy(rng, rng.choice(DAYS))
        levels.append(
            ForceLevel(
                rng.choice(ACTORS),
                _place(rng),
                _quantity(rng),
                _span(f"level {i}.{j}"),
                as_of,
                rng.choice(STATUSES),
            )
        )
    for j in range(rng.randrange(0, 3)):
        action = rng.choice(
            ("withdraw", "withdraw", "reduce", "remain", "relocate", "arrive", "increase")
        )
        by = _fuzzy(rng, rng.choice(DAYS)) if rng.random() < 0.8 else None
        to = rng.choice(SUBPLACES) if action == "relocate" else None
        modality = rng.choice(("planned",) * 4 + ("possible", "reported"))
        moves.append(
            Movement(
                rng.choice(ACTORS),
                _place(rng),
                action,
                _span(f"move {i}.{j}"),
                to_place_id=to,
                by=by,
                quantity=_quantity(rng) if rng.random() < 0.4 else None,
                scope=rng.choice((None, None, "all", "rest", "part")),
                modality=modality,
                status=rng.choice((None, None, None, "advisory")),
            )
        )
    for j in range(rng.randrange(0, 2)):
        events.append(
            Event(
                rng.choice(ACTORS),
                _place(rng),
                rng.choice(("deploy", "arrive", "withdraw", "return")),
                _fuzzy(rng, rng.choice(DAYS)),
                _span(f"event {i}.{j}"),
            )
        )
    return Extraction(
        source=None,
        language="en",
        published=published,
        force_levels=levels,
        movements=moves,
        events=events,
    )


def _scenario(rng: random.Random, k: int) -> str:
    sources = {
        f"s{j}": {"outlet": o or f"Analyst desk {j}", "published": rng.choice(DAYS).isoformat()}
        for j, o in enumerate(OUTLETS)
    }
    obs, seen = [], set()
    for j in range(40):
        place = CUSTOM if rng.random() < 0.1 else _place(rng)
        day = _fuzzy(rng, rng.choice(DAYS))
        q = _quantity(rng)
        o: dict[str, Any] = {
            "actor": rng.choice(ACTORS),
            "place": place,
            "as_of": ("~" if day.approximate else "") + _fuzzy_text(day),
            "status": rng.choice(STATUSES),
            "quote": f"scenario {k} observation {j}",
            "confirmed": rng.random() < 0.15,
        }
        if rng.random() < 0.7:
            o["source"] = rng.choice(list(sources))
        if q is not None:
            for f in ("count", "count_min", "count_max"):
                if getattr(q, f) is not None:
                    o[f] = getattr(q, f)
            o["approximate"] = q.approximate
            o["qualifier"] = q.qualifier
        key = (o["actor"], place, o["as_of"], o["status"], str(q), o.get("source"))
        if key not in seen:
            seen.add(key)
            obs.append(o)
    phases = []
    deadlines = sorted((_fuzzy(rng, d) for d in rng.sample(DAYS, 3)), key=lambda f: f.value)
    for j in range(3):
        moves = []
        for m in range(rng.randrange(1, 4)):
            action = rng.choice(("withdraw", "reduce", "remain", "relocate", "arrive", "increase"))
            mv: dict[str, Any] = {
                "actor": rng.choice(ACTORS),
                "action": action,
                "place": _place(rng),
                "scope": rng.choice((None, "all", "rest", "part")),
                "modality": rng.choice(("planned",) * 5 + ("possible",)),
                "quote": f"scenario {k} move {j}.{m}",
                "confirmed": rng.random() < 0.2,
            }
            if action == "relocate":
                mv["to"] = CUSTOM if rng.random() < 0.3 else rng.choice(SUBPLACES)
            if rng.random() < 0.3:
                mv["count"] = rng.choice(NUMBERS)
            if rng.random() < 0.2:
                mv["status"] = "advisory"
            if rng.random() < 0.3:
                mv["by"] = rng.choice(DAYS).isoformat()
            moves.append(mv)
        phases.append(
            {"name": f"Phase {j + 1}", "deadline": _fuzzy_text(deadlines[j]), "moves": moves}
        )
    doc = {
        "scenario": f"random-{k}",
        "title": f"Random scenario {k}",
        "sources": sources,
        "places": [
            {
                "id": CUSTOM,
                "name": "Forward site X",
                "kind": "installation",
                "country": "IQ",
                "parent": "admin1:IQ-AN",
                "lon": 42.1,
                "lat": 33.2,
            }
        ],
        "observations": obs,
        "plans": [
            {
                "id": f"random-plan-{k}",
                "name": f"Random plan {k}",
                "start": DAYS[0].isoformat(),
                "source": "s0",
                "phases": phases,
            }
        ],
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _fuzzy_text(d: FuzzyDate) -> str:
    v = d.value
    return {
        "day": v.isoformat(),
        "month": f"{v.year}-{v.month:02d}",
        "quarter": f"{v.year}-Q{(v.month - 1) // 3 + 1}",
        "half": f"{v.year}-H{1 if v.month <= 6 else 2}",
        "year": str(v.year),
    }[d.precision]


def _build(make_store, tmp_path, seed: int):
    rng = random.Random(seed)
    pending: list[Extraction] = []

    def extractor(text, *, published=None, **_kw):
        return pending.pop()

    store = make_store(extractor=extractor)
    for i in range(30):
        published = rng.choice(DAYS)
        pending.append(_extraction(rng, i, published))
        store.ingest_article(
            f"random article {seed}.{i}",
            published=published.isoformat(),
            outlet=rng.choice(OUTLETS),
        )
    for k in range(2):
        path = tmp_path / f"random-{seed}-{k}.yaml"
        path.write_text(_scenario(rng, k), encoding="utf-8")
        store.load_scenario(path)
    ids = [o["id"] for o in store.observations()]
    for oid in rng.sample(ids, len(ids) // 10):
        store.confirm(oid)
    return store, rng


def _dates(store, rng: random.Random) -> list[dt.date]:
    out = {dt.date(2020, 1, 1), dt.date(2030, 1, 1)}
    for d in store.change_dates():
        out.update((d, d - dt.timedelta(days=1), d + dt.timedelta(days=rng.randrange(2, 40))))
    return sorted(out)


def _compare(store, data, day, **kw) -> None:
    got = store.posture_at(day, **kw)
    want, label = ref.posture(data, day, **kw)
    assert got.plan == label
    assert len(got.features) == len(want), (day, kw)
    for g, w in zip(got.features, want, strict=True):
        assert g == w, (day, kw, w["properties"]["place_id"], w["properties"]["actor"])
    # the same JSON too: key order and types (a date is not its ISO text, 1 is not True)
    assert json.dumps(got.to_geojson(), ensure_ascii=False) == json.dumps(
        {
            "type": "FeatureCollection",
            "date": day.isoformat(),
            "actor": kw.get("actor"),
            "plan": label,
            "bbox_filter": list(kw["bbox"]) if kw.get("bbox") else None,
            "features": want,
        },
        ensure_ascii=False,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_posture_matches_reference_on_random_stores(make_store, tmp_path, seed):
    store, rng = _build(make_store, tmp_path, seed)
    data = ref.Data(store)
    # the random store exercises what it is meant to
    n_claims = sum(len(v) for v in data.claims.values())
    assert n_claims > 150 and len(data.moves) > 10
    types = {c.claim_type for v in data.claims.values() for c in v}
    assert types == {"level", "implied", "event"}
    dates = _dates(store, rng)
    assert len(dates) > 60
    plans = [p.slug for p in data.plans]
    seen_conflicts = seen_projected = 0
    for i, day in enumerate(dates):
        _compare(store, data, day)
        feats, _ = ref.posture(data, day)
        seen_conflicts += sum(bool(f["properties"]["conflicts"]) for f in feats)
        seen_projected += sum(f["properties"]["basis"] == "projected" for f in feats)
        if i % 3 == 0:
            _compare(store, data, day, actor="COALITION")
            _compare(store, data, day, actor="US")
            _compare(store, data, day, bbox=BBOX)
            _compare(store, data, day, plan=plans[i % len(plans)])
            _compare(store, data, day, actor="COALITION", bbox=BBOX, plan=plans[-1])
    assert seen_conflicts > 20 and seen_projected > 20


def test_reference_is_sensitive(make_store, tmp_path, monkeypatch):
    """The comparison catches a changed rule (here: a narrower same-time window)."""
    store, rng = _build(make_store, tmp_path, 1)
    data = ref.Data(store)
    dates = _dates(store, rng)
    monkeypatch.setattr(ref, "SAME_TIME_DAYS", 5)
    with pytest.raises(AssertionError):
        for day in dates:
            _compare(store, data, day)


def test_sql_precision_rank_matches_model(make_store, tmp_path):
    """``posture_at`` ranks rows in SQL; the expression must agree with the model's."""
    import sqlalchemy as sa

    from service.store import model as M
    from service.store.schema import observations_t as o
    from service.store.store import _precision_rank_sql

    store, _ = _build(make_store, tmp_path, 2)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(_precision_rank_sql(), o)).all()
    combos = set()
    for r in rows:
        hasq = not (r.count is None and r.count_min is None and r.count_max is None)
        want = M.precision_rank(
            r.as_of_precision, r.as_of_approximate, hasq, r.qualifier, r.claim_type
        )
        assert r.precision_rank == want, r
        combos.add((r.as_of_precision, bool(r.as_of_approximate), hasq, r.qualifier, r.claim_type))
    assert len({c[0] for c in combos}) == 5 and len(combos) > 30


def test_label_of_matches_quantity_label():
    """The posture rows' labels are ``quantity_label``'s, for every shape of quantity."""
    import itertools

    from service.domain import QUALIFIERS, STATUSES
    from service.errors import InputError
    from service.store import model as M

    values = (None, 0, 7, 999, 1000, 2500, 1234567)
    n = 0
    for count, cmin, cmax in itertools.product(values, repeat=3):
        for qual, approx, status in itertools.product((*QUALIFIERS, None), (False, True), STATUSES):
            try:
                q = (
                    None
                    if count is None and cmin is None and cmax is None
                    else Quantity(count, cmin, cmax, approx, qual or "exact")
                )
            except InputError:
                continue
            assert M.label_of(count, cmin, cmax, qual, status) == M.quantity_label(q, status)
            n += 1
    assert n > 5000
