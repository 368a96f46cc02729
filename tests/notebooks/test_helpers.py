"""Unit tests of the small helpers the notebooks call.

``service.extract.frames`` (an extraction as GeoDataFrames), ``service.store.frames`` (timeline,
conflicts and plans as DataFrames), ``service.render.plots`` (the band chart) and
``service.web.testing`` (serving the app on loopback in a thread).
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from service.domain import (
    Event,
    ExtractedPlace,
    Extraction,
    ForceLevel,
    FuzzyDate,
    Movement,
    Quantity,
    Span,
)
from service.store.results import TimelineStep

AIN = "installation:ain-al-asad-air-base"


# ------------------------------------------------------------------------------ extract
@pytest.fixture(scope="module")
def extraction(gaz) -> Extraction:
    text = "US has about 2,500 troops in Iraq; all leave Ain al-Asad by September 2025."
    q1 = Span(0, 33, text[0:33])
    q2 = Span(35, 75, text[35:75])
    return Extraction(
        source=None,
        language="en",
        published=dt.date(2024, 9, 6),
        places=[
            ExtractedPlace(gaz.get("country:IQ"), [Span(29, 33, "Iraq")]),
            ExtractedPlace(gaz.get(AIN), [Span(45, 56, "Ain al-Asad")]),
            ExtractedPlace(gaz.get("country:SY"), []),
        ],
        force_levels=[
            ForceLevel("US", "country:IQ", Quantity.about(2500), q1, FuzzyDate(dt.date(2024, 9, 6)))
        ],
        movements=[
            Movement(
                "COALITION",
                AIN,
                "withdraw",
                q2,
                by=FuzzyDate(dt.date(2025, 9, 30), "month"),
                scope="all",
            ),
            Movement(
                "COALITION", AIN, "relocate", q2, to_place_id="city:95446", modality="possible"
            ),
        ],
        events=[Event("US", None, "establish", FuzzyDate(dt.date(2014, 12, 31), "year"), q1)],
    )


def test_places_frame(extraction, gaz):
    from service.extract.frames import PLACE_COLUMNS, places_frame

    df = places_frame(extraction, gaz)
    assert list(df.columns) == [*PLACE_COLUMNS, "geometry"]
    assert df.crs.to_epsg() == 4326
    assert list(df.place_id) == ["country:IQ", AIN, "country:SY"]
    assert list(df.mentions) == [1, 1, 0]
    assert df.first_mention.isna().tolist() == [False, False, True]
    # the country is its outline, the base a point
    assert list(df.geom_type) == [df.geom_type.iloc[0], "Point", df.geom_type.iloc[2]]
    assert df.geom_type.iloc[0] in ("Polygon", "MultiPolygon")


def test_claims_frame(extraction, gaz):
    from service.extract.frames import CLAIM_COLUMNS, claims_frame

    df = claims_frame(extraction, gaz)
    assert list(df.columns) == [*CLAIM_COLUMNS, "geometry"]
    assert list(df.claim) == ["force level", "movement", "movement", "event"]
    assert df.what.iloc[0] == "≈ 2,500 present"
    assert df.what.iloc[1] == "withdraw all"
    assert df.what.iloc[2] == "relocate → Erbil (possible)"
    assert (df.when.iloc[1], df.when_precision.iloc[1]) == ("2025-09-30", "month")
    assert df.place.iloc[1] == "Ain al-Asad Air Base"
    assert df.quote.iloc[0].startswith("US has about 2,500")
    assert df.geometry.iloc[3] is None  # a claim without a place has no geometry


# ------------------------------------------------------------------------------ store
def step(
    start,
    end,
    *,
    actor="US",
    status="present",
    count=None,
    lo=None,
    hi=None,
    approx=False,
    qualifier=None,
    basis="reported",
    conflicts=(),
) -> TimelineStep:
    return TimelineStep(
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end) if end else None,
        actor=actor,
        place_id="country:IQ",
        name="Iraq",
        status=status,
        count=count,
        count_min=lo,
        count_max=hi,
        approximate=approx,
        qualifier=qualifier,
        label="x",
        basis=basis,
        as_of=start,
        as_of_precision="day",
        plan=None,
        phase=None,
        reason="r",
        sources=[{"source_id": 1}],
        conflicts=list(conflicts),
    )


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"count": 2500, "approx": True, "qualifier": "approximate"}, (2250, 2750, 2500)),
        ({"count": 900, "lo": 900, "hi": 900, "qualifier": "exact"}, (900, 900, 900)),
        ({"lo": 200, "hi": 999, "qualifier": "vague"}, (200, 999, 599.5)),
        ({"hi": 2500, "qualifier": "upper_bound", "status": "reduced"}, (0, 2500, math.nan)),
        ({"lo": 1000, "qualifier": "lower_bound"}, (1000, math.nan, math.nan)),
        ({"status": "withdrawn"}, (0, 0, 0)),
        ({}, (math.nan, math.nan, math.nan)),
    ],
)
def test_step_band(kwargs, expected):
    from service.store.frames import step_band

    got = step_band(step("2024-09-06", None, **kwargs))
    for g, e in zip(got, expected, strict=True):
        assert (math.isnan(g) and math.isnan(e)) or g == pytest.approx(e)


def test_timeline_and_conflicts_frames():
    import pandas as pd

    from service.store.frames import (
        CONFLICT_COLUMNS,
        TIMELINE_COLUMNS,
        conflicts_frame,
        timeline_frame,
    )

    conflict = {
        "label": "≈ 2,500",
        "basis": "reported",
        "as_of": "2024-09-06",
        "outlet": "Almaghrib Today",
        "kind": "article",
        "quote": "نحو 2500 جندي",
    }
    steps = [
        step("2025-10-01", None, status="withdrawn", basis="projected"),
        step("2024-09-06", "2025-10-01", count=2000, lo=2000, hi=2000, conflicts=[conflict]),
        step("2024-09-06", None, actor="COALITION"),
    ]
    df = timeline_frame(steps)
    assert list(df.columns) == list(TIMELINE_COLUMNS)
    assert list(df.actor) == ["COALITION", "US", "US"]
    assert list(df.start) == [pd.Timestamp("2024-09-06")] * 2 + [pd.Timestamp("2025-10-01")]
    assert pd.isna(df.end.iloc[2]) and df.low.iloc[2] == 0 and df.basis.iloc[2] == "projected"
    assert list(df.conflicts) == [0, 1, 0]
    cf = conflicts_frame(steps)
    assert list(cf.columns) == list(CONFLICT_COLUMNS)
    assert len(cf) == 1
    assert cf.iloc[0][["conflicting", "outlet", "as_of"]].tolist() == [
        "≈ 2,500",
        "Almaghrib Today",
        "2024-09-06",
    ]
    assert conflicts_frame(steps[:1]).empty


def test_plan_frame():
    from service.store.frames import PLAN_COLUMNS, plan_frame

    plans = [
        {
            "name": "P",
            "phases": [
                {
                    "name": "Phase 1",
                    "deadline": "2025-09-30",
                    "moves": [
                        {
                            "actor": "COALITION",
                            "action": "withdraw",
                            "place_id": AIN,
                            "scope": "all",
                            "modality": "planned",
                            "by": "2025-09-30",
                            "quote": "q",
                        }
                    ],
                },
                {"name": "Phase 2", "deadline": None, "moves": []},
            ],
        }
    ]
    df = plan_frame(plans)
    assert list(df.columns) == list(PLAN_COLUMNS)
    assert df.iloc[0][["plan", "phase", "action", "place_id"]].tolist() == [
        "P",
        "Phase 1",
        "withdraw",
        AIN,
    ]
    assert plan_frame([]).empty


# ------------------------------------------------------------------------------ plots
def test_plot_timeline_labels_and_legend():
    from service.render.plots import DEFAULT_YLABEL, plot_timeline
    from service.store.frames import timeline_frame

    frame = timeline_frame(
        [
            step("2024-09-06", "2025-10-01", count=2500, approx=True, qualifier="approximate"),
            step(
                "2025-10-01",
                "2027-01-01",
                hi=2500,
                qualifier="upper_bound",
                status="reduced",
                basis="projected",
            ),
            step("2027-01-01", None, status="withdrawn", basis="projected"),
            step("2024-09-06", None, actor="COALITION"),
        ]
    )
    fig = plot_timeline(frame, title="US in Iraq", since="2024-01-01")
    top, strip = fig.axes[:2]
    assert top.get_ylabel() == DEFAULT_YLABEL
    assert strip.get_xlabel() == "date"
    assert top.get_title() == "US in Iraq"
    labels = [t.get_text() for t in top.get_legend().get_texts()]
    assert {"US", "COALITION", "reported", "projected from a plan", "range of the estimate"} <= set(
        labels
    )
    assert {"present", "reduced", "withdrawn", "projected"} <= {
        t.get_text() for t in strip.get_legend().get_texts()
    }
    assert [t.get_text() for t in strip.get_yticklabels()] == ["COALITION", "US"]
    assert top.get_ylim()[1] >= 2750
    fig.canvas.draw()  # renders with the Agg canvas, no GUI


def test_plot_timeline_without_numbers_or_rows():
    import pandas as pd

    from service.render.plots import plot_timeline
    from service.store.frames import TIMELINE_COLUMNS, timeline_frame

    fig = plot_timeline(timeline_frame([step("2024-09-06", None)]))
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("no numbers" in t for t in texts)
    fig = plot_timeline(pd.DataFrame(columns=list(TIMELINE_COLUMNS)))
    assert any("no data" in t.get_text() for t in fig.axes[0].texts)


# ------------------------------------------------------------------------------ web
def test_serve_in_thread(tmp_path, monkeypatch):
    import requests

    from service.errors import InputError
    from service.web import create_app
    from service.web.testing import serve_in_thread

    monkeypatch.setenv("TPM_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'tpm.sqlite'}"})
    http = requests.Session()
    http.trust_env = False
    with serve_in_thread(app) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0
        assert http.get(server.url + "/healthz", timeout=10).json() == {"status": "ok"}
    with pytest.raises(requests.ConnectionError):
        http.get(server.url + "/healthz", timeout=2)
    server.stop()  # idempotent
    assert "stopped" in repr(server)
    with pytest.raises(InputError):
        serve_in_thread(app, host="0.0.0.0")
    app.extensions["tpm"].close()
