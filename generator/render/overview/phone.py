"""The overview for phones: time runs down the page in a strip per year, each event once, a
status-styled dot and its title on a row of its own; for a long timeline (the density view), a
row per year with a bar as long as its number of events. Drawn with the wide overview at build
time, with a caption and legend of their own (the phone drawing has no lanes, and no bars,
whiskers or arrows to explain); the stylesheet shows one drawing and its caption by the
screen's width (overview.css), so a narrow screen needs neither JavaScript nor sideways
scrolling, and every mark is in view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from generator.i18n import ENGLISH, N_, Language
from generator.model.dates import year_label
from generator.model.timeline import Event
from generator.render.overview.lanes import mark_words
from generator.render.overview.legend import NO_STATUS_LOOK, STATUS_LOOKS, status_look
from generator.render.overview.svg import esc, num
from generator.render.overview.text import shorten

PHONE_WIDTH = 300  # the viewBox: at a 320 px screen's ~288 px column, 13 units are 12.5 px
PHONE_SIZE = 13
PHONE_ROW = 24
YEAR_ROW = 26
DOT_X = 10
TEXT_X = 24
BAR_X = 90  # a density row's bar, after its year


def events_in(count: int, year: str, spoken: Language) -> str:
    """'3 events in 2019' in `spoken`."""
    return spoken.ngettext(
        "%(num)d event in %(year)s", "%(num)d events in %(year)s", count, year=year
    )


def phone_svg(
    events: Sequence[Event], href: Callable[[Event], str], title: str, spoken: Language = ENGLISH
) -> Iterator[str]:
    """The phone overview's SVG, a line at a time: events in time order, by year, in `spoken`."""
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
                f' aria-hidden="true">{esc(year_label(year, spoken))}</text>'
            )
            continue
        y += PHONE_ROW
        yield from _mark(event, href(event), y - PHONE_ROW / 2, spoken)
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


def _mark(event: Event, link: str, y: float, spoken: Language) -> Iterator[str]:
    words = mark_words(event, spoken)
    status = f" status-{esc(event.status)}" if event.status is not None else ""
    yield (
        f'<a class="overview-mark{status}" href="{esc(link)}" target="_top"'
        f' aria-label="{esc(words)}">'
    )
    yield f"<title>{esc(event.title)} ({esc(event.date_words(spoken))})</title>"
    yield f'<circle class="overview-point" cx="{DOT_X}" cy="{num(y)}" r="5"/>'
    if event.status == "denied":
        yield f'<path class="overview-strike" d="M{DOT_X - 7} {num(y)}H{DOT_X + 7}"/>'
    label = shorten(event.title, PHONE_WIDTH - TEXT_X, PHONE_SIZE)
    yield (
        f'<text class="overview-label overview-phone-label" x="{TEXT_X}" y="{num(y + 4.5)}">'
        f"{esc(label)}</text>"
    )
    yield "</a>"


def phone_caption(events: Sequence[Event], title: str, spoken: Language = ENGLISH) -> Iterator[str]:
    """The phone drawing's title (`title`, by year) and legend, shown in place of the wide
    drawing's: no lanes, and only the dots' looks that it draws."""
    yield f'<p class="overview-title overview-phone-only">{esc(title)}</p>'
    statuses = {event.status for event in events}
    items = [
        (f"status-{status}", status_look(status, spoken))
        for status in STATUS_LOOKS
        if status in statuses
    ]
    if None in statuses and len(statuses) > 1:
        items.append(("", spoken.gettext(NO_STATUS_LOOK)))
    row = spoken.gettext(_ROW_WORDS)
    items.append(("" if len(statuses) > 1 else _look(next(iter(statuses))), row))
    yield '<ul class="overview-legend overview-phone-only">'
    for css_class, words in items:
        strike = '<path class="overview-strike" d="M11 8H25"/>' if "denied" in css_class else ""
        yield (
            f'<li><svg class="overview-sample" viewBox="0 0 36 16" width="36" height="16"'
            f' aria-hidden="true"><g class="{css_class}"><circle class="overview-point" cx="18"'
            f' cy="8" r="5"/>{strike}</g></svg> {esc(words)}</li>'
        )
    yield "</ul>"


_ROW_WORDS = N_("a row: one event, in time order under its year")


def _look(status: str | None) -> str:
    return f"status-{status}" if status is not None else ""


def density_phone_svg(
    events: Sequence[Event],
    year_href: Callable[[int], str],
    title: str,
    spoken: Language = ENGLISH,
) -> Iterator[str]:
    """The phone drawing of a long timeline: a row per year with events, its label and a bar as
    long as its count, linked to the year's page."""
    counts = Counter(event.date.anchor_year() for event in events)
    most = max(counts.values())
    room = PHONE_WIDTH - BAR_X - 44  # leaves room for the count after the longest bar
    yield (
        f'<svg class="overview-phone" viewBox="0 0 {PHONE_WIDTH} {len(counts) * PHONE_ROW + 4}"'
        f' width="100%" role="group" aria-label="{esc(title)}">'
    )
    for row, year in enumerate(sorted(counts)):
        y, count = row * PHONE_ROW, counts[year]
        label = events_in(count, year_label(year, spoken), spoken)
        width = max(room * count / most, 2)
        yield (
            f'<a class="overview-mark" href="{esc(year_href(year))}" target="_top"'
            f' aria-label="{esc(label)}"><title>{esc(label)}</title>'
            f'<text class="overview-phone-label" x="0" y="{num(y + 16.5)}">'
            f"{esc(year_label(year, spoken))}</text>"
            f'<rect class="overview-cell overview-level-{max(1, -(-count * 5 // most))}"'
            f' x="{BAR_X}" y="{num(y + 5)}" width="{num(width)}" height="14"/>'
            f'<text class="overview-phone-label" x="{num(BAR_X + width + 6)}" y="{num(y + 16.5)}">'
            f"{count}</text></a>"
        )
    yield "</svg>"
