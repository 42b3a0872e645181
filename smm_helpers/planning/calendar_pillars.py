"""Content pillars in a calendar: how many posts each gets, and in what order.

:func:`apportion` shares a number of posts between the pillars of a mix (checked by
:func:`check_pillar_mix`), and :func:`interleave` orders them so each pillar is spread
through the weeks rather than bunched.

>>> interleave(apportion(DEFAULT_PILLAR_MIX, 5))
['impact', 'education', 'community', 'fundraising', 'impact']
"""

from __future__ import annotations

from collections.abc import Mapping

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.planning.calendar_checks import _check_whole

DEFAULT_PILLAR_MIX: dict[str, float] = {
    "impact": 0.3,
    "education": 0.3,
    "community": 0.2,
    "fundraising": 0.2,
}
"""An illustrative pillar mix for the nonprofit client (a teaching choice, not a benchmark)."""


def apportion(shares: Mapping[str, float], total: int) -> dict[str, int]:
    """Split ``total`` posts between pillars by largest remainder (Hamilton's method).

    Each pillar first gets the whole part of ``share × total``; the posts left over go to
    the largest fractional parts (ties: the larger share, then the order given).  The counts
    add up to ``total`` and each is within one of its exact share.

    >>> apportion({"impact": 0.3, "education": 0.3, "community": 0.2, "fundraising": 0.2}, 7)
    {'impact': 2, 'education': 2, 'community': 2, 'fundraising': 1}
    >>> apportion({"impact": 1.0}, -1)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: total must be a whole number of at least 0, not -1.
    How to fix it: pass the number of posts to share out.
    """
    _check_whole("total", total, low=0, fix=_("pass the number of posts to share out"))
    exact = {pillar: share * total for pillar, share in shares.items()}
    counts = {pillar: int(value) for pillar, value in exact.items()}
    order = list(shares)
    by_remainder = sorted(
        order, key=lambda p: (-(exact[p] - counts[p]), -shares[p], order.index(p))
    )
    for pillar in by_remainder[: total - sum(counts.values())]:
        counts[pillar] += 1
    return counts


def interleave(counts: Mapping[str, int]) -> list[str]:
    """Order pillars so that each one is spread evenly, not bunched at the start.

    At every step the pillar furthest behind its fair share so far goes next (ties: the
    order given).  Every pillar appears exactly ``counts[pillar]`` times.

    >>> interleave({"impact": 2, "education": 2, "community": 1})
    ['impact', 'education', 'community', 'impact', 'education']
    >>> interleave({"impact": -1})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: counts['impact'] must be a whole number of at least 0, not -1.
    How to fix it: give each pillar a count of 0 or more.
    """
    for pillar, count in counts.items():
        _check_whole(
            f"counts[{pillar!r}]", count, low=0, fix=_("give each pillar a count of 0 or more")
        )
    total = sum(counts.values())
    placed = dict.fromkeys(counts, 0)
    sequence: list[str] = []
    for step in range(1, total + 1):
        behind = {
            pillar: count * step / total - placed[pillar]
            for pillar, count in counts.items()
            if placed[pillar] < count
        }
        pillar = max(behind, key=lambda p: behind[p])  # max keeps the first of equal values
        placed[pillar] += 1
        sequence.append(pillar)
    return sequence


def check_pillar_mix(pillar_mix: Mapping[str, float]) -> dict[str, float]:
    """The pillar mix as a new dict, checked: shares are 0–1 and add up to 1.

    >>> check_pillar_mix({"impact": 0.5, "education": 0.5})
    {'impact': 0.5, 'education': 0.5}
    >>> check_pillar_mix({"impact": 0.5, "education": 0.3})
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the pillar_mix shares add up to 0.8, not 1.
    How to fix it: make them add up to 1, e.g. {'impact': 0.625, 'education': 0.375}.
    """
    if not isinstance(pillar_mix, Mapping) or not pillar_mix:
        raise InputError(
            _("pillar_mix must be a non-empty dict of pillar → share, not {value}").format(
                value=repr(pillar_mix)
            ),
            fix=_("pass e.g. {example}").format(
                example="pillar_mix={'impact': 0.5, 'education': 0.5}"
            ),
        )
    for pillar, share in pillar_mix.items():
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise InputError(
                _("the share of pillar {pillar} is {share}, not a number from 0 to 1").format(
                    pillar=repr(pillar), share=repr(share)
                ),
                fix=_("give each pillar a share such as 0.3 (30% of the posts)"),
            )
    total = sum(pillar_mix.values())
    if abs(total - 1) > 1e-6:
        scaled = {p: round(s / total, 3) for p, s in pillar_mix.items()} if total else {}
        raise InputError(
            _("the pillar_mix shares add up to {total}, not 1").format(total=f"{total:g}"),
            fix=(
                _("make them add up to 1, e.g. {example}").format(example=scaled)
                if total
                else _("make them add up to 1")
            ),
        )
    return {str(pillar): float(share) for pillar, share in pillar_mix.items()}
