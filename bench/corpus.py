"""A deterministic synthetic timeline: `python -m bench.corpus --events N --out DIR`.

Writes DIR/content/ and DIR/seeds/ in the content format of README.md: a site.yaml with eras, four
sources with generated verbatim seed texts, 50 actors, 30 tags and N events with 150–250-word
Markdown bodies, every date form in realistic shares, statuses, relations and quotes taken from
the seed texts. The same N and seed always give the same bytes: one `random.Random`, no clock.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import json
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SEED = 7
MARKER = ".bench-corpus"  # marks a folder this module made, so a rerun may replace its content
BASE_URL = "https://example.github.io/bench/"
ACTOR_COUNT = 50
TAGS = (
    *("arms-deals", "helicopters", "air-defence", "naval-exercises", "diplomacy", "sanctions"),
    *("border-clashes", "training", "intelligence", "nuclear", "missiles", "tanks"),
    *("fighter-jets", "submarines", "cyber", "peacekeeping", "summits", "trade"),
    *("energy", "elections", "protests", "treaties", "aid", "drones"),
    *("space", "shipbuilding", "logistics", "ceasefires", "refugees", "terrorism"),
)
# (form, weight per thousand): mostly whole days, as reporting has them; the rest in rough
# proportion to how often a chronology needs them.
DATE_FORMS = (
    ("day", 690),
    ("month", 100),
    ("year", 50),
    ("qualified", 60),
    ("day-interval", 40),
    ("month-interval", 15),
    ("open-end", 10),
    ("open-start", 10),
    ("unknown-end", 8),
    ("unknown-start", 7),
    ("bce", 10),
)
# (status, weight per thousand); None writes no `status:` key, which means `reported`.
STATUSES = (
    ("confirmed", 300),
    (None, 225),
    ("reported", 225),
    ("planned", 70),
    ("disputed", 100),
    ("denied", 80),
)
RELATION_KINDS = (
    *("related-to", "denies", "confirms", "disputes", "responds-to"),
    *("follows", "precedes", "part-of", "causes"),
)

COUNTRIES = (
    *("Arvenia", "Belmark", "Corvania", "Dravia", "Eskaria"),
    *("Faltor", "Galvia", "Hestoria", "Ilmora", "Jorvenia"),
)
BRANCHES = ("Army", "Navy", "Air Force")
FIRST_NAMES = (
    *("Amara", "Bogdan", "Celia", "Dmitri", "Elena", "Farid", "Greta"),
    *("Hassan", "Irina", "Jonas", "Kamal", "Lidia", "Marek", "Nadia"),
)
LAST_NAMES = (
    *("Aldana", "Brekke", "Castell", "Dorn", "Esposito", "Falk", "Grebov"),
    *("Halloran", "Ivanic", "Jansen", "Kovacs", "Lindqvist", "Moreau", "Novak"),
)
ROLES = ("defence minister", "foreign minister", "army chief", "president", "ambassador")
ORGANISATIONS = (
    *("Northern Defence Council", "Coastal Security Forum", "United Arms Registry"),
    *("Continental Trade Bloc", "Joint Procurement Agency", "Regional Monitoring Mission"),
    *("Institute for Strategic Affairs", "Office of Export Controls"),
)
SYSTEMS = (
    *("K-12 helicopter", "Aster air-defence system", "Tarn-4 tank", "Vesna frigate"),
    *("Orel missile", "Sokol trainer jet"),
)
PLACES = (
    *("the capital", "Port Halden", "Vetra", "Lake Ousk", "the northern border", "Carrow"),
    *("Mirabel", "the eastern coast", "Stennet", "Dunmore", "Ashby airbase", "Kelso"),
    *("the southern provinces", "Lorne", "Tavira", "Brisk", "Solvay", "Qaret", "Emberly", "Rook"),
)
SUBJECTS = (
    *("the defence ministry", "officials", "a senior diplomat", "the government"),
    *("analysts", "the joint staff", "negotiators", "the parliament", "the ministry’s spokesman"),
    *("two retired generals", "the state news agency", "the opposition", "military sources"),
)
VERBS = (
    # (present, past)
    *(("signs", "signed"), ("announces", "announced"), ("discusses", "discussed")),
    *(("reviews", "reviewed"), ("rejects", "rejected"), ("confirms", "confirmed")),
    *(("delays", "delayed"), ("expands", "expanded"), ("proposes", "proposed")),
    *(("questions", "questioned"), ("welcomes", "welcomed"), ("denies", "denied")),
)
ADJECTIVES = (
    *("a new", "the long-awaited", "a limited", "an expanded", "a disputed", "the revised"),
    *("a joint", "a secret", "a costly", "an interim", "a second", "a regional"),
)
NOUNS = (
    *("agreement", "exercise", "purchase", "training programme", "supply contract", "summit"),
    *("visit", "inspection", "credit line", "maintenance deal", "radar upgrade", "port call"),
    *("air-defence order", "helicopter deal", "border patrol", "naval drill", "arms embargo"),
)
TAILS = (
    *("after months of talks", "despite objections from its neighbours"),
    *("according to local reports", "at a closed meeting", "for the second time this year"),
    *("without giving a date", "as the talks resumed", "in a statement on state television"),
    *("before the end of the fiscal year", "weeks after the previous round"),
    *("under pressure from its allies", "while the details stayed unclear"),
)
CLAUSES = (
    *("although no figures were published", "which the opposition called premature"),
    *("and the talks are expected to continue", "but the timing remains uncertain"),
    *("as the region’s tensions grew", "and the foreign ministry declined to comment"),
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A generated actor: its id, name, kind and optional aliases."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeedSource:
    """A generated source with its verbatim text and the sentences that quotes are taken from."""

    id: str
    title: str
    publisher: str
    author: str
    date: str
    url: str
    text: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a corpus holds, as `generate` reports it."""

    events: int
    actors: int
    sources: int
    body_words: int
    files: int


def slug(text: str, limit: int = 50) -> str:
    """Text -> a lowercase, hyphenated id of at most `limit` characters, cut at a hyphen."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")
    if len(words) <= limit:
        return words
    return words[:limit].rsplit("-", 1)[0]


def _quoted(text: str) -> str:
    """A YAML scalar for `text`: plain when that is safe, else a double-quoted (JSON) string."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.’'()–-]*", text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def _sentence(rng: random.Random, subject: str | None = None) -> str:
    subject = subject or rng.choice((*SUBJECTS, *COUNTRIES))
    verb = rng.choice(VERBS)[1]
    text = f"{subject} {verb} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(TAILS)}"
    if rng.random() < 0.4:
        text += f", {rng.choice(CLAUSES)}"
    return text[0].upper() + text[1:] + "."


def _title(rng: random.Random) -> str:
    subject = rng.choice(COUNTRIES) if rng.random() < 0.6 else rng.choice(SUBJECTS)
    text = f"{subject} {rng.choice(VERBS)[0]} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    return text[0].upper() + text[1:]


def _weighted_distinct(rng: random.Random, items: Sequence[str], count: int) -> list[str]:
    """`count` different items, the earlier ones likelier (Zipf-like), as real mentions are."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(items))]
    chosen: list[str] = []
    while len(chosen) < count:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def make_actors(rng: random.Random) -> list[Actor]:
    """The 50 actors: countries, armed forces, people, organisations and weapon systems."""
    actors = [Actor(slug(name), name, "country", ()) for name in COUNTRIES]
    for country in COUNTRIES[:4]:
        for branch in BRANCHES:
            name = f"{country} {branch}"
            aliases = (f"{country[:3].upper()} {branch.split()[0]}",) if branch != "Army" else ()
            actors.append(Actor(slug(name), name, "armed force", aliases))
    people = [(first, last) for first in FIRST_NAMES for last in LAST_NAMES]
    for first, last in rng.sample(people, 14):
        name = f"{first} {last}"
        actors.append(Actor(slug(name), name, "person", (f"{first[0]}. {last}",)))
    actors.extend(Actor(slug(name), name, "organisation", ()) for name in ORGANISATIONS)
    actors.extend(Actor(slug(name), name, "weapon system", ()) for name in SYSTEMS)
    assert len(actors) == ACTOR_COUNT and len({a.id for a in actors}) == ACTOR_COUNT
    return actors


def make_sources(rng: random.Random) -> list[SeedSource]:
    """Four sources, each with a verbatim text of 3,000 to 5,000 words in paragraphs."""
    specs = (
        (
            "defence-weekly-review",
            "Defence Weekly: the year in review",
            "Defence Weekly",
            "2020-03",
        ),
        (
            "coastal-herald-archive",
            "The Coastal Herald's defence coverage",
            "Coastal Herald",
            "2016",
        ),
        ("ministry-white-paper", "Ministry of Defence white paper", "Ministry of Defence", "2012~"),
        (
            "monitor-field-reports",
            "Field reports of the monitoring mission",
            "Regional Monitor",
            "",
        ),
    )
    sources: list[SeedSource] = []
    for source_id, title, publisher, date in specs:
        sentences: list[str] = []
        paragraphs: list[str] = []
        words, target = 0, rng.randint(3000, 5000)
        while words < target:
            paragraph = [_sentence(rng) for _ in range(rng.randint(4, 7))]
            sentences.extend(paragraph)
            paragraphs.append(" ".join(paragraph))
            words += sum(len(s.split()) for s in paragraph)
        author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        url = f"https://example.org/{source_id}" if date else ""
        text = f"{title}\nBy {author}\n\n" + "\n\n".join(paragraphs) + "\n"
        sources.append(
            SeedSource(source_id, title, publisher, author, date, url, text, tuple(sentences))
        )
    return sources


def _day(rng: random.Random, first: int = 1990, last: int = 2024) -> datetime.date:
    year, month = rng.randint(first, last), rng.randint(1, 12)
    return datetime.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))


def _edtf_year(year: int) -> str:
    """An astronomical year as EDTF writes it: four digits, with '-' before BC years only."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def make_date(rng: random.Random) -> str:
    """One event date in the EDTF subset, in the shares of DATE_FORMS."""
    form = rng.choices([f for f, _ in DATE_FORMS], [w for _, w in DATE_FORMS])[0]
    day = _day(rng)
    if form == "day":
        return day.isoformat()
    if form == "month":
        return day.isoformat()[:7]
    if form == "year":
        return str(day.year)
    if form == "qualified":
        return day.isoformat()[: rng.choice((4, 4, 7, 10))] + rng.choice("?~%")
    if form == "day-interval":
        end = day + datetime.timedelta(days=rng.randint(1, 30))
        return f"{day.isoformat()}/{end.isoformat()}"
    if form == "month-interval":
        months = day.year * 12 + day.month - 1 + rng.randint(1, 8)
        return f"{day.isoformat()[:7]}/{months // 12:04d}-{months % 12 + 1:02d}"
    if form == "open-end":
        return f"{day.isoformat()[: rng.choice((4, 7))]}/.."
    if form == "open-start":
        return f"../{day.isoformat()}"
    if form == "unknown-end":
        return f"{day.isoformat()}/"
    if form == "unknown-start":
        return f"/{day.year}"
    # BCE, in astronomical years as EDTF numbers them; day 28 at most, as leap years vary.
    year = -rng.randint(1, 999)
    return rng.choice(
        (
            f"-{-year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"-{-year:04d}",
            f"-{-year:04d}~",
            f"-{-year:04d}/{_edtf_year(year + rng.randint(1, 30))}",
        )
    )


def _body(
    rng: random.Random,
    names: dict[str, str],
    own_actors: Sequence[str],
    other_event: str | None,
) -> str:
    """A Markdown body of 150–250 words: paragraphs, a list, a link, a block quote, [[links]]."""
    target = rng.randint(150, 230)  # a sentence adds at most 20 words past the target
    first_actor = own_actors[0]
    opening = [_sentence(rng, f"[[{first_actor}|{names[first_actor]}]]"), _sentence(rng)]
    if other_event is not None:
        opening.append(f"It followed [[{other_event}]].")
    if len(own_actors) > 1:
        opening.append(_sentence(rng, f"officials of [[{own_actors[1]}]]"))
    items = [
        f"- {rng.choice(ADJECTIVES).split(' ', 1)[1].capitalize()} {rng.choice(NOUNS)} "
        f"{rng.choice(TAILS)}"
        for _ in range(rng.randint(3, 4))
    ]
    items[0] = items[0].replace("- ", "- **Reported:** ", 1)
    report = slug(rng.choice(NOUNS))
    middle = (
        f"{_sentence(rng)} The [full report](https://example.org/reports/{report}) "
        f"gives {rng.choice(('no', 'few', 'some'))} details. {_sentence(rng)}"
    )
    quote = f"> {_sentence(rng)} {_sentence(rng)}"
    parts = [" ".join(opening), "\n".join(items), middle, quote]
    closing: list[str] = []
    while sum(len(part.split()) for part in (*parts, *closing)) < target:
        closing.append(_sentence(rng))
    parts.append(" ".join(closing))
    return "\n\n".join(parts) + "\n"


def _event_file(
    rng: random.Random,
    index: int,
    ids: Sequence[str],
    titles: Sequence[str],
    actors: Sequence[Actor],
    sources: Sequence[SeedSource],
) -> str:
    names = {actor.id: actor.name for actor in actors}
    own_actors = _weighted_distinct(rng, [a.id for a in actors], rng.choice((2, 2, 3)))
    tags = _weighted_distinct(rng, TAGS, 2)
    lines = ["---", f"title: {_quoted(titles[index])}"]
    if rng.random() < 0.9:
        lines.append(f"summary: {_quoted(_sentence(rng))}")
    lines.append(f"date: {make_date(rng)}")
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    if status is not None:
        lines.append(f"status: {status}")
    lines.append(f"actors: [{', '.join(own_actors)}]")
    places = rng.sample(PLACES, rng.choices((0, 1, 2), (30, 50, 20))[0])
    if places:
        lines.append(f"places: [{', '.join(places)}]")
    lines.append(f"tags: [{', '.join(tags)}]")
    citing = rng.choices(("quote", "two-quotes", "bare", "none"), (55, 10, 15, 20))[0]
    if citing != "none":
        lines.append("sources:")
        cited = rng.sample(list(sources), 2 if citing == "two-quotes" else 1)
        for source in cited:
            if citing == "bare":
                lines.append(f"  - {source.id}")
            else:
                quote = json.dumps(rng.choice(source.sentences), ensure_ascii=False)
                lines += [f"  - source: {source.id}", f"    quote: {quote}"]
    others = [ids[(index + offset) % len(ids)] for offset in (-3, -2, -1, 1, 2, 5, 8, 13)]
    others = [other for other in dict.fromkeys(others) if other != ids[index]]
    if others and rng.random() < 0.3:
        lines.append("related:")
        for other in rng.sample(others, min(len(others), rng.choice((1, 1, 1, 2)))):
            if rng.random() < 0.5:
                lines.append(f"  - {other}")
            else:
                lines += [f"  - id: {other}", f"    relation: {rng.choice(RELATION_KINDS)}"]
    lines.append("---")
    body = _body(rng, names, own_actors, rng.choice(others) if others else None)
    return "\n".join(lines) + "\n" + body


def _actor_file(rng: random.Random, actor: Actor, actors: Sequence[Actor]) -> str:
    lines = ["---", f"name: {_quoted(actor.name)}", f"kind: {actor.kind}"]
    if actor.aliases:
        lines.append(f"aliases: [{', '.join(_quoted(alias) for alias in actor.aliases)}]")
    lines.append("---")
    text = " ".join(_sentence(rng, actor.name) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.5:
        other = rng.choice([a for a in actors if a.id != actor.id])
        text += f" It often appears alongside [[{other.id}]]."
    return "\n".join(lines) + "\n" + text + "\n"


def _site_file(events: int) -> str:
    return (
        f"title: Synthetic benchmark timeline ({events} events)\n"
        "description: A generated chronology of defence ties among invented countries, "
        "for measuring the build.\n"
        "language: en\n"
        f"base_url: {BASE_URL}\n"
        "eras:\n"
        "  - name: After the old treaties\n"
        "    date: 1990/1999\n"
        "    note: The first decade of the chronology.\n"
        "  - name: The procurement boom\n"
        "    date: 2000-01/2012-06\n"
        "  - name: The new rivalry\n"
        "    date: 2012-07/..\n"
        "    note: Still going on.\n"
    )


def _sources_file(sources: Sequence[SeedSource]) -> str:
    lines: list[str] = []
    for source in sources:
        lines += [
            f"{source.id}:",
            f"  title: {json.dumps(source.title, ensure_ascii=False)}",
            f"  publisher: {source.publisher}",
            f"  author: {source.author}",
        ]
        if source.date:
            lines.append(f"  date: {json.dumps(source.date)}")
        if source.url:
            lines.append(f"  url: {source.url}")
        lines += [f"  local: seeds/{source.id}.txt", "  note: Generated text for the benchmark."]
    return "\n".join(lines) + "\n"


def corpus_files(events: int, seed: int = SEED) -> dict[str, str]:
    """The corpus as {path under the project folder: text}, the same for the same arguments."""
    rng = random.Random(seed)
    actors = make_actors(rng)
    sources = make_sources(rng)
    width = max(5, len(str(events)))
    titles = [_title(rng) for _ in range(events)]
    ids = [f"{slug(title)}-{index:0{width}d}" for index, title in enumerate(titles)]
    files = {
        "content/site.yaml": _site_file(events),
        "content/sources.yaml": _sources_file(sources),
    }
    for source in sources:
        files[f"seeds/{source.id}.txt"] = source.text
    for actor in actors:
        files[f"content/actors/{actor.id}.md"] = _actor_file(rng, actor, actors)
    for name in PLACES:  # events name them; made without the random stream, which stays as it was
        files[f"content/places/{slug(name)}.md"] = f"---\nname: {name}\nkind: place\n---\n"
    for index, event_id in enumerate(ids):
        files[f"content/events/{event_id}.md"] = _event_file(
            rng, index, ids, titles, actors, sources
        )
    return files


def generate(events: int, out: Path, seed: int = SEED) -> Summary:
    """Write the corpus into `out` (content/ and seeds/, replacing an earlier corpus there)."""
    out.mkdir(parents=True, exist_ok=True)
    marker = out / MARKER
    for part in ("content", "seeds"):
        if (out / part).exists():
            if not marker.exists():
                raise SystemExit(f"{out / part} exists and was not made by bench.corpus — refusing")
            shutil.rmtree(out / part)
    marker.write_text(f"events={events} seed={seed}\n", encoding="utf-8")
    files = corpus_files(events, seed)
    made: set[Path] = set()
    for name, text in files.items():
        path = out / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8", newline="\n")
    body_words = sum(
        len(text.split("\n---\n", 1)[1].split())
        for name, text in files.items()
        if name.startswith("content/events/")
    )
    return Summary(events, ACTOR_COUNT, 4, body_words, len(files))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, write the corpus and print what it holds; return 0."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("--events", type=int, required=True, help="how many events")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write")
    parser.add_argument("--seed", type=int, default=SEED, help=f"the random seed ({SEED})")
    args = parser.parse_args(argv)
    if args.events < 1:
        parser.error("--events must be at least 1")
    summary = generate(args.events, args.out, args.seed)
    print(
        f"Wrote {summary.files} files to {args.out}: {summary.events} events "
        f"({summary.body_words / summary.events:.0f} body words each on average), "
        f"{summary.actors} actors, {summary.sources} sources."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
