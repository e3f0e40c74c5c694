"""The report as an editable Word document (python-docx), in the same layout as the PDF.

Times New Roman is named on every run (ascii, hAnsi, east-asian and complex-script slots), so
Word on the officer's laptop uses it; the page number is a PAGE field in the header of every
page but the first (a different first-page header). Section headings ("I. …", "1. …") and annex
titles use Word's Heading 1/2 styles, restyled to the official look (Times New Roman 14 bold,
black), so Word's navigation pane lists the sections. Annex tables have a fixed layout with the
column widths of the PDF (grid and every cell, for Word and LibreOffice) and a repeated header
row; the chart is the PDF's chart as a picture. All text goes through layout.printable, so text
XML cannot hold never stops the writer.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from reportlab.pdfbase.pdfmetrics import stringWidth

from .content import NATIONAL_MOTTO, Annex, Para, Report
from .content import Table as ReportTable
from .fonts import register_fonts
from .layout import PADDING, printable
from .pdf import addressee_lines, chart_png, fit_table, header_lines

FONT = "Times New Roman"
POINTS_PER_MM = 72 / 25.4


def set_font(run, size: float | None = None, bold=None, italic=None) -> None:
    run.font.name = FONT
    times_new_roman(run._element.get_or_add_rPr())
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic


def times_new_roman(properties) -> None:
    """Times New Roman in the four font slots of a run's or style's properties (no theme font)."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def add_text(
    container,
    text: str,
    size: float = 14,
    bold=False,
    italic=False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    space_after: float = 0,
    indent: bool = False,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(space_after), Pt(0)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    set_font(paragraph.add_run(printable(text)), size, bold, italic)
    return paragraph


def add_rule(container, width_mm: float, column_mm: float):
    """A short centred rule: an empty paragraph with a bottom border, indented to `width_mm`."""
    paragraph = container.add_paragraph()
    side = max((column_mm - width_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.space_after, fmt.space_before = Pt(2), Pt(0)
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def set_widths(table, widths) -> None:
    """Both the grid and every cell: Word reads the cells, LibreOffice the grid."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def no_borders(table) -> None:
    properties = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def grid(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    properties.append(borders)


def text_width_mm(text: str, size: float, bold: bool = False) -> float:

    fonts = register_fonts()
    return stringWidth(text, fonts.bold if bold else fonts.regular, size) / POINTS_PER_MM


def page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            value = OxmlElement("w:t")
            value.text = "2"
            run._r.append(value)


HEADING_STYLES = {"heading": "Heading 1", "item": "Heading 2"}


def official_headings(document) -> None:
    """Word's Heading 1 and 2 (navigation pane, outline) in the official look: Times New Roman
    14 bold, black, kept with the next paragraph; no theme font, no colour, no extra space."""
    for name in HEADING_STYLES.values():
        style = document.styles[name]
        properties = style.element.get_or_add_rPr()
        times_new_roman(properties)
        color = properties.find(qn("w:color"))
        if color is not None:
            properties.remove(color)
        style.font.size, style.font.bold, style.font.italic = Pt(14), True, False
        fmt = style.paragraph_format
        fmt.keep_with_next, fmt.keep_together = True, True
        fmt.space_before, fmt.space_after = Pt(0), Pt(6)


def body_paragraph(document, paragraph: Para) -> None:
    out = document.add_paragraph(style=HEADING_STYLES.get(paragraph.kind))
    out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = out.paragraph_format
    fmt.first_line_indent = Mm(12.7)
    fmt.space_after = Pt(6)
    fmt.space_before = Pt(6 if paragraph.kind == "heading" else 0)
    fmt.line_spacing = 1.15
    if paragraph.kind in ("heading", "item"):
        fmt.keep_with_next = True
    strong = paragraph.kind in ("heading", "item")
    for run in paragraph.runs:
        set_font(out.add_run(printable(run.text)), 14, strong or run.bold, run.italic)


def header_block(document, report: Report, width_mm: float) -> None:
    left_mm, right_mm = 74, width_mm - 74
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    no_borders(table)
    set_widths(table, [Mm(left_mm), Mm(right_mm)])

    fonts = register_fonts()
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    for line in header_lines(report.header.parent_body, fonts.regular, left_mm * POINTS_PER_MM):
        add_text(left, line, 13 if text_width_mm(line, 13) <= left_mm else 12)
    issuing = header_lines(report.header.issuing_body, fonts.bold, left_mm * POINTS_PER_MM)
    for line in issuing:
        add_text(left, line, 13 if text_width_mm(line, 13, True) <= left_mm else 12, bold=True)
    add_rule(left, max(text_width_mm(line, 13, True) for line in issuing) / 3, left_mm)
    national = NATIONAL_MOTTO[0]
    add_text(right, national, 13 if text_width_mm(national, 13, True) <= right_mm - 2 else 12, bold=True)
    add_text(right, NATIONAL_MOTTO[1], 14, bold=True)
    add_rule(right, text_width_mm(NATIONAL_MOTTO[1], 14, True), right_mm)
    number, dateline = table.cell(1, 0).paragraphs[0], table.cell(1, 1).paragraphs[0]
    for paragraph, text, size, italic in (
        (number, report.header.number, 13, False),
        (dateline, report.header.place_date, 14, True),
    ):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(4)
        set_font(paragraph.add_run(printable(text)), size, False, italic)
    add_text(document, report.title, 14, bold=True).paragraph_format.space_before = Pt(18)
    add_text(document, report.subject, 14, bold=True)
    add_rule(document, max(min(text_width_mm(report.subject, 14, True), width_mm * 0.8) / 4, 30), width_mm)
    addressee_block(document, report, width_mm)
    add_text(document, "", 8)


def addressee_block(document, report: Report, width_mm: float) -> None:
    """ "Kính gửi: X." centred; several addressees as "- X;" lines aligned under the colon."""
    lines = addressee_lines(report.addressees)
    if len(lines) == 1:
        add_text(document, lines[0], 14).paragraph_format.space_before = Pt(4)
    elif lines:
        label_mm = text_width_mm("Kính gửi: ", 14) + 1
        lines_mm = min(max(text_width_mm(printable(line), 14) for line in lines) + 2, width_mm - label_mm)
        table = document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        no_borders(table)
        set_widths(table, [Mm(label_mm), Mm(lines_mm)])
        label, cell = table.cell(0, 0), table.cell(0, 1)
        set_font(label.paragraphs[0].add_run("Kính gửi:"), 14)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for line in lines:
            add_text(cell, line, 14, align=WD_ALIGN_PARAGRAPH.LEFT)


def closing_block(document, report: Report, width_mm: float) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    no_borders(table)
    set_widths(table, [Mm(width_mm / 2)] * 2)
    whole = OxmlElement("w:cantSplit")  # the signature block never splits: the name stays under the title
    table.rows[0]._tr.get_or_add_trPr().append(whole)
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = left.paragraphs[0]
    set_font(first.add_run("Nơi nhận:"), 12, True, True)
    for line in report.recipients:
        add_text(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    for line in (report.signer_mandate, report.signer_title):
        if line:
            add_text(right, line, 14, bold=True)
    for _ in range(4):
        add_text(right, "", 14)
    add_text(right, report.signer_name, 14, bold=True)  # printed bold under the space for the signature


def fixed_layout(table, widths_twips: list[int]) -> None:
    """Word and LibreOffice both keep these widths: a fixed layout, the table's width, the grid."""
    properties = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = properties.find(qn(tag))
        if old is not None:
            properties.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(widths_twips)))
    total.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(PADDING * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(total)
    properties.append(layout)
    properties.append(margins)


def tight(paragraph, size: float):
    """A table cell's paragraph: single spacing, no space after, its mark at the table's size (an
    empty cell is otherwise as tall as a 14 pt line)."""
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(1), Pt(1), 1.0
    mark = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        mark.append(element)
    paragraph._p.get_or_add_pPr().append(mark)
    return paragraph


def data_table(document, table: ReportTable, width_mm: float) -> None:
    """Rows are cloned from one template row at the XML level: python-docx's add_row per cell
    is far too slow for a 4,000-row annex. Widths and font size are the PDF's (pdf.fit_table);
    where a code must wrap, a zero-width space after "/" lets Word break there, not mid-word."""
    columns, rows, fit = fit_table(table, width_mm * POINTS_PER_MM, register_fonts())
    twips = [round(w * 20) for w in fit.widths]
    out = document.add_table(rows=2, cols=len(columns))
    out.autofit = False
    grid(out)
    fixed_layout(out, twips)
    set_widths(out, [Twips(w) for w in twips])
    header = out.rows[0]
    header_properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for cell, column in zip(header.cells, columns, strict=True):
        paragraph = tight(cell.paragraphs[0], fit.size)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(paragraph.add_run(printable(column.header)), fit.size, True)
    template = out.rows[1]
    for cell, column in zip(template.cells, columns, strict=True):
        paragraph = tight(cell.paragraphs[0], fit.size)
        paragraph.alignment = (
            WD_ALIGN_PARAGRAPH.RIGHT
            if column.kind in ("int", "number", "percent")
            else WD_ALIGN_PARAGRAPH.CENTER
            if column.kind == "date"
            else WD_ALIGN_PARAGRAPH.LEFT
        )
        set_font(paragraph.add_run("-"), fit.size)  # a w:t element to fill in each clone
    template_tr = template._tr
    body = template_tr.getparent()
    body.remove(template_tr)
    for row in rows:
        tr = copy.deepcopy(template_tr)
        for t, text, column in zip(tr.iter(qn("w:t")), row, columns, strict=True):
            t.text = text.replace("/", "/\u200b") if fit.at_slash and column.kind == "text" else text
            t.set(qn("xml:space"), "preserve")
        body.append(tr)
    if not rows:
        tr = copy.deepcopy(template_tr)
        next(tr.iter(qn("w:t"))).text = "Không có số liệu trong kỳ"
        body.append(tr)


def annex_block(document, annex: Annex, width_mm: float, reference: str = "") -> None:
    title = add_text(document, annex.title, 14, bold=True)
    title.style = document.styles["Heading 1"]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(0)
    title.paragraph_format.page_break_before = True  # not a break paragraph: it could make a blank page
    add_text(document, annex.subtitle, 13, bold=True).paragraph_format.keep_with_next = True
    if reference:
        add_text(document, reference, 13, italic=True).paragraph_format.keep_with_next = True
    document.paragraphs[-1].paragraph_format.space_after = Pt(6)
    if annex.table is not None:
        if annex.table.note:
            add_text(document, annex.table.note, 12, italic=True, space_after=6)
        data_table(document, annex.table, width_mm)
    if annex.chart is not None:
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.space_before = Pt(12)
        picture.add_run().add_picture(
            io.BytesIO(chart_png(annex.chart, (width_mm - 2) * POINTS_PER_MM)), width=Mm(width_mm - 2)
        )
    for paragraph in annex.paragraphs:
        body_paragraph(document, paragraph)


def write_docx(report: Report, target: Path) -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    page_number_header(section)
    official_headings(document)
    width_mm = 210 - 30 - 15
    document.core_properties.title = f"{report.title} {report.subject}"
    document.core_properties.author = report.unit_name
    header_block(document, report, width_mm)
    for paragraph in report.body:
        body_paragraph(document, paragraph)
    closing_block(document, report, width_mm)
    for annex in report.annexes:
        annex_block(document, annex, width_mm, report.annex_reference)
    document.save(str(target))
