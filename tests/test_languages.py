"""The site's language: every shipped catalog holds every message the theme and the generator
mark, the golden fixture builds in other languages (in French and Urdu with no English interface
word left, its dates in the language, the Urdu overview right to left), a language without a
catalog keeps the English interface with one warning, and a project's own translations win."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator import i18n
from generator.build import check
from generator.project import Project
from tests.helpers import FIXTURE, REPO, TEMPLATES, build_into, search_records
from tests.interface_words import check_french_dates, check_urdu, english_left

METHODS = [("**.py", "python"), ("**.html", "jinja2")]
OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}}
SHIPPED = sorted(path.parent.parent.name for path in i18n.LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def _marked() -> set[str]:
    """Every message the generator's code and the theme's templates mark, as Babel extracts it."""
    found = set()
    for folder in (REPO / "generator", TEMPLATES):
        for _file, _line, message, _comments, _context in extract_from_dir(
            folder, METHODS, OPTIONS, keywords={**_KEYWORDS}
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def test_a_catalog_is_shipped_for_each_language_the_readme_names() -> None:
    named = "ar, de, en, es, fr, hi, it, ja, pt, ru, ur and zh"
    assert named in (REPO / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    assert sorted(named.replace(" and", ",").split(", ")) == SHIPPED


@pytest.mark.parametrize("language", SHIPPED)
def test_every_shipped_catalog_translates_every_marked_message(language: str) -> None:
    with i18n.catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language)
    held = {m.id[0] if isinstance(m.id, tuple) else m.id: m for m in catalog if m.id}
    assert sorted(_marked() - held.keys()) == [], f"add these messages to {language}'s catalog"
    empty = [key for key, m in held.items() if not all(m.string if m.pluralizable else [m.string])]
    assert empty == []


def _project(tmp_path: Path, language: str) -> Path:
    root = tmp_path / "project"
    for part in ("content", "seeds"):
        shutil.copytree(FIXTURE / part, root / part)
    site = root / "content" / "site.yaml"
    site.write_text(site.read_text().replace("language: en", f"language: {language}"))
    return root


def test_the_golden_fixture_speaks_french(tmp_path: Path) -> None:
    root = _project(tmp_path, "fr")
    pages = build_into(root, tmp_path / "site")
    index = pages["index.html"].decode()
    assert '<html lang="fr">' in index
    assert ">Chronologie</a>" in index and "Skip to content" not in index
    assert "Filtrer la chronologie" in index
    assert "événement" in pages["tags/index.html"].decode() or "Étiquettes" in index
    # No word of the English interface left, dates in French (tests/interface_words.py).
    assert english_left(pages, "fr") == []
    check_french_dates(pages)
    # The search's filters and results name statuses and years in French too.
    filters = json.loads(pages["search-filters.json"])
    assert ["confirmed", "Confirmé"] in filters["status"] and ["-43", "44 av. J.-C."] in filters[
        "year"
    ]
    records = search_records(pages).values()
    assert {r["meta"]["status"] for r in records} >= {"Confirmé", "Contesté"}


@pytest.mark.parametrize("language", [tag for tag in SHIPPED if tag not in ("en", "fr")])
def test_the_golden_fixture_builds_in_every_shipped_language(tmp_path: Path, language: str) -> None:
    # Rendering every page catches a translation whose %(name)s placeholders do not match.
    pages = build_into(_project(tmp_path, language), tmp_path / "site")
    index = pages["index.html"].decode()
    direction = ' dir="rtl"' if language in i18n.RIGHT_TO_LEFT else ""
    assert f'<html lang="{language}"{direction}>' in index
    words = i18n.language(language)
    assert f">{words.gettext('Timeline')}</a>" in index and "Skip to content" not in index
    # The fixture's counts (7 events, 3 actors, 5 tags, 1 source) take several plural forms.
    counts = [("event", 7), ("actor", 3), ("tag", 5), ("source", 1)]
    shown = " · ".join(words.ngettext(f"%(num)d {w}", f"%(num)d {w}s", n) for w, n in counts)
    assert f'<p class="counts">{shown}</p>' in index
    if language == "ur":  # written right to left (tests/interface_words.py)
        assert english_left(pages, language) == []
        check_urdu(pages)


def test_a_language_without_a_catalog_keeps_english_words_with_one_warning(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path, "fa")
    timeline = check(Project.at(root, templates=TEMPLATES))
    warnings = [w for w in timeline.warnings if w.field == "language"]
    assert len(warnings) == 1 and "translations/fa.po" in warnings[0].fix
    pages = build_into(root, tmp_path / "site")
    assert '<html lang="fa" dir="rtl">' in pages["index.html"].decode()


def test_a_projects_translations_add_to_and_override_the_catalog(tmp_path: Path) -> None:
    root = _project(tmp_path, "fr")
    (root / "translations").mkdir()
    (root / "translations" / "fr.po").write_text(
        'msgid "Timeline"\nmsgstr "Frise"\n', encoding="utf-8"
    )
    index = build_into(root, tmp_path / "site")["index.html"].decode()
    assert ">Frise</a>" in index and "Filtrer la chronologie" in index


def test_an_unknown_language_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, "xx-nowhere")
    with pytest.raises(Exception, match="not a language CLDR knows"):
        check(Project.at(root, templates=TEMPLATES))
