"""Content errors on the command line: several errors at once, every format, and the command line's
words.

Every test starts from the small valid project of tests/project_files.py, breaks one thing, and
compares the full `path:line: field: what is wrong — how to fix it` lines. The line numbers in the
expected messages are counted by hand from its texts, so a wrong line fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build, check
from generator.cli import main
from generator.errors import BuildFailed
from tests.helpers import read_tree
from tests.project_files import (
    RELATIONS,
    SITE,
    STATUSES,
    cli,
    errors,
    project,
    replace,
    write,
)

# Several errors, and the command line -----------------------------------------------------------

SEVERAL = [
    "content/actors/army.md:2: kind: is missing — add a `kind: …` line",
    "content/events/denial.md:11: related[0].relation: unknown relation `denys` (did you mean "
    f"`denies`?) — use one of: {RELATIONS}",
    "content/events/strike.md:5: status: unknown status `confirmd` (did you mean `confirmed`?) "
    f"— use one of: {STATUSES}",
    "content/events/strike.md:6: actors[0]: unknown actor `armee` (did you mean `army`?) — "
    "create content/actors/armee.md or fix the id",
    "content/events/strike.md:13: body: [[armee]] links to no event or actor (did you mean "
    "`army`?) — fix the id, or create the event or actor",
    "content/site.yaml:4: base_url: `/timeline/` is not an absolute http(s) URL — write the full "
    "address, such as https://example.github.io/project/",
    "content/sources.yaml:8: article.notes: unknown key (did you mean `note`?) — use one of: "
    "title, publisher, author, date, url, local, note, accessed, archive, publish_text, language",
]


def break_several(root: Path) -> None:
    replace(root, "actors/army.md", "kind: military\n", "")
    replace(root, "events/denial.md", "relation: denies", "relation: denys")
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    replace(root, "events/strike.md", "actors: [army]", "actors: [armee]")
    replace(root, "events/strike.md", "The [[army]] struck.", "The [[armee]] struck.")
    replace(root, "site.yaml", "https://example.org/timeline/", "/timeline/")
    replace(root, "sources.yaml", "  note: The only source.", "  notes: The only source.")


def test_several_errors_across_files_are_reported_in_one_run_sorted(root: Path) -> None:
    break_several(root)
    with pytest.raises(BuildFailed) as failure:
        build(project(root))
    found = failure.value.errors
    assert [str(error) for error in found] == SEVERAL
    # By path, then by line as a number (13 after 6), not as text.
    assert [(e.path, e.line) for e in found] == sorted((e.path, e.line) for e in found)


def test_cli_build_reports_every_error_and_leaves_the_site_unchanged(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith("Built 30 pages for 3 events into site/ in ")
    before = read_tree(root / "site")
    assert "events/strike/index.html" in before
    break_several(root)
    assert cli(root, "build") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [*SEVERAL, "7 errors. site/ was not changed."]
    assert "Traceback" not in out + err
    assert read_tree(root / "site") == before
    assert sorted(path.name for path in root.iterdir()) == [".cache", "content", "seeds", "site"]


def test_cli_build_of_files_that_cannot_be_read_has_no_traceback(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(root, "build") == 0
    before = read_tree(root / "site")
    (root / "content" / "events" / "folder.md").mkdir()
    write(root, "actors/army.md", b"\x00\x01")
    write(root, "events/strike.md", b"---\ntitle: \xff\n---\n")
    assert cli(root, "build") == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.splitlines() == [
        "content/actors/army.md:1: this is a binary file — remove it from content/",
        "content/events/folder.md:1: the file cannot be read (Is a directory) — make it a "
        "readable file, or remove it",
        "content/events/strike.md:2: the file is not UTF-8 text (byte 0xff in column 8) — save "
        "it with UTF-8 encoding",
        "3 errors. site/ was not changed.",
    ]
    assert read_tree(root / "site") == before


def test_cli_check_exit_status(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(root, "check") == 0
    assert capsys.readouterr().out == "No errors: 3 events, 2 actors, 1 place, 1 source.\n"
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert cli(root, "check") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "content/events/strike.md:5: status: unknown status `confirmd` (did you mean "
        f"`confirmed`?) — use one of: {STATUSES}",
        "1 error.",
    ]
    assert not (root / "site").exists()


def test_timeline_command_check_exit_status(root: Path) -> None:
    script = Path(sys.executable).with_name("timeline")  # the installed console script
    program = [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]
    command = [*program, "--root", str(root), "check"]
    passed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (passed.returncode, passed.stderr) == (0, "")
    replace(root, "events/aftermath.md", "[[denial]]", "[[denials]]")
    failed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "content/events/aftermath.md:9: body: [[denials]] links to no event or actor (did you "
        "mean `denial`?) — fix the id, or create the event or actor",
        "1 error.",
    ]
    assert "Traceback" not in failed.stdout + failed.stderr


def test_check_writes_nothing(root: Path) -> None:
    timeline = check(project(root))
    assert len(timeline.events) == 3
    assert not (root / "site").exists()


def test_a_custom_domain_must_be_a_host_name_and_match_base_url(root: Path) -> None:
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text() + "domain: Not a domain\n")
    assert errors(root) == [
        "content/site.yaml:9: domain: `not a domain` is not a domain name — write the bare "
        "host name, such as timeline.example.org"
    ]
    site.write_text(SITE + "domain: timeline.example.net\n")
    assert errors(root) == [
        "content/site.yaml:9: domain: the site is published at timeline.example.net but "
        "base_url is https://example.org/timeline/ — set base_url to "
        "https://timeline.example.net/"
    ]


# The command line's words ----------------------------------------------------------------------


def test_counts_agree_in_number(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("denial", "aftermath"):
        (root / "content" / "events" / f"{name}.md").unlink()
    replace(root, "actors/country.md", "[[strike|the strike]]", "the strike")
    (root / "content" / "actors" / "army.md").unlink()
    replace(root, "events/strike.md", "actors: [army]", "actors: [country]")
    replace(root, "events/strike.md", "The [[army]] struck.", "The army struck.")
    assert cli(root, "check") == 0
    assert capsys.readouterr().out == "No errors: 1 event, 1 actor, 1 place, 1 source.\n"
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith("Built 26 pages for 1 event into site/ in ")
    assert cli(root, "build") == 0
    assert capsys.readouterr().out.startswith(
        "site/ is up to date: 26 pages for 1 event, nothing changed since the last build"
    )


def test_a_failed_first_build_says_nothing_was_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmd")
    assert cli(root, "build") == 1
    assert capsys.readouterr().err.splitlines()[-1] == "1 error. Nothing was written."
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("title", "clash"),
    [("Army", "content/actors/army.md"), ("Strike", "content/events/2019/strike.md")],
)
def test_new_refuses_an_id_that_an_actor_or_an_event_has(
    root: Path, capsys: pytest.CaptureFixture[str], title: str, clash: str
) -> None:
    (root / "content" / "events" / "2019").mkdir()
    (root / "content" / "events" / "strike.md").rename(root / "content/events/2019/strike.md")
    before = read_tree(root / "content")
    assert main(["--root", str(root), "new", title, "--date", "2019"]) == 1
    identifier = Path(clash).stem
    assert capsys.readouterr().err == (
        f"{clash}: already has the id `{identifier}` — choose another title, since an id names "
        "one event or actor\n1 error.\n"
    )
    assert read_tree(root / "content") == before


def test_a_subfolder_that_cannot_be_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    (root / "content" / "events" / "2019").mkdir()
    real = os.scandir

    def refuses(path: object) -> object:  # as a folder without permission (root reads them all)
        if str(path).endswith("2019/"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", refuses)
    assert errors(root) == [
        "content/events/2019:1: this folder cannot be read, so its files would be left out — give "
        "the folder read and execute permission (chmod u+rx), or move it out of content/"
    ]


def test_order_must_be_a_whole_number(root: Path) -> None:
    replace(root, "events/strike.md", "status: confirmed", "status: confirmed\norder: soon")
    line = _line_of(root / "content/events/strike.md", "order: soon")
    assert errors(root) == [
        f"content/events/strike.md:{line}: order: expected a whole number, got `soon` — "
        "write `order: 1`, `order: 2` … to order events of the same date (lower first)"
    ]


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1
