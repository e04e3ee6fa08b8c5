"""Finding quotes in a source's text: each rule of what is forgiven, each thing that is not,
quotes with an ellipsis, and the nearest passage to a quote that is not there."""

from __future__ import annotations

import pytest

from generator.check.nearest import nearest, where, wrong_quote
from generator.check.quotes import normalise, searchable
from generator.load.seeds import text_breaks
from generator.model.timeline import Source

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


# Each rule: the text as extraction leaves it, the quote as a reader copies it.
FORGIVEN = [
    ("no-break space", "the\u00a0damage was slight", "the damage was slight"),
    ("narrow no-break space", "10\u202f000 tonnes", "10 000 tonnes"),
    ("zero-width space", "the dam\u200bage was slight", "the damage was slight"),
    ("word joiner", "the dam\u2060age", "the damage"),
    ("byte-order mark inside", "the \ufeffdamage", "the damage"),
    ("soft hyphen", "the dam\u00adage was slight", "the damage was slight"),
    ("ligature fi", "the \ufb01rst ferry", "the first ferry"),
    ("ligature ffl", "an ba\ufb04ing case", "an baffling case"),
    ("NFKC full-width", "\uff21\uff22\uff23 news", "ABC news"),
    ("NFKC composed accent", "the cafe\u0301 opened", "the café opened"),
    ("ellipsis character", "wait\u2026 then", "wait... then"),
    ("hyphenated at a line break", "beyond re-\npair", "beyond repair"),
    ("hyphenated, spaces around", "beyond re- \n  pair", "beyond repair"),
    ("real hyphen at a line break", "a well-\nknown case", "a well-known case"),
    ("Unicode hyphen", "a well\u2010known case", "a well-known case"),
    ("curly apostrophe", "the harbour’s cranes", "the harbour's cranes"),
    ("guillemets", "«non» he said", '"non" he said'),
    ("line break", "the damage\nwas slight", "the damage was slight"),
    ("tab and spaces", "the \t damage", "the damage"),
]


@pytest.mark.parametrize(("rule", "text", "quote"), FORGIVEN, ids=[f[0] for f in FORGIVEN])
def test_what_a_reader_does_not_see_is_forgiven(rule: str, text: str, quote: str) -> None:
    # The span covers the whole passage in the original, its invisible characters included.
    assert searchable(text).find(quote) == (0, len(text)), rule


NOT_FORGIVEN = [
    ("a changed word", "the strike hit its target", "the strikes hit its target"),
    ("a changed number", "forty kilometres", "fourteen kilometres"),
    ("a changed digit", "on 28 February", "on 29 February"),
    ("a dropped not", "the recommendations are not binding", "the recommendations are binding"),
    ("an added not", "the cranes were secured", "the cranes were not secured"),
    ("case", "The harbour", "the harbour"),
    ("punctuation", "sound, but", "sound; but"),
    ("a superscript is not a digit", "10² tonnes", "102 tonnes"),
    ("a dash is not a hyphen", "2019–2020", "2019-2020"),
    ("a hyphen within a line", "re-pair", "repair"),
    ("a hyphen before a digit at a break", "page 3-\n4", "page 34"),
    ("words run together", "the damage", "thedamage"),
]


@pytest.mark.parametrize(("rule", "text", "quote"), NOT_FORGIVEN, ids=[f[0] for f in NOT_FORGIVEN])
def test_what_a_reader_sees_is_not_forgiven(rule: str, text: str, quote: str) -> None:
    assert searchable(text).find(quote) is None, rule


PARAGRAPHS = (
    "The two cranes will be replaced by the end of the year, the port authority said.\n\n"
    "Until then, ships are sent to Saint Aubin, where dock workers agreed to extra shifts.\n"
)


@pytest.mark.parametrize(
    ("quote", "parts"),
    [
        (
            "The two cranes will be replaced … the port authority said",
            ["The two cranes will be replaced", "the port authority said"],
        ),
        ("cranes ... year", ["cranes", "year"]),
        ("cranes [...] year […] said", ["cranes", "year", "said"]),
        ("…ships are sent to Saint Aubin…", ["ships are sent to Saint Aubin"]),
    ],
)
def test_an_ellipsis_leaves_words_out(quote: str, parts: list[str]) -> None:
    found = searchable(PARAGRAPHS, text_breaks(PARAGRAPHS)).find_parts(quote)
    assert found is not None
    assert [PARAGRAPHS[a:b] for a, b in found] == parts


@pytest.mark.parametrize(
    "quote",
    [
        "the port authority said … The two cranes",  # out of order
        "the port authority said … Until then",  # across paragraphs
        "cranes … dock workers",  # across paragraphs
        "cranes … the harbour master",  # a part that is not there
    ],
)
def test_ellipsis_parts_must_be_in_order_within_one_paragraph(quote: str) -> None:
    assert searchable(PARAGRAPHS, text_breaks(PARAGRAPHS)).find_parts(quote) is None


def test_the_first_part_is_tried_at_each_place_it_appears() -> None:
    text = "the cranes fell.\n\nthe cranes will be replaced by the end of the year.\n"
    found = searchable(text, text_breaks(text)).find_parts("the cranes … year")
    assert found is not None
    assert found[0][0] == text.index("the cranes will")


def test_a_text_without_blank_lines_has_a_paragraph_a_line() -> None:
    assert text_breaks("one\ntwo\nthree\n") == (3, 7, 13)
    assert text_breaks("one\ntwo\n\nthree\n") == (7,)


def _source(text: str, kind: str = "text", pages: tuple[int, ...] = ()) -> Source:
    return Source("s", "S", "", "", None, None, "seeds/s.txt", "", text, kind=kind, pages=pages)


SEED = (
    "India's air force struck a camp in Balakot.\n"
    "Officials called it a pre-emptive strike.\n"
    "It was not the first time: in 2016 the army spoke of the surgical strike carried out by "
    "its special forces across the line of control.\n"
)


@pytest.mark.parametrize(
    ("quote", "fix"),
    [
        (
            "the surgical strikes carried out by",
            'the nearest passage (line 3) reads "…the surgical strike carried out by…": the '
            'quote has "strikes" where the source has "strike"',
        ),
        (
            "Officials called it a strike.",
            'the nearest passage (line 2) reads "Officials called it a pre-emptive strike.": the '
            'source has "pre-emptive", which the quote leaves out',
        ),
        (
            "It was the first time",
            'the nearest passage (line 3) reads "It was not the first time…": the source has '
            '"not", which the quote leaves out',
        ),
        (
            "in 2017 the army spoke of",
            'the nearest passage (line 3) reads "…in 2016 the army spoke of…": the quote has '
            '"2017" where the source has "2016"',
        ),
        (
            "India's navy struck a camp in Balakot",
            'the nearest passage (line 1) reads "India\'s air force struck a camp in Balakot…": '
            'the quote has "navy" where the source has "air force"',
        ),
        (
            "the weather in Paris is mild this spring",
            "copy the passage exactly from the source (whitespace and quote marks may differ)",
        ),
    ],
)
def test_the_nearest_passage_names_the_difference(quote: str, fix: str) -> None:
    source = _source(SEED)
    text = searchable(SEED, text_breaks(SEED))
    assert text.find(quote) is None
    assert wrong_quote(source, text, quote) == fix


def test_the_nearest_passage_of_parts_in_two_paragraphs() -> None:
    source = _source(SEED)
    text = searchable(SEED, text_breaks(SEED))
    quote = "pre-emptive strike … It was not the first time"
    assert text.find(quote) is None
    assert wrong_quote(source, text, quote) == (
        'the nearest passage (line 2) reads "…pre-emptive strike. It was not the first time…": '
        "its parts are there, but not in this order within one paragraph"
    )


def test_where_a_passage_is_by_kind_of_source() -> None:
    pdf = _source("page one\n\npage two\n\npage three", "pdf", (0, 10, 20))
    assert [where(pdf, at) for at in (0, 9, 10, 25)] == ["p. 1", "p. 1", "p. 2", "p. 3"]
    page = _source("Home\n\nThe article\nwith a break\n\nFooter", "html")
    assert where(page, page.text.index("with")) == "paragraph 2"
    assert where(_source(SEED), SEED.index("Officials")) == "line 2"


def test_many_differences_are_counted_not_listed() -> None:
    quote = (
        "It was not the last time: in 2016 the navy spoke of the surgical raid carried out by its "
        "regular forces across the edge of control."
    )
    found = nearest(searchable(SEED), quote)
    assert found is not None
    assert SEED[found.start : found.end] == SEED.splitlines()[2]
    assert found.differences == (
        'the quote has "last" where the source has "first"',
        'the quote has "navy" where the source has "army"',
        'the quote has "raid" where the source has "strike"',
        "2 more differences",
    )
