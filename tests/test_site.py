"""Whole builds: the real content, the golden fixture, links, anchors and determinism."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.model.urls import base_path
from tests.helpers import (
    FIXTURE,
    GOLDEN,
    REPO,
    TEMPLATES,
    broken_links,
    build_into,
    parse_page,
    read_tree,
)


def copy_project(source: Path, into: Path) -> Path:
    """A copy of a project's content and seeds, so a test may build or edit it freely."""
    for part in ("content", "seeds"):
        shutil.copytree(source / part, into / part)
    return into


def test_golden_fixture_matches_expected_output(tmp_path: Path) -> None:
    build_into(FIXTURE, tmp_path / "site")
    built = {k: v for k, v in read_tree(tmp_path / "site").items() if not k.startswith("static/")}
    expected = read_tree(GOLDEN)
    assert sorted(built) == sorted(expected), "pages added or removed: run `make golden` and review"
    changed = [path for path in built if built[path] != expected[path]]
    assert changed == [], "output changed: run `make golden` and review the diff"


def test_real_content_builds_every_kind_of_page(tmp_path: Path) -> None:
    pages = build_into(copy_project(REPO, tmp_path), tmp_path / "site")
    names = set(pages)
    for expected in (
        "index.html",
        "404.html",
        ".nojekyll",
        "actors/index.html",
        "actors/russia/index.html",
        "actors/qamar-bajwa/index.html",
        "tags/index.html",
        "years/index.html",
        "years/2015/index.html",
        "status/denied/index.html",
        "status/index.html",
        "sources/index.html",
        "sources/theprint-russia-pakistan/index.html",
        "events/balakot-air-strike/index.html",
        "static/style.css",
    ):
        assert expected in names
    events = [name for name in names if name.startswith("events/")]
    assert len(events) >= 10


def test_every_internal_link_and_anchor_resolves(tmp_path: Path) -> None:
    for source in (REPO, FIXTURE):
        root = copy_project(source, tmp_path / source.name)
        build_into(root, root / "site")
        assert broken_links(root / "site", base_path(_base_url(root))) == []


def _base_url(root: Path) -> str:
    for line in (root / "content" / "site.yaml").read_text().splitlines():
        if line.startswith("base_url:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("no base_url")


def test_canonical_links_are_absolute_and_map_to_pages(tmp_path: Path) -> None:
    root = copy_project(FIXTURE, tmp_path)
    pages = build_into(root, tmp_path / "site")
    base = "https://example.org/ancient/"
    for path, data in pages.items():
        if not path.endswith(".html") or path == "404.html":
            continue
        (canonical,) = parse_page(data).canonical
        assert canonical.startswith(base)
        target = canonical[len(base) :]
        assert (
            tmp_path
            / "site"
            / (target + "index.html" if not target or target.endswith("/") else target)
        ).is_file()


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    root = copy_project(REPO, tmp_path)
    build_into(root, tmp_path / "one")
    build_into(root, tmp_path / "two")
    assert read_tree(tmp_path / "one") == read_tree(tmp_path / "two")


def test_a_rebuild_replaces_stale_files(tmp_path: Path) -> None:
    root = copy_project(FIXTURE, tmp_path)
    build_into(root, tmp_path / "site")
    (root / "content" / "events" / "later-claims.md").unlink()
    (root / "content" / "events" / "senate-plot.md").write_text(
        (root / "content" / "events" / "senate-plot.md").read_text()
    )
    build_into(root, tmp_path / "site")
    assert not (tmp_path / "site" / "events" / "later-claims").exists()
    assert not list(tmp_path.glob(".site.*"))


def test_a_custom_domain_writes_cname_and_must_match_base_url(tmp_path: Path) -> None:
    root = copy_project(FIXTURE, tmp_path / "project")
    site_yaml = root / "content" / "site.yaml"
    text = site_yaml.read_text()
    site_yaml.write_text(
        text.replace(
            "base_url: https://example.org/ancient/", "base_url: https://rome.example.org/"
        )
        + "domain: rome.example.org\n"
    )
    pages = build_into(root, tmp_path / "site")
    assert pages["CNAME"] == b"rome.example.org\n"
    assert (tmp_path / "site" / "CNAME").read_bytes() == b"rome.example.org\n"
    assert "CNAME" not in build_into(FIXTURE, tmp_path / "plain")


KEPT = "<p>Kept in the cache.</p>"
EDITED = "rubicon"


def warm_project(tmp_path: Path) -> Path:
    """The fixture built once by `timeline build`, which leaves its rendered Markdown in
    .cache/, then one event's body edited: the next build is not up to date, renders that body
    anew and may take every other from the cache."""
    from generator.cli import main

    root = copy_project(FIXTURE, tmp_path / "project")
    assert main(["--root", str(root), "--templates", str(TEMPLATES), "build"]) == 0
    event = root / "content" / "events" / f"{EDITED}.md"
    event.write_text(event.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    # Without the record of what each page showed, the build renders every page, each with the
    # bodies it takes from the cache (with it, only the edited event's page would be made).
    (root / ".cache" / "shown.json").unlink()
    return root


def warm_build(root: Path) -> dict[str, str]:
    """The build `timeline build` makes of `root` now, which must be a build and not the
    answer that the site is up to date; its HTML pages."""
    from generator.build import BuildResult, build_unless_fresh
    from generator.project import Project

    result = build_unless_fresh(Project.at(root, templates=TEMPLATES), root / ".cache")
    assert isinstance(result, BuildResult)
    files = read_tree(root / "site")
    html = {path: data.decode() for path, data in files.items() if path.endswith(".html")}
    assert result.rendered == len(html)
    return html


def overwrite_cached_bodies(root: Path, html: str) -> None:
    """Every body in the project's cache replaced by `html`, as another program could."""
    from generator.incremental.store import bodies_file

    path = bodies_file(root / ".cache")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["bodies"], "the first build left its Markdown"
    data["bodies"] = dict.fromkeys(data["bodies"], html)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_warm_build_from_the_cache_gives_the_same_bytes(tmp_path: Path) -> None:
    root = warm_project(tmp_path)
    # The premise: a twin whose cache holds other bodies shows them, so the build below takes
    # every body it did not edit from the cache, and renders the edited one anew.
    twin = shutil.copytree(root, tmp_path / "twin")
    overwrite_cached_bodies(twin, KEPT)
    shown = warm_build(twin)
    assert KEPT in shown["events/ides-of-march/index.html"]
    assert KEPT not in shown[f"events/{EDITED}/index.html"]
    warm_build(root)
    build_into(root, tmp_path / "fresh")
    assert read_tree(root / "site") == read_tree(tmp_path / "fresh")


def test_a_cache_from_elsewhere_cannot_put_a_script_on_a_page(tmp_path: Path) -> None:
    root = warm_project(tmp_path)
    overwrite_cached_bodies(root, f'{KEPT}<script>alert(1)</script><p onclick="x()">hi</p>')
    pages = warm_build(root)
    # The cached bodies are shown (the premise), without what the sanitiser removes.
    assert KEPT in pages["events/ides-of-march/index.html"]
    for name, page in pages.items():
        assert "alert(1)" not in page and "onclick" not in page, name
