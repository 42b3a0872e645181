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

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

import regex

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits

__all__ = [
    "MAX_SENTENCE_WORDS",
    "MAX_WORDS",
    "PASSWORD_ADVICE",
    "SECTIONS",
    "PolicyAnswers",
    "PolicyLint",
    "lint_policy",
    "write_policy",
]

MAX_WORDS = 600
"""About one page: a longer policy gets a readability warning."""

MAX_SENTENCE_WORDS = 25
"""Sentences longer than this get a readability warning."""


@dataclass(frozen=True)
class _Section:
    title: str
    headings: tuple[str, ...]
    keywords: tuple[str, ...]


def _nfc(*words: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", w) for w in words)


SECTIONS: dict[str, _Section] = {
    "purpose": _Section(
        N_("Why we use social media"),
        _nfc("purpose", "why we", "about us", "values", "mission",  # i18n: not shown
             "introduction", "aims",  # i18n: not shown
             "উদ্দেশ্য", "মূল্যবোধ", "কেন"),
        _nfc("core values", "our values", "our mission", "this policy explains",  # i18n: not shown
             "purpose of this policy", "why we use social media", "মূল্যবোধ",  # i18n: not shown
             "উদ্দেশ্য"),  # i18n: not shown
    ),
    "staff time": _Section(  # i18n: not shown
        N_("Social media at work"),
        _nfc("at work", "work hours", "working hours", "staff time",  # i18n: not shown
             "personal use",  # i18n: not shown
             "staff use", "conduct", "dos and don", "do's and don",  # i18n: not shown
             "acceptable use",  # i18n: not shown
             "কাজের সময়", "কর্মঘণ্টা", "অফিস সময়"),
        _nfc("working hours", "work hours", "during work", "personal account",  # i18n: not shown
             "personal use", "on work time", "office hours", "lunch break",  # i18n: not shown
             "কাজের সময়",  # i18n: not shown
             "কর্মঘণ্টা", "অফিস সময়", "ব্যক্তিগত অ্যাকাউন্ট"),
    ),
    "spokespeople": _Section(
        N_("Who speaks for us"),
        _nfc("spokesperson", "spokespeople", "speaks for", "speak for",  # i18n: not shown
             "speaking for",  # i18n: not shown
             "who can speak", "media enquiries", "media relations", "the media",  # i18n: not shown
             "press",  # i18n: not shown
             "journalist", "মুখপাত্র"),
        _nfc("spokesperson", "spokespeople", "speak on behalf",  # i18n: not shown
             "speaks on behalf",  # i18n: not shown
             "speaks for", "speak for", "media enquiries", "press enquiries",  # i18n: not shown
             "journalist",  # i18n: not shown
             "মুখপাত্র", "পক্ষে কথা", "সাংবাদিক", "গণমাধ্যম"),
    ),
    "conversations": _Section(
        N_("Answering comments and messages"),
        _nfc("comment", "message", "conversation", "repl", "answering", "responding",
             "community", "inbox", "মন্তব্য", "কমেন্ট", "মেসেজ", "বার্তা", "উত্তর"),
        _nfc("reply to", "replies", "respond to", "answer comments",  # i18n: not shown
             "answers comments",  # i18n: not shown
             "answers messages", "answer messages", "inbox", "response time",  # i18n: not shown
             "মন্তব্যের উত্তর",  # i18n: not shown
             "মেসেজের উত্তর", "উত্তর দেবেন", "উত্তর দেন"),
    ),
    "tools": _Section(
        N_("Tools and accounts"),
        _nfc("tool", "account", "password", "security", "access",  # i18n: not shown
             "platforms we use",  # i18n: not shown
             "channels", "টুল", "সরঞ্জাম", "অ্যাকাউন্ট", "পাসওয়ার্ড", "অ্যাক্সেস"),
        _nfc("page access", "page settings", "own access", "remove their access",  # i18n: not shown
             "password", "two-factor", "2fa", "two-step", "scheduling tool",  # i18n: not shown
             "scheduler",  # i18n: not shown
             "admin access", "log in", "login", "meta business suite",  # i18n: not shown
             "hootsuite", "buffer",  # i18n: not shown
             "পেজ অ্যাক্সেস", "অ্যাক্সেস", "পাসওয়ার্ড", "টু-ফ্যাক্টর", "দুই ধাপের"),
    ),
    "escalation": _Section(
        N_("When to escalate"),
        _nfc("escalat", "crisis", "emergenc", "complaint",  # i18n: not shown
             "when things go wrong",  # i18n: not shown
             "problems", "difficult", "সংকট", "জরুরি", "অভিযোগ"),
        _nfc("escalate", "crisis", "emergency", "urgent", "serious complaint",  # i18n: not shown
             "threat",  # i18n: not shown
             "সংকট", "জরুরি"),
    ),
    "privacy": _Section(
        N_("Privacy and consent"),
        _nfc("privacy", "confidential", "consent", "safeguarding", "protecting",
             "data protection", "children", "beneficiar", "গোপনীয়", "সম্মতি",  # i18n: not shown
             "শিশু"),  # i18n: not shown
        _nfc("consent", "confidential", "privacy", "safeguarding",  # i18n: not shown
             "personal information",  # i18n: not shown
             "personal data", "permission to", "photos of children", "সম্মতি",  # i18n: not shown
             "গোপনীয়",  # i18n: not shown
             "অনুমতি"),
    ),
    "review": _Section(
        N_("Review"),
        _nfc("review", "last updated", "updates", "version", "পর্যালোচনা",  # i18n: not shown
             "হালনাগাদ"),  # i18n: not shown
        _nfc("review this policy", "reviewed", "next review", "review date",  # i18n: not shown
             "last updated",  # i18n: not shown
             "updated every", "পর্যালোচনা", "হালনাগাদ"),  # i18n: not shown
    ),
}
"""The sections a policy needs, each with words that recognise its heading or its content.

A section's ``title`` is marked for translation: ``lint_policy`` suggests it, in the
learner's language, as the heading of a missing section."""

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
    "purpose": N_("why the organisation uses social media and its core values, e.g. 'We help "
                  "children learn to read; we are honest and kind'"),
    "work_hours_use": N_("what staff may do on social media during work hours, e.g. 'Post for "
                         "the organisation at work; personal use only in breaks'"),
    "not_allowed": N_("what staff must not do, e.g. ['share political opinions from our "
                      "accounts']"),
    "spokespeople": N_("who may speak for the organisation, e.g. ['Director']"),
    "responders": N_("who answers comments and messages, e.g. ['Social media volunteer']"),
    "tools": N_("the platforms and tools you use, e.g. ['Facebook', 'Meta Business Suite']"),
    "account_access": N_("how each person gets and loses access to the accounts, e.g. 'Each "
                         "person gets their own access in the Page settings and loses it the "
                         "day they leave' (a Facebook Page has no password to share)"),
    "escalation_contacts": N_("who to tell about complaints and hard questions, e.g. "
                              "['Director', 'Board chair']"),
    "crisis_contact": N_("who decides in a crisis, e.g. 'Director, 01700-000000'"),
    "photo_consent": N_("how consent for photos is given, e.g. 'a parent or guardian signs a "
                        "consent form'"),
}
_LIST_FIELDS = ("not_allowed", "spokespeople", "responders", "tools", "escalation_contacts")


def _missing(name: str) -> InputError:
    return InputError(_("PolicyAnswers.{field} is empty").format(field=name),
                      fix=f"{name}: {_(_HINTS[name])}")


def _check_list(name: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InputError(_("PolicyAnswers.{field} is the text {value}, but it must be a "
                           "list").format(field=name, value=repr(value)),
                         fix=_("put it in a list: {field}=[{value}]").format(
                             field=name, value=repr(value)))
    if not isinstance(value, Sequence | set | frozenset):
        raise _missing(name)
    items = tuple(value)
    if not items or not all(isinstance(i, str) and i.strip() for i in items):
        raise _missing(name)
    return items


def _check_hours(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InputError(
            _("PolicyAnswers.response_time_hours is {value}; it must be a number of hours "
              "above 0").format(value=repr(value)),
            fix=_("say how fast messages are answered, e.g. response_time_hours=24"),
        )


def _check_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(_("PolicyAnswers.review_date is {value}, not a date").format(
                         value=repr(value)),
                     fix=_("give the date of the next review, e.g. review_date='2027-06-30'"))


# --- writing ------------------------------------------------------------------------------

def _sentence(text: str) -> str:
    """One tidy sentence: spaces folded, a capital first letter, a full stop at the end."""
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "।")) else text + "."


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {' '.join(i.split())}" for i in items]


def write_policy(answers: PolicyAnswers) -> str:
    """A short, plain social media policy in Markdown, one heading per section of ``SECTIONS``.

    It uses short sentences and lists so that everyone in the organisation can read it in a
    few minutes.  Returns a new string; ``answers`` is not changed.

    >>> write_policy("our policy")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: write_policy needs a PolicyAnswers, not str.
    How to fix it: fill in PolicyAnswers(organisation=..., purpose=..., ...) first.
    """
    if not isinstance(answers, PolicyAnswers):
        raise InputError(_("write_policy needs a PolicyAnswers, not {kind}").format(
                             kind=type(answers).__name__),
                         fix=_("fill in PolicyAnswers(organisation=..., purpose=..., ...) "
                               "first"))
    a = answers
    org = " ".join(a.organisation.split())
    hours = f"{a.response_time_hours:g} hour" + ("" if a.response_time_hours == 1 else "s")
    review = a.review_date
    assert isinstance(review, date)
    # The policy is the organisation's document, written in English: its lines are what
    # write_policy produces, not messages of SMM Lab, so they are not translated here.
    parts = [
        f"# {org} social media policy",  # i18n: not shown
        "",
        "## Why we use social media",  # i18n: not shown
        _sentence(a.purpose),
        "This policy explains how we use social media and who does what. "  # i18n: not shown
        "It applies to all staff and volunteers.",
        "",
        "## Social media at work",  # i18n: not shown
        _sentence(a.work_hours_use),
        "What is not allowed:",  # i18n: not shown
        *_bullets(a.not_allowed),
        "",
        "## Who speaks for us",  # i18n: not shown
        f"Only these people may speak on behalf of {org}, "  # i18n: not shown
        "online or to journalists:",
        *_bullets(a.spokespeople),
        "Everyone else passes media enquiries to them.",  # i18n: not shown
        "",
        "## Answering comments and messages",  # i18n: not shown
        "These people reply to comments and messages:",  # i18n: not shown
        *_bullets(a.responders),
        f"We answer within {hours}. We are polite, even when people are not.",  # i18n: not shown
        "",
        "## Tools and accounts",  # i18n: not shown
        "We use:",  # i18n: not shown
        *_bullets(a.tools),
        _sentence(a.account_access),
        "Everyone logs in with their own account and two-factor login.",  # i18n: not shown
        "Never share a password. An account with only one login "  # i18n: not shown
        "keeps it in a password manager.",
        "When someone leaves, remove their access that day.",  # i18n: not shown
        "",
        "## When to escalate",  # i18n: not shown
        "Tell one of these people at once about a serious complaint, "  # i18n: not shown
        "a hard question or anything about a child's safety:",
        *_bullets(a.escalation_contacts),
        f"In a crisis or an emergency, this person decides what we say: "  # i18n: not shown
        f"{' '.join(a.crisis_contact.split())}. Do not post about it until then.",
        "",
        "## Privacy and consent",  # i18n: not shown
        "Keep the people we serve safe. "  # i18n: not shown
        "Never post a child's full name, school or home.",
        "Photos of children need consent first.",  # i18n: not shown
        _sentence(a.photo_consent),
        "Keep private messages confidential.",  # i18n: not shown
        "",
        "## Review",
        f"We will review this policy by {review.day} {review:%B %Y}.",  # i18n: not shown
        "",
    ]
    return "\n".join(parts)


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
        return (f"PolicyLint(ok={self.ok}, missing={list(self.missing)!r}, "
                f"warnings={len(self.warnings)})")

    def __str__(self) -> str:
        found = self.found or {}
        lines = [_("Policy check ({count} words):").format(count=digits(self.words))]
        lines += [f"✓ {_section_name(name)}: {how}" for name, how in found.items()]
        lines += ["✗ " + _("{section}: missing; add a section '{title}'").format(
                      section=_section_name(name), title=_(SECTIONS[name].title))
                  for name in self.missing]
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


_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+(?P<atx>.+?)\s*#*\s*$|\*\*(?P<bold>[^*]+)\*\*:?\s*$|"
                      r"__(?P<under>[^_]+)__:?\s*$)")
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
            current = [line[item.end():]] if item else []
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
        raise InputError(_("lint_policy needs the policy as text, not {kind}").format(
                             kind=type(markdown).__name__),
                         fix=_("pass a string, e.g. lint_policy(open('policy.md').read())"))
    text = unicodedata.normalize("NFC", markdown)
    lines = text.splitlines()
    headings = _headings(lines)
    found: dict[str, str] = {}
    for name, section in SECTIONS.items():
        heading = next((h for h in headings if _first_word(h, section.headings)), None)
        if heading is not None:
            found[name] = _('heading "{heading}"').format(heading=heading)
            continue
        keyword = _first_word(text, section.keywords)
        if keyword is not None:
            found[name] = _('keyword "{keyword}"').format(keyword=keyword)
    missing = tuple(name for name in SECTIONS if name not in found)
    words = len(regex.findall(r"\w+", text))
    sentences = _sentences(lines)
    warnings = _readability(words, sentences)
    return PolicyLint(missing=missing, found=found, warnings=warnings, words=words,
                      advice=_password_advice(sentences))


def _first_word(text: str, words: Sequence[str]) -> str | None:
    """The first of ``words`` that starts a word in ``text`` (ignoring case), or None."""
    for word in words:
        if regex.search(r"(?<!\w)" + regex.escape(word), text, regex.IGNORECASE):
            return word
    return None


_PASSWORD = regex.compile(unicodedata.normalize("NFC", r"password|পাসওয়ার্ড"),
                          regex.IGNORECASE)
_NOT_HANDED_OUT = regex.compile(unicodedata.normalize(
    "NFC", r"(?<!\w)(?:never|not|don't|do not|no one|nobody|password manager|"  # i18n: not shown
           r"কখনো|কখনও|না|পাসওয়ার্ড ম্যানেজার)(?!\w)"), regex.IGNORECASE)

PASSWORD_ADVICE = N_(
    "A Facebook Page has no password to share: give each person their own access in the "
    "Page settings (full or partial Facebook access, or task access) and remove it the day "
    "they leave. Everyone uses two-factor login; keep any shared login of another platform in "
    "a password manager (sources.md#facebook-page-access).")
"""The advice ``lint_policy`` gives when a sentence hands out a password."""


def _password_advice(sentences: list[str]) -> tuple[str, ...]:
    """Advice for the first sentence that hands out a password (not one that forbids it)."""
    for s in sentences:
        if _PASSWORD.search(s) and not _NOT_HANDED_OUT.search(s):
            start = " ".join(s.split()[:8])
            return (_('"{start} ..." hands out a password. {advice}').format(
                start=start, advice=_(PASSWORD_ADVICE)),)
    return ()


def _readability(words: int, sentences: list[str]) -> tuple[str, ...]:
    warnings = []
    if words == 0:
        warnings.append(_("The policy is empty."))
    elif words > MAX_WORDS:
        warnings.append(_("It is {words} words long; aim for under {limit} (about one page) "
                          "so everyone reads it.").format(words=digits(words),
                                                          limit=digits(MAX_WORDS)))
    long = [s for s in sentences if len(regex.findall(r"\w+", s)) > MAX_SENTENCE_WORDS]
    for s in long[:3]:
        start = " ".join(s.split()[:8])
        count = len(regex.findall(r"\w+", s))
        warnings.append(_('A sentence has {count} words ("{start} ..."); split it into '
                          "sentences of under {limit} words.").format(
                              count=digits(count), start=start, limit=digits(MAX_SENTENCE_WORDS)))
    if len(long) > 3:
        more = len(long) - 3
        warnings.append(_("{count} more sentences are longer than {limit} words.").format(
            count=digits(more), limit=digits(MAX_SENTENCE_WORDS)))
    return tuple(warnings)
