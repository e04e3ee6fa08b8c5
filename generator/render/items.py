"""Each event's list item, rendered once for all the lists of one kind of page.

Links from a list item depend only on how deep its page is, so an item rendered for
`_/_/index.html` serves every actor, tag, year, status and source page (its links climb to the
site's root and back down, valid from any of them), one for `_/_/_/_/index.html` every later page
of theirs (`tags/x/page/2/`), one for `index.html` the index. Pages are
planned first with the keys of their items; the items are then rendered on all cores and put in
place of the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import jinja2
from markupsafe import Markup

from generator.model.timeline import Actor
from generator.parallel import map_indexes
from generator.render.templates import failed, guarded
from generator.render.values import Listed

ItemKey = tuple[Listed, str, str, tuple[str, ...]]  # event, stand-in page, heading, actor names


@dataclass(frozen=True, slots=True)
class ItemList:
    """The list items one page shows, by key, until they are rendered."""

    keys: tuple[ItemKey, ...]


class Items:
    """The list items of one build, made or taken from the last build's."""

    def __init__(
        self,
        env: jinja2.Environment,
        actors: Mapping[str, Actor],
        previous: dict[ItemKey, Markup],
        *,
        edit: bool = False,
    ):
        """In an `edit`, items of the last build stay although this one plans only some of
        the lists: the pages it did not plan again still show them."""
        self.env = env
        self.modules: dict[str, Any] = {}
        self.actors = actors
        self.previous = previous
        self.used: dict[ItemKey, Markup] = dict(previous) if edit else {}
        self.missing: dict[ItemKey, None] = {}  # in order of first use
        self.names: dict[str, tuple[str, ...]] = {}

    def __call__(self, events: Iterable[Listed], page: str, heading: str) -> ItemList:
        """The items of `events` on `page`, to be rendered once the whole site is planned."""
        depth = page.count("/")
        stand_in = "_/" * depth + "index.html" if depth >= 2 else page
        keys = tuple((event, stand_in, heading, self._names(event)) for event in events)
        for key in keys:
            if key not in self.used:
                cached = self.previous.get(key)
                if cached is None:
                    self.missing[key] = None
                else:
                    self.used[key] = cached
        return ItemList(keys)

    def _names(self, event: Listed) -> tuple[str, ...]:
        names = self.names.get(event.id)
        if names is None:
            names = self.names[event.id] = tuple(self.actors[a].name for a in event.actors)
        return names

    def render_missing(self) -> None:
        """Render every item that some list needs and no earlier build made, on all cores."""
        keys = list(self.missing)

        def render(index: int) -> Markup:
            event, page, heading, _ = keys[index]
            return Markup(str(self._module(page).event_item(event, heading)).strip("\n"))

        made = map_indexes(guarded(render, self.env), len(keys))
        failed(made)
        self.used.update(zip(keys, cast(list[Markup], made), strict=True))
        self.missing.clear()

    def _module(self, page: str) -> Any:
        """The macros as seen from `page`: made once, not imported again for every item."""
        module = self.modules.get(page)
        if module is None:
            macros = self.env.get_template("partials/macros.html")
            module = self.modules[page] = macros.make_module({"page": page, "actors": self.actors})
        return module

    def fill(self, values: dict[str, Any]) -> None:
        """Put the rendered items in place of the lists of them in a page's values."""
        for name, value in values.items():
            if isinstance(value, ItemList):
                values[name] = tuple(self.used[key] for key in value.keys)
            elif isinstance(value, dict) and any(isinstance(v, ItemList) for v in value.values()):
                values[name] = {
                    k: tuple(self.used[key] for key in v.keys) if isinstance(v, ItemList) else v
                    for k, v in value.items()
                }
