"""`timeline serve`: the preview, which watches the sources and rebuilds what an edit changes."""
