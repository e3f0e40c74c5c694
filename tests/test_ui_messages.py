"""Plain messages and the first-run focus, on real profiles, keys and bundles: a bundle
from a key never enrolled names its unit and offers "Đăng ký khóa…" (which really enrols, and the
file then imports); the wrong passphrase says no path; numbers inside messages are written as the
window writes numbers; a date refusal reads once; Tệp → Thoát (Ctrl+Q); first run starts in the
unit search box."""

import pytest
from conftest import PASSPHRASE, ok, shown_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from ui.common import i18n
from ui.entry.models import ActivityTableModel, refusal_text
from vstbpn_desktop import records
from vstbpn_desktop.bundle import keys, trust
from vstbpn_desktop.domain.validation import Invalid, validate_activity
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period(2023, 1)


def test_bundle_from_a_key_never_enrolled_names_the_unit_and_enrols_from_the_dialog(
    qtbot, district_cli, province_cli, tmp_path, monkeypatch
):
    from ui.common import ask

    ok(district_cli, "demo")
    ok(district_cli, "keys", "export-public", "--out", tmp_path / "883.pub")
    bundle = tmp_path / "883-2023H1-1.vstb"
    ok(district_cli, "bundle", "export", "--period", "2023H1", "--out", bundle)
    province = Profile.open(province_cli.data_dir)
    try:
        window = shown_window(qtbot, province)
        dialog = window.bundle_receiver.receive_files([bundle])
        qtbot.addWidget(dialog)
        [entry] = dialog.entries
        assert entry.state == "refused" and entry.signer is not None
        assert entry.signer.claimed_unit == "883"
        sender = dialog.table.item(0, dialog.SENDER).text()
        assert sender == "Thành phố Long Xuyên (883) — chưa xác thực"
        details = dialog.details.toPlainText()
        assert "Thành phố Long Xuyên (883)" in details and "Đăng ký khóa…" in details
        assert "trust add" not in details and "trust add" not in dialog.table.item(0, dialog.OUTCOME).text()
        assert dialog.enrol_button.isVisible() and dialog.enrol_button.isEnabled()

        opened = {}

        def officer_enrols(enrol):  # as the officer does: choose the file, compare, tick, enrol
            opened["unit"] = enrol.unit.currentData()
            opened["expected"] = enrol.expected_label.text()
            enrol.set_file(tmp_path / "883.pub")
            opened["message"] = enrol.message.text()
            enrol.compared.setChecked(True)
            enrol.enrol_button.click()
            return enrol.result()

        monkeypatch.setattr(ask, "run_dialog", officer_enrols)
        dialog.enrol_button.click()
        assert opened["unit"] == "883"  # chosen from the bundle
        assert keys.spaced(entry.signer.fingerprint) in opened["expected"]
        assert opened["message"] == ""  # the file's key is the one that signed
        assert [e.org_unit for e in trust.listing(province)] == ["883"]
        # Checked again at once: now ready, and it imports.
        assert [e.state for e in dialog.entries] == ["ready"]
        assert not dialog.enrol_button.isVisible()
        dialog.import_button.click()
        assert dialog.entries[0].state == "imported"
        assert records.count_activities(province.engine, Scope("883", H1)) > 0
        dialog.close()
        window.close()
    finally:
        province.close()


def test_a_revoked_key_is_not_offered_enrolment(qtbot, sender_and_parent, tmp_path):
    district, province_cli = sender_and_parent
    bundle = tmp_path / "b.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    province = Profile.open(province_cli.data_dir)
    try:
        [enrolled] = trust.listing(province)
        trust.revoke(province, enrolled.fingerprint)
        assert trust.unknown_signer(province, bundle) is None
        assert trust.unknown_signer(province, tmp_path / "883.pub") is None  # not a bundle at all
    finally:
        province.close()


def test_wrong_passphrase_names_no_file(district):
    with pytest.raises(Refused) as refused:
        keys.load_private_key(district, "không phải mật khẩu")
    text = i18n.message(refused.value)
    assert text == "mật khẩu khóa ký không đúng (hoặc tệp khóa bị hỏng)"
    assert str(district.data_dir) not in text
    assert keys.load_private_key(district, PASSPHRASE) is not None


@pytest.mark.parametrize(
    "code, expected", [("vi", "số nữ (1.300) lớn hơn tổng số người tham dự (1.250)"), ("en", "(1,300)")]
)
def test_numbers_inside_messages_are_written_as_the_window_writes_them(language, code, expected):
    assert language(code) == code
    with pytest.raises(Invalid) as invalid:
        validate_activity(
            {
                "date": "2023-03-01",
                "kind": "training",
                "title": "Tập huấn",
                "sessions": 1,
                "participants": 1250,
                "female_participants": 1300,
            },
            H1,
        )
    text = i18n.message(invalid.value.problems["female_participants"])
    assert expected in text and "1300" not in text and "1250" not in text


def test_a_date_refusal_names_the_date_once(district):
    with pytest.raises(Invalid) as invalid:
        validate_activity(
            {
                "date": "2026-03-15",
                "kind": "training",
                "title": "Tập huấn",
                "sessions": 1,
                "participants": 10,
                "female_participants": 5,
            },
            H1,
        )
    names = dict(zip(ActivityTableModel.COLUMNS, ["Ngày", "Loại hoạt động", "Nội dung"], strict=False))
    text = refusal_text(invalid.value, names)
    assert text.startswith("Ngày 15/03/2026 nằm ngoài kỳ 2023H1"), text
    assert "Ngày: ngày" not in text


def test_file_menu_ends_with_quit_on_ctrl_q(qtbot, district):
    window = shown_window(qtbot, district)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    actions = [a for a in window.menus["file"].actions() if not a.isSeparator()]
    quit_ = actions[-1]
    assert quit_.objectName() == "actionQuit" and quit_.text() == "Thoát"
    assert quit_.shortcut() == QKeySequence("Ctrl+Q")
    closed = []
    window.closing.connect(lambda: closed.append(True))
    qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
    assert closed == [True] and not window.isVisible()


def test_first_run_starts_in_the_unit_search_and_tab_walks_the_form(qtbot, tmp_path):
    from tests.test_ui_window import type_text
    from ui.window.first_run import FirstRunDialog

    dialog = FirstRunDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.search  # the dialog's focus, before anything is pressed
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search)
    language = dialog.language.currentIndex()
    type_text(qtbot, QApplication.focusWidget(), "long xuyen")  # typed where the focus is
    assert dialog.search.text() == "long xuyen" and dialog.language.currentIndex() == language
    assert dialog.visible_units()[0].startswith("Thành phố Long Xuyên — 883")
    assert "long xuyen" in dialog.search.placeholderText() and "Long Xuyên" in dialog.search.placeholderText()
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [dialog.units, dialog.officer, dialog.officer_title]
    dialog.reject()
    assert dialog.result() == QDialog.Rejected
