"""Issue 16 item 1: the indicators of resources/indicators-national.json are in every profile, new or
old, through the versioned catalogue refresh; a value of one is entered, travels in a bundle from the
district to the province, prints in the province's report, and leaves by `data export` with its
national code. One nobody reported adds nothing to the printed report."""

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ok
from test_report_sample import pdf_text

import vstbpn_desktop.resources
from vstbpn_desktop.catalogue import entry_indicators, indicators, install_catalogue, minimum_codes, shipped_indicators
from vstbpn_desktop.catalogue.national import national_catalogue
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import DATABASE_FILE, Profile
from vstbpn_desktop.records import Scope, indicator_details, indicator_values, set_indicator_values
from vstbpn_desktop.reports.content import build_report
from vstbpn_desktop.resources import resource

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "db").glob("*.sqlite3"))
NATIONAL = json.loads(resource("indicators-national.json").read_text(encoding="utf-8"))["indicators"]
CODES = [item["code"] for item in NATIONAL]
H1 = Period.parse("2023H1")
CASES = {
    "violence_type=psychological": 3,
    "violence_type=physical": 5,
    "violence_type=sexual": 0,
    "violence_type=economic": 1,
}  # overlapping forms: one case may be of several, the total (7) is typed


def stored(folder: Path) -> dict[str, tuple[str, dict]]:
    with sqlite3.connect(folder / DATABASE_FILE) as connection:
        rows = connection.execute("SELECT code, origin, definition FROM indicator").fetchall()
    return {code: (origin, json.loads(definition) if definition else {}) for code, origin, definition in rows}


def test_the_national_file_is_part_of_the_shipped_catalogue():
    assert len(CODES) == 9 and not set(CODES) & minimum_codes()
    assert list(shipped_indicators())[-len(CODES) :] == CODES  # after the minimum catalogue, in the file's order
    assert set(national_catalogue().indicators) == set(shipped_indicators())


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_an_old_profile_opened_gets_the_nine_national_indicators(fixture, tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DATABASE_FILE)
    with sqlite3.connect(folder / DATABASE_FILE) as connection:
        before = {code for (code,) in connection.execute("SELECT code FROM indicator")}
    assert not before & set(CODES)  # the fixture predates them
    profile = Profile.open(folder)
    try:
        assert set(CODES) <= {i.code for i in entry_indicators()}
        # A value of one is saved (the FOREIGN KEY of the indicator table holds it), its breakdown too.
        scope = Scope(profile.org_unit_code, H1)
        set_indicator_values(profile.engine, scope, {"DV_CASES": 7}, author="x", details={"DV_CASES": {"cells": CASES}})
        assert indicator_values(profile.engine, scope)["DV_CASES"] == 7
        assert indicator_details(profile.engine, scope)["DV_CASES"].cells == CASES
    finally:
        profile.close()
    rows = stored(folder)
    for item in NATIONAL:
        origin, definition = rows[item["code"]]
        assert origin == "national" and definition == item
    assert before <= set(rows)  # nothing the profile held is gone


def test_a_new_profile_holds_them_in_the_shipped_order(district_cli):
    listed = json.loads(ok(district_cli, "catalogue", "list", "--json"))["indicators"]
    assert [e["code"] for e in listed] == list(shipped_indicators())
    share = next(e for e in listed if e["code"] == "GE_KNOWLEDGE_REACHED_PCT")
    assert (share["target_2025"], share["target_2030"], share["frequency"]) == (60, 80, "year")


def test_a_value_travels_from_district_to_province_and_prints_in_its_report(sender_and_parent, tmp_path):
    district, province = sender_and_parent
    profile = Profile.open(district.data_dir)
    try:
        set_indicator_values(
            profile.engine,
            Scope("883", H1),
            # Two of the minimum catalogue cleared: their rows still print, empty.
            {"DV_CASES": 7, "DV_CASES_HANDLED": 6, "KEYLEADER_UNITS_TOTAL": None, "KEYLEADER_UNITS_FEMALE": None},
            author="Trần Thị Lan",
            details={"DV_CASES": {"cells": CASES}},
        )
    finally:
        profile.close()
    ok(district, "submit", "--period", "2023H1")
    bundle = tmp_path / "h1.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    ok(province, "bundle", "import", bundle)

    figures = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))["indicators"]
    assert figures["DV_CASES"] == 7 and figures["DV_CASES_HANDLED"] == 6
    assert figures["DV_CASES_HANDLED_PCT"] == pytest.approx(85.71, abs=0.01)
    held = Profile.open(province.data_dir)
    try:
        assert indicator_details(held.engine, Scope("883", H1))["DV_CASES"].cells == CASES
    finally:
        held.close()

    out = tmp_path / "p89.pdf"
    ok(province, "report", "pdf", "--period", "2023H1", "--out", out)
    text = pdf_text(out)
    # The body's violence sentence names them (the district's own report too, before sending).
    assert "xảy ra 07 vụ bạo lực gia đình, trong đó 06 vụ đã được xử lý (chiếm 85,71 %)" in text
    annex = text[text.index("CÁC CHỈ TIÊU VỀ BÌNH ĐẲNG GIỚI") :]
    assert "Số vụ bạo lực gia đình vụ 7" in annex
    assert "Trong đó số vụ đã được xử lý vụ 6" in annex and "Tỷ lệ vụ bạo lực gia đình được xử lý % 85,71" in annex
    assert "– Thân thể vụ 5" in annex  # its breakdown, a row per form
    # The national additions nobody reported add no row; the minimum catalogue's empty ones stay.
    for empty in ("Tổng dân số", "bị mua bán", "tiếp cận kiến thức"):
        assert empty not in text
    assert "4 Số chính quyền địa phương (UBND) đơn vị 5 Trong đó có nữ lãnh đạo chủ chốt đơn vị 6 Tỷ lệ" in annex
    assert "18 Số vụ bạo lực gia đình" in annex and "20 Tỷ lệ vụ bạo lực gia đình được xử lý" in annex


def test_the_long_export_carries_the_national_code_set_in_the_catalogue(district_cli, tmp_path, monkeypatch):
    """A national code written into the shipped file reaches a profile on its next opening and every
    exported row of that indicator (all codes are null today: docs/catalogue.md says why)."""
    folder = tmp_path / "resources"
    shutil.copytree(vstbpn_desktop.resources.resources_dir(), folder)
    data = json.loads((folder / "indicators-national.json").read_text(encoding="utf-8"))
    for item in data["indicators"]:
        if item["code"] == "DV_CASES":
            item["national_code"] = "TEST-0000"
    (folder / "indicators-national.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(vstbpn_desktop.resources, "resources_dir", lambda: folder)
    for cache in (shipped_indicators, minimum_codes, national_catalogue):
        cache.cache_clear()
    install_catalogue(None)
    try:
        profile = Profile.open(district_cli.data_dir)  # the refresh rewrites the changed entry
        try:
            assert indicators()["DV_CASES"].national_code == "TEST-0000"
            scope = Scope("883", H1)
            set_indicator_values(
                profile.engine, scope, {"DV_CASES": 7}, author="x", details={"DV_CASES": {"cells": CASES}}
            )
        finally:
            profile.close()
        out = tmp_path / "long.csv"
        ok(district_cli, "data", "export", "--format", "long", "--period", "2023H1", "--out", out)
        with out.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row["indicator"] == "DV_CASES"]
        assert len(rows) == 1 + len(CASES)  # the total, then one row per form
        assert {row["national_code"] for row in rows} == {"TEST-0000"}
        assert rows[0]["value"] == "7" and rows[0]["breakdown"] == ""
    finally:
        for cache in (shipped_indicators, minimum_codes, national_catalogue):
            cache.cache_clear()


def test_a_yearly_one_is_asked_in_the_year_and_written_in_its_report(district):
    year, half = Period.parse("2023"), Scope("883", H1)
    set_indicator_values(
        district.engine, Scope("883", year), {"POPULATION_TOTAL": 272_400, "GE_KNOWLEDGE_REACHED": 109_000}, author="x"
    )
    text = build_report(district, year, "883").plain_text()
    assert (
        "Có 109.000 người được tiếp cận kiến thức cơ bản về bình đẳng giới; tỷ lệ dân số được tiếp cận "
        "chiếm 40,01\u00a0%, chưa đạt mục tiêu 60\u00a0% đến năm 2025." in text
    )
    # Not in the half-year's report: nothing was reported for it there.
    set_indicator_values(district.engine, half, {"HOTLINE_CONTACTS": 4}, author="x")
    report = build_report(district, H1, "883")
    assert "kiến thức cơ bản" not in report.plain_text()
    rows = [row[2] for row in next(t for t in report.tables if t.name == "Chỉ tiêu").rows()]
    assert "Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111)" in rows and "Tổng dân số" not in rows
    assert "Số chính quyền địa phương (UBND)" in rows  # the minimum catalogue's empty rows stay
