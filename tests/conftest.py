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
def _isolated_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("VSTBPN_DATA_DIR", str(tmp_path / "default-profile"))
    monkeypatch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


class Cli:
    """Run the command line in-process against one profile folder, capturing its output."""

    def __init__(self, data_dir: Path, capsys=None):
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str):
        argv = ["--data-dir", str(self.data_dir), *map(str, args)]
        if self.capsys is None:  # outside a test (a session's template): its own capture
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli_run(argv)
            return code, out.getvalue(), err.getvalue()
        self.capsys.readouterr()
        code = cli_run(argv)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli_factory(tmp_path, capsys):
    def make(name: str) -> Cli:
        return Cli(tmp_path / name, capsys)

    return make


def ok(cli: Cli, *args) -> str:
    """A command that must succeed: its output."""
    code, out, err = cli(*args)
    assert code == 0, err
    return out


def copy_folder(template: Path, target: Path) -> None:
    """Everything in `template` (profile folders, keys, bundles) copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for item in template.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)


class Templates:
    """Folders built once per session by `build(cli_factory)`, run in the isolated environment a test
    has (passphrase, XDG folders of its own); `copy(name, build, target)` copies one into a test's folder."""

    def __init__(self, base: Path):
        self.base = base
        self.built: dict[str, Path] = {}

    def copy(self, name: str, build: Callable[[Callable[[str], Cli]], None], target: Path) -> None:
        if name not in self.built:
            folder = self.base / name
            folder.mkdir()
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
                patch.setenv("VSTBPN_DATA_DIR", str(self.base / f"{name}-default-profile"))
                patch.setenv("XDG_CONFIG_HOME", str(self.base / f"{name}-xdg-config"))
                patch.setenv("XDG_DATA_HOME", str(self.base / f"{name}-xdg-data"))
                build(lambda sub: Cli(folder / sub))
            gc.collect()  # the engines the in-process commands left behind: their files closed before copying
            self.built[name] = folder
        copy_folder(self.built[name], target)


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
    assert "Lần gửi đầu tiên của kỳ này: 0 sửa, 28 thêm, 0 xóa." in out


def _district_demo(make) -> None:
    _district(make)
    ok(make("district-883"), "demo")


def _province_demo(make) -> None:
    _province(make)
    ok(make("province-89"), "demo")


def _templated(name: str, build, folders: tuple[str, ...], doc: str):
    """A fixture giving each test a copy of the template `build` makes, and the `Cli` of its `folders`."""

    def fixture(templates, cli_factory, tmp_path):
        templates.copy(name, build, tmp_path)
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


@pytest.fixture(scope="session")
def world_template(tmp_path_factory):
    """Built once: districts 883 and 884 with the sample data and their keys; the province 89 with
    its own sample data, 883's key enrolled and 883's first bundle imported. Each test gets a copy."""
    base = tmp_path_factory.mktemp("world")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
        patch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
        patch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))

        def run(code, *args):
            assert cli_run(["--data-dir", str(base / f"p{code}"), *map(str, args)]) == 0, args

        for code in ("883", "884", "89"):
            run(code, "init", "--org-unit", code, "--officer", f"Cán bộ {code}")
            run(code, "demo")
            run(code, "keys", "export-public", "--out", base / f"{code}.pub.json")
        run("883", "bundle", "export", "--period", "2023H1", "--out", base / "first.vstb")
        run("883", "bundle", "export", "--period", "2023H1", "--out", base / "good.vstb")
        run("89", "trust", "add", base / "883.pub.json", "--org-unit", "883")
        run("89", "bundle", "import", base / "first.vstb")
    return base


@pytest.fixture
def world(world_template, cli_factory, tmp_path):
    for item in world_template.iterdir():
        if item.is_dir():
            shutil.copytree(item, tmp_path / item.name)
        else:
            shutil.copy2(item, tmp_path / item.name)
    return {code: cli_factory(f"p{code}") for code in ("883", "884", "89")}


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
