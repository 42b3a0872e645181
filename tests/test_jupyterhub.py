"""The class hub (course/jupyterhub/): its configuration, then a real class on a real JupyterHub.

The fast tests load ``jupyterhub_config.py`` (and the single-user ``nbgrader_config.py``) the
way JupyterHub does and check what they make of a class list, and that each mistake stops the
hub with what to fix.

The slow test starts JupyterHub with configurable-http-proxy on 127.0.0.1 and that same config
file, for two learners and an instructor who are real (throwaway) system accounts: the
isolation it checks is the one a class gets, where each single-user server runs as its own
person.  (SimpleLocalProcessSpawner would run everyone as one account, so a learner's server
could read any other learner's files; the symlink check below would then pass the secret on.)
The instructor releases with ``smm-course release``; the learners fetch and submit through
nbgrader's Assignments extension in their own servers; the instructor collects and autogrades
with ``smm-course`` and reads the scores back from the formgrader.  One hub serves the whole
module; all the hub checks are one test so that ``pytest -n`` never starts a second hub.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import REPO, system_part_missing

if TYPE_CHECKING:
    from tests.hub_support import Hub, UserPython

pwd = pytest.importorskip("pwd", reason="JupyterHub runs on Linux and other Unixes only")

HUB_DIR = REPO / "course" / "jupyterhub"
A = "01-platforms-and-planning"
COURSE_ID = "smm-lab"
SAMPLES = REPO / "course" / "samples" / A


# --------------------------------------------------------------------------------------------
# The configuration, loaded as JupyterHub loads it


def _load(config_dir: Path, name: str = "jupyterhub_config.py"):
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(name, path=str(config_dir)).load_config()


def _owner_for_course() -> int:
    """A non-root owner for a course folder (root may not own one, see the config)."""
    return os.getuid() if os.getuid() != 0 else pwd.getpwnam("nobody").pw_uid


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """A minimal deployment: a course folder (closed to others), lessons, an exchange path."""
    srv = tmp_path / "srv"
    (srv / "course").mkdir(parents=True)
    (srv / "course" / "nbgrader_config.py").write_text("c = get_config()\n")
    (srv / "assignments").mkdir()
    shutil.copytree(REPO / "lessons", srv / "lessons")
    for path in (srv, srv / "course", srv / "assignments"):
        os.chmod(path, 0o750)
        os.chown(path, _owner_for_course(), -1)
    users = tmp_path / "users.csv"
    users.write_text(
        "username,role\n# the class\nar1001,learner\nnj1002,learner\nkbegum,instructor\n"
    )
    monkeypatch.setenv("SMM_HUB_COURSE_DIR", str(srv / "course"))
    monkeypatch.setenv("SMM_HUB_EXCHANGE", str(tmp_path / "exchange"))
    monkeypatch.setenv("SMM_HUB_USERS", str(users))
    for name in (
        "SMM_HUB_LESSONS",
        "SMM_HUB_COURSE_ID",
        "SMM_HUB_AUTHENTICATOR",
        "SMM_HUB_USER_PYTHON",
        "SMM_HUB_EXTRA_CONFIG",
    ):
        monkeypatch.delenv(name, raising=False)
    return types.SimpleNamespace(
        srv=srv, course=srv / "course", users=users, exchange=tmp_path / "exchange"
    )


def test_the_class_list_becomes_groups_roles_and_allowed_users(deployment):
    config = _load(HUB_DIR)
    hub = config.JupyterHub
    assert config.Authenticator.allowed_users == {"ar1001", "nj1002", "kbegum"}
    assert hub.authenticator_class == "pam"  # system passwords unless the deployer says
    assert {name: spec["users"] for name, spec in hub.load_groups.items()} == {
        "learners": ["ar1001", "nj1002"],
        "instructors": ["kbegum"],
        f"nbgrader-{COURSE_ID}": ["ar1001", "nj1002"],
        f"formgrade-{COURSE_ID}": ["kbegum"],
    }
    (role,) = hub.load_roles
    assert role["users"] == ["kbegum"]
    assert not any(scope.startswith("access:servers") for scope in role["scopes"])
    assert all(
        scope.endswith(("!group=learners", "!group=instructors")) for scope in role["scopes"]
    )  # nothing beyond the class
    environment = config.Spawner.environment
    assert environment["SMM_EXCHANGE_ROOT"] == str(deployment.exchange)
    assert environment["SMM_COURSE_ID"] == COURSE_ID
    # the exchange is made ready: writable by all but sticky, the course's folder kept for
    # the course folder's owner
    assert stat.S_IMODE(deployment.exchange.stat().st_mode) == 0o1777
    course_folder = deployment.exchange / COURSE_ID
    assert course_folder.stat().st_uid == deployment.course.stat().st_uid
    assert stat.S_IMODE(course_folder.stat().st_mode) == 0o755


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,role\nar1001,learner\n", r"the header is 'name,role'.*username,role"),
        (
            "username,role\nar1001,student\nkb,instructor\n",
            r"line 2: role 'student' is not one of learner, instructor",
        ),
        (
            "username,role\nAmina Rahman,learner\nkb,instructor\n",
            r"line 2: 'Amina Rahman' is not a usable account name.*lowercase",
        ),
        ("username,role\nar+1,learner\nkb,instructor\n", r"line 2: 'ar\+1' is not a usable"),
        (
            "username,role\nar1001,learner\nar1001,learner\nkb,instructor\n",
            r"line 3: ar1001 is listed twice",
        ),
        ("username,role\nar1001,learner\n", r"lists no instructor.*<username>,instructor"),
        ("username,role\nar1001\n", r"line 2: 1 values instead of 2"),
    ],
)
def test_a_class_list_mistake_stops_the_hub_with_the_line_and_the_fix(deployment, text, message):
    deployment.users.write_text(text)
    with pytest.raises(Exception, match=f"(?s){message}") as raised:
        _load(HUB_DIR)
    assert type(raised.value).__name__ == "CourseHubError"
    assert "\nHow to fix it: " in str(raised.value)


def test_a_missing_class_list_says_how_to_write_one(deployment):
    deployment.users.unlink()
    with pytest.raises(Exception, match=r"(?s)does not exist.*username,role.*users.example"):
        _load(HUB_DIR)


def test_the_example_class_list_is_a_valid_one(deployment):
    shutil.copy(HUB_DIR / "users.example.csv", deployment.users)
    config = _load(HUB_DIR)
    assert config.JupyterHub.load_groups["instructors"]["users"] == ["kbegum"]
    assert len(config.JupyterHub.load_groups["learners"]["users"]) == 3


def test_a_course_folder_learners_could_open_is_refused(deployment, monkeypatch):
    import tempfile

    open_root = Path(tempfile.mkdtemp(prefix="smm-hub-open-", dir="/tmp"))
    try:
        os.chmod(open_root, 0o755)
        srv = open_root / "srv"
        shutil.copytree(deployment.srv, srv)
        for path in (srv, srv / "course", srv / "assignments"):
            os.chmod(path, 0o755)  # the solutions beside the course are open to all
            os.chown(path, _owner_for_course(), -1)
        monkeypatch.setenv("SMM_HUB_COURSE_DIR", str(srv / "course"))
        with pytest.raises(
            Exception,
            match=r"(?s)learners could read .*srv/course.*"
            r"How to fix it: chmod o-rwx",
        ):
            _load(HUB_DIR)
        os.chmod(srv, 0o750)  # closing the checkout closes everything in it
        _load(HUB_DIR)
    finally:
        shutil.rmtree(open_root)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another account needs root")
def test_an_exchange_course_folder_a_learner_took_is_refused(deployment):
    nobody = pwd.getpwnam("nobody")
    deployment.users.write_text("username,role\nnobody,learner\nkbegum,instructor\n")
    (deployment.exchange / COURSE_ID).mkdir(parents=True)
    deployment.exchange.chmod(0o1777)
    os.chown(deployment.exchange / COURSE_ID, nobody.pw_uid, -1)
    with pytest.raises(Exception, match=r"(?s)belongs to the learner nobody.*How to fix it"):
        _load(HUB_DIR)


def _spawner(name: str, home: Path, environment: dict[str, str]) -> types.SimpleNamespace:
    import logging

    return types.SimpleNamespace(
        user=types.SimpleNamespace(name=name),
        home_dir=str(home),
        environment=dict(environment),
        notebook_dir="",
        log=logging.getLogger("test-hub"),
    )


def test_lessons_are_copied_once_and_a_learners_own_edits_are_kept(deployment, tmp_path):
    config = _load(HUB_DIR)
    hook = config.Spawner.pre_spawn_hook
    home = tmp_path / "home" / "ar1001"
    home.mkdir(parents=True)
    spawner = _spawner("ar1001", home, config.Spawner.environment)
    hook(spawner)
    lessons = deployment.srv / "lessons"
    expected = sorted(p.name for p in lessons.iterdir() if p.name != ".gitignore")
    assert sorted(p.name for p in (home / "lessons").iterdir()) == expected
    mine = home / "lessons" / "03-platforms.ipynb"
    mine.write_text("my own notes")
    (home / "lessons" / "05-policy.ipynb").unlink()
    hook(_spawner("ar1001", home, config.Spawner.environment))  # the next start
    assert mine.read_text() == "my own notes"
    assert (home / "lessons" / "05-policy.ipynb").read_bytes() == (
        lessons / "05-policy.ipynb"
    ).read_bytes()
    assert spawner.environment["SMM_ROLE"] == "learner"
    first, rest = spawner.environment["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert (Path(first) / "labconfig" / "page_config.json").is_file()
    assert Path(rest) == HUB_DIR / "singleuser"
    assert spawner.notebook_dir == ""  # a learner's server opens in their home


def test_an_instructors_server_opens_on_the_course_checkout(deployment, tmp_path):
    config = _load(HUB_DIR)
    home = tmp_path / "kbegum"
    home.mkdir()
    spawner = _spawner("kbegum", home, config.Spawner.environment)
    config.Spawner.pre_spawn_hook(spawner)
    assert spawner.notebook_dir == str(deployment.srv)
    assert spawner.environment["SMM_ROLE"] == "instructor"
    assert spawner.environment["SMM_COURSE_DIR"] == str(deployment.course)
    assert spawner.environment["JUPYTER_CONFIG_PATH"] == str(HUB_DIR / "singleuser")
    assert not (home / "lessons").exists()  # they work on the checkout's own lessons


def test_an_instructor_whose_course_sends_releases_elsewhere_is_told_what_to_set(
    tmp_path, monkeypatch
):
    course = tmp_path / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'smm-lab'\n"
        "c.Exchange.root = '/srv/course/exchange'\n"
    )
    monkeypatch.setenv("SMM_ROLE", "instructor")
    monkeypatch.setenv("SMM_COURSE_DIR", str(course))
    monkeypatch.setenv("SMM_EXCHANGE_ROOT", str(tmp_path / "exchange"))
    monkeypatch.setenv("SMM_COURSE_ID", COURSE_ID)
    with pytest.raises(
        ValueError,
        match=r"(?s)sets c.Exchange.root = '/srv/course/exchange'.*"
        r"How to fix it: set c.Exchange.root = ",
    ):
        _load(HUB_DIR / "singleuser", "nbgrader_config.py")
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'smm-lab'\n"
        f"c.Exchange.root = {str(tmp_path / 'exchange')!r}\nc.Execute.timeout = 60\n"
    )
    config = _load(HUB_DIR / "singleuser", "nbgrader_config.py")
    assert config.Execute.timeout == 60  # the course's own settings come along
    monkeypatch.setenv("SMM_ROLE", "learner")  # learners never read the course folder
    config = _load(HUB_DIR / "singleuser", "nbgrader_config.py")
    assert config.Exchange.root == str(tmp_path / "exchange")
    assert "Execute" not in config


# --------------------------------------------------------------------------------------------
# A class on a real hub


@dataclass
class ClassHub:
    """The running hub and everything the test needs to know about the class on it."""

    hub: Hub
    learners: list[str]
    instructor: str
    password: str
    python: UserPython
    root: Path
    course: Path
    exchange: Path

    def smm_course(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``smm-course ARGS --course <course>``, run as the instructor's own account."""
        from tests.hub_support import run_as

        return run_as(
            self.instructor,
            [self.python.python, "-m", "smm_helpers.cli", *args, "--course", str(self.course)],
            self.python.env(),
        )


def _points() -> dict[str, float]:
    cells = json.loads((REPO / "assignments" / A / f"{A}.ipynb").read_text())["cells"]
    return {
        c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"]["points"]
        for c in cells
        if c["metadata"].get("nbgrader", {}).get("grade")
    }


def _lay_out_course(
    srv: Path, instructor: pwd.struct_passwd, learners: list[str], exchange: Path
) -> Path:
    """The course as a deployment lays it out: srv/{course,assignments,lessons}, instructor's."""
    from smm_helpers.grading.demo import RUNTIME
    from tests.hub_support import copy_tree_for

    copy_tree_for(
        instructor,
        REPO / "course",
        srv / "course",
        ignore=shutil.ignore_patterns(*RUNTIME, "jupyterhub"),
    )
    copy_tree_for(
        instructor,
        REPO / "assignments" / A,
        srv / "assignments" / A,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    copy_tree_for(instructor, REPO / "lessons", srv / "lessons")
    course = srv / "course"
    (course / "roster.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{name},Learner,{i},{name}@example.org\n" for i, name in enumerate(learners, 1))
    )
    (course / "due_dates.csv").write_text(f"assignment,due\n{A},2099-12-31T23:59:00+06:00\n")
    with (course / "nbgrader_config.py").open("a") as fh:  # the deployment step README names
        fh.write(f"\n# The class hub's shared exchange.\nc.Exchange.root = {str(exchange)!r}\n")
    os.chown(srv, instructor.pw_uid, instructor.pw_gid)
    os.chmod(srv, 0o750)
    return course


@pytest.fixture(scope="module")
def class_hub() -> Iterator[ClassHub]:
    """JupyterHub for two learners and an instructor (throwaway accounts), torn down after."""
    if not sys.platform.startswith("linux"):
        system_part_missing("the class hub runs each server as its own Linux account")
    if os.geteuid() != 0:
        system_part_missing(
            "the class-hub test makes throwaway system accounts, which needs root (CI runs as root)"
        )
    for tool in ("useradd", "userdel", "tar"):
        if shutil.which(tool) is None:
            system_part_missing(f"{tool} is not installed")
    from tests.hub_support import (
        Accounts,
        node_tools,
        shared_tmp_root,
        start_hub,
        user_python,
    )

    proxy_bin, why = node_tools()
    if proxy_bin is None:
        system_part_missing(why)
    with contextlib.ExitStack() as cleanup:
        root = shared_tmp_root("smm-hub-")
        cleanup.callback(shutil.rmtree, root, ignore_errors=True)
        homes = root / "home"
        homes.mkdir(mode=0o755)
        accounts = Accounts(homes)

        def remove_accounts() -> None:
            problems = accounts.remove_all()
            assert not problems, "cleaning up the throwaway accounts: " + "; ".join(problems)

        cleanup.callback(remove_accounts)
        suffix = secrets.token_hex(3)
        learners = [f"smm{suffix}-amina", f"smm{suffix}-bilal"]
        instructor = f"smm{suffix}-teach"
        entries = {name: accounts.add(name) for name in [*learners, instructor]}
        work = root / "work"
        work.mkdir(mode=0o755)
        python, tried = user_python(learners[0], work)
        if python is None:
            system_part_missing(
                "no Python the throwaway accounts can run has JupyterHub, "
                "nbgrader and smm_helpers; tried: " + " | ".join(tried)
            )
        exchange = root / "exchange"
        (root / "srv").mkdir(mode=0o755)
        course = _lay_out_course(root / "srv" / "smm-lab", entries[instructor], learners, exchange)
        etc = root / "etc"  # as /etc/smm-lab/hub on a server: readable by every account
        shutil.copytree(HUB_DIR, etc, ignore=shutil.ignore_patterns("__pycache__"))
        (etc / "users.csv").write_text(
            "username,role\n"
            + "".join(f"{name},learner\n" for name in learners)
            + f"{instructor},instructor\n"
        )
        password = secrets.token_urlsafe(12)
        extra = etc / "test_auth_config.py"
        extra.write_text(
            "c = get_config()  # noqa: F821\n"
            f"c.SharedPasswordAuthenticator.user_password = {password!r}\n"
        )
        extra.chmod(0o600)
        state = root / "state"
        state.mkdir(mode=0o700)
        env = {
            "PATH": os.pathsep.join(
                [python.bin_dir, str(proxy_bin), "/usr/local/bin", "/usr/bin", "/bin"]
            ),
            "LANG": "C.UTF-8",
            "HOME": str(state),
            "SMM_HUB_COURSE_DIR": str(course),
            "SMM_HUB_EXCHANGE": str(exchange),
            # SMM_HUB_USERS and SMM_HUB_LESSONS keep their defaults (beside the config file,
            # beside the course folder), as on a server.
            # The dummy authenticator's "password" setting is deprecated since JupyterHub 5.3;
            # its replacement, one shared password, is the test-only choice here.
            "SMM_HUB_AUTHENTICATOR": "shared-password",
            "SMM_HUB_USER_PYTHON": python.python,
            "SMM_HUB_EXTRA_CONFIG": str(extra),
        }
        hub = start_hub(etc / "jupyterhub_config.py", state, env)
        cleanup.callback(hub.stop)  # runs before the accounts go (last in, first out)
        yield ClassHub(hub, learners, instructor, password, python, root, course, exchange)


def _contents(class_hub: ClassHub, owner: str, path: str, as_user: str):
    return class_hub.hub.request("GET", f"/user/{owner}/api/contents/{path}", as_user=as_user)


def _assignments(class_hub: ClassHub, learner: str, action: str | None = None) -> dict:
    """nbgrader's Assignments extension in the learner's own server: list, fetch or submit."""
    hub = class_hub.hub
    if action is None:
        response = hub.request(
            "GET", f"/user/{learner}/assignments", params={"course_id": COURSE_ID}, as_user=learner
        )
    else:
        response = hub.request(
            "POST",
            f"/user/{learner}/assignments/{action}",
            data={"assignment_id": A, "course_id": COURSE_ID},
            as_user=learner,
        )
    assert response.status_code == 200, f"{action or 'list'}: HTTP {response.status_code}"
    body = response.json()
    assert body["success"], f"{learner} could not {action or 'list'}: {body.get('value')}"
    return {item["assignment_id"]: item for item in body["value"] if item["assignment_id"] == A}


def _page_config(html: str) -> dict:
    match = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "no JupyterLab page config in the page"
    return json.loads(match.group(1))


@pytest.mark.slow
@pytest.mark.system
def test_a_class_on_the_hub_hands_in_work_and_no_learner_reaches_anyone_elses(class_hub):
    from tests.hub_support import iter_exchange_submissions, run_as

    hub = class_hub.hub
    amina, bilal = class_hub.learners
    teacher = class_hub.instructor
    everyone = [amina, bilal, teacher]

    # -- logging in through the REST API: the right password gives a token, a wrong one not
    assert hub.log_in(amina, class_hub.password + "x") == 403
    for name in everyone:
        assert hub.log_in(name, class_hub.password) == 201, hub.log_tail()
    hub.start_servers(everyone)

    # -- each server runs as its person, and every learner has the lessons in their home
    for name in everyone:
        owners = {pwd.getpwuid(int(line.split()[1])).pw_name for line in _process_uid_lines(name)}
        assert owners == {name}, f"{name}'s server runs as {owners}"
    lessons = sorted(p.name for p in (REPO / "lessons").glob("*.ipynb"))
    for learner in (amina, bilal):
        listing = _contents(class_hub, learner, "lessons", as_user=learner)
        assert listing.status_code == 200, listing.text
        assert (
            sorted(i["name"] for i in listing.json()["content"] if i["type"] == "notebook")
            == lessons
        )
        copied = Path(pwd.getpwnam(learner).pw_dir) / "lessons"
        assert {
            pwd.getpwuid(path.stat().st_uid).pw_name for path in (copied, *copied.iterdir())
        } == {learner}  # written as them

    # -- the instructor releases; the learners see it, fetch it, do it, submit it
    released = class_hub.smm_course("release", A)
    assert released.returncode == 0, released.stdout + released.stderr
    samples = {amina: "all-correct", bilal: "partial"}
    for learner, sample in samples.items():
        assert _assignments(class_hub, learner)[A]["status"] == "released"
        fetched = _assignments(class_hub, learner, "fetch")[A]
        assert fetched["status"] == "fetched", hub.log_tail()
        notebook = json.loads((SAMPLES / sample / f"{A}.ipynb").read_text())
        saved = hub.request(
            "PUT",
            f"/user/{learner}/api/contents/{A}/{A}.ipynb",
            json={"type": "notebook", "format": "json", "content": notebook},
            as_user=learner,
        )
        assert saved.status_code == 200, saved.text
        submitted = _assignments(class_hub, learner, "submit")[A]
        assert submitted["status"] == "submitted", hub.log_tail()
        assert len(submitted["submissions"]) == 1
    inbound = class_hub.exchange / COURSE_ID / "inbound"
    owners = {
        name.split("+")[0]: pwd.getpwuid(uid).pw_name
        for name, uid in iter_exchange_submissions(inbound)
    }
    assert owners == {amina: amina, bilal: bilal}  # each handed in by their own account

    # -- a learner cannot reach another learner's files, by any door
    bilals_work = f"{A}/{A}.ipynb"
    # through the other's server, with their own token: JupyterHub refuses
    assert _contents(class_hub, bilal, bilals_work, as_user=amina).status_code == 403
    assert hub.request("GET", f"/user/{bilal}/lab", as_user=amina).status_code == 403
    # through their own server, with the other's path: outside their server's root
    escaped = _contents(class_hub, amina, f"..%2F{bilal}%2F{A}%2F{A}.ipynb", as_user=amina)
    assert escaped.status_code in (403, 404), escaped.status_code
    # through a symlink planted in their own home: the server follows symlinks (the public
    # one works), but it runs as the learner, and the system keeps the other's home shut
    public = class_hub.root / "work" / "public-note.txt"
    public.write_text("anyone may read this")
    public.chmod(0o644)
    bilal_home = Path(pwd.getpwnam(bilal).pw_dir)
    for link, target in (
        ("public-link.txt", public),
        ("bilals-work.ipynb", bilal_home / A / f"{A}.ipynb"),
    ):
        made = run_as(amina, ["ln", "-s", str(target), link], {"PATH": "/usr/bin:/bin"})
        assert made.returncode == 0, made.stderr
    seen = _contents(class_hub, amina, "public-link.txt", as_user=amina)
    assert seen.status_code == 200 and seen.json()["content"] == "anyone may read this"
    stolen = _contents(class_hub, amina, "bilals-work.ipynb", as_user=amina)
    assert stolen.status_code != 200 and "smart_goal" not in stolen.text, stolen.status_code
    # and from a terminal or a kernel (what the learner's account may do): nothing either
    for path in (
        bilal_home / A / f"{A}.ipynb",
        class_hub.course / "gradebook.db",
        class_hub.course.parent / "assignments" / A / f"{A}.ipynb",
    ):
        peek = run_as(amina, ["cat", str(path)], {"PATH": "/usr/bin:/bin"})
        assert peek.returncode != 0 and "Permission denied" in peek.stderr, path
    peek = run_as(amina, ["ls", str(inbound)], {"PATH": "/usr/bin:/bin"})
    assert "Permission denied" in peek.stderr  # nor who else handed in
    # nor through the hub's own API
    assert hub.request("GET", f"/hub/api/users/{bilal}", as_user=amina).status_code in (403, 404)
    assert hub.request("GET", f"/hub/api/users/{amina}", as_user=amina).status_code == 200

    # -- instructor-only pages: not for learners, there for the instructor
    assert hub.request("GET", f"/user/{amina}/formgrader", as_user=amina).status_code == 404
    assert hub.request("GET", f"/user/{teacher}/formgrader", as_user=amina).status_code == 403
    formgrader = hub.request(
        "GET", f"/user/{teacher}/formgrader", as_user=teacher, allow_redirects=True
    )
    assert formgrader.status_code == 200 and "/formgrader/" in formgrader.url, formgrader.url
    learner_lab = _page_config(hub.request("GET", f"/user/{amina}/lab", as_user=amina).text)
    teacher_lab = _page_config(hub.request("GET", f"/user/{teacher}/lab", as_user=teacher).text)
    assert "@jupyter/nbgrader:formgrader" in learner_lab["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" not in teacher_lab["disabledExtensions"]
    # the instructor sees the class, but does not enter a learner's server
    seen_by_teacher = hub.request("GET", f"/hub/api/users/{amina}", as_user=teacher)
    assert seen_by_teacher.status_code == 200
    assert {"learners", f"nbgrader-{COURSE_ID}"} <= set(seen_by_teacher.json()["groups"])
    assert _contents(class_hub, amina, "", as_user=teacher).status_code == 403

    # -- the instructor collects and autogrades; the scores are in the gradebook
    collected = class_hub.smm_course("collect", A)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    graded = class_hub.smm_course("autograde", A, "--timeout", "60")
    assert graded.returncode == 0, graded.stdout + graded.stderr
    submissions = hub.request(
        "GET", f"/user/{teacher}/formgrader/api/submissions/{A}", as_user=teacher
    )
    assert submissions.status_code == 200, submissions.text
    scores = {s["student"]: s["score"] for s in submissions.json() if s["autograded"]}
    p = _points()
    assert scores == {
        amina: p["engagement_rate_by_reach"] + p["best_platform"] + p["smart_goal"],
        bilal: p["best_platform"] + p["smart_goal"],  # mean of per-post rates: hidden test
    }


def _process_uid_lines(name: str) -> list[str]:
    """The ``Uid:`` lines of the processes whose environment says they serve ``name``."""
    lines = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            status = (entry / "status").read_text()
        except OSError:
            continue
        if f"JUPYTERHUB_USER={name}".encode() in environ:
            lines += [line for line in status.splitlines() if line.startswith("Uid:")]
    return lines
