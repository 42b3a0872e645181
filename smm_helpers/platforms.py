"""Choosing platforms: what each platform is good for, and a ranking you can argue with.

Step 1 of a social media manager's job (source article 004) is choosing platforms "by the
kind of company".  This module keeps the facts about each platform in one readable
:class:`PlatformProfile` per platform, and ranks platforms for an organisation with
:func:`recommend_platforms`.  The ranking is a *transparent weighted sum*: every point has
a factor, a weight and a one-line reason, so a learner can disagree with it and change the
weights.

Two kinds of channel are kept apart (:data:`ROLES`).  *Feeds* (Facebook, Instagram, X,
LinkedIn, YouTube, TikTok) are where you publish; they are ranked.  *Messaging* channels
(Messenger, WhatsApp) are where people write to you; they are not feeds to post on, so they
are never ranked, and the advice plans time for them when your goals include ``support``.

Every figure is a :class:`Figure` that carries its source and a status:

* ``sourced``: a published figure (the course's sources page, ``lessons/sources.md``);
* ``uncertain``: published but weakly sourced (taught as UNCERTAIN);
* ``illustrative``: a made-up-but-plausible number for exercises (e.g. Bangladesh ad prices);
* ``general knowledge``/``course estimate``: the course's own judgement, not a measurement.

Two tables hold the numbers the ranking leans on most, each in one place:
:data:`BANGLADESH_USERS` (how many people use each platform in Bangladesh, with sources;
sources.md#datareportal-bangladesh) and :data:`WEEKLY_HOURS` (the one hours figure per
platform that the effort factor, the focus list and every printed explanation use).

>>> fb = get_platform("fb")
>>> fb.name
'Facebook'
>>> print(fb.engagement)
0.06 % engagements per post ÷ followers (Rival IQ median) [sourced: Rival IQ 2023 report ...]
>>> get_platform("Twitter").id
'x'
>>> get_platform("WhatsApp").role
'messaging'
>>> rec = recommend_platforms(kind="nonprofit", goals=["donations"], location="bangladesh")
>>> rec.ranking[0]
'facebook'

Adding a platform does not touch the built-in table unless you ask: build your own
:class:`PlatformRegistry` (``PlatformRegistry.with_builtins()``) and ``register`` into it,
or use :func:`register_platform` / :func:`unregister_platform` on the shared registry.
"""

from __future__ import annotations

import difflib
import html
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import LANGUAGES, N_, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number, format_percent
from smm_helpers.schema import CAMPAIGN_OBJECTIVES, FORMATS, PLATFORM_NAMES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AUDIENCE_KINDS",
    "BANGLADESH_USERS",
    "DEFAULT_WEIGHTS",
    "FACTORS",
    "FIGURE_STATUSES",
    "GOALS",
    "LOCATIONS",
    "ORG_KINDS",
    "ROLES",
    "WEEKLY_HOURS",
    "Audience",
    "FactorScore",
    "Figure",
    "OrgProfile",
    "PlatformProfile",
    "PlatformRegistry",
    "Recommendation",
    "get_platform",
    "known_platforms",
    "recommend_platforms",
    "register_platform",
    "unregister_platform",
]

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

GOALS: tuple[str, ...] = (*CAMPAIGN_OBJECTIVES, "support", "recruitment")
"""What an organisation wants from social media: the campaign objectives of
``schema.CAMPAIGN_OBJECTIVES`` plus customer ``support`` and ``recruitment`` (hiring,
volunteers)."""

ORG_KINDS: tuple[str, ...] = ("nonprofit", "small_business", "b2b", "creator", "public_sector")
"""Kinds of organisation :func:`recommend_platforms` knows."""

LOCATIONS: tuple[str, ...] = ("bangladesh", "bangladesh_urban", "bangladesh_rural", "global")
"""Where the audience lives."""

AUDIENCE_KINDS: tuple[str, ...] = ("general", "professional", "mixed")
"""What kind of audience a platform gathers (LinkedIn is professional, X is mixed)."""

ROLES: tuple[str, ...] = ("feed", "messaging")
"""What a channel is for: a ``feed`` you publish on (ranked), or a ``messaging`` channel where
people write to you (Messenger, WhatsApp: answered, never ranked as a place to post)."""

FIGURE_STATUSES: tuple[str, ...] = (
    "sourced",
    "uncertain",
    "illustrative",
    "general knowledge",  # i18n: not shown
    "course estimate",  # i18n: not shown
)

FIGURE_STATUS_LABELS: Mapping[str, str] = MappingProxyType({
    "sourced": N_("sourced"),
    "uncertain": N_("UNCERTAIN"),
    "illustrative": N_("ILLUSTRATIVE"),
    "general knowledge": N_("GENERAL KNOWLEDGE"),  # i18n: not shown
    "course estimate": N_("COURSE ESTIMATE"),  # i18n: not shown
})
"""How each figure status is shown (translated when shown; the statuses are data)."""

AUDIENCE_KIND_NAMES: Mapping[str, str] = MappingProxyType({
    "general": N_("general"),
    "professional": N_("professional"),
    "mixed": N_("mixed"),
})
"""How each audience kind is named when shown (translated then; the kinds are data)."""

FACTORS: dict[str, str] = {
    "goal": N_("how well the platform serves your goals (course judgement, 0–3 per goal)"),
    "audience": N_("how many of the people you need are there: the square root of its "
                   "strength where you work, times how well its ages and kind of audience "
                   "match"),
    "format": N_("whether the formats you can produce are the ones it favours"),
    "cost": N_("how much reach your monthly budget buys there (illustrative ad prices)"),
    "effort": N_("whether your weekly hours cover the effort it needs (course estimate)"),
}
"""The factors of the ranking and what each one measures (each scores 0 to 1)."""

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"goal": 3.0, "audience": 3.0, "format": 2.0, "cost": 1.0, "effort": 1.0}
)
"""Default points per factor.  A course choice, not a law: pass ``weights={...}`` to argue."""

COST_FIT_IMPRESSIONS = 100_000
"""The cost factor asks what share of a 100,000-impression month the budget buys (a course
choice: about what a small page needs to be seen)."""

_KIND_ALIASES = {
    "ngo": "nonprofit",
    "charity": "nonprofit",
    "non_profit": "nonprofit",
    "business": "small_business",
    "shop": "small_business",
    "sme": "small_business",
    "b2b_company": "b2b",
    "company": "b2b",
    "recruiter": "b2b",
    "influencer": "creator",
    "government": "public_sector",
}
_GOAL_ALIASES = {
    "donation": "donations",
    "fundraising": "donations",
    "lead": "leads",
    "sale": "sales",
    "hiring": "recruitment",
    "volunteers": "recruitment",
    "customer_support": "support",
    "customer_service": "support",
    "brand_awareness": "awareness",
    "clicks": "traffic",
}
_LOCATION_ALIASES = {
    "bd": "bangladesh",
    "urban": "bangladesh_urban",
    "urban_bangladesh": "bangladesh_urban",
    "dhaka": "bangladesh_urban",
    "rural": "bangladesh_rural",
    "rural_bangladesh": "bangladesh_rural",
    "worldwide": "global",
    "international": "global",
}
_FORMAT_ALIASES = {
    "photo": "image",
    "reel": "short_video",
    "reels": "short_video",
    "shorts": "short_video",
    "short": "short_video",
    "article": "text",
}


def _slug(value: str) -> str:
    """``"Small Business"`` → ``"small_business"``."""
    return re.sub(r"[^a-z0-9]+", "_", value.strip().lower()).strip("_")


def _choose(
    kind: str, value: object, allowed: tuple[str, ...], aliases: Mapping[str, str]
) -> str:
    """Normalise ``value`` to one of ``allowed`` (via ``aliases``) or raise a teaching error."""
    if not isinstance(value, str):
        raise unknown_choice(kind, value, allowed)
    slug = _slug(value)
    slug = aliases.get(slug, slug)
    if slug not in allowed:
        raise unknown_choice(kind, value, allowed)
    return slug


def _as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


# --------------------------------------------------------------------------------------
# Figures with sources
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number with its unit, where it came from and how much to trust it.

    ``value`` is the typical value calculations use; ``low``/``high`` give the published
    range when there is one.

    >>> cpm = Figure(40, "BDT per 1,000 impressions", "imbdagency.com", "illustrative",
    ...              low=25, high=50)
    >>> print(cpm)
    40 BDT per 1,000 impressions (range 25–50) [ILLUSTRATIVE: imbdagency.com]
    >>> Figure(1, "x", "nowhere", status="guess")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'guess' is not a figure status SMM Lab knows.
    How to fix it: use one of: sourced, uncertain, illustrative, general knowledge, course estimate.
    """

    value: float
    unit: str
    source: str
    status: str = "sourced"
    low: float | None = None
    high: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.status not in FIGURE_STATUSES:
            raise unknown_choice(_("figure status"), self.status, FIGURE_STATUSES)
        if not self.source.strip():
            raise InputError(
                _("the figure {value} {unit} has no source").format(value=self.value,
                                                                     unit=self.unit),
                fix=_("say where the number comes from (a report, a page, or 'course "
                      "estimate')"),
            )
        if self.low is not None and self.high is not None and self.low > self.high:
            raise InputError(
                _("the range {low}–{high} is reversed").format(low=self.low, high=self.high),
                fix=_("give the smaller number as low and the larger as high"),
            )

    @property
    def uncertain(self) -> bool:
        """True unless the figure is a published, well-sourced number."""
        return self.status != "sourced"

    def __str__(self) -> str:
        text = f"{digits(f'{self.value:g}')} {_(self.unit)}"
        if self.low is not None and self.high is not None:
            text += " " + _("(range {low}–{high})").format(low=digits(f"{self.low:g}"),
                                                         high=digits(f"{self.high:g}"))
        status = _(FIGURE_STATUS_LABELS[self.status])
        note = f"; {_(self.note)}" if self.note else ""
        return f"{text} [{status}: {_source_text(self.source)}{note}]"


@dataclass(frozen=True)
class Audience:
    """Who uses a platform (general knowledge, UNCERTAIN unless a source says otherwise).

    ``ages`` is the core age band, ``kind`` is one of :data:`AUDIENCE_KINDS` and ``reach``
    says how strong the platform is in each of :data:`LOCATIONS` from 0 (absent) to 1
    (dominant); a location left out counts as 0.  ``users`` is the published count behind
    the Bangladesh strength (a :class:`Figure`, or ``None`` when no source gives one).

    >>> Audience(ages=(18, 34), kind="general", reach={"global": 0.9}).reach["bangladesh"]
    0.0
    >>> Audience(ages=(40, 20), kind="general", reach={})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the age band (40, 20) is reversed.
    How to fix it: give the youngest age first, e.g. (18, 34).
    """

    ages: tuple[int, int]
    kind: str
    reach: Mapping[str, float] = field(hash=False)
    source: str = "general knowledge (course judgement)"  # i18n: not shown
    status: str = "general knowledge"  # i18n: not shown
    users: Figure | None = None

    def __post_init__(self) -> None:
        _check_age_band(self.ages)
        if self.users is not None and not isinstance(self.users, Figure):
            raise InputError(_("users is {value}, not a Figure").format(value=repr(self.users)),
                             fix=_("give users=Figure(value, unit, source, status) or leave it "
                                   "out"))
        if self.kind not in AUDIENCE_KINDS:
            raise unknown_choice(_("audience kind"), self.kind, AUDIENCE_KINDS)
        if self.status not in FIGURE_STATUSES:
            raise unknown_choice(_("figure status"), self.status, FIGURE_STATUSES)
        for location, strength in self.reach.items():
            if location not in LOCATIONS:
                raise unknown_choice(_("location"), location, LOCATIONS)
            if not 0 <= strength <= 1:
                raise InputError(
                    _("reach in {location} is {strength}").format(location=repr(location),
                                                                  strength=strength),
                    fix=_("give a strength between 0 (absent) and 1 (dominant)"),
                )
        full = {location: float(self.reach.get(location, 0.0)) for location in LOCATIONS}
        object.__setattr__(self, "reach", MappingProxyType(full))


def _audience_status(status: str) -> str:
    """An audience's status as a profile shows it: always in capitals ("SOURCED")."""
    return _("SOURCED") if status == "sourced" else _(FIGURE_STATUS_LABELS[status])


def _check_age_band(ages: tuple[int, int]) -> None:
    if len(ages) != 2:
        raise InputError(_("the age band {ages} is not two ages").format(ages=repr(ages)),
                         fix=_("give (youngest, oldest)"))
    low, high = ages
    if low > high:
        raise InputError(
            _("the age band {ages} is reversed").format(ages=repr(tuple(ages))),
            fix=_("give the youngest age first, e.g. (18, 34)"),
        )
    if low < 13 or high > 100:
        raise InputError(
            _("the age band {ages} is outside 13–100").format(ages=repr(tuple(ages))),
            fix=_("social platforms require users to be at least 13; use ages between 13 and "
                  "100"),
        )


# --------------------------------------------------------------------------------------
# Platform profiles
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlatformProfile:
    """Everything the course knows about one platform, each figure with its source.

    * ``formats`` are the formats the platform favours, ``also_works`` the ones that work
      there without being its strength (both from ``schema.FORMATS``);
    * ``goal_fit`` scores each of :data:`GOALS` from 0 (poor) to 3 (excellent) — course
      judgement; a goal left out scores 0;
    * ``effort`` is the hours a week it takes to keep the platform going: the ONE figure
      the ranking's effort factor, the focus list and the advice all use (``low``/``high``,
      if given, are only shown as a range);
    * ``role`` is ``"feed"`` (a place to publish, ranked) or ``"messaging"`` (where people
      write to you, never ranked: see :data:`ROLES`);
    * ``engagement``, ``cpm_usd``, ``cpc_usd``, ``cpm_bdt``, ``cpc_bdt`` and ``posting``
      are :class:`Figure` objects or ``None`` when no source gives one;
    * ``text_limits`` maps a field (``"post"``, ``"title"``...) to a :class:`Figure`.

    A new profile is checked when it is built, so a mistake shows at once:

    >>> PlatformProfile(id="threads", name="Threads", formats=("gif",),
    ...     audience=Audience((18, 34), "general", {"global": 0.3}),
    ...     effort=Figure(2, "hours per week", "course estimate", "course estimate"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'gif' is not a format SMM Lab knows.
    How to fix it: use one of: text, image, carousel, video, ..., motion_graphic, animation.
    """

    id: str
    name: str
    formats: tuple[str, ...]
    audience: Audience
    effort: Figure
    aliases: tuple[str, ...] = ()
    also_works: tuple[str, ...] = ()
    goal_fit: Mapping[str, int] = field(default_factory=dict, hash=False)
    engagement: Figure | None = None
    cpm_usd: Figure | None = None
    cpc_usd: Figure | None = None
    cpm_bdt: Figure | None = None
    cpc_bdt: Figure | None = None
    text_limits: Mapping[str, Figure] = field(default_factory=dict, hash=False)
    posting: Figure | None = None
    posting_advice: str = ""
    role: str = "feed"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise unknown_choice(_("channel role"), self.role, ROLES)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.id):
            raise InputError(
                _("the platform id {id} is not a short lowercase name").format(id=repr(self.id)),
                fix=_("use lowercase letters, digits and underscores, e.g. 'threads'"),
            )
        if not self.name.strip():
            raise InputError(_("platform {id} has no name").format(id=repr(self.id)),
                             fix=_("give a display name"))
        if not self.formats:
            raise InputError(
                _("platform {id} favours no format").format(id=repr(self.id)),
                fix=_("list at least one of: {choices}").format(choices=", ".join(FORMATS)),
            )
        for fmt in (*self.formats, *self.also_works):
            if fmt not in FORMATS:
                raise unknown_choice(_("format"), fmt, FORMATS)
        both = set(self.formats) & set(self.also_works)
        if both:
            raise InputError(
                _("{formats} are listed both as favoured and as 'also works'").format(
                    formats=sorted(both)),
                fix=_("list each format once"),
            )
        for goal, fit in self.goal_fit.items():
            if goal not in GOALS:
                raise unknown_choice(_("goal"), goal, GOALS)
            if fit not in (0, 1, 2, 3):
                raise InputError(
                    _("goal fit for {goal} is {fit}").format(goal=repr(goal), fit=repr(fit)),
                    fix=_("score each goal 0 (poor), 1, 2 or 3 (excellent)"),
                )
        if self.effort.value <= 0:
            raise InputError(
                _("platform {id} needs {hours} hours a week").format(id=repr(self.id),
                                                                     hours=self.effort.value),
                fix=_("give the hours a week it takes to run, a number above 0"),
            )
        object.__setattr__(self, "goal_fit", MappingProxyType(dict(self.goal_fit)))
        object.__setattr__(self, "text_limits", MappingProxyType(dict(self.text_limits)))
        object.__setattr__(self, "aliases", tuple(self.aliases))

    @property
    def figures(self) -> dict[str, Figure]:
        """Every figure of the profile by name (the ones that exist)."""
        named: dict[str, Figure | None] = {
            "engagement": self.engagement,
            "cpm_usd": self.cpm_usd,
            "cpc_usd": self.cpc_usd,
            "cpm_bdt": self.cpm_bdt,
            "cpc_bdt": self.cpc_bdt,
            "posting": self.posting,
            "effort": self.effort,
            "bangladesh_users": self.audience.users,
        }
        named.update({f"text_limit:{k}": v for k, v in self.text_limits.items()})
        return {name: fig for name, fig in named.items() if fig is not None}

    @property
    def sources(self) -> dict[str, str]:
        """Where each figure comes from, by figure name (audience included).

        >>> get_platform("linkedin").sources["text_limit:post"]
        'Ayrshare docs (sources.md#linkedin-limits)'
        """
        found = {name: fig.source for name, fig in self.figures.items()}
        found["audience"] = self.audience.source
        return found

    def __repr__(self) -> str:
        return f"PlatformProfile(id={self.id!r}, name={self.name!r}, formats={self.formats!r})"

    def __str__(self) -> str:
        name = _(self.name)
        if self.role == "feed":
            lines = [f"{name} ({self.id})"]
        else:
            lines = [_("{name} ({id}, a messaging channel: for answering, not posting)").format(
                name=name, id=self.id)]
        lines.append("  " + _("favours: {formats}").format(formats=", ".join(self.formats)))
        aud = self.audience
        lines.append("  " + _(
            "audience: ages {youngest}–{oldest}, {kind}, Bangladesh strength {strength}/1 "
            "[{status}]").format(youngest=digits(aud.ages[0]), oldest=digits(aud.ages[1]),
                                 kind=_(AUDIENCE_KIND_NAMES[aud.kind]),
                                 strength=digits(f"{aud.reach['bangladesh']:g}"),
                                 status=_audience_status(aud.status)))
        lines += [f"  {name}: {fig}" for name, fig in self.figures.items()]
        if self.posting_advice:
            lines.append("  " + _("posting advice: {advice}").format(
                advice=_(self.posting_advice)))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        left = "style='text-align:left'"
        rows = "".join(
            f"<tr><th {left}>{html.escape(name)}</th><td {left}>{html.escape(str(fig))}</td></tr>"
            for name, fig in self.figures.items()
        )
        head = _("{name} ({id}) favours {formats}").format(
            name=f"<b>{html.escape(_(self.name))}</b>", id=f"<code>{self.id}</code>",
            formats=html.escape(", ".join(self.formats)))
        return f"{head}<table>{rows}</table>"


# --- Sources used by the built-in table (each explained on lessons/sources.md) ---------

_RIVAL_IQ_2023 = (N_("Rival IQ 2023 report (2022 data), via WARC, contentgrip, teknojava "
                  "(sources.md#rival-iq-benchmarks)"))
_ENGAGEMENT_UNIT = N_("% engagements per post ÷ followers (Rival IQ median)")
_PROOFLYTICS = N_("Prooflytics blog, 2026 ranges (sources.md#paid-media-ranges-2026)")
_JONAS = N_("The Jonas Agency 2026, Meta blended (sources.md#paid-media-ranges-2026)")
_BD_AGENCY = (N_("imbdagency.com (5,000 BDT buys 800–3,000 clicks, 100k–200k impressions); "
              "socialeum.com (sources.md#bd-boosting-anecdotes)"))
_HOOTSUITE_2023 = N_("Hootsuite 2023 (via 4pmtech) (sources.md#posting-frequency)")

# --- Who uses each platform in Bangladesh: the figures behind the audience weights ------
#
# A platform's Bangladesh strength (0–1) is its users divided by Facebook's users *in the
# same count* (same source, same month), so the two numbers are comparable.  Every count is
# on the sources page, sources.md#datareportal-bangladesh, with its URL and date.

_DATAREPORTAL_2024 = (N_("DataReportal, Digital 2024: Bangladesh (Meta's ad reach, start of 2024), "
                      "reported by The Daily Star, 25 Oct 2024 "
                      "(sources.md#datareportal-bangladesh)"))
_NAPOLEONCAT_2021 = (N_("NapoleonCat, May 2021 (Facebook 47.2 M), reported by Prothom Alo "
                     "(sources.md#datareportal-bangladesh)"))
_NAPOLEONCAT_2023 = (N_("NapoleonCat, Jan 2023 (Facebook 46.5 M), reported by The Business Post, "
                     "14 Feb 2023 (sources.md#datareportal-bangladesh)"))
_YOUTUBE_2024 = (N_("YouTube users by country, Jan 2024, reported by tamilaustralian.com "
                 "(origin not named) (sources.md#datareportal-bangladesh)"))
_WE_ARE_SOCIAL_2019 = (N_("We Are Social, Digital 2019 (Facebook 33 M), reported by funinguide.jp "
                       "(sources.md#datareportal-bangladesh)"))
_NOT_CHECKED = (N_("no Bangladesh figure the course could open (sources.md#datareportal-bangladesh)"
                ": a course estimate, UNCERTAIN"))

_USERS_UNIT = N_("million users in Bangladesh")

BANGLADESH_USERS: Mapping[str, tuple[Figure, float]] = MappingProxyType({
    "facebook": (Figure(52.9, _USERS_UNIT, _DATAREPORTAL_2024,
                        note=N_("Digital 2026: Bangladesh gives 64 M (late 2025), quoted "
                             "second-hand, UNCERTAIN")), 52.9),
    "youtube": (Figure(33.6, _USERS_UNIT, _YOUTUBE_2024, "uncertain",
                       note=N_("Jan 2024; compared with Facebook's 52.9 M (DataReportal)")), 52.9),
    "messenger": (Figure(42.1, _USERS_UNIT, _NAPOLEONCAT_2021,
                         note=N_("May 2021; 9.3 M a year before")), 47.2),
    "instagram": (Figure(4.7, _USERS_UNIT, _NAPOLEONCAT_2021, note=N_("May 2021")), 47.2),
    "linkedin": (Figure(1.8, _USERS_UNIT, _NAPOLEONCAT_2023,
                        note=N_("Jan 2023; the same count gave over 5 M in mid-2022")), 46.5),
    "x": (Figure(0.3, _USERS_UNIT, _WE_ARE_SOCIAL_2019, "uncertain",
                 note=N_("2019, the newest count found")), 33.0),
})
"""Users in Bangladesh per platform, each with the Facebook count of the same source and
month: ``{platform: (Figure, facebook_users_in_the_same_count)}``.  TikTok and WhatsApp are
missing on purpose: the course found no Bangladesh count it could open (DataReportal reports
TikTok's ad reach; WhatsApp sells no ads, so there is none), so their strength is a course
estimate marked UNCERTAIN.  Read them with ``get_platform(...).audience.users``.

>>> figure, facebook = BANGLADESH_USERS["instagram"]
>>> round(figure.value / facebook, 2)
0.1
"""

_ESTIMATED_STRENGTH = {"tiktok": 0.6, "whatsapp": 0.4}
"""Bangladesh strength where no count could be opened (course estimate, UNCERTAIN)."""

_CITY_VILLAGE = {
    "facebook": (1.0, 0.9), "instagram": (1.5, 0.4), "x": (1.5, 0.5),
    "linkedin": (1.6, 0.2), "youtube": (1.0, 1.0), "tiktok": (1.0, 1.0),
    "messenger": (1.0, 0.9), "whatsapp": (1.3, 0.6),
}
"""How much stronger (×) each platform is in Bangladesh's cities and villages than in the
country as a whole: course judgement, UNCERTAIN (no source splits the counts this way)."""


def _bangladesh_strength(pid: str) -> float:
    """Users ÷ Facebook's users in the same count (0–1); an estimate where there is none."""
    if pid in BANGLADESH_USERS:
        figure, facebook = BANGLADESH_USERS[pid]
        return min(1.0, figure.value / facebook)
    return _ESTIMATED_STRENGTH[pid]


_AGES_JUDGED = "; cities/villages and ages: course judgement"  # i18n: not shown


def _bd_audience(pid: str, ages: tuple[int, int], kind: str, world: float) -> Audience:
    """A built-in platform's audience, its Bangladesh strengths worked out from the counts."""
    national = _bangladesh_strength(pid)
    city, village = _CITY_VILLAGE[pid]
    figure = BANGLADESH_USERS[pid][0] if pid in BANGLADESH_USERS else None
    if figure is None:
        source = f"Bangladesh strength {national:g}: {_NOT_CHECKED}"  # i18n: not shown
        status = _ESTIMATE
    else:
        facebook = BANGLADESH_USERS[pid][1]
        # the audience's source is data (``profile.sources``); the displays never print it
        source = (f"Bangladesh strength {national:.2g} = "  # i18n: not shown
                  f"{figure.value:g} M users ÷ Facebook's "
                  f"{facebook:g} M in the same count ({figure.source})")
        status = figure.status
    return Audience(
        ages, kind,
        {"bangladesh": round(national, 2), "bangladesh_urban": round(min(1, national * city), 2),
         "bangladesh_rural": round(min(1, national * village), 2), "global": world},
        source=source + _AGES_JUDGED, status=status,
        users=figure)


# --- Hours a week: the ONE figure per platform that the advice and explanations use -----

_ESTIMATE = "course estimate"  # i18n: not shown
_HOURS_SOURCE = N_("course estimate (posts a week × time per post + answering), UNCERTAIN")

WEEKLY_HOURS: Mapping[str, Figure] = MappingProxyType({
    "facebook": Figure(3, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                       note=N_("3 photo posts ≈ 2 h, answering comments ≈ 1 h")),
    "instagram": Figure(3, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                        note=N_("3 posts or Reels ≈ 2.5 h, comments ≈ 0.5 h")),
    "x": Figure(2.5, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                note=N_("a short post most days ≈ 1.5 h, replies ≈ 1 h")),
    "linkedin": Figure(2, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                       note=N_("2 text posts ≈ 1.5 h, comments ≈ 0.5 h")),
    "youtube": Figure(5, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                      note=N_("1 video filmed and edited ≈ 4.5 h, comments ≈ 0.5 h")),
    "tiktok": Figure(4, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                     note=N_("3 short videos ≈ 3.5 h, comments ≈ 0.5 h")),
    "messenger": Figure(2, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                        note=N_("answering messages; depends on how many come in (lesson 09)")),
    "whatsapp": Figure(1.5, N_("hours per week"), _HOURS_SOURCE, _ESTIMATE,
                       note=N_("answering messages; depends on how many come in (lesson 09)")),
})
"""Hours a week to keep each built-in channel going.  The effort factor, the ``focus`` list,
the advice and ``explain`` all read this one number (``get_platform(p).effort``)."""


# Meta's price in Bangladesh (sources.md#bd-boosting-anecdotes, anecdotal): CPM about 40 BDT,
# CPC about 5 BDT.
_BD_META_CPM = 40.0
_BD_META_CPC = 5.0
_META_CPM_USD_MID = (6 + 15) / 2  # Prooflytics 2026: Meta CPM $6–15


def _meta_cpm_bdt() -> Figure:
    return Figure(_BD_META_CPM, N_("BDT per 1,000 impressions"), _BD_AGENCY, "illustrative",
                  low=25, high=50, note=N_("anecdotal Bengali agency/blog pages, UNCERTAIN"))


def _meta_cpc_bdt() -> Figure:
    return Figure(_BD_META_CPC, N_("BDT per click"), _BD_AGENCY, "illustrative",
                  low=1.7, high=6, note=N_("anecdotal Bengali agency/blog pages, UNCERTAIN"))


_DERIVED_SOURCE = N_("derived: Bangladesh Meta price ({agency}) × this platform's global CPM "
                     "÷ Meta's ({prices})")


def _source_text(source: str) -> str:
    """A figure's source in the chosen language (the course's own citations are translated).

    >>> _source_text("my survey")
    'my survey'
    """
    if source == _DERIVED_SOURCE.format(agency=_BD_AGENCY, prices=_PROOFLYTICS):
        return _(_DERIVED_SOURCE).format(agency=_(_BD_AGENCY), prices=_(_PROOFLYTICS))
    return _(source)


def _scaled_bdt(cpm_low_usd: float, cpm_high_usd: float, per: str) -> Figure:
    """A Bangladesh price for a non-Meta platform, assuming BD keeps global price ratios."""
    ratio = ((cpm_low_usd + cpm_high_usd) / 2) / _META_CPM_USD_MID
    base, unit = (_BD_META_CPM, N_("BDT per 1,000 impressions")) if per == "cpm" else (
        _BD_META_CPC, N_("BDT per click"))
    return Figure(
        round(base * ratio, 2), unit,
        _DERIVED_SOURCE.format(agency=_BD_AGENCY, prices=_PROOFLYTICS),
        "illustrative",
        note=N_("assumes Bangladesh keeps global price ratios between platforms, UNCERTAIN"),
    )


def _builtin_profiles() -> tuple[PlatformProfile, ...]:
    """The six course feeds and two messaging channels (built on demand, so importing costs
    nothing)."""
    return (
        PlatformProfile(
            id="facebook", name=PLATFORM_NAMES["facebook"],
            aliases=("fb", "facebook page"),  # i18n: not shown
            formats=("image", "video", "short_video", "link"),
            also_works=("text", "carousel", "infographic", "motion_graphic", "animation"),
            audience=_bd_audience("facebook", (25, 54), "general", world=1.0),
            goal_fit={"awareness": 3, "traffic": 2, "engagement": 2, "leads": 2,
                      "donations": 3, "sales": 3, "support": 3, "recruitment": 1},
            effort=WEEKLY_HOURS["facebook"],
            engagement=Figure(0.060, _ENGAGEMENT_UNIT, _RIVAL_IQ_2023),
            cpm_usd=Figure(10.5, N_("USD per 1,000 impressions"), _PROOFLYTICS, low=6, high=15,
                           note=N_("vendor range; Jonas Agency gives $8–14")),
            cpc_usd=Figure(0.9, N_("USD per click"), _JONAS, low=0.6, high=1.2,
                           note=N_("WordStream 2017 (US): CPC $1.72")),
            cpm_bdt=_meta_cpm_bdt(), cpc_bdt=_meta_cpc_bdt(),
            text_limits={"post": Figure(63_206, N_("characters"),
                                        N_("socialk.it; ferryman.io "
                                           "(sources.md#facebook-post-length)"),
                                        "uncertain", note=N_("widely cited, no official doc; "
                                        "'See more' fold ≈477 desktop, ≈125 mobile"))},
            posting=Figure(10.5, N_("posts per week"), _HOOTSUITE_2023, low=7, high=14,
                           note=N_("1–2 a day; Rival IQ median observed 5.04/week (2023)")),
            posting_advice=N_("1–2 posts a day (Hootsuite 2023); pages under 10k followers did "
                           "better with fewer posts (HubSpot)"),
        ),
        PlatformProfile(
            id="instagram", name=PLATFORM_NAMES["instagram"], aliases=("ig", "insta"),
            formats=("short_video", "carousel", "image"),
            also_works=("video", "infographic", "motion_graphic", "animation"),
            audience=_bd_audience("instagram", (18, 34), "general", world=0.9),
            goal_fit={"awareness": 3, "traffic": 1, "engagement": 3, "leads": 1,
                      "donations": 2, "sales": 2, "support": 2, "recruitment": 1},
            effort=WEEKLY_HOURS["instagram"],
            engagement=Figure(0.47, _ENGAGEMENT_UNIT, _RIVAL_IQ_2023,
                              note=N_("fell every year 2019–2022; Reels and carousels do best")),
            cpm_usd=Figure(10.5, N_("USD per 1,000 impressions"), _PROOFLYTICS, low=6, high=15,
                           note=N_("Meta range (Facebook and Instagram together)")),
            cpc_usd=Figure(0.9, N_("USD per click"), _JONAS, low=0.6, high=1.2),
            cpm_bdt=_meta_cpm_bdt(), cpc_bdt=_meta_cpc_bdt(),
            text_limits={
                "caption": Figure(2_200, N_("characters"),
                                  N_("Ayrshare docs (sources.md#instagram-limits)")),
                "hashtags": Figure(5, N_("hashtags per post"), N_("shiftdelete.net; "
                                   "recentmedianews.com; Ayrshare docs "
                                   "(sources.md#instagram-hashtags-2025)"),
                                   note=N_("was 30; announced Dec 2025, rolling out")),
            },
            posting=Figure(5, N_("posts per week"), _HOOTSUITE_2023, low=3, high=7,
                           note=N_("Mosseri 2021: 2 feed posts a week plus 2 stories a day")),
            posting_advice=N_("3–7 feed posts a week (Hootsuite 2023)"),
        ),
        PlatformProfile(
            id="x", name=PLATFORM_NAMES["x"], aliases=("twitter", "x.com", "tweet"),
            formats=("text", "image", "link"),
            also_works=("video", "short_video", "infographic", "motion_graphic", "animation"),
            audience=_bd_audience("x", (25, 49), "mixed", world=0.5),
            goal_fit={"awareness": 2, "traffic": 2, "engagement": 2, "leads": 1,
                      "donations": 1, "sales": 1, "support": 2, "recruitment": 1},
            effort=WEEKLY_HOURS["x"],
            engagement=Figure(0.035, _ENGAGEMENT_UNIT, _RIVAL_IQ_2023),
            text_limits={
                "post": Figure(280, N_("weighted characters"), N_("twitter/twitter-text "
                               "config/v3.json (sources.md#twitter-text-v3)"),
                               note=N_("free accounts; URLs count 23")),
                "post_premium": Figure(25_000, N_("characters"), N_("telecomlive.in; spidersweb.pl "
                                       "(sources.md#x-premium-length)")),
            },
            posting=Figure(21, N_("posts per week"), _HOOTSUITE_2023, low=7, high=35,
                           note=N_("1–5 a day; Rival IQ median observed 3.9/week (2023)")),
            posting_advice=N_("1–5 posts a day (Hootsuite 2023)"),
        ),
        PlatformProfile(
            id="linkedin", name=PLATFORM_NAMES["linkedin"],
            aliases=("li", "linked in"),  # i18n: not shown
            formats=("text", "carousel", "infographic"),
            also_works=("image", "video", "link"),
            audience=_bd_audience("linkedin", (25, 54), "professional", world=0.5),
            goal_fit={"awareness": 2, "traffic": 2, "engagement": 1, "leads": 3,
                      "donations": 1, "sales": 2, "support": 0, "recruitment": 3},
            effort=WEEKLY_HOURS["linkedin"],
            engagement=Figure(3.16, N_("% engagements ÷ impressions (not comparable with "
                              "Rival IQ)"),
                              N_("SociaVault 2026 vendor study (sources.md#sociavault-2026)"),
                              "uncertain",
                              low=1.08, high=5.42, note=N_("mega to nano accounts")),
            cpm_usd=Figure(45, N_("USD per 1,000 impressions"), _PROOFLYTICS, low=30, high=60),
            cpm_bdt=_scaled_bdt(30, 60, "cpm"), cpc_bdt=_scaled_bdt(30, 60, "cpc"),
            text_limits={"post": Figure(3_000, N_("characters"),
                                        N_("Ayrshare docs (sources.md#linkedin-limits)"))},
            posting=Figure(5, N_("posts per week"),
                           N_("Buffer/SumAll (older) (sources.md#posting-frequency)"),
                           note=N_("1 each weekday; Hootsuite 2023 says 1–5 a day")),
            posting_advice=N_("1 post each weekday (Buffer/SumAll); Hootsuite 2023 says up "
                              "to 5 a day"),
        ),
        PlatformProfile(
            id="youtube", name=PLATFORM_NAMES["youtube"],
            aliases=("yt", "you tube"),  # i18n: not shown
            formats=("video", "short_video"),
            also_works=("animation", "motion_graphic"),
            audience=_bd_audience("youtube", (15, 54), "general", world=1.0),
            goal_fit={"awareness": 3, "traffic": 2, "engagement": 2, "leads": 1,
                      "donations": 1, "sales": 1, "support": 1, "recruitment": 1},
            effort=WEEKLY_HOURS["youtube"],
            cpm_usd=Figure(10, N_("USD per 1,000 impressions"), _PROOFLYTICS, low=5, high=15,
                           note=N_("in-stream; unanswered.io gives $2.16")),
            cpm_bdt=_scaled_bdt(5, 15, "cpm"), cpc_bdt=_scaled_bdt(5, 15, "cpc"),
            text_limits={
                "title": Figure(100, N_("characters"), N_("YouTube Data API snippet.title "
                                "(sources.md#youtube-data-api)"),
                                note=N_("'<' and '>' not allowed")),
                "description": Figure(5_000, N_("UTF-8 bytes"), N_("YouTube Data API "
                                      "snippet.description (sources.md#youtube-data-api)"),
                                      note=N_("≈1,870 Bengali characters")),
            },
            posting_advice=N_("no sourced frequency; a steady weekly video is a common rule of "
                           "thumb (general knowledge, UNCERTAIN)"),
        ),
        PlatformProfile(
            id="tiktok", name=PLATFORM_NAMES["tiktok"],
            aliases=("tik tok", "tt"),  # i18n: not shown
            formats=("short_video",),
            also_works=("animation", "motion_graphic", "carousel", "video"),
            audience=_bd_audience("tiktok", (13, 29), "general", world=0.8),
            goal_fit={"awareness": 3, "traffic": 1, "engagement": 3, "leads": 0,
                      "donations": 1, "sales": 2, "support": 0, "recruitment": 1},
            effort=WEEKLY_HOURS["tiktok"],
            engagement=Figure(5.69, _ENGAGEMENT_UNIT, _RIVAL_IQ_2023,
                              note=N_("2024 report: 2.63%")),
            cpm_usd=Figure(15, N_("USD per 1,000 impressions"), _PROOFLYTICS, low=10, high=20,
                           note=N_("unanswered.io gives $2.97")),
            cpm_bdt=_scaled_bdt(10, 20, "cpm"), cpc_bdt=_scaled_bdt(10, 20, "cpc"),
            posting_advice=N_("no sourced frequency; use the Rival IQ median of about 4–5 "
                           "posts a week for calibration (sources.md#rival-iq-benchmarks)"),
        ),
        PlatformProfile(
            id="messenger", name=N_("Messenger"), role="messaging",
            aliases=("facebook messenger", "fb messenger", "page inbox"),  # i18n: not shown
            formats=("text",), also_works=("image", "video", "link"),
            audience=_bd_audience("messenger", (18, 44), "general", world=0.8),
            goal_fit={"awareness": 0, "traffic": 0, "engagement": 1, "leads": 2,
                      "donations": 1, "sales": 2, "support": 3, "recruitment": 1},
            effort=WEEKLY_HOURS["messenger"],
            posting_advice=N_("not a feed: answer every message, within hours (lesson 09); a "
                           "Facebook Page's messages arrive here"),
        ),
        PlatformProfile(
            id="whatsapp", name=N_("WhatsApp"), role="messaging",
            aliases=("whats app", "wa", "whatsapp business"),  # i18n: not shown
            formats=("text",), also_works=("image", "video", "link"),
            audience=_bd_audience("whatsapp", (18, 54), "general", world=1.0),
            goal_fit={"awareness": 0, "traffic": 0, "engagement": 1, "leads": 2,
                      "donations": 1, "sales": 2, "support": 3, "recruitment": 1},
            effort=WEEKLY_HOURS["whatsapp"],
            posting_advice=N_("not a feed: answer customers who write to your business number "
                           "(WhatsApp Business); never add people to lists without consent"),
        ),
    )


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------


class PlatformRegistry:
    """A set of platform profiles you can look up by id, name or alias.

    ``PlatformRegistry.with_builtins()`` gives a fresh copy of the six course feeds and the
    two messaging channels; registering into it changes nothing else.

    >>> reg = PlatformRegistry.with_builtins()
    >>> reg.ids
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok', 'messenger', 'whatsapp')
    >>> known_platforms(reg)
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok')
    >>> threads = replace(reg.get("instagram"), id="threads", name="Threads", aliases=())
    >>> reg.register(threads).get("Threads").id
    'threads'
    >>> reg.register(threads)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: a platform with id 'threads' is already registered.
    How to fix it: pick another id, or pass replace=True to overwrite it.
    >>> reg.unregister("threads").ids[-1]
    'whatsapp'
    """

    def __init__(self, profiles: Iterable[PlatformProfile] = ()) -> None:
        self._profiles: dict[str, PlatformProfile] = {}
        for profile in profiles:
            self.register(profile)

    @classmethod
    def with_builtins(cls) -> PlatformRegistry:
        """A new registry holding the six feeds of ``schema.PLATFORMS`` and the messaging
        channels (Messenger, WhatsApp)."""
        return cls(_builtin_profiles())

    @property
    def ids(self) -> tuple[str, ...]:
        """The registered ids (feeds and messaging channels), in registration order."""
        return tuple(self._profiles)

    def register(self, profile: PlatformProfile, *, replace: bool = False) -> PlatformRegistry:
        """Add ``profile`` (already validated when it was built); returns the registry."""
        if not isinstance(profile, PlatformProfile):
            raise InputError(
                _("{value} is not a PlatformProfile").format(value=repr(profile)),
                fix=_("build one with PlatformProfile(id=..., name=..., formats=..., ...)"),
            )
        if profile.id in self._profiles and not replace:
            raise InputError(
                _("a platform with id {id} is already registered").format(id=repr(profile.id)),
                fix=_("pick another id, or pass replace=True to overwrite it"),
            )
        for name in (profile.name, *profile.aliases):
            owner = self._lookup().get(_key(name))
            if owner is not None and owner != profile.id:
                raise InputError(
                    _("the name {name} of {id} already means {owner}").format(
                        name=repr(name), id=repr(profile.id), owner=repr(owner)),
                    fix=_("remove that alias or choose a different name"),
                )
        self._profiles[profile.id] = profile
        return self

    def unregister(self, name: str) -> PlatformRegistry:
        """Remove a platform (by id, name or alias); returns the registry."""
        del self._profiles[self.get(name).id]
        return self

    def reset(self) -> PlatformRegistry:
        """Go back to exactly the built-in platforms; returns the registry."""
        self._profiles = {p.id: p for p in _builtin_profiles()}
        return self

    def copy(self) -> PlatformRegistry:
        """An independent registry with the same profiles."""
        return PlatformRegistry(self._profiles.values())

    def _lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for profile in self._profiles.values():
            for name in (profile.id, profile.name, *profile.aliases, *_translated(profile.name)):
                table.setdefault(_key(name), profile.id)
        return table

    def get(self, name: str) -> PlatformProfile:
        """The profile for an id, display name or alias (case and spaces ignored)."""
        if isinstance(name, PlatformProfile):
            return name
        lookup = self._lookup()
        found = lookup.get(_key(name)) if isinstance(name, str) else None
        if found is None:
            error = unknown_choice(_("platform"), name, self.ids)
            close = difflib.get_close_matches(_key(str(name)), list(lookup), n=1)
            if close:
                error = InputError(error.problem,
                                   fix=_("{fix} (did you mean {guess}?)").format(
                                       fix=error.fix, guess=repr(lookup[close[0]])))
            raise error
        return self._profiles[found]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self._lookup()

    def __iter__(self) -> Iterator[PlatformProfile]:
        return iter(list(self._profiles.values()))

    def __len__(self) -> int:
        return len(self._profiles)

    def __repr__(self) -> str:
        return f"PlatformRegistry({list(self.ids)!r})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>{p.id}</code></td><td>{html.escape(p.name)}</td>"
            f"<td>{html.escape(', '.join(p.aliases))}</td>"
            f"<td>{html.escape(', '.join(p.formats))}</td></tr>"
            for p in self
        )
        return ("<table><tr><th>id</th><th>name</th><th>aliases</th><th>favours</th></tr>"
                f"{rows}</table>")


def _translated(name: str) -> list[str]:
    """A display name in every language the course speaks (so "ফেসবুক" finds Facebook)."""
    names = []
    for language in LANGUAGES:
        with in_language(language):
            names.append(_(name))
    return names


def _key(name: str) -> str:
    """Lookup key: letters, marks and digits only, NFC and case-folded.

    >>> _key("Tik Tok"), _key("x.com"), _key("এক্স (টুইটার)")
    ('tiktok', 'xcom', 'এক্সটুইটার')
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    return "".join(c for c in folded if c.isalnum() or unicodedata.category(c).startswith("M"))


_SHARED: list[PlatformRegistry] = []


def _shared_registry() -> PlatformRegistry:
    """The registry the module-level functions use, built the first time it is needed."""
    if not _SHARED:
        _SHARED.append(PlatformRegistry.with_builtins())
    return _SHARED[0]


def known_platforms(registry: PlatformRegistry | None = None, *,
                    role: str | None = "feed") -> tuple[str, ...]:
    """The ids of the registered feeds (the shared registry unless one is given).

    ``role="messaging"`` lists the messaging channels instead, and ``role=None`` both.

    >>> known_platforms()
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok')
    >>> known_platforms(role="messaging")
    ('messenger', 'whatsapp')
    >>> known_platforms(role="inbox")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'inbox' is not a channel role SMM Lab knows.
    How to fix it: use one of: feed, messaging.
    """
    reg = registry or _shared_registry()
    if role is None:
        return reg.ids
    if role not in ROLES:
        raise unknown_choice(_("channel role"), role, ROLES)
    return tuple(p.id for p in reg if p.role == role)


def get_platform(name: str, *, registry: PlatformRegistry | None = None) -> PlatformProfile:
    """Look a platform up by id, display name or nickname ("fb", "Insta", "Twitter").

    >>> get_platform("Insta").name
    'Instagram'
    >>> get_platform("X (Twitter)").id
    'x'
    >>> get_platform("tiktokk")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'tiktokk' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, ... whatsapp (did you mean 'tiktok'?).
    """
    return (registry or _shared_registry()).get(name)


def register_platform(
    profile: PlatformProfile, *, registry: PlatformRegistry | None = None, replace: bool = False
) -> PlatformProfile:
    """Add a platform to the shared registry (or to ``registry``); returns the profile.

    Undo it with :func:`unregister_platform`.  In tests and notebooks that should not leave
    traces, prefer your own ``PlatformRegistry.with_builtins()``.

    >>> threads = replace(get_platform("instagram"), id="threads", name="Threads", aliases=())
    >>> register_platform(threads).id
    'threads'
    >>> get_platform("threads").name
    'Threads'
    >>> unregister_platform("threads")
    >>> "threads" in known_platforms()
    False
    >>> register_platform("threads")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'threads' is not a PlatformProfile.
    How to fix it: build one with PlatformProfile(id=..., name=..., formats=..., ...).
    """
    (registry or _shared_registry()).register(profile, replace=replace)
    return profile


def unregister_platform(name: str, *, registry: PlatformRegistry | None = None) -> None:
    """Remove a platform from the shared registry (or from ``registry``).

    >>> unregister_platform("myspace")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'myspace' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, ... whatsapp.
    """
    (registry or _shared_registry()).unregister(name)


# --------------------------------------------------------------------------------------
# The organisation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgProfile:
    """The organisation a platform recommendation is for.

    Friendly spellings are accepted and normalised ("Small Business", "B2B company",
    "Dhaka", "reels"); ``monthly_budget`` is in BDT.

    >>> org = OrgProfile("NGO", goals="donations", ages=(18, 45), location="BD")
    >>> org.kind, org.goals, org.location
    ('nonprofit', ('donations',), 'bangladesh')
    >>> OrgProfile("nonprofit", hours_per_week=-2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: hours_per_week is -2.
    How to fix it: give the hours a week you can spend on social media, 0 or more.
    """

    kind: str
    goals: Sequence[str] = ("awareness",)
    ages: tuple[int, int] = (18, 45)
    location: str = "bangladesh"
    formats: Sequence[str] = ("image", "text")
    monthly_budget: float = 0.0
    hours_per_week: float = 5.0

    def __post_init__(self) -> None:
        kind = _choose(_("organisation kind"), self.kind, ORG_KINDS, _KIND_ALIASES)
        goals = tuple(dict.fromkeys(
            _choose(_("goal"), g, GOALS, _GOAL_ALIASES) for g in _as_tuple(self.goals)))
        formats = tuple(dict.fromkeys(
            _choose(_("format"), f, FORMATS, _FORMAT_ALIASES) for f in _as_tuple(self.formats)))
        if not goals:
            raise InputError(_("no goal was given"), fix=_("give at least one of: {choices}"
                                                           ).format(choices=", ".join(GOALS)))
        if not formats:
            raise InputError(_("no format was given"), fix=_("give at least one of: {choices}"
                                                             ).format(choices=", ".join(FORMATS)))
        location = _choose(_("location"), self.location, LOCATIONS, _LOCATION_ALIASES)
        ages = tuple(self.ages)
        _check_age_band(ages)  # type: ignore[arg-type]
        for name, fix in (
            ("monthly_budget", N_("give the monthly budget in BDT, 0 for organic only")),
            ("hours_per_week", N_("give the hours a week you can spend on social media, 0 or "
                                  "more")),
        ):
            value = getattr(self, name)
            if not isinstance(value, int | float) or math.isnan(value) or value < 0:
                raise InputError(_("{name} is {value}").format(name=name, value=repr(value)),
                                 fix=_(fix))
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "goals", goals)
        object.__setattr__(self, "formats", formats)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "ages", ages)

    @property
    def wants(self) -> str:
        """The kind of audience this organisation needs: ``professional`` for B2B."""
        return "professional" if self.kind == "b2b" else "general"


# --------------------------------------------------------------------------------------
# Factors: each returns a score from 0 to 1 and a one-line reason
# --------------------------------------------------------------------------------------


def _goal_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    fits = {goal: platform.goal_fit.get(goal, 0) for goal in org.goals}
    score = sum(fits.values()) / (3 * len(fits))
    listed = ", ".join(f"{_(goal)} {digits(fit)}/{digits(3)}" for goal, fit in fits.items())
    return score, _("goal fit {goals} (course judgement)").format(goals=listed)


def _age_overlap(mine: tuple[int, int], theirs: tuple[int, int]) -> float:
    """Share of the ages in ``mine`` that fall in ``theirs`` (whole years, both inclusive)."""
    overlap = min(mine[1], theirs[1]) - max(mine[0], theirs[0]) + 1
    return max(0, overlap) / (mine[1] - mine[0] + 1)


_AUDIENCE_MATCH = {
    ("professional", "professional"): 1.0,
    ("professional", "mixed"): 0.6,
    ("professional", "general"): 0.3,
    ("general", "general"): 1.0,
    ("general", "mixed"): 0.8,
    ("general", "professional"): 0.4,
}
"""How well a platform's audience kind suits the audience you need (course judgement)."""


def _strength_basis(aud: Audience, location: str) -> str:
    """Where a platform's strength in ``location`` comes from, in a few words."""
    if location != "global" and aud.users is not None:
        users = aud.users
        short = users.source.split(", reported")[0].split(" (")[0]
        facebook = next((fb for fig, fb in BANGLADESH_USERS.values() if fig is users), None)
        same = facebook in (None, users.value)
        if same and users.uncertain:
            text = _("{users} M users, {source}, UNCERTAIN")
        elif same:
            text = _("{users} M users, {source}")
        elif users.uncertain:
            text = _("{users} M users vs Facebook's {facebook} M, {source}, UNCERTAIN")
        else:
            text = _("{users} M users vs Facebook's {facebook} M, {source}")
        return text.format(users=digits(f"{users.value:g}"), source=short,
                           facebook=digits(f"{facebook:g}") if facebook is not None else "")
    if location != "global" and aud.status == _ESTIMATE:
        return _("course estimate, UNCERTAIN")
    return _("general knowledge, UNCERTAIN")


def _audience_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    aud = platform.audience
    ages = _age_overlap(org.ages, aud.ages)
    place = aud.reach[org.location]
    kind = _AUDIENCE_MATCH[(org.wants, aud.kind)]
    score = math.sqrt(place) * (ages + kind) / 2
    return score, _(
        "√strength × fit: strength in {location} {strength}/1 ({basis}); {share} of ages "
        "{youngest}–{oldest} in its core {core_youngest}–{core_oldest}; {kind} audience for a "
        "{need} need {match}/1 (course judgement)"
    ).format(location=_(org.location), strength=digits(f"{place:g}"),
             basis=_strength_basis(aud, org.location), share=format_percent(ages, 0),
             youngest=digits(org.ages[0]), oldest=digits(org.ages[1]),
             core_youngest=digits(aud.ages[0]), core_oldest=digits(aud.ages[1]),
             kind=_(AUDIENCE_KIND_NAMES[aud.kind]), need=_(AUDIENCE_KIND_NAMES[org.wants]),
             match=digits(f"{kind:g}"))


def _format_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    favoured = [f for f in org.formats if f in platform.formats]
    works = [f for f in org.formats if f in platform.also_works]
    if favoured:
        return 1.0, _("it favours {formats}, which you make").format(formats=", ".join(favoured))
    if works:
        return 0.5, _("{yours} works there, but it favours {formats}").format(
            yours=", ".join(works), formats=", ".join(platform.formats))
    return 0.0, _("it favours {formats}; you make none that suit it").format(
        formats=", ".join(platform.formats))


def _cost_score(platform: PlatformProfile, budget: float) -> float | None:
    if platform.cpm_bdt is None:
        return None
    month_cost = platform.cpm_bdt.value * COST_FIT_IMPRESSIONS / 1000
    return 1 - math.exp(-budget / month_cost)


def _cost_fit(
    platform: PlatformProfile, org: OrgProfile, others: Sequence[PlatformProfile]
) -> tuple[float, str]:
    score = _cost_score(platform, org.monthly_budget)
    if org.monthly_budget == 0:
        return 0.0, _("no paid budget, so cost does not separate the platforms")
    if score is None:
        known = [s for p in others if (s := _cost_score(p, org.monthly_budget)) is not None]
        average = sum(known) / len(known) if known else 0.0
        return average, _("no sourced ad price, so it gets the average of the others")
    assert platform.cpm_bdt is not None
    return score, _(
        "{budget} BDT at ~{cpm} BDT CPM buys ~{impressions} impressions (illustrative prices)"
    ).format(budget=format_number(org.monthly_budget), cpm=digits(f"{platform.cpm_bdt.value:g}"),
             impressions=format_number(org.monthly_budget / platform.cpm_bdt.value * 1000))


def _effort_fit(platform: PlatformProfile, org: OrgProfile) -> tuple[float, str]:
    needed = platform.effort.value
    score = min(1.0, org.hours_per_week / needed)
    return score, _("you have {hours} h/week; it needs about {needed} (course estimate)").format(
        hours=digits(f"{org.hours_per_week:g}"), needed=digits(f"{needed:g}"))


# --------------------------------------------------------------------------------------
# The recommendation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactorScore:
    """One cell of the breakdown: a platform's score on one factor, and why.

    ``points = weight × score``; the score runs from 0 to 1.
    """

    platform: str
    factor: str
    score: float
    weight: float
    reason: str

    @property
    def points(self) -> float:
        """The points this factor gives the platform."""
        return self.weight * self.score


@dataclass(frozen=True)
class Recommendation:
    """A ranking of platforms with the full breakdown behind it.

    ``ranking`` lists the feeds best first; ``focus`` is the top of the ranking your weekly
    hours can keep going; ``messaging`` lists the messaging channels (Messenger, WhatsApp)
    to answer people on, when your goals include ``support`` (they are never ranked);
    ``minimum_hours`` is the hours a week each one needs (the same figure ``explain`` prints
    and ``focus`` adds up); ``explain(platform)`` reads one platform's points aloud.
    """

    org: OrgProfile
    weights: Mapping[str, float] = field(hash=False)
    scores: tuple[FactorScore, ...]
    ranking: list[str] = field(hash=False)
    focus: list[str] = field(hash=False)
    names: Mapping[str, str] = field(hash=False)
    minimum_hours: Mapping[str, float] = field(hash=False)
    messaging: list[str] = field(default_factory=list, hash=False)

    def total(self, platform: str) -> float:
        """A platform's total points (the sum of its factor points)."""
        pid = self._id(platform)
        return math.fsum(s.points for s in self.scores if s.platform == pid)

    @property
    def totals(self) -> dict[str, float]:
        """Total points per platform, best first."""
        return {pid: self.total(pid) for pid in self.ranking}

    def _id(self, platform: str) -> str:
        key = _key(platform) if isinstance(platform, str) else ""
        for pid, name in self.names.items():
            if key and key in {_key(pid), *map(_key, _translated(name))}:
                return pid
        try:
            pid = get_platform(platform).id
        except InputError:
            pid = ""
        if pid in self.names:
            return pid
        raise InputError(_("{platform} is not one of the platforms ranked here").format(
                             platform=repr(platform)),
                         fix=_("use one of: {choices}").format(choices=", ".join(self.ranking)))

    @property
    def hours_used(self) -> float:
        """The hours a week the advice spends: the messaging channels, then the focus feeds."""
        return math.fsum(self.minimum_hours[p] for p in (*self.messaging, *self.focus))

    def _name(self, pid: str) -> str:
        """A platform's display name in the chosen language."""
        return _(self.names[pid])

    def _listed(self, ids: Sequence[str]) -> str:
        items = [_("{name} ({hours} h)").format(name=self._name(p),
                                                hours=digits(f"{self.minimum_hours[p]:g}"))
                 for p in ids]
        if len(items) == 1:
            return items[0]
        return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])

    @property
    def advice(self) -> str:
        """What to do with your hours, using the same hours per platform that ``explain``
        prints (course estimates)."""
        hours = digits(f"{self.org.hours_per_week:g}")
        used = self.hours_used
        words = {"hours": hours, "used": digits(f"{used:g}"), "count": digits(len(self.focus)),
                 "all": digits(len(self.ranking)), "focus": self._listed(self.focus),
                 "channels": self._listed(self.messaging) if self.messaging else ""}
        if len(self.focus) == len(self.ranking):
            if self.messaging:
                text = _("With {hours} hours a week you can answer messages on {channels}, then "
                         "keep all {all} platforms going: {focus}, {used} of your {hours} hours; "
                         "still, start with the top ones.")
            else:
                text = _("With {hours} hours a week you can keep all {all} platforms going: "
                         "{focus}, {used} of your {hours} hours; still, start with the top ones.")
        elif self.messaging:
            text = ngettext("With {hours} hours a week, answer messages on {channels}, then "
                            "focus on {count} platform: {focus}",
                            "With {hours} hours a week, answer messages on {channels}, then "
                            "focus on {count} platforms: {focus}", len(self.focus))
        else:
            text = ngettext("With {hours} hours a week, focus on {count} platform: {focus}",
                            "With {hours} hours a week, focus on {count} platforms: {focus}",
                            len(self.focus))
        text = text.format(**words)
        if len(self.focus) < len(self.ranking):
            if used > self.org.hours_per_week:
                text += _("; that is {used} hours, more than your {hours}: post less often "
                          "there, or find more time.").format(**words)
            else:
                following = self.ranking[len(self.focus)]
                text += _(", {used} of your {hours} hours; the next, {next}, needs {more} h "
                          "more.").format(next=self._name(following),
                                          more=digits(f"{self.minimum_hours[following]:g}"),
                                          **words)
        text += " " + _("(Hours a week per platform: course estimates.)")
        if not self.messaging and self._unranked_messaging:
            channels = _(" and ").join(self._name(p) for p in self._unranked_messaging)
            text += " " + _("{channels} are for answering people, not feeds to post on: add the "
                            "goal 'support' to set hours aside for them.").format(
                channels=channels)
        return text

    @property
    def _unranked_messaging(self) -> list[str]:
        return [p for p in self.names if p not in self.ranking and p not in self.messaging]

    def explain(self, platform: str) -> str:
        """A platform's points, factor by factor, with the reason for each.

        >>> rec = recommend_platforms(kind="b2b", goals=["recruitment"])
        >>> print(rec.explain("LinkedIn"))  # doctest: +ELLIPSIS
        LinkedIn ranks 1 of 6 with 6.53 points:
          goal     3.00 = 3 × 1.00  goal fit recruitment 3/3 (course judgement)
          audience 0.53 = 3 × 0.18  √strength × fit: strength in bangladesh 0.04/1 (1.8 M ...
          format   2.00 = 2 × 1.00  it favours text, which you make
          cost     0.00 = 1 × 0.00  no paid budget, so cost does not separate the platforms
          effort   1.00 = 1 × 1.00  you have 5 h/week; it needs about 2 (course estimate)
        >>> rec.explain("Messenger")
        Traceback (most recent call last):
        ...
        smm_helpers.errors.InputError: Messenger is a messaging channel, not a feed, so it is ...
        How to fix it: read rec.messaging and rec.advice for the channels to answer people on; ...
        >>> rec.explain("myspace")
        Traceback (most recent call last):
        ...
        smm_helpers.errors.InputError: 'myspace' is not one of the platforms ranked here.
        How to fix it: use one of: linkedin, facebook, instagram, x, youtube, tiktok.
        """
        pid = self._id(platform)
        if pid not in self.ranking:
            raise InputError(_("{name} is a messaging channel, not a feed, so it is not "
                               "ranked").format(name=self._name(pid)),
                             fix=_("read rec.messaging and rec.advice for the channels to "
                                   "answer people on; explain one of: {choices}").format(
                                 choices=", ".join(self.ranking)))
        rank = self.ranking.index(pid) + 1
        lines = [_("{name} ranks {rank} of {count} with {points} points:").format(
            name=self._name(pid), rank=digits(rank), count=digits(len(self.ranking)),
            points=digits(f"{self.total(pid):.2f}"))]
        for s in self.scores:
            if s.platform == pid:
                sums = digits(f"{s.points:4.2f} = {s.weight:g} × {s.score:.2f}")
                lines.append(f"  {s.factor:<8} {sums}  {s.reason}")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """Points per factor (columns) and platform (rows, best first), with the total.

        A new DataFrame; changing it changes nothing here.
        """
        import pandas as pd

        rows = {
            pid: {s.factor: s.points for s in self.scores if s.platform == pid}
            for pid in self.ranking
        }
        frame = pd.DataFrame.from_dict(rows, orient="index")[list(self.weights)]
        frame["total"] = frame.sum(axis=1)
        frame.insert(0, "rank", range(1, len(frame) + 1))
        frame.index.name = "platform"
        return frame

    def reasons(self) -> pd.DataFrame:
        """The one-line reason behind every cell of :meth:`to_frame`."""
        import pandas as pd

        rows = {
            pid: {s.factor: s.reason for s in self.scores if s.platform == pid}
            for pid in self.ranking
        }
        frame = pd.DataFrame.from_dict(rows, orient="index")[list(self.weights)]
        frame.index.name = "platform"
        return frame

    def __str__(self) -> str:
        factors = list(self.weights)
        head = (f"{_('rank'):<5}{_('platform'):<13}" + "".join(f"{f:>9}" for f in factors)
                + f"{_('total'):>9}")
        lines = [head]
        for rank, pid in enumerate(self.ranking, start=1):
            cells = {s.factor: s.points for s in self.scores if s.platform == pid}
            lines.append(digits(f"{rank:<5}") + f"{self._name(pid):<13}"
                         + digits("".join(f"{cells[f]:9.2f}" for f in factors)
                                  + f"{self.total(pid):9.2f}"))
        weights = ", ".join(f"{f}={w:g}" for f, w in self.weights.items())
        lines += [_("weights: {weights}").format(weights=weights), self.advice]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Recommendation(ranking={self.ranking!r}, focus={self.focus!r})"

    def _repr_html_(self) -> str:
        factors = list(self.weights)
        head = "".join(f"<th>{f} (×{digits(f'{self.weights[f]:g}')})</th>" for f in factors)
        body = []
        for rank, pid in enumerate(self.ranking, start=1):
            cells = {s.factor: s for s in self.scores if s.platform == pid}
            tds = "".join(_cell(cells[f].reason, digits(f"{cells[f].points:.2f}"))
                          for f in factors)
            style = " style='font-weight:bold'" if pid in self.focus else ""
            body.append(f"<tr{style}><td>{digits(rank)}</td>"
                        f"<td>{html.escape(self._name(pid))}</td>"
                        f"{tds}<td>{digits(f'{self.total(pid):.2f}')}</td></tr>")
        names = "".join(f"<th>{html.escape(word)}</th>"
                        for word in (_("rank"), _("platform")))
        return (f"<table><tr>{names}{head}<th>{html.escape(_('total'))}</th></tr>"
                f"{''.join(body)}</table><p>{html.escape(self.advice)}</p>")


def _cell(reason: str, points: str) -> str:
    """One cell of the ranking table: the points, with the reason under them."""
    why = html.escape(reason)
    return f"<td title='{why}'>{points}<br><small>{why}</small></td>"  # i18n: not shown


def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    merged = dict(DEFAULT_WEIGHTS)
    for factor, weight in (weights or {}).items():
        if factor not in FACTORS:
            raise unknown_choice(_("factor"), factor, list(FACTORS))
        if not isinstance(weight, int | float) or math.isnan(weight) or weight < 0:
            raise InputError(
                _("the weight of {factor} is {weight}").format(factor=repr(factor),
                                                               weight=repr(weight)),
                fix=_("give each weight as a number of points, 0 or more"),
            )
        merged[factor] = float(weight)
    if not any(merged.values()):
        raise InputError(_("every weight is 0"),
                         fix=_("give at least one factor a positive weight"))
    return merged


def _fill(profiles: Sequence[PlatformProfile], hours: float) -> list[str]:
    """The first profiles whose weekly hours (``effort.value``) fit in ``hours``, in order;
    at least the first one, so there is always somewhere to start."""
    chosen: list[str] = []
    used = 0.0
    for profile in profiles:
        need = profile.effort.value
        if chosen and used + need > hours:
            break
        chosen.append(profile.id)
        used += need
    return chosen


def _plan(ranked: Sequence[PlatformProfile], messaging: Sequence[PlatformProfile],
          hours: float) -> tuple[list[str], list[str]]:
    """(messaging channels to answer on, feeds to focus on) that the weekly hours allow.

    Answering comes first: the messaging channels' hours are set aside, then the top of the
    ranking is filled with what is left.
    """
    answer = _fill(messaging, hours) if messaging else []
    left = hours - math.fsum(p.effort.value for p in messaging if p.id in answer)
    return answer, _fill(ranked, max(0.0, left))


def recommend_platforms(
    profile: OrgProfile | Mapping[str, Any] | None = None,
    /,
    *,
    weights: Mapping[str, float] | None = None,
    platforms: Iterable[str] | None = None,
    registry: PlatformRegistry | None = None,
    **kwargs: Any,
) -> Recommendation:
    """Rank platforms for an organisation with a transparent weighted sum.

    Give an :class:`OrgProfile`, a dict of its fields, or the fields as keywords.  Each
    platform gets, for each factor of :data:`FACTORS`, a score from 0 to 1; its points are
    ``weight × score`` and its total is the sum.  Change ``weights`` (points per factor,
    merged with :data:`DEFAULT_WEIGHTS`) to argue with the ranking.  ``platforms`` limits
    the ranking to some platforms; ties keep the registry's order.

    >>> rec = recommend_platforms(kind="creator", goals=["engagement"], ages=(16, 24),
    ...                           formats=["short_video"], location="global", hours_per_week=6)
    >>> rec.ranking[:2]
    ['tiktok', 'instagram']
    >>> recommend_platforms({"kind": "b2b", "goals": "recruitment"}).ranking[0]
    'linkedin'
    >>> print(recommend_platforms(kind="nonprofit", hours_per_week=3).advice)
    With 3 hours a week, focus on 1 platform: Facebook (3 h), 3 of your 3 hours; the next, ...
    >>> helpdesk = recommend_platforms(kind="small business", goals=["support", "sales"],
    ...                                hours_per_week=6)
    >>> helpdesk.messaging, helpdesk.focus
    (['messenger', 'whatsapp'], ['facebook'])
    >>> recommend_platforms(kind="nonprofit", goals=["likes"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'likes' is not a goal SMM Lab knows.
    How to fix it: use one of: awareness, traffic, engagement, leads, donations, ..., recruitment.
    """
    org = _org_from(profile, kwargs)
    merged = _check_weights(weights)
    reg = registry or _shared_registry()
    given = [reg.get(p) for p in platforms] if platforms is not None else list(reg)
    given = list({p.id: p for p in given}.values())
    chosen = [p for p in given if p.role == "feed"]
    channels = [p for p in given if p.role == "messaging"]
    if not chosen:
        raise InputError(_("no platform to rank"),
                         fix=_("give at least one feed (Facebook, Instagram...), or leave "
                               "platforms out to rank them all; messaging channels are not "
                               "ranked"))
    scores: list[FactorScore] = []
    for platform in chosen:
        parts = {
            "goal": _goal_fit(platform, org),
            "audience": _audience_fit(platform, org),
            "format": _format_fit(platform, org),
            "cost": _cost_fit(platform, org, chosen),
            "effort": _effort_fit(platform, org),
        }
        scores += [FactorScore(platform.id, f, parts[f][0], merged[f], parts[f][1])
                   for f in merged]
    totals = {p.id: math.fsum(s.points for s in scores if s.platform == p.id) for p in chosen}
    order = sorted(range(len(chosen)), key=lambda i: (-totals[chosen[i].id], i))
    ranked = [chosen[i] for i in order]
    if "support" in org.goals:
        strong = [c for c in channels if c.audience.reach[org.location] > 0]
        strong.sort(key=lambda c: -c.audience.reach[org.location])
    else:
        strong = []
    answer, focus = _plan(ranked, strong, org.hours_per_week)
    return Recommendation(
        org=org,
        weights=MappingProxyType(merged),
        scores=tuple(scores),
        ranking=[p.id for p in ranked],
        focus=focus,
        names=MappingProxyType({p.id: p.name for p in (*chosen, *channels)}),
        minimum_hours=MappingProxyType({p.id: p.effort.value for p in (*chosen, *channels)}),
        messaging=answer,
    )


def _org_from(profile: OrgProfile | Mapping[str, Any] | None, kwargs: Mapping[str, Any]
              ) -> OrgProfile:
    if isinstance(profile, OrgProfile):
        return replace(profile, **kwargs) if kwargs else profile
    fields = {**(dict(profile) if profile is not None else {}), **kwargs}
    allowed = list(OrgProfile.__dataclass_fields__)
    for name in fields:
        if name not in allowed:
            raise unknown_choice(_("organisation field"), name, allowed)
    if "kind" not in fields:
        raise InputError(_("the organisation's kind is missing"),
                         fix=_("give kind=, one of: {choices}").format(
                             choices=", ".join(ORG_KINDS)))
    return OrgProfile(**fields)

