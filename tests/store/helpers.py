"""Small builders for hand-made extractions and claims."""

from __future__ import annotations

import datetime as dt

from service.domain import (
    Event,
    Extraction,
    ForceLevel,
    FuzzyDate,
    Movement,
    Quantity,
    Span,
)
from service.store import model as M

D = dt.date


def q_exact(n: int) -> Quantity:
    return Quantity.exact(n)


def q_about(n: int) -> Quantity:
    return Quantity.about(n)


def q_below(n: int) -> Quantity:
    return Quantity(count_max=n, qualifier="upper_bound")


def fd(text: str) -> FuzzyDate:
    from service.store.scenario import parse_fuzzy_date

    return parse_fuzzy_date(text)


def fl(
    actor: str,
    place: str,
    q: Quantity,
    as_of: str | None = None,
    status: str = "present",
    quote: str = "a quote",
) -> ForceLevel:
    return ForceLevel(
        actor, place, q, Span(0, len(quote), quote), fd(as_of) if as_of else None, status
    )


def mv(
    actor: str, place: str | None, action: str, by: str | None = None, quote: str = "a move", **kw
) -> Movement:
    return Movement(
        actor, place, action, Span(0, len(quote), quote), by=fd(by) if by else None, **kw
    )


def ev(actor: str, place: str, action: str, date: str, quote: str = "an event") -> Event:
    return Event(actor, place, action, fd(date), Span(0, len(quote), quote))


def extractor(*levels: ForceLevel, moves=(), events=(), language: str = "en"):
    """An extractor that returns these claims for any text."""
    calls = []

    def fn(text, *, published=None, lang="auto", source=None, gazetteer=None):
        calls.append(
            {
                "text": text,
                "published": published,
                "lang": lang,
                "source": source,
                "gazetteer": gazetteer,
            }
        )
        return Extraction(
            source=source,
            language=language,
            published=published,
            force_levels=list(levels),
            movements=list(moves),
            events=list(events),
        )

    fn.calls = calls
    return fn


def src(i: int, outlet: str | None = None, published: dt.date | None = None) -> M.SourceRef:
    return M.SourceRef(
        i,
        "article",
        outlet or f"outlet{i}",
        None,
        None,
        published,
        f"outlet:{outlet or f'outlet{i}'}",
    )


def claim(
    i: int,
    day: dt.date,
    q: Quantity | None,
    *,
    status: str = "present",
    outlet: str | None = None,
    precision: str = "day",
    actor: str = "US",
    place: str = "country:IQ",
    claim_type: str = "level",
    confirmed: bool = False,
) -> M.Claim:
    from service.domain import FuzzyDate

    if precision == "day":
        as_of = FuzzyDate(day)
    elif precision == "month":
        as_of = FuzzyDate.of(day.year, day.month)
    else:
        as_of = FuzzyDate.of(day.year)
    valid = as_of.start
    return M.Claim(
        i,
        actor,
        place,
        as_of,
        valid,
        q,
        status,
        src(i, outlet, day),
        quote=f"quote {i}",
        claim_type=claim_type,
        confirmed=confirmed,
    )


def move(
    i: int,
    action: str,
    place: str,
    by: str | None,
    *,
    actor: str = "COALITION",
    plan_id: int = 1,
    scope: str | None = None,
    to: str | None = None,
    quantity: Quantity | None = None,
    modality: str = "planned",
    status: str | None = None,
    plan_kind: str = "article",
) -> M.PlannedMove:
    return M.PlannedMove(
        i,
        plan_id,
        f"plan {plan_id}",
        plan_kind,
        "phase",
        actor,
        action,
        place,
        fd(by) if by else None,
        src(100 + i),
        to_place_id=to,
        scope=scope,
        quantity=quantity,
        quote=f"move {i}",
        modality=modality,
        status=status,
    )
