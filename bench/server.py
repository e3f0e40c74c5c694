"""The shared-database rows (issue 17): a province on PostgreSQL, several clerks importing at once.

    eval "$(scripts/pg-test-cluster start)"
    .venv/bin/python bench/server.py                      # 102 communes, 4 importers, 100,000 activities
    .venv/bin/python bench/server.py --small --out /tmp/R.md

It builds, through the app's own paths: the new province An Giang (91, tree an-giang-2025) twice — on
SQLite and on a fresh PostgreSQL database of the server VSTBPN_TEST_DATABASE_URL names (admin URL) —
and its communes (102) as SQLite profiles with keys, each with the sample data (`demo`) plus generated
activities (a CSV through `data import`) for 2022H1 and 2023H1, exported as 2 signed bundles each.
Then, beside each other in the same run:

  * SQLite, one importer: one process imports the 204 bundles into the SQLite province (the app's
    path: a backup before each import, then one transaction);
  * PostgreSQL, one importer, and 4 importers at once: 4 processes, each with its own profile folder
    attached to the same database (4 clerks), import a quarter of the bundles each; wall time from
    the first process started to the last one ended, process start-up included (as for SQLite);
  * the 100,000-activity bundle of one commune imported into the PostgreSQL province, against its
    floor: the bundle's JSON lines parsed and COPY'd into the same activity table (the app's schema
    and indexes, a fresh database) in one transaction by psycopg alone.

The rows are written into bench/RESULTS.md between the markers below (replaced on each run; bench/run.py
keeps them when it rewrites the file).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import FLOOR_COLUMNS, SECRET, activity_rows, floor_rows, log, timed, write_csv  # noqa: E402

BEGIN, END = "<!-- server rows: bench/server.py -->", "<!-- /server rows -->"  # bench/run.py keeps them
TREE = "an-giang-2025"
PERIODS = ("2022H1", "2023H1")
BIG_PERIOD = "2024H1"


def child_import(profile_dir: str, listing: str) -> None:
    """One clerk: open the profile, import each bundle of the list; prints the import time and counts."""
    from vstbpn_desktop.bundle.importer import import_bundle
    from vstbpn_desktop.profile import Profile

    bundles = Path(listing).read_text(encoding="utf-8").split()
    profile = Profile.open(Path(profile_dir))
    start = time.perf_counter()
    statuses: dict[str, int] = {}
    for path in bundles:
        status = import_bundle(profile, Path(path)).status
        statuses[status] = statuses.get(status, 0) + 1
    seconds = time.perf_counter() - start
    profile.close()
    print(json.dumps({"seconds": seconds, "statuses": statuses}))


class ServerBench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work or tempfile.mkdtemp(prefix="vstbpn-bench-server-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.facts: list[str] = []
        self.databases: list[str] = []

    # -- the server ---------------------------------------------------------------------------

    def new_database(self) -> str:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"vstbpn_bench_{uuid.uuid4().hex[:12]}"
        admin = create_engine(self.args.server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        admin.dispose()
        self.databases.append(name)
        return make_url(self.args.server).set(database=name).render_as_string(hide_password=False)

    def drop_databases(self) -> None:
        from sqlalchemy import create_engine, text

        admin = create_engine(self.args.server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in self.databases:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    # -- building ------------------------------------------------------------------------------

    def build(self) -> None:
        from vstbpn_desktop.bundle import trust
        from vstbpn_desktop.bundle.export import export_bundle
        from vstbpn_desktop.bundle.keys import export_public
        from vstbpn_desktop.dataio.importer import import_file
        from vstbpn_desktop.demo import load_demo
        from vstbpn_desktop.periods import Period
        from vstbpn_desktop.profile import Profile

        started = time.perf_counter()
        self.url = self.new_database()
        self.on_file = Profile.create(self.work / "p91-sqlite", "91", "Nguyễn Văn An", SECRET, tree=TREE)
        self.on_server = Profile.create(
            self.work / "p91-pg-1", "91", "Nguyễn Văn An", SECRET, tree=TREE, database_url=self.url
        )
        self.clerks = [self.on_server.data_dir]
        for n in range(2, self.args.importers + 1):
            clerk = Profile.create(self.work / f"p91-pg-{n}", "91", f"Thư ký {n}", tree=TREE, database_url=self.url)
            assert clerk.attached
            clerk.close()
            self.clerks.append(clerk.data_dir)
        communes = [u.code for u in self.on_file.children()][: self.args.communes]
        rng = random.Random(91)
        self.bundles: list[Path] = []
        self.records = 0
        for code in communes:
            commune = Profile.create(self.work / f"c{code}", code, "Cán bộ xã", SECRET, tree=TREE)
            load_demo(commune)  # 2022H1 and 2023H1: figures, documents, narratives, a few activities
            csv_path = self.work / f"c{code}.csv"
            write_csv(
                csv_path,
                (
                    row
                    for period in PERIODS
                    for row in activity_rows(rng, period, self.args.per_half, [commune.org_unit().name])
                ),
            )
            import_file(commune, csv_path)
            export_public(commune, self.work / f"{code}.pub")
            for province in (self.on_file, self.on_server):
                trust.add(province, self.work / f"{code}.pub", code)
            for period in PERIODS:
                out = self.work / f"{code}-{period}.vstb"
                export_bundle(commune, Period.parse(period), out, SECRET)
                with zipfile.ZipFile(out) as archive:
                    counts = json.loads(archive.read("manifest.json"))["counts"]
                self.records += sum(counts.values())
                self.bundles.append(out)
            if code == communes[0]:
                self.big = commune
            else:
                commune.close()
        self.facts.append(
            f"{len(communes)} communes of An Giang (91, {TREE}) × {len(PERIODS)} half-years = {len(self.bundles)} "
            f"bundles, {self.records:,} records (the sample data + {self.args.per_half} generated activities a "
            f"half-year each), built in {time.perf_counter() - started:.0f} s"
        )
        log(self.facts[-1])

    # -- the concurrent imports --------------------------------------------------------------------

    def run_importers(self, profiles: list[Path], label: str) -> tuple[float, list[float]]:
        shares = [self.bundles[i :: len(profiles)] for i in range(len(profiles))]
        processes = []
        start = time.perf_counter()
        for n, (profile, share) in enumerate(zip(profiles, shares, strict=True)):
            listing = self.work / f"{label}-{n}.txt"
            listing.write_text("\n".join(map(str, share)), encoding="utf-8")
            processes.append(
                subprocess.Popen(
                    [sys.executable, __file__, "--child-import", str(profile), str(listing)],
                    cwd=ROOT,
                    env=os.environ | {"VSTBPN_PASSPHRASE": SECRET},
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        outputs = [p.communicate() for p in processes]
        wall = time.perf_counter() - start
        for process, (_, err) in zip(processes, outputs, strict=True):
            if process.returncode != 0:
                raise RuntimeError(f"{label}: {err}")
        reports = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
        statuses: dict[str, int] = {}
        for report in reports:
            for status, count in report["statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        assert statuses == {"imported": len(self.bundles)}, statuses
        log(f"{label}: {wall:.1f} s wall, children {[round(r['seconds'], 1) for r in reports]}")
        return wall, [r["seconds"] for r in reports]

    def empty_server_province(self) -> None:
        """Between the two PostgreSQL runs: the imported records, the ledger and the audit trail go (the
        province itself holds no records of its own here), the enrolled keys stay."""
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url)
        with engine.begin() as connection:
            for table in ("activity", "document", "indicator_value", "narrative", "bundle_ledger", "audit_event"):
                connection.execute(text(f"DELETE FROM {table}"))
        engine.dispose()

    def import_rows(self) -> None:
        n = len(self.bundles)
        sqlite_wall, _ = self.run_importers([self.on_file.data_dir], "sqlite-1")
        self.on_server.close()
        one_wall, _ = self.run_importers(self.clerks[:1], "pg-1")
        self.empty_server_province()
        four_wall, children = self.run_importers(self.clerks, f"pg-{len(self.clerks)}")
        base = f"{n} bundles, {self.records:,} records"
        self.rows.append(
            (
                f"{n} commune bundles, SQLite, 1 importer",
                f"{sqlite_wall:.1f} s",
                f"{n / sqlite_wall:.1f} bundles/s, {self.records / sqlite_wall:,.0f} records/s",
                "the reference",
                f"{base}; one process, a backup before each import as the app does",
            )
        )
        self.rows.append(
            (
                f"{n} commune bundles, PostgreSQL, 1 importer",
                f"{one_wall:.1f} s",
                f"{n / one_wall:.1f} bundles/s, {self.records / one_wall:,.0f} records/s",
                f"{sqlite_wall / one_wall:.2f}× SQLite's rate",
                f"{base}; one process (the server keeps its own backups: none before each import)",
            )
        )
        self.rows.append(
            (
                f"{n} commune bundles, PostgreSQL, {len(self.clerks)} importers at once",
                f"{four_wall:.1f} s",
                f"{n / four_wall:.1f} bundles/s, {self.records / four_wall:,.0f} records/s",
                f"{sqlite_wall / four_wall:.2f}× SQLite's rate",
                f"{base}; {len(self.clerks)} processes (4 clerks' profiles on one database), a quarter each, "
                f"wall time first start → last end; each child's own import time "
                f"{', '.join(f'{c:.1f}' for c in children)} s; all {n} imported once",
            )
        )

    # -- the big bundle -----------------------------------------------------------------------------

    def big_row(self) -> None:
        from vstbpn_desktop.bundle.export import export_bundle
        from vstbpn_desktop.bundle.importer import import_bundle
        from vstbpn_desktop.dataio.importer import import_file
        from vstbpn_desktop.periods import Period
        from vstbpn_desktop.profile import Profile
        from vstbpn_desktop.storage.database import make_engine, upgrade_to_head

        n = self.args.activities
        rng = random.Random(17)
        csv_path = self.work / "big.csv"
        write_csv(csv_path, activity_rows(rng, BIG_PERIOD, n, [self.big.org_unit().name]))
        import_file(self.big, csv_path)
        out = self.work / f"{self.big.org_unit_code}-{BIG_PERIOD}.vstb"
        export_bundle(self.big, Period.parse(BIG_PERIOD), out, SECRET)

        floor_url = self.new_database()
        floor_engine = make_engine(floor_url)
        upgrade_to_head(floor_engine)  # the app's activity table with its indexes
        floor_engine.dispose()

        def floor():
            import psycopg
            from sqlalchemy.engine import make_url

            parsed = make_url(floor_url)
            with (
                psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database) as db,
                db.cursor() as cursor,
                cursor.copy(f"COPY activity ({', '.join(FLOOR_COLUMNS)}) FROM STDIN") as copy,
            ):
                for row in floor_rows(out, self.big.org_unit_code, datetime.now(UTC)):
                    copy.write_row(row)

        _, floor_seconds = timed(floor)
        province = Profile.open(self.clerks[0])
        result, ours = timed(lambda: import_bundle(province, out))
        assert result.status == "imported", result.status
        province.close()
        ratio = ours / floor_seconds
        self.rows.append(
            (
                f"import of the {n:,}-activity bundle into PostgreSQL",
                f"{ours:.2f} s",
                f"floor {floor_seconds:.2f} s",
                f"{ratio:.2f}× (target ≤ 3×: {'yes' if ratio <= 3 else '**no**'})",
                f"bundle {out.stat().st_size / 1e6:.1f} MB into the province holding the {len(self.bundles)} "
                "commune bundles; floor: json.loads of the bundle's lines + psycopg COPY into a fresh database "
                "with the app's schema and indexes, one transaction",
            )
        )
        log(f"big import {ours:.2f} s, floor {floor_seconds:.2f} s")

    # -- results ---------------------------------------------------------------------------------------

    def section(self, seconds: float, load_start: float) -> str:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.args.server)
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
            fsync = connection.execute(text("SHOW fsync")).scalar()
            commit = connection.execute(text("SHOW synchronous_commit")).scalar()
        engine.dispose()
        lines = [
            BEGIN,
            "## Shared database: PostgreSQL (issue 17)",
            "",
            f"Run {datetime.now().strftime('%Y-%m-%d %H:%M')} with `bench/server.py {' '.join(sys.argv[1:])}` in "
            f"{seconds / 60:.1f} min; PostgreSQL {version} on the same machine (127.0.0.1, fsync={fsync}, "
            f"synchronous_commit={commit}: durable like SQLite's synchronous=FULL); load average (1 min) "
            f"{load_start:.2f} at start, {os.getloadavg()[0]:.2f} at end, on 2 shared cores — the 4 importers "
            "and the server compete for those 2 cores with each other and with other work.",
            "",
            *(f"- {fact}" for fact in self.facts),
            "",
            "| path | measured | rate or floor | against | note |",
            "|---|---|---|---|---|",
            *(f"| {' | '.join(row)} |" for row in self.rows),
            END,
        ]
        return "\n".join(lines)

    def write(self, out: Path, section: str) -> None:
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        if BEGIN in old and END in old:
            head, rest = old.split(BEGIN, 1)
            new = head + section + rest.split(END, 1)[1]
        else:
            new = old.rstrip() + "\n\n" + section + "\n"
        out.write_text(new, encoding="utf-8")
        print(section)

    def run(self) -> None:
        load_start = os.getloadavg()[0]
        start = time.perf_counter()
        log(f"work folder {self.work}")
        try:
            self.build()
            self.import_rows()
            self.big_row()
            self.write(Path(self.args.out), self.section(time.perf_counter() - start, load_start))
        finally:
            for profile in (self.on_file, self.on_server, getattr(self, "big", None)):
                if profile is not None:
                    profile.close()
            self.drop_databases()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get("VSTBPN_TEST_DATABASE_URL"), help="admin URL of the server")
    parser.add_argument("--communes", type=int, default=102)
    parser.add_argument("--per-half", type=int, default=40, help="generated activities per commune and half-year")
    parser.add_argument("--importers", type=int, default=4)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--small", action="store_true", help="4 communes, 2,000 activities (only keeps it working)")
    parser.add_argument("--work")
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    parser.add_argument("--child-import", nargs=2, metavar=("PROFILE", "LIST"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_import:
        child_import(*args.child_import)
        return 0
    if not args.server:
        parser.error("no server: set VSTBPN_TEST_DATABASE_URL (scripts/pg-test-cluster start) or --server")
    if args.small:
        args.communes, args.activities, args.per_half = 4, 2_000, 10
    os.environ.setdefault("VSTBPN_PASSPHRASE", SECRET)
    ServerBench(args).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
