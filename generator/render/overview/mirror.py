"""A drawing mirrored for a language written right to left: time runs from right to left, the
earliest event on the right, and the lane names stand on the right, while every text still
reads as written.

The drawing is made left to right, then its shapes are mirrored by one transform; each text
gets the inverse transform about its own x (so its glyphs are not mirrored, only moved to the
mirrored place) and the other anchor, so that it runs from the mirrored point the other way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.render.overview.svg import num

_TEXT = re.compile(r"<text\b([^>]*)>")
_X = re.compile(r'\bx="([-0-9.]+)"')
_ANCHOR = re.compile(r'\btext-anchor="(start|middle|end)"')
_OTHER = {"start": "end", "middle": "middle", "end": "start"}


def _text(match: re.Match[str]) -> str:
    attributes = match.group(1)
    found = _X.search(attributes)
    x = float(found.group(1)) if found else 0.0
    anchor = _ANCHOR.search(attributes)
    side = _OTHER[anchor.group(1) if anchor else "start"]
    attributes = _ANCHOR.sub("", attributes).rstrip()
    flip = f' transform="matrix(-1 0 0 1 {num(2 * x)} 0)"'
    return f'<text{attributes} text-anchor="{side}"{flip}>'


def mirrored(lines: Iterable[str], width: float) -> Iterator[str]:
    """SVG `lines` drawn left to right in a viewBox `width` wide -> the same drawing with time
    running right to left and its texts legible."""
    yield f'<g class="overview-rtl" transform="matrix(-1 0 0 1 {num(width)} 0)">'
    for line in lines:
        yield _TEXT.sub(_text, line)
    yield "</g>"
