"""Architecture rules: one-way dependencies, and nothing runs at import time."""

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "service"
RANK = {
    "domain": 0,
    "errors": 0,
    "actors": 0,
    "gazetteer": 1,
    "extract": 2,
    "store": 3,
    "bulk": 4,
    "render": 4,
    "web": 5,
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = path.relative_to(PKG).parts[:-1]
                base = list(parts[: len(parts) - node.level + 1]) if node.level > 1 else list(parts)
                yield ".".join(["service", *base, node.module or ""]).rstrip(".")
            elif node.module:
                yield node.module


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "service" or len(parts) < 2:
        return None
    return parts[1]


def test_only_web_imports_flask_and_only_render_imports_folium():
    for path in PKG.rglob("*.py"):
        layer = path.relative_to(PKG).parts[0].removesuffix(".py")
        for mod in _imports(path):
            top = mod.split(".")[0]
            if top == "flask":
                assert layer == "web", f"{path} imports flask"
            if top in ("folium", "branca"):
                assert layer == "render", f"{path} imports {top}"


def test_dependencies_point_down():
    for path in PKG.rglob("*.py"):
        layer = path.relative_to(PKG).parts[0].removesuffix(".py")
        if layer not in RANK:
            continue
        for mod in _imports(path):
            other = _layer(mod)
            if other in RANK and other != layer:
                assert RANK[other] <= RANK[layer], f"{path}: {layer} imports {other}"


def test_import_does_no_work():
    code = (
        "import sys, time; t=time.perf_counter(); import service, service.gazetteer, "
        "service.extract, service.cli; "
        "assert time.perf_counter()-t < 5; "
        "assert 'flask' not in sys.modules and 'folium' not in sys.modules; "
        "from service.gazetteer import index; assert not index._CACHE"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PKG.parent)
