"""Screenshots of the safety, settings and help dialogs (docs/screenshots/2x-*.png), offscreen,
with the province's sample data for 2023H1.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_safety.py [OUTPUT_DIR]
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    import ui.safety.lock
    from ui.app import make_application, open_window
    from ui.safety import crash
    from ui.safety.audit import AuditDialog
    from ui.safety.backups import BackupsDialog
    from ui.safety.lock import ReopenDialog
    from ui.safety.startup import damaged_box
    from ui.window.about import AboutDialog, GuideDialog
    from ui.window.settings import SettingsDialog
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.profile import Profile
    from vstbpn_desktop.records import Scope, activity_page, update_activity
    from vstbpn_desktop.safety import backup as core
    from vstbpn_desktop.safety.locking import submit
    from vstbpn_desktop.safety.startup import StartupState

    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])

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
        core.backup(profile, reason="start")
        core.backup(profile, reason="manual")
        window = open_window(profile)
        window.controller.set_period("2023H1")

        shot(BackupsDialog(window), "30-backups.png")
        audit = AuditDialog(profile.engine, "2023H1", "89")
        shot(audit, "31-audit.png")
        submit(profile.engine, Period(2023, 1), profile.author)
        ui.safety.lock.refresh(window)
        window.show_page("communication")
        shot(window, "32-locked-period.png")
        reopen = ReopenDialog(
            "2023H1",
            profile.author,
            ui.safety.lock.when_text(ui.safety.lock.covering_lock(profile.engine, Period(2023, 1)).locked_at),
            window,
        )
        reopen.accept()  # empty: shows the refusal in place
        shot(reopen, "33-reopen.png")
        shot(SettingsDialog(profile, window), "34-settings.png")
        shot(AboutDialog(profile, window), "35-about.png")
        shot(GuideDialog(window), "36-guide.png")
        state = StartupState(
            ok=False, problems=["database disk image is malformed"], newest_good_backup=core.newest_good_backup(profile)
        )
        shot(damaged_box(profile.data_dir, state), "37-damaged-database.png")
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError:
            text = crash.details(*sys.exc_info(), data_dir=profile.data_dir)
        shot(crash.CrashDialog("ZeroDivisionError: division by zero", text, window), "38-crash.png")
        window.close()
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
