"""Helpers for the tests that run as other accounts: the class hub (tests/test_jupyterhub.py)
and grading as an ordinary user (tests/test_grading_isolation.py,
tests/test_grading_adversarial.py).

- :class:`Accounts` makes throwaway system accounts with ``useradd`` (each with a private
  home and group) and removes them, and whatever processes they still run, afterwards;
- :func:`user_python` finds a Python those accounts can run that has this environment's
  packages (see its docstring: a pyenv or a clone under ``/root`` is out of their reach),
  and :func:`ordinary_user_python` one that can also sandbox (bubblewrap as that user);
- :func:`run_as` runs a command as one of them, and :class:`Hub` drives a running JupyterHub
  through its REST API.

Everything here needs root; the test skips (or fails under ``SMM_REQUIRE_SYSTEM=1``) before
calling it on a machine where it is not.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import REPO

# Enough to show the account reaches the interpreter, the site-packages and the repository.
PROBE = "import jupyterhub, nbgrader, smm_helpers"


def reachable_by_others(path: Path) -> bool:
    """True if an account that is neither owner nor in the group can enter ``path``."""
    path = path.resolve()
    return all(os.stat(p).st_mode & 0o001 for p in (*reversed(path.parents), path))


def shared_tmp_root(prefix: str) -> Path:
    """A fresh folder (mode 0755) that every account can enter, for homes and the course."""
    import tempfile

    base = Path(tempfile.gettempdir())
    if not reachable_by_others(base):
        base = Path("/tmp")
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    os.chmod(root, 0o755)
    return root


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Accounts:
    """Throwaway system accounts: made with ``useradd``, removed by :meth:`remove_all`."""

    homes: Path
    made: list[str] = field(default_factory=list)

    def add(self, name: str) -> pwd.struct_passwd:
        """Make ``name`` with a private home (mode 0700) and its own group."""
        home = self.homes / name
        result = subprocess.run(
            [
                "useradd",
                "--home-dir",
                str(home),
                "--create-home",
                "--user-group",
                "--shell",
                "/usr/sbin/nologin",
                "--comment",
                "SMM Lab hub test (throwaway)",
                name,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"useradd {name} failed: {result.stderr.strip()}")
        self.made.append(name)
        os.chmod(home, 0o700)
        return pwd.getpwnam(name)

    def uids(self) -> set[int]:
        uids = set()
        for name in self.made:
            try:
                uids.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                continue
        return uids

    def remove_all(self) -> list[str]:
        """Stop the accounts' processes, then delete the accounts; return what went wrong."""
        problems = kill_processes_of(self.uids())
        for name in reversed(self.made):
            result = subprocess.run(["userdel", name], capture_output=True, text=True, check=False)
            if result.returncode != 0:
                problems.append(f"userdel {name}: {result.stderr.strip()}")
        self.made.clear()
        return problems


def processes_of(uids: set[int]) -> list[int]:
    """Process ids whose real user id is one of ``uids``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("Uid:") and int(line.split()[1]) in uids:
                pids.append(int(entry.name))
    return pids


def kill_processes_of(uids: set[int], grace: float = 5.0) -> list[str]:
    """Terminate (then kill) every process of the throwaway accounts, by process id."""
    if not uids:
        return []
    for pid in processes_of(uids):
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while processes_of(uids) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in processes_of(uids):
        _signal(pid, signal.SIGKILL)
    time.sleep(0.2)
    left = processes_of(uids)
    return [f"processes still running after SIGKILL: {left}"] if left else []


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def run_as(
    account: str,
    argv: list[str],
    env: dict[str, str],
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` as ``account`` (its uid, its group, no other groups) with exactly ``env``."""
    entry = pwd.getpwnam(account)
    full_env = {"HOME": entry.pw_dir, "USER": account, "LOGNAME": account, "LANG": "C.UTF-8", **env}
    return subprocess.run(
        argv,
        env=full_env,
        cwd=cwd or entry.pw_dir,
        user=entry.pw_uid,
        group=entry.pw_gid,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass
class UserPython:
    """A Python the throwaway accounts can run, with this environment's packages."""

    python: str
    bin_dir: str
    how: str  # said in failure messages: which of the two ways was used

    def env(self) -> dict[str, str]:
        return {"PATH": os.pathsep.join([self.bin_dir, "/usr/local/bin", "/usr/bin", "/bin"])}


def user_python(account: str, workdir: Path) -> tuple[UserPython | None, list[str]]:
    """Find a Python ``account`` can run that imports JupyterHub, nbgrader and smm_helpers.

    First this very Python.  If the account cannot run it (a pyenv or a virtual environment
    under ``/root``, which is 0700), an *overlay* environment is made in ``workdir``: a venv of
    a system Python of the same version whose ``.pth`` file adds this environment's
    site-packages, and whose ``share``/``etc`` point at this environment's (JupyterLab's
    files, the nbgrader extensions), so the servers run the same packages as the tests.
    A real class does the same by installing the course's environment somewhere learners can
    read and setting ``SMM_HUB_USER_PYTHON``.  Returns the Python, or None and what was tried.
    """
    tried: list[str] = []
    here = UserPython(sys.executable, str(Path(sys.executable).parent), "this Python")
    problem = _probe(account, here, workdir)
    if not problem:
        return here, tried
    tried.append(f"{sys.executable}: {problem}")
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site_dirs = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    for folder in ("/usr/local/bin", "/usr/bin"):
        base = Path(folder) / version
        if not base.is_file() or base.resolve() == Path(sys.executable).resolve():
            continue
        overlay = workdir / f"overlay-{base.parent.name}"
        made = subprocess.run(
            [str(base), "-m", "venv", "--without-pip", str(overlay)],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode != 0:
            tried.append(f"{base} -m venv: {made.stderr.strip()[-300:]}")
            continue
        site = overlay / "lib" / version / "site-packages"
        (site / "smm_lab_test_env.pth").write_text(
            "import site; " + "; ".join(f"site.addsitedir({d!r})" for d in site_dirs) + "\n"
        )
        for name in ("share", "etc"):
            source = Path(sys.prefix) / name
            if source.is_dir():
                (overlay / name).symlink_to(source)
        python = overlay / "bin" / "python"
        alembic = overlay / "bin" / "alembic"  # nbgrader's gradebook runs `alembic`
        alembic.write_text(
            f"#!{python}\nimport sys\nfrom alembic.config import main\nsys.exit(main())\n"
        )
        alembic.chmod(0o755)
        for path in (overlay, *overlay.rglob("*")):
            if not path.is_symlink():  # readable (and where it matters enterable) by all
                mode = path.stat().st_mode
                path.chmod(mode | 0o004 | (0o001 if path.is_dir() or mode & 0o100 else 0))
        candidate = UserPython(
            str(python),
            str(python.parent),
            f"an overlay venv of {base} with {', '.join(site_dirs)}",
        )
        problem = _probe(account, candidate, workdir)
        if not problem:
            return candidate, tried
        tried.append(f"{candidate.how}: {problem}")
    return None, tried


def ordinary_user_python(user: str, workdir: Path) -> tuple[str | None, str]:
    """A Python ``user`` can run with this environment's packages (this one, or an overlay
    of the system's Python when this one is in a private folder such as ``/root``), and
    bubblewrap working for that user; else None and why not."""
    if shutil.which("setpriv") is None:
        return None, "setpriv (util-linux) is not installed"
    found, tried = user_python(user, workdir)
    if found is None:
        return None, (
            "an ordinary user cannot start this Python or an overlay of the "
            "system's: " + "; ".join(tried)
        )
    uid = str(pwd.getpwnam(user).pw_uid)
    probe = subprocess.run(
        [
            "setpriv",
            f"--reuid={uid}",
            f"--regid={uid}",
            "--clear-groups",
            "bwrap",
            "--ro-bind",
            "/",
            "/",
            "--unshare-user",
            "--unshare-pid",
            "--die-with-parent",
            "true",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        return None, (
            f"an ordinary user cannot make user namespaces here ({probe.stderr.strip()[-200:]})"
        )
    return found.python, ""


def _probe(account: str, candidate: UserPython, workdir: Path) -> str:
    """'' if ``account`` can run ``candidate`` and import what the hub needs, else why not."""
    try:
        probe = run_as(
            account, [candidate.python, "-c", PROBE], candidate.env(), cwd=workdir, timeout=120
        )
    except OSError as error:  # e.g. the interpreter sits in a folder the account can't enter
        return str(error)
    return "" if probe.returncode == 0 else probe.stderr.strip()[-300:]


def wait_for(
    what: str,
    check: Callable[[], Any],
    timeout: float,
    interval: float = 0.25,
    on_timeout: Callable[[], str] = lambda: "",
) -> Any:
    """Call ``check`` until it returns something truthy; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}" + on_timeout())
        time.sleep(interval)


@dataclass
class Hub:
    """A running JupyterHub (started by the test) and its REST API."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def log_tail(self, lines: int = 60) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n--- hub log (last lines) ---\n" + "\n".join(text.splitlines()[-lines:])

    def request(self, method: str, path: str, as_user: str | None = None, **kwargs: Any) -> Any:
        """An HTTP request to the hub's proxy, with ``as_user``'s API token if given."""
        import requests

        headers = kwargs.pop("headers", {})
        if as_user is not None:
            headers["Authorization"] = f"token {self.tokens[as_user]}"
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 120)
        return requests.request(method, self.url + path, headers=headers, **kwargs)

    def log_in(self, name: str, password: str) -> int:
        """Ask for an API token with the user's password (JupyterHub's REST login)."""
        response = self.request(
            "POST",
            f"/hub/api/users/{name}/tokens",
            json={
                "auth": {"username": name, "password": password},
                "note": "tests/test_jupyterhub.py",
                "expires_in": 3600,
            },
        )
        if response.status_code == 201:
            self.tokens[name] = response.json()["token"]
        return response.status_code

    def start_servers(self, names: list[str], timeout: float = 300) -> None:
        """Start each user's server with their own token and wait until all are ready."""
        for name in names:
            response = self.request("POST", f"/hub/api/users/{name}/server", as_user=name)
            assert response.status_code in (201, 202), (
                f"starting {name}'s server: HTTP {response.status_code} {response.text}"
                + self.log_tail()
            )

        def ready() -> bool:
            for name in names:
                model = self.request("GET", f"/hub/api/users/{name}", as_user=name).json()
                server = model.get("servers", {}).get("")
                if self.process.poll() is not None:
                    raise AssertionError("the hub stopped" + self.log_tail())
                if server is None and not model.get("pending"):
                    raise AssertionError(f"{name}'s server failed to start" + self.log_tail())
                if not (server or {}).get("ready"):
                    return False
            return True

        wait_for("every server to be ready", ready, timeout, interval=0.5, on_timeout=self.log_tail)

    def stop(self, grace: float = 30.0) -> None:
        """Stop the hub (it stops the servers and its proxy), then its whole process group."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(grace)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


def start_hub(config: Path, state: Path, env: dict[str, str], timeout: float = 90) -> Hub:
    """Start ``jupyterhub -f config`` on 127.0.0.1 (free ports), in ``state``; wait for it."""
    import requests

    port, hub_port, api_port = free_port(), free_port(), free_port()
    log = state / "jupyterhub.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterhub",
                "-f",
                str(config),
                "--ip=127.0.0.1",
                f"--port={port}",
                "--JupyterHub.hub_ip=127.0.0.1",
                f"--JupyterHub.hub_port={hub_port}",
                f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
                # a CI machine shared by parallel tests starts servers slowly: JupyterHub's
                # defaults (60 s to start, 30 s to answer) are for a machine with room to spare
                "--Spawner.start_timeout=240",
                "--Spawner.http_timeout=180",
            ],
            cwd=state,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", process, log)

    def up() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"JupyterHub exited with {process.returncode}" + hub.log_tail())
        try:
            return requests.get(hub.url + "/hub/api", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False

    try:
        wait_for("JupyterHub to answer", up, timeout, on_timeout=hub.log_tail)
    except BaseException:
        hub.stop()
        raise
    return hub


def copy_tree_for(
    account: pwd.struct_passwd,
    source: Path,
    target: Path,
    ignore: Callable[[str, list[str]], set[str]] | None = None,
) -> None:
    """Copy ``source`` to ``target`` and give the copy to ``account``."""
    shutil.copytree(source, target, ignore=ignore)
    for path in (target, *target.rglob("*")):
        os.chown(path, account.pw_uid, account.pw_gid, follow_symlinks=False)


def node_tools() -> tuple[Path | None, str]:
    """configurable-http-proxy from ``npm ci`` at the repository root, or why it is missing."""
    proxy = REPO / "node_modules" / ".bin" / "configurable-http-proxy"
    if not proxy.exists():
        return None, (
            f"configurable-http-proxy is not installed ({proxy} is missing): run "
            "`npm ci` at the repository root"
        )
    if shutil.which("node") is None:
        return None, "node is not installed (configurable-http-proxy runs on Node.js)"
    return proxy.parent, ""


def iter_exchange_submissions(inbound: Path) -> Iterator[tuple[str, int]]:
    """(submission folder name, owner uid) of each submission in an exchange inbound."""
    for entry in sorted(inbound.iterdir()):
        yield entry.name, entry.stat().st_uid
