"""A platform ranking and how it shows itself: the breakdown, the advice and ``explain``.

:func:`~smm_helpers.platforms.recommend.recommend_platforms` builds a :class:`Recommendation`;
this module holds what it is (one :class:`FactorScore` per platform and factor, the ranking,
the focus list) and every way it is shown: ``str()``, ``advice``, ``explain(platform)``,
``to_frame()``, ``reasons()`` and the HTML table a notebook shows.

>>> score = FactorScore("facebook", "goal", 0.5, 3.0, "goal fit donations 3/3")
>>> score.points
1.5
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.platforms.organisation import OrgProfile
from smm_helpers.platforms.registry import get_platform, lookup_key, translated_names

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FactorScore", "Recommendation"]


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
        key = lookup_key(platform) if isinstance(platform, str) else ""
        for pid, name in self.names.items():
            if key and key in {lookup_key(pid), *map(lookup_key, translated_names(name))}:
                return pid
        try:
            pid = get_platform(platform).id
        except InputError:
            pid = ""
        if pid in self.names:
            return pid
        raise InputError(
            _("{platform} is not one of the platforms ranked here").format(platform=repr(platform)),
            fix=_("use one of: {choices}").format(choices=", ".join(self.ranking)),
        )

    @property
    def hours_used(self) -> float:
        """The hours a week the advice spends: the messaging channels, then the focus feeds."""
        return math.fsum(self.minimum_hours[p] for p in (*self.messaging, *self.focus))

    def _name(self, pid: str) -> str:
        """A platform's display name in the chosen language."""
        return _(self.names[pid])

    def _listed(self, ids: Sequence[str]) -> str:
        items = [
            _("{name} ({hours} h)").format(
                name=self._name(p), hours=digits(f"{self.minimum_hours[p]:g}")
            )
            for p in ids
        ]
        if len(items) == 1:
            return items[0]
        return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])

    @property
    def advice(self) -> str:
        """What to do with your hours, using the same hours per platform that ``explain``
        prints (course estimates)."""
        hours = digits(f"{self.org.hours_per_week:g}")
        used = self.hours_used
        words = {
            "hours": hours,
            "used": digits(f"{used:g}"),
            "count": digits(len(self.focus)),
            "all": digits(len(self.ranking)),
            "focus": self._listed(self.focus),
            "channels": self._listed(self.messaging) if self.messaging else "",
        }
        if len(self.focus) == len(self.ranking):
            if self.messaging:
                text = _(
                    "With {hours} hours a week you can answer messages on {channels}, then "
                    "keep all {all} platforms going: {focus}, {used} of your {hours} hours; "
                    "still, start with the top ones."
                )
            else:
                text = _(
                    "With {hours} hours a week you can keep all {all} platforms going: "
                    "{focus}, {used} of your {hours} hours; still, start with the top ones."
                )
        elif self.messaging:
            text = ngettext(
                "With {hours} hours a week, answer messages on {channels}, then "
                "focus on {count} platform: {focus}",
                "With {hours} hours a week, answer messages on {channels}, then "
                "focus on {count} platforms: {focus}",
                len(self.focus),
            )
        else:
            text = ngettext(
                "With {hours} hours a week, focus on {count} platform: {focus}",
                "With {hours} hours a week, focus on {count} platforms: {focus}",
                len(self.focus),
            )
        text = text.format(**words)
        if len(self.focus) < len(self.ranking):
            if used > self.org.hours_per_week:
                text += _(
                    "; that is {used} hours, more than your {hours}: post less often "
                    "there, or find more time."
                ).format(**words)
            else:
                following = self.ranking[len(self.focus)]
                text += _(
                    ", {used} of your {hours} hours; the next, {next}, needs {more} h more."
                ).format(
                    next=self._name(following),
                    more=digits(f"{self.minimum_hours[following]:g}"),
                    **words,
                )
        text += " " + _("(Hours a week per platform: course estimates.)")
        if not self.messaging and self._unranked_messaging:
            channels = _(" and ").join(self._name(p) for p in self._unranked_messaging)
            text += " " + _(
                "{channels} are for answering people, not feeds to post on: add the "
                "goal 'support' to set hours aside for them."
            ).format(channels=channels)
        return text

    @property
    def _unranked_messaging(self) -> list[str]:
        return [p for p in self.names if p not in self.ranking and p not in self.messaging]

    def explain(self, platform: str) -> str:
        """A platform's points, factor by factor, with the reason for each.

        >>> from smm_helpers.platforms import recommend_platforms
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
            raise InputError(
                _("{name} is a messaging channel, not a feed, so it is not ranked").format(
                    name=self._name(pid)
                ),
                fix=_(
                    "read rec.messaging and rec.advice for the channels to "
                    "answer people on; explain one of: {choices}"
                ).format(choices=", ".join(self.ranking)),
            )
        rank = self.ranking.index(pid) + 1
        lines = [
            _("{name} ranks {rank} of {count} with {points} points:").format(
                name=self._name(pid),
                rank=digits(rank),
                count=digits(len(self.ranking)),
                points=digits(f"{self.total(pid):.2f}"),
            )
        ]
        for s in self.scores:
            if s.platform == pid:
                sums = digits(f"{s.points:4.2f} = {s.weight:g} × {s.score:.2f}")
                lines.append(f"  {s.factor:<8} {sums}  {s.reason}")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """Points per factor (columns) and platform (rows, best first), with the total.

        A new DataFrame; changing it changes nothing here.
        """
        import pandas as pd  # heavy: loaded on first use

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
        import pandas as pd  # heavy: loaded on first use

        rows = {
            pid: {s.factor: s.reason for s in self.scores if s.platform == pid}
            for pid in self.ranking
        }
        frame = pd.DataFrame.from_dict(rows, orient="index")[list(self.weights)]
        frame.index.name = "platform"
        return frame

    def __str__(self) -> str:
        factors = list(self.weights)
        head = (
            f"{_('rank'):<5}{_('platform'):<13}"
            + "".join(f"{f:>9}" for f in factors)
            + f"{_('total'):>9}"
        )
        lines = [head]
        for rank, pid in enumerate(self.ranking, start=1):
            cells = {s.factor: s.points for s in self.scores if s.platform == pid}
            lines.append(
                digits(f"{rank:<5}")
                + f"{self._name(pid):<13}"
                + digits("".join(f"{cells[f]:9.2f}" for f in factors) + f"{self.total(pid):9.2f}")
            )
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
            tds = "".join(_cell(cells[f].reason, digits(f"{cells[f].points:.2f}")) for f in factors)
            style = " style='font-weight:bold'" if pid in self.focus else ""
            body.append(
                f"<tr{style}><td>{digits(rank)}</td>"
                f"<td>{html.escape(self._name(pid))}</td>"
                f"{tds}<td>{digits(f'{self.total(pid):.2f}')}</td></tr>"
            )
        names = "".join(f"<th>{html.escape(word)}</th>" for word in (_("rank"), _("platform")))
        return (
            f"<table><tr>{names}{head}<th>{html.escape(_('total'))}</th></tr>"
            f"{''.join(body)}</table><p>{html.escape(self.advice)}</p>"
        )


def _cell(reason: str, points: str) -> str:
    """One cell of the ranking table: the points, with the reason under them."""
    why = html.escape(reason)
    return f"<td title='{why}'>{points}<br><small>{why}</small></td>"  # i18n: not shown
