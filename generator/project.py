"""Where a timeline project keeps its parts: the one value every stage is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import display_path
from generator.vendor import find_timelinejs

_PACKAGE = Path(__file__).resolve().parent


def theme_folder() -> Path:
    """The packaged theme: `generator/theme/` in an installed wheel; in a checkout, or an
    editable install (which runs from one), the repository's `templates/` it is made from."""
    installed = _PACKAGE / "theme"
    return installed if installed.is_dir() else _PACKAGE.parent / "templates"


@dataclass(frozen=True, slots=True)
class Project:
    """Where a timeline project keeps its parts; `local:` source paths are relative to `root`."""

    root: Path
    content: Path
    seeds: Path
    templates: Path  # the project's own, overriding the theme file by file; may be missing
    output: Path
    base_url: str | None = None  # replaces site.yaml's, as when GitHub Pages names the address
    timelinejs: Path | None = (
        None  # TimelineJS's dist folder, from npm; no interactive page without
    )
    theme: Path = field(default_factory=theme_folder)  # the packaged default theme

    @classmethod
    def at(
        cls,
        root: Path,
        *,
        templates: Path | None = None,
        output: Path | None = None,
        base_url: str | None = None,
    ) -> Project:
        """The standard layout under `root`: content/, seeds/, templates/ (which need not
        exist: the packaged theme fills in every file it lacks) and site/."""
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

    @property
    def template_folders(self) -> tuple[Path, ...]:
        """Where templates and static files are looked up, the first that has a file winning:
        the project's own templates, then the packaged theme."""
        if self.templates.resolve() == self.theme.resolve():
            return (self.templates,)
        return (self.templates, self.theme)

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project root."""
        return display_path(path, self.root)
