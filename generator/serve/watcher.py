"""The watcher of `timeline serve`: poll the sources, call back once a burst of saves settles.

The preview watches content/, templates/, the packaged theme and seeds/ (never site/, nor the
folder the preview writes) with this poll rather than livereload's own watcher, which would
ignore a save that comes within 3 s of its last reload; this one never drops a save.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.1
QUIET_SECONDS = 0.15  # a burst of saves (an editor, a git checkout) settles within this
Snapshot = dict[str, tuple[int, int, int]]


def snapshot(folders: list[Path]) -> Snapshot:
    """The stamp (mtime, size, inode) of every file under `folders`, skipping hidden files;
    a file among `folders` is stamped itself (git's HEAD, whose commits change the history)."""
    stamps: Snapshot = {}
    for folder in folders:
        if folder.is_file():
            info = folder.stat()
            stamps[str(folder)] = (info.st_mtime_ns, info.st_size, info.st_ino)
        for directory, subdirectories, files in os.walk(folder):
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
            for name in files:
                if name.startswith(".") or name.endswith("~"):
                    continue  # editors' swap and backup files
                path = os.path.join(directory, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                stamps[path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return stamps


class ChangeWatcher:
    """Polls the sources; after a burst of changes has been quiet, calls `on_change` once."""

    def __init__(self, folders: list[Path], on_change: Callable[[], None]) -> None:
        self.folders = folders
        self.on_change = on_change
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="timeline-watcher", daemon=True)

    def start(self) -> None:
        """Start polling in a background thread."""
        self.thread.start()

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self.stop_event.set()
        self.thread.join(timeout=5)

    def _run(self) -> None:
        seen = snapshot(self.folders)
        changed_at: float | None = None
        while not self.stop_event.wait(POLL_SECONDS):
            now = snapshot(self.folders)
            if now != seen:
                seen, changed_at = now, time.monotonic()
            elif changed_at is not None and time.monotonic() - changed_at >= QUIET_SECONDS:
                changed_at = None
                # A save during the rebuild changes the next snapshot, so it is never lost.
                self.on_change()
