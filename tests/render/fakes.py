"""A small in-memory store with exactly the documented store API, for render unit tests.

``posture_at``, ``timeline``, ``changes``, ``change_dates``, ``plans`` (and ``places``) return
the documented shapes: posture GeoJSON feature properties as in docs/ARCHITECTURE.md.
The seed scenario follows the seed article (data/articles/000_*.txt): ≈ 2,500 US troops in
Iraq, 900 in Syria, coalition leaves Ain al-Asad and shrinks in Baghdad by September 2025,
stays in Erbil until about the end of 2026.  One extra article is hostile (markup in the
quote and outlet) to prove that nothing from an article runs in the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from service.domain import Quantity

D = dt.date

SEED_SOURCE = {
    "source_id": 1,
    "outlet": "المغرب اليوم",
    "url": "https://example.org/seed",
    "title": "اتفاق على خطة انسحاب قوات التحالف",
    "published": "2024-09-27",
}
EVIL_SOURCE = {
    "source_id": 2,
    "outlet": "<b>Evil</b> Times <script>window.__xss=3</script>",
    "url": "javascript:window.__xss=4",
    "title": "<img src=x onerror=window.__xss=5>",
    "published": "2025-01-15",
}
OTHER_SOURCE = {
    "source_id": 3,
    "outlet": "Defense Daily",
    "url": "https://example.org/gb",
    "title": "UK trainers in Anbar",
    "published": "2024-12-10",
}

Q_COUNTRY = "ولدى الولايات المتحدة نحو 2500 جندي في العراق، إضافة إلى 900 في سوريا المجاورة"
Q_ASAD = (
    "وبموجب الخطة، ستغادر جميع قوات التحالف قاعدة عين الأسد الجوية في محافظة الأنبار "
    "بغرب العراق، وتقلل من وجودها في بغداد على نحو كبير بحلول سبتمبر/أيلول 2025."
)
Q_ERBIL = (
    "ومن المتوقع أن تبقى قوات أميركية وقوات أخرى من قوات التحالف في أربيل بإقليم كردستان "
    "الشمالي شبه المستقل لما يقرب من عام إضافي، حتى نهاية 2026 تقريباً"
)
Q_HUNDREDS = "خروج مئات من قوات التحالف بحلول سبتمبر من عام 2025"
Q_EVIL = (
    'Fewer than 500 US troops are at Hit <img src=x onerror="window.__xss=1"> '
    "<script>window.__xss=2</script> & counting"
)
Q_GB = "About 100 British trainers remain in Anbar province."


def src(base: dict, quote: str) -> dict:
    return dict(base, quote=quote)


@dataclass
class Obs:
    place_id: str
    actor: str
    start: dt.date
    quantity: Quantity | None
    status: str = "present"
    basis: str = "reported"
    as_of: dt.date | None = None
    as_of_precision: str = "day"
    plan: str | None = None
    phase: int | None = None
    sources: list = field(default_factory=list)
    unallocated: Any = None


class FakePosture:
    def __init__(self, features: list[dict]):
        self.features = features

    def to_geojson(self) -> dict:
        return {"type": "FeatureCollection", "features": self.features}


class FakeStore:
    """In-memory store: the latest observation per (place, actor) with start ≤ date."""

    def __init__(
        self,
        gaz,
        observations: list[Obs],
        plans: list[dict] | None = None,
        mentioned: tuple[str, ...] = (),
    ):
        self.gaz = gaz
        self.obs = sorted(observations, key=lambda o: o.start)
        self._plans = plans or []
        self.mentioned = mentioned
        self.calls: list[tuple] = []

    # -- documented API ------------------------------------------------------------------
    def posture_at(self, date, actor=None, bbox=None, plan=None) -> FakePosture:
        self.calls.append(("posture_at", date, actor, plan))
        latest: dict[tuple[str, str], Obs] = {}
        for o in self.obs:
            if o.start <= date and (actor is None or o.actor == actor):
                latest[(o.place_id, o.actor)] = o
        return FakePosture([self.feature(o) for o in latest.values()])

    def timeline(self, place_id, actor=None) -> list[dict]:
        return [
            {
                "date": o.start.isoformat(),
                "actor": o.actor,
                "status": o.status,
                "label": o.quantity.label() if o.quantity else None,
                "basis": o.basis,
            }
            for o in self.obs
            if o.place_id == place_id and actor in (None, o.actor)
        ]

    def change_dates(self, plan=None) -> list[dt.date]:
        return sorted({o.start for o in self.obs})

    def changes(self, date_from, date_to, actor=None) -> list[dict]:
        a = {
            (f["properties"]["place_id"], f["properties"]["actor"]): f["properties"]
            for f in self.posture_at(date_from, actor).features
        }
        b = {
            (f["properties"]["place_id"], f["properties"]["actor"]): f["properties"]
            for f in self.posture_at(date_to, actor).features
        }
        out = []
        for key in sorted(set(a) | set(b)):
            pa, pb = a.get(key), b.get(key)
            live_a = pa is not None and pa["status"] != "withdrawn"
            live_b = pb is not None and pb["status"] != "withdrawn"
            kind = None
            if live_a and not live_b:
                kind = "left"
            elif live_b and not live_a:
                kind = "arrived"
            elif live_a and live_b and pb["status"] == "reduced" and pa["status"] != "reduced":
                kind = "reduced"
            if kind:
                ref = pb or pa
                out.append(
                    {
                        "kind": kind,
                        "actor": key[1],
                        "place_id": key[0],
                        "effective": ref["as_of"],
                        "basis": ref["basis"],
                        "before": _state(pa),
                        "after": _state(pb),
                        "sources": ref["sources"],
                    }
                )
        for p in self._plans:
            for ph in p["phases"]:
                for mv in ph["moves"]:
                    by = dt.date.fromisoformat(ph["deadline"])
                    if mv["action"] == "relocate" and date_from < by <= date_to:
                        out.append(
                            {
                                "kind": "moved",
                                "actor": mv["actor"],
                                "place_id": mv["place_id"],
                                "to_place_id": mv["to_place_id"],
                                "date": ph["deadline"],
                                "basis": "projected",
                                "sources": [src(SEED_SOURCE, mv["quote"])],
                            }
                        )
        return out

    def plans(self) -> list[dict]:
        return self._plans

    def places(self) -> list[dict]:
        ids = {o.place_id for o in self.obs} | set(self.mentioned)
        return [{"id": i} for i in sorted(ids)]

    # -- helpers -------------------------------------------------------------------------
    def feature(self, o: Obs) -> dict:
        p = self.gaz.get(o.place_id)
        q = o.quantity
        prec = p.kind
        props = {
            "place_id": p.id,
            "name": p.name,
            "name_ar": p.name_ar,
            "kind": p.kind,
            "country": p.country,
            "actor": o.actor,
            "count": q.count if q else None,
            "count_min": q.count_min if q else None,
            "count_max": q.count_max if q else None,
            "approximate": q.approximate if q else False,
            "qualifier": q.qualifier if q else None,
            "label": q.label() if q else None,
            "status": o.status,
            "basis": o.basis,
            "as_of": (o.as_of or o.start).isoformat(),
            "as_of_precision": o.as_of_precision,
            "location_precision": prec,
            "plan": o.plan,
            "phase": o.phase,
            "sources": o.sources,
            "conflicts": [],
            "unallocated": o.unallocated,
        }
        if prec in ("installation", "city"):
            geom = {"type": "Point", "coordinates": [p.lon, p.lat]}
        else:
            from shapely.geometry import mapping

            geom = mapping(self.gaz.geometry(p.id))
            geom = {"type": geom["type"], "coordinates": _lists(geom["coordinates"])}
        return {"type": "Feature", "geometry": geom, "properties": props}


def _state(props):
    if props is None:
        return None
    keys = (
        "status",
        "label",
        "count",
        "count_min",
        "count_max",
        "approximate",
        "qualifier",
        "basis",
        "as_of",
        "plan",
        "phase",
    )
    return {k: props[k] for k in keys}


def _lists(x):
    return [_lists(i) for i in x] if isinstance(x, (list, tuple)) else x


ASAD = "installation:ain-al-asad-air-base"
ERBIL = "installation:erbil-air-base"
HARIR = "installation:harir-air-base"
BAGHDAD = "city:98182"
HIT = "city:95788"
WASHINGTON = "city:4140963"

PLAN = "coalition-transition-2024"


def seed_store(gaz) -> FakeStore:
    """The seed scenario on the mini (or full) gazetteer."""
    s0 = D(2024, 9, 27)
    p1 = D(2025, 9, 30)
    p2 = D(2026, 12, 31)
    hundreds = Quantity(None, 200, 999, False, "range")
    obs = [
        Obs(
            "country:IQ",
            "US",
            s0,
            Quantity.about(2500),
            as_of=D(2024, 9, 30),
            as_of_precision="month",
            sources=[src(SEED_SOURCE, Q_COUNTRY)],
            unallocated={
                "count_min": 0,
                "count_max": 2500,
                "qualifier": "range",
                "label": "0–2,500",
            },
        ),
        Obs(
            "country:SY",
            "US",
            s0,
            Quantity.exact(900),
            as_of=D(2024, 9, 30),
            as_of_precision="month",
            sources=[src(SEED_SOURCE, Q_COUNTRY)],
        ),
        Obs(ASAD, "COALITION", s0, hundreds, sources=[src(SEED_SOURCE, Q_HUNDREDS)]),
        Obs(BAGHDAD, "COALITION", s0, hundreds, sources=[src(SEED_SOURCE, Q_ASAD)]),
        Obs(
            ERBIL,
            "COALITION",
            s0,
            Quantity(None, 200, 999, False, "range"),
            sources=[src(SEED_SOURCE, Q_ERBIL)],
        ),
        Obs(
            "admin1:IQ-AN",
            "GB",
            D(2024, 12, 10),
            Quantity.about(100),
            status="advisory",
            as_of=D(2024, 12, 31),
            as_of_precision="month",
            sources=[src(OTHER_SOURCE, Q_GB)],
        ),
        Obs(
            HIT,
            "US",
            D(2025, 1, 15),
            Quantity(None, None, 500, False, "upper_bound"),
            sources=[src(EVIL_SOURCE, Q_EVIL)],
        ),
        Obs(
            ASAD,
            "COALITION",
            p1,
            Quantity.exact(0),
            status="withdrawn",
            basis="projected",
            as_of=p1,
            as_of_precision="month",
            plan=PLAN,
            phase=1,
            sources=[src(SEED_SOURCE, Q_ASAD)],
        ),
        Obs(
            BAGHDAD,
            "COALITION",
            p1,
            Quantity(None, None, 500, False, "upper_bound"),
            status="reduced",
            basis="projected",
            as_of=p1,
            as_of_precision="month",
            plan=PLAN,
            phase=1,
            sources=[src(SEED_SOURCE, Q_ASAD)],
        ),
        Obs(
            ERBIL,
            "COALITION",
            p1,
            Quantity(None, 200, 999, False, "range"),
            basis="projected",
            as_of=p1,
            as_of_precision="month",
            plan=PLAN,
            phase=1,
            sources=[src(SEED_SOURCE, Q_ERBIL)],
        ),
        Obs(
            ERBIL,
            "COALITION",
            p2,
            Quantity.exact(0),
            status="withdrawn",
            basis="projected",
            as_of=p2,
            as_of_precision="year",
            plan=PLAN,
            phase=2,
            sources=[src(SEED_SOURCE, Q_ERBIL)],
        ),
    ]
    plans = [
        {
            "slug": PLAN,
            "name": "Coalition transition 2024–2026",
            "phases": [
                {
                    "ordinal": 1,
                    "name": None,
                    "deadline": "2025-09-30",
                    "deadline_precision": "month",
                    "moves": [
                        {
                            "actor": "COALITION",
                            "action": "withdraw",
                            "place_id": ASAD,
                            "scope": "all",
                            "quote": Q_ASAD,
                            "source": SEED_SOURCE,
                        },
                        {
                            "actor": "COALITION",
                            "action": "reduce",
                            "place_id": BAGHDAD,
                            "quote": Q_ASAD,
                            "source": SEED_SOURCE,
                        },
                        {
                            "actor": "COALITION",
                            "action": "relocate",
                            "place_id": ASAD,
                            "to_place_id": ERBIL,
                            "quote": Q_ERBIL,
                            "source": SEED_SOURCE,
                        },
                    ],
                },
                {
                    "ordinal": 2,
                    "name": None,
                    "deadline": "2026-12-31",
                    "deadline_precision": "year",
                    "moves": [
                        {
                            "actor": "COALITION",
                            "action": "withdraw",
                            "place_id": ERBIL,
                            "quote": Q_ERBIL,
                            "source": SEED_SOURCE,
                        },
                    ],
                },
            ],
        }
    ]
    return FakeStore(gaz, obs, plans, mentioned=(HARIR, WASHINGTON))
