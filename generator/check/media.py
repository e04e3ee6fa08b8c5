"""`media:` lists of events and actors, and the images their bodies place: each local file must
be a usable file of content/media/, each image described, each remote entry an http(s) link.
Files that nothing uses are warned about: they are not published."""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Collection, Iterable, Mapping
from urllib.parse import urlsplit

from generator.check.bodies import Found, is_local_image, scan_body
from generator.check.fields import Fields, value_kind
from generator.errors import ContentError, closest
from generator.load.documents import Document
from generator.load.media import MediaFile
from generator.model.media import (
    CAPTION_TYPES,
    IMAGE_TYPES,
    LINK_KINDS,
    VIDEO_TYPES,
    LocalFile,
    Media,
)

FILE_KEYS = ("file", "alt", "caption", "credit", "source", "captions")
URL_KEYS = ("url", "title", "kind", "credit", "poster", "alt")
Files = Mapping[str, MediaFile]


def check_media(fields: Fields, files: Files, sources: Collection[str]) -> tuple[Media, ...]:
    """The `media:` list of the document whose front matter is `fields`; errors recorded.
    `sources` are the source ids an entry may cite."""
    value = fields.mapping.get("media")
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.error("media", "expected a list", "write `- file: media/…` or `- url: …` entries")
        return ()
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or ("file" in item) == ("url" in item):
            fields.error(
                ("media", index),
                f"expected a `file:` or a `url:` entry, got {_shape(item)}",
                "write `- file: media/x.jpg` with its `alt:`, or `- url: https://…` with `title:`",
            )
            continue
        entry = fields.nested("media", index)
        made = _file_entry(entry, files) if "file" in item else _url_entry(entry, files)
        source = entry.text("source")
        if source and source not in sources:
            entry.error("source", f"unknown source `{source}`", "use an id of sources.yaml")
        elif made is not None:
            found.append(dataclasses.replace(made, source=source) if source else made)
    return tuple(found)


def _shape(item: object) -> str:
    if isinstance(item, dict):
        return "both" if "file" in item else "neither"
    return value_kind(item)


def _file_entry(entry: Fields, files: Files) -> Media | None:
    entry.check_keys(FILE_KEYS)
    local = local_file(entry, "file", files)
    if local is None:
        return None
    suffix = local.suffix
    kind = "image" if suffix in IMAGE_TYPES else "video" if suffix in VIDEO_TYPES else "audio"
    if suffix in CAPTION_TYPES:
        entry.error(
            "file", "a WebVTT file is captions, not media", "give it as a video's captions:"
        )
        return None
    alt = _alt(entry, required=kind == "image")
    captions = None
    if "captions" in entry.mapping:
        captions = local_file(entry, "captions", files)
        if kind != "video" or (captions is not None and captions.suffix not in CAPTION_TYPES):
            entry.error("captions", "expected a WebVTT (.vtt) file of a video", "remove the line")
            captions = None
    caption, credit = entry.text("caption"), entry.text("credit")
    return Media(kind, local, alt, caption, credit, captions=captions)


def _url_entry(entry: Fields, files: Files) -> Media | None:
    entry.check_keys(URL_KEYS)
    url = entry.text("url", required=True)
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname or " " in url):
        entry.error(
            "url",
            f"`{url}` is not an http(s) address",
            "write the whole address, starting with https://",
        )
        return None
    title = entry.text("title", required=True)
    kind = entry.text("kind", default="page") or "page"
    if kind not in LINK_KINDS:
        entry.error("kind", f"unknown kind `{kind}`", f"use one of: {', '.join(LINK_KINDS)}")
        return None
    poster = local_file(entry, "poster", files) if "poster" in entry.mapping else None
    if poster is not None and not poster.is_image:
        entry.error("poster", "a poster must be an image", f"use one of: {', '.join(IMAGE_TYPES)}")
        return None
    alt = _alt(entry, required=poster is not None)
    if not url or not title:
        return None
    return Media(
        "link", poster, alt, "", entry.text("credit"), url=url, title=title, link_kind=kind
    )


def _alt(entry: Fields, *, required: bool) -> str:
    if required and "alt" not in entry.mapping:
        entry.error(
            "alt",
            "is missing: an image needs a text that says what it shows",
            'add `alt: "…"` (or `alt: ""` for an image that is only decoration)',
        )
    return entry.text("alt")


def local_file(entry: Fields, key: str, files: Files) -> LocalFile | None:
    """The file of content/media/ named at `key`, or None (an error recorded)."""
    name = entry.text(key, required=True)
    if not name:
        return None
    found = find_file(name, files)
    if isinstance(found, tuple):
        entry.error(key, *found)
        return None
    return found


def find_file(name: str, files: Files) -> LocalFile | tuple[str, str]:
    """The file `name` (`media/x.jpg`) of content/media/, or (what is wrong, how to fix it)."""
    normal = posixpath.normpath(name.removeprefix("./"))
    if normal.startswith("content/media/"):
        return f"`{name}` names the file from the project", f"write it as {normal[8:]}"
    if not normal.startswith("media/") or normal != name.removeprefix("./"):
        return (
            f"`{name}` lies outside content/media/",
            "put the file in content/media/ and write its path from content/, as media/x.jpg",
        )
    media = files.get(normal)
    if media is None:
        near = closest(normal, files)
        hint = f" (did you mean `{near}`?)" if near else ""
        return f"`{name}` does not exist{hint}", "add the file to content/media/ or fix the name"
    if media.problem is not None:
        problem, fix = media.problem
        return f"`{name}`: {problem}", fix
    return LocalFile(
        media.file, media.digest, media.width, media.height, media.fallback, media.path
    )


def used_files(media: Iterable[Media]) -> set[str]:
    """The names of every local file of `media`."""
    return {f.file for entry in media for f in entry.files()}


def unused_warnings(files: Files, used: set[str]) -> list[ContentError]:
    """A warning for each file of content/media/ that nothing uses: it is not published."""
    return [
        ContentError(
            media.shown,
            1,
            "",
            "no event or actor uses this file, so it is not published",
            "add it to a `media:` list or a body, or remove it",
        )
        for name, media in sorted(files.items())
        if name not in used
    ]


def body_media(document: Document, files: Files, errors: list[ContentError]) -> tuple[Media, ...]:
    """The images of content/media/ that `document`'s body places, `![alt](media/x.jpg
    "caption")`, each in a paragraph of its own; errors recorded."""
    found = []
    lines = document.body.split("\n")
    for image in scan_body(document.body):
        if not is_local_image(image):
            continue
        at = document.body.count("\n", 0, image.offset)
        error = _body_image_error(image, lines, at)
        local = find_file(image.target, files)
        if isinstance(local, tuple):
            error = error or local
        elif error is None and not local.is_image:
            error = (f"`{image.target}` is not an image", "list it in `media:` instead")
        if error is not None:
            line = document.body_line + at
            errors.append(ContentError(document.shown, line, "body", *error))
        elif isinstance(local, LocalFile):
            found.append(Media("image", local, image.text, image.title))
    return tuple(found)


def _body_image_error(image: Found, lines: list[str], at: int) -> tuple[str, str] | None:
    if not image.text:
        return (
            f"`{image.written}` has no alt text",
            f"say what the image shows: ![what it shows]({image.target})",
        )
    alone = lines[at].strip() == image.written and all(
        not lines[n].strip() for n in (at - 1, at + 1) if 0 <= n < len(lines)
    )
    if not alone:
        return (
            f"`{image.written}` shares its paragraph with other text",
            "put the image on a line of its own, with a blank line before and after it",
        )
    return None
