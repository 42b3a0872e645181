"""The data of one review period: the tables cut to one client, the plan's platforms and days.

Days are calendar days in Asia/Dhaka.  Inbox messages classified spam (``category``
``"spam"``) are set apart, since nobody should answer them; a campaign belongs to the period
when it ran at least one day inside it.  Nothing here changes the tables it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.planning.wording import period_label
from smm_helpers.schema import TIMEZONE, require_table

__all__ = ["SPAM_CATEGORY"]

SPAM_CATEGORY = "spam"
"""The inbox ``category`` of messages nobody should answer; the inbox targets leave them out,
as lesson 01 and assignment 02 do (``inbox[inbox["category"] != "spam"]``)."""


def _local_days(values: pd.Series, column: str) -> pd.Series:
    """Calendar days in Asia/Dhaka as naive midnight timestamps."""
    try:
        times = (
            pd.to_datetime(values, format="ISO8601")
            if not pd.api.types.is_datetime64_any_dtype(values)
            else values
        )
    except (ValueError, TypeError) as error:
        raise DataError(
            _("the {column} values are not dates ({error})").format(column=column, error=error),
            fix=_("write them like 2026-01-05 10:30+06:00"),
            column=column,
        ) from None
    if isinstance(times.dtype, pd.DatetimeTZDtype):
        times = times.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    return pd.Series(times, index=values.index).dt.normalize()


def _day(value: str | date | None, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        day = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise InputError(
            _("{name}={value} is not a date").format(name=name, value=repr(value)),
            fix=_("write it like {example}").format(example=f"{name}='2026-03-31'"),
        ) from None
    if day.tzinfo is not None:
        day = day.tz_convert(TIMEZONE).tz_localize(None)
    return day.normalize()


@dataclass
class _PeriodData:
    """The tables cut to one client, the plan's platforms and the review period."""

    start: pd.Timestamp
    end: pd.Timestamp
    platforms: tuple[str, ...]
    posts: pd.DataFrame
    followers: pd.DataFrame | None
    inbox: pd.DataFrame | None
    campaigns: pd.DataFrame | None
    spam: pd.DataFrame | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def weeks(self) -> float:
        return ((self.end - self.start).days + 1) / 7

    @classmethod
    def build(
        cls,
        platforms: tuple[str, ...],
        client: str | None,
        posts: pd.DataFrame,
        followers: pd.DataFrame | None,
        inbox: pd.DataFrame | None,
        campaigns: pd.DataFrame | None,
        start: str | date | None,
        end: str | date | None,
    ) -> _PeriodData:
        posts = require_table(posts, ["published_at", "platform"], "posts")
        posts = _own_rows(client, posts, "posts")
        posts = posts.assign(_day=_local_days(posts["published_at"], "published_at"))
        posts = posts[posts["platform"].isin(platforms)]
        if posts.empty:
            raise DataError(
                _("the posts table has no posts on {platforms}").format(
                    platforms=", ".join(platforms)
                ),
                fix=_("check the plan's platforms and the client of the data"),
            )
        first, last = posts["_day"].min(), posts["_day"].max()
        day0 = _day(start, "start") or first
        day1 = _day(end, "end") or last
        if day0 > day1:
            raise InputError(
                _("start ({start}) is after end ({end})").format(
                    start=f"{day0:%Y-%m-%d}", end=f"{day1:%Y-%m-%d}"
                ),
                fix=_("swap them, or pick an earlier start"),
            )
        period = posts[(posts["_day"] >= day0) & (posts["_day"] <= day1)]
        if period.empty:
            raise InputError(
                _("There are no posts on {platforms} between {start} and {end}").format(
                    platforms=", ".join(platforms), start=f"{day0:%Y-%m-%d}", end=f"{day1:%Y-%m-%d}"
                ),
                fix=_(
                    "the posts table covers {first} to {last}; choose start and end inside it"
                ).format(first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}"),
            )
        messages = _cut(platforms, client, inbox, "inbox", "received_at", day0, day1)
        spam = None
        if messages is not None:
            is_spam = _is_spam(messages)
            messages, spam = messages[~is_spam], messages[is_spam]
        extra = {
            "posts_first": first,
            "posts_last": last,
            "posts_before": posts[posts["_day"] <= day0],
            "followers_before": _cut(platforms, client, followers, "followers", "date", None, day0),
        }
        return cls(
            day0,
            day1,
            platforms,
            period,
            _cut(platforms, client, followers, "followers", "date", day0, day1),
            messages,
            _cut_campaigns(platforms, client, campaigns, day0, day1),
            spam,
            extra,
        )


def _is_spam(inbox: pd.DataFrame) -> pd.Series:
    """True for messages classified spam (category 'spam'), as lesson 01 leaves them out."""
    if "category" not in inbox.columns:
        return pd.Series(False, index=inbox.index)
    category = inbox["category"].astype("string").str.strip().str.casefold()
    return (category == SPAM_CATEGORY).fillna(False).astype(bool)


def _own_rows(client: str | None, frame: pd.DataFrame, name: str) -> pd.DataFrame:
    if "client" not in frame.columns:
        return frame
    if client is not None:
        return frame[frame["client"] == client]
    clients = sorted(map(str, pd.unique(frame["client"].dropna())))
    if len(clients) > 1:
        raise InputError(
            _("The {name} table holds rows of several clients ({clients})").format(
                name=name, clients=", ".join(clients)
            ),
            fix=_("say whose plan it is, e.g. {example}").format(
                example=f"SocialMediaPlan(..., client={clients[0]!r})"
            ),
        )
    return frame


def _cut(
    platforms: tuple[str, ...],
    client: str | None,
    frame: pd.DataFrame | None,
    name: str,
    column: str,
    day0: pd.Timestamp | None,
    day1: pd.Timestamp,
) -> pd.DataFrame | None:
    """The rows of one client and the plan's platforms from day0 (None: any day) to day1."""
    if frame is None:
        return None
    frame = _own_rows(client, require_table(frame, [column, "platform"], name), name)
    frame = frame.assign(_day=_local_days(frame[column], column))
    keep = (frame["_day"] <= day1) & frame["platform"].isin(platforms)
    if day0 is not None:
        keep &= frame["_day"] >= day0
    return frame[keep]


def _cut_campaigns(
    platforms: tuple[str, ...],
    client: str | None,
    frame: pd.DataFrame | None,
    day0: pd.Timestamp,
    day1: pd.Timestamp,
) -> pd.DataFrame | None:
    """Campaigns that ran at least one day inside the period (their totals are not split)."""
    if frame is None:
        return None
    frame = _own_rows(
        client,
        require_table(frame, ["start_date", "end_date", "platform"], "campaigns"),
        "campaigns",
    )
    first = _local_days(frame["start_date"], "start_date")
    last = _local_days(frame["end_date"], "end_date")
    keep = (first <= day1) & (last >= day0) & frame["platform"].isin(platforms)
    return frame[keep]


def _coverage_note(data: _PeriodData) -> str:
    """Say so when the posts table does not reach the first or the last day of the period."""
    first, last = data.extra["posts_first"], data.extra["posts_last"]
    if first <= data.start and last >= data.end:
        return ""
    return _("the posts table only runs {period}").format(
        period=period_label(first.date(), last.date())
    )
