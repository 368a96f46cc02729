"""Consistency check for the hand-written held-out evaluation set in this folder.

Usage:  python tests/data/heldout/check_heldout.py   (exit code 0 = OK)

The checks are those of ../devset/check_devset.py, run on this folder (articles of
120-450 words); the labelling conventions are in README.md here and in ../devset/README.md.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    checker = runpy.run_path(str(HERE.parent / "devset" / "check_devset.py"))
    return checker["main"](HERE, (120, 450))


if __name__ == "__main__":
    sys.exit(main())
