"""``smm-course site``: build the course website into a folder the build owns.

The site is plain static files, readable from the folder itself or any web server::

    build/site/
        index.html              the contents page: every lesson, its time and objectives
        00-orientation.html     one page per lesson, as it ran on a fresh kernel
        ...
        sources.html            the course's sources (lessons/sources.md), if it has one
        notebooks/              the lesson notebooks, to download and run
        .smm-lab-site           the list of files this build made

The folder is the build's own: it is created if missing, refreshed if an earlier build
made it, and refused if it holds anything else, so the build never overwrites your files.
A lesson that fails stops the build before anything is written.

>>> import tempfile
>>> mine = Path(tempfile.mkdtemp())
>>> _ = (mine / "notes.txt").write_text("my work")
>>> build_site(mine, echo=None)
Traceback (most recent call last):
...
smm_helpers.errors.InputError: ... holds files the site build did not make (notes.txt).
How to fix it: the build never overwrites your files: choose an empty or new folder with --out...
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.site.execute import DEFAULT_JOBS, DEFAULT_TIMEOUT, execute_lessons
from smm_helpers.site.pages import (
    CONTENTS_PAGE,
    SOURCES_PAGE,
    LessonPage,
    course_pages,
    sources_file,
)

__all__ = ["DEFAULT_OUT", "MARKER", "SiteResult", "build_site", "check_out_folder"]

DEFAULT_OUT = Path("build") / "site"
"""Where ``smm-course site`` writes without ``--out`` (``build/`` is git-ignored)."""

MARKER = ".smm-lab-site"
"""The file a build leaves in its folder: it lists the files the build made (JSON)."""

MADE_BY = "smm-course site"


@dataclass
class SiteResult:
    """What a build made: the folder, its pages, and anything a reader may miss."""

    folder: Path
    contents: Path
    lesson_pages: list[Path]
    files: list[Path]
    executed: bool
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"The site is in {self.folder}/ ({len(self.lesson_pages)} lessons, "
                 f"{len(self.files)} files)."]
        if not self.executed:
            lines.append("The lessons were not run (--no-execute): their pages show no results.")
        if self.warnings:
            lines.append("Worth a look:")
            lines += [f"  - {warning}" for warning in self.warnings]
        lines.append(f"Open {self.contents} in a browser to read it.")
        return "\n".join(lines)


def _made_before(folder: Path) -> set[str]:
    marker = folder / MARKER
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
        files = record["files"]
        if record.get("made_by") != MADE_BY or not all(isinstance(f, str) for f in files):
            raise ValueError("not written by the site build")
        if any(Path(f).is_absolute() or ".." in Path(f).parts for f in files):
            raise ValueError("it lists files outside the folder")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"{marker} is not a record the site build can read ({error})",
            fix="the build never overwrites files it cannot account for: choose an empty or "
                "new folder with --out, or delete that folder yourself if it is an old site",
        ) from None
    return set(files)


def check_out_folder(folder: Path, planned: list[str]) -> set[str]:
    """Check that the build may write ``planned`` (paths relative to ``folder``) there.

    A missing or empty folder is fine.  A folder with files needs the marker of an earlier
    build, and may hold only files that build made (plus files the reader added that the
    new build will not touch).  Returns the files the earlier build made, to clear stale
    ones.  Nothing is written.

    >>> import tempfile
    >>> check_out_folder(Path(tempfile.mkdtemp()) / "new", ["index.html"])
    set()
    >>> folder = Path(tempfile.mkdtemp()); _ = (folder / "index.html").write_text("mine")
    >>> check_out_folder(folder, ["index.html"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: ... holds files the site build did not make (index.html)...
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a folder",
                         fix="pass a folder with --out, e.g. --out build/site")
    if not folder.is_dir() or not any(folder.iterdir()):
        return set()
    if not (folder / MARKER).is_file():
        present = sorted(p.name for p in folder.iterdir())
        shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise InputError(
            f"{folder} already exists and holds files the site build did not make ({shown})",
            fix="the build never overwrites your files: choose an empty or new folder with "
                "--out, e.g. --out build/site",
        )
    made = _made_before(folder)
    clashes = sorted(name for name in planned
                     if name not in made and (folder / name).exists())
    if clashes:
        raise InputError(
            f"{folder} holds files the site build did not make ({', '.join(clashes)}) where "
            "the new build would write",
            fix="move those files out of the site folder, or build into an empty or new "
                "folder with --out",
        )
    return made


def _planned_files(pages: list[LessonPage], sources: bool = False) -> list[str]:
    files = [CONTENTS_PAGE, *([SOURCES_PAGE] if sources else [])]
    for page in pages:
        files += [page.href, page.notebook_href]
    return files


def build_site(
    out: str | Path = DEFAULT_OUT,
    *,
    lessons_dir: str | Path | None = None,
    execute: bool = True,
    jobs: int = DEFAULT_JOBS,
    timeout: int = DEFAULT_TIMEOUT,
    binder: str | None = None,
    binder_ref: str = "HEAD",
    echo: Callable[[str], object] | None = print,
) -> SiteResult:
    """Build the course website: every lesson run on a fresh kernel, then one page each.

    ``lessons_dir`` defaults to the clone's ``lessons/``.  ``execute=False`` skips running
    the lessons (quick, but the pages show no results).  ``jobs`` lessons run at once,
    each cell within ``timeout`` seconds.  ``binder`` (``OWNER/REPO`` on GitHub) adds
    "open on Binder" links at ``binder_ref``.  ``echo`` receives progress lines (``None``:
    quiet).  A lesson that fails raises :class:`~smm_helpers.site.execute.LessonFailed`
    naming the lesson and cell, before anything is written.
    """
    from smm_helpers import __version__
    from smm_helpers.site.binder import check_repo

    say = echo or (lambda _line: None)
    started = time.perf_counter()
    folder = Path(out).expanduser()
    if binder is not None:
        binder = check_repo(binder)
    pages = course_pages(lessons_dir)
    sources = sources_file(lessons_dir)
    planned = _planned_files(pages, sources is not None)
    made_before = check_out_folder(folder, planned)  # refuse before any slow work

    import nbformat

    from smm_helpers.site.render import (
        SiteInfo,
        images_without_alt_text,
        make_exporter,
        prepare_notebook,
        render_contents,
        render_lesson,
        render_sources,
    )

    if execute:
        say(f"Running {len(pages)} lessons on fresh kernels, {min(jobs, len(pages))} at a "
            "time ...")
        runs = execute_lessons([page.info.path for page in pages], jobs=jobs,
                               timeout=timeout, echo=say)
        notebooks = [run.notebook for run in runs]
        seconds = {run.id: run.seconds for run in runs}
        warnings = [f"{run.id}, {warning}" for run in runs for warning in run.warnings]
    else:
        say(f"Reading {len(pages)} lessons (not running them: --no-execute) ...")
        notebooks = [nbformat.read(page.info.path, as_version=4) for page in pages]
        seconds, warnings = {}, []

    say("Writing the pages ...")
    site = SiteInfo(version=__version__, executed=execute,
                    last_number=pages[-1].info.number, binder_repo=binder,
                    binder_ref=binder_ref, sources=sources is not None)
    exporter = make_exporter()
    rendered: dict[str, str] = {}
    for page, notebook in zip(pages, notebooks, strict=True):
        ready, notes = prepare_notebook(notebook, page.id)
        warnings += notes
        rendered[page.href] = render_lesson(ready, page, site, exporter)
        warnings += [f"{page.id}: a picture without alt text: {tag}"
                     for tag in images_without_alt_text(rendered[page.href])]
    rendered[CONTENTS_PAGE] = render_contents(pages, site)
    if sources is not None:
        rendered[SOURCES_PAGE] = render_sources(sources.read_text(encoding="utf-8"), site)

    # Everything is ready: only now is the folder touched.
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in rendered.items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (folder / "notebooks").mkdir(exist_ok=True)
    for page in pages:
        shutil.copyfile(page.info.path, folder / page.notebook_href)
        written.append(folder / page.notebook_href)
    for stale in sorted(made_before - set(planned)):  # pages of lessons that are gone
        (folder / stale).unlink(missing_ok=True)
    (folder / MARKER).write_text(
        json.dumps({"made_by": MADE_BY, "files": planned}, indent=1) + "\n",
        encoding="utf-8")

    result = SiteResult(folder=folder, contents=folder / CONTENTS_PAGE,
                        lesson_pages=[folder / page.href for page in pages],
                        files=written, executed=execute, seconds=seconds, warnings=warnings)
    say(f"Built in {time.perf_counter() - started:.0f} s.")
    say(str(result))
    return result
