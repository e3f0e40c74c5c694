"""The window's side of returning a report for correction: the receive dialog shows a resubmission's
audit summary; the province returns a report for correction; the district sees the reason in a banner."""

import pytest
from conftest import PASSPHRASE, ok, shown_window

from ui.bundle import correction
from ui.common import ask
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, set_indicator_values

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period.parse("2023H1")
REASON = "Thiếu số liệu lãnh đạo nữ; kiểm tra lại"


def make_window(qtbot, cli):
    profile = Profile.open(cli.data_dir)
    return shown_window(qtbot, profile), profile


def test_receive_dialog_shows_the_audit_summary(qtbot, pair, tmp_path, told):
    district, province = pair
    ok(district, "reopen", "--period", "2023H1", "--reason", "Bổ sung số liệu lãnh đạo")
    profile = Profile.open(district.data_dir)
    try:
        set_indicator_values(
            profile.engine,
            Scope("883", H1),
            {"LEADERS_TOTAL": 230, "LEADERS_FEMALE": 50, "HOTLINE_CONTACTS": 17},
            profile.author,
        )
    finally:
        profile.close()
    ok(district, "submit", "--period", "2023H1")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")
    window, profile = make_window(qtbot, province)
    try:
        dialog = window.bundle_receiver.receive_files([tmp_path / "second.vstb"])
        details = dialog.details.toPlainText()
        assert "Thay đổi từ lần gửi trước (" in details and "): 3 sửa, 0 thêm, 0 xóa" in details
        assert "lý do: Bổ sung số liệu lãnh đạo" in details
        dialog.close()
    finally:
        window.close()
        profile.close()


def test_return_from_the_window_and_the_district_banner(qtbot, pair, tmp_path, told, monkeypatch):
    district, province = pair
    answer = tmp_path / "tra-lai.vstb"
    monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: answer)
    monkeypatch.setattr(ask, "ask_passphrase", lambda parent, title, label: PASSPHRASE)
    seen = {}

    def drive(dialog):
        seen["children"] = [dialog.child.itemText(i) for i in range(dialog.child.count())]
        dialog.accept()  # no reason yet: refused in the dialog, stays open
        seen["error"] = dialog.error.text()
        dialog.reason.setPlainText(REASON)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ask, "run_dialog", drive)
    window, profile = make_window(qtbot, province)
    try:
        action = window.findChild(type(window.menus["children"].actions()[0]), "actionReturnReport")
        assert action is not None and action.text() == "Trả lại để sửa…"
        assert correction.return_report(window) == answer
    finally:
        window.close()
        profile.close()
    assert seen["children"] == ["Thành phố Long Xuyên (883)"]
    assert seen["error"] == "Chưa trả lại: cần ghi lý do trả lại."
    assert answer.is_file() and REASON in told[-1][0] and not told[-1][1]
    assert "Tệp đã được mã hóa: chỉ đơn vị 883 mở được." in told[-1][0]

    # The province's reporting page marks the returned report until a newer bundle comes.
    window, profile = make_window(qtbot, province)
    try:
        window.show_page("reporting")
        page = window.pages["reporting"]
        page.refresh()
        column = page.result["periods"].index("2023H1")
        item = page.table.item(0, column)
        assert "Đã trả lại để sửa" in item.text() and item.background().color().name() == "#e1d5f0"
        assert "1 báo cáo đã trả lại để sửa, chờ gửi lại." in page.counts.text()
        window.grab().save(str(tmp_path / "reporting-returned.png"))
    finally:
        window.close()
        profile.close()

    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    window, profile = make_window(qtbot, district)
    try:
        assert window.returned_banner.isHidden()
        assert not window.lock_actions["submit"].isEnabled()  # locked before the answer
        dialog = window.bundle_receiver.receive_files([answer])
        assert "Cấp trên trả lại để sửa báo cáo kỳ 2023H1 (gói số 1); lý do: " + REASON in dialog.details.toPlainText()
        window.bundle_receiver.import_chosen(dialog, dialog.checked())
        assert dialog.entries[0].state == "imported"
        dialog.close()
        banner = window.returned_banner
        assert banner.isVisible() and REASON in banner.text() and "trả lại báo cáo kỳ 2023H1 để sửa" in banner.text()
        assert window.lock_actions["submit"].isEnabled() and not window.read_only
        window.grab().save(str(tmp_path / "returned.png"))
    finally:
        window.close()
        profile.close()
    ok(district, "submit", "--period", "2023H1")
    window, profile = make_window(qtbot, district)
    try:
        assert window.returned_banner.isHidden()
    finally:
        window.close()
        profile.close()
