#!/usr/bin/env python3
"""A minimal reference verifier of `.vstb` bundles, written from docs/bundle-format.md alone.

Not part of the application (which never imports it): it shows that the document is enough to
implement the format, and docs/bundle-vectors/ tests it. Standard library + `cryptography` only.

    python docs/reference_verifier.py [INDEX.json] [--catalogue FILE.json ...]
    python docs/reference_verifier.py INDEX.json --context NAME [--catalogue FILE.json ...]
                                      [--decryption-key FILE] BUNDLE ...

The first runs every vector of the index (default docs/bundle-vectors/index.json) and prints the
ones whose result differs; the second verifies the given files, in order, against one context of
the index (its unit tree, trust register, catalogue and decryption key), each accepted file taken
as imported before the next (its ledger row, the keys of a rotation it carries), and prints each
result. The catalogue (§8.5) is the national one shipped with the application
(resources/indicators.json and resources/indicators-national.json) plus the context's
`province_indicators`; `--catalogue` replaces the national part (the indicators.json shape, or
what `catalogue list --json` prints: then the profile's whole catalogue). A decryption key (§16)
is an X25519 private key of the importing unit (its own, or one a rotation of its key replaced,
kept for files sealed before): the profile's keys/encryption-key.pem (PKCS#8 PEM), or its 32 raw
bytes, or those written as 64 hex digits or base64; `--decryption-key` (repeatable) replaces the
context's `decryption_keys`.
`verify()` is the whole verification (§7 of the document); `Ledger` keeps what a parent holds (§11).
"""

import base64
import hashlib
import io
import json
import math
import re
import stat
import sys
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

# -- §8.5 the catalogue as it travels ----------------------------------------------------------
ACTIVITY_KINDS = {"communication", "training", "conference", "media", "inspection", "initiative", "award", "other"}
DOCUMENT_KINDS = {"plan", "decision", "directive", "official_letter", "report", "other"}
# The national catalogue a new profile holds: the files shipped with the application.
SHIPPED_CATALOGUE = tuple(
    Path(__file__).resolve().parent.parent / "resources" / name
    for name in ("indicators.json", "indicators-national.json")
)


def load_catalogue(*paths) -> dict:
    """code → (kind, at_most) of every indicator the files list (the indicators.json shape), retired
    ones included; a later file adds to the earlier ones."""
    catalogue = {}
    for path in paths:
        for entry in json.loads(Path(path).read_text(encoding="utf-8"))["indicators"]:
            catalogue[entry["code"]] = (entry["kind"], entry.get("at_most"))
    return catalogue


WORDS = {"kind": None, "direction": ("issued", "received"), "coverage": ("own", "area")}
ENDORSEMENTS = "key-endorsements.json"
ENCRYPTION = b"vstb-encryption-key-1\n"  # what a signing key signs to vouch for its unit's X25519 key (§2.2)
ORDER = 2**252 + 27742317777372353535851937790883648493  # L, the order of Ed25519's prime-order group
MAX_LINE = 245_896  # §8: the longest line of a data member, in bytes

DATA = ("activities.jsonl", "documents.jsonl", "indicators.jsonl", "narratives.jsonl")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# §8: field → (type, required, maximum length in characters after NFC and trimming)
FIELDS = {
    "activities.jsonl": {
        "id": ("id", 1),
        "date": ("date", 1),
        "kind": ("kind", 1),
        "title": ("text", 20000),
        "sessions": ("count", 0),
        "participants": ("count", 0),
        "female_participants": ("count", 0),
        "place": ("text?", 300),
        "notes": ("text?", 20000),
    },
    "documents.jsonl": {
        "id": ("id", 1),
        "number": ("text", 60),
        "date": ("date", 1),
        "issuer": ("text?", 300),
        "kind": ("kind", 1),
        "title": ("text", 20000),
        "direction": ("word", 1),
    },
    "indicators.jsonl": {
        "indicator": ("code", 1),
        "value": ("number", 1),
        "coverage": ("word", 1),
        "cell": ("text", 200),
        "comment": ("text?", 2000),
        "follow_up": ("count", 0),
    },
    "narratives.jsonl": {"section": ("text", 60), "text": ("text", 20000)},
}
REQUIRED = {"id", "date", "kind", "title", "number", "indicator", "value", "section", "text"}


class Refusal(Exception):
    def __init__(self, rule: str, member: str | None = None, detail: str = ""):
        super().__init__(f"{rule} ({member}): {detail}")
        self.rule, self.member = rule, member


# -- §6 strict JSON and the text rule ----------------------------------------------------------
def _pairs(pairs):
    if len({k for k, _ in pairs}) != len(pairs):
        raise ValueError("duplicate key")
    return dict(pairs)


def _int(text):
    if len(text.lstrip("-")) > 18:
        raise ValueError("integer of more than 18 digits")
    return int(text)


def _float(text):
    if len(text) > 40 or not math.isfinite(float(text)):
        raise ValueError("number too long or not finite")
    return float(text)


def _nan(name):
    raise ValueError(name)


DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_int=_int, parse_float=_float, parse_constant=_nan)


def strict_json(data, rule, member):
    try:
        if isinstance(data, bytes):
            if data.startswith(b"\xef\xbb\xbf"):
                raise ValueError("BOM")
            data = data.decode("utf-8")
        return DECODER.decode(data)
    except (ValueError, RecursionError) as exc:
        raise Refusal(rule, member, f"strict JSON: {exc}") from None


def text_ok(value) -> bool:
    return isinstance(value, str) and not REFUSED_CHARACTER.search(value)


def timestamp_ok(value) -> bool:
    try:
        return (
            isinstance(value, str)
            and bool(STAMP.fullmatch(value))
            and (2000 <= datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").year <= 2100)
        )
    except ValueError:
        return False


def clean(value) -> str:
    return unicodedata.normalize("NFC", value or "").strip()


def halves(period: str) -> tuple[str, ...]:
    return (period,) if "H" in period else (period + "H1", period + "H2")


def period_range(period: str) -> tuple[date, date]:
    year = int(period[:4])
    return (
        date(year, 7 if period.endswith("H2") else 1, 1),
        date(year, 6, 30) if period.endswith("H1") else date(year, 12, 31),
    )


# -- §11 the importing unit's ledger ---------------------------------------------------------------
class Ledger:
    def __init__(self):
        self.held = {}  # (sender, half-year) → (sequence, manifest SHA-256)
        self.bundle_ids = {}  # bundle id → manifest SHA-256
        self.answers = {}  # sender → highest answer sequence applied
        self.applied = set()  # manifest SHA-256 of answers applied

    def decide(self, m, digest) -> str | None:
        if m["kind"] == "answer":
            if digest in self.applied or m["sequence"] <= self.answers.get(m["sender_org_unit"], 0):
                raise Refusal("replay", "manifest.json", "answer applied before or older")
            return None
        same = 0
        for half in halves(m["period"]):
            sequence, held = self.held.get((m["sender_org_unit"], half), (0, None))
            if sequence > m["sequence"] or (sequence == m["sequence"] and held != digest):
                raise Refusal("replay", "manifest.json", f"{half}: sequence {sequence} held")
            same += held == digest
        if same == len(halves(m["period"])):
            return "already"
        if self.bundle_ids.get(m["bundle_id"], digest) != digest:
            raise Refusal("replay", "manifest.json", "bundle_id seen with other content")
        return None

    def record(self, m, digest):
        if m["kind"] == "answer":
            self.answers[m["sender_org_unit"]] = m["sequence"]
            self.applied.add(digest)
            return
        self.bundle_ids[m["bundle_id"]] = digest
        for half in halves(m["period"]):
            self.held[(m["sender_org_unit"], half)] = (m["sequence"], digest)


# -- §7 verification -----------------------------------------------------------------------------
def read(archive, infos, name, limit):
    try:
        with archive.open(infos[name]) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise Refusal("member-unreadable", name, str(exc)) from None
    if len(data) > limit:
        raise Refusal("member-too-long", name)
    return data


def member(archive, infos, entry):
    data = read(archive, infos, entry["name"], entry["length"])
    if entry["name"] in DATA and any(len(line) > MAX_LINE for line in data.split(b"\n")):
        raise Refusal("line-too-long", entry["name"])
    if len(data) != entry["length"]:
        raise Refusal("member-length", entry["name"])
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise Refusal("member-sha256", entry["name"])
    return data


def check_manifest(m, fingerprint):
    """§4: the shape of the manifest; Refusal("manifest-shape") otherwise."""

    def need(condition, what):
        if not condition:
            raise Refusal("manifest-shape", "manifest.json", what)

    minor_present = isinstance(m, dict) and "format_minor" in m
    types = {
        "format": str,
        "format_version": int,
        "bundle_id": str,
        "kind": str,
        "sender_org_unit": str,
        "sender_tree": str,
        "sender_officer": str,
        "key_fingerprint": str,
        "recipient_org_unit": str,
        "sequence": int,
        "period": str,
        "created_at": str,
        "app_version": str,
        "counts": dict,
        "members": list,
    }
    need(isinstance(m, dict) and set(m) - {"format_minor"} == set(types), "fields")
    need(all(type(m[k]) is t for k, t in types.items()), "types")
    minor = m.get("format_minor", 0)
    need(type(minor) is int and (minor in (1, 2) or not minor_present and minor == 0), "format_minor")
    need(m["format"] == "vstb" and m["format_version"] == 1 and m["kind"] in ("report", "answer"), "format, kind")
    need(m["kind"] == "report" or minor >= 1, "an answer is 1.1")
    need(bool(UUID.fullmatch(m["bundle_id"])), "bundle_id")
    need(all(re.fullmatch(r"[0-9]{1,10}", m[k]) for k in ("sender_org_unit", "recipient_org_unit")), "units")
    need(bool(re.fullmatch(r"[0-9A-F]{32}", m["key_fingerprint"])), "key_fingerprint")
    need(1 <= m["sequence"] <= 2**53, "sequence")
    need(bool(re.fullmatch(r"(20[0-9]{2}|2100)(H[12])?", m["period"])), "period")
    need(timestamp_ok(m["created_at"]), "created_at")
    need(all(len(m[k]) <= 200 and text_ok(m[k]) for k in ("sender_tree", "sender_officer", "app_version")), "texts")
    names = ("answer.json",) if m["kind"] == "answer" else DATA + (("audit.json",) if minor else ())
    counts = m["counts"]
    need(
        counts == {}
        if m["kind"] == "answer"
        else set(counts) == {n.split(".")[0] for n in DATA} and all(type(c) is int and c >= 0 for c in counts.values()),
        "counts",
    )
    cap = {"audit.json": 64 * 1024, "answer.json": 16 * 1024, ENDORSEMENTS: 64 * 1024}
    listed = sorted(e.get("name") for e in m["members"] if isinstance(e, dict))
    optional = [ENDORSEMENTS] if m["kind"] == "report" and minor == 2 else []  # §17
    need(listed in (sorted(names), sorted(names + tuple(optional))), "members listed")
    for e in m["members"]:
        need(set(e) == {"name", "length", "sha256"} and type(e["length"]) is int, "member entry")
        need(0 <= e["length"] <= cap.get(e["name"], 512 * 1024 * 1024), "member length")
        need(isinstance(e["sha256"], str) and bool(re.fullmatch(r"[0-9a-f]{64}", e["sha256"])), "member sha256")
    need(sum(e["length"] for e in m["members"]) <= 1024**3, "total length")
    need(
        all(e["length"] <= (counts[e["name"].split(".")[0]] + 1) * MAX_LINE for e in m["members"] if e["name"] in DATA),
        "a data member longer than its lines allow",
    )
    need(m["key_fingerprint"] == fingerprint, "key_fingerprint differs from manifest.sig")


def check_line(name, raw, period, seen, catalogue):
    """§8: one record of a data member; `catalogue` as load_catalogue gives it (§8.5)."""

    def value(condition, what, rule="record-value"):
        if not condition:
            raise Refusal(rule, name, what)

    value(type(raw) is dict, "an object", "record-type")
    value(set(raw) <= set(FIELDS[name]), "unknown field", "record-field")
    value(
        not any(isinstance(v, (dict, list, bool)) for v in raw.values()), "flat: strings, numbers, null", "record-type"
    )
    value(REQUIRED & set(FIELDS[name]) <= set(raw), "missing field", "record-field")
    for field, given in raw.items():
        kind, limit = FIELDS[name][field]
        if kind == "count":
            value(type(given) is int, f"{field}: a JSON integer", "record-type")
        elif kind == "number":
            value(type(given) in (int, float), f"{field}: a JSON number", "record-type")
        elif not (kind == "text?" and given is None):
            value(isinstance(given, str), f"{field}: a string", "record-type")
            value(text_ok(given), f"{field}: the text rule", "text-rule")
            value(kind != "date" or re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", given), "ISO date", "record-type")
            value(kind != "word" or given in WORDS[field], f"{field}: one of {WORDS.get(field)}")
            value(kind not in ("text", "text?") or len(clean(given)) <= limit, f"{field}: length")
            value(kind != "text" or clean(given), f"{field}: empty")
    if name in ("activities.jsonl", "documents.jsonl"):
        value(bool(UUID.fullmatch(raw["id"])), "id: UUID")
        value(raw["id"] not in seen, "id twice", "duplicate-record")
        seen.add(raw["id"])
        try:
            day = date.fromisoformat(raw["date"])
        except ValueError:
            raise Refusal("record-value", name, "no such day") from None
        start, end = period_range(period)
        value(start <= day <= end, "date outside the period")
        value(raw["kind"] in (ACTIVITY_KINDS if name == "activities.jsonl" else DOCUMENT_KINDS), "kind")
    if name == "activities.jsonl":
        sessions, people, women = raw.get("sessions", 1), raw.get("participants", 0), raw.get("female_participants", 0)
        value(1 <= sessions <= 10**7 and 0 <= people <= 10**7 and 0 <= women <= 10**7, "counts")
        value(women <= people, "women above participants")
    elif name == "indicators.jsonl" and "cell" in raw:
        # §8.3: one cell of the breakdown of a value whose line came before it. The cell keys and
        # the sums are the catalogue's (docs/catalogue.md): checked by the application, not here.
        code, number = raw["indicator"], raw["value"]
        value(set(raw) == {"indicator", "cell", "value"}, "a cell line holds indicator, cell, value only")
        value(code in seen, "a cell after its total")
        key = ";".join(sorted(part.strip() for part in raw["cell"].split(";")))
        value((code, key) not in seen, "cell twice", "duplicate-record")
        value(
            all(re.fullmatch(r"[a-z][a-z0-9_]*=[a-z][a-z0-9_]*", part.strip()) for part in raw["cell"].split(";")),
            "cell key",
        )
        value(0 <= number <= 10**9 and float(number).is_integer(), "a whole number 0 … 10^9")
        seen.add((code, key))
    elif name == "indicators.jsonl":
        code, number = raw["indicator"], raw["value"]
        value(code not in seen, "indicator twice", "duplicate-record")
        value(raw.get("follow_up", 0) in (0, 1), "follow_up 0 or 1")
        seen.add(code)
        area = raw.get("coverage") == "area"
        kind = catalogue.get(code, (None, None))[0]
        value(kind == "count" or area and kind == "from_activities", "not a typed indicator of the catalogue")
        value(0 <= number <= 10**9 and float(number).is_integer(), "a whole number 0 … 10^9")
    elif name == "narratives.jsonl":
        section = clean(raw["section"])
        value(section not in seen, "section twice", "duplicate-record")
        seen.add(section)


def check_audit(summary):
    tables, actions = ("activity", "document", "indicator_value", "narrative"), ("insert", "update", "delete")
    ok = isinstance(summary, dict) and set(summary) == {"since", "changes", "reopened"}
    ok = ok and (summary["since"] is None or timestamp_ok(summary["since"]))
    ok = (
        ok
        and isinstance(summary["changes"], dict)
        and set(summary["changes"]) == set(tables)
        and all(
            isinstance(c, dict)
            and set(c) == set(actions)
            and all(type(n) is int and 0 <= n <= 10**9 for n in c.values())
            for c in summary["changes"].values()
        )
    )
    ok = (
        ok
        and isinstance(summary["reopened"], list)
        and len(summary["reopened"]) <= 50
        and all(
            isinstance(e, dict)
            and set(e) == {"at", "who", "reason"}
            and timestamp_ok(e["at"])
            and text_ok(e["who"])
            and text_ok(e["reason"])
            and len(e["who"]) <= 200
            and len(e["reason"]) <= 2000
            for e in summary["reopened"]
        )
    )
    if not ok:
        raise Refusal("audit", "audit.json")


def check_answer(answer, m):
    fields = {"action", "org_unit", "period", "bundle_id", "bundle_sequence", "reason", "returned_by", "returned_at"}
    ok = isinstance(answer, dict) and set(answer) == fields and answer["action"] == "return"
    ok = ok and all(isinstance(answer[k], str) for k in fields - {"bundle_sequence"})
    ok = ok and type(answer["bundle_sequence"]) is int and 1 <= answer["bundle_sequence"] <= 2**53
    ok = ok and bool(UUID.fullmatch(answer["bundle_id"])) and timestamp_ok(answer["returned_at"])
    ok = ok and text_ok(answer["reason"]) and text_ok(answer["returned_by"]) and len(answer["returned_by"]) <= 200
    ok = ok and 0 < len(clean(answer["reason"])) <= 2000
    ok = ok and answer["org_unit"] == m["recipient_org_unit"] and answer["period"] == m["period"]
    if not ok:
        raise Refusal("answer", "answer.json")


def below(units, code, top) -> bool:
    """Is `code` a unit strictly below `top` in the unit tree (code → parent)?"""
    seen = set()
    while code in units and code not in seen:
        seen.add(code)
        code = units[code]
        if code == top:
            return True
    return False


def open_zip(data: bytes):
    """Steps 1-2: the zip and every entry of it."""
    if not data:
        raise Refusal("empty-file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise Refusal("truncated-zip" if data.startswith(b"PK") else "not-zip") from None
    infos = {}
    for info in archive.infolist():
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", info.orig_filename):
            raise Refusal("unsafe-name", info.orig_filename)
        if info.filename in infos:
            raise Refusal("duplicate-member", info.filename)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise Refusal("symlink", info.filename)
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise Refusal("not-regular", info.filename)
        if info.flag_bits & 1:
            raise Refusal("encrypted-member", info.filename)
        if info.compress_type not in (0, 8):
            raise Refusal("compression", info.filename)
        infos[info.filename] = info
    return archive, infos


def parse_sig(sig: bytes) -> tuple[str, bytes]:
    """§5: (fingerprint, 64-byte signature)."""
    if not re.fullmatch(rb"vstb-signature-1\n[0-9A-F]{32}\n[A-Za-z0-9+/=]+\n", sig):
        raise Refusal("signature-format", "manifest.sig")
    _, fingerprint, signature = sig.decode().split("\n")[:3]
    try:
        signature = base64.b64decode(signature, validate=True)
    except ValueError:
        raise Refusal("signature-format", "manifest.sig") from None
    if len(signature) != 64:
        raise Refusal("signature-format", "manifest.sig")
    return fingerprint, signature


def public_key(key: dict):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))


def member_lines(data: bytes, name: str) -> list[str]:
    """§8: UTF-8 without BOM, every line ended by LF, no CR anywhere."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal("line-format", name, "UTF-8") from None
    if text.startswith("\ufeff") or (text and not text.endswith("\n")) or "\r" in text:
        raise Refusal("line-format", name, "BOM, last line or CR")
    return text[:-1].split("\n") if text else []


def verify_answer(archive, infos, listed, m, me, units, ledger, digest):
    """§10: an answer of the importing unit's parent."""
    if m["sender_org_unit"] != units.get(me):
        raise Refusal("sender", "manifest.json")
    if m["recipient_org_unit"] != me:
        raise Refusal("recipient", "manifest.json")
    check_answer(strict_json(member(archive, infos, listed["answer.json"]), "answer", "answer.json"), m)
    ledger.decide(m, digest)  # an answer is applied once
    return "accept", m, digest


# -- §2.2, §7 step 6: strict Ed25519 -------------------------------------------------------------
P = 2**255 - 19
D = -121665 * pow(121666, P - 2, P) % P


def in_prime_group(raw: bytes) -> bool:
    """Is `raw` the canonical encoding (y < p, no -0) of a point A ≠ 0 with L·A = 0? This refuses the
    8 points of small order and every point with a small-order part (twisted Edwards, extended
    coordinates)."""
    if len(raw) != 32:
        return False
    y, sign = int.from_bytes(raw, "little") & (2**255 - 1), raw[31] >> 7
    if y >= P:
        return False
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * pow(2, (P - 1) // 4, P) % P
    if (x * x - x2) % P or (x == 0 and sign):
        return False
    x = P - x if x & 1 != sign else x

    def add(a, b):
        (x1, y1, z1, t1), (x2, y2, z2, t2) = a, b
        aa, bb = (y1 - x1) * (y2 - x2) % P, (y1 + x1) * (y2 + x2) % P
        cc, dd = 2 * D * t1 * t2 % P, 2 * z1 * z2 % P
        e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
        return e * f % P, g * h % P, f * g % P, e * h % P

    def neutral(point):
        return point[0] % P == 0 and (point[1] - point[2]) % P == 0

    point = (x, y, 1, x * y % P)
    result, base, n = (0, 1, 1, 0), point, ORDER
    while n:
        result, base, n = (add(result, base) if n & 1 else result), add(base, base), n >> 1
    return not neutral(point) and neutral(result)


# -- §16 sealed bundles ----------------------------------------------------------------------------
SEALED = b"vstb-sealed-1\n"
HEADER = {"format", "version", "scheme", "recipient_org_unit", "recipient_key", "ephemeral_key", "length"}
CHUNK = 64 * 1024


def fingerprint_of(raw: bytes) -> str:
    """§2.1: the first 16 bytes of SHA-256 of a raw public key, 32 upper-case hex digits."""
    return hashlib.sha256(raw).digest()[:16].hex().upper()


def unseal(data: bytes, context: dict) -> bytes:
    """§16: the zip inside a sealed file, decrypted with the importing unit's X25519 key only after
    the header's shape and the file's exact length are checked; any other file as it is."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    if not data.startswith(SEALED):
        return data
    end = data.find(b"\n", len(SEALED), len(SEALED) + 1024 + 1)  # the header: one line, at most 1 KiB
    h = strict_json(data[len(SEALED) : end], "sealed-header", None) if end > 0 else None
    if not isinstance(h, dict) or set(h) != HEADER:
        raise Refusal("sealed-header", None, "not a header of the fields of §16")
    if (h["format"], type(h["version"]), h["version"], h["scheme"]) != (
        "vstb-sealed",
        int,
        1,
        "x25519-hkdf-sha256-chacha20poly1305",
    ):
        raise Refusal("sealed-header", None, "format, version or scheme not supported")
    try:
        ephemeral = base64.b64decode(h["ephemeral_key"], validate=True)
    except (ValueError, TypeError):
        ephemeral = b""
    length = h["length"]
    if not (
        isinstance(h["recipient_org_unit"], str)
        and re.fullmatch(r"[0-9]{1,10}", h["recipient_org_unit"])
        and isinstance(h["recipient_key"], str)
        and re.fullmatch(r"[0-9A-F]{32}", h["recipient_key"])
        and len(ephemeral) == 32
        and type(length) is int
        and 0 <= length <= 1024**3 + 64 * 1024**2
    ):
        raise Refusal("sealed-header", None, "a field of the header")
    chunks = max(1, -(-length // CHUNK))
    if len(data) != end + 1 + length + 16 * chunks:  # truncated or extended: before any decryption
        raise Refusal("sealed-length", None, f"{len(data)} bytes, the header says {end + 1 + length + 16 * chunks}")
    private = context["decryption_keys"].get(h["recipient_key"])  # its own key, or one a rotation replaced
    if h["recipient_org_unit"] != context["importing_unit"] or private is None:
        raise Refusal("sealed-recipient", None, f"sealed to {h['recipient_org_unit']}, key {h['recipient_key']}")
    own = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError:  # a small-order ephemeral key
        raise Refusal("sealed-header", None, "ephemeral key") from None
    aead = ChaCha20Poly1305(HKDF(hashes.SHA256(), 32, salt=ephemeral + own, info=b"vstb-sealed-1").derive(shared))
    plain, at = [], end + 1
    for i in range(chunks):
        size = min(CHUNK, length - i * CHUNK) + 16
        try:  # nonce: the chunk's index, 11 bytes big-endian, then 1 for the last chunk; AAD: the two lines
            plain.append(
                aead.decrypt(i.to_bytes(11, "big") + bytes([i == chunks - 1]), data[at : at + size], data[: end + 1])
            )
        except InvalidTag:
            raise Refusal("sealed-decrypt", None, f"chunk {i + 1}") from None
        at += size
    return b"".join(plain)


def load_decryption_key(path):
    """An X25519 private key of the importing unit: PKCS#8 PEM (the profile's keys/encryption-key.pem),
    or its 32 raw bytes, or those written as 64 hex digits or in base64."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    data = Path(path).read_bytes()
    if data.lstrip().startswith(b"-----BEGIN"):
        return load_pem_private_key(data, password=None)
    if len(data) != 32:
        text = data.strip().decode("ascii")
        data = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text, validate=True)
    return X25519PrivateKey.from_private_bytes(data)


# -- §17 key rotation ------------------------------------------------------------------------------
STATEMENT = {
    "endorsed_at",
    "format",
    "new_fingerprint",
    "new_public_key",
    "old_fingerprint",
    "org_unit",
    "tree",
    "version",
}


def parse_chain(data: bytes) -> tuple[list[tuple[str, str, dict]], dict]:
    """key-endorsements.json: (statement text, signature, statement) of each link, oldest first, and
    the document (which may carry the last key's encryption key, as a public key file does)."""
    document = strict_json(data, "endorsement", ENDORSEMENTS)
    extra = {"encryption_key", "encryption_key_signature"}
    shape = isinstance(document, dict) and set(document) - extra == {"endorsements"}
    entries = document["endorsements"] if shape else 0
    if not isinstance(entries, list) or not 1 <= len(entries) <= 50:
        raise Refusal("endorsement", ENDORSEMENTS, '{"endorsements": [1 … 50 links]}')
    links = []
    for entry in entries:
        ok = isinstance(entry, dict) and set(entry) == {"signature", "statement"}
        ok = ok and isinstance(entry["statement"], str) and isinstance(entry["signature"], str)
        s = strict_json(entry["statement"], "endorsement", ENDORSEMENTS) if ok else None
        ok = ok and isinstance(s, dict) and set(s) == STATEMENT and s["format"] == "vstb-key-endorsement"
        ok = ok and type(s["version"]) is int and s["version"] == 1 and timestamp_ok(s["endorsed_at"])
        if not ok or not all(isinstance(s[k], str) for k in STATEMENT - {"version"}):
            raise Refusal("endorsement", ENDORSEMENTS, "a link not of the shape of §17")
        links.append((entry["statement"], entry["signature"], s))
    return links, document


def find_key(archive, infos, fingerprint: str, context: dict) -> tuple[dict, list[dict]]:
    """Step 5: the enrolled key; or, for a key the register does not hold, the one the carried chain
    of endorsements leads to from an enrolled key (§17), with the statements an import enrols."""
    from cryptography.exceptions import InvalidSignature

    register = context["keys"]
    if fingerprint in register or ENDORSEMENTS not in infos:
        key = register.get(fingerprint)
        if key is None:
            raise Refusal("key-not-enrolled", "manifest.sig")
        if key["revoked"]:
            raise Refusal("key-revoked", "manifest.sig")
        return key, []

    def refuse(why):
        raise Refusal("endorsement", ENDORSEMENTS, why)

    links, document = parse_chain(read(archive, infos, ENDORSEMENTS, 64 * 1024))
    start = max((i for i, link in enumerate(links) if link[2]["old_fingerprint"] in register), default=None)
    if start is None:
        refuse("the chain does not start at an enrolled key")
    first = register[links[start][2]["old_fingerprint"]]
    if first["revoked"]:
        refuse("endorsed by a revoked key")
    successor = next(
        (f for f, k in register.items() if k.get("endorsed_by") == links[start][2]["old_fingerprint"]), None
    )
    if successor not in (None, links[start][2]["new_fingerprint"]):
        refuse("a fork: the old key already has another successor")
    signer, previous, followed = public_key(first), None, []
    for text, signature, s in links[start:]:
        if previous is not None and s["old_fingerprint"] != previous:
            refuse("a link that does not continue the one before")
        try:
            new = base64.b64decode(s["new_public_key"], validate=True)
        except ValueError:
            new = b""
        if not in_prime_group(new):  # §2.2: a strict key, never one of small order
            refuse("the new key is not a point of the prime-order group")
        if fingerprint_of(new) != s["new_fingerprint"]:
            refuse("new_fingerprint is not the new key's")
        if s["org_unit"] != first["org_unit"] or s["tree"] != context["tree"]:
            refuse("another unit or tree")
        try:
            signer.verify(base64.b64decode(signature, validate=True), b"vstb-key-endorsement-1\n" + text.encode())
        except (ValueError, InvalidSignature):
            refuse("signature mismatch")
        signer, previous = public_key({"public_key": s["new_public_key"]}), s["new_fingerprint"]
        followed.append(s)
    if previous != fingerprint:
        refuse("the chain ends at another key than the bundle's")
    if "encryption_key" in document or "encryption_key_signature" in document:  # §2.2: both, signed by the new key
        try:
            raw = base64.b64decode(document.get("encryption_key"), validate=True)
            ok = len(raw) == 32 and raw != bytes(32)
            signer.verify(base64.b64decode(document.get("encryption_key_signature"), validate=True), ENCRYPTION + raw)
        except (ValueError, TypeError, InvalidSignature):
            ok = False
        if not ok:
            refuse("the encryption key carried is not signed by the new key")
    return {"public_key": followed[-1]["new_public_key"], "org_unit": first["org_unit"], "revoked": False}, followed


def confirm(archive, infos, listed, m, key, links):
    """§17 after the signature: a chain followed is the member the manifest lists (its length and
    SHA-256); a key that a rotation replaced from sequence R signs only bundles numbered below R."""
    if links:
        member(archive, infos, listed[ENDORSEMENTS])
    if m["sequence"] >= key.get("replaced_from", math.inf):
        raise Refusal("key-replaced", "manifest.sig")


def enrol(register: dict, links: list[dict], sequence: int) -> None:
    """§17 on import: each new key enrolled for the unit, endorsed by the key before it, which from
    now on verifies only bundles numbered below `sequence`."""
    for s in links:
        old = register[s["old_fingerprint"]]
        old.setdefault("replaced_from", sequence)
        new = {"public_key": s["new_public_key"], "org_unit": old["org_unit"], "revoked": False}
        register[s["new_fingerprint"]] = new | {"endorsed_by": s["old_fingerprint"]}


def verify(data: bytes, context: dict, ledger: Ledger) -> tuple[str, dict, str, list]:
    """("accept" | "already", manifest, manifest SHA-256, keys to enrol), or Refusal(rule, member)."""
    from cryptography.exceptions import InvalidSignature

    archive, infos = open_zip(unseal(data, context))  # §16 a sealed file opened; 1-2. the zip, each entry
    if "manifest.sig" not in infos:  # 3. the signature member
        raise Refusal("unsigned", "manifest.sig")
    fingerprint, signature = parse_sig(read(archive, infos, "manifest.sig", 1024))
    if "manifest.json" not in infos:  # 4. the manifest's bytes
        raise Refusal("missing-member", "manifest.json")
    manifest_bytes = read(archive, infos, "manifest.json", 1024 * 1024)
    key, links = find_key(archive, infos, fingerprint, context)  # 5. the trust register, or a rotation
    if int.from_bytes(signature[32:], "little") >= ORDER or not in_prime_group(signature[:32]):  # 6. the signature
        raise Refusal("signature-noncanonical", "manifest.sig")
    try:
        public_key(key).verify(signature, manifest_bytes)
    except InvalidSignature:
        raise Refusal("signature-mismatch", "manifest.sig") from None
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    m = strict_json(manifest_bytes, "manifest-shape", "manifest.json")  # 7. only now parsed
    check_manifest(m, fingerprint)
    if m["sender_org_unit"] != key["org_unit"]:
        raise Refusal("key-other-unit", "manifest.json")
    listed = {e["name"]: e for e in m["members"]}  # 8. the members present
    for name in sorted(set(infos) - set(listed) - {"manifest.json", "manifest.sig"}):
        raise Refusal("extra-member", name)
    for name in sorted(set(listed) - set(infos)):
        raise Refusal("missing-member", name)
    confirm(archive, infos, listed, m, key, links)  # §17 the chain as listed; a replaced key
    me, units = context["importing_unit"], context["units"]  # 9. tree and addressing
    if m["sender_tree"] != context["tree"]:
        raise Refusal("sender-tree", "manifest.json")
    if m["kind"] == "answer":
        return verify_answer(archive, infos, listed, m, me, units, ledger, digest) + (links,)
    if not below(units, m["sender_org_unit"], me):
        raise Refusal("sender", "manifest.json")
    if m["recipient_org_unit"] != me:
        raise Refusal("recipient", "manifest.json")
    result = ledger.decide(m, digest) or "accept"  # 10. the ledger (§11)
    values = {}
    for name in DATA:  # 11. member by member
        lines = member_lines(member(archive, infos, listed[name]), name)
        if len(lines) != m["counts"][name.split(".")[0]]:
            raise Refusal("line-count", name)
        seen = set()
        for line in lines:
            raw = strict_json(line, "json", name)
            check_line(name, raw, m["period"], seen, context["catalogue"])
            if name == "indicators.jsonl":
                values[raw["indicator"]] = raw["value"]
    for part, (_, whole) in context["catalogue"].items():  # §8.5 parts and wholes
        if whole and values.get(part, 0) > values.get(whole, math.inf):
            raise Refusal("part-whole", "indicators.jsonl", part)
    if "audit.json" in listed:  # §9 the audit summary
        check_audit(strict_json(member(archive, infos, listed["audit.json"]), "audit", "audit.json"))
    return result, m, digest, links


# -- running the published vectors --------------------------------------------------------------
def decryption_keys(*paths) -> dict:
    """The importing unit's X25519 private keys by the fingerprint of their public half (§16)."""
    from cryptography.hazmat.primitives import serialization

    keys = [load_decryption_key(path) for path in paths]
    raw = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {fingerprint_of(key.public_key().public_bytes(*raw)): key for key in keys}


def contexts_of(index_path, catalogue=None, decryption_key=None) -> tuple[dict, dict]:
    """The index, and each of its contexts as verify() takes it but for the trust register (fresh())."""
    index_path = Path(index_path)
    index = json.loads(index_path.read_text(encoding="utf-8"))
    made = {}
    for name, raw in index["contexts"].items():
        own = [index_path.parent / raw["province_indicators"]] if raw.get("province_indicators") else []
        key_files = decryption_key or [index_path.parent / name for name in raw.get("decryption_keys", [])]
        made[name] = {
            **raw,
            "units": index["units"],
            "catalogue": load_catalogue(*(catalogue or SHIPPED_CATALOGUE), *own),
            "decryption_keys": decryption_keys(*key_files),
        }
    return index, made


def fresh(index, context) -> dict:
    """The context with its trust register as the index gives it (fingerprint → key)."""
    keys = {index["keys"][k["key"]]["fingerprint"]: {**index["keys"][k["key"]], **k} for k in context["trusted_keys"]}
    return {**context, "keys": keys}


def run_index(index_path, catalogue=None) -> list[tuple[str, tuple, tuple]]:
    """[(file, what this verifier says, what the index expects)] for every vector."""
    index, contexts = contexts_of(index_path, catalogue)
    folder = Path(index_path).parent
    results = []
    for vector in index["vectors"]:
        context, ledger = fresh(index, contexts[vector["context"]]), Ledger()
        for earlier in vector.get("before", []):
            result, m, digest, links = verify((folder / earlier).read_bytes(), context, ledger)
            ledger.record(m, digest)
            enrol(context["keys"], links, m["sequence"])
        want = (vector["expect"], vector.get("rule"), vector.get("member"))
        try:
            got = (verify((folder / vector["file"]).read_bytes(), context, ledger)[0], None, None)
        except Refusal as refusal:
            got = ("refuse", refusal.rule, refusal.member)
        results.append((vector["file"], got, want))
    return results


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", nargs="?", type=Path, default=Path(__file__).parent / "bundle-vectors" / "index.json")
    parser.add_argument("bundles", nargs="*", type=Path, help="files to verify in --context (default: every vector)")
    parser.add_argument("--context", help="the index's context to verify BUNDLE in (e.g. province-89)")
    parser.add_argument(
        "--catalogue", action="append", type=Path, help="the national catalogue (indicators.json shape)"
    )
    parser.add_argument(
        "--decryption-key", action="append", type=Path, help="an X25519 private key of the importing unit (§16)"
    )
    args = parser.parse_intermixed_args(argv)
    if args.bundles:
        if not args.context:
            parser.error("BUNDLE needs --context")
        index, contexts = contexts_of(args.index, args.catalogue, args.decryption_key)
        context, ledger, refused = fresh(index, contexts[args.context]), Ledger(), 0
        for path in args.bundles:
            try:
                result, m, digest, links = verify(path.read_bytes(), context, ledger)
                ledger.record(m, digest)  # as if imported: the next file meets it in the ledger
                enrol(context["keys"], links, m["sequence"])
                print(
                    f"{path}: {result} ({m['kind']} of {m['sender_org_unit']}, {m['period']}, sequence {m['sequence']})"
                )
            except Refusal as refusal:
                refused += 1
                print(f"{path}: refuse {refusal}")
        return 1 if refused else 0
    results = run_index(args.index, args.catalogue)
    wrong = [r for r in results if r[1] != r[2]]
    for file, got, want in wrong:
        print(f"{file}: got {got}, expected {want}")
    print(f"{len(results) - len(wrong)}/{len(results)} vectors agree")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
