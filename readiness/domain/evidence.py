"""How an answer refers to an attached evidence file: by the hash of its content.

An answer's evidence list holds one entry per file, ``sha256:<hex digest>:<name>``:
the digest says which stored file it is (the same content is stored once per
database), the name is the file's original name, shown to users and used when
the file is exported. Entries written before files were stored by content are
absolute paths; they are still shown by name, never deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

_PREFIX = "sha256:"
_DIGEST = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class EvidenceFile:
    """One attached file: the SHA-256 of its content and the name it had."""

    digest: str
    name: str

    def __post_init__(self) -> None:
        if not _DIGEST.fullmatch(self.digest):
            raise ValueError(f"{self.digest!r} is not a SHA-256 hex digest")

    @property
    def entry(self) -> str:
        """The entry kept in the answer's evidence list."""
        return f"{_PREFIX}{self.digest}:{self.name}"


def parse_evidence(entry: str) -> EvidenceFile | None:
    """The stored file an entry names, or None for an entry from before (a path)."""
    if not entry.startswith(_PREFIX):
        return None
    digest, _, name = entry[len(_PREFIX) :].partition(":")
    if not _DIGEST.fullmatch(digest) or not name:
        return None
    return EvidenceFile(digest, name)


def evidence_name(entry: str) -> str:
    """The name users see for an entry: the file's original name."""
    stored = parse_evidence(entry)
    if stored is not None:
        return stored.name
    return PurePath(entry).name or entry
