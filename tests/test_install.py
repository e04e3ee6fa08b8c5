"""The generator as a user installs it: a wheel built from this repository, installed into a fresh
virtual environment with neither the checkout nor npm on its path; `timeline init` in an empty
folder, then `timeline build` there, without TimelineJS and then with it.

Building the wheel fetches setuptools, and installing it (with the pip the new environment comes
with) fetches the runtime dependencies, from the package index; one module-scoped fixture does
both once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.new_project import STARTER, requirement
from generator.vendor import TIMELINEJS_VERSION
from tests.helpers import REPO, TEMPLATES
from tests.test_workflow import WORKFLOW, run_tool, serious, zizmor_findings

NOTICE = "Notice: TimelineJS is not installed, so the site has no interactive view"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path  # the fresh environment's scripts
    work: Path

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        """`timeline ARGS` in `cwd`, with only the environment's scripts on the path."""
        env = {"PATH": str(self.bin), "HOME": str(self.work), "LANG": "C.UTF-8"}
        return subprocess.run(
            [str(self.bin / "timeline"), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )


def _run(*args: str | Path, cwd: Path | None = None) -> None:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _sources(work: Path) -> Path:
    """What the wheel is made from, copied out of the checkout (a build writes into its source)."""
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("generator", "templates"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    return source


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("install")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        work / "wheels",
        _sources(work),
    )
    [wheel] = (work / "wheels").glob("timeline_generator-*.whl")
    # As a user would: a new environment, and the pip it comes with (not upgraded), which may
    # be older than this checkout's and read dependencies differently (extras' names, say).
    _run(sys.executable, "-m", "venv", work / "venv")
    _run(work / "venv" / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=work)
    return Installed(wheel, work / "venv" / "bin", work)


@pytest.fixture(scope="module")
def made(installed: Installed) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A project made by the installed `timeline init`, in a folder outside the checkout, and
    what init said."""
    (installed.work / "elsewhere").mkdir()
    result = installed.run("init", "new-timeline", cwd=installed.work / "elsewhere")
    assert result.returncode == 0, result.stderr
    return installed.work / "elsewhere" / "new-timeline", result


@pytest.fixture(scope="module")
def project(made: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    return made[0]


@pytest.mark.slow
def test_the_wheel_carries_the_theme_and_the_starter(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    for folder, packaged in ((TEMPLATES, "generator/theme/"), (STARTER, "generator/starter/")):
        files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        assert sorted(n.removeprefix(packaged) for n in names if n.startswith(packaged)) == files


@pytest.mark.slow
def test_the_installed_command_starts(installed: Installed) -> None:
    result = installed.run("--help", cwd=installed.work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: timeline ")


@pytest.mark.slow
def test_the_installed_generator_runs_from_the_environment(installed: Installed) -> None:
    python = installed.bin / "python"
    found = subprocess.run(
        [python, "-c", "import generator.project as p; print(p.__file__, p.theme_folder())"],
        cwd=installed.work,
        env={"PATH": str(installed.bin)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(installed.work / "venv") for path in found)
    assert Path(found[1]).name == "theme"


@pytest.mark.slow
def test_a_new_project_builds_at_once_without_timelinejs(
    installed: Installed, project: Path
) -> None:
    result = installed.run("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built ")
    assert " pages for 2 events into site/ in " in result.stdout
    assert result.stderr.count(NOTICE) == 1
    assert "`npm ci`" in result.stderr
    site = project / "site"
    for page in ("index.html", "events/footbridge-repairs-begin/index.html", "static/style.css"):
        assert (site / page).is_file()
    assert not (site / "interactive").exists()
    assert "Interactive view" not in (site / "index.html").read_text(encoding="utf-8")
    link = 'href="../footbridge-closure-announced/"'
    assert link in (site / "events/footbridge-repairs-begin/index.html").read_text()


def _linted(project: Path) -> str:
    """The project's workflow, after both linters pass it; its actions pinned as ours are."""
    workflow = project / ".github" / "workflows" / "pages.yml"
    schema = run_tool(
        "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)
    )
    assert schema.returncode == 0, schema.stdout + schema.stderr
    _, findings = zizmor_findings(workflow)
    assert serious(findings) == []
    strict = run_tool(
        "zizmor", "--offline", "--no-config", "--min-severity", "medium", str(workflow)
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr
    text = workflow.read_text(encoding="utf-8")
    pins = {line.strip() for line in WORKFLOW.read_text().splitlines() if "uses:" in line}
    assert {line.strip() for line in text.splitlines() if "uses:" in line} == pins
    assert "run: timeline check --format github" in text
    return text


@pytest.mark.slow
def test_the_new_projects_workflow_passes_both_linters(
    made: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    project, said = made
    text = _linted(project)
    # Installed from a wheel file, which the workflow cannot reach: the released version, a
    # comment saying what to change, and init says so too, with the flag to pass.
    assert text.count('run: python -m pip install "timeline-generator==0.1.0"') == 2
    assert "installed from a local folder or file" in text
    assert said.stderr.startswith("Notice: its .github/workflows/pages.yml installs ")
    assert "`timeline init --generator REQUIREMENT`" in said.stderr


@pytest.mark.slow
def test_init_writes_the_generator_it_is_given_into_the_workflow(installed: Installed) -> None:
    wanted = f"timeline-generator @ git+https://github.com/example/timeline@{'c' * 40}"
    result = installed.run("init", "given", "--generator", wanted, cwd=installed.work)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = _linted(installed.work / "given")
    assert text.count(f'run: python -m pip install "{wanted}"') == 2
    assert "local folder" not in text


@pytest.mark.slow
def test_after_npm_ci_the_project_gets_the_interactive_view(
    installed: Installed, project: Path
) -> None:
    # `npm ci --offline` installs the lockfile's packages from npm's cache when it has them;
    # otherwise the project's node_modules is a link to this repository's, as if installed.
    npm = shutil.which("npm")
    done = npm is not None and (
        subprocess.run(
            [npm, "ci", "--offline", "--omit=dev", "--no-audit", "--no-fund"],
            cwd=project,
            capture_output=True,
            check=False,
            timeout=300,
        ).returncode
        == 0
    )
    if not done:
        if not (REPO / "node_modules" / "@knight-lab" / "timelinejs").is_dir():
            if os.environ.get("CI") == "true":
                pytest.fail("neither npm's cache nor node_modules/ has TimelineJS: run `npm ci`")
            pytest.skip("TimelineJS is not installed: run `npm ci`")
        shutil.rmtree(project / "node_modules", ignore_errors=True)
        (project / "node_modules").symlink_to(REPO / "node_modules")
    result = installed.run("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert NOTICE not in result.stderr
    site = project / "site"
    assert (site / "interactive" / "index.html").is_file()
    assert (site / "static" / "timelinejs" / "js" / "timeline.js").is_file()
    assert "Interactive view" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_init_refuses_a_folder_that_is_not_empty(installed: Installed, project: Path) -> None:
    result = installed.run("init", ".", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        ".: is not empty — choose a new or empty folder, so that no file of yours is "
        "overwritten\n1 error.\n"
    )


@pytest.mark.slow
def test_an_editable_install_finds_the_theme_in_the_checkout(installed: Installed) -> None:
    source, venv = installed.work / "source", installed.work / "editable"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
         "--no-deps", "-e", source)  # fmt: skip
    found = subprocess.run(
        [venv / "bin" / "python", "-c", "import generator.project as p; print(p.theme_folder())"],
        cwd=installed.work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(found.stdout.strip()) == source / "templates"


@pytest.mark.parametrize(
    ("direct_url", "wanted"),
    [
        (
            {
                "url": "https://github.com/example/timeline.git",
                "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "main"},
            },
            f"timeline-generator @ git+https://github.com/example/timeline.git@{'a' * 40}",
        ),
        (None, "timeline-generator==1.2.0"),  # from an index
        ({"url": "file:///home/me/timeline", "dir_info": {"editable": True}}, None),
        ({"url": "file:///tmp/timeline_generator-1.2.0-py3-none-any.whl"}, None),
        ({"url": "https://x.example/a b", "vcs_info": {"vcs": "git", "commit_id": "1" * 40}},
         None),  # not safe to put in the workflow as it is
        ({"url": "https://github.com/e/t.git", "vcs_info": {"vcs": "git"}}, None),
        ("not json", "timeline-generator==1.2.0"),
    ],
)  # fmt: skip
def test_the_workflow_installs_the_same_generator(direct_url: object, wanted: str | None) -> None:
    text = (
        direct_url if isinstance(direct_url, str) or direct_url is None else json.dumps(direct_url)
    )
    assert requirement(text, "1.2.0") == wanted


def test_the_starter_pins_the_same_timelinejs_as_this_repository() -> None:
    ours = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    starter = json.loads((STARTER / "package.json").read_text(encoding="utf-8"))
    starter_lock = json.loads((STARTER / "package-lock.json").read_text(encoding="utf-8"))
    version = ours["dependencies"]["@knight-lab/timelinejs"]
    assert (
        starter["dependencies"]
        == {"@knight-lab/timelinejs": version}
        == {"@knight-lab/timelinejs": TIMELINEJS_VERSION}
    )
    assert starter_lock["packages"][""]["dependencies"] == starter["dependencies"]
    for name, entry in starter_lock["packages"].items():
        assert name == "" or entry == lock[name], name


def test_every_package_and_data_folder_is_listed_for_the_wheel() -> None:
    listed = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    code = REPO / "generator"
    found = {"generator"} | {
        "generator." + ".".join(p.relative_to(code).parts)
        for p in code.rglob("*")
        if p.is_dir() and p.name != "__pycache__"
    }
    found |= {"generator.theme"} | {
        "generator.theme." + ".".join(p.relative_to(TEMPLATES).parts)
        for p in TEMPLATES.rglob("*")
        if p.is_dir()
    }
    assert sorted(listed) == sorted(found)


def test_the_readme_starts_a_timeline_of_your_own_with_an_environment() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A timeline of your own\n", 1)[1].split("\n## ", 1)[0]
    first_block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.startswith("python3 -m venv ")
    assert "pipx install " in section
    # What to put in the git URL's placeholders.
    assert "`OWNER/REPOSITORY` is where this repository is published" in section
    assert "`COMMIT` the full 40-character id" in section
