"""Where each word of a normalised text stands: built once for a seed that many quotes are
looked up in, to find them, and the passages nearest to the ones that are not there, without
reading the whole text for each."""

from __future__ import annotations

import bisect
import re
from array import array

WORD = re.compile(r"\w+")
_NOWHERE: array[int] = array("q")


class WordIndex:
    """The positions of each word of a text, sorted; lowercased, unless lowercasing would
    change the text's length (and so every position after it)."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        self.folded = len(lowered) == len(text)
        self.where: dict[str, array[int]] = {}
        for match in WORD.finditer(lowered if self.folded else text):
            positions = self.where.get(match.group())
            if positions is None:
                positions = self.where[match.group()] = array("q")
            positions.append(match.start())

    def positions(self, word: str) -> array[int]:
        """Where `word` stands, as a whole word."""
        return self.where.get(word.lower() if self.folded else word, _NOWHERE)

    def first(self, needle: str, text: str, start: int) -> int | None:
        """Where `needle` first stands in `text` at or after `start` (-1: nowhere), found from
        its rarest whole word; None when it has no word that is whole in it."""
        inner = [m for m in WORD.finditer(needle) if m.start() > 0 and m.end() < len(needle)]
        if not inner:
            return None
        rarest = min(inner, key=lambda m: len(self.positions(m.group())))
        offset = rarest.start()
        positions = self.positions(rarest.group())
        for index in range(bisect.bisect_left(positions, start + offset), len(positions)):
            if text.startswith(needle, positions[index] - offset):
                return positions[index] - offset
        return -1
