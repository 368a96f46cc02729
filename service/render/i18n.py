"""User-visible words of the map in English and Arabic (legend, layers, popups, slider)."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError

LANGS = ("en", "ar")

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_AR_MONTHS = (
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

T: dict[str, dict[str, str]] = {
    "en": {
        "title": "Foreign troop presence",
        "title_at": "Foreign troop presence — {date}",
        "title_changes": "Changes in troop presence — {d1} to {d2}",
        "title_time": "Foreign troop presence over time",
        "layer_sites": "Sites: {actor}",
        "layer_areas": "Force levels by province / country",
        "layer_phase": "Plan: {plan} — {phase}",
        "layer_moves": "Movements",
        "layer_mentioned": "Places mentioned (no force data)",
        "layer_changes": "Changes {d1} → {d2}",
        "layer_countries": "Basemap: countries",
        "layer_admin1": "Basemap: provinces",
        "layer_osm": "OpenStreetMap (online)",
        "phase": "phase {phase}",
        "by": "by {date}",
        "present": "present",
        "reduced": "reduced",
        "withdrawn": "withdrawn",
        "advisory": "advisory",
        "unknown": "unknown",
        "reported": "reported",
        "projected": "projected (plan)",
        "prec_installation": "installation (exact point)",
        "prec_city": "city (approximate point)",
        "prec_admin1": "province (area)",
        "prec_region": "region (area)",
        "prec_country": "country (area)",
        "level": "Force level",
        "as_of": "As of",
        "status": "Status",
        "basis": "Basis",
        "precision": "Location",
        "sources": "Sources",
        "unallocated": "Not attributed to a site",
        "conflicts": "Conflicting reports",
        "plan": "Plan",
        "actor": "Actor",
        "legend": "Legend",
        "lg_status": "Status",
        "lg_basis": "Reported or projected",
        "lg_precision": "Location precision",
        "lg_size": "Symbol size (troops)",
        "lg_areas": "Area force level (troops)",
        "lg_changes": "Changes",
        "lg_point": "on the site",
        "lg_halo": "somewhere in the city",
        "lg_area": "level known only for the province / country",
        "date": "Date",
        "play": "Play",
        "pause": "Pause",
        "prev": "Previous date",
        "next": "Next date",
        "left": "left",
        "arrived": "arrived",
        "increased": "increased",
        "moved": "moved",
        "status_changed": "status changed",
        "change_reduced": "reduced",
        "from_to": "{a} → {b}",
        "no_quote": "(no quotation stored)",
        "mentioned": "mentioned in {n} source(s), no force data",
        "attribution": "Boundaries: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0), "
        "OurAirports · Force data: {n} source(s)",
        "fullscreen": "Full screen",
        "exit_fullscreen": "Exit full screen",
        "troops": "troops",
        "not_reported": "number not reported",
        "layer_plan_phase": "Plan phase {phase}",
    },
    "ar": {
        "title": "الوجود العسكري الأجنبي",
        "title_at": "الوجود العسكري الأجنبي — {date}",
        "title_changes": "التغيّرات في الوجود العسكري — من {d1} إلى {d2}",
        "title_time": "الوجود العسكري الأجنبي عبر الزمن",
        "layer_sites": "مواقع: {actor}",
        "layer_areas": "مستويات القوات حسب المحافظة / الدولة",
        "layer_phase": "الخطة: {plan} — {phase}",
        "layer_moves": "التحركات",
        "layer_mentioned": "أماكن مذكورة (دون بيانات عن القوات)",
        "layer_changes": "التغيّرات {d1} ← {d2}",
        "layer_countries": "الخريطة الأساسية: الدول",
        "layer_admin1": "الخريطة الأساسية: المحافظات",
        "layer_osm": "أوبن ستريت ماب (عبر الإنترنت)",
        "phase": "المرحلة {phase}",
        "by": "بحلول {date}",
        "present": "موجودة",
        "reduced": "مخفَّضة",
        "withdrawn": "منسحبة",
        "advisory": "استشارية",
        "unknown": "غير معروفة",
        "reported": "مُبلَّغ عنها",
        "projected": "متوقَّعة (وفق الخطة)",
        "prec_installation": "منشأة (نقطة دقيقة)",
        "prec_city": "مدينة (موقع تقريبي)",
        "prec_admin1": "محافظة (منطقة)",
        "prec_region": "إقليم (منطقة)",
        "prec_country": "دولة (منطقة)",
        "level": "حجم القوات",
        "as_of": "بتاريخ",
        "status": "الحالة",
        "basis": "الأساس",
        "precision": "الموقع",
        "sources": "المصادر",
        "unallocated": "غير منسوبة إلى موقع",
        "conflicts": "روايات متعارضة",
        "plan": "الخطة",
        "actor": "الجهة",
        "legend": "مفتاح الخريطة",
        "lg_status": "الحالة",
        "lg_basis": "مُبلَّغ عنها أو متوقَّعة",
        "lg_precision": "دقة الموقع",
        "lg_size": "حجم الرمز (عدد الجنود)",
        "lg_areas": "حجم القوات في المنطقة (عدد الجنود)",
        "lg_changes": "التغيّرات",
        "lg_point": "على الموقع نفسه",
        "lg_halo": "في مكان ما داخل المدينة",
        "lg_area": "الحجم معروف للمحافظة / الدولة فقط",
        "date": "التاريخ",
        "play": "تشغيل",
        "pause": "إيقاف مؤقت",
        "prev": "التاريخ السابق",
        "next": "التاريخ التالي",
        "left": "غادرت",
        "arrived": "وصلت",
        "increased": "زِيدت",
        "moved": "نُقلت",
        "status_changed": "تغيّرت الحالة",
        "change_reduced": "خُفِّضت",
        "from_to": "{a} ← {b}",
        "no_quote": "(لا يوجد اقتباس محفوظ)",
        "mentioned": "مذكور في {n} مصدر، دون بيانات عن القوات",
        "attribution": "الحدود: Natural Earth (ملكية عامة) · الأماكن: GeoNames (CC BY 4.0)، "
        "OurAirports · بيانات القوات: {n} مصدر",
        "fullscreen": "ملء الشاشة",
        "exit_fullscreen": "الخروج من ملء الشاشة",
        "troops": "جندي",
        "not_reported": "العدد غير مذكور",
        "layer_plan_phase": "الخطة: المرحلة {phase}",
    },
}

ACTORS: dict[str, dict[str, str]] = {
    "en": {
        "US": "United States",
        "GB": "United Kingdom",
        "FR": "France",
        "DE": "Germany",
        "IT": "Italy",
        "ES": "Spain",
        "TR": "Turkey",
        "IR": "Iran",
        "RU": "Russia",
        "COALITION": "Coalition (CJTF-OIR)",
        "NATO": "NATO Mission Iraq",
    },
    "ar": {
        "US": "الولايات المتحدة",
        "GB": "المملكة المتحدة",
        "FR": "فرنسا",
        "DE": "ألمانيا",
        "IT": "إيطاليا",
        "ES": "إسبانيا",
        "TR": "تركيا",
        "IR": "إيران",
        "RU": "روسيا",
        "COALITION": "التحالف الدولي",
        "NATO": "بعثة الناتو في العراق",
    },
}


def check_lang(lang: str | None) -> str:
    lang = (lang or "en").lower()
    if lang not in LANGS:
        raise InputError(f"lang must be one of {', '.join(LANGS)}")
    return lang


def t(lang: str, key: str, **kw) -> str:
    """The phrase ``key`` in ``lang`` (falls back to English), formatted with ``kw``."""
    s = T.get(lang, T["en"]).get(key) or T["en"].get(key) or key
    return s.format(**kw) if kw else s


def actor_name(lang: str, code: str | None, gazetteer=None) -> str:
    """Readable actor name: known codes, else the gazetteer's country name, else the code."""
    code = (code or "").strip()
    if not code:
        return t(lang, "unknown")
    name = ACTORS.get(lang, {}).get(code.upper())
    if name:
        return name
    from ..actors import get_actor, is_actor

    if is_actor(code):
        a = get_actor(code)
        return (a.name_ar if lang == "ar" and a.name_ar else a.name) or code
    pid = f"country:{code.upper()}"
    if gazetteer is not None and len(code) == 2 and pid in gazetteer:
        p = gazetteer.get(pid)
        return (p.name_ar if lang == "ar" and p.name_ar else p.name) or code
    return code


def fmt_date(lang: str, value, precision: str | None = "day") -> str:
    """A date as readers expect it at its precision: 'Sep 2025', 'Q3 2025', '2025-09-30'."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            d = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value[:40]
    elif isinstance(value, dt.datetime):
        d = value.date()
    elif isinstance(value, dt.date):
        d = value
    else:
        return str(value)[:40]
    months = _AR_MONTHS if lang == "ar" else _EN_MONTHS
    p = precision or "day"
    if p == "month":
        return f"{months[d.month - 1]} {d.year}"
    if p == "quarter":
        q = (d.month - 1) // 3 + 1
        return f"الربع {q} {d.year}" if lang == "ar" else f"Q{q} {d.year}"
    if p == "half":
        h = 1 if d.month <= 6 else 2
        return f"النصف {h} {d.year}" if lang == "ar" else f"H{h} {d.year}"
    if p == "year":
        return str(d.year)
    return d.isoformat()
