"""Sort inbox messages: the cues and the model weighed together, with the reasons shown.

:func:`classify_message` sorts one message, :func:`triage` a whole inbox table, and
:func:`urgency_of` says how urgently a message needs a person.  The result, a
:class:`Triage`, shows the evidence for every category.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smm_helpers.community._text import _check_text, _normalise, _tokens
from smm_helpers.community.evidence import cue_scores
from smm_helpers.community.labels import URGENCY_LABELS, URGENCY_PHRASES, category_name
from smm_helpers.community.language import _languages, detect_language
from smm_helpers.community.urgency import _urgency
from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_percent
from smm_helpers.inbox_model.train import trained_model
from smm_helpers.schema import LANGUAGES, MESSAGE_CATEGORIES, require_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MODEL_POINTS", "Triage", "classify_message", "combine", "triage", "urgency_of"]


@dataclass(frozen=True)
class Triage:
    """What ``classify_message`` decided about one message, and why.

    ``scores`` holds the evidence for every category, cues and model blended (they sum
    to 1); ``confidence`` is the winner's score, or 0.2 (one guess in five) when the cues
    alone decided and none matched; ``reasons`` are the cues that fired, in the words a
    learner would use, then the model's top guesses.  ``cue_scores`` are the cue points
    (``other`` starts at 1.0) and ``model_scores`` the model's probabilities (empty when
    the model was not asked).  ``urgency`` (0–3) and ``urgency_reasons`` do not depend on
    the category: a message filed as *other* can still be *critical*.
    """

    text: str
    language: str
    category: str
    confidence: float
    scores: Mapping[str, float]
    reasons: tuple[str, ...]
    urgency: int = 0
    urgency_reasons: tuple[str, ...] = ()
    cue_scores: Mapping[str, float] = field(default_factory=dict)
    model_scores: Mapping[str, float] = field(default_factory=dict)

    @property
    def urgency_label(self) -> str:
        """``normal``, ``elevated``, ``high`` or ``critical``."""
        return URGENCY_LABELS[self.urgency]

    @property
    def cue_matched(self) -> bool:
        """True when some cue fired (the model's line is not a cue)."""
        model_lines = 1 if self.model_scores and self.reasons else 0  # the model's line is last
        return len(self.reasons) > model_lines

    def _how_sure(self) -> str:
        share = format_percent(self.confidence, 0)
        if self.cue_matched:
            return _("{share} of the evidence").format(share=share)
        if self.model_scores:
            return _("the model alone, {share}: no cue matched").format(share=share)
        return _("a guess, confidence {share}: no cue matched").format(share=share)

    def _cue_lines(self) -> tuple[str, ...]:
        return self.reasons if self.cue_matched else (_("no cue matched"), *self.reasons)

    def __str__(self) -> str:
        head = _("{category} ({how_sure}, language {language}, {urgency})").format(
            category=category_name(self.category),
            how_sure=self._how_sure(),
            language=self.language,
            urgency=_(URGENCY_PHRASES[self.urgency_label]),
        )
        lines = [head] + [f"  - {reason}" for reason in self._cue_lines()]
        lines += [f"  ! {reason}" for reason in self.urgency_reasons]
        return "\n".join(lines)

    def __repr__(self) -> str:
        short = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return (
            f"Triage({short!r}, category={self.category!r}, "
            f"confidence={self.confidence:.2f}, urgency={self.urgency})"
        )

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(r)}</li>" for r in self._cue_lines())
        urgent = html.escape(_("urgent:"))
        items += "".join(f"<li><b>{urgent}</b> {html.escape(r)}</li>" for r in self.urgency_reasons)
        scores = _("scores: {scores}").format(
            scores=", ".join(
                f"{category_name(k)} {digits(f'{v:.2f}')}" for k, v in self.scores.items()
            )
        )
        about = _("{how_sure}; language {language}; {urgency}").format(
            how_sure=self._how_sure(),
            language=self.language,
            urgency=_(URGENCY_PHRASES[self.urgency_label]),
        )
        return (
            f"<div><p><b>{html.escape(category_name(self.category))}</b> "
            f"({html.escape(about)})</p><blockquote>{html.escape(self.text)}</blockquote>"
            f"<ul>{items}</ul><p><small>{html.escape(scores)}</small></p></div>"
        )


def classify_message(text: str, *, language: str | None = None, model: bool = True) -> Triage:
    """Sort one inbox message into question, complaint, praise, spam or other.

    Two kinds of evidence are weighed together, and both are shown:

    * **cues** (see the module docstring): every category collects points from the rules,
      the Bengali/Banglish lexicon and VADER; ``other`` starts with 1.0.  A category's *cue
      share* is its points divided by all points.
    * **the model** (``smm_helpers.inbox_model``): a linear model on word and character
      n-grams trained on the labelled set, which catches what no cue names (sarcasm,
      complaints without a complaint word, Banglish spellings).  It gives a probability
      per category; the reasons end with its top guesses ("model: complaint 0.71").

    The model hands out ``MODEL_POINTS`` (3) points split by its probabilities, on top of
    the cue points.  ``scores`` are each category's share of all points (they sum to 1);
    the highest wins, and **confidence** is its share.  It is not a probability of being
    right.  ``MODEL_POINTS`` was chosen by cross-validation on the training split
    (``python -m smm_helpers.inbox_model.evaluate`` shows how).  With ``model=False`` only
    the cues decide, as before: when no cue matched, *other* wins by its head start and
    confidence is 0.2, one guess in five.

    ``language`` is ``"en"`` or ``"bn"``; leave it out to detect it (``detect_language``).

    >>> t = classify_message("Do you deliver to Chittagong?")
    >>> t.category, t.language
    ('question', 'en')
    >>> t.confidence == t.scores["question"] == max(t.scores.values())
    True
    >>> classify_message("Great, the link is broken again").category
    'complaint'
    >>> classify_message("vai order ta kobe pabo").category
    'question'
    >>> guess = classify_message("see you at the shop tomorrow", model=False)
    >>> guess.category, guess.confidence, guess.cue_matched
    ('other', 0.2, False)
    >>> print(guess)
    other (a guess, confidence 20%: no cue matched, language en, urgency normal)
      - no cue matched

    Urgency is judged apart from the category, so a child-safety or consent message that
    no category cue recognises is still flagged:

    >>> print(classify_message("I feel like ending it all"))
    other (...% of the evidence, language en, urgency critical)
      - praise +0.75: VADER sentiment is positive (+0.36)
      - model: other 0...
      ! speaks of self-harm: answer today, with care and a helpline ('ending it all')
    >>> print(classify_message("টাকা ফেরত চাই, পণ্যটা খারাপ"))
    complaint (...% of the evidence, language bn, urgency high)
      - complaint +1.25: lexicon negative cue 'খারাপ' (bad)
      - complaint +1.5: lexicon complaint cue 'টাকা ফেরত' (refund)
      - model: complaint 0.8...
      ! a refund is asked for ('টাকা ফেরত')
    >>> classify_message("FREE iPhone giveaway!!! claim at bit.ly/x1").category
    'spam'
    >>> classify_message("Lovely event, thank you!").category
    'praise'
    >>> classify_message("")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text is empty.
    How to fix it: pass a message with at least one word; drop empty rows before triage.
    """
    text = _normalise(_check_text(text))
    if language is None:
        language = detect_language(text)
    elif language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)
    probabilities = _model_probabilities([text])[0] if model else None
    return _classify(text, language, probabilities)


MODEL_POINTS = 3.0
"""How many points of evidence the model hands out, split by its probabilities.

A cue adds 0.5–2 points to one category and ``other`` starts with 1; the model adds
``MODEL_POINTS × probability`` to each category.  3 was chosen by 5-fold cross-validation
by topic on the training split, for the best macro-F1 (``python -m
smm_helpers.inbox_model.evaluate`` prints the choice again).
"""


def _model_probabilities(texts: list[str]) -> list[dict[str, float]]:
    return trained_model().predict_proba(texts)


def combine(
    points: Mapping[str, float],
    probabilities: Mapping[str, float] | None,
    model_points: float = MODEL_POINTS,
) -> dict[str, float]:
    """Add the model's points to the cue points; return each category's share (sums to 1).

    >>> combine({"question": 3.0, "complaint": 0.0, "praise": 0.0, "spam": 0.0,
    ...          "other": 1.0}, None)["question"]
    0.75
    >>> scores = combine({"question": 0.0, "complaint": 0.0, "praise": 1.0, "spam": 0.0,
    ...                   "other": 1.0}, {"question": 0.0, "complaint": 0.9, "praise": 0.1,
    ...                   "spam": 0.0, "other": 0.0}, model_points=3.0)
    >>> {c: round(v, 3) for c, v in scores.items() if v}
    {'complaint': 0.54, 'praise': 0.26, 'other': 0.2}
    """
    probabilities = probabilities or {}
    added = {c: points[c] + model_points * probabilities.get(c, 0.0) for c in MESSAGE_CATEGORIES}
    total = sum(added.values())
    return {c: added[c] / total for c in MESSAGE_CATEGORIES}


def _model_reason(probabilities: Mapping[str, float]) -> str:
    """'model: complaint 0.90 (+2.7)': the top guesses and the points they add.

    >>> _model_reason({"question": 0.1, "complaint": 0.7, "praise": 0.2})
    'model: complaint 0.70 (+2.1), praise 0.20 (+0.6)'
    """
    ranked = sorted(probabilities.items(), key=lambda item: -item[1])
    shown = [ranked[0]] + [item for item in ranked[1:3] if item[1] >= 0.15]
    return _("model: {guesses}").format(
        guesses=", ".join(
            _("{category} {probability} (+{points})").format(
                category=category_name(c),
                probability=digits(f"{p:.2f}"),
                points=digits(f"{MODEL_POINTS * p:.1f}"),
            )
            for c, p in shown
        )
    )


def _classify(text: str, language: str, probabilities: Mapping[str, float] | None) -> Triage:
    """``classify_message`` on NFC text whose language and model verdict are known."""
    points, reasons, compound = cue_scores(text, language)
    cue_matched = bool(reasons)
    scores = combine(points, probabilities)
    if probabilities is None:  # cues alone: a blind guess when no cue matched
        category = max(_TIE_ORDER, key=lambda c: points[c])
        confidence = _confidence(points, category, cue_matched=cue_matched)
    else:
        category = max(_TIE_ORDER, key=lambda c: scores[c])
        confidence = scores[category]
        reasons.append(_model_reason(probabilities))
    level, urgency_reasons = _urgency(text.lower(), _tokens(text), compound, category)
    return Triage(
        text,
        language,
        category,
        round(confidence, 3),
        {c: round(v, 3) for c, v in scores.items()},
        tuple(reasons),
        level,
        tuple(urgency_reasons),
        cue_scores={c: round(v, 2) for c, v in points.items()},
        model_scores={c: round(v, 3) for c, v in (probabilities or {}).items()},
    )


_TIE_ORDER = ("complaint", "spam", "question", "praise", "other")


def _confidence(scores: Mapping[str, float], category: str, *, cue_matched: bool) -> float:
    """The winner's share of the cue evidence; a blind guess (1 in 5) when no cue matched.

    >>> _confidence({"question": 3.0, "other": 1.0}, "question", cue_matched=True)
    0.75
    >>> _confidence({"question": 0.0, "other": 1.0}, "other", cue_matched=False)
    0.2
    """
    if not cue_matched:
        return 1 / len(MESSAGE_CATEGORIES)
    return scores[category] / sum(scores.values())


def urgency_of(text: str) -> tuple[int, str]:
    """How urgently a message needs a human: ``(level, label)`` with level 0–3.

    3 *critical* (child safety, consent, threats, self-harm, abuse, legal action), 2 *high*
    (refund, scam/fraud, a photo to take down, someone hurt, "urgent"/"জরুরি"), 1
    *elevated* (strongly negative), 0 *normal*.  The cues are data, in English, Bengali
    script and Banglish alike: ``URGENCY_CUES``, ``SAFETY_CUES`` and ``SAFETY_RULES``.  The
    category does not matter, with one exception: spam and praise are never urgent, unless
    a safety cue fired (spam: a *critical* one).

    >>> urgency_of("This is a scam, I want a refund")
    (2, 'high')
    >>> urgency_of("taka ferot chai") == urgency_of("টাকা ফেরত চাই") == (2, 'high')
    True
    >>> urgency_of("ferot na dile vokta odhikare mamla korbo")
    (3, 'critical')
    >>> urgency_of("You posted my picture without asking")
    (3, 'critical')
    >>> urgency_of("amar chheler chobi remove koren")
    (3, 'critical')
    >>> urgency_of("জরুরি! পার্সেল ভুল ঠিকানায় গেছে")
    (2, 'high')
    >>> urgency_of("Thanks!")
    (0, 'normal')
    >>> urgency_of(42)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string, not int.
    How to fix it: pass the message itself, e.g. classify_message('Where is your shop?').
    """
    result = classify_message(text)
    return result.urgency, result.urgency_label


def _classify_rows(inbox: pd.DataFrame, *, model: bool = True) -> list[Triage]:
    """``classify_message`` for every row; an empty message is named by its row number.

    The model and the language detector see all rows in one pass (much faster than one
    call per message).
    """
    languages = inbox["language"] if "language" in inbox.columns else [None] * len(inbox)
    texts: list[str] = []
    for position, text in enumerate(inbox["text"]):
        try:
            texts.append(_normalise(_check_text(text)))
        except InputError as error:
            raise DataError(
                _("row {position} of the inbox: {problem}").format(
                    position=digits(position), problem=error.problem
                ),
                fix=error.fix,
                column="text",
            ) from None
    given = [language if language in LANGUAGES else None for language in languages]
    unknown = [i for i, language in enumerate(given) if language is None]
    for index, language in zip(unknown, _languages([texts[i] for i in unknown]), strict=True):
        given[index] = language
    probabilities: list[dict[str, float] | None]
    probabilities = list(_model_probabilities(texts)) if model and texts else [None] * len(texts)
    return [
        _classify(text, str(language), p)
        for text, language, p in zip(texts, given, probabilities, strict=True)
    ]


def triage(inbox: pd.DataFrame, *, model: bool = True) -> pd.DataFrame:
    """Classify every message of an inbox; return a copy with the verdicts added.

    Adds ``predicted_category``, ``confidence``, ``reasons`` (the cues and the model's
    guess, joined by "; "), ``urgency`` (0–3) and ``urgency_label``.  Uses the
    ``language`` column when present.  ``model=False`` uses the cues alone.  The caller's
    DataFrame is not changed.

    >>> import pandas as pd
    >>> inbox = pd.DataFrame({"text": ["Where is your shop?", "Refund please, it broke"]})
    >>> triage(inbox)[["predicted_category", "urgency_label"]]
      predicted_category urgency_label
    0           question        normal
    1          complaint          high
    >>> triage(pd.DataFrame({"message": ["hi"]}))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'text': the inbox table has no column 'text' (it has: message)...
    """  # noqa: E501
    require_table(inbox, ["text"], "inbox")
    results = _classify_rows(inbox, model=model)
    out = inbox.copy()
    out["predicted_category"] = [r.category for r in results]
    out["confidence"] = [r.confidence for r in results]
    out["reasons"] = ["; ".join(r.reasons) for r in results]
    out["urgency"] = [r.urgency for r in results]
    out["urgency_label"] = [r.urgency_label for r in results]
    return out
