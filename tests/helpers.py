"""Shared test helpers: the repository's paths, building a project, and reading built sites."""

from __future__ import annotations

import atexit
import gzip
import json
import shutil
import tempfile
from collections.abc import Mapping
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.build import Pages, build, check
from generator.incremental.store import media_cache
from generator.model.graph import Graph, link
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
FIXTURE = REPO / "tests" / "fixtures" / "ancient"
GOLDEN = REPO / "tests" / "golden" / "ancient"


def graph_of(root: Path) -> Graph:
    """The link graph of the project at `root`."""
    return link(check(Project.at(root, templates=TEMPLATES)))


@cache
def shared_renditions() -> Path:
    """One folder of image renditions for every build this test process makes with
    `build_into`: resizing the fixture's images is most of a small build's time (seconds, where
    the pages take tenths), and what those tests compare is pages. tests/test_media.py holds the
    renditions themselves, and a build that uses this folder to one that makes them afresh."""
    folder = Path(tempfile.mkdtemp(prefix="timeline-test-renditions-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def build_into(root: Path, output: Path, templates: Path = TEMPLATES) -> Pages:
    """Build the project at `root` (with the repository's templates) into `output`, as a cold
    build does but for the image renditions, which come from `shared_renditions()`."""
    with tempfile.TemporaryDirectory(prefix="timeline-test-cache-") as folder:
        cache_folder = Path(folder)
        media_cache(cache_folder).symlink_to(shared_renditions(), target_is_directory=True)
        return build(Project.at(root, templates=templates, output=output), cache_folder).pages


def seed_renditions(root: Path) -> None:
    """Give the project at `root` a `.cache/` holding the renditions `build_into` made, so that
    the CLI's builds in a test skip resizing the images as `build_into` does (the fixture's are
    made first if this process has not made them yet)."""
    if not any(shared_renditions().iterdir()):
        with tempfile.TemporaryDirectory(prefix="timeline-test-site-") as output:
            build_into(FIXTURE, Path(output) / "site")
    media_cache(root / ".cache").parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(shared_renditions(), media_cache(root / ".cache"), dirs_exist_ok=True)


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by path relative to it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class PageLinks(HTMLParser):
    """The ids a page defines and the URLs it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []
        self.canonical: list[str] = []
        self.base = ""  # a <base href>, which relative links resolve against

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "base":
            self.base = str(values.get("href") or "")
            return
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value is None:
                continue
            if tag == "link" and values.get("rel") == "canonical":
                self.canonical.append(value)
            else:
                self.refs.append(value)


def parse_page(data: bytes) -> PageLinks:
    """Parse one HTML page's ids and references."""
    parser = PageLinks()
    parser.feed(data.decode("utf-8"))
    return parser


def broken_links(site: Path, root_path: str = "/") -> list[str]:
    """Every internal link or #anchor in the built site that does not resolve, as 'page -> link'.

    `root_path` is the URL path the site is served under (for root-relative links of the 404 page).
    """
    pages = {
        path: parse_page(data) for path, data in read_tree(site).items() if path.endswith(".html")
    }
    broken: list[str] = []
    for page, parsed in pages.items():
        for ref in parsed.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(root_path):
                    broken.append(f"{page} -> {ref}")
                    continue
                target = unquote(parts.path[len(root_path) :])
            else:
                base = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
                base = _normalise(base + parsed.base) or "" if parsed.base else base
                target = _normalise(base + unquote(parts.path)) if parts.path else page
            if target is None:
                broken.append(f"{page} -> {ref}")
                continue
            if target == "" or target.endswith("/"):
                target += "index.html"
            if not (site / target).is_file():
                broken.append(f"{page} -> {ref}")
            elif parts.fragment:
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page} -> {ref} (no such id)")
    return broken


def _normalise(path: str) -> str | None:
    """Resolve '.' and '..' in a relative URL path; None if it climbs above the site root."""
    parts: list[str] = []
    segments = path.split("/")
    for segment in segments[:-1]:
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    last = segments[-1]
    if last == "..":
        if not parts:
            return None
        parts.pop()
        last = ""
    elif last == ".":
        last = ""
    return "/".join([*parts, last]) if parts else last


def search_records(files: Mapping[str, bytes]) -> dict[str, dict[str, Any]]:
    """The search index's records (Pagefind's fragments: url, content, meta, filters) by their
    page's path, from a site's files by output path."""
    records = {}
    for path, data in files.items():
        if path.startswith("pagefind/fragment/"):
            record = json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
            records[record["url"]] = record
    return records
