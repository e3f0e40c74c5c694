"""A 100-page activity annex: our report's PDF path against reportlab building the same table directly.

    /tmp/venv/bin/python bench/report_bench.py [ACTIVITIES]

Builds a throwaway district profile with ACTIVITIES activities (default 1,700, about 100 pages) through the bulk
insert path, then times (1) reports.pdf rendering only the activity annex from the model (rows read
from the database in chunks) and (2) reportlab alone: a LongTable of the same rows, Paragraph cells
for long text, in the same document template. Not a test: numbers for the report.
"""

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("VSTBPN_PASSPHRASE", "bench")

from reportlab.lib import colors  # noqa: E402
from reportlab.platypus import LongTable, Paragraph, TableStyle  # noqa: E402

from vstbpn_desktop.domain.validation import validate_activity  # noqa: E402
from vstbpn_desktop.periods import Period  # noqa: E402
from vstbpn_desktop.profile import Profile  # noqa: E402
from vstbpn_desktop.records import insert_clean  # noqa: E402
from vstbpn_desktop.reports.content import Annex, build_report  # noqa: E402
from vstbpn_desktop.reports.pdf import OfficialDocument, annex_story, table_flowable  # noqa: E402

PERIOD = Period(2023, 1)


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="vstbpn-bench-"))
    profile = Profile.create(folder / "p", "883", passphrase="bench")
    rng = random.Random(1)
    rows = [validate_activity({
        "date": date(2023, 1, 1) + timedelta(days=rng.randint(0, 180)), "kind": "training",
        "title": f"Tập huấn lồng ghép giới trong xây dựng kế hoạch số {i}", "sessions": rng.randint(1, 9),
        "participants": rng.randint(20, 400), "female_participants": 10, "place": "Hội trường UBND xã"}, PERIOD)
        for i in range(count)]
    with profile.engine.begin() as connection:
        insert_clean(connection, "883", "bench", activities=rows)
    report = build_report(profile, PERIOD)
    annex: Annex = report.annexes[2]

    start = time.perf_counter()
    doc = OfficialDocument(folder / "ours.pdf")
    doc.build(annex_story(annex, doc))
    ours = time.perf_counter() - start
    pages = doc.page

    # reportlab directly: the same rows already in memory, the same table style, no model, no database.
    data = [list(r) for r in annex.table.rows()]
    start = time.perf_counter()
    doc = OfficialDocument(folder / "direct.pdf")
    plain = table_flowable(annex.table, doc)  # only for its style and widths
    cell = doc.styles["cell"]
    body = [[str(v) if not isinstance(v, str) or len(v) < 12 else Paragraph(v, cell) for v in row] for row in data]
    direct = LongTable([plain._cellvalues[0]] + body, colWidths=plain._argW, repeatRows=1, style=TableStyle([
        ("FONT", (0, 0), (-1, -1), doc.fonts.regular, 10, 12), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (4, 1), (6, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    doc.build([direct])
    theirs = time.perf_counter() - start
    print(f"{count} activities, {pages} pages: report annex {ours:.2f} s, reportlab directly {theirs:.2f} s, "
          f"ratio {ours / theirs:.2f}")
    profile.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1700)
