"""One test per kind of content error, each asserting the exact messages, and the CLI on errors.

Every test starts from the small valid project that `make_project` writes, breaks one thing, and
compares the full `path:line: field: what is wrong — how to fix it` lines. The line numbers in the
expected messages are counted by hand from the texts below, so a wrong line fails the test.
"""

from __future__ import annotations

import io
import itertools
import os
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image

from generator.build import Builder, build, check
from generator.check import events as check_events
from generator.cli import main
from generator.errors import BuildFailed
from generator.model.dates import Point
from generator.project import Project
from generator.serve.watcher import snapshot
from tests.helpers import TEMPLATES, read_tree

SITE = """\
title: Test timeline
description: A small timeline for tests.
language: en
base_url: https://example.org/timeline/
eras:
  - name: The crisis
    date: 2019-02/2019-03
    note: A short era.
"""

SOURCES = """\
article:
  title: An article
  publisher: The Paper
  author: A. Writer
  date: 2019-03-01
  url: https://example.org/article
  local: seeds/article.txt
  note: The only source.
"""

# Curly quotes and a line break that the quotes below write straight and on one line.
SEED = (
    "The army said on Tuesday that \u201cthe strike hit its target\u201d.\n"
    "Officials denied\nit the next day.\n"
)

ACTORS = {
    "army": """\
---
name: The Army
kind: military
aliases: [Armed Forces]
---
The army of [[country]].
""",
    "country": """\
---
name: The Country
kind: country
---
A country. See [[strike|the strike]].
""",
}

PLACES = {
    "border": """\
---
name: The Border
kind: region
aliases: [the frontier]
country: PK
---
Where the strike hit.
""",
}

EVENTS = {
    "strike": """\
---
title: The strike
summary: The army strikes.
date: 2019-02-26
status: confirmed
actors: [army]
places: [The Border]
tags: [air-strike]
sources:
  - source: article
    quote: 'said on Tuesday that "the strike hit its target"'
---
The [[army]] struck.
""",
    "denial": """\
---
title: The denial
date: 2019-02-27
status: denied
actors: [country]
sources:
  - source: article
    quote: Officials denied it the next day
related:
  - id: strike
    relation: denies
---
The [[country|Country]] denied the strike.

See [[strike]].
""",
    "aftermath": """\
---
title: The aftermath
date: 2019-03/2019-04
related:
  - strike
  - id: denial
    relation: follows
---
After the [[denial]], calm returned.
""",
}

STATUSES = "confirmed, reported, planned, disputed, denied"
RELATIONS = (
    "related-to, denies, confirms, disputes, responds-to, follows, precedes, part-of, causes"
)
EVENT_KEYS = ", ".join(check_events.EVENT_KEYS)
YAML_FIX = "check the indentation, and quote values that contain ': ' or start with a symbol"
ALIAS = "YAML anchors and aliases (&name, *name) are not supported"


def make_project(root: Path) -> Path:
    """Write the valid project into `root`; return `root`."""
    (root / "content" / "actors").mkdir(parents=True)
    (root / "content" / "events").mkdir()
    (root / "seeds").mkdir()
    (root / "content" / "site.yaml").write_text(SITE, encoding="utf-8")
    (root / "content" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "seeds" / "article.txt").write_text(SEED, encoding="utf-8")
    for actor_id, text in ACTORS.items():
        (root / "content" / "actors" / f"{actor_id}.md").write_text(text, encoding="utf-8")
    for event_id, text in EVENTS.items():
        (root / "content" / "events" / f"{event_id}.md").write_text(text, encoding="utf-8")
    (root / "content" / "places").mkdir()
    for place_id, text in PLACES.items():
        (root / "content" / "places" / f"{place_id}.md").write_text(text, encoding="utf-8")
    return root


def project(root: Path) -> Project:
    return Project.at(root, templates=TEMPLATES)


def replace(root: Path, name: str, old: str, new: str) -> None:
    """Replace the one `old` in content/<name> (or <name> from the root) with `new`."""
    path = root / "content" / name if not name.startswith("seeds/") else root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root: Path, name: str, text: str | bytes) -> None:
    path = root / "content" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def errors(root: Path) -> list[str]:
    """The messages of a build that must fail; it must leave no site behind."""
    with pytest.raises(BuildFailed) as failure:
        build(project(root))
    assert not (root / "site").exists()
    return [str(error) for error in failure.value.errors]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path)


# The valid project ------------------------------------------------------------------------------


def test_the_valid_project_builds(root: Path) -> None:
    result = build(project(root))
    assert [event.id for event in result.timeline.events] == ["strike", "denial", "aftermath"]
    assert sorted(result.timeline.actors) == ["army", "country"]
    quotes = [c.quote for e in result.timeline.events for c in e.citations]
    assert quotes == ['said on Tuesday that "the strike hit its target"', *quotes[1:]]
    assert [(r.target, r.kind) for r in result.timeline.events[2].related] == [
        ("strike", "related-to"),
        ("denial", "follows"),
    ]
    for page in ("index.html", "events/strike/index.html", "actors/army/index.html"):
        assert (root / "site" / page).is_file()


# Reading files ----------------------------------------------------------------------------------


def test_yaml_syntax_error_names_its_line(root: Path) -> None:
    replace(root, "events/strike.md", "summary: The army strikes.", "summary: The army: strikes")
    # strike.md is referenced by two events and an actor: the one broken file is one error.
    assert errors(root) == [
        "content/events/strike.md:3: YAML syntax error: mapping values are not allowed in this "
        f"context — {YAML_FIX}"
    ]


def test_yaml_syntax_error_names_where_the_unclosed_part_starts(root: Path) -> None:
    replace(root, "events/strike.md", "target\"'\n", 'target"\n')
    assert errors(root) == [
        "content/events/strike.md:11: YAML syntax error: the text quoted with ' that opens here "
        "is not closed (found unexpected end of stream on line 12) — end it with ', and write a "
        "' inside it as ''"
    ]


def test_an_unclosed_list_is_reported_where_it_opens(root: Path) -> None:
    replace(root, "events/strike.md", "title: The strike", "title: [The strike")
    assert errors(root) == [
        "content/events/strike.md:2: YAML syntax error: the `[` list that opens here is not "
        "closed (did not find expected ',' or ']' on line 3) — close it with `]`, or quote the "
        "value if the `[` is part of the text"
    ]


def test_an_unclosed_double_quote_is_reported_where_it_opens(root: Path) -> None:
    replace(root, "events/strike.md", "summary: The army strikes.", 'summary: "The army strikes.')
    # The parser reads on to the `"` on line 11, in another value, before it gives up.
    assert errors(root) == [
        'content/events/strike.md:3: YAML syntax error: the text quoted with " that opens here '
        "is not closed on its line and runs on to line 11 (did not find expected key there) — "
        'end it with ", and write a " inside it as \\"'
    ]
    replace(root, "events/aftermath.md", "title: The aftermath", 'title: "The aftermath')
    assert errors(root)[0] == (
        'content/events/aftermath.md:2: YAML syntax error: the text quoted with " that opens '
        'here is not closed (found unexpected end of stream on line 8) — end it with ", and '
        'write a " inside it as \\"'
    )


def test_yaml_syntax_error_in_site_yaml(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\n  extra: indented\n")
    assert errors(root) == [
        "content/site.yaml:4: YAML syntax error: mapping values are not allowed in this "
        f"context — {YAML_FIX}"
    ]


def test_yaml_syntax_error_in_sources_yaml_does_not_make_every_source_unknown(root: Path) -> None:
    replace(root, "sources.yaml", "  title: An article", "  title: An: article")
    assert errors(root) == [
        "content/sources.yaml:2: YAML syntax error: mapping values are not allowed in this "
        f"context — {YAML_FIX}"
    ]


def test_yaml_syntax_error_in_an_actor_does_not_make_the_actor_unknown(root: Path) -> None:
    replace(root, "actors/army.md", "aliases: [Armed Forces]", "aliases: [Armed Forces")
    assert errors(root) == [
        "content/actors/army.md:4: YAML syntax error: the `[` list that opens here is not closed "
        "(did not find expected ',' or ']' on line 5) — close it with `]`, or quote the value if "
        "the `[` is part of the text"
    ]


def test_missing_front_matter(root: Path) -> None:
    write(root, "events/aftermath.md", "title: The aftermath\ndate: 2019-03\n\nAfter it.\n")
    assert errors(root) == [
        "content/events/aftermath.md:1: the file has no front matter — start it with a `---` "
        "line, the YAML keys, and another `---` line"
    ]


def test_unclosed_front_matter(root: Path) -> None:
    replace(root, "events/aftermath.md", "---\nAfter", "After")
    assert errors(root) == [
        "content/events/aftermath.md:1: the front matter is not closed — add a `---` line after "
        "the last YAML key"
    ]


def test_empty_file(root: Path) -> None:
    write(root, "events/aftermath.md", "")
    assert errors(root) == [
        "content/events/aftermath.md:1: the file is empty — add front matter between two `---` "
        "lines, or delete the file"
    ]


def test_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte(root: Path) -> None:
    path = root / "content" / "events" / "aftermath.md"
    path.write_bytes(path.read_bytes().replace(b"After the", b"Apr\xe8s the"))
    assert errors(root) == [
        "content/events/aftermath.md:9: the file is not UTF-8 text (byte 0xe8 in column 4) — "
        "save it with UTF-8 encoding"
    ]


def test_file_that_is_not_utf8_after_a_byte_order_mark(root: Path) -> None:
    write(root, "events/aftermath.md", b"\xef\xbb\xbf---\ntitle: Caf\xe9\n---\n")
    assert errors(root) == [
        "content/events/aftermath.md:2: the file is not UTF-8 text (byte 0xe9 in column 11) — "
        "save it with UTF-8 encoding"
    ]


def test_binary_file(root: Path) -> None:
    write(root, "events/aftermath.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert errors(root) == [
        "content/events/aftermath.md:1: this is a binary file — remove it from content/"
    ]


def test_unreadable_file(root: Path) -> None:
    (root / "content" / "events" / "folder.md").mkdir()
    os.symlink(root / "content" / "nowhere.md", root / "content" / "events" / "ghost.md")
    assert errors(root) == [
        "content/events/folder.md:1: the file cannot be read (Is a directory) — make it a "
        "readable file, or remove it",
        "content/events/ghost.md:1: the file cannot be read (No such file or directory) — make "
        "it a readable file, or remove it",
    ]


@pytest.mark.parametrize(
    ("front", "kind"),
    [("- title\n- date\n", "a list"), ("just some text\n", "a single value"), ("", "empty")],
)
def test_front_matter_that_is_not_a_mapping(root: Path, front: str, kind: str) -> None:
    write(root, "events/aftermath.md", f"---\n{front}---\nAfter it.\n")
    assert errors(root) == [
        f"content/events/aftermath.md:2: the front matter is {kind}, not a mapping of keys — "
        "write it as `key: value` lines"
    ]


def test_duplicate_keys(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed\n", "status: confirmed\ntitle: Again\n")
    assert errors(root) == [
        "content/events/strike.md:6: title: the key appears twice (first on line 2) — keep one "
        "of them"
    ]


def test_yaml_anchors_and_aliases(root: Path) -> None:
    replace(root, "events/strike.md", "actors: [army]", "actors: &them [army]")
    replace(root, "events/strike.md", "places: [The Border]", "places: *them")
    assert errors(root) == [
        f"content/events/strike.md:7: places: {ALIAS} — write the value out in full"
    ]


def test_yaml_merge_keys(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "<<: {status: confirmed}")
    assert errors(root) == [
        "content/events/strike.md:5: YAML merge keys (<<) are not supported — write the keys "
        "out in full"
    ]


def add_alias_bomb(root: Path) -> None:
    """Nine levels of ten aliases each in an event's front matter: expanded, 10⁹ strings."""
    names = "abcdefghij"
    bomb = f"{names[0]}: &{names[0]} [{', '.join(['lol'] * 10)}]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
        for previous, name in itertools.pairwise(names)
    )
    replace(root, "events/strike.md", "status: confirmed\n", f"status: confirmed\n{bomb}")


def test_billion_laughs_is_refused_quickly_with_one_error(root: Path) -> None:
    add_alias_bomb(root)
    started = time.perf_counter()
    messages = errors(root)
    assert time.perf_counter() - started < 2
    assert messages == [
        f"content/events/strike.md:7: b[0]: {ALIAS} (this is the first of 90 aliases in the "
        "file) — write the value out in full"
    ]


def test_too_many_yaml_values(root: Path) -> None:
    many = ", ".join(["air-strike"] * 100_001)
    replace(root, "events/strike.md", "tags: [air-strike]", f"tags: [{many}]")
    # Ten values come before the tags' items (the front matter, four texts, two lists of one,
    # the tags list), so item 99990 is value 100,001: the first one refused.
    assert errors(root) == [
        "content/events/strike.md:8: tags[99990]: the YAML holds more than 100,000 values — "
        "split the content into smaller files"
    ]


def test_crlf_line_ends_byte_order_mark_and_no_final_newline_are_accepted(
    tmp_path: Path,
) -> None:
    plain = build(project(make_project(tmp_path / "plain"))).pages
    root = make_project(tmp_path / "windows")
    for path in (*(root / "content").rglob("*.*"), root / "seeds" / "article.txt"):
        data = path.read_bytes().replace(b"\n", b"\r\n")
        if path.suffix != ".txt":  # the seed's text is shown on its page, final newline and all
            data = data.removesuffix(b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + data)
    assert build(project(root)).pages == plain


def test_crlf_and_byte_order_mark_keep_line_numbers(root: Path) -> None:
    replace(root, "events/denial.md", "See [[strike]].", "See [[strikes]].")
    replace(root, "events/denial.md", "relation: denies", "relation: denys")
    path = root / "content" / "events" / "denial.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert errors(root) == [
        "content/events/denial.md:11: related[0].relation: unknown relation `denys` (did you "
        f"mean `denies`?) — use one of: {RELATIONS}",
        "content/events/denial.md:15: body: [[strikes]] links to no event or actor (did you "
        "mean `strike`?) — fix the id, or create the event or actor",
    ]


# Required keys, unknown keys and values ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "events/strike.md",
            "title: The strike\n",
            "",
            "content/events/strike.md:2: title: is missing — add a `title: …` line",
        ),
        (
            "events/strike.md",
            "date: 2019-02-26\n",
            "",
            "content/events/strike.md:2: date: is missing — add a `date: …` line",
        ),
        (
            "events/strike.md",
            "title: The strike\n",
            "title:\n",
            "content/events/strike.md:2: title: is empty — write a value after `title:`",
        ),
        (
            "events/strike.md",
            "title: The strike\n",
            "title: '  '\n",
            "content/events/strike.md:2: title: is empty — write a value after `title:`",
        ),
        (
            "actors/army.md",
            "name: The Army\n",
            "",
            "content/actors/army.md:2: name: is missing — add a `name: …` line",
        ),
        (
            "actors/army.md",
            "kind: military\n",
            "",
            "content/actors/army.md:2: kind: is missing — add a `kind: …` line",
        ),
        (
            "site.yaml",
            "title: Test timeline\n",
            "",
            "content/site.yaml:1: title: is missing — add a `title: …` line",
        ),
        (
            "site.yaml",
            "base_url: https://example.org/timeline/\n",
            "",
            "content/site.yaml:1: base_url: is missing — add a `base_url: …` line",
        ),
        (
            "site.yaml",
            "    date: 2019-02/2019-03\n",
            "",
            "content/site.yaml:6: eras[0].date: is missing — add a `date: …` line",
        ),
    ],
)
def test_missing_required_key(root: Path, name: str, old: str, new: str, message: str) -> None:
    replace(root, name, old, new)
    assert errors(root) == [message]


def test_missing_site_yaml(root: Path) -> None:
    (root / "content" / "site.yaml").unlink()
    assert errors(root) == [
        "content/site.yaml:1: the file is missing — create it with `title:` and `base_url:`"
    ]


def test_unknown_key_with_did_you_mean(root: Path) -> None:
    replace(root, "events/strike.md", "title: The strike", "titel: The strike")
    replace(root, "events/denial.md", "    quote: Officials", "    qoute: Officials")
    assert errors(root) == [
        "content/events/denial.md:8: sources[0].qoute: unknown key (did you mean `quote`?) — "
        "use one of: source, quote",
        f"content/events/strike.md:2: titel: unknown key (did you mean `title`?) — use one of: "
        f"{EVENT_KEYS}",
        "content/events/strike.md:2: title: is missing — add a `title: …` line",
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "2019-02-30",
            "'2019-02-30' is not a real day (February 2019 has 28 days) — write a date that "
            "exists, such as 2019-02-28",
        ),
        ("2019-13", "'2019-13' has no month 13 — months are 01 to 12"),
    ],
)
def test_impossible_date(root: Path, date: str, message: str) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]


def test_interval_that_ends_before_it_starts(root: Path) -> None:
    replace(root, "events/aftermath.md", "date: 2019-03/2019-04", "date: 2019-04/2019-03")
    assert errors(root) == [
        "content/events/aftermath.md:3: date: '2019-04/2019-03' ends before it starts — put the "
        "earlier date first: 2019-03/2019-04"
    ]


def test_date_given_as_a_float(root: Path) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", "date: 2019.5")
    assert errors(root) == [
        "content/events/strike.md:4: date: expected an EDTF date, got a number (2019.5) — write "
        "it as YYYY, YYYY-MM or YYYY-MM-DD, quoted if need be"
    ]


def test_unknown_status_with_did_you_mean(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert errors(root) == [
        "content/events/strike.md:5: status: unknown status `confirmd` (did you mean "
        f"`confirmed`?) — use one of: {STATUSES}"
    ]


@pytest.mark.parametrize("value", ["yes", "no", "true", "off"])
def test_status_that_yaml_reads_as_a_boolean(root: Path, value: str) -> None:
    replace(root, "events/strike.md", "status: confirmed", f"status: {value}")
    assert errors(root) == [
        "content/events/strike.md:5: status: YAML reads this as a yes/no value, not a status — "
        f"use one of: {STATUSES}"
    ]


def test_status_that_yaml_reads_as_a_number(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: 1")
    assert errors(root) == [
        f"content/events/strike.md:5: status: unknown status `1` — use one of: {STATUSES}"
    ]


def test_unknown_default_status_with_did_you_mean(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ndefault_status: nnone\n")
    assert errors(root) == [
        "content/site.yaml:4: default_status: unknown default status `nnone` (did you mean "
        "`none`?) — use one of: reported, none"
    ]


def test_default_status_that_yaml_reads_as_a_boolean(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ndefault_status: no\n")
    assert errors(root) == [
        "content/site.yaml:4: default_status: YAML reads this as a yes/no value, not a status — "
        "use one of: reported, none"
    ]


def test_base_url_that_is_not_absolute(root: Path) -> None:
    replace(root, "site.yaml", "https://example.org/timeline/", "/timeline/")
    assert errors(root) == [
        "content/site.yaml:4: base_url: `/timeline/` is not an absolute http(s) URL — write the "
        "full address, such as https://example.github.io/project/"
    ]


# References between files -----------------------------------------------------------------------


def test_unknown_actor(root: Path) -> None:
    replace(root, "events/strike.md", "actors: [army]", "actors: [army, armee]")
    assert errors(root) == [
        "content/events/strike.md:6: actors[1]: unknown actor `armee` (did you mean `army`?) — "
        "create content/actors/armee.md or fix the id"
    ]


def test_unknown_place(root: Path) -> None:
    replace(root, "events/strike.md", "places: [The Border]", "places: [The Boarder]")
    assert errors(root) == [
        "content/events/strike.md:7: places[0]: unknown place `The Boarder` (did you mean "
        "`The Border`?) — create content/places/the-boarder.md with `name: The Boarder`, or fix "
        "the name"
    ]


def test_a_place_is_named_by_its_id_name_or_alias(root: Path) -> None:
    replace(root, "events/strike.md", "places: [The Border]", "places: [border, the frontier]")
    result = build(project(root))
    assert result.timeline.events[0].places == ("border",)


def test_a_name_of_two_places(root: Path) -> None:
    write(root, "places/line.md", "---\nname: The Line\nkind: region\naliases: [The Border]\n---\n")
    assert errors(root) == [
        "content/events/strike.md:7: places[0]: `The Border` names 2 places (border, line) — "
        "write the id of the one meant"
    ]


def test_coordinates_out_of_range(root: Path) -> None:
    replace(
        root, "places/border.md", "country: PK", "country: PK\ncoordinates: [95.5, 73]\nnote: N"
    )
    assert errors(root) == [
        "content/places/border.md:6: coordinates[0]: latitude 95.5 is out of range (-90 to 90) "
        "(are latitude and longitude swapped?) — write `coordinates: [latitude, longitude]` in "
        "decimal degrees, as [41.9, 12.5]"
    ]


def test_longitude_out_of_range(root: Path) -> None:
    replace(
        root,
        "places/border.md",
        "country: PK",
        "country: PK\ncoordinates:\n  - 33\n  - 273\nnote: N",
    )
    assert errors(root) == [
        "content/places/border.md:8: coordinates[1]: longitude 273 is out of range (-180 to 180) "
        "— write `coordinates: [latitude, longitude]` in decimal degrees, as [41.9, 12.5]"
    ]


def test_coordinates_of_the_wrong_shape(root: Path) -> None:
    replace(
        root, "places/border.md", "country: PK", "country: PK\ncoordinates: 33.1, 73.2\nnote: N"
    )
    assert errors(root) == [
        "content/places/border.md:6: coordinates: expected [latitude, longitude], got `33.1, "
        "73.2` — write `coordinates: [latitude, longitude]` in decimal degrees, as [41.9, 12.5]"
    ]


def test_coordinates_say_where_they_come_from(root: Path) -> None:
    replace(root, "places/border.md", "country: PK", "country: PK\ncoordinates: [33.1, 73.2]")
    assert errors(root) == [
        "content/places/border.md:6: coordinates: no `note:` says where the coordinates come "
        "from — name the source or gazetteer in `note:` (GeoNames 3169070 …), or remove them"
    ]


def test_unknown_country_code(root: Path) -> None:
    replace(root, "places/border.md", "country: PK", "country: PQ")
    replace(root, "actors/country.md", "kind: country", "kind: country\ncountry: Pakistan")
    assert errors(root) == [
        "content/actors/country.md:4: country: `Pakistan` is not an ISO 3166-1 alpha-2 country "
        "code (`PK` is Pakistan) — write the two-letter code, such as PK for Pakistan or IT for "
        "Italy",
        "content/places/border.md:5: country: `PQ` is not an ISO 3166-1 alpha-2 country code — "
        "write the two-letter code, such as PK for Pakistan or IT for Italy",
    ]


def test_a_place_needs_a_name_and_a_kind(root: Path) -> None:
    write(root, "places/nowhere.md", "---\nkind: region\nwhere: here\n---\n")
    assert errors(root) == [
        "content/places/nowhere.md:2: name: is missing — add a `name: …` line",
        "content/places/nowhere.md:3: where: unknown key — use one of: name, kind, aliases, "
        "coordinates, country, note, updates",
    ]


def test_unknown_source(root: Path) -> None:
    replace(root, "events/strike.md", "  - source: article", "  - source: artcle")
    replace(
        root,
        "events/denial.md",
        "  - source: article\n    quote: Officials denied it the next day\n",
        "  - articel\n",
    )
    assert errors(root) == [
        "content/events/denial.md:7: sources[0]: unknown source `articel` (did you mean "
        "`article`?) — add it to content/sources.yaml or fix the id",
        "content/events/strike.md:10: sources[0].source: unknown source `artcle` (did you mean "
        "`article`?) — add it to content/sources.yaml or fix the id",
    ]


def test_unknown_related_id(root: Path) -> None:
    replace(root, "events/aftermath.md", "  - strike\n", "  - strikes\n")
    replace(root, "events/denial.md", "  - id: strike", "  - id: strik")
    assert errors(root) == [
        "content/events/aftermath.md:5: related[0]: unknown event `strikes` (did you mean "
        "`strike`?) — create content/events/strikes.md or fix the id",
        "content/events/denial.md:10: related[0].id: unknown event `strik` (did you mean "
        "`strike`?) — create content/events/strik.md or fix the id",
    ]


def test_unknown_relation_kind(root: Path) -> None:
    replace(root, "events/denial.md", "relation: denies", "relation: denys")
    assert errors(root) == [
        "content/events/denial.md:11: related[0].relation: unknown relation `denys` (did you "
        f"mean `denies`?) — use one of: {RELATIONS}"
    ]


def test_event_related_to_itself(root: Path) -> None:
    replace(root, "events/aftermath.md", "  - strike\n", "  - aftermath\n")
    replace(root, "events/denial.md", "  - id: strike", "  - id: denial")
    assert errors(root) == [
        "content/events/aftermath.md:5: related[0]: an event cannot be related to itself — "
        "remove this entry",
        "content/events/denial.md:10: related[0].id: an event cannot be related to itself — "
        "remove this entry",
    ]


def test_unknown_link_in_the_body_names_its_body_line(root: Path) -> None:
    replace(root, "events/denial.md", "See [[strike]].", "See [[strikes|it]].")
    replace(root, "actors/country.md", "[[strike|the strike]]", "[[nowhere]]")
    assert errors(root) == [
        "content/actors/country.md:5: body: [[nowhere]] links to no event or actor — fix the "
        "id, or create the event or actor",
        "content/events/denial.md:15: body: [[strikes]] links to no event or actor (did you "
        "mean `strike`?) — fix the id, or create the event or actor",
    ]


def test_event_id_that_is_also_an_actor_id(root: Path) -> None:
    write(root, "events/army.md", "---\ntitle: An army day\ndate: 2019\n---\nSee [[army]].\n")
    assert errors(root) == [
        "content/events/army.md:1: id: `army` is also the id of an actor "
        "(content/actors/army.md), so [[army]] is ambiguous — rename one of the two files, and "
        "update the links to it"
    ]


# Sources and quotes -----------------------------------------------------------------------------


def test_quote_not_found_in_its_source(root: Path) -> None:
    replace(root, "events/strike.md", "hit its target", "missed its target")
    assert errors(root) == [
        "content/events/strike.md:11: sources[0].quote: not found in seeds/article.txt — the "
        'nearest passage (line 1) reads "…said on Tuesday that “the strike hit its target”…": '
        'the quote has "missed" where the source has "hit"'
    ]


def test_quote_on_a_source_with_no_local_copy(root: Path) -> None:
    replace(root, "sources.yaml", "  local: seeds/article.txt\n", "")
    fix = "add `local: seeds/…` to the source in content/sources.yaml"
    problem = "sources[0].quote: source `article` has no local copy to check the quote against"
    assert errors(root) == [
        f"content/events/denial.md:8: {problem} — {fix}",
        f"content/events/strike.md:11: {problem} — {fix}",
    ]


@pytest.mark.parametrize(
    "local", ["../article.txt", "seeds/../content/site.yaml", "/etc/passwd", "content/site.yaml"]
)
def test_local_copy_outside_seeds(root: Path, local: str) -> None:
    replace(root, "sources.yaml", "local: seeds/article.txt", f"local: {local}")
    # Only the source is wrong: the quotes that cite it are not reported as not found.
    assert errors(root) == [
        f"content/sources.yaml:7: article.local: `{local}` is not under seeds/ — put the "
        "verbatim copy in seeds/ and write its path, such as seeds/article.txt"
    ]


def test_local_copy_that_does_not_exist(root: Path) -> None:
    replace(root, "sources.yaml", "local: seeds/article.txt", "local: seeds/missing.txt")
    assert errors(root) == [
        "content/sources.yaml:7: article.local: `seeds/missing.txt` does not exist or is not "
        "UTF-8 text — check the path from the project root, such as seeds/article.txt"
    ]


def test_quote_with_an_ellipsis_across_paragraphs(root: Path) -> None:
    # The seed has no blank line, so each of its lines is a paragraph.
    replace(root, "events/denial.md", "Officials denied it the next day", "strike … Officials")
    assert errors(root) == [
        "content/events/denial.md:8: sources[0].quote: not found in seeds/article.txt — the "
        'nearest passage (line 1) reads "…strike hit its target”. Officials…": its parts are '
        "there, but not in this order within one paragraph"
    ]


def test_archive_that_is_not_a_web_address(root: Path) -> None:
    replace(root, "sources.yaml", "  note: The only source.\n", "  archive: web.archive.org\n")
    assert errors(root) == [
        "content/sources.yaml:8: article.archive: `web.archive.org` is not a web address — write "
        "the archived copy's address, such as https://web.archive.org/web/…"
    ]


def test_accessed_that_is_not_a_date(root: Path) -> None:
    replace(root, "sources.yaml", "  note: The only source.\n", "  accessed: last week\n")
    [error] = errors(root)
    assert error.startswith("content/sources.yaml:8: article.accessed: ")


def test_publish_text_that_is_not_true_or_false(root: Path) -> None:
    replace(root, "sources.yaml", "  note: The only source.\n", "  publish_text: 'no'\n")
    assert errors(root) == [
        "content/sources.yaml:8: article.publish_text: expected true or false — write "
        "`publish_text: false` to keep the text off the site, or remove the line"
    ]


def test_local_copy_that_is_not_a_readable_pdf(root: Path) -> None:
    (root / "seeds" / "report.pdf").write_bytes(b"%PDF-1.4\n% cut short")
    replace(root, "sources.yaml", "local: seeds/article.txt", "local: seeds/report.pdf")
    [error, *quotes] = errors(root)
    assert error.startswith("content/sources.yaml:7: article.local: `seeds/report.pdf` is not a ")
    assert error.endswith(
        "readable PDF (" + error.split("readable PDF (")[1].split(")")[0] + ") — save the "
        "document again as a PDF, or keep its text in a .txt file"
    )
    assert quotes == []  # the quotes of a source whose copy cannot be read are not reported


def test_local_web_page_in_an_unknown_character_set(root: Path) -> None:
    (root / "seeds" / "page.html").write_bytes(b'<meta charset="klingon"><p>Hi</p>')
    replace(root, "sources.yaml", "local: seeds/article.txt", "local: seeds/page.html")
    assert errors(root) == [
        "content/sources.yaml:7: article.local: `seeds/page.html` names the unknown character "
        "set `klingon` in its <meta charset> — save the page again with UTF-8 encoding"
    ]


# Ids --------------------------------------------------------------------------------------------


def test_ids_that_differ_only_in_case(root: Path) -> None:
    events = root / "content" / "events"
    (events / "Strike.md").write_text(EVENTS["strike"], encoding="utf-8")
    if len(list(events.iterdir())) != 4:
        pytest.skip("the file system does not tell Strike.md from strike.md")
    assert errors(root) == [
        "content/events/Strike.md:1: id: `Strike` is not a valid event id (lowercase letters, "
        "digits and hyphens) — rename the file; `strike.md` exists, so merge the two or choose "
        "another id",
        "content/events/strike.md:1: id: `strike` and `Strike` differ only in case — rename one "
        "of the two files",
    ]


def test_invalid_id(root: Path) -> None:
    write(root, "events/Bad_Name.md", EVENTS["aftermath"])
    assert errors(root) == [
        "content/events/Bad_Name.md:1: id: `Bad_Name` is not a valid event id (lowercase "
        "letters, digits and hyphens) — rename the file to `bad-name.md`"
    ]


def test_events_and_actors_may_be_filed_in_subfolders(root: Path) -> None:
    (root / "content" / "events" / "2019" / "02").mkdir(parents=True)
    (root / "content" / "events" / "strike.md").rename(root / "content/events/2019/strike.md")
    (root / "content" / "events" / "denial.md").rename(root / "content/events/2019/02/denial.md")
    (root / "content" / "actors" / "states").mkdir()
    (root / "content" / "actors" / "country.md").rename(root / "content/actors/states/country.md")
    result = build(project(root))
    assert [event.id for event in result.timeline.events] == ["strike", "denial", "aftermath"]
    assert sorted(result.timeline.actors) == ["army", "country"]
    assert (root / "site" / "events" / "denial" / "index.html").is_file()
    assert (root / "site" / "actors" / "country" / "index.html").is_file()


def test_the_preview_sees_edits_and_new_files_in_subfolders(root: Path) -> None:
    folder = root / "content" / "events" / "2019"
    folder.mkdir()
    (root / "content" / "events" / "strike.md").rename(folder / "strike.md")
    builder = Builder(project(root))
    builder.build()
    replace(root, "events/2019/strike.md", "The army strikes.", "The army strikes again.")
    write(root, "events/2019/calm.md", "---\ntitle: Calm\ndate: 2019-05\n---\n")
    result = builder.build()
    assert "events/calm/index.html" in result.changed
    assert "The army strikes again." in (root / "site/events/strike/index.html").read_text()
    watched = snapshot([root / "content"])
    assert str(folder / "calm.md") in watched


def test_the_same_id_in_two_folders(root: Path) -> None:
    (root / "content" / "events" / "2019").mkdir()
    write(root, "events/2019/strike.md", EVENTS["strike"])
    assert errors(root) == [
        "content/events/strike.md:1: id: `strike` is also the id of content/events/2019/strike.md "
        "— rename one of the two files (the id is the file's name, whatever its folder)"
    ]


def test_the_same_actor_id_in_two_folders(root: Path) -> None:
    (root / "content" / "actors" / "states").mkdir()
    write(root, "actors/states/country.md", ACTORS["country"])
    assert errors(root) == [
        "content/actors/states/country.md:1: id: `country` is also the id of "
        "content/actors/country.md — rename one of the two files (the id is the file's name, "
        "whatever its folder)"
    ]


# Several errors, and the command line -----------------------------------------------------------

SEVERAL = [
    "content/actors/army.md:2: kind: is missing — add a `kind: …` line",
    "content/events/denial.md:11: related[0].relation: unknown relation `denys` (did you mean "
    f"`denies`?) — use one of: {RELATIONS}",
    "content/events/strike.md:5: status: unknown status `confirmd` (did you mean `confirmed`?) "
    f"— use one of: {STATUSES}",
    "content/events/strike.md:6: actors[0]: unknown actor `armee` (did you mean `army`?) — "
    "create content/actors/armee.md or fix the id",
    "content/events/strike.md:13: body: [[armee]] links to no event or actor (did you mean "
    "`army`?) — fix the id, or create the event or actor",
    "content/site.yaml:4: base_url: `/timeline/` is not an absolute http(s) URL — write the full "
    "address, such as https://example.github.io/project/",
    "content/sources.yaml:8: article.notes: unknown key (did you mean `note`?) — use one of: "
    "title, publisher, author, date, url, local, note, accessed, archive, publish_text",
]


def break_several(root: Path) -> None:
    replace(root, "actors/army.md", "kind: military\n", "")
    replace(root, "events/denial.md", "relation: denies", "relation: denys")
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    replace(root, "events/strike.md", "actors: [army]", "actors: [armee]")
    replace(root, "events/strike.md", "The [[army]] struck.", "The [[armee]] struck.")
    replace(root, "site.yaml", "https://example.org/timeline/", "/timeline/")
    replace(root, "sources.yaml", "  note: The only source.", "  notes: The only source.")


def test_several_errors_across_files_are_reported_in_one_run_sorted(root: Path) -> None:
    break_several(root)
    with pytest.raises(BuildFailed) as failure:
        build(project(root))
    found = failure.value.errors
    assert [str(error) for error in found] == SEVERAL
    # By path, then by line as a number (13 after 6), not as text.
    assert [(e.path, e.line) for e in found] == sorted((e.path, e.line) for e in found)


def cli(root: Path, command: str) -> int:
    return main(["--root", str(root), "--templates", str(TEMPLATES), command])


def test_cli_build_reports_every_error_and_leaves_the_site_unchanged(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith("Built 24 pages for 3 events into site/ in ")
    before = read_tree(root / "site")
    assert "events/strike/index.html" in before
    break_several(root)
    assert cli(root, "build") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [*SEVERAL, "7 errors. site/ was not changed."]
    assert "Traceback" not in out + err
    assert read_tree(root / "site") == before
    assert sorted(path.name for path in root.iterdir()) == [".cache", "content", "seeds", "site"]


def test_cli_build_of_files_that_cannot_be_read_has_no_traceback(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "build") == 0
    before = read_tree(root / "site")
    (root / "content" / "events" / "folder.md").mkdir()
    write(root, "actors/army.md", b"\x00\x01")
    write(root, "events/strike.md", b"---\ntitle: \xff\n---\n")
    assert cli(root, "build") == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.splitlines() == [
        "content/actors/army.md:1: this is a binary file — remove it from content/",
        "content/events/folder.md:1: the file cannot be read (Is a directory) — make it a "
        "readable file, or remove it",
        "content/events/strike.md:2: the file is not UTF-8 text (byte 0xff in column 8) — save "
        "it with UTF-8 encoding",
        "3 errors. site/ was not changed.",
    ]
    assert read_tree(root / "site") == before


def test_cli_check_exit_status(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root, "check") == 0
    assert capsys.readouterr().out == "No errors: 3 events, 2 actors, 1 source.\n"
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert cli(root, "check") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "content/events/strike.md:5: status: unknown status `confirmd` (did you mean "
        f"`confirmed`?) — use one of: {STATUSES}",
        "1 error.",
    ]
    assert not (root / "site").exists()


def test_timeline_command_check_exit_status(root: Path) -> None:
    script = Path(sys.executable).with_name("timeline")  # the installed console script
    program = [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]
    command = [*program, "--root", str(root), "check"]
    passed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (passed.returncode, passed.stderr) == (0, "")
    replace(root, "events/aftermath.md", "[[denial]]", "[[denials]]")
    failed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "content/events/aftermath.md:9: body: [[denials]] links to no event or actor (did you "
        "mean `denial`?) — fix the id, or create the event or actor",
        "1 error.",
    ]
    assert "Traceback" not in failed.stdout + failed.stderr


def test_check_writes_nothing(root: Path) -> None:
    timeline = check(project(root))
    assert len(timeline.events) == 3
    assert not (root / "site").exists()


def test_a_custom_domain_must_be_a_host_name_and_match_base_url(root: Path) -> None:
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text() + "domain: Not a domain\n")
    assert errors(root) == [
        "content/site.yaml:9: domain: `not a domain` is not a domain name — write the bare "
        "host name, such as timeline.example.org"
    ]
    site.write_text(SITE + "domain: timeline.example.net\n")
    assert errors(root) == [
        "content/site.yaml:9: domain: the site is published at timeline.example.net but "
        "base_url is https://example.org/timeline/ — set base_url to "
        "https://timeline.example.net/"
    ]


# Hostile paths, files and YAML (issue 4) --------------------------------------------------------

RESERVED = "is a name that Windows reserves for a device, so no file or folder there can have it"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Événement",
            "`Événement` is not a valid event id (lowercase letters, digits and hyphens); it "
            "contains U+00C9 LATIN CAPITAL LETTER E WITH ACUTE — rename the file to "
            "`evenement.md`",
        ),
        (
            "r\u0430ssia",  # a Cyrillic а, which looks like a Latin a
            "`r\u0430ssia` is not a valid event id (lowercase letters, digits and hyphens); it "
            "contains U+0430 CYRILLIC SMALL LETTER A — rename the file to `rssia.md`",
        ),
        (
            "\u202eevil",  # shown escaped: a terminal would print the rest of the line reversed
            "`\\u202eevil` is not a valid event id (lowercase letters, digits and hyphens); it "
            "contains U+202E RIGHT-TO-LEFT OVERRIDE — rename the file to `evil.md`",
        ),
        (
            "zero\u200dwidth",
            "`zero\\u200dwidth` is not a valid event id (lowercase letters, digits and hyphens); "
            "it contains U+200D ZERO WIDTH JOINER — rename the file to `zerowidth.md`",
        ),
        (
            "a..b",
            "`a..b` is not a valid event id (lowercase letters, digits and hyphens) — rename the "
            "file to `a-b.md`",
        ),
        (
            "back\\slash",
            "`back\\slash` is not a valid event id (lowercase letters, digits and hyphens) — "
            "rename the file to `back-slash.md`",
        ),
        (
            "-starts-with-a-hyphen",
            "`-starts-with-a-hyphen` is not a valid event id (lowercase letters, digits and "
            "hyphens) — rename the file to `starts-with-a-hyphen.md`",
        ),
        ("x" * 81, "the event id is 81 characters long — rename the file to at most 80 characters"),
        (
            "y" * 250,
            "the event id is 250 characters long — rename the file to at most 80 characters",
        ),
    ],
)
def test_hostile_file_names_are_invalid_ids(root: Path, name: str, message: str) -> None:
    write(root, f"events/{name}.md", EVENTS["aftermath"])
    shown = name.replace("\u202e", "\\u202e").replace("\u200d", "\\u200d")
    assert errors(root) == [f"content/events/{shown}.md:1: id: {message}"]


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt9", "com0"])
def test_windows_device_names_are_refused_as_ids(root: Path, name: str) -> None:
    write(root, f"events/{name}.md", EVENTS["aftermath"])
    assert errors(root) == [
        f"content/events/{name}.md:1: id: `{name}` {RESERVED} — rename the file, for example "
        f"to `{name}-1`"
    ]


def test_windows_device_names_are_refused_as_actor_ids(root: Path) -> None:
    write(root, "actors/aux.md", ACTORS["army"])
    assert errors(root) == [
        f"content/actors/aux.md:1: id: `aux` {RESERVED} — rename the file, for example to `aux-1`"
    ]


def test_windows_device_names_are_refused_as_tags_and_source_ids(root: Path) -> None:
    replace(root, "events/strike.md", "tags: [air-strike]", "tags: [air-strike, aux]")
    with (root / "content" / "sources.yaml").open("a", encoding="utf-8") as file:
        file.write("nul:\n  title: Nothing\n")
    assert errors(root) == [
        f"content/events/strike.md:8: tags[1]: `aux` {RESERVED} — rename it, for example to "
        "`aux-1`",
        f"content/sources.yaml:9: nul: `nul` {RESERVED} — rename it, for example to `nul-1`",
    ]


OUTSIDE = (
    "the file is a link to a place outside the project — copy the file into the project instead"
)


def test_a_link_in_content_to_a_file_outside_the_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (tmp_path / "secret.md").write_text(EVENTS["aftermath"], encoding="utf-8")
    (root / "content" / "events" / "aftermath.md").unlink()
    (root / "content" / "events" / "aftermath.md").symlink_to(tmp_path / "secret.md")
    (root / "content" / "site.yaml").rename(tmp_path / "site.yaml")
    (root / "content" / "site.yaml").symlink_to(tmp_path / "site.yaml")
    assert errors(root) == [
        f"content/events/aftermath.md:1: {OUTSIDE}",
        f"content/site.yaml:1: {OUTSIDE}",
    ]


def test_a_linked_folder_in_content_that_leads_outside_the_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (root / "content" / "actors").rename(tmp_path / "actors")
    (root / "content" / "actors").symlink_to(tmp_path / "actors", target_is_directory=True)
    assert errors(root) == [
        f"content/actors/army.md:1: {OUTSIDE}",
        f"content/actors/country.md:1: {OUTSIDE}",
    ]


def test_links_that_stay_inside_the_project_are_followed(root: Path) -> None:
    drafts = root / "drafts"
    drafts.mkdir()
    (root / "content" / "events" / "aftermath.md").rename(drafts / "aftermath.md")
    (root / "content" / "events" / "aftermath.md").symlink_to("../../drafts/aftermath.md")
    (root / "seeds" / "article.txt").rename(root / "seeds" / "original.txt")
    (root / "seeds" / "article.txt").symlink_to("original.txt")
    assert len(build(project(root)).timeline.events) == 3


def test_a_seed_that_links_outside_seeds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (tmp_path / "credentials").write_text(SEED, encoding="utf-8")
    (root / "seeds" / "article.txt").unlink()
    (root / "seeds" / "article.txt").symlink_to(tmp_path / "credentials")
    # A seed is published on its source's page: the link is refused, not followed.
    assert errors(root) == [
        "content/sources.yaml:7: article.local: `seeds/article.txt` is a link to a file outside "
        "seeds/ — copy the file into seeds/ instead of linking to it"
    ]
    (root / "seeds" / "article.txt").unlink()
    (root / "seeds" / "article.txt").symlink_to(root / "content" / "site.yaml")
    assert errors(root)[0].startswith(
        "content/sources.yaml:7: article.local: `seeds/article.txt` is a link to a file outside"
    )


def test_a_seeds_folder_that_links_outside_the_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (root / "seeds").rename(tmp_path / "seeds")
    (root / "seeds").symlink_to(tmp_path / "seeds", target_is_directory=True)
    assert errors(root) == [
        "content/sources.yaml:7: article.local: `seeds/article.txt` does not exist or is not "
        "UTF-8 text — check the path from the project root, such as seeds/article.txt",
        "seeds:1: the folder is a link to a place outside the project — make seeds/ a folder "
        "in the project, with copies of the sources",
    ]


@pytest.mark.parametrize(
    "local",
    ["seeds\\..\\content\\site.yaml", "seeds/sub/../../content/site.yaml", "./seeds/article.txt"],
)
def test_more_local_copies_outside_seeds(root: Path, local: str) -> None:
    replace(root, "sources.yaml", "local: seeds/article.txt", f"local: '{local}'")
    assert errors(root) == [
        f"content/sources.yaml:7: article.local: `{local}` is not under seeds/ — put the "
        "verbatim copy in seeds/ and write its path, such as seeds/article.txt"
    ]


def test_a_named_pipe_is_refused_without_blocking(root: Path) -> None:
    os.mkfifo(root / "content" / "events" / "pipe.md")
    command = [sys.executable, "-m", "generator", "--root", str(root), "check"]
    # Opening a pipe for reading would wait for a writer forever; the timeout makes that a failure.
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.stderr.splitlines() == [
        "content/events/pipe.md:1: the file cannot be read (it is not a regular file) — make it "
        "a readable file, or remove it",
        "1 error.",
    ]


def test_a_20_mb_body_is_refused_before_it_is_read(root: Path) -> None:
    path = root / "content" / "events" / "aftermath.md"
    with path.open("a", encoding="utf-8") as file:
        line = "A very long body that someone pasted a whole archive into. " * 16 + "\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            file.write(line)
    assert path.stat().st_size > 20 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        messages = errors(root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert messages == [
        "content/events/aftermath.md:1: the file is 20.0 MB, more than the limit of 2 MB — "
        "split it into smaller files"
    ]
    assert time.perf_counter() - started < 2
    assert peak < 5 * 1024 * 1024  # the file was never read into memory


def test_a_seed_over_16_mb_is_refused_when_a_source_uses_it(root: Path) -> None:
    with (root / "seeds" / "article.txt").open("a", encoding="utf-8") as file:
        file.truncate(17 * 1024 * 1024)
    assert errors(root) == [
        "content/sources.yaml:7: article.local: `seeds/article.txt` is 17.0 MB, more than the "
        "limit of 16 MB — keep the part events quote"
    ]


@pytest.mark.parametrize(("value", "dashed"), [("20190226", "2019-02-26"), ("201902", "2019-02")])
def test_date_given_as_a_number_without_hyphens(root: Path, value: str, dashed: str) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {value}")
    assert errors(root) == [
        f"content/events/strike.md:4: date: YAML reads {value} as a number, not a date — write "
        f"it with hyphens: {dashed}"
    ]


def test_date_given_as_a_number_that_is_no_date(root: Path) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", "date: 20191399")
    assert errors(root) == [
        "content/events/strike.md:4: date: year 20191399 is beyond ±9999 — write a day as "
        "'YYYY-MM-DD', or a year of deep time as an EDTF Y year: 'Y20191399'"
    ]


def test_billion_laughs_is_refused_with_little_memory(root: Path) -> None:
    add_alias_bomb(root)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        messages = errors(root)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 10 * 1024 * 1024
    assert len(messages) == 1 and ALIAS in messages[0]


@pytest.mark.parametrize("depth", [60, 500, 5000, 100_000])
def test_deeply_nested_yaml_is_one_error(root: Path, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    replace(root, "events/strike.md", "places: [The Border]", f"places: {nested}")
    problem = (
        "places: the YAML is nested more than 50 levels deep — write the lists and mappings as "
        "the content format shows them"
        if depth < 1000  # libyaml's own limit
        else "YAML syntax error: exceeded maximum nesting depth — " + YAML_FIX
    )
    assert errors(root) == [f"content/events/strike.md:7: {problem}"]


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object/apply:os.system ['echo owned']", "!!python/object/apply:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!custom The Border", "!custom"),
    ],
)
def test_yaml_tags_are_refused(root: Path, value: str, tag: str) -> None:
    replace(root, "events/strike.md", "places: [The Border]", f"places: {value}")
    assert errors(root) == [
        f"content/events/strike.md:7: places: the YAML tag `{tag}` is not supported — remove "
        "the tag, and quote the value if it is text"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.org/article",
        "https://",
        "http://[::1",
        "https://example.org/a b",
    ],
)
def test_a_source_url_must_be_a_web_address(root: Path, url: str) -> None:
    replace(root, "sources.yaml", "url: https://example.org/article", f"url: '{url}'")
    assert errors(root) == [
        f"content/sources.yaml:6: article.url: `{url}` is not a web address — write the "
        "address the source is published at, starting with https://"
    ]


def test_a_failed_build_leaves_an_existing_site_and_nothing_else(root: Path) -> None:
    build(project(root))
    before = read_tree(root / "site")
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    with pytest.raises(BuildFailed):
        build(project(root))
    assert read_tree(root / "site") == before
    assert sorted(path.name for path in root.iterdir()) == ["content", "seeds", "site"]


# Files that would be left out -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("events/launch.markdown", "launch.md"),
        ("events/notes.txt", "notes.md"),
        ("events/draft.MD", "draft.md"),
        ("events/2019/README", "README.md"),
        ("actors/army.yaml", "army.md"),
    ],
)
def test_a_file_that_is_not_markdown(root: Path, name: str, renamed: str) -> None:
    (root / "content" / name).parent.mkdir(exist_ok=True)
    write(root, name, EVENTS["aftermath"])
    folder = name.split("/")[0]
    assert errors(root) == [
        f"content/{name}:1: the file is not a `.md` file, so it is not read — rename it to "
        f"`{renamed}`, or move it out of content/{folder}/"
    ]


@pytest.mark.parametrize(
    "name",
    ["strike.md~", ".strike.md.swp", ".#strike.md", "#strike.md#", ".DS_Store", ".hidden.md"],
)
def test_editor_leftovers_and_hidden_files_are_passed_over(root: Path, name: str) -> None:
    write(root, f"events/{name}", "leftover")
    write(root, name, "leftover")
    assert len(build(project(root)).timeline.events) == 3


@pytest.mark.parametrize("name", ["site", "sources"])
def test_a_yml_file_in_content(root: Path, name: str) -> None:
    (root / "content" / f"{name}.yaml").rename(root / "content" / f"{name}.yml")
    # The one error: no missing site.yaml, no unknown source in the events that cite one.
    assert errors(root) == [
        f"content/{name}.yml:1: the file is not part of the content format (did you mean "
        f"`{name}.yaml`?) — rename it to `{name}.yaml`"
    ]


def test_unknown_files_and_folders_in_content(root: Path) -> None:
    (root / "content" / "event").mkdir()
    (root / "content" / "Actors").mkdir()
    (root / "content" / "2019").mkdir()
    write(root, "notes.txt", "notes")
    write(root, "calm.md", EVENTS["aftermath"])
    holds = "which holds only site.yaml, sources.yaml, actors/, events/, places/ and media/"
    assert errors(root) == [
        "content/2019:1: the folder is not part of the content format, so it is not read — move "
        f"it out of content/, {holds}",
        "content/Actors:1: the folder is not part of the content format (did you mean "
        "`actors/`?) — rename it to `actors/`",
        "content/calm.md:1: the file is not in events/, actors/ or places/, so it is not read — "
        "move it into content/events/, content/actors/ or content/places/",
        "content/event:1: the folder is not part of the content format (did you mean "
        "`events/`?) — rename it to `events/`",
        f"content/notes.txt:1: the file is not part of the content format, so it is not read — "
        f"move it out of content/, {holds}",
    ]


# Dates as people write them ---------------------------------------------------------------------

BC_HINT = "the format counts a year 0 (1 BC), so -0350 is 351 BC, and 350 BC is -0349"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "12/03/2019",
            "'12/03/2019' can be read day-first or month-first — write the year first: "
            "2019-03-12 (12 March) or 2019-12-03 (3 December)",
        ),
        ("26/02/2019", "'26/02/2019' looks day-first — write the year first: 2019-02-26"),
        ("02/26/2019", "'02/26/2019' looks month-first — write the year first: 2019-02-26"),
        (
            "July 16, 1969",
            "'July 16, 1969' names the month in words — write it as YYYY-MM-DD: 1969-07-16",
        ),
        (
            "16 July 1969",
            "'16 July 1969' names the month in words — write it as YYYY-MM-DD: 1969-07-16",
        ),
        ("Jul 1969", "'Jul 1969' names the month in words — write it as YYYY-MM-DD: 1969-07"),
        (
            "Feb 30, 2019",
            "'Feb 30, 2019' names the month in words, and February 2019 has no day 30 — write a "
            "day that exists as YYYY-MM-DD",
        ),
        (
            "2019-02-26 10:00",
            "'2019-02-26 10:00' is not an EDTF date-time — write the time after a T, with "
            "two-digit hours and an optional offset, such as 2019-02-26T10:00",
        ),
        (
            "2019-02-26t9:30z",
            "'2019-02-26t9:30z' is not an EDTF date-time — write the time after a T, with "
            "two-digit hours and an optional offset, such as 2019-02-26T09:30Z",
        ),
        ("-350", f"'-350' needs a four-digit year — write -0350; {BC_HINT}"),
        ("'-350'", f"'-350' needs a four-digit year — write -0350; {BC_HINT}"),
        (
            "12019",
            "year 12019 is beyond ±9999 — write a day as 'YYYY-MM-DD', or a year of deep time "
            "as an EDTF Y year: 'Y12019'",
        ),
        (
            "'12019'",
            "'12019' is not a date this site understands: years run from -9999 to 9999 — write a "
            "year in that range, or a year of deep time as an EDTF Y year: Y12019",
        ),
        (
            "-12019",
            "'-12019' is not a date this site understands: years run from -9999 to 9999 — write "
            "a year in that range, or a year of deep time as an EDTF Y year: Y-12019",
        ),
    ],
)
def test_dates_as_people_write_them(root: Path, date: str, message: str) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]


@pytest.mark.parametrize(("date", "year"), [("-0350", -350), ("0044", 44), ("-0044-03-15", -44)])
def test_years_with_leading_zeros_are_not_read_as_octal(root: Path, date: str, year: int) -> None:
    # YAML 1.1 reads an unquoted 0044 as the octal number 36 and -0350 as -232.
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    events = {event.id: event for event in build(project(root)).timeline.events}
    start = events["strike"].date.start
    assert isinstance(start, Point) and start.year == year


# Links and images in bodies ---------------------------------------------------------------------

RELATIVE = "is a relative link, which leads to no page wherever the body is shown"


def test_a_relative_link_in_a_body(root: Path) -> None:
    replace(root, "events/denial.md", "See [[strike]].", "See [Hawaii](location).")
    replace(root, "actors/country.md", "[[strike|the strike]]", "[the strike](../strike/)")
    assert errors(root) == [
        f"content/actors/country.md:5: body: `[the strike](../strike/)` {RELATIVE} — link an "
        "event or actor as [[strike|the strike]], or write an absolute https:// URL",
        f"content/events/denial.md:15: body: `[Hawaii](location)` {RELATIVE} — link an event or "
        "actor as [[id|Hawaii]], or write an absolute https:// URL",
    ]


def test_an_image_in_a_body_outside_the_media_folder(root: Path) -> None:
    replace(root, "events/denial.md", "See [[strike]].", "See ![the border](border.jpg).")
    assert errors(root) == [
        "content/events/denial.md:15: body: `![the border](border.jpg)` is an image outside "
        "content/media/, so it would not be published — put the file in content/media/ and "
        "write ![the border](media/border.jpg)"
    ]


def test_a_remote_image_in_a_body(root: Path) -> None:
    replace(root, "events/denial.md", "See [[strike]].", "![map](https://example.org/map.png)")
    assert errors(root) == [
        "content/events/denial.md:15: body: `![map](https://example.org/map.png)` is a remote "
        "image, which would make every reader's browser call another host — show it as a link "
        "card instead: a `url:` entry in the front matter's `media:`, or copy the file into "
        "content/media/ and write ![alt](media/name.jpg)"
    ]


def test_links_that_are_fine_and_links_in_code(root: Path) -> None:
    body = (
        "A [site](https://example.org/a), [mail](mailto:a@example.org), [up](#top), a "
        "footnote[^1], `[code](x.md)`, \\[not a link](x).\n\n"
        "```\n![in a fence](x.jpg)\n```\n\n"
        "    [indented code](x)\n\n"
        "[^1]: A [[strike]] note.\n"
    )
    replace(root, "events/denial.md", "See [[strike]].\n", body)
    assert len(build(project(root)).timeline.events) == 3


# Media ------------------------------------------------------------------------------------------

TRUNCATED = 3  # what Pillow says it left of the half JPEG below
MEDIA_OUTSIDE = "put the file in content/media/ and write its path from content/, as media/x.jpg"


def image_bytes(kind: str, size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, kind)
    return buffer.getvalue()


def with_media(root: Path, entry: str, files: dict[str, bytes] | None = None) -> None:
    """Give the strike event a `media:` list (its first entry on line 9) and write `files`."""
    replace(
        root, "events/strike.md", "tags: [air-strike]\n", f"tags: [air-strike]\nmedia:\n{entry}"
    )
    (root / "content" / "media").mkdir(exist_ok=True)
    for name, data in (files or {}).items():
        write(root, f"media/{name}", data)


def test_a_media_file_that_does_not_exist(root: Path) -> None:
    with_media(root, "  - file: media/mpa.png\n    alt: A map\n", {"map.png": image_bytes("PNG")})
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/mpa.png` does not exist (did you "
        "mean `media/map.png`?) — add the file to content/media/ or fix the name"
    ]


def test_a_media_file_outside_the_media_folder(root: Path) -> None:
    entries = "  - file: ../seeds/article.txt\n    alt: x\n  - file: media/../sources.yaml\n"
    with_media(root, entries + "    alt: y\n")
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `../seeds/article.txt` lies outside "
        f"content/media/ — {MEDIA_OUTSIDE}",
        "content/events/strike.md:12: media[1].file: `media/../sources.yaml` lies outside "
        f"content/media/ — {MEDIA_OUTSIDE}",
    ]


def test_an_image_whose_bytes_are_another_type(root: Path) -> None:
    with_media(root, "  - file: media/photo.jpg\n    alt: x\n", {"photo.jpg": image_bytes("PNG")})
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/photo.jpg`: the file's bytes are a "
        "PNG image, not the JPEG image its name says — rename it to media/photo.png"
    ]


def test_a_truncated_image(root: Path) -> None:
    data = image_bytes("JPEG", (400, 300))
    with_media(
        root, "  - file: media/photo.jpg\n    alt: x\n", {"photo.jpg": data[: len(data) // 2]}
    )
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/photo.jpg`: the image is truncated "
        f"or corrupt (image file is truncated ({TRUNCATED} bytes not processed)) — export the "
        "image again from the original"
    ]


def test_an_image_of_more_than_50_megapixels(root: Path) -> None:
    # A PNG's header says its size: 10,000 × 6,000 pixels in a file of 57 bytes.
    header = struct.pack(">IIBBBBB", 10_000, 6_000, 8, 2, 0, 0, 0)
    chunk = (
        struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    )
    bomb = b"\x89PNG\r\n\x1a\n" + chunk + b"\0\0\0\0IEND\xaeB`\x82"
    with_media(root, "  - file: media/huge.png\n    alt: x\n", {"huge.png": bomb})
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/huge.png`: the image is 10000 × 6000 "
        "pixels (60 megapixels), more than the limit of 50 megapixels — resize it (a page never "
        "shows more than 1600 pixels across)"
    ]


def test_a_media_file_over_25_mb(root: Path) -> None:
    with_media(root, "  - file: media/film.mp4\n")
    with (root / "content/media/film.mp4").open("wb") as file:
        file.truncate(26 * 1024 * 1024)  # sparse: nothing is written, and nothing may be read
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/film.mp4`: the file is 26.0 MB, more "
        "than the limit of 25 MB — make it smaller"
    ]


def test_an_svg_image_is_refused(root: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with_media(root, "  - file: media/logo.svg\n    alt: Logo\n", {"logo.svg": svg})
    assert errors(root) == [
        "content/events/strike.md:10: media[0].file: `media/logo.svg`: SVG images are refused: "
        "an SVG file can carry script that runs on the page — convert it to PNG (for example "
        "with rsvg-convert)"
    ]


def test_an_image_without_alt(root: Path) -> None:
    with_media(
        root, "  - file: media/map.png\n    caption: A map\n", {"map.png": image_bytes("PNG")}
    )
    assert errors(root) == [
        "content/events/strike.md:10: media[0].alt: is missing: an image needs a text that says "
        'what it shows — add `alt: "…"` (or `alt: ""` for an image that is only decoration)'
    ]


def test_a_remote_media_entry_that_is_not_http(root: Path) -> None:
    entries = "  - url: ftp://example.org/report.pdf\n    title: The report\n    kind: leak\n"
    with_media(root, entries + "  - {file: media/a.png, url: 'https://example.org/'}\n")
    assert errors(root) == [
        "content/events/strike.md:10: media[0].url: `ftp://example.org/report.pdf` is not an "
        "http(s) address — write the whole address, starting with https://",
        "content/events/strike.md:13: media[1]: expected a `file:` or a `url:` entry, got both — "
        "write `- file: media/x.jpg` with its `alt:`, or `- url: https://…` with `title:`",
    ]


def test_images_in_a_body_need_alt_a_paragraph_of_their_own_and_their_file(root: Path) -> None:
    (root / "content" / "media").mkdir()
    write(root, "media/map.png", image_bytes("PNG"))
    body = "![](media/map.png)\n\nSee ![the map](media/map.png) here.\n\n![a map](media/nap.png)"
    replace(root, "events/denial.md", "See [[strike]].", body)
    assert errors(root) == [
        "content/events/denial.md:15: body: `![](media/map.png)` has no alt text — say what the "
        "image shows: ![what it shows](media/map.png)",
        "content/events/denial.md:17: body: `![the map](media/map.png)` shares its paragraph "
        "with other text — put the image on a line of its own, with a blank line before and "
        "after it",
        "content/events/denial.md:19: body: `media/nap.png` does not exist (did you mean "
        "`media/map.png`?) — add the file to content/media/ or fix the name",
    ]


def test_an_unused_media_file_is_a_warning(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "content" / "media").mkdir()
    write(root, "media/spare.png", image_bytes("PNG"))
    assert cli(root, "build") == 0
    assert capsys.readouterr().err == (
        "warning: content/media/spare.png:1: no event or actor uses this file, so it is not "
        "published — add it to a `media:` list or a body, or remove it\n"
    )
    assert not any("spare" in path for path in read_tree(root / "site"))


# The command line's words ----------------------------------------------------------------------


def test_counts_agree_in_number(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("denial", "aftermath"):
        (root / "content" / "events" / f"{name}.md").unlink()
    replace(root, "actors/country.md", "[[strike|the strike]]", "the strike")
    (root / "content" / "actors" / "army.md").unlink()
    replace(root, "events/strike.md", "actors: [army]", "actors: [country]")
    replace(root, "events/strike.md", "The [[army]] struck.", "The army struck.")
    assert cli(root, "check") == 0
    assert capsys.readouterr().out == "No errors: 1 event, 1 actor, 1 source.\n"
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith("Built 21 pages for 1 event into site/ in ")
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith(
        "site/ is up to date: 21 pages for 1 event, nothing changed since the last build"
    )


def test_a_failed_first_build_says_nothing_was_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert cli(root, "build") == 1
    assert capsys.readouterr().err.splitlines()[-1] == "1 error. Nothing was written."
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("title", "clash"),
    [("Army", "content/actors/army.md"), ("Strike", "content/events/2019/strike.md")],
)
def test_new_refuses_an_id_that_an_actor_or_an_event_has(
    root: Path, capsys: pytest.CaptureFixture[str], title: str, clash: str
) -> None:
    (root / "content" / "events" / "2019").mkdir()
    (root / "content" / "events" / "strike.md").rename(root / "content/events/2019/strike.md")
    before = read_tree(root / "content")
    assert main(["--root", str(root), "new", title, "--date", "2019"]) == 1
    identifier = Path(clash).stem
    assert capsys.readouterr().err == (
        f"{clash}: already has the id `{identifier}` — choose another title, since an id names "
        "one event or actor\n"
    )
    assert read_tree(root / "content") == before


def test_a_subfolder_that_cannot_be_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (root / "content" / "events" / "2019").mkdir()
    real = os.scandir

    def refuses(path: object) -> object:  # as a folder without permission (root reads them all)
        if str(path).endswith("2019/"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", refuses)
    assert errors(root) == [
        "content/events/2019:1: this folder cannot be read, so its files would be left out — give "
        "the folder read and execute permission (chmod u+rx), or move it out of content/"
    ]


def test_order_must_be_a_whole_number(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmed\norder: soon")
    line = _line_of(root / "content/events/strike.md", "order: soon")
    assert errors(root) == [
        f"content/events/strike.md:{line}: order: expected a whole number, got `soon` — "
        "write `order: 1`, `order: 2` … to order events of the same date (lower first)"
    ]


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


# Times of day and time zones ------------------------------------------------------------------


def test_unknown_time_zone_of_the_site(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ntimezone: Asia/Karachy\n")
    assert errors(root) == [
        "content/site.yaml:4: timezone: 'Asia/Karachy' is not a time zone this machine knows — "
        "give an IANA name, such as Asia/Karachi, Europe/London or UTC"
    ]


def test_unknown_time_zone_of_an_event(root: Path) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26\n", "date: 2019-02-26\ntimezone: PKT\n")
    assert errors(root) == [
        "content/events/strike.md:5: timezone: 'PKT' is not a time zone this machine knows — "
        "give an IANA name, such as Asia/Karachi, Europe/London or UTC"
    ]


def test_a_local_time_that_does_not_exist_in_the_site_zone(root: Path) -> None:
    replace(root, "site.yaml", "language: en\n", "language: en\ntimezone: Europe/London\n")
    replace(root, "events/strike.md", "date: 2019-02-26", "date: '2019-03-31T01:30'")
    assert errors(root) == [
        "content/events/strike.md:4: date: 01:30 does not exist on 2019-03-31 in Europe/London "
        "(the clocks skip it) — it reads as 2019-03-31T01:30Z or 2019-03-31T01:30+01:00: write "
        "one of those"
    ]


def test_a_local_time_that_happens_twice_in_the_event_zone(root: Path) -> None:
    replace(
        root,
        "events/strike.md",
        "date: 2019-02-26",
        "date: 2019-10-27T01:30\ntimezone: Europe/London",
    )
    assert errors(root) == [
        "content/events/strike.md:4: date: 01:30 happens twice on 2019-10-27 in Europe/London "
        "(the clocks go back) — write the offset: 2019-10-27T01:30+01:00 or 2019-10-27T01:30Z"
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2019-02-26T24:00", "'24:00' has no hour 24 — write 00:00 of the next day"),
        (
            "'2019-02-26T03:30+00:00'",
            "offset '+00:00' is UTC, which EDTF writes as Z — write Z",
        ),
        (
            "2019-02T03:30",
            "'2019-02T03:30' has a time but no day — a time of day needs the whole date, such as "
            "2019-02-26T03:30",
        ),
        (
            "196X-05",
            "'196X-05' leaves digits of the year unspecified, so it can have no month or day — "
            "write 196X",
        ),
        (
            "2019-XX-05",
            "'2019-XX-05' has a day of an unspecified month — write 2019-XX-XX or give the month",
        ),
        (
            "Y2019",
            "'Y2019' is not a Y year — Y is for years beyond ±9999 (more than four digits, "
            "without leading zeros); write 2019",
        ),
        (
            "Y-13800000000~",
            "'Y-13800000000' takes no qualifier — EDTF marks only dates of four-digit years as "
            "uncertain or approximate; say it in the body or in date_label",
        ),
    ],
)
def test_errors_of_times_unspecified_digits_and_deep_time(
    root: Path, date: str, message: str
) -> None:
    replace(root, "events/strike.md", "date: 2019-02-26", f"date: {date}")
    assert errors(root) == [f"content/events/strike.md:4: date: {message}"]
