"""Starting the window: the application, its font and locale, the profile (first run if none)."""

import importlib
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

APP_NAME = "VSTBPN Desktop"
# Fonts known to carry every Vietnamese glyph; the first one installed is used.
VIETNAMESE_FONTS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arimo", "Arial")


def skip_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it (inspect.getsource, PYSIDE-2029)
    to learn whether it opts into `from __feature__ import snake_case, true_property`. This app never
    does; the scan made loading the ORM at start-up about 0.2 s slower (a third). Every module is
    taken as not using a feature, which is what the scan would find. A PySide6 without the hook is
    left as it is."""
    import PySide6.QtCore  # noqa: F401  (the binding installs its import hook here)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature.__dict__["_mod_uses_pyside"] = lambda module: False


def make_application(argv: list[str] | None = None):
    # Start-up: every Qt and window import in this module sits in its function, after
    # skip_feature_scan() and before the ORM in run_window's order (docs/architecture.md).
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    skip_feature_scan()

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("VSTBPN")
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    )  # i18n.install() sets the language
    families = set(QFontDatabase.families())
    for family in VIETNAMESE_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(font)
            break
    return app


# Feature modules: each has `install(window)` and adds its menu actions, pages and dialogs;
# `window.controller.context` gives it the profile, the scope and the status bar.
FEATURES: list[str] = ["ui.entry.edit_history"]
FEATURES += [
    "ui.safety.lock",
    "ui.safety.audit",
    "ui.safety.backups",
    "ui.window.settings",
    "ui.window.about",
    "ui.window.window_state",
]
FEATURES += [
    "ui.entry.table_files",
    "ui.bundle.send",
    "ui.bundle.receive",
    "ui.report.printing",
    "ui.bundle.keys",
    "ui.bundle.status",
]
FEATURES += ["ui.bundle.correction", "ui.window.shared", "ui.bundle.config", "ui.window.move"]


def open_window(profile, window=None):
    """The main window with its controller and every feature, for a profile already open;
    `window`: the frame run_window already showed (its geometry already restored)."""
    from .common.screen import place_main  # the controllers import the ORM: after the frame
    from .window.controllers import MainController
    from .window.main_window import MainWindow

    if window is None:
        window = MainWindow()
        place_main(window)  # before the features: one of them restores the remembered geometry
    window.controller = MainController(profile, window)
    # A window that must be built anew on the same profile (its unit moved: ui/window/move.py) asks this.
    window.open_again = lambda: open_window(profile)
    for name in FEATURES:
        importlib.import_module(name).install(window)
    window.add_quit()
    window.hide_empty_menus()
    return window


def show_frame(app, data_dir: Path):
    """The main window's frame (Qt only, no data yet), shown and painted before the ORM is imported
    and the profile opened: the officer sees the window at once instead of nothing for a second.
    The rest of the start runs on this thread right after, as before."""
    from .window.main_window import MainWindow  # Qt only, after skip_feature_scan()
    from .window.window_state import restore

    window = MainWindow()
    restore(window, data_dir)  # the remembered size, or 1280x800, or maximised on a small screen
    window.show()
    app.processEvents()  # map and paint it now
    _bench_moment("shown", window)
    return window


def start_check(data_dir: Path):
    """`startup_check` (quick_check of the database, storage warnings) on a thread of its own: SQLite
    reads without holding Python's lock, so the check and the ORM's import run side by side.
    Returns a future; its result() is the StartupState (or the check's exception)."""
    from vstbpn_desktop.safety.startup import startup_check  # once the frame is shown

    pool = ThreadPoolExecutor(1, thread_name_prefix="startup-check")
    future = pool.submit(startup_check, data_dir)
    pool.shutdown(wait=False)  # the thread ends with its one task
    return future


def run_window(args) -> int:
    from PySide6.QtWidgets import QMessageBox  # PySide6 first: it installs the hook skipped below

    skip_feature_scan()  # before the window's own modules are imported
    from vstbpn_desktop.settings import default_data_dir, profile_exists  # the frame's modules: Qt, no ORM

    from .common import i18n
    from .safety import crash

    app = make_application()
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else default_data_dir()
    i18n.install(app, i18n.language_of(data_dir))  # the profile's language; Vietnamese at first run
    crash.install(data_dir)  # log file, Qt messages, the exception hook with its dialog
    frame = show_frame(app, data_dir) if profile_exists(data_dir) else None  # first run: its dialog alone
    checking = start_check(data_dir) if frame is not None else None

    # The ORM (about half a second) loads while the check reads the database on the other core.
    from vstbpn_desktop.errors import Refused
    from vstbpn_desktop.profile import Profile

    from .safety.startup import after_show, at_exit, open_checked

    opened = None
    try:
        if Profile.exists(data_dir):
            # startup_check first: a damaged file is offered its backup
            opened = open_checked(data_dir, checking.result() if checking else None)
            if opened.profile is None:
                return 0
            profile = opened.profile
        else:
            from .window.first_run import FirstRunDialog  # the first run only

            dialog = FirstRunDialog(data_dir)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted or dialog.profile is None:
                return 0
            profile = dialog.profile
    except Refused as exc:
        QMessageBox.critical(None, APP_NAME, i18n.message(exc))
        return 1
    window = open_window(profile, frame)
    window.show()
    if opened is not None:
        after_show(window, opened)
    _bench_exit_hook(app, window, frame_shown=frame is not None)
    code = app.exec()
    at_exit(profile, damaged=bool(getattr(window, "damaged_reason", None)))
    profile.close()
    return code


def _bench_mode() -> str | None:
    mode = os.environ.get("VSTBPN_BENCH_EXIT_AFTER")
    return mode if mode in ("shown", "data") else None


def _bench_moment(mode: str, window) -> None:
    """bench/run.py: print `VSTBPN_BENCH <mode> <epoch seconds>` once `window` is painted."""
    if _bench_mode() != mode:
        return
    window.grab()  # paint the frame (for "data": the visible rows are read from the database)
    print(f"VSTBPN_BENCH {mode} {time.time():.6f}", flush=True)


def _bench_exit_hook(app, window, frame_shown: bool = False) -> None:
    """bench/run.py: VSTBPN_BENCH_EXIT_AFTER=shown|data prints the moment the window is shown
    (show_frame prints it for "shown" when a profile exists) or the period's activities are drawn,
    as `VSTBPN_BENCH <mode> <epoch seconds>`, and quits once the whole window is up."""
    mode = _bench_mode()
    if mode is None:
        return
    from PySide6.QtCore import QTimer  # as every Qt import of this module, in its function

    if mode == "data":
        window.show_page("communication")
    printed = mode == "shown" and frame_shown

    def done():
        if not printed:
            _bench_moment(mode, window)
        app.quit()

    QTimer.singleShot(0, done)
