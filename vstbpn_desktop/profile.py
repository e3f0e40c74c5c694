"""A profile: one office's folder with its database, keys, backups, logs and settings."""

import json
import shutil
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError
from sqlmodel import col, select

from . import __version__
from .bundle import kept, sealed, trust
from .bundle.keys import init_profile_key
from .catalogue.org_units import read_tree, shipped_trees
from .catalogue.reform import reform_map
from .domain import indicators as catalogue_state
from .errors import Refused
from .files import DATABASE_FILE, database_problem
from .safety.audit import install as install_audit
from .safety.audit import set_actor
from .safety.backup import before, remove_restore_leftovers
from .safety.integrity import check_file
from .settings import Settings, profile_exists
from .storage.database import (
    SchemaTooNew,
    current_revision,
    hold_write_lock,
    make_engine,
    needs_upgrade,
    session_scope,
    sqlite_url,
    upgrade_to_head,
)
from .storage.models import Meta, OrgUnit
from .storage.server import drop_everything, explain, look, other_app, server_url, shown
from .text import unit_in_sentence

SHARED_SETTING = "setting."  # meta keys of the unit's settings on a shared server
META_VALUE_MAX = 2000


class Profile:
    def __init__(self, data_dir: Path, settings: Settings):
        self.data_dir = Path(data_dir)
        self.settings = settings
        self._engine: Engine | None = None
        self._meta: dict[str, str] | None = None
        self.attached = False  # init found the unit on the server already (a second clerk)
        self.parent_enrolment: trust.Enrolment | None = None  # init pinned the parent's key (parent_key)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return profile_exists(data_dir)

    @classmethod
    def open(cls, data_dir: Path, verify: bool = True) -> "Profile":
        """Open an existing profile: quick_check (unless `verify` is False), migrate with a backup first."""
        data_dir = Path(data_dir)
        try:
            settings = Settings.load(data_dir)
        except ValueError as exc:
            raise Refused(exc) from exc
        profile = cls(data_dir, settings)
        if not settings.database_url and not profile.database_path.exists():
            raise Refused("{data_dir}: chưa có hồ sơ; hãy khởi tạo bằng lệnh init --org-unit MÃ", data_dir=data_dir)
        if not settings.database_url:
            problem = database_problem(profile.database_path, data_dir)
            if problem is not None:
                raise Refused("{database_path}: {problem}", database_path=profile.database_path, problem=problem)

            remove_restore_leftovers(profile)  # full database copies a killed restore or backup left
            sealed.remove_leftovers(profile)  # plain zips of bundles a killed export or import left
        if verify and not settings.database_url:
            problems = check_file(profile.database_path, quick=True)
            if problems:
                raise Refused(
                    "{database_path}: cơ sở dữ liệu bị hỏng ({value}); hãy chạy lệnh check và khôi phục bản sao lưu "
                    "còn tốt (restore TỆP)",
                    database_path=profile.database_path,
                    value=problems[:2],
                )
        where = shown(settings.database_url) if settings.database_url else profile.database_path
        try:
            if settings.database_url and current_revision(profile.engine) is None:
                raise Refused(
                    "{url}: không phải cơ sở dữ liệu VSTBPN (chưa khởi tạo hoặc của ứng dụng khác); không ghi gì "
                    "vào đó — hãy kiểm tra database_url trong {data_dir}/settings.json",
                    url=where,
                    data_dir=data_dir,
                )
            if needs_upgrade(profile.engine):
                profile._migrate()
            profile.meta  # noqa: B018  (read now: a server that answers but holds no unit is told here)
        except SchemaTooNew as exc:
            raise Refused("{database_path}: {error}", database_path=where, error=exc) from exc
        except DatabaseError as exc:
            profile.close()
            if settings.database_url:
                raise Refused(explain(exc, settings.database_url)) from None
            raise Refused(
                "{database_path}: không mở được cơ sở dữ liệu ({orig}); hãy chạy lệnh check",
                database_path=profile.database_path,
                orig=exc.orig,
            ) from exc
        set_actor(settings.officer_name)
        if not profile.org_unit_code:
            raise Refused("{data_dir}: hồ sơ chưa gắn với đơn vị nào; hãy chạy init", data_dir=data_dir)
        profile._take_shared_settings()
        catalogue_state.open_profile(profile.engine)  # a newer shipped catalogue: refreshed, never a crash
        return profile

    @classmethod
    def create(
        cls,
        data_dir: Path,
        org_unit_code: str,
        officer: str = "",
        passphrase: "str | Callable[[], str] | None" = None,
        tree: str | None = None,
        database_url: str | None = None,
        parent_key: Path | None = None,
    ) -> "Profile":
        """Create the profile: database at head, catalogues, the unit, settings, signing key.

        With `database_url` (a shared PostgreSQL database) the folder keeps the settings, key, logs;
        the data lives on the server. An empty database is set up for the unit; a database that
        already holds this unit is attached to (`attached` is True: nothing re-created, no new key —
        a second clerk of the same office); anything else is refused with nothing changed.
        `passphrase` may be a function, asked only when a key is made (never on attaching).
        `parent_key`: the parent's public key file, pinned (enrolled) in the same step; a file that is
        not the key of the unit's parent refuses the whole creation."""
        data_dir = Path(data_dir)
        server = server_url(database_url) if database_url else None  # a bad URL: refused before anything
        hooks = creation_hooks()
        if hooks and not passphrase and server is None:
            raise Refused("cần mật khẩu để bảo vệ khóa ký của hồ sơ")
        made_folder = not data_dir.exists()
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            probe = data_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise Refused(
                "{data_dir}: không ghi được vào thư mục hồ sơ ({error})", data_dir=data_dir, error=exc.strerror
            ) from exc
        settings = Settings.load(data_dir) if (data_dir / "settings.json").exists() else Settings()
        profile = cls(data_dir, settings)
        if settings.database_url or profile.database_path.exists():  # a profile already: its unit named
            existing = cls.open(data_dir)
            existing.close()
            raise Refused(
                "{data_dir}: đã có hồ sơ của đơn vị {org_unit_code}; dùng --data-dir khác cho đơn vị khác",
                data_dir=data_dir,
                org_unit_code=existing.org_unit_code,
            )
        there_before = set(data_dir.iterdir())
        try:
            if server is not None:
                profile._create_on_server(server, org_unit_code, officer, passphrase, tree, hooks, parent_key)
            else:
                profile._create(org_unit_code, officer, passphrase, tree, hooks, parent_key)
        except BaseException:  # all or nothing: a failure (even Ctrl+C) leaves no half-made profile
            profile.close()
            for made in set(data_dir.iterdir()) - there_before:
                shutil.rmtree(made) if made.is_dir() and not made.is_symlink() else made.unlink()
            if made_folder and not any(data_dir.iterdir()):
                data_dir.rmdir()
            raise
        return profile

    def _create_on_server(self, url, org_unit_code, officer, passphrase, tree, hooks, parent_key) -> None:
        """Set up an empty server database for the unit, or attach to the one that holds it."""
        self.settings.database_url = url.render_as_string(hide_password=False)
        try:
            found = look(self.engine)
            if not found.empty:
                self._attach(found, org_unit_code, officer, tree, parent_key)
                return
            try:
                self._create(org_unit_code, officer, passphrase, tree, hooks, parent_key)
            except BaseException:
                drop_everything(self.engine)  # the database is empty again, as it was
                raise
        except (DatabaseError, OSError) as exc:
            raise Refused(explain(exc, self.database_url)) from None
        except SchemaTooNew as exc:
            raise Refused("{url}: {error}", url=shown(self.database_url), error=exc) from None

    def _attach(self, found, org_unit_code: str, officer: str, tree: str | None, parent_key: Path | None) -> None:
        """A second clerk's PC: the database already holds this unit; use it as it is."""
        where = shown(self.database_url)
        if not found.ours:
            raise other_app(self.database_url)
        known = needs_upgrade(self.engine)  # SchemaTooNew: written by a newer version
        if not found.org_unit:
            raise Refused(
                "{url}: cơ sở dữ liệu VSTBPN chưa gắn với đơn vị nào (lần khởi tạo trước bị gián đoạn); "
                "quản trị viên xóa và tạo lại cơ sở dữ liệu trống",
                url=where,
            )
        if found.org_unit != org_unit_code or (tree and found.org_unit_tree != tree):
            raise Refused(
                "{url}: cơ sở dữ liệu này là của đơn vị {org_unit} ({held_tree}), không phải {org_unit_code}; "
                "không thay đổi gì",
                url=where,
                org_unit=found.org_unit,
                held_tree=found.org_unit_tree,
                org_unit_code=org_unit_code,
            )
        if known:
            self._migrate()
        if officer:
            self.settings.officer_name = officer
        set_actor(self.settings.officer_name)
        self._take_shared_settings()  # the header, rounding… the first clerk set: the same report
        if parent_key is not None:  # refused before it writes: the shared database stays as it was
            self.parent_enrolment = trust.add_parent(self, parent_key)
        self.attached = True
        self.settings.save(self.data_dir)

    def _create(
        self, org_unit_code: str, officer: str, passphrase, tree: str | None, hooks, parent_key: Path | None = None
    ) -> None:
        profile, settings = self, self.settings
        if callable(passphrase):
            passphrase = passphrase()
        if hooks and not passphrase:
            raise Refused("cần mật khẩu để bảo vệ khóa ký của hồ sơ")
        upgrade_to_head(profile.engine)
        profile.load_org_units()
        with session_scope(profile.engine) as session:
            units = session.exec(select(OrgUnit).where(OrgUnit.code == org_unit_code)).all()
        if not units:
            raise Refused(
                "mã đơn vị '{org_unit_code}' không có trong danh mục đơn vị hành chính", org_unit_code=org_unit_code
            )
        if officer:
            settings.officer_name = officer
        set_actor(settings.officer_name)
        unit = choose_unit(units, tree)
        if unit is None:
            raise Refused(
                "mã đơn vị '{org_unit_code}' không có trong danh mục {tree}", org_unit_code=org_unit_code, tree=tree
            )
        parent = None
        with session_scope(profile.engine) as session:
            session.add(Meta(key="org_unit", value=unit.code))
            session.add(Meta(key="org_unit_tree", value=unit.tree))
            session.add(Meta(key="created_by_version", value=__version__))
            if unit.parent_code:
                parent = session.exec(
                    select(OrgUnit).where(OrgUnit.code == unit.parent_code, OrgUnit.tree == unit.tree)
                ).first()
        profile._default_header(unit, parent)
        profile.save_settings()
        profile._meta = None
        catalogue_state.install(profile.engine)
        if parent_key is not None:  # before the key is made (seconds): a wrong file is told at once
            profile.parent_enrolment = trust.add_parent(profile, parent_key)
        for hook in hooks:
            hook(profile, passphrase)

    def _default_header(self, unit: OrgUnit, parent: OrgUnit | None) -> None:
        """Sensible report header for the unit; every field is editable in settings."""
        s = self.settings
        short = unit.name
        for prefix in ("Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu "):
            if short.startswith(prefix):
                short = short[len(prefix) :]
        if unit.type == "province":
            s.parent_body = s.parent_body or f"UBND {unit.name.upper()}"
            s.issuing_body = s.issuing_body or "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ VÀ BÌNH ĐẲNG GIỚI"
        else:
            s.parent_body = s.parent_body or f"UBND {unit.name.upper()}"
            s.issuing_body = s.issuing_body or "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ VÀ BÌNH ĐẲNG GIỚI"
        s.place_name = s.place_name or short
        s.signer_mandate = s.signer_mandate or "TM. BAN VSTBPN VÀ BĐG"
        s.signer_title = s.signer_title or "TRƯỞNG BAN"
        if not s.recipients:
            above = (
                # After a noun the unit's kind is lower-case ("Ban VSTBPN và BĐG tỉnh An Giang").
                f"Ban VSTBPN và BĐG {unit_in_sentence(parent.name)}"
                if parent
                else "Ủy ban quốc gia vì sự tiến bộ của phụ nữ Việt Nam"
            )
            s.recipients = f"{above};\nThành viên Ban;\nLưu: VT."

    def move_to(self, code: str) -> OrgUnit:
        """Move the profile of a unit of the 2023 tree to a unit of the 2025 tree that took its area
        (docs/org-unit-reform.md): the profile now speaks for the new unit; its earlier periods stay
        attributed to the old unit's code in the old tree, and comparisons of the new unit sum them
        with its other old units' (checks.earlier_figures). The report header is made again for the
        new unit. A backup is taken first."""
        reform = reform_map()
        self._meta = None  # read afresh: another clerk (a shared database) or the command line may have moved it
        old = self.org_unit_code
        if self.org_unit_tree != reform.old_tree:
            raise Refused(
                "hồ sơ của đơn vị {old} thuộc danh mục {tree}, không phải {old_tree}: không có gì để chuyển",
                old=old,
                tree=self.org_unit_tree or "?",
                old_tree=reform.old_tree,
            )
        allowed = reform.destinations(
            old
        )  # any new unit that took some of its area; a district's: the new province too
        if code not in allowed:
            raise Refused(
                "đơn vị {code} không nhận địa bàn của đơn vị {old}; đơn vị kế tục: {allowed}",
                code=code,
                old=old,
                allowed=", ".join(allowed) or "—",
            )
        before(self, "move")
        with session_scope(self.engine) as session:
            unit = session.exec(select(OrgUnit).where(OrgUnit.code == code, OrgUnit.tree == reform.new_tree)).one()
            parent = (
                session.exec(
                    select(OrgUnit).where(OrgUnit.code == unit.parent_code, OrgUnit.tree == reform.new_tree)
                ).first()
                if unit.parent_code
                else None
            )
            for key, value in (
                ("org_unit", code),
                ("org_unit_tree", reform.new_tree),
                ("moved_from", f"{reform.old_tree}:{old}"),
            ):
                session.merge(Meta(key=key, value=value))
        self.settings.parent_body = self.settings.place_name = self.settings.recipients = ""
        self._default_header(unit, parent)
        self.settings.save(self.data_dir)
        self._meta = None
        return unit

    # -- what a restore keeps (safety/backup.py calls these: bundle/kept.py is a layer above it) ------

    def remember_kept(self, live: Path | None = None) -> kept.Held:
        """From the SQLite file `live`, or from the shared server database before pg_restore."""
        if self.settings.database_url or live is None:
            return kept.remember_engine(self.engine)
        return kept.remember(live)

    def reapply_kept(self, held: kept.Held) -> dict:
        return kept.reapply(self, held)

    def _migrate(self) -> None:
        if current_revision(self.engine) is not None:
            before(self, "migration")
        upgrade_to_head(self.engine)

    # -- facts ---------------------------------------------------------------------------

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def database_url(self) -> str:
        return self.settings.database_url or sqlite_url(self.database_path)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            install_audit()  # the audit trail and the lock check on every ORM session of the process
            self._engine = make_engine(self.database_url)
        return self._engine

    @property
    def meta(self) -> dict[str, str]:
        if self._meta is None:
            with session_scope(self.engine) as session:
                self._meta = {m.key: m.value for m in session.exec(select(Meta)).all()}
        return self._meta

    @property
    def org_unit_code(self) -> str:
        return self.meta.get("org_unit", "")

    @property
    def org_unit_tree(self) -> str:
        return self.meta.get("org_unit_tree", "")

    @property
    def author(self) -> str:
        return self.settings.officer_name

    def schema_version(self) -> str | None:
        return current_revision(self.engine)

    def info(self) -> dict:
        unit = self.org_unit()
        return {
            "database": str(self.database_path) if not self.settings.database_url else shown(self.database_url),
            "database_engine": self.engine.dialect.name,
            "data_dir": str(self.data_dir),
            "org_unit": self.org_unit_code,
            "org_unit_name": unit.name if unit else None,
            "app_version": __version__,
            "schema_version": self.schema_version(),
            "officer": self.settings.officer_name,
            "language": self.settings.language,
        }

    def org_unit(self, code: str | None = None) -> OrgUnit | None:
        code = code or self.org_unit_code
        with session_scope(self.engine) as session:
            query = select(OrgUnit).where(OrgUnit.code == code)
            if self.org_unit_tree:
                own = session.exec(query.where(OrgUnit.tree == self.org_unit_tree)).first()
                if own:
                    return own
            return session.exec(query).first()

    def children(self, code: str | None = None) -> list[OrgUnit]:
        """The units directly below, in the profile's tree."""
        code = code or self.org_unit_code
        with session_scope(self.engine) as session:
            return list(
                session.exec(
                    select(OrgUnit)
                    .where(OrgUnit.parent_code == code, OrgUnit.tree == self.org_unit_tree)
                    .order_by(OrgUnit.code)
                ).all()
            )

    def unit_tree(self, code: str | None = None) -> dict[str, list[str]]:
        """Each unit from `code` (the profile's unit by default) down, the unit first, with its children's codes."""
        below: dict[str, list[str]] = {}
        with session_scope(self.engine) as session:  # one query, not one per unit (168 for a province)
            query = select(OrgUnit.code, OrgUnit.parent_code).where(OrgUnit.tree == self.org_unit_tree)
            for child, parent in session.exec(query.order_by(OrgUnit.code)).all():
                if parent is not None:
                    below.setdefault(parent, []).append(child)
        tree, frontier = {}, [code or self.org_unit_code]
        while frontier:
            unit = frontier.pop()
            tree[unit] = below.get(unit, [])
            frontier.extend(tree[unit])
        return tree

    def units_below(self, code: str | None = None) -> list[str]:
        """The unit (the profile's by default) and every unit below it, the unit first."""
        return list(self.unit_tree(code))

    # -- catalogues ----------------------------------------------------------------------

    def load_org_units(self, path: Path | None = None) -> int:
        """Load the shipped trees, or another province's list; a tree is replaced whole."""
        try:
            trees = [read_tree(p) for p in ([path] if path else shipped_trees())]
        except (ValueError, OSError) as exc:
            raise Refused(exc) from exc
        count = 0
        with session_scope(self.engine) as session:
            for rows in trees:
                session.exec(delete(OrgUnit).where(col(OrgUnit.tree) == rows[0].tree))
                for row in rows:
                    session.add(OrgUnit(**row.__dict__))
                count += len(rows)
        catalogue_state.refresh(self.engine)
        return count

    def save_settings(self) -> None:
        """settings.json; on a shared server also the unit's settings in the database (`meta`
        rows `setting.NAME`, JSON), so every clerk prints the same report."""
        self.settings.validate()
        if self.settings.database_url:
            rows = {
                SHARED_SETTING + k: json.dumps(v, ensure_ascii=False) for k, v in self.settings.unit_settings().items()
            }
            for key, value in rows.items():
                if len(value) > META_VALUE_MAX:
                    raise Refused(
                        "cài đặt {name} quá dài cho cơ sở dữ liệu dùng chung (tối đa {value} ký tự)",
                        name=key[len(SHARED_SETTING) :],
                        value=META_VALUE_MAX,
                    )
            with self.engine.begin() as connection:
                hold_write_lock(connection)
                table = Meta.__table__
                connection.execute(delete(table).where(table.c.key.in_(list(rows))))
                connection.execute(insert(table), [{"key": k, "value": v} for k, v in rows.items()])
            self._meta = None
        self.settings.save(self.data_dir)

    def _take_shared_settings(self) -> None:
        """On a shared server: the unit's settings as a clerk last saved them (they win over the file)."""
        if not self.settings.database_url:
            return
        values = {k[len(SHARED_SETTING) :]: json.loads(v) for k, v in self.meta.items() if k.startswith(SHARED_SETTING)}
        if values:
            try:
                self.settings.take_unit_settings(values)
            except ValueError as exc:
                raise Refused(exc) from exc

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def creation_hooks():
    """What else a new profile gets, owned by other areas: its signing key (bundle/keys.py)."""
    return [init_profile_key]


def choose_unit(units: Sequence[OrgUnit], tree: str | None) -> OrgUnit | None:
    """GSO codes were reused by the 2025 reform: a code may name a unit in two trees.
    The tree asked for wins; otherwise the unit that is valid today."""
    if tree:
        return next((u for u in units if u.tree == tree), None)
    today = date.today()
    current = [
        u
        for u in units
        if (u.valid_to is None or u.valid_to >= today) and (u.valid_from is None or u.valid_from <= today)
    ]
    return (current or units)[0]
