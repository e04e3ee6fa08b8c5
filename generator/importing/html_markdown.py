"""A slide's HTML -> Markdown, its plain text and a summary, with notes of what Markdown
cannot hold (embedded frames, scripts, styles, images from elsewhere).

The conversion is markdownify's (BeautifulSoup underneath): it handles links, lists,
emphasis, headings, tables and nesting as Markdown writes them, which a converter of our own
would get wrong at the edges; it is MIT-licensed and maintained (unlike html2text, GPL)."""

from __future__ import annotations

import re
import warnings
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from markdownify import MarkdownConverter

# Elements whose content is not text: an embed, a script, a form.
_EMBEDS = ("iframe", "script", "style", "embed", "object", "video", "audio", "form", "canvas")
_KEPT_ATTRIBUTES = {"href", "title", "alt", "src", "colspan", "rowspan"}
_BLOCKS = ("p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6")
SUMMARY_LENGTH = 240


def _soup(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():  # a slide's text may be a bare URL or a file name
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def plain_text(html: str) -> str:
    """HTML (or plain text) -> its text, whitespace collapsed."""
    return _spaced(_soup(html).get_text(" "))


def _spaced(text: str) -> str:
    """Text joined from a tree's pieces, without the spaces joining put before punctuation."""
    text = " ".join(text.split())
    return re.sub(r"([(\[“‘]) | ([.,;:!?)\]”’])", lambda m: m.group(1) or m.group(2), text)


def links_in(html: str) -> list[str]:
    """The addresses the HTML's links point to, in order."""
    return [str(a.get("href")) for a in _soup(html).find_all("a") if a.get("href")]


def to_markdown(html: str) -> tuple[str, list[str]]:
    """HTML -> (Markdown, notes of what it could not keep)."""
    soup = _soup(html)
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
    converter = MarkdownConverter(heading_style="ATX", bullets="-", escape_underscores=False)
    markdown = converter.convert_soup(soup)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    return (markdown + "\n" if markdown else ""), notes


def _absolute(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in ("http", "https", "mailto") and bool(parts.netloc or parts.path)


def split_summary(html: str) -> tuple[str, str]:
    """HTML -> (a summary, the HTML left for the body): the first paragraph when it is short
    and plain, else its first sentence (shortened at a word if need be) with the body whole."""
    soup = _soup(html)
    first = next((t for t in soup.children if isinstance(t, Tag) and t.name in _BLOCKS), None)
    if first is None:
        text = plain_text(html)
        return _sentence(text), html if len(text) > SUMMARY_LENGTH or "<" in html else ""
    text = _spaced(first.get_text(" "))
    plain = first.find(["a", "img", "iframe", "code", "br"]) is None
    if first.name == "p" and plain and len(text) <= SUMMARY_LENGTH:
        first.decompose()
        return text, str(soup).strip()
    return _sentence(text), html


def _sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) <= SUMMARY_LENGTH:
        return sentence
    return sentence[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def sources_in(html: str) -> list[str]:
    """The `src` addresses of the HTML's embedded frames and media, in order."""
    return [str(t.get("src")) for t in _soup(html).find_all(True) if t.get("src")]
