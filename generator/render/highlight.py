"""A source's text as its page shows it: verbatim, each quoted passage marked and linked to the
events that quote it; a PDF page by page, a web page's article; or, for a source whose text is
not published, the quoted passages alone."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from generator.i18n import ENGLISH, N_, Language
from generator.model import urls
from generator.model.graph import QuoteRef
from generator.model.timeline import Source

_QUOTED_IN = N_("Quoted in: %(titles)s")
_PARAGRAPH_BREAK = '\n<span class="paragraph-break"></span>'
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage as a page lists it: its anchor, the event, the words, where it is."""

    anchor: str
    quote: QuoteRef
    text: str  # the source's words, its parts joined by ` … `
    page: int  # of a PDF, else 0


@dataclass(frozen=True, slots=True)
class SourcePage:
    """A page of a PDF as the source's page shows it."""

    number: int
    html: Markup


def highlighted(
    source: Source, quotes: tuple[QuoteRef, ...], page: str, spoken: Language = ENGLISH
) -> Markup:
    """The source's text as HTML, each quoted passage a <mark> linking to the events quoting it.

    Quotes may overlap, so the text is cut at every quote boundary and each piece is marked with
    every quote that covers it; each quote's first piece carries its anchor. A web page shows
    its article, widened to take in every quoted passage. Its links' titles are in `spoken`.
    """
    start, end = shown_span(source, quotes)
    quoted = spoken.gettext(_QUOTED_IN)
    return Markup("".join(_pieces(source, quotes, (page, quoted), start, end)))


def pdf_pages(
    source: Source, quotes: tuple[QuoteRef, ...], page: str, spoken: Language = ENGLISH
) -> tuple[SourcePage, ...]:
    """A PDF's text page by page, its quoted passages marked as `highlighted` marks them."""
    at = (page, spoken.gettext(_QUOTED_IN))
    bounds = [*source.pages, len(source.text) + 2]
    pieces = []
    for number, (start, end) in enumerate(itertools.pairwise(bounds), 1):
        text = "".join(_pieces(source, quotes, at, start, max(start, end - 2)))
        pieces.append(SourcePage(number, Markup(text)))
    return tuple(pieces)


def shown_span(source: Source, quotes: tuple[QuoteRef, ...]) -> tuple[int, int]:
    """The span of the source's text that its page shows: all of it, or a web page's article
    with every quoted passage in it."""
    if source.article is None:
        return 0, len(source.text)
    start = min([source.article[0], *(q.citation.start for q in quotes)])
    end = max([source.article[1], *(q.citation.end for q in quotes)])
    return start, end


def passages(source: Source, quotes: tuple[QuoteRef, ...]) -> tuple[Passage, ...]:
    """Each quoted passage in the source's own words, in the order of the text."""
    return tuple(
        Passage(
            quote.anchor,
            quote,
            " … ".join(_one_line(source.text[a:b]) for a, b in quote.citation.spans),
            quote.citation.page,
        )
        for quote in quotes
    )


def _one_line(text: str) -> str:
    """A passage on one line: a word hyphenated at a line's end joined again, as `re-pair`."""
    return " ".join(_LINE_END_HYPHEN.sub("-", text).split())


def _pieces(
    source: Source, quotes: tuple[QuoteRef, ...], at: tuple[str, str], low: int, high: int
) -> Iterator[str]:
    """The HTML of source.text[low:high], cut at every quote boundary within it; `at` is the
    page's path and its words for a quote's link ('Quoted in: %(titles)s')."""
    text = source.text
    starts: dict[int, list[tuple[QuoteRef, bool]]] = {}
    ends: dict[int, list[QuoteRef]] = {}
    for quote in quotes:
        for number, (start, end) in enumerate(quote.citation.spans):
            if end > low and start < high:
                starts.setdefault(max(start, low), []).append((quote, number == 0 and start >= low))
                ends.setdefault(min(end, high), []).append(quote)
    cuts = sorted({low, high, *starts, *ends})
    active: dict[str, QuoteRef] = {}
    for start, end in itertools.pairwise(cuts):
        for quote in ends.get(start, ()):
            active.pop(quote.anchor, None)
        fresh = [quote for quote, first in starts.get(start, ()) if first]
        for quote, _ in starts.get(start, ()):
            active[quote.anchor] = quote
        piece = _escaped(text[start:end], source.kind)
        yield _marked(piece, list(active.values()), fresh, at) if active else piece


def _escaped(text: str, kind: str) -> str:
    """A piece of text as HTML: an empty block spaces the paragraphs (after each line of a text
    file; at each blank line of a web page or a PDF, whose lines stay as they are)."""
    escaped = html.escape(text, quote=False)
    if kind == "text":
        return escaped.replace("\n", _PARAGRAPH_BREAK)
    return escaped.replace("\n\n", _PARAGRAPH_BREAK)


def _marked(
    piece: str, covering: list[QuoteRef], fresh: list[QuoteRef], at: tuple[str, str]
) -> str:
    """A piece of text inside quotes: marked, linked to the first quoting event, anchored."""
    id_attr = f' id="{fresh[0].anchor}"' if fresh else ""
    # Further anchors starting at the same place get empty spans, so every anchor resolves.
    extra = "".join(f'<span id="{quote.anchor}"></span>' for quote in fresh[1:])
    titles = "; ".join(dict.fromkeys(quote.event.title for quote in covering))
    page, quoted = at
    href = urls.href(page, urls.event(covering[0].event.id))
    title = html.escape(quoted % {"titles": titles})
    return f'<mark{id_attr}>{extra}<a href="{href}" title="{title}">{piece}</a></mark>'
