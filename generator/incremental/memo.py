"""Each event's pieces of the feeds, exports, search index and page metadata, reused from one
build to the next while what they depend on is equal.

Every kind of piece says, in one place, what each piece depends on (its key) and how to make it
(`PieceKind`); `Memo.each` is the only loop that runs them. A cold build makes every piece on all
cores; an edit takes each unchanged event's piece by its id from the last build, makes the few
that changed, and keeps the rest. A run whose `Keep` keeps no pieces (a one-off build) keeps
nothing: the caller drops the pieces once the file made of them is written.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Protocol, TypeVar

from generator.incremental.keep import Keep
from generator.model.timeline import Event
from generator.parallel import map_indexes

J = TypeVar("J", contravariant=True)


class PieceKind(Protocol[J]):
    """One kind of per-event piece, made from a job (what the build hands every piece)."""

    @property
    def name(self) -> str:
        """Names the kind among the memo's others."""
        ...

    def shared(self, job: J) -> Hashable:
        """What every piece of the kind depends on besides its event (settings, a stamp)."""
        ...

    def key(self, job: J, event: Event) -> Hashable:
        """Everything else the event's piece depends on: the event, the names it shows."""
        ...

    def make(self, job: J, shared: Any, event: Event) -> Any:
        """The event's piece, given what `shared` returned; run in forked workers, so it only
        reads its arguments."""
        ...


# For each kind: what all its pieces shared, and each event's (key, piece) by id.
_Kept = tuple[Hashable, dict[str, tuple[Hashable, Any]]]


class Memo:
    """The pieces of one build, made or taken from the last build's."""

    def __init__(
        self, previous: Memo | None, keep: Keep, dirty: frozenset[str] | None = None
    ) -> None:
        """`dirty`, in an edit, holds the ids of the events whose pieces may differ from the
        last build's (see affected.Edit); None when unknown, as in a full build."""
        self.previous: dict[str, _Kept] = previous.kept if previous is not None else {}
        self.kept: dict[str, _Kept] = {}
        self.keeps = keep.pieces
        self.dirty = dirty

    def each(self, kind: PieceKind[J], job: J, events: Sequence[Event]) -> list[Any]:
        """The piece of every event, in order. In an edit, an event that is not dirty takes the
        last build's piece by its id unless what the kind shares changed: ten thousand keys are
        neither made nor compared for one changed event."""
        shared = kind.shared(job)
        last = self.previous.get(kind.name)
        by_id = last[1] if last is not None and last[0] == shared else {}
        if self.dirty is not None and by_id:
            kept = self._edited(kind, job, shared, events, by_id, self.dirty)
        else:
            made = self._all(kind, job, shared, events, by_id)
            if not self.keeps:
                return [piece for _, piece in made]
            kept = dict(zip((event.id for event in events), made, strict=True))
        if self.keeps:
            self.kept[kind.name] = (shared, kept)
        return [kept[event.id][1] for event in events]

    def _edited(
        self,
        kind: PieceKind[J],
        job: J,
        shared: Any,
        events: Sequence[Event],
        by_id: dict[str, tuple[Hashable, Any]],
        dirty: frozenset[str],
    ) -> dict[str, tuple[Hashable, Any]]:
        """The last build's pieces by id with those of the dirty events made again (removed
        events are dirty too, so theirs go)."""
        kept = dict(by_id)
        for event_id in dirty:
            kept.pop(event_id, None)
        for event in events:
            if event.id not in kept:
                kept[event.id] = self._one(kind, job, shared, event, by_id)
        return kept

    @staticmethod
    def _one(
        kind: PieceKind[J],
        job: J,
        shared: Any,
        event: Event,
        by_id: dict[str, tuple[Hashable, Any]],
    ) -> tuple[Hashable, Any]:
        key = kind.key(job, event)
        last = by_id.get(event.id)
        if last is not None and last[0] == key:
            return last
        return key, kind.make(job, shared, event)

    @staticmethod
    def _all(
        kind: PieceKind[J],
        job: J,
        shared: Any,
        events: Sequence[Event],
        by_id: dict[str, tuple[Hashable, Any]],
    ) -> list[tuple[Hashable, Any]]:
        """Every event's piece, comparing keys: those the last build made for an equal key are
        reused, the others made on all cores (a cold build's ten thousands of them)."""
        keys = [kind.key(job, event) for event in events]
        kept: list[tuple[Hashable, Any] | None] = []
        missing: list[int] = []
        for at, (event, key) in enumerate(zip(events, keys, strict=True)):
            last = by_id.get(event.id)
            if last is not None and last[0] == key:
                kept.append(last)
            else:
                kept.append(None)
                missing.append(at)
        made = map_indexes(
            lambda index: kind.make(job, shared, events[missing[index]]), len(missing)
        )
        for at, piece in zip(missing, made, strict=True):
            kept[at] = (keys[at], piece)
        return kept  # type: ignore[return-value]  # every None was filled
