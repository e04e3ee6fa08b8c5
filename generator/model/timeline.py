"""The validated, frozen model of a timeline: what every later stage trusts."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.errors import ContentError
from generator.i18n import ENGLISH, N_, Language, Spoken, language
from generator.model.dates import EventDate
from generator.model.history import History
from generator.model.media import Media
from generator.model.translations import Translation
from generator.model.updates import Update

STATUSES: dict[str, tuple[str, str]] = {
    # status: (label, heading of its page), translated where they are shown
    "confirmed": (N_("Confirmed"), N_("Confirmed events")),
    "reported": (N_("Reported"), N_("Reported claims")),
    "planned": (N_("Planned"), N_("Planned events")),
    "disputed": (N_("Disputed"), N_("Disputed claims")),
    "denied": (N_("Denied"), N_("Denied claims")),
}
DEFAULT_STATUS = "reported"
# site.yaml's `default_status`: the status of events that state none; "none" leaves them without.
DEFAULT_STATUSES: dict[str, str | None] = {"reported": DEFAULT_STATUS, "none": None}
# Events on one list page: a few screens of a chronology to read on, about 90 KB of HTML at the
# benchmark's event size; site.yaml's `page_size` may say otherwise, within PAGE_SIZES.
PAGE_SIZE = 100
PAGE_SIZES = range(10, 1001)

RELATIONS: dict[str, tuple[str, str]] = {
    # relation: (how the event that states it reads, how the other event reads)
    "related-to": (N_("Related to"), N_("Related to")),
    "denies": (N_("Denies"), N_("Denied by")),
    "confirms": (N_("Confirms"), N_("Confirmed by")),
    "disputes": (N_("Disputes"), N_("Disputed by")),
    "responds-to": (N_("Responds to"), N_("Prompted")),
    "follows": (N_("Follows"), N_("Followed by")),
    "precedes": (N_("Precedes"), N_("Preceded by")),
    "part-of": (N_("Part of"), N_("Includes")),
    "causes": (N_("Causes"), N_("Caused by")),
}
DEFAULT_RELATION = "related-to"


@dataclass(frozen=True, slots=True)
class Era:
    """A named period drawn as a band on the timeline."""

    name: str
    date: EventDate
    note: str


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """`content/site.yaml`."""

    title: str
    description: str
    language: str
    base_url: str  # absolute, ends with '/'
    eras: tuple[Era, ...]
    domain: str = ""  # a custom domain for GitHub Pages, written to site/CNAME
    timezone: str = "UTC"  # the IANA zone of times written without an offset
    default_status: str | None = DEFAULT_STATUS  # None: an event without `status` has none
    thumbnails: bool = False  # lists show each event's first image
    page_size: int = PAGE_SIZE  # events a list page shows before the next page/<n>/ begins
    translations: bytes = b""  # the project's translations/<language>.po, over the theme's
    history: bool = False  # `history: git`: event pages show their history from git
    history_messages: bool = False  # the history shows commits' subjects
    history_line: int = field(default=0, compare=False)  # where site.yaml says `history`
    # `languages:`: every language of the site, the first its default, at the site's root; ()
    # for a site of one `language:`. In a translation's site, `language` is one of the others.
    languages: tuple[str, ...] = ()
    catalogs: tuple[tuple[str, bytes], ...] = ()  # translations/<lang>.po of each of them
    root_url: str = ""  # in a translation's site, the default language's address (base_url's)
    # Part of the key of every per-event piece that the incremental build reuses: hashed once.
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __hash__(self) -> int:
        if not self._hash:
            values = (self.title, self.description, self.language, self.base_url, self.eras)
            more = (self.domain, self.default_status, self.timezone, self.thumbnails)
            git = (self.history, self.history_messages)
            spoken = (self.translations, self.languages, self.catalogs, self.root_url)
            rest = (self.page_size, *git)
            object.__setattr__(self, "_hash", hash((*values, *more, *spoken, *rest)) or 1)
        return self._hash

    @property
    def content_language(self) -> str:
        """The language the content's originals are written in: the first of `languages`."""
        return self.languages[0] if self.languages else self.language

    @property
    def spoken(self) -> Language:
        """The site's language: its catalog with the project's translations, and CLDR's data."""
        return language(self.language, self.translations)


@dataclass(frozen=True, slots=True)
class Source:
    """An entry of `content/sources.yaml`, with the text of its verbatim local copy."""

    id: str
    title: str
    publisher: str
    author: str
    date: EventDate | None
    url: str | None
    local: str | None  # path from the project root, under seeds/
    note: str
    text: str  # the local copy's text as a reader sees it, '' when there is none
    accessed: EventDate | None = None  # when the local copy was made
    archive: str | None = None  # the address of an archived copy
    publish_text: bool = True  # False: the site shows the quoted passages only
    kind: str = "text"  # of the local copy: "text", "html" or "pdf"
    pages: tuple[int, ...] = ()  # a PDF's: where each page starts in `text`
    # A web page's: the span of `text` that its article holds, which its page shows.
    article: tuple[int, int] | None = None
    language: str = ""  # the copy's language, '' when it is the content's


@dataclass(frozen=True, slots=True)
class Actor:
    """`content/actors/<id>.md`."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    body: str  # Markdown
    path: str  # as errors show it
    body_line: int = field(default=0, compare=False)  # the file line where the body starts
    country: str = ""  # ISO 3166-1 alpha-2, for a state, its army or its government
    media: tuple[Media, ...] = ()  # its `media:` list
    body_media: tuple[Media, ...] = ()  # the images its body places, in order
    updates: tuple[Update, ...] = ()  # its `updates:`, as written
    text_language: str = ""  # its body's, when a page in another language shows it untranslated


@dataclass(frozen=True, slots=True)
class Place:
    """`content/places/<id>.md`: where events happen."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    coordinates: tuple[float, float] | None  # (latitude, longitude), decimal degrees
    country: str  # ISO 3166-1 alpha-2, '' when not given
    note: str  # where the coordinates come from, and anything else a reader should know
    body: str  # Markdown
    path: str  # as errors show it
    body_line: int = field(default=0, compare=False)
    updates: tuple[Update, ...] = ()  # its `updates:`, as written
    text_language: str = ""  # its body's, when a page in another language shows it untranslated


@dataclass(frozen=True, slots=True)
class Citation:
    """One quote from a source, found at `start:end` of the source's text."""

    source: str
    quote: str
    start: int
    end: int
    # A quote with an ellipsis: the span of each of its parts; () for a quote in one piece.
    parts: tuple[tuple[int, int], ...] = ()
    page: int = 0  # the PDF page the quote starts on; 0 for other sources
    # `translation:` beside the quote, by language ('' for the content's language); shown as
    # a translation, never as the quote, which stays verbatim in its source's language.
    translations: tuple[tuple[str, str], ...] = ()

    def translation(self, language: str, content_language: str) -> str:
        """The quote's translation into `language`, or ''."""
        for tag, text in self.translations:
            if tag == language or (not tag and language == content_language):
                return text
        return ""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The span of each part of the quote in the source's text."""
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation stated in an event's `related` list."""

    target: str
    kind: str
    line: int = field(default=0, compare=False)  # where the file states it, for errors


@dataclass(frozen=True, slots=True)
class Event:
    """`content/events/<id>.md`."""

    id: str
    title: str
    summary: str
    date: EventDate
    status: str | None  # None only when site.yaml says `default_status: none`
    actors: tuple[str, ...]
    places: tuple[str, ...]  # place ids
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]
    related: tuple[Relation, ...]
    body: str  # Markdown
    path: str  # as errors show it
    draft: bool = False  # left out of a published build, shown by the preview
    order: int = 0  # orders the events of one day (in_time_order); 0 unless the front matter says
    date_label: str = ""  # words shown for the date ("Spring 1945"); the date still sorts
    media: tuple[Media, ...] = ()  # its `media:` list
    body_media: tuple[Media, ...] = ()  # the images its body places, in order
    body_line: int = field(default=0, compare=False)  # the file line where the body starts
    updates: tuple[Update, ...] = ()  # its `updates:`, as written
    history: History | None = None  # from git, with `history: git` in site.yaml
    # The language of its title, summary and body when a page in another language shows them
    # untranslated; '' when they are in the page's language.
    text_language: str = ""
    # Incremental builds look events up by value many times over; the hash is worked out once.
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __hash__(self) -> int:
        if not self._hash:
            values = (self.id, self.title, self.summary, self.date, self.status, self.actors)
            more = (self.places, self.tags, self.citations, self.related, self.body, self.path)
            flags = (self.draft, self.order, self.date_label, self.media, self.body_media)
            later = (self.updates, self.history, self.text_language)
            object.__setattr__(self, "_hash", hash((*values, *more, *flags, *later)) or 1)
        return self._hash

    def date_words(self, language: Spoken = ENGLISH) -> str:
        """The date as a list or a label shows it: the event's `date_label`, else the short form
        in `language`."""
        return self.date_label or self.date.display(language)

    @property
    def status_label(self) -> str:
        """The status as badges and feeds name it ("Denied"), or '' when the event has none."""
        return STATUSES[self.status][0] if self.status is not None else ""

    def date_described(self, language: Spoken = ENGLISH) -> str:
        """The date in full words: the label with what the date means in one pair of brackets,
        or that alone. Where the label already holds the date's words ("c. 100 BC" for
        100 BC), the brackets give only the notes: the date is said one way, once."""
        if not self.date_label:
            return self.date.describe(language)
        text, notes = self.date.describe_parts(language)
        said = any(words in self.date_label for words in (text, self.date.display(language)))
        meaning = notes if said else (text, *notes)
        return f"{self.date_label} ({'; '.join(meaning)})" if meaning else self.date_label

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """First possible instant, then precision, then `order`, then id: a total, stable order,
        which `in_time_order` refines within a day."""
        return (*self.date.sort_key(), self.order, self.id)


# What orders an event: its sort key, and the calendar day its start is written on (or its id).
TimeKey = tuple[tuple[int, int, int, str], object]


def time_key(event: Event) -> TimeKey:
    """What `in_time_order` orders `event` by: worth keeping for an unchanged event, since
    thousands of them cost a tenth of a second to work out."""
    return event.sort_key, event.date.written_day() or event.id


def in_time_order(
    events: Iterable[Event], key: Callable[[Event], TimeKey] = time_key
) -> list[Event]:
    """`events` by their sort key; then, within each run of neighbours whose start is written
    on the same calendar day, `order` first: a day's narrative order is the author's, whatever
    the precision (24 July as a day may follow that day's 16:50), while days keep the order of
    their instants across zones. `key` gives each event's `time_key`."""
    keyed = sorted(((key(event), event) for event in events), key=lambda pair: pair[0][0])
    result: list[Event] = []
    for _, run in itertools.groupby(keyed, key=lambda pair: pair[0][1]):
        result.extend(event for _, event in sorted(run, key=lambda p: (p[1].order, p[0][0])))
    return result


@dataclass(frozen=True, slots=True)
class Timeline:
    """Everything in `content/`, validated; events in time order, the rest by id."""

    site: SiteConfig
    sources: dict[str, Source]
    actors: dict[str, Actor]
    events: tuple[Event, ...]
    places: dict[str, Place] = field(default_factory=dict)
    # Problems that do not stop a build, such as a media file nothing uses.
    warnings: tuple[ContentError, ...] = ()
    translations: tuple[Translation, ...] = ()  # <id>.<lang>.md files, with `languages:`


def event_places(timeline: Timeline, event: Event) -> tuple[Place, ...]:
    """The places an event names, in its order."""
    return tuple(timeline.places[place_id] for place_id in event.places)


def shown_media(timeline: Timeline) -> list[Media]:
    """Every media entry of the timeline's events and actors, body images included."""
    found = [m for event in timeline.events for m in (*event.media, *event.body_media)]
    return found + [
        m for actor in timeline.actors.values() for m in (*actor.media, *actor.body_media)
    ]
