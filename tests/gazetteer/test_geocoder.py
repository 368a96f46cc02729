"""geopy interface: offline geocode/reverse, bad input, and the opt-in online fallback
(tested against a fake Nominatim on loopback, never the internet)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from geopy.location import Location

from service.errors import InputError, ServiceError
from service.gazetteer.geocoder import (
    FallbackGeocoder,
    GazetteerGeocoder,
    GeocodeCache,
    geocoder_from_env,
)


@pytest.fixture(scope="module")
def gc(gaz):
    return GazetteerGeocoder(gaz)


def test_geocode_returns_location_with_raw(gc):
    loc = gc.geocode("Ayn al-Asad")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "installation:ain-al-asad-air-base"
    assert loc.raw["kind"] == "installation" and loc.raw["country"] == "IQ"
    assert loc.raw["parents"][-1] == "country:IQ"
    assert loc.raw["geometry"]["type"] == "Point"
    assert 33 < loc.latitude < 34.5 and 42 < loc.longitude < 43


def test_geocode_all_candidates_best_first(gc):
    locs = gc.geocode("Erbil", exactly_one=False)
    ids = [loc.raw["id"] for loc in locs]
    assert ids[0] == "city:95446" and "admin1:IQ-AR" in ids


def test_geocode_polygon_geometry(gc):
    loc = gc.geocode("محافظة الأنبار")
    assert loc.raw["id"] == "admin1:IQ-AN"
    assert loc.raw["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_geocode_fuzzy_typo(gc):
    assert gc.geocode("Ain al-Asaad Airbse").raw["id"] == "installation:ain-al-asad-air-base"


def test_unknown_name_is_none(gc):
    assert gc.geocode("Xqzzyplace Nowhere") is None


def test_reverse_enclosing_and_nearest_installation(gc):
    loc = gc.reverse((33.80, 42.45))  # next to Ain al-Asad
    assert loc.raw["id"] == "admin1:IQ-AN"
    assert loc.raw["enclosing"][:1] == ["admin1:IQ-AN"] and "country:IQ" in loc.raw["enclosing"]
    near = loc.raw["nearest_installation"]
    assert near["id"] == "installation:ain-al-asad-air-base" and near["distance_km"] < 5
    allof = gc.reverse("36.19, 44.01", exactly_one=False)
    ids = [x.raw["id"] for x in allof]
    assert ids[0] == "admin1:IQ-AR" and "region:kurdistan-region" in ids


@pytest.mark.parametrize(
    "bad", ["", "   ", "x" * 10_000, b"\xff\xfe\x00bad", "a\x00b", "\ud800", 12345, b"\x80abc"]
)
def test_bad_queries_are_clear_errors(gc, bad):
    with pytest.raises(InputError) as ei:
        gc.geocode(bad)
    assert isinstance(ei.value, ValueError) and isinstance(ei.value, ServiceError)
    assert ei.value.status == 400 and ei.value.message


def test_bad_reverse_input(gc):
    with pytest.raises(InputError):
        gc.reverse("not a point")


class _FakeNominatim(BaseHTTPRequestHandler):
    calls: list[str] = []

    def do_GET(self):
        type(self).calls.append(self.path)
        if "Xanadu" in self.path:
            body = [
                {
                    "lat": "10.5",
                    "lon": "20.25",
                    "display_name": "Xanadu Qqq, Nowhere",
                    "place_id": 1,
                    "type": "city",
                }
            ]
        else:
            body = []
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_nominatim():
    _FakeNominatim.calls = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _FakeNominatim)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_fallback_is_off_by_default(gaz):
    assert isinstance(geocoder_from_env(gaz, env={}), GazetteerGeocoder)


def test_fallback_chain_with_cache(gaz, fake_nominatim, tmp_path):
    env = {
        "TPM_GEOCODER_FALLBACK": "nominatim",
        "TPM_NOMINATIM_DOMAIN": fake_nominatim,
        "TPM_NOMINATIM_SCHEME": "http",
        "TPM_GEOCODER_CACHE": str(tmp_path / "c.sqlite"),
        "TPM_GEOCODER_MIN_DELAY": "0",
    }
    g = geocoder_from_env(gaz, env=env)
    assert isinstance(g, FallbackGeocoder)
    # local names never reach the online service
    assert g.geocode("Baghdad").raw["id"] == "city:98182"
    assert _FakeNominatim.calls == []
    loc = g.geocode("Xanadu Qqq")
    assert loc.raw["source"] == "nominatim" and loc.latitude == 10.5
    assert len(_FakeNominatim.calls) == 1
    # the persistent cache answers the second time, also from a fresh geocoder
    g2 = geocoder_from_env(gaz, env=env)
    assert g2.geocode("Xanadu Qqq").longitude == 20.25
    assert len(_FakeNominatim.calls) == 1
    assert g2.geocode("Nowhereland") is None
    assert g2.geocode("Nowhereland") is None
    assert len(_FakeNominatim.calls) == 2  # negative answers are cached too


def test_cache_roundtrip(tmp_path):
    c = GeocodeCache(tmp_path / "x.sqlite")
    assert c.get("p", "q") == (False, None)
    c.put("p", "q", {"a": 1})
    assert c.get("p", "q") == (True, {"a": 1})


def test_unreachable_provider_gives_service_error(gaz, tmp_path):
    env = {
        "TPM_GEOCODER_FALLBACK": "nominatim",
        "TPM_NOMINATIM_DOMAIN": "127.0.0.1:9",
        "TPM_NOMINATIM_SCHEME": "http",
        "TPM_GEOCODER_CACHE": str(tmp_path / "c.sqlite"),
        "TPM_GEOCODER_MIN_DELAY": "0",
    }
    g = geocoder_from_env(gaz, env=env)
    with pytest.raises(ServiceError) as ei:
        g.geocode("Xanadu Qqq")
    assert ei.value.status == 502 and isinstance(ei.value, OSError)
