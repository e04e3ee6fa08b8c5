"""Publishing site/ to a branch, against real git repositories: a bare remote and a user's clone."""

from __future__ import annotations

import signal
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.publish import publish
from generator.errors import BuildFailed
from generator.incremental.store import output_digest
from tests.browser import preview_server
from tests.helpers import TEMPLATES, build_into, read_tree
from tests.project_files import make_project

# Variables that would let the machine's or the caller's git settings leak into a test.
_GIT_VARIABLES = (
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_AUTHOR_DATE",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "GIT_COMMITTER_DATE",
    "EMAIL",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
)


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """No global or system git configuration, and no identity from the environment."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    # `git status` may otherwise rewrite the index to refresh it, which would hide whether
    # publishing touched the index file.
    monkeypatch.setenv("GIT_OPTIONAL_LOCKS", "0")
    for name in _GIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd`; its standard output, or the test fails with git's message."""
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def identify(repo: Path, name: str = "Ada Lovelace", email: str = "ada@example.org") -> None:
    git(repo, "config", "user.name", name)
    git(repo, "config", "user.email", email)


@dataclass(frozen=True)
class Setup:
    remote: Path
    repo: Path
    site: Path


def make_site(site: Path) -> None:
    """A small built site: pages, a nested file, a .nojekyll and CRLF bytes to keep exactly."""
    (site / "events" / "caesar").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Timeline</title>\n")
    (site / "events" / "caesar" / "index.html").write_text("<p>Caesar is killed</p>\n")
    (site / "static").mkdir()
    (site / "static" / "site.css").write_bytes(b"body {\r\n  margin: 0;\r\n}\r\n")
    (site / ".nojekyll").write_bytes(b"")


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    """A bare remote and a user's repository with committed, modified, staged and stashed work."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    repo = tmp_path / "project"
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(repo))
    identify(repo)
    # Would rewrite the CRLF file if publishing let the user's filters run.
    git(repo, "config", "core.autocrlf", "input")
    git(repo, "remote", "add", "origin", str(remote))
    (repo / ".gitignore").write_text("site/\n")
    (repo / "notes.txt").write_text("first\n")
    (repo / "draft.txt").write_text("draft\n")
    git(repo, "add", ".gitignore", "notes.txt", "draft.txt")
    git(repo, "commit", "--quiet", "-m", "Start")
    (repo / "draft.txt").write_text("stashed change\n")
    git(repo, "stash", "--quiet")
    (repo / "notes.txt").write_text("first\nmodified, not staged\n")
    (repo / "staged.txt").write_text("staged\n")
    git(repo, "add", "staged.txt")
    (repo / "draft.txt").write_text("draft\nmodified after staging\n")
    (repo / "untracked.txt").write_text("untracked\n")
    site = repo / "site"
    make_site(site)
    return Setup(remote, repo, site)


def snapshot(repo: Path) -> dict[str, object]:
    """Everything of the user's that publishing must leave alone."""
    worktree = {
        path: data
        for path, data in read_tree(repo).items()
        if not path.startswith((".git/", "site/"))
    }
    return {
        "status": git(repo, "status", "--porcelain=v1"),
        "index": git(repo, "ls-files", "-s"),
        "index file": (repo / ".git" / "index").read_bytes(),
        "HEAD": (repo / ".git" / "HEAD").read_text(),
        "head commit": git(repo, "rev-parse", "HEAD"),
        "stash": git(repo, "stash", "list"),
        "worktree": worktree,
    }


def branch_files(repo: Path, ref: str) -> dict[str, bytes]:
    """Every file of `ref`'s tree with its bytes, by path."""
    files: dict[str, bytes] = {}
    for line in git(repo, "ls-tree", "-r", "-z", ref).split("\0"):
        if not line:
            continue
        meta, path = line.split("\t", 1)
        mode, kind, sha = meta.split()
        assert (mode, kind) == ("100644", "blob"), line
        blob = subprocess.run(
            ["git", "cat-file", "blob", sha], cwd=repo, capture_output=True, check=True
        )
        files[path] = blob.stdout
    return files


def commit_count(repo: Path, ref: str) -> int:
    return int(git(repo, "rev-list", "--count", ref))


def push_from_another_clone(remote: Path, tmp_path: Path, file: str) -> str:
    """Commit `file` on the remote's gh-pages from a second clone; return that commit."""
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(remote), str(other))
    identify(other, "Grace Hopper", "grace@example.org")
    remote_has_branch = git(other, "ls-remote", "origin", "refs/heads/gh-pages").strip()
    if remote_has_branch:
        git(other, "switch", "--quiet", "gh-pages")
    else:
        git(other, "switch", "--quiet", "--orphan", "gh-pages")
    (other / file).write_text("from another clone\n")
    git(other, "add", file)
    git(other, "commit", "--quiet", "-m", "Another publish")
    git(other, "push", "--quiet", "origin", "gh-pages")
    return git(other, "rev-parse", "HEAD").strip()


def test_publish_puts_exactly_the_site_on_the_remote_branch(setup: Setup) -> None:
    result = publish(setup.repo, setup.site)
    assert result.pushed and not result.unchanged and result.branch == "gh-pages"
    assert result.commit == git(setup.remote, "rev-parse", "gh-pages").strip()
    files = branch_files(setup.remote, "gh-pages")
    assert files == read_tree(setup.site)
    assert {".nojekyll", "events/caesar/index.html", "static/site.css"} <= files.keys()
    assert files["static/site.css"] == b"body {\r\n  margin: 0;\r\n}\r\n"
    assert commit_count(setup.remote, "gh-pages") == 1


def test_publishing_an_unchanged_site_makes_no_commit(setup: Setup) -> None:
    first = publish(setup.repo, setup.site)
    again = publish(setup.repo, setup.site)
    assert again.unchanged and not again.pushed and again.commit is None
    assert git(setup.remote, "rev-parse", "gh-pages").strip() == first.commit
    assert git(setup.repo, "rev-parse", "gh-pages").strip() == first.commit
    assert commit_count(setup.remote, "gh-pages") == 1


def test_a_changed_site_adds_exactly_one_commit(setup: Setup) -> None:
    first = publish(setup.repo, setup.site)
    (setup.site / "index.html").write_text("<!doctype html><title>Changed</title>\n")
    (setup.site / "events" / "caesar" / "index.html").unlink()
    (setup.site / "events" / "brutus.html").write_text("<p>Brutus</p>\n")
    second = publish(setup.repo, setup.site)
    assert second.pushed and second.commit not in (None, first.commit)
    assert commit_count(setup.remote, "gh-pages") == 2
    assert git(setup.remote, "rev-parse", "gh-pages^").strip() == first.commit
    assert branch_files(setup.remote, "gh-pages") == read_tree(setup.site)
    assert "events/caesar/index.html" not in branch_files(setup.remote, "gh-pages")


def test_publishing_leaves_the_users_work_tree_index_head_and_stash_alone(setup: Setup) -> None:
    before = snapshot(setup.repo)
    assert "A  staged.txt" in str(before["status"]) and before["stash"]
    publish(setup.repo, setup.site)
    assert snapshot(setup.repo) == before
    (setup.site / "index.html").write_text("changed\n")
    publish(setup.repo, setup.site)
    publish(setup.repo, setup.site)
    assert snapshot(setup.repo) == before


def test_the_commit_names_its_source_and_the_users_identity(setup: Setup) -> None:
    publish(setup.repo, setup.site)
    short = git(setup.repo, "rev-parse", "--short", "HEAD").strip()
    shown = git(setup.remote, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", "gh-pages")
    assert shown.strip() == (
        f"Ada Lovelace <ada@example.org>|Ada Lovelace <ada@example.org>|Publish site from {short}"
    )


def test_a_repository_without_commits_or_identity_still_publishes(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    repo = tmp_path / "fresh"
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(repo))
    git(repo, "remote", "add", "origin", str(remote))
    make_site(repo / "site")
    result = publish(repo, repo / "site")
    assert result.pushed
    shown = git(remote, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", "gh-pages")
    fallback = "timeline <timeline@localhost>"
    assert shown.strip() == f"{fallback}|{fallback}|Publish site"
    assert branch_files(remote, "gh-pages") == read_tree(repo / "site")
    # HEAD is still the unborn main, and nothing was staged.
    assert (repo / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert git(repo, "ls-files", "-s") == ""
    assert not (repo / ".git" / "index").exists()


def test_a_branch_only_the_remote_has_is_built_upon(setup: Setup, tmp_path: Path) -> None:
    theirs = push_from_another_clone(setup.remote, tmp_path, "CNAME")
    result = publish(setup.repo, setup.site)
    assert result.pushed
    assert git(setup.remote, "rev-parse", "gh-pages^").strip() == theirs
    assert commit_count(setup.remote, "gh-pages") == 2
    assert branch_files(setup.remote, "gh-pages") == read_tree(setup.site)


def test_a_diverged_remote_branch_refuses_the_push(setup: Setup, tmp_path: Path) -> None:
    mine = publish(setup.repo, setup.site).commit
    theirs = push_from_another_clone(setup.remote, tmp_path, "CNAME")
    (setup.site / "index.html").write_text("changed\n")
    before = snapshot(setup.repo)
    with pytest.raises(BuildFailed) as refused:
        publish(setup.repo, setup.site)
    message = str(refused.value)
    assert message.startswith("git push to origin was refused: ")
    assert "[rejected]" in message and "gh-pages -> gh-pages" in message
    assert message.endswith("— fetch it (git fetch origin gh-pages:gh-pages) and publish again")
    assert git(setup.remote, "rev-parse", "gh-pages").strip() == theirs
    # The local branch is put back, so that the advice in the message works.
    assert git(setup.repo, "rev-parse", "gh-pages").strip() == mine
    assert snapshot(setup.repo) == before
    git(setup.repo, "fetch", "--quiet", "origin", "gh-pages:gh-pages")
    result = publish(setup.repo, setup.site)
    assert result.pushed
    assert git(setup.remote, "rev-parse", "gh-pages^").strip() == theirs


def test_a_remote_that_does_not_exist_refuses_the_push(setup: Setup, tmp_path: Path) -> None:
    mine = publish(setup.repo, setup.site).commit
    git(setup.repo, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    (setup.site / "index.html").write_text("changed\n")
    with pytest.raises(BuildFailed) as refused:
        publish(setup.repo, setup.site)
    message = str(refused.value)
    assert message.startswith("git push to origin was refused: ")
    assert "does not appear to be a git repository" in message
    assert message.endswith("check the remote's name or URL and your access rights, and try again")
    assert git(setup.repo, "rev-parse", "gh-pages").strip() == mine


def test_a_remote_that_declines_the_push_leaves_no_local_branch(setup: Setup) -> None:
    hook = setup.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(BuildFailed) as refused:
        publish(setup.repo, setup.site)
    message = str(refused.value)
    assert message.startswith("git push to origin was refused: ")
    assert "pushes are closed today" in message and "[remote rejected]" in message
    assert message.endswith("check the remote's name or URL and your access rights, and try again")
    # The branch did not exist before, so the refused commit leaves no branch behind.
    assert git(setup.repo, "branch", "--list", "gh-pages") == ""


def test_a_remote_that_cannot_be_read_stops_before_committing(setup: Setup) -> None:
    with pytest.raises(
        BuildFailed, match=r"^--remote: could not read upstream to look for refs/heads/"
    ):
        publish(setup.repo, setup.site, remote="upstream")
    assert git(setup.repo, "branch", "--list", "gh-pages") == ""


def test_another_branch_name_is_published_there(setup: Setup) -> None:
    result = publish(setup.repo, setup.site, branch="pages")
    assert result.branch == "pages"
    assert branch_files(setup.remote, "pages") == read_tree(setup.site)
    assert git(setup.remote, "branch", "--list", "gh-pages") == ""


def test_the_checked_out_branch_is_never_published_over(setup: Setup) -> None:
    git(setup.repo, "branch", "gh-pages")
    git(setup.repo, "symbolic-ref", "HEAD", "refs/heads/gh-pages")
    before = snapshot(setup.repo)
    with pytest.raises(
        BuildFailed, match=r"^--branch: the branch gh-pages is checked out here — switch"
    ):
        publish(setup.repo, setup.site)
    assert snapshot(setup.repo) == before
    assert git(setup.remote, "branch", "--list") == ""


@pytest.mark.parametrize(
    ("folder_exists", "expected"),
    [
        (False, r"site: no site to publish — run `timeline build` first$"),
        (True, r"site: the site is empty — run `timeline build` first$"),
    ],
)
def test_a_missing_or_empty_site_is_refused(
    tmp_path: Path, folder_exists: bool, expected: str
) -> None:
    repo = tmp_path / "project"
    git(tmp_path, "init", "--quiet", str(repo))
    site = repo / "site"
    if folder_exists:
        site.mkdir()
    with pytest.raises(BuildFailed, match=expected):
        publish(repo, site)


def test_a_folder_that_is_not_a_repository_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # So that git does not find a repository in a folder above the test's.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    make_site(tmp_path / "site")
    with pytest.raises(BuildFailed, match=r"not a git repository — run `git init` there first$"):
        publish(tmp_path, tmp_path / "site")


def test_a_malformed_branch_name_is_refused(setup: Setup) -> None:
    with pytest.raises(BuildFailed, match=r"^--branch: 'gh pages' is not a branch name"):
        publish(setup.repo, setup.site, branch="gh pages")


# `timeline publish` on a real project: it publishes what `timeline build` makes, never a draft.

SECRET = "Secret merger plan"


def timeline(root: Path, *args: str) -> int:
    """`timeline ARGS` run on the project at `root`, with the repository's templates."""
    return main(["--root", str(root), "--templates", str(TEMPLATES), *args])


@pytest.fixture
def project_repo(tmp_path: Path) -> tuple[Path, Path]:
    """A bare remote, and a project committed in a repository that has it as `origin`."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    root = make_project(tmp_path / "project")
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(root))
    identify(root)
    git(root, "remote", "add", "origin", str(remote))
    (root / ".gitignore").write_text("site/\n.cache/\n")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "Start")
    return remote, root


def without_drafts(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """What `timeline build` (no --drafts) makes of the project, in a folder of its own."""
    build_into(root, tmp_path / "clean")
    return read_tree(tmp_path / "clean")


def secret_in(files: dict[str, bytes]) -> list[str]:
    return [
        path for path, data in files.items() if "secret-merger-plan" in path or b"Secret" in data
    ]


def test_a_previewed_draft_never_reaches_the_published_branch(
    project_repo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote, root = project_repo
    assert timeline(root, "build") == 0
    assert timeline(root, "new", SECRET, "--date", "2019-03-05") == 0
    with preview_server(root) as (url, process):
        with urllib.request.urlopen(url + "events/secret-merger-plan/", timeout=10) as page:
            assert SECRET.encode() in page.read(), "the preview shows the draft"
        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=60) == 0  # it stops cleanly; how fast is for a quiet machine
    capsys.readouterr()
    assert timeline(root, "publish") == 0
    published = branch_files(remote, "gh-pages")
    assert secret_in(published) == []
    assert published == without_drafts(root, tmp_path)
    assert "(1 draft left out)" in capsys.readouterr().out


def test_a_site_built_with_drafts_is_rebuilt_without_them_before_publishing(
    project_repo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote, root = project_repo
    assert timeline(root, "new", SECRET, "--date", "2019-03-05") == 0
    assert timeline(root, "build", "--drafts") == 0
    assert secret_in(read_tree(root / "site")) != []
    capsys.readouterr()
    assert timeline(root, "publish") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Built 30 pages for 3 events (1 draft left out) into site/")
    assert out[1].startswith("Published site/ to origin gh-pages (")
    published = branch_files(remote, "gh-pages")
    assert secret_in(published) == []
    assert published == read_tree(root / "site") == without_drafts(root, tmp_path)


def test_publish_builds_the_site_when_there_is_none(
    project_repo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote, root = project_repo
    assert timeline(root, "publish") == 0
    assert capsys.readouterr().out.startswith("Built 30 pages for 3 events into site/")
    assert branch_files(remote, "gh-pages") == without_drafts(root, tmp_path)
    # Nothing changed since: nothing is built, and nothing is committed.
    assert timeline(root, "publish") == 0
    assert capsys.readouterr().out.splitlines() == [
        "site/ is up to date: 30 pages for 3 events, nothing changed since the last build",
        "site/ is unchanged since it was last published to gh-pages.",
    ]
    assert commit_count(remote, "gh-pages") == 1


def test_content_errors_publish_nothing(
    project_repo: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    remote, root = project_repo
    strike = root / "content/events/strike.md"
    strike.write_text(strike.read_text().replace("status: confirmed", "status: confimred"))
    assert timeline(root, "publish") == 1
    err = capsys.readouterr().err
    assert err.startswith("content/events/strike.md:5: status: unknown status `confimred`")
    assert err.endswith("1 error. Nothing was published.\n")
    assert git(remote, "branch", "--list") == ""


def test_a_site_that_changes_while_it_is_published_is_refused(setup: Setup) -> None:
    built = output_digest(setup.site)
    # Another build (with drafts, say) replaces a file after this one made the site.
    (setup.site / "index.html").unlink()
    (setup.site / "index.html").write_text("<!doctype html><title>Drafts too</title>\n")
    with pytest.raises(BuildFailed) as refused:
        publish(setup.repo, setup.site, built_as=built)
    assert str(refused.value) == (
        f"{setup.site}: changed while it was being published (another build, or an older preview, "
        "wrote into it) — run `timeline publish` again"
    )
    assert git(setup.remote, "branch", "--list") == ""
    assert git(setup.repo, "branch", "--list", "gh-pages") == ""
