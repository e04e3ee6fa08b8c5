"""`history: git`: each event's history read from real git repositories made here, with set
commit dates: a status change, a corrected date, an added quote, a rename, a draft period, a
merge, a shallow clone, uncommitted changes; the page and feed (read by feedparser) of recent
changes; and no author's name or address in any file."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import feedparser
import pytest

from generator.build import Builder, build, build_unless_fresh, check
from generator.errors import BuildFailed
from generator.incremental.store import Fresh
from generator.load.git_history import head_files
from generator.model import urls
from generator.project import Project
from generator.render.changes import recent_changes
from generator.serve.watcher import snapshot
from tests.helpers import TEMPLATES, broken_links, build_into, parse_page, read_tree
from tests.project_files import make_project, replace
from tests.test_exports import validate

NAME, EMAIL = "Ada Secretauthor", "ada.secret@example.invalid"


def git(root: Path, *args: str, day: str = "2024-01-10") -> str:
    """Run git in `root` as NAME, its dates set to noon UTC of `day`."""
    stamp = f"{day}T12:00:00Z"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": NAME,
        "GIT_AUTHOR_EMAIL": EMAIL,
        "GIT_COMMITTER_NAME": NAME,
        "GIT_COMMITTER_EMAIL": EMAIL,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
    }
    done = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(root: Path, message: str, day: str) -> None:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", message, day=day)


def text_of(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.decode()))


def history_of(page: bytes) -> list[str]:
    section = page.decode().split('<section class="history"')[1].split("</section>")[0]
    return [text_of(item.encode()).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", section)]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return history_project(tmp_path / "project")


def history_project(root: Path) -> Path:
    """A project in git at `root`: the strike reported, then confirmed, its date corrected, a
    quote added; the denial a draft for a while."""
    make_project(root)
    replace(root, "site.yaml", "language: en\n", "language: en\nhistory: git\n")
    replace(root, "events/strike.md", "status: confirmed\n", "status: reported\n")
    replace(root, "events/strike.md", "date: 2019-02-26\n", "date: 2019-02-25\n")
    quote = "  - source: article\n    quote: 'said on Tuesday that \"the strike hit its target\"'\n"
    replace(root, "events/strike.md", quote, "  - article\n")
    replace(root, "events/denial.md", "status: denied\n", "status: denied\ndraft: true\n")
    git(root, "init", "-q", "-b", "main")
    commit(root, "First events", "2024-01-10")
    replace(root, "events/strike.md", "status: reported\n", "status: confirmed\n")
    replace(root, "events/denial.md", "date: 2019-02-27\n", "date: 2019-02-28\n")
    commit(root, "Strike confirmed", "2024-02-20")
    replace(root, "events/strike.md", "date: 2019-02-25\n", "date: 2019-02-26\n")
    replace(root, "events/denial.md", "draft: true\n", "")
    commit(root, "Corrected date; denial published", "2024-03-05")
    replace(root, "events/strike.md", "  - article\n", quote)
    replace(root, "events/strike.md", "The [[army]] struck.", "The [[army]] struck at dawn.")
    commit(root, "Quote", "2024-04-01")
    return root


def built(root: Path) -> dict[str, bytes]:
    return build(Project.at(root, templates=TEMPLATES)).pages


def test_each_change_in_words_newest_first(root: Path) -> None:
    page = built(root)[urls.event("strike")]
    assert history_of(page) == [
        "1 April 2024: Quote added from article; Body edited",
        "5 March 2024: Date: 2019-02-25 → 2019-02-26",
        "20 February 2024: Status: Reported → Confirmed",
        "10 January 2024: First published",
    ]
    text = text_of(page)
    assert "Confirmed since 20 February 2024; reported from 10 January 2024" in text
    assert "Published 10 January 2024; last changed 1 April 2024 (history)" in text


def test_a_draft_period_does_not_count_and_a_rename_keeps_the_history(root: Path) -> None:
    (root / "content/events/aftermath.md").rename(root / "content/events/calm.md")
    replace(root, "events/calm.md", "title: The aftermath\n", "title: The calm\n")
    commit(root, "Renamed", "2024-05-02")
    site = built(root)
    assert history_of(site[urls.event("denial")]) == ["5 March 2024: First published"]
    assert history_of(site[urls.event("calm")]) == [
        "2 May 2024: Title: The aftermath → The calm",
        "10 January 2024: First published",
    ]


def test_a_merge_is_one_change_dated_when_it_was_merged(root: Path) -> None:
    git(root, "checkout", "-q", "-b", "side", day="2024-05-01")
    replace(root, "events/strike.md", "actors: [army]\n", "actors: [army, country]\n")
    commit(root, "Side: actor", "2024-05-01")
    git(root, "checkout", "-q", "main", day="2024-05-01")
    replace(root, "events/denial.md", "The [[country|Country]]", "The [[country|Country]] then")
    commit(root, "Main: denial", "2024-05-02")
    git(root, "merge", "-q", "--no-ff", "-m", "Merge side", "side", day="2024-05-03")
    assert history_of(built(root)[urls.event("strike")])[0] == "3 May 2024: Actors added: country"


def test_messages_only_when_asked_and_no_author_anywhere(root: Path) -> None:
    site = built(root)
    assert "Strike confirmed" not in site[urls.event("strike")].decode()
    replace(root, "site.yaml", "history: git\n", "history: git\nhistory_messages: true\n")
    commit(root, "Messages", "2024-05-01")
    site = built(root)
    assert "20 February 2024: Status: Reported → Confirmed (Strike confirmed)" in history_of(
        site[urls.event("strike")]
    )
    for path, data in site.items():
        for secret in (NAME, EMAIL, "Secretauthor", "ada.secret"):
            assert secret.encode() not in data, path


def test_two_builds_of_one_commit_are_byte_identical(root: Path, tmp_path: Path) -> None:
    first = built(root)
    (root / "site").rename(tmp_path / "first")
    assert built(root) == first == read_tree(tmp_path / "first")


def test_uncommitted_changes_build_as_they_are_with_a_warning(root: Path) -> None:
    replace(root, "events/strike.md", "title: The strike\n", "title: The air strike\n")
    timeline = check(Project.at(root, templates=TEMPLATES))
    assert [str(w) for w in timeline.warnings] == [
        "content/events/strike.md:1: history: has changes not yet committed — commit them: "
        "its History shows the last commit until then"
    ]
    page = built(root)[urls.event("strike")]
    assert "The air strike" in page.decode()
    assert history_of(page)[0].startswith("1 April 2024:")


def test_a_shallow_clone_warns_and_keeps_what_it_has(root: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    timeline = check(Project.at(clone, templates=TEMPLATES))
    assert [w.problem for w in timeline.warnings] == [
        "this is a shallow clone: each event's history starts at its oldest commit"
    ]
    assert history_of(built(clone)[urls.event("strike")]) == ["1 April 2024: First published"]


def test_history_git_outside_a_repository_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    replace(root, "site.yaml", "language: en\n", "language: en\nhistory: git\n")
    with pytest.raises(BuildFailed) as failure:
        check(Project.at(root, templates=TEMPLATES))
    [error] = failure.value.errors
    assert str(error).startswith(
        "content/site.yaml:4: history: `history: git` needs a git repository: "
    )
    assert str(error).endswith("— run `git init` and commit the project, or remove `history: git`")


def test_the_preview_picks_up_a_new_commit(root: Path) -> None:
    builder = Builder(Project.at(root, templates=TEMPLATES), drafts=False)
    builder.build()
    watched = head_files(root / "content")
    before = snapshot(watched)
    replace(root, "events/strike.md", "summary: The army strikes.", "summary: The army struck.")
    builder.build()  # the edit, not yet committed
    page = (root / "site" / urls.event("strike")).read_bytes()
    assert history_of(page)[0].startswith("1 April 2024:")
    commit(root, "Summary", "2024-06-01")
    assert snapshot(watched) != before  # the watcher sees the commit, and rebuilds
    assert urls.event("strike") in builder.build().changed
    page = (root / "site" / urls.event("strike")).read_bytes()
    assert history_of(page)[0] == "1 June 2024: Summary edited"


def test_a_commit_makes_the_output_stale(root: Path) -> None:
    cache = root / ".cache"
    build_unless_fresh(Project.at(root, templates=TEMPLATES), cache)
    assert isinstance(build_unless_fresh(Project.at(root, templates=TEMPLATES), cache), Fresh)
    git(root, "commit", "-q", "--allow-empty", "-m", "Nothing", day="2024-06-02")
    assert not isinstance(build_unless_fresh(Project.at(root, templates=TEMPLATES), cache), Fresh)


RECENT = [
    ("1 April 2024", "The strike", "change-4", "Quote added from article; Body edited"),
    ("5 March 2024", "The denial", "change-1", "First published"),
    ("5 March 2024", "The strike", "change-3", "Date: 2019-02-25 → 2019-02-26"),
    ("20 February 2024", "The strike", "change-2", "Status: Reported → Confirmed"),
    ("10 January 2024", "The aftermath", "change-1", "First published"),
    ("10 January 2024", "The strike", "change-1", "First published"),
]


def test_recent_changes_newest_first_each_linked_to_its_change(root: Path) -> None:
    site = build_into(root, root / "site")
    page = site[urls.CHANGES].decode()
    days = re.findall(r'<h2 id="changes-[^"]+"><time datetime="[^"]+">(.*?)</time>', page)
    assert days == ["1 April 2024", "5 March 2024", "20 February 2024", "10 January 2024"]
    items = re.findall(r'<li><a href="\.\./events/(\w+)/#(change-\d)">(.*?)</a>: (.*?)</li>', page)
    ids = {"The strike": "strike", "The denial": "denial", "The aftermath": "aftermath"}
    assert items == [(ids[title], anchor, title, words) for _, title, anchor, words in RECENT]
    assert 'id="change-4"><time datetime="2024-04-01">' in site[urls.event("strike")].decode()
    assert broken_links(root / "site", "/timeline/") == []
    timeline = check(Project.at(root, templates=TEMPLATES))
    assert [c.change.anchor for c in recent_changes(timeline, 2)] == ["change-4", "change-1"]


def test_the_feed_of_changes_reads_back_in_feedparser(root: Path) -> None:
    feed = feedparser.parse(built(root)[urls.CHANGES_FEED])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Recent changes · Test timeline"
    assert feed.feed.updated == "2024-04-01T12:00:00Z"  # the newest commit, not the clock
    assert feed.feed.link == "https://example.org/timeline/changes/"
    entries = [(e.title, e.link, e.updated, e.summary) for e in feed.entries]
    assert entries == [
        (
            f"{title}: {words}",
            f"https://example.org/timeline/events/{title.split()[1]}/#{anchor}",
            f"{_iso(day)}T12:00:00Z",
            words,
        )
        for day, title, anchor, words in RECENT
    ]
    assert len({entry.id for entry in feed.entries}) == len(RECENT)
    assert feed.feed.author == "Test timeline"  # the site, never a commit's author


def _iso(day: str) -> str:
    number, month, year = day.split()
    months = ["January", "February", "March", "April"]
    return f"{year}-{months.index(month) + 1:02d}-{int(number):02d}"


def test_every_page_names_the_feed_of_changes_only_with_history(root: Path, tmp_path: Path) -> None:
    site = built(root)
    # Embeds, framed by other sites, have neither the site's footer nor its feeds.
    pages = [p for p in site if p.endswith(".html") and not p.endswith("embed/index.html")]
    assert urls.CHANGES in pages and len(pages) > 10
    for path in pages:
        refs = {urls.href(path, urls.CHANGES), urls.href(path, urls.CHANGES_FEED)}
        if path == urls.NOT_FOUND:  # served at any depth: its links start at the root
            refs = {urls.rooted("https://example.org/timeline/", p) for p in refs}
        assert refs <= set(parse_page(site[path]).refs), path
    plain = build_into(make_project(tmp_path / "plain"), tmp_path / "plain" / "site")
    assert urls.CHANGES not in plain and urls.CHANGES_FEED not in plain
    assert not any(b"changes.xml" in data for data in plain.values())


def jsonld_page(page: bytes) -> Any:
    """The event page's JSON-LD `WebPage` (its `subjectOf`)."""
    script = page.decode().split('<script type="application/ld+json">')[1].split("</script>")[0]
    return json.loads(script)["subjectOf"]


def test_json_ld_dates_the_page_by_its_first_and_last_commit(root: Path) -> None:
    page = jsonld_page(built(root)[urls.event("strike")])
    assert (page["datePublished"], page["dateModified"]) == (
        "2024-01-10T12:00:00Z",
        "2024-04-01T12:00:00Z",
    )
    updates = "updates:\n  - {date: 2024-06-01, kind: correction, note: Its hour.}\n"
    replace(root, "events/strike.md", "status: confirmed\n", "status: confirmed\n" + updates)
    commit(root, "Noted ahead", "2024-05-02")
    site = built(root)
    page = jsonld_page(site[urls.event("strike")])
    # An update of a later day than the last commit is the later change.
    assert (page["datePublished"], page["dateModified"]) == ("2024-01-10T12:00:00Z", "2024-06-01")
    replace(root, "events/strike.md", "Its hour.", "Its minute.")
    commit(root, "Later still", "2024-06-03")
    assert jsonld_page(built(root)[urls.event("strike")])["dateModified"] == "2024-06-03T12:00:00Z"
    assert "datePublished" not in jsonld_page(
        built(make_project(root.parent / "plain"))[urls.event("strike")]
    )


def test_timeline_json_has_each_events_history_valid_by_its_schema(root: Path) -> None:
    replace(root, "site.yaml", "history: git\n", "history: git\nhistory_messages: true\n")
    commit(root, "Messages", "2024-05-01")
    document = json.loads(built(root)[urls.TIMELINE_JSON])
    validate(document)
    events = {event["id"]: event for event in document["events"]}
    assert events["strike"]["history"] == {
        "published": "2024-01-10T12:00:00Z",
        "changed": "2024-04-01T12:00:00Z",
        "changes": [
            {
                "date": f"{_iso(day)}T12:00:00Z",
                "number": int(anchor[-1]),
                "what": words.split("; "),
                "message": message,
            }
            for (day, title, anchor, words), message in zip(
                [c for c in RECENT if c[1] == "The strike"],
                ["Quote", "Corrected date; denial published", "Strike confirmed", "First events"],
                strict=True,
            )
        ],
        "statuses": [
            {"status": "confirmed", "since": "2024-02-20T12:00:00Z"},
            {"status": "reported", "since": "2024-01-10T12:00:00Z"},
        ],
    }
    assert events["denial"]["history"]["changes"] == [
        {
            "date": "2024-03-05T12:00:00Z",
            "number": 1,
            "what": ["First published"],
            "message": "Corrected date; denial published",
        }
    ]
    plain = json.loads(
        build_into(make_project(root.parent / "plain"), root.parent / "out")[urls.TIMELINE_JSON]
    )
    assert not any("history" in event for event in plain["events"])
