"""Issue 15 items 3-4 in the window: the district enrols its parent's key, is told before sending
whether the bundle is encrypted, rotates its key in "Khóa ký của tôi", sends a sealed bundle
carrying the endorsement; the province receives it and its key list shows the rotation. Real
profiles, keys and files; only the blocking questions are answered by the test."""

from pathlib import Path

import pytest
from conftest import PASSPHRASE, shown_window
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from ui.common import ask as common
from vstbpn_desktop.bundle import sealed, trust
from vstbpn_desktop.bundle.keys import export_public, public_key_info
from vstbpn_desktop.demo import load_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class Asked:
    def __init__(self, monkeypatch):
        self.save: list[Path] = []
        self.open_files: list[list[Path]] = []
        self.labels: list[str] = []
        self.told: list[str] = []
        monkeypatch.setattr(common, "ask_save_file", lambda parent, title, default, f: self.save.pop(0))
        monkeypatch.setattr(common, "ask_open_files", lambda parent, title, f: self.open_files.pop(0))
        monkeypatch.setattr(common, "ask_passphrase", self.passphrase)
        monkeypatch.setattr(common, "tell", lambda parent, title, text, warning=False: self.told.append(text))
        monkeypatch.setattr(common, "confirm", lambda parent, title, text, yes: True)
        monkeypatch.setattr(common, "show", lambda dialog: dialog.show())
        monkeypatch.setattr(common, "run_dialog", self.send_anyway)  # the checklist: send as it is

    def passphrase(self, parent, title, label):
        self.labels.append(label)
        return PASSPHRASE

    @staticmethod
    def send_anyway(dialog) -> int:
        dialog.lock.setChecked(False)
        return QDialog.Accepted


def send(qtbot, asked, profile, out: Path):
    window = shown_window(qtbot, profile)
    asked.save.append(out)
    result = window.bundle_sender.send()
    text = window.bundle_sender.dialog.text.text()
    window.bundle_sender.dialog.close()
    window.close()
    return result, text


def test_district_enrols_parent_rotates_and_sends_sealed_the_province_enrols_the_new_key(
    qtbot, monkeypatch, district, province, tmp_path
):
    asked = Asked(monkeypatch)
    load_demo(district)
    export_public(district, tmp_path / "883.pub")
    trust.add(province, tmp_path / "883.pub", "883")

    # Before the parent's key is enrolled: said before sending, and the file is a plain zip.
    result, text = send(qtbot, asked, district, tmp_path / "one.vstb")
    assert "Gói sẽ KHÔNG được mã hóa" in asked.labels[-1]
    assert result.sealed_for is None and "Gói không được mã hóa" in text
    assert not sealed.is_sealed(tmp_path / "one.vstb")

    # Tệp → Đăng ký khóa của cấp trên…: the province's file, the fingerprint compared.
    export_public(province, tmp_path / "89.pub")
    window = shown_window(qtbot, district)
    window.findChild(QAction, "actionEnrolParentKey").trigger()
    dialog = window.trust_actions.dialog
    assert dialog.windowTitle() == "Đăng ký khóa của cấp trên"
    assert dialog.unit.count() == 1 and dialog.unit.currentData() == "89"
    dialog.set_file(tmp_path / "883.pub")  # its own key, not the province's: said, and refused
    wrong = "883.pub: tệp là khóa của Thành phố Long Xuyên (883), không phải của cấp trên Tỉnh An Giang (89)"
    assert dialog.message.text().startswith(wrong)
    dialog.compared.setChecked(True)
    dialog.enrol_button.click()
    assert dialog.enrolment is None and dialog.message.text().startswith(wrong) and not trust.listing(district)
    dialog.set_file(tmp_path / "89.pub")
    assert dialog.message.text() == ""
    assert not dialog.enrol_button.isEnabled()
    dialog.compared.setChecked(True)
    dialog.enrol_button.click()
    assert dialog.enrolment is not None and dialog.enrolment.encryption_key
    window.close()

    # "Khóa ký của tôi" → "Đổi khóa…": a new key, the history shown.
    old = public_key_info(district).fingerprint
    window = shown_window(qtbot, district)
    window.bundle_sender.show_key()
    own = window.bundle_sender.dialog
    assert "Gói sẽ được mã hóa: chỉ Tỉnh An Giang (89) mở được." in own.note.text()
    own.rotate_button.click()
    new = public_key_info(district).fingerprint
    assert new != old and own.rotated.new_fingerprint == new
    assert "Đổi khóa ngày" in own.history.text()
    assert own.fingerprint.text().split() == " ".join(new[i : i + 4] for i in range(0, 32, 4)).split()
    own.close()
    window.close()

    # Sending now: sealed to the province, carrying the endorsement.
    result, text = send(qtbot, asked, district, tmp_path / "two.vstb")
    assert "Gói sẽ được mã hóa: chỉ Tỉnh An Giang (89) mở được." in asked.labels[-1]
    assert "Gói đã được mã hóa: chỉ đơn vị 89 mở được." in text
    assert "Gói mang xác nhận đổi khóa" in text
    assert sealed.is_sealed(tmp_path / "two.vstb")

    # The province receives both in its window: the sealed one imports and enrols the new key.
    window = shown_window(qtbot, province)
    receive = window.bundle_receiver.receive_files([tmp_path / "two.vstb"])
    assert [entry.state for entry in receive.entries] == ["ready"]
    receive.table.setCurrentCell(0, 0)
    details = receive.details.toPlainText()
    assert "Gói được mã hóa cho đơn vị này" in details
    assert "Sẽ đăng ký khóa mới theo xác nhận đổi khóa" in details and new[:4] in details
    receive.import_button.click()
    assert [entry.state for entry in receive.entries] == ["imported"]
    receive.table.setCurrentCell(0, 0)
    assert "Đã đăng ký khóa mới theo xác nhận đổi khóa" in receive.details.toPlainText()
    receive.close()
    keys_dialog = window.trust_actions.list_keys()
    states = {
        keys_dialog.table.item(row, keys_dialog.FINGERPRINT).text().replace(" ", ""): keys_dialog.table.item(
            row, keys_dialog.STATE
        ).text()
        for row in range(keys_dialog.table.rowCount())
    }
    assert states[old] == "Đã đổi sang khóa mới từ gói số 2"
    assert states[new].startswith("Hiệu lực — khóa cũ ")
    keys_dialog.close()
    window.close()


def test_own_key_dialog_says_the_expiry_as_a_sentence_naming_its_button(qtbot, district_cli):
    """The window's warning names "Đổi khóa…" (the command line keeps `keys rotate`); soon, then past."""
    import datetime as dt

    from ui.window.main_window import MainWindow  # noqa: F401  (the window the dialog opens from)
    from vstbpn_desktop.bundle import rotation
    from vstbpn_desktop.profile import Profile

    soon = dt.date.today() + dt.timedelta(days=10)
    assert district_cli("keys", "expiry", "--date", soon.isoformat())[0] == 0
    code, _, err = district_cli("keys", "show")
    assert code == 0 and "(keys rotate)" in err  # the command line's own words
    profile = Profile.open(district_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        window.bundle_sender.show_key()
        text = window.bundle_sender.dialog.history.text()
        assert f"Khóa ký sắp hết hạn (còn 10 ngày, đến ngày {soon:%d/%m/%Y}). Hãy bấm “Đổi khóa…” bên dưới." in text
        assert "keys rotate" not in text and text.count(f"{soon:%d/%m/%Y}") == 1
        window.bundle_sender.dialog.close()
        rotation.set_expiry(profile, dt.date.today() - dt.timedelta(days=1))
        window.bundle_sender.show_key()
        text = window.bundle_sender.dialog.history.text()
        assert text.startswith("<b>Khóa ký đã hết hạn ngày ") and "keys rotate" not in text
        assert "Hãy bấm “Đổi khóa…” bên dưới trước khi gửi báo cáo." in text
        window.bundle_sender.dialog.close()
        window.close()
    finally:
        profile.close()


def test_the_key_list_shows_the_rotation_history_whole_on_a_netbook(qtbot, monkeypatch, pair, tmp_path):
    """After `keys rotate` (command line) and the next bundle imported, the province's key list on a
    1024x600 screen: every state (replaced from which bundle, endorsed by which key) fits its cell."""
    from conftest import ok
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    from ui.common import screen
    from vstbpn_desktop.profile import Profile

    district, province = pair
    ok(district, "keys", "rotate")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "rotated.vstb")
    ok(province, "bundle", "import", tmp_path / "rotated.vstb")
    monkeypatch.setattr(screen, "available", lambda widget=None: QRect(0, 0, 1024, 600))
    profile = Profile.open(province.data_dir)
    try:
        window = shown_window(qtbot, profile)
        dialog = window.trust_actions.list_keys()
        qtbot.waitExposed(dialog)
        table = dialog.table
        assert dialog.width() <= 1024 - screen.FRAME.width() and table.rowCount() == 2
        # Narrowed then widened again by the officer: the rows follow the state column's width.
        dialog.resize(600, dialog.height())
        qtbot.wait(10)
        dialog.resize(1024 - screen.FRAME.width(), dialog.height())
        qtbot.wait(10)
        states = [table.item(row, dialog.STATE).text() for row in range(2)]
        assert any(state.startswith("Đã đổi sang khóa mới từ gói số 2") for state in states)
        assert any(state.startswith("Hiệu lực — khóa cũ ") and state.endswith("… xác nhận") for state in states)
        for row in range(2):
            tallest = 0
            for column in range(table.columnCount()):
                item = table.item(row, column)
                room = QRect(0, 0, table.columnWidth(column) - 6, 10_000)  # the cell's margins
                flags = Qt.TextFlag.TextWordWrap if column == dialog.STATE else 0
                needed = QFontMetrics(item.font().resolve(table.font())).boundingRect(room, int(flags), item.text())
                assert needed.width() <= room.width() and needed.height() <= table.rowHeight(row), (row, column)
                tallest = max(tallest, needed.height())
            # Not much taller than its text either (a row sized while the column was narrow stays tall;
            # the delegate's margins may wrap one more line than measured here).
            assert table.rowHeight(row) <= 2 * tallest + 4, (row, table.rowHeight(row), tallest)
        dialog.close()
        window.close()
    finally:
        profile.close()
