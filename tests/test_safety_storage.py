"""Hostile storage: a full disk, a read-only folder, USB sticks and network shares, a deleted -wal."""

import gc
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope, count_activities
from vstbpn_desktop.safety.backup import list_backups
from vstbpn_desktop.safety.integrity import check_file, storage_warning
from vstbpn_desktop.safety.startup import startup_check

ROOT = Path(__file__).resolve().parent.parent
H1 = Period(2023, 1)


def _child(code: str, fsize_limit: int | None = None) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter, optionally with a file-size limit (a full disk)."""

    def limit():
        if fsize_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_limit, fsize_limit))

    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=limit,
        timeout=120,
    )


def _settle(database: Path) -> None:
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


BULK = """
    import sys
    from vstbpn_desktop.domain.validation import validate_activity
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.records import insert_clean
    from vstbpn_desktop.safety.audit import record_bulk
    from vstbpn_desktop.safety.integrity import explain_storage_error
    from vstbpn_desktop.storage.database import make_engine, sqlite_url
    clean = validate_activity({{"date": "2023-03-01", "kind": "training", "title": "Tập huấn " * 20}}, Period(2023, 1))
    engine = make_engine(sqlite_url({database!r}))
    try:
        with engine.begin() as connection:
            counts = insert_clean(connection, "883", "x", activities=[dict(clean) for _ in range({rows})])
            record_bulk(connection, "import", "883", "2023H1", counts)
    except Exception as exc:
        print("error:", explain_storage_error(exc) or repr(exc), file=sys.stderr)
        sys.exit(1)
"""


def test_disk_full_during_a_large_write_leaves_nothing_partial(district):
    database = district.database_path
    district.close()
    _settle(database)
    size = database.stat().st_size
    result = _child(BULK.format(database=str(database), rows=20_000), fsize_limit=size + 256 * 1024)
    assert result.returncode == 1, result.stderr
    assert "ổ đĩa đầy" in result.stderr and "không thay đổi gì" in result.stderr
    assert check_file(database) == []
    assert count_activities(district.engine, Scope("883", H1)) == 0
    # and with room again the same write goes through whole
    result = _child(BULK.format(database=str(database), rows=20_000))
    assert result.returncode == 0, result.stderr
    assert count_activities(district.engine, Scope("883", H1)) == 20_000


def test_disk_full_during_a_backup_leaves_no_half_file(district_cli, district):
    database = district.database_path
    district.close()
    _settle(database)
    out = district_cli.data_dir.parent / "usb" / "sao-luu.sqlite3"
    out.parent.mkdir()
    code = f"""
        import sys
        from vstbpn_desktop.cli import main
        sys.exit(main(["--data-dir", {str(district_cli.data_dir)!r}, "backup", "--out", {str(out)!r}]))
    """
    result = _child(code, fsize_limit=database.stat().st_size // 2)
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "ổ đĩa đầy" in result.stderr, (
        result.stderr
    )
    assert list(out.parent.iterdir()) == []  # no temp file, no half backup
    assert check_file(database) == []


def _read_only_folder(folder: Path):
    """Make `folder` read-only: chmod for a normal user, a read-only tmpfs mount for root."""
    if os.geteuid() != 0:
        for path in [*folder.iterdir(), folder]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        return lambda: [p.chmod(0o755 if p.is_dir() else 0o644) for p in [folder, *folder.iterdir()]]
    pytest.skip("root without mount") if subprocess.run(["which", "mount"], capture_output=True).returncode else None
    staged = folder.with_name(folder.name + "-rw")
    folder.rename(staged)
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True).returncode:
        folder.rmdir()
        staged.rename(folder)
        pytest.skip("running as root and mount is not permitted: a read-only folder cannot be simulated")
    subprocess.run(["cp", "-a", f"{staged}/.", str(folder)], check=True)
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    def undo():
        subprocess.run(["umount", str(folder)], check=True)
        folder.rmdir()
        staged.rename(folder)

    return undo


def test_read_only_folder_gives_a_clear_refusal(district_cli, district, tmp_path):
    from vstbpn_desktop.records import add_activity

    add_activity(district.engine, Scope("883", H1), {"date": "2023-03-08", "kind": "media", "title": "Phóng sự"})
    district.close()
    _settle(district.database_path)
    for leftover in ("-wal", "-shm"):
        Path(f"{district.database_path}{leftover}").unlink(missing_ok=True)
    undo = _read_only_folder(district_cli.data_dir)
    try:
        for command in (["backup"], ["submit", "--period", "2023H1"], ["check"], ["info"]):
            code, _, err = district_cli(*command)
            assert code == 1 and err.startswith("error: ") and "chỉ đọc" in err and "bị hỏng" not in err, err
        state = startup_check(district_cli.data_dir)
        assert not state.ok and "chỉ đọc" in state.problems[0] and state.newest_good_backup is None
    finally:
        undo()
    assert check_file(district.database_path) == []
    code, out, _ = district_cli("audit", "list")
    assert code == 0 and "insert\tactivity" in out and "submit" not in out


def test_removable_and_network_storage_is_warned_about(tmp_path):
    mounts = "\n".join(
        [
            "/dev/sda1 / ext4 rw,relatime 0 0",
            "/dev/sdb1 /media/lan/USB\\040KINGSTON vfat rw,nosuid 0 0",
            "//server/share /mnt/chung cifs rw 0 0",
            "server:/export /srv/nfs nfs4 rw 0 0",
            "/dev/sdc1 /media/lan/exfat exfat rw 0 0",
            "tmpfs /tmp tmpfs rw 0 0",
        ]
    )
    assert storage_warning(Path("/home/lan/vstbpn.sqlite3"), mounts) is None
    assert storage_warning(Path("/tmp/x/vstbpn.sqlite3"), mounts) is None
    usb = storage_warning(Path("/media/lan/USB KINGSTON/hoso/vstbpn.sqlite3"), mounts)
    assert usb and "ổ USB" in usb and "SQLite không an toàn" in usb
    assert "mạng" in storage_warning(Path("/mnt/chung/vstbpn.sqlite3"), mounts)
    assert "NFS" in storage_warning(Path("/srv/nfs/a/vstbpn.sqlite3"), mounts)
    assert "exFAT" in storage_warning(Path("/media/lan/exfat/vstbpn.sqlite3"), mounts)
    assert storage_warning(Path("/media/lan/USB KINGSTONX/vstbpn.sqlite3"), mounts) is None  # prefix, not mount
    # the real /proc/mounts: the test folder is on an ordinary disk or tmpfs
    assert storage_warning(tmp_path) is None


def test_a_deleted_wal_is_reported_and_loses_only_whole_transactions(district, district_cli):
    database = district.database_path
    district.close()
    gc.collect()  # the in-process CLI of the fixtures leaves engines behind: close their connections
    code = f"""
        import os
        from sqlalchemy import text
        from vstbpn_desktop.domain.validation import validate_activity
        from vstbpn_desktop.periods import Period
        from vstbpn_desktop.records import insert_clean
        from vstbpn_desktop.storage.database import make_engine, sqlite_url
        engine = make_engine(sqlite_url({str(database)!r}))
        clean = validate_activity({{"date": "2023-03-01", "kind": "training", "title": "x"}}, Period(2023, 1))
        with engine.begin() as c:
            insert_clean(c, "883", "x", activities=[{{**clean, "title": "đã chép vào tệp chính"}}] * 1)
        with engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with engine.begin() as c:
            insert_clean(c, "883", "x", activities=[{{**clean, "title": f"chỉ trong -wal {{i}}"}} for i in range(500)])
        os._exit(0)  # the program dies without closing: the last transaction lives only in the -wal
    """
    result = _child(code)
    assert result.returncode == 0, result.stderr
    wal = Path(f"{database}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    wal.unlink()  # a cleaner deletes it
    state = startup_check(district_cli.data_dir)
    assert state.ok and any("-wal" in w and "đã bị xóa" in w for w in state.warnings), state.problems
    assert district_cli("check")[0] == 0  # (the warning is shown once: opening resets the stale -shm)
    titles = [t for (t,) in sqlite3.connect(database).execute("SELECT title FROM activity").fetchall()]
    assert titles == ["đã chép vào tệp chính"]  # the lost transaction is gone whole, nothing partial
    assert check_file(database) == []
    assert list_backups(district_cli.data_dir) == []
