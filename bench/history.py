"""The cost of `history: git`: `python -m bench.history --events N --out DIR [--repeat 3]`.

Writes the benchmark corpus (bench.corpus) into DIR as a git repository whose every event file
is touched by three commits: the first commit adds the whole corpus with `history: git`, then
six commits each change a third of the events (the first three a status, the last three the
summary and body). Commit dates are set, one day apart, and the author is a placeholder: the
same N gives the same repository, commit hashes included.

With `--repeat R`, it then times R cold builds (`timeline --root DIR build`, site/ and .cache/
removed first) with `history: git` and R without, taking turns, and prints their medians and
peak memory. With `--readers`, it also times the reading step alone, the git program against
dulwich when dulwich is installed (it is not a dependency).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate

FIRST_DAY = 1_704_110_400  # 2024-01-01T12:00:00Z
DAY = 86_400
STATUS_CYCLE = ("reported", "confirmed", "disputed", "denied", "planned")
HISTORY_LINE = "history: git\n"
CHANGES = 6  # after the first commit; each event is in two of them


def git(root: Path, *args: str, when: int = FIRST_DAY) -> None:
    """Run git in `root` with set dates and a placeholder author, ignoring the user's config."""
    stamp = f"@{when} +0000"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def next_status(text: str) -> str:
    """An event file's text with its status moved on (`status:` added when it has none)."""
    found = re.search(r"^status: (\w+)$", text, re.MULTILINE)
    if found is None:
        return re.sub(r"^(date: .*)$", r"\1\nstatus: confirmed", text, count=1, flags=re.M)
    following = STATUS_CYCLE[(STATUS_CYCLE.index(found.group(1)) + 1) % len(STATUS_CYCLE)]
    return text[: found.start(1)] + following + text[found.end(1) :]


def edited(text: str, round_number: int) -> str:
    """An event file's text with its summary (when it has one) and body edited."""
    summary = re.compile(r"^(summary: .*?)(\"?)$", re.MULTILINE)
    text = summary.sub(rf"\1 (rev. {round_number})\2", text, count=1)
    return text + f"\nA later report added detail, in round {round_number}.\n"


def make_repository(events: int, out: Path) -> None:
    """The corpus of `events` events in `out`, committed once, then changed six times."""
    generate(events, out)
    site = out / "content" / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + HISTORY_LINE, encoding="utf-8")
    (out / ".gitignore").write_text("/site/\n/.cache/\n", encoding="utf-8")
    shutil.rmtree(out / ".git", ignore_errors=True)
    git(out, "init", "-q", "-b", "main")
    git(out, "add", "-A")
    git(out, "commit", "-q", "-m", "The corpus")
    files = sorted((out / "content" / "events").glob("*.md"))
    for number in range(1, CHANGES + 1):
        for path in files[(number - 1) % 3 :: 3]:
            text = path.read_text(encoding="utf-8")
            changed = next_status(text) if number <= 3 else edited(text, number)
            path.write_text(changed, encoding="utf-8", newline="\n")
        when = FIRST_DAY + number * DAY
        git(out, "add", "-A", when=when)
        git(out, "commit", "-q", "-m", f"Round {number}", when=when)
    # Packed, as a clone (a workflow's checkout) or any repository after `git gc` is: loose
    # objects cost git about four times as much to read.
    git(out, "gc", "-q")


def set_history(out: Path, on: bool) -> None:
    """Turn `history: git` on or off in site.yaml (off leaves the file changed, uncommitted)."""
    site = out / "content" / "site.yaml"
    text = site.read_text(encoding="utf-8").replace(HISTORY_LINE, "")
    site.write_text(text + (HISTORY_LINE if on else ""), encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Run:
    """One timed build: wall seconds, CPU seconds of its whole process tree, peak memory."""

    seconds: float
    cpu: float
    peak_mb: float


def timed(command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run `command` in `cwd`, its output in `log`: wait4 gives its CPU time, its reaped
    workers' included, which a machine shared with other work changes less than wall time."""
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: see {log}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def cold_builds(out: Path, repeat: int) -> dict[str, list[Run]]:
    """`repeat` cold builds with `history: git` and as many without, taking turns."""
    command = [str(Path(sys.executable).parent / "timeline"), "--root", str(out), "build"]
    runs: dict[str, list[Run]] = {"with": [], "without": []}
    for index in range(repeat):
        for name in ("without", "with"):
            set_history(out, name == "with")
            for leftover in ("site", ".cache"):
                shutil.rmtree(out / leftover, ignore_errors=True)
            run = timed(command, out, out.parent / f"history-{name}.log")
            runs[name].append(run)
            print(f"  {name} history, run {index + 1}: {run.seconds:.2f} s, CPU {run.cpu:.2f} s")
    set_history(out, True)
    return runs


def readers(out: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds to read every version of the events' files: the git program, and dulwich
    (when installed), which must read the same versions."""
    from generator.load.git_history import Version, read_git_log

    events = out / "content" / "events"
    tries: dict[str, Callable[[], dict[str, tuple[Version, ...]]]] = {
        "git": lambda: read_git_log(events, subjects=False).versions
    }
    try:
        from bench.dulwich_history import read_with_dulwich
    except ImportError:
        print("  dulwich is not installed: the git program alone", flush=True)
    else:
        tries["dulwich"] = lambda: read_with_dulwich(events)
    seconds: dict[str, list[float]] = {name: [] for name in tries}
    read: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for _ in range(repeat):
        for name, reader in tries.items():
            started = time.perf_counter()
            versions = reader()
            seconds[name].append(time.perf_counter() - started)
            read[name] = {key: [(v.time, v.text) for v in kept] for key, kept in versions.items()}
    if len(read) == 2 and read["git"] != read["dulwich"]:
        raise SystemExit("dulwich read other versions than the git program")
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Make the repository, then time what was asked; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.history", description=__doc__)
    parser.add_argument("--events", type=int, required=True, help="how many events")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write")
    parser.add_argument("--repeat", type=int, default=0, help="cold builds of each kind (0)")
    parser.add_argument("--readers", action="store_true", help="time the reading step alone")
    parser.add_argument("--keep", action="store_true", help="reuse the repository in --out")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if not (args.keep and (out / ".git").is_dir()):
        make_repository(args.events, out)
    if args.readers:
        for name, seconds in readers(out, max(args.repeat, 3)).items():
            print(f"reading with {name}: median {statistics.median(seconds):.2f} s", flush=True)
    if args.repeat:
        for name, runs in cold_builds(out, args.repeat).items():
            median = statistics.median(run.seconds for run in runs)
            cpu = statistics.median(run.cpu for run in runs)
            peak = max(run.peak_mb for run in runs)
            figures = f"median {median:.2f} s, CPU {cpu:.2f} s, peak {peak:.0f} MB"
            print(f"cold build {name} history: {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
