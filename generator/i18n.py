"""The site's language: the theme's words from a message catalog, and CLDR's data (month and
era names, number and list patterns, plural rules) for dates and counts, through Babel.

A catalog is a `.po` file, read and compiled in memory once per build: the package ships one
per language in generator/locale/<lang>/LC_MESSAGES/messages.po, and a project may add or
override messages in translations/<lang>.po. A language Babel knows but no catalog covers
gets CLDR's dates with the English interface."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import babel
from babel.lists import format_list
from babel.messages import mofile, pofile
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
# Languages written right to left, whose pages mirror.
RIGHT_TO_LEFT = frozenset({"ar", "ur", "he", "fa"})


def N_(message: str) -> str:
    """`message` unchanged, marked for extraction: tables translated where they are shown."""
    return message


def catalog_path(language: str) -> Path:
    """Where the package's catalog for `language` is, whether or not it exists."""
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


def base_language(language: str) -> str:
    """'pt-BR' -> 'pt': the part of a language tag that names the catalog."""
    return language.replace("_", "-").split("-")[0].lower()


def _read(po: bytes, language: str) -> Translations:
    """The messages of the .po file `po`, compiled in memory."""
    catalog = pofile.read_po(io.BytesIO(po), locale=language)
    compiled = io.BytesIO()
    mofile.write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@dataclass(frozen=True)
class Language:
    """A site's language: its tag, CLDR locale and translations (catalog, then project's)."""

    tag: str
    locale: babel.Locale
    translations: Translations = field(compare=False)
    has_catalog: bool = True

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', for the `dir` attribute."""
        return "rtl" if base_language(self.tag) in RIGHT_TO_LEFT else "ltr"

    @property
    def is_english(self) -> bool:
        """Whether dates keep the project's own English words rather than CLDR's."""
        return base_language(self.tag) == "en"

    def gettext(self, message: str) -> str:
        """`message` in this language."""
        return str(self.translations.gettext(message))

    def say(self, message: str, **values: str) -> str:
        """`message` in this language with its `%(name)s` placeholders filled."""
        return self.gettext(message) % values

    @property
    def plural_samples(self) -> tuple[tuple[str, int], ...]:
        """Each CLDR plural category of this language ('one', 'few', 'other'…) with the least
        count that takes it: the counts a page's script words are made with."""
        found: dict[str, int] = {}
        for count in range(1000):
            found.setdefault(self.locale.plural_form(count), count)
        return tuple(found.items())

    def either(self, items: Iterable[str]) -> str:
        """'a, b or c' as this language lists alternatives."""
        return format_list(list(items), style="or", locale=self.locale)

    def ngettext(self, singular: str, plural: str, count: int, **values: str) -> str:
        """The form of `singular`/`plural` that `count` takes in this language, formatted with
        `count` as `%(num)d` and `values`."""
        return str(self.translations.ngettext(singular, plural, count)) % {"num": count, **values}


@functools.cache
def language(tag: str, project_po: bytes = b"") -> Language:
    """The Language for a site's `language:` tag; `project_po` is the project's
    translations/<lang>.po, whose messages add to or override the catalog's. Raises
    ValueError for a tag CLDR does not know (the site check reports it first)."""
    locale = babel.Locale.parse(tag.replace("-", "_"))
    base = base_language(tag)
    shipped = catalog_path(base)
    has_catalog = shipped.is_file() or base == "en"
    translations = _read(shipped.read_bytes(), base) if shipped.is_file() else Translations()
    if project_po:
        translations.merge(_read(project_po, base))  # the project's messages win
        has_catalog = True
    return Language(tag, locale, translations, has_catalog)


# The language of the project's own words, which every date and label defaults to: its
# messages are their own msgids, so no catalog is read.
ENGLISH = Language("en", babel.Locale("en"), Translations())
Spoken = Language | str  # a Language, or a tag read with the shipped catalog alone


def spoken(which: Spoken) -> Language:
    """`which` if it is a Language, else the Language of the tag `which`, shipped catalog alone."""
    return which if isinstance(which, Language) else language(which)


def known(tag: str) -> bool:
    """Whether CLDR, and so Babel, knows the language tag `tag`."""
    try:
        babel.Locale.parse(tag.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return False
    return True


def own_name(tag: str) -> str:
    """The language `tag` named in itself, as a language switcher lists it: 'Français'."""
    name = babel.Locale.parse(tag.replace("-", "_")).get_display_name() or tag
    return name[:1].upper() + name[1:]


def missing_catalog(tag: str) -> tuple[str, str]:
    """The warning for a language without a catalog: what stays English, and how to add one."""
    base = base_language(tag)
    return (
        f"`{tag}` has no message catalog: dates follow CLDR, the theme's words stay English",
        f"add translations/{base}.po beside content/ (copy a catalog of the theme's "
        "generator/locale/ and translate each msgstr)",
    )
