"""IMPORT-REPORT.md: what an import made, and every field or construct of the source that has
no place in our format, each with the slide or line it came from."""

from __future__ import annotations

from generator.importing.imported import Imported

REPORT = "IMPORT-REPORT.md"


def _counted(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def report_text(imported: Imported, places: int, media: int) -> str:
    """The report's Markdown: a line of what was made, then one item per note."""
    made = ", ".join(
        (
            _counted(len(imported.events), "event"),
            _counted(places, "place"),
            _counted(len(imported.eras), "era"),
            _counted(media, "media file"),
        )
    )
    lines = [
        "# Import report",
        "",
        f"Imported `{imported.source}` ({imported.form}): {made}.",
        "",
    ]
    if not imported.notes:
        lines.append("Everything in the file has a place in the project: nothing was left out.")
        return "\n".join(lines) + "\n"
    lines += [
        "## Without a place in the project",
        "",
        "Each of these is in the imported file but not in the project (or, where it says so, "
        "kept in another form). Add by hand what you need.",
        "",
    ]
    lines += [f"- {note.where}: {_one_line(note.what)}" for note in imported.notes]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
