"""The rules of docs/bundle-format.md the test vectors cannot show alone: what audit.json counts
(a table-file import, both halves of a year), `bundle verify` on a bundle already held or
superseded, and `bundle status` with a year and a half-year held."""

import json
import zipfile

from conftest import ok

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity


def _audit(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(fmt.AUDIT))


def _csv(tmp_path, rows: str):
    path = tmp_path / "hoat-dong.csv"
    path.write_text("date,kind,title,sessions,participants,female_participants,place,notes\n" + rows, encoding="utf-8")
    return path


def test_a_table_file_import_of_two_activities_counts_two_inserts_in_its_period(sender_and_parent, tmp_path):
    district, _ = sender_and_parent
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "first.vstb")
    ok(
        district,
        "data",
        "import",
        _csv(
            tmp_path,
            "2023-05-02,training,Tập huấn A,1,40,25,Mỹ Bình,\n"
            "2023-05-09,training,Tập huấn B,1,30,20,Mỹ Bình,\n"
            "2023-09-09,media,Phóng sự quý 3,1,0,0,,\n",
        ),
    )
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")
    summary = _audit(tmp_path / "second.vstb")
    assert summary["since"] is not None
    assert summary["changes"]["activity"] == {"insert": 2, "update": 0, "delete": 0}  # the H2 row is not H1's
    assert sum(sum(actions.values()) for actions in summary["changes"].values()) == 2


def test_a_year_bundle_counts_the_changes_of_both_halves(district_cli, tmp_path):
    ok(district_cli, "bundle", "export", "--period", "2023", "--out", tmp_path / "first.vstb")
    profile = Profile.open(district_cli.data_dir)
    try:
        add_activity(
            profile.engine,
            Scope("883", Period.parse("2023H1")),
            {"date": "2023-03-08", "kind": "media", "title": "Phóng sự"},
            profile.author,
        )
        add_activity(
            profile.engine,
            Scope("883", Period.parse("2023H2")),
            {"date": "2023-10-08", "kind": "media", "title": "Phóng sự 2"},
            profile.author,
        )
    finally:
        profile.close()
    ok(district_cli, "data", "import", _csv(tmp_path, "2023-11-02,training,Tập huấn,1,40,25,,\n"))
    ok(district_cli, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")
    assert _audit(tmp_path / "year.vstb")["changes"]["activity"] == {"insert": 3, "update": 0, "delete": 0}


def test_verify_says_already_held_and_refuses_a_superseded_bundle_like_dry_run(pair, tmp_path):
    district, province = pair
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")
    out = ok(province, "bundle", "verify", tmp_path / "first.vstb")
    assert "Hợp lệ, và gói này đã nhận ngày" in out
    ok(province, "bundle", "import", tmp_path / "second.vstb")
    for command in (("bundle", "verify"), ("bundle", "import", "--dry-run")):
        code, out, err = province(*command, tmp_path / "first.vstb")
        assert code == 1 and "Hợp lệ" not in out
        assert "thành phần manifest.json" in err and "chống phát lại" in err, err
    assert "chưa nhận" not in ok(province, "bundle", "verify", tmp_path / "second.vstb")


def test_status_without_a_period_lists_a_year_and_its_halves(pair, tmp_path):
    district, province = pair
    ok(district, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")
    ok(province, "bundle", "import", tmp_path / "year.vstb")
    code, out, err = province("bundle", "status")
    assert code == 0 and "Traceback" not in err, err
    code, out, err = province("bundle", "status", "--json")
    assert code == 0, err
    status = json.loads(out)
    assert status["periods"] == ["2023H1", "2023"]  # newest first, a year after its halves
    row = next(r for r in status["rows"] if r["org_unit"] == "883")
    # The year bundle (2) replaced the records of both halves (decision 1): it holds 2023H1 now.
    assert row["cells"]["2023"]["status"] == "received" and row["cells"]["2023H1"]["sequence"] == 2
