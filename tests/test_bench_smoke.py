"""The benchmark suite keeps working: bench/run.py --small builds its profiles through the app's
paths, measures every row and writes the results table. Timings are never asserted."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROWS = (
    "start to main window shown",
    "start to the period's data visible",
    "export of the 300-activity bundle",
    "import of that bundle at the province",
    "-page activity annex PDF",
    "first screen of the 300-activity list",
    "scroll to the end",
    "filter by text",
    "peak memory with the 300 activities open in the window",
    "a typical district half-year bundle",
    "longest event-loop stall: import of 300 activities in the window",
    "longest event-loop stall: sending them as a bundle",
    "longest event-loop stall: the report PDF with its activity annex",
)


@pytest.mark.slow
def test_small_run_writes_every_row(tmp_path):
    out = tmp_path / "RESULTS.md"
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--small",
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
            "--extra-notes",
            "",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| path")]
    for label in ROWS:
        row = next((line for line in table if label in line), None)
        assert row is not None, f"row '{label}' missing:\n{text}"
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert re.match(r"^\+?\d+(\.\d+)? (s|ms|MB|KB)$", cells[1]), row  # a measured figure
        assert cells[5] in ("yes", "**no**"), row
    for fact in ("CPU:", "Python 3", "PySide6", "SQLite", "load average"):
        assert fact in text
    # The profiles really were built through the app: 2 districts × 6 half-years of bundles at the province.
    assert "300 activities over 2 districts × 6 half-years, 12 bundles imported at the province" in text
    assert "not measured" not in text
