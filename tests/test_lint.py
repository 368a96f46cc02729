"""ruff (lint + format check) over the packages that follow the house style strictly."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = [
    "service/gazetteer",
    "service/extract",
    "service/domain.py",
    "service/errors.py",
    "service/cli.py",
    "service/_native.py",
    "scripts/build_native.py",
    "tests/gazetteer",
    "tests/extract",
    "bench/run.py",
]


def test_ruff_check():
    r = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *PATHS], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr
