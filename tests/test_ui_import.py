"""Tệp → Nhập từ Excel/CSV… and Tải mẫu Excel… through the window's logic: the template written,
filled as an officer would, imported through the worker; the tables reloaded; a bad file refused
whole with its message shown and nothing changed."""

from datetime import datetime

import openpyxl
import pytest
from conftest import shown_window

from ui.common import ask
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period(2023, 1)


@pytest.fixture
def window(qtbot, district):
    window = shown_window(qtbot, district)
    yield window
    window.close()


def filled_template(window, monkeypatch, tmp_path, rows):
    template = tmp_path / "mau"  # no suffix typed: .xlsx added
    monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: template)
    written = window.table_files.save_template()
    assert written == tmp_path / "mau.xlsx" and written.is_file()
    workbook = openpyxl.load_workbook(written)
    for row in rows:
        workbook["activities"].append(row)
    filled = tmp_path / "da-dien.xlsx"
    workbook.save(filled)
    return filled


def test_excel_import_through_the_action_imports_and_reloads(qtbot, window, district, told, monkeypatch, tmp_path):
    filled = filled_template(
        window,
        monkeypatch,
        tmp_path,
        [
            [datetime(2023, 3, 8), "training", "Tập huấn bình đẳng giới", 2, 100, 60, "Long Xuyên", None],
            ["15/04/2023", "Tuyên truyền", "Nói chuyện chuyên đề", None, 50, 30, None, None],
        ],
    )
    page = window.pages["communication"]
    assert page.table.model().rowCount() == 0
    monkeypatch.setattr(ask, "ask_open_file", lambda parent, title, f: filled)
    window.findChild(type(window.menus["file"].actions()[0]), "actionImportTable").trigger()
    assert told[-1] == ("Đã nhập da-dien.xlsx (2 dòng): 2 hoạt động.", False)
    assert records.count_activities(district.engine, Scope("883", H1)) == 2
    # The window read everything again: the table and its totals show the imported rows.
    assert page.table.model().rowCount() == 2
    assert page.totals["participants"].text() == "Lượt người: 150"


def test_bad_file_is_refused_whole_and_nothing_changes(qtbot, window, district, told, monkeypatch, tmp_path):
    filled = filled_template(
        window,
        monkeypatch,
        tmp_path,
        [
            [datetime(2023, 3, 8), "training", "Tập huấn", 2, 100, 60, None, None],
            [datetime(2023, 3, 9), "training", "Tập huấn", 1, 10, 60, None, None],  # women > total
        ],
    )
    result = window.table_files.import_path(filled)
    assert result is None
    text, warning = told[-1]
    assert warning and text.startswith("Không nhập gì — dữ liệu giữ nguyên như trước.")
    assert "da-dien.xlsx" in text and "dòng 3" in text and "female_participants" in text
    assert records.count_activities(district.engine, Scope("883", H1)) == 0
