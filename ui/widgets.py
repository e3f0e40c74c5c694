"""Small widgets the pages share: the narrative editor, the kind picker, the message line."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QLabel, QPlainTextEdit, QStyledItemDelegate, QTableView, QAbstractItemView, QHeaderView,
    QVBoxLayout, QWidget,
)

from .i18n import label


class NarrativeEditor(QWidget):
    """A titled text box for one narrative section; `left` fires when focus leaves it."""

    left = Signal()

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(f"<b>{title}</b>")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        self.state = QLabel()
        self.state.setObjectName("narrativeState")
        self.state.setStyleSheet("color: #666;")
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.state)

    def eventFilter(self, watched, event):
        if watched is self.text and event.type() == QEvent.FocusOut:
            self.left.emit()
        return False


class MessageLabel(QLabel):
    """The inline line beside a table or form that says why something was refused."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("refusal")
        self.setStyleSheet("QLabel#refusal { color: #b00020; }")
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def show_refusal(self, text: str) -> None:
        self.setText(text)

    def clear_refusal(self) -> None:
        self.clear()


class KindDelegate(QStyledItemDelegate):
    """Edits a kind column with the Vietnamese labels of its vocabulary, storing the code."""

    def __init__(self, vocabulary: dict, parent=None):
        super().__init__(parent)
        self.vocabulary = vocabulary

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for code in self.vocabulary:
            combo.addItem(label(self.vocabulary, code), code)
        return combo

    def setEditorData(self, editor, index):
        position = editor.findData(index.data(Qt.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class RecordTableView(QTableView):
    """Enter opens the current cell for editing (Qt's table only emits `activated`); Delete
    outside an editor asks to delete the selected rows."""

    delete_requested = Signal()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Delete and not event.modifiers() and self.state() != QAbstractItemView.EditingState:
            self.delete_requested.emit()
            return
        if (event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers()
                and self.state() != QAbstractItemView.EditingState and self.currentIndex().isValid()
                and self.currentIndex().flags() & Qt.ItemIsEditable):
            self.edit(self.currentIndex(), QAbstractItemView.EditKeyPressed, event)
            return
        super().keyPressEvent(event)


def set_column_widths(table: QTableView, widths: dict[int, int], stretch: int | None = None) -> None:
    """The widths given, each column at least as wide as its header reads (in either language);
    `stretch`: the column that takes what is left (and gives way first on a small screen), so
    that the columns after it stay in view."""
    header = table.horizontalHeader()
    for column, width in widths.items():
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)


def record_table() -> QTableView:
    """A table edited with the keyboard alone: typing or Enter edits, Tab moves on."""
    view = RecordTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                         | QAbstractItemView.AnyKeyPressed | QAbstractItemView.SelectedClicked)
    view.setTabKeyNavigation(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view
