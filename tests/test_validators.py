"""The real validators over the built sites: the Nu HTML Checker, axe-core and Lighthouse."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from generator.build import build
from generator.model import urls
from generator.project import Project
from tests.browser import CHROMIUM, FLAGS, serve_site
from tests.helpers import FIXTURE, REPO, TEMPLATES, build_into
from tests.project_files import replace
from tests.source_files import make_storm
from tests.test_history import commit, history_project

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

NODE_MODULES = REPO / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
VNU_OPTIONS = ["--errors-only", "--format", "json", "--also-check-css", "--also-check-svg"]
# Git-ignored; the scores are kept there for the closing note of a change.
ARTIFACTS = REPO / "test-artifacts"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
VIEWS = [("light", 1280), ("dark", 1280), ("light", 320), ("dark", 320)]
# One page of each kind; of several, the largest, as the one with the most to check.
KINDS = {
    "event": "events/",
    "actor": "actors/",
    "tag": "tags/",
    "year": "years/",
    "source": "sources/",
    "status": "status/",
    "place": "places/",
}
LIGHTHOUSE_CATEGORIES = ["accessibility", "best-practices", "seo"]
# TimelineJS animates a change of slide for its `duration` option, 1000 ms by default.
SLIDE_SETTLES_MS = 1200


@dataclass(frozen=True)
class Served:
    """The real site, built as published and served as GitHub Pages would serve it."""

    site: Path
    url: str  # the site's root, such as http://127.0.0.1:PORT/russia-pakistan/
    pages: dict[str, str]  # kind of page -> its URL


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    site = tmp_path_factory.mktemp("site")
    result = build(Project.at(REPO, templates=TEMPLATES, output=site))
    base_path = urls.base_path(result.timeline.site.base_url)
    with serve_site(site, base_path) as origin:
        root = origin + base_path
        pages = {"index": root, "interactive": root + urls.page_url_path(urls.INTERACTIVE)}
        for kind, folder in KINDS.items():
            candidates = [p for p in result.pages if p.startswith(folder) and p.count("/") == 2]
            largest = max(sorted(candidates), key=lambda p: len(result.pages[p]))
            pages[kind] = root + urls.page_url_path(largest)
        pages["404"] = root + "no-such-page/"
        yield Served(site, root, pages)


# ---- The Nu HTML Checker -------------------------------------------------------------------


def vnu(files: list[Path]) -> dict[Path, list[str]]:
    """Run the Nu HTML Checker once over HTML, CSS and SVG `files`; each file's errors."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), *VNU_OPTIONS, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The checker writes its JSON report to standard error.
    messages = json.loads(result.stderr)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr
    errors: dict[Path, list[str]] = {file.resolve(): [] for file in files}
    for message in messages:
        file = Path(unquote(urlsplit(message["url"]).path)).resolve()
        errors[file].append(f"{file}:{message.get('lastLine')}: {message['message']}")
    return errors


def test_the_nu_html_checker_finds_no_errors_in_the_real_and_fixture_sites(
    served: Served, tmp_path: Path
) -> None:
    build_into(FIXTURE, tmp_path / "fixture")
    sites = {"real": served.site, "fixture": tmp_path / "fixture"}
    files = {name: sorted(site.rglob("*.html")) for name, site in sites.items()}
    # Our own stylesheets and icon; TimelineJS's copy is not ours to fix.
    files["static"] = sorted(
        path for path in (served.site / "static").iterdir() if path.suffix in (".css", ".svg")
    )
    # Known-bad files in the same run: a checker that skips files or reports nothing fails.
    (tmp_path / "broken.html").write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div>")
    (tmp_path / "broken.css").write_text("p { colr: red; }\n")
    files["broken"] = [tmp_path / "broken.html", tmp_path / "broken.css"]
    files = {name: [file.resolve() for file in group] for name, group in files.items()}
    errors = vnu([file for group in files.values() for file in group])
    for name in ("real", "fixture", "static"):
        count = sum(len(errors[file]) for file in files[name])
        print(f"Nu HTML Checker, {name}: {len(files[name])} files, {count} errors")
    assert len(files["real"]) > 10 and len(files["fixture"]) > 10
    assert {".css", ".svg"} <= {file.suffix for file in files["static"]}
    assert all(errors[file] for file in files["broken"])
    assert [
        e for name in ("real", "fixture", "static") for f in files[name] for e in errors[f]
    ] == []


# ---- axe-core ------------------------------------------------------------------------------


def axe(page: Page, where: str) -> list[str]:
    """Run axe-core on the page as it is now; one line per violation and element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # Only the violations are read: axe then keeps one node a rule of what passed rather than
    # every node with its selector (over a thousand on the index, most of a run's time), and
    # only they cross over to Python. Every rule still runs on every node.
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']
        }).then(result => ({violations: result.violations}))""",
        AXE_TAGS,
    )
    return [
        f"{where}: {violation['id']} ({violation['impact']}) at {node['target']}: "
        + node["failureSummary"].replace("\n", " ")
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def open_page(page: Page, kind: str, url: str) -> None:
    """Load `url`; on the interactive page, wait until TimelineJS has built its view."""
    page.goto(url)
    if kind == "interactive":
        page.wait_for_selector(".tl-slide-titleslide")
        page.wait_for_load_state("networkidle")


def check_states(page: Page, kind: str, where: str) -> list[str]:
    """axe over the states that scripts make on the page: filters, search results, slides."""
    violations: list[str] = []
    if kind == "index":
        page.select_option("#filter-status", index=1)
        page.wait_for_function("document.getElementById('filter-count').textContent !== ''")
        violations += axe(page, f"{where} with a filter")
        page.fill("#search-input", "pakistan")
        page.wait_for_selector("#search-results li")
        violations += axe(page, f"{where} with search results")
        page.click(".search-options summary")
        page.wait_for_function("document.getElementById('search-filter-actor').options.length > 1")
        page.select_option("#search-filter-actor", index=1)
        page.select_option("#search-sort", "desc")
        page.wait_for_selector("#search-results li")
        violations += axe(page, f"{where} with the search's filters and order")
        page.fill("#search-input", "zzzz-nothing")
        page.wait_for_function("!document.querySelector('#search-results li')")
        violations += axe(page, f"{where} with no search results")
    elif kind == "interactive":
        page.evaluate("window.timeline.goToNext()")
        page.wait_for_timeout(SLIDE_SETTLES_MS)
        violations += axe(page, f"{where} on an event's slide")
    return violations


@pytest.mark.parametrize(("scheme", "width"), VIEWS, ids=[f"{s}-{w}px" for s, w in VIEWS])
def test_axe_finds_no_violations(served: Served, browser: Browser, scheme: str, width: int) -> None:
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    violations: list[str] = []
    try:
        for kind, url in served.pages.items():
            where = f"{kind} page ({scheme}, {width} px)"
            open_page(page, kind, url)
            found = axe(page, where) + check_states(page, kind, where)
            print(f"axe-core, {where}: {len(found)} violations")
            violations += found
        assert page.title().startswith("Page not found")  # the last page: the 404 page
    finally:
        page.close()
    assert violations == []
    assert script_errors == []


def test_source_pages_of_every_kind_are_valid_and_accessible(
    browser: Browser, tmp_path: Path
) -> None:
    """A saved web page's article, a PDF page by page, and a text kept off the site."""
    root = make_storm(tmp_path / "storm")
    sources = root / "content" / "sources.yaml"
    kept = "  local: seeds/notes.txt\n  publish_text: false\n"
    sources.write_text(sources.read_text().replace("  local: seeds/notes.txt\n", kept))
    site = tmp_path / "site"
    build_into(root, site)
    names = ("sources/herald", "sources/report", "sources/notes", "events/reopening")
    files = [(site / name / "index.html").resolve() for name in names]
    errors = vnu(files)
    assert [error for file in files for error in errors[file]] == []
    violations: list[str] = []
    for scheme, width in VIEWS:
        page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
        try:
            for name, file in zip(names, files, strict=True):
                page.goto(file.as_uri())
                violations += axe(page, f"{name} ({scheme}, {width} px)")
        finally:
            page.close()
    assert violations == []


def test_history_and_corrections_are_valid_and_accessible(browser: Browser, tmp_path: Path) -> None:
    """An event page with corrections and a History from git, and the page of recent changes."""
    root = history_project(tmp_path / "project")
    updates = "updates:\n  - {date: 2024-04-02, kind: correction, note: The hour of the strike.}\n"
    replace(root, "events/strike.md", "status: confirmed\n", "status: confirmed\n" + updates)
    commit(root, "Corrected", "2024-04-02")
    site = tmp_path / "site"
    pages = build_into(root, site)
    event = pages[urls.event("strike")].decode()
    assert '<section class="history"' in event and '<aside class="updates"' in event
    assert pages[urls.CHANGES].decode().count('<li><a href="../events/') == 7
    names = (urls.event("strike"), urls.CHANGES)
    files = [(site / name).resolve() for name in names]
    errors = vnu(files)
    assert [error for file in files for error in errors[file]] == []
    violations: list[str] = []
    for scheme, width in VIEWS:
        page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
        try:
            for name, file in zip(names, files, strict=True):
                page.goto(file.as_uri())
                violations += axe(page, f"{name} ({scheme}, {width} px)")
        finally:
            page.close()
    assert violations == []


def test_axe_reports_a_violation(browser: Browser) -> None:
    # Guards the test above against an axe that finds nothing at all.
    page = browser.new_page()
    try:
        page.set_content(
            "<html><body><img src='x.png'><p style='color:#eee'>faint</p></body></html>"
        )
        found = axe(page, "a broken page")
    finally:
        page.close()
    assert any("image-alt" in line for line in found)
    assert any("color-contrast" in line for line in found)


# ---- Lighthouse ----------------------------------------------------------------------------


def lighthouse(url: str, report: Path) -> subprocess.Popen[str]:
    """Start Lighthouse's accessibility, best-practices and SEO audits of `url` into `report`."""
    flags = " ".join(["--headless=new", *FLAGS])
    return subprocess.Popen(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )


def scores(report: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    """The category scores out of 100, and every failing audit that counts towards them."""
    categories = report["categories"]
    failing = [
        f"{name}: {ref['id']} ({report['audits'][ref['id']]['title']})"
        for name, category in categories.items()
        for ref in category["auditRefs"]
        if ref["weight"] > 0 and report["audits"][ref["id"]]["score"] not in (1, None)
    ]
    return {name: round(c["score"] * 100) for name, c in categories.items()}, failing


def test_lighthouse_scores_100_on_the_index_and_an_event_page(
    served: Served, tmp_path: Path
) -> None:
    targets = {"index": served.pages["index"], "event": served.pages["event"]}
    # The two audits run side by side: each waits mostly on its own Chromium.
    runs = {kind: lighthouse(url, tmp_path / f"{kind}.json") for kind, url in targets.items()}
    results: dict[str, dict[str, Any]] = {}
    try:
        for kind, run in runs.items():
            output, _ = run.communicate(timeout=120)
            assert run.returncode == 0, output
            report = json.loads((tmp_path / f"{kind}.json").read_text())
            assert report.get("runtimeError") is None, report["runtimeError"]
            page_scores, failing = scores(report)
            path = urlsplit(targets[kind]).path
            results[kind] = {"path": path, "scores": page_scores, "failing": failing}
            shown = ", ".join(f"{name} {score}" for name, score in page_scores.items())
            print(f"Lighthouse {report['lighthouseVersion']}, {kind} page {path}: {shown}")
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.wait()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n")
    for result in results.values():
        assert set(result["scores"]) == set(LIGHTHOUSE_CATEGORIES)
    assert {kind: (r["scores"], r["failing"]) for kind, r in results.items()} == {
        kind: ({name: 100 for name in LIGHTHOUSE_CATEGORIES}, []) for kind in results
    }
