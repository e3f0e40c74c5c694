"""The bundle and key holes: year bundles that roll back half-years, weak Ed25519 keys,
values that passed verify and crashed the import. Each case from a fresh copy of the world, with
a clear `error:` line (or the right result) and the database exactly as before."""

import base64
import hashlib
import json
import sqlite3

import pytest
from conftest import PASSPHRASE
from test_bundle import _activities_csv, activity_line, craft, good_members, members_of, with_line
from test_bundle_return import _answer_from, _rewrite, refused

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.bundle import points, sealed
from vstbpn_desktop.bundle.keys import fingerprint_hex, load_private_key
from vstbpn_desktop.profile import Profile


def dump(cli) -> list[str]:
    """The whole database as SQL (every table, the audit trail included)."""
    connection = sqlite3.connect(cli.data_dir / "vstbpn.sqlite3")
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def ok(cli, *args) -> str:
    code, out, err = cli(*args)
    assert code == 0, err
    return out


def refused_everywhere(cli, bundle, *words) -> None:
    """verify, import --dry-run and import agree: each refuses with the same rule, nothing changes."""
    before = dump(cli)
    for command in (
        ("bundle", "verify", bundle),
        ("bundle", "import", bundle, "--dry-run"),
        ("bundle", "import", bundle),
    ):
        line = refused(cli, *command)
        assert bundle.name in line and all(word in line for word in words), line
        assert "Traceback" not in line
        assert dump(cli) == before


def held_sequences(cli, period: str) -> dict:
    out = ok(cli, "bundle", "status", "--period", period, "--json")
    return {row["org_unit"]: row["cells"][period]["sequence"] for row in json.loads(out)["rows"]}


def titles(cli) -> set[str]:
    connection = sqlite3.connect(cli.data_dir / "vstbpn.sqlite3")
    try:
        return {row[0] for row in connection.execute("SELECT title FROM activity WHERE org_unit_code='883'")}
    finally:
        connection.close()


# -- 1. an old year bundle never rolls back newer half-year data -----------------------------------


def test_old_year_bundle_cannot_roll_back_a_newer_half_year(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(d883, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")  # sequence 3
    ok(d883, "data", "import", _activities_csv(tmp_path))  # the correction, in 2023H1
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "h1.vstb")  # sequence 4
    ok(province, "bundle", "import", tmp_path / "h1.vstb")
    assert "Tập huấn bổ sung" in titles(province)
    refused_everywhere(
        province, tmp_path / "year.vstb", "số thứ tự 3 không lớn hơn số 4", "nửa năm 2023H1", "chống phát lại"
    )
    assert "Tập huấn bổ sung" in titles(province)
    assert held_sequences(province, "2023H1")["883"] == 4


def test_newer_year_bundle_replaces_both_halves_and_status_follows(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(d883, "data", "import", _activities_csv(tmp_path))
    ok(d883, "bundle", "export", "--period", "2023H2", "--out", tmp_path / "h2.vstb")  # 3
    ok(d883, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")  # 4
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "h1.vstb")  # 5
    ok(province, "bundle", "import", tmp_path / "h2.vstb")
    out = ok(province, "bundle", "import", tmp_path / "year.vstb")
    assert "thay gói số 3" in out, out
    assert held_sequences(province, "2023H1")["883"] == 4
    assert held_sequences(province, "2023H2")["883"] == 4
    assert held_sequences(province, "2023")["883"] == 4
    # The older H2 bundle is stale now (the year bundle holds H2); the year bundle again is harmless.
    refused_everywhere(province, tmp_path / "h2.vstb", "nửa năm 2023H2", "chống phát lại")
    before = dump(province)
    assert "đã nhận ngày" in ok(province, "bundle", "import", tmp_path / "year.vstb")
    assert dump(province) == before
    # A newer H1 bundle replaces H1 only: the year bundle still holds H2.
    ok(province, "bundle", "import", tmp_path / "h1.vstb")
    assert held_sequences(province, "2023H1")["883"] == 5
    assert held_sequences(province, "2023H2")["883"] == 4
    # Now the year bundle is older than what H1 holds: refused, never "already" with H1 rolled back.
    refused_everywhere(province, tmp_path / "year.vstb", "số thứ tự 4 không lớn hơn số 5", "nửa năm 2023H1")


def test_old_half_year_bundle_after_a_year_bundle_is_refused(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(d883, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")  # 3
    ok(province, "bundle", "import", tmp_path / "year.vstb")
    # good.vstb: 2023H1, sequence 2, never imported, older than the year bundle.
    refused_everywhere(province, tmp_path / "good.vstb", "số thứ tự 2 không lớn hơn số 3", "kỳ 2023 ")
    # Another year is independent: 2022 imports.
    ok(d883, "bundle", "export", "--period", "2022", "--out", tmp_path / "y2022.vstb")
    ok(province, "bundle", "import", tmp_path / "y2022.vstb")


# -- 2. small-order and non-canonical Ed25519 keys and signatures ----------------------------------

# The eight points of small order (the neutral point, order 2, two of order 4, four of order 8),
# canonical encodings, as listed in "Taming the many EdDSAs" (Chalkias et al., 2020).
SMALL_ORDER = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
]
NON_CANONICAL = [
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p (0 written as p)
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p + 1 (1 written as p + 1)
    "0100000000000000000000000000000000000000000000000000000000000080",  # the neutral point with x = -0
    "0200000000000000000000000000000000000000000000000000000000000000",  # y = 2: not on the curve
]


def test_the_checks_know_every_small_order_point_and_accept_real_keys():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    for text in SMALL_ORDER + NON_CANONICAL:
        assert points.public_key_problem(bytes.fromhex(text)) is not None, text
        assert points.signature_problem(bytes.fromhex(text) + bytes(32)) is not None, text
    for _ in range(20):
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        signature = key.sign(b"manifest")
        assert points.public_key_problem(raw) is None
        assert points.signature_problem(signature) is None
        high = signature[:32] + (int.from_bytes(signature[32:], "little") + points.L).to_bytes(32, "little")
        assert "phần S" in points.signature_problem(high)


def _public_key_file(tmp_path, raw: bytes, unit="883") -> str:
    path = tmp_path / f"weak-{raw.hex()[:8]}-{raw[-1]:02x}.pub.json"
    path.write_text(
        json.dumps(
            {
                "format": "vstb-public-key",
                "version": 1,
                "org_unit": unit,
                "tree": "",
                "public_key": base64.b64encode(raw).decode("ascii"),
                "fingerprint": fingerprint_hex(raw),
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("text", SMALL_ORDER + NON_CANONICAL)
def test_trust_add_refuses_a_weak_key(world, tmp_path, text):
    province = world["89"]
    before = dump(province)
    line = refused(
        province, "trust", "add", _public_key_file(tmp_path, bytes.fromhex(text), "884"), "--org-unit", "884"
    )
    assert "khóa công khai bị từ chối" in line, line
    assert dump(province) == before


def test_a_weak_key_enrolled_before_signs_nothing(world, tmp_path):
    """The small-order key attack: key 01 00…00 in the register (enrolled by an older version), a bundle
    'signed' with 01 00…00 ‖ 00…00 and no private key. Refused at verification; nothing changes."""
    province = world["89"]
    identity = bytes.fromhex(SMALL_ORDER[0])
    fingerprint = fingerprint_hex(identity)
    connection = sqlite3.connect(province.data_dir / "vstbpn.sqlite3")
    with connection:
        connection.execute("UPDATE trusted_key SET revoked_at = '2023-07-01 00:00:00'")
        connection.execute(
            "INSERT INTO trusted_key (fingerprint, org_unit_code, public_key, enrolled_at, "
            "enrolled_by) VALUES (?, '883', ?, '2023-07-01 00:00:00', 'x')",
            (fingerprint, base64.b64encode(identity).decode("ascii")),
        )
    connection.close()

    def forged(manifest):
        manifest["key_fingerprint"] = fingerprint

    out = tmp_path / "forged.vstb"
    members = with_line(good_members(tmp_path), fmt.ACTIVITIES, activity_line())
    craft(world["883"], out, members, edit=forged, signature=identity + bytes(32))
    # craft() names the real key in manifest.sig: name the weak one instead.
    import zipfile

    with zipfile.ZipFile(out) as archive:
        held = {name: archive.read(name) for name in archive.namelist()}
    held[fmt.SIGNATURE] = fmt.signature_member(fingerprint, identity + bytes(32))
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in held.items():
            archive.writestr(name, data)
    refused_everywhere(province, out, "khóa công khai bị từ chối", "bậc nhỏ")


@pytest.mark.parametrize("case", ["s_plus_l", "r_small_order", "r_non_canonical"])
def test_non_canonical_signatures_by_a_real_key_are_refused(world, tmp_path, case):
    profile = Profile.open(world["883"].data_dir)
    try:
        key = load_private_key(profile, PASSPHRASE)
    finally:
        profile.close()
    members = good_members(tmp_path)
    manifest = json.loads(members_of(tmp_path / "good.vstb")[fmt.MANIFEST])
    manifest.update(bundle_id="0" * 8 + manifest["bundle_id"][8:], sequence=manifest["sequence"] + 50)
    manifest["members"] = [
        {"name": n, "length": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members.items()
    ]
    manifest["counts"] = {fmt.COUNT_NAMES[n]: d.count(b"\n") for n, d in members.items()}
    manifest.pop("format_minor", None)
    signature = key.sign(fmt.canonical_json(manifest))
    if case == "s_plus_l":
        signature = signature[:32] + (int.from_bytes(signature[32:], "little") + points.L).to_bytes(32, "little")
        rule = "phần S"
    elif case == "r_small_order":
        signature = bytes.fromhex(SMALL_ORDER[4]) + signature[32:]
        rule = "phần R"
    else:
        signature = bytes.fromhex(NON_CANONICAL[0]) + signature[32:]
        rule = "phần R"
    out = craft(world["883"], tmp_path / f"{case}.vstb", members, signature=signature)
    refused_everywhere(world["89"], out, "manifest.sig", rule)


def test_the_province_cannot_enrol_its_own_key_as_a_child(world, tmp_path):
    province = world["89"]
    document = json.loads((tmp_path / "89.pub.json").read_text(encoding="utf-8"))
    document["org_unit"] = "884"
    own = tmp_path / "own-as-884.pub.json"
    own.write_text(json.dumps(document), encoding="utf-8")
    before = dump(province)
    assert "khóa của chính hồ sơ này" in refused(province, "trust", "add", own, "--org-unit", "884")
    assert dump(province) == before


# -- 6. everything parsed and checked before the first write ---------------------------------------


def _audit(**changes) -> bytes:
    summary = {
        "since": None,
        "changes": {
            t: {"insert": 0, "update": 0, "delete": 0} for t in ("activity", "document", "indicator_value", "narrative")
        },
        "reopened": [],
    }
    summary.update(changes)
    return fmt.canonical_json(summary)


@pytest.mark.parametrize(
    "case,member,rule",
    [
        ("since_feb_30", fmt.AUDIT, "thời điểm có thật"),
        ("at_feb_30", fmt.AUDIT, "thời điểm có thật"),
        ("at_hour_25", fmt.AUDIT, "thời điểm có thật"),
        ("since_year_1900", fmt.AUDIT, "thời điểm có thật"),
        ("reason_escape", fmt.AUDIT, "U+001B"),
        ("created_at_feb_30", fmt.MANIFEST, "thời điểm có thật"),
        ("officer_escape", fmt.MANIFEST, "U+001B"),
        ("lone_surrogate_title", fmt.ACTIVITIES, "U+D800"),
        ("lone_low_surrogate_place", fmt.ACTIVITIES, "U+DC00"),
        ("lone_surrogate_narrative", fmt.NARRATIVES, "U+DFFF"),
    ],
)
def test_values_that_crashed_the_import_are_refused_before_any_write(world, tmp_path, case, member, rule):
    members, edit = dict(good_members(tmp_path)), None
    members[fmt.AUDIT] = _audit()
    reopen = {"at": "2023-05-01T08:00:00Z", "who": "Lan", "reason": "sửa"}
    if case == "since_feb_30":
        members[fmt.AUDIT] = _audit(since="2023-02-30T08:00:00Z")
    elif case == "at_feb_30":
        members[fmt.AUDIT] = _audit(reopened=[dict(reopen, at="2023-02-30T08:00:00Z")])
    elif case == "at_hour_25":
        members[fmt.AUDIT] = _audit(reopened=[dict(reopen, at="2023-02-03T25:00:00Z")])
    elif case == "since_year_1900":
        members[fmt.AUDIT] = _audit(since="1900-01-01T00:00:00Z")
    elif case == "reason_escape":
        members[fmt.AUDIT] = _audit(reopened=[dict(reopen, reason="\x1b]0;pwned\x07\x1b[2J")])
    elif case == "created_at_feb_30":
        edit = lambda m: m.update(created_at="2023-02-30T10:00:00Z")  # noqa: E731 (this case's edit)
    elif case == "officer_escape":
        edit = lambda m: m.update(sender_officer="Lan\x1b[31m")  # noqa: E731 (this case's edit)
    elif case == "lone_surrogate_title":
        members = with_line(members, fmt.ACTIVITIES, activity_line(title='"T\\ud800"'))
    elif case == "lone_low_surrogate_place":
        members = with_line(members, fmt.ACTIVITIES, activity_line().replace(b'"place":""', b'"place":"\\udc00"'))
    else:
        members[fmt.NARRATIVES] = members[fmt.NARRATIVES].replace(b'"text":"', b'"text":"\\udfff', 1)
    out = craft(world["883"], tmp_path / f"{case}.vstb", members, edit=edit)
    refused_everywhere(world["89"], out, member, rule)


def test_a_surrogate_pair_is_a_character_not_a_refusal(world, tmp_path):
    members = with_line(good_members(tmp_path), fmt.ACTIVITIES, activity_line(title='"Ngày hội \\ud83c\\udf38"'))
    out = craft(world["883"], tmp_path / "pair.vstb", members)
    ok(world["89"], "bundle", "import", out)
    assert "Ngày hội \U0001f338" in titles(world["89"])


@pytest.mark.parametrize(
    "fields,rule",
    [
        ({"returned_at": "2023-02-30T08:00:00Z"}, "thời điểm có thật"),
        ({"reason": "Sửa\x1b]52;c;cm0gLXJmIH4=\x07"}, "U+001B"),
        ({"reason": "Sửa \ud800"}, "U+D800"),
    ],
)
def test_an_answer_with_a_bad_value_is_refused_before_any_write(pair, tmp_path, fields, rule):
    district, province = pair
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    if "\ud800" in fields.get("reason", ""):
        # The surrogate written as a JSON escape (canonical_json cannot encode it), re-signed.
        def escaped(held):
            return dict(held, **{fmt.ANSWER: held[fmt.ANSWER].replace(b'"reason":"', b'"reason":"\\ud800', 1)})

        path = _rewrite(
            province, _answer_from(province, tmp_path, "plain.vstb"), tmp_path / "bad.vstb", members=escaped
        )
    else:
        path = _answer_from(province, tmp_path, "bad.vstb", **fields)
    refused_everywhere(district, path, fmt.ANSWER, rule)


# -- 7. sequences never go back or repeat ----------------------------------------------------------


def sequence_of(path, recipient=None) -> int:
    """The bundle's sequence; a sealed bundle is opened with its recipient's profile (a Cli)."""
    if recipient is not None:
        profile = Profile.open(recipient.data_dir)
        try:
            with sealed.open_bundle(profile, path) as reader:
                return json.loads(reader.zip.read(fmt.MANIFEST))["sequence"]
        finally:
            profile.close()
    return json.loads(members_of(path)[fmt.MANIFEST])["sequence"]


def test_restore_does_not_roll_the_counter_back(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(d883, "backup", "--out", tmp_path / "d883-backup.sqlite3")  # the counter is at 2 here
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "s3.vstb")
    ok(province, "bundle", "import", tmp_path / "s3.vstb")
    ok(d883, "restore", tmp_path / "d883-backup.sqlite3")
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "s4.vstb")
    assert (sequence_of(tmp_path / "s3.vstb"), sequence_of(tmp_path / "s4.vstb")) == (3, 4)
    assert "thay gói số 3" in ok(province, "bundle", "import", tmp_path / "s4.vstb")


def test_the_counter_file_alone_keeps_the_sequence(world, tmp_path):
    """A database rolled back behind the application's back (copied over): the file still knows."""
    d883 = world["883"]
    connection = sqlite3.connect(d883.data_dir / "vstbpn.sqlite3")
    with connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'bundle_sequence'")
    connection.close()
    (d883.data_dir / "keys" / "bundle-sequence").write_text("9\n", encoding="ascii")
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "s.vstb")
    assert sequence_of(tmp_path / "s.vstb") == 10


def new_laptop(cli_factory):
    """District 883 installed afresh: a new profile, a new key, its counter at 0."""
    laptop = cli_factory("new-laptop-883")
    ok(laptop, "init", "--org-unit", "883", "--officer", "Cán bộ mới")
    return laptop


def test_a_damaged_counter_file_is_refused_at_export_and_mended_by_a_restore(world, tmp_path):
    d883 = world["883"]
    ok(d883, "backup", "--out", tmp_path / "d883.sqlite3")
    (d883.data_dir / "keys" / "bundle-sequence").write_text("sáu\n", encoding="utf-8")
    before = dump(d883)
    line = refused(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "x.vstb")
    assert "bundle-sequence" in line and "--sequence-from" in line, line
    assert dump(d883) == before and not (tmp_path / "x.vstb").exists()
    ok(d883, "restore", tmp_path / "d883.sqlite3")
    ok(d883, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "after.vstb")
    assert sequence_of(tmp_path / "after.vstb") == 3


def test_a_new_laptop_is_told_how_to_continue_the_sequence(world, cli_factory, tmp_path):
    province = world["89"]
    laptop = new_laptop(cli_factory)
    ok(laptop, "demo")
    ok(laptop, "keys", "export-public", "--out", tmp_path / "883-new.pub.json")
    ok(province, "trust", "add", tmp_path / "883-new.pub.json", "--org-unit", "883")
    ok(laptop, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "new-1.vstb")
    assert sequence_of(tmp_path / "new-1.vstb") == 1
    # The province holds 883's bundle number 1 (first.vstb, the old key): refused, with what to do.
    refused_everywhere(
        province, tmp_path / "new-1.vstb", "không lớn hơn số 1", "khóa khác", "bundle export --sequence-from 2"
    )
    code, _, err = laptop(
        "bundle", "export", "--period", "2023H1", "--out", tmp_path / "bad.vstb", "--sequence-from", "0"
    )
    assert code == 1 and "--sequence-from" in err and not (tmp_path / "bad.vstb").exists(), err
    ok(laptop, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "new-2.vstb", "--sequence-from", "2")
    assert sequence_of(tmp_path / "new-2.vstb") == 2
    assert "thay gói số 1" in ok(province, "bundle", "import", tmp_path / "new-2.vstb")
    # And the laptop goes on from there, without being told again.
    ok(laptop, "bundle", "export", "--period", "2023H2", "--out", tmp_path / "new-3.vstb")
    assert sequence_of(tmp_path / "new-3.vstb") == 3


def test_the_parents_answer_continues_a_new_keys_sequence(world, cli_factory, tmp_path):
    province = world["89"]
    laptop = new_laptop(cli_factory)
    ok(laptop, "trust", "add", tmp_path / "89.pub.json", "--org-unit", "89")
    # The answer is sealed to the district's newest enrolled key file: the new laptop's, sent up first.
    ok(laptop, "keys", "export-public", "--out", tmp_path / "883-new.pub.json")
    ok(province, "trust", "add", tmp_path / "883-new.pub.json", "--org-unit", "883")
    ok(
        province,
        "bundle",
        "return",
        "--period",
        "2023H1",
        "--org-unit",
        "883",
        "--reason",
        "Thiếu số liệu",
        "--out",
        tmp_path / "answer.vstb",
    )  # returns bundle number 1
    ok(laptop, "bundle", "import", tmp_path / "answer.vstb")
    ok(laptop, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "after-answer.vstb")
    assert sealed.is_sealed(tmp_path / "after-answer.vstb")  # the laptop enrolled its parent's encryption key
    assert sequence_of(tmp_path / "after-answer.vstb", province) == 2


def test_three_exports_at_once_get_three_numbers(world, tmp_path):
    import os
    import subprocess
    import sys

    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    env = os.environ | {"VSTBPN_PASSPHRASE": PASSPHRASE}
    outs = [tmp_path / f"at-once-{n}.vstb" for n in range(3)]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "main.py",
                "--data-dir",
                str(world["883"].data_dir),
                "bundle",
                "export",
                "--period",
                "2023H1",
                "--out",
                str(out),
            ],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in outs
    ]
    results = [process.communicate(timeout=180) + (process.returncode,) for process in processes]
    assert [code for _, _, code in results] == [0, 0, 0], results
    assert sorted(sequence_of(out) for out in outs) == [3, 4, 5]


# -- 8. restore keeps revocations and the ledger's high-water marks ---------------------------------


def test_restore_keeps_a_revocation(world, tmp_path):
    province = world["89"]
    ok(province, "backup", "--out", tmp_path / "p89.sqlite3")
    fingerprint = json.loads((tmp_path / "883.pub.json").read_text(encoding="utf-8"))["fingerprint"]
    ok(province, "trust", "revoke", fingerprint)
    out = ok(province, "restore", tmp_path / "p89.sqlite3")
    assert "1 khóa đã thu hồi vẫn bị thu hồi" in out, out
    assert "thu hồi" in ok(province, "trust", "list")
    refused_everywhere(province, tmp_path / "good.vstb", "manifest.sig", "thu hồi")
    # A revocation the backup never knew of (the key enrolled after it) is kept too.
    ok(province, "trust", "add", tmp_path / "884.pub.json", "--org-unit", "884")
    fingerprint884 = json.loads((tmp_path / "884.pub.json").read_text(encoding="utf-8"))["fingerprint"]
    ok(province, "trust", "revoke", fingerprint884)
    ok(province, "restore", tmp_path / "p89.sqlite3")
    listing = ok(province, "trust", "list")
    assert all("thu hồi" in line for line in listing.strip().splitlines()), listing
    assert "đã bị thu hồi" in refused(province, "trust", "add", tmp_path / "884.pub.json", "--org-unit", "884")


def test_restore_keeps_the_ledgers_high_water_marks(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(province, "backup", "--out", tmp_path / "p89.sqlite3")  # holds 883's bundle number 1
    ok(province, "bundle", "import", tmp_path / "good.vstb")  # number 2
    out = ok(province, "restore", tmp_path / "p89.sqlite3")
    assert "1 gói đã nhận vẫn ghi trong sổ nhận" in out, out
    # The replay the restore would have re-opened stays shut.
    ok(d883, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")  # 3, touches H1
    ok(province, "bundle", "import", tmp_path / "year.vstb")
    ok(province, "restore", tmp_path / "p89.sqlite3")
    refused_everywhere(province, tmp_path / "first.vstb", "không lớn hơn số 3", "chống phát lại")
    refused_everywhere(province, tmp_path / "good.vstb", "không lớn hơn số 3", "chống phát lại")
    # The newest bundle itself brings back what the restore took away.
    out = ok(province, "bundle", "import", tmp_path / "year.vstb")
    assert "Đã nhập dữ liệu kỳ 2023" in out, out
    assert held_sequences(province, "2023H1")["883"] == 3
    before = dump(province)
    assert "đã nhận ngày" in ok(province, "bundle", "import", tmp_path / "year.vstb")
    assert dump(province) == before


def test_restore_keeps_an_applied_answer_applied_once(pair, tmp_path):
    district, province = pair
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    ok(district, "backup", "--out", tmp_path / "d883.sqlite3")
    ok(
        province,
        "bundle",
        "return",
        "--period",
        "2023H1",
        "--org-unit",
        "883",
        "--reason",
        "Thiếu số liệu",
        "--out",
        tmp_path / "answer.vstb",
    )
    ok(district, "bundle", "import", tmp_path / "answer.vstb")
    ok(district, "restore", tmp_path / "d883.sqlite3")
    before = dump(district)
    line = refused(district, "bundle", "import", tmp_path / "answer.vstb")
    assert "chỉ áp dụng một lần" in line, line
    assert dump(district) == before


# -- 12. terminal escapes never reach the terminal --------------------------------------------------


def test_escape_sequences_held_in_data_are_shown_not_sent(pair, tmp_path):
    """A reason stored by an older version (before bundles refused control characters) is printed
    with its ESC, OSC and CSI bytes written out, never sent to the terminal."""
    district, _ = pair
    hostile = "Sửa lại\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\rxong"
    connection = sqlite3.connect(district.data_dir / "vstbpn.sqlite3")
    with connection:
        connection.execute(
            "UPDATE period SET returned_at = '2030-01-01 00:00:00', returned_reason = ? WHERE code = '2023H1'",
            (hostile,),
        )
    connection.close()
    out = ok(district, "period", "show", "--period", "2023H1")
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\r" not in out
    assert "Sửa lại\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J\\x9b31m\\x0dxong" in out, out


# -- 12. a member that decompresses to a huge size is refused before it is held in memory ----------


@pytest.mark.parametrize("case", ["declared", "inflated_count", "narrative"])
def test_a_huge_field_is_refused_before_it_is_decompressed(world, tmp_path, case):
    """A 40 MB title compresses to ~40 KB. Refused by its declared length (one line cannot be that
    long) or, when the manifest claims enough lines to cover it, at the first line longer than a
    record can be, while reading: never decompressed whole, never decoded, never parsed."""
    huge = b"a" * (40 * 1024 * 1024)
    members = dict(good_members(tmp_path))
    edit = None
    if case == "narrative":
        members[fmt.NARRATIVES] = b'{"section":"achievements","text":"' + huge + b'"}\n'
        member = fmt.NARRATIVES
    else:
        members = with_line(
            members,
            fmt.ACTIVITIES,
            activity_line(title='"' + "x" * 10 + '"').replace(b'"x' + b"x" * 9 + b'"', b'"' + huge + b'"'),
        )
        member = fmt.ACTIVITIES
    if case == "inflated_count":
        edit = lambda m: m["counts"].update(activities=m["counts"]["activities"] + 500)  # noqa: E731 (this case's edit)
        rule = "dài hơn"
    else:
        rule = "vượt giới hạn"
    out = craft(world["883"], tmp_path / f"huge-{case}.vstb", members, edit=edit)
    assert out.stat().st_size < 1024 * 1024
    refused_everywhere(world["89"], out, member, rule)


def test_the_longest_lawful_record_is_accepted(world, tmp_path):
    """The cap is no tighter than the rules: a 20.000-character title and notes, every character
    written as a \\u escape (6 bytes), imports."""
    escaped = json.dumps("ệ" * 20_000, ensure_ascii=True)
    line = activity_line(title=escaped).replace(b'"notes":""', b'"notes":' + escaped.encode("ascii"))
    out = craft(world["883"], tmp_path / "longest.vstb", with_line(good_members(tmp_path), fmt.ACTIVITIES, line))
    ok(world["89"], "bundle", "import", out)
    assert "ệ" * 20_000 in titles(world["89"])


def test_a_half_year_held_by_a_year_bundle_can_be_returned(world, tmp_path):
    d883, province = world["883"], world["89"]
    ok(d883, "bundle", "export", "--period", "2023", "--out", tmp_path / "year.vstb")  # 3
    ok(province, "bundle", "import", tmp_path / "year.vstb")
    out = ok(
        province,
        "bundle",
        "return",
        "--period",
        "2023H2",
        "--org-unit",
        "883",
        "--reason",
        "Thiếu số liệu",
        "--out",
        tmp_path / "answer.vstb",
    )
    assert "gói số 3" in out, out
