"""The files the build makes of media: each local image in a few widths, as WebP and as its
fallback format, oriented as its EXIF says and with every metadata block left out (a photo can
carry the GPS position of whoever took it); video, audio and captions copied as they are.

Resizing is the costly part, so each rendition is kept in `.cache/media/`, named by a digest of
the image's bytes, its width and format, the recipe and Pillow's version: an unchanged image
costs reading one small file on the next build (the preview without that folder keeps them in
memory: `InMemory`). The encoders are deterministic, so a rendition made again has the same
bytes. A cached file is checked before it is used (its header must be the format and size its
name promises, without EXIF, and the whole image must decode), since a `.cache/` can come with
a commit.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import PIL
from PIL import Image, ImageOps

from generator.model.media import LocalFile, Rendition
from generator.model.timeline import Timeline, shown_media
from generator.parallel import imap_indexes
from generator.system import replace_file

RECIPE = "1"  # raise when the way renditions are made changes
_SAVE: dict[str, tuple[str, dict[str, Any]]] = {
    "webp": ("WEBP", {"quality": 80, "method": 6}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "png": ("PNG", {"optimize": True}),
}
_FORMATS = {"webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}


def local_files(timeline: Timeline) -> list[LocalFile]:
    """Every local file the timeline's events and actors show, once each, in a stable order."""
    found = {f.output: f for m in shown_media(timeline) for f in m.files()}
    return [found[path] for path in sorted(found)]


@dataclass(frozen=True, slots=True)
class InMemory:
    """Renditions kept in memory from one build to the next where no folder keeps them (the
    preview without .cache/): the last build's by name, and this build's as it uses them."""

    last: Mapping[str, bytes]
    used: dict[str, bytes] = field(default_factory=dict)


Store = Path | InMemory | None  # where renditions are kept between builds, if anywhere


def media_files(timeline: Timeline, store: Store) -> Iterator[tuple[str, bytes]]:
    """Every file made of the timeline's media, as (output path, bytes), using `store`."""
    files = local_files(timeline)
    made = imap_indexes(lambda index: _made(files[index], store), len(files), min_jobs=4)
    for local, each in zip(files, made, strict=True):
        if isinstance(store, InMemory) and local.is_image:
            # Made here or in a worker, whose memory is its own: kept as the results come back.
            names = [_cache_name(local, rendition) for rendition in local.renditions()]
            store.used.update(zip(names, (data for _, data in each), strict=True))
        yield from each


def _made(local: LocalFile, store: Store) -> list[tuple[str, bytes]]:
    if not local.is_image:
        return [(local.output, Path(local.path).read_bytes())]
    return list(renditions(local, store))


def renditions(image: LocalFile, store: Store) -> Iterable[tuple[str, bytes]]:
    """Each rendition of `image` with its bytes: from `store` where it is, else made (and kept
    in a folder; the caller keeps those in memory)."""
    wanted = image.renditions()
    found = {r: _kept(store, image, r) for r in wanted} if store is not None else {}
    missing = [r for r in wanted if found.get(r) is None]
    if missing:
        with Image.open(image.path) as source:
            upright = _upright(source)
            for rendition in missing:
                data = _encode(upright, rendition)
                found[rendition] = data
                if isinstance(store, Path):
                    store.mkdir(parents=True, exist_ok=True)
                    replace_file(store / _cache_name(image, rendition), data)
    return [(r.path, found[r] or b"") for r in wanted]


def _kept(store: Path | InMemory, image: LocalFile, rendition: Rendition) -> bytes | None:
    if isinstance(store, InMemory):  # made by this process: nobody else could have changed it
        return store.last.get(_cache_name(image, rendition))
    return _cached(store, image, rendition)


def _upright(source: Image.Image) -> Image.Image:
    """The image's first frame turned as its EXIF orientation says, in a mode every encoder
    takes, and with no metadata left."""
    source.seek(0)
    upright = ImageOps.exif_transpose(source)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    upright = upright.convert("RGBA" if has_alpha else "RGB")
    upright.info = {}
    return upright


def _encode(image: Image.Image, rendition: Rendition) -> bytes:
    if image.size != (rendition.width, rendition.height):
        image = image.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    if rendition.kind == "jpeg" and image.mode != "RGB":
        image = image.convert("RGB")
    image.info = {}  # resizing copies it: nothing of the source's metadata may be written
    kind, options = _SAVE[rendition.kind]
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def _cache_name(image: LocalFile, rendition: Rendition) -> str:
    key = f"{RECIPE}\0{PIL.__version__}\0{image.digest}\0{rendition.width}\0{rendition.kind}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "." + rendition.kind


def _cached(cache: Path, image: LocalFile, rendition: Rendition) -> bytes | None:
    try:
        data = (cache / _cache_name(image, rendition)).read_bytes()
        with Image.open(io.BytesIO(data)) as kept:
            size = (rendition.width, rendition.height)
            clean = not kept.getexif() and "icc_profile" not in kept.info
            if kept.format == _FORMATS[rendition.kind] and kept.size == size and clean:
                # Decoded to the end: a sound header can sit on a file cut short (a copy of
                # .cache/ that stopped half-way), whose image would end in grey.
                kept.load()
                return data
    except (OSError, SyntaxError, ValueError):
        pass
    return None
