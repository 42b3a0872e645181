"""Fake engagement: bought followers, bot likes, templated comments and comment bursts.

Fake followers, views and likes are banned as *fake indicators of social media influence*
by the FTC's Consumer Reviews and Testimonials rule, 16 CFR Part 465, §465.8
(sources.md#ftc-reviews-rule).  :func:`detect_fake_engagement` looks for their traces in
the course's tables; each finding is a reason to look, not proof.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from smm_helpers.errors import InputError
from smm_helpers.ethics._common import FTC_465
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import ENGAGEMENT_COLUMNS, require_table

if TYPE_CHECKING:
    import pandas as pd


def _robust_z(values: Any) -> Any:
    """(x − median) / (1.4826 × MAD): a z-score that one outlier cannot hide behind."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    median = np.nanmedian(values)
    mad = np.nanmedian(np.abs(values - median)) * 1.4826
    if not mad or math.isnan(mad):
        mad = np.nanmean(np.abs(values - median)) * 1.2533 or 1.0
    return (values - median) / mad


FINDING_NAMES = {
    "follower_spikes": N_("follower spikes"),
    "like_spikes": N_("like spikes"),
    "templated_comments": N_("templated comments"),
    "comment_bursts": N_("comment bursts"),
}
"""Each table of a ``FakeEngagementReport`` and its heading."""


@dataclass
class FakeEngagementReport:
    """What ``detect_fake_engagement`` found; each table lists one kind of suspicion."""

    follower_spikes: pd.DataFrame
    like_spikes: pd.DataFrame
    templated_comments: pd.DataFrame
    comment_bursts: pd.DataFrame
    notes: tuple[str, ...] = field(default=(FTC_465,))

    def __len__(self) -> int:
        return (
            len(self.follower_spikes)
            + len(self.like_spikes)
            + len(self.templated_comments)
            + len(self.comment_bursts)
        )

    def __repr__(self) -> str:
        return (
            f"FakeEngagementReport(follower_spikes={len(self.follower_spikes)}, "
            f"like_spikes={len(self.like_spikes)}, "
            f"templated_comments={len(self.templated_comments)}, "
            f"comment_bursts={len(self.comment_bursts)})"
        )

    def _repr_html_(self) -> str:
        head = ngettext(
            "{title} ({count} finding; {source})", "{title} ({count} findings; {source})", len(self)
        ).format(
            title="<b>" + html.escape(_("Possible fake engagement")) + "</b>",
            count=digits(len(self)),
            source=html.escape(_(FTC_465)),
        )
        parts = [f"<p>{head}</p>"]
        for name, title in FINDING_NAMES.items():
            table = getattr(self, name)
            parts.append(f"<h4>{html.escape(_(title))} ({digits(len(table))})</h4>")
            if len(table):
                parts.append(table.head(20).to_html())
        return "<div>" + "".join(parts) + "</div>"


def _follower_spikes(
    posts: pd.DataFrame, followers: pd.DataFrame, threshold: float, min_ratio: float, min_gain: int
) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    frame = followers.sort_values(["client", "platform", "date"]).copy()
    frame["date"] = pd.to_datetime(frame["date"]).dt.normalize()
    frame["gain"] = frame.groupby(["client", "platform"])["followers"].diff()
    frame["gain_z"] = frame.groupby(["client", "platform"])["gain"].transform(_robust_z)
    usual = frame.groupby(["client", "platform"])["gain"].transform("median").clip(lower=1)
    frame["times_usual"] = frame["gain"] / usual
    engagement = (
        posts.assign(
            date=local_day(posts["published_at"]),
            engagement=posts[list(ENGAGEMENT_COLUMNS)].sum(axis=1),
        )
        .groupby(["client", "platform", "date"], as_index=False)["engagement"]
        .sum()
    )
    engagement["engagement_z"] = engagement.groupby(["client", "platform"])["engagement"].transform(
        _robust_z
    )
    frame = frame.merge(engagement, on=["client", "platform", "date"], how="left")
    frame["engagement"] = frame["engagement"].fillna(0)
    frame["engagement_z"] = frame["engagement_z"].fillna(0.0)
    suspicious = (
        (frame["gain_z"] > threshold)
        & (frame["times_usual"] >= min_ratio)
        & (frame["gain"] >= min_gain)
        & (frame["engagement_z"] < threshold / 2)
    )
    out = frame.loc[
        suspicious,
        [
            "client",
            "platform",
            "date",
            "gain",
            "times_usual",
            "gain_z",
            "engagement",
            "engagement_z",
        ],
    ].copy()
    out["reason"] = [
        _(
            "followers jumped by {gain} ({times}× a usual day, robust z {z}) while "
            "engagement that day was ordinary (z {engagement_z})"
        ).format(
            gain=format_number(g),
            times=digits(f"{t:.0f}"),
            z=digits(f"{z:.1f}"),
            engagement_z=digits(f"{e:.1f}"),
        )
        for g, t, z, e in zip(
            out["gain"], out["times_usual"], out["gain_z"], out["engagement_z"], strict=True
        )
    ]
    return out.reset_index(drop=True).astype({"gain": np.int64})


def local_day(stamps: pd.Series) -> pd.Series:
    import pandas as pd

    stamps = pd.to_datetime(stamps)
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("Asia/Dhaka").dt.tz_localize(None)
    return stamps.dt.normalize()


def _like_spikes(posts: pd.DataFrame, threshold: float) -> pd.DataFrame:
    import numpy as np

    frame = posts.copy()
    talk = frame["comments"] + frame["shares"] + frame["saves"]
    frame["log_likes_per_reach"] = np.log((frame["reactions"] + 1) / frame["reach"].clip(lower=1))
    frame["log_likes_per_talk"] = np.log((frame["reactions"] + 1) / (talk + 1))
    groups = frame.groupby(["client", "platform"])
    frame["reach_z"] = groups["log_likes_per_reach"].transform(_robust_z)
    frame["talk_z"] = groups["log_likes_per_talk"].transform(_robust_z)
    suspicious = (frame["reach_z"] > threshold) & (frame["talk_z"] > threshold)
    out = frame.loc[
        suspicious,
        ["post_id", "client", "platform", "reactions", "reach", "comments", "reach_z", "talk_z"],
    ].copy()
    out["reason"] = [
        _(
            "{reactions} reactions stand out against a reach of {reach} (robust z "
            "{z}) and against the comments, shares and saves (z {talk_z})"
        ).format(
            reactions=_count(r), reach=_count(h), z=digits(f"{z:.1f}"), talk_z=digits(f"{t:.1f}")
        )
        for r, h, z, t in zip(
            out["reactions"], out["reach"], out["reach_z"], out["talk_z"], strict=True
        )
    ]
    return out.reset_index(drop=True)


def _count(value: Any) -> str:
    """A count from a table as the chosen language writes it (1,234 or ১,২৩৪)."""
    if isinstance(value, numbers.Integral):
        return format_number(int(value))
    return digits(f"{value:,}")


def _skeleton(text: str) -> str:
    """Lower-case text without mentions, links, numbers, emoji and punctuation."""
    text = regex.sub(r"@\w+|https?://\S+|www\.\S+", " ", str(text).lower())
    text = regex.sub(r"[^\p{L}\p{M}\s]", " ", text)
    return " ".join(text.split())


def _templated_comments(comments: pd.DataFrame, min_copies: int) -> pd.DataFrame:
    import pandas as pd

    frame = comments.assign(skeleton=comments["text"].map(_skeleton))
    frame = frame[frame["skeleton"].str.len() > 0]
    grouped = frame.groupby("skeleton")
    table = pd.DataFrame(
        {
            "copies": grouped.size(),
            "authors": grouped["author"].nunique(),
            "posts": grouped["post_id"].nunique(),
            "example": grouped["text"].first(),
        }
    )
    if "author_age_days" in frame.columns:
        table["share_new_accounts"] = grouped["author_age_days"].apply(lambda s: (s < 30).mean())
    table = table[(table["copies"] >= min_copies) & (table["authors"] >= min_copies)]
    table = table.sort_values("copies", ascending=False).reset_index()
    table["reason"] = [
        _("{copies} near-identical comments from {authors} accounts").format(
            copies=digits(c), authors=digits(a)
        )
        for c, a in zip(table["copies"], table["authors"], strict=True)
    ]
    return table


def _comment_bursts(comments: pd.DataFrame, window_minutes: int, min_burst: int) -> pd.DataFrame:
    import pandas as pd

    frame = comments.assign(timestamp=pd.to_datetime(comments["timestamp"]), one=1.0)
    frame = frame.sort_values(["post_id", "timestamp"])
    rows = []
    for post_id, group in frame.groupby("post_id", sort=True):
        counts = group.rolling(f"{window_minutes}min", on="timestamp")["one"].sum().to_numpy()
        peak = int(counts.max())
        span_hours = max(
            (group["timestamp"].max() - group["timestamp"].min()).total_seconds() / 3600,
            window_minutes / 60,
        )
        usual = len(group) / span_hours * window_minutes / 60
        if peak >= min_burst and peak >= 5 * usual:
            at = group["timestamp"].iloc[int(counts.argmax())]
            rows.append(
                {
                    "post_id": post_id,
                    "peak": peak,
                    "window_minutes": window_minutes,
                    "usual": round(usual, 2),
                    "at": at,
                    "reason": _(
                        "{peak} comments within {minutes} minutes; usual pace is "
                        "{usual} per {minutes} minutes"
                    ).format(
                        peak=digits(peak),
                        minutes=digits(window_minutes),
                        usual=digits(f"{usual:.1f}"),
                    ),
                }
            )
    return pd.DataFrame(
        rows, columns=["post_id", "peak", "window_minutes", "usual", "at", "reason"]
    )


def detect_fake_engagement(
    posts: pd.DataFrame,
    followers: pd.DataFrame,
    *,
    comments: pd.DataFrame | None = None,
    threshold: float = 5.0,
    min_ratio: float = 8.0,
    min_gain: int = 100,
    like_threshold: float = 2.5,
    min_copies: int = 3,
    window_minutes: int = 10,
    min_burst: int = 8,
) -> FakeEngagementReport:
    """Look for bought followers, bot likes, templated comments and comment bursts.

    1. **Follower spikes**: a day's follower gain has a robust z-score above ``threshold``
       (per client and platform) *and* is at least ``min_ratio`` times the usual (median)
       daily gain, while that day's engagement is ordinary.  Special days triple organic
       gains in the course data; a bought pack is an order of magnitude above a usual day.
       Gains below ``min_gain`` are ignored: followers are sold in packs of hundreds.
    2. **Like spikes**: a post's reactions stand out (robust z above ``like_threshold``)
       both against its reach *and* against its comments, shares and saves: likes that
       nobody talks about.
    3. **Templated comments** (needs ``comments`` with post_id, author, text, timestamp):
       the same text after removing mentions, links, numbers and emoji, from
       ``min_copies`` or more accounts (``author_age_days`` < 30 counted when present).
    4. **Comment bursts**: ``min_burst`` or more comments on one post within
       ``window_minutes``, at least 5× the post's usual pace.

    Each finding is a reason to look, not proof.  The caller's DataFrames are not changed.

    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=30)
    >>> gains = [20 + (i * 7) % 5 for i in range(30)]
    >>> gains[20] = 2000
    >>> followers = pd.DataFrame({"date": days, "client": "business",
    ...                           "platform": "instagram",
    ...                           "followers": pd.Series(gains).cumsum() + 5000})
    >>> posts = pd.DataFrame(columns=["post_id", "client", "platform", "published_at",
    ...     "reach", "reactions", "comments", "shares", "saves"])
    >>> report = detect_fake_engagement(posts, followers)
    >>> report.follower_spikes[["date", "gain"]]
            date  gain
    0 2026-01-21  2000
    >>> detect_fake_engagement(posts, followers.drop(columns="followers"))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'followers': the followers table has no column 'followers' (it has: date, client, ...
    """  # noqa: E501
    import pandas as pd

    require_table(
        posts,
        ["post_id", "client", "platform", "published_at", "reach", *ENGAGEMENT_COLUMNS],
        "posts",
    )
    require_table(followers, ["date", "client", "platform", "followers"], "followers")
    if threshold <= 0:
        raise InputError(
            _("threshold must be positive, not {value}").format(value=repr(threshold)),
            fix=_("use a robust z-score such as 5 (lower finds more, wrongly too)"),
        )
    empty = pd.DataFrame()
    templated, bursts = empty, empty
    if comments is not None:
        require_table(comments, ["post_id", "author", "text", "timestamp"], "comments")
        templated = _templated_comments(comments, min_copies)
        bursts = _comment_bursts(comments, window_minutes, min_burst)
    return FakeEngagementReport(
        _follower_spikes(posts, followers, threshold, min_ratio, min_gain),
        _like_spikes(posts, like_threshold) if len(posts) else empty,
        templated,
        bursts,
    )
