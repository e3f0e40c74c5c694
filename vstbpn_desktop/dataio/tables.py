"""Reading a table file into raw rows: a `.csv` (one table, recognised by its header) or an
`.xlsx` workbook made from the template (one sheet per table).

Nothing is validated here beyond the shape of the file: which table, which columns, which
rows. Row numbers are those the officer sees in Excel (the header is row 1).

Sheets of a workbook: `activities`, `documents`, `indicators`, `narratives` (any letter case)
are read; the guide sheet "Hướng dẫn" and empty sheets are ignored; any other sheet that holds
something is refused, so data typed into a renamed or extra sheet is never silently dropped.
"""

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Message, Refused
from ..files import not_a_file
from ..text import fold, nfc
from .columns import GUIDE_SHEET, TABLES, header_name
from .xlsx import Workbook, XlsxProblem, refusal


@dataclass
class RawTable:
    table: str
    sheet: str | None  # None for a CSV file
    # (row number, {column: cell}), blanks left out: a list, or for a CSV file its rows read again
    # at each iteration (len() gives their number)
    rows: "list[tuple[int, dict[str, Any]]] | _CsvRows" = field(default_factory=list)


def where(label: str, sheet: str | None, row: int | None = None, column: str | None = None) -> str:
    """ "tệp.xlsx: trang tính S, dòng R, cột C" with the parts given (a Message)."""
    parts = [Message("trang tính {sheet}", sheet=sheet)] if sheet else []
    if row is not None:
        parts.append(Message("dòng {row}", row=row))
    if column:
        parts.append(Message("cột {column}", column=column))
    if not parts:
        return label
    place = parts[0]
    for part in parts[1:]:
        place = Message("{place}, {part}", place=place, part=part)
    return Message("{label}: {place}", label=label, place=place)


def blank(value) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def read_table_file(path: Path, check: Callable[[], None] | None = None) -> list[RawTable]:
    """The tables of a .csv or .xlsx file. `check()`, if given, is called every CHECK_EVERY rows of a
    CSV's first pass (it may raise to stop; the window's worker also hands the GUI thread Python's
    lock there: bench/NOTES.md, "Event-loop stalls in the window")."""
    path = Path(path)
    label = path.name
    problem = not_a_file(path)  # a FIFO or device: refused, never waited on
    if problem is not None:
        raise Refused("{path}: {problem}", path=path, problem=problem)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [read_csv(path, check)]
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".xls":
        raise Refused("{label}: tệp Excel dạng cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx", label=label)
    raise Refused("{label}: chỉ nhận tệp .csv hoặc .xlsx (mẫu tạo bằng lệnh data template)", label=label)


CHECK_EVERY = 250

# -- CSV -------------------------------------------------------------------------------------


def read_csv(path: Path, check: Callable[[], None] | None = None) -> RawTable:
    """The table of a CSV file. The file is read twice, streaming, never whole: once here to
    check its shape (encoding, quotes, header, cells beyond it) and count its rows, then again by
    whoever iterates `rows` (a million-row file is never held as text or rows at once)."""
    label = path.name
    first = _first_line(path, label)
    if first is None:
        raise Refused("{label}: tệp rỗng, không có dòng tiêu đề và dữ liệu", label=label)
    # Excel in a Vietnamese locale saves "CSV" with ";" between cells.
    delimiter = max((",", ";", "\t"), key=first.count)
    records = _csv_records(path, label, delimiter)
    _, header, _, _ = next(records)
    if all(blank(cell) for cell in header):
        raise Refused("{label}: dòng 1 phải là dòng tiêu đề (tên các cột), nhưng đang để trống", label=label)
    names = _header(header, label, None)
    table = recognise(names, label)
    rows = _CsvRows(path, label, delimiter, names)
    count = 0
    for _ in rows._checked(records):
        count += 1
        if check is not None and count % CHECK_EVERY == 0:
            check()
    rows.count = count
    return RawTable(table, None, rows)


class _CsvRows:
    """The data rows of a CSV file, read again at each iteration; `len()` is their number."""

    def __init__(self, path: Path, label: str, delimiter: str, names: list[str]):
        self.path, self.label, self.delimiter, self.names = path, label, delimiter, names
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        records = _csv_records(self.path, self.label, self.delimiter)
        next(records)  # the header, checked when the file was opened
        return self._checked(records)

    def _checked(self, records):
        return _row_values(self.names, self._whole(records), self.label, None)

    def _whole(self, records):
        for number, cells, start, end in records:
            if end > start and len(cells) != len(self.names):
                raise Refused(
                    "{label}: dòng {row}: một ô mở dấu ngoặc kép ở dòng {start} của tệp và chỉ đóng ở dòng {end}, "
                    'làm dòng này có {count} ô thay vì {width}; hãy kiểm tra dấu ngoặc kép (") của dòng {row}',
                    label=self.label,
                    row=number,
                    start=start,
                    end=end,
                    count=len(cells),
                    width=len(self.names),
                )
            yield number, cells


def _first_line(path: Path, label: str) -> str | None:
    """The first line that holds something (to tell the delimiter), or None for an empty file."""
    with _open_text(path, label) as stream:
        try:
            for line in stream:
                if line.strip():
                    return line
        except UnicodeDecodeError:
            raise _not_utf8(path, label) from None
    return None


def _open_text(path: Path, label: str):
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise Refused("{label}: không đọc được tệp ({error})", label=label, error=exc.strerror) from exc


def _not_utf8(path: Path, label: str) -> Refused:
    """The refusal of a file that is not UTF-8, naming the first line with a bad byte."""
    line = 0
    with open(path, "rb") as stream:
        for line, data in enumerate(stream, start=1):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line += data[: exc.start].count(b"\r") - data[: exc.start].count(b"\r\n")
                break
    return Refused(
        "{label}: tệp không phải mã UTF-8 (gặp ký tự lạ ở dòng {line}); trong Excel hãy chọn Lưu thành (Save As) "
        '› "CSV UTF-8 (Comma delimited)" rồi nhập lại',
        label=label,
        line=line,
    )


def _csv_records(path: Path, label: str, delimiter: str):
    """(row as Excel numbers it, cells, first and last line of the file) for each record of the file.

    Quotes are read strictly: a quoted cell never closed, or closed in the middle of a cell, is
    refused naming the row where it opens — never read as one long cell swallowing the rows after."""
    with _open_text(path, label) as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        row = 0
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise _not_utf8(path, label) from None
            except csv.Error as exc:
                raise Refused(
                    '{label}: dòng {row}: dấu ngoặc kép (") của một ô mở ở dòng {line} của tệp không được đóng đúng '
                    "({error}); hãy sửa dấu ngoặc kép của dòng này rồi nhập lại",
                    label=label,
                    row=row + 1,
                    line=start,
                    error=exc,
                ) from None
            row += 1
            yield row, cells, start, reader.line_num


def recognise(names: list[str], label: str) -> str:
    """The table whose columns the header names; refused with what is missing or unknown."""
    given = {name for name in names if name}
    for table, columns in TABLES.items():
        if {c.name for c in columns if not c.optional} <= given <= {c.name for c in columns}:
            return table
    best = max(TABLES, key=lambda t: len(given & {c.name for c in TABLES[t]}))
    expected = [c.name for c in TABLES[best]]
    if not given & set(expected):
        tables = "; ".join(f"{t}: {','.join(c.name for c in cols)}" for t, cols in TABLES.items())
        raise Refused(
            "{label}: dòng 1: không nhận ra bảng từ tiêu đề ({value}); tiêu đề phải là một trong các bảng — {tables}",
            label=label,
            value=", ".join(n for n in names if n),
            tables=tables,
        )
    _check_columns(names, best, label, None)
    return best  # not reached: the header differs, so _check_columns refused


def _header(cells, label: str, sheet: str | None, table: str | None = None) -> list[str]:
    names = [header_name(cell, table) if not blank(cell) else "" for cell in cells]
    while names and not names[-1]:
        names.pop()
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        if not name:
            raise Refused("{label}: ô tiêu đề thứ {index} để trống", label=where(label, sheet, 1), index=index)
        if name in seen:
            raise Refused(
                "{label}: cột {name} xuất hiện hai lần (ô thứ {value} và {index})",
                label=where(label, sheet, 1),
                name=name,
                value=seen[name],
                index=index,
            )
        seen[name] = index
    return names


def _check_columns(names: list[str], table: str, label: str, sheet: str | None) -> None:
    expected = [c.name for c in TABLES[table]]
    missing = [c.name for c in TABLES[table] if c.name not in names and not c.optional]
    unknown = [name for name in names if name not in expected]
    problems = []
    if missing:
        problems.append(Message("thiếu cột {columns}", columns=", ".join(missing)))
    if unknown:
        problems.append(Message("cột không có trong bảng {table}: {columns}", table=table, columns=", ".join(unknown)))
    if problems:
        raise Refused(
            "{label}: {problems} (bảng {table} cần các cột {expected})",
            label=where(label, sheet, 1),
            problems=problems,
            table=table,
            expected=",".join(expected),
        )


def _row_values(names: list[str], numbered_rows, label: str, sheet: str | None):
    """(row number, {column: cell}) of each row that holds something (a blank row is skipped;
    its number still counts); a cell beyond the header's columns is refused."""
    width = len(names)
    for number, cells in numbered_rows:
        for index in range(width, len(cells)):
            if not blank(cells[index]):
                raise Refused(
                    "{label}: ô thứ {value} có giá trị nhưng nằm ngoài các cột của tiêu đề ({length} cột)",
                    label=where(label, sheet, number),
                    value=index + 1,
                    length=len(names),
                )
        values = {name: cell for name, cell in zip(names, cells, strict=False) if not blank(cell)}
        if values:
            yield number, values


# -- xlsx ------------------------------------------------------------------------------------


def read_xlsx(path: Path) -> list[RawTable]:
    label = path.name
    try:
        workbook = Workbook(path)
    except XlsxProblem as exc:
        raise refusal(label, exc) from None
    except OSError as exc:
        raise Refused("{label}: không đọc được tệp ({error})", label=label, error=exc.strerror) from None
    try:
        return _read_sheets(workbook, label)
    except XlsxProblem as exc:
        raise refusal(label, exc) from None
    finally:
        workbook.close()


def _read_sheets(workbook, label: str) -> list[RawTable]:
    tables: list[RawTable] = []
    for sheet in workbook.sheets:
        title = nfc(sheet.title)
        if fold(title) == fold(GUIDE_SHEET):
            continue
        rows = workbook.rows(sheet)
        first = next(rows, None)
        if first is not None and sheet.hidden:
            raise Refused(
                "{label}: trang tính '{title}' đang bị ẩn ({state}) nhưng có dữ liệu; Excel không cho thấy trang này "
                "nên không nhập — hãy bỏ ẩn (Unhide) để kiểm tra, hoặc xóa trang",
                label=label,
                title=title,
                state=sheet.hidden,
            )
        table = title.lower() if title.lower() in TABLES else None
        if table is None:
            if first is not None:
                raise Refused(
                    "{label}: trang tính '{title}' không phải bảng của mẫu ({TABLES}, {GUIDE_SHEET}); hãy đổi "
                    "tên trang đúng tên bảng hoặc xóa trang",
                    label=label,
                    title=title,
                    TABLES=", ".join(TABLES),
                    GUIDE_SHEET=GUIDE_SHEET,
                )
            continue
        if first is None:
            continue
        if first[0] != 1:
            raise Refused("{label}: dòng 1 phải là dòng tiêu đề (tên các cột)", label=where(label, title, 1))
        names = _header(first[1], label, title, table)
        _check_columns(names, table, label, title)
        tables.append(RawTable(table, title, list(_row_values(names, rows, label, title))))
    if not tables:
        raise Refused(
            "{label}: không có trang tính nào của mẫu ({TABLES}); hãy dùng tệp tạo bằng lệnh data template",
            label=label,
            TABLES=", ".join(TABLES),
        )
    return tables
