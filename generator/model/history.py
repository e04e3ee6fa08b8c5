"""An event's history from git: when it was first published and last changed, each change in
words, and how long each status has held. Dates are the commits' own, never the clock's."""

from __future__ import annotations

from dataclasses import dataclass
from time import gmtime, strftime

from generator.i18n import ENGLISH, N_, Spoken, spoken
from generator.model.days import day_number
from generator.model.updates import day_words

_EPOCH_DAY = day_number(1970, 1, 1)
_DAY = 86400


def commit_day(time: int) -> int:
    """Seconds since 1970-01-01 UTC -> the day number of that day in UTC."""
    return _EPOCH_DAY + time // _DAY


def commit_instant(time: int) -> str:
    """Seconds since 1970-01-01 UTC -> that instant in RFC 3339, UTC."""
    # The C library's calendar, ten times as fast as model/days's arithmetic: a build writes
    # tens of thousands of commit dates, all of them in the years gmtime knows.
    return strftime("%Y-%m-%dT%H:%M:%SZ", gmtime(time))


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that changed a published event."""

    time: int  # the commit's date, seconds since 1970-01-01 UTC
    words: tuple[str, ...]  # what changed: "Status: Reported → Confirmed", "Body edited"
    message: str = ""  # the commit's subject, only with `history_messages: true`
    number: int = 1  # its place in the event's history, 1 for the publication

    @property
    def anchor(self) -> str:
        """Its fragment on the event page: 'change-3'. Numbered from the oldest, so a new
        commit leaves the anchors of the earlier ones, which feeds link to, as they were."""
        return f"change-{self.number}"

    @property
    def iso(self) -> str:
        """The commit's day, ISO 8601."""
        return strftime("%Y-%m-%d", gmtime(self.time))

    def day_words(self, language: Spoken = ENGLISH) -> str:
        """The commit's day in words: '20 February 2024'."""
        return day_words(commit_day(self.time), language)

    @property
    def instant(self) -> str:
        """The commit's date in RFC 3339, UTC."""
        return commit_instant(self.time)


@dataclass(frozen=True, slots=True)
class Held:
    """A status the event held from a commit on."""

    status: str  # its key: "confirmed"
    label: str  # as pages show it: "Confirmed"
    since: int  # the commit's date, seconds since 1970-01-01 UTC


@dataclass(frozen=True, slots=True)
class History:
    """What git says of one event since it was first published."""

    changes: tuple[Change, ...]  # oldest first; the first is its publication
    statuses: tuple[Held, ...]  # oldest first
    uncommitted: bool = False  # the file has changes not yet committed

    @property
    def published(self) -> Change:
        """The commit that first published the event."""
        return self.changes[0]

    @property
    def changed(self) -> Change:
        """The last commit that changed it."""
        return self.changes[-1]

    @property
    def newest_first(self) -> tuple[Change, ...]:
        """The changes, newest first."""
        return self.changes[::-1]

    def status_words(self, language: Spoken = ENGLISH) -> str:
        """'Confirmed since 20 February 2024; reported from 10 January 2024', or ''."""
        if not self.statuses:
            return ""
        lang = spoken(language)

        def said(message: str, held: Held, lower: bool) -> str:
            label = lang.gettext(held.label)
            day = day_words(commit_day(held.since), lang)
            return lang.say(message, status=label.lower() if lower else label, date=day)

        latest = self.statuses[-1]
        words = [said(N_("%(status)s since %(date)s"), latest, False)]
        words += [
            said(N_("%(status)s from %(date)s"), held, True)
            for held in reversed(self.statuses[:-1])
        ]
        return "; ".join(words)
