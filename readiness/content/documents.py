"""Read content YAML files into located documents, and report problems as ``file:line``.

Every problem is reported with its file and line, in the form
``file:line: message``, so a content author can jump straight to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from readiness.files import MEGABYTE, read_user_file

# The largest bundled file is tens of kilobytes; a content file is text an author writes.
MAX_CONTENT_FILE_BYTES = 5 * MEGABYTE


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with the content, and where."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = display_path(self.path)
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


class ContentError(Exception):
    """The content is invalid; ``problems`` lists every located problem found."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def display_path(path: Path) -> str:
    """The path as an author sees it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def dedupe_problems(problems: Iterable[ContentProblem]) -> list[ContentProblem]:
    """The problems without repeats, in first-seen order."""
    return list(dict.fromkeys(problems))


# libyaml's parser when present: several times faster, same safe constructor.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """A safe loader that refuses duplicate keys instead of silently keeping the last."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first at line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    return mapping


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


@dataclass(frozen=True)
class Document:
    """One parsed YAML file: its data and the node tree that knows the lines."""

    path: Path
    data: Any
    root: yaml.Node | None
    text: str = ""  # the file's text, to place a phrase on the line it stands on

    def line_of(self, location: Iterable[int | str]) -> int | None:
        """Best line for a pydantic error location: the deepest node it reaches."""
        node = self.root
        if node is None:
            return None
        line: int = node.start_mark.line + 1
        for part in location:
            child = _child(node, part)
            if child is None:
                continue  # union branch names and the like are not in the YAML
            node = child
            line = node.start_mark.line + 1
        return line

    def line_of_text(self, location: Iterable[int | str], phrase: str) -> int | None:
        """The line where ``phrase`` stands inside the value at ``location``.

        A long text spread over several lines (a folded block) is reported at the
        line holding the phrase, not at its first line; where the phrase cannot be
        found as written (broken over two lines, escaped), at the value's first line.
        """
        node = self._node_at(location)
        if node is None or not self.text:
            return self.line_of(location)
        lines = self.text.splitlines()
        first, last = node.start_mark.line, min(node.end_mark.line, len(lines) - 1)
        for number in range(first, last + 1):
            if phrase in lines[number]:
                return number + 1
        return first + 1

    def _node_at(self, location: Iterable[int | str]) -> yaml.Node | None:
        node = self.root
        for part in location:
            if node is None:
                return None
            child = _child(node, part)
            if child is not None:
                node = child
        return node


def _child(node: yaml.Node, part: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == part:
                return value_node  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def read_text_file(path: Path) -> str:
    """The UTF-8 text of one content file.

    Raises:
        ContentError: the file cannot be read, is too large, or is not UTF-8 text.
    """
    try:
        return read_user_file(path, limit=MAX_CONTENT_FILE_BYTES).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            [ContentProblem(path, None, f"not UTF-8 text ({error.reason})")]
        ) from None
    except OSError as error:
        raise ContentError(
            [ContentProblem(path, None, f"cannot read: {error.strerror or error}")]
        ) from None


def read_document(path: Path) -> Document:
    """Read and parse one YAML file, keeping the node tree for line numbers.

    Raises:
        ContentError: when the file cannot be read or is not valid YAML.
    """
    text = read_text_file(path)
    loader = _UniqueKeyLoader(text)
    try:
        # One parse gives both the node tree (for line numbers) and the data.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "invalid YAML"
        raise ContentError([ContentProblem(path, line, f"invalid YAML: {reason}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([ContentProblem(path, None, f"invalid YAML: {error}")]) from None
    except TypeError as error:  # e.g. a list used as a mapping key
        raise ContentError([ContentProblem(path, None, f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    return Document(path, data, root, text)


_M = TypeVar("_M", bound=BaseModel)


def parse_document(document: Document, model: type[_M]) -> _M:
    """Validate a document's data against ``model``, locating every error.

    Raises:
        ContentError: with one located problem per validation error.
    """
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = [
            ContentProblem(
                document.path,
                document.line_of(detail["loc"]),
                f"{_dotted(detail['loc'])}: {detail['msg']}" if detail["loc"] else detail["msg"],
            )
            for detail in error.errors(include_url=False)
        ]
        raise ContentError(dedupe_problems(problems)) from None


def _dotted(location: Iterable[int | str]) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part[:1].isupper() or part.startswith(("literal[", "function-")):
            continue  # pydantic's names for union branches mean nothing to an author
        else:
            text += f".{part}" if text else part
    return text
