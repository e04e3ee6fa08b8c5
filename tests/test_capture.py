"""`timeline source add`, against a real HTTP server on 127.0.0.1 serving saved pages: a page, a
PDF, a redirect, a 404, a body over the limit and a content type that is not a document."""

from __future__ import annotations

import datetime
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.build import check
from generator.capture.fetch import fetch
from generator.cli import main
from generator.errors import BuildFailed
from generator.load.text import MAX_SEED_BYTES
from generator.project import Project
from tests.helpers import TEMPLATES
from tests.source_files import ARTICLE_HTML, SOURCES_YAML, make_storm, report_pdf

PDF = report_pdf()
ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/news/harbour": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode(), {}),
    "/old/harbour": (301, "text/html", b"", {"Location": "/news/harbour"}),
    "/files/inquiry.pdf": (200, "application/pdf", PDF, {}),
    "/notes": (200, "text/plain; charset=utf-8", "The \ufb01rst ferry.\n".encode(), {}),
    "/latin": (200, "text/plain; charset=iso-8859-1", "caf\xe9\n".encode("latin-1"), {}),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n", {}),
    "/huge": (200, "text/html", b"<p>" + b"x" * MAX_SEED_BYTES, {}),
    "/to-a-file": (302, "text/html", b"", {"Location": "file:///etc/passwd"}),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        status, kind, body, headers = ROUTES.get(self.path, (404, "text/html", b"gone", {}))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if self.path != "/huge":  # the body over the limit does not announce its length
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client that gave up on /slow has closed the connection; that is all


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_storm(tmp_path / "storm")


def add(root: Path, *args: str) -> int:
    return main(["--root", str(root), "--templates", str(TEMPLATES), "source", "add", *args])


TODAY = datetime.date.today().isoformat()


def test_a_served_page_is_saved_and_appended(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(root, f"{server}/news/harbour") == 0
    assert capsys.readouterr().out == (
        "Added the source `harbour-reopens-after-the-storm` to content/sources.yaml, its copy in "
        "seeds/harbour-reopens-after-the-storm.html\n"
    )
    assert (root / "content" / "sources.yaml").read_text() == SOURCES_YAML + (
        "harbour-reopens-after-the-storm:\n"
        "  title: Harbour reopens after the storm\n"
        "  publisher: The Coast Herald\n"
        "  author: Mara Quill\n"
        "  date: '2021-03-04'\n"
        f"  url: {server}/news/harbour\n"
        "  local: seeds/harbour-reopens-after-the-storm.html\n"
        f"  accessed: '{TODAY}'\n"
    )
    saved = root / "seeds" / "harbour-reopens-after-the-storm.html"
    assert saved.read_bytes() == ARTICLE_HTML.encode()  # the exact bytes received
    timeline = check(Project.at(root, templates=TEMPLATES))
    assert timeline.sources["harbour-reopens-after-the-storm"].accessed is not None


def test_a_redirect_is_followed_and_reported(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(root, f"{server}/old/harbour", "--id", "herald-2") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"Followed a redirect (301) from {server}/old/harbour to {server}/news/harbour"
    )
    assert f"  url: {server}/news/harbour\n" in (root / "content" / "sources.yaml").read_text()


def test_a_served_pdf_gives_its_document_information(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(root, f"{server}/files/inquiry.pdf", "--id", "inquiry") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Added the source `inquiry` to content/sources.yaml, its copy in seeds/inquiry.pdf",
        "Not found in the document: publisher — write it into the entry by hand",
    ]
    added = (root / "content" / "sources.yaml").read_text().removeprefix(SOURCES_YAML)
    assert added == (
        "inquiry:\n"
        "  title: Inquiry into the storm of 28 February\n"
        "  author: Harbour commission\n"
        "  date: '2021-05-17'\n"
        f"  url: {server}/files/inquiry.pdf\n"
        "  local: seeds/inquiry.pdf\n"
        f"  accessed: '{TODAY}'\n"
    )
    assert (root / "seeds" / "inquiry.pdf").read_bytes() == PDF


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "/missing",
            "{server}/missing: the server answered 404 Not Found — check the address, or add a "
            "copy saved from a browser",
        ),
        (
            "/logo.png",
            "{server}/logo.png: is image/png, not a web page, a PDF or text — give the address of "
            "the document itself",
        ),
        (
            "/huge",
            "{server}/huge: is larger than 16 MB, the limit for a seed — save the part that "
            "events quote and add that file instead",
        ),
        (
            "/to-a-file",
            "{server}/to-a-file: redirects to file:///etc/passwd, which is not an http(s) "
            "address — save the page in a browser and add the saved file instead",
        ),
        (
            "/latin",
            "seeds/latin.txt:1: the file is not UTF-8 text (byte 0xe9 in column 4) — save it "
            "with UTF-8 encoding",
        ),
    ],
)
def test_what_cannot_be_captured_leaves_the_project_as_it_was(
    root: Path, server: str, path: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert add(root, server + path) == 1
    assert capsys.readouterr().err == f"{message.format(server=server)}\n1 error.\n"
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert (root / "content" / "sources.yaml").read_text() == SOURCES_YAML


def test_a_server_that_is_not_there(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as closed:
        port = closed.server_address[1]
    assert add(root, f"http://127.0.0.1:{port}/news") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"http://127.0.0.1:{port}/news: cannot be reached (")
    assert err.endswith(") — check the address\n1 error.\n")


def test_a_local_file_is_copied_into_seeds(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "Saved page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    assert add(root, str(page), "--id", "saved") == 0
    assert capsys.readouterr().out == (
        "Added the source `saved` to content/sources.yaml, its copy in seeds/Saved page.html\n"
    )
    assert (root / "seeds" / "Saved page.html").read_text() == ARTICLE_HTML
    added = (root / "content" / "sources.yaml").read_text().removeprefix(SOURCES_YAML)
    assert "  local: seeds/Saved page.html\n" in added and "url:" not in added
    check(Project.at(root, templates=TEMPLATES))


def test_a_text_file_says_what_it_could_not_find(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "briefing.txt").write_text("The ferry sails.\n", encoding="utf-8")
    assert add(root, str(tmp_path / "briefing.txt")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Added the source `briefing` to content/sources.yaml, its copy in seeds/briefing.txt",
        "Not found in the document: title, publisher, author, date — write them into the entry "
        "by hand (its title is the file's name for now)",
    ]
    assert (root / "content" / "sources.yaml").read_text() == SOURCES_YAML + (
        f"briefing:\n  title: briefing.txt\n  local: seeds/briefing.txt\n  accessed: '{TODAY}'\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "herald"], "--id: content/sources.yaml already has `herald` — choose another"),
        (
            ["--id", "Bad Id"],
            "--id: `Bad Id` is not a valid source id — use lowercase letters, digits, -",
        ),
        (
            [],
            "seeds/notes.txt: is already the copy of the source `notes` — cite that source, or "
            "rename the file to add it as another",
        ),
    ],
)
def test_an_id_or_a_copy_already_taken(
    root: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(root, str(root / "seeds" / "notes.txt"), *args) == 1
    assert capsys.readouterr().err == f"{message}\n1 error.\n"
    assert (root / "content" / "sources.yaml").read_text() == SOURCES_YAML


def test_a_sources_file_without_a_final_line_break(root: Path, tmp_path: Path) -> None:
    sources = root / "content" / "sources.yaml"
    sources.write_text(SOURCES_YAML.rstrip("\n"), encoding="utf-8")
    (tmp_path / "briefing.txt").write_text("The ferry sails.\n", encoding="utf-8")
    assert add(root, str(tmp_path / "briefing.txt")) == 0
    assert sources.read_text().startswith(SOURCES_YAML + "briefing:\n")


def test_a_server_that_does_not_answer_in_time(server: str) -> None:
    with pytest.raises(BuildFailed) as failure:
        fetch(f"{server}/slow", timeout=0.5)
    assert str(failure.value) == (
        f"{server}/slow: no answer within 0.5 seconds — try again later, or add a copy saved "
        "from a browser"
    )
