"""Collecting Canvas and Moodle downloads: whose each file is, newest wins, nothing lost."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.lms_downloads import (
    SAMPLES,
    A,
    Member,
    Upload,
    at,
    canvas,
    canvas_text,
    moodle,
    moodle_text,
    sample,
    unpack,
    write_zip,
)

NUSRAT = ("Nusrat", "Jahan")  # sample-all-correct
TANVIR = ("Tanvir", "Hossain")  # sample-partial
SUMAIYA = ("Sumaiya", "Islam")  # sample-late
RAKIB = ("Rakib", "Hasan")  # sample-blank
NB = f"{A}.ipynb"


@pytest.fixture
def course(tmp_path: Path):
    from smm_helpers.grading.course import open_course
    from smm_helpers.grading.demo import RUNTIME

    shutil.copytree(REPO / "course", tmp_path / "course", ignore=shutil.ignore_patterns(*RUNTIME))
    shutil.copytree(REPO / "assignments" / A, tmp_path / "assignments" / A)
    return open_course(tmp_path / "course")


def quiet(_: str) -> None:
    pass


def lms_ids(course, ids: dict[str, str]) -> None:
    """Give roster learners an ``lms_id`` (the roster's optional column)."""
    header, *rows = course.roster_file.read_text(encoding="utf-8").splitlines()
    rows = [f"{row},{ids.get(row.split(',')[0], '')}" for row in rows if row.strip()]
    course.roster_file.write_text("\n".join([f"{header},lms_id", *rows, ""]), encoding="utf-8")
    assert {p.id: p.lms_id for p in course.roster() if p.lms_id} == ids


def add_learners(course, *rows: str) -> None:
    with course.roster_file.open("a", encoding="utf-8") as roster:
        roster.writelines(f"{row}\n" for row in rows)


def submitted(course, learner: str) -> Path:
    return course.path("submitted") / learner / A


def stamp(course, learner: str) -> str:
    return (submitted(course, learner) / "timestamp.txt").read_text()


def found(report) -> list[tuple[str, str | None]]:
    return sorted((p.kind, p.learner) for p in report.problems)


# ------------------------------------------------------------------------------- Canvas


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "unpacked"])
def test_a_canvas_download_is_matched_by_name_and_carries_the_lms_time(course, tmp_path, as_zip):
    from smm_helpers.grading.collect import collect_from_folder

    members = canvas(
        [
            Upload(*NUSRAT, 501, "all-correct", at("2026-09-20 10:00:00")),
            Upload(*TANVIR, 502, "partial", at("2026-09-20 11:30:02")),
            Upload(*SUMAIYA, 505, "late", at("2026-09-22 04:05:00"), late=True),
        ]
    )
    members.append(canvas_text(*RAKIB, 504, at("2026-09-20 12:00:00")))
    source = (
        write_zip(tmp_path / "submissions.zip", members)
        if as_zip
        else unpack(tmp_path / "submissions", members)
    )
    lines: list[str] = []
    report = collect_from_folder(course, A, source, echo=lines.append)

    assert report.collected == ["sample-all-correct", "sample-late", "sample-partial"]
    assert (submitted(course, "sample-partial") / NB).read_bytes() == sample("partial")
    assert stamp(course, "sample-partial") == "2026-09-20 11:30:02.000000 UTC"
    assert stamp(course, "sample-late") == "2026-09-22 04:05:00.000000 UTC"
    [text] = report.problems
    assert (text.kind, text.learner) == ("wrong filename", "sample-blank")
    assert "not a notebook" in text.message
    assert any("Canvas marked" in line and "LATE" in line for line in lines)
    from nbgrader.utils import parse_utc

    assert parse_utc(stamp(course, "sample-all-correct")) == dt.datetime(2026, 9, 20, 10)


def test_a_canvas_user_id_on_the_roster_wins_over_a_changed_name(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    lms_ids(course, {"sample-all-correct": "501", "sample-partial": "502"})
    zipped = write_zip(
        tmp_path / "s.zip",
        canvas(
            [
                Upload(
                    "Nusrat", "Jahan-Karim", 501, "all-correct", at("2026-09-20 10:00")
                ),  # renamed
                Upload("Tanvir", "Hossain", 777, "partial", at("2026-09-20 10:00")),  # another 502?
            ]
        ),
    )
    report = collect_from_folder(course, A, zipped, echo=quiet)
    assert report.collected == ["sample-all-correct"]
    [conflict] = report.problems
    assert conflict.kind == "unknown learner" and "lms_id 502" in conflict.message
    assert not submitted(course, "sample-partial").exists()


def test_canvas_resubmissions_keep_the_newest_and_archive_the_older(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    uploads = [
        Upload(*TANVIR, 502, "blank", at("2026-09-19 09:00"), attachment_id=9001),
        Upload(
            *TANVIR,
            502,
            "all-wrong",
            at("2026-09-19 10:00"),
            filename=f"{A}-1.ipynb",
            attachment_id=9002,
        ),
        Upload(
            *TANVIR,
            502,
            "partial",
            at("2026-09-20 08:00"),
            filename=f"{A}-2.ipynb",
            attachment_id=9003,
        ),
        # one time for both (a zip made at once): the higher attachment id is later
        Upload(*NUSRAT, 501, "blank", at("2026-09-20 08:00"), attachment_id=8001),
        Upload(
            *NUSRAT,
            501,
            "all-correct",
            at("2026-09-20 08:00"),
            filename=f"{A}-1.ipynb",
            attachment_id=8002,
        ),
    ]
    zipped = write_zip(tmp_path / "s.zip", canvas(uploads))
    report = collect_from_folder(course, A, zipped, echo=quiet)

    assert report.collected == ["sample-all-correct", "sample-partial"] and not report.problems
    assert sorted(p.name for p in submitted(course, "sample-partial").iterdir()) == [
        NB,
        "timestamp.txt",
    ]
    assert (submitted(course, "sample-partial") / NB).read_bytes() == sample("partial")
    assert (submitted(course, "sample-all-correct") / NB).read_bytes() == sample("all-correct")
    kept = {
        (p.parts[-3], (p / NB).read_bytes(), (p / "timestamp.txt").read_text())
        for p in report.archived
    }
    assert kept == {
        ("sample-partial", sample("blank"), "2026-09-19 09:00:00.000000 UTC"),
        ("sample-partial", sample("all-wrong"), "2026-09-19 10:00:00.000000 UTC"),
        ("sample-all-correct", sample("blank"), "2026-09-20 08:00:00.000000 UTC"),
    }
    assert all(p.is_relative_to(course.path("archive") / "submitted") for p in report.archived)


def test_anonymous_canvas_grading_is_reported_with_what_to_do(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    folder = unpack(
        tmp_path / "s", [Member(f"anon_qb7x3_9001_{NB}", sample("partial"), at("2026-09-20 10:00"))]
    )
    report = collect_from_folder(course, A, folder, echo=quiet)
    [problem] = report.problems
    assert problem.kind == "unknown learner" and "anonymous" in problem.message
    assert (folder / f"anon_qb7x3_9001_{NB}").exists() and report.collected == []


# ------------------------------------------------------------------------------- Moodle


@pytest.mark.parametrize("folders", [True, False], ids=["in folders", "files"])
def test_a_moodle_download_is_collected_and_online_text_reported(course, tmp_path, folders):
    from smm_helpers.grading.collect import collect_from_folder

    members = moodle(
        [
            Upload(*NUSRAT, 1234567, "all-correct", at("2026-09-20 10:00")),
            Upload(*TANVIR, 1234568, "partial", at("2026-09-20 11:00")),
        ],
        folders=folders,
    )
    members.append(moodle_text(*RAKIB, 1234569, at("2026-09-20 12:00"), folders=folders))
    for zipped in (False, True):
        target = tmp_path / f"moodle-{zipped}"
        source = (
            write_zip(target.with_suffix(".zip"), members) if zipped else unpack(target, members)
        )
        report = collect_from_folder(course, A, source, echo=quiet)
        assert report.collected == ["sample-all-correct", "sample-partial"]
        assert [(p.kind, p.learner) for p in report.problems] == [
            ("wrong filename", "sample-blank")
        ]
        assert "online text box" in report.problems[0].message
    assert stamp(course, "sample-partial") == "2026-09-20 11:00:00.000000 UTC"
    assert (submitted(course, "sample-partial") / NB).read_bytes() == sample("partial")


def test_moodle_names_match_in_either_order_with_accents_and_group_prefixes(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    add_learners(course, "jn3001,José,Núñez,jose@example.org")
    members = [
        Member(
            f"Hossain Tanvir_11_assignsubmission_file_/{NB}",
            sample("partial"),
            at("2026-09-20 10:00"),
        ),
        Member(
            f"Team 4-Jose\u0301 Nunez_12_assignsubmission_file_{NB}",
            sample("all-correct"),
            at("2026-09-20 10:00"),
        ),
    ]
    report = collect_from_folder(course, A, unpack(tmp_path / "m", members), echo=quiet)
    assert report.collected == ["jn3001", "sample-partial"] and not report.problems


# ------------------------------------------------------------------------------- names


def test_two_lms_users_named_like_one_learner_are_not_guessed_between(course, tmp_path):
    """An LMS lets people change their own name: a second user posing as a classmate must
    not replace the classmate's submission (without lms_id, neither is collected)."""
    from smm_helpers.grading.collect import collect_from_folder

    members = moodle(
        [
            Upload(*TANVIR, 21, "partial", at("2026-09-20 10:00")),
            Upload(*TANVIR, 22, "all-wrong", at("2026-09-20 11:00")),
            Upload(*NUSRAT, 23, "all-correct", at("2026-09-20 10:00")),
        ]
    )
    report = collect_from_folder(course, A, unpack(tmp_path / "m", members), echo=quiet)
    assert report.collected == ["sample-all-correct"]
    [problem] = report.problems
    assert (problem.kind, problem.learner) == ("unknown learner", "sample-partial")
    assert "21 'Tanvir Hossain', 22 'Tanvir Hossain'" in problem.message
    assert "lms_id" in problem.message
    assert not submitted(course, "sample-partial").exists()


def test_a_near_miss_gets_did_you_mean_and_stays_where_it_is(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    members = [
        Member(f"jahannusrot_501_9001_{NB}", sample("all-correct"), at("2026-09-20 10:00")),
        Member(
            f"Tanvir Hosain_12_assignsubmission_file_{NB}",
            sample("partial"),
            at("2026-09-20 10:00"),
        ),
        Member(f"sample-blnk_{NB}", sample("blank"), at("2026-09-20 10:00")),
        Member(f"zzzzzz_503_9003_{NB}", sample("blank"), at("2026-09-20 10:00")),
    ]
    folder = unpack(tmp_path / "d", members)
    report = collect_from_folder(course, A, folder, echo=quiet)
    assert report.collected == []
    said = {p.learner: p.message for p in report.problems if p.kind == "unknown learner"}
    assert "did you mean sample-all-correct (Nusrat Jahan)?" in said["jahannusrot"]
    assert "add lms_id 501" in said["jahannusrot"]
    assert "did you mean sample-partial (Tanvir Hossain)?" in said["Tanvir Hosain"]
    assert "did you mean sample-blank (Rakib Hasan)?" in said["sample-blnk"]
    assert (
        "did you mean" not in said["zzzzzz"] and "add the learner to roster.csv" in said["zzzzzz"]
    )
    assert all((folder / m.name).exists() for m in members)


def test_two_learners_with_one_name_are_not_guessed_between(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    add_learners(course, "ar1001,Amina,Rahman,a1@example.org", "ar1002,Amina,Rahman,a2@example.org")
    zipped = write_zip(
        tmp_path / "s.zip",
        canvas([Upload("Amina", "Rahman", 601, "partial", at("2026-09-20 10:00"))]),
    )
    report = collect_from_folder(course, A, zipped, echo=quiet)
    [problem] = report.problems
    assert problem.kind == "unknown learner" and "ar1001" in problem.message
    assert "ar1002" in problem.message and "lms_id" in problem.message
    assert report.collected == []

    lms_ids(course, {"ar1002": "601"})
    report = collect_from_folder(course, A, zipped, echo=quiet)
    assert report.collected == ["ar1002"] and not report.problems


# ------------------------------------------------------------------------------- safety


def test_a_zip_member_outside_the_download_or_a_link_is_not_collected(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    when = at("2026-09-20 10:00")
    zipped = write_zip(
        tmp_path / "s.zip",
        [
            Member(f"../../jahannusrat_501_9001_{NB}", sample("all-correct"), when),
            Member(f"/tmp/hasanrakib_504_9004_{NB}", sample("blank"), when),
            Member(
                f"hossaintanvir_502_9002_{NB}",
                str(course.folder / "gradebook.db").encode(),
                when,
                link=True,
            ),
            Member(f"islamsumaiya_505_9005_{NB}", sample("late"), when),
            Member(f"akterfarhana_506_9006_{NB}", b"\0" * (2 * 1024 * 1024), when),
        ],
    )
    report = collect_from_folder(course, A, zipped, echo=quiet)
    assert report.collected == ["sample-late"]
    assert found(report) == [
        ("blocked file access", "sample-all-correct"),
        ("blocked file access", "sample-blank"),
        ("blocked file access", "sample-partial"),
        ("too large", "sample-all-wrong"),
    ]
    assert not (tmp_path.parent / f"jahannusrat_501_9001_{NB}").exists()
    assert not Path(f"/tmp/hasanrakib_504_9004_{NB}").exists()
    assert not submitted(course, "sample-partial").exists()
    assert any("zip bomb" in p.message for p in report.problems)


def test_something_that_is_neither_a_folder_nor_a_zip_is_refused(course, tmp_path):
    from smm_helpers.errors import InputError
    from smm_helpers.grading.collect import collect_from_folder

    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="not a zip file"):
        collect_from_folder(course, A, tmp_path / "notes.txt", echo=quiet)


# ------------------------------------------------------------------------------- newest wins


def test_collecting_an_older_download_keeps_the_newer_submission(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    newer = write_zip(
        tmp_path / "newer.zip", canvas([Upload(*TANVIR, 502, "partial", at("2026-09-21 10:00"))])
    )
    older = write_zip(
        tmp_path / "older.zip", canvas([Upload(*TANVIR, 502, "blank", at("2026-09-20 10:00"))])
    )
    collect_from_folder(course, A, newer, echo=quiet)
    report = collect_from_folder(course, A, older, echo=quiet)

    assert report.collected == [] and report.archived == []
    [problem] = report.problems
    assert (problem.kind, problem.learner) == ("older submission", "sample-partial")
    assert "2026-09-20 10:00:00 UTC" in problem.message
    # not marked LATE by Canvas, so recorded at the due date (Canvas's download carries
    # the time it was made), which is still newer than the older download
    assert "2026-09-20 17:59:00 UTC" in problem.message
    assert (submitted(course, "sample-partial") / NB).read_bytes() == sample("partial")
    assert not (course.path("archive")).exists()

    again = collect_from_folder(course, A, newer, echo=quiet)  # the same download again
    assert again.collected == ["sample-partial"] and not again.problems and not again.archived


def test_an_exchange_collect_after_collect_from_keeps_the_newer_submission(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_exchange, collect_from_folder
    from smm_helpers.grading.demo import submit_sample
    from smm_helpers.grading.release import release

    release(course, A, echo=quiet)
    inbound = course.exchange_dir / course.course_id / "inbound"
    older = submit_sample(inbound, "sample-partial", A, SAMPLES / "blank")  # 2026-09-19
    newer = submit_sample(inbound, "sample-late", A, SAMPLES / "late")  # 2026-09-22 04:05
    collect_from_folder(
        course,
        A,
        write_zip(
            tmp_path / "s.zip",
            canvas(
                [
                    Upload(*TANVIR, 502, "partial", at("2026-09-20 10:00")),
                    Upload(*SUMAIYA, 505, "blank", at("2026-09-20 10:00")),
                ]
            ),
        ),
        echo=quiet,
    )

    report = collect_from_exchange(course, A, echo=quiet)

    assert report.collected == ["sample-late"]
    [problem] = report.problems
    assert (problem.kind, problem.learner) == ("older submission", "sample-partial")
    assert "stays in the exchange" in problem.message
    assert (submitted(course, "sample-partial") / NB).read_bytes() == sample("partial")
    assert older.is_dir()
    assert (submitted(course, "sample-late") / NB).read_bytes() == sample("late")
    [kept] = report.archived
    assert (kept / NB).read_bytes() == sample("blank") and newer.is_dir()


def test_a_backdated_exchange_submission_counts_from_when_it_last_changed(course, monkeypatch):
    from smm_helpers.grading import collect
    from smm_helpers.grading.release import release

    release(course, A, echo=quiet)
    inbound = course.exchange_dir / course.course_id / "inbound"
    claimed = "2026-09-19 15:15:00.000000 UTC"
    backdated = inbound / f"sample-partial+{A}+{claimed}"
    shutil.copytree(SAMPLES / "partial", backdated)
    (backdated / "timestamp.txt").write_text(claimed)
    own = inbound / f"sample-blank+{A}+{claimed}"  # the instructor's own: trusted
    shutil.copytree(SAMPLES / "blank", own)
    (own / "timestamp.txt").write_text(claimed)
    monkeypatch.setattr(
        collect, "file_owner", lambda path: {backdated.name: "sample-partial"}.get(Path(path).name)
    )
    changed = collect.changed_at(backdated)

    report = collect.collect_from_exchange(course, A, echo=quiet)

    assert report.collected == ["sample-blank", "sample-partial"]
    [problem] = report.problems
    assert (problem.kind, problem.learner) == ("timestamp", "sample-partial")
    assert "2026-09-19 15:15:00 UTC" in problem.message
    assert changed.strftime("%Y-%m-%d %H:%M:%S UTC") in problem.message
    assert stamp(course, "sample-partial") == collect.timestamp_text(changed)
    assert stamp(course, "sample-blank") == claimed
    assert (backdated / "timestamp.txt").read_text() == claimed  # the exchange as handed in


# ------------------------------------------------------------------------------- the rest


def test_an_assignment_the_course_does_not_have_is_refused_with_the_valid_names(course, tmp_path):
    from smm_helpers.errors import InputError
    from smm_helpers.grading.collect import collect_from_exchange, collect_from_folder

    (tmp_path / "empty").mkdir()
    for collect in (
        lambda: collect_from_exchange(course, "01-platforms", echo=quiet),
        lambda: collect_from_folder(course, "01-platforms", tmp_path / "empty", echo=quiet),
    ):
        with pytest.raises(InputError) as error:
            collect()
        assert "01-platforms" in str(error.value) and A in error.value.fix


def test_a_large_class_shows_progress_with_the_time_left(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    rows = [
        f"zz{n:04d},Learner{chr(65 + n)},Number{chr(65 + n)},z{n}@example.org" for n in range(12)
    ]
    add_learners(course, *rows)
    zipped = write_zip(
        tmp_path / "s.zip",
        canvas(
            Upload(
                f"Learner{chr(65 + n)}",
                f"Number{chr(65 + n)}",
                700 + n,
                "partial",
                at("2026-09-20 10:00") + dt.timedelta(minutes=n),
            )
            for n in range(12)
        ),
    )
    lines: list[str] = []
    report = collect_from_folder(course, A, zipped, echo=lines.append)
    assert len(report.collected) == 12 and not report.problems
    assert any("12/12" in line and "#" in line for line in lines)
    assert any(" 1/12" in line and "left" in line for line in lines)


def test_a_download_wrapped_in_one_folder_is_read_inside_it(course, tmp_path):
    from smm_helpers.grading.collect import collect_from_folder

    members = [
        dataclasses.replace(m, name=f"submissions/{m.name}")
        for m in canvas([Upload(*NUSRAT, 501, "all-correct", at("2026-09-20 10:00"))])
    ]
    zipped = write_zip(tmp_path / "s.zip", members)
    report = collect_from_folder(course, A, zipped, echo=quiet)
    assert report.collected == ["sample-all-correct"] and not report.problems
    assert os.listdir(submitted(course, "sample-all-correct")) != []


def test_matching_prefers_the_exact_order_and_never_guesses():
    from smm_helpers.grading.lms.matching import Claim, RosterIndex
    from smm_helpers.grading.roster import Learner

    roster = RosterIndex(
        [
            Learner("ar1001", "Amina", "Rahman", "a@x"),
            Learner("ra2002", "Rahman", "Amina", "r@x"),  # the same names, swapped
            Learner("mo3003", "Mona", "Oh", "m@x", lms_id="0042"),
        ]
    )
    assert roster.find(Claim("Canvas", "rahmanamina")).learner.id == "ar1001"  # last, first
    assert roster.find(Claim("Canvas", "aminarahman")).learner.id == "ra2002"
    assert roster.find(Claim("Moodle", "Amina  RAHMAN")).learner.id == "ar1001"
    assert roster.find(Claim("Canvas", "xyz", lms_id="42")).learner.id == "mo3003"
    wrong = roster.find(Claim("Moodle", "Mona Oh", lms_id="7"))  # an id that is not hers
    assert wrong.learner is None and "participant id" in wrong.fix
    assert roster.find(Claim("", "ar1001")).learner.id == "ar1001"
    assert roster.find(Claim("", "ar1010")).learner is None
