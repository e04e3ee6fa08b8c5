"""Markdown links and images in bodies that would be lost: a relative link leads to no page
wherever the body is shown (its page, the lists, the feeds), and an image that is not a file of
content/media/ would either make readers' browsers call another host or not be published.
Images of content/media/ are checked by check/media.py."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from generator.errors import ContentError, closest
from generator.load.documents import Document

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_INDENTED = re.compile(r"^(?: {4}|\t)[^\n]*", re.M)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_WIKI = re.compile(r"\[\[[^\]\n]*\]\]")
_ESCAPE = re.compile(r"\\.")  # \[ and \! are text, not the start of a link
# [text](target "title") and ![alt](src); the target may be written <…>.
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*)(?:\s+([^)]*))?\)"
)
# ![alt][ref] and ![alt][]: an image all the same.
_REFERENCE_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\[[^\[\]\n]*\]")
# [ref]: target, but not a footnote's [^1]: text.
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S*)", re.M)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class Found:
    """A relative link or an image, at `offset` in a body."""

    offset: int
    written: str  # as the body writes it, for the message
    text: str  # the link's text or the image's alt text
    target: str
    image: bool
    title: str = ""  # `![alt](src "title")`: an image's caption


def is_local_image(found: Found) -> bool:
    """Whether `found` is an image of content/media/, which check/media.py checks."""
    return found.image and found.target.startswith(("media/", "./media/"))


def check_body_links(
    document: Document, known: Collection[str], errors: list[ContentError]
) -> None:
    """Record an error for every relative link and every image in `document`'s body; `known`
    are the ids a `[[id]]` link may name."""
    for found in scan_body(document.body):
        if is_local_image(found):
            continue
        line = document.body_line + document.body.count("\n", 0, found.offset)
        errors.append(ContentError(document.shown, line, "body", *_message(found, known)))


def _message(found: Found, known: Collection[str]) -> tuple[str, str]:
    written = found.written if len(found.written) <= 60 else found.written[:59] + "…"
    if found.image and (_SCHEME.match(found.target) or found.target.startswith("//")):
        return (
            f"`{written}` is a remote image, which would make every reader's browser call "
            "another host",
            "show it as a link card instead: a `url:` entry in the front matter's `media:`, "
            "or copy the file into content/media/ and write ![alt](media/name.jpg)",
        )
    if found.image:
        name = found.target.rsplit("/", 1)[-1] or "name.jpg"
        return (
            f"`{written}` is an image outside content/media/, so it would not be published",
            f"put the file in content/media/ and write ![{found.text or 'alt'}](media/{name})",
        )
    name = re.sub(r"\.md$", "", found.target.split("#")[0].strip("./").rsplit("/", 1)[-1])
    target = name if name in known else closest(name, known)
    text = f"|{found.text}" if found.text and found.text != target else ""
    wiki = f"[[{target or 'id'}{text}]]"
    return (
        f"`{written}` is a relative link, which leads to no page wherever the body is shown",
        f"link an event or actor as {wiki}, or write an absolute https:// URL",
    )


@functools.lru_cache(maxsize=1 << 14)
def scan_body(body: str) -> tuple[Found, ...]:
    """The relative links and images of a Markdown body, outside code."""
    text = body
    for pattern in (_FENCE, _INDENTED, _CODE_SPAN, _WIKI, _ESCAPE):
        text = pattern.sub(_blank, text)
    found = [
        Found(
            m.start(),
            m.group(0),
            m.group(2).strip(),
            m.group(3).strip("<>"),
            bool(m.group(1)),
            (m.group(4) or "").strip().strip("\"'"),
        )
        for m in _INLINE.finditer(text)
    ]
    found += [
        Found(m.start(), m.group(0), m.group(1).strip(), "", True)
        for m in _REFERENCE_IMAGE.finditer(text)
    ]
    found += [
        Found(m.start(), m.group(0), m.group(1).strip(), m.group(2).strip("<>"), False)
        for m in _DEFINITION.finditer(text)
    ]
    return tuple(sorted((f for f in found if f.image or _relative(f.target)), key=_offset))


def _offset(found: Found) -> int:
    return found.offset


def _relative(target: str) -> bool:
    """Whether a link's target is a path on this site, rather than a URL or a #fragment."""
    return not (_SCHEME.match(target) or target.startswith(("#", "//")))


def _blank(match: re.Match[str]) -> str:
    """The match as spaces, its line ends kept, so that offsets and lines do not move."""
    return re.sub(r"[^\n]", " ", match.group(0))
