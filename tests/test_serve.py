"""The preview server, for real: a browser sees saves, errors and fixes without navigating."""

from __future__ import annotations

import asyncio
import http.client
import json
import queue
import shutil
import signal
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from tornado.websocket import websocket_connect

from generator.cli import main
from generator.project import Project
from generator.serve.server import Preview, preview_folder
from tests.browser import free_port, preview_server
from tests.helpers import FIXTURE, REPO, TEMPLATES, read_tree
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


def wait_for_text(page: Page, text: str, present: bool = True, timeout: float = 60) -> None:
    """Wait until `text` is (or is no longer) in the open page, across live reloads: as long
    as a rebuild can take on a machine busy with other work (15 s was once too short)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (text in page.content()) == present:
                return
        except Exception:  # the page is reloading
            pass
        time.sleep(0.05)
    raise AssertionError(f"{text!r} {'never appeared' if present else 'never went'}")


def test_saves_errors_and_fixes_reach_the_open_page(project: Path, browser: Browser) -> None:
    with preview_server(project) as (url, _):
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
        page.close()


# Every link's address as the browser resolves it, against the page's <base> where it has one
# (an SVG link's href is an animated string).
RESOLVED = """els => els.map(e => new URL(
  typeof e.href === "string" ? e.href : e.href.baseVal, document.baseURI
).href)"""


def test_a_crawl_under_the_base_path_finds_every_page_and_asset(
    project: Path, browser: Browser
) -> None:
    with preview_server(project) as (url, _):
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
        page.close()
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


@contextmanager
def preview_in_thread(root: Path) -> Iterator[Preview]:
    """`timeline serve`'s Preview over the project at `root`, run in this process (its loop in
    a thread of its own), so that a test can hold a rebuild between its pages and outputs."""
    preview = Preview(Project.at(root, templates=TEMPLATES), "127.0.0.1", free_port())
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        preview.start()
        started.set()
        preview.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(120), "the preview did not start"
    try:
        yield preview
    finally:
        assert preview.loop is not None
        preview.loop.add_callback(preview.loop.stop)
        thread.join(timeout=30)


def livereload_messages(port: int, into: queue.Queue[dict[str, Any]]) -> None:
    """Listen as livereload.js does (hello, then info) and put every message into `into`."""

    async def listen() -> None:
        socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket.write_message(json.dumps({"command": "hello", "protocols": []}))
        await socket.read_message()  # the server's hello
        socket.write_message(json.dumps({"command": "info", "url": "http://test/"}))
        into.put({"command": "listening"})
        while (message := await socket.read_message()) is not None:
            into.put(json.loads(message))

    asyncio.run(listen())


@pytest.mark.slow
def test_the_browsers_reload_before_the_exports_and_an_export_asked_meanwhile_is_the_new_one(
    tmp_path: Path,
) -> None:
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, tmp_path / part)
    with preview_in_thread(tmp_path) as preview:
        export = f"http://127.0.0.1:{preview.port}{preview.base_path}timeline.json"
        last_export = urllib.request.urlopen(export, timeout=30).read()
        messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(
            target=livereload_messages, args=(preview.port, messages), daemon=True
        ).start()
        assert messages.get(timeout=30) == {"command": "listening"}
        # Hold the rebuild where its pages are written and its outputs not yet made.
        written, resume = threading.Event(), threading.Event()
        tell_browsers = preview.builder.on_pages
        assert tell_browsers is not None

        def hold(changed: tuple[str, ...]) -> None:
            tell_browsers(changed)
            written.set()
            assert resume.wait(60)

        preview.builder.on_pages = hold
        replace_in(tmp_path / "content/events/rubicon.md", "The start", "The very start")
        assert written.wait(60), "the edit was never built"
        assert messages.get(timeout=30)["command"] == "reload"
        answers: queue.Queue[bytes] = queue.Queue()
        asking = threading.Thread(
            target=lambda: answers.put(urllib.request.urlopen(export, timeout=60).read())
        )
        asking.start()
        asking.join(timeout=1)
        assert asking.is_alive(), "the export was served while it was being made again"
        resume.set()
        asking.join(timeout=60)
        answer = answers.get(timeout=1)
        assert answer != last_export and b"The very start" in answer
        json.loads(answer)  # complete
        assert answer == (preview.project.output / "timeline.json").read_bytes()
