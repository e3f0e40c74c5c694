"""The 2023 → 2025 map of An Giang (resources/org_units/reform/): read, checked against both trees."""

import pytest

from vstbpn_desktop.catalogue.org_units import read_tree
from vstbpn_desktop.catalogue.reform import AREA_TYPES, DEFAULT_FILE, read_map, reform_map
from vstbpn_desktop.errors import Reason
from vstbpn_desktop.resources import resource

OLD = read_tree(resource("org_units", "an-giang-2023.csv"))
NEW = read_tree(resource("org_units", "an-giang-2025.csv"))
SHIPPED = resource(*DEFAULT_FILE)


def test_every_2025_unit_comes_from_old_units_that_exist():
    reform = reform_map()
    old_codes = {row.code for row in OLD}
    for row in NEW:
        sources = reform.sources(row.code)
        assert sources, row.name
        for link in sources:
            if link.old_tree == "an-giang-2023":
                assert link.old_code in old_codes
            else:  # Kiên Giang's units are not in the app's 2023 tree: named, never coded
                assert link.old_tree == "kien-giang-2024" and link.old_code is None and link.old_name


def test_every_old_commune_of_an_giang_89_maps_to_exactly_one_main_new_unit():
    reform = reform_map()
    communes = [row for row in OLD if row.type in AREA_TYPES]
    assert len(communes) == 156
    for row in communes:
        mains = [link for link in reform.links if link.old_code == row.code and link.share != "part"]
        assert len(mains) == 1, row.name
        assert reform.successor(row.code) == mains[0].new_code


def test_the_resolutions_own_words_for_an_phu_and_its_divided_communes():
    # Nghị quyết 1654/NQ-UBTVQH15, Điều 1 khoản 1 and 3: An Phú takes the town of An Phú and Vĩnh
    # Hội Đông whole and part of Phú Hội and Phước Hưng; Nhơn Hội the rest of Phú Hội.
    reform = reform_map()
    an_phu = {link.old_name: link.share for link in reform.sources("30337")}
    assert an_phu == {
        "Thị trấn An Phú": "whole",
        "Xã Vĩnh Hội Đông": "whole",
        "Xã Phú Hội": "part",
        "Xã Phước Hưng": "part",
    }
    assert reform.successor("30355") == "30346"  # Phú Hội's rest: Nhơn Hội
    assert reform.successors("30358") == ["30337", "30346", "30352"]  # Phước Hưng in three
    assert not reform.exact("30337")  # sums over parts are approximate
    assert reform.exact("30307")  # Long Xuyên: seven whole wards
    assert reform.old_codes("30307") == ["30280", "30283", "30286", "30285", "30295", "30298", "30307"]


def test_districts_and_the_old_province_move_to_the_new_province():
    reform = reform_map()
    assert reform.successor("886") == "91" and reform.successor("89") == "91"
    assert set(reform.successors("883")) == {"30313", "30307", "30292", "30301"}  # Long Xuyên's area
    assert reform.old_codes("91") == ["89"] and not reform.exact("91")  # + Kiên Giang, not shipped
    assert len({link.new_code for link in reform.links if link.old_tree == "kien-giang-2024"}) == 49


def test_where_a_profile_may_move_the_main_successor_first_and_what_each_took():
    reform = reform_map()
    assert reform.destinations("883") == ["91", "30307", "30292", "30301", "30313"]
    assert reform.destinations("30355") == ["30346", "30337"]  # Phú Hội: its rest to Nhơn Hội, a part to An Phú
    assert [(link.old_code, link.share) for link in reform.taken("30355", "30337")] == [("30355", "part")]
    assert [link.old_code for link in reform.taken("883", "30292")] == ["30292", "30289", "30310"]
    assert reform.taken("883", "91") == []  # the new province took the abolished district, not a commune of it
    assert (
        reform.source.startswith("Nghị quyết số 1654/NQ-UBTVQH15 ngày 16/6/2025") and "202/2025/QH15" in reform.source
    )


def _broken(tmp_path, old, new):
    path = tmp_path / "map.csv"
    path.write_text(SHIPPED.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "30337,Xã An Phú,an-giang-2023,30370,Xã Vĩnh Hội Đông",
            "30337,Xã An Phú,an-giang-2023,39999,Xã Vĩnh Hội Đông",
            "39999",
        ),
        (
            "30337,Xã An Phú,an-giang-2023,30370,Xã Vĩnh Hội Đông,whole",
            "30337,Xã An Phú,an-giang-2023,30370,Xã Vĩnh Hội Đông,half",
            "share",
        ),
        (
            "30337,Xã An Phú,an-giang-2023,30370,Xã Vĩnh Hội Đông",
            "30337,Xã An Phú,an-giang-2023,30370,Xã Vĩnh Hội",
            "30370",
        ),
        (
            "30346,Xã Nhơn Hội,an-giang-2023,30355,Xã Phú Hội,rest",
            "30346,Xã Nhơn Hội,an-giang-2023,30355,Xã Phú Hội,part",
            "30355",
        ),
        (
            "30352,Xã Phú Hữu,an-giang-2023,30361,Xã Vĩnh Lộc,whole",
            "30352,Xã Phú Hữu,an-giang-2023,30367,Xã Vĩnh Trường,whole",
            "30361",
        ),
    ],
)
def test_a_wrong_row_is_refused_naming_it(tmp_path, old, new, words):
    with pytest.raises(Reason) as refused:
        read_map(_broken(tmp_path, old, new), OLD, NEW)
    assert "map.csv" in str(refused.value) and words in str(refused.value)


def test_a_new_unit_with_no_source_is_refused(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("30313,")]  # Mỹ Hòa Hưng
    path = tmp_path / "map.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Reason, match="30313"):
        read_map(path, OLD, NEW)


def test_a_rest_with_no_part_elsewhere_and_a_short_row_are_refused(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("30316,Phường Châu Đốc,an-giang-2023,30334,")]
    path = tmp_path / "map.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Reason, match="30334.*rest"):
        read_map(path, OLD, NEW)
    path.write_text(
        text.replace("30313,Xã Mỹ Hòa Hưng,an-giang-2023,30313,Xã Mỹ Hoà Hưng,whole,", "30313,Xã Mỹ Hòa Hưng"),
        encoding="utf-8",
    )
    with pytest.raises(Reason, match=r"map.csv: dòng \d+: phải có 7 cột"):
        read_map(path, OLD, NEW)
