"""The page planners: what each page is reported to show is what its values show.

The preview replans a page after an edit only when it showed, or shows, a changed event (see
incremental/affected.py), so a planner that shows an event without reporting it leaves a stale
page behind. Here every page of a few sites is planned and its values made; every event found
in the values (as a value, a list item or a link) must be among the events the page reports.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import Markup

from bench.corpus import generate
from generator.build import Builder
from generator.incremental.affected import Shown
from generator.incremental.keep import ONE_OFF
from generator.incremental.memo import Memo
from generator.model import urls
from generator.model.graph import Graph
from generator.model.timeline import Event
from generator.project import Project
from generator.render.bodies import Bodies
from generator.render.inputs import Inputs
from generator.render.items import ItemList, Items
from generator.render.pages import plan_pages
from generator.render.plan import Page, Parts
from generator.render.site import page_parts
from generator.render.templates import environment
from generator.render.values import LinkedTitle, Listed
from tests.helpers import FIXTURE, REPO, TEMPLATES, graph_of

_HREF = re.compile(r'href="([^"#]*)')
_EVENT_PATH = re.compile(r"events/([^/]+)/(?:index\.html)?")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(300, folder)
    # Actors' bodies that link to an event they take no part in, which only the link shows.
    first = sorted((folder / "content/events").glob("*.md"))[0].stem
    for actor in (folder / "content/actors").glob("*.md"):
        with actor.open("a", encoding="utf-8") as file:
            file.write(f"\nSee also [[{first}]].\n")
    return folder


def _parts(graph: Graph, plan: list[Page]) -> Parts:
    """What the build makes page values of, made for every page, as a cold build makes it."""
    inputs = Inputs(graph, Bodies(graph, ONE_OFF))
    items = Items(environment(TEMPLATES, graph.timeline.site), graph.timeline.actors, {})
    memo = Memo(None, ONE_OFF)
    return page_parts(plan, inputs, memo, items, {}, lambda page: True)[0]


def shown_events(value: Any, page: str, base_url: str) -> Iterator[str]:
    """The ids of the events that a page's value shows: events and their list forms, links to
    event pages, and links in HTML (bodies, figures, marked quotes, metadata)."""
    if isinstance(value, Event | Listed):
        yield value.id
    if isinstance(value, LinkedTitle):
        yield from _linked(value.path)
    if isinstance(value, str):
        if isinstance(value, Markup) or base_url in value:
            yield from _linked_in(value, page, base_url)
        return
    if isinstance(value, ItemList):
        yield from (key[0].id for key in value.keys)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from shown_events(key, page, base_url)
            yield from shown_events(item, page, base_url)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from shown_events(item, page, base_url)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Event | Listed):
            return  # its own fields hold only its own id
        for field in dataclasses.fields(value):
            yield from shown_events(getattr(value, field.name), page, base_url)


def _linked(path: str) -> Iterator[str]:
    match = _EVENT_PATH.fullmatch(path)
    if match:
        yield match.group(1)


def _linked_in(html: str, page: str, base_url: str) -> Iterator[str]:
    for target in _HREF.findall(html):
        yield from _linked(_resolve(page, target, base_url))
    for match in re.finditer(re.escape(base_url) + r"(events/[^/\"]+/)", html):
        yield from _linked(match.group(1))


def _resolve(page: str, href: str, base_url: str) -> str:
    """An href on `page` -> the output path it leads to, relative to the site's root."""
    if href.startswith(base_url):
        return href[len(base_url) :]
    parts = page.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + ("/" if href.endswith("/") else "")


def unreported(graph: Graph, plan: list[Page]) -> dict[str, set[str]]:
    """For each page, the events its values show that its planner did not report."""
    parts = _parts(graph, plan)
    base_url = graph.timeline.site.base_url
    missing = {}
    for page in plan:
        found = set(shown_events(page.values(parts), page.path, base_url))
        assert found <= set(graph.events), f"{page.path}: the collector misread a link"
        extra = found - set(page.shown.events)
        if extra:
            missing[page.path] = extra
    return missing


@pytest.mark.parametrize("site", ["fixture", "repository", "corpus"])
def test_every_page_reports_every_event_it_shows(site: str, corpus: Path) -> None:
    root = {"fixture": FIXTURE, "repository": REPO, "corpus": corpus}[site]
    graph = graph_of(root)
    plan = plan_pages(graph, "en")
    assert unreported(graph, plan) == {}
    shown = {page.path: set(page.shown.events) for page in plan}
    # The check sees what pages show: lists, neighbours, links in bodies and in figures.
    assert shown[urls.INDEX] == set(graph.events)


def test_a_planner_that_leaves_out_an_event_it_shows_is_caught(corpus: Path) -> None:
    graph = graph_of(corpus)
    plan = plan_pages(graph, "en")
    # Each page reports only the first event it shows: the neighbours, related events, linking
    # events and list members it also shows are left out, as a forgetful planner would.
    forgetful = [
        dataclasses.replace(page, shown=Shown(page.shown.events[:1], page.shown.parts))
        for page in plan
    ]
    missing = unreported(graph, forgetful)
    kinds = {path.split("/")[0] for path in missing}
    assert {"events", "actors", "tags", "years", "status", "sources", "index.html"} <= kinds


# ---- A timeline with no statuses, actors, places or sources (as an import may give) ----------

BARE_SITE = "title: Bare\nbase_url: https://example.org/bare/\ndefault_status: none\n"
BARE_EVENTS = {
    "first": "---\ntitle: The first\ndate: 2019-02-26\ntags: [start]\n---\nText.\n",
    "second": "---\ntitle: The second\ndate: 2019-03\n---\nText.\n",
}


def bare_project(root: Path) -> Path:
    (root / "content" / "events").mkdir(parents=True)
    (root / "content" / "site.yaml").write_text(BARE_SITE, encoding="utf-8")
    for name, text in BARE_EVENTS.items():
        (root / "content" / "events" / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def navigation_labels(html: str) -> list[str]:
    nav = re.search(r'<nav aria-label="Site">(.*?)</nav>', html, re.S)
    assert nav is not None
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav.group(1))


def test_the_navigation_leaves_out_the_indexes_with_nothing_in_them(tmp_path: Path) -> None:
    root = bare_project(tmp_path / "bare")
    builder = Builder(Project.at(root, templates=TEMPLATES))
    builder.build()
    index = (root / "site" / urls.INDEX).read_text(encoding="utf-8")
    assert navigation_labels(index) == ["Timeline", "Tags", "Years"]
    # The overview says what it draws: no lanes of actors, and marks without a status.
    assert '<p class="overview-title">The timeline at a glance</p>' in index
    assert '<g class=""><circle class="overview-point"' in index
    assert "overview-key" not in index
    # An actor and a source: every page links to their indexes, the pages the edit did not
    # touch too.
    (root / "content" / "actors").mkdir()
    (root / "content" / "actors" / "army.md").write_text(
        "---\nname: The Army\nkind: military\n---\n", encoding="utf-8"
    )
    (root / "content" / "sources.yaml").write_text(
        "paper:\n  title: A paper\n  url: https://example.org/paper\n", encoding="utf-8"
    )
    builder.build()
    second = (root / "site" / urls.event("second")).read_text(encoding="utf-8")
    assert navigation_labels(second) == ["Timeline", "Actors", "Tags", "Years", "Sources"]


def test_the_themes_gettext_says_what_jinjas_own_says(fixture: Graph) -> None:
    # `_` and `gettext` are the environment's own (each message looked up once), not Jinja's:
    # the same words, escaping and '%' as Jinja's new-style gettext.
    site = dataclasses.replace(fixture.timeline.site, language="fr")
    ours = environment(TEMPLATES, site)
    jinjas = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    jinjas.install_gettext_translations(site.spoken.translations, newstyle=True)  # type: ignore[attr-defined]
    source = (
        "{{ _('c. %(date)s', date='<2016>') }}|{{ _('approximate') }}|{{ gettext('100%%') }}"
        "|{{ _('a < b') }}|{% trans n='<i>' %}c. {{ n }}{% endtrans %}"
        "|{% autoescape false %}{{ _('c. %(date)s', date='<2016>') }}{% endautoescape %}"
    )
    said = ours.from_string(source).render()
    assert said == jinjas.from_string(source).render()
    # A message is markup (the catalog is trusted), a value is escaped, unless escaping is off.
    assert said == "v.\xa0&lt;2016&gt;|approximative|100%|a < b|c. &lt;i&gt;|v.\xa0<2016>"


SHARED_PARTS = ("partials/head_links.html", "partials/header.html", "partials/footer.html")


@pytest.mark.parametrize("languages", [(), ("en", "fr")])
def test_a_shared_part_is_what_rendering_it_for_each_page_gives(
    fixture: Graph, languages: tuple[str, ...]
) -> None:
    # `shared` renders a header, footer or stylesheet links once for every page at the same
    # depth and first folder: on each page it must be what rendering it there gives, the index
    # pages marked current, the 404 page linking from the root, each language's switcher its own.
    site = dataclasses.replace(fixture.timeline.site, languages=languages)
    env = environment(TEMPLATES, site)
    pages = [
        *(urls.event("first"), urls.event("second"), urls.actor("first"), urls.ACTORS),
        *(urls.INDEX, urls.NOT_FOUND, urls.TAGS, urls.tag("a"), urls.paged(urls.tag("a"), 2)),
        *(urls.paged(urls.INDEX, 2), urls.paged(urls.ACTORS, 2), urls.CORRECTIONS),
    ]
    call = env.from_string("{{ shared(name) }}")
    for name in SHARED_PARTS:
        for page in pages:
            assert call.render(name=name, page=page) == env.get_template(name).render(page=page)
