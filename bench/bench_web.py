"""Web service throughput and p99 latency on loopback, side by side with pygeoapi.

Both servers run under gunicorn with the same settings (2 workers × 4 threads) on 127.0.0.1,
one after the other, and serve the same features: the posture GeoJSON on one date (ours:
``/api/posture?date=D``; pygeoapi: a collection of exactly those features, all items) and the
posture time steps as OGC API – Features items, 100 per page (``/ogc/collections/posture/items``
vs pygeoapi's ``/collections/posture/items``).  pygeoapi uses its standard GeoJSON file
provider and is installed only into a separate virtual environment (``build/bench-pygeoapi``),
never into the project's.

Load: a fixed number of client processes (``CONCURRENCY``), each with one keep-alive HTTP/1.1
connection, sending requests back to back for ``TPM_BENCH_SECONDS`` (default 6) after a
1-second warm-up.  Everything is bounded in time and only loopback is used.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "bench-web"
PYGEOAPI_VENV = ROOT / "build" / "bench-pygeoapi"
PYGEOAPI_VERSION = "0.21.0"
CONCURRENCY = 8
WORKERS, THREADS = 2, 4
DATE = "2025-10-01"
SECONDS = float(os.environ.get("TPM_BENCH_SECONDS", "6"))
N_ARTICLES = 150
PLACES = (
    "Harir Air Base",
    "Ain al-Asad Air Base",
    "Erbil Air Base",
    "Baghdad",
    "Al-Tanf garrison",
    "Camp Arifjan",
    "Al Udeid Air Base",
    "Incirlik Air Base",
    "Muwaffaq Salti Air Base",
)
ACTORS = ("US", "British", "French", "German", "Italian", "Canadian", "Spanish")


# ------------------------------------------------------------------------------ load generator
def _client(args) -> tuple[list[float], int]:
    import http.client

    port, path, seconds = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept-Encoding": "identity"})
            resp = conn.getresponse()
            resp.read()
            if resp.status != 200:
                errors += 1
            if (resp.getheader("Connection") or "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        lat.append(time.perf_counter() - t0)
    conn.close()
    return lat, errors


def _run_clients(port: int, path: str, seconds: float) -> list[tuple[list[float], int]]:
    """``CONCURRENCY`` forked client processes; each sends its results back on a queue."""
    ctx = mp.get_context("fork")  # fork: the target is not pickled (this file is no module)
    q = ctx.Queue()

    def main(i: int) -> None:
        q.put((i, _client((port, path, seconds))))

    procs = [ctx.Process(target=main, args=(i,), daemon=True) for i in range(CONCURRENCY)]
    for p in procs:
        p.start()
    out = [q.get(timeout=seconds + 120)[1] for _ in procs]
    for p in procs:
        p.join(timeout=30)
    return out


def measure(port: int, path: str, seconds: float = SECONDS) -> dict[str, float]:
    """Requests/s and latency percentiles at ``CONCURRENCY`` connections."""
    _run_clients(port, path, 1.0)  # warm-up
    t0 = time.monotonic()
    results = _run_clients(port, path, seconds)
    elapsed = time.monotonic() - t0
    lat = sorted(x for r, _ in results for x in r)
    errors = sum(e for _, e in results)
    if not lat:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "errors": errors}
    return {
        "rps": len(lat) / elapsed,
        "p50": lat[len(lat) // 2] * 1000,
        "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000,
        "errors": errors,
    }


# ------------------------------------------------------------------------------ servers
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, path: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    import http.client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", path)
            if c.getresponse().status == 200:
                c.close()
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"server on port {port} did not start")


class Server:
    def __init__(
        self, argv: list[str], env: dict[str, str], port: int, ready: str, log: Path
    ) -> None:
        self.port = port
        self.log = open(log, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            argv,
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait(port, ready, self.proc)
        except Exception:
            self.stop()
            raise

    def get(self, path: str) -> bytes:
        import http.client

        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        c.close()
        if r.status != 200:
            raise RuntimeError(f"{path}: HTTP {r.status}: {body[:200]!r}")
        return body

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def gunicorn_argv(gunicorn: str, port: int, app: str) -> list[str]:
    return [
        gunicorn,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--threads",
        str(THREADS),
        "--timeout",
        "120",
        "--log-level",
        "warning",
        app,
    ]


# ------------------------------------------------------------------------------ data
def build_database() -> tuple[Path, dict, dict]:
    """The bundled data plus synthetic articles; the features both servers serve."""
    sys.path.insert(0, str(ROOT))
    from service.store import Store
    from service.web.ogc import build_posture

    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "instance").mkdir(parents=True)
    db = WORK / "tpm.sqlite"
    st = Store.open(f"sqlite:///{db}")
    st.load_scenario(ROOT / "data" / "scenarios" / "coalition-transition-2024-2026.yaml")
    seed = ROOT / "data" / "articles" / "000_7ae508696a5057b9.txt"
    st.ingest_article(
        seed.read_text(encoding="utf-8"), published="2024-09-27", outlet="Almaghrib Today"
    )
    for i in range(N_ARTICLES):
        actor, place = ACTORS[i % len(ACTORS)], PLACES[(i * 5) % len(PLACES)]
        st.ingest_article(
            f"About {120 + 37 * i:,} {actor} troops are stationed at {place}, "
            f"officials said (report {i}).",
            published=f"{2024 + i % 3}-{1 + i % 12:02d}-{1 + i % 27:02d}",
            outlet=f"Wire {i % 11}",
        )
    posture = json.loads(json.dumps(st.posture_at(DATE).to_geojson()))
    for f in posture["features"]:
        p = f["properties"]
        f["id"] = f"{p['actor']}~{p['place_id']}"
    steps = build_posture(st)
    step_fc = {"type": "FeatureCollection", "features": [json.loads(it.text) for it in steps.items]}
    st.close()
    return db, posture, step_fc


def pygeoapi_env() -> tuple[Path | None, str]:
    """The benchmark-only virtual environment with pygeoapi and gunicorn."""
    py = PYGEOAPI_VENV / "bin" / "python"
    marker = PYGEOAPI_VENV / f".pygeoapi-{PYGEOAPI_VERSION}"
    if marker.exists() and py.exists():
        return PYGEOAPI_VENV, ""
    try:
        if not py.exists():
            subprocess.run(
                [sys.executable, "-m", "venv", str(PYGEOAPI_VENV)],
                check=True,
                timeout=300,
                capture_output=True,
            )
        out = subprocess.run(
            [
                str(py),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                f"pygeoapi=={PYGEOAPI_VERSION}",
                "gunicorn",
            ],
            timeout=900,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            return None, (out.stderr.strip().splitlines() or ["pip failed"])[-1][:200]
        marker.touch()
        return PYGEOAPI_VENV, ""
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:200]


def pygeoapi_config(port: int, posture: dict, steps: dict) -> tuple[Path, Path]:
    import yaml

    d = WORK / "pygeoapi"
    d.mkdir(exist_ok=True)
    (d / "posture-at-date.geojson").write_text(json.dumps(posture))
    (d / "posture-steps.geojson").write_text(json.dumps(steps))
    ext = {
        "spatial": {
            "bbox": [-180, -90, 180, 90],
            "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        }
    }

    def coll(title: str, data: str) -> dict:
        return {
            "type": "collection",
            "title": title,
            "description": title,
            "keywords": ["posture"],
            "extents": ext,
            "providers": [
                {"type": "feature", "name": "GeoJSON", "data": str(d / data), "id_field": "id"}
            ],
        }

    cfg = {
        "server": {
            "bind": {"host": "127.0.0.1", "port": port},
            "url": f"http://127.0.0.1:{port}",
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "language": "en-US",
            "cors": False,
            "pretty_print": False,
            "limits": {"default_items": 100, "max_items": 10000},
            "map": {
                "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "attribution": "OpenStreetMap",
            },
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {
                "title": "bench",
                "description": "bench",
                "keywords": ["bench"],
                "keywords_type": "theme",
                "terms_of_service": "none",
                "url": "http://127.0.0.1",
            },
            "license": {"name": "none", "url": "http://127.0.0.1"},
            "provider": {"name": "bench", "url": "http://127.0.0.1"},
            "contact": {
                "name": "bench",
                "position": "bench",
                "address": "x",
                "city": "x",
                "stateorprovince": "x",
                "postalcode": "x",
                "country": "x",
                "phone": "x",
                "fax": "x",
                "email": "x@example.org",
                "url": "http://127.0.0.1",
                "hours": "x",
                "instructions": "x",
                "role": "pointOfContact",
            },
        },
        "resources": {
            "posture_at_date": coll("posture at date", "posture-at-date.geojson"),
            "posture": coll("posture steps", "posture-steps.geojson"),
        },
    }
    path = d / "pygeoapi-config.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True))
    return path, d / "openapi.yml"


# ------------------------------------------------------------------------------ run
def run(report) -> None:
    t_start = time.monotonic()
    db, posture, steps = build_database()
    n_posture, n_steps = len(posture["features"]), len(steps["features"])
    report(f"web: features in the posture on {DATE}", n_posture, "features", "")
    report("web: posture time steps (OGC posture collection)", n_steps, "features", "")
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "TPM_INSTANCE_PATH": str(WORK / "instance"),
        "PYTHONPATH": str(ROOT),
    }
    ours_paths = {
        "posture": f"/api/posture?date={DATE}",
        "items": "/ogc/collections/posture/items?limit=100",
    }
    results: dict[tuple[str, str], dict[str, float]] = {}

    port = _free_port()
    srv = Server(
        gunicorn_argv(gunicorn, port, "service.web:create_app()"),
        env,
        port,
        "/healthz",
        WORK / "ours.log",
    )
    try:
        got = json.loads(srv.get(ours_paths["posture"]))
        assert len(got["features"]) == n_posture, "ours: posture feature count differs"
        got = json.loads(srv.get(ours_paths["items"]))
        assert got["numberMatched"] == n_steps, "ours: step count differs"
        for key, path in ours_paths.items():
            results[("ours", key)] = measure(port, path)
    finally:
        srv.stop()

    port = _free_port()
    srv = Server(
        gunicorn_argv(gunicorn, port, "service.web:create_app()"),
        {**env, "TPM_RESPONSE_CACHE_SIZE": "0"},
        port,
        "/healthz",
        WORK / "ours-nocache.log",
    )
    try:
        results[("ours-nocache", "posture")] = measure(port, ours_paths["posture"])
    finally:
        srv.stop()

    venv, why = pygeoapi_env()
    if venv is not None:
        port = _free_port()
        cfg, oapi = pygeoapi_config(port, posture, steps)
        penv = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
        penv.update(PYGEOAPI_CONFIG=str(cfg), PYGEOAPI_OPENAPI=str(oapi))
        gen = subprocess.run(
            [
                str(venv / "bin" / "pygeoapi"),
                "openapi",
                "generate",
                str(cfg),
                "--output-file",
                str(oapi),
            ],
            env=penv,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if gen.returncode != 0:
            venv, why = None, "pygeoapi openapi generate failed: " + gen.stderr[-200:]
    if venv is not None:
        theirs = {
            "posture": "/collections/posture_at_date/items?limit=10000&f=json",
            "items": "/collections/posture/items?limit=100&f=json",
        }
        try:
            srv = Server(
                gunicorn_argv(str(venv / "bin" / "gunicorn"), port, "pygeoapi.flask_app:APP"),
                penv,
                port,
                "/collections?f=json",
                WORK / "pygeoapi.log",
            )
        except Exception as exc:
            venv, why = None, f"pygeoapi did not start: {exc}"[:200]
    if venv is not None:
        try:
            got = json.loads(srv.get(theirs["posture"]))
            assert len(got["features"]) == n_posture, "pygeoapi: posture count differs"
            got = json.loads(srv.get(theirs["items"]))
            assert got["numberMatched"] == n_steps, "pygeoapi: step count differs"
            for key, path in theirs.items():
                results[("pygeoapi", key)] = measure(port, path)
        finally:
            srv.stop()

    labels = {
        "posture": f"posture GeoJSON on one date ({n_posture} features)",
        "items": "OGC items, 100 per page",
    }
    for key, label in labels.items():
        ours = results[("ours", key)]
        report(
            f"web: {label}: ours", round(ours["rps"], 1), "req/s", f"c={CONCURRENCY}, ≥ 2× pygeoapi"
        )
        report(f"web: {label}: ours p99", round(ours["p99"], 2), "ms", "")
        if key == "posture":
            nc = results[("ours-nocache", "posture")]
            report(
                f"web: {label}: ours, response cache off",
                round(nc["rps"], 1),
                "req/s",
                "computed per request",
            )
            report(f"web: {label}: ours, response cache off p99", round(nc["p99"], 2), "ms", "")
            if venv is not None and results[("pygeoapi", key)]["rps"]:
                report(
                    f"web: {label}: ours, cache off ÷ pygeoapi",
                    round(nc["rps"] / results[("pygeoapi", key)]["rps"], 2),
                    "×",
                    "(store-bound)",
                )
        if venv is not None:
            th = results[("pygeoapi", key)]
            report(
                f"web: {label}: pygeoapi {PYGEOAPI_VERSION}",
                round(th["rps"], 1),
                "req/s",
                "GeoJSON provider",
            )
            report(f"web: {label}: pygeoapi p99", round(th["p99"], 2), "ms", "")
            report(
                f"web: {label}: ours ÷ pygeoapi",
                round(ours["rps"] / th["rps"], 2) if th["rps"] else float("inf"),
                "×",
                "≥ 2",
            )
        errs = ours["errors"] + (results[("pygeoapi", key)]["errors"] if venv else 0)
        if errs:
            report(f"web: {label}: failed requests", errs, "requests", "0")
    if venv is None:
        report("web: pygeoapi comparison", f"not run: {why}", "", "")
    report("web: benchmark wall time", round(time.monotonic() - t_start, 1), "s", "")


if __name__ == "__main__":

    def _print(name, value, unit, goal=""):
        print(f"{name}: {value} {unit} {goal}")

    run(_print)
