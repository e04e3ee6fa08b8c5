"""The command line's `new` command (errors and builds are covered in test_errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.ids import slugify
from generator.cli import main
from tests.helpers import FIXTURE, TEMPLATES


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Russia denies the Pantsir sale", "russia-denies-the-pantsir-sale"),
        ("Gen. Qamar Bajwa’s remarks", "gen-qamar-bajwas-remarks"),
        ("Überraschung in Köln!", "uberraschung-in-koln"),
        ('Caesar\'s "last" words', "caesars-last-words"),
        ("???", "event"),
        ("word " * 40, ("word-" * 16).rstrip("-")),
    ],
)
def test_titles_become_ids(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_writes_an_event_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / part)
    args = ["--root", str(tmp_path), "--templates", str(TEMPLATES)]
    assert main([*args, "new", "The Battle of Actium", "--date=-0030-09-02"]) == 0
    assert capsys.readouterr().out == "Created content/events/the-battle-of-actium.md\n"
    text = (tmp_path / "content/events/the-battle-of-actium.md").read_text()
    assert text.startswith("---\ntitle: The Battle of Actium\n")
    assert main([*args, "check"]) == 0
    assert main([*args, "new", "The Battle of Actium", "--date=-0030"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "new", "Another", "--date", "2019-02-30"]) == 1
    assert capsys.readouterr().err.startswith("--date: '2019-02-30' is not a real day")
