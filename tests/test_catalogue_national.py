"""The catalogue in its national shape (resources/indicators*.json, docs/catalogue.md): the shipped
files pass every rule, the contract's codes keep their meaning, and a broken file is refused naming
the file, the indicator and the rule."""

import json

import pytest

from vstbpn_desktop.catalogue import indicators, minimum_codes
from vstbpn_desktop.catalogue.national import FILES, cell_key, load_catalogue, national_catalogue
from vstbpn_desktop.errors import Reason
from vstbpn_desktop.resources import resource

# shared/CLI.md, "Indicator codes": kind, numerator/denominator or at_most, targets (2025, 2030).
CONTRACT = {
    "LEADERS_TOTAL": ("count", None, None, None),
    "LEADERS_FEMALE": ("count", None, None, "LEADERS_TOTAL"),
    "KEYLEADER_UNITS_TOTAL": ("count", None, None, None),
    "KEYLEADER_UNITS_FEMALE": ("count", None, None, "KEYLEADER_UNITS_TOTAL"),
    "HOTLINE_CONTACTS": ("count", None, None, None),
    "GBV_VICTIMS_DETECTED": ("count", None, None, None),
    "GBV_VICTIMS_SUPPORTED": ("count", None, None, "GBV_VICTIMS_DETECTED"),
    "GBV_PERPETRATORS_DETECTED": ("count", None, None, None),
    "GBV_PERPETRATORS_COUNSELLED": ("count", None, None, "GBV_PERPETRATORS_DETECTED"),
    "LEADERS_FEMALE_PCT": ("share", "LEADERS_FEMALE", "LEADERS_TOTAL", None),
    "KEYLEADER_UNITS_FEMALE_PCT": ("share", "KEYLEADER_UNITS_FEMALE", "KEYLEADER_UNITS_TOTAL", None),
    "GBV_VICTIMS_SUPPORTED_PCT": ("share", "GBV_VICTIMS_SUPPORTED", "GBV_VICTIMS_DETECTED", None),
    "GBV_PERPETRATORS_COUNSELLED_PCT": ("share", "GBV_PERPETRATORS_COUNSELLED", "GBV_PERPETRATORS_DETECTED", None),
    "COMM_SESSIONS": ("from_activities", None, None, None),
    "COMM_PARTICIPANTS": ("from_activities", None, None, None),
    "COMM_PARTICIPANTS_FEMALE": ("from_activities", None, None, None),
    "MEDIA_ITEMS": ("from_activities", None, None, None),
}

# The strategy's targets, as read in its text (Nghị quyết 28/NQ-CP; docs/catalogue.md).
TARGETS = {
    "NQ28/MT1": (60, 75),
    "NQ28/MT3/CT2": None,  # two shares: victims 80/90, perpetrators 50/70 (below)
    "NQ28/MT3/CT3": (100, 100),
    "NQ28/MT6/CT1": (60, 80),
}


def test_the_shipped_catalogue_passes_every_rule_and_keeps_the_contract():
    catalogue = national_catalogue()
    for code, (kind, numerator, denominator, at_most) in CONTRACT.items():
        indicator = catalogue.indicators[code]
        assert (indicator.kind, indicator.numerator, indicator.denominator, indicator.at_most) == (
            kind,
            numerator,
            denominator,
            at_most,
        )
        assert catalogue.files[code] == "indicators.json"
    assert set(catalogue.indicators) - set(CONTRACT) == {
        "DV_CASES",
        "DV_CASES_HANDLED",
        "DV_CASES_HANDLED_PCT",
        "TRAFFICKED_RETURNED_IN_NEED",
        "TRAFFICKED_RETURNED_SUPPORTED",
        "TRAFFICKED_RETURNED_SUPPORTED_PCT",
        "POPULATION_TOTAL",
        "GE_KNOWLEDGE_REACHED",
        "GE_KNOWLEDGE_REACHED_PCT",
    }


def test_the_shipped_catalogue_is_both_files_and_the_minimum_is_the_contract():
    # Every profile holds both files (the catalogue refresh brings an old one up to them:
    # tests/test_national_indicators.py); the minimum catalogue is the report's fixed frame.
    assert set(indicators()) == set(national_catalogue().indicators)
    assert minimum_codes() == set(CONTRACT)
    assert indicators()["GBV_VICTIMS_DETECTED"].dimensions == ("sex", "age_group")


def test_targets_are_the_strategys_and_every_share_with_one_names_it():
    catalogue = national_catalogue()
    refs = {}
    for indicator in catalogue.indicators.values():
        if indicator.target_2025 is not None or indicator.target_2030 is not None:
            assert indicator.kind == "share" and indicator.strategy_ref, indicator.code
            refs[indicator.code] = (indicator.strategy_ref, indicator.target_2025, indicator.target_2030)
    assert refs == {
        "KEYLEADER_UNITS_FEMALE_PCT": ("NQ28/MT1", 60, 75),
        "GBV_VICTIMS_SUPPORTED_PCT": ("NQ28/MT3/CT2", 80, 90),
        "GBV_PERPETRATORS_COUNSELLED_PCT": ("NQ28/MT3/CT2", 50, 70),
        "TRAFFICKED_RETURNED_SUPPORTED_PCT": ("NQ28/MT3/CT3", 100, 100),
        "GE_KNOWLEDGE_REACHED_PCT": ("NQ28/MT6/CT1", 60, 80),
    }
    for ref, targets in TARGETS.items():
        if targets:
            assert any(r == (ref, *targets) for r in refs.values()), ref
    assert all(i.source for i in catalogue.indicators.values())


def test_cells_of_a_breakdown_and_their_keys():
    catalogue = national_catalogue()
    assert [cell_key(c) for c in catalogue.cells("GBV_VICTIMS_DETECTED")] == [
        "sex=female;age_group=child",
        "sex=female;age_group=adult",
        "sex=male;age_group=child",
        "sex=male;age_group=adult",
    ]
    assert catalogue.cells("HOTLINE_CONTACTS") == []
    assert catalogue.parse_cell("GBV_VICTIMS_DETECTED", "age_group=adult;sex=female") == (
        ("sex", "female"),
        ("age_group", "adult"),
    )
    assert catalogue.parse_cell("GBV_VICTIMS_DETECTED", "") == ()
    for wrong in ("sex=female", "sex=female;age_group=old", "sex=female;age_group=child;area=urban"):
        with pytest.raises(Reason, match="GBV_VICTIMS_DETECTED"):
            catalogue.parse_cell("GBV_VICTIMS_DETECTED", wrong)
    assert catalogue.adds_up("GBV_VICTIMS_DETECTED")
    assert not catalogue.adds_up("DV_CASES")  # one case may be of several forms
    assert len(catalogue.cells("DV_CASES")) == 4


def _files(tmp_path, change_base=None, change_national=None):
    paths = []
    for name, change in zip(FILES, (change_base, change_national), strict=True):
        data = json.loads(resource(name).read_text(encoding="utf-8"))
        if change:
            change(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _national(code):
    def find(data):
        return next(i for i in data["indicators"] if i["code"] == code)

    return find


@pytest.mark.parametrize(
    ("base", "national", "words"),
    [
        (
            None,
            lambda d: _national("DV_CASES")(d).update(colour="red"),
            ["indicators-national.json", "DV_CASES", "colour"],
        ),
        (None, lambda d: _national("DV_CASES")(d).pop("source"), ["DV_CASES", "source"]),
        (None, lambda d: _national("DV_CASES")(d).update(dimensions=["caste"]), ["DV_CASES", "caste"]),
        (None, lambda d: _national("DV_CASES")(d).update(frequency="monthly"), ["DV_CASES", "monthly"]),
        (None, lambda d: _national("DV_CASES")(d).update(target_2025=50), ["DV_CASES", "target_2025"]),
        (None, lambda d: _national("GE_KNOWLEDGE_REACHED_PCT")(d).update(target_2030=180), ["target_2030"]),
        (None, lambda d: _national("DV_CASES_HANDLED_PCT")(d).update(numerator="DV_CASES_HANDLED_PCT"), ["numerator"]),
        (
            None,
            lambda d: _national("GE_KNOWLEDGE_REACHED")(d).update(frequency="half_year"),
            ["GE_KNOWLEDGE_REACHED", "at_most"],
        ),
        (None, lambda d: _national("DV_CASES")(d).update(code="LEADERS_TOTAL"), ["LEADERS_TOTAL", "indicators.json"]),
        (None, lambda d: _national("DV_CASES")(d).update(name_vi="So vu bao lu\u0323c"), ["NFC"]),
        (lambda d: d["dimensions"]["sex"]["categories"].pop(), None, ["dimensions.sex"]),
        (lambda d: _national("GBV_VICTIMS_SUPPORTED")(d).update(dimensions=["sex"]), None, ["GBV_VICTIMS_SUPPORTED"]),
    ],
)
def test_a_broken_catalogue_is_refused_naming_the_file_indicator_and_rule(tmp_path, base, national, words):
    with pytest.raises(Reason) as refused:
        load_catalogue(_files(tmp_path, base, national))
    for word in words:
        assert word in str(refused.value)
