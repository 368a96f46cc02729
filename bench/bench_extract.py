"""Extraction: articles per second on seed-sized articles; time for a 5 MB text."""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _five_mb(unit: str) -> str:
    """``unit`` repeated and cut to just under 5,000,000 UTF-8 bytes."""
    big = unit * (5_000_000 // len(unit.encode()) + 1)
    while len(big.encode()) > 5_000_000:
        big = big[: len(big) - 1000]
    return big


def run(report) -> None:
    from service import _native
    from service.extract import extract_article
    from service.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    seed = (ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt").read_text(encoding="utf-8")
    dev = sorted((ROOT / "tests" / "data" / "devset").glob("*.txt"))
    texts = [seed] + [p.read_text(encoding="utf-8") for p in dev]
    extract_article(seed, published="2024-09-06", gazetteer=gaz)
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 5:
        extract_article(seed, published="2024-09-06", gazetteer=gaz)
        n += 1
    dt = time.perf_counter() - t0
    # compiled (mypyc, `make native`) or plain Python: TPM_NATIVE=0 measures the latter
    build = "compiled" if _native.active() else "plain Python"
    report(f"extract: seed article (13.5 kB, ar), {build}", n / dt, "articles/s", ">= 200/s")
    t0 = time.perf_counter()
    for t in texts:
        extract_article(t, published="2025-01-01", gazetteer=gaz)
    dt = time.perf_counter() - t0
    report("extract: dev set articles (ar+en)", len(texts) / dt, "articles/s", "")
    unit = "\n\n".join(texts)
    big = _five_mb(unit)
    t0 = time.perf_counter()
    ex = extract_article(big, published="2025-01-01", gazetteer=gaz)
    dt = time.perf_counter() - t0
    body = ex.body[1] - ex.body[0]
    report(
        f"extract: one {len(big.encode()) / 1e6:.1f} MB page (body found early, rest skipped)",
        dt,
        "s",
        "",
    )
    report("  (characters analysed as body)", f"{body:,}", "", "")
    # the same size where every character is article body: what a long report costs
    from service.extract.body import find_body
    from service.extract.document import load_document

    held = [
        p
        for d in ("devset", "heldout", "heldout2")
        for p in sorted((ROOT / "tests" / "data" / d).glob("*.txt"))
    ]
    bodies = []
    for p in held:
        doc = load_document(p.read_bytes())
        b = find_body(doc.text, doc.table_rows, doc.synthetic, doc.link_tables)
        bodies.append(doc.text[b.start : b.end])
    big = _five_mb("\n\n".join(bodies))
    t0 = time.perf_counter()
    ex = extract_article(big, published="2025-01-01", gazetteer=gaz)
    dt = time.perf_counter() - t0
    body = ex.body[1] - ex.body[0]
    report(f"extract: one {len(big.encode()) / 1e6:.1f} MB text, all of it body", dt, "s", "")
    report(
        "  (body share; claims found)",
        f"{body / len(big):.0%}; {len(ex.force_levels)} FL / {len(ex.movements)} MV",
        "",
        "",
    )
    # what dateparser would cost per date expression (it is not on the hot path)
    try:
        import dateparser

        t0 = time.perf_counter()
        for _ in range(200):
            dateparser.parse("بحلول سبتمبر 2025", languages=["ar"])
        report(
            "dateparser.parse, for comparison",
            (time.perf_counter() - t0) / 200 * 1e3,
            "ms/date",
            "not used on the hot path",
        )
    except Exception:  # optional
        pass
    from service.extract.dates import find_dates

    t0 = time.perf_counter()
    for _ in range(2000):
        find_dates("بحلول سبتمبر 2025")
    report(
        "own date grammar, same expression", (time.perf_counter() - t0) / 2000 * 1e3, "ms/date", ""
    )
