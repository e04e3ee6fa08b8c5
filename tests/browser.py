"""Chromium for the browser tests: Debian's build, driven by Playwright, with the network quiet."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

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
def served_real_content(root: Path) -> Iterator[tuple[str, Browser]]:
    """A copy of the real content in `root`, previewed by `timeline serve`, and Chromium."""
    for part in ("content", "seeds"):
        shutil.copytree(REPO / part, root / part)
    with preview_server(root) as (url, _), chromium() as browser:
        yield url, browser


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
