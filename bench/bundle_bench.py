"""Bundle export/import with 100,000 activities against their floors, side by side in one run.

  export floor: the same records as JSON lines into a DEFLATE zip
  import floor: parse those JSON lines and sqlite3.executemany them in one transaction
Run: /tmp/venv/bin/python bench/bundle_bench.py [N]
"""

import json
import os
import random
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vstbpn_desktop.bundle.export import export_bundle  # noqa: E402
from vstbpn_desktop.bundle.importer import import_bundle  # noqa: E402
from vstbpn_desktop.bundle.keys import export_public  # noqa: E402
from vstbpn_desktop.bundle import trust  # noqa: E402
from vstbpn_desktop.demo import load_demo  # noqa: E402
from vstbpn_desktop.domain.validation import validate_activity  # noqa: E402
from vstbpn_desktop.periods import Period  # noqa: E402
from vstbpn_desktop.profile import Profile  # noqa: E402
from vstbpn_desktop.records import insert_clean  # noqa: E402
from vstbpn_desktop.storage.models import new_id  # noqa: E402

PERIOD = Period(2023, 1)
SECRET = "bench passphrase"


def activities(n: int):
    rng = random.Random(7)
    kinds = ["communication", "training", "conference", "media", "inspection"]
    for i in range(n):
        participants = rng.randint(10, 300)
        yield validate_activity({
            "date": date(2023, 1, 1) + timedelta(days=rng.randint(0, 180)), "kind": rng.choice(kinds),
            "title": f"Tuyên truyền Luật Bình đẳng giới tại ấp {i % 97}, xã Mỹ Hòa Hưng",
            "sessions": rng.randint(1, 3), "participants": participants,
            "female_participants": rng.randint(0, participants), "place": f"Nhà văn hóa ấp {i % 97}",
            "notes": "",
        }) | {"id": new_id()}


def timed(label, function):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed:7.2f} s")
    return result, elapsed


def main(n: int = 100_000) -> None:
    os.environ.setdefault("VSTBPN_PASSPHRASE", SECRET)
    work = Path(tempfile.mkdtemp(prefix="vstb-bench-"))
    district = Profile.create(work / "d883", "883", officer="Bench", passphrase=SECRET)
    province = Profile.create(work / "p89", "89", officer="Bench", passphrase=SECRET)

    # A typical district half-year: the sample data.
    load_demo(district)
    small = export_bundle(district, PERIOD, work / "demo.vstb", SECRET)
    print(f"demo district half-year bundle: {small.size:,} bytes ({small.counts})")

    records = list(activities(n))
    with district.engine.begin() as connection:
        insert_clean(connection, "883", "bench", activities=records)
    fields = ("id", "date", "kind", "title", "sessions", "participants", "female_participants", "place", "notes")
    plain = [{f: (r[f].isoformat() if f == "date" else r[f]) for f in fields} for r in records]

    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def export_floor():
        # The same records (already in memory) encoded as JSON lines into a DEFLATE zip.
        with zipfile.ZipFile(work / "floor.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            with archive.open("activities.jsonl", "w") as stream:
                for start in range(0, len(plain), 2000):
                    stream.write("".join(encoder.encode(r) + "\n"
                                         for r in plain[start:start + 2000]).encode("utf-8"))

    _, floor_export = timed(f"export floor (JSON lines → DEFLATE zip), {n:,}", export_floor)
    result, real_export = timed("bundle export (SQL → zip, sign, read back, verify)",
                                lambda: export_bundle(district, PERIOD, work / "big.vstb", SECRET))
    print(f"  bundle size {result.size:,} bytes; ratio {real_export / floor_export:.2f}× (goal ≤ 1.5×)")

    data = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in plain)

    def import_floor():
        db = sqlite3.connect(work / "floor.sqlite3")
        db.execute("CREATE TABLE IF NOT EXISTS a (id TEXT PRIMARY KEY, date TEXT, kind TEXT, title TEXT, "
                   "sessions INT, participants INT, female INT, place TEXT, notes TEXT)")
        rows = [tuple(json.loads(line).values()) for line in data.splitlines()]
        with db:
            db.execute("DELETE FROM a")
            db.executemany("INSERT INTO a VALUES (?,?,?,?,?,?,?,?,?)", rows)
        db.close()

    _, floor_import = timed(f"import floor (json.loads + executemany), {n:,}", import_floor)
    export_public(district, work / "883.pub")
    trust.add(province, work / "883.pub", "883")
    _, real_import = timed("bundle import (verify, validate, replace, ledger)",
                           lambda: import_bundle(province, work / "big.vstb"))
    print(f"  ratio {real_import / floor_import:.2f}× (goal ≤ 3×)")
    district.close()
    province.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
