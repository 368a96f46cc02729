"""Fixtures for render tests: fake and real stores, a loopback web server, headless Chromium."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, SEED, require

from .fakes import seed_store

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
ARTIFACTS = ROOT / "test-artifacts"
SCENARIO = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"
VENDOR = ROOT / "service" / "static" / "vendor"

EVIL_ARTICLE = (
    "BAGHDAD, Jan 15 2025 — About 300 US troops are stationed at Harir Air Base "
    '<img src=x onerror="window.__xss=1"> officials said <script>window.__xss=2</script>.'
)
EVIL_OUTLET = "<b>Evil</b> Times<script>window.__xss=3</script>"
EVIL_TITLE = "<img src=x onerror=window.__xss=4>"


def require_vendor() -> None:
    require(
        (VENDOR / "leaflet" / "leaflet.js").exists(),
        "offline assets not installed (make setup: npm ci + python -m service assets)",
    )


@pytest.fixture(scope="session")
def fake_store(mini_gaz):
    """The seed scenario in memory, on the mini gazetteer (documented store API only)."""
    return seed_store(mini_gaz)


@pytest.fixture(scope="session")
def real_store(gaz, tmp_path_factory):
    """The real store (SQLite) with the seed scenario, the seed article and a hostile one."""
    from service.store import Store

    path = tmp_path_factory.mktemp("store") / "tpm.sqlite"
    st = Store.open(f"sqlite:///{path}", gazetteer=gaz)
    st.load_scenario(SCENARIO)
    st.ingest_article(
        SEED.read_text(encoding="utf-8"),
        published="2024-09-27",
        outlet="Almaghrib Today",
        url="https://www.almaghribtoday.net/",
    )
    st.ingest_article(
        EVIL_ARTICLE,
        published="2025-01-15",
        outlet=EVIL_OUTLET,
        url="javascript:window.__xss=5",
        title=EVIL_TITLE,
    )
    return st


@pytest.fixture(scope="session")
def web_root(tmp_path_factory):
    """A folder served at / with the vendored assets at /static/vendor (as the service does)."""
    require_vendor()
    root = tmp_path_factory.mktemp("www")
    (root / "static").mkdir()
    os.symlink(VENDOR, root / "static" / "vendor")
    return root


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def server(web_root):
    """A loopback HTTP server over ``web_root``; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(web_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class PageWatch:
    """A page plus everything that went wrong on it (failed or off-machine requests, errors)."""

    def __init__(self, page):
        self.page = page
        self.failed: list[str] = []
        self.remote: list[str] = []
        self.errors: list[str] = []
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on(
            "response",
            lambda r: self.failed.append(f"{r.url} HTTP {r.status}") if r.status >= 400 else None,
        )
        page.on("request", self._request)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _request(self, req) -> None:
        parts = urlsplit(req.url)
        if parts.scheme in ("data", "about", "blob", "file"):
            return
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            self.remote.append(req.url)

    def assert_clean(self) -> None:
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.remote == [], f"requests off the machine: {self.remote}"
        assert self.errors == [], f"page errors: {self.errors}"


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(url: str, *, width: int = 1280, height: int = 800, offline: bool = False):
        from playwright.sync_api import Error as PlaywrightError

        ctx = browser.new_context(viewport={"width": width, "height": height})
        page = ctx.new_page()
        watch = PageWatch(page)
        if offline:  # a file opened from disk: nothing may leave it
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:"))
                    else route.abort()
                ),
            )
        page.goto(url)
        try:
            page.wait_for_function("window.TPM && TPM.map && TPM.layers.length > 0", timeout=15_000)
        except PlaywrightError:
            raise AssertionError(f"map did not start: {watch.errors} {watch.failed}") from None
        pages.append(ctx)
        return watch

    yield _open
    for ctx in pages:
        ctx.close()


def write_map(m, root: Path, name: str) -> str:
    from service.render import save_map

    save_map(m, root / name)
    return name


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def copy_to_docs(png: Path) -> None:
    """Refresh docs/screenshot-map.png (committed, < 300 KB) when missing or asked to."""
    target = ROOT / "docs" / "screenshot-map.png"
    if target.exists() and not os.environ.get("TPM_UPDATE_SCREENSHOT"):
        return
    from PIL import Image

    img = (
        Image.open(png)
        .convert("RGB")
        .quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    )
    img.save(target, optimize=True)
    assert target.stat().st_size < 300_000, "docs/screenshot-map.png must stay under 300 KB"


TODAY = dt.date(2025, 1, 20)
