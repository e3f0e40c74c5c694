"""Hostile files and command lines (control characters, broken or hidden spreadsheet parts, dates
outside the periods, fifos, profiles as outputs): each refused with one clear `error:` line naming
the file/row/column or member and the rule, the database exactly as before."""

import sqlite3
import zipfile
from datetime import datetime

import openpyxl
import pytest
from conftest import ACTIVITY_HEADER, GOOD_ACTIVITIES, ok, write_csv
from PySide6.QtCore import Qt
from test_bundle import activity_line, craft, good_members, snapshot, with_line
from test_dataio import dump

from vstbpn_desktop import records
from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.domain.validation import Invalid, clean_text, validate_activity
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope

H1 = Period.parse("2023H1")
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def refused(cli, *args) -> str:
    """A command that must be refused with one `error:` line: that line."""
    code, out, err = cli(*args)
    assert code == 1 and out == "", (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


# -- 13.3: one text rule at the boundary -----------------------------------------------------

# (typed character, what is stored: a str, or None for refused)
CONTROLS = {
    "vertical-tab": ("\v", "\n"),
    "form-feed": ("\f", "\n"),
    "cr": ("\r", "\n"),
    "crlf": ("\r\n", "\n"),
    "tab": ("\t", "\t"),
    "bell": ("\x07", None),
    "soh": ("\x01", None),
    "nul": ("\x00", None),
    "esc": ("\x1b", None),
    "nel": ("\x85", None),
    "del": ("\x7f", None),
    "c1-csi": ("\x9b", None),
    "lone-surrogate": ("\ud800", None),
    "non-character": ("\uffff", None),
}


@pytest.mark.parametrize("case", list(CONTROLS))
def test_text_rule_normalises_typed_breaks_and_refuses_controls(case):
    char, stored = CONTROLS[case]
    text = f"Tập huấn{char}bình đẳng giới"
    if stored is None:
        with pytest.raises(ValueError, match=f"ký tự U\\+{ord(char[0]):04X} ở vị trí 9 không được phép"):
            clean_text(text)
    else:
        assert clean_text(text) == f"Tập huấn{stored}bình đẳng giới"
    strict_ok = char in ("\t",)
    if strict_ok:
        assert clean_text(text, strict=True) == text
    else:  # in a bundle even a line break other than "\n" is refused: our app wrote it clean
        with pytest.raises(ValueError, match=f"U\\+{ord(char[0]):04X}"):
            clean_text(text, strict=True)


def test_every_text_field_of_every_record_obeys_the_rule():
    activity = {"date": "2023-03-08", "kind": "training", "title": "Lớp", "place": "Phường\x07", "notes": "ghi\x1bchú"}
    with pytest.raises(Invalid) as caught:
        validate_activity(activity, H1)
    assert set(caught.value.problems) == {"place", "notes"}
    from vstbpn_desktop.domain.validation import validate_document, validate_narrative

    with pytest.raises(Invalid) as caught:
        validate_document(
            {"number": "1/\x01QĐ", "date": "2023-01-05", "issuer": "UBND\x00", "kind": "plan", "title": "Kế hoạch\x85"}
        )
    assert set(caught.value.problems) == {"number", "issuer", "title"}
    with pytest.raises(Invalid) as caught:
        validate_narrative("Mục\x07", "Nội dung\x07")
    assert set(caught.value.problems) == {"section", "text"}
    assert validate_narrative("Mục", "Dòng 1\vDòng 2\r\nDòng 3") == ("Mục", "Dòng 1\nDòng 2\nDòng 3")


@pytest.mark.parametrize("case", ["vertical-tab", "bell", "soh", "nul", "esc", "nel", "del"])
def test_control_character_in_csv_is_refused_or_normalised(seeded, district_cli, tmp_path, case):
    char, stored = CONTROLS[case]
    path = tmp_path / "dieu-khien.csv"
    lines = [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], f'2023-05-02,training,"Lớp{char}học",1,10,5,,']
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    before = dump(seeded)
    if stored is None:
        err = refused(district_cli, "data", "import", path)
        assert f"dieu-khien.csv: dòng 3, cột title: ký tự U+{ord(char):04X} ở vị trí 4 không được phép" in err
        assert dump(seeded) == before
        return
    code, _, err = district_cli("data", "import", path)
    assert code == 0, err
    with seeded.engine.connect() as connection:
        titles = [row[0] for row in connection.exec_driver_sql("SELECT title FROM activity")]
    assert f"Lớp{stored}học" in titles


def _xlsx_with_title(district_cli, tmp_path, title_xml: str):
    """A filled template whose activity title is `title_xml` as Excel writes it (inline, escaped)."""
    out = tmp_path / "mau.xlsx"
    assert district_cli("data", "template", "--out", out)[0] == 0
    workbook = openpyxl.load_workbook(out)
    workbook["activities"].append([datetime(2023, 5, 2), "training", "PLACEHOLDER", 1, 10, 5, None, None])
    workbook.save(out)
    members = {}
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    for name, data in members.items():
        if b"PLACEHOLDER" in data:
            members[name] = data.replace(b"PLACEHOLDER", title_xml.encode("utf-8"))
    target = tmp_path / "dieu-khien.xlsx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize(
    "escaped, code", [("_x000B_", None), ("_x0007_", "0007"), ("_x0001_", "0001"), ("_x001B_", "001B")]
)
def test_control_character_in_xlsx_is_refused_or_normalised(seeded, district_cli, tmp_path, escaped, code):
    path = _xlsx_with_title(district_cli, tmp_path, f"Lớp{escaped}học")
    before = dump(seeded)
    if code:
        err = refused(district_cli, "data", "import", path)
        assert f"dieu-khien.xlsx: trang tính activities, dòng 2, cột title: ký tự U+{code}" in err
        assert dump(seeded) == before
        return
    code_, _, err = district_cli("data", "import", path)
    assert code_ == 0, err
    with seeded.engine.connect() as connection:
        titles = [row[0] for row in connection.exec_driver_sql("SELECT title FROM activity")]
    assert "Lớp\nhọc" in titles


def test_window_models_refuse_control_characters_and_keep_word_breaks(qtbot, district):
    from ui.entry.models import ActivityTableModel

    scope = Scope(district.org_unit_code, H1)
    records.add_activity(
        district.engine, scope, {"date": "2023-03-08", "kind": "training", "title": "Lớp"}, district.author
    )
    model = ActivityTableModel(district.engine, scope)
    cell = model.index(0, model.TITLE)
    before = dump(district)
    with qtbot.waitSignal(model.refused) as blocker:
        assert model.setData(cell, "Lớp\x07học") is False
    assert "ký tự U+0007 ở vị trí 4 không được phép" in blocker.args[1]
    assert dump(district) == before  # the cell keeps what was typed, for correcting; nothing stored
    assert model.setData(cell, "Lớp\vhọc") is True  # Word's Shift+Enter, pasted
    assert cell.data(Qt.EditRole) == "Lớp\nhọc"


@pytest.mark.parametrize(
    "title, code",
    [
        ('"Lớp\\u000bhọc"', "000B"),
        ('"Lớp\\u0007học"', "0007"),
        ('"Lớp\\rhọc"', "000D"),
        ('"Lớp\\u0000học"', "0000"),
        ('"Lớp\\u001bhọc"', "001B"),
        ('"Lớp\\u0085học"', "0085"),
        ('"Lớp\\ud800học"', "D800"),
    ],
)
def test_bundle_with_control_character_is_refused_not_normalised(world, tmp_path, title, code):
    members = with_line(good_members(tmp_path), fmt.ACTIVITIES, activity_line(title=title))
    bundle = craft(world["883"], tmp_path / "dieu-khien.vstb", members)
    before = snapshot(world["89"])
    for command in (
        ("bundle", "verify", bundle),
        ("bundle", "import", "--dry-run", bundle),
        ("bundle", "import", bundle),
    ):
        code_, out, err = world["89"](*command)
        assert code_ == 1, (command, out, err)
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert fmt.ACTIVITIES in err and f"U+{code}" in err, err
        assert "title" in err or code == "D800", err  # a lone surrogate: refused by the strict JSON reader
    assert snapshot(world["89"]) == before


# -- 13.5: --out never lands on a profile ----------------------------------------------------


def _profile_targets(own, other, tmp_path) -> dict[str, object]:
    """Paths inside a profile an output must never overwrite: own and another profile's."""
    link = tmp_path / "an-toan.xlsx"
    link.symlink_to(own / "vstbpn.sqlite3")
    return {
        "signing-key": own / "keys" / "signing-key.pem",
        "new-file-in-keys": own / "keys" / "moi.xlsx",
        "database": own / "vstbpn.sqlite3",
        "wal": own / "vstbpn.sqlite3-wal",
        "journal": own / "vstbpn.sqlite3-journal",
        "settings": own / "settings.json",
        "other-profile-database": other / "vstbpn.sqlite3",
        "other-profile-settings": other / "settings.json",
        "symlink-to-database": link,
        "relative-dots": own / "backups" / ".." / "vstbpn.sqlite3",
    }


def database_dump(folder) -> list[str]:
    """The profile's database as SQL text (its file's bytes move with SQLite's checkpoints)."""
    connection = sqlite3.connect(folder / "vstbpn.sqlite3")
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _files_of(*folders) -> dict:
    """The profiles' databases (dumped), keys and settings: what an output must never touch."""
    state = {folder: database_dump(folder) for folder in folders}
    state.update(
        {
            path: path.read_bytes()
            for folder in folders
            for path in sorted(folder.rglob("*"))
            if path.is_file() and ("keys" in path.parts or path.name == "settings.json")
        }
    )
    return state


OUTPUT_COMMANDS = {
    "keys-export-public": ("district", ("keys", "export-public", "--out")),
    "bundle-export": ("district", ("bundle", "export", "--period", "2023H1", "--out")),
    "report-pdf": ("district", ("report", "pdf", "--period", "2023H1", "--out")),
    "report-xlsx": ("province", ("report", "xlsx", "--period", "2023H1", "--out")),
    "backup": ("district", ("backup", "--out")),
    "bundle-return": (
        "province",
        ("bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", "Thiếu số liệu", "--out"),
    ),
    "data-template": ("province", ("data", "template", "--out")),
}


@pytest.mark.parametrize("command", list(OUTPUT_COMMANDS))
def test_out_never_overwrites_a_profile(pair, tmp_path, command):
    district, province = pair
    who, args = OUTPUT_COMMANDS[command]
    cli = district if who == "district" else province
    other = province if who == "district" else district
    (cli.data_dir / "vstbpn.sqlite3-journal").write_bytes(b"")  # as SQLite leaves one between writes
    targets = _profile_targets(cli.data_dir, other.data_dir, tmp_path)
    before = _files_of(cli.data_dir, other.data_dir)
    for name, target in targets.items():
        err = refused(cli, *args, target)
        if command == "data-template" and target.suffix != ".xlsx":
            assert "tệp mẫu phải có đuôi .xlsx" in err  # refused before: a template is a workbook
            continue
        assert "không ghi đè lên" in err and "của hồ sơ" in err, (name, err)
        assert str(target) in err
        assert not (cli.data_dir / "keys" / "moi.xlsx").exists()
    assert _files_of(cli.data_dir, other.data_dir) == before
    assert (tmp_path / "an-toan.xlsx").is_symlink()
    # beside the profile (not in it) is fine: the guard names only what would destroy it
    ok_target = cli.data_dir / "ket-qua.xlsx"
    code, _, err = cli(*args, ok_target)
    assert code == 0 and ok_target.is_file(), err


def test_save_dialog_refuses_a_profile_file_and_asks_again(qtbot, district, district_cli, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QWidget

    from ui.common import ask

    parent = QWidget()
    qtbot.addWidget(parent)
    answers = [
        str(district_cli.data_dir / "keys" / "signing-key.pem"),
        str(district_cli.data_dir / "settings.json"),
        str(tmp_path / "khoa-cong-khai.json"),
    ]
    told = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (answers.pop(0), ""))
    monkeypatch.setattr(ask, "tell", lambda parent, title, text, warning=False: told.append((text, warning)))
    chosen = ask.ask_save_file(parent, "Lưu khóa", tmp_path / "khoa.json", ask.PUBLIC_KEY_FILTER)
    assert chosen == tmp_path / "khoa-cong-khai.json" and answers == []
    assert [warning for _, warning in told] == [True, True]
    assert "signing-key.pem: không ghi đè lên thư mục khóa ký của hồ sơ" in told[0][0]
    assert "settings.json: không ghi đè lên tệp cài đặt của hồ sơ" in told[1][0]


# -- 13.9: XLSX read bounded, every broken part refused --------------------------------------

ROW_2 = '<row r="2"><c r="A2" s="7" t="n"><v>45048</v></c><c r="B2" t="inlineStr"><is><t>training</t></is></c>'


def _edited_xlsx(district_cli, tmp_path, edit, name="hong.xlsx"):
    """The template with one good activity row, its parts passed through `edit(part, data)`."""
    template = tmp_path / "mau.xlsx"
    assert district_cli("data", "template", "--out", template)[0] == 0
    workbook = openpyxl.load_workbook(template)
    workbook["activities"].append([datetime(2023, 5, 2), "training", "Lớp", 1, 10, 5, None, None])
    workbook.save(template)
    with zipfile.ZipFile(template) as archive:
        parts = {part: archive.read(part) for part in archive.namelist()}
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for part, data in parts.items():
            archive.writestr(part, edit(part, data))
    return target


def _in_sheet(old: bytes, new: bytes, sheet="xl/worksheets/sheet1.xml"):
    def edit(part, data):
        if part != sheet:
            return data
        assert old in data, data[:2000]
        return data.replace(old, new, 1)

    return edit


BAD_XLSX = {
    "comment-40-mb": (
        _in_sheet(b"<sheetData>", b"<!--" + b"a" * (40 * 1024 * 1024) + b"--><sheetData>"),
        "thành phần xl/worksheets/sheet1.xml không phải XML hợp lệ (Comment too big",
    ),
    "text-in-number-cell": (
        _in_sheet(b'<c r="D2" t="n"><v>1</v>', b'<c r="D2" t="n"><v>mot</v>'),
        "trang tính activities, ô D2: ô số có giá trị 'mot' không phải là số",
    ),
    "shared-string-out-of-range": (
        _in_sheet(b'<c r="B2" t="inlineStr"><is><t>training</t></is></c>', b'<c r="B2" t="s"><v>999</v></c>'),
        "trang tính activities, ô B2: chuỗi dùng chung số '999' không có trong tệp",
    ),
    "malformed-xml": (
        _in_sheet(b"</sheetData>", b"</sheetDat>"),
        "thành phần xl/worksheets/sheet1.xml không phải XML hợp lệ",
    ),
    "dtd-entities": (
        _in_sheet(
            b"<worksheet",
            b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet',
        ),
        "thành phần xl/worksheets/sheet1.xml có khai báo DTD",
    ),
    "row-out-of-order": (
        _in_sheet(b'<row r="2">', b'<row r="1">'),
        "trang tính activities: số dòng '1' sai hoặc không theo thứ tự",
    ),
    "bad-cell-reference": (_in_sheet(b'<c r="D2"', b'<c r="D9"'), "trang tính activities, dòng 2: địa chỉ ô 'D9' sai"),
}


@pytest.mark.parametrize("case", list(BAD_XLSX))
def test_broken_xlsx_is_refused_clearly(seeded, district_cli, tmp_path, case):
    edit, expected = BAD_XLSX[case]
    path = _edited_xlsx(district_cli, tmp_path, edit)
    if case == "comment-40-mb":
        assert path.stat().st_size < 100_000  # 55 KB that unpack to 40 MB
    before = dump(seeded)
    err = refused(district_cli, "data", "import", path)
    assert err.startswith("error: hong.xlsx: không đọc được tệp Excel (.xlsx) — ")
    assert expected in err
    assert dump(seeded) == before
    err = refused(district_cli, "data", "import", "--dry-run", path)
    assert expected in err


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_hidden_sheet_with_data_is_never_imported_unseen(seeded, district_cli, tmp_path, state):
    def hide(part, data):
        if part == "xl/workbook.xml":
            return data.replace(
                b'name="activities" sheetId="1" state="visible"',
                f'name="activities" sheetId="1" state="{state}"'.encode(),
            )
        return data

    path = _edited_xlsx(district_cli, tmp_path, hide)
    before = dump(seeded)
    err = refused(district_cli, "data", "import", path)
    assert f"hong.xlsx: trang tính 'activities' đang bị ẩn ({state}) nhưng có dữ liệu" in err
    assert dump(seeded) == before


def test_xlsx_parts_are_size_capped(seeded, district_cli, tmp_path, monkeypatch):
    from vstbpn_desktop.dataio import xlsx

    path = _edited_xlsx(district_cli, tmp_path, lambda part, data: data)
    before = dump(seeded)
    monkeypatch.setattr(xlsx, "MAX_MEMBER", 5000)
    err = refused(district_cli, "data", "import", path)
    assert "giải nén ra" in err and "quá giới hạn 5000 byte" in err
    monkeypatch.setattr(xlsx, "MAX_MEMBER", 256 * 1024 * 1024)
    monkeypatch.setattr(xlsx, "MAX_TOTAL", 20_000)
    err = refused(district_cli, "data", "import", path)
    assert "các thành phần giải nén ra" in err and "quá giới hạn 20000 byte" in err
    assert dump(seeded) == before
    monkeypatch.setattr(xlsx, "MAX_TOTAL", 512 * 1024 * 1024)
    code, out, err = district_cli("data", "import", path)
    assert code == 0 and "1 hoạt động" in out, err


# -- 13.10: table files: dates in the periods' years, quotes, a million rows -----------------


@pytest.mark.parametrize(
    "cell, shown",
    [
        ("1999-12-31", "31/12/1999"),
        ("31/12/1999", "31/12/1999"),
        ("2101-01-01", "01/01/2101"),
        ("01/01/1900", "01/01/1900"),
    ],
)
def test_csv_date_outside_the_years_of_periods_is_refused_by_dry_run_and_import(
    seeded, district_cli, tmp_path, cell, shown
):
    path = write_csv(tmp_path / "ngay.csv", [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], f"{cell},training,Lớp,1,10,5,,"])
    before = dump(seeded)
    for options in (("--dry-run",), ()):
        err = refused(district_cli, "data", "import", *options, path)
        assert f"ngay.csv: dòng 3, cột date: ngày {shown} nằm ngoài các năm 2000-2100 của kỳ báo cáo" in err
    assert dump(seeded) == before


def test_xlsx_date_serial_60_is_refused_by_dry_run_and_import(seeded, district_cli, tmp_path):
    path = _edited_xlsx(district_cli, tmp_path, _in_sheet(b"<v>45048</v>", b"<v>60</v>"))
    before = dump(seeded)
    for options in (("--dry-run",), ()):
        err = refused(district_cli, "data", "import", *options, path)
        assert "trang tính activities, dòng 2, cột date: ngày 28/02/1900 nằm ngoài các năm 2000-2100" in err
    assert dump(seeded) == before


def test_dates_outside_the_years_are_refused_in_the_window_too(district):
    scope = Scope(district.org_unit_code, None)
    with pytest.raises(Invalid) as caught:
        records.add_activity(
            district.engine, scope, {"date": "31/12/1999", "kind": "training", "title": "Lớp"}, district.author
        )
    assert "nằm ngoài các năm 2000-2100" in caught.value.problems["date"]


UNBALANCED = {
    "never-closed": (
        ['2023-05-02,training,"Lớp 2,1,10,5,,', "2023-05-03,training,Lớp 3,1,10,5,,"],
        'unbal.csv: dòng 3: dấu ngoặc kép (") của một ô mở ở dòng 3 của tệp không được đóng đúng',
    ),
    "closed-inside-a-cell": (
        ['2023-05-02,training,"Lớp 2,1,10,5,,', '2023-05-03,training,"Lớp 3",1,10,5,,'],
        'unbal.csv: dòng 3: dấu ngoặc kép (") của một ô mở ở dòng 3 của tệp không được đóng đúng',
    ),
    "closed-at-a-cell-end": (
        [
            '2023-05-02,training,"Lớp 2,1,10,5,,',
            '2023-05-03,training,Lớp 3,1,10,5,"',
            "2023-05-04,training,Lớp 4,1,10,5,,",
        ],
        "unbal.csv: dòng 3: một ô mở dấu ngoặc kép ở dòng 3 của tệp và chỉ đóng ở dòng 4, "
        "làm dòng này có 3 ô thay vì 8",
    ),
}


@pytest.mark.parametrize("case", list(UNBALANCED))
def test_csv_with_an_unbalanced_quote_names_the_row_where_it_opens(seeded, district_cli, tmp_path, case):
    lines, expected = UNBALANCED[case]
    path = write_csv(tmp_path / "unbal.csv", [ACTIVITY_HEADER, GOOD_ACTIVITIES[0], *lines])
    before = dump(seeded)
    for options in (("--dry-run",), ()):
        err = refused(district_cli, "data", "import", *options, path)
        assert expected in err
    assert dump(seeded) == before


def test_csv_quoted_cells_over_several_lines_still_import(seeded, district_cli, tmp_path):
    path = write_csv(
        tmp_path / "nhieu-dong.csv",
        ["period,section,text", '2023H1,achievements,"Đoạn 1\r\nĐoạn 2, vẫn ""tốt"""', "2023H1,difficulties,Khó khăn"],
    )
    code, out, err = district_cli("data", "import", path)
    assert code == 0 and "(2 dòng): 2 mục nội dung" in out, err
    with seeded.engine.connect() as connection:
        texts = dict(connection.exec_driver_sql("SELECT section, text FROM narrative").all())
    assert texts["achievements"] == 'Đoạn 1\nĐoạn 2, vẫn "tốt"'


def test_csv_rows_are_read_streaming_not_held(seeded, tmp_path):
    from vstbpn_desktop.dataio.tables import read_table_file

    lines = [ACTIVITY_HEADER] + [f"2023-05-02,training,Lớp {i},1,10,5,," for i in range(2000)]
    (raw,) = read_table_file(write_csv(tmp_path / "lon.csv", lines))
    assert len(raw.rows) == 2000 and not isinstance(raw.rows, list)
    first = next(iter(raw.rows))
    assert first == (
        2,
        {
            "date": "2023-05-02",
            "kind": "training",
            "title": "Lớp 0",
            "sessions": "1",
            "participants": "10",
            "female_participants": "5",
        },
    )
    assert sum(1 for _ in raw.rows) == 2000  # read again, whole


# -- 13.11: the command line keeps its promises ----------------------------------------------


def test_bundle_import_of_several_files_says_per_file_what_happened(world, tmp_path):
    province = world["89"]
    (tmp_path / "hong.vstb").write_bytes(b"PK\x03\x04 not a bundle")
    code, out, err = province(
        "bundle", "import", tmp_path / "good.vstb", tmp_path / "hong.vstb", tmp_path / "good.vstb"
    )
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("error: gói hong.vstb: ")
    sections = out.split("\n\n")
    assert sections[0].startswith(f"[1/3] {tmp_path / 'good.vstb'}") and "Đã nhập dữ liệu kỳ 2023H1" in sections[0]
    assert sections[1].startswith(f"[2/3] {tmp_path / 'hong.vstb'}") and "Bị từ chối, không thay đổi gì" in sections[1]
    assert sections[2].startswith(f"[3/3] {tmp_path / 'good.vstb'}") and "Gói này đã nhận ngày" in sections[2]
    assert out.rstrip().endswith("Tổng kết: 2/3 gói đã xét xong; bị từ chối: hong.vstb.")
    with pytest.raises(SystemExit):
        province("bundle", "import", "--help")
    assert "Mỗi gói được kiểm tra và nhập riêng, toàn bộ hoặc không gì" in " ".join(
        province.capsys.readouterr().out.split()
    )


def test_init_is_all_or_nothing(cli_factory, tmp_path, monkeypatch):
    cli = cli_factory("moi")
    monkeypatch.setenv("VSTBPN_PASSPHRASE", "abc\udcff\udcfedefgh")  # bytes ff fe in the variable
    err = refused(cli, "init", "--org-unit", "883")
    assert "mật khẩu khóa ký có byte không phải UTF-8" in err
    assert not cli.data_dir.exists()

    from vstbpn_desktop import profile as profile_module
    from vstbpn_desktop.profile import Profile

    def broken_key(profile, passphrase):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(profile_module, "creation_hooks", lambda: [broken_key])
    with pytest.raises(OSError):
        Profile.create(tmp_path / "moi", "883", passphrase="mật khẩu đủ dài")
    assert not (tmp_path / "moi").exists()  # the folder it made, gone
    kept = tmp_path / "co-san"
    kept.mkdir()
    (kept / "ghi-chu.txt").write_text("của người dùng", encoding="utf-8")
    with pytest.raises(OSError):
        Profile.create(kept, "883", passphrase="mật khẩu đủ dài")
    assert sorted(p.name for p in kept.iterdir()) == ["ghi-chu.txt"]  # only what init made is removed


def test_leftovers_of_a_killed_restore_are_removed_at_the_next_start(district_cli, tmp_path):
    import fcntl
    import os
    import shutil

    folder = district_cli.data_dir
    ok(district_cli, "backup")
    (folder / "backups").mkdir(exist_ok=True)
    staged = folder / ".restore-k1ll3d.sqlite3"
    shutil.copyfile(folder / "vstbpn.sqlite3", staged)
    (folder / ".restore-k1ll3d.sqlite3-journal").write_bytes(b"journal")
    half = folder / "backups" / ".vstbpn-20261130-010203-restore.sqlite3.x1y2.tmp"
    shutil.copyfile(folder / "vstbpn.sqlite3", half)
    in_use = folder / ".restore-running.sqlite3"  # another process's restore, still running
    shutil.copyfile(folder / "vstbpn.sqlite3", in_use)
    handle = os.open(in_use, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        before = database_dump(folder)
        ok(district_cli, "info")
        assert not staged.exists() and not half.exists()
        assert not (folder / ".restore-k1ll3d.sqlite3-journal").exists()
        assert in_use.exists()  # held: left alone
        assert database_dump(folder) == before
    finally:
        os.close(handle)
    ok(district_cli, "info")
    assert not in_use.exists()


@pytest.mark.parametrize(
    "command",
    [
        ("bundle", "verify"),
        ("bundle", "import"),
        ("bundle", "import", "--dry-run"),
        ("data", "import"),
        ("trust", "add", "--org-unit", "88301"),
        ("restore",),
    ],
)
def test_fifo_or_device_as_input_is_refused_without_waiting(province_cli, tmp_path, command):
    import os

    fifo = tmp_path / "ong.vstb"
    os.mkfifo(fifo)
    before = database_dump(province_cli.data_dir)
    (*words,) = command
    args = [*words[:2], fifo, *words[2:]] if words[0] != "restore" else [words[0], fifo]
    err = refused(province_cli, *args)
    assert "không phải tệp thường (FIFO, thiết bị hay socket)" in err
    err = refused(province_cli, *[a if a != fifo else "/dev/zero" for a in args])
    assert "không phải tệp thường" in err
    err = refused(province_cli, *[a if a != fifo else tmp_path for a in args])
    assert "là một thư mục, không phải tệp" in err
    assert database_dump(province_cli.data_dir) == before


def test_database_that_is_a_folder_empty_or_another_profiles_is_refused(province_cli, cli_factory):
    other = province_cli.data_dir
    before = database_dump(other)
    cases = {
        "thu-muc": "là một thư mục, không phải tệp",
        "rong": "tệp rỗng (0 byte): hồ sơ chưa được tạo xong",
        "lien-ket": "là liên kết tới",
    }
    for name, expected in cases.items():
        cli = cli_factory(name)
        cli.data_dir.mkdir()
        database = cli.data_dir / "vstbpn.sqlite3"
        if name == "thu-muc":
            database.mkdir()
        elif name == "rong":
            database.write_bytes(b"")
        else:
            database.symlink_to(other / "vstbpn.sqlite3")
        for command in (
            ("info",),
            ("check",),
            ("init", "--org-unit", "883"),
            ("report", "pdf", "--period", "2023H1", "--out", cli.data_dir.parent / "r.pdf"),
        ):
            err = refused(cli, *command)
            assert f"error: {database}: {expected}" in err, (name, command, err)
        if name == "rong":
            assert database.stat().st_size == 0  # never turned into an empty profile
    assert database_dump(other) == before


def test_settings_typed_for_the_report_obey_the_text_rule(district, district_cli):
    from vstbpn_desktop.settings import Settings

    before = (district_cli.data_dir / "settings.json").read_bytes()
    district.settings.signer_name = "Nguyễn Thị\x07 Hoa"
    with pytest.raises(ValueError, match="cài đặt signer_name: ký tự U\\+0007 ở vị trí 11"):
        district.save_settings()
    assert (district_cli.data_dir / "settings.json").read_bytes() == before
    district.settings.signer_name = "Nguyễn Thị Hoa"
    district.settings.recipients = "Như trên;\vLưu: VT.\r\n"
    district.save_settings()
    assert Settings.load(district_cli.data_dir).recipients == "Như trên;\nLưu: VT."
