"""Finding quotes verbatim in a source's text, forgiving only what a reader of the source does not
see: whitespace, the style of quote marks, invisible characters, compatibility forms (NFKC) and
words hyphenated across a line break. A quote may leave words out with an ellipsis."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from generator.check.words import WordIndex

# Typographic quote marks and apostrophes compare equal to their straight forms; the Unicode
# hyphens to the ASCII one.
_MARKS = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011", "-"),
}
# Characters that show nothing: zero-width space, joiners, word joiner, byte-order mark, and the
# soft hyphen (shown only where a line happens to break).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# What the index rewrites: a run of whitespace and invisible characters (one space if it holds
# any whitespace, else nothing); a hyphen that ends a line between two letters (the word goes on
# after the break); and any character outside ASCII, which NFKC or the table above may change.
_SPECIAL = re.compile(
    rf"(?P<hyphen>(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_]))"
    # Not the single spaces between words, which stay as they are.
    rf"|(?P<space>(?! [^\s{_INVISIBLE}])[\s{_INVISIBLE}]+)"
    rf"|(?P<other>[^\x00-\x7f\s{_INVISIBLE}]+)"
)
# A quote's ellipsis, where it leaves words out: `…`, `...` (NFKC turns the one into the
# other), or either in square brackets.
_ELLIPSIS = re.compile(r"\s*\[?\.\.\.\]?\s*")
# Superscripts, subscripts and fractions stay as they are: NFKC would make 10² read 102.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# Characters read by plain searches before the word index is made (about 120 quotes in 16 MB).
_INDEX_AFTER = 2_000_000_000
_KEPT_FORMS = ("<super>", "<sub>", "<fraction>")
_TRANSLATED = str.maketrans(_MARKS)


def _cluster(chars: str) -> str:
    """What a character with its combining marks compares as."""
    if len(chars) == 1 and chars in _MARKS:
        return _MARKS[chars]
    if unicodedata.decomposition(chars[0]).startswith(_KEPT_FORMS):
        return chars
    return unicodedata.normalize("NFKC", chars).translate(_TRANSLATED)


def _clusters(run: str) -> list[tuple[int, str]]:
    """The run cut before every character that is not a combining mark, with each piece's start."""
    starts = [i for i, char in enumerate(run) if i == 0 or not unicodedata.combining(char)]
    return [(start, run[start:end]) for start, end in itertools.pairwise([*starts, len(run)])]


def normalise(text: str) -> str:
    """Text as quotes are compared: the rules above applied, each whitespace run one space."""
    return _Normaliser(text).run()[0].strip()


class _Normaliser:
    """The normalised text, and marks: from normalised position `at[i]` on, the text maps to the
    original from `to[i]` on, one character for one, until the next mark."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.at = [0]
        self.to = [0]
        self.size = 0  # of the normalised text so far
        self.joins: list[int] = []  # where a hyphen at a line's end was left out
        self.ends: dict[int, int] = {}  # the original end of characters made from several

    def run(self) -> tuple[str, list[int], list[int]]:
        """The normalised text and its marks."""
        text = self.text
        last = 0
        for match in _SPECIAL.finditer(text):
            start, end = match.span()
            run = match.group()
            if match.lastgroup == "other" and start > last and unicodedata.combining(run[0]):
                start -= 1  # `e` and a combining acute accent compose to `é`
                run = text[start:end]
            if start > last:
                self._emit(text[last:start], last, one_for_one=True)
            if match.lastgroup == "space":
                self._emit(" " if any(c.isspace() for c in run) else "", start)
            elif match.lastgroup == "hyphen":
                self.joins.append(self.size)
                self._emit("", start)
            elif unicodedata.is_normalized("NFKC", run) and not any(c in _MARKS for c in run):
                self._emit(run, start, one_for_one=True)
            else:
                for offset, chars in _clusters(run):
                    new = _cluster(chars)
                    self._emit(new, start + offset, one_for_one=len(new) == len(chars) == 1)
                    if len(chars) > 1 and new:
                        self.ends[self.size - 1] = start + offset + len(chars)
            last = end
        self._emit(text[last:], last, one_for_one=True)
        return "".join(self.out), self.at, self.to

    def _emit(self, new: str, start: int, *, one_for_one: bool = False) -> None:
        """Append `new`, made from the original at `start`: character for character, or each
        new character standing for the original one at `start`."""
        if one_for_one:
            if self.to[-1] + self.size - self.at[-1] != start:
                self.at.append(self.size)
                self.to.append(start)
        else:
            for offset in range(len(new)):
                self.at.append(self.size + offset)
                self.to.append(start)
        self.out.append(new)
        self.size += len(new)


# Compared and hashed by identity: `searchable` makes one per text.
@dataclass(frozen=True, slots=True, eq=False)
class SearchableText:
    """A source's text, normalised once, with the marks that map it back to the original."""

    normalised: str
    at: tuple[int, ...]  # see _Normaliser
    to: tuple[int, ...]
    breaks: tuple[int, ...] = ()  # original offsets where a paragraph ends
    joins: frozenset[int] = frozenset()  # see _Normaliser
    ends: dict[int, int] = field(default_factory=dict)
    # The word index, made once enough quotes were looked up to pay for it; and that count.
    _words: list[WordIndex] = field(default_factory=list)
    _finds: list[int] = field(default_factory=lambda: [0])

    def words(self) -> WordIndex:
        """Where each word of the normalised text stands (made on first use)."""
        if not self._words:
            self._words.append(WordIndex(self.normalised))
        return self._words[0]

    def original(self, position: int) -> int:
        """Where normalised `position` stands in the original text."""
        mark = bisect.bisect_right(self.at, position) - 1
        return self.to[mark] + position - self.at[mark]

    def normalised_at(self, offset: int) -> int:
        """The normalised position of original `offset` (the first one at or after it)."""
        mark = bisect.bisect_right(self.to, offset) - 1
        return min(self.at[mark] + offset - self.to[mark], len(self.normalised))

    def span(self, at: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span at:end."""
        last = end - 1
        return self.original(at), self.ends.get(last) or self.original(last) + 1

    def find(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) span of `quote` in the original text, or None when it is not there;
        for a quote with an ellipsis, from its first part's start to its last part's end."""
        parts = self.find_parts(quote)
        return (parts[0][0], parts[-1][1]) if parts else None

    def find_parts(self, quote: str) -> tuple[tuple[int, int], ...] | None:
        """The original span of each part of `quote` (split at its ellipses), in order within
        one paragraph; None when they are not there."""
        parts = [part for part in _ELLIPSIS.split(normalise(quote)) if part]
        if not parts:
            return None
        first = self._find(parts[0], 0)
        while first is not None:
            spans = [first]
            for part in parts[1:]:
                found = self._find(part, spans[-1][1])
                if found is None:
                    return None  # later parts are not after this start, nor after any later one
                spans.append(found)
            original = tuple(self.span(*span) for span in spans)
            if len(original) == 1 or self._one_paragraph(original[0][0], original[-1][1]):
                return original
            first = self._find(parts[0], first[0] + 1)
        return None

    def _locate(self, needle: str, start: int) -> int:
        """Where `needle` first stands at or after `start`, or -1: read from the word index
        once reading the whole text for each quote has cost more than making it."""
        self._finds[0] += 1
        if self._words or self._finds[0] * len(self.normalised) > _INDEX_AFTER:
            at = self.words().first(needle, self.normalised, start)
            if at is not None:
                return at
        return self.normalised.find(needle, start)

    def _find(self, needle: str, start: int) -> tuple[int, int] | None:
        at = self._locate(needle, start)
        if at != -1:
            return at, at + len(needle)
        hyphens = [m.start() for m in _WORD_HYPHEN.finditer(needle)] if self.joins else []
        if not hyphens:
            return None
        # `well-known` in a quote, `well-` at the end of a line and `known` on the next.
        joined = _WORD_HYPHEN.sub("", needle)
        where = [at - count for count, at in enumerate(hyphens)]
        at = self.normalised.find(joined, start)
        while at != -1:
            if all(at + offset in self.joins for offset in where):
                return at, at + len(joined)
            at = self.normalised.find(joined, at + 1)
        return None

    def _one_paragraph(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.breaks, start) == bisect.bisect_left(self.breaks, end)


# Every rebuild checks quotes against the same seed texts: each is indexed once while unchanged.
@functools.lru_cache(maxsize=8)
def searchable(text: str, breaks: tuple[int, ...] = ()) -> SearchableText:
    """Index `text` for `SearchableText.find`; `breaks` are where its paragraphs end."""
    normaliser = _Normaliser(text)
    normalised, at, to = normaliser.run()
    joins = frozenset(normaliser.joins)
    return SearchableText(normalised, tuple(at), tuple(to), breaks, joins, normaliser.ends)
