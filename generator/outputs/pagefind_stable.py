"""Pagefind's bundle made byte-identical from one build to the next.

Pagefind 1.5 writes its filter files, and the list of them in each language's metadata, in the
order of a hash map seeded anew on every run (its source says "TODO: Change filter indexes to
BTree to give them a stable hash"), and the languages of its entry file likewise. Everything else
it writes is stable. So each filter file's values are put in order, and each file is named by
the digest of its new bytes, as Pagefind names it (SHA-1, each byte in hex without leading
zeros); the metadata lists the filters in order under their new names, and the entry file its
languages. The files are CBOR (arrays, text and unsigned integers only) behind a marker, gzipped.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from typing import Any

_MARK = b"pagefind_dcd"
_FILTER = re.compile(r"filter/(.+)_([0-9a-f]+)\.pf_filter")
_META = re.compile(r"pagefind\.(.+)_[0-9a-f]+\.pf_meta")
_ENTRY = "pagefind-entry.json"


def stable_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's files by path, with the filters, metadata and entry file in a stable order."""
    stable = dict(files)
    renamed: dict[str, str] = {}  # a filter file's hash (`en_1a2b3c4`) -> its stable one
    for path in sorted(files):
        if match := _FILTER.fullmatch(path):
            name, values = _decoded(stable.pop(path))
            data = _encode([name, sorted(values)])
            new = f"{match.group(1)}_{_digest(data)[:7]}"
            renamed[f"{match.group(1)}_{match.group(2)}"] = new
            stable[f"filter/{new}.pf_filter"] = _compressed(data)
    metas: dict[str, str] = {}  # a language's metadata hash -> its stable one
    for path in sorted(files):
        if match := _META.fullmatch(path):
            language = match.group(1)
            # Pagefind 1.5 adds the names of the records' metadata, in order, after the sorts.
            version, pages, chunks, filters, sorts, *rest = _decoded(stable.pop(path))
            filters = sorted([name, renamed[hash_]] for name, hash_ in filters)
            data = _encode([version, pages, chunks, filters, sorted(sorts), *rest])
            new = f"{language}_{_digest(data)[: len(language) + 8]}"
            metas[path.removeprefix("pagefind.").removesuffix(".pf_meta")] = new
            stable[f"pagefind.{new}.pf_meta"] = _compressed(data)
    entry = json.loads(files[_ENTRY])
    languages = entry["languages"]
    for language in languages.values():
        language["hash"] = metas[language["hash"]]
    entry["languages"] = dict(sorted(languages.items()))
    stable[_ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return dict(sorted(stable.items()))


def _digest(data: bytes) -> str:
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _compressed(data: bytes) -> bytes:
    return gzip.compress(_MARK + data, compresslevel=9, mtime=0)


def _decoded(file: bytes) -> Any:
    data = gzip.decompress(file)
    if not data.startswith(_MARK):
        raise ValueError("not a Pagefind index file")
    value, end = _decode(data, len(_MARK))
    if end != len(data):
        raise ValueError("bytes after a Pagefind index file's CBOR")
    return value


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at `at` (an unsigned integer, a text or an array) and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR additional information {info} is not used by Pagefind")
    if major == 0:
        return argument, at
    if major == 3:
        return data[at : at + argument].decode(), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major} is not used by Pagefind")


def _encode(value: Any) -> bytes:
    """CBOR as Pagefind's encoder writes it: every length in its shortest form."""
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        text = value.encode()
        return _head(3, len(text)) + text
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("a CBOR integer past 64 bits")
