"""Every test gets a fresh profile folder; Qt runs offscreen."""

import os
import shutil
import sys
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

    def __init__(self, data_dir: Path, capsys):
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str):
        self.capsys.readouterr()
        code = cli_run(["--data-dir", str(self.data_dir), *map(str, args)])
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
