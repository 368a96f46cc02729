"""Input decoding and the plain-text view of an article.

An article arrives as bytes or text, plain or HTML.  :func:`load_document` turns it into a
:class:`Document`: the *original* string (every offset the extractor reports points into it)
and a plain-text view with, for each plain character, the original offsets it came from.
For plain text the two are the same string.  HTML is stripped of tags, scripts, styles and
navigation elements; entities are decoded; block elements become line breaks.

Data tables (a header row of two or more cells over rows of the same shape, few links) are
rendered row by row as sentences that carry the column labels — "Country: Chad; French troops,
Jan 2022: c. 1,000; Status: Withdrawn Jan 2025." — because the grammar reads a number's troop
noun and date from its context, and in a table that context is the column header.  The copied
labels are *synthetic*: each of their characters maps to the empty span at the start of the
cell it labels, and :attr:`Document.synthetic` lists them so that no mention is taken from
them (the header row itself stays in the text once, with its real offsets).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputError, PayloadTooLargeError
from .fastre import rx

MAX_CHARS = 20_000_000  # 20 M characters: far above any article, well below memory trouble


@dataclass(slots=True)
class Document:
    """An article's original text and its plain-text view."""

    original: str
    text: str
    starts: np.ndarray | None = None  # original start offset of each text char (None: same)
    ends: np.ndarray | None = None
    is_html: bool = False
    #: plain-text spans of copied column labels (context for the grammar, never mentions)
    synthetic: list[tuple[int, int]] = field(default_factory=list)
    #: plain-text spans of the lines rendered from data-table rows (article content)
    table_rows: list[tuple[int, int]] = field(default_factory=list)
    #: plain-text spans of tables made mostly of links (menus, "most read"): boilerplate
    link_tables: list[tuple[int, int]] = field(default_factory=list)

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


_BAD_CHARS = rx(r"[\x00-\x08\x0e-\x1f\ufffd]")
_HTML_HINT = rx(r"<\s*(html|body|p|div|article|br|span|h[1-6]|head|meta|a\s)[\s>/]", re.I)
_TOKEN = rx(
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


class _Table:
    """Cells of one ``<table>`` as slices of the output buffer, collected while streaming.

    Indices point into the plain-text buffer; the table is re-rendered when it closes (see
    :func:`_render_table`), so nothing here is copied twice.
    """

    __slots__ = ("a_open", "begin", "cell", "head_rows", "in_head", "link_chars", "nested", "rows")

    def __init__(self, begin: int) -> None:
        self.begin = begin  # buffer index where the table's text starts
        self.rows: list[list[tuple[int, int, bool]]] = []  # (start, end, is_th) per cell
        self.cell: tuple[int, bool] | None = None  # open cell: (start, is_th)
        self.head_rows: set[int] = set()  # indices of rows inside <thead>
        self.in_head = False
        self.link_chars = 0
        self.a_open: int | None = None
        self.nested = False

    def close_cell(self, pos: int) -> None:
        if self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append((self.cell[0], pos, self.cell[1]))
            self.cell = None

    def open_row(self, pos: int) -> None:
        self.close_cell(pos)
        self.rows.append([])
        if self.in_head:
            self.head_rows.add(len(self.rows) - 1)


# a data table: at most this share of its cell text inside links (menus and "most read"
# tables are link lists laid out in cells and must stay boilerplate)
_MAX_LINK_SHARE = 0.4
# a link table: at least this share of its cell text inside links; never article text
_LINK_TABLE_SHARE = 0.6


@dataclass(slots=True)
class _TableMarks:
    """What the table renderer reports, as plain-text spans (see :class:`Document`)."""

    synthetic: list[tuple[int, int]] = field(default_factory=list)
    rows: list[tuple[int, int]] = field(default_factory=list)
    link_tables: list[tuple[int, int]] = field(default_factory=list)


def _render_table(
    t: _Table,
    out: list[str],
    starts: list[int],
    ends: list[int],
    marks: _TableMarks,
) -> None:
    """Replace a closed data table's text in the buffers by one labelled sentence per row.

    Layout and link tables (no header row of two or more cells, no body row of that shape,
    mostly links, nested tables) are left as they were streamed: cells separated by spaces,
    rows on lines of their own, which the body finder treats like any other short lines.
    """
    total = sum(b - a for r in t.rows for a, b, _ in r)
    if total and t.link_chars >= _LINK_TABLE_SHARE * total:
        marks.link_tables.append((t.begin, len(out)))
        return
    rows = [r for r in t.rows if any(_strip(out, a, b) for a, b, _ in r)]
    if t.nested or len(rows) < 2:
        return
    head_idx = [k for k, r in enumerate(t.rows) if k in t.head_rows and r]
    if head_idx:
        header = t.rows[head_idx[-1]]
        body_rows = [r for k, r in enumerate(t.rows) if k not in t.head_rows and r]
    else:
        first = rows[0]
        if not all(th for _, _, th in first):
            return
        header, body_rows = first, rows[1:]
    n = len(header)
    body_rows = [r for r in body_rows if any(_strip(out, a, b) for a, b, _ in r)]
    if n < 2 or not body_rows or sum(len(r) == n for r in body_rows) * 2 < len(body_rows):
        return
    if total == 0 or t.link_chars > _MAX_LINK_SHARE * total:
        return
    labels = [_strip(out, a, b) for a, b, _ in header]
    old_out, old_s, old_e = out[t.begin :], starts[t.begin :], ends[t.begin :]
    base = t.begin
    del out[t.begin :], starts[t.begin :], ends[t.begin :]

    def copy(a: int, b: int) -> None:
        # a cell's own characters keep their offsets; line breaks inside it become spaces
        for k in range(a - base, b - base):
            ch = old_out[k]
            out.append(" " if ch == "\n" else ch)
            starts.append(old_s[k])
            ends.append(old_e[k])

    def synth(s: str, at: int) -> None:
        for ch in s:
            out.append(ch)
            starts.append(at)
            ends.append(at)

    # the header row once, as it was (its words are real mentions if they name places)
    first_at = old_s[0] if old_s else 0
    synth("\n", first_at)
    head_start = len(out)
    for k, span in enumerate(labels):
        if span:
            if k:
                synth(" ", old_s[span[0] - base])
            copy(*span)
    marks.rows.append((head_start, len(out)))
    for row in body_rows:
        cells = [(k, _strip(old_out, a, b, base)) for k, (a, b, _) in enumerate(row)]
        cells = [(k, c) for k, c in cells if c]
        if not cells:
            continue
        synth("\n", old_s[cells[0][1][0] - base])
        line_start = len(out)
        for j, (k, (a, b)) in enumerate(cells):
            at = old_s[a - base]
            label = labels[k] if k < n and k < len(labels) else None
            if label:
                ls = len(out)
                for q in range(label[0] - base, label[1] - base):
                    ch = old_out[q]
                    synth(" " if ch == "\n" else ch, at)
                marks.synthetic.append((ls, len(out)))
                synth(": ", at)
            copy(a, b)
            end_at = old_e[b - 1 - base]
            synth("; " if j < len(cells) - 1 else ".", end_at)
        marks.rows.append((line_start, len(out)))
    synth("\n", old_e[-1] if old_e else 0)


def _strip(buf: list[str], a: int, b: int, base: int = 0) -> tuple[int, int] | None:
    """The ``[a, b)`` span of ``buf`` (which starts at index ``base``) without surrounding
    white space, or None when it is blank."""
    lo, hi = a - base, b - base
    while lo < hi and buf[lo].isspace():
        lo += 1
    while hi > lo and buf[hi - 1].isspace():
        hi -= 1
    return (lo + base, hi + base) if hi > lo else None


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text."""
    return (
        len(_HTML_HINT.findall(text[:20000])) >= 2
        or text.lstrip()[:15].lower() in ("<!doctype html", "<html>")
        or text.lstrip().lower().startswith("<!doctype html")
    )


# Page furniture marked by its class or id ("menu", "site-nav", "sidebar", "related-posts",
# "most-read", "logo", "share-buttons" …) is skipped like <nav>: many pages put menus of
# city names and "most read" lists in plain <div>/<ul> elements.  A whole class token must
# match, so "has-sidebar" on a page wrapper does not drop the page.
_BOX_TOKEN = rx(
    r"(?:(?:site|main|top|primary|secondary|global|header|footer|mobile)[-_])?"
    r"(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|side[-_]bar|"
    r"related(?:[-_]\w+)?|share|sharing|share[-_]\w+|social(?:[-_]\w+)?|footer|logo|"
    r"most[-_]?read|most[-_]?popular|popular|trending|newsletter|subscribe|tags|tag[-_]list|"
    r"ads?|advert\w*|cookie\w*|comments?)",
    re.I,
)
_ATTR_VALUE = rx(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_NEVER_BOX = {"html", "body", "main", "article"}


def _is_box(attrs: str) -> bool:
    """True when a class or id token names page furniture (see :data:`_BOX_TOKEN`)."""
    if "class" not in attrs and "id" not in attrs and "CLASS" not in attrs:
        return False
    for m in _ATTR_VALUE.finditer(attrs):
        value = m.group(1) or m.group(2) or m.group(3) or ""
        if any(_BOX_TOKEN.fullmatch(tok) for tok in value.split()):
            return True
    return False


def html_to_document(source: str, *, boxes: bool = True) -> Document:
    """Strip tags (keeping offsets), drop script/style/navigation content.

    Parameters
    ----------
    source : str
        The HTML.
    boxes : bool
        Also drop elements whose class or id names page furniture (menus, sidebars …).
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    skip_depth = 0
    skip_tag: list[str] = []
    box_name: str | None = None  # the furniture element being skipped …
    box_depth = 0  # … and how deep its own tag name is nested inside it
    boxed = False
    tables: list[_Table] = []
    marks = _TableMarks()
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
            elif box_name is not None:
                # inside furniture: only its own tag name nests (raw-text elements such as a
                # <script> inside it are tracked above, so their content cannot close it)
                if name == box_name and not self_closing and not skip_tag:
                    box_depth += -1 if closing else 1
                    if box_depth == 0:
                        box_name = None
                        skip_depth -= 1
            elif (
                boxes
                and not skip_depth
                and not closing
                and not self_closing
                and name not in _NEVER_BOX
                and _is_box(m.group(3))
            ):
                emit("\n", m.start(), m.start())
                box_name, box_depth, boxed = name, 1, True
                skip_depth += 1
            elif not skip_depth:
                if tables or name == "table":
                    _table_tag(tables, name, closing, len(out), out, starts, ends, marks)
                if name in _BLOCK:
                    emit("\n", m.start(), m.start())
                elif name in ("td", "th"):
                    emit(" ", m.start(), m.start())
                if tables and name in ("td", "th") and not closing:
                    tables[-1].cell = (len(out), name == "th")
        pos = m.end()
    if pos < len(source) and not skip_depth:
        emit_text(source[pos:], pos)
    while tables:  # an unclosed table ends with the page
        _table_tag(tables, "table", True, len(out), out, starts, ends, marks)
    text = "".join(out).replace("\u00a0", " ")
    if boxed and not text.strip():
        return html_to_document(source, boxes=False)  # the furniture guess took everything
    return Document(
        source,
        text,
        np.asarray(starts, dtype=np.int64),
        np.asarray(ends, dtype=np.int64),
        True,
        marks.synthetic,
        marks.rows,
        marks.link_tables,
    )


def _table_tag(
    tables: list[_Table],
    name: str,
    closing: bool,
    pos: int,
    out: list[str],
    starts: list[int],
    ends: list[int],
    marks: _TableMarks,
) -> None:
    """Track table structure for a tag seen at buffer index ``pos`` (outside skipped parts)."""
    if name == "table":
        if not closing:
            if tables:  # a table inside a table is layout: render neither
                for t in tables:
                    t.nested = True
            tables.append(_Table(pos))
            if len(tables) > 1:
                tables[-1].nested = True
        elif tables:
            t = tables.pop()
            t.close_cell(pos)
            if t.a_open is not None:
                t.link_chars += pos - t.a_open
            _render_table(t, out, starts, ends, marks)
        return
    t = tables[-1]
    if name == "tr" and not closing:
        t.open_row(pos)
    elif name in ("td", "th", "tr"):
        t.close_cell(pos)  # an opening cell implicitly closes the previous one
    elif name == "thead":
        t.in_head = not closing
    elif name in ("tbody", "tfoot"):
        t.in_head = False
    elif name == "a":
        if not closing and t.a_open is None:
            t.a_open = pos
        elif closing and t.a_open is not None:
            t.link_chars += pos - t.a_open
            t.a_open = None


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
