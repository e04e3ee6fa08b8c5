"""Third-party front-end files copied into the site: TimelineJS, installed from npm.

TimelineJS would load its scripts, styles and fonts from Knight Lab's CDN; the site ships the few
files it needs instead, so that no request leaves the site.
"""

from __future__ import annotations

from pathlib import Path

TIMELINEJS_PACKAGE = Path("node_modules/@knight-lab/timelinejs/dist")
# The version package.json pins, here and in the projects `timeline init` makes (a test checks).
TIMELINEJS_VERSION = "3.9.11"
# The font set whose stylesheet uses system fonts: the others fetch web fonts from Google.
TIMELINEJS_FONT = "georgia-helvetica"
TIMELINEJS_FILES = (
    "js/timeline.js",
    "js/timeline.js.LICENSE.txt",
    "css/timeline.css",
    f"css/fonts/font.{TIMELINEJS_FONT}.css",
    "css/icons/tl-icons.eot",
    "css/icons/tl-icons.svg",
    "css/icons/tl-icons.ttf",
    "css/icons/tl-icons.woff",
    "css/icons/tl-icons.woff2",
)


def find_timelinejs(*roots: Path) -> Path | None:
    """TimelineJS's `dist` folder under the first of `roots` that has it installed, or None."""
    for root in roots:
        dist = root / TIMELINEJS_PACKAGE
        if (dist / "js" / "timeline.js").is_file():
            return dist
    return None


def timelinejs_files(dist: Path, language: str) -> dict[str, bytes]:
    """The TimelineJS files the interactive page needs, by path under `static/timelinejs/`.

    The locale is the site's language when TimelineJS has it, else English.
    """
    locale = dist / "js" / "locale" / f"{language.split('-')[0].lower()}.json"
    if not locale.is_file():
        locale = dist / "js" / "locale" / "en.json"
    files = {name: (dist / name).read_bytes() for name in TIMELINEJS_FILES}
    files[f"js/locale/{locale.name}"] = locale.read_bytes()
    return files


def timelinejs_language(dist: Path, language: str) -> str:
    """The TimelineJS language code to use for a site language."""
    code = language.split("-")[0].lower()
    return code if (dist / "js" / "locale" / f"{code}.json").is_file() else "en"
