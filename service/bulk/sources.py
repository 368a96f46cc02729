"""Stream the articles of a bulk-ingest SOURCE: a folder, a JSON Lines file or a Parquet file.

Every source yields :class:`Item` objects one at a time (a folder file by file, JSON Lines
line by line, Parquet one record batch at a time), so a corpus larger than memory streams
through.  An item that cannot be read (not UTF-8, bad JSON, no text …) is still yielded,
with ``error`` set, so the run can record it and go on.

Fields of an article: ``text`` (required), ``url``, ``outlet``, ``published``
(``YYYY-MM-DD``; an ISO date-time is cut to its date), optional ``title``, ``lang``
(``ar``, ``en`` or ``auto``; ``language`` is accepted too) and ``outlet_ar``.  In a folder,
``*.txt`` / ``*.html`` / ``*.htm`` files are articles and their metadata comes from a sidecar
``<name>.meta.yaml`` / ``.meta.json``, exactly as for ``python -m service ingest FILE``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
PARQUET_SUFFIXES = (".parquet", ".pq")
META_FIELDS = ("published", "url", "outlet", "title", "lang", "outlet_ar")
PARQUET_BATCH_ROWS = 512
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")


@dataclass(slots=True)
class Item:
    """One article of a source (or the reason it could not be read).

    Attributes
    ----------
    ref : str
        Where it is in the source: a path relative to the folder, ``line N``, ``row N``.
    text : str or None
        The article text (``None`` when ``error`` is set).
    meta : dict
        ``published, url, outlet, title, lang, outlet_ar`` (missing ones absent).
    error : str or None
        Why the item could not be read.
    raw_hash : str or None
        SHA-256 of the raw bytes, identifying an unreadable item in the progress table.
    """

    ref: str
    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    raw_hash: str | None = None


def _raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Keep the known metadata fields, as plain str / date values (``None`` dropped)."""
    out: dict[str, Any] = {}
    for k in META_FIELDS:
        v = raw.get(k)
        if k == "lang" and v in (None, ""):
            v = raw.get("language")
        if v is None or (isinstance(v, float) and v != v):  # None / NaN
            continue
        if k == "published":
            if isinstance(v, dt.datetime):
                v = v.date()
            elif isinstance(v, str):
                m = _ISO_DATETIME.match(v.strip())
                v = m.group(1) if m else v.strip()
            elif not isinstance(v, dt.date):
                v = str(v)
        elif not isinstance(v, str):
            v = str(v)
        if v == "":
            continue
        out[k] = v
    if out.get("lang") not in (None, "ar", "en", "auto"):
        out["lang"] = str(out["lang"]).lower()[:2]
    return out


class Source:
    """A bulk-ingest source.  ``identity`` names it in the progress table."""

    kind = "?"

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def identity(self) -> str:
        return f"{self.kind}:{self.path.resolve()}"

    @property
    def key(self) -> str:
        """A short stable id of :attr:`identity` (the progress table's source column)."""
        return hashlib.sha256(self.identity.encode("utf-8")).hexdigest()[:32]

    def count(self) -> int | None:
        """The number of items (for the progress bar), if it can be known cheaply."""
        return None

    def __iter__(self) -> Iterator[Item]:  # pragma: no cover - abstract
        raise NotImplementedError


class FolderSource(Source):
    """``*.txt`` / ``*.html`` files under a folder (recursively, in sorted order)."""

    kind = "folder"

    def _files(self) -> Iterator[Path]:
        for root, dirs, files in os.walk(self.path):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(ARTICLE_SUFFIXES):
                    yield Path(root) / name

    def count(self) -> int:
        return sum(1 for _ in self._files())

    def __iter__(self) -> Iterator[Item]:
        from ..store.cli import _read_meta

        for path in self._files():
            ref = path.relative_to(self.path).as_posix()
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield Item(
                    ref,
                    None,
                    error=f"cannot read the file: {exc.strerror or exc}",
                    raw_hash=_raw_hash(ref.encode("utf-8")),
                )
                continue
            try:  # as Path.read_text does for the one-process ingest (universal newlines)
                text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
            except UnicodeDecodeError:
                yield Item(
                    ref,
                    None,
                    error=f"file {path.name!r} is not UTF-8 text",
                    raw_hash=_raw_hash(data),
                )
                continue
            try:
                meta = clean_meta(_read_meta(path))
            except Exception as exc:  # InputError, YAML / JSON errors, OSError
                msg = getattr(exc, "message", None) or str(exc)
                yield Item(
                    ref, None, error=f"bad metadata sidecar: {msg[:300]}", raw_hash=_raw_hash(data)
                )
                continue
            yield Item(ref, text, meta)


def _item_from_record(ref: str, rec: Any, raw: bytes) -> Item:
    if not isinstance(rec, dict):
        return Item(ref, None, error="not a JSON object", raw_hash=_raw_hash(raw))
    text = rec.get("text")
    if text is None:
        return Item(ref, None, error="no 'text' field", raw_hash=_raw_hash(raw))
    if not isinstance(text, str):
        return Item(ref, None, error="'text' is not a string", raw_hash=_raw_hash(raw))
    return Item(ref, text, clean_meta(rec))


class JsonlSource(Source):
    """One JSON object per line (blank lines are ignored)."""

    kind = "jsonl"

    def count(self) -> int:
        n = 0
        with self.path.open("rb") as f:
            for line in f:
                if line.strip():
                    n += 1
        return n

    def __iter__(self) -> Iterator[Item]:
        with self.path.open("rb") as f:
            for lineno, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                ref = f"line {lineno}"
                try:
                    rec = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError:
                    yield Item(
                        ref, None, error="the line is not UTF-8 text", raw_hash=_raw_hash(line)
                    )
                    continue
                except ValueError as exc:
                    yield Item(
                        ref, None, error=f"bad JSON: {str(exc)[:200]}", raw_hash=_raw_hash(line)
                    )
                    continue
                yield _item_from_record(ref, rec, line)


class ParquetSource(Source):
    """A Parquet file, read one record batch at a time (pyarrow)."""

    kind = "parquet"

    def _file(self):
        try:
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - pyarrow is in requirements.txt
            raise InputError("reading Parquet needs pyarrow") from None
        try:
            return pq.ParquetFile(self.path)
        except Exception as exc:
            raise InputError(
                f"{self.path.name}: not a readable Parquet file ({str(exc)[:200]})"
            ) from None

    def count(self) -> int:
        return self._file().metadata.num_rows

    def __iter__(self) -> Iterator[Item]:
        pf = self._file()
        names = set(pf.schema_arrow.names)
        if "text" not in names:
            raise InputError(f"{self.path.name}: no 'text' column")
        cols = [c for c in ("text", *META_FIELDS, "language") if c in names]
        row = 0
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=cols):
            for rec in batch.to_pylist():
                row += 1
                raw = json.dumps(rec, default=str, ensure_ascii=False).encode("utf-8")
                yield _item_from_record(f"row {row}", rec, raw)


def open_source(path: str | Path) -> Source:
    """The :class:`Source` for a folder, ``*.jsonl`` or ``*.parquet`` path.

    Raises
    ------
    InputError
        The path does not exist or is not a supported kind of source.
    """
    p = Path(path).expanduser()
    if p.is_dir():
        return FolderSource(p)
    if not p.exists():
        raise InputError(f"source {str(path)[:200]!r} not found")
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonlSource(p)
    if suffix in PARQUET_SUFFIXES:
        return ParquetSource(p)
    raise InputError(
        f"unsupported source {p.name!r}: give a folder of .txt/.html files, a "
        ".jsonl or a .parquet file"
    )
