"""Real clients over real HTTP on loopback: GDAL's ogrinfo (OAPIF driver) and OWSLib.

GDAL comes from Debian's gdal-bin (installed by .ci/run); without it these tests skip locally
and fail in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import require

OGRINFO = shutil.which("ogrinfo")


class Recorder:
    """WSGI middleware that keeps the request lines a client sends."""

    def __init__(self, app) -> None:
        self.app = app
        self.requests: list[str] = []

    def __call__(self, environ, start_response):
        from urllib.parse import unquote

        qs = unquote(environ.get("QUERY_STRING", ""))
        self.requests.append(environ["PATH_INFO"] + (f"?{qs}" if qs else ""))
        return self.app(environ, start_response)


@pytest.fixture
def recorded(app, serve):
    rec = Recorder(app.wsgi_app)
    app.wsgi_app = rec
    srv = serve(app)
    return srv, rec


def ogrinfo(*args: str) -> str:
    require(OGRINFO is not None, "ogrinfo is not installed (apt-get install gdal-bin)")
    env = {
        **os.environ,
        "GDAL_HTTP_TIMEOUT": "60",
        "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": "",
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    for k in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        env.pop(k, None)
    out = subprocess.run([OGRINFO, *args], capture_output=True, text=True, timeout=180, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def features(text: str, layer: str) -> list[dict[str, str]]:
    """Features of ogrinfo's text output: ``{field: value}`` per feature."""
    out: list[dict[str, str]] = []
    for block in re.split(rf"^OGRFeature\({layer}\):\d+\s*$", text, flags=re.M)[1:]:
        row = {}
        for m in re.finditer(r"^  (\w+) \([^)]*\) = (.*)$", block, flags=re.M):
            row[m.group(1)] = m.group(2)
        out.append(row)
    return out


def test_gdal_lists_the_collections(recorded):
    srv, rec = recorded
    out = ogrinfo("-ro", "-q", f"OAPIF:{srv.url}/ogc")
    for name in ("places", "posture", "movements", "regions"):
        assert re.search(rf"^\d+: {name}\b", out, re.M), out
    summary = ogrinfo("-ro", "-so", f"OAPIF:{srv.url}/ogc", "posture")
    assert "start_date: Date" in summary and "end_date: Date" in summary
    m = re.search(r"Feature Count: (\d+)", summary)
    assert m and int(m.group(1)) > 10
    assert any(r.startswith("/ogc/collections") for r in rec.requests)


def test_gdal_reads_features_filtered_by_time(recorded, app):
    srv, rec = recorded
    out = ogrinfo(
        "-ro",
        "-q",
        f"OAPIF:{srv.url}/ogc",
        "posture",
        "-where",
        "start_date >= '2025-09-01' AND start_date <= '2025-12-31'",
    )
    feats = features(out, "posture")
    # GDAL turns the date range into datetime=…T/…T and reads every page
    timed = [r for r in rec.requests if "datetime=" in r]
    assert timed and all("datetime=2025-09-01T/2025-12-31T" in r for r in timed), rec.requests
    want = (
        app.test_client()
        .get(
            "/ogc/collections/posture/items",
            query_string={"datetime": "2025-09-01/2025-12-31", "limit": 10000},
        )
        .get_json()
    )
    assert len(feats) == want["numberMatched"] > 0
    assert {(f["actor"], f["place_id"], f["start_date"]) for f in feats} == {
        (
            f["properties"]["actor"],
            f["properties"]["place_id"],
            f["properties"]["start_date"].replace("-", "/"),
        )
        for f in want["features"]
    }
    # the whole layer has more: the filter really was applied on the server
    everything = features(ogrinfo("-ro", "-q", f"OAPIF:{srv.url}/ogc", "posture"), "posture")
    assert len(everything) > len(feats)


def test_gdal_reads_polygons_and_a_bbox(recorded):
    srv, _ = recorded
    out = ogrinfo("-ro", "-q", "-spat", "43", "35", "46", "37", f"OAPIF:{srv.url}/ogc", "regions")
    feats = features(out, "regions")
    assert any(f.get("place_id") == "region:kurdistan-region" for f in feats)
    assert "POLYGON" in out


def test_owslib_reads_the_collections(live):
    from owslib.ogcapi.features import Features

    w = Features(live.url + "/ogc", timeout=60)
    assert (
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
        in w.conformance()["conformsTo"]
    )
    ids = [c["id"] for c in w.collections()["collections"]]
    assert ids == ["places", "posture", "movements", "regions"]
    assert w.collection("posture")["extent"]["temporal"]["interval"]
    fc = w.collection_items("posture", datetime_="2025-09-01/2025-12-31", limit=5)
    assert fc["numberReturned"] == 5 and fc["numberMatched"] > 5
    for f in fc["features"]:
        p = f["properties"]
        assert p["start_date"] <= "2025-12-31"
        assert p["end_date"] is None or p["end_date"] > "2025-09-01"
    one = w.collection_item("posture", fc["features"][0]["id"])
    assert one["id"] == fc["features"][0]["id"]
    inst = w.collection_items("places", bbox=[42.3, 33.7, 42.6, 33.9], limit=50)
    assert "installation:ain-al-asad-air-base" in {f["id"] for f in inst["features"]}
    assert "actor" in w.collection_queryables("posture")["properties"]
