"""Measure how long the window takes to appear: from process start to the main window shown
(and its first table page read). Exits as soon as the window is shown.

    QT_QPA_PLATFORM=offscreen python scripts/measure_window.py --data-dir PROFILE [--page communication]
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def process_age() -> float:
    """Seconds since this process started (Linux: /proc), so interpreter start-up counts too."""
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--page", default="documents")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from ui.app import make_application, open_window
    from vstbpn_desktop.profile import Profile

    app = make_application(["measure"])
    opened = time.perf_counter()
    profile = Profile.open(Path(args.data_dir))
    window = open_window(profile)
    window.show_page(args.page)
    window.show()

    def shown():
        window.grab()  # render the first frame, so the first page of rows is read
        model = window.pages["communication"].table.model()
        print(
            f"window shown {process_age():.2f} s after process start; "
            f"{time.perf_counter() - opened:.2f} s from opening the profile; "
            f"{model.rowCount()} activities, {model.cached_rows} rows read"
        )
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
