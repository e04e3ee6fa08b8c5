"""The verbatim copies in seeds/, read by kind: plain text (`.txt`, `.md` and any other name),
saved web pages (`.html`, `.htm`) and PDFs (`.pdf`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.load.html_text import PARAGRAPH_BREAK, article_span, visible_page
from generator.load.pdf_text import pdf_pages
from generator.load.text import MAX_SEED_BYTES, read_bytes, read_text

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class SeedText:
    """A seed's text as a reader sees it, with where its paragraphs end (an ellipsis in a quote
    stays within one) and, by kind, its pages or the span of its article."""

    text: str
    kind: str = "text"  # "text", "html" or "pdf"
    breaks: tuple[int, ...] = ()
    pages: tuple[int, ...] = ()  # a PDF's: where each page starts in `text`
    article: tuple[int, int] | None = None  # a web page's article, when one is found


def seed_kind(path: str) -> str:
    """The kind of seed a file name says: "html", "pdf" or "text"."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"html": "html", "htm": "html", "pdf": "pdf"}.get(suffix, "text")


def read_seed(path: Path, shown: str) -> SeedText:
    """The seed at `path` by its kind; BuildFailed saying why it cannot be read."""
    kind = seed_kind(path.name)
    if kind == "text":
        text = read_text(path, shown, MAX_SEED_BYTES)
        return SeedText(text, "text", text_breaks(text))
    raw = read_bytes(path, shown, MAX_SEED_BYTES)
    if kind == "pdf":
        return _joined(pdf_pages(raw, shown), "pdf")
    page = visible_page(raw, shown)
    seed = _joined(page.paragraphs, "html")
    return SeedText(seed.text, "html", seed.breaks, (), article_span(raw, page))


def text_breaks(text: str) -> tuple[int, ...]:
    """Where a text file's paragraphs end: at blank lines, or at every line's end in a text
    that has none (one paragraph a line)."""
    blank = tuple(m.start() for m in _BLANK_LINE.finditer(text))
    return blank or tuple(m.start() for m in re.finditer("\n", text))


def _joined(pieces: list[str], kind: str) -> SeedText:
    """Paragraphs (a page's, a PDF's pages) as one text, a blank line between each two."""
    starts: list[int] = []
    at = 0
    for piece in pieces:
        starts.append(at)
        at += len(piece) + len(PARAGRAPH_BREAK)
    text = PARAGRAPH_BREAK.join(pieces)
    breaks = tuple(start - len(PARAGRAPH_BREAK) for start in starts[1:])
    return SeedText(text, kind, breaks, tuple(starts) if kind == "pdf" else ())
