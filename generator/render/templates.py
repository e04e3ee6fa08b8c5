"""The Jinja environment pages are rendered in: strict about missing values, with links from
the page being rendered and the site's settings as globals."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator import __version__
from generator.model import urls
from generator.model.dates import year_label
from generator.model.timeline import STATUSES, SiteConfig


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative POSIX path, sorted."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def environment(templates: Path, site: SiteConfig) -> jinja2.Environment:
    """The environment for the templates in `templates`, with `site` and the URL helpers."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.update(
        site=site,
        urls=urls,
        statuses=STATUSES,
        year_label=year_label,
        generator_version=__version__,
        link=_link,
        absolute=lambda path, anchor="": urls.absolute(site.base_url, path, anchor),
    )
    return env


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, to_path: str, anchor: str = "") -> str:
    """A link from the page being rendered; the 404 page, served at any depth, links from root."""
    page: str = context["page"]
    if page == urls.NOT_FOUND:
        return urls.rooted(context["site"].base_url, to_path) + (f"#{anchor}" if anchor else "")
    return urls.href(page, to_path, anchor)
