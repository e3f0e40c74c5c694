"""The core's messages in the window's language: every template of vstbpn_desktop/ is a literal, is
in resources/translations/vstbpn_core_en.ts with its English and the same named fields; str() of a
refusal reads exactly the Vietnamese of before (the command line relies on it); the window shows a
real refusal and an inline field reason in English under "en" and in Vietnamese under "vi"."""

import importlib.machinery
import importlib.util
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.common import i18n
from vstbpn_desktop import records
from vstbpn_desktop.bundle.importer import import_bundle
from vstbpn_desktop.catalogue import indicators
from vstbpn_desktop.dataio.importer import import_file
from vstbpn_desktop.domain.validation import Invalid, validate_activity
from vstbpn_desktop.errors import Cancelled, Message, Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope

ROOT = Path(__file__).resolve().parent.parent
CORE_TS = ROOT / "resources" / "translations" / "vstbpn_core_en.ts"
H1 = Period(2023, 1)
HEADER = "date,kind,title,sessions,participants,female_participants,place,notes"

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def build_script():
    loader = importlib.machinery.SourceFileLoader("build_translations", str(ROOT / "scripts" / "build-translations"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def catalogue() -> dict[str, ET.Element]:
    root = ET.parse(CORE_TS).getroot()
    assert [c.findtext("name") for c in root.findall("context")] == ["core"]
    return {m.findtext("source"): m.find("translation") for m in root.iter("message")}


def fields(template: str) -> list[str]:
    return sorted(
        f"{name}!{conversion}:{spec}"
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


# -- the catalogue -------------------------------------------------------------------------


def test_every_core_template_is_a_literal_in_the_catalogue_translated_with_the_same_fields():
    templates, broken = build_script().core_templates()
    assert not broken, "\n".join(broken)
    assert len(templates) > 250
    english = catalogue()
    assert set(templates) - set(english) == set(), "run scripts/build-translations and translate"
    assert set(english) - set(templates) == set(), "gone from the code: run scripts/build-translations"
    problems = []
    for source, translation in english.items():
        text = translation.text or ""
        if translation.get("type") or not text.strip():
            problems.append(f"chưa dịch: {source!r}")
        elif fields(source) != fields(text):
            problems.append(f"{source!r} → {text!r}: {fields(source)} ≠ {fields(text)}")
        elif "{}" in source and source.count("{}") != text.count("{}"):
            problems.append(f"{source!r} → {text!r}: {{}}")
    assert not problems, "\n".join(problems)


def test_a_non_literal_template_is_reported_with_file_and_line(tmp_path):
    module = tmp_path / "vstbpn_desktop" / "bad.py"
    module.parent.mkdir()
    module.write_text(
        'from .errors import Refused\n\n\ndef f(x):\n    raise Refused(f"hỏng {x}")\n'
        'def g(x):\n    raise Refused("tốt {x}", x=x)\n',
        encoding="utf-8",
    )
    templates, broken = build_script().core_templates(tmp_path)
    assert list(templates) == ["tốt {x}"]
    assert broken == ["vstbpn_desktop/bad.py:5: Refused(f'hỏng {x}')"]


def test_check_passes_on_the_committed_core_catalogue(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build-translations"), "--check"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert "vstbpn_core_en.ts" not in done.stdout + done.stderr


# -- str() stays the Vietnamese of before -------------------------------------------------


def test_message_is_its_vietnamese_text_and_renders_nested_messages():
    inner = Refused("kỳ {code} chưa khóa; không cần mở lại", code="2023H1")
    outer = Refused("{place}: {error}", place="a.csv", error=inner)
    assert str(outer) == "a.csv: kỳ 2023H1 chưa khóa; không cần mở lại"
    english = {"{place}: {error}": "{place} — {error}", "kỳ {code} chưa khóa; không cần mở lại": "{code} open"}
    assert outer.message.render(lambda t: english.get(t, t)) == "a.csv — 2023H1 open"
    assert str(Message("không có {} ở đây")) == "không có {} ở đây"  # no fields: taken literally
    assert str(Cancelled()) == "đã hủy theo yêu cầu; dữ liệu không thay đổi"


def test_csv_import_refusal_reads_as_before(district, tmp_path):
    bad = write_csv(
        tmp_path / "hoat-dong.csv",
        [
            HEADER,
            "31/02/2023,training,Tập huấn,1,10,5,,",
            "2023-03-08,training,Tập huấn,1,10,60,,",
        ],
    )
    with pytest.raises(Refused) as caught:
        import_file(district, bad)
    assert str(caught.value) == (
        "hoat-dong.csv: dòng 2, cột date: ngày '31/02/2023' không tồn tại; "
        "hoat-dong.csv: dòng 3, cột female_participants: số nữ (60) lớn hơn tổng số người tham dự (10)"
    )


def test_bad_bundle_refusal_reads_as_before(province, tmp_path):
    empty = tmp_path / "rong.vstb"
    empty.write_bytes(b"")
    with pytest.raises(Refused) as caught:
        import_bundle(province, empty)
    assert str(caught.value) == "gói rong.vstb: tệp rỗng (0 byte), không phải gói báo cáo"


def test_invalid_reasons_read_as_before():
    with pytest.raises(Invalid) as caught:
        validate_activity({"date": "1/1/2023", "kind": "x", "title": "t"}, Period(2023, 2))
    assert caught.value.problems["date"] == "ngày 01/01/2023 nằm ngoài kỳ 2023H2 (01/07/2023 - 31/12/2023)"
    assert str(caught.value).startswith("kind: loại hoạt động 'x' không có trong danh mục (")


# -- the window ----------------------------------------------------------------------------


def open_in(qtbot, district, language, code):
    from ui.app import open_window

    assert language(code) == code
    window = open_window(district)
    qtbot.addWidget(window)
    window.controller.set_period("2023H1")
    return window


BAD_ROWS = ["31/02/2023,training,Tập huấn,1,10,5,,", "2023-03-08,training,Tập huấn,1,10,60,,"]


@pytest.mark.parametrize("code", ["en", "vi"])
def test_csv_refusal_in_the_window_language(qtbot, district, language, told, tmp_path, code):
    window = open_in(qtbot, district, language, code)
    bad = write_csv(tmp_path / "hoat-dong.csv", [HEADER, *BAD_ROWS])
    assert window.table_files.import_path(bad) is None
    text, warning = told[-1]
    assert warning
    if code == "en":
        assert (
            "hoat-dong.csv: row 2, column date: date '31/02/2023' does not exist; hoat-dong.csv: row 3, column "
            "female_participants: the number of women (60) is greater than the total number of participants (10)"
        ) in text
        assert "dòng" not in text and "không" not in text
    else:
        assert (
            "hoat-dong.csv: dòng 2, cột date: ngày '31/02/2023' không tồn tại; hoat-dong.csv: dòng 3, cột "
            "female_participants: số nữ (60) lớn hơn tổng số người tham dự (10)"
        ) in text
    assert records.count_activities(district.engine, Scope("883", H1)) == 0


def test_nested_refusal_and_message_translated(qtbot, district, language):
    language("en")
    inner = Refused("kỳ {code} chưa khóa; không cần mở lại", code="2023H1")
    outer = Refused("{place}: {error}", place="a.csv", error=inner)
    assert i18n.message(outer) == "a.csv: period 2023H1 is not locked; there is no need to reopen it"
    assert i18n.message(OSError("disk")) == "disk"  # not a message of ours: as it is
    language("vi")
    assert i18n.message(outer) == str(outer)


def test_inline_field_reason_in_english(qtbot, district, language):
    """A typed count that breaks women ≤ total: the reason shown beside the table is English."""
    window = open_in(qtbot, district, language, "en")
    page = window.pages["communication"]
    controller = window.controller
    with pytest.raises(Invalid) as caught:
        records.add_activity(
            district.engine,
            controller.context.scope,
            {"date": "08/03/2023", "kind": "training", "title": "t", "participants": "10", "female_participants": "60"},
        )
    from ui.entry.models import refusal_text

    model = page.table.model()
    text = refusal_text(caught.value, dict(zip(model.COLUMNS, model.headers(), strict=True)))
    assert "the number of women (60) is greater than the total number of participants (10)" in text
    assert "số nữ" not in text


def test_indicator_names_and_storage_warnings_follow_the_window_language(qtbot, language):
    from vstbpn_desktop.domain.validation import check_indicator_bounds
    from vstbpn_desktop.safety.integrity import storage_warning

    codes = [c for c, i in indicators().items() if i.at_most][:1]
    part = codes[0]
    whole = indicators()[part].at_most
    reason = check_indicator_bounds({part: 9, whole: 3})[part]
    usb = storage_warning(
        Path("/media/lan/USB/p/vstbpn.sqlite3"), "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/lan/USB vfat rw 0 0\n"
    )
    assert language("vi") == "vi"
    assert i18n.message(reason) == str(reason) and indicators()[part].name_vi in str(reason)
    assert "ổ USB/thẻ nhớ (FAT)" in i18n.message(usb) == str(usb)
    assert language("en") == "en"
    english = i18n.message(reason)
    assert english == f"{indicators()[part].name_en} (9) is greater than {indicators()[whole].name_en.lower()} (3)"
    assert i18n.message(usb).startswith(
        "/media/lan/USB/p/vstbpn.sqlite3: the database is on a USB stick or "
        "memory card (FAT) (/media/lan/USB); SQLite is not safe there"
    )


def test_numbers_inside_core_messages_follow_the_window_language(qtbot, language):
    from vstbpn_desktop.domain.validation import parse_count

    with pytest.raises(ValueError) as caught:
        parse_count(10_000_001)
    assert str(caught.value) == "vượt quá giới hạn 10.000.000"
    assert language("vi") == "vi" and i18n.message(caught.value) == "vượt quá giới hạn 10.000.000"
    assert language("en") == "en" and i18n.message(caught.value).endswith("10,000,000")
