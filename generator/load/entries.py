"""What content/ may hold: its known files and folders, the editors' leftovers that are passed
over, and the errors for anything else, which would otherwise be left out without a word."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from generator.errors import ContentError, closest, did_you_mean
from generator.load.text import visible

# The one list of what content/ holds: a name with a slash is a folder. A new kind of content
# is one more entry here.
CONTENT_ENTRIES = ("site.yaml", "sources.yaml", "actors/", "events/", "places/", "media/")
# Swap, backup, lock and auto-save files of editors, and hidden files: never content, and
# often there for a moment while a file is being saved.
_LEFTOVERS = (".*", "*~", "#*#")


def is_leftover(name: str) -> bool:
    """Whether the file `name` is hidden or an editor's leftover (`x.md~`, `.x.md.swp`)."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in _LEFTOVERS)


def unknown_entries(content: Path, shown: str) -> tuple[list[ContentError], set[str]]:
    """An error for every file or folder in `content` (shown as `shown`) that is not one of
    CONTENT_ENTRIES, hidden or an editor's leftover; and the entries they should be renamed to.
    """
    errors: list[ContentError] = []
    renames: set[str] = set()
    for path in sorted(content.iterdir()):
        name = path.name + ("/" if path.is_dir() else "")
        if name in CONTENT_ENTRIES or is_leftover(path.name):
            continue
        kind = "folder" if path.is_dir() else "file"
        close = closest(name, CONTENT_ENTRIES)
        if name.endswith(".md"):
            problem = f"the {kind} is not in events/, actors/ or places/, so it is not read"
            fix = f"move it into {shown}/events/, {shown}/actors/ or {shown}/places/"
        elif close:
            problem = f"the {kind} is not part of the content format{did_you_mean(name, [close])}"
            fix = f"rename it to `{close}`"
            renames.add(close)
        else:
            problem = f"the {kind} is not part of the content format, so it is not read"
            fix = f"move it out of {shown}/, which holds only {_listed(CONTENT_ENTRIES)}"
        errors.append(ContentError(visible(f"{shown}/{path.name}"), 1, "", problem, fix))
    return errors, renames


def not_markdown(shown: str, name: str, folder_shown: str) -> ContentError:
    """The error for file `name` (shown as `shown`) in `folder_shown`, that is not `.md`."""
    base = name.rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base[1:] else base
    return ContentError(
        shown,
        1,
        "",
        "the file is not a `.md` file, so it is not read",
        f"rename it to `{stem}.md`, or move it out of {folder_shown}/",
    )


def _listed(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}"
