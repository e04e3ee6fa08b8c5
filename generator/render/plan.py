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
    jsonld: Mapping[str, str]
    meta: Mapping[str, tuple[tuple[str, str, str], ...]]

    def lst(self, events: tuple[Event, ...]) -> tuple[Listed, ...]:
        """Events as lists show them."""
        listed = self.listed
        return tuple(listed[event.id] for event in events)


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page as planned."""

    path: str
    template: str
    shown: Shown
    values: Callable[[Parts], Values]
    figure: Figure | None = None
