"""`updates:` on an event, actor or place: its corrections, updates and clarifications, each
with a day, a kind and a note."""

from __future__ import annotations

import re

from generator.check.fields import Fields, value_kind
from generator.errors import did_you_mean
from generator.model.days import day_number, days_in_month
from generator.model.updates import UPDATE_KINDS, Update, with_anchors

UPDATE_KEYS = ("date", "kind", "note")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SHAPE = "write `- {date: 2024-02-20, kind: correction, note: what changed}`"


def check_updates(fields: Fields) -> tuple[Update, ...]:
    """The `updates:` list of `fields`, in the order written; each wrong entry an error."""
    value = fields.mapping.get("updates")
    if value is None:
        return ()
    if not isinstance(value, list):
        fields.error("updates", f"expected a list, got {value_kind(value)}", _SHAPE)
        return ()
    updates: list[Update] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            fields.error(("updates", index), f"expected a mapping, got {value_kind(item)}", _SHAPE)
            continue
        entry = fields.nested("updates", index)
        entry.check_keys(UPDATE_KEYS)
        day = _day(entry)
        kind = _kind(entry)
        note = entry.text("note", required=True)
        if day is not None and kind and note:
            updates.append(Update(day, kind, note))
    return with_anchors(updates)


def _day(entry: Fields) -> int | None:
    """The day of the entry's `date:`, which must be a full YYYY-MM-DD date."""
    text = entry.text("date", required=True)
    if not text:
        return None
    match = _DAY.fullmatch(text)
    if match is None:
        entry.error("date", f"`{text}` is not a day", "write the day as YYYY-MM-DD: 2024-02-20")
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        entry.error("date", f"`{text}` is no day of the calendar", "check the month and day")
        return None
    return day_number(year, month, day)


def _kind(entry: Fields) -> str:
    kind = entry.text("kind", required=True)
    if kind and kind not in UPDATE_KINDS:
        entry.error(
            "kind",
            f"unknown kind `{kind}`{did_you_mean(kind, UPDATE_KINDS)}",
            f"use one of: {', '.join(UPDATE_KINDS)}",
        )
        return ""
    return kind
