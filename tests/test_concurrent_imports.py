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


def test_a_bundle_landed_between_the_ledger_reads_is_already_held_not_other_content(
    sender_and_parent, tmp_path, monkeypatch
):
    """The race CI met once: the other import commits after this one has looked for the very file
    and before it looks for the bundle_id. The lookups run so that whichever sees the commit first,
    the file lookup sees it too: "already", never "đã có … với nội dung khác"."""
    from vstbpn_desktop.bundle import importer
    from vstbpn_desktop.bundle import ledger as ledger_module
    from vstbpn_desktop.profile import Profile

    district, province = sender_and_parent
    bundle = tmp_path / "883-2023H1.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    other = Profile.open(province.data_dir)  # the other window on the same file
    mine = Profile.open(province.data_dir)
    real_same_file = ledger_module.same_file
    landed = []

    def same_file_then_the_other_lands(connection, sender, manifest_sha256):
        row = real_same_file(connection, sender, manifest_sha256)
        if not landed:
            landed.append("landing")  # the other import's own lookups run the real way
            monkeypatch.setattr(ledger_module, "same_file", real_same_file)
            landed[0] = importer.import_bundle(other, bundle).status
        return row

    monkeypatch.setattr(ledger_module, "same_file", same_file_then_the_other_lands)
    try:
        result = importer.import_bundle(mine, bundle)
    finally:
        other.close()
        mine.close()
    assert landed == ["imported"]
    assert result.status == "already"
    assert ledger(province.data_dir) == [("883", "2023H1", 1, 1)]
