"""What the build asks of the operating system beyond Python's own: libc, and files replaced
atomically, so that a reader (a browser, the next build) never sees half of one."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys
import tempfile
from pathlib import Path


@functools.cache
def libc() -> ctypes.CDLL | None:
    """The C library on Linux (for prctl and renameat2), None elsewhere or when it is missing."""
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    return None if name is None else ctypes.CDLL(name, use_errno=True)


def replace_file(target: Path, data: bytes, mode: int | None = None) -> None:
    """Put `data` at `target` through a temporary file beside it and one rename; `mode` sets
    the permissions, which a temporary file otherwise keeps at 0600."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
