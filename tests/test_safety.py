"""Backups through the backup API, rotation, restore and its refusals, check, the start-up check."""

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vstbpn_desktop.domain.validation import validate_activity
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity, count_activities, insert_clean
from vstbpn_desktop.safety.backup import (
    backup,
    backup_if_due,
    list_backups,
    rotate,
)
from vstbpn_desktop.safety.integrity import check_file
from vstbpn_desktop.safety.startup import startup_check

H1 = Period(2023, 1)
FIXTURE = Path(__file__).parent / "fixtures" / "db" / "schema-0001.sqlite3"


def _activity(engine, title="Tuyên truyền Luật Bình đẳng giới", day="2023-03-08"):
    return add_activity(
        engine,
        Scope("883", H1),
        {
            "date": day,
            "kind": "communication",
            "title": title,
            "sessions": 2,
            "participants": 80,
            "female_participants": 50,
        },
    )


def _damage(path: Path) -> None:
    """Overwrite the middle pages of a closed database with junk."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    size = path.stat().st_size
    with open(path, "r+b") as stream:
        stream.seek(4096 * 3)
        stream.write(os.urandom(min(4096 * 8, size - 4096 * 3)))


def _open_rows(path: Path, sql: str):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_backup_command_writes_a_checked_standalone_copy(district_cli, district):
    _activity(district.engine)
    code, out, err = district_cli("backup")
    assert code == 0, err
    items = list_backups(district)
    assert len(items) == 1 and items[0].reason == "manual"
    path = items[0].path
    assert path.parent == district_cli.data_dir / "backups"
    assert str(path) in out and "kiểm tra toàn vẹn: tốt" in out
    assert check_file(path) == []
    assert _open_rows(path, "PRAGMA journal_mode") == [("delete",)]  # no -wal needed beside it
    assert _open_rows(path, "SELECT title FROM activity") == [("Tuyên truyền Luật Bình đẳng giới",)]
    assert items[0].records == 1 and items[0].size == path.stat().st_size
    assert not list(path.parent.glob(".*.tmp"))

    code, out, _ = district_cli("backups")
    assert code == 0 and "1 bản ghi\tmanual\t" + path.name in out
    out_file = district_cli.data_dir.parent / "sao-lưu.sqlite3"
    code, out, err = district_cli("backup", "--out", out_file)
    assert code == 0, err
    assert check_file(out_file) == [] and _open_rows(out_file, "SELECT count(*) FROM activity") == [(1,)]
    code, _, err = district_cli("backup", "--out", district_cli.data_dir / "không-có" / "x.sqlite3")
    assert code == 1 and err.startswith("error: ") and "không-có" in err


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    today = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
    for hours in range(0, 24 * 500, 9):  # one every 9 hours for 500 days
        when = today - timedelta(hours=hours)
        (folder / f"vstbpn-{when:%Y%m%d-%H%M%S}-start.sqlite3").write_bytes(b"x")
    (folder / "mine.sqlite3").write_bytes(b"kept: not a rotated name")
    removed = rotate(folder, today)
    kept = sorted(p.name for p in folder.glob("vstbpn-*.sqlite3"))
    days = {name[7:15] for name in kept}
    months = {name[7:13] for name in kept}
    assert removed and (folder / "mine.sqlite3").exists()
    # the last 24 hours whole (3 files), newest of 7 days, 4 weeks, 12 months (overlapping)
    assert {d for d in days if d >= "20261122"} == {f"202611{d}" for d in range(22, 29)}
    assert len(months) == 12 and min(months) == "202512"
    assert len(kept) <= 3 + 7 + 4 + 12
    assert f"vstbpn-{today:%Y%m%d-%H%M%S}-start.sqlite3" in kept


def test_backups_of_the_same_second_from_two_processes_all_stay_newest_first(district, monkeypatch):
    """The window and the command line importing at once each back up first, in the same second:
    the name one of them picked may be taken by the other before its backup is in place. Before,
    the second replaced the first's backup; now it takes the next free name, and the list
    (newest first, what restore offers) follows the order they were made."""
    from vstbpn_desktop.safety import backup as module

    fixed = datetime(2026, 11, 30, 10, 0, 0, tzinfo=UTC)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return fixed

    monkeypatch.setattr(module, "datetime", Clock)
    real_stamp_name = module.stamp_name
    other = []

    def taken_right_after_the_look(folder, reason, when, suffix=".sqlite3"):
        name = real_stamp_name(folder, reason, when, suffix)
        if not other:  # the other process's backup lands on the name this one has just picked
            name.write_bytes(b"the other process's backup")
            other.append(name)
        return name

    monkeypatch.setattr(module, "stamp_name", taken_right_after_the_look)
    first = backup(district, reason="import")
    second = backup(district, reason="import")
    [taken] = other
    assert taken.name == "vstbpn-20261130-100000-import.sqlite3"
    assert taken.read_bytes() == b"the other process's backup"  # not replaced
    assert (first.path.name, second.path.name) == (
        "vstbpn-20261130-100000-import-2.sqlite3",
        "vstbpn-20261130-100000-import-3.sqlite3",
    )
    assert check_file(first.path) == [] and check_file(second.path) == []
    assert [b.path for b in list_backups(district)] == [second.path, first.path, taken]
    assert not list(first.path.parent.glob(".*.tmp"))


def test_rotation_and_the_list_pass_over_a_backup_another_process_removed(tmp_path, monkeypatch):
    """Two processes rotating at once both decide to remove the same old backup: the second finds
    it gone, and goes on (before, the import that rotated after its backup failed on it)."""
    from vstbpn_desktop.safety import backup as module

    today = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
    folders = tmp_path / "mine" / "backups", tmp_path / "alone" / "backups"
    for folder in folders:
        folder.mkdir(parents=True)
        for days in [*range(60), 800, 801]:
            (folder / f"vstbpn-{today - timedelta(days=days):%Y%m%d-%H%M%S}-start.sqlite3").write_bytes(b"x")
    gone = f"vstbpn-{today - timedelta(days=801):%Y%m%d-%H%M%S}-start.sqlite3"  # not the newest of its month
    expected = {p.name for p in rotate(folders[1], today)}  # the same folder, rotated by one process
    assert gone in expected
    real_parse = module._parse

    def removed_by_the_other_process(path):
        facts = real_parse(path)
        if path.name == gone:
            path.unlink()
        return facts

    monkeypatch.setattr(module, "_parse", removed_by_the_other_process)
    assert {p.name for p in rotate(folders[0], today)} == expected
    assert sorted(p.name for p in folders[0].iterdir()) == sorted(p.name for p in folders[1].iterdir())
    (folders[0] / gone).write_bytes(b"x")  # and once more, while the list is read
    assert [b.path.name for b in module.list_backups(tmp_path / "mine")] == [
        b.path.name for b in module.list_backups(tmp_path / "alone")
    ]


def test_backup_if_due_at_start_and_exit(district):
    assert backup_if_due(district, "start") is not None  # none yet
    assert backup_if_due(district, "start") is None  # newest is minutes old
    assert backup_if_due(district, "exit") is None  # nothing changed since
    _activity(district.engine)
    info = backup_if_due(district, "exit")
    assert info is not None and info.records == 1
    assert backup_if_due(district, "import").reason == "import"  # before an import: always
    assert len(list_backups(district)) == 3


def test_restore_brings_back_the_backup_and_keeps_the_current_state(district_cli, district):
    first = _activity(district.engine, "Hoạt động trước khi sao lưu")
    info = backup(district)
    _activity(district.engine, "Hoạt động sau khi sao lưu")
    district.close()
    code, out, err = district_cli("restore", info.path)
    assert code == 0, err
    assert "Đã khôi phục 1 bản ghi của đơn vị 883" in out
    profile = Profile.open(district_cli.data_dir)
    try:
        titles = [r[0] for r in _open_rows(profile.database_path, "SELECT title FROM activity")]
        assert titles == ["Hoạt động trước khi sao lưu"]
        assert check_file(profile.database_path) == []
        safety = [b for b in list_backups(profile) if b.reason == "restore"]
        assert len(safety) == 1 and safety[0].records == 2 and str(safety[0].path) in out
        # the restored database takes writes again, with the WAL in place
        _activity(profile.engine, "Sau khi khôi phục")
        assert count_activities(profile.engine, Scope("883", H1)) == 2
        assert first.id in {r[0] for r in _open_rows(profile.database_path, "SELECT id FROM activity")}
    finally:
        profile.close()


def test_restore_refuses_bad_files_and_keeps_the_data(district_cli, district, cli_factory, tmp_path):
    _activity(district.engine)
    good = backup(district).path
    before = count_activities(district.engine, Scope("883", H1))
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))
    text = tmp_path / "ghi-chú.txt"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    empty_sqlite = tmp_path / "other.sqlite3"
    sqlite3.connect(empty_sqlite).execute("CREATE TABLE t(x)").connection.close()
    other = cli_factory("other-884")
    assert other("init", "--org-unit", "884")[0] == 0
    foreign = tmp_path / "foreign.sqlite3"
    assert other("backup", "--out", foreign)[0] == 0
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(good, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.commit()
    connection.close()
    cases = {
        junk: "không phải tệp sao lưu",
        text: "không phải tệp sao lưu",
        truncated: "bị hỏng hoặc không trọn vẹn",
        empty_sqlite: "không phải tệp sao lưu của VSTBPN",
        foreign: "thuộc hồ sơ đơn vị 884",
        newer: "phiên bản mới hơn",
        tmp_path / "missing.sqlite3": "không tìm thấy",
    }
    for path, message in cases.items():
        code, _, err = district_cli("restore", path)
        assert code == 1, path
        assert err.startswith("error: ") and message in err and path.name in err, err
    assert count_activities(district.engine, Scope("883", H1)) == before == 1
    assert [b.reason for b in list_backups(district)] == ["manual"]  # no restore happened


def test_check_reports_a_damaged_database_and_never_repairs_it(district_cli, district):
    rows = [
        validate_activity({"date": "2023-04-01", "kind": "training", "title": f"Hoạt động {i} " + "nội dung " * 20}, H1)
        for i in range(300)
    ]
    with district.engine.begin() as connection:
        insert_clean(connection, "883", "Trần Thị Lan", activities=rows)
    backup(district)
    district.close()
    assert district_cli("check")[0] == 0
    database = district_cli.data_dir / "vstbpn.sqlite3"
    _damage(database)
    damaged_bytes = database.read_bytes()
    code, out, err = district_cli("check")
    assert code == 1 and err.startswith("error: ") and "bị hỏng" in err and "restore" in err
    assert database.read_bytes() == damaged_bytes  # not "repaired"
    code, _, err = district_cli("info")
    assert code == 1 and "bị hỏng" in err

    state = startup_check(district_cli.data_dir)
    assert not state.ok and state.read_only and state.problems
    assert state.newest_good_backup is not None and state.newest_good_backup.records == 300
    code, out, err = district_cli("restore", state.newest_good_backup.path)
    assert code == 0, err
    assert "giữ lại" in out
    assert list((district_cli.data_dir / "backups").glob("damaged-*.sqlite3"))
    assert district_cli("check")[0] == 0 and startup_check(district_cli.data_dir).ok
    code, out, _ = district_cli("summary", "--period", "2023H1", "--json")
    assert code == 0 and '"activities": 300' in out


def test_startup_check_passes_a_whole_profile(district):
    state = startup_check(district)
    assert state.ok and not state.problems and state.newest_good_backup is None
