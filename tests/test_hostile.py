"""Hostile content: the corpus in tests/fixtures/hostile/ builds, and no page of it runs anything.

Every free-text value of the corpus (titles, summaries, places, names, aliases, source fields,
eras) and every body tries to run a script, load a frame, break out of an attribute or of the
JSON-LD script, or hide text with Unicode controls. The pages are checked as Chromium parses
them, not as strings: a string check would miss what the HTML parser makes of malformed markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route

from generator.build import check
from generator.project import Project
from generator.render.markdown import ALLOWED_TAGS, DROPPED_WITH_CONTENT, MarkdownRenderer
from generator.write import UnsafePath, check_output_path
from tests.browser import serve_site
from tests.helpers import REPO, TEMPLATES, build_into

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
ATOM = "http://www.w3.org/2005/Atom"

# Run in each page: everything that could run a script, leave the site or restyle the page.
DOM_PROBLEMS = """(siteRoots) => {
  const problems = [];
  const where = (el) => el.outerHTML.slice(0, 120);
  for (const script of document.querySelectorAll("script")) {
    if (script.type === "application/ld+json") {
      try { JSON.parse(script.textContent); }
      catch (error) { problems.push("JSON-LD that does not parse: " + error); }
    } else if (!script.src) {
      problems.push("an inline script: " + where(script));
    } else if (!siteRoots.some((root) => script.src.startsWith(root))) {
      problems.push("a script from outside the site: " + script.src);
    }
  }
  for (const el of document.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) problems.push("an event handler: " + where(el));
    }
  }
  for (const el of document.querySelectorAll(
    "iframe, frame, object, embed, applet, style, base, template, video, audio, img, " +
    "meta[http-equiv], main link, main meta, .prose form, .prose input, .prose button, " +
    ".prose textarea, .prose select, .prose svg, .prose math"
  )) {
    // An embed page's own <base target="_top"> in its head (the theme's, one per page) is not
    // content; any other <base> is.
    const embed = location.pathname.endsWith("/embed/index.html");
    const alone = document.querySelectorAll("base").length === 1;
    if (el.tagName === "BASE" && embed && alone && el.parentElement === document.head) continue;
    problems.push("an element that must not be there: " + where(el));
  }
  for (const el of document.querySelectorAll("main [style]")) {
    const cell = el.matches("th, td") && /^text-align: (left|right|center);$/.test(
      el.getAttribute("style"));
    if (!cell) problems.push("a style attribute: " + where(el));
  }
  for (const el of document.querySelectorAll("main [class]")) {
    const ours = ["broken-link", "footnote", "footnote-ref", "footnote-backref"];
    if (el.closest(".prose") && !el.matches(".prose") &&
        ![...el.classList].every((name) => ours.includes(name))) {
      problems.push("a class from the content: " + where(el));
    }
  }
  const urls = ["href", "src", "action", "formaction", "data", "poster", "cite", "xlink:href"];
  for (const name of urls) {
    for (const el of document.querySelectorAll("[" + name.replace(":", "\\\\:") + "]")) {
      const protocol = new URL(el.getAttribute(name), document.baseURI).protocol;
      if (["javascript:", "vbscript:", "data:"].includes(protocol)) {
        problems.push("a " + protocol + " URL: " + where(el));
      }
    }
  }
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href"), document.baseURI);
    if (url.protocol !== "file:" && url.host !== location.host) {
      const rel = (link.getAttribute("rel") || "").split(/\\s+/);
      if (!rel.includes("noopener") || !rel.includes("noreferrer")) {
        problems.push("a link to another host without rel=noopener noreferrer: " + where(link));
      }
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("hostile") / "site"
    build_into(HOSTILE, output)
    return output


@pytest.fixture(scope="module")
def browser_page(browser: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A page that records every dialog (alert, confirm, prompt) and every request that would
    leave the machine, refusing them."""
    page = browser.new_page()
    dialogs: list[str] = []
    requests: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def on_request(route: Route) -> None:
        requests.append(route.request.url)
        route.abort()

    page.on("dialog", on_dialog)
    page.route("http://**/*", on_request)
    page.route("https://**/*", on_request)
    yield page, dialogs, requests


def visit(page: Page, path: Path) -> None:
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(50)  # let deferred scripts and their timers run


def site_roots(site: Path) -> list[str]:
    """Where the site's own files are: its folder, and for the 404 page, which links from the
    path of base_url (https://example.org/hostile/), that path on file://."""
    return [site.as_uri() + "/", "file:///hostile/"]


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def hostile_texts() -> dict[str, str]:
    """Every front matter value of the corpus that holds markup, by where it comes from."""
    timeline = check(Project.at(HOSTILE, templates=TEMPLATES))
    texts = {"site title": timeline.site.title, "site description": timeline.site.description}
    for era in timeline.site.eras:
        texts |= {"era name": era.name, "era note": era.note}
    for source in timeline.sources.values():
        texts |= {
            "source title": source.title,
            "source publisher": source.publisher,
            "source author": source.author,
            "source note": source.note,
            "source url": source.url or "",
        }
    for actor in timeline.actors.values():
        texts |= {f"{actor.id} name": actor.name, f"{actor.id} kind": actor.kind}
        texts |= {f"{actor.id} alias {i}": alias for i, alias in enumerate(actor.aliases)}
    for place in timeline.places.values():
        texts |= {f"{place.id} {key}": getattr(place, key) for key in ("name", "kind", "note")}
        texts |= {f"{place.id} alias {i}": alias for i, alias in enumerate(place.aliases)}
    for event in timeline.events:
        texts |= {f"{event.id} title": event.title, f"{event.id} summary": event.summary}
    return {where: text for where, text in texts.items() if "<" in text or '"' in text}


def test_the_corpus_is_hostile_everywhere() -> None:
    # The tests below are only as good as the corpus: every kind of value must carry markup.
    assert {
        "site title",
        "site description",
        "era name",
        "era note",
        "source title",
        "source publisher",
        "source author",
        "source note",
        "source url",
        "mallory name",
        "mallory kind",
        "mallory alias 0",
        "mallory alias 1",
        "script-in-title title",
        "script-in-title summary",
        "iframe-place name",
        "iframe-place kind",
        "iframe-place note",
        "iframe-place alias 0",
        "script-place name",
        "malformed-html summary",
    } <= set(hostile_texts())


@pytest.mark.browser
def test_no_page_runs_a_script_or_leaves_the_site(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page, dialogs, requests = browser_page
    problems: dict[str, list[str]] = {}
    pages = html_pages(site)
    assert len(pages) >= 20
    for path in pages:
        visit(page, path)
        found = page.evaluate(DOM_PROBLEMS, site_roots(site))
        if found:
            problems[path.relative_to(site).as_posix()] = found
    assert problems == {}
    assert dialogs == []
    assert requests == []


@pytest.mark.browser
def test_front_matter_is_shown_as_text(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page = browser_page[0]
    shown = ""
    for path in html_pages(site):
        visit(page, path)
        # The text a reader sees, and the document's title: markup that was parsed as HTML
        # would be missing from it.
        shown += page.evaluate("() => document.title + '\\n' + document.body.textContent")
    missing = {where: text for where, text in hostile_texts().items() if text not in shown}
    assert missing == {}


@pytest.mark.browser
def test_json_ld_keeps_a_title_that_closes_the_script(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page = browser_page[0]
    title = "</script><script>alert('title')</script><!-- ]]> -->"
    visit(page, site / "events" / "script-in-title" / "index.html")
    data = page.evaluate(
        """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
        .map((el) => JSON.parse(el.textContent))"""
    )
    assert len(data) == 1
    assert title in set(strings(data))
    assert page.evaluate("() => document.querySelector('h1').textContent") == title


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys excluded."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)


@pytest.mark.browser
def test_the_search_index_shows_hostile_titles_as_text(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    # Pagefind's script is a module, which browsers do not load from file://: the site is
    # served under its base path, in a page of its own that records dialogs as the other does.
    dialogs = browser_page[1]
    browser = browser_page[0].context.browser
    assert browser is not None
    with serve_site(site, "/hostile/") as origin:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(origin + "/hostile/", wait_until="load")
        search = page.locator("form[role=search] input[type=search]")
        search.fill("alert")
        results = page.locator("form[role=search] li > a")
        results.first.wait_for()
        titles = results.all_text_contents()
        assert "</script><script>alert('title')</script><!-- ]]> -->" in titles
        assert page.evaluate(DOM_PROBLEMS, [origin + "/hostile/"]) == []
        page.close()
    assert dialogs == []


@pytest.mark.browser
def test_a_title_with_a_right_to_left_override_renders_as_text(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page = browser_page[0]
    visit(page, site / "events" / "unicode-tricks" / "index.html")
    heading = page.evaluate(
        """() => { const h1 = document.querySelector('h1');
        return [h1.textContent, h1.childElementCount, getComputedStyle(h1).direction,
                document.title]; }"""
    )
    title = "Invoice for \u202egnp.exe"
    assert heading[:3] == [title, 0, "ltr"]
    assert heading[3].startswith(title)
    # The override ends with its element: the text after the heading is not reversed.
    lede = page.evaluate("() => document.querySelector('.lede').textContent")
    assert (
        lede == "Zero\u200dwidth\u200bjoiners, a line\u2028separator and a paragraph\u2029separator"
    )


@pytest.mark.browser
def test_footnotes_headings_and_tables_survive_the_sanitiser(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page = browser_page[0]
    visit(page, site / "events" / "footnotes-and-headings" / "index.html")
    facts = page.evaluate(
        """() => ({
          h1: document.querySelectorAll('h1').length,
          h2: [...document.querySelectorAll('.prose h2')].map((h) => h.textContent),
          refs: [...document.querySelectorAll('a.footnote-ref')].map((a) => a.hash),
          notes: [...document.querySelectorAll('.footnote li[id]')].map((li) => li.id),
          back: [...document.querySelectorAll('a.footnote-backref')].map((a) => a.hash),
          align: [...document.querySelectorAll('.prose th')].map(
            (th) => getComputedStyle(th).textAlign),
          wiki: document.querySelector('.footnote a:not([class])').getAttribute('href'),
        })"""
    )
    assert facts == {
        "h1": 1,
        "h2": ["A heading of the first level"],
        "refs": ["#fn:1", "#fn:note"],
        "notes": ["fn:1", "fn:note"],
        "back": ["#fnref:1", "#fnref:note"],
        "align": ["left", "right"],
        "wiki": "../script-in-title/",
    }
    page.click("a.footnote-ref >> nth=1")
    assert page.evaluate("() => location.hash") == "#fn:note"


@pytest.mark.browser
def test_malformed_html_stays_inside_the_body(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page = browser_page[0]
    visit(page, site / "events" / "malformed-html" / "index.html")
    facts = page.evaluate(
        """() => ({
          mains: document.querySelectorAll('main').length,
          prose: document.querySelectorAll('main .prose').length,
          escaped: [...document.querySelectorAll('b, i, table, td')].filter(
            (el) => !el.closest('.prose')).map((el) => el.tagName),
          footer: document.querySelector('body > footer') !== null &&
            document.querySelector('main footer') === null,
          lede: document.querySelector('.lede').textContent,
        })"""
    )
    assert facts == {
        "mains": 1,
        "prose": 1,
        "escaped": [],
        "footer": True,
        "lede": "Unclosed tags <b>, stray closers </main></body> and <div><p></div>",
    }


class _Markup(HTMLParser):
    """What an HTML fragment would make a reader run: scripts, handlers and script URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_WITH_CONTENT or tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            scheme = (value or "").strip().split(":", 1)[0].lower()
            if name.startswith("on") or (name == "style" and tag not in ("th", "td")):
                self.problems.append(f"<{tag} {name}>")
            elif name in ("href", "src") and scheme in ("javascript", "vbscript", "data"):
                self.problems.append(f"<{tag} {name}={value}>")


def markup_problems(fragment: str) -> list[str]:
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser.problems


def test_hostile_bodies_are_sanitised_in_feeds_and_exports_too(site: Path) -> None:
    # Feed readers and TimelineJS render these fragments as HTML.
    fragments: dict[str, str] = {}
    for feed in ("feed.xml", "actors/mallory/feed.xml", "tags/xss/feed.xml"):
        for entry in ElementTree.parse(site / feed).getroot().iter(f"{{{ATOM}}}entry"):
            for element in entry.iter(f"{{{ATOM}}}content"):
                fragments[f"{feed} {entry.findtext(f'{{{ATOM}}}id')}"] = element.text or ""
    slides = json.loads((site / "timelinejs.json").read_text(encoding="utf-8"))["events"]
    for slide in slides:
        for key in ("headline", "text"):
            fragments[f"timelinejs {slide['unique_id']} {key}"] = slide["text"][key]
    assert len(fragments) >= 12
    assert any("evil.example" in fragment for fragment in fragments.values())
    problems = {where: markup_problems(html) for where, html in fragments.items()}
    assert {where: found for where, found in problems.items() if found} == {}


@pytest.mark.parametrize(
    "identifier", ["..", "../x", "a/../../b", "/etc", "a\\b", "", ".", "a//b", "x/.."]
)
def test_hostile_ids_cannot_name_a_path_outside_the_site(identifier: str) -> None:
    # The loader refuses such file names (tests/test_errors_files.py); this is the writer's guard.
    from generator.model import urls

    for path in (urls.event(identifier), urls.actor(identifier), urls.source(identifier)):
        with pytest.raises(UnsafePath):
            check_output_path(path)


def test_the_renderer_sanitises_raw_html_on_its_own() -> None:
    html = MarkdownRenderer().render(
        '<a href="javascript:alert(1)" onclick="x">a</a> <script>alert(2)</script>'
        '<a href="https://example.net/">b</a>',
        lambda target: None,
    )
    assert html == '<p><a>a</a> <a href="https://example.net/" rel="noopener noreferrer">b</a></p>'


def test_the_renderer_shows_an_image_as_its_text_on_its_own() -> None:
    # The check refuses images in bodies; the renderer must not make one all the same.
    html = MarkdownRenderer().render("![an image](javascript:alert%28'image'%29)", lambda t: None)
    assert html == "<p>an image</p>"


@pytest.mark.browser
def test_a_title_shown_as_the_text_of_a_wiki_link_stays_text(
    site: Path, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    # `[[script-in-title]]` shows the event's title: Markdown must not read it as raw HTML.
    page = browser_page[0]
    visit(page, site / "actors" / "alice" / "index.html")
    links = page.evaluate(
        "() => [...document.querySelectorAll('.prose a')].map((a) => [a.textContent, "
        "a.childElementCount])"
    )
    assert links == [["</script><script>alert('title')</script><!-- ]]> -->", 0]]
