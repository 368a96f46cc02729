"""HTML tables: data tables in the body are read row by row with their column labels; link
and layout tables stay boilerplate; every offset still slices back to the HTML source."""

import re
from pathlib import Path

import pytest

from service.extract import extract_article
from service.extract.body import find_body
from service.extract.document import load_document

TABLES = Path(__file__).resolve().parents[1] / "data" / "tables"
PUB = "2025-03-01"


def _read(name: str) -> str:
    return (TABLES / name).read_text(encoding="utf-8")


def _levels(ex) -> set[tuple]:
    return {
        (f.actor, f.place_id, f.quantity.count, f.quantity.qualifier, f.as_of.value.isoformat())
        for f in ex.force_levels
    }


def _ids(ex) -> set[str]:
    return {p.place.id for p in ex.places}


def _assert_offsets(html: str, ex) -> None:
    for p in ex.places:
        for m in p.mentions:
            assert m.end > m.start and html[m.start : m.end] == m.text
    for c in [*ex.force_levels, *ex.movements, *ex.events]:
        assert 0 <= c.quote.start < c.quote.end <= len(html)
    for u in ex.unresolved:
        assert html[u.start : u.end] == u.text


# ----------------------------------------------------------------------------- document view
def test_data_table_rows_become_labelled_sentences():
    doc = load_document(_read("en_data_table.html"))
    assert (
        "Host country: Qatar; Main base: Al Udeid Air Base; US troops, Jan 2023: c. 10,000; "
        "US troops, now: c. 8,000." in doc.text
    )
    # the header row stays once, with its own offsets
    assert doc.text.count("Host country Main base") == 1
    assert len(doc.table_rows) == 3  # header + two rows


def test_copied_labels_map_to_the_cell_they_label():
    doc = load_document(_read("en_data_table.html"))
    src = doc.original
    labels = [doc.text[a:b] for a, b in doc.synthetic]
    assert labels.count("US troops, Jan 2023") == 2
    for a, b in doc.synthetic:
        s, e = doc.to_original(a, b)
        assert s == e  # empty span: a label copy is no text of the page
        assert not src[s:].startswith("<")  # … at the start of a cell's text
    # a cell's own characters keep their exact offsets
    k = doc.text.index("c. 13,500")
    s, e = doc.to_original(k, k + len("c. 13,500"))
    assert src[s:e] == "c. 13,500"


def test_link_and_layout_tables_are_not_data_tables():
    doc = load_document(_read("layout_table.html"))
    assert not doc.synthetic and not doc.table_rows
    assert len(doc.link_tables) == 2


def test_script_in_a_table_cell_stays_out():
    html = (
        "<html><body><p>x</p><table><tr><th>Country</th><th>Troops</th></tr>"
        "<tr><td>Iraq<script>alert('Syria')</script></td><td>about 2,500</td></tr>"
        "<tr><td>Kuwait</td><td>about 13,000</td></tr></table></body></html>"
    )
    doc = load_document(html)
    assert "alert" not in doc.text and "Syria" not in doc.text
    assert "Country: Iraq; Troops: about 2,500." in doc.text


def test_unclosed_and_nested_tables_do_not_crash():
    for html in (
        "<html><body><p>Hello there</p><table><tr><th>A</th><th>B</th><tr><td>1<td>2",
        "<html><body><table><tr><td><table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>x</td><td>y</td></tr></table></td></tr></table></body></html>",
    ):
        doc = load_document(html)
        for k in range(len(doc.text)):
            s, e = doc.to_original(k, k + 1)
            assert 0 <= s <= e <= len(html)


# ----------------------------------------------------------------------------- body
def test_table_rows_are_body_content():
    doc = load_document(_read("en_data_table.html"))
    body = find_body(doc.text, doc.table_rows, doc.synthetic, doc.link_tables)
    table = doc.text.index("Host country: Kuwait")
    assert body.start < table < body.end
    assert body.end > doc.text.index("Analysts expect")  # the prose after the table too
    assert body.end < doc.text.index("Most read")
    # copied labels are never article text
    a, b = doc.synthetic[0]
    assert not body.contains(a, b) and not body.contains(a + 1, a + 3)
    k = doc.text.index("Camp Arifjan")
    assert body.contains(k, k + len("Camp Arifjan"))


# ----------------------------------------------------------------------------- extraction
def test_english_table_force_levels(gaz):
    html = _read("en_data_table.html")
    ex = extract_article(html, published=PUB, gazetteer=gaz)
    assert {
        ("US", "country:QA", 10000, "approximate", "2023-01-31"),
        ("US", "country:QA", 8000, "approximate", PUB),
        ("US", "country:KW", 13500, "approximate", "2023-01-31"),
        ("US", "country:KW", 13000, "approximate", PUB),
    } <= _levels(ex)
    ids = _ids(ex)
    assert {"country:QA", "country:KW"} <= ids
    assert not {"country:LB", "country:PK", "country:OM"} & ids  # the "most read" table
    assert "country:US" not in ids  # "US troops" in a header is an adjective
    _assert_offsets(html, ex)
    # a level's quote covers its row in the source
    fl = next(f for f in ex.force_levels if f.quantity.count == 13500)
    assert "c. 13,500" in html[fl.quote.start : fl.quote.end]
    assert "Kuwait" in fl.quote.text and "US troops, Jan 2023" in fl.quote.text


def test_mentions_in_cells_have_exact_offsets(gaz):
    html = _read("en_data_table.html")
    ex = extract_article(html, published=PUB, gazetteer=gaz)
    by_id = {p.place.id: p for p in ex.places}
    arifjan = [p for p in ex.places if "Arifjan" in p.place.name]
    assert arifjan and len(arifjan[0].mentions) == 1
    m = arifjan[0].mentions[0]
    assert html[m.start : m.end] == "Camp Arifjan" and html[m.start - 4 : m.start] == "<td>"
    # one mention per cell: the copied labels add none
    assert len(by_id["country:KW"].mentions) == 1


def test_arabic_table_force_levels(gaz):
    html = _read("ar_data_table.html")
    ex = extract_article(html, published=PUB, gazetteer=gaz)
    assert {
        ("US", "country:IQ", 2500, "approximate", PUB),
        ("US", "country:SY", 900, "approximate", PUB),
    } <= _levels(ex)
    ids = _ids(ex)
    assert {"country:IQ", "country:SY", "installation:ain-al-asad-air-base"} <= ids
    assert not {"country:LB", "country:EG", "country:LY"} & ids  # the menu table
    _assert_offsets(html, ex)


def test_layout_link_tables_stay_boilerplate(gaz):
    html = _read("layout_table.html")
    ex = extract_article(html, published=PUB, gazetteer=gaz)
    ids = _ids(ex)
    assert "country:IQ" in ids
    leaked = ids & {
        f"country:{c}" for c in ("JP", "DE", "ES", "IT", "GR", "PT", "NO", "PL", "TR", "SE")
    }
    assert not leaked
    assert ("US", "country:IQ", 2500, "approximate", PUB) in _levels(ex)
    _assert_offsets(html, ex)


@pytest.mark.parametrize("name", ["en_data_table.html", "ar_data_table.html", "layout_table.html"])
def test_table_pages_offsets(gaz, name):
    html = _read(name)
    _assert_offsets(html, extract_article(html, published=PUB, gazetteer=gaz))


# ----------------------------------------------------------------------------- page furniture
def test_furniture_marked_by_class_is_skipped():
    doc = load_document(_read("ar_furniture_page.html"))
    for word in ("عدن", "صنعاء", "مأرب", "الحديدة", "المكلا", "تعز", "الإخبارية"):
        # whole words: "تعز" is also the start of "تعزز" in the headline
        assert not re.search(rf"(?<!\w){word}(?!\w)", doc.text), word
    # a wrapper whose class only mentions a sidebar ("has-sidebar") is kept
    assert "تركيا تعزز وجودها العسكري في قطر" in doc.text
    assert "ستبقى في قطر" in doc.text  # text after the sidebar comes back


def test_furniture_page_extraction(gaz):
    html = _read("ar_furniture_page.html")
    ex = extract_article(html, published=PUB, gazetteer=gaz)
    assert _ids(ex) == {"country:TR", "country:QA"}  # no menu city, no outlet-name city
    assert any(f.actor == "TR" and f.place_id == "country:QA" for f in ex.force_levels)
    _assert_offsets(html, ex)


def test_page_of_only_furniture_still_has_text():
    html = '<html><body><div class="sidebar"><p>US troops remain in Iraq.</p></div></body></html>'
    assert "US troops remain in Iraq." in load_document(html).text


def test_a_status_cell_moves_the_row_place_not_the_article_country():
    # the article is about Côte d'Ivoire; the Senegal row says its troops leave by end-2025
    html = (
        "<html><body><article><h1>France's African bases</h1>"
        "<p>France is cutting its forces in Côte d'Ivoire, where 600 French troops are "
        "based, analysts at the institute said on Monday in a new report.</p>"
        "<p>The table below lists the remaining French sites in Africa and their status.</p>"
        "<table><thead><tr><th>Country</th><th>Main site</th><th>French troops, now</th>"
        "<th>Status</th></tr></thead><tbody>"
        "<tr><td>Côte d'Ivoire</td><td>Abidjan</td><td>c. 600</td><td>Reduced</td></tr>"
        "<tr><td>Senegal</td><td>Dakar</td><td>c. 350</td><td>To leave by end-2025</td></tr>"
        "</tbody></table></article></body></html>"
    )
    ex = extract_article(html, published=PUB)
    got = {(m.actor, m.place_id, m.action, m.by.value.isoformat()) for m in ex.movements if m.by}
    assert ("FR", "country:SN", "withdraw", "2025-12-31") in got
    assert not any(m.place_id == "country:CI" and m.action == "withdraw" for m in ex.movements)
    _assert_offsets(html, ex)
