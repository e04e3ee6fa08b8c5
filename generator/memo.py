"""Per-event results that one build hands to the next, reused while their inputs are equal.

A key holds everything its value depends on (the event, the names and titles it shows, the
site settings), so a one-event edit recomputes that event's pieces of the feeds, exports and
search index, and reuses the rest. A fresh Memo, as a one-off build has, computes everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Values by key: those the previous build used, and those this build has used so far."""

    def __init__(self, previous: Memo | None = None, *, keep: bool = False) -> None:
        """With `keep`, every value of `previous` is carried over, used or not: a build that
        plans only the pages an edit touched still needs the others' values next time."""
        self.previous: dict[Hashable, Any] = previous.current if previous is not None else {}
        self.current: dict[Hashable, Any] = dict(self.previous) if keep else {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key`: this build's, the previous build's, or `compute()`'s."""
        try:
            return self.current[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value: T = self.previous[key] if key in self.previous else compute()
        self.current[key] = value
        return value
