"""Putting a backup back in place of a database file: one way for the app and ``readiness
restore``."""

from __future__ import annotations

from pathlib import Path

from readiness.storage.backup import Backup, check_restorable, restore_backup
from readiness.storage.errors import DamagedDatabaseError, DatabaseLockedError, StoreError
from readiness.storage.opening import check_file, refuse_foreign, take_write_lock


def restore_database(path: Path, backup: Path) -> Backup | None:
    """Replace the database file ``path`` with the checked ``backup``.

    The backup is checked completely first (integrity, ours, a schema revision
    this version can open); a backup that fails leaves everything as it was. The
    file's write lock is held while it is swapped, so no window or command
    opens it halfway. A damaged file is moved aside first (and kept); a file open
    elsewhere, or one that is not ours, is left untouched. Returns the backup
    taken of the file that was replaced, if there was a good one to take. The
    caller opens the store afterwards, which brings an older backup up to date.

    Raises:
        StoreError: nothing was restored; the message says why.
    """
    if not backup.is_file():
        raise StoreError(f"{backup} does not exist. Nothing was restored.")
    if path.exists() and backup.resolve() == path.resolve():
        raise StoreError(
            f"{backup} is the database itself, not a backup of it. Nothing was restored."
        )
    problem = check_restorable(backup)
    if problem is not None:
        raise StoreError(f"{backup} cannot be restored: {problem}. Nothing was changed.")
    try:
        # Someone else's file is refused before even a lock file is made beside it.
        refuse_foreign(path)
    except StoreError as error:
        raise StoreError(f"{error} Nothing was restored.") from None
    # The same lock the store takes when it opens the database for writing.
    try:
        lock = take_write_lock(path)
    except DatabaseLockedError:
        raise DatabaseLockedError(
            f"{path} is already open in another window or process. Close it there first. "
            "Nothing was restored."
        ) from None
    except StoreError as error:
        raise StoreError(f"{error} Nothing was restored.") from None
    try:
        moved_to = None
        try:
            check_file(path)
        except DamagedDatabaseError as error:
            moved_to = error.moved_to  # the backup goes into its place
        except StoreError as error:
            # Someone else's file or an unreadable one: never overwrite it.
            raise StoreError(f"{error} Nothing was restored.") from None
        try:
            return restore_backup(backup, path)
        except StoreError as error:
            if moved_to is None:
                raise
            raise StoreError(
                f"{error} (The damaged database had been moved aside to {moved_to} first, "
                "and is kept there.)"
            ) from None
    finally:
        lock.release()
