"""Autograding on a Dask cluster into a PostgreSQL gradebook (``autograde --scheduler``).

Everything is real and local: a PostgreSQL server started for this module
(``tests/postgres.py``) and a Dask scheduler with two worker processes on 127.0.0.1, each
watched by a nanny that starts a new worker when one dies (``LocalCluster(processes=True)``).
The 40-learner class of ``test_grading_parallel.py`` is graded through the command line,
``smm-course autograde ... --scheduler tcp://127.0.0.1:PORT --db-url postgresql+psycopg://``,
while the worker grading an endless loop is killed; the result must equal the serial
grading (SQLite) learner by learner and gradebook row by gradebook row.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_grading_parallel import (
    LEARNERS,
    TIMEOUT,
    A,
    Killer,
    assert_like_serial,
    built_class,
    copy_class,
    serial_reference,
)

pytestmark = pytest.mark.system


@pytest.fixture(scope="module")
def postgres() -> Iterator[Any]:
    from tests.postgres import running_postgres

    with running_postgres() as server:
        yield server


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A Dask scheduler and two single-threaded worker processes on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: Any) -> Iterator[Any]:
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as connected:
        yield connected


def table_rows(text: str, missing_max: float = 10.0) -> dict[str, tuple[float, float, str]]:
    """The rows of the printed summary table: learner → (score, max score, status).

    A missing submission shows no maximum: it is ``missing_max`` (the class's assignment
    is out of 10).

    >>> table_rows("ln-001  01-x   7 auto + 3 pending / 10  late\\n"
    ...            "ln-002  01-x   0 / 10  ok\\nln-003  01-x  missing  missing\\n")
    {'ln-001': (7.0, 10.0, 'late'), 'ln-002': (0.0, 10.0, 'ok'), 'ln-003': (0.0, 10.0, 'missing')}
    """
    pattern = re.compile(
        r"^(ln-\d{3})\s+\S+\s+(?:([\d.]+)(?: auto \+ [\d.]+ pending)? / "
        r"([\d.]+)(?: \([^)]*\))?|missing)\s+(.+)$",
        re.MULTILINE,
    )
    return {
        m[1]: (float(m[2] or 0), float(m[3] or missing_max), m[4]) for m in pattern.finditer(text)
    }


@pytest.mark.slow
def test_the_class_graded_on_the_cluster_into_postgres_matches_serial_with_a_worker_killed(
    postgres, cluster, client, tmp_path_factory, capsys
):
    from smm_helpers.cli import main

    reference = serial_reference(tmp_path_factory)
    db_url = postgres.create_database("class_of_40")
    folder = tmp_path_factory.mktemp("on-cluster")
    copy_class(built_class(tmp_path_factory), folder)
    killer = Killer("ln-015", lambda: set(client.run(os.getpid).values()))
    killer.start()
    code = main(
        [
            "autograde",
            A,
            "--course",
            str(folder / "course"),
            "--scheduler",
            cluster.scheduler_address,
            "--db-url",
            db_url,
            "--timeout",
            f"{TIMEOUT:g}",
        ]
    )
    out = capsys.readouterr().out
    killer.join(timeout=5)
    assert killer.error is None and killer.killed is not None
    assert code == 1  # the class has problems to report (missing, late, ...)

    assert_like_serial(table_rows(out), db_url, reference)
    assert "[####################]  40/40 done" in out
    regraded = re.findall(r"⟳ (ln-\d{3}): Dask worker (tcp://\S+) was lost", out)
    assert "ln-015" in {learner for learner, _ in regraded}, out[-3000:]
    # the sqlite gradebook of the copied course was never written: all went to PostgreSQL
    from tests.test_grading_parallel import gradebook_rows

    assert gradebook_rows(f"sqlite:///{folder / 'course' / 'gradebook.db'}") == {}
    assert set(LEARNERS) == set(table_rows(out))


def test_the_cluster_is_checked_before_anything_is_graded(
    postgres, cluster, client, tmp_path_factory, monkeypatch
):
    from smm_helpers.errors import InputError
    from smm_helpers.grading import cluster as on_cluster
    from smm_helpers.grading.course import open_course

    course = open_course(built_class(tmp_path_factory) / "course")
    db_url = postgres.create_database("checks")
    workers = on_cluster.check_cluster(client, course, db_url)
    assert sorted(workers) == sorted(client.scheduler_info()["workers"])
    assert all(facts["database"] is None and facts["sees_course"] for facts in workers.values())

    elsewhere = dataclasses.replace(course, folder=Path("/srv/no-such-course"))
    with pytest.raises(InputError) as error:
        on_cluster.check_cluster(client, elsewhere, db_url)
    text = str(error.value)
    for address in workers:
        assert f"worker {address} (on " in text
    assert (
        "has no course folder at /srv/no-such-course; every worker must see it at the "
        "same path" in text
    )

    with pytest.raises(
        InputError,
        match="can't open the gradebook "
        r"postgresql\+psycopg://smm@127.0.0.1:1/nothing",
    ):
        on_cluster.check_cluster(client, course, "postgresql+psycopg://smm@127.0.0.1:1/nothing")

    missing = tmp_path_factory.mktemp("no-gradebook") / "gradebook.db"
    with pytest.raises(InputError, match=f"no SQLite file at {missing}"):
        on_cluster.check_cluster(client, course, f"sqlite:///{missing}?timeout=60")
    assert not missing.exists()  # looked for, never created

    monkeypatch.setattr(on_cluster.socket, "gethostname", lambda: "instructor-laptop")
    with pytest.raises(
        InputError,
        match="but the gradebook is SQLite, which machines can't share safely; use PostgreSQL",
    ):
        on_cluster.check_cluster(client, course, course.db_url)


def test_no_scheduler_there_is_an_error_that_says_what_to_start():
    from smm_helpers.errors import InputError
    from smm_helpers.grading.cluster import connect

    with pytest.raises(
        InputError,
        match=r"(?s)could not reach the Dask scheduler at "
        r"tcp://127.0.0.1:9 .*How to fix it: start one with "
        r"`dask scheduler`",
    ):
        connect("tcp://127.0.0.1:9", timeout=2)


def test_a_grading_that_raises_is_retried_by_dask_then_reported_not_dropped(
    cluster, tmp_path_factory
):
    from smm_helpers.grading.cluster import grade_on_cluster
    from smm_helpers.grading.results import GradeOptions

    course = copy_class(built_class(tmp_path_factory), tmp_path_factory.mktemp("raises"))
    lines: list[str] = []
    report = grade_on_cluster(
        course,
        "99-no-such-assignment",
        ["ln-000", "ln-001"],
        GradeOptions(timeout=TIMEOUT),
        cluster.scheduler_address,
        echo=lines.append,
    )
    assert [row.learner for row in report.rows] == ["ln-000", "ln-001"]
    for row in report.rows:
        assert row.status == "failed"
        message = row.problems[0].message
        assert message.startswith(
            "grading raised InputError: there is no assignment '99-no-such-assignment'"
        )
        assert message.count("on each of 3 tries") == 1
    tries = [retry for retry in report.retries if retry.learner == "ln-000"]
    assert len(tries) == 3  # each try was logged by the worker before Dask tried again
    assert "Dask tried again" in report.table()
    assert lines[-1].startswith("[####################]  2/2 done")
