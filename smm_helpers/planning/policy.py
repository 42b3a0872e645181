"""A short social media policy for a nonprofit: write one from answers, or check one.

Source article 000 says to write a policy before starting: it should settle staff time,
who speaks for the organisation, which tools are used, and who answers conversations,
and it must be short and easy for everyone to understand.  ``write_policy`` turns a
``PolicyAnswers`` into such a policy in plain Markdown; ``lint_policy`` checks any policy
(yours or a learner's, English or Bengali) for the sections in ``SECTIONS`` and for
readability, and gives advice when a policy hands out a password.

Accounts are kept safe per person, not with a shared password: a Facebook Page has no
password of its own, so each person is given their own access in the Page's settings (full
or partial Facebook access, or task access) and loses it the day they leave
(sources.md#facebook-page-access).  Everyone uses two-factor login, and a platform that does
have one shared login keeps it in a password manager.

>>> answers = PolicyAnswers(
...     organisation="Alo Literacy Trust", purpose="We help children in Dhaka learn to read.",
...     work_hours_use="Staff may post for Alo during work hours; personal use only in breaks.",
...     not_allowed=["sharing posts about politics from Alo's accounts"],
...     spokespeople=["Director"], responders=["Social media volunteer"],
...     response_time_hours=24, tools=["Facebook", "Meta Business Suite"],
...     account_access="The Director gives each person their own access in the Page settings.",
...     escalation_contacts=["Director", "Board chair"], crisis_contact="Director",
...     photo_consent="a parent or guardian signs a consent form", review_date="2027-06-30")
>>> policy = write_policy(answers)
>>> print(policy.splitlines()[0])
# Alo Literacy Trust social media policy
>>> lint_policy(policy).ok
True
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from importlib import resources

import regex

from smm_helpers.checks.reading import plain, read_date, stems
from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import (
    LANGUAGES,
    N_,
    current_language,
    in_language,
    ngettext,
)
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import LATIN_DIGITS, digits, format_date

__all__ = [
    "CUES_FILE",
    "MAX_SENTENCE_WORDS",
    "MAX_WORDS",
    "PASSWORD_ADVICE",
    "SECTIONS",
    "PolicyAnswers",
    "PolicyLint",
    "lint_policy",
    "parse_policy_cues",
    "policy_cues",
    "promised_hours",
    "write_policy",
]

MAX_WORDS = 600
"""About one page: a longer policy gets a readability warning."""

MAX_SENTENCE_WORDS = 25
"""Sentences longer than this get a readability warning."""


@dataclass(frozen=True)
class _Section:
    """One section a policy needs: its key, its suggested title, and the cue words that
    recognise it (read from ``CUES_FILE`` on first use)."""

    key: str
    title: str

    @property
    def headings(self) -> tuple[str, ...]:
        """Cue words that recognise the section in a heading, English and Bengali."""
        return policy_cues()[self.key, "heading"]

    @property
    def keywords(self) -> tuple[str, ...]:
        """Cue words that recognise the section anywhere in the text."""
        return policy_cues()[self.key, "text"]


SECTIONS: dict[str, _Section] = {
    "purpose": _Section("purpose", N_("Why we use social media")),
    "staff time": _Section("staff time", N_("Social media at work")),  # i18n: not shown
    "spokespeople": _Section("spokespeople", N_("Who speaks for us")),
    "conversations": _Section("conversations", N_("Answering comments and messages")),
    "tools": _Section("tools", N_("Tools and accounts")),
    "escalation": _Section("escalation", N_("When to escalate")),
    "privacy": _Section("privacy", N_("Privacy and consent")),
    "review": _Section("review", N_("Review")),
}
"""The sections a policy needs, each with words that recognise its heading or its content.

A section's ``title`` is marked for translation: ``lint_policy`` suggests it, in the
learner's language, as the heading of a missing section, and ``write_policy`` uses it as
the heading.  Its cue words (``headings``, ``keywords``) are data, in ``CUES_FILE``."""

# --- the cue words (data/policy_cues.csv, read on first use) -------------------------------

CUES_FILE = "policy_cues.csv"
"""The words that recognise each section: ``smm_helpers/data/policy_cues.csv``.

Its columns are ``section`` (a key of ``SECTIONS``), ``where`` (``heading``: the cue
recognises the section in a heading; ``text``: anywhere in the policy), ``cue`` and ``note``
(what the cue means, for the table's editors).  An English cue matches the start of a word
and what follows it (``escalat`` finds "escalate" and "escalation"), ignoring case.  A
Bengali cue matches whole words, each with or without a case ending (``reading.stems``: the
cue অফিস সময় finds "অফিসের সময়ে"); a word ending in ``*`` matches any word it starts
(উত্তর দ* finds "উত্তর দেবেন" and "উত্তর দিই")."""

CUE_PLACES = ("heading", "text")
_CUE_COLUMNS = ("section", "where", "cue", "note")


def parse_policy_cues(
    text: str,
    file: str = f"smm_helpers/data/{CUES_FILE}",
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Read and check the text of ``CUES_FILE``: ``{(section, where): cues}`` in file order.

    Cues are NFC.  A row naming an unknown section or place, an empty cue, a repeated cue
    or a ``*`` anywhere but at the end of a Bengali word is a ``DataError``.

    >>> parse_policy_cues("section,where,cue,note\\nreview,heading,পর্যালোচনা,\\n")[
    ...     "review", "heading"]
    ('পর্যালোচনা',)
    >>> parse_policy_cues("section,where,cue,note\\nreviews,heading,review,\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: smm_helpers/data/policy_cues.csv, line 2, column 'section': \
'reviews' is not a section of the policy.
    How to fix it: use one of: purpose, staff time, spokespeople, conversations, tools, \
escalation, privacy, review.
    """
    rows = list(csv.DictReader(text.splitlines()))
    header = tuple(csv.reader(text.splitlines()[:1]))
    if not header or tuple(header[0]) != _CUE_COLUMNS:
        raise DataError(
            _("the columns are not {columns}").format(columns=", ".join(_CUE_COLUMNS)),
            fix=_("start the file with the line: {header}").format(header=",".join(_CUE_COLUMNS)),
            file=file,
            line=1,
        )
    found: dict[tuple[str, str], list[str]] = {
        (name, where): [] for name in SECTIONS for where in CUE_PLACES
    }
    for line, row in enumerate(rows, start=2):
        name, where = row["section"] or "", row["where"] or ""
        cue = unicodedata.normalize("NFC", " ".join((row["cue"] or "").split()))
        if name not in SECTIONS:
            raise DataError(
                _("{value} is not a section of the policy").format(value=repr(name)),
                fix=_("use one of: {choices}").format(choices=", ".join(SECTIONS)),
                file=file,
                line=line,
                column="section",
            )
        if where not in CUE_PLACES:
            raise DataError(
                _("{value} is not a place a cue is looked for").format(value=repr(where)),
                fix=_("use one of: {choices}").format(choices=", ".join(CUE_PLACES)),
                file=file,
                line=line,
                column="where",
            )
        if not cue:
            raise DataError(
                _("the cue is empty"),
                fix=_("write a word or phrase, or delete the row"),
                file=file,
                line=line,
                column="cue",
            )
        stars = [word for word in cue.split() if "*" in word]
        if stars and (
            cue.isascii()
            or any(w.count("*") > 1 or not w.endswith("*") or len(w) < 2 for w in stars)
        ):
            raise DataError(
                _("{value} has a * that is not at the end of a Bengali word").format(
                    value=repr(cue)
                ),
                fix=_(
                    "put * only at the end of a Bengali word (English cues "
                    "already match the start of a word)"
                ),
                file=file,
                line=line,
                column="cue",
            )
        if cue.casefold() in (c.casefold() for c in found[name, where]):
            raise DataError(
                _("{value} is listed twice for this section").format(value=repr(cue)),
                fix=_("delete one of the two rows"),
                file=file,
                line=line,
                column="cue",
            )
        found[name, where].append(cue)
    return {key: tuple(cues) for key, cues in found.items()}


@cache
def policy_cues() -> dict[tuple[str, str], tuple[str, ...]]:
    """The cue words of ``CUES_FILE``, read and checked once: ``{(section, where): cues}``.

    >>> policy_cues()["escalation", "heading"][:2]
    ('escalat', 'crisis')
    >>> "এসকেলেশন" in policy_cues()["escalation", "heading"]
    True
    """
    text = (resources.files("smm_helpers") / "data" / CUES_FILE).read_text(encoding="utf-8")
    return parse_policy_cues(text)


SECTION_NAMES: dict[str, str] = {
    "purpose": N_("purpose"),
    "staff time": N_("staff time"),  # i18n: not shown
    "spokespeople": N_("spokespeople"),
    "conversations": N_("conversations"),
    "tools": N_("tools"),
    "escalation": N_("escalation"),
    "privacy": N_("privacy"),
    "review": N_("review"),
}
"""How each section's name is shown to a learner (the keys of ``SECTIONS`` stay the data)."""


def _section_name(name: str) -> str:
    return _(SECTION_NAMES[name]) if name in SECTION_NAMES else name


# --- the answers --------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyAnswers:
    """What an organisation decided; ``write_policy`` turns it into a policy.

    Text fields must not be empty and list fields must name at least one item; a missing
    answer is an ``InputError`` naming the field.  Lists are copied into tuples.

    >>> PolicyAnswers(organisation="Alo", purpose="", work_hours_use="x", not_allowed=["x"],
    ...               spokespeople=["x"], responders=["x"], response_time_hours=24,
    ...               tools=["x"], account_access="x", escalation_contacts=["x"],
    ...               crisis_contact="x", photo_consent="x", review_date="2027-01-31")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: PolicyAnswers.purpose is empty.
    How to fix it: purpose: why the organisation uses social media and its core values, ...
    """

    organisation: str
    purpose: str
    work_hours_use: str
    not_allowed: Sequence[str]
    spokespeople: Sequence[str]
    responders: Sequence[str]
    response_time_hours: float
    tools: Sequence[str]
    account_access: str
    escalation_contacts: Sequence[str]
    crisis_contact: str
    photo_consent: str
    review_date: str | date

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "response_time_hours":
                _check_hours(value)
            elif f.name == "review_date":
                object.__setattr__(self, "review_date", _check_date(value))
            elif f.name in _LIST_FIELDS:
                object.__setattr__(self, f.name, _check_list(f.name, value))
            elif not isinstance(value, str) or not value.strip():
                raise _missing(f.name)


_HINTS = {
    "organisation": N_("the organisation's name, e.g. 'Alo Literacy Trust'"),
    "purpose": N_(
        "why the organisation uses social media and its core values, e.g. 'We help "
        "children learn to read; we are honest and kind'"
    ),
    "work_hours_use": N_(
        "what staff may do on social media during work hours, e.g. 'Post for "
        "the organisation at work; personal use only in breaks'"
    ),
    "not_allowed": N_(
        "what staff must not do, e.g. ['share political opinions from our accounts']"
    ),
    "spokespeople": N_("who may speak for the organisation, e.g. ['Director']"),
    "responders": N_("who answers comments and messages, e.g. ['Social media volunteer']"),
    "tools": N_("the platforms and tools you use, e.g. ['Facebook', 'Meta Business Suite']"),
    "account_access": N_(
        "how each person gets and loses access to the accounts, e.g. 'Each "
        "person gets their own access in the Page settings and loses it the "
        "day they leave' (a Facebook Page has no password to share)"
    ),
    "escalation_contacts": N_(
        "who to tell about complaints and hard questions, e.g. ['Director', 'Board chair']"
    ),
    "crisis_contact": N_("who decides in a crisis, e.g. 'Director, 01700-000000'"),
    "photo_consent": N_(
        "how consent for photos is given, e.g. 'a parent or guardian signs a consent form'"
    ),
}
_LIST_FIELDS = ("not_allowed", "spokespeople", "responders", "tools", "escalation_contacts")


def _missing(name: str) -> InputError:
    return InputError(
        _("PolicyAnswers.{field} is empty").format(field=name), fix=f"{name}: {_(_HINTS[name])}"
    )


def _check_list(name: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InputError(
            _("PolicyAnswers.{field} is the text {value}, but it must be a list").format(
                field=name, value=repr(value)
            ),
            fix=_("put it in a list: {field}=[{value}]").format(field=name, value=repr(value)),
        )
    if not isinstance(value, Sequence | set | frozenset):
        raise _missing(name)
    items = tuple(value)
    if not items or not all(isinstance(i, str) and i.strip() for i in items):
        raise _missing(name)
    return items


def _check_hours(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InputError(
            _(
                "PolicyAnswers.response_time_hours is {value}; it must be a number of hours above 0"
            ).format(value=repr(value)),
            fix=_("say how fast messages are answered, e.g. response_time_hours=24"),
        )


def _check_date(value: object) -> date:
    """The review date: a ``date``, or text in any form the course reads (``read_date``),
    with English or Bengali digits and month names.

    >>> _check_date("২০২৭-০৬-৩০"), _check_date("৩০ জুন ২০২৭")
    (datetime.date(2027, 6, 30), datetime.date(2027, 6, 30))
    """
    found = read_date(value) if isinstance(value, str | date) else None
    if found is not None:
        return found
    raise InputError(
        _("PolicyAnswers.review_date is {value}, not a date").format(value=repr(value)),
        fix=_("give the date of the next review, e.g. review_date='2027-06-30'"),
    )


# --- writing ------------------------------------------------------------------------------

_BENGALI_LETTER = regex.compile(r"\p{Bengali}")


def _sentence(text: str) -> str:
    """One tidy sentence: spaces folded, a capital first letter, a full stop at the end —
    the দাঁড়ি ("।") when it ends in Bengali.

    >>> _sentence("we help  children read"), _sentence("আমরা শিশুদের পড়তে শেখাই")
    ('We help children read.', 'আমরা শিশুদের পড়তে শেখাই।')
    """
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    if text.endswith((".", "!", "?", "।")):
        return text
    letters = [c for c in text if c.isalpha() or unicodedata.category(c).startswith("M")]
    return text + ("।" if letters and _BENGALI_LETTER.match(letters[-1]) else ".")


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {' '.join(i.split())}" for i in items]


def _reply_promise(hours: float) -> str:
    """The sentence that promises a reply time, in the current language."""
    return ngettext(
        "We answer within {hours} hour.", "We answer within {hours} hours.", 1 if hours == 1 else 2
    ).format(hours=digits(f"{hours:g}"))


def write_policy(answers: PolicyAnswers, language: str | None = None) -> str:
    """A short, plain social media policy in Markdown, one heading per section of ``SECTIONS``.

    It uses short sentences and lists so that everyone in the organisation can read it in a
    few minutes.  It is written in ``language`` (default: the chosen language, see
    ``use_language``): in Bengali every sentence, heading, number and date is Bengali around
    the organisation's own answers.  Returns a new string; ``answers`` is not changed.

    >>> write_policy("our policy")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: write_policy needs a PolicyAnswers, not str.
    How to fix it: fill in PolicyAnswers(organisation=..., purpose=..., ...) first.
    """
    if not isinstance(answers, PolicyAnswers):
        raise InputError(
            _("write_policy needs a PolicyAnswers, not {kind}").format(kind=type(answers).__name__),
            fix=_("fill in PolicyAnswers(organisation=..., purpose=..., ...) first"),
        )
    with in_language(language):
        return _written(answers)


def _written(a: PolicyAnswers) -> str:
    """:func:`write_policy`'s text in the current language."""
    org = " ".join(a.organisation.split())
    review = a.review_date
    assert isinstance(review, date)
    when = f"{review.day} {review:%B %Y}" if current_language() == "en" else format_date(review)

    def heading(name: str) -> str:
        return "## " + _(SECTIONS[name].title)

    parts = [
        "# " + _("{organisation} social media policy").format(organisation=org),
        "",
        heading("purpose"),
        _sentence(a.purpose),
        _("This policy explains how we use social media and who does what.")
        + " "
        + _("It applies to all staff and volunteers."),
        "",
        heading("staff time"),  # i18n: not shown
        _sentence(a.work_hours_use),
        _("What is not allowed:"),
        *_bullets(a.not_allowed),
        "",
        heading("spokespeople"),
        _(
            "Only these people may speak on behalf of {organisation}, online or to journalists:"
        ).format(organisation=org),
        *_bullets(a.spokespeople),
        _("Everyone else passes media enquiries to them."),
        "",
        heading("conversations"),
        _("These people reply to comments and messages:"),
        *_bullets(a.responders),
        _reply_promise(a.response_time_hours) + " " + _("We are polite, even when people are not."),
        "",
        heading("tools"),
        _("We use:"),
        *_bullets(a.tools),
        _sentence(a.account_access),
        _("Everyone logs in with their own account and two-factor login."),
        _("Never share a password.")
        + " "
        + _("An account with only one login keeps it in a password manager."),
        _("When someone leaves, remove their access that day."),
        "",
        heading("escalation"),
        _(
            "Tell one of these people at once about a serious complaint, a hard question or "
            "anything about a child's safety:"
        ),
        *_bullets(a.escalation_contacts),
        _("In a crisis or an emergency, this person decides what we say: {contact}.").format(
            contact=" ".join(a.crisis_contact.split())
        )
        + " "
        + _("Do not post about it until then."),
        "",
        heading("privacy"),
        _("Keep the people we serve safe.")
        + " "
        + _("Never post a child's full name, school or home."),
        _("Photos of children need consent first."),
        _sentence(a.photo_consent),
        _("Keep private messages confidential."),
        "",
        heading("review"),
        _("We will review this policy by {date}.").format(date=when),
        "",
    ]
    return "\n".join(parts)


def promised_hours(policy: str) -> tuple[float, ...]:
    """Every reply time a policy promises in the sentence ``write_policy`` writes for it, in
    English or in Bengali (whatever the chosen language), in the order they appear.

    A test can ask whether a policy promises a number of hours, whichever language the
    policy was written in.

    >>> promised_hours("We answer within 46 hours. We are polite.")
    (46.0,)
    >>> promised_hours("আমরা ৪৬ ঘণ্টার মধ্যে উত্তর দিই।"), promised_hours("No promise.")
    ((46.0,), ())
    """
    if not isinstance(policy, str):
        return ()
    text = unicodedata.normalize("NFC", policy).translate(LATIN_DIGITS)
    found: list[tuple[int, float]] = []
    for pattern in _promise_patterns():
        found += [(m.start(), float(m["hours"])) for m in pattern.finditer(text)]
    return tuple(hours for _start, hours in sorted(set(found)))


def _promise_patterns() -> Iterator[regex.Pattern[str]]:
    """The reply-promise sentence of each language as a pattern with the hours as a group."""
    for language in LANGUAGES:
        with in_language(language):
            sentences = {_reply_promise(1), _reply_promise(2)}
        for sentence in sentences:
            number = "1" if "1" in sentence.translate(LATIN_DIGITS) else "2"
            before, _sep, after = sentence.translate(LATIN_DIGITS).partition(number)
            yield regex.compile(
                regex.escape(unicodedata.normalize("NFC", before))
                + r"(?P<hours>\d+(?:\.\d+)?)"
                + regex.escape(unicodedata.normalize("NFC", after))
            )


# --- linting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyLint:
    """What ``lint_policy`` found: sections present and missing, readability warnings, advice.

    ``found`` maps each present section to how it was recognised (a heading or a keyword).
    ``advice`` flags content to reconsider (a password handed out); like ``warnings``, it
    does not change ``ok``.

    >>> PolicyLint(missing=("review",), found={"purpose": 'heading "Why we post"'})
    PolicyLint(ok=False, missing=['review'], warnings=0)
    """

    missing: tuple[str, ...] = ()
    found: dict[str, str] | None = None
    warnings: tuple[str, ...] = ()
    words: int = 0
    advice: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no section is missing (warnings do not count)."""
        return not self.missing

    def __repr__(self) -> str:
        return (
            f"PolicyLint(ok={self.ok}, missing={list(self.missing)!r}, "
            f"warnings={len(self.warnings)})"
        )

    def __str__(self) -> str:
        found = self.found or {}
        lines = [_("Policy check ({count} words):").format(count=digits(self.words))]
        lines += [f"✓ {_section_name(name)}: {how}" for name, how in found.items()]
        lines += [
            "✗ "
            + _("{section}: missing; add a section '{title}'").format(
                section=_section_name(name), title=_(SECTIONS[name].title)
            )
            for name in self.missing
        ]
        lines += [f"! {w}" for w in self.warnings]
        lines += [f"→ {a}" for a in self.advice]
        if self.ok and not self.warnings:
            lines.append(_("All sections are there and it reads easily."))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in str(self).splitlines()[1:])
        title = html.escape(_("Policy check"))
        count = html.escape(_("({count} words)").format(count=digits(self.words)))
        return f"<div><b>{title}</b> {count}<ul>{items}</ul></div>"


_HEADING = re.compile(
    r"^\s{0,3}(?:#{1,6}\s+(?P<atx>.+?)\s*#*\s*$|\*\*(?P<bold>[^*]+)\*\*:?\s*$|"
    r"__(?P<under>[^_]+)__:?\s*$)"
)
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")


def _headings(lines: list[str]) -> list[str]:
    found = []
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if m:
            found.append(m.group("atx") or m.group("bold") or m.group("under"))
        elif _SETEXT.match(line) and i and lines[i - 1].strip():
            found.append(lines[i - 1].strip())
    return found


def _sentences(lines: list[str]) -> list[str]:
    """The sentences of the body text, with sentences wrapped over several lines joined.

    A blank line or a heading ends a paragraph and each list item starts a new one, so a
    long sentence is measured whole however the Markdown wraps it.
    """
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        item = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+", line)
        if not line.strip() or _HEADING.match(line) or item:
            if current:
                blocks.append(" ".join(current))
            current = [line[item.end() :]] if item else []
        else:
            current.append(line.strip())
    pieces: list[str] = []
    for block in blocks:
        pieces += [p for p in regex.split(r"(?<=[.!?।])\s+", block) if p.strip()]
    return pieces


def lint_policy(markdown: str) -> PolicyLint:
    """Check a social media policy (Markdown, English or Bengali) for sections and readability.

    A section counts as present when a heading names it or its body uses one of its
    keywords (see ``SECTIONS``), so a policy in your own words is recognised too.  Warnings
    flag a policy longer than ``MAX_WORDS`` words and sentences longer than
    ``MAX_SENTENCE_WORDS`` words.  ``advice`` flags a sentence that hands out a password:
    a Facebook Page has none to share (sources.md#facebook-page-access).

    >>> lint = lint_policy("# Our policy\\n## Who can speak for us\\nOnly the director.")
    >>> lint.found
    {'spokespeople': 'heading "Who can speak for us"'}
    >>> lint.missing[:3]
    ('purpose', 'staff time', 'conversations')
    >>> len(lint_policy("## Tools\\nTwo people hold the Facebook password.").advice)
    1
    >>> lint_policy("## Tools\\nNever share a password.").advice
    ()
    >>> lint_policy(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: lint_policy needs the policy as text, not NoneType.
    How to fix it: pass a string, e.g. lint_policy(open('policy.md').read()).
    """
    if not isinstance(markdown, str):
        raise InputError(
            _("lint_policy needs the policy as text, not {kind}").format(
                kind=type(markdown).__name__
            ),
            fix=_("pass a string, e.g. lint_policy(open('policy.md').read())"),
        )
    text = unicodedata.normalize("NFC", markdown)
    lines = text.splitlines()
    headings = _headings(lines)
    found: dict[str, str] = {}
    read_headings = [_Words(h) for h in headings]
    body = _Words(text)
    for name, section in SECTIONS.items():
        heading = next((h.text for h in read_headings if h.first(section.headings)), None)
        if heading is not None:
            found[name] = _('heading "{heading}"').format(heading=heading)
            continue
        keyword = body.first(section.keywords)
        if keyword is not None:
            found[name] = _('keyword "{keyword}"').format(keyword=keyword)
    missing = tuple(name for name in SECTIONS if name not in found)
    words = len(regex.findall(r"\w+", text))
    sentences = _sentences(lines)
    warnings = _readability(words, sentences)
    return PolicyLint(
        missing=missing,
        found=found,
        warnings=warnings,
        words=words,
        advice=_password_advice(sentences),
    )


class _Words:
    """A text as ``lint_policy`` reads it for cue words: as typed (for English cues) and as
    Bengali words, each with the forms it has without its case endings (``reading.stems``,
    two deep: মন্তব্যগুলোর → মন্তব্যগুলো → মন্তব্য).

    >>> _Words("শুধু পরিচালক সাংবাদিকদের সঙ্গে কথা বলবেন।").first(["কে কথা বল*", "সাংবাদিক"])
    'সাংবাদিকদের'
    >>> _Words("Escalate threats at once.").first(["urgent", "escalat"])
    'escalat'
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._forms: list[tuple[str, frozenset[str]]] | None = None

    def _words(self) -> list[tuple[str, frozenset[str]]]:
        if self._forms is None:
            self._forms = []
            for word in plain(self.text).split():
                forms = {form for stem in stems(word) for form in stems(stem)}
                self._forms.append((word, frozenset(forms)))
        return self._forms

    def first(self, cues: Sequence[str]) -> str | None:
        """The first cue found: an English cue as written, a Bengali one as the words of
        the text it found (``None`` when no cue is there)."""
        for cue in cues:
            if cue.isascii():
                if regex.search(r"(?<!\w)" + regex.escape(cue), self.text, regex.IGNORECASE):
                    return cue
                continue
            found = self._phrase(plain(cue).split())
            if found is not None:
                return found
        return None

    def _phrase(self, cue: list[str]) -> str | None:
        words = self._words()
        for start in range(len(words) - len(cue) + 1):
            here = words[start : start + len(cue)]
            if cue and all(
                _word_matches(want, word, forms)
                for want, (word, forms) in zip(cue, here, strict=True)
            ):
                return " ".join(word for word, _forms in here)
        return None


def _word_matches(cue: str, word: str, forms: frozenset[str]) -> bool:
    if cue.endswith("*"):
        return word.startswith(cue[:-1])
    return cue in forms


_PASSWORD = regex.compile(unicodedata.normalize("NFC", r"password|পাসওয়ার্ড"), regex.IGNORECASE)
_NOT_HANDED_OUT = regex.compile(
    unicodedata.normalize(
        "NFC",
        r"(?<!\w)(?:never|not|don't|do not|no one|nobody|password manager|"  # i18n: not shown
        r"কখনো|কখনও|না|পাসওয়ার্ড ম্যানেজার(?:ে|এ|র|ের|টি|টা)?)(?!\w)",
    ),
    regex.IGNORECASE,
)
"""Words that say a sentence keeps a password back (a Bengali one with a case ending too:
পাসওয়ার্ড ম্যানেজারে, "in the password manager")."""

PASSWORD_ADVICE = N_(
    "A Facebook Page has no password to share: give each person their own access in the "
    "Page settings (full or partial Facebook access, or task access) and remove it the day "
    "they leave. Everyone uses two-factor login; keep any shared login of another platform in "
    "a password manager (sources.md#facebook-page-access)."
)
"""The advice ``lint_policy`` gives when a sentence hands out a password."""


def _password_advice(sentences: list[str]) -> tuple[str, ...]:
    """Advice for the first sentence that hands out a password (not one that forbids it)."""
    for s in sentences:
        if _PASSWORD.search(s) and not _NOT_HANDED_OUT.search(s):
            start = " ".join(s.split()[:8])
            return (
                _('"{start} ..." hands out a password. {advice}').format(
                    start=start, advice=_(PASSWORD_ADVICE)
                ),
            )
    return ()


def _readability(words: int, sentences: list[str]) -> tuple[str, ...]:
    warnings = []
    if words == 0:
        warnings.append(_("The policy is empty."))
    elif words > MAX_WORDS:
        warnings.append(
            _(
                "It is {words} words long; aim for under {limit} (about one page) "
                "so everyone reads it."
            ).format(words=digits(words), limit=digits(MAX_WORDS))
        )
    long = [s for s in sentences if len(regex.findall(r"\w+", s)) > MAX_SENTENCE_WORDS]
    for s in long[:3]:
        start = " ".join(s.split()[:8])
        count = len(regex.findall(r"\w+", s))
        warnings.append(
            _(
                'A sentence has {count} words ("{start} ..."); split it into '
                "sentences of under {limit} words."
            ).format(count=digits(count), start=start, limit=digits(MAX_SENTENCE_WORDS))
        )
    if len(long) > 3:
        more = len(long) - 3
        warnings.append(
            _("{count} more sentences are longer than {limit} words.").format(
                count=digits(more), limit=digits(MAX_SENTENCE_WORDS)
            )
        )
    return tuple(warnings)
