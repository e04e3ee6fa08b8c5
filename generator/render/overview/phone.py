"""The overview for phones: time runs down the page in a strip per year, each event once, a
status-styled dot and its title on a row of its own. Drawn with the wide overview at build
time; the stylesheet shows one of the two by the screen's width (overview.css), so a narrow
screen needs neither JavaScript nor sideways scrolling, and every mark is in view."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from generator.model.dates import year_label
from generator.model.timeline import Event
from generator.render.overview.svg import esc, num
from generator.render.overview.text import shorten

PHONE_WIDTH = 300  # the viewBox: at a 320 px screen's ~288 px column, 13 units are 12.5 px
PHONE_SIZE = 13
PHONE_ROW = 24
YEAR_ROW = 26
DOT_X = 10
TEXT_X = 24


def phone_svg(events: Sequence[Event], href: Callable[[Event], str], title: str) -> Iterator[str]:
    """The phone overview's SVG, a line at a time: events in time order, by year."""
    rows = list(_rows(events))
    height = sum(PHONE_ROW if event is not None else YEAR_ROW for event, _ in rows) + 4
    yield (
        f'<svg class="overview-phone" viewBox="0 0 {PHONE_WIDTH} {height}" width="100%"'
        f' role="group" aria-label="{esc(title)}">'
    )
    y = 0.0
    for event, year in rows:
        if event is None:
            y += YEAR_ROW
            yield (
                f'<text class="overview-tick overview-phone-year" x="0" y="{num(y - 7)}"'
                f' aria-hidden="true">{esc(year_label(year))}</text>'
            )
            continue
        y += PHONE_ROW
        yield from _mark(event, href(event), y - PHONE_ROW / 2)
    yield "</svg>"


def _rows(events: Sequence[Event]) -> Iterator[tuple[Event | None, int]]:
    """A heading row for each year, then a row per event of it."""
    last: int | None = None
    for event in events:
        year = event.date.anchor_year()
        if year != last:
            last = year
            yield None, year
        yield event, year


def _mark(event: Event, link: str, y: float) -> Iterator[str]:
    words = " — ".join(w for w in (event.title, event.date_described, event.status_label) if w)
    status = f" status-{esc(event.status)}" if event.status is not None else ""
    yield (
        f'<a class="overview-mark{status}" href="{esc(link)}" target="_top"'
        f' aria-label="{esc(words)}">'
    )
    yield f"<title>{esc(event.title)} ({esc(event.date_words)})</title>"
    yield f'<circle class="overview-point" cx="{DOT_X}" cy="{num(y)}" r="5"/>'
    if event.status == "denied":
        yield f'<path class="overview-strike" d="M{DOT_X - 7} {num(y)}H{DOT_X + 7}"/>'
    label = shorten(event.title, PHONE_WIDTH - TEXT_X, PHONE_SIZE)
    yield (
        f'<text class="overview-label overview-phone-label" x="{TEXT_X}" y="{num(y + 4.5)}">'
        f"{esc(label)}</text>"
    )
    yield "</a>"
