"""The versions of every event file in git, read in one pass: one `git log` of the events
folder (with renames followed) and one `git cat-file --batch` for the files' texts.

The history is the branch as published: its first parents, a merge counting as one change dated
when it was made (`--diff-merges=first-parent`). Only commit hashes, commit dates and, when
asked, subjects are read: never an author's or committer's name or address.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# A commit starts with this byte in the log (subjects are single lines: no control bytes).
_COMMIT = b"\x01"
_GIT_ENV = {"LC_ALL": "C", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


class GitUnavailable(Exception):
    """The project is not in a git repository, or git cannot be run: the message says which."""


@dataclass(frozen=True, slots=True)
class Version:
    """One commit's version of a file."""

    commit: str
    time: int  # the commit's date, seconds since 1970-01-01 UTC
    subject: str  # '' unless subjects were asked for
    text: str  # '' when the commit deleted the file


@dataclass(frozen=True, slots=True)
class GitLog:
    """What git holds of the events folder."""

    head: str  # the commit HEAD names, '' before the first commit
    shallow: bool  # a shallow clone: the history stops where the clone does
    versions: dict[str, tuple[Version, ...]]  # 'x.md' -> its versions, oldest first
    uncommitted: frozenset[str]  # 'x.md' with changes not committed


def _git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # Git's output goes to a temporary file, read at once: through a pipe, the tens of
    # megabytes of `cat-file --batch` came a few kilobytes per wakeup, twenty thousand of them.
    with tempfile.TemporaryFile() as output:
        try:
            done = subprocess.run(
                ["git", "-C", str(top), *args],
                input=stdin,
                stdout=output,
                stderr=subprocess.PIPE,
                env={**os.environ, **_GIT_ENV},
                check=False,
            )
        except FileNotFoundError as error:
            raise GitUnavailable("git is not installed") from error
        if done.returncode != 0:
            raise GitUnavailable(done.stderr.decode(errors="replace").strip().splitlines()[-1])
        output.seek(0)
        return output.read()


def repository_top(folder: Path) -> tuple[Path, bool]:
    """The top folder of the repository holding `folder`, and whether it is a shallow clone."""
    try:
        out = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    except GitUnavailable as error:
        raise GitUnavailable(f"{folder} is not in a git repository ({error})") from error
    top, shallow = out.decode().splitlines()
    return Path(top), shallow == "true"


def head_commit(top: Path) -> str:
    """The commit HEAD names, or '' in a repository without commits."""
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
    except GitUnavailable:
        return ""


def head_files(folder: Path) -> list[Path]:
    """The files a commit or checkout rewrites in the repository holding `folder` (HEAD and its
    log), for the preview to notice a new commit; [] outside a repository."""
    try:
        git_dir = Path(_git(folder, "rev-parse", "--absolute-git-dir").decode().strip())
    except GitUnavailable:
        return []
    return [git_dir / "HEAD", git_dir / "logs" / "HEAD"]


def read_git_log(events: Path, *, subjects: bool) -> GitLog:
    """Every version of the files of `events` (a folder inside a git work tree), renames
    followed, with their commits' subjects when `subjects`."""
    top, shallow = repository_top(events)
    head = head_commit(top)
    folder = PurePosixPath(events.resolve().relative_to(top.resolve()).as_posix())
    if not head:
        return GitLog("", shallow, {}, frozenset())
    changes = _changes(top, folder, subjects)
    texts = _blobs(top, {blob for *_, blob in changes if blob})
    versions: dict[str, list[Version]] = {}
    for commit, time, subject, old, new, blob in changes:
        kept = versions.pop(old, []) if old else versions.get(new, [])
        kept.append(Version(commit, time, subject, texts.get(blob, "")))
        versions[new] = kept
    status = _git(top, "status", "--porcelain", "-z", "--untracked-files=all", "--", str(folder))
    return GitLog(
        head,
        shallow,
        {name: tuple(found) for name, found in versions.items()},
        frozenset(_uncommitted(status, folder)),
    )


Change = tuple[str, int, str, str, str, str]  # commit, time, subject, old name, name, blob


def _changes(top: Path, folder: PurePosixPath, subjects: bool) -> list[Change]:
    """Each change to a file of `folder` in the branch's first parents, oldest first: a rename
    names the old file, a deletion has no blob."""
    form = "%x01%H %ct" + (" %s" if subjects else "")
    log = _git(
        top,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "-z",
        "--raw",
        "--no-abbrev",
        "-M",
        f"--format={form}",
        "--",
        str(folder),
    )
    changes: list[Change] = []
    cut = _prefix(folder)
    for chunk in log.split(_COMMIT)[1:]:
        header, _, rest = chunk.partition(b"\0")
        commit, time, *subject = header.decode(errors="replace").split(" ", 2)
        fields = rest.lstrip(b"\n").split(b"\0")
        at = 0
        while at < len(fields) and fields[at].startswith(b":"):
            meta = fields[at].decode().split()
            blob, kind = meta[3], meta[4]
            paths = 2 if kind[0] in "RC" else 1
            names = [fields[at + 1 + n][cut:].decode() for n in range(paths)]
            at += 1 + paths
            old = names[0] if kind[0] == "R" else ""
            blob = "" if kind[0] == "D" or set(blob) == {"0"} else blob
            changes.append((commit, int(time), "".join(subject), old, names[-1], blob))
    return changes


def _prefix(folder: PurePosixPath) -> int:
    """The length in bytes of the prefix `folder` gives the paths git names ('content/events/'):
    git names only paths under `folder`, as asked, so a name is cut from them, with no parsing."""
    return 0 if folder == PurePosixPath(".") else len(f"{folder}/".encode())


def _blobs(top: Path, blobs: set[str]) -> dict[str, str]:
    """The text of each blob, read by one `git cat-file --batch`."""
    order = sorted(blobs)
    # --buffer: git writes a buffer at a time, not an object at a time.
    wanted = "".join(f"{blob}\n" for blob in order).encode()
    out = _git(top, "cat-file", "--batch", "--buffer", stdin=wanted)
    texts: dict[str, str] = {}
    at = 0
    for blob in order:
        line_end = out.index(b"\n", at)
        size = int(out[at:line_end].split()[2])
        start = line_end + 1
        texts[blob] = out[start : start + size].decode("utf-8", errors="replace")
        at = start + size + 1  # the object, then a newline
    return texts


def _uncommitted(status: bytes, folder: PurePosixPath) -> list[str]:
    """The names under `folder` that `git status --porcelain -z` lists."""
    names = []
    cut = _prefix(folder)
    entries = status.split(b"\0")
    at = 0
    while at < len(entries) and entries[at]:
        entry = entries[at]
        names.append(entry[3 + cut :].decode())
        at += 2 if entry[:1] in (b"R", b"C") else 1  # a rename's old path follows
    return names
