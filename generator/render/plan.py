"""The vocabulary of the page planners: a planned page, and the parts its values are made of."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.incremental.affected import Shown
from generator.model.graph import Graph
from generator.model.timeline import Event
from generator.render.bodies import Bodies
from generator.render.figures import Figure
from generator.render.items import Items
from generator.render.values import Listed

Values = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Parts:
    """What page values are made of, once the build has rendered and drawn it."""

    graph: Graph
    listed: Mapping[str, Listed]
    bodies: Bodies
    items: Items
    figures: Mapping[str, Markup]
    jsonld: Mapping[str, Markup]
    meta: Mapping[str, tuple[tuple[str, str, str], ...]]

    def lst(self, events: tuple[Event, ...]) -> tuple[Listed, ...]:
        """Events as lists show them."""
        listed = self.listed
        return tuple(listed[event.id] for event in events)

    def listing(self, events: tuple[Event, ...], path: str, heading: str) -> Values:
        """What every page that lists `events` shows of them: the events as lists show them,
        their items with titles at `heading` (h2, h3), the actors by id (for their names), and
        the page's overview, empty where it has none."""
        listed = self.lst(events)
        return {
            "events": listed,
            "items": self.items(listed, path, heading),
            "actors": self.graph.timeline.actors,
            "overview": self.figures.get(path, Markup("")),
        }


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page as planned."""

    path: str
    template: str
    shown: Shown
    values: Callable[[Parts], Values]
    figure: Figure | None = None
    first: str = ""  # on a later page of a list, the output path of the list's first page
