"""The profile's signing key and the parent's trust register."""

import json
import re
import sqlite3

import pytest

from vstbpn_desktop.bundle.keys import key_path
from vstbpn_desktop.profile import Profile


def _meta(cli, key):
    connection = sqlite3.connect(cli.data_dir / "vstbpn.sqlite3")
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    connection.close()
    return row[0] if row else None


def test_key_made_at_init_encrypted_and_shown(district_cli):
    code, out, err = district_cli("keys", "show")
    assert code == 0, err
    assert re.search(r"(?:[0-9A-F]{4} ){7}[0-9A-F]{4}$", out.strip().splitlines()[-1])
    pem = key_path(Profile(district_cli.data_dir, None)).read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")


def test_wrong_passphrase_refused_and_nothing_changes(district_cli, tmp_path, monkeypatch):
    assert district_cli("demo")[0] == 0
    monkeypatch.setenv("OTHER_SECRET", "không phải mật khẩu này")
    out = tmp_path / "b.vstb"
    code, _, err = district_cli(
        "bundle", "export", "--period", "2023H1", "--out", out, "--passphrase-env", "OTHER_SECRET"
    )
    assert code == 1 and err.startswith("error:") and "mật khẩu khóa ký không đúng" in err
    assert not out.exists() and _meta(district_cli, "bundle_sequence") is None
    code, _, err = district_cli(
        "bundle", "export", "--period", "2023H1", "--out", out, "--passphrase-env", "UNSET_VARIABLE_X"
    )
    assert code == 1 and "UNSET_VARIABLE_X" in err


def test_trust_add_list_revoke(district_cli, province_cli, tmp_path):
    pub = tmp_path / "883.pub.json"
    assert district_cli("keys", "export-public", "--out", pub)[0] == 0
    fingerprint = json.loads(pub.read_text(encoding="utf-8"))["fingerprint"]
    code, out, err = province_cli("trust", "add", pub, "--org-unit", "883")
    assert code == 0 and out.strip().endswith(fingerprint), err
    code, out, _ = province_cli("trust", "add", pub, "--org-unit", "883")
    assert code == 0 and "đã được đăng ký trước đó" in out
    code, _, err = province_cli("trust", "add", pub, "--org-unit", "884")
    assert code == 1 and "883" in err and "884" in err
    assert "883" in province_cli("trust", "list")[1] and "hiệu lực" in province_cli("trust", "list")[1]
    code, out, err = province_cli("trust", "revoke", fingerprint.replace(" ", "").lower())
    assert code == 0, err
    assert "thu hồi" in province_cli("trust", "list")[1]
    code, _, err = province_cli("trust", "add", pub, "--org-unit", "883")
    assert code == 1 and "đã bị thu hồi" in err
    code, _, err = province_cli("trust", "revoke", "ABCD")
    assert code == 1 and err.startswith("error:") and "vân tay" in err


def test_trust_refuses_unit_not_below_and_tampered_file(district_cli, cli_factory, tmp_path):
    other = cli_factory("d884")
    assert other("init", "--org-unit", "884")[0] == 0
    pub = tmp_path / "884.pub.json"
    assert other("keys", "export-public", "--out", pub)[0] == 0
    # A district cannot enrol its neighbour: 884 is not below 883.
    code, _, err = district_cli("trust", "add", pub, "--org-unit", "884")
    assert code == 1 and "không thuộc 883" in err
    document = json.loads(pub.read_text(encoding="utf-8"))
    document["public_key"] = document["public_key"][:-4] + "AAA="
    pub.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = cli_factory("p89")("init", "--org-unit", "89")[0], None, None
    code, _, err = cli_factory("p89")("trust", "add", pub, "--org-unit", "884")
    assert code == 1 and "không khớp" in err


def test_fingerprint_forms():
    from vstbpn_desktop.bundle.keys import normalise_fingerprint, spaced

    plain = "3F2A9C01" * 4
    assert spaced(plain.lower()) == "3F2A 9C01 3F2A 9C01 3F2A 9C01 3F2A 9C01"
    assert normalise_fingerprint(" 3f2a 9c01 3F2A9C01 3F2A 9C01 3F2A 9C01 ") == plain


def test_private_key_is_owner_only_and_reports_are_readable(district_cli, tmp_path):
    import os
    import stat

    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    key = next((district_cli.data_dir / "keys").glob("*.pem"))
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    out = tmp_path / "mau.xlsx"
    assert district_cli("data", "template", "--out", out)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) & 0o044 == 0o044


def test_key_file_uses_600000_iterations_and_openssl_reads_it(district_cli):
    import shutil
    import subprocess

    from vstbpn_desktop.bundle import keyfile

    pem = key_path(Profile(district_cli.data_dir, None)).read_bytes()
    assert keyfile.iterations(pem) == 600_000
    if shutil.which("openssl"):
        shown = subprocess.run(["openssl", "asn1parse"], input=pem, capture_output=True, check=True).stdout
        assert b"PBKDF2" in shown and b"hmacWithSHA256" in shown and b"aes-256-cbc" in shown
        assert b":0927C0" in shown  # 600 000


def test_an_old_2048_iteration_key_opens_and_is_re_encrypted(district_cli, tmp_path, monkeypatch):
    """A key file written by an older version (cryptography's BestAvailableEncryption, PBKDF2 at
    2,048 iterations) still opens; the unlock re-encrypts it at 600,000, and the key is the same."""
    from conftest import PASSPHRASE
    from cryptography.hazmat.primitives import serialization

    from vstbpn_desktop.bundle import keyfile
    from vstbpn_desktop.bundle.keys import load_private_key

    path = key_path(Profile(district_cli.data_dir, None))
    private = serialization.load_pem_private_key(path.read_bytes(), PASSPHRASE.encode("utf-8"))
    old = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode("utf-8")),
    )
    assert keyfile.iterations(old) == 2048
    path.write_bytes(old)
    assert district_cli("demo")[0] == 0
    code, _, err = district_cli("bundle", "export", "--period", "2023H1", "--out", tmp_path / "b.vstb")
    assert code == 0, err
    renewed = path.read_bytes()
    assert keyfile.iterations(renewed) == 600_000
    assert not list(path.parent.glob("*.tmp*")) and sorted(p.name for p in path.parent.iterdir()) == [
        "bundle-sequence",
        "encryption-key.pem",  # the X25519 key bundles to this unit are sealed to (bundle/sealed.py)
        "signing-key.pem",
    ]
    profile = Profile.open(district_cli.data_dir)
    try:
        again = load_private_key(profile, PASSPHRASE)
    finally:
        profile.close()
    raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    assert again.private_bytes(*raw) == private.private_bytes(*raw)
    # A wrong passphrase on the old file changes nothing.
    path.write_bytes(old)
    monkeypatch.setenv("NOT_THIS", "không phải mật khẩu này")
    code, _, err = district_cli(
        "bundle", "export", "--period", "2023H1", "--out", tmp_path / "c.vstb", "--passphrase-env", "NOT_THIS"
    )
    assert code == 1 and "mật khẩu khóa ký không đúng" in err, err
    assert path.read_bytes() == old


@pytest.mark.parametrize("secret", ["x", "1234567", "ngắn"])
def test_init_refuses_a_short_passphrase_and_writes_nothing(cli_factory, monkeypatch, secret):
    monkeypatch.setenv("VSTBPN_PASSPHRASE", secret)
    cli = cli_factory("short")
    code, out, err = cli("init", "--org-unit", "883")
    assert code == 1 and err.startswith("error: ") and "ít nhất 8 ký tự" in err, err
    assert not cli.data_dir.exists() or not any(cli.data_dir.iterdir())
