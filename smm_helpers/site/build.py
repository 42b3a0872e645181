"""``smm-course site``: build the course website into a folder the build owns.

The site is plain static files, readable from the folder itself or any web server::

    build/site/
        index.html              the contents page: every lesson, its time and objectives
        00-orientation.html     one page per lesson, as it ran on a fresh kernel
        ...
        sources.html            the course's sources (lessons/sources.md), if it has one
        notebooks/              the lesson notebooks, to download and run
        bn/                     the Bengali edition (``--lang bn``): the same pages made
                                from lessons/bn/, with glossary.html, in Bengali
        .smm-lab-site           the list of files this build made

``smm-course site`` builds the English edition.  ``smm-course site --lang bn`` builds the
Bengali edition into ``bn/`` *and* the English one at the root, because every page of each
links to the same page of the other (the language switch); its contents page to open is
``bn/index.html`` (see :mod:`smm_helpers.site.editions`).

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
How to fix it: the site build never overwrites your files: choose an empty or new folder with --out...
"""  # noqa: E501

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers import __version__
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import (
    LANGUAGES,
    N_,
    current_language,
    in_language,
    ngettext,
)
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.lab import LANGUAGE_NAMES, edition_dir, find_lessons_dir
from smm_helpers.output_folder import FolderOwner, check_output_folder, name_files
from smm_helpers.site.binder import LESSONS_PATH, check_repo
from smm_helpers.site.editions import EDITIONS, Edition, relative_href
from smm_helpers.site.execute import DEFAULT_JOBS, DEFAULT_TIMEOUT, execute_lessons
from smm_helpers.site.pages import (
    CONTENTS_PAGE,
    SOURCES_PAGE,
    LessonPage,
    course_pages,
    sources_file,
)
from smm_helpers.site.render import (
    Alternate,
    SiteInfo,
    images_without_alt_text,
    make_exporter,
    prepare_notebook,
    render_contents,
    render_lesson,
    render_markdown_page,
    render_sources,
)

__all__ = ["DEFAULT_OUT", "MARKER", "SiteResult", "build_site", "check_out_folder"]

#: Where ``smm-course site`` writes without ``--out`` (``build/`` is git-ignored).
DEFAULT_OUT = Path("build") / "site"

#: The file a build leaves in its folder: it lists the files the build made (JSON).
MARKER = ".smm-lab-site"

MADE_BY = "smm-course site"  # i18n: not shown

#: The build's folder: its own while it holds :data:`MARKER` (:mod:`smm_helpers.output_folder`).
OWNER = FolderOwner(N_("the site build"), "build/site", marker=MARKER)


@dataclass
class SiteResult:
    """What a build made: the folder, its pages, and anything a reader may miss.

    ``contents`` is the contents page of the edition asked for (``bn/index.html`` for
    Bengali); ``editions`` maps each edition built to its contents page.
    """

    folder: Path
    contents: Path
    lesson_pages: list[Path]
    files: list[Path]
    executed: bool
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    editions: dict[str, Path] = field(default_factory=dict)

    def __str__(self) -> str:
        lessons = len(self.lesson_pages)
        lines = [
            ngettext(
                "The site is in {folder}/ ({lessons} lesson, {files} files).",
                "The site is in {folder}/ ({lessons} lessons, {files} files).",
                lessons,
            ).format(folder=self.folder, lessons=digits(lessons), files=digits(len(self.files)))
        ]
        if len(self.editions) > 1:
            lines += [
                _("The {language} edition: {contents}").format(
                    language=_(LANGUAGE_NAMES[language]), contents=contents
                )
                for language, contents in self.editions.items()
            ]
            lines.append(_("Every page links to the same page in the other language."))
        if not self.executed:
            lines.append(_("The lessons were not run (--no-execute): their pages show no results."))
        if self.warnings:
            lines.append(_("Worth a look:"))
            lines += [f"  - {warning}" for warning in self.warnings]
        lines.append(_("Open {contents} in a browser to read it.").format(contents=self.contents))
        return "\n".join(lines)


def _made_before(folder: Path) -> set[str]:
    marker = folder / MARKER
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
        files = record["files"]
        if record.get("made_by") != MADE_BY or not all(isinstance(f, str) for f in files):
            raise ValueError(_("not written by the site build"))
        if any(Path(f).is_absolute() or ".." in Path(f).parts for f in files):
            raise ValueError(_("it lists files outside the folder"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            _("{marker} is not a record the site build can read ({error})").format(
                marker=marker, error=error
            ),
            fix=_(
                "the build never overwrites files it cannot account for: choose an empty "
                "or new folder with --out, or delete that folder yourself if it is an old "
                "site"
            ),
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
    folder = check_output_folder(folder, OWNER)
    if not OWNER.is_own(folder):  # missing or empty
        return set()
    made = _made_before(folder)
    clashes = sorted(name for name in planned if name not in made and (folder / name).exists())
    if clashes:
        raise InputError(
            _(
                "{folder} holds files the site build did not make ({files}) where the new "
                "build would write"
            ).format(folder=folder, files=name_files(clashes)),
            fix=_(
                "move those files out of the site folder, or build into an empty or new "
                "folder with --out"
            ),
        )
    return made


@dataclass
class _EditionPlan:
    """One edition of a build: its lessons, the pages it will have, and where."""

    edition: Edition
    lessons: Path
    pages: list[LessonPage]
    sources: Path | None
    own_pages: dict[str, Path]  # "glossary.md" -> its file

    @property
    def language(self) -> str:
        return self.edition.language

    def names(self) -> list[str]:
        """The edition's HTML pages, relative to its folder."""
        extra = [SOURCES_PAGE] if self.sources is not None else []
        extra += [Path(name).with_suffix(".html").name for name in self.own_pages]
        return [CONTENTS_PAGE, *extra, *(page.href for page in self.pages)]

    def files(self) -> list[str]:
        """Everything the edition writes, relative to the site's root."""
        prefix = self.edition.folder
        return [prefix + name for name in self.names()] + [
            prefix + page.notebook_href for page in self.pages
        ]


def _plan(language: str, lessons_dir: str | Path | None) -> list[_EditionPlan]:
    english = find_lessons_dir(lessons_dir)
    plans = []
    for code in dict.fromkeys(["en", language]):
        folder = edition_dir(english, code)
        edition = EDITIONS[code]
        own = {name: folder / name for name in edition.own_pages if (folder / name).is_file()}
        plans.append(
            _EditionPlan(edition, folder, course_pages(folder), sources_file(english), own)
        )
    return plans


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
    language: str | None = None,
) -> SiteResult:
    """Build the course website: every lesson run on a fresh kernel, then one page each.

    ``lessons_dir`` defaults to the clone's ``lessons/``.  ``execute=False`` skips running
    the lessons (quick, but the pages show no results).  ``jobs`` lessons run at once,
    each cell within ``timeout`` seconds.  ``binder`` (``OWNER/REPO`` on GitHub) adds
    "open on Binder" links at ``binder_ref``.  ``echo`` receives progress lines (``None``:
    quiet).  ``language`` is the edition to build: ``"en"``, or ``"bn"`` for the Bengali
    edition in ``bn/`` together with the English one it switches to (``None``: the
    language SMM Lab speaks, see ``use_language``).  A lesson that fails raises
    :class:`~smm_helpers.site.execute.LessonFailed` naming the lesson and cell, before
    anything is written.
    """
    say = echo or (lambda _line: None)
    started = time.perf_counter()
    language = current_language() if language is None else language
    if language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)
    folder = Path(out).expanduser()
    if binder is not None:
        binder = check_repo(binder)
    plans = _plan(language, lessons_dir)
    planned = [name for plan in plans for name in plan.files()]
    made_before = check_out_folder(folder, planned)  # refuse before any slow work

    import nbformat  # heavy: loaded on first use

    notebooks: dict[str, list[Any]] = {}
    seconds: dict[str, float] = {}
    warnings: list[str] = []
    for plan in plans:
        key = "" if plan.language == "en" else plan.edition.folder  # "bn/03-platforms"
        count = len(plan.pages)
        if len(plans) > 1:
            say(
                _("The {language} edition ({folder}):").format(
                    language=_(LANGUAGE_NAMES[plan.language]), folder=plan.lessons
                )
            )
        if execute:
            say(
                ngettext(
                    "Running {count} lesson on a fresh kernel, {jobs} at a time ...",
                    "Running {count} lessons on fresh kernels, {jobs} at a time ...",
                    count,
                ).format(count=digits(count), jobs=digits(min(jobs, count)))
            )
            runs = execute_lessons(
                [page.info.path for page in plan.pages],
                jobs=jobs,
                timeout=timeout,
                echo=say,
                language=plan.language,
            )
            notebooks[plan.language] = [run.notebook for run in runs]
            seconds.update({key + run.id: run.seconds for run in runs})
            warnings += [f"{key}{run.id}, {warning}" for run in runs for warning in run.warnings]
        else:
            say(
                ngettext(
                    "Reading {count} lesson (not running it: --no-execute) ...",
                    "Reading {count} lessons (not running them: --no-execute) ...",
                    count,
                ).format(count=digits(count))
            )
            notebooks[plan.language] = [
                nbformat.read(page.info.path, as_version=4) for page in plan.pages
            ]

    say(_("Writing the pages ..."))
    rendered: dict[str, str] = {}
    for plan in plans:
        prefix = plan.edition.folder
        lesson_ids = None if plan.language == "en" else frozenset(p.id for p in plan.pages)
        alternates = tuple(
            Alternate(
                other.language,
                other.edition.autonym,
                relative_href(prefix, other.edition.folder, ""),
                frozenset(other.names()),
            )
            for other in plans
            if other is not plan
        )
        site = SiteInfo(
            version=__version__,
            executed=execute,
            last_number=plan.pages[-1].info.number,
            binder_repo=binder,
            binder_ref=binder_ref,
            sources=plan.sources is not None,
            language=plan.language,
            glossary="glossary.md" in plan.own_pages,
            lessons_path=LESSONS_PATH + ("" if plan.language == "en" else f"/{plan.language}"),
            alternates=alternates,
        )
        with in_language(plan.language):
            exporter = make_exporter(plan.language)
            for page, notebook in zip(plan.pages, notebooks[plan.language], strict=True):
                ready, notes = prepare_notebook(notebook, page.id)
                warnings += notes
                name = prefix + page.href
                rendered[name] = render_lesson(ready, page, site, exporter, lesson_ids)
                warnings += [
                    _("{lesson}: a picture without alt text: {tag}").format(
                        lesson=prefix + page.id, tag=tag
                    )
                    for tag in images_without_alt_text(rendered[name])
                ]
            rendered[prefix + CONTENTS_PAGE] = render_contents(plan.pages, site)
            if plan.sources is not None:
                rendered[prefix + SOURCES_PAGE] = render_sources(
                    plan.sources.read_text(encoding="utf-8"), site, lesson_ids
                )
            for markdown_name, path in plan.own_pages.items():
                rendered[prefix + Path(markdown_name).with_suffix(".html").name] = (
                    render_markdown_page(
                        path.read_text(encoding="utf-8"), site, Path(markdown_name).stem, lesson_ids
                    )
                )

    # Everything is ready: only now is the folder touched.
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in rendered.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    for plan in plans:
        (folder / plan.edition.folder / "notebooks").mkdir(parents=True, exist_ok=True)
        for page in plan.pages:
            target = folder / plan.edition.folder / page.notebook_href
            shutil.copyfile(page.info.path, target)
            written.append(target)
    _remove_stale(folder, made_before - set(planned))
    (folder / MARKER).write_text(
        json.dumps({"made_by": MADE_BY, "files": planned}, indent=1) + "\n", encoding="utf-8"
    )

    editions = {plan.language: folder / plan.edition.folder / CONTENTS_PAGE for plan in plans}
    result = SiteResult(
        folder=folder,
        contents=editions[language],
        lesson_pages=[
            folder / plan.edition.folder / page.href for plan in plans for page in plan.pages
        ],
        files=written,
        executed=execute,
        seconds=seconds,
        warnings=warnings,
        editions=editions,
    )
    say(_("Built in {seconds} s.").format(seconds=digits(f"{time.perf_counter() - started:.0f}")))
    say(str(result))
    return result


def _remove_stale(folder: Path, stale: set[str]) -> None:
    """Remove the files an earlier build made that this one does not (lessons that are
    gone, an edition not built again), and the folders that leaves empty."""
    emptied: set[Path] = set()
    for name in sorted(stale):
        (folder / name).unlink(missing_ok=True)
        emptied.update(
            parent
            for parent in (folder / name).parents
            if parent != folder and folder in parent.parents
        )
    for empty in sorted(emptied, key=lambda path: len(path.parts), reverse=True):
        if empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
