"""Times of day and deep time in the real TimelineJS page, in Chromium: the slides come in our
order (TimelineJS sorts them by the dates we give it) with our words for their dates, and a
deep-time timeline opens on TimelineJS's cosmological scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.build import build
from generator.model import urls
from generator.project import Project
from tests.browser import serve_site
from tests.helpers import TEMPLATES

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

SITE = "title: {title}\nbase_url: https://example.org/t/\ntimezone: Asia/Karachi\n"
SOURCES = "s:\n  title: S\n  local: seeds/s.txt\n"

TIMED = {
    # Written out of order, and across zones: 23:00Z on the 26th is 04:00 on the 27th in
    # Karachi, after 01:00+05:00 on the 27th.
    "late": "'2019-02-26T23:00Z'",
    "early": "'2019-02-27T01:00+05:00'",
    "dawn": "'2019-02-26T03:30'",
    "day": "2019-02-26",
    "seconds": "'2019-02-26T03:30:15'",
}
DEEP = {"universe": "Y-13800000000", "earth": "Y-4540000000", "now": "2019", "far": "Y170000002"}


def write_project(root: Path, title: str, dates: dict[str, str]) -> Project:
    (root / "content" / "events").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "content" / "site.yaml").write_text(SITE.format(title=title), encoding="utf-8")
    (root / "content" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "seeds" / "s.txt").write_text("Text.\n", encoding="utf-8")
    for event_id, date in dates.items():
        text = f"---\ntitle: Event {event_id}\ndate: {date}\n---\nBody.\n"
        (root / "content" / "events" / f"{event_id}.md").write_text(text, encoding="utf-8")
    project = Project.at(root, templates=TEMPLATES)
    assert project.timelinejs is not None, "npm ci installs TimelineJS"
    return project


def slides(browser: Browser, site: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """Serve `site` and open its interactive view: (slide ids in TimelineJS's order, their date
    lines, what TimelineJS parsed of each start, script errors)."""
    errors: list[str] = []
    with serve_site(site, "/t/") as origin:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            page.goto(f"{origin}/t/" + urls.page_url_path(urls.INTERACTIVE))
            page.wait_for_selector(".tl-slide-titleslide")
            ids = page.evaluate(
                "[...document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)')]"
                ".map(s => s.id)"
            )
            dates = page.evaluate(
                "[...document.querySelectorAll('.tl-slide:not(.tl-slide-titleslide)')]"
                ".map(s => s.querySelector('.tl-headline-date').textContent)"
            )
            parsed = page.evaluate(
                "window.timeline.config.events.map(e => JSON.stringify(e.start_date.data))"
            )
        finally:
            page.close()
    return ids, dates, parsed, errors


def test_timelinejs_shows_timed_events_in_the_order_of_their_instants(
    browser: Browser, tmp_path: Path
) -> None:
    result = build(write_project(tmp_path, "Timed", TIMED))
    ids, dates, parsed, errors = slides(browser, tmp_path / "site")
    assert errors == []
    assert ids == [event.id for event in result.timeline.events]
    assert ids == ["day", "dawn", "seconds", "early", "late"]
    assert dates == [event.date.display() for event in result.timeline.events]
    assert dates[1] == "26 Feb 2019, 03:30 PKT"
    # TimelineJS read the hour, minute and second: on the Karachi clock, 23:00Z is 04:00.
    late = parsed[ids.index("late")]
    assert '"hour":4' in late and '"minute":0' in late and '"day":27' in late
    assert '"second":15' in parsed[ids.index("seconds")]


def test_timelinejs_shows_deep_time_on_its_cosmological_scale(
    browser: Browser, tmp_path: Path
) -> None:
    result = build(write_project(tmp_path, "Deep", DEEP))
    ids, dates, parsed, errors = slides(browser, tmp_path / "site")
    assert errors == []
    assert ids == ["universe", "earth", "now", "far"]
    assert dates == ["13.8 billion years ago", "4.54 billion years ago", "2019", "170,000,002"]
    assert [event.id for event in result.timeline.events] == ids
    # Its cosmological dates keep the year alone, in its historical count (1 BC is -1).
    assert '"year":-13800000001' in parsed[ids.index("universe")]
