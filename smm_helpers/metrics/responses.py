"""How well the inbox is looked after: who got an answer, and how fast.

"The worst outcome: launching a campaign and then not engaging with stakeholders" (source
article 000), and answering questions and passing complaints on fast is part of the job
(source article 004).  These functions measure it from the inbox table.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.metrics._common import local_times
from smm_helpers.schema import require_table

RESPONSE_GROUPS = ("platform", "category", "client", "language")
"""What :func:`response_summary` can group by (or ``None`` for the whole inbox)."""

RESPONSE_COLUMNS = (
    "messages",
    "answered",
    "response_rate",
    "median_hours",
    "p90_hours",
    "within_sla",
)
"""The columns of :func:`response_summary`, in order."""


def response_times(inbox: pd.DataFrame) -> pd.Series:
    """Hours from receiving each message to answering it; NaN for unanswered messages.

    Both timestamps are read in Asia/Dhaka; the result keeps the inbox's index.

    >>> inbox = pd.DataFrame({
    ...     "message_id": ["m1", "m2"],
    ...     "received_at": pd.to_datetime(["2026-11-22 09:00", "2026-11-22 10:00"]),
    ...     "responded_at": pd.to_datetime(["2026-11-22 10:30", None])})
    >>> response_times(inbox).tolist()
    [1.5, nan]
    >>> inbox.loc[0, "responded_at"] = pd.Timestamp("2026-11-22 08:00")
    >>> response_times(inbox)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'responded_at': 1 messages were answered before...
    """
    require_table(inbox, ["received_at", "responded_at"], "inbox")
    received = local_times(inbox["received_at"], "received_at")
    responded = local_times(inbox["responded_at"], "responded_at", required=False)
    hours = (responded - received).dt.total_seconds() / 3600
    early = (hours < 0).to_numpy()
    if early.any():
        labels = inbox["message_id"] if "message_id" in inbox.columns else inbox.index.to_series()
        raise DataError(
            _("{count} messages were answered before they arrived, e.g. {example}").format(
                count=digits(int(early.sum())), example=repr(labels[early].iloc[0])
            ),
            fix=_(
                "check that received_at and responded_at are not swapped and use the same timezone"
            ),
            column="responded_at",
        )
    return hours.astype("float64").rename("response_hours")


def response_rate(inbox: pd.DataFrame) -> float:
    """Share of messages that got an answer (0.9 = 90%); NaN for an empty inbox.

    Every message counts, spam included: filter the inbox first if the client's policy is
    not to answer spam.

    >>> inbox = pd.DataFrame({"received_at": pd.to_datetime(["2026-11-22 09:00"] * 4),
    ...     "responded_at": pd.to_datetime(["2026-11-22 10:00", None, "2026-11-23 08:00", None])})
    >>> response_rate(inbox)
    0.5
    >>> response_rate(inbox.drop(columns="responded_at"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'responded_at': the inbox table has no column...
    """
    hours = response_times(inbox)
    if len(hours) == 0:
        return float("nan")
    return float(hours.notna().mean())


def response_summary(
    inbox: pd.DataFrame, by: str | None = "platform", sla_hours: float = 24
) -> pd.DataFrame:
    """A **new** table of inbox service per group (``by``) or for the whole inbox (``None``).

    Columns:

    - ``messages``: messages received; ``answered``: how many got an answer;
    - ``response_rate``: answered ÷ messages;
    - ``median_hours`` and ``p90_hours``: the median and 90th percentile of the response
      time of the *answered* messages (linear interpolation); the 90th percentile shows the
      slow tail that a median hides;
    - ``within_sla``: the share of **all** messages answered within ``sla_hours`` (an
      unanswered message has missed the target, so it counts against it).

    The default target of 24 hours is a common service-level agreement (SLA); set your
    client's own.

    >>> inbox = pd.DataFrame({
    ...     "platform": ["facebook", "facebook", "facebook", "x"],
    ...     "received_at": pd.to_datetime(["2026-11-22 09:00"] * 4),
    ...     "responded_at": pd.to_datetime(["2026-11-22 10:00", "2026-11-24 09:00", None,
    ...                                     "2026-11-22 09:30"])})
    >>> table = response_summary(inbox)
    >>> table[["messages", "answered", "response_rate"]]
              messages  answered  response_rate
    platform
    facebook         3         2       0.666667
    x                1         1       1.000000
    >>> table[["median_hours", "p90_hours", "within_sla"]]
              median_hours  p90_hours  within_sla
    platform
    facebook          24.5       43.3    0.333333
    x                  0.5        0.5    1.000000
    >>> response_summary(inbox, by="mood")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'mood' is not a grouping SMM Lab knows.
    How to fix it: use one of: platform, category, client, language, None.
    """
    if by is not None and by not in RESPONSE_GROUPS:
        raise unknown_choice(_("grouping"), by, [*RESPONSE_GROUPS, "None"])
    if isinstance(sla_hours, bool) or not isinstance(sla_hours, numbers.Real) or sla_hours <= 0:
        raise InputError(
            _("sla_hours must be a positive number of hours, not {value}").format(
                value=repr(sla_hours)
            ),
            fix=_("use e.g. sla_hours=24 for 'answer within a day'"),
        )
    hours = response_times(inbox)
    if by is None:
        key = pd.Series("all messages", index=inbox.index, name="inbox")  # i18n: not shown
    else:
        require_table(inbox, [by], "inbox")
        key = inbox[by].rename(by)
    frame = pd.DataFrame(
        {
            "hours": hours,
            "answered": hours.notna(),
            "within_sla": (hours <= sla_hours).astype("float64"),
        }
    )
    groups = frame.groupby(key, observed=True, sort=True)
    table = pd.DataFrame({"messages": groups.size(), "answered": groups["answered"].sum()})
    if by is None and len(table) == 0:
        table = pd.DataFrame(
            {"messages": [0], "answered": [0]},
            index=pd.Index(["all messages"], name="inbox"),  # i18n: not shown
        )
    with np.errstate(invalid="ignore", divide="ignore"):
        table["response_rate"] = table["answered"] / table["messages"].where(table["messages"] > 0)
    table["median_hours"] = groups["hours"].median()
    table["p90_hours"] = groups["hours"].quantile(0.9)
    table["within_sla"] = groups["within_sla"].mean()
    return table.astype({"messages": "int64", "answered": "int64"})


__all__ = [
    "RESPONSE_COLUMNS",
    "RESPONSE_GROUPS",
    "response_rate",
    "response_summary",
    "response_times",
]
