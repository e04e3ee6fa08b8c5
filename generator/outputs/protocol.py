"""What an output is: files made from one piece per event (feeds, exports, the search index),
or from the whole site at once (the crawlers' files). The driver runs them all the same way."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from generator.incremental.memo import PieceKind
from generator.render.inputs import Inputs

Files = Iterator[tuple[str, bytes]]  # (output path, bytes)


class Output(PieceKind[Inputs], Protocol):
    """An output made of every event's piece: how to make a piece (see PieceKind), and how to
    assemble the output's files from all of them, in the timeline's order."""

    def files(self, inputs: Inputs, pieces: Sequence[Any]) -> Files:
        """The output's files, from every event's piece."""
        ...


class SiteOutput(Protocol):
    """An output made of the site as a whole, with no piece per event."""

    def __call__(self, inputs: Inputs, pages: Sequence[str]) -> Files:
        """The output's files, given the output paths of the site's HTML pages."""
        ...
