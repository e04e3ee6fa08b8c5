"""The model every stage shares: dates, the frozen timeline, its link graph, wiki links and
every output path and URL. Imports nothing from the stages."""
