"""Maps of the store's posture: layered, time-aware, offline Folium maps (issue 5).

``render_map(store, date=None, ...)`` returns a ``folium.Map``; ``save_map`` writes it.
Only this package imports folium/branca, and only when a map is made (nothing at import).
"""

from __future__ import annotations

from typing import Any

__all__ = ["install_assets", "render_map", "save_map"]


def __getattr__(name: str) -> Any:
    if name == "render_map":
        from .maps import render_map

        return render_map
    if name == "save_map":
        from .output import save_map

        return save_map
    if name == "install_assets":
        from .assets import install_assets

        return install_assets
    raise AttributeError(name)
