"""Sources as people keep them: a saved web page, a PDF and a text file, each read as its
reader sees it, every quote checked and highlighted; `publish_text: false`; `accessed:` and
`archive:`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import check
from generator.errors import BuildFailed
from generator.load.html_text import visible_paragraphs
from generator.load.seeds import read_seed
from generator.project import Project
from tests.helpers import REPO, TEMPLATES, build_into, read_tree
from tests.source_files import ARTICLE_HTML, REPORT_PAGES, make_storm, report_pdf
from tests.test_exports import validate


@pytest.fixture
def storm(tmp_path: Path) -> Path:
    return make_storm(tmp_path / "storm")


def errors_of(root: Path) -> list[str]:
    try:
        check(Project.at(root, templates=TEMPLATES))
    except BuildFailed as failure:
        return [str(error) for error in failure.errors]
    return []


def quote(root: Path, source: str, text: str) -> None:
    """Give the storm's event one more citation."""
    event = root / "content" / "events" / "reopening.md"
    old = event.read_text(encoding="utf-8")
    new = old.replace(
        "---\nThe harbour", f"  - source: {source}\n    quote: '{text}'\n---\nThe harbour"
    )
    event.write_text(new, encoding="utf-8")


def page_text(html: str) -> str:
    """The page's text without its markup, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# ---- A saved web page ------------------------------------------------------------------------


def test_a_web_page_reads_as_its_visible_text() -> None:
    paragraphs = visible_paragraphs(ARTICLE_HTML.encode(), "seeds/herald.html")
    text = "\n\n".join(paragraphs)
    assert paragraphs[:5] == ["Home", "News", "Sport", "Weather", "Harbour reopens after the storm"]
    assert paragraphs[-1] == "© The Coast Herald. All rights reserved."
    # Nothing from the head, the scripts, the style or the hidden elements.
    for unseen in ("The Coast Herald</title>", "tracking", "font-family", "Subscribe", "for ever"):
        assert unseen not in text
    # Block elements are paragraphs; lines within one are joined as a browser joins them.
    assert "sank a fishing boat at its moorings. The harbour master said the\u00a0damage" in text


def test_a_web_page_in_another_character_set(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><p>Caf\xe9 \x93cr\xe8me\x94</p>'.encode("latin-1")
    (tmp_path / "page.html").write_bytes(page)
    # As browsers read ISO-8859-1: as windows-1252, whose 0x93 and 0x94 are curly quotes.
    assert read_seed(tmp_path / "page.html", "seeds/page.html").text == "Café “crème”"


def test_the_page_shows_the_article_and_marks_the_quotes(storm: Path, tmp_path: Path) -> None:
    build_into(storm, tmp_path / "site")
    html = (tmp_path / "site" / "sources" / "herald" / "index.html").read_text(encoding="utf-8")
    text = page_text(html.split('id="text-heading"')[1])
    assert '<h2 id="text-heading">The article</h2>' in html
    assert "Harbour reopens after the storm The harbour at Port Lune" in text
    for boilerplate in ("Weather", "Most read", "All rights reserved"):
        assert boilerplate not in text
    marks = re.findall(r"<mark[^>]*>(?:<span[^>]*></span>)?<a [^>]*>([^<]*)</a></mark>", html)
    assert marks == [
        "the\u00a0damage to the quays was “less than we feared”",
        "The two cranes will be replaced",
        "the port authority said",
    ]
    assert 'id="q-reopening-1"' in html and 'id="q-reopening-2"' in html


def test_a_quote_from_outside_the_article_widens_what_the_page_shows(
    storm: Path, tmp_path: Path
) -> None:
    quote(storm, "herald", "the town council votes on the new sea wall")
    build_into(storm, tmp_path / "site")
    html = (tmp_path / "site" / "sources" / "herald" / "index.html").read_text(encoding="utf-8")
    assert "Most read: <mark" in html
    assert "All rights reserved" not in html.split('id="text-heading"')[1]


@pytest.mark.parametrize(
    "hidden",
    [
        "Subscribe now: the harbour will never close again",
        "The harbour is closed for ever.",
        "var tracking",
        "The Coast Herald</title>",
    ],
)
def test_a_quote_of_what_no_reader_sees_is_not_found(storm: Path, hidden: str) -> None:
    quote(storm, "herald", hidden.replace("'", "''"))
    [error] = errors_of(storm)
    assert error.startswith("content/events/reopening.md:18: sources[6].quote: not found in ")


SHORT_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Ferry resumes | The Coast Herald</title></head>
<body>
<header><p>The Coast Herald</p></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<main><article><header><h1>Ferry resumes</h1></header>
<p>The ferry to Saint Aubin sailed again on Tuesday.</p></article>
<aside><p>Most read: the sea wall.</p></aside></main>
<footer><p>Subscribe to our newsletter</p></footer>
</body>
</html>
"""


def article_of(root: Path, html: str) -> str | None:
    (root / "page.html").write_text(html, encoding="utf-8")
    seed = read_seed(root / "page.html", "seeds/page.html")
    return seed.text[seed.article[0] : seed.article[1]] if seed.article else None


def test_a_short_page_shows_its_article_not_its_navigation(storm: Path, tmp_path: Path) -> None:
    (storm / "seeds" / "brief.html").write_text(SHORT_PAGE, encoding="utf-8")
    with (storm / "content" / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write("brief:\n  title: Ferry resumes\n  local: seeds/brief.html\n")
    build_into(storm, tmp_path / "site")
    html = (tmp_path / "site" / "sources" / "brief" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="text-heading">The article</h2>' in html
    text = page_text(html.split('id="text-heading"')[1])
    assert "Ferry resumes The ferry to Saint Aubin sailed again on Tuesday." in text
    for furniture in ("Coast Herald", "Home", "About", "Most read", "Subscribe"):
        assert furniture not in text


_FURNITURE = (
    '<header><p>The Coast Herald</p></header><nav><a href="/">Home</a></nav>',
    "<footer><p>Subscribe to our newsletter</p></footer>",
)


@pytest.mark.parametrize(
    ("body", "article"),
    [
        # No <article>: the <main>, less its aside.
        (
            "<main><h1>Ferry resumes</h1><p>The ferry sailed.</p><aside>Most read</aside></main>",
            "Ferry resumes\n\nThe ferry sailed.",
        ),
        # Neither: what stands outside the page's header, navigation, aside and footer.
        (
            "<div><h1>Ferry resumes</h1><p>The ferry sailed.</p></div>",
            "Ferry resumes\n\nThe ferry sailed.",
        ),
        # Nothing marked apart: no article, and the page shows all its text.
        ("<div><p>Home</p><h1>Ferry resumes</h1><p>The ferry sailed.</p></div>", None),
    ],
)
def test_a_short_page_without_an_article_element(
    tmp_path: Path, body: str, article: str | None
) -> None:
    html = body.join(_FURNITURE) if article else body
    assert article_of(tmp_path, f'<html lang="en"><body>{html}</body></html>') == article


# ---- A PDF -----------------------------------------------------------------------------------


def test_a_pdf_reads_page_by_page(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(report_pdf())
    seed = read_seed(tmp_path / "report.pdf", "seeds/report.pdf")
    pages = [
        seed.text[a:b].strip() for a, b in zip(seed.pages, [*seed.pages[1:], None], strict=True)
    ]
    assert pages == ["\n".join(lines) for lines in REPORT_PAGES]
    assert seed.kind == "pdf" and seed.breaks == tuple(p - 2 for p in seed.pages[1:])


def test_pdf_quotes_give_their_page(storm: Path, tmp_path: Path) -> None:
    timeline = check(Project.at(storm, templates=TEMPLATES))
    [event] = timeline.events
    assert [(c.source, c.page) for c in event.citations] == [
        ("herald", 0),
        ("herald", 0),
        ("report", 2),
        ("report", 3),
        ("notes", 0),
        ("notes", 0),
    ]
    build_into(storm, tmp_path / "site")
    event_html = (tmp_path / "site" / "events" / "reopening" / "index.html").read_text()
    assert '<a href="../../sources/report/#page-2">p. 2</a>' in event_html
    assert '<a href="../../sources/report/#page-3">p. 3</a>' in event_html
    source_html = (tmp_path / "site" / "sources" / "report" / "index.html").read_text()
    assert [
        int(n) for n in re.findall(r'<section class="source-page" id="page-(\d+)"', source_html)
    ] == [1, 2, 3]
    page_2 = source_html.split('id="page-2"')[1].split("</section>")[0]
    assert '<mark id="q-reopening-3">' in page_2 and "q-reopening-4" not in page_2


def test_a_pdf_quote_across_a_line_break_and_a_wrong_one(storm: Path) -> None:
    quote(storm, "report", "The cranes had not been secured, as the procedure required")
    assert errors_of(storm) == [
        "content/events/reopening.md:18: sources[6].quote: not found in seeds/report.pdf — the "
        'nearest passage (p. 2) reads "…The cranes had not been secured, as the procedure '
        'requires…": the quote has "required" where the source has "requires"'
    ]


def test_a_file_that_is_not_a_pdf(storm: Path) -> None:
    (storm / "seeds" / "report.pdf").write_text("not a PDF at all", encoding="utf-8")
    [error, *_] = errors_of(storm)
    assert error.startswith(
        "content/sources.yaml:10: report.local: `seeds/report.pdf` is not a readable PDF ("
    )
    assert error.endswith(") — save the document again as a PDF, or keep its text in a .txt file")


# ---- A text file, and the site as a whole ----------------------------------------------------


def test_a_text_file_forgives_its_ligature_space_and_hyphenation(storm: Path) -> None:
    timeline = check(Project.at(storm, templates=TEMPLATES))
    notes = timeline.sources["notes"]
    spans = [(c.start, c.end) for c in timeline.events[0].citations if c.source == "notes"]
    assert [notes.text[a:b] for a, b in spans] == [
        "The \ufb01rst ferry will sail on Wednesday.\u00a0The quays are sound",
        "the\nnorth crane is beyond re-\npair",
    ]


def test_the_storm_builds_with_every_quote_checked(storm: Path, tmp_path: Path) -> None:
    assert errors_of(storm) == []
    pages = build_into(storm, tmp_path / "site")
    assert {"sources/herald/index.html", "sources/report/index.html"} <= set(pages)
    event_html = (tmp_path / "site" / "events" / "reopening" / "index.html").read_text()
    # The quote with an ellipsis is shown as written.
    assert "<p>The two cranes will be replaced … the port authority said</p>" in event_html
    archive = "https://web.archive.org/web/20210305000000/https://herald.example/harbour"
    assert f'(<a href="{archive}" rel="noopener noreferrer">archived copy</a>)' in event_html
    herald = (tmp_path / "site" / "sources" / "herald" / "index.html").read_text()
    assert "<dt>Accessed</dt><dd>5 March 2021</dd>" in herald
    assert f'<dt>Archived copy</dt><dd><a href="{archive}"' in herald


# ---- publish_text: false ---------------------------------------------------------------------


def test_publish_text_false_keeps_the_text_off_the_site(storm: Path, tmp_path: Path) -> None:
    yaml_path = storm / "content" / "sources.yaml"
    text = yaml_path.read_text().replace(
        "  local: seeds/report.pdf\n", "  local: seeds/report.pdf\n  publish_text: false\n"
    )
    yaml_path.write_text(text)
    build_into(storm, tmp_path / "site")
    site = b"\n".join(read_tree(tmp_path / "site").values()).decode("utf-8", "replace")
    # Words of the report that no event quotes are nowhere on the site.
    assert "anemometer" not in site and "crane operators had been sent home" not in site
    source_html = (tmp_path / "site" / "sources" / "report" / "index.html").read_text()
    assert "page-2" not in source_html
    items = re.findall(r'<li id="(q-[^"]+)"><q>([^<]+)</q> \(p\. (\d)\)', source_html)
    assert items == [
        ("q-reopening-3", "The cranes had not been secured, as the procedure requires", "2"),
        ("q-reopening-4", "The recommendations are not binding on the port authority", "3"),
    ]
    event_html = (tmp_path / "site" / "events" / "reopening" / "index.html").read_text()
    assert "<p>The cranes had not been secured, as the procedure requires</p>" in event_html
    assert ', p. 2 (<a href="../../sources/report/#q-reopening-3">in context</a>)' in event_html


def test_publish_text_must_be_true_or_false(storm: Path) -> None:
    yaml_path = storm / "content" / "sources.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace(
            "  local: seeds/notes.txt\n", "  local: seeds/notes.txt\n  publish_text: no way\n"
        )
    )
    assert errors_of(storm) == [
        "content/sources.yaml:14: notes.publish_text: expected true or false — write "
        "`publish_text: false` to keep the text off the site, or remove the line"
    ]


# ---- The first timeline ----------------------------------------------------------------------

_OLD_MARKS = str.maketrans(dict.fromkeys("‘’‚‛′", "'") | dict.fromkeys("“”„‟″«»", '"'))


def _old_find(text: str, quote: str) -> tuple[int, int] | None:
    """How quotes were found before web pages and PDFs: whitespace and quote marks only."""
    chars, offsets = [], []
    for index, char in enumerate(text.translate(_OLD_MARKS)):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(index)
            continue
        chars.append(char)
        offsets.append(index)
    needle = " ".join(quote.translate(_OLD_MARKS).split())
    at = "".join(chars).find(needle)
    return None if at == -1 else (offsets[at], offsets[at + len(needle) - 1] + 1)


def test_the_first_timeline_quotes_the_same_passages() -> None:
    timeline = check(Project.at(REPO, templates=TEMPLATES))
    citations = [c for e in timeline.events for c in e.citations if c.quote]
    assert len(citations) >= 10
    for citation in citations:
        source = timeline.sources[citation.source]
        assert source.kind == "text" and citation.parts == () and citation.page == 0
        assert (citation.start, citation.end) == _old_find(source.text, citation.quote)


def test_timeline_json_gives_pages_accessed_and_archive(storm: Path, tmp_path: Path) -> None:
    yaml_path = storm / "content" / "sources.yaml"
    kept = "  local: seeds/notes.txt\n  publish_text: false\n"
    yaml_path.write_text(yaml_path.read_text().replace("  local: seeds/notes.txt\n", kept))
    build_into(storm, tmp_path / "site")
    document = json.loads((tmp_path / "site" / "timeline.json").read_text(encoding="utf-8"))
    validate(document)
    sources = {source["id"]: source for source in document["sources"]}
    assert sources["herald"]["accessed"]["edtf"] == "2021-03-05"
    assert sources["herald"]["archive"].startswith("https://web.archive.org/web/2021")
    assert sources["notes"]["publish_text"] is False
    assert "accessed" not in sources["report"] and "publish_text" not in sources["report"]
    citations = document["events"][0]["citations"]
    assert [c.get("page") for c in citations] == [None, None, 2, 3, None, None]
