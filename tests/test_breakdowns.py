"""Issue 16 items 1 and 2 on a real profile: a value's breakdown cells, its comment and follow-up
mark — stored, checked, undone, carried in bundles and summed at the province."""

import json
import sqlite3
import unicodedata

import pytest
from conftest import ok
from test_bundle import craft, good_members, snapshot

from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.domain.validation import Invalid, validate_breakdown
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import (
    Detail,
    Scope,
    apply_changes,
    indicator_details,
    indicator_values,
    record_state,
    set_indicator_values,
    track,
)

H1 = Period.parse("2023H1")
VICTIMS = "GBV_VICTIMS_DETECTED"
SUPPORTED = "GBV_VICTIMS_SUPPORTED"
VICTIM_CELLS = {
    "sex=female;age_group=child": 2,
    "sex=female;age_group=adult": 9,
    "sex=male;age_group=child": 1,
    "sex=male;age_group=adult": 0,
}


def dump(profile) -> list:
    with sqlite3.connect(profile.database_path) as connection:
        return connection.execute(
            "SELECT org_unit_code, period, indicator_code, value, coverage, cells, comment, follow_up "
            "FROM indicator_value ORDER BY 1, 2, 3"
        ).fetchall()


def test_the_total_is_the_sum_of_its_cells_and_a_comment_and_mark_are_kept(district):
    scope = Scope("883", H1)
    set_indicator_values(
        district.engine,
        scope,
        {},
        details={VICTIMS: {"cells": VICTIM_CELLS, "comment": "Theo sổ theo dõi của Công an xã", "follow_up": True}},
    )
    assert indicator_values(district.engine, scope) == {VICTIMS: 12}
    held = indicator_details(district.engine, scope)[VICTIMS]
    assert held == Detail({k: float(v) for k, v in VICTIM_CELLS.items()}, "Theo sổ theo dõi của Công an xã", True)
    # Cells given in any order and key order, a cell not given is 0.
    set_indicator_values(
        district.engine, scope, {}, details={SUPPORTED: {"cells": {"age_group=adult; sex=female": "7"}}}
    )
    assert indicator_values(district.engine, scope)[SUPPORTED] == 7
    assert indicator_details(district.engine, scope)[SUPPORTED].cells["sex=male;age_group=child"] == 0


def test_a_total_alone_is_marked_unknown_and_a_total_against_its_cells_is_refused(district):
    scope = Scope("883", H1)
    set_indicator_values(district.engine, scope, {VICTIMS: "15"})
    assert indicator_details(district.engine, scope)[VICTIMS].cells is None  # breakdown not known
    before = dump(district)
    cases = [
        ({VICTIMS: "13"}, {VICTIMS: {"cells": VICTIM_CELLS}}, "khác tổng các ô phân tổ"),
        ({}, {VICTIMS: {"cells": {"sex=female;age_group=child": -1}}}, "lớn hơn hoặc bằng 0"),
        ({}, {VICTIMS: {"cells": {"sex=other;age_group=child": 1}}}, "không có trong danh mục"),
        ({}, {"LEADERS_FEMALE_PCT": {"cells": {"ethnicity=minority": 1}}}, "tính tự động"),
        ({}, {"HOTLINE_CONTACTS": {"cells": {"sex=female": 1}}}, "không có phân tổ"),
        # Supported children above detected children, though the totals are in order.
        ({}, {SUPPORTED: {"cells": {"sex=male;age_group=child": 2}}}, "lớn hơn cùng ô"),
        ({}, {VICTIMS: {"comment": "x" * 2001}}, "2000"),
    ]
    set_indicator_values(district.engine, scope, {}, details={VICTIMS: {"cells": VICTIM_CELLS}})
    before = dump(district)
    for raw, details, reason in cases:
        with pytest.raises(Invalid) as caught:
            set_indicator_values(district.engine, scope, raw, details=details)
        assert reason in str(caught.value), (details, str(caught.value))
        assert dump(district) == before


def test_forms_of_violence_overlap_each_form_at_most_the_total():
    # DV_CASES is of the national file (not yet in profiles): its rule checked where it lives.
    cells = {"violence_type=psychological": 3, "violence_type=physical": 4}
    with pytest.raises(Invalid, match="phải nhập tổng số"):
        validate_breakdown("DV_CASES", None, cells)
    with pytest.raises(Invalid, match="lớn hơn tổng số"):
        validate_breakdown("DV_CASES", 3, cells)
    total, clean = validate_breakdown("DV_CASES", 5, cells)
    assert total == 5 and clean["violence_type=sexual"] == 0 and list(clean)[0] == "violence_type=psychological"


def test_undo_puts_back_the_cells_and_comment_exactly(district):
    scope = Scope("883", H1)
    set_indicator_values(district.engine, scope, {}, details={VICTIMS: {"cells": VICTIM_CELLS}})
    before = dump(district)
    cells = dict(VICTIM_CELLS, **{"sex=male;age_group=adult": 4})
    change = track(
        district.engine,
        "indicator_value",
        scope,
        VICTIMS,
        lambda: set_indicator_values(
            district.engine, scope, {}, details={VICTIMS: {"cells": cells, "comment": "Bổ sung"}}
        ),
    )
    assert record_state(district.engine, "indicator_value", scope, VICTIMS)["value"] == 16
    apply_changes(district.engine, [change.reversed()])
    assert dump(district) == before


CSV = """period,indicator,cell,value,comment,follow_up
2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=child,2,Theo sổ của Công an huyện,1
2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=adult,9,,
2023H1,GBV_VICTIMS_DETECTED,age_group=child;sex=male,1,,
2023H1,GBV_VICTIMS_SUPPORTED,,10,,
2023H1,HOTLINE_CONTACTS,,0,Không có cuộc gọi nào trong kỳ,
"""


def test_a_table_file_carries_cells_and_comments_to_the_bundle_and_the_province_sums_them(sender_and_parent, tmp_path):
    district, province = sender_and_parent
    path = tmp_path / "chi-tieu.csv"
    path.write_text(CSV, encoding="utf-8")
    ok(district, "data", "import", path)
    figures = json.loads(ok(district, "summary", "--period", "2023H1", "--json"))
    assert figures["indicators"]["GBV_VICTIMS_DETECTED"] == 12  # the sum of its cells, no total row
    assert figures["breakdowns"]["GBV_VICTIMS_DETECTED"]["sex=female;age_group=adult"] == 9
    assert "GBV_VICTIMS_SUPPORTED" not in figures["breakdowns"]  # typed alone: breakdown not known
    assert figures["comments"]["883"]["HOTLINE_CONTACTS"] == {
        "comment": "Không có cuộc gọi nào trong kỳ",
        "follow_up": False,
    }
    ok(district, "submit", "--period", "2023H1")
    bundle = tmp_path / "883.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    ok(province, "bundle", "import", bundle)
    at_province = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))
    assert at_province["breakdowns"]["GBV_VICTIMS_DETECTED"] == {
        "sex=female;age_group=child": 2,
        "sex=female;age_group=adult": 9,
        "sex=male;age_group=child": 1,
        "sex=male;age_group=adult": 0,
    }
    assert at_province["comments"]["883"]["GBV_VICTIMS_DETECTED"] == {
        "comment": "Theo sổ của Công an huyện",
        "follow_up": True,
    }


def test_a_table_file_whose_cells_break_a_rule_is_refused_naming_the_row_and_nothing_changes(district_cli, tmp_path):
    ok(district_cli, "demo")
    profile_dump = None
    cases = {
        "cell not in the catalogue": ("2023H1,GBV_VICTIMS_DETECTED,sex=other,2,,\n", "dòng 2"),
        "total against its cells": (
            "2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=child,2,,\n2023H1,GBV_VICTIMS_DETECTED,,5,,\n",
            "khác tổng các ô phân tổ",
        ),
        "a cell twice": (
            "2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=child,2,,\n"
            "2023H1,GBV_VICTIMS_DETECTED,age_group=child;sex=female,2,,\n",
            "đã có ở",
        ),
        "supported children above detected": (
            "2023H1,GBV_VICTIMS_DETECTED,sex=male;age_group=child,1,,\n"
            "2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=adult,5,,\n"
            "2023H1,GBV_VICTIMS_SUPPORTED,sex=male;age_group=child,2,,\n",
            "lớn hơn cùng ô",
        ),
        "a mark not 0 or 1": ("2023H1,HOTLINE_CONTACTS,,0,,2\n", "follow_up"),
    }
    from vstbpn_desktop.profile import Profile

    for name, (rows, reason) in cases.items():
        path = tmp_path / "bad.csv"
        path.write_text("period,indicator,cell,value,comment,follow_up\n" + rows, encoding="utf-8")
        profile = Profile.open(district_cli.data_dir)
        before = dump(profile)
        profile.close()
        profile_dump = profile_dump or before
        code, _, err = district_cli("data", "import", path)
        assert code != 0 and reason in err and "bad.csv" in err, (name, err)
        profile = Profile.open(district_cli.data_dir)
        assert dump(profile) == before == profile_dump, name
        profile.close()


def test_the_report_prints_the_breakdown_under_its_indicator_and_the_comments_annex_on_request(district_cli, tmp_path):
    from pypdf import PdfReader

    ok(district_cli, "demo")
    path = tmp_path / "chi-tieu.csv"
    path.write_text(CSV.replace("2023H1,GBV_VICTIMS_SUPPORTED,,10,,\n", ""), encoding="utf-8")
    ok(district_cli, "data", "import", path)
    plain, with_comments = tmp_path / "plain.pdf", tmp_path / "comments.pdf"
    ok(district_cli, "report", "pdf", "--period", "2023H1", "--out", plain)
    ok(district_cli, "report", "pdf", "--period", "2023H1", "--out", with_comments, "--comments")

    def text(pdf) -> str:
        return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages))

    printed = text(plain)
    # Phụ lục I: the cells under their indicator's row, in the catalogue's order.
    victims = printed.index("Số nạn nhân bạo lực gia đình")
    cells = [printed.index(f"– {name}", victims) for name in ("Nữ, trẻ em", "Nữ, từ 16", "Nam, trẻ em", "Nam, từ 16")]
    assert cells == sorted(cells) and cells[-1] < printed.index("Trong đó được hỗ trợ", victims)
    assert "GHI CHÚ SỐ LIỆU" not in printed and "Theo sổ của Công an huyện" not in printed
    printed = text(with_comments)
    assert "GHI CHÚ SỐ LIỆU" in printed and "(ghi chú số liệu)" in printed.replace("\n", " ")
    assert "Theo sổ của Công an huyện" in printed and "Không có cuộc gọi nào trong kỳ" in printed


TOTAL = b'{"indicator":"GBV_VICTIMS_DETECTED","value":5}\n'
CELL = b'{"indicator":"GBV_VICTIMS_DETECTED","cell":"sex=female;age_group=child","value":%d}\n'
BAD_CELLS = {
    "a cell before its total": (CELL % 5 + TOTAL, "phải ngay sau dòng tổng số"),
    "cells against the total": (TOTAL + CELL % 3, "khác tổng các ô phân tổ"),
    "a cell not in the catalogue": (TOTAL + CELL.replace(b"female", b"other") % 5, "không có trong danh mục"),
    "a cell twice": (
        TOTAL + CELL % 2 + CELL.replace(b"sex=female;age_group=child", b"age_group=child;sex=female") % 3,
        "hai lần",
    ),
    "a comment on a cell line": (
        TOTAL + CELL.replace(b'"value"', b'"comment":"x","value"') % 5,
        "chỉ có indicator, cell, value",
    ),
    "a mark not 0 or 1": (b'{"indicator":"HOTLINE_CONTACTS","value":0,"follow_up":2}\n', "0 hoặc 1"),
}


def _later(manifest: dict) -> None:
    manifest["sequence"] += 1
    manifest["bundle_id"] = "1" * 8 + manifest["bundle_id"][8:]


@pytest.mark.parametrize("case", sorted(BAD_CELLS))
def test_a_bundle_whose_cells_break_a_rule_is_refused_naming_the_member_and_nothing_changes(world, tmp_path, case):
    lines, reason = BAD_CELLS[case]
    members = dict(good_members(tmp_path), **{fmt.INDICATORS: lines})
    bundle = craft(world["883"], tmp_path / "cells.vstb", members)
    province = world["89"]
    before = snapshot(province)
    code, _, err = province("bundle", "import", bundle)
    assert code == 1 and "cells.vstb" in err and fmt.INDICATORS in err and reason in err, err
    assert snapshot(province) == before
    # Without the flaw the same hand's bundle imports, its cells kept.
    good = TOTAL + CELL % 5 + '{"indicator":"HOTLINE_CONTACTS","value":0,"comment":"Không có","follow_up":1}\n'.encode()
    control = craft(world["883"], tmp_path / "control.vstb", dict(members, **{fmt.INDICATORS: good}))
    ok(province, "bundle", "import", control)
    figures = json.loads(ok(province, "summary", "--period", "2023H1", "--json", "--org-unit", "883"))
    assert figures["breakdowns"]["GBV_VICTIMS_DETECTED"]["sex=female;age_group=child"] == 5
    assert figures["comments"]["883"]["HOTLINE_CONTACTS"] == {"comment": "Không có", "follow_up": True}
    # A later bundle that changes only a comment shows the value as changed (same total).
    again = good.replace("Không có".encode(), "Không có cuộc gọi".encode())
    later = craft(world["883"], tmp_path / "later.vstb", dict(members, **{fmt.INDICATORS: again}), edit=_later)
    assert "chỉ tiêu HOTLINE_CONTACTS: 0 → 0" in ok(province, "bundle", "import", later, "--dry-run")


def test_the_long_export_carries_each_cell_and_the_comment_of_a_value(district_cli, tmp_path):
    import csv

    path = tmp_path / "chi-tieu.csv"
    path.write_text(CSV, encoding="utf-8")
    ok(district_cli, "data", "import", path)
    out = tmp_path / "long.csv"
    ok(district_cli, "data", "export", "--format", "long", "--period", "2023H1", "--out", out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = [row for row in csv.DictReader(stream) if row["indicator"] == VICTIMS]
    assert [(row["breakdown"], row["value"]) for row in rows] == [
        ("", "12"),
        ("sex=female;age_group=child", "2"),
        ("sex=female;age_group=adult", "9"),
        ("sex=male;age_group=child", "1"),
        ("sex=male;age_group=adult", "0"),
    ]
    assert rows[0]["comment"] == "Theo sổ của Công an huyện" and rows[0]["follow_up"] == "true"
    assert rows[1]["sex"] == "female" and rows[1]["age_group"] == "child" and rows[1]["comment"] == ""
