"""Start-up order: the parser and the window's frame come before the ORM; the frame becomes the window;
the start-up check runs on a thread while the ORM loads; the window started as an officer does."""

import ast
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import open_window, show_frame
from ui.window import window_state as safety_window_state

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess:
    """A fresh interpreter in the repository, offscreen: what a module loads shows only there."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parser_and_frame_import_no_orm_and_no_crypto():
    script = (
        "import sys; from vstbpn_desktop.cli import build_parser; "
        "build_parser().parse_known_args(['--data-dir', 'x']); "
        "import ui.app, ui.safety.crash, ui.common.i18n, ui.window.main_window, ui.window.window_state; "
        "from vstbpn_desktop.settings import profile_exists; "
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('sqlmodel', 'sqlalchemy', 'pydantic', 'cryptography', 'reportlab', 'openpyxl', 'docx', 'alembic')]; "
        "assert not heavy, heavy"
    )
    result = run_python("-c", script)
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


def start(data_dir: Path, mode: str) -> subprocess.CompletedProcess:
    return run_python("main.py", "--data-dir", str(data_dir), VSTBPN_BENCH_EXIT_AFTER=mode)


def test_the_window_starts_on_a_profile_with_data_and_shows_the_period(district_cli):
    code, _, err = district_cli("demo")
    assert code == 0, err
    for mode in ("shown", "data"):
        result = start(district_cli.data_dir, mode)
        assert result.returncode == 0, result.stderr
        assert any(line.startswith(f"VSTBPN_BENCH {mode} ") for line in result.stdout.splitlines()), result.stdout
    log = (district_cli.data_dir / "logs" / "vstbpn.log").read_text(encoding="utf-8")
    assert "Traceback" not in log


def test_a_damaged_database_is_found_by_the_threaded_check_without_the_orm(district_cli):
    code, _, err = district_cli("demo")
    assert code == 0, err
    database = district_cli.data_dir / "vstbpn.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file, which is then damaged
    connection.close()
    with open(database, "r+b") as stream:
        stream.seek(4096 * 2)
        stream.write(b"\xde\xad\xbe\xef" * 4096)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ui.app import start_check\n"
        f"state = start_check(Path({str(district_cli.data_dir)!r})).result()\n"
        "assert 'sqlalchemy' not in sys.modules, 'the check must not need the ORM'\n"
        "print('ok' if state.ok else 'damaged', state.problems[:1])\n"
    )
    result = run_python("-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("damaged"), result.stdout


def test_pyside_no_longer_reads_the_source_of_each_module_imported_after_it():
    script = (
        "import sys, inspect\n"
        "from ui.app import make_application\n"
        "app = make_application([])\n"
        "calls = []\n"
        "real = inspect.getsource\n"
        "inspect.getsource = lambda obj: calls.append(obj) or real(obj)\n"
        "import csv, json.tool, vstbpn_desktop.formats\n"
        "print(len(calls))\n"
    )
    result = run_python("-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_opening_the_window_loads_no_report_bundle_or_table_file_code(district_cli):
    """Printing, sending, receiving and table files load on first use, not at every start."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ui.app import make_application, open_window\n"
        "from vstbpn_desktop.profile import Profile\n"
        "app = make_application([])\n"
        f"window = open_window(Profile.open(Path({str(district_cli.data_dir)!r})))\n"
        "window.show(); app.processEvents()\n"
        "late = ('vstbpn_desktop.reports.content', 'vstbpn_desktop.reports.pdf',\n"
        "        'vstbpn_desktop.reports.docx', 'vstbpn_desktop.reports.xlsx',\n"
        "        'vstbpn_desktop.bundle.importer', 'vstbpn_desktop.bundle.export',\n"
        "        'vstbpn_desktop.dataio.importer', 'vstbpn_desktop.dataio.template', 'PySide6.QtPrintSupport',\n"
        "        'reportlab', 'openpyxl', 'docx', 'cryptography')\n"
        "print(sorted(m for m in late if m in sys.modules))\n"
    )
    result = run_python("-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def late_import_groups(tree: ast.AST):
    """Each run of import statements inside a function of `tree` (one group: one reason)."""
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            for field in ("body", "orelse", "finalbody"):
                statements = getattr(node, field, None)
                if not isinstance(statements, list):  # a lambda's or an if-expression's body
                    continue
                group = []
                for statement in [*statements, None]:
                    if isinstance(statement, (ast.Import, ast.ImportFrom)):
                        group.append(statement)
                    elif group:
                        yield group
                        group = []


def test_every_import_inside_a_function_of_the_window_says_why():
    """ui/ imports at the top of its modules; one inside a function is there for start-up (the
    order in ui/app.py, or heavy code loaded on first use) and says so on its line or the line
    above (docs/architecture.md, Window)."""
    silent = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for group in late_import_groups(ast.parse(text)):
            first, last = group[0].lineno, group[-1].end_lineno
            above = lines[first - 2].strip()
            if not above.startswith("#") and not any("#" in line for line in lines[first - 1 : last]):
                silent.append(f"{path.relative_to(ROOT)}:{first}: {lines[first - 1].strip()}")
    assert silent == []


def test_main_tells_the_window_from_the_command_line_without_building_the_parser():
    import main

    assert main.window_arguments([]).data_dir is None
    assert str(main.window_arguments(["--data-dir", "p"]).data_dir) == "p"
    assert str(main.window_arguments(["--data-dir=p"]).data_dir) == "p"
    for argv in (["info"], ["--data-dir", "p", "info"], ["--self-test"], ["--version"], ["-h"], ["--data-dir"]):
        assert main.window_arguments(argv) is None, argv
    result = run_python(
        "-c",
        "import sys, main; main.window_arguments(['--data-dir', 'p']); "
        "print(sorted(m for m in sys.modules if m.startswith('vstbpn_desktop')))",
    )
    assert result.returncode == 0 and result.stdout.strip() == "[]", result
