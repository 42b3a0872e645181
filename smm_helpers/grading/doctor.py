"""Is this computer and this course folder ready to grade? ``smm-course doctor``.

Two parts, each a list of ✓ / ⚠ / ✗ lines saying what to fix:

- **the environment**: nbgrader and its version, its helper ``alembic``, nbgrader's four
  server extensions and its JupyterLab extension, a ``python3`` kernel that can import
  ``smm_helpers``, the same import in the clean environment autograde grades in, the
  bubblewrap sandbox autograde uses (a warning only: grading still works, unisolated), a
  Bengali font for charts (a warning only);
- **the course folder**: ``nbgrader_config.py`` loads and sets a ``course_id``, the roster
  (header, empty, unusable or repeated ids, ids that differ only in case, repeated LMS ids —
  every problem, not just the first; as warnings, ids the class hub cannot use as account
  names and columns it ignores), the due dates (time zones, known assignments, which have
  none yet), a notebook in every source assignment, each
  assignment's grade_ids and rubric (see :func:`~smm_helpers.grading.validate.structure_checks`)
  and the gradebook, if there is one.

Nothing is run and nothing is written (an old gradebook may be upgraded by nbgrader when
it is opened).  ``smm-course doctor`` exits 1 when any line is ✗.

>>> report = DoctorReport([Check("ok", "nbgrader 0.9.6")], [Check("warn", "no font", "install")])
>>> print(report.text())
Environment
  ✓ nbgrader 0.9.6
Course folder
  ⚠ no font — install
No problems; 1 warning.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smm_helpers.errors import DataError
from smm_helpers.fonts import find_bengali_font
from smm_helpers.grading.course import DUE_COLUMNS, Course, load_config, open_course
from smm_helpers.grading.extensions import extension_checks
from smm_helpers.grading.problems import Echo, printable
from smm_helpers.grading.roster import (
    OPTIONAL_COLUMNS,
    ROSTER_COLUMNS,
    examine_roster,
    hub_account_problem,
)
from smm_helpers.grading.sandbox import bwrap
from smm_helpers.grading.sandbox.launch import Limits
from smm_helpers.grading.tables import decode, every_row
from smm_helpers.grading.validate import Check, structure_checks

MIN_NBGRADER = (0, 9, 6)
"""The oldest nbgrader SMM Lab's grading is tested with (see pyproject.toml)."""

SERVER_EXTENSIONS = ("formgrader", "assignment_list", "course_list", "validate_assignment")
"""nbgrader's server extensions (``nbgrader.server_extensions.<name>``)."""

LAB_EXTENSION = "@jupyter/nbgrader"
HUB_SHOWN = 10
"""How many learner ids the class hub cannot use the doctor names (then "and N more")."""
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}


@dataclass
class DoctorReport:
    """The environment's and the course folder's checks."""

    environment: list[Check] = field(default_factory=list)
    course: list[Check] = field(default_factory=list)
    course_dir: Path | None = None

    @property
    def checks(self) -> list[Check]:
        return self.environment + self.course

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.status == "fail"]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if c.status == "warn"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def text(self) -> str:
        where = f"Course folder {self.course_dir}" if self.course_dir else "Course folder"
        lines = [
            "Environment",
            *(f"  {c}" for c in self.environment),
            where,
            *(f"  {c}" for c in self.course),
        ]
        n, w = len(self.failures), len(self.warnings)
        problems = f"{n} problem{'s' if n != 1 else ''} to fix" if n else "No problems"
        warnings = f"; {w} warning{'s' if w != 1 else ''}" if w else ""
        lines.append(f"{problems}{warnings}.")
        return "\n".join(lines)


def run_doctor(
    course_dir: str | Path, *, environment: bool = True, echo: Echo | None = None
) -> DoctorReport:
    """Check the environment (unless ``environment=False``) and the course folder.

    ``echo`` (e.g. ``print``) receives the report's text at the end.

    >>> report = run_doctor("/no/such/course", environment=False)
    >>> print(report.course[0])
    ✗ /no/such/course has no nbgrader_config.py — pass --course with the folder that holds it
    """
    report = DoctorReport(course_dir=Path(course_dir))
    if environment:
        report.environment = environment_checks()
    report.course = course_checks(course_dir)
    if echo is not None:
        echo(report.text())
    return report


# ----------------------------------------------------------------------------- environment
def _version_tuple(text: str) -> tuple[int, ...]:
    """``'0.9.6'`` → ``(0, 9, 6)``; pre-release tags are ignored.

    >>> _version_tuple("0.10.0rc1")
    (0, 10, 0)
    """
    return tuple(int(m) for m in re.findall(r"\d+", text.split("rc")[0].split("a")[0])[:3])


def environment_checks() -> list[Check]:
    """The checks of this Python's environment (see the module docstring)."""
    checks = [_check_alembic(), _check_nbgrader()]
    if checks[1].status != "fail":
        checks.append(_check_server_extensions())
        checks.append(_check_lab_extension())
    checks.append(_check_kernel())
    checks.append(_check_graded_python())
    checks.append(_check_sandbox())
    checks.append(_check_font())
    return checks


def _check_sandbox() -> Check:
    """Can autograde put each submission in a bubblewrap sandbox here? (docs/sandbox.md)"""
    found = bwrap.support()
    if found.available:
        limits = Limits()
        return Check(
            "ok",
            f"submissions are graded in a bubblewrap sandbox ({found.bwrap}): "
            "no network, only their own files, at most "
            f"{limits.memory_mb} MB and {limits.processes} processes, and "
            "everything they start is stopped with them",
        )
    return Check(
        "warn",
        f"autograde cannot sandbox submissions here: {found.why}. They "
        "would run with your permissions (read and change your files, use "
        "the network); tests still run outside their kernel, with time and "
        "memory limits",
        "install bubblewrap (see docs/sandbox.md), or grade on a Linux machine that has it",
    )


def _check_nbgrader() -> Check:
    try:
        import nbgrader  # heavy, and the check is whether it imports at all
    except Exception as error:
        return Check(
            "fail",
            f"nbgrader cannot be imported ({type(error).__name__}: {error})",
            fix=f"{sys.executable} -m pip install 'nbgrader>=0.9.6'",
        )
    version = str(getattr(nbgrader, "__version__", "?"))
    if _version_tuple(version) < MIN_NBGRADER:
        return Check(
            "fail",
            f"nbgrader {version} is older than SMM Lab needs",
            fix=f"{sys.executable} -m pip install --upgrade 'nbgrader>=0.9.6'",
        )
    return Check("ok", f"nbgrader {version} is installed")


def _check_alembic() -> Check:
    on_path = shutil.which("alembic")
    if on_path:
        return Check("ok", f"alembic (which nbgrader's gradebook runs) is on PATH: {on_path}")
    beside = [
        p
        for p in (Path(sys.executable).parent / n for n in ("alembic", "alembic.exe"))
        if p.is_file()
    ]
    if beside:
        return Check(
            "warn",
            f"alembic is installed in {beside[0].parent} but that folder is "
            "not on PATH (smm-course adds it; nbgrader's own commands do not)",
            fix="activate the environment (source .venv/bin/activate) before "
            "running nbgrader's own commands",
        )
    return Check(
        "fail",
        "alembic is not installed, so nbgrader cannot create or open the gradebook",
        fix=f"{sys.executable} -m pip install alembic",
    )


def _check_server_extensions() -> Check:
    from jupyter_core.paths import jupyter_config_path  # heavy: loaded on first use
    from jupyter_server.extension.config import ExtensionConfigManager  # heavy: loaded on first use

    modules = [f"nbgrader.server_extensions.{name}" for name in SERVER_EXTENSIONS]
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        return Check(
            "fail",
            "nbgrader's server extensions are missing: " + ", ".join(missing),
            fix=f"reinstall nbgrader: {sys.executable} -m pip install --force-reinstall nbgrader",
        )
    enabled = ExtensionConfigManager(
        read_config_path=jupyter_config_path()
    ).get_jpserver_extensions()
    off = [m for m in modules if not enabled.get(m)]
    if off:
        return Check(
            "warn",
            "these nbgrader server extensions are off in Jupyter's config: "
            + ", ".join(m.rsplit(".", 1)[1] for m in off),
            fix="smm-course lab --instructor turns them on for its session; to have "
            "them always on: jupyter server extension enable --sys-prefix " + " ".join(off),
        )
    return Check(
        "ok",
        "nbgrader's server extensions are installed and enabled: " + ", ".join(SERVER_EXTENSIONS),
    )


def _check_lab_extension() -> Check:
    from jupyter_core.paths import jupyter_config_path, jupyter_path  # heavy: loaded on first use

    found = [Path(p) / LAB_EXTENSION / "package.json" for p in jupyter_path("labextensions")]
    found = [p for p in found if p.is_file()]
    if not found:
        return Check(
            "warn",
            f"nbgrader's JupyterLab extension ({LAB_EXTENSION}) is not "
            "installed: JupyterLab will not show the Formgrader and Assignments "
            "panels (the commands still work)",
            fix=f"{sys.executable} -m pip install --force-reinstall nbgrader",
        )
    for folder in jupyter_config_path():
        page = Path(folder) / "labconfig" / "page_config.json"
        try:
            disabled = json.loads(page.read_text(encoding="utf-8")).get("disabledExtensions")
        except (OSError, ValueError, AttributeError):
            continue
        if (isinstance(disabled, dict) and disabled.get(LAB_EXTENSION)) or (
            isinstance(disabled, list) and LAB_EXTENSION in disabled
        ):
            return Check(
                "warn",
                f"nbgrader's JupyterLab extension is disabled in {page}",
                fix=f"jupyter labextension enable {LAB_EXTENSION}",
            )
    version = json.loads(found[0].read_text(encoding="utf-8")).get("version", "?")
    return Check("ok", f"nbgrader's JupyterLab extension {version} is installed")


def _check_kernel() -> Check:
    # heavy: loaded on first use
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    fix = f"{sys.executable} -m ipykernel install --sys-prefix"
    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        return Check(
            "fail",
            "there is no 'python3' Jupyter kernel, which every notebook of the course asks for",
            fix=fix,
        )
    program = spec.argv[0] if spec.argv else ""
    if Path(program).name in {"python", "python3", f"python{sys.version_info[0]}"} and (
        not Path(program).is_absolute()
    ):
        return Check("ok", "the 'python3' kernel runs this Python, which has smm_helpers")
    if not _imports(program, "smm_helpers"):
        return Check(
            "fail",
            f"the 'python3' kernel runs {program}, which cannot import "
            "smm_helpers: every notebook would fail at its first cell",
            fix=fix,
        )
    return Check("ok", f"the 'python3' kernel runs {program}, which has smm_helpers")


def _check_graded_python(module: str = "smm_helpers") -> Check:
    """Does a graded notebook's Python find ``module``?

    autograde starts the learner's kernel from this Python isolated (``python -I``) in a
    clean environment: no ``PYTHONPATH``, no user site-packages (so no ``pip install
    --user`` packages), another home folder and the learner's folder as the working folder.
    Only a package installed into this Python counts there.
    """
    with tempfile.TemporaryDirectory(prefix="smm-doctor-") as elsewhere:
        found = _imports(
            sys.executable,
            module,
            "-I",
            cwd=elsewhere,
            env={"PATH": os.environ.get("PATH", ""), "HOME": elsewhere},
        )
    if found:
        return Check("ok", f"graded notebooks can import {module}: it is installed in {sys.prefix}")
    spec = importlib.util.find_spec(module)
    where = Path(spec.origin).parent.parent if spec and spec.origin else Path(".")
    return Check(
        "fail",
        f"graded notebooks cannot import {module}: autograde starts their "
        f"Python ({sys.executable}) in a clean environment, where {module} "
        "is not found (here it comes from PYTHONPATH, the current folder or "
        "a --user install); every learner would score 0",
        fix=f"{sys.executable} -m pip install -e {where}",
    )


def _imports(python: str, module: str, *flags: str, **run: Any) -> bool:
    """Whether ``python [flags] -c "import module"`` succeeds (``run``: cwd, env for
    subprocess)."""
    try:
        done = subprocess.run(
            [python, *flags, "-c", f"import {module}"],
            capture_output=True,
            timeout=60,
            check=False,
            **run,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _check_font() -> Check:
    font = find_bengali_font()
    if font is None:
        return Check(
            "warn",
            "no Bengali font: charts with Bengali labels show empty boxes",
            fix="install Noto Sans Bengali (Debian/Ubuntu: apt-get install fonts-noto-core)",
        )
    return Check("ok", f"Bengali font for charts: {font.family}")


# ----------------------------------------------------------------------------- course
def course_checks(course_dir: str | Path) -> list[Check]:
    """The checks of a course folder (see the module docstring)."""
    folder = Path(course_dir).expanduser()
    if not (folder / "nbgrader_config.py").is_file():
        return [
            Check(
                "fail",
                f"{course_dir} has no nbgrader_config.py",
                fix="pass --course with the folder that holds it",
            )
        ]
    try:
        raw = load_config(folder.resolve())
        course = open_course(folder)
    except Exception as error:
        line = f" (line {error.lineno})" if isinstance(error, SyntaxError) else ""
        return [
            Check(
                "fail",
                f"nbgrader_config.py does not load{line}: {type(error).__name__}: {error}",
                fix="fix the Python in nbgrader_config.py; it is run as a script",
            )
        ]
    checks = [Check("ok", "nbgrader_config.py loads")]
    if str(raw.get("CourseDirectory", {}).get("course_id", "")).strip():
        checks.append(Check("ok", f"course_id is '{course.course_id}'"))
    else:
        checks.append(
            Check(
                "fail",
                "nbgrader_config.py sets no course_id, which nbgrader's "
                "exchange and Assignments panel need",
                fix='add c.CourseDirectory.course_id = "smm-lab" (or your course\'s id)',
            )
        )
    checks.append(formgrader_check(folder))
    checks += roster_checks(course.roster_file)
    checks += source_checks(course)
    checks += due_date_checks(course.due_dates_file, course.assignments())

    checks += extension_checks(course)
    for assignment in course.assignments():
        for check in structure_checks(course, assignment):
            if check.status != "ok":
                checks.append(Check(check.status, f"{assignment}: {check.message}", check.fix))
    if course.assignments():
        checks.append(
            Check(
                "ok",
                "grade_ids and rubrics checked in "
                f"{len(course.assignments())} assignments (smm-course validate "
                "also runs them)",
            )
        )
    checks.append(gradebook_check(course))
    return checks


def formgrader_check(folder: Path) -> Check:
    """Does the course's own config keep learners' content from running in the Formgrader?

    ``smm-course`` commands add the safe settings to any course config, but nbgrader's
    Formgrader reads the course folder's ``nbgrader_config.py`` itself.
    """
    from traitlets.config.loader import PyFileConfigLoader  # heavy: loaded on first use

    # heavy: loads jinja2, markupsafe, nbclient on first use
    from smm_helpers.grading.sanitize import missing_safe_settings

    own = PyFileConfigLoader("nbgrader_config.py", path=str(folder.resolve())).load_config()
    missing = missing_safe_settings(own)
    if missing:
        return Check(
            "warn",
            "nbgrader_config.py does not clean learners' notebooks for the "
            "Formgrader, so a learner's script could run in your browser there",
            fix="add these lines (as in the repository's course/nbgrader_config.py): "
            + "; ".join(missing),
        )
    return Check("ok", "the Formgrader shows learners' notebooks cleaned (no script runs)")


def _failed(error: DataError) -> Check:
    """A problem of a file the instructor edits, as a ✗ line (where, what; the fix after)."""
    where = [str(part) for part in (error.file,) if part is not None]
    if error.line is not None:
        where.append(f"line {error.line}")
    if error.column is not None:
        where.append(f"column {error.column!r}")
    prefix = ", ".join(where) + ": " if where else ""
    return Check("fail", prefix + error.problem.rstrip("."), fix=error.fix.rstrip("."))


def roster_checks(path: Path) -> list[Check]:
    """Every problem of a roster file, each on its own line (not only the first); ids the
    class hub cannot use as account names and columns SMM Lab ignores are warnings.

    The roster is read as every command reads it (:mod:`smm_helpers.grading.roster`), so
    what passes here passes everywhere.

    >>> import tempfile
    >>> roster = Path(tempfile.mkdtemp()) / "roster.csv"
    >>> _ = roster.write_text("id,first_name,last_name,email\\nar1,A,B,a@x\\nar1,C,D,c@x\\n")
    >>> for check in roster_checks(roster): print(check)
    ✗ roster.csv, line 3, column 'id': learner id 'ar1' is also on line 2 — give every learner their own id
    >>> _ = roster.write_text("\\ufeffID;First Name;Last Name;Email;Section\\nAR1;A;B;a@x\\n",
    ...                       encoding="utf-8")
    >>> for check in roster_checks(roster): print(check)  # doctest: +ELLIPSIS
    ✓ roster.csv lists 1 learner with their own ids
    ⚠ roster.csv has a column SMM Lab does not read, so it is ignored: section — ...
    ⚠ roster.csv: 1 learner id cannot be an account name on the class hub (course/jupyterhub): 'AR1' (line 2: it has capital letters...) — ...
    """  # noqa: E501
    name = path.name
    if not path.is_file():
        return [
            Check(
                "fail",
                f"there is no {name}, so no learner can be graded",
                fix=f"write {name} with the header {','.join(ROSTER_COLUMNS)} (and "
                "optionally lms_id) and one line per learner",
            )
        ]
    try:
        reading = examine_roster(decode(path.read_bytes(), name), name)
    except DataError as error:
        return [_failed(error)]
    checks = [_failed(problem) for problem in reading.problems]
    n = len(reading.learners)
    if not checks:
        if n:
            checks.append(
                Check("ok", f"{name} lists {n} learner{'s' if n != 1 else ''} with their own ids")
            )
        else:
            checks.append(
                Check("warn", f"{name} lists no learners yet", fix="add one line per learner")
            )
    ignored = reading.ignored_columns
    if ignored:
        many = len(ignored) != 1
        checks.append(
            Check(
                "warn",
                f"{name} has {'columns' if many else 'a column'} SMM Lab does not read, "
                f"so {'they are' if many else 'it is'} ignored: "
                + ", ".join(printable(c) for c in ignored),
                fix="nothing to do if it came with an LMS export; SMM Lab reads "
                + ", ".join((*ROSTER_COLUMNS, *OPTIONAL_COLUMNS)),
            )
        )
    unusable = [
        (learner.id, why)
        for learner in reading.learners
        if (why := hub_account_problem(learner.id))
    ]
    if unusable:
        shown = [
            f"'{printable(learner)}' (line {reading.lines[learner]}: {why})"
            for learner, why in unusable[:HUB_SHOWN]
        ]
        if len(unusable) > HUB_SHOWN:
            shown.append(f"and {len(unusable) - HUB_SHOWN} more")
        many = len(unusable) != 1
        checks.append(
            Check(
                "warn",
                f"{name}: {len(unusable)} learner id{'s' if many else ''} cannot be "
                f"{'account names' if many else 'an account name'} on the class hub "
                "(course/jupyterhub): " + "; ".join(shown),
                fix="if the class uses the hub, use lower-case letters, digits, '_' or '-', "
                "starting with a letter, as each learner's hub account and roster id",
            )
        )
    return checks


def source_checks(course: Course) -> list[Check]:
    """Every assignment folder in the source directory holds a notebook."""
    source = course.source_dir
    if not source.is_dir():
        return [
            Check(
                "fail",
                f"the source folder {source} does not exist",
                fix="create it, or set c.CourseDirectory.source_directory in nbgrader_config.py",
            )
        ]
    folders = sorted(
        p
        for p in source.iterdir()
        if p.is_dir() and p.name not in _SKIP_DIRS and not p.name.startswith(".")
    )
    empty = [p.name for p in folders if not any(p.glob("*.ipynb"))]
    checks = [
        Check(
            "fail",
            f"source assignment {name} has no notebook",
            fix=f"put {name}.ipynb in {source / name}, or remove the folder",
        )
        for name in empty
    ]
    if not folders:
        checks.append(Check("warn", f"{source} holds no assignments yet"))
    elif not empty:
        checks.append(Check("ok", f"all {len(folders)} source assignments have a notebook"))
    return checks


def due_date_checks(path: Path, assignments: list[str]) -> list[Check]:
    """Every problem of a due-date file: dates, time zones, repeats, unknown assignments;
    an assignment without a due date yet (an empty due, or no line) is a warning.

    The file is read as every command reads it (see :mod:`smm_helpers.grading.tables`).

    >>> import tempfile
    >>> due = Path(tempfile.mkdtemp()) / "due_dates.csv"
    >>> _ = due.write_text("assignment,due\\n01-a,2026-09-20T23:59:00\\n09-z,2026-09-27T23:59+06:00\\n")
    >>> for check in due_date_checks(due, ["01-a"]): print(check)  # doctest: +ELLIPSIS
    ✗ due_dates.csv, line 2: the due time '2026-09-20T23:59:00' has no time zone...2026-09-20T23:59:00+06:00 for Dhaka
    ✗ due_dates.csv, line 3: '09-z' is not an assignment of the course — use one of: 01-a
    >>> _ = due.write_text("Assignment;Due\\n01-a;2026-09-20T23:59:00+06:00\\n02-b;\\n")
    >>> for check in due_date_checks(due, ["01-a", "02-b"]): print(check)  # doctest: +ELLIPSIS
    ✓ due_dates.csv: 1 due date, with its time zone
    ⚠ no due date yet for 02-b, so its submissions are never marked late — give ... in due_dates.csv before releasing it
    """  # noqa: E501
    name = path.name
    if not path.is_file():
        return [
            Check(
                "warn",
                f"there is no {name}, so no submission is marked late",
                fix=f"write {name} with the header {','.join(DUE_COLUMNS)}",
            )
        ]
    try:
        text = decode(path.read_bytes(), name)
    except DataError as error:
        return [_failed(error)]
    rows, problems = every_row(text, DUE_COLUMNS, file=name, what="due-date list")
    checks = [_failed(problem) for problem in problems]
    seen: dict[str, int] = {}
    dated: set[str] = set()
    for row in rows:
        line, assignment, due = row.line, row["assignment"], row["due"]
        if not assignment:
            checks.append(
                Check(
                    "fail",
                    f"{name}, line {line}: the assignment is empty",
                    fix="write the assignment's folder name, e.g. "
                    + (assignments[0] if assignments else "01-intro"),
                )
            )
            continue
        if assignment in seen:
            checks.append(
                Check(
                    "fail",
                    f"{name}, line {line}: {assignment} already has a due "
                    f"date on line {seen[assignment]}",
                    fix="keep one line per assignment",
                )
            )
        seen.setdefault(assignment, line)
        if assignment not in assignments:
            checks.append(
                Check(
                    "fail",
                    f"{name}, line {line}: {assignment!r} is not an assignment of the course",
                    fix="use one of: " + (", ".join(assignments) or "(none yet)"),
                )
            )
        if not due:
            continue  # no due date yet: warned about below
        dated.add(assignment)
        try:
            when = dt.datetime.fromisoformat(due)
        except ValueError:
            checks.append(
                Check(
                    "fail",
                    f"{name}, line {line}: {due!r} is not a date and time",
                    fix="write it as ISO 8601 with the offset, e.g. 2026-09-20T23:59:00+06:00",
                )
            )
            continue
        if when.tzinfo is None:
            checks.append(
                Check(
                    "fail",
                    f"{name}, line {line}: the due time {due!r} has no "
                    "time zone, so 'late' would depend on the server's clock",
                    fix=f"add the course's UTC offset, e.g. {due}+06:00 for Dhaka",
                )
            )
    if not checks and dated:
        n = len(dated)
        checks.append(
            Check(
                "ok",
                f"{name}: {n} due date{'s' if n != 1 else ''}, "
                f"{'each ' if n != 1 else ''}with its time zone",
            )
        )
    undated = [a for a in assignments if a not in dated]
    if undated and not (problems and (problems[0].line or 1) <= 1):
        one = len(undated) == 1
        checks.append(
            Check(
                "warn",
                f"no due date yet for {', '.join(undated)}, so "
                f"{'its' if one else 'their'} submissions are never marked late",
                fix="give " + ("it a due" if one else "them a due") + " (ISO 8601 "
                "with the offset, e.g. 2026-09-20T23:59:00+06:00) in "
                f"{name} before releasing {'it' if one else 'them'}",
            )
        )
    return checks


def gradebook_check(course: Course) -> Check:
    """The gradebook opens, if there is one yet."""
    if course.db_url.startswith("sqlite:///"):
        db = Path(course.db_url.removeprefix("sqlite:///"))
        if not db.is_file():
            return Check("ok", "no gradebook yet (smm-course release creates it)")
    try:
        with course.gradebook() as gb:
            students, assignments = len(gb.students), len(gb.assignments)
    except Exception as error:
        return Check(
            "fail",
            f"the gradebook does not open: {type(error).__name__}: {str(error).strip()[:200]}",
            fix="if it is from an older nbgrader, keep a copy and run nbgrader db "
            "upgrade in the course folder",
        )
    return Check("ok", f"the gradebook opens ({students} learners, {assignments} assignments)")
