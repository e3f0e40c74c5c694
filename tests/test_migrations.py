"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from vstbpn_desktop.storage import models  # noqa: F401 (registers the tables)
from vstbpn_desktop.storage.database import (
    current_revision,
    head_revision,
    make_engine,
    sqlite_url,
    upgrade_to_head,
)


def test_upgrade_from_empty_matches_the_models(tmp_path):
    engine = make_engine(sqlite_url(tmp_path / "fresh.sqlite3"))
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == [], "models and migrations differ: write a migration"
    engine.dispose()
