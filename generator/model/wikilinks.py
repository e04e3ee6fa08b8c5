"""`[[id]]` and `[[id|text]]` links in Markdown bodies: part of the model, since validation checks
their targets, the link graph counts them as backlinks and rendering turns them into links."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

WIKILINK = re.compile(r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]")


@dataclass(frozen=True, slots=True)
class WikiLink:
    """A `[[target|text]]` found in a body; `offset` is where it starts."""

    target: str
    text: str
    offset: int


def find_wikilinks(body: str) -> tuple[WikiLink, ...]:
    """Every `[[…]]` link in a Markdown body, in order."""
    return _wikilinks(body)


# Validation, linking and rendering each look for a body's links, on every rebuild.
@functools.lru_cache(maxsize=1 << 16)
def _wikilinks(body: str) -> tuple[WikiLink, ...]:
    return tuple(
        WikiLink(match.group(1).strip(), (match.group(2) or "").strip(), match.start())
        for match in WIKILINK.finditer(body)
    )
