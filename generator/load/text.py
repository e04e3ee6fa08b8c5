"""Reading a content file's text: regular files only, within a size limit, UTF-8; and showing
text in messages with its invisible characters written out."""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from generator.errors import BuildFailed, ContentError

_MB = 1024 * 1024
# An event's body of 2 MB would be a novel; the limit keeps a stray dump or log file from
# being read whole. Seeds, verbatim copies of whole reports, may be longer.
MAX_FILE_BYTES = 2 * _MB
MAX_SEED_BYTES = 16 * _MB


def failed(shown: str, line: int, problem: str, fix: str) -> BuildFailed:
    """The BuildFailed of one error about file `shown` as a whole (no field) at `line`."""
    return BuildFailed([ContentError(shown, line, "", problem, fix)])


def read_text(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text, decoded as UTF-8 with any byte-order mark and CR line ends removed.

    A file over `limit` bytes is refused before it is read, as is anything but a regular file
    (a named pipe would block the build forever).
    """
    raw = read_bytes(path, shown, limit)
    if b"\x00" in raw[:8192]:
        raise failed(shown, 1, "this is a binary file", "remove it from content/")
    return decode_text(raw, shown)


def read_bytes(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes, else BuildFailed."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
        if info.st_size > limit:
            raise _too_big(shown, info.st_size, limit)
        with path.open("rb") as file:
            # read(n) sets aside n bytes at once: ask for what the file holds, and for more only
            # if it grew since it was measured.
            raw = file.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += file.read(limit + 1 - len(raw))
        if len(raw) > limit:
            raise _too_big(shown, len(raw), limit)
    except OSError as error:  # a folder or a broken link named *.md, or no permission
        problem = f"the file cannot be read ({error.strerror or error})"
        raise failed(shown, 1, problem, "make it a readable file, or remove it") from None
    return raw


def decode_text(raw: bytes, shown: str, encoding: str = "utf-8") -> str:
    """`raw` decoded (UTF-8 unless said), without a byte-order mark and with LF line ends."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark, so that columns start after it
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        name = "UTF-8" if encoding == "utf-8" else encoding
        problem = f"the file is not {name} text (byte 0x{raw[error.start]:02x} in column {column})"
        raise failed(shown, line, problem, "save it with UTF-8 encoding") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_big(shown: str, size: int, limit: int) -> BuildFailed:
    return failed(
        shown,
        1,
        f"the file is {size / _MB:.1f} MB, more than the limit of {limit / _MB:g} MB",
        "split it into smaller files" if limit < MAX_SEED_BYTES else "keep the part events quote",
    )


def visible(text: str) -> str:
    """`text` with control and format characters (U+202E, which reverses what follows it on a
    terminal, or a zero-width joiner) written as escapes such as `\\u202e`, for messages."""
    if text.isprintable():  # the common case: no control, format or separator character
        return text
    return "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char)[0] == "C" or char in "\u2028\u2029"
        else char
        for char in text
    )
