"""Markdown bodies as HTML, with `[[id]]` and `[[id|text]]` links to events and actors.

Bodies may hold raw HTML, and a timeline is published under its author's name, so the HTML that
Markdown makes passes through an allowlist sanitiser (nh3, a binding of the Rust ammonia crate)
before it reaches a page or a feed: the tags Markdown and its extensions produce, and nothing
that can run a script, load a frame or restyle the page.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from collections.abc import Set as AbstractSet

import markdown
import nh3
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from generator.model.wikilinks import WIKILINK

MEDIA_MARK = "#tl-media-"  # a body's image of content/media/, until render/media.py places it

# Chosen by measurement: `extra` and `smarty` cost about three times as much per body.
EXTENSIONS = ("tables", "fenced_code", "footnotes", "sane_lists")

# The sanitiser's policy. The page's <h1> is the event's title or the actor's name, so a body's
# `# Heading` becomes an <h2>; deeper headings stay as written.
ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "div", "span", "blockquote", "pre", "code"),
        *("a", "em", "strong", "b", "i", "s", "u", "del", "ins", "sub", "sup", "small", "mark"),
        *("q", "cite", "abbr", "dfn", "kbd", "samp", "var"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
    }
)
# Removed with everything inside them, rather than left as stray text.
DROPPED_WITH_CONTENT = frozenset(
    {
        *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"),
        *("noscript", "noembed", "noframes", "template", "textarea", "select", "title"),
        *("svg", "math"),
    }
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "dfn": {"title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "sup": {"id"},  # footnote references: fnref:1
    "li": {"id"},  # footnotes: fn:1
}
# Exact values only: the classes our extensions and stylesheet use, the table alignments that the
# `tables` extension writes. No other class or style attribute passes.
ALLOWED_VALUES = {
    "a": {"class": {"footnote-ref", "footnote-backref"}},
    "div": {"class": {"footnote"}},
    "span": {"class": {"broken-link"}},
    **{
        cell: {"style": {f"text-align: {side};" for side in ("left", "right", "center")}}
        for cell in ("th", "td")
    },
}
# The schemes a link may use; relative URLs (our own links, `#fn:1`) pass as written.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
EXTERNAL_REL = "noopener noreferrer"
# The footnotes extension's ids. Any other id could clash with the page's own (`main`) or shadow
# a global in a script.
_FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?:[^\s]+")
# The sanitiser writes every attribute as name="value" with `"`, `<` and `>` escaped, so these
# patterns read its output exactly.
_A_TAG = re.compile(r'<a((?:\s[^\s="]+="[^"]*")*)>')
_ATTRIBUTE = re.compile(r'\s([^\s="]+)="([^"]*)"')
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


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
            # A title is text: atomic, so that no inline pattern reads `<b>` in it as HTML.
            element.text = (m.group(2) or "").strip() or AtomicString(default_text)
            self.renderer.own_hrefs.add(href)
        return element, m.start(0), m.end(0)


class _ImagesAsText(Treeprocessor):
    """A paragraph of one image of content/media/ becomes a marker that render/media.py turns
    into its figure; any other `![alt](src)` becomes its alt text (the checks refuse them: a
    remote image would make every reader's browser call another host)."""

    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            image = paragraph[0] if len(paragraph) == 1 else None
            if image is None or image.tag != "img" or (paragraph.text or "").strip():
                continue
            src = image.get("src") or ""
            if src.startswith(("media/", "./media/")) and not (image.tail or "").strip():
                marker = etree.Element("a", {"href": MEDIA_MARK + src.removeprefix("./")})
                if image.get("title"):
                    marker.set("title", image.get("title") or "")
                marker.text = image.get("alt") or ""
                paragraph.remove(image)
                paragraph.text = None
                paragraph.append(marker)
        for parent in list(root.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if child.tag == "img":
                    text = (child.get("alt") or "") + (child.tail or "")
                    if index > 0:
                        previous = parent[index - 1]
                        previous.tail = (previous.tail or "") + text
                    else:
                        parent.text = (parent.text or "") + text
                    parent.remove(child)


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3's filter: ids only as the footnotes extension writes them."""
    if attribute == "id" and not _FOOTNOTE_ID.fullmatch(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    tag_attribute_values={
        tag: {name: set(values) for name, values in attributes.items()}
        for tag, attributes in ALLOWED_VALUES.items()
    },
    attribute_filter=_keep_attribute,
    url_schemes=set(URL_SCHEMES),
    # Our own links need no rel, so nh3's (which marks every link) is off; `_mark_external` does.
    link_rel=None,
    strip_comments=True,
)


def sanitise(fragment: str, own_hrefs: AbstractSet[str] = frozenset()) -> str:
    """An HTML fragment -> the same, with only allowed tags, attributes and URL schemes; links
    that leave the site (other than the `own_hrefs` our resolver made) get rel=noopener."""
    clean = _CLEANER.clean(fragment)
    clean = clean.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return _A_TAG.sub(lambda tag: _mark_external(tag, own_hrefs), clean)


def _mark_external(tag: re.Match[str], own_hrefs: AbstractSet[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
    href = html.unescape(attributes.get("href", ""))
    if href in own_hrefs or not (href.startswith("//") or _SCHEME.match(href)):
        return tag.group(0)
    return f'<a{tag.group(1)} rel="{EXTERNAL_REL}">'


class MarkdownRenderer:
    """One reusable Python-Markdown instance; reset between documents, as building one is slow."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        # Above the built-in link pattern (160), so `[[x]]` is not read as a reference link.
        self._markdown.inlinePatterns.register(_WikiLinkProcessor(self), "wikilink", 175)
        # Last, after the inline patterns have made the images.
        self._markdown.treeprocessors.register(_ImagesAsText(self._markdown), "images-as-text", 0)
        self.resolve: Resolver = lambda target: None
        self.own_hrefs: set[str] = set()

    def render(self, text: str, resolve: Resolver) -> str:
        """Sanitised HTML for a Markdown body, with wiki links resolved by `resolve`."""
        self.resolve = resolve
        self.own_hrefs = set()
        try:
            return sanitise(self._markdown.reset().convert(text), self.own_hrefs)
        finally:
            self.resolve = lambda target: None
            self.own_hrefs = set()
