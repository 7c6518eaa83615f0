"""Schema upgrades through Alembic, run by the store when it opens a database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from readiness.storage.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The advisory lock a server upgrade holds ("MERD" in ASCII, as the SQLite application id).
MIGRATION_LOCK = 0x4D455244


class MigrationError(StoreError):
    """An upgrade could not complete; the database was left at its previous revision."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the bundled migrations."""
    from alembic.config import Config  # imported only when a migration is looked at

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations bundled"
    return head


def all_revisions() -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


# The newest revision, kept here too so that opening an up-to-date database does
# not need to import Alembic at all (a test keeps it equal to Alembic's head).
SCHEMA_HEAD = "0009"


def is_current(engine: Engine) -> bool:
    """Whether the database is at this app's schema, read without Alembic."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            found = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).first()
            if found is None:
                return False
        try:
            version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except Exception:
            return False
    return version is not None and version[0] == SCHEMA_HEAD


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_known_revision(engine: Engine) -> None:
    """Refuse a database written by a newer version of the app.

    Raises:
        MigrationError: the database is at a revision this version does not know.
    """
    current = current_revision(engine)
    if current is not None and current not in set(all_revisions()):
        raise MigrationError(
            f"The database is at schema revision {current}, which this version of the app "
            "does not know: it was written by a newer version. Update the app; the file "
            "was left untouched."
        )


def needs_upgrade(engine: Engine) -> bool:
    """Whether the database is behind this version of the app."""
    return not is_current(engine) and current_revision(engine) != head_revision()


def upgrade_to(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction: the database ends at the old or the new revision.

    Foreign keys are off while tables are rebuilt (a batch rebuild with them on
    could cascade-delete child rows) and checked before the commit.

    Raises:
        MigrationError: the upgrade failed or left dangling references; rolled back.
    """
    check_known_revision(engine)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Outside any transaction (the pragma is ignored inside one), on the raw
            # connection so that SQLAlchemy does not begin one first.
            _raw(connection).execute("PRAGMA foreign_keys = OFF")
        try:
            from alembic import command

            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Colleagues opening a new server database at the same moment:
                    # one upgrades, the others wait and then find it done.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                command.upgrade(alembic_config(connection), revision)
                if sqlite:
                    dangling = list(connection.exec_driver_sql("PRAGMA foreign_key_check"))
                    if dangling:
                        raise MigrationError(
                            f"The upgrade would leave {len(dangling)} broken references; "
                            "it was rolled back and the database is unchanged."
                        )
        finally:
            if sqlite:
                _raw(connection).execute("PRAGMA foreign_keys = ON")


def _raw(connection: Connection) -> Any:
    return connection.connection.driver_connection


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest revision."""
    upgrade_to(engine, "head")
