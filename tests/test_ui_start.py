"""Starting the window as an officer does (`main.py` in its own process): the frame first, the
start-up check on a thread while the ORM loads, then the period's data."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(data_dir: Path, mode: str) -> subprocess.CompletedProcess:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "VSTBPN_BENCH_EXIT_AFTER": mode}
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


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
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
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
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
