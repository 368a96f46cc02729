"""Where the article body is: drop breadcrumbs, datelines' outlet names and trailing
boilerplate ("related news", "most read", "View on …", link lists).

Works on the plain-text view of a document, line by line.  A *content* line is long or ends
like a sentence; a *tail marker* is a heading such as "أخبار ذات صلة" or "Related"; a *link
list* is a run of short lines that do not end like sentences (often cut with "…").  The body
runs from the first line that is not navigation to the end of the last content line before
the first tail marker (or link list) that follows real content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..gazetteer.normalize import normalize
from .fastre import rx

# Headings that start the boilerplate tail (normalised, compared by prefix).
_TAIL_MARKERS = [
    normalize(s)
    for s in (
        "قد يهمك ايضا",
        "قد يهمك أيضا",
        "اقرأ أيضا",
        "إقرأ أيضا",
        "اقرا ايضا",
        "اقرأ المزيد",
        "أخبار ذات صلة",
        "اخبار ذات صلة",
        "مواضيع ذات صلة",
        "مقالات ذات صلة",
        "ذات صلة",
        "آخر الأخبار",
        "اخر الاخبار",
        "أحدث الأخبار",
        "الأكثر قراءة",
        "الأخبار الأكثر قراءة",
        "الاكثر مشاهدة",
        "الأكثر تداولا",
        "شارك هذا",
        "شارك الخبر",
        "تابعونا",
        "تابعنا على",
        "الكلمات الدالة",
        "كلمات مفتاحية",
        "الوسوم",
        "جميع الحقوق محفوظة",
        "حقوق النشر",
        "View on",
        "Related",
        "Related news",
        "Related articles",
        "Related stories",
        "Read more",
        "Read also",
        "Read next",
        "More from",
        "More on this",
        "Most read",
        "Most popular",
        "Most viewed",
        "Latest news",
        "Latest stories",
        "Trending",
        "Share this",
        "Share on",
        "Tags",
        "Topics",
        "Advertisement",
        "Sign up",
        "Subscribe",
        "Newsletter",
        "Copyright",
        "All rights reserved",
        "Recommended",
        "You may also like",
        "You might also like",
        "Also read",
        "See also",
    )
]
# Navigation lines at the top ("Home » News").
_BREADCRUMB = rx(r"[»›>]|\s/\s|\|")
# what a line of running text ends with (before trailing white space), and the ellipsis of
# a teaser; plain string tests, as every line of the page asks
_SENTENCE_END = frozenset(".!?؟。:»\"”'’)]")
_ELLIPSIS_END = ("…", "...")
# "بغداد - المغرب اليوم", "BAGHDAD (Reuters) -", "Erbil, Iraq — "
_DATELINE = rx(
    r"^(?P<place>[^\W\d_][^\n\-–—:(]{1,40}?)\s*(?:\((?P<outlet1>[^)\n]{2,40})\)\s*)?"
    r"[-–—:]\s*(?P<outlet2>[^\n.،,]{2,40})?\s*$"
)

# Datelines with a date and/or region: "SEOUL, May 23 (Hanbit News) --", "BAGHDAD, Sept 3
# (Reuters) -", "WASHINGTON, D.C. —", "ERBIL, Iraq (Tigris Wire) -", "بغداد - 3 أيلول (رويترز) -",
# "أربيل، 12 تشرين الأول (الخابور) -".  The city is where the story was filed, the date when:
# neither is a claim's place or date.
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATE_EN = rf"(?:{_MONTH_EN}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH_EN})(?:,?\s+\d{{4}})?"
_AR_WORD = r"[\u0621-\u064a][\u0621-\u0652\u0670]*"
_DATE_AR = (
    rf"[0-9\u0660-\u0669]{{1,2}}\s+{_AR_WORD}(?:\s+(?:الأول|الاول|الثاني))?"
    rf"(?:\s*/\s*{_AR_WORD})?(?:\s+[0-9\u0660-\u0669]{{4}})?"
)
_CAP_WORD = r"[A-Z][A-Za-z.'’-]*"
_DASH = r"\s*(?:--|[-–—])(?:\s|$)"
_DATELINE_EN = rx(
    rf"(?P<place>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}"
    rf"(?:\s*,\s*(?!{_MONTH_EN}\s+\d){_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})?)"
    rf"(?:\s*,\s*(?P<date>{_DATE_EN}))?"
    rf"(?:\s*(?P<outlet>\([^)\n]{{2,40}}\)))?{_DASH}"
)
_DATELINE_AR = rx(
    rf"(?P<place>{_AR_WORD}(?:\s+{_AR_WORD}){{0,2}}?)"
    rf"(?:\s*[-–—،,]\s*(?P<date>{_DATE_AR}))?"
    rf"(?:\s*(?P<outlet>\([^)\n]{{2,40}}\)))?{_DASH}"
)

# A quoted outlet name: «بوابة تعز», "موقع الخابور", «وكالة الأناضول».
_OUTLET_NAME = rx(
    r"[«\"“](?:بوابة|بوابه|موقع|صحيفة|صحيفه|جريدة|جريده|وكالة|وكاله|قناة|قناه|إذاعة|اذاعة|"
    r"إذاعه|اذاعه|شبكة|شبكه|راديو|مجلة|مجله|تلفزيون)\s[^«»\"“”\n]{1,30}[»\"”]"
)


@dataclass(slots=True)
class Body:
    """The body of an article as spans of the plain text."""

    start: int
    end: int
    #: spans inside the body that are not article text (outlet names in datelines …)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    #: the dateline place text span, if any
    dateline: tuple[int, int] | None = None
    #: the whole dateline (place, date, agency, dash): its date is the filing date, no claim's
    dateline_extent: tuple[int, int] | None = None
    #: sorted, disjoint spans of text made up by the HTML reader (table column labels copied
    #: into each row): context for the grammar, never a mention
    synthetic: list[tuple[int, int]] = field(default_factory=list)

    def contains(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` is article text: inside the body, not excluded."""
        if start < self.start or end > self.end:
            return False
        if any(s < end and start < e for s, e in self.excluded):
            return False
        if self.synthetic:
            # the last synthetic span starting before ``end`` is the only one that can overlap
            k = bisect.bisect_left(self.synthetic, (end,)) - 1
            if k >= 0 and self.synthetic[k][1] > start:
                return False
        return True


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# A reader-comments section: "3 COMMENTS", "Comments (12)", "Leave a reply", "التعليقات",
# "12 تعليق"; what readers write is not the article.
_COMMENTS = rx(
    r"\s*(?:(?:\d+|no|one)\s+(?:comments?|responses?|replies)|comments?\s*(?:\(\d+\)|:)?|"
    r"leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|join\s+the\s+discussion|"
    r"(?:[\d٠-٩]+\s+)?(?:التعليقات|تعليقات|تعليق)(?:\s*\([\d٠-٩]+\))?|أضف\s+تعليق[اً]*|اترك\s+تعليق[اً]*)"
    r"\s*[:.]?\s*",
    re.I,
)


def _is_tail_marker(line: str) -> bool:
    if len(line) > 120:
        return False
    if _COMMENTS.fullmatch(line):
        return True
    n = normalize(line)
    if not n or len(n) > 60:
        return False
    return any(n == m or (n.startswith(m + " ") and len(n) < len(m) + 40) for m in _TAIL_MARKERS)


def _words_upto_15(s: str) -> int:
    """The number of words of ``s``, counted up to 15 (the tests below go to 14)."""
    return len(s.split(None, 14))


def _is_content(line: str) -> bool:
    s = line.strip()
    words = _words_upto_15(s)
    if words >= 14:
        return True
    return words >= 6 and s[-1:] in _SENTENCE_END and not s.endswith(_ELLIPSIS_END)


def _is_linkish(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    return s.endswith(_ELLIPSIS_END) or (_words_upto_15(s) < 14 and s[-1:] not in _SENTENCE_END)


def find_body(
    text: str,
    table_rows: Sequence[tuple[int, int]] = (),
    synthetic: Sequence[tuple[int, int]] = (),
    link_tables: Sequence[tuple[int, int]] = (),
) -> Body:
    """Locate the article body in plain text.

    Parameters
    ----------
    text : str
        The plain-text view of an article.
    table_rows : sequence of (int, int), optional
        Spans of lines rendered from data-table rows (:attr:`Document.table_rows`).  They are
        content: short labelled rows would otherwise look like a link list and end the body
        before the table.
    synthetic : sequence of (int, int), optional
        Spans of copied table labels (:attr:`Document.synthetic`), kept out of mentions.
    link_tables : sequence of (int, int), optional
        Spans of tables made of links (:attr:`Document.link_tables`): menus and "most read"
        boxes laid out in cells.  Skipped at the top, excluded inside the body.

    Returns
    -------
    Body
        Never empty for non-empty text: when no line looks like content, the whole text is
        the body (short notes and single sentences are articles too).
    """
    lines = _lines(text)
    table_lines = _table_lines(lines, table_rows)
    link_lines = _span_lines(lines, link_tables)
    content_idx = [
        k
        for k, (a, b) in enumerate(lines)
        if k in table_lines or (k not in link_lines and _is_content(text[a:b]))
    ]
    if not content_idx:
        return Body(0, len(text))
    first_content = content_idx[0]
    # Start: skip navigation/breadcrumb lines at the top.
    start_line = 0
    for k in range(first_content):
        a, b = lines[k]
        s = text[a:b].strip()
        if (
            not s
            or k in link_lines
            or (_BREADCRUMB.search(s) and not _is_content(s))
            or _is_tail_marker(s)
        ):
            start_line = k + 1
        else:
            break
    # End: first tail marker or link-list run after real content.
    end_line = len(lines) - 1
    k = first_content + 1
    while k < len(lines):
        a, b = lines[k]
        s = text[a:b]
        if _is_tail_marker(s):
            end_line = k - 1
            break
        if _is_linkish(s) and k not in table_lines:
            run = [k]
            j = k + 1
            while j < len(lines):
                sj = text[lines[j][0] : lines[j][1]]
                if not sj.strip():
                    j += 1
                    continue
                if _is_linkish(sj) and not _is_content(sj) and j not in table_lines:
                    run.append(j)
                    j += 1
                else:
                    break
            more_content = any(c > run[-1] for c in content_idx)
            if len(run) >= 3 and not (more_content and len(run) < 5):
                end_line = k - 1
                break
        k += 1
    # trim trailing blank / non-content lines (a lone "View on …")
    while end_line > start_line:
        a, b = lines[end_line]
        s = text[a:b].strip()
        if s and (_is_content(s) or end_line in content_idx):
            break
        if s and not _is_linkish(s):
            break
        end_line -= 1
    start = lines[start_line][0]
    end = lines[end_line][1]
    body = Body(start, end, synthetic=sorted(synthetic))
    body.excluded.extend((a, b) for a, b in link_tables if a < end and start < b)
    # an outlet quoted by name ('تحدث لـ«بوابة تعز»') names no place
    body.excluded.extend(m.span() for m in _OUTLET_NAME.finditer(text, start, end))
    _mark_dateline(text, lines, start_line, first_content, body)
    return body


def _table_lines(lines: list[tuple[int, int]], rows: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the lines that hold a data-table row."""
    if not rows:
        return set()
    line_starts = [a for a, _ in lines]
    return {bisect.bisect_right(line_starts, a) - 1 for a, _ in rows}


def _span_lines(lines: list[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the lines that overlap any of ``spans``."""
    if not spans:
        return set()
    line_starts = [a for a, _ in lines]
    out: set[int] = set()
    for a, b in spans:
        lo = bisect.bisect_right(line_starts, a) - 1
        hi = bisect.bisect_left(line_starts, b)
        out.update(range(max(lo, 0), hi))
    return out


def _mark_dateline(
    text: str, lines: list[tuple[int, int]], start_line: int, first_content: int, body: Body
) -> None:
    """Exclude the outlet name of a dateline; remember the dateline place span."""
    # a dated dateline is distinctive enough to look for in the first three non-empty lines:
    # a long headline or an editor's note ("(Corrects …)") may come before it
    seen = 0
    for k in range(start_line, len(lines)):
        a, b = lines[k]
        if not text[a:b].strip():
            continue
        if _dated_dateline(text[a:b], a, k >= first_content, body):
            return
        seen += 1
        if seen == 3 or k > first_content + 2:
            break
    for k in range(start_line, min(first_content + 1, len(lines))):
        a, b = lines[k]
        seg = text[a:b]
        head = seg[:90]
        m = _DATELINE.match(head.strip()) if k < first_content else None
        if m is None and k == first_content:
            # "BAGHDAD (Reuters) - The US ..." at the start of the first paragraph
            m2 = re.match(
                r"^\s*([A-Z][A-Za-z .'-]{1,30}|[^\W\d_A-Za-z][^\n\-–—(]{1,25}?)"
                r"\s*(\([^)\n]{2,40}\))?\s*[-–—]\s",
                seg,
            )
            if m2:
                lead = len(seg) - len(seg.lstrip())
                body.dateline = (a + lead + m2.start(1), a + lead + m2.end(1))
                if m2.group(2):
                    body.excluded.append((a + m2.start(2), a + m2.end(2)))
            return
        if m:
            lead = len(seg) - len(seg.lstrip())
            body.dateline = (a + lead + m.start("place"), a + lead + m.end("place"))
            for g in ("outlet1", "outlet2"):
                if m.group(g):
                    body.excluded.append((a + lead + m.start(g), a + lead + m.end(g)))
            return


def _dated_dateline(seg: str, a: int, first_content: bool, body: Body) -> bool:
    """A dateline with a date, a region or an agency (:data:`_DATELINE_EN`/``_AR``) at the
    start of line ``seg`` (which starts at ``a``): on a line of its own, or opening the first
    paragraph.  Records it on ``body`` and returns True when one is found."""
    lead = len(seg) - len(seg.lstrip())
    m = _DATELINE_EN.match(seg, lead) or _DATELINE_AR.match(seg, lead)
    if m is None:
        return False
    # without a date, region or agency the older patterns decide ("BAGHDAD -", "بغداد - X")
    if not (m.group("date") or m.group("outlet") or re.search(r"[,،]", m.group("place"))):
        return False
    rest = seg[m.end() :].strip()
    if not first_content and rest:
        return False  # a line of its own must hold the dateline only
    if m.group("place").split()[0].lower() in ("the", "a", "an", "in", "on"):
        return False  # "The US-led …", an ordinary sentence start
    body.dateline = (a + m.start("place"), a + m.end("place"))
    body.dateline_extent = (a + m.start("place"), a + m.end())
    for g in ("date", "outlet"):
        if m.group(g):
            body.excluded.append((a + m.start(g), a + m.end(g)))
    return True
