"""The checks of files' ids: each against the rules of model/ids.py, and the clashes between
files' ids."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from generator import i18n
from generator.errors import ContentError
from generator.load.documents import Document
from generator.load.text import visible
from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH, RESERVED_IDS, slugify


def check_id(
    identifier: str,
    shown: str,
    what: str,
    errors: list[ContentError],
    taken: Collection[str] = (),
) -> bool:
    """Whether the file name `identifier` is a valid `what` id; if not, record why in `errors`."""
    if len(identifier) > MAX_ID_LENGTH:
        problem = f"the {what} id is {len(identifier)} characters long"
        fix = f"rename the file to at most {MAX_ID_LENGTH} characters"
        errors.append(ContentError(shown, 1, "id", problem, fix))
        return False
    if not ID_PATTERN.fullmatch(identifier):
        # The suggestion follows the file name: its apostrophes become hyphens like any other
        # mark, and it is not cut, the name having passed the length check.
        suggestion = slugify(identifier, max_length=None, join_apostrophes=False)
        fix = f"rename the file to `{suggestion}.md`"
        if suggestion in taken:  # `Foo.md` next to `foo.md`: suggesting `foo.md` would clash
            fix = (
                f"rename the file; `{suggestion}.md` exists, so merge the two or choose another id"
            )
        fix += _translation_hint(identifier)
        problem = (
            f"`{visible(identifier)}` is not a valid {what} id (lowercase letters, digits and "
            f"hyphens){_foreign(identifier)}"
        )
        errors.append(ContentError(shown, 1, "id", problem, fix))
        return False
    if identifier in RESERVED_IDS:
        errors.append(reserved_error(shown, 1, "id", identifier, "rename the file"))
        return False
    return True


def _translation_hint(identifier: str) -> str:
    """For `x.fr`, named as a translation would be: how to make it one, which only a language
    of site.yaml's `languages:` other than the first is."""
    original, dot, tag = identifier.rpartition(".")
    if not dot or not ID_PATTERN.fullmatch(original) or not i18n.known(tag):
        return ""
    return (
        f"; or, if it is the `{tag}` translation of `{original}`, list `{tag}` after the "
        "default language in `languages:` in site.yaml"
    )


def _foreign(identifier: str) -> str:
    """`; it contains U+0430 CYRILLIC SMALL LETTER A` for the first character that is not
    ASCII: a look-alike letter or an invisible one cannot be seen in the name."""
    for char in identifier:
        if not char.isascii():
            name = unicodedata.name(char, "an unnamed character")
            return f"; it contains U+{ord(char):04X} {name}"
    return ""


def reserved_error(shown: str, line: int, field: str, name: str, fix: str) -> ContentError:
    """The error for `name`, one of RESERVED_IDS, at `field`; `fix` says what to rename."""
    return ContentError(
        shown,
        line,
        field,
        f"`{name}` is a name that Windows reserves for a device, so no file or folder there "
        "can have it",
        f"{fix}, for example to `{name}-1`",
    )


def check_case_clashes(documents: list[Document], errors: list[ContentError]) -> None:
    """Record an error for every document whose id is an earlier one's, in another folder, or
    differs from it only in case."""
    by_folded: dict[str, Document] = {}
    for document in documents:
        folded = document.path.stem.casefold()
        other = by_folded.setdefault(folded, document)
        if other is document:
            continue
        if other.path.stem == document.path.stem:
            problem = f"`{document.path.stem}` is also the id of {other.shown}"
            fix = "rename one of the two files (the id is the file's name, whatever its folder)"
        else:
            problem = f"`{document.path.stem}` and `{other.path.stem}` differ only in case"
            fix = "rename one of the two files"
        errors.append(ContentError(document.shown, 1, "id", problem, fix))


def check_actor_event_clashes(
    actors: list[Document], events: list[Document], errors: list[ContentError]
) -> None:
    """Record an error for every event whose id is also an actor's, which makes links ambiguous."""
    actor_files = {document.path.stem: document.shown for document in actors}
    for document in events:
        event_id = document.path.stem
        actor_file = actor_files.get(event_id)
        if actor_file is not None:
            errors.append(
                ContentError(
                    document.shown,
                    1,
                    "id",
                    f"`{event_id}` is also the id of an actor ({actor_file}), "
                    f"so [[{event_id}]] is ambiguous",
                    "rename one of the two files, and update the links to it",
                )
            )
