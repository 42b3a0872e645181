"""How well does ``detect_fake_engagement`` work?  Inject known fake traffic, then count.

:func:`inject_fake_engagement` adds bought-follower jumps and bot-like packs to copies of the
tables and says where they are; :func:`evaluate_fake_engagement` runs the detector on them,
seed after seed, and gives its precision and recall.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smm_helpers.errors import InputError
from smm_helpers.ethics.fake_engagement import detect_fake_engagement, local_day
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import ENGAGEMENT_COLUMNS, require_table

if TYPE_CHECKING:
    import pandas as pd


def inject_fake_engagement(
    posts: pd.DataFrame, followers: pd.DataFrame, *, seed: int, n_events: int = 4
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Add known fake traffic to copies of the tables, and say where it is (for practice).

    * ``bought_followers``: ``n_events`` times, an account jumps by 1–5% of its followers
      (at least 300) in one day and keeps them, with no extra engagement.
    * ``bot_likes``: ``n_events`` posts get a pack of likes worth 3–8× their own reactions
      (at least 90 extra) with no extra reach, comments or shares.

    Returns ``(posts, followers, labels)``; ``labels`` has kind, client, platform, date,
    post_id and size.  The caller's DataFrames are not changed.

    >>> import pandas as pd
    >>> followers = pd.DataFrame({"date": pd.date_range("2026-01-01", periods=30),
    ...     "client": "nonprofit", "platform": "facebook", "followers": range(1000, 1030)})
    >>> posts = pd.DataFrame({"post_id": ["p1"], "client": "nonprofit",
    ...     "platform": "facebook", "published_at": pd.Timestamp("2026-01-05"),
    ...     "reach": 900, "reactions": 40, "comments": 3, "shares": 1, "saves": 0})
    >>> new_posts, new_followers, labels = inject_fake_engagement(posts, followers, seed=1,
    ...                                                           n_events=1)
    >>> labels["kind"].tolist()
    ['bought_followers', 'bot_likes']
    >>> int(new_posts.loc[0, "reactions"]) > 40, int(posts.loc[0, "reactions"])
    (True, 40)
    >>> inject_fake_engagement(posts, followers, seed=1, n_events=0)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: n_events must be a whole number >= 1, not 0.
    How to fix it: e.g. n_events=4 injects 4 bought-follower jumps and 4 bot-like packs.
    """
    import numpy as np
    import pandas as pd

    require_table(
        posts,
        ["post_id", "client", "platform", "published_at", "reach", *ENGAGEMENT_COLUMNS],
        "posts",
    )
    require_table(followers, ["date", "client", "platform", "followers"], "followers")
    if isinstance(n_events, bool) or not isinstance(n_events, int) or n_events < 1:
        raise InputError(
            _("n_events must be a whole number >= 1, not {value}").format(value=repr(n_events)),
            fix=_("e.g. n_events=4 injects 4 bought-follower jumps and 4 bot-like packs"),
        )
    rng = np.random.default_rng(seed)
    posts, followers = posts.copy(), followers.copy()
    labels = []
    dates = pd.to_datetime(followers["date"]).dt.normalize()
    series = followers[["client", "platform"]].drop_duplicates().to_numpy()
    used: set[tuple[str, str, pd.Timestamp]] = set()
    for _event in range(n_events):
        client, platform = series[rng.integers(len(series))]
        in_series = (followers["client"] == client) & (followers["platform"] == platform)
        days = np.sort(dates[in_series].unique())
        if len(days) < 10:
            continue
        day = pd.Timestamp(days[rng.integers(7, len(days))])
        if (client, platform, day) in used:
            continue
        used.add((client, platform, day))
        level = int(followers.loc[in_series & (dates == day), "followers"].to_numpy()[0])
        size = max(300, round(rng.uniform(0.01, 0.05) * level))
        followers.loc[in_series & (dates >= day), "followers"] += size
        if "followers" in posts.columns:
            later = (
                (posts["client"] == client)
                & (posts["platform"] == platform)
                & (local_day(posts["published_at"]) >= day)
            )
            posts.loc[later, "followers"] += size
        labels.append(
            {
                "kind": "bought_followers",
                "client": client,
                "platform": platform,
                "date": day,
                "post_id": None,
                "size": size,
            }
        )
    if len(posts):
        chosen = rng.choice(len(posts), size=min(n_events, len(posts)), replace=False)
        for position in sorted(chosen):
            index = posts.index[position]
            own = int(posts["reactions"].to_numpy()[position])
            size = round(rng.uniform(3, 8) * max(own, 30))
            posts.at[index, "reactions"] = own + size
            labels.append(
                {
                    "kind": "bot_likes",
                    "client": posts.at[index, "client"],
                    "platform": posts.at[index, "platform"],
                    "date": local_day(posts.loc[[index], "published_at"]).iloc[0],
                    "post_id": posts.at[index, "post_id"],
                    "size": size,
                }
            )
    return (
        posts,
        followers,
        pd.DataFrame(labels, columns=["kind", "client", "platform", "date", "post_id", "size"]),
    )


@dataclass
class FakeEngagementEvaluation:
    """Precision and recall of ``detect_fake_engagement`` against injected fake traffic."""

    table: pd.DataFrame
    per_seed: pd.DataFrame = field(repr=False)

    def __repr__(self) -> str:
        rows = ", ".join(
            f"{kind}: precision {r.precision:.2f}, recall {r.recall:.2f}"
            for kind, r in self.table.iterrows()
        )
        return f"FakeEngagementEvaluation({rows})"

    def _repr_html_(self) -> str:
        title = html.escape(_("Fake-engagement detector vs injected fake traffic"))
        return f"<div><p><b>{title}</b></p>{self.table.round(2).to_html()}</div>"


def evaluate_fake_engagement(
    seeds: Iterable[int] = range(5),
    *,
    posts: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
    n_events: int = 4,
) -> FakeEngagementEvaluation:
    """Inject fake traffic with each seed, run the detector, and count hits and false alarms.

    Without ``posts``/``followers`` each seed generates fresh course data with
    ``smm_helpers.datasets.generate(1_000, seed=seed)``; with them, the same tables get a
    different injection per seed.  A bought-follower event is found when its (client,
    platform, date) is flagged; a bot-like pack when its post is flagged.  Every other
    flag counts against precision, organic surprises included.

    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=60)
    >>> followers = pd.DataFrame({"date": days, "client": "business",
    ...     "platform": "instagram", "followers": [5000 + 25 * i for i in range(60)]})
    >>> posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(30)], "client": "business",
    ...     "platform": "instagram", "published_at": days[::2], "reach": 1000,
    ...     "reactions": [50 + i % 7 for i in range(30)], "comments": 5, "shares": 2,
    ...     "saves": 1})
    >>> result = evaluate_fake_engagement(range(2), posts=posts, followers=followers)
    >>> result.table[["injected", "precision", "recall"]]
                      injected  precision  recall
    kind
    bot_likes                8        1.0     1.0
    bought_followers         8        1.0     1.0
    >>> evaluate_fake_engagement([], posts=posts, followers=followers)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: seeds is empty.
    How to fix it: pass one or more seeds, e.g. seeds=range(5).
    """
    import pandas as pd

    seeds = list(seeds)
    if not seeds:
        raise InputError(_("seeds is empty"), fix=_("pass one or more seeds, e.g. seeds=range(5)"))
    if (posts is None) != (followers is None):
        raise InputError(
            _("pass both posts and followers, or neither"),
            fix=_("leave both out to use generated course data"),
        )
    rows = []
    for seed in seeds:
        if posts is None or followers is None:
            from smm_helpers.datasets import generate  # heavy: pandas, on first use

            data = generate(1_000, seed=seed)
            base_posts, base_followers = data.posts, data.followers
        else:
            base_posts, base_followers = posts, followers
        new_posts, new_followers, labels = inject_fake_engagement(
            base_posts, base_followers, seed=seed, n_events=n_events
        )
        report = detect_fake_engagement(new_posts, new_followers)  # the defaults, as shipped
        spikes = report.follower_spikes
        flagged_days = {
            (c, p, pd.Timestamp(d))
            for c, p, d in zip(spikes["client"], spikes["platform"], spikes["date"], strict=True)
        }
        bought = labels[labels["kind"] == "bought_followers"]
        true_days = {
            (c, p, pd.Timestamp(d))
            for c, p, d in zip(bought["client"], bought["platform"], bought["date"], strict=True)
        }
        likes = report.like_spikes
        flagged_posts = set(likes["post_id"]) if len(likes) else set()
        true_posts = set(labels.loc[labels["kind"] == "bot_likes", "post_id"])
        for kind, truth, flagged in (
            ("bought_followers", true_days, flagged_days),
            ("bot_likes", true_posts, flagged_posts),
        ):
            rows.append(
                {
                    "seed": seed,
                    "kind": kind,
                    "injected": len(truth),
                    "flagged": len(flagged),
                    "found": len(truth & flagged),
                }
            )
    per_seed = pd.DataFrame(rows)
    table = per_seed.groupby("kind")[["injected", "flagged", "found"]].sum()
    table["precision"] = table["found"] / table["flagged"].where(table["flagged"] > 0)
    table["recall"] = table["found"] / table["injected"].where(table["injected"] > 0)
    return FakeEngagementEvaluation(table, per_seed)
