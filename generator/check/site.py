"""content/site.yaml: the site's title, address, language, eras and whether lists show
thumbnails."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator import i18n
from generator.check.fields import Fields
from generator.errors import ContentError, did_you_mean
from generator.load.yaml_lines import YamlData
from generator.model import urls
from generator.model.clock import UTC
from generator.model.timeline import (
    DEFAULT_STATUS,
    DEFAULT_STATUSES,
    PAGE_SIZE,
    PAGE_SIZES,
    Era,
    SiteConfig,
)

SITE_KEYS = (
    "title",
    "description",
    "language",
    "languages",
    "base_url",
    "domain",
    "default_status",
    "eras",
    "timezone",
    "thumbnails",
    "page_size",
    "history",
    "history_messages",
)
DOMAIN = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
ERA_KEYS = ("name", "date", "note")


def check_site(
    data: YamlData,
    shown: str,
    base_url_override: str | None,
    errors: list[ContentError],
    translations: dict[str, bytes] | None = None,
) -> SiteConfig | None:
    """The SiteConfig of site.yaml's `data`, or None when it is not a mapping; errors recorded."""
    if not isinstance(data.value, dict):
        errors.append(
            ContentError(shown, 1, "", "expected a mapping of keys", "write `title: …` lines")
        )
        return None
    fields = Fields(data, shown, errors)
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
    timezone = fields.zone("timezone") or UTC
    eras = _eras(fields, timezone)
    languages = _languages(fields)
    language = languages[0] if languages else _language(fields)
    by_language = translations or {}
    return SiteConfig(
        title=title,
        description=fields.text("description"),
        language=language,
        translations=by_language.get(i18n.base_language(language), b""),
        languages=languages,
        catalogs=tuple((tag, by_language.get(i18n.base_language(tag), b"")) for tag in languages),
        base_url=base_url,
        eras=tuple(eras),
        domain=_domain(fields, base_url),
        timezone=timezone,
        default_status=_default_status(fields),
        thumbnails=_thumbnails(fields),
        page_size=_page_size(fields),
        history=_history(fields),
        history_messages=fields.flag(
            "history_messages",
            default=False,
            fix="write `history_messages: true` to show commit messages in event histories",
        ),
        history_line=data.line("history") if "history" in fields.mapping else 0,
    )


def _language(fields: Fields) -> str:
    """site.yaml's `language`, a tag CLDR knows ('en' when unset or unknown, with an error)."""
    tag = fields.text("language", default="en") or "en"
    if i18n.known(tag):
        return tag
    fields.error(
        "language",
        f"`{tag}` is not a language CLDR knows",
        "write a language tag such as en, fr, pt-BR or zh-Hant",
    )
    return "en"


def _languages(fields: Fields) -> tuple[str, ...]:
    """site.yaml's `languages`, the first the default: () when it is not set (or is wrong, with
    an error), for a site of one `language:`."""
    if "languages" not in fields.mapping:
        return ()
    if "language" in fields.mapping:  # reported, and `languages` read all the same
        fields.error(
            "languages",
            "both `language` and `languages` are set",
            "keep `languages: [en, fr]` (its first is the default) and remove `language:`",
        )
    written = fields.text_list("languages")
    if not written:
        fields.error("languages", "is empty", "list the site's languages: `languages: [en, fr]`")
    tags: list[str] = []
    for index, tag in written:
        if not i18n.known(tag):
            fields.error(
                ("languages", index),
                f"`{tag}` is not a language CLDR knows",
                "write a language tag such as en, fr, pt-BR or zh-Hant",
            )
        elif tag in tags:
            fields.error(("languages", index), f"`{tag}` is listed twice", "list it once")
        else:
            tags.append(tag)
    return tuple(tags) if len(tags) == len(written) else ()


def _history(fields: Fields) -> bool:
    """Whether event pages show their history from git: `history: git`."""
    value = fields.text("history")
    if value and value != "git":
        fields.error("history", f"unknown history `{value}`", "write `history: git`, or remove it")
    return value == "git"


def _default_status(fields: Fields) -> str | None:
    """The status of events that state none: `reported` (also when absent), or None for `none`."""
    if isinstance(fields.mapping.get("default_status"), bool):  # `no`, `off`, `false` …
        fields.error(
            "default_status",
            "YAML reads this as a yes/no value, not a status",
            f"use one of: {', '.join(DEFAULT_STATUSES)}",
        )
        return DEFAULT_STATUS
    value = fields.text("default_status", default=DEFAULT_STATUS) or DEFAULT_STATUS
    if value not in DEFAULT_STATUSES:
        fields.error(
            "default_status",
            f"unknown default status `{value}`{did_you_mean(value, DEFAULT_STATUSES)}",
            f"use one of: {', '.join(DEFAULT_STATUSES)}",
        )
        return DEFAULT_STATUS
    return DEFAULT_STATUSES[value]


def _thumbnails(fields: Fields) -> bool:
    """Whether lists show each event's first image as a thumbnail: `thumbnails: true`."""
    return fields.flag(
        "thumbnails",
        default=False,
        fix="write `thumbnails: true` to show each event's first image in lists",
    )


def _page_size(fields: Fields) -> int:
    """How many events a list page shows before the next page begins: `page_size: 100`."""
    value = fields.mapping.get("page_size", PAGE_SIZE)
    low, high = PAGE_SIZES[0], PAGE_SIZES[-1]
    if isinstance(value, int) and not isinstance(value, bool) and value in PAGE_SIZES:
        return value
    shown = "a yes/no value" if isinstance(value, bool) else f"`{value}`" if value else "nothing"
    fields.error(
        "page_size",
        f"{shown} is not a number of events from {low} to {high}",
        f"write a whole number such as `page_size: {PAGE_SIZE}` (the default), or remove it",
    )
    return PAGE_SIZE


def _eras(fields: Fields, timezone: str) -> list[Era]:
    eras: list[Era] = []
    raw_eras = fields.mapping.get("eras") or []
    if not isinstance(raw_eras, list):
        fields.error("eras", "expected a list", "write each era as `- name: …` with a date")
        raw_eras = []
    for index, item in enumerate(raw_eras):
        if not isinstance(item, dict):
            fields.error(("eras", index), "expected a mapping", "give the era a name and a date")
            continue
        era = fields.nested("eras", index)
        era.check_keys(ERA_KEYS)
        name = era.text("name", required=True)
        date = era.date("date", required=True, zone=timezone)
        if name and date:
            eras.append(Era(name, date, era.text("note")))
    return eras


def _domain(fields: Fields, base_url: str) -> str:
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
