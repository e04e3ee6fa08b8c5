"""The pipeline: load → validate → link → render → write."""

from __future__ import annotations

from dataclasses import dataclass

from generator.links import Graph, link
from generator.load import Project, load
from generator.model import Timeline
from generator.render import Pages, render_site
from generator.validate import validate
from generator.write import write_site


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build made."""

    timeline: Timeline
    pages: Pages


def check(project: Project) -> Timeline:
    """Load and validate the content; raise BuildFailed with every error."""
    return validate(load(project))


def render(project: Project) -> tuple[Graph, Pages]:
    """Check the content and render every page, writing nothing."""
    graph = link(check(project))
    return graph, render_site(graph, project.templates)


def build(project: Project) -> BuildResult:
    """Check, render and write the site; on errors raise BuildFailed and leave site/ untouched."""
    graph, pages = render(project)
    write_site(pages, project.output)
    return BuildResult(graph.timeline, pages)
