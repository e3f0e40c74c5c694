"""The report as one model, built from the recorded data; the PDF, Word and Excel writers render it.

The model holds words and raw values (ints, floats, dates), never layout: each writer formats
numbers and dates the Vietnamese way (formats.py) or types them (Excel). Long tables hold a
row factory that reads the database in chunks, so a 4,000-activity annex never becomes 4,000
ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..catalogue import (
    ACTIVITY_KINDS,
    DOCUMENT_KINDS,
    FIGURES_MARK,
    NARRATIVE_SECTIONS,
    Indicator,
    indicators,
    label,
    minimum_codes,
)
from ..catalogue.national import national_catalogue
from ..catalogue.sections import Section, layout
from ..checks import earlier_figures, old_unit_name
from ..domain import indicators as catalogue_state
from ..errors import Refused
from ..figures import Figures
from ..formats import format_count, format_long_date, format_number, format_percent, round_share
from ..periods import Period
from ..profile import Profile
from ..records import Scope, activity_page, indicator_values, list_documents, narratives
from ..summary import enrolled_children, reported_children, unit_figures
from ..text import lower_unit_kinds, nfc, proper_name, tone_marks, unit_display, unit_in_sentence
from .options import ReportOptions

CHUNK = 500


# -- the model -------------------------------------------------------------------------------


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    """A paragraph of the body. kind: heading ("I. …", caps bold), item ("1. …" bold), body, dash."""

    kind: str
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def para(kind: str, *parts: str | Run) -> Para:
    return Para(kind, [part if isinstance(part, Run) else Run(part) for part in parts])


@dataclass
class Column:
    header: str
    kind: str = "text"  # text | int | number | percent | date
    width: float = 1.0  # relative width


@dataclass
class Table:
    """A table of the period: rendered in an annex (PDF, Word) and as one sheet (Excel)."""

    name: str  # sheet name
    title: str
    columns: list[Column]
    rows: Callable[[], Iterator[list]]
    note: str = ""


@dataclass
class Chart:
    title: str
    labels: list[str]
    values: list[float]  # percentages, already rounded
    value_label: str = "%"


@dataclass
class Annex:
    title: str  # "Phụ lục I": numbered in Roman numerals, in the order the body refers to them
    subtitle: str
    table: Table | None = None
    chart: Chart | None = None
    paragraphs: list[Para] = field(default_factory=list)


@dataclass
class Header:
    parent_body: str
    issuing_body: str
    number: str  # "Số: 15/BC-BVSTBPN"
    place_date: str  # "An Giang, ngày 02 tháng 02 năm 2023"


@dataclass
class Report:
    org_unit: str
    unit_name: str
    period: Period
    header: Header
    title: str
    subject: str
    body: list[Para]
    recipients: list[str]
    signer_mandate: str
    signer_title: str
    signer_name: str
    annexes: list[Annex]
    tables: list[Table]  # every table of the period (Excel writes each as a sheet)
    figures: Figures
    consolidated: bool = False
    missing_children: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" lines (options.py)
    annex_reference: str = ""  # "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)" under each annex title
    issued_on: date | None = None  # the dateline's date

    def plain_text(self) -> str:
        return "\n".join(p.text for p in self.body)


NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# -- words for numbers --------------------------------------------------------------------------

NBSP = "\u00a0"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def count_words(value: float | int | None) -> str:
    """Counts under 10 with a leading zero, as official reports write them ("05 chuyên mục")."""
    if value is None:
        return "0"
    if float(value).is_integer() and 0 < value < 10:
        return f"{int(value):02d}"
    return format_count(value)


def percent(value: float | None, places: int = 2) -> str:
    """ "25,36 %", "25 %" (no ",00"), the "%" held to its number by a non-breaking space."""
    if value is not None and float(value).is_integer():
        places = 0
    return format_percent(value, places).replace(" %", NBSP + "%")


def change_words(now: float, before: float) -> str:
    difference = round(now - before, 2)
    if difference > 0:
        return f"tăng {format_number(difference, 2)} điểm{NBSP}% so với cùng kỳ"
    if difference < 0:
        return f"giảm {format_number(-difference, 2)} điểm{NBSP}% so với cùng kỳ"
    return "không thay đổi so với cùng kỳ"


def next_period_words(period: Period) -> str:
    if period.half == 1:
        return f"6 tháng cuối năm {period.year}"
    return f"năm {period.year + 1}"


def span_words(period: Period) -> str:
    """What the report covers, as the opening says it: "6 tháng đầu năm và phương hướng 6 tháng cuối năm 2023"."""
    if period.half == 1:
        return f"6 tháng đầu năm và phương hướng 6 tháng cuối năm {period.year}"
    return f"{period.label_vi} và phương hướng, nhiệm vụ {next_period_words(period)}"


def lower_first(text: str) -> str:
    """ "Hướng dẫn hoạt động" inside a sentence reads "hướng dẫn hoạt động"; keeps acronyms ("UBND")."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() else text[:1].lower() + text[1:]


def names_words(names: list[str]) -> str:
    """ "thành phố Long Xuyên, huyện An Phú và thị xã Tân Châu"."""
    names = [unit_in_sentence(n) for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def citation(kind: str, number: str, day: date, issuer: str, title: str) -> str:
    """ "Kế hoạch số 58/KH-UBND ngày 02 tháng 02 năm 2023 của UBND tỉnh An Giang về việc thực hiện …"."""
    kind_name = label(DOCUMENT_KINDS, kind)
    subject = title[len(kind_name) :].strip() if title.lower().startswith(kind_name.lower() + " ") else title
    subject = lower_first(subject)
    about = subject if subject.startswith("về ") else f"về việc {subject}"
    of = f" của {lower_unit_kinds(issuer)}" if issuer else ""
    return f"{kind_name} số {number} {format_long_date(day)}{of} {about}"


def clean_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def placed(generated: list[Para], text: str | None) -> list[Para]:
    """The recorded figures first, then the officer's text; a line "[số liệu]" in the text puts them there."""
    lines = clean_lines(text or "")
    if FIGURES_MARK in lines:
        at = lines.index(FIGURES_MARK)
        before, after = lines[:at], lines[at + 1 :]
    else:
        before, after = [], lines
    return [para("body", line) for line in before] + generated + [para("body", line) for line in after]


# -- building ---------------------------------------------------------------------------------


class ReportBuilder:
    def __init__(
        self,
        profile: Profile,
        period: Period,
        org_unit: str | None = None,
        issued_on: date | None = None,
        number: str = "",
        options: ReportOptions | None = None,
    ):
        self.profile = profile
        self.settings = profile.settings
        self.rule = self.settings.share_rounding
        self.period = period
        self.code = (org_unit or profile.org_unit_code).strip()
        unit = profile.org_unit(self.code)
        if unit is None:
            raise Refused("mã đơn vị '{code}' không có trong danh mục đơn vị hành chính", code=self.code)
        self.unit = unit
        self.options = options or ReportOptions.from_settings(self.settings, number=number, issued_on=issued_on)
        self.issued_on = self.options.issued_on or date.today()
        self.number = self.options.number
        self.in_text = unit_in_sentence(unit.name)
        self.tree = profile.unit_tree(self.code)
        self.units = list(self.tree)
        self.children = profile.children(self.code)
        self.names = {self.code: unit.name} | {c.code: c.name for c in self.children}
        self.consolidated = len(self.units) > 1
        self.figures = unit_figures(profile, self.code, period)
        self.previous = period.previous_same_kind()
        # Last year's figures; for a unit of the 2025 tree and a period before the reform, the sums of
        # its old units (checks.earlier_figures, docs/org-unit-reform.md), and the report says so.
        before, self.before_units, self.before_exact = earlier_figures(profile, self.code, self.previous)
        self.across_reform = self.before_units != (self.code,)
        self.before = before if before is not None else Figures(self.code, self.previous, [])
        self.catalogue = indicators()
        self.province_targets = catalogue_state.targets(profile.engine)  # the province's own, with their decisions
        self.layout = layout()
        self._restricted: dict[tuple, Figures] = {}
        self.annex_numbers: dict[str, str] = {}  # annex key → "Phụ lục I"

    # figures -------------------------------------------------------------------------------

    def value(self, code: str) -> float | None:
        return self.figures.values.get(code)

    def share(self, code: str, figures: Figures | None = None) -> float | None:
        return (figures or self.figures).share(code, self.rule)

    def target(self, code: str) -> tuple[int, float] | None:
        return self.catalogue[code].goal(self.period.year)

    def restricted(self, period: Period, only: frozenset[str]) -> Figures:
        key = (period.code, only)
        if key not in self._restricted:
            self._restricted[key] = unit_figures(self.profile, self.code, period, only=only)
        return self._restricted[key]

    def comparison(self, code: str) -> tuple[Figures, Figures, frozenset[str] | None] | None:
        """This period's and last year's figures over the same units: (now, before, the units when
        they are fewer than this period's), or None when the two periods share no unit's data."""
        now = self.figures.sources.get(code)
        before = self.before.sources.get(code)
        if not now or not before:
            return None
        if now == before or self.across_reform:  # across the reform: the new unit against its old units
            return self.figures, self.before, None
        common = now & before
        if not common:
            return None
        return self.restricted(self.period, common), self.restricted(self.previous, common), common

    def reform_words(self) -> str:
        """How last year's figures of a unit formed by the 2025 reform were made."""
        names = names_words([old_unit_name(code) for code in self.before_units])
        words = f"so sánh với tổng số liệu của {names} trước khi sắp xếp đơn vị hành chính ngày 01/7/2025"
        return words + ("" if self.before_exact else ", số liệu gần đúng: địa bàn hoặc số liệu các đơn vị cũ không đủ")

    def coverage_words(self, units: frozenset[str]) -> str:
        names = [self.unit_name(code) for code in self.units if code in units]
        return f"so sánh trên số liệu của {names_words(names)}, đơn vị có số liệu ở cả hai kỳ"

    def share_words(self, code: str) -> str:
        """ "chiếm 25,36 % so với mục tiêu theo Quyết định số 238/QĐ-UBND, tăng 2,43 điểm % so với
        cùng kỳ, chưa đạt mục tiêu 60 % đến năm 2025"."""
        now = self.share(code)
        words = f"chiếm {percent(now)}"
        province = catalogue_state.target_in(self.province_targets, code, self.period.year)
        basis = province[2] if province else (self.settings.target_basis or {}).get(code)
        if basis:
            words += f" so với mục tiêu theo {nfc(basis)}"
        compared = self.comparison(code)
        if compared is not None:
            now_figures, before_figures, common = compared
            now_share, before_share = self.share(code, now_figures), self.share(code, before_figures)
            if now_share is not None and before_share is not None:
                words += ", " + change_words(now_share, before_share)
                if common is not None:
                    words += f" ({self.coverage_words(common)})"
                elif self.across_reform:
                    words += f" ({self.reform_words()})"
        if province and now is not None:
            year, value, _decision = province
            verdict = "đạt" if now >= value else "chưa đạt"
            words += f", {verdict} mục tiêu {percent(value)} của tỉnh năm {year}"
        goal = self.target(code)
        if goal and now is not None:  # no share where its parts are of different units or coverage
            year, value = goal
            verdict = "đạt" if now >= value else "chưa đạt"
            words += f", {verdict} mục tiêu {percent(value)} đến năm {year}"
        return words

    # the body -------------------------------------------------------------------------------

    def build(self) -> Report:
        texts = self.own_narratives()
        body: list[Para] = []
        label_vi = self.period.label_vi
        body.append(para("body", texts.get("intro") or self.opening()))
        empty = not any(self.figures.counts.values()) and not any(v for k, v in self.figures.values.items())
        if empty:
            body.append(
                para(
                    "body",
                    Run(
                        f"Trong kỳ chưa có số liệu, hoạt động hay văn bản nào được ghi nhận cho {self.in_text} "
                        f"({label_vi}). Báo cáo này chỉ gồm phần khung; hãy nhập số liệu rồi in lại.",
                        italic=True,
                    ),
                )
            )
        missing: list[str] = []
        enrolled = enrolled_children(self.profile, self.code) if self.consolidated else []
        if self.options.unreported_note and enrolled:
            reported, missing = reported_children(self.profile, self.code, self.period)
            reported = [code for code in reported if code in enrolled]
            missing = [code for code in missing if code in enrolled]
            body.append(para("body", self.consolidation_words(reported, missing)))

        tables = self.tables()
        annexes = self.annexes(tables)
        body += self.parts(texts)
        closing = texts.get("closing") or (
            f"Trên đây là báo cáo kết quả hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới {label_vi} "
            f"của Ban VSTBPN và BĐG {self.in_text}./."
        )
        body.append(para("body", closing))
        for paragraph in body:
            for run in paragraph.runs:
                run.text = tone_marks(lower_unit_kinds(run.text))

        s = self.settings
        return Report(
            org_unit=self.code,
            unit_name=self.unit.name,
            period=self.period,
            header=Header(
                parent_body=nfc(s.parent_body or f"UBND {self.unit.name}").upper(),
                issuing_body=nfc(s.issuing_body or "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ VÀ BÌNH ĐẲNG GIỚI").upper(),
                number=self.number_words(),
                place_date=f"{nfc(s.place_name) or self.place_name()}, {format_long_date(self.issued_on)}",
            ),
            title="BÁO CÁO",
            subject=f"Kết quả hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới {label_vi}",
            body=body,
            recipients=self.recipients(),
            signer_mandate=nfc(s.signer_mandate or "").upper(),
            signer_title=self.options.signer_title.upper(),
            signer_name=self.options.signer_name,
            annexes=annexes,
            # The comments' sheet only when asked for, as its annex.
            tables=[t for k, t in tables.items() if k != "comments" or "comments" in self.annex_numbers],
            figures=self.figures,
            consolidated=self.consolidated,
            missing_children=missing,
            issued_on=self.issued_on,
            addressees=list(self.options.addressees),
            annex_reference=(
                f"(Kèm theo Báo cáo số {self.number_symbol(blank=6)} "
                f"{format_long_date(self.issued_on)} của Ban VSTBPN và BĐG {self.in_text})"
            ),
        )

    def place_name(self) -> str:
        """The dateline's place: the unit's name without its kind ("An Giang, ngày …")."""
        return proper_name(self.unit.name)

    def opening(self) -> str:
        """ "Thực hiện Công văn số 03/UBQG-VP … về việc hướng dẫn hoạt động năm 2023. Ban … báo cáo …"."""
        received = [d for d in self.documents(own_only=True) if d[6] == "received"]
        lead = ""
        if received:
            lead = (
                "Thực hiện "
                + "; ".join(
                    citation(kind, number, day, issuer, title)
                    for number, day, issuer, kind, title, _unit, _ in received
                )
                + ". "
            )
        return (
            lead + f"Ban Vì sự tiến bộ của phụ nữ (VSTBPN) và bình đẳng giới (BĐG) {self.in_text} báo cáo "
            f"kết quả hoạt động {span_words(self.period)}, cụ thể như sau:"
        )

    def number_words(self) -> str:
        return f"Số: {self.number_symbol()}"

    def number_symbol(self, blank: int = 10) -> str:
        """ "15/BC-BVSTBPN", or without a number room to write it by hand before "/BC-BVSTBPN"
        (non-breaking spaces, which no writer collapses)."""
        return f"{self.number or chr(0xA0) * blank}/{self.options.symbol}"

    def recipients(self) -> list[str]:
        """ "- X;" per recipient, the last one "- Lưu: VT, …." as Decree 30/2020 writes them."""
        lines = [lower_unit_kinds(line.lstrip("-–• ").rstrip(";.,")) for line in clean_lines(self.settings.recipients)]
        lines = [line for line in lines if line]
        archive = [line for line in lines if line.lower().startswith("lưu")]
        others = [line for line in lines if not line.lower().startswith("lưu")]
        last = archive[-1] if archive else "Lưu: VT"
        return [f"- {line};" for line in others] + [f"- {last}."]

    def own_narratives(self) -> dict[str, str]:
        return narratives(self.profile.engine, Scope(self.code, self.period))

    def consolidation_words(self, reported: list[str], missing: list[str]) -> str:
        """Who of the units below that send their reports through the app has reported."""
        total = len(reported) + len(missing)
        text = (
            f"Báo cáo tổng hợp số liệu của {self.in_text} và của {len(reported)}/{total} đơn vị cấp dưới "
            f"gửi báo cáo qua phần mềm"
        )
        if missing:
            who = "các đơn vị" if len(missing) > 1 else "đơn vị"
            return (
                text + f"; {who} chưa gửi báo cáo {self.period.label_vi}: "
                f"{names_words([self.names.get(code, code) for code in missing])}."
            )
        return text + "; tất cả các đơn vị này đã gửi báo cáo."

    def parts(self, texts: dict[str, str]) -> list[Para]:
        """ "I. KẾT QUẢ HOẠT ĐỘNG …", its sections "1. …", "2. …" (a part of one section has no
        "1."), each with its figures and the officer's text, in the order of the sections table."""
        words = {"period": self.period.label_vi.upper(), "next_period": next_period_words(self.period).upper()}
        body = []
        for part in self.layout.parts:
            body.append(para("heading", f"{part.number}. {part.heading.format(**words)}"))
            sections = self.layout.in_part(part.number)
            for number, section in enumerate(sections, 1):
                if len(sections) > 1:
                    body.append(para("item", Run(f"{number}. {section.title}", bold=True)))
                body += self.section(section, texts.get(section.code))
            if part.annex_reference:
                body += self.annex_reference()
        return body

    def section(self, section: Section, text: str | None) -> list[Para]:
        """The recorded figures written into sentences, then the officer's text; a section without
        figures is the officer's text alone. Nothing in either says so in italics."""
        if not section.figures:
            return self.narrative_paragraphs(text, section.missing, dashes=section.dashes)
        generated = FIGURE_WRITERS[section.figures](self, section, text or "")
        if not generated and not text:
            generated = [para("body", Run(f"Trong kỳ chưa có số liệu về {section.missing}.", italic=True))]
        return placed(generated, text)

    def narrative_paragraphs(self, text: str | None, what: str, dashes: bool = False) -> list[Para]:
        """The officer's lines; in a list (dashes) each item gets its "-", a lead-in ending with ":" does not."""
        lines = [line for line in clean_lines(text or "") if line != FIGURES_MARK]
        if not lines:
            return [para("body", Run(f"Trong kỳ chưa có nội dung về {what}.", italic=True))]
        items = [line for line in lines if not line.endswith(":")]
        if dashes and len(items) > 1:
            return [para("body", line if line.endswith(":") or line.startswith("-") else f"- {line}") for line in lines]
        return [para("body", line) for line in lines]

    # the figures of a section (FIGURE_WRITERS): sentences, or nothing when nothing was recorded

    def documents_figures(self, _section: Section, written: str) -> list[Para]:
        """The issued documents cited, unless the officer's own words cite what matters."""
        issued = [d for d in self.documents() if d[6] == "issued"]
        if not issued or written:
            return []
        cited = [citation(kind, number, day, issuer, title) for number, day, issuer, kind, title, _u, _d in issued[:8]]
        more = f" và {len(issued) - 8} văn bản khác" if len(issued) > 8 else ""
        if len(issued) == 1:
            return [para("body", f"Trong kỳ đã ban hành {cited[0]}.")]
        return [
            para(
                "body",
                f"Trong kỳ đã ban hành {count_words(len(issued))} văn bản chỉ đạo, "
                f"triển khai, trong đó có: " + "; ".join(cited) + more + ".",
            )
        ]

    def communication_figures(self, _section: Section, _written: str) -> list[Para]:
        sessions = self.value("COMM_SESSIONS") or 0
        people = self.value("COMM_PARTICIPANTS") or 0
        women = self.value("COMM_PARTICIPANTS_FEMALE") or 0
        result = []
        if sessions:
            within = "6 tháng" if self.period.half else "năm"
            sentence = f"Kết quả trong {within} tổ chức {count_words(sessions)} cuộc"
            if people:
                sentence += f" cho {format_count(people)} lượt người tham dự"
            if people and women and self.figures.same_basis("COMM_PARTICIPANTS", "COMM_PARTICIPANTS_FEMALE"):
                share = round_share(women * 100.0 / people, self.rule)
                sentence += f" (trong đó nữ {format_count(women)} lượt, chiếm {percent(share)})"
            result.append(para("body", sentence + "."))
        # A national addition (indicators-national.json, asked once a year), only when reported.
        if self.share("GE_KNOWLEDGE_REACHED_PCT") is not None:
            reached = self.value("GE_KNOWLEDGE_REACHED")
            result.append(
                para(
                    "body",
                    f"Có {format_count(reached)} người được tiếp cận kiến thức cơ bản về bình đẳng giới; tỷ lệ "
                    f"dân số được tiếp cận {self.share_words('GE_KNOWLEDGE_REACHED_PCT')}.",
                )
            )
        return result

    def female_cadres_figures(self, _section: Section, _written: str) -> list[Para]:
        generated = []
        total, women = self.value("LEADERS_TOTAL"), self.value("LEADERS_FEMALE")
        if total:
            levels = " các cấp" if self.figures.covers_area("LEADERS_TOTAL") else ""
            generated.append(
                para(
                    "body",
                    (
                        f"Tổng số cán bộ lãnh đạo, quản lý chính quyền địa phương{levels} là {format_count(total)} "
                        f"người, trong đó nữ cán bộ lãnh đạo, quản lý chính quyền địa phương{levels} là "
                        f"{format_count(women or 0)} người ({self.share_words('LEADERS_FEMALE_PCT')})."
                    ),
                )
            )
        units, with_woman = self.value("KEYLEADER_UNITS_TOTAL"), self.value("KEYLEADER_UNITS_FEMALE")
        if units:
            generated.append(
                para(
                    "body",
                    (
                        f"Trên địa bàn {self.in_text} có {count_words(with_woman or 0)} "
                        f"trong tổng số {count_words(units)} "
                        f"chính quyền địa phương có nữ lãnh đạo chủ chốt "
                        f"({self.share_words('KEYLEADER_UNITS_FEMALE_PCT')})."
                    ),
                )
            )
        return generated

    def violence_figures(self, _section: Section, _written: str) -> list[Para]:
        sentences = []
        contacts = self.value("HOTLINE_CONTACTS")
        if contacts is not None:
            sentences.append(f"các đường dây nóng (18008077, 111) đã tiếp nhận {count_words(contacts)} cuộc gọi")
        victims = self.value("GBV_VICTIMS_DETECTED")
        if victims:
            sentences.append(
                f"phát hiện {count_words(victims)} nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới, trong đó "
                f"{count_words(self.value('GBV_VICTIMS_SUPPORTED') or 0)} người được hỗ trợ ít nhất một dịch vụ "
                f"cơ bản ({self.share_words('GBV_VICTIMS_SUPPORTED_PCT')})"
            )
        perpetrators = self.value("GBV_PERPETRATORS_DETECTED")
        if perpetrators:
            sentences.append(
                f"phát hiện {count_words(perpetrators)} người gây bạo lực chưa đến mức bị truy cứu trách nhiệm "
                f"hình sự, trong đó {count_words(self.value('GBV_PERPETRATORS_COUNSELLED') or 0)} người được tư vấn "
                f"({self.share_words('GBV_PERPETRATORS_COUNSELLED_PCT')})"
            )
        # The national additions (indicators-national.json), each only when reported.
        cases = self.value("DV_CASES")
        if cases:
            clause = f"xảy ra {count_words(cases)} vụ bạo lực gia đình"
            handled = self.value("DV_CASES_HANDLED")
            if handled is not None:
                clause += (
                    f", trong đó {count_words(handled)} vụ đã được xử lý ({self.share_words('DV_CASES_HANDLED_PCT')})"
                )
            sentences.append(clause)
        returned = self.value("TRAFFICKED_RETURNED_IN_NEED")
        if returned:
            sentences.append(
                f"phát hiện {count_words(returned)} nạn nhân bị mua bán trở về có nhu cầu hỗ trợ, trong đó "
                f"{count_words(self.value('TRAFFICKED_RETURNED_SUPPORTED') or 0)} người được hưởng các dịch vụ hỗ "
                f"trợ và tái hòa nhập cộng đồng ({self.share_words('TRAFFICKED_RETURNED_SUPPORTED_PCT')})"
            )
        return [para("body", "Trong kỳ, " + "; ".join(sentences) + ".")] if sentences else []

    def indicator_figures(self, section: Section, _written: str) -> list[Para]:
        """Any section's indicators, one clause each in the catalogue's order: "Trong kỳ, số …: 12 người;
        tỷ lệ … chiếm 25 %, …." (a section added as data needs no sentence of its own)."""
        clauses = []
        for code, indicator in self.catalogue.items():
            if indicator.section != section.code:
                continue
            if indicator.kind == "share":
                if self.share(code) is not None:
                    clauses.append(f"{lower_first(indicator.name_vi)} {self.share_words(code)}")
            elif self.value(code) is not None:
                clauses.append(f"{lower_first(indicator.name_vi)}: {count_words(self.value(code))} {indicator.unit_vi}")
        return [para("body", "Trong kỳ, " + "; ".join(clauses) + ".")] if clauses else []

    @staticmethod
    def optional(indicator: Indicator) -> bool:
        """A shipped indicator beyond the minimum catalogue (indicators-national.json): printed only
        with a value; the minimum ones (the report's frame) and the province's own print even empty."""
        return indicator.origin == catalogue_state.NATIONAL and indicator.code not in minimum_codes()

    def annex_reference(self) -> list[Para]:
        """One sentence that sends the reader to the annexes, in their order."""
        what = {
            "indicators": "các chỉ tiêu",
            "documents": "các văn bản chỉ đạo, triển khai",
            "activities": "các hoạt động tuyên truyền, tập huấn",
            "children": "báo cáo của các đơn vị cấp dưới",
            "comments": "ghi chú số liệu",
        }
        parts = [f"{title} ({what[key]})" for key, title in self.annex_numbers.items()]
        if not parts:
            return []
        return [para("body", Run("Số liệu chi tiết tại " + ", ".join(parts) + " kèm theo báo cáo này.", italic=True))]

    # records -------------------------------------------------------------------------------

    def documents(self, own_only: bool = False) -> list[tuple]:
        """(number, date, issuer, kind, title, unit, direction) of the period, by date."""
        rows = []
        for code in [self.code] if own_only else self.units:
            for d in list_documents(self.profile.engine, Scope(code, self.period)):
                rows.append((d.number, d.date, d.issuer, d.kind, d.title, code, d.direction or "issued"))
        rows.sort(key=lambda r: (r[1], r[0]))
        return rows

    def activity_rows(self) -> Iterator[list]:
        """Chunks of plain rows from the database: own unit first, then each unit below."""
        index = 0
        for code in self.units:
            scope = Scope(code, self.period)
            offset = 0
            while True:
                page = activity_page(self.profile.engine, scope, offset, CHUNK)
                for row in page:
                    index += 1
                    line = [
                        index,
                        row["date"],
                        label(ACTIVITY_KINDS, row["kind"]),
                        row["title"],
                        row["sessions"],
                        row["participants"],
                        row["female_participants"],
                        row["place"],
                    ]
                    if self.consolidated:
                        line.append(self.unit_name(code))
                    yield line
                if len(page) < CHUNK:
                    break
                offset += CHUNK

    def unit_name(self, code: str) -> str:
        if code not in self.names:
            unit = self.profile.org_unit(code)
            self.names[code] = unit.name if unit else code
        return unit_display(self.names[code])

    def tables(self) -> dict[str, Table]:
        """The period's tables by name, in the order Excel writes them as sheets."""
        unit_column = [Column("Đơn vị", "text", 2.2)] if self.consolidated else []
        activities = Table(
            "Hoạt động",
            "Các hoạt động tuyên truyền, tập huấn, truyền thông",
            [
                Column("STT", "int", 0.9),
                Column("Ngày", "date", 2.0),
                Column("Loại", "text", 1.8),
                Column("Nội dung", "text", 4.5),
                Column("Số cuộc", "int", 1.1),
                Column("Lượt người", "int", 1.3),
                Column("Nữ", "int", 1.1),
                Column("Địa điểm", "text", 2.4),
            ]
            + unit_column,
            self.activity_rows,
        )

        def document_rows():
            issued = [d for d in self.documents() if d[6] == "issued"]
            for i, (number, day, issuer, kind, title, code, _direction) in enumerate(issued, 1):
                line = [i, number, day, lower_unit_kinds(issuer), label(DOCUMENT_KINDS, kind), title]
                if self.consolidated:
                    line.append(self.unit_name(code))
                yield line

        documents = Table(
            "Văn bản",
            "Các văn bản chỉ đạo, triển khai đã ban hành",
            [
                Column("STT", "int", 0.9),
                Column("Số, ký hiệu", "text", 2.2),
                Column("Ngày", "date", 1.8),
                Column("Cơ quan ban hành", "text", 2.8),
                Column("Loại", "text", 1.6),
                Column("Trích yếu", "text", 5.0),
            ]
            + unit_column,
            document_rows,
        )

        compared_on: dict[str, frozenset[str]] = {}

        def indicator_rows():
            i = 0
            for code, indicator in self.catalogue.items():
                now = self.share(code) if indicator.kind == "share" else self.value(code)
                compared = self.comparison(code)
                before = None
                if compared is not None:
                    _, before_figures, common = compared
                    before = (
                        self.share(code, before_figures)
                        if indicator.kind == "share"
                        else before_figures.values.get(code)
                    )
                    if common is not None:
                        compared_on[code] = common
                if (
                    indicator.kind == "from_activities"
                    and not self.before.counts.get("activities")
                    and code not in self.before.coverage
                ):
                    before = None  # no activity recorded a year earlier: unknown, not zero
                if now is None and before is None and self.optional(indicator):
                    continue  # a national addition nobody reported: no empty row
                i += 1
                line = [
                    i,
                    code,
                    indicator.name_vi,
                    indicator.unit_vi,
                    now,
                    before,
                    indicator.target_2025,
                    indicator.target_2030,
                ]
                if self.consolidated:
                    line.append(self.figures.checks.get(code))
                yield line
                # Its breakdown, one row per cell under it (Phụ lục I as the national forms break
                # them down): where every unit that makes the figure gave one.
                before_cells = compared[1] if compared is not None else None
                for key, value, earlier in self.cell_rows(code, before_cells):
                    row = [
                        None,
                        f"{code}[{key}]",
                        f"\u2013 {self.cell_name(code, key)}",
                        indicator.unit_vi,
                        value,
                        earlier,
                    ]
                    yield row + [None, None] + ([None] if self.consolidated else [])

        def indicator_note() -> str:
            note = (
                "Tỷ lệ (%) tính từ tử số và mẫu số; số liệu tổng hợp là tổng tử số chia tổng mẫu số. "
                "Số liệu toàn địa bàn do đơn vị nhập được giữ nguyên, không cộng thêm số liệu của đơn vị cấp dưới"
            )
            note += (
                '; cột "Cộng từ số liệu chi tiết (đối chiếu)" ghi tổng số liệu của các đơn vị cấp dưới '
                "(với số cuộc, lượt người: cả các hoạt động đã ghi) để đối chiếu."
                if self.consolidated
                else "."
            )
            for code, common in compared_on.items():
                note += f" {self.catalogue[code].name_vi}: cùng kỳ năm trước {self.coverage_words(common)}."
            if self.across_reform and self.before.values:
                note += f" Cột cùng kỳ năm trước: {self.reform_words()}."
            return note

        checks = [Column("Cộng từ số liệu chi tiết (đối chiếu)", "number", 1.6)] if self.consolidated else []
        indicator_table = Table(
            "Chỉ tiêu",
            "Các chỉ tiêu của kỳ báo cáo",
            [
                Column("STT", "int", 0.9),
                Column("Mã", "text", 0),
                Column("Chỉ tiêu", "text", 5.4),
                Column("Đơn vị tính", "text", 1.4),
                Column(self.period.label_vi.capitalize(), "number", 1.6),
                Column("Cùng kỳ năm trước", "number", 1.6),
                Column("Mục tiêu 2025 (%)", "number", 1.3),
                Column("Mục tiêu 2030 (%)", "number", 1.3),
            ]
            + checks,
            indicator_rows,
        )
        list(indicator_rows())  # the note names the indicators compared on fewer units
        indicator_table.note = indicator_note()

        def narrative_rows():
            for code in self.units:
                texts = narratives(self.profile.engine, Scope(code, self.period))
                for section, text in texts.items():
                    yield [self.unit_name(code), label(NARRATIVE_SECTIONS, section), text]

        narrative_table = Table(
            "Nội dung",
            "Nội dung báo cáo theo đơn vị",
            [Column("Đơn vị", "text", 2.2), Column("Mục", "text", 2.2), Column("Nội dung", "text", 8.0)],
            narrative_rows,
        )
        comments = Table(
            "Ghi chú số liệu",
            "Ghi chú và đánh dấu cần theo dõi của các số liệu",
            [
                Column("STT", "int", 0.9),
                Column("Đơn vị", "text", 2.2),
                Column("Chỉ tiêu", "text", 4.2),
                Column("Số liệu", "number", 1.3),
                Column("Ghi chú", "text", 4.6),
                Column("Cần theo dõi", "text", 1.3),
            ],
            self.comment_rows,
        )
        return {
            "activities": activities,
            "documents": documents,
            "indicators": indicator_table,
            "narratives": narrative_table,
            "comments": comments,
        }

    def cell_rows(self, code: str, before: Figures | None) -> list[tuple[str, float | None, float | None]]:
        """(cell key, this period's value, the compared period's) for each cell of `code`'s breakdown."""
        indicator = self.catalogue[code]
        if indicator.kind == "share":
            now = {k: round_share(v, self.rule) for k, v in self.figures.share_cells.get(code, {}).items()}
            earlier = {
                k: round_share(v, self.rule) for k, v in (before.share_cells if before else {}).get(code, {}).items()
            }
        else:
            now, earlier = self.figures.cells.get(code, {}), (before.cells if before else {}).get(code, {})
        return [(key, value, earlier.get(key)) for key, value in now.items()]

    def cell_name(self, code: str, key: str) -> str:
        """ "Nữ, trẻ em (dưới 16 tuổi)": the categories of a cell, in Vietnamese."""
        catalogue = national_catalogue()
        names = []
        for dimension, category in catalogue.parse_cell(code, key):
            names.append(next(c.name_vi for c in catalogue.dimensions[dimension].categories if c.code == category))
        return lower_first(", ".join(names)).capitalize() if names else key

    def comment_rows(self) -> Iterator[list]:
        """Each unit's values that carry a comment or a follow-up mark."""
        i = 0
        for unit in self.units:
            for code, (comment, follow_up) in self.figures.notes.get(unit, {}).items():
                i += 1
                value = self.figures_of_unit(unit).get(code)
                yield [i, self.unit_name(unit), self.catalogue[code].name_vi, value, comment, "Có" if follow_up else ""]

    def figures_of_unit(self, unit: str) -> dict[str, float]:
        return indicator_values(self.profile.engine, Scope(unit, self.period))

    def chart(self) -> Chart:
        labels, values = [], []
        for child in self.children:
            figures = unit_figures(self.profile, child.code, self.period)
            share = figures.share("LEADERS_FEMALE_PCT", self.rule)
            if share is not None:
                labels.append(unit_display(child.name))
                values.append(share)
        if labels:
            return Chart(f"Tỷ lệ nữ lãnh đạo, quản lý theo đơn vị, {self.period.label_vi}", labels, values)
        periods = [self.period]
        while len(periods) < 4:
            p = periods[-1]
            periods.append(
                Period(p.year - 1, None) if p.half is None else Period(p.year - (p.half == 1), 2 if p.half == 1 else 1)
            )
        for p in reversed(periods):
            figures = unit_figures(self.profile, self.code, p)
            share = figures.share("LEADERS_FEMALE_PCT", self.rule)
            if share is not None:
                labels.append(p.label_vi.capitalize())
                values.append(share)
        return Chart(f"Tỷ lệ nữ lãnh đạo, quản lý của {self.in_text} qua các kỳ", labels, values)

    def annexes(self, tables: dict[str, Table]) -> list[Annex]:
        """Only annexes with something in them, numbered I, II, … in this order."""
        candidates: list[tuple[str, Annex]] = []
        if any(v for v in self.figures.values.values()) or self.figures.shares:
            candidates.append(
                (
                    "indicators",
                    Annex(
                        "",
                        "CÁC CHỈ TIÊU VỀ BÌNH ĐẲNG GIỚI VÀ VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ",
                        table=tables["indicators"],
                        chart=self.chart(),
                    ),
                )
            )
        if any(d[6] == "issued" for d in self.documents()):
            candidates.append(("documents", Annex("", "CÁC VĂN BẢN CHỈ ĐẠO, TRIỂN KHAI", table=tables["documents"])))
        if self.figures.counts.get("activities"):
            candidates.append(
                (
                    "activities",
                    Annex("", "CÁC HOẠT ĐỘNG TUYÊN TRUYỀN, TẬP HUẤN, TRUYỀN THÔNG", table=tables["activities"]),
                )
            )
        if self.options.value_comments and self.figures.notes:
            candidates.append(("comments", Annex("", "GHI CHÚ SỐ LIỆU", table=tables["comments"])))
        if self.consolidated:
            paragraphs = []
            for code in self.units[1:]:
                texts = narratives(self.profile.engine, Scope(code, self.period))
                if not texts:
                    continue
                paragraphs.append(para("item", Run(self.unit_name(code), bold=True)))
                for section, text in texts.items():
                    lines = [line for line in clean_lines(text) if line != FIGURES_MARK]
                    paragraphs.append(
                        para(
                            "body",
                            Run(f"{label(NARRATIVE_SECTIONS, section)}: ", italic=True),
                            lower_unit_kinds(lines[0]) if lines else "",
                        )
                    )
                    paragraphs += [para("body", lower_unit_kinds(line)) for line in lines[1:]]
            if paragraphs:
                candidates.append(
                    ("children", Annex("", "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ CẤP DƯỚI", paragraphs=paragraphs))
                )
        result = []
        for (key, annex), numeral in zip(candidates, ROMAN, strict=False):
            annex.title = f"Phụ lục {numeral}"
            annex.subtitle += f" {self.period.label_vi.upper()}"
            self.annex_numbers[key] = annex.title
            result.append(annex)
        return result


# How a section's figures are written (`figures` in resources/sections.json): name → method.
FIGURE_WRITERS: dict[str, Callable[[ReportBuilder, Section, str], list[Para]]] = {
    "documents": ReportBuilder.documents_figures,
    "communication": ReportBuilder.communication_figures,
    "female_cadres": ReportBuilder.female_cadres_figures,
    "violence": ReportBuilder.violence_figures,
    "indicators": ReportBuilder.indicator_figures,
}


def build_report(
    profile: Profile,
    period: Period,
    org_unit: str | None = None,
    issued_on: date | None = None,
    number: str = "",
    options: ReportOptions | None = None,
) -> Report:
    """The report model; `options` (options.py) say how this printing differs from the settings' defaults."""
    return ReportBuilder(profile, period, org_unit, issued_on, number, options).build()
