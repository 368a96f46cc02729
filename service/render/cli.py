"""CLI commands of the render layer: ``assets`` and ``render``.

Imported by ``service.cli`` at every start: keep imports inside the handlers (no folium here).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import quote

from ..cli import command
from ..errors import InputError


def _setup_assets(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.add_argument(
        "--node-modules",
        type=Path,
        default=None,
        help="where `npm ci` installed the packages (default ./node_modules)",
    )


@command("assets", _setup_assets)
def _assets(args: argparse.Namespace) -> int:
    """Copy Leaflet and plugin files from node_modules into service/static/vendor."""
    from .assets import install_assets

    install_assets(args.node_modules, quiet=args.quiet)
    return 0


def _setup_render(p: argparse.ArgumentParser) -> None:
    when = p.add_mutually_exclusive_group()
    when.add_argument("--date", help="static map of the posture on this date (YYYY-MM-DD)")
    when.add_argument(
        "--from",
        dest="date_from",
        metavar="D1",
        help="change map: what changed from D1 (needs --to)",
    )
    p.add_argument("--to", dest="date_to", metavar="D2", help="change map: … to D2")
    p.add_argument("--lang", choices=("en", "ar"), default="en", help="map language")
    p.add_argument(
        "--inline-assets",
        action="store_true",
        help="one self-contained HTML file (opens from disk with no network)",
    )
    p.add_argument(
        "--assets-url",
        metavar="PREFIX",
        help="link assets under this URL prefix (default: a relative path to "
        "service/static/vendor from the output file)",
    )
    p.add_argument(
        "--basemap",
        choices=("offline", "osm", "none"),
        default="offline",
        help="offline country/province polygons (default), plus online OSM tiles, or nothing",
    )
    p.add_argument("--actor", help="only this actor (US, GB, COALITION, NATO …)")
    p.add_argument("--plan", help="project this plan's phases")
    p.add_argument(
        "--layers",
        help="comma-separated subset of: sites, areas, phases, moves, mentioned, changes, basemap",
    )
    p.add_argument("--title", help="map title")
    p.add_argument(
        "--database",
        metavar="URL",
        help="store URL (default DATABASE_URL or the instance SQLite file)",
    )
    p.add_argument("-o", "--output", required=True, help="output HTML file ('-' for stdout)")


@command("render", _setup_render)
def _render(args: argparse.Namespace) -> int:
    """Render the posture map (time slider, one date, or changes) to an HTML file."""
    from .maps import render_map
    from .output import map_html, save_map

    if (args.date_from is None) != (args.date_to is None):
        raise InputError("--from and --to go together")
    if args.inline_assets:
        assets = "inline"
    elif args.assets_url:
        assets = args.assets_url
    elif args.output == "-":
        assets = "/static/vendor"
    else:
        assets = relative_vendor_url(Path(args.output))
    layers = None
    if args.layers:
        layers = [x.strip() for x in args.layers.split(",") if x.strip()]
    store = _open_store(args.database)
    m = render_map(
        store,
        args.date,
        date_from=args.date_from,
        date_to=args.date_to,
        layers=layers,
        basemap=args.basemap,
        assets=assets,
        lang=args.lang,
        actor=args.actor,
        plan=args.plan,
        title=args.title,
    )
    if args.output == "-":
        sys.stdout.write(map_html(m))
        return 0
    path = save_map(m, args.output)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)
    return 0


def relative_vendor_url(output: Path) -> str:
    """URL of service/static/vendor relative to the output file's folder."""
    from .assets import VENDOR_DIR

    rel = os.path.relpath(VENDOR_DIR, output.resolve().parent)
    return quote(Path(rel).as_posix())


def _open_store(url: str | None):
    try:
        from ..store import Store
    except ImportError as exc:  # the store package is not installed in this checkout
        raise InputError(f"the store is not available ({exc})") from None
    return Store.open(url)
