"""A generated corpus of Arabic and English news articles for bulk-ingest tests and benchmarks.

Articles are composed from sentence templates (force levels, planned withdrawals and
relocations, dated historical events, filler, site boilerplate) filled with gazetteer names
(installations, provinces, countries), actors, random numbers and dates.  The same ``seed``
gives the same corpus.  The texts are fiction: never use them as a source of facts.

>>> arts = list(generate_articles(100, seed=1))                   # doctest: +SKIP
>>> write_folder(arts, "corpus/")  ;  write_jsonl(arts, "corpus.jsonl")   # doctest: +SKIP

``python -m service.bulk.corpus N OUT`` writes N articles to OUT (a folder, ``.jsonl`` or
``.parquet``).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COUNTRIES = ("IQ", "SY", "JO", "KW", "QA", "BH", "AE", "SA")

# code, English name, English adjective, Arabic name, Arabic adjective (feminine, for القوات)
ACTORS = (
    ("US", "The United States", "US", "الولايات المتحدة", "الأميركية"),
    ("US", "Washington", "American", "واشنطن", "الأمريكية"),
    ("GB", "Britain", "British", "بريطانيا", "البريطانية"),
    ("FR", "France", "French", "فرنسا", "الفرنسية"),
    ("DE", "Germany", "German", "ألمانيا", "الألمانية"),
    ("IT", "Italy", "Italian", "إيطاليا", "الإيطالية"),
)
GROUPS_EN = ("Coalition forces", "Forces of the US-led coalition", "US-led coalition troops")
GROUPS_AR = ("قوات التحالف الدولي", "قوات التحالف", "قوات التحالف الدولي بقيادة واشنطن")

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_AR = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
MONTHS_AR_W = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

OUTLETS_EN = (
    "Meridian Wire",
    "Harborview Institute",
    "Gulf Ledger",
    "Levant Dispatch",
    "Desert Monitor",
    "Northline News",
)
OUTLETS_AR = (
    "الرافدين برس",
    "موقع الخابور",
    "الخليج الآن",
    "صوت الفرات",
    "بوابة الشام",
    "المرصد العربي",
)
FILLER_EN = (
    "Officials declined to give a timetable for the talks.",
    "The statement did not say how many advisers would stay.",
    "Analysts said the move reflected a wider review of the mission.",
    "A spokesperson said the arrangement would be reviewed next year.",
    "Local residents reported heavy traffic on the main road overnight.",
    "The ministry said talks with partners would continue.",
    "Lawmakers have pressed the government for years to set a date for the change.",
    "The announcement came after months of negotiations between military delegations.",
    "Several armed groups have repeatedly demanded a faster timetable.",
    "Diplomats said the details of the arrangement were still being worked out.",
    "The defence ministry did not respond to a request for comment.",
    "Security analysts warned that the security situation remained fragile.",
)
CITY_EN = (
    "Talks on the arrangement were held in {city} on {day}, officials said.",
    "A delegation travelled to {city} earlier this week for consultations.",
    "Protesters gathered in central {city} on {day} to demand better services.",
    "The governor of the province spoke to reporters in {city}.",
)
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FILLER_AR = (
    "ولم يحدد المسؤولون جدولاً زمنياً للمحادثات.",
    "وقال محللون إن الخطوة تعكس مراجعة أوسع للمهمة.",
    "وأكد المتحدث أن الترتيبات ستخضع للمراجعة العام المقبل.",
    "وأفاد سكان محليون بحركة كثيفة على الطريق الرئيسي ليلاً.",
    "وقالت الوزارة إن المباحثات مع الشركاء ستتواصل.",
    "وطالبت كتل برلمانية مراراً بتحديد موعد نهائي لإنهاء المهمة.",
    "وجاء الإعلان بعد أشهر من المفاوضات بين الوفود العسكرية.",
    "ولم ترد وزارة الدفاع على طلب للتعليق.",
    "وحذر خبراء أمنيون من أن الوضع الأمني لا يزال هشاً.",
    "وأشار دبلوماسيون إلى أن تفاصيل الاتفاق لم تُحسم بعد.",
)
CITY_AR = (
    "وعُقدت جولة المحادثات في {city} يوم {day}، بحسب مسؤولين.",
    "ووصل وفد إلى {city} مطلع الأسبوع لإجراء مشاورات.",
    "وتجمع محتجون وسط {city} يوم {day} للمطالبة بتحسين الخدمات.",
)
DAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
BOILER_EN = (
    "Related coverage",
    "- Markets slip as oil prices rise",
    "- Storm warning issued for the coast",
    "Our Standards: The Trust Principles.",
)
BOILER_AR = (
    "اقرأ أيضاً:",
    "- ارتفاع أسعار الذهب في الأسواق",
    "- طقس: موجة حارة غداً",
    "تابعونا على: فيسبوك | إكس | تلغرام",
)


@dataclass(frozen=True, slots=True)
class _Site:
    id: str
    name: str
    name_ar: str
    kind: str
    country: str


def _sites(gazetteer: Any) -> tuple[list[_Site], list[_Site], list[_Site], list[_Site]]:
    """Installations, provinces, countries and big cities of the region (both names)."""
    inst, adm, ctry, cities = [], [], [], []
    for c in COUNTRIES:
        for p in gazetteer.filter(kind="installation", country=c):
            if p.name_ar:
                inst.append(_Site(p.id, p.name, p.name_ar, p.kind, c))
        for p in gazetteer.filter(kind="admin1", country=c):
            if p.name_ar and c in ("IQ", "SY"):
                adm.append(_Site(p.id, p.name, p.name_ar, p.kind, c))
        p = gazetteer.get(f"country:{c}")
        ctry.append(_Site(p.id, p.name, p.name_ar or p.name, p.kind, c))
        big = sorted(
            (p for p in gazetteer.filter(kind="city", country=c) if p.name_ar and p.name.isascii()),
            key=lambda p: (-(p.population or 0), p.id),
        )[:8]
        cities += [_Site(p.id, p.name, p.name_ar, p.kind, c) for p in big]
    for lst in (inst, adm, cities):
        lst.sort(key=lambda s: s.id)
    return inst, adm, ctry, cities


class _Composer:
    def __init__(self, rng: random.Random, gazetteer: Any) -> None:
        self.rng = rng
        self.inst, self.adm, self.ctry, self.cities = _sites(gazetteer)

    def number(self) -> int:
        r = self.rng.random()
        if r < 0.4:
            return self.rng.randrange(100, 1000, 50)
        if r < 0.8:
            return self.rng.randrange(1000, 6000, 100)
        return self.rng.randrange(20, 100, 5)

    def month_after(self, pub: dt.date) -> tuple[int, int]:
        d = pub + dt.timedelta(days=self.rng.randrange(60, 800))
        return d.year, d.month

    def month_before(self, pub: dt.date) -> tuple[int, int]:
        d = pub - dt.timedelta(days=self.rng.randrange(200, 3500))
        return d.year, d.month

    # -------------------------------------------------------------- English
    def en(self, pub: dt.date) -> list[str]:
        rng = self.rng
        out = []
        for _ in range(rng.randint(1, 5)):
            kind = rng.choice(("level", "level", "site", "plan", "plan", "move", "event", "filler"))
            _, name, adj, _, _ = rng.choice(ACTORS)
            site = rng.choice(self.inst)
            country = next(c for c in self.ctry if c.country == site.country)
            n = self.number()
            if kind == "level":
                q = rng.choice(
                    (
                        "about {n:,}",
                        "roughly {n:,}",
                        "some {n:,}",
                        "{n:,}",
                        "fewer than {n:,}",
                        "more than {n:,}",
                    )
                )
                out.append(f"{name} has {q.format(n=n)} troops in {country.name}, officials said.")
            elif kind == "site":
                out.append(f"About {n:,} {adj} soldiers are stationed at {site.name}.")
            elif kind == "plan":
                y, m = self.month_after(pub)
                who = rng.choice((*GROUPS_EN, f"{adj} forces"))
                verb = rng.choice(("will withdraw from", "will leave", "are due to pull out of"))
                where = (
                    site.name
                    if rng.random() < 0.7 or not self.adm
                    else f"{rng.choice(self.adm).name} province"
                )
                out.append(
                    f"{who} {verb} {where} by the end of {MONTHS_EN[m - 1]} {y}, "
                    f"according to a joint statement."
                )
            elif kind == "move":
                y, m = self.month_after(pub)
                other = rng.choice([s for s in self.inst if s.country == site.country] or self.inst)
                out.append(
                    f"{rng.choice(GROUPS_EN)} will relocate from {site.name} to "
                    f"{other.name} by {MONTHS_EN[m - 1]} {y}."
                )
            elif kind == "event":
                y, m = self.month_before(pub)
                verb = rng.choice(("withdrew from", "arrived at", "left"))
                out.append(f"{adj} forces {verb} {site.name} in {MONTHS_EN[m - 1]} {y}.")
            else:
                out.append(rng.choice(FILLER_EN))
        return self.pad(out, FILLER_EN, CITY_EN, DAYS_EN, arabic=False)

    def pad(
        self,
        claims: list[str],
        filler: tuple[str, ...],
        city_t: tuple[str, ...],
        days: tuple[str, ...],
        *,
        arabic: bool,
    ) -> list[str]:
        """Paragraphs: the claim sentences among filler (a news article's usual length)."""
        rng = self.rng
        sents = list(claims)
        for _ in range(rng.randint(8, 20)):
            if self.cities and rng.random() < 0.3:
                c = rng.choice(self.cities)
                sents.insert(
                    rng.randrange(len(sents) + 1),
                    rng.choice(city_t).format(
                        city=c.name_ar if arabic else c.name, day=rng.choice(days)
                    ),
                )
            else:
                sents.insert(rng.randrange(len(sents) + 1), rng.choice(filler))
        paras, i = [], 0
        while i < len(sents):
            k = rng.randint(1, 3)
            paras.append(" ".join(sents[i : i + k]))
            i += k
        return paras

    # -------------------------------------------------------------- Arabic
    def ar(self, pub: dt.date) -> list[str]:
        rng = self.rng
        out = []
        eastern = rng.random() < 0.25

        def num(n: int) -> str:
            s = str(n)
            return s.translate(EASTERN) if eastern else s

        def month(m: int) -> str:
            return rng.choice(
                (MONTHS_AR[m - 1], MONTHS_AR_W[m - 1], f"{MONTHS_AR[m - 1]}/{MONTHS_AR_W[m - 1]}")
            )

        for _ in range(rng.randint(1, 5)):
            kind = rng.choice(("level", "level", "site", "plan", "plan", "event", "filler"))
            _, _, _, name_ar, adj_ar = rng.choice(ACTORS)
            site = rng.choice(self.inst)
            country = next(c for c in self.ctry if c.country == site.country)
            n = self.number()
            if kind == "level":
                q = rng.choice(("نحو", "قرابة", "حوالي", "أقل من", "أكثر من", ""))
                out.append(
                    f"ولدى {name_ar} {q} {num(n)} جندي في {country.name_ar}، بحسب مسؤولين.".replace(
                        "  ", " "
                    )
                )
            elif kind == "site":
                out.append(f"ويتمركز نحو {num(n)} عسكري من القوات {adj_ar} في {site.name_ar}.")
            elif kind == "plan":
                y, m = self.month_after(pub)
                who = rng.choice((*GROUPS_AR, f"القوات {adj_ar}"))
                out.append(
                    f"وتنسحب {who} من {site.name_ar} بحلول {month(m)} {num(y)}، وفق بيان مشترك."
                )
            elif kind == "event":
                y, m = self.month_before(pub)
                out.append(
                    f"وكانت القوات {adj_ar} قد انسحبت من {site.name_ar} في {month(m)} {num(y)}."
                )
            else:
                out.append(rng.choice(FILLER_AR))
        return self.pad(out, FILLER_AR, CITY_AR, DAYS_AR, arabic=True)


def generate_articles(
    n: int,
    *,
    seed: int = 0,
    gazetteer: Any = None,
    arabic_share: float = 0.5,
    start: dt.date = dt.date(2019, 1, 1),
    end: dt.date = dt.date(2025, 12, 31),
) -> Iterator[dict[str, Any]]:
    """``n`` articles as dicts: ``id, text, url, outlet, published, title, lang``.

    Streams (one article at a time); every text is different.
    """
    if gazetteer is None:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    rng = random.Random(seed)
    comp = _Composer(rng, gazetteer)
    span = (end - start).days
    for i in range(n):
        pub = start + dt.timedelta(days=rng.randrange(span))
        arabic = rng.random() < arabic_share
        if arabic:
            outlet = rng.choice(OUTLETS_AR)
            city = rng.choice(("بغداد", "أربيل", "دمشق", "عمّان", "الدوحة", "الكويت"))
            body = comp.ar(pub)
            lead = f"{city} – «{outlet}»"
            boiler = list(BOILER_AR)
            title = f"تقرير رقم {i}: {body[0][:40]}"
        else:
            outlet = rng.choice(OUTLETS_EN)
            city = rng.choice(("BAGHDAD", "ERBIL", "AMMAN", "DOHA", "KUWAIT CITY"))
            body = comp.en(pub)
            lead = f"{city}, {MONTHS_EN[pub.month - 1][:3]} {pub.day} ({outlet}) -"
            boiler = list(BOILER_EN)
            title = f"Report {i}: {body[0][:50]}"
        paras = [lead, *body]
        if rng.random() < 0.6:
            paras += boiler[: rng.randint(2, len(boiler))]
        paras.append(f"[{outlet} #{seed}-{i}]")  # makes every text unique
        yield {
            "id": f"a{seed}-{i:06d}",
            "text": "\n\n".join(paras),
            "url": f"https://news.example/{'ar' if arabic else 'en'}/{seed}/{i}",
            "outlet": outlet,
            "published": pub.isoformat(),
            "title": title,
            "lang": "ar" if arabic else "en",
        }


# ---------------------------------------------------------------------------- writers
def to_html(article: dict[str, Any]) -> str:
    """A small web page around the article (its paragraphs in ``<p>``)."""
    from html import escape

    paras = "\n".join(f"<p>{escape(p)}</p>" for p in article["text"].split("\n\n"))
    rtl = ' dir="rtl" lang="ar"' if article.get("lang") == "ar" else ' lang="en"'
    return (
        f'<!doctype html>\n<html{rtl}><head><meta charset="utf-8">'
        f"<title>{escape(article.get('title') or '')}</title></head>\n<body>"
        f"<nav>Home | World | Sport</nav>\n<article>\n{paras}\n</article>\n"
        f"<footer>© {escape(article.get('outlet') or '')}</footer></body></html>\n"
    )


def write_folder(
    articles: Iterable[dict[str, Any]],
    folder: str | Path,
    *,
    html_share: float = 0.2,
    seed: int = 0,
    per_dir: int = 500,
) -> int:
    """Write ``.txt`` (or ``.html``) files with ``.meta.json`` sidecars, ``per_dir`` per
    sub-folder.  Returns the number of articles written."""
    rng = random.Random(seed)
    root = Path(folder)
    n = 0
    for n, art in enumerate(articles, start=1):
        sub = root / f"part{(n - 1) // per_dir:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        html = rng.random() < html_share
        path = sub / f"{art['id']}.{'html' if html else 'txt'}"
        path.write_text(to_html(art) if html else art["text"], encoding="utf-8")
        meta = {
            "published": art["published"],
            "outlet": art["outlet"],
            "url": art["url"],
            "title": art["title"],
        }
        if rng.random() < 0.5:
            meta["language"] = art["lang"]
        (sub / f"{art['id']}.meta.json").write_text(
            json.dumps(meta, ensure_ascii=False), encoding="utf-8"
        )
    return n


def write_jsonl(articles: Iterable[dict[str, Any]], path: str | Path) -> int:
    """One JSON object per line.  Returns the number of articles written."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(
    articles: Iterable[dict[str, Any]], path: str | Path, *, row_group_size: int = 1000
) -> int:
    """A Parquet file (``published`` as a date column), written row group by row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("text", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("published", pa.date32()),
            ("title", pa.string()),
            ("lang", pa.string()),
        ]
    )
    n = 0
    buf: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), schema) as w:

        def flush() -> None:
            rows = [{**a, "published": dt.date.fromisoformat(a["published"])} for a in buf]
            w.write_table(pa.Table.from_pylist(rows, schema=schema))
            buf.clear()

        for art in articles:
            buf.append(art)
            n += 1
            if len(buf) >= row_group_size:
                flush()
        if buf:
            flush()
    return n


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m service.bulk.corpus", description="Write a generated article corpus."
    )
    ap.add_argument("n", type=int)
    ap.add_argument("out", help="a folder, a .jsonl or a .parquet path")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    arts = generate_articles(args.n, seed=args.seed)
    out = Path(args.out)
    if out.suffix == ".jsonl":
        n = write_jsonl(arts, out)
    elif out.suffix == ".parquet":
        n = write_parquet(arts, out)
    else:
        n = write_folder(arts, out, seed=args.seed)
    print(f"{n} articles → {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
