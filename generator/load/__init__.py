"""Stage 1, load: the project's files read and parsed, with a line for every value; errors are
collected, not raised."""
