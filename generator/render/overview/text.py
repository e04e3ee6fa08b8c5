"""How wide a text is drawn, estimated without a font, and cutting text to fit a width."""

from __future__ import annotations

import functools
import itertools

from generator.render.overview.sizes import LABEL_SIZE

# Advance widths in em of DejaVu Sans, the widest common sans-serif and the one Linux browsers
# pick for system-ui: estimating with it errs towards more room, never towards overlaps.
_EM = {
    ch: width
    for chars, width in (
        (" ',.IJijl’‘·", 0.32),
        ("-/:;\\f|", 0.36),
        ("!()[]rt", 0.4),
        ('"', 0.46),
        ("*_`sz–“”", 0.53),
        ("?Lc", 0.56),
        ("FPTYaekovxy", 0.62),
        ("ABCRVXZ", 0.7),
        ("DHNU", 0.76),
        ("&GOQw", 0.8),
        ("#+<=>M^~", 0.84),
        ("%m", 0.98),
        ("@W—…", 1.0),
    )
    for ch in chars
}


def _char_em(ch: str) -> float:
    return _EM.get(ch, 1.0 if ord(ch) >= 0x2E80 else 0.66)


@functools.lru_cache(maxsize=65536)
def _prefix_ems(text: str) -> tuple[float, ...]:
    """The width in ems of every prefix of `text`: a label is cut many times, measured once."""
    return (0.0, *itertools.accumulate(_char_em(ch) for ch in text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Text and font size -> its estimated width in the same units (an upper bound)."""
    return _prefix_ems(text)[-1] * size * (1.1 if bold else 1.0)


def shorten(text: str, width: float, size: float = LABEL_SIZE, bold: bool = False) -> str:
    """Text -> itself if it fits `width`, else its longest word-boundary prefix + '…' that does."""
    bolder = 1.1 if bold else 1.0
    if _prefix_ems(text)[-1] * size * bolder <= width:
        return text
    ellipsis = _char_em("…")
    words = text.split()
    joined = " ".join(words)
    ems = _prefix_ems(joined)
    end = len(joined)
    for count in range(len(words) - 1, 0, -1):
        end -= len(words[count]) + 1
        cut = end
        while cut and joined[cut - 1] in ",:;–—-":
            cut -= 1
        if (ems[cut] + ellipsis) * size * bolder <= width:
            return joined[:cut] + "…"
    ems = _prefix_ems(text)
    for end in range(len(text) - 1, 0, -1):
        cut = len(text[:end].rstrip())
        if (ems[cut] + ellipsis) * size * bolder <= width:
            return text[:cut] + "…"
    return ""


def wrap(name: str, width: float) -> tuple[str, ...]:
    """A lane name -> one or two lines that fit `width` (the second cut with '…' if need be)."""
    if text_width(name, LABEL_SIZE, bold=True) <= width:
        return (name,)
    words = name.split()
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count])
        if text_width(head, LABEL_SIZE, bold=True) <= width:
            return head, shorten(" ".join(words[count:]), width, bold=True)
    return (shorten(name, width, bold=True),)
