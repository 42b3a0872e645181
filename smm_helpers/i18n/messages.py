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
from collections.abc import Iterator

import smm_helpers.language as _language
from smm_helpers.errors import unknown_choice
from smm_helpers.language import (
    DOMAIN,
    ENVIRONMENT,
    LANGUAGES,
    LOCALE_DIR,
    N_,
    current_language,
    gettext,
    ngettext,
)

_chosen = _language._chosen
"""The one choice, kept in :mod:`smm_helpers.language` where ``gettext`` reads it (the same
list, named here as before; patch ``smm_helpers.language._chosen`` to change it)."""

__all__ = [
    "DOMAIN",
    "ENVIRONMENT",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "current_language",
    "forget_language",
    "gettext",
    "in_language",
    "ngettext",
    "use_language",
]


def use_language(language: str) -> str:
    """Choose the language of every message from now on in this process; return it."""
    if language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)
    _language._chosen[:] = [language]
    return language


def forget_language() -> None:
    """Forget the language chosen with ``use_language``: ``SMM_LANG``, else English, applies.

    >>> _ = use_language("bn"); forget_language(); current_language()
    'en'
    """
    _language._chosen.clear()


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
    saved = list(_language._chosen)  # the choice itself, not the language it resolves to
    use_language(language)
    try:
        yield language
    finally:
        _language._chosen[:] = saved
