"""The overview drawn: a laid-out overview -> a <figure> with its inline SVG and legend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from markupsafe import Markup

from generator.i18n import ENGLISH, Language
from generator.model.timeline import Actor, Era, Event
from generator.render.overview.lanes import Lanes, mark_words
from generator.render.overview.layout import Layout, Mark, layout
from generator.render.overview.legend import legend
from generator.render.overview.mirror import mirrored
from generator.render.overview.phone import phone_caption, phone_svg
from generator.render.overview.sizes import ARROW, BAR, LANE_PAD, LINE, RADIUS, ROW, WIDTH
from generator.render.overview.svg import esc, linear_gradient, num, whisker
from generator.render.overview.text import text_width


def overview_svg(
    events: Sequence[Event],
    *,
    lanes: Lanes,
    actors: Mapping[str, Actor],
    eras: Sequence[Era],
    href: Callable[[Event], str],
    title: str,
    id_prefix: str = "overview",
    spoken: Language = ENGLISH,
    phone_title: str = "",
) -> Markup:
    """Events in time order -> a <figure> with the inline SVG overview, its caption and legend;
    '' for no events. `href(event)` is the link to the event's page; `id_prefix` keeps this
    figure's ids unique on its page; `spoken` is the language of its words; `phone_title` the
    phone drawing's title, which has no lanes (`title` without one)."""
    if not events:
        return Markup("")
    view = layout(events, lanes=lanes, actors=actors, eras=eras, spoken=spoken)
    height = num(view.height)
    parts = [
        f'<figure class="overview" id="{esc(id_prefix)}">',
        '<div class="overview-scroll">',
        f'<svg class="overview-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="group"'
        f' aria-label="{esc(title)}">',
        *_plot(view, href, id_prefix),
        "</svg>",
        "</div>",
        *phone_svg(events, href, title, spoken),
        f'<figcaption><p class="overview-title">{esc(title)}</p>',
        *legend(view, id_prefix),
        *phone_caption(events, phone_title or title, spoken),
        "</figcaption>",
        "</figure>",
    ]
    return Markup("\n".join(parts) + "\n")


def _plot(view: Layout, href: Callable[[Event], str], id_prefix: str) -> Iterator[str]:
    """The drawing inside the SVG: eras, axis, lanes and marks; mirrored, so that time runs
    right to left, in a language written so."""
    spoken = view.spoken
    lines = [
        *_draw_eras(view, id_prefix),
        *_draw_axis(view),
        *_draw_lanes(view),
        '<g class="overview-marks">',
        *(
            line
            for number, mark in enumerate(view.marks)
            for line in _draw_mark(mark, href(mark.event), f"{id_prefix}-f{number}", spoken)
        ),
        "</g>",
    ]
    return iter(lines) if spoken.direction == "ltr" else mirrored(lines, WIDTH)


def _draw_eras(view: Layout, prefix: str) -> Iterator[str]:
    if not view.eras:
        return
    yield '<g class="overview-eras" aria-hidden="true">'
    for number, band in enumerate(view.eras, start=1):
        x0, x1, (s0, s1) = band.x0, band.x1, band.solid
        box = f'x="{num(x0)}" y="0" width="{num(x1 - x0)}" height="{num(view.height)}"'
        if (s0, s1) == (x0, x1):
            yield f'<rect class="overview-era" {box}/>'
        else:
            gradient = f"{prefix}-era{number}"
            stops = [(0.0, s0 == x0), ((s0 - x0) / (x1 - x0), True)]
            stops += [((s1 - x0) / (x1 - x0), True), (1.0, s1 == x1)]
            yield from linear_gradient(gradient, "overview-era-stop", stops)
            yield f'<rect class="overview-era-fading" fill="url(#{gradient})" {box}/>'
        if band.label:
            name = esc(band.label)
            yield f'<text class="overview-era-name" x="{num(band.label_x)}" y="14">{name}</text>'
    yield "</g>"


def _draw_axis(view: Layout) -> Iterator[str]:
    top, bottom = num(view.axis_y), num(view.height)
    s = view.scale
    yield '<g class="overview-axis" aria-hidden="true">'
    yield f'<path class="overview-axis-line" d="M{num(s.left)} {top}H{num(s.right)}"/>'
    for x, label in view.ticks:
        yield f'<path class="overview-grid" d="M{num(x)} {num(view.axis_y - 4)}V{bottom}"/>'
        half = text_width(label, 12) / 2
        at = min(max(x, half), WIDTH - half)  # keep the edge ticks' labels in the viewBox
        yield (
            f'<text class="overview-tick" x="{num(at)}" y="{num(view.axis_y - 8)}"'
            f' text-anchor="middle">{esc(label)}</text>'
        )
    yield "</g>"


def _draw_lanes(view: Layout) -> Iterator[str]:
    yield '<g class="overview-lanes" aria-hidden="true">'
    for index, lane in enumerate(view.lanes):
        if index:
            yield f'<path class="overview-lane-rule" d="M0 {num(lane.y)}H{WIDTH}"/>'
        for number, line in enumerate(lane.lines):
            y = lane.y + LANE_PAD + ROW / 2 + 4.5 + number * LINE
            yield f'<text class="overview-lane-name" x="2" y="{num(y)}">{esc(line)}</text>'
    yield "</g>"


def _draw_mark(mark: Mark, link: str, gradient: str, spoken: Language) -> Iterator[str]:
    event = mark.event
    words = mark_words(event, spoken)
    hidden = "" if mark.primary else ' tabindex="-1" aria-hidden="true"'
    status = f" status-{esc(event.status)}" if event.status is not None else ""
    yield (
        f'<a class="overview-mark{status}" href="{esc(link)}" target="_top"'
        f' aria-label="{esc(words)}"{hidden}>'
    )
    yield f"<title>{esc(event.title)} ({esc(event.date_words(spoken))})</title>"
    yield from _mark_shapes(mark, gradient)
    if mark.label:
        if mark.label_x < mark.body[1] and mark.label_x + mark.label_width > mark.body[0]:
            # Over its own run-out: a backing keeps the bar's edges out of the word gaps.
            yield (
                f'<rect class="overview-label-bg" x="{num(mark.label_x - 2)}"'
                f' y="{num(mark.y - 7)}" width="{num(mark.label_width + 4)}" height="14"/>'
            )
        yield (
            f'<text class="overview-label" x="{num(mark.label_x)}" y="{num(mark.y + 4.5)}">'
            f"{esc(mark.label)}</text>"
        )
    yield "</a>"


def _mark_shapes(mark: Mark, gradient: str) -> Iterator[str]:
    """The SVG shapes of one mark (without its link and label)."""
    y = mark.y
    denied = mark.event.status == "denied"
    if mark.kind == "point":
        cx = mark.body[0]
        if mark.start == "fuzzy":
            yield whisker(cx - RADIUS, -1, y)
            yield whisker(cx + RADIUS, 1, y)
        yield f'<circle class="overview-point" cx="{num(cx)}" cy="{num(y)}" r="{RADIUS}"/>'
        if denied:
            d = RADIUS + 2
            yield (
                f'<path class="overview-strike" d="M{num(cx - d)} {num(y - d)}'
                f"L{num(cx + d)} {num(y + d)}M{num(cx - d)} {num(y + d)}"
                f'L{num(cx + d)} {num(y - d)}"/>'
            )
        return
    (a, b), (k0, k1) = mark.body, mark.known
    box = f'x="{num(a)}" y="{num(y - BAR / 2)}" width="{num(b - a)}" height="{BAR}"'
    if "unknown" in (mark.start, mark.end):
        stops = [(0.0, mark.start != "unknown")]
        stops += [((k0 - a) / (b - a), True), ((k1 - a) / (b - a), True)]
        stops += [(1.0, mark.end != "unknown")]
        yield from linear_gradient(gradient, "overview-stop", stops)
        paint = f'fill="url(#{gradient})" stroke="url(#{gradient})"'
        yield f'<rect class="overview-fade" {paint} {box}/>'
    else:
        yield f'<rect class="overview-body" {box}/>'
    if mark.core is not None:
        c0, c1 = mark.core
        yield (
            f'<rect class="overview-core" x="{num(c0)}" y="{num(y - BAR / 2)}"'
            f' width="{num(c1 - c0)}" height="{BAR}"/>'
        )
    for end, x, way in ((mark.start, a, -1), (mark.end, b, 1)):
        if end == "fuzzy":
            yield whisker(x, way, y)
        elif end == "open":
            back = x - way * ARROW
            yield (
                f'<path class="overview-arrow" d="M{num(x)} {num(y)}'
                f'L{num(back)} {num(y - BAR / 2 - 2)}V{num(y + BAR / 2 + 2)}Z"/>'
            )
    if denied:
        yield f'<path class="overview-strike" d="M{num(k0 - 3)} {num(y)}H{num(k1 + 3)}"/>'
