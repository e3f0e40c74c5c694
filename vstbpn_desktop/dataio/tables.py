"""Reading a table file into raw rows: a `.csv` (one table, recognised by its header) or an
`.xlsx` workbook made from the template (one sheet per table).

Nothing is validated here beyond the shape of the file: which table, which columns, which
rows. Row numbers are those the officer sees in Excel (the header is row 1).

Sheets of a workbook: `activities`, `documents`, `indicators`, `narratives` (any letter case)
are read; the guide sheet "Hướng dẫn" and empty sheets are ignored; any other sheet that holds
something is refused, so data typed into a renamed or extra sheet is never silently dropped.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Message, Refused
from ..text import fold, nfc
from .columns import GUIDE_SHEET, TABLES, header_name


@dataclass
class RawTable:
    table: str
    sheet: str | None  # None for a CSV file
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, {column: cell}), blanks left out


def where(label: str, sheet: str | None, row: int | None = None, column: str | None = None) -> str:
    """"tệp.xlsx: trang tính S, dòng R, cột C" with the parts given (a Message)."""
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


def read_table_file(path: Path) -> list[RawTable]:
    path = Path(path)
    label = path.name
    if not path.is_file():
        raise Refused("{path}: không tìm thấy tệp", path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [read_csv(path)]
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".xls":
        raise Refused("{label}: tệp Excel dạng cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx", label=label)
    raise Refused("{label}: chỉ nhận tệp .csv hoặc .xlsx (mẫu tạo bằng lệnh data template)", label=label)


# -- CSV -------------------------------------------------------------------------------------

def read_csv(path: Path) -> RawTable:
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Refused("{label}: không đọc được tệp ({error})", label=label, error=exc.strerror) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise Refused(
            "{label}: tệp không phải mã UTF-8 (gặp ký tự lạ ở dòng {line}); trong Excel hãy chọn Lưu thành (Save As) "
            "› \"CSV UTF-8 (Comma delimited)\" rồi nhập lại", label=label, line=line
        ) from None
    if not text.strip():
        raise Refused("{label}: tệp rỗng, không có dòng tiêu đề và dữ liệu", label=label)
    first_line = text.lstrip().split("\n", 1)[0]
    # Excel in a Vietnamese locale saves "CSV" with ";" between cells.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Row by row in Python, not list(reader): one C call over 100,000 rows would hold Python's
        # lock for a second and freeze the window that runs this import in a worker thread.
        records = [record for record in reader]
    except csv.Error as exc:
        raise Refused("{label}: dòng {line_num}: không đọc được dạng CSV ({error})",
                      label=label, line_num=reader.line_num, error=exc) from None
    header_row = 1
    while header_row <= len(records) and all(blank(cell) for cell in records[header_row - 1]):
        header_row += 1
    if header_row != 1:
        raise Refused("{label}: dòng 1 phải là dòng tiêu đề (tên các cột), nhưng đang để trống", label=label)
    names = _header(records[0], label, None)
    table = recognise(names, label)
    raw = RawTable(table, None)
    _collect_rows(raw, names, enumerate(records[1:], start=2), label)
    return raw


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
            label=label, value=', '.join(n for n in names if n), tables=tables
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
                label=where(label, sheet, 1), name=name, value=seen[name], index=index
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
            label=where(label, sheet, 1), problems=problems, table=table, expected=','.join(expected)
        )


def _collect_rows(raw: RawTable, names: list[str], numbered_rows, label: str) -> None:
    width = len(names)
    for number, cells in numbered_rows:
        values = {name: cell for name, cell in zip(names, cells) if not blank(cell)}
        for index in range(width, len(cells)):
            if not blank(cells[index]):
                raise Refused(
                    "{label}: ô thứ {value} có giá trị nhưng nằm ngoài các cột của tiêu đề ({length} cột)",
                    label=where(label, raw.sheet, number), value=index + 1, length=len(names)
                )
        if values:  # a blank row is skipped; its number still counts
            raw.rows.append((number, values))


# -- xlsx ------------------------------------------------------------------------------------

def read_xlsx(path: Path) -> list[RawTable]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    label = path.name
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise Refused("{label}: không đọc được tệp Excel (.xlsx) — tệp hỏng hoặc không phải .xlsx ({error})",
                      label=label, error=exc) from None
    except OSError as exc:
        raise Refused("{label}: không đọc được tệp ({error})", label=label, error=exc.strerror) from None
    tables: list[RawTable] = []
    try:
        for sheet in workbook.worksheets:
            title = nfc(sheet.title)
            if fold(title) == fold(GUIDE_SHEET):
                continue
            sheet.reset_dimensions()  # some writers store a wrong size; read what is there
            rows = sheet.iter_rows(values_only=True)
            table = title.lower() if title.lower() in TABLES else None
            if table is None:
                if any(not blank(cell) for row in rows for cell in row):
                    raise Refused(
                        "{label}: trang tính '{title}' không phải bảng của mẫu ({TABLES}, {GUIDE_SHEET}); hãy đổi "
                        "tên trang đúng tên bảng hoặc xóa trang",
                        label=label, title=title, TABLES=', '.join(TABLES), GUIDE_SHEET=GUIDE_SHEET
                    )
                continue
            first = next(rows, None)
            if first is None or all(blank(cell) for cell in first):
                if any(not blank(cell) for row in rows for cell in row):
                    raise Refused("{label}: dòng 1 phải là dòng tiêu đề (tên các cột)", label=where(label, title, 1))
                continue
            names = _header(first, label, title, table)
            _check_columns(names, table, label, title)
            raw = RawTable(table, title)
            _collect_rows(raw, names, enumerate(rows, start=2), label)
            tables.append(raw)
    finally:
        workbook.close()
    if not tables:
        raise Refused(
            "{label}: không có trang tính nào của mẫu ({TABLES}); hãy dùng tệp tạo bằng lệnh data template",
            label=label, TABLES=', '.join(TABLES)
        )
    return tables
