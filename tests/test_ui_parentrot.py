"""Issue 15 item 3 in the window: the province rotated its key; the district's "Cấu hình từ tỉnh"
dialog shows the province's new key among what the file changes before anything is applied, and
the key is enrolled only when the officer agrees."""

import pytest
from conftest import ok, shown_window

from ui.bundle import config as ui_config
from ui.common import ask as common
from vstbpn_desktop.profile import Profile

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_the_config_dialog_shows_the_provinces_new_key_before_applying(qtbot, steered, tmp_path, monkeypatch, told):
    province, district = steered
    out = ok(province, "keys", "rotate")
    old, new = (part.strip() for part in out.splitlines()[0].split(":", 1)[1].rstrip(".").split("→"))
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    questions, answers = [], [False, True]

    def confirm(parent, title, text, yes_text):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(common, "confirm", confirm)
    enrolled = "SELECT fingerprint FROM trusted_key WHERE org_unit_code = '89' ORDER BY fingerprint"
    before = district.query(enrolled)
    profile = Profile.open(district.data_dir)
    window = shown_window(qtbot, profile)
    try:
        dialog = ui_config.open_received(window)
        line = f"khóa ký mới của cấp trên 89: {old} → {new}"
        # Declined: shown, nothing enrolled.
        assert not dialog.receive(tmp_path / "c1.vstc")
        assert line in questions[-1] and "khóa mã hóa mới" in questions[-1]
        assert district.query(enrolled) == before and dialog.table.rowCount() == 0
        # Agreed: the new key enrolled, the line kept with the file received.
        assert dialog.receive(tmp_path / "c1.vstc")
        assert line in questions[-1]
        assert sorted(before + [(new.replace(" ", ""),)]) == district.query(enrolled)
        assert dialog.table.rowCount() == 1 and line in dialog.changes.toPlainText()
    finally:
        window.close()
        profile.close()
