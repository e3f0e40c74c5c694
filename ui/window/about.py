"""Trợ giúp → "Hướng dẫn sử dụng" (F1: the Vietnamese guide shown inside the app) and
"Giới thiệu" (the version, the profile folder, the database, the Qt/Python versions)."""

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

import vstbpn_desktop
from vstbpn_desktop import APP_NAME, __version__

from ..common import screen
from ..common.i18n import language

GUIDE = "huong-dan-su-dung.md"


def tr(text: str) -> str:
    return QCoreApplication.translate("about", text)


def guide_path() -> Path | None:
    """docs/huong-dan-su-dung.md of the repository, or the frozen build's copy."""
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates += [Path(frozen) / "docs" / GUIDE, Path(frozen) / "resources" / "docs" / GUIDE]
    candidates.append(Path(vstbpn_desktop.__file__).resolve().parent.parent / "docs" / GUIDE)
    return next((path for path in candidates if path.is_file()), None)


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(tr("Hướng dẫn sử dụng"))
        screen.fit(self, 860, 700)
        layout = QVBoxLayout(self)
        if language() == "en":
            note = QLabel(tr("Hướng dẫn sử dụng hiện chỉ có bằng tiếng Việt."))
            note.setObjectName("guideLanguage")
            layout.addWidget(note)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        path = guide_path()
        if path is None:
            self.browser.setPlainText(
                tr("Không tìm thấy tệp hướng dẫn ({name}) trong thư mục chương trình.").format(name=GUIDE)
            )
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def about_facts(profile) -> list[tuple[str, str]]:
    info = profile.info()
    return [
        (tr("Phiên bản"), __version__),
        (tr("Đơn vị"), f"{info['org_unit_name'] or ''} ({info['org_unit']})"),
        (tr("Thư mục hồ sơ"), info["data_dir"]),
        (tr("Cơ sở dữ liệu"), info["database"]),
        (tr("Phiên bản lược đồ dữ liệu"), info["schema_version"] or "—"),
        (tr("Qt / PySide6"), f"{qVersion()} / {pyside_version}"),
        (tr("Python"), f"{platform.python_version()} ({platform.system()} {platform.release()})"),
    ]


class AboutDialog(QDialog):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("Giới thiệu"))
        screen.fit(self, 620, 380)
        layout = QVBoxLayout(self)
        rows = "".join(
            f"<tr><td style='padding-right:12px; color:#555'>{name}:</td><td>{value}</td></tr>"
            for name, value in about_facts(profile)
        )
        self.label = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            + tr(
                "<p>Ghi nhận công tác vì sự tiến bộ của phụ nữ và bình đẳng giới; in báo cáo 6 tháng, năm "
                "theo thể thức Nghị định 30/2020/NĐ-CP; gửi báo cáo có chữ ký số lên cấp trên. "
                "Hoạt động không cần mạng.</p>"
            )
            + f"<table>{rows}</table>"
        )
        self.label.setObjectName("aboutText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _show(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install(window) -> None:
    window.add_action("help", tr("Hướng dẫn sử dụng"), lambda: _show(GuideDialog(window)), "userGuide", Qt.Key.Key_F1)
    window.add_action(
        "help",
        tr("Giới thiệu"),
        lambda: _show(AboutDialog(window.controller.profile, window)),
        "about",
        role=QAction.MenuRole.AboutRole,
    )
