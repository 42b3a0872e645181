"""Safe autograding: every submission runs in a sandbox, and the tests run outside it.

- :mod:`.answers` — learners' values as plain data (the only thing that leaves a sandbox).
- :mod:`.bwrap` — the bubblewrap command line: what a submission can see and do.
- :mod:`.launch` — resource limits and an unprivileged user, applied before bubblewrap.
- :mod:`.kernel` — a Jupyter kernel started inside the sandbox.
- :mod:`.runner` — the trusted test runner, outside the sandbox.
- :mod:`.execute` — nbgrader's execute step, sandboxed (configured by ``smm-course``).
- :mod:`.tampering` — what a submission tried, in an instructor's words.

What holds on which platform is in ``docs/sandbox.md`` and ``smm-course doctor``.
"""
