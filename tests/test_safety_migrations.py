"""Every released schema's real database migrates to head with its data; newer schemas are refused;
the database is backed up before migrating."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import DATABASE_FILE, Profile
from vstbpn_desktop.records import Scope, count_activities, indicator_values, narratives
from vstbpn_desktop.safety import audit
from vstbpn_desktop.safety.backup import list_backups
from vstbpn_desktop.safety.locking import lock_state
from vstbpn_desktop.storage import database
from vstbpn_desktop.storage.database import current_revision, head_revision

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "db").glob("schema-*.sqlite3"))


def test_the_fixtures_are_there():
    # A fixture ignored by git would turn the migration tests into skips.
    assert FIXTURES, "tests/fixtures/db/schema-*.sqlite3 missing"


def _profile_from(fixture: Path, folder: Path) -> Path:
    folder.mkdir()
    shutil.copyfile(fixture, folder / DATABASE_FILE)
    return folder


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_each_released_schema_migrates_to_head_with_its_data(fixture, tmp_path):
    folder = _profile_from(fixture, tmp_path / "profile")
    profile = Profile.open(folder)
    try:
        assert current_revision(profile.engine) == head_revision()
        with profile.engine.connect() as connection:
            from alembic.autogenerate import compare_metadata
            from alembic.migration import MigrationContext
            from sqlmodel import SQLModel

            differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
        assert differences == [], "the migrated fixture's schema differs from the models"
        assert profile.org_unit_code == "883"
        h1 = Scope("883", Period(2023, 1))
        assert count_activities(profile.engine, h1) == 14
        assert indicator_values(profile.engine, h1)["LEADERS_TOTAL"] > 0
        assert set(narratives(profile.engine, h1)) >= {"achievements", "difficulties", "directions"}
        assert lock_state(profile.engine, Period(2022, 1)).locked_by == "Trần Thị Lan"
        assert any(e["action"] == "submit" for e in audit.events(profile.engine, period="2022H1"))
    finally:
        profile.close()
    assert FIXTURES[0].name == "schema-0001.sqlite3"


def test_a_database_from_a_newer_version_is_refused_through_the_cli(district_cli, district):
    district.close()
    connection = sqlite3.connect(district_cli.data_dir / DATABASE_FILE)
    connection.execute("UPDATE alembic_version SET version_num='0042_from_the_future'")
    connection.commit()
    connection.close()
    for command in (["info"], ["backup"], ["summary", "--period", "2023H1"]):
        code, _, err = district_cli(*command)
        assert code == 1 and err.startswith("error: ") and "phiên bản mới hơn" in err and "0042" in err
    assert list_backups(district_cli.data_dir) == []
    connection = sqlite3.connect(district_cli.data_dir / DATABASE_FILE)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0042_from_the_future",)
    connection.close()


def test_the_database_is_backed_up_before_a_migration(tmp_path, monkeypatch):
    """A migrations folder with one more (harmless) revision after the current head."""
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_test_step.py").write_text(
        f'revision = "9999"\ndown_revision = "{head_revision()}"\nbranch_labels = None\ndepends_on = None\n\n'
        'from alembic import op\n\n\ndef upgrade():\n    op.execute("UPDATE meta SET value = value WHERE 0")\n\n\n'
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    folder = _profile_from(FIXTURES[0], tmp_path / "profile")
    profile = Profile.open(folder)
    try:
        assert current_revision(profile.engine) == "9999"
        backups = list_backups(profile)
        assert [b.reason for b in backups] == ["migration"] and backups[0].records == 30
        saved = sqlite3.connect(backups[0].path)
        assert saved.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        saved.close()
    finally:
        profile.close()
