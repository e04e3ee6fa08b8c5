"""Markdown bodies and wiki links."""

from __future__ import annotations

from generator.model.wikilinks import find_wikilinks
from generator.render.markdown import MarkdownRenderer


def resolve(target: str) -> tuple[str, str] | None:
    return {"a": ("../a/", "Event A"), "russia": ("../../actors/russia/", "Russia")}.get(target)


def test_wikilinks_are_found_with_offsets() -> None:
    body = "See [[a]] and [[russia|the Russians]].\n[[ b ]]"
    found = [(link.target, link.text, link.offset) for link in find_wikilinks(body)]
    assert found == [("a", "", 4), ("russia", "the Russians", 14), ("b", "", 39)]


def test_wikilinks_render_as_links_with_titles_or_their_text() -> None:
    html = MarkdownRenderer().render("See [[a]] and [[russia|the Russians]].", resolve)
    assert html == (
        '<p>See <a href="../a/">Event A</a> and '
        '<a href="../../actors/russia/">the Russians</a>.</p>'
    )


def test_unknown_wikilinks_render_as_plain_text() -> None:
    html = MarkdownRenderer().render("[[nobody]]", resolve)
    assert html == '<p><span class="broken-link">nobody</span></p>'


def test_wikilinks_in_code_stay_literal() -> None:
    html = MarkdownRenderer().render("`[[a]]`", resolve)
    assert html == "<p><code>[[a]]</code></p>"


def test_one_renderer_is_reset_between_documents() -> None:
    renderer = MarkdownRenderer()
    first = renderer.render("Text[^1].\n\n[^1]: A note.", resolve)
    second = renderer.render("Plain.", resolve)
    assert "footnote" in first
    assert second == "<p>Plain.</p>"
