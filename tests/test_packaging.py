"""The project installs the same way with pip and conda, and the README's commands are real."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from tests.conftest import REPO


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", requirement.split(";")[0])
    assert match, f"cannot parse requirement {requirement!r}"
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += [r for r in extra if not r.startswith("smm-lab")]
    return dict(_name_and_spec(r) for r in requirements)


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for entry in env["dependencies"]:
        items = entry["pip"] if isinstance(entry, dict) else [entry]
        for item in items:
            if item.startswith("-e") or item in ("pip",):
                continue
            name, spec = _name_and_spec(item)
            if name != "python":
                found[name] = spec
    return found


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    pip, conda = _pyproject_requirements(), _environment_requirements()
    missing = sorted(set(pip) - set(conda))
    extra = sorted(set(conda) - set(pip))
    differ = sorted(n for n in set(pip) & set(conda) if pip[n] != conda[n])
    assert not missing, f"in pyproject.toml but not environment.yml: {missing}"
    assert not extra, f"in environment.yml but not pyproject.toml: {extra}"
    assert not differ, "versions differ: " + ", ".join(
        f"{n} {pip[n]} vs {conda[n]}" for n in differ
    )


def test_matplotlib_is_new_enough_to_shape_bengali():
    assert _pyproject_requirements()["matplotlib"] == ">=3.11"


def test_ci_runs_the_readme_test_command():
    out = subprocess.run(
        [sys.executable, str(REPO / ".ci" / "readme_command.py"), "test"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert "pytest" in out and ".[test]" in out


def test_readme_shows_the_demo_command_first():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.index("smm-course demo") < text.index("pytest")


def test_importing_smm_helpers_loads_no_heavy_library():
    code = (
        "import sys, smm_helpers; "
        "heavy = [m for m in ('pandas', 'matplotlib', 'numpy', 'scipy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import smm_helpers loaded {out.stdout.strip()}"


def test_what_a_course_gathers_as_it_is_used_stays_out_of_git():
    """An instructor grading in the clone sees no learners' work among git's changes (and
    cannot commit it by accident), while the committed sample submissions stay tracked."""
    import shutil

    from smm_helpers.grading.demo import RUNTIME

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout (an installed copy): nothing to ignore")
    paths = [
        f"course/{name}" if name.endswith(".db") else f"course/{name}/ln-001/01/x.ipynb"
        for name in RUNTIME
        if name not in ("samples", "__pycache__")
    ]
    done = subprocess.run(
        [
            "git",
            "check-ignore",
            "--no-index",
            "--verbose",
            "--non-matching",
            *paths,
            "course/samples/x/x.ipynb",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    not_ignored = [
        line.split("\t")[1] for line in done.stdout.splitlines() if line.startswith("::")
    ]
    assert not_ignored == ["course/samples/x/x.ipynb"], done.stdout
