"""Serve the app over real HTTP on loopback in a background thread (notebooks, tests).

>>> from service.web import create_app
>>> from service.web.testing import serve_in_thread
>>> with serve_in_thread(create_app()) as server:          # doctest: +SKIP
...     requests.get(server.url + "/healthz")

This is werkzeug's development server: loopback only, never for production (``make run``
uses gunicorn).
"""

from __future__ import annotations

import ipaddress
import threading
from typing import Any

from ..errors import InputError


class LiveServer:
    """A running server: ``url`` (``http://127.0.0.1:<port>``), ``port``, ``stop()``."""

    def __init__(
        self, app: Any, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True
    ) -> None:
        from werkzeug.serving import WSGIRequestHandler, make_server

        class _Handler(WSGIRequestHandler):
            def log_request(self, *args: Any, **kwargs: Any) -> None:
                if not quiet:
                    super().log_request(*args, **kwargs)

        self.app = app
        self._server = make_server(host, port, app, threaded=True, request_handler=_Handler)
        self.host = host
        self.port = self._server.server_port
        self.url = f"http://{f'[{host}]' if ':' in host else host}:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"tpm-serve-{self.port}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._thread.is_alive() else "stopped"
        return f"<LiveServer {self.url} {state}>"


def serve_in_thread(
    app: Any, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True
) -> LiveServer:
    """Serve ``app`` on ``host:port`` (port 0: a free port) in a daemon thread.

    ``quiet`` (default) drops the per-request access log lines; errors are still logged.

    Raises
    ------
    InputError
        If ``host`` is not a loopback address (this server is not for the network).
    """
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        raise InputError("serve_in_thread serves on loopback only (127.0.0.1, ::1)")
    return LiveServer(app, host, port, quiet=quiet)
