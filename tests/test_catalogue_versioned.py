"""Issue 15 item 1: the indicator catalogue is versioned data, never a crash.

An old profile opened by a newer shipped catalogue gets the new indicators (saving one never meets
the FOREIGN KEY failure of before), an indicator the file no longer ships is retired when values
exist (hidden from entry, kept in the old period's figures) and deleted otherwise; `catalogue
import` adds and retires the province's indicators and sets its targets, all or nothing."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import PROVINCE_INDICATOR, ok

from vstbpn_desktop.catalogue import entry_indicators, indicators
from vstbpn_desktop.domain import indicators as catalogue_state
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import DATABASE_FILE, Profile
from vstbpn_desktop.records import Scope, indicator_values, set_indicator_values
from vstbpn_desktop.resources import resource
from vstbpn_desktop.summary import unit_figures

FIXTURE = Path(__file__).parent / "fixtures" / "db" / "schema-0001.sqlite3"
H1 = Period.parse("2023H1")
NEW = {**PROVINCE_INDICATOR, "code": "GBV_SHELTERS"}


def newer_catalogue(tmp_path, monkeypatch, drop=(), add=(NEW,)) -> None:
    """The shipped catalogue file as a newer version of the app would ship it."""
    data = json.loads(resource("indicators.json").read_text(encoding="utf-8"))
    data["indicators"] = [i for i in data["indicators"] if i["code"] not in drop] + list(add)
    path = tmp_path / "indicators.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(catalogue_state, "resource", lambda name: path if name == "indicators.json" else resource(name))


def stored_codes(folder: Path) -> dict[str, object]:
    connection = sqlite3.connect(folder / DATABASE_FILE)
    try:
        return dict(connection.execute("SELECT code, retired_at FROM indicator"))
    finally:
        connection.close()


def test_an_old_profile_opened_by_a_newer_catalogue(tmp_path, monkeypatch):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / DATABASE_FILE)
    # The fixture (schema 0001) holds values of LEADERS_TOTAL in 2023H1, none of MEDIA_ITEMS (derived).
    newer_catalogue(tmp_path, monkeypatch, drop=("LEADERS_TOTAL", "MEDIA_ITEMS"))
    profile = Profile.open(folder)
    try:
        scope = Scope("883", H1)
        held = indicator_values(profile.engine, scope)
        assert held["LEADERS_TOTAL"] > 0
        # The new indicator is in the profile: saving it (and any other) works.
        set_indicator_values(profile.engine, scope, {"GBV_SHELTERS": 4, "HOTLINE_CONTACTS": 9}, author="x")
        assert indicator_values(profile.engine, scope)["GBV_SHELTERS"] == 4
        catalogue = indicators()
        assert catalogue["GBV_SHELTERS"].name_vi == NEW["name_vi"] and not catalogue["GBV_SHELTERS"].retired
        # Gone from the file, values held: retired (kept for the old period, hidden from entry).
        assert catalogue["LEADERS_TOTAL"].retired
        assert "LEADERS_TOTAL" not in {i.code for i in entry_indicators()}
        assert unit_figures(profile, "883", H1).values["LEADERS_TOTAL"] == held["LEADERS_TOTAL"]
        # Gone from the file, no values: deleted.
        assert "MEDIA_ITEMS" not in catalogue
    finally:
        profile.close()
    codes = stored_codes(folder)
    assert codes["LEADERS_TOTAL"] is not None and "MEDIA_ITEMS" not in codes and codes["GBV_SHELTERS"] is None
    # Opened again with the same file: nothing to do (the stored hash matches); with the old file back,
    # the retired indicator returns to entry.
    monkeypatch.setattr(catalogue_state, "resource", resource)
    profile = Profile.open(folder)
    try:
        assert not indicators()["LEADERS_TOTAL"].retired and "MEDIA_ITEMS" in indicators()
        # GBV_SHELTERS has a value: the older file does not ship it, so it stays, retired.
        assert indicators()["GBV_SHELTERS"].retired
    finally:
        profile.close()


def test_a_profile_created_then_the_catalogue_grown(district_cli, tmp_path, monkeypatch):
    district = district_cli
    newer_catalogue(tmp_path, monkeypatch)
    (tmp_path / "v.csv").write_text("period,indicator,value\n2023H1,GBV_SHELTERS,3\n", encoding="utf-8")
    assert "1 chỉ tiêu" in ok(district, "data", "import", tmp_path / "v.csv")
    listed = json.loads(ok(district, "catalogue", "list", "--json"))["indicators"]
    codes = [e["code"] for e in listed]
    # After the minimum catalogue's entries, before the national additions (indicators-national.json).
    assert codes.index("GBV_SHELTERS") == codes.index("DV_CASES") - 1


PROVINCE_FILE = {
    "indicators": [
        PROVINCE_INDICATOR,
        {
            "code": "AG_CLUBS_TOTAL",
            "kind": "count",
            "section": "communication",
            "name_vi": "Số câu lạc bộ gia đình",
            "name_en": "Family clubs",
            "unit_vi": "câu lạc bộ",
            "unit_en": "clubs",
        },
        {
            "code": "AG_CLUBS_ACTIVE",
            "kind": "count",
            "section": "communication",
            "at_most": "AG_CLUBS_TOTAL",
            "name_vi": "Trong đó hoạt động thường xuyên",
            "name_en": "Of which active",
            "unit_vi": "câu lạc bộ",
            "unit_en": "clubs",
        },
        {
            "code": "AG_CLUBS_ACTIVE_PCT",
            "kind": "share",
            "section": "communication",
            "numerator": "AG_CLUBS_ACTIVE",
            "denominator": "AG_CLUBS_TOTAL",
            "name_vi": "Tỷ lệ câu lạc bộ hoạt động thường xuyên",
            "name_en": "Share of active clubs",
            "unit_vi": "%",
            "unit_en": "%",
        },
    ],
    "targets": [
        {"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 30, "decision": "Quyết định số 238/QĐ-UBND"}
    ],
}


def write(tmp_path, name, value) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_catalogue_import_adds_retires_and_sets_targets(province_cli, tmp_path):
    province = province_cli
    path = write(tmp_path, "ag.json", PROVINCE_FILE)
    out = ok(province, "catalogue", "import", path, "--dry-run")
    assert "thêm chỉ tiêu AG_CLUBS_ACTIVE_PCT" in out and "30 % (theo Quyết định số 238/QĐ-UBND)" in out
    assert "AG_SHELTERS" not in stored_codes(province.data_dir)
    ok(province, "catalogue", "import", path)
    listed = {e["code"]: e for e in json.loads(ok(province, "catalogue", "list", "--json"))["indicators"]}
    assert listed["AG_CLUBS_ACTIVE_PCT"]["origin"] == "province"
    assert listed["LEADERS_FEMALE_PCT"]["province_targets"] == [
        {"year": 2023, "target": 30.0, "decision": "Quyết định số 238/QĐ-UBND"}
    ]
    # The whole shipped file imported again changes nothing; retiring one is a line of its own.
    shipped = json.loads(resource("indicators.json").read_text(encoding="utf-8"))
    assert "Không có thay đổi." in ok(province, "catalogue", "import", resource("indicators.json"))
    out = ok(province, "catalogue", "import", write(tmp_path, "r.json", {**shipped, "retire": ["AG_SHELTERS"]}))
    assert "ngừng dùng chỉ tiêu AG_SHELTERS" in out
    assert stored_codes(province.data_dir)["AG_SHELTERS"] is not None


@pytest.mark.parametrize(
    "value, rule",
    [
        ({"indicators": [{**NEW, "code": "bad code"}]}, '"code" phải là mã chữ in hoa'),
        ({"indicators": [{**NEW, "kind": "sum"}]}, '"kind" phải là một trong'),
        ({"indicators": [{**NEW, "section": "x"}]}, '"section" phải là một trong'),
        ({"indicators": [{**NEW, "name_vi": ""}]}, '"name_vi" phải là chuỗi khác rỗng'),
        ({"indicators": [{**NEW, "colour": "red"}]}, "trường không biết: colour"),
        ({"indicators": [{**NEW, "kind": "share", "numerator": "NOPE", "denominator": "LEADERS_TOTAL"}]}, "numerator"),
        ({"indicators": [{**NEW, "dimensions": ["colour"]}]}, '"dimensions" phải là danh sách mã phân tổ'),
        ({"indicators": [NEW, NEW]}, "được kê hai lần"),
        ({"indicators": [{**NEW, "code": "LEADERS_TOTAL"}]}, "là chỉ tiêu quốc gia"),
        ({"retire": ["NOPE"]}, '"retire" phải là danh sách mã'),
        ({"targets": [{"indicator": "LEADERS_TOTAL", "year": 2023, "target": 3, "decision": "x"}]}, "share"),
        ({"targets": [{"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 130, "decision": "x"}]}, "0 đến 100"),
        ({"targets": [{"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 30}]}, '"decision"'),
        ([1], '"indicators"'),
    ],
)
def test_a_bad_catalogue_file_is_refused_whole(province_cli, tmp_path, value, rule):
    province = province_cli
    before = stored_codes(province.data_dir)
    # A good entry first: nothing of the file is applied when a later one is refused.
    if isinstance(value, dict):
        value = {**value, "indicators": [{**NEW, "code": "AG_FIRST"}, *value.get("indicators", [])]}
    code, _, err = province("catalogue", "import", write(tmp_path, "bad.json", value))
    assert code == 1 and err.startswith("error: bad.json: ") and rule in err, err
    assert stored_codes(province.data_dir) == before


def test_two_processes_refreshing_at_once_take_turns(district, tmp_path, monkeypatch):
    """The first opening after an upgrade by two processes at once (two clerks of a shared server, or
    the window and the command line): both find the shipped catalogue changed. The refresh holds the
    write lock from before it reads the stored digest, so another process's write waits for it (here:
    gives up after 0.2 s, not landing in the middle) and the other refresh then finds the digest
    current. Before, both went on (on a server the second then failed on the rows the first inserted)."""
    newer_catalogue(tmp_path, monkeypatch)
    real_items = catalogue_state.shipped_items
    other = []

    def the_other_process_writes_meanwhile():
        if not other:
            connection = sqlite3.connect(district.database_path, timeout=0.2)
            try:
                connection.execute("UPDATE meta SET value = value WHERE key = 'org_unit'")
                connection.commit()
                other.append("written")
            except sqlite3.OperationalError as exc:
                other.append(str(exc))
            finally:
                connection.close()
        return real_items()

    monkeypatch.setattr(catalogue_state, "shipped_items", the_other_process_writes_meanwhile)
    assert catalogue_state.refresh(district.engine) is True
    assert other == ["database is locked"]  # it had to wait: the refresh held the lock
    assert catalogue_state.refresh(district.engine) is False  # the second refresh: nothing left to do
    assert "GBV_SHELTERS" in stored_codes(district.data_dir)
