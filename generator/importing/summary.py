"""A slide's HTML -> a summary and the HTML left for the body, so that no text shows twice: an
event's page shows the summary above the body, so whatever becomes the summary leaves the body.

The summary is the first paragraph when it is short and holds nothing but text (emphasis
aside), else the first sentence, when it can be cut from the paragraph's start without taking a
link, an image or a line break with it; else there is none, and the body keeps all."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from generator.importing.html_markdown import soup_of, spaced

SUMMARY_LENGTH = 240
# Elements a summary may be cut across: their text is kept, only its emphasis is lost.
_EMPHASIS = ("b", "strong", "i", "em", "u", "s", "span", "small", "mark", "sub", "sup", "font")
# Blocks whose start may become the summary; a heading or list item as the lede would read wrong.
_PARAGRAPHS = ("p", "div")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def split_summary(html: str) -> tuple[str, str]:
    """HTML -> (a summary, the HTML left for the body); the summary may be ''."""
    soup = soup_of(html)
    first = _first_paragraph(soup)
    if first is None:
        return "", html
    strings = _leading_text(first)
    text = "".join(strings)
    whole = all(tag.name in _EMPHASIS for tag in first.find_all(True))
    if whole and spaced(text) and len(spaced(text)) <= SUMMARY_LENGTH:
        first.clear()
        _tidy(first)
        return spaced(text), str(soup).strip()
    end = _SENTENCE_END.search(text)
    summary = spaced(text[: end.end()]) if end else ""
    if not summary or len(summary) > SUMMARY_LENGTH:
        return "", html
    _cut(strings, end.end() if end else 0)
    _tidy(first)
    return summary, str(soup).strip()


def _first_paragraph(soup: BeautifulSoup) -> Tag | None:
    """The block the text starts with, or the whole text when it starts with no block; None
    when it starts with a block that should not become a summary."""
    for child in soup.children:
        if isinstance(child, Tag) and child.name in _PARAGRAPHS:
            return child
        if isinstance(child, Tag) and child.name not in _EMPHASIS:
            return None
        if str(child).strip():
            return soup
    return None


def _leading_text(block: Tag) -> list[NavigableString]:
    """The strings the block starts with, up to the first element other than emphasis."""
    strings = []
    for node in block.descendants:
        if isinstance(node, Tag) and node.name not in _EMPHASIS:
            break
        if isinstance(node, NavigableString):
            strings.append(node)
    return strings


def _cut(strings: list[NavigableString], length: int) -> None:
    """Take the first `length` characters of the strings out of the tree."""
    for string in strings:
        if length <= 0:
            return
        text = str(string)
        string.replace_with(text[length:].lstrip())
        length -= len(text)


def _tidy(block: Tag) -> None:
    """Remove the emphasis left empty and the line breaks left leading by a cut."""
    for tag in block.find_all(_EMPHASIS):
        if not tag.get_text().strip():
            tag.decompose()
    for child in list(block.children):
        if isinstance(child, Tag) and child.name == "br":
            child.decompose()
        elif not isinstance(child, NavigableString) or str(child).strip():
            break
    if block.name in _PARAGRAPHS and not block.get_text().strip() and not block.find(True):
        block.decompose()
