"""Interrupted builds: a build killed with SIGKILL at any point leaves site/ exactly as the last
successful build left it (or, once its swap is done, exactly as the new build makes it).

The real content with 400 generated events makes a build long enough to kill at chosen points:
before the writer starts, all through its writing, and around its final swap. Nothing in the
generator knows it is being tested.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import REPO, TEMPLATES, read_tree

SYNTHETIC = 400
KILLS_BEFORE_WRITING = 3
MAX_KILLS_WHILE_WRITING = 40


def make_big_project(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "seeds", root / "seeds")
    events = root / "content" / "events"
    for number in range(SYNTHETIC):
        (events / f"synthetic-{number:04d}.md").write_text(
            "---\n"
            f"title: Synthetic event {number}\n"
            "summary: A generated event that makes the build long enough to interrupt.\n"
            f"date: {1900 + number % 120}-{1 + number % 12:02d}\n"
            f"tags: [synthetic, batch-{number % 40}]\n"
            "---\n"
            f"A paragraph with **bold** text and [a link](https://example.org/{number}).\n",
            encoding="utf-8",
        )
    return root


def change_content(root: Path) -> None:
    """A change that alters most pages: a title shown on the index, in feeds and the search."""
    path = root / "content" / "events" / "synthetic-0000.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Synthetic event 0", "A changed title"), encoding="utf-8")


def start_build(root: Path, output: Path | None = None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "generator", "--root", str(root)]
    command += ["--templates", str(TEMPLATES)]
    if output is not None:
        command += ["--output", str(output)]
    return subprocess.Popen(
        [*command, "build"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=root
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()


def staging(output: Path) -> list[Path]:
    """The writer's staging folders for `output`, beside it."""
    return sorted(output.parent.glob(f".{output.name}.new-*"))


def wait_for_staging(process: subprocess.Popen[bytes], output: Path) -> float | None:
    """Poll until the writer has made its staging folder; None if the build ended first."""
    while process.poll() is None:
        if staging(output):
            return time.perf_counter()
        time.sleep(0.0005)
    return None


def survivors(root: Path) -> list[int]:
    """Processes still running a build of the project at `root` (workers of a killed build)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_text(errors="replace")
            if entry.name.isdigit() and str(root) in command:
                found.append(int(entry.name))
        except OSError:  # gone meanwhile
            pass
    return found


def no_survivors(root: Path) -> bool:
    deadline = time.perf_counter() + 10
    while survivors(root) and time.perf_counter() < deadline:
        time.sleep(0.05)
    return not survivors(root)


def leftovers(root: Path) -> list[str]:
    """What lies beside site/ other than the project's own folders and the writer's staging."""
    return sorted(
        path.name
        for path in root.iterdir()
        if path.name not in ("content", "seeds", "site", ".cache")
        and not path.name.startswith(".site.new-")
    )


@pytest.mark.slow
def test_a_killed_build_leaves_the_last_good_site_or_the_new_one(tmp_path: Path) -> None:
    root = make_big_project(tmp_path / "project")
    site = root / "site"
    finish(start_build(root))
    old = read_tree(site)
    old_copy = shutil.copytree(site, tmp_path / "old-site")

    change_content(root)
    # Timed as the kills will find it: over a previous site, which the writer swaps out and removes.
    expected = shutil.copytree(site, tmp_path / "expected")
    started = time.perf_counter()
    process = start_build(root, expected)
    seen = wait_for_staging(process, expected)
    finish(process)
    assert seen is not None
    write_time = time.perf_counter() - seen
    # Loading and rendering, timed on a build like the killed ones (after a first build, whose
    # caches make the next ones faster), up to the moment the writer starts.
    render_time = seen - started
    new = read_tree(expected)
    assert new != old
    shutil.rmtree(expected)

    # Kill points: during loading and rendering, then every sixth of the writing time after the
    # writer starts, until a build outlives its kill: through the writing, the swap and the
    # removal of the previous site.
    outcomes: list[tuple[str, str]] = []
    plan = [("render", render_time * (i + 1) / (KILLS_BEFORE_WRITING + 2)) for i in range(3)]
    # Then the delay doubles, so that a busy machine, where writing is slower than it was when
    # timed, still reaches a build that outlives its kill.
    plan += [("write", write_time * i / 6) for i in range(12)]
    plan += [("write", write_time * 2 ** (i + 1)) for i in range(MAX_KILLS_WHILE_WRITING - 12)]
    for phase, delay in plan:
        process = start_build(root)
        if phase == "render":
            time.sleep(delay)
        else:
            assert wait_for_staging(process, site) is not None, "the build ended before writing"
            time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        killed = process.returncode == -signal.SIGKILL
        assert no_survivors(root), "a killed build's workers live on"
        state = read_tree(site)
        assert state in (old, new), f"a mix of two sites after a kill at {phase} + {delay:.3f} s"
        assert leftovers(root) == []
        outcomes.append((phase if killed else "finished", "old" if state == old else "new"))
        if not killed:
            break
        if state == new:
            # The kill came after the swap: the next ones must again have an old site to keep.
            shutil.rmtree(site)
            shutil.copytree(old_copy, site)

    print("kill outcomes:", outcomes, f"writing takes {write_time:.3f} s")
    assert outcomes[:KILLS_BEFORE_WRITING] == [("render", "old")] * KILLS_BEFORE_WRITING
    assert outcomes[-1] == ("finished", "new"), outcomes
    assert outcomes.count(("write", "old")) >= 4, outcomes

    # The next build that runs to its end clears what the killed ones left.
    finish(start_build(root))
    assert read_tree(site) == new
    assert sorted(path.name for path in root.iterdir()) == [".cache", "content", "seeds", "site"]


def test_a_build_that_fails_validation_touches_nothing(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "seeds", root / "seeds")
    finish(start_build(root))
    before = read_tree(root / "site")
    stamps = {path: path.stat().st_mtime_ns for path in (root / "site").rglob("*")}
    (root / "content" / "events" / "broken.md").write_text("---\ntitle: [\n---\n", "utf-8")
    process = start_build(root)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "content/events/broken.md:3: YAML syntax error" in stderr.decode()
    assert read_tree(root / "site") == before
    assert {path: path.stat().st_mtime_ns for path in (root / "site").rglob("*")} == stamps
    assert sorted(path.name for path in root.iterdir()) == [".cache", "content", "seeds", "site"]
