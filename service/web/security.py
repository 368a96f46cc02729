"""API tokens, rate limits and security headers (no Flask here).

Tokens
    A token is ``tpm_`` + 43 URL-safe characters (32 random bytes from :mod:`secrets`).  Only
    its SHA-256 is stored — in ``<instance>/api-tokens.json`` (written by ``python -m service
    token create``, mode 0600) or in the ``API_TOKENS`` setting.  A plain hash is enough
    because the secret has 256 bits of entropy (nothing to brute-force, unlike a password)
    and it keeps checking a request cheap; hashes are compared with
    :func:`hmac.compare_digest`, against every stored token, so timing tells nothing.
    Scopes: ``read`` (private reads) and ``write`` (ingest, edits; implies ``read``).

Rate limits
    An in-process token bucket per (bucket, client).  Each gunicorn worker keeps its own
    buckets, so with *N* workers a client gets up to *N* times the configured rate; a
    deployment that needs exact limits across workers or hosts must put a shared limiter
    (a reverse proxy's, or one backed by Redis) in front.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AuthError, ForbiddenError, InputError, NotFoundError, RateLimitedError

TOKEN_PREFIX = "tpm_"
SCOPES = ("read", "write")
_MAX_HEADER = 512


# ------------------------------------------------------------------------------ tokens
def new_token() -> str:
    """A fresh random token (shown once, never stored)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """``sha256:<hex>`` of a token."""
    return "sha256:" + hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """Who made a request: a token's id and scopes (``anonymous`` has none)."""

    id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    name: str = ""

    @property
    def authenticated(self) -> bool:
        return self.id != "anonymous"

    def can(self, scope: str) -> bool:
        return scope in self.scopes or (scope == "read" and "write" in self.scopes)


ANONYMOUS = Principal("anonymous")


@dataclass(frozen=True, slots=True)
class TokenRecord:
    id: str
    hash: str
    scopes: frozenset[str]
    name: str = ""
    created: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "hash": self.hash,
            "scopes": sorted(self.scopes),
            "created": self.created,
        }


def _record(obj: Any, i: int) -> TokenRecord:
    if isinstance(obj, str):
        obj = {"hash": obj}
    if not isinstance(obj, dict) or not isinstance(obj.get("hash"), str):
        raise InputError("a stored token needs a 'hash' (sha256:<hex>)")
    h = obj["hash"].strip().lower()
    if not h.startswith("sha256:") or len(h) != 7 + 64:
        raise InputError("a stored token hash must be sha256:<64 hex digits>")
    try:
        bytes.fromhex(h[7:])
    except ValueError:
        raise InputError("a stored token hash must be sha256:<64 hex digits>") from None
    scopes = obj.get("scopes") or ["write"]
    scopes = [scopes] if isinstance(scopes, str) else list(scopes)
    bad = [s for s in scopes if s not in SCOPES]
    if bad:
        raise InputError(f"unknown token scope {bad[0]!r} (read or write)")
    return TokenRecord(
        str(obj.get("id") or f"config-{i}"),
        h,
        frozenset(scopes),
        str(obj.get("name") or ""),
        str(obj.get("created") or ""),
    )


class TokenStore:
    """Token hashes from the tokens file (re-read when it changes) and from the settings."""

    def __init__(self, path: str | Path, configured: Iterable[Any] = ()) -> None:
        self.path = Path(path)
        self._configured = [_record(t, i) for i, t in enumerate(configured)]
        self._file: list[TokenRecord] = []
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    # -- reading
    def _file_records(self) -> list[TokenRecord]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self._file, self._stamp = [], None
            return []
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self._stamp:
            with self._lock:
                data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
                self._file = [_record(t, i) for i, t in enumerate(data.get("tokens", []))]
                self._stamp = stamp
        return self._file

    def records(self) -> list[TokenRecord]:
        return [*self._configured, *self._file_records()]

    def verify(self, token: str) -> Principal | None:
        """The token's principal, or ``None``; constant time in the token's value."""
        digest = hash_token(token)
        found: TokenRecord | None = None
        for rec in self.records():  # no early exit: every hash is compared
            if hmac.compare_digest(digest, rec.hash):
                found = rec
        if found is None:
            return None
        return Principal(found.id, found.scopes, found.name)

    # -- writing (the command line)
    def _write(self, records: list[TokenRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        body = json.dumps({"tokens": [r.to_json() for r in records]}, indent=1)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body + "\n")
        os.replace(tmp, self.path)

    def _locked(self):
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(self.path.with_name(self.path.name + ".lock"), "a+")  # noqa: SIM115
        fcntl.flock(lock, fcntl.LOCK_EX)
        return lock

    def create(self, name: str = "", scopes: Iterable[str] = ("write",)) -> tuple[str, TokenRecord]:
        """Make a token, store its hash, return ``(token, record)``."""
        scopes = sorted(set(scopes))
        for s in scopes:
            if s not in SCOPES:
                raise InputError(f"unknown scope {s!r} (read or write)")
        if len(name) > 100:
            raise InputError("the token name is too long (100 characters at most)")
        token = new_token()
        lock = self._locked()
        try:
            existing = list(self._read_file_unlocked())
            tid = secrets.token_hex(4)
            while any(r.id == tid for r in existing):
                tid = secrets.token_hex(4)
            rec = TokenRecord(
                tid,
                hash_token(token),
                frozenset(scopes or ["write"]),
                name,
                dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            )
            self._write([*existing, rec])
        finally:
            lock.close()
        return token, rec

    def revoke(self, token_id: str) -> None:
        lock = self._locked()
        try:
            existing = list(self._read_file_unlocked())
            keep = [r for r in existing if r.id != token_id]
            if len(keep) == len(existing):
                raise NotFoundError(f"no token with id {token_id[:40]!r} in {self.path.name}")
            self._write(keep)
        finally:
            lock.close()

    def _read_file_unlocked(self) -> list[TokenRecord]:
        if not self.path.exists():
            return []
        data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        return [_record(t, i) for i, t in enumerate(data.get("tokens", []))]


def token_from_header(header: str | None) -> str | None:
    """The token in ``Authorization: Bearer <t>`` or ``Basic base64(<any>:<t>)``.

    Raises
    ------
    AuthError
        A malformed Authorization header.
    """
    if not header:
        return None
    if len(header) > _MAX_HEADER:
        raise AuthError("the Authorization header is too long")
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return value
    if scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise AuthError("malformed Basic credentials") from None
        _, sep, password = decoded.partition(":")
        if sep and password:
            return password
    raise AuthError("use 'Authorization: Bearer <token>'")


def authenticate(tokens: TokenStore, header: str | None) -> Principal:
    """The principal of a request (``ANONYMOUS`` without credentials)."""
    token = token_from_header(header)
    if token is None:
        return ANONYMOUS
    p = tokens.verify(token)
    if p is None:
        raise AuthError("the API token is not valid")
    return p


def require_scope(principal: Principal, scope: str) -> None:
    """401 without a token, 403 with a token that lacks ``scope``."""
    if not principal.authenticated:
        raise AuthError("this needs an API token (Authorization: Bearer <token>)")
    if not principal.can(scope):
        raise ForbiddenError(f"this API token may not {scope}")


# ------------------------------------------------------------------------------ rate limits
class RateLimiter:
    """Token buckets per client: ``capacity`` requests at once, refilled at ``rate``/s."""

    MAX_CLIENTS = 50_000

    def __init__(self, capacity: float, rate: float, clock=time.monotonic) -> None:
        self.capacity = capacity
        self.rate = rate
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def hit(self, client: str, cost: float = 1.0) -> None:
        """Take ``cost`` tokens or raise :class:`RateLimitedError` (with ``retry_after``)."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < cost:
                self._buckets[client] = (tokens, now)
                wait = max(1, int((cost - tokens) / self.rate + 0.999))
                exc = RateLimitedError(f"too many requests; try again in {wait} s")
                exc.retry_after = wait  # type: ignore[attr-defined]
                raise exc
            self._buckets[client] = (tokens - cost, now)
            if len(self._buckets) > self.MAX_CLIENTS:
                self._prune(now)

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, (t, last) in self._buckets.items()
            if t + (now - last) * self.rate >= self.capacity
        ]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) > self.MAX_CLIENTS:  # still too many: forget the oldest half
            for k, _ in sorted(self._buckets.items(), key=lambda kv: kv[1][1])[
                : len(self._buckets) // 2
            ]:
                del self._buckets[k]


# ------------------------------------------------------------------------------ headers
def csp_hash(code: str) -> str:
    """A CSP ``'sha256-…'`` source for an inline script's text."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """CSP hashes of every inline ``<script>`` in a page (those with a body)."""
    import re

    out = []
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script\s*>", html, re.S | re.I):
        attrs, body = m.group(1), m.group(2)
        if re.search(r"\bsrc\s*=", attrs, re.I) or not body:
            continue
        h = csp_hash(body)
        if h not in out:
            out.append(h)
    return out


def csp_for(
    kind: str,
    *,
    frame_ancestors: str = "'none'",
    script_hashes: Iterable[str] = (),
    img_origins: Iterable[str] = (),
) -> str:
    """The Content-Security-Policy of a response kind: ``api``, ``page``, ``map``, ``docs``."""
    if kind == "map":
        parts = [
            "default-src 'none'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: " + " ".join(img_origins),
            "font-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {frame_ancestors}",
        ]
    elif kind in ("page", "docs"):
        parts = [
            "default-src 'none'",
            "style-src 'self'",
            "img-src 'self' data:",
            "frame-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'self'",
        ]
    else:  # JSON, text, static files
        parts = [
            "default-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    return "; ".join(" ".join(p.split()) for p in parts)
