"""``extract`` and ``evaluate`` sub-commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cli import command
from ..errors import InputError, ServiceError


def _setup_extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="article text or HTML ('-' = stdin)")
    p.add_argument("--published", help="publication date YYYY-MM-DD")
    p.add_argument("--lang", default="auto", choices=("auto", "ar", "en"))


@command("extract", _setup_extract)
def _extract(args: argparse.Namespace) -> int:
    """Extract places, force levels and movements; one JSON object per file."""
    from ..domain import parse_iso_date
    from . import extract_article

    published = parse_iso_date(args.published, field_name="--published")
    status = 0
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else _read(name)
            ex = extract_article(data, published=published, lang=args.lang, source=name)
        except ServiceError as exc:
            print(f"error: {name}: {exc.message}", file=sys.stderr)
            status = 2
            continue
        sys.stdout.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
    return status


def _read(name: str) -> bytes:
    path = Path(name)
    if not path.is_file():
        raise InputError(f"no such file: {name}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None


def _setup_eval(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="folder of articles with .expected.json labels")
    p.add_argument("--details", action="store_true", help="print misses per article")


@command("evaluate", _setup_eval)
def _evaluate(args: argparse.Namespace) -> int:
    """Score the extractor on a labelled folder (precision/recall per field)."""
    from ..gazetteer import load_gazetteer
    from .evaluate import evaluate_dir

    rep = evaluate_dir(Path(args.folder), load_gazetteer())
    print(rep.table())
    if args.details:
        print(json.dumps(rep.details, ensure_ascii=False, indent=1))
    return 0
