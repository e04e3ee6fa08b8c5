"""What a captured document says about itself: title, publisher, author and date, from an HTML
page's `<title>`, Open Graph tags, `article:published_time` and JSON-LD (`NewsArticle` and its
kin), or from a PDF's document information."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, fields
from html.parser import HTMLParser

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.load.html_text import html_encoding
from generator.model.dates import DateError, parse_date

_ARTICLES = frozenset(
    ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting")
)
_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass(frozen=True, slots=True)
class Metadata:
    """A source's description as the document gives it; '' for what it does not."""

    title: str = ""
    publisher: str = ""
    author: str = ""
    date: str = ""  # EDTF, such as 2021-03-04

    def missing(self) -> list[str]:
        """The fields the document does not give."""
        return [field.name for field in fields(self) if not getattr(self, field.name)]


class _Head(HTMLParser):
    """The `<title>`, the `<meta>` tags and the JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = (found.get("property") or found.get("name") or "").lower()
            if key and found.get("content") and key not in self.meta:
                self.meta[key] = " ".join(found["content"].split())
        elif tag == "title" and not self.title:
            self._in = "title"
        elif tag == "script" and found.get("type", "").lower() == "application/ld+json":
            self._in = "json"
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "json":
            self.json_ld[-1] += data


def html_metadata(raw: bytes) -> Metadata:
    """What the page says of itself: JSON-LD first, then Open Graph and `<meta>`, then
    `<title>`."""
    try:
        text = raw.decode(html_encoding(raw, "page"), errors="replace")
    except Exception:  # an unknown character set: read what is ASCII
        text = raw.decode("ascii", errors="replace")
    head = _Head()
    head.feed(text)
    head.close()
    article = _article(head.json_ld)
    meta = head.meta
    return Metadata(
        title=_name(article.get("headline"))
        or meta.get("og:title")
        or " ".join(head.title.split()),
        publisher=_name(article.get("publisher")) or meta.get("og:site_name", ""),
        author=_name(article.get("author")) or meta.get("author") or meta.get("article:author", ""),
        date=_day(str(article.get("datePublished") or meta.get("article:published_time", ""))),
    )


def _article(scripts: list[str]) -> dict[str, object]:
    """The first JSON-LD object of an article type, also inside lists and `@graph`."""
    pending: list[object] = []
    for script in scripts:
        try:
            pending.append(json.loads(script))
        except ValueError:
            continue
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(kind in _ARTICLES for kind in kinds):
                return item
            pending.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return {}


def _name(value: object) -> str:
    """A JSON-LD value as text: a string, a thing's `name`, or the names of a list, joined."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        return ", ".join(name for name in map(_name, value) if name)
    return ""


def _day(value: str) -> str:
    """The day a date and time such as 2021-03-04T08:15:00Z (or a PDF's D:20210304…) falls
    on, as EDTF; '' when there is none."""
    found = _DAY.search(value)
    if found is None:
        return ""
    day = "-".join(found.groups())
    try:
        parse_date(day)
    except DateError:
        return ""
    return day


def pdf_metadata(raw: bytes) -> Metadata:
    """What a PDF's document information says: title, author, and the day it was made."""
    try:
        info = PdfReader(io.BytesIO(raw)).metadata
    except (PyPdfError, ValueError, KeyError, TypeError):
        return Metadata()
    if info is None:
        return Metadata()
    return Metadata(
        title=" ".join(str(info.title or "").split()),
        author=" ".join(str(info.author or "").split()),
        date=_day(str(info.get("/CreationDate", ""))),
    )
