"""The engine for the configured database URL, and bringing its schema to head.

SQLite is the embedded default. Its pragmas are applied only to SQLite connections, so the
same models run on another database when the URL says so.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, create_engine

from ..errors import WithMessage
from . import models

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNew(WithMessage, RuntimeError):
    """The database was written by a newer version of the app."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            # FULL: a committed transaction survives a power cut, not only a crash.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        return engine
    # A shared server: a dead connection in the pool is replaced, not handed out; an unreachable
    # server is told within 10 s; the server lists the clerks' connections as "vstbpn". The session's
    # time zone is UTC, so a stored time is UTC wall-clock as on SQLite, whatever the server's zone.
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": "vstbpn", "options": "-c timezone=UTC"},
    )


# Advisory lock keys on a server, pairs of our own: (space, 0) the whole database, (senders, hash) one sender.
_LOCK_SPACE = 0x56535442  # "VSTB"
_LOCK_SENDERS = _LOCK_SPACE + 1
_LOCK_ALL = 0


def hold_write_lock(connection, sender: str | None = None) -> None:
    """Take the write lock now, as the transaction's first statement, before reading what its writes
    depend on (the bundle ledger, the rows already held, the period locks): two writers started at
    the same moment then run one after the other, the second seeing what the first committed.
    Without it both could read the ledger first and both pass the replay check.

    SQLite has one lock for the whole file, taken at a transaction's first write: every writer waits.
    On PostgreSQL the locks are advisory and end with the transaction: a bundle import passes its
    `sender` and waits only for another import of that sender (the ledger check is per sender), while
    clerks import other units' bundles at the same moment; every other writer (a table file, an
    answer, an export's counter, trust, locks and deadlines) takes the lock of the whole database,
    which waits for every import and makes every import wait."""
    if connection.dialect.name == "sqlite":
        connection.execute(text("UPDATE meta SET value = value WHERE key = 'org_unit'"))
    elif sender is None:
        connection.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": _LOCK_SPACE, "key": _LOCK_ALL})
    else:
        connection.execute(
            text("SELECT pg_advisory_xact_lock_shared(:space, :key)"), {"space": _LOCK_SPACE, "key": _LOCK_ALL}
        )
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:sender))"), {"space": _LOCK_SENDERS, "sender": sender}
        )


def insert_as_stored(connection: Connection, table: str, row: dict) -> None:
    """A row as sqlite3 read it, written back as it was (the same stored text for every value, no
    type conversion): what a restore puts back into the restored database. On a server the row is
    as SQLAlchemy read it (bundle/kept.remember_engine) and goes back through the table's types."""
    if connection.dialect.name != "sqlite":
        connection.execute(insert(models.SQLModel.metadata.tables[table]).values(**row))
        return
    names = list(row)
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        tuple(row[name] for name in names),
    )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One short session per operation: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _alembic_config(engine: Engine):
    from alembic.config import Config  # lazy: Alembic (0.3 s of start-up), only to migrate

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # lazy: Alembic (0.3 s of start-up), only to migrate

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None, "the migrations have a head"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _head_from_files() -> str | None:
    """The head revision read from the version files' `revision`/`down_revision` lines, without
    importing Alembic (0.3 s of start-up); None when it is not one plain head (Alembic decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", source, re.M)
        down = re.search(r"^down_revision\s*=\s*(.+)$", source, re.M)
        if not revision or not down:
            return None
        revisions.add(revision.group(1))
        parents |= set(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def needs_upgrade(engine: Engine) -> bool:
    """True when the schema is behind head; SchemaTooNew when it is ahead of this app."""
    current = current_revision(engine)
    if current is not None and current == _head_from_files():
        return False  # the usual start: at head, no need to load Alembic
    from alembic.script import ScriptDirectory  # lazy: Alembic (0.3 s of start-up), only to migrate

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    if current is None:
        return True
    if current not in {rev.revision for rev in script.walk_revisions()}:
        raise SchemaTooNew(
            "cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {current}); hãy cập nhật ứng dụng",
            current=current,
        )
    return current != script.get_current_head()


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command  # lazy: Alembic (0.3 s of start-up), only to migrate

    command.upgrade(_alembic_config(engine), "head")
