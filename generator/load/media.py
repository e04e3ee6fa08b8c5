"""content/media/: every file in it, read once and described: its digest, and for an image its
size, format and whether Pillow can decode it whole. A file's problems are reported only where
an event or actor uses it (by check/media.py); a file that nothing uses is a warning.

Pillow reads only the image's header before the size limit is checked, so a decompression bomb
(a small file of a huge image) is refused before a pixel of it is decoded.
"""

from __future__ import annotations

import hashlib
import io
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.model.media import AUDIO_TYPES, CAPTION_TYPES, IMAGE_TYPES, MEDIA_FOLDER, VIDEO_TYPES

_MB = 1024 * 1024
MAX_MEDIA_BYTES = 25 * _MB
MAX_PIXELS = 50_000_000
_ORIENTATION = 0x0112  # EXIF: 5 to 8 turn the image by a quarter
_KNOWN = (*IMAGE_TYPES, *VIDEO_TYPES, *AUDIO_TYPES, *CAPTION_TYPES)
_FORMAT_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


@dataclass(frozen=True, slots=True)
class MediaFile:
    """One file of content/media/ as read."""

    file: str  # `media/x.jpg`, as front matter names it
    shown: str  # as messages show it: `content/media/x.jpg`
    path: str  # on disk
    digest: str = ""
    width: int = 0
    height: int = 0
    fallback: str = ""  # jpeg or png, for an image
    problem: tuple[str, str] | None = None  # (what is wrong, how to fix it)


def media_folder(content: Path) -> Path:
    """Where a project's media files are."""
    return content / MEDIA_FOLDER


def read_media(path: Path, file: str, shown: str, inside: Path) -> MediaFile:
    """The file at `path`, known as `file`, described; its problem recorded rather than raised.
    `inside` is the media folder, resolved: a link out of it is refused."""
    found = MediaFile(file, shown, str(path))
    if not path.resolve().is_relative_to(inside):
        return _problem(found, "is a link to a file outside content/media/", "copy the file in")
    suffix = path.suffix.lower()
    if suffix == ".svg":
        problem = "SVG images are refused: an SVG file can carry script that runs on the page"
        return _problem(found, problem, "convert it to PNG (for example with rsvg-convert)")
    if suffix not in _KNOWN:
        return _problem(
            found,
            f"`{suffix or path.name}` files are not media the format publishes",
            f"use one of: {', '.join(_KNOWN)}",
        )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return _problem(found, "is not a regular file", "replace it with a file")
        if info.st_size > MAX_MEDIA_BYTES:
            size = f"{info.st_size / _MB:.1f} MB"
            return _problem(
                found, f"the file is {size}, more than the limit of 25 MB", "make it smaller"
            )
        data = path.read_bytes()
    except OSError as error:
        return _problem(found, f"cannot be read ({error.strerror or error})", "make it readable")
    found = MediaFile(file, shown, str(path), hashlib.sha256(data).hexdigest())
    return _image(found, data, IMAGE_TYPES[suffix]) if suffix in IMAGE_TYPES else found


def _image(found: MediaFile, data: bytes, expected: str) -> MediaFile:
    """`found` with its image's size and fallback format, or the reason it cannot be used."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format or "", image.size
                if kind != expected:
                    right = found.file.rsplit(".", 1)[0] + _FORMAT_SUFFIX.get(kind, "")
                    return _problem(
                        found,
                        f"the file's bytes are {_named(kind)}, not the {expected} image its "
                        "name says",
                        f"rename it to {right}" if kind in _FORMAT_SUFFIX else "replace it",
                    )
                if width * height > MAX_PIXELS:
                    return _bomb(found, width, height)
                image.load()
                orientation = image.getexif().get(_ORIENTATION, 1)
                alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return _bomb(found, 0, 0)
        except UnidentifiedImageError:
            return _problem(
                found,
                f"the file's bytes are no image, not the {expected} image its name says",
                "replace it with the image itself",
            )
        except (OSError, SyntaxError, ValueError) as error:
            return _problem(
                found,
                f"the image is truncated or corrupt ({error})",
                "export the image again from the original",
            )
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    fallback = "jpeg" if kind == "JPEG" or (kind == "WEBP" and not alpha) else "png"
    return MediaFile(found.file, found.shown, found.path, found.digest, width, height, fallback)


def _named(kind: str) -> str:
    return f"a {kind} image" if kind else "no image Pillow knows"


def _bomb(found: MediaFile, width: int, height: int) -> MediaFile:
    size = f"{width} × {height} pixels ({width * height / 1e6:.0f} megapixels)" if width else ""
    return _problem(
        found,
        f"the image is {size or 'too large'}, more than the limit of 50 megapixels",
        "resize it (a page never shows more than 1600 pixels across)",
    )


def _problem(found: MediaFile, problem: str, fix: str) -> MediaFile:
    return MediaFile(found.file, found.shown, found.path, found.digest, problem=(problem, fix))
