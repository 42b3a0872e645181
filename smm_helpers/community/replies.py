"""Reply templates: a humane first answer to a question, a complaint, a review or a greeting.

Complaints get an apology and are moved to a private channel; reviews get thanks; spam gets
no reply.  English and Bengali.
"""

from __future__ import annotations

import string

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import LANGUAGES, MESSAGE_CATEGORIES

__all__ = ["reply_template", "template_fields"]

# The templates are replies to a customer, written in the language the caller asks for
# (``language=``), so they are data, not messages: never translated by gettext.
_TEMPLATES: dict[tuple[str, str], str] = {
    ("question", "en"): (
        "Hi {name}, thanks for asking about {topic}! {answer} "  # i18n: not shown
        "If anything else comes up, we're here {hours}."
    ),
    ("complaint", "en"): (
        "Hi {name}, we're really sorry about {topic}. "  # i18n: not shown
        "That's not the experience we want for you. "
        "Could you send us a private message at {contact} with your details? "
        "We'll look into it and get back to you within {hours}."
    ),
    ("praise", "en"): (
        "Thank you so much, {name}! We're so glad you enjoyed {topic}. "  # i18n: not shown
        "Messages like yours make our team's day."
    ),
    ("other", "en"): (
        "Thanks for your message, {name}! "  # i18n: not shown
        "We're here {hours} if you need us."
    ),
    ("question", "bn"): (
        "{name}, {topic} নিয়ে জানতে চাওয়ার জন্য ধন্যবাদ! {answer} আর কিছু জানার থাকলে আমরা আছি {hours}।"
    ),
    ("complaint", "bn"): (
        "{name}, {topic} নিয়ে আপনার অসুবিধার জন্য আমরা আন্তরিকভাবে দুঃখিত। "
        "দয়া করে ব্যক্তিগত মেসেজে আপনার বিস্তারিত জানান (যোগাযোগ: {contact})। "
        "আমরা বিষয়টি দেখে সর্বোচ্চ {hours} সময়ের মধ্যে আপনাকে জানাব।"
    ),
    ("praise", "bn"): (
        "অনেক ধন্যবাদ, {name}! {topic} আপনার ভালো লেগেছে জেনে আমরা খুব খুশি। "
        "আপনার মতো মানুষের কথাই আমাদের অনুপ্রেরণা।"
    ),
    ("other", "bn"): "মেসেজের জন্য ধন্যবাদ, {name}! প্রয়োজনে আমরা আছি {hours}।",
}


def _template(category: str, language: str) -> str:
    if category not in MESSAGE_CATEGORIES:
        raise unknown_choice(_("message category"), category, MESSAGE_CATEGORIES)
    if language not in LANGUAGES:
        raise unknown_choice(_("language"), language, LANGUAGES)
    if category == "spam":
        raise InputError(
            _("spam gets no reply"),
            fix=_(
                "hide or delete the message and report the account; replying tells the "
                "sender the account is watched"
            ),
        )
    return _TEMPLATES[(category, language)]


def template_fields(category: str, *, language: str = "en") -> list[str]:
    """The placeholders a reply template needs, in order of first use.

    >>> template_fields("complaint")
    ['name', 'topic', 'contact', 'hours']
    >>> template_fields("spam")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: spam gets no reply.
    How to fix it: hide or delete the message and report the account; replying tells the sender the account is watched.
    """  # noqa: E501
    names: list[str] = []
    for _text, name, _spec, _conversion in string.Formatter().parse(_template(category, language)):
        if name and name not in names:
            names.append(name)
    return names


def reply_template(category: str, *, language: str = "en", **fields: str) -> str:
    """A humane reply for a message category, with the ``{placeholders}`` filled in.

    Complaints get an apology and are moved to a private channel; reviews get thanks;
    nothing argues.  Every placeholder must be given (see ``template_fields``).

    >>> print(reply_template("praise", name="Rina", topic="the workshop"))
    Thank you so much, Rina! We're so glad you enjoyed the workshop. Messages like yours make our team's day.
    >>> print(reply_template("complaint", language="bn", name="রফিক ভাই",
    ...       topic="দেরিতে ডেলিভারি", contact="ফেসবুক ইনবক্স", hours="২৪ ঘণ্টা"))
    রফিক ভাই, দেরিতে ডেলিভারি নিয়ে ... আমরা বিষয়টি দেখে সর্বোচ্চ ২৪ ঘণ্টা সময়ের মধ্যে আপনাকে জানাব।
    >>> reply_template("complaint", name="Rina")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the complaint template needs 3 more placeholders: topic, contact, hours.
    How to fix it: pass them as keywords, e.g. reply_template('complaint', name=..., topic=..., contact=..., hours=...).
    """  # noqa: E501
    template = _template(category, language)
    needed = template_fields(category, language=language)
    missing = [name for name in needed if name not in fields]
    if missing:
        call = ", ".join(f"{name}=..." for name in needed)
        raise InputError(
            ngettext(
                "the {category} template needs {count} more placeholder: {names}",
                "the {category} template needs {count} more placeholders: {names}",
                len(missing),
            ).format(category=category, count=digits(len(missing)), names=", ".join(missing)),
            fix=_("pass them as keywords, e.g. reply_template({category}, {call})").format(
                category=repr(category), call=call
            ),
        )
    unknown = sorted(set(fields) - set(needed))
    if unknown:
        raise InputError(
            _("the {category} template has no placeholder called {names}").format(
                category=category, names=", ".join(unknown)
            ),
            fix=_("it uses: {names} (check the spelling)").format(names=", ".join(needed)),
        )
    empty = [name for name in needed if not str(fields[name]).strip()]
    if empty:
        raise InputError(
            _("placeholder {names} is empty").format(names=", ".join(empty)),
            fix=_("give every placeholder some text"),
        )
    return template.format(**fields)
