"""Which language a message is in: Bengali script, English, or Banglish (Bengali in Latin letters).

The script decides for Bengali letters; for Latin letters a small character n-gram model
(``smm_helpers.inbox_model.language``, trained on first use) tells English from Banglish.
"""

from __future__ import annotations

from smm_helpers.community._text import (
    _BENGALI_LETTER,
    _LATIN_LETTER,
    _check_text,
    _normalise,
    _tokens,
)
from smm_helpers.inbox_model.language import banglish_probabilities

__all__ = ["BENGALI_BLOCK", "detect_language", "detect_languages"]

BENGALI_BLOCK = ("\u0980", "\u09ff")
"""The Unicode block of the Bengali script (U+0980–U+09FF)."""


def detect_language(text: str) -> str:
    """Guess ``"bn"`` or ``"en"``: from the script, and for Latin letters from a small model.

    A message is Bengali when at least 30% of its letters are in the Bengali block
    (U+0980–U+09FF).  A message in Latin letters may be English or *Banglish*, Bengali
    typed in Latin letters ("dam koto bhai"), which has no fixed spelling; a character
    n-gram model learnt from the Latin-letter messages of the labelled set decides
    (``smm_helpers.inbox_model.language``, trained on first use).  A one-word message
    ("ok", "amin") is called Banglish only when the model is sure (80%).

    >>> detect_language("এই শাড়িটার দাম কত?")
    'bn'
    >>> detect_language("Where is your shop?")
    'en'
    >>> detect_language("Onek valo laglo, thanks apu")
    'bn'
    >>> detect_language("vaiya parcel ta ekhono pai nai")
    'bn'
    >>> detect_language("ok"), detect_language("👍")
    ('en', 'en')
    >>> detect_language("   ")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text is empty.
    How to fix it: pass a message with at least one word; drop empty rows before triage.
    """
    text = _normalise(_check_text(text))
    return _languages([text])[0]


def detect_languages(texts: list[str]) -> list[str]:
    """``detect_language`` for many messages at once (one pass of the model: much faster).

    >>> detect_languages(["দাম কত?", "kobe pabo vai", "When will it arrive?"])
    ['bn', 'bn', 'en']
    """
    return _languages([_normalise(_check_text(text)) for text in texts])


def _languages(texts: list[str]) -> list[str]:
    """``detect_language`` for NFC texts, asking the model once for all Latin ones."""
    answers: list[str | None] = []
    latin: list[int] = []
    for index, text in enumerate(texts):
        bengali = len(_BENGALI_LETTER.findall(text))
        letters = len(_LATIN_LETTER.findall(text))
        if bengali and bengali >= 0.3 * (bengali + letters):
            answers.append("bn")
        elif letters < 2:
            answers.append("en")
        else:
            answers.append(None)
            latin.append(index)
    probabilities = banglish_probabilities([texts[i] for i in latin])
    for index, probability in zip(latin, probabilities, strict=True):
        words = len([t for t in _tokens(texts[index]) if _LATIN_LETTER.search(t)])
        answers[index] = "bn" if probability >= (0.5 if words >= 2 else 0.8) else "en"
    return [a or "en" for a in answers]
