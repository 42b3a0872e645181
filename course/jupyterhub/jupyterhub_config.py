"""JupyterHub configuration for running the SMM Lab course with a class (see README.md here).

Learners and instructors log in to one hub.  Every learner gets their own single-user server,
running as their own system account, with the lessons copied into their home and nbgrader's
Assignments panel talking to a shared exchange; instructors get the same plus the formgrader,
opened on the course folder.  Everything deployment-specific comes from environment variables,
so this same file runs the tests (``tests/test_jupyterhub.py``) and a real class:

``SMM_HUB_COURSE_DIR``      the instructors' nbgrader course folder (holds nbgrader_config.py);
                            default ``/srv/smm-lab/course`` (a clone's ``course/``)
``SMM_HUB_EXCHANGE``        nbgrader's exchange, shared by everyone; default nbgrader's own
                            ``/usr/local/share/nbgrader/exchange``
``SMM_HUB_USERS``           the class list, ``username,role`` with role ``learner`` or
                            ``instructor``; default ``users.csv`` beside this file
``SMM_HUB_LESSONS``         the lessons copied into each learner's home; default the
                            ``lessons/`` folder beside the course folder
``SMM_HUB_COURSE_ID``       nbgrader's course id; default ``smm-lab`` (as course/nbgrader_config.py)
``SMM_HUB_AUTHENTICATOR``   JupyterHub's authenticator; default ``pam`` (system passwords)
``SMM_HUB_USER_PYTHON``     the Python that runs the single-user servers (``<it> -m
                            jupyterhub.singleuser``); default JupyterHub's
                            ``jupyterhub-singleuser`` on PATH
``SMM_HUB_EXTRA_CONFIG``    an optional JupyterHub config file loaded last: the authenticator's
                            own settings (client ids, secrets, LTI keys), admin users, TLS

Run it as root (JupyterHub's LocalProcessSpawner starts each server as its user):
``jupyterhub -f /etc/smm-lab/hub/jupyterhub_config.py`` from the hub's state folder.
A misconfiguration stops the hub at start with what is wrong and how to fix it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import pwd
import re
import stat
import subprocess
import tarfile
from pathlib import Path

c = get_config()  # noqa: F821 -- traitlets provides get_config() when it loads this file
HERE = Path(__file__).resolve().parent

ROLES = ("learner", "instructor")
# Linux account names (useradd's default rule); no '+', which nbgrader uses in exchange names.
USERNAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


class CourseHubError(Exception):
    """The hub cannot serve the class as configured; the message says how to fix it."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(f"{problem}.\nHow to fix it: {fix}.")


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def read_users(path: Path) -> dict[str, str]:
    """Read the class list (``username,role``): usernames to roles, in file order.

    Blank lines and lines starting with ``#`` are skipped.  Usernames are the learners' ids
    on the course roster too: nbgrader names every submission after the account that made it.
    """
    if not path.is_file():
        raise CourseHubError(
            f"the class list {path} does not exist",
            "write it with the header username,role and one line per person, role learner or "
            f"instructor (see {HERE / 'users.example.csv'}), or point SMM_HUB_USERS at yours",
        )
    users: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:  # -sig: Excel's "CSV UTF-8"
        text = fh.read()
    header = text.partition("\n")[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","  # Excel's other CSV
    rows = [
        (n, row)
        for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        if row and any(cell.strip() for cell in row) and not row[0].lstrip().startswith("#")
    ]
    if not rows or [cell.strip() for cell in rows[0][1]] != ["username", "role"]:
        shown = ",".join(rows[0][1]) if rows else "(nothing)"
        raise CourseHubError(
            f"{path}, line {rows[0][0] if rows else 1}: the header is {shown!r}",
            "make the first line exactly username,role",
        )
    for line, row in rows[1:]:
        where = f"{path}, line {line}"
        if len(row) != 2:
            raise CourseHubError(
                f"{where}: {len(row)} values instead of 2",
                "write one username and one role per line",
            )
        name, role = row[0].strip(), row[1].strip()
        if not USERNAME.match(name):
            raise CourseHubError(
                f"{where}: {name!r} is not a usable account name",
                "use lowercase letters, digits, '_' or '-', starting with a letter or '_' "
                "(at most 32 characters): it is the learner's system account and roster id",
            )
        if role not in ROLES:
            raise CourseHubError(
                f"{where}: role {role!r} is not one of {', '.join(ROLES)}",
                f"write learner or instructor after {name}",
            )
        if name in users:
            raise CourseHubError(f"{where}: {name} is listed twice", "keep one line per person")
        users[name] = role
    return users


def reachable_by_others(path: Path) -> bool:
    """True if an account that is neither the owner nor in the group can enter ``path``."""
    path = path.resolve()
    return all(os.stat(p).st_mode & stat.S_IXOTH for p in (*reversed(path.parents), path))


def check_course_folder(course_dir: Path) -> None:
    """Refuse a course folder learners could open: it holds the gradebook and, beside it,
    the assignments' solutions and hidden tests."""
    if not (course_dir / "nbgrader_config.py").is_file():
        raise CourseHubError(
            f"{course_dir} is not an nbgrader course folder (it has no nbgrader_config.py)",
            "put a copy of the repository's course/ and assignments/ folders side by side "
            "(e.g. /srv/smm-lab/course and /srv/smm-lab/assignments) and point "
            "SMM_HUB_COURSE_DIR at the course folder",
        )
    for folder in (course_dir, course_dir.parent / "assignments"):
        if folder.is_dir() and reachable_by_others(folder):
            raise CourseHubError(
                f"learners could read {folder} (every folder down to it lets others in), "
                "where the gradebook, submissions, solutions and hidden tests are",
                f"chmod o-rwx {course_dir.parent} (the checkout), give it to the instructors' "
                f"group (chgrp -R instructors {course_dir.parent}) and keep learners out of "
                "that group",
            )


def ensure_exchange(
    exchange: Path, course_id: str, course_owner: int, learner_uids: set[int]
) -> None:
    """Make nbgrader's exchange: the root writable by all (sticky, so nobody can remove what
    others made) and the course's own folder made in advance for the instructor who owns the
    course folder, so no learner can claim it before the first release."""
    course = exchange / course_id
    try:
        if not exchange.is_dir():
            exchange.mkdir(parents=True)
            os.chmod(exchange, 0o1777)
        if not course.exists():
            course.mkdir()
            os.chmod(course, 0o755)
            os.chown(course, course_owner, -1)
    except PermissionError as error:
        raise CourseHubError(
            f"the hub could not prepare the exchange {exchange}: {error}",
            f"run the hub as root, or make it yourself: mkdir -p {course}; "
            f"chmod 1777 {exchange}; chown <instructor> {course}",
        ) from None
    mode = stat.S_IMODE(os.stat(exchange).st_mode)
    if mode & 0o777 != 0o777:
        raise CourseHubError(
            f"the exchange {exchange} is not writable by everyone (mode {oct(mode)})",
            f"chmod 1777 {exchange}: learners submit by writing into it",
        )
    if os.stat(course).st_uid in learner_uids:
        owner = pwd.getpwuid(os.stat(course).st_uid).pw_name
        raise CourseHubError(
            f"{course} belongs to the learner {owner}, who could read and replace every "
            "submission in it",
            f"move it away (mv {course} {course}.suspect) and restart the hub, which makes it "
            "afresh for the course folder's owner; then release the assignments again",
        )


def learner_uids(learners: list[str]) -> set[int]:
    """The user ids of the learners who have a system account."""
    uids = set()
    for name in learners:
        with contextlib.suppress(KeyError):  # no account (yet): nothing it could own
            uids.add(pwd.getpwnam(name).pw_uid)
    return uids


def lessons_archive(source: Path) -> bytes:
    """The lessons folder as an uncompressed tar stream, as ``lessons/...``."""
    skip = {".ipynb_checkpoints", "__pycache__", ".gitignore"}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        tar.add(
            source,
            arcname="lessons",
            filter=lambda info: None if Path(info.name).name in skip else info,
        )
    return buffer.getvalue()


def copy_lessons(source: Path, home: Path, account: str | None) -> None:
    """Copy the lessons into ``home/lessons``, adding only the files the learner lacks.

    The hub reads the lessons (learners may not be able to); the files are written by
    ``tar --skip-old-files`` running *as the learner*, so a learner's own edits are never
    replaced and nothing in their home (a symlink, say) can make the hub write elsewhere.
    ``account`` is None when servers run as the hub's own account.
    """
    run_as: dict = {}
    if account is not None:
        entry = pwd.getpwnam(account)
        if entry.pw_uid != os.geteuid():
            run_as = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    result = subprocess.run(
        [
            "tar",
            "--extract",
            "--skip-old-files",
            "--no-same-owner",
            "--file",
            "-",
            "--directory",
            str(home),
        ],
        input=lessons_archive(source),
        capture_output=True,
        check=False,
        **run_as,
    )
    if result.returncode != 0:
        raise CourseHubError(
            f"could not copy the lessons into {home}: {result.stderr.decode().strip()}",
            f"check that {home} exists and belongs to its learner",
        )


# ---------------------------------------------------------------------------------------------
# Where things are
COURSE_DIR = _env_path("SMM_HUB_COURSE_DIR", Path("/srv/smm-lab/course"))
EXCHANGE = _env_path("SMM_HUB_EXCHANGE", Path("/usr/local/share/nbgrader/exchange"))
USERS_FILE = _env_path("SMM_HUB_USERS", HERE / "users.csv")
LESSONS = _env_path("SMM_HUB_LESSONS", COURSE_DIR.parent / "lessons")
COURSE_ID = os.environ.get("SMM_HUB_COURSE_ID", "").strip() or "smm-lab"
SINGLEUSER = HERE / "singleuser"  # config every single-user server reads (see its files)

USERS = read_users(USERS_FILE)
LEARNERS = sorted(name for name, role in USERS.items() if role == "learner")
INSTRUCTORS = sorted(name for name, role in USERS.items() if role == "instructor")
if not INSTRUCTORS:
    raise CourseHubError(
        f"{USERS_FILE} lists no instructor", "add at least one line <username>,instructor"
    )
if not LESSONS.is_dir():
    raise CourseHubError(
        f"the lessons folder {LESSONS} does not exist",
        "point SMM_HUB_LESSONS at the repository's lessons/ folder",
    )
check_course_folder(COURSE_DIR)
COURSE_OWNER = os.stat(COURSE_DIR).st_uid
if COURSE_OWNER == 0:
    raise CourseHubError(
        f"the course folder {COURSE_DIR} belongs to root, but nbgrader only releases into an "
        "exchange folder that belongs to whoever releases",
        f"give the course to the instructor who releases: chown -R <instructor> "
        f"{COURSE_DIR.parent}",
    )
ensure_exchange(EXCHANGE, COURSE_ID, COURSE_OWNER, learner_uids(LEARNERS))

# ---------------------------------------------------------------------------------------------
# Who may log in, and how
c.JupyterHub.authenticator_class = os.environ.get("SMM_HUB_AUTHENTICATOR", "").strip() or "pam"
c.Authenticator.allowed_users = set(USERS)

# Groups: JupyterHub's own (used by the roles below and shown on the admin page) and nbgrader's
# convention for a course (nbgrader-<course id> for learners, formgrade-<course id> for its
# graders), which nbgrader's JupyterHubAuthPlugin reads when one hub serves several courses.
# load_groups only ever adds members: remove someone from a group on the admin page too.
c.JupyterHub.load_groups = {
    "learners": {"users": LEARNERS},
    "instructors": {"users": INSTRUCTORS},
    f"nbgrader-{COURSE_ID}": {"users": LEARNERS},
    f"formgrade-{COURSE_ID}": {"users": INSTRUCTORS},
}

# Roles (RBAC).  Every user keeps JupyterHub's default `user` role, whose only scope is `self`:
# their own server, their own tokens, their own name.  Learners get nothing more, so a learner
# can neither open nor even see another person's server.  Instructors also get the class list
# and can start or stop (never enter: that would be `access:servers`) a learner's server, e.g.
# one stuck in class.  The role goes to the instructors *listed in the users file*, which
# JupyterHub applies exactly at each start, so removing an instructor there revokes it.
c.JupyterHub.load_roles = [
    {
        "name": "instructor",
        "description": "Teaches the class: sees the learners and can restart their servers",
        "scopes": [
            "list:users!group=learners",
            "read:users!group=learners",
            "read:groups!group=learners",
            "read:groups!group=instructors",
            "servers!group=learners",
        ],
        "users": INSTRUCTORS,
    }
]

# ---------------------------------------------------------------------------------------------
# The single-user servers
user_python = os.environ.get("SMM_HUB_USER_PYTHON", "").strip()
if user_python:
    c.Spawner.cmd = [user_python, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "SMM_COURSE_ID": COURSE_ID,
    "SMM_EXCHANGE_ROOT": str(EXCHANGE),
    # Checked before the environment's own config, so the class's settings win.
    "JUPYTER_CONFIG_PATH": str(SINGLEUSER),
}


def _home(spawner) -> Path | None:
    """The user's home: the spawner's own idea of it, else the system account's."""
    home = getattr(spawner, "home_dir", None)
    if home:
        return Path(home)
    try:
        return Path(pwd.getpwnam(spawner.user.name).pw_dir)
    except KeyError:
        return None


def _system_account(name: str) -> str | None:
    try:
        pwd.getpwnam(name)
    except KeyError:  # e.g. SimpleLocalProcessSpawner: every server runs as the hub's account
        return None
    return name


def prepare_server(spawner) -> None:
    """JupyterHub's pre-spawn hook: set up the server by the person's role in the users file.

    - learners: the lessons are copied into ``~/lessons`` (only files they do not have yet,
      so their own edits survive every restart); nbgrader's instructor panels are hidden;
    - instructors: the server opens on the folder holding the course folder (the formgrader
      only works on a course inside the server's root) and loads the course's nbgrader config.
    """
    name = spawner.user.name
    role = USERS.get(name, "learner")  # an admin added in the extra config is not teaching
    environment = {**spawner.environment, "SMM_ROLE": role}
    if role == "instructor":
        environment["SMM_COURSE_DIR"] = str(COURSE_DIR)
        spawner.notebook_dir = str(COURSE_DIR.parent)
    else:
        environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            [str(SINGLEUSER / "learners"), str(SINGLEUSER)]
        )
        home = _home(spawner)
        if home is not None and home.is_dir():
            copy_lessons(LESSONS, home, _system_account(name))
    spawner.environment = environment


c.Spawner.pre_spawn_hook = prepare_server

# ---------------------------------------------------------------------------------------------
# The deployment's own settings (authenticator secrets, admin users, TLS, ...), loaded last.
extra = os.environ.get("SMM_HUB_EXTRA_CONFIG", "").strip()
if extra:
    if not Path(extra).is_file():
        raise CourseHubError(
            f"SMM_HUB_EXTRA_CONFIG names {extra}, which does not exist",
            "point it at your JupyterHub config file, or unset it",
        )
    load_subconfig(str(Path(extra).resolve()))  # noqa: F821 -- traitlets provides it
