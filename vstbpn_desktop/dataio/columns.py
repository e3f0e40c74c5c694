"""The four tables of a table file, described once for the template and the reader.

The column names are the contract's (shared/CLI.md); the Vietnamese labels are what the
template shows beside them: a header cell reads "Ngày (date)".
"""

import re
from dataclasses import dataclass

from ..text import fold, nfc


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str  # date | count | number | code | period | text
    help: str
    width: int = 16
    optional: bool = False  # a file may leave the column out (files written before it existed)


TABLES: dict[str, tuple[Column, ...]] = {
    "activities": (
        Column("date", "Ngày", "date", "Ngày tổ chức hoạt động (dd/mm/yyyy hoặc yyyy-mm-dd).", 13),
        Column("kind", "Loại hoạt động", "code", "Mã loại hoạt động (bảng mã ở trang Hướng dẫn).", 16),
        Column("title", "Tên hoạt động", "text", "Bắt buộc. Nội dung, tên của hoạt động.", 48),
        Column(
            "sessions",
            "Số cuộc, buổi",
            "count",
            "Số nguyên ≥ 1; để trống là 1. Với truyền thông đại chúng là số chuyên mục, tin bài.",
            13,
        ),
        Column("participants", "Số người tham dự", "count", "Số nguyên ≥ 0; để trống là 0.", 17),
        Column(
            "female_participants",
            "Trong đó nữ",
            "count",
            "Số nguyên ≥ 0, không lớn hơn số người tham dự; để trống là 0.",
            14,
        ),
        Column("place", "Địa điểm", "text", "Không bắt buộc.", 28),
        Column("notes", "Ghi chú", "text", "Không bắt buộc.", 32),
    ),
    "documents": (
        Column("number", "Số, ký hiệu", "text", "Bắt buộc, ví dụ 58/KH-UBND.", 18),
        Column("date", "Ngày ban hành", "date", "Ngày ban hành (dd/mm/yyyy hoặc yyyy-mm-dd).", 14),
        Column("issuer", "Cơ quan ban hành", "text", "Không bắt buộc, ví dụ UBND tỉnh An Giang.", 28),
        Column("kind", "Loại văn bản", "code", "Mã loại văn bản (bảng mã ở trang Hướng dẫn).", 16),
        Column("title", "Trích yếu", "text", "Bắt buộc. Trích yếu nội dung văn bản.", 56),
        Column(
            "direction",
            "Ban hành / nhận",
            "code",
            "Không bắt buộc (cột có thể bỏ): issued — văn bản đơn vị "
            "ban hành (để trống là issued); received — văn bản cấp trên gửi để thực hiện, được nêu ở câu "
            'mở đầu báo cáo "Thực hiện …".',
            14,
            optional=True,
        ),
    ),
    "indicators": (
        Column("period", "Kỳ báo cáo", "period", "Kỳ báo cáo: 2023H1, 2023H2 hoặc 2023.", 12),
        Column(
            "indicator",
            "Mã chỉ tiêu",
            "code",
            "Mã chỉ tiêu được nhập (bảng mã ở trang Hướng dẫn); "
            "tỷ lệ và số liệu từ hoạt động được tính tự động, không nhập.",
            32,
        ),
        Column("value", "Giá trị", "number", "Số ≥ 0. Số nữ không lớn hơn tổng số tương ứng.", 12),
        Column(
            "coverage",
            "Phạm vi số liệu",
            "code",
            "Không bắt buộc (cột có thể bỏ): own — số liệu cấp mình, "
            "cộng với số liệu cấp dưới (để trống là own); area — số liệu toàn địa bàn (các cấp), giữ nguyên, "
            "không cộng số liệu cấp dưới. Số cuộc, lượt người tuyên truyền chỉ nhập với area.",
            14,
            optional=True,
        ),
        Column(
            "cell",
            "Ô phân tổ",
            "code",
            "Không bắt buộc (cột có thể bỏ): để trống là tổng số; một ô phân tổ của chỉ tiêu, ví dụ "
            "sex=female;age_group=child (bảng mã ở trang Hướng dẫn), mỗi ô một dòng, ô không ghi là 0. "
            "Tổng số là tổng các ô (dòng tổng có thể bỏ); chỉ ghi tổng số khi chưa biết phân tổ.",
            30,
            optional=True,
        ),
        Column(
            "comment",
            "Ghi chú số liệu",
            "text",
            "Không bắt buộc (cột có thể bỏ): vì sao số liệu bằng 0, số liệu lấy từ đâu.",
            32,
            optional=True,
        ),
        Column(
            "follow_up",
            "Cần theo dõi",
            "count",
            "Không bắt buộc (cột có thể bỏ): 1 — số liệu cần theo dõi, kiểm tra lại; để trống hoặc 0 là không.",
            12,
            optional=True,
        ),
    ),
    "narratives": (
        Column("period", "Kỳ báo cáo", "period", "Kỳ báo cáo: 2023H1, 2023H2 hoặc 2023.", 12),
        Column(
            "section",
            "Mục",
            "code",
            "Mã mục của báo cáo (bảng mã ở trang Hướng dẫn) hoặc tên mục khác của báo cáo.",
            18,
        ),
        Column(
            "text",
            "Nội dung",
            "text",
            "Bắt buộc. Nhiều dòng cùng kỳ và cùng mục được ghép lại theo thứ tự trong tệp, mỗi dòng một đoạn.",
            90,
        ),
    ),
}

TABLE_LABELS = {
    "activities": "hoạt động",
    "documents": "văn bản",
    "indicators": "chỉ tiêu",
    "narratives": "mục nội dung",
}

GUIDE_SHEET = "Hướng dẫn"

_PAREN = re.compile(r"\(([^()]*)\)\s*$")


def header_text(column: Column) -> str:
    return f"{column.label} ({column.name})"


def header_name(cell, table: str | None = None) -> str:
    """The contract name a header cell stands for: "date", "Ngày (date)" or the label "Ngày".

    Unknown headers come back as written (NFC, trimmed) so a refusal can name them.
    """
    text = nfc(str(cell)) if cell is not None else ""
    match = _PAREN.search(text)
    candidate = match.group(1).strip() if match else text
    known = {c.name for columns in TABLES.values() for c in columns}
    if candidate.lower() in known:
        return candidate.lower()
    folded = fold(text)
    tables = [table] if table else list(TABLES)
    for name in tables:
        for column in TABLES[name]:
            if fold(column.label) == folded:
                return column.name
    return text
