"""Checks against earlier periods in the window: a figure ten times last year's is saved, its field
turns amber with the earlier values in its tooltip, and the checklist before sending lists it."""

import pytest
from conftest import PASSPHRASE, ok, shown_window
from PySide6.QtCore import Qt
from test_ui_window import type_text

from ui.bundle import correction, send
from ui.common import ask
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_figure_out_of_line_is_saved_amber_with_its_history_and_listed_before_sending(qtbot, district):
    records.set_indicator_values(district.engine, Scope("883", Period(2023, 1)), {"HOTLINE_CONTACTS": 12})
    records.set_indicator_values(district.engine, Scope("883", Period(2023, 2)), {"HOTLINE_CONTACTS": 9})
    window = shown_window(qtbot, district, "2024H1")
    window.show_page("violence")
    field = window.pages["violence"].inputs["HOTLINE_CONTACTS"]
    assert field.styleSheet() == ""
    type_text(qtbot, field, "120")
    qtbot.keyClick(field, Qt.Key_Return)
    scope = Scope("883", Period(2024, 1))
    assert records.indicator_values(district.engine, scope)["HOTLINE_CONTACTS"] == 120  # never blocked
    assert "#b26a00" in field.styleSheet() and "#b00020" not in field.styleSheet()
    assert field.toolTip() == (
        "Cần xem lại (vẫn lưu được): Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 120 so với 12 "
        "cùng kỳ năm trước (2023H1): thay đổi quá 3 lần\nCác kỳ trước: 2023H1: 12; 2023H2: 9"
    )
    lines = [c for c in send.checklist(window) if c.text.startswith("Cần xem lại")]
    assert [(c.page, c.text) for c in lines] == [
        (
            "violence",
            "Cần xem lại: Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 120 so với 12 cùng kỳ năm trước "
            "(2023H1): thay đổi quá 3 lần",
        )
    ]
    # Typed back in line: the amber goes, and so does the checklist's line.
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, field, "15")
    assert field.styleSheet() == ""  # while typing, the saved value's flag is not shown
    qtbot.keyClick(field, Qt.Key_Return)
    assert field.styleSheet() == "" and field.toolTip() == "HOTLINE_CONTACTS"
    assert not [c for c in send.checklist(window) if c.text.startswith("Cần xem lại")]
    window.close()


def ten_times_last_year(district, tmp_path) -> None:
    """District 883 sent 2023H1 (16 hotline calls, the demo); its 2024H1, submitted and exported to
    2024.vstb, says 160."""
    profile = Profile.open(district.data_dir)
    try:
        records.set_indicator_values(profile.engine, Scope("883", Period(2024, 1)), {"HOTLINE_CONTACTS": 160})
    finally:
        profile.close()
    ok(district, "submit", "--period", "2024H1")
    ok(district, "bundle", "export", "--period", "2024H1", "--out", tmp_path / "2024.vstb")


def test_the_province_sees_the_flags_on_import_and_returns_the_report_with_them(
    qtbot, pair, tmp_path, told, monkeypatch
):
    district, province = pair
    ten_times_last_year(district, tmp_path)
    expected = (
        "Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 160 so với 16 cùng kỳ năm trước (2023H1): "
        "thay đổi quá 3 lần (Các kỳ trước: 2023H1: 16)"
    )
    profile = Profile.open(province.data_dir)
    window = shown_window(qtbot, profile, "2024H1")
    try:
        dialog = window.bundle_receiver.receive_files([tmp_path / "2024.vstb"])
        assert "Cần xem lại" not in dialog.details.toPlainText()  # not yet imported: nothing compared
        dialog.import_checked()
        (entry,) = dialog.entries
        assert entry.state == "imported" and [f.indicator for f in entry.flags] == ["HOTLINE_CONTACTS"]
        dialog.show_details(0)
        details = dialog.details.toPlainText()
        assert "Cần xem lại so với các kỳ trước:" in details and expected in details
        dialog.close()
        seen = {}

        def drive(dialog):
            seen["reason"] = dialog.reason.toPlainText()
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(ask, "run_dialog", drive)
        monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: tmp_path / "tra-lai.vstb")
        monkeypatch.setattr(ask, "ask_passphrase", lambda parent, title, label: PASSPHRASE)
        assert correction.return_report(window) == tmp_path / "tra-lai.vstb"
        assert seen["reason"] == "Cần xem lại so với các kỳ trước:\n" + expected
    finally:
        window.close()
        profile.close()
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    out = ok(district, "bundle", "import", tmp_path / "tra-lai.vstb")
    assert "Cần xem lại so với các kỳ trước:" in out and expected in out


def test_bundle_import_on_the_command_line_prints_the_flags(pair, tmp_path):
    district, province = pair
    ten_times_last_year(district, tmp_path)
    out = ok(province, "bundle", "import", tmp_path / "2024.vstb")
    assert (
        "Cần xem lại: Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 160 so với 16 cùng kỳ năm trước "
        "(2023H1): thay đổi quá 3 lần (Các kỳ trước: 2023H1: 16)"
    ) in out
