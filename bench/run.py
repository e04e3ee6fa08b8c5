"""The benchmark of issue 7: `python -m bench.run [--sizes 1000,10000] [--repeat 5] [--no-peers]`.

For each size N it generates the corpus (bench.corpus) in bench/.work/ and measures, as medians of
`--repeat` runs: the cold full build in a fresh process and its peak memory, each stage in-process,
a warm full build, the preview's incremental rebuild after one body edit and after one date edit,
and the cold builds of Pelican and Hugo given the same pages to make. `BENCH_N=100000` adds a run
of that size (cold build and memory only). Prints a table and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import targets
from bench.corpus import generate
from bench.peers import (
    ensure_hugo,
    ensure_pelican,
    pagefind_program,
    write_hugo,
    write_pelican,
)
from bench.stages import DAY_DATE, clean, move_date
from generator import __version__
from generator.check.validate import validate
from generator.load.files import load
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
WORK = REPO / "bench" / ".work"
RESULTS = REPO / "bench" / "results.json"
# The code under test is copied here at the start: engineers editing the tree during a run of
# half an hour would otherwise mix versions of the generator in one set of figures.
CODE = WORK / "code"
# What Hugo leaves out to make its pages only.
PAGES_ONLY = "RSS,sitemap,robotsTXT,404"
STAGES = ("load", "validate", "link", "markdown", "render", "write")


@dataclass(frozen=True, slots=True)
class Run:
    """One timed child process: its wall time and its peak resident memory."""

    seconds: float
    peak_mb: float


def timed(command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run `command` in `cwd` with its output in `log`; its wall time and peak RSS (wait4)."""
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        # wait4 gives this child's rusage (its largest process, reaped workers included);
        # RUSAGE_CHILDREN would keep the largest of every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def snapshot() -> dict[str, str]:
    """Copy generator/, templates/ and bench/ to CODE; their fingerprint and git's HEAD."""
    shutil.rmtree(CODE, ignore_errors=True)
    CODE.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".work", "results.json")
    for part in ("generator", "templates", "bench"):
        shutil.copytree(REPO / part, CODE / part, ignore=ignore)
    # TimelineJS is found beside the templates folder, as in the repository.
    if (REPO / "node_modules").is_dir():
        (CODE / "node_modules").symlink_to(REPO / "node_modules")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return {"code_sha256": fingerprint(CODE), "git_head": head or "unknown"}


def fingerprint(root: Path) -> str:
    """A SHA-256 of every file under root's generator/ and templates/, with their paths."""
    digest = hashlib.sha256()
    for part in ("generator", "templates"):
        for path in sorted((root / part).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def summarise(runs: Sequence[Run]) -> dict[str, Any]:
    """Runs -> their median time and memory, with every run kept."""
    return {
        "median_s": statistics.median(run.seconds for run in runs),
        "peak_mb": statistics.median(run.peak_mb for run in runs),
        "max_peak_mb": max(run.peak_mb for run in runs),
        "runs": [asdict(run) for run in runs],
    }


def child_json(command: Sequence[str]) -> Any:
    """Run a `bench.stages` command in a fresh interpreter; the JSON it printed last."""
    done = subprocess.run(command, cwd=CODE, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def count_html(folder: Path) -> int:
    """How many .html files `folder` holds, at any depth."""
    return sum(1 for _ in folder.rglob("*.html"))


def machine() -> dict[str, Any]:
    """What the figures came from: the system, CPU, cores, memory and Python."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    return {
        "uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip()
        or " ".join(platform.uname()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory_mb,
        "python": sys.version.split()[0],
        "generator_version": __version__,
    }


def say(text: str) -> None:
    """Progress, as the run goes: it takes minutes."""
    print(text, file=sys.stderr, flush=True)


def our_build(corpus: Path) -> list[str]:
    """The command that builds the corpus at `corpus` with the generator under test."""
    build = [sys.executable, "-m", "generator", "--root", str(corpus)]
    return [*build, "--templates", str(CODE / "templates"), "build"]


@dataclass(frozen=True, slots=True)
class Tool:
    """A cold build to time: its command, where it runs, and what to remove before each run."""

    command: list[str]
    cwd: Path
    leftovers: tuple[Path, ...]


def cold_rounds(tools: dict[str, Tool], repeat: int) -> dict[str, list[Run]]:
    """Each tool's cold builds, one of each per round. Creating and deleting sites of 10,000
    folders slows this disk down from one build to the next; taking turns spreads that over
    every tool alike, where running each tool's builds in a row would favour the first."""
    runs: dict[str, list[Run]] = {name: [] for name in tools}
    for index in range(repeat):
        for name, tool in tools.items():
            for leftover in tool.leftovers:
                shutil.rmtree(leftover, ignore_errors=True)
            runs[name].append(timed(tool.command, tool.cwd, WORK / f"{name}.log"))
            say(f"  {name} cold build {index + 1}/{repeat}: {runs[name][-1].seconds:.2f} s")
    return runs


def measure_ours(corpus: Path, repeat: int, full: bool, cold: list[Run]) -> dict[str, Any]:
    """Our figures for the corpus at `corpus`, given its cold builds (the last one's site is
    still there); with `full`, more than the cold build."""
    build = our_build(corpus)
    log = WORK / "build.log"
    result: dict[str, Any] = {
        "html_pages": count_html(corpus / "site"),
        "files": sum(1 for path in (corpus / "site").rglob("*") if path.is_file()),
        "cold": summarise(cold),
    }
    result["pages_per_s"] = result["html_pages"] / result["cold"]["median_s"]
    if not full:
        return result
    say("  what a reader downloads: the largest page, the feed, a first search in Chromium")
    result["reader"] = child_json([sys.executable, "-m", "bench.reader", str(corpus / "site")])
    warm: list[Run] = []
    for index in range(repeat):
        warm.append(timed(build, CODE, log))  # site/ is there from the last build
        say(f"  warm build {index + 1}/{repeat}: {warm[-1].seconds:.2f} s")
    result["warm"] = summarise(warm)
    result |= warm_edits(corpus, repeat, build, log)
    stages_command = [sys.executable, "-m", "bench.stages", "stages", "--root", str(corpus)]
    stages_command += ["--templates", str(CODE / "templates")]
    stage_runs = []
    for index in range(repeat):
        stage_runs.append(child_json(stages_command)["seconds"])
        say(f"  stages {index + 1}/{repeat}: " + _stage_line(stage_runs[-1]))
    result["stages"] = {
        stage: statistics.median(run[stage] for run in stage_runs) for stage in STAGES
    }
    result["stages_runs"] = stage_runs
    say("  incremental: a first build, then one edit at a time")
    incremental = child_json(
        [
            *(sys.executable, "-m", "bench.stages", "incremental", "--root", str(corpus)),
            *("--templates", str(CODE / "templates"), "--edits", str(repeat)),
        ]
    )
    for kind in ("body", "date"):
        edits = incremental[kind]
        incremental[f"{kind}_median_s"] = statistics.median(edit["seconds"] for edit in edits)
        incremental[f"{kind}_reload_median_s"] = statistics.median(
            edit["reload_seconds"] for edit in edits
        )
    result["incremental"] = incremental
    clean(corpus)
    return result


def warm_edits(corpus: Path, repeat: int, build: list[str], log: Path) -> dict[str, Any]:
    """`timeline build` after one event's body changed, and after one event's date moved (so
    that it changes place in every list), each from the site and .cache/ the last build left."""
    events = sorted((corpus / "content" / "events").glob("*.md"))
    day_dated = [path for path in events if DAY_DATE.search(path.read_text(encoding="utf-8"))]
    runs: dict[str, list[Run]] = {"warm_body": [], "warm_date": []}
    for index in range(repeat):
        body = events[(index * 7919 + 13) % len(events)]
        text = body.read_text(encoding="utf-8") + f"\nEdited for the benchmark ({index}).\n"
        body.write_text(text, encoding="utf-8")
        runs["warm_body"].append(timed(build, CODE, log))
        dated = day_dated[(index * 7919 + 104729) % len(day_dated)]
        dated.write_text(move_date(dated.read_text(encoding="utf-8")), encoding="utf-8")
        runs["warm_date"].append(timed(build, CODE, log))
        say(
            f"  warm build after a body edit, a date edit {index + 1}/{repeat}: "
            f"{runs['warm_body'][-1].seconds:.2f} s, {runs['warm_date'][-1].seconds:.2f} s"
        )
    return {kind: summarise(figures) for kind, figures in runs.items()}


def _stage_line(seconds: dict[str, float]) -> str:
    return "  ".join(f"{stage} {seconds[stage]:.2f}" for stage in STAGES)


def prepare_peers(corpus: Path, n: int) -> None:
    """Write the corpus as Pelican and Hugo projects, before our incremental runs edit it."""
    timeline = validate(load(Project.at(corpus, templates=TEMPLATES)))
    write_pelican(timeline, WORK / f"pelican-{n}")
    write_hugo(timeline, WORK / f"hugo-{n}")


def peer_tools(n: int) -> tuple[dict[str, Tool], dict[str, str]]:
    """Pelican's and Hugo's cold builds of the same events (installing them if needed), and
    their versions."""
    pelican, pelican_version = ensure_pelican(WORK / "venv-pelican")
    hugo, hugo_version = ensure_hugo()
    pelican_dir, hugo_dir = WORK / f"pelican-{n}", WORK / f"hugo-{n}"
    out, cache = WORK / f"hugo-{n}-public", WORK / f"hugo-{n}-cache"
    hugo_leftovers = (out, cache, hugo_dir / "resources", hugo_dir / "public")
    hugo_command = [hugo, "--quiet", "--source", str(hugo_dir), "--cacheDir", str(cache)]
    pages_out = WORK / f"hugo-{n}-pages"
    search_out = WORK / f"hugo-{n}-search"
    search_build = [*hugo_command, "--destination", str(search_out)]
    pagefind, pagefind_version = pagefind_program()
    search_index = [pagefind, "--site", str(search_out), "--glob", "events/*/index.html", "--quiet"]
    tools = {
        "pelican": Tool(
            [str(pelican), "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
            pelican_dir,
            tuple(pelican_dir / name for name in ("output", "cache", "__pycache__")),
        ),
        # The same site: Hugo's pages with its own feeds (the home page's, each list's and each
        # term's) and sitemap, as ours has feeds and a sitemap.
        "hugo": Tool([*hugo_command, "--destination", str(out)], hugo_dir, hugo_leftovers),
        # Its pages only: no feed, sitemap, robots.txt or 404 page.
        "hugo_pages": Tool(
            [*hugo_command, "--disableKinds", PAGES_ONLY, "--destination", str(pages_out)],
            hugo_dir,
            (pages_out, *hugo_leftovers[1:]),
        ),
        # The same site with the search a Hugo site adds: Pagefind's own program run over the
        # event pages Hugo wrote, as Pagefind's documentation has Hugo sites do. Ours makes its
        # search index in its build, so this is the peer that makes everything ours makes.
        "hugo_search": Tool(
            ["sh", "-c", f"{shlex.join(search_build)} && exec {shlex.join(search_index)}"],
            hugo_dir,
            (search_out, *hugo_leftovers[1:]),
        ),
        # It writes nothing: `out` stays as the last "hugo" build left it, to count its pages.
        "hugo_memory": Tool([*hugo_command, "--renderToMemory"], hugo_dir, hugo_leftovers[1:]),
    }
    versions = {"pelican": pelican_version, "hugo": hugo_version}
    versions |= {"hugo_pages": hugo_version, "hugo_memory": hugo_version}
    versions["hugo_search"] = f"{hugo_version} + {pagefind_version}"
    return tools, versions


def measure(n: int, repeat: int, *, full: bool, peers: bool) -> dict[str, Any]:
    """Every figure for a corpus of `n` events."""
    corpus = WORK / f"corpus-{n}"
    say(f"{n} events: generating the corpus in {corpus.relative_to(REPO)}")
    summary = generate(n, corpus)
    result: dict[str, Any] = {"events": n, "repeat": repeat, "body_words": summary.body_words}
    # Other work on the machine skews every figure; the load average says how much there was.
    result["load_average_before"] = os.getloadavg()
    tools = {"ours": Tool(our_build(corpus), CODE, (corpus / "site", corpus / ".cache"))}
    versions: dict[str, str] = {}
    if peers:
        prepare_peers(corpus, n)
        peer_commands, versions = peer_tools(n)
        tools.update(peer_commands)
    cold = cold_rounds(tools, repeat)
    if peers:
        result["peers"] = {}
        for name in ("pelican", "hugo", "hugo_pages", "hugo_search", "hugo_memory"):
            figures: dict[str, Any] = {"version": versions[name], **summarise(cold[name])}
            output = {
                "pelican": WORK / f"pelican-{n}" / "output",
                "hugo": WORK / f"hugo-{n}-public",
                "hugo_pages": WORK / f"hugo-{n}-pages",
                "hugo_search": WORK / f"hugo-{n}-search",
            }
            if name in output:
                figures["html_pages"] = count_html(output[name])
            result["peers"][name] = figures
    result["ours"] = measure_ours(corpus, repeat, full, cold["ours"])
    if peers:
        ours = result["ours"]["cold"]["median_s"]
        result["ratios"] = {
            f"ours/{peer}": ours / figures["median_s"] for peer, figures in result["peers"].items()
        }
    return result


def table(results: dict[str, Any]) -> str:
    """The results as a readable table."""
    lines = [f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "]
    lines[0] += f"Python {results['machine']['python']}; {results['date']}"
    code = results["code"]
    lines.append(f"Code: HEAD {code['git_head'][:12]} + working tree {code['code_sha256'][:12]}")
    if code.get("tree_changed_during_run"):
        lines[-1] += (
            " (the tree changed during the run; the figures are of the copy taken at start)"
        )
    for run in results["runs"]:
        ours = run["ours"]
        lines += [
            "",
            f"{run['events']:,} events ({run['body_words'] / run['events']:.0f} body words each): "
            f"{ours['html_pages']:,} HTML pages, {ours['files']:,} files; "
            f"medians of {run['repeat']} runs; load average before "
            f"{run['load_average_before'][0]:.1f}",
            f"  {'cold build':<24}{_figures(ours['cold'])}  {ours['pages_per_s']:,.0f} pages/s",
        ]
        if "warm" in ours:
            warm = ours["warm"]
            share = warm["median_s"] / ours["cold"]["median_s"]
            lines.append(f"  {'warm build':<24}{_figures(warm)}  ({share:.0%} of cold)")
            for kind, label in (
                ("warm_body", "warm, a body edit"),
                ("warm_date", "warm, a date edit"),
            ):
                if kind in ours:
                    share = ours[kind]["median_s"] / ours["cold"]["median_s"]
                    lines.append(f"  {label:<24}{_figures(ours[kind])}  ({share:.0%} of cold)")
            lines += _reader_lines(ours["reader"])
            stages = ours["stages"]
            lines.append(
                f"  {'stages (in-process)':<24}"
                + "  ".join(f"{stage} {stages[stage]:.2f} s" for stage in STAGES)
            )
            lines.append(f"  {'':<24}(render includes Markdown; markdown is timed alone too)")
            for kind, label in (("body", "one body edit"), ("date", "one date edit")):
                incremental = ours["incremental"]
                edits = incremental[kind]
                rendered = sorted(edit["rendered"] for edit in edits)
                changed = sorted(edit["changed"] for edit in edits)
                lines.append(
                    f"  {label:<24}{incremental[f'{kind}_median_s'] * 1000:8.0f} ms"
                    f"  rendered {_span(rendered)} pages, wrote {_span(changed)} files"
                )
        for peer, figures in run.get("peers", {}).items():
            name = {
                "pelican": "Pelican",
                "hugo": "Hugo (the same site)",
                "hugo_pages": "Hugo (pages only)",
                "hugo_search": "Hugo + Pagefind",
                "hugo_memory": "Hugo --renderToMemory",
            }
            pages = f"  {figures['html_pages']:,} HTML pages" if "html_pages" in figures else ""
            ratio = run["ratios"][f"ours/{peer}"]
            lines.append(f"  {name[peer]:<24}{_figures(figures)}{pages}  ours/{peer} = {ratio:.2f}")
    scaling = results.get("scaling")
    if scaling:
        lines += ["", f"Scaling {scaling['from']:,} -> {scaling['to']:,} events: "]
        lines[-1] += f"time x{scaling['time']:.1f}, memory x{scaling['memory']:.1f}"
    return "\n".join(lines)


def _reader_lines(reader: dict[str, Any]) -> list[str]:
    largest = reader["largest_html"]
    lines = [
        f"  {'largest HTML page':<24}{largest['bytes'] / 1000:8.0f} KB  ({largest['path']}); "
        f"index.html {reader['index_html_bytes'] / 1000:.0f} KB, "
        f"feed.xml {reader['feed_bytes'] / 1000:.0f} KB"
    ]
    for kind in ("common", "ordinary"):
        search = reader[f"search_{kind}"]
        lines.append(
            f"  {'first search, ' + kind:<24}{search['bytes'] / 1000:8.0f} KB  "
            f"in {search['requests']} requests for {search['word']!r}; "
            f"{search['work_after_data_ms']:.0f} ms of work once the data came"
        )
    return lines


def _figures(figures: dict[str, Any]) -> str:
    return f"{figures['median_s']:8.2f} s  peak {figures['peak_mb']:7.0f} MB"


def _span(values: Sequence[int]) -> str:
    return str(values[0]) if values[0] == values[-1] else f"{values[0]}–{values[-1]}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table and write bench/results.json; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="event counts (1000,10000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (5)")
    parser.add_argument(
        "--peers", action=argparse.BooleanOptionalAction, default=True, help="build Pelican, Hugo"
    )
    parser.add_argument(
        "--large-repeat", type=int, default=1, help="runs of the BENCH_N size (1): it is slow"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="the results file")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    large = [int(size) for size in os.environ.get("BENCH_N", "").split(",") if size.strip()]
    WORK.mkdir(parents=True, exist_ok=True)
    # Corpora, peers' projects, a venv and a copy of the code: never to be committed or linted.
    (WORK / ".gitignore").write_text("*\n", encoding="utf-8")
    results: dict[str, Any] = {
        "machine": machine(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "settings": {"sizes": sizes, "large": large, "repeat": args.repeat, "peers": args.peers},
        "code": snapshot(),
        "notes": {
            "peak_mb": "ru_maxrss from wait4: the largest single process of the build's tree "
            "(a forked worker shares its parent's pages, so a sum would overcount)",
            "stages": "each stage timed in-process in a fresh interpreter; render includes "
            "Markdown, which is also timed alone as `markdown` (one render per event and actor)",
            "incremental": "build.Builder as the preview uses it: seconds from writing the edited "
            "file to the last output written; the preview's 0.15 s debounce is not included",
            "peers": "same events, pages per event, index, actor, tag and year listings; "
            "see bench/peers.py for the date mapping and what each peer makes",
        },
        "runs": [],
    }
    plan = [(n, args.repeat, True) for n in sizes]
    plan += [(n, args.large_repeat, False) for n in large if n not in sizes]
    for n, repeat, full in plan:
        results["runs"].append(measure(n, repeat, full=full, peers=args.peers and full))
        _scaling(results)
        # Written after each size, so that a long run that is stopped keeps what it measured.
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    results["code"]["tree_changed_during_run"] = fingerprint(REPO) != results["code"]["code_sha256"]
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print("\n" + targets.table(results))
    print(f"\nWrote {args.out}")
    return 0


def _scaling(results: dict[str, Any]) -> None:
    """The largest run against the next largest: no quadratic stage means time x ~10."""
    runs = sorted(results["runs"], key=lambda run: run["events"])
    if len(runs) < 2:
        return
    small, big = runs[-2]["ours"]["cold"], runs[-1]["ours"]["cold"]
    results["scaling"] = {
        "from": runs[-2]["events"],
        "to": runs[-1]["events"],
        "time": big["median_s"] / small["median_s"],
        "memory": big["peak_mb"] / small["peak_mb"],
    }


if __name__ == "__main__":
    raise SystemExit(main())
