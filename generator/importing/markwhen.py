"""A markwhen file -> Imported."""

from __future__ import annotations

from generator.importing.imported import Imported, ImportFailed, problem


def from_markwhen(text: str, shown: str) -> Imported:
    """Not read yet."""
    raise ImportFailed([problem(shown, None, "", "markwhen is not read yet", "use TimelineJS")])
