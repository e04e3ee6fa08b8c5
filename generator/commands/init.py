"""`timeline init`: a new project that builds at once, in a new or empty folder."""

from __future__ import annotations

from pathlib import Path

from generator.errors import failed
from generator.new_project import generator_requirement, starter_files


def init_project(
    folder: Path,
    title: str | None = None,
    base_url: str | None = None,
    generator: str | None = None,
) -> list[Path]:
    """Write a new project into `folder` (missing or empty), its workflow installing the
    requirement `generator` (see `generator_requirement`; default: the running generator's);
    return the files written, sorted. Raises BuildFailed for a folder that is not empty or a
    requirement that cannot go into the workflow."""
    if generator is not None:
        generator = generator_requirement(generator)
    if folder.exists() and not folder.is_dir():
        raise failed("is a file", "choose a new or empty folder", path=str(folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise failed(
            "is not empty",
            "choose a new or empty folder, so that no file of yours is overwritten",
            path=str(folder),
        )
    files = starter_files(
        title or _title_from(folder), base_url or "https://example.org/", generator
    )
    written = []
    for name, text in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _title_from(folder: Path) -> str:
    words = folder.absolute().name.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else "A timeline"
