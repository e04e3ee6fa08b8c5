"""`timeline source add`: a source captured into seeds/ and appended to content/sources.yaml."""
