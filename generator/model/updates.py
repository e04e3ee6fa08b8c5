"""Corrections and updates that an author writes on an event, actor or place (`updates:`), as
newsrooms publish them: dated, of a kind, with a note saying what changed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model.date_hints import MONTHS
from generator.model.days import from_day_number, iso_day, rfc3339

# kind: (the verb a heading starts with, the name of the kind)
UPDATE_KINDS: dict[str, tuple[str, str]] = {
    "correction": ("Corrected", "Correction"),
    "update": ("Updated", "Update"),
    "clarification": ("Clarified", "Clarification"),
}


def day_words(day: int) -> str:
    """A day number -> '20 February 2024'."""
    year, month, day_of_month = from_day_number(day)
    return f"{day_of_month} {MONTHS[month - 1]} {year}"


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

    @property
    def verb(self) -> str:
        """'Corrected', 'Updated' or 'Clarified'."""
        return UPDATE_KINDS[self.kind][0]

    @property
    def words(self) -> str:
        """The date in words: '20 February 2024'."""
        return day_words(self.day)

    @property
    def heading(self) -> str:
        """'Corrected on 20 February 2024'."""
        return f"{self.verb} on {self.words}"

    @property
    def label(self) -> str:
        """'Correction', 'Update' or 'Clarification'."""
        return UPDATE_KINDS[self.kind][1]


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
