"""Each input file's digest, kept by its stamp in `.cache/stamps.json`, so that checking whether
the site is up to date reads only the files that changed since the last check.

A stamp is what git's index trusts: the file's inode, size, modification time and change time.
No program can set a change time: any write, rename or `touch` moves it to the present. A file
whose stamp is as recorded is taken to hold the bytes it held then; any other is read again.
Timestamps are coarse (a kernel tick), so a file written in the last seconds could be written
again without its stamp changing: such a file's digest is never kept. The record is plain JSON,
checked entry by entry; one that does not parse, or an entry of the wrong shape, is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path
from typing import Any

from generator.system import replace_file

_FILE = "stamps.json"
_SETTLED_NS = 2_000_000_000  # a stamp this old cannot be shared by two versions of a file
_SHA256 = re.compile(r"[0-9a-f]{64}")

Stamp = tuple[int, int, int, int]  # inode, size, modification and change times (ns)


class Stamps:
    """Files' digests by stamp: those a record holds, and those this run found."""

    def __init__(self, recorded: dict[str, tuple[Stamp, str]] | None = None) -> None:
        self.recorded = recorded or {}
        self.found: dict[str, tuple[Stamp, str]] = {}

    @classmethod
    def load(cls, folder: Path) -> Stamps:
        """The record in `folder`, its entries of the wrong shape left out; none if unreadable."""
        try:
            data: Any = json.loads((folder / _FILE).read_text(encoding="utf-8"))
            entries = data["files"] if isinstance(data, dict) else None
        except (OSError, ValueError, KeyError):
            return cls()
        if not isinstance(entries, dict):
            return cls()
        return cls({path: entry for path, value in entries.items() if (entry := _entry(value))})

    def digest(self, file: str) -> str:
        """The SHA-256 of `file`'s bytes (of the error, if it cannot be read)."""
        try:
            info = os.stat(file)
        except OSError as error:
            return hashlib.sha256(f"unreadable: {error.errno}".encode()).hexdigest()
        stamp = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        known = self.recorded.get(file)
        if known is not None and known[0] == stamp:
            self.found[file] = known
            return known[1]
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            data = f"unreadable: {error.errno}".encode()
        digest = hashlib.sha256(data).hexdigest()
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > _SETTLED_NS:
            self.found[file] = (stamp, digest)
        return digest

    def save(self, folder: Path) -> None:
        """Record the stamps this run found (only those: deleted files drop out) in `folder`."""
        if self.found == self.recorded:
            return
        files = {path: [*stamp, digest] for path, (stamp, digest) in sorted(self.found.items())}
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(folder / _FILE, json.dumps({"files": files}).encode())


def _entry(value: Any) -> tuple[Stamp, str] | None:
    """An entry of the record as [inode, size, mtime, ctime, digest], or None if malformed."""
    if not isinstance(value, list) or len(value) != 5:
        return None
    *numbers, digest = value
    if not all(type(number) is int for number in numbers) or not isinstance(digest, str):
        return None
    if not _SHA256.fullmatch(digest):
        return None
    inode, size, modified, changed = numbers
    return (inode, size, modified, changed), digest
