"""Stage 4, render: the HTML pages and assets, planned one kind of page at a time, with the
Markdown bodies, list items and overview figures they show."""
