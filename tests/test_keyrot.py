"""Issue 15 items 3-4: bundles sealed to the parent's key, key rotation, recovery and expiry.

Real profiles through the command line, real keys, real sealed files; every refusal is one
`error:` line and the province's database exactly as before (dump compared)."""

import datetime as dt
import json
import re
import shutil
import zipfile
from secrets import token_urlsafe

import pytest
from conftest import ok
from test_bundle_return import refused
from test_bundle_return import snapshot as dump

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.bundle import sealed


def refused_unchanged(province, path) -> str:
    """Refused by verify, dry run and import alike, the province's data untouched."""
    before = dump(province)
    line = refused(province, "bundle", "import", path)
    assert refused(province, "bundle", "verify", path) == line
    assert refused(province, "bundle", "import", "--dry-run", path) == line
    assert dump(province) == before
    assert not list(province.data_dir.glob(".opened-*")), "the decrypted copy is deleted"
    return line


@pytest.fixture
def sealed_pair(sender_and_parent, tmp_path):
    """District 883 that enrolled the province's public key file: its bundles are sealed."""
    district, province = sender_and_parent
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    out = ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    assert "gói gửi cho đơn vị này sẽ được mã hóa" in out
    return district, province


def export(district, path, *extra) -> str:
    return ok(district, "bundle", "export", "--period", "2023H1", "--out", path, *extra)


# -- item 4: sealed bundles ------------------------------------------------------------------


def test_public_key_file_carries_an_encryption_key_signed_by_the_signing_key(sender_and_parent, tmp_path):
    district, _ = sender_and_parent
    document = json.loads((tmp_path / "883.pub").read_text("utf-8"))
    assert len(__import__("base64").b64decode(document["encryption_key"])) == 32
    assert document["encryption_key_signature"]
    out = ok(district, "keys", "show")
    assert "Khóa mã hóa (X25519)" in out and out.strip().splitlines()[-1].startswith("Vân tay: ")


def test_a_bundle_to_an_enrolled_parent_is_sealed_and_imports(sealed_pair, tmp_path):
    district, province = sealed_pair
    out = export(district, tmp_path / "b.vstb")
    assert "Gói đã được mã hóa: chỉ đơn vị 89 mở được" in out
    data = (tmp_path / "b.vstb").read_bytes()
    assert data.startswith(sealed.MAGIC) and b"PK\x03\x04" not in data
    header = json.loads(data.split(b"\n")[1])
    assert header["recipient_org_unit"] == "89" and header["scheme"] == sealed.SCHEME
    # No plaintext of the sample reaches the file (a narrative's words, an indicator code).
    assert "Long Xuyên".encode() not in data and b"LEADERS_TOTAL" not in data
    assert not list(district.data_dir.glob(".sealing-*")), "the plain zip is not left in the profile"
    assert "Gói được mã hóa cho đơn vị này" in ok(province, "bundle", "verify", tmp_path / "b.vstb")
    out = ok(province, "bundle", "import", tmp_path / "b.vstb")
    assert "Đã nhập dữ liệu kỳ 2023H1 của đơn vị 883" in out
    assert "không có gì thay đổi" in ok(province, "bundle", "import", tmp_path / "b.vstb")
    assert not list(province.data_dir.glob(".opened-*"))


def test_a_unit_without_the_parents_key_sends_unencrypted_and_says_so(sender_and_parent, tmp_path):
    district, province = sender_and_parent
    out = export(district, tmp_path / "b.vstb")
    assert "Gói KHÔNG được mã hóa" in out
    assert zipfile.is_zipfile(tmp_path / "b.vstb")
    assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / "b.vstb")


def test_an_old_public_key_file_without_encryption_key_still_enrols(sender_and_parent, tmp_path):
    """A key file of an older version: enrolled; the unit then sends unencrypted."""
    district, province = sender_and_parent
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    document = json.loads((tmp_path / "89.pub").read_text("utf-8"))
    del document["encryption_key"], document["encryption_key_signature"]
    (tmp_path / "old.pub").write_text(json.dumps(document), "utf-8")
    out = ok(district, "trust", "add", tmp_path / "old.pub", "--org-unit", "89")
    assert "Tệp không có khóa mã hóa (phiên bản cũ)" in out
    assert "Gói KHÔNG được mã hóa" in export(district, tmp_path / "b.vstb")


def test_a_key_file_with_a_swapped_encryption_key_is_refused(sender_and_parent, cli_factory, tmp_path):
    """Someone between the units swaps in their own X25519 key: the signing key (whose fingerprint
    is read aloud) did not sign it."""
    district, province = sender_and_parent
    other = cli_factory("other89")
    ok(other, "init", "--org-unit", "89")
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(other, "keys", "export-public", "--out", tmp_path / "other.pub")
    document = json.loads((tmp_path / "89.pub").read_text("utf-8"))
    document["encryption_key"] = json.loads((tmp_path / "other.pub").read_text("utf-8"))["encryption_key"]
    (tmp_path / "swapped.pub").write_text(json.dumps(document), "utf-8")
    before = dump(district)
    line = refused(district, "trust", "add", tmp_path / "swapped.pub", "--org-unit", "89")
    assert "khóa mã hóa trong tệp không hợp lệ hoặc không được khóa ký của tệp xác nhận" in line
    assert dump(district) == before


def _tamper(path, out, edit):
    data = bytearray(path.read_bytes())
    out.write_bytes(bytes(edit(data)))
    return out


def test_sealed_bundle_attacks_are_refused_one_clear_line_each(sealed_pair, cli_factory, tmp_path):
    district, province = sealed_pair
    export(district, tmp_path / "b.vstb")
    good = tmp_path / "b.vstb"
    data = good.read_bytes()
    body = data.index(b"\n", len(sealed.MAGIC)) + 1

    def flip(at):
        def edit(d):
            d[at] ^= 0x01
            return d

        return edit

    def other_ephemeral(d):  # another valid X25519 public key in the header, its size kept
        at = d.index(b'"ephemeral_key":"') + len(b'"ephemeral_key":"') + 5
        d[at] = ord("B") if d[at] == ord("A") else ord("A")
        return d

    cases = {
        "tampered ciphertext": (flip(body + 40), "không giải mã được đoạn 1"),
        "tampered tag": (flip(len(data) - 1), "không giải mã được đoạn 1"),
        "truncated": (lambda d: d[:-10], "bị cắt cụt hoặc bị thêm dữ liệu"),
        "extended": (lambda d: d + b"\0" * 16, "bị cắt cụt hoặc bị thêm dữ liệu"),
        "header edited": (other_ephemeral, "không giải mã được đoạn 1"),
        "header grown": (lambda d: d.replace(b'"version":1}', b'"version":1 }'), "không giải mã được đoạn 1"),
        "header version true": (lambda d: d.replace(b'"version":1}', b'"version":true}'), "không được hỗ trợ"),
        "header unknown scheme": (
            lambda d: d.replace(sealed.SCHEME.encode(), b"x25519-hkdf-sha256-aes256gcm-xx"),
            "không được hỗ trợ",
        ),
        "not json": (lambda d: d[:body].replace(b"{", b"[", 1) + d[body:], "phần đầu"),
    }
    for name, (edit, expected) in cases.items():
        line = refused_unchanged(province, _tamper(good, tmp_path / f"{name}.vstb", edit))
        assert f"gói {name}.vstb: gói mã hóa:" in line and expected in line, (name, line)

    # Swapped headers: the header (its ephemeral key) of another sealed bundle on this body.
    export(district, tmp_path / "c.vstb", "--sequence-from", "7")
    other = (tmp_path / "c.vstb").read_bytes()
    other_body = other.index(b"\n", len(sealed.MAGIC)) + 1
    header = json.loads(other[len(sealed.MAGIC) : other_body])
    header["length"] = json.loads(data[len(sealed.MAGIC) : body])["length"]
    swapped = sealed.MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n" + data[body:]
    (tmp_path / "swapped.vstb").write_bytes(swapped)
    assert "không giải mã được đoạn 1" in refused_unchanged(province, tmp_path / "swapped.vstb")

    # Wrong recipient: sealed to another province profile's key (a unit enrolled a wrong file).
    wrong = cli_factory("wrong89")
    ok(wrong, "init", "--org-unit", "89")
    ok(wrong, "keys", "export-public", "--out", tmp_path / "wrong.pub")
    ok(district, "trust", "revoke", json.loads((tmp_path / "89.pub").read_text("utf-8"))["fingerprint"])
    ok(district, "trust", "add", tmp_path / "wrong.pub", "--org-unit", "89")
    export(district, tmp_path / "wrong.vstb", "--sequence-from", "9")
    line = refused_unchanged(province, tmp_path / "wrong.vstb")
    assert "không phải khóa giải mã của hồ sơ này" in line
    # And the good bundle still imports after all of that.
    assert "Đã nhập" in ok(province, "bundle", "import", good)


def test_a_sealed_bundle_addressed_to_another_unit_is_refused_before_decrypting(sealed_pair, cli_factory, tmp_path):
    district, _ = sealed_pair
    export(district, tmp_path / "b.vstb")
    other = cli_factory("p884")
    ok(other, "init", "--org-unit", "884")
    line = refused(other, "bundle", "import", tmp_path / "b.vstb")
    assert (
        "gói b.vstb: gói mã hóa: gói được mã hóa gửi cho đơn vị Tỉnh An Giang (89), không phải Thành phố Châu Đốc "
        "(884); chỉ đơn vị nhận mở được" in line
    )


def test_multi_chunk_bundle_round_trips(sealed_pair, tmp_path):
    """A bundle larger than one 64 KiB chunk: every chunk authenticated, the last flagged."""
    district, province = sealed_pair
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import Scope, add_activity

    profile = Profile.open(district.data_dir)
    try:
        for number in range(500):
            add_activity(
                profile.engine,
                Scope("883", Period.parse("2023H1")),
                {"date": "2023-03-08", "kind": "training", "title": f"Tập huấn {number} {token_urlsafe(300)}"},
            )
    finally:
        profile.close()
    export(district, tmp_path / "big.vstb")
    header = json.loads((tmp_path / "big.vstb").read_bytes().split(b"\n")[1])
    assert header["length"] > 2 * sealed.CHUNK
    assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / "big.vstb")

    # Cut at a chunk boundary (whole chunks dropped, the length kept): the last chunk is not flagged.
    data = (tmp_path / "big.vstb").read_bytes()
    body = data.index(b"\n", len(sealed.MAGIC)) + 1
    header["length"] = sealed.CHUNK
    head = sealed.MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    (tmp_path / "cut.vstb").write_bytes(head + data[body : body + sealed.CHUNK + sealed.TAG])
    assert "không giải mã được đoạn 1" in refused_unchanged(province, tmp_path / "cut.vstb")


# -- item 3: rotation, recovery, expiry ------------------------------------------------------


def _fingerprints(cli) -> dict:
    rows = ok(cli, "trust", "list").strip().splitlines()
    return {row.split("\t")[2]: row.split("\t")[4] for row in rows}


def test_rotation_is_carried_by_the_next_bundle_and_enrolled_on_import(sealed_pair, tmp_path):
    district, province = sealed_pair
    export(district, tmp_path / "one.vstb")
    ok(province, "bundle", "import", tmp_path / "one.vstb")
    out = ok(district, "keys", "rotate")
    old, new = (part.strip() for part in out.splitlines()[0].split(":", 1)[1].rstrip(".").split("→"))
    assert "Khóa cũ đã ký xác nhận khóa mới" in out
    out = export(district, tmp_path / "two.vstb")
    assert "Gói mang 1 xác nhận đổi khóa" in out and "Gói đã được mã hóa" in out
    before = dump(province)
    out = ok(province, "bundle", "import", "--dry-run", tmp_path / "two.vstb")
    assert f"Sẽ đăng ký khóa mới của đơn vị gửi theo xác nhận đổi khóa: {old} → {new}" in out
    assert dump(province) == before
    out = ok(province, "bundle", "import", tmp_path / "two.vstb")
    assert f"Đã đăng ký khóa mới của đơn vị gửi theo xác nhận đổi khóa: {old} → {new}" in out
    state = _fingerprints(province)
    assert state[old].startswith("đã đổi sang khóa mới từ gói số 2") and state[new].startswith("hiệu lực")
    assert "Đổi khóa ngày" in ok(district, "keys", "show")
    # The next bundle is signed by the enrolled new key: no rotation enrolled again.
    export(district, tmp_path / "three.vstb")
    out = ok(province, "bundle", "import", tmp_path / "three.vstb")
    assert "Đã nhập" in out and "Đã đăng ký khóa mới" not in out
    # Two rotations before a bundle: the chain of both is carried and both keys enrolled.
    ok(district, "keys", "rotate")
    ok(district, "keys", "rotate")
    assert "Gói mang 3 xác nhận đổi khóa" in export(district, tmp_path / "four.vstb")
    out = ok(province, "bundle", "import", tmp_path / "four.vstb")
    assert out.count("Đã đăng ký khóa mới") == 2


def test_old_key_verifies_older_bundles_only_and_a_forked_chain_is_refused(sealed_pair, tmp_path):
    """A copy of the district's profile keeps the old key (a stolen laptop). After the rotation is
    enrolled, a bundle of the old key numbered above the rotation is refused, and so is a second
    rotation of the old key to another key (the chain forks)."""
    district, province = sealed_pair
    stolen = type(district)(tmp_path / "stolen", district.capsys)
    shutil.copytree(district.data_dir, stolen.data_dir)
    ok(district, "keys", "rotate")
    export(district, tmp_path / "rotated.vstb")
    ok(province, "bundle", "import", tmp_path / "rotated.vstb")

    export(stolen, tmp_path / "old-key.vstb", "--sequence-from", "5")
    line = refused_unchanged(province, tmp_path / "old-key.vstb")
    assert "đã được đổi sang khóa mới từ gói số 1" in line

    ok(stolen, "keys", "rotate")
    export(stolen, tmp_path / "fork.vstb", "--sequence-from", "6")
    line = refused_unchanged(province, tmp_path / "fork.vstb")
    assert "chuỗi đổi khóa này rẽ nhánh" in line and "key-endorsements.json" in line


def test_an_endorsement_signed_by_a_revoked_key_is_refused(sealed_pair, tmp_path):
    district, province = sealed_pair
    old = ok(district, "keys", "show").strip().splitlines()[-1].split(": ", 1)[1]
    ok(province, "trust", "revoke", old)
    ok(district, "keys", "rotate")
    export(district, tmp_path / "b.vstb")
    line = refused_unchanged(province, tmp_path / "b.vstb")
    assert "đổi khóa được xác nhận bằng khóa" in line and "đã bị thu hồi" in line


def test_a_tampered_endorsement_is_refused(sender_and_parent, tmp_path):
    """Unencrypted, so the member can be edited: its statement no longer matches the signature."""
    district, province = sender_and_parent
    ok(district, "keys", "rotate")
    export(district, tmp_path / "b.vstb")
    with zipfile.ZipFile(tmp_path / "b.vstb") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    # The statement's moment a year later, whatever year it is made in (it named 2026 and 2025: in 2027
    # nothing was replaced and the bundle imported).
    members[fmt.ENDORSEMENTS], changed = re.subn(
        rb"(endorsed_at\W{1,8})(\d{4})",
        lambda found: found.group(1) + str(int(found.group(2)) + 1).encode(),
        members[fmt.ENDORSEMENTS],
        count=1,
    )
    assert changed == 1
    with zipfile.ZipFile(tmp_path / "t.vstb", "w") as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    line = refused_unchanged(province, tmp_path / "t.vstb")
    assert "thành phần key-endorsements.json" in line


def test_lost_key_recovery_revoke_and_enrol_after_the_fingerprint_check(sealed_pair, tmp_path, monkeypatch):
    district, province = sealed_pair
    export(district, tmp_path / "one.vstb")
    ok(province, "bundle", "import", tmp_path / "one.vstb")
    old = ok(district, "keys", "show").strip().splitlines()[-1].split(": ", 1)[1]
    monkeypatch.setenv("NEW_PASS", "một mật khẩu mới dài")
    monkeypatch.delenv("VSTBPN_PASSPHRASE")
    out = ok(district, "keys", "rotate", "--lost", "--new-passphrase-env", "NEW_PASS")
    assert "KHÔNG có xác nhận của khóa cũ" in out
    new = out.strip().splitlines()[-1].split(": ", 1)[1]
    export(district, tmp_path / "two.vstb", "--passphrase-env", "NEW_PASS")
    line = refused_unchanged(province, tmp_path / "two.vstb")
    assert f"khóa {new} chưa được đăng ký" in line
    ok(district, "keys", "export-public", "--out", tmp_path / "new.pub")
    ok(province, "trust", "revoke", old)
    out = ok(province, "trust", "add", tmp_path / "new.pub", "--org-unit", "883")
    assert out.strip().splitlines()[-1] == f"Vân tay: {new}"
    assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / "two.vstb")
    assert refused(province, "bundle", "import", tmp_path / "one.vstb")  # still a replay, whatever the key


def test_expiry_warns_ahead_and_refuses_nothing(sealed_pair, tmp_path):
    district, province = sealed_pair
    soon = dt.date.today() + dt.timedelta(days=10)
    ok(district, "keys", "expiry", "--date", soon.isoformat())
    code, out, err = district("keys", "show")
    assert code == 0 and f"hết hạn ngày {soon:%d/%m/%Y} (còn 10 ngày)" in err
    code, out, err = district("bundle", "export", "--period", "2023H1", "--out", tmp_path / "b.vstb")
    assert code == 0 and "hãy đổi khóa (keys rotate)" in err
    ok(province, "bundle", "import", tmp_path / "b.vstb")
    # A new key with a later expiry: no warning any more.
    ok(district, "keys", "rotate", "--expires", (dt.date.today() + dt.timedelta(days=365)).isoformat())
    code, out, err = district("keys", "show")
    assert "Cảnh báo" not in err
    assert "hết hạn" in refused(district, "keys", "expiry", "--date", dt.date.today().isoformat())


def test_a_restore_rolls_back_no_rotation(sealed_pair, tmp_path):
    """A backup from before the rotation, restored at both ends: the district keeps its new key (the
    key file is not in the backup) and the province keeps the new key enrolled and the old replaced."""
    district, province = sealed_pair
    stolen = type(district)(tmp_path / "stolen", district.capsys)
    shutil.copytree(district.data_dir, stolen.data_dir)
    ok(district, "backup", "--out", tmp_path / "district.backup")
    ok(province, "backup", "--out", tmp_path / "province.backup")
    ok(district, "keys", "rotate")
    new = ok(district, "keys", "show").strip().splitlines()[-1]
    export(district, tmp_path / "rotated.vstb")
    ok(province, "bundle", "import", tmp_path / "rotated.vstb")

    ok(district, "restore", tmp_path / "district.backup")
    show = ok(district, "keys", "show")
    assert show.strip().splitlines()[-1] == new and "Đổi khóa ngày" in show
    export(district, tmp_path / "after.vstb")  # the key still opens and matches the profile

    ok(province, "restore", tmp_path / "province.backup")
    states = _fingerprints(province)
    assert any(state.startswith("đã đổi sang khóa mới từ gói số 1") for state in states.values())
    export(stolen, tmp_path / "old-key.vstb", "--sequence-from", "5")
    assert "đã được đổi sang khóa mới từ gói số 1" in refused_unchanged(province, tmp_path / "old-key.vstb")
    assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / "after.vstb")


def test_plain_zips_a_killed_process_left_are_removed_when_the_profile_opens(sealed_pair):
    """A sealed export or import killed half-way leaves the plain zip in the profile folder: gone at
    the next opening (and one in use, held by its process, is left alone)."""
    import fcntl
    import os

    district, _ = sealed_pair
    left = district.data_dir / ".opened-abc123.vstb"
    left.write_bytes(b"PK plain data")
    held = district.data_dir / ".sealing-inuse.vstb"
    held.write_bytes(b"PK in use")
    handle = os.open(held, os.O_RDONLY)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        ok(district, "keys", "show")
        assert not left.exists() and held.exists()
    finally:
        os.close(handle)
