"""Digests of what the pages are made of, stable from one process to the next: each event's
fields and its body apart, the other parts of the timeline, and the settings and templates.

A one-off build keeps no graph in memory for the next to compare with, as the preview does: it
keeps these digests in `.cache/` instead (see shown.py) and finds what an edit changed from them.
Values are encoded by their type, field by field as `==` compares them (fields that do not
compare, such as line numbers and cached hashes, are left out); a value of a type this module
does not know has no digest, and then the build renders every page.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import Any

from generator.incremental.affected import ACTORS, PLACES, SITE, SOURCES, YEARS
from generator.model.graph import Graph
from generator.model.wikilinks import find_wikilinks


class Unknown(TypeError):
    """A value of a type whose encoding this module does not know."""


@dataclass(frozen=True, slots=True)
class Digests:
    """What the pages of one build were made of: `generation` (the settings, templates and
    language), each part but the events by name, and each event's (fields, body) by id."""

    generation: str
    parts: Mapping[str, str]
    events: Mapping[str, tuple[str, str]]


def digests_of(graph: Graph, generation: Hashable) -> Digests | None:
    """The digests of `graph` rendered with `generation`; None when a value has no encoding."""
    timeline = graph.timeline
    try:
        parts = {
            SITE: _digest(timeline.site),
            ACTORS: _digest(timeline.actors),
            SOURCES: _digest(timeline.sources),
            PLACES: _digest(timeline.places),
            YEARS: _digest(frozenset(graph.by_year)),
        }
        events = {event.id: _event(event) for event in timeline.events}
        return Digests(_digest(generation), parts, events)
    except Unknown:
        return None


def _event(event: Any) -> tuple[str, str]:
    """An event's digest without its body, with the targets of its body's links (pages that
    show the event show where they lead), and its body's."""
    kind: type = type(event)
    fields = tuple(getattr(event, name) for name in _compared(kind) if name != "body")
    targets = tuple(sorted({link.target for link in find_wikilinks(event.body)}))
    return _digest((kind.__qualname__, fields, targets)), _digest(event.body)


def _digest(value: object) -> str:
    # Most values are strings, numbers, tuples and dataclasses of them, whose repr is made in
    # C and tells every compared field apart (only cached hashes are left out, which do not
    # compare): ten times quicker than encoding them here. A set or mapping, whose repr
    # follows an order that changes from one process to the next, has a `{` in it, and an
    # object without a repr of its own its address: those values are encoded field by field.
    text = repr(value)
    if "{" not in text and " at 0x" not in text:
        return hashlib.sha256(b"r\0" + text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    chunks: list[bytes] = []
    _encode(value, chunks.append)
    return hashlib.sha256(b"".join(chunks)).hexdigest()[:32]


def _encode(value: object, out: Callable[[bytes], None]) -> None:
    """Feed `value` to `out`, each kind tagged and each length stated, so that no two values
    give the same bytes; sets and mappings in the order of their encoded members."""
    if value is None or isinstance(value, bool):
        out(f"{value}\0".encode())
    elif isinstance(value, enum.Enum):
        out(f"e{type(value).__qualname__}.{value.name}\0".encode())
    elif isinstance(value, int | float):
        out(f"{type(value).__name__}{value!r}\0".encode())
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        out(b"s%d\0" % len(data) + data)
    elif isinstance(value, bytes):
        out(b"b%d\0" % len(value) + value)
    elif isinstance(value, PurePath):
        _encode(("path", value.as_posix()), out)
    elif isinstance(value, tuple | list):
        out(b"t%d\0" % len(value))
        for item in value:
            _encode(item, out)
    elif isinstance(value, frozenset | set):
        _encode_sorted("f", [_bytes(item) for item in value], out)
    elif isinstance(value, Mapping):
        pairs = [_bytes(key) + _bytes(item) for key, item in value.items()]
        _encode_sorted("m", pairs, out)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _compared(type(value))
        out(f"d{type(value).__qualname__}\0{len(names)}\0".encode())
        for name in names:
            _encode(getattr(value, name), out)
    else:
        raise Unknown(type(value).__qualname__)


def _bytes(value: object) -> bytes:
    chunks: list[bytes] = []
    _encode(value, chunks.append)
    return b"".join(chunks)


def _encode_sorted(tag: str, members: list[bytes], out: Callable[[bytes], None]) -> None:
    out(f"{tag}{len(members)}\0".encode())
    for member in sorted(members):
        out(member)


@cache
def _compared(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass that `==` compares."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.compare)
