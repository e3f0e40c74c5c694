"""Công cụ → Cài đặt…: saved to settings.json (read back from disk), refused in Vietnamese when wrong."""

import json

import pytest
from PySide6.QtWidgets import QDialog

from ui.app import open_window
from ui.common import ask
from ui.window.settings import SettingsDialog, open_settings
from vstbpn_desktop.settings import Settings

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def on_disk(profile) -> dict:
    return json.loads((profile.data_dir / "settings.json").read_text(encoding="utf-8"))


def test_settings_dialog_refuses_empty_required_fields_and_a_bad_database_url(qtbot, district):
    before = on_disk(district)
    dialog = SettingsDialog(district)
    qtbot.addWidget(dialog)
    assert dialog.fields["officer_name"].text() == "Trần Thị Lan"
    assert dialog.fields["place_name"].text() == before["place_name"]
    dialog.fields["officer_name"].setText("   ")
    dialog.database_url.setText("không phải địa chỉ")
    dialog.accept()

    assert dialog.result() != QDialog.Accepted
    error = dialog.error.text()
    assert error.startswith("Chưa lưu — ")
    assert "\u201cHọ và tên cán bộ\u201d: không được để trống" in error
    assert "\u201cĐịa chỉ cơ sở dữ liệu\u201d: \u201ckhông phải địa chỉ\u201d không phải địa chỉ hợp lệ" in error
    assert on_disk(district) == before
    assert district.settings.officer_name == "Trần Thị Lan"


def test_settings_dialog_saves_to_disk_and_the_window_follows(qtbot, district, monkeypatch):
    window = open_window(district)
    qtbot.addWidget(window)

    def fill(dialog):
        assert dialog.rounding.itemText(0).endswith("25,37 %)") and dialog.rounding.itemText(1).endswith("25,36 %)")
        dialog.fields["officer_name"].setText("Lê Thị Hồng")
        dialog.fields["officer_title"].setText("Phó Trưởng ban")
        dialog.fields["signer_name"].setText("Nguyễn Văn Bình")
        dialog.fields["place_name"].setText("Long Xuyên")
        dialog.recipients.setPlainText("UBND tỉnh;\n\n  Lưu: VT.  \n")
        dialog.rounding.setCurrentIndex(dialog.rounding.findData("truncate"))
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ask, "run_dialog", fill)
    dialog = open_settings(window)

    saved = Settings.load(district.data_dir)
    assert (saved.officer_name, saved.officer_title, saved.signer_name, saved.place_name) == (
        "Lê Thị Hồng",
        "Phó Trưởng ban",
        "Nguyễn Văn Bình",
        "Long Xuyên",
    )
    assert saved.recipients == "UBND tỉnh;\nLưu: VT."
    assert (saved.share_rounding, saved.language) == ("truncate", "en")
    assert dialog.restart_needed
    assert "có hiệu lực khi mở lại chương trình" in window.statusBar().currentMessage()
    assert window.controller.context.author == "Lê Thị Hồng"
    assert window.controller.grid.model.rounding == "truncate"
    window.close()


def test_settings_dialog_keeps_the_report_defaults(qtbot, district):
    """Ký hiệu, Kính gửi and the unreported-units note: saved, refused when the symbol is wrong."""
    dialog = SettingsDialog(district)
    qtbot.addWidget(dialog)
    assert dialog.fields["report_symbol"].text() == "BC-BVSTBPN" and dialog.unreported_note.isChecked()
    before = on_disk(district)
    dialog.fields["report_symbol"].setText("BC/UBND")
    dialog.accept()
    assert dialog.result() != QDialog.Accepted and "ký hiệu báo cáo 'BC/UBND'" in dialog.error.text()
    assert on_disk(district) == before
    dialog.fields["report_symbol"].setText("BC-UBND")
    dialog.addressees.setPlainText("- Bộ Nội vụ;\n\n Ủy ban nhân dân tỉnh An Giang.\n")
    dialog.unreported_note.setChecked(False)
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    saved = Settings.load(district.data_dir)
    assert (saved.report_symbol, saved.report_addressees, saved.unreported_note) == (
        "BC-UBND",
        "Bộ Nội vụ\nỦy ban nhân dân tỉnh An Giang",
        False,
    )
