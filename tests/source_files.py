"""Sources as people keep them, made by the tests: a saved web page with navigation, scripts,
hidden parts and an article; a PDF of several pages (written with fpdf2); and a project that
cites them and a text file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

ARTICLE_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour reopens after the storm | The Coast Herald</title>
<meta property="og:title" content="Harbour reopens after the storm">
<meta property="og:site_name" content="The Coast Herald">
<meta property="article:published_time" content="2021-03-04T08:15:00Z">
<meta name="author" content="Mara Quill">
<style>body { font-family: serif; } .promo { color: red; }</style>
<script>var tracking = "the harbour reopened on Monday";</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour reopens after the storm",
 "author": {"@type": "Person", "name": "Mara Quill"},
 "publisher": {"@type": "Organization", "name": "The Coast Herald"},
 "datePublished": "2021-03-04T08:15:00Z"}
</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="promo" hidden>Subscribe now: the harbour will never close again</div>
<div style="display: none">The harbour is closed for ever.</div>
<article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour at Port Lune reopened on Monday, four days after the storm broke two of its
cranes and sank a fishing boat at its moorings. The harbour master said the&nbsp;damage to the
quays was &ldquo;less than we feared&rdquo;, and that ferries would sail on the usual timetable
from Wednesday.</p>
<p>Divers from the coastguard spent the weekend surveying the channel. They found no wreckage in
the fairway, but a buoy had been dragged three hundred metres to the west and was towed back on
Sunday evening by the pilot launch.</p>
<p>The two cranes will be replaced by the end of the year, the port authority said in a
statement. Until then, container ships are being sent to the deep-water berth at Saint Aubin,
forty kilometres along the coast, where dock workers have agreed to extra shifts.</p>
</article>
<aside><p>Most read: the town council votes on the new sea wall.</p></aside>
<footer><p>&copy; The Coast Herald. All rights reserved.</p></footer>
</body>
</html>
"""

REPORT_PAGES = (
    (
        "Inquiry into the storm of 28 February",
        "Interim report of the harbour commission",
    ),
    (
        "1. Findings",
        "The commission finds that the storm warning reached the harbour",
        "office at 21:40, two hours before the wind reached its peak. The",
        "cranes had not been secured, as the procedure requires, because the",
        "crane operators had been sent home at the end of their shift.",
    ),
    (
        "2. Recommendations",
        "The commission recommends that the securing of cranes be made the",
        "duty of the duty officer, and that a second anemometer be fitted on",
        "the north mole. The recommendations are not binding on the port",
        "authority, which has promised a response within three months.",
    ),
)


def report_pdf() -> bytes:
    """A PDF of the three pages above, with its document information filled in."""
    pdf = FPDF()
    pdf.set_title("Inquiry into the storm of 28 February")
    pdf.set_author("Harbour commission")
    pdf.set_creation_date(datetime(2021, 5, 17, 12, 0, tzinfo=UTC))
    pdf.set_font("Helvetica", size=12)
    for lines in REPORT_PAGES:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


NOTES_TXT = (
    "Notes from the harbour master\u2019s briefing, 1 March.\n"
    "\n"
    "The \ufb01rst ferry will sail on Wednesday.\u00a0The quays are sound, but the\n"
    "north crane is beyond re-\n"
    "pair and will be scrapped.\n"
)

SOURCES_YAML = """\
# The sources of the storm timeline.
herald:
  title: Harbour reopens after the storm
  publisher: The Coast Herald
  local: seeds/herald.html
  accessed: 2021-03-05
  archive: https://web.archive.org/web/20210305000000/https://herald.example/harbour
report:
  title: Interim report of the harbour commission
  local: seeds/report.pdf
notes:
  title: Notes from the briefing
  local: seeds/notes.txt
"""

EVENT = """\
---
title: The harbour reopens
date: 2021-03-01
sources:
  - source: herald
    quote: the damage to the quays was "less than we feared"
  - source: herald
    quote: The two cranes will be replaced … the port authority said
  - source: report
    quote: The cranes had not been secured, as the procedure requires
  - source: report
    quote: The recommendations are not binding on the port authority
  - source: notes
    quote: The first ferry will sail on Wednesday. The quays are sound
  - source: notes
    quote: the north crane is beyond repair
---
The harbour reopened.
"""

SITE_YAML = """\
title: The storm
base_url: https://example.org/storm/
"""


def make_storm(root: Path) -> Path:
    """A project citing a saved web page, a PDF and a text file; return `root`."""
    (root / "content" / "events").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "content" / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content" / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    (root / "content" / "events" / "reopening.md").write_text(EVENT, encoding="utf-8")
    (root / "seeds" / "herald.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (root / "seeds" / "report.pdf").write_bytes(report_pdf())
    (root / "seeds" / "notes.txt").write_text(NOTES_TXT, encoding="utf-8")
    return root
