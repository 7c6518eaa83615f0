"""Keyrings for tests: one that remembers in memory, one that refuses, one that is missing.

Tests install one with the ``memory_keyring``, ``refusing_keyring`` or
``missing_keyring`` fixtures (import them into the test module); the keyring
in use before, and the passwords typed for the session, are restored afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from readiness.storage import credentials

# Neither backend declares a priority: keyring would otherwise count them among the
# usable backends of the machine and chain them into the default keyring.


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps passwords in a dictionary, as the OS keyring would keep them on disk."""

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


class RefusingKeyring(keyring.backend.KeyringBackend):
    """A keyring that is there but locked: every call fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@contextmanager
def _installed(backend: keyring.backend.KeyringBackend) -> Iterator[None]:
    previous = keyring.get_keyring()
    sessions = dict(credentials._session_passwords)
    credentials._session_passwords.clear()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(previous)
        credentials._session_passwords.clear()
        credentials._session_passwords.update(sessions)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An empty in-memory keyring, in use for the test."""
    backend = MemoryKeyring()
    with _installed(backend):
        yield backend


@pytest.fixture
def refusing_keyring() -> Iterator[RefusingKeyring]:
    """A locked keyring that refuses every call, in use for the test."""
    backend = RefusingKeyring()
    with _installed(backend):
        yield backend


@pytest.fixture
def missing_keyring() -> Iterator[None]:
    """No keyring at all, as on a headless Linux machine."""
    with _installed(fail.Keyring()):
        yield
