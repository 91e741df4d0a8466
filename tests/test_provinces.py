import unicodedata

import pytest

from thidua.provinces import name_key, registry


@pytest.mark.parametrize("spelling, official", [
    ("Tỉnh Hoà Bình", "Hòa Bình"),
    ("Hoà Bình", "Hòa Bình"),
    ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
    ("Thành phố Huế", "Thừa Thiên Huế"),
    ("TP.HCM", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("tp hồ chí minh", "Hồ Chí Minh"),
    ("Đăk Lăk", "Đắk Lắk"),
    ("Bac Giang", "Bắc Giang"),
    ("Bắc Cạn", "Bắc Kạn"),
    ("  LẠNG   SƠN ", "Lạng Sơn"),
    ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    (unicodedata.normalize("NFD", "Tỉnh Đắk Nông"), "Đắk Nông"),
])
def test_real_spellings_resolve_to_the_official_name(spelling, official):
    assert registry().resolve(spelling).name == official


@pytest.mark.parametrize("marked, official", [
    ("Thừa Thiên Huế (1)", "Thừa Thiên Huế"), ("Lạng Sơn (*)", "Lạng Sơn"), ("Lạng Sơn¹", "Lạng Sơn"),
    ("Hà Giang(2)", "Hà Giang"), ("Cao Bằng*", "Cao Bằng"), ("Lào Cai ⁴", "Lào Cai"),
])
def test_a_footnote_mark_after_a_province_is_no_part_of_its_name(marked, official):
    assert registry().resolve(marked).name == official


def test_a_bracket_that_is_no_footnote_mark_keeps_a_name_unresolved():
    assert registry().resolve("Lạng Sơn (Giám đốc)") is None
    assert registry().resolve("Lạng Sơn (12345)") is None


def test_every_province_has_its_own_key():
    keys = [name_key(p.name) for p in registry().provinces]
    assert len(keys) == len(set(keys)) == 63


def test_unknown_name_resolves_to_nothing_and_gets_suggestions():
    assert registry().resolve("Lang Sonn") is None
    assert registry().suggest("Lang Sonn")[0] == "Lạng Sơn"
    assert registry().resolve("Hà Tây") is None


def test_the_2025_merger_maps_old_provinces_to_34_new_ones():
    reg = registry()
    assert reg.resolve("Hà Giang").new_province == "Tuyên Quang"
    assert reg.resolve("Bắc Giang").new_province == "Bắc Ninh"
    assert reg.resolve("Thừa Thiên Huế").new_province == "Huế"
    assert len({p.new_province for p in reg.provinces}) == 34
    assert len(reg.expected(2024)) == 63
    assert sorted(p.new_province for p in reg.expected(2025)) == sorted({p.new_province for p in reg.provinces})


@pytest.mark.parametrize("heading", ["Vùng 1", "Vùng 1: Trung du và miền núi phía Bắc", "IV. Tây Nguyên", "TÂY NGUYÊN",
                                     "Đồng bằng sông Cửu Long", "Bắc Trung Bộ và duyên hải miền Trung",
                                     "Vùng Đông Nam Bộ (6 tỉnh)", "Khu vực II - ĐBSCL"])
def test_a_region_is_named_and_never_resolves_to_a_province(heading):
    assert registry().names_region(heading)
    assert registry().resolve(heading) is None


def test_no_province_is_taken_for_a_region():
    spellings = [p.name for p in registry().provinces] + ["Tỉnh Tây Ninh", "Thái Nguyên", "Bà Rịa - Vũng Tàu", "Vũng Tàu"]
    assert not [name for name in spellings if registry().names_region(name)]
