"""Drafts: left out of every output of a published build, shown by `build --drafts` and the
preview with a banner, and links to them from published content refused with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Builder, build, build_unless_fresh, check
from generator.errors import BuildFailed
from generator.incremental.store import Fresh
from generator.project import Project
from tests.helpers import TEMPLATES, search_records
from tests.project_files import make_project

DRAFT = """\
---
title: The rumour
summary: An unconfirmed rumour.
date: 2019-03-05
actors: [army]
tags: [rumour-tag]
draft: true
---
A DRAFTWORD body that links to [[strike]].
"""
BANNER = b'<p class="draft-banner" role="note"><strong>Draft</strong>'
MARK = b'<span class="draft-mark">Draft</span>'
FIX = "publish rumour (remove draft: true) or remove the link"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    (root / "content/events/rumour.md").write_text(DRAFT, encoding="utf-8")
    return root


def project(root: Path) -> Project:
    return Project.at(root, templates=TEMPLATES, output=root / "site")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_leaves_drafts_out_of_every_output(root: Path) -> None:
    result = build(project(root))
    pages = result.pages
    assert [event.id for event in result.timeline.events] == ["strike", "denial", "aftermath"]
    for name in ("feed.xml", "timeline.json", "timelinejs.json", "sitemap.xml"):
        assert name in pages
    assert sorted(search_records(pages)) == [
        "events/aftermath/",
        "events/denial/",
        "events/strike/",
    ]
    for name in ("index.html", "events.ics", "years/2019/index.html", "actors/army/feed.xml"):
        assert name in pages
    assert [path for path in pages if "rumour" in path] == []
    assert [path for path, data in pages.items() if b"rumour" in data or b"DRAFTWORD" in data] == []
    assert [path for path, data in pages.items() if BANNER in data or MARK in data] == []


def test_build_with_drafts_shows_them_with_a_banner(root: Path) -> None:
    pages = build(project(root), drafts=True).pages
    page = pages["events/rumour/index.html"]
    assert BANNER in page
    assert b"DRAFTWORD" in page
    assert "tags/rumour-tag/index.html" in pages
    for name in ("feed.xml", "timeline.json", "sitemap.xml"):
        assert b"rumour" in pages[name], name
    assert "DRAFTWORD" in search_records(pages)["events/rumour/"]["content"]
    assert MARK in pages["index.html"]
    assert MARK not in pages["events/strike/index.html"]  # only drafts are marked
    assert BANNER not in pages["events/strike/index.html"]
    # A build with drafts, put online by mistake, keeps them out of search engines.
    noindex = b'<meta name="robots" content="noindex">'
    assert noindex in page
    # (Embeds, copies of list pages for other sites' frames, are never indexed.)
    marked = [path for path, data in pages.items() if noindex in data]
    assert [path for path in marked if not path.endswith("embed/index.html")] == [
        "events/rumour/index.html"
    ]


def test_the_preview_shows_drafts(root: Path) -> None:
    builder = Builder(project(root))
    pages = builder.build().pages
    assert BANNER in pages["events/rumour/index.html"]
    assert MARK in pages["actors/army/index.html"]
    # Publishing it (removing `draft: true`) takes the banner and the mark away.
    replace(root / "content/events/rumour.md", "draft: true\n", "")
    pages = builder.build().pages
    assert BANNER not in pages["events/rumour/index.html"]
    assert MARK not in pages["actors/army/index.html"]


def test_building_with_drafts_is_not_fresh_after_building_without(root: Path) -> None:
    cache = root / ".cache"
    first = build_unless_fresh(project(root), cache)
    assert not isinstance(first, Fresh)
    assert isinstance(build_unless_fresh(project(root), cache), Fresh)
    with_drafts = build_unless_fresh(project(root), cache, drafts=True)
    assert not isinstance(with_drafts, Fresh)
    assert "events/rumour/index.html" in with_drafts.paths
    again = build_unless_fresh(project(root), cache)
    assert not isinstance(again, Fresh)
    assert "events/rumour/index.html" not in again.paths


def test_links_to_a_draft_are_errors_in_a_published_build(root: Path) -> None:
    events = root / "content/events"
    replace(events / "aftermath.md", "relation: follows\n", "relation: follows\n  - rumour\n")
    replace(events / "aftermath.md", "calm returned.\n", "calm returned.\nMore in [[rumour]].\n")
    replace(root / "content/actors/country.md", "the strike]].", "the strike]]. And [[rumour]].")
    site = root / "site"
    site.mkdir()
    (site / "kept.txt").write_text("old", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(project(root))
    assert [str(error) for error in failure.value.errors] == [
        f"content/actors/country.md:5: body: links to the draft event rumour — {FIX}",
        f"content/events/aftermath.md:8: related: links to the draft event rumour — {FIX}",
        f"content/events/aftermath.md:11: body: links to the draft event rumour — {FIX}",
    ]
    assert [path.name for path in site.iterdir()] == ["kept.txt"]
    with pytest.raises(BuildFailed):
        check(project(root))
    # With the drafts, the links lead somewhere.
    assert len(check(project(root), drafts=True).events) == 4
    assert b"/rumour/" in build(project(root), drafts=True).pages["events/aftermath/index.html"]


def test_links_from_one_draft_to_another_are_fine(root: Path) -> None:
    other = DRAFT.replace("The rumour", "The second rumour").replace("[[strike]]", "[[rumour]]")
    (root / "content/events/second.md").write_text(other, encoding="utf-8")
    assert [event.id for event in check(project(root)).events] == ["strike", "denial", "aftermath"]


def test_draft_must_be_true_or_false(root: Path) -> None:
    replace(root / "content/events/rumour.md", "draft: true", "draft: later")
    with pytest.raises(BuildFailed) as failure:
        check(project(root))
    assert [str(error) for error in failure.value.errors] == [
        "content/events/rumour.md:7: draft: expected true or false — write `draft: true` to keep "
        "the event out of the site, or remove the line"
    ]


def test_check_says_how_many_drafts_it_left_out(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    args = ["--root", str(root), "--templates", str(TEMPLATES), "check"]
    assert main(args) == 0
    assert capsys.readouterr().out == (
        "No errors: 3 events (1 draft left out), 2 actors, 1 place, 1 source.\n"
    )
    assert main([*args, "--drafts"]) == 0
    assert capsys.readouterr().out == "No errors: 4 events, 2 actors, 1 place, 1 source.\n"


def test_build_says_how_many_drafts_it_left_out(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    args = ["--root", str(root), "--templates", str(TEMPLATES), "build"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(
        "Built 30 pages for 3 events (1 draft left out) into site/ in "
    )
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(
        "site/ is up to date: 30 pages for 3 events (1 draft left out), nothing changed"
    )
    assert main([*args, "--drafts"]) == 0
    assert capsys.readouterr().out.startswith("Built 33 pages for 4 events into site/ in ")


def test_new_says_it_wrote_a_draft_and_how_to_publish_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    args = ["--root", str(root), "--templates", str(TEMPLATES)]
    assert main([*args, "new", "Secret merger plan", "--date", "2019-03-05"]) == 0
    assert capsys.readouterr().out == (
        "Created content/events/secret-merger-plan.md as a draft: the preview shows it; "
        "`timeline build` and `timeline publish` leave it out until you remove its "
        "`draft: true` line.\n"
    )
    assert "draft: true\n" in (root / "content/events/secret-merger-plan.md").read_text()
    assert main([*args, "check"]) == 0
    assert "(2 drafts left out)" in capsys.readouterr().out


def test_a_site_an_older_preview_filled_with_drafts_is_not_up_to_date(root: Path) -> None:
    # Earlier versions of the preview wrote into site/: a build must never take such a site
    # for its own.
    cache = root / ".cache"
    assert not isinstance(build_unless_fresh(project(root), cache), Fresh)
    Builder(project(root)).build()
    assert (root / "site/events/rumour/index.html").is_file()
    again = build_unless_fresh(project(root), cache)
    assert not isinstance(again, Fresh)
    assert not (root / "site/events/rumour").exists()
