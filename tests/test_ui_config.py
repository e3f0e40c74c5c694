"""Issue 15 item 5: the province's configuration in the window. The province imports its catalogue
file and writes the signed file (Gửi cấu hình…); the district sees what it changes before applying,
applies it, finds the new indicator in its grid, and the dialog lists what was received and when."""

import json

import pytest
from conftest import PASSPHRASE, PROVINCE_INDICATOR, ok, shown_window

from ui.bundle import config as ui_config
from ui.common import ask as common
from vstbpn_desktop.profile import Profile

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
CATALOGUE = {
    "indicators": [PROVINCE_INDICATOR],
    "targets": [
        {"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 30, "decision": "Quyết định số 238/QĐ-UBND"}
    ],
}


@pytest.fixture
def units(steered):
    province, district = steered
    ok(province, "period", "deadline", "--period", "2023H1", "--date", "2023-06-20")
    return province, district


def test_send_and_receive_a_configuration_in_the_window(qtbot, units, tmp_path, monkeypatch, told):
    province, district = units
    path = tmp_path / "ag.json"
    path.write_text(json.dumps(CATALOGUE, ensure_ascii=False), encoding="utf-8")
    questions = []

    def confirm(parent, title, text, yes_text):
        questions.append(text)
        return True

    monkeypatch.setattr(common, "confirm", confirm)
    monkeypatch.setattr(common, "ask_save_file", lambda parent, title, default, f: tmp_path / "c1.vstc")
    monkeypatch.setattr(common, "ask_passphrase", lambda parent, title, label: PASSPHRASE)

    profile = Profile.open(province.data_dir)
    window = shown_window(qtbot, profile)
    try:
        assert window.findChild(type(window.menus["children"].actions()[0]), "actionSendConfig") is not None
        dialog = ui_config.open_send(window)
        assert "Hạn nộp báo cáo: 2023H1: 20/06/2023" in dialog.summary.toPlainText()
        assert dialog.import_catalogue(path)
        assert "AG_SHELTERS" in window.pages["violence"].inputs  # the province enters its own indicator too
        assert "thêm chỉ tiêu AG_SHELTERS: Số địa chỉ tin cậy ở cộng đồng" in questions[-1]
        summary = dialog.summary.toPlainText()
        assert "AG_SHELTERS: Số địa chỉ tin cậy ở cộng đồng" in summary
        assert "LEADERS_FEMALE_PCT năm 2023: 30 % theo Quyết định số 238/QĐ-UBND" in summary
        assert dialog.send() == tmp_path / "c1.vstc"
        assert "Đã ghi tệp cấu hình số" in told[-1][0] and not told[-1][1]
    finally:
        window.close()
        profile.close()

    profile = Profile.open(district.data_dir)
    window = shown_window(qtbot, profile)
    try:
        assert window.findChild(type(window.menus["file"].actions()[0]), "actionConfigReceived") is not None
        dialog = ui_config.open_received(window)
        assert dialog.table.rowCount() == 0 and "Chưa nhận" in dialog.changes.toPlainText()
        # A report renamed .vstc: refused in one message, nothing applied.
        (tmp_path / "wrong.vstc").write_bytes(b"PK\x03\x04 not a zip")
        assert not dialog.receive(tmp_path / "wrong.vstc")
        assert told[-1][1] and "wrong.vstc" in told[-1][0]
        assert dialog.receive(tmp_path / "c1.vstc")
        assert "hạn nộp báo cáo kỳ 2023H1: 20/06/2023" in questions[-1]
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "Tỉnh An Giang (89)"
        assert "thêm chỉ tiêu AG_SHELTERS" in dialog.changes.toPlainText()
        assert "2023H1: 20/06/2023" in dialog.deadlines.text()
        grid = window.controller.grid.model
        codes = [grid.index(row, grid.CODE).data() for row in range(grid.rowCount())]
        assert "AG_SHELTERS" in codes
        # The same file again: refused as a replay, the list unchanged.
        assert not dialog.receive(tmp_path / "c1.vstc")
        assert "chỉ áp dụng một lần" in told[-1][0] and dialog.table.rowCount() == 1
    finally:
        window.close()
        profile.close()
