"""`timeline theme copy`: the packaged theme's files copied into a project's templates/, to
edit them there; the project's files win over the theme's, file by file."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from generator.errors import BuildFailed, ContentError, did_you_mean, display_path, failed


def copy_theme(theme: Path, templates: Path, names: Sequence[str] = ()) -> list[Path]:
    """Copy the files `names` (files or folders of the packaged theme `theme`; all of it when
    none) into `templates`; return the files written. Raises BuildFailed, writing nothing, for a
    name the theme lacks or a file that is already there."""
    files = sorted(p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file())
    wanted = []
    for given in names or [""]:
        name = given.strip("/").removeprefix("templates/")
        chosen = [f for f in files if not name or f == name or f.startswith(name + "/")]
        if not chosen:
            raise failed(
                f"`{given}` is not a file of the packaged theme{did_you_mean(name, files)}",
                f"choose among: {', '.join(files)}",
            )
        wanted += [f for f in chosen if f not in wanted]
    there = [templates / f for f in wanted if (templates / f).exists()]
    if there:
        raise BuildFailed(
            ContentError(
                display_path(path, templates.parent),
                0,
                "",
                "already there, and not overwritten",
                "move or delete your copy first, or name only the files you have not copied yet",
            )
            for path in there
        )
    for name in wanted:
        (templates / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(theme / name, templates / name)
    return [templates / name for name in wanted]
