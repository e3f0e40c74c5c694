"""`data template`: the .xlsx workbook an officer fills in and gives to `data import`.

One sheet per table (activities, documents, indicators, narratives) whose header cells show
the Vietnamese label and the contract's column name ("Ngày (date)"), bold and frozen, with
drop-down lists for codes and checks on counts; and a guide sheet "Hướng dẫn" that explains
every column, every code and the rules.
"""

import math
from pathlib import Path

from ..atomic import atomic_path, refused_output
from ..catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, entry_indicators, indicators
from ..catalogue.national import cell_key, national_catalogue
from ..errors import Refused
from .columns import GUIDE_SHEET, TABLES, header_text

LAST_ROW = 20000  # how far down the drop-downs and formats reach
DATE_FORMAT = "DD/MM/YYYY"

RULES = [
    "Mỗi trang tính là một bảng; dòng 1 là tiêu đề, không sửa, không xóa. Dữ liệu bắt đầu từ dòng 2.",
    "Tên trang tính (activities, documents, indicators, narratives) phải giữ nguyên; "
    "trang không dùng có thể để trống. Đừng thêm trang tính khác.",
    "Ngày viết dạng dd/mm/yyyy (02/02/2023) hoặc yyyy-mm-dd (2023-02-02); ngày phải có thật (không có 31/02).",
    "Số cuộc, buổi (sessions) ≥ 1; số người tham dự và số nữ là số nguyên ≥ 0; số nữ không lớn hơn tổng số.",
    "Chỉ tiêu: chỉ nhập các chỉ tiêu đếm được; tỷ lệ (%) và số liệu từ hoạt động được tính tự động. "
    "Số nữ (hoặc số được hỗ trợ, được tư vấn) không lớn hơn tổng số tương ứng.",
    "Kỳ báo cáo viết 2023H1 (6 tháng đầu năm), 2023H2 (6 tháng cuối năm) hoặc 2023 (cả năm).",
    "Tệp được nhập toàn bộ hoặc không nhập gì: nếu có lỗi, chương trình báo trang tính, dòng, cột và "
    "lý do; sửa rồi nhập lại. Nhập lại cùng tệp không tạo bản ghi trùng.",
    'Có thể lưu một trang thành CSV để nhập riêng: chọn "CSV UTF-8 (Comma delimited)".',
]


def write_template(out: Path) -> Path:
    """Write the template atomically; a bad output path is refused, no half-written file."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise Refused("{out}: tệp mẫu phải có đuôi .xlsx", out=out)
    workbook = build_template()
    with refused_output(out), atomic_path(out) as temp:
        workbook.save(temp)
    return out


def build_template():
    from openpyxl import Workbook  # lazy: openpyxl/lxml load only when a workbook is read or written

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table, columns in TABLES.items():
        _data_sheet(workbook.create_sheet(table), table, columns)
    _guide_sheet(workbook.create_sheet(GUIDE_SHEET))
    workbook.active = 0
    return workbook


def _choices(codes) -> str:
    return '"' + ",".join(codes) + '"'


def _data_sheet(sheet, table: str, columns) -> None:
    # lazy: openpyxl/lxml load only when a workbook is read or written
    # lazy: openpyxl/lxml load only when a workbook is read or written
    # lazy: openpyxl/lxml load only when a workbook is read or written
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter  # lazy: openpyxl/lxml load only when a workbook is read or written

    # lazy: openpyxl/lxml load only when a workbook is read or written
    # lazy: openpyxl/lxml load only when a workbook is read or written
    # lazy: openpyxl/lxml load only when a workbook is read or written
    from openpyxl.worksheet.datavalidation import DataValidation

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=header_text(column))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(index)
        width = max(column.width, len(header_text(column)) + 2)
        sheet.column_dimensions[letter].width = width
        area = f"{letter}2:{letter}{LAST_ROW}"
        check = _validation(table, column)
        if check is not None:
            rule, title, message = check
            validation = DataValidation(
                **rule,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=title,
                error=message,
                showInputMessage=True,
                promptTitle=column.label[:32],
                prompt=column.help[:255],
            )
            validation.add(area)
            sheet.add_data_validation(validation)
        if column.kind == "date":
            # Style the column, not every cell, so empty rows stay empty.
            sheet.column_dimensions[letter].number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32
    sheet.print_title_rows = "1:1"
    _fit_to_page_width(sheet)


def _validation(table: str, column):
    """(DataValidation arguments, error title, error text) for a column, or None."""
    if column.kind == "code" and column.name == "kind":
        vocabulary = ACTIVITY_KINDS if table == "activities" else DOCUMENT_KINDS
        return (
            {"type": "list", "formula1": _choices(vocabulary)},
            "Loại không hợp lệ",
            f"Chọn một mã trong danh sách: {', '.join(vocabulary)}.",
        )
    if column.name == "indicator":
        # Activity figures too: typed for the whole area only (coverage area).
        codes = [i.code for i in entry_indicators() if i.typed or i.kind == "from_activities"]
        return (
            {"type": "list", "formula1": _choices(codes)},
            "Mã chỉ tiêu không hợp lệ",
            "Chọn một mã chỉ tiêu trong danh sách (xem trang Hướng dẫn).",
        )
    if column.name == "section":
        # Another section name of the report is allowed: warn, do not stop.
        return (
            {"type": "list", "formula1": _choices(NARRATIVE_SECTIONS), "errorStyle": "warning"},
            "Mục khác danh mục",
            "Mục này không có trong danh mục; vẫn nhập được nếu là tên mục khác của báo cáo.",
        )
    if column.kind == "count":
        minimum = 1 if column.name == "sessions" else 0
        return (
            {"type": "whole", "operator": "greaterThanOrEqual", "formula1": str(minimum)},
            "Số không hợp lệ",
            f"Nhập số nguyên lớn hơn hoặc bằng {minimum}.",
        )
    if column.kind == "number":
        return (
            {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"},
            "Số không hợp lệ",
            "Nhập số lớn hơn hoặc bằng 0.",
        )
    if column.kind == "date":
        return (
            {"type": "date", "operator": "between", "formula1": "36526", "formula2": "73415", "errorStyle": "warning"},
            "Ngày không hợp lệ",
            "Nhập ngày dạng dd/mm/yyyy, ví dụ 02/02/2023.",
        )
    return None


def _fit_to_page_width(sheet) -> None:
    """Printed, a sheet is landscape and one page wide."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _guide_sheet(sheet) -> None:
    from openpyxl.styles import Alignment, Font  # lazy: openpyxl/lxml load only when a workbook is read or written

    title_font, bold = Font(bold=True, size=14), Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    widths = {1: 30, 2: 46, 3: 72}
    for index, width in widths.items():
        sheet.column_dimensions["ABC"[index - 1]].width = width
    _fit_to_page_width(sheet)
    row = 1

    def line(*values, font=None, merge=False):
        """One row; a lone heading overflows to the right, longer text wraps in its column."""
        nonlocal row
        lines = 1
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=index, value=value)
            if font:
                cell.font = font
            if len(values) > 1 and value:
                cell.alignment = wrap
                width = widths[index] + (widths[3] if merge and index == 2 else 0)
                lines = max(lines, math.ceil(len(str(value)) * 1.15 / width))
        if merge:
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        if lines > 1:
            sheet.row_dimensions[row].height = 15 * lines
        row += 1

    line("Mẫu nhập số liệu công tác Vì sự tiến bộ của phụ nữ và bình đẳng giới", font=title_font)
    line("Nhập bằng lệnh: vstbpn data import TỆP.xlsx (hoặc trong cửa sổ chương trình).")
    row += 1
    line("Quy tắc chung", font=bold)
    for number, rule in enumerate(RULES, start=1):
        line(f"{number}.", rule, merge=True)
    for table, columns in TABLES.items():
        row += 1
        line(f"Trang {table}", font=bold)
        line("Cột", "Tiêu đề", "Cách ghi", font=bold)
        for column in columns:
            line(column.name, header_text(column), column.help)
    row += 1
    line("Mã loại hoạt động (activities, cột kind)", font=bold)
    for code, (name_vi, _) in ACTIVITY_KINDS.items():
        line(code, name_vi)
    row += 1
    line("Mã loại văn bản (documents, cột kind)", font=bold)
    for code, (name_vi, _) in DOCUMENT_KINDS.items():
        line(code, name_vi)
    row += 1
    line("Mã chỉ tiêu được nhập (indicators, cột indicator)", font=bold)
    line("Mã", "Tên chỉ tiêu", "Đơn vị tính, ràng buộc", font=bold)
    catalogue = indicators()
    for indicator in entry_indicators():
        if indicator.typed:
            bound = f"; không lớn hơn {indicator.at_most}" if indicator.at_most else ""
            line(indicator.code, indicator.name_vi, f"{indicator.unit_vi}{bound}")
    row += 1
    line("Ô phân tổ (indicators, cột cell): mỗi ô một dòng, ô không ghi là 0", font=bold)
    line("Mã chỉ tiêu", "Ô phân tổ (cell)", "Nghĩa", font=bold)
    shape = national_catalogue()
    for indicator in catalogue.values():
        if indicator.typed and indicator.dimensions:
            for cell in shape.cells(indicator.code):
                meaning = ", ".join(
                    next(c.name_vi for c in shape.dimensions[d].categories if c.code == category)
                    for d, category in cell
                )
                line(indicator.code, cell_key(cell), meaning)
    row += 1
    line("Chỉ tiêu tính tự động (không nhập)", font=bold)
    for indicator in catalogue.values():
        if not indicator.typed:
            how = (
                f"= {indicator.numerator} / {indicator.denominator} × 100 %"
                if indicator.kind == "share"
                else "tính từ các hoạt động (trang activities); số liệu toàn địa bàn nhập ở trang indicators "
                "với coverage = area"
            )
            line(indicator.code, indicator.name_vi, how)
    row += 1
    line("Mục nội dung báo cáo (narratives, cột section)", font=bold)
    for code, (name_vi, _) in NARRATIVE_SECTIONS.items():
        line(code, name_vi)
    line("Có thể ghi tên mục khác của báo cáo (tối đa 60 ký tự).")
