"""HTML pages — framework-free: the index, map pages, embeds, the embed snippet, the API docs.

Pages of our own are Jinja2 templates (``templates/``, autoescaped, no inline scripts or
styles, so their CSP forbids both).  Map pages are the render layer's Folium maps; their inline
scripts are allowed by hash (:func:`service.web.security.inline_script_hashes`), never wholesale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from ..errors import InputError
from .api import arg_date, arg_str, find_plan_slug

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAP_LAYERS = ("sites", "areas", "phases", "moves", "mentioned", "changes", "basemap")
BASEMAPS = ("offline", "osm", "none")
MAP_ARGS = ("date", "from", "to", "layers", "basemap", "lang")
_ENV = None


def env():
    """The Jinja2 environment (created on first use; autoescaping on)."""
    global _ENV
    if _ENV is None:
        import jinja2

        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=jinja2.select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _ENV.filters["code"] = _code_spans
    return _ENV


def _code_spans(text: str):
    """Escape ``text`` and show its `backtick` spans as <code> (for the API docs)."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text or ""))))


def render(name: str, **ctx: Any) -> str:
    return env().get_template(name).render(**ctx)


# ------------------------------------------------------------------------------ map options
def map_options(args: Mapping[str, str]) -> dict[str, Any]:
    """Validated map query parameters → keyword arguments of ``render_map``."""
    lang = arg_str(args, "lang", max_len=5) or "en"
    if lang not in ("en", "ar"):
        raise InputError("lang must be en or ar")
    basemap = arg_str(args, "basemap", max_len=20) or "offline"
    if basemap not in BASEMAPS:
        raise InputError(f"basemap must be one of {', '.join(BASEMAPS)}")
    layers_s = arg_str(args, "layers", max_len=200)
    layers = None
    if layers_s is not None:
        layers = tuple(x for x in layers_s.split(",") if x)
        bad = [x for x in layers if x not in MAP_LAYERS]
        if bad:
            raise InputError(f"unknown layer {bad[0][:40]!r}; expected {', '.join(MAP_LAYERS)}")
    d, d1, d2 = arg_date(args, "date"), arg_date(args, "from"), arg_date(args, "to")
    out: dict[str, Any] = {"lang": lang, "basemap": basemap, "layers": layers}
    if d1 or d2:
        if not (d1 and d2):
            raise InputError("give both from and to")
        if d:
            raise InputError("give either date or from/to, not both")
        if d1 > d2:
            raise InputError("from is after to")
        out.update(date_from=d1, date_to=d2)
    elif d:
        out["date"] = d
    return out


def map_query(args: Mapping[str, str]) -> str:
    """The map parameters of a request, as a query string (to pass on to the embed)."""
    q = {k: args[k] for k in MAP_ARGS if args.get(k)}
    return ("?" + urlencode(q)) if q else ""


def map_html(svc, plan: str, args: Mapping[str, str]) -> tuple[str, list[str], bool]:
    """The Folium map of a plan (``all``: every plan): ``(html, script hashes, osm tiles)``."""
    from .security import inline_script_hashes

    slug = find_plan_slug(svc, plan)
    opts = map_options(args)
    key = ("map", slug, tuple(sorted((k, str(v)) for k, v in opts.items())), dt.date.today())

    def build():
        from ..render import render_map

        kwargs = {k: v for k, v in opts.items() if v is not None}
        if "layers" in kwargs:
            kwargs["layers"] = list(kwargs["layers"])
        m = render_map(svc.store, assets="/static/vendor", plan=slug, **kwargs)
        html = m.get_root().render()
        return html, inline_script_hashes(html)

    html, hashes = svc.cached(svc.maps, key, build)
    return html, hashes, opts["basemap"] == "osm"


# ------------------------------------------------------------------------------ pages
def _plans_brief(svc) -> list[dict[str, Any]]:
    out = []
    for p in svc.store.plans():
        moves = sum(len(ph["moves"]) for ph in p["phases"])
        deadlines = [ph["deadline"] for ph in p["phases"] if ph.get("deadline")]
        out.append(
            {
                "slug": p["slug"],
                "name": p["name"],
                "kind": p["kind"],
                "start": p["start"],
                "phases": len(p["phases"]),
                "moves": moves,
                "until": max(deadlines) if deadlines else None,
                "q": quote(p["slug"], safe=""),
            }
        )
    return out


def index_page(svc, args: Mapping[str, str], title: str, base: str) -> str:
    lang = arg_str(args, "lang", max_len=5) or "en"
    if lang not in ("en", "ar"):
        raise InputError("lang must be en or ar")

    def build():
        dates = [d.isoformat() for d in svc.store.change_dates()]
        places = svc.store.places()
        today = dt.date.today().isoformat()
        default = (
            today if dates and dates[0] <= today <= dates[-1] else dates[-1] if dates else today
        )
        return render(
            "index.html",
            title=title,
            plans=_plans_brief(svc),
            dates=dates,
            places=places,
            lang=lang,
            base=base,
            today=today,
            default_date=default,
            date_min=dates[0] if dates else None,
            date_max=dates[-1] if dates else None,
            quote=lambda s: quote(s, safe=""),
        )

    return svc.cached(svc.responses, ("index", lang, base, dt.date.today()), build)


def _plan_title(svc, slug: str | None) -> str:
    if slug is None:
        return "All plans"
    for p in svc.store.plans():
        if p["slug"] == slug:
            return p["name"]
    return slug


def map_page(svc, plan: str, args: Mapping[str, str], title: str, base: str) -> str:
    slug = find_plan_slug(svc, plan)
    opts = map_options(args)
    q = quote(slug or "all", safe="")
    src = f"/embed/{q}{map_query(args)}"
    dates = [d.isoformat() for d in svc.store.change_dates(plan=slug)]
    return render(
        "map.html",
        title=title,
        plan_title=_plan_title(svc, slug),
        plan=q,
        src=src,
        args={k: args.get(k, "") for k in MAP_ARGS},
        opts=opts,
        layers=MAP_LAYERS,
        basemaps=BASEMAPS,
        dates=dates,
        snippet_url=f"/maps/{q}/embed{map_query(args)}",
        geojson_url=(f"/api/posture?date={opts['date'].isoformat()}" if opts.get("date") else None),
    )


def snippet(base: str, plan_q: str, args: Mapping[str, str], name: str) -> str:
    src = f"{base}/embed/{plan_q}{map_query(args)}"
    return (
        f'<iframe src="{_attr(src)}" title="{_attr(name)}" width="100%" height="520" '
        'style="border:0" loading="lazy" referrerpolicy="no-referrer" '
        "allowfullscreen></iframe>"
    )


def _attr(s: str) -> str:
    from markupsafe import escape

    return str(escape(s))


def snippet_page(svc, plan: str, args: Mapping[str, str], title: str, base: str) -> str:
    slug = find_plan_slug(svc, plan)
    map_options(args)
    q = quote(slug or "all", safe="")
    name = f"{title}: {_plan_title(svc, slug)}"
    code = snippet(base, q, args, name)
    return render(
        "snippet.html",
        title=title,
        plan_title=_plan_title(svc, slug),
        plan=q,
        code=code,
        src=f"/embed/{q}{map_query(args)}",
        map_url=f"/maps/{q}{map_query(args)}",
    )


def docs_page(doc: dict[str, Any], title: str) -> str:
    """The API documentation, server-rendered from the OpenAPI document (no JavaScript)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            params = []
            for p in op.get("parameters", []):
                s = p.get("schema", {})
                typ = s.get("type", "")
                if s.get("enum"):
                    typ += " (" + " | ".join(map(str, s["enum"])) + ")"
                if s.get("format"):
                    typ += f", {s['format']}"
                params.append(
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "type": typ,
                        "required": p.get("required", False),
                        "description": p.get("description", ""),
                    }
                )
            body = list((op.get("requestBody") or {}).get("content", {}))
            responses = []
            for code, r in op["responses"].items():
                if "$ref" in r:
                    r = doc["components"]["responses"][r["$ref"].rsplit("/", 1)[-1]]
                responses.append(
                    {
                        "code": code,
                        "description": r.get("description", ""),
                        "types": list(r.get("content", {})),
                    }
                )
            anchor = op.get("operationId") or f"{method}-{path}"
            groups.setdefault(op["tags"][0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "body": body,
                    "responses": responses,
                    "secured": bool(op.get("security")),
                    "id": anchor,
                    "example": path if "{" not in path and method == "get" else None,
                }
            )
    return render("docs.html", title=title, info=doc["info"], groups=groups, version=doc["openapi"])
