"""Configuration of the web service: defaults, validation and the instance folder.

Order (later wins): :data:`DEFAULTS`, ``<instance>/config.py``, environment variables
(``DATABASE_URL`` as is, every other key as ``TPM_<KEY>``; values are parsed as JSON when they
parse, so ``TPM_PRIVATE_READS=true`` is a boolean and ``TPM_CORS_ORIGINS='["https://a.example"]'``
a list), then the mapping given to ``create_app(config)``.

No Flask here: :func:`load_config` returns a plain dict and :func:`normalize` checks it, so the
core (``service.web.core``) and the command line can use the same settings.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError

ROOT = Path(__file__).resolve().parents[2]

#: Every setting with its default.  Documented in docs/WEB.md.
DEFAULTS: dict[str, Any] = {
    # data
    "DATABASE_URL": None,  # None: $DATABASE_URL or <instance>/tpm.sqlite
    # security
    "PRIVATE_READS": False,  # true: every read needs a token with the "read" scope
    "API_TOKENS": [],  # extra token hashes ("sha256:<hex>" or {"hash","scopes"})
    "TOKENS_FILE": None,  # None: <instance>/api-tokens.json
    "EXTRACT_REQUIRES_TOKEN": False,  # POST /api/extract stores nothing; public by default
    "MAX_CONTENT_LENGTH": 1024 * 1024,  # bytes; larger request bodies get 413
    # per client (token or address); "map" counts map renders (/embed), "geocode" lookups
    "RATE_LIMITS": {
        "extract": "30/minute",
        "ingest": "120/minute",
        "edit": "120/minute",
        "geocode": "600/minute",
        "map": "300/minute",
    },
    "RATE_LIMIT_ENABLED": True,
    "TRUSTED_PROXIES": 0,  # number of reverse proxies whose X-Forwarded-* to trust
    "CORS_ORIGINS": [],  # origins allowed to read /api, /ogc, /openapi.json ("*")
    "FRAME_ANCESTORS": "*",  # CSP frame-ancestors of /embed/* (space-separated)
    "MAP_TILE_ORIGINS": ["https://tile.openstreetmap.org"],  # img-src for basemap=osm
    "HSTS": False,  # send Strict-Transport-Security (behind HTTPS only)
    "TRUSTED_HOSTS": None,  # e.g. ["maps.example.org"]: other Host headers get 400
    # OGC API – Features
    "BASE_URL": None,  # absolute URL of the service for links; None: from request
    "OGC_DEFAULT_LIMIT": 100,
    "OGC_MAX_LIMIT": 10000,
    # caching
    "RESPONSE_CACHE_SIZE": 256,  # cached JSON responses (0: off)
    "MAP_CACHE_SIZE": 32,  # cached map pages (0: off)
    "DATA_CHECK_SECONDS": 1.0,  # how often a worker checks whether the store changed
    "CACHE_MAX_AGE": 60.0,  # seconds after which any cached entry is rebuilt
    "HTTP_MAX_AGE": 60,  # Cache-Control max-age of public reads
    "SERVICE_TITLE": "Troop-presence map",
}

_BOOL_KEYS = ("PRIVATE_READS", "EXTRACT_REQUIRES_TOKEN", "RATE_LIMIT_ENABLED", "HSTS")
_INT_KEYS = (
    "MAX_CONTENT_LENGTH",
    "TRUSTED_PROXIES",
    "OGC_DEFAULT_LIMIT",
    "OGC_MAX_LIMIT",
    "RESPONSE_CACHE_SIZE",
    "MAP_CACHE_SIZE",
    "HTTP_MAX_AGE",
)
_FLOAT_KEYS = ("DATA_CHECK_SECONDS", "CACHE_MAX_AGE")
_RATE_RE = re.compile(
    r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour|d|day)s?\s*$", re.I
)
_UNIT_SECONDS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
# a CSP source expression: a scheme, a host (with optional scheme, port, path), or a keyword
_CSP_SOURCE_RE = re.compile(
    r"^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:|"
    r"(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?(?:/[\w./~%-]*)?)$",
    re.I,
)
_ORIGIN_RE = re.compile(r"^https?://[a-z0-9.-]+(?::\d{1,5})?$", re.I)


def instance_path() -> Path:
    """``$TPM_INSTANCE_PATH`` or ``<project>/instance`` (the store uses the same rule)."""
    env = os.environ.get("TPM_INSTANCE_PATH")
    return Path(env).resolve() if env else ROOT / "instance"


def env_settings(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Settings from the environment: ``DATABASE_URL`` and ``TPM_<KEY>`` for known keys."""
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {}
    if env.get("DATABASE_URL", "").strip():
        out["DATABASE_URL"] = env["DATABASE_URL"].strip()
    for key in DEFAULTS:
        raw = env.get(f"TPM_{key}")
        if raw is None:
            continue
        try:
            out[key] = json.loads(raw)
        except ValueError:
            out[key] = raw
    return out


def read_instance_file(path: Path) -> dict[str, Any]:
    """Upper-case names defined by a Python config file (Flask's ``from_pyfile`` rule)."""
    if not path.is_file():
        return {}
    namespace: dict[str, Any] = {"__file__": str(path)}
    code = compile(path.read_bytes(), str(path), "exec")
    exec(code, namespace)
    return {k: v for k, v in namespace.items() if k.isupper()}


def load_config(
    config: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    instance: Path | None = None,
) -> dict[str, Any]:
    """Merge defaults, the instance ``config.py``, the environment and ``config``."""
    inst = instance or instance_path()
    merged: dict[str, Any] = dict(DEFAULTS)
    merged.update(read_instance_file(inst / "config.py"))
    merged.update(env_settings(environ))
    if config:
        merged.update(config)
    merged["INSTANCE_PATH"] = str(inst)
    return normalize(merged)


def _bool(key: str, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    if isinstance(v, str) and v.strip().lower() in (
        "1",
        "true",
        "yes",
        "on",
        "0",
        "false",
        "no",
        "off",
        "",
    ):
        return v.strip().lower() in ("1", "true", "yes", "on")
    raise InputError(f"setting {key} must be true or false")


def _list(v: Any) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [x for x in re.split(r"[\s,]+", v.strip()) if x]
    return [str(x) for x in v]


def parse_rate(spec: str | None) -> tuple[float, float] | None:
    """``"30/minute"`` → (capacity 30, refill 0.5 tokens/s); ``None``/"" → no limit."""
    if spec in (None, "", "none", "off"):
        return None
    m = _RATE_RE.match(str(spec))
    if not m:
        raise InputError(f"rate limit {str(spec)[:40]!r} must look like 30/minute")
    n, mult, unit = int(m.group(1)), int(m.group(2) or 1), m.group(3).lower()
    period = mult * _UNIT_SECONDS[unit]
    if n < 1 or period < 1:
        raise InputError(f"rate limit {spec!r} must allow at least one request")
    return float(n), n / period


def normalize(cfg: dict[str, Any]) -> dict[str, Any]:
    """Check and coerce the settings the web layer reads (raises :class:`InputError`)."""
    for k in _BOOL_KEYS:
        cfg[k] = _bool(k, cfg.get(k))
    for k in _INT_KEYS:
        try:
            cfg[k] = int(cfg.get(k))
        except (TypeError, ValueError):
            raise InputError(f"setting {k} must be a whole number") from None
        if cfg[k] < 0:
            raise InputError(f"setting {k} must not be negative")
    for k in _FLOAT_KEYS:
        try:
            cfg[k] = float(cfg.get(k))
        except (TypeError, ValueError):
            raise InputError(f"setting {k} must be a number") from None
    if cfg["OGC_DEFAULT_LIMIT"] < 1 or cfg["OGC_MAX_LIMIT"] < cfg["OGC_DEFAULT_LIMIT"]:
        raise InputError("OGC_DEFAULT_LIMIT must be ≥ 1 and ≤ OGC_MAX_LIMIT")
    limits = cfg.get("RATE_LIMITS") or {}
    if not isinstance(limits, Mapping):
        raise InputError("setting RATE_LIMITS must map a bucket name to a rate such as 30/minute")
    merged_limits = dict(DEFAULTS["RATE_LIMITS"])
    merged_limits.update(limits)
    for spec in merged_limits.values():
        parse_rate(spec)
    cfg["RATE_LIMITS"] = merged_limits
    cors = cfg.get("CORS_ORIGINS")
    cfg["CORS_ORIGINS"] = ["*"] if cors in ("*", ["*"]) else _list(cors)
    for o in cfg["CORS_ORIGINS"]:
        if o != "*" and not _ORIGIN_RE.match(o):
            raise InputError(f"CORS origin {o[:60]!r} must look like https://host[:port]")
    cfg["FRAME_ANCESTORS"] = (
        " ".join(check_csp_sources(cfg.get("FRAME_ANCESTORS"), "FRAME_ANCESTORS")) or "'none'"
    )
    cfg["MAP_TILE_ORIGINS"] = check_csp_sources(cfg.get("MAP_TILE_ORIGINS"), "MAP_TILE_ORIGINS")
    base = cfg.get("BASE_URL")
    if base:
        base = str(base).rstrip("/")
        if not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", base):
            raise InputError("BASE_URL must be an absolute http(s) URL")
        cfg["BASE_URL"] = base
    else:
        cfg["BASE_URL"] = None
    cfg["TRUSTED_HOSTS"] = _list(cfg.get("TRUSTED_HOSTS")) or None
    tokens = cfg.get("API_TOKENS") or []
    if isinstance(tokens, (str, dict)):
        tokens = [tokens]
    cfg["API_TOKENS"] = list(tokens)
    if not cfg.get("TOKENS_FILE"):
        cfg["TOKENS_FILE"] = str(Path(cfg["INSTANCE_PATH"]) / "api-tokens.json")
    return cfg


def check_csp_sources(value: Any, key: str) -> list[str]:
    """A list of CSP source expressions; anything that could break the header is refused."""
    out = []
    raw = value if isinstance(value, str) else " ".join(map(str, value or ()))
    if any(c in raw for c in "\r\n\x00;"):
        raise InputError(f"setting {key} must not contain line breaks or ';'")
    for src in _list(value):
        if not _CSP_SOURCE_RE.match(src) or (
            any(c in src for c in ";,\r\n\"'") and src not in ("'self'", "'none'")
        ):
            raise InputError(f"setting {key}: {src[:60]!r} is not a CSP source expression")
        out.append(src)
    return out
