"""oEmbed documents: beside each embeddable page, `oembed.json`, the oEmbed 1.0 answer a
consumer would get from an oEmbed endpoint for that page, as a static file that the page's
`<link rel="alternate" type="application/json+oembed">` points to (oEmbed's discovery).

A `rich` response: its `html` is the snippet of the page's Embed box (an iframe and the host
script), `width` and `height` the frame's starting size."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.model import urls
from generator.outputs.protocol import Files
from generator.render.embeds import WIDTH, Embed, embeddable
from generator.render.inputs import Inputs


def oembed_files(inputs: Inputs, pages: Sequence[str]) -> Files:
    """The oEmbed document of every embeddable page."""
    site = inputs.graph.timeline.site
    for embed in embeddable(inputs.graph):
        yield embed.oembed, oembed(embed, site.title, site.base_url)


def oembed(embed: Embed, provider: str, base_url: str) -> bytes:
    """One page's oEmbed 1.0 document, as indented UTF-8 JSON."""
    document = {
        "version": "1.0",
        "type": "rich",
        "title": embed.title,
        "provider_name": provider,
        "provider_url": urls.absolute(base_url, urls.INDEX),
        "html": embed.snippet,
        "width": WIDTH,
        "height": embed.height,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
