"""A site in two languages (`languages: [en, fr]`): translations beside their originals, each
page's versions linked both ways, the notice over an untranslated event, quotes left verbatim
in their source's language, each language's feed and search index, the sitemap's alternates,
the errors of a translation that sets a fact or translates no file, and the Nu checker on a
page of each language."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from generator.build import check
from generator.cli import main
from tests.helpers import TEMPLATES, broken_links, build_into, parse_page, search_records
from tests.project_files import errors, make_project, project, replace, write

STRIKE_FR = """\
---
title: La frappe
summary: L’armée frappe.
---
L’[[army|armée]] a frappé.
"""
ARMY_FR = """\
---
name: L’Armée
---
L’armée du [[country|pays]].
"""
QUOTE = 'said on Tuesday that "the strike hit its target"'


def _two_languages(root: Path) -> Path:
    make_project(root)
    replace(root, "site.yaml", "language: en", "languages: [en, fr]")
    write(root, "events/strike.fr.md", STRIKE_FR)
    write(root, "actors/army.fr.md", ARMY_FR)
    replace(
        root,
        "events/denial.md",
        "    quote: Officials denied it the next day\n",
        "    quote: Officials denied it the next day\n"
        "    translation:\n      fr: Les responsables l’ont démenti le lendemain\n",
    )
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _two_languages(tmp_path_factory.mktemp("two"))
    build_into(root, root / "site")
    return root / "site"


def _alternates(page: bytes) -> dict[str, str]:
    head = page.decode()
    found = {}
    for line in head.splitlines():
        if line.startswith('<link rel="alternate" hreflang='):
            tag = line.split('hreflang="')[1].split('"')[0]
            found[tag] = line.split('href="')[1].split('"')[0]
    return found


def test_each_page_links_its_versions_both_ways(site: Path) -> None:
    english = (site / "events/strike/index.html").read_bytes()
    french = (site / "fr/events/strike/index.html").read_bytes()
    versions = {
        "en": "https://example.org/timeline/events/strike/",
        "fr": "https://example.org/timeline/fr/events/strike/",
        "x-default": "https://example.org/timeline/events/strike/",
    }
    assert _alternates(english) == versions == _alternates(french)
    assert '<a href="../../fr/events/strike/" hreflang="fr" lang="fr">Français</a>' in (
        english.decode()
    )
    assert '<a href="../../../events/strike/" hreflang="en" lang="en">English</a>' in (
        french.decode()
    )
    assert broken_links(site, "/timeline/") == []


def test_a_translated_page_shows_the_translation_and_the_facts_of_the_original(
    site: Path,
) -> None:
    page = (site / "fr/events/strike/index.html").read_text()
    assert '<html lang="fr">' in page
    assert "<h1>La frappe</h1>" in page and "L’armée frappe." in page
    assert "translation-notice" not in page
    assert "L’Armée" in page  # the actor's translated name
    army = (site / "fr/actors/army/index.html").read_text()
    assert "<h1>L’Armée</h1>" in army and '<div class="prose">' in army
    assert '<div class="prose" lang="en">' in (site / "fr/actors/country/index.html").read_text()
    assert "26 February 2019" in (site / "events/strike/index.html").read_text()
    assert 'datetime="2019-02-26"' in page  # the date, a fact, is the original's


def test_an_untranslated_event_shows_its_original_under_a_notice(site: Path) -> None:
    page = (site / "fr/events/aftermath/index.html").read_text()
    assert '<p class="translation-notice" role="note">Cet événement n’est pas encore traduit' in (
        page
    )
    assert '<h1 lang="en">The aftermath</h1>' in page
    assert '<div class="prose" lang="en">' in page
    index = (site / "fr/index.html").read_text()
    assert 'class="event-title" lang="en"><a href="events/aftermath/">The aftermath</a>' in index
    assert 'class="event-title"><a href="events/strike/">La frappe</a>' in index
    english = (site / "events/aftermath/index.html").read_text()
    assert "translation-notice" not in english and 'lang="en">The aftermath' not in english


def test_quotes_stay_verbatim_with_their_language(site: Path) -> None:
    french = (site / "fr/events/denial/index.html").read_text()
    assert (
        '<blockquote cite="https://example.org/article" lang="en">\n'
        "<p>Officials denied it the next day</p>\n</blockquote>\n"
        '<p class="quote-translation">Traduction : Les responsables l’ont démenti le lendemain</p>'
    ) in french
    english = (site / "events/denial/index.html").read_text()
    assert "<p>Officials denied it the next day</p>" in english
    assert "quote-translation" not in english and "<blockquote lang" not in english
    assert QUOTE.replace('"', "&#34;") in (site / "fr/events/strike/index.html").read_text()


def _search_records(folder: Path) -> dict[str, dict[str, Any]]:
    files = folder.glob("pagefind/fragment/*")
    return search_records({p.relative_to(folder).as_posix(): p.read_bytes() for p in files})


def test_each_language_has_its_feed_and_search_index(site: Path) -> None:
    english = feedparser.parse((site / "feed.xml").read_bytes())
    french = feedparser.parse((site / "fr/feed.xml").read_bytes())
    assert english.feed.language == "en" and french.feed.language == "fr"
    assert "The strike" in [entry.title for entry in english.entries]
    assert "La frappe" in [entry.title for entry in french.entries]
    assert [entry.link for entry in french.entries if entry.title == "La frappe"] == [
        "https://example.org/timeline/fr/events/strike/"
    ]
    french_titles = [r["meta"]["title"] for r in _search_records(site / "fr").values()]
    english_titles = [r["meta"]["title"] for r in _search_records(site).values()]
    assert "La frappe" in french_titles and "The strike" in english_titles
    assert "La frappe" not in english_titles
    entry = json.loads((site / "fr/pagefind/pagefind-entry.json").read_bytes())
    assert list(entry["languages"]) == ["fr"]
    assert not (site / "fr/sitemap.xml").exists() and not (site / "fr/.nojekyll").exists()


def test_the_sitemap_lists_every_language_with_its_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.fromstring((site / "sitemap.xml").read_bytes()).findall("s:url", ns)
    by_loc = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in urls
    }
    french = "https://example.org/timeline/fr/events/strike/"
    english = "https://example.org/timeline/events/strike/"
    expected = {"en": english, "fr": french, "x-default": english}
    assert by_loc[french] == by_loc[english] == expected
    pages = [p for p in site.rglob("*.html") if "embed" not in p.parts and p.name != "404.html"]
    assert len(by_loc) == len(pages)


def test_check_warns_of_every_missing_translation(tmp_path: Path) -> None:
    timeline = check(project(_two_languages(tmp_path)))
    missing = [str(w) for w in timeline.warnings if w.field == "translation"]
    assert missing == [
        "content/events/aftermath.md:1: translation: no `fr` translation — add "
        "content/events/aftermath.fr.md with its title, summary and body; until then its "
        "page in that language shows the original",
        "content/events/denial.md:1: translation: no `fr` translation — add "
        "content/events/denial.fr.md with its title, summary and body; until then its page "
        "in that language shows the original",
    ]


def test_a_build_counts_the_missing_translations_and_check_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _two_languages(tmp_path)
    assert main(["--root", str(root), "--templates", str(TEMPLATES), "build"]) == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "translation" in line]
    assert warned == [
        "warning: translation: no `fr` translation for 2 events — `timeline check` lists them; "
        "until then their pages show the original"
    ]
    assert main(["--root", str(root), "--templates", str(TEMPLATES), "check"]) == 0
    listed = [line for line in capsys.readouterr().err.splitlines() if "translation" in line]
    assert len(listed) == 2 and listed[0].startswith("warning: content/events/aftermath.md:1:")


def test_a_translation_that_sets_a_fact_is_refused(tmp_path: Path) -> None:
    root = _two_languages(tmp_path)
    replace(root, "events/strike.fr.md", "summary:", "date: 2019-02-27\nsummary:")
    assert errors(root) == [
        "content/events/strike.fr.md:3: date: a translation cannot set `date`, a fact that "
        "only the original events/strike.md holds — remove it here (a translation sets only "
        "`title`, `summary`, `date_label` and the body), and change it in the original if it "
        "is wrong"
    ]


def test_a_translation_of_an_unknown_id_is_refused(tmp_path: Path) -> None:
    root = _two_languages(tmp_path)
    write(root, "events/strik.fr.md", STRIKE_FR)
    assert errors(root) == [
        "content/events/strik.fr.md:1: id: this is the `fr` translation of `strik`, but there "
        "is no event `strik` (did you mean `strike`?) — rename it to `<id>.fr.md` after an "
        "existing events/<id>.md, or delete it"
    ]


def test_a_translation_into_a_language_not_listed_says_how_to_list_it(tmp_path: Path) -> None:
    root = _two_languages(tmp_path)
    write(root, "events/strike.de.md", STRIKE_FR)
    (message,) = [e for e in errors(root) if e.startswith("content/events/strike.de.md:1: id:")]
    assert "`strike.de` is not a valid event id" in message
    assert message.endswith(
        "; or, if it is the `de` translation of `strike`, list `de` after the default "
        "language in `languages:` in site.yaml"
    )


def test_language_and_languages_together_are_refused(tmp_path: Path) -> None:
    root = _two_languages(tmp_path)
    replace(root, "site.yaml", "languages: [en, fr]", "language: en\nlanguages: [en, fr]")
    assert errors(root) == [
        "content/site.yaml:4: languages: both `language` and `languages` are set — keep "
        "`languages: [en, fr]` (its first is the default) and remove `language:`"
    ]


@pytest.mark.browser
@pytest.mark.slow
def test_the_nu_checker_passes_a_page_of_each_language(site: Path) -> None:
    from tests.test_validators import vnu

    files = [
        site / path
        for path in (
            "index.html",
            "fr/index.html",
            "events/strike/index.html",
            "fr/events/strike/index.html",
            "fr/events/aftermath/index.html",
            "fr/events/denial/index.html",
        )
    ]
    assert all(parse_page(file.read_bytes()).refs for file in files)
    errors_found = vnu([file.resolve() for file in files])
    assert [e for found in errors_found.values() for e in found] == []


def test_a_translation_that_links_to_a_draft_is_refused_in_a_published_build(
    tmp_path: Path,
) -> None:
    root = _two_languages(tmp_path)
    replace(root, "events/aftermath.md", "date:", "draft: true\ndate:")
    replace(root, "events/strike.fr.md", "a frappé.", "a frappé, avant [[aftermath]].")
    assert errors(root) == [
        "content/events/strike.fr.md:5: body: links to the draft event aftermath — publish "
        "aftermath (remove draft: true) or remove the link"
    ]
