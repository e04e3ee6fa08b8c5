"""The benchmark's corpus: deterministic, and valid content for the generator."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import generate
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
