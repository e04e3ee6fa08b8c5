"""Stage 1: read the project's content files into parsed documents, collecting every error."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.errors import BuildFailed, ContentError
from generator.load.documents import Document, read_document
from generator.load.entries import is_leftover, not_markdown, unknown_entries
from generator.load.media import MediaFile, media_folder, read_media
from generator.load.seeds import SeedText, read_seed
from generator.load.text import read_text, visible
from generator.load.yaml_lines import YamlData, parse_yaml
from generator.project import Project

T = TypeVar("T")
_RACY_NS = 1_000_000_000


@dataclass(slots=True)
class RawContent:
    """The parsed files, not yet checked against the content format."""

    site: YamlData | None = None
    site_shown: str = "content/site.yaml"
    base_url: str | None = None
    sources: YamlData | None = None
    sources_shown: str = "content/sources.yaml"
    actors: list[Document] = field(default_factory=list)
    events: list[Document] = field(default_factory=list)
    places: list[Document] = field(default_factory=list)
    seeds: dict[str, SeedText] = field(default_factory=dict)  # 'seeds/x.txt' -> its text
    errors: list[ContentError] = field(default_factory=list)
    # Files that exist but could not be read (their errors are in `errors`): validate treats
    # their ids as known, so that one broken file is one error, not one per reference to it.
    unreadable_actors: set[str] = field(default_factory=set)
    unreadable_events: set[str] = field(default_factory=set)
    unreadable_places: set[str] = field(default_factory=set)
    unreadable_sources: bool = False
    # Seed files that exist but cannot be used: path -> (what is wrong, how to fix it).
    unreadable_seeds: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Every file under content/media/ by the name front matter gives it: `media/x.jpg`.
    media: dict[str, MediaFile] = field(default_factory=dict)
    # translations/<lang>.po by language: messages a project adds to or overrides in the theme's.
    translations: dict[str, bytes] = field(default_factory=dict)


@dataclass(slots=True)
class LoadCache:
    """Files parsed by an earlier load, by path, with the stat that says whether they changed."""

    entries: dict[Path, tuple[tuple[int, int, int], int, object]] = field(default_factory=dict)
    seen: set[Path] = field(default_factory=set)
    # The files a watcher reports changed since the last load, for the next load alone; None
    # when there is no report: then every file's stat says whether it changed.
    changed: Collection[Path] | None = None
    names: dict[tuple[str, str], tuple[Path, str]] = field(default_factory=dict)

    def named(self, folder: Path, folder_shown: str, name: str) -> tuple[Path, str]:
        """The path of the file `name` in `folder`, and its path as messages show it: made
        once, since at 10,000 files making them costs a rebuild more than its other work."""
        key = (folder_shown, name)
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = (folder / name, visible(f"{folder_shown}/{name}"))
        return found

    def expect(self, changed: Collection[Path] | None) -> None:
        """Have the next load take every file but the `changed` ones as the last load parsed
        it, without a stat: at 10,000 files, the stats are a tenth of a second."""
        self.changed = None if changed is None else frozenset(changed)

    def parse(self, path: Path, parse: Callable[[], T], *, linked: bool = True) -> T:
        """`parse()`, or its earlier result (or BuildFailed) while the file is unchanged. A
        file that is `linked` (or lies through a link) is always looked at: a watcher reports
        a change to the file a link leads to under that file's own path."""
        self.seen.add(path)
        entry, changed = self.entries.get(path), self.changed
        if entry is not None and changed is not None and not linked and path not in changed:
            return _result(entry[2])  # type: ignore[return-value]
        try:
            info = path.stat()
        except OSError:
            return parse()  # a broken link: `parse` reports it
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        # As git does with "racily clean" files: a file written within a second of being parsed
        # may change again without its stamp changing (coarse clocks), so it is parsed again.
        if entry is None or entry[0] != stamp or entry[1] - stamp[0] < _RACY_NS:
            parsed_at = time.time_ns()
            try:
                result: object = parse()
            except BuildFailed as failure:
                result = failure
            entry = self.entries[path] = (stamp, parsed_at, result)
        return _result(entry[2])  # type: ignore[return-value]

    def forget_unseen(self) -> None:
        """Drop entries for files that the last load did not read (deleted or renamed), and
        the watcher's report, which held for that load alone."""
        self.entries = {k: v for k, v in self.entries.items() if k in self.seen}
        self.names = {k: v for k, v in self.names.items() if v[0] in self.seen}
        self.seen = set()
        self.changed = None


def _result(parsed: object) -> object:
    """A parse's result, or its BuildFailed raised again."""
    if isinstance(parsed, BuildFailed):
        raise parsed
    return parsed


def load(project: Project, cache: LoadCache | None = None) -> RawContent:
    """Read site.yaml, sources.yaml, actors, events, places and seeds; errors are collected,
    not raised.

    With a `cache`, files unchanged since the previous load are not parsed again.
    """
    cache = cache if cache is not None else LoadCache()
    try:
        return _load(project, cache)
    finally:
        cache.forget_unseen()


def _load(project: Project, cache: LoadCache) -> RawContent:
    raw = RawContent(base_url=project.base_url)
    content = project.content
    if not content.is_dir():
        raw.errors.append(
            ContentError(
                project.shown(content),
                1,
                "",
                "the content folder does not exist",
                "run the command in a project folder, or pass --root",
            )
        )
        return raw
    entry_errors, renames = unknown_entries(content, project.shown(content))
    raw.errors.extend(entry_errors)
    raw.site_shown = project.shown(content / "site.yaml")
    raw.sources_shown = project.shown(content / "sources.yaml")
    # `site.yml` is reported once, as a name to correct, not again as a missing site.yaml.
    required = "site.yaml" not in renames
    raw.site = _load_yaml(project, cache, content / "site.yaml", raw.errors, required=required)
    raw.sources = _load_yaml(project, cache, content / "sources.yaml", raw.errors, required=False)
    raw.unreadable_sources = raw.sources is None and (
        (content / "sources.yaml").is_file() or "sources.yaml" in renames
    )
    raw.actors = _load_documents(
        project, cache, content / "actors", raw.errors, raw.unreadable_actors
    )
    raw.events = _load_documents(
        project, cache, content / "events", raw.errors, raw.unreadable_events
    )
    raw.places = _load_documents(
        project, cache, content / "places", raw.errors, raw.unreadable_places
    )
    _load_seeds(project, cache, raw)
    _load_media(project, cache, raw)
    folder = project.root / "translations"
    if folder.is_dir():
        raw.translations = {po.stem: po.read_bytes() for po in sorted(folder.glob("*.po"))}
    return raw


def _load_media(project: Project, cache: LoadCache, raw: RawContent) -> None:
    """Every file under content/media/, described (see load/media.py)."""
    folder = media_folder(project.content)
    if not folder.is_dir():
        return
    if _outside(project, folder):
        raw.errors.append(_outside_error(project.shown(folder)))
        return
    inside = folder.resolve()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(project.content)
        if path.is_dir() or any(is_leftover(part) for part in relative.parts):
            continue
        file, shown = relative.as_posix(), visible(project.shown(path))
        raw.media[file] = cache.parse(
            path,
            lambda: read_media(path, file, shown, inside),  # noqa: B023
        )


def _load_seeds(project: Project, cache: LoadCache, raw: RawContent) -> None:
    """Every readable file under seeds/; the others' problems are reported only if a source
    uses them, by validate."""
    if not project.seeds.is_dir():
        return
    seeds = project.seeds.resolve()
    if not seeds.is_relative_to(project.root.resolve()):
        raw.errors.append(
            ContentError(
                project.shown(project.seeds),
                1,
                "",
                "the folder is a link to a place outside the project",
                "make seeds/ a folder in the project, with copies of the sources",
            )
        )
        return
    for path in sorted(project.seeds.rglob("*")):
        if not path.is_file():
            continue
        shown = project.shown(path)
        # A seed is published verbatim: a link to ~/.ssh/ in a cloned project must not be.
        if not path.resolve().is_relative_to(seeds):
            raw.unreadable_seeds[shown] = (
                "is a link to a file outside seeds/",
                "copy the file into seeds/ instead of linking to it",
            )
            continue
        try:
            raw.seeds[shown] = cache.parse(path, lambda: read_seed(path, shown))  # noqa: B023
        except BuildFailed as failure:
            problem = failure.errors[0]
            raw.unreadable_seeds[shown] = (problem.problem.replace("the file ", ""), problem.fix)


def _load_yaml(
    project: Project, cache: LoadCache, path: Path, errors: list[ContentError], *, required: bool
) -> YamlData | None:
    shown = project.shown(path)
    if path.is_file() and _outside(project, path):
        errors.append(_outside_error(shown))
        return None
    if not path.is_file():
        if required:
            errors.append(
                ContentError(
                    shown, 1, "", "the file is missing", "create it with `title:` and `base_url:`"
                )
            )
        return None
    try:
        return cache.parse(path, lambda: parse_yaml(read_text(path, shown), shown))
    except BuildFailed as failure:
        errors.extend(failure.errors)
        return None


def _load_documents(
    project: Project,
    cache: LoadCache,
    folder: Path,
    errors: list[ContentError],
    unreadable: set[str],
) -> list[Document]:
    documents: list[Document] = []
    if not folder.is_dir():
        return documents
    # The folder is resolved once; then only a file or a subfolder that is a link can lead
    # elsewhere. Subfolders (`events/2019/`) are for filing: the id is still the file's name.
    folder_outside = _outside(project, folder)
    folder_shown = project.shown(folder)
    listed, unlisted = _listing(folder)
    for name in unlisted:
        errors.append(_unlisted_error(visible(f"{folder_shown}/{name}".rstrip("/"))))
    for name, is_link in listed:
        path, shown = cache.named(folder, folder_shown, name)
        if not name.endswith(".md"):
            if not is_leftover(path.name):
                errors.append(not_markdown(shown, visible(name), folder_shown))
            continue
        if folder_outside or (is_link and _outside(project, path)):
            errors.append(_outside_error(shown))
            unreadable.add(path.stem)
            continue
        try:
            documents.append(
                cache.parse(path, lambda: read_document(path, shown), linked=is_link)  # noqa: B023
            )
        except BuildFailed as failure:
            errors.extend(failure.errors)
            unreadable.add(path.stem)
    return documents


def _listing(folder: Path) -> tuple[list[tuple[str, bool]], list[str]]:
    """The files under `folder` and its subfolders (any depth), as sorted relative paths with
    whether each may lead elsewhere (it, or a folder on its way under `folder`, is a link);
    hidden files and folders are left out. Second, the subfolders that could not be listed.

    Names and link flags come straight from the directory listing: at 10,000 files, Path
    objects, their sorting and a stat per file for is_symlink cost a tenth of a second per
    rebuild. A folder named `*.md` is listed as a file, for the loader to report.
    """
    found: list[tuple[str, bool]] = []
    unlisted: list[str] = []
    pending = [("", False)]
    visited = {os.path.realpath(folder)}
    while pending:
        prefix, via_link = pending.pop()
        try:
            with os.scandir(os.path.join(folder, prefix)) as listing:
                entries = list(listing)
        except OSError:  # no permission, or it went away while being read
            unlisted.append(prefix)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = prefix + entry.name
            if entry.is_dir() and not entry.name.endswith(".md"):
                real = os.path.realpath(entry.path)
                if real not in visited:  # a link back up the tree is listed once
                    visited.add(real)
                    pending.append((name + "/", via_link or entry.is_symlink()))
                continue
            found.append((name, via_link or entry.is_symlink()))
    return sorted(found), sorted(unlisted)


def _unlisted_error(shown: str) -> ContentError:
    return ContentError(
        shown,
        1,
        "",
        "this folder cannot be read, so its files would be left out",
        "give the folder read and execute permission (chmod u+rx), or move it out of content/",
    )


def _outside(project: Project, path: Path) -> bool:
    """Whether the file, or a folder on its way, links to a place outside the project."""
    return not path.resolve().is_relative_to(project.root.resolve())


def _outside_error(shown: str) -> ContentError:
    return ContentError(
        shown,
        1,
        "",
        "the file is a link to a place outside the project",
        "copy the file into the project instead",
    )
