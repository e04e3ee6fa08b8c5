"""Text as the machine formats take it: XML 1.0 and iCalendar forbid some characters outright,
and TimelineJS reads its text fields as HTML."""

from __future__ import annotations

import html
import json
import re
from typing import Any

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 and iCalendar TEXT forbid."""
    return _FORBIDDEN.sub("", text)


def html_text(text: str) -> str:
    """Plain text -> HTML text (quote marks left as they are)."""
    return html.escape(text, quote=False)


def dumps(data: Any) -> str:
    """`data` as one line of JSON, non-ASCII characters as they are."""
    # One line: indenting makes the encoder fall back to pure Python, ten times slower.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
