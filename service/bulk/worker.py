"""What runs on the Dask workers: pure functions, plain data in and out.

:func:`prepare_chunk` extracts a few articles with the store's own code path
(:func:`service.store.store.prepare_article`), so the claims written are the same as those of
the one-process ``ingest``.  The gazetteer is loaded once per worker process (the first task,
or :func:`warm_up`) and reused.  A failing article does not fail the task: its error comes
back as data, so the client can record it and go on.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

ERROR_CHARS = 2000
_EXTRACTORS: dict[str, Callable[..., Any]] = {}


def _gazetteer():
    from ..gazetteer import load_gazetteer

    return load_gazetteer()  # cached per process


def _extractor(path: str | None) -> Callable[..., Any]:
    """``extract_article``, or ``module:function`` (a drop-in extractor, e.g. in tests)."""
    key = path or ""
    fn = _EXTRACTORS.get(key)
    if fn is None:
        if path:
            mod, _, name = path.partition(":")
            fn = getattr(importlib.import_module(mod), name)
        else:
            from ..extract import extract_article as fn
        _EXTRACTORS[key] = fn
    return fn


def warm_up(extractor: str | None = None) -> dict[str, Any]:
    """Load the gazetteer and the extractor (run on every worker before the first task)."""
    gaz = _gazetteer()
    _extractor(extractor)
    return {"pid": os.getpid(), "places": len(gaz)}


def error_text(exc: BaseException) -> str:
    """A one-line description of an article's failure."""
    from ..errors import ServiceError

    if isinstance(exc, ServiceError):
        msg = f"{type(exc).__name__}: {exc.message}"
    else:
        msg = f"{type(exc).__name__}: {exc}"
    return " ".join(msg.split())[:ERROR_CHARS]


def prepare_chunk(
    items: list[tuple[int, str, dict[str, Any]]], extractor: str | None = None
) -> list[tuple[int, str, Any]]:
    """Extract and prepare a few articles.

    Parameters
    ----------
    items : list of (seq, text, meta)
        ``meta`` holds ``published, url, outlet, title, lang, outlet_ar``.

    Returns
    -------
    list of (seq, "ok", PreparedArticle) or (seq, "error", message)
    """
    from ..store.store import prepare_article

    gaz = _gazetteer()
    fn = _extractor(extractor)
    out: list[tuple[int, str, Any]] = []
    for seq, text, meta in items:
        try:
            prep = prepare_article(
                text,
                published=meta.get("published"),
                url=meta.get("url"),
                outlet=meta.get("outlet"),
                title=meta.get("title"),
                lang=meta.get("lang") or "auto",
                outlet_ar=meta.get("outlet_ar"),
                extractor=fn,
                gazetteer=gaz,
            )
        except Exception as exc:  # recorded by the client; the run goes on
            out.append((seq, "error", error_text(exc)))
        else:
            out.append((seq, "ok", prep))
    return out


def place_rows(ids: list[str]) -> list[dict[str, Any]]:
    """``places`` rows (with geometry) for gazetteer place ids the store does not have."""
    from ..store.store import place_row_from

    gaz = _gazetteer()
    return [place_row_from(gaz.get(pid), gaz.geometry(pid)) for pid in ids]


def memory_rss() -> int:
    """This worker process's resident memory in bytes."""
    import psutil

    return psutil.Process().memory_info().rss
