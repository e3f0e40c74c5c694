"""The first-run dialog: choose a unit found without diacritics, set a passphrase, get a profile."""

import json
from html import unescape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel

from ui.common import ask
from ui.window.first_run import FirstRunDialog, passphrase_strength
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

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


def test_first_run_in_a_folder_that_cannot_be_written_names_the_folder_and_lets_the_officer_stay(
    qtbot, tmp_path, monkeypatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "profile"  # cannot be made, even by root
    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    shown = []
    monkeypatch.setattr(ask, "tell", lambda parent, title, text, warning=False: shown.append((warning, text)))
    fill(qtbot, dialog, "long xuyen", "Lê Thị Mai", "mật khẩu đủ dài 2023", "mật khẩu đủ dài 2023")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert len(shown) == 1 and shown[0][0] is True  # a refusal
    assert str(folder) in shown[0][1] and "không ghi được" in shown[0][1], shown
    assert dialog.profile is None and dialog.result() != FirstRunDialog.Accepted
    assert dialog.officer.text() == "Lê Thị Mai"  # nothing typed is lost
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_passphrase_strength():
    assert passphrase_strength("1234567") == 0
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("Abcdefgh12!?xyz") == 3


# The language choice at the top of the dialog (the .qm built by the project's own script, into tmp).
from tests.test_i18n import VIETNAMESE  # noqa: E402 (beside the tests that use it)


def choose(qtbot, dialog, code: str) -> None:
    """Pick a language with the keyboard: focus the combo (Alt+N, its label's mnemonic) and press Down/Up."""
    dialog.language.setFocus()
    key = Qt.Key_Down if code == "en" else Qt.Key_Up
    qtbot.keyClick(dialog.language, key)
    assert dialog.language_code() == code


def test_first_run_language_switches_at_once_keeps_what_was_typed_and_opens_english_window(
    qtbot, tmp_path, built, language
):
    from ui.app import open_window

    language("vi")
    folder = tmp_path / "new-profile"
    dialog = FirstRunDialog(folder, translations=built)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["Tiếng Việt", "English"]
    assert dialog.language_code() == "vi" and dialog.windowTitle() == "Khởi tạo hồ sơ đơn vị"
    assert not dialog.language_note.isVisible()
    fill(qtbot, dialog, "long xuyen", "Lê Thị Mai", "mật khẩu đủ dài 2023", "mật khẩu đủ dài 2023")
    dialog.demo.setChecked(True)
    chosen = dialog.units.currentItem().data(Qt.UserRole)
    assert chosen == "883" and "(thành phố; An Giang trước 1/7/2025)" in dialog.units.currentItem().text()

    choose(qtbot, dialog, "en")
    assert dialog.windowTitle() == "Set up the unit profile"
    assert [c.text() for c in dialog.captions] == [
        "Officer's name:",
        "Position:",
        "Signing key passphrase:",
        "Repeat passphrase:",
    ]
    assert dialog.demo.text() == "Load sample data to try the program"
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Create profile"
    assert dialog.buttons.button(QDialogButtonBox.Cancel).text() == "Quit"
    assert dialog.strength.text().startswith("Passphrase strength: ")
    assert dialog.search.placeholderText().startswith("Find a unit")
    assert "(city; An Giang before 1 July 2025)" in dialog.units.currentItem().text()
    assert dialog.language_note.text() == "Printed reports always use the official Vietnamese form (Decree 30/2020)."
    assert dialog.language_note.isVisible()
    # Nothing typed or chosen is lost.
    assert (dialog.search.text(), dialog.officer.text(), dialog.officer_title.text()) == (
        "long xuyen",
        "Lê Thị Mai",
        "Chuyên viên",
    )
    assert dialog.passphrase.text() == dialog.confirm.text() == "mật khẩu đủ dài 2023"
    assert dialog.units.currentItem().data(Qt.UserRole) == chosen and dialog.demo.isChecked()
    assert all("Long Xuyên" in text for text in dialog.visible_units())
    # Every text of the dialog but the data (unit names, what was typed) and the language names.
    allowed = {"&Ngôn ngữ / Language:", "Tiếng Việt"} | {
        dialog.units.item(r).text() for r in range(dialog.units.count())
    }
    shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    shown += [dialog.windowTitle(), dialog.search.placeholderText(), dialog.officer_title.placeholderText()]
    assert [t for t in shown if VIETNAMESE.search(t) and t not in allowed and folder.name not in t] == []

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == FirstRunDialog.Accepted
    profile = dialog.profile
    assert profile.settings.language == "en"
    window = open_window(profile)
    qtbot.addWidget(window)
    assert [m.title() for m in window.menus.values()][:3] == ["&File", "&Edit", "&Period"]
    assert window.navigation.item(0).text() == "Directives and coordination"
    window.close()
    profile.close()
    from vstbpn_desktop.settings import Settings

    assert Settings.load(folder).language == "en"


def test_first_run_problems_follow_the_language_and_vietnamese_comes_back(qtbot, tmp_path, built, language):
    language("vi")
    dialog = FirstRunDialog(tmp_path / "new", translations=built)
    qtbot.addWidget(dialog)
    type_officer = "Lê Thị Mai"
    dialog.officer.setText(type_officer)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.problem.text() == "Chưa chọn đơn vị. Mật khẩu cần ít nhất 8 ký tự."
    choose(qtbot, dialog, "en")
    assert dialog.problem.text() == "No unit chosen. The passphrase needs at least 8 characters."
    choose(qtbot, dialog, "vi")
    assert dialog.windowTitle() == "Khởi tạo hồ sơ đơn vị"
    assert dialog.problem.text() == "Chưa chọn đơn vị. Mật khẩu cần ít nhất 8 ký tự."
    assert dialog.captions[0].text() == "Tên cán bộ:" and dialog.officer.text() == type_officer


def test_first_run_without_english_catalogue_stays_vietnamese_and_says_so(qtbot, tmp_path, built, language):
    language("vi")
    empty = tmp_path / "no-qm"
    empty.mkdir()
    dialog = FirstRunDialog(tmp_path / "new", translations=empty)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(1)
    assert dialog.language_code() == "vi"
    assert dialog.windowTitle() == "Khởi tạo hồ sơ đơn vị"
    assert "English translation not installed" in dialog.problem.text()


# The parent's public key pinned at first run (issue 15): chosen, compared by phone, enrolled with the profile.


def choose_parent_key(qtbot, dialog, monkeypatch, path) -> None:
    monkeypatch.setattr(ask, "ask_open_file", lambda parent, title, file_filter: path)
    qtbot.mouseClick(dialog.parent_key_choose, Qt.LeftButton)


def test_first_run_pins_the_parent_key_compared_by_phone(qtbot, tmp_path, monkeypatch, steered):
    from ui.common.fingerprint import fingerprint_lines
    from vstbpn_desktop.bundle import sealed, trust

    key = json.loads((tmp_path / "89.pub").read_text(encoding="utf-8"))
    folder = tmp_path / "new-profile"
    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, "long xuyen", "Lê Thị Mai", "mật khẩu đủ dài 2023", "mật khẩu đủ dài 2023")
    assert dialog.parent_key_file.isVisible() and not dialog.parent_key_box.isVisible()
    choose_parent_key(qtbot, dialog, monkeypatch, tmp_path / "89.pub")
    assert dialog.parent_key_box.isVisible() and dialog.parent_key_compared.isEnabled()
    assert "Tệp ghi là khóa của: <b>Tỉnh An Giang</b> (89)" in dialog.parent_key_unit.text()
    assert "color" not in dialog.parent_key_unit.text()  # no problem said
    assert dialog.parent_key_fingerprint.text() == fingerprint_lines(key["fingerprint"])
    # The fingerprint not yet compared: the profile is not made.
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "Chưa xác nhận đã so khớp dấu vân tay" in dialog.problem.text()
    assert dialog.profile is None and not Profile.exists(folder)
    qtbot.mouseClick(dialog.parent_key_compared, Qt.LeftButton)
    assert dialog.parent_key_compared.isChecked()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == FirstRunDialog.Accepted
    dialog.profile.close()

    profile = Profile.open(folder)
    try:
        [enrolment] = trust.listing(profile)
        assert (enrolment.org_unit, enrolment.fingerprint) == ("89", key["fingerprint"].replace(" ", ""))
        assert enrolment.enrolled_by == "Lê Thị Mai"
        recipient = sealed.parent_recipient(profile)  # bundles to the province are sealed from the start
        assert recipient is not None and recipient.org_unit == "89"
    finally:
        profile.close()


def test_first_run_refuses_a_key_of_another_unit_or_a_malformed_file_and_makes_nothing(
    qtbot, tmp_path, monkeypatch, steered
):
    folder = tmp_path / "new-profile"
    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, "chau doc", "Lê Thị Mai", "mật khẩu đủ dài 2023", "mật khẩu đủ dài 2023")
    # Long Xuyên's key is not the key of Châu Đốc's parent: said at once, and again on "Tạo hồ sơ".
    choose_parent_key(qtbot, dialog, monkeypatch, tmp_path / "883.pub")
    wrong = (
        "883.pub: tệp là khóa của Thành phố Long Xuyên (883), không phải của cấp trên Tỉnh An Giang (89) của đơn vị 884"
    )
    assert wrong in dialog.parent_key_unit.text()
    assert not dialog.parent_key_compared.isEnabled()  # no comparing a file that cannot be enrolled
    dialog.parent_key_compared.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert wrong in dialog.problem.text()
    # A file that is not a public key file: its reason, and no fingerprint to compare.
    bad = tmp_path / "not-a-key.pub"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    choose_parent_key(qtbot, dialog, monkeypatch, bad)
    reason = 'not-a-key.pub: không phải tệp khóa công khai (thiếu "format": "vstb-public-key")'
    assert reason in unescape(dialog.parent_key_unit.text()) and not dialog.parent_key_fingerprint.isVisible()
    assert not dialog.parent_key_compared.isChecked() and not dialog.parent_key_compared.isVisible()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert reason in dialog.problem.text()
    assert dialog.profile is None and not folder.exists()
    # "Bỏ chọn": no key, nothing in the way any more (the profile itself is not made here: slow).
    qtbot.mouseClick(dialog.parent_key_clear, Qt.LeftButton)
    assert dialog.parent_key_file.text() == "" and dialog.parent_key_path() is None and dialog.problems() == []
    assert not dialog.parent_key_box.isVisible()
    # A province has no parent: the row is not offered.
    dialog.search.setText("an giang")
    dialog.units.setCurrentRow(next(r for r, c in enumerate(dialog.choices) if c.code == "89"))
    assert not dialog.parent_key_file.isVisible() and not dialog.parent_key_choose.isVisible()
    dialog.search.setText("chau doc")
    assert dialog.parent_key_file.isVisible()


def test_a_wrong_parent_key_reaching_the_core_leaves_no_half_profile(steered, tmp_path):
    """The dialog's own check aside, Profile.create refuses the file before the key is made and
    removes all it wrote (database, settings, folder)."""
    from vstbpn_desktop.errors import Refused

    folder = tmp_path / "made-here"
    with pytest.raises(Refused, match="không phải của cấp trên Tỉnh An Giang"):
        Profile.create(folder, "884", "Lê Thị Mai", "mật khẩu đủ dài 2023", parent_key=tmp_path / "883.pub")
    assert not folder.exists()
