"""When something goes wrong: a rotating log in the profile, Qt's messages in it, and an
exception hook that logs and shows a dialog whose details can be copied.

`install(data_dir)` is called by `run_window`; `uninstall()` puts everything back (tests).
A log file is appended to line by line; it is the one kind of file not written through
atomic.py (a log must keep what was written before a crash).
"""

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QtMsgType, Signal, qInstallMessageHandler, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from vstbpn_desktop import APP_NAME, __version__

from ..common import screen

LOG_DIR = "logs"
LOG_FILE = "vstbpn.log"
LOG_BYTES = 1_000_000
LOG_COUNT = 5
log = logging.getLogger("vstbpn")

_state: dict = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_FILE


def install_logging(data_dir: Path) -> logging.Handler | None:
    """A rotating log file in `<data_dir>/logs/`; None (and a note on stderr) if it cannot be made."""
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        print(f"{path}: không ghi được nhật ký ({exc})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        _state.setdefault("root_level", root.level)
        root.setLevel(logging.INFO)
    return handler


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode, context, message) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)
    previous = _state.get("qt_previous")
    if previous is not None:
        previous(mode, context, message)


def details(exc_type, exc, tb, data_dir: Path | None = None) -> str:
    """What an officer copies into a message to whoever supports the app."""
    folder = data_dir or _state.get("data_dir")
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, {platform.platform()}",
        tr("Thư mục hồ sơ: {folder}").format(folder=folder or tr("không rõ")),
        tr("Nhật ký: {path}").format(path=log_path(folder) if folder else tr("không có")),
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Says in Vietnamese that something went wrong; the details can be copied in one click."""

    def __init__(self, summary: str, detail_text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(tr("Đã xảy ra lỗi"))
        screen.fit(self, 640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Chương trình gặp một lỗi không lường trước: {summary}\n\n"
                "Dữ liệu đã lưu không bị ảnh hưởng (mỗi lần ghi là trọn vẹn hoặc không có gì). "
                "Hãy sao chép chi tiết dưới đây và gửi cho người hỗ trợ; "
                "nếu chương trình hoạt động không bình thường, hãy đóng rồi mở lại."
            ).format(summary=summary)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(detail_text)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(tr("Sao chép chi tiết"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        row.addWidget(self.copy_button)
        row.addWidget(self.copied, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied.setText(tr("Đã sao chép."))


def _summary(exc_type, exc) -> str:
    text = str(exc).strip()
    return f"{exc_type.__name__}: {text}" if text else exc_type.__name__


class _Notifier(QObject):
    """Carries an exception from any thread to the GUI thread (queued signal)."""

    raised = Signal(str, str)


def report_exception(exc_type, exc, tb) -> CrashDialog | None:
    """Log the exception; show (not exec) the dialog when a window can be shown. Returns it."""
    log.error("Lỗi không lường trước", exc_info=(exc_type, exc, tb))
    summary, text = _summary(exc_type, exc), details(exc_type, exc, tb)
    app = QApplication.instance()
    if app is None:
        return None
    if threading.current_thread() is not threading.main_thread():
        notifier = _state.get("notifier")
        if notifier is not None:
            notifier.raised.emit(summary, text)
        return None
    return show_dialog(summary, text)


def show_dialog(summary: str, text: str) -> CrashDialog:
    dialog = CrashDialog(summary, text, QApplication.activeWindow())
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    # Kept alive until closed (a parentless dialog would otherwise be collected at once).
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
    dialog.show()  # not exec(): the hook returns, the event loop goes on
    return dialog


_open_dialogs: list = []


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        report_exception(exc_type, exc, tb)
    except Exception:  # the hook itself must never raise
        sys.__excepthook__(exc_type, exc, tb)


def _thread_hook(args) -> None:
    if args.exc_type is SystemExit:
        return
    _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install(data_dir: Path) -> None:
    """Log file, Qt messages into logging, sys/threading exception hooks."""
    uninstall()
    _state["data_dir"] = Path(data_dir)
    _state["handler"] = install_logging(data_dir)
    _state["qt_previous"] = qInstallMessageHandler(_qt_message)
    _state["qt_installed"] = True
    notifier = _Notifier()
    notifier.raised.connect(show_dialog, Qt.ConnectionType.QueuedConnection)
    _state["notifier"] = notifier
    _state["excepthook"], _state["threadhook"] = sys.excepthook, threading.excepthook
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    log.info("%s %s khởi động; hồ sơ %s", APP_NAME, __version__, data_dir)


def uninstall() -> None:
    if "excepthook" in _state:
        sys.excepthook = _state.pop("excepthook")
        threading.excepthook = _state.pop("threadhook")
    if _state.pop("qt_installed", False):
        qInstallMessageHandler(_state.pop("qt_previous", None))
    handler = _state.pop("handler", None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
    if "root_level" in _state:
        logging.getLogger().setLevel(_state.pop("root_level"))
    _state.pop("notifier", None)
    _state.pop("data_dir", None)
