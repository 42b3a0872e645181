"""SMM Lab in more than one language: message catalogs and translated lessons.

- :mod:`smm_helpers.i18n.messages`: ``use_language("bn")``, ``gettext`` (``_``) over the
  package's gettext catalogs;
- :mod:`smm_helpers.i18n.lessons`: one catalog per lesson, keyed by cell, that builds the
  Bengali lessons in ``lessons/bn/`` and says when a translation falls out of step.
"""

from __future__ import annotations

from smm_helpers.i18n.messages import (
    LANGUAGES,
    N_,
    current_language,
    gettext,
    ngettext,
    use_language,
)

__all__ = ["LANGUAGES", "N_", "current_language", "gettext", "ngettext", "use_language"]
