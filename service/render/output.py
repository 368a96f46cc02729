"""Write a rendered map to a file or a string."""

from __future__ import annotations

from pathlib import Path


def map_html(m) -> str:
    """The whole HTML page of a map (assets as the map's asset mode says)."""
    return m.get_root().render()


def save_map(m, path: str | Path) -> Path:
    """Write the map's page to ``path`` (UTF-8) atomically; returns the path."""
    path = Path(path)
    html = map_html(m)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
