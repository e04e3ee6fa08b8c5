"""The Pages workflow: valid for GitHub, clean for zizmor, and shaped as the deployment needs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
TOOLS = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a linter installed next to this Python; a missing one fails the test."""
    tool = TOOLS / name
    assert tool.is_file(), f"{tool} is missing — install the dev extras: pip install -e '.[dev]'"
    return subprocess.run(
        [str(tool), *args], capture_output=True, text=True, check=False, timeout=300
    )


def zizmor_findings(path: Path) -> tuple[int, list[dict[str, Any]]]:
    """zizmor's exit status and findings for `path`, offline: CI has no GitHub token."""
    result = run_tool("zizmor", "--offline", "--no-config", "--format", "json", str(path))
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return result.returncode, findings


def serious(findings: list[dict[str, Any]]) -> list[str]:
    return [
        f"{finding['ident']} ({finding['determinations']['severity']})"
        for finding in findings
        if finding["determinations"]["severity"] in ("Medium", "High")
    ]


def load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_the_workflow_matches_githubs_schema() -> None:
    result = run_tool(
        "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "runs_on:", 1))
    result = run_tool(
        "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)
    )
    assert result.returncode != 0


def test_zizmor_finds_nothing_of_medium_severity_or_more() -> None:
    status, findings = zizmor_findings(WORKFLOW)
    assert serious(findings) == []
    assert status == 0, findings
    strict = run_tool(
        "zizmor", "--offline", "--no-config", "--min-severity", "medium", str(WORKFLOW)
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr


def test_zizmor_catches_an_action_pinned_only_to_a_tag(tmp_path: Path) -> None:
    unpinned = tmp_path / "pages.yml"
    text = WORKFLOW.read_text()
    unpinned.write_text(re.sub(r"@[0-9a-f]{40} # (v\d+)\S*", r"@\1", text))
    status, findings = zizmor_findings(unpinned)
    assert status != 0
    assert "unpinned-uses (High)" in serious(findings)


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    lines = [line for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert len(lines) == 6
    for line in lines:
        assert PINNED.match(line), f"not pinned to a full commit SHA with its version: {line}"


def test_the_workflow_builds_with_make_and_deploys_with_githubs_pages_actions() -> None:
    workflow = load(WORKFLOW)
    # YAML 1.1 reads the key `on` as the boolean true.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert set(workflow["jobs"]) == {"build", "deploy"}

    assert build["permissions"] == {"contents": "read"}
    steps = build["steps"]
    actions = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert actions == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
    ]
    assert [step["run"] for step in steps if "run" in step] == ["make site"]
    order = [step.get("uses", step.get("run", "")).split("@")[0] for step in steps]
    assert order.index("actions/setup-python") < order.index("make site")
    # The build finds the last deploy's .cache/ (and the cache action saves this one after it).
    assert order.index("actions/cache") < order.index("make site")
    assert order.index("make site") < order.index("actions/upload-pages-artifact")
    by_action = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert by_action["actions/checkout"]["with"] == {
        "persist-credentials": False,
        "fetch-depth": 0,  # the whole history, which `history: git` reads
    }
    assert by_action["actions/setup-python"]["with"] == {"python-version": "3.11"}
    assert by_action["actions/upload-pages-artifact"]["with"] == {"path": "site"}
    assert by_action["actions/cache"]["with"] == {
        "path": ".cache",
        "key": "timeline-cache-${{ github.ref_name }}-${{ github.sha }}",
        "restore-keys": "timeline-cache-${{ github.ref_name }}-",
    }

    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    [step] = deploy["steps"]
    assert step["id"] == "deployment"
    assert step["uses"].split("@")[0] == "actions/deploy-pages"
