"""Compile the extractor's hot modules with mypyc into ``build/native`` (see service/_native.py).

Usage: ``python scripts/build_native.py [--force]``. Does nothing when the build matches the
sources. Without a C compiler or mypyc it says so and exits 0, and the package runs as plain
Python, unless ``CI=true``, where a failed build is an error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import _native  # noqa: E402

SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(
    name="tpm-native",
    packages=[],
    py_modules=[],
    ext_modules=mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *{paths!r}],
        opt_level="3",
        group_name="tpm_native",
        target_dir={target!r},
    ),
)
"""


def build(out: Path) -> None:
    """Compile :data:`service._native.MODULES` into ``out`` and write its manifest."""
    hashes = _native.source_hashes(ROOT)
    with tempfile.TemporaryDirectory(prefix="tpm-native-") as tmp:
        work = Path(tmp)
        # compile a copy of the package (mypy reads the modules the compiled ones import),
        # so the source tree never gets .so files that would shadow its .py files
        shutil.copytree(
            ROOT / "service",
            work / "service",
            ignore=shutil.ignore_patterns("static", "templates", "__pycache__", "*.so"),
        )
        paths = [str(Path(*m.split(".")).with_suffix(".py")) for m in _native.MODULES]
        (work / "setup_native.py").write_text(
            SETUP.format(paths=paths, target=str(work / "c")), encoding="utf-8"
        )
        lib = work / "lib"
        cmd = [sys.executable, "setup_native.py", "-q", "build_ext"]
        cmd += ["--build-lib", str(lib), "--build-temp", str(work / "tmp")]
        proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        if proc.returncode != 0:  # mypy's type errors or the compiler's, for the reader
            log = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "warning:" not in ln]
            print("\n".join(log[-40:]), file=sys.stderr)
            raise RuntimeError(f"mypyc exited with status {proc.returncode}")
        if _native.source_hashes(ROOT) != hashes:
            raise RuntimeError("sources changed during the build; run it again")
        staged = out.with_name(out.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(lib, staged)
    manifest = {"python": _native.python_tag(), "sources": hashes}
    (staged / _native.MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    staged.rename(out)


def main(argv: list[str]) -> int:
    out = _native.native_dir()
    if "--force" not in argv and _native.manifest_matches(out):
        return 0
    print(f"compiling {len(_native.MODULES)} extractor modules with mypyc into {out} …")
    try:
        build(out)
    except (ImportError, OSError, RuntimeError) as exc:
        shutil.rmtree(out, ignore_errors=True)  # never leave a half build behind
        msg = f"native build failed ({exc}); the extractor runs as plain Python"
        if os.environ.get("CI", "").lower() == "true":
            print(msg, file=sys.stderr)
            return 1
        print(f"warning: {msg}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
