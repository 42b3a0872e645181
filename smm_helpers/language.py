"""The language SMM Lab speaks right now, and the words of its gettext catalogs.

The bottom layer of SMM Lab's two languages: :mod:`smm_helpers.errors` frames every
message with it, and :mod:`smm_helpers.i18n.messages` (``use_language``, ``in_language``)
chooses the language and hands these names on.  It imports nothing of SMM Lab, so both
stand on it without importing each other in a circle.

>>> current_language()
'en'
>>> gettext("line {line}"), digits("line 3", language="bn")
('line {line}', 'line ৩')
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "smm_lab"
LANGUAGES = ("en", "bn")
"""English (the default) and Bengali."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENVIRONMENT = "SMM_LANG"

BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

_chosen: list[str] = []
"""The language chosen with ``use_language`` (none: ``SMM_LANG``, else English)."""


def current_language() -> str:
    """The chosen language: ``use_language``'s, else ``SMM_LANG``'s, else English."""
    if _chosen:
        return _chosen[0]
    wanted = os.environ.get(ENVIRONMENT, "").strip().lower()
    return wanted if wanted in LANGUAGES else "en"


@lru_cache(maxsize=len(LANGUAGES))
def _translations(language: str) -> _gettext.NullTranslations:
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def gettext(message: str) -> str:
    """``message`` in the current language (English when it has no translation)."""
    language = current_language()
    return message if language == "en" else _translations(language).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (module constants).

    Translate it where it is shown, with ``gettext(constant)``.

    >>> N_("Key numbers")
    'Key numbers'
    """
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for ``count``, in the current language."""
    language = current_language()
    if language == "en":
        return singular if count == 1 else plural
    return _translations(language).ngettext(singular, plural, count)


def digits(text: object, *, language: str | None = None) -> str:
    """``text`` with its digits in the script of ``language`` (default: the chosen one).

    >>> digits("line 3", language="bn"), digits("line 3", language="en")
    ('line ৩', 'line 3')
    """
    value = str(text)
    return value.translate(BENGALI_DIGITS) if (language or current_language()) == "bn" else value
