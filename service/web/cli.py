"""Web sub-commands of ``python -m service``: ``serve`` and ``token``.

``serve`` runs the application with gunicorn (the production server ``make run`` uses) on any
database (``--database`` or ``$DATABASE_URL``).  ``token create`` prints a new API token once
and stores only its SHA-256 in ``<instance>/api-tokens.json`` (or ``--file``); ``token list``
and ``token revoke`` manage them.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..cli import _print_json, command


def _setup_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--host",
        default=os.environ.get("HOST", "127.0.0.1"),
        help="address to listen on (default 127.0.0.1)",
    )
    p.add_argument(
        "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="port (default 8000)"
    )
    p.add_argument(
        "--database", help="database URL (default $DATABASE_URL or the instance SQLite file)"
    )
    p.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    p.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    p.add_argument(
        "--dev",
        action="store_true",
        help="Werkzeug's development server instead of gunicorn (reloads code)",
    )


@command("serve", _setup_serve)
def _serve(args: argparse.Namespace) -> int:
    """Serve the maps, the JSON API and OGC API – Features over HTTP."""
    from ..errors import InputError

    if not 0 < args.port < 65536:
        raise InputError("--port must be between 1 and 65535")
    if args.workers < 1 or args.threads < 1:
        raise InputError("--workers and --threads must be at least 1")
    if args.database:
        os.environ["DATABASE_URL"] = args.database
    if args.dev:
        from . import create_app

        app = create_app()
        app.run(host=args.host, port=args.port, debug=False, use_reloader=True)
        return 0
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    cmd = [
        gunicorn if os.path.exists(gunicorn) else "gunicorn",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--access-logfile",
        "-",
        "service.web:create_app()",
    ]
    print(f"serving http://{args.host}:{args.port}/", file=sys.stderr, flush=True)
    os.execvp(cmd[0], cmd)
    return 0  # pragma: no cover - exec does not return


def _setup_token(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    c = sub.add_parser("create", help="make a token, print it once, store its hash")
    c.add_argument("--name", default="", help="a note: who or what uses the token")
    c.add_argument(
        "--scope",
        action="append",
        choices=("read", "write"),
        help="read (private reads) or write (ingest, edits; the default)",
    )
    c.add_argument("--file", help="tokens file (default <instance>/api-tokens.json)")
    c.add_argument("--json", action="store_true", help="print {id, token, scopes} as JSON")
    ls = sub.add_parser("list", help="the stored tokens (ids, names, scopes; never secrets)")
    ls.add_argument("--file", help="tokens file")
    r = sub.add_parser("revoke", help="remove a token by id")
    r.add_argument("id", help="the token's id (see token list)")
    r.add_argument("--file", help="tokens file")


def _tokens(path: str | None):
    from .config import load_config
    from .security import TokenStore

    cfg = load_config({"TOKENS_FILE": path} if path else None)
    return TokenStore(cfg["TOKENS_FILE"])


@command("token", _setup_token)
def _token(args: argparse.Namespace) -> int:
    """Create, list or revoke API tokens (stored hashed)."""
    store = _tokens(args.file)
    if args.action == "create":
        token, rec = store.create(args.name, args.scope or ["write"])
        if args.json:
            _print_json(
                {
                    "id": rec.id,
                    "token": token,
                    "scopes": sorted(rec.scopes),
                    "file": str(store.path),
                }
            )
        else:
            print(token)
            print(
                f"token {rec.id} ({', '.join(sorted(rec.scopes))}) stored hashed in "
                f"{store.path}; it is shown only now",
                file=sys.stderr,
            )
        return 0
    if args.action == "list":
        _print_json(
            [{k: v for k, v in r.to_json().items() if k != "hash"} for r in store.records()]
        )
        return 0
    store.revoke(args.id)
    print(f"token {args.id} revoked", file=sys.stderr)
    return 0
