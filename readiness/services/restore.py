"""Putting a backup back in place of a database file: one way for the app and ``readiness
restore``."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from readiness.storage.backup import Backup, restore_backup
from readiness.storage.store import (
    DamagedDatabaseError,
    DatabaseLockedError,
    StoreError,
    inspect_sqlite_file,
)


def restore_database(path: Path, backup: Path) -> Backup | None:
    """Replace the database file ``path`` with the checked ``backup``.

    The file's write lock is held while it is swapped, so no window or command
    opens it halfway. A damaged file is moved aside first (and kept); a file open
    elsewhere, or one that is not ours, is left untouched. Returns the backup
    taken of the file that was replaced, if there was a good one to take. The
    caller opens the store afterwards, which brings an older backup up to date.

    Raises:
        StoreError: nothing was restored; the message says why.
    """
    if not backup.is_file():
        raise StoreError(f"{backup} does not exist")
    # The same lock file the store takes when it opens the database for writing.
    lock = FileLock(str(path.with_name(path.name + ".lock")), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseLockedError(
            f"{path} is already open in another window or process. Close it there first. "
            "Nothing was restored."
        ) from None
    except OSError as error:
        raise StoreError(f"Cannot write next to {path} ({error.strerror}).") from error
    try:
        try:
            inspect_sqlite_file(path)
        except DamagedDatabaseError:
            pass  # it was moved aside: the backup goes into its place
        except StoreError as error:
            # Someone else's file or an unreadable one: never overwrite it.
            raise StoreError(f"{error} Nothing was restored.") from None
        return restore_backup(backup, path)
    finally:
        lock.release()
