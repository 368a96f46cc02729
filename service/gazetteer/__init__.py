"""Offline multilingual gazetteer: load, normalise, index, scan, resolve, geocode.

The public entry points are :func:`load_gazetteer` (a cached :class:`Gazetteer`) and
:class:`GazetteerGeocoder` (a geopy ``Geocoder``).  Nothing is loaded at import time.
"""

from .._native import use_native

# the compiled build of the hot modules, when one matches the sources (service/_native.py)
use_native(__name__, __path__)

from .index import Gazetteer, load_gazetteer
from .normalize import normalize, normalize_with_offsets

__all__ = ["Gazetteer", "load_gazetteer", "normalize", "normalize_with_offsets"]
