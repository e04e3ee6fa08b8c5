"""The golden fixture in Urdu, right to left, through the Nu HTML Checker and axe-core on a
phone and a desktop; its layout mirrored but its map not, its overview's time running right to
left; the Nastaliq and Devanagari fonts drawing their scripts; screenshots of Urdu and Hindi
pages in /tmp/cldr-shots/ to look at."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator import i18n
from tests.browser import serve_site
from tests.helpers import FIXTURE, build_into
from tests.test_validators import axe, vnu

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/cldr-shots")
PAGES = ["", "events/ides-of-march/", "places/rome/"]


def _build(root: Path, language: str) -> Path:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, root / part)
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text().replace("language: en", f"language: {language}"))
    build_into(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def urdu(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    site = _build(tmp_path_factory.mktemp("ur"), "ur")
    with serve_site(site) as origin:
        yield site, origin + "/"


def test_the_urdu_site_is_valid_html_and_css(urdu: tuple[Path, str]) -> None:
    site, _ = urdu
    files = sorted(site.rglob("*.html")) + sorted((site / "static").glob("*.css"))
    errors = vnu([file.resolve() for file in files])
    assert len(files) > 10 and [e for found in errors.values() for e in found] == []


@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violations_in_urdu(
    urdu: tuple[Path, str], browser: Browser, width: int
) -> None:
    _, url = urdu
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for path in PAGES:
        page.goto(url + path)
        found += axe(page, f"ur {path or 'index'} at {width}px")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    page.close()
    assert found == []


def test_the_layout_mirrors_but_the_map_does_not(urdu: tuple[Path, str], browser: Browser) -> None:
    _, url = urdu
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    style = "([s, p]) => getComputedStyle(document.querySelector(s))[p]"
    assert page.evaluate(style, ["html", "direction"]) == "rtl"
    # The spine's room is on the right, where an Urdu line starts.
    assert page.evaluate(style, [".event-list", "paddingRight"]) != "0px"
    assert page.evaluate(style, [".event-list", "paddingLeft"]) == "0px"
    assert page.evaluate(style, [".map-frame", "direction"]) == "ltr"
    assert "Nastaliq" in page.evaluate(style, ["body", "fontFamily"])
    page.close()


def test_the_urdu_overview_runs_right_to_left(urdu: tuple[Path, str], browser: Browser) -> None:
    _, url = urdu
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    # Where Chromium draws each mark, in time order, and the axis's labels from left to right.
    marks = page.evaluate(
        """() => Array.from(document.querySelectorAll('.overview-svg .overview-mark'),
            (mark) => mark.getBoundingClientRect().right)"""
    )
    lanes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.overview-svg .overview-lane-name'),
            (name) => name.getBoundingClientRect().right)"""
    )
    plot = page.evaluate("document.querySelector('.overview-svg').getBoundingClientRect().toJSON()")
    page.close()
    assert marks[0] > marks[-1] + plot["width"] / 2  # the earliest event far to the right
    assert lanes and min(lanes) > plot["right"] - 20  # the lanes' names on the right edge


def test_the_search_and_filter_scripts_count_in_urdu(
    urdu: tuple[Path, str], browser: Browser
) -> None:
    words = i18n.language("ur")
    page = browser.new_page()
    page.goto(urdu[1])
    page.fill("#search-input", "caesar")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    found = words.ngettext("%(num)d event matches", "%(num)d events match", 3)
    assert page.text_content("#search-status") == words.say("%(matches)s.", matches=found)
    page.select_option("#filter-actor", index=1)
    shown = words.ngettext(
        "%(shown)s of %(num)d event shown.", "%(shown)s of %(num)d events shown.", 7, shown="1"
    )
    assert page.text_content("#filter-count") == shown
    page.close()


def test_devanagari_and_nastaliq_are_drawn_by_their_fonts(
    urdu: tuple[Path, str], browser: Browser
) -> None:
    page = browser.new_page()
    page.goto(urdu[1])
    # The fonts Chromium drew each script's text with, as its DevTools report them: without
    # Debian's fonts-noto-core (see Makefile) a fallback draws empty boxes instead.
    page.evaluate(
        """() => {
            const span = document.createElement('span');
            span.id = 'devanagari';
            span.lang = 'hi';
            span.style.fontFamily = "'Noto Sans Devanagari', sans-serif";
            span.textContent = 'समयरेखा';
            document.body.append(span);
        }"""
    )
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    cdp.send("CSS.enable")
    drawn = {}
    for selector in (".site-header nav a", "#devanagari"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        drawn[selector] = {font["familyName"] for font in fonts if font["glyphCount"]}
    page.close()
    assert drawn[".site-header nav a"] == {"Noto Nastaliq Urdu"}, drawn
    assert drawn["#devanagari"] == {"Noto Sans Devanagari"}, drawn


def test_screenshots_of_urdu_and_hindi_pages(
    urdu: tuple[Path, str], browser: Browser, tmp_path: Path
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    hindi = _build(tmp_path, "hi")
    with serve_site(hindi) as origin:
        for language, url in (("ur", urdu[1]), ("hi", origin + "/")):
            for width in (320, 1280):
                page = browser.new_page(viewport={"width": width, "height": 1100})
                page.goto(url + PAGES[1])
                page.screenshot(path=str(SHOTS / f"{language}-event-{width}.png"), full_page=False)
                page.goto(url)
                page.screenshot(path=str(SHOTS / f"{language}-index-{width}.png"), full_page=False)
                page.close()
    assert len(list(SHOTS.glob("*.png"))) >= 8
