"""Typed reading of front-matter fields (text, lists of text, dates), each wrong shape an error."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.errors import ContentError, did_you_mean
from generator.load.yaml_lines import KeyPath, YamlData, field_name
from generator.model.clock import UTC, zone_problem
from generator.model.dates import DateError, EventDate, parse_date


class Fields:
    """Typed access to one YAML mapping, recording an error for every value of the wrong shape."""

    def __init__(
        self, data: YamlData, shown: str, errors: list[ContentError], prefix: KeyPath = ()
    ) -> None:
        self.data = data
        self.shown = shown
        self.errors = errors
        self.prefix = prefix
        # List fields written as one text holding commas (`actors: a, b`), by key: YAML reads
        # them as a single item, so whatever goes wrong with it is first a missing `[…]`.
        self.unbracketed: dict[str, str] = {}
        value = data.value
        for key in prefix:
            value = value[key]
        self.mapping: dict[str, Any] = value

    def nested(self, *keys: str | int) -> Fields:
        """The Fields of the mapping at `keys` under this one, recording into the same errors."""
        return Fields(self.data, self.shown, self.errors, (*self.prefix, *keys))

    def error(self, key: str | int | KeyPath, problem: str, fix: str) -> None:
        """Record `problem` and `fix` at `key` (a key or a path of keys) under this mapping; on
        a list field written as one text with commas, that it is no list, and how to write one."""
        path = (*self.prefix, *(key if isinstance(key, tuple) else (key,)))
        written = self.unbracketed.get(str(path[len(self.prefix)]))
        if written is not None:
            path = path[: len(self.prefix) + 1]
            items = ", ".join(item.strip() for item in written.split(","))
            problem = f"`{written}` is one text, not a list"
            fix = f"write a list in brackets: `{path[-1]}: [{items}]`"
        self.errors.append(
            ContentError(self.shown, self.data.line(*path), field_name(path), problem, fix)
        )

    def check_keys(self, allowed: Iterable[str]) -> None:
        """Record an error for every key of the mapping that is not in `allowed`."""
        allowed = tuple(allowed)
        for key in self.mapping:
            if key not in allowed:
                self.error(
                    key,
                    f"unknown key{did_you_mean(key, allowed)}",
                    f"use one of: {', '.join(allowed)}",
                )

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        """The stripped text at `key`, or `default` when it is absent or of the wrong shape."""
        value = self.mapping.get(key)
        if value is None:
            if required and key not in self.mapping:
                self.error(key, "is missing", f"add a `{key}: …` line")
            elif required:
                self.error(key, "is empty", f"write a value after `{key}:`")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(
                key,
                f"expected text, got {value_kind(value)}",
                "write it as text, quoted if need be",
            )
            return default
        text = str(value).strip()
        if required and not text:
            self.error(key, "is empty", f"write a value after `{key}:`")
        return text

    def flag(self, key: str, *, default: bool, fix: str) -> bool:
        """The true or false at `key`, `default` when it is absent or not a yes/no value."""
        value = self.mapping.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.error(key, "expected true or false", fix)
        return default

    def text_list(self, key: str) -> list[tuple[int, str]]:
        """(index, item) for a list of text; a single text counts as a list of one."""
        value = self.mapping.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            if "," in value:  # a name may hold one: it is an error only if the name is wrong
                self.unbracketed[key] = value.strip()
            return [(0, value.strip())]
        if not isinstance(value, list):
            self.error(key, f"expected a list, got {value_kind(value)}", f"write `{key}: [a, b]`")
            return []
        items: list[tuple[int, str]] = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int):
                self.error(
                    (key, index), f"expected text, got {value_kind(item)}", "write it as text"
                )
                continue
            items.append((index, str(item).strip()))
        return items

    def zone(self, key: str) -> str | None:
        """The IANA time zone name at `key`, or None when it is absent or unknown."""
        name = self.text(key)
        if not name:
            return None
        problem = zone_problem(name)
        if problem is not None:
            self.error(key, *problem)
            return None
        return name

    def date(self, key: str, *, required: bool = False, zone: str = UTC) -> EventDate | None:
        """The EDTF date at `key` (its times without an offset read in `zone`), or None when it
        is absent or not a valid date."""
        value = self.mapping.get(key)
        if value is None:
            if required:
                self.text(key, required=True)
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.error(
                key,
                f"expected an EDTF date, got {value_kind(value)}",
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
            # `date: -350` is read as a number, yet needs the hint about BC years of text.
            return parse_date(str(value) if isinstance(value, int) and value < 0 else value, zone)
        except DateError as error:
            self.error(key, *error.problem)
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


def value_kind(value: Any) -> str:
    """How a message names a YAML value of the wrong shape: `a list`, `a number (3)`, …"""
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
