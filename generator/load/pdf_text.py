"""A PDF's text, page by page, as pypdf extracts it."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.load.text import failed

# pypdf logs each oddity of a file it can still read; the build reports only what it cannot.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_pages(raw: bytes, shown: str) -> list[str]:
    """The text of each page of the PDF `raw`; BuildFailed when it cannot be read."""
    fix = "save the document again as a PDF, or keep its text in a .txt file"
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise failed(shown, 1, "is a PDF locked with a password", fix)
        return [(page.extract_text() or "").strip() for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        # pypdf meets broken files with whatever its parsing stumbled on.
        raise failed(shown, 1, f"is not a readable PDF ({error})", fix) from None
