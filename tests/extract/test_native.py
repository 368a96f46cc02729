"""The compiled (mypyc) build of the hot modules: used only when current, same output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service import _native

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CI = os.environ.get("CI", "").lower() == "true"


def _need_build() -> None:
    if _native.active():
        return
    if CI:
        pytest.fail("CI=true: the compiled extractor (scripts/build_native.py) is not in use")
    pytest.skip("no compiled build of the extractor (make builds one)")


def _articles() -> list[Path]:
    files = sorted((ROOT / "data" / "articles").glob("*.txt"))
    files += sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".html"))
    return files


_DUMP = """
import json, sys
from service.extract import extract_article, extraction_json
from service.gazetteer import load_gazetteer
from service import _native
gaz = load_gazetteer()
out = {"active": _native.active(), "runs": {}}
for f in sys.argv[1:]:
    for pub in ("2024-09-06", "2025-08-15"):
        try:
            r = extraction_json(extract_article(open(f, "rb").read(), published=pub, gazetteer=gaz))
        except Exception as exc:  # the same error in both builds counts as agreement
            r = repr(exc)
        out["runs"][f + "@" + pub] = r
print(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))
"""


def _dump(files: list[Path], native: bool) -> dict:
    env = dict(os.environ, TPM_NATIVE="1" if native else "0", PYTHONHASHSEED="0")
    proc = subprocess.run(
        [sys.executable, "-c", _DUMP, *map(str, files)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def test_compiled_and_pure_python_give_the_same_extractions():
    _need_build()
    files = _articles()
    assert len(files) > 100
    native, pure = _dump(files, native=True), _dump(files, native=False)
    assert native["active"] and not pure["active"]
    assert native["runs"].keys() == pure["runs"].keys()
    differ = [k for k in pure["runs"] if native["runs"][k] != pure["runs"][k]]
    assert not differ, differ[:5]
    # the comparison is about real output, not two empty lists
    assert sum(len(r["movements"]) for r in pure["runs"].values() if isinstance(r, dict)) > 100


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    for m in _native.MODULES:
        dst = _native.source_path(m, root)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(_native.source_path(m), dst)
    return root


def _write_manifest(folder: Path, root: Path, **override) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"python": _native.python_tag(), "sources": _native.source_hashes(root)}
    manifest.update(override)
    (folder / _native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_a_build_counts_only_for_the_sources_it_was_built_from(tmp_path):
    root, build = _tree(tmp_path), tmp_path / "native"
    assert not _native.manifest_matches(build, root)  # no build at all
    _write_manifest(build, root)
    assert _native.manifest_matches(build, root)
    # one edited module makes the whole build stale: the group shares one library
    edited = _native.source_path(_native.MODULES[-1], root)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not _native.manifest_matches(build, root)
    _write_manifest(build, root)
    assert _native.manifest_matches(build, root)


def test_a_build_for_another_python_or_a_broken_manifest_is_not_used(tmp_path):
    root, build = _tree(tmp_path), tmp_path / "native"
    _write_manifest(build, root, python="cpython-27")
    assert not _native.manifest_matches(build, root)
    (build / _native.MANIFEST).write_text("{not json", encoding="utf-8")
    assert not _native.manifest_matches(build, root)
    (build / _native.MANIFEST).write_text("[]", encoding="utf-8")
    assert not _native.manifest_matches(build, root)


def _active_with(**env: str) -> bool:
    code = "from service import _native; print(_native.active())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip() == "True"


def test_tpm_native_0_runs_the_python_source(tmp_path):
    assert not _active_with(TPM_NATIVE="0")
    # and an empty build folder is no build
    assert not _active_with(TPM_NATIVE="1", TPM_NATIVE_DIR=str(tmp_path))
