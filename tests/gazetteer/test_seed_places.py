"""Every place the seed article mentions resolves to the right gazetteer entry."""

from service.gazetteer.resolve import resolve

SEED_PLACES = {
    "بغداد": "city:98182",
    "العراق": "country:IQ",
    "الولايات المتحدة": "country:US",
    "غزة": "region:gaza-strip",
    "عين الأسد": "installation:ain-al-asad-air-base",
    "إيران": "country:IR",
    "سوريا": "country:SY",
    "ألمانيا": "country:DE",
    "فرنسا": "country:FR",
    "إسبانيا": "country:ES",
    "إيطاليا": "country:IT",
    "الأنبار": "admin1:IQ-AN",
    "أربيل": "city:95446",
    "إقليم كردستان": "region:kurdistan-region",
    "إسرائيل": "country:IL",
}


def test_every_seed_place_resolves(gaz, seed_text):
    found = resolve(gaz, seed_text)
    by_text: dict[str, set[str]] = {}
    for r in found:
        assert seed_text[r.start : r.end] == r.text
        by_text.setdefault(r.text, set()).add(r.place.id)
    for name, pid in SEED_PLACES.items():
        hits = {i for t, ids in by_text.items() if name in t for i in ids}
        assert pid in hits, f"{name} → {hits}"


def test_seed_base_in_anbar_is_the_air_base_and_the_province(gaz):
    text = "ستغادر جميع قوات التحالف قاعدة عين الأسد الجوية في محافظة الأنبار بغرب العراق"
    ids = [r.place.id for r in resolve(gaz, text)]
    assert ids == ["installation:ain-al-asad-air-base", "admin1:IQ-AN", "country:IQ"]


def test_disambiguation_by_context(gaz):
    def first(text):
        return resolve(gaz, text)[0].place.id

    assert first("وصلت القوات إلى بغداد") == "city:98182"
    assert first("في محافظة بغداد") == "admin1:IQ-BG"
    assert first("Baghdad province") == "admin1:IQ-BG"
    assert first("في أربيل") == "city:95446"
    assert first("محافظة أربيل") == "admin1:IQ-AR"
    assert first("قاعدة أربيل الجوية") == "installation:erbil-air-base"
    assert first("Erbil Air Base") == "installation:erbil-air-base"
    assert first("Erbil province") == "admin1:IQ-AR"
