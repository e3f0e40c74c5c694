"""Checks against earlier periods (vstbpn_desktop/checks.py): flags on a real profile, in
`summary --json`, across the 2025 reform, and the yearly figures built from the half-years."""

import json

from tests.conftest import ok
from vstbpn_desktop.checks import earlier_periods, flags
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, set_indicator_values
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
