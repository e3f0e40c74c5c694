"""Start-up order: the parser and the window's frame come before the ORM; the frame becomes the window."""

import subprocess
import sys
from pathlib import Path

import pytest

from ui import safety_window_state
from ui.app import open_window, show_frame

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_parser_and_frame_import_no_orm_and_no_crypto():
    script = (
        "import sys; from vstbpn_desktop.cli import build_parser; "
        "build_parser().parse_known_args(['--data-dir', 'x']); "
        "import ui.app, ui.crash, ui.i18n, ui.main_window, ui.safety_window_state; "
        "from vstbpn_desktop.settings import profile_exists; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlmodel', 'sqlalchemy', 'pydantic', 'cryptography', 'reportlab', 'openpyxl', 'docx', 'alembic')]; "
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_frame_shown_first_becomes_the_filled_window(qtbot, qapp, district):
    # qapp, not make_application(): its font would change the window's size in later tests
    frame = show_frame(qapp, district.data_dir)
    qtbot.addWidget(frame)
    assert frame.isVisible() and getattr(frame, "controller", None) is None
    window = open_window(district, frame)
    assert window is frame
    assert window.controller.profile is district
    assert window.menus["file"].actions()  # the features installed their actions into the frame
    frame.close()


def test_the_frame_opens_at_the_remembered_size(qtbot, qapp, district):
    first = open_window(district)
    qtbot.addWidget(first)
    first.resize(first.width(), 650)  # the default is 800 high (the offscreen screen clamps the width)
    safety_window_state.save(first)
    first.close()
    frame = show_frame(qapp, district.data_dir)
    qtbot.addWidget(frame)
    assert frame.height() == 650
    frame.close()
