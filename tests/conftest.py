"""Every test gets a fresh profile folder; Qt runs offscreen.

The usual profiles (a district, a province, a district and its province with the key enrolled, the
same after the first bundle) are made once per test session by the command line, into a template
folder, and each test gets its own copy of the files: the same real database, key file and bundle
a fresh `init` would make, without paying for the migrations, the unit catalogue and the key's
600,000 PBKDF2 iterations in every test (`templates` below)."""

import contextlib
import gc
import io
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from vstbpn_desktop.cli import run as cli_run  # noqa: E402 (after sys.path holds the project)
from vstbpn_desktop.profile import Profile  # noqa: E402 (after sys.path holds the project)

PASSPHRASE = "mật khẩu thử nghiệm 2023"


@pytest.fixture(autouse=True)
def _shipped_catalogue_after():
    """The catalogue a profile installed (domain/indicators.py: one profile per process) is not left
    to the next test of the same worker."""
    yield
    from vstbpn_desktop.catalogue import install_catalogue

    install_catalogue(None)


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
    from sqlalchemy import create_engine, text  # lazy: only the PostgreSQL tests need it

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    return url


class Databases:
    """Databases made on the test server (`make()`, or a copy of `template`), dropped by `drop()`."""

    def __init__(self, admin_url: str):
        from sqlalchemy import create_engine  # lazy: only the PostgreSQL tests need it

        self.admin_url = admin_url
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def make(self, template: str = "template0") -> str:
        import uuid

        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        name = f"vstbpn_t_{uuid.uuid4().hex[:16]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\''))
        self.made.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            for name in self.made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture
def pg_database(pg_admin):
    """`pg_database()` makes a fresh, empty database on the test server and returns its URL (a copy
    of the database `template` when given); every database made is dropped after the test."""
    databases = Databases(pg_admin)
    yield databases.make
    databases.drop()


@pytest.fixture(scope="session")
def pg_templates(pg_admin):
    """The session's template databases (the PostgreSQL side of `templates`), dropped at its end."""
    databases = Databases(pg_admin)
    yield databases
    databases.drop()


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
    """Run the command line in-process against one profile folder, capturing its output. With
    `make_database` (the PostgreSQL run), its first `init` puts the profile's data in a new database."""

    def __init__(self, data_dir: Path, capsys=None, database_url: str | None = None, make_database=None):
        self.data_dir = data_dir
        self.capsys = capsys
        self.database_url = database_url
        self.make_database = make_database

    def __call__(self, *args: str):
        args = tuple(map(str, args))
        if args[:1] == ("init",) and self.database_url is None and self.make_database is not None:
            self.database_url = self.make_database()
        if args[:1] == ("init",) and self.database_url and "--database-url" not in args:
            args = (*args, "--database-url", self.database_url)
        argv = ["--data-dir", str(self.data_dir), *args]
        if self.capsys is None:  # outside a test (a session's template): its own capture
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli_run(argv)
            return code, out.getvalue(), err.getvalue()
        self.capsys.readouterr()
        code = cli_run(argv)
        out, err = self.capsys.readouterr()
        return code, out, err

    def query(self, statement: str, **params) -> list[tuple]:
        """Rows of a SQL statement (`:name` parameters) on this profile's database, either engine."""
        import json

        from sqlalchemy import create_engine, text  # lazy: only the tests that read rows need it

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
    run, a database of its own on the server, made at its `init`)."""
    databases = request.getfixturevalue("pg_database") if engine == "postgresql" else None

    def make(name: str) -> Cli:
        return Cli(tmp_path / name, capsys, make_database=databases)

    return make


def ok(cli: Cli, *args) -> str:
    """A command that must succeed: its output."""
    code, out, err = cli(*args)
    assert code == 0, err
    return out


def refused_line(cli: Cli, *args) -> str:
    """A command that must be refused: exit 1, one line on stderr starting with "error: "; that line."""
    code, out, err = cli(*args)
    assert code == 1, out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def dump(cli: Cli, tables: tuple[str, ...]) -> dict[str, list[str]]:
    """Every row of `tables` of the profile's database, sorted: compare before and after."""
    connection = sqlite3.connect(cli.data_dir / "vstbpn.sqlite3")
    try:
        return {t: sorted(map(repr, connection.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        connection.close()


# An indicator a province adds to its catalogue (issue 15): catalogue files, configuration files.
PROVINCE_INDICATOR = {
    "code": "AG_SHELTERS",
    "kind": "count",
    "section": "violence",
    "name_vi": "Số địa chỉ tin cậy ở cộng đồng",
    "name_en": "Trusted community shelters",
    "unit_vi": "địa chỉ",
    "unit_en": "shelters",
}


def copy_folder(template: Path, target: Path, copy_database=None) -> None:
    """Everything in `template` (profile folders, keys, bundles) copied into `target`; a profile whose
    data is on the test server gets its own copy of its database (`copy_database(name) -> URL`)."""
    import json

    from sqlalchemy.engine import make_url  # lazy: only the PostgreSQL run copies databases

    target.mkdir(parents=True, exist_ok=True)
    for item in template.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    for settings in target.glob("*/settings.json"):
        values = json.loads(settings.read_text(encoding="utf-8"))
        if values.get("database_url") and copy_database is not None:
            values["database_url"] = copy_database(make_url(values["database_url"]).database)
            settings.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


class Templates:
    """Folders built once per session by `build(cli_factory)`, run in the isolated environment a test
    has (passphrase, XDG folders of its own); `copy(name, build, target)` copies one into a test's folder."""

    def __init__(self, base: Path):
        self.base = base
        self.built: dict[str, Path] = {}

    def copy(self, name: str, build: Callable[[Callable[[str], Cli]], None], target: Path, server=None) -> None:
        """`server` (the PostgreSQL run): (the session's template databases, the test's database
        maker): the template is built with its profiles' data on the server, and each copy gets
        copies of those databases (CREATE DATABASE … TEMPLATE)."""
        make_database = copy_database = None
        if server is not None:
            name, make_database, copy_database = f"{name}-pg", server[0].make, server[1]
        if name not in self.built:
            folder = self.base / name
            folder.mkdir()
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
                patch.setenv("VSTBPN_DATA_DIR", str(self.base / f"{name}-default-profile"))
                patch.setenv("XDG_CONFIG_HOME", str(self.base / f"{name}-xdg-config"))
                patch.setenv("XDG_DATA_HOME", str(self.base / f"{name}-xdg-data"))
                clis: dict[str, Cli] = {}  # one Cli a folder: its database is made once, at its init
                build(lambda sub: clis.setdefault(sub, Cli(folder / sub, make_database=make_database)))
            gc.collect()  # the engines the in-process commands left behind: their files closed before copying
            self.built[name] = folder
        copy_folder(self.built[name], target, copy_database)


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


def _district(make) -> None:
    ok(make("district-883"), "init", "--org-unit", "883", "--officer", "Trần Thị Lan")


def _province(make) -> None:
    ok(make("province-89"), "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")


def _sender_and_parent(make) -> None:
    district, province = make("d883"), make("p89")
    ok(district, "init", "--org-unit", "883", "--officer", "Trần Thị Lan")
    ok(province, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    ok(district, "demo")
    public = district.data_dir.parent / "883.pub"
    ok(district, "keys", "export-public", "--out", public)
    ok(province, "trust", "add", public, "--org-unit", "883")


def _pair(make) -> None:
    _sender_and_parent(make)
    district, province = make("d883"), make("p89")
    ok(district, "submit", "--period", "2023H1")
    first = district.data_dir.parent / "first.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", first)
    out = ok(province, "bundle", "import", first)
    assert "Lần gửi đầu tiên của kỳ này: 0 sửa, 26 thêm, 0 xóa." in out


def _steered(make) -> None:
    """Province 89 and district 883 (no data), each having enrolled the other's key."""
    province, district = make("p89"), make("d883")
    ok(province, "init", "--org-unit", "89", "--officer", "Nguyễn Văn An")
    ok(district, "init", "--org-unit", "883", "--officer", "Trần Thị Lan")
    folder = district.data_dir.parent
    ok(province, "keys", "export-public", "--out", folder / "89.pub")
    ok(district, "trust", "add", folder / "89.pub", "--org-unit", "89")
    ok(district, "keys", "export-public", "--out", folder / "883.pub")
    ok(province, "trust", "add", folder / "883.pub", "--org-unit", "883")


def _district_demo(make) -> None:
    _district(make)
    ok(make("district-883"), "demo")


def _province_demo(make) -> None:
    _province(make)
    ok(make("province-89"), "demo")


def _templated(name: str, build, folders: tuple[str, ...], doc: str):
    """A fixture giving each test a copy of the template `build` makes, and the `Cli` of its `folders`."""

    def fixture(templates, cli_factory, tmp_path, engine, request):
        server = None
        if engine == "postgresql":
            server = (request.getfixturevalue("pg_templates"), request.getfixturevalue("pg_database"))
        templates.copy(name, build, tmp_path, server)
        clis = tuple(cli_factory(folder) for folder in folders)
        return clis if len(clis) > 1 else clis[0]

    fixture.__doc__ = doc
    return pytest.fixture(fixture, name=name)


district_cli = _templated("district_cli", _district, ("district-883",), "District 883 just made by `init`.")
province_cli = _templated("province_cli", _province, ("province-89",), "Province 89 just made by `init`.")
district_demo_cli = _templated(
    "district_demo_cli", _district_demo, ("district-883",), "District 883 made by `init`, then `demo`."
)
province_demo_cli = _templated(
    "province_demo_cli", _province_demo, ("province-89",), "Province 89 made by `init`, then `demo` (2023H1)."
)
sender_and_parent = _templated(
    "sender_and_parent",
    _sender_and_parent,
    ("d883", "p89"),
    "District 883 with the sample data, and province 89 that has enrolled its key (tmp_path/883.pub).",
)
steered = _templated(
    "steered",
    _steered,
    ("p89", "d883"),
    "Province 89 and district 883, each having enrolled the other's key (tmp_path/89.pub, tmp_path/883.pub).",
)
pair = _templated(
    "pair",
    _pair,
    ("d883", "p89"),
    "The same, then the district's 2023H1 submitted and sent once (tmp_path/first.vstb); the province holding it.",
)


@pytest.fixture
def district(district_cli) -> Profile:
    profile = Profile.open(district_cli.data_dir)
    yield profile
    profile.close()


@pytest.fixture
def district_demo(district_demo_cli) -> Profile:
    profile = Profile.open(district_demo_cli.data_dir)
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
    from ui.common import ask

    messages = []
    monkeypatch.setattr(ask, "tell", lambda parent, title, text, warning=False: messages.append((text, warning)))
    return messages


@pytest.fixture(autouse=True)
def asked_about_unsaved(monkeypatch):
    """The question about values typed and refused (fix / discard), answered "discard" unless a test
    sets `asked_about_unsaved.answer = False`; each question's reasons are kept in order."""
    from ui.common import ask

    class Asked(list):
        answer = True

    asked = Asked()

    def answer(parent, reasons):
        asked.append(list(reasons))
        return asked.answer

    monkeypatch.setattr(ask, "discard_unsaved", answer)
    return asked


# -- shared by the bundle, input and safety tests: three profiles that have exchanged a bundle --


WORLD = ("883", "884", "89")


@pytest.fixture(scope="session")
def world_template(tmp_path_factory):
    """Built once: districts 883 and 884 with the sample data and their keys; the province 89 with
    its own sample data, 883's key enrolled and 883's first bundle imported. Each test gets a copy."""
    return _build_world(tmp_path_factory.mktemp("world"))


@pytest.fixture(scope="session")
def world_template_pg(tmp_path_factory, pg_templates):
    """The same world with each profile's data on the test server (template databases)."""
    return _build_world(tmp_path_factory.mktemp("world-pg"), {code: pg_templates.make() for code in WORLD})


def _build_world(base: Path, urls: dict[str, str] | None = None) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
        patch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
        patch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))

        def run(code, *args):
            assert cli_run(["--data-dir", str(base / f"p{code}"), *map(str, args)]) == 0, args

        for code in WORLD:
            server = ("--database-url", urls[code]) if urls else ()
            run(code, "init", "--org-unit", code, "--officer", f"Cán bộ {code}", *server)
            run(code, "demo")
            run(code, "keys", "export-public", "--out", base / f"{code}.pub.json")
        run("883", "bundle", "export", "--period", "2023H1", "--out", base / "first.vstb")
        run("883", "bundle", "export", "--period", "2023H1", "--out", base / "good.vstb")
        run("89", "trust", "add", base / "883.pub.json", "--org-unit", "883")
        run("89", "bundle", "import", base / "first.vstb")
    gc.collect()  # the engines the in-process commands left behind: no connection to a template database
    return base


@pytest.fixture
def world(world_template, cli_factory, tmp_path, engine, request):
    if engine == "postgresql":  # each copied folder points at its own copy of its database
        copy_folder(request.getfixturevalue("world_template_pg"), tmp_path, request.getfixturevalue("pg_database"))
    else:
        copy_folder(world_template, tmp_path)
    return {code: cli_factory(f"p{code}") for code in WORLD}


# -- shared by the table-file tests: CSV lines, and a district that already holds some data --

ACTIVITY_HEADER = "date,kind,title,sessions,participants,female_participants,place,notes"
GOOD_ACTIVITIES = [
    "2023-03-08,training,Tập huấn bình đẳng giới,2,100,60,Phường Mỹ Bình,",
    '15/04/2023,communication,"Tuyên truyền, nói chuyện chuyên đề",1,50,30,,ghi chú',
]


def write_csv(path, lines, bom=False, encoding="utf-8"):
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.fixture
def seeded(district, district_cli, tmp_path):
    """The district with some data already held, so a partial import would show."""
    write_csv(tmp_path / "seed.csv", [ACTIVITY_HEADER, *GOOD_ACTIVITIES])
    write_csv(
        tmp_path / "seed-indicators.csv",
        ["period,indicator,value", "2023H1,LEADERS_TOTAL,200", "2023H1,LEADERS_FEMALE,50"],
    )
    for name in ("seed.csv", "seed-indicators.csv"):
        code, _, err = district_cli("data", "import", tmp_path / name)
        assert code == 0, err
    return district
