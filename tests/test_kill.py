"""Crash safety: a child process doing a large write is killed (SIGKILL) at random moments; after
each kill `integrity_check` is ok and the data holds all of the write or none of it.

The children are forked from a clean helper process (`python tests/test_kill.py --helper`) that
has imported everything but never opened the database, so a kill costs no interpreter start.
Each child reports how far it got (B: transaction begun, I: rows written, C: committed); the
parent also notes how large the database's -wal was when it pulled the trigger. Most kills land at
random moments; the 50,000-row import is killed when its -wal has reached a given size, so the kill
is known to land while the rows are being written.
"""

import csv
import gc
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")]

ROOT = Path(__file__).resolve().parent.parent
BULK_ROWS = 10_000
CSV_ROWS = 3_000
CSV_KILLS = 10
BIG_CSV_ROWS = 50_000
BUNDLE_ROWS = 5_000
BUNDLES = 4
BUNDLE_KILLS = 10
KILLS = 20


# -- the helper process -------------------------------------------------------------------------

PROTOCOL = 1  # the helper's channel to the parent; fd 1 itself goes to /dev/null (the CLI prints)


def _say(text: str) -> None:
    os.write(PROTOCOL, f"{text}\n".encode())


def _mark(letter: str) -> None:
    _say(f"mark {letter}")


def _bulk_job(data_dir: Path, batch: str) -> None:
    from vstbpn_desktop.domain.validation import validate_activity
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.records import insert_clean
    from vstbpn_desktop.safety.audit import record_bulk
    from vstbpn_desktop.storage.database import make_engine, sqlite_url

    period = Period(2023, 1)
    template = validate_activity(
        {
            "date": "2023-03-01",
            "kind": "training",
            "title": "x",
            "sessions": 2,
            "participants": 40,
            "female_participants": 25,
            "place": "Hội trường",
        },
        period,
    )
    rows = [{**template, "title": f"{batch}#{i} Tập huấn bình đẳng giới"} for i in range(BULK_ROWS)]
    engine = make_engine(sqlite_url(data_dir / "vstbpn.sqlite3"))
    _mark("B")
    with engine.begin() as connection:
        counts = insert_clean(connection, "883", "kill-test", activities=rows)
        record_bulk(connection, "import", "883", "2023H1", counts, detail={"batch": batch})
        _mark("I")
    _mark("C")


def _cli_job(data_dir: Path, argument: str) -> None:
    from vstbpn_desktop.cli import run

    args = json.loads(argument)
    _mark("B")
    code = run(["--data-dir", str(data_dir), *args])
    _mark("C" if code == 0 else f"E{code}")


def helper(data_dir: str, mode: str) -> None:
    global PROTOCOL
    PROTOCOL = os.dup(1)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    # Import everything before forking: the children start instantly.
    import vstbpn_desktop.bundle.importer  # noqa: F401 (loaded before forking)
    import vstbpn_desktop.cli  # noqa: F401 (loaded before forking)
    import vstbpn_desktop.dataio  # noqa: F401 (loaded before forking)
    from vstbpn_desktop.cli import build_parser

    build_parser()
    job = {"bulk": _bulk_job, "cli": _cli_job}[mode]
    _say("ready")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                job(Path(data_dir), line.strip())
            finally:
                os._exit(0)
        _say(f"pid {pid}")
        sys.stdin.readline()  # reap only when the parent says so: the pid is never reused before
        _, status = os.waitpid(pid, 0)
        _say(f"done {status}")


# -- the parent side ------------------------------------------------------------------------------


class Helper:
    def __init__(self, data_dir: Path, mode: str):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.data_dir, self.mode = data_dir, mode
        self.wal = Path(f"{data_dir / 'vstbpn.sqlite3'}-wal")
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--helper", str(data_dir), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: select() on the channel sees every mark not yet read
            env=env,
            cwd=ROOT,
        )
        assert self.process.stdout.readline() == b"ready\n"

    def wal_size(self) -> int:
        try:
            return self.wal.stat().st_size
        except FileNotFoundError:
            return 0

    def run(self, argument: str, kill_after: float | None, kill_at_wal: int | None = None) -> dict:
        """Start one child; kill it after `kill_after` seconds, or as soon as the -wal holds
        `kill_at_wal` bytes (both None: let it finish)."""
        wal_before = self.wal_size()
        self.process.stdin.write(argument.encode() + b"\n")
        self.process.stdin.flush()
        marks, pid, started = [], None, time.monotonic()
        while pid is None:
            line = self.process.stdout.readline().decode().split()
            if line[0] == "pid":
                pid = int(line[1])
            else:
                marks.append(line[1])
        wal_at_kill = None
        if kill_after is not None:
            time.sleep(kill_after)
        if kill_at_wal is not None:
            # Watch the -wal (and the channel, for a child that ends first) every 2 ms.
            while not (set(marks) - {"B", "I"}) and self.wal_size() < kill_at_wal:
                if select.select([self.process.stdout], [], [], 0.002)[0]:
                    marks.append(self.process.stdout.readline().decode().split()[1])
        if kill_after is not None or kill_at_wal is not None:
            wal_at_kill = self.wal_size()
            os.kill(pid, signal.SIGKILL)  # our own child, not yet reaped (a zombie at worst)
        self.process.stdin.write(b"reap\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline().decode().split()
            if line[0] == "done":
                status = int(line[1])
                break
            marks.append(line[1])
        return {
            "mode": self.mode,
            "marks": marks,
            "killed": os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL,
            "seconds": time.monotonic() - started,
            "wal_before": wal_before,
            "wal_at_kill": wal_at_kill,
            "wal_grew": wal_at_kill is not None and wal_at_kill > wal_before,
        }

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def _stage(result: dict) -> str:
    marks = result["marks"]
    if not result["killed"]:
        return "finished"
    if "C" in marks:
        return "after commit"
    if "I" in marks:
        return "during commit"
    if "B" in marks and result["mode"] == "bulk":
        return "inserting (in transaction)"
    if "B" in marks:
        return "writing (-wal growing)" if result["wal_grew"] else "reading/validating/inserting"
    return "before start"


def _integrity(database: Path) -> str:
    connection = sqlite3.connect(database)  # read-write: recovers the WAL a killed writer left
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def _query(database: Path, sql: str, *params):
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _report(name: str, stages: Counter) -> None:
    sys.stderr.write(f"\n{name}: {sum(stages.values())} runs: {dict(stages)}\n")


def _kill_times(helper: Helper, argument_for, calibrations: int = 1) -> float:
    """Run unkilled once to learn how long the job takes."""
    durations = [helper.run(argument_for(f"calibrate{i}"), None)["seconds"] for i in range(calibrations)]
    return max(durations)


def test_kill_during_bulk_insert_leaves_all_or_nothing(district):
    database = district.database_path
    district.close()
    gc.collect()  # engines the in-process CLI fixtures left behind: their connections close now
    helper = Helper(district.data_dir, "bulk")
    rng = random.Random(20230630)
    stages = Counter()
    try:
        duration = _kill_times(helper, lambda name: name)
        sys.stderr.write(f"bulk write of {BULK_ROWS} rows: {duration:.2f} s\n")
        for i in range(KILLS):
            result = helper.run(f"kill{i}", rng.uniform(0.0, duration * 1.1))
            stages[_stage(result)] += 1
            assert _integrity(database) == "ok", result
            batches = dict(
                _query(database, "SELECT substr(title, 1, instr(title, '#') - 1), count(*) FROM activity GROUP BY 1")
            )
            bulk_events = {
                json.loads(after)["batch"]
                for (after,) in _query(database, "SELECT after FROM audit_event WHERE table_name='bulk'")
            }
            assert all(count == BULK_ROWS for count in batches.values()), batches  # never part of a batch
            assert set(batches) == bulk_events  # the audit event commits with its rows
            assert (f"kill{i}" in batches) == ("C" in result["marks"] or not result["killed"] or f"kill{i}" in batches)
            if "C" in result["marks"]:
                assert f"kill{i}" in batches
            if "I" not in result["marks"]:
                assert f"kill{i}" not in batches
    finally:
        helper.close()
    _report("bulk insert_clean", stages)
    assert sum(n for s, n in stages.items() if s not in ("finished", "after commit")) >= 1


def _write_csv(path: Path, batch: str, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["date", "kind", "title", "sessions", "participants", "female_participants", "place", "notes"])
        for i in range(rows):
            writer.writerow(
                [
                    f"2023-{i % 6 + 1:02d}-{i % 28 + 1:02d}",
                    "communication",
                    f"{batch}#{i} Tuyên truyền Luật Bình đẳng giới",
                    1,
                    30,
                    18,
                    "Nhà văn hóa ấp",
                    "",
                ]
            )


def _csv_helper(district, tmp_path, rows: int):
    """The helper for `data import` of `rows`-row table files into the district (closed here), and
    the argument naming a new file whose titles all start with the batch name given."""
    district.close()
    gc.collect()
    helper = Helper(district.data_dir, "cli")

    def argument(name):
        path = tmp_path / f"{name}.csv"
        _write_csv(path, name, rows)
        return json.dumps(["data", "import", str(path)])

    return helper, argument


def _batches(database: Path) -> dict[str, int]:
    return dict(_query(database, "SELECT substr(title, 1, instr(title, '#') - 1), count(*) FROM activity GROUP BY 1"))


def _csv_kills(district, tmp_path, rows: int, kills: int, seed: int) -> Counter:
    database = district.database_path
    helper, argument = _csv_helper(district, tmp_path, rows)
    rng = random.Random(seed)
    stages = Counter()
    try:
        calibration = helper.run(argument("calibrate"), None)
        assert calibration["marks"] == ["B", "C"], calibration
        duration = calibration["seconds"]
        sys.stderr.write(f"data import of {rows} rows: {duration:.2f} s\n")
        for i in range(kills):
            # A quarter of the kills across the whole run, the rest late, where the write is.
            delay = rng.uniform(0, duration * 1.1) if i % 4 == 0 else rng.uniform(duration * 0.6, duration * 1.1)
            result = helper.run(argument(f"kill{i}"), delay)
            stages[_stage(result)] += 1
            assert _integrity(database) == "ok", result
            batches = _batches(database)
            assert all(count == rows for count in batches.values()), batches
            if "C" in result["marks"]:
                assert f"kill{i}" in batches
            if not result["wal_grew"] and "C" not in result["marks"]:
                assert f"kill{i}" not in batches
    finally:
        helper.close()
    return stages


def test_kill_during_csv_import_leaves_all_or_nothing(district, tmp_path):
    stages = _csv_kills(district, tmp_path, CSV_ROWS, CSV_KILLS, 883)
    _report(f"data import ({CSV_ROWS} rows)", stages)
    assert sum(n for s, n in stages.items() if s not in ("finished", "after commit")) >= 1


# The -wal sizes at which the 50,000-row import is killed: its single transaction spills its pages
# into the -wal as it inserts, reaching about 25 MB by the commit, so 2 MB and 12 MB are both
# well inside the write, long before the commit record (the last frame written).
BIG_CSV_KILLS_AT_WAL = (2_000_000, 12_000_000)


def test_kill_during_a_50000_row_csv_import(district, tmp_path):
    database = district.database_path
    helper, argument = _csv_helper(district, tmp_path, BIG_CSV_ROWS)
    try:
        for i, wal_bytes in enumerate(BIG_CSV_KILLS_AT_WAL):
            result = helper.run(argument(f"kill{i}"), None, kill_at_wal=wal_bytes)
            sys.stderr.write(
                f"\ndata import ({BIG_CSV_ROWS} rows): killed with the -wal at {result['wal_at_kill']:,} bytes\n"
            )
            # The kill landed mid-write: the child was inside its transaction (begun, not committed),
            # the -wal (absent before: the last connection's close checkpointed it away) held
            # at least the bytes asked for, and none of the batch became visible.
            assert result["killed"] and result["marks"] == ["B"], result
            assert result["wal_before"] == 0 and result["wal_at_kill"] >= wal_bytes, result
            assert _integrity(database) == "ok", result
            assert _batches(database) == {}, result  # nothing of the 50,000 rows, not one of them
    finally:
        helper.close()


def test_kill_during_bundle_import_leaves_all_or_nothing(cli_factory, tmp_path):
    """A province imports ever newer bundles of a district (5,000 activities each) and is killed."""
    from vstbpn_desktop.domain.validation import validate_activity
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import delete_period_data, insert_clean

    period = Period(2023, 1)
    district, province = cli_factory("district-883"), cli_factory("province-89")
    assert district("init", "--org-unit", "883", "--officer", "Trần Thị Lan")[0] == 0
    assert province("init", "--org-unit", "89", "--officer", "Nguyễn Văn An")[0] == 0
    assert district("keys", "export-public", "--out", tmp_path / "883.pub")[0] == 0
    assert province("trust", "add", tmp_path / "883.pub", "--org-unit", "883")[0] == 0
    template = validate_activity(
        {"date": "2023-04-01", "kind": "communication", "title": "x", "participants": 50, "female_participants": 30},
        period,
    )
    sizes, bundles = {}, []
    profile = Profile.open(district.data_dir)
    try:
        for k in range(1, BUNDLES + 1):
            sizes[f"b{k}"] = BUNDLE_ROWS + k
            with profile.engine.begin() as connection:
                delete_period_data(connection, "883", period)
                insert_clean(
                    connection,
                    "883",
                    "Trần Thị Lan",
                    activities=[{**template, "title": f"b{k}#{i} Tuyên truyền"} for i in range(sizes[f"b{k}"])],
                )
            bundles.append(tmp_path / f"883-2023H1-{k}.vstb")
            code, _, err = district("bundle", "export", "--period", "2023H1", "--out", bundles[-1])
            assert code == 0, err
    finally:
        profile.close()
    gc.collect()
    database = province.data_dir / "vstbpn.sqlite3"

    def held() -> tuple[dict, int | None]:
        batches = dict(
            _query(
                database,
                "SELECT substr(title, 1, instr(title, '#') - 1), count(*) FROM activity "
                "WHERE org_unit_code='883' GROUP BY 1",
            )
        )
        sequence = _query(
            database, "SELECT sequence FROM bundle_ledger WHERE sender_org_unit='883' AND period='2023H1' AND current"
        )
        return batches, (sequence[0][0] if sequence else None)

    helper = Helper(province.data_dir, "cli")
    rng = random.Random(89)
    stages = Counter()
    try:
        calibration = helper.run(json.dumps(["bundle", "import", str(bundles[0])]), None)
        assert calibration["marks"] == ["B", "C"], calibration
        duration = calibration["seconds"]
        sys.stderr.write(f"\nbundle import of {BUNDLE_ROWS} activities: {duration:.2f} s\n")
        for i in range(BUNDLE_KILLS):
            _, sequence = held()
            if sequence == BUNDLES:
                break
            target = bundles[sequence]  # the next newer bundle (sequence k is bundles[k - 1])
            # mostly before the commit, now and then past it so newer bundles land too
            delay = rng.uniform(0, duration * 1.2) if i % 3 == 0 else rng.uniform(duration * 0.4, duration * 0.95)
            result = helper.run(json.dumps(["bundle", "import", str(target)]), delay)
            stages[_stage(result)] += 1
            assert _integrity(database) == "ok", result
            batches, now_held = held()
            # exactly one whole snapshot: the bundle the ledger says is held, none of the other
            assert list(batches) == [f"b{now_held}"] and batches[f"b{now_held}"] == sizes[f"b{now_held}"], batches
            assert now_held in (sequence, sequence + 1)
            if "C" in result["marks"]:
                assert now_held == sequence + 1
    finally:
        helper.close()
    _report("bundle import", stages)
    assert sum(n for s, n in stages.items() if s not in ("finished", "after commit")) >= 1


if __name__ == "__main__" and sys.argv[1:2] == ["--helper"]:
    helper(sys.argv[2], sys.argv[3])
