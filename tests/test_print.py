"""Printing in Chromium: the index as a PDF (`page.pdf()`), read back with pypdf, is a document
to hand over: every event's title in the timeline's order, and nothing of the search box, the
filters or the embed code."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from tests.browser import serve_site
from tests.helpers import FIXTURE, REPO, build_into
from tests.test_site import copy_project

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/readers-shots")
# What only the screen shows: the search box, the filters, the embed code.
SCREEN_ONLY = (
    "Search events",
    "Filter the timeline",
    "Any actor",
    "Any tag",
    "Show all",
    "Embed code",
    "iframe",
    "embed.js",
)


def squashed(text: str) -> str:
    """Text with every run of white space as one space: PDF lines break where the page did."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=[REPO, FIXTURE], ids=["real", "fixture"])
def index_pdf(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, browser: Browser
) -> Iterator[tuple[list[str], str, int]]:
    root = copy_project(request.param, tmp_path_factory.mktemp("project"))
    site = root / "site"
    build_into(root, site)
    index = (site / "index.html").read_text()
    titles = re.findall(r'<h3 class="event-title"><a href="[^"]*">(.*?)</a></h3>', index)
    with serve_site(site) as origin:
        page = browser.new_page()
        page.goto(origin + "/")
        # The scripts have shown what they show on screen: the search box and the filters.
        page.wait_for_selector("#filters", state="visible")
        pdf = page.pdf(format="A4", print_background=False)
        page.emulate_media(media="print")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"print-{request.param.name}.png"), full_page=True)
        page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = squashed(" ".join(p.extract_text() for p in reader.pages))
    yield [squashed(html.unescape(t)) for t in titles], text, len(reader.pages)


def test_the_printed_index_has_every_event_title_in_order(
    index_pdf: tuple[list[str], str, int],
) -> None:
    titles, text, pages = index_pdf
    assert len(titles) >= 5 and pages >= 1
    at = 0
    for title in titles:
        found = text.find(title, at)
        assert found >= 0, f"{title!r} is not in the PDF after position {at}"
        at = found + len(title)


def test_the_printed_index_has_no_search_filters_or_embed_code(
    index_pdf: tuple[list[str], str, int],
) -> None:
    _, text, _ = index_pdf
    assert [words for words in SCREEN_ONLY if words in text] == []
