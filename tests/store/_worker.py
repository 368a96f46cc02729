"""Subprocess worker for the concurrency test: ingest synthetic articles into one store.

usage: python -m tests.store._worker URL SCHEMA FIRST LAST
Article i says "<i> troops at country:IQ" (US), published 2024-01-01 + i days.
"""

from __future__ import annotations

import datetime as dt
import sys

from service.domain import Extraction, ForceLevel, Quantity, Span
from service.gazetteer import Gazetteer
from tests.conftest import MINI


def article(i: int) -> str:
    return f"Synthetic article {i}: {i} US troops are in Iraq."


def fake_extract(text, *, published=None, **_kw):
    i = int(text.split()[2].rstrip(":"))
    return Extraction(
        source=None,
        language="en",
        published=published,
        force_levels=[
            ForceLevel("US", "country:IQ", Quantity.exact(i), Span(0, len(text), text)),
            ForceLevel(
                "GB", "installation:erbil-air-base", Quantity.exact(i % 7), Span(0, len(text), text)
            ),
        ],
    )


def main() -> None:
    from service.store import Store

    url, schema, first, last = sys.argv[1], sys.argv[2] or None, int(sys.argv[3]), int(sys.argv[4])
    st = Store.open(url, schema=schema, gazetteer=Gazetteer.build(MINI), extractor=fake_extract)
    created = 0
    for i in range(first, last):
        res = st.ingest_article(
            article(i), published=dt.date(2024, 1, 1) + dt.timedelta(days=i), outlet=f"outlet {i}"
        )
        created += res.created
    st.close()
    print(created)


if __name__ == "__main__":
    main()
