"""Optional compiled (mypyc) build of the extractor's hot modules.

The extractor is plain Python. ``make`` also compiles the modules in :data:`MODULES` with
mypyc into ``build/native`` (``scripts/build_native.py``); the compiled modules are about a
third faster and give the same output (``tests/extract/test_native.py`` checks both).

They are used only when every source file still has the hash recorded at build time, so an
edited ``.py`` is never shadowed by a stale build: the package falls back to the source
until ``make`` builds again. ``TPM_NATIVE=0`` turns the compiled modules off;
``TPM_NATIVE_DIR`` moves the build folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path

#: modules compiled together (one mypyc group: calls between them stay in C)
MODULES = (
    "service.extract.text",
    "service.extract.numbers",
    "service.extract.dates",
    "service.extract.lexicons",
    "service.extract.claims",
    "service.gazetteer.normalize",
    "service.gazetteer.resolve",
    "service.extract.body",
    "service.extract.unresolved",
)
MANIFEST = "manifest.json"
_ROOT = Path(__file__).resolve().parent.parent


def native_dir() -> Path:
    """The folder of the compiled build (``TPM_NATIVE_DIR``, else ``build/native``)."""
    return Path(os.environ.get("TPM_NATIVE_DIR") or _ROOT / "build" / "native")


def source_path(module: str, root: Path = _ROOT) -> Path:
    """The ``.py`` file of ``module`` (a dotted name under ``service``) below ``root``."""
    return root.joinpath(*module.split(".")).with_suffix(".py")


def source_hashes(root: Path = _ROOT) -> dict[str, str]:
    """SHA-256 of each compiled module's source, by module name."""
    return {m: hashlib.sha256(source_path(m, root).read_bytes()).hexdigest() for m in MODULES}


def python_tag() -> str:
    """The interpreter an extension module is built for (``cpython-311``)."""
    return sys.implementation.cache_tag or ""


def manifest_matches(folder: Path, root: Path = _ROOT) -> bool:
    """True when ``folder`` holds a build of exactly the current sources, for this Python."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(manifest, dict)
        and manifest.get("python") == python_tag()
        and manifest.get("sources") == source_hashes(root)
    )


@cache
def _usable() -> Path | None:
    if os.environ.get("TPM_NATIVE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    folder = native_dir()
    return folder if manifest_matches(folder) else None


def use_native(package: str, path: list[str]) -> None:
    """Put the compiled build of ``package`` (``service.extract``) first on its ``__path__``.

    Called from the package's ``__init__``; does nothing when there is no up-to-date build.
    """
    folder = _usable()
    if folder is None:
        return
    sub = str(folder.joinpath(*package.split(".")))
    if sub not in path:
        path.insert(0, sub)
    if str(folder) not in sys.path:
        sys.path.append(str(folder))  # the group's shared library is a top-level module


def active() -> bool:
    """True when the extractor runs compiled (checked on the loaded module, not the files)."""
    from .extract import claims

    return not str(getattr(claims, "__file__", "")).endswith(".py")
