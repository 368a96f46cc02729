"""The pure estimation rules (service.store.model): no database."""

from __future__ import annotations

import datetime as dt

import pytest

from service.domain import Quantity
from service.store import model as M
from tests.store.helpers import D, claim, move, q_about, q_below, q_exact

IQ = "country:IQ"
ERBIL = "city:95446"
AIN = "installation:ain-al-asad-air-base"
ANC = {ERBIL: ["admin1:IQ-AR", "region:kurdistan-region", IQ], AIN: ["admin1:IQ-AN", IQ], IQ: []}
MEMBERS = {"COALITION": ("US", "GB", "DE")}


def test_agreement_of_uncertain_numbers():
    assert M.agrees(q_about(2500), q_exact(2400)) is True  # ±10 % for "about"
    assert M.agrees(q_about(2500), q_exact(2000)) is False
    assert M.agrees(q_below(500), q_exact(300)) is True
    assert M.agrees(q_below(500), q_exact(700)) is False
    hundreds = Quantity(count_min=200, count_max=999, approximate=True, qualifier="vague")
    assert M.agrees(hundreds, q_exact(450)) is True
    assert M.agrees(None, q_exact(1)) is None


def test_no_claims_no_estimate():
    assert M.estimate_at([], [], D(2024, 1, 1)) is None
    assert M.best_reported([claim(1, D(2024, 5, 1), q_exact(5))], D(2024, 4, 30)) is None


def test_more_recent_report_wins_and_conflict_is_listed():
    old = claim(1, D(2024, 9, 1), q_about(2500), outlet="A")
    new = claim(2, D(2024, 9, 20), q_exact(2000), outlet="B")
    est = M.best_reported([old, new], D(2024, 10, 1))
    assert est.quantity == q_exact(2000)
    assert [c.id for c in est.conflicts] == [1]
    assert "most recent" in est.reason
    # on a date before the new report, the old one stands alone
    assert M.best_reported([old, new], D(2024, 9, 10)).quantity == q_about(2500)


def test_more_precise_report_wins_on_the_same_date():
    vague = claim(
        1, D(2024, 9, 6), Quantity(count_min=200, count_max=999, qualifier="vague"), outlet="A"
    )
    exact = claim(2, D(2024, 9, 6), q_exact(2000), outlet="B")
    est = M.best_reported([vague, exact], D(2024, 10, 1))
    assert est.quantity == q_exact(2000)
    assert [c.id for c in est.conflicts] == [1]
    assert "precise" in est.reason


def test_day_precision_beats_month_precision():
    month = claim(1, D(2024, 9, 1), q_exact(100), precision="month", outlet="A")
    day = claim(2, D(2024, 9, 1), q_exact(200), outlet="B")
    assert M.best_reported([month, day], D(2024, 10, 1)).quantity == q_exact(200)


def test_identical_claims_from_independent_sources_corroborate():
    a = claim(1, D(2024, 9, 6), q_about(2500), outlet="Reuters")
    b = claim(2, D(2024, 9, 6), q_about(2500), outlet="AP")
    c = claim(3, D(2024, 9, 6), q_about(2500), outlet="Reuters")  # same outlet: not new
    est = M.best_reported([a, b, c], D(2024, 10, 1))
    assert est.corroboration == 2
    assert est.conflicts == []
    assert {x.id for x in est.supporting} == {1, 2, 3}


def test_old_claims_outside_the_same_time_window_are_not_conflicts():
    ancient = claim(1, D(2020, 1, 1), q_exact(5000), outlet="A")
    now = claim(2, D(2024, 9, 6), q_about(2500), outlet="B")
    est = M.best_reported([ancient, now], D(2024, 10, 1))
    assert est.conflicts == []


def test_status_conflict_is_listed():
    present = claim(1, D(2024, 9, 6), q_exact(100), outlet="A")
    gone = claim(2, D(2024, 9, 6), None, status="withdrawn", outlet="B")
    est = M.best_reported([present, gone], D(2024, 10, 1))
    assert len(est.conflicts) == 1


def test_implied_presence_yields_to_a_stated_level():
    implied = claim(1, D(2024, 9, 6), None, claim_type="implied")
    level = claim(2, D(2024, 9, 6), q_about(2500))
    est = M.best_reported([implied, level], D(2024, 10, 1))
    assert est.quantity == q_about(2500) and est.conflicts == []


@pytest.mark.parametrize(
    "action,scope,status",
    [
        ("withdraw", "all", "withdrawn"),
        ("withdraw", None, "withdrawn"),
        ("withdraw", "part", "reduced"),
        ("withdraw", "rest", "withdrawn"),
        ("reduce", None, "reduced"),
        ("remain", None, "withdrawn"),
        ("arrive", None, "present"),
        ("increase", None, "present"),
    ],
)
def test_move_outcomes(action, scope, status):
    m = move(1, action, AIN, "2025-09", scope=scope)
    assert M.move_outcomes(m)[0][1] == status


def test_relocation_empties_origin_and_fills_destination():
    m = move(1, "relocate", AIN, "2025-09", to=ERBIL)
    assert M.move_outcomes(m) == [(AIN, "withdrawn", ""), (ERBIL, "present", "to")]


def test_stated_status_replaces_the_default():
    m = move(1, "reduce", IQ, "2026", status="advisory")
    assert M.move_outcomes(m)[0][1] == "advisory"


def test_deadline_is_half_open():
    m = move(1, "withdraw", AIN, "2025-09", scope="all")
    proj = M.build_projections([m], [("COALITION", AIN)], ANC, MEMBERS)
    claims = [claim(1, D(2024, 9, 6), None, actor="COALITION", place=AIN, claim_type="implied")]
    ps = proj[("COALITION", AIN)]
    assert M.estimate_at(claims, ps, D(2025, 9, 30)).status == "present"
    est = M.estimate_at(claims, ps, D(2025, 10, 1))
    assert (est.status, est.basis) == ("withdrawn", "projected")
    assert est.as_of.isoformat() == "2025-09-30" and est.as_of.precision == "month"


def test_later_report_overrides_projection():
    m = move(1, "withdraw", AIN, "2025-09", scope="all")
    ps = M.build_projections([m], [("COALITION", AIN)], ANC, MEMBERS)[("COALITION", AIN)]
    later = claim(2, D(2025, 11, 1), q_exact(300), actor="COALITION", place=AIN)
    assert M.estimate_at([later], ps, D(2025, 10, 15)).basis == "projected"
    est = M.estimate_at([later], ps, D(2025, 11, 2))
    assert (est.basis, est.status, est.quantity) == ("reported", "present", q_exact(300))


def test_reduction_keeps_an_upper_bound_not_a_made_up_number():
    m = move(1, "reduce", IQ, "2025-09", actor="US")
    ps = M.build_projections([m], [("US", IQ)], ANC, MEMBERS)[("US", IQ)]
    est = M.estimate_at([claim(1, D(2024, 9, 6), q_about(2500))], ps, D(2025, 10, 1))
    assert est.status == "reduced"
    assert est.quantity.count is None and est.quantity.count_max == 2500
    assert est.quantity.qualifier == "upper_bound"


def test_group_move_applies_to_members_with_a_series():
    m = move(1, "withdraw", AIN, "2025-09", scope="all")
    keys = [("COALITION", AIN), ("US", AIN), ("FR", AIN)]  # FR is not a member here
    proj = M.build_projections([m], keys, ANC, MEMBERS)
    assert proj[("US", AIN)][0].via == "actor:COALITION"
    assert ("FR", AIN) not in proj


def test_total_country_withdrawal_reaches_sub_places():
    m = move(1, "withdraw", IQ, "2026", scope="rest")
    keys = [("COALITION", IQ), ("COALITION", ERBIL), ("US", ERBIL)]
    proj = M.build_projections([m], keys, ANC, MEMBERS)
    assert proj[("COALITION", ERBIL)][0].via == f"place:{IQ}"
    assert proj[("US", ERBIL)][0].status == "withdrawn"


def test_partial_country_withdrawal_does_not_empty_sub_places():
    m = move(1, "withdraw", IQ, "2025-09", scope="part")
    proj = M.build_projections([m], [("COALITION", IQ), ("COALITION", ERBIL)], ANC, MEMBERS)
    assert ("COALITION", ERBIL) not in proj
    assert proj[("COALITION", IQ)][0].status == "reduced"


def test_unstated_scope_before_a_later_rest_is_partial():
    first = move(1, "withdraw", IQ, "2025-10", scope=None)
    rest = move(2, "withdraw", IQ, "2026", scope="rest")
    proj = M.build_projections(
        [first, rest], [("COALITION", IQ), ("COALITION", ERBIL)], ANC, MEMBERS
    )
    statuses = sorted((p.effective, p.status) for p in proj[("COALITION", IQ)])
    assert statuses == [(D(2025, 11, 1), "reduced"), (D(2027, 1, 1), "withdrawn")]
    assert [p.effective for p in proj[("COALITION", ERBIL)]] == [D(2027, 1, 1)]


def test_possible_and_demanded_moves_do_not_project():
    keys = [("US", IQ)]
    for modality in ("possible", "demanded"):
        m = move(1, "withdraw", IQ, "2025-09", actor="US", modality=modality)
        assert M.build_projections([m], keys, ANC, MEMBERS) == {}


def test_moves_without_deadline_do_not_project():
    assert (
        M.build_projections([move(1, "withdraw", IQ, None)], [("COALITION", IQ)], ANC, MEMBERS)
        == {}
    )


def test_agreeing_plans_corroborate_and_disagreeing_ones_conflict():
    a = move(1, "withdraw", AIN, "2025-09", scope="all", plan_id=1)
    b = move(2, "withdraw", AIN, "2025-09", scope="all", plan_id=2)
    c = move(3, "reduce", AIN, "2025-09", plan_id=3)
    ps = M.build_projections([a, b, c], [("COALITION", AIN)], ANC, MEMBERS)[("COALITION", AIN)]
    est = M.estimate_at([], ps, D(2025, 10, 1))
    assert len(est.supporting) + len(est.conflicts) == 3
    assert est.conflicts and all(p.status != est.status for p in est.conflicts)


def test_steps_merge_identical_states():
    claims = [
        claim(1, D(2024, 9, 6), q_about(2500), outlet="A"),
        claim(2, D(2024, 10, 6), q_about(2500), outlet="B"),
    ]
    steps = M.steps(claims, [])
    assert len(steps) == 1 and steps[0].end is None
    assert {c.id for c in steps[0].estimate.supporting} == {1, 2}


def test_steps_of_a_plan():
    m = move(1, "remain", ERBIL, "~2026")
    ps = M.build_projections([m], [("COALITION", ERBIL)], ANC, MEMBERS)[("COALITION", ERBIL)]
    claims = [claim(1, D(2024, 9, 6), None, actor="COALITION", place=ERBIL, claim_type="implied")]
    steps = M.steps(claims, ps)
    assert [(s.start, s.end, s.estimate.status, s.estimate.basis) for s in steps] == [
        (D(2024, 9, 6), D(2027, 1, 1), "present", "reported"),
        (D(2027, 1, 1), None, "withdrawn", "projected"),
    ]


def test_labels_show_uncertainty():
    assert M.quantity_label(q_about(2500), "present") == "≈ 2,500"
    assert M.quantity_label(q_below(500), "present") == "< 500"
    assert M.quantity_label(None, "present").startswith("present")
    assert M.quantity_label(q_exact(3), "withdrawn") == "withdrawn"
    assert dt.date  # keep the import used
