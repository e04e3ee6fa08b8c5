"""The overview figures of the pages that have one, drawn on all cores, each again only when
what it shows changed: its events' titles, dates, statuses and actors, the eras, or the actors'
names."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup

from generator.i18n import Language
from generator.model import urls
from generator.model.timeline import Actor, Era, Event
from generator.parallel import map_indexes
from generator.render.overview.density import DENSE_LIMIT, density_svg
from generator.render.overview.draw import overview_svg

# page, lanes, titles, what each event shows, eras, actor names, language: all a figure shows
FigureKey = tuple[
    str, str, tuple[str, str], tuple[Any, ...], tuple[Era, ...], tuple[str, ...], Language
]
Drawn = dict[str, tuple[FigureKey, Markup]]  # by page: what it showed, and the figure


@dataclass(frozen=True, slots=True)
class Figure:
    """The overview a page shows: its events, one lane per actor or per status, a title, and
    the title of its drawing for phones, which has no lanes."""

    events: tuple[Event, ...]
    lanes: Literal["actor", "status"]
    title: str
    phone_title: str


def draw_figures(
    figures: Sequence[tuple[str, Figure]],
    actors: Mapping[str, Actor],
    eras: tuple[Era, ...],
    previous: Drawn,
    wanted: Callable[[str], bool],
    spoken: Language,
) -> Drawn:
    """The figure of each (page, figure), reusing `previous` where its key is unchanged;
    figures of pages that are not `wanted` are not even compared: the last build's stay. Their
    words are in `spoken`."""
    kept = {page: previous[page] for page, _ in figures if not wanted(page) and page in previous}
    jobs = [(page, figure) for page, figure in figures if page not in kept]
    # Compared as values: an unchanged event brings the very same field objects, so comparing
    # even the index's 10,000 is quick (a digest of their repr took a tenth of a second).
    keys = [_key(page, figure, actors, eras, spoken) for page, figure in jobs]
    missing = [
        at
        for at, ((page, _), key) in enumerate(zip(jobs, keys, strict=True))
        if page not in previous or previous[page][0] != key
    ]

    def draw(job: int) -> Markup:
        page, figure = jobs[missing[job]]
        return _draw(page, figure, actors, eras, spoken)

    # A figure costs about as much as 20 bodies, so fewer of them pay for the workers.
    drawn = dict(zip(missing, map_indexes(draw, len(missing), min_jobs=20), strict=True))
    result: Drawn = kept
    for at, ((page, _), key) in enumerate(zip(jobs, keys, strict=True)):
        result[page] = (key, drawn[at]) if at in drawn else previous[page]
    return result


def _key(
    page: str,
    figure: Figure,
    actors: Mapping[str, Actor],
    eras: tuple[Era, ...],
    spoken: Language,
) -> FigureKey:
    events = figure.events
    shown = tuple((e.id, e.title, e.date, e.date_label, e.status, e.actors) for e in events)
    names = tuple(actors[a].name for a in dict.fromkeys(a for e in events for a in e.actors))
    titles = (figure.title, figure.phone_title)
    return page, figure.lanes, titles, shown, eras, names, spoken


def _draw(
    page: str,
    figure: Figure,
    actors: Mapping[str, Actor],
    eras: tuple[Era, ...],
    spoken: Language,
) -> Markup:
    if len(figure.events) > DENSE_LIMIT:
        return density_svg(
            figure.events,
            lanes=figure.lanes,
            actors=actors,
            year_href=lambda year: urls.href(page, urls.year(year)),
            title=figure.title,
            spoken=spoken,
            phone_title=figure.phone_title,
        )
    return overview_svg(
        figure.events,
        lanes=figure.lanes,
        actors=actors,
        eras=eras,
        href=lambda event: urls.href(page, urls.event(event.id)),
        title=figure.title,
        spoken=spoken,
        phone_title=figure.phone_title,
    )
