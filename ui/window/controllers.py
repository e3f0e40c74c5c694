"""Controllers: they fill the views, listen to the officer and call the core (`records.py`,
`domain/`). Every refusal comes back as the core's Vietnamese reason, shown beside the field
or table and in the status bar; nothing refused is saved."""

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from vstbpn_desktop import records
from vstbpn_desktop.catalogue import Coverage, code_of, indicators, not_asked
from vstbpn_desktop.catalogue.national import shapes
from vstbpn_desktop.catalogue.sections import layout
from vstbpn_desktop.checks import Flag, flags
from vstbpn_desktop.domain import indicators as catalogue_state
from vstbpn_desktop.domain.validation import Invalid, check_indicator_bounds
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.formats import round_share
from vstbpn_desktop.periods import Period, period_for
from vstbpn_desktop.records import Scope
from vstbpn_desktop.storage.models import Activity, Document

from ..common import ask, i18n
from ..common.i18n import indicator_name, period_label
from ..common.worker import later
from ..entry.edit_history import EditHistory, PassHistoryKeys
from ..entry.models import (
    ActivityTableModel,
    DocumentTableModel,
    IdRole,
    IndicatorTableModel,
    indicator_refusal,
    refusal_text,
    save_indicator,
)
from ..entry.value_detail import ValueDetailDialog
from ..entry.widgets import KindDelegate, restyle, set_column_widths

REFUSED_STYLE = "QLineEdit { border: 2px solid #b00020; background: #fde2e1; }"
# A value out of line with earlier periods (vstbpn_desktop/checks.py): saved, only to look at again.
FLAGGED_STYLE = "QLineEdit { border: 2px solid #b26a00; background: #fff1c2; }"
NARRATIVE_IDLE_MS = 1200
FILTER_IDLE_MS = 250
# From this many activities in the list the totals below it are summed off the GUI thread.
BACKGROUND_TOTALS_FROM = 20_000


class Context(QObject):
    """What every controller needs: the profile, the scope, and where to say things."""

    scope_changed = Signal()
    data_changed = Signal(str)  # which area wrote: "activities", "documents", "indicators"

    def __init__(self, profile, window):
        super().__init__(window)
        self.profile = profile
        self.window = window
        self.engine = profile.engine
        self.author = profile.author
        self.scope = Scope(profile.org_unit_code, Period(date.today().year, 1))
        self.history = EditHistory(self.engine, self)
        self._refusal = ""

    def say(self, text: str, timeout: int = 10_000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def say_refusal(self, text: str) -> None:
        """Why a value was not saved, in the one status line, until it is fixed."""
        self._refusal = text
        self.window.statusBar().showMessage(text)

    def refusal_fixed(self) -> None:
        if self._refusal and self.window.statusBar().currentMessage() == self._refusal:
            self.window.statusBar().clearMessage()
        self._refusal = ""

    def record(self, text: str, changes: list, merge_key=None) -> None:
        """A saved action, kept for Hoàn tác."""
        self.history.record(text, changes, merge_key)


def period_choices(today: date, with_data: list[Period]) -> list[Period]:
    """This and last year's half-years and years, plus every period that holds data."""
    current = period_for(today)
    choices = {
        p
        for year in (today.year, today.year - 1)
        for p in (Period(year, 1), Period(year, 2), Period(year))
        if p.start <= current.end
    }
    choices |= set(with_data)
    return sorted(choices, reverse=True)


def default_period(today: date, with_data: list[Period]) -> Period:
    halves = [p for p in with_data if p.half]
    return max(halves) if halves else period_for(today)


class NarrativeController(QObject):
    """Saves a narrative after a short idle and when focus leaves it; never drops typed text.
    The saves made while the box keeps focus are one action for Hoàn tác."""

    def __init__(self, context: Context, editor, section: str):
        super().__init__(editor)
        self.context, self.editor, self.section = context, editor, section
        self.dirty = False
        self.refusal = ""
        self.visit = 0  # which stay in the box: its saves merge into one undo step
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NARRATIVE_IDLE_MS)
        self.timer.timeout.connect(self.flush)
        editor.text.textChanged.connect(self._typed)
        editor.left.connect(self._left)
        PassHistoryKeys(editor.text, lambda: not self.dirty)

    def load(self, texts: dict[str, str]) -> None:
        self.timer.stop()
        self.editor.text.blockSignals(True)
        self.editor.text.setPlainText(texts.get(self.section, ""))
        self.editor.text.blockSignals(False)
        self.dirty = False
        self.refusal = ""
        self.visit += 1
        self.editor.state.setText("")

    def _typed(self) -> None:
        self.dirty = True
        self.editor.state.setText(self.tr("Đang soạn… (tự lưu)"))
        self.timer.start()

    def _left(self) -> None:
        self.flush()
        self.visit += 1

    def pending(self) -> list[str]:
        return [self.refusal] if self.dirty and self.refusal else []

    def discard(self) -> None:
        self.load(records.narratives(self.context.engine, self.context.scope))

    def focus_pending(self) -> None:
        self.editor.text.setFocus()

    def flush(self) -> bool:
        self.timer.stop()
        if not self.dirty:
            return True
        scope = self.context.scope
        try:
            change = records.track(
                self.context.engine,
                "narrative",
                scope,
                self.section,
                lambda: records.set_narrative(
                    self.context.engine, scope, self.section, self.editor.text.toPlainText(), self.context.author
                ),
            )
        except (Invalid, Refused) as exc:
            reason = refusal_text(exc, {"text": self.editor.title.text(), "section": self.section})
            self.refusal = reason
            self.editor.state.setText(self.tr("Chưa lưu: {reason}").format(reason=reason))
            self.editor.state.setStyleSheet("color: #b00020;")
            self.context.say_refusal(reason)
            return False
        self.dirty = False
        if self.refusal:
            self.refusal = ""
            self.context.refusal_fixed()
        self.context.record(self.tr("sửa lời văn"), [change], ("narrative", self.section, self.visit))
        self.editor.state.setStyleSheet("color: #666;")
        self.editor.state.setText(self.tr("Đã lưu lúc {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        return True


class FiguresController(QObject):
    """A page of typed counts, saved on Enter/leave. Women ≤ total is checked live while typing;
    the shares shown are computed from saved values only. A refused value stays in its field (red,
    the reason as tooltip and in the message line) and is not saved."""

    def __init__(self, context: Context, page):
        super().__init__(page)
        self.context, self.page = context, page
        self.saved: dict[str, float] = {}
        self.refusals: dict[str, tuple[str, str]] = {}  # code → (text refused in its field, why)
        self.flags: dict[str, Flag] = {}  # the saved values out of line with earlier periods (amber)
        self.province_targets: dict[str, dict[int, tuple[float, str]]] = {}  # the province's, as the report reads them
        page.whole_area.toggled.connect(self.set_coverage)
        self.held: dict[str, records.Detail] = {}  # what each saved value carries (cells, comment, mark)
        self.dialog: ValueDetailDialog | None = None
        self.bind()

    def bind(self) -> None:
        """Listen to the page's fields and buttons (again after `FiguresPage.fill` built new ones)."""
        catalogue = indicators()
        self.shares = [catalogue[code] for code in self.page.shares]
        for code, field in self.page.inputs.items():
            field.textChanged.connect(self.update_live)
            field.editingFinished.connect(lambda code=code: self.save(code))
            PassHistoryKeys(field, lambda code=code: not self.unsaved(code))
        for code, button in self.page.details.items():
            button.clicked.connect(lambda _=False, code=code: self.open_detail(code))

    def load(self) -> None:
        self.saved = records.indicator_values(self.context.engine, self.context.scope)
        self.province_targets = catalogue_state.targets(self.context.engine)
        self.held = records.indicator_details(self.context.engine, self.context.scope)
        self.show_details()
        self.refusals.clear()
        self.check_earlier()
        held = records.indicator_coverage(self.context.engine, self.context.scope)
        self.page.whole_area.blockSignals(True)
        self.page.whole_area.setChecked(any(held.get(code) == "area" for code in self.page.inputs))
        self.page.whole_area.blockSignals(False)
        for code, field in self.page.inputs.items():
            field.blockSignals(True)
            field.setText(i18n.count(self.saved.get(code)))
            field.blockSignals(False)
        self.page.show_only(self.not_asked())
        self.update_live()

    def not_asked(self) -> set[str]:
        """The fields and shares hidden in this period (catalogue.not_asked: yearly ones in a
        half-year, retired ones, unless a value is held there)."""
        return not_asked(indicators(), self.context.scope.period.half is not None, self.saved)

    def unsaved(self, code: str) -> bool:
        return self.page.inputs[code].text().strip() != i18n.count(self.saved.get(code))

    def typed_values(self) -> dict[str, float]:
        """The saved values with what is typed over them, where it reads as a number."""
        values = dict(self.saved)
        for code, field in self.page.inputs.items():
            if not field.text().strip():
                values.pop(code, None)
                continue
            try:
                values[code] = i18n.parse_number(field.text())
            except ValueError:
                continue
        return values

    def update_live(self) -> None:
        rule = self.context.profile.settings.share_rounding
        for indicator in self.shares:
            if indicator.numerator is None or indicator.denominator is None:
                continue  # (a share always names both)
            numerator, denominator = self.saved.get(indicator.numerator), self.saved.get(indicator.denominator)
            share = None
            if numerator is not None and denominator:
                share = round_share(numerator * 100.0 / denominator, rule)
            year = self.context.scope.period.year
            value, goal, colour = i18n.share_verdict(indicator, year, share)
            # As the report words it: "25,36 %", "mục tiêu đến năm 2025 là 60 %: chưa đạt" in colour,
            # and under it the province's target of the year with its decision, judged the same way.
            self.page.shares[indicator.code].setText(value)
            restyle(self.page.shares[indicator.code], f"color: {colour};" if share is None else "")
            self.page.goals[indicator.code].setText(goal)
            self.page.goals[indicator.code].setVisible(bool(goal))  # no national target: the province's on top
            restyle(self.page.goals[indicator.code], f"color: {colour}; font-weight: bold;" if colour else "")
            target = catalogue_state.target_in(self.province_targets, indicator.code, year)
            text, colour = i18n.province_verdict(target, share)
            label = self.page.province_goals[indicator.code]
            label.setText(text)
            label.setVisible(bool(text))
            restyle(label, f"color: {colour}; font-weight: bold;" if colour else "")
        problems = {code: i18n.message(reason) for code, reason in check_indicator_bounds(self.typed_values()).items()}
        # A refusal stays until its field is changed; a rule broken while typing shows at once.
        for code, (text, _) in list(self.refusals.items()):
            if self.page.inputs[code].text().strip() != text:
                del self.refusals[code]
        reasons = {code: problems.get(code) or self.refusals.get(code, (None, None))[1] for code in self.page.inputs}
        for code, reason in reasons.items():
            self._mark(code, reason)
        shown = [reason for reason in reasons.values() if reason]
        if shown:
            self.page.message.show_refusal("; ".join(dict.fromkeys(shown)))
        else:
            self.page.message.clear_refusal()
            self.context.refusal_fixed()

    def check_earlier(self) -> None:
        """Flag the page's saved values against earlier periods (amber; never blocks saving)."""
        scope = self.context.scope
        found = flags(self.context.profile, scope.org_unit_code, scope.period) if self.saved else []
        self.flags = {flag.indicator: flag for flag in found if flag.indicator in self.page.inputs}

    def _mark(self, code: str, reason: str | None) -> None:
        field = self.page.inputs[code]
        flag = self.flags.get(code) if not self.unsaved(code) else None
        if reason:
            restyle(field, REFUSED_STYLE)
            field.setToolTip(reason)
        elif flag is not None:
            restyle(field, FLAGGED_STYLE)
            field.setToolTip(
                self.tr("Cần xem lại (vẫn lưu được): {flag}\n{history}").format(
                    flag=i18n.message(flag.message), history=i18n.message(flag.history)
                )
            )
        else:
            restyle(field, "")
            field.setToolTip(code)

    def save(self, code: str) -> bool:
        if not self.unsaved(code):
            return True
        text = self.page.inputs[code].text().strip()
        try:
            change = save_indicator(
                self.context.engine, self.context.scope, code, text, self.context.author, coverage=self.coverage()
            )
        except (Invalid, Refused) as exc:
            reason = indicator_refusal(exc)
            self.refusals[code] = (text, reason)
            self.update_live()
            self.page.message.show_refusal(self.tr("Chưa lưu — {reason}").format(reason=reason))
            self.context.say_refusal(reason)
            return False
        self.refusals.pop(code, None)
        self.saved = records.indicator_values(self.context.engine, self.context.scope)
        self.check_earlier()
        self.held = records.indicator_details(self.context.engine, self.context.scope)
        self.show_details()
        field = self.page.inputs[code]
        field.blockSignals(True)
        field.setText(i18n.count(self.saved.get(code)))
        field.blockSignals(False)
        self.update_live()
        name = indicator_name(indicators()[code])
        self.context.record(name, [change])
        self.context.say(self.tr("Đã lưu {name}").format(name=name), 4000)
        self.context.data_changed.emit("indicators")
        return True

    def flush(self) -> None:
        for code in self.page.inputs:
            self.save(code)

    def show_details(self) -> None:
        """Beside each figure what it carries; a total made of its cells is not typed over."""
        catalogue = indicators()  # the profile's: a province's own indicator has its figure too
        for code, state in self.page.detail_states.items():
            detail = self.held.get(code) or records.Detail()
            words = []
            indicator = catalogue.get(code)
            if indicator is not None and indicator.dimensions and code in self.saved:
                words.append(self.tr("đã phân tổ") if detail.cells is not None else self.tr("chưa biết phân tổ"))
            if detail.comment:
                words.append(self.tr("có ghi chú"))
            if detail.follow_up:
                words.append(self.tr("cần theo dõi"))
            state.setText(", ".join(words))
            state.setToolTip(detail.comment)
            made = detail.cells is not None and shapes().adds_up(code)
            retired = indicator is not None and indicator.retired
            field = self.page.inputs[code]
            if made or retired:
                self.page.fixed.add(code)
            else:
                self.page.fixed.discard(code)
            field.setReadOnly(made or retired or self.context.window.read_only)
            field.setToolTip(
                self.tr("Tổng các ô phân tổ: sửa ở nút Phân tổ, ghi chú…")
                if made
                else self.tr("Chỉ tiêu đã ngừng dùng: giá trị của kỳ này chỉ để xem")
                if retired
                else code
            )

    def open_detail(self, code: str) -> ValueDetailDialog | None:
        """The value's breakdown and comment in a dialog (its typed total saved first)."""
        if not self.save(code):
            return None
        dialog = ValueDetailDialog(
            shapes(), code, self.saved.get(code), self.held.get(code) or records.Detail(), self.page
        )
        dialog.save_requested.connect(lambda typed: self.save_detail(code, typed, dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def save_detail(self, code: str, typed: dict, dialog: ValueDetailDialog) -> bool:
        engine, scope = self.context.engine, self.context.scope
        try:
            change = records.track(
                engine,
                "indicator_value",
                scope,
                code,
                lambda: records.set_indicator_values(
                    engine, scope, {}, self.context.author, coverage={code: self.coverage()}, details={code: typed}
                ),
            )
        except (Invalid, Refused) as exc:
            dialog.refuse(indicator_refusal(exc))
            return False
        dialog.accept()
        self.load()
        name = indicator_name(indicators()[code])
        self.context.record(name, [change])
        self.context.say(self.tr("Đã lưu {name}").format(name=name), 4000)
        self.context.data_changed.emit("indicators")
        return True

    def pending(self) -> list[str]:
        return [
            self.refusals[code][1] if code in self.refusals else indicator_name(indicators()[code])
            for code in self.page.inputs
            if self.unsaved(code)
        ]

    def discard(self) -> None:
        self.load()

    def focus_pending(self) -> None:
        code = next((code for code in self.page.inputs if self.unsaved(code)), None)
        if code is not None:
            self.page.inputs[code].setFocus()
            self.page.inputs[code].selectAll()

    def coverage(self) -> Coverage:
        return "area" if self.page.whole_area.isChecked() else "own"

    def set_coverage(self, whole_area: bool) -> None:
        """The page's values held now cover the whole area, or the own level (the box says which)."""
        held = {code: value for code, value in self.saved.items() if code in self.page.inputs}
        if not held:
            return
        engine, scope = self.context.engine, self.context.scope
        before = {code: records.record_state(engine, "indicator_value", scope, code) for code in held}
        try:
            records.set_indicator_values(
                engine, scope, held, self.context.author, coverage=dict.fromkeys(held, self.coverage())
            )
        except (Invalid, Refused) as exc:
            self.page.whole_area.blockSignals(True)
            self.page.whole_area.setChecked(not whole_area)
            self.page.whole_area.blockSignals(False)
            self.page.message.show_refusal(self.tr("Chưa lưu — {reason}").format(reason=indicator_refusal(exc)))
            return
        self.context.record(
            self.page.whole_area.text(),
            [
                records.Change(
                    "indicator_value", code, scope, state, records.record_state(engine, "indicator_value", scope, code)
                )
                for code, state in before.items()
            ],
        )
        self.context.say(
            self.tr("Đã lưu: số liệu toàn địa bàn") if whole_area else self.tr("Đã lưu: số liệu cấp mình"), 4000
        )
        self.context.data_changed.emit("indicators")


class PendingShown(QObject):
    """A page whose model keeps the values typed and refused (the tables, the grid): its message
    line says what is left."""

    context: Context
    page: Any
    model: Any

    def show_pending(self) -> None:
        """The message line says what is still refused; empty (and the status line cleared) once fixed."""
        reasons = self.model.pending()
        if reasons:
            self.page.message.show_refusal(self.tr("Chưa lưu — {reason}").format(reason="; ".join(reasons)))
        else:
            self.page.message.clear_refusal()
            self.context.refusal_fixed()


class TableController(PendingShown):
    """Add (Ctrl+N), edit in place, delete (Delete, confirmed) for a table page. The record under
    the cursor stays under it (by id) whatever re-reads the table: an edit, a new row, a delete,
    an undo, another period, an import."""

    record_class: type[Activity] | type[Document]
    area = ""

    def __init__(self, context: Context, page, model):
        super().__init__(page)
        self.context, self.page, self.model = context, page, model
        self._current: tuple[str | None, int, int] = (None, 0, -1)
        page.table.setModel(model)
        page.table.setItemDelegateForColumn(model.KIND_COLUMN, KindDelegate(model.KINDS, page.table))
        model.refused.connect(self._refused)
        model.changed.connect(self._changed)
        model.written.connect(self.context.record)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        model.modelReset.connect(self.refresh_count)
        page.add_action.triggered.connect(self.add)
        page.delete_action.triggered.connect(self.delete_selected)
        page.table.append_requested.connect(self.add)
        page.table.paste_requested.connect(self.paste)

    def _refused(self, row: int, reason: str) -> None:
        self.page.message.show_refusal(self.tr("Dòng {row} chưa lưu — {reason}").format(row=row + 1, reason=reason))
        self.context.say_refusal(reason)

    def _changed(self) -> None:
        self.show_pending()
        self.refresh_totals()
        self.context.data_changed.emit(self.area)

    def pending(self) -> list[str]:
        return self.model.pending()

    def discard(self) -> None:
        self.model.discard_pending()
        self.show_pending()

    def focus_pending(self) -> None:
        cell = self.model.first_pending()
        if cell.isValid():
            self.page.table.setFocus()
            self.select(cell.row(), cell.column())

    # -- the record under the cursor --

    def current_id(self) -> str | None:
        index = self.page.table.currentIndex()
        return index.siblingAtColumn(0).data(IdRole) if index.isValid() else None

    def _remember_current(self) -> None:
        index = self.page.table.currentIndex()
        self._current = (
            self.current_id(),
            index.column() if index.isValid() else 0,
            index.row() if index.isValid() else -1,
        )

    def _restore_current(self) -> None:
        record_id, column, row = self._current
        if record_id is None:
            return
        found = self.model.row_of(record_id)
        if found < 0:  # deleted, or not in this period: the row that took its place
            found = min(row, self.model.rowCount() - 1)
        if found >= 0:
            self.select(found, column)

    def select(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        table = self.page.table
        table.scrollTo(index)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def show_record(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.page.table.currentIndex()
            self.select(row, index.column() if index.isValid() else 0)
        return row >= 0

    def set_scope(self) -> None:
        self.model.set_scope(self.context.scope)
        self.show_pending()
        self.refresh_totals()

    def reload(self) -> None:
        self.model.reload()
        self.show_pending()
        self.refresh_totals()

    def refresh_count(self) -> None:
        self.page.count_label.setText(self.tr("Số dòng: {count}").format(count=i18n.number(self.model.rowCount())))

    def refresh_totals(self) -> None:
        self.refresh_count()

    # -- adding and deleting rows --

    def new_record(self) -> dict:
        raise NotImplementedError

    def create(self, raw: dict):
        raise NotImplementedError

    def add(self) -> None:
        """A new row, its first cell (the date or number) open for typing."""
        scope = self.context.scope
        try:
            change = records.track(
                self.context.engine, self.model.TABLE, scope, None, lambda: self.create(self.new_record())
            )
        except (Invalid, Refused) as exc:
            reason = refusal_text(exc, dict(zip(self.model.COLUMNS, self.model.headers(), strict=True)))
            self.page.message.show_refusal(reason)
            self.context.say_refusal(reason)
            return
        self.context.record(self.tr("thêm dòng"), [change])
        self.before_focus_new()
        self.model.reload()
        row = self.model.row_of(change.key)
        self._changed()
        if row < 0:
            return
        table = self.page.table
        table.setFocus()
        self.select(row, 0)
        table.edit(self.model.index(row, 0))

    def before_focus_new(self) -> None:
        pass

    def paste(self, text: str | None = None) -> None:
        """Cells copied from a spreadsheet, from the current cell on: one action for Hoàn tác. Lines
        below the last row become new rows; a value refused stays red in its cell, unsaved."""
        text = QApplication.clipboard().text() if text is None else text
        lines = [line.split("\t") for line in text.replace("\r\n", "\n").rstrip("\n").split("\n") if line]
        start = self.page.table.currentIndex()
        if not lines or not start.isValid():
            return
        model, scope = self.model, self.context.scope
        with self.context.history.group(
            self.tr("dán {count} ô").format(count=i18n.count(sum(len(line) for line in lines)))
        ):
            # The records first, by id: a pasted date re-sorts the rows under the paste.
            targets = [model.index(start.row() + n, 0).data(IdRole) for n in range(len(lines))]
            for n, record_id in enumerate(targets):
                if record_id is None:
                    try:
                        change = records.track(
                            self.context.engine, model.TABLE, scope, None, lambda: self.create(self.new_record())
                        )
                    except (Invalid, Refused):
                        break
                    self.context.record("", [change])
                    model.reload()
                    targets[n] = change.key
            for record_id, line in zip(targets, lines, strict=True):
                for offset, value in enumerate(line):
                    column = start.column() + offset
                    if column >= model.columnCount():
                        break
                    if column == model.KIND_COLUMN:
                        value = code_of(value, model.KINDS)
                    model.setData(model.index(model.row_of(record_id), column), value.strip())
        self.show_record(targets[0])
        self._changed()

    def delete_selected(self) -> None:
        rows = sorted({index.row() for index in self.page.table.selectionModel().selectedRows()})
        if not rows and self.page.table.currentIndex().isValid():
            rows = [self.page.table.currentIndex().row()]
        ids = [i for i in (self.model.index(row, 0).data(IdRole) for row in rows) if i]
        if not ids:
            return
        yes = ask.confirm(
            self.page,
            self.tr("Xóa dòng"),
            self.tr("Xóa {count} dòng đã chọn? (Hoàn tác: Ctrl+Z)").format(count=i18n.count(len(ids))),
            self.tr("Xóa"),
        )
        self.page.table.setFocus()
        if not yes:
            return
        engine, scope, table = self.context.engine, self.context.scope, self.model.TABLE
        before = {record_id: records.record_state(engine, table, scope, record_id) for record_id in ids}
        try:
            count = records.delete_records(engine, self.record_class, ids)
        except Refused as exc:
            self.page.message.show_refusal(i18n.message(exc))
            self.context.say_refusal(i18n.message(exc))
            return
        self.context.record(
            self.tr("xóa {count} dòng").format(count=i18n.count(count)),
            [records.Change(table, key, scope, state, None) for key, state in before.items() if state],
        )
        self.model.reload()
        self._changed()
        self.context.say(self.tr("Đã xóa {count} dòng").format(count=i18n.count(count)), 4000)


class ActivitiesController(TableController):
    record_class = Activity
    area = "activities"

    def __init__(self, context: Context, page):
        super().__init__(context, page, ActivityTableModel(context.engine, context.scope, context.author))
        # The title takes what is left: participants, women and place stay in view on a small screen.
        set_column_widths(
            page.table,
            {
                ActivityTableModel.DATE: 95,
                ActivityTableModel.KIND: 140,
                ActivityTableModel.TITLE: 300,
                ActivityTableModel.SESSIONS: 70,
                ActivityTableModel.PARTICIPANTS: 90,
                ActivityTableModel.FEMALE: 90,
                ActivityTableModel.PLACE: 150,
            },
            stretch=ActivityTableModel.TITLE,
        )
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_IDLE_MS)
        self.filter_timer.timeout.connect(self.apply_filter)
        page.filter.textChanged.connect(lambda _: self.filter_timer.start())
        self.refresh_totals()

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.model.set_search(self.page.filter.text())

    def new_record(self) -> dict:
        return {
            "date": self.context.scope.period.start,
            "kind": "communication",
            "title": self.tr("Hoạt động mới"),
            "sessions": 1,
            "participants": 0,
            "female_participants": 0,
        }

    def create(self, raw):
        return records.add_activity(self.context.engine, self.context.scope, raw, self.context.author)

    def before_focus_new(self) -> None:
        # The new row must be visible: a filter that would hide it is cleared.
        if self.page.filter.text():
            self.page.filter.blockSignals(True)
            self.page.filter.clear()
            self.page.filter.blockSignals(False)
            self.model.set_search("")

    def refresh_count(self) -> None:
        shown = self.model.rowCount()
        text = self.tr("Số hoạt động: {count}").format(count=i18n.number(shown))
        if self.model.search:
            text = self.tr("Tìm thấy {count} hoạt động").format(count=i18n.number(shown))
        self.page.count_label.setText(text)

    def refresh_totals(self) -> None:
        """The period's totals (not the filter's): one pass over the activities in SQL; off the GUI
        thread for a period of many activities (0,1 s for 100.000), the window goes on meanwhile."""
        self.refresh_count()
        scope, engine = self.context.scope, self.context.engine
        self._totals_asked = getattr(self, "_totals_asked", 0) + 1
        asked = self._totals_asked

        def read():
            return records.activity_totals(engine, [scope.org_unit_code], scope.period)

        def show(totals):
            if asked == self._totals_asked:  # a later refresh's answer wins
                self.show_totals(totals)

        if self.model.rowCount() < BACKGROUND_TOTALS_FROM:
            show(read())
        else:
            later(self.page, read, show)

    def show_totals(self, totals: dict) -> None:
        labels = self.page.totals
        labels["sessions"].setText(self.tr("Số cuộc: {n}").format(n=i18n.number(totals.get("COMM_SESSIONS", 0))))
        labels["participants"].setText(
            self.tr("Lượt người: {n}").format(n=i18n.number(totals.get("COMM_PARTICIPANTS", 0)))
        )
        labels["female"].setText(
            self.tr("Trong đó nữ: {n}").format(n=i18n.number(totals.get("COMM_PARTICIPANTS_FEMALE", 0)))
        )
        labels["media"].setText(
            self.tr("Chuyên mục truyền thông: {n}").format(n=i18n.number(totals.get("MEDIA_ITEMS", 0)))
        )


class DocumentsController(TableController):
    record_class = Document
    area = "documents"

    def __init__(self, context: Context, page):
        super().__init__(context, page, DocumentTableModel(context.engine, context.scope, context.author))
        set_column_widths(
            page.table,
            {
                DocumentTableModel.NUMBER: 130,
                DocumentTableModel.DATE: 105,
                DocumentTableModel.ISSUER: 230,
                DocumentTableModel.KIND: 120,
            },
        )
        self.refresh_totals()

    def new_record(self) -> dict:
        return {
            "number": self.tr("Chưa có số"),
            "date": self.context.scope.period.start,
            "kind": "plan",
            "issuer": "",
            "title": self.tr("Văn bản mới"),
        }

    def create(self, raw):
        return records.add_document(self.context.engine, self.context.scope, raw, self.context.author)


class GridController(PendingShown):
    def __init__(self, context: Context, page):
        super().__init__(page)
        self.context, self.page = context, page
        # Computed when the page is first shown, not at start-up: figures read every activity.
        self.model = IndicatorTableModel(
            context.engine, context.scope, context.profile.settings.share_rounding, context.author, load=False
        )
        self.stale = True
        page.table.setModel(self.model)
        page.table.setAlternatingRowColors(False)
        # The Vietnamese names get the width; the internal code is the name's tooltip, and a narrow
        # column the officer can show from the header's menu.
        set_column_widths(
            page.table,
            {IndicatorTableModel.CODE: 150, 2: 90, 3: 90, 4: 100, 5: 100, 6: 105, 7: 130},
            stretch=IndicatorTableModel.NAME,
        )
        page.table.setColumnHidden(IndicatorTableModel.CODE, True)
        page.table.setColumnHidden(IndicatorTableModel.PROVINCE_TARGET, True)  # until the province sets one
        header = page.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        show_codes = QAction(self.tr("Hiện cột mã chỉ tiêu"), header)
        show_codes.setObjectName("showCodes")
        show_codes.setCheckable(True)
        show_codes.toggled.connect(lambda on: page.table.setColumnHidden(IndicatorTableModel.CODE, not on))
        header.addAction(show_codes)
        page.show_codes = show_codes
        self.model.refused.connect(self._refused)
        self.model.changed.connect(self._changed)
        self.model.written.connect(self.context.record)

    def _refused(self, row: int, reason: str) -> None:
        self.page.message.show_refusal(self.tr("Chưa lưu — {reason}").format(reason=reason))
        self.context.say_refusal(reason)

    def _changed(self) -> None:
        self.show_pending()
        self.context.data_changed.emit("grid")

    def pending(self) -> list[str]:
        return self.model.pending()

    def discard(self) -> None:
        self.model.discard_pending()
        self.page.message.clear_refusal()

    def focus_pending(self) -> None:
        cell = self.model.first_pending()
        if cell.isValid():
            self.page.table.setFocus()
            self.page.table.setCurrentIndex(cell)

    def invalidate(self) -> None:
        self.stale = True
        self.refresh_if_shown()

    def refresh_if_shown(self) -> None:
        if self.stale and self.page.isVisible():
            self.stale = False
            self.model.reload()
            # The province's targets in a column of their own, shown where it set one.
            self.page.table.setColumnHidden(IndicatorTableModel.PROVINCE_TARGET, not self.model.has_province_targets())

    def set_scope(self) -> None:
        self.page.message.clear_refusal()
        self.model.set_scope(self.context.scope, load=False)
        self.invalidate()


def period_choice_text(period: Period) -> str:
    """ "2023H1 — 6 tháng đầu năm 2023", as the period picker lists it."""
    return f"{period.code} — {period_label(period)}"


class MainController(QObject):
    """Opens the profile's data in the window and keeps every page on the chosen period.
    Values typed and refused are never left behind silently: leaving their page, changing
    period, printing, sending, importing or closing asks first (fix / discard)."""

    def __init__(self, profile, window, today: date | None = None):
        super().__init__(window)
        self.profile, self.window = profile, window
        self.context = Context(profile, window)
        today = today or date.today()
        with_data = records.periods_with_data(profile.engine, profile.org_unit_code)
        self.context.scope = Scope(profile.org_unit_code, default_period(today, with_data))

        unit = profile.org_unit()
        officer = profile.author
        window.unit_label.setText(
            f"<b>{unit.name if unit else profile.org_unit_code}</b> ({profile.org_unit_code})"
            + (f" — {officer}" if officer else "")
        )
        self._fill_periods(period_choices(today, with_data))

        pages = window.pages
        window.fill_figures()  # the frame was built from the shipped catalogue, before the profile opened
        of_kind = layout().pages_of_kind  # the pages of the sections table, by what they show
        self.documents = DocumentsController(self.context, pages[of_kind("documents")[0].code])
        self.activities = ActivitiesController(self.context, pages[of_kind("activities")[0].code])
        self.figures = [FiguresController(self.context, pages[page.code]) for page in of_kind("figures")]
        self.grid = GridController(self.context, pages[of_kind("grid")[0].code])
        self.narratives = [
            NarrativeController(self.context, editor, section)
            for page in pages.values()
            for section, editor in page.narratives.items()
        ]
        self._load_texts_and_figures()
        # Which controllers edit what each page shows: what "leaving the page" must check.
        paged: list[Any] = [self.documents, self.activities, *self.figures, self.grid]
        self.editing: dict[str, list[Any]] = {
            key: [c for c in paged if c.page is page]
            + [n for n in self.narratives if n.editor in page.narratives.values()]
            for key, page in pages.items()
        }
        self._quiet = False

        window.period.currentIndexChanged.connect(self._period_chosen)
        # A page is left only after its refused values were fixed or discarded: asked before it goes.
        window.navigation.currentRowChanged.disconnect(window.stack.setCurrentIndex)
        window.navigation.currentRowChanged.connect(self._page_chosen)
        window.stack.currentChanged.connect(lambda _: self.grid.refresh_if_shown())
        window.close_guard = self.flush
        self.context.data_changed.connect(self._data_changed)
        self.context.history.applied.connect(self._history_applied)
        self.context.history.refused.connect(self.context.say_refusal)

    def _fill_periods(self, choices: list[Period]) -> None:
        combo = self.window.period
        combo.blockSignals(True)
        combo.clear()
        for period in choices:
            combo.addItem(period_choice_text(period), period.code)
        combo.setCurrentIndex(combo.findData(self.context.scope.period.code))
        combo.blockSignals(False)

    def _load_texts_and_figures(self) -> None:
        texts = records.narratives(self.context.engine, self.context.scope)
        for narrative in self.narratives:
            narrative.load(texts)
        for figures in self.figures:
            figures.load()

    # -- nothing typed is lost silently --

    def flush(self) -> bool:
        """Save what is still being typed (before switching period, printing, sending, closing).
        False when values the core refused remain and the officer chose to fix them first."""
        for narrative in self.narratives:
            narrative.flush()
        for figures in self.figures:
            figures.flush()
        return self.confirm_unsaved([c for controllers in self.editing.values() for c in controllers])

    def confirm_unsaved(self, controllers) -> bool:
        """True when nothing refused is left (or the officer discarded it); False to go and fix it."""
        reasons = [reason for controller in controllers for reason in controller.pending()]
        if not reasons:
            return True
        if ask.discard_unsaved(self.window, reasons):
            for controller in controllers:
                controller.discard()
            return True
        for key, editing in self.editing.items():
            first = next((controller for controller in editing if controller.pending()), None)
            if first is not None:
                self._show_page_quietly(key)
                # After the click or key that asked has been handled: the list shows the page, the cursor the value.
                QTimer.singleShot(0, lambda key=key, first=first: self._back_to(key, first))
                break
        return False

    def _back_to(self, key: str, controller) -> None:
        self._show_page_quietly(key)
        self.window.activateWindow()  # after the question: the window's shortcuts work at once
        controller.focus_pending()

    def _show_page_quietly(self, key: str) -> None:
        """Show a page without asking about the one left (the officer was just asked)."""
        self._quiet = True
        try:
            self.window.show_page(key)
        finally:
            self._quiet = False

    def _page_chosen(self, row: int) -> None:
        left, keys = self.window.stack.currentIndex(), list(self.window.pages)
        if (
            not self._quiet
            and left != row
            and 0 <= left < len(keys)
            and not self.confirm_unsaved(self.editing.get(keys[left], []))
        ):
            return  # the officer fixes them: confirm_unsaved has shown their page again
        self.window.stack.setCurrentIndex(row)

    # -- the Sửa menu --

    def add_row(self) -> None:
        """Ctrl+N wherever the focus is: a new row on the page shown, if it has rows."""
        action = getattr(self.window.stack.currentWidget(), "add_action", None)
        if action is not None and action.isEnabled():
            action.trigger()

    def undo(self) -> None:
        if self.flush():  # what is being typed is saved (it is what gets undone); refused values asked about
            self.context.history.undo()

    def redo(self) -> None:
        if self.flush():
            self.context.history.redo()

    def _history_applied(self, changes: list) -> None:
        """After an undo, a redo or a restore: the period and page of the change, its record under the
        cursor. Text still being typed elsewhere is saved first, not read over."""
        for narrative in self.narratives:
            narrative.flush()
        for figures in self.figures:
            figures.flush()
        change = changes[-1]
        if change.scope.period != self.context.scope.period:
            self.set_period(change.scope.period.code)
        else:
            self.documents.reload()
            self.activities.reload()
            self._load_texts_and_figures()
            self.grid.invalidate()
        key = self.page_of(change)
        self._show_page_quietly(key)
        if change.table in ("activity", "document"):
            controller = self.activities if change.table == "activity" else self.documents
            controller.show_record(change.key)
            controller.page.table.setFocus()
        self.grid.refresh_if_shown()

    def page_of(self, change) -> str:
        """The page that shows the record an undone or redone change touched."""
        key_of = {page: key for key, page in self.window.pages.items()}
        if change.table == "activity":
            return key_of[self.activities.page]
        if change.table == "document":
            return key_of[self.documents.page]
        if change.table == "narrative":
            return next(key for key, page in self.window.pages.items() if change.key in getattr(page, "narratives", {}))
        if self.window.stack.currentWidget() is self.grid.page:
            return key_of[self.grid.page]  # every typed indicator is there too: stay where the officer is
        page = layout().section(indicators()[change.key].section).page
        return page if change.key in getattr(self.window.pages.get(page), "inputs", {}) else key_of[self.grid.page]

    # -- the period --

    def reload(self) -> None:
        """Read everything again for the current period (after an import, a restore, ...).

        Step by step, with the window's paint and timer events handled between two steps (not the
        officer's clicks and keys): in one go, after an import of 100,000 activities, it froze the
        window for 0.15-0.25 s. Everything is read again when this returns."""
        steps = (
            lambda: self._fill_periods(
                period_choices(date.today(), records.periods_with_data(self.profile.engine, self.profile.org_unit_code))
            ),
            self.documents.set_scope,
            self.activities.set_scope,
            self.grid.set_scope,
            self._fill_figures,
            self._load_texts_and_figures,
        )
        for step in steps:
            step()
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.scope_changed()

    def _fill_figures(self) -> None:
        """The figures pages built again where the catalogue changed (a configuration from the
        province, a catalogue file): what was typed was saved or asked about before (`flush`)."""
        changed = [self.window.pages[code] for code in self.window.fill_figures()]
        for figures in self.figures:
            if figures.page in changed:
                figures.bind()

    def scope_changed(self) -> None:
        self.context.scope_changed.emit()

    def _period_chosen(self, _index: int) -> None:
        code = self.window.period.currentData()
        if not code or code == self.context.scope.period.code:
            return
        if not self.flush():
            combo = self.window.period
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(self.context.scope.period.code))
            combo.blockSignals(False)
            return
        self.context.scope = Scope(self.profile.org_unit_code, Period.parse(code))
        self.documents.set_scope()
        self.activities.set_scope()
        self.grid.set_scope()
        self._load_texts_and_figures()
        self.scope_changed()
        self.context.say(self.tr("Đang xem kỳ {period}").format(period=period_label(self.context.scope.period)), 4000)

    def _data_changed(self, area: str) -> None:
        if area != "grid":
            self.grid.invalidate()
        if area == "grid":
            for figures in self.figures:
                figures.load()

    def set_period(self, code: str) -> None:
        index = self.window.period.findData(code)
        if index < 0:
            self.window.period.addItem(period_choice_text(Period.parse(code)), code)
            index = self.window.period.count() - 1
        self.window.period.setCurrentIndex(index)
