"""Corrections and updates written by the author (`updates:`): their errors, the note at the top
of the page, the site's page of corrections, its Atom feed read by feedparser, the JSON-LD
`correction`s and timeline.json against its schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from generator.model import urls
from tests.helpers import broken_links, build_into, parse_page
from tests.project_files import errors, make_project, replace
from tests.test_exports import validate

UPDATES = """\
updates:
  - date: 2024-01-10
    kind: update
    note: Added the denial of the next day.
  - date: 2024-02-20
    kind: correction
    note: The strike was on 26 February, not 25 February.
  - date: 2024-02-20
    kind: clarification
    note: The Border is the region, not the line.
"""
FIX = "write `- {date: 2024-02-20, kind: correction, note: what changed}`"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    replace(root, "events/strike.md", "status: confirmed\n", "status: confirmed\n" + UPDATES)
    replace(
        root,
        "places/border.md",
        "country: PK\n",
        "country: PK\nupdates:\n  - {date: 2024-03-01, kind: update, note: Named its country.}\n",
    )
    replace(
        root,
        "actors/country.md",
        "kind: country\n",
        "kind: country\nupdates:\n  - {date: 2023-12-01, kind: correction, note: Its kind.}\n",
    )
    return root


@pytest.fixture
def site(root: Path) -> dict[str, bytes]:
    return build_into(root, root / "site")


def text_of(html: bytes) -> str:
    """A page's text without tags, its spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.decode()))


def test_the_event_page_shows_its_updates_at_the_top_newest_first(site: dict[str, bytes]) -> None:
    page = site[urls.event("strike")].decode()
    notes = page[page.index('<aside class="updates"') : page.index("</aside>")]
    assert [text_of(line.encode()) for line in notes.splitlines() if "<li" in line] == [
        "Corrected on 20 February 2024: The strike was on 26 February, not 25 February.",
        "Clarified on 20 February 2024: The Border is the region, not the line.",
        "Updated on 10 January 2024: Added the denial of the next day.",
    ]
    assert page.index('<aside class="updates"') < page.index('<dl class="facts">')
    assert 'id="correction-2024-02-20"' in page
    assert '<time datetime="2024-02-20">20 February 2024</time>' in page
    assert "Updated on 1 March 2024: Named its country." in text_of(site[urls.place("border")])
    assert "Corrected on 1 December 2023: Its kind." in text_of(site[urls.actor("country")])
    assert '<aside class="updates"' not in site[urls.event("denial")].decode()


def test_the_corrections_page_lists_every_update_newest_first(
    root: Path, site: dict[str, bytes]
) -> None:
    page = site[urls.CORRECTIONS].decode()
    items = re.findall(r'<li class="update[^"]*">(.*?)</li>', page, re.S)
    assert [text_of(item.encode()).strip() for item in items] == [
        "Update, 1 March 2024: The Border Named its country.",
        "Correction, 20 February 2024: The strike The strike was on 26 February, not 25 February.",
        "Clarification, 20 February 2024: The strike The Border is the region, not the line.",
        "Update, 10 January 2024: The strike Added the denial of the next day.",
        "Correction, 1 December 2023: The Country Its kind.",
    ]
    assert 'href="../events/strike/#correction-2024-02-20"' in page
    assert broken_links(root / "site", "/timeline/") == []


def test_every_page_links_to_the_corrections_in_its_footer_and_head(
    site: dict[str, bytes],
) -> None:
    # Embeds, framed by other sites, have neither the site's footer nor its feeds.
    pages = [p for p in site if p.endswith(".html") and not p.endswith("embed/index.html")]
    assert len(pages) > 10
    for path in pages:
        parsed = parse_page(site[path])
        refs = {urls.href(path, urls.CORRECTIONS), urls.href(path, urls.CORRECTIONS_FEED)}
        if path == urls.NOT_FOUND:  # served at any depth: its links start at the root
            refs = {urls.rooted("https://example.org/timeline/", p) for p in refs}
        assert refs <= set(parsed.refs), path
        footer = site[path].decode().split('<footer class="site-footer">')[1]
        assert "Corrections and updates</a>" in footer


def test_the_feed_of_corrections_reads_back_in_feedparser(site: dict[str, bytes]) -> None:
    feed = feedparser.parse(site[urls.CORRECTIONS_FEED])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Corrections and updates · Test timeline"
    assert feed.feed.updated == "2024-03-01T00:00:00Z"
    entries = [(e.title, e.link, e.updated, e.summary) for e in feed.entries]
    assert entries[:2] == [
        (
            "Update: The Border",
            "https://example.org/timeline/places/border/#update-2024-03-01",
            "2024-03-01T00:00:00Z",
            "Named its country.",
        ),
        (
            "Correction: The strike",
            "https://example.org/timeline/events/strike/#correction-2024-02-20",
            "2024-02-20T00:00:00Z",
            "The strike was on 26 February, not 25 February.",
        ),
    ]
    assert len({entry.id for entry in feed.entries}) == len(feed.entries) == 5


def test_a_site_without_updates_has_an_empty_page_and_feed(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site = build_into(root, root / "site")
    assert "No corrections or updates have been made." in site[urls.CORRECTIONS].decode()
    feed = feedparser.parse(site[urls.CORRECTIONS_FEED])
    assert not feed.bozo and feed.entries == []


def test_the_json_ld_carries_the_corrections(site: dict[str, bytes]) -> None:
    page = site[urls.event("strike")].decode()
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    web_page = json.loads(script)["subjectOf"]
    assert web_page["dateModified"] == "2024-02-20"
    assert [
        (c["@type"], c["name"], c["datePublished"], c["text"]) for c in web_page["correction"]
    ] == [
        (
            "CorrectionComment",
            "Correction",
            "2024-02-20",
            "The strike was on 26 February, not 25 February.",
        ),
        (
            "CorrectionComment",
            "Clarification",
            "2024-02-20",
            "The Border is the region, not the line.",
        ),
        ("CorrectionComment", "Update", "2024-01-10", "Added the denial of the next day."),
    ]
    denial = site[urls.event("denial")].decode()
    assert "correction" not in denial.split("application/ld+json")[1].split("</script>")[0]


def test_timeline_json_holds_the_updates_and_validates(site: dict[str, bytes]) -> None:
    document = json.loads(site[urls.TIMELINE_JSON])
    validate(document)
    strike = next(event for event in document["events"] if event["id"] == "strike")
    assert strike["updates"][0] == {
        "date": "2024-02-20",
        "kind": "correction",
        "note": "The strike was on 26 February, not 25 February.",
    }
    assert [place["updates"] for place in document["places"]] == [
        [{"date": "2024-03-01", "kind": "update", "note": "Named its country."}]
    ]
    country = next(actor for actor in document["actors"] if actor["id"] == "country")
    assert country["updates"][0]["kind"] == "correction"
    assert "updates" not in next(e for e in document["events"] if e["id"] == "denial")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "updates: yes\n",
            "content/events/strike.md:6: updates: expected a list, got a yes/no value (true) — "
            + FIX,
        ),
        (
            "updates:\n  - 2024-02-20\n",
            "content/events/strike.md:7: updates[0]: expected a mapping, got `2024-02-20` — " + FIX,
        ),
        (
            "updates:\n  - {date: 2024-02, kind: correction, note: A.}\n",
            "content/events/strike.md:7: updates[0].date: `2024-02` is not a day — "
            "write the day as YYYY-MM-DD: 2024-02-20",
        ),
        (
            "updates:\n  - {date: 2023-02-30, kind: correction, note: A.}\n",
            "content/events/strike.md:7: updates[0].date: `2023-02-30` is no day of the "
            "calendar — check the month and day",
        ),
        (
            "updates:\n  - date: 2024-02-20\n    kind: corection\n    note: A.\n",
            "content/events/strike.md:8: updates[0].kind: unknown kind `corection` "
            "(did you mean `correction`?) — use one of: correction, update, clarification",
        ),
        (
            "updates:\n  - date: 2024-02-20\n    kind: update\n",
            "content/events/strike.md:7: updates[0].note: is missing — add a `note: …` line",
        ),
        (
            "updates:\n  - {date: 2024-02-20, kind: update, note: A., by: me}\n",
            "content/events/strike.md:7: updates[0].by: unknown key — use one of: date, kind, note",
        ),
    ],
)
def test_each_wrong_update_is_an_error_with_its_line(
    tmp_path: Path, written: str, expected: str
) -> None:
    root = make_project(tmp_path)
    replace(root, "events/strike.md", "status: confirmed\n", "status: confirmed\n" + written)
    assert errors(root) == [expected]
