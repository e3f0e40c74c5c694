"""Two imports into one profile at the same moment (two windows, or the window and the command line)
run one after the other: the second sees what the first committed. Before, both could read the
bundle ledger first and both pass the replay check, leaving the same bundle in the ledger twice (or
an older bundle current over a newer one)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import PASSPHRASE, ok

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 4


def start_import(data_dir: Path, bundle: Path) -> subprocess.Popen:
    env = os.environ | {"VSTBPN_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "bundle", "import", str(bundle)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ledger(data_dir: Path) -> list[tuple]:
    connection = sqlite3.connect(data_dir / "vstbpn.sqlite3")
    try:
        return connection.execute(
            "SELECT sender_org_unit, period, sequence, current FROM bundle_ledger ORDER BY sequence, current"
        ).fetchall()
    finally:
        connection.close()


def test_the_same_bundle_imported_twice_at_once_lands_once(sender_and_parent, tmp_path):
    district, province = sender_and_parent
    bundle = tmp_path / "883-2023H1.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    pristine = tmp_path / "pristine.sqlite3"
    province_db = province.data_dir / "vstbpn.sqlite3"
    source = sqlite3.connect(province_db)
    target = sqlite3.connect(pristine)
    source.backup(target)
    source.close()
    target.close()
    for _ in range(ROUNDS):
        restored = sqlite3.connect(province_db)  # the province before the bundle, each round
        held = sqlite3.connect(pristine)
        held.backup(restored)
        held.close()
        restored.close()
        first, second = start_import(province.data_dir, bundle), start_import(province.data_dir, bundle)
        outputs = [process.communicate(timeout=120) + (process.returncode,) for process in (first, second)]
        assert [code for _, _, code in outputs] == [0, 0], outputs
        said = sorted("Đã nhập dữ liệu" in out for out, _, _ in outputs)
        assert said == [False, True], outputs  # one imported; the other found it already held
        assert any("Gói này đã nhận ngày" in out for out, _, _ in outputs), outputs
        assert ledger(province.data_dir) == [("883", "2023H1", 1, 1)]
