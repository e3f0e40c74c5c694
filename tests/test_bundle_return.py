"""What crosses units between a report and its correction: the audit summary travels in the bundle (format 1.1),
and the province returns a report for correction with a signed answer the district applies once."""

import hashlib
import json
import zipfile

import pytest
from conftest import ok

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity, set_indicator_values

H1 = Period.parse("2023H1")
REASON = "Thiếu số liệu chỉ tiêu bạo lực gia đình; sửa lại số người tham gia"
TABLES = ("activity", "document", "indicator_value", "narrative", "bundle_ledger", "trusted_key", "period", "meta")


def snapshot(cli) -> dict:
    return {t: sorted(map(repr, cli.query(f"SELECT * FROM {t}"))) for t in TABLES}


def refused(cli, *args) -> str:
    code, out, err = cli(*args)
    assert code == 1, out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def opened(cli, path) -> dict[str, bytes]:
    """The members of a bundle or answer as the unit of `cli` reads them (decrypted, when sealed to it)."""
    from vstbpn_desktop.bundle import sealed

    profile = Profile.open(cli.data_dir)
    try:
        with sealed.open_bundle(profile, path) as reader:
            return {name: reader.read_member(name, 1024 * 1024) for name in reader.infos}
    finally:
        profile.close()


def edit_three_add_one(cli) -> None:
    profile = Profile.open(cli.data_dir)
    try:
        scope = Scope("883", H1)
        set_indicator_values(
            profile.engine,
            scope,
            {"LEADERS_TOTAL": 230, "LEADERS_FEMALE": 50, "HOTLINE_CONTACTS": 17},
            author=profile.author,
        )
        add_activity(
            profile.engine,
            scope,
            {
                "date": "2023-05-02",
                "kind": "communication",
                "title": "Tuyên truyền bổ sung",
                "sessions": 1,
                "participants": 40,
                "female_participants": 30,
            },
            profile.author,
        )
    finally:
        profile.close()


def test_resubmission_carries_the_audit_summary(pair, tmp_path):
    district, province = pair
    ok(district, "reopen", "--period", "2023H1", "--reason", "Bổ sung số liệu lãnh đạo")
    edit_three_add_one(district)
    ok(district, "submit", "--period", "2023H1")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")
    with zipfile.ZipFile(tmp_path / "second.vstb") as archive:
        manifest = json.loads(archive.read(fmt.MANIFEST))
        data = archive.read(fmt.AUDIT)
    assert manifest["format_minor"] == 1
    entry = next(m for m in manifest["members"] if m["name"] == fmt.AUDIT)
    assert entry == {"name": fmt.AUDIT, "length": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    summary = json.loads(data)
    assert summary["changes"]["indicator_value"] == {"insert": 0, "update": 3, "delete": 0}
    assert summary["changes"]["activity"] == {"insert": 1, "update": 0, "delete": 0}
    assert [r["reason"] for r in summary["reopened"]] == ["Bổ sung số liệu lãnh đạo"]
    assert summary["since"] is not None
    for command in (("bundle", "verify"), ("bundle", "import", "--dry-run")):
        out = ok(province, *command, tmp_path / "second.vstb")
        assert "Thay đổi từ lần gửi trước (" in out and "): 3 sửa, 1 thêm, 0 xóa; mở lại kỳ ngày " in out
        assert "(Trần Thị Lan), lý do: Bổ sung số liệu lãnh đạo." in out
    ok(province, "bundle", "import", tmp_path / "second.vstb")
    [(kept,)] = province.query("SELECT audit FROM bundle_ledger WHERE current")
    assert json.loads(kept) == summary


def _rewrite(district_cli, source, out, edit_manifest=None, members=None):
    """The bundle re-signed with the district's real key after a change to its manifest/members."""
    from conftest import PASSPHRASE

    from vstbpn_desktop.bundle.keys import load_private_key

    with zipfile.ZipFile(source) as archive:
        held = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(held.pop(fmt.MANIFEST))
    held.pop(fmt.SIGNATURE)
    if members is not None:
        held = members(held)
    manifest["members"] = [
        {"name": n, "length": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in held.items()
    ]
    if edit_manifest:
        edit_manifest(manifest)
    profile = Profile.open(district_cli.data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
    finally:
        profile.close()
    data = fmt.canonical_json(manifest)
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(fmt.MANIFEST, data)
        archive.writestr(fmt.SIGNATURE, fmt.signature_member(manifest["key_fingerprint"], key.sign(data)))
        for name, value in held.items():
            archive.writestr(name, value)
    return out


def test_bundle_without_the_audit_member_still_imports(pair, tmp_path):
    district, province = pair
    ok(district, "reopen", "--period", "2023H1", "--reason", "Bổ sung")
    edit_three_add_one(district)
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")

    def drop_minor(manifest):
        manifest.pop("format_minor")

    old = _rewrite(
        district,
        tmp_path / "second.vstb",
        tmp_path / "old-format.vstb",
        drop_minor,
        lambda held: {n: d for n, d in held.items() if n != fmt.AUDIT},
    )
    out = ok(province, "bundle", "import", old)
    assert "Gói không kèm tóm tắt thay đổi (định dạng 1.0)." in out
    assert "Đã nhập dữ liệu kỳ 2023H1" in out


@pytest.mark.parametrize(
    "case,rule",
    [
        ("missing", "thiếu audit.json"),
        ("bad_json", "tóm tắt thay đổi không hợp lệ"),
        ("nested_extra", "tóm tắt thay đổi không hợp lệ"),
        ("too_big", "vượt giới hạn 65536 byte"),
        ("minor_3", "phiên bản phụ 3 không được hỗ trợ"),
    ],
)
def test_hostile_audit_member_is_refused(pair, tmp_path, case, rule):
    district, province = pair
    ok(district, "reopen", "--period", "2023H1", "--reason", "Bổ sung")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "second.vstb")
    members, edit = None, None
    if case == "missing":
        members = lambda held: {n: d for n, d in held.items() if n != fmt.AUDIT}  # noqa: E731 (this case's edit)
    elif case == "bad_json":
        members = lambda held: {**held, fmt.AUDIT: b'{"since":null,"since":null}'}  # noqa: E731 (this case's edit)
    elif case == "nested_extra":

        def members(held):
            value = json.loads(held[fmt.AUDIT])
            value["changes"]["activity"]["rename"] = 1
            return {**held, fmt.AUDIT: json.dumps(value).encode()}
    elif case == "too_big":
        members = lambda held: {**held, fmt.AUDIT: b" " * (70 * 1024)}  # noqa: E731 (this case's edit)
    else:

        def edit(manifest):
            manifest["format_minor"] = 3

    bad = _rewrite(district, tmp_path / "second.vstb", tmp_path / f"{case}.vstb", edit, members)
    before = snapshot(province)
    line = refused(province, "bundle", "import", bad)
    assert rule in line and bad.name in line
    assert snapshot(province) == before


# -- return for correction ------------------------------------------------------------------------


def test_return_round_trip(pair, tmp_path):
    district, province = pair
    answer = tmp_path / "tra-lai.vstb"
    out = ok(
        province, "bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", REASON, "--out", answer
    )
    assert "trả lại báo cáo kỳ 2023H1 của Thành phố Long Xuyên (883), gói số 1" in out
    assert "Tệp đã được mã hóa: chỉ đơn vị 883 mở được" in out  # the district's key file carried its encryption key
    members = opened(district, answer)
    assert sorted(members) == sorted([fmt.MANIFEST, fmt.SIGNATURE, fmt.ANSWER])
    manifest, body = json.loads(members[fmt.MANIFEST]), json.loads(members[fmt.ANSWER])
    assert manifest["kind"] == "answer" and manifest["sender_org_unit"] == "89"
    assert manifest["recipient_org_unit"] == "883" and manifest["counts"] == {}
    assert body["reason"] == REASON and body["bundle_sequence"] == 1 and body["org_unit"] == "883"

    # Before the province's key is enrolled at the district: refused, nothing changes.
    before = snapshot(district)
    assert "chưa được đăng ký" in refused(district, "bundle", "import", answer)
    assert snapshot(district) == before
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    out = ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    assert "Tỉnh An Giang (89)" in out
    assert "đã khóa để gửi" in ok(district, "period", "show", "--period", "2023H1")

    dry = ok(district, "bundle", "import", "--dry-run", answer)
    assert REASON in dry and "Chạy thử" in dry
    assert "đã khóa để gửi" in ok(district, "period", "show", "--period", "2023H1")
    ok(district, "bundle", "import", answer)
    shown = ok(district, "period", "show", "--period", "2023H1")
    assert "đang mở" in shown and f"lý do: {REASON}" in shown and "Cấp trên trả lại để sửa ngày" in shown
    reopen = district.query("SELECT reason FROM audit_event WHERE action = 'reopen'")
    assert reopen == [(f"Cấp trên trả lại để sửa: {REASON}",)]

    # Applied once: the same file again is refused with the data unchanged.
    before = snapshot(district)
    assert "chỉ áp dụng một lần" in refused(district, "bundle", "import", answer)
    assert snapshot(district) == before

    # The district corrects and resubmits: the province sees the reason among the reopenings.
    edit_three_add_one(district)
    ok(district, "submit", "--period", "2023H1")
    assert "đã khóa gửi lại sau đó" in ok(district, "period", "show", "--period", "2023H1")
    # ... and the replayed answer still cannot reopen the locked period.
    assert "chỉ áp dụng một lần" in refused(district, "bundle", "import", answer)
    # Until then the province's status says it returned bundle 1; the corrected bundle clears it.
    status = ok(province, "bundle", "status", "--period", "2023H1")
    assert "883\tThành phố Long Xuyên\tđã nhận" in status and ", đã trả lại để sửa ngày " in status
    held = json.loads(ok(province, "bundle", "status", "--period", "2023H1", "--json"))
    assert held["rows"][0]["cells"]["2023H1"]["returned"] is not None
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "corrected.vstb")
    out = ok(province, "bundle", "import", tmp_path / "corrected.vstb")
    assert "3 sửa, 1 thêm, 0 xóa" in out and f"lý do: Cấp trên trả lại để sửa: {REASON}" in out
    status = ok(province, "bundle", "status", "--period", "2023H1")
    assert "gói số 2" in status and "trả lại" not in status
    held = json.loads(ok(province, "bundle", "status", "--period", "2023H1", "--json"))
    assert held["rows"][0]["cells"]["2023H1"]["returned"] is None


def test_return_refusals_at_the_province(pair, tmp_path):
    district, province = pair
    before = snapshot(province)
    assert "cần ghi lý do" in refused(
        province,
        "bundle",
        "return",
        "--period",
        "2023H1",
        "--org-unit",
        "883",
        "--reason",
        "   ",
        "--out",
        tmp_path / "a.vstb",
    )
    assert "chưa nhận báo cáo kỳ 2023H2" in refused(
        province,
        "bundle",
        "return",
        "--period",
        "2023H2",
        "--org-unit",
        "883",
        "--reason",
        "x",
        "--out",
        tmp_path / "a.vstb",
    )
    assert "chưa nhận báo cáo kỳ 2023H1 của đơn vị 884" in refused(
        province,
        "bundle",
        "return",
        "--period",
        "2023H1",
        "--org-unit",
        "884",
        "--reason",
        "x",
        "--out",
        tmp_path / "a.vstb",
    )
    assert not (tmp_path / "a.vstb").exists()
    assert snapshot(province) == before


def _answer_from(cli, tmp_path, name, recipient="883", sender_unit=None, sequence=7, **answer_fields):
    """An answer signed by `cli`'s own key, addressed to `recipient` (crafted, otherwise well formed)."""
    from conftest import PASSPHRASE

    from vstbpn_desktop.bundle.keys import fingerprint_hex, load_private_key, raw_public

    profile = Profile.open(cli.data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
        unit, tree = sender_unit or profile.org_unit_code, profile.org_unit_tree
    finally:
        profile.close()
    fingerprint = fingerprint_hex(raw_public(key.public_key()))
    body = fmt.canonical_json(
        {
            "action": "return",
            "org_unit": recipient,
            "period": "2023H1",
            "bundle_id": "11111111-2222-4333-8444-555555555555",
            "bundle_sequence": 1,
            "reason": "Sửa lại",
            "returned_by": "X",
            "returned_at": "2023-07-20T08:00:00Z",
            **answer_fields,
        }
    )
    manifest = fmt.Manifest(
        bundle_id="22222222-2222-4333-8444-555555555555",
        kind="answer",
        sender_org_unit=unit,
        sender_tree=tree,
        sender_officer="X",
        key_fingerprint=fingerprint,
        recipient_org_unit=recipient,
        sequence=sequence,
        period="2023H1",
        created_at="2023-07-20T08:00:00Z",
        app_version="0",
        counts={},
        members=(fmt.MemberEntry(fmt.ANSWER, len(body), hashlib.sha256(body).hexdigest()),),
    )
    data = fmt.canonical_json(manifest.as_json())
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(fmt.MANIFEST, data)
        archive.writestr(fmt.SIGNATURE, fmt.signature_member(fingerprint, key.sign(data)))
        archive.writestr(fmt.ANSWER, body)
    return out


def test_hostile_answers_are_refused_with_the_data_unchanged(pair, cli_factory, tmp_path):
    district, province = pair
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    # A commune below the district, its key enrolled at the district (a child key).
    commune = cli_factory("c30280")
    profile = Profile.open(district.data_dir)
    try:
        child = profile.children()[0].code
    finally:
        profile.close()
    ok(commune, "init", "--org-unit", child, "--officer", "Lê Văn Xã")
    ok(commune, "keys", "export-public", "--out", tmp_path / "child.pub")
    ok(district, "trust", "add", tmp_path / "child.pub", "--org-unit", child)
    stranger = cli_factory("p-other")
    ok(stranger, "init", "--org-unit", "89", "--officer", "Kẻ lạ")

    cases = {
        "child-key.vstb": (
            _answer_from(commune, tmp_path, "child-key.vstb"),
            "chỉ chấp nhận trả lời của đơn vị cấp trên 89",
        ),
        "unenrolled.vstb": (_answer_from(stranger, tmp_path, "unenrolled.vstb"), "chưa được đăng ký"),
        "other-unit.vstb": (
            _answer_from(province, tmp_path, "other-unit.vstb", recipient="884"),
            "gửi cho đơn vị 884, không phải 883",
        ),
    }
    before = snapshot(district)
    for name, (path, rule) in cases.items():
        line = refused(district, "bundle", "import", path)
        assert rule in line and name in line, line
        assert snapshot(district) == before
    # Genuine answers are applied once each; a replay of either, or another answer whose sequence is
    # not above the newest applied, is refused with the data unchanged.
    first, second = tmp_path / "first.vstb", tmp_path / "second.vstb"
    ok(province, "bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", REASON, "--out", first)
    ok(province, "bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", "lần hai", "--out", second)
    ok(district, "bundle", "import", first)
    ok(district, "bundle", "import", second)
    newest = json.loads(opened(district, second)[fmt.MANIFEST])["sequence"]
    older = _answer_from(province, tmp_path, "older.vstb", sequence=newest)
    before = snapshot(district)
    for path, rule in (
        (first, "chỉ áp dụng một lần"),
        (second, "chỉ áp dụng một lần"),
        (older, f"không lớn hơn số {newest}"),
    ):
        line = refused(district, "bundle", "import", path)
        assert rule in line and path.name in line, line
        assert snapshot(district) == before


def test_parent_key_cannot_sign_a_report(pair, tmp_path):
    """The parent's key is enrolled for answers only: a report bundle signed with it is refused."""
    district, province = pair
    # Exported before the parent's key is enrolled: unencrypted, so its members can be taken apart.
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "d.vstb")
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    ok(province, "demo")
    # The province cannot export to itself; craft a report bundle of 89 addressed to 883.
    from conftest import PASSPHRASE

    from vstbpn_desktop.bundle.keys import fingerprint_hex, load_private_key, raw_public

    profile = Profile.open(province.data_dir)
    try:
        fingerprint = fingerprint_hex(raw_public(load_private_key(profile, PASSPHRASE).public_key()))
    finally:
        profile.close()

    def as_parent(manifest):
        manifest.update(sender_org_unit="89", recipient_org_unit="883", key_fingerprint=fingerprint, sequence=99)

    with zipfile.ZipFile(tmp_path / "d.vstb") as archive:
        held = {n: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(held.pop(fmt.MANIFEST))
    held.pop(fmt.SIGNATURE)
    as_parent(manifest)
    profile = Profile.open(province.data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
    finally:
        profile.close()
    data = fmt.canonical_json(manifest)
    out = tmp_path / "parent-report.vstb"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(fmt.MANIFEST, data)
        archive.writestr(fmt.SIGNATURE, fmt.signature_member(fingerprint, key.sign(data)))
        for name, value in held.items():
            archive.writestr(name, value)
    before = snapshot(district)
    line = refused(district, "bundle", "import", out)
    assert "không phải đơn vị cấp dưới của 883" in line
    assert snapshot(district) == before


def test_trust_add_accepts_the_parent_but_not_a_stranger(pair, cli_factory, tmp_path):
    district, province = pair
    other = cli_factory("p-other-province")
    ok(other, "init", "--org-unit", "884", "--officer", "Huyện khác")
    ok(other, "keys", "export-public", "--out", tmp_path / "884.pub")
    assert "không thuộc 883" in refused(district, "trust", "add", tmp_path / "884.pub", "--org-unit", "884")
