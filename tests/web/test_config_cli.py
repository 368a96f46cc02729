"""Configuration order, nothing at import time, and the ``serve`` and ``token`` commands."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys

import pytest
import requests

from tests.conftest import ROOT

from .conftest import auth, free_port, wait_http


def test_config_order_defaults_instance_env_argument(instance, monkeypatch):
    from service.web.config import DEFAULTS, load_config

    assert load_config()["OGC_DEFAULT_LIMIT"] == DEFAULTS["OGC_DEFAULT_LIMIT"]
    (instance / "config.py").write_text(
        "OGC_DEFAULT_LIMIT = 7\nHTTP_MAX_AGE = 11\nCORS_ORIGINS = ['https://a.example']\n"
        "lower_case_is_ignored = 1\n"
    )
    cfg = load_config()
    assert cfg["OGC_DEFAULT_LIMIT"] == 7 and cfg["HTTP_MAX_AGE"] == 11
    assert "lower_case_is_ignored" not in cfg
    monkeypatch.setenv("TPM_OGC_DEFAULT_LIMIT", "9")
    monkeypatch.setenv("TPM_PRIVATE_READS", "true")
    monkeypatch.setenv("TPM_CORS_ORIGINS", "https://b.example https://c.example")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/from-env.sqlite")
    cfg = load_config()
    assert cfg["OGC_DEFAULT_LIMIT"] == 9 and cfg["HTTP_MAX_AGE"] == 11
    assert cfg["PRIVATE_READS"] is True
    assert cfg["CORS_ORIGINS"] == ["https://b.example", "https://c.example"]
    assert cfg["DATABASE_URL"] == "sqlite:////tmp/from-env.sqlite"
    cfg = load_config({"OGC_DEFAULT_LIMIT": 3, "DATABASE_URL": "sqlite:////tmp/arg.sqlite"})
    assert cfg["OGC_DEFAULT_LIMIT"] == 3 and cfg["DATABASE_URL"] == "sqlite:////tmp/arg.sqlite"
    assert cfg["TOKENS_FILE"] == str(instance / "api-tokens.json")


@pytest.mark.parametrize(
    "bad",
    [
        {"PRIVATE_READS": "maybe"},
        {"MAX_CONTENT_LENGTH": "big"},
        {"RATE_LIMITS": {"x": "lots"}},
        {"CORS_ORIGINS": ["javascript:alert(1)"]},
        {"FRAME_ANCESTORS": "https://a.example\r\nX: y"},
        {"BASE_URL": "not a url"},
        {"OGC_DEFAULT_LIMIT": 0},
        {"API_TOKENS": ["md5:abc"]},
    ],
)
def test_bad_settings_are_refused(instance, bad):
    from service.errors import InputError
    from service.web import create_app

    with pytest.raises(InputError):
        create_app(bad)


def test_api_tokens_from_settings(make_app):
    from service.web.security import hash_token, new_token

    token = new_token()
    app = make_app(API_TOKENS=[{"hash": hash_token(token), "scopes": ["write"]}])
    c = app.test_client()
    r = c.post(
        "/api/articles",
        headers=auth(token),
        json={
            "text": "About 200 US troops are stationed at Erbil Air Base.",
            "published": "2025-05-05",
        },
    )
    assert r.status_code == 201
    assert c.post("/api/articles", headers=auth(token + "x"), json={"text": "x"}).status_code == 401


def test_nothing_happens_at_import_time():
    code = (
        "import sys; import service.web, service.web.api, service.web.ogc, "
        "service.web.core, service.web.openapi, service.web.security, service.web.config, "
        "service.web.pages, service.web.cli; "
        "assert 'flask' not in sys.modules, 'flask imported'; "
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'; "
        "from service.web import create_app; assert callable(create_app)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_create_app_does_not_touch_the_database(instance):
    from service.web import create_app

    app = create_app({"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"})
    assert app.test_client().get("/healthz").status_code == 200
    assert app.extensions["tpm"]._store is None


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_token_commands(instance, make_app):
    env = {**os.environ, "TPM_INSTANCE_PATH": str(instance)}
    out = _cli("token", "create", "--name", "ingest bot", "--json", env=env)
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    token = made["token"]
    assert token.startswith("tpm_") and len(token) > 40 and made["scopes"] == ["write"]
    path = instance / "api-tokens.json"
    raw = path.read_text()
    assert token not in raw and "sha256:" in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    plain = _cli("token", "create", "--scope", "read", env=env)
    assert plain.returncode == 0 and plain.stdout.strip().startswith("tpm_")
    assert "shown only now" in plain.stderr
    listed = json.loads(_cli("token", "list", env=env).stdout)
    assert [t["name"] for t in listed] == ["ingest bot", ""]
    assert all("hash" not in t and "token" not in t for t in listed)

    app = make_app()
    c = app.test_client()
    body = {
        "text": "About 250 US troops are stationed at Erbil Air Base.",
        "published": "2025-06-06",
    }
    assert c.post("/api/articles", headers=auth(token), json=body).status_code == 201
    assert c.post("/api/articles", headers=auth(plain.stdout.strip()), json=body).status_code == 403
    assert _cli("token", "revoke", made["id"], env=env).returncode == 0
    assert c.post("/api/articles", headers=auth(token), json=body).status_code == 401
    bad = _cli("token", "revoke", "nope", env=env)
    assert bad.returncode == 1 and bad.stderr.startswith("error:")


def test_serve_command_runs_gunicorn(db_url, instance, tmp_path):
    port = free_port()
    env = {**os.environ, "TPM_INSTANCE_PATH": str(instance)}
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--database",
            db_url,
            "--workers",
            "1",
            "--threads",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        plans = requests.get(f"http://127.0.0.1:{port}/api/plans", timeout=60).json()
        assert "coalition-transition-2024-2026" in [p["slug"] for p in plans]
        assert requests.get(f"http://127.0.0.1:{port}/", timeout=60).status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    bad = _cli("serve", "--port", "0", env=env)
    assert bad.returncode == 2
