"""The two ways a build runs, named once: everything that keeps or drops state asks this."""

from __future__ import annotations

from enum import Enum


class Mode(Enum):
    """How much a build keeps for the next one."""

    # `timeline build`: every file streams to the new site as soon as it is made, and nothing
    # is kept but the rendered Markdown saved in .cache/; memory stays flat with the site's size.
    ONE_OFF = "one-off"
    # The preview server: pages, pieces, figures, list items and the record of what each page
    # showed stay in memory, for the next build to compare against and redo only what changed.
    PREVIEW = "preview"
