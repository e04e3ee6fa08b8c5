"""The overview of a long timeline: how many events each lane has in each year, as inline SVG.

Past a few hundred events, a mark per event is unreadable and weighs megabytes, so the overview
switches to this: one cell per lane and year, darker for more events, each cell a link to the
year's page (which lists those events) named with its count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence

from markupsafe import Markup, escape

from generator.i18n import ENGLISH, N_, Language
from generator.model.dates import year_label
from generator.model.timeline import Actor, Event
from generator.render.overview.lanes import Lanes, lane_groups
from generator.render.overview.mirror import mirrored
from generator.render.overview.phone import density_phone_svg, events_in
from generator.render.overview.sizes import LABEL_SIZE, MARGIN, WIDTH
from generator.render.overview.svg import num
from generator.render.overview.text import shorten

DENSE_LIMIT = 400  # more events than this, and a figure shows counts rather than events
LEVELS = 5
_LEFT = 170.0  # room for the lane names
_ROW = 18.0
_AXIS = 24.0
_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)

_CELLS = N_(
    "Each cell counts one lane's events in one year; the darker, the more (the darkest holds "
    "%(most)s). A cell links to its year's page."
)
_BARS = N_(
    "Each bar counts one year's events, the number after it; a row links to its year's page."
)
_Counts = list[tuple[str, Counter[int]]]  # (lane name, events in each year)


def density_svg(
    events: Sequence[Event],
    *,
    lanes: Lanes,
    actors: Mapping[str, Actor],
    year_href: Callable[[int], str],
    title: str,
    spoken: Language = ENGLISH,
    phone_title: str = "",
) -> Markup:
    """Events -> a <figure> with one cell per lane and year, each a link to `year_href(year)`,
    in the words of `spoken`."""
    groups = [
        (name, Counter(events[i].date.anchor_year() for i in members))
        for name, members in lane_groups(events, lanes, actors, spoken)
    ]
    years = sorted({events[i].date.anchor_year() for i in range(len(events))})
    first, last = years[0], years[-1]
    step = (WIDTH - MARGIN - _LEFT) / (last - first + 1)
    most = max(count for _, counts in groups for count in counts.values())
    height = _AXIS + _ROW * len(groups) + 4
    parts = [
        '<figure class="overview overview-density">',
        '<div class="overview-scroll">',
        f'<svg class="overview-svg" viewBox="0 0 {WIDTH} {num(height)}" width="100%"'
        f' role="group" aria-label="{escape(title)}">',
        *_plot(
            [
                '<g class="overview-axis" aria-hidden="true">',
                *_year_ticks(first, last, step, spoken),
                "</g>",
                '<g class="overview-lanes" aria-hidden="true">',
                *_lane_names(groups),
                "</g>",
                '<g class="overview-marks">',
                *_cells(groups, years, step, most, year_href, spoken),
                "</g>",
            ],
            spoken,
        ),
        "</svg></div>",
        *density_phone_svg(events, year_href, title, spoken),
        f'<figcaption><p class="overview-title">{escape(title)}</p>'
        f"<p>{escape(spoken.say(_CELLS, most=str(most)))}</p>",
        f'<p class="overview-title overview-phone-only">{escape(phone_title or title)}</p>'
        f'<p class="overview-phone-only">{escape(spoken.gettext(_BARS))}</p>'
        "</figcaption></figure>",
    ]
    return Markup("\n".join(parts) + "\n")


def _plot(lines: list[str], spoken: Language) -> Iterator[str]:
    """The drawing, its years running right to left in a language written so."""
    return iter(lines) if spoken.direction == "ltr" else mirrored(lines, WIDTH)


def _year_ticks(first: int, last: int, step: float, spoken: Language) -> Iterator[str]:
    """The years first..last, a column of `step` each -> a label every year or every few."""
    columns = last - first + 1
    label_step = next((s for s in _STEPS if columns / s <= 10), _STEPS[-1])
    for year in range(first, last + 1):
        if year % label_step == 0 or columns <= 10:
            x = _LEFT + (year - first + 0.5) * step
            yield (
                f'<text class="overview-tick" x="{num(x)}" y="16" text-anchor="middle">'
                f"{escape(year_label(year, spoken))}</text>"
            )


def _lane_names(groups: _Counts) -> Iterator[str]:
    """Each lane's name, cut short to fit the room left of the cells."""
    for row, (name, _) in enumerate(groups):
        y = _AXIS + row * _ROW
        yield (
            f'<text class="overview-lane-name" x="4" y="{num(y + 13)}">'
            f"{escape(shorten(name, _LEFT - 10, LABEL_SIZE * 0.9))}</text>"
        )


def _cells(
    groups: _Counts,
    years: list[int],
    step: float,
    most: int,
    year_href: Callable[[int], str],
    spoken: Language,
) -> Iterator[str]:
    """A linked cell for each lane and year with events, shaded by count out of `most`."""
    first = years[0]
    # Time order first, so that Tab moves through the years.
    for year in years:
        for row, (name, counts) in enumerate(groups):
            count = counts.get(year, 0)
            if not count:
                continue
            level = max(1, -(-count * LEVELS // most))
            x, y = _LEFT + (year - first) * step, _AXIS + row * _ROW
            label = f"{name}: {events_in(count, year_label(year, spoken), spoken)}"
            yield (
                f'<a href="{escape(year_href(year))}" target="_top" aria-label="{escape(label)}">'
                f"<title>{escape(label)}</title>"
                f'<rect class="overview-cell overview-level-{level}" x="{num(x + 0.5)}"'
                f' y="{num(y + 2)}" width="{num(max(step - 1, 1))}" height="{num(_ROW - 4)}"/>'
                "</a>"
            )
