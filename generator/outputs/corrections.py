"""`corrections.xml`: an Atom feed (RFC 4287) of every correction, update and clarification,
newest first, each entry linked to the note on the page it concerns.

An entry's `id` is that note's absolute URL (the page's, with the note's fragment), and its
`updated` midnight UTC of the note's day: dates come from the content, never the clock. The
feed's `updated` is its newest entry's; a feed with no entries takes the site feed's.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n import N_
from generator.model import urls
from generator.outputs.notes_feed import Note, notes_feed
from generator.outputs.protocol import Files
from generator.render.corrections import site_updates
from generator.render.inputs import Inputs


def corrections_feed(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The feed of corrections and updates, whatever pages the site has."""
    timeline = inputs.graph.timeline
    base_url = timeline.site.base_url
    spoken = timeline.site.spoken
    notes = []
    for corrected in site_updates(timeline):
        update = corrected.update
        notes.append(
            Note(
                url=urls.absolute(base_url, corrected.path, update.anchor),
                title=f"{update.label(spoken)}: {corrected.title}",
                updated=update.instant,
                text=update.note,
                published=update.instant,
                category=(update.kind, update.label(spoken)),
            )
        )
    title = spoken.gettext(N_("Corrections and updates"))
    feed = notes_feed(timeline, urls.CORRECTIONS_FEED, urls.CORRECTIONS, title, notes)
    yield urls.CORRECTIONS_FEED, feed
