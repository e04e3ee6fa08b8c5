"""What one run keeps for the next: what each kind of run keeps, which pages and pieces an edit
changes, the memo of per-event pieces, and the files kept in .cache/. Not a stage of its own:
the render and outputs stages consult it."""
