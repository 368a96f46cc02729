"""Render layer without a browser: payloads, escaping, assets, language, CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest

from service.errors import InputError
from tests.conftest import ROOT

from .conftest import TODAY, VENDOR, require_vendor
from .fakes import Q_EVIL, seed_store

CDN_HOSTS = (
    "cdn.jsdelivr.net",
    "cdnjs.cloudflare.com",
    "code.jquery.com",
    "unpkg.com",
    "netdna.bootstrapcdn.com",
    "bootstrapcdn",
    "rawcdn",
    "githack",
    "googleapis.com",
    "maxcdn",
    "jsdelivr",
    "cdnjs",
)


def render(store, gaz, **kw):
    from service.render import render_map

    kw.setdefault("gazetteer", gaz)
    kw.setdefault("today", TODAY)
    return render_map(store, **kw)


def html_of(m) -> str:
    return m.get_root().render()


def payload(html: str, fn: str) -> list:
    """The JSON argument(s) of every ``TPM.<fn>(var, {...});`` call in the page."""
    out = []
    for mm in re.finditer(rf"TPM\.{fn}\((\w+), (.*?)\);\n", html):
        out.append(json.loads(mm.group(2)))
    return out


def tables(html: str) -> dict:
    (data,) = payload(html, "init")
    return data


# ------------------------------------------------------------------------------ structure
def test_import_is_lazy():
    code = (
        "import sys, service.render, service.render.cli; "
        "print('folium' in sys.modules, 'branca' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_only_render_imports_folium():
    offenders = []
    for path in (ROOT / "service").rglob("*.py"):
        if "render" in path.relative_to(ROOT / "service").parts[:1]:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import|from)\s+(folium|branca)\b", text, re.MULTILINE):
            offenders.append(str(path))
    assert offenders == []


def test_no_remote_asset_hosts_in_service_code():
    hits = []
    for path in (ROOT / "service").rglob("*"):
        if not path.is_file() or "vendor" in path.parts or path.suffix == ".pyc":
            continue
        text = path.read_text(encoding="utf-8", errors="ignore").lower()
        hits += [f"{path}: {h}" for h in CDN_HOSTS if h in text]
    assert hits == []


def test_latlon_is_the_one_swap():
    from service.render.geo import bounds_latlon, latlon

    assert latlon(42.4412, 33.7856) == [33.7856, 42.4412]
    assert bounds_latlon((40, 30, 45, 35)) == [[30, 40], [35, 45]]
    src = "\n".join(
        p.read_text("utf-8")
        for p in (ROOT / "service" / "render").glob("*.py")
        if p.name != "geo.py"
    )
    assert "[lat, lon]" not in src.replace("[lat, lon, self.txt", "")


# ------------------------------------------------------------------------------ escaping
def test_esc_and_js_json():
    from service.render.escape import esc, js_json, text_dir

    assert esc('<img src=x onerror="a()">') == "&lt;img src=x onerror=&quot;a()&quot;&gt;"
    assert esc(None) == ""
    assert "</script" not in js_json({"a": "</script><script>x()</script>"})
    assert "<!--" not in js_json("<!-- x")
    assert json.loads(js_json({"a": "</script>\u2028"})) == {"a": "</script>\u2028"}
    assert text_dir("قاعدة عين الأسد") == "rtl"
    assert text_dir("Ain al-Asad") == "ltr"


def test_hostile_text_never_reaches_the_page_as_markup(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, assets="/static/vendor"))
    for raw in (
        '<img src=x onerror="window.__xss=1">',
        "<script>window.__xss=2</script>",
        "<b>Evil</b>",
        "<script>window.__xss=3",
        "javascript:window.__xss",
        "<img src=x onerror=window.__xss=5>",
    ):
        assert raw not in html
    strings = tables(html)["S"]
    evil = [s for s in strings if "window.__xss=1" in s]
    assert evil and all("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in s for s in evil)
    assert not any('href="javascript' in s for s in strings)


# ------------------------------------------------------------------------------ content
def test_static_map_draws_points_and_areas(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, date="2025-02-01"))
    data = tables(html)
    assert data["steps"] == ["2025-02-01"] and "TPM.addSlider" not in html
    sites = [s for p in payload(html, "sites") for s in p["sites"]]
    rows = fake_store.posture_at(dt.date(2025, 2, 1)).features
    points = [f for f in rows if f["properties"]["location_precision"] in ("installation", "city")]
    assert len(sites) == len(points) == 4
    # a level known only for a province / country is drawn on that area, not as a pin
    (areas,) = payload(html, "areas")
    kinds = sorted(a[5] for a in areas["areas"])
    assert kinds == ["area", "country", "country"]
    geoms = [a[0]["type"] for a in areas["areas"]]
    assert set(geoms) <= {"Polygon", "MultiPolygon"}
    labels = set(data["S"])
    for lab in ("≈ 2,500", "&lt; 500", "200–999", "≈ 100", "900"):
        assert lab in labels


def test_time_map_steps_and_states(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz))
    data = tables(html)
    steps = [d.isoformat() for d in fake_store.change_dates()]
    assert data["steps"] == steps
    assert data["step"] == steps.index("2025-01-15")  # the last step on or before "today"
    assert "TPM.addSlider" in html
    T = data["T"]
    sites = {s[4]: s for p in payload(html, "sites") for s in p["sites"]}
    asad = sites["installation-ain-al-asad-air-base"]
    rle = asad[6]
    states = dict(zip(rle[::2], rle[1::2], strict=False))
    after = states[steps.index("2025-09-30")]
    assert T[after][0] == 2 and T[after][1] == 1  # withdrawn, projected
    before = states[0]
    assert T[before][0] == 0 and T[before][1] == 0  # present, reported
    # Hit only appears from its first report on
    hit = sites["city-95788"]
    assert hit[6][:2] == [0, -1] and hit[5] == 1  # absent at first; city precision (halo)


def test_sizes_are_sqrt_scaled():
    from service.render.maps import radius_for

    assert radius_for(2500) / radius_for(625) == pytest.approx(2.0, rel=0.02)
    assert radius_for(None) == 5.0 and radius_for(1) == 4.0 and radius_for(10**6) == 40.0


def test_phases_moves_and_mentioned_layers(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz))
    phases = payload(html, "phase")
    assert len(phases) == 2
    assert json.dumps("Plan phase 1 · by Sep 2025") in html
    assert json.dumps("Plan phase 2 · by 2026") in html
    (arrows,) = payload(html, "arrows")
    assert len(arrows) == 1 and arrows[0][4] == 1  # Ain al-Asad → Erbil, projected
    (dots,) = payload(html, "dots")
    names = {tables(html)["S"][d[2]] for d in dots}
    assert names == {"Harir Air Base", "Washington"}


def test_change_map(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, date_from="2025-01-01", date_to="2025-10-01"))
    (changes,) = payload(html, "changes")
    S = tables(html)["S"]
    kinds = {(S[c[3]].split(":")[0], c[2]) for c in changes}
    from service.render.model import CHANGE_KINDS

    named = {(n, CHANGE_KINDS[k]) for n, k in kinds}
    assert ("Ain al-Asad Air Base", "left") in named
    assert ("Baghdad", "reduced") in named
    assert ("Hit", "arrived") in named
    assert any(CHANGE_KINDS[c[2]] == "moved" and len(c) == 7 for c in changes)
    assert "Changes in troop presence — 2025-01-01 to 2025-10-01" in html


def test_change_map_without_store_changes_diffs_postures(mini_gaz):
    class NoChanges:
        def __init__(self, inner):
            self.inner = inner

        def posture_at(self, *a, **kw):
            return self.inner.posture_at(*a, **kw)

        def change_dates(self, plan=None):
            return self.inner.change_dates()

    html = html_of(
        render(
            NoChanges(seed_store(mini_gaz)), mini_gaz, date_from="2025-01-01", date_to="2025-10-01"
        )
    )
    (changes,) = payload(html, "changes")
    assert len(changes) >= 3


def test_arabic_map(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, lang="ar"))
    assert '<html lang="ar" dir="rtl">' in html
    data = tables(html)
    assert data["rtl"] is True and data["I"]["withdrawn"] == "منسحبة"
    assert "مفتاح الخريطة" in html  # legend
    assert json.dumps("مواقع: التحالف الدولي") in html  # layer name (folium writes \\u escapes)
    headers = [s for s in data["S"] if "tpm-pop-h" in s and "عين الأسد" in s]
    assert headers and headers[0].index('lang="ar"') < headers[0].index('lang="en"')


def test_popup_parts(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, date="2025-02-01"))
    S = tables(html)["S"]
    quote = next(s for s in S if "عين الأسد" in s and "blockquote" in s)
    assert '<blockquote dir="rtl" lang="ar">' in quote and "المغرب اليوم" in quote
    assert '<bdi dir="ltr">2024-09-27</bdi>' in quote
    header = next(s for s in S if s.startswith('<div class="tpm-pop-h">') and "Ain al-Asad" in s)
    assert 'lang="ar" dir="rtl">قاعدة عين الأسد الجوية' in header
    assert any("Not attributed to a site" in s and "0–2,500" in s for s in S)


# ------------------------------------------------------------------------------ assets
def _urls(html: str) -> list[str]:
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    return [u for u in urls if not u.startswith("data:")]


def test_linked_assets_are_local(fake_store, mini_gaz):
    import folium

    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    html = html_of(render(fake_store, mini_gaz, assets="/static/vendor"))
    urls = _urls(html)
    assert urls and all(u.startswith("/static/vendor/") for u in urls), urls
    assert any(u.startswith("/static/vendor/tpm/tpm-map.js?v=") for u in urls)
    assert not any(h in html for h in CDN_HOSTS)
    # the class-level lists folium shares between maps are untouched
    assert (folium.Map.default_js, folium.Map.default_css) == before
    assert "cdn.jsdelivr.net" in folium.Map.default_js[0][1]


def test_inline_assets_make_one_file(fake_store, mini_gaz):
    require_vendor()
    html = html_of(render(fake_store, mini_gaz, assets="inline"))
    assert _urls(html) == []
    assert "Leaflet 1.9.3" in html and "TPM.init" in html
    assert not any(h in html for h in CDN_HOSTS)
    assert not re.search(r"url\((?!data:|\"data:|'data:|#)", html.split("<body>")[0])
    assert len(html) < 600_000


def test_folium_extras_are_localised_too(fake_store, mini_gaz):
    """folium.Icon, branca's colour map (d3) and the time-dimension plugin stay offline."""
    require_vendor()
    import branca.colormap
    import folium
    from folium.plugins import TimestampedGeoJson

    m = render(fake_store, mini_gaz, assets="/static/vendor")
    folium.Marker([33.3, 44.4], icon=folium.Icon(icon="info-sign")).add_to(m)
    branca.colormap.LinearColormap(["white", "purple"], vmin=0, vmax=1).add_to(m)
    TimestampedGeoJson({"type": "FeatureCollection", "features": []}).add_to(m)
    html = html_of(m)
    urls = _urls(html)
    assert all(u.startswith("/static/vendor/") for u in urls), urls
    for part in (
        "awesome-markers/leaflet.awesome-markers.js",
        "d3/d3.min.js",
        "glyphicons/css/glyphicons.css",
        "timedimension/leaflet.timedimension.min.js",
        "fontawesome/css/all.min.css",
        "jquery/jquery.min.js",
    ):
        assert f"/static/vendor/{part}" in urls
        assert (VENDOR / part).is_file()
    assert not any(h in html for h in CDN_HOSTS)
    css = (VENDOR / "timedimension" / "leaflet.timedimension.control.css").read_text("utf-8")
    assert "../glyphicons/fonts/glyphicons-halflings-regular.woff" in css
    inline = html_of(_with_assets(m, "inline"))
    assert _urls(inline) == [] and "font/woff2;base64" in inline


def _with_assets(m, mode):
    from service.render.assets import asset_mode

    m.assets = asset_mode(mode)
    return m


def test_unknown_remote_asset_is_refused(fake_store, mini_gaz):
    from service.errors import DataError
    from service.render.elements import _Script

    class Remote(_Script):
        default_js = (("x", "https://example.org/x.js"),)

        def js(self):
            return ""

    m = render(fake_store, mini_gaz)
    Remote().add_to(m)
    with pytest.raises(DataError):
        html_of(m)


def test_notebook_display_is_self_contained(fake_store, mini_gaz):
    require_vendor()
    m = render(fake_store, mini_gaz, assets="/static/vendor")
    out = m._repr_html_()
    assert out.startswith("<div") and "srcdoc=" in out
    assert "/static/vendor/" not in out and "Leaflet 1.9.3" in out
    assert m.assets.value == "/static/vendor"  # restored after the display


def test_vendor_matches_package_lock():
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    pkgs = lock["packages"]
    want = {
        "leaflet": "1.9.3",
        "jquery": "3.7.1",
        "bootstrap": "5.2.2",
        "@fortawesome/fontawesome-free": "6.2.0",
        "leaflet-timedimension": "1.1.1",
        "iso8601-js-period": "0.2.1",
        "leaflet.fullscreen": "3.0.0",
        "d3": "3.5.5",
    }
    for name, version in want.items():
        assert pkgs[f"node_modules/{name}"]["version"] == version
    for name in ("leaflet.awesome-markers", "moment", "jquery-ui-dist"):
        assert f"node_modules/{name}" in pkgs
    assert pkgs["node_modules/leaflet-timedimension"].get("dependencies", {})  # resolved


# ------------------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    "kw",
    [
        {"lang": "fr"},
        {"date": "2025-13-01"},
        {"layers": ["sites", "bogus"]},
        {"basemap": "google"},
        {"date_from": "2025-01-01"},
        {"assets": "https://x.org/v"},
        {"date_from": "2025-05-01", "date_to": "2025-01-01"},
        {"date": "2025-01-01", "date_from": "2024-01-01", "date_to": "2025-01-01"},
    ],
)
def test_bad_arguments(fake_store, mini_gaz, kw):
    with pytest.raises(InputError):
        render(fake_store, mini_gaz, **kw)


def test_empty_store_still_draws_a_map(mini_gaz):
    class Empty:
        def posture_at(self, date, actor=None, bbox=None, plan=None):
            return type("Posture", (), {"features": []})()

        def change_dates(self, plan=None):
            return []

        def changes(self, date_from, date_to, actor=None):
            return []

        def plans(self):
            return []

    for kw in ({}, {"date": "2025-01-01"}, {"date_from": "2025-01-01", "date_to": "2025-02-01"}):
        html = html_of(render(Empty(), mini_gaz, **kw))
        assert payload(html, "sites") == [] and "fitBounds" in html
        assert "TPM.basemap(" in html


def test_layers_subset_and_no_basemap(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, layers=["sites"], basemap="none"))
    assert "TPM.basemap(" not in html and payload(html, "areas") == []
    assert payload(html, "sites")


def test_osm_basemap_is_an_option(fake_store, mini_gaz):
    html = html_of(render(fake_store, mini_gaz, basemap="osm"))
    assert "L.tileLayer" in html and "openstreetmap" in html.lower()
    default = html_of(render(fake_store, mini_gaz))
    assert "L.tileLayer" not in default


# ------------------------------------------------------------------------------ CLI
def test_cli_help_lists_render_and_assets():
    out = subprocess.run(
        [sys.executable, "-m", "service", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "render" in out and "assets" in out


def test_cli_render(real_store, tmp_path, monkeypatch):
    require_vendor()
    from service.cli import main

    url = str(real_store.engine.url)
    out = tmp_path / "map.html"
    assert (
        main(
            ["render", "--database", url, "--date", "2025-02-01", "--inline-assets", "-o", str(out)]
        )
        == 0
    )
    html = out.read_text("utf-8")
    assert _urls(html) == [] and "Ain al-Asad Air Base" in html
    out2 = tmp_path / "sub" / "linked.html"
    assert (
        main(
            [
                "render",
                "--database",
                url,
                "--from",
                "2025-01-01",
                "--to",
                "2025-10-15",
                "--lang",
                "ar",
                "-o",
                str(out2),
            ]
        )
        == 0
    )
    urls = _urls(out2.read_text("utf-8"))
    assert urls and all((out2.parent / u.split("?")[0]).resolve().is_file() for u in urls)
    assert main(["render", "--database", url, "--from", "2025-01-01", "-o", str(out)]) == 2


def test_real_store_map(real_store, gaz):
    html = html_of(render(real_store, gaz, assets="/static/vendor"))
    data = tables(html)
    assert "2025-10-01" in data["steps"]
    sites = {s[4] for p in payload(html, "sites") for s in p["sites"]}
    assert "installation-ain-al-asad-air-base" in sites
    assert Q_EVIL not in html and "<script>window.__xss" not in html
