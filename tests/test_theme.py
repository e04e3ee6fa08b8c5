"""The packaged theme and a project's own templates: overrides file by file, `timeline theme
copy`, and mistakes in a user's template reported at its path and line, never as a traceback."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.commands.init import init_project
from generator.commands.theme_copy import copy_theme
from generator.errors import BuildFailed
from generator.incremental.store import inputs_digest
from generator.project import Project, theme_folder
from tests.helpers import TEMPLATES, read_tree

MARK = "<!-- the project's own -->"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A new project, as `timeline init` makes it: no templates/ of its own."""
    root = tmp_path / "project"
    init_project(root, "Theme test", "https://example.org/theme/")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        build(Project.at(root, output=root / "site"))
    return [str(error) for error in failure.value.errors]


def _template(root: Path, name: str, text: str) -> None:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_in_a_checkout_the_packaged_theme_is_the_repositorys_templates() -> None:
    assert theme_folder() == TEMPLATES
    assert Project.at(TEMPLATES.parent).template_folders == (TEMPLATES,)


def test_a_project_without_templates_builds_with_the_packaged_theme(root: Path) -> None:
    project = Project.at(root, output=root / "site")
    assert not project.templates.exists()
    assert project.template_folders == (root / "templates", TEMPLATES)
    pages = build(project).pages
    assert "events/footbridge-repairs-begin/index.html" in pages
    assert pages["static/style.css"] == (TEMPLATES / "static" / "style.css").read_bytes()


def test_the_projects_templates_override_the_theme_file_by_file(root: Path) -> None:
    plain = build(Project.at(root, output=root / "plain")).pages
    event = (TEMPLATES / "event.html").read_text(encoding="utf-8")
    assert event.count("{% block main %}") == 1
    _template(root, "event.html", event.replace("{% block main %}", "{% block main %}" + MARK))
    _template(root, "static/style.css", "body { color: black; }\n")
    pages = build(Project.at(root, output=root / "site")).pages
    assert set(pages) == set(plain)
    changed = {path for path in pages if pages[path] != plain[path]}
    assert changed == {
        "events/footbridge-closure-announced/index.html",
        "events/footbridge-repairs-begin/index.html",
        "static/style.css",
    }
    assert MARK in pages["events/footbridge-repairs-begin/index.html"].decode()
    assert pages["static/style.css"] == b"body { color: black; }\n"


def test_a_template_edited_between_two_builds_of_one_process_is_compiled_again(
    root: Path,
) -> None:
    # Compiled templates are kept for the life of the process (render/templates.py): an edit
    # must still show in the next build, as it does in a preview.
    event = (TEMPLATES / "event.html").read_text(encoding="utf-8")
    _template(root, "event.html", event.replace("{% block main %}", "{% block main %}" + MARK))
    first = build(Project.at(root, output=root / "a")).pages
    assert MARK in first["events/footbridge-repairs-begin/index.html"].decode()
    _template(root, "event.html", event.replace("{% block main %}", "{% block main %}<!-- 2 -->"))
    second = build(Project.at(root, output=root / "b")).pages
    page = second["events/footbridge-repairs-begin/index.html"].decode()
    assert "<!-- 2 -->" in page and MARK not in page


def test_the_freshness_digest_covers_the_projects_templates_and_the_theme(
    root: Path, tmp_path: Path
) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(TEMPLATES, theme)
    project = dataclasses.replace(Project.at(root), theme=theme)
    before = inputs_digest(project)
    (theme / "static" / "style.css").write_text("/* changed */\n", encoding="utf-8")
    after_theme = inputs_digest(project)
    _template(root, "static/style.css", "/* mine */\n")
    after_override = inputs_digest(project)
    assert len({before, after_theme, after_override}) == 3


def test_theme_copy_copies_the_named_files_or_all(root: Path) -> None:
    project = Project.at(root)
    copied = copy_theme(project.theme, project.templates, ["event.html", "static"])
    assert [path.relative_to(project.templates).as_posix() for path in copied] == [
        "event.html",
        *sorted(f"static/{p.name}" for p in (TEMPLATES / "static").iterdir()),
    ]
    assert read_tree(project.templates)["event.html"] == (TEMPLATES / "event.html").read_bytes()
    copied = copy_theme(project.theme, project.templates, ["templates/partials/macros.html"])
    assert copied == [project.templates / "partials" / "macros.html"]


def test_theme_copy_never_overwrites_and_names_what_is_there(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _template(root, "event.html", MARK)
    assert main(["--root", str(root), "theme", "copy", "base.html", "event.html"]) == 1
    assert capsys.readouterr().err == (
        "templates/event.html: already there, and not overwritten — move or delete your "
        "copy first, or name only the files you have not copied yet\n1 error.\n"
    )
    assert (root / "templates" / "event.html").read_text(encoding="utf-8") == MARK
    assert not (root / "templates" / "base.html").exists()  # nothing is written at all
    assert main(["--root", str(root), "theme", "copy"]) == 1


def test_theme_copy_refuses_a_file_the_theme_lacks(root: Path) -> None:
    project = Project.at(root)
    with pytest.raises(BuildFailed, match=r"^`evnt.html` is not a file .*you mean `event.html`"):
        copy_theme(project.theme, project.templates, ["evnt.html"])


def test_a_syntax_error_in_a_users_template(root: Path) -> None:
    _template(root, "event.html", '{% extends "base.html" %}\n{% block main %}\n{% if %}\n')
    assert _errors(root) == [
        "templates/event.html:3: Expected an expression, got 'end of statement block' — "
        "correct the template's syntax (see Jinja's Template Designer Documentation)"
    ]


def test_an_undefined_value_in_a_users_template(root: Path) -> None:
    _template(
        root,
        "event.html",
        '{% extends "base.html" %}\n{% block main %}\n<p>\n{{ page_title.upper() }}</p>\n'
        "{% endblock %}\n",
    )
    assert _errors(root) == [
        "templates/event.html:4: 'page_title' is undefined — "
        "use only values the packaged theme's template of the same name uses"
    ]


def test_a_template_that_includes_one_nobody_has(root: Path) -> None:
    _template(root, "tag.html", '{% extends "base.html" %}\n\n{% include "nowhere.html" %}\n')
    [error] = _errors(root)
    assert error.startswith("templates/tag.html:3: template `nowhere.html` is in none of ")
    assert error.endswith("— add the file, or copy the packaged theme's with `timeline theme copy`")


def test_no_templates_at_all(root: Path) -> None:
    project = dataclasses.replace(Project.at(root, output=root / "site"), theme=root / "none")
    with pytest.raises(BuildFailed) as failure:
        build(project)
    [error] = failure.value.errors
    assert str(error).startswith("templates: template `")
    assert "is in none of templates/ or none/" in str(error)


def test_a_mistake_in_a_template_rendered_by_forked_workers_is_a_content_error(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Enough pages that they are rendered by forked workers (see parallel.py).
    for number in range(220):
        (root / "content" / "events" / f"event-{number}.md").write_text(
            f"---\ntitle: Event {number}\ndate: 2023-01-{number % 28 + 1:02}\n---\nText.\n",
            encoding="utf-8",
        )
    _template(
        root, "event.html", '{% extends "base.html" %}\n{% block main %}{{ nope }}{% endblock %}\n'
    )
    assert main(["--root", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-2:] == [
        "templates/event.html:2: 'nope' is undefined — "
        "use only values the packaged theme's template of the same name uses",
        "1 error. Nothing was written.",  # no site was built before
    ]
    assert "Traceback" not in err
    assert not (root / "site").exists()
