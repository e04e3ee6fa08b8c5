"""The Jinja environment pages are rendered in: strict about missing values, with links from
the page being rendered and the site's settings as globals. Templates and static files come from
a list of folders, the first that has a file winning: a project's own templates, then the
packaged theme. A mistake in a template is a content error with its path and line."""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

import jinja2
from markupsafe import Markup

from generator import __version__, i18n
from generator.errors import BuildFailed, ContentError, display_path
from generator.model import urls
from generator.model.dates import year_label
from generator.model.graph import Graph
from generator.model.media import LocalFile
from generator.model.timeline import STATUSES, SiteConfig
from generator.render.media import picture

Folders = Path | Sequence[Path]  # one folder, or several, the first that has a file winning


def folders_of(templates: Folders) -> tuple[Path, ...]:
    """`templates` as a tuple of folders."""
    return (templates,) if isinstance(templates, Path) else tuple(templates)


def read_tree(templates: Folders) -> dict[str, bytes]:
    """Every file under the folders by its relative POSIX path, sorted; where several folders
    have a file, the first one's."""
    files: dict[str, bytes] = {}
    for folder in reversed(folders_of(templates)):
        files.update(
            (path.relative_to(folder).as_posix(), path.read_bytes())
            for path in folder.rglob("*")
            if path.is_file()
        )
    return dict(sorted(files.items()))


# The index pages every page's navigation may link to, in its order.
INDEXES = (urls.INDEX, urls.ACTORS, urls.TAGS, urls.YEARS, urls.STATUSES, urls.PLACES, urls.SOURCES)


def navigation(graph: Graph) -> tuple[str, ...]:
    """The index pages the navigation links to: those with something in them (a timeline
    imported from TimelineJS may have no actor, status, place or source at all)."""
    timeline = graph.timeline
    held = {
        urls.INDEX: True,
        urls.ACTORS: timeline.actors,
        urls.TAGS: graph.by_tag,
        urls.YEARS: graph.by_year,
        urls.STATUSES: graph.by_status,
        urls.PLACES: timeline.places or graph.by_country,
        urls.SOURCES: timeline.sources,
    }
    return tuple(path for path in INDEXES if held[path])


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, by Jinja's key (the template's name
    and file) and checked against its source's digest: compiling is most of a small site's
    build, and a preview rebuilds, or a test run builds, again and again with the same
    templates. Every environment is made with the same settings (`environment`), so their
    compiled code is the same. Never kept on disk: a `.cache/` can come with a commit, and
    compiled code from elsewhere would run here."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's digest differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment(
    templates: Folders, site: SiteConfig, linked: tuple[str, ...] = INDEXES
) -> jinja2.Environment:
    """The environment for the templates in `templates` (each name looked up in the folders in
    order), with `site`, the index pages the navigation links to and the URL helpers."""
    loaders = [jinja2.FileSystemLoader(folder) for folder in folders_of(templates)]
    spoken = i18n.language(site.language, site.translations)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_COMPILED,
    )
    env.install_gettext_translations(spoken.translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(_=_gettext(spoken), gettext=_gettext(spoken))
    env.filters["gettext"] = spoken.gettext
    env.globals.update(
        site=site,
        spoken=spoken,
        urls=urls,
        statuses=STATUSES,
        linked_indexes=linked,
        year_label=lambda year: year_label(year, spoken),
        generator_version=__version__,
        link=_link,
        picture=_picture,
        absolute=lambda path, anchor="": urls.absolute(site.base_url, path, anchor),
        versions=lambda page: versions(site, page),
    )
    env.globals["shared"] = _shared_parts(env, site)
    return env


def _shared_parts(env: jinja2.Environment, site: SiteConfig) -> Callable[..., Markup]:
    """`shared(name)` for the templates: the part of a page in the template `name` (its
    header, footer, stylesheets), rendered once for every page it would be the same on rather
    than on each of 10,000 pages. Such a part links only to top-level pages and files, whose
    links from a page differ only by the page's depth and first folder, and compares `page`
    only with the index pages; with several languages, its switcher names the page itself."""
    made: dict[Hashable, Markup] = {}

    @jinja2.pass_context
    def shared(context: jinja2.runtime.Context, name: str) -> Markup:
        page: str = context["page"]
        linked_from: str = context.get("link_from") or page
        folders = linked_from.split("/")[:-1]
        key = (
            name,
            linked_from == urls.NOT_FOUND,
            len(folders),
            tuple(folders[:1]),
            page if page in INDEXES or site.languages else None,
        )
        part = made.get(key)
        if part is None:
            values = {"page": page} | ({"link_from": linked_from} if linked_from != page else {})
            part = made[key] = Markup(env.get_template(name).render(values))
        return part

    return shared


def _gettext(spoken: i18n.Language) -> Callable[..., str]:
    """Jinja's new-style `gettext` (its `_` as well) for `spoken`, each message looked up and
    escaped once: pages call it half a million times at 10,000 events, and Jinja's own goes
    through two more calls and a lookup of `gettext` in the context each time."""

    @functools.cache
    def translated(message: str) -> Markup:
        return Markup(spoken.translations.gettext(message))

    @functools.cache
    def alone(message: str) -> Markup:
        return translated(message) % {}  # '%%' is '%', as with values

    @jinja2.pass_eval_context
    def gettext(eval_ctx: jinja2.nodes.EvalContext, message: str, **values: object) -> str:
        if not eval_ctx.autoescape:  # as Jinja's: plain text, where a template turns it off
            return str(spoken.translations.gettext(message)) % values
        return translated(message) % values if values else alone(message)

    return gettext


class Version(NamedTuple):
    """A page in one of the site's languages: its tag, the language's own name, a link from the
    page being rendered, its absolute URL, and whether it is that page."""

    tag: str
    name: str
    href: str
    url: str
    current: bool


def versions(site: SiteConfig, page: str) -> tuple[Version, ...]:
    """The page at `page` (as every language's site names it) in each of `site.languages`, for
    its `hreflang` alternates and its language switcher; none with one language, or for the
    404 page, which a server shows at any address."""
    if not site.languages or page == urls.NOT_FOUND:
        return ()
    root = site.root_url or site.base_url
    here = urls.translated(page, site.language, site.languages)
    found = []
    for tag in site.languages:
        there = urls.translated(page, tag, site.languages)
        link = urls.href(here, there)
        found.append(
            Version(tag, i18n.own_name(tag), link, urls.absolute(root, there), here == there)
        )
    return tuple(found)


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, to_path: str, anchor: str = "") -> str:
    """A link from the page being rendered; the 404 page, served at any depth, links from root;
    an embed, whose `<base>` is its page's folder, from its page (see embeds.py)."""
    page: str = context.get("link_from") or context["page"]
    if page == urls.NOT_FOUND:
        return urls.rooted(context["site"].base_url, to_path) + (f"#{anchor}" if anchor else "")
    return urls.href(page, to_path, anchor)


@jinja2.pass_context
def _picture(
    context: jinja2.runtime.Context, image: LocalFile, alt: str, lazy: bool = True
) -> Markup:
    """The <picture> of a local image, its renditions linked from the page being rendered."""
    return picture(image, alt, lambda path: _link(context, path), lazy=lazy)


R = TypeVar("R")


def guarded(job: Callable[[int], R], env: jinja2.Environment) -> Callable[[int], R | ContentError]:
    """`job`, which renders templates of `env`, returning a mistake in one as a content error
    instead of raising it: the job may run in a forked worker, and only there does the error
    still know its line."""
    folders = searched(env)

    def run(index: int) -> R | ContentError:
        try:
            return job(index)
        except jinja2.TemplateError as error:
            found = template_error(error, folders)
            if found is None:
                raise
            return found

    return run


def searched(env: jinja2.Environment) -> tuple[Path, ...]:
    """The folders `env` looks templates up in, in order."""
    loader = env.loader
    loaders = loader.loaders if isinstance(loader, jinja2.ChoiceLoader) else [loader]
    return tuple(
        Path(path)
        for each in loaders
        if isinstance(each, jinja2.FileSystemLoader)
        for path in each.searchpath
    )


def failed(results: Iterable[object]) -> None:
    """Raise BuildFailed with the content errors among `results`, if there are any."""
    errors = [result for result in results if isinstance(result, ContentError)]
    if errors:
        raise BuildFailed(errors)


def template_error(error: jinja2.TemplateError, templates: Folders) -> ContentError | None:
    """A mistake in a template as a content error at the template's path and line, or None
    when no template in `templates` is to blame. Paths are shown from the folder that holds the
    first of `templates`: the project's root, in the standard layout."""
    folders = folders_of(templates)
    shown_from = folders[0].parent
    if isinstance(error, jinja2.TemplateSyntaxError):
        shown = display_path(Path(error.filename), shown_from) if error.filename else error.name
        syntax_fix = "correct the template's syntax (see Jinja's Template Designer Documentation)"
        return ContentError(shown or "?", error.lineno, "", error.message or "", syntax_fix)
    at = _template_frame(error, folders)
    if isinstance(error, jinja2.TemplateNotFound):
        names = getattr(error, "templates", None) or [error.name]
        looked = " or ".join(f"{display_path(f, shown_from)}/" for f in folders)
        problem = f"template {', '.join(f'`{n}`' for n in names)} is in none of {looked}"
        fix = "add the file, or copy the packaged theme's with `timeline theme copy`"
        path, line = at or (folders[0], 0)
        return ContentError(display_path(path, shown_from), line, "", problem, fix)
    if at is None:
        return None
    fix = (
        "use only values the packaged theme's template of the same name uses"
        if isinstance(error, jinja2.UndefinedError)
        else "correct the expression on that line"
    )
    return ContentError(display_path(at[0], shown_from), at[1], "", str(error), fix)


def _template_frame(error: BaseException, folders: tuple[Path, ...]) -> tuple[Path, int] | None:
    """The innermost line of a template in `folders` that `error` passed through: Jinja gives
    a template's frames its file name and line."""
    found = None
    roots = [folder.resolve() for folder in folders]
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and any(path.resolve().is_relative_to(r) for r in roots):
            found = (path, frame.lineno or 0)
    return found
