"""Which lanes an overview has and which events go in each: one per actor or per status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from generator.i18n import ENGLISH, N_, Language
from generator.model.timeline import STATUSES, Actor, Event

OTHER = N_("Other")
NO_STATUS = N_("No status")

Lanes = Literal["actor", "status"]
# An overview's title by how its lanes divide its events; 'year' is the phone drawing's.
_GLANCE = {
    "": N_("%(what)s at a glance"),
    "actor": N_("%(what)s at a glance, one lane per actor"),
    "status": N_("%(what)s at a glance, by status"),
    "year": N_("%(what)s at a glance, by year"),
}


def mark_words(event: Event, spoken: Language) -> str:
    """What a mark says to a screen reader: 'Title — 26 February 2019 — Confirmed'."""
    status = spoken.gettext(event.status_label) if event.status_label else ""
    return " — ".join(w for w in (event.title, event.date_described(spoken), status) if w)


def glance(what: str, how: str, spoken: Language = ENGLISH) -> str:
    """'`what` at a glance', then `how` its lanes divide it ('status', 'actor', 'year' or '')."""
    return spoken.say(_GLANCE[how], what=what)


def figure_titles(
    what: str, events: Sequence[Event], lanes: Lanes, spoken: Language
) -> tuple[str, str]:
    """An overview's title (see at_a_glance) and its phone drawing's: `what` by year."""
    return at_a_glance(what, events, lanes, spoken), glance(what, "year", spoken)


def at_a_glance(
    what: str, events: Sequence[Event], lanes: Lanes, spoken: Language = ENGLISH
) -> str:
    """An overview's caption: `what` at a glance, and how its lanes divide the events, where
    they do (events that name no actor all go in one lane), in `spoken`."""
    if lanes == "actor" and not any(event.actors for event in events):
        return glance(what, "", spoken)
    return glance(what, lanes, spoken)


def status_lanes(events: Sequence[Event]) -> Lanes:
    """Lanes by status for `events`, unless none of them has a status: then one per actor."""
    return "status" if any(event.status is not None for event in events) else "actor"


def lane_groups(
    events: Sequence[Event], lanes: Lanes, actors: Mapping[str, Actor], spoken: Language = ENGLISH
) -> list[tuple[str, list[int]]]:
    """Events -> [(lane name, indexes of its events)]: actors with most events first, 'Other'
    (events naming no actor) last; or statuses in their usual order, 'No status' (events that
    have none, with `default_status: none`) last."""
    if lanes == "status":
        groups = [
            (spoken.gettext(label), [i for i, e in enumerate(events) if e.status == status])
            for status, (label, _) in STATUSES.items()
            if any(event.status == status for event in events)
        ]
        without = [i for i, event in enumerate(events) if event.status is None]
        return [*groups, (spoken.gettext(NO_STATUS), without)] if without else groups
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
    return [*groups, (spoken.gettext(OTHER), other)] if other else groups
