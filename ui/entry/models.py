"""Table models: core records adapted to Qt, read and written only through `records.py`.

Each model has column constants, custom roles and Vietnamese display forms. An edit is
validated by the core; on a refusal the cell keeps its old value, the row is marked and
`refused` carries the Vietnamese reason.
"""

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from vstbpn_desktop import records
from vstbpn_desktop.catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, Coverage, indicators, not_asked
from vstbpn_desktop.catalogue.national import shapes
from vstbpn_desktop.domain import indicators as catalogue_state
from vstbpn_desktop.domain.validation import Invalid
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.figures import Figures, compute

from ..common import i18n
from ..common.i18n import indicator_name, indicator_unit, label
from .value_detail import cell_label

IdRole = Qt.ItemDataRole.UserRole + 1  # the record's UUID (or indicator code)
RecordRole = Qt.ItemDataRole.UserRole + 2  # the plain dict behind the row
ErrorRole = Qt.ItemDataRole.UserRole + 3  # the Vietnamese reason of the last refusal on the row, or None
_RECORD_ROLES = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        IdRole,
        RecordRole,
        ErrorRole,
    )
)  # the roles a record table's data() answers

# Roles, flags and alignment by their full names, the combinations made once: a cell answers them
# hundreds of times a paint, and PySide6 finds a short name (Qt.DisplayRole) through a fallback that
# costs about 15 µs a lookup (the table's repaint took 47 ms of CPU, half of it in such lookups).
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE = SELECTABLE | Qt.ItemFlag.ItemIsEditable
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

REFUSED_BRUSH = QBrush(QColor("#fde2e1"))
DERIVED_BRUSH = QBrush(QColor("#e4e7eb"))


def refusal_text(exc: Exception, names: dict[str, str]) -> str:
    """A refusal as one Vietnamese sentence naming the column(s) at fault."""
    if isinstance(exc, Invalid):
        return "; ".join(
            _named(names.get(field, field), i18n.message(reason)) for field, reason in exc.problems.items()
        )
    return i18n.message(exc)


def _named(name: str, reason: str) -> str:
    """ "Số cuộc: phải lớn hơn…", but "Ngày 15/03/2026 nằm ngoài kỳ…" where the reason already starts
    with the column's name (not "Ngày: ngày 15/03/2026…")."""
    if reason.casefold().startswith(name.casefold() + " "):
        return reason[:1].upper() + reason[1:]
    return f"{name}: {reason}"


class _RecordTable(QAbstractTableModel):
    """What activity and document tables share: columns, display forms, refused values.

    A value the core refuses is kept where it was typed (`pending`: shown in red, the reason as
    tooltip) and never saved; the record keeps its saved value, which totals and reports read.
    Typing a value the core takes clears it. Every saved edit is announced as `written(changes)`
    (records.Change, before/after) for the window's undo history.
    """

    refused = Signal(int, str)  # row, reason
    changed = Signal()  # a record was written: totals must be refreshed
    written = Signal(str, list)  # what was done (for "Hoàn tác: …"), the records' changes

    TABLE = ""
    COLUMNS: tuple[str, ...] = ()
    NUMERIC: frozenset[str] = frozenset()
    KIND_COLUMN = -1
    KINDS: dict = {}

    def __init__(self, engine, scope, author: str = "", parent=None):
        super().__init__(parent)
        self.engine, self.scope, self.author = engine, scope, author
        self._pending: dict[str, dict[str, tuple[str, str]]] = {}  # id → field → (typed text, reason)

    # Each table supplies these (row_of is below, over row_record).

    def headers(self) -> list[str]:
        raise NotImplementedError

    def row_record(self, row: int) -> dict | None:
        raise NotImplementedError

    def write(self, record_id: str, raw: dict) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        """Drop what was read, so the next read goes to the database."""
        raise NotImplementedError

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return EDITABLE

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _RECORD_ROLES or not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None  # the font, colour, icon, check-state... roles a paint asks for: none here
        record = self.row_record(index.row())
        if record is None:
            return None
        field = self.COLUMNS[index.column()]
        pending = self._pending.get(record["id"], {}).get(field)
        if pending and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return pending[0]
        value = record.get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "date":
                return i18n.date_text(value)
            if field == "kind":
                return label(self.KINDS, value or "")
            if field in self.NUMERIC:
                return i18n.count(value)
            return value
        if role == Qt.ItemDataRole.EditRole:
            if field == "date":
                return i18n.date_text(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in self.NUMERIC:
            return RIGHT_ALIGNED
        if role == IdRole:
            return record["id"]
        if role == RecordRole:
            return dict(record)
        if role in (ErrorRole, Qt.ItemDataRole.ToolTipRole):
            return pending[1] if pending else None
        if role == Qt.ItemDataRole.BackgroundRole and pending:
            return REFUSED_BRUSH
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record = self.row_record(index.row())
        if record is None:
            return False
        field = self.COLUMNS[index.column()]
        if isinstance(value, str) and value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        typed = value if isinstance(value, str) else str(value)
        reason = self._write(record["id"], field, typed, value)
        if reason:
            self._pending.setdefault(record["id"], {})[field] = (typed, reason)
            self._row_changed(index.row())
            self.refused.emit(index.row(), reason)
            return False
        self._pending.get(record["id"], {}).pop(field, None)
        # A value refused before may be right now (women 1.300 once the total is 1.500).
        for other, (text, _) in list(self._pending.get(record["id"], {}).items()):
            if self._write(record["id"], other, text, text) is None:
                self._pending[record["id"]].pop(other)
        if not self._pending.get(record["id"]):
            self._pending.pop(record["id"], None)
        self.refresh()
        self.changed.emit()
        return True

    def _write(self, record_id: str, field: str, typed: str, value) -> str | None:
        """Save one cell: None when saved (its change announced), else the reason it was refused."""
        if field in self.NUMERIC:
            value = i18n.typed_number(value)
        try:
            change = records.track(
                self.engine, self.TABLE, self.scope, record_id, lambda: self.write(record_id, {field: value})
            )
        except (Invalid, Refused) as exc:
            return refusal_text(exc, dict(zip(self.COLUMNS, self.headers(), strict=True)))
        if not change.empty:
            self.written.emit(
                self.tr("sửa ô {column}").format(column=self.headers()[self.COLUMNS.index(field)]), [change]
            )
        return None

    # -- refused values kept on screen --

    def pending(self) -> list[str]:
        """The reasons of the values typed and refused, not saved."""
        return [reason for fields in self._pending.values() for _, reason in fields.values()]

    def first_pending(self) -> QModelIndex:
        for record_id, fields in self._pending.items():
            row = self.row_of(record_id)
            if row >= 0:
                return self.index(row, self.COLUMNS.index(next(iter(fields))))
        return QModelIndex()

    def discard_pending(self) -> None:
        """Forget the refused values: every cell shows its saved value again."""
        if self._pending:
            self._pending.clear()
            self.refresh()

    # -- re-reading --

    def refresh(self) -> None:
        """Re-read after an edit. A changed date re-sorts the list: the view's current cell, its
        selection and an open editor follow their record (by id), not the row number."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = {index.row(): self._id_at(index.row()) for index in persistent}
        self.forget()
        rows = {record_id: self.row_of(record_id) for record_id in set(ids.values()) if record_id}
        moved = []
        for index in persistent:
            record_id = ids[index.row()]
            row = rows.get(record_id, -1) if record_id else -1
            moved.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _id_at(self, row: int) -> str | None:
        record = self.row_record(row)
        return record["id"] if record else None

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, record_id: str) -> int:
        for row in range(self.rowCount()):
            record = self.row_record(row)
            if record is not None and record["id"] == record_id:
                return row
        return -1


class ActivityTableModel(_RecordTable):
    """The period's activities, loaded a page at a time: a unit with 100.000 opens at once.

    Only `MAX_PAGES` pages are kept; the row count comes from `records.count_activities`.
    """

    DATE, KIND, TITLE, SESSIONS, PARTICIPANTS, FEMALE, PLACE = range(7)
    COLUMNS = ("date", "kind", "title", "sessions", "participants", "female_participants", "place")
    NUMERIC = frozenset({"sessions", "participants", "female_participants"})
    KIND_COLUMN = KIND
    KINDS = ACTIVITY_KINDS
    TABLE = "activity"
    PAGE_SIZE = 200
    MAX_PAGES = 8

    def __init__(self, engine, scope, author: str = "", parent=None):
        super().__init__(engine, scope, author, parent)
        self._search = ""
        self._keep: set[str] = set()  # records edited under the search: listed until it changes
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._count = self._first_page_and_count()

    def headers(self) -> list[str]:
        return [
            self.tr("Ngày"),
            self.tr("Loại hoạt động"),
            self.tr("Nội dung"),
            self.tr("Số cuộc"),
            self.tr("Lượt người"),
            self.tr("Trong đó nữ"),
            self.tr("Địa điểm"),
        ]

    @property
    def search(self) -> str:
        return self._search

    def _first_page_and_count(self) -> int:
        """Read the first page; count only when it is full. A filter that matches few rows
        scans the period once instead of twice (the scan is what the officer waits for)."""
        self._pages.clear()
        first = records.activity_page(self.engine, self.scope, 0, self.PAGE_SIZE, search=self._search, keep=self._keep)
        self._pages[0] = first
        if len(first) < self.PAGE_SIZE:
            return len(first)
        return records.count_activities(self.engine, self.scope, self._search, keep=self._keep)

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._search = text
        self._keep.clear()
        self._count = self._first_page_and_count()
        self.endResetModel()

    def set_scope(self, scope) -> None:
        self.beginResetModel()
        self.scope = scope
        self._pending.clear()
        self._keep.clear()
        self._count = self._first_page_and_count()
        self.endResetModel()

    def reload(self) -> None:
        """Re-read after a write: the count and the order may have changed."""
        self.beginResetModel()
        self._count = self._first_page_and_count()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def forget(self) -> None:
        self._pages.clear()

    @property
    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def row_record(self, row: int) -> dict | None:
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = records.activity_page(
                self.engine, self.scope, number * self.PAGE_SIZE, self.PAGE_SIZE, search=self._search, keep=self._keep
            )
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def write(self, record_id: str, raw: dict) -> None:
        if self._search:
            self._keep.add(record_id)  # an edit never makes the record vanish from under the cursor
        records.update_activity(self.engine, self.scope, record_id, raw, self.author)

    def row_of(self, record_id: str) -> int:
        return records.activity_position(self.engine, self.scope, record_id, self._search, self._keep)


class DocumentTableModel(_RecordTable):
    """The documents issued in the period (a few dozen: held whole)."""

    NUMBER, DATE, ISSUER, KIND, TITLE = range(5)
    COLUMNS = ("number", "date", "issuer", "kind", "title")
    KIND_COLUMN = KIND
    KINDS = DOCUMENT_KINDS
    TABLE = "document"

    def __init__(self, engine, scope, author: str = "", parent=None):
        super().__init__(engine, scope, author, parent)
        self._rows = self._read()

    def headers(self) -> list[str]:
        return [
            self.tr("Số, ký hiệu"),
            self.tr("Ngày ban hành"),
            self.tr("Cơ quan ban hành"),
            self.tr("Loại văn bản"),
            self.tr("Trích yếu"),
        ]

    def _read(self) -> list[dict]:
        return [document.model_dump() for document in records.list_documents(self.engine, self.scope)]

    def set_scope(self, scope) -> None:
        self.beginResetModel()
        self.scope = scope
        self._pending.clear()
        self._rows = self._read()
        self.endResetModel()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._read()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def forget(self) -> None:
        self._rows = self._read()

    def row_record(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def write(self, record_id: str, raw: dict) -> None:
        records.update_document(self.engine, self.scope, record_id, raw, self.author)


class IndicatorTableModel(QAbstractTableModel):
    """Every indicator of the catalogue asked in the period (catalogue.not_asked, as on the figures
    pages: no yearly one in a half-year, no retired one, unless the period holds a value): counts
    typed in place, the rest computed. A refused value stays in its cell (red, the reason as tooltip)
    and is not saved; figures are computed from saved values only."""

    refused = Signal(int, str)
    changed = Signal()
    written = Signal(str, list)

    CODE, NAME, UNIT, VALUE, TARGET_2025, TARGET_2030, PROVINCE_TARGET, HOW = range(8)

    def __init__(self, engine, scope, rounding: str = "half_up", author: str = "", parent=None, load: bool = True):
        super().__init__(parent)
        self.engine, self.scope, self.rounding, self.author = engine, scope, rounding, author
        self._catalogue = self._asked(held=())
        self._pending: dict[str, tuple[str, str]] = {}  # code → (typed text, reason): refused, not saved
        self._figures = Figures(org_unit=scope.org_unit_code, period=scope.period, units=[scope.org_unit_code])
        self.province_targets: dict[str, dict[int, tuple[float, str]]] = {}  # the province's (domain/indicators.py)
        if load:
            self.reload()

    def _asked(self, held, keep=()) -> list:
        """The rows: the indicators asked in the period given the values `held` there, and those of
        `keep` (a row shown stays until the period changes, so clearing a value does not pull the
        row from under the officer)."""
        catalogue = indicators()
        hidden = not_asked(catalogue, self.scope.period.half is not None, held) - set(keep)
        return [indicator for code, indicator in catalogue.items() if code not in hidden]

    def reload(self) -> None:
        self._figures = compute(self.engine, self.scope.org_unit_code, [self.scope.org_unit_code], self.scope.period)
        self.province_targets = catalogue_state.targets(self.engine)
        held = records.indicator_values(self.engine, self.scope)
        rows = self._asked(held, keep=[indicator.code for indicator in self._catalogue])
        if [indicator.code for indicator in rows] != [indicator.code for indicator in self._catalogue]:
            self.beginResetModel()
            self._catalogue = rows
            self.endResetModel()
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_scope(self, scope, load: bool = True) -> None:
        self.beginResetModel()
        self.scope = scope
        self._pending.clear()
        self._figures = (
            compute(self.engine, scope.org_unit_code, [scope.org_unit_code], scope.period)
            if load
            else Figures(org_unit=scope.org_unit_code, period=scope.period, units=[scope.org_unit_code])
        )
        # A configuration from the province may have changed the catalogue; what the period holds
        # is read when loading (reload adds those rows otherwise).
        self._catalogue = self._asked(records.indicator_values(self.engine, scope) if load else ())
        if load:
            self.province_targets = catalogue_state.targets(self.engine)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            self.tr("Mã"),
            self.tr("Chỉ tiêu"),
            self.tr("Đơn vị tính"),
            self.tr("Giá trị"),
            self.tr("Mục tiêu 2025"),
            self.tr("Mục tiêu 2030"),
            self.tr("Mục tiêu tỉnh"),
            self.tr("Cách có"),
        ]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._catalogue)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 8:
            return self.headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = SELECTABLE
        indicator = self._catalogue[index.row()]
        if index.column() == self.VALUE and indicator.typed and not indicator.retired:  # retired: shown, read-only
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def value(self, code: str):
        """The figure as a number: a typed or activity value, or the rounded share."""
        if code in self._figures.values:
            return self._figures.values[code]
        return self._figures.share(code, self.rounding)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._catalogue)):
            return None
        indicator = self._catalogue[index.row()]
        column = index.column()
        pending = self._pending.get(indicator.code)
        if pending and column == self.VALUE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return pending[0]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                return indicator.code
            if column == self.NAME:
                return indicator_name(indicator)
            if column == self.UNIT:
                return indicator_unit(indicator)
            if column == self.VALUE:
                value = self.value(indicator.code)
                if indicator.kind == "share":
                    return self._verdict(indicator)[0]
                return i18n.count(value)
            if column in (self.TARGET_2025, self.TARGET_2030):
                target = indicator.target_2025 if column == self.TARGET_2025 else indicator.target_2030
                text = i18n.percent(target, 0) if target is not None else ""
                if text and self._measured_against(indicator) == column and self.value(indicator.code) is not None:
                    met = self.value(indicator.code) >= target
                    text += " · " + (self.tr("đạt") if met else self.tr("chưa đạt"))
                return text
            if column == self.PROVINCE_TARGET:
                target = self.province_target(indicator.code)
                if target is None:
                    return ""
                value = self.value(indicator.code)
                return i18n.percent(target[1], 0 if float(target[1]).is_integer() else 2) + (
                    "" if value is None else " · " + (self.tr("đạt") if value >= target[1] else self.tr("chưa đạt"))
                )
            if column == self.HOW:
                return {
                    "count": self.tr("Nhập"),
                    "share": self.tr("Tính: tỷ lệ"),
                    "from_activities": self.tr("Tính: từ hoạt động"),
                }[indicator.kind]
        if role == Qt.ItemDataRole.EditRole and column == self.VALUE:
            value = self._figures.values.get(indicator.code)
            return "" if value is None else i18n.count(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.VALUE,
            self.TARGET_2025,
            self.TARGET_2030,
            self.PROVINCE_TARGET,
        ):
            return RIGHT_ALIGNED
        if role == IdRole:
            return indicator.code
        if role == ErrorRole:
            return pending[1] if pending else None
        if role == Qt.ItemDataRole.ToolTipRole:  # the code lives here (its column is hidden unless asked for)
            if pending:
                return pending[1]
            if column == self.NAME:
                return indicator.code
            if column == self.PROVINCE_TARGET:
                text = i18n.province_verdict(self.province_target(indicator.code), self.value(indicator.code))[0]
                return text or None
            if indicator.kind == "share" and column in (self.VALUE, self._measured_against(indicator)):
                return self._verdict(indicator)[1] or None
            if column == self.VALUE:
                return self._carried(indicator.code)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROVINCE_TARGET:
            colour = i18n.province_verdict(self.province_target(indicator.code), self.value(indicator.code))[1]
            return QBrush(QColor(colour)) if colour else None
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and indicator.kind == "share"
            and column in (self.VALUE, self._measured_against(indicator))
        ):
            colour = self._verdict(indicator)[2]
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if pending:
                return REFUSED_BRUSH
            if not indicator.typed:
                return DERIVED_BRUSH
        return None

    def _carried(self, code: str) -> str | None:
        """What the value carries, as its tooltip: each cell of its breakdown, its comment, its mark."""
        catalogue = shapes()  # a province's own indicator may be broken down too
        lines = [
            f"{cell_label(catalogue, catalogue.parse_cell(code, key))}: {i18n.count(value)}"
            for key, value in self._figures.cells.get(code, {}).items()
        ]
        comment, follow_up = self._figures.notes.get(self.scope.org_unit_code, {}).get(code, ("", False))
        if comment:
            lines.append(comment)
        if follow_up:
            lines.append(self.tr("Cần theo dõi"))
        return "\n".join(lines) or None

    def _verdict(self, indicator) -> tuple[str, str, str]:
        return i18n.share_verdict(indicator, self.scope.period.year, self.value(indicator.code))

    def province_target(self, code: str) -> tuple[int, float, str] | None:
        """The province's target the period's share is judged by, as the report judges it."""
        return catalogue_state.target_in(self.province_targets, code, self.scope.period.year)

    def has_province_targets(self) -> bool:
        return any(self.province_target(indicator.code) for indicator in self._catalogue)

    def _measured_against(self, indicator) -> int | None:
        """The target column the period's share is judged by (as in the report), if any."""
        goal = indicator.goal(self.scope.period.year)
        return None if goal is None else self.TARGET_2025 if goal[0] == 2025 else self.TARGET_2030

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        ):
            return False
        indicator = self._catalogue[index.row()]
        if isinstance(value, str) and value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        try:
            change = save_indicator(self.engine, self.scope, indicator.code, value, self.author)
        except (Invalid, Refused) as exc:
            reason = indicator_refusal(exc)
            self._pending[indicator.code] = (str(value), reason)
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
            self.refused.emit(index.row(), reason)
            return False
        self._pending.pop(indicator.code, None)
        self.reload()
        if not change.empty:
            self.written.emit(indicator_name(indicator), [change])
        self.changed.emit()
        return True

    def pending(self) -> list[str]:
        return [reason for _, reason in self._pending.values()]

    def first_pending(self) -> QModelIndex:
        rows = [row for row, indicator in enumerate(self._catalogue) if indicator.code in self._pending]
        return self.index(rows[0], self.VALUE) if rows else QModelIndex()

    def discard_pending(self) -> None:
        self._pending.clear()
        self.reload()


def save_indicator(engine, scope, code: str, typed, author: str = "", coverage: Coverage | None = None):
    """Save one typed indicator value (empty text clears it), with what it covers ("own"/"area") when
    given: its records.Change, or the core's refusal."""
    value = i18n.typed_number(typed) if typed not in (None, "") else None
    return records.track(
        engine,
        "indicator_value",
        scope,
        code,
        lambda: records.set_indicator_values(
            engine, scope, {code: value}, author, coverage={code: coverage} if coverage else None
        ),
    )


def indicator_refusal(exc: Exception) -> str:
    """A refusal of indicator values, each reason naming its indicator once."""
    if not isinstance(exc, Invalid):
        return i18n.message(exc)
    catalogue = indicators()
    parts = []
    for code, reason in exc.problems.items():
        name = indicator_name(catalogue[code]) if code in catalogue else code
        text = i18n.message(reason)
        parts.append(text if text.startswith(name) else f"{name}: {text}")
    return "; ".join(parts)
