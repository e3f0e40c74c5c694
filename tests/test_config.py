"""Issue 15 item 2: the province's signed configuration files (.vstc) for its units.

The province adds indicators, sets its targets and deadlines, revokes a key; a district that
enrolled the province's key sees what changes, applies it all or nothing, enters the new
indicator and sends it back; the reports cite the province's target and its decision. Every
attack (tampered, truncated, replayed, older, another province's key, a revoked signer, a unit
that is not the parent, a report renamed .vstc, a bad config.json) is one clear refusal with the
data exactly as before."""

import json
import subprocess
import zipfile

import pytest
from conftest import PASSPHRASE, PROVINCE_INDICATOR, dump, ok, refused_line

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.bundle import sealed
from vstbpn_desktop.bundle.keys import load_private_key
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.settings import Settings

TABLES = (
    "indicator",
    "indicator_target",
    "indicator_value",
    "bundle_ledger",
    "trusted_key",
    "period",
    "meta",
    "audit_event",
)
SHELTERS = PROVINCE_INDICATOR
PROVINCE_FILE = {
    "indicators": [SHELTERS],
    "targets": [
        {"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 30, "decision": "Quyết định số 238/QĐ-UBND"}
    ],
}


def snapshot(cli) -> dict:
    return dump(cli, TABLES)


@pytest.fixture
def units(steered, tmp_path):
    """Province 89 with its own indicator, target and deadline; district 883 that enrolled its key."""
    province, district = steered
    (tmp_path / "ag.json").write_text(json.dumps(PROVINCE_FILE, ensure_ascii=False), encoding="utf-8")
    ok(province, "catalogue", "import", tmp_path / "ag.json")
    ok(province, "period", "deadline", "--period", "2023H1", "--date", "2023-06-20")
    return province, district


def commune_of(district, cli_factory, tmp_path):
    """A commune below the district, its key enrolled at the district; (its Cli, its code)."""
    commune = cli_factory("c")
    profile = Profile.open(district.data_dir)
    try:
        child = profile.children()[0].code
    finally:
        profile.close()
    ok(commune, "init", "--org-unit", child)
    ok(commune, "keys", "export-public", "--out", tmp_path / "c.pub")
    ok(district, "trust", "add", tmp_path / "c.pub", "--org-unit", child)
    return commune, child


def test_the_province_steers_a_district_through_a_configuration_file(units, tmp_path):
    province, district = units
    out = ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    assert "1 chỉ tiêu của tỉnh" in out and "1 mục tiêu, 1 hạn nộp" in out
    before = snapshot(district)
    out = ok(district, "config", "import", tmp_path / "c1.vstc", "--dry-run")
    assert "thêm chỉ tiêu AG_SHELTERS: Số địa chỉ tin cậy ở cộng đồng" in out
    assert "mục tiêu của tỉnh cho LEADERS_FEMALE_PCT năm 2023: 30 % (theo Quyết định số 238/QĐ-UBND)" in out
    assert "hạn nộp báo cáo kỳ 2023H1: 20/06/2023" in out
    assert snapshot(district) == before  # a dry run changes nothing
    ok(district, "config", "import", tmp_path / "c1.vstc")
    shown = json.loads(ok(district, "config", "show", "--json"))
    assert [(r["sender"], r["sequence"]) for r in shown] == [("89", shown[0]["sequence"])]
    assert shown[0]["config"]["deadlines"] == {"2023H1": "2023-06-20"}
    # The district enters the new indicator and the leaders; its report cites the province's target.
    (tmp_path / "v.csv").write_text(
        "period,indicator,value\n2023H1,AG_SHELTERS,12\n2023H1,LEADERS_TOTAL,100\n2023H1,LEADERS_FEMALE,27\n",
        encoding="utf-8",
    )
    ok(district, "data", "import", tmp_path / "v.csv")
    ok(district, "report", "pdf", "--period", "2023H1", "--out", tmp_path / "883.pdf")
    text = " ".join(
        subprocess.run(
            ["pdftotext", tmp_path / "883.pdf", "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "chiếm 27 % so với mục tiêu theo Quyết định số 238/QĐ-UBND, chưa đạt mục tiêu 30 % của tỉnh năm 2023" in text
    assert "Số địa chỉ tin cậy ở cộng đồng" in text
    # The district rotates its key, then sends (encrypted to the province, whose key it enrolled):
    # the province imports the new indicator's value and enrols the new key (issue 15's "done when").
    ok(district, "keys", "rotate")
    new_key = ok(district, "keys", "show").strip().splitlines()[-1].split(": ")[1]
    assert "Gói đã được mã hóa" in ok(
        district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "883.vstb"
    )
    ok(province, "bundle", "import", tmp_path / "883.vstb")
    enrolled = [line for line in ok(province, "trust", "list").splitlines() if new_key in line]
    assert len(enrolled) == 1 and enrolled[0].startswith("883\t") and "\thiệu lực" in enrolled[0], enrolled
    figures = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))
    assert figures["indicators"]["AG_SHELTERS"] == 12
    # The province retires its indicator and drops the target: the next file says so; the district
    # keeps the value of 2023H1 (retired, not deleted) and no longer offers it for entry.
    (tmp_path / "retire.json").write_text(
        json.dumps(
            {"retire": ["AG_SHELTERS"], "targets": [{"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": None}]}
        ),
        encoding="utf-8",
    )
    ok(province, "catalogue", "import", tmp_path / "retire.json")
    ok(province, "config", "export", "--out", tmp_path / "c2.vstc")
    out = ok(district, "config", "import", tmp_path / "c2.vstc")
    assert "ngừng dùng chỉ tiêu AG_SHELTERS" in out and "bỏ mục tiêu của tỉnh cho LEADERS_FEMALE_PCT năm 2023" in out
    listed = {e["code"]: e for e in json.loads(ok(district, "catalogue", "list", "--json"))["indicators"]}
    assert listed["AG_SHELTERS"]["retired"] and listed["LEADERS_FEMALE_PCT"]["province_targets"] == []
    assert json.loads(ok(district, "summary", "--period", "2023H1", "--json"))["indicators"]["AG_SHELTERS"] == 12


def test_a_revoked_key_reaches_the_units(units, cli_factory, tmp_path):
    province, district = units
    commune, child = commune_of(district, cli_factory, tmp_path)
    ok(province, "trust", "add", tmp_path / "c.pub", "--org-unit", child)
    fingerprint = ok(commune, "keys", "show").strip().splitlines()[-1].split(": ")[1]
    ok(province, "trust", "revoke", fingerprint)
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    out = ok(district, "config", "import", tmp_path / "c1.vstc")
    assert f"thu hồi khóa {fingerprint} của đơn vị {child}" in out
    listed = [line for line in ok(district, "trust", "list").splitlines() if fingerprint in line]
    assert len(listed) == 1 and listed[0].startswith(child) and "\tthu hồi " in listed[0], listed
    ok(commune, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "c.vstb")
    line = refused_line(district, "bundle", "import", tmp_path / "c.vstb")
    assert "đã bị thu hồi" in line


def _crafted(signer_cli, tmp_path, name, config: dict, recipient=None):
    """A configuration signed by `signer_cli`'s real key, for `recipient` (its own unit by default),
    written by the app's own writer: well formed whatever it says."""
    from vstbpn_desktop.bundle.export import write_single

    out = tmp_path / name
    profile = Profile.open(signer_cli.data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
        write_single(profile, key, fmt.KIND_CONFIG, fmt.CONFIG, config, recipient or profile.org_unit_code, "2026", out)
    finally:
        profile.close()
    return out


def _tampered(source, out):
    with zipfile.ZipFile(source) as archive:
        held = {name: archive.read(name) for name in archive.namelist()}
    held[fmt.CONFIG] = held[fmt.CONFIG].replace(b"20/06", b"21/06").replace(b"2023-06-20", b"2023-07-20")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in held.items():
            archive.writestr(name, data)
    return out


def test_hostile_configuration_files_are_refused_with_the_data_unchanged(units, cli_factory, tmp_path):
    province, district = units
    c1, c2 = tmp_path / "c1.vstc", tmp_path / "c2.vstc"
    ok(province, "config", "export", "--out", c1)
    ok(province, "config", "export", "--out", c2)
    good = json.loads(zipfile.ZipFile(c1).read(fmt.CONFIG))
    stranger = cli_factory("other-89")  # another office that claims to be the province
    ok(stranger, "init", "--org-unit", "89")
    ok(stranger, "period", "deadline", "--period", "2023H1", "--date", "2023-01-01")
    ok(stranger, "config", "export", "--out", tmp_path / "stranger.vstc")
    other = cli_factory("p91")  # a province of the 2025 tree
    ok(other, "init", "--org-unit", "91")
    ok(other, "keys", "export-public", "--out", tmp_path / "91.pub")
    ok(district, "data", "import", _write(tmp_path, "v.csv", "period,indicator,value\n2023H1,HOTLINE_CONTACTS,5\n"))
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "report.vstb")
    assert sealed.is_sealed(tmp_path / "report.vstb")
    (tmp_path / "report.vstc").write_bytes((tmp_path / "report.vstb").read_bytes())
    (tmp_path / "truncated.vstc").write_bytes(c1.read_bytes()[: c1.stat().st_size // 2])
    bad_kind = {**good, "indicators": [{**SHELTERS, "kind": "sum"}]}
    cases = {
        "tampered.vstc": (_tampered(c1, tmp_path / "tampered.vstc"), "config.json: SHA-256 không khớp"),
        "truncated.vstc": (tmp_path / "truncated.vstc", "cắt cụt"),
        "stranger.vstc": (tmp_path / "stranger.vstc", "chưa được đăng ký"),
        # the district enrolled its parent's encryption key: its report is sealed to the province, and
        # said for what it is (its header names the recipient), not "không phải tệp zip"
        "report.vstc": (
            tmp_path / "report.vstc",
            "report.vstc: là gói báo cáo đã mã hóa gửi cho đơn vị Tỉnh An Giang (89), không phải tệp cấu hình (.vstc)",
        ),
        "bad-member.vstc": (_crafted(province, tmp_path, "bad-member.vstc", bad_kind), '"kind" phải là một trong'),
        "to-another.vstc": (
            _crafted(province, tmp_path, "to-another.vstc", good, recipient="883"),
            "phải gửi cho các đơn vị của chính đơn vị ký",
        ),
        "own.vstc": (
            _crafted(district, tmp_path, "own.vstc", good),
            "chưa được đăng ký",  # its own key is never in its trust register
        ),
    }
    before = snapshot(district)
    for name, (path, rule) in cases.items():
        line = refused_line(district, "config", "import", path)
        assert rule in line and name in line, (name, line)
        assert snapshot(district) == before, name
    # Replayed and older: the newest applies once; the same file again, or the older one, is refused.
    ok(district, "config", "import", c2)
    before = snapshot(district)
    for path, rule in ((c2, "chỉ áp dụng một lần"), (c1, "không quay lui")):
        line = refused_line(district, "config", "import", path)
        assert rule in line and path.name in line, line
        assert snapshot(district) == before
    # A file signed by a key revoked since (the province's laptop lost): refused.
    fingerprint = ok(province, "keys", "show").strip().splitlines()[-1].split(": ")[1]
    ok(district, "trust", "revoke", fingerprint)
    ok(province, "config", "export", "--out", tmp_path / "c3.vstc")
    before = snapshot(district)
    line = refused_line(district, "config", "import", tmp_path / "c3.vstc")
    assert "đã bị thu hồi" in line and "c3.vstc" in line
    assert snapshot(district) == before


def test_only_the_parent_may_steer(units, cli_factory, tmp_path):
    """A key enrolled for a unit below (a commune) cannot sign a configuration for its parent."""
    province, district = units
    commune, child = commune_of(district, cli_factory, tmp_path)
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    good = json.loads(zipfile.ZipFile(tmp_path / "c1.vstc").read(fmt.CONFIG))
    before = snapshot(district)
    line = refused_line(district, "config", "import", _crafted(commune, tmp_path, "child.vstc", good))
    assert f"tệp cấu hình của đơn vị {child}" in line and "chỉ nhận cấu hình của đơn vị cấp trên 89" in line
    assert snapshot(district) == before
    # A configuration given to bundle import is refused as such (verify too).
    for command in ("import", "verify"):
        line = refused_line(district, "bundle", command, tmp_path / "c1.vstc")
        assert "là tệp cấu hình của cấp trên, không phải gói báo cáo" in line
    assert snapshot(district) == before
    # The province itself has no parent: its own file is not for it.
    line = refused_line(province, "config", "import", tmp_path / "c1.vstc")
    assert "c1.vstc" in line
    # A unit with no units below has nobody to send a configuration to.
    assert "không có đơn vị cấp dưới" in refused_line(commune, "config", "export", "--out", tmp_path / "x.vstc")


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_init_pins_the_province_key_and_the_district_is_steered_at_once(units, cli_factory, tmp_path):
    """`init --parent-key`: the province's key enrolled with the profile, its fingerprint printed as
    `trust add` prints it; the first configuration file applies with nothing else done. A wrong file
    (another unit's key, not a key file, a province that has no parent) refuses the whole init."""
    province, _ = units
    fingerprint = json.loads((tmp_path / "89.pub").read_text(encoding="utf-8"))["fingerprint"]
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    fresh = cli_factory("d884")
    out = ok(fresh, "init", "--org-unit", "884", "--officer", "Lê Thị Mai", "--parent-key", tmp_path / "89.pub")
    assert "Đã tạo hồ sơ cho Thành phố Châu Đốc (884)" in out
    assert "Đã đăng ký khóa cho Tỉnh An Giang (89)." in out and "gói gửi cho đơn vị này sẽ được mã hóa" in out
    assert out.strip().splitlines()[-2:] == [
        "Hãy đối chiếu vân tay dưới đây với cấp trên (đọc qua điện thoại):",  # the key is the parent's
        f"Vân tay: {fingerprint}",
    ]
    # The default recipients name the parent's office, its kind lower-case after the noun.
    assert Settings.load(fresh.data_dir).recipients.splitlines()[0] == "Ban VSTBPN và BĐG tỉnh An Giang;"
    assert "Số địa chỉ tin cậy ở cộng đồng" in ok(fresh, "config", "import", tmp_path / "c1.vstc")
    # Its report is sealed to the province from the first bundle, and config import says what it is.
    ok(fresh, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "r.vstb")
    assert sealed.is_sealed(tmp_path / "r.vstb")
    line = refused_line(province, "config", "import", tmp_path / "r.vstb")
    assert line == (
        "error: r.vstb: là gói báo cáo đã mã hóa gửi cho đơn vị Tỉnh An Giang (89), không phải tệp cấu hình (.vstc) "
        "của cấp trên; gói báo cáo nhập bằng bundle import ở đơn vị nhận"
    )
    bad = _write(tmp_path, "bad.pub", '{"format": "vstb-public-key", "org_unit": "89"}')
    cases = {
        ("886", tmp_path / "883.pub"): "883.pub: tệp là khóa của Thành phố Long Xuyên (883), không phải của cấp "
        "trên Tỉnh An Giang (89) của đơn vị 886",
        ("886", bad): 'bad.pub: thiếu trường "public_key"',
        ("89", tmp_path / "883.pub"): "đơn vị 89 là cấp cao nhất trong danh mục: không có cấp trên để đăng ký khóa",
    }
    for (code, key), rule in cases.items():
        target = cli_factory(f"refused-{code}-{key.stem}")
        line = refused_line(target, "init", "--org-unit", code, "--parent-key", key)
        assert line.startswith(f"error: {rule}"), line
        assert not target.data_dir.exists(), code
