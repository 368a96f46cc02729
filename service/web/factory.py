"""``create_app``: the Flask adapter — configuration, hooks, error handling, headers.

Everything that decides an answer lives in the framework-free modules (:mod:`.core`,
:mod:`.api`, :mod:`.ogc`, :mod:`.pages`, :mod:`.openapi`, :mod:`.security`); this module and
:mod:`.views` only translate between HTTP (Flask/Werkzeug) and those functions.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from ..errors import AuthError, ServiceError
from .api import dumps
from .config import load_config
from .core import Service
from .security import ANONYMOUS, csp_for

STATIC = Path(__file__).resolve().parents[1] / "static"
log = logging.getLogger("service.web")

#: Paths that are public even when reads are private.
ALWAYS_PUBLIC = ("/healthz", "/static/", "/assets/")
#: Read paths that answer cross-origin requests when CORS_ORIGINS allows the origin.
CORS_PREFIXES = ("/api", "/ogc", "/openapi.json")
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    411: "length_required",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    429: "rate_limited",
    431: "request_header_fields_too_large",
    501: "not_implemented",
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application.

    Configuration: :data:`service.web.config.DEFAULTS`, then ``<instance>/config.py``, then
    the environment (``DATABASE_URL``, ``TPM_<KEY>``), then ``config``.  Nothing connects to
    the database until the first request that needs it.
    """
    cfg = load_config(config)
    app = Flask(
        "service.web",
        static_folder=str(STATIC),
        static_url_path="/static",
        instance_path=cfg["INSTANCE_PATH"],
        instance_relative_config=True,
    )
    app.config.update(cfg)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if cfg["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = cfg["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(
            app.wsgi_app,
            x_for=n,
            x_proto=n,
            x_host=n,  # type: ignore
            x_prefix=n,
        )
    svc = Service(cfg, store=(config or {}).get("STORE"))
    app.extensions["tpm"] = svc

    from . import views

    app.register_blueprint(views.pages)
    app.register_blueprint(views.api)
    app.register_blueprint(views.ogc)
    _install_hooks(app, svc)
    return app


def service_of(app: Flask) -> Service:
    return app.extensions["tpm"]


def error_body(obj: dict) -> bytes:
    """An error as JSON with ``<``, ``>`` and ``&`` escaped (an echoed excerpt of hostile
    input stays inert even if a client renders the message as HTML)."""
    return dumps(obj).replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> Response:
    resp = Response(
        error_body({"error": code, "message": message, "status": status}),
        status=status,
        mimetype="application/json",
    )
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _install_hooks(app: Flask, svc: Service) -> None:
    cfg = app.config

    @app.before_request
    def _auth():
        g.principal = ANONYMOUS
        g.csp = None
        header = request.headers.get("Authorization")
        if header:
            g.principal = svc.authenticate(header)
        if request.method == "OPTIONS":
            return _preflight()
        if (
            cfg["PRIVATE_READS"]
            and request.method in ("GET", "HEAD")
            and not g.principal.can("read")
            and not request.path.startswith(ALWAYS_PUBLIC)
        ):
            raise AuthError("reads need an API token on this server")
        return None

    def _preflight():
        origin = request.headers.get("Origin")
        if not _cors_origin(origin) or not request.path.startswith(CORS_PREFIXES):
            return Response(status=204)
        resp = Response(status=204)
        resp.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        want = request.headers.get("Access-Control-Request-Headers", "")
        allowed = [
            h.strip()
            for h in want.split(",")
            if h.strip().lower() in ("authorization", "accept", "content-type")
        ]
        if allowed:
            resp.headers["Access-Control-Allow-Headers"] = ", ".join(allowed)
        resp.headers["Access-Control-Max-Age"] = "600"
        return resp

    def _cors_origin(origin: str | None) -> str | None:
        allowed = cfg["CORS_ORIGINS"]
        if not origin or not allowed:
            return None
        if "*" in allowed:
            return "*"
        return origin if origin in allowed else None

    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError):
        headers = {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="troop-presence-map"'
        if exc.status == 429:
            headers["Retry-After"] = str(getattr(exc, "retry_after", 60))
        if exc.status >= 500:
            log.error("service error on %s %s: %s", request.method, request.path, exc.message)
        resp = Response(error_body(exc.to_dict()), status=exc.status, mimetype="application/json")
        for k, v in headers.items():
            resp.headers[k] = v
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        code = _HTTP_CODES.get(status, "http_error")
        message = {
            404: "no such page",
            405: "method not allowed",
            413: "the request body is too large",
        }.get(status) or (exc.description or code).split("\n")[0][:300]
        headers = {k: v for k, v in exc.get_headers() if k.lower() == "allow"}
        return error_response(status, code, message, headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return _http_error(exc)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "internal error")

    @app.after_request
    def _headers(resp: Response) -> Response:
        h = resp.headers
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "no-referrer")
        h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        h.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        csp = getattr(g, "csp", None)
        if csp is None:
            mt = resp.mimetype or ""
            kind = "page" if mt == "text/html" else "api"
            h.setdefault("Content-Security-Policy", csp_for(kind))
            if kind == "page":
                h.setdefault("X-Frame-Options", "SAMEORIGIN")
            else:
                h.setdefault("X-Frame-Options", "DENY")
        else:
            hashes, osm = csp
            h["Content-Security-Policy"] = csp_for(
                "map",
                frame_ancestors=_ancestors(cfg["FRAME_ANCESTORS"]),
                script_hashes=hashes,
                img_origins=cfg["MAP_TILE_ORIGINS"] if osm else (),
            )
        if cfg["HSTS"]:
            h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if request.path.startswith(CORS_PREFIXES) and request.method in ("GET", "HEAD"):
            allow = _cors_origin(request.headers.get("Origin"))
            if allow:
                h["Access-Control-Allow-Origin"] = allow
                h["Access-Control-Expose-Headers"] = "Link, Retry-After"
                if allow != "*":
                    h.add("Vary", "Origin")
        if (
            "Cache-Control" not in h
            and request.method in ("GET", "HEAD")
            and resp.status_code == 200
        ):
            if cfg["PRIVATE_READS"] or request.headers.get("Authorization"):
                h["Cache-Control"] = "private, no-store"
            elif request.path.startswith("/static/") or request.path.startswith("/assets/"):
                h["Cache-Control"] = "public, max-age=3600"
            else:
                h["Cache-Control"] = f"public, max-age={cfg['HTTP_MAX_AGE']}"
        return resp


def _ancestors(value: str) -> str:
    """The embed's frame-ancestors: the configured origins, and always this site."""
    parts = value.split()
    if "*" in parts or "'none'" in parts:
        return value if "'none'" not in parts else "'self'"
    if "'self'" not in parts:
        parts.insert(0, "'self'")
    return " ".join(parts)
