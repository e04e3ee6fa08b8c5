"""content/sources.yaml: the sources events cite, and the verbatim copies quotes are checked in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator import i18n
from generator.check.fields import Fields
from generator.check.ids import reserved_error
from generator.errors import ContentError
from generator.load.files import RawContent
from generator.load.seeds import SeedText
from generator.load.text import visible
from generator.load.yaml_lines import YamlData
from generator.model.ids import ID_PATTERN, RESERVED_IDS
from generator.model.timeline import Source

SOURCE_KEYS = (
    *("title", "publisher", "author", "date", "url", "local", "note"),
    *("accessed", "archive", "publish_text", "language"),
)


def check_sources(raw: RawContent, errors: list[ContentError]) -> dict[str, Source]:
    """The sources of sources.yaml by id, each with its local copy's text; errors recorded."""
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
            errors.append(reserved_error(shown, line, source_id, source_id, "rename it"))
            continue
        if not isinstance(value, dict):
            errors.append(
                ContentError(shown, line, source_id, "expected a mapping", "give it a title")
            )
            continue
        sources[source_id] = _source(source_id, Fields(data, shown, errors, (source_id,)), raw)
    return sources


def usable(data: YamlData | None) -> bool:
    """False when sources.yaml is there but is not a mapping, which `check_sources` reports."""
    return data is None or data.value is None or isinstance(data.value, dict)


def _source(source_id: str, fields: Fields, raw: RawContent) -> Source:
    fields.check_keys(SOURCE_KEYS)
    local = fields.text("local") or None
    seed = _local_text(fields, local, raw) if local is not None else None
    return Source(
        id=source_id,
        title=fields.text("title", required=True),
        publisher=fields.text("publisher"),
        author=fields.text("author"),
        date=fields.date("date"),
        url=_web_address(fields, "url"),
        local=local,
        note=fields.text("note"),
        text=seed.text if seed else "",
        accessed=fields.date("accessed"),
        archive=_web_address(fields, "archive"),
        publish_text=_publish_text(fields),
        kind=seed.kind if seed else "text",
        pages=seed.pages if seed else (),
        article=seed.article if seed else None,
        language=_language(fields),
    )


def _language(fields: Fields) -> str:
    """The language of the source's text, whose quotes pages mark with it: '' when unset."""
    tag = fields.text("language")
    if tag and not i18n.known(tag):
        fields.error(
            "language",
            f"`{tag}` is not a language CLDR knows",
            "write the language tag of the source's text, such as en, ru or ur",
        )
        return ""
    return tag


def _publish_text(fields: Fields) -> bool:
    """`publish_text: false` keeps the local copy's text off the site; true or absent shows it."""
    return fields.flag(
        "publish_text",
        default=True,
        fix="write `publish_text: false` to keep the text off the site, or remove the line",
    )


def _local_text(fields: Fields, local: str, raw: RawContent) -> SeedText | None:
    """The text of the verbatim copy at `local`, or None after recording why there is none."""
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
        return raw.seeds[local]
    return None


def _web_address(fields: Fields, key: str) -> str | None:
    """A source's `url` or `archive`, if it is an http(s) address: it becomes a link on the
    source's page, and a `javascript:` one would run when a reader clicks it."""
    url = fields.text(key)
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
            key,
            f"`{visible(url)}` is not a web address",
            "write the address the source is published at, starting with https://"
            if key == "url"
            else "write the archived copy's address, such as https://web.archive.org/web/…",
        )
        return None
    return url
