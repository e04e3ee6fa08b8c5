"""Stage 6, write: the site's files → the output folder, the only code that touches it.

A full build writes every file into a fresh sibling folder and swaps it in with one atomic
rename exchange, so a build that is interrupted or fails leaves the last good site as it was.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.system import libc, replace_file

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class UnsafePath(ValueError):
    """An output path that would land outside the output folder."""


def check_output_path(path: str) -> PurePosixPath:
    """The path as a PurePosixPath, if it is relative and stays inside the output folder."""
    pure = PurePosixPath(path)
    if (
        not path
        or pure.is_absolute()
        or "\\" in path
        or any(part in ("", ".", "..") for part in path.split("/"))
    ):
        raise UnsafePath(f"refusing to write {path!r} outside the output folder")
    return pure


def is_safe_path(path: str) -> bool:
    """Whether `path` is relative and stays inside the output folder (see check_output_path)."""
    try:
        check_output_path(path)
    except UnsafePath:
        return False
    return True


class Stored(bytes):
    """Where a file's bytes would be: a file that `Staging.store` has written already (in a
    worker that made it), which the writer only counts. It holds the SHA-256 of those bytes,
    which the next build compares its files with (see `SiteUpdate`)."""


@dataclass(frozen=True, slots=True)
class Written:
    """What the write stage did: every file of the site, and the files it wrote or removed."""

    paths: tuple[str, ...]  # sorted
    changed: tuple[str, ...]


def stream_site(files: Iterable[tuple[str, bytes]], output: Path) -> Written:
    """Replace `output` with exactly `files` (relative path, bytes), atomically, each file
    written as it comes: the one-off build holds a few files at a time, never the whole site."""
    staging = Staging(output)
    try:
        return staging.stream(files)
    finally:
        staging.discard()


def write_site(pages: Mapping[str, bytes], output: Path) -> None:
    """Replace `output` with exactly `pages` ({relative path: bytes}), atomically."""
    stream_site(pages.items(), output)


class Staging:
    """A new site, written file by file into a fresh folder beside `output`, then swapped in
    with one atomic rename exchange by `commit`: until then the last good site is untouched.

    A file whose bytes are already in the current site is hard-linked into the new one rather
    than written again: a rebuild that changes little writes little. Files are only ever
    replaced, never changed in place, so the two sites never see each other's changes.
    """

    def __init__(self, output: Path) -> None:
        self.output = output.absolute()
        self.output.parent.mkdir(parents=True, exist_ok=True)
        _recover(self.output)
        prefix = f".{self.output.name}.new-"
        self.folder = Path(tempfile.mkdtemp(prefix=prefix, dir=self.output.parent))
        self.made: set[PurePosixPath] = set()
        self.written: set[str] = set()
        self.digests: dict[str, str] = {}  # each file's SHA-256, by path

    def put(self, path: str, data: bytes) -> None:
        """Add the file at `path` (relative to the site) holding `data`; a `Stored` file is
        already in the folder, and only counted."""
        check_output_path(path)
        if path in self.written:
            raise ValueError(f"{path} is written twice")
        self.written.add(path)
        if not isinstance(data, Stored):
            data = self.store(path, data)
        self.digests[path] = data.hex()

    def store(self, path: str, data: bytes) -> Stored:
        """Write the file at `path` holding `data` into the folder, from this process or a
        worker forked from it (which makes a page and writes it rather than sending its bytes
        back); what it returns stands for the bytes, which `put` then only counts."""
        pure = check_output_path(path)
        if not _link_unchanged(self.output / pure, self._new(pure), data):
            # Never over an existing file: it could be a hard link into the current site.
            with open(self.folder / pure, "xb") as handle:
                handle.write(data)
        return Stored(hashlib.sha256(data).digest())

    def _new(self, pure: PurePosixPath) -> Path:
        """Where the file at `pure` goes in the folder, its parent made."""
        parent = pure.parent
        if parent not in self.made:
            (self.folder / parent).mkdir(parents=True, exist_ok=True)
            self.made.add(parent)
        return self.folder / pure

    def stream(
        self, files: Iterable[tuple[str, bytes]], before_commit: Callable[[], None] | None = None
    ) -> Written:
        """Put every file of `files` and swap the folder in: the site is exactly `files`.
        `before_commit` runs once every file is made, before the site changes."""
        paths = []
        for path, data in files:
            self.put(path, data)
            paths.append(path)
        if before_commit is not None:
            before_commit()
        self.commit()
        paths.sort()
        return Written(tuple(paths), tuple(paths))

    def commit(self) -> None:
        """Swap the new site in for the old one, atomically."""
        self.folder.chmod(0o755)
        _swap_in(self.folder, self.output)

    def discard(self) -> None:
        """Remove what is left of the staging folder (all of it, unless `commit` ran)."""
        if self.folder.exists():
            shutil.rmtree(self.folder)


# Past this many files changed, an update in place would leave the site half old, half new for
# long enough to matter (a template edit changes every page): a new site is swapped in instead.
IN_PLACE_MOST = 500


class SiteUpdate(Staging):
    """The changes to a site of which the last build recorded each file's SHA-256 (`last`, by
    path), staged as `Staging` stages a new site: only the files whose bytes differ go into the
    folder, and `commit` moves them into the site, then removes the files it no longer has.
    Until then the site is untouched, so a build that fails leaves it as it was. After one edit,
    making a new site's 12,000 folders and deleting the old one's was most of the build.
    """

    def __init__(self, output: Path, last: Mapping[str, str]) -> None:
        super().__init__(output)
        self.last = last
        self.changed: list[str] = []

    def store(self, path: str, data: bytes) -> Stored:
        """Write the file at `path` into the folder if its bytes differ from the last build's;
        what it returns stands for them (see `Staging.store`)."""
        pure = check_output_path(path)
        digest = hashlib.sha256(data).digest()
        if self.last.get(path) != digest.hex():
            with open(self._new(pure), "xb") as handle:
                handle.write(data)
        return Stored(digest)

    def left(self, path: str) -> Stored:
        """What stands for the file at `path` left in the site as the last build wrote it (the
        render stage makes no page that an edit does not change): it is only counted."""
        return Stored(bytes.fromhex(self.last[path]))

    def stream(
        self, files: Iterable[tuple[str, bytes]], before_commit: Callable[[], None] | None = None
    ) -> Written:
        """Put every file of `files` and bring the site to them: the site is exactly `files`."""
        written = super().stream(files, before_commit)
        return Written(written.paths, tuple(sorted(self.changed)))

    def commit(self) -> None:
        """Bring the site to the new files: a few changes in place, each file by an atomic
        rename (the files the site no longer has removed first); more as a whole new site,
        swapped in at once like `Staging`'s, the unchanged files hard-linked into it."""
        removed = sorted(path for path in self.last if path not in self.written)
        moved = []
        for folder, _, files in os.walk(self.folder):
            for name in files:
                moved.append(os.path.relpath(os.path.join(folder, name), self.folder))
        self.changed = [*removed, *moved]
        if len(self.changed) > IN_PLACE_MOST:
            new = set(moved)
            for path in sorted(self.written - new):
                os.link(self.output / path, self._new(check_output_path(path)))
            super().commit()
            return
        for path in removed:
            _remove(self.output, path)
        for path in moved:
            target = self.output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.folder / path, target)


def _link_unchanged(current: Path, new: Path, data: bytes) -> bool:
    """Hard-link `current` as `new` if it is a plain file holding exactly `data`."""
    try:
        info = os.lstat(current)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        if current.read_bytes() != data:
            return False
        os.link(current, new)
    except OSError:  # no such file, or a file system without hard links
        return False
    return True


def _swap_in(staging: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging)  # now holds the previous site
        return
    # Without an atomic exchange, keep the old site under a known name until the new one is in
    # place, so that `_recover` can restore it after a crash between the two renames.
    old = output.with_name(f".{output.name}.old")
    if old.exists():
        shutil.rmtree(old)
    os.rename(output, old)
    os.rename(staging, output)
    shutil.rmtree(old)


def _recover(output: Path) -> None:
    """Put back a site left aside by a build that died between its two renames."""
    old = output.with_name(f".{output.name}.old")
    if old.exists() and not output.exists():
        os.rename(old, output)
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False if unavailable."""
    renameat2 = getattr(libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    return bool(result == 0)


def update_site(
    pages: Mapping[str, bytes], previous: Mapping[str, bytes], output: Path
) -> list[str]:
    """Bring `output` from `previous` to `pages`, replacing only changed files, each atomically.

    Returns the paths written or removed. The preview server uses this so that a browser reading
    the site never sees a half-written file, and unchanged files keep their times.
    """
    # Unchanged pages are mostly the very same bytes objects: `is` spares comparing 300 MB.
    changed = [
        path
        for path, data in pages.items()
        if (old := previous.get(path)) is not data and old != data
    ]
    for path in changed:  # the others were checked when they were first written
        check_output_path(path)
    for path in changed:
        target = output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, pages[path], 0o644)
    removed = sorted(path for path in previous if path not in pages)
    for path in removed:
        _remove(output, path)
    return sorted([*changed, *removed])


def _remove(output: Path, path: str) -> None:
    """Remove the file at `path` from the site in `output`, and the folders that leaves empty."""
    target = output / check_output_path(path)
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
