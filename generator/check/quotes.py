"""Finding quotes verbatim in a source's text, forgiving whitespace and the style of quote marks."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Typographic quote marks and apostrophes compare equal to their straight forms.
_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text with straight quote marks and each run of whitespace as one space, stripped."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS)).strip()


@dataclass(frozen=True, slots=True)
class SearchableText:
    """A source's text, normalised once, with the original offset of every normalised character."""

    normalised: str
    # offsets[i] is where normalised[i] stands in the original; one extra entry marks the end.
    offsets: tuple[int, ...]

    def find(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) span of `quote` in the original text, or None when it is not there."""
        needle = normalise(quote)
        if not needle:
            return None
        at = self.normalised.find(needle)
        if at == -1:
            return None
        end = at + len(needle)
        return self.offsets[at], self.offsets[end - 1] + 1


# Every rebuild checks quotes against the same seed texts: each is indexed once while unchanged.
@functools.lru_cache(maxsize=8)
def searchable(text: str) -> SearchableText:
    """Index `text` for `SearchableText.find`."""
    chars: list[str] = []
    offsets: list[int] = []
    translated = text.translate(_QUOTE_MARKS)
    pending_space = False
    for index, char in enumerate(translated):
        if char.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            offsets.append(index - 1)
            pending_space = False
        chars.append(char)
        offsets.append(index)
    offsets.append(len(text))
    return SearchableText("".join(chars), tuple(offsets))
