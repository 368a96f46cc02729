"""The maps in real headless Chromium (Debian's), served on loopback with no internet.

Integration tests use the real store with the seed scenario, the seed article and a hostile
article; one test also uses the in-memory fake store (its hostile quote is guaranteed).
Skipped without /usr/bin/chromium, except in CI where that is a failure.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import TODAY, artifact, copy_to_docs, write_map

POINTS = ("installation", "city")
ASAD_CLS = "installation-ain-al-asad-air-base"


def shot(page, name: str):
    """Screenshot into test-artifacts/ once animations (popup fade, zoom) are over."""
    page.wait_for_timeout(400)
    path = artifact(name)
    page.screenshot(path=str(path))
    return path


def site_count(page, extra: str = "") -> int:
    return page.locator(f"path.tpm-site{extra}").count()


def render(store, gaz, **kw):
    from service.render import render_map

    kw.setdefault("gazetteer", gaz)
    kw.setdefault("today", TODAY)
    kw.setdefault("assets", "/static/vendor")
    return render_map(store, **kw)


@pytest.fixture(scope="module")
def maps(real_store, gaz, fake_store, mini_gaz, web_root):
    """Every page the tests open, written once into the served folder."""
    return {
        "time": write_map(render(real_store, gaz), web_root, "time.html"),
        "static": write_map(render(real_store, gaz, date="2025-02-01"), web_root, "static.html"),
        "ar": write_map(render(real_store, gaz, lang="ar"), web_root, "ar.html"),
        "changes": write_map(
            render(real_store, gaz, date_from="2025-01-01", date_to="2025-10-15"),
            web_root,
            "changes.html",
        ),
        "fake": write_map(render(fake_store, mini_gaz, date="2025-02-01"), web_root, "fake.html"),
        "inline": write_map(render(real_store, gaz, assets="inline"), web_root, "inline.html"),
    }


def test_map_loads_offline_with_all_markers(open_page, server, maps, real_store):
    w = open_page(f"{server}/{maps['static']}")
    page = w.page
    assert page.evaluate("typeof L") == "object" and page.evaluate("L.version") == "1.9.3"
    rows = [f["properties"] for f in real_store.posture_at(dt.date(2025, 2, 1)).features]
    points = [p for p in rows if p["location_precision"] in POINTS]
    with_forces = [p for p in points if p["status"] != "withdrawn"]
    assert site_count(page) == len(points) > 0
    assert site_count(page, ":not(.tpm-st-withdrawn)") == len(with_forces)
    areas = [p for p in rows if p["location_precision"] not in POINTS]
    assert page.locator("path.tpm-area").count() >= len({p["place_id"] for p in areas}) > 0
    assert page.locator(".tpm-legend summary").inner_text() == "Legend"
    assert page.locator(".leaflet-control-scale").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen, .fullscreen-icon").count() >= 1
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    shot(page, "map-static-en.png")
    w.assert_clean()


def test_toggling_a_layer_hides_its_markers(open_page, server, maps, real_store):
    w = open_page(f"{server}/{maps['static']}")
    page = w.page
    rows = [f["properties"] for f in real_store.posture_at(dt.date(2025, 2, 1)).features]
    coalition = [p for p in rows if p["actor"] == "COALITION" and p["location_precision"] in POINTS]
    total = site_count(page)
    assert coalition
    page.hover(".leaflet-control-layers")
    box = page.locator(
        ".leaflet-control-layers-overlays label", has_text="Sites: Coalition"
    ).locator("input")
    box.uncheck()
    assert site_count(page) == total - len(coalition)
    box.check()
    assert site_count(page) == total
    basemap = page.locator(
        ".leaflet-control-layers-overlays label", has_text="Basemap: countries"
    ).locator("input")
    basemap.uncheck()
    assert page.locator(".tpm-bl-country").count() == 0
    w.assert_clean()


def test_slider_past_september_2025_withdraws_ain_al_asad(open_page, server, maps):
    w = open_page(f"{server}/{maps['time']}")
    page = w.page
    asad = page.locator(f"path.tpm-site.tpm-pl-{ASAD_CLS}")
    assert asad.count() == 1
    assert "tpm-st-present" in asad.get_attribute("class")
    start = page.locator(".tpm-slider").get_attribute("data-date")
    assert start <= TODAY.isoformat()
    copy_to_docs(shot(page, "map-time-en.png"))
    page.locator(".tpm-range").focus()
    for _ in range(20):
        if page.locator(".tpm-slider").get_attribute("data-date") > "2025-09-30":
            break
        page.keyboard.press("ArrowRight")
    assert page.locator(".tpm-slider").get_attribute("data-date") > "2025-09-30"
    cls = asad.get_attribute("class")
    assert "tpm-st-withdrawn" in cls and "tpm-b-projected" in cls
    asad.click()
    popup = page.locator(".leaflet-popup-content")
    assert "withdrawn" in popup.inner_text()
    assert "projected" in popup.inner_text()
    shot(page, "map-time-en-after.png")
    page.locator(".tpm-prev").click()
    assert page.locator(".tpm-slider").get_attribute("data-date") <= "2025-09-30"
    w.assert_clean()


def test_popup_shows_names_and_arabic_quote_right_to_left(open_page, server, maps):
    w = open_page(f"{server}/{maps['static']}")
    page = w.page
    page.locator(f"path.tpm-site.tpm-pl-{ASAD_CLS}").click()
    pop = page.locator(".leaflet-popup-content .tpm-pop")
    pop.wait_for()
    assert "Ain al-Asad Air Base" in pop.inner_text()
    name_ar = pop.locator(".tpm-name-ar")
    assert name_ar.inner_text() == "قاعدة عين الأسد الجوية"
    assert name_ar.evaluate("e => getComputedStyle(e).direction") == "rtl"
    quote = pop.locator('blockquote[lang="ar"]').first
    assert "عين الأسد" in quote.inner_text()
    assert quote.evaluate("e => getComputedStyle(e).direction") == "rtl"
    for word in ("Force level", "As of", "Status", "Basis", "Sources"):
        assert word in pop.inner_text()
    shot(page, "map-popup-en.png")
    w.assert_clean()


@pytest.mark.parametrize(
    "which, place", [("fake", "city-95788"), ("static", "installation-harir-air-base")]
)
def test_article_markup_never_executes(open_page, server, maps, which, place):
    w = open_page(f"{server}/{maps[which]}")
    page = w.page
    marker = page.locator(f"path.tpm-site.tpm-pl-{place}")
    assert marker.count() == 1
    marker.click()
    content = page.locator(".leaflet-popup-content")
    content.wait_for()
    text = content.inner_text()
    assert "<img src=x onerror=" in text and "<script>window.__xss=2</script>" in text
    assert content.locator("img, script").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    page.mouse.move(5, 5)
    page.wait_for_timeout(100)
    assert page.evaluate("typeof window.__xss") == "undefined"
    w.assert_clean()


def test_arabic_map_is_right_to_left(open_page, server, maps):
    w = open_page(f"{server}/{maps['ar']}")
    page = w.page
    assert page.evaluate("document.documentElement.dir") == "rtl"
    legend = page.locator(".tpm-legend")
    assert legend.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "مفتاح الخريطة" in legend.inner_text()
    page.hover(".leaflet-control-layers")
    layers = page.locator(".leaflet-control-layers").inner_text()
    assert "مواقع" in layers and "الخريطة الأساسية" in layers
    assert page.locator(".tpm-title h1").inner_text().startswith("الوجود العسكري")
    page.mouse.move(640, 700)
    page.locator(f"path.tpm-site.tpm-pl-{ASAD_CLS}").click()
    pop = page.locator(".leaflet-popup-content .tpm-pop")
    assert pop.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "حجم القوات" in pop.inner_text()
    shot(page, "map-time-ar.png")
    w.assert_clean()


def test_change_map(open_page, server, maps):
    w = open_page(f"{server}/{maps['changes']}")
    page = w.page
    left = page.locator(".tpm-change.tpm-ch-left")
    assert left.count() >= 1
    assert any("Ain al-Asad" in t for t in page.locator(".leaflet-tooltip").all_inner_texts())
    shot(page, "map-changes-en.png")
    w.assert_clean()


def test_inline_file_opens_from_disk_with_no_network(open_page, maps, web_root):
    w = open_page((web_root / maps["inline"]).as_uri(), offline=True)
    page = w.page
    assert page.evaluate("L.version") == "1.9.3"
    assert site_count(page) > 0
    assert page.locator(".tpm-slider").count() == 1
    w.assert_clean()
