"""Arrays of pre-encoded JSON: the exports and the search index keep each event's piece encoded
while it is unchanged, and splice the pieces into their document."""

from __future__ import annotations

from collections.abc import Sequence


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
