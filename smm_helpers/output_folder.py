"""Never write into someone else's folder: the one rule of every command that writes a folder.

``smm-course demo``, ``site``, ``report``, ``init`` and the grading demo each write a folder
of their own.  A command may write into a folder that is new, empty, or holds only what it
made itself (an earlier run it may refresh); anything else is refused before any work is
done, with an error that names the folder, the first few files that are not the command's
(and how many there are) and what to do.  A command knows its own files in one of two ways
(:class:`FolderOwner`): a marker file it leaves behind, or the names it writes.  A command
with neither only writes into a new or empty folder.

>>> import tempfile
>>> mine = Path(tempfile.mkdtemp())
>>> _ = (mine / "notes.txt").write_text("my work")
>>> check_output_folder(mine, FolderOwner("the demo", "smm-lab-demo", marker=".smm-lab-demo"))
Traceback (most recent call last):
...
smm_helpers.errors.InputError: ... already exists and holds files the demo did not make (notes.txt).
How to fix it: the demo never overwrites your files: choose an empty or new folder with --out, e.g. --out smm-lab-demo.
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.grading.problems import printable
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits

__all__ = ["SHOWN", "FolderOwner", "check_output_folder", "foreign_files", "name_files"]

SHOWN = 3
"""How many foreign files an error names before it says how many more there are."""


@dataclass(frozen=True)
class FolderOwner:
    """A command that writes a folder of its own, and how it tells its own files.

    ``name`` is how messages call the command (marked with ``N_``, shown through ``_()``:
    ``N_("the demo")``); ``example`` a folder to suggest instead (``smm-lab-demo``) and
    ``option`` how the command is told its folder (``--out``; for ``init``, the command
    itself): data, never translated.  ``marker`` is a file the command leaves in its folder:
    a folder holding it is the command's own, to refresh.  ``own_files`` are the names the
    command writes and may replace.  A command with neither writes only into a new or empty
    folder (:attr:`refreshes` is false).

    >>> FolderOwner("the client report", "smm-lab-report",
    ...             own_files=("report.html", "report.pdf")).refreshes
    True
    >>> FolderOwner("the grading demo", "smm-lab-grading-demo").refreshes
    False
    """

    name: str
    example: str
    marker: str | None = None
    own_files: tuple[str, ...] = ()
    option: str = "--out"

    @property
    def suggestion(self) -> str:
        """How to name another folder: ``--out smm-lab-demo``.

        >>> FolderOwner("init", "~/courses/smm", option="smm-course init").suggestion
        'smm-course init ~/courses/smm'
        """
        return f"{self.option} {self.example}"

    @property
    def refreshes(self) -> bool:
        """Whether the command may write again into a folder it made before."""
        return self.marker is not None or bool(self.own_files)

    def is_own(self, folder: Path) -> bool:
        """Whether ``folder`` carries this command's marker (so all of it is the command's).

        >>> import tempfile
        >>> FolderOwner("the demo", "d", marker=".mark").is_own(Path(tempfile.mkdtemp()))
        False
        """
        return self.marker is not None and (Path(folder) / self.marker).is_file()


def foreign_files(folder: Path | str, owner: FolderOwner) -> list[str]:
    """The names in ``folder`` that ``owner`` did not make, sorted (``[]``: it may write).

    A missing or empty folder has none; nor has one with the owner's marker.  Nothing is
    written.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("report.html", "notes.md", "b.csv"):
    ...     _ = (folder / name).write_text("x")
    >>> report = FolderOwner("the client report", "r", own_files=("report.html",))
    >>> foreign_files(folder, report), foreign_files(folder / "new", report)
    (['b.csv', 'notes.md'], [])
    """
    folder = Path(folder)
    if not folder.is_dir() or owner.is_own(folder):
        return []
    return sorted(path.name for path in folder.iterdir() if path.name not in owner.own_files)


def name_files(names: Iterable[str], shown: int = SHOWN) -> str:
    """The first ``shown`` of ``names`` (made safe for a terminal), and how many more.

    >>> name_files(["todo.txt"])
    'todo.txt'
    >>> name_files(["a", "b", "c", "d", "e"])
    'a, b, c and 2 more'
    >>> name_files(["line\\nforged"])
    'line\\\\nforged'
    """
    names = list(names)
    listed = ", ".join(printable(name) for name in names[:shown])
    rest = len(names) - shown
    if rest <= 0:
        return listed
    return ngettext("{names} and {count} more", "{names} and {count} more", rest).format(
        names=listed, count=digits(rest)
    )


def check_output_folder(folder: Path | str, owner: FolderOwner) -> Path:
    """Refuse a ``folder`` that ``owner`` may not write into; return it as a ``Path``.

    Nothing is written: call it before any slow work.  A file in place of the folder, or a
    folder holding files the owner did not make, is an ``InputError`` that names the folder,
    the first files (and how many more) and what to do.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> init = FolderOwner("init", "~/courses/smm-2026", option="smm-course init")
    >>> check_output_folder(tmp / "new", init).name
    'new'
    >>> for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
    ...     _ = (tmp / name).write_text("mine")
    >>> check_output_folder(tmp, init)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: ... already has files in it (a.txt, b.txt, c.txt and 1 more); init only writes into a new or empty folder.
    How to fix it: pass a new folder, e.g. smm-course init ~/courses/smm-2026.
    >>> check_output_folder(tmp / "a.txt", init)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: .../a.txt is a file, not a folder.
    How to fix it: pass a folder, e.g. smm-course init ~/courses/smm-2026.
    """  # noqa: E501
    folder = Path(folder)
    shown = printable(folder)
    who = _(owner.name)
    if folder.exists() and not folder.is_dir():
        raise InputError(
            _("{folder} is a file, not a folder").format(folder=shown),
            fix=_("pass a folder, e.g. {example}").format(example=owner.suggestion),
        )
    foreign = foreign_files(folder, owner)
    if not foreign:
        return folder
    if owner.refreshes:
        raise InputError(
            _("{folder} already exists and holds files {owner} did not make ({files})").format(
                folder=shown, owner=who, files=name_files(foreign)
            ),
            fix=_(
                "{owner} never overwrites your files: choose an empty or new folder with "
                "{option}, e.g. {example}"
            ).format(owner=who, option=owner.option, example=owner.suggestion),
        )
    raise InputError(
        _(
            "{folder} already has files in it ({files}); {owner} only writes into a new or "
            "empty folder"
        ).format(folder=shown, files=name_files(foreign), owner=who),
        fix=_("pass a new folder, e.g. {example}").format(example=owner.suggestion),
    )
