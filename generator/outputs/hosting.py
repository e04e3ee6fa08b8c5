"""The files GitHub Pages reads: `.nojekyll`, without which it would run Jekyll, which hides files
and folders whose names start with '_', and `CNAME` for a custom domain (`domain:`)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.outputs.protocol import Files
from generator.render.inputs import Inputs


def hosting_files(inputs: Inputs, pages: Sequence[str]) -> Files:
    """`.nojekyll`, and `CNAME` with the site's domain when it has one; at the site's root
    only, not again in a language's folder (`root_url`)."""
    site = inputs.graph.timeline.site
    if site.root_url:
        return
    yield ".nojekyll", b""
    domain = site.domain
    if domain:
        yield "CNAME", f"{domain}\n".encode()
