"""folium/branca elements of the troop-presence map.

:class:`TPMMap` is a ``folium.Map`` that, whenever it is rendered (``save``, ``_repr_html_``,
``get_root().render()``), first rebinds every element's assets to local files (or inlines
them) — see :mod:`service.render.assets`.  The layer elements write one compact JSON payload
each and call the functions of ``service/static/tpm/tpm-map.js``.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Figure
from folium.elements import JSCSSMixin
from folium.template import Template

from .assets import INLINE, AssetMode, iter_elements, localize_header, localize_tree
from .escape import esc, js_json

OWN_JS = [("tpm_map_js", "asset:tpm/tpm-map.js")]
OWN_CSS = [("tpm_map_css", "asset:tpm/tpm-map.css")]


class TPMFigure(Figure):
    """The page: ``lang``/``dir`` on ``<html>``, UTF-8, viewport, title."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}" dir="{{ this.dir }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        "{% if this.title %}<title>{{ this.title }}</title>{% endif %}\n"
        "    {{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "    {{ this.html.render(**kwargs) }}\n"
        "</body>\n"
        "<script>\n"
        "    {{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</html>\n",
    )

    def __init__(self, *, lang: str = "en", title: str | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self._name = "TPMFigure"
        self.lang = "ar" if lang == "ar" else "en"
        self.dir = "rtl" if lang == "ar" else "ltr"
        self.title = esc(title) if title else None  # the template does not escape


class TPMMap(folium.Map):
    """A ``folium.Map`` whose assets are local (linked under a prefix, or inlined)."""

    def __init__(
        self, *, assets: AssetMode, lang: str = "en", title: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(tiles=None, **kwargs)
        self._name = "Map"
        TPMFigure(lang=lang, title=title).add_child(self)
        self.assets = assets
        self.lang = lang

    def render(self, **kwargs):
        # Our own layers need only Leaflet; anything else added to the map (folium.Icon,
        # plugins, …) gets folium's full asset list, localised like every other element.
        lean = all(isinstance(el, _LEAN) for el in iter_elements(self))
        remote = folium.Map.default_js, folium.Map.default_css
        if lean:
            remote = (
                [x for x in remote[0] if x[0] == "leaflet"],
                [x for x in remote[1] if x[0] == "leaflet_css"],
            )
        self._tpm_remote_assets = (list(remote[0]), list(remote[1]))
        localize_tree(self, self.assets)
        super().render(**kwargs)
        localize_header(self.get_root(), self.assets)

    def _repr_html_(self, **kwargs) -> str:
        """Notebook display: a self-contained iframe (assets inlined; no server needed)."""
        saved = self.assets
        self.assets = AssetMode(INLINE)
        try:
            return super()._repr_html_(**kwargs)
        finally:
            self.assets = saved


class _Script(JSCSSMixin):
    """Base of our elements: loads tpm-map.js/css; the subclass gives ``call`` JS."""

    default_js = OWN_JS
    default_css = OWN_CSS

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.js() }}
        {% endmacro %}
    """)

    def __init__(self, payload: Any = None) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.payload = payload

    def data(self) -> str:
        return js_json(self.payload)

    def map_name(self) -> str:
        el = self
        while el is not None and not isinstance(el, folium.Map):
            el = el._parent
        return el.get_name() if el is not None else "null"

    def js(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class MapData(_Script):
    """Shared tables (escaped strings, states, steps, words) and panes: ``TPM.init``."""

    def js(self) -> str:
        return f"TPM.init({self.map_name()}, {self.data()});"


class _GroupLayer(_Script):
    """A layer drawn into its parent ``FeatureGroup``."""

    fn = ""

    def js(self) -> str:
        return f"TPM.{self.fn}({self._parent.get_name()}, {self.data()});"


class SitesLayer(_GroupLayer):
    fn = "sites"


class AreasLayer(_GroupLayer):
    fn = "areas"


class ArrowsLayer(_GroupLayer):
    fn = "arrows"


class DotsLayer(_GroupLayer):
    fn = "dots"


class PhaseLayer(_GroupLayer):
    fn = "phase"


class ChangesLayer(_GroupLayer):
    fn = "changes"


class BasemapLayer(_GroupLayer):
    """Country or admin-1 polygons drawn as a plain vector layer (no tiles needed)."""

    def __init__(self, payload: Any, kind: str) -> None:
        super().__init__(payload)
        self.kind = kind

    def js(self) -> str:
        return f"TPM.basemap({self._parent.get_name()}, {self.data()}, {js_json(self.kind)});"


class HtmlControl(_Script):
    """A Leaflet control holding pre-escaped HTML (legend)."""

    def __init__(self, html: str, position: str, css_class: str) -> None:
        super().__init__({"html": html, "position": position, "cls": css_class})

    def js(self) -> str:
        p = self.payload
        return (
            f"TPM.html({self.map_name()}, {js_json(p['html'])}, {js_json(p['position'])}, "
            f"{js_json(p['cls'])});"
        )


class Title(_Script):
    def js(self) -> str:
        return f"TPM.title({self.map_name()}, {self.data()});"


class TimeSlider(_Script):
    """The date slider (steps from ``TPM.init``); moves every time-aware layer."""

    def __init__(self, position: str) -> None:
        super().__init__(position)

    def js(self) -> str:
        return f"TPM.addSlider({self.map_name()}, {self.data()});"


def _lean_types() -> tuple[type, ...]:
    from folium.map import FitBounds
    from folium.plugins import Fullscreen

    return (
        TPMMap,
        _Script,
        folium.FeatureGroup,
        folium.LayerControl,
        folium.TileLayer,
        FitBounds,
        Fullscreen,
    )


def feature_group(name: str, *, show: bool = True, control: bool = True) -> folium.FeatureGroup:
    """A FeatureGroup whose (layer-control) name is escaped: Leaflet writes it as HTML."""
    if len(name) > 64:
        name = name[:63].rstrip() + "…"
    return folium.FeatureGroup(name=esc(name), show=show, control=control)


_LEAN = _lean_types()
