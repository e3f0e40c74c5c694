"""What the bundle, table-file and report dialogs ask the officer, in one place.

Every question that would block (choose a file, type the passphrase, read a message, confirm)
goes through one small function here, so that a test can answer it by replacing that function
(one seam) and drive the rest of the dialog logic for real.
"""

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from vstbpn_desktop.atomic import OutputError, check_output

from . import i18n

BUNDLE_FILTER = QT_TR_NOOP("Gói báo cáo (*.vstb)")
PUBLIC_KEY_FILTER = QT_TR_NOOP("Khóa công khai (*.json)")
TABLE_FILTER = QT_TR_NOOP("Bảng Excel hoặc CSV (*.xlsx *.csv)")


def tr(text: str) -> str:
    return QCoreApplication.translate("bundle", text)


def documents_folder() -> Path:
    """The officer's Documents folder (falls back to the home folder)."""
    location = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
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
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.Password)
    return text if ok else None


def tell(parent, title: str, text: str, warning: bool = False) -> None:
    box = QMessageBox(QMessageBox.Warning if warning else QMessageBox.Information, title, text, QMessageBox.Ok, parent)
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the officer may copy a refusal
    box.exec()


def confirm(parent, title: str, text: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.button(QMessageBox.Yes).setText(yes_text)
    box.button(QMessageBox.No).setText(tr("Không"))
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def discard_unsaved(parent, reasons: list[str]) -> bool:
    """Values typed and refused are not saved: True to discard them, False to go back and fix them."""
    listed = "\n".join(f"• {reason}" for reason in reasons[:8])
    more = len(reasons) - 8
    if more > 0:
        listed += "\n" + tr("… và {count} giá trị khác").format(count=i18n.count(more))
    box = QMessageBox(
        QMessageBox.Warning,
        tr("Giá trị chưa lưu"),
        tr(
            "Các giá trị sau không hợp lệ nên chưa được lưu:\n{values}\n\n"
            "Sửa lại cho đúng, hay bỏ các giá trị này (giữ giá trị đã lưu)?"
        ).format(values=listed),
        QMessageBox.Yes | QMessageBox.No,
        parent,
    )
    box.setObjectName("discardUnsaved")
    box.button(QMessageBox.No).setText(tr("Sửa lại"))
    box.button(QMessageBox.Yes).setText(tr("Bỏ các giá trị này"))
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def show(dialog) -> None:
    """A result dialog: window-modal, not blocking (open(), not exec())."""
    dialog.open()


def action_buttons(text: str, name: str, accepted, rejected) -> tuple[QDialogButtonBox, object]:
    """A dialog's buttons: one action (`text`, object name `name`) and Hủy."""
    buttons = QDialogButtonBox()
    action = buttons.addButton(text, QDialogButtonBox.AcceptRole)
    action.setObjectName(name)
    buttons.addButton(QDialogButtonBox.Cancel).setText(tr("Hủy"))
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(rejected)
    return buttons, action
