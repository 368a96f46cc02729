"""Store sub-commands of ``python -m service`` (registered when :mod:`service.cli` loads them).

ingest, posture, timeline, changes, scenario (load | validate), export, import, db
(upgrade | current) and load-bundled.  The database is ``$DATABASE_URL`` (default: the
instance SQLite file).  Bad input exits with status 2 and ``error: <message>`` on stderr.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from ..cli import _print_json, command
from ..errors import InputError


def _date_arg(value: str) -> dt.date:
    from .store import parse_day

    try:
        return parse_day(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _open_store():
    from .store import Store

    return Store.open()


def _read_meta(path: Path) -> dict[str, Any]:
    """The sidecar ``<name>.meta.yaml`` / ``.meta.json`` of an article, if any."""
    for suffix in (".meta.yaml", ".meta.yml", ".meta.json"):
        meta = path.with_name(path.stem + suffix)
        if meta.exists():
            text = meta.read_text(encoding="utf-8")
            if suffix == ".meta.json":
                data = json.loads(text)
            else:
                import yaml

                data = yaml.load(text, Loader=_text_date_loader())
            if not isinstance(data, dict):
                raise InputError(f"{meta.name}: expected a mapping")
            return data
    return {}


def _text_date_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _ingest_file(
    store, path: Path, *, published=None, outlet=None, url=None, title=None, lang="auto"
) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"file {path.name!r} not found") from None
    except UnicodeDecodeError:
        raise InputError(f"file {path.name!r} is not UTF-8 text") from None
    meta = _read_meta(path)
    res = store.ingest_article(
        text,
        published=published or meta.get("published"),
        outlet=outlet or meta.get("outlet"),
        url=url or meta.get("url"),
        title=title or meta.get("title"),
        lang=lang if lang != "auto" else (meta.get("language") or "auto"),
        outlet_ar=meta.get("outlet_ar"),
    )
    return {"file": path.name, **res.to_dict()}


# ---------------------------------------------------------------------------- ingest
def _setup_ingest(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 article text files")
    p.add_argument("--published", type=_date_arg, help="publication date YYYY-MM-DD")
    p.add_argument("--outlet", help="the outlet's name")
    p.add_argument("--url", help="the article's URL")
    p.add_argument("--title", help="the article's title")
    p.add_argument("--lang", default="auto", help="ar, en or auto")


@command("ingest", _setup_ingest)
def _ingest(args: argparse.Namespace) -> int:
    """Extract articles and store their claims (one JSON line per file)."""
    store = _open_store()
    for f in args.files:
        _print_json(
            _ingest_file(
                store,
                Path(f),
                published=args.published,
                outlet=args.outlet,
                url=args.url,
                title=args.title,
                lang=args.lang,
            )
        )
    return 0


# ---------------------------------------------------------------------------- posture
def _setup_posture(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", required=True, type=_date_arg, help="YYYY-MM-DD")
    p.add_argument("--actor", help="actor code (a coalition includes its members)")
    p.add_argument("--bbox", help="min_lon,min_lat,max_lon,max_lat")
    p.add_argument("--plan", help="project with this plan only (id, slug or name)")
    p.add_argument("--format", choices=("geojson", "csv", "table"), default="geojson")


@command("posture", _setup_posture)
def _posture(args: argparse.Namespace) -> int:
    """The estimated force posture on a date."""
    from .results import POSTURE_CSV_COLUMNS

    if args.actor:
        from ..actors import get_actor

        get_actor(args.actor)
    posture = _open_store().posture_at(args.date, actor=args.actor, bbox=args.bbox, plan=args.plan)
    if args.format == "geojson":
        _print_json(posture.to_geojson())
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(POSTURE_CSV_COLUMNS), lineterminator="\n")
        w.writeheader()
        for row in posture.csv_rows():
            w.writerow(row)
    else:
        rows = [
            (
                p["actor"],
                p["name"],
                p["kind"],
                p["status"],
                p["basis"],
                p["label"],
                p["as_of"],
                (p["unallocated"] or {}).get("label") or "",
                str(len(p["sources"])),
                str(len(p["conflicts"])),
            )
            for p in posture.rows
        ]
        _table(
            (
                "actor",
                "place",
                "kind",
                "status",
                "basis",
                "level",
                "as of",
                "unallocated",
                "sources",
                "conflicts",
            ),
            rows,
        )
    return 0


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    rows = [tuple("" if v is None else str(v) for v in r) for r in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    out = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)),
        "  ".join("-" * w for w in widths),
    ]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=False)) for r in rows]
    sys.stdout.write("\n".join(out) + "\n")


# ---------------------------------------------------------------------------- timeline
def _setup_timeline(p: argparse.ArgumentParser) -> None:
    p.add_argument("place", metavar="PLACE", help="place id (country:IQ …) or name")
    p.add_argument("--actor", help="actor code")
    p.add_argument("--format", choices=("json", "table"), default="json")


@command("timeline", _setup_timeline)
def _timeline(args: argparse.Namespace) -> int:
    """The step series of force levels at a place, reported and projected."""
    store = _open_store()
    pid = store.resolve_place(args.place)
    steps = store.timeline(pid, actor=args.actor)
    if args.format == "json":
        _print_json({"place_id": pid, "steps": [s.to_dict() for s in steps]})
    else:
        _table(
            ("from", "until", "actor", "status", "basis", "level", "as of", "plan", "source"),
            [
                (
                    s.start,
                    s.end or "",
                    s.actor,
                    s.status,
                    s.basis,
                    s.label,
                    s.as_of,
                    s.plan or "",
                    "; ".join(
                        filter(
                            None,
                            ((x.get("outlet") or x.get("title") or "analyst") for x in s.sources),
                        )
                    ),
                )
                for s in steps
            ],
        )
    return 0


# ---------------------------------------------------------------------------- changes
def _setup_changes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", required=True, type=_date_arg)
    p.add_argument("--to", dest="date_to", required=True, type=_date_arg)
    p.add_argument("--actor", help="actor code")
    p.add_argument("--format", choices=("geojson", "json", "table"), default="json")


@command("changes", _setup_changes)
def _changes(args: argparse.Namespace) -> int:
    """What changed between two dates, place by place."""
    ch = _open_store().changes(args.date_from, args.date_to, actor=args.actor)
    if args.format == "geojson":
        _print_json(ch.to_geojson())
    elif args.format == "json":
        _print_json([c.to_dict() for c in ch])
    else:
        _table(
            ("change", "actor", "place", "to", "before", "after"),
            [
                (
                    c.kind,
                    c.actor,
                    c.name,
                    c.to_name or "",
                    (c.before or {}).get("label", ""),
                    (c.after or {}).get("label", ""),
                )
                for c in ch
            ],
        )
    return 0


# ---------------------------------------------------------------------------- scenario
def _setup_scenario(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("load", "validate"))
    p.add_argument("files", nargs="+", metavar="FILE", help="scenario YAML files")


@command("scenario", _setup_scenario)
def _scenario(args: argparse.Namespace) -> int:
    """Validate or load analyst scenario files (YAML)."""
    store = _open_store()
    for f in args.files:
        if args.action == "load":
            _print_json({"file": Path(f).name, **store.load_scenario(f).to_dict()})
        else:
            from .scenario import parse_scenario_file

            with_cache = store._place_checker(_cache(store))
            sc = parse_scenario_file(f, place_exists=with_cache)
            _print_json(
                {
                    "file": Path(f).name,
                    "valid": True,
                    "scenario": sc.slug,
                    "observations": len(sc.records.observations),
                    "plans": len(sc.records.plans),
                    "places": len(sc.places),
                }
            )
    return 0


def _cache(store):
    from . import db

    with db.read(store.engine) as conn:
        return store._place_cache(conn)


# ---------------------------------------------------------------------------- export/import
def _setup_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("gpkg", "geojson", "csv", "kml"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")


@command("export", _setup_export)
def _export(args: argparse.Namespace) -> int:
    """Write the whole store to GeoPackage, GeoJSON, CSV or KML."""
    out = _open_store().export(args.output, args.format)
    _print_json({"file": str(out), "format": args.format or out.suffix.lstrip(".")})
    return 0


def _setup_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("gpkg", "geojson", "csv"))


@command("import", _setup_import)
def _import(args: argparse.Namespace) -> int:
    """Load a file written by export (GeoPackage, GeoJSON or CSV)."""
    _print_json(_open_store().import_file(args.file, args.format))
    return 0


# ---------------------------------------------------------------------------- db
def _setup_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("upgrade", "current"))


@command("db", _setup_db)
def _db(args: argparse.Namespace) -> int:
    """Database schema: upgrade to the newest migration, or show the current one."""
    from . import db

    engine = db.make_engine()
    try:
        if args.action == "upgrade":
            from .store import Store

            rev = Store(engine).upgrade()
        else:
            rev = db.current_revision(engine)
        _print_json(
            {
                "revision": rev,
                "head": db.head_revision(),
                "database": engine.url.render_as_string(hide_password=True),
            }
        )
    finally:
        engine.dispose()
    return 0


# ---------------------------------------------------------------------------- load-bundled
def _setup_load_bundled(p: argparse.ArgumentParser) -> None:
    from .db import project_root

    root = project_root() / "data"
    p.add_argument("--articles", default=str(root / "articles"), help=argparse.SUPPRESS)
    p.add_argument("--scenarios", default=str(root / "scenarios"), help=argparse.SUPPRESS)


@command("load-bundled", _setup_load_bundled)
def _load_bundled(args: argparse.Namespace) -> int:
    """Ingest data/articles/*.txt and load data/scenarios/*.yaml (idempotent)."""
    from ..errors import DataError

    store = _open_store()
    articles = sorted(Path(args.articles).glob("*.txt"))
    for path in articles:
        try:
            _print_json(_ingest_file(store, path))
        except DataError as exc:
            print(f"warning: {path.name} not ingested: {exc.message}", file=sys.stderr)
    for path in sorted([*Path(args.scenarios).glob("*.yaml"), *Path(args.scenarios).glob("*.yml")]):
        _print_json({"file": path.name, **store.load_scenario(path).to_dict()})
    counts = store.counts()
    print(
        f"store: {counts['sources']} sources, {counts['observations']} observations, "
        f"{counts['plans']} plans",
        file=sys.stderr,
    )
    return 0
