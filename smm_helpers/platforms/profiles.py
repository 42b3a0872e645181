"""The types of the platform table: a :class:`Figure` with its source, an :class:`Audience`,
and a :class:`PlatformProfile` holding everything the course knows about one platform.

Every figure is a :class:`Figure` that carries its source and a status:

* ``sourced``: a published figure (the course's sources page, ``lessons/sources.md``);
* ``uncertain``: published but weakly sourced (taught as UNCERTAIN);
* ``illustrative``: a made-up-but-plausible number for exercises (e.g. Bangladesh ad prices);
* ``general knowledge``/``course estimate``: the course's own judgement, not a measurement.

Each type checks itself when it is built, so a mistake shows at once.  The built-in
profiles are data (``profiles.toml``, read by :mod:`smm_helpers.platforms.table`).

>>> print(Figure(3, "hours per week", "course estimate", "course estimate"))
3 hours per week [COURSE ESTIMATE: course estimate]
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.platforms.choices import (
    AUDIENCE_KIND_NAMES,
    AUDIENCE_KINDS,
    FIGURE_STATUS_LABELS,
    FIGURE_STATUSES,
    GOALS,
    LOCATIONS,
    ROLES,
)
from smm_helpers.schema import FORMATS

__all__ = ["Audience", "ComposedSource", "Figure", "PlatformProfile", "source_text"]


class ComposedSource(str):
    """A source written as a sentence with named sources in it, e.g. how a price was derived.

    It is the finished text (equal to a plain string with the same words), and it remembers
    its parts, so it is shown translated piece by piece: the sentence, then each source.

    >>> derived = ComposedSource("derived from {survey}", survey="my survey")
    >>> derived == "derived from my survey", derived.parts["survey"]
    (True, 'my survey')
    >>> import pickle
    >>> pickle.loads(pickle.dumps(derived)).template
    'derived from {survey}'
    """

    template: str
    parts: Mapping[str, str]

    def __new__(cls, template: str, **parts: str) -> ComposedSource:
        self = super().__new__(cls, template.format(**parts))
        self.template = template
        self.parts = MappingProxyType(dict(parts))
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (self.template,), dict(self.parts)

    def __getstate__(self) -> None:
        return None


def source_text(source: str) -> str:
    """A figure's source in the chosen language (the course's own citations are translated).

    >>> source_text("my survey")
    'my survey'
    """
    if isinstance(source, ComposedSource):
        return _(source.template).format(**{k: _(v) for k, v in source.parts.items()})
    return _(source)


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
                _("the figure {value} {unit} has no source").format(
                    value=self.value, unit=self.unit
                ),
                fix=_("say where the number comes from (a report, a page, or 'course estimate')"),
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
            text += " " + _("(range {low}–{high})").format(
                low=digits(f"{self.low:g}"), high=digits(f"{self.high:g}")
            )
        status = _(FIGURE_STATUS_LABELS[self.status])
        note = f"; {_(self.note)}" if self.note else ""
        return f"{text} [{status}: {source_text(self.source)}{note}]"


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
        check_age_band(self.ages)
        if self.users is not None and not isinstance(self.users, Figure):
            raise InputError(
                _("users is {value}, not a Figure").format(value=repr(self.users)),
                fix=_("give users=Figure(value, unit, source, status) or leave it out"),
            )
        if self.kind not in AUDIENCE_KINDS:
            raise unknown_choice(_("audience kind"), self.kind, AUDIENCE_KINDS)
        if self.status not in FIGURE_STATUSES:
            raise unknown_choice(_("figure status"), self.status, FIGURE_STATUSES)
        for location, strength in self.reach.items():
            if location not in LOCATIONS:
                raise unknown_choice(_("location"), location, LOCATIONS)
            if not 0 <= strength <= 1:
                raise InputError(
                    _("reach in {location} is {strength}").format(
                        location=repr(location), strength=strength
                    ),
                    fix=_("give a strength between 0 (absent) and 1 (dominant)"),
                )
        full = {location: float(self.reach.get(location, 0.0)) for location in LOCATIONS}
        object.__setattr__(self, "reach", MappingProxyType(full))


def audience_status(status: str) -> str:
    """An audience's status as a profile shows it: always in capitals ("SOURCED")."""
    return _("SOURCED") if status == "sourced" else _(FIGURE_STATUS_LABELS[status])


def check_age_band(ages: tuple[int, int]) -> None:
    """Raise an error unless ``ages`` is (youngest, oldest), both between 13 and 100.

    >>> check_age_band((18, 34))
    >>> check_age_band((10, 34))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the age band (10, 34) is outside 13–100.
    How to fix it: social platforms require users to be at least 13; use ages between 13 and 100.
    """
    if len(ages) != 2:
        raise InputError(
            _("the age band {ages} is not two ages").format(ages=repr(ages)),
            fix=_("give (youngest, oldest)"),
        )
    low, high = ages
    if low > high:
        raise InputError(
            _("the age band {ages} is reversed").format(ages=repr(tuple(ages))),
            fix=_("give the youngest age first, e.g. (18, 34)"),
        )
    if low < 13 or high > 100:
        raise InputError(
            _("the age band {ages} is outside 13–100").format(ages=repr(tuple(ages))),
            fix=_("social platforms require users to be at least 13; use ages between 13 and 100"),
        )


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
            raise InputError(
                _("platform {id} has no name").format(id=repr(self.id)),
                fix=_("give a display name"),
            )
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
                    formats=sorted(both)
                ),
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
                _("platform {id} needs {hours} hours a week").format(
                    id=repr(self.id), hours=self.effort.value
                ),
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

        >>> from smm_helpers.platforms import get_platform
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
            lines = [
                _("{name} ({id}, a messaging channel: for answering, not posting)").format(
                    name=name, id=self.id
                )
            ]
        lines.append("  " + _("favours: {formats}").format(formats=", ".join(self.formats)))
        aud = self.audience
        lines.append(
            "  "
            + _(
                "audience: ages {youngest}–{oldest}, {kind}, Bangladesh strength {strength}/1 "
                "[{status}]"
            ).format(
                youngest=digits(aud.ages[0]),
                oldest=digits(aud.ages[1]),
                kind=_(AUDIENCE_KIND_NAMES[aud.kind]),
                strength=digits(f"{aud.reach['bangladesh']:g}"),
                status=audience_status(aud.status),
            )
        )
        lines += [f"  {name}: {fig}" for name, fig in self.figures.items()]
        if self.posting_advice:
            lines.append("  " + _("posting advice: {advice}").format(advice=_(self.posting_advice)))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        left = "style='text-align:left'"
        rows = "".join(
            f"<tr><th {left}>{html.escape(name)}</th><td {left}>{html.escape(str(fig))}</td></tr>"
            for name, fig in self.figures.items()
        )
        head = _("{name} ({id}) favours {formats}").format(
            name=f"<b>{html.escape(_(self.name))}</b>",
            id=f"<code>{self.id}</code>",
            formats=html.escape(", ".join(self.formats)),
        )
        return f"{head}<table>{rows}</table>"
