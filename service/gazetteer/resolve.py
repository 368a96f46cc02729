"""Disambiguation of scanned names by context.

A name can denote several places (Baghdad city or governorate; Erbil city, governorate or
air base; Tripoli in Lebanon or Libya).  Each candidate gets a score from its kind and size
(:meth:`Gazetteer.prior`), plus cues from the neighbouring words — a base word (قاعدة, camp,
"air base"), a province word (محافظة, province), a city word (مدينة, town) or a region word
(إقليم, region) — plus a bonus when its country is mentioned elsewhere in the text.  Small
places with no cue whose country the text never names are dropped: they are the usual source
of false positives (villages named after common words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..domain import Place
from .index import REGION_COUNTRIES, Candidate, Gazetteer
from .normalize import normalize, normalize_with_offsets, strip_clitics
from .stopwords import cue_only

# Cue words, normalised and (for Arabic) without clitics or article.
CUES_BEFORE = {
    "installation": {
        "قاعده",
        "قاعدتي",
        "قاعدتين",
        "معسكر",
        "معسكري",
        "مطار",
        "ثكنه",
        "camp",
        "fob",
        "cop",
        "base",
        "garrison",
        "airfield",
        "bases",
        "camps",
    },
    "admin1": {"محافظه", "ولايه", "مقاطعه", "province", "governorate", "محافظات"},
    "city": {"مدينه", "بلده", "قريه", "ناحيه", "قضاء", "city", "town", "village"},
    "region": {"اقليم", "قطاع", "region"},
}
CUES_AFTER = {
    "installation": {
        "base",
        "airbase",
        "ab",
        "airfield",
        "garrison",
        "camp",
        "outpost",
        "airport",
        "جويه",
        "العسكريه",
    },
    "admin1": {"province", "governorate", "provinces", "governorates"},
    "city": {"city", "town", "village"},
    "region": {"region", "strip"},
}
_OF = {"of"}


@dataclass(slots=True)
class Resolved:
    """A mention of one place in the text."""

    place: Place
    start: int
    end: int
    text: str
    score: float
    cue: str | None = None
    alternatives: list[str] = field(default_factory=list)


def _tokens_before(norm: str, pos: int, n: int) -> list[str]:
    """The last ``n`` (>= 1) words before ``pos``: ``split()[-n:]``, splitting only n times."""
    return norm[max(0, pos - 40 * n) : pos].rsplit(None, n)[-n:]


def _tokens_after(norm: str, pos: int, n: int) -> list[str]:
    """The first ``n`` words after ``pos``: ``split()[:n]``, splitting only n times."""
    return norm[pos : pos + 40 * n].split(None, n)[:n]


def context_cue(norm: str, cand: Candidate) -> str | None:
    """The kind that the neighbouring words point to, if any."""
    before = _tokens_before(norm, cand.norm_start, 2)
    after = _tokens_after(norm, cand.norm_end, 2)
    inside = norm[cand.norm_start : cand.norm_end].split()
    if inside:
        first, last = strip_clitics(inside[0]), inside[-1]
        for kind in ("installation", "admin1", "region", "city"):
            if len(inside) > 1 and (first in CUES_BEFORE[kind] or last in CUES_AFTER[kind]):
                return kind
    if before:
        b1 = strip_clitics(before[-1])
        for kind, words in CUES_BEFORE.items():
            if b1 in words or before[-1] in words:
                return kind
        # "province of Anbar", "city of Erbil"
        if len(before) == 2 and before[-1] in _OF:
            for kind, words in CUES_AFTER.items():
                if before[0] in words:
                    return kind
    if after:
        a1 = strip_clitics(after[0])
        a2 = " ".join(after[:2])
        if a2 in ("air base", "air field", "naval base", "air station"):
            return "installation"
        for kind, words in CUES_AFTER.items():
            if after[0] in words or a1 in words:
                return kind
    return None


# Candidates below this score (after bonuses) are not reported.
MIN_SCORE = 2.5
SMALL_PLACE = 15_000
# Cities outside the area of interest above this size are known without their country.
FOREIGN_BIG_CITY = 1_000_000


def resolve(
    gaz: Gazetteer,
    text: str,
    candidates: list[Candidate] | None = None,
    norm: str | None = None,
    *,
    countries: set[str] | None = None,
) -> list[Resolved]:
    """Pick one place for each scanned name occurrence.

    Parameters
    ----------
    gaz : Gazetteer
    text : str
        The original text the candidates' offsets refer to.
    candidates, norm : optional
        Output of :meth:`Gazetteer.scan_normalized` and the normalised text, to avoid
        scanning twice.
    countries : set of str, optional
        ISO2 codes known to be in focus (e.g. from the headline); merged with the countries
        named in the text itself.

    Returns
    -------
    list of Resolved
        In text order.
    """
    if norm is None or candidates is None:
        norm, offsets = normalize_with_offsets(text)
        candidates = gaz.scan_normalized(text, norm, offsets)
    focus = set(countries or ())
    # Countries named unambiguously in the text.
    # (a country name that is also a village, لبنان / Lebanon, still names the country)
    for c in candidates:
        kinds = [gaz.places[i].kind for i, _ in c.places]
        if kinds.count("country") == 1 and not {"admin1", "region"} & set(kinds):
            focus.update(
                gaz.places[i].country or "" for i, _ in c.places if gaz.places[i].kind == "country"
            )
    out: list[Resolved] = []
    common = cue_only()
    for c in candidates:
        cue = context_cue(norm, c)
        if cue is None and _common_word(norm, c, common):
            continue  # "وقف إطلاق النار", "في بيان": a word, not the town of that name
        # a foreign town needs its country named, and loses to a capital, big city or
        # country of the same name ("Washington" the capital, not the English town)
        major = any(_major(gaz.places[i]) for i, _ in c.places)
        proper = _inside_proper_name(text, c.start, c.end)
        best: tuple[float, int] | None = None
        scored = []
        # the candidate's normalised surface, from the text already normalised
        surface = norm[c.norm_start : c.norm_end]
        qualified = False  # the matched name ends with its place's country
        for i, _flags in c.places:
            p = gaz.places[i]
            s = gaz.prior(i)
            if p.country and _names_own_country(gaz, p, surface):
                focus.add(p.country)  # "Rukla, Lithuania": the name carries its country
                qualified = True
            if cue and p.kind == cue:
                s += 10
            elif cue == "installation" and p.kind == "city":
                s -= 0.5
            if p.country and p.country in focus:
                s += 2
            if (
                p.kind == "city"
                and p.country not in REGION_COUNTRIES
                and p.subkind != "capital"
                and (p.population or 0) < FOREIGN_BIG_CITY
                and cue != "city"
                and (p.country not in focus or major or proper)
            ):
                continue  # "Gao", "Most", "Split", "Meridian Wire"
            small = p.kind == "city" and (p.population or 0) < SMALL_PLACE
            if small and not cue and p.country not in focus and not p.id.startswith("city:x-"):
                s -= 3
            if p.kind == "installation" and not cue and p.country not in focus:
                s -= 1
            scored.append((s, i))
            if best is None or s > best[0] or (s == best[0] and p.id < gaz.places[best[1]].id):
                best = (s, i)
        if best is None or best[0] < MIN_SCORE:
            continue
        alts = [gaz.places[i].id for s, i in sorted(scored, reverse=True) if i != best[1]]
        chosen = gaz.places[best[1]]
        if cue == "installation" and chosen.kind == "city":
            # "قاعدة الشدادي", "Rmelan base": the base next to the town, when there is one
            near = gaz.nearest(chosen.lon, chosen.lat, kind="installation", limit=2)
            if near and near[0][1] <= 15 and (len(near) == 1 or near[1][1] > 15):
                alts.insert(0, chosen.id)
                chosen = near[0][0]
        split = _split_country(gaz, chosen, text, c.start, c.end) if qualified else None
        if split is not None:
            # "Rukla, Lithuania": two mentions, the town and its country
            (a, b), (ca, cb) = split
            out.append(Resolved(chosen, a, b, text[a:b], best[0], cue, alts))
            country = gaz.get(f"country:{chosen.country}")
            out.append(Resolved(country, ca, cb, text[ca:cb], gaz.prior(gaz.by_id[country.id])))
            continue
        out.append(Resolved(chosen, c.start, c.end, text[c.start : c.end], best[0], cue, alts))
    return out


def _common_word(norm: str, c: Candidate, common: frozenset[str]) -> bool:
    """True when the one-word mention, with the clitics before it, is a common word."""
    if " " in norm[c.norm_start : c.norm_end]:
        return False
    ws = norm.rfind(" ", 0, c.norm_start) + 1
    tok = norm[ws : c.norm_end]
    return tok in common or strip_clitics(tok) in common


def _split_country(
    gaz: Gazetteer, p: Place, text: str, start: int, end: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the place and of its country in a qualified name ("Tapa, Estonia",
    "Rukla (Lithuania)"), when the country's name is spelled out at its end.  The caller has
    checked :func:`_names_own_country` on the normalised surface."""
    surface = text[start:end]
    if not p.country:
        return None
    country = gaz.get(f"country:{p.country}")
    stripped = surface.rstrip(" )")
    for name in (country.name, country.name_ar):
        if name and stripped.lower().endswith(name.lower()):
            cs = start + len(stripped) - len(name)
            head = text[start:cs].rstrip(" ,،(")
            if head and text[start + len(head) : cs].strip(" ") in (",", "،", "("):
                return (start, start + len(head)), (cs, cs + len(name))
    return None


@cache
def _normalized_name(name: str) -> str:
    """A country name, normalised once (it is compared for every town candidate)."""
    return normalize(name)


def _names_own_country(gaz: Gazetteer, p: Place, surface: str) -> bool:
    """True when a matched name ends with its place's country ("Rukla, Lithuania",
    "Tapa (Estonia)"): the qualified alias names the country itself."""
    cid = f"country:{p.country}"
    if p.kind not in ("city", "installation") or cid not in gaz:
        return False  # "north-east Syria" is a region named after its country, not qualified
    country = gaz.get(cid)
    for name in (country.name, country.name_ar):
        n = _normalized_name(name) if name else ""
        if n and surface.endswith(n) and len(surface) > len(n):
            return True
    return False


def _major(p: Place) -> bool:
    return p.kind == "country" or (
        p.kind == "city" and (p.subkind == "capital" or (p.population or 0) >= FOREIGN_BIG_CITY)
    )


def _inside_proper_name(text: str, start: int, end: int) -> bool:
    """ "Meridian Wire", "Mount Vernon Group": a Latin name run on by a capitalised word."""
    after = text[end : end + 20]
    if after[:1] == " " and after[1:2].isupper() and after[1:2].isascii():
        return True
    before = text[max(0, start - 20) : start]
    k = len(before) - 1
    if k >= 1 and before[k] == " " and before[k - 1].isalpha() and before[k - 1].isascii():
        word = before[:k].split()[-1] if before[:k].split() else ""
        return word[:1].isupper() and word.lower() not in _LEAD_WORDS
    return False


# Capitalised words that may precede a town name without being part of a longer name.
_LEAD_WORDS = {"in", "at", "near", "from", "to", "the", "and", "of", "outside", "around"}
