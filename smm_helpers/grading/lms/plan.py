"""Which files of a download are collected for whom, and what the report must say.

Each file's path is read (:mod:`~smm_helpers.grading.lms.layouts`) and its learner found
on the roster (:mod:`~smm_helpers.grading.lms.matching`).  Of several uploads of one
notebook by one learner the newest is collected: the latest time, then the highest
Canvas attachment id, then the highest Canvas ``-N``; the others are kept in the archive.
A file no one on the roster owns, that is not a notebook, or that can't be read safely
is reported and left where it is.  Nothing is copied here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from smm_helpers.grading.lms.download import Download, DownloadFile
from smm_helpers.grading.lms.layouts import Entry, is_notebook, read_path, wrapper_depth
from smm_helpers.grading.lms.matching import Claim, Found, RosterIndex
from smm_helpers.grading.problems import Problem

SAME_TIME = dt.timedelta(minutes=2)
"""Notebooks whose times all fall this close look stamped when the download was made."""


@dataclass(frozen=True)
class Upload:
    """A notebook of a download, and what its path says."""

    file: DownloadFile
    entry: Entry

    @property
    def order(self) -> tuple[dt.datetime, int, int]:
        """Later uploads sort higher: time, then attachment id, then resubmission."""
        return self.file.time, self.entry.attachment, self.entry.resubmission


@dataclass
class LearnerUploads:
    """One learner's notebooks: the newest of each (collected), the older ones (archived)."""

    newest: list[Upload] = field(default_factory=list)
    older: list[Upload] = field(default_factory=list)
    stated: dt.datetime | None = None
    """The time to record when the files' own times can't be taken as it (see
    :func:`on_time_per_canvas`)."""

    @property
    def time(self) -> dt.datetime:
        """When the newest notebook was handed in."""
        return self.stated or max(upload.file.time for upload in self.newest)


def on_time_per_canvas(uploads: LearnerUploads, due: dt.datetime | None) -> str | None:
    """Canvas's download stamps its files with when the download was made, not when each was
    handed in, but it marks the late ones ``LATE``.  So a Canvas upload *not* marked late
    whose time is after the learner's due date is recorded at the due date (on time, as
    Canvas says); the note returned says so.  A LATE one keeps its time: late, by at most
    that much.

    >>> from types import SimpleNamespace as S
    >>> due = dt.datetime(2026, 9, 20, 18, tzinfo=dt.UTC)
    >>> upload = S(file=S(time=due + dt.timedelta(days=30)),
    ...            entry=S(late=False, claim=S(lms="Canvas")))
    >>> mine = LearnerUploads(newest=[upload])
    >>> on_time_per_canvas(mine, due) is not None, mine.time == due
    (True, True)
    >>> marked = S(file=upload.file, entry=S(late=True, claim=S(lms="Canvas")))
    >>> late = LearnerUploads(newest=[marked])
    >>> on_time_per_canvas(late, due), late.time == due
    (None, False)
    """
    canvas = [
        u for u in uploads.newest if u.entry.claim is not None and u.entry.claim.lms == "Canvas"
    ]
    if due is None or not canvas or any(u.entry.late for u in canvas) or uploads.time <= due:
        return None
    stamped = uploads.time
    uploads.stated = due
    return (
        f"Canvas did not mark it late, so it is recorded at the due date ({when(due)}); "
        f"its time in the download ({when(stamped)}) is when the download was made"
    )


@dataclass
class Plan:
    """What a collect from ``download`` will do: ``learners`` by roster id."""

    learners: dict[str, LearnerUploads] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def when(time: dt.datetime) -> str:
    """A time for the report, in UTC.

    >>> when(dt.datetime(2026, 9, 20, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=6))))
    '2026-09-20 17:59:00 UTC'
    """
    return time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def plan_collect(
    download: Download,
    roster: RosterIndex,
    notebooks: Collection[str],
    assignment: str,
    due: Callable[[str], dt.datetime | None] = lambda learner: None,
) -> Plan:
    """The plan of collecting ``assignment`` (whose notebooks are ``notebooks``, without
    ``.ipynb``) from ``download`` (see the module docstring); ``due(learner)`` is the
    learner's due date, extension included (for Canvas's times, see
    :func:`on_time_per_canvas`)."""
    plan = Plan()
    ids = set(roster.by_id)
    depth = wrapper_depth([f.parts for f in download.files], ids)
    found: dict[Claim, Found] = {}
    uploads: dict[str, dict[str, list[Upload]]] = {}

    def problem(kind: str, message: str, learner: str | None) -> None:
        plan.problems.append(Problem(kind, assignment, message, learner))

    for file in download.files:
        if len(file.parts) <= depth:
            continue
        where = download.where(file)
        path = file.parts[depth:]
        entry = read_path(path, ids, notebooks)
        if (
            entry.claim is not None
            and not entry.claim.lms
            and len(path) > 1
            and (len(path) > 2 or not is_notebook(file.name))
        ):
            continue  # a <learner id>/ folder: its notebooks are collected, nothing else
        if entry.claim is not None and entry.claim not in found:
            found[entry.claim] = roster.find(entry.claim)
        match = found[entry.claim] if entry.claim is not None else None
        learner = match.learner.id if match and match.learner else None
        if file.left_out is not None:
            entry_kind = (
                "corrupted" if file.left_out.kind == "broken" else file.left_out.problem_kind
            )
            what = (
                "links are not collected"
                if file.left_out.kind == "link"
                else "it was not collected"
            )
            problem(
                entry_kind,
                f"{where} is {file.left_out.why}; {what}, it was left where it is",
                learner or (entry.claim.label if entry.claim else None),
            )
        elif entry.claim is None:
            problem("wrong filename", _whose_unknown(where, file, notebooks), None)
        elif match is not None and match.learner is None:
            problem(
                "unknown learner",
                f"{where} was left where it is: {match.problem} — {match.fix}",
                entry.claim.label,
            )
        elif entry.text:
            typed = (
                "text typed into Moodle's online text box"
                if entry.claim.lms == "Moodle"
                else f"a text entry or URL typed into {entry.claim.lms}"
            )
            problem(
                "wrong filename",
                f"{where} is {typed}, not a notebook, so it was not "
                "collected; ask the learner to upload the notebook",
                learner,
            )
        elif not entry.collected:
            problem(
                "wrong filename",
                f"{where} is not a notebook (.ipynb); it was left where it is",
                learner,
            )
        elif learner is not None:
            uploads.setdefault(learner, {}).setdefault(entry.collected, []).append(
                Upload(file, entry)
            )
    for learner, users in _named_by_several(found).items():
        uploads.pop(learner, None)  # whichever is theirs, the other would replace it
        problem(
            "unknown learner",
            f"{len(users)} {users[0].lms} users ("
            + ", ".join(f"{u.lms_id} '{u.name}'" for u in users)
            + f") are all named like "
            f"{learner}, so none of their files was collected (they stay where they are): "
            f"an LMS lets people change their own name — add {learner}'s {users[0].lms} id "
            "as lms_id in the roster, then collect again",
            learner,
        )
    for where, who in _missing(download, depth, ids, notebooks, roster):
        if who not in uploads:
            problem("missing", f"the folder {where} has no notebook", who)

    for learner, by_name in sorted(uploads.items()):
        plan.learners[learner] = mine = LearnerUploads()
        for name in sorted(by_name):
            newest, *older = sorted(by_name[name], key=lambda u: u.order, reverse=True)
            mine.newest.append(newest)
            mine.older.extend(older)
            if newest.entry.late:
                plan.notes.append(
                    f"{learner}: Canvas marked {download.where(newest.file)} "
                    "LATE; its time in the download may be when the download "
                    "was made, so it may look later than it was"
                )
        said = on_time_per_canvas(mine, due(learner))
        if said:
            plan.notes.append(f"{learner}: {said}")
    times = [u.file.time for mine in plan.learners.values() for u in mine.newest]
    if len(times) >= 3 and max(times) - min(times) < SAME_TIME:
        plan.notes.append(
            f"all {len(times)} notebooks in the download carry about the same "
            f"time ({when(max(times))}): that looks like when the download was "
            "made, not when each was handed in; check the times before trusting "
            "what they say about lateness"
        )
    return plan


def _named_by_several(found: dict[Claim, Found]) -> dict[str, list[Claim]]:
    """Roster learners matched by *name* from more than one LMS user id: an LMS lets people
    edit their own name, so one of them may be posing as the other.

    >>> from smm_helpers.grading.course import Learner
    >>> amina = Learner("ar1001", "Amina", "Rahman", "a@x")
    >>> sorted(_named_by_several({Claim("Moodle", "Amina Rahman", "8003"): Found(amina, "name"),
    ...                           Claim("Moodle", "Amina Rahman", "8009"): Found(amina, "name")}))
    ['ar1001']
    """
    users: dict[str, dict[str, Claim]] = {}
    for claim, match in found.items():
        if match.learner is not None and match.how == "name" and claim.lms_id:
            users.setdefault(match.learner.id, {})[claim.lms_id] = claim
    return {
        learner: sorted(by_id.values(), key=lambda c: c.lms_id)
        for learner, by_id in users.items()
        if len(by_id) > 1
    }


def _whose_unknown(where: str, file: DownloadFile, notebooks: Collection[str]) -> str:
    if is_notebook(file.name):
        example = sorted(notebooks)[0] if notebooks else "notebook"
        return (
            f"{where} does not start with a learner id, so I can't tell whose it is; it "
            f"was left where it is — rename it <learner id>_{example}.ipynb and collect "
            "again"
        )
    if file.name.casefold().endswith(".zip"):
        return (
            f"{where} is a zip file; it was left where it is — to collect what it holds, "
            "pass the zip itself with --from"
        )
    return f"{where} is not a notebook (.ipynb); it was left where it is"


def _missing(
    download: Download, depth: int, ids: set[str], notebooks: Collection[str], roster: RosterIndex
) -> list[tuple[str, str | None]]:
    """``(where, whose)`` of each learner's folder that holds no notebook."""
    prefix = download.files[0].parts[:depth] if download.files else ()
    top = {f[: depth + 1] for f in download.folders if len(f) > depth and f[:depth] == prefix}
    top |= {f.parts[: depth + 1] for f in download.files if len(f.parts) > depth + 1}
    empty = []
    for folder in sorted(top):
        if any(
            is_notebook(f.name)
            for f in download.files
            if len(f.parts) > depth + 1 and f.parts[: depth + 1] == folder
        ):
            continue
        entry = read_path((folder[-1], ""), ids, notebooks)
        if entry.text:  # Moodle's online text, reported as such
            continue
        claim = entry.claim
        match = roster.find(claim) if claim is not None else None
        who = match.learner.id if match and match.learner else claim.label if claim else None
        where = (
            f"{'/'.join(folder)}/ in {download.source.name}"
            if download.zip is not None
            else str(download.source.joinpath(*folder))
        )
        empty.append((where, who))
    return empty
