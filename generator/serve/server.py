"""`timeline serve`: the preview server — build, serve under the site's base path, rebuild on save.

The `livereload` package serves the pages and tells browsers to reload. Watching is ours
(`generator.serve.watcher`): once a burst of saves settles, the preview rebuilds incrementally
and reloads the browsers at once.

The preview shows drafts, so it builds into a folder of its own (`preview_folder`), never into
site/: what `timeline build` made there, and what `timeline publish` pushes, stays free of them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import logging
import mimetypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler
from livereload.server import Server
from livereload.watcher import Watcher
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError

from generator.build import Builder, Superseded
from generator.errors import BuildFailed, ContentError, counted
from generator.load.git_history import head_files
from generator.model import urls
from generator.project import Project
from generator.serve.watcher import Changes, ChangeWatcher

log = logging.getLogger("timeline.serve")
# Pagefind's index of a large timeline takes seconds; past this, the last version is served.
_OUTPUTS_WAIT_SECONDS = 120
# How long after a reload a browser that connects with a page served before it is told to reload:
# longer than a page takes from its request to its script's connection.
_LATE_RELOAD_SECONDS = 10.0


@dataclass
class PreviewState:
    """What the server shows: the errors of the last build, if it failed."""

    errors: tuple[ContentError, ...] = ()
    builds: int = 0


def preview_folder(project: Project) -> Path:
    """Where the preview writes the site it serves, drafts included: under the project's
    `.cache/`, which `make clean` removes and git ignores, away from its output folder."""
    return project.root / ".cache" / "preview"


class Preview:
    """Builds the project with its drafts into the preview's folder, serves that under the base
    path, and rebuilds on every change."""

    def __init__(self, project: Project, host: str, port: int) -> None:
        self.project = dataclasses.replace(project, output=preview_folder(project))
        self.host = host
        self.port = port
        # Set when a newer save settles during a build: its outputs would be stale.
        superseded = threading.Event()
        self.builder = Builder(
            self.project,
            cache_folder=project.root / ".cache",
            on_pages=self._pages_written,
            superseded=superseded,
        )
        self.state = PreviewState()
        # Clear while the outputs (feeds, exports, the search index) are being made again after
        # the pages: a request for one waits for it rather than get the last edit's version.
        self.outputs_ready = threading.Event()
        self.outputs_ready.set()
        self.reloaded = False  # whether this rebuild has told the browsers to reload yet
        self.errors_shown: tuple[ContentError, ...] = ()  # as of the last reload
        self.started = 0.0  # when this rebuild started
        self.loop: IOLoop | None = None
        self.html_served = 0.0  # when a page was last served (time.monotonic)
        self.base_path = "/"
        # A new commit changes the events' history from git (`history: git`): HEAD is watched.
        sources = [project.content, *project.template_folders, project.seeds]
        watched = [*sources, *head_files(project.content)]
        self.watcher = ChangeWatcher(watched, self.rebuild, superseded)

    @property
    def url(self) -> str:
        """The address of the site's index."""
        return f"http://{self.host}:{self.port}{self.base_path}"

    def _pages_written(self, changed: tuple[str, ...]) -> None:
        """The pages of an edit are written: reload the browsers now, before the outputs."""
        self.outputs_ready.clear()
        if changed or self.state.errors:
            self.state.errors = ()
            self._reload()
        log.info("Pages written in %.0f ms", (time.perf_counter() - self.started) * 1000)

    def _reload(self) -> None:
        self.reloaded, self.errors_shown = True, self.state.errors
        if self.loop is not None:
            self.loop.add_callback(self._signal_reload)

    def _signal_reload(self) -> None:
        """Tell the connected browsers to reload, and, for a while, the browsers that connect
        later from a page served before: livereload tells only the browsers connected at that
        moment, and a page between its request and its script's connection (the reload of the
        edit before) would miss the signal and stay stale."""
        told = set(LiveReloadHandler.waiters)
        signalled = time.monotonic()
        LiveReloadHandler.reload_waiters("*")
        assert self.loop is not None
        self.loop.call_later(0.1, self._tell_late, told, signalled)

    def _tell_late(self, told: set[Any], signalled: float) -> None:
        if self.html_served > signalled:  # the pages asked for since are the new ones
            return
        message = {"command": "reload", "path": "*", "liveCSS": True, "liveImg": True}
        for waiter in LiveReloadHandler.waiters - told:
            with contextlib.suppress(WebSocketClosedError):  # the page went meanwhile
                waiter.write_message(message)
            told.add(waiter)
        if time.monotonic() - signalled < _LATE_RELOAD_SECONDS and self.loop is not None:
            self.loop.call_later(0.1, self._tell_late, told, signalled)

    def rebuild(self, changed: Changes = None) -> None:
        """Build again after the `changed` paths changed (None: any may have); keep the last
        good site and show the errors when the content is broken."""
        superseded = False
        try:
            self._rebuild(changed)
        except Superseded:
            # A request for an output still waits: the next build, already due, makes it.
            log.info("A newer save came while the outputs were made: building again")
            superseded = True
        finally:
            if not superseded:
                self.outputs_ready.set()

    def _rebuild(self, changed_paths: Changes) -> None:
        started = self.started = time.perf_counter()
        self.reloaded = False
        try:
            result = self.builder.build(changed_paths)
        except BuildFailed as failure:
            self.state.errors = tuple(failure.errors)
            log.warning(
                "%s; still serving the last good site", counted(len(failure.errors), "error")
            )
            for error in failure.errors:
                log.warning("%s", error)
            changed: tuple[str, ...] = ()
        except Superseded:
            raise
        except Exception:  # a developer's bug must not take the preview down with it
            log.exception("the build crashed")
            return
        else:
            self.state.errors = ()
            changed = result.changed
            for warning in result.timeline.warnings:
                log.warning("warning: %s", warning)
            if self.state.builds:
                log.info(
                    "Rebuilt in %.0f ms: %s rendered, %s changed",
                    (time.perf_counter() - started) * 1000,
                    counted(result.rendered, "page"),
                    counted(len(changed), "file"),
                )
            # Follows base_url, so links that would break on a project site break here too.
            base_path = urls.base_path(result.timeline.site.base_url)
            if base_path != self.base_path:
                self.base_path, self.reloaded = base_path, False
        self.state.builds += 1
        # Once more if the outputs failed after the pages were shown, or only they changed.
        if self.state.errors != self.errors_shown or (changed and not self.reloaded):
            self._reload()

    def start(self) -> None:
        """Build once and bind the port; raises OSError when the port is taken."""
        # livereload narrates its own work at INFO ("Reload 0 waiters: None", "Start watching
        # changes"), which says nothing to a writer; its warnings and errors still show.
        logging.getLogger("livereload").setLevel(logging.WARNING)
        try:
            self.rebuild()
            self.loop = IOLoop.current()
            server = _LiveServer(self)
            server.application(self.port, self.host)
            LiveReloadHandler.start_tasks()
        except BaseException:
            self.watcher.stop()  # its watch of the folders, opened already, is closed
            raise
        self.watcher.start()

    def run(self) -> None:
        """Serve until Ctrl-C."""
        assert self.loop is not None, "start() first"
        try:
            self.loop.start()
        except KeyboardInterrupt:
            pass
        finally:
            self.watcher.stop()


class _SilentWatcher(Watcher):  # type: ignore[misc]
    """livereload's watcher, told to watch nothing: our ChangeWatcher does the watching."""

    def __init__(self) -> None:
        super().__init__()
        self._tasks: dict[str, object] = {
            "(timeline)": {}
        }  # non-empty, or livereload watches the whole folder

    def examine(self) -> tuple[None, None]:
        self._changes.clear()
        return None, None


class _LiveServer(Server):  # type: ignore[misc]
    def __init__(self, preview: Preview) -> None:
        super().__init__(watcher=_SilentWatcher())
        self.preview = preview

    def get_web_handlers(self, script: bytes) -> list[Any]:
        return [(r"/.*", _SiteHandler, {"preview": self.preview})]


class _SiteHandler(web.RequestHandler):
    """Serves the preview's site under the base path, the 404 page elsewhere, and the error
    overlay."""

    preview: Preview

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")

    async def head(self) -> None:
        await self.get()

    async def get(self) -> None:
        base = self.preview.base_path
        path = self.request.path
        if path in ("/", base.rstrip("/")) and base != "/":
            self.redirect(base)
            return
        if not path.startswith(base):
            self._not_found()
            return
        relative = unquote(path[len(base) :])
        if self.preview.builder.is_output(relative):
            await self._outputs_made()
        file = resolve_inside(self.preview.project.output, relative)
        if file is not None and file.is_dir():
            if not path.endswith("/"):
                self.redirect(path + "/")
                return
            file = file / "index.html"
        if file is None or not file.is_file():
            self._not_found()
            return
        self._send(file)

    async def _outputs_made(self) -> None:
        """Wait, without holding up other requests, while the outputs are being made again."""
        ready = self.preview.outputs_ready
        if not ready.is_set():
            await IOLoop.current().run_in_executor(None, ready.wait, _OUTPUTS_WAIT_SECONDS)

    def _not_found(self) -> None:
        self.set_status(404)
        page = self.preview.project.output / urls.NOT_FOUND
        if page.is_file():
            self._send(page)
        else:
            self.finish(self._with_overlay(b"<!DOCTYPE html><title>Not found</title></head>"))

    def _send(self, file: Path) -> None:
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        data = file.read_bytes()
        if kind == "text/html":
            self.preview.html_served = time.monotonic()
            data = self._with_overlay(data)
            kind += "; charset=utf-8"
        self.set_header("Content-Type", kind)
        if self.request.method != "HEAD":
            self.write(data)
        self.finish()

    def _with_overlay(self, page: bytes) -> bytes:
        errors = self.preview.state.errors
        if not errors:
            return page
        items = "".join(f"<li>{html.escape(str(error))}</li>" for error in errors)
        overlay = (
            '<div id="timeline-errors" role="alert" style="position:fixed;inset:auto 0 0 0;'
            "z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;"
            "background:#3b0d0c;color:#fff;font:14px/1.5 ui-monospace,monospace;"
            'border-top:4px solid #ff6b6b">'
            f'<p style="margin:0 0 .5rem;font-weight:bold">The content has '
            f"{counted(len(errors), 'error')}; showing the last good build.</p>"
            f'<ul style="margin:0;padding-left:1.25rem">{items}</ul></div>'
        ).encode()
        end = page.rfind(b"</body>")
        return page[:end] + overlay + page[end:] if end != -1 else page + overlay


def resolve_inside(root: Path, relative: str) -> Path | None:
    """`root/relative` if it stays inside `root` (no '..', no link out), else None."""
    if "\x00" in relative or "\\" in relative:
        return None
    parts = [part for part in relative.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(root.resolve()):
            return None
    except OSError:
        return None
    return candidate


def serve(project: Project, host: str, port: int, on_ready: Callable[[str], None]) -> None:
    """Build, serve and rebuild until Ctrl-C; `on_ready(url)` is called once the port is bound."""
    preview = Preview(project, host, port)
    preview.start()
    on_ready(preview.url)
    preview.run()
