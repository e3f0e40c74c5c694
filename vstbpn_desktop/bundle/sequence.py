"""The sender's sequence: one counter per unit for its reports and answers, that never goes back.

The counter is kept twice: in `meta` (`bundle_sequence`) and, as its high-water mark, in
`<data_dir>/keys/bundle-sequence` (outside the database: a restored backup rolls `meta` back, not
this file). The next number is one above the larger of the two, taken under the database's write
lock (three exports at once get three numbers), and both are written before the lock is released.

A unit whose counter starts again (a new key on a new laptop, a profile made afresh) continues its
sequence from what the parent holds: an answer of the parent raises the counter to the sequence of
the bundle it names (bundle/answer.py), and `bundle export --sequence-from N` takes the number the
parent's refusal gives (a stale bundle signed by another key is refused with that hint).
"""

from pathlib import Path

from sqlalchemy import select as sa_select
from sqlalchemy import update

from ..atomic import OutputError, write_atomic
from ..errors import Refused
from ..files import KEYS_DIR
from ..storage.database import hold_write_lock
from ..storage.models import Meta

META_SEQUENCE = "bundle_sequence"
HIGH_WATER_FILE = "bundle-sequence"
MAX_SEQUENCE = 2**53


def high_water_path(profile) -> Path:
    return Path(profile.data_dir) / KEYS_DIR / HIGH_WATER_FILE


def _file_value(profile) -> int:
    try:
        text = high_water_path(profile).read_bytes().decode("ascii", "replace").strip()
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise Refused(
            "{path}: không đọc được số thứ tự gói đã dùng ({error})",
            path=high_water_path(profile),
            error=exc.strerror or exc,
        ) from exc
    if not text.isascii() or not text.isdigit():
        raise Refused(
            "{path}: tệp số thứ tự gói bị hỏng (cần một số nguyên); hãy khôi phục tệp hoặc hỏi cấp trên "
            "số thứ tự gói cuối cùng đã nhận rồi dùng bundle export --sequence-from",
            path=high_water_path(profile),
        )
    return int(text)


def _meta_value(connection) -> int:
    value = connection.execute(sa_select(Meta.__table__.c.value).where(Meta.__table__.c.key == META_SEQUENCE)).scalar()
    return int(value) if value and value.isdigit() else 0


def _store(connection, profile, value: int) -> None:
    table = Meta.__table__
    if connection.execute(update(table).where(table.c.key == META_SEQUENCE).values(value=str(value))).rowcount == 0:
        connection.execute(table.insert().values(key=META_SEQUENCE, value=str(value)))
    path = high_water_path(profile)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, f"{value}\n".encode("ascii"), private=True, profile_file=True)
    except (OSError, OutputError) as exc:
        raise Refused("{path}: không ghi được số thứ tự gói ({error})", path=path, error=exc) from exc


def used(profile) -> int:
    """The highest sequence this profile has used (or been told to continue from)."""
    with profile.engine.connect() as connection:
        return max(_meta_value(connection), _file_value(profile))


def upcoming(profile) -> int:
    """The number the next export will take, not reserved (the window's suggested file name)."""
    return used(profile) + 1


def next_sequence(profile, at_least: int | None = None) -> int:
    """Reserve the next number (at least `at_least`); it only grows, across restores and processes."""
    if at_least is not None and not 1 <= at_least <= MAX_SEQUENCE:
        raise Refused("--sequence-from: số thứ tự phải là số nguyên 1 … {limit}", limit=MAX_SEQUENCE)
    with profile.engine.begin() as connection:
        hold_write_lock(connection)  # another export of this profile waits here
        value = max(_meta_value(connection), _file_value(profile)) + 1
        if at_least is not None:
            value = max(value, at_least)
        if value > MAX_SEQUENCE:
            raise Refused("số thứ tự gói đã đạt giới hạn {limit}", limit=MAX_SEQUENCE)
        _store(connection, profile, value)
    return value


def raise_to(connection, profile, value: int) -> None:
    """Inside the caller's transaction (holding the write lock): the counter is at least `value`."""
    current = max(_meta_value(connection), _file_value(profile))
    if value > current:
        _store(connection, profile, value)


def keep_after_restore(profile, before: int) -> None:
    """After a restore: the counter is the highest of the restored one, the file and `before`."""
    try:
        kept = _file_value(profile)
    except Refused:  # a damaged file: `before` (the live counter, kept equal to it) takes its place
        kept = 0
    with profile.engine.begin() as connection:
        hold_write_lock(connection)
        value = max(_meta_value(connection), kept, before)
        if value:
            _store(connection, profile, value)
