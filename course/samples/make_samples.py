"""Rebuild the sample submissions of assignment 01 from its released notebook.

Run from the repository root:  python course/samples/make_samples.py

Each outcome folder holds what learner ``sample-<outcome>`` submitted (see course/README.md):
the released notebook with that learner's answers typed in, and ``timestamp.txt`` (when it
was submitted, in nbgrader's format).  The released notebook is made by nbgrader itself
(generate_assignment) in a temporary copy of the course, so samples always match the source.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ASSIGNMENT = "01-platforms-and-planning"
ON_TIME = "2026-09-19 15:15:00.000000 UTC"  # 21:15 in Dhaka, before the 23:59 deadline
LATE = "2026-09-22 04:05:00.000000 UTC"     # 10:05 in Dhaka, two days after

CORRECT = {
    "engagement_rate_by_reach_answer": (
        'engaged = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1)\n'
        "totals = (charity.assign(engagements=engaged)\n"
        '          .groupby("platform", observed=True)[["engagements", "reach"]].sum())\n'
        'er_by_platform = totals["engagements"] / totals["reach"]\n'
        "er_by_platform"),
    "best_platform_answer": "best_platform = str(er_by_platform.idxmax())\nbest_platform",
    "smart_goal_answer": (
        'names = {"facebook": "Facebook", "instagram": "Instagram", "x": "X (Twitter)",\n'
        '         "linkedin": "LinkedIn", "youtube": "YouTube", "tiktok": "TikTok"}\n'
        "smart_goal = (f\"Grow Alo Reading Circle's {names[best_platform]} followers from "
        '5,000 to "\n              "5,600 by 30 June 2027 to recruit volunteers")\n'
        "check_goal(smart_goal).missing"),
    "platform_recommendation": (
        "Focus on our best platform from Part 1 first: it engaged the largest share of the "
        "people it reached. Facebook reached more people but engaged fewer of them. A high "
        "rate on a small audience may still bring few volunteers, so we should track "
        "sign-ups too."),
}


def _friend_answers() -> dict[str, str]:
    """Numbers typed in from a friend's (sample-all-correct's) notebook: not this learner's."""
    from smm_helpers.datasets import generate
    from smm_helpers.metrics import summarize

    posts = generate(n_posts=1_000, learner_id="sample-all-correct").posts
    rates = summarize(posts[posts["client"] == "nonprofit"])["er_reach"]
    typed = ", ".join(f"\"{k}\": {v!r}" for k, v in rates.items())
    return {
        **CORRECT,
        "engagement_rate_by_reach_answer":
            f"er_by_platform = pd.Series({{{typed}}})\ner_by_platform",
    }


ANSWERS: dict[str, dict[str, str] | None] = {
    "all-correct": CORRECT,
    "late": CORRECT,
    "wrong-filename": CORRECT,
    "partial": {  # a mean of per-post rates (passes the visible checks, not the hidden one)
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            'rate = charity[["reactions", "comments", "shares", "saves"]].sum(axis=1) '
            '/ charity["reach"]\n'
            'er_by_platform = rate.groupby(charity["platform"], observed=True).mean()\n'
            "er_by_platform"),
        "best_platform_answer": (
            "from smm_helpers.metrics import summarize\n"
            'best_platform = str(summarize(charity)["er_reach"].idxmax())'),
    },
    "all-wrong": {
        "engagement_rate_by_reach_answer": (
            'totals = charity.groupby("platform", observed=True)[["reactions", "reach"]].sum()\n'
            'er_by_platform = 100 * totals["reactions"] / totals["reach"]  # a percentage'),
        "best_platform_answer": 'best_platform = "myspace"',
        "smart_goal_answer": 'smart_goal = "Get more followers"',
        "platform_recommendation": "Post more.",
    },
    "blank": {},
    "infinite-loop": {
        **CORRECT,
        "engagement_rate_by_reach_answer": (
            "while True:  # waits forever: the grader stops it at the time limit\n"
            "    pass\n" + CORRECT["engagement_rate_by_reach_answer"]),
    },
    "copied": None,  # filled from a friend's numbers below
}


def main() -> None:
    from smm_helpers.grading.course import open_course

    answers = dict(ANSWERS, copied=_friend_answers())
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(REPO / "course", Path(tmp) / "course",
                        ignore=shutil.ignore_patterns("samples", "gradebook.db", "release",
                                                      "exchange", "submitted", "autograded",
                                                      "feedback", "archive", "grades"))
        shutil.copytree(REPO / "assignments" / ASSIGNMENT, Path(tmp) / "assignments" / ASSIGNMENT)
        course = open_course(Path(tmp) / "course")
        result = course.api().generate_assignment(ASSIGNMENT)
        if not result["success"]:
            raise SystemExit(result.get("error") or result.get("log"))
        released = course.path("release") / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        template = nbformat.read(released, as_version=4)

    out = HERE / ASSIGNMENT
    shutil.rmtree(out, ignore_errors=True)
    for outcome, filled in answers.items():
        nb = nbformat.from_dict(template)
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if filled and grade_id in filled:
                cell.source = filled[grade_id]
        folder = out / outcome
        folder.mkdir(parents=True)
        name = f"{ASSIGNMENT} (1).ipynb" if outcome == "wrong-filename" else f"{ASSIGNMENT}.ipynb"
        nbformat.write(nb, folder / name)
        (folder / "timestamp.txt").write_text((LATE if outcome == "late" else ON_TIME) + "\n")

    corrupted = out / "corrupted"
    corrupted.mkdir()
    text = nbformat.writes(nbformat.from_dict(template))
    (corrupted / f"{ASSIGNMENT}.ipynb").write_text(text[: len(text) // 2])  # cut mid-save
    (corrupted / "timestamp.txt").write_text(ON_TIME + "\n")

    missing = out / "missing"
    missing.mkdir()
    (missing / "README.md").write_text(
        "sample-missing submitted nothing: no notebook, no timestamp.\n")
    print(f"wrote {len(answers) + 2} samples to {out}")


if __name__ == "__main__":
    main()
