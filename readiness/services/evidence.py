"""Evidence files: where the copies live, which may be opened or deleted, copying in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from readiness.storage import credentials
from readiness.storage.location import default_database_path
from readiness.storage.store import Store


class EvidenceFolder:
    """The folder holding one assessment's attached evidence files.

    Beside the database file, or for a team server in this computer's data
    folder, one folder per server account.
    """

    def __init__(self, store: Store, assessment_id: int) -> None:
        self.store = store
        self.assessment_id = assessment_id

    @property
    def path(self) -> Path:
        """The folder itself (it may not exist yet)."""
        if self.store.path is not None:
            return self.store.path.parent / "evidence" / str(self.assessment_id)
        server = re.sub(r"[^A-Za-z0-9._-]+", "_", credentials.server_key(self.store.location))
        return default_database_path().parent / "evidence" / server / str(self.assessment_id)

    def owns(self, path: str) -> bool:
        """Whether a listed file is a copy the app made in this folder.

        Paths can come from imported files: only the app's own copies are opened
        or deleted, never a path that merely claims to be inside the folder.
        """
        try:
            return Path(path).resolve().is_relative_to(self.path.resolve())
        except (OSError, ValueError):
            return False

    def copy_in(self, item_id: str, market: str | None, source: Path) -> Path:
        """Copy ``source`` into the answer's subfolder, never over an existing file.

        A second file of the same name gets a counter (``name-2.pdf``).

        Raises:
            OSError: the folder or the copy could not be made.
        """
        folder = self.path / f"{item_id}-{market or 'company'}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / source.name
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{source.stem}-{counter}{source.suffix}"
        shutil.copy2(source, target)
        return target

    def delete(self, path: str) -> None:
        """Delete a listed file if it is one of this folder's own copies."""
        if self.owns(path):
            Path(path).resolve().unlink(missing_ok=True)
