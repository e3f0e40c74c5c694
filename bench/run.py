"""The benchmark suite of issue 7: every heavy or waited-for path beside its floor, in one run.

    .venv/bin/python bench/run.py --activities 100000        # the full run, writes bench/RESULTS.md
    .venv/bin/python bench/run.py --small --out /tmp/R.md     # a tiny run that only keeps the suite working

What it builds, through the app's own paths (nothing is inserted behind the app's back):
  * the province 89 and its 11 districts (883…894 of the 2023 tree) as real profiles with keys;
  * ACTIVITIES activities spread over the 11 districts and 6 half-years (2021H1…2023H2), written
    as one CSV per district and imported with `data import` (dataio.importer.import_file);
  * every district × half-year exported as a signed bundle, the districts' public keys enrolled at
    the province, every bundle imported there;
  * the worst case: district 883 also imports ACTIVITIES activities for one half-year (2024H1)
    from one CSV, exports them as one bundle and the province imports it (the export/import rows);
  * a separate district profile (886) with about 100 pages of activities in 2023H1 (the annex row).

Each row is measured beside its floor in the same run (see RESULTS.md for what each floor is).
Start-up rows run separate processes (QT_QPA_PLATFORM=offscreen, median of --repeat runs): the
app is `main.py --data-dir PROFILE` with VSTBPN_BENCH_EXIT_AFTER=shown|data (a hook in ui/app.py),
the floor is bench/bare_window.py. Peak memory is VmHWM of those processes (bench/peak.py).
"""

import argparse
import csv
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "bench passphrase 2023"
DISTRICTS = ("883", "884", "886", "887", "888", "889", "890", "891", "892", "893", "894")
PERIODS = ("2021H1", "2021H2", "2022H1", "2022H2", "2023H1", "2023H2")
BIG_PERIOD = "2024H1"
SCREEN_ROWS = 30  # rows of the activity list visible on a laptop screen
FILTER_TEXT = "phong chong"  # typed without diacritics: matches "phòng, chống" titles (diacritic-blind)
ACTIVITY_COLUMNS = ("date", "kind", "title", "sessions", "participants", "female_participants", "place", "notes")

# -- realistic activities ---------------------------------------------------------------------

TEMPLATES = (
    ("communication", "Tuyên truyền Luật Bình đẳng giới cho hội viên phụ nữ {commune}"),
    ("communication", "Tuyên truyền phòng, chống bạo lực gia đình tại {place}"),
    ("communication", "Nói chuyện chuyên đề phòng, chống mua bán người tại {commune}"),
    ("training", "Tập huấn lồng ghép giới trong xây dựng kế hoạch cho cán bộ {commune}"),
    ("training", "Tập huấn kỹ năng hòa giải, phòng chống bạo lực trên cơ sở giới"),
    ("conference", "Hội nghị sơ kết công tác vì sự tiến bộ của phụ nữ {commune}"),
    ("conference", "Tọa đàm về bình đẳng giới trong gia đình và cộng đồng"),
    ("media", 'Chuyên mục "Bình đẳng giới" trên Đài Truyền thanh {commune}'),
    ("inspection", "Kiểm tra việc thực hiện Luật Bình đẳng giới tại {commune}"),
    ("initiative", 'Duy trì mô hình "Địa chỉ tin cậy" tại {place}'),
)
PLACES = ("Nhà văn hóa ấp {n}", "Hội trường UBND {commune}", "Trường THCS {commune}", "Trụ sở ấp {n}")


def communes_of(district: str) -> list[str]:
    from vstbpn_desktop.catalogue.org_units import read_tree, shipped_trees

    for path in shipped_trees():
        rows = read_tree(path)
        if rows and rows[0].tree == "an-giang-2023":
            names = [r.name for r in rows if r.parent_code == district]
            return names or ["xã Mỹ Hòa Hưng"]
    return ["xã Mỹ Hòa Hưng"]


def activity_rows(rng: random.Random, period_code: str, count: int, communes: list[str]):
    from vstbpn_desktop.periods import Period

    period = Period.parse(period_code)
    days = (period.end - period.start).days
    for _ in range(count):
        kind, title = rng.choice(TEMPLATES)
        commune = rng.choice(communes)
        place = rng.choice(PLACES).format(n=rng.randint(1, 12), commune=commune)
        participants = rng.randint(15, 250)
        day = period.start + timedelta(days=rng.randint(0, days))
        yield {
            "date": f"{day:%d/%m/%Y}",
            "kind": kind,
            "title": title.format(commune=commune, place=place),
            "sessions": rng.randint(1, 3),
            "participants": participants,
            "female_participants": rng.randint(participants // 3, participants),
            "place": place,
            "notes": "" if rng.random() < 0.9 else "Phối hợp với Hội Liên hiệp Phụ nữ",
        }


def write_csv(path: Path, rows) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=ACTIVITY_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` split into `parts` shares that vary ±30 % around the mean and sum exactly."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return shares


# -- measuring helpers ------------------------------------------------------------------------

FLOOR_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "author",
    "org_unit_code",
    "date",
    "kind",
    "title",
    "sessions",
    "participants",
    "female_participants",
    "place",
    "notes",
    "search_text",
)


def floor_rows(bundle: Path, unit: str, stamp):
    """The bundle's activity lines as rows of FLOOR_COLUMNS, by json.loads alone (the import floors)."""
    with zipfile.ZipFile(bundle) as archive:
        lines = archive.read("activities.jsonl").decode("utf-8").splitlines()
    for line in lines:
        r = json.loads(line)
        yield (
            r["id"],
            stamp,
            stamp,
            "",
            unit,
            r["date"],
            r["kind"],
            r["title"],
            r["sessions"],
            r["participants"],
            r["female_participants"],
            r["place"],
            r["notes"],
            "",
        )


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def child_environment() -> dict[str, str]:
    """Bytecode as the built program carries it: a shell that sets PYTHONDONTWRITEBYTECODE would
    otherwise have every start compile the app's own modules again (about 0.1 s), never the bare window's."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(argv: list[str], env_extra: dict[str, str]) -> tuple[float, float, str]:
    """(seconds from spawn to the printed VSTBPN_BENCH moment, peak RSS in MB, output)."""
    env = child_environment() | {"QT_QPA_PLATFORM": "offscreen"} | env_extra
    started = time.time()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    moment = [line for line in output.splitlines() if line.startswith("VSTBPN_BENCH ")]
    peak = [line for line in output.splitlines() if line.startswith("VSTBPN_BENCH_PEAK ")]
    if process.returncode != 0 or not moment:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}):\n{output[-3000:]}")
    # Peak memory from bench/peak.py (VmHWM); ru_maxrss of a child carries this process's size on Linux.
    megabytes = int(peak[-1].split()[1]) / 1024 if peak else usage.ru_maxrss / 1024
    return float(moment[-1].split()[2]) - started, megabytes, output


# -- child: the activity list model, offscreen --------------------------------------------------


def child_list(profile_dir: str, period_code: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.entry.models import ActivityTableModel
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import Scope

    app = QApplication.instance() or QApplication(["bench"])  # noqa: F841 (models need an application)
    profile = Profile.open(Path(profile_dir))
    scope = Scope(profile.org_unit_code, Period.parse(period_code))

    def show(model, rows):
        for row in rows:
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.DisplayRole)

    results = {"first": [], "end": [], "filter": []}
    rows = found = 0
    for _ in range(3):
        start = time.perf_counter()
        model = ActivityTableModel(profile.engine, scope)
        rows = model.rowCount()
        show(model, range(min(rows, SCREEN_ROWS)))
        results["first"].append(time.perf_counter() - start)

        start = time.perf_counter()
        show(model, range(max(0, rows - SCREEN_ROWS), rows))
        results["end"].append(time.perf_counter() - start)

        start = time.perf_counter()
        model.set_search(FILTER_TEXT)
        found = model.rowCount()
        show(model, range(min(found, SCREEN_ROWS)))
        results["filter"].append(time.perf_counter() - start)
    profile.close()
    print("VSTBPN_BENCH_LIST " + json.dumps({"rows": rows, "found": found} | results), flush=True)


# -- child: the longest event-loop stall while the window works, offscreen ---------------------

PROBE_MS = 10  # the probe timer's interval: a stall is the longest gap between two of its ticks


class StallProbe:
    """A QTimer on the GUI thread; `measure(action)` returns the longest gap (ms) between two of its
    ticks while `action` runs, and how long the action took (s)."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self.tick)
        self.last = None
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(self, action) -> tuple[float, float, object]:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self.last, self.longest = None, 0.0
        self.timer.start()
        start = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - start
        QApplication.processEvents()  # the tick after the last piece of work counts too
        self.tick()
        self.timer.stop()
        return self.longest * 1000, seconds, result


def child_stall(work: str, csv_path: str, annex_dir: str) -> None:
    """The window's own actions (Tệp → Nhập từ Excel/CSV, Gửi báo cáo, Báo cáo → Lưu PDF) on real
    profiles, the officer's answers to file dialogs and the passphrase given; measured by StallProbe."""
    from datetime import date

    from ui.app import make_application, open_window, skip_feature_scan
    from vstbpn_desktop.reports.options import ReportOptions

    skip_feature_scan()  # as ui.app.run_window does before the window's modules are imported
    from PySide6.QtWidgets import QDialog

    from ui.common import ask
    from ui.report import printing as report_print
    from vstbpn_desktop.profile import Profile

    app = make_application(["bench"])  # noqa: F841 (the window needs an application)
    told = []
    ask.tell = lambda parent, title, text, warning=False: told.append(text)
    ask.show = lambda dialog: dialog.show()
    ask.ask_passphrase = lambda parent, title, label: SECRET
    ask.run_dialog = lambda dialog: dialog.lock.setChecked(False) or QDialog.Accepted  # send as it is
    report_print.ask_options = lambda parent, period, title, settings: ReportOptions(issued_on=date(2024, 7, 10))
    probe = StallProbe()
    results = {}

    profile = Profile.create(Path(work) / "stall-883", "883", officer="Trần Thị Lan", passphrase=SECRET)
    window = open_window(profile)
    window.show()
    window.controller.set_period(BIG_PERIOD)
    window.show_page("communication")
    stall, seconds, result = probe.measure(lambda: window.table_files.import_path(Path(csv_path)))
    if result is None:
        raise RuntimeError(f"import refused: {told}")
    results["import"] = {"stall_ms": stall, "seconds": seconds, "activities": result.added["activities"]}
    ask.ask_save_file = lambda parent, title, default, f: Path(work) / "stall-883.vstb"
    stall, seconds, result = probe.measure(window.bundle_sender.send)
    if result is None:
        raise RuntimeError(f"export refused: {told}")
    results["export"] = {"stall_ms": stall, "seconds": seconds, "bytes": result.size}
    window.close()
    profile.close()

    profile = Profile.open(Path(annex_dir))
    window = open_window(profile)
    window.show()
    window.controller.set_period("2023H1")
    out = Path(work) / "stall-annex.pdf"
    ask.ask_save_file = lambda parent, title, default, f: out
    stall, seconds, result = probe.measure(lambda: window.reports.export("pdf"))
    if result is None:
        raise RuntimeError(f"report refused: {told}")
    from vstbpn_desktop.records import Scope, count_activities

    results["pdf"] = {
        "stall_ms": stall,
        "seconds": seconds,
        "bytes": out.stat().st_size,
        "activities": count_activities(
            profile.engine, Scope(profile.org_unit_code, window.controller.context.scope.period)
        ),
    }
    window.close()
    profile.close()
    print("VSTBPN_BENCH_STALL " + json.dumps(results), flush=True)


# -- the run ----------------------------------------------------------------------------------


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work or tempfile.mkdtemp(prefix="vstbpn-bench-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(2023)
        self.info: dict[str, object] = {}
        self.rows: dict[str, dict] = {}

    def build(self) -> None:
        from vstbpn_desktop.bundle import trust
        from vstbpn_desktop.bundle.export import export_bundle
        from vstbpn_desktop.bundle.importer import import_bundle
        from vstbpn_desktop.bundle.keys import export_public
        from vstbpn_desktop.dataio.importer import import_file
        from vstbpn_desktop.periods import Period
        from vstbpn_desktop.profile import Profile

        a = self.args
        districts = DISTRICTS[: a.districts]
        self.province = Profile.create(self.work / "p89", "89", officer="Nguyễn Văn An", passphrase=SECRET)
        shares = split(a.activities, len(districts) * len(PERIODS), self.rng)
        sizes, imported, exported_at_province = [], 0, 0
        build_start = time.perf_counter()
        self.districts = {}
        for number, code in enumerate(districts):
            profile = Profile.create(self.work / f"d{code}", code, officer="Trần Thị Lan", passphrase=SECRET)
            self.districts[code] = profile
            communes = communes_of(code)
            counts = shares[number * len(PERIODS) : (number + 1) * len(PERIODS)]
            path = self.work / f"d{code}.csv"
            write_csv(
                path,
                (
                    row
                    for period, count in zip(PERIODS, counts, strict=True)
                    for row in activity_rows(self.rng, period, count, communes)
                ),
            )
            result = import_file(profile, path)
            imported += result.added["activities"]
            export_public(profile, self.work / f"{code}.pub")
            trust.add(self.province, self.work / f"{code}.pub", code)
            for period in PERIODS:
                out = self.work / f"{code}-{period}.vstb"
                sizes.append(export_bundle(profile, Period.parse(period), out, SECRET).size)
                import_bundle(self.province, out)
                exported_at_province += 1
            log(f"district {code}: {sum(counts):,} activities imported, 6 bundles sent and imported")
        self.info["realistic"] = (
            f"{imported:,} activities over {len(districts)} districts × {len(PERIODS)} "
            f"half-years, {exported_at_province} bundles imported at the province, "
            f"built in {time.perf_counter() - build_start:.0f} s"
        )
        self.bundle_sizes = sizes

        # The worst case: one sender, ACTIVITIES activities in one half-year.
        big = self.districts[districts[0]]
        self.big = big
        path = self.work / f"d{districts[0]}-{BIG_PERIOD}.csv"
        write_csv(path, activity_rows(self.rng, BIG_PERIOD, a.activities, communes_of(districts[0])))
        result, seconds = timed(lambda: import_file(big, path, Period.parse(BIG_PERIOD)))
        self.info["csv_import"] = (
            f"`data import` of one CSV of {result.added['activities']:,} activities: {seconds:.1f} s"
        )
        log(self.info["csv_import"])

    # -- export / import ------------------------------------------------------------------------

    def bundle_rows(self) -> None:
        from vstbpn_desktop.bundle.export import export_bundle
        from vstbpn_desktop.bundle.importer import import_bundle
        from vstbpn_desktop.periods import Period

        n = self.args.activities
        period = Period.parse(BIG_PERIOD)
        database = self.big.database_path

        def export_floor():
            # The same rows read with sqlite3, encoded as JSON lines, written into a DEFLATE zip.
            encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
            db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
            cursor = db.execute(
                "SELECT id, date, kind, title, sessions, participants, female_participants, place, notes "
                "FROM activity WHERE org_unit_code = ? AND date BETWEEN ? AND ?",
                (self.big.org_unit_code, period.start.isoformat(), period.end.isoformat()),
            )
            names = [c[0] for c in cursor.description]
            with (
                zipfile.ZipFile(self.work / "floor.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
                archive.open("activities.jsonl", "w") as stream,
            ):
                while batch := cursor.fetchmany(2000):
                    lines = (encoder.encode(dict(zip(names, r, strict=True))) + "\n" for r in batch)
                    stream.write("".join(lines).encode("utf-8"))
            db.close()

        _, floor = timed(export_floor)
        out = self.work / f"{self.big.org_unit_code}-{BIG_PERIOD}.vstb"
        result, ours = timed(lambda: export_bundle(self.big, period, out, SECRET))
        self.row(
            "export",
            f"export of the {n:,}-activity bundle",
            ours,
            floor,
            1.5,
            "×",
            f"bundle {result.size / 1e6:.1f} MB; floor: sqlite3 SELECT of the same rows → JSON lines → "
            f"DEFLATE zip (level 6)",
        )
        log(f"export {ours:.2f} s, floor {floor:.2f} s")

        # Import floor: the bundle's JSON lines parsed and executemany'd into the same table (same DDL and
        # indexes as the app's activity table, WAL + synchronous=FULL as the app) in one transaction.
        ddl = [
            sql
            for (sql,) in sqlite3.connect(f"file:{self.province.database_path}?mode=ro", uri=True).execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'activity' AND sql IS NOT NULL"
            )
        ]
        floor_db = self.work / "floor-import.sqlite3"

        def import_floor():
            for leftover in self.work.glob(floor_db.name + "*"):
                leftover.unlink()
            db = sqlite3.connect(floor_db)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            for sql in ddl:
                db.execute(sql)
            rows = list(floor_rows(out, self.big.org_unit_code, datetime.now(UTC).isoformat(sep=" ")))
            with db:
                db.executemany(
                    f"INSERT INTO activity ({', '.join(FLOOR_COLUMNS)}) VALUES ({', '.join('?' * len(FLOOR_COLUMNS))})",
                    rows,
                )
            db.close()

        _, floor = timed(import_floor)
        held = self.count_province_activities()
        result, ours = timed(lambda: import_bundle(self.province, out))
        assert result.status == "imported", result.status
        self.row(
            "import",
            "import of that bundle at the province",
            ours,
            floor,
            3.0,
            "×",
            f"province already held {held:,} activities; floor: json.loads of the bundle's lines + "
            "sqlite3.executemany into the same activity table and indexes, one transaction",
        )
        log(f"import {ours:.2f} s, floor {floor:.2f} s")

        # A typical district half-year: the app's sample district (demo.load_demo: activities, documents,
        # typed indicators and narratives at a real district's scale: the real An Giang 2023H1 report counts
        # about 780 sessions for the whole province, i.e. some 70 per district).
        from vstbpn_desktop.demo import SAMPLE_PERIOD, load_demo
        from vstbpn_desktop.profile import Profile

        sample = Profile.create(self.work / "typical-883", "883", officer="Trần Thị Lan", passphrase=SECRET)
        counts = load_demo(sample)
        typical = export_bundle(sample, SAMPLE_PERIOD, self.work / "typical.vstb", SECRET)
        sample.close()
        self.row(
            "bundle",
            "a typical district half-year bundle",
            typical.size,
            None,
            50_000,
            "bytes",
            f"the sample district's {SAMPLE_PERIOD.code} ({typical.counts}; loaded by demo.load_demo: {counts})",
        )
        sizes = sorted(self.bundle_sizes)
        per = self.args.activities / (len(self.districts) * len(PERIODS))
        self.row(
            "bundle_big",
            f"a district half-year of the {self.args.activities:,}-activity profile",
            statistics.median(sizes),
            None,
            None,
            "bytes",
            f"median of the {len(sizes)} district × half-year bundles built above (about {per:,.0f} "
            f"activities each, some 20 times a real district's volume; smallest {sizes[0] / 1000:.1f} KB, "
            f"largest {sizes[-1] / 1000:.1f} KB); about 19 of the ~42 bytes per activity are its random "
            "UUID, which no compression removes. No target: shown for scale",
        )

    def count_province_activities(self) -> int:
        db = sqlite3.connect(f"file:{self.province.database_path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM activity").fetchone()[0]
        finally:
            db.close()

    # -- the annex --------------------------------------------------------------------------------

    def annex_row(self) -> None:
        from reportlab.lib import colors
        from reportlab.platypus import LongTable, Paragraph, TableStyle

        from vstbpn_desktop.dataio.importer import import_file
        from vstbpn_desktop.periods import Period
        from vstbpn_desktop.profile import Profile
        from vstbpn_desktop.reports.content import build_report
        from vstbpn_desktop.reports.pdf import OfficialDocument, annex_story, table_flowable

        period = Period.parse("2023H1")
        profile = Profile.create(self.work / "annex-886", "886", officer="Lê Thị Mai", passphrase=SECRET)
        path = self.work / "annex-886.csv"
        write_csv(path, activity_rows(self.rng, period.code, self.args.annex_rows, communes_of("886")))
        import_file(profile, path, period)
        report = build_report(profile, period)
        annex = next(a for a in report.annexes if a.table is not None and "HOẠT ĐỘNG" in a.subtitle)

        def ours():
            doc = OfficialDocument(self.work / "annex-ours.pdf")
            doc.build(annex_story(annex, doc))
            return doc.page

        def direct():
            # reportlab alone: the same rows already in memory, the same style, no model, no database.
            data = [list(r) for r in annex.table.rows()]
            doc = OfficialDocument(self.work / "annex-direct.pdf")
            plain = table_flowable(annex.table, doc)  # only for its header cells and widths
            cell = doc.styles["cell"]
            body = [
                [str(v) if not isinstance(v, str) or len(v) < 12 else Paragraph(v, cell) for v in row] for row in data
            ]
            doc.build(
                [
                    LongTable(
                        [plain._cellvalues[0]] + body,
                        colWidths=plain._argW,
                        repeatRows=1,
                        style=TableStyle(
                            [
                                ("FONT", (0, 0), (-1, -1), doc.fonts.regular, 10, 12),
                                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("ALIGN", (4, 1), (6, -1), "RIGHT"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                ("TOPPADDING", (0, 0), (-1, -1), 2),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                            ]
                        ),
                    )
                ]
            )
            return doc.page

        # Twice each, alternating, best of two: the first build also pays font loading and imports.
        runs = {"direct": [], "ours": []}
        for _ in range(2):
            floor_pages, floor = timed(direct)
            pages, seconds = timed(ours)
            runs["direct"].append(floor)
            runs["ours"].append(seconds)
        floor, seconds = min(runs["direct"]), min(runs["ours"])
        profile.close()
        self.row(
            "annex",
            f"{pages}-page activity annex PDF",
            seconds,
            floor,
            2.0,
            "×",
            f"{self.args.annex_rows:,} activities of one district half-year; floor: reportlab LongTable of "
            f"the same rows in memory, same template and style ({floor_pages} pages); best of 2 each",
        )
        log(f"annex {pages} pages {seconds:.2f} s, floor {floor:.2f} s")

    # -- the window -------------------------------------------------------------------------------

    def window_rows(self) -> None:
        python = sys.executable
        peak = str(ROOT / "bench" / "peak.py")  # runs the script in-process, prints its VmHWM at exit
        app = [python, peak, str(ROOT / "main.py"), "--data-dir", str(self.big.data_dir)]
        bare = [python, peak, str(ROOT / "bench" / "bare_window.py")]
        for profile in [self.province, *self.districts.values()]:
            profile.close()
        # Not a floor, an explanation: the libraries the app cannot open a profile without, imported alone.
        imports = [
            python,
            "-c",
            "import time, sqlmodel, PySide6.QtWidgets; print(f'VSTBPN_BENCH imports {time.time():.6f}')",
        ]
        times = {"bare": [], "shown": [], "data": [], "imports": []}
        memory = {"bare": [], "shown": [], "data": [], "imports": []}
        kinds = [
            ("bare", bare, {}),
            ("shown", app, {"VSTBPN_BENCH_EXIT_AFTER": "shown"}),
            ("data", app, {"VSTBPN_BENCH_EXIT_AFTER": "data"}),
            ("imports", imports, {}),
        ]
        subprocess.run(
            [python, "-m", "compileall", "-q", str(ROOT / "ui"), str(ROOT / "vstbpn_desktop")],
            check=True,
            env=child_environment(),
        )
        run_process(app, {"VSTBPN_BENCH_EXIT_AFTER": "data"})  # warm-up (not counted): caches, first-start work
        for repetition in range(self.args.repeat):
            # Interleaved, and the order rotated, so a burst of load or what one process leaves behind for the
            # next (page cache, WAL) falls on every kind alike.
            shift = repetition % len(kinds)
            for kind, argv, env in kinds[shift:] + kinds[:shift]:
                seconds, peak, _ = run_process(argv, env)
                times[kind].append(seconds)
                memory[kind].append(peak)
        bare_time = statistics.median(times["bare"])
        n = self.args.repeat
        self.row(
            "shown",
            "start to main window shown",
            statistics.median(times["shown"]),
            bare_time,
            1.5,
            "×",
            f"median of {n} processes each; spawn → first event-loop turn after show(); the profile "
            f"of district {self.big.org_unit_code} with {self.count_big():,} activities",
        )
        self.row(
            "data",
            "start to the period's data visible",
            statistics.median(times["data"]),
            bare_time,
            4.0,
            "×",
            f"median of {n}; spawn → activity page of {BIG_PERIOD} painted (grab) with its totals",
        )
        bare_peak = statistics.median(memory["bare"])
        data_peak = statistics.median(memory["data"])
        self.row(
            "memory",
            f"peak memory with the {self.args.activities:,} activities open in the window",
            data_peak - bare_peak,
            bare_peak,
            150,
            "MB",
            f"peak resident memory (VmHWM, whole life of the process, via bench/peak.py) of the window "
            f"process showing {BIG_PERIOD} ({data_peak:.0f} MB) minus that of the bare window "
            f"({bare_peak:.0f} MB); the target applies to the difference. Not ru_maxrss: on Linux a "
            "child's ru_maxrss starts at its parent's size (fork+exec), which made both read as the "
            "benchmark's own 485 MB",
        )
        self.info["imports"] = (
            f"a process that only imports sqlmodel and PySide6.QtWidgets (no window, no "
            f"profile) takes {statistics.median(times['imports']):.2f} s (median of {n}), "
            f"{statistics.median(times['imports']) / bare_time:.1f}× the bare window"
        )
        log("start-up: " + "; ".join(f"{k} {[round(t, 2) for t in v]}" for k, v in times.items()))

    def count_big(self) -> int:
        db = sqlite3.connect(f"file:{self.big.database_path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM activity").fetchone()[0]
        finally:
            db.close()

    def list_rows(self) -> None:
        output = self._list_output()
        line = next(x for x in output.splitlines() if x.startswith("VSTBPN_BENCH_LIST "))
        data = json.loads(line.split(" ", 1)[1])
        rows = data["rows"]
        for key, label, note in (
            (
                "first",
                f"first screen of the {rows:,}-activity list",
                f"ActivityTableModel(): count + data() of {SCREEN_ROWS} rows × 7 columns",
            ),
            ("end", "scroll to the end", f"data() of the last {SCREEN_ROWS} rows"),
            (
                "filter",
                "filter by text",
                f"set_search('{FILTER_TEXT}') → {data['found']:,} rows + data() of the first {SCREEN_ROWS}",
            ),
        ):
            values = data[key]
            self.row(
                key, label, statistics.median(values), None, 0.3, "s", f"{note}; median of 3 (max {max(values):.3f} s)"
            )

    def stall_rows(self) -> None:
        """The longest event-loop stall in the window during the big import, its export and the annex PDF."""
        csv_path = self.work / f"d{DISTRICTS[0]}-{BIG_PERIOD}.csv"
        env = child_environment() | {"QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, __file__, "--child-stall", str(self.work), str(csv_path), str(self.work / "annex-886")],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stdout + done.stderr)
        line = next(x for x in done.stdout.splitlines() if x.startswith("VSTBPN_BENCH_STALL "))
        data = json.loads(line.split(" ", 1)[1])
        common = (
            f"the longest gap between two ticks of a {PROBE_MS} ms QTimer on the GUI thread (the work runs "
            "in ui/common/worker.py's thread; the window's own code before and after it, the reload and the result "
            "dialog, on the GUI thread, counted)"
        )
        imported, exported, pdf = data["import"], data["export"], data["pdf"]
        self.row(
            "stall_import",
            f"longest event-loop stall: import of {imported['activities']:,} activities in the window",
            imported["stall_ms"],
            None,
            100,
            "ms",
            f"Tệp → Nhập từ Excel/CSV of one CSV into a new profile, {imported['seconds']:.1f} s in all; {common}",
        )
        self.row(
            "stall_export",
            "longest event-loop stall: sending them as a bundle",
            exported["stall_ms"],
            None,
            100,
            "ms",
            f"Tệp → Gửi báo cáo of those activities ({exported['bytes'] / 1000:.0f} KB), "
            f"{exported['seconds']:.1f} s in all; {common}",
        )
        self.row(
            "stall_pdf",
            "longest event-loop stall: the report PDF with its activity annex",
            pdf["stall_ms"],
            None,
            100,
            "ms",
            f"Báo cáo → Lưu PDF of the annex profile ({pdf['activities']:,} activities, "
            f"{pdf['bytes'] / 1000:.0f} KB), {pdf['seconds']:.1f} s in all; {common}",
        )
        log("stalls: " + json.dumps(data))

    def _list_output(self) -> str:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, __file__, "--child-list", str(self.big.data_dir), BIG_PERIOD],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stdout + done.stderr)
        return done.stdout

    # -- results ----------------------------------------------------------------------------------

    def row(self, key, label, value, floor, target, unit, note) -> None:
        self.rows[key] = {"label": label, "value": value, "floor": floor, "target": target, "unit": unit, "note": note}

    def machine(self) -> list[str]:
        import PySide6
        from PySide6 import QtCore

        model = "unknown"
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
            memory = (
                next(
                    int(x.split()[1])
                    for x in Path("/proc/meminfo").read_text().splitlines()
                    if x.startswith("MemTotal")
                )
                / 1024
                / 1024
            )
        except (OSError, StopIteration):
            memory = 0
        return [
            f"- CPU: {model}, {os.cpu_count()} logical cores; RAM {memory:.1f} GB",
            f"- {platform.platform()}; Python {platform.python_version()}; PySide6 {PySide6.__version__} "
            f"(Qt {QtCore.qVersion()}); SQLite {sqlite3.sqlite_version}",
            f"- load average (1 min) at start {self.load_start:.2f}, at end {os.getloadavg()[0]:.2f} "
            "(the machine is shared: other work ran beside the benchmark)",
        ]

    def write(self, out: Path, total_seconds: float) -> None:
        lines = [
            "# Benchmark results (issue 7)",
            "",
            f"Run {datetime.now().strftime('%Y-%m-%d %H:%M')} with `bench/run.py "
            f"{' '.join(sys.argv[1:])}` in {total_seconds / 60:.1f} min.",
            "",
            *self.machine(),
            "",
            f"- realistic profile: {self.info.get('realistic', '')}",
            f"- worst case: district {self.big.org_unit_code} also holds {self.args.activities:,} activities in "
            f"{BIG_PERIOD}; {self.info.get('csv_import', '')}",
            f"- start-up context: {self.info.get('imports', '')}",
            "",
            "| path | measured | floor (same run) | ratio | target | met |",
            "|---|---|---|---|---|---|",
        ]
        notes = []
        for key in (
            "shown",
            "data",
            "export",
            "import",
            "annex",
            "first",
            "end",
            "filter",
            "memory",
            "bundle",
            "bundle_big",
            "stall_import",
            "stall_export",
            "stall_pdf",
        ):
            r = self.rows.get(key)
            if r is None:
                lines.append(f"| {key} | not measured | | | | no |")
                continue
            value, floor, target, unit = r["value"], r["floor"], r["target"], r["unit"]
            if unit == "×":
                ratio = value / floor if floor else float("inf")
                cells = (f"{value:.2f} s", f"{floor:.2f} s", f"{ratio:.2f}×", f"≤ {target:g}×", ratio <= target)
            elif unit == "s":
                cells = (f"{value:.3f} s", "—", "—", f"≤ {target:g} s", value <= target)
            elif unit == "ms":
                cells = (f"{value:.0f} ms", "—", "—", f"≤ {target:g} ms", value <= target)
            elif unit == "MB":
                cells = (f"+{value:.0f} MB", f"{floor:.0f} MB", "—", f"≤ {target:g} MB", value <= target)
            elif target is None:
                cells = (f"{value / 1000:.1f} KB", "—", "—", "—", None)
            else:
                cells = (f"{value / 1000:.1f} KB", "—", "—", f"≤ {target / 1000:g} KB", value <= target)
            lines.append(
                f"| {r['label']} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} | "
                f"{'—' if cells[4] is None else 'yes' if cells[4] else '**no**'} |"
            )
            notes.append(f"- **{r['label']}**: {r['note']}.")
        lines += ["", "## What each row measures", "", *notes, ""]
        if self.args.extra_notes and Path(self.args.extra_notes).is_file():
            lines += [Path(self.args.extra_notes).read_text(encoding="utf-8").rstrip(), ""]
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        begin, end = "<!-- server rows: bench/server.py -->", "<!-- /server rows -->"
        if begin in old and end in old:  # the shared-database rows of bench/server.py stay
            lines += [begin + old.split(begin, 1)[1].split(end, 1)[0] + end, ""]
        out.write_text("\n".join(lines), encoding="utf-8")
        print("\n".join(lines))

    def run(self) -> None:
        os.environ.setdefault("VSTBPN_PASSPHRASE", SECRET)
        self.load_start = os.getloadavg()[0]
        start = time.perf_counter()
        log(f"work folder {self.work}")
        self.build()
        self.bundle_rows()
        self.annex_row()
        self.window_rows()
        self.list_rows()
        self.stall_rows()
        self.write(Path(self.args.out), time.perf_counter() - start)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--districts", type=int, default=len(DISTRICTS))
    parser.add_argument("--annex-rows", type=int, default=1_700, help="about 100 pages")
    parser.add_argument("--repeat", type=int, default=7, help="processes per start-up row")
    parser.add_argument("--small", action="store_true", help="a few hundred activities, 2 districts (CI)")
    parser.add_argument("--work", help="folder for the profiles and files (default: a new temporary folder)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    parser.add_argument(
        "--extra-notes",
        default=str(ROOT / "bench" / "NOTES.md"),
        help="Markdown appended to the results (findings, causes, fixes)",
    )
    parser.add_argument("--child-list", nargs=2, metavar=("PROFILE", "PERIOD"), help=argparse.SUPPRESS)
    parser.add_argument("--child-stall", nargs=3, metavar=("WORK", "CSV", "ANNEX_PROFILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_list:
        child_list(*args.child_list)
        return 0
    if args.child_stall:
        child_stall(*args.child_stall)
        return 0
    if args.small:
        args.activities, args.districts, args.annex_rows, args.repeat = 300, 2, 60, 1
    Bench(args).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
