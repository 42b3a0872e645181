"""How fast the inbox was answered, per platform and category, against a service level (SLA).

Hours are counted on the Asia/Dhaka clock, or in business hours (Sunday–Thursday) when asked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import TIMEZONE, require_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["INBOX_TIME_COLUMNS", "ResponseReport", "response_time_report"]

INBOX_TIME_COLUMNS = ("message_id", "platform", "category", "received_at", "responded_at")


def _local_naive(values: pd.Series) -> pd.Series:
    """Timestamps as Asia/Dhaka wall-clock time without a zone (naive ones are taken as local)."""
    import pandas as pd  # heavy: loaded on first use

    stamps = pd.to_datetime(values)
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    return stamps


def _business_clock(stamps: pd.Series, start: int, end: int, weekmask: str) -> Any:
    """Business hours elapsed since 1970-01-01 at each timestamp (NaN stays NaN)."""
    import numpy as np  # heavy: loaded on first use

    valid = stamps.notna().to_numpy()
    out = np.full(len(stamps), np.nan)
    if not valid.any():
        return out
    moments = stamps[valid]
    days = moments.dt.normalize()
    day_numbers = days.to_numpy().astype("datetime64[D]")
    full_days = np.busday_count(np.datetime64("1970-01-01"), day_numbers, weekmask=weekmask)
    hour_of_day = (moments - days).dt.total_seconds().to_numpy() / 3600
    is_workday = np.is_busday(day_numbers, weekmask=weekmask)
    today = np.where(is_workday, np.clip(hour_of_day, start, end) - start, 0.0)
    out[valid] = full_days * (end - start) + today
    return out


def _hours_between(start: pd.Series, end: pd.Series, business_hours: tuple[int, int] | None) -> Any:
    if business_hours is None:
        return ((end - start).dt.total_seconds() / 3600).to_numpy()
    first, last = business_hours
    # Mon–Thu and Sun work; Bangladesh's weekend is Fri–Sat (sources.md#bd-weekend)
    weekmask = "1111001"
    return _business_clock(end, first, last, weekmask) - _business_clock(
        start, first, last, weekmask
    )


@dataclass
class ResponseReport:
    """How fast the inbox was answered, against a service level (SLA) in hours.

    ``table`` has one row per platform and category: ``messages``, ``answered``,
    ``response_rate``, ``median_hours`` and ``p90_hours`` (of answered messages),
    ``within_sla`` (share of *due* messages answered within the SLA; a message still
    unanswered but younger than the SLA is not due yet) and ``breaches``.
    ``breaches`` lists every late answer and every unanswered message older than the SLA.
    """

    sla_hours: float
    now: pd.Timestamp
    business_hours: tuple[int, int] | None
    table: pd.DataFrame
    breaches: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"ResponseReport(sla_hours={self.sla_hours:g}, now={self.now}, "
            f"messages={int(self.table['messages'].sum())}, breaches={len(self.breaches)})"
        )

    def _clock(self) -> str:
        if self.business_hours is None:
            return _("clock hours")
        first, last = self.business_hours
        return _("business hours {first}:00–{last}:00, Sun–Thu").format(
            first=digits(first), last=digits(last)
        )

    def _repr_html_(self) -> str:
        sentence = _(
            "Service level: answer within <b>{hours} h</b> ({clock}); measured at "
            "{now}. <b>{breaches}</b> breaches."
        ).format(
            hours=digits(f"{self.sla_hours:g}"),
            clock=html.escape(self._clock()),
            now=html.escape(digits(self.now)),
            breaches=digits(len(self.breaches)),
        )
        return f"<div><p>{sentence}</p>{self.table.round(2).to_html()}</div>"


def response_time_report(
    inbox: pd.DataFrame,
    *,
    sla_hours: float = 24,
    business_hours: tuple[int, int] | None = None,
    now: Any = None,
) -> ResponseReport:
    """Response rate and speed per platform and category, against a service level.

    ``now`` defaults to the latest ``received_at`` in the data, so the report is the same
    every time it runs.  Unanswered messages count as breaches once they are older than
    ``sla_hours`` at ``now``.  ``business_hours=(9, 18)`` counts only the hours from 9:00
    to 18:00 (Asia/Dhaka) on Sunday–Thursday.  The caller's DataFrame is not changed.

    >>> import pandas as pd
    >>> inbox = pd.DataFrame({
    ...     "message_id": ["m1", "m2", "m3"], "platform": ["facebook"] * 3,
    ...     "category": ["question"] * 3,
    ...     "received_at": pd.to_datetime(["2026-11-01 09:00", "2026-11-01 10:00",
    ...                                    "2026-11-03 10:00"]),
    ...     "responded_at": pd.to_datetime(["2026-11-01 11:00", None, None])})
    >>> report = response_time_report(inbox, sla_hours=24)
    >>> report.table[["messages", "answered", "median_hours", "within_sla", "breaches"]]
                       messages  answered  median_hours  within_sla  breaches
    platform category
    facebook question         3         1           2.0         0.5         1
    >>> report.breaches[["message_id", "status", "hours"]]
      message_id      status  hours
    0         m2  unanswered   48.0
    >>> response_time_report(inbox, sla_hours=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: sla_hours must be a positive number of hours, not 0.
    How to fix it: use e.g. sla_hours=24 for 'answer within a day'.
    """
    import numpy as np  # heavy: loaded on first use
    import pandas as pd  # heavy: loaded on first use

    require_table(inbox, INBOX_TIME_COLUMNS, "inbox")
    if isinstance(sla_hours, bool) or not isinstance(sla_hours, int | float) or sla_hours <= 0:
        raise InputError(
            _("sla_hours must be a positive number of hours, not {value}").format(
                value=repr(sla_hours)
            ),
            fix=_("use e.g. sla_hours=24 for 'answer within a day'"),
        )
    if business_hours is not None:
        first, last = business_hours
        if not (0 <= first < last <= 24):
            raise InputError(
                _("business_hours {value} is not an opening time").format(
                    value=repr(business_hours)
                ),
                fix=_("give (opening hour, closing hour), e.g. (9, 18)"),
            )
    frame = inbox.copy()
    received = _local_naive(frame["received_at"])
    responded = _local_naive(frame["responded_at"])
    if received.isna().any():
        raise DataError(
            _("some messages have no received_at time"),
            fix=_("every message needs the time it arrived"),
            column="received_at",
        )
    now_local = received.max() if now is None else _local_naive(pd.Series([now])).iloc[0]
    answered = responded.notna()
    hours = _hours_between(received, responded, business_hours)
    age = _hours_between(received, pd.Series(now_local, index=received.index), business_hours)
    frame["answered"] = answered.to_numpy()
    frame["hours"] = np.where(answered, hours, age)
    frame["late"] = answered.to_numpy() & (hours > sla_hours)
    frame["overdue"] = ~answered.to_numpy() & (age > sla_hours)
    frame["due"] = answered.to_numpy() | frame["overdue"].to_numpy()
    frame["on_time"] = answered.to_numpy() & (hours <= sla_hours)
    frame["answer_hours"] = np.where(answered, hours, np.nan)
    grouped = frame.groupby(["platform", "category"], observed=True, sort=True)
    table = pd.DataFrame(
        {
            "messages": grouped.size(),
            "answered": grouped["answered"].sum(),
            "median_hours": grouped["answer_hours"].median(),
            "p90_hours": grouped["answer_hours"].quantile(0.9),
            "due": grouped["due"].sum(),
            "on_time": grouped["on_time"].sum(),
            "breaches": grouped["late"].sum() + grouped["overdue"].sum(),
        }
    )
    table.insert(2, "response_rate", table["answered"] / table["messages"])
    table["within_sla"] = table["on_time"] / table["due"].replace(0, np.nan)
    table = table.drop(columns=["due", "on_time"])
    table = table[
        [
            "messages",
            "answered",
            "response_rate",
            "median_hours",
            "p90_hours",
            "within_sla",
            "breaches",
        ]
    ]
    broken = frame[frame["late"] | frame["overdue"]].copy()
    broken["status"] = np.where(broken["answered"], "late", "unanswered")
    keep = [
        c
        for c in (
            "message_id",
            "client",
            "platform",
            "category",
            "received_at",
            "responded_at",
            "status",
            "hours",
        )
        if c in broken.columns
    ]
    breaches = broken[keep].sort_values("hours", ascending=False).reset_index(drop=True)
    return ResponseReport(float(sla_hours), now_local, business_hours, table, breaches)
