"""The window on a shared PostgreSQL database: the first-run dialog's server choice and connection
test, a second clerk attaching without a passphrase, and the window taking in what another clerk
changed without losing what this clerk is typing. Needs the test server (skips without one)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.window.first_run import FirstRunDialog
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]


def first_run(qtbot, folder, url: str, passphrase: str = ""):
    from tests.test_ui_window import type_text

    dialog = FirstRunDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.search, "an giang 89")
    type_text(qtbot, dialog.officer, "Nguyễn Văn An")
    if passphrase:
        type_text(qtbot, dialog.passphrase, passphrase)
        type_text(qtbot, dialog.confirm, passphrase)
    assert not dialog.server_box.isVisible()
    qtbot.mouseClick(dialog.shared, Qt.LeftButton)
    assert dialog.server_box.isVisible()
    type_text(qtbot, dialog.server_url, url)
    qtbot.mouseClick(dialog.server_test, Qt.LeftButton)
    return dialog


def test_the_first_clerk_sets_up_the_server_and_the_second_attaches(qtbot, tmp_path, pg_database):
    url = pg_database()
    dialog = first_run(qtbot, tmp_path / "clerk-1", url, "mật khẩu đủ dài 2023")
    assert "kết nối tốt; cơ sở dữ liệu trống" in dialog.server_result.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == FirstRunDialog.Accepted and not dialog.profile.attached
    assert dialog.profile.settings.database_url == url
    dialog.profile.close()

    second = first_run(qtbot, tmp_path / "clerk-2", url)  # no passphrase: attaching makes no key
    assert "đã có dữ liệu của đơn vị 89 — máy này sẽ gắn vào" in second.server_result.text()
    qtbot.mouseClick(second.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert second.result() == FirstRunDialog.Accepted and second.profile.attached
    second.profile.close()
    assert not (tmp_path / "clerk-2" / "keys").exists()

    third = first_run(qtbot, tmp_path / "clerk-3", url.rsplit("/", 1)[0] + "/khong_co_csdl_nay")
    assert "máy chủ chưa có cơ sở dữ liệu này" in third.server_result.text()


def test_the_window_takes_in_what_another_clerk_changed_but_never_over_typing(qtbot, tmp_path, pg_database):
    from conftest import shown_window

    url = pg_database()
    mine = Profile.create(tmp_path / "clerk-1", "89", "Nguyễn Văn An", "mật khẩu đủ dài 2023", database_url=url)
    other = Profile.create(tmp_path / "clerk-2", "89", "Lê Thị Bình", database_url=url)
    scope = Scope("89", Period(2023, 1))
    try:
        window = shown_window(qtbot, mine)
        watcher = window.others_watcher
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        editor = window.controller.narratives[0]
        section = editor.section

        # The other clerk writes a narrative of another section; this clerk is typing in hers.
        records.set_narrative(other.engine, scope, "directions", "Văn bản của thư ký khác.", other.author)
        editor.editor.text.setFocus()
        editor.editor.text.insertPlainText("Đang gõ dở")
        assert editor.dirty
        watcher.check()
        assert editor.editor.text.toPlainText() == "Đang gõ dở"  # not reloaded over her typing
        assert watcher.seen is None or watcher.seen != watcher._newest()

        editor.flush()  # saved: the next check takes the other clerk's change in
        watcher.check()
        assert records.narratives(mine.engine, scope)[section] == "Đang gõ dở"
        directions = next(n for n in window.controller.narratives if n.section == "directions")
        assert directions.editor.text.toPlainText() == "Văn bản của thư ký khác."
        assert editor.editor.text.toPlainText() == "Đang gõ dở"
    finally:
        mine.close()
        other.close()


def test_check_data_on_a_server_checks_the_connection_and_the_schema(qtbot, tmp_path, pg_database, monkeypatch):
    from conftest import shown_window

    from ui.safety import backups

    said = []
    monkeypatch.setattr(
        backups.ask,
        "tell",
        lambda parent, title, text, warning=False: said.append(("refused" if warning else "info", text)),
    )
    url = pg_database()
    profile = Profile.create(tmp_path / "clerk", "89", "Nguyễn Văn An", "mật khẩu đủ dài 2023", database_url=url)
    try:
        window = shown_window(qtbot, profile)
        assert backups.check_data(window) == []
        assert said[-1][0] == "info" and "kết nối tốt; lược đồ" in said[-1][1] and "khớp với ứng dụng" in said[-1][1]
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP INDEX ix_activity_date"))
        engine.dispose()
        assert backups.check_data(window)
        assert (
            said[-1][0] == "refused"
            and "lược đồ khác với ứng dụng" in said[-1][1]
            and "ix_activity_date" in said[-1][1]
        )
    finally:
        profile.close()


def test_a_change_stamped_earlier_than_one_already_seen_is_taken_in(qtbot, tmp_path, pg_database):
    """The other clerk's PC clock is behind (or her long import commits after a quick edit stamped
    later): her change carries an earlier time than the newest the window has seen, and still shows."""
    from conftest import shown_window
    from sqlalchemy import text

    url = pg_database()
    mine = Profile.create(tmp_path / "clerk-1", "89", "Nguyễn Văn An", "mật khẩu đủ dài 2023", database_url=url)
    other = Profile.create(tmp_path / "clerk-2", "89", "Lê Thị Bình", database_url=url)
    scope = Scope("89", Period(2023, 1))
    try:
        window = shown_window(qtbot, mine)
        watcher = window.others_watcher
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        boxes = {n.section: n.editor.text for n in window.controller.narratives}

        records.set_narrative(other.engine, scope, "directions", "Lần thứ nhất.", other.author)
        watcher.check()
        assert boxes["directions"].toPlainText() == "Lần thứ nhất."
        records.set_narrative(other.engine, scope, "difficulties", "Máy của chị chậm giờ.", other.author)
        with other.engine.begin() as connection:  # stamped an hour before the change already seen
            connection.execute(
                text(
                    "UPDATE audit_event SET at = (SELECT min(at) FROM audit_event) - interval '1 hour' "
                    "WHERE after LIKE '%chậm giờ%'"
                )
            )
        watcher.check()
        assert boxes["difficulties"].toPlainText() == "Máy của chị chậm giờ."
    finally:
        mine.close()
        other.close()
