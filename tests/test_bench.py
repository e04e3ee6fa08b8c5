"""The benchmark's corpus: deterministic, and valid content for the generator."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.corpus import generate
from bench.history import make_repository
from generator.check.validate import validate
from generator.load.files import load
from generator.project import Project
from tests.helpers import TEMPLATES, read_tree


def test_the_corpus_is_deterministic_and_valid(tmp_path: Path) -> None:
    generate(60, tmp_path / "one")
    generate(60, tmp_path / "two")
    assert read_tree(tmp_path / "one") == read_tree(tmp_path / "two")
    timeline = validate(load(Project.at(tmp_path / "one", templates=TEMPLATES)))
    assert len(timeline.events) == 60
    assert len(timeline.actors) == 50


def test_the_history_repository_is_deterministic_with_three_commits_per_event(
    tmp_path: Path,
) -> None:
    heads = []
    for name in ("one", "two"):
        make_repository(30, tmp_path / name)
        done = subprocess.run(
            ["git", "log", "--format=%H %ct", "--", "content/events/"],
            cwd=tmp_path / name,
            capture_output=True,
            text=True,
            check=True,
        )
        heads.append(done.stdout)
    assert heads[0] == heads[1] and len(heads[0].splitlines()) == 7
    for path in sorted((tmp_path / "one" / "content" / "events").glob("*.md")):
        touched = subprocess.run(
            ["git", "log", "--oneline", "--", str(path)],
            cwd=tmp_path / "one",
            capture_output=True,
            text=True,
            check=True,
        )
        assert len(touched.stdout.splitlines()) == 3, path
    timeline = validate(load(Project.at(tmp_path / "one", templates=TEMPLATES)))
    assert timeline.site.history and len(timeline.events) == 30
