"""A slide's HTML -> Markdown or its plain text, with notes of what Markdown
cannot hold (embedded frames, scripts, styles, images from elsewhere).

The conversion is markdownify's (BeautifulSoup underneath): it handles links, lists,
emphasis, headings, tables and nesting as Markdown writes them, which a converter of our own
would get wrong at the edges; it is MIT-licensed and maintained (unlike html2text, GPL)."""

from __future__ import annotations

import re
import warnings
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from markdownify import MarkdownConverter

# Elements whose content is not text: an embed, a script, a form.
_EMBEDS = ("iframe", "script", "style", "embed", "object", "video", "audio", "form", "canvas")
TITLE_LENGTH = 100  # a title made from a caption or a text, when a slide has no headline
_KEPT_ATTRIBUTES = {"href", "title", "alt", "src", "colspan", "rowspan"}


def soup_of(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():  # a slide's text may be a bare URL or a file name
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def plain_text(html: str) -> str:
    """HTML (or plain text) -> its text, whitespace collapsed."""
    return spaced(soup_of(html).get_text(" "))


def spaced(text: str) -> str:
    """Text joined from a tree's pieces, without the spaces joining put before punctuation."""
    text = " ".join(text.split())
    return re.sub(r"([(\[“‘]) | ([.,;:!?)\]”’])", lambda m: m.group(1) or m.group(2), text)


def short_title(html: str) -> str:
    """HTML -> a title made of its text: the first sentence, shortened at a word if need be."""
    text = plain_text(html)
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    return sentence[:TITLE_LENGTH].rsplit(" ", 1)[0] + " …"


def links_in(html: str) -> list[str]:
    """The addresses the HTML's links point to, in order."""
    return [str(a.get("href")) for a in soup_of(html).find_all("a") if a.get("href")]


def to_markdown(html: str) -> tuple[str, list[str]]:
    """HTML -> (Markdown, notes of what it could not keep)."""
    soup = soup_of(html)
    notes = []
    for tag in soup.find_all(_EMBEDS):
        source = tag.get("src") or tag.get("data") or ""
        notes.append(f"an embedded <{tag.name}>{f' ({source})' if source else ''}, left out")
        tag.decompose()
    for image in soup.find_all("img"):
        source, alt = str(image.get("src") or ""), str(image.get("alt") or "")
        if _absolute(source):
            notes.append(f"an image in the text ({source}), written as a link to it")
            link = soup.new_tag("a", href=source)
            link.string = alt or source
            image.replace_with(link)
        else:
            notes.append(f"an image in the text ({source}), left out: give it as media")
            image.decompose()
    for link in soup.find_all("a"):
        href = str(link.get("href") or "")
        if href and not _absolute(href):
            notes.append(f"a link to `{href}`, which leads nowhere from here: its text kept")
            link.unwrap()
    dropped = sorted(
        {
            f"`{name}` on <{tag.name}>"
            for tag in soup.find_all(True)
            for name in tag.attrs
            if name not in _KEPT_ATTRIBUTES
        }
    )
    if dropped:
        notes.append(f"HTML attributes: {', '.join(dropped)}")
    _plain_tables(soup)
    converter = MarkdownConverter(
        heading_style="ATX", bullets="-", escape_underscores=False, table_infer_header=True
    )
    markdown = converter.convert_soup(soup)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return (markdown + "\n" if markdown else ""), notes


def _plain_tables(soup: BeautifulSoup) -> None:
    """Tables as a Markdown table can hold them: the caption becomes a paragraph above, the
    column groups go. markdownify starts a table's header only at a first row with nothing
    before it, and without `table_infer_header` writes an empty header above a table whose
    first row has no <th> cells."""
    for table in soup.find_all("table"):
        for caption in table.find_all("caption"):
            caption.name = "p"
            table.insert_before(caption.extract())
        for group in table.find_all(["colgroup", "col"]):
            group.decompose()


def markup_in(html: str) -> list[str]:
    """The names of the HTML elements in `html` other than links, sorted: `['b', 'br']`."""
    return sorted({tag.name for tag in soup_of(html).find_all(True)} - {"a"})


def _absolute(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in ("http", "https", "mailto") and bool(parts.netloc or parts.path)


def sources_in(html: str) -> list[str]:
    """The `src` addresses of the HTML's embedded frames and media, in order."""
    return [str(t.get("src")) for t in soup_of(html).find_all(True) if t.get("src")]
