"""Embeds: the index and every actor, tag, year and place page has a copy for other sites'
iframes (its overview and events, with no header, navigation or search), a snippet to paste
that frames it, and an oEmbed document that hands the snippet to tools that ask for one.

An embed lives one folder below its page and has `<base href="../" target="_top">`: the page's
own figure and list items, whose links are made from the page's folder, serve it unchanged,
and every link opens in the top window, not in the frame.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from generator.i18n import N_
from generator.model import urls
from generator.model.dates import year_label
from generator.model.graph import Graph
from generator.render.plan import Page, Parts, Values

# Scripts, to tell the host page the embed's height; a click opens the top window.
SANDBOX = "allow-scripts allow-top-navigation-by-user-activation allow-popups"
WIDTH = 640  # oEmbed's width: the frame itself fills its column
EVENT_HEIGHT = 96  # about one list item's height at a column's width, in CSS pixels
FRAME_HEIGHTS = (400, 900)  # the starting height's bounds, before the embed tells its own


@dataclass(frozen=True, slots=True)
class Embed:
    """An embeddable page: where it is, its frame's title and the snippet that frames it."""

    page: str  # the full page's output path
    heading: str  # what the page is of: an actor's name, `Tag: x`, a year
    title: str  # the heading and the site's title, as the page's own <title>
    height: int  # the frame's starting height, until the embed tells the host its own
    snippet: str  # the HTML to paste: an iframe and the host script

    @property
    def path(self) -> str:
        """Output path of the embed page."""
        return urls.embed(self.page)

    @property
    def oembed(self) -> str:
        """Output path of the oEmbed document."""
        return urls.oembed(self.page)


def embeddable(graph: Graph) -> tuple[Embed, ...]:
    """The index and every actor, tag, year and place page, as embeds."""
    timeline = graph.timeline
    spoken = timeline.site.spoken
    named: list[tuple[str, str, int]] = [(urls.INDEX, "", len(timeline.events))]
    named += [
        (urls.actor(a.id), a.name, len(graph.by_actor[a.id])) for a in timeline.actors.values()
    ]
    tagged = [
        (urls.tag(t), spoken.say(N_("Tag: %(tag)s"), tag=t), len(e))
        for t, e in graph.by_tag.items()
    ]
    named += tagged
    named += [(urls.year(y), year_label(y, spoken), len(e)) for y, e in graph.by_year.items()]
    named += [
        (urls.place(p.id), p.name, len(graph.by_place[p.id])) for p in timeline.places.values()
    ]
    site = timeline.site
    return tuple(_embed(site.base_url, site.title, *each) for each in named)


def _embed(base_url: str, site: str, page: str, heading: str, events: int) -> Embed:
    low, high = FRAME_HEIGHTS
    height = max(low, min(high, low + EVENT_HEIGHT * events))
    title = f"{heading} · {site}" if heading else site
    return Embed(page, heading or site, title, height, snippet(base_url, page, title, height))


def snippet(base_url: str, page: str, title: str, height: int) -> str:
    """The HTML a host page pastes: the frame and, to fit it to its content, the host script."""
    source = html.escape(urls.absolute(base_url, urls.embed(page)))
    script = html.escape(urls.absolute(base_url, urls.static("embed.js")))
    return (
        f'<iframe src="{source}" title="{html.escape(title)}" loading="lazy" width="{WIDTH}"'
        f' height="{height}" sandbox="{SANDBOX}" style="width:100%;border:0"></iframe>\n'
        f'<script src="{script}" async></script>'
    )


def embedding(graph: Graph, plan: Sequence[Page]) -> list[Page]:
    """`plan` with each embeddable page given its `embed` (for its snippet and oEmbed link),
    and an embed page after it."""
    embeds = {embed.page: embed for embed in embeddable(graph)}
    result: list[Page] = []
    for page in plan:
        embed = embeds.get(page.path)
        if embed is not None:
            result.append(replace(page, values=partial(_with_embed, page.values, embed)))
        elif page.first in embeds:
            # A later page of a list has an embed page too, for the embed's own pager to lead
            # to; the snippet and the oEmbed document are the list's, on its first page.
            result.append(page)
            embed = replace(embeds[page.first], page=page.path)
        else:
            result.append(page)
            continue
        values = partial(_embed_values, page.values, embed)
        result.append(Page(embed.path, "embed.html", page.shown, values))
    return result


def _with_embed(values: Any, embed: Embed, parts: Parts) -> Values:
    return {**values(parts), "embed": embed}


def _embed_values(values: Any, embed: Embed, parts: Parts) -> Values:
    """What an embed shows of its page's values: the overview and the events (by year on the
    index); links are made from the page's folder (see the module's note)."""
    full = values(parts)
    return {
        "embed": embed,
        "link_from": embed.page,
        "overview": full["overview"],
        "items": full["items"],
        "pager": full["pager"],
        "total": full.get("total"),  # the index's embed shows its events by year, uncounted
    }
