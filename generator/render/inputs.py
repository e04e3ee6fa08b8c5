"""What every per-event piece of a build is made from: the link graph and its rendered bodies."""

from __future__ import annotations

from dataclasses import dataclass

from generator.incremental.keep import ONE_OFF
from generator.model.graph import Graph
from generator.render.bodies import Bodies


@dataclass(frozen=True, slots=True)
class Inputs:
    """The graph of one build and the Markdown bodies it rendered, rendered once for all."""

    graph: Graph
    bodies: Bodies

    @classmethod
    def of(cls, graph: Graph) -> Inputs:
        """The inputs of `graph` with bodies of their own, for an output made on its own."""
        return cls(graph, Bodies(graph, ONE_OFF))
