"""What the report says: what a figure covers (own level / whole area), no double counting,
year-on-year on the same units, the unreported-units note, and Vietnamese as a clerk writes it."""

import csv
import json
import re
import unicodedata
from datetime import date

import pytest
from conftest import ok
from test_report_sample import pdf_text, sample_paragraphs

from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity, add_document, set_indicator_values
from vstbpn_desktop.reports import write_report
from vstbpn_desktop.reports.content import build_report, percent
from vstbpn_desktop.reports.options import ReportOptions
from vstbpn_desktop.resources import resource
from vstbpn_desktop.summary import summary, unit_figures
from vstbpn_desktop.text import UNIT_KINDS, lower_unit_kinds, proper_name, tone_marks, unit_display, unit_in_sentence

H1 = Period(2023, 1)
BEFORE = Period(2022, 1)


def every_unit() -> list[dict]:
    rows = []
    for name in ("an-giang-2023.csv", "an-giang-2025.csv"):
        lines = [
            line
            for line in resource("org_units", name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        ]
        rows += list(csv.DictReader(lines))
    return rows


# -- what a figure covers ---------------------------------------------------------------------


def test_a_unit_without_children_shows_its_own_figures(district):
    set_indicator_values(district.engine, Scope("883", H1), {"LEADERS_TOTAL": 180, "LEADERS_FEMALE": 45})
    figures = unit_figures(district, "883", H1)
    assert figures.values["LEADERS_TOTAL"] == 180 and figures.share("LEADERS_FEMALE_PCT") == 25
    assert figures.checks == {} and figures.sources["LEADERS_TOTAL"] == {"883"}
    text = build_report(district, H1, "883").plain_text()
    assert "quản lý chính quyền địa phương là 180 người" in text  # own level, no children: not "các cấp"
    assert "chiếm 25\u00a0%" in text and ",00" not in text


def test_own_level_values_add_up_and_a_whole_area_value_stands(province):
    engine = province.engine
    set_indicator_values(engine, Scope("883", H1), {"LEADERS_TOTAL": 200, "LEADERS_FEMALE": 50})
    set_indicator_values(engine, Scope("884", H1), {"LEADERS_TOTAL": 120, "LEADERS_FEMALE": 40})
    # The province's own level (its departments' leaders): added to the districts'.
    set_indicator_values(engine, Scope("89", H1), {"LEADERS_TOTAL": 80, "LEADERS_FEMALE": 10})
    figures = unit_figures(province, "89", H1)
    assert figures.values["LEADERS_TOTAL"] == 400 and figures.values["LEADERS_FEMALE"] == 100
    assert figures.sources["LEADERS_TOTAL"] == {"89", "883", "884"} and not figures.checks
    # The same province types the whole-province figure instead: it stands; the districts' sum is for checking.
    set_indicator_values(
        engine,
        Scope("89", H1),
        {"LEADERS_TOTAL": 2302, "LEADERS_FEMALE": 584},
        coverage={"LEADERS_TOTAL": "area", "LEADERS_FEMALE": "area"},
    )
    figures = unit_figures(province, "89", H1)
    assert figures.values["LEADERS_TOTAL"] == 2302 and figures.values["LEADERS_FEMALE"] == 584
    assert figures.checks["LEADERS_TOTAL"] == 320 and figures.checks["LEADERS_FEMALE"] == 90
    result = summary(province, H1)
    assert result["indicators"]["LEADERS_TOTAL"] == 2302 and result["coverage"]["LEADERS_TOTAL"] == "area"
    assert result["checks"]["LEADERS_TOTAL"] == 320
    # A district's own figures stay its own in its own report.
    assert unit_figures(province, "883", H1).values["LEADERS_TOTAL"] == 200
    # The annex shows the districts' sum beside the standing figure.
    report = build_report(province, H1, issued_on=date(2023, 7, 10))
    rows = {row[1]: row for row in report.tables[2].rows()}
    assert rows["LEADERS_TOTAL"][4] == 2302 and rows["LEADERS_TOTAL"][-1] == 320
    assert "các cấp là 2.302 người" in report.plain_text()


def test_an_activity_figure_typed_for_the_whole_area_stands_beside_the_recorded_events(province):
    scope = Scope("89", H1)
    add_activity(
        province.engine,
        scope,
        {
            "date": "2023-03-08",
            "kind": "communication",
            "title": "Mít tinh",
            "sessions": 1,
            "participants": 400,
            "female_participants": 300,
        },
    )
    with pytest.raises(Exception, match="toàn địa bàn"):
        set_indicator_values(province.engine, scope, {"COMM_SESSIONS": 780})  # own level: computed, not typed
    set_indicator_values(province.engine, scope, {"COMM_SESSIONS": 780}, coverage={"COMM_SESSIONS": "area"})
    figures = unit_figures(province, "89", H1)
    assert figures.values["COMM_SESSIONS"] == 780 and figures.checks["COMM_SESSIONS"] == 1
    # Not typed for the area: the province's own events are not the area's figure; shown for checking only.
    assert "COMM_PARTICIPANTS" not in figures.values and figures.checks["COMM_PARTICIPANTS"] == 400
    assert "lượt người" not in build_report(province, H1).plain_text()  # "Kết quả … tổ chức 780 cuộc."


def test_importing_a_demo_district_leaves_the_demo_province_as_the_sample(cli_factory, tmp_path):
    province, district = cli_factory("p89"), cli_factory("d884")
    ok(province, "init", "--org-unit", "89")
    ok(district, "init", "--org-unit", "884")
    ok(province, "demo")
    ok(district, "demo")
    before = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))
    ok(district, "keys", "export-public", "--out", tmp_path / "884.pub")
    ok(province, "trust", "add", tmp_path / "884.pub", "--org-unit", "884")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "884.vstb")
    ok(province, "bundle", "import", tmp_path / "884.vstb")
    after = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))
    district_figures = json.loads(ok(district, "summary", "--period", "2023H1", "--json"))
    for code, coverage in before["coverage"].items():
        assert coverage == "area" and after["indicators"][code] == before["indicators"][code], code
    assert after["indicators"]["LEADERS_TOTAL"] == 2302 and after["indicators"]["LEADERS_FEMALE_PCT"] == 25.36
    assert after["checks"]["LEADERS_TOTAL"] == district_figures["indicators"]["LEADERS_TOTAL"]
    # The district's coverage and its received document travelled in the bundle.
    held = Profile.open(province.data_dir)
    try:
        assert unit_figures(held, "884", H1).coverage["LEADERS_TOTAL"] == "area"
        from vstbpn_desktop.records import list_documents

        directions = {d.number: d.direction for d in list_documents(held.engine, Scope("884", H1))}
        assert directions["58/KH-UBND"] == "received"
        out = tmp_path / "sau-khi-nhan.pdf"
        write_report(held, "pdf", H1, out, issued_on=date(2023, 7, 10))
    finally:
        held.close()
    text = pdf_text(out)
    # Still the sample's sentences, and the enrolled district is named in the note on who reported.
    assert (
        "các cấp là 2.302 người, trong đó nữ cán bộ lãnh đạo, quản lý chính quyền địa phương các cấp là 584 "
        "người (chiếm 25,36 % so với mục tiêu" in text
    )
    assert "của 1/1 đơn vị cấp dưới gửi báo cáo qua phần mềm; tất cả các đơn vị này đã gửi báo cáo." in text
    assert sample_paragraphs()[1] in text  # the opening


def test_year_on_year_compares_the_same_units_and_says_which(province):
    engine = province.engine
    for unit, now, before in (("883", (200, 50), (190, 40)), ("884", (100, 40), None)):
        set_indicator_values(engine, Scope(unit, H1), {"LEADERS_TOTAL": now[0], "LEADERS_FEMALE": now[1]})
        if before:
            set_indicator_values(engine, Scope(unit, BEFORE), {"LEADERS_TOTAL": before[0], "LEADERS_FEMALE": before[1]})
    report = build_report(province, H1, issued_on=date(2023, 7, 10))
    text = report.plain_text()
    # Now 90/300 = 30 % over both; the change is Long Xuyên's alone: 25 % against 21,05 %.
    assert (
        "chiếm 30\u00a0%, tăng 3,95 điểm\u00a0% so với cùng kỳ (so sánh trên số liệu của thành phố Long Xuyên, "
        "đơn vị có số liệu ở cả hai kỳ)" in text
    )
    rows = {row[1]: row for row in report.tables[2].rows()}
    assert rows["LEADERS_TOTAL"][4] == 300 and rows["LEADERS_TOTAL"][5] == 190
    assert "cùng kỳ năm trước so sánh trên số liệu của thành phố Long Xuyên" in report.tables[2].note
    # The same units in both periods: no note.
    set_indicator_values(engine, Scope("884", BEFORE), {"LEADERS_TOTAL": 100, "LEADERS_FEMALE": 30})
    text = build_report(province, H1, issued_on=date(2023, 7, 10)).plain_text()
    assert (
        "tăng 5,86 điểm\u00a0% so với cùng kỳ)" in text
    )  # 30 % against 70/290 = 24,14 % and "so sánh trên số liệu" not in text


# -- the report's structure ---------------------------------------------------------------------


def test_the_unreported_note_only_where_units_below_are_enrolled_and_when_asked(province_cli, tmp_path):
    province = Profile.open(province_cli.data_dir)
    try:
        set_indicator_values(province.engine, Scope("89", H1), {"LEADERS_TOTAL": 10, "LEADERS_FEMALE": 3})
        assert "chưa gửi báo cáo" not in build_report(province, H1).plain_text()  # nobody enrolled
    finally:
        province.close()
    district = province_cli.__class__(tmp_path / "d886", province_cli.capsys)
    ok(district, "init", "--org-unit", "886")
    ok(district, "keys", "export-public", "--out", tmp_path / "886.pub")
    ok(province_cli, "trust", "add", tmp_path / "886.pub", "--org-unit", "886")
    province = Profile.open(province_cli.data_dir)
    try:
        text = build_report(province, H1).plain_text()
        assert (
            "Báo cáo tổng hợp số liệu của tỉnh An Giang và của 0/1 đơn vị cấp dưới gửi báo cáo qua phần mềm; "
            "đơn vị chưa gửi báo cáo 6 tháng đầu năm 2023: huyện An Phú."
        ) in text
        assert "Long Xuyên" not in text  # not enrolled: not expected to report
        assert (
            "chưa gửi báo cáo"
            not in build_report(
                province, H1, options=ReportOptions.from_settings(province.settings, unreported_note=False)
            ).plain_text()
        )
    finally:
        province.close()


def test_annexes_are_numbered_in_roman_only_when_not_empty_and_named_in_the_body(district):
    report = build_report(district, H1, "883")
    assert report.annexes == [] and "Phụ lục" not in report.plain_text()
    set_indicator_values(district.engine, Scope("883", H1), {"LEADERS_TOTAL": 10, "LEADERS_FEMALE": 3})
    add_document(
        district.engine,
        Scope("883", H1),
        {
            "number": "12/KH-UBND",
            "date": "2023-02-15",
            "issuer": "UBND Thành phố Long Xuyên",
            "kind": "plan",
            "title": "Kế hoạch công tác bình đẳng giới năm 2023",
        },
    )
    report = build_report(district, H1, "883")
    assert [a.title for a in report.annexes] == ["Phụ lục I", "Phụ lục II"]
    text = report.plain_text()
    assert "Số liệu chi tiết tại Phụ lục I (các chỉ tiêu), Phụ lục II (các văn bản chỉ đạo, triển khai)" in text
    # Without the officer's words the documents are cited, in the dateline's date form, once.
    assert (
        "Kế hoạch số 12/KH-UBND ngày 15 tháng 02 năm 2023 của UBND thành phố Long Xuyên về việc "
        "công tác bình đẳng giới năm 2023"
    ) in text


# -- Vietnamese as a clerk writes it -------------------------------------------------------------


@pytest.mark.parametrize("unit", every_unit(), ids=lambda u: f"{u['code']}")
def test_unit_kinds_are_lower_case_inside_a_sentence_for_every_unit(unit):
    name = unit["name"]
    kind = next(k for k in UNIT_KINDS if name.lower().startswith(k.lower() + " "))  # "Thị Trấn" in the lists
    rest = name[len(kind) :]
    assert unit_in_sentence(name) == kind.lower() + tone_marks(rest)
    assert unit_display(name) == kind + tone_marks(rest)  # "Thị trấn Óc Eo" at the head of a line
    assert lower_unit_kinds(f"UBND {name}") == f"UBND {kind.lower()}{rest}"
    assert lower_unit_kinds(f"Kết quả của {name}.") == f"Kết quả của {kind.lower()}{rest}."
    assert lower_unit_kinds(f"{name} báo cáo.") == f"{name} báo cáo."  # the head of a line keeps its capital
    assert proper_name(name) == tone_marks(rest[1:])


def test_every_unit_name_is_shown_with_the_official_lists_tone_marks():
    assert tone_marks("Xã Mỹ Hoà Hưng") == "Xã Mỹ Hòa Hưng" and tone_marks("Thuỷ") == "Thủy"
    assert tone_marks("hoàn thành, quý, khuya, Thoại Sơn") == "hoàn thành, quý, khuya, Thoại Sơn"
    names = [tone_marks(u["name"]) for u in every_unit()]
    new_style = re.compile(r"(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)
    assert sum(1 for u in every_unit() if new_style.search(u["name"])) == 4  # "Hoà" in the lists, 4 times
    assert not [n for n in names if new_style.search(n)]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_each_district_report_writes_unit_kinds_and_figures_as_a_clerk_does(cli_factory):
    cli = cli_factory("d886")
    ok(cli, "init", "--org-unit", "886")
    ok(cli, "demo")
    profile = Profile.open(cli.data_dir)
    try:
        report = build_report(profile, H1, issued_on=date(2023, 7, 10))
        year = build_report(profile, Period(2023), issued_on=date(2024, 1, 10)).plain_text()
    finally:
        profile.close()
    text = report.plain_text()
    assert report.header.place_date == "An Phú, ngày 10 tháng 7 năm 2023"
    assert "Thực hiện Kế hoạch số 58/KH-UBND ngày 02 tháng 02 năm 2023 của UBND tỉnh An Giang về việc" in text
    assert "(BĐG) huyện An Phú báo cáo" in text and "của UBND huyện An Phú về việc thực hiện công tác" in text
    # The key-leader units are counted once a year (catalogue frequency "year"): the demo enters them in
    # 2023, so the year's report has them and the half-year's does not.
    assert "nữ lãnh đạo chủ chốt" not in text
    assert "Trên địa bàn huyện An Phú có " in year and " chính quyền địa phương có nữ lãnh đạo chủ chốt (chiếm " in year
    assert "mục tiêu 60\u00a0% đến năm 2025)" in year and ": chưa đạt" not in year and ": đạt" not in year
    assert "người gây bạo lực chưa đến mức bị truy cứu trách nhiệm hình sự, trong đó" in text
    assert "Có " not in text and "về việc giao chỉ tiêu về" not in text and ",00" not in text
    for kind in UNIT_KINDS:
        for paragraph in report.body:
            assert f" {kind} " not in paragraph.text.replace("Xã hội", "xã hội"), (kind, paragraph.text)
    assert " %" not in text  # always the non-breaking space


def test_percent_drops_trailing_zeros_and_holds_the_sign():
    assert percent(25.0) == "25\u00a0%" and percent(25.36) == "25,36\u00a0%" and percent(60) == "60\u00a0%"
    assert percent(25.5) == "25,50\u00a0%"


# -- table files carry what a figure covers and which documents were received --------------------


def test_table_files_take_the_optional_coverage_and_direction_columns(province, tmp_path):
    from vstbpn_desktop.dataio import import_file
    from vstbpn_desktop.errors import Refused
    from vstbpn_desktop.records import indicator_coverage, list_documents

    old = tmp_path / "chi-tieu-cu.csv"  # a file written before the column existed: own level
    old.write_text("period,indicator,value\n2023H1,HOTLINE_CONTACTS,12\n", encoding="utf-8")
    import_file(province, old)
    assert indicator_coverage(province.engine, Scope("89", H1)) == {"HOTLINE_CONTACTS": "own"}
    new = tmp_path / "chi-tieu.csv"
    new.write_text(
        "period,indicator,value,coverage\n2023H1,LEADERS_TOTAL,2302,area\n"
        "2023H1,LEADERS_FEMALE,584,area\n2023H1,COMM_SESSIONS,780,area\n2023H1,HOTLINE_CONTACTS,12,\n",
        encoding="utf-8",
    )
    result = import_file(province, new)
    assert result.unchanged["indicators"] == 1
    assert indicator_coverage(province.engine, Scope("89", H1)) == {
        "LEADERS_TOTAL": "area",
        "LEADERS_FEMALE": "area",
        "COMM_SESSIONS": "area",
        "HOTLINE_CONTACTS": "own",
    }
    assert unit_figures(province, "89", H1).values["COMM_SESSIONS"] == 780
    bad = tmp_path / "sai.csv"
    bad.write_text("period,indicator,value,coverage\n2023H1,COMM_PARTICIPANTS,25120,\n", encoding="utf-8")
    with pytest.raises(Refused, match="toàn địa bàn"):
        import_file(province, bad)  # an activity figure is typed for the whole area only
    documents = tmp_path / "van-ban.csv"
    documents.write_text(
        "number,date,issuer,kind,title,direction\n"
        "03/UBQG-VP,16/03/2023,Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam,official_letter,"
        "Hướng dẫn hoạt động năm 2023,received\n"
        "58/KH-UBND,02/02/2023,UBND tỉnh An Giang,plan,Kế hoạch công tác năm 2023,\n",
        encoding="utf-8",
    )
    import_file(province, documents)
    held = {d.number: d.direction for d in list_documents(province.engine, Scope("89", H1))}
    assert held == {"03/UBQG-VP": "received", "58/KH-UBND": "issued"}
    assert (
        build_report(province, H1)
        .plain_text()
        .startswith(
            "Thực hiện Công văn số 03/UBQG-VP ngày 16 tháng 3 năm 2023 của Ủy ban quốc gia vì sự tiến bộ của phụ nữ "
            "Việt Nam về việc hướng dẫn hoạt động năm 2023. Ban Vì sự tiến bộ"
        )
    )


# -- the window: the officer says what the figures cover -----------------------------------------


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_figures_page_says_whether_the_figures_cover_the_whole_area(qtbot, province):
    from conftest import shown_window
    from PySide6.QtCore import Qt
    from test_ui_window import type_text

    from vstbpn_desktop.records import indicator_coverage

    set_indicator_values(province.engine, Scope("883", H1), {"LEADERS_TOTAL": 200, "LEADERS_FEMALE": 50})
    window = shown_window(qtbot, province)
    window.show_page("female_cadres")
    page = window.pages["female_cadres"]
    assert not page.whole_area.isChecked()
    qtbot.mouseClick(page.whole_area, Qt.LeftButton)
    total = page.inputs["LEADERS_TOTAL"]
    total.setFocus()
    type_text(qtbot, total, "2.302")
    qtbot.keyClick(total, Qt.Key_Return)
    assert indicator_coverage(province.engine, Scope("89", H1)) == {"LEADERS_TOTAL": "area"}
    assert unit_figures(province, "89", H1).values["LEADERS_TOTAL"] == 2302  # not 2.502
    qtbot.mouseClick(page.whole_area, Qt.LeftButton)  # own level: the values held change with it
    assert indicator_coverage(province.engine, Scope("89", H1)) == {"LEADERS_TOTAL": "own"}
    assert unit_figures(province, "89", H1).values["LEADERS_TOTAL"] == 2502
    qtbot.mouseClick(page.whole_area, Qt.LeftButton)
    window.controller.set_period("2022H1")
    assert not page.whole_area.isChecked()  # another period: what its values cover
    window.controller.set_period("2023H1")
    assert page.whole_area.isChecked()


# -- demo data that reads like real data -----------------------------------------------------------


@pytest.mark.parametrize("unit", ["89", "883", "886", "894"])
def test_the_demo_activities_are_plausible(cli_factory, unit):
    from vstbpn_desktop.records import activity_page

    cli = cli_factory(f"demo-{unit}")
    ok(cli, "init", "--org-unit", unit)
    ok(cli, "demo")
    profile = Profile.open(cli.data_dir)
    try:
        rows = activity_page(profile.engine, Scope(unit, H1), 0, 500)
    finally:
        profile.close()
    assert rows
    starts = {
        "Tập huấn": "training",
        "Hội nghị": "conference",
        "Tọa đàm": "conference",
        "Tuyên truyền": "communication",
        "Nói chuyện": "communication",
        "Chuyên mục": "media",
    }
    for row in rows:
        kind = next(k for start, k in starts.items() if row["title"].startswith(start))
        assert row["kind"] == kind, row
        if kind == "media":  # the radio column: the second Sunday of the month
            assert row["date"].weekday() == 6 and 8 <= row["date"].day <= 14, row
            continue
        assert row["date"].weekday() < 5, row  # offices hold events on working days
        assert 1 <= row["sessions"] <= 3 and row["participants"] >= 30 * row["sessions"], row
        assert row["participants"] <= 300 * row["sessions"], row
        assert 0.5 * row["participants"] <= row["female_participants"] <= 0.75 * row["participants"] + 1, row
