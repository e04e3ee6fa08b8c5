"""Stage 2: check parsed documents against the content format and build the frozen model."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.check.quotes import SearchableText, searchable
from generator.errors import BuildFailed, ContentError, did_you_mean
from generator.load.documents import Document
from generator.load.files import RawContent
from generator.load.text import visible
from generator.load.yaml_lines import KeyPath, YamlData, field_name
from generator.model import urls
from generator.model.dates import DateError, EventDate, parse_date
from generator.model.timeline import (
    DEFAULT_RELATION,
    DEFAULT_STATUS,
    RELATIONS,
    STATUSES,
    Actor,
    Citation,
    Era,
    Event,
    Relation,
    SiteConfig,
    Source,
    Timeline,
)
from generator.model.wikilinks import find_wikilinks

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_ID_LENGTH = 80
# Ids name files and output folders. Windows refuses these names for a file or folder, with or
# without an extension, so `content/events/con.md` or `site/events/con/` would break a checkout
# or a copy of the site there.
RESERVED_IDS = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}
)
SITE_KEYS = ("title", "description", "language", "base_url", "domain", "eras")
DOMAIN = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
ERA_KEYS = ("name", "date", "note")
SOURCE_KEYS = ("title", "publisher", "author", "date", "url", "local", "note")
ACTOR_KEYS = ("name", "kind", "aliases")
EVENT_KEYS = (
    "title",
    "summary",
    "date",
    "status",
    "actors",
    "places",
    "tags",
    "sources",
    "related",
)
CITATION_KEYS = ("source", "quote")
RELATED_KEYS = ("id", "relation")


class _Fields:
    """Typed access to one YAML mapping, recording an error for every value of the wrong shape."""

    def __init__(
        self, data: YamlData, shown: str, errors: list[ContentError], prefix: KeyPath = ()
    ) -> None:
        self.data = data
        self.shown = shown
        self.errors = errors
        self.prefix = prefix
        value = data.value
        for key in prefix:
            value = value[key]
        self.mapping: dict[str, Any] = value

    def error(self, key: str | int | KeyPath, problem: str, fix: str) -> None:
        path = (*self.prefix, *(key if isinstance(key, tuple) else (key,)))
        self.errors.append(
            ContentError(self.shown, self.data.line(*path), field_name(path), problem, fix)
        )

    def check_keys(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.mapping:
            if key not in allowed:
                self.error(
                    key,
                    f"unknown key{did_you_mean(key, allowed)}",
                    f"use one of: {', '.join(allowed)}",
                )

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.mapping.get(key)
        if value is None:
            if required and key not in self.mapping:
                path = (*self.prefix, key)
                self.errors.append(
                    ContentError(
                        self.shown,
                        self.data.line(*path),
                        field_name(path),
                        "is missing",
                        f"add a `{key}: …` line",
                    )
                )
            elif required:
                self.error(key, "is empty", f"write a value after `{key}:`")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(
                key, f"expected text, got {_kind(value)}", "write it as text, quoted if need be"
            )
            return default
        text = str(value).strip()
        if required and not text:
            self.error(key, "is empty", f"write a value after `{key}:`")
        return text

    def text_list(self, key: str) -> list[tuple[int, str]]:
        """(index, item) for a list of text; a single text counts as a list of one."""
        value = self.mapping.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [(0, value.strip())]
        if not isinstance(value, list):
            self.error(key, f"expected a list, got {_kind(value)}", f"write `{key}: [a, b]`")
            return []
        items: list[tuple[int, str]] = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int):
                self.error((key, index), f"expected text, got {_kind(item)}", "write it as text")
                continue
            items.append((index, str(item).strip()))
        return items

    def date(self, key: str, *, required: bool = False) -> EventDate | None:
        value = self.mapping.get(key)
        if value is None:
            if required:
                self.text(key, required=True)
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.error(
                key,
                f"expected an EDTF date, got {_kind(value)}",
                "write it as YYYY, YYYY-MM or YYYY-MM-DD, quoted if need be",
            )
            return None
        if isinstance(value, int) and (digits := _undashed_date(value)):
            self.error(
                key,
                f"YAML reads {value} as a number, not a date",
                f"write it with hyphens: {digits}",
            )
            return None
        try:
            return parse_date(value)
        except DateError as error:
            problem, _, fix = str(error).partition(" — ")
            self.error(key, problem, fix or "write it as YYYY, YYYY-MM or YYYY-MM-DD")
            return None


def _undashed_date(value: int) -> str:
    """`2019-02-26` for 20190226 and `2019-02` for 201902, if that is a valid date; else ''."""
    text = str(value)
    if len(text) not in (6, 8):
        return ""
    dashed = "-".join((text[:4], text[4:6], *((text[6:],) if len(text) == 8 else ())))
    try:
        parse_date(dashed)
    except DateError:
        return ""
    return dashed


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int | float):
        return f"a number ({value})"
    return f"`{value}`"


def _check_id(
    identifier: str,
    shown: str,
    what: str,
    errors: list[ContentError],
    taken: Collection[str] = (),
) -> bool:
    if len(identifier) > MAX_ID_LENGTH:
        errors.append(
            ContentError(
                shown,
                1,
                "id",
                f"the {what} id is {len(identifier)} characters long",
                f"rename the file to at most {MAX_ID_LENGTH} characters",
            )
        )
        return False
    if not ID_PATTERN.fullmatch(identifier):
        suggestion = _suggest_id(identifier)
        fix = f"rename the file to `{suggestion}.md`"
        if suggestion in taken:  # `Foo.md` next to `foo.md`: suggesting `foo.md` would clash
            fix = (
                f"rename the file; `{suggestion}.md` exists, so merge the two or choose another id"
            )
        errors.append(
            ContentError(
                shown,
                1,
                "id",
                f"`{visible(identifier)}` is not a valid {what} id (lowercase letters, digits and "
                f"hyphens){_foreign(identifier)}",
                fix,
            )
        )
        return False
    if identifier in RESERVED_IDS:
        errors.append(_reserved(shown, 1, "id", identifier, "rename the file"))
        return False
    return True


def _suggest_id(identifier: str) -> str:
    """An id close to `identifier`: `evenement` for `Événement`, `bad-name` for `Bad_Name`."""
    ascii_text = unicodedata.normalize("NFKD", identifier).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "event"


def _foreign(identifier: str) -> str:
    """`; it contains U+0430 CYRILLIC SMALL LETTER A` for the first character that is not
    ASCII: a look-alike letter or an invisible one cannot be seen in the name."""
    for char in identifier:
        if not char.isascii():
            name = unicodedata.name(char, "an unnamed character")
            return f"; it contains U+{ord(char):04X} {name}"
    return ""


def _reserved(shown: str, line: int, field: str, name: str, fix: str) -> ContentError:
    return ContentError(
        shown,
        line,
        field,
        f"`{name}` is a name that Windows reserves for a device, so no file or folder there "
        "can have it",
        f"{fix}, for example to `{name}-1`",
    )


def _check_case_clashes(documents: list[Document], errors: list[ContentError]) -> None:
    by_folded: dict[str, Document] = {}
    for document in documents:
        folded = document.path.stem.casefold()
        other = by_folded.setdefault(folded, document)
        if other is not document:
            errors.append(
                ContentError(
                    document.shown,
                    1,
                    "id",
                    f"`{document.path.stem}` and `{other.path.stem}` differ only in case",
                    "rename one of the two files",
                )
            )


@dataclass(frozen=True, slots=True)
class _Known:
    """What events may refer to. The ids of files that could not be read count as known, so
    that one broken file is reported once, not again at every reference to it."""

    sources: dict[str, Source]
    texts: dict[str, SearchableText]  # only the sources whose local copy was read
    actors: set[str]
    events: set[str]
    all_sources: bool  # False when sources.yaml could not be read


def _check_actor_event_clashes(
    actors: list[Document], events: list[Document], errors: list[ContentError]
) -> None:
    actor_files = {document.path.stem: document.shown for document in actors}
    for document in events:
        event_id = document.path.stem
        actor_file = actor_files.get(event_id)
        if actor_file is not None:
            errors.append(
                ContentError(
                    document.shown,
                    1,
                    "id",
                    f"`{event_id}` is also the id of an actor ({actor_file}), "
                    f"so [[{event_id}]] is ambiguous",
                    "rename one of the two files, and update the links to it",
                )
            )


@dataclass(slots=True)
class ValidateCache:
    """Events checked by an earlier validate, reused for documents that did not change while
    everything an event may refer to (sources, actor and event ids) stayed the same."""

    context: tuple[object, ...] | None = None
    events: dict[int, tuple[Document, Event | None, list[ContentError]]] = field(
        default_factory=dict
    )


def validate(raw: RawContent, cache: ValidateCache | None = None) -> Timeline:
    """Check every document and build the Timeline; raise BuildFailed listing every error.

    With a `cache` (the preview's), an unchanged document keeps the Event checked last time.
    """
    errors = list(raw.errors)
    site = _site(raw.site, raw.site_shown, raw.base_url, errors) if raw.site is not None else None
    sources = _sources(raw, errors)
    actors = _actors(raw.actors, errors)
    known = _Known(
        sources=sources,
        texts={
            source_id: searchable(source.text)
            for source_id, source in sources.items()
            if source.local in raw.seeds
        },
        actors=actors.keys() | raw.unreadable_actors,
        events={doc.path.stem for doc in raw.events} | raw.unreadable_events,
        all_sources=not raw.unreadable_sources and _usable(raw.sources),
    )
    events: list[Event] = []
    _check_case_clashes(raw.actors, errors)
    _check_case_clashes(raw.events, errors)
    _check_actor_event_clashes(raw.actors, raw.events, errors)
    cache = cache if cache is not None else ValidateCache()
    context = (sources, frozenset(known.actors), frozenset(known.events), known.all_sources)
    previous = cache.events if cache.context == context else {}
    checked: dict[int, tuple[Document, Event | None, list[ContentError]]] = {}
    for document in raw.events:
        entry = previous.get(id(document))
        if entry is None or entry[0] is not document:
            own_errors: list[ContentError] = []
            entry = (document, _event(document, known, own_errors), own_errors)
        checked[id(document)] = entry
        errors.extend(entry[2])
        if entry[1] is not None:
            events.append(entry[1])
    cache.context, cache.events = context, checked
    linkable = known.actors | known.events
    for document in (*raw.actors, *raw.events):
        _check_wikilinks(document, linkable, errors)
    if errors or site is None:
        raise BuildFailed(errors)
    events.sort(key=lambda e: e.sort_key)
    return Timeline(site, sources, actors, tuple(events))


def _site(
    data: YamlData, shown: str, base_url_override: str | None, errors: list[ContentError]
) -> SiteConfig | None:
    if not isinstance(data.value, dict):
        errors.append(
            ContentError(shown, 1, "", "expected a mapping of keys", "write `title: …` lines")
        )
        return None
    fields = _Fields(data, shown, errors)
    fields.check_keys(SITE_KEYS)
    title = fields.text("title", required=True)
    base_url = base_url_override or fields.text("base_url", required=True)
    if base_url and not urls.is_absolute_http(base_url):
        fields.error(
            "base_url",
            f"`{base_url}` is not an absolute http(s) URL",
            "write the full address, such as https://example.github.io/project/",
        )
    elif base_url and not base_url.endswith("/"):
        base_url += "/"
    eras: list[Era] = []
    raw_eras = fields.mapping.get("eras") or []
    if not isinstance(raw_eras, list):
        fields.error("eras", "expected a list", "write each era as `- name: …` with a date")
        raw_eras = []
    for index, item in enumerate(raw_eras):
        if not isinstance(item, dict):
            fields.error(("eras", index), "expected a mapping", "give the era a name and a date")
            continue
        era = _Fields(data, shown, errors, ("eras", index))
        era.check_keys(ERA_KEYS)
        name = era.text("name", required=True)
        date = era.date("date", required=True)
        if name and date:
            eras.append(Era(name, date, era.text("note")))
    return SiteConfig(
        title=title,
        description=fields.text("description"),
        language=fields.text("language", default="en") or "en",
        base_url=base_url,
        eras=tuple(eras),
        domain=_domain(fields, base_url),
    )


def _usable(data: YamlData | None) -> bool:
    """False when sources.yaml is there but is not a mapping, which `_sources` reports."""
    return data is None or data.value is None or isinstance(data.value, dict)


def _domain(fields: _Fields, base_url: str) -> str:
    domain = fields.text("domain").lower()
    if not domain:
        return ""
    if not DOMAIN.fullmatch(domain):
        fields.error(
            "domain",
            f"`{domain}` is not a domain name",
            "write the bare host name, such as timeline.example.org",
        )
        return ""
    if base_url and urlsplit(base_url).hostname != domain:
        fields.error(
            "domain",
            f"the site is published at {domain} but base_url is {base_url}",
            f"set base_url to https://{domain}/",
        )
    return domain


def _sources(raw: RawContent, errors: list[ContentError]) -> dict[str, Source]:
    shown = raw.sources_shown
    data = raw.sources
    if data is None or data.value is None:
        return {}
    if not isinstance(data.value, dict):
        errors.append(
            ContentError(
                shown, 1, "", "expected a mapping of source ids", "write `my-source:` lines"
            )
        )
        return {}
    sources: dict[str, Source] = {}
    for source_id, value in data.value.items():
        line = data.line(source_id)
        if not ID_PATTERN.fullmatch(source_id):
            errors.append(
                ContentError(
                    shown,
                    line,
                    source_id,
                    "not a valid source id",
                    "use lowercase letters, digits, -",
                )
            )
            continue
        if source_id in RESERVED_IDS:
            errors.append(_reserved(shown, line, source_id, source_id, "rename it"))
            continue
        if not isinstance(value, dict):
            errors.append(
                ContentError(shown, line, source_id, "expected a mapping", "give it a title")
            )
            continue
        fields = _Fields(data, shown, errors, (source_id,))
        fields.check_keys(SOURCE_KEYS)
        local = fields.text("local") or None
        text = ""
        if local is not None:
            if not local.startswith("seeds/") or ".." in local.split("/"):
                fields.error(
                    "local",
                    f"`{local}` is not under seeds/",
                    "put the verbatim copy in seeds/ and write its path, such as seeds/article.txt",
                )
            elif local in raw.unreadable_seeds:
                problem, fix = raw.unreadable_seeds[local]
                fields.error("local", f"`{local}` {problem}", fix)
            elif local not in raw.seeds:
                fields.error(
                    "local",
                    f"`{local}` does not exist or is not UTF-8 text",
                    "check the path from the project root, such as seeds/article.txt",
                )
            else:
                text = raw.seeds[local]
        sources[source_id] = Source(
            id=source_id,
            title=fields.text("title", required=True),
            publisher=fields.text("publisher"),
            author=fields.text("author"),
            date=fields.date("date"),
            url=_web_address(fields),
            local=local,
            note=fields.text("note"),
            text=text,
        )
    return sources


def _web_address(fields: _Fields) -> str | None:
    """A source's `url`, if it is an http(s) address: it becomes a link on the source's page,
    and a `javascript:` one would run when a reader clicks it."""
    url = fields.text("url")
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # `http://[::1` and the like
        host = None
    if (
        host is None
        or parts.scheme not in ("http", "https")
        or re.search(r"[\s\x00-\x1f\x7f]", url)
    ):
        fields.error(
            "url",
            f"`{visible(url)}` is not a web address",
            "write the address the source is published at, starting with https://",
        )
        return None
    return url


def _actors(documents: list[Document], errors: list[ContentError]) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    taken = {document.path.stem for document in documents}
    for document in documents:
        actor_id = document.path.stem
        if not _check_id(actor_id, document.shown, "actor", errors, taken):
            continue
        fields = _Fields(document.meta, document.shown, errors)
        fields.check_keys(ACTOR_KEYS)
        actors[actor_id] = Actor(
            id=actor_id,
            name=fields.text("name", required=True),
            kind=fields.text("kind", required=True),
            aliases=tuple(item for _, item in fields.text_list("aliases")),
            body=document.body,
            path=document.shown,
        )
    return actors


def _event(document: Document, known: _Known, errors: list[ContentError]) -> Event | None:
    event_id = document.path.stem
    valid_id = _check_id(event_id, document.shown, "event", errors, known.events)
    fields = _Fields(document.meta, document.shown, errors)
    fields.check_keys(EVENT_KEYS)
    title = fields.text("title", required=True)
    date = fields.date("date", required=True)
    if isinstance(fields.mapping.get("status"), bool):  # `status: yes` or `no`
        fields.error(
            "status",
            "YAML reads this as a yes/no value, not a status",
            f"use one of: {', '.join(STATUSES)}",
        )
        status = DEFAULT_STATUS
    else:
        status = fields.text("status", default=DEFAULT_STATUS) or DEFAULT_STATUS
    if status not in STATUSES:
        fields.error(
            "status",
            f"unknown status `{status}`{did_you_mean(status, STATUSES)}",
            f"use one of: {', '.join(STATUSES)}",
        )
    actor_ids: list[str] = []
    for index, actor_id in fields.text_list("actors"):
        if actor_id not in known.actors:
            fields.error(
                ("actors", index),
                f"unknown actor `{actor_id}`{did_you_mean(actor_id, known.actors)}",
                f"create content/actors/{actor_id}.md or fix the id",
            )
        elif actor_id not in actor_ids:
            actor_ids.append(actor_id)
    tags: list[str] = []
    for index, tag in fields.text_list("tags"):
        if not ID_PATTERN.fullmatch(tag) or len(tag) > MAX_ID_LENGTH:
            fields.error(
                ("tags", index),
                f"`{tag}` is not a valid tag",
                "write tags in lowercase with hyphens, such as air-defence",
            )
        elif tag in RESERVED_IDS:
            fields.errors.append(
                _reserved(
                    fields.shown,
                    fields.data.line("tags", index),
                    f"tags[{index}]",
                    tag,
                    "rename it",
                )
            )
        elif tag not in tags:
            tags.append(tag)
    places = [place for _, place in fields.text_list("places") if place]
    citations = _citations(fields, known)
    related = _related(fields, event_id, known.events)
    if not valid_id or not title or date is None:
        return None
    return Event(
        id=event_id,
        title=title,
        summary=fields.text("summary"),
        date=date,
        status=status if status in STATUSES else DEFAULT_STATUS,
        actors=tuple(actor_ids),
        places=tuple(dict.fromkeys(places)),
        tags=tuple(tags),
        citations=tuple(citations),
        related=tuple(related),
        body=document.body,
        path=document.shown,
    )


def _citations(fields: _Fields, known: _Known) -> list[Citation]:
    value = fields.mapping.get("sources")
    if value is None:
        return []
    if not isinstance(value, list):
        fields.error("sources", "expected a list", "write `- source: id` with a `quote:` each")
        return []
    citations: list[Citation] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            item = {"source": item}
        elif not isinstance(item, dict):
            fields.error(
                ("sources", index), "expected `source:` and `quote:`", "write `- source: id`"
            )
            continue
        entry = _Fields(
            fields.data, fields.shown, fields.errors, (*fields.prefix, "sources", index)
        )
        if isinstance(fields.mapping["sources"][index], dict):
            entry.check_keys(CITATION_KEYS)
            source_id = entry.text("source", required=True)
            quote = entry.text("quote")
            where: KeyPath = ("sources", index, "source")
        else:
            source_id, quote = item["source"], ""
            where = ("sources", index)
        if not source_id:
            continue
        source = known.sources.get(source_id)
        if source is None:
            if known.all_sources:
                fields.error(
                    where,
                    f"unknown source `{source_id}`{did_you_mean(source_id, known.sources)}",
                    "add it to content/sources.yaml or fix the id",
                )
            continue
        if not quote:
            citations.append(Citation(source_id, "", 0, 0))
            continue
        if source.local is None:
            entry.error(
                "quote",
                f"source `{source_id}` has no local copy to check the quote against",
                "add `local: seeds/…` to the source in content/sources.yaml",
            )
            continue
        text = known.texts.get(source_id)
        if text is None:
            continue  # its `local:` path is wrong, which is reported on the source
        span = text.find(quote)
        if span is None:
            entry.error(
                "quote",
                f"not found in {source.local}",
                "copy the passage exactly from the source (whitespace and quote marks may differ)",
            )
            continue
        citations.append(Citation(source_id, quote, *span))
    return citations


def _related(fields: _Fields, event_id: str, event_ids: set[str]) -> list[Relation]:
    value = fields.mapping.get("related")
    if value is None:
        return []
    if not isinstance(value, list):
        fields.error("related", "expected a list", "write `- other-event-id` lines")
        return []
    relations: list[Relation] = []
    for index, item in enumerate(value):
        key: KeyPath = ("related", index)
        if isinstance(item, str):
            target, kind = item.strip(), DEFAULT_RELATION
        elif isinstance(item, dict):
            entry = _Fields(fields.data, fields.shown, fields.errors, key)
            entry.check_keys(RELATED_KEYS)
            target = entry.text("id", required=True)
            kind = entry.text("relation", default=DEFAULT_RELATION) or DEFAULT_RELATION
            if kind not in RELATIONS:
                entry.error(
                    "relation",
                    f"unknown relation `{kind}`{did_you_mean(kind, RELATIONS)}",
                    f"use one of: {', '.join(RELATIONS)}",
                )
                continue
            key = (*key, "id")
        else:
            fields.error(key, "expected an event id", "write the id of another event")
            continue
        if not target:
            continue
        if target == event_id:
            fields.error(key, "an event cannot be related to itself", "remove this entry")
        elif target not in event_ids:
            fields.error(
                key,
                f"unknown event `{target}`{did_you_mean(target, event_ids)}",
                f"create content/events/{target}.md or fix the id",
            )
        else:
            relations.append(Relation(target, kind))
    return relations


def _check_wikilinks(document: Document, known: set[str], errors: list[ContentError]) -> None:
    for link in find_wikilinks(document.body):
        if link.target not in known:
            errors.append(
                ContentError(
                    document.shown,
                    document.body_line + document.body.count("\n", 0, link.offset),
                    "body",
                    f"[[{link.target}]] links to no event or actor"
                    f"{did_you_mean(link.target, known)}",
                    "fix the id, or create the event or actor",
                )
            )
