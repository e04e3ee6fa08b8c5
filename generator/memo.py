"""Per-event results that one build hands to the next, reused while their inputs are equal.

A key holds everything its value depends on (the event, the names and titles it shows, the
site settings), so a one-event edit recomputes that event's pieces of the feeds, exports and
search index, and reuses the rest. A fresh Memo, as a one-off build has, computes everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from generator.parallel import map_indexes

T = TypeVar("T")
# One event's piece of a feed, an export or a page: its key (everything its value depends on)
# and how to compute it. Each module makes its pieces in one function, so keys cannot drift.
Piece = tuple[Hashable, Callable[[], Any]]


class Memo:
    """Values by key: those the previous build used, and those this build has used so far."""

    def __init__(
        self, previous: Memo | None = None, *, keep: bool = False, transient: bool = False
    ) -> None:
        """With `keep`, every value of `previous` is carried over, used or not: a build that
        plans only the pages an edit touched still needs the others' values next time. A
        `transient` memo (a one-off build's) lets `forget` drop values once they are used."""
        self.previous: dict[Hashable, Any] = previous.current if previous is not None else {}
        self.current: dict[Hashable, Any] = dict(self.previous) if keep else {}
        self.transient = transient

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key`: this build's, the previous build's, or `compute()`'s."""
        try:
            return self.current[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value: T = self.previous[key] if key in self.previous else compute()
        self.current[key] = value
        return value

    def prefill(self, pieces: Sequence[Piece]) -> None:
        """Compute the pieces that neither build has yet, on all cores: a cold build's feeds,
        exports and search rows are ten thousands of small, independent computations."""
        missing = {
            key: compute
            for key, compute in pieces
            if key not in self.current and key not in self.previous
        }
        computes = list(missing.values())
        values = map_indexes(lambda index: computes[index](), len(computes))
        self.current.update(zip(missing, values, strict=True))

    def forget(self, pieces: Sequence[Piece]) -> None:
        """Drop the values of `pieces` if this memo is transient: their one use is over."""
        if self.transient:
            for key, _ in pieces:
                self.current.pop(key, None)
