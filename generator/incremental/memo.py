"""Per-event results that one build hands to the next, reused while their inputs are equal.

A key holds everything its value depends on (the event, the names and titles it shows, the
site settings), so a one-event edit recomputes that event's pieces of the feeds, exports and
search index, and reuses the rest. A fresh Memo, as a one-off build has, computes everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from generator.model.timeline import Event
from generator.parallel import map_indexes

T = TypeVar("T")
# One event's piece of a feed, an export or a page: its key (everything its value depends on)
# and how to compute it. Each module makes its pieces in one function, so keys cannot drift.
Piece = tuple[Hashable, Callable[[], Any]]


def spliced(start: bytes, pieces: Sequence[bytes], end: bytes) -> bytes:
    """`start`, the pieces separated by commas, and `end`: a JSON array of pre-encoded events
    in its document, made with one copy of its megabytes."""
    parts = [start]
    for piece in pieces:
        parts += (piece, b",")
    if pieces:
        parts.pop()
    parts.append(end)
    return b"".join(parts)


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
        # In an edit, the ids of the events whose pieces may differ from the last build's (see
        # affected.dirty_events); None when unknown, as in a full build.
        self.dirty: set[str] | None = None

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key`: this build's, the previous build's, or `compute()`'s."""
        try:
            return self.current[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value: T = self.previous[key] if key in self.previous else compute()
        self.current[key] = value
        return value

    def each(
        self,
        kind: str,
        events: Sequence[Event],
        piece: Callable[[Event], Piece],
        shared: Hashable = None,
    ) -> list[Any]:
        """The value of `piece(event)` for every event, in order. In an edit, an event that is
        not `dirty` takes the last build's value by its id, unless `shared` (what every piece
        of the kind depends on besides the event) changed: ten thousand keys are neither made
        nor hashed for one changed event."""
        last: tuple[Hashable, dict[str, Any]] | None = self.previous.get(("each", kind))
        dirty = self.dirty
        if dirty is None or last is None or last[0] != shared:
            values = [self.get(*piece(event)) for event in events]
        else:
            by_id = last[1]
            values = [
                by_id[event.id]
                if event.id in by_id and event.id not in dirty
                else self.get(*piece(event))
                for event in events
            ]
        if not self.transient:
            by_id = {event.id: value for event, value in zip(events, values, strict=True)}
            self.current[("each", kind)] = (shared, by_id)
        return values

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
