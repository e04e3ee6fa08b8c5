"""Content errors between files: references, sources and quotes, links and images in bodies, media.

Every test starts from the small valid project of tests/project_files.py, breaks one thing, and
compares the full `path:line: field: what is wrong — how to fix it` lines. The line numbers in the
expected messages are counted by hand from its texts, so a wrong line fails the test.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from generator.build import build
from tests.helpers import read_tree
from tests.project_files import (
    RELATIONS,
    cli,
    errors,
    project,
    replace,
    write,
)

# References between files -----------------------------------------------------------------------


def test_unknown_actor(root: Path) -> None:
    replace(root, "events/strike.md", "actors: [army]", "actors: [army, armee]")
    assert errors(root) == [
        "content/events/strike.md:6: actors[1]: unknown actor `armee` (did you mean `army`?) — "
        "create content/actors/armee.md or fix the id"
    ]


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("actors", "army, country"),
        ("places", "The Border, the frontier"),
        ("tags", "air-strike, border"),
    ],
)
def test_a_list_written_without_brackets(root: Path, field: str, written: str) -> None:
    line = {"actors": 6, "places": 7, "tags": 8}[field]
    old = {"actors": "[army]", "places": "[The Border]", "tags": "[air-strike]"}[field]
    replace(root, "events/strike.md", f"{field}: {old}", f"{field}: {written}")
    assert errors(root) == [
        f"content/events/strike.md:{line}: {field}: `{written}` is one text, not a list — "
        f"write a list in brackets: `{field}: [{written}]`"
    ]
    replace(root, "events/strike.md", f"{field}: {written}", f"{field}: [{written}]")
    build(project(root))


def test_one_name_with_a_comma_needs_no_brackets(root: Path) -> None:
    replace(root, "places/border.md", "name: The Border", "name: Kashmir, the border")
    replace(root, "events/strike.md", "places: [The Border]", "places: Kashmir, the border")
    assert build(project(root)).timeline.events[0].places == ("border",)


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
