"""`timeline source add PATH_OR_URL`: the verbatim copy saved in seeds/ (a file copied, or the
exact bytes a server sent), and the source appended to content/sources.yaml, whose existing text
and comments stay exactly as they were."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.capture.fetch import KINDS, Redirect, fetch
from generator.capture.metadata import Metadata, html_metadata, pdf_metadata
from generator.errors import BuildFailed, failed
from generator.load.seeds import read_seed
from generator.load.text import MAX_SEED_BYTES, read_bytes
from generator.load.yaml_lines import parse_yaml
from generator.model.ids import ID_PATTERN, RESERVED_IDS, slugify
from generator.project import Project

EXTENSIONS = frozenset(KINDS.values()) | {".htm"}


@dataclass(frozen=True, slots=True)
class Added:
    """A source added: its id, where its copy went, what the copy did not say, the redirects."""

    id: str
    seed: Path
    missing: tuple[str, ...]
    redirects: tuple[Redirect, ...]


def add_source(
    project: Project, target: str, source_id: str | None, today: datetime.date | None = None
) -> Added:
    """Capture `target` (a file or an http(s) address) as a source; BuildFailed if it cannot."""
    sources_file = project.content / "sources.yaml"
    existing = sources_file.read_text(encoding="utf-8") if sources_file.is_file() else ""
    taken = _sources(existing, project.shown(sources_file))
    if source_id is not None:
        _check_id(source_id, taken)
    if target.lower().startswith(("http://", "https://")):
        fetched = fetch(target)
        body, extension, name = fetched.body, fetched.extension, None
        url, redirects = fetched.url, fetched.redirects
    else:
        body, extension, name = _local_file(project, Path(target))
        url, redirects = None, ()
    _check_unlisted(project, taken, name)
    about = pdf_metadata(body) if extension == ".pdf" else _text_metadata(body, extension)
    identifier = source_id or _free_id(slugify(about.title or Path(name or url or "").stem), taken)
    seed = _save(project, body, name or f"{identifier}{extension}")
    entry = _entry(project, about, identifier, seed, url, today or datetime.date.today())
    _append(sources_file, existing, entry, identifier, project.shown(sources_file))
    return Added(identifier, seed, tuple(about.missing()), redirects)


def _text_metadata(body: bytes, extension: str) -> Metadata:
    return html_metadata(body) if extension in (".html", ".htm") else Metadata()


def _sources(existing: str, shown: str) -> dict[str, object]:
    """The sources sources.yaml has now; BuildFailed when it cannot be read as a mapping."""
    try:
        value = parse_yaml(existing, shown).value if existing.strip() else None
    except BuildFailed:
        raise  # sources.yaml's own error, with its line: fix it, then add the source
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise failed("is not a mapping of source ids", "write `my-source:` lines", path=shown)
    return value


def _check_unlisted(project: Project, taken: dict[str, object], name: str | None) -> None:
    """BuildFailed when a source already has seeds/<name> as its copy."""
    local = project.shown(project.seeds / name) if name else None
    for source_id, value in taken.items():
        if local and isinstance(value, dict) and value.get("local") == local:
            raise failed(
                f"is already the copy of the source `{source_id}`",
                "cite that source, or rename the file to add it as another",
                path=local,
            )


def _check_id(source_id: str, taken: dict[str, object]) -> None:
    if not ID_PATTERN.fullmatch(source_id) or source_id in RESERVED_IDS:
        raise failed(
            f"`{source_id}` is not a valid source id",
            "use lowercase letters, digits, -",
            field="--id",
        )
    if source_id in taken:
        raise failed(
            f"content/sources.yaml already has `{source_id}`", "choose another", field="--id"
        )


def _free_id(base: str, taken: dict[str, object]) -> str:
    """`base`, or `base-2`, `base-3` … when sources.yaml has it."""
    base = "source" if base in ("", "event") or base in RESERVED_IDS else base
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _local_file(project: Project, path: Path) -> tuple[bytes, str, str]:
    """A file to add: its bytes, its extension, and its name in seeds/."""
    extension = path.suffix.lower()
    if extension not in EXTENSIONS:
        kinds = ", ".join(sorted(EXTENSIONS))
        raise failed(
            f"a seed is one of {kinds}", "save the document as one of them", path=str(path)
        )
    try:
        body = read_bytes(path, str(path), MAX_SEED_BYTES)
    except BuildFailed as failure:
        error = failure.errors[0]
        raise failed(error.problem, error.fix, path=str(path)) from None
    seeds = project.seeds.resolve()
    inside = path.resolve().is_relative_to(seeds)
    name = path.resolve().relative_to(seeds).as_posix() if inside else path.name
    return body, extension, name


def _save(project: Project, body: bytes, name: str) -> Path:
    """seeds/<name> holding `body`: written, or already there with the same bytes."""
    path = project.seeds / name
    if path.is_file():
        if path.read_bytes() == body:
            return path
        raise failed(
            "exists with other contents",
            "rename the file, or choose another --id",
            path=project.shown(path),
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written under a hidden name with the same extension, read as the build will read it, and
    # only then given its name: a copy the build cannot read is not left in seeds/.
    temporary = path.with_name(f".new-{path.name}")
    temporary.write_bytes(body)
    try:
        read_seed(temporary, project.shown(path))
    except BuildFailed:
        temporary.unlink()
        raise
    shutil.move(temporary, path)
    return path


def _entry(
    project: Project,
    about: Metadata,
    identifier: str,
    seed: Path,
    url: str | None,
    today: datetime.date,
) -> str:
    """The YAML lines of the new source."""
    values: dict[str, str] = {"title": about.title or seed.name}
    for key in ("publisher", "author", "date"):
        if getattr(about, key):
            values[key] = getattr(about, key)
    if url:
        values["url"] = url
    values["local"] = project.shown(seed)
    values["accessed"] = today.isoformat()
    return yaml.safe_dump({identifier: values}, sort_keys=False, allow_unicode=True, width=100)


def _append(path: Path, existing: str, entry: str, identifier: str, shown: str) -> None:
    """Append `entry` to sources.yaml after its existing text, and check the result reads."""
    glue = "\n" if existing and not existing.endswith("\n") else ""
    text = existing + glue + entry
    try:
        value = parse_yaml(text, shown).value
    except BuildFailed:
        value = None
    if not isinstance(value, dict) or identifier not in value:
        raise failed(
            "the new source cannot be appended to it as it is written (a flow mapping, or a "
            "document end?)",
            "write one `id:` line per source, then add again",
            path=shown,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(glue + entry)
