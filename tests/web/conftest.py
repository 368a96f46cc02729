"""Web fixtures: a seeded database per test, the Flask app, tokens, a real loopback server.

The seed (the bundled scenario and the seed article, on the real gazetteer) is built once per
session into a template SQLite file; each test gets its own copy, so tests never share a
database.  ``live`` serves an app over real HTTP on 127.0.0.1 (werkzeug's threaded server in a
thread); ``gunicorn_server`` runs the production server in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

SCENARIO = ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml"
#: rate limits high enough for tests that are not about rate limits
NO_LIMITS = {k: "100000/second" for k in ("extract", "ingest", "edit", "geocode", "map")}


@pytest.fixture(scope="session")
def seed_db(gaz, tmp_path_factory) -> Path:
    """A template SQLite database: the bundled scenario and the seed article."""
    from service.store import Store

    path = tmp_path_factory.mktemp("seed") / "tpm.sqlite"
    st = Store.open(f"sqlite:///{path}", gazetteer=gaz)
    st.load_scenario(SCENARIO)
    st.ingest_article(
        SEED.read_text(encoding="utf-8"),
        published="2024-09-27",
        outlet="Almaghrib Today",
        url="https://www.almaghribtoday.net/",
    )
    st.close()
    return path


@pytest.fixture
def db_url(seed_db, tmp_path) -> str:
    """This test's own copy of the seeded database."""
    target = tmp_path / "db" / "tpm.sqlite"
    target.parent.mkdir()
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(seed_db) + suffix)
        if src.exists():
            shutil.copy(src, str(target) + suffix)
    return f"sqlite:///{target}"


@pytest.fixture
def instance(tmp_path, monkeypatch) -> Path:
    """An empty instance folder (no operator config.py leaks into tests)."""
    inst = tmp_path / "instance"
    inst.mkdir()
    monkeypatch.setenv("TPM_INSTANCE_PATH", str(inst))
    for key in list(os.environ):
        if key.startswith("TPM_") and key not in (
            "TPM_INSTANCE_PATH",
            "TPM_INDEX_DIR",
            "TPM_DATA_DIR",
            "TPM_TEST_POSTGRES_URL",
        ):
            monkeypatch.delenv(key)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return inst


@pytest.fixture
def make_app(db_url, instance):
    """``make_app(**settings)``: an app on this test's database."""
    apps = []

    def make(**settings):
        from service.web import create_app

        cfg = {"DATABASE_URL": db_url, "RATE_LIMITS": dict(NO_LIMITS)}
        cfg.update(settings)
        app = create_app(cfg)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["tpm"].close()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def tokens(instance):
    """``tokens(scopes)`` → a new token (its hash stored in the instance tokens file)."""
    from service.web.security import TokenStore

    store = TokenStore(instance / "api-tokens.json")

    def make(*scopes: str) -> str:
        token, _ = store.create("test", scopes or ("write",))
        return token

    return make


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Live:
    """An app served over real HTTP on loopback, in a thread."""

    def __init__(self, app) -> None:
        from werkzeug.serving import make_server

        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def live(app):
    """The test's app on ``http://127.0.0.1:<port>``."""
    srv = Live(app)
    yield srv
    srv.stop()


@pytest.fixture
def serve():
    """``serve(app)`` → a :class:`Live` server (for apps with special settings)."""
    servers = []

    def start(app):
        s = Live(app)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60.0, proc=None) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout} s")


@pytest.fixture
def gunicorn_server(db_url, instance, tmp_path):
    """``start(workers, threads, **env)`` → base URL of gunicorn serving this test's database."""
    procs = []

    def start(workers: int = 2, threads: int = 4, **env: str) -> str:
        port = free_port()
        e = dict(os.environ)
        e.update(
            {"DATABASE_URL": db_url, "TPM_INSTANCE_PATH": str(instance), "PYTHONPATH": str(ROOT)}
        )
        e.update(env)
        log = open(tmp_path / f"gunicorn-{port}.log", "wb")  # noqa: SIM115
        gunicorn = Path(sys.executable).with_name("gunicorn")
        proc = subprocess.Popen(
            [
                str(gunicorn),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--timeout",
                "120",
                "service.web:create_app()",
            ],
            cwd=ROOT,
            env=e,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        procs.append((proc, log))
        url = f"http://127.0.0.1:{port}"
        wait_http(f"{url}/healthz", proc=proc)
        return url

    yield start
    for proc, log in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
