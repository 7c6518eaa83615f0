"""Attached evidence files: stored once per database by the hash of their content.

The files of one database live in a folder named by the database's identity
(beside the database file, or for a team server in this computer's data
folder), each under its SHA-256, never under a name a user or an imported file
chose. Two databases in one folder therefore never share a file, and a file is
deleted only when no answer in its database lists it any more.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from readiness.domain.evidence import EvidenceFile, parse_evidence
from readiness.domain.text import NAME, clean_text
from readiness.files import shared_file_mode
from readiness.storage import credentials
from readiness.storage.errors import StoreError
from readiness.storage.location import default_database_path
from readiness.storage.store import Store

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024  # one certificate, drawing or test report
_CHUNK = 1024 * 1024


class EvidenceError(StoreError):
    """A file could not be attached, read or stored; the message says which and why."""


class EvidenceStore:
    """The evidence files of one database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def base(self) -> Path:
        """The folder every database of this place keeps its evidence folders in."""
        if self.store.path is not None:
            return self.store.path.parent / "evidence"
        server = re.sub(r"[^A-Za-z0-9._-]+", "_", credentials.server_key(self.store.location))
        return default_database_path().parent / "evidence" / server

    @property
    def root(self) -> Path:
        """This database's own folder (it may not exist yet)."""
        return self.base / self.store.identity

    def path_of(self, entry: str) -> Path | None:
        """The stored file an evidence entry names, if it is here; None otherwise.

        An entry from before files were stored by content is a path: it is
        opened only when it lies inside this place's evidence folder, never
        because an imported file claims a path.
        """
        stored = parse_evidence(entry)
        if stored is not None:
            path = self._file(stored.digest)
            return path if path.is_file() else None
        try:
            path = Path(entry).resolve()
            inside = path.is_relative_to(self.base.resolve())
        except (OSError, ValueError):
            return None
        return path if inside and path.is_file() else None

    def add(self, source: Path) -> EvidenceFile:
        """Store a copy of ``source`` (once per content) and return its entry.

        Raises:
            EvidenceError: the file cannot be read, is too large, or cannot be stored.
        """
        try:
            name = clean_text(source.name, NAME)
        except ValueError as error:
            raise EvidenceError(f"The file name {source.name!r} cannot be kept: {error}") from None
        try:
            with source.open("rb") as reading:
                return EvidenceFile(self.store_stream(reading.read, source), name)
        except OSError as error:
            raise EvidenceError(f"Could not attach {source}: {error.strerror or error}.") from None

    def store_stream(
        self, read: Callable[[int], bytes], source: Path | str, *, limit: int = MAX_EVIDENCE_BYTES
    ) -> str:
        """Store the bytes ``read`` gives, counting them as they come; return their digest.

        Raises:
            EvidenceError: more than ``limit`` bytes, or the store cannot be written.
            OSError: reading failed.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(handle, "wb") as writing:
                while chunk := read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise EvidenceError(
                            f"{source} is larger than the {limit:,} bytes allowed; nothing of "
                            "it was kept."
                        )
                    digest.update(chunk)
                    writing.write(chunk)
                writing.flush()
                os.fsync(writing.fileno())
            target = self._file(digest.hexdigest())
            target.parent.mkdir(exist_ok=True)
            os.chmod(temporary, shared_file_mode())
            if target.is_file():
                os.unlink(temporary)  # the same content is stored once
            else:
                os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest.hexdigest()

    def path_of_digest(self, digest: str) -> Path:
        """Where the file with this content hash is (or would be) stored."""
        return self._file(digest)

    def holds(self, digest: str) -> bool:
        """Whether the file with this content hash is stored here."""
        return self._file(digest).is_file()

    def size_of(self, digest: str) -> int:
        """The stored file's size in bytes."""
        return self._file(digest).stat().st_size

    def release(self, entries: Iterable[str]) -> None:
        """Delete the stored files of ``entries`` that no answer in this database lists now.

        Called after an entry was taken off an answer. Entries from before
        content storage are never deleted: their files may be another database's.
        """
        self.release_files(f.digest for e in entries if (f := parse_evidence(e)))

    def release_files(self, digests: Iterable[str]) -> None:
        """Delete the stored files with these hashes unless an answer in this database lists one."""
        in_use = {f.digest for e in self.store.evidence_in_use() if (f := parse_evidence(e))}
        for digest in set(digests) - in_use:
            self._file(digest).unlink(missing_ok=True)

    def _file(self, digest: str) -> Path:
        # Names come from the hash only; prove the path stays inside the folder anyway.
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise EvidenceError(f"{digest!r} is not a content hash")
        path = self.root / digest[:2] / digest
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise EvidenceError(f"{path} would lie outside the evidence folder {self.root}")
        return path
