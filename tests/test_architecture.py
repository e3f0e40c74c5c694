"""The core's layers (pyproject.toml [tool.importlinter], docs/architecture.md): the core never imports
Qt or the window, each layer imports only the layers below it, and no import cycle — function-level
imports included — hides anywhere in the core or the window. Run as `lint-imports` does, so a new cycle
fails here too."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports(no_cache=True, no_logo=True))"


def lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LINT], cwd=folder, capture_output=True, text=True, timeout=300)


def test_the_core_keeps_its_contracts():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for contract in ("never imports Qt", "Core layers", "No import cycles"):
        assert f"{contract}" in result.stdout
    assert "3 kept, 0 broken" in result.stdout


def test_a_cycle_through_a_function_level_import_breaks_the_contracts(tmp_path):
    """The same kinds of contract on a small package: the lowest module reaching up from inside a
    function (as storage/database.py once reached the audit hook) is a broken layer and a cycle."""
    package = tmp_path / "shop"
    (package / "storage").mkdir(parents=True)
    (package / "safety").mkdir()
    for folder in (package, package / "storage", package / "safety"):
        (folder / "__init__.py").write_text("")
    (package / "storage" / "database.py").write_text(
        "def make_engine():\n    from ..safety.audit import install\n\n    install()\n"
    )
    (package / "safety" / "audit.py").write_text(
        "from ..storage import database\n\n\ndef install():\n    return database\n"
    )
    (tmp_path / ".importlinter").write_text(
        textwrap.dedent(
            """
            [importlinter]
            root_package = shop

            [importlinter:contract:layers]
            name = Layers
            type = layers
            containers = shop
            layers =
                safety
                storage

            [importlinter:contract:acyclic]
            name = No cycles
            type = acyclic_siblings
            ancestors = shop
            """
        )
    )
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Layers BROKEN" in result.stdout and "No cycles BROKEN" in result.stdout
    assert "shop.storage.database -> shop.safety.audit" in result.stdout
