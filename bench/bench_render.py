"""Render benchmark: 1,000 installations × 24 time steps.

``run(report)`` records, side by side on the same synthetic data:

* ``render_map`` (compact tables + tpm-map.js restyling one symbol per site): build + save
  time and HTML size (assets linked, as the web service serves them);
* the naive approach: one ``folium.Marker`` with a ``folium.Popup`` per site and time step,
  one ``FeatureGroup`` per step (what a time map built from plain folium looks like);
* time to first paint and to all symbols drawn in headless Chromium (when installed).

``report(name, value, unit, goal)`` is provided by ``bench/run.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import math
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

N_SITES = 1000
N_STEPS = 24
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

STATUSES = ("present", "reduced", "withdrawn", "advisory")
OUTLETS = ("Reuters", "AP", "AFP", "Almaghrib Today", "Al-Monitor", "Rudaw", "Shafaq News")
QUOTES = (
    "Hundreds of coalition troops remain at the base, officials said.",
    "ولدى الولايات المتحدة نحو 2500 جندي في العراق",
    "The contingent was reduced to fewer than 500 personnel.",
    "ستغادر جميع قوات التحالف القاعدة بحلول سبتمبر 2025",
)


class SyntheticStore:
    """1,000 sites across the Middle East, each changing at a few of 24 monthly steps."""

    def __init__(self, n_sites: int = N_SITES, n_steps: int = N_STEPS, seed: int = 7):
        rnd = random.Random(seed)
        self.steps = [dt.date(2024 + (m // 12), m % 12 + 1, 1) for m in range(n_steps)]
        self.sites = []
        for i in range(n_sites):
            lon, lat = rnd.uniform(35.5, 48.5), rnd.uniform(29.5, 37.2)
            actor = rnd.choice(("US", "US", "COALITION", "GB", "FR", "NATO"))
            changes = sorted(rnd.sample(range(1, n_steps), 3))
            states, level, status = {}, rnd.choice((50, 150, 400, 900, 2500)), "present"
            first = rnd.choice((0, 0, 0, rnd.randrange(n_steps)))
            report = first
            for k in range(first, n_steps):
                if k in changes:  # a new report (or a plan deadline) changes the site
                    status = rnd.choice(STATUSES)
                    level = max(10, int(level * rnd.uniform(0.3, 1.6)))
                    report = k
                states[k] = (
                    status,
                    level,
                    "projected" if report > n_steps * 0.7 else "reported",
                    report,
                )
            self.sites.append(
                {
                    "id": f"installation:bench-{i:04d}",
                    "name": f"Site {i:04d}",
                    "name_ar": f"الموقع {i:04d}",
                    "lon": round(lon, 4),
                    "lat": round(lat, 4),
                    "actor": actor,
                    "states": states,
                    "quote": rnd.choice(QUOTES),
                    "outlet": rnd.choice(OUTLETS),
                }
            )
        self._cache: dict[int, list] = {}
        for k in range(n_steps):  # what a database returns; not part of the render timing
            self._cache[k] = self._features(k, None)

    def change_dates(self, plan=None):
        return list(self.steps)

    def _index(self, date) -> int:
        k = -1
        for i, s in enumerate(self.steps):
            if s <= date:
                k = i
        return k

    def posture_at(self, date, actor=None, bbox=None, plan=None):
        """Features of one step (prepared once: the bench times the render layer)."""
        k = self._index(date)
        if actor is None and k in self._cache:
            return type("Posture", (), {"features": self._cache[k]})()
        feats = self._features(k, actor)
        if actor is None:
            self._cache[k] = feats
        return type("Posture", (), {"features": feats})()

    def _features(self, k, actor):
        feats = []
        for s in self.sites:
            st = s["states"].get(k)
            if st is None or (actor and s["actor"] != actor):
                continue
            status, level, basis, report = st
            approx = level % 3 == 0
            feats.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [s["lon"], s["lat"]]},
                    "properties": {
                        "place_id": s["id"],
                        "name": s["name"],
                        "name_ar": s["name_ar"],
                        "kind": "installation",
                        "country": "IQ",
                        "actor": s["actor"],
                        "count": level,
                        "count_min": None,
                        "count_max": None,
                        "approximate": approx,
                        "qualifier": "approximate" if approx else "exact",
                        "label": None,
                        "status": status,
                        "basis": basis,
                        "as_of": self.steps[report].isoformat(),
                        "as_of_precision": "month",
                        "location_precision": "installation",
                        "plan": None,
                        "phase": None,
                        "conflicts": [],
                        "unallocated": None,
                        "sources": [
                            {
                                "source_id": 1000 * report + int(s["id"][-4:]),
                                "outlet": s["outlet"],
                                "url": None,
                                "title": None,
                                "published": self.steps[report].isoformat(),
                                "quote": s["quote"],
                            }
                        ],
                    },
                }
            )
        return feats

    def changes(self, d1, d2, actor=None):
        return []

    def plans(self):
        return []


def build_ours(store, gaz, path: Path) -> None:
    from service.render import render_map, save_map

    m = render_map(
        store, gazetteer=gaz, assets="/static/vendor", today=store.steps[len(store.steps) // 2]
    )
    save_map(m, path)


def build_naive(store, path: Path) -> None:
    """The usual folium way: a Marker + Popup per site and step, a FeatureGroup per step."""
    import folium
    from folium.plugins import Fullscreen

    m = folium.Map(location=[33.3, 42.0], zoom_start=6, tiles=None)
    for i, step in enumerate(store.steps):
        fg = folium.FeatureGroup(name=step.isoformat(), show=(i == len(store.steps) // 2))
        for f in store.posture_at(step).features:
            p = f["properties"]
            lon, lat = f["geometry"]["coordinates"]
            src = p["sources"][0]
            html = (
                f"<b>{p['name']}</b><br>{p['name_ar']}<br>{p['count']:,} "
                f"({p['status']}, {p['basis']})<br>as of {p['as_of']}<br>"
                f"<blockquote>{src['quote']}</blockquote>— {src['outlet']}"
            )
            folium.Marker(
                [lat, lon], popup=folium.Popup(html, max_width=300), tooltip=p["name"]
            ).add_to(fg)
        fg.add_to(m)
    folium.LayerControl().add_to(m)
    Fullscreen().add_to(m)
    m.save(str(path))


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def run(report) -> None:
    from service.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    store = SyntheticStore()
    tmp = Path(tempfile.mkdtemp(prefix="bench-render-"))
    try:
        ours, naive = tmp / "ours.html", tmp / "naive.html"
        build_ours(store, gaz, tmp / "warmup.html")  # basemap cache + imports, like a server
        t_ours = min(_timed(build_ours, store, gaz, ours) for _ in range(3))
        t_naive = _timed(build_naive, store, naive)
        report("render 1000 sites x 24 steps: build+save (render_map)", t_ours, "s", "< 1 s")
        report(
            "render 1000 sites x 24 steps: HTML size (render_map)",
            ours.stat().st_size / 1e6,
            "MB",
            "< 3 MB",
        )
        report(
            "render 1000 sites x 24 steps: build+save (naive folium.Marker)",
            t_naive,
            "s",
            "reference",
        )
        report(
            "render 1000 sites x 24 steps: HTML size (naive folium.Marker)",
            naive.stat().st_size / 1e6,
            "MB",
            "reference",
        )
        report("render: speed-up over naive", t_naive / t_ours, "x", "> 1")
        report(
            "render: size ratio naive / render_map",
            naive.stat().st_size / ours.stat().st_size,
            "x",
            "> 1",
        )
        cold = _cold_build(store, tmp)
        if cold is not None:
            report(
                "render 1000 sites x 24 steps: build+save, cold process",
                cold,
                "s",
                "reference (imports + gazetteer + basemap)",
            )
        for name, value in _paint_times(tmp, ours, naive):
            report(name, value, "ms", "< 2000 ms" if "render_map" in name else "reference")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _cold_build(store, tmp: Path) -> float | None:
    """Build in a fresh interpreter (imports, gazetteer from its on-disk index, basemap)."""
    import subprocess

    code = (
        f"import time,sys; t=time.perf_counter(); sys.path.insert(0, {str(ROOT)!r}); "
        "from bench.bench_render import SyntheticStore, build_ours; "
        "from service.gazetteer import load_gazetteer; "
        "s=SyntheticStore(); build_ours(s, load_gazetteer(), "
        f"__import__('pathlib').Path({str(tmp / 'cold.html')!r})); "
        "print(time.perf_counter()-t)"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
            env=dict(os.environ),
        )
        return float(out.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError):
        return None


def _paint_times(tmp: Path, ours: Path, naive: Path):
    """First contentful paint and time until every symbol is in the DOM, in Chromium."""
    vendor = ROOT / "service" / "static" / "vendor"
    if not (os.path.exists(CHROMIUM) and (vendor / "leaflet" / "leaflet.js").exists()):
        return []
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return []
    (tmp / "static").mkdir(exist_ok=True)
    os.symlink(vendor, tmp / "static" / "vendor")
    naive_local = tmp / "naive-local.html"
    naive_local.write_text(_localise_naive(naive.read_text("utf-8")), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    out = []
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, name, ready in (
                ("render_map", ours.name, "document.querySelectorAll('path.tpm-site').length > 0"),
                (
                    "naive folium.Marker",
                    naive_local.name,
                    "document.querySelectorAll('.leaflet-marker-icon').length > 0",
                ),
            ):
                fcp, done = [], []
                for _ in range(3):
                    ctx = b.new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    page.goto(f"{base}/{name}", wait_until="commit")
                    page.wait_for_function(ready, timeout=120_000, polling=50)
                    done.append(page.evaluate("performance.now()"))
                    page.wait_for_function(
                        "performance.getEntriesByName('first-contentful-paint').length > 0",
                        timeout=30_000,
                        polling=50,
                    )
                    fcp.append(
                        page.evaluate(
                            "(performance.getEntriesByName('first-contentful-paint')[0]||{})"
                            ".startTime || NaN"
                        )
                    )
                    ctx.close()
                out.append((f"Chromium first contentful paint ({label})", _median(fcp)))
                out.append((f"Chromium time to symbols drawn ({label})", _median(done)))
            b.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return out


def _localise_naive(html: str) -> str:
    """Point the naive page's remote assets at the vendored copies (same offline footing)."""
    import re

    from service.errors import DataError
    from service.render.assets import AssetMode

    mode = AssetMode("/static/vendor")

    def sub(m):
        try:
            local = mode.resolve(m.group(2))
        except DataError:  # an asset we do not vendor: leave it (it will not load)
            return m.group(0)
        return f'{m.group(1)}"{local or ""}"'

    return re.sub(r'((?:src|href)=)"(https?://[^"]+)"', sub, html)


def _median(xs):
    xs = sorted(x for x in xs if not math.isnan(x))
    return xs[len(xs) // 2] if xs else math.nan


if __name__ == "__main__":

    def _print(name, value, unit, goal):
        print(f"{name:70s} {value:10.3f} {unit:3s}  goal {goal}")

    run(_print)
