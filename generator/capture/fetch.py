"""Fetching a source over http(s): within a time limit and a size limit, only the kinds of
document a seed can be (HTML, PDF, text), redirects followed and reported."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO

from generator import __version__
from generator.errors import BuildFailed, failed
from generator.load.text import MAX_SEED_BYTES

TIMEOUT = 30.0  # seconds for the server to answer, and for each read after that
DEADLINE = 120.0  # seconds for the whole document
_CHUNK = 1024 * 1024
# Content type -> the extension of the saved copy.
KINDS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


@dataclass(frozen=True, slots=True)
class Redirect:
    """One redirect followed: its status, and where it led from and to."""

    status: int
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a server sent: the exact bytes, with the address they came from in the end."""

    url: str
    content_type: str
    body: bytes
    redirects: tuple[Redirect, ...]

    @property
    def extension(self) -> str:
        return KINDS[self.content_type]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only, and records them."""

    def __init__(self) -> None:
        self.followed: list[Redirect] = []

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise _not_web(req.full_url, newurl)
        self.followed.append(Redirect(code, req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limit: int = MAX_SEED_BYTES, timeout: float = TIMEOUT) -> Fetched:
    """The document at `url`; BuildFailed when it cannot be had or is not one a seed can be."""
    redirects = _Redirects()
    opener = urllib.request.build_opener(redirects)
    request = urllib.request.Request(
        url, headers={"User-Agent": f"timeline-generator/{__version__} (source capture)"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            final = response.geturl()
            if content_type not in KINDS:
                raise failed(
                    f"is {content_type}, not a web page, a PDF or text",
                    "give the address of the document itself",
                    path=final,
                )
            body = _read(response, final, limit)
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location") if error.headers else None
        if 300 <= error.code < 400 and location:  # urllib refuses to follow it (file: and such)
            last = redirects.followed[-1].target if redirects.followed else url
            raise _not_web(last, location) from None
        raise failed(
            f"the server answered {error.code} {error.reason}",
            "check the address, or add a copy saved from a browser",
            path=error.url or url,
        ) from None
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(url, timeout) from None
        raise failed(f"cannot be reached ({error.reason})", "check the address", path=url) from None
    return Fetched(final, content_type, body, tuple(redirects.followed))


def _not_web(url: str, target: str) -> BuildFailed:
    return failed(
        f"redirects to {target}, which is not an http(s) address",
        "save the page in a browser and add the saved file instead",
        path=url,
    )


def _timed_out(url: str, timeout: float) -> BuildFailed:
    return failed(
        f"no answer within {timeout:g} seconds",
        "try again later, or add a copy saved from a browser",
        path=url,
    )


def _read(response: IO[bytes], url: str, limit: int) -> bytes:
    """The body; BuildFailed as soon as it is longer than `limit` bytes."""
    too_big = failed(
        f"is larger than {limit / 1024 / 1024:g} MB, the limit for a seed",
        "save the part that events quote and add that file instead",
        path=url,
    )
    length = getattr(response, "headers", {}).get("Content-Length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise too_big
    # The timeout bounds each wait for the server; a server that sends a trickle forever is
    # stopped by the deadline for the whole body.
    deadline = time.monotonic() + DEADLINE
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_big
        if time.monotonic() > deadline:
            raise failed(
                f"took more than {DEADLINE:g} seconds to send",
                "try again later, or add a copy saved from a browser",
                path=url,
            )
    return b"".join(chunks)
