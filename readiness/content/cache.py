"""A cache of the validated bundled catalog, so that every start does not validate it again.

Validating the content (parsing every YAML and CSV file, the models, the
cross-references, the glossary) costs a few tenths of a second; the result only
changes when the content or the code that checks it does. The validated
:class:`~readiness.content.catalog.Catalog` is therefore kept, pickled, in the
user's cache folder, under a key made of:

- the path and the bytes of every content file,
- the source of the content package (the models and the checks), where the
  installation has it, and the package version,
- the Python and pydantic versions (the pickle's own format).

A cache whose key differs, or that cannot be read or unpickled, is ignored and
rebuilt from a full validation; invalid content is never cached. A cache folder
that cannot be written is simply not used. ``readiness validate`` never reads it.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

import platformdirs
import pydantic

from readiness import APP_ID, __version__
from readiness.files import write_atomically

T = TypeVar("T")

# The file's first bytes: what it is and the layout of what follows (bump on a change).
MAGIC = b"readiness-catalog-cache 1\n"
_CONTENT_CODE = Path(__file__).resolve().parent


def cache_folder() -> Path:
    """The user's cache folder for this application (as the app's own caches use)."""
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def cache_file(content: Path) -> Path:
    """Where the catalog of the content folder ``content`` is cached.

    One file per folder: two installations (or source trees) side by side keep
    their own cache instead of replacing each other's at every start.
    """
    where = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:16]
    return cache_folder() / f"catalog-{where}.pickle"


def cache_key(files: Sequence[Path]) -> bytes:
    """What a cached catalog must have been validated from: content, code and versions."""
    digest = hashlib.sha256()

    def add(part: bytes) -> None:
        # Each part with its length, so that two different lists never hash alike.
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)

    for version in (__version__, sys.version, pydantic.VERSION, str(pickle.HIGHEST_PROTOCOL)):
        add(version.encode())
    # The checks can change without a version bump in a source tree: key on their code too.
    # An installation without the sources (a frozen bundle) has a fixed version instead.
    for code in sorted(_CONTENT_CODE.glob("*.py")):
        add(code.name.encode())
        add(code.read_bytes())
    for path in files:
        add(str(path.resolve()).encode())
        add(path.read_bytes())
    return digest.digest()


def read_cached(path: Path, key: bytes, kind: type[T]) -> T | None:
    """The ``kind`` cached at ``path`` under ``key``; None when missing, stale or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = MAGIC + key
    if not data.startswith(header):
        return None
    try:
        found = pickle.loads(data[len(header) :])
    # A damaged pickle can fail in many ways (truncated, a class no longer there...);
    # whichever it is, the content is validated again and the cache rewritten.
    except Exception:
        return None
    return found if isinstance(found, kind) else None


def write_cache(path: Path, key: bytes, value: object) -> None:
    """Keep ``value`` at ``path`` under ``key``, atomically; silently not if it cannot."""

    def fill(stream: BinaryIO) -> None:
        stream.write(MAGIC + key)
        pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)

    # A read-only or full cache folder: the catalog is validated each time instead.
    with contextlib.suppress(OSError, pickle.PicklingError):
        write_atomically(path, fill)


def cached(content: Path, files: Sequence[Path], validate: Callable[[], T], kind: type[T]) -> T:
    """The catalog of ``files`` (in the folder ``content``): from the cache when it holds
    one validated from exactly them, else made by ``validate`` (whose errors propagate)
    and cached for the next time."""
    try:
        key = cache_key(files)
    except OSError:
        return validate()  # a file went away meanwhile: validation says which
    path = cache_file(content)
    found = read_cached(path, key, kind)
    if found is not None:
        return found
    made = validate()
    write_cache(path, key, made)
    return made
