"""Binder can launch the lessons: repo2docker's configuration is consistent.

Binder builds the repository with repo2docker.  SMM Lab relies on ``environment.yml`` at
the root, whose pip section installs SMM Lab itself (``-e .``), and on launch links that
open a lesson with ``?urlpath=lab/tree/lessons/NN-slug.ipynb`` (see ``docs/site.md``).
These tests check what repo2docker would see, without building an image.
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from smm_helpers import lab
from smm_helpers.errors import InputError
from smm_helpers.site.binder import binder_url
from tests.conftest import REPO

DOCUMENTS = [REPO / "docs" / "site.md", REPO / "README.md"]
"""Where launch links are written down for readers."""

LAUNCH_LINK = re.compile(r"https://mybinder\.org/v2/gh/[^\s)`\"'<>\]]+")


def lesson_path(link: str) -> str:
    """The repository path a Binder launch link opens (its ``urlpath=lab/tree/...``)."""
    query = parse_qs(urlsplit(link).query)
    assert "urlpath" in query, f"{link} does not say what to open (add ?urlpath=lab/tree/...)"
    urlpath = unquote(query["urlpath"][0])
    assert urlpath.startswith("lab/tree/"), f"{link} does not open JupyterLab on a file"
    return urlpath.removeprefix("lab/tree/")


def test_there_is_no_binder_folder_so_repo2docker_reads_the_root_environment() -> None:
    for name in ("binder", ".binder"):
        assert not (REPO / name).exists(), (
            f"{name}/ exists: repo2docker then reads its configuration only from there and "
            "ignores environment.yml at the root, so SMM Lab's dependencies would be missing "
            "on Binder. Move its files to the root (or copy environment.yml into it)"
        )


def test_the_environment_installs_smm_lab_itself() -> None:
    environment = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    dependencies = environment["dependencies"]
    pip = [item["pip"] for item in dependencies if isinstance(item, dict) and "pip" in item]
    assert len(pip) == 1, "one pip: section in environment.yml"
    # A local requirement makes repo2docker copy the repository before installing the
    # environment, so `-e .` installs SMM Lab (and its smm-course command) on Binder.
    assert "-e ." in pip[0], "environment.yml's pip section must install SMM Lab: -e ."
    assert any(
        isinstance(item, str) and re.match(r"python\s*[>=]", item) for item in dependencies
    ), "environment.yml names the Python version"
    assert "jupyterlab" in " ".join(str(item) for item in dependencies), (
        "Binder opens the lessons in JupyterLab"
    )


def test_no_other_repo2docker_file_shadows_environment_yml() -> None:
    assert not (REPO / "Dockerfile").exists(), (
        "a Dockerfile at the root makes repo2docker ignore environment.yml and every other "
        "configuration file"
    )
    assert not (REPO / "requirements.txt").exists(), (
        "repo2docker ignores requirements.txt when environment.yml is there: keep the "
        "dependencies in pyproject.toml and environment.yml only"
    )
    for script in ("postBuild", "start"):
        path = REPO / script
        if path.exists():  # optional repo2docker scripts must run as programs
            assert os.access(path, os.X_OK), f"{script} must be executable (chmod +x)"
            assert path.read_text(encoding="utf-8").startswith("#!"), (
                f"{script} must start with a #! line, e.g. #!/bin/bash"
            )


def test_documented_launch_links_open_lessons_that_exist() -> None:
    found = {
        doc.name: LAUNCH_LINK.findall(doc.read_text(encoding="utf-8"))
        for doc in DOCUMENTS
        if doc.is_file()
    }
    assert found.get("site.md"), "docs/site.md shows the Binder launch link"
    lessons = {f"lessons/{path.name}" for path in lab.lesson_files()}
    for document, links in found.items():
        for link in links:
            path = lesson_path(link)
            assert path in lessons or (REPO / path).is_dir(), (
                f"{document}: {link} opens {path}, which is not a lesson of {REPO / 'lessons'}"
            )


def test_the_site_links_each_lesson_to_its_own_binder_launch() -> None:
    for path in lab.lesson_files():
        link = binder_url("alo-lab/smm-lab", path.name)
        opened = REPO / lesson_path(link)
        assert opened == path, (link, opened)
    assert (REPO / lesson_path(binder_url("alo-lab/smm-lab"))).is_dir()


def test_launch_links_refuse_what_binder_cannot_build() -> None:
    for repo in ("smm-lab", "https://github.com/alo-lab/smm-lab", "a/b/c", ""):
        with pytest.raises(InputError, match="not a GitHub repository name like OWNER/REPO"):
            binder_url(repo)
    with pytest.raises(InputError, match="not a git branch, tag or commit"):
        binder_url("alo-lab/smm-lab", ref="my branch")
