"""What a run keeps for the next one, said once for each kind of run: everything that keeps or
drops state between builds asks the `Keep` of its run, never which kind of run it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Keep:
    """What one run keeps in memory for the next run in the same process. The rendered Markdown
    is kept by every run (and saved in .cache/ when there is one): it is not a choice."""

    # Each page's values and bytes, what each page showed, and the link graph they came from:
    # the next run plans again only the pages an edit changed, and renders only those whose
    # values differ.
    pages: bool
    # What pages and outputs are made of: each event's pieces (the memo), list items, overview
    # figures, bodies placed on pages and each body's key.
    pieces: bool
    # Image renditions, where no .cache/media/ folder keeps them: resizing is most of a small
    # site's build.
    renditions: bool


# `timeline build`: every file streams to the new site as soon as it is made, and nothing is kept
# in memory; memory stays flat with the site's size.
ONE_OFF = Keep(pages=False, pieces=False, renditions=False)
# The preview server: everything stays in memory, for the next build to compare against and
# redo only what changed.
PREVIEW = Keep(pages=True, pieces=True, renditions=True)
