"""Which lanes an overview has and which events go in each: one per actor or per status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from generator.i18n import Language
from generator.model.timeline import STATUSES, Actor, Event

OTHER = "Other"
NO_STATUS = "No status"

Lanes = Literal["actor", "status"]
LANE_WORDS: dict[Lanes, str] = {"actor": "one lane per actor", "status": "by status"}


def mark_words(event: Event, spoken: Language) -> str:
    """What a mark says to a screen reader: 'Title — 26 February 2019 — Confirmed'."""
    status = spoken.gettext(event.status_label) if event.status_label else ""
    return " — ".join(w for w in (event.title, event.date_described(spoken), status) if w)


def at_a_glance(what: str, events: Sequence[Event], lanes: Lanes) -> str:
    """An overview's caption: `what` at a glance, and how its lanes divide the events, where
    they do (events that name no actor all go in one lane)."""
    if lanes == "actor" and not any(event.actors for event in events):
        return f"{what} at a glance"
    return f"{what} at a glance, {LANE_WORDS[lanes]}"


def status_lanes(events: Sequence[Event]) -> Lanes:
    """Lanes by status for `events`, unless none of them has a status: then one per actor."""
    return "status" if any(event.status is not None for event in events) else "actor"


def lane_groups(
    events: Sequence[Event], lanes: Lanes, actors: Mapping[str, Actor]
) -> list[tuple[str, list[int]]]:
    """Events -> [(lane name, indexes of its events)]: actors with most events first, 'Other'
    (events naming no actor) last; or statuses in their usual order, 'No status' (events that
    have none, with `default_status: none`) last."""
    if lanes == "status":
        groups = [
            (label, [i for i, event in enumerate(events) if event.status == status])
            for status, (label, _) in STATUSES.items()
            if any(event.status == status for event in events)
        ]
        without = [i for i, event in enumerate(events) if event.status is None]
        return [*groups, (NO_STATUS, without)] if without else groups
    if lanes != "actor":
        raise ValueError(f"lanes must be 'actor' or 'status', not {lanes!r}")
    by_actor: dict[str, list[int]] = {}
    other: list[int] = []
    for i, event in enumerate(events):
        for actor_id in dict.fromkeys(event.actors):
            by_actor.setdefault(actor_id, []).append(i)
        if not event.actors:
            other.append(i)

    def name(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return actor.name if actor is not None else actor_id

    order = sorted(by_actor, key=lambda a: (-len(by_actor[a]), name(a).casefold(), a))
    groups = [(name(actor_id), by_actor[actor_id]) for actor_id in order]
    return [*groups, (OTHER, other)] if other else groups
