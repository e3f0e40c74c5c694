"""A key's fingerprint as every dialog shows it: eight groups of four on two lines, large, in a
fixed-width font, to read aloud over the phone (send, enrol, the first run)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from vstbpn_desktop.bundle.keys import spaced


def fingerprint_lines(fingerprint: str) -> str:
    """Eight groups of four on two lines: easy to read aloud over the phone."""
    groups = spaced(fingerprint).split(" ")
    return "  ".join(groups[:4]) + "\n" + "  ".join(groups[4:])


def fingerprint_label(text: str) -> QLabel:
    """The fingerprint shown large in a fixed-width font, selectable, tall enough for two lines."""
    label = QLabel(text)
    label.setObjectName("fingerprint")
    font = QFont("Liberation Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(16)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("QLabel { background: #f3f6fa; border: 1px solid #c5d0dc; padding: 10px; }")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 26)
    return label
