"""The package's layout follows the pipeline: each stage imports only from the stages before it,
so a boundary cannot be crossed by accident."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "generator"
# In pipeline order, modules that every stage may use first; modules of one layer may use
# each other.
LAYERS = [
    {"__init__", "errors", "system", "parallel", "vendor", "project"},
    {"model"},
    {"load"},
    {"check"},
    {"incremental"},
    {"render"},
    {"outputs"},
    {"write"},
    {"build"},
    {"serve", "publish", "scaffold", "init", "capture", "importing"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


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
