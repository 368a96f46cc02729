"""The web layer: a thin Flask adapter over the store, the render layer and the extractor.

``create_app(config)`` is the application factory (``gunicorn "service.web:create_app()"``).
Importing this package does nothing: Flask is imported when ``create_app`` is first used, and
the framework-free core (:mod:`.core`, :mod:`.api`, :mod:`.ogc`, :mod:`.pages`,
:mod:`.openapi`, :mod:`.security`, :mod:`.config`) never imports it.  Only this package
imports Flask.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(config: dict[str, Any] | None = None):
    """Build the Flask application (see :func:`service.web.factory.create_app`)."""
    from .factory import create_app as _create

    return _create(config)
