"""Word lists for actors, troop nouns, movement verbs and modality, as regexes.

Arabic patterns run on *normalised* text (see :mod:`service.gazetteer.normalize`: hamza,
ta marbuta and alef maqsura folded, diacritics removed, punctuation → spaces), so one stem
covers the spelling variants; English patterns run on the original text, so acronyms keep
their case ("US" is not "us").
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

from .fastre import Dispatch, rx, structure

# Arabic conjunction/preposition/article prefix on normalised tokens.
P = r"(?:[وف])?(?:[بلك])?(?:ال|لل)?"
# Verb prefixes (future س, imperfect ي/ت/ن/ا) and suffixes.
VP = r"(?:[وف])?(?:س)?(?:[يتنا])?"
VS = r"(?:ون|ان|وا|ت|ن|ه|ها|هم|ي)?"
NS = r"(?:ها|هم|ه|ات)?"  # masdar suffixes


def ar(pattern: str) -> str:
    """Wrap a normalised-Arabic token pattern with word boundaries (spaces)."""
    return rf"(?<= )(?:{pattern})(?= )"


# ----------------------------------------------------------------------------- actors
# code → (Arabic normalised patterns, English patterns)
ACTOR_PATTERNS: dict[str, tuple[list[str], list[str]]] = {
    "US": (
        [
            rf"{P}امريك(?:ي|يه|يون|يين|يان|يتين|يا|ان)",
            rf"{P}اميرك(?:ي|يه|يون|يين|يان|يتين|يا|ان)",
            rf"{P}بنتاغون",
            rf"{P}بنتاجون",
            r"(?:[وف])?(?:ال)?قياده المركزيه ال(?:امريكيه|اميركيه)",
            r"سنتكوم",
        ],
        [
            r"\bU\.S\.(?=[\s,;:)])",
            r"\bU\.S\b",
            r"\bUS\b(?!-)",
            r"\bAmericans?\b",
            r"\bPentagon\b",
            r"\bCENTCOM\b",
            r"\bCentral Command\b",
            r"\bUS-led\b",
            r"\bU\.S\.-led\b",
            r"\b(?:AFRICOM|EUCOM|INDOPACOM|USFK|USFJ)\b",
            r"\bMarine Corps\b",
            r"\b[Tt]he Marines\b",  # the institution ("Royal Marines" has no "the" before)
            # "About 8,000 Marines will move …": a count of Marines with no nationality
            r"(?<=[0-9] )Marines\b",
            r"(?<=hundred )Marines\b",
            r"(?<=thousand )Marines\b",
        ],
    ),
    "COALITION": (
        [rf"{P}تحالف(?: ال(?:دولي|عسكري))?", r"(?:ال)?عزم الصلب"],
        [
            r"\b[Cc]oalition\b",
            r"\bCJTF-OIR\b",
            r"\bOperation Inherent Resolve\b",
            r"\bInherent Resolve\b",
            r"\bOIR\b",
        ],
    ),
    "NATO": (
        [rf"{P}ناتو", r"(?:[وفبل])?حلف شمال الاطلسي", rf"{P}اطلسي"],
        [r"\bNATO\b", r"\bNMI\b", r"\bNATO Mission Iraq\b", r"\bKFOR\b"],
    ),
}
# Demonyms and country names of other actors: code → (Arabic stems, English words)
_OTHERS = {
    # Only demonyms and institutions here: country names come from the gazetteer, where a
    # locative use ("in Iraq") is told apart from an acting one ("Iraq wants …").  Broken
    # plurals (الأتراك, الروس, الألمان) are listed with their article where the bare word is
    # ambiguous (روس ~ رؤوس, "heads").
    "GB": (["بريطاني"], ["British", "Royal Air Force", "RAF"]),
    "FR": (["فرنسي"], ["French"]),
    "DE": (["الماني", "(?:ال)المان"], ["German", "Bundeswehr"]),
    "IT": (["ايطالي"], ["Italian"]),
    "ES": (["اسباني"], ["Spanish"]),
    "AU": (["استرالي"], ["Australian"]),
    "CA": (["كندي"], ["Canadian"]),
    "NL": (["هولندي"], ["Dutch"]),
    "DK": (["دنماركي"], ["Danish"]),
    "NO": (["نرويجي"], ["Norwegian"]),
    "BE": (["بلجيكي"], ["Belgian"]),
    "PL": (["بولندي"], ["Polish"]),
    "TR": (["تركي", "اتراك"], ["Turkish"]),  # اتراك: "الجنود الأتراك"
    "RU": (["روسي", "(?:ال)روس", "الفيلق الافريقي"], ["Russian", "Kremlin", "Africa Corps"]),
    "IR": (["ايراني"], ["Iranian", "IRGC"]),
    "IQ": (["عراقي"], ["Iraqi"]),
    "SY": (["سوري"], ["Syrian"]),
    "IL": (["اسرائيلي"], ["Israeli"]),
    "JO": (["اردني"], ["Jordanian"]),
    "SA": (["سعودي"], ["Saudi"]),
    "AE": (["اماراتي"], ["Emirati"]),
    "QA": (["قطري"], ["Qatari"]),
    "KW": (["كويتي"], ["Kuwaiti"]),
    "BH": (["بحريني"], ["Bahraini"]),
    "CN": (["صيني"], ["Chinese"]),
    "JP": (["ياباني"], ["Japanese"]),
    "KR": ([], ["South Korean"]),
    "KP": ([], ["North Korean"]),
    "IN": (["هندي"], ["Indian"]),
    "PK": (["باكستاني"], ["Pakistani"]),
    "ID": (["اندونيسي"], ["Indonesian"]),
    "MY": (["ماليزي"], ["Malaysian"]),
    "GH": (["غاني"], ["Ghanaian"]),
    "IE": (["ايرلندي"], ["Irish"]),
    "GR": (["يوناني"], ["Greek"]),
    "EG": (["مصري"], ["Egyptian"]),
    "ET": (["اثيوبي"], ["Ethiopian"]),
    "KE": (["كيني"], ["Kenyan"]),
    "UG": (["اوغندي"], ["Ugandan"]),
    "BI": (["بوروندي"], ["Burundian"]),
    "TD": (["تشادي"], ["Chadian"]),
    "EE": (["استوني"], ["Estonian"]),
    "LV": (["لاتفي"], ["Latvian"]),
    "LT": (["ليتواني"], ["Lithuanian"]),
    "RO": (["روماني"], ["Romanian"]),
    "BG": (["بلغاري"], ["Bulgarian"]),
    "HU": ([], ["Hungarian"]),  # مجري is also مجرى ("course")
    "CZ": (["تشيكي"], ["Czech"]),
    "SK": (["سلوفاكي"], ["Slovak"]),
    "PT": (["برتغالي"], ["Portuguese"]),
    "SE": (["سويدي"], ["Swedish"]),
    "FI": (["فنلندي"], ["Finnish"]),
    "NZ": ([], ["New Zealand"]),
}
#: demonym stems whose first letters are ا-ل, not an article (ألماني، ألباني)
_AL_IN_STEM = frozenset({"الماني", "الباني"})
_DEMONYM_SUFFIX = r"(?:ه|ون|ين|يون|يين|ان|تين|يه|ا)?"


def _head(pattern: str) -> str | None:
    """The part of a token pattern that must match the first token by itself: everything
    before the first top-level space or look-ahead.  ``None`` when the pattern has a
    top-level alternation (no single head)."""
    for i, c, depth in structure(pattern):
        if depth:
            continue
        if c == "(" and pattern.startswith(("(?=", "(?!"), i):
            return pattern[:i]
        if c == " ":
            return pattern[:i]
        if c == "|":
            return None
    return pattern


class TokenLexicon:
    """Named groups of normalised-Arabic patterns, matched token by token.

    Single-token patterns are tried once per *distinct* token and the answer is cached
    (news vocabulary repeats, so a corpus soon hits the cache for nearly every token).
    Multi-token patterns and those with look-arounds are tried only at tokens that match
    their first-token part (also cached per token) instead of at every position of the
    text.  ``find`` returns ``(start, end, group)`` in normalised-text offsets, the same
    matches as the single-token patterns per token plus the multi-token ones by
    ``finditer`` over the text.
    """

    CACHE_MAX = 500_000

    def __init__(self, groups: dict[str, list[str]]) -> None:
        def alt(parts: dict[str, list[str]]) -> str:
            return "|".join(
                f"(?P<{g}>{'|'.join(f'(?:{p})' for p in ps)})" for g, ps in parts.items() if ps
            )

        single = {
            g: [p for p in ps if " " not in p and "(?=" not in p and "(?!" not in p]
            for g, ps in groups.items()
        }
        multi = {g: [p for p in ps if p not in single[g]] for g, ps in groups.items()}
        self.groups = groups
        #: tokens remembered at most (a bound on memory for endless distinct tokens)
        self.cache_max = self.CACHE_MAX
        self.single = re.compile(alt(single))
        self.multi = re.compile(ar(alt(multi))) if any(multi.values()) else None
        heads = [_head(p) for ps in multi.values() for p in ps]
        # a pattern without a single head can start at any token
        self.heads = (
            None
            if any(h is None for h in heads)
            else re.compile("|".join(f"(?:{h})" for h in heads))
        )
        self.cache: dict[str, tuple[str, bool]] = {}
        #: the cached tokens whose entry is not ``("", False)`` (a match or a head)
        self.relevant: set[str] = set()

    def _entry(self, tok: str) -> tuple[str, bool]:
        mm = self.single.fullmatch(tok)
        head = self.multi is not None and (
            self.heads is None or self.heads.fullmatch(tok) is not None
        )
        entry = ((mm.lastgroup or "") if mm else "", head)
        if len(self.cache) < self.cache_max:
            self.cache[tok] = entry
            if entry != ("", False):
                self.relevant.add(tok)
        return entry

    def find(
        self, norm: str, start: int = 0, end: int | None = None, tokens: NormTokens | None = None
    ) -> list[tuple[int, int, str]]:
        """Matches in ``norm[start:end]``; pass ``tokens`` (of that same span) to share one
        token split between several lexicons."""
        end = len(norm) if end is None else end
        if tokens is None or (tokens.start, tokens.end) != (start, end):
            tokens = NormTokens(norm, start, end)
        cache = self.cache
        entry = self._entry
        # Only the few distinct tokens that are a match or a multi-token head matter; find
        # them once per distinct token, then pick their positions in one pass.
        # (set operations in C: once the cache is warm, no Python loop over the tokens)
        distinct = tokens.distinct
        hits = distinct & self.relevant
        for t in distinct.difference(cache):
            if entry(t) != ("", False):
                hits.add(t)
        out: list[tuple[int, int, str]] = []
        multi_out: list[tuple[int, int, str]] = []
        multi = self.multi
        multi_end = -1  # finditer does not overlap its matches
        toks, starts = tokens.tokens, tokens.starts
        for i in list(compress(range(len(toks)), map(hits.__contains__, toks))):
            tok = toks[i]
            pos = starts[i]
            group, head = cache.get(tok) or entry(tok)
            if group:
                out.append((pos, pos + len(tok), group))
            if head and pos >= multi_end and pos > 0 and norm[pos - 1] == " ":
                mm = multi.match(norm, pos, end)  # type: ignore[union-attr]
                if mm is not None and mm.end() > mm.start():
                    multi_out.append((mm.start(), mm.end(), mm.lastgroup or ""))
                    multi_end = mm.end()
        out.extend(multi_out)
        out.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        return out


class NormTokens:
    """The tokens of ``norm[start:end]`` with their offsets, split once.

    Normalised text separates words by single spaces and has no other whitespace, so a
    ``split(" ")`` gives exactly the ``\\S+`` runs (empty strings mark the edges).
    """

    __slots__ = ("distinct", "end", "start", "starts", "tokens")

    def __init__(self, norm: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        parts = norm[start:end].split(" ")
        # a plain running sum: compiled (mypyc) it is cheaper than numpy's cumsum + tolist
        starts: list[int] = []
        pos = start
        for t in parts:
            starts.append(pos)
            pos += len(t) + 1
        distinct = set(parts)
        if "" in distinct:  # the span began or ended on a space
            # single spaces leave empty strings only at the edges: slice them off
            lo = 1 if parts[0] == "" else 0
            hi = len(parts) - 1 if len(parts) > lo and parts[-1] == "" else len(parts)
            parts, starts = parts[lo:hi], starts[lo:hi]
            if "  " in norm[start:end]:  # runs of spaces after all: filter every empty one
                keep = [i for i, t in enumerate(parts) if t]
                parts = [parts[i] for i in keep]
                starts = [starts[i] for i in keep]
            distinct.discard("")
        self.tokens, self.starts, self.distinct = parts, starts, distinct


@cache
def actor_lexicon() -> TokenLexicon:
    """The Arabic actor patterns as a :class:`TokenLexicon` (group = actor code)."""
    parts: dict[str, list[str]] = {}
    for code, pat, is_ar in actor_regexes():
        if is_ar:
            parts.setdefault(code, []).append(pat.pattern[len("(?<= )(?:") : -len(")(?= )")])
    return TokenLexicon(parts)


@cache
def actor_parts() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    """The actor patterns by code: Arabic (normalised, without their boundaries), English
    case-sensitive and English case-insensitive."""
    ar_parts: dict[str, list[str]] = {}
    en_cs: dict[str, list[str]] = {}
    en_ci: dict[str, list[str]] = {}
    for code, pat, is_ar in actor_regexes():
        if is_ar:
            ar_parts.setdefault(code, []).append(pat.pattern[len("(?<= )(?:") : -len(")(?= )")])
        elif pat.flags & re.I:
            en_ci.setdefault(code, []).append(pat.pattern)
        else:
            en_cs.setdefault(code, []).append(pat.pattern)
    return ar_parts, en_cs, en_ci


@cache
def actor_combined() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Arabic (normalised), English case-sensitive and English case-insensitive actor
    regexes, one named group per actor code (``m.lastgroup``)."""
    ar_parts, en_cs, en_ci = actor_parts()

    def alt(parts: dict[str, list[str]]) -> str:
        return "|".join(f"(?P<{c}>{'|'.join(f'(?:{p})' for p in ps)})" for c, ps in parts.items())

    return (
        re.compile(ar(alt(ar_parts))),
        re.compile(hoist_boundary(en_cs, alt)),
        re.compile(hoist_boundary(en_ci, alt), re.I),
    )


@cache
def actor_dispatch() -> tuple[Dispatch, Dispatch]:
    """The two English actor regexes of :func:`actor_combined` as first-character
    :class:`~service.extract.fastre.Dispatch` (the same matches, far fewer tries)."""
    _, en_cs, en_ci = actor_parts()
    return Dispatch(*hoisted(en_cs)), Dispatch(*hoisted(en_ci), re.I)


def hoisted(parts: dict[str, list[str]]) -> tuple[str, dict[str, list[str]]]:
    r"""The ``\b`` every pattern starts with (or ``""``), and the patterns without it."""
    if parts and all(p.startswith("\\b") for ps in parts.values() for p in ps):
        return "\\b", {g: [p[2:] for p in ps] for g, ps in parts.items()}
    return "", parts


def hoist_boundary(parts: dict[str, list[str]], alt) -> str:
    r"""``alt(parts)``, with a leading ```` that every pattern has tested once per position
    instead of once per alternative (the same matches, 1.3-2.5x faster on English text)."""
    if parts and all(p.startswith("\\b") for ps in parts.values() for p in ps):
        return "\\b(?:" + alt({g: [p[2:] for p in ps] for g, ps in parts.items()}) + ")"
    return alt(parts)


@cache
def actor_regexes() -> list[tuple[str, re.Pattern, bool]]:
    """(code, regex, is_arabic) for every actor pattern."""
    out: list[tuple[str, re.Pattern, bool]] = []
    for code, (ars, ens) in ACTOR_PATTERNS.items():
        for a in ars:
            out.append((code, re.compile(ar(a)), True))
        for e in ens:
            out.append((code, re.compile(e), False))
    for code, (ars, ens) in _OTHERS.items():
        for a in ars:
            # drop a written article ("الفيلق …"); in الماني / الباني the letters are the word
            stem = a[2:] if a.startswith("ال") and a not in _AL_IN_STEM else a
            if a.endswith("ي"):
                pat = rf"{P}{stem}{_DEMONYM_SUFFIX}"
            else:
                pat = rf"{P}{stem}"
            out.append((code, re.compile(ar(pat)), True))
        for e in ens:
            flags = 0 if e.isupper() or "." in e else re.I
            out.append((code, re.compile(rf"\b{re.escape(e)}s?\b", flags), False))
    return out


# ----------------------------------------------------------------------------- troop nouns
TROOP_AR = ar(
    rf"{P}(?:جندي|جنديا|جنود|عنصر|عناصر|عنصرا|عسكري|عسكريا|عسكريين|عسكريون|"
    rf"مستشار|مستشارا|مستشارين|مستشارون|مدرب|مدربا|مدربين|مدربون|فرد|افراد|"
    rf"جندى|مجند|مجندا|مجندين|بحار|بحارا|بحاره|طيار|طيارا|طيارين|كوماندوز)"
)
TROOP_AR_FORCES = ar(rf"{P}(?:قوات|القوات|قوه)(?:ها|ه|هم|هما|نا)?")
TROOP_EN = rx(
    r"\b(?:troops?|soldiers?|personnel|service\s*-?\s*members?|servicemembers?|servicemen|"
    r"service\s+personnel|marines?|sailors|airmen|advis[eo]rs?|trainers|special\s+forces|"
    r"special\s+operations\s+forces|commandos|operators|boots\s+on\s+the\s+ground|"
    r"military\s+personnel|forces)\b",
    re.I,
)
ADVISORY_AR = ar(
    rf"{P}(?:مستشار|مستشارا|مستشارين|مستشارون|استشاري|استشاريه|مدرب|مدربين|"
    rf"تدريب|مشوره)"
)
ADVISORY_EN = rx(r"\b(?:advis[eo]rs?|advisory|train(?:ers?|ing)?|advise)\b", re.I)

# Words that make a number a casualty or prisoner count, not a force level.
CASUALTY_AR = ar(
    rf"{P}(?:مقتل|قتل|قتلي|قتلوا|مصرع|اصابه|اصابات|اصيب|اصيبوا|جرح|جرحي|"
    rf"اسر|اسري|اعتقال|سجين|سجينا|سجناء|محتجز|محتجزين|رهائن|رهينه|ضحايا|"
    rf"استشهاد|شهداء|شهيد|جريح|مفقود|مفقودين|وفاه|توفي|[تي]?حتجز|احتجز\w*|سجون|سجن|"
    rf"عائلات|عائلاتهم|اسرهم|نازح\w*|لاجئ\w*|مدني|مدنيين|مخيم|مخيمات|معتقل\w*)"
)
CASUALTY_EN = rx(
    r"\b(?:killed|killing|wounded|wounding|injur(?:ed|ies|ing)|dead|deaths?|died|casualt(?:y|ies)|"
    r"captured|hostages?|prisoners?|detainees?|missing|fatalit(?:y|ies)|slain|martyrs?|"
    r"pardon(?:ed|s)?|civilians?|refugees?|displaced|famil(?:y|ies)|detained|militants?|"
    r"fighters|jihadists?|suspects?)\b",
    re.I,
)

# ----------------------------------------------------------------------------- verbs
MOVE_AR: dict[str, list[str]] = {
    "withdraw": [
        rf"{VP}نسحب{VS}",
        r"[وف]?انسحب(?:ت|وا|ن)?",
        rf"{P}انسحاب{NS}",
        rf"{VP}غادر{VS}",
        rf"{P}مغادره{NS}",
        rf"{VP}خرج{VS}",
        rf"{P}خروج{NS}",
        rf"{VP}سحب{VS}",
        rf"{P}سحب",
        rf"{P}اخلاء",
        rf"{VP}خلي{VS}",
        rf"{P}رحيل",
        rf"{VP}رحل{VS}",
        # the presence, not "the mission" (a coalition's mission can end with troops staying)
        rf"{P}انهاء(?= (?:ال)?(?:وجود|انتشار|تواجد))",
        rf"{VP}نهي(?= (?:ال)?(?:وجود|انتشار|تواجد))",
        rf"{P}اغلاق(?= (?:ال)?قاعد)",
        rf"{P}تسليم(?= (?:ال)?قاعد)",
        # "تنتهي المهمة العسكرية للتحالف في بغداد بحلول …": the mission there ends
        rf"{VP}نتهي(?= (?:ال)?مهم)",
        r"[وف]?انتهت(?= (?:ال)?مهم)",
        # dialect: "راح تطلع من العراق", "طلعوا من القاعدة" (to get out of a place)
        r"[وف]?(?:[بح])?[يتن]طلع(?:وا|ون)?(?= من)",
        r"[وف]?طلعت(?= من)",
        r"[وف]?طلعوا(?= (?:\S+ ){0,3}?من )",  # "طلعوا الجنود الأمريكان من القاعدة"
    ],
    "reduce": [
        rf"{VP}قلص{VS}",
        rf"{P}تقليص{NS}",
        rf"{VP}قلل{VS}",
        rf"{P}تقليل{NS}",
        rf"{VP}خفض{VS}",
        rf"{P}تخفيض{NS}",
        rf"{P}خفض",
    ],
    "remain": [
        rf"{P}بقاء{NS}",
        rf"{P}بقاي(?:ها|هم|ه)",  # بقائها: ئ is normalised to ي
        rf"{VP}بقي{VS}",
        rf"{VP}بقى",
        r"[وف]?(?:س)?[يت]بق(?:ون|وا)",  # "سيبقون", "يبقوا": the plural drops the ي
        r"[وف]?(?:س)?[يت]ظل(?:ون)?",
        rf"{P}ابقاء",
        rf"{P}احتفاظ",
        rf"{VP}حتفظ{VS}",
        # "قوات بلاده «باقية في الوطية»": the participle as predicate (not "الباقي", the rest)
        r"[وف]?باقي(?:ه|ون|ين)(?= [«\"]?(?:في|ب\S|داخل|حتي|الي|لحين))",
        rf"{P}استمرار(?= (?:ال)?(?:وجود|تواجد))",
        # "على أن يستمر عمله من أربيل حتى …": its work goes on from there
        rf"{VP}ستمر{VS}(?= (?:ال)?(?:عمل|وجود|تواجد|انتشار|مهم)\w*)",
        # "على أن تواصل قواته عملها من إقليم كردستان حتى …"
        rf"{VP}واصل{VS}(?= (?:\S+ )?(?:ال)?(?:عمل|وجود|تواجد|انتشار|مهم)\w*)",
    ],
    "relocate": [
        # "توجّه نحو مئتين منهم إلى جيبوتي": headed on to
        rf"{VP}توجه{VS}(?= (?:\S+ ){{0,4}}?(?:الي|نحو|صوب) )",
        rf"{P}نقل(?! {P}(?:علاقه|ملف|رساله|رسائل))",
        rf"{VP}نقل{VS}",
        rf"{P}انتقال",
        rf"{VP}نتقل{VS}",
        rf"{P}اعاده (?:ال)?(?:انتشار|تموضع|نشر|تمركز)",
        rf"{VP}عيد (?:ال)?(?:انتشار|تموضع|تمركز)",
        rf"{P}تموضع",
    ],
    "arrive": [
        rf"{P}وصول",
        rf"{VP}صل{VS}",
        r"[وف]?وصل(?:ت|وا)",
        rf"{P}نشر(?! {P}(?:خبر|تقرير|صور))",
        rf"{VP}نشر{VS}",
        r"[وف]?س[يت]نتشر(?:ون|ان|وا)?",  # "ستنتشر في لاتفيا": future only ("ينتشر" is a level)
        rf"{P}ارسال",
        rf"{VP}رسل{VS}",
        r"[وف]?ارسلت",
        rf"{P}تعزيزات",
    ],
    "increase": [
        rf"{P}زياده(?= (?:عدد|حجم|ال)?(?:قوات|جنود|القوات|الجنود|عدد))",
        rf"{VP}زيد(?= (?:عدد|من عدد|حجم))",
        rf"{P}رفع(?= (?:عدد|حجم))",
    ],
}
# what makes "pull" a withdrawal: troops pulled from / out of somewhere
_TROOPS_FROM_AHEAD = (
    r"(?=\s+(?:[\w,.-]+\s+){0,5}?(?:troops|soldiers|forces|personnel|marines|units|"
    r"service\s*members)\s+(?:out\s+of|from)\b)"
)
MOVE_EN: dict[str, str] = {
    "withdraw": r"\b(?:withdr[ae]w\w*|pull(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?out|pull-?outs?|"
    r"leav(?:e|es|ing)|left(?=\s+(?:[A-Z]|the\s+[A-Z]|al-|its|their))|"
    r"exit(?:s|ed|ing)?|depart(?:s|ed|ing|ure)?|vacat(?:e|es|ed|ing)|"
    r"hand(?:s|ed|ing)?\s+over|handover|evacuat(?:e|es|ed|ing|ion)|"
    r"end(?:s|ed|ing)?\s+(?:its|their|the)\s+(?:(?:military|troop|training|combat|"
    r"counter-?terrorism|peacekeeping)\s+)?(?:presence|deployment)|"
    r"clos(?:e|es|ed|ing)\s+(?:(?:the|its|their|a|an)\s+)?(?:(?:last|remaining|final|only|"
    r"two|three|military|main|air|army|naval|forward|French|US|U\.S\.|British|Russian)\s+){0,2}"
    r"(?:bases?|garrisons?|camps?|outposts?)|"
    # "bring its roughly 1,100 soldiers home", "brought the last troops home"
    r"(?:bring(?:s|ing)?|brought)(?=\s+(?:[\w,.-]+\s+){0,5}?home\b)|"
    # "will come home by April", "are returning home"
    r"(?:com(?:e|es|ing)|came|return(?:s|ed|ing)?|head(?:s|ed|ing)?|go(?:es|ing)?|went)"
    r"(?=\s+home\b)|"
    # "pulled 500 soldiers from Syria", "pull its troops out of Niger"
    rf"pull(?:s|ed|ing)?{_TROOPS_FROM_AHEAD})\b",
    "reduce": r"\b(?:reduc(?:e|es|ed|ing|tion)|draw(?:s|ing)?\s+down|drew\s+down|drawdown|"
    r"cut(?:s|ting)?(?:\s+back)?|scal(?:e|es|ed|ing)\s+back|shrink\w*|trim\w*|"
    r"downsiz\w*|thin(?:s|ned|ning)?\s+out|halv(?:e|es|ed|ing))\b",
    # "the remaining 400 troops" counts the rest; "the remaining US troops will be
    # concentrated at …" still says where they stay
    "remain": r"\b(?:remain(?:s|ed)?|remaining(?!\s+(?:about\s+|some\s+|roughly\s+)?[0-9])|stay(?:s|ed|ing)?|keep(?:s|ing)?|kept|"
    r"continu(?:e|es|ed|ing)\s+(?:to\s+)?(?:operat\w*|be\s+(?:based|stationed|deployed))|"
    r"retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?)\b",
    "relocate": r"\b(?:relocat\w*|redeploy\w*|reposition\w*|transfer(?:s|red|ring)?|"
    r"mov(?:e|es|ed|ing)(?=\s+(?:\S+\s+){0,9}?(?:to|into)\b)|"
    r"shift(?:s|ed|ing)?(?=\s+(?:\S+\s+){0,6}?to\b))\b",
    "arrive": r"\b(?:arriv(?:e|es|ed|ing|al)|deploy(?:s|ed|ing|ment)?|sen[dt]s?|sending|"
    r"dispatch(?:es|ed|ing)?|reinforc(?:e|es|ed|ing|ements?)|"
    # "to station a brigade of 5,000 troops in Lithuania" (not "stationed": a state; not
    # the noun "naval station")
    r"station(?:s|ing)?(?=\s+(?:[\w,.-]+\s+){0,6}?(?:troops|soldiers|forces|personnel|"
    r"marines|brigade|battalion|division|regiment|units?)\b))\b",
    "increase": r"\b(?:increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|expand(?:s|ed|ing)?|"
    r"bolster(?:s|ed|ing)?|beef(?:s|ed|ing)?\s+up|(?<!the\s)(?<!The\s)surg(?:e|es|ed|ing))\b",
}
EVENT_AR: dict[str, list[str]] = {
    "invade": [r"[وف]?غزت", r"[وف]?غزا", rf"{P}غزو", r"[وف]?اجتاحت", r"[وف]?احتلت", r"[وف]?احتل"],
    "withdraw": [
        r"[وف]?انسحبت",
        r"[وف]?انسحب",
        rf"{P}انسحاب{NS}",
        r"[وف]?سحبت",
        r"[وف]?غادرت",
        r"[وف]?اخلت",
        r"[وف]?سلمت(?:ها|هم)?",
        r"[وف]?اغلقت",
    ],
    "return": [
        r"[وف]?عادت",
        r"[وف]?عاد",
        rf"{P}عوده{NS}",
        r"[وف]?[تي]عود",
        r"[وف]?رجع(?:ت|وا)?",
    ],
    "establish": [
        r"[وف]?تشكل",
        r"[وف]?تاسس",
        r"[وف]?تشكلت",
        r"[وف]?تاسست",
        rf"{P}تشكيل",
        rf"{P}تاسيس",
    ],
    "deploy": [
        r"[وف]?نشرت",
        r"[وف]?انتشرت",
        r"[وف]?وصلت",
        r"[وف]?تدخلت",
        r"[وف]?تمركزت",
        r"[وف]?دخلت",
        r"[وف]?افتتحت",
        rf"{P}تدخل(?:ها|ه|هم)?(?= {P}عسكري)",
    ],
    "attack": [
        r"[وف]?قصفت",
        r"[وف]?استهدفت",
        r"[وف]?استهدف",
        r"[وف]?هاجمت",
        rf"{P}قصف(?= {P}صاروخي)",
        # "بقصف قاعدة عين الأسد", "لهجوم صاروخي … استهدف"
        rf"{P}قصف(?= (?:ال)?قاعد)",
        rf"{P}هجوم(?= (?:ال)?(?:صاروخي|بطائرات|بالصواريخ|بالمسيرات))",
    ],
}
EVENT_EN: dict[str, str] = {
    "invade": r"\b(?:invaded|invasion|invade)\b",
    "withdraw": r"\b(?:withdrew|withdrawn|withdrawal|pulled\s+out|left|handed\s+over|"
    r"vacated|closed|brought(?=\s+(?:[\w,.-]+\s+){0,5}?home\b)|"
    rf"pulled{_TROOPS_FROM_AHEAD})\b",
    "return": r"\b(?:returned|return(?:ing)?|came\s+back)\b",
    "establish": r"\b(?:formed|established|founded|created|set\s+up)\b",
    "deploy": r"\b(?:deployed|arrived|intervened|been\s+based|stationed|placed|"
    r"opened(?!\s+fire)|moved\s+in)\b",
    "attack": r"\b(?:struck|attacked|fired\s+(?:\w+\s+){0,3}?at|(?:missile|rocket|drone)\s+"
    r"(?:attack|strike|salvo|barrage)s?\s+(?:on|against))\b",
}

# Modality and tense cues (normalised Arabic / original English), looked for before a verb.
POSSIBLE_AR = ar(r"(?:[وف]?قد|يمكن|ممكن|[وف]?ربما|احتمال|محتمل|المحتمل|بامكان|يحتمل|تحتمل)")
POSSIBLE_EN = rx(
    r"\b(?:may|might|could|possibly|potentially|likely\s+to|"
    r"considering|consider|weigh(?:s|ed|ing)?|"
    # "is supposed to be able to deploy to Estonia within ten days": a capability
    r"able\s+to|capable\s+of|ready\s+to)\b",
    re.I,
)
DEMAND_AR = ar(
    r"(?:[وف]?(?:ي|ت)?ريد|[وف]?(?:ي|ت)?طالب|[وف]?طالبت|مطالب\w*|[وف]?دعا|[وف]?دعت|"
    r"[وف]?(?:ي|ت)?دعو|[وف]?(?:ي|ت)?صر|[وف]?(?:ي|ت)?رغب)"
)
DEMAND_EN = rx(
    r"\b(?:wants?|wanted|demand(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for|"
    r"urg(?:e|es|ed|ing)|insist(?:s|ed|ing)?|pressing\s+for)\b",
    re.I,
)
FUTURE_AR = ar(
    r"(?:س[يتن]\w+|راح|رح|بدها|بده|بدهم|ناويه|ناوي|من المتوقع|من المقرر|المقرر|المتوقع|"
    r"بموجب|تتضمن|يتضمن|ستتم|سيتم|"
    r"خطه|الخطه|تعتزم|يعتزم|تنوي|ينوي)"
)
FUTURE_EN = rx(
    r"\b(?:will|would|shall|to\s+be|expected|planned|plans?|scheduled|"
    r"set\s+to|going\s+to|intends?|under\s+the\s+(?:plan|deal|agreement))\b",
    re.I,
)

# Scope words.
ALL_AR = ar(rf"(?:[وف]?(?:جميع|كل|كافه|كامل)|{P}جميع)")
ALL_EN = rx(r"\b(?:all|entire|every|whole|completely|fully|full)\b", re.I)
REST_AR = ar(rf"{P}(?:بقيه|باقي|متبقي|متبقيه)")
REST_EN = rx(r"\b(?:the\s+rest|remainder|remaining)\b", re.I)
PART_AR = ar(r"(?:[وف]?بعض|جزء|قسم)")
PART_EN = rx(r"\b(?:some|part\s+of|a\s+portion|a\s+number\s+of)\b", re.I)

# Prepositions.
LOCATIVE_AR = {
    "في",
    "داخل",
    "قرب",
    "بالقرب",
    "حول",
    "الي",
    "من",
    "عند",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "بمحيط",
    "محيط",
    "وسط",
    "اطراف",
    "ضواحي",
    "مدينه",
    "العاصمه",
}
# with a conjunction: "وفي سوريا نحو 900", "ومن قاعدة …" (strip_clitics keeps short words whole)
LOCATIVE_AR |= {c + w for w in LOCATIVE_AR for c in "وف"}
LOCATIVE_EN = rx(
    r"\b(?:in|at|inside|near|across|throughout|into|to|from|around|"
    r"outside|out\s+of|within|on|based\s+in|stationed\s+(?:in|at)|"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|outskirts|city|centre|center)"
    r"\s+of)\s*(?:the\s+)?"
    # "in northern Iraq", "in south-eastern Syria", "in central Mali": the country still
    r"(?:(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)\s+)?$",
    re.I,
)
DEST_EN = rx(
    r"\b(?:to|into|towards?)\s+(?:the\s+)?$"
    # "leave Okinawa for Guam", "left Niger for Chad"
    r"|\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?)\s+(?:\S+\s+){1,4}?for\s+(?:the\s+)?$",
    re.I,
)
PURPOSE_AR = ar(
    r"(?:[وف]?ل(?:محاربه|مواجهه|قتال|ترتيب|دعم|ملاحقه)|ضد|لمكافحه|بهدف|من اجل|"
    # "توجهوا إلى معسكر فرجينيا تمهيداً لعودتهم إلى الولايات المتحدة": a later leg
    r"[وف]?في مواجهه|تمهيدا|تمهيد)"
)
PURPOSE_EN = rx(
    r"\b(?:against|to\s+(?:fight|counter|combat|support|battle|train)|"
    r"in\s+order\s+to|aimed\s+at|ahead\s+of\s+(?:their|its|a)\s+(?:return|onward))\b",
    re.I,
)
SPEECH_AR = ar(
    r"(?:[وف]?قال|[وف]?قالت|[وف]?اعلن|[وف]?اعلنت|[وف]?(?:ت|ي)وصل\w*|[وف]?توصلت|"
    r"[وف]?قرر\w*|[وف]?اكد\w*|[وف]?اتهم\w*|[وف]?رفض\w*|[وف]?وافق\w*|[وف]?ابلغ\w*|"
    r"[وف]?طالب\w*|[وف]?تسعي|[وف]?يسعي|[وف]?دعا|[وف]?دعت|بين|مع|مماطله|موقف|حليفه|"
    r"حليف|لكل|وزير|وزاره|حكومه|مسؤول\w*|محادثات|مفاوضات|اتفاق|علاقات|العلاقه)"
)
SPEECH_EN = rx(
    r"\b(?:said|says|say|told|announced|agreed|decided|wants?|accused|"
    r"rejected|insisted|warned|between|with|and|talks|negotiations|ties|"
    r"relations|officials?|administration|government|allies|ally)\b",
    re.I,
)

# "Kuwait hosts 13,500 troops", "تستضيف تركيا …": the country is where, not who.
HOST_EN = rx(
    r"\s*(?:(?:now|still|currently|also|already)\s+)?"
    r"(?:hosts|hosted|hosting|is\s+home\s+to|houses|housed)\b",
    re.I,
)
HOST_AR = ar(r"(?:[وف]?(?:ت|ي)ستضيف|[وف]?استضافت|[وف]?(?:ت|ي)ضم|[وف]?تحتضن|[وف]?يحتضن)")
# A subject country that has troops: "The US has …", "ولدى الولايات المتحدة …"
HAS_AFTER_EN = rx(
    r"\s*(?:,\s*which\s+(?:now\s+|still\s+|currently\s+)?|"
    # "Canada, which commanded NATO Mission Iraq in its first two years, has …"
    r",\s*(?:which|who)\b[^,;.]{0,100},\s*(?:now\s+|still\s+|currently\s+)?|"
    # "Spain, the second-largest contributor, has about 600": an appositive
    r",\s*(?:the|a|an|its|NATO's|the\s+alliance's)\s+[^,;.]{1,60},\s*(?:now\s+|still\s+|currently\s+)?|"
    r"\s+(?:also|now|still|currently|meanwhile)\s+)?(?:has|had|have|keeps?|kept|"
    r"maintains?|maintained|deploys?|deployed|stations?|stationed|sent|sends|will\s+have|"
    r"still\s+has|currently\s+has|now\s+has)\b"
    # "Germany's roughly 100 trainers": the possessive of a number of troops
    r"|['’]s\s+(?:(?:contribution|contingent|deployment|forces?|presence|mission)\s*,?\s*)?"
    r"(?:(?:roughly|about|around|some|nearly|almost|approximately|estimated|up\s+to|"
    r"more\s+than|fewer\s+than|over|under)\s+)*\d",
    re.I,
)
HAS_BEFORE_AR = rx(
    r"(?:لدى|ولدى|لدي|ولدي|تملك|يملك|تنشر|ينشر|نشرت|تحتفظ|يحتفظ|"
    r"احتفظت|ارسلت|أرسلت|ترسل|يرسل)\s*$"
)
ELSEWHERE_EN = rx(
    r"\b(?:the\s+Middle\s+East|the\s+region|the\s+Gulf|worldwide|"
    r"overseas|abroad|globally|across\s+the)\b",
    re.I,
)
ELSEWHERE_AR = rx(
    r"الشرق\s+الأوسط|الشرق\s+الاوسط|المنطقة|الخليج|حول\s+العالم|"
    r"خارج\s+البلاد"
)
LIST_BEFORE = rx(
    r"(?:including|among\s+them|such\s+as|notably|namely|منها|ومنها|"
    r"من\s+بينها|من\s+بينهم|بينها|مثل)\s",
    re.I,
)

# "most of them in Idlib": a place after this describes a distribution, not the level's place
SPREAD = rx(
    r"معظمهم|أغلبهم|اغلبهم|بعضهم|غالبيتهم|موزعين|يتوزع|يتوزعون|ينتشر\s+معظم|"
    r"\b(?:most(?:ly)?|mainly|many|some)\s+(?:of\s+them|at|in)\b|\bspread\b",
    re.I,
)

# "قوات التحالف بقيادة الولايات المتحدة", "the US-led coalition", "led by the United States":
# the leader named here is not the subject of the verb.
LED_BY = rx(
    r"(?:بقيادة|تقوده|يقوده|تقودها|يقودها|\bled\s+by|under\s+the\s+command\s+of|"
    r"headed\s+by)\s*(?:the\s+)?$",
    re.I,
)
