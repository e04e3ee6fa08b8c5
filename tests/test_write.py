"""The writer: atomic replacement and refusal of unsafe paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import Staging, UnsafePath, write_site
from tests.helpers import read_tree


def test_the_site_is_replaced_exactly(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"one", "a/b/index.html": b"two"}, out)
    write_site({"index.html": b"three", "c.txt": b"four"}, out)
    assert read_tree(out) == {"index.html": b"three", "c.txt": b"four"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize(
    "path", ["../escape.html", "/etc/passwd", "a/../../b", "a\\b", "", "a//b", "./a"]
)
def test_paths_outside_the_site_are_refused(tmp_path: Path, path: str) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"good"}, out)
    with pytest.raises(UnsafePath):
        write_site({path: b"bad", "index.html": b"new"}, out)
    assert read_tree(out) == {"index.html": b"good"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_left_aside_by_a_crash_is_restored(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old" / "index.html").write_bytes(b"last good")
    (tmp_path / ".site.new-half").mkdir()
    write_site({"index.html": b"new"}, out)
    assert read_tree(out) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_unchanged_files_are_linked_not_written_again(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"same.html": b"kept", "changed.html": b"one"}, out)
    kept, changed = (out / "same.html").stat().st_ino, (out / "changed.html").stat().st_ino
    write_site({"same.html": b"kept", "changed.html": b"two"}, out)
    assert (out / "same.html").stat().st_ino == kept
    assert (out / "changed.html").stat().st_ino != changed
    assert read_tree(out) == {"same.html": b"kept", "changed.html": b"two"}
    assert (out / "same.html").stat().st_nlink == 1, "the old site's name is gone"


def test_a_file_put_twice_is_refused_before_it_could_reach_the_current_site(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    write_site({"same.html": b"kept"}, out)
    staging = Staging(out)
    try:
        staging.put("same.html", b"kept")  # hard-linked to the current site's file
        with pytest.raises(ValueError, match="written twice"):
            staging.put("same.html", b"changed")
    finally:
        staging.discard()
    assert (out / "same.html").read_bytes() == b"kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_file_stored_by_a_worker_is_counted_and_never_written_over(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"same.html": b"kept"}, out)
    staging = Staging(out)
    try:
        page = staging.store("a/page.html", b"made in a worker")
        same = staging.store("same.html", b"kept")  # hard-linked to the current site's file
        with pytest.raises(FileExistsError):
            staging.store("same.html", b"changed")
        written = staging.stream(
            [("a/page.html", page), ("same.html", same), ("index.html", b"by the writer")]
        )
    finally:
        staging.discard()
    assert written.paths == ("a/page.html", "index.html", "same.html")
    assert read_tree(out) == {
        "a/page.html": b"made in a worker",
        "index.html": b"by the writer",
        "same.html": b"kept",
    }
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
