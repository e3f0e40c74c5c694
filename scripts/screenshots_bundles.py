"""Screenshots of the sending/receiving, key, reporting and printing dialogs into docs/screenshots/:
districts 883 and 884 send their 2023H1 bundles through the window's logic, the province 89 (with
the sample data) enrols both keys, receives both bundles plus a tampered copy, and shows who has
reported. Offscreen, on the screen Qt reports (scripts/screenshots_sizes.py: 1366x768 and 1024x600).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_bundles.py [OUTPUT_DIR]
"""

import os
import sys
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "mật khẩu ảnh chụp 2023"


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QDate
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication, QDialog

    from ui.app import make_application, open_window
    from ui.common import ask
    from ui.report import printing as report_print
    from vstbpn_desktop.bundle import format as fmt
    from vstbpn_desktop.bundle.keys import export_public
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.reports.options import ReportOptions

    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    answers = {"save": [], "open": [], "secret": []}
    ask.ask_save_file = lambda parent, title, default, f: answers["save"].pop(0)
    ask.ask_open_files = lambda parent, title, f: answers["open"].pop(0)
    ask.ask_passphrase = lambda parent, title, label: answers["secret"].pop(0)
    ask.tell = lambda parent, title, text, warning=False: print(title, ":", text)
    checklists = []

    def send_anyway(dialog):  # the checklist before sending: shot once, then sent as it is
        checklists.append(dialog)
        dialog.lock.setChecked(False)
        return QDialog.Accepted

    ask.run_dialog = send_anyway

    def settle(widget):
        for _ in range(5):
            app.processEvents()
        return widget

    def shot(widget, name):
        settle(widget).grab().save(str(output / name))
        print("wrote", output / name)

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        profiles = {}
        for code, officer in (("883", "Trần Thị Lan"), ("884", "Lê Văn Minh"), ("89", "Nguyễn Thị Hoa")):
            profile = Profile.create(base / f"p{code}", code, officer, passphrase=PASSPHRASE)
            load_demo(profile)
            profiles[code] = profile
        bundles = {}
        for code in ("883", "884"):
            window = open_window(profiles[code])
            window.show()
            window.controller.set_period("2023H1")
            bundles[code] = base / f"{code}-2023H1-1.vstb"
            answers["save"].append(bundles[code])
            answers["secret"].append(PASSPHRASE)
            window.bundle_sender.send()
            if code == "883":
                checklists[0].lock.setChecked(True)
                checklists[0].show()
                shot(checklists[0], "19-send-checklist.png")
                checklists[0].close()
                shot(window.bundle_sender.dialog, "20-send-result.png")
                window.bundle_sender.dialog.close()
                window.bundle_sender.show_key()
                shot(window.bundle_sender.dialog, "21-my-key.png")
            window.bundle_sender.dialog.close()
            export_public(profiles[code], base / f"{code}.pub.json")
            window.close()
        tampered = base / "884-2023H1-sua.vstb"
        with zipfile.ZipFile(bundles["884"]) as source:
            members = {name: source.read(name) for name in source.namelist()}
        members[fmt.ACTIVITIES] = members[fmt.ACTIVITIES].replace(b'"participants":', b'"participants":1', 1)
        with zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in members.items():
                target.writestr(name, data)

        window = open_window(profiles["89"])
        window.show()
        window.controller.set_period("2023H1")
        unknown = window.bundle_receiver.receive_files([bundles["883"]])  # before its key is enrolled
        unknown.table.setCurrentCell(0, 0)
        shot(unknown, "29-receive-unknown-key.png")
        unknown.close()
        actions = window.trust_actions
        for code in ("883", "884"):
            dialog = actions.enrol()
            dialog.set_file(base / f"{code}.pub.json")
            if code == "883":
                dialog.compared.setChecked(True)
                shot(dialog, "22-enrol-key.png")
            dialog.compared.setChecked(True)
            dialog.enrol()
        actions.list_keys()
        actions.dialog.table.selectRow(0)
        shot(actions.dialog, "23-key-list.png")
        actions.dialog.close()

        receive = window.bundle_receiver.receive_files([bundles["883"], bundles["884"], tampered])
        receive.table.setCurrentCell(0, 0)
        shot(receive, "24-receive-preview.png")
        receive.set_checked(receive.entries[1], False)
        receive.import_checked()
        receive.table.setCurrentCell(2, 0)
        shot(receive, "25-receive-result.png")
        receive.close()
        again = window.bundle_receiver.receive_files([bundles["884"]])
        again.import_checked()
        again.close()

        from vstbpn_desktop.bundle.status import set_deadline
        from vstbpn_desktop.periods import Period

        # The machine's clock decides "late": a deadline a month ahead shows received in green.
        set_deadline(profiles["89"], Period(2023, 1), date.today() + timedelta(days=30))
        set_deadline(profiles["89"], Period(2022, 2), date(2023, 1, 15))
        window.show_page("reporting")
        shot(window, "26-reporting.png")

        options = report_print.OptionsDialog(
            window, Period(2023, 1), report_print.tr("In báo cáo"), profiles["89"].settings
        )
        options.number.setText("15")
        options.issued.setDate(QDate(2023, 7, 2))
        options.show()
        shot(options, "27-report-options.png")
        options.close()
        report_print.ask_options = lambda parent, period, title, settings: ReportOptions.from_settings(
            settings
        ).updated(number="15", issued_on=date(2023, 7, 2))
        preview = window.reports.print_report()
        widget = preview.findChild(QPrintPreviewWidget)
        for _ in range(50):
            app.processEvents()
            if widget.pageCount():
                break
        print("preview pages:", widget.pageCount())
        shot(preview, "28-print-preview.png")
        preview.close()
        window.reports.cleanup()
        window.close()
        for profile in profiles.values():
            profile.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
