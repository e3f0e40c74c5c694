"""The first-run dialog: choose a unit found without diacritics, set a passphrase, get a profile."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

from ui.first_run import FirstRunDialog, passphrase_strength

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def fill(qtbot, dialog, search: str, officer: str, passphrase: str, confirm: str) -> None:
    from tests.test_ui_window import type_text

    type_text(qtbot, dialog.search, search)
    type_text(qtbot, dialog.officer, officer)
    type_text(qtbot, dialog.officer_title, "Chuyên viên")
    type_text(qtbot, dialog.passphrase, passphrase)
    type_text(qtbot, dialog.confirm, confirm)


def test_first_run_creates_profile_for_unit_found_without_diacritics(qtbot, tmp_path):
    folder = tmp_path / "new-profile"
    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, "long xuyen", "Lê Thị Mai", "mật khẩu đủ dài 2023", "mật khẩu đủ dài 2023")
    visible = dialog.visible_units()
    assert visible[0].startswith("Thành phố Long Xuyên — 883")
    assert all("Long Xuyên" in text for text in visible)
    assert "mạnh" in dialog.strength.text() or "khá" in dialog.strength.text()
    dialog.demo.setFocus()
    qtbot.keyClick(dialog.demo, Qt.Key_Space)
    assert dialog.demo.isChecked()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == FirstRunDialog.Accepted
    dialog.profile.close()

    profile = Profile.open(folder)
    try:
        assert profile.org_unit_code == "883"
        assert profile.settings.officer_name == "Lê Thị Mai"
        assert profile.settings.officer_title == "Chuyên viên"
        scope = Scope("883", Period(2023, 1))
        assert records.count_activities(profile.engine, scope) == 14
    finally:
        profile.close()


def test_first_run_refuses_short_or_mismatched_passphrase(qtbot, tmp_path):
    folder = tmp_path / "new-profile"
    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, "chau doc", "Lê Thị Mai", "ngan", "ngan")
    assert "quá ngắn" in dialog.strength.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "ít nhất 8 ký tự" in dialog.problem.text()
    dialog.passphrase.setText("mật khẩu dài hơn")
    dialog.confirm.setText("mật khẩu khác hẳn")
    assert "chưa khớp" in dialog.strength.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "không khớp" in dialog.problem.text()
    assert dialog.profile is None
    assert not Profile.exists(folder)


def test_passphrase_strength():
    assert passphrase_strength("1234567") == 0
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("Abcdefgh12!?xyz") == 3
