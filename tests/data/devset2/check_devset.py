"""Consistency check for the second dev/eval set (devset2) in this folder.

Usage:  python tests/data/devset2/check_devset.py   (exit code 0 = OK)

The checks are those of ../devset/check_devset.py, run on this folder; the labelling
conventions are those of ../devset/README.md.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    checker = runpy.run_path(str(HERE.parent / "devset" / "check_devset.py"))
    return checker["main"](HERE)


if __name__ == "__main__":
    sys.exit(main())
