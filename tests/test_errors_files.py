"""Content errors of files as files: the valid project, files that cannot be read, hostile paths and
YAML, and files a build would leave out.

Every test starts from the small valid project of tests/project_files.py, breaks one thing, and
compares the full `path:line: field: what is wrong — how to fix it` lines. The line numbers in the
expected messages are counted by hand from its texts, so a wrong line fails the test.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import BuildFailed
from tests.helpers import read_tree
from tests.project_files import (
    ACTORS,
    ALIAS,
    EVENTS,
    RELATIONS,
    SEED,
    YAML_FIX,
    errors,
    make_project,
    project,
    replace,
    write,
)

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


def test_unclosed_front_matter_says_where_the_closing_line_belongs(root: Path) -> None:
    replace(root, "events/aftermath.md", "---\nAfter", "After")
    # Line 7 is `    relation: follows`; line 8 starts the body.
    assert errors(root) == [
        "content/events/aftermath.md:7: the front matter that opens on line 1 is not closed — "
        "add a `---` line after line 7, its last YAML line"
    ]
    # A blank line, a comment and a Markdown heading before the body are not YAML to close.
    replace(root, "events/aftermath.md", "After", "\n# Calm\n\nAfter")
    assert errors(root)[0].startswith("content/events/aftermath.md:7: ")


@pytest.mark.parametrize(
    ("old", "new", "line", "column"),
    [
        ("status: confirmed", "status: confirmed\n\tsummary: Again.", 6, 1),
        ("  - source: article", "\t- source: article", 10, 1),
        ("    quote:", "  \tquote:", 11, 3),
    ],
)
def test_a_tab_in_the_front_matter_is_named_with_its_line_and_column(
    root: Path, old: str, new: str, line: int, column: int
) -> None:
    replace(root, "events/strike.md", old, new)
    assert errors(root) == [
        f"content/events/strike.md:{line}: YAML syntax error: a tab on line {line}, column "
        f"{column}: YAML indents with spaces only — indent with spaces"
    ]


def test_a_tab_in_site_yaml(root: Path) -> None:
    replace(root, "site.yaml", "  - name: The crisis", "\t- name: The crisis")
    assert errors(root) == [
        "content/site.yaml:6: YAML syntax error: a tab on line 6, column 1: YAML indents with "
        "spaces only — indent with spaces"
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
