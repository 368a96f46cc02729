"""Input decoding and the plain-text view of an article.

An article arrives as bytes or text, plain or HTML.  :func:`load_document` turns it into a
:class:`Document`: the *original* string (every offset the extractor reports points into it)
and a plain-text view with, for each plain character, the original offsets it came from.
For plain text the two are the same string.  HTML is stripped of tags, scripts, styles and
navigation elements; entities are decoded; block elements become line breaks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np

from ..errors import InputError, PayloadTooLargeError

MAX_CHARS = 20_000_000  # 20 M characters: far above any article, well below memory trouble


@dataclass(slots=True)
class Document:
    """An article's original text and its plain-text view."""

    original: str
    text: str
    starts: np.ndarray | None = None  # original start offset of each text char (None: same)
    ends: np.ndarray | None = None
    is_html: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to the original string."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            s = int(self.starts[start]) if start < len(self.starts) else len(self.original)
            return s, s
        return int(self.starts[start]), int(self.ends[end - 1])


def decode_input(data: bytes | str) -> str:
    """Bytes → text with a clear error for binary or non-UTF-8 input.

    Raises
    ------
    InputError
        Empty, binary (NUL bytes, mostly control characters) or mis-encoded input.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > MAX_CHARS * 4:
            raise PayloadTooLargeError(f"input is too large ({len(raw):,} bytes)")
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if b"\x00" in raw[:65536]:
            raise InputError("input looks binary (it contains NUL bytes), not article text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"input is not valid UTF-8 (bad byte at position {exc.start}); "
                "convert it to UTF-8 first"
            ) from None
    elif isinstance(data, str):
        text = data
    else:
        raise InputError("input must be text")
    if len(text) > MAX_CHARS:
        raise PayloadTooLargeError(
            f"input is too large ({len(text):,} characters; at most {MAX_CHARS:,})"
        )
    if not text.strip():
        raise InputError("input is empty")
    sample = text[:65536]
    if "\x00" in sample:
        raise InputError("input looks binary (it contains NUL characters), not article text")
    bad = len(_BAD_CHARS.findall(sample))
    if bad > max(16, len(sample) // 20):
        raise InputError(
            "input looks binary or mis-encoded (too many control or replacement characters)"
        )
    return text


_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|br|span|h[1-6]|head|meta|a\s)[\s>/]", re.I)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<![^>]*>|<\?.*?(?:\?>|$)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.S,
)
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "canvas",
    "figure",
    "menu",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "title",
    "main",
    "figcaption",
    "address",
}
_VOID = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "source",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "track",
    "wbr",
}


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    return (
        len(_HTML_HINT.findall(text[:20000])) >= 2
        or text.lstrip()[:15].lower() in ("<!doctype html", "<html>")
        or text.lstrip().lower().startswith("<!doctype html")
    )


def html_to_document(source: str) -> Document:
    """Strip tags (keeping offsets), drop script/style/navigation content."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    skip_depth = 0
    skip_tag: list[str] = []
    pos = 0

    def emit(s: str, a: int, b: int) -> None:
        for ch in s:
            out.append(ch)
            starts.append(a)
            ends.append(b)

    def emit_text(seg: str, base: int) -> None:
        for k, ch in enumerate(seg):
            out.append(ch)
            starts.append(base + k)
            ends.append(base + k + 1)

    for m in _TOKEN.finditer(source):
        if m.start() > pos and not skip_depth:
            emit_text(source[pos : m.start()], pos)
        tok = m.group(0)
        if tok.startswith("&"):
            if not skip_depth:
                emit(html.unescape(tok), m.start(), m.end())
        elif m.group(2):
            name = m.group(2).lower()
            closing = bool(m.group(1))
            self_closing = tok.rstrip().endswith("/>") or name in _VOID
            if name in _SKIP and not self_closing:
                if closing:
                    if skip_tag and skip_tag[-1] == name:
                        skip_tag.pop()
                        skip_depth -= 1
                else:
                    skip_tag.append(name)
                    skip_depth += 1
            elif not skip_depth and name in _BLOCK:
                emit("\n", m.start(), m.start())
            elif not skip_depth and name in ("td", "th"):
                emit(" ", m.start(), m.start())
        pos = m.end()
    if pos < len(source) and not skip_depth:
        emit_text(source[pos:], pos)
    text = "".join(out).replace("\u00a0", " ")
    return Document(
        source, text, np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64), True
    )


def load_document(data: bytes | str, *, is_html: bool | None = None) -> Document:
    """Decode and (for HTML) strip an article.

    Raises
    ------
    InputError
        See :func:`decode_input`; also when an HTML page has no visible text.
    """
    text = decode_input(data)
    if is_html is None:
        is_html = looks_like_html(text)
    if not is_html:
        return Document(text, text)
    doc = html_to_document(text)
    if not doc.text.strip():
        raise InputError("the HTML page has no visible text")
    return doc
