"""Tệp → "Chuyển sang đơn vị sau sáp nhập…" (ui/window/move.py): the profile of district 883 (Thành phố
Long Xuyên, 2023 tree) moved from the window to a ward of the 2025 tree, compared with the command line's
`profile move` on a copy; a refusal; where the item shows."""

import json
import shutil

import pytest
from conftest import Cli, dump, ok, shown_window
from PySide6.QtWidgets import QApplication, QDialog

from ui.common import ask
from ui.window.main_window import MainWindow
from ui.window.move import CodeRole
from vstbpn_desktop.profile import Profile

# The window opened again on the moved profile is placed anew (window_state.restore): offscreen Qt says it cannot.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
TABLES = ("meta", "activity", "document", "indicator_value", "narrative", "org_unit", "trusted_key", "bundle_ledger")


def action(window, name: str):
    return next((a for a in window.menus["file"].actions() if a.objectName() == name), None)


def shown_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def answer_dialog(monkeypatch, code: str | None, seen: dict) -> None:
    """The move dialog answered by choosing `code` (None: its first choice); what it showed kept in `seen`."""

    def run(dialog):
        seen["codes"] = [dialog.choices.item(i).data(CodeRole) for i in range(dialog.choices.count())]
        seen["texts"] = [dialog.choices.item(i).text() for i in range(dialog.choices.count())]
        seen["size"] = (dialog.width(), dialog.height())
        if code is not None:
            dialog.choices.setCurrentRow(seen["codes"].index(code))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ask, "run_dialog", run)

    def confirm(parent, title, text, yes_text):
        seen["confirm"] = text
        return True

    monkeypatch.setattr(ask, "confirm", confirm)


def test_a_district_moves_to_a_ward_from_the_window_as_the_command_line_moves_it(
    qtbot, district_demo_cli, tmp_path, monkeypatch, told
):
    copy = Cli(tmp_path / "by-cli", district_demo_cli.capsys)
    shutil.copytree(district_demo_cli.data_dir, copy.data_dir)
    profile = Profile.open(district_demo_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        item = action(window, "actionMoveProfile")
        assert item is not None and item.isVisible() and item.isEnabled()
        assert action(window, "actionReceiveBundles") is not None  # a district receives its communes' bundles
        seen: dict = {}
        answer_dialog(monkeypatch, "30292", seen)
        item.trigger()
        # The main successor (the new province: districts are abolished) first, then the wards that took
        # Long Xuyên's area, each with what it took.
        assert seen["codes"] == ["91", "30307", "30292", "30301", "30313"]
        assert seen["texts"][0].startswith("Tỉnh An Giang (91) — đơn vị kế tục chính")
        assert seen["texts"][2] == ("Phường Bình Đức (30292) — nhận phường Bình Khánh, phường Bình Đức, xã Mỹ Khánh")
        assert "Chuyển hồ sơ của Thành phố Long Xuyên sang Phường Bình Đức (30292)?" in seen["confirm"]
        (reopened,) = shown_windows()
        qtbot.addWidget(reopened)
        assert reopened is not window and not window.isVisible()
        assert "<b>Phường Bình Đức</b> (30292)" in reopened.unit_label.text()
        assert reopened.statusBar().currentMessage() == (
            "Đã chuyển hồ sơ sang Phường Bình Đức (30292); số liệu các kỳ trước vẫn thuộc Thành phố Long Xuyên (883)."
        )
        assert reopened.controller.context.scope.org_unit_code == "30292"
        assert action(reopened, "actionReceiveBundles") is None  # a ward has no units below
        done = action(reopened, "actionMoveProfile")
        assert not done.isEnabled() and done.text() == "Chuyển sang đơn vị sau sáp nhập (đã chuyển từ đơn vị 883)"
        assert told == []
    finally:
        profile.close()
    ok(copy, "profile", "move", "--to", "30292")
    # The same data as the command line's move, the same report header, and a backup before it.
    assert dump(district_demo_cli, TABLES) == dump(copy, TABLES)
    settings = [json.loads((cli.data_dir / "settings.json").read_text("utf-8")) for cli in (district_demo_cli, copy)]
    assert settings[0] == settings[1] and settings[0]["parent_body"] == "UBND PHƯỜNG BÌNH ĐỨC"
    assert len(list((district_demo_cli.data_dir / "backups").glob("*-move.sqlite3"))) == 1
    info = json.loads(ok(district_demo_cli, "info", "--json"))
    assert (info["org_unit"], info["org_unit_name"]) == ("30292", "Phường Bình Đức")


def test_a_profile_moved_meanwhile_is_refused_with_one_message_and_nothing_changes(
    qtbot, district_cli, monkeypatch, told
):
    profile = Profile.open(district_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        window.damaged_reason = "cơ sở dữ liệu bị hỏng"  # as the start-up check leaves it (ui/safety/startup.py)
        action(window, "actionMoveProfile").trigger()
        assert told == [
            ("Cơ sở dữ liệu bị hỏng: khôi phục bản sao lưu còn tốt trước khi chuyển hồ sơ sang đơn vị mới.", True)
        ]
        told.clear()
        window.damaged_reason = None
        # Another clerk of a shared database, or the command line, moved it while the window was open.
        ok(Cli(district_cli.data_dir, district_cli.capsys), "profile", "move", "--to", "91")
        before = dump(district_cli, TABLES)
        answer_dialog(monkeypatch, "30313", {})
        action(window, "actionMoveProfile").trigger()
        assert told == [
            ("hồ sơ của đơn vị 91 thuộc danh mục an-giang-2025, không phải an-giang-2023: không có gì để chuyển", True)
        ]
        assert shown_windows() == [window]  # not opened again
        assert dump(district_cli, TABLES) == before
    finally:
        profile.close()


def test_the_item_is_hidden_for_a_unit_of_the_2025_tree(qtbot, cli_factory):
    cli = cli_factory("binh-duc")
    ok(cli, "init", "--org-unit", "30292", "--tree", "an-giang-2025")
    profile = Profile.open(cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        assert action(window, "actionMoveProfile") is None
    finally:
        profile.close()
