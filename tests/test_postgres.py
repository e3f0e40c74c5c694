"""The province on a shared PostgreSQL database: init and attach, what a bad server or database gets,
clerks importing at the same moment, a connection lost mid-import, and the same report as SQLite.

Every test here needs the server named by VSTBPN_TEST_DATABASE_URL (`scripts/pg-test-cluster start`)
and skips, saying so, without one."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PASSPHRASE, Cli, ok
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from vstbpn_desktop.profile import Profile

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent


def dump(url: str) -> dict:
    """Every table of the database, every row, in a stable order (to compare before and after)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            names = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            ).scalars()
            return {
                name: sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"')).all())) for name in names
            }
    finally:
        engine.dispose()


def sql(url: str, *statements: str) -> list:
    """Run each statement in autocommit; the rows of each one that returns rows (None otherwise)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    results = []
    try:
        with engine.connect() as connection:
            for statement in statements:
                result = connection.execute(text(statement))
                results.append([tuple(row) for row in result] if result.returns_rows else None)
    finally:
        engine.dispose()
    return results


@pytest.fixture
def server_cli(pg_database, capsys, tmp_path):
    """`server_cli(name, url=None)`: the command line on folder `name`, init going to `url` (a new
    database when not given)."""

    def make(name: str, url: str | None = None) -> Cli:
        return Cli(tmp_path / name, capsys, url or pg_database())

    return make


# -- 1. init, attach, info ------------------------------------------------------------------------


def test_init_sets_up_an_empty_database_and_info_names_it(server_cli):
    clerk = server_cli("clerk-1")
    out = ok(clerk, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    assert "Đã tạo hồ sơ cho Tỉnh An Giang (89)" in out and "dữ liệu trên máy chủ" in out
    facts = json.loads(ok(clerk, "info", "--json"))
    assert facts["database"] == clerk.database_url and facts["database_engine"] == "postgresql"
    assert facts["org_unit"] == "89" and facts["schema_version"]
    settings = json.loads((clerk.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["database_url"] == clerk.database_url
    assert not (clerk.data_dir / "vstbpn.sqlite3").exists()
    assert list((clerk.data_dir / "keys").iterdir())  # the unit's signing key, on this PC


def test_the_migrations_build_the_models_schema_on_postgresql(pg_database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    from vstbpn_desktop.storage.database import current_revision, head_revision, make_engine, upgrade_to_head

    engine = make_engine(pg_database())
    try:
        upgrade_to_head(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            assert compare_metadata(context, SQLModel.metadata) == [], "models and migrations differ"
    finally:
        engine.dispose()


def test_a_second_clerk_attaches_and_never_recreates(server_cli, tmp_path):
    first = server_cli("clerk-1")
    ok(first, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    ok(first, "demo")
    before = dump(first.database_url)
    second = server_cli("clerk-2", first.database_url)
    environment = os.environ.pop("VSTBPN_PASSPHRASE")  # attaching makes no key: no passphrase is asked
    try:
        out = ok(second, "init", "--org-unit", "89", "--officer", "Lê Thị Bình")
    finally:
        os.environ["VSTBPN_PASSPHRASE"] = environment
    assert "Đã gắn vào cơ sở dữ liệu dùng chung của Tỉnh An Giang (89)" in out and "không tạo lại" in out
    assert dump(first.database_url) == before  # nothing re-created, nothing added
    assert not (second.data_dir / "keys").exists()
    summary_1 = ok(first, "summary", "--period", "2023H1", "--json")
    assert ok(second, "summary", "--period", "2023H1", "--json") == summary_1
    assert json.loads(ok(second, "info", "--json"))["officer"] == "Lê Thị Bình"


def test_a_password_comes_from_pgpass_never_from_settings(server_cli, pg_admin, tmp_path, monkeypatch):
    url = make_url(server_cli("unused").database_url)
    sql(pg_admin, "DROP ROLE IF EXISTS vstbpn_pw", "CREATE ROLE vstbpn_pw LOGIN PASSWORD 'bí mật:1'")
    sql(
        pg_admin,
        f'GRANT ALL ON DATABASE "{url.database}" TO vstbpn_pw',
        f'ALTER DATABASE "{url.database}" OWNER TO vstbpn_pw',
    )
    user_url = url.set(username="vstbpn_pw").render_as_string(hide_password=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    clerk = server_cli("clerk", user_url)

    code, _, err = clerk("init", "--org-unit", "89")  # no password anywhere: refused, nothing made
    assert code == 1 and "máy chủ từ chối đăng nhập" in err and str(tmp_path / "pgpass") in err, err
    assert not clerk.data_dir.exists() and dump(url.render_as_string(hide_password=False)) == {}

    code, _, err = clerk(
        "init",
        "--org-unit",
        "89",
        "--database-url",
        url.set(username="vstbpn_pw", password="x").render_as_string(hide_password=False),
    )
    assert code == 1 and "không ghi mật khẩu vào địa chỉ" in err, err

    from vstbpn_desktop.storage.server import remember_password

    path = remember_password(user_url, "sai")
    code, _, err = clerk("init", "--org-unit", "89")
    assert code == 1 and "máy chủ từ chối đăng nhập" in err, err
    remember_password(user_url, "bí mật:1")  # the window's first-run dialog writes it this way
    assert oct(path.stat().st_mode & 0o777) == "0o600" and len(path.read_text().splitlines()) == 1
    ok(clerk, "init", "--org-unit", "89")
    assert "bí mật" not in (clerk.data_dir / "settings.json").read_text(encoding="utf-8")
    assert json.loads(ok(clerk, "info", "--json"))["org_unit"] == "89"


# -- bad input: one clear message, nothing created or changed --------------------------------------


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://root@127.0.0.1/vstbpn", "cơ sở dữ liệu 'mysql' không hỗ trợ"),
        ("không phải địa chỉ", "không hợp lệ"),
        ("postgresql+psycopg://postgres@127.0.0.1", "thiếu tên máy chủ hoặc tên cơ sở dữ liệu"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/vstbpn", "không kết nối được máy chủ cơ sở dữ liệu"),
        ("postgresql+psycopg://postgres@127.0.0.1:55432/khong_co_csdl_nay", "máy chủ chưa có cơ sở dữ liệu này"),
    ],
)
def test_a_bad_url_or_a_server_that_is_down(pg_admin, capsys, tmp_path, url, said):
    if ":55432/" in url:
        url = url.replace("127.0.0.1:55432", f"{make_url(pg_admin).host}:{make_url(pg_admin).port}")
    clerk = Cli(tmp_path / "clerk", capsys)
    code, out, err = clerk("init", "--org-unit", "89", "--database-url", url)
    assert code == 1 and err.startswith("error: ") and said in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not clerk.data_dir.exists()


def test_a_database_of_another_app_another_unit_or_a_newer_schema_is_left_alone(server_cli):
    other_app = server_cli("a").database_url
    sql(other_app, "CREATE TABLE invoice (id integer primary key, total numeric)", "INSERT INTO invoice VALUES (1, 9)")
    first = server_cli("province")
    ok(first, "init", "--org-unit", "89")
    newer = server_cli("b").database_url
    ok(server_cli("c", newer), "init", "--org-unit", "883")
    sql(newer, "UPDATE alembic_version SET version_num = '0099_from_the_future'")
    cases = [
        (other_app, "89", "cơ sở dữ liệu đã có bảng của ứng dụng khác"),
        (first.database_url, "883", "cơ sở dữ liệu này là của đơn vị 89"),
        (newer, "883", "được tạo bởi phiên bản mới hơn của ứng dụng"),
    ]
    for url, unit, said in cases:
        before = dump(url)
        clerk = server_cli(f"clerk-{unit}-{len(before)}", url)
        code, _, err = clerk("init", "--org-unit", unit)
        assert code == 1 and said in err and len(err.strip().splitlines()) == 1, err
        assert dump(url) == before and not clerk.data_dir.exists()


def test_a_failed_init_leaves_the_database_empty(server_cli, monkeypatch):
    from vstbpn_desktop import profile as profile_module

    clerk = server_cli("clerk")

    def broken_key(profile, passphrase):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(profile_module, "creation_hooks", lambda: [broken_key])
    code, _, err = clerk("init", "--org-unit", "89")
    assert code == 1, err
    assert dump(clerk.database_url) == {} and not clerk.data_dir.exists()


def test_a_profile_pointing_at_a_server_that_is_down_says_so(server_cli, pg_admin):
    clerk = server_cli("clerk")
    ok(clerk, "init", "--org-unit", "89")
    settings_path = clerk.data_dir / "settings.json"
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    settings["database_url"] = make_url(settings["database_url"]).set(port=1).render_as_string(hide_password=False)
    settings_path.write_text(json.dumps(settings), encoding="utf-8")
    code, _, err = clerk("info", "--json")
    assert code == 1 and "không kết nối được máy chủ cơ sở dữ liệu" in err and "Traceback" not in err, err


# -- 2. several clerks at once -------------------------------------------------------------------


def sender(cli_of, tmp_path, province: Cli, code: str) -> Cli:
    """A district on SQLite with its sample data, its key enrolled at the province."""
    district = cli_of(f"d{code}")
    ok(district, "init", "--org-unit", code)
    ok(district, "demo")
    ok(district, "keys", "export-public", "--out", tmp_path / f"{code}.pub")
    ok(province, "trust", "add", tmp_path / f"{code}.pub", "--org-unit", code)
    return district


def two_senders(province: Cli, capsys, tmp_path) -> tuple[dict[str, Cli], dict[str, Path]]:
    """Districts 883 and 884 enrolled at the province, each with its 2023H1 bundle exported."""
    districts, bundles = {}, {}
    for code in ("883", "884"):
        districts[code] = sender(lambda name: Cli(tmp_path / name, capsys), tmp_path, province, code)
        bundles[code] = tmp_path / f"{code}.vstb"
        ok(districts[code], "bundle", "export", "--period", "2023H1", "--out", bundles[code])
    return districts, bundles


def start_import(data_dir: Path, bundle: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "bundle", "import", str(bundle)],
        cwd=ROOT,
        env=os.environ | {"VSTBPN_PASSPHRASE": PASSPHRASE},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ledger(url: str) -> list[tuple]:
    return [
        tuple(row)
        for row in sql(
            url,
            "SELECT sender_org_unit, period, sequence, current FROM bundle_ledger ORDER BY sender_org_unit, sequence",
        )[0]
    ]


def test_two_clerks_import_different_units_and_the_same_bundle_at_the_same_moment(server_cli, capsys, tmp_path):
    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    second = server_cli("clerk-2", province.database_url)
    ok(second, "init", "--org-unit", "89")
    _, bundles = two_senders(province, capsys, tmp_path)
    # Two clerks, two PCs (two profile folders), one database: each imports a different district and
    # then the other's, all four at once.
    runs = [
        start_import(province.data_dir, bundles["883"]),
        start_import(second.data_dir, bundles["884"]),
        start_import(second.data_dir, bundles["883"]),
        start_import(province.data_dir, bundles["884"]),
    ]
    outputs = [run.communicate(timeout=300) + (run.returncode,) for run in runs]
    assert [code for *_, code in outputs] == [0, 0, 0, 0], outputs
    for code in ("883", "884"):
        said = sorted(
            "Đã nhập dữ liệu" in out
            for (out, _, _), b in zip(outputs, ["883", "884", "883", "884"], strict=True)
            if b == code
        )
        assert said == [False, True], outputs  # one imported it; the other found it held
    assert ledger(province.database_url) == [("883", "2023H1", 1, True), ("884", "2023H1", 1, True)]
    figures = json.loads(ok(second, "summary", "--period", "2023H1", "--json"))
    assert sorted(figures["children"]["reported"]) == ["883", "884"]


def test_two_bundles_of_one_sender_at_once_end_with_the_newer_current(server_cli, capsys, tmp_path):
    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    district = sender(lambda name: Cli(tmp_path / name, capsys), tmp_path, province, "883")
    old, new = tmp_path / "old.vstb", tmp_path / "new.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", old)
    ok(district, "bundle", "export", "--period", "2023H1", "--out", new)
    runs = [start_import(province.data_dir, new), start_import(province.data_dir, old)]
    outputs = [run.communicate(timeout=300) + (run.returncode,) for run in runs]
    assert outputs[0][2] == 0, outputs
    held = ledger(province.database_url)
    assert held[-1] == ("883", "2023H1", 2, True) and all(not row[3] for row in held[:-1]), held
    if outputs[1][2] != 0:  # the older came second: refused as a replay, nothing changed
        assert "chống phát lại" in outputs[1][1], outputs


def test_the_ledger_lock_is_per_sender(server_cli, capsys, tmp_path):
    """An import holding sender 883's lock makes another 883 import wait, never an 884 import."""
    from vstbpn_desktop.bundle.importer import import_bundle
    from vstbpn_desktop.storage.database import hold_write_lock

    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    districts, bundles = two_senders(province, capsys, tmp_path)
    profile = Profile.open(province.data_dir)
    holder = create_engine(province.database_url)
    try:
        done: dict[str, str] = {}

        def run(code):
            done[code] = import_bundle(profile, bundles[code]).status

        with holder.begin() as connection:
            hold_write_lock(connection, "883")  # a clerk's import of 883, still running
            other = threading.Thread(target=run, args=("884",))
            same = threading.Thread(target=run, args=("883",))
            other.start()
            same.start()
            other.join(timeout=120)
            assert done == {"884": "imported"}  # 884 went through while 883 is held
            same.join(timeout=2)
            assert same.is_alive() and "883" not in done  # 883 waits for the holder
        same.join(timeout=120)
        assert done == {"884": "imported", "883": "imported"}
        ok(districts["884"], "bundle", "export", "--period", "2023H1", "--out", bundles["884"])  # sequence 2
        with holder.begin() as connection:
            hold_write_lock(connection)  # a period lock or trust change: every import waits
            waiting = threading.Thread(target=run, args=("884",))
            waiting.start()
            waiting.join(timeout=2)
            assert waiting.is_alive()
        waiting.join(timeout=120)
        assert done["884"] == "imported" and ledger(province.database_url)[-1] == ("884", "2023H1", 2, True)
    finally:
        holder.dispose()
        profile.close()


def test_a_connection_lost_mid_import_leaves_ledger_and_data_as_before(server_cli, pg_admin, capsys, tmp_path):
    from sqlalchemy import event

    from vstbpn_desktop.bundle.importer import import_bundle
    from vstbpn_desktop.safety.integrity import explain_storage_error

    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    ok(province, "demo")
    district = sender(lambda name: Cli(tmp_path / name, capsys), tmp_path, province, "883")
    bundle = tmp_path / "883.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    before = dump(province.database_url)
    profile = Profile.open(province.data_dir)
    killed = []

    @event.listens_for(profile.engine, "before_cursor_execute")
    def terminate(connection, cursor, statement, parameters, context, executemany):
        # The records are in, the ledger row is next: the server ends this backend now.
        if statement.startswith("INSERT INTO bundle_ledger") and not killed:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            killed.append(sql(pg_admin, f"SELECT pg_terminate_backend({pid})"))

    try:
        with pytest.raises(Exception) as raised:
            import_bundle(profile, bundle)
        message = explain_storage_error(raised.value)
        assert message is not None and "mất kết nối tới máy chủ cơ sở dữ liệu giữa chừng" in message, raised.value
    finally:
        profile.close()
    assert killed == [[[(True,)]]]
    assert dump(province.database_url) == before
    out = ok(province, "bundle", "import", bundle)  # the server is back for the next connection
    assert "Đã nhập dữ liệu" in out
    assert ledger(province.database_url) == [("883", "2023H1", 1, True)]


# -- the same report on both engines ----------------------------------------------------------------


def test_the_consolidated_report_from_postgresql_equals_the_one_from_sqlite(server_cli, capsys, tmp_path):
    from pypdf import PdfReader

    on_server = server_cli("province-pg")
    on_file = Cli(tmp_path / "province-sqlite", capsys)

    def local(name):
        return Cli(tmp_path / name, capsys)

    for province in (on_server, on_file):
        ok(province, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
        ok(province, "demo")
    districts = {}
    for code in ("883", "884", "886"):
        districts[code] = district = local(f"d{code}")
        ok(district, "init", "--org-unit", code)
        ok(district, "demo")
        ok(district, "keys", "export-public", "--out", tmp_path / f"{code}.pub")
        ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / f"{code}.vstb")
    for province in (on_server, on_file):
        for code in districts:
            ok(province, "trust", "add", tmp_path / f"{code}.pub", "--org-unit", code)
            ok(province, "bundle", "import", tmp_path / f"{code}.vstb")
    summaries = [json.loads(ok(p, "summary", "--period", "2023H1", "--json")) for p in (on_server, on_file)]
    assert summaries[0] == summaries[1]
    assert sorted(summaries[0]["children"]["reported"]) == ["883", "884", "886"]
    texts = []
    for province in (on_server, on_file):
        out = tmp_path / f"{province.data_dir.name}.pdf"
        ok(province, "report", "pdf", "--period", "2023H1", "--date", "15/07/2023", "--out", out)
        texts.append([page.extract_text() for page in PdfReader(out).pages])
    assert texts[0] == texts[1] and "2.302" in "".join(texts[0])


# -- 4. backup, restore and check on the server ----------------------------------------------------


def test_backup_restore_and_check_use_the_servers_tools(server_cli, capsys, tmp_path, monkeypatch):
    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    ok(province, "demo")
    out = ok(province, "check")
    assert "kết nối tốt; lược đồ" in out and "khớp với ứng dụng" in out
    out = ok(province, "backup")
    assert "Đã sao lưu 31 bản ghi" in out
    [dump_file] = (province.data_dir / "backups").glob("vstbpn-*-manual.dump")
    before = dump(province.database_url)
    ok(province, "submit", "--period", "2023H1")
    assert dump(province.database_url) != before
    out = ok(province, "restore", dump_file)
    assert "Đã khôi phục 31 bản ghi của đơn vị 89" in out and "-restore.dump" in out
    assert dump(province.database_url) == before
    assert "đang mở" in ok(province, "period", "show", "--period", "2023H1")

    other = server_cli("district")
    ok(other, "init", "--org-unit", "883")
    ok(other, "backup", "--out", tmp_path / "883.dump")
    for file, said in (
        (tmp_path / "883.dump", "bản sao lưu của đơn vị 883, hồ sơ này là 89"),
        (ROOT / "README.md", "không phải bản sao lưu pg_dump của VSTBPN"),
    ):
        code, _, err = province("restore", file)
        assert code == 1 and said in err, err
        assert dump(province.database_url) == before

    sql(province.database_url, "ALTER TABLE activity DROP COLUMN search_text")
    code, _, err = province("check")
    assert code == 1 and "lược đồ khác với ứng dụng" in err and "search_text" in err, err

    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    code, _, err = province("backup")
    assert code == 1 and "cần chương trình pg_dump của PostgreSQL trên PATH" in err, err


def test_stored_times_are_utc_whatever_the_servers_time_zone(server_cli, capsys, tmp_path):
    """The server of an office in Vietnam runs at +07: a received time is still the true instant (as UTC
    on SQLite), on the COPY path of the records and the INSERT of the ledger alike."""
    from datetime import UTC, datetime, timedelta

    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    name = make_url(province.database_url).database
    sql(province.database_url, f"ALTER DATABASE \"{name}\" SET timezone TO 'Asia/Ho_Chi_Minh'")
    district = sender(lambda n: Cli(tmp_path / n, capsys), tmp_path, province, "883")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "883.vstb")
    ok(province, "bundle", "import", tmp_path / "883.vstb")
    [(received,)] = sql(province.database_url, "SELECT received_at FROM bundle_ledger")[0]
    [(created,)] = sql(province.database_url, "SELECT max(created_at) FROM activity WHERE org_unit_code = '883'")[0]
    utc_now = datetime.now(UTC).replace(tzinfo=None)
    for stored in (received, created):  # timestamptz columns (migration 0001): the same instant
        assert stored.utcoffset() == timedelta(hours=7), stored  # as the server's zone shows it
        assert abs(stored.astimezone(UTC).replace(tzinfo=None) - utc_now) < timedelta(minutes=30), stored
    assert "nhận ngày" in ok(province, "bundle", "import", tmp_path / "883.vstb")


def test_locks_deadlines_and_trust_changes_wait_for_a_running_import(server_cli, capsys, tmp_path):
    """A clerk locking the period, setting its deadline or revoking a key while another clerk's import
    of a sender holds its lock: each waits for that import's end (and an import waits for them)."""
    from datetime import date

    from vstbpn_desktop.bundle import status, trust
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.safety.locking import submit
    from vstbpn_desktop.storage.database import hold_write_lock

    province = server_cli("province")
    ok(province, "init", "--org-unit", "89")
    sender(lambda name: Cli(tmp_path / name, capsys), tmp_path, province, "883")
    [(fingerprint,)] = sql(province.database_url, "SELECT fingerprint FROM trusted_key")[0]
    profile = Profile.open(province.data_dir)
    holder = create_engine(province.database_url)
    period = Period.parse("2023H1")
    changes = {
        "submit": lambda: submit(profile.engine, period, "Lê Thị Bình"),
        "deadline": lambda: status.set_deadline(profile, period, date(2023, 7, 15)),
        "revoke": lambda: trust.revoke(profile, fingerprint),
    }
    try:
        for name, change in changes.items():
            with holder.begin() as connection:
                hold_write_lock(connection, "883")  # an import of 883, still running
                worker = threading.Thread(target=change)
                worker.start()
                worker.join(timeout=2)
                assert worker.is_alive(), f"{name} did not wait for the running import"
            worker.join(timeout=120)
            assert not worker.is_alive(), name
    finally:
        holder.dispose()
        profile.close()
    rows = sql(
        province.database_url, "SELECT code, locked_by, deadline FROM period", "SELECT revoked_at FROM trusted_key"
    )
    assert rows[0] == [("2023H1", "Lê Thị Bình", date(2023, 7, 15))] and rows[1][0][0] is not None
