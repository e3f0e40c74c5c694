"""Sửa → Hoàn tác / Làm lại (Ctrl+Z / Ctrl+Y) and Thêm dòng (Ctrl+N) for the whole window.

The core knows what a reversible change is (`records.Change`: a record before and after one
write) and how to write one back (`records.apply_changes`: validated, lock-checked, audited
like any edit). This module only keeps them in a Qt `QUndoStack`: one command per officer's
action (a cell, a field, a narrative while its box has focus, rows added or deleted), for the
whole session, whatever the page or period shown.
"""

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from vstbpn_desktop import records
from vstbpn_desktop.domain.validation import Invalid
from vstbpn_desktop.errors import Refused

from ..common import i18n


def tr(text: str) -> str:
    return QCoreApplication.translate("edit_history", text)


def history_key(event) -> bool:
    """Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z: a field with nothing unsaved lets these go to the window's
    Hoàn tác / Làm lại instead of its own undo of typing (see `PassHistoryKeys`)."""
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(event.keyCombination()) in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
    )


class PassHistoryKeys(QObject):
    """On a text field: Ctrl+Z / Ctrl+Y are the window's when `saved()` says nothing is being typed."""

    def __init__(self, field, saved):
        super().__init__(field)
        self.saved = saved
        field.installEventFilter(self)

    def eventFilter(self, watched, event):
        # Consumed and not accepted: Qt then looks for the window's shortcut.
        return event.type() == QEvent.Type.ShortcutOverride and history_key(event) and self.saved()


class ChangeCommand(QUndoCommand):
    """One officer's action: its changes, written back by undo and again by redo."""

    def __init__(self, history: "EditHistory", text: str, changes: list, merge_key=None):
        super().__init__(text)
        self.history, self.changes, self.merge_key = history, changes, merge_key
        self.skip = True  # pushed after the write: the stack's first redo() has nothing to do

    def id(self) -> int:
        return -1 if self.merge_key is None else 1

    def mergeWith(self, other) -> bool:
        """Saves of the same narrative while its box keeps focus are one action."""
        if self.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.changes = [
            records.Change(c.table, c.key, c.scope, c.before, o.after)
            for c, o in zip(self.changes, other.changes, strict=True)
        ]
        self.setObsolete(all(change.empty for change in self.changes))
        return True

    def redo(self) -> None:
        if self.skip:
            self.skip = False
            return
        self.history.write(self.changes)

    def undo(self) -> None:
        if self.skip:
            self.skip = False
            return
        self.history.write([change.reversed() for change in reversed(self.changes)])


class EditHistory(QObject):
    """The session's undo stack. `applied(changes)` after an undo or redo wrote to the database;
    `refused(reason)` when the core refused it (a locked period, a record changed since): the
    stack then stays where it was."""

    applied = Signal(list)
    refused = Signal(str)

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        self.engine = engine
        self.stack = QUndoStack(self)
        self._refusal = None
        self._group: list | None = None

    def record(self, text: str, changes: list, merge_key=None) -> None:
        """An action already written: kept for undo (an action that changed nothing is not)."""
        changes = [change for change in changes if not change.empty]
        if self._group is not None:
            self._group.extend(changes)
        elif changes:
            self.stack.push(ChangeCommand(self, text, changes, merge_key))

    @contextmanager
    def group(self, text: str):
        """Everything recorded inside is one action (a paste of many cells)."""
        self._group = []
        try:
            yield
        finally:
            changes, self._group = self._group, None
            self.record(text, changes)

    def do(self, text: str, changes: list) -> str | None:
        """Write `changes` now (e.g. a value restored from the change history), as an action that can
        be undone; the reason when the core refuses it."""
        self._refusal = None
        self.write(changes)
        if self._refusal is not None:
            return self._reason()
        self.record(text, changes)
        return None

    def _reason(self) -> str:
        if isinstance(self._refusal, Invalid):
            return "; ".join(i18n.message(r) for r in self._refusal.problems.values())
        return i18n.message(self._refusal)

    def write(self, changes: list) -> None:
        try:
            records.apply_changes(self.engine, changes)
        except (Invalid, Refused) as exc:
            self._refusal = exc
            return
        self.applied.emit(changes)

    def undo(self) -> None:
        self._step(self.stack.undo, self.stack.redo, self.stack.canUndo())

    def redo(self) -> None:
        self._step(self.stack.redo, self.stack.undo, self.stack.canRedo())

    def _step(self, step, back, possible: bool) -> None:
        if not possible:
            return
        self._refusal = None
        step()
        if self._refusal is not None:
            # Nothing was written: move the stack back without writing either.
            index = self.stack.index() - (1 if step == self.stack.redo else 0)
            self.stack.command(index).skip = True
            back()
            self.refused.emit(self._reason())


def install(window) -> None:
    controller = window.controller
    history = controller.context.history
    undo = window.add_action("edit", tr("Hoàn tác"), controller.undo, "undo", QKeySequence.StandardKey.Undo)
    redo = window.add_action("edit", tr("Làm lại"), controller.redo, "redo", "Ctrl+Y")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    window.menus["edit"].addSeparator()
    window.add_action("edit", tr("Thêm dòng"), controller.add_row, "addRow", QKeySequence.StandardKey.New)

    # The texts follow the stack's own signals (never read back from it: it may be going away).
    def said(action, template: str, plain: str):
        return lambda text: action.setText(template.format(action=text) if text else plain)

    undo.setEnabled(False)
    redo.setEnabled(False)
    history.stack.canUndoChanged.connect(undo.setEnabled)
    history.stack.canRedoChanged.connect(redo.setEnabled)
    history.stack.undoTextChanged.connect(said(undo, tr("Hoàn tác: {action}"), tr("Hoàn tác")))
    history.stack.redoTextChanged.connect(said(redo, tr("Làm lại: {action}"), tr("Làm lại")))
