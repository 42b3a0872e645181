"""The escalation queue: what a person must see first in an inbox, and why.

Every unanswered complaint, and every unanswered message whose urgency is high or critical,
most urgent first, then oldest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smm_helpers.community.classify import _classify_rows, triage
from smm_helpers.community.labels import category_name
from smm_helpers.community.responses import _local_naive
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import require_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["escalation_queue"]


def escalation_queue(inbox: pd.DataFrame, *, now: Any = None) -> pd.DataFrame:
    """Unanswered complaints and urgent messages, most urgent first, then oldest first.

    Two rules decide who is in the queue:

    * every unanswered **complaint**, however calm;
    * every unanswered message whose urgency is **high or critical**, whatever its
      category: a question, a review, or an "other" such as "my son's photo is on your
      page, remove it".  A category can be wrong; a person must still see these.

    Urgency comes from the message text (``urgency_of``): child safety, consent and
    privacy, threats, self-harm, abuse, legal action (*critical*); refund, scam, an image
    to take down, "urgent"/"জরুরি" (*high*).  Uses the ``category`` column; rows without
    one are classified.  Returns a new DataFrame with ``age_hours``, ``urgency``,
    ``urgency_label`` and ``reason``.

    >>> import pandas as pd
    >>> inbox = pd.DataFrame({
    ...     "message_id": ["a", "b", "c", "d"],
    ...     "category": ["complaint", "complaint", "praise", "other"],
    ...     "text": ["Parcel was late", "This is a scam, refund me", "Thanks!",
    ...              "My son's photo is on your page, remove it"],
    ...     "received_at": pd.to_datetime(["2026-11-01 08:00", "2026-11-01 12:00",
    ...                                    "2026-11-01 09:00", "2026-11-01 18:00"]),
    ...     "responded_at": pd.NaT})
    >>> escalation_queue(inbox, now="2026-11-02 08:00")[["message_id", "category",
    ...                                                   "age_hours", "urgency_label"]]
      message_id   category  age_hours urgency_label
    0          d      other       14.0      critical
    1          b  complaint       20.0          high
    2          a  complaint       24.0        normal
    >>> escalation_queue(inbox.drop(columns="text"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'text': the inbox table has no column 'text' (it has: message_id, category, ...
    """  # noqa: E501
    import pandas as pd  # heavy: loaded on first use

    require_table(inbox, ["message_id", "text", "received_at", "responded_at"], "inbox")
    frame = inbox.copy()
    if "category" not in frame.columns:
        frame["category"] = triage(frame)["predicted_category"]
    received = _local_naive(frame["received_at"])
    now_local = received.max() if now is None else _local_naive(pd.Series([now])).iloc[0]
    open_ = frame[_local_naive(frame["responded_at"]).isna().to_numpy()].copy()
    verdicts = _classify_rows(open_)
    open_["urgency"] = [v.urgency for v in verdicts]
    open_["urgency_label"] = [v.urgency_label for v in verdicts]
    open_["reason"] = [
        "; ".join(v.urgency_reasons) or _("unanswered {category}").format(category=category_name(c))
        for v, c in zip(verdicts, open_["category"], strict=True)
    ]
    open_["age_hours"] = (now_local - received[open_.index]).dt.total_seconds() / 3600
    keep = (open_["category"] == "complaint") | (open_["urgency"] >= 2)
    queue = open_[keep].sort_values(["urgency", "age_hours"], ascending=[False, False])
    return queue.reset_index(drop=True)
