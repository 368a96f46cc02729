"""Command-line interface.

Output formats are contracts that other programs read (documented in README.md); change
them only compatibly.  Errors go to stderr as ``error: <message>`` with a non-zero status:
1 for "not found", 2 for bad input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .errors import NotFoundError, ServiceError

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Handler]] = {}


def command(name: str, setup: Callable[[argparse.ArgumentParser], None]):
    """Register a sub-command (its argument setup and its handler)."""

    def deco(fn: Handler) -> Handler:
        _COMMANDS[name] = (setup, fn)
        return fn

    return deco


def _print_json(obj: Any, *, pretty: bool = False) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    sys.stdout.write("\n")


# ---------------------------------------------------------------------------- gazetteer
def _setup_geocode(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help="a place name in any script or spelling")
    p.add_argument("--all", action="store_true", help="every candidate, best first")
    p.add_argument("--kind", help="only places of this kind")
    p.add_argument("--country", help="only places in this country (ISO alpha-2)")
    p.add_argument("--no-fuzzy", action="store_true", help="exact names only")


@command("geocode", _setup_geocode)
def _geocode(args: argparse.Namespace) -> int:
    from .gazetteer.geocoder import geocoder_from_env

    gc = geocoder_from_env()
    if args.no_fuzzy and hasattr(gc, "fuzzy"):
        gc.fuzzy = False
    res = gc.geocode(args.query, exactly_one=not args.all, kind=args.kind, country=args.country)
    if not res:
        raise NotFoundError(f"no place called {args.query[:80]!r} in the gazetteer")
    locs = res if isinstance(res, list) else [res]
    rows = [_loc_json(loc) for loc in locs]
    _print_json(rows if args.all else rows[0])
    return 0


def _loc_json(loc: Any) -> dict[str, Any]:
    raw = dict(loc.raw)
    raw.pop("geometry", None)
    raw.setdefault("lat", loc.latitude)
    raw.setdefault("lon", loc.longitude)
    keys = (
        "id",
        "name",
        "name_ar",
        "kind",
        "subkind",
        "country",
        "lat",
        "lon",
        "parents",
        "score",
        "source",
    )
    return {k: raw.get(k) for k in keys}


def _setup_places(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help="country, admin1, region, city or installation")
    p.add_argument("--country", help="ISO alpha-2 code")
    p.add_argument(
        "--polygons",
        action="store_true",
        help="write polygons where a place has one (default: points)",
    )


@command("places", _setup_places)
def _places(args: argparse.Namespace) -> int:
    from .gazetteer import load_gazetteer
    from .gazetteer.export import places_geojson

    gaz = load_gazetteer()
    _print_json(places_geojson(gaz, kind=args.kind, country=args.country, polygons=args.polygons))
    return 0


def _setup_index(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rebuild", action="store_true", help="ignore a cached index")


@command("index", _setup_index)
def _index(args: argparse.Namespace) -> int:
    import time

    from .gazetteer import load_gazetteer

    t0 = time.perf_counter()
    gaz = load_gazetteer(rebuild=args.rebuild)
    print(
        f"gazetteer {gaz.version}: {len(gaz)} places, {len(gaz.exact)} names "
        f"({time.perf_counter() - t0:.1f} s)",
        file=sys.stderr,
    )
    return 0


# ---------------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m service",
        description="Troop-presence map service: gazetteer, extraction, store, maps, API.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (setup, fn) in _COMMANDS.items():
        p = sub.add_parser(name, help=(fn.__doc__ or "").strip().split("\n")[0] or None)
        setup(p)
        p.set_defaults(handler=fn)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit status."""
    _load_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except NotFoundError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _load_commands() -> None:
    """Import modules that register more commands (kept lazy: nothing at import time)."""
    import importlib

    for mod in (
        "service.extract.cli",
        "service.bulk.cli",
        "service.store.cli",
        "service.render.cli",
        "service.web.cli",
    ):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name and not mod.startswith(exc.name):
                raise
