"""A saved web page as a reader sees it: its visible text (no script, style, hidden elements or
markup; block elements as paragraphs), which quotes are checked against, and the stretch of it
that holds the article, which the source's page shows."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import justext

from generator.load.text import decode_text, failed

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
# Elements whose content no reader sees (`head` holds the title, which the page does not show).
UNSEEN = frozenset(
    ["head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "select"]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    ]
)
# The elements that say what part of a page a paragraph belongs to: its content or the site's
# furniture around it. A `<header>` or `<footer>` inside an article or main is that content's
# own (a headline, a byline), as HTML's landmark rules read them; one outside is the site's.
CONTENT = ("article", "main")
FURNITURE = frozenset(["nav", "aside"])
PAGE_FURNITURE = frozenset(["header", "footer"])
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # what HTML collapses (not the no-break space)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# As browsers read them (the WHATWG Encoding standard): these labels mean windows-1252.
_WINDOWS_1252 = frozenset(("iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii"))
PARAGRAPH_BREAK = "\n\n"


class _Visible(HTMLParser):
    """Collects the paragraphs of visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.within: list[frozenset[str]] = []  # each paragraph's enclosing elements
        self.pieces: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, unseen with everything inside it)
        self.unseen = 0  # how many open elements hide their content
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # a `<head>` left open ends here
            while self.open and self.open[-1][0] != "html":
                self._pop()
        if tag in BLOCKS or tag == "br":
            self._end_paragraph() if tag != "br" else self.pieces.append("\n")
        if tag in ("td", "th"):
            self.pieces.append(" ")
        if tag in VOID:
            return
        found = dict(attrs)
        hides = (
            tag in UNSEEN
            or "hidden" in found
            or bool(_HIDDEN_STYLE.search(found.get("style") or ""))
        )
        self.open.append((tag, hides))
        self.unseen += hides
        self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._end_paragraph()
        if any(name == tag for name, _ in self.open):  # else a stray end tag, which is ignored
            while self._pop() != tag:
                pass

    def _pop(self) -> str:
        tag, hides = self.open.pop()
        self.unseen -= hides
        self.pre -= tag == "pre"
        return tag

    def handle_data(self, data: str) -> None:
        if self.unseen:
            return
        self.pieces.append(data if self.pre else _SPACES.sub(" ", data))

    def _end_paragraph(self) -> None:
        text = "".join(self.pieces)
        self.pieces = []
        if not self.pre:
            text = "\n".join(line.strip(" ") for line in text.split("\n"))
        text = text.strip("\n ")
        if text:
            self.paragraphs.append(text)
            self.within.append(frozenset(tag for tag, _ in self.open))

    def close(self) -> None:
        super().close()
        self._end_paragraph()


def html_encoding(raw: bytes, shown: str) -> str:
    """The character encoding a browser would read the page in: its byte-order mark, else its
    `<meta charset>`, else UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    found = _CHARSET.search(raw[:4096])
    if found is None:
        return "utf-8"
    name = found.group(1).decode("ascii").lower()
    if name in _WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise failed(
            shown,
            1,
            f"names the unknown character set `{name}` in its <meta charset>",
            "save the page again with UTF-8 encoding",
        ) from None


@dataclass(frozen=True, slots=True)
class VisiblePage:
    """A page's visible paragraphs, each with the names of the elements it stands within."""

    paragraphs: list[str]
    within: list[frozenset[str]]


def visible_page(raw: bytes, shown: str) -> VisiblePage:
    """The page's visible text, paragraph by paragraph; BuildFailed if it cannot be decoded."""
    text = decode_text(raw, shown, html_encoding(raw, shown))
    parser = _Visible()
    parser.feed(text)
    parser.close()
    return VisiblePage(parser.paragraphs, parser.within)


def visible_paragraphs(raw: bytes, shown: str) -> list[str]:
    """The page's visible text, paragraph by paragraph; BuildFailed if it cannot be decoded."""
    return visible_page(raw, shown).paragraphs


def article_span(raw: bytes, page: VisiblePage) -> tuple[int, int] | None:
    """The span of the text ("\\n\\n".join(paragraphs)) from the first paragraph of the article
    to its last: as the extractor (jusText) finds it, else as the page's own elements mark it
    (a short page gives jusText too little text to judge); None when neither finds one."""
    found = _extracted(raw, page.paragraphs) or _marked(page)
    return _span(page.paragraphs, *found) if found else None


def _extracted(raw: bytes, paragraphs: list[str]) -> tuple[int, int] | None:
    """The first and last paragraph of the article as jusText finds it, or None."""
    try:
        stop_words, low, high = _stop_words(raw)
        found = justext.justext(raw, stop_words, stopwords_low=low, stopwords_high=high)
    except Exception:  # lxml refuses some pages: the page's elements then decide
        return None
    good = [" ".join(p.text.split()) for p in found if not p.is_boilerplate]
    good = [text for text in good if text]
    if not good:
        return None
    flat = [" ".join(paragraph.split()) for paragraph in paragraphs]
    first = next((i for i, p in enumerate(flat) if good[0] in p), None)
    last = next((i for i in reversed(range(len(flat))) if good[-1] in flat[i]), None)
    if first is None or last is None or last < first:
        return None
    return first, last


def _marked(page: VisiblePage) -> tuple[int, int] | None:
    """The first and last paragraph of the page's `<article>`, else of its `<main>`, else of
    what stands outside its navigation, asides, page header and footer; never furniture. None
    when the page marks nothing apart."""
    content = [i for i, within in enumerate(page.within) if not _furniture(within)]
    for element in CONTENT:
        inside = [i for i in content if element in page.within[i]]
        if inside:
            return inside[0], inside[-1]
    if not content or len(content) == len(page.paragraphs):
        return None
    return content[0], content[-1]


def _furniture(within: frozenset[str]) -> bool:
    """Whether a paragraph within these elements is the site's furniture, not its content."""
    in_content = any(element in within for element in CONTENT)
    return bool(within & FURNITURE or (within & PAGE_FURNITURE and not in_content))


def _span(paragraphs: list[str], first: int, last: int) -> tuple[int, int]:
    """The span of the joined text from paragraph `first`'s start to paragraph `last`'s end."""
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph) + len(PARAGRAPH_BREAK))
    return starts[first], starts[last] + len(paragraphs[last])


def _stop_words(raw: bytes) -> tuple[frozenset[str], float, float]:
    """jusText's English stop words and thresholds for a page in English (or saying no
    language); else none, and jusText judges paragraphs by their length and links alone."""
    lang = re.search(rb"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]+)", raw[:4096], re.IGNORECASE)
    if lang is None or lang.group(1).lower() == b"en":
        return justext.get_stoplist("English"), 0.30, 0.32
    return frozenset(), 0, 0
