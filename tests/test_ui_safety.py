"""The window's side of "never lose a record": locked periods shown read-only, reopening with a
reason, the audit trail, backups listed and restored, a damaged database at start-up, the
exception hook and its log, the remembered window geometry, the guide and the About dialog."""

import logging
import sqlite3
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog

import ui.safety.backups
import ui.safety.lock
import ui.safety.startup
from ui.app import open_window
from ui.common import ask
from ui.safety import crash
from ui.safety.audit import AuditDialog, open_audit
from ui.safety.backups import BackupsDialog
from ui.window.about import AboutDialog, GuideDialog, guide_path
from vstbpn_desktop import __version__, records
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope
from vstbpn_desktop.safety import backup as core
from vstbpn_desktop.safety.audit import events

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

H1 = Period(2023, 1)


def activity(title: str, participants: int = 10, day: date = date(2023, 3, 8)) -> dict:
    return {
        "date": day,
        "kind": "communication",
        "title": title,
        "sessions": 1,
        "participants": participants,
        "female_participants": 0,
    }


@pytest.fixture
def window(qtbot, district):
    records.add_activity(district.engine, Scope("883", H1), activity("Tập huấn bình đẳng giới"), "Trần Thị Lan")
    window = open_window(district)
    qtbot.addWidget(window)
    window.controller.set_period("2023H1")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    window.close()


def titles(profile) -> list[str]:
    return sorted(r["title"] for r in records.activity_page(profile.engine, Scope("883", H1), 0, 100))


# -- locking -----------------------------------------------------------------------------------


def test_locking_the_period_makes_the_window_read_only_and_reopening_needs_a_reason(
    qtbot, window, district, monkeypatch
):
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text, yes: asked.append(text) or True)
    page = window.pages["communication"]
    window.show_page("communication")
    assert not window.banner.isVisible() and not window.read_only

    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)  # Kỳ báo cáo → Khóa kỳ để gửi (Ctrl+L)

    assert "Khóa kỳ 2023H1" in asked[0]
    assert window.banner.isVisible()
    assert window.banner.text().startswith("Kỳ 2023H1 đã khóa bởi Trần Thị Lan lúc ")
    assert window.read_only
    assert page.table.editTriggers() == QAbstractItemView.NoEditTriggers
    assert not page.add_action.isEnabled() and not page.delete_button.isEnabled()
    assert all(
        editor.text.isReadOnly() for p in window.pages.values() for editor in getattr(p, "narratives", {}).values()
    )
    assert all(field.isReadOnly() for field in window.pages["female_cadres"].inputs.values())
    assert not window.lock_actions["submit"].isEnabled() and window.lock_actions["reopen"].isEnabled()

    # Typing into a cell opens no editor and changes nothing; Ctrl+N adds no row.
    cell = page.table.model().index(0, 5)
    page.table.setFocus()
    page.table.setCurrentIndex(cell)
    qtbot.keyClick(page.table, Qt.Key_5)
    qtbot.keyClick(page.table, Qt.Key_Return)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key_N, Qt.ControlModifier)
    assert page.table.model().rowCount() == 1
    assert titles(district) == ["Tập huấn bình đẳng giới"]
    [row] = records.activity_page(district.engine, Scope("883", H1), 0, 10)
    assert row["participants"] == 10

    # Another period is editable; coming back shows the lock again (scope_changed).
    window.controller.set_period("2023H2")
    assert not window.banner.isVisible() and page.table.editTriggers() != QAbstractItemView.NoEditTriggers
    window.controller.set_period("2023H1")
    assert window.banner.isVisible() and window.read_only

    # Reopen: an empty reason is refused in the dialog, the period stays locked.
    def empty(dialog):
        dialog.reason.setPlainText("   ")
        dialog.accept()
        assert dialog.isVisible() or dialog.result() != QDialog.Accepted
        assert "cần ghi lý do" in dialog.error.text()
        return dialog.result()

    monkeypatch.setattr(ask, "run_dialog", empty)
    assert window.lock_actions["reopen"].trigger() is None
    assert window.read_only and window.banner.isVisible()

    def with_reason(dialog):
        dialog.reason.setPlainText("Tỉnh trả lại để sửa số liệu")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ask, "run_dialog", with_reason)
    window.lock_actions["reopen"].trigger()
    assert not window.read_only and not window.banner.isVisible()
    assert page.table.editTriggers() != QAbstractItemView.NoEditTriggers and page.add_action.isEnabled()
    reopened = [e for e in events(district.engine, period="2023H1") if e["action"] == "reopen"]
    assert [e["reason"] for e in reopened] == ["Tỉnh trả lại để sửa số liệu"]
    assert "Đã mở lại kỳ 2023H1" in window.statusBar().currentMessage()


def test_a_locked_year_makes_its_halves_read_only(qtbot, window, district):
    from vstbpn_desktop.safety.locking import submit

    submit(district.engine, Period(2023), "Trần Thị Lan")
    window.controller.set_period("2023H2")
    window.controller.set_period("2023H1")
    assert window.read_only and "Kỳ 2023 đã khóa" in window.banner.text()
    with pytest.raises(Refused):
        records.add_activity(district.engine, Scope("883", H1), activity("Không được ghi"), "x")


def test_audit_dialog_shows_who_what_and_before_after_for_the_period_and_the_selected_row(qtbot, window, district):
    page = window.pages["communication"]
    [row] = records.activity_page(district.engine, Scope("883", H1), 0, 10)
    records.update_activity(district.engine, Scope("883", H1), row["id"], {"participants": 2302})
    records.set_narrative(district.engine, Scope("883", H1), "achievements", "Kết quả tốt", "Trần Thị Lan")

    dialog = AuditDialog(district.engine, "2023H1", "883")
    qtbot.addWidget(dialog)
    rows = dialog.texts()
    assert [r[2] for r in rows] == ["Thêm", "Sửa", "Thêm"]
    assert rows[1][1] == "Trần Thị Lan" and rows[1][3] == "Hoạt động"
    assert rows[1][4] == "Tập huấn bình đẳng giới: Lượt người: 10 → 2.302"
    assert rows[2][3] == "Lời văn" and "Kết quả tốt" in rows[2][4]

    window.show_page("communication")
    page.table.setCurrentIndex(page.table.model().index(0, 2))
    per_record = open_audit(window)
    qtbot.addWidget(per_record)
    assert per_record.which.currentData() == row["id"]
    assert [r[2] for r in per_record.texts()] == ["Thêm", "Sửa"]


# -- backups -------------------------------------------------------------------------------------


def test_backup_list_shows_the_core_backup_and_restore_brings_back_earlier_data(qtbot, window, district, monkeypatch):
    earlier = core.backup(district, reason="manual")
    records.add_activity(district.engine, Scope("883", H1), activity("Thêm sau khi sao lưu"), "Trần Thị Lan")
    assert titles(district) == ["Thêm sau khi sao lưu", "Tập huấn bình đẳng giới"]

    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells[1] == "Sao lưu thủ công" and cells[3] == str(earlier.records) and cells[4] == earlier.path.name
    assert cells[2].endswith("KB")

    questions = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text, yes: questions.append(text) or True)
    facts = dialog.restore_selected()

    assert "Trước đó, chương trình tự sao lưu dữ liệu hiện tại" in questions[0]
    assert titles(district) == ["Tập huấn bình đẳng giới"]
    assert window.pages["communication"].table.model().rowCount() == 1  # the window re-read everything
    safety = [b for b in core.list_backups(district) if b.reason == "restore"]
    assert len(safety) == 1 and str(safety[0].path) == facts["safety_backup"]
    assert safety[0].records == earlier.records + 1  # the state before restoring, kept
    assert dialog.table.rowCount() == 2 and "Đã khôi phục" in dialog.message.text()
    assert "Đã khôi phục" in window.statusBar().currentMessage()
    # The window still writes after the restore (through the re-created engine).
    records.add_activity(window.controller.context.engine, Scope("883", H1), activity("Sau khôi phục"), "x")
    assert "Sau khôi phục" in titles(district)


def test_tools_and_period_menus_carry_the_safety_actions_with_shortcuts(window):
    tools = {a.text(): a.shortcut().toString() for a in window.menus["tools"].actions()}
    assert {"Sao lưu ngay", "Danh sách bản sao lưu…", "Kiểm tra dữ liệu", "Cài đặt…"} <= set(tools)
    assert tools["Cài đặt…"] == "Ctrl+,"
    period = {a.text(): a.shortcut().toString() for a in window.menus["period"].actions()}
    assert period["Khóa kỳ để gửi"] == "Ctrl+L" and "Mở lại kỳ…" in period and "Lịch sử thay đổi…" in period
    help_ = {a.text(): a.shortcut().toString() for a in window.menus["help"].actions()}
    assert help_["Hướng dẫn sử dụng"] == "F1" and "Giới thiệu" in help_


def test_check_data_reports_a_whole_database(qtbot, window, monkeypatch):
    said = []
    monkeypatch.setattr(ask, "tell", lambda parent, title, text, warning=False: said.append(text))
    assert ui.safety.backups.check_data(window) == []
    assert "dữ liệu nguyên vẹn" in said[0]


# -- start-up ------------------------------------------------------------------------------------


def damage(path: Path) -> None:
    """Junk bytes over the middle third of a real database file: table pages as well as index pages
    (one page in the middle may be an index page, which reading every row never touches)."""
    size = path.stat().st_size
    start, end = (size // 3) // 4096 * 4096, (2 * size // 3) // 4096 * 4096
    with open(path, "r+b") as stream:
        stream.seek(start)
        stream.write(b"\xde\xad\xbe\xef" * ((end - start) // 4))


@pytest.fixture
def damaged_profile(district_cli, qapp):  # qapp: the start-up question is a QMessageBox
    """A district profile with one backup (1 activity), then a second activity, then damage."""
    profile = Profile.open(district_cli.data_dir)
    records.add_activity(profile.engine, Scope("883", H1), activity("Có trong bản sao lưu"), "Trần Thị Lan")
    good = core.backup(profile, reason="manual")
    for n in range(400):  # enough pages that the middle of the file holds records
        records.add_activity(
            profile.engine, Scope("883", H1), activity(f"Hoạt động sau sao lưu số {n} " + "x" * 200), "Trần Thị Lan"
        )
    profile.close()
    database = district_cli.data_dir / "vstbpn.sqlite3"
    connection = sqlite3.connect(database)  # everything into the main file, which is then damaged
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    damage(database)
    return district_cli.data_dir, good


def test_startup_with_a_damaged_database_offers_the_newest_good_backup_and_restores_it(damaged_profile, monkeypatch):
    data_dir, good = damaged_profile
    asked = []

    def answer(box):
        asked.append((box.text(), sorted(b.text() for b in box.choices)))
        return "restore"

    monkeypatch.setattr(ui.safety.startup, "ask_damaged", answer)
    opened = ui.safety.startup.open_checked(data_dir)
    try:
        text, buttons = asked[0]
        assert text.startswith("Cơ sở dữ liệu của hồ sơ bị hỏng:")
        assert good.path.name in text and f"{good.records} bản ghi" in text
        assert buttons == ["Khôi phục bản sao lưu", "Mở chỉ để xem", "Thoát"]
        assert opened.restored["records"] == good.records
        assert titles(opened.profile) == ["Có trong bản sao lưu"]
        assert list((data_dir / "backups").glob("damaged-*.sqlite3")), "the damaged file is kept"
    finally:
        opened.profile.close()


def test_startup_read_only_refuses_a_file_too_damaged_to_read_and_names_the_restore(damaged_profile, monkeypatch):
    data_dir, _ = damaged_profile
    monkeypatch.setattr(ui.safety.startup, "ask_damaged", lambda box: "read_only")
    with pytest.raises(Refused) as refused:
        ui.safety.startup.open_checked(data_dir)
    assert "không đọc được" in str(refused.value) and "khôi phục bản sao lưu" in str(refused.value)


def test_a_damaged_database_opened_read_only_shows_the_banner_and_is_not_backed_up(qtbot, district):
    from vstbpn_desktop.safety.startup import StartupState

    opened = ui.safety.startup.Opened(
        district,
        StartupState(ok=False, problems=["malformed"]),
        damaged_reason="Cơ sở dữ liệu bị hỏng — chỉ xem, không sửa được.",
    )
    window = open_window(district)
    qtbot.addWidget(window)
    ui.safety.startup.after_show(window, opened)
    assert window.read_only and window.banner.text().startswith("Cơ sở dữ liệu bị hỏng — chỉ xem")
    window.controller.set_period("2022H2")  # a period change keeps the damage banner
    assert window.read_only and window.banner.text().startswith("Cơ sở dữ liệu bị hỏng")
    assert not window.lock_actions["submit"].isEnabled() and not window.lock_actions["reopen"].isEnabled()
    assert ui.safety.startup.at_exit(district, damaged=True) is None
    assert core.list_backups(district) == []
    window.close()


def test_startup_of_a_whole_profile_opens_without_asking_and_backs_up_once_a_day(qtbot, district_cli, monkeypatch):
    monkeypatch.setattr(ui.safety.startup, "ask_damaged", lambda box: pytest.fail("nothing to ask"))
    opened = ui.safety.startup.open_checked(district_cli.data_dir)
    try:
        window = open_window(opened.profile)
        qtbot.addWidget(window)
        first = ui.safety.startup.backup_at_start(window)
        assert first is not None and first.reason == "start"
        assert ui.safety.startup.backup_at_start(window) is None  # not due again the same day
        assert ui.safety.startup.at_exit(opened.profile) is None  # nothing changed since
        records.add_activity(opened.profile.engine, Scope("883", H1), activity("Mới"), "x")
        assert ui.safety.startup.at_exit(opened.profile).reason == "exit"
        window.close()
    finally:
        opened.profile.close()


# -- errors and logs -----------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints", r"thông điệp Qt thử nghiệm")
def test_exception_hook_logs_and_shows_a_dialog_with_copyable_details(qtbot, tmp_path):
    from PySide6.QtCore import qWarning

    crash.install(tmp_path / "profile")
    try:
        assert sys.excepthook is crash._excepthook
        try:
            raise ValueError("lỗi thử nghiệm ở bước tính tổng")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible())
        qtbot.addWidget(dialog)
        details = dialog.details.toPlainText()
        assert f"VSTBPN Desktop {__version__}" in details
        assert f"Thư mục hồ sơ: {tmp_path / 'profile'}" in details
        assert 'raise ValueError("lỗi thử nghiệm ở bước tính tổng")' in details
        assert "ValueError: lỗi thử nghiệm ở bước tính tổng" in details
        qtbot.mouseClick(dialog.copy_button, Qt.LeftButton)
        assert QGuiApplication.clipboard().text() == details
        dialog.close()

        # An exception in another thread reaches the GUI thread's dialog.
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(
            lambda: any(
                w.objectName() == "crashDialog" and w.isVisible() and "ZeroDivisionError" in w.details.toPlainText()
                for w in QApplication.topLevelWidgets()
            )
        )
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "crashDialog":
                w.close()

        qWarning("thông điệp Qt thử nghiệm")
        for handler in logging.getLogger().handlers:
            handler.flush()
    finally:
        crash.uninstall()
    assert sys.excepthook is not crash._excepthook
    log = (tmp_path / "profile" / "logs" / "vstbpn.log").read_text(encoding="utf-8")
    assert "ValueError: lỗi thử nghiệm ở bước tính tổng" in log
    assert "ZeroDivisionError" in log
    assert "WARNING qt: thông điệp Qt thử nghiệm" in log


# -- comfort -------------------------------------------------------------------------------------


def test_window_geometry_is_remembered_between_two_windows(qtbot, district):
    first = open_window(district)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800x600 and the window's minimum width is larger: only the
    # height can differ from what the window would choose by itself.
    first.resize(first.width(), 533)
    first.navigation.setCurrentRow(3)
    first.close()
    assert (district.data_dir / "window.json").exists()

    second = open_window(district)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.height() == 533
    assert second.navigation.currentRow() == 3
    second.close()


def test_guide_and_about(qtbot, district):
    assert guide_path() is not None and guide_path().name == "huong-dan-su-dung.md"
    guide = GuideDialog()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "Sao lưu" in text and "Khóa kỳ để gửi" in text and "#" not in text.splitlines()[0]

    about = AboutDialog(district)
    qtbot.addWidget(about)
    text = about.label.text()
    assert __version__ in text and str(district.data_dir) in text and str(district.database_path) in text
    assert district.schema_version() in text and "Python" in text


def test_restore_in_the_window_keeps_a_revoked_key_revoked_and_says_so(
    qtbot, province, district, tmp_path, monkeypatch
):
    from conftest import shown_window

    from vstbpn_desktop.bundle import trust
    from vstbpn_desktop.bundle.keys import export_public

    export_public(district, tmp_path / "883.pub.json")
    trust.add(province, tmp_path / "883.pub.json", "883")
    core.backup(province, reason="manual")
    trust.revoke(province, trust.listing(province)[0].fingerprint)
    window = shown_window(qtbot, province)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text, yes: True)
    assert dialog.restore_selected(core.list_backups(province)[-1]) is not None
    assert "Vẫn giữ 1 khóa đã thu hồi" in dialog.message.text(), dialog.message.text()
    assert trust.listing(province)[0].revoked_at is not None
    window.close()
