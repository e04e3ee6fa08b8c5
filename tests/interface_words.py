"""What tests/test_languages.py checks of the golden fixture built in French and in Urdu: no
word of the English interface left on its pages (visible text, and the names screen readers and
tooltips give), its dates in the site's language, and in Urdu the overview's time running from
right to left."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from babel.messages.pofile import read_po

from generator import i18n
from tests.helpers import FIXTURE

_SHOWN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


class _Shown(HTMLParser):
    """The text a reader sees or hears: text outside scripts and styles, and the attributes
    that screen readers and tooltips say."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")
        self.found += [v for k, v in attrs if k in _SHOWN_ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.found.append(" ".join(data.split()))


def _english_messages(language: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each English message of the catalog that `language` words differently, as a pattern of
    its text with any value in its placeholders; those without a word of four letters outside
    their placeholders ('c. %(date)s') are left out, as they would match anything."""
    with i18n.catalog_path("en").open("rb") as po:
        english = read_po(po, locale="en")
    spoken = i18n.language(language)
    found = []
    for message in english:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            literal = _PLACEHOLDER.sub(" ", text)
            if not text or not re.search(r"[A-Za-z]{4}", literal) or spoken.gettext(text) == text:
                continue
            parts = [re.escape(part) for part in _PLACEHOLDER.split(re.sub("<[^>]+>", "", text))]
            # A placeholder's value stays within its part of a title ('Page 2 of 5 · Site').
            found.append((text, re.compile(r"\b" + "[^·]+?".join(parts) + r"(?!\w)")))
    return found


def _content_words() -> str:
    """The fixture's own text, English as its author wrote it, which the pages show as is."""
    files = [p for p in FIXTURE.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml", ".txt")]
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in files).lower()


_BREAK = re.compile(r"[.۔。]\s|\s·\s")


def _around(text: str, found: re.Match[str]) -> str:
    """The matched words with what is next to them within their sentence, or their part between
    ' · ', of `text`, in lower case."""
    starts = [0, *(b.end() for b in _BREAK.finditer(text, 0, found.start()))]
    end = next((b.start() for b in _BREAK.finditer(text, found.end())), len(text))
    return text[starts[-1] : end].strip(" .").lower()


def english_left(pages: dict[str, bytes], language: str) -> list[tuple[str, str, str]]:
    """(page, English message, the text it is in) for each English message of the catalog still
    in what a reader of the pages in `language` sees or hears."""
    content = _content_words()
    messages = _english_messages(language)
    left = set()
    for path, html in pages.items():
        if not path.endswith(".html"):
            continue
        shown = _Shown()
        shown.feed(html.decode())
        for text in shown.found:
            for message, pattern in messages:
                found = pattern.search(text)
                # A word of the author's own text is no interface word left in English.
                if found and _around(text, found) not in content:
                    left.add((path, message, text))
    return sorted(left)


_DATED = ("index.html", "events/ides-of-march/index.html", "years/44-bc/index.html")
_DATED += ("events/rubicon/index.html",)


def check_french_dates(pages: dict[str, bytes]) -> None:
    """The French fixture's dates: days, eras, open ends, times, corrections' days."""
    fr = {path: pages[path].decode() for path in _DATED}
    assert "15 mars 44 av. J.-C." in fr["events/ides-of-march/index.html"]
    assert "<h1>44 av. J.-C.</h1>" in fr["years/44-bc/index.html"]
    assert "depuis v.\u00a0100" in fr["index.html"]  # an open end, approximate
    assert "15 mars 2019, 11:00 UTC+01:00" in fr["index.html"]  # a time with its offset
    assert "Corrigé le <time" in fr["events/rubicon/index.html"]
    assert " BC<" not in fr["index.html"] and "Mar 44" not in fr["index.html"]


def check_urdu(pages: dict[str, bytes]) -> None:
    """The Urdu fixture's dates, and its overview's time running right to left, its map not."""
    index = pages["index.html"].decode()
    assert "15 مارچ، 44 قبل مسیح" in pages["events/ides-of-march/index.html"].decode()
    assert " BC<" not in index and "Mar 44" not in index
    svg = index.split('<svg class="overview-svg"')[1].split("</svg>")[0]
    assert '<g class="overview-rtl" transform="matrix(-1 0 0 1 960 0)">' in svg
    # Each mark's first shape, in time order, at its drawn x: 960 less its x before the mirror.
    shape = r'<a class="overview-mark[^>]*>.*?<(?:circle|rect)[^>]*?\b(?:cx|x)="([\d.]+)"'
    marks = re.findall(shape, svg, re.S)
    drawn = [960 - float(x) for x in marks]
    # The first event (20,001 BC) on the right, the last (AD 2019) on the left.
    assert len(drawn) >= 5 and drawn[0] > 800 and drawn[-1] < 200
    # The lane names stand on the right, legible: anchored at their end, not mirrored.
    names = re.findall(r'<text class="overview-lane-name"[^>]*>', svg)
    assert names and all('text-anchor="end"' in n and "matrix(-1 0 0 1 4 0)" in n for n in names)
    map_svg = index.split('<svg class="map-svg"')[1].split("</svg>")[0]
    assert "matrix(-1" not in map_svg  # the map is not mirrored
