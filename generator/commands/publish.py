"""Publish the built site as a commit on a branch (gh-pages) and push it.

Only git plumbing runs, with a temporary index file, so the user's working tree, index, HEAD and
stash never move: the site's files are hashed straight from site/, written as a tree, committed on
top of the branch's tip and pushed. A push that is refused puts the local branch back where it
was, so that fetching and publishing again just works.

`publish_site` builds first, as `timeline build` does, without drafts: whatever wrote into site/
before (a build with --drafts, an older preview), what is published is what that build makes.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.build import BuildResult, build_unless_fresh
from generator.errors import failed
from generator.incremental.store import Fresh, output_digest
from generator.project import Project

FALLBACK_NAME = "timeline"
FALLBACK_EMAIL = "timeline@localhost"
_NO_COMMIT = "0" * 40
_GIT_FIX = "check the repository with `git status`, then publish again"


@dataclass(frozen=True)
class PublishResult:
    """What `publish` did: the new commit (None when unchanged) and whether it was pushed."""

    commit: str | None
    branch: str
    pushed: bool
    unchanged: bool


def publish_site(
    project: Project, cache_folder: Path, remote: str = "origin", branch: str = "gh-pages"
) -> tuple[BuildResult | Fresh, PublishResult]:
    """Build the project's site without its drafts, as `timeline build` does (nothing to do
    when it is up to date; see incremental/store.py), then publish exactly those files.
    Returns what the build made and what publishing did; raises BuildFailed on content errors,
    before anything is published."""
    built = build_unless_fresh(project, cache_folder, drafts=False)
    made = output_digest(project.output)
    return built, publish(project.root, project.output, remote, branch, built_as=made)


def publish(
    project_root: Path,
    site: Path,
    remote: str = "origin",
    branch: str = "gh-pages",
    *,
    built_as: str | None = None,
) -> PublishResult:
    """Commit `site` on top of `branch` in the repository at `project_root` and push it.
    With `built_as` (the output digest of site/ as a build left it), refuse a site that
    changed since, before anything is committed."""
    files = _site_files(site)
    if _git(project_root, ["rev-parse", "--git-dir"]).returncode != 0:
        raise failed("not a git repository", "run `git init` there first", path=str(project_root))
    _check_branch(project_root, branch)
    ref = f"refs/heads/{branch}"
    parent = _parent(project_root, remote, ref)
    with tempfile.TemporaryDirectory(prefix="timeline-publish-") as scratch:
        tree = _write_tree(project_root, site, files, Path(scratch) / "index")
    # Checked once the files are hashed: whatever replaced one of them since the build (another
    # build with drafts, say) changed the digest, so what is committed is what the build made.
    if built_as is not None and output_digest(site) != built_as:
        raise failed(
            "changed while it was being published (another build, or an older preview, wrote "
            "into it)",
            "run `timeline publish` again",
            path=str(site),
        )
    if parent is not None and tree == _rev_parse(project_root, f"{parent}^{{tree}}"):
        return PublishResult(commit=None, branch=branch, pushed=False, unchanged=True)
    commit = _commit_tree(project_root, tree, parent)
    _git_ok(
        project_root,
        ["update-ref", "-m", "timeline publish", ref, commit, parent or _NO_COMMIT],
        f"could not move {ref}",
    )
    pushed = _git(project_root, ["push", remote, f"{ref}:{ref}"])
    if pushed.returncode != 0:
        _undo(project_root, ref, commit, parent)
        reason = _reason(pushed.stderr)
        advice = (
            f"fetch it (git fetch {remote} {branch}:{branch}) and publish again"
            if "(fetch first)" in reason or "(non-fast-forward)" in reason
            else "check the remote's name or URL and your access rights, and try again"
        )
        raise failed(f"git push to {remote} was refused: {reason}", advice)
    return PublishResult(commit=commit, branch=branch, pushed=True, unchanged=False)


def _site_files(site: Path) -> list[Path]:
    """Every file under `site`, sorted; refuses a missing or empty site."""
    if not site.is_dir():
        raise failed("no site to publish", "run `timeline build` first", path=str(site))
    files = sorted(path for path in site.rglob("*") if path.is_file())
    if not files:
        raise failed("the site is empty", "run `timeline build` first", path=str(site))
    for path in files:
        # hash-object --stdin-paths reads one path a line.
        if "\n" in str(path):
            raise failed(
                "a file name with a line break cannot be published",
                "rename the file",
                path=str(path),
            )
    return files


def _check_branch(root: Path, branch: str) -> None:
    """Refuse a malformed branch name, and the branch the user has checked out."""
    if _git(root, ["check-ref-format", "--branch", branch]).returncode != 0:
        raise failed(
            f"{branch!r} is not a branch name",
            "choose a name git accepts, without spaces, such as gh-pages",
            field="--branch",
        )
    head = _git(root, ["symbolic-ref", "-q", "HEAD"]).stdout.strip()
    if head == f"refs/heads/{branch}":
        raise failed(
            f"the branch {branch} is checked out here",
            "switch to your source branch first, since publishing replaces that branch's files",
            field="--branch",
        )


def _parent(root: Path, remote: str, ref: str) -> str | None:
    """The commit to publish on top of: the local branch, else the remote's, else none."""
    local = _git(root, ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"])
    if local.returncode == 0:
        return local.stdout.strip()
    listed = _git(root, ["ls-remote", "--exit-code", remote, ref])
    if listed.returncode == 2:  # the remote answered and has no such branch
        return None
    if listed.returncode != 0:
        raise failed(
            f"could not read {remote} to look for {ref}: {_reason(listed.stderr)}",
            "check the remote's name or URL (git remote -v) and your access rights",
            field="--remote",
        )
    _git_ok(
        root,
        ["fetch", "--no-tags", "--no-write-fetch-head", remote, f"{ref}:{ref}"],
        f"git fetch from {remote} failed",
    )
    return _rev_parse(root, f"{ref}^{{commit}}")


def _write_tree(root: Path, site: Path, files: Sequence[Path], index: Path) -> str:
    """Hash `files` into the object store as they are; return the tree of `site` that holds them."""
    # --no-filters stores the bytes exactly, whatever autocrlf or attributes the user has.
    hashed = _git_ok(
        root,
        ["hash-object", "-w", "--no-filters", "--stdin-paths"],
        "could not store the site's files",
        stdin="".join(f"{path.absolute()}\n" for path in files),
    ).split()
    entries = "".join(
        f"{_mode(path)} {sha}\t{path.relative_to(site).as_posix()}\0"
        for path, sha in zip(files, hashed, strict=True)
    )
    env = {"GIT_INDEX_FILE": str(index)}
    _git_ok(
        root,
        ["update-index", "--add", "-z", "--index-info"],
        "could not index the site's files",
        stdin=entries,
        env=env,
    )
    return _git_ok(root, ["write-tree"], "could not write the site's tree", env=env).strip()


def _mode(path: Path) -> str:
    return "100755" if path.stat().st_mode & 0o111 else "100644"


def _commit_tree(root: Path, tree: str, parent: str | None) -> str:
    """Commit `tree` on `parent` with the user's identity, or timeline's when none is set."""
    source = _git(root, ["rev-parse", "--short", "--verify", "--quiet", "HEAD"])
    message = "Publish site" + (f" from {source.stdout.strip()}" if source.returncode == 0 else "")
    args = ["commit-tree", tree, "-m", message]
    if parent is not None:
        args += ["-p", parent]
    return _git_ok(root, args, "could not commit the site", env=_identity(root)).strip()


def _identity(root: Path) -> dict[str, str]:
    """Fallback author and committer variables for whatever identity git has no setting for."""
    env: dict[str, str] = {}
    for key, fallback in (("name", FALLBACK_NAME), ("email", FALLBACK_EMAIL)):
        if _git(root, ["config", "--get", f"user.{key}"]).returncode == 0:
            continue
        for role in ("AUTHOR", "COMMITTER"):
            variable = f"GIT_{role}_{key.upper()}"
            if variable not in os.environ:
                env[variable] = fallback
    return env


def _undo(root: Path, ref: str, commit: str, parent: str | None) -> None:
    """Put `ref` back where it was before `commit`, if nothing else moved it since."""
    if parent is None:
        _git(root, ["update-ref", "-d", ref, commit])
    else:
        _git(root, ["update-ref", "-m", "timeline publish: push refused", ref, parent, commit])


def _rev_parse(root: Path, name: str) -> str:
    return _git_ok(root, ["rev-parse", "--verify", name], f"cannot resolve {name}").strip()


def _reason(stderr: str) -> str:
    """Git's own words for a failure, without its hints and progress lines, on one line."""
    lines = (line.strip() for line in stderr.splitlines())
    kept = [line for line in lines if line and not line.startswith(("hint:", "To "))]
    return "; ".join(kept) or "git gave no reason"


def _git_ok(
    root: Path,
    args: Sequence[str],
    what: str,
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """Git's standard output; BuildFailed (`what`: git's reason) if it failed."""
    result = _git(root, args, stdin, env)
    if result.returncode != 0:
        raise failed(f"{what}: {_reason(result.stderr)}", _GIT_FIX)
    return result.stdout


def _git(
    root: Path,
    args: Sequence[str],
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run git in `root` with `args` and extra environment `env`, capturing its output."""
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            env={**os.environ, **(env or {})},
            check=False,
        )
    except FileNotFoundError as error:
        raise failed("git is not installed", "install git and try again") from error
