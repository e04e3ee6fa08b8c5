"""A static site generator for event timelines written as Markdown files with YAML front matter."""

__version__ = "0.1.0"
