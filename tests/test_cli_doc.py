"""The command line's documentation stays true: every subcommand and option the parser defines is
in the contract (shared/CLI.md, the row of its command) or in docs/cli.md (its command's section).
The contract is read from its copy in tests/fixtures (CI has no shared folder), checked against the
shared one where this machine has it."""

import argparse
import re
from pathlib import Path

import pytest
from conftest import ROOT

from vstbpn_desktop.cli import build_parser

CONTRACT = ROOT / "tests" / "fixtures" / "shared-CLI.md"
SHARED = Path("/work/shared/CLI.md")
OURS = ROOT / "docs" / "cli.md"


def commands() -> dict[str, list[str]]:
    """Command path → its options, for the program ("") and every command that runs (not the groups
    such as `bundle`, whose subcommands are the commands), in the parser's order."""
    found: dict[str, list[str]] = {}

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not groups or not path:
            found[path] = [o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")]
        for action in groups:
            for name, sub in action.choices.items():
                walk(sub, f"{path} {name}".strip())

    walk(build_parser(), "")
    return found


def sections(text: str) -> dict[str, str]:
    """docs/cli.md: each `### \\`command\\`` heading's text up to the next heading."""
    found: dict[str, str] = {}
    for part in re.split(r"^(?=#{2,3} )", text, flags=re.MULTILINE):
        heading = re.match(r"#{2,3} `([^`]+)`|#{2,3} (Global options)", part)
        if heading:
            found[heading.group(1) or heading.group(2)] = part
    return found


def named(option: str | None, text: str) -> bool:
    """`--to` named in the text as itself (not inside `--tree` or `--too-long`)."""
    return option is None or re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def documented(path: str, option: str | None, contract: str, ours: str) -> bool:
    if not path:  # the global options: the contract's "Global" or our "Global options"
        return named(option, contract) or named(option, sections(ours).get("Global options", ""))
    rows = [line for line in contract.splitlines() if f"`{path} " in line or f"`{path}`" in line]
    if any(named(option, row) for row in rows):
        return True
    section = sections(ours).get(path)
    return section is not None and named(option, section)


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    return CONTRACT.read_text(encoding="utf-8"), OURS.read_text(encoding="utf-8")


def test_every_subcommand_and_option_is_documented(texts):
    contract, ours = texts
    found = commands()
    assert len(found) > 35 and sum(map(len, found.values())) > 70  # the whole parser was read
    missing = [
        f"{path} {option or ''}".strip()
        for path, options in found.items()
        for option in ([None] if path else []) + options
        if not documented(path, option, contract, ours)
    ]
    assert missing == []


def test_the_check_tells_an_undocumented_option_or_command(texts):
    contract, ours = texts
    assert documented("bundle status", "--json", contract, ours)
    assert documented("bundle import", "--dry-run", contract, ours)  # the contract's row
    assert not documented("bundle status", "--sequence-from", contract, ours)  # bundle export's, not status's
    assert not documented("bundle frobnicate", None, contract, ours)
    assert not documented("", "--verbose", contract, ours)


def test_the_contract_copy_is_the_shared_one():
    if not SHARED.exists():
        pytest.skip("the shared folder is not on this machine")
    assert CONTRACT.read_bytes() == SHARED.read_bytes()
