"""Drop-in extractors for bulk tests (imported by name on the Dask workers)."""

from __future__ import annotations

import time


def exploding_extract(text, **kw):
    """The real extractor, except that a text containing ``EXPLODE`` raises."""
    from service.extract import extract_article

    if "EXPLODE" in text:
        raise RuntimeError("the extractor blew up on purpose")
    return extract_article(text, **kw)


def slow_extract(text, **kw):
    """The real extractor, 25 ms slower (so a test can stop a run midway)."""
    from service.extract import extract_article

    time.sleep(0.025)
    return extract_article(text, **kw)
