"""Ids: what an id may be, and how one is made from a title; the checks of files' ids against
these rules are in check/ids.py."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_ID_LENGTH = 80
# Ids name files and output folders. Windows refuses these names for a file or folder, with or
# without an extension, so `content/events/con.md` or `site/events/con/` would break a checkout
# or a copy of the site there.
RESERVED_IDS = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}
)


def slugify(
    text: str, *, max_length: int | None = MAX_ID_LENGTH, join_apostrophes: bool = True
) -> str:
    """An id from `text`: ASCII lowercase words joined by hyphens, cut at a hyphen to at most
    `max_length` characters (None: not cut); `event` when no letter or digit is left."""
    if join_apostrophes:  # "Caesar's" -> "caesars" rather than "caesar-s"
        text = re.sub("['\u2019]", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "event"
