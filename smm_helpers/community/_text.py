"""Text helpers every inbox module shares: NFC without joiners, words, a checked message.

>>> _tokens(_normalise("Where's my parcel, ভাই?"))
["where's", 'my', 'parcel', 'ভাই']
"""

from __future__ import annotations

import unicodedata

import regex

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}_']+")
_BENGALI_LETTER = regex.compile(r"[\u0980-\u09ff]")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")


def _normalise(text: str) -> str:
    """NFC form without zero-width joiners, so lexicon and message spell alike."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u200c", "").replace("\u200d", "").replace("\ufe0f", "")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _check_text(text: object, what: str = "text") -> str:
    if not isinstance(text, str):
        raise InputError(
            _("{what} must be a string, not {kind}").format(what=what, kind=type(text).__name__),
            fix=_("pass the message itself, e.g. classify_message('Where is your shop?')"),
        )
    if not text.strip():
        raise InputError(
            _("{what} is empty").format(what=what),
            fix=_("pass a message with at least one word; drop empty rows before triage"),
        )
    return text
