"""The passage of a source nearest to a quote that is not in it, and how the two differ: so that
the error about a wrong quote says what to change.

The seed is indexed once (where each word stands); a quote's rarest words vote for where the
passage may start, and only those few candidate windows are compared with the quote.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher

from generator.check.quotes import SearchableText, normalise
from generator.check.words import WORD, WordIndex
from generator.load.text import visible
from generator.model.timeline import Source

_ELLIPSIS = "..."  # as normalise leaves `…`
_TOKEN = re.compile(r"\.\.\.|\w+|[^\w\s]")
_VOTERS = 8  # the rarest words of a quote, which score the places it may be
_ANCHORS = 3  # of them, the ones whose places are scored
_MOST_PLACES = 2000  # of each anchor: a quote of only common words is looked for less widely
_CANDIDATES = 4  # windows compared with the quote
_BUCKET = 32  # characters: votes for nearby starts count together
_CLOSE_ENOUGH = 0.5  # below this share of tokens in common, no passage is near
_SHOWN_DIFFERENCES = 3
_LONGEST_SHOWN = 300  # characters of a passage in a message
_EXACTLY = "copy the passage exactly from the source (whitespace and quote marks may differ)"


@dataclass(frozen=True, slots=True)
class Nearest:
    """The passage nearest to a quote: its span in the original text, and the differences."""

    start: int
    end: int
    differences: tuple[str, ...]


def wrong_quote(source: Source, text: SearchableText, quote: str) -> str:
    """How to fix a quote that is not in the source: the nearest passage, where it is, and how
    it differs; or, when nothing is near, to copy the passage."""
    found = nearest(text, quote)
    if found is None:
        return _EXACTLY
    passage = _excerpt(source.text, found.start, found.end)
    differences = "; ".join(found.differences) or (
        "its parts are there, but not in this order within one paragraph"
    )
    return f'the nearest passage ({where(source, found.start)}) reads "{passage}": {differences}'


def where(source: Source, offset: int) -> str:
    """Where `offset` of the source's text is, as its reader would find it: the page of a PDF,
    the paragraph of a web page's text, the line of a text file."""
    if source.kind == "pdf":
        return f"p. {bisect.bisect_right(source.pages, offset)}"
    if source.kind == "html":
        return f"paragraph {bisect.bisect_right(_line_ends(source.text, 2), offset) + 1}"
    return f"line {bisect.bisect_right(_line_ends(source.text, 1), offset) + 1}"


@functools.lru_cache(maxsize=8)
def _line_ends(text: str, breaks: int) -> array[int]:
    """Where each line (`breaks` 1) or paragraph (2: a blank line) of `text` ends."""
    return array("q", (m.start() for m in re.finditer("\n" * breaks, text)))


def _excerpt(text: str, start: int, end: int) -> str:
    """text[start:end] on one line, with `…` where it is cut from its line."""
    shown = " ".join(text[start:end].split())
    if len(shown) > _LONGEST_SHOWN:
        shown = shown[: _LONGEST_SHOWN - 1].rstrip() + "…"
    before = "…" if (start > 0 and not text[start - 1].isspace()) or _mid_line(text, start) else ""
    after = "…" if end < len(text) and text[end] != "\n" else ""
    return visible(before + shown + after)


def _mid_line(text: str, start: int) -> bool:
    """Whether there is text before `start` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(text[line_start:start].strip())


def nearest(text: SearchableText, quote: str) -> Nearest | None:
    """The passage of `text` nearest to `quote`, or None when no passage has even half of the
    quote's words and marks. An ellipsis in the quote stands for whatever the passage has there."""
    needle = normalise(quote)
    tokens = _tokens(needle)
    if not tokens:
        return None
    best: tuple[float, list[_Token], SequenceMatcher[str]] | None = None
    for start in _candidates(text.words(), needle):
        offset = max(0, start - len(needle) - _BUCKET)
        found = _tokens(text.normalised[offset : start + 2 * len(needle) + _BUCKET], offset)
        region = _aligned([t[2] for t in tokens], [t[2] for t in found])
        if region is None:
            continue
        passage = found[region[0] : region[1]]
        matcher = SequenceMatcher(None, [t[2] for t in tokens], [t[2] for t in passage], False)
        if best is None or matcher.ratio() > best[0]:
            best = (matcher.ratio(), passage, matcher)
    if best is None:
        return None
    _, passage, matcher = best
    # Close enough when it has half of the quote's words and marks (an ellipsis is none).
    words = sum(1 for token in tokens if token[2] != _ELLIPSIS)
    if sum(block.size for block in matcher.get_matching_blocks()) < _CLOSE_ENOUGH * words:
        return None
    start, end = text.span(passage[0][0], passage[-1][1])
    return Nearest(start, end, _differences(needle, tokens, text.normalised, passage))


_Token = tuple[int, int, str]


def _tokens(text: str, offset: int = 0) -> list[_Token]:
    """The words, marks and ellipses of `text`, each with its span (from `offset`)."""
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _candidates(index: WordIndex, needle: str) -> list[int]:
    """Normalised positions where a passage like `needle` may start, the likeliest first: each
    place one of its rarest words stands, scored by how many of its rare words stand near."""
    found = {(len(index.positions(m.group())), m.group(), m.start()) for m in WORD.finditer(needle)}
    voters = [(index.positions(w), at) for count, w, at in sorted(found) if count][:_VOTERS]
    slack = max(16, len(needle) // 3)  # words move when others are put in or left out
    scores: dict[int, tuple[int, int]] = {}  # by bucket of starts: (-score, start)
    for positions, at in voters[:_ANCHORS]:
        for position in positions[:_MOST_PLACES]:
            start = position - at
            if start // _BUCKET in scores:
                continue
            near = 0
            for others, offset in voters:
                i = bisect.bisect_left(others, start + offset - slack)
                near += i < len(others) and others[i] <= start + offset + slack
            scores[start // _BUCKET] = (-near, start)
    return [start for _, start in sorted(scores.values())[:_CANDIDATES]]


def _aligned(tokens: list[str], window: list[str]) -> tuple[int, int] | None:
    """The tokens of `window` that line up with the quote's, from the first to the last."""
    blocks = [
        b
        for b in SequenceMatcher(None, tokens, window, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(window), last.b + last.size + (len(tokens) - last.a - last.size))
    return start, end


def _differences(
    needle: str, quote: list[_Token], normalised: str, source: list[_Token]
) -> tuple[str, ...]:
    """How the quote's tokens differ from the passage's, in words; what the quote leaves out
    with an ellipsis is no difference."""
    said: list[str] = []
    matcher = SequenceMatcher(None, [t[2] for t in quote], [t[2] for t in source], False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal" or [t[2] for t in quote[a1:a2]] == [_ELLIPSIS]:
            continue
        ours, theirs = _words(needle, quote[a1:a2]), _words(normalised, source[b1:b2])
        if tag == "replace":
            said.append(f'the quote has "{ours}" where the source has "{theirs}"')
        elif tag == "delete":
            said.append(f'the quote has "{ours}", which the source does not')
        else:
            said.append(f'the source has "{theirs}", which the quote leaves out')
    if len(said) > _SHOWN_DIFFERENCES:
        more = len(said) - _SHOWN_DIFFERENCES
        said = [*said[:_SHOWN_DIFFERENCES], f"{more} more difference{'s' if more > 1 else ''}"]
    return tuple(said)


def _words(text: str, tokens: list[_Token]) -> str:
    """The stretch of `text` that `tokens` cover, on one line."""
    if not tokens:
        return ""
    return visible(" ".join(text[tokens[0][0] : tokens[-1][1]].split()))
