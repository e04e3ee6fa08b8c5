"""The preview server, for real: a browser sees saves, errors and fixes without navigating."""

from __future__ import annotations

import http.client
import shutil
import signal
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from generator.cli import main
from generator.project import Project
from generator.serve.server import preview_folder
from tests.browser import chromium, free_port, preview_server
from tests.helpers import REPO, TEMPLATES, read_tree
from tests.project_files import make_project

# Chromium or the Nu HTML Checker: left out of `make quick`.
pytestmark = pytest.mark.browser

EVENT = "content/events/balakot-air-strike.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for part in ("content", "seeds"):
        shutil.copytree(REPO / part, tmp_path / part)
    return tmp_path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def wait_for_text(page: Page, text: str, present: bool = True, timeout: float = 15) -> None:
    """Wait until `text` is (or is no longer) in the open page, across live reloads."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (text in page.content()) == present:
                return
        except Exception:  # the page is reloading
            pass
        time.sleep(0.05)
    raise AssertionError(f"{text!r} {'never appeared' if present else 'never went'}")


def test_saves_errors_and_fixes_reach_the_open_page(project: Path) -> None:
    with preview_server(project) as (url, _), chromium() as browser:
        assert urlsplit(url).path == "/russia-pakistan/"
        page = browser.new_page()
        page.goto(url + "events/balakot-air-strike/")
        wait_for_text(page, "Indian Air Force strikes")
        replace_in(project / EVENT, "title: Indian Air Force strikes", "title: IAF hits")
        wait_for_text(page, "IAF hits terrorist training camps")

        # A second save right after the first reload, inside livereload's 3 s quiet window.
        replace_in(project / EVENT, "title: IAF hits", "title: The IAF hits")
        wait_for_text(page, "The IAF hits terrorist training camps")

        event = project / EVENT
        good = event.read_text(encoding="utf-8")
        event.write_text(good.replace("status:", "status: [unclosed\n  x:", 1), encoding="utf-8")
        wait_for_text(page, 'id="timeline-errors"')
        overlay = page.inner_text("#timeline-errors")
        assert f"{EVENT}:" in overlay
        assert "The IAF hits" in page.inner_text("h1"), "the last good page stays shown"

        event.write_text(good.replace("The IAF hits", "Fixed, the IAF hits"), encoding="utf-8")
        wait_for_text(page, 'id="timeline-errors"', present=False)
        wait_for_text(page, "Fixed, the IAF hits")


# Every link's address as the browser resolves it, against the page's <base> where it has one
# (an SVG link's href is an animated string).
RESOLVED = """els => els.map(e => new URL(
  typeof e.href === "string" ? e.href : e.href.baseVal, document.baseURI
).href)"""


def test_a_crawl_under_the_base_path_finds_every_page_and_asset(project: Path) -> None:
    with preview_server(project) as (url, _), chromium() as browser:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        page = browser.new_page()
        problems: list[str] = []
        page.on(
            "console",
            lambda m: (
                problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(origin) or r.url.startswith("data:")
                else problems.append(f"outside request: {r.url}")
            ),
        )
        page.on(
            "response",
            lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        queue, seen = [url], {url}
        while queue:
            current = queue.pop()
            response = page.goto(current)
            assert response is not None and response.ok, current
            # As the browser resolves them: an embed page's links are relative to its <base>.
            for href in page.eval_on_selector_all("a[href]", RESOLVED):
                target = href.split("#")[0]
                if target.startswith(url) and target not in seen:
                    seen.add(target)
                    queue.append(target)
        assert problems == []
        assert len(seen) > 50


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read()


@pytest.mark.parametrize(
    "path",
    [
        "/russia-pakistan/../secret.txt",
        "/russia-pakistan/%2e%2e/secret.txt",
        "/russia-pakistan/%2E%2E%2Fsecret.txt",
        "/russia-pakistan/..%2fsecret.txt",
        "/russia-pakistan/..%5csecret.txt",
        "/russia-pakistan/events/../../secret.txt",
        "/russia-pakistan/%252e%252e/secret.txt",
        "/russia-pakistan//etc/passwd",
        "/russia-pakistan/outside/secret.txt",
        "/../secret.txt",
        "/secret.txt",
    ],
)
def test_files_outside_the_site_are_never_served(project: Path, path: str) -> None:
    (project / "secret.txt").write_text("TOP SECRET")
    port = free_port()
    with preview_server(project, port):
        served = preview_folder(Project.at(project))
        (served / "outside").symlink_to(project, target_is_directory=True)
        status, body = raw_get(port, path)
        assert b"TOP SECRET" not in body
        assert b"root:" not in body
        assert status in (400, 404), status


def test_the_preview_shows_drafts_from_its_own_folder_and_leaves_site_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "project")
    args = ["--root", str(root), "--templates", str(TEMPLATES)]
    assert main([*args, "new", "Secret merger plan", "--date", "2019-03-05"]) == 0
    assert main([*args, "build"]) == 0
    built = read_tree(root / "site")
    assert [path for path in built if "secret" in path] == []
    with preview_server(root) as (url, process):
        address = urlsplit(url)
        assert address.port is not None
        status, page = raw_get(address.port, address.path + "events/secret-merger-plan/")
        assert status == 200 and b"Secret merger plan" in page
        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=60) == 0  # it stops cleanly; how fast is for a quiet machine
    served = preview_folder(Project.at(root))
    assert (served / "events/secret-merger-plan/index.html").is_file()
    assert read_tree(root / "site") == built
    # The site is still what the last build made, so the next build has nothing to do.
    capsys.readouterr()
    assert main([*args, "build"]) == 0
    assert capsys.readouterr().out.startswith(
        "site/ is up to date: 30 pages for 3 events (1 draft left out), nothing changed"
    )
