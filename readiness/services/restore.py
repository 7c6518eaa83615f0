"""Putting a backup back in place of a database file: one way for the app and ``readiness
restore``."""

from __future__ import annotations

from pathlib import Path

from readiness.storage.backup import Backup, restore_backup
from readiness.storage.errors import DamagedDatabaseError, DatabaseLockedError, StoreError
from readiness.storage.opening import check_file, take_write_lock


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
    # The same lock the store takes when it opens the database for writing.
    try:
        lock = take_write_lock(path)
    except DatabaseLockedError:
        raise DatabaseLockedError(
            f"{path} is already open in another window or process. Close it there first. "
            "Nothing was restored."
        ) from None
    try:
        try:
            check_file(path)
        except DamagedDatabaseError:
            pass  # it was moved aside: the backup goes into its place
        except StoreError as error:
            # Someone else's file or an unreadable one: never overwrite it.
            raise StoreError(f"{error} Nothing was restored.") from None
        return restore_backup(backup, path)
    finally:
        lock.release()
