"""The community inbox: sort messages, watch response times, escalate, and reply kindly.

Source article 004 (step 6, *communication*) says a social media manager answers
prospective buyers' questions, collects reviews and reports complaints to the company
as fast as possible.  This module is the toolbox for that job.

``classify_message`` weighs two kinds of evidence and shows both, so a learner can read
*why* a message was called a complaint and argue with it:

* **Transparent cues.**  English sentiment from VADER (``vaderSentiment`` 3.3.2, MIT;
  sources.md#vader-sentiment), created on first use and cached; Bengali and Banglish cues
  from a hand-written lexicon shipped with the package (``smm_helpers/data/bn_lexicon.csv``:
  positive, negative, question, complaint, spam and polite cue words, incl. common
  spellings); rules: a question mark, wh-words and inverted questions ("do you…"), spam
  cues (links with money/free/prize/crypto/follow-for-follow, repeated characters, ALL
  CAPS), and refunds, legal threats, fraud and safety problems as complaints.
* **A small model the project trains itself** (``smm_helpers.inbox_model``): logistic
  regression on word and character n-grams, trained on first use on the ``train`` split
  of a labelled set of 2,710 English, Bengali-script and Banglish messages
  (``smm_helpers/data/inbox_labelled.csv``).  It catches what no cue names: sarcasm
  ("Great, the link is broken again"), complaints without a complaint word ("The bag is
  not good"), questions without "?" and Banglish spellings ("vai order ta kobe pabo").

Urgency is read apart from the category, from cue words written for English, Bengali
script and Banglish alike (``URGENCY_CUES``, ``SAFETY_CUES``).

How well does it work?  ``python -m smm_helpers.inbox_model.evaluate`` prints macro-F1 per
language on the ``test`` split, whose topics (and their rewordings and translations) the
model never saw, for the cues alone, the model alone and both combined; the combination
beats either part in every language.  ``evaluate_classifier()`` gives the same test split's
accuracy, per-class figures and mistakes:

>>> report = evaluate_classifier()
>>> report.n, report.macro_f1 > evaluate_classifier(model=False).macro_f1
(858, True)

Read these figures with care.  One team wrote the labelled set, the lexicon and the rules,
so even held-apart topics share their style: **expect lower figures on a real inbox.**
Sarcasm, complaints without complaint words and unseen spellings are still where it goes
wrong; ``report.mistakes`` lists them.

The package, one job per module:

* ``classify``: ``classify_message``, ``triage``, ``urgency_of`` and the ``Triage`` result;
* ``evidence``: the transparent cues and their points (``cue_scores``);
* ``cues``: the cue words, read from ``smm_helpers/data`` (``bn_lexicon.csv``,
  ``urgency_cues.csv``, ``safety_cues.csv``); ``urgency``: how they make a message urgent;
* ``language``: ``detect_language``; ``labels``: the names of categories and levels;
* ``measure``: ``evaluate_classifier``; ``responses``: ``response_time_report``;
  ``escalation``: ``escalation_queue``; ``replies``: ``reply_template``.
"""

from __future__ import annotations

# ``name as name``: public before the package too, but not in ``__all__``.
from smm_helpers.community.classify import MODEL_POINTS as MODEL_POINTS
from smm_helpers.community.classify import Triage, classify_message, triage, urgency_of
from smm_helpers.community.classify import combine as combine
from smm_helpers.community.cues import SAFETY_CUES, URGENCY_CUES
from smm_helpers.community.escalation import escalation_queue
from smm_helpers.community.evidence import cue_scores as cue_scores
from smm_helpers.community.labels import CATEGORY_NAMES as CATEGORY_NAMES
from smm_helpers.community.labels import URGENCY_LABELS
from smm_helpers.community.labels import URGENCY_PHRASES as URGENCY_PHRASES
from smm_helpers.community.labels import category_name as category_name
from smm_helpers.community.language import BENGALI_BLOCK as BENGALI_BLOCK
from smm_helpers.community.language import detect_language, detect_languages
from smm_helpers.community.measure import (
    ClassifierReport,
    evaluate_classifier,
    load_labelled_sample,
)
from smm_helpers.community.replies import reply_template, template_fields
from smm_helpers.community.responses import INBOX_TIME_COLUMNS as INBOX_TIME_COLUMNS
from smm_helpers.community.responses import ResponseReport, response_time_report
from smm_helpers.community.urgency import SAFETY_RULES

__all__ = [
    "SAFETY_CUES",
    "SAFETY_RULES",
    "URGENCY_CUES",
    "URGENCY_LABELS",
    "ClassifierReport",
    "ResponseReport",
    "Triage",
    "classify_message",
    "detect_language",
    "detect_languages",
    "escalation_queue",
    "evaluate_classifier",
    "load_labelled_sample",
    "reply_template",
    "response_time_report",
    "template_fields",
    "triage",
    "urgency_of",
]
