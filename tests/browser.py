"""Chromium for the browser tests: Debian's build, driven by Playwright, with the network quiet."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, sync_playwright

from generator.model import urls
from tests.helpers import REPO, TEMPLATES

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium keeps calling Google's services, which this closed network refuses.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium browser (a missing Chromium fails the test: `make test` installs it)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    """A TCP port that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served_real_content(root: Path, browser: Browser) -> Iterator[tuple[str, Browser]]:
    """A copy of the real content in `root`, previewed by `timeline serve`, and `browser`."""
    for part in ("content", "seeds"):
        shutil.copytree(REPO / part, root / part)
    with preview_server(root) as (url, _):
        yield url, browser


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def preview_server(
    root: Path, port: int | None = None
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`timeline serve` over the project at `root`; yields (index URL, process)."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "--templates",
            str(TEMPLATES),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Ctrl-C as a terminal delivers it, even when the tests run as a background job, whose
        # shell has every process of the job ignore SIGINT (which a child inherits).
        preexec_fn=_interruptible,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 30
        url = ""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("Serving "):
                url = line.split()[1]
                break
        assert url, f"the server did not start (exit status {process.poll()})"
        # Keep reading its log, so that a full pipe never blocks the server.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves a built site under its base path, and its 404 page with status 404 for the rest."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.base_path) :])

    def send_head(self) -> Any:
        route = unquote(urlsplit(self.path).path)
        target = Path(self.translate_path(self.path))
        if route.startswith(self.base_path) and (
            target.is_file() or (target / "index.html").is_file()
        ):
            return super().send_head()
        not_found = Path(self.directory) / urls.NOT_FOUND
        page = not_found.read_bytes() if not_found.is_file() else b"Not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test log is for the validators' findings


@contextmanager
def serve_site(site: Path, base_path: str = "/", port: int = 0) -> Iterator[str]:
    """`site` served under `base_path` as GitHub Pages would, on `port` of 127.0.0.1 (a free
    one by default); yields the server's origin, such as http://127.0.0.1:PORT (no slash)."""
    handler = type("Handler", (PagesHandler,), {"base_path": base_path})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
