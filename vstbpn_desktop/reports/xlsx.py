"""Every table of the period as an Excel workbook (openpyxl): one sheet each, typed cells.

Numbers stay numbers and dates stay dates (dd/mm/yyyy), so officers can sum and sort. Text that
Excel would take for a formula (=, +, -, @, tab) is written as a string with the quote prefix,
never as a formula: a title typed as "=HYPERLINK(...)" must not run when the file is opened.

Each sheet opens with title rows (the table's name; the unit and period; the report's number and
date, as the annex line of the PDF), then the header row (frozen, filtered) and the data. Columns
the printed annex hides (the indicator's code) come last, after the names officers read. Text
goes through layout.printable: characters a spreadsheet cannot hold are dropped, never fatal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .content import Report
from .content import Table as ReportTable
from .layout import printable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "dd/mm/yyyy"
NUMBER_FORMATS = {"int": "#,##0", "number": "#,##0.##", "percent": "0.00"}
MAX_WIDTH = 60
TITLE_ROWS = 4  # three lines of title and a blank row before the header


def text_cell(cell, value: str) -> None:
    """A string, always: data_type 's' and the quote prefix, whatever the first character."""
    value = printable(value)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def column_order(table: ReportTable) -> list[int]:
    """The printed columns first, then those the annex hides (codes)."""
    shown = [i for i, c in enumerate(table.columns) if c.width > 0]
    return shown + [i for i, c in enumerate(table.columns) if c.width <= 0]


def title_rows(sheet, report: Report, table: ReportTable) -> None:
    lines = [
        (table.title.upper(), 13, True, False),
        (f"{report.unit_name}, {report.period.label_vi}", 12, False, False),
        (report.annex_reference, 11, False, True),
    ]
    for row, (text, size, bold, italic) in enumerate(lines, 1):
        cell = sheet.cell(row=row, column=1)
        text_cell(cell, text)
        cell.font = Font(name="Times New Roman", size=size, bold=bold, italic=italic)


def write_sheet(sheet, table: ReportTable, report: Report) -> int:
    thin = Side(style="thin", color="999999")
    header_font = Font(name="Times New Roman", bold=True)
    body_font = Font(name="Times New Roman")
    fill = PatternFill("solid", fgColor="DDE4EE")
    order = column_order(table)
    columns = [table.columns[i] for i in order]
    top = TITLE_ROWS
    title_rows(sheet, report, table)
    widths = [len(column.header) + 2 for column in columns]
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(row=top + 1, column=index)
        text_cell(cell, column.header)
        cell.font, cell.fill = header_font, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
    count = 0
    for count, raw in enumerate(table.rows(), 1):
        row = [raw[i] for i in order]
        for index, (column, value) in enumerate(zip(columns, row, strict=True), 1):
            cell = sheet.cell(row=top + count + 1, column=index)
            cell.font = body_font
            if value is None:
                continue
            if column.kind == "date" and isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT
                width = 11
            elif column.kind in NUMBER_FORMATS and isinstance(value, (int, float)):
                cell.value = int(value) if float(value).is_integer() and column.kind == "int" else value
                cell.number_format = NUMBER_FORMATS[column.kind]
                width = len(f"{value:,}") + 1
            else:
                text_cell(cell, str(value))
                text = cell.value
                if len(text) > MAX_WIDTH or "\n" in text:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                width = max((len(line) for line in text.splitlines()), default=0)
            widths[index - 1] = max(widths[index - 1], min(width + 2, MAX_WIDTH))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{top + 2}"
    if count:
        sheet.auto_filter.ref = f"A{top + 1}:{get_column_letter(len(columns))}{top + count + 1}"
    return count


def write_xlsx(report: Report, target: Path) -> dict[str, int]:
    workbook = Workbook()
    workbook.remove(workbook.active)
    counts = {}
    for table in report.tables:
        sheet = workbook.create_sheet(table.name[:31])
        counts[table.name] = write_sheet(sheet, table, report)
    workbook.properties.title = f"{report.title} {report.subject}"
    workbook.properties.creator = "VSTBPN Desktop"
    workbook.save(str(target))
    return counts
