"""The package's layout follows the pipeline: each stage imports only from the stages before it,
so a boundary cannot be crossed by accident."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "generator"
# The stages as the README's "How it works" and build.py name them, in the order `_run` runs them.
STAGES = ("load", "check", "link", "render", "outputs", "write")
# The layers of the package in pipeline order, each named for its stage (or for what it is when
# it is none); modules of one layer may use each other.
LAYERS = [
    (
        "used by every stage",
        {"__init__", "errors", "system", "parallel", "vendor", "project", "i18n"},
    ),
    ("link: the model every stage hands on, and model/graph.py's `link`", {"model"}),
    ("load", {"load"}),
    ("check", {"check"}),
    ("what a run keeps for the next, which render and outputs consult", {"incremental"}),
    ("render", {"render"}),
    ("outputs", {"outputs"}),
    ("write", {"write"}),
    ("the pipeline, run by build.py", {"build"}),
    (
        "what the commands use: the preview, fetching sources, reading other formats, the files "
        "of a new project",
        {"serve", "capture", "importing", "new_project"},
    ),
    (
        "the commands other than build, one module each, named as the command line says it",
        {"commands"},
    ),
    ("the command line: its arguments, and what each command does with them", {"arguments", "cli"}),
    ("python -m generator", {"__main__"}),
]
# What each stage is called as `_run` in build.py calls it.
CALLS = {
    "load": "load",
    "validate": "check",
    "link": "link",
    "render": "render",
    "site_files": "outputs",
    "write": "write",
}
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def _unit(module: str) -> str:
    """A module's unit: its subpackage or top-level module (`render`, `build`), or `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            if node.module == "generator":  # `from generator import __version__` or a module
                found.update(
                    f"generator.{a.name}" if a.name in RANK else "generator" for a in node.names
                )
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("generator"))
    return found


def test_every_stage_imports_only_from_the_stages_before_it() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).with_suffix("")
        unit = relative.parts[0]
        assert unit in RANK, f"{relative} is in no layer: add it to LAYERS"
        for module in _imports(path):
            other = _unit(module)
            if RANK[other] > RANK[unit]:
                wrong.append(f"{relative} imports {module}")
    assert wrong == []


def test_no_module_or_function_outgrows_one_reading() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 420:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    too_long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert too_long == []


def test_the_build_runs_every_stage_once_in_the_order_the_readme_names_them() -> None:
    tree = ast.parse((PACKAGE / "build.py").read_text(encoding="utf-8"))
    run = next(
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name == "_run"
    )
    calls = sorted(
        (node.lineno, node.col_offset, node.func.id)
        for node in ast.walk(run)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    )
    assert tuple(CALLS[name] for _, _, name in calls if name in CALLS) == STAGES
    flow = " → ".join(STAGES)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert flow in (PACKAGE / "build.py").read_text(encoding="utf-8")
    assert flow in readme[readme.index("## How it works") :]
