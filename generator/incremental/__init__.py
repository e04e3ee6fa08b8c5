"""What one build hands the next: the two build modes, which pages and pieces an edit changes,
the memo of per-event pieces, and the files kept in .cache/."""
