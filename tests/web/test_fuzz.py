"""Fuzzing with schemathesis against /openapi.json over loopback: no 5xx, ≥ 1,000 requests.

Schemathesis runs as a subprocess (its own CLI) against the app served in this process; a
WSGI middleware counts what the server really received and how it answered, so the test
does not rely on the fuzzer's own report.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from .conftest import NO_LIMITS

MIN_REQUESTS = 1000
TIME_BUDGET = 45  # seconds of fuzzing (schemathesis stops itself)


class Counter:
    def __init__(self, app) -> None:
        self.app = app
        self.statuses: collections.Counter = collections.Counter()
        self.server_errors: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        line = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']}?{environ.get('QUERY_STRING')}"

        def start(status, headers, exc_info=None):
            code = int(status.split()[0])
            with self.lock:
                self.statuses[code] += 1
                if code >= 500:
                    self.server_errors.append(f"{code} {line[:300]}")
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def test_schemathesis_finds_no_server_errors(make_app, tokens, serve, tmp_path):
    exe = Path(sys.executable).with_name("schemathesis")
    assert exe.exists() or shutil.which("schemathesis"), "schemathesis is in requirements.txt"
    app = make_app(RATE_LIMITS=dict(NO_LIMITS))
    counter = Counter(app.wsgi_app)
    app.wsgi_app = counter
    srv = serve(app)
    token = tokens("write")
    t0 = time.monotonic()
    proc = subprocess.run(
        [
            str(exe if exe.exists() else "schemathesis"),
            "run",
            f"{srv.url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "10",
            "--workers",
            "2",
            "--seed",
            "20251001",
            "--generation-database",
            "none",
            "--warnings",
            "off",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-time",
            str(TIME_BUDGET),
            "--request-timeout",
            "30",
            "--no-color",
            "--header",
            f"Authorization: Bearer {token}",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIME_BUDGET + 90,
    )
    elapsed = time.monotonic() - t0
    total = sum(counter.statuses.values())
    report = proc.stdout[-3000:]
    assert counter.server_errors == [], counter.server_errors[:20]
    assert total >= MIN_REQUESTS, f"only {total} requests in {elapsed:.0f} s\n{report}"
    assert not re.search(r"\bFailures?\b.*not_a_server_error", report), report
    # every kind of answer the API documents shows up, and most requests got through
    assert counter.statuses[200] > total // 5, counter.statuses
    assert counter.statuses[400] > 0 and counter.statuses[404] > 0
    print(f"schemathesis: {total} requests in {elapsed:.0f} s: {dict(counter.statuses)}")
