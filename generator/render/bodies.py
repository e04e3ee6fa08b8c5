"""Markdown bodies, rendered once per build for every place that shows them.

A body's `[[links]]` are rendered with placeholder addresses; each page then gets links relative
to itself and the feeds and exports get absolute ones, from the same HTML. A body is rendered
again only when its text or its links' titles changed since the build that left `KeptBodies`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.incremental.affected import Edit
from generator.incremental.keep import Keep
from generator.model import urls
from generator.model.graph import Graph
from generator.model.media import LocalFile
from generator.model.timeline import shown_media
from generator.model.wikilinks import find_wikilinks
from generator.parallel import map_indexes
from generator.render.markdown import MEDIA_MARK, MarkdownRenderer
from generator.render.media import fill_images

_PLACEHOLDER = "#tl-wikilink-"
_LINK = re.compile(r'href="#tl-wikilink-([a-z0-9-]+)"')

# A digest of a body's text and of its links' titles: all that its HTML depends on. A string,
# so that the cache in .cache/ can be plain JSON.
BodyKey = str
Titles = tuple[tuple[str, str], ...]  # each link's target and its title
BodyKeys = dict[str, tuple[Titles, BodyKey]]  # by body text


@dataclass(frozen=True, slots=True)
class KeptBodies:
    """What one build's bodies leave for the next: their HTML by key (saved in .cache/) and,
    where the run keeps pieces, the bodies placed on pages and each text's links and key."""

    html: Mapping[BodyKey, str] = field(default_factory=dict)
    placed: Mapping[tuple[BodyKey, str], Markup] = field(default_factory=dict)
    keys: BodyKeys = field(default_factory=dict)


class Bodies:
    """The bodies of one graph's events and actors as HTML, with what the last build left."""

    def __init__(
        self, graph: Graph, keep: Keep, last: KeptBodies | None = None, edit: Edit | None = None
    ) -> None:
        """`last` holds an earlier build's bodies. In an `edit`, bodies placed on pages stay
        cached although this build asks for only some of them: the pages it does not plan
        again still show them; and the last build's keys stand for bodies whose links' titles
        cannot have changed. Only a run that `keep`s pieces keeps bodies placed on pages."""
        last = last if last is not None else KeptBodies()
        self.graph = graph
        self.cache = last.html
        self.used: dict[BodyKey, str] = {}  # what this build rendered or reused
        # Bodies with their links made relative to a page, by (body, page): an edit to one
        # event leaves every other page's body as it was.
        self.placed = last.placed
        self.placed_used: dict[tuple[BodyKey, str], Markup] = dict(self.placed) if edit else {}
        self.remember = keep.pieces
        self._markdown: MarkdownRenderer | None = None
        self.keys: BodyKeys = {}
        # An edit that changed no actor keeps every title but those of the changed events.
        carried = edit is not None and edit.dirty is not None
        self._known = last.keys if carried else {}
        self._changed = edit.events if edit is not None else frozenset()
        self._images: dict[str, LocalFile] | None = None

    def kept(self) -> KeptBodies:
        """What this build's bodies leave for the next, once every page and output is made."""
        if not self.remember:
            return KeptBodies(self.used)
        return KeptBodies(self.used, self.placed_used, self.keys)

    @property
    def images(self) -> dict[str, LocalFile]:
        """The images that bodies place, by the name bodies give them (`media/x.jpg`)."""
        if self._images is None:
            shown = shown_media(self.graph.timeline)
            self._images = {m.local.file: m.local for m in shown if m.local is not None}
        return self._images

    def _target(self, target: str) -> tuple[str, str] | None:
        """(output path, title) of a link target, or None for an unknown one."""
        event = self.graph.events.get(target)
        if event is not None:
            return urls.event(target), event.title
        actor = self.graph.timeline.actors.get(target)
        if actor is not None:
            return urls.actor(target), actor.name
        return None

    def _key(self, text: str) -> BodyKey:
        return self._keyed(text)[1]

    def links(self, text: str) -> Titles:
        """The targets of the body's wiki links and their titles: all the body takes from
        elsewhere, for the keys of anything made from it."""
        return self._keyed(text)[0]

    def _keyed(self, text: str) -> tuple[Titles, BodyKey]:
        keyed = self.keys.get(text)
        if keyed is None:
            keyed = self._known.get(text)
            links = find_wikilinks(text)
            if keyed is None or any(link.target in self._changed for link in links):
                titles = tuple(
                    (link.target, resolved[1] if (resolved := self._target(link.target)) else "")
                    for link in links
                )
                digest = hashlib.sha256(text.encode())
                for target, title in titles:
                    digest.update(f"\0{target}\0{title}".encode())
                keyed = (titles, digest.hexdigest())
            self.keys[text] = keyed
        return keyed

    def _render(self, text: str) -> str:
        if self._markdown is None:
            self._markdown = MarkdownRenderer()
        return self._markdown.render(text, self._placeholder)

    def prepare(self, texts: Iterable[str]) -> None:
        """Render every body of `texts` not rendered yet, on all cores: a cold build's biggest
        cost, which `html` would otherwise pay one body at a time."""
        missing = {}
        for text in texts:
            key = self._key(text)
            cached = self.used.get(key) or self.cache.get(key)
            if cached is None:
                missing[key] = text
            else:
                self.used[key] = cached
        keys, sources = list(missing), list(missing.values())
        rendered = map_indexes(lambda index: self._render(sources[index]), len(sources))
        self.used.update(zip(keys, rendered, strict=True))

    def html(self, text: str) -> str:
        """The body `text` as HTML whose wiki links point at placeholders."""
        key = self._key(text)
        cached = self.used.get(key) or self.cache.get(key)
        if cached is None:
            cached = self._render(text)
        self.used[key] = cached
        return cached

    def _placeholder(self, target: str) -> tuple[str, str] | None:
        resolved = self._target(target)
        return None if resolved is None else (_PLACEHOLDER + target, resolved[1])

    def for_page(self, text: str, page: str) -> Markup:
        """The body as HTML for the page at output path `page`, its links relative to it."""
        key = (self._key(text), page)
        html = self.html(text)  # also keeps the body in the cache for the next build
        # A body's images are not part of its key: one that places them is filled every time.
        with_images = MEDIA_MARK in html
        placed = None if with_images else self.placed.get(key)
        if placed is None:
            placed = Markup(self._fill(html, lambda path: urls.href(page, path)))
        if self.remember and not with_images:
            self.placed_used[key] = placed
        return placed

    def absolute(self, text: str, images_from: str | None = None) -> str:
        """The body as HTML with absolute links, for feeds and exports read off the site; with
        `images_from`, an output path, its images are linked from there instead (TimelineJS
        shows slides in the interactive page, which must load them from the site it is on)."""
        base_url = self.graph.timeline.site.base_url

        def absolute(path: str) -> str:
            return urls.absolute(base_url, path)

        if images_from is None:
            return self._fill(self.html(text), absolute)
        return self._fill(self.html(text), absolute, lambda path: urls.href(images_from, path))

    def _fill(
        self, html: str, address: Callable[[str], str], images: Callable[[str], str] | None = None
    ) -> str:
        def replace(match: re.Match[str]) -> str:
            resolved = self._target(match.group(1))
            assert resolved is not None, "placeholders are made only for known targets"
            return f'href="{address(resolved[0])}"'

        filled = _LINK.sub(replace, html) if _PLACEHOLDER in html else html
        return fill_images(filled, self.images, images or address)
