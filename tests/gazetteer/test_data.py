"""Integrity of the bundled gazetteer data."""

from collections import Counter

import pytest
from shapely.geometry import Point

REQUIRED_ADMIN1 = [
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
]
REGIONS = [
    "region:kurdistan-region",
    "region:gaza-strip",
    "region:west-bank",
    "region:north-east-syria",
]


def test_ids_unique_and_parents_exist(gaz):
    ids = [p.id for p in gaz.places]
    assert len(ids) == len(set(ids))
    missing = [(p.id, p.parent) for p in gaz.places if p.parent and p.parent not in gaz]
    assert missing == []


def test_every_place_has_kind_point_and_chain(gaz):
    for p in gaz.places:
        assert p.kind in ("country", "admin1", "region", "city", "installation")
        assert -180 <= p.lon <= 180 and -90 <= p.lat <= 90
        if p.kind != "country":
            chain = gaz.parent_chain(p.id)
            assert chain and chain[-1].kind == "country", p.id


def test_all_countries_with_polygons(gaz):
    countries = gaz.filter(kind="country")
    assert len(countries) >= 195
    assert all(p.has_polygon for p in countries)
    assert all(p.name_ar for p in countries if p.country in REQUIRED_ADMIN1)


@pytest.mark.parametrize("iso2", REQUIRED_ADMIN1)
def test_admin1_for_region_countries(gaz, iso2):
    units = gaz.filter(kind="admin1", country=iso2)
    if iso2 == "PS":  # Natural Earth splits Palestine into its two territories only
        units = gaz.filter(kind="region", country="PS")
    assert len(units) >= 2
    for u in units:
        assert u.has_polygon and u.name_ar, u.id


# Countries outside the Middle East that got admin-1 units for the installations abroad
# (data/SOURCES.md): English names and ISO codes (or no-ISO ids); Arabic names are optional.
ABROAD_ADMIN1 = [
    "DE",
    "IT",
    "ES",
    "GB",
    "GR",
    "PL",
    "RO",
    "BG",
    "JP",
    "KR",
    "AU",
    "PH",
    "NE",
    "TD",
    "ML",
    "SO",
    "KE",
    "SD",
    "ER",
    "XK",
    "LV",
    "EE",
    "LT",
    "TJ",
    "KG",
    "AM",
]


@pytest.mark.parametrize("iso2", ABROAD_ADMIN1)
def test_admin1_abroad(gaz, iso2):
    units = gaz.filter(kind="admin1", country=iso2)
    assert len(units) >= 2
    for u in units:
        code = u.id.removeprefix("admin1:")
        assert u.has_polygon and u.name and code.startswith(f"{iso2}-"), u.id
        assert "(eng)" not in u.name and "[" not in u.name, u.id
    named = [u for u in units if u.name_ar]
    assert all(any("\u0600" <= c <= "\u06ff" for c in u.name_ar) for u in named)


def test_admin1_abroad_names_are_not_common_words(gaz):
    from service.gazetteer.normalize import normalize

    bad = set(
        [
            "sahel",
            "centre",
            "nord",
            "est",
            "bay",
            "bari",
            "montana",
            "victoria",
            "coast",
            "central",
            "eastern",
        ]
    )
    bad |= {"western", "cascades", "al awsat", "seaside"}
    for iso2 in ABROAD_ADMIN1:
        for u in gaz.filter(kind="admin1", country=iso2):
            names = {normalize(n) for n in (u.name, *u.aliases)}
            assert not names & bad, (u.id, names & bad)


@pytest.mark.parametrize("rid", REGIONS)
def test_named_regions(gaz, rid):
    p = gaz.get(rid)
    assert p.has_polygon and p.name_ar


def test_representative_points_inside_polygons(gaz):
    bad = []
    for p in gaz.places:
        if (
            p.has_polygon
            and p.kind in ("admin1", "region")
            and not gaz.geometry(p.id).buffer(1e-6).contains(Point(p.lon, p.lat))
        ):
            bad.append(p.id)
    assert bad == []


def test_installations(gaz):
    inst = gaz.filter(kind="installation")
    assert len(inst) >= 60
    countries = Counter(p.country for p in inst)
    for c in ("IQ", "SY", "JO", "KW", "QA", "BH", "AE", "SA", "TR", "DJ"):
        assert countries[c] >= 1, c
    for p in inst:
        assert p.name_ar and p.aliases and p.source and p.precision_m, p.id
        assert p.parent and p.parent.startswith(("admin1:", "region:")), p.id


def test_kurdistan_governorates_sit_in_the_region(gaz):
    chain = [p.id for p in gaz.parent_chain("admin1:IQ-AR")]
    assert chain == ["region:kurdistan-region", "country:IQ"]


def test_geodataframe(gaz):
    gdf = gaz.to_geodataframe(kind="admin1", country="IQ")
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) >= 18
    assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}
    assert {"id", "name", "name_ar", "kind", "parents", "geometry"} <= set(gdf.columns)


def test_loaded_index_is_out_of_the_collectors_generations(gaz):
    # a full collection must not walk the whole index (a pause of ~80 ms per collection)
    import gc

    assert gc.get_freeze_count() > 100_000
    assert not any(o is gaz for o in gc.get_objects())
