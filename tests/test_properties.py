"""Property-based tests: the loader, the validator and the URL helpers on generated input.

Content is typed by people, so every stage that reads it must answer any input with a value or
content errors, never a traceback. (The date parser's properties are in tests/test_dates.py.)
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.build import render_site
from generator.check.ids import check_id
from generator.check.validate import validate
from generator.errors import BuildFailed, ContentError
from generator.incremental.keep import PREVIEW
from generator.load.documents import Document, split_front_matter
from generator.load.files import RawContent
from generator.load.seeds import SeedText
from generator.load.yaml_lines import parse_yaml
from generator.model import urls
from generator.model.graph import link
from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH, RESERVED_IDS
from generator.model.timeline import RELATIONS, STATUSES, Timeline
from generator.render.site import RenderCache
from generator.write import check_output_path
from tests.helpers import TEMPLATES
from tests.test_dates import points

# YAML values of every kind, nested, as safe_dump writes them.
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.dates().map(str)
    | st.sampled_from(["yes", "no", "~", "null", "2019-02-30", ".nan", "0x1f", "1e400"])
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
# Text made of YAML's own punctuation, to reach the parser's error paths.
yaml_soup = st.text(alphabet="-:[]{}&*!|>'\"%@`#,?<= \n\tab01\u202e\ufeff", max_size=80) | (
    # Nesting deep enough to exhaust a recursive converter's stack.
    st.integers(1, 3000).map(lambda depth: "a: " + "[" * depth + "]" * depth)
)


def dump(value: Any, **options: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, **options)


def check_errors(failure: BuildFailed) -> None:
    """A failure must say something, with a line, in the house style."""
    assert failure.errors
    for error in failure.errors:
        assert isinstance(error, ContentError)
        assert error.line >= 1
        assert str(error).startswith(f"{error.path}:{error.line}: ")


@given(
    yaml_values,
    st.sampled_from([{}, {"default_flow_style": True}, {"default_style": '"'}]),
    st.text(max_size=40),
)
def test_front_matter_of_any_yaml_is_a_document_or_content_errors(
    value: Any, options: dict[str, Any], body: str
) -> None:
    text = f"---\n{dump(value, **options)}---\n{body}"
    try:
        document = split_front_matter(text, "x.md", Path("x.md"))
    except BuildFailed as failure:
        check_errors(failure)
    else:
        assert isinstance(document.meta.value, dict)
        assert document.body_line >= 3


@given(st.one_of(st.text(), yaml_soup, yaml_soup.map(lambda soup: f"---\n{soup}\n---\nBody")))
def test_front_matter_of_any_text_is_a_document_or_content_errors(text: str) -> None:
    try:
        split_front_matter(text, "x.md", Path("x.md"))
    except BuildFailed as failure:
        check_errors(failure)


@given(st.one_of(yaml_values.map(dump), yaml_soup, st.text()), st.integers(1, 1000))
def test_any_yaml_file_parses_or_gives_content_errors(text: str, first_line: int) -> None:
    try:
        data = parse_yaml(text, "x.yaml", first_line)
    except BuildFailed as failure:
        check_errors(failure)
        assert all(error.line >= first_line for error in failure.errors)
    else:
        assert all(line >= first_line for line in data.lines.values())


# The validate stage on generated front matter ---------------------------------------------------

SITE = "title: T\nbase_url: https://example.org/t/\n"
SOURCES = "s:\n  title: S\n  local: seeds/s.txt\n"
SEED = "The quoted passage, and more.\n"
ACTOR = "---\nname: A\nkind: person\n---\nSee [[e1]].\n"
PLACE = (
    "---\nname: The <Place>\nkind: site\naliases: [Elsewhere & co]\ncoordinates: [-16.8, -179.9]\n"
    "country: FJ\nnote: Made up for the test.\n---\n"
)
IDS = ["e1", "e2", "e3"]

ids = st.sampled_from([*IDS, "a", "s", "nobody", "E1", ""])
dates = st.one_of(
    points().map(lambda point: point.edtf()),
    st.sampled_from(["2019/..", "../2019", "2019/", "/2019", "-0043-03-15", "2019-02-30"]),
    st.sampled_from(["2019-02-26T03:30", "2019-02-26T24:00", "196X", "19XX-05", "Y-13800000000"]),
    st.sampled_from(["Y2019", "2019-03-31T01:30+00:00", "2019-XX-05", "-0043-03-15T12:00"]),
    st.integers(-20000, 20000),
    yaml_values,
)
events = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=20) | yaml_values,
        "summary": st.text(max_size=20) | yaml_values,
        "date": dates,
        "status": st.sampled_from([*STATUSES, "yes", "confirmd"]) | yaml_values,
        "actors": st.lists(ids | yaml_values, max_size=3) | yaml_values,
        "places": st.lists(st.text(max_size=10) | st.just("p"), max_size=3) | yaml_values,
        "tags": st.lists(st.from_regex(ID_PATTERN, fullmatch=True) | st.text(), max_size=3)
        | yaml_values,
        "sources": st.lists(
            st.fixed_dictionaries(
                {"source": ids},
                optional={"quote": st.sampled_from(["The quoted passage", "absent"]) | st.text()},
            )
            | ids
            | yaml_values,
            max_size=3,
        )
        | yaml_values,
        "related": st.lists(
            ids
            | st.fixed_dictionaries(
                {"id": ids}, optional={"relation": st.sampled_from([*RELATIONS, "denys"])}
            )
            | yaml_values,
            max_size=3,
        )
        | yaml_values,
        "unknown": yaml_values,
    },
)
bodies = st.text(max_size=30) | st.sampled_from(["See [[e2]].", "[[nobody]]", "[[a|the actor]]"])


def document(path: str, text: str) -> Document:
    return split_front_matter(text, path, Path(path))


def raw_content(front_matters: list[dict[str, Any]], body: str) -> RawContent:
    raw = RawContent(site=parse_yaml(SITE, "site.yaml"), sources=parse_yaml(SOURCES, "s.yaml"))
    raw.seeds["seeds/s.txt"] = SeedText(SEED)
    raw.actors.append(document("content/actors/a.md", ACTOR))
    raw.places.append(document("content/places/p.md", PLACE))
    for event_id, front in zip(IDS, front_matters, strict=False):
        path = f"content/events/{event_id}.md"
        try:
            raw.events.append(document(path, f"---\n{dump(front)}---\n{body}"))
        except BuildFailed as failure:
            raw.errors.extend(failure.errors)
            raw.unreadable_events.add(event_id)
    return raw


def validated(raw: RawContent) -> Timeline | None:
    """The Timeline, or None after checking the content errors."""
    try:
        timeline = validate(raw)
    except BuildFailed as failure:
        check_errors(failure)
        return None
    assert isinstance(timeline, Timeline)
    return timeline


@given(st.lists(events, min_size=1, max_size=3), bodies)
def test_validate_on_any_front_matter_gives_a_timeline_or_content_errors(
    front_matters: list[dict[str, Any]], body: str
) -> None:
    validated(raw_content(front_matters, body))


@given(
    st.fixed_dictionaries(
        {},
        optional={
            key: yaml_values
            for key in ("title", "description", "language", "base_url", "domain", "eras")
        },
    ),
    st.dictionaries(
        st.sampled_from(["s", "t", "Bad", "con"]),
        st.fixed_dictionaries(
            {},
            optional={
                key: yaml_values
                for key in ("title", "publisher", "author", "date", "url", "local", "note")
            },
        )
        | yaml_values,
    ),
)
def test_validate_on_any_site_and_sources_gives_a_timeline_or_content_errors(
    site: dict[str, Any], sources: dict[str, Any]
) -> None:
    raw = raw_content([{"title": "E", "date": "2019"}], "")
    raw.site = parse_yaml(dump(site), "site.yaml")
    raw.sources = parse_yaml(dump(sources), "sources.yaml")
    validated(raw)


# Valid events with any text in their free-text fields, for the render stage.
texts = st.text(min_size=1, max_size=30).filter(str.strip)
valid_events = st.fixed_dictionaries(
    {"title": texts, "date": points().map(lambda point: point.edtf())},
    optional={
        "summary": texts,
        "status": st.sampled_from(list(STATUSES)),
        "actors": st.just(["a"]),
        "places": st.lists(st.sampled_from(["p", "The <Place>", "Elsewhere & co"]), max_size=2),
        "tags": st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True), max_size=2),
        "sources": st.just([{"source": "s", "quote": "The quoted passage"}, "s"]),
        "related": st.just(["e3"]),
    },
)
hostile_bodies = st.text(max_size=60).filter(lambda text: "[[" not in text) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>[y](javascript:alert(2))',
        "<div><p></div><b>unclosed",
        "A note[^1].\n\n[^1]: See [[a]].",
    ]
)


_LAST_RENDER = [RenderCache(PREVIEW)]


@settings(max_examples=25)
@given(st.lists(valid_events, min_size=1, max_size=3), hostile_bodies)
@pytest.mark.slow
def test_every_valid_timeline_renders_to_safe_paths(
    front_matters: list[dict[str, Any]], body: str
) -> None:
    timeline = validated(raw_content(front_matters, body))
    assume(timeline is not None)
    assert timeline is not None
    # One cache through every example, as the preview keeps it: each render is an edit of the last.
    pages, _LAST_RENDER[0] = render_site(link(timeline), TEMPLATES, _LAST_RENDER[0])
    for path in pages:
        check_output_path(path)


# The URL helpers -------------------------------------------------------------------------------

valid_ids = st.from_regex(ID_PATTERN, fullmatch=True).filter(
    lambda text: len(text) <= MAX_ID_LENGTH and text not in RESERVED_IDS
)
years = st.integers(-9999, 9999)


def page_paths() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            [
                *(urls.INDEX, urls.NOT_FOUND, urls.ACTORS, urls.TAGS, urls.YEARS, urls.SOURCES),
                *(urls.STATUSES, urls.FEED, urls.TIMELINE_JSON, urls.ICS, urls.SITEMAP),
                urls.ROBOTS,
            ]
        ),
        valid_ids.map(urls.event),
        valid_ids.map(urls.actor),
        valid_ids.map(urls.actor_feed),
        valid_ids.map(urls.tag),
        valid_ids.map(urls.tag_feed),
        valid_ids.map(urls.source),
        st.sampled_from(list(STATUSES)).map(urls.status),
        years.map(urls.year),
        st.sampled_from(["style.css", "favicon.svg"]).map(urls.static),
    )


@given(page_paths())
def test_every_page_path_stays_inside_the_site(path: str) -> None:
    site = Path("/srv/site")
    pure = check_output_path(path)
    assert (site / pure).resolve().is_relative_to(site)
    assert posixpath.normpath(path) == path


@given(page_paths(), page_paths(), st.none() | valid_ids)
def test_every_link_resolves_to_its_target(
    from_page: str, to_path: str, anchor: str | None
) -> None:
    # As a browser resolves it: from the URL the page is served at, under a project path.
    base = "https://example.org/project/"
    link_text = urls.href(from_page, to_path, anchor or "")
    assert not urlsplit(link_text).scheme and not link_text.startswith("/")
    resolved = urljoin(base + urls.page_url_path(from_page), link_text)
    assert resolved == urls.absolute(base, to_path, anchor or "")
    assert resolved.startswith(base)


@given(st.text(max_size=100))
def test_an_id_the_validator_accepts_names_only_safe_paths(identifier: str) -> None:
    errors: list[ContentError] = []
    if check_id(identifier, "x.md", "event", errors):
        for path in (urls.event(identifier), urls.actor(identifier), urls.source(identifier)):
            check_output_path(path)
            assert path.count("/") == 2
    else:
        assert len(errors) == 1
