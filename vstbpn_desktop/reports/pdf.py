"""The report as PDF in the layout of Decree 30/2020 (Annex I), with reportlab.

`OfficialDocument` owns what every official document shares: A4, the margins, the fonts,
the two-column header and page numbers from page 2 (top centre). A report only supplies its
story of flowables (`report_story`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..formats import format_count, format_date, format_number
from .content import NATIONAL_MOTTO, Annex, Chart, Column, Para, Report
from .content import Table as ReportTable
from .fonts import FontSet, register_fonts
from .layout import PADDING, ColumnFit, fit_columns, printable, wrap

MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}
BODY_SIZE = 14
LEADING = 18  # about 1.3 lines of 14 pt
TABLE_SIZE = 10
CELL_LINES = 50  # lines of one table row: a longer cell continues in the rows below


class OfficialDocument(BaseDocTemplate):
    """A4 with the Decree 30/2020 margins; page 1 unnumbered, the number top centre from page 2."""

    def __init__(self, target, title: str = "", author: str = "", **kwargs):
        self.fonts: FontSet = register_fonts()
        super().__init__(
            str(target),
            pagesize=A4,
            title=title,
            author=author,
            creator="VSTBPN Desktop",
            leftMargin=MARGINS["left"],
            rightMargin=MARGINS["right"],
            topMargin=MARGINS["top"],
            bottomMargin=MARGINS["bottom"],
            # Otherwise the canvas starts every page in Helvetica, a font that is never embedded.
            initialFontName=self.fonts.regular,
            initialFontSize=BODY_SIZE,
            **kwargs,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="first", frames=[frame], onPage=self._first_page, autoNextPageTemplate="later"),
                PageTemplate(id="later", frames=[frame], onPage=self._page_number),
            ]
        )
        self.styles = make_styles(self.fonts)

    def _first_page(self, canvas, doc) -> None:
        pass

    def _page_number(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 13)
        canvas.drawCentredString(self.pagesize[0] / 2, self.pagesize[1] - 12 * mm, str(doc.page))
        canvas.restoreState()


def make_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=BODY_SIZE, leading=LEADING, textColor=colors.black)

    def style(name, **kw):
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": style("body", alignment=TA_JUSTIFY, firstLineIndent=12.7 * mm, spaceAfter=6),
        # Headings stay with the paragraph after them: never alone at the foot of a page.
        "heading": style(
            "heading",
            fontName=fonts.bold,
            alignment=TA_JUSTIFY,
            firstLineIndent=12.7 * mm,
            spaceBefore=6,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "item": style(
            "item", fontName=fonts.bold, alignment=TA_JUSTIFY, firstLineIndent=12.7 * mm, spaceAfter=6, keepWithNext=1
        ),
        "addressee": style("addressee", fontSize=14, leading=17, alignment=TA_CENTER, spaceBefore=4),
        "addressee_line": style("addressee_line", fontSize=14, leading=17, alignment=TA_LEFT),
        "head_regular": style("head_regular", fontSize=13, leading=15, alignment=TA_CENTER),
        "head_bold": style("head_bold", fontName=fonts.bold, fontSize=13, leading=15, alignment=TA_CENTER),
        "motto": style("motto", fontName=fonts.bold, fontSize=14, leading=16, alignment=TA_CENTER),
        "number": style("number", fontSize=13, leading=16, alignment=TA_CENTER),
        "dateline": style("dateline", fontName=fonts.italic, fontSize=14, leading=16, alignment=TA_CENTER),
        "title": style("title", fontName=fonts.bold, fontSize=14, leading=17, alignment=TA_CENTER, spaceBefore=18),
        "subject": style("subject", fontName=fonts.bold, fontSize=14, leading=17, alignment=TA_CENTER),
        "recipients_title": style("recipients_title", fontName=fonts.bold_italic, fontSize=12, leading=14),
        "recipient": style("recipient", fontSize=11, leading=13),
        "signer": style("signer", fontName=fonts.bold, fontSize=14, leading=17, alignment=TA_CENTER),
        "annex_title": style(
            "annex_title", fontName=fonts.bold, fontSize=14, leading=17, alignment=TA_CENTER, keepWithNext=1
        ),
        "annex_subtitle": style(
            "annex_subtitle", fontName=fonts.bold, fontSize=13, leading=16, alignment=TA_CENTER, keepWithNext=1
        ),
        "annex_reference": style(
            "annex_reference",
            fontName=fonts.italic,
            fontSize=13,
            leading=16,
            alignment=TA_CENTER,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "annex_note": style(
            "annex_note", fontName=fonts.italic, fontSize=12, leading=14, alignment=TA_CENTER, spaceAfter=6
        ),
        "cell": style("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_LEFT),
        "cell_number": style("cell_number", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_RIGHT),
        "cell_head": style(
            "cell_head", fontName=fonts.bold, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_CENTER
        ),
    }


def safe(value) -> str:
    """Paragraph markup of any text: what XML cannot hold dropped, "<" and "&" escaped, line breaks kept."""
    return escape(printable(value)).replace("\n", "<br/>")


def markup(paragraph: Para) -> str:
    out = []
    for run in paragraph.runs:
        words = safe(run.text)
        if run.bold:
            words = f"<b>{words}</b>"
        if run.italic:
            words = f"<i>{words}</i>"
        out.append(words)
    return "".join(out)


def rule(width: float) -> HRFlowable:
    return HRFlowable(width=width, thickness=0.6, color=colors.black, hAlign="CENTER", spaceBefore=3, spaceAfter=2)


def fitted(text: str, style: ParagraphStyle, width: float, smallest: float = 12) -> ParagraphStyle:
    """Keep a header line on one line: 13 pt when it fits, down to 12 pt (Decree 30/2020 allows 12-13)."""
    size = style.fontSize
    while size > smallest and stringWidth(text, style.fontName, size) > width:
        size -= 0.5
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size + 2)


def header_lines(text: str, font: str, width: float) -> list[str]:
    """Lines of a header block: the officer's own line breaks, else one line, else a break before
    "VÀ …" or at the most balanced word ("BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ / VÀ BÌNH ĐẲNG GIỚI")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [""]
    if len(lines) > 1 or stringWidth(lines[0], font, 12) <= width:
        return lines
    words = lines[0].split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [pair for pair in splits if stringWidth(pair[0], font, 12) <= width]
    for first, second in fitting:
        if second.startswith("VÀ "):
            return [first, second]
    if not fitting:
        return lines
    return list(min(fitting, key=lambda pair: max(stringWidth(p, font, 13) for p in pair)))


# -- the story ------------------------------------------------------------------------------


def header_story(report: Report, doc: OfficialDocument) -> list:
    s, fonts = doc.styles, doc.fonts
    left_width, right_width = 74 * mm, doc.width - 74 * mm
    issuing_lines = header_lines(report.header.issuing_body, fonts.bold, left_width)
    issuing = [Paragraph(safe(line), fitted(line, s["head_bold"], left_width)) for line in issuing_lines]
    issuing_line = max(stringWidth(line, fonts.bold, 13) for line in issuing_lines) / 3
    national = NATIONAL_MOTTO[0]
    left = [
        *(
            Paragraph(safe(line), fitted(line, s["head_regular"], left_width))
            for line in header_lines(report.header.parent_body, fonts.regular, left_width)
        ),
        *issuing,
        rule(min(issuing_line, left_width)),
    ]
    right = [
        Paragraph(national, fitted(national, s["head_bold"], right_width)),
        Paragraph(NATIONAL_MOTTO[1], s["motto"]),
        rule(stringWidth(NATIONAL_MOTTO[1], fonts.bold, 14)),
    ]
    table = Table(
        [
            [left, right],
            [
                Paragraph(safe(report.header.number), s["number"]),
                Paragraph(safe(report.header.place_date), s["dateline"]),
            ],
        ],
        colWidths=[left_width, right_width],
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.regular, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
            ]
        )
    )
    subject_width = min(stringWidth(report.subject, fonts.bold, 14), doc.width * 0.8)
    return [
        table,
        Paragraph(safe(report.title), s["title"]),
        Paragraph(safe(report.subject), s["subject"]),
        rule(max(subject_width / 4, 30 * mm)),
        *addressee_story(report, doc),
        Spacer(1, 8),
    ]


def addressee_lines(addressees: list[str]) -> list[str]:
    """Decree 30/2020: one addressee on the line of "Kính gửi:" ending with "."; several each on
    its own line, "- X;" aligned under the colon, the last ending with "."."""
    if len(addressees) == 1:
        return [f"Kính gửi: {addressees[0]}."]
    return [f"- {line}{'.' if i == len(addressees) - 1 else ';'}" for i, line in enumerate(addressees)]


def addressee_story(report: Report, doc: OfficialDocument) -> list:
    """The "Kính gửi:" block under the subject, centred on the page (nothing when not chosen)."""
    s, font = doc.styles, doc.fonts.regular
    lines = addressee_lines(report.addressees)
    if not report.addressees:
        return []
    if len(lines) == 1:
        return [Paragraph(safe(lines[0]), s["addressee"])]
    label = "Kính gửi:"
    label_width = stringWidth(label + " ", font, 14) + 2
    width = min(max(stringWidth(printable(line), font, 14) for line in lines) + 4, doc.width - label_width)
    table = Table(
        [[Paragraph(label, s["addressee_line"]), [Paragraph(safe(line), s["addressee_line"]) for line in lines]]],
        colWidths=[label_width, width],
        hAlign="CENTER",
        splitInRow=1,
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING, ("TOPPADDING", (0, 0), (-1, -1), 4)]))
    return [table]


NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def closing_story(report: Report, doc: OfficialDocument) -> list:
    s = doc.styles
    left = [Paragraph("Nơi nhận:", s["recipients_title"])]
    left += [Paragraph(safe(line), s["recipient"]) for line in report.recipients]
    right = [Paragraph(safe(line), s["signer"]) for line in (report.signer_mandate, report.signer_title) if line]
    right += [Spacer(1, 28 * mm), Paragraph(safe(report.signer_name) or "&nbsp;", s["signer"])]
    table = Table([[left, right]], colWidths=[doc.width * 0.5, doc.width * 0.5], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), doc.fonts.regular, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Spacer(1, 6), KeepTogether([table])]


def body_story(report: Report, doc: OfficialDocument) -> list:
    story = []
    for paragraph in report.body:  # headings and items keep with what follows (their style's keepWithNext)
        story.append(
            Paragraph(markup(paragraph), doc.styles[paragraph.kind if paragraph.kind in doc.styles else "body"])
        )
    return story


def cell_text(value, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "date":
        return format_date(value)
    if column.kind in ("int", "number", "percent"):
        if isinstance(value, float) and not value.is_integer():
            return format_number(value, 2)
        return format_count(value)
    return str(value)


def fit_table(
    table: ReportTable, width: float, fonts: FontSet, progress: Callable[[int], None] | None = None
) -> tuple[list[Column], list[list[str]], ColumnFit]:
    """The columns shown (a zero weight hides one, e.g. the indicator code), every row's cell texts
    as printed, and the column widths and font size that hold them (PDF and Word alike)."""
    keep = [i for i, c in enumerate(table.columns) if c.width > 0]
    columns = [table.columns[i] for i in keep]
    rows = []
    for count, row in enumerate(table.rows(), 1):
        rows.append([printable(cell_text(row[i], column)) for i, column in zip(keep, columns, strict=True)])
        if progress and count % 500 == 0:
            progress(count)
    fit = fit_columns(
        [printable(c.header) for c in columns],
        [c.kind for c in columns],
        [c.width for c in columns],
        rows,
        width,
        fonts.regular,
        fonts.bold,
    )
    return columns, rows, fit


def table_flowable(table: ReportTable, doc: OfficialDocument, progress: Callable[[int], None] | None = None):
    """One LongTable for the whole annex: the header row repeats on every page; text cells wrap at
    spaces and after "/" only (layout.py). A cell of any length lays out: a record longer than
    CELL_LINES lines continues in rows below it with no rule between them, so the table breaks
    between those rows like any other (a 20,000-character title spans several pages)."""
    fonts = doc.fonts
    columns, rows, fit = fit_table(table, doc.width, fonts, progress)
    size, leading = fit.size, fit.size * 1.2
    inner = [w - 2 * PADDING for w in fit.widths]
    # Cells are plain strings of lines already wrapped here: reportlab draws them line by line,
    # with no Paragraph to lay out again (the annex of 1,700 activities builds 3× faster).
    data = [["\n".join(wrap(printable(c.header), w, fonts.bold, size)) for c, w in zip(columns, inner, strict=True)]]
    ends = [0]  # the rows after which a rule is drawn: the last row of each record
    for row in rows:
        cells = [
            wrap(text, w, fonts.regular, size) if column.kind == "text" else [text]
            for text, column, w in zip(row, columns, inner, strict=True)
        ]
        height = max(len(c) for c in cells)
        for start in range(0, height, CELL_LINES):
            data.append(["\n".join(c[start : start + CELL_LINES]) for c in cells])
        ends.append(len(data) - 1)
    empty = len(data) == 1
    if empty:
        data.append(["Không có số liệu trong kỳ"] + [""] * (len(columns) - 1))
        ends.append(1)
    flowable = LongTable(data, colWidths=fit.widths, repeatRows=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, size, leading),
        ("FONT", (0, 0), (-1, 0), fonts.bold, size, leading),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
        *(("LINEBELOW", (0, first), (-1, last), 0.5, colors.black) for first, last in runs(ends)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for position, column in enumerate(columns):
        if column.kind in ("int", "number", "percent"):
            commands.append(("ALIGN", (position, 1), (position, -1), "RIGHT"))
        elif column.kind == "date":
            commands.append(("ALIGN", (position, 1), (position, -1), "CENTER"))
    if empty:
        commands += [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER")]
    flowable.setStyle(TableStyle(commands))
    return flowable


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[0, 1, 2, 5, 6] → [(0, 2), (5, 6)]: one style command per run of consecutive rows."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def chart_drawing(chart: Chart, fonts: FontSet, width: float, height: float = 85 * mm) -> Drawing:
    """The bar chart of an annex: drawn into the PDF, and rasterised for Word (chart_png)."""
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=10)
    drawing.add(
        String(width / 2, height - 12, printable(chart.title), fontName=fonts.bold, fontSize=12, textAnchor="middle")
    )
    if not chart.values:
        drawing.add(
            String(
                width / 2,
                height / 2,
                "Chưa có số liệu để vẽ biểu đồ",
                fontName=fonts.italic,
                fontSize=12,
                textAnchor="middle",
            )
        )
        return drawing
    bars = VerticalBarChart()
    bars.x, bars.y = 40, 45
    bars.width, bars.height = width - 60, height - 75
    bars.data = [chart.values]
    bars.categoryAxis.categoryNames = [printable(label) for label in chart.labels]
    bars.categoryAxis.labels.fontName = fonts.regular
    bars.categoryAxis.labels.fontSize = 8
    many = len(chart.labels) > 5
    bars.categoryAxis.labels.angle = 30 if many else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(50, (int(max(chart.values)) // 10 + 2) * 10)
    bars.valueAxis.valueStep = 10
    bars.valueAxis.labels.fontName = fonts.regular
    bars.valueAxis.labels.fontSize = 9
    bars.valueAxis.labelTextFormat = lambda v: f"{int(v)} %"
    bars.bars[0].fillColor = colors.HexColor("#4a6fa5")
    bars.barLabels.fontName = fonts.regular
    bars.barLabels.fontSize = 8
    bars.barLabelFormat = lambda v: format_number(v, 2)
    bars.barLabels.nudge = 6
    drawing.add(bars)
    return drawing


def chart_png(chart: Chart, width: float, dpi: int = 200) -> bytes:
    """The chart as a PNG picture (Word has no use for reportlab's drawing): drawn to a one-page
    PDF by reportlab and rasterised by PDFium, so it is the very chart of the PDF."""
    import pypdfium2 as pdfium  # lazy: PDFium loads only to draw the chart for Word
    from reportlab.graphics import renderPDF  # lazy: PDFium loads only to draw the chart for Word

    drawing = chart_drawing(chart, register_fonts(), width)
    document = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        page = document[0]
        image = page.render(scale=dpi / 72).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        page.close()
    finally:
        document.close()
    return buffer.getvalue()


def annex_story(annex: Annex, doc: OfficialDocument, reference: str = "", progress=None) -> list:
    """Title, subject, "(Kèm theo Báo cáo số …)" line, then the table, chart or text of an annex."""
    s = doc.styles
    story = [
        PageBreak(),
        Paragraph(safe(annex.title), s["annex_title"]),
        Paragraph(safe(annex.subtitle), s["annex_subtitle"]),
    ]
    if reference:
        story.append(Paragraph(safe(reference), s["annex_reference"]))
    if annex.table is not None and annex.table.note:
        story.append(Paragraph(safe(annex.table.note), s["annex_note"]))
    else:
        story.append(Spacer(1, 8))
    if annex.table is not None:
        story.append(table_flowable(annex.table, doc, progress))
    if annex.chart is not None:
        story += [Spacer(1, 10), KeepTogether([chart_drawing(annex.chart, doc.fonts, doc.width - 4)])]
    for paragraph in annex.paragraphs:
        story.append(Paragraph(markup(paragraph), s[paragraph.kind if paragraph.kind in s else "body"]))
    return story


def report_story(report: Report, doc: OfficialDocument, progress=None) -> list:
    story = header_story(report, doc) + body_story(report, doc) + closing_story(report, doc)
    for annex in report.annexes:
        story += annex_story(annex, doc, report.annex_reference, progress)
    return story


def write_pdf(report: Report, target: Path, progress: Callable[[int], None] | None = None) -> None:
    """Write the report to `target` (callers pass the temporary path of atomic.atomic_path)."""
    doc = OfficialDocument(target, title=f"{report.title} {report.subject}", author=report.unit_name)
    doc.build(report_story(report, doc, progress))
