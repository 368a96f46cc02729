"""The web layer: a thin Flask adapter over the store, the render layer and the extractor.

``create_app(config)`` is the factory (Flask tutorial style); nothing happens at import
time.  This is the minimal service ``make run`` starts: the map page, an embeddable map,
and read-only JSON (places, posture, geocode).  Only this package imports Flask.
"""

from __future__ import annotations

from .factory import create_app

__all__ = ["create_app"]
