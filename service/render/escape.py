"""The one place where text becomes HTML, and data becomes a ``<script>`` literal.

Every piece of text that reaches a map page — place names, quotes, outlets, titles, actor
names, labels, anything that came from an article or a data file — goes through :func:`esc`
in Python before it is put into the page.  The browser code (``tpm-map.js``) only
concatenates such pre-escaped fragments with constant markup; it never builds HTML from raw
text.  Data embedded in inline scripts goes through :func:`js_json`, which cannot close the
``<script>`` element or open an HTML comment whatever the strings contain.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")


def esc(value: Any) -> str:
    """HTML-escape any value as text (``None`` → ``""``); quotes too, so it is attribute-safe.

    Control characters are dropped.  ``<script>``, ``<img onerror=…>`` and the like come out
    as visible text, never as markup.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return html.escape(_CONTROL.sub("", text), quote=True)


def text_dir(value: Any) -> str:
    """``"rtl"`` when the text is mostly Arabic script, else ``"ltr"``."""
    text = "" if value is None else str(value)
    ar = len(_ARABIC.findall(text))
    return "rtl" if ar and ar >= len(_LATIN.findall(text)) else "ltr"


def text_lang(value: Any, default: str = "en") -> str:
    return "ar" if text_dir(value) == "rtl" else default


def js_json(obj: Any) -> str:
    """JSON for an inline ``<script>``: ``<``, ``>``, ``&``, U+2028/9 as ``\\u`` escapes."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def css_class(value: Any) -> str:
    """A safe CSS class fragment from an id.

    ``installation:ain-al-asad`` → ``installation-ain-al-asad``.
    """
    return re.sub(r"[^a-z0-9-]+", "-", str(value or "").lower()).strip("-")[:80] or "x"
