"""The reading step of `history: git` done with dulwich instead of the git program, for the
benchmark only (`python -m bench.history --readers`): dulwich is not a dependency.

It reads what generator/load/git_history.py reads, the same way: the branch's first parents,
each commit's changes to the events folder with renames detected, and every version's text.
"""

from __future__ import annotations

from pathlib import Path

from dulwich.diff_tree import RenameDetector, tree_changes
from dulwich.object_store import tree_lookup_path
from dulwich.objects import Blob, Commit
from dulwich.repo import Repo

from generator.load.git_history import Version


def _subtree(repo: Repo, tree: bytes, folder: bytes) -> bytes | None:
    try:
        return tree_lookup_path(repo.object_store.__getitem__, tree, folder)[1]
    except KeyError:
        return None


def read_with_dulwich(events: Path) -> dict[str, tuple[Version, ...]]:
    """Every version of the files of `events` ('x.md' -> its versions, oldest first)."""
    repo = Repo.discover(str(events))
    top = Path(repo.path).resolve()
    folder = events.resolve().relative_to(top).as_posix().encode()
    store = repo.object_store
    commits: list[Commit] = []
    commit = repo[repo.head()]
    while isinstance(commit, Commit):  # first parents, newest first
        commits.append(commit)
        if not commit.parents:
            break
        commit = repo[commit.parents[0]]
    detector = RenameDetector(store)
    versions: dict[str, list[Version]] = {}
    before: bytes | None = None
    for commit in reversed(commits):
        tree = _subtree(repo, commit.tree, folder)
        for change in tree_changes(store, before, tree, rename_detector=detector):
            old = change.old.path.decode() if change.type == "rename" else ""
            if change.new.path is None:  # deleted
                name = change.old.path.decode()
                text = ""
            else:
                name = change.new.path.decode()
                blob = store[change.new.sha]
                assert isinstance(blob, Blob)
                text = blob.data.decode("utf-8", errors="replace")
            kept = versions.pop(old, []) if old else versions.get(name, [])
            kept.append(Version(commit.id.decode(), commit.commit_time, "", text))
            versions[name] = kept
        before = tree
    return {name: tuple(found) for name, found in versions.items()}
