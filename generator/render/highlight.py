"""A source's text as its page shows it: verbatim, each quoted passage marked and linked to the
events that quote it."""

from __future__ import annotations

import html
import itertools

from markupsafe import Markup

from generator.model import urls
from generator.model.graph import QuoteRef
from generator.model.timeline import Source

_PARAGRAPH_BREAK = '\n<span class="paragraph-break"></span>'


def highlighted(source: Source, quotes: tuple[QuoteRef, ...], page: str) -> Markup:
    """The source's text as HTML, each quoted passage a <mark> linking to the events quoting it.

    Quotes may overlap, so the text is cut at every quote boundary and each piece is marked with
    every quote that covers it; each quote's first piece carries its anchor.
    """
    text = source.text
    starts: dict[int, list[QuoteRef]] = {}
    ends: dict[int, list[QuoteRef]] = {}
    for quote in quotes:
        starts.setdefault(quote.citation.start, []).append(quote)
        ends.setdefault(quote.citation.end, []).append(quote)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[str, QuoteRef] = {}
    parts: list[str] = []
    for start, end in itertools.pairwise(cuts):
        for quote in ends.get(start, ()):
            active.pop(quote.anchor, None)
        fresh = starts.get(start, [])
        for quote in fresh:
            active[quote.anchor] = quote
        # An empty block after each line break spaces the paragraphs; the text stays verbatim.
        piece = html.escape(text[start:end], quote=False).replace("\n", _PARAGRAPH_BREAK)
        parts.append(_marked(piece, list(active.values()), fresh, page) if active else piece)
    return Markup("".join(parts))


def _marked(piece: str, covering: list[QuoteRef], fresh: list[QuoteRef], page: str) -> str:
    """A piece of text inside quotes: marked, linked to the first quoting event, anchored."""
    id_attr = f' id="{fresh[0].anchor}"' if fresh else ""
    # Further anchors starting at the same place get empty spans, so every anchor resolves.
    extra = "".join(f'<span id="{quote.anchor}"></span>' for quote in fresh[1:])
    titles = "; ".join(dict.fromkeys(quote.event.title for quote in covering))
    href = urls.href(page, urls.event(covering[0].event.id))
    return (
        f'<mark{id_attr}>{extra}<a href="{href}" title="Quoted in: {html.escape(titles)}">'
        f"{piece}</a></mark>"
    )
