"""`changes.xml` (`history: git`): an Atom feed (RFC 4287) of the latest changes to the events,
newest first, each entry linked to the change in its event page's History.

An entry's `id` is that change's absolute URL (the event page's, with the change's fragment,
numbered from the event's first publication so that it stays put), its `updated` the commit's
date: dates come from git, never the clock. The feed's `updated` is its newest entry's; a feed
with no entries takes the site feed's. No author's name or address is read, so none is shown:
the feed's author is the site, as in every feed of the site.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.i18n import N_
from generator.model import urls
from generator.outputs.notes_feed import Note, notes_feed
from generator.outputs.protocol import Files
from generator.render.changes import FEED_LIMIT, recent_changes
from generator.render.inputs import Inputs


def changes_feed(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The feed of recent changes with `history: git`; nothing without."""
    timeline = inputs.graph.timeline
    site = timeline.site
    if not site.history:
        return
    notes = []
    for changed in recent_changes(timeline, FEED_LIMIT):
        change = changed.change
        words = "; ".join(change.words)
        if site.history_messages and change.message:
            words += f" ({change.message})"
        url = urls.absolute(site.base_url, changed.path, change.anchor)
        notes.append(Note(url, f"{changed.title}: {words}", change.instant, words))
    title = site.spoken.gettext(N_("Recent changes"))
    feed = notes_feed(timeline, urls.CHANGES_FEED, urls.CHANGES, title, notes)
    yield urls.CHANGES_FEED, feed
