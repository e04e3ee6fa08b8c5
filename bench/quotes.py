"""Checking quotes against one large seed: `python -m bench.quotes [--megabytes 16] [--quotes
10000]` times indexing the seed, finding every quote, and the nearest passage of each of the
same quotes with one word changed (the error a wrong quote gets). Prints one JSON line.

The seed is made of sentences of a fixed vocabulary (Zipf-like, so common words are common),
with the characters extraction leaves behind (no-break spaces, soft hyphens, ligatures, curly
quotes, words hyphenated at a line's end) sprinkled in.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence

from generator.check.nearest import nearest, wrong_quote
from generator.check.quotes import searchable
from generator.load.seeds import text_breaks
from generator.model.timeline import Source

_ODDITIES = ("\u00a0", "\u00ad", "\ufb01", "\u201c", "\u2019", "-\n")


def seed(megabytes: float, rng: random.Random) -> str:
    """A text of about `megabytes` MB, a paragraph a line."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choices(letters, k=rng.randint(2, 10))) for _ in range(30_000)]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    lines: list[str] = []
    size = 0
    while size < megabytes * 1024 * 1024:
        sentence = " ".join(rng.choices(words, weights, k=rng.randint(12, 40)))
        if rng.random() < 0.3:
            at = rng.randrange(len(sentence))
            sentence = sentence[:at] + rng.choice(_ODDITIES) + sentence[at:]
        lines.append(sentence.capitalize() + ".")
        size += len(lines[-1]) + 1
    return "\n".join(lines) + "\n"


def quotes(text: str, count: int, rng: random.Random) -> list[str]:
    """`count` passages of 8 to 30 words within a line, as they are in the text."""
    picked: list[str] = []
    while len(picked) < count:
        start = text.find(" ", rng.randrange(len(text) - 400)) + 1
        line = text[start : text.find("\n", start)]
        words = line.split(" ")[: rng.randint(8, 30)]
        if len(words) >= 8:
            picked.append(" ".join(words))
    return picked


def changed(quote: str, rng: random.Random) -> str:
    """The quote with one of its middle words misspelt."""
    words = quote.split(" ")
    at = rng.randrange(1, len(words) - 1)
    words[at] = words[at] + "s"
    return " ".join(words)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=16)
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args(argv)
    rng = random.Random(15)
    text = seed(args.megabytes, rng)
    picked = quotes(text, args.quotes, rng)
    wrong = [changed(quote, rng) for quote in picked]
    timings: dict[str, float] = {}

    started = time.perf_counter()
    index = searchable(text, text_breaks(text))
    timings["index_s"] = time.perf_counter() - started

    started = time.perf_counter()
    found = sum(1 for quote in picked if index.find(quote) is not None)
    timings["find_all_s"] = time.perf_counter() - started

    started = time.perf_counter()
    index.words()  # made by the lookups above already, once they had read enough
    timings["word_index_s"] = time.perf_counter() - started

    source = Source("s", "S", "", "", None, None, "seeds/s.txt", "", text)
    started = time.perf_counter()
    messages = [wrong_quote(source, index, quote) for quote in wrong]
    timings["nearest_all_s"] = time.perf_counter() - started
    named = sum(1 for message in messages if message.startswith("the nearest passage"))
    right = 0  # of the first 1,000: the nearest passage is where the quote was taken from
    for quote, wrong_one in zip(picked[:1000], wrong[:1000], strict=True):
        taken, passage = index.find(quote), nearest(index, wrong_one)
        right += bool(taken and passage and abs(passage.start - taken[0]) < 40)
    print(
        json.dumps(
            {
                "megabytes": round(len(text.encode()) / 1024 / 1024, 1),
                "quotes": len(picked),
                "found": found,
                "wrong_quotes_with_a_nearest_passage": named,
                "right_passage_of_1000": right,
                **{key: round(value, 2) for key, value in timings.items()},
                "nearest_per_quote_ms": round(timings["nearest_all_s"] / len(wrong) * 1000, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
