"""The window in English (docs/screenshots/en-*.png): the main window on two pages, an open menu,
and the settings, change-history and backups dialogs, offscreen, with the province's sample data.
Builds the .qm first (scripts/build-translations) when it is missing.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_en.py [OUTPUT_DIR]
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
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import Scope, activity_page, update_activity
    from vstbpn_desktop.safety import backup as core

    from ui import i18n
    from ui.app import make_application, open_window
    from ui.safety_audit import AuditDialog
    from ui.safety_backups import BackupsDialog
    from ui.settings_dialog import SettingsDialog

    if not (i18n.translations_dir() / "vstbpn_en.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build-translations"), "--no-update"], check=True)
    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    assert i18n.install(app, "en") == "en"

    def shot(widget, name: str) -> None:
        widget.show()
        for _ in range(3):
            app.processEvents()
        path = output / name
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as folder:
        profile = Profile.create(Path(folder) / "province", "89", "Nguyễn Thị Hoa", "passphrase123")
        load_demo(profile)
        scope = Scope("89", Period(2023, 1))
        first = activity_page(profile.engine, scope, 0, 1)[0]
        update_activity(profile.engine, scope, first["id"], {"participants": first["participants"] + 20})
        core.backup(profile, reason="manual")
        window = open_window(profile)
        window.controller.set_period("2023H1")
        window.resize(1280, 800)
        window.show_page("communication")
        shot(window, "en-01-communication.png")
        window.show_page("grid")
        shot(window, "en-02-indicators.png")
        menu = window.menus["tools"]
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        shot(menu, "en-03-tools-menu.png")
        menu.close()
        shot(SettingsDialog(profile, window), "en-04-settings.png")
        audit = AuditDialog(profile.engine, "2023H1", "89")
        audit.resize(1100, 500)
        shot(audit, "en-05-history.png")
        shot(BackupsDialog(window), "en-06-backups.png")
        window.close()
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
