"""Where a timeline project keeps its parts: the one value every stage is given."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import display_path
from generator.vendor import find_timelinejs


@dataclass(frozen=True, slots=True)
class Project:
    """Where a timeline project keeps its parts; `local:` source paths are relative to `root`."""

    root: Path
    content: Path
    seeds: Path
    templates: Path
    output: Path
    base_url: str | None = None  # replaces site.yaml's, as when GitHub Pages names the address
    timelinejs: Path | None = (
        None  # TimelineJS's dist folder, from npm; no interactive page without
    )

    @classmethod
    def at(
        cls,
        root: Path,
        *,
        templates: Path | None = None,
        output: Path | None = None,
        base_url: str | None = None,
    ) -> Project:
        """The standard layout under `root`: content/, seeds/, templates/ and site/."""
        root = root.absolute()
        templates = (templates or root / "templates").absolute()
        return cls(
            root=root,
            content=root / "content",
            seeds=root / "seeds",
            templates=templates,
            output=(output or root / "site").absolute(),
            base_url=base_url,
            timelinejs=find_timelinejs(root, templates.parent),
        )

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project root."""
        return display_path(path, self.root)
