"""The watcher of `timeline serve`: calls back with the changed paths once a burst of saves
settles.

The preview watches content/, templates/, the packaged theme and seeds/ (never site/, nor the
folder the preview writes) with this watcher rather than livereload's own, which would ignore a
save that comes within 3 s of its last reload; this one never drops a save. On Linux the kernel
names the changed files (inotify.py); elsewhere, or past the kernel's limit of watches, every
file is stamped every 0.1 s and the stamps compared.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from generator.serve.inotify import Inotify, Unavailable, ignored

log = logging.getLogger("timeline.serve")
POLL_SECONDS = 0.1
# A save is a burst of events (an editor writes a temporary file and renames it; git checks out
# many files): the rebuild waits for this much quiet. Reported at once by the kernel, a burst
# settles within a few milliseconds; polled, a change is seen only a poll later, so the wait is
# longer. A save during a rebuild brings the next one: none is lost either way.
QUIET_SECONDS = 0.02
POLLED_QUIET_SECONDS = 0.15
Snapshot = dict[str, tuple[int, int, int]]
# The changed paths, or None when anything may have changed (the kernel's queue overflowed).
Changes = frozenset[Path] | None


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
                if ignored(name):
                    continue  # editors' swap and backup files
                path = os.path.join(directory, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                stamps[path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return stamps


def differences(before: Snapshot, after: Snapshot) -> set[str]:
    """The paths added, removed or changed between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


class ChangeWatcher:
    """Watches the sources; after a burst of changes has been quiet, calls `on_change` with the
    paths that changed, from a thread of its own. A burst that settles while `on_change` still
    runs sets `superseded`, for it to give up what the burst makes stale, and brings the next
    call, with every path changed meanwhile."""

    def __init__(
        self,
        folders: list[Path],
        on_change: Callable[[Changes], None],
        superseded: threading.Event | None = None,
    ) -> None:
        self.folders = folders
        self.on_change = on_change
        self.superseded = superseded if superseded is not None else threading.Event()
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="timeline-watcher", daemon=True)
        self.builds = threading.Thread(target=self._build, name="timeline-builds", daemon=True)
        self.waiting = threading.Condition()
        self.pending: set[str] | None = set()  # settled, not yet handed on; None: anything
        self.have_pending = False
        try:
            self.inotify: Inotify | None = Inotify(folders)
        except Unavailable as reason:
            log.info("Watching by polling: %s", reason)
            self.inotify = None

    def start(self) -> None:
        """Start watching in a background thread."""
        self.thread.start()
        self.builds.start()

    def stop(self) -> None:
        """Stop watching and wait for the threads."""
        self.stop_event.set()
        with self.waiting:
            self.waiting.notify_all()
        for thread in (self.thread, self.builds):
            if thread.is_alive():
                thread.join(timeout=5)
        if self.inotify is not None and not self.thread.is_alive():
            self.inotify.close()  # also when the watching never started

    def _run(self) -> None:
        try:
            if self.inotify is not None:
                self._listen(self.inotify)
            else:
                self._poll()
        finally:
            if self.inotify is not None:
                self.inotify.close()

    def _listen(self, inotify: Inotify) -> None:
        pending: set[str] | None = set()
        while not self.stop_event.is_set():
            try:
                # Idle, look up now and then for stop(); in a burst, wait for its quiet.
                got = inotify.changes(QUIET_SECONDS if pending != set() else POLL_SECONDS)
            except Unavailable as reason:  # a new folder past the limit of watches
                log.info("Watching by polling from now on: %s", reason)
                self._settled(None)
                self._poll()
                return
            if got is None:
                pending = None
            elif got:
                if pending is not None:
                    pending |= got
            elif pending != set():  # quiet after a burst
                self._settled(pending)
                pending = set()

    def _poll(self) -> None:
        seen = snapshot(self.folders)
        pending: set[str] = set()
        changed_at = 0.0
        while not self.stop_event.wait(POLL_SECONDS):
            now = snapshot(self.folders)
            if now != seen:
                pending |= differences(seen, now)
                seen, changed_at = now, time.monotonic()
            elif pending and time.monotonic() - changed_at >= POLLED_QUIET_SECONDS:
                self._settled(pending)
                pending = set()

    def _settled(self, paths: set[str] | None) -> None:
        """Hand a settled burst to the thread of builds, and tell a build under way."""
        with self.waiting:
            if paths is None or self.pending is None:
                self.pending = None
            else:
                self.pending |= paths
            self.have_pending = True
            self.superseded.set()
            self.waiting.notify()

    def _build(self) -> None:
        while True:
            with self.waiting:
                self.waiting.wait_for(lambda: self.have_pending or self.stop_event.is_set())
                if self.stop_event.is_set():
                    return
                paths, self.pending, self.have_pending = self.pending, set(), False
                self.superseded.clear()
            self.on_change(None if paths is None else frozenset(Path(path) for path in paths))
