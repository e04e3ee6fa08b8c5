"""Linux's inotify, through the C library: the kernel names each file as it changes.

Polling stats every file under the watched folders (68 ms at 10,000 events) and can see a change
only at its next look; inotify costs nothing while nothing changes and names the changed files
at once. It needs no package: `system.libc` already holds the C library, and the four calls
used here (`inotify_init1`, `inotify_add_watch`, `inotify_rm_watch`, `read`) are all there is to it.
"""

from __future__ import annotations

import ctypes
import os
import select
import struct
from pathlib import Path

from generator.system import libc

# From <sys/inotify.h>.
_MODIFY, _ATTRIB, _CLOSE_WRITE = 0x2, 0x4, 0x8
_MOVED_FROM, _MOVED_TO, _CREATE, _DELETE = 0x40, 0x80, 0x100, 0x200
_DELETE_SELF, _MOVE_SELF, _OVERFLOW, _IGNORED = 0x400, 0x800, 0x4000, 0x8000
_ISDIR, _ONLYDIR = 0x40000000, 0x01000000
_NONBLOCK, _CLOEXEC = 0o4000, 0o2000000
_WATCHED = (_MODIFY | _ATTRIB | _CLOSE_WRITE | _MOVED_FROM | _MOVED_TO | _CREATE | _DELETE) | (
    _DELETE_SELF | _MOVE_SELF
)
_HEADER = struct.Struct("iIII")  # wd, mask, cookie, length of the name


class Unavailable(OSError):
    """inotify cannot watch these folders here: not Linux, or the kernel's limit of watches."""


def ignored(name: str) -> bool:
    """Whether a file's name is one the preview never reads: hidden, or an editor's backup."""
    return name.startswith(".") or name.endswith("~")


class Inotify:
    """Watches every folder under some folders (hidden ones aside) and, for a file among them
    (git's HEAD), its folder for that name alone; `changes` names what changed."""

    def __init__(self, folders: list[Path]) -> None:
        c = libc()
        if c is None:
            raise Unavailable("inotify is Linux's")
        self._c = c
        self._fd = c.inotify_init1(_NONBLOCK | _CLOEXEC)
        if self._fd < 0:
            raise Unavailable(ctypes.get_errno(), "inotify_init1 failed")
        self._folders: dict[int, str] = {}  # watch descriptor -> its folder
        self._only: dict[str, set[str]] = {}  # a folder watched for some names alone
        self._moved_in: set[int] = set()  # folders moved within, their MOVE_SELF still to come
        try:
            for folder in folders:
                if folder.is_file():
                    self._only.setdefault(str(folder.parent), set()).add(folder.name)
                    self._watch(str(folder.parent))
                elif folder.is_dir():
                    self._watch_tree(str(folder))
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop watching; again, nothing."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def changes(self, timeout: float) -> set[str] | None:
        """The paths that changed, waiting up to `timeout` seconds for the first ({} if none):
        files, and folders that went away or came with their files. None when the kernel's
        queue overflowed: then anything may have changed."""
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return set()
        changed: set[str] = set()
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return changed
            if not self._parse(data, changed):
                return None

    def _parse(self, data: bytes, changed: set[str]) -> bool:
        offset = 0
        while offset < len(data):
            wd, mask, _, length = _HEADER.unpack_from(data, offset)
            offset += _HEADER.size
            name = data[offset : offset + length].rstrip(b"\0").decode(errors="surrogateescape")
            offset += length
            if mask & _OVERFLOW:
                return False
            folder = self._folders.get(wd)
            if folder is not None and mask & _MOVE_SELF and wd in self._moved_in:
                # Moved within the watched folders: its parent's report came first and watched
                # it at its new path, which the kernel gives the same watch as before.
                self._moved_in.discard(wd)
                continue
            if folder is None or mask & (_IGNORED | _MOVE_SELF):
                # A folder moved out of the watched folders keeps its watch: it goes.
                if folder is not None and mask & _MOVE_SELF:
                    self._c.inotify_rm_watch(self._fd, wd)
                self._folders.pop(wd, None)
                continue
            only = self._only.get(folder)
            if not name or ignored(name) or (only is not None and name not in only):
                continue
            path = os.path.join(folder, name)
            changed.add(path)
            if mask & _ISDIR and mask & (_CREATE | _MOVED_TO):
                # Files may land in a new folder before its watch exists: they count as changed.
                changed.update(self._watch_tree(path))
                if mask & _MOVED_TO:
                    self._moved_in.update(w for w, f in self._folders.items() if f == path)
        return True

    def _watch_tree(self, top: str) -> list[str]:
        """Watch `top` and every folder under it; the files found there."""
        files: list[str] = []
        for directory, subdirectories, names in os.walk(top):
            subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
            self._watch(directory)
            files.extend(os.path.join(directory, name) for name in names if not ignored(name))
        return files

    def _watch(self, folder: str) -> None:
        wd = self._c.inotify_add_watch(self._fd, os.fsencode(folder), _WATCHED | _ONLYDIR)
        if wd < 0:
            error = ctypes.get_errno()
            if error == 28:  # ENOSPC: the limit of watches (fs.inotify.max_user_watches)
                raise Unavailable(error, f"too many folders to watch: {folder}")
            return  # gone, or not a folder, by now: its parent reports it
        self._folders[wd] = folder
