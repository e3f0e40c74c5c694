"""Every test gets a fresh profile folder; Qt runs offscreen."""

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from vstbpn_desktop.cli import run as cli_run  # noqa: E402
from vstbpn_desktop.profile import Profile  # noqa: E402

PASSPHRASE = "mật khẩu thử nghiệm 2023"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("VSTBPN_DATA_DIR", str(tmp_path / "default-profile"))
    monkeypatch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


# -- the database engines ----------------------------------------------------------------------
# The core modules that go through a profile run on both engines: SQLite in the profile folder, and
# a fresh PostgreSQL database per profile on the server VSTBPN_TEST_DATABASE_URL names (an admin
# URL, e.g. from `scripts/pg-test-cluster start`). Without it their PostgreSQL half skips, saying why.
BOTH_ENGINES = {
    "test_audit",
    "test_bundle",
    "test_bundle_return",
    "test_core",
    "test_dataio",
    "test_records",
    "test_report_content",
    "test_safety_locking",
}
NO_SERVER = 'no PostgreSQL server: set VSTBPN_TEST_DATABASE_URL (eval "$(scripts/pg-test-cluster start)")'


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames and metafunc.module.__name__ in BOTH_ENGINES:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


def pytest_collection_modifyitems(items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("engine") == "postgresql":
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_admin() -> str:
    """The admin URL of the test server; skips (with the reason shown by -ra) when none is set."""
    url = os.environ.get("VSTBPN_TEST_DATABASE_URL")
    if not url:
        pytest.skip(NO_SERVER)
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    return url


@pytest.fixture
def pg_database(pg_admin):
    """`pg_database()` makes a fresh, empty database on the test server and returns its URL (a copy
    of the database `template` when given); every database made is dropped after the test."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT")
    made = []

    def make(template: str = "template0") -> str:
        name = f"vstbpn_t_{uuid.uuid4().hex[:16]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\''))
        made.append(name)
        return make_url(pg_admin).set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as connection:
        for name in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def engine(request) -> str:
    """ "sqlite", or "postgresql" for the second run of a module in BOTH_ENGINES."""
    name = getattr(request, "param", "sqlite")
    if name == "postgresql":
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip("SQLite only (sqlite_only): the test reads SQLite's own file or query plan")
        request.getfixturevalue("pg_admin")
    return name


class Cli:
    """Run the command line in-process against one profile folder, capturing its output. With a
    `database_url`, its `init` puts the profile's data there (the PostgreSQL run of a module)."""

    def __init__(self, data_dir: Path, capsys, database_url: str | None = None, make_database=None):
        self.data_dir = data_dir
        self.capsys = capsys
        self.database_url = database_url
        self.make_database = make_database  # the PostgreSQL run: a database made at the first init

    def __call__(self, *args: str):
        self.capsys.readouterr()
        args = tuple(map(str, args))
        if args[:1] == ("init",) and self.database_url is None and self.make_database is not None:
            self.database_url = self.make_database()
        if args[:1] == ("init",) and self.database_url and "--database-url" not in args:
            args = (*args, "--database-url", self.database_url)
        code = cli_run(["--data-dir", str(self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def query(self, statement: str, **params) -> list[tuple]:
        """Rows of a SQL statement (`:name` parameters) on this profile's database, either engine."""
        import json

        from sqlalchemy import create_engine, text

        settings = self.data_dir / "settings.json"
        url = json.loads(settings.read_text(encoding="utf-8")).get("database_url") if settings.exists() else ""
        engine = create_engine(url or f"sqlite:///{self.data_dir / 'vstbpn.sqlite3'}")
        try:
            with engine.begin() as connection:
                result = connection.execute(text(statement), params)
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            engine.dispose()


@pytest.fixture
def cli_factory(tmp_path, capsys, engine, request):
    """`cli_factory(name)`: the command line on the profile folder `name` (and, on the PostgreSQL
    run, a database of its own on the server)."""
    databases = request.getfixturevalue("pg_database") if engine == "postgresql" else None

    def make(name: str) -> Cli:
        return Cli(tmp_path / name, capsys, make_database=databases)

    return make


def ok(cli: Cli, *args) -> str:
    """A command that must succeed: its output."""
    code, out, err = cli(*args)
    assert code == 0, err
    return out


@pytest.fixture
def sender_and_parent(cli_factory, tmp_path) -> tuple[Cli, Cli]:
    """District 883 with the sample data, and province 89 that has enrolled its key."""
    district, province = cli_factory("d883"), cli_factory("p89")
    ok(district, "init", "--org-unit", "883", "--officer", "Trần Thị Lan")
    ok(province, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    ok(district, "demo")
    ok(district, "keys", "export-public", "--out", tmp_path / "883.pub")
    ok(province, "trust", "add", tmp_path / "883.pub", "--org-unit", "883")
    return district, province


@pytest.fixture
def pair(sender_and_parent, tmp_path) -> tuple[Cli, Cli]:
    """The district's 2023H1 submitted and sent once; the province holding it."""
    district, province = sender_and_parent
    ok(district, "submit", "--period", "2023H1")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "first.vstb")
    out = ok(province, "bundle", "import", tmp_path / "first.vstb")
    assert "Lần gửi đầu tiên của kỳ này: 0 sửa, 28 thêm, 0 xóa." in out
    return district, province


@pytest.fixture
def district_cli(cli_factory) -> Cli:
    cli = cli_factory("district-883")
    code, _, err = cli("init", "--org-unit", "883", "--officer", "Trần Thị Lan")
    assert code == 0, err
    return cli


@pytest.fixture
def province_cli(cli_factory) -> Cli:
    cli = cli_factory("province-89")
    code, _, err = cli("init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    assert code == 0, err
    return cli


@pytest.fixture
def district(district_cli) -> Profile:
    profile = Profile.open(district_cli.data_dir)
    yield profile
    profile.close()


@pytest.fixture
def province(province_cli) -> Profile:
    profile = Profile.open(province_cli.data_dir)
    yield profile
    profile.close()


def shown_window(qtbot, profile: Profile, period: str | None = "2023H1"):
    """The main window on `profile`, shown and exposed (closed with the test), on `period`."""
    from ui.app import open_window

    window = open_window(profile)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if period:
        window.controller.set_period(period)
    return window


# -- the window's languages: the .qm built by the project's own script, into a temporary folder --


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    import subprocess

    out = tmp_path_factory.mktemp("qm")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build-translations"), "--no-update", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "vstbpn_en.qm").stat().st_size > 10_000
    assert (out / "vstbpn_core_en.qm").stat().st_size > 10_000
    assert (out / "qt_vi.qm").exists()
    return out


@pytest.fixture
def language(qapp, built):
    """`language("en")` installs the English window (returns the language in effect); Vietnamese after."""
    from ui.common import i18n

    def use(code: str) -> str:
        return i18n.install(qapp, code, built)

    yield use
    i18n.install(qapp, "vi", built)
    for translator in list(i18n._state["translators"]):
        qapp.removeTranslator(translator)
    i18n._state["translators"] = []


@pytest.fixture
def told(monkeypatch):
    """What the window told the officer in a message box: [(text, warning)]."""
    from ui.common import ask as bundle_common

    messages = []
    monkeypatch.setattr(
        bundle_common, "tell", lambda parent, title, text, warning=False: messages.append((text, warning))
    )
    return messages


@pytest.fixture(autouse=True)
def asked_about_unsaved(monkeypatch):
    """The question about values typed and refused (fix / discard), answered "discard" unless a test
    sets `asked_about_unsaved.answer = False`; each question's reasons are kept in order."""
    from ui.common import ask as bundle_common

    class Asked(list):
        answer = True

    asked = Asked()

    def answer(parent, reasons):
        asked.append(list(reasons))
        return asked.answer

    monkeypatch.setattr(bundle_common, "discard_unsaved", answer)
    return asked
