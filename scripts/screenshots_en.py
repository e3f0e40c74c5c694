"""The window in English (docs/screenshots/en-*.png), to read every screen as an English-speaking
officer would: the Vietnamese screenshot scripts run again with the English catalogue installed
(screenshots.py → en-00…07, screenshots_bundles.py → en-20…28, screenshots_safety.py → en-30…38),
then each menu open (en-50…55) and the message boxes and dialogs those scripts do not shoot
(en-60…). Offscreen, with the sample data; builds the .qm first (scripts/build-translations)
when it is missing. Prints every text a shot dialog or box says, for the audit.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_en.py [OUTPUT_DIR]
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
PASSPHRASE = "passphrase123"


def main(argv: list[str]) -> int:
    import screenshots
    import screenshots_bundles
    import screenshots_safety

    from ui.app import make_application
    from ui.common import ask, i18n

    originals = dict(vars(ask))  # screenshots_bundles.py replaces its questions for good
    if not (i18n.translations_dir() / "vstbpn_en.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build-translations"), "--no-update"], check=True)
    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    assert i18n.install(app, "en") == "en"
    # The Vietnamese scripts, in English: their PNGs renamed en-<name>.
    with tempfile.TemporaryDirectory() as shots:
        for script in (screenshots, screenshots_bundles, screenshots_safety):
            script.main([shots])
        for path in sorted(Path(shots).glob("*.png")):
            shutil.copyfile(path, output / f"en-{path.name}")
            print(output / f"en-{path.name}")
    for name in ("ask_save_file", "ask_open_files", "ask_passphrase", "tell"):
        setattr(ask, name, originals[name])
    more_shots(app, output)
    return 0


def more_shots(app, output: Path) -> None:
    """Menus, message boxes and the dialogs the other scripts leave out, in English."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
    from screenshots import sample_window

    import ui.bundle.correction
    from ui.common import ask

    def settle():
        for _ in range(5):
            app.processEvents()

    def shot(widget, name: str) -> None:
        widget.show()
        settle()
        widget.grab().save(str(output / name))
        print(output / name)

    def texts_of(widget) -> str:
        from PySide6.QtWidgets import QAbstractButton, QLabel

        parts = [widget.windowTitle()] + [
            w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton) if w.text()
        ]
        return " | ".join(parts)

    def modal_shot(trigger, name: str, answer=QMessageBox.No) -> None:
        """Run `trigger`, which opens a modal box or dialog; grab it, print its words, answer it."""

        def grab():
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(50, grab)
                return
            settle()
            box.grab().save(str(output / name))
            print(output / name, "—", texts_of(box))
            if isinstance(box, QMessageBox):
                box.done(answer)
            else:
                box.reject()

        QTimer.singleShot(50, grab)
        trigger()

    with tempfile.TemporaryDirectory() as folder:
        profile, window = sample_window(app, folder, PASSPHRASE)
        window.show_page("communication")
        settle()

        def action(name):
            return next(a for a in window.findChildren(QAction) if a.objectName() == name)

        # Each menu, open below its title in the menu bar.
        bar = window.menuBar()
        for number, (key, menu) in enumerate(window.menus.items(), start=50):
            if not menu.menuAction().isVisible():
                continue
            place = bar.actionGeometry(menu.menuAction()).bottomLeft()
            menu.popup(bar.mapToGlobal(place))
            settle()
            menu.grab().save(str(output / f"en-{number}-menu-{key}.png"))
            print(output / f"en-{number}-menu-{key}.png")
            menu.close()
        # Message boxes: delete rows, lock the period; and the passphrase prompt of sending.
        page = window.pages["communication"]
        page.table.selectRow(0)
        modal_shot(window.controller.activities.delete_selected, "en-60-confirm-delete.png")
        modal_shot(action("lockPeriod").trigger, "en-61-confirm-lock.png")
        # The passphrase prompt of sending (a province sends nothing upward: asked directly).
        tr = ask.tr
        modal_shot(
            lambda: ask.ask_passphrase(window, tr("Gửi báo cáo"), tr("Mật khẩu khóa ký của hồ sơ (đặt khi cài đặt):")),
            "en-62-passphrase.png",
            answer=QDialog.Rejected,
        )
        # Return for correction (at the province): the dialog with its refusal shown in place.
        dialog = ui.bundle.correction.ReturnDialog("2023H1", [("883", "Thành phố Long Xuyên")], window)
        dialog.accept()
        shot(dialog, "en-63-return-dialog.png")
        print("     —", texts_of(dialog))
        dialog.close()
        # The Excel template saved: the box that says where.
        ask.ask_save_file = lambda parent, title, default, f: Path(folder) / "template.xlsx"
        modal_shot(window.table_files.save_template, "en-64-template-saved.png", answer=QMessageBox.Ok)
        window.close()
        profile.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
