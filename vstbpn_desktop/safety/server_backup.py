"""Backup, restore and check of a shared PostgreSQL database, through the server's own tools.

`pg_dump -Fc` writes the backup (`vstbpn-YYYYmmdd-HHMMSS-REASON.dump` in the profile's backups/, or
the file named) through atomic.py; `pg_restore --clean --if-exists --single-transaction` puts one
back whole or not at all, after a backup of the current state. A restore refuses a file that is not
such a dump, or one of another unit, naming it; the revoked keys and the bundle ledger are kept as
on SQLite (bundle/kept.py). `check` is a connection and schema check: the server keeps its own pages
whole; what can be wrong from here is reaching it and a schema that is not this app's.
Without pg_dump/pg_restore on the PATH each says so (the package postgresql-client).
"""

import shutil
import subprocess
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from ..atomic import OutputError, atomic_path
from ..errors import Message, Refused
from ..storage.database import current_revision, head_revision, needs_upgrade
from ..storage.models import Activity, Document, IndicatorValue, Narrative, SQLModel
from ..storage.server import shown

DUMP_SUFFIX = ".dump"
TOOLS_TIMEOUT = 3600


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise Refused(
            "cần chương trình {name} của PostgreSQL trên PATH để sao lưu/khôi phục cơ sở dữ liệu máy chủ "
            "(gói postgresql-client; cùng phiên bản với máy chủ); không thay đổi gì",
            name=name,
        )
    return found


def _libpq(url: str) -> str:
    """The URL as libpq reads it (the password, never in it, comes from ~/.pgpass as for the app)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str], what: Message) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TOOLS_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Refused("{what}: {error}", what=what, error=exc) from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise Refused("{what}: {error}", what=what, error=lines[0] if lines else done.returncode)
    return done


def record_count(engine) -> int:
    with engine.connect() as connection:
        return sum(
            connection.execute(select(func.count()).select_from(model.__table__)).scalar_one()
            for model in (Activity, Document, IndicatorValue, Narrative)
        )


def backup(profile, target: Path) -> int:
    """pg_dump of the profile's database into `target`, atomically; the records it holds."""
    pg_dump = _tool("pg_dump")
    try:
        with atomic_path(target) as temp:
            _run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "-f",
                    str(temp),
                    _libpq(profile.database_url),
                ],
                Message("{url}: pg_dump không sao lưu được", url=shown(profile.database_url)),
            )
    except OutputError as exc:
        raise Refused(exc) from exc
    return record_count(profile.engine)


def dump_unit(file: Path) -> str | None:
    """The unit a dump belongs to (its meta table's org_unit row), read without restoring it;
    Refused when the file is not a pg_dump archive of this app."""
    pg_restore = _tool("pg_restore")
    what = Message("{file}: không phải bản sao lưu pg_dump của VSTBPN; dữ liệu hiện tại được giữ nguyên", file=file)
    listing = _run([pg_restore, "--list", str(file)], what).stdout
    if " TABLE DATA " not in listing or " meta " not in listing or " alembic_version " not in listing:
        raise Refused(what)
    data = _run([pg_restore, "--data-only", "--table=meta", "-f", "-", str(file)], what).stdout
    for line in data.splitlines():
        key, _, value = line.partition("\t")
        if key == "org_unit":
            return value
    return None


def restore(profile, file: Path, safety: Path) -> dict:
    """Put a dump back, whole or not at all, after a backup of the current state into `safety`."""
    file = Path(file)
    if not file.is_file():
        raise Refused("{file}: không tìm thấy tệp sao lưu", file=file)
    unit = dump_unit(file)
    if unit != profile.org_unit_code:
        raise Refused(
            "{file}: bản sao lưu của đơn vị {unit}, hồ sơ này là {expected_unit}; dữ liệu hiện tại được giữ nguyên",
            file=file,
            unit=unit or Message("không rõ"),
            expected_unit=profile.org_unit_code,
        )
    pg_restore = _tool("pg_restore")
    held = profile.remember_kept()  # revocations and the ledger are not rolled back (bundle/kept.py)
    backup(profile, safety)
    profile.close()  # our own pooled connections would hold the tables pg_restore drops
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            "-d",
            _libpq(profile.database_url),
            str(file),
        ],
        Message(
            "{url}: pg_restore không khôi phục được; dữ liệu hiện tại được giữ nguyên", url=shown(profile.database_url)
        ),
    )
    profile._meta = None
    if needs_upgrade(profile.engine):
        profile._migrate()
    carried = profile.reapply_kept(held)
    return {
        "org_unit": unit,
        "records": record_count(profile.engine),
        "safety_backup": str(safety),
        "damaged_moved": False,
        "kept": carried,
    }


def check(profile) -> list[str]:
    """Problems of the connection and the schema ([] when the server answers with this app's schema)."""
    from alembic.autogenerate import compare_metadata  # lazy: Alembic is 0.3 s, loaded only to check
    from alembic.migration import MigrationContext

    problems: list[str] = []
    revision = current_revision(profile.engine)
    if revision != head_revision():
        problems.append(
            Message("phiên bản lược đồ {revision}, ứng dụng cần {head}", revision=revision, head=head_revision())
        )
    with profile.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        for difference in compare_metadata(context, SQLModel.metadata)[:20]:
            problems.append(Message("lược đồ khác với ứng dụng: {difference}", difference=str(difference)))
    return problems
