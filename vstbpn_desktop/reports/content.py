"""The report as one model, built from the recorded data; the PDF, Word and Excel writers render it.

The model holds words and raw values (ints, floats, dates), never layout: each writer formats
numbers and dates the Vietnamese way (formats.py) or types them (Excel). Long tables hold a
row factory that reads the database in chunks, so a 4,000-activity annex never becomes 4,000
ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator

from ..catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, indicators, label
from ..domain.figures import Figures, compute
from ..errors import Refused
from ..formats import format_count, format_date, format_long_date, format_number, format_percent, round_share
from ..periods import Period
from ..profile import Profile
from ..records import Scope, activity_page, list_documents, narratives
from ..text import nfc
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
    title: str
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

    def plain_text(self) -> str:
        return "\n".join(p.text for p in self.body)


NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# -- words for numbers --------------------------------------------------------------------------

def count_words(value: float | int | None) -> str:
    """Counts under 10 with a leading zero, as official reports write them ("05 chuyên mục")."""
    if value is None:
        return "0"
    if float(value).is_integer() and 0 < value < 10:
        return f"{int(value):02d}"
    return format_count(value)


def change_words(now: float, before: float) -> str:
    difference = round(now - before, 2)
    if difference > 0:
        return f"tăng {format_number(difference, 2)} điểm % so với cùng kỳ"
    if difference < 0:
        return f"giảm {format_number(-difference, 2)} điểm % so với cùng kỳ"
    return "không thay đổi so với cùng kỳ"


def next_period_words(period: Period) -> str:
    if period.half == 1:
        return f"6 tháng cuối năm {period.year}"
    return f"năm {period.year + 1}"


def lower_first(text: str) -> str:
    """"Tỉnh An Giang" inside a sentence reads "tỉnh An Giang"; keeps acronyms ("UBND") as they are."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() else text[:1].lower() + text[1:]


def clean_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# -- building ---------------------------------------------------------------------------------

class ReportBuilder:
    def __init__(self, profile: Profile, period: Period, org_unit: str | None = None,
                 issued_on: date | None = None, number: str = "", options: ReportOptions | None = None):
        from ..summary import units_below

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
        self.in_text = lower_first(unit.name)
        self.units = units_below(profile, self.code)
        self.children = profile.children(self.code)
        self.names = {self.code: unit.name} | {c.code: c.name for c in self.children}
        self.consolidated = len(self.units) > 1
        self.figures = compute(profile.engine, self.code, self.units, period)
        self.before = compute(profile.engine, self.code, self.units, period.previous_same_kind())
        self.catalogue = indicators()

    # figures -------------------------------------------------------------------------------

    def value(self, code: str) -> float | None:
        return self.figures.values.get(code)

    def share(self, code: str, figures: Figures | None = None) -> float | None:
        return (figures or self.figures).share(code, self.rule)

    def target(self, code: str) -> tuple[int, float] | None:
        return self.catalogue[code].goal(self.period.year)

    def share_words(self, code: str) -> str:
        """"chiếm 25,36 %, tăng 2,43 điểm % so với cùng kỳ; mục tiêu đến năm 2025 là 60 %"."""
        now = self.share(code)
        parts = [f"chiếm {format_percent(now)}"]
        before = self.share(code, self.before)
        if before is not None:
            parts[0] += ", " + change_words(now, before)
        goal = self.target(code)
        if goal:
            year, value = goal
            verdict = "đạt" if now >= value else "chưa đạt"
            parts.append(f"mục tiêu đến năm {year} là {format_percent(value, 0)}: {verdict}")
        return "; ".join(parts)

    # the body -------------------------------------------------------------------------------

    def build(self) -> Report:
        texts = self.own_narratives()
        body: list[Para] = []
        label_vi = self.period.label_vi
        body.append(para("body", texts.get("intro") or (
            f"Ban Vì sự tiến bộ của phụ nữ (VSTBPN) và bình đẳng giới (BĐG) {self.in_text} báo cáo kết quả "
            f"hoạt động {label_vi} và phương hướng, nhiệm vụ {next_period_words(self.period)}, cụ thể như sau:")))
        empty = not any(self.figures.counts.values()) and not any(
            v for k, v in self.figures.values.items())
        if empty:
            body.append(para("body", Run(
                f"Trong kỳ chưa có số liệu, hoạt động hay văn bản nào được ghi nhận cho {self.in_text} "
                f"({label_vi}). Báo cáo này chỉ gồm phần khung; hãy nhập số liệu rồi in lại.", italic=True)))
        missing = []
        if self.consolidated:
            from ..summary import reported_children

            reported, missing = reported_children(self.profile, self.code, self.period)
            if self.options.unreported_note:
                body.append(para("body", self.consolidation_words(reported, missing)))

        body.append(para("heading", f"I. KẾT QUẢ HOẠT ĐỘNG {label_vi.upper()}"))
        body += self.documents_section(texts)
        body += self.communication_section(texts)
        body += self.female_cadres_section(texts)
        body += self.violence_section(texts)

        body.append(para("heading", "II. ĐÁNH GIÁ CHUNG"))
        body.append(para("item", Run("1. Kết quả đạt được", bold=True)))
        body += self.narrative_paragraphs(texts.get("achievements"), "kết quả đạt được")
        body.append(para("item", Run("2. Khó khăn, hạn chế", bold=True)))
        body += self.narrative_paragraphs(texts.get("difficulties"), "khó khăn, hạn chế", dashes=True)

        body.append(para("heading", f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period_words(self.period).upper()}"))
        body += self.narrative_paragraphs(texts.get("directions"), "phương hướng, nhiệm vụ", dashes=True)
        closing = texts.get("closing") or (
            f"Trên đây là báo cáo kết quả hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới {label_vi} "
            f"của Ban VSTBPN và BĐG {self.in_text}./.")
        body.append(para("body", closing))

        tables = self.tables()
        annexes = self.annexes(tables)
        s = self.settings
        return Report(
            org_unit=self.code, unit_name=self.unit.name, period=self.period,
            header=Header(
                parent_body=nfc(s.parent_body or f"UBND {self.unit.name}").upper(),
                issuing_body=nfc(s.issuing_body or "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ VÀ BÌNH ĐẲNG GIỚI").upper(),
                number=self.number_words(),
                place_date=f"{nfc(s.place_name) or self.unit.name}, {format_long_date(self.issued_on)}",
            ),
            title="BÁO CÁO",
            subject=(f"Kết quả hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới {label_vi} "
                     f"và phương hướng, nhiệm vụ {next_period_words(self.period)}"),
            body=body,
            recipients=self.recipients(),
            signer_mandate=nfc(s.signer_mandate or "").upper(),
            signer_title=self.options.signer_title.upper(),
            signer_name=self.options.signer_name,
            annexes=annexes, tables=tables, figures=self.figures,
            consolidated=self.consolidated, missing_children=missing,
            addressees=list(self.options.addressees),
            annex_reference=(f"(Kèm theo Báo cáo số {self.number_symbol(blank=6)} "
                             f"{format_long_date(self.issued_on)} của Ban VSTBPN và BĐG {self.in_text})"),
        )

    def number_words(self) -> str:
        return f"Số: {self.number_symbol()}"

    def number_symbol(self, blank: int = 10) -> str:
        """"15/BC-BVSTBPN", or without a number room to write it by hand before "/BC-BVSTBPN"
        (non-breaking spaces, which no writer collapses)."""
        return f"{self.number or chr(0xA0) * blank}/{self.options.symbol}"

    def recipients(self) -> list[str]:
        """"- X;" per recipient, the last one "- Lưu: VT, …." as Decree 30/2020 writes them."""
        lines = [line.lstrip("-–• ").rstrip(";.,") for line in clean_lines(self.settings.recipients)]
        lines = [line for line in lines if line]
        archive = [line for line in lines if line.lower().startswith("lưu")]
        others = [line for line in lines if not line.lower().startswith("lưu")]
        last = archive[-1] if archive else "Lưu: VT"
        return [f"- {line};" for line in others] + [f"- {last}."]

    def own_narratives(self) -> dict[str, str]:
        return narratives(self.profile.engine, Scope(self.code, self.period))

    def consolidation_words(self, reported: list[str], missing: list[str]) -> str:
        total = len(reported) + len(missing)
        names = [self.names.get(code, code) for code in missing]
        text = (f"Số liệu của báo cáo được tổng hợp từ số liệu của {self.in_text} và của "
                f"{len(reported)}/{total} đơn vị cấp dưới đã gửi báo cáo.")
        if names:
            text += f" Các đơn vị chưa gửi báo cáo {self.period.label_vi}: {', '.join(names)}."
        else:
            text += " Tất cả đơn vị cấp dưới đã gửi báo cáo."
        return text

    def narrative_paragraphs(self, text: str | None, what: str, dashes: bool = False) -> list[Para]:
        lines = clean_lines(text or "")
        if not lines:
            return [para("body", Run(f"Trong kỳ chưa có nội dung về {what}.", italic=True))]
        if dashes and len(lines) > 1:
            return [para("body", f"- {line}") for line in lines]
        return [para("body", line) for line in lines]

    def documents_section(self, texts: dict[str, str]) -> list[Para]:
        heading = "1. Công tác ban hành văn bản chỉ đạo, triển khai hoạt động và phối hợp liên ngành"
        out = [para("item", Run(heading, bold=True))]
        documents = self.documents()
        if documents:
            cited = []
            for number, day, issuer, kind, title, _unit in documents[:8]:
                kind_name = label(DOCUMENT_KINDS, kind)
                subject = title[len(kind_name):].strip() if title.lower().startswith(kind_name.lower()) else title
                cited.append(f"{kind_name} số {number} ngày {format_date(day)}"
                             + (f" của {issuer}" if issuer else "") + f" về việc {lower_first(subject)}")
            more = (f" và {len(documents) - 8} văn bản khác (Phụ lục kèm theo)" if len(documents) > 8 else "")
            out.append(para("body", f"Trong kỳ đã ban hành, triển khai {count_words(len(documents))} văn bản chỉ đạo, "
                                    f"hướng dẫn, trong đó có: " + "; ".join(cited) + more + "."))
        else:
            out.append(para("body", Run("Trong kỳ chưa có số liệu về văn bản chỉ đạo, triển khai.", italic=True)))
        out += [para("body", line) for line in clean_lines(texts.get("documents", ""))]
        return out

    def communication_section(self, texts: dict[str, str]) -> list[Para]:
        out = [para("item", Run("2. Công tác tuyên truyền, tập huấn và phối hợp liên ngành", bold=True))]
        sessions = self.value("COMM_SESSIONS") or 0
        people = self.value("COMM_PARTICIPANTS") or 0
        women = self.value("COMM_PARTICIPANTS_FEMALE") or 0
        media = self.value("MEDIA_ITEMS") or 0
        if sessions:
            sentence = (f"Kết quả trong {self.period.label_vi}, các cơ quan, đơn vị đã tổ chức "
                        f"{count_words(sessions)} cuộc cho {format_count(people)} lượt người tham dự")
            if people and women:
                share = round_share(women * 100.0 / people, self.rule)
                sentence += f" (trong đó nữ {format_count(women)} lượt, chiếm {format_percent(share)})"
            out.append(para("body", sentence + "."))
        else:
            out.append(para("body", Run("Trong kỳ chưa có số liệu về các cuộc tuyên truyền, tập huấn.", italic=True)))
        if media:
            out.append(para("body", f"Thực hiện {count_words(media)} chuyên mục, tin bài trên các phương tiện "
                                    "thông tin đại chúng về bình đẳng giới và vì sự tiến bộ của phụ nữ."))
        out += [para("body", line) for line in clean_lines(texts.get("communication", ""))]
        return out

    def female_cadres_section(self, texts: dict[str, str]) -> list[Para]:
        out = [para("item", Run("3. Công tác cán bộ nữ", bold=True))]
        total, women = self.value("LEADERS_TOTAL"), self.value("LEADERS_FEMALE")
        if total:
            sentence = (f"Tổng số cán bộ lãnh đạo, quản lý chính quyền địa phương các cấp là {format_count(total)} "
                        f"người, trong đó nữ cán bộ lãnh đạo, quản lý là {format_count(women or 0)} người "
                        f"({self.share_words('LEADERS_FEMALE_PCT')}).")
            out.append(para("body", sentence))
        units, with_woman = self.value("KEYLEADER_UNITS_TOTAL"), self.value("KEYLEADER_UNITS_FEMALE")
        if units:
            out.append(para("body", f"Có {format_count(with_woman or 0)}/{format_count(units)} chính quyền địa "
                                    f"phương có nữ lãnh đạo chủ chốt ({self.share_words('KEYLEADER_UNITS_FEMALE_PCT')})."))
        if not total and not units:
            out.append(para("body", Run("Trong kỳ chưa có số liệu về cán bộ nữ lãnh đạo, quản lý.", italic=True)))
        out += [para("body", line) for line in clean_lines(texts.get("female_cadres", ""))]
        return out

    def violence_section(self, texts: dict[str, str]) -> list[Para]:
        out = [para("item", Run("4. Công tác phòng ngừa và ứng phó với bạo lực đối với phụ nữ và trẻ em", bold=True))]
        out += [para("body", line) for line in clean_lines(texts.get("violence", ""))]
        sentences = []
        contacts = self.value("HOTLINE_CONTACTS")
        if contacts is not None:
            sentences.append(f"các đường dây nóng (18008077, 111) đã tiếp nhận {count_words(contacts)} cuộc gọi")
        victims = self.value("GBV_VICTIMS_DETECTED")
        if victims:
            sentences.append(
                f"phát hiện {count_words(victims)} nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới, trong đó "
                f"{count_words(self.value('GBV_VICTIMS_SUPPORTED') or 0)} người được hỗ trợ ít nhất một dịch vụ "
                f"cơ bản ({self.share_words('GBV_VICTIMS_SUPPORTED_PCT')})")
        perpetrators = self.value("GBV_PERPETRATORS_DETECTED")
        if perpetrators:
            sentences.append(
                f"{count_words(perpetrators)} người gây bạo lực chưa bị truy cứu được phát hiện, trong đó "
                f"{count_words(self.value('GBV_PERPETRATORS_COUNSELLED') or 0)} người được tư vấn "
                f"({self.share_words('GBV_PERPETRATORS_COUNSELLED_PCT')})")
        if sentences:
            out.append(para("body", "Trong kỳ, " + "; ".join(sentences) + "."))
        elif not texts.get("violence"):
            out.append(para("body", Run("Trong kỳ chưa có số liệu về phòng ngừa, ứng phó với bạo lực.", italic=True)))
        return out

    # records -------------------------------------------------------------------------------

    def documents(self) -> list[tuple]:
        rows = []
        for code in self.units:
            for d in list_documents(self.profile.engine, Scope(code, self.period)):
                rows.append((d.number, d.date, d.issuer, d.kind, d.title, code))
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
                    line = [index, row["date"], label(ACTIVITY_KINDS, row["kind"]), row["title"],
                            row["sessions"], row["participants"], row["female_participants"], row["place"]]
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
        return self.names[code]

    def tables(self) -> list[Table]:
        unit_column = [Column("Đơn vị", "text", 2.2)] if self.consolidated else []
        activities = Table(
            "Hoạt động", "Các hoạt động tuyên truyền, tập huấn, truyền thông",
            [Column("STT", "int", 0.9), Column("Ngày", "date", 2.0), Column("Loại", "text", 1.8),
             Column("Nội dung", "text", 4.5), Column("Số cuộc", "int", 1.1), Column("Lượt người", "int", 1.3),
             Column("Nữ", "int", 1.1), Column("Địa điểm", "text", 2.4)] + unit_column,
            self.activity_rows)

        def document_rows():
            for i, (number, day, issuer, kind, title, code) in enumerate(self.documents(), 1):
                line = [i, number, day, issuer, label(DOCUMENT_KINDS, kind), title]
                if self.consolidated:
                    line.append(self.unit_name(code))
                yield line

        documents = Table(
            "Văn bản", "Các văn bản chỉ đạo, triển khai đã ban hành",
            [Column("STT", "int", 0.9), Column("Số, ký hiệu", "text", 2.2), Column("Ngày", "date", 1.8),
             Column("Cơ quan ban hành", "text", 2.8), Column("Loại", "text", 1.6),
             Column("Trích yếu", "text", 5.0)] + unit_column,
            document_rows)

        def indicator_rows():
            i = 0
            for code, indicator in self.catalogue.items():
                now = self.share(code) if indicator.kind == "share" else self.value(code)
                before = (self.share(code, self.before) if indicator.kind == "share"
                          else self.before.values.get(code))
                if indicator.kind == "from_activities" and not self.before.counts.get("activities"):
                    before = None  # no activity recorded a year earlier: unknown, not zero
                i += 1
                yield [i, code, indicator.name_vi, indicator.unit_vi, now, before,
                       indicator.target_2025, indicator.target_2030]

        indicator_table = Table(
            "Chỉ tiêu", "Các chỉ tiêu của kỳ báo cáo",
            [Column("STT", "int", 0.9), Column("Mã", "text", 0), Column("Chỉ tiêu", "text", 5.4),
             Column("Đơn vị tính", "text", 1.4), Column(self.period.label_vi.capitalize(), "number", 1.6),
             Column("Cùng kỳ năm trước", "number", 1.6), Column("Mục tiêu 2025 (%)", "number", 1.3),
             Column("Mục tiêu 2030 (%)", "number", 1.3)],
            indicator_rows,
            note="Tỷ lệ (%) tính từ tử số và mẫu số; số liệu tổng hợp là tổng tử số chia tổng mẫu số.")

        def narrative_rows():
            for code in self.units:
                texts = narratives(self.profile.engine, Scope(code, self.period))
                for section, text in texts.items():
                    yield [self.unit_name(code), label(NARRATIVE_SECTIONS, section), text]

        narrative_table = Table(
            "Nội dung", "Nội dung báo cáo theo đơn vị",
            [Column("Đơn vị", "text", 2.2), Column("Mục", "text", 2.2), Column("Nội dung", "text", 8.0)],
            narrative_rows)
        return [activities, documents, indicator_table, narrative_table]

    def chart(self) -> Chart:
        labels, values = [], []
        for child in self.children:
            from ..summary import units_below

            figures = compute(self.profile.engine, child.code, units_below(self.profile, child.code), self.period)
            share = figures.share("LEADERS_FEMALE_PCT", self.rule)
            if share is not None:
                labels.append(child.name)
                values.append(share)
        if labels:
            return Chart(f"Tỷ lệ nữ lãnh đạo, quản lý theo đơn vị, {self.period.label_vi}", labels, values)
        periods = [self.period]
        while len(periods) < 4:
            p = periods[-1]
            periods.append(Period(p.year - 1, None) if p.half is None
                           else Period(p.year - (p.half == 1), 2 if p.half == 1 else 1))
        for p in reversed(periods):
            figures = compute(self.profile.engine, self.code, self.units, p)
            share = figures.share("LEADERS_FEMALE_PCT", self.rule)
            if share is not None:
                labels.append(p.label_vi.capitalize())
                values.append(share)
        return Chart(f"Tỷ lệ nữ lãnh đạo, quản lý của {self.unit.name} qua các kỳ", labels, values)

    def annexes(self, tables: list[Table]) -> list[Annex]:
        activities, documents, indicator_table, _ = tables
        result = [
            Annex("Phụ lục 1", "CÁC CHỈ TIÊU VỀ BÌNH ĐẲNG GIỚI VÀ VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ",
                  table=indicator_table, chart=self.chart()),
            Annex("Phụ lục 2", "CÁC VĂN BẢN CHỈ ĐẠO, TRIỂN KHAI", table=documents),
            Annex("Phụ lục 3", "CÁC HOẠT ĐỘNG TUYÊN TRUYỀN, TẬP HUẤN, TRUYỀN THÔNG", table=activities),
        ]
        if self.consolidated:
            paragraphs = []
            for code in self.units[1:]:
                texts = narratives(self.profile.engine, Scope(code, self.period))
                if not texts:
                    continue
                paragraphs.append(para("item", Run(self.unit_name(code), bold=True)))
                for section, text in texts.items():
                    lines = clean_lines(text)
                    paragraphs.append(para("body", Run(f"{label(NARRATIVE_SECTIONS, section)}: ", italic=True),
                                           lines[0] if lines else ""))
                    paragraphs += [para("body", line) for line in lines[1:]]
            if not paragraphs:
                paragraphs.append(para("body", Run("Chưa có đơn vị cấp dưới nào gửi nội dung báo cáo trong kỳ.",
                                                   italic=True)))
            result.append(Annex("Phụ lục 4", "NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ CẤP DƯỚI", paragraphs=paragraphs))
        for annex in result:
            annex.subtitle += f" {self.period.label_vi.upper()}"
        return result


def build_report(profile: Profile, period: Period, org_unit: str | None = None,
                 issued_on: date | None = None, number: str = "", options: ReportOptions | None = None) -> Report:
    return ReportBuilder(profile, period, org_unit, issued_on, number, options).build()
