"""Honest social media: disclosures, black-hat tricks, unsourced claims and fake engagement.

Source article 004 warns a social media manager off **false information**, **fake
traffic** and **black-hat SEO**: the visitors they bring are temporary, and disappointed
customers do not come back.  This package turns those warnings into checks a learner can
run on a caption, a comment thread or a whole account.

Every rule names its source next to it:

* Disclosure rules follow the US FTC: the **Endorsement Guides, 16 CFR Part 255** (revised,
  effective 26 July 2023; 88 FR 48092) and **"Disclosures 101 for Social Media
  Influencers"** (FTC, Nov 2019), including its list of ambiguous labels (also the 2017
  FTC blog and Twitter chat); sources.md#ftc-endorsement-guides and
  sources.md#ftc-disclosures-101.  US law applies when US consumers are reasonably
  affected; Bangladesh's own advertising law is not covered here.  Disclosures 101 also
  accepts plain words ("Thanks to Acme brand for the free product"): the English, Bengali and
  Banglish ways of saying who gave or paid what are data, in ``data/disclosure_cues.csv``.
* Fake followers, views and likes are banned as *fake indicators of social media
  influence* by the FTC's **Consumer Reviews and Testimonials rule, 16 CFR Part 465,
  §465.8** (effective October 2024; sources.md#ftc-reviews-rule).
* Engagement bait follows Meta's engagement-bait policy (general knowledge, not checked
  against the current text); the Instagram 5-hashtag cap is from
  sources.md#instagram-hashtags-2025.

How well does ``detect_fake_engagement`` find injected fake traffic?  Its rules were
set while looking at course data generated with seeds 0–4.  Measured on seeds it never
saw (computed, not typed — this doctest fails if the figures drift):

>>> result = evaluate_fake_engagement(seeds=range(10, 15))
>>> result.table[["injected", "flagged", "precision", "recall"]].round(2)
                  injected  flagged  precision  recall
kind
bot_likes               20       16        1.0    0.80
bought_followers        20       19        1.0    0.95

Seeds 10–19 give much the same picture (recall 0.82 for bot likes and 0.95 for bought
followers, and no false alarms): on these seeds it misses some packs and flags no honest day.
These are easy cases — injected packs of 1–5% of followers and 3–8× a post's likes on synthetic
data — so read them as "the rules work as described", not as field accuracy.

The package, one job per module, each importing only the ones listed before it:

* ``_common``: the sources the rules name (``FTC_GUIDES``, ``FTC_101``, ``FTC_465``,
  ``COURSE``, ``META_BAIT``) and the checks of a caption and a platform they all make;
* ``cues``: the plain-language disclosure words, read from ``data/disclosure_cues.csv``,
  and :func:`plain_disclosures`;
* ``disclosure``: :func:`check_disclosure` and its verdict, :class:`DisclosureCheck`;
* ``black_hat``: :func:`black_hat_signals` and :class:`Signal`;
* ``claims``: :func:`unsourced_claims` and :class:`Claim`;
* ``fake_engagement``: :func:`detect_fake_engagement` and :class:`FakeEngagementReport`;
* ``evaluation``: :func:`inject_fake_engagement`, :func:`evaluate_fake_engagement` and
  :class:`FakeEngagementEvaluation`: how well the detector finds fake traffic it was given.
"""

from __future__ import annotations

from smm_helpers.content.disclosure_cues import CUE_COLUMNS as CUE_COLUMNS
from smm_helpers.content.disclosure_cues import CUE_KIND_NAMES as CUE_KIND_NAMES
from smm_helpers.content.disclosure_cues import CUE_KINDS as CUE_KINDS
from smm_helpers.content.disclosure_cues import CUE_LANGUAGES as CUE_LANGUAGES
from smm_helpers.content.disclosure_cues import CUES_FILE as CUES_FILE
from smm_helpers.content.disclosure_cues import SAYS_LANGUAGES as SAYS_LANGUAGES
from smm_helpers.content.disclosure_cues import plain_disclosures as plain_disclosures

# ``name as name``: public before the package too, but not in ``__all__``.
from smm_helpers.ethics._common import COURSE as COURSE
from smm_helpers.ethics._common import FTC_101 as FTC_101
from smm_helpers.ethics._common import FTC_465 as FTC_465
from smm_helpers.ethics._common import FTC_GUIDES as FTC_GUIDES
from smm_helpers.ethics._common import META_BAIT as META_BAIT
from smm_helpers.ethics.black_hat import HASHTAG_CAPS as HASHTAG_CAPS
from smm_helpers.ethics.black_hat import HASHTAG_RULE_OF_THUMB as HASHTAG_RULE_OF_THUMB
from smm_helpers.ethics.black_hat import Signal, black_hat_signals
from smm_helpers.ethics.claims import Claim, unsourced_claims
from smm_helpers.ethics.disclosure import FOLD_CHARS as FOLD_CHARS
from smm_helpers.ethics.disclosure import DisclosureCheck, check_disclosure
from smm_helpers.ethics.evaluation import (
    FakeEngagementEvaluation,
    evaluate_fake_engagement,
    inject_fake_engagement,
)
from smm_helpers.ethics.fake_engagement import FINDING_NAMES as FINDING_NAMES
from smm_helpers.ethics.fake_engagement import FakeEngagementReport, detect_fake_engagement

__all__ = [
    "Claim",
    "DisclosureCheck",
    "FakeEngagementEvaluation",
    "FakeEngagementReport",
    "Signal",
    "black_hat_signals",
    "check_disclosure",
    "detect_fake_engagement",
    "evaluate_fake_engagement",
    "inject_fake_engagement",
    "unsourced_claims",
]
