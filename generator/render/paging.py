"""Long lists in pages, as Hugo's paginator makes them: the first page at the list's own URL,
the next ones at `page/2/`, `page/3/` … below it, each `page_size` events in the list's order,
with a pager naming every page by the years its events span, so that a reader reaches any year
without JavaScript. A list of one page has no pager and is made as it was before paging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from generator.incremental.affected import Shown
from generator.model import urls
from generator.model.dates import year_label
from generator.model.timeline import Event
from generator.render.figures import Figure
from generator.render.plan import Page, Parts, Values


@dataclass(frozen=True, slots=True)
class PageLink:
    """A page of a list as its pager names it."""

    number: int  # from 1
    path: str  # output path
    years: str  # the years its events span: `1990`, `1990–1992`


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page stands among the pages of its list."""

    number: int  # this page's, from 1
    pages: tuple[PageLink, ...]

    @property
    def previous(self) -> PageLink | None:
        """The page before this one, if any."""
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> PageLink | None:
        """The page after this one, if any."""
        return self.pages[self.number] if self.number < len(self.pages) else None


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a list: where it goes, its share of the events, how many the list has, and
    its pager (None for a list of one page)."""

    path: str
    events: tuple[Event, ...]
    total: int
    pager: Pager | None

    @property
    def first(self) -> bool:
        """Whether this is the list's first page, the one at the list's own URL: the one that
        shows the list's overview, map and profile."""
        return self.pager is None or self.pager.number == 1


def split(path: str, events: tuple[Event, ...], size: int) -> tuple[ListPage, ...]:
    """The list of `events` at `path`, `size` events a page -> its pages (one, when it is empty)."""
    chunks = [events[start : start + size] for start in range(0, len(events), size)] or [()]
    if len(chunks) == 1:
        return (ListPage(path, events, len(events), None),)
    links = tuple(
        PageLink(number, urls.paged(path, number), _years(chunk))
        for number, chunk in enumerate(chunks, start=1)
    )
    return tuple(
        ListPage(link.path, chunk, len(events), Pager(link.number, links))
        for link, chunk in zip(links, chunks, strict=True)
    )


def _years(events: tuple[Event, ...]) -> str:
    first, last = events[0].date.anchor_year(), events[-1].date.anchor_year()
    return year_label(first) if first == last else f"{year_label(first)}–{year_label(last)}"


def paged(
    path: str,
    template: str,
    events: tuple[Event, ...],
    shown: Shown,
    values: Callable[[ListPage, Parts], Values],
    figure: Figure | None,
    size: int,
) -> Iterator[Page]:
    """The pages of the list of `events` at `path`: each shows `values` of its share, the first
    one `figure` too. Each records every event of the list (`shown`): an event added or removed
    anywhere moves the others along the pages and renumbers the pager."""
    for page in split(path, events, size):
        made = partial(values, page)
        if page.first:
            yield Page(page.path, template, shown, made, figure)
        else:
            yield Page(page.path, template, shown, made, first=path)


def listing(parts: Parts, page: ListPage, heading: str) -> Values:
    """What a page of a list shows of its events (see `Parts.listing`), with how many the whole
    list has and its pager."""
    return {
        **parts.listing(page.events, page.path, heading),
        "total": page.total,
        "pager": page.pager,
    }
