"""Rebuilds by the preview server's Builder: the same bytes as a cold build, with less work."""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import Builder, Superseded, check, render_site
from generator.check.validate import ValidateCache, validate
from generator.errors import BuildFailed
from generator.incremental.affected import edit_between, replanned
from generator.incremental.keep import PREVIEW
from generator.load.files import LoadCache, load
from generator.model.graph import Graph, link
from generator.outputs.atom import ARCHIVE_ENTRIES, CURRENT_ENTRIES
from generator.project import Project
from generator.render.pages import plan_pages
from generator.render.site import RenderCache
from generator.serve.inotify import Inotify
from tests.helpers import FIXTURE, TEMPLATES, build_into, read_tree, seed_renditions
from tests.project_files import make_project


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / "project" / part)
    return Project.at(tmp_path / "project", templates=TEMPLATES)


def builder_of(project: Project) -> Builder:
    """The preview's builder of `project`, whose `.cache/` starts with the fixture's image
    renditions (see tests/helpers.py): what these tests compare is pages."""
    seed_renditions(project.root)
    return Builder(project, cache_folder=project.root / ".cache")


def assert_same_as_cold(project: Project, tmp_path: Path) -> None:
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    build_into(project.root, cold)
    assert read_tree(project.output) == read_tree(cold)


def test_an_unchanged_rebuild_renders_and_writes_nothing(project: Project) -> None:
    builder = builder_of(project)
    builder.build()
    result = builder.build()
    assert (result.rendered, result.changed) == (0, ())


def test_a_body_edit_renders_only_its_page(project: Project, tmp_path: Path) -> None:
    builder = builder_of(project)
    builder.build()
    edit(project.content / "events/rubicon.md", lambda t: t.replace("The start", "The very start"))
    result = builder.build()
    # Feeds and the JSON export carry bodies too; of the pages, only the event's own changes.
    assert [path for path in result.changed if path.endswith(".html")] == [
        "events/rubicon/index.html"
    ]
    assert result.rendered == 1
    assert_same_as_cold(project, tmp_path)


def test_a_body_edit_patches_the_last_plan_rather_than_plan_every_page(project: Project) -> None:
    builder = builder_of(project)
    builder.build()
    before = builder.kept.render.plan
    edit(project.content / "events/rubicon.md", lambda t: t.replace("The start", "The very start"))
    builder.build()
    after = builder.kept.render.plan
    assert [page.path for page in after] == [page.path for page in before]
    planned = [new.path for new, old in zip(after, before, strict=True) if new is not old]
    assert planned == ["events/rubicon/index.html"]


def _replanned_by(project: Project, change: Callable[[str], str]) -> set[str]:
    """The pages an edit of rubicon.md by `change` plans again, from the record of the last."""
    before = link(check(project, drafts=True))
    edit(project.content / "events/rubicon.md", change)
    after = link(check(project, drafts=True))
    record = {page.path: page.shown for page in plan_pages(before, None)}
    plan = ((page.path, page.shown) for page in plan_pages(after, None))
    return replanned(record, plan, edit_between(before, after))


def test_a_body_edit_plans_again_only_the_pages_that_show_its_body(project: Project) -> None:
    replanned = _replanned_by(project, lambda t: t.replace("The start", "The very start"))
    assert replanned == {"events/rubicon/index.html"}


def test_a_body_edit_that_links_elsewhere_plans_again_the_pages_it_links_to(
    project: Project,
) -> None:
    replanned = _replanned_by(project, lambda t: t.replace("The start", "[[senate]] started"))
    assert "actors/senate/index.html" in replanned
    assert "index.html" in replanned  # the event as the lists show it stays, but its links go


@pytest.mark.slow
def test_an_edit_writes_its_pages_before_it_makes_the_outputs(project: Project) -> None:
    seen: dict[str, bytes] = {}

    def on_pages(changed: tuple[str, ...]) -> None:
        # What a browser reloaded at this moment finds: the new page, the last exports.
        assert changed == ("events/rubicon/index.html",)
        for path in ("events/rubicon/index.html", "timeline.json", "feed.xml"):
            seen[path] = (project.output / path).read_bytes()

    seed_renditions(project.root)
    builder = Builder(project, cache_folder=project.root / ".cache", on_pages=on_pages)
    builder.build()
    assert seen == {}  # the first build writes the whole site at once
    before = read_tree(project.output)
    edit(project.content / "events/rubicon.md", lambda t: t.replace("The start", "The very start"))
    result = builder.build()
    assert b"The very start" in seen["events/rubicon/index.html"]
    assert seen["timeline.json"] == before["timeline.json"]
    assert seen["feed.xml"] == before["feed.xml"]
    # Then the outputs follow, in the same build, to the bytes of a cold build.
    assert "timeline.json" in result.changed
    assert b"The very start" in (project.output / "timeline.json").read_bytes()
    assert builder.is_output("timeline.json") and builder.is_output("pagefind/pagefind.js")
    assert not builder.is_output("events/rubicon/index.html")
    # The same edit's bytes against a cold build: test_a_body_edit_renders_only_its_page.


EVENTS = "content/events"


def _without_statuses(events: Path) -> None:
    for path in sorted(events.glob("*.md")):
        edit(path, lambda t: re.sub(r"status: .*\n", "", t))


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    (
        "date",
        lambda root: edit(
            root / EVENTS / "rubicon.md", lambda t: t.replace("-0048-01", "-0041-06")
        ),
    ),
    (
        "actors",
        lambda root: edit(
            root / EVENTS / "augustus-reign.md",
            lambda t: t.replace("[augustus]", "[augustus, senate]"),
        ),
    ),
    (
        "new event",
        lambda root: (root / EVENTS / "actium.md").write_text(
            "---\ntitle: Actium\ndate: -0030-09-02\nactors: [augustus]\ntags: [new-tag]\n---\n"
            "After [[ides-of-march]].\n"
        ),
    ),
    ("deleted event", lambda root: (root / EVENTS / "later-claims.md").unlink()),
    # Each of these reaches pages other than the event's own: its neighbours in time, events
    # related to it, pages whose bodies link to it, its lists, its source's marked quotes.
    (
        "title",
        lambda root: edit(
            root / EVENTS / "rubicon.md", lambda t: t.replace("crosses the", "fords the")
        ),
    ),
    (
        "tag to a new one",
        lambda root: edit(
            root / EVENTS / "senate-plot.md", lambda t: re.sub(r"tags: \[.*\]", "tags: [x]", t)
        ),
    ),
    (
        "status",
        lambda root: edit(
            root / EVENTS / "rubicon.md", lambda t: t.replace("confirmed", "disputed")
        ),
    ),
    (
        "relation removed",
        lambda root: edit(
            root / EVENTS / "ides-of-march.md", lambda t: t.replace("related:\n  - rubicon\n", "")
        ),
    ),
    (
        "link added to a body",
        lambda root: edit(root / EVENTS / "rubicon.md", lambda t: t + "\nSee [[senate-plot]].\n"),
    ),
    (
        "quote",
        lambda root: edit(
            root / EVENTS / "rubicon.md", lambda t: t.replace("one legion.", "one legion")
        ),
    ),
    (
        "moved to a year of its own",
        lambda root: edit(
            root / EVENTS / "rubicon.md", lambda t: re.sub(r"date: .*", "date: -0060", t, count=1)
        ),
    ),
    (
        "renamed actor",
        lambda root: edit(
            root / "content/actors/senate.md", lambda t: t.replace("Roman Senate", "The Senate")
        ),
    ),
    (
        "site settings",
        lambda root: edit(root / "content/site.yaml", lambda t: t.replace("Fixture", "Test")),
    ),
    # With `default_status: none`, the status pages, the index's filter and every page's
    # navigation follow the statuses that events have.
    (
        "no default status",
        lambda root: edit(root / "content/site.yaml", lambda t: t + "default_status: none\n"),
    ),
    (
        "status removed",
        lambda root: edit(root / EVENTS / "rubicon.md", lambda t: re.sub(r"status: .*\n", "", t)),
    ),
    (
        "every status removed",
        lambda root: _without_statuses(root / EVENTS),
    ),
    (
        "a status again",
        lambda root: edit(root / EVENTS / "senate-plot.md", _set_field("status", "denied")),
    ),
    (
        "default status back",
        lambda root: edit(
            root / "content/site.yaml", lambda t: t.replace("default_status: none\n", "")
        ),
    ),
]


@pytest.mark.slow
def test_a_series_of_edits_gives_the_bytes_of_a_cold_build(
    project: Project, tmp_path: Path
) -> None:
    builder = builder_of(project)
    builder.build()
    for name, change in EDITS:
        change(project.root)
        result = builder.build()
        assert result.changed, name
        assert_same_as_cold(project, tmp_path)


def test_edits_across_the_feeds_archive_pages_give_the_bytes_of_a_cold_build(
    project: Project, tmp_path: Path
) -> None:
    def filler(number: int) -> Path:
        return project.content / "events" / f"filler-{number}.md"

    # Enough events that the site feed has a full archive and a second one begun.
    for number in range(CURRENT_ENTRIES + ARCHIVE_ENTRIES + 3):
        filler(number).write_text(
            f"---\ntitle: Filler {number}\ndate: {1000 + number}\n---\nText.\n",
            encoding="utf-8",
        )
    builder = builder_of(project)
    builder.build()
    assert (project.output / "feed/archive/2.xml").exists()
    filler(0).unlink()  # every archived event moves one place towards the newest
    builder.build()
    assert_same_as_cold(project, tmp_path)
    for number in range(ARCHIVE_ENTRIES):
        filler(number + 1).unlink()
    result = builder.build()
    assert "feed/archive/2.xml" in result.changed
    assert not (project.output / "feed/archive/2.xml").exists()
    assert_same_as_cold(project, tmp_path)


@pytest.mark.slow
def test_edits_that_move_events_across_list_pages_give_the_bytes_of_a_cold_build(
    project: Project, tmp_path: Path
) -> None:
    def filler(number: int) -> Path:
        return project.content / "events" / f"filler-{number}.md"

    edit(project.content / "site.yaml", lambda t: t + "page_size: 10\n")
    for number in range(17):  # with the fixture's 7 events, the index has 3 pages
        filler(number).write_text(
            f"---\ntitle: Filler {number}\ndate: {1000 + number}\nstatus: confirmed\n"
            "tags: [filler]\n---\nText.\n",
            encoding="utf-8",
        )
    builder = Builder(project)
    builder.build()
    assert (project.output / "page/3/index.html").exists()
    # An event before all the others moves every other one a place along every list.
    edit(filler(16), lambda t: t.replace("date: 1016", "date: -0100"))
    builder.build()
    assert_same_as_cold(project, tmp_path)
    for number in range(4):  # the last page goes, and the pager on every other page changes
        filler(number).unlink()
    result = builder.build()
    assert "page/2/index.html" in result.changed
    assert not (project.output / "page/3/index.html").exists()
    assert_same_as_cold(project, tmp_path)


def test_a_failed_rebuild_leaves_the_site_and_the_next_good_one_catches_up(
    project: Project, tmp_path: Path
) -> None:
    builder = builder_of(project)
    builder.build()
    before = read_tree(project.output)
    event = project.content / "events/rubicon.md"
    good = event.read_text()
    event.write_text(good.replace("date: -0048-01", "date: -0048-13"))
    with pytest.raises(BuildFailed):
        builder.build()
    assert read_tree(project.output) == before
    event.write_text(re.sub("Caesar crosses", "Caesar fords", good))
    builder.build()
    assert_same_as_cold(project, tmp_path)


def test_a_rebuild_that_dies_while_rendering_is_no_base_for_the_next(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.render.site as site

    builder = builder_of(project)
    builder.build()
    event = project.content / "events/rubicon.md"
    good = event.read_text()
    event.write_text(good.replace("Caesar crosses", "Caesar fords"))
    real = site.imap_indexes

    def dies_after_one(job: Callable[[int], bytes], count: int) -> Iterator[bytes]:
        yield next(iter(real(job, count)))
        raise OSError("the disk is full")

    monkeypatch.setattr(site, "imap_indexes", dies_after_one)
    with pytest.raises(OSError):
        builder.build()
    monkeypatch.setattr(site, "imap_indexes", real)
    # Back to the text of the last good build: the pages the failed one made must not stay.
    event.write_text(good)
    builder.build()
    assert_same_as_cold(project, tmp_path)


def test_a_preview_without_a_cache_folder_keeps_the_renditions_in_memory(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.render.images as images

    builder = Builder(project)  # no cache folder
    builder.build()
    assert not (project.root / ".cache").exists()

    def resizes(*args: object) -> bytes:
        raise AssertionError("an image was resized again")

    # Forked workers are copies of this process: they resize with this too.
    monkeypatch.setattr(images, "_encode", resizes)
    edit(project.content / "events/rubicon.md", lambda t: t.replace("The start", "The very start"))
    builder.build()
    monkeypatch.undo()
    assert_same_as_cold(project, tmp_path)


def _errors(build: Callable[[], object]) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        build()
    return [str(error) for error in failed.value.errors]


def _copied(name: str, to: str) -> Callable[[Path], None]:
    return lambda content: shutil.copy(content / name, content / to)


def _appended_to(name: str, text: str) -> Callable[[Path], None]:
    return lambda content: edit(content / name, lambda t: t + text)


@pytest.mark.parametrize(
    "break_it",
    [
        _appended_to("events/rubicon.md", "\nSee [[rubicons]] and [link](ides-of-march.md).\n"),
        _copied("events/rubicon.md", "events/more/rubicon.md"),
        _copied("events/rubicon.md", "events/Rubicon.md"),
        _copied("events/rubicon.md", "events/caesar.md"),
        lambda content: (content / "events/ides-of-march.md").unlink(),
    ],
    ids=["broken-link", "same-id", "case", "actor-id", "linked-event-removed"],
)
def test_an_edit_that_breaks_links_or_ids_reports_what_a_cold_check_does_and_recovers(
    project: Project, tmp_path: Path, break_it: Callable[[Path], None]
) -> None:
    builder = builder_of(project)
    builder.build()
    # Unchanged files keep their checked events and their bodies' checks from the last build.
    (project.content / "events/more").mkdir()
    saved = tmp_path / "saved"
    shutil.copytree(project.content, saved)
    break_it(project.content)
    errors = _errors(builder.build)
    assert errors == _errors(lambda: check(project, drafts=True))
    assert errors  # each edit breaks the build
    assert _errors(builder.build) == errors  # a build again, nothing changed, says it again
    shutil.rmtree(project.content)
    shutil.copytree(saved, project.content)
    builder.build()
    assert_same_as_cold(project, tmp_path)


def test_unchanged_events_are_not_checked_again(project: Project) -> None:
    builder = builder_of(project)
    first = {event.id: event for event in builder.build().timeline.events}
    edit(project.content / "events/rubicon.md", lambda t: t.replace("The start", "The very start"))
    second = {event.id: event for event in builder.build().timeline.events}
    assert second["ides-of-march"] is first["ides-of-march"]
    assert second["rubicon"] is not first["rubicon"]
    # A new actor id changes what events may refer to: every event is checked again.
    (project.content / "actors/brutus.md").write_text("---\nname: Brutus\nkind: person\n---\n")
    third = {event.id: event for event in builder.build().timeline.events}
    assert third["ides-of-march"] is not second["ides-of-march"]
    assert third["ides-of-march"] == second["ides-of-march"]


# Random series of edits: after each, the pages rendered with the cache the earlier builds left
# (only the pages the edit affects planned again) equal the pages of a fresh render.

EVENT_IDS = ("rubicon", "ides-of-march", "senate-plot", "augustus-reign", "later-claims")
LINK_TARGETS = (*EVENT_IDS, "caesar", "senate", "augustus")


def _set_field(name: str, value: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        head, body = text.split("\n---\n", 1)
        lines = [line for line in head.split("\n") if not line.startswith(f"{name}:")]
        return "\n".join([lines[0], f"{name}: {value}", *lines[1:]]) + "\n---\n" + body

    return change


def _without_related(text: str) -> str:
    head, body = text.split("\n---\n", 1)
    return re.split(r"\nrelated:", head)[0] + "\n---\n" + body


edits = st.one_of(
    st.tuples(
        st.just("title"), st.sampled_from(["Caesar crosses", "A plot", "Rome & <b>Rome</b>"])
    ),
    st.tuples(st.just("date"), st.sampled_from(["-0060", "-0048-01", "-0043-03-15", "-0044%"])),
    st.tuples(st.just("status"), st.sampled_from(["confirmed", "disputed", "denied", ""])),
    st.tuples(st.just("tags"), st.sampled_from(["[]", "[civil-war]", "[fresh, conspiracy]"])),
    st.tuples(st.just("summary"), st.sampled_from(["Short.", "Another summary"])),
    st.tuples(st.just("link"), st.sampled_from(LINK_TARGETS)),
    st.tuples(st.just("unrelate"), st.just("")),
)


def _apply(path: Path, kind: str, value: str) -> None:
    """One random edit of the event file at `path`."""
    if kind == "link":
        edit(path, lambda t: t + f"\nSee [[{value}]].\n")
    elif kind == "unrelate":
        edit(path, _without_related)
    else:
        edit(path, _set_field(kind, value))


@settings(max_examples=15)
@given(
    st.booleans(),
    st.lists(st.tuples(st.sampled_from(EVENT_IDS), edits), min_size=1, max_size=6),
)
@pytest.mark.slow
def test_random_edits_render_as_a_fresh_build_does(
    no_default_status: bool, steps: list[tuple[str, tuple[str, str]]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for part in ("content", "seeds"):
            shutil.copytree(FIXTURE / part, root / part)
        if no_default_status:  # then an empty `status:` leaves an event without one
            edit(root / "content/site.yaml", lambda t: t + "default_status: none\n")
        project = Project.at(root, templates=TEMPLATES)
        # Both builds share one folder of image renditions, the one every build of the fixture
        # in this process uses: resizing the fixture's images is most of a fresh render's time,
        # and what this test compares is the pages (tests/test_media.py holds renditions to a
        # build without the folder).
        seed_renditions(root)
        renditions = root / ".cache" / "media"
        _, cache = render_site(link(check(project)), TEMPLATES, RenderCache(PREVIEW, renditions))
        for event_id, (kind, value) in steps:
            path = root / EVENTS / f"{event_id}.md"
            before = path.read_text(encoding="utf-8")
            _apply(path, kind, value)
            try:
                graph = link(check(project))
            except BuildFailed:  # an edit the format refuses: undo it
                path.write_text(before, encoding="utf-8")
                continue
            fresh, _ = render_site(graph, TEMPLATES, RenderCache(PREVIEW, renditions))
            pages, cache = render_site(graph, TEMPLATES, cache)
            assert pages == fresh


def _linked(graph: Graph) -> dict[str, object]:
    """Every field of `graph`, its groupings as lists of items: the order of their keys is the
    order of pages and feeds (relations, backlinks and quotes are only looked up by id)."""
    looked_up = ("relations", "backlinks", "quotes")
    return {
        field.name: list(value.items()) if field.name.startswith("by_") else value
        for field in dataclasses.fields(graph)
        for value in [getattr(graph, field.name)]
        if field.name not in looked_up
    } | {name: getattr(graph, name) for name in looked_up}


# `order:` orders the events of one day, which date edits make share one.
ordered_edits = st.one_of(edits, st.tuples(st.just("order"), st.sampled_from(["1", "2", "-1"])))


# Thirty series of up to ten edits: each series patches the graph up to ten times, and two
# deliberately broken patches were each caught by this test at sixty; the suite's time is
# budgeted (see the Makefile).
@settings(max_examples=30)
@given(
    st.lists(st.tuples(st.sampled_from(EVENT_IDS), ordered_edits), min_size=1, max_size=10),
)
def test_random_edits_check_and_patch_the_last_graph_as_a_first_build_does(
    steps: list[tuple[str, tuple[str, str]]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for part in ("content", "seeds"):
            shutil.copytree(FIXTURE / part, root / part)
        project = Project.at(root, templates=TEMPLATES)
        # As the preview keeps them: an unchanged file keeps its Event object, which is how
        # the patch tells the changed events from the others.
        loaded, checked = LoadCache(), ValidateCache()
        last = link(validate(load(project, loaded), checked))
        for event_id, (kind, value) in steps:
            path = root / EVENTS / f"{event_id}.md"
            before = path.read_text(encoding="utf-8")
            _apply(path, kind, value)
            try:
                timeline = validate(load(project, loaded), checked)
            except BuildFailed:  # an edit the format refuses: undo it
                path.write_text(before, encoding="utf-8")
                continue
            # The events in time order as a first check orders them, for a first link.
            assert timeline.events == validate(load(project)).events
            patched = link(timeline, last)
            assert _linked(patched) == _linked(link(timeline))
            last = patched


def test_an_edit_of_order_alone_orders_the_day_again(project: Project) -> None:
    loaded, checked = LoadCache(), ValidateCache()
    rubicon = project.root / EVENTS / "rubicon.md"
    edit(rubicon, _set_field("date", "-0043-03-15"))  # the day of ides-of-march
    edit(rubicon, _set_field("order", "1"))
    first = [event.id for event in validate(load(project, loaded), checked).events]
    assert first.index("rubicon") == first.index("ides-of-march") + 1
    edit(rubicon, _set_field("order", "-1"))
    again = [event.id for event in validate(load(project, loaded), checked).events]
    assert again.index("rubicon") == again.index("ides-of-march") - 1


def test_an_added_and_a_removed_event_patch_the_last_graph_as_linking_anew_does(
    project: Project,
) -> None:
    loaded, checked = LoadCache(), ValidateCache()
    last = link(validate(load(project, loaded), checked))
    events = project.root / EVENTS
    added = "---\ntitle: Caesar dines\ndate: -0044-03-14\ntags: [conspiracy]\n"
    added += "related:\n  - id: ides-of-march\n    relation: causes\n"
    added += "sources:\n  - source: chronicle\n---\nBefore [[ides-of-march]], with [[caesar]].\n"
    (events / "dinner.md").write_text(added, encoding="utf-8")
    (events / "wreath-laid.md").unlink()
    timeline = validate(load(project, loaded), checked)
    patched = link(timeline, last)
    assert "dinner" in patched.events and "wreath-laid" not in patched.events
    assert _linked(patched) == _linked(link(timeline))


@pytest.mark.slow
def test_edits_of_translations_give_the_bytes_of_a_cold_build(tmp_path: Path) -> None:
    # The small project of the content-error tests, not the fixture: each language is a site.
    root = make_project(tmp_path / "two")
    site = root / "content/site.yaml"
    edit(site, lambda t: t.replace("language: en", "languages: [en, fr]"))
    translation = root / EVENTS / "strike.fr.md"
    translation.write_text("---\ntitle: La frappe\n---\nL’[[army]] frappe.\n", encoding="utf-8")
    project = Project.at(root, templates=TEMPLATES)
    builder = builder_of(project)
    builder.build()
    edits: list[Callable[[], None]] = [
        lambda: edit(translation, lambda t: t.replace("La frappe", "La frappe aérienne")),
        lambda: edit(root / EVENTS / "strike.md", lambda t: t.replace("2019-02-26", "2019-02-25")),
        lambda: (root / "content/actors/army.fr.md").write_text(
            "---\nname: L’Armée\n---\n", encoding="utf-8"
        ),
        translation.unlink,
    ]
    for change in edits:
        change()
        result = builder.build()
        assert any(path.startswith("fr/") for path in result.changed)
        assert_same_as_cold(project, tmp_path)


def _reported(watching: Inotify) -> frozenset[Path]:
    """What the kernel reported since the last call, as the preview's watcher hands it on."""
    paths: set[str] = set()
    while got := watching.changes(0.2):
        paths |= got
    return frozenset(Path(path) for path in paths)


def _renamed(old: Path, new: Path) -> None:
    new.parent.mkdir(exist_ok=True)
    old.rename(new)


REPORTED_EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("body", lambda events: edit(events / "rubicon.md", lambda t: t + "\nLater, more.\n")),
    # A second edit of a body alone patches a plan that the first patched.
    ("another body", lambda events: edit(events / "senate-plot.md", lambda t: t + "\nAnd.\n")),
    ("date", lambda events: edit(events / "rubicon.md", lambda t: t.replace("-0048-01", "-0041"))),
    (
        "added",
        lambda events: (events / "actium.md").write_text(
            "---\ntitle: Actium\ndate: -0030-09-02\nactors: [augustus]\n---\nA sea battle.\n"
        ),
    ),
    ("renamed", lambda events: _renamed(events / "actium.md", events / "sea-battle.md")),
    ("into a new folder", lambda events: _renamed(events / "sea-battle.md", events / "n/s.md")),
    # The kernel keeps a renamed folder's watch: a later edit inside it is still reported.
    ("folder renamed", lambda events: (events / "n").rename(events / "m")),
    ("in the renamed folder", lambda events: edit(events / "m/s.md", lambda t: t + "\nMore.\n")),
    ("removed", lambda events: (events / "later-claims.md").unlink()),
]


@pytest.mark.slow
def test_edits_given_by_the_watchers_changed_paths_give_the_bytes_of_a_cold_build(
    project: Project, tmp_path: Path
) -> None:
    builder = builder_of(project)
    builder.build()
    events = project.content / "events"
    watching = Inotify([project.content])
    try:
        for name, change in REPORTED_EDITS:
            change(events)
            result = builder.build(_reported(watching))
            # An event's id is its file's name: renaming its folder changes no page.
            assert bool(result.changed) == (name != "folder renamed"), name
            assert_same_as_cold(project, tmp_path)
    finally:
        watching.close()
    # Only the files reported are looked at again: an edit reported by no one is not seen.
    edit(events / "rubicon.md", lambda t: t + "\nUnreported.\n")
    assert builder.build(frozenset()).changed == ()
    assert "events/rubicon/index.html" in builder.build().changed


@pytest.mark.slow
def test_an_edit_saved_while_the_outputs_are_made_supersedes_them(
    project: Project, tmp_path: Path
) -> None:
    seed_renditions(project.root)
    superseded = threading.Event()
    rubicon = project.content / "events/rubicon.md"

    def saved_meanwhile(changed: tuple[str, ...]) -> None:
        edit(rubicon, lambda t: t.replace("The very start", "The real start"))
        superseded.set()  # as the watcher does once the save settles

    builder = Builder(
        project, cache_folder=project.root / ".cache", on_pages=None, superseded=superseded
    )
    builder.build()
    exports = (project.output / "timeline.json").read_bytes()
    builder.on_pages = saved_meanwhile
    edit(rubicon, lambda t: t.replace("The start", "The very start"))
    with pytest.raises(Superseded):
        builder.build([rubicon])
    # The pages of the first edit are written; its outputs were given up, the last ones kept.
    assert b"The very start" in (project.output / "events/rubicon/index.html").read_bytes()
    assert (project.output / "timeline.json").read_bytes() == exports
    builder.on_pages = None
    superseded.clear()
    result = builder.build([rubicon])
    assert "timeline.json" in result.changed
    assert b"The real start" in (project.output / "timeline.json").read_bytes()
    assert_same_as_cold(project, tmp_path)
