"""A Jupyter kernel that runs inside a :class:`~.bwrap.Sandbox`.

The kernel talks to the grader over Unix sockets in the sandbox's ``ipc`` folder (ZeroMQ's
``ipc`` transport), because the sandbox has no network to share.  It is interrupted by a
message on its control channel (the sandbox's own process tree cannot be signalled from
outside), and it is started with a clean environment in the learner's folder.

The kernel is ipykernel, started as ``ipykernel_launcher`` starts it, with two changes:

- no debugger: ipykernel imports debugpy at start-up when it is installed (about 0.3 s of
  CPU, a third of a kernel's start), and nobody debugs a notebook while it is graded;
- Python starts isolated (``python -I``): the learner's folder, its working folder, is not
  on ``sys.path`` while Python, ipykernel and SMM Lab start, so a ``sitecustomize.py``,
  ``usercustomize.py``, ``.pth``, ``pandas.py`` or ``smm_helpers/`` of theirs is never
  run in their place.  Once the kernel is set up, the folder is *appended* to
  ``sys.path``: the learner's own modules import, but never instead of an installed
  package (ipykernel would put it before ``site-packages``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import Any as AnyTrait

from smm_helpers.grading.sandbox.bwrap import Sandbox

KERNEL_PROGRAM = """\
import sys
sys.path[:] = [p for p in sys.path if p not in ("", ".")]  # -I: there is none; be sure
sys.modules["debugpy"] = None  # no debugger while grading: ipykernel then skips it
import smm_helpers  # the installed package (the answers exporter), never the learner's
from ipykernel.kernelapp import IPKernelApp
app = IPKernelApp.instance()
app.initialize()
sys.path.append("")  # the learner's folder: after every installed package
app.start()
"""
"""What ``python -I -c`` runs in the sandbox: ``ipykernel_launcher``, less the debugger,
with the learner's folder on ``sys.path`` only after the installed packages."""


class SandboxedKernelManager(AsyncKernelManager):
    """``AsyncKernelManager`` whose kernel starts through the sandbox's command line."""

    sandbox = AnyTrait(None, help="the Sandbox the kernel runs in")
    work = AnyTrait(None, help="the host folder the kernel starts in")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        box: Sandbox = self.sandbox
        self.transport = "ipc"
        self.ip = str(box.ipc / "kernel")
        self.connection_file = str(box.ipc / "kernel.json")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """``python -I -c KERNEL_PROGRAM -f CONNECTION`` wrapped in the sandbox."""
        command = [
            sys.executable,
            "-I",
            "-c",
            KERNEL_PROGRAM,
            "-f",
            self.connection_file,
            *(extra_arguments or []),
        ]
        return self.sandbox.wrap(command, self.work)

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        box: Sandbox = self.sandbox
        kw["env"] = box.environment(kw.get("env") or {})
        kw["cwd"] = str(self.work)
        kw["stdout"] = kw["stderr"] = box.log()  # the kernel's own messages, not the terminal
        started = await super()._async_pre_start_kernel(**kw)
        box.hand_over(Path(self.connection_file))  # written by the grader, read by the kernel
        return started

    async def _async_interrupt_kernel(self) -> None:
        """Interrupt with a control message: the kernel signals itself, inside the box."""
        if self.has_kernel:
            message = self.session.msg("interrupt_request", content={})
            self._connect_control_socket()
            self.session.send(self._control_socket, message)

    interrupt_kernel = _async_interrupt_kernel  # the base class binds its own at class level
