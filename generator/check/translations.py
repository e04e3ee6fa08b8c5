"""Translations, `<id>.<lang>.md` beside an event, actor or place (with `languages:` in
site.yaml): their words checked, and every fact they set refused, since the facts are the
original's; which events lack a translation, as warnings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from generator.check.fields import Fields
from generator.check.media import Files, body_media
from generator.errors import ContentError, counted, did_you_mean
from generator.load.documents import Document
from generator.model.languages import missing
from generator.model.timeline import Timeline
from generator.model.translations import TRANSLATED_KEYS, Translation, split_name


def split_translations(
    documents: list[Document], languages: tuple[str, ...]
) -> tuple[list[Document], list[Document]]:
    """`documents` as (originals, translations): a translation is named `<id>.<lang>.md` with
    `<lang>` one of the site's `languages` other than the first."""
    originals: list[Document] = []
    translations: list[Document] = []
    for document in documents:
        is_translation = split_name(document.path.stem, languages) is not None
        (translations if is_translation else originals).append(document)
    return originals, translations


def check_translations(
    kind: str,
    documents: list[Document],
    facts: tuple[str, ...],
    context: tuple[Collection[str], tuple[str, ...], Files],
    errors: list[ContentError],
) -> list[Translation]:
    """The translations of `documents` in content/<kind>/, whose originals' ids are the first of
    `context` (then the site's languages and the media files); `facts` are the keys only an
    original may set. Errors recorded."""
    originals, languages, files = context
    translations: list[Translation] = []
    for document in documents:
        named = split_name(document.path.stem, languages)
        assert named is not None, "split_translations chose only translations"
        identifier, language = named
        if identifier not in originals:
            errors.append(_unknown(document, kind, identifier, language, originals))
            continue
        fields = Fields(document.meta, document.shown, errors)
        _refuse_facts(fields, facts, kind, identifier)
        words = TRANSLATED_KEYS[kind]
        fields.check_keys((*words, *facts))
        title = fields.text(words[0], required=True)
        if not title:
            continue
        translations.append(
            Translation(
                kind,
                identifier,
                language,
                document.shown,
                title,
                document.body,
                summary=fields.text("summary") if kind == "events" else "",
                date_label=fields.text("date_label") if kind == "events" else "",
                body_media=body_media(document, files, errors),
                body_line=document.body_line,
            )
        )
    return translations


def _refuse_facts(fields: Fields, facts: tuple[str, ...], kind: str, identifier: str) -> None:
    """An error for every fact the translation sets: the original holds the facts."""
    allowed = ", ".join(f"`{key}`" for key in TRANSLATED_KEYS[kind])
    for key in fields.mapping:
        if key in facts and key not in TRANSLATED_KEYS[kind]:
            fields.error(
                key,
                f"a translation cannot set `{key}`, a fact that only the original "
                f"{kind}/{identifier}.md holds",
                f"remove it here (a translation sets only {allowed} and the body), and "
                "change it in the original if it is wrong",
            )


def _unknown(
    document: Document, kind: str, identifier: str, language: str, originals: Collection[str]
) -> ContentError:
    """The error for a translation of an id that has no original."""
    what = kind.removesuffix("s")
    return ContentError(
        document.shown,
        1,
        "id",
        f"this is the `{language}` translation of `{identifier}`, but there is no {what} "
        f"`{identifier}`{did_you_mean(identifier, originals)}",
        f"rename it to `<id>.{language}.md` after an existing {kind}/<id>.md, or delete it",
    )


def missing_warnings(timeline: Timeline) -> list[ContentError]:
    """A warning for every event without a translation into one of the site's other languages,
    by file."""
    return [
        ContentError(
            event.path,
            1,
            "translation",
            f"no `{language}` translation",
            f"add {event.path.removesuffix('.md')}.{language}.md with its title, summary and "
            "body; until then its page in that language shows the original",
        )
        for event, language in sorted(missing(timeline), key=lambda m: (m[0].path, m[1]))
    ]


def missing_counted(warnings: Sequence[ContentError]) -> list[ContentError]:
    """`warnings` with the missing translations into each language said once, counted: a build
    of a site still being translated would otherwise print a line per event on every run
    (`timeline check` lists them one by one)."""
    missing = Counter(w.problem for w in warnings if w.field == "translation")
    kept = [w for w in warnings if w.field != "translation"]
    return kept + [
        ContentError(
            "", 0, "translation", f"{problem} for {counted(count, 'event')}",
            "`timeline check` lists them; until then their pages show the original",
        )
        for problem, count in sorted(missing.items())
    ]  # fmt: skip
