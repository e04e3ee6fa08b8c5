"""Media as HTML: a local image as a <picture> of its renditions (WebP, then the fallback
format), with its width and height so that nothing moves while it loads; and a body's images,
which Markdown leaves as markers (see markdown.py), as figures."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from markupsafe import Markup

from generator.model.media import LocalFile
from generator.render.markdown import MEDIA_MARK

# The width an image takes on a page: the content column, or the whole screen when narrower.
SIZES = "(min-width: 42.5rem) 40rem, 100vw"  # style.css: --measure and its padding
# A body's image, as the renderer leaves it and the sanitiser writes it back.
_MARKER = re.compile(r'<p><a href="#tl-media-([^"]+)"((?:\s[^\s="]+="[^"]*")*)>(.*?)</a></p>', re.S)
_TITLE = re.compile(r'\stitle="([^"]*)"')

Address = Callable[[str], str]  # an output path -> the link to it from where it is shown


def picture(image: LocalFile, alt: str, address: Address, *, lazy: bool = True) -> Markup:
    """The <picture> of a local image: every rendition, links made by `address`; `alt` is
    plain text. A `lazy` image loads only when the reader scrolls near it."""
    renditions = image.renditions()
    largest = renditions[-1]
    sets: dict[str, list[str]] = {}
    for rendition in renditions:
        sets.setdefault(rendition.kind, []).append(f"{address(rendition.path)} {rendition.width}w")
    webp = ", ".join(sets["webp"])
    fallback = ", ".join(sets[image.fallback])
    loading = ' loading="lazy"' if lazy else ""
    return Markup(
        f'<picture><source type="image/webp" srcset="{webp}" sizes="{SIZES}">'
        f'<img src="{address(image.shared().path)}" srcset="{fallback}" sizes="{SIZES}" '
        f'width="{largest.width}" height="{largest.height}" alt="{html.escape(alt)}"'
        f'{loading} decoding="async"></picture>'
    )


def fill_images(fragment: str, images: Mapping[str, LocalFile], address: Address) -> str:
    """A body's HTML with each image marker replaced by its figure; a marker for a file not in
    `images` (which only a tampered cache could hold) by its alt text."""

    def figure(match: re.Match[str]) -> str:
        image = images.get(html.unescape(match.group(1)))
        alt = html.unescape(match.group(3))
        if image is None:
            return f"<p>{html.escape(alt)}</p>"
        title = _TITLE.search(match.group(2))
        caption = f"<figcaption>{title.group(1)}</figcaption>" if title and title.group(1) else ""
        return f'<figure class="media media-image">{picture(image, alt, address)}{caption}</figure>'

    return _MARKER.sub(figure, fragment) if MEDIA_MARK in fragment else fragment
