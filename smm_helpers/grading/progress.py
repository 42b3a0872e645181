"""Progress of a long run over a class: a bar, the time spent and the time left.

``smm-course validate``, ``collect``, ``autograde`` and ``feedback`` show one on large
classes: redrawn in place on a terminal, one plain line per update in a log.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from smm_helpers.grading.problems import Echo, duration, printable, progress


def eta_line(done: int, total: int, label: str, elapsed: float) -> str:
    """The progress bar with the time spent and, once something is done, the time left.

    >>> eta_line(0, 40, "starting 2 workers", 0.4)
    '[....................]  0/40 starting 2 workers'
    >>> eta_line(10, 40, "ar1001", 30.0)
    '[#####...............] 10/40 ar1001 · 30 s so far, about 1 min 30 s left'
    >>> eta_line(40, 40, "done", 121.0)
    '[####################] 40/40 done · 2 min 1 s'
    """
    line = progress(done, total, label)
    if done >= total:
        return f"{line} · {duration(elapsed)}"
    if done == 0:
        return line
    left = elapsed / done * (total - done)
    return f"{line} · {duration(elapsed)} so far, about {duration(left)} left"


class ProgressBar:
    """A progress bar with an ETA: one line redrawn in place on a terminal, else lines.

    It redraws in place when ``live`` is true; by default that is when ``echo`` is the
    built-in ``print`` and standard output is a terminal.  Otherwise each update is one
    plain line through ``echo`` (a log file, a CI log, a test's list).

    >>> lines = []
    >>> clock = iter([0.0, 10.0, 20.0]).__next__
    >>> bar = ProgressBar(2, echo=lines.append, clock=clock)
    >>> bar.update(1, "graded ar1001")
    >>> bar.note("⟳ something to know")
    >>> bar.finish()
    >>> print("\\n".join(lines))
    [##########..........] 1/2 graded ar1001 · 10 s so far, about 10 s left
    ⟳ something to know
    [####################] 2/2 done · 20 s
    """

    def __init__(
        self,
        total: int,
        echo: Echo = print,
        *,
        live: bool | None = None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.echo = echo
        self.stream = stream if stream is not None else sys.stdout
        self.live = live if live is not None else (echo is print and self.stream.isatty())
        self.clock = clock
        self.start = clock()
        self.line = ""

    def update(self, done: int, label: str) -> None:
        self.line = eta_line(done, self.total, label, self.clock() - self.start)
        if self.live:
            self.stream.write("\r" + self.line + "\x1b[K")
            self.stream.flush()
        else:
            self.echo(self.line)

    def note(self, message: str) -> None:
        """A message on its own line (the bar is redrawn under it on a terminal), with any
        control characters a learner put in it shown escaped."""
        message = printable(message)
        if self.live:
            self.stream.write("\r\x1b[K" + message + "\n" + self.line)
            self.stream.flush()
        else:
            self.echo(message)

    def finish(self, label: str = "done") -> None:
        self.update(self.total, label)
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
