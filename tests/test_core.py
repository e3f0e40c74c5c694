"""The core without Qt: periods, Vietnamese forms, validation, profiles, demo and summary."""

import json
import os
import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from conftest import ROOT

from vstbpn_desktop import records
from vstbpn_desktop.domain.validation import Invalid, parse_date, validate_activity
from vstbpn_desktop.formats import (
    format_count,
    format_date,
    format_long_date,
    format_number,
    format_percent,
    parse_number,
    round_share,
)
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope, set_indicator_values
from vstbpn_desktop.text import fold, nfc


def test_period_codes_and_bounds():
    h1 = Period.parse("2023H1")
    assert (h1.start, h1.end) == (date(2023, 1, 1), date(2023, 6, 30))
    assert Period.parse("2023h2").end == date(2023, 12, 31)
    assert Period.parse("2023").covers(h1) and not h1.covers(Period.parse("2023"))
    for bad in ("2023H3", "23H1", "", "2023-H1"):
        with pytest.raises(ValueError):
            Period.parse(bad)


def test_a_year_sorts_before_its_halves_and_a_unit_holding_both_lists_them(district):
    """A yearly value (the key-leader units, in 2023) beside the half-year's: comparing the two periods
    failed ('<' between int and None), and with it the window's start on such a profile."""
    assert sorted(map(Period.parse, ("2023H2", "2023", "2022H2", "2023H1"))) == [
        Period(2022, 2),
        Period(2023),
        Period(2023, 1),
        Period(2023, 2),
    ]
    set_indicator_values(district.engine, Scope("883", Period(2023)), {"KEYLEADER_UNITS_TOTAL": 12}, "t")
    set_indicator_values(district.engine, Scope("883", Period(2023, 1)), {"HOTLINE_CONTACTS": 4}, "t")
    assert records.periods_with_data(district.engine, "883") == [Period(2023, 1), Period(2023)]


def test_vietnamese_number_and_date_forms():
    assert format_count(2302) == "2.302"
    assert format_count(25120) == "25.120"
    assert format_percent(25.36) == "25,36 %"
    assert format_long_date(date(2023, 2, 2)) == "ngày 02 tháng 02 năm 2023"
    assert format_long_date(date(2021, 5, 18)) == "ngày 18 tháng 5 năm 2021"
    assert parse_number("2.302") == 2302
    assert parse_number("25,36") == 25.36
    assert parse_number("1.234.567") == 1234567


@pytest.mark.parametrize(
    "value, places, vi, en",
    [
        (2302, 0, "2.302", "2,302"),
        (-2302, 0, "-2.302", "-2,302"),
        (1234.5, 1, "1.234,5", "1,234.5"),
        (-1234.56, 1, "-1.234,6", "-1,234.6"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (0.5, 0, "0", "0"),  # Python's rounding of a float: half to even
        (2.675, 2, "2,67", "2.67"),  # 2.675 is 2.67499… as a float
        (999.96, 1, "1.000,0", "1,000.0"),
        (None, 0, "", ""),
    ],
)
def test_number_forms_in_both_languages(value, places, vi, en):
    assert format_number(value, places) == vi
    assert format_number(value, places, language="vi") == vi
    assert format_number(value, places, language="en") == en


def test_counts_percentages_and_dates_in_english():
    assert format_count(25120, "en") == "25,120"
    assert format_count(25120.0, "en") == "25,120"
    assert (format_count(12.5, "en"), format_count(12.5)) == ("12.5", "12,5")
    assert (format_count(1849.25, "en"), format_count(1849.25)) == ("1,849.25", "1.849,25")
    assert (format_count(-3, "en"), format_count(None, "en")) == ("-3", "")
    assert format_percent(25.36, language="en") == "25.36 %"
    assert format_percent(60, 0, "en") == "60 %"
    assert format_percent(-4.5, 1, "en") == "-4.5 %"
    assert format_percent(None, language="en") == "—"
    assert format_percent(round_share(584 * 100 / 2302, "truncate"), language="en") == "25.36 %"
    # The officers' day/month/year in both languages; the long form is English in English.
    assert format_date(date(2023, 2, 2), "en") == format_date(date(2023, 2, 2)) == "02/02/2023"
    assert format_date(None, "en") == ""
    assert format_long_date(date(2023, 2, 2), "en") == "2 February 2023"
    assert format_long_date(date(2021, 12, 18), language="en") == "18 December 2021"
    assert format_long_date(date(2023, 2, 2), "vi") == "ngày 02 tháng 02 năm 2023"


@pytest.mark.parametrize(
    "text, vi, en",
    [
        ("2.302", 2302, 2.302),
        ("2,302", 2.302, 2302),
        ("1.849", 1849, 1.849),
        ("1,849", 1.849, 1849),
        ("25,36", 25.36, 25.36),  # a lone mark before other than three digits: the decimal point
        ("25.36", 25.36, 25.36),
        ("1.234.567", 1234567, ValueError),
        ("1,234,567", ValueError, 1234567),
        ("1.234,5", 1234.5, 1.2345),
        ("1,234.5", 1.2345, 1234.5),
        ("-2.302", -2302, -2.302),
        ("-1,849", -1.849, -1849),
        (" 25,36 % ", 25.36, 25.36),
        ("2\u00a0302", 2302, 2302),
        ("12.34.5", ValueError, ValueError),
        ("12,34,5", ValueError, ValueError),
        (".5", 0.5, 0.5),
        ("", ValueError, ValueError),
        ("abc", ValueError, ValueError),
    ],
)
def test_parse_number_in_both_languages(text, vi, en):
    for language, expected in (("vi", vi), ("en", en)):
        if expected is ValueError:
            with pytest.raises(ValueError):
                parse_number(text, language)
        else:
            assert parse_number(text, language) == pytest.approx(expected), (language, text)
    if vi is not ValueError:
        assert parse_number(text) == pytest.approx(vi)


def test_share_rounding_is_explicit():
    share = 584 * 100 / 2302
    assert round_share(share, "truncate") == 25.36
    assert round_share(share, "half_up") == 25.37
    assert round_share(12.345, "half_up") == 12.35


def test_text_is_nfc_and_search_ignores_diacritics():
    decomposed = unicodedata.normalize("NFD", "Long Xuyên")
    assert nfc(decomposed) == "Long Xuyên" and nfc(decomposed) != decomposed
    assert fold("Long Xuyên") == "long xuyen"
    assert fold("Đài Phát thanh") == "dai phat thanh"


def test_fold_strips_every_combining_mark_of_every_script_as_its_definition_says():
    """fold's fast road for Vietnamese text must agree with the definition: casefold, NFD, every
    character with a combining class removed, đ → d."""

    def by_definition(text):
        decomposed = unicodedata.normalize("NFD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")

    every = "".join(chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c <= 0xDFFF)
    samples = [every[i : i + 40] for i in range(0, len(every), 40)]  # mixtures
    samples += [f"a{c}b" for c in every] + [unicodedata.normalize("NFD", f"{c}x") for c in every]  # each alone
    samples += [
        "Tập huấn KỸ NĂNG",
        "ĐỒNG THÁP",
        "a\u034fb",
        "Ấp Mỹ Hoà Hưng",
        "Óc Eo – “Khmer” ស្រុកចំបក់",
        "\u0301e",
        "e\u0301\u0323",
        "ǖ ά ﬁ K Ω ß",
    ]
    assert [fold(s) for s in samples] == [by_definition(s) for s in samples]


def test_dates_in_both_forms_and_impossible_dates_refused_with_the_right_reason():
    assert parse_date("2023-02-28") == parse_date("28/02/2023") == parse_date(" 2023-02-28 ")
    for text, reason in (
        ("2023-02-30", "không tồn tại"),
        ("30/02/2023", "không tồn tại"),
        ("2023-2-03", "không đúng dạng"),
        ("2023-0a-01", "không đúng dạng"),
        ("", "thiếu ngày"),
    ):
        with pytest.raises(ValueError) as caught:
            parse_date(text)
        assert reason in str(caught.value), (text, str(caught.value))


def test_activity_validation_names_each_field_in_vietnamese():
    period = Period.parse("2023H1")
    with pytest.raises(Invalid) as caught:
        validate_activity(
            {"date": "31/02/2023", "kind": "party", "title": "", "sessions": "0", "participants": "abc"}, period
        )
    problems = caught.value.problems
    assert "không tồn tại" in problems["date"]
    assert "party" in problems["kind"]
    assert problems["title"] == "không được để trống"
    assert "lớn hơn hoặc bằng 1" in problems["sessions"]
    assert "không phải là số" in problems["participants"]
    with pytest.raises(Invalid) as caught:
        validate_activity(
            {
                "date": "2023-03-01",
                "kind": "training",
                "title": "Tập huấn",
                "sessions": 1,
                "participants": 10,
                "female_participants": 11,
            },
            period,
        )
    assert "lớn hơn tổng số" in caught.value.problems["female_participants"]
    with pytest.raises(Invalid) as caught:
        validate_activity({"date": "2023-07-01", "kind": "training", "title": "x"}, period)
    assert "nằm ngoài kỳ 2023H1" in caught.value.problems["date"]
    clean = validate_activity(
        {
            "date": "01/03/2023",
            "kind": "training",
            "title": unicodedata.normalize("NFD", "Tập huấn"),
            "sessions": "2",
            "participants": "1.200",
            "female_participants": "800",
        },
        period,
    )
    assert clean["title"] == "Tập huấn" and clean["participants"] == 1200


def test_province_demo_reproduces_the_sample_report(province_cli):
    code, out, err = province_cli("demo")
    assert code == 0, err
    code, out, _ = province_cli("summary", "--period", "2023H1", "--json")
    result = json.loads(out)
    figures = result["indicators"]
    assert figures["LEADERS_TOTAL"] == 2302 and figures["LEADERS_FEMALE"] == 584
    assert figures["LEADERS_FEMALE_PCT"] == 25.36  # the demo profile truncates, as the sample does
    assert figures["COMM_SESSIONS"] == 780 and figures["COMM_PARTICIPANTS"] > 25_000
    assert result["children"]["missing"][:2] == ["883", "884"] and len(result["children"]["missing"]) == 11
    code, _, err = province_cli("demo")
    assert code == 1 and err.startswith("error:")


def test_info_json_names_the_live_database(district_cli, engine):
    code, out, _ = district_cli("info", "--json")
    facts = json.loads(out)
    assert code == 0 and facts["org_unit"] == "883"
    if engine == "postgresql":  # the server's URL, as settings.json holds it (never a password)
        settings = json.loads((district_cli.data_dir / "settings.json").read_text(encoding="utf-8"))
        assert facts["database"] == settings["database_url"] and facts["database_engine"] == "postgresql"
    else:
        assert facts["database"].endswith("vstbpn.sqlite3") and facts["database_engine"] == "sqlite"
    assert facts["schema_version"]


def test_init_refuses_unknown_unit_and_second_init(cli_factory):
    cli = cli_factory("p")
    code, _, err = cli("init", "--org-unit", "99999")
    assert code == 1 and "99999" in err and err.startswith("error:")
    assert not (cli.data_dir / "vstbpn.sqlite3").exists()
    assert cli("init", "--org-unit", "884")[0] == 0
    code, _, err = cli("init", "--org-unit", "883")
    assert code == 1 and "884" in err


def test_commands_without_profile_or_with_bad_usage(cli_factory):
    cli = cli_factory("nothing")
    code, _, err = cli("summary", "--period", "2023H1", "--json")
    assert code == 1 and "init" in err
    with pytest.raises(SystemExit) as usage:
        cli("summary", "--period", "2023H9")
    assert usage.value.code == 2


def test_headless_path_never_imports_qt(tmp_path):
    script = (
        "import sys; from vstbpn_desktop.cli import main; "
        f"rc = main(['--data-dir', r'{tmp_path / 'p'}', 'init', '--org-unit', '883']); "
        "assert rc == 0; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'ui'))], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_reused_code_binds_to_the_tree_asked_for_or_the_current_one(cli_factory):
    # 30313 (Xã Mỹ Hòa Hưng) exists under 883 before the reform and under 91 after it.
    old = cli_factory("old")
    assert old("init", "--org-unit", "30313", "--tree", "an-giang-2023")[0] == 0
    assert json.loads(old("info", "--json")[1])["org_unit"] == "30313"
    from vstbpn_desktop.profile import Profile

    def tree_of(cli) -> str:
        profile = Profile.open(cli.data_dir)
        try:
            return profile.org_unit_tree
        finally:
            profile.close()

    assert tree_of(old) == "an-giang-2023"
    new = cli_factory("new")
    assert new("init", "--org-unit", "30313")[0] == 0
    assert tree_of(new) == "an-giang-2025"
    code, _, err = cli_factory("bad")("init", "--org-unit", "883", "--tree", "an-giang-2025")
    assert code == 1 and "an-giang-2025" in err


def test_self_test_passes_in_a_temporary_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "gói báo cáo" in result.stdout and "mọi bước đều đạt" in result.stdout


def test_the_indicator_catalogue_uses_only_the_words_the_code_compares():
    """resources/indicators.json is data the type checker cannot see: its kinds must be those of
    catalogue.IndicatorKind, a share must name a numerator and a denominator of the catalogue, and
    an activity figure only activity kinds of the catalogue."""
    from typing import get_args

    from vstbpn_desktop.catalogue import ACTIVITY_KINDS, IndicatorKind, indicators

    catalogue = indicators()
    assert {i.kind for i in catalogue.values()} == set(get_args(IndicatorKind))
    for indicator in catalogue.values():
        if indicator.kind == "share":
            assert indicator.numerator in catalogue and indicator.denominator in catalogue, indicator.code
        if indicator.kind == "from_activities":
            assert indicator.activity_kinds and set(indicator.activity_kinds) <= set(ACTIVITY_KINDS), indicator.code
