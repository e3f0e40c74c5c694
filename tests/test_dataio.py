"""Excel and CSV in: the template, `data import` of .csv and .xlsx, and every kind of bad input.

Real files in tmp, a real profile database; a refused file must leave every table exactly as before.
"""

import unicodedata
from datetime import date, datetime

import openpyxl
import pytest
from conftest import ACTIVITY_HEADER, GOOD_ACTIVITIES, write_csv
from sqlalchemy import select, text

from vstbpn_desktop.catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, indicators
from vstbpn_desktop.dataio import import_file
from vstbpn_desktop.dataio.columns import GUIDE_SHEET, TABLES
from vstbpn_desktop.dataio.importer import TICK
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, narratives
from vstbpn_desktop.storage.database import session_scope
from vstbpn_desktop.storage.models import Activity, ReportingPeriod, now
from vstbpn_desktop.summary import summary

H1 = Period.parse("2023H1")


def dump(profile: Profile) -> dict[str, list[tuple]]:
    """Every row of every table an import may touch, for a before/after comparison."""
    with profile.engine.connect() as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in ("activity", "document", "indicator_value", "narrative", "period")
        }


def counts(profile: Profile) -> dict[str, int]:
    return {table: len(rows) for table, rows in dump(profile).items()}


# -- the template ----------------------------------------------------------------------------


def test_template_has_a_sheet_per_table_with_labelled_headers_and_a_guide(district_cli, tmp_path):
    out = tmp_path / "mau.xlsx"
    code, stdout, err = district_cli("data", "template", "--out", out)
    assert code == 0, err
    assert "mau.xlsx" in stdout
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == [*TABLES, GUIDE_SHEET]
    activities = workbook["activities"]
    headers = [cell.value for cell in activities[1]]
    assert headers[0] == "Ngày (date)"
    assert [h.rsplit("(", 1)[1].rstrip(")") for h in headers] == ACTIVITY_HEADER.split(",")
    assert activities["A1"].font.bold and activities.freeze_panes == "A2"
    assert activities.column_dimensions["A"].number_format == "DD/MM/YYYY"
    assert workbook["documents"].column_dimensions["B"].number_format == "DD/MM/YYYY"
    lists = {str(v.sqref): v.formula1 for v in activities.data_validations.dataValidation if v.type == "list"}
    assert lists == {"B2:B20000": '"' + ",".join(ACTIVITY_KINDS) + '"'}
    indicator_lists = [v.formula1 for v in workbook["indicators"].data_validations.dataValidation if v.type == "list"]
    assert indicator_lists == [
        '"' + ",".join(i.code for i in indicators().values() if i.typed or i.kind == "from_activities") + '"'
    ]
    guide = [str(cell.value) for row in workbook[GUIDE_SHEET].iter_rows() for cell in row if cell.value]
    for code in [*ACTIVITY_KINDS, *DOCUMENT_KINDS, *NARRATIVE_SECTIONS, *indicators()]:
        assert code in guide, code
    assert indicators()["LEADERS_FEMALE"].name_vi in guide
    assert any("31/02" in line for line in guide) and any("≥ 1" in line for line in guide)


def test_template_output_errors_are_clear_and_leave_no_file(district_cli, tmp_path):
    code, _, err = district_cli("data", "template", "--out", tmp_path / "khong-co" / "mau.xlsx")
    assert code == 1 and err.startswith("error: ") and "khong-co" in err and "không tồn tại" in err
    assert not (tmp_path / "khong-co").exists()
    code, _, err = district_cli("data", "template", "--out", tmp_path / "mau.csv")
    assert code == 1 and ".xlsx" in err and not (tmp_path / "mau.csv").exists()
    (tmp_path / "thu-muc.xlsx").mkdir()  # the target is a folder: the rename cannot happen
    code, _, err = district_cli("data", "template", "--out", tmp_path / "thu-muc.xlsx")
    assert code == 1 and "thu-muc.xlsx" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_filled_template_round_trip(district, district_cli, tmp_path):
    out = tmp_path / "mau.xlsx"
    assert district_cli("data", "template", "--out", out)[0] == 0
    workbook = openpyxl.load_workbook(out)
    workbook["activities"].append([datetime(2023, 3, 8), "training", "Tập huấn", 2, 100, 60, "Long Xuyên", None])
    workbook["activities"].append(["15/04/2023", "Tuyên truyền", "Nói chuyện", None, 50.0, 30, None, None])
    workbook["activities"].append([date(2023, 5, 1), "media", "Chuyên mục phát thanh", 3, None, None, None, None])
    for _ in range(5):
        workbook["activities"].append([None] * 8)  # blank trailing rows are ignored
    workbook["documents"].append([58, datetime(2023, 2, 2), "UBND tỉnh An Giang", "plan", "Kế hoạch năm 2023"])
    workbook["indicators"].append(["2023H1", "LEADERS_TOTAL", 2302])
    workbook["indicators"].append(["2023H1", "leaders_female", 584.0])
    workbook["narratives"].append(["2023H1", "difficulties", "Thứ nhất."])
    workbook["narratives"].append(["2023H1", "Phương hướng, nhiệm vụ", "Tiếp tục."])
    workbook["narratives"].append(["2023H1", "difficulties", "Thứ hai."])
    filled = tmp_path / "da-dien.xlsx"
    workbook.save(filled)

    code, stdout, err = district_cli("data", "import", filled, "--period", "2023H1")
    assert code == 0, err
    assert stdout.strip() == "Đã nhập da-dien.xlsx (9 dòng): 3 hoạt động, 1 văn bản, 2 chỉ tiêu, 2 mục nội dung"
    figures = summary(district, H1)
    assert figures["indicators"]["COMM_SESSIONS"] == 3
    assert figures["indicators"]["COMM_PARTICIPANTS"] == 150
    assert figures["indicators"]["COMM_PARTICIPANTS_FEMALE"] == 90
    assert figures["indicators"]["MEDIA_ITEMS"] == 3
    assert figures["indicators"]["LEADERS_FEMALE_PCT"] == 25.37
    assert figures["counts"] == {"activities": 3, "documents": 1, "narratives": 2}
    held = narratives(district.engine, Scope("883", H1))
    assert held == {"difficulties": "Thứ nhất.\nThứ hai.", "directions": "Tiếp tục."}
    with district.engine.connect() as connection:
        number, issued, author = connection.execute(text("SELECT number, date, author FROM document")).one()
    assert (number, str(issued), author) == ("58", "2023-02-02", "Trần Thị Lan")  # a date on PostgreSQL


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
def test_csv_with_or_without_bom(district, district_cli, tmp_path, bom):
    path = write_csv(tmp_path / "hoat-dong.csv", [ACTIVITY_HEADER, *GOOD_ACTIVITIES], bom=bom)
    code, stdout, err = district_cli("data", "import", path)
    assert code == 0, err
    assert "2 hoạt động" in stdout
    with district.engine.connect() as connection:
        titles = connection.execute(select(Activity.title).order_by(Activity.date)).scalars().all()
    assert titles == ["Tập huấn bình đẳng giới", "Tuyên truyền, nói chuyện chuyên đề"]


def test_semicolon_csv_and_labelled_headers(district, district_cli, tmp_path):
    """Excel in a Vietnamese locale writes ";"; headers may be "Ngày (date)" or the label alone."""
    path = write_csv(
        tmp_path / "van-ban.csv",
        [
            "Số, ký hiệu (number);Ngày ban hành;issuer;Loại văn bản (kind);TITLE",
            "253/KH-UBND;18/05/2021;UBND tỉnh;Kế hoạch;Phòng ngừa bạo lực trên cơ sở giới",
        ],
    )
    code, stdout, err = district_cli("data", "import", path)
    assert code == 0, err
    assert "1 văn bản" in stdout
    with district.engine.connect() as connection:
        assert connection.execute(text("SELECT number, kind FROM document")).one() == ("253/KH-UBND", "plan")


def test_decomposed_text_is_stored_composed(district, district_cli, tmp_path):
    nfd = unicodedata.normalize("NFD", "2023-03-08,training,Tập huấn Mỹ Bình,1,10,5,Long Xuyên,")
    header = unicodedata.normalize("NFD", "Ngày (date),kind,title,sessions,participants,Trong đó nữ,place,notes")
    assert nfd != unicodedata.normalize("NFC", nfd)
    code, _, err = district_cli("data", "import", write_csv(tmp_path / "nfd.csv", [header, nfd]))
    assert code == 0, err
    with district.engine.connect() as connection:
        title, place, search = connection.execute(text("SELECT title, place, search_text FROM activity")).one()
    assert title == "Tập huấn Mỹ Bình" and unicodedata.is_normalized("NFC", title)
    assert place == "Long Xuyên" and search == "tap huan my binh long xuyen "


def test_reimporting_the_same_file_adds_nothing(seeded, district_cli, tmp_path):
    before = dump(seeded)
    code, stdout, err = district_cli("data", "import", tmp_path / "seed.csv")
    assert code == 0, err
    assert "không có gì mới" in stdout and "bỏ qua vì trùng với dữ liệu đã có: 2 hoạt động" in stdout
    code, stdout, _ = district_cli("data", "import", tmp_path / "seed-indicators.csv")
    assert code == 0 and "2 chỉ tiêu" in stdout.split("bỏ qua")[1]
    assert dump(seeded) == before
    # A file with the same rows, one repeated and one changed: only what is new is added.
    write_csv(
        tmp_path / "more.csv",
        [ACTIVITY_HEADER, *GOOD_ACTIVITIES, GOOD_ACTIVITIES[0], GOOD_ACTIVITIES[1].replace(",50,30,", ",51,30,")],
    )
    code, stdout, err = district_cli("data", "import", tmp_path / "more.csv")
    assert code == 0, err
    assert "2 hoạt động; bỏ qua vì trùng với dữ liệu đã có: 2 hoạt động" in stdout
    assert counts(seeded)["activity"] == 4
    # A changed indicator value replaces the one held.
    write_csv(tmp_path / "new-total.csv", ["period,indicator,value", "2023H1,LEADERS_TOTAL,210"])
    code, stdout, _ = district_cli("data", "import", tmp_path / "new-total.csv")
    assert code == 0 and "thay giá trị cũ: 1 chỉ tiêu" in stdout
    assert summary(seeded, H1)["indicators"]["LEADERS_TOTAL"] == 210


def test_dry_run_checks_and_writes_nothing(seeded, district_cli, tmp_path):
    before = dump(seeded)
    path = write_csv(tmp_path / "moi.csv", [ACTIVITY_HEADER, "2023-06-30,conference,Hội nghị,1,40,20,,"])
    code, stdout, err = district_cli("data", "import", path, "--dry-run")
    assert code == 0, err
    assert stdout.startswith("Kiểm tra xong (chưa ghi gì), sẽ nhập moi.csv (1 dòng): 1 hoạt động")
    assert dump(seeded) == before


def test_progress_and_cancel(seeded, tmp_path):
    lines = [ACTIVITY_HEADER] + [f"2023-05-{i % 28 + 1:02d},training,Lớp {i},1,10,5,," for i in range(2500)]
    path = write_csv(tmp_path / "lon.csv", lines)
    before = dump(seeded)
    with pytest.raises(Refused, match="lon.csv: đã hủy nhập"):
        import_file(seeded, path, cancelled=lambda: True)
    assert dump(seeded) == before
    seen = []
    result = import_file(seeded, path, progress=lambda done, total: seen.append((done, total)))
    # Every TICK rows as they are checked (the window's worker gives way there), once more when written.
    assert seen == [(done, 2500) for done in range(TICK, 2501, TICK)] + [(2500, 2500)]
    assert TICK <= 250
    assert result.added["activities"] == 2500


# -- bad input: exit 1, a message naming file/row/column/rule, the data exactly as before ----

BAD_CSV = {
    "women-over-total": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], "2023-05-02,training,Lớp,1,100,120,,"],
        (),
        "hoat-dong.csv: dòng 3, cột female_participants: số nữ (120) lớn hơn tổng số người tham dự (100)",
    ),
    "negative-count": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], "2023-05-02,training,Lớp,1,-5,0,,"],
        (),
        "hoat-dong.csv: dòng 3, cột participants: phải lớn hơn hoặc bằng 0",
    ),
    "zero-sessions": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], GOOD_ACTIVITIES[1], "2023-05-02,training,Lớp,0,10,5,,"],
        (),
        "hoat-dong.csv: dòng 4, cột sessions: phải lớn hơn hoặc bằng 1",
    ),
    "unknown-kind": (
        [ACTIVITY_HEADER, "2023-05-02,party,Liên hoan,1,10,5,,", GOOD_ACTIVITIES[0]],
        (),
        "hoat-dong.csv: dòng 2, cột kind: loại hoạt động 'party' không có trong danh mục",
    ),
    "impossible-date": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], "31/02/2023,training,Lớp,1,10,5,,"],
        (),
        "hoat-dong.csv: dòng 3, cột date: ngày '31/02/2023' không tồn tại",
    ),
    "text-in-number-column": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], "2023-05-02,training,Lớp,1,một trăm,5,,"],
        (),
        "hoat-dong.csv: dòng 3, cột participants: 'một trăm' không phải là số",
    ),
    "date-outside-period": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], "2023-07-01,training,Lớp,1,10,5,,"],
        ("--period", "2023H1"),
        "hoat-dong.csv: dòng 3, cột date: ngày 01/07/2023 nằm ngoài kỳ 2023H1",
    ),
    "period-column-outside-period": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H2,HOTLINE_CONTACTS,5"],
        ("--period", "2023H1"),
        "hoat-dong.csv: dòng 3, cột period: kỳ 2023H2 khác kỳ đang nhập 2023H1",
    ),
    "unknown-indicator": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H1,LEADERS_MALE,5"],
        (),
        "hoat-dong.csv: dòng 3, cột indicator: mã chỉ tiêu 'LEADERS_MALE' không có trong danh mục",
    ),
    "derived-indicator-typed": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H1,LEADERS_FEMALE_PCT,25"],
        (),
        "hoat-dong.csv: dòng 3, cột indicator: chỉ tiêu LEADERS_FEMALE_PCT được tính tự động, không nhập trực tiếp",
    ),
    "indicator-women-over-held-total": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H1,LEADERS_FEMALE,300"],
        (),
        "hoat-dong.csv: dòng 3, cột value: kỳ 2023H1: Trong đó nữ (300) lớn hơn tổng số cán bộ lãnh đạo",
    ),
    "indicator-without-value": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H1,GBV_VICTIMS_DETECTED,"],
        (),
        "hoat-dong.csv: dòng 3, cột value: thiếu giá trị",
    ),
    "indicator-twice": (
        ["period,indicator,value", "2023H1,HOTLINE_CONTACTS,4", "2023H1,HOTLINE_CONTACTS,5"],
        (),
        "hoat-dong.csv: dòng 3, cột indicator: chỉ tiêu HOTLINE_CONTACTS của kỳ 2023H1 đã có ở hoat-dong.csv: dòng 2",
    ),
    "narrative-without-text": (
        ["period,section,text", "2023H1,achievements,Tốt", "2023H1,difficulties,"],
        (),
        "hoat-dong.csv: dòng 3, cột text: không được để trống",
    ),
    "wrong-headers": (
        ["cot1,cot2,cot3", GOOD_ACTIVITIES[0]],
        (),
        "hoat-dong.csv: dòng 1: không nhận ra bảng từ tiêu đề (cot1, cot2, cot3); tiêu đề phải là một trong "
        "các bảng — activities: date,kind,",
    ),
    "missing-and-unknown-column": (
        ["date,kind,title,sessions,participants,women,place,notes", GOOD_ACTIVITIES[0]],
        (),
        "hoat-dong.csv: dòng 1: thiếu cột female_participants; cột không có trong bảng activities: women",
    ),
    "duplicate-column": (
        [ACTIVITY_HEADER + ",title", GOOD_ACTIVITIES[0]],
        (),
        "hoat-dong.csv: dòng 1: cột title xuất hiện hai lần (ô thứ 3 và 9)",
    ),
    "header-only": ([ACTIVITY_HEADER, ",,,,,,,"], (), "hoat-dong.csv: không có dòng dữ liệu nào"),
    "cell-beyond-header": (
        [ACTIVITY_HEADER, GOOD_ACTIVITIES[0] + ",thừa"],
        (),
        "hoat-dong.csv: dòng 2: ô thứ 9 có giá trị nhưng nằm ngoài các cột của tiêu đề",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CSV))
def test_bad_csv_is_refused_whole(seeded, district_cli, tmp_path, case):
    lines, options, expected = BAD_CSV[case]
    path = write_csv(tmp_path / "hoat-dong.csv", lines)
    before = dump(seeded)
    code, stdout, err = district_cli("data", "import", path, *options)
    assert code == 1 and stdout == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert expected in err
    assert dump(seeded) == before


def test_several_problems_are_listed_briefly(seeded, district_cli, tmp_path):
    lines = [ACTIVITY_HEADER] + [f"2023-05-02,training,Lớp {i},0,10,5,," for i in range(10)]
    code, _, err = district_cli("data", "import", write_csv(tmp_path / "nhieu.csv", lines))
    assert code == 1
    assert err.count("cột sessions") == 3 and "dòng 2, cột" in err and "và 7 lỗi khác" in err


def test_empty_file_is_refused(seeded, district_cli, tmp_path):
    before = dump(seeded)
    for name, data in (("rong.csv", b""), ("rong-bom.csv", b"\xef\xbb\xbf\r\n \r\n")):
        (tmp_path / name).write_bytes(data)
        code, _, err = district_cli("data", "import", tmp_path / name)
        assert code == 1 and f"error: {name}: tệp rỗng" in err
    assert dump(seeded) == before


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1"])
def test_non_utf8_file_is_refused(seeded, district_cli, tmp_path, encoding):
    # "Cần Thơ" as Windows-1258 writes it (base letter + combining tone mark); "Fête" in Latin-1.
    place = "C\u00e2\u0300n Th\u01a1" if encoding == "cp1258" else "F\u00eate"
    path = write_csv(
        tmp_path / "ansi.csv", [ACTIVITY_HEADER, f"2023-05-02,training,Lop,1,10,5,{place},"], encoding=encoding
    )
    before = dump(seeded)
    code, _, err = district_cli("data", "import", path)
    assert code == 1
    assert "error: ansi.csv: tệp không phải mã UTF-8" in err and "dòng 2" in err and "CSV UTF-8" in err
    assert dump(seeded) == before


def test_locked_period_is_refused(seeded, district_cli, tmp_path):
    with session_scope(seeded.engine) as session:
        session.add(ReportingPeriod(code="2023H1", locked_at=now(), locked_by="Trần Thị Lan"))
    before = dump(seeded)
    path = write_csv(
        tmp_path / "muon.csv", [ACTIVITY_HEADER, "2023-09-01,training,Lớp,1,10,5,,", "2023-05-02,training,Lớp,1,10,5,,"]
    )
    code, _, err = district_cli("data", "import", path)
    assert code == 1
    assert "error: muon.csv: dòng 3: kỳ 2023H1 đã khóa để gửi (Trần Thị Lan" in err
    assert dump(seeded) == before


# -- bad workbooks ---------------------------------------------------------------------------


def _workbook(district_cli, tmp_path):
    out = tmp_path / "mau.xlsx"
    assert district_cli("data", "template", "--out", out)[0] == 0
    return openpyxl.load_workbook(out)


def test_xlsx_text_in_number_cell_names_the_sheet(seeded, district_cli, tmp_path):
    workbook = _workbook(district_cli, tmp_path)
    workbook["activities"].append([datetime(2023, 5, 2), "training", "Lớp", 1, 10, 5, None, None])
    workbook["indicators"].append(["2023H1", "HOTLINE_CONTACTS", "nhiều"])
    workbook.save(tmp_path / "sai.xlsx")
    before = dump(seeded)
    code, _, err = district_cli("data", "import", tmp_path / "sai.xlsx")
    assert code == 1
    assert "error: sai.xlsx: trang tính indicators, dòng 2, cột value: 'nhiều' không phải là số" in err
    assert dump(seeded) == before


def test_xlsx_extra_sheet_with_data_is_refused(seeded, district_cli, tmp_path):
    workbook = _workbook(district_cli, tmp_path)
    workbook["activities"].append([datetime(2023, 5, 2), "training", "Lớp", 1, 10, 5, None, None])
    workbook.create_sheet("Trang tính 1")  # empty: ignored
    workbook.create_sheet("Hoạt động")["A1"] = "dữ liệu để nhầm trang"
    workbook.save(tmp_path / "them-trang.xlsx")
    before = dump(seeded)
    code, _, err = district_cli("data", "import", tmp_path / "them-trang.xlsx")
    assert code == 1 and "them-trang.xlsx: trang tính 'Hoạt động' không phải bảng của mẫu" in err
    assert dump(seeded) == before


def test_xlsx_without_rows_and_broken_files_are_refused(seeded, district_cli, tmp_path):
    _workbook(district_cli, tmp_path)
    before = dump(seeded)
    code, _, err = district_cli("data", "import", tmp_path / "mau.xlsx")
    assert code == 1 and "mau.xlsx: không có dòng dữ liệu nào" in err
    (tmp_path / "hong.xlsx").write_bytes(b"not a zip file")
    code, _, err = district_cli("data", "import", tmp_path / "hong.xlsx")
    assert code == 1 and "hong.xlsx: không đọc được tệp Excel" in err
    (tmp_path / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = district_cli("data", "import", tmp_path / "cu.xls")
    assert code == 1 and ".xls" in err and ".xlsx" in err
    code, _, err = district_cli("data", "import", tmp_path / "khong-co.csv")
    assert code == 1 and "khong-co.csv: không tìm thấy tệp" in err
    assert dump(seeded) == before


def test_xlsx_wrong_header_names_the_sheet(seeded, district_cli, tmp_path):
    workbook = _workbook(district_cli, tmp_path)
    workbook["documents"]["C1"] = "Nơi ban hành"
    workbook["documents"].append(["1/QĐ", datetime(2023, 1, 5), "UBND", "decision", "Quyết định"])
    workbook.save(tmp_path / "tieu-de.xlsx")
    before = dump(seeded)
    code, _, err = district_cli("data", "import", tmp_path / "tieu-de.xlsx")
    assert code == 1
    assert (
        "tieu-de.xlsx: trang tính documents, dòng 1: thiếu cột issuer; cột không có trong bảng documents: Nơi ban hành"
    ) in err
    assert dump(seeded) == before
