"""The core's messages in the English window (docs/screenshots/en-10-*.png): a refused CSV import
(the message box of Tệp → Nhập từ Excel/CSV…) and an inline field reason (a typed number of women
above the total on the Communication page). Offscreen, with the sample data of the province (89).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_core_messages.py [OUTPUT_DIR]
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox
    from screenshots import sample_window

    from ui.app import make_application
    from ui.common import ask, i18n

    subprocess.run([sys.executable, str(ROOT / "scripts" / "build-translations"), "--no-update"], check=True)
    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    assert i18n.install(app, "en") == "en"
    boxes = []

    def tell(parent, title, text, warning=False):
        box = QMessageBox(
            QMessageBox.Warning if warning else QMessageBox.Information, title, text, QMessageBox.Ok, parent
        )
        box.show()
        boxes.append(box)

    ask.tell = tell
    with tempfile.TemporaryDirectory() as folder:
        profile, window = sample_window(app, folder)
        window.show_page("communication")
        app.processEvents()

        bad = Path(folder) / "hoat-dong.csv"
        bad.write_text(
            "date,kind,title,sessions,participants,female_participants,place,notes\r\n"
            "31/02/2023,training,Tập huấn,1,10,5,,\r\n"
            "2023-03-08,training,Tập huấn,1,10,60,,\r\n",
            encoding="utf-8",
        )
        window.table_files.import_path(bad)
        app.processEvents()
        path = output / "en-10-refusal.png"
        boxes[-1].grab().save(str(path))
        print(path, "\n ", boxes[-1].text().replace("\n", " / "))
        boxes[-1].close()

        page = window.pages["communication"]
        model = page.table.model()
        column = model.COLUMNS.index("female_participants")
        model.setData(model.index(0, column), "100000", Qt.EditRole)
        app.processEvents()
        path = output / "en-10-field-reason.png"
        window.grab().save(str(path))
        print(path, "\n ", page.message.text() if hasattr(page.message, "text") else "")
        window.close()
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
