"""Media: the images, video, audio and link cards an event or actor shows, and the files the
build makes of each local image (its renditions).

Every file is local, under `content/media/`; a `url:` entry stays on another site and is shown
as a link card, never embedded, so no reader's browser calls that host. An image is published
only as renditions the build made from it (resized, re-encoded, every metadata block left out);
video, audio and WebVTT captions are copied as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.i18n import N_
from generator.model import urls

MEDIA_FOLDER = "media"  # under content/
IMAGE_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
AUDIO_TYPES = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".m4a": "audio/mp4"}
CAPTION_TYPES = {".vtt": "text/vtt"}
# Marked for translation: a link card names its kind in the site's language.
LINK_KINDS = (N_("video"), N_("audio"), N_("document"), N_("post"), N_("page"))
# The widths a page offers a browser to choose from; an image is offered at each one up to its
# own width (an image exactly 1600 px wide gets all three), never upscaled.
WIDTHS = (480, 960, 1600)
# The width feeds, TimelineJS and link previews take: large enough for a card, small enough
# to load on a phone.
SHARED_WIDTH = 960
_MIME = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
_UNSAFE_NAME = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class LocalFile:
    """A file of content/media/ as an event or actor uses it. The digest of its bytes is part
    of the value: an edited image changes every event that shows it, and so every page."""

    file: str  # as the content names it: `media/balakot.jpg`
    digest: str  # SHA-256 of the bytes, hex
    width: int = 0  # an image's, after its EXIF orientation is applied; 0 for other files
    height: int = 0
    fallback: str = ""  # an image's fallback format beside WebP: `jpeg` or `png`
    path: str = field(default="", compare=False)  # the file on disk, for the build to read

    @property
    def suffix(self) -> str:
        """The file's extension, lowercase, with its dot."""
        name = self.file.rsplit("/", 1)[-1]
        return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""

    @property
    def is_image(self) -> bool:
        return self.suffix in IMAGE_TYPES

    @property
    def mime(self) -> str:
        """The media type a <source> or <track> gives: video, audio or WebVTT."""
        return {**VIDEO_TYPES, **AUDIO_TYPES, **CAPTION_TYPES}.get(self.suffix, "")

    @property
    def output(self) -> str:
        """Output path of a file copied as it is (video, audio, captions)."""
        return urls.media(self.digest, self.file.rsplit("/", 1)[-1])

    def renditions(self) -> tuple[Rendition, ...]:
        """An image's renditions, WebP first then the fallback format, narrowest first."""
        if not self.is_image:
            return ()
        stem = _UNSAFE_NAME.sub("-", self.file.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower())
        stem = stem.strip("-") or "image"
        made = []
        for kind in ("webp", self.fallback):
            for width in rendition_widths(self.width):
                height = max(1, round(self.height * width / self.width))
                path = urls.media(
                    self.digest, f"{stem}-{width}.{'jpg' if kind == 'jpeg' else kind}"
                )
                made.append(Rendition(path, width, height, kind))
        return tuple(made)

    def shared(self) -> Rendition:
        """The fallback rendition closest to SHARED_WIDTH, for feeds, exports and previews."""
        fallbacks = [r for r in self.renditions() if r.kind == self.fallback]
        fitting = [r for r in fallbacks if r.width <= SHARED_WIDTH]
        return fitting[-1] if fitting else fallbacks[0]

    def thumbnail(self) -> Rendition:
        """The narrowest fallback rendition."""
        return next(r for r in self.renditions() if r.kind == self.fallback)


@dataclass(frozen=True, slots=True)
class Rendition:
    """One file the build makes of an image: its output path, size and format."""

    path: str
    width: int
    height: int
    kind: str  # webp, jpeg or png

    @property
    def mime(self) -> str:
        return _MIME[self.kind]


def rendition_widths(width: int) -> tuple[int, ...]:
    """The widths an image `width` pixels wide is offered at: every width of WIDTHS up to its
    own, and its own too when it falls between two of them or below the narrowest."""
    fitting = tuple(w for w in WIDTHS if w <= width)
    return fitting if width in fitting or width > WIDTHS[-1] else (*fitting, width)


@dataclass(frozen=True, slots=True)
class Media:
    """One entry of an event's or actor's `media:` list."""

    kind: str  # image, video, audio, or link (a `url:` entry)
    local: LocalFile | None = None  # the file; a link's optional poster image
    alt: str = ""  # an image's or poster's; '' for a decorative one
    caption: str = ""
    credit: str = ""
    source: str = ""  # a source id
    captions: LocalFile | None = None  # a video's WebVTT
    url: str = ""  # a link's
    title: str = ""  # a link's
    link_kind: str = ""  # a link's: one of LINK_KINDS

    @property
    def host(self) -> str:
        """The host a link leads to, as its card names it."""
        return urlsplit(self.url).hostname or ""

    def files(self) -> tuple[LocalFile, ...]:
        """The local files this entry publishes."""
        return tuple(f for f in (self.local, self.captions) if f is not None)


def first_image(*lists: tuple[Media, ...]) -> Media | None:
    """The image that stands for an event in previews: the first image of the lists given (its
    `media:`, then its body's images)."""
    return next((m for media in lists for m in media if m.kind == "image"), None)
