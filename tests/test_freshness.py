"""A build with nothing changed writes nothing; any change to an input or the output builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import write
from generator.build import BuildResult, build_unless_fresh
from generator.cli import main
from generator.incremental import stamps
from generator.outputs import pagefind_service
from generator.project import Project
from tests.helpers import FIXTURE, REPO, TEMPLATES, build_into, read_tree, seed_renditions

UP_TO_DATE = "is up to date"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, root / part)
    shutil.copytree(TEMPLATES, root / "templates")
    seed_renditions(root)
    return root


def run(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["--root", str(root), *extra, "build"]) == 0
    output: str = capsys.readouterr().out
    return output


def snapshot(site: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(site)): (path.stat().st_mtime_ns, path.stat().st_ino)
        for path in sorted(site.rglob("*"))
    }


def _assert_as_cold(project: Path, tmp_path: Path) -> None:
    """site/ as the project's last build left it holds the bytes of a cold build."""
    cold = tmp_path / "cold"
    build_into(project, cold, templates=project / "templates")
    assert read_tree(project / "site") == read_tree(cold)


def test_a_second_build_with_nothing_changed_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(project, capsys).startswith("Built ")
    before = snapshot(project / "site")
    os.utime(project / "content/events/rubicon.md")  # a newer time, the same bytes
    second = run(project, capsys)
    assert second.startswith("site/ is up to date: ")
    assert "pages for 7 events" in second
    assert snapshot(project / "site") == before


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1))


CHANGES: list[tuple[str, Callable[[Path], None]]] = [
    (
        "event",
        lambda root: (root / "content/events/rubicon.md").write_text(
            (root / "content/events/rubicon.md").read_text().replace("The start", "The very start")
        ),
    ),
    (
        "new event",
        lambda root: (root / "content/events/actium.md").write_text(
            "---\ntitle: Actium\ndate: -0030-09-02\nactors: [augustus]\n---\nA battle.\n"
        ),
    ),
    ("deleted event", lambda root: (root / "content/events/later-claims.md").unlink()),
    (
        "renamed event",
        lambda root: (root / "content/events/wreath-laid.md").rename(
            root / "content/events/wreath.md"
        ),
    ),
    (
        "draft",
        lambda root: _replace(
            root / "content/events/later-claims.md", "---\n", "---\ndraft: true\n"
        ),
    ),
    (
        "title",
        lambda root: _replace(root / "content/events/rubicon.md", "title: Caesar", "title: C."),
    ),
    ("date", lambda root: _replace(root / "content/events/rubicon.md", "-0048-01", "-0043")),
    ("actor", lambda root: _replace(root / "content/actors/augustus.md", "name: ", "name: Young ")),
    ("site.yaml", lambda root: _replace(root / "content/site.yaml", "A small", "A little")),
    ("seed", lambda root: (root / "seeds/extra.txt").write_text("more\n")),
    (
        "template",
        lambda root: (root / "templates/static/style.css").write_text(
            (root / "templates/static/style.css").read_text() + "\n"
        ),
    ),
    ("site file edited", lambda root: (root / "site/index.html").write_text("changed")),
    ("site file deleted", lambda root: (root / "site/feed.xml").unlink()),
    ("site file added", lambda root: (root / "site/stray.html").write_text("stray")),
    ("site deleted", lambda root: shutil.rmtree(root / "site")),
    ("cache deleted", lambda root: shutil.rmtree(root / ".cache")),
]


CHANGES_BY_NAME = dict(CHANGES)


@pytest.mark.parametrize(("name", "change"), CHANGES, ids=[name for name, _ in CHANGES])
@pytest.mark.slow
def test_any_change_builds_again_and_gives_a_cold_builds_bytes(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    change: Callable[[Path], None],
) -> None:
    run(project, capsys)
    change(project)
    assert run(project, capsys).startswith("Built "), name
    _assert_as_cold(project, tmp_path)
    assert UP_TO_DATE in run(project, capsys)


def test_another_base_url_builds_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(project, capsys)
    other = run(project, capsys, "--base-url", "https://example.org/elsewhere/")
    assert other.startswith("Built ")
    assert "https://example.org/elsewhere/" in (project / "site/index.html").read_text()
    assert run(project, capsys).startswith("Built ")


def test_a_source_date_epoch_builds_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project, capsys)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert run(project, capsys).startswith("Built ")


def test_a_linked_folder_among_the_inputs_always_builds(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.move(project / "seeds", project / "real-seeds")
    (project / "seeds").symlink_to(project / "real-seeds")
    (project / "content/events/extra").mkdir()
    # Events may be filed in subfolders, so the linked one holds no file that is not an event.
    (project / "more-events").mkdir()
    (project / "content/events/extra/link").symlink_to(project / "more-events")
    run(project, capsys)
    assert run(project, capsys).startswith("Built ")


EDITS: dict[str, Callable[[Path], None]] = {
    "title": lambda root: _replace(
        root / "content/events/rubicon.md", "title: Caesar", "title: C."
    ),
    "body": lambda root: (root / "content/events/rubicon.md").write_text(
        (root / "content/events/rubicon.md").read_text().replace("The start", "The very start")
    ),
    # Moved past the next event: it changes place in every list, feed and export.
    "date": lambda root: (root / "content/events/rubicon.md").write_text(
        (root / "content/events/rubicon.md").read_text().replace("date: -0048-01", "date: -0043")
    ),
}


def _damaged(root: Path) -> None:
    """Every file the last build left in .cache/ cut off half-way (a build killed mid-write)."""
    for path in (root / ".cache").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])


def _foreign(root: Path) -> None:
    """The .cache/ of another project (other events, another site) in place of this one's."""
    other = root.parent / "other"
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, other / part)
    (other / "content/events/rubicon.md").write_text(
        (other / "content/events/rubicon.md").read_text().replace("The start", "Elsewhere")
    )
    assert main(["--root", str(other), "build"]) == 0
    shutil.rmtree(root / ".cache")
    shutil.copytree(other / ".cache", root / ".cache")


def _garbage(root: Path) -> None:
    """Every file the last build left in .cache/ replaced by bytes that are no JSON at all."""
    for path in (root / ".cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00\xff garbage \x80" * 7)


def _misshapen(root: Path) -> None:
    """Each record still JSON and still naming the site as it is, but with parts of the wrong
    type: a list for a mapping, numbers for digests, a string for the list of paths."""
    cache = root / ".cache"
    written = json.loads((cache / "written.json").read_text())
    written["files"] = {path: 7 for path in written["files"]}
    (cache / "written.json").write_text(json.dumps(written))
    fresh = json.loads((cache / "fresh.json").read_text())
    fresh["output"]["paths"] = "index.html"
    (cache / "fresh.json").write_text(json.dumps(fresh))
    (cache / "stamps.json").write_text(json.dumps({"files": [1, 2, 3]}))
    for bodies in cache.glob("render-*.json"):
        bodies.write_text(json.dumps({"bodies": ["<p>not a mapping</p>"]}))


def _stale(root: Path) -> None:
    """The records of an older generator: another fingerprint in every name and field."""
    cache = root / ".cache"
    written = json.loads((cache / "written.json").read_text())
    written["generator"] = "0123456789abcdef"
    (cache / "written.json").write_text(json.dumps(written))
    for bodies in cache.glob("render-*.json"):
        bodies.rename(cache / "render-0123456789abcdef.json")


CACHES: dict[str, Callable[[Path], None]] = {
    "kept": lambda root: None,
    "damaged": _damaged,
    "foreign": _foreign,
    "garbage": _garbage,
    "misshapen": _misshapen,
    "stale": _stale,
}


# Each edit with the cache as left, and each kind of bad cache once (a suite of eight minutes).
@pytest.mark.parametrize(
    ("edit", "cache"),
    [
        ("body", "kept"),
        ("date", "kept"),
        ("body", "damaged"),
        ("date", "foreign"),
        ("title", "garbage"),
        ("body", "misshapen"),
        ("date", "stale"),
    ],
)
@pytest.mark.slow
def test_an_edit_builds_a_cold_builds_bytes_whatever_the_cache_holds(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str, cache: str
) -> None:
    run(project, capsys)
    EDITS[edit](project)
    CACHES[cache](project)
    capsys.readouterr()  # what the foreign project's build said
    assert run(project, capsys).startswith("Built ")
    _assert_as_cold(project, tmp_path)
    # What this build left in .cache/ is sound again: the next one has nothing to do.
    assert UP_TO_DATE in run(project, capsys)


def test_a_file_changed_behind_its_old_size_and_time_builds_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every digest kept by stamp, however recent the file: else this test would wait seconds.
    monkeypatch.setattr(stamps, "_SETTLED_NS", -(10**12))
    event = project / "content/events/rubicon.md"
    run(project, capsys)
    kept = json.loads((project / ".cache/stamps.json").read_text())["files"]
    assert str(event) in kept
    assert UP_TO_DATE in run(project, capsys)
    # The same size and modification time: only the change time, which no program can set back,
    # tells that the bytes are not the ones whose digest .cache/stamps.json keeps.
    info = event.stat()
    event.write_text(event.read_text().replace("The start", "The stArt"))
    os.utime(event, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert run(project, capsys).startswith("Built ")
    assert "The stArt" in (project / "site/events/rubicon/index.html").read_text()


def test_a_site_file_changed_behind_its_old_size_and_time_builds_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(project, capsys)
    page = project / "site/index.html"
    info = page.stat()
    with page.open("r+b") as handle:  # in place: its folder's times stay as they were
        handle.write(b"X")
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (page.stat().st_size, page.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert run(project, capsys).startswith("Built ")
    assert not page.read_bytes().startswith(b"X")


def test_nothing_changed_imports_no_stage_of_the_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(project, capsys)
    # A fresh interpreter, as a user's `timeline build` is: this one has imported everything.
    script = (
        "import sys\nfrom generator.cli import main\n"
        f"assert main(['--root', {str(project)!r}, 'build']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:2] in ("
        "['generator', 'build'], ['generator', 'render'], ['generator', 'check'],"
        " ['generator', 'outputs'], ['generator', 'serve'], ['generator', 'commands'])))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert UP_TO_DATE in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"


def test_an_edit_rewrites_only_the_files_whose_bytes_changed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(project, capsys)
    before = snapshot(project / "site")
    folder = (project / "site").stat().st_ino
    # A build that fails first: it leaves the site, and what .cache/ says of it, as they were.
    _replace(project / "content/events/rubicon.md", "date: -0048-01", "date: -0048-13")
    assert main(["--root", str(project), "build"]) == 1
    _replace(project / "content/events/rubicon.md", "date: -0048-13", "date: -0048-01")
    EDITS["body"](project)
    assert run(project, capsys).startswith("Built ")
    assert (project / "site").stat().st_ino == folder  # changed in place: no new site
    after = snapshot(project / "site")
    # Pagefind names its files by their contents: only its files come and go.
    assert all(path.startswith("pagefind/") for path in before.keys() ^ after.keys())
    changed = {path for path in after.keys() & before.keys() if after[path] != before[path]}
    # The event's page and what shows its body: the feeds and exports.
    assert "events/rubicon/index.html" in changed
    assert "index.html" not in changed
    assert len(changed) < len(after) / 4


def test_an_edit_of_many_files_swaps_a_whole_new_site_in(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(project, capsys)
    folder = (project / "site").stat().st_ino
    # As many files as a template edit changes on a large site: no update in place.
    monkeypatch.setattr(write, "IN_PLACE_MOST", 3)
    EDITS["body"](project)
    assert run(project, capsys).startswith("Built ")
    assert (project / "site").stat().st_ino != folder
    _assert_as_cold(project, tmp_path)


def test_an_edit_that_leaves_the_search_records_takes_the_last_index_without_pagefind(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(project, capsys)
    # Pagefind gone: a build that ran it would fail.
    with monkeypatch.context() as gone:
        gone.setattr(pagefind_service, "get_executable", lambda: tmp_path / "no-pagefind")
        CHANGES_BY_NAME["template"](project)
        assert run(project, capsys).startswith("Built ")
        EDITS["title"](project)  # a record changed: Pagefind must index again
        assert main(["--root", str(project), "build"]) == 1
        said = capsys.readouterr().err
        assert "search: Pagefind, which makes the search index, could not run" in said
        assert "Traceback" not in said
    assert run(project, capsys).startswith("Built ")
    _assert_as_cold(project, tmp_path)


def _build_recorded(root: Path) -> BuildResult:
    """`timeline build` as the command runs it (the record of the pages in .cache/ read and
    made), returning what it built."""
    project = Project.at(root, templates=root / "templates")
    result = build_unless_fresh(project, root / ".cache")
    assert isinstance(result, BuildResult)
    return result


@pytest.mark.parametrize(("edit", "most"), [("body", 1), ("date", None)])
def test_an_edit_renders_only_the_pages_that_show_what_it_changed(
    project: Path, tmp_path: Path, edit: str, most: int | None
) -> None:
    first = _build_recorded(project)
    assert first.rendered == sum(1 for path in first.paths if path.endswith(".html"))
    EDITS[edit](project)
    again = _build_recorded(project)
    # A body edit changes its event's page alone; a date edit the lists that show the event
    # (in this small fixture, also every page that lists the years: it brings a new year).
    assert 0 < again.rendered <= (most or first.rendered - 1)
    _assert_as_cold(project, tmp_path)


def _shown_record(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / ".cache/shown.json").read_text())
    return data


def _save_shown_record(root: Path, data: dict[str, Any]) -> None:
    (root / ".cache/shown.json").write_text(json.dumps(data))


def _pages_not_a_mapping(root: Path) -> None:
    _save_shown_record(root, {**_shown_record(root), "pages": [["index.html", 0, [], []]]})


def _list_out_of_range(root: Path) -> None:
    data = _shown_record(root)
    data["pages"] = {
        path: [len(data["lists"]), parts, bodies]
        for path, (_, parts, bodies) in data["pages"].items()
    }
    _save_shown_record(root, data)


def _unknown_part(root: Path) -> None:
    data = _shown_record(root)
    data["pages"] = {
        path: [at, ["weather"], bodies] for path, (at, _, bodies) in data["pages"].items()
    }
    _save_shown_record(root, data)


def _digests_not_hex(root: Path) -> None:
    data = _shown_record(root)
    data["events"] = {event_id: ["x" * 32, "y" * 32] for event_id in data["events"]}
    _save_shown_record(root, data)


def _page_not_written(root: Path) -> None:
    """A page the record names that written.json does not: it cannot be left as it is."""
    data = _shown_record(root)
    data["pages"]["events/nowhere/index.html"] = next(iter(data["pages"].values()))
    _save_shown_record(root, data)


def _every_event_unchanged(root: Path) -> None:
    """Digests that say no event changed, from another generator: the fingerprint tells."""
    _save_shown_record(root, {**_shown_record(root), "generator": "0123456789abcdef"})


def _other_site(root: Path) -> None:
    """The record of an output folder other than this one."""
    _save_shown_record(root, {**_shown_record(root), "site": "0" * 64})


def _half(root: Path) -> None:
    path = root / ".cache/shown.json"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


SHOWN_DAMAGE: dict[str, Callable[[Path], None]] = {
    "half": _half,
    "garbage": lambda root: (root / ".cache/shown.json").write_bytes(b"\x00\xff" * 9),
    "pages not a mapping": _pages_not_a_mapping,
    "list out of range": _list_out_of_range,
    "unknown part": _unknown_part,
    "digests not hex": _digests_not_hex,
    "page not written": _page_not_written,
    "stale": _every_event_unchanged,
    "other site": _other_site,
}


# The record alone damaged, written.json sound: the edit must not be taken as nothing changed.
@pytest.mark.parametrize("damage", SHOWN_DAMAGE, ids=list(SHOWN_DAMAGE))
@pytest.mark.slow
def test_a_damaged_record_of_the_pages_renders_every_page(
    project: Path, tmp_path: Path, damage: str
) -> None:
    first = _build_recorded(project)
    EDITS["title"](project)
    SHOWN_DAMAGE[damage](project)
    again = _build_recorded(project)
    assert again.rendered == first.rendered
    _assert_as_cold(project, tmp_path)


def test_every_field_the_model_compares_is_in_its_repr() -> None:
    # incremental/digests.py digests a value by its repr where it can: a field that `==`
    # compares but repr leaves out would let an edit of it go unseen.
    import dataclasses
    import inspect

    from generator.model import dates, timeline

    kinds = [
        kind
        for module in (timeline, dates)
        for _, kind in inspect.getmembers(module, inspect.isclass)
        if dataclasses.is_dataclass(kind) and kind.__module__ == module.__name__
    ]
    assert len(kinds) > 5
    for kind in kinds:
        hidden = [f.name for f in dataclasses.fields(kind) if f.compare and not f.repr]
        assert hidden == [], f"{kind.__qualname__}: {hidden} compared but not in its repr"
