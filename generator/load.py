"""Stage 1: read the project's content files into parsed documents, collecting every error."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.documents import Document, YamlData, parse_yaml, read_document, read_text
from generator.errors import BuildFailed, ContentError, display_path


@dataclass(frozen=True, slots=True)
class Project:
    """Where a timeline project keeps its parts; `local:` source paths are relative to `root`."""

    root: Path
    content: Path
    seeds: Path
    templates: Path
    output: Path

    @classmethod
    def at(
        cls, root: Path, *, templates: Path | None = None, output: Path | None = None
    ) -> Project:
        """The standard layout under `root`: content/, seeds/, templates/ and site/."""
        root = root.absolute()
        return cls(
            root=root,
            content=root / "content",
            seeds=root / "seeds",
            templates=(templates or root / "templates").absolute(),
            output=(output or root / "site").absolute(),
        )

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project root."""
        return display_path(path, self.root)


@dataclass(slots=True)
class RawContent:
    """The parsed files, not yet checked against the content format."""

    site: YamlData | None = None
    site_shown: str = "content/site.yaml"
    sources: YamlData | None = None
    sources_shown: str = "content/sources.yaml"
    actors: list[Document] = field(default_factory=list)
    events: list[Document] = field(default_factory=list)
    seeds: dict[str, str] = field(default_factory=dict)  # 'seeds/x.txt' -> text
    errors: list[ContentError] = field(default_factory=list)
    # Files that exist but could not be read (their errors are in `errors`): validate treats
    # their ids as known, so that one broken file is one error, not one per reference to it.
    unreadable_actors: set[str] = field(default_factory=set)
    unreadable_events: set[str] = field(default_factory=set)
    unreadable_sources: bool = False


def load(project: Project) -> RawContent:
    """Read site.yaml, sources.yaml, actors, events and seeds; errors are collected, not raised."""
    raw = RawContent()
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
    raw.site_shown = project.shown(content / "site.yaml")
    raw.sources_shown = project.shown(content / "sources.yaml")
    raw.site = _load_yaml(project, content / "site.yaml", raw.errors, required=True)
    raw.sources = _load_yaml(project, content / "sources.yaml", raw.errors, required=False)
    raw.unreadable_sources = raw.sources is None and (content / "sources.yaml").is_file()
    raw.actors = _load_documents(project, content / "actors", raw.errors, raw.unreadable_actors)
    raw.events = _load_documents(project, content / "events", raw.errors, raw.unreadable_events)
    if project.seeds.is_dir():
        for path in sorted(project.seeds.rglob("*")):
            if path.is_file() and not path.is_symlink():
                try:
                    raw.seeds[project.shown(path)] = read_text(path, project.shown(path))
                except BuildFailed:
                    continue  # reported only if a source uses it, by validate
    return raw


def _load_yaml(
    project: Project, path: Path, errors: list[ContentError], *, required: bool
) -> YamlData | None:
    shown = project.shown(path)
    if not path.is_file():
        if required:
            errors.append(
                ContentError(
                    shown, 1, "", "the file is missing", "create it with `title:` and `base_url:`"
                )
            )
        return None
    try:
        return parse_yaml(read_text(path, shown), shown)
    except BuildFailed as failure:
        errors.extend(failure.errors)
        return None


def _load_documents(
    project: Project, folder: Path, errors: list[ContentError], unreadable: set[str]
) -> list[Document]:
    documents: list[Document] = []
    if not folder.is_dir():
        return documents
    for path in sorted(folder.iterdir()):
        if path.suffix != ".md" or path.name.startswith("."):
            continue
        shown = project.shown(path)
        if path.is_symlink() and not path.resolve().is_relative_to(project.root.resolve()):
            errors.append(
                ContentError(
                    shown,
                    1,
                    "",
                    "the file is a link to a place outside the project",
                    "copy the file into the project instead",
                )
            )
            unreadable.add(path.stem)
            continue
        try:
            documents.append(read_document(path, shown))
        except BuildFailed as failure:
            errors.extend(failure.errors)
            unreadable.add(path.stem)
    return documents
