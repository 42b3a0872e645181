"""Self-checks for lesson 05 · A social media policy for a nonprofit.

Policies are judged by ``planning.lint_policy``, so a policy in the learner's own words
(English or Bengali) is recognised, and the verdict names the sections still missing.

>>> from smm_helpers.checks import check
>>> check("05-policy", "q1", "Be nice online.").missing[:2]
('Why we use social media', 'Social media at work')
"""

from __future__ import annotations

from typing import Any

from smm_helpers.checks.core import Feedback, Question
from smm_helpers.checks.judges import choice, number
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning import SECTIONS, lint_policy
from smm_helpers.planning.policy import MAX_SENTENCE_WORDS, MAX_WORDS

LESSON = "05-policy"

MIN_WORDS = 50
"""A policy shorter than this cannot say enough about each section."""

POLICY_WITH_A_GAP = (
    ""  # i18n: not shown (a sample document: data)
    """\
# Alo Reading Circle social media policy

## Why we use social media
We share our mission: every child in Dhaka can learn to read.

## Social media at work
Staff may post for Alo during work hours. Personal use only in the lunch break.

## Who speaks for us
Only the Director is our spokesperson. Pass media enquiries to her.

## Tools and accounts
We use Facebook and Meta Business Suite. Each person has their own Page access; two-factor
login is on.

## When to escalate
Tell the Director at once about a crisis or a serious complaint.

## Privacy and consent
Photos of children need a parent's written consent.

## Review
We review this policy every June.
"""
)
"""q2: a short policy that lacks exactly one section."""

COMPLAINT_OPTIONS = (
    N_("whoever sees it first, in their own words"),
    N_("the named responders, who pass serious ones to the escalation contact"),
    N_("only the Director"),
    N_("nobody: hide or delete the comment"),
)
"""q3: who should answer a complaint on Alo's Facebook page."""


def policy_judge(answer: Any) -> Feedback:
    """Judge a learner's policy: every section of ``SECTIONS``, short and long enough.

    >>> policy_judge("# Policy\\n## Who speaks for us\\nOnly the Director.").missing[:2]
    ('Why we use social media', 'Social media at work')
    >>> policy_judge(42).message
    'I expected your policy as text in quotes (a str), but this is a int.'
    """
    if not isinstance(answer, str):
        return Feedback(
            False,
            _("I expected your policy as text in quotes (a str), but this is a {kind}.").format(
                kind=type(answer).__name__
            ),
            _('Write the policy between triple quotes: policy = """...""".'),
        )
    lint = lint_policy(answer)
    if lint.missing:
        titles = tuple(_(SECTIONS[name].title) for name in lint.missing)
        done = len(SECTIONS) - len(titles)
        return Feedback(
            False,
            _("Your policy covers {done} of {count} sections.").format(
                done=digits(done), count=digits(len(SECTIONS))
            ),
            _(
                "Add a heading or a sentence for each missing section; "
                "run lint_policy(policy) to see what it recognised."
            ),
            titles,
        )
    if lint.words > MAX_WORDS:
        return Feedback(
            False,
            _("All sections are there, but it is {count} words long.").format(
                count=digits(lint.words)
            ),
            _("Cut it down so that everyone will read it: short sentences, lists."),
        )
    if lint.words < MIN_WORDS:
        return Feedback(
            False,
            _("All sections are named, but it has only {count} words.").format(
                count=digits(lint.words)
            ),
            _("Say in a sentence what each section decides: who, what, how fast."),
        )
    said = [
        _("All {count} sections are there in {words} words.").format(
            count=digits(len(SECTIONS)), words=digits(lint.words)
        )
    ]
    if lint.warnings:
        said.append(_("lint_policy has readability warnings: look at them."))
    if lint.advice:
        said.append(
            _(
                "One sentence hands out a password, but a Facebook Page has none to share: "
                "give each person their own access in the Page settings instead "
                "(print(lint_policy(policy)) shows the advice)."
            )
        )
    return Feedback(True, " ".join(said))


def section_missing_from_example() -> tuple[str, ...]:
    """q2: the section(s) ``lint_policy`` finds missing from ``POLICY_WITH_A_GAP``.

    >>> len(section_missing_from_example())
    1
    """
    return lint_policy(POLICY_WITH_A_GAP).missing


_ALO_POLICY = (
    ""  # i18n: not shown (a sample document: data)
    """\
# Alo Reading Circle social media policy

## Why we use social media
We help children and adults in Dhaka learn to read. Our values: honesty, kindness, respect.

## Social media at work
Staff and volunteers may post for Alo in their Alo hours. Personal use only in breaks.
Never share political opinions from Alo's accounts.

## Who speaks for us
Only the Director speaks for Alo; when she is away, the board chair. Pass journalists to them.

## Answering comments and messages
Our social media volunteer replies to comments and messages within 24 hours, Sunday to
Thursday; the Director answers on Friday and Saturday.

## Tools and accounts
We use Facebook, Instagram and Meta Business Suite. Each person gets their own access in
the Page settings and loses it the day they leave. Two-factor login is on for everyone.

## When to escalate
Tell the Director at once about a serious complaint or a crisis.

## Privacy and consent
Photos of children need a parent's signed consent. Keep messages confidential.

## Review
We review this policy every June.
"""
)

_ALO_POLICY_BN = """\
# আলো পাঠচক্রের সোশ্যাল মিডিয়া নীতি

## উদ্দেশ্য
আমরা ঢাকার শিশু ও বড়দের পড়তে শেখাই। আমাদের মূল্যবোধ: সততা, দয়া, সম্মান।

## কাজের সময়
কর্মী ও স্বেচ্ছাসেবকেরা আলোর কাজের সময়ে আলোর জন্য পোস্ট করতে পারেন। ব্যক্তিগত ব্যবহার শুধু বিরতিতে।

## মুখপাত্র
শুধু পরিচালক আলোর মুখপাত্র; তিনি না থাকলে বোর্ডের সভাপতি। সাংবাদিকদের তাঁদের কাছে পাঠান।

## মন্তব্য ও মেসেজের উত্তর
রবি থেকে বৃহস্পতিবার সোশ্যাল মিডিয়ার স্বেচ্ছাসেবক ২৪ ঘণ্টার মধ্যে মন্তব্য ও মেসেজের উত্তর দেবেন;
শুক্র ও শনিবার উত্তর দেবেন পরিচালক।

## অ্যাকাউন্ট ও অ্যাক্সেস
আমরা ফেসবুক ও মেটা বিজনেস স্যুট ব্যবহার করি। প্রত্যেকে নিজের অ্যাকাউন্ট দিয়ে পেজে ঢোকেন।
কেউ চলে গেলে সেদিনই তাঁর অ্যাক্সেস সরিয়ে দেওয়া হয়। পাসওয়ার্ড কখনো কারও সঙ্গে শেয়ার করবেন না।

## সংকট ও অভিযোগ
গুরুতর অভিযোগ বা সংকট হলে সঙ্গে সঙ্গে পরিচালককে জানান।

## গোপনীয়তা ও সম্মতি
শিশুদের ছবির জন্য অভিভাবকের লিখিত সম্মতি লাগবে।

## পর্যালোচনা
প্রতি জুনে আমরা এই নীতি পর্যালোচনা করি।
"""

QUESTIONS = [
    Question(
        lesson=LESSON,
        id="q1",
        prompt=N_(
            "Write a short social media policy for Alo Reading Circle (or your own "
            "organisation) in your own words: every section lint_policy looks for, "
            "at least {least} words and under {most}."
        ),
        facts=lambda: {"least": digits(MIN_WORDS), "most": digits(MAX_WORDS)},
        judge=policy_judge,
        reference=[_ALO_POLICY, _ALO_POLICY_BN],
        wrong=[
            "Be careful online and think before you post.",  # i18n: not shown
            POLICY_WITH_A_GAP,
            "# Policy\n## Why\n## At work\n## Spokesperson\n## Comments\n## "  # i18n: not shown
            "Tools\n"
            "## Crisis\n## Privacy\n## Review\n",
            _ALO_POLICY + "\n" + "We care about every reader we meet. " * 120,  # i18n: not shown
            None,
        ],
    ),
    Question(
        lesson=LESSON,
        id="q2",
        prompt=N_(
            "Which section does the policy in POLICY_WITH_A_GAP lack? Answer with one "
            "of: {sections}."
        ),
        facts=lambda: {"sections": ", ".join(SECTIONS)},
        judge=choice(
            section_missing_from_example,
            options=list(SECTIONS),
            hint=N_("Run lint_policy on the policy and look for the ✗."),
        ),
        reference=lambda: list(section_missing_from_example()),
        wrong=lambda: [s for s in SECTIONS if s not in section_missing_from_example()],
    ),
    Question(
        lesson=LESSON,
        id="q3",
        prompt=N_("An angry parent complains in a comment on Alo's Facebook page. Who answers?"),
        judge=choice(
            COMPLAINT_OPTIONS[1],
            options=COMPLAINT_OPTIONS,
            hints={
                COMPLAINT_OPTIONS[0]: N_(
                    "Many voices, many answers: source article "
                    "000 asks the policy to settle who answers conversations."
                ),
                COMPLAINT_OPTIONS[2]: N_(
                    "A director has little time: would the parent get an answer quickly?"
                ),
                COMPLAINT_OPTIONS[3]: N_(
                    "Hiding a complaint is the worst outcome "
                    "source article 000 warns about: not engaging."
                ),
            },
            hint=N_("Which section of the policy answers this?"),
        ),
        reference=[COMPLAINT_OPTIONS[1]],
        wrong=[COMPLAINT_OPTIONS[0], COMPLAINT_OPTIONS[2], COMPLAINT_OPTIONS[3]],
    ),
    Question(
        lesson=LESSON,
        id="q4",
        prompt=(
            N_(
                "lint_policy warns when a policy grows longer than about one page. How many "
                "words is that limit?"
            )
        ),
        judge=number(
            MAX_WORDS,
            rel_tol=0,
            what=N_("a number of words"),
            mistakes=[
                (
                    lambda v: v == MAX_SENTENCE_WORDS,
                    N_("That is the limit for one sentence, not the whole policy."),
                )
            ],
            hint=N_("Run lint_policy on a long policy and read its warning."),
        ),
        reference=[MAX_WORDS],
        wrong=[MAX_WORDS // 2, MAX_SENTENCE_WORDS, 1000],
    ),
]
