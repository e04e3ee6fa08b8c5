"""Pagefind's indexer, driven as a service: records in, the search bundle's files out, in memory.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads base64-encoded JSON messages,
each followed by a comma, on its standard input and answers each the same way on its standard
output, one message at a time in the order sent. Its own Python wrapper polls for answers ten
times a second, one answer a poll (ten thousand records would take seventeen minutes), and reads
them into a 2 MiB buffer that the files of a large index overflow; so this module speaks the
protocol itself: a thread writes every message while this one reads the answers.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Iterator
from typing import IO, Any

from pagefind_bin import get_executable  # type: ignore[import-untyped]

from generator.errors import failed

Payload = tuple[bytes, ...]  # a message's JSON, in parts


class PagefindError(Exception):
    """Pagefind refused a message or stopped: a bug of ours or of Pagefind's, not the user's."""


def _message(message_id: int, payload: Payload) -> bytes:
    """One message of the protocol, from its payload's JSON (in parts, joined only here)."""
    return (
        base64.b64encode(b'{"message_id":%d,"payload":%s}' % (message_id, b"".join(payload))) + b","
    )


class Index:
    """One Pagefind index being filled: records of any languages, then its files.

    Pagefind writes one index per language found among the records (and one entry file naming
    them all), so a site in several languages is one `add` per language, then one `files`."""

    def __init__(self) -> None:
        self._payloads: list[Payload] = [(b'{"type":"NewIndex","config":null}',)]

    def add(self, language: str, records: Iterable[bytes]) -> None:
        """Queue `records` in `language`: each the JSON members of an AddRecord message (url,
        content, meta, filters, sort) without its braces."""
        head = b'{"type":"AddRecord","index_id":0,"language":%s,' % json.dumps(language).encode()
        # In parts: a message is joined as it is sent, so that the records are not held twice.
        self._payloads.extend((head, record, b"}") for record in records)

    def files(self) -> dict[str, bytes]:
        """Every file of the search bundle by its path inside the bundle's folder, from one run
        of the Pagefind binary."""
        self._payloads.append((b'{"type":"GetFiles","index_id":0}',))
        with tempfile.TemporaryFile() as errors:
            try:
                answer = _run(self._payloads, errors)
            except OSError as error:
                raise failed(
                    f"Pagefind, which makes the search index, could not run: {error}",
                    "install the generator again, which brings Pagefind's program with it "
                    "(`make site` does; or `pip install --force-reinstall` the generator)",
                    field="search",
                ) from None
            except PagefindError as error:
                raise failed(
                    f"Pagefind could not make the search index: {error}",
                    "free some memory and build again; if it says the same, report it with "
                    "this message",
                    field="search",
                ) from None
        # Each file's base64 text goes as soon as it is decoded: the answer is tens of MB.
        return {file["path"]: binascii.a2b_base64(file.pop("content")) for file in answer["files"]}


def _run(payloads: list[Payload], errors: IO[bytes]) -> dict[str, Any]:
    """Send every payload to one Pagefind service and return the answer to the last one."""
    process = subprocess.Popen(
        [str(get_executable()), "--service"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
    )
    assert process.stdin is not None and process.stdout is not None
    with _RUNNING_LOCK:
        _RUNNING.add(process)
    writer = threading.Thread(target=_write, args=(process.stdin, payloads), daemon=True)
    writer.start()
    try:
        last: dict[str, Any] | None = None
        for answer in _answers(process.stdout):
            if answer["payload"]["type"] == "Error":
                raise PagefindError(answer["payload"]["message"])
            if answer.get("message_id") == len(payloads) - 1:
                last = answer["payload"]
                break
    finally:
        # The service exits when its input closes.
        writer.join()
        # Stopped (see stop_all): what it answered, or did not, says so.
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        process.wait()
        with _RUNNING_LOCK:
            _RUNNING.discard(process)
    if last is None:
        errors.seek(0)
        raise PagefindError(f"Pagefind stopped: {errors.read().decode(errors='replace')}")
    return last


# Pagefind's processes still indexing, for `stop_all`.
_RUNNING: set[subprocess.Popen[bytes]] = set()
_RUNNING_LOCK = threading.Lock()


def stop_all() -> None:
    """Stop every Pagefind process still indexing: the preview gives up a build's outputs when
    a newer edit is saved, and each process holds about 1 GB at 10,000 events. Whoever waits
    for their files gets a PagefindError."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for process in running:
        process.kill()


def _write(stream: IO[bytes], payloads: list[Payload]) -> None:
    try:
        for message_id, payload in enumerate(payloads):
            stream.write(_message(message_id, payload))
        stream.flush()
    except BrokenPipeError:
        pass  # Pagefind stopped; the reader says why.


def _answers(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Each answer read from Pagefind's output; a large one comes in many reads, gathered in
    one buffer and decoded from it in place once its comma arrives."""
    buffer = bytearray()
    while chunk := stream.read1(1 << 20):  # type: ignore[attr-defined]
        searched = len(buffer)
        buffer += chunk
        while (end := buffer.find(b",", searched)) >= 0:
            with memoryview(buffer) as whole, whole[:end] as encoded:
                decoded = binascii.a2b_base64(encoded)
            del buffer[: end + 1]
            searched = 0
            answer = json.loads(decoded)
            del decoded
            yield answer
