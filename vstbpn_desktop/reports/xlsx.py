"""Every table of the period as an Excel workbook (openpyxl): one sheet each, typed cells.

Numbers stay numbers and dates stay dates (dd/mm/yyyy), so officers can sum and sort. Text that
Excel would take for a formula (=, +, -, @, tab) is written as a string with the quote prefix,
never as a formula: a title typed as "=HYPERLINK(...)" must not run when the file is opened.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .content import Report, Table as ReportTable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "dd/mm/yyyy"
NUMBER_FORMATS = {"int": "#,##0", "number": "#,##0.##", "percent": "0.00"}
MAX_WIDTH = 60


def text_cell(cell, value: str) -> None:
    """A string, always: data_type 's' and the quote prefix, whatever the first character."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def write_sheet(sheet, table: ReportTable) -> int:
    thin = Side(style="thin", color="999999")
    header_font = Font(name="Times New Roman", bold=True)
    body_font = Font(name="Times New Roman")
    fill = PatternFill("solid", fgColor="DDE4EE")
    widths = [len(column.header) + 2 for column in table.columns]
    for index, column in enumerate(table.columns, 1):
        cell = sheet.cell(row=1, column=index)
        text_cell(cell, column.header)
        cell.font, cell.fill = header_font, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
    count = 0
    for count, row in enumerate(table.rows(), 1):
        for index, (column, value) in enumerate(zip(table.columns, row), 1):
            cell = sheet.cell(row=count + 1, column=index)
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
                text = str(value)
                text_cell(cell, text)
                if len(text) > MAX_WIDTH:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                width = max((len(line) for line in text.splitlines()), default=0)
            widths[index - 1] = max(widths[index - 1], min(width + 2, MAX_WIDTH))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if count:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{count + 1}"
    return count


def write_xlsx(report: Report, target: Path) -> dict[str, int]:
    workbook = Workbook()
    workbook.remove(workbook.active)
    counts = {}
    for table in report.tables:
        sheet = workbook.create_sheet(table.name[:31])
        counts[table.name] = write_sheet(sheet, table)
    workbook.properties.title = f"{report.title} {report.subject}"
    workbook.properties.creator = "VSTBPN Desktop"
    workbook.save(str(target))
    return counts
