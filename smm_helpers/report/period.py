"""The reporting period: which days a report covers, and the period before it to compare with.

Days are calendar days in Bangladesh (Asia/Dhaka); both ends are included.

>>> period = Period.from_dates("2025-11-01", "2025-11-30")
>>> period.days, str(period.previous())
(30, '02 Oct 2025 – 31 Oct 2025')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import format_date
from smm_helpers.schema import TIMEZONE

#: A report with no dates covers the 30 days up to the client's latest post.
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Period:
    """A run of calendar days, ``start`` to ``end`` inclusive (midnight timestamps, no zone).

    >>> Period.from_dates("2025-03-10", "2025-03-16").days
    7
    >>> Period.from_dates("2025-03-16", "2025-03-10")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: start (16 Mar 2025) is after end (10 Mar 2025)...
    """

    start: pd.Timestamp
    end: pd.Timestamp

    @classmethod
    def from_dates(cls, start: Any, end: Any) -> Period:
        """A period from two dates ("2025-11-01", a ``date`` or a ``Timestamp``)."""
        first, last = _day(start, "start"), _day(end, "end")
        if first > last:
            raise InputError(
                _("start ({start}) is after end ({end})").format(
                    start=format_date(first), end=format_date(last)
                ),
                fix=_("swap them: start is the first day of the report, end the last"),
            )
        return cls(first, last)

    @property
    def days(self) -> int:
        """How many days the period has."""
        return int((self.end - self.start).days) + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - pd.Timedelta(days=1)
        return Period(end - pd.Timedelta(days=self.days - 1), end)

    def contains(self, times: pd.Series) -> pd.Series:
        """True for each time (or date) that falls on a day of the period.

        >>> p = Period.from_dates("2025-01-01", "2025-01-31")
        >>> times = pd.Series(pd.to_datetime(["2024-12-31 23:59", "2025-01-31 23:59"]))
        >>> p.contains(times.dt.tz_localize("Asia/Dhaka")).tolist()
        [False, True]
        """
        days = local_days(times)
        return (days >= self.start) & (days <= self.end)

    def __str__(self) -> str:
        """Both ends as the chosen language writes dates, e.g. '01 Dec 2025 – 30 Dec 2025'
        or '১ ডিসেম্বর ২০২৫ – ৩০ ডিসেম্বর ২০২৫'."""
        return _("{start} – {end}").format(start=format_date(self.start), end=format_date(self.end))


def local_days(times: pd.Series) -> pd.Series:
    """The Dhaka calendar day of each time; times without a zone are taken as Dhaka time.

    >>> t = pd.Series(pd.to_datetime(["2025-01-01 20:00"])).dt.tz_localize("UTC")
    >>> local_days(t).tolist()
    [Timestamp('2025-01-02 00:00:00')]
    """
    values = pd.to_datetime(times)
    if values.dt.tz is not None:
        values = values.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    return values.dt.normalize()


def report_period(
    posts: pd.DataFrame, start: Any = None, end: Any = None, *, client: str = "nonprofit"
) -> Period:
    """The period to report on, checked against the posts the data has.

    Without ``end`` it is the day of the latest post; without ``start``, the 30 days up to
    ``end``.  A period with no posts is an error that names the days the data covers.

    >>> posts = pd.DataFrame({"published_at": pd.to_datetime(
    ...     ["2025-01-05 10:00", "2025-02-20 18:00"]).tz_localize("Asia/Dhaka")})
    >>> str(report_period(posts))
    '22 Jan 2025 – 20 Feb 2025'
    >>> report_period(posts, "2025-03-01", "2025-03-31")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the nonprofit has no posts from 01 Mar 2025 to 31 Mar 2025...
    """
    days = local_days(posts["published_at"])
    if days.empty:
        raise InputError(
            _("there are no {client} posts in the data").format(client=client),
            fix=_("check the client name and that the posts table is not empty"),
        )
    last = _day(end, "end") if end is not None else days.max()
    first = (
        _day(start, "start") if start is not None else last - pd.Timedelta(days=DEFAULT_DAYS - 1)
    )
    period = Period.from_dates(first, last)
    if not period.contains(posts["published_at"]).any():
        raise InputError(
            _("the {client} has no posts from {start} to {end}").format(
                client=client, start=format_date(period.start), end=format_date(period.end)
            ),
            fix=_("choose dates between {first} and {last}, the days its posts cover").format(
                first=format_date(days.min()), last=format_date(days.max())
            ),
        )
    return period


def _day(value: Any, name: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise InputError(
            _("{name}={value} is not a date").format(name=name, value=repr(value)),
            fix=_("write {name} as 'YYYY-MM-DD', e.g. {name}='2025-11-01'").format(name=name),
        ) from error
    if stamp is pd.NaT or pd.isna(stamp):
        raise InputError(
            _("{name} is empty").format(name=name),
            fix=_("write {name} as 'YYYY-MM-DD'").format(name=name),
        )
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(TIMEZONE).tz_localize(None)
    return stamp.normalize()
