"""A shared PostgreSQL database (a province's clerks on several PCs): the URL, the password, what
the database holds, and turning the driver's errors into one clear message.

The URL (`postgresql+psycopg://user@host:port/database`) is kept in settings.json without a
password: libpq reads it from `PGPASSFILE` or `~/.pgpass` (`%APPDATA%\\postgresql\\pgpass.conf` on
Windows); `remember_password` writes that file's line for the window's first-run dialog.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError

from ..atomic import write_atomic
from ..errors import Message, Refused
from .models import SQLModel

SERVER_DRIVER = "postgresql+psycopg"
OUR_TABLES = {"meta", "alembic_version", "org_unit", "activity", "bundle_ledger"}


def is_server(url: str | None) -> bool:
    return bool(url) and not str(url).startswith("sqlite")


def server_url(url: str) -> URL:
    """The URL of a shared database, checked: PostgreSQL through psycopg, a host and a database
    name, no password (Refused otherwise, naming what is wrong and what to write)."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise Refused(
            "địa chỉ cơ sở dữ liệu '{url}' không hợp lệ; dạng đúng: postgresql+psycopg://người-dùng@máy:5432/tên",
            url=url,
        ) from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername=SERVER_DRIVER)
    if parsed.drivername != SERVER_DRIVER:
        raise Refused(
            "cơ sở dữ liệu '{driver}' không hỗ trợ; chỉ SQLite (mặc định) hoặc máy chủ PostgreSQL "
            "(postgresql+psycopg://người-dùng@máy:5432/tên)",
            driver=parsed.drivername,
        )
    if not parsed.host or not parsed.database:
        raise Refused(
            "địa chỉ cơ sở dữ liệu '{url}' thiếu tên máy chủ hoặc tên cơ sở dữ liệu; "
            "dạng đúng: postgresql+psycopg://người-dùng@máy:5432/tên",
            url=shown(parsed),
        )
    if parsed.password:
        raise Refused(
            "không ghi mật khẩu vào địa chỉ cơ sở dữ liệu (nó sẽ nằm trong settings.json); hãy ghi vào tệp "
            "mật khẩu của PostgreSQL ({pgpass}, dòng máy:cổng:tên:người-dùng:mật-khẩu) hoặc đặt PGPASSFILE",
            pgpass=pgpass_path(),
        )
    return parsed


def shown(url: str | URL) -> str:
    """The URL as the officer may see it (a password, if any, masked)."""
    parsed = url if isinstance(url, URL) else make_url(url)
    return parsed.render_as_string(hide_password=True)


def pgpass_path() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":  # pragma: no cover - Windows
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(url: str, password: str) -> Path:
    """Put (or replace) the line for this server, database and user in the password file that libpq
    reads, readable by the user only; the URL in settings.json stays without it."""
    parsed = server_url(url)
    path = pgpass_path()
    fields = [parsed.host or "", str(parsed.port or 5432), parsed.database or "", parsed.username or ""]
    prefix = ":".join(_pgpass_field(f) for f in fields) + ":"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(prefix)] + [prefix + _pgpass_field(password)]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"), profile_file=True)
    os.chmod(path, 0o600)  # libpq ignores a password file others can read
    return path


def explain(exc: BaseException, url: str | None = None) -> Message:
    """One clear message for a failed connection or statement on the server."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    where = shown(url) if url else "máy chủ cơ sở dữ liệu"
    lowered = reason.lower()
    if state in ("28P01", "28000") or "password" in lowered:
        return Message(
            "{url}: máy chủ từ chối đăng nhập (sai người dùng hoặc mật khẩu; mật khẩu lấy từ {pgpass}): {reason}",
            url=where,
            pgpass=pgpass_path(),
            reason=reason,
        )
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return Message(
            "{url}: máy chủ chưa có cơ sở dữ liệu này; quản trị viên tạo nó trước (CREATE DATABASE)", url=where
        )
    if not state and any(w in lowered for w in ("connection failed", "connection refused", "could not", "timeout")):
        return Message(
            "{url}: không kết nối được máy chủ cơ sở dữ liệu (máy chủ tắt, sai tên máy hoặc cổng, hoặc mạng "
            "không thông): {reason}",
            url=where,
            reason=reason,
        )
    if state[:2] in ("08", "57") or (not state and type(orig).__name__ == "OperationalError"):
        return Message(
            "{url}: mất kết nối tới máy chủ cơ sở dữ liệu giữa chừng ({reason}); giao dịch đã bị hủy, dữ liệu "
            "không thay đổi — hãy làm lại khi máy chủ trả lời",
            url=where,
            reason=reason,
        )
    return Message("{url}: lỗi của máy chủ cơ sở dữ liệu: {reason}", url=where, reason=reason)


def from_server(exc: BaseException) -> bool:
    """The error came from the PostgreSQL driver."""
    return type(getattr(exc, "orig", None) or exc).__module__.startswith("psycopg")


@dataclass
class Found:
    """What a database holds before `init` uses it."""

    empty: bool
    ours: bool
    org_unit: str | None = None
    org_unit_tree: str | None = None
    revision: str | None = None


def look(engine: Engine) -> Found:
    """Read what the database holds (raises the driver's error when it cannot be reached)."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return Found(empty=True, ours=False)
        if not {"meta", "alembic_version"} <= tables:
            return Found(empty=False, ours=False)
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        meta: dict[str, str] = {
            key: value
            for key, value in connection.execute(text("SELECT key, value FROM meta WHERE key LIKE 'org_unit%'"))
        }
    return Found(
        empty=False,
        ours=True,
        org_unit=meta.get("org_unit"),
        org_unit_tree=meta.get("org_unit_tree"),
        revision=revision,
    )


def other_app(url: str) -> Refused:
    return Refused(
        "{url}: cơ sở dữ liệu đã có bảng của ứng dụng khác; không dùng chung, không ghi gì vào đó — "
        "hãy dùng một cơ sở dữ liệu trống (CREATE DATABASE) cho VSTBPN",
        url=shown(url),
    )


def drop_everything(engine: Engine) -> None:
    """Remove what a failed `init` created in a database that was empty before (all or nothing)."""
    with engine.begin() as connection:
        SQLModel.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def probe(url: str, password: str = "") -> Message:
    """What `init` would do with this database (the first-run dialog's connection test): set up an
    empty one, or attach to the unit it holds; Refused, with the reason, when it can do neither."""
    parsed = server_url(url)
    engine = create_engine(
        parsed.set(password=password or None), connect_args={"connect_timeout": 10, "application_name": "vstbpn"}
    )
    try:
        found = look(engine)
    except Exception as exc:  # the driver's error, whatever it is: one message
        raise Refused(explain(exc, url)) from None
    finally:
        engine.dispose()
    if found.empty:
        return Message("{url}: kết nối tốt; cơ sở dữ liệu trống — sẽ tạo hồ sơ mới của đơn vị ở đó", url=shown(parsed))
    if not found.ours:
        raise other_app(url)
    return Message(
        "{url}: kết nối tốt; đã có dữ liệu của đơn vị {org_unit} — máy này sẽ gắn vào, không tạo lại",
        url=shown(parsed),
        org_unit=found.org_unit,
    )
