"""Markdown content files: their front matter, parsed with a line for every value, and body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BuildFailed
from generator.load.text import failed, read_text
from generator.load.yaml_lines import YamlData, parse_yaml

# A line that can be front matter: a `key:`, an indented, `-` or `#` line, or a blank one. The
# body starts at the first line that is none of these.
_YAML_LINE = re.compile(r"(?:[ \t#-]|[^\s:#][^:]*:(?:[ \t]|$)|$)")


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its front matter and body."""

    path: Path
    shown: str  # the path as errors show it
    meta: YamlData
    body: str
    body_line: int  # the file line where the body starts


def split_front_matter(text: str, shown: str, path: Path) -> Document:
    """Split a Markdown file into front matter and body; raise BuildFailed when it has none."""
    if not text.strip():
        fix = "add front matter between two `---` lines, or delete the file"
        raise failed(shown, 1, "the file is empty", fix)
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        fix = "start it with a `---` line, the YAML keys, and another `---` line"
        raise failed(shown, 1, "the file has no front matter", fix)
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        raise _unclosed(text, shown)
    meta = parse_yaml(text[4 : end + 1], shown, first_line=2)
    if not isinstance(meta.value, dict):
        kind = "empty" if meta.value is None else f"a {_yaml_kind(meta.value)}"
        problem = f"the front matter is {kind}, not a mapping of keys"
        raise failed(shown, 2, problem, "write it as `key: value` lines")
    body_start = end + 5
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    # One final newline, whether or not the file had one: it must not change any output.
    body = text[body_start:].rstrip("\n")
    return Document(path, shown, meta, body + "\n" if body else "", body_line)


def _unclosed(text: str, shown: str) -> BuildFailed:
    """The error for front matter with no closing `---`, at its last line of YAML: the line the
    `---` belongs after, where the body was meant to start."""
    last = 1
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if not _YAML_LINE.match(line):
            break
        if line.strip() and not line.startswith("#"):  # a Markdown heading may follow
            last = number
    problem = "the front matter that opens on line 1 is not closed"
    return failed(shown, last, problem, f"add a `---` line after line {last}, its last YAML line")


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    return "single value"


def read_document(path: Path, shown: str) -> Document:
    """Read and split one Markdown content file; raise BuildFailed with its errors."""
    return split_front_matter(read_text(path, shown), shown, path)
