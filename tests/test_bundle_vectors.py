"""The published test vectors (docs/bundle-vectors/, scripts/make-bundle-vectors) against the
application's verifier and against the reference verifier written from docs/bundle-format.md.

For each vector: a fresh copy of its context's profile (province 89, or district 883 for answers)
with the test-only keys enrolled as the index says, the files of "before" imported, then
`bundle verify` and `bundle import --dry-run` must give the expected result; a refusal must name
the member and say the vector's phrase, and leave the database as it was.
"""

import base64
import importlib.util
import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import PASSPHRASE, ROOT, ok

from vstbpn_desktop.bundle.importer import import_bundle, verify_bundle
from vstbpn_desktop.cli import run as cli_run
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.profile import Profile

VECTORS = ROOT / "docs" / "bundle-vectors"
INDEX = json.loads((VECTORS / "index.json").read_text(encoding="utf-8"))
BY_FILE = {vector["file"]: vector for vector in INDEX["vectors"]}


def _reference():
    spec = importlib.util.spec_from_file_location("reference_verifier", ROOT / "docs" / "reference_verifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def contexts(tmp_path_factory):
    """One profile per context of the index, its trust register as the index gives it."""
    base = tmp_path_factory.mktemp("vector-contexts")
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VSTBPN_PASSPHRASE", PASSPHRASE)
        patch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
        patch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
        for name, context in INDEX["contexts"].items():
            folder = base / name

            def run(*args, folder=folder):
                assert cli_run(["--data-dir", str(folder), *map(str, args)]) == 0, args

            run("init", "--org-unit", context["importing_unit"], "--officer", "Người kiểm thử")
            for enrolled in context["trusted_keys"]:
                key = INDEX["keys"][enrolled["key"]]
                run("trust", "add", VECTORS / key["file"], "--org-unit", enrolled["org_unit"])
                if enrolled["revoked"]:
                    run("trust", "revoke", key["fingerprint"])
            if context.get("province_indicators"):  # the province's own indicators (§8.5)
                run("catalogue", "import", VECTORS / context["province_indicators"])
            if context.get("decryption_keys"):
                _install_decryption_keys(folder, [VECTORS / name for name in context["decryption_keys"]])
            made[name] = folder
    return made


def _install_decryption_keys(folder, pems):
    """The context's test-only X25519 keys as the profile's (§16): the first its own encryption key
    (its file where the application keeps it, its public half in the profile, signed anew by the
    profile's key), the others keys a rotation replaced (kept for files sealed to them before)."""
    from cryptography.hazmat.primitives import serialization

    from vstbpn_desktop.bundle import keys
    from vstbpn_desktop.storage.database import session_scope
    from vstbpn_desktop.storage.models import Meta

    def public(pem):
        private = serialization.load_pem_private_key(pem.read_bytes(), password=None)
        return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    pem, *replaced = pems
    raw = public(pem)
    profile = Profile.open(folder)
    try:
        keys.encryption_key_path(profile).write_bytes(pem.read_bytes())
        for old in replaced:
            keys.retired_encryption_key_path(profile, keys.fingerprint_hex(public(old))).write_bytes(old.read_bytes())
        with session_scope(profile.engine) as session:
            session.merge(Meta(key=keys.META_ENCRYPTION_KEY, value=base64.b64encode(raw).decode("ascii")))
        profile._meta = None
        keys.ensure_encryption_key(profile, keys.load_private_key(profile, PASSPHRASE))  # signs the new key
        assert keys.own_encryption_key(profile)[0] == base64.b64encode(raw).decode("ascii")
    finally:
        profile.close()


def _profile(contexts, tmp_path, vector) -> Profile:
    folder = tmp_path / "profile"
    shutil.copytree(contexts[vector["context"]], folder)
    profile = Profile.open(folder)
    for earlier in vector.get("before", []):
        assert import_bundle(profile, VECTORS / earlier).status == "imported", earlier
    return profile


def _dump(profile) -> dict:
    with profile.engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: sorted(map(repr, connection.exec_driver_sql(f'SELECT * FROM "{t}"'))) for t in tables}


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_the_application_agrees_with_the_vector(contexts, tmp_path, name):
    vector = BY_FILE[name]
    profile = _profile(contexts, tmp_path, vector)
    try:
        before = _dump(profile)
        for check in (
            lambda: verify_bundle(profile, VECTORS / name),
            lambda: import_bundle(profile, VECTORS / name, dry_run=True),
        ):
            if vector["expect"] == "refuse":
                with pytest.raises(Refused) as refused:
                    check()
                said = str(refused.value)
                assert vector["app_says"] in said, said
                if vector["member"]:
                    assert vector["member"] in said, said
            else:
                result = check()
                expected = {"accept": ("verified", "dry-run"), "already": ("already",)}[vector["expect"]]
                assert result.status in expected, result.status
        assert _dump(profile) == before
        if vector["expect"] == "accept":  # and the real import takes it
            assert import_bundle(profile, VECTORS / name).status == "imported"
    finally:
        profile.close()


def test_the_reference_verifier_agrees_with_every_vector():
    reference = _reference()
    results = reference.run_index(VECTORS / "index.json")
    wrong = [(file, got, want) for file, got, want in results if got != want]
    assert len(results) == len(INDEX["vectors"]) and not wrong, wrong


def test_the_reference_verifier_runs_alone_and_says_so():
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "reference_verifier.py"), str(VECTORS / "index.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(INDEX['vectors'])}/{len(INDEX['vectors'])} vectors agree" in done.stdout


def test_the_vectors_are_what_the_script_writes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make-bundle-vectors"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


def test_the_vectors_cover_valid_and_invalid_bundles_of_every_step():
    expects = [vector["expect"] for vector in INDEX["vectors"]]
    assert expects.count("accept") >= 8 and "already" in expects and expects.count("refuse") >= 40
    rules = {vector["rule"] for vector in INDEX["vectors"] if vector["expect"] == "refuse"}
    assert {
        "empty-file",
        "signature-mismatch",
        "recipient",
        "replay",
        "member-sha256",
        "record-type",
        "text-rule",
        "part-whole",
        "sealed-header",
        "sealed-length",
        "sealed-recipient",
        "sealed-decrypt",
        "endorsement",
        "key-replaced",
    } <= rules
    document = (ROOT / "docs" / "bundle-format.md").read_text(encoding="utf-8")
    errors = document[document.index("## 13. Error cases") : document.index("## 14. Test vectors")]
    listed = set(re.findall(r"^\| `([a-z0-9-]+)`", errors, re.M) + re.findall(r"/ `([a-z0-9-]+)` \|", errors))
    listed |= set(re.findall(r"\[`(sealed-[a-z]+)`\]", errors))
    assert len(listed) > 40 and listed <= rules, sorted(listed - rules)  # every rule of §13 has a vector
    accepted = {vector["file"] for vector in INDEX["vectors"] if vector["expect"] == "accept"}
    assert {"accept-sealed.vstb", "accept-rotated-key.vstb", "accept-province-indicator.vstb"} <= accepted
    sealed = [v for v in INDEX["vectors"] if (VECTORS / v["file"]).read_bytes().startswith(b"vstb-sealed-1\n")]
    assert len(sealed) >= 10 and {v["context"] for v in sealed} == {"province-89", "district-883"}  # reports, answers


def _verify_with_reference(capsys, *args) -> str:
    reference = _reference()
    capsys.readouterr()
    reference.main([str(VECTORS / "index.json"), "--context", "province-89", *map(str, args)])
    return capsys.readouterr().out


def test_the_reference_verifier_reads_the_indicator_codes_from_the_catalogue_it_is_given(tmp_path, capsys):
    source = (ROOT / "docs" / "reference_verifier.py").read_text(encoding="utf-8")
    shipped = json.loads((ROOT / "resources" / "indicators.json").read_text(encoding="utf-8"))
    assert not [item["code"] for item in shipped["indicators"] if item["code"] in source]  # no list in the code
    # The shipped catalogue without LEADERS_FEMALE: a report carrying it is refused, naming the rule.
    smaller = tmp_path / "smaller.json"
    smaller.write_text(
        json.dumps({"indicators": [i for i in shipped["indicators"] if i["code"] != "LEADERS_FEMALE"]}),
        encoding="utf-8",
    )
    said = _verify_with_reference(capsys, VECTORS / "accept-report.vstb", "--catalogue", smaller)
    assert "refuse record-value (indicators.jsonl)" in said, said
    # A catalogue that has FOO_BAR as a count (as a newer national catalogue might): accepted.
    larger = tmp_path / "larger.json"
    foo = {"code": "FOO_BAR", "kind": "count", "section": "violence", "name_vi": "Thử", "name_en": "Test"}
    larger.write_text(json.dumps({"indicators": [*shipped["indicators"], foo]}), encoding="utf-8")
    assert "refuse record-value" in _verify_with_reference(capsys, VECTORS / "indicator-unknown.vstb")
    said = _verify_with_reference(capsys, VECTORS / "indicator-unknown.vstb", "--catalogue", larger)
    assert ": accept (report of 883" in said, said
    # What `catalogue list --json` prints at the province is such a file, its own indicators in it.
    listing = tmp_path / "listing.json"
    folder = tmp_path / "province"
    for args in (
        ("init", "--org-unit", "89", "--officer", "Người kiểm thử"),
        ("catalogue", "import", VECTORS / INDEX["contexts"]["province-89"]["province_indicators"]),
    ):
        assert cli_run(["--data-dir", str(folder), *map(str, args)]) == 0
    capsys.readouterr()
    assert cli_run(["--data-dir", str(folder), "catalogue", "list", "--json"]) == 0
    listing.write_text(capsys.readouterr().out, encoding="utf-8")
    catalogue = _reference().load_catalogue(listing)
    assert catalogue["AG_CLUBS_LED_BY_WOMEN"] == ("count", "AG_CLUBS_TOTAL")
    assert catalogue["AG_CLUBS_LED_BY_WOMEN_PCT"][0] == "share" and "AG_MODELS_2020" in catalogue  # retired: kept
    assert catalogue["LEADERS_FEMALE"] == ("count", "LEADERS_TOTAL")


def test_the_reference_verifiers_national_catalogue_is_the_one_a_new_profile_holds(tmp_path, capsys):
    """When the application ships more national indicators (or in another file), the reference
    verifier's default (SHIPPED_CATALOGUE) and §8.5 must follow: this says so."""
    folder = tmp_path / "province"
    assert cli_run(["--data-dir", str(folder), "init", "--org-unit", "89", "--officer", "Người kiểm thử"]) == 0
    capsys.readouterr()
    assert cli_run(["--data-dir", str(folder), "catalogue", "list", "--json"]) == 0
    profile = {
        item["code"]: (item["kind"], item["at_most"]) for item in json.loads(capsys.readouterr().out)["indicators"]
    }
    reference = _reference()
    assert reference.load_catalogue(*reference.SHIPPED_CATALOGUE) == profile


def test_the_reference_verifier_opens_a_sealed_file_with_the_key_in_each_of_its_forms(tmp_path, capsys):
    reference = _reference()
    seeds = json.loads((VECTORS / "keys" / "test-only-seeds.json").read_text(encoding="utf-8"))
    raw = bytes.fromhex(seeds["encryption_keys"]["89"]["x25519_private_hex"])
    forms = {
        "pem": (VECTORS / INDEX["contexts"]["province-89"]["decryption_keys"][0]).read_bytes(),
        "raw": raw,
        "hex": raw.hex().encode() + b"\n",
        "base64": base64.b64encode(raw) + b"\n",
    }
    for form, content in forms.items():
        (tmp_path / form).write_bytes(content)
        key = reference.load_decryption_key(tmp_path / form)
        assert key.private_bytes_raw() == raw, form
    said = _verify_with_reference(capsys, VECTORS / "accept-sealed.vstb", "--decryption-key", tmp_path / "hex")
    assert "accept-sealed.vstb: accept" in said, said
    stranger = tmp_path / "stranger"
    stranger.write_text(seeds["encryption_keys"]["stranger"]["x25519_private_hex"], encoding="ascii")
    said = _verify_with_reference(capsys, VECTORS / "accept-sealed.vstb", "--decryption-key", stranger)
    assert "refuse sealed-recipient" in said, said


def test_the_document_shows_the_reference_verifiers_own_verify_and_names_no_source_file():
    document = (ROOT / "docs" / "bundle-format.md").read_text(encoding="utf-8")
    source = (ROOT / "docs" / "reference_verifier.py").read_text(encoding="utf-8")
    start = source.index("def verify(data: bytes, context: dict, ledger: Ledger)")
    function = source[start : source.index("\n\n\n", start)]
    assert f"```python\n{function}\n```" in document
    assert len(function.splitlines()) <= 60
    assert "vstbpn_desktop" not in document and ".py" not in document.replace("docs/reference_verifier.py", "")
    assert f"{len(INDEX['vectors'])} vectors" in document and f"{len(INDEX['vectors'])} small bundles" in document


def test_the_reference_verifier_agrees_with_the_application_on_the_bundles_it_writes(sender_and_parent, tmp_path):
    """Not only the crafted vectors: the district's real bundles (the sample data, sealed to the
    province, then signed by a rotated key carrying its chain) pass the reference verifier too."""
    district, province = sender_and_parent
    ok(province, "keys", "export-public", "--out", tmp_path / "89.pub")
    ok(district, "trust", "add", tmp_path / "89.pub", "--org-unit", "89")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "one.vstb")
    ok(district, "keys", "rotate")
    ok(district, "bundle", "export", "--period", "2023H1", "--out", tmp_path / "two.vstb")
    reference = _reference()
    enrolled = json.loads((tmp_path / "883.pub").read_text(encoding="utf-8"))
    context = {
        "importing_unit": "89",
        "tree": "an-giang-2023",
        "units": {"89": None, "883": "89"},
        "keys": {
            enrolled["fingerprint"].replace(" ", ""): {
                "public_key": enrolled["public_key"],
                "org_unit": "883",
                "revoked": False,
            }
        },
        "catalogue": reference.load_catalogue(*reference.SHIPPED_CATALOGUE),
        "decryption_keys": reference.decryption_keys(province.data_dir / "keys" / "encryption-key.pem"),
    }
    ledger = reference.Ledger()
    for name, links in (("one.vstb", 0), ("two.vstb", 1)):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"vstb-sealed-1\n"), name
        result, manifest, digest, carried = reference.verify(data, context, ledger)
        assert (result, len(carried), manifest["sequence"]) == ("accept", links, int(name == "two.vstb") + 1)
        ledger.record(manifest, digest)
        reference.enrol(context["keys"], carried, manifest["sequence"])
        assert "Đã nhập" in ok(province, "bundle", "import", tmp_path / name)
    # The rotation enrolled the new key, and the old one now signs only bundles numbered below 2.
    assert context["keys"][enrolled["fingerprint"].replace(" ", "")]["replaced_from"] == 2
