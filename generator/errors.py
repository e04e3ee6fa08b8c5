"""The one kind of error a user can cause, whatever the command: a value that names a file, a
line and a field (each where it has one), what is wrong and how to fix it, for people to read."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class ContentError:
    """One problem, reported as `path:line: field: what is wrong — how to fix it`.

    `line` is 0 where the file has no lines to point at (a folder, a whole file) and `path` is
    '' where the problem is in no file (an option such as `--date`, a git remote); the message
    then leaves them out."""

    path: str
    line: int
    field: str
    problem: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.problem}" if self.field else self.problem
        told = f"{what} — {self.fix}" if self.fix else what
        return f"{where}: {told}" if where else told


def github_command(error: ContentError) -> str:
    """`error` as a GitHub Actions workflow command, which marks the file and line it names:
    `::error file=PATH,line=N,title=FIELD::MESSAGE`."""
    message = f"{error.problem} — {error.fix}" if error.fix else error.problem
    properties = []
    if error.path:
        properties.append(f"file={_escape_property(error.path)}")
        if error.line:
            properties.append(f"line={error.line}")
    if error.field:
        properties.append(f"title={_escape_property(error.field)}")
    listed = " " + ",".join(properties) if properties else ""
    return f"::error{listed}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # As GitHub's runner reads them back (its toolkit's `escapeData`).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def errors_json(errors: Iterable[ContentError]) -> str:
    """One JSON document of `errors`: `{"errors": [{"path", "line", "field", "message", "fix",
    "text"}]}`, `text` being the line the text format prints. ASCII only, so no control
    character from the content reaches a terminal."""
    listed = [
        {
            "path": error.path,
            "line": error.line,
            "field": error.field,
            "message": error.problem,
            "fix": error.fix,
            "text": str(error),
        }
        for error in errors
    ]
    return json.dumps({"errors": listed}, indent=2)


class BuildFailed(Exception):
    """Raised by a pipeline stage or a command when the user's files, options or setting are
    wrong; carries every error, sorted. The only exception the command line reports."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


def failed(
    problem: str, fix: str, *, path: str = "", line: int = 0, field: str = ""
) -> BuildFailed:
    """A BuildFailed of one error: for a command's own checks of a path, an option or a tool."""
    return BuildFailed([ContentError(path, line, field, problem, fix)])


def display_path(path: Path, root: Path) -> str:
    """The path as a user would type it from the project root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word`, or None when none is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean `x`?)' suffix for the closest choice, or '' when none is close."""
    close = closest(word, choices)
    return f" (did you mean `{close}`?)" if close else ""


def counted(number: int, noun: str) -> str:
    """`1 error`, `2 errors`, `0 errors`: a count in a message, agreeing in number."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
