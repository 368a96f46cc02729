"""Consistency check for the second dev/eval set (devset2) in this folder.

Usage:  python tests/data/devset2/check_devset.py   (exit code 0 = OK)

The checks are those of ../devset/check_devset.py, run on this folder; the labelling
conventions are those of ../devset/README.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    spec = importlib.util.spec_from_file_location(
        "devset_check", HERE.parent / "devset" / "check_devset.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.main(HERE)


if __name__ == "__main__":
    sys.exit(main())
