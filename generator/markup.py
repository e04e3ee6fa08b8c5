"""Markdown bodies as HTML, with `[[id]]` and `[[id|text]]` links to events and actors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from markdown.inlinepatterns import InlineProcessor

WIKILINK = re.compile(r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]")
# Chosen by measurement: `extra` and `smarty` cost about three times as much per body.
EXTENSIONS = ("tables", "fenced_code", "footnotes", "sane_lists")


@dataclass(frozen=True, slots=True)
class WikiLink:
    """A `[[target|text]]` found in a body; `offset` is where it starts."""

    target: str
    text: str
    offset: int


def find_wikilinks(body: str) -> list[WikiLink]:
    """Every `[[…]]` link in a Markdown body, in order."""
    return [
        WikiLink(match.group(1).strip(), (match.group(2) or "").strip(), match.start())
        for match in WIKILINK.finditer(body)
    ]


# A resolver turns a link target into (href, default text), or None when it is unknown.
Resolver = Callable[[str], tuple[str, str] | None]


class _WikiLinkProcessor(InlineProcessor):
    def __init__(self, renderer: MarkdownRenderer) -> None:
        super().__init__(WIKILINK.pattern)
        self.renderer = renderer

    # The stubs themselves must ignore the override: Python-Markdown changed the signature.
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        target = m.group(1).strip()
        resolved = self.renderer.resolve(target)
        if resolved is None:
            element = etree.Element("span", {"class": "broken-link"})
            element.text = m.group(2) or target
        else:
            href, default_text = resolved
            element = etree.Element("a", {"href": href})
            element.text = (m.group(2) or "").strip() or default_text
        return element, m.start(0), m.end(0)


class MarkdownRenderer:
    """One reusable Python-Markdown instance; reset between documents, as building one is slow."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        # Above the built-in link pattern (160), so `[[x]]` is not read as a reference link.
        self._markdown.inlinePatterns.register(_WikiLinkProcessor(self), "wikilink", 175)
        self.resolve: Resolver = lambda target: None

    def render(self, text: str, resolve: Resolver) -> str:
        """HTML for a Markdown body, with wiki links resolved by `resolve`."""
        self.resolve = resolve
        try:
            return self._markdown.reset().convert(text)
        finally:
            self.resolve = lambda target: None
