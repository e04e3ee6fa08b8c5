"""`history: git`: each event's history from the versions git holds of its file, in words.

Versions are compared key by key on the front matter's text, and only a key whose text changed
is read as YAML, so that tens of thousands of versions cost little more than reading them.
Versions in which the event was a draft (or its file was deleted) do not count: its history
starts when it was first published.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError
from generator.i18n import ENGLISH, N_, Language
from generator.load.git_history import GitLog, read_git_log
from generator.model.history import Change, Held, History
from generator.model.timeline import STATUSES, Event, Timeline

# A top-level key, and its value's text: the rest of its line and every line after it that
# does not start another key (indented lines, list items, comments, blank lines).
_BLOCK = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*(?:\n(?![A-Za-z_]).*)*)", re.MULTILINE)
# ` word`, a one-line plain scalar, which YAML's base loader reads as the word itself: the
# common case (a status, a date, a draft flag) read without a YAML parser.
_PLAIN = re.compile(r"[ \t]+([A-Za-z0-9][\w.-]*)[ \t]*")
_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar as text
_TRUE = {"true", "yes", "on", "y"}
# What a change of each key is said as, in the site's language.
_NAMED = {
    "summary": N_("Summary edited"),
    "tags": N_("Tags changed"),
    "related": N_("Related events changed"),
    "media": N_("Media changed"),
    "updates": N_("Corrections and updates noted"),
    "order": N_("Order changed"),
    "date_label": N_("Date label changed"),
    "timezone": N_("Time zone changed"),
}
_FROM_TO = {
    "status": N_("Status: %(was)s → %(now)s"),
    "title": N_("Title: %(was)s → %(now)s"),
    "date": N_("Date: %(was)s → %(now)s"),
}
_LISTS = {
    "actors": (N_("Actors added: %(items)s"), N_("Actors removed: %(items)s")),
    "places": (N_("Places added: %(items)s"), N_("Places removed: %(items)s")),
}

Blocks = dict[str, str]


def with_history(timeline: Timeline, events: Path, messages: bool) -> Timeline:
    """`timeline` with every event's history from git (`events` is content/events/), and a
    warning for a shallow clone and for each event with uncommitted changes; GitUnavailable
    when `events` is not in a git repository."""
    log = read_git_log(events, subjects=messages)
    default, spoken = timeline.site.default_status, timeline.site.spoken
    found = [
        dataclasses.replace(event, history=event_history(event, log, default, spoken))
        for event in timeline.events
    ]
    return dataclasses.replace(
        timeline,
        events=tuple(found),
        warnings=(*timeline.warnings, *_warnings(log, found)),
    )


def _warnings(log: GitLog, events: list[Event]) -> list[ContentError]:
    warnings = []
    if log.shallow:
        warnings.append(
            ContentError(
                "content/site.yaml",
                1,
                "history",
                "this is a shallow clone: each event's history starts at its oldest commit",
                "fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in a workflow)",
            )
        )
    for event in events:
        if event.history is not None and event.history.uncommitted:
            warnings.append(
                ContentError(
                    event.path,
                    1,
                    "history",
                    "has changes not yet committed",
                    "commit them: its History shows the last commit until then",
                )
            )
    return warnings


def event_history(
    event: Event, log: GitLog, default: str | None, spoken: Language = ENGLISH
) -> History:
    """The history of `event` from its file's versions in `log`, its words in `spoken`."""
    name = Path(event.path).name
    changes: list[Change] = []
    statuses: list[Held] = []
    before: tuple[Blocks, str] | None = None
    head, status = "", ""
    for version in log.versions.get(name, ()):
        split = _split(version.text)
        if split is None:
            continue
        if before is not None and split[0] == head:  # only the body changed: the usual edit
            now = (before[0], split[1])
        else:
            now = (dict(_BLOCK.findall(split[0])), split[1])
            if _is_draft(now[0]):
                continue
            if before is None or now[0].get("status") != before[0].get("status"):
                status = _status(now[0], default)
        number = len(changes) + 1
        if before is None:
            first = (spoken.gettext(N_("First published")),)
            changes.append(Change(version.time, first, version.subject, number))
        else:
            words = _differences(before, now, default, spoken)
            if words:
                changes.append(Change(version.time, words, version.subject, number))
        if status and (not statuses or statuses[-1].status != status):
            statuses.append(Held(status, STATUSES[status][0], version.time))
        before, head = now, split[0]
    return History(tuple(changes), tuple(statuses), name in log.uncommitted)


def _split(text: str) -> tuple[str, str] | None:
    """A file's text -> its front matter's text and its body, or None without front matter."""
    if not text.startswith("---"):
        return None
    head, _, body = text[3:].partition("\n---")
    return head, body.partition("\n")[2].strip()


def _value(blocks: Blocks, key: str) -> Any:
    text = blocks.get(key)
    if text is None:
        return None
    plain = _PLAIN.fullmatch(text)
    if plain is not None:
        return plain.group(1)
    try:
        data = yaml.load(f"{key}:{text}", Loader=_LOADER)
    except yaml.YAMLError:
        return text
    return data.get(key) if isinstance(data, dict) else None


def _is_draft(blocks: Blocks) -> bool:
    value = _value(blocks, "draft") if "draft" in blocks else None
    return isinstance(value, str) and value.strip().lower() in _TRUE


def _status(blocks: Blocks, default: str | None) -> str:
    value = _value(blocks, "status")
    status = value.strip() if isinstance(value, str) and value.strip() else default
    return status if status in STATUSES else ""


def _label(status: str) -> str:
    return STATUSES[status][0] if status else "none"


def _differences(
    before: tuple[Blocks, str], now: tuple[Blocks, str], default: str | None, spoken: Language
) -> tuple[str, ...]:
    """What changed between two published versions, in words of `spoken`, in the order of the
    keys."""
    old, new = before[0], now[0]
    words: list[str] = []
    for key in dict.fromkeys((*new, *old)):
        if key == "draft" or old.get(key) == new.get(key):
            continue
        if key == "status":
            was, status = _status(old, default), _status(new, default)
            if was != status:
                labels = (spoken.gettext(_label(was)), spoken.gettext(_label(status)))
                words.append(spoken.say(_FROM_TO[key], was=labels[0], now=labels[1]))
        elif key in ("title", "date"):
            was, value = _value(old, key), _value(new, key)
            if was != value:
                texts = (_text(was, spoken), _text(value, spoken))
                words.append(spoken.say(_FROM_TO[key], was=texts[0], now=texts[1]))
        elif key in ("actors", "places"):
            words += _list_words(_LISTS[key], _value(old, key), _value(new, key), spoken)
        elif key == "sources":
            words += _source_words(_value(old, key), _value(new, key), spoken)
        else:
            named = _NAMED.get(key)
            words.append(spoken.gettext(named) if named else spoken.say(_CHANGED, key=key))
    if before[1] != now[1]:
        words.append(spoken.gettext(N_("Body edited")))
    return tuple(words)


_CHANGED = N_("%(key)s changed")


def _text(value: Any, spoken: Language) -> str:
    return spoken.gettext(N_("none")) if value is None else str(value).strip()


def _items(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()]
    return [str(item).strip() for item in value] if isinstance(value, list) else []


def _list_words(messages: tuple[str, str], old: Any, new: Any, spoken: Language) -> list[str]:
    was, now = _items(old), _items(new)
    added = [item for item in now if item not in was]
    removed = [item for item in was if item not in now]
    words = [spoken.say(messages[0], items=", ".join(added))] if added else []
    return words + ([spoken.say(messages[1], items=", ".join(removed))] if removed else [])


def _citations(value: Any) -> list[tuple[str, str]]:
    found = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            found.append((str(item.get("source", "")), str(item.get("quote", "") or "")))
        else:
            found.append((str(item), ""))
    return found


def _source_words(old: Any, new: Any, spoken: Language) -> list[str]:
    was, now = _citations(old), _citations(new)
    was_cited, now_cited = dict(was), dict(now)
    say = spoken.say
    words = [say(N_("Source added: %(source)s"), source=s) for s in now_cited if s not in was_cited]
    words += [
        say(N_("Source removed: %(source)s"), source=s) for s in was_cited if s not in now_cited
    ]
    kept = now_cited.keys() & was_cited.keys()
    words += [
        say(N_("Quote added from %(source)s"), source=s)
        for s, q in now
        if s in kept and q and (s, q) not in was
    ]
    words += [
        say(N_("Quote removed from %(source)s"), source=s)
        for s, q in was
        if s in kept and q and (s, q) not in now
    ]
    return words
