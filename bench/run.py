"""Run every benchmark module in bench/ and print one table of figures.

Each ``bench_*.py`` module exposes ``run(report)``; ``report(name, value, unit, goal)``
records a row.  ``python bench/run.py [-k substring]`` runs a subset.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", default="", help="only modules whose name contains this")
    ap.add_argument("--json", help="also write the rows to this JSON file")
    args = ap.parse_args()
    rows: list[dict] = []
    failed = []

    for path in sorted(HERE.glob("bench_*.py")):
        if args.k not in path.stem:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        t0 = time.perf_counter()
        print(f"running {path.stem} …", file=sys.stderr, flush=True)

        def report(name, value, unit, goal="", _m=path.stem):
            rows.append({"module": _m, "name": name, "value": value, "unit": unit, "goal": goal})
            print(f"  {name}: {_fmt(value)} {unit}", file=sys.stderr, flush=True)

        try:
            spec.loader.exec_module(mod)
            mod.run(report)
        except Exception:
            traceback.print_exc()
            failed.append(path.stem)
        print(f"  ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    w = max([len(r["name"]) for r in rows] + [10])
    print(f"\n{'benchmark':<{w}}  {'value':>14}  {'unit':<12}  goal")
    print("-" * (w + 44))
    for r in rows:
        print(f"{r['name']:<{w}}  {_fmt(r['value']):>14}  {r['unit']:<12}  {r['goal']}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    if failed:
        print(f"\nfailed modules: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.3f}" if v < 100 else f"{v:,.0f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


if __name__ == "__main__":
    raise SystemExit(main())
