"""Alembic environment driven from code: the engine comes from the caller, batch mode for SQLite."""

from alembic import context
from sqlmodel import SQLModel

from vstbpn_desktop.storage import models  # noqa: F401  (registers the tables)

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine  # only when Alembic runs without the app's engine

        engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
