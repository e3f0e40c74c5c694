"""Small widgets the pages share: the narrative editor, the kind picker, the message line."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..common.i18n import label


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
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return False


class MessageLabel(QLabel):
    """The inline red line beside a table or form, or above a dialog's buttons, that says why
    something was refused."""

    def __init__(self, parent=None, name: str = "refusal"):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName(name)
        self.setStyleSheet("QLabel { color: #b00020; }")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_refusal(self, text: str) -> None:
        self.setText(text)

    def clear_refusal(self) -> None:
        self.clear()


def restyle(widget: QWidget, sheet: str) -> None:
    """The widget's style sheet, set only when it changes: Qt polishes the widget again at every
    setStyleSheet, even with the same sheet (the figures pages re-styled every field at each reload
    and keystroke, on the GUI thread)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


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
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RecordTableView(QTableView):
    """The keys of a spreadsheet: typing or F2 edits the current cell; Enter saves and moves down
    (and moves down when not editing); Tab moves right, from the last column to the next row, and
    from the last cell of the table to a new row (`append_requested`, where rows can be added).
    Delete outside an editor asks to delete the selected rows; Ctrl+V pastes cells copied from a
    spreadsheet (`paste_requested`)."""

    delete_requested = Signal()
    append_requested = Signal()
    paste_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.appendable = False

    def keyPressEvent(self, event):
        idle = self.state() != QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not event.modifiers() and idle:
            self.delete_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() and idle:
            self.move_down()
            return
        if (
            event.matches(QKeySequence.StandardKey.Paste)
            and idle
            and self.appendable
            and self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        ):
            self.paste_requested.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not event.modifiers() and idle and self._at_end():
            self.append_requested.emit()  # the new row takes the cursor and opens its first cell
            return
        super().keyPressEvent(event)

    def _at_end(self) -> bool:
        """On the last cell of a table where rows can be added."""
        current, model = self.currentIndex(), self.model()
        return (
            self.appendable
            and self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
            and current.isValid()
            and current.row() == model.rowCount() - 1
            and current.column() == model.columnCount() - 1
        )

    def moveCursor(self, action, modifiers):
        current, model = self.currentIndex(), self.model()
        if (
            action == QAbstractItemView.CursorAction.MoveNext
            and current.isValid()
            and current.column() == model.columnCount() - 1
        ):
            if current.row() + 1 < model.rowCount():
                return model.index(current.row() + 1, 0)
            if self._at_end():
                self.append_requested.emit()
                return self.currentIndex()
            return current
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor, hint):
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # the delegate's hint for Enter
            self.move_down()

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(current.sibling(current.row() + 1, current.column()))


def set_column_widths(table: QTableView, widths: dict[int, int], stretch: int | None = None) -> None:
    """The widths given, each column at least as wide as its header reads (in either language);
    `stretch`: the column that takes what is left (and gives way first on a small screen), so
    that the columns after it stay in view."""
    header = table.horizontalHeader()
    for column, width in widths.items():
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def record_table() -> RecordTableView:
    """A table edited with the keyboard alone: typing or F2 edits, Enter and Tab move on."""
    view = RecordTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setTabKeyNavigation(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view
