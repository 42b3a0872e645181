"""The language of SMM Lab's messages: gettext catalogs, chosen once per notebook or process.

Learner-facing text goes through :func:`gettext` (imported as ``_``) and the catalogs in
``smm_helpers/locale/<lang>/LC_MESSAGES/smm_lab.mo`` (built from the ``.po`` files by
``pybabel compile``).  English is the default; a message with no translation stays English.
The language is chosen once:

- in a notebook, ``use_language("bn")`` (the Bengali lessons start with it);
- for a process, the environment variable ``SMM_LANG=bn``;
- on the command line, ``--lang bn``.

>>> use_language("en")
'en'
>>> current_language()
'en'
>>> use_language("fr")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'fr' is not a language SMM Lab knows.
How to fix it: use one of: en, bn.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DOMAIN = "smm_lab"
LANGUAGES = ("en", "bn")
"""English (the default) and Bengali."""

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
ENVIRONMENT = "SMM_LANG"

_chosen: list[str] = []


def use_language(language: str) -> str:
    """Choose the language of every message from now on in this process; return it."""
    from smm_helpers.errors import unknown_choice

    if language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)
    _chosen[:] = [language]
    return language


def forget_language() -> None:
    """Forget the language chosen with ``use_language``: ``SMM_LANG``, else English, applies.

    >>> _ = use_language("bn"); forget_language(); current_language()
    'en'
    """
    _chosen.clear()


@contextlib.contextmanager
def in_language(language: str | None) -> Iterator[str]:
    """Speak ``language`` inside the ``with`` block (``None``: the chosen language); yield it.

    Afterwards the choice is exactly what it was: a language chosen with ``use_language``
    stays chosen, and a process that had chosen none follows ``SMM_LANG`` again.  A report
    or a site edition is written this way without changing the notebook's language.

    >>> with in_language("bn") as chosen:
    ...     chosen, current_language()
    ('bn', 'bn')
    >>> current_language()
    'en'
    >>> with in_language(None) as chosen:
    ...     chosen
    'en'
    """
    if language is None:
        yield current_language()
        return
    saved = list(_chosen)  # the choice itself, not the language it resolves to
    use_language(language)
    try:
        yield language
    finally:
        _chosen[:] = saved


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
