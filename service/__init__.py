"""Troop-presence map service.

Turns news articles (Arabic and English) about foreign force postures into a geocoded,
time-aware picture: an offline gazetteer, an extractor, a temporal store, Folium maps and a
Flask / OGC API service.  Nothing runs at import time.
"""

__version__ = "0.1.0"
