"""What one run of the generator leaves in `.cache/` for the next: rendered Markdown bodies, and
a record of whether the output folder is still what the project's inputs make.

Bodies. A warm build (nothing changed) renders no Markdown, the costliest step. The bodies file
is named by a fingerprint of the generator's own code (every module of every subpackage) and of
the Markdown, sanitiser and template packages, so a changed generator never reuses what an older
one made; `make clean` deletes the folder. A `.cache/` could come with someone else's commit, so
it is never trusted: it is plain JSON, never pickle, and the render stage passes every body read
from it through the sanitiser again. Overview figures are not kept: they could not be checked.

Renditions. Each image's resized files are kept in `media/`, named by a digest of what they are
made from (render/images.py checks each before it uses it).

Freshness. A build records a digest of everything its output depends on (every file under
content/, seeds/, templates/ and the packaged theme, TimelineJS's files, the base URL given on
the command line, whether drafts are built, the generator's code and packages, Python's version,
SOURCE_DATE_EPOCH) and a digest of the output folder as it left it (each path, size,
modification time and inode). When both still match, the next build has nothing to do: a warm
build with nothing changed costs reading the inputs, not rendering 10,000 pages. Anything else
(an edited file, a touched output file, another base URL, drafts or not) builds.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.incremental.stamps import Stamps
from generator.load.git_history import head_files
from generator.project import Project
from generator.system import replace_file
from generator.vendor import TIMELINEJS_FILES

_PACKAGE = Path(__file__).resolve().parent.parent
_RECORD = "fresh.json"


def fingerprint() -> str:
    """A digest of the generator's source, subpackages included, its data files (the map's
    outlines), and of the packages that shape its output."""
    digest = hashlib.sha256()
    for path in sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("data/*.json")]):
        name = path.relative_to(_PACKAGE).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes())
    for package in ("markdown", "nh3", "jinja2", "pillow", "pagefind_bin"):
        digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def load_record(path: Path, site: str | None) -> Any:
    """The JSON record at `path` if this generator wrote it for the output folder whose stats
    are `site` (see Check); None if not, or if it is missing or not JSON. Its other members
    are the caller's to check."""
    if site is None:
        return None
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != fingerprint():
        return None
    return data if data.get("site") == site else None


def media_cache(folder: Path) -> Path:
    """Where images' renditions are kept under `folder`, named by what they are made from (see
    render/images.py): `make clean` removes them with the rest."""
    return folder / "media"


def _write_json(folder: Path, name: str, data: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    replace_file(folder / name, json.dumps(data, ensure_ascii=False).encode())


def bodies_file(folder: Path) -> Path:
    """Where this generator keeps its rendered bodies under `folder`."""
    return folder / f"render-{fingerprint()}.json"


def load_bodies(folder: Path) -> dict[str, str]:
    """The bodies this generator left in `folder` ({key: HTML}, unsanitised), or none (missing,
    stale or damaged)."""
    try:
        data: Any = json.loads(bodies_file(folder).read_text(encoding="utf-8"))
        bodies = data["bodies"]
        if all(isinstance(k, str) and isinstance(v, str) for k, v in bodies.items()):
            return dict(bodies)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return {}


def save_bodies(folder: Path, bodies: Mapping[str, str]) -> None:
    """Write `bodies` to `folder`, atomically; drop older generators' files."""
    target = bodies_file(folder)
    _write_json(folder, target.name, {"bodies": dict(bodies)})
    # Older caches, and the half-written file of a build that was killed while saving.
    for old in [*folder.glob("render-*"), *folder.glob(".render-*")]:
        if old != target:
            old.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Fresh:
    """What the last build made, when the output is still up to date: its pages, its events
    and the draft events it left out."""

    pages: int
    events: int
    drafts: int


def inputs_digest(
    project: Project, *, drafts: bool = False, stamps: Stamps | None = None
) -> str | None:
    """A digest of every input that the site's bytes depend on; None when there is no telling
    (a linked folder among the inputs, which could lead anywhere). With `stamps`, a file whose
    stamp is as they recorded is not read again."""
    stamps = stamps if stamps is not None else Stamps()
    digest = hashlib.sha256()
    # Python's own version too: its Unicode tables shape the search index, for one.
    digest.update(f"generator {fingerprint()} python {sys.version}\0".encode())
    digest.update(f"base_url {project.base_url}\0".encode())
    digest.update(f"drafts {drafts}\0".encode())
    digest.update(f"epoch {os.environ.get('SOURCE_DATE_EPOCH', '')}\0".encode())
    # A commit changes the events' history (`history: git`) without changing a file here.
    for head in head_files(project.content):
        digest.update(
            f"git {head.name}\0".encode() + (head.read_bytes() if head.is_file() else b"")
        )
    trees = [("content", project.content), ("seeds", project.seeds)]
    # The project's own templates and the packaged theme they override, as the render stage
    # looks them up (one folder when they are the same).
    trees += [("templates", folder) for folder in project.template_folders]
    if project.timelinejs is not None:
        dist = project.timelinejs
        trees += [(name, dist / name) for name in (*TIMELINEJS_FILES, "js/locale")]
    for name, path in trees:
        digest.update(f"{name} {path.resolve()}\0".encode())
        if not _digest_tree(digest, path, stamps):
            return None
    return digest.hexdigest()


def _digest_tree(digest: Any, path: Path, stamps: Stamps) -> bool:
    """Feed every file at or under `path` into `digest` (names, links, the digest of its
    bytes); False if a folder under `path` is a link."""
    entries: list[tuple[str, os.DirEntry[str] | None, str]] = []
    if path.is_dir():
        found = _files_under(str(path), "")
        if found is None:
            return False
        entries = found
    elif os.path.lexists(path):
        entries = [("", None, str(path))]
    for name, entry, file in entries:
        # Where a link points matters too: the loader refuses links out of the project.
        linked = entry.is_symlink() if entry is not None else os.path.islink(file)
        target = os.readlink(file) if linked else ""
        digest.update(f"{name}\0{target}\0{stamps.digest(file)}\0".encode())
    return True


def _files_under(folder: str, prefix: str) -> list[tuple[str, os.DirEntry[str] | None, str]] | None:
    """Every file under `folder` in order of name (`prefix` before each), with its entry; None
    if a folder under it is a link. Walked on every build, 10,000 files and more: scandir's
    entries tell folders, files and links apart without a stat each."""
    found: list[tuple[str, os.DirEntry[str] | None, str]] = []
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            inner = _files_under(entry.path, f"{prefix}{entry.name}/")
            if inner is None:
                return None
            found.extend(inner)
        elif entry.is_symlink() and entry.is_dir():
            return None
        else:
            found.append((prefix + entry.name, entry, entry.path))
    return found


def output_digest(output: Path) -> str | None:
    """A digest of the output folder's paths, sizes, times and inodes; None if it is missing."""
    if not output.is_dir():
        return None
    digest = hashlib.sha256()
    _digest_folder(digest, str(output))
    return digest.hexdigest()


def _digest_folder(digest: Any, folder: str) -> None:
    """Feed each entry under `folder` into `digest`: a folder's name and then its entries, a
    file's name, size, modification time and inode."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            digest.update(f"{entry.name}/\0".encode())
            _digest_folder(digest, entry.path)
            digest.update(b"\0")  # the folder ends here
        else:
            info = entry.stat(follow_symlinks=False)
            digest.update(
                f"{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0".encode()
            )


@dataclass(frozen=True, slots=True)
class Check:
    """What the freshness check found: the digest of the inputs (None when there is no
    telling), what the last build made if the output folder is still what they make, and the
    digest of the output folder's stats if it is as the last build left it."""

    inputs: str | None
    fresh: Fresh | None
    site: str | None


def freshness(project: Project, cache_folder: Path, *, drafts: bool = False) -> Check:
    """Whether the output folder is what the project's inputs make, as `Check` says; the
    inputs' stamps saved for the next check."""
    stamps = Stamps.load(cache_folder)
    inputs = inputs_digest(project, drafts=drafts, stamps=stamps)
    stamps.save(cache_folder)
    try:
        record: Any = json.loads((cache_folder / _RECORD).read_text(encoding="utf-8"))
        if record["output_path"] != str(project.output):
            return Check(inputs, None, None)
        site = _output_as_left(project.output, record["output"])
        if inputs is None or site is None or record["inputs"] != inputs:
            return Check(inputs, None, site)
        fresh = Fresh(int(record["pages"]), int(record["events"]), int(record["drafts"]))
        return Check(inputs, fresh, site)
    except (OSError, ValueError, KeyError, TypeError):
        return Check(inputs, None, None)


def record_fresh(
    project: Project,
    cache_folder: Path,
    inputs: str | None,
    pages: int,
    events: int,
    drafts: int,
) -> str | None:
    """Note that the output folder is what `inputs` make, for the next build to check; the
    digest of its stats (see `Check.site`)."""
    if inputs is None:
        return None
    paths = _output_listing(str(project.output), "")
    stats = _stats_digest(project.output, paths)
    record = {
        "inputs": inputs,
        "output_path": str(project.output),
        "output": {"paths": paths, "stats": stats},
        "pages": pages,
        "events": events,
        "drafts": drafts,
    }
    _write_json(cache_folder, _RECORD, record)
    return stats


# The output folder is checked without listing it again: reading its 12,000 folders was most
# of a check at 10,000 events, and a stat of each path the last build left tells as much. A
# file added, removed or renamed changes its folder's times; a file written, its own; a folder
# put in another's place, its inode.
def _output_as_left(output: Path, recorded: Any) -> str | None:
    """The digest of the output folder's stats if its paths and stats are as `recorded` after
    the last build, else None."""
    paths = recorded["paths"]
    if not isinstance(paths, list) or not all(isinstance(path, str) for path in paths):
        return None
    stats = _stats_digest(output, paths)
    return stats if stats is not None and recorded["stats"] == stats else None


def _output_listing(folder: str, prefix: str) -> list[str]:
    """Every path under `folder` (`prefix` before each), in order, its own (`prefix`) first;
    folders end in `/`."""
    paths = [prefix]
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            paths.extend(_output_listing(entry.path, f"{prefix}{entry.name}/"))
        else:
            paths.append(prefix + entry.name)
    return paths


def _stats_digest(output: Path, paths: list[str]) -> str | None:
    """A digest of the stats of `paths` under `output`; None if one is missing."""
    digest = hashlib.sha256()
    folder = str(output)
    for path in paths:
        try:
            info = os.lstat(os.path.join(folder, path))
        except OSError:
            return None
        digest.update(
            f"{path}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0"
            f"{info.st_ctime_ns}\0{info.st_ino}\0".encode()
        )
    return digest.hexdigest()


def forget_fresh(cache_folder: Path) -> None:
    """Forget the record: the output folder is about to change."""
    (cache_folder / _RECORD).unlink(missing_ok=True)
