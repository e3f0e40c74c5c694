"""Signed bundles end to end, and every hostile bundle (tampered, forged, replayed, malformed)
refused with the data unchanged."""

import hashlib
import json
import re
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.bundle.keys import load_private_key
from vstbpn_desktop.profile import Profile

TABLES = ("activity", "document", "indicator_value", "narrative", "bundle_ledger", "trusted_key", "meta")


def snapshot(cli) -> dict:
    """Every row of the tables a bundle import may touch, sorted: compare before and after."""
    return {t: sorted(map(repr, cli.query(f"SELECT * FROM {t}"))) for t in TABLES}


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def craft(
    sender_cli,
    out: Path,
    members: dict[str, bytes],
    *,
    edit=None,
    sign=True,
    zip_members: dict[str, bytes] | None = None,
    extra: list = (),
    after_sign=None,
    signature: bytes | None = None,
) -> Path:
    """A bundle signed with the sender's real key, built by hand so one thing can be wrong.

    `members`: the data members the manifest describes; `zip_members`: what goes in the zip
    instead (default the same); `extra`: (ZipInfo or name, bytes) added as they are.
    """
    profile = Profile.open(sender_cli.data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
        base = json.loads(members_of(sender_cli.data_dir.parent / "good.vstb")[fmt.MANIFEST])
    finally:
        profile.close()
    manifest = dict(base, bundle_id="0" * 8 + base["bundle_id"][8:], sequence=base["sequence"] + 50)
    manifest["members"] = [
        {"name": n, "length": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members.items()
    ]
    manifest["counts"] = {fmt.COUNT_NAMES[n]: d.count(b"\n") for n, d in members.items() if n in fmt.COUNT_NAMES}
    if fmt.AUDIT not in members:
        manifest.pop("format_minor", None)  # no audit summary: a bundle of format 1.0
    if edit:
        edit(manifest)
    manifest_bytes = fmt.canonical_json(manifest)
    sig = fmt.signature_member(manifest["key_fingerprint"], signature or key.sign(manifest_bytes))
    if after_sign:
        manifest_bytes = after_sign(manifest_bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on a duplicate name: that is the point
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(fmt.MANIFEST, manifest_bytes)
            if sign:
                archive.writestr(fmt.SIGNATURE, sig)
            for name, data in (members if zip_members is None else zip_members).items():
                archive.writestr(name, data)
            for name, data in extra:
                archive.writestr(name, data)
    return out


def good_members(tmp_path) -> dict[str, bytes]:
    return {n: d for n, d in members_of(tmp_path / "good.vstb").items() if n in fmt.DATA_MEMBERS}


def with_line(members, name, line: bytes) -> dict[str, bytes]:
    changed = dict(members)
    changed[name] = members[name] + line + b"\n"
    return changed


ACTIVITY = (
    '{"id":"11111111-2222-4333-8444-555555555555","date":"2023-03-08","kind":"communication",'
    '"title":TITLE,"sessions":1,"participants":PART,"female_participants":1,"place":"","notes":""}'
)


def activity_line(title='"Tuyên truyền"', participants="10") -> bytes:
    return ACTIVITY.replace("TITLE", title).replace("PART", participants).encode("utf-8")


def symlink_info(name):
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16
    return info


def _case(tmp_path, clis, case) -> tuple[Path, str, str]:
    """(bundle, member named in the message, words of the rule) for one hostile case."""
    d883, d884, province = clis["883"], clis["884"], clis["89"]
    good = good_members(tmp_path)
    out = tmp_path / f"{case}.vstb"
    if case == "unsigned":
        return craft(d883, out, good, sign=False), "manifest.sig", "chưa được ký"
    if case == "signature_mismatch":
        # A well-formed signature by the right key, over another manifest (good.vstb's).
        other = fmt.parse_signature_member(members_of(tmp_path / "good.vstb")[fmt.SIGNATURE])[1]
        return craft(d883, out, good, signature=other), "manifest.sig", "chữ ký không khớp"
    if case == "manifest_edited":
        edit = lambda data: data.replace(b'"period":"2023H1"', b'"period":"2023H2"')  # noqa: E731 (this case's edit)
        return craft(d883, out, good, after_sign=edit), "manifest.sig", "chữ ký không khớp"
    if case == "member_changed":
        zipped = dict(good, **{fmt.ACTIVITIES: _same_length_change(good[fmt.ACTIVITIES])})
        return craft(d883, out, good, zip_members=zipped), fmt.ACTIVITIES, "SHA-256 không khớp"
    if case == "member_missing":
        zipped = {n: d for n, d in good.items() if n != fmt.NARRATIVES}
        return craft(d883, out, good, zip_members=zipped), fmt.NARRATIVES, "thiếu trong gói"
    if case == "member_added":
        return craft(d883, out, good, extra=[("extra.jsonl", b"{}\n")]), "extra.jsonl", "thành phần thừa"
    if case == "name_dotdot":
        return craft(d883, out, good, extra=[("../x", b"x")]), "'../x'", "không an toàn"
    if case == "name_absolute":
        return craft(d883, out, good, extra=[("/abs", b"x")]), "'/abs'", "đường dẫn tuyệt đối"
    if case == "name_drive":
        return craft(d883, out, good, extra=[("C:\\x", b"x")]), "'C:\\\\x'", "đường dẫn tuyệt đối"
    if case == "name_twice":
        return (craft(d883, out, good, extra=[(fmt.ACTIVITIES, good[fmt.ACTIVITIES])]), fmt.ACTIVITIES, "hai lần")
    if case == "symlink":
        zipped = {n: d for n, d in good.items() if n != fmt.ACTIVITIES}
        return (
            craft(d883, out, good, zip_members=zipped, extra=[(symlink_info(fmt.ACTIVITIES), b"/etc/passwd")]),
            fmt.ACTIVITIES,
            "symlink",
        )
    if case == "zip_bomb":
        zipped = dict(good, **{fmt.ACTIVITIES: good[fmt.ACTIVITIES] + b" " * 30_000_000})
        return craft(d883, out, good, zip_members=zipped), fmt.ACTIVITIES, "bom zip"
    if case == "truncated":
        data = (tmp_path / "good.vstb").read_bytes()
        out.write_bytes(data[: len(data) // 2])
        return out, out.name, "cắt cụt"
    if case == "not_zip":
        out.write_text("Kính gửi Ban VSTBPN tỉnh: đây là báo cáo.\n", encoding="utf-8")
        return out, out.name, "không phải tệp zip"
    if case == "empty":
        out.write_bytes(b"")
        return out, out.name, "tệp rỗng"
    if case == "key_not_enrolled":
        assert d884("bundle", "export", "--period", "2023H1", "--out", out)[0] == 0
        return out, "manifest.sig", "chưa được đăng ký"
    if case == "key_for_other_unit":
        assert province("trust", "add", tmp_path / "884.pub.json", "--org-unit", "884")[0] == 0
        assert d884("bundle", "export", "--period", "2023H1", "--out", tmp_path / "b884.vstb")[0] == 0
        forged = members_of(tmp_path / "b884.vstb")
        manifest = json.loads(forged[fmt.MANIFEST])
        manifest["sender_org_unit"] = "883"
        profile = Profile.open(d884.data_dir)
        key = load_private_key(profile, PASSPHRASE)
        profile.close()
        data = fmt.canonical_json(manifest)
        forged[fmt.MANIFEST] = data
        forged[fmt.SIGNATURE] = fmt.signature_member(manifest["key_fingerprint"], key.sign(data))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, member in forged.items():
                archive.writestr(name, member)
        return out, fmt.MANIFEST, "chỉ được đăng ký cho đơn vị 884"
    if case == "revoked":
        fingerprint = json.loads((tmp_path / "883.pub.json").read_text(encoding="utf-8"))["fingerprint"]
        assert province("trust", "revoke", fingerprint.lower())[0] == 0
        return tmp_path / "good.vstb", "manifest.sig", "thu hồi"
    if case == "rollback":
        assert province("bundle", "import", tmp_path / "good.vstb")[0] == 0
        return tmp_path / "first.vstb", fmt.MANIFEST, "chống phát lại"
    if case == "equal_sequence_other_content":
        held = json.loads(members_of(tmp_path / "first.vstb")[fmt.MANIFEST])["sequence"]
        return (
            craft(d883, out, with_line(good, fmt.ACTIVITIES, activity_line()), edit=lambda m: m.update(sequence=held)),
            fmt.MANIFEST,
            "chống phát lại",
        )
    if case == "mixed_bundles":
        assert d883("data", "import", _activities_csv(tmp_path))[0] == 0
        assert d883("bundle", "export", "--period", "2023H1", "--out", tmp_path / "other.vstb")[0] == 0
        other = members_of(tmp_path / "other.vstb")
        mine = members_of(tmp_path / "good.vstb")
        mixed = {n: (mine if n in (fmt.MANIFEST, fmt.SIGNATURE) else other)[n] for n in mine}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, member in mixed.items():
                archive.writestr(name, member)
        return out, fmt.ACTIVITIES, "manifest ghi"
    if case == "deep_json":
        deep = b'{"title":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        return craft(d883, out, with_line(good, fmt.ACTIVITIES, deep)), fmt.ACTIVITIES, "lồng nhau quá sâu"
    if case == "nested_json":
        nested = activity_line(title='[[[["Tuyên truyền"]]]]')
        return craft(d883, out, with_line(good, fmt.ACTIVITIES, nested)), fmt.ACTIVITIES, "không được lồng"
    if case == "duplicate_keys":
        line = activity_line().replace(b'"sessions":1', b'"sessions":1,"sessions":2')
        return craft(d883, out, with_line(good, fmt.ACTIVITIES, line)), fmt.ACTIVITIES, "xuất hiện hai lần"
    if case == "nan":
        values = good[fmt.INDICATORS].replace(b'"value":', b'"value":NaN,"x":', 1)
        return (craft(d883, out, dict(good, **{fmt.INDICATORS: values})), fmt.INDICATORS, "NaN không được phép")
    if case == "huge_number":
        line = activity_line(participants="1" + "0" * 4999)
        return craft(d883, out, with_line(good, fmt.ACTIVITIES, line)), fmt.ACTIVITIES, "vượt giới hạn 18"
    raise AssertionError(case)


def _same_length_change(data: bytes) -> bytes:
    changed = re.sub(
        rb'"participants":(\d)', lambda m: b'"participants":' + (b"7" if m.group(1) != b"7" else b"8"), data, count=1
    )
    assert changed != data and len(changed) == len(data)
    return changed


def _activities_csv(tmp_path) -> Path:
    path = tmp_path / "more.csv"
    path.write_text(
        "date,kind,title,sessions,participants,female_participants,place,notes\n"
        "2023-05-02,training,Tập huấn bổ sung,2,40,25,Mỹ Bình,\n",
        encoding="utf-8",
    )
    return path


HOSTILE = [
    "unsigned",
    "signature_mismatch",
    "manifest_edited",
    "member_changed",
    "member_missing",
    "member_added",
    "name_dotdot",
    "name_absolute",
    "name_drive",
    "name_twice",
    "symlink",
    "zip_bomb",
    "truncated",
    "not_zip",
    "empty",
    "key_not_enrolled",
    "key_for_other_unit",
    "revoked",
    "rollback",
    "equal_sequence_other_content",
    "mixed_bundles",
    "deep_json",
    "nested_json",
    "duplicate_keys",
    "nan",
    "huge_number",
]


@pytest.mark.parametrize(
    "case,dry_run",
    [(case, False) for case in HOSTILE]
    + [(case, True) for case in ("signature_mismatch", "member_changed", "zip_bomb", "rollback", "nan")],
)
def test_hostile_bundle_is_refused_and_nothing_changes(world, tmp_path, case, dry_run):
    bundle, member, rule = _case(tmp_path, world, case)
    province = world["89"]
    before = snapshot(province)
    code, out, err = province("bundle", "import", bundle, *(["--dry-run"] if dry_run else []))
    assert code == 1, out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert bundle.name in lines[0] and member in lines[0] and rule in lines[0], lines[0]
    assert snapshot(province) == before


@pytest.mark.parametrize("case", ["unsigned", "member_changed", "symlink", "zip_bomb", "revoked"])
def test_hostile_bundle_fails_verify_too(world, tmp_path, case):
    bundle, member, rule = _case(tmp_path, world, case)
    code, _, err = world["89"]("bundle", "verify", bundle)
    assert code == 1 and member in err and rule in err, err


def test_crafted_bundle_without_a_flaw_is_accepted(world, tmp_path):
    """The hostile cases are built by the same hand: without the flaw, the bundle imports."""
    bundle = craft(
        world["883"], tmp_path / "control.vstb", with_line(good_members(tmp_path), fmt.ACTIVITIES, activity_line())
    )
    code, out, err = world["89"]("bundle", "import", bundle)
    assert code == 0, err
    assert "hoạt động: thêm 1, bỏ 0" in out


def test_nfd_text_is_normalised_not_refused(world, tmp_path):
    title = unicodedata.normalize("NFD", "Tuyên truyền Luật Bình đẳng giới ở phường Mỹ Xuyên")
    assert title != unicodedata.normalize("NFC", title)
    line = activity_line(title=json.dumps(title, ensure_ascii=False))
    bundle = craft(world["883"], tmp_path / "nfd.vstb", with_line(good_members(tmp_path), fmt.ACTIVITIES, line))
    code, _, err = world["89"]("bundle", "import", bundle)
    assert code == 0, err
    [(stored,)] = world["89"].query(
        "SELECT title FROM activity WHERE id = :id", id="11111111-2222-4333-8444-555555555555"
    )
    assert stored == unicodedata.normalize("NFC", title)


def test_same_bundle_again_is_harmless(world, tmp_path):
    province = world["89"]
    before = snapshot(province)
    code, out, err = province("bundle", "import", tmp_path / "first.vstb")
    assert code == 0, err
    assert re.search(r"đã nhận ngày \d{2}/\d{2}/\d{4}", out)
    assert snapshot(province) == before


def test_newer_bundle_supersedes_and_periods_are_independent(world, tmp_path):
    d883, province = world["883"], world["89"]
    assert d883("data", "import", _activities_csv(tmp_path))[0] == 0
    assert d883("bundle", "export", "--period", "2023H1", "--out", tmp_path / "newer.vstb")[0] == 0
    assert d883("bundle", "export", "--period", "2022H1", "--out", tmp_path / "y2022.vstb")[0] == 0
    code, out, err = province("bundle", "import", tmp_path / "newer.vstb", "--dry-run")
    assert code == 0 and "hoạt động: thêm 1, bỏ 0" in out and "Chạy thử" in out, err
    code, out, err = province("bundle", "import", tmp_path / "newer.vstb")
    assert code == 0 and "thay gói số 1" in out, err
    # 2022H1 is another period: its own sequence history, untouched by 2023H1's.
    code, out, err = province("bundle", "import", tmp_path / "y2022.vstb")
    assert code == 0, err
    assert "chỉ tiêu LEADERS_TOTAL: — →" in out
    rows = province.query(
        "SELECT period, sequence, current FROM bundle_ledger WHERE sender_org_unit='883' ORDER BY sequence"
    )
    assert rows == [("2023H1", 1, False), ("2023H1", 3, True), ("2022H1", 4, True)]


def test_export_is_small_and_verified(world, tmp_path):
    size = (tmp_path / "good.vstb").stat().st_size
    assert size < 50 * 1024
    names = [info.filename for info in zipfile.ZipFile(tmp_path / "good.vstb").infolist()]
    assert sorted(names) == sorted([*fmt.DATA_MEMBERS, fmt.AUDIT, fmt.MANIFEST, fmt.SIGNATURE])
    assert not list(tmp_path.glob(".*.tmp"))


def test_happy_path_two_districts_and_province(cli_factory, tmp_path):
    clis = {}
    for code in ("883", "884", "89"):
        cli = cli_factory(f"h{code}")
        assert cli("init", "--org-unit", code)[0] == 0
        assert cli("demo")[0] == 0
        clis[code] = cli
    province = clis["89"]
    own = json.loads(province("summary", "--period", "2023H1", "--json")[1])
    district_figures = []
    for code in ("883", "884"):
        cli = clis[code]
        district_figures.append(json.loads(cli("summary", "--period", "2023H1", "--json")[1]))
        assert cli("keys", "export-public", "--out", tmp_path / f"{code}.pub")[0] == 0
        code_, out, err = cli("bundle", "export", "--period", "2023H1", "--out", tmp_path / f"{code}.vstb")
        assert code_ == 0, err
        assert re.search(r"\(\d+(,\d)? KB\)", out)
        shown = cli("keys", "show")[1].strip().splitlines()[-1]
        code_, out, err = province("trust", "add", tmp_path / f"{code}.pub", "--org-unit", code)
        assert code_ == 0, err
        assert out.strip().splitlines()[-1].endswith(shown[-39:])
        assert "Hãy đối chiếu vân tay dưới đây với cán bộ đơn vị gửi (đọc qua điện thoại):" in out  # a unit below
    code, out, err = province("bundle", "import", tmp_path / "883.vstb", tmp_path / "884.vstb")
    assert code == 0, err
    result = json.loads(province("summary", "--period", "2023H1", "--json")[1])
    # The province typed its whole-area figures (2.302 leaders "các cấp", 780 sessions): they stand, the
    # districts' sum is beside them for checking; what it did not type is built from the districts.
    for name in ("LEADERS_TOTAL", "LEADERS_FEMALE", "COMM_SESSIONS"):
        assert result["indicators"][name] == own["indicators"][name], name
        assert result["coverage"][name] == "area"
    assert result["checks"]["LEADERS_TOTAL"] == sum(d["indicators"]["LEADERS_TOTAL"] for d in district_figures)
    for name in ("HOTLINE_CONTACTS", "MEDIA_ITEMS"):
        assert result["indicators"][name] == own["indicators"].get(name, 0) + sum(
            d["indicators"][name] for d in district_figures
        ), name
    assert result["indicators"]["LEADERS_FEMALE_PCT"] == own["indicators"]["LEADERS_FEMALE_PCT"] == 25.36
    assert result["counts"]["activities"] == own["counts"]["activities"] + sum(
        d["counts"]["activities"] for d in district_figures
    )
    assert result["children"]["reported"] == ["883", "884"]
    assert len(result["children"]["missing"]) == 9 and "886" in result["children"]["missing"]


def test_reporting_matrix_late_and_missing(world, tmp_path):
    province = world["89"]
    assert province("period", "deadline", "--period", "2023H1", "--date", "2023-07-15")[0] == 0
    assert province("period", "deadline", "--period", "2023H2", "--date", "31/01/2024")[0] == 0
    code, out, err = province("bundle", "status", "--json")
    assert code == 0, err
    status = json.loads(out)
    rows = {row["org_unit"]: row["cells"] for row in status["rows"]}
    assert status["deadlines"] == {"2023H1": "2023-07-15", "2023H2": "2024-01-31"}
    # Received long after 15/07/2023 (the test runs later): late, with its sequence.
    assert rows["883"]["2023H1"]["status"] == "late" and rows["883"]["2023H1"]["sequence"] == 1
    assert rows["884"]["2023H1"] == {
        "status": "missing",
        "received": None,
        "sequence": None,
        "overdue": True,
        "returned": None,
    }
    assert rows["883"]["2023H2"]["status"] == "missing"
    text = province("bundle", "status", "--period", "2023H1")[1]
    assert "hạn nộp 15/07/2023" in text and "trễ hạn" in text and "chưa gửi, đã quá hạn" in text
    assert province("period", "deadline", "--period", "2023H1", "--date", "2023-02-30")[0] == 1


def test_failure_inside_the_transaction_leaves_everything_as_before(world, tmp_path):
    """An activity id the province holds for its own unit: the insert fails after the sender's
    period was deleted, and the rollback restores the data and the ledger exactly."""
    province = world["89"]
    [(taken,)] = province.query("SELECT id FROM activity WHERE org_unit_code = '89' LIMIT 1")
    line = activity_line().replace(b"11111111-2222-4333-8444-555555555555", taken.encode("ascii"))
    bundle = craft(world["883"], tmp_path / "collide.vstb", with_line(good_members(tmp_path), fmt.ACTIVITIES, line))
    before = snapshot(province)
    code, _, err = province("bundle", "import", bundle)
    assert code == 1 and "collide.vstb" in err and "trùng" in err, err
    assert snapshot(province) == before
