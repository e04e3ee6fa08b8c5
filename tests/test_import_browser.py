"""The real TimelineJS shows an imported timeline with the same slides as the original file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.cli import main
from generator.importing.html_markdown import plain_text
from tests.browser import preview_server

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

IMPORTS = Path(__file__).resolve().parent / "fixtures" / "imports"


def test_timelinejs_shows_the_imported_slides(tmp_path: Path, browser: Browser) -> None:
    source = IMPORTS / "timelinejs.json"
    into = tmp_path / "imported"
    assert main(["import", str(source), "--into", str(into)]) == 0
    original = json.loads(source.read_text(encoding="utf-8"))
    wanted = sorted(plain_text(slide["text"]["headline"]) for slide in original["events"])
    errors: list[str] = []
    with preview_server(into) as (url, _):
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.click("text=Interactive view")
        page.wait_for_function(f"document.querySelectorAll('.tl-slide').length > {len(wanted)}")
        headlines = page.locator(".tl-slide:not(.tl-slide-titleslide) .tl-headline")
        shown = sorted(" ".join(text.split()) for text in headlines.all_inner_texts())
        title = page.locator(".tl-slide-titleslide .tl-headline").inner_text()
        page.close()
    assert shown == wanted
    assert title.strip() == plain_text(original["title"]["text"]["headline"])
    assert errors == []


def test_an_imported_slide_shows_its_first_sentence_once_and_a_media_slide_its_caption(
    tmp_path: Path, browser: Browser
) -> None:
    first = "The Beagle leaves Plymouth with Darwin aboard."
    text = f"<p>{first} " + "It sails on for five years and more. " * 8 + "</p>"
    table = "<table><tr><td>Year</td><td>Ships</td></tr><tr><td>1831</td><td>1</td></tr></table>"
    slides = [
        {"start_date": {"year": 1831}, "text": {"headline": "The voyage", "text": text + table}},
        {
            "start_date": {"year": 1836},
            "media": {"url": "https://example.org/a.jpg", "caption": "Home"},
        },
    ]
    source = tmp_path / "beagle.json"
    source.write_text(json.dumps({"events": slides}), encoding="utf-8")
    into = tmp_path / "imported"
    assert main(["import", str(source), "--into", str(into)]) == 0
    with preview_server(into) as (url, _):
        page = browser.new_page()
        page.goto(f"{url}events/the-voyage/")
        shown = page.locator("main").inner_text()
        headers = page.locator("main table th").all_inner_texts()
        page.goto(url)
        page.click("text=Interactive view")
        page.wait_for_function("document.querySelectorAll('.tl-slide').length > 2")
        headlines = page.locator(".tl-slide:not(.tl-slide-titleslide) .tl-headline")
        titles = sorted(" ".join(text.split()) for text in headlines.all_inner_texts())
        page.close()
    assert shown.count(first) == 1
    assert headers == ["Year", "Ships"]
    assert titles == ["Home", "The voyage"]
