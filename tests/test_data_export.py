"""`data export --format long|adx`: the period's raw values for national systems, read back from
the CSV, the workbook and the ADX XML written by the command line."""

import csv
import json
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from tests.conftest import PROVINCE_INDICATOR, ok
from vstbpn_desktop.catalogue.national import national_catalogue
from vstbpn_desktop.reports.long_export import columns

ADX = "{urn:ihe:qrph:adx:2015}"


@pytest.fixture
def world(pair, tmp_path):
    """Province 89 holding district 883's 2023H1 bundle, with its own typed values: the leaders and
    the communication sessions of the whole province ("các cấp", area) and the hotline calls of its
    own level."""
    district, province = pair
    table = tmp_path / "province.csv"
    table.write_text(
        "period,indicator,value,coverage\n2023H1,LEADERS_TOTAL,2302,area\n2023H1,LEADERS_FEMALE,584,area\n"
        "2023H1,HOTLINE_CONTACTS,4,own\n2023H1,COMM_SESSIONS,780,area\n",
        encoding="utf-8",
    )
    ok(province, "data", "import", table)
    return district, province


def _csv(cli, tmp_path, period="2023H1"):
    out = tmp_path / f"long-{period}.csv"
    assert f"vào {out}" in ok(cli, "data", "export", "--format", "long", "--period", period, "--out", out)
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def test_long_csv_has_the_stable_columns_one_row_per_unit_indicator_and_cell(world, tmp_path):
    _, province = world
    header, rows = _csv(province, tmp_path)
    assert header == columns()
    assert header[:5] == ["org_unit", "org_unit_name", "org_unit_tree", "period", "dhis2_period"]
    assert {"breakdown", *national_catalogue().dimensions, "comment", "follow_up", "flags"} <= set(header)
    by_key = {(r["org_unit"], r["indicator"]): r for r in rows}
    assert len(by_key) == len(rows)  # one row per unit × indicator (no breakdown stored yet)
    leaders = by_key["89", "LEADERS_TOTAL"]
    assert leaders["value"] == "2302" and leaders["coverage"] == "area"
    assert leaders["org_unit_name"] == "Tỉnh An Giang" and leaders["org_unit_tree"] == "an-giang-2023"
    assert (leaders["period"], leaders["dhis2_period"]) == ("2023H1", "2023S1")
    assert leaders["indicator_name_vi"] == "Tổng số cán bộ lãnh đạo, quản lý chính quyền địa phương"
    assert leaders["unit"] == "người" and leaders["breakdown"] == "" and leaders["comment"] == ""
    # The province's whole-area value stands: the district's own leaders are not exported beside it.
    assert ("883", "LEADERS_TOTAL") not in by_key
    assert by_key["89", "HOTLINE_CONTACTS"]["coverage"] == "own"
    assert by_key["883", "HOTLINE_CONTACTS"]["value"] == "16"
    assert by_key["89", "COMM_SESSIONS"]["value"] == "780" and ("883", "COMM_SESSIONS") not in by_key
    # The participants of the province's 780 sessions are not known: neither its nor a district's sum.
    assert not any(r["indicator"].startswith("COMM_PARTICIPANTS") for r in rows)
    assert by_key["883", "MEDIA_ITEMS"]["value"] == "2"  # media items are other events
    assert by_key["883", "GBV_VICTIMS_SUPPORTED"]["value"] == "5"
    assert not any(r["indicator"].endswith("_PCT") for r in rows)  # shares are derived, not data values
    strategy = {r["indicator"]: r["strategy_ref"] for r in rows}
    assert strategy["GBV_VICTIMS_SUPPORTED"] == ""  # the count: the strategy names the share (NQ28/MT3/CT2)
    # The key-leader units are yearly: the demo entered them in 2023, not in this half-year.
    assert not any(r["indicator"].startswith("KEYLEADER") for r in rows)


def test_adding_the_rows_up_the_tree_gives_the_reports_figures(world, tmp_path):
    _, province = world
    _, rows = _csv(province, tmp_path)
    summary = json.loads(ok(province, "summary", "--period", "2023H1", "--json"))["indicators"]
    totals: dict[str, float] = {}
    for row in rows:
        totals[row["indicator"]] = totals.get(row["indicator"], 0) + float(row["value"])
    raw = {code: value for code, value in summary.items() if not code.endswith("_PCT")}
    assert totals == pytest.approx(raw)
    assert totals["HOTLINE_CONTACTS"] == 20  # 4 of the province's own level + the district's 16


def test_the_workbook_holds_the_same_rows_typed(world, tmp_path):
    _, province = world
    _, rows = _csv(province, tmp_path)
    out = tmp_path / "long.xlsx"
    ok(province, "data", "export", "--format", "long", "--period", "2023H1", "--out", out)
    sheet = openpyxl.load_workbook(out)["long"]
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == columns() and sheet.freeze_panes == "A2"
    value_at = columns().index("value")
    assert all(isinstance(row[value_at], int) for row in table[1:])
    as_text = [["" if cell is None else str(cell) for cell in row] for row in table[1:]]
    assert as_text == [[row[name] for name in columns()] for row in rows]


def test_adx_groups_each_unit_with_iso_periods_and_codes_as_dhis2_reads_them(world, tmp_path):
    _, province = world
    _, rows = _csv(province, tmp_path)
    out = tmp_path / "export.xml"
    ok(province, "data", "export", "--format", "adx", "--period", "2023H1", "--out", out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{ADX}adx" and root.get("exported", "").endswith("Z")
    groups = root.findall(f"{ADX}group")
    assert [g.get("orgUnit") for g in groups] == ["89", "883"]
    assert {(g.get("period"), g.get("dataSet")) for g in groups} == {("2023-01-01/P6M", "VSTBPN_BDG")}
    values = {
        (g.get("orgUnit"), v.get("dataElement")): v.get("value") for g in groups for v in g.findall(f"{ADX}dataValue")
    }
    assert values == {(r["org_unit"], r["indicator"]): r["value"] for r in rows}
    for g in groups:
        for v in g:
            assert v.tag == f"{ADX}dataValue" and set(v.attrib) == {"dataElement", "value"}
            float(v.get("value"))


def test_a_year_and_the_second_half_are_written_as_each_system_names_them(world, tmp_path):
    district, province = world
    out = tmp_path / "h2.xml"
    ok(district, "data", "export", "--format", "adx", "--period", "2023H2", "--out", out)
    assert ET.parse(out).getroot().findall(f"{ADX}group") == []  # nothing held for 2023H2
    ok(district, "data", "export", "--format", "adx", "--period", "2023", "--out", out)
    groups = ET.parse(out).getroot().findall(f"{ADX}group")
    assert [(g.get("orgUnit"), g.get("period")) for g in groups] == [("883", "2023-01-01/P1Y")]
    _, rows = _csv(district, tmp_path, "2023")
    assert {r["dhis2_period"] for r in rows} == {"2023"}
    assert {r["indicator"] for r in rows} == {
        "KEYLEADER_UNITS_TOTAL",  # yearly: entered for the year
        "KEYLEADER_UNITS_FEMALE",
        "COMM_SESSIONS",
        "COMM_PARTICIPANTS",
        "COMM_PARTICIPANTS_FEMALE",
        "MEDIA_ITEMS",
    }


def test_a_province_indicator_from_catalogue_import_is_exported_in_every_format(world, tmp_path):
    """Issue #15: `data export` reads the profile's catalogue, not the shipped one: an indicator the
    province added by `catalogue import` is written with its value, names and unit."""
    _, province = world
    added = tmp_path / "ag.json"
    added.write_text(json.dumps({"indicators": [PROVINCE_INDICATOR]}, ensure_ascii=False), encoding="utf-8")
    ok(province, "catalogue", "import", added)
    table = tmp_path / "shelters.csv"
    table.write_text("period,indicator,value,coverage\n2023H1,AG_SHELTERS,7,own\n", encoding="utf-8")
    ok(province, "data", "import", table)

    _, rows = _csv(province, tmp_path)
    shelters = [r for r in rows if r["indicator"] == "AG_SHELTERS"]
    assert [(r["org_unit"], r["value"], r["coverage"]) for r in shelters] == [("89", "7", "own")]
    assert (shelters[0]["indicator_name_vi"], shelters[0]["indicator_name_en"], shelters[0]["unit"]) == (
        "Số địa chỉ tin cậy ở cộng đồng",
        "Trusted community shelters",
        "địa chỉ",
    )
    assert shelters[0]["national_code"] == "" and shelters[0]["breakdown"] == ""
    assert [r["indicator"] for r in rows if r["org_unit"] == "89"][-1] == "AG_SHELTERS"  # after the shipped ones

    out = tmp_path / "long.xlsx"
    ok(province, "data", "export", "--format", "long", "--period", "2023H1", "--out", out)
    table_rows = list(openpyxl.load_workbook(out)["long"].iter_rows(values_only=True))
    at = columns().index("indicator")
    assert [row[columns().index("value")] for row in table_rows if row[at] == "AG_SHELTERS"] == [7]

    out = tmp_path / "export.xml"
    ok(province, "data", "export", "--format", "adx", "--period", "2023H1", "--out", out)
    found = [
        (g.get("orgUnit"), v.get("value"))
        for g in ET.parse(out).getroot().findall(f"{ADX}group")
        for v in g.findall(f"{ADX}dataValue")
        if v.get("dataElement") == "AG_SHELTERS"
    ]
    assert found == [("89", "7")]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--format", "long", "--out", "{tmp}/x.txt"], "x.txt"),
        (["--format", "adx", "--out", "{tmp}/no-such-folder/x.xml"], "no-such-folder"),
        (["--format", "long", "--out", "{profile}/vstbpn.sqlite3"], "vstbpn.sqlite3"),
    ],
)
def test_a_wrong_output_is_refused_and_nothing_is_written(world, tmp_path, arguments, words):
    _, province = world
    before = sorted(p.name for p in tmp_path.iterdir())
    filled = [a.format(tmp=tmp_path, profile=province.data_dir) for a in arguments]
    code, _, err = province("data", "export", "--period", "2023H1", *filled)
    assert code == 1 and err.startswith("error:") and words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unknown_format_is_a_usage_error(world, tmp_path):
    _, province = world
    with pytest.raises(SystemExit) as usage:
        province("data", "export", "--format", "sdmx", "--period", "2023H1", "--out", tmp_path / "x.csv")
    assert usage.value.code == 2 and not (tmp_path / "x.csv").exists()


def test_a_breakdown_cell_and_a_comment_are_written_where_each_format_puts_them(province, tmp_path):
    # Breakdowns and comments are not stored yet (issue 16 items 1 and 2): the writers are given
    # values that carry them, as the storage will, and their files are read back.
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.reports.long_export import DataValue, long_rows, write_adx, write_long_csv

    period = Period.parse("2023H2")
    values = [
        DataValue(
            "89", "GBV_VICTIMS_DETECTED", 3, "own", (("sex", "female"), ("age_group", "child")), "=từ Công an xã"
        ),
        DataValue("89", "DV_CASES", 2, "own", (("violence_type", "physical"),), "", True, ("outlier", "yoy")),
    ]
    write_adx(period, values, tmp_path / "x.xml")
    first, second = ET.parse(tmp_path / "x.xml").getroot().iter(f"{ADX}dataValue")
    assert first.attrib == {"dataElement": "GBV_VICTIMS_DETECTED", "value": "3", "sex": "female", "age_group": "child"}
    assert first.find(f"{ADX}annotation").text == "=từ Công an xã"
    assert second.attrib["violence_type"] == "physical" and second.find(f"{ADX}annotation") is None
    assert ET.parse(tmp_path / "x.xml").getroot().find(f"{ADX}group").get("period") == "2023-07-01/P6M"
    write_long_csv(long_rows(province, period, values), tmp_path / "x.csv")
    with (tmp_path / "x.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert (rows[0]["breakdown"], rows[0]["sex"], rows[0]["age_group"], rows[0]["area"]) == (
        "sex=female;age_group=child",
        "female",
        "child",
        "",
    )
    assert rows[0]["comment"] == "=từ Công an xã" and rows[0]["dhis2_period"] == "2023S2"
    assert (rows[1]["violence_type"], rows[1]["follow_up"], rows[1]["flags"]) == ("physical", "true", "outlier;yoy")
    assert rows[1]["indicator_name_vi"] == "Số vụ bạo lực gia đình"  # a national indicator, by the catalogue
