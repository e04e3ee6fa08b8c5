"""Which pages an edit can change: the dependency map of the incremental build.

Every page shows values taken from a few events: its own event, the events next to it in time,
related and linking events, the events of a list. Comparing the previous graph with the new one
gives the events that changed; the pages that show any of them, in either graph, are the only
ones whose values need working out again. Everything else is reused as the last build made it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import urls
from generator.model.graph import Graph
from generator.model.wikilinks import find_wikilinks

# Small pages that count or list everything: always planned again, they cost little.
ALWAYS = frozenset(
    (urls.INDEX, urls.NOT_FOUND, urls.ACTORS, urls.TAGS, urls.YEARS, urls.STATUSES, urls.SOURCES)
)


def changed_events(old: Graph, new: Graph) -> set[str]:
    """Ids of the events added, removed or changed between two graphs."""
    old_events, new_events = old.events, new.events
    changed = {event_id for event_id in old_events if event_id not in new_events}
    for event_id, event in new_events.items():
        before = old_events.get(event_id)
        # An unchanged document keeps its Event object, so identity settles most of them.
        if before is not event and before != event:
            changed.add(event_id)
    return changed


def affected_pages(old: Graph | None, new: Graph) -> frozenset[str] | None:
    """Output paths of the pages whose values may differ from `old`'s; None means every page.

    Every page is affected when there is no previous graph or when something that all pages
    show changed: the site settings, the actors or the sources.
    """
    if old is None:
        return None
    before, after = old.timeline, new.timeline
    if (
        before.site != after.site
        or before.actors != after.actors
        or before.sources != after.sources
    ):
        return None
    pages = set(ALWAYS)
    changed = changed_events(old, new)
    for graph in (old, new):
        for event_id in changed:
            pages.update(_showing(graph, event_id))
    if set(old.by_year) != set(new.by_year):
        # Each year's page links to the years before and after it.
        pages.update(urls.year(year) for year in new.by_year)
    return frozenset(pages)


def dirty_events(old: Graph, new: Graph) -> set[str]:
    """The events whose own pieces (feed entry, exports, search row) may differ from `old`'s,
    when the settings, actors and sources are unchanged: the changed events, and those whose
    bodies link to one of them (their links show its title)."""
    changed = changed_events(old, new)
    dirty = set(changed)
    for graph in (old, new):
        for event_id in changed:
            for backlink in graph.backlinks.get(event_id, ()):
                if backlink.kind == "event":
                    dirty.add(backlink.id)
    return dirty


def _showing(graph: Graph, event_id: str) -> Iterator[str]:
    """The pages of `graph` that show anything of the event `event_id`."""
    event = graph.events.get(event_id)
    if event is None:
        return
    yield urls.event(event_id)
    # Neighbours in time link to it by title ("previous" and "next").
    for neighbour in (graph.previous(event), graph.next(event)):
        if neighbour is not None:
            yield urls.event(neighbour.id)
    for relation in graph.relations.get(event_id, ()):
        yield urls.event(relation.other.id)
    # Pages whose bodies link to it show its title; pages it links to list it as a backlink.
    for backlink in graph.backlinks.get(event_id, ()):
        yield urls.event(backlink.id) if backlink.kind == "event" else urls.actor(backlink.id)
    for wikilink in find_wikilinks(event.body):
        if wikilink.target in graph.events:
            yield urls.event(wikilink.target)
        elif wikilink.target in graph.timeline.actors:
            yield urls.actor(wikilink.target)
    for actor_id in event.actors:
        yield urls.actor(actor_id)
    for tag in event.tags:
        yield urls.tag(tag)
    yield urls.year(event.date.anchor_year())
    yield urls.status(event.status)
    for citation in event.citations:
        yield urls.source(citation.source)
