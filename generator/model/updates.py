"""Corrections and updates that an author writes on an event, actor or place (`updates:`), as
newsrooms publish them: dated, of a kind, with a note saying what changed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.i18n import ENGLISH, N_, Spoken, spoken
from generator.model import date_cldr
from generator.model.date_hints import MONTHS
from generator.model.days import from_day_number, iso_day, rfc3339

# kind: its name, translated where it is shown (a page's heading of each kind is its template's)
UPDATE_KINDS: dict[str, str] = {
    "correction": N_("Correction"),
    "update": N_("Update"),
    "clarification": N_("Clarification"),
}


def day_words(day: int, language: Spoken = ENGLISH) -> str:
    """A day number -> '20 February 2024', or the language's long date ('20 février 2024')."""
    year, month, day_of_month = from_day_number(day)
    lang = spoken(language)
    if lang.is_english:
        return f"{day_of_month} {MONTHS[month - 1]} {year}"
    return date_cldr.words(year, month, day_of_month, lang.tag, True, False)


@dataclass(frozen=True, slots=True)
class Update:
    """One entry of an `updates:` list: when, what kind, and what changed."""

    day: int  # day number of `date:`
    kind: str  # a key of UPDATE_KINDS
    note: str  # plain text
    anchor: str = ""  # its fragment on the page that shows it: 'correction-2024-02-20'

    @property
    def iso(self) -> str:
        """The date as ISO 8601: '2024-02-20'."""
        text = iso_day(self.day)
        assert text is not None
        return text

    @property
    def instant(self) -> str:
        """Midnight UTC of the date in RFC 3339, as feeds date it."""
        return rfc3339(self.day)

    def words(self, language: Spoken = ENGLISH) -> str:
        """The date in words: '20 February 2024'."""
        return day_words(self.day, language)

    def label(self, language: Spoken = ENGLISH) -> str:
        """'Correction', 'Update' or 'Clarification'."""
        return spoken(language).gettext(UPDATE_KINDS[self.kind])


def with_anchors(updates: list[Update]) -> tuple[Update, ...]:
    """`updates` each with its fragment, unique on its page: kind and day, then `-2`, `-3` …"""
    taken: dict[str, int] = {}
    anchored = []
    for update in updates:
        anchor = f"{update.kind}-{update.iso}"
        taken[anchor] = taken.get(anchor, 0) + 1
        suffix = f"-{taken[anchor]}" if taken[anchor] > 1 else ""
        anchored.append(replace(update, anchor=anchor + suffix))
    return tuple(anchored)


def newest_first(updates: tuple[Update, ...]) -> tuple[Update, ...]:
    """`updates` newest first; those of one day in the order written."""
    return tuple(sorted(updates, key=lambda update: -update.day))
