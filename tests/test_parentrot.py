"""Issue 15, items 3-4 (the parent's side): the province's own key rotation reaches its units in its
next configuration file, and answers (return for correction) are sealed to the child's key.

Real profiles through the command line, real keys, real signed and sealed files; every refusal is
one `error:` line and the unit's database exactly as before (dump compared)."""

import json
import shutil

import test_keyrot
from conftest import ok
from test_bundle_return import refused
from test_bundle_return import snapshot as dump
from test_keyrot import _tamper, export

from vstbpn_desktop.bundle import sealed

sealed_pair = test_keyrot.sealed_pair  # the fixture: district 883 enrolled the province's key file
REASON = "Thiếu số liệu nạn nhân bạo lực gia đình được hỗ trợ"


def _rotated(out: str) -> tuple[str, str]:
    """(old, new) fingerprints from the first line of `keys rotate`."""
    old, new = (part.strip() for part in out.splitlines()[0].split(":", 1)[1].rstrip(".").split("→"))
    return old, new


def _shown(cli, label: str) -> str:
    """The fingerprint `keys show` prints after `label`."""
    line = next(line for line in ok(cli, "keys", "show").splitlines() if line.startswith(label))
    return line.split(": ", 1)[1]


def _states(cli) -> dict:
    """{fingerprint: state} from `trust list`."""
    rows = ok(cli, "trust", "list").strip().splitlines()
    return {row.split("\t")[2]: row.split("\t")[4] for row in rows}


def _header(path) -> dict:
    data = path.read_bytes()
    assert data.startswith(sealed.MAGIC)
    return json.loads(data[len(sealed.MAGIC) : data.index(b"\n", len(sealed.MAGIC))])


def config_refused_unchanged(unit, path) -> str:
    """Refused by the dry run and the import alike, the unit's data untouched."""
    before = dump(unit)
    line = refused(unit, "config", "import", path)
    assert refused(unit, "config", "import", "--dry-run", path) == line
    assert dump(unit) == before
    return line


# -- item 4: end to end through the command line -----------------------------------------------


def test_province_rotation_reaches_the_district_and_both_directions_stay_sealed(sealed_pair, tmp_path):
    district, province = sealed_pair
    old_encryption = _shown(province, "Khóa mã hóa (X25519)")
    out = ok(province, "keys", "rotate")
    old, new = _rotated(out)
    assert "Hãy gửi tệp cấu hình mới (config export) cho các đơn vị cấp dưới" in out
    encryption = _shown(province, "Khóa mã hóa (X25519)")
    assert encryption != old_encryption, "the rotation renews the encryption key too"
    # A report still sealed to the old encryption key (on its way meanwhile) opens at the province.
    export(district, tmp_path / "on-the-way.vstb")
    assert _header(tmp_path / "on-the-way.vstb")["recipient_key"] == old_encryption.replace(" ", "")
    assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / "on-the-way.vstb")

    out = ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    assert "Tệp mang 1 xác nhận đổi khóa" in out

    before = dump(district)
    out = ok(district, "config", "import", "--dry-run", tmp_path / "c1.vstc")
    assert f"khóa ký mới của cấp trên 89: {old} → {new}" in out
    assert f"gói gửi lên cấp trên từ nay được mã hóa bằng khóa mã hóa mới {encryption}" in out
    assert dump(district) == before
    out = ok(district, "config", "import", tmp_path / "c1.vstc")
    assert f"khóa ký mới của cấp trên 89: {old} → {new}" in out
    states = _states(district)
    assert states[old].startswith("đã đổi sang khóa mới từ gói số 1 ")
    assert states[new] == f"hiệu lực; khóa cũ {old} xác nhận"
    assert "khóa ký mới của cấp trên 89" in ok(district, "config", "show")

    # The district seals its report to the province's NEW encryption key.
    out = export(district, tmp_path / "b.vstb")
    assert f"Gói đã được mã hóa: chỉ đơn vị 89 mở được (khóa mã hóa {encryption}, theo khóa đã đăng ký {new})" in out
    assert _header(tmp_path / "b.vstb")["recipient_key"] == encryption.replace(" ", "")
    assert "Đã nhập dữ liệu kỳ 2023H1 của đơn vị 883" in ok(province, "bundle", "import", tmp_path / "b.vstb")

    # The province returns it, sealed to the district's key; the district opens and applies it.
    out = ok(
        province, "bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", REASON,
        "--out", tmp_path / "a.vstb",
    )  # fmt: skip
    district_encryption = _shown(district, "Khóa mã hóa (X25519)")
    assert f"Tệp đã được mã hóa: chỉ đơn vị 883 mở được (khóa mã hóa {district_encryption}" in out
    header = _header(tmp_path / "a.vstb")
    assert header["recipient_org_unit"] == "883"
    assert REASON.encode() not in (tmp_path / "a.vstb").read_bytes()
    out = ok(district, "bundle", "import", tmp_path / "a.vstb")
    assert "Gói được mã hóa cho đơn vị này" in out and f"khóa {new}" in out
    assert f"lý do: {REASON}" in ok(district, "period", "show", "--period", "2023H1")
    assert not list(district.data_dir.glob(".opened-*")) and not list(province.data_dir.glob(".sealing-*"))


# -- item 1: what a unit refuses ------------------------------------------------------------------


def test_a_forked_chain_and_the_replaced_key_are_refused_at_the_unit(sealed_pair, tmp_path):
    """A copy of the province's profile keeps the old key (a stolen laptop): once the unit enrolled
    the rotation, a file the copy signs with the old key is refused, and so is the copy's own rotation
    (the chain forks)."""
    district, province = sealed_pair
    stolen = type(province)(tmp_path / "stolen", province.capsys)
    shutil.copytree(province.data_dir, stolen.data_dir)
    ok(province, "keys", "rotate")
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    ok(district, "config", "import", tmp_path / "c1.vstc")

    ok(stolen, "config", "export", "--out", tmp_path / "old-key.vstc")
    line = config_refused_unchanged(district, tmp_path / "old-key.vstc")
    assert "thành phần manifest.sig" in line and "đã được đổi sang khóa mới từ gói số 1" in line

    ok(stolen, "keys", "rotate")
    ok(stolen, "config", "export", "--out", tmp_path / "fork.vstc")
    line = config_refused_unchanged(district, tmp_path / "fork.vstc")
    assert "thành phần key-endorsements.json" in line and "chuỗi đổi khóa này rẽ nhánh" in line


def test_an_endorsement_by_a_key_the_unit_revoked_is_refused(sealed_pair, tmp_path):
    district, province = sealed_pair
    old = _shown(province, "Vân tay")
    ok(district, "trust", "revoke", old)
    ok(province, "keys", "rotate")
    ok(province, "config", "export", "--out", tmp_path / "c1.vstc")
    line = config_refused_unchanged(district, tmp_path / "c1.vstc")
    assert "đổi khóa được xác nhận bằng khóa" in line and "đã bị thu hồi" in line


def test_a_lost_key_cannot_reach_the_units_by_file(sealed_pair, tmp_path, monkeypatch):
    """`keys rotate --lost` at the province: no endorsement. The next file is refused by the unit (its
    chain, after a later rotation, does not start at a key the unit trusts) until the unit enrols the
    new key after the telephone check."""
    district, province = sealed_pair
    old = _shown(province, "Vân tay")
    monkeypatch.setenv("NEW_PASS", "một mật khẩu mới dài")
    out = ok(province, "keys", "rotate", "--lost", "--new-passphrase-env", "NEW_PASS")
    assert "KHÔNG đến được các đơn vị cấp dưới bằng tệp cấu hình" in out and "trust add --org-unit 89" in out
    lost = _rotated(out)[1]
    code, out, err = province("config", "export", "--out", tmp_path / "c1.vstc", "--passphrase-env", "NEW_PASS")
    assert code == 0 and "khóa ký hiện tại được tạo khi mất khóa cũ" in err
    line = config_refused_unchanged(district, tmp_path / "c1.vstc")
    assert f"khóa {lost} chưa được đăng ký" in line

    # A rotation after the lost one: the chain starts at the lost key's replacement, unknown here.
    monkeypatch.setenv("VSTBPN_PASSPHRASE", "một mật khẩu mới dài")
    ok(province, "keys", "rotate")
    ok(province, "config", "export", "--out", tmp_path / "c2.vstc")
    line = config_refused_unchanged(district, tmp_path / "c2.vstc")
    assert "không bắt đầu từ khóa nào đã đăng ký" in line and "key-endorsements.json" in line

    # The telephone check: the unit revokes the old key and enrols the new one; the next file applies.
    ok(province, "keys", "export-public", "--out", tmp_path / "new89.pub")
    ok(district, "trust", "revoke", old)
    ok(district, "trust", "add", tmp_path / "new89.pub", "--org-unit", "89")
    assert "đã áp dụng" in ok(district, "config", "import", tmp_path / "c2.vstc")


# -- item 2: answers sealed --------------------------------------------------------------------


def _returned(district, province, tmp_path, name="a.vstb", *extra) -> str:
    export(district, tmp_path / "b.vstb", *extra)
    ok(province, "bundle", "import", tmp_path / "b.vstb")
    return ok(
        province, "bundle", "return", "--period", "2023H1", "--org-unit", "883", "--reason", REASON,
        "--out", tmp_path / name,
    )  # fmt: skip


def test_sealed_answer_attacks_are_refused_one_clear_line_each(sealed_pair, cli_factory, tmp_path):
    district, province = sealed_pair
    assert "Tệp đã được mã hóa: chỉ đơn vị 883 mở được" in _returned(district, province, tmp_path)
    good = tmp_path / "a.vstb"
    data = good.read_bytes()
    body = data.index(b"\n", len(sealed.MAGIC)) + 1

    def flip(at):
        def edit(d):
            d[at] ^= 0x01
            return d

        return edit

    def other_key(d):  # the header names another recipient key
        at = d.index(b'"recipient_key":"') + len(b'"recipient_key":"')
        d[at] = ord("0") if d[at] != ord("0") else ord("1")
        return d

    cases = {
        "tampered ciphertext": (flip(body + 40), "không giải mã được đoạn 1"),
        "truncated": (lambda d: d[:-10], "bị cắt cụt hoặc bị thêm dữ liệu"),
        "cut to the header": (lambda d: d[:body], "bị cắt cụt hoặc bị thêm dữ liệu"),
        "other recipient key": (other_key, "không phải khóa giải mã của hồ sơ này"),
    }
    for name, (edit, expected) in cases.items():
        before = dump(district)
        line = refused(district, "bundle", "import", _tamper(good, tmp_path / f"{name}.vstb", edit))
        assert f"gói {name}.vstb: gói mã hóa:" in line and expected in line, (name, line)
        assert dump(district) == before
    # Wrong recipient: another unit (the province itself) cannot open it.
    before = dump(province)
    line = refused(province, "bundle", "import", good)
    assert "gói được mã hóa cho đơn vị 883, không phải 89" in line and dump(province) == before
    # And the good answer still applies after all of that.
    assert f"lý do: {REASON}" in ok(district, "bundle", "import", good)
    assert not list(district.data_dir.glob(".opened-*"))


def test_an_answer_to_a_child_without_an_encryption_key_goes_unsealed_and_opens(sealed_pair, tmp_path):
    """The province enrolled the district's key from an older file (no encryption key): the answer is
    the plain signed zip, and it still opens."""
    district, province = sealed_pair
    fingerprint = json.loads((tmp_path / "883.pub").read_text("utf-8"))["fingerprint"]
    province.query(
        "UPDATE trusted_key SET encryption_key = NULL WHERE fingerprint = :f", f=fingerprint.replace(" ", "")
    )
    out = _returned(district, province, tmp_path)
    assert "Tệp KHÔNG được mã hóa" in out
    assert (tmp_path / "a.vstb").read_bytes()[:2] == b"PK"
    assert f"lý do: {REASON}" in ok(district, "bundle", "import", tmp_path / "a.vstb")


def test_a_child_rotation_brings_its_new_encryption_key_and_old_answers_still_open(sealed_pair, tmp_path):
    """An answer sealed to the district's key before it rotated still opens (the old key is kept);
    once the province enrolled the rotation, the next answer is sealed to the new encryption key."""
    district, province = sealed_pair
    _returned(district, province, tmp_path, "before.vstb")
    sealed_to = _header(tmp_path / "before.vstb")["recipient_key"]
    ok(district, "keys", "rotate")
    encryption = _shown(district, "Khóa mã hóa (X25519)")
    assert encryption.replace(" ", "") != sealed_to
    assert f"lý do: {REASON}" in ok(district, "bundle", "import", tmp_path / "before.vstb")

    _returned(district, province, tmp_path, "after.vstb", "--sequence-from", "5")
    assert _header(tmp_path / "after.vstb")["recipient_key"] == encryption.replace(" ", "")
    assert f"lý do: {REASON}" in ok(district, "bundle", "import", tmp_path / "after.vstb")
