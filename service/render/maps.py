"""``render_map``: a layered, time-aware, offline troop-presence map (a ``folium.Map``).

One map has:

* one FeatureGroup per actor with its installations and cities as proportional symbols
  (sqrt scale on the level's central value; colour per status; projected = dashed, hollow;
  a dotted halo when the place is only known to the city);
* a choropleth of levels known only for a province, region or country, drawn on that area
  with the level written as stated ("≈ 2,500", "< 500", "200–999");
* one FeatureGroup per plan phase, movements as arrows, places mentioned without force data,
  and (given two dates) what changed between them;
* an offline basemap of country and admin-1 polygons from the gazetteer (tiles optional);
* a time slider over the store's change dates; legend, title, scale, attribution, fullscreen.

All data for the time steps is embedded once as compact tables; ``tpm-map.js`` restyles the
symbols when the slider moves.  Text is escaped by :mod:`service.render.escape` only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import threading
from collections.abc import Iterable
from typing import Any

from ..domain import STATUSES, parse_iso_date
from ..errors import InputError, ServiceError, UnknownPlaceError
from . import geo
from .assets import asset_mode
from .escape import css_class, esc, text_dir
from .i18n import actor_name, check_lang, fmt_date, t
from .model import (
    CHANGE_KINDS,
    ChangeItem,
    Row,
    change_items,
    diff_postures,
    get,
    place_ids,
    plan_phases,
    posture_rows,
)

LAYERS = ("sites", "areas", "phases", "moves", "mentioned", "changes", "basemap")
BASEMAPS = ("offline", "osm", "none")
STATUS_IDX = {s: i for i, s in enumerate(STATUSES)}
BASIS_IDX = {"reported": 0, "projected": 1}
AREA_BREAKS = (250, 500, 1000, 2500, 5000)
STATUS_COLORS = {
    "present": "#b2182b",
    "reduced": "#e08214",
    "withdrawn": "#6b6b6b",
    "advisory": "#2166ac",
}
AREA_COLORS = ("#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f")
#: What an empty map shows (lon/lat bbox: Iraq and Syria, the service's area of interest).
DEFAULT_VIEW = (35.5, 29.0, 48.6, 37.4)
#: With more FeatureGroups than this, the layer control starts collapsed.
COLLAPSE_LAYERS_OVER = 9
#: Up to this many sites, names and levels are written next to the symbols.
LABELS_MAX_SITES = 60
ACTION_STATUS = {
    "withdraw": "withdrawn",
    "relocate": "withdrawn",
    "reduce": "reduced",
    "remain": "present",
    "arrive": "present",
    "increase": "present",
}
_WORDS_ACTION = {
    "en": {
        "withdraw": "withdraw",
        "relocate": "relocate",
        "reduce": "reduce",
        "remain": "remain",
        "arrive": "arrive",
        "increase": "increase",
    },
    "ar": {
        "withdraw": "انسحاب",
        "relocate": "نقل",
        "reduce": "تخفيض",
        "remain": "بقاء",
        "arrive": "وصول",
        "increase": "زيادة",
    },
}


def radius_for(central: float | None) -> float:
    """Symbol radius in pixels: area proportional to the level (sqrt scale), 4–40 px."""
    if central is None or central <= 0:
        return 5.0
    return round(min(40.0, max(4.0, 0.35 * math.sqrt(central))), 1)


def area_class(total: float | None) -> int:
    """Choropleth class 0–5 for a summed central level."""
    return bisect.bisect_right(AREA_BREAKS, total or 0)


def render_map(
    store,
    date: Any = None,
    *,
    date_from: Any = None,
    date_to: Any = None,
    layers: Iterable[str] | None = None,
    basemap: str = "offline",
    assets: str | None = None,
    lang: str = "en",
    gazetteer=None,
    actor: str | None = None,
    plan: str | None = None,
    title: str | None = None,
    labels: bool | None = None,
    today: dt.date | None = None,
):
    """Build the map.

    Parameters
    ----------
    store
        Anything with the store's API (``posture_at``, ``change_dates``, ``changes``,
        ``plans``; ``places`` optional).
    date : date or ISO string, optional
        A static map of the posture on this date.  Without ``date`` and without
        ``date_from``/``date_to`` the map has a time slider over ``store.change_dates()``.
    date_from, date_to : optional
        A change map: the posture on ``date_to`` plus what changed since ``date_from``.
    layers : iterable of str, optional
        Subset of :data:`LAYERS` (default: all).
    basemap : {"offline", "osm", "none"}
        ``offline`` draws the gazetteer's country and admin-1 polygons; ``osm`` adds an
        OpenStreetMap tile layer (needs the internet) on top of that; ``none`` draws neither.
    assets : str, optional
        ``"inline"`` for one self-contained file, else a URL prefix for the vendored files
        (default ``/static/vendor``, the web service's static route).
    lang : {"en", "ar"}
        Arabic makes the legend, labels, layer names and popups Arabic and right-to-left.
    gazetteer : Gazetteer, optional
        Default :func:`service.gazetteer.load_gazetteer`.

    Returns
    -------
    folium.Map

    Raises
    ------
    InputError
        Bad dates, language, layer or basemap names, or asset mode.
    """
    lang = check_lang(lang)
    mode = asset_mode(assets)
    if basemap not in BASEMAPS:
        raise InputError(f"basemap must be one of {', '.join(BASEMAPS)}")
    wanted = set(LAYERS if layers is None else layers)
    unknown = wanted - set(LAYERS)
    if unknown:
        raise InputError(
            f"unknown layer(s): {', '.join(sorted(map(str, unknown)))[:200]}; "
            f"expected {', '.join(LAYERS)}"
        )
    d = parse_iso_date(date, field_name="date")
    d1 = parse_iso_date(date_from, field_name="from date")
    d2 = parse_iso_date(date_to, field_name="to date")
    if (d1 is None) != (d2 is None):
        raise InputError("a change map needs both a from date and a to date")
    if d1 is not None and d is not None:
        raise InputError("give either a date or a from/to pair, not both")
    if d1 is not None and d1 > d2:
        raise InputError("the from date is after the to date")
    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    return _Build(
        store,
        gazetteer,
        lang=lang,
        mode=mode,
        basemap=basemap,
        wanted=wanted,
        actor=actor,
        plan=plan,
        title=title,
        labels=labels,
        today=today or dt.date.today(),
    ).run(d, d1, d2)


class _Build:
    def __init__(
        self, store, gaz, *, lang, mode, basemap, wanted, actor, plan, title, labels, today
    ):
        self.store, self.gaz, self.lang, self.mode = store, gaz, lang, mode
        self.basemap, self.wanted, self.actor, self.plan = basemap, wanted, actor, plan
        self.title, self.labels, self.today = title, labels, today
        self.S: list[str] = []
        self._S: dict[str, int] = {}
        self.T: list[list] = []
        self._T: dict[tuple, int] = {}
        self.sources: set = set()
        self._txt: dict[str, int] = {}
        self._quotes: dict[tuple, int] = {}
        self._row_state: dict[tuple, int] = {}

    # ------------------------------------------------------------------ tables
    def s(self, html: str) -> int:
        """Index of a pre-escaped HTML fragment in the string table."""
        i = self._S.get(html)
        if i is None:
            i = self._S[html] = len(self.S)
            self.S.append(html)
        return i

    def txt(self, value: Any) -> int:
        i = self._txt.get(value) if isinstance(value, str) else None
        if i is None:
            i = self.s(esc(value))
            if isinstance(value, str):
                self._txt[value] = i
        return i

    def w(self, key: str, **kw) -> str:
        """A phrase of the UI, escaped."""
        return esc(t(self.lang, key, **kw))

    def state(self, r: Row) -> int:
        """Index of the row's state (status, basis, level, date, quotes …) in the table."""
        fast = (
            r.status,
            r.basis,
            r.qty_label,
            r.central,
            r.as_of,
            r.as_of_precision,
            r.actor,
            r.plan,
            str(r.phase),
            repr(r.unallocated),
            repr(r.conflicts),
            tuple(_source_key(x) for x in r.sources[:6]),
        )
        i = self._row_state.get(fast)
        if i is None:
            i = self._row_state[fast] = self._state(r)
        return i

    def _state(self, r: Row) -> int:
        quotes = tuple(self.quote(src) for src in r.sources[:6])
        quotes = tuple(q for q in quotes if q >= 0)
        extra = self.extra(r)
        key = (
            r.status,
            r.basis,
            r.qty_label,
            r.central,
            r.as_of,
            r.as_of_precision,
            quotes,
            extra,
            r.actor,
        )
        i = self._T.get(key)
        if i is None:
            i = self._T[key] = len(self.T)
            as_of = fmt_date(self.lang, r.as_of, r.as_of_precision)
            self.T.append(
                [
                    STATUS_IDX[r.status],
                    BASIS_IDX[r.basis],
                    radius_for(r.central),
                    self.txt(self.level(r)),
                    self.txt(as_of) if as_of else -1,
                    list(quotes),
                    extra,
                    self.txt(actor_name(self.lang, r.actor, self.gaz)),
                    area_class(r.central),
                    self.txt(self.short_level(r)),
                ]
            )
        return i

    def level(self, r: Row) -> str:
        """The level as stated ('≈ 2,500', '< 500', '200–999'), or 'number not reported'."""
        if r.qty_label:
            return r.qty_label
        return "–" if r.status == "withdrawn" else t(self.lang, "not_reported")

    def short_level(self, r: Row) -> str:
        """The level for labels on the map ('?' when no number was reported)."""
        if r.qty_label:
            return r.qty_label
        return t(self.lang, "withdrawn") if r.status == "withdrawn" else "?"

    def quote(self, src: Any) -> int:
        """A source's quote, outlet, date and link as escaped HTML (string-table index)."""
        if not isinstance(src, dict):
            src = {
                k: get(src, k)
                for k in ("source_id", "outlet", "url", "title", "published", "quote")
            }
        quote, outlet = src.get("quote"), src.get("outlet")
        self.sources.add(src.get("source_id") or src.get("url") or outlet or quote)
        key = _source_key(src)[1:]  # what is shown, not the id
        hit = self._quotes.get(key)
        if hit is not None:
            return hit
        self._quotes[key] = i = self._quote(src)
        return i

    def _quote(self, src: dict) -> int:
        quote, outlet = src.get("quote"), src.get("outlet")
        title, url = src.get("title"), src.get("url")
        if isinstance(quote, dict):
            quote = quote.get("text")
        if not (quote or outlet or title):
            return -1
        parts = []
        if outlet:
            parts.append(f"<cite>{esc(outlet)}</cite>")
        pub = fmt_date(self.lang, src.get("published"), "day")
        if pub:
            parts.append(f'<bdi dir="ltr">{esc(pub)}</bdi>')
        if title:
            u = str(url or "")
            if u.startswith(("http://", "https://")):
                parts.append(
                    f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer">{esc(title)}</a>'
                )
            else:
                parts.append(esc(title))
        html = '<figure class="tpm-quote">'
        if quote:
            qd = text_dir(quote)
            ql = "ar" if qd == "rtl" else "en"
            html += f'<blockquote dir="{qd}" lang="{ql}">{esc(quote)}</blockquote>'
        if parts:
            html += f'<figcaption dir="auto">— {" · ".join(parts)}</figcaption>'
        return self.s(html + "</figure>")

    def extra(self, r: Row) -> int:
        notes = []
        if r.basis == "projected" and (r.plan or r.phase is not None):
            ph = ""
            if r.phase is not None:
                ph = self.w("phase", phase=r.phase) if str(r.phase).isdigit() else esc(r.phase)
            notes.append(f"{self.w('plan')}: {esc(r.plan or '')}{' — ' + ph if ph else ''}")
        if r.unallocated:
            notes.append(
                f'{self.w("unallocated")}: <bdi dir="ltr">{esc(_label(r.unallocated))}</bdi>'
            )
        if r.conflicts:
            items = []
            for c in r.conflicts[:5]:
                lab = _label(c)
                who = get(c, "outlet") if not isinstance(c, str) else None
                items.append(f'<bdi dir="ltr">{esc(lab)}</bdi>' + (f" ({esc(who)})" if who else ""))
            notes.append(f"{self.w('conflicts')}: {'; '.join(items)}")
        if not notes:
            return -1
        return self.s("".join(f'<p class="tpm-note">{n}</p>' for n in notes))

    # ------------------------------------------------------------------ places
    def place(self, pid: str | None):
        if not pid:
            return None
        try:
            return self.gaz.get(pid)
        except (UnknownPlaceError, ServiceError):
            return None

    def names(self, pid: str, name: str | None = None, name_ar: str | None = None):
        p = self.place(pid)
        en = name or (p.name if p else None) or pid
        ar = name_ar or (p.name_ar if p else None)
        return en, ar

    def short_name(self, pid: str, name=None, name_ar=None) -> str:
        en, ar = self.names(pid, name, name_ar)
        return ar if self.lang == "ar" and ar else en

    def header(self, pid: str, name=None, name_ar=None, sub: str = "") -> int:
        """Popup header: English and Arabic names (Arabic right-to-left), then a sub-line."""
        en, ar = self.names(pid, name, name_ar)
        en_html = f'<span class="tpm-name" lang="en" dir="ltr">{esc(en)}</span>'
        ar_html = (
            f'<span class="tpm-name tpm-name-ar" lang="ar" dir="rtl">{esc(ar)}</span>' if ar else ""
        )
        if self.lang == "ar" and ar:
            first, second = ar_html, en_html
        else:
            first, second = en_html, ar_html
        second = second.replace('class="tpm-name', 'class="tpm-name-2 tpm-name', 1)
        h = f'<div class="tpm-pop-h">{first}{second}</div>'
        if sub:
            h += f'<div class="tpm-pop-sub">{sub}</div>'
        return self.s(h)

    def point(self, pid: str | None, row: Row | None = None) -> list[float] | None:
        if row is not None and row.lon is not None:
            return geo.latlon(row.lon, row.lat)
        p = self.place(pid)
        return geo.latlon(p.lon, p.lat) if p else None

    # ------------------------------------------------------------------ run
    def run(self, d, d1, d2):
        store = self.store
        if d1 is not None:
            kind, steps = "changes", [d2]
        elif d is not None:
            kind, steps = "static", [d]
        else:
            kind = "time"
            steps = sorted(
                {
                    x
                    for x in (_date(x) for x in _call(store.change_dates, plan=self.plan) or [])
                    if x is not None
                }
            )
            if not steps:
                kind, steps = "static", [self.today]
        rows_by_step = [
            posture_rows(store.posture_at(s, actor=self.actor, plan=self.plan), self.gaz)
            for s in steps
        ]
        start = 0
        if kind == "time":
            past = [i for i, s in enumerate(steps) if s <= self.today]
            start = past[-1] if past else 0
        self.steps, self.rows_by_step, self.kind, self.start = steps, rows_by_step, kind, start

        points: dict[tuple[str, str], list[Row | None]] = {}
        areas: dict[str, list[list[Row]]] = {}
        n = len(steps)
        for i, rows in enumerate(rows_by_step):
            for r in rows:
                if r.is_point:
                    if r.lon is None:
                        continue
                    points.setdefault((r.place_id, r.actor), [None] * n)[i] = r
                else:
                    areas.setdefault(r.place_id, [[] for _ in range(n)])[i].append(r)
        n_sites = len(points)
        if self.labels is None:  # change maps label the changes, not the sites
            self.labels = n_sites <= LABELS_MAX_SITES and kind != "changes"

        view = self.view_bbox(points, areas) or DEFAULT_VIEW
        from .elements import TPMMap

        self.d1, self.d2 = d1, d2
        self.page_title = title = self.title or self.default_title(d, d1, d2)
        m = TPMMap(
            assets=self.mode,
            lang=self.lang,
            title=title,
            location=[0, 0],
            zoom_start=5,
            control_scale=True,
            zoom_control="topright" if self.lang == "ar" else "topleft",
            zoom_snap=0.25,
            max_zoom=13,
            min_zoom=2,
            world_copy_jump=False,
        )
        self.m = m
        data = self.add_data_element(m)
        # FeatureGroups in layer-control order (drawing order is set by panes)
        if kind == "changes" and "changes" in self.wanted:
            self.add_changes(m, d1, d2)
        if "sites" in self.wanted:
            self.add_sites(m, points)
        if "areas" in self.wanted and areas:
            self.add_areas(m, areas, view)
        if "moves" in self.wanted:
            self.add_moves(m)
        if "phases" in self.wanted:
            self.add_phases(m)
        if "mentioned" in self.wanted:
            self.add_mentioned(m, {p for p, _ in points} | set(areas))
        if self.basemap != "none" and "basemap" in self.wanted:
            self.add_basemap(m, view)
        self.add_controls(m, kind, n_sites, areas)
        data.payload = self.data_payload()
        if view:
            m.fit_bounds(
                geo.bounds_latlon(view),
                padding_top_left=(40, 60),
                padding_bottom_right=(40, 70),
                max_zoom=8,
            )
            fit = list(m._children.values())[-1]
            fit.options["animate"] = False  # start at the data, no zoom animation
            m.location = geo.latlon((view[0] + view[2]) / 2, (view[1] + view[3]) / 2, 4)
        return m

    def default_title(self, d, d1, d2) -> str:
        if d1 is not None:
            return t(
                self.lang, "title_changes", d1=fmt_date(self.lang, d1), d2=fmt_date(self.lang, d2)
            )
        if d is not None:
            return t(self.lang, "title_at", date=fmt_date(self.lang, d))
        return t(self.lang, "title_time") if self.kind == "time" else t(self.lang, "title")

    def view_bbox(self, points, areas):
        pts = [(r.lon, r.lat) for series in points.values() for r in series if r is not None]
        box = geo.bbox_of_points(pts)
        boxes = [box]
        for pid, series in areas.items():
            g = self.area_geometry(pid, next(r for rows in series for r in rows), 0.0)
            if g is None:
                continue
            b = g.bounds
            if (b[2] - b[0]) * (b[3] - b[1]) <= 250:  # skip continent-sized countries
                boxes.append(b)
        out = geo.union_bbox(*boxes)
        if out is None:
            return None
        minx, miny, maxx, maxy = out
        if maxx - minx < 2 or maxy - miny < 2:  # one site: show its surroundings
            cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
            out = (cx - 2, cy - 1.5, cx + 2, cy + 1.5)
        return out

    # ------------------------------------------------------------------ data element
    def add_data_element(self, m):
        from .elements import MapData

        el = MapData({})
        m.add_child(el, name="tpm_data")
        return el

    def data_payload(self) -> dict:
        words = (
            "level",
            "as_of",
            "status",
            "basis",
            "sources",
            "no_quote",
            "date",
            "play",
            "pause",
            "prev",
            "next",
            *STATUSES,
            "reported",
            "projected",
        )
        n_src = len({s for s in self.sources if s})
        return {
            "lang": self.lang,
            "rtl": self.lang == "ar",
            "steps": [s.isoformat() for s in self.steps],
            "stepLabels": [self.txt(s.isoformat()) for s in self.steps],
            "step": self.start,
            "labels": bool(self.labels),
            "changeLabels": self.kind == "changes",
            "offline": self.basemap != "none" and "basemap" in self.wanted,
            "S": self.S,
            "T": self.T,
            "I": {k: self.w(k) for k in words},
            "attribution": self.w("attribution", n=n_src),
        }

    # ------------------------------------------------------------------ layers
    def rle(self, series: list, key) -> list[int]:
        out: list[int] = []
        last = None
        for i, v in enumerate(series):
            cur = key(v)
            if cur != last:
                out += [i, cur]
                last = cur
        return out

    def add_sites(self, m, points):
        from .elements import SitesLayer, feature_group

        by_actor: dict[str, list] = {}
        for (pid, actor), series in points.items():
            by_actor.setdefault(actor, []).append((pid, series))
        totals = {
            a: sum(max((r.central or 0) for r in s if r) for _, s in items)
            for a, items in by_actor.items()
        }
        shared = {}
        for pid, _ in points:
            shared[pid] = shared.get(pid, 0) + 1
        for actor in sorted(by_actor, key=lambda a: (-totals[a], a)):
            sites = []
            for pid, series in by_actor[actor]:
                first = next(r for r in series if r is not None)
                prec = 1 if first.precision == "city" else 0
                sub = (
                    f"{esc(actor_name(self.lang, actor, self.gaz))} · "
                    f"{self.w('prec_' + first.precision)}"
                )
                states = [self.state(r) if r is not None else -1 for r in series]
                biggest = max(radius_for(r.central) for r in series if r is not None)
                sites.append(
                    (
                        biggest,
                        [
                            *geo.latlon(first.lon, first.lat),
                            self.header(pid, first.name, first.name_ar, sub),
                            self.site_label(pid, first, actor if shared[pid] > 1 else None),
                            css_class(pid),
                            prec,
                            self.rle(states, lambda v: v),
                        ],
                    )
                )
            sites.sort(key=lambda t_: -t_[0])  # big symbols first, small ones on top
            fg = feature_group(
                t(self.lang, "layer_sites", actor=actor_name(self.lang, actor, self.gaz))
            )
            SitesLayer({"sites": [s for _, s in sites]}).add_to(fg)
            fg.add_to(m)

    def site_label(self, pid: str, row: Row, actor: str | None) -> int:
        """Name shown beside a symbol; with the actor when several share the place."""
        name = esc(self.short_name(pid, row.name, row.name_ar))
        if actor:
            name += f' <span class="tpm-la">{esc(self.actor_short(actor))}</span>'
        return self.s(name)

    def area_geometry(self, pid: str, row: Row, tolerance: float, clip=None):
        """Shapely geometry of an area (gazetteer polygon, else the feature's geometry)."""
        g = None
        p = self.place(pid)
        if p is not None and p.has_polygon:
            g = self.gaz.geometry(pid)
        if (g is None or g.geom_type == "Point") and row is not None and row.geometry:
            from shapely.geometry import shape

            try:
                g = shape(row.geometry)
            except (ValueError, TypeError, AttributeError, KeyError):  # unreadable: no polygon
                g = None
        if g is None or g.geom_type not in ("Polygon", "MultiPolygon"):
            return None
        return g

    def add_areas(self, m, areas, view):
        from .elements import AreasLayer, feature_group

        tol = geo.tolerance_for(view) / 2 if view else 0.01
        A: list[list] = []
        A_idx: dict[tuple, int] = {}
        items = []
        order = {"country": 0, "region": 1, "admin1": 2}
        for pid, series in sorted(
            areas.items(), key=lambda kv: order.get(_first(kv[1]).precision, 3)
        ):
            first = _first(series)
            g = self.area_geometry(pid, first, tol)
            if g is None:
                continue
            gj = geo.simplify(g, tol, ndigits=3)
            if gj is None:
                continue
            p = self.place(pid)
            if p is not None:
                lab = geo.latlon(p.lon, p.lat)
            else:
                rp = g.representative_point()
                lab = geo.latlon(rp.x, rp.y)
            states = []
            for rows in series:
                if not rows:
                    states.append(-1)
                    continue
                key = tuple(self.state(r) for r in rows)
                if key not in A_idx:
                    A_idx[key] = len(A)
                    live = [r for r in rows if r.status != "withdrawn"]
                    total = sum(r.central or 0 for r in live)
                    lead = max(live or rows, key=lambda r: r.central or 0)
                    status = lead.status if live else "withdrawn"
                    projected = any(r.basis == "projected" for r in rows)
                    ranked = sorted(
                        rows, key=lambda r: (r.status == "withdrawn", -(r.central or 0), r.actor)
                    )
                    lab_html = "".join(
                        f'<span class="tpm-al-row"><b><bdi dir="ltr">{esc(self.short_level(r))}'
                        f"</bdi></b> {esc(self.actor_short(r.actor))}</span>"
                        for r in ranked[:3]
                    )
                    if len(ranked) > 3:
                        lab_html += (
                            f'<span class="tpm-al-row"><bdi dir="ltr">+{len(ranked) - 3}'
                            "</bdi></span>"
                        )
                    A.append(
                        [
                            list(key),
                            area_class(total),
                            STATUS_IDX[status],
                            1 if projected else 0,
                            self.s(lab_html),
                        ]
                    )
                states.append(A_idx[key])
            sub = self.w("prec_" + first.precision)
            items.append(
                [
                    gj,
                    lab[0],
                    lab[1],
                    self.header(pid, first.name, first.name_ar, sub),
                    self.txt(self.short_name(pid, first.name, first.name_ar)),
                    "country" if first.precision == "country" else "area",
                    self.rle(states, lambda v: v),
                ]
            )
        if not items:
            return
        fg = feature_group(t(self.lang, "layer_areas"))
        AreasLayer({"areas": items, "A": A}).add_to(fg)
        fg.add_to(m)

    def actor_short(self, code: str) -> str:
        if self.lang == "en":
            return {"COALITION": "Coalition", "NATO": "NATO"}.get(code, code)
        return actor_name(self.lang, code, self.gaz)

    def add_mentioned(self, m, with_data: set):
        from .elements import DotsLayer, feature_group

        fn = getattr(self.store, "places", None)
        if fn is None:
            return
        ids = place_ids(_call(fn))
        items = []
        for pid in ids:
            if pid in with_data:
                continue
            p = self.place(pid)
            if p is None or p.kind == "country":
                continue
            sub = self.w(
                "prec_"
                + (p.kind if p.kind in ("installation", "city", "admin1", "region") else "city")
            )
            pop = self.s(
                f'<div class="tpm-pop" dir="{"rtl" if self.lang == "ar" else "ltr"}" '
                f'lang="{self.lang}">{self.S[self.header(pid, sub=sub)]}</div>'
            )
            items.append([*geo.latlon(p.lon, p.lat), self.txt(self.short_name(pid)), pop])
        if not items:
            return
        fg = feature_group(t(self.lang, "layer_mentioned"))
        DotsLayer(items).add_to(fg)
        fg.add_to(m)

    def phases(self):
        fn = getattr(self.store, "plans", None)
        phases = plan_phases(_call(fn) if fn else [])
        if self.plan:
            phases = [p for p in phases if p.plan_key == self.plan or p.plan_name == self.plan]
        return phases

    def add_phases(self, m):
        from .elements import PhaseLayer, feature_group

        phases = self.phases()
        if not phases:
            phases = self.phases_from_rows()
        for ph in phases:
            items = []
            for mv in ph.moves:
                if self.actor and mv.actor and mv.actor != self.actor:
                    continue
                pt = self.point(mv.place_id)
                if pt is None:
                    continue
                status = ACTION_STATUS.get(mv.action, "present")
                when = fmt_date(
                    self.lang,
                    mv.by or ph.deadline,
                    mv.by_precision or ph.deadline_precision or "day",
                )
                act = _WORDS_ACTION.get(self.lang, _WORDS_ACTION["en"]).get(mv.action, mv.action)
                name = self.short_name(mv.place_id)
                label = f"{esc(name)}: {esc(act)}"
                if mv.label:
                    label += f' <bdi dir="ltr">{esc(mv.label)}</bdi>'
                if when:
                    label += f" {self.w('by', date=when)}"
                pop = self.phase_popup(ph, mv, label)
                items.append([*pt, STATUS_IDX[status], self.s(label), pop])
            if not items:
                continue
            if len({p.plan_key for p in phases}) > 1:
                name = t(
                    self.lang,
                    "layer_phase",
                    plan=_clip(ph.plan_name, 28),
                    phase=t(self.lang, "phase", phase=ph.ordinal),
                )
            else:
                name = t(self.lang, "layer_plan_phase", phase=ph.ordinal)
            if ph.deadline:
                name += " · " + t(
                    self.lang,
                    "by",
                    date=fmt_date(self.lang, ph.deadline, ph.deadline_precision or "day"),
                )
            fg = feature_group(name, show=False)
            PhaseLayer(items).add_to(fg)
            fg.add_to(m)

    def phase_popup(self, ph, mv, label_html: str) -> int:
        actor = esc(actor_name(self.lang, mv.actor, self.gaz)) if mv.actor else ""
        sub = f"{self.w('plan')}: {esc(ph.plan_name)}" + (f" · {actor}" if actor else "")
        if ph.name:
            sub += f"<br>{esc(ph.name)}"
        body = f'<p class="tpm-note">{label_html}</p>'
        qs = [self.quote(s) for s in mv.sources[:4]]
        body += "".join(self.S[q] for q in qs if q >= 0)
        return self.s(
            f'<div class="tpm-pop" dir="{"rtl" if self.lang == "ar" else "ltr"}" '
            f'lang="{self.lang}">{self.S[self.header(mv.place_id, sub=sub)]}'
            f"{body}</div>"
        )

    def phases_from_rows(self):
        """Phases rebuilt from projected posture rows when the store lists no plans."""
        from .model import MoveInfo, PhaseInfo

        found: dict[tuple, PhaseInfo] = {}
        seen = set()
        for step, rows in zip(self.steps, self.rows_by_step, strict=False):
            for r in rows:
                if r.basis != "projected" or r.phase is None:
                    continue
                key = (r.plan or "", str(r.phase))
                if (key, r.place_id, r.actor) in seen:
                    continue
                seen.add((key, r.place_id, r.actor))
                ph = found.setdefault(
                    key, PhaseInfo(r.plan or "", r.plan or "", _int(r.phase), None, None, None)
                )
                action = {"withdrawn": "withdraw", "reduced": "reduce"}.get(r.status, "remain")
                ph.moves.append(
                    MoveInfo(
                        r.actor, action, r.place_id, None, step, "day", r.qty_label, None, r.sources
                    )
                )
        return [found[k] for k in sorted(found)]

    def add_moves(self, m):
        from .elements import ArrowsLayer, feature_group

        arrows, seen = [], set()
        for ph in self.phases():
            for mv in ph.moves:
                if mv.action != "relocate" or not mv.to_place_id:
                    continue
                if self.actor and mv.actor and mv.actor != self.actor:
                    continue
                a = self.arrow(
                    mv.place_id,
                    mv.to_place_id,
                    mv.actor,
                    1,
                    mv.by or ph.deadline,
                    mv.by_precision or ph.deadline_precision,
                    mv.sources,
                    mv.label,
                )
                if a and (mv.place_id, mv.to_place_id, mv.actor) not in seen:
                    seen.add((mv.place_id, mv.to_place_id, mv.actor))
                    arrows.append(a)
        if self.kind == "time" and self.steps[0] < self.steps[-1]:
            first = self.steps[0]
            if first is not None:
                for c in self.store_changes(first, self.steps[-1]) or []:
                    if c.kind != "moved" or not c.to_place_id:
                        continue
                    key = (c.place_id, c.to_place_id, c.actor)
                    if key in seen:
                        continue
                    a = self.arrow(
                        c.place_id,
                        c.to_place_id,
                        c.actor,
                        BASIS_IDX.get(c.basis, 0),
                        c.date,
                        c.date_precision,
                        c.sources,
                        c.after,
                    )
                    if a:
                        seen.add(key)
                        arrows.append(a)
        if not arrows:
            return
        fg = feature_group(t(self.lang, "layer_moves"))
        ArrowsLayer(arrows).add_to(fg)
        fg.add_to(m)

    def arrow(self, a_id, b_id, actor, basis, when, precision, sources, qty) -> list | None:
        pa, pb = self.point(a_id), self.point(b_id)
        if pa is None or pb is None or pa == pb:
            return None
        label = self.w("from_to", a=self.short_name(a_id), b=self.short_name(b_id))
        if qty:
            label += f' <bdi dir="ltr">{esc(qty)}</bdi>'
        if when:
            label += " · " + self.w("by", date=fmt_date(self.lang, when, precision or "day"))
        if actor:
            label += f" · {esc(actor_name(self.lang, actor, self.gaz))}"
        basis_w = self.w("projected" if basis else "reported")
        body = f'<p class="tpm-note">{label}</p><p class="tpm-note">{basis_w}</p>'
        qs = [self.quote(s) for s in (sources or [])[:4]]
        body += "".join(self.S[q] for q in qs if q >= 0)
        pop = self.s(
            f'<div class="tpm-pop" dir="{"rtl" if self.lang == "ar" else "ltr"}" '
            f'lang="{self.lang}">{self.S[self.header(a_id, sub=self.w("moved"))]}'
            f"{body}</div>"
        )
        return [*pa, *pb, basis, self.s(label), pop]

    def store_changes(self, d1, d2) -> list[ChangeItem] | None:
        fn = getattr(self.store, "changes", None)
        if fn is None:
            return None
        try:
            return change_items(fn(d1, d2, actor=self.actor))
        except (NotImplementedError, TypeError, AttributeError):
            return None

    def add_changes(self, m, d1, d2):
        from .elements import ChangesLayer, feature_group

        items = self.store_changes(d1, d2)
        if items is None:
            before = posture_rows(
                self.store.posture_at(d1, actor=self.actor, plan=self.plan), self.gaz
            )
            items = diff_postures(before, self.rows_by_step[0])
        groups: dict[tuple, list[ChangeItem]] = {}
        for c in items:
            if self.actor and c.actor and c.actor != self.actor:
                continue
            key = (c.place_id, c.kind, c.to_place_id if c.kind == "moved" else None)
            groups.setdefault(key, []).append(c)
        out = []
        rtl = "rtl" if self.lang == "ar" else "ltr"
        for (pid, kind, to_pid), group in groups.items():
            pt = self.point(pid)
            if pt is None:
                continue
            kind_word = self.w(
                {"reduced": "change_reduced", "status": "status_changed"}.get(kind, kind)
            )
            name = esc(self.short_name(pid))
            if kind == "moved":
                name = self.w("from_to", a=self.short_name(pid), b=self.short_name(to_pid))
            label = f"{name}: {kind_word}"
            if len(group) == 1:
                label += self.change_levels(group[0])
                actors = esc(self.actor_short(group[0].actor)) if group[0].actor else ""
                label += f' <span class="tpm-la">{actors}</span>' if actors else ""
            else:
                label += f' <span class="tpm-la">({len(group)})</span>'
            body, quotes = "", []
            for c in group:
                facts = [
                    f"<b>{esc(actor_name(self.lang, c.actor, self.gaz))}</b>"
                    + self.change_levels(c)
                ]
                if c.date:
                    facts.append(
                        '<bdi dir="ltr">'
                        f"{esc(fmt_date(self.lang, c.date, c.date_precision or 'day'))}"
                        "</bdi>"
                    )
                facts.append(self.w("projected" if c.basis == "projected" else "reported"))
                body += f'<p class="tpm-note">{" · ".join(facts)}</p>'
                quotes += [self.quote(x) for x in c.sources[:3]]
            body += "".join(self.S[q] for q in dict.fromkeys(quotes) if q >= 0)
            pop = self.s(
                f'<div class="tpm-pop" dir="{rtl}" lang="{self.lang}">'
                f"{self.S[self.header(pid, sub=kind_word)]}{body}</div>"
            )
            item = [*pt, CHANGE_KINDS.index(kind), self.s(label), pop]
            if kind == "moved":
                pb = self.point(to_pid)
                if pb is None:
                    continue
                item += pb
            out.append(item)
        fg = feature_group(
            t(self.lang, "layer_changes", d1=fmt_date(self.lang, d1), d2=fmt_date(self.lang, d2))
        )
        ChangesLayer(out).add_to(fg)
        fg.add_to(m)

    # ------------------------------------------------------------------ basemap
    def change_levels(self, c: ChangeItem) -> str:
        """' ≈ 2,500 → < 500' (levels as stated; status words when no number)."""
        if not (c.before or c.after or c.before_status or c.after_status):
            return ""
        b = self.change_side(c.before, c.before_status)
        a = self.change_side(c.after, c.after_status)
        return f' <bdi dir="ltr">{esc(b)} → {esc(a)}</bdi>'

    def change_side(self, label: str | None, status: str | None) -> str:
        if label:
            return label
        if status:
            return t(self.lang, status) if status in STATUSES else status
        return "—"

    def add_basemap(self, m, view):
        import folium

        from .elements import BasemapLayer, feature_group

        extent = geo.pad_bbox(view or (35.0, 29.0, 49.0, 38.0), frac=1.0, minimum=8.0)
        tiles = self.basemap == "osm"
        countries, admin1 = basemap_payload(self.gaz, extent, view or extent, self.lang)
        for key, payload in (("country", countries), ("admin1", admin1)):
            if not payload["fc"]["features"]:
                continue
            labels = [[lat, lon, self.txt(name)] for lat, lon, name in payload["labels"]]
            fg = feature_group(
                t(self.lang, "layer_countries" if key == "country" else "layer_admin1")
            )
            BasemapLayer({"fc": payload["fc"], "labels": labels, "tiles": tiles}, key).add_to(fg)
            fg.add_to(m)
        if tiles:
            folium.TileLayer(
                "OpenStreetMap", name=esc(t(self.lang, "layer_osm")), overlay=False, control=True
            ).add_to(m)

    # ------------------------------------------------------------------ controls
    def add_controls(self, m, kind, n_sites, areas):
        import folium
        from folium.plugins import Fullscreen

        from .elements import HtmlControl, TimeSlider, Title
        from .legend import legend_html, subtitle_html

        rtl = self.lang == "ar"
        sub = subtitle_html(self, kind)
        Title(f'<h1 dir="auto">{esc(self.page_title)}</h1>{sub}').add_to(m)
        HtmlControl(
            legend_html(self, kind, bool(areas)),
            "bottomleft" if rtl else "bottomright",
            "tpm-legend-box",
        ).add_to(m)
        if kind == "time" and len(self.steps) > 1:
            TimeSlider("bottomright" if rtl else "bottomleft").add_to(m)
        Fullscreen(
            position="topright" if rtl else "topleft",
            title=t(self.lang, "fullscreen"),
            title_cancel=t(self.lang, "exit_fullscreen"),
        ).add_to(m)
        n_layers = sum(isinstance(c, folium.FeatureGroup) for c in m._children.values())
        folium.LayerControl(
            position="topleft" if rtl else "topright", collapsed=n_layers > COLLAPSE_LAYERS_OVER
        ).add_to(m)


# ------------------------------------------------------------------------------ basemap data
_BASEMAP_CACHE: dict[tuple, tuple[dict, dict]] = {}
_BASEMAP_LOCK = threading.Lock()


def basemap_payload(gaz, extent, view, lang: str):
    """Simplified country and admin-1 polygons clipped to ``extent``, with label points.

    Cached per gazetteer version, extent and language (a map service renders the same
    region again and again).
    """
    key = (getattr(gaz, "version", id(gaz)), tuple(round(v, 1) for v in extent), lang)
    with _BASEMAP_LOCK:
        hit = _BASEMAP_CACHE.get(key)
    if hit is not None:
        return hit
    tol = geo.tolerance_for(extent)
    out = []
    for kind, tol_k in (("country", tol), ("admin1", tol * 0.6)):
        feats, labels = [], []
        for p in gaz.filter(kind=kind):
            if not p.has_polygon:
                continue
            g = gaz.geometry(p.id)
            gj = geo.simplify(g, tol_k, clip=extent, ndigits=3)
            if gj is None:
                continue
            feats.append({"type": "Feature", "geometry": gj, "properties": {}})
            big = g.area >= (0.5 if kind == "country" else 0.05)
            if big and (
                (view[0] <= p.lon <= view[2] and view[1] <= p.lat <= view[3])
                or (
                    kind == "country"
                    and extent[0] <= p.lon <= extent[2]
                    and extent[1] <= p.lat <= extent[3]
                )
            ):
                name = p.name_ar if lang == "ar" and p.name_ar else p.name
                labels.append((*geo.latlon(p.lon, p.lat, 3), name))
        out.append({"fc": {"type": "FeatureCollection", "features": feats}, "labels": labels})
    result = (out[0], out[1])
    with _BASEMAP_LOCK:
        if len(_BASEMAP_CACHE) > 32:
            _BASEMAP_CACHE.clear()
        _BASEMAP_CACHE[key] = result
    return result


# ------------------------------------------------------------------------------ helpers
def _first(series: list[list[Row]]) -> Row:
    return next(r for rows in series for r in rows)


def _label(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return f"{int(v):,}"
    lab = get(v, "label")
    if lab:
        return str(lab)
    from .model import quantity

    q = quantity(v)
    return q.label() if q else "?"


def _source_key(src: Any) -> tuple:
    if isinstance(src, dict):
        return (
            src.get("source_id"),
            src.get("quote"),
            src.get("outlet"),
            src.get("title"),
            src.get("url"),
            str(src.get("published")),
        )
    return (id(src),)


def _clip(text: str, n: int) -> str:
    text = str(text or "")
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _int(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _date(v: Any) -> dt.date | None:
    from .model import as_date

    return as_date(v)


def _call(fn, **kwargs):
    """Call a store method, dropping keyword arguments it does not take."""
    try:
        return fn(**kwargs)
    except TypeError:
        return fn()
