"""The overview's legend: a drawn sample and a few words for each thing the figure shows."""

from __future__ import annotations

from collections.abc import Iterator

from generator.i18n import N_, Language
from generator.model.timeline import STATUSES
from generator.render.overview.layout import Layout
from generator.render.overview.svg import esc, linear_gradient, whisker

_STATUS_LEGEND = {
    "confirmed": N_("solid"),
    "reported": N_("outlined"),
    "planned": N_("dotted outline"),
    "disputed": N_("dashed outline"),
    "denied": N_("outlined and struck through"),
}
STATUS_LOOKS = _STATUS_LEGEND  # also how the phone drawing's legend names each status's look
NO_STATUS_LOOK = N_("No status: outlined, in the text's colour")


def status_look(status: str, spoken: Language) -> str:
    """'Confirmed: solid': a status and how its marks look, in `spoken`."""
    label, look = spoken.gettext(STATUSES[status][0]), spoken.gettext(_STATUS_LEGEND[status])
    return spoken.say(N_("%(status)s: %(look)s"), status=label, look=look)


# A day and a period as a status draws them.
_STATUS_SAMPLE = (
    '<circle class="overview-point" cx="8" cy="8" r="5"/>'
    '<rect class="overview-core" x="18" y="3" width="15" height="10"/>'
    '<rect class="overview-body" x="18" y="3" width="15" height="10"/>'
)


def legend(view: Layout, prefix: str) -> Iterator[str]:
    """The legend: only what this overview shows, each item with a small drawn sample."""
    marks = view.marks
    statuses = {mark.event.status for mark in marks}
    ends = {end for mark in marks for end in (mark.start, mark.end)}
    bar = '<rect class="overview-body" x="3" y="3" width="30" height="10"/>'
    items: list[tuple[str, str, str]] = []  # (class, sample shapes, words)
    spoken = view.spoken
    say = spoken.gettext
    for status in _STATUS_LEGEND:
        if status in statuses:
            shapes = _STATUS_SAMPLE
            if status == "denied":
                shapes += '<path class="overview-strike" d="M2 2L14 14M2 14L14 2M15 8H36"/>'
            items.append((f"status-{status}", shapes, status_look(status, spoken)))
    if None in statuses and len(statuses) > 1:  # beside statuses, the marks of events with none
        items.append(("", _STATUS_SAMPLE, spoken.gettext(NO_STATUS_LOOK)))
    # The shapes' samples: in the one look every mark has (no status, or a single one), else
    # in the neutral filled look beside the statuses' own samples.
    key = "overview-key" if len(statuses) > 1 else _look(next(iter(statuses), None))
    if any(mark.kind == "point" for mark in marks):
        items.append(
            (key, '<circle class="overview-point" cx="18" cy="8" r="5"/>', say(N_("a day")))
        )
    if any(mark.core is not None for mark in marks):
        shapes = '<rect class="overview-core" x="3" y="3" width="30" height="10"/>'
        items.append((key, shapes, say(N_("a period, start to end"))))
    if any(mark.kind != "point" and mark.core != mark.body for mark in marks):
        items.append((key, bar, say(N_("light: somewhere in this month, year or span"))))
    if "fuzzy" in ends:
        shapes = '<rect class="overview-body" x="10" y="3" width="16" height="10"/>'
        shapes += whisker(10, -1, 8) + whisker(26, 1, 8)
        items.append((key, shapes, say(N_("whiskers: approximate (c.) or uncertain (?)"))))
    if "unknown" in ends:
        gradient = f"{prefix}-key-fade"
        shapes = "".join(linear_gradient(gradient, "overview-stop", [(0.0, False), (1.0, True)]))
        shapes += f'<rect class="overview-fade" fill="url(#{gradient})" stroke="url(#{gradient})"'
        shapes += ' x="3" y="3" width="30" height="10"/>'
        items.append((key, shapes, say(N_("fading: start or end unknown"))))
    if "open" in ends:
        shapes = '<rect class="overview-core" x="3" y="3" width="30" height="10"/>'
        shapes += '<path class="overview-arrow" d="M36 8L29 1V15Z"/>'
        items.append((key, shapes, say(N_("arrow: open-ended, goes on past the axis"))))
    if view.eras:
        items.append(
            ("", '<rect class="overview-era" x="0" y="0" width="36" height="16"/>', say(N_("era")))
        )
    yield '<ul class="overview-legend">'
    for css_class, shapes, words in items:
        yield (
            f'<li><svg class="overview-sample" viewBox="0 0 36 16" width="36" height="16"'
            f' aria-hidden="true"><g class="{css_class}">{shapes}</g></svg> {esc(words)}</li>'
        )
    yield "</ul>"


def _look(status: str | None) -> str:
    """The class that draws a sample as a mark of `status` is drawn."""
    return f"status-{status}" if status is not None else ""
