"""``create_app``: configuration, the store per application, error handling, headers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from ..errors import InputError, NotFoundError, ServiceError

STATIC = Path(__file__).resolve().parents[1] / "static"
DEFAULTS: dict[str, Any] = {
    "DATABASE_URL": None,  # None: the instance SQLite file
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "FRAME_ANCESTORS": "*",
    "MAP_CACHE_SIZE": 32,
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application.

    Configuration is read from :data:`DEFAULTS`, then ``<instance>/config.py`` if present,
    then ``TPM_*`` environment variables (``DATABASE_URL`` as is), then ``config``.
    """
    instance = os.environ.get("TPM_INSTANCE_PATH") or str(
        Path(__file__).resolve().parents[2] / "instance")
    app = Flask(__name__, static_folder=str(STATIC), static_url_path="/static",
                instance_path=os.path.abspath(instance), instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    app.config.from_prefixed_env("TPM")
    if config:
        app.config.update(config)

    from . import pages

    app.register_blueprint(pages.bp)

    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError):
        return jsonify(exc.to_dict()), exc.status

    @app.errorhandler(404)
    def _not_found(exc):
        return jsonify(NotFoundError("no such page").to_dict()), 404

    @app.errorhandler(405)
    def _method(exc):
        return jsonify({"error": "method_not_allowed", "message": "method not allowed",
                        "status": 405}), 405

    @app.errorhandler(413)
    def _too_large(exc):
        return jsonify({"error": "payload_too_large", "message": "request body too large",
                        "status": 413}), 413

    @app.errorhandler(Exception)
    def _unexpected(exc):
        from werkzeug.exceptions import HTTPException

        if isinstance(exc, HTTPException):
            return jsonify({"error": "http_error", "message": exc.description,
                            "status": exc.code}), exc.code
        app.logger.exception("unhandled error")
        return jsonify({"error": "internal_error", "message": "internal error",
                        "status": 500}), 500

    @app.after_request
    def _headers(resp: Response) -> Response:
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        ancestors = app.config["FRAME_ANCESTORS"]
        if request.path.startswith("/embed/"):
            resp.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        else:
            resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return resp

    return app


def get_store(app: Flask):
    """The application's store (opened on first use)."""
    store = app.extensions.get("tpm_store")
    if store is None:
        from ..store import Store

        store = Store.open(app.config["DATABASE_URL"])
        app.extensions["tpm_store"] = store
    return store


def arg_date(name: str = "date"):
    from ..domain import parse_iso_date

    value = request.args.get(name)
    if value is None:
        return None
    return parse_iso_date(value, field_name=name)


def bad(msg: str) -> InputError:
    return InputError(msg)
