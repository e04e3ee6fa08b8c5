"""The issue's targets for 10,000 events, each beside its figure from a run of `bench.run`.

`make bench` prints this table last; `python -m bench.targets [results.json]` prints it again from
a results file. A figure the run did not measure (no peers, no 100,000-event run) shows as "—".
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIZE = 10_000  # the size the targets are set for
LARGE = 100_000

Run = dict[str, Any]  # one size's figures in results.json


@dataclass(frozen=True, slots=True)
class Target:
    """One target: what is measured, how it reads its figure from a run, and its limit."""

    name: str
    figure: Callable[[Run], float]
    limit: float
    at_most: bool = True  # the figure may not exceed the limit (else: may not fall below it)
    unit: str = "×"


def _seconds(run: Run, *keys: str) -> float:
    figures: Any = run
    for key in keys:
        figures = figures[key]
    return float(figures["median_s"])


def _search(run: Run, figure: str) -> float:
    """The larger `figure` of the two first searches (a common word's and an ordinary one's)."""
    reader = run["ours"]["reader"]
    return max(float(reader[f"search_{kind}"][figure]) for kind in ("common", "ordinary"))


def _of_hugo(kind: str) -> Callable[[Run], float]:
    """A warm build's time as a share of Hugo's cold build of the same site."""
    return lambda run: _seconds(run, "ours", kind) / _seconds(run, "peers", "hugo")


TARGETS = (
    Target(
        "cold build ÷ Hugo (the same site)",
        lambda run: _seconds(run, "ours", "cold") / _seconds(run, "peers", "hugo"),
        1.0,
    ),
    Target(
        "cold build ÷ Hugo (pages only)",
        lambda run: _seconds(run, "ours", "cold") / _seconds(run, "peers", "hugo_pages"),
        1.0,
    ),
    # Hugo's sites have no search of their own; with Pagefind run over its event pages, Hugo
    # makes what ours makes (the "everything this turn adds switched on").
    Target(
        "cold build ÷ Hugo + Pagefind",
        lambda run: _seconds(run, "ours", "cold") / _seconds(run, "peers", "hugo_search"),
        1.0,
    ),
    Target("peak memory", lambda run: float(run["ours"]["cold"]["peak_mb"]), 400, unit="MB"),
    Target(
        "Pelican ÷ cold build",
        lambda run: _seconds(run, "peers", "pelican") / _seconds(run, "ours", "cold"),
        2.5,
        at_most=False,
    ),
    Target(
        "largest HTML page",
        lambda run: float(run["ours"]["reader"]["largest_html"]["bytes"]) / 1000,
        1000,
        unit="KB",
    ),
    Target("first search, any word", lambda run: _search(run, "bytes") / 1000, 300, unit="KB"),
    Target(
        "first search, its work once the data came",
        lambda run: _search(run, "work_after_data_ms"),
        300,
        unit="ms",
    ),
    Target("`timeline build`, a body edit ÷ Hugo", _of_hugo("warm_body"), 0.10),
    Target("`timeline build`, a date edit ÷ Hugo", _of_hugo("warm_date"), 0.15),
    Target("`timeline build`, nothing changed ÷ Hugo", _of_hugo("warm"), 0.03),
    Target(
        "preview, a body edit (to the reload)",
        lambda run: 1000 * float(run["ours"]["incremental"]["body_reload_median_s"]),
        150,
        unit="ms",
    ),
    Target(
        "preview, a date edit (to the reload)",
        lambda run: 1000 * float(run["ours"]["incremental"]["date_reload_median_s"]),
        300,
        unit="ms",
    ),
)


def _scaling(runs: dict[int, Run], what: str) -> float:
    small, large = runs[SIZE]["ours"]["cold"], runs[LARGE]["ours"]["cold"]
    key = "median_s" if what == "time" else "peak_mb"
    return float(large[key]) / float(small[key])


def _line(name: str, value: float | None, limit: float, at_most: bool, unit: str) -> str:
    sign = "≤" if at_most else "≥"
    if value is None:
        shown, verdict = "—", "not measured"
    else:
        shown = f"{value:.0f} {unit}" if unit != "×" else f"{value:.2f}"
        verdict = "met" if (value <= limit if at_most else value >= limit) else "NOT MET"
    wanted = f"{sign} {limit:g}{' ' + unit if unit != '×' else ''}"
    return f"  {name:<44}{shown:>10}   target {wanted:<10} {verdict}"


def table(results: dict[str, Any]) -> str:
    """Every target of the issue beside its figure from `results` (bench/results.json)."""
    runs = {int(run["events"]): run for run in results["runs"]}
    lines = [f"Targets at {SIZE:,} events:"]
    run = runs.get(SIZE)
    for target in TARGETS:
        value = None
        if run is not None:
            try:
                value = target.figure(run)
            except KeyError:  # a figure this run did not measure
                value = None
        lines.append(_line(target.name, value, target.limit, target.at_most, target.unit))
    for what, limit in (("time", 12.0), ("memory", 10.0)):
        value = _scaling(runs, what) if SIZE in runs and LARGE in runs else None
        lines.append(_line(f"{LARGE:,} events ÷ {SIZE:,}, {what}", value, limit, True, "×"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the targets table of a results file (bench/results.json by default); return 0."""
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else Path(__file__).resolve().parent / "results.json"
    print(table(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
