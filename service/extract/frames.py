"""An extraction as tables: places and claims as GeoDataFrames (for notebooks and analysts).

>>> ex = extract_article(text, published="2024-09-06")        # doctest: +SKIP
>>> claims_frame(ex)[["claim", "actor", "place", "what", "when", "quote"]]

Geometries follow the map's rule: a place's polygon when it has one (a claim "in Anbar" is
the province, not a made-up point), else its point.  EPSG:4326.  geopandas is imported only
when a frame is made.
"""

from __future__ import annotations

from typing import Any

from ..domain import Extraction

PLACE_COLUMNS = (
    "place_id",
    "name",
    "name_ar",
    "kind",
    "country",
    "mentions",
    "first_mention",
    "lon",
    "lat",
)
CLAIM_COLUMNS = (
    "claim",
    "actor",
    "place_id",
    "place",
    "what",
    "when",
    "when_precision",
    "quote",
    "start",
    "end",
)


def _gdf(rows: list[dict[str, Any]], columns: tuple[str, ...], geoms: list[Any]):
    import geopandas as gpd

    return gpd.GeoDataFrame(rows, columns=list(columns), geometry=geoms, crs="EPSG:4326")


def _gaz(gazetteer):
    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    return gazetteer


def places_frame(extraction: Extraction, gazetteer=None):
    """One row per place the article names (in order of first mention).

    Columns: :data:`PLACE_COLUMNS` (``mentions``: how often it is named; 0 for a place a
    claim refers to only implicitly) and ``geometry``.
    """
    gaz = _gaz(gazetteer)
    rows, geoms = [], []
    for ep in extraction.places:
        p = ep.place
        rows.append(
            {
                "place_id": p.id,
                "name": p.name,
                "name_ar": p.name_ar,
                "kind": p.kind,
                "country": p.country,
                "mentions": len(ep.mentions),
                "first_mention": ep.mentions[0].text if ep.mentions else None,
                "lon": p.lon,
                "lat": p.lat,
            }
        )
        geoms.append(gaz.geometry(p.id))
    return _gdf(rows, PLACE_COLUMNS, geoms)


def claims_frame(extraction: Extraction, gazetteer=None):
    """One row per claim: force levels, then movements, then historical events.

    Columns: :data:`CLAIM_COLUMNS` and ``geometry`` (the place's; ``None`` for a claim
    without a place).  ``what`` is a short reading of the claim ("≈ 2,500 present",
    "withdraw all", "relocate → Erbil"), ``when`` its ISO date (as of / by / on, the last day
    of a vague period) and ``quote`` the sentence it was read from, with its character
    offsets ``start``/``end`` into the article.
    """
    gaz = _gaz(gazetteer)

    def name(pid: str | None) -> str | None:
        if not pid:
            return None
        return gaz.get(pid).name if pid in gaz else pid

    rows, geoms = [], []

    def add(kind, actor, pid, what, when, quote) -> None:
        rows.append(
            {
                "claim": kind,
                "actor": actor,
                "place_id": pid,
                "place": name(pid),
                "what": what,
                "when": when.isoformat() if when else None,
                "when_precision": when.precision if when else None,
                "quote": quote.text,
                "start": quote.start,
                "end": quote.end,
            }
        )
        geoms.append(gaz.geometry(pid) if pid and pid in gaz else None)

    for f in extraction.force_levels:
        add(
            "force level", f.actor, f.place_id, f"{f.quantity.label()} {f.status}", f.as_of, f.quote
        )
    for m in extraction.movements:
        what = " ".join(x for x in (m.action, m.scope) if x)
        if m.quantity is not None:
            what += f" {m.quantity.label()}"
        if m.to_place_id:
            what += f" → {name(m.to_place_id)}"
        if m.modality and m.modality != "planned":
            what += f" ({m.modality})"
        add("movement", m.actor, m.place_id, what, m.by, m.quote)
    for e in extraction.events:
        add("event", e.actor, e.place_id, e.action, e.date, e.quote)
    return _gdf(rows, CLAIM_COLUMNS, geoms)
