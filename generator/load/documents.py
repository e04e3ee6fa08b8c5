"""Reading content files: text decoding, front matter and YAML with a line for every value."""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildFailed, ContentError

# libyaml parses about ten times faster; the pure-Python loader gives the same nodes.
try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_YAML_TAG = "tag:yaml.org,2002:"
# The tags that plain YAML resolves to. Any other (`!!binary`, `!!set`, `!!python/…`, `!custom`)
# was written on purpose and means something the content format has no use for.
_PLAIN_TAGS = frozenset(
    _YAML_TAG + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
_MAX_NODES = 100_000
# The content format nests four levels at most; the limit keeps the converter's recursion far
# from Python's own limit, which a hostile `[[[[…]]]]` would otherwise reach.
_MAX_DEPTH = 50
_MB = 1024 * 1024
# An event's body of 2 MB would be a novel; the limit keeps a stray dump or log file from
# being read whole. Seeds, verbatim copies of whole reports, may be longer.
MAX_FILE_BYTES = 2 * _MB
MAX_SEED_BYTES = 16 * _MB
_constructor = yaml.constructor.SafeConstructor()

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class YamlData:
    """A parsed YAML value and the 1-based file line where each nested value starts."""

    value: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *keys: str | int) -> int:
        """The line of the value at `keys`, or of its nearest known parent."""
        path: KeyPath = tuple(keys)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its front matter and body."""

    path: Path
    shown: str  # the path as errors show it
    meta: YamlData
    body: str
    body_line: int  # the file line where the body starts


def read_text(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text, decoded as UTF-8 with any byte-order mark and CR line ends removed.

    A file over `limit` bytes is refused before it is read, as is anything but a regular file
    (a named pipe would block the build forever).
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        if info.st_size > limit:
            raise BuildFailed([_too_big(shown, info.st_size, limit)])
        with path.open("rb") as file:
            # read(n) sets aside n bytes at once: ask for what the file holds, and for more only
            # if it grew since it was measured.
            raw = file.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += file.read(limit + 1 - len(raw))
        if len(raw) > limit:
            raise BuildFailed([_too_big(shown, len(raw), limit)])
    except OSError as error:  # a folder or a broken link named *.md, or no permission
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    f"the file cannot be read ({error.strerror or error})",
                    "make it a readable file, or remove it",
                )
            ]
        ) from None
    if b"\x00" in raw[:8192]:
        raise BuildFailed(
            [ContentError(shown, 1, "", "this is a binary file", "remove it from content/")]
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark, so that columns start after it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        byte = raw[error.start]
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    line,
                    "",
                    f"the file is not UTF-8 text (byte 0x{byte:02x} in column {column})",
                    "save it with UTF-8 encoding",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_big(shown: str, size: int, limit: int) -> ContentError:
    return ContentError(
        shown,
        1,
        "",
        f"the file is {size / _MB:.1f} MB, more than the limit of {limit / _MB:g} MB",
        "split it into smaller files" if limit < MAX_SEED_BYTES else "keep the part events quote",
    )


def parse_yaml(text: str, shown: str, first_line: int = 1) -> YamlData:
    """Parse YAML text whose first line is file line `first_line`; raise BuildFailed on errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or error.context or "invalid YAML"
        context = error.context_mark
        if mark and context and error.problem and error.context and context.line != mark.line:
            # 'found unexpected end of stream' means little without where the quote was opened.
            problem += f" ({error.context} that starts on line {first_line + context.line})"
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    line,
                    "",
                    f"YAML syntax error: {problem}",
                    "check the indentation, and quote values that contain ': ' "
                    "or start with a symbol",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise BuildFailed(
            [ContentError(shown, first_line, "", f"YAML error: {error}", "fix the YAML")]
        ) from None
    except RecursionError:  # the pure-Python composer recurses once per level of nesting
        raise BuildFailed([_too_deep(shown, first_line, "")]) from None
    if node is None:
        return YamlData(None, {(): first_line})
    converter = _NodeConverter(shown, first_line)
    value = converter.convert(node, ())
    if converter.first_alias is not None:
        converter.errors.append(_alias_error(text, shown, first_line, converter.first_alias))
    if converter.errors:
        raise BuildFailed(converter.errors)
    return YamlData(value, converter.lines)


class _NodeConverter:
    """Turns a YAML node tree into plain values, refusing aliases and duplicate keys."""

    def __init__(self, shown: str, first_line: int) -> None:
        self.shown = shown
        self.first_line = first_line
        self.lines: dict[KeyPath, int] = {}
        self.errors: list[ContentError] = []
        self.seen: set[int] = set()
        self.first_alias: str | None = None  # the field of the first alias met
        self.too_big = False
        self.too_deep = False

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        line = self.first_line + node.start_mark.line
        self.lines[path] = line
        # An alias yields the same node object twice; refusing it also defuses alias bombs.
        if id(node) in self.seen:
            if self.first_alias is None:
                self.first_alias = field_name(path)
            return None
        if len(self.seen) >= _MAX_NODES:
            if not self.too_big:
                self.too_big = True
                self.errors.append(
                    ContentError(
                        self.shown,
                        line,
                        field_name(path),
                        f"the YAML holds more than {_MAX_NODES:,} values",
                        "split the content into smaller files",
                    )
                )
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_YAML_TAG, "!!", 1)
            self.errors.append(
                ContentError(
                    self.shown,
                    line,
                    field_name(path),
                    f"the YAML tag `{visible(tag)}` is not supported",
                    "remove the tag, and quote the value if it is text",
                )
            )
            return None
        if len(path) > _MAX_DEPTH and isinstance(node, yaml.CollectionNode):
            if not self.too_deep:
                self.too_deep = True
                self.errors.append(_too_deep(self.shown, line, field_name(path[:1])))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            # Dates stay text: our own parser handles every calendar, datetime does not.
            return node.value
        try:
            value = _constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.errors.append(
                ContentError(self.shown, line, field_name(path), str(error), "fix the value")
            )
            return None
        finally:
            # The constructor remembers every node it built, which kept each parsed file's whole
            # node tree alive for good: 40 MB at 10,000 events, and more with every preview edit.
            _constructor.constructed_objects.clear()
        return value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = self.first_line + key_node.start_mark.line
            if key_node.tag == _MERGE_TAG:
                self.errors.append(
                    ContentError(
                        self.shown,
                        line,
                        field_name(path),
                        "YAML merge keys (<<) are not supported",
                        "write the keys out in full",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(
                    ContentError(
                        self.shown,
                        line,
                        field_name(path),
                        "a key must be plain text",
                        "write keys as `name: value`",
                    )
                )
                continue
            key = str(key_node.value)
            if key in result:
                self.errors.append(
                    ContentError(
                        self.shown,
                        line,
                        field_name((*path, key)),
                        f"the key appears twice (first on line {self.lines[(*path, key)]})",
                        "keep one of them",
                    )
                )
                continue
            result[key] = self.convert(value_node, (*path, key))
            self.lines[(*path, key)] = line
        return result


def _too_deep(shown: str, line: int, name: str) -> ContentError:
    return ContentError(
        shown,
        line,
        name,
        f"the YAML is nested more than {_MAX_DEPTH} levels deep",
        "write the lists and mappings as the content format shows them",
    )


def _alias_error(text: str, shown: str, first_line: int, name: str) -> ContentError:
    """One error for all the aliases of a file, at the first: an alias bomb must not flood."""
    # An alias composes to the very node it names, whose line is the anchor's: the parser's
    # events still know where each alias is written.
    lines = [
        event.start_mark.line if event.start_mark else 0
        for event in yaml.parse(text, Loader=_Loader)
        if isinstance(event, yaml.AliasEvent)
    ]
    more = f" (this is the first of {len(lines)} aliases in the file)" if len(lines) > 1 else ""
    return ContentError(
        shown,
        first_line + (lines[0] if lines else 0),
        name,
        f"YAML anchors and aliases (&name, *name) are not supported{more}",
        "write the value out in full",
    )


def visible(text: str) -> str:
    """`text` with control and format characters (U+202E, which reverses what follows it on a
    terminal, or a zero-width joiner) written as escapes such as `\\u202e`, for messages."""
    if text.isprintable():  # the common case: no control, format or separator character
        return text
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char)[0] == "C" or char in "\u2028\u2029"
        else char
        for char in text
    )


def field_name(path: KeyPath) -> str:
    """`sources[0].quote` for ('sources', 0, 'quote')."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def split_front_matter(text: str, shown: str, path: Path) -> Document:
    """Split a Markdown file into front matter and body; raise BuildFailed when it has none."""
    if not text.strip():
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    "the file is empty",
                    "add front matter between two `---` lines, or delete the file",
                )
            ]
        )
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    "the file has no front matter",
                    "start it with a `---` line, the YAML keys, and another `---` line",
                )
            ]
        )
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    1,
                    "",
                    "the front matter is not closed",
                    "add a `---` line after the last YAML key",
                )
            ]
        )
    yaml_text = text[4 : end + 1]
    meta = parse_yaml(yaml_text, shown, first_line=2)
    if not isinstance(meta.value, dict):
        kind = "empty" if meta.value is None else f"a {_yaml_kind(meta.value)}"
        raise BuildFailed(
            [
                ContentError(
                    shown,
                    2,
                    "",
                    f"the front matter is {kind}, not a mapping of keys",
                    "write it as `key: value` lines",
                )
            ]
        )
    body_start = end + 5
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    # One final newline, whether or not the file had one: it must not change any output.
    body = text[body_start:].rstrip("\n")
    return Document(path, shown, meta, body + "\n" if body else "", body_line)


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    return "single value"


def read_document(path: Path, shown: str) -> Document:
    """Read and split one Markdown content file; raise BuildFailed with its errors."""
    return split_front_matter(read_text(path, shown), shown, path)
