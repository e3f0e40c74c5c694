"""Checks against earlier periods (vstbpn_desktop/checks.py): flags on a real profile, in
`summary --json`, across the 2025 reform, and the yearly figures built from the half-years."""

import json
from dataclasses import replace
from datetime import date

import pytest

from tests.conftest import ok
from tests.test_catalogue_national import _files
from vstbpn_desktop import checks
from vstbpn_desktop.catalogue import indicators
from vstbpn_desktop.catalogue.national import load_catalogue
from vstbpn_desktop.checks import earlier_periods, flags
from vstbpn_desktop.errors import Reason
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, set_indicator_values
from vstbpn_desktop.reports.content import build_report
from vstbpn_desktop.summary import unit_figures


def _type(profile: Profile, unit: str, period: str, values: dict) -> None:
    set_indicator_values(profile.engine, Scope(unit, Period.parse(period)), values)


def test_earlier_periods_are_last_years_same_half_then_the_last_three():
    codes = [p.code for p in earlier_periods(Period.parse("2024H1"))]
    assert codes == ["2023H1", "2023H2", "2022H2"]
    assert [p.code for p in earlier_periods(Period.parse("2024H2"))] == ["2023H2", "2024H1", "2023H1"]
    assert [p.code for p in earlier_periods(Period.parse("2024"))] == ["2023", "2022", "2021"]


def test_ten_times_last_year_is_flagged_with_the_earlier_values_and_saving_still_works(district):
    _type(district, "883", "2023H1", {"HOTLINE_CONTACTS": 12, "GBV_VICTIMS_DETECTED": 5})
    _type(district, "883", "2023H2", {"HOTLINE_CONTACTS": 9, "GBV_VICTIMS_DETECTED": 6})
    _type(district, "883", "2024H1", {"HOTLINE_CONTACTS": 120, "GBV_VICTIMS_DETECTED": 7})  # saved, flag or not
    found = {f.indicator: f for f in flags(district, "883", Period.parse("2024H1"))}
    assert set(found) == {"HOTLINE_CONTACTS"}
    flag = found["HOTLINE_CONTACTS"]
    assert (flag.rule, flag.value) == ("change", 120)
    assert [(e.period, e.value) for e in flag.earlier] == [("2023H1", 12), ("2023H2", 9)]
    assert str(flag.message) == (
        "Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 120 so với 12 cùng kỳ năm trước (2023H1): "
        "thay đổi quá 3 lần"
    )
    assert str(flag.history) == "Các kỳ trước: 2023H1: 12; 2023H2: 9"
    assert unit_figures(district, "883", Period.parse("2024H1")).values["HOTLINE_CONTACTS"] == 120


def test_a_drop_to_a_tenth_and_a_value_outside_the_learned_range_are_flagged(district):
    for period, value in (("2022H2", 40), ("2023H1", 50), ("2023H2", 45)):
        _type(district, "883", period, {"HOTLINE_CONTACTS": value})
    _type(district, "883", "2024H1", {"HOTLINE_CONTACTS": 4})
    (drop,) = flags(district, "883", Period.parse("2024H1"))
    assert drop.rule == "change" and drop.value == 4
    # No value last year: the range of the last three periods (40..45, widened by 3) decides.
    _type(district, "883", "2023H1", {"HOTLINE_CONTACTS": None})
    (learned,) = flags(district, "883", Period.parse("2024H1"))
    assert (learned.rule, round(learned.low, 2), learned.high) == ("learned", 13.33, 135)
    assert (
        str(learned.message)
        == "Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 4 nằm ngoài khoảng 13,33 – 135 của các kỳ trước"
    )
    _type(district, "883", "2024H1", {"HOTLINE_CONTACTS": 30})
    assert flags(district, "883", Period.parse("2024H1")) == []


def test_a_first_small_figure_is_not_flagged_but_a_jump_from_none_is(district):
    _type(district, "883", "2023H1", {"GBV_VICTIMS_DETECTED": 0})
    _type(district, "883", "2024H1", {"GBV_VICTIMS_DETECTED": 2})
    assert flags(district, "883", Period.parse("2024H1")) == []
    _type(district, "883", "2024H1", {"GBV_VICTIMS_DETECTED": 12})
    assert [f.rule for f in flags(district, "883", Period.parse("2024H1"))] == ["change"]


def test_summary_json_carries_the_flags(district, district_cli):
    _type(district, "883", "2023H1", {"HOTLINE_CONTACTS": 12})
    _type(district, "883", "2024H1", {"HOTLINE_CONTACTS": 120})
    result = json.loads(ok(district_cli, "summary", "--period", "2024H1", "--json"))
    (flag,) = result["flags"]
    assert flag["indicator"] == "HOTLINE_CONTACTS" and flag["rule"] == "change" and flag["value"] == 120
    assert flag["earlier"] == [{"period": "2023H1", "value": 12, "units": ["883"], "exact": True}]
    assert "flags" not in json.loads(ok(district_cli, "summary", "--period", "2023H1", "--json"))


# -- across the 2025 reform ---------------------------------------------------------------------


def test_a_moved_profile_compares_its_new_unit_with_the_sum_of_its_old_units(cli_factory):
    """Xã Hòa Bình Thạnh (30613, 2023) went whole into Xã An Châu (30589, 2025) with thị trấn An
    Châu (30589 of the old tree) and xã Vĩnh Thành (30625): NQ 1654/NQ-UBTVQH15."""
    cli = cli_factory("hoa-binh-thanh")
    ok(cli, "init", "--org-unit", "30613", "--tree", "an-giang-2023", "--officer", "Lê Thị Mai")
    profile = Profile.open(cli.data_dir)
    try:
        for unit, hotline, leaders in (("30613", 5, (40, 10)), ("30589", 4, (50, 10)), ("30625", 3, (30, 4))):
            values = {"HOTLINE_CONTACTS": hotline, "LEADERS_TOTAL": leaders[0], "LEADERS_FEMALE": leaders[1]}
            _type(profile, unit, "2025H1", values)
    finally:
        profile.close()
    info = json.loads(ok(cli, "info", "--json"))
    code, _, err = cli("profile", "move", "--to", "30601")
    assert code != 0 and "đơn vị 30601 không nhận địa bàn của đơn vị 30613; đơn vị kế tục: 30589" in err
    assert json.loads(ok(cli, "info", "--json")) == info  # refused: nothing changed
    out = ok(cli, "profile", "move", "--to", "30589")
    assert "Đã chuyển hồ sơ của đơn vị 30613 (an-giang-2023) sang Xã An Châu (30589, an-giang-2025)" in out
    profile = Profile.open(cli.data_dir)
    try:
        assert (profile.org_unit_code, profile.org_unit_tree) == ("30589", "an-giang-2025")
        assert profile.meta["moved_from"] == "an-giang-2023:30613"
        assert profile.settings.parent_body == "UBND XÃ AN CHÂU" and profile.settings.place_name == "An Châu"
        # History kept, still the old unit's: 2025H1 of 30613 as it was.
        old = unit_figures(profile, "30613", Period.parse("2025H1"))
        assert old.values["HOTLINE_CONTACTS"] == 5
        _type(profile, "30589", "2026H1", {"HOTLINE_CONTACTS": 100, "LEADERS_TOTAL": 125, "LEADERS_FEMALE": 30})
        (flag,) = flags(profile, "30589", Period.parse("2026H1"))
        assert flag.indicator == "HOTLINE_CONTACTS" and flag.rule == "change"
        (earlier,) = flag.earlier
        assert (earlier.period, earlier.value, earlier.units, earlier.exact) == (
            "2025H1",
            12,
            ("30589", "30613", "30625"),
            True,
        )
        assert str(flag.history) == "Các kỳ trước: 2025H1: 12 (cộng của đơn vị cũ 30589, 30613, 30625)"
        report = build_report(profile, Period.parse("2026H1"), issued_on=date(2026, 7, 10))
    finally:
        profile.close()
    text = report.plain_text()
    # 30/125 = 24 % against the old units' 24/120 = 20 %.
    assert (
        "chiếm 24\u00a0%, tăng 4,00 điểm\u00a0% so với cùng kỳ (so sánh với tổng số liệu của thị trấn An Châu, "
        "xã Hòa Bình Thạnh và xã Vĩnh Thành trước khi sắp xếp đơn vị hành chính ngày 01/7/2025)" in text
    )
    (table,) = [t for t in report.tables if t.title == "Các chỉ tiêu của kỳ báo cáo"]
    rows = {row[1]: row for row in table.rows()}
    assert rows["HOTLINE_CONTACTS"][5] == 12
    assert "Cột cùng kỳ năm trước: so sánh với tổng số liệu của thị trấn An Châu" in table.note


def test_a_moved_commune_holding_only_its_own_history_names_it_and_says_approximate(cli_factory):
    cli = cli_factory("hoa-binh-thanh-alone")
    ok(cli, "init", "--org-unit", "30613", "--tree", "an-giang-2023")
    profile = Profile.open(cli.data_dir)
    try:
        _type(profile, "30613", "2025H1", {"HOTLINE_CONTACTS": 5, "LEADERS_TOTAL": 40, "LEADERS_FEMALE": 10})
        profile.move_to("30589")
        _type(profile, "30589", "2026H1", {"HOTLINE_CONTACTS": 60, "LEADERS_TOTAL": 45, "LEADERS_FEMALE": 15})
        (flag,) = flags(profile, "30589", Period.parse("2026H1"))
        (earlier,) = flag.earlier
        assert (earlier.value, earlier.units, earlier.exact) == (5, ("30613",), False)
        text = build_report(profile, Period.parse("2026H1"), issued_on=date(2026, 7, 10)).plain_text()
    finally:
        profile.close()
    assert (
        "(so sánh với tổng số liệu của xã Hòa Bình Thạnh trước khi sắp xếp đơn vị hành chính ngày 01/7/2025, "
        "số liệu gần đúng: địa bàn hoặc số liệu các đơn vị cũ không đủ)" in text
    )


# -- the yearly report ----------------------------------------------------------------------------


def test_the_year_is_built_from_its_halves_events_summed_stocks_and_yearly_counts_last(district):
    _type(district, "883", "2023H1", {"HOTLINE_CONTACTS": 12, "LEADERS_TOTAL": 200, "LEADERS_FEMALE": 50})
    _type(district, "883", "2023H2", {"HOTLINE_CONTACTS": 9, "LEADERS_TOTAL": 210, "LEADERS_FEMALE": 60})
    _type(district, "883", "2023H1", {"KEYLEADER_UNITS_TOTAL": 12, "KEYLEADER_UNITS_FEMALE": 3})
    year = unit_figures(district, "883", Period.parse("2023"))
    assert year.values["HOTLINE_CONTACTS"] == 21  # events: 12 + 9
    assert (year.values["LEADERS_TOTAL"], year.values["LEADERS_FEMALE"]) == (210, 60)  # in post at the year's end
    assert year.values["KEYLEADER_UNITS_TOTAL"] == 12  # yearly, typed in a half: that half's
    assert year.share("LEADERS_FEMALE_PCT") == 28.57
    # A value typed for the year itself wins over its halves.
    _type(district, "883", "2023", {"HOTLINE_CONTACTS": 25})
    assert unit_figures(district, "883", Period.parse("2023")).values["HOTLINE_CONTACTS"] == 25
    text = build_report(district, Period.parse("2023"), issued_on=date(2024, 1, 10)).plain_text()
    assert "năm 2023" in text and "210 người" in text and "60 người" in text


# -- the catalogue's range and factor -------------------------------------------------------------


def test_a_range_set_in_the_catalogue_flags_at_once_and_a_factor_overrides_the_default(district, monkeypatch):
    catalogue = dict(indicators())
    catalogue["HOTLINE_CONTACTS"] = replace(catalogue["HOTLINE_CONTACTS"], expected_max=50)
    catalogue["GBV_VICTIMS_DETECTED"] = replace(catalogue["GBV_VICTIMS_DETECTED"], change_factor=1.5)
    monkeypatch.setattr(checks, "indicators", lambda: catalogue)
    _type(district, "883", "2023H1", {"GBV_VICTIMS_DETECTED": 10})
    _type(district, "883", "2024H1", {"HOTLINE_CONTACTS": 60, "GBV_VICTIMS_DETECTED": 16})  # no history for calls
    found = {f.indicator: f for f in flags(district, "883", Period.parse("2024H1"))}
    assert (found["HOTLINE_CONTACTS"].rule, found["HOTLINE_CONTACTS"].high) == ("range", 50)
    assert str(found["HOTLINE_CONTACTS"].message).endswith(": 60 nằm ngoài khoảng hợp lý … – 50")
    assert found["GBV_VICTIMS_DETECTED"].rule == "change"  # 1,6 times, over its factor of 1,5


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"expected_min": "ten"}, ["HOTLINE_CONTACTS", "expected_min"]),
        ({"change_factor": 1}, ["HOTLINE_CONTACTS", "change_factor"]),
        ({"expected_min": 9, "expected_max": 3}, ["expected_min lớn hơn expected_max"]),
        ({"stock": "yes"}, ["stock"]),
    ],
)
def test_a_wrong_range_factor_or_stock_in_the_catalogue_is_refused(tmp_path, change, words):
    def edit(data):
        next(i for i in data["indicators"] if i["code"] == "HOTLINE_CONTACTS").update(change)

    with pytest.raises(Reason) as refused:
        load_catalogue(_files(tmp_path, edit))
    for word in words:
        assert word in str(refused.value)
