"""Reading an `.xlsx` workbook as a hostile file may be: bounded, streaming, one clear refusal.

A workbook is a zip of XML. Before any XML is read, each member's size is capped (the zip reader
never gives more than the size a member declares) and so is their sum; the XML is read with
libxml2 (lxml) in streaming mode: a DTD is refused, entities are never expanded, a comment or
text over 10 MB is refused by libxml2 itself, so a small file cannot make the reading slow.
A cell whose value does not fit its type (a number cell holding text, a shared string that
does not exist), malformed XML or a row out of order is refused naming the sheet and cell.
A hidden or very hidden sheet that holds something is refused: Excel would not show it to
the officer, so it is never imported unseen.

Cells come back as openpyxl's read-only mode gives them: str, int, float, bool or datetime (a
number in a date format).
"""

import functools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from ..errors import Message, Refused

MAX_MEMBER = 256 * 1024 * 1024  # one XML part, unpacked (a 100.000-row sheet is ~40 MB)
MAX_TOTAL = 512 * 1024 * 1024  # all parts together, unpacked
MAX_MEMBERS = 2000
MAX_COLUMN = 16384  # XFD, Excel's last column

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CELL = MAIN + "c"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how Excel stores a character XML cannot hold


class XlsxProblem(Exception):
    """Said by the reader; read_workbook names the file."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@dataclass
class Sheet:
    title: str
    hidden: str | None  # "hidden" / "veryHidden", None when visible
    path: str


def unescape(text: str) -> str:
    """ "_x000B_" is Excel's way of writing U+000B (a control character) in XML: the character,
    which the text rule then normalises or refuses like any other."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


class Workbook:
    def __init__(self, path: Path):
        self.label = Path(path).name
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
            raise XlsxProblem(Message("tệp hỏng hoặc không phải .xlsx ({error})", error=exc)) from None
        infos = self.archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise XlsxProblem(
                Message("có {count} thành phần, quá giới hạn {limit}", count=len(infos), limit=MAX_MEMBERS)
            )
        for info in infos:
            if info.file_size > MAX_MEMBER:
                raise XlsxProblem(
                    Message(
                        "thành phần {name} giải nén ra {size} byte, quá giới hạn {limit} byte",
                        name=info.filename,
                        size=info.file_size,
                        limit=MAX_MEMBER,
                    )
                )
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL:
            raise XlsxProblem(
                Message(
                    "các thành phần giải nén ra {size} byte, quá giới hạn {limit} byte", size=total, limit=MAX_TOTAL
                )
            )
        self.names = {info.filename for info in infos}
        relations = self._relations("xl/_rels/workbook.xml.rels")
        self.sheets: list[Sheet] = []
        self.date1904 = False
        for element in self._elements("xl/workbook.xml", (MAIN + "sheet", MAIN + "workbookPr")):
            if element.tag == MAIN + "workbookPr":
                self.date1904 = element.get("date1904") in ("1", "true")
                continue
            state = element.get("state", "visible")
            target = relations.get(element.get(RELATIONSHIP) or "")
            if target is None:
                raise XlsxProblem(Message("trang tính '{title}' không có phần dữ liệu", title=element.get("name")))
            self.sheets.append(Sheet(element.get("name") or "", None if state == "visible" else state, target))
        self.shared = self._shared_strings(relations)
        self.date_styles = self._date_styles()

    def close(self) -> None:
        self.archive.close()

    # -- the parts ----------------------------------------------------------------------------

    def _elements(self, name: str, tags: tuple[str, ...]) -> Iterator:
        """The elements `tags` of part `name`, each when it ends, cleared after use (streaming)."""
        from lxml import etree  # lazy: openpyxl/lxml load only when a workbook is read or written

        if name not in self.names:
            raise XlsxProblem(Message("thiếu thành phần {name}", name=name))
        try:
            with self.archive.open(name) as stream:
                context = etree.iterparse(
                    stream,
                    events=("end",),
                    tag=tags,
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                    huge_tree=False,
                    remove_comments=True,
                )
                checked = False
                for _, element in context:
                    if not checked:  # the DTD, if any, was read before the first element ended
                        checked = True
                        _refuse_dtd(element, name)
                    yield element
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
                if not checked and context.root is not None:
                    _refuse_dtd(context.root, name)
        except etree.XMLSyntaxError as exc:
            raise XlsxProblem(
                Message("thành phần {name} không phải XML hợp lệ ({error})", name=name, error=exc.msg or exc)
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
            raise XlsxProblem(
                Message("không giải nén được thành phần {name} ({error})", name=name, error=exc)
            ) from None

    def _relations(self, name: str) -> dict[str, str]:
        folder = PurePosixPath(name).parent.parent
        relations = {}
        for element in self._elements(name, (PACKAGE_RELS,)):
            target = element.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else str(folder / target)
            relations[element.get("Id") or ""] = str(PurePosixPath(path))
        return relations

    def _shared_strings(self, relations: dict[str, str]) -> list[str]:
        name = next((p for p in relations.values() if p.endswith("sharedStrings.xml")), "xl/sharedStrings.xml")
        if name not in self.names:
            return []
        strings = []
        for element in self._elements(name, (MAIN + "si",)):
            strings.append(
                unescape("".join(t.text or "" for t in element.iter(MAIN + "t") if t.getparent().tag != MAIN + "rPh"))
            )
        return strings

    def _date_styles(self) -> set[str]:
        """The cell styles (index into cellXfs) whose number format shows a date."""
        # lazy: openpyxl/lxml load only when a workbook is read or written
        # lazy: openpyxl/lxml load only when a workbook is read or written
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        if "xl/styles.xml" not in self.names:
            return set()
        formats = dict(BUILTIN_FORMATS)
        dates, index = set(), 0
        for element in self._elements("xl/styles.xml", (MAIN + "numFmt", MAIN + "xf")):
            if element.tag == MAIN + "numFmt":
                formats[_int(element.get("numFmtId"))] = element.get("formatCode") or ""
            elif element.getparent() is not None and element.getparent().tag == MAIN + "cellXfs":
                if is_date_format(formats.get(_int(element.get("numFmtId")), "")):
                    dates.add(str(index))
                index += 1
        return dates

    # -- a sheet's rows -------------------------------------------------------------------------

    def rows(self, sheet: Sheet) -> Iterator[tuple[int, list]]:
        """(row number, cell values with None for blanks), in order; empty rows are left out."""
        last = 0
        for element in self._elements(sheet.path, (MAIN + "row",)):
            number = _int(element.get("r")) if element.get("r") is not None else last + 1
            if number is None or number <= last or number > 1_048_576:
                raise XlsxProblem(
                    Message(
                        "trang tính {sheet}: số dòng '{row}' sai hoặc không theo thứ tự",
                        sheet=sheet.title,
                        row=element.get("r"),
                    )
                )
            last = number
            values: list = []
            for cell in element:
                if cell.tag != CELL:
                    continue
                column = len(values) + 1
                ref = cell.get("r")
                if ref is not None:
                    match = _CELL_REF.fullmatch(ref)
                    column = _column_number(match.group(1)) if match else 0
                    if not match or match.group(2) != str(number) or column <= len(values) or column > MAX_COLUMN:
                        raise XlsxProblem(
                            Message(
                                "trang tính {sheet}, dòng {row}: địa chỉ ô '{ref}' sai",
                                sheet=sheet.title,
                                row=number,
                                ref=ref,
                            )
                        )
                values.extend([None] * (column - 1 - len(values)))
                values.append(self._value(cell, sheet, ref or f"{_column_letters(column)}{number}"))
            if any(value is not None for value in values):
                yield number, values

    def _value(self, cell, sheet: Sheet, ref: str):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return unescape("".join(t.text or "" for t in cell.iter(MAIN + "t")))
        value = cell.find(MAIN + "v")
        text = value.text if value is not None else None
        if text is None:
            return None
        if kind == "s":
            index = _int(text)
            if index is None or not 0 <= index < len(self.shared):
                raise self._problem(
                    sheet,
                    ref,
                    Message(
                        "chuỗi dùng chung số '{value}' không có trong tệp ({count} chuỗi)",
                        value=text,
                        count=len(self.shared),
                    ),
                )
            return self.shared[index]
        if kind in ("str", "e"):
            return unescape(text)
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            try:
                return datetime.fromisoformat(text.strip())
            except ValueError:
                raise self._problem(sheet, ref, Message("ngày '{value}' không đúng dạng ISO", value=text)) from None
        if kind != "n":
            raise self._problem(sheet, ref, Message("kiểu ô '{value}' không biết", value=kind))
        try:
            number = int(text) if text.strip().lstrip("-").isdigit() else float(text)
        except ValueError:
            raise self._problem(
                sheet, ref, Message("ô số có giá trị '{value}' không phải là số", value=text[:40])
            ) from None
        if cell.get("s", "0") in self.date_styles:
            return _excel_date(number, self.date1904)
        return number

    @staticmethod
    def _problem(sheet: Sheet, ref: str, reason: Message) -> XlsxProblem:
        return XlsxProblem(Message("trang tính {sheet}, ô {ref}: {reason}", sheet=sheet.title, ref=ref, reason=reason))


def _refuse_dtd(element, name: str) -> None:
    """A workbook's XML never has a DTD: one there is an attack (entities), refused unread."""
    if element.getroottree().docinfo.doctype:
        raise XlsxProblem(
            Message("thành phần {name} có khai báo DTD (<!DOCTYPE>); tệp Excel không có, không đọc", name=name)
        )


def _int(text) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _excel_date(serial: float, date1904: bool):
    """A date cell's serial as a datetime (Excel's 1900 leap-year bug included); a serial no
    calendar holds stays a number, which the date check then refuses."""
    # lazy: openpyxl/lxml load only when a workbook is read or written
    # lazy: openpyxl/lxml load only when a workbook is read or written
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    try:
        return from_excel(serial, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)
    except (OverflowError, ValueError):
        return serial


def refusal(label: str, exc: XlsxProblem) -> Refused:
    return Refused("{label}: không đọc được tệp Excel (.xlsx) — {error}", label=label, error=exc.message)
