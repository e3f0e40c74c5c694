"""Every question of the window that blocks, in one place.

Choosing a file, typing the passphrase, reading a message (`tell`), a yes/no (`confirm`), the
unsaved values (`discard_unsaved`) and any modal dialog run to its end (`run_dialog`) go through
one small function here, so that a test answers it by replacing that function (one seam) and
drives the rest of the window's logic for real. Start-up before the window (ui/app.py) is the
exception. Also here: what the file dialogs share (filters, the Documents folder, file sizes) and
the one-action button row of the result dialogs.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QPushButton

from vstbpn_desktop.atomic import OutputError, check_output

from . import i18n
from .i18n import QT_TR_NOOP

BUNDLE_FILTER = QT_TR_NOOP("Gói báo cáo (*.vstb)")
PUBLIC_KEY_FILTER = QT_TR_NOOP("Khóa công khai (*.json *.pub)")  # the window writes .json, the CLI any name
TABLE_FILTER = QT_TR_NOOP("Bảng Excel hoặc CSV (*.xlsx *.csv)")


def tr(text: str) -> str:
    return QCoreApplication.translate("bundle", text)


def documents_folder() -> Path:
    """The officer's Documents folder (falls back to the home folder)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def file_size(size: int) -> str:
    """49 357 → "48,2 KB"; small files in bytes."""
    if size < 1024:
        return f"{i18n.number(size)} byte"
    if size < 1024 * 1024:
        return f"{i18n.number(size / 1024, 1)} KB"
    return f"{i18n.number(size / (1024 * 1024), 1)} MB"


# -- the questions (each one a seam for tests) -------------------------------------------------


def ask_save_file(parent, title: str, default: Path, file_filter: str) -> Path | None:
    """The file to write, asked again while the one chosen is part of a profile (its database,
    settings or keys: atomic.check_output says why)."""
    while True:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(default), tr(file_filter))
        if not path:
            return None
        try:
            check_output(Path(path))
        except OutputError as exc:
            tell(parent, title, i18n.message(exc), warning=True)
            continue
        return Path(path)


def ask_open_file(parent, title: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), tr(file_filter))
    return Path(path) if path else None


def ask_open_files(parent, title: str, file_filter: str) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(documents_folder()), tr(file_filter))
    return [Path(p) for p in paths]


def ask_passphrase(parent, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def tell(parent, title: str, text: str, warning: bool = False) -> None:
    """A message to read (a refusal when `warning`); its text can be selected and copied."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the officer may copy a refusal
    box.exec()


def confirm(parent, title: str, text: str, yes_text: str) -> bool:
    """A yes/no question whose Yes says what it does (`yes_text`); No is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.button(QMessageBox.StandardButton.No).setText(tr("Không"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def discard_unsaved(parent, reasons: list[str]) -> bool:
    """Values typed and refused are not saved: True to discard them, False to go back and fix them."""
    listed = "\n".join(f"• {reason}" for reason in reasons[:8])
    more = len(reasons) - 8
    if more > 0:
        listed += "\n" + tr("… và {count} giá trị khác").format(count=i18n.count(more))
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Giá trị chưa lưu"),
        tr(
            "Các giá trị sau không hợp lệ nên chưa được lưu:\n{values}\n\n"
            "Sửa lại cho đúng, hay bỏ các giá trị này (giữ giá trị đã lưu)?"
        ).format(values=listed),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("discardUnsaved")
    box.button(QMessageBox.StandardButton.No).setText(tr("Sửa lại"))
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Bỏ các giá trị này"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def run_dialog(dialog) -> int:
    """A modal dialog (or a message box with its own buttons) run to its end: its result code."""
    return dialog.exec()


def show(dialog) -> None:
    """A result dialog: window-modal, not blocking (open(), not exec())."""
    dialog.open()


def action_buttons(text: str, name: str, accepted, rejected) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's buttons: one action (`text`, object name `name`) and Hủy."""
    buttons = QDialogButtonBox()
    action = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    action.setObjectName(name)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("Hủy"))
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(rejected)
    return buttons, action
