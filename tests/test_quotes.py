"""Finding quotes in a source's text."""

from __future__ import annotations

import pytest

from generator.check.quotes import normalise, searchable

TEXT = "He said: “We have  already\ninformed India.”\nIt’s done."


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ('"We have already informed India."', "“We have  already\ninformed India.”"),
        ("We have already informed", "We have  already\ninformed"),
        ("It's done.", "It’s done."),
        ("  It’s   done.  ", "It’s done."),
        ("said: “We", "said: “We"),
    ],
)
def test_quotes_are_found_with_their_original_span(quote: str, found: str) -> None:
    span = searchable(TEXT).find(quote)
    assert span is not None
    assert TEXT[span[0] : span[1]] == found


@pytest.mark.parametrize("quote", ["we have already", "informed Pakistan", "", "   "])
def test_missing_or_empty_quotes_are_not_found(quote: str) -> None:
    assert searchable(TEXT).find(quote) is None


def test_normalise_straightens_quote_marks_and_collapses_space() -> None:
    assert normalise(" ‘a’\t\n“b” ") == "'a' \"b\""
