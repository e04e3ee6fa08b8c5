"""Event dates in EDTF (levels 0 and 1, as `generator.model.points` reads one date): single
dates and intervals START/END whose ends may be '..' (open) or '' (unknown).

An EventDate carries the time zone its times without an offset were read in, which also gives
the first instant of a day without a time, for sorting.
"""

import functools
from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias

from generator.i18n import ENGLISH, N_, Language, Spoken, spoken
from generator.model import date_words as words
from generator.model.clock import UTC
from generator.model.date_hints import MAX_YEAR, MIN_YEAR, not_a_date
from generator.model.date_hints import ONE_END as _ONE_END
from generator.model.days import DAY_SECONDS
from generator.model.days import DateError as DateError  # the error of parse_date
from generator.model.points import RANK, Point, Precision, match_point
from generator.model.points import year_label as year_label

__all__ = [
    "Bound",
    "DateError",
    "Endpoint",
    "EventDate",
    "Point",
    "Precision",
    "iso_date",
    "parse_date",
    "year_label",
]


class Bound(Enum):
    """An interval end that is not a date: open ('..') or unknown ('')."""

    OPEN = ".."
    UNKNOWN = ""


Endpoint: TypeAlias = Point | Bound


def _end_edtf(end: Endpoint) -> str:
    return end.edtf() if isinstance(end, Point) else end.value


@dataclass(frozen=True, slots=True)
class EventDate:
    """A single date (end is None, start is a Point) or an interval START/END; `zone` is the
    IANA time zone of its times without an offset and of its days' midnights."""

    start: Endpoint
    end: Endpoint | None
    zone: str = UTC

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if end is None:
            if not isinstance(start, Point):
                raise DateError(f"'{start.value}' alone is not a date", _ONE_END)
        elif not isinstance(start, Point):
            if not isinstance(end, Point):
                raise DateError(f"'{self.edtf()}' has no known end", _ONE_END)
        elif isinstance(end, Point) and end.latest_instant(self.zone) < start.earliest_instant(
            self.zone
        ):
            raise DateError(
                f"'{self.edtf()}' ends before it starts",
                f"put the earlier date first: {end.edtf()}/{start.edtf()}",
            )

    @property
    def is_interval(self) -> bool:
        """True for START/END, False for a single date."""
        return self.end is not None

    def edtf(self) -> str:
        """Canonical EDTF text; parse_date(d.edtf()) == d."""
        if self.end is None:
            return _end_edtf(self.start)
        return f"{_end_edtf(self.start)}/{_end_edtf(self.end)}"

    def _anchor(self) -> Point:
        if isinstance(self.start, Point):
            return self.start
        assert isinstance(self.end, Point)  # __post_init__ guarantees a known end
        return self.end

    def _known(self) -> list[Point]:
        return [e for e in (self.start, self.end) if isinstance(e, Point)]

    def earliest_day(self) -> int | None:
        """Day number of the first possible day, or None when the start is open/unknown."""
        return self.start.earliest_day() if isinstance(self.start, Point) else None

    def latest_day(self) -> int | None:
        """Day number of the last possible day, or None when the end is open/unknown."""
        last = self.start if self.end is None else self.end
        return last.latest_day() if isinstance(last, Point) else None

    def last_known_day(self) -> int:
        """The last day it can mean or, with an open or unknown end, the first: the day a feed
        entry is dated, and where a span with one known end stops."""
        day = self.latest_day()
        if day is None:
            day = self.earliest_day()
        assert day is not None  # an interval always has at least one known end
        return day

    def anchor_day(self) -> int:
        """Day number it sorts by: the start's earliest day if known, else the end's."""
        return self._anchor().earliest_day()

    def anchor_year(self) -> int:
        """Astronomical year of anchor_day(), for grouping by year: a decade's first."""
        return self._anchor().year_span()[0]

    def sort_key(self) -> tuple[int, int]:
        """(first instant of the anchoring point, its precision's rank): coarser dates sort
        before finer ones that start with them; callers append the order and the event id."""
        anchor = self._anchor()
        return anchor.earliest_instant(self.zone), RANK[anchor.precision]

    def written_day(self) -> tuple[int, int, int] | None:
        """(year, month, day) of the calendar day its anchoring point is written on, whatever
        its zone, or None for a point coarser than a day."""
        anchor = self._anchor()
        if RANK[anchor.precision] < RANK["day"] or anchor.month is None or anchor.day is None:
            return None
        return anchor.year, anchor.month, anchor.day

    def earliest_instant(self) -> int | None:
        """Seconds since 0001-01-01T00:00Z of the first possible instant, None when open."""
        start = self.start
        return start.earliest_instant(self.zone) if isinstance(start, Point) else None

    def latest_instant(self) -> int | None:
        """Seconds since 0001-01-01T00:00Z of the last possible instant, None when open."""
        last = self.start if self.end is None else self.end
        return last.latest_instant(self.zone) if isinstance(last, Point) else None

    def dated_instant(self) -> int:
        """The instant a feed entry or calendar stamp is dated: the last known end's time when it
        has one, else the start (midnight UTC) of last_known_day()."""
        last = self.end if isinstance(self.end, Point) else self.start
        if isinstance(last, Point) and last.time is not None:
            return last.earliest_instant(self.zone)
        return (self.last_known_day() - 1) * DAY_SECONDS

    @property
    def precision(self) -> Precision:
        """Precision of the anchoring point."""
        return self._anchor().precision

    @property
    def is_uncertain(self) -> bool:
        """True when any known endpoint is uncertain."""
        return any(p.uncertain for p in self._known())

    @property
    def is_approximate(self) -> bool:
        """True when any known endpoint is approximate."""
        return any(p.approximate for p in self._known())

    @property
    def has_time(self) -> bool:
        """True when a known endpoint has a time of day."""
        return any(p.time is not None for p in self._known())

    @property
    def is_deep(self) -> bool:
        """True when a known endpoint is a year beyond ±9999."""
        return any(p.is_deep for p in self._known())

    def display(self, language: Spoken = ENGLISH) -> str:
        """Short text for lists, such as '26 Feb 2019', 'c. 2016?' or '24–30 Sep 2016', in
        `language`.

        Qualifiers stay on their endpoint ('c. 2015 – 2019'), and shared parts are only
        collapsed when neither end is qualified, so 'c.' or '?' never seems to cover both ends.
        Mixed-era ranges mark the AD side ('44 BC – AD 14').
        """
        lang = spoken(language)
        return _display(self, lang, lang.translations)

    def _display_in(self, lang: Language) -> str:
        start, end = self.start, self.end
        if end is None:
            assert isinstance(start, Point)
            return words.short(start, language=lang)
        if isinstance(start, Point):
            if isinstance(end, Point):
                return words.short_range(start, end, lang)
            shown = words.short(start, language=lang)
            if end is Bound.OPEN:
                return lang.say(N_("since %(date)s"), date=shown)
            return lang.say(N_("%(date)s – ?"), date=shown)
        assert isinstance(end, Point)
        shown = words.short(end, language=lang)
        if start is Bound.OPEN:
            return lang.say(N_("until %(date)s"), date=shown)
        return lang.say(N_("? – %(date)s"), date=shown)

    def describe(self, language: Spoken = ENGLISH) -> str:
        """Words for the event page, stating precision and uncertainty, in `language`.

        Such as '26 February 2019', 'about 2016, uncertain (approximate; known to the year)',
        'from 2015 to 2019 (known to the year)' or 'since 2019 (open-ended; known to the year)'.
        In intervals, flags go in the note and name their end ('start uncertain') when both
        ends are dates.
        """
        text, notes = self.describe_parts(language)
        return f"{text} ({'; '.join(notes)})" if notes else text

    def describe_parts(self, language: Spoken = ENGLISH) -> tuple[str, tuple[str, ...]]:
        """What `describe` says, as the words for the date and the notes it puts in brackets."""
        lang = spoken(language)
        return _described(self, lang, lang.translations)

    def _described_in(self, lang: Language) -> tuple[str, tuple[str, ...]]:
        start, end = self.start, self.end
        known = self._known()
        notes = []
        if end is None:
            assert isinstance(start, Point)
            text = words.long(start, language=lang)
            if start.uncertain:
                text = lang.say(N_("%(date)s, uncertain"), date=text)
            if start.approximate:
                notes.append(lang.gettext(N_("approximate")))
        else:
            text = self._interval_words(lang)
            if end is Bound.OPEN:
                notes.append(lang.gettext(N_("open-ended")))
            for label, p in zip(_ENDS, (start, end), strict=True):
                flags = words.flags(p, lang) if isinstance(p, Point) else ""
                if flags:
                    notes.append(lang.say(label, note=flags) if len(known) == 2 else flags)
        notes += _precision_notes(known, lang)
        return text, tuple(notes)

    def _interval_words(self, lang: Language) -> str:
        """'from 2015 to 2019', 'since 2019', 'until 2019': an interval's ends in long words."""
        start, end = self.start, self.end
        mixed = len({p.year > 0 for p in self._known()}) == 2
        unknown = lang.gettext(N_("an unknown date"))
        a = words.long(start, mixed, lang) if isinstance(start, Point) else unknown
        b = words.long(end, mixed, lang) if isinstance(end, Point) else unknown
        if end is Bound.OPEN:
            return lang.say(N_("since %(date)s"), date=a)
        if start is Bound.OPEN:
            return lang.say(N_("until %(date)s"), date=b)
        return lang.say(N_("from %(start)s to %(end)s"), start=a, end=b)

    def html_datetime(self) -> str | None:
        """HTML <time datetime> value of the anchoring point, or None where ISO has no form."""
        return self._anchor().iso()


_TO_THE_DAY = {"day", "minute", "second"}
# The notes of an interval's end: 'start uncertain', 'end known to the month'.
_ENDS = (N_("start %(note)s"), N_("end %(note)s"))
_KNOWN_TO = {
    "century": N_("known to the century"),
    "decade": N_("known to the decade"),
    "year": N_("known to the year"),
    "month": N_("known to the month"),
}


def _precision_notes(known: list[Point], lang: Language) -> list[str]:
    """'known to the year', 'end known to the month', the parts left unspecified, the exact
    year behind rounded deep-time words."""
    notes = [
        note
        for p in known
        for note in (words.unstated(p, lang), words.precise_year(p, lang))
        if note
    ]
    coarse = [
        (i, p.precision)
        for i, p in enumerate(known)
        if p.precision not in _TO_THE_DAY and not words.unstated(p) and not p.is_deep
    ]
    if len(coarse) == len(known) and len({prec for _, prec in coarse}) == 1:
        return [*notes, lang.gettext(_KNOWN_TO[coarse[0][1]])]
    return notes + [lang.say(_ENDS[i], note=lang.gettext(_KNOWN_TO[prec])) for i, prec in coarse]


def iso_date(point: object) -> str | None:
    """A date endpoint -> ISO 8601 at its precision ('2019-02'), None if open or ISO has no form."""
    return point.iso() if isinstance(point, Point) else None


def _endpoint(text: str, whole: str, zone: str) -> Endpoint:
    if text == "..":
        return Bound.OPEN
    if text == "":
        return Bound.UNKNOWN
    point = match_point(text, zone)
    if point is None:
        raise DateError(*not_a_date(text, whole))
    return point


def parse_date(value: str | int, zone: str = UTC) -> EventDate:
    """EDTF text or an int year (YAML's `date: 2015`) -> EventDate, its times without an offset
    read in the IANA time zone `zone`; raises DateError."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int) and not isinstance(value, bool):
        if not MIN_YEAR <= value <= MAX_YEAR:
            raise DateError(
                f"year {value} is beyond ±9999",
                "write a day as 'YYYY-MM-DD', or a year of deep time as an EDTF Y year: "
                f"'Y{value}'",
            )
        return EventDate(Point(value, None, None), None, zone)
    else:
        # YAML turns an unquoted 2019-02-26 into a date object, and yes/no into bools.
        raise DateError(
            f"{value!r} is a {type(value).__name__}, not date text",
            "write the date as a quoted string, such as date: '2019-02-26'",
        )
    if text.count("/") == 1:
        start, end = text.split("/")
        return EventDate(_endpoint(start, text, zone), _endpoint(end, text, zone), zone)
    point = match_point(text, zone)
    if point is None:
        raise DateError(*not_a_date(text, text))
    return EventDate(point, None, zone)


# Every list that shows an event shows its date's words, and every page of it its description:
# each is made once per date and language. The translations are part of the key, by identity: a
# preview's Language is equal to the last build's after the project's catalog changed.
@functools.lru_cache(maxsize=1 << 16)
def _display(date: EventDate, lang: Language, translations: object) -> str:
    return date._display_in(lang)


@functools.lru_cache(maxsize=1 << 16)
def _described(
    date: EventDate, lang: Language, translations: object
) -> tuple[str, tuple[str, ...]]:
    return date._described_in(lang)
