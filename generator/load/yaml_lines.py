"""YAML parsed into plain values with the file line of every value; aliases, merge keys,
duplicate keys, unusual tags and hostile sizes or depths refused as content errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import BuildFailed, ContentError
from generator.load.text import failed, visible

# libyaml parses about ten times faster; the pure-Python loader gives the same nodes.
try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT_TAG = "tag:yaml.org,2002:int"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
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


def field_name(path: KeyPath) -> str:
    """`sources[0].quote` for ('sources', 0, 'quote')."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def parse_yaml(text: str, shown: str, first_line: int = 1) -> YamlData:
    """Parse YAML text whose first line is file line `first_line`; raise BuildFailed on errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text, shown, first_line) from None
    except yaml.YAMLError as error:
        raise failed(shown, first_line, f"YAML error: {error}", "fix the YAML") from None
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


def _syntax_error(
    error: yaml.MarkedYAMLError, text: str, shown: str, first_line: int
) -> BuildFailed:
    mark = error.problem_mark or error.context_mark
    line = first_line + (mark.line if mark else 0)
    tab = _tab_column(text, mark)
    if tab is not None:
        problem = f"a tab on line {line}, column {tab}: YAML indents with spaces only"
        return failed(shown, line, f"YAML syntax error: {problem}", "indent with spaces")
    problem = error.problem or error.context or "invalid YAML"
    fix = "check the indentation, and quote values that contain ': ' or start with a symbol"
    context = error.context_mark
    # The parser gives up where the file ends or the next key begins, up to many lines after
    # a quote or bracket left open: what to fix is where that was opened.
    runaway = _runaway_quote(text, mark.line) if mark else None
    if mark and context and error.problem and error.context and context.line != mark.line:
        opened = _unclosed(error, text)
        if opened is not None:
            what, fix = opened
            problem = f"{what} that opens here is not closed ({problem} on line {line})"
            line = first_line + context.line
        elif runaway is None:
            problem += f" ({error.context} that starts on line {first_line + context.line})"
    if runaway is not None and line > first_line + runaway[0]:
        # A quote closed by one many lines on, in another value: `"` in `'…"…"'`.
        opener = runaway[1]
        problem = (
            f"the text quoted with {opener} that opens here is not closed on its line and runs "
            f"on to line {line} ({problem} there)"
        )
        fix = _quote_fix(opener)
        line = first_line + runaway[0]
    return failed(shown, line, f"YAML syntax error: {problem}", fix)


def _tab_column(text: str, mark: yaml.Mark | None) -> int | None:
    """The 1-based column of the tab the parser stopped at, or None where it stopped at none."""
    if mark is None:
        return None
    lines = text.split("\n")
    stopped = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    return mark.column + 1 if stopped == "\t" else None


def _quote_fix(opener: str) -> str:
    return f"end it with {opener}, and write a {opener} inside it as {_ESCAPED[opener]}"


def _runaway_quote(text: str, before: int) -> tuple[int, str] | None:
    """The 0-based line and mark of the first quoted text that spans lines and starts before
    line `before`, or None: in front matter, almost always a quote left open."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line >= before:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in _ESCAPED
                and token.end_mark.line > token.start_mark.line
            ):
                return token.start_mark.line, str(token.style)
    except yaml.YAMLError:
        pass
    return None


_UNCLOSED_CONTEXTS = frozenset(
    {
        "while scanning a quoted scalar",
        "while parsing a flow sequence",
        "while parsing a flow mapping",
    }
)
_CLOSERS = {"[": ("list", "]"), "{": ("mapping", "}")}
_ESCAPED = {"'": "''", '"': '\\"'}


def _unclosed(error: yaml.MarkedYAMLError, text: str) -> tuple[str, str] | None:
    """What `error` says was left open (a quoted text, a `[…]` list, a `{…}` mapping) and how
    to close it; None for other errors."""
    context = error.context_mark
    if context is None or error.context not in _UNCLOSED_CONTEXTS:
        return None
    lines = text.split("\n")
    opener = (
        lines[context.line][context.column : context.column + 1]
        if context.line < len(lines)
        else ""
    )
    if opener in _ESCAPED:
        return f"the text quoted with {opener}", _quote_fix(opener)
    if opener in _CLOSERS:
        kind, closer = _CLOSERS[opener]
        fix = f"close it with `{closer}`, or quote the value if the `{opener}` is part of the text"
        return f"the `{opener}` {kind}", fix
    return None


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

    def error(self, line: int, path: KeyPath, problem: str, fix: str) -> None:
        """Record `problem` and `fix` for the value at `path`, which is on `line`."""
        self.errors.append(ContentError(self.shown, line, field_name(path), problem, fix))

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        """The plain value of `node`, found at `path`; None where an error was recorded."""
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
                problem = f"the YAML holds more than {_MAX_NODES:,} values"
                self.error(line, path, problem, "split the content into smaller files")
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = visible(node.tag.replace(_YAML_TAG, "!!", 1))
            problem = f"the YAML tag `{tag}` is not supported"
            self.error(line, path, problem, "remove the tag, and quote the value if it is text")
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
        if node.tag == _INT_TAG and not _DECIMAL.fullmatch(node.value):
            # YAML 1.1 reads `0044` as octal 36 and `-0350` as -232: a year written as EDTF
            # writes it (and 0x…, 1_000, 1:30) stays the text it is.
            return node.value
        try:
            value = _constructor.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.error(line, path, str(error), "fix the value")
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
                problem = "YAML merge keys (<<) are not supported"
                self.error(line, path, problem, "write the keys out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(line, path, "a key must be plain text", "write keys as `name: value`")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.lines[(*path, key)]
                problem = f"the key appears twice (first on line {first})"
                self.error(line, (*path, key), problem, "keep one of them")
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
