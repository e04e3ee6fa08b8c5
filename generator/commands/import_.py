"""`timeline import FILE`: the format told or detected, the file read, the project written."""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import BuildFailed
from generator.importing.imported import Imported, problem
from generator.importing.markwhen import from_markwhen
from generator.importing.sheet import from_csv
from generator.importing.timelinejs import from_document
from generator.importing.writer import Written, write_project


def detect(path: Path, text: str) -> str:
    """The format of a file: by its suffix, else by its first character."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "timelinejs"
    if suffix in (".csv", ".tsv"):
        return "sheet"
    if suffix in (".mw", ".markwhen"):
        return "markwhen"
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "["):
        return "timelinejs"
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return "sheet" if first.count(",") >= 3 and "Headline" in first else "markwhen"


def read(path: Path, form: str | None = None) -> Imported:
    """The file at `path`, in `form` or the one detected -> Imported; raises BuildFailed."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BuildFailed([problem(shown, None, "", "no such file", "check the path")]) from None
    except UnicodeDecodeError as error:
        raise BuildFailed(
            [problem(shown, None, "", f"is not UTF-8 text ({error.reason})", "save it as UTF-8")]
        ) from None
    except OSError as error:
        raise BuildFailed(
            [problem(shown, None, "", str(error.strerror), "check the path")]
        ) from None
    form = form or detect(path, text)
    if form == "timelinejs":
        return from_document(_json(text, shown), shown, path.parent)
    if form == "sheet":
        return from_csv(text, shown, path.parent)
    return from_markwhen(text, shown)


def _json(text: str, shown: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BuildFailed(
            [
                problem(
                    shown,
                    error.lineno,
                    "",
                    f"is not valid JSON: {error.msg} (column {error.colno})",
                    "fix the file, or export it from TimelineJS again",
                )
            ]
        ) from None


def import_file(path: Path, into: Path, base_url: str, form: str | None = None) -> Written:
    """Import the file at `path` into the project or new folder `into`; raises BuildFailed."""
    return write_project(read(path, form), into, base_url)
