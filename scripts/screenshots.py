"""Every page of the window and the first-run dialog, offscreen, with the sample data of the
province profile (89) for 2023H1, at the size the window takes on the screen Qt reports
(scripts/screenshots_sizes.py runs this on a 1366x768 and a 1024x600 screen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUTPUT_DIR]
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_window(app, folder: Path, passphrase: str = "passphrase123"):
    """The province (89) with its sample data on 2023H1, shown as on the screen: where the shots start.
    Returns (profile, window)."""
    from ui.app import open_window
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.profile import Profile

    profile = Profile.create(Path(folder) / "province", "89", "Nguyễn Thị Hoa", passphrase)
    load_demo(profile)
    window = open_window(profile)
    window.controller.set_period("2023H1")
    window.show()
    app.processEvents()
    return profile, window


def main(argv: list[str]) -> int:
    from ui.app import make_application
    from ui.window.first_run import FirstRunDialog

    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = make_application(["screenshots"])
    with tempfile.TemporaryDirectory() as folder:
        dialog = FirstRunDialog(Path(folder) / "new")
        dialog.search.setText("long xuyen")
        dialog.officer.setText("Nguyễn Thị Hoa")
        dialog.passphrase.setText("passphrase123")
        dialog.confirm.setText("passphrase123")
        dialog.demo.setChecked(True)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(output / "00-first-run.png"))
        dialog.close()

        profile, window = sample_window(app, folder)
        for number, key in enumerate(window.period_pages, start=1):
            window.show_page(key)
            app.processEvents()
            path = output / f"{number:02d}-{key.replace('_', '-')}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
