"""One seeded generator for all four course tables, at any size from 1,000 to 10,000,000 posts.

Design choices a learner may want to know:

* **A year, always.** The data covers 1 January to 31 December of ``year``.  The default
  size is what the two clients really post in a year (each profile's ``posts_per_week``);
  a larger ``n_posts`` keeps the same year and the same accounts and simply posts more
  per day, so every rate (engagement per follower, reach per follower, costs) keeps its
  calibrated value.  The daily ``followers`` table therefore always has one row per day
  per account (12 accounts); the inbox grows with the posts (0.75 messages per post) and
  so do the campaigns (one per 39 posts, at least 12: 34 in the default year).
* **Vectorised.** Every column is drawn with numpy for all rows at once; texts come from
  small pools (``captions.py``) picked by index.
* **Reproducible.** ``seed`` and, for a learner's own copy, ``learner_seed(learner_id)``
  (SHA-256, the same on every machine) feed one ``numpy.random.SeedSequence``.

Stories hidden in the data for learners to find:

1. On Instagram, Reels (``short_video``) and carousels beat single images; on Facebook,
   link posts do worst (M+R 2013 virality by format).
2. Boosted posts reach many more people (paid impressions bought at a ~40 BDT CPM).
3. Special days (21 Feb, 26 Mar, Pohela Boishakh on 14 Apr, 16 Dec) spike in posts,
   engagement and new followers.
4. Sunday–Thursday late mornings engage best; the Friday–Saturday weekend is weakest.
5. Inbox messages that arrive on the weekend or after hours wait much longer for a reply;
   spam is mostly left unanswered.
6. Engagement rate falls as an audience grows (ER ∝ followers^-β).
7. The inbox reads like a real one: English, Bengali and Banglish (labelled ``bn``), with
   greetings, typos and emoji, and a few messages a person must see at once (a parent
   asking to take down a child's photo, a fake page taking money).
8. The charity's volunteer posts about three times a week, mostly at the same few hours,
   so a best-times table can only judge the slots they have tried.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

import smm_helpers.datasets.calibration as cal
from smm_helpers.datasets.captions import (
    MESSAGE_PARTS,
    MESSAGE_VARIANTS,
    TYPOS,
    caption_pool,
    message_parts,
    special_day_captions,
)
from smm_helpers.datasets.clients import CLIENT_PROFILES
from smm_helpers.datasets.tables import TIMESTAMP_DTYPE, CourseData, typed_table
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import (
    CAMPAIGN_OBJECTIVES,
    CLIENTS,
    FORMATS,
    LANGUAGES,
    MESSAGE_CATEGORIES,
    PLATFORMS,
    TIMEZONE,
    VIDEO_FORMATS,
)

MIN_POSTS = 1_000
MAX_POSTS = 10_000_000
DEFAULT_SEED = 2025
DEFAULT_YEAR = 2025

CLIENT_PREFIX = {"nonprofit": "NP", "business": "BZ"}
PLATFORM_PREFIX = {
    "facebook": "FB",
    "instagram": "IG",
    "x": "X",
    "linkedin": "LI",
    "youtube": "YT",
    "tiktok": "TT",
}

MESSAGES_PER_POST = 0.75
POSTS_PER_CAMPAIGN = 39  # 34 campaigns in the default year
MIN_CAMPAIGNS = 12

_ACCOUNTS = [(c, p) for c in CLIENTS for p in PLATFORMS]
_MESSAGE_HOUR = np.array(
    [
        0.2,
        0.1,
        0.05,
        0.05,
        0.05,
        0.1,
        0.3,
        0.5,
        0.7,
        0.9,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
        1.1,
        1.2,
        1.3,
        1.3,
        1.2,
        0.9,
        0.5,
    ]
)
_INBOX_PLATFORM = {
    "facebook": 1.0,
    "instagram": 0.8,
    "x": 0.3,
    "linkedin": 0.2,
    "youtube": 0.3,
    "tiktok": 0.4,
}
_CATEGORY_MIX = {
    "nonprofit": (0.40, 0.08, 0.25, 0.17, 0.10),  # question, complaint, praise, spam, other
    "business": (0.45, 0.15, 0.20, 0.12, 0.08),
}
_ANSWER_CHANCE = (0.92, 0.90, 0.70, 0.15, 0.75)  # same order as MESSAGE_CATEGORIES
_REPLY_MEDIAN_HOURS = (1.5, 1.0, 3.0, 6.0, 3.0)
_WORK_START, _WORK_END = 9, 18  # the team answers Sun–Thu, 09:00–18:00 Dhaka time
# from each weekday (Mon=0 … Sun=6) to the next working day: 1, except into the weekend
_DAYS_TO_NEXT_WORKING_DAY = np.array(
    [next(step for step in range(1, 8) if (day + step) % 7 not in cal.WEEKEND) for day in range(7)]
)
_OBJECTIVE_MIX = {
    "nonprofit": {"awareness": 0.2, "engagement": 0.15, "leads": 0.2, "donations": 0.45},
    "business": {"awareness": 0.15, "traffic": 0.2, "engagement": 0.15, "sales": 0.5},
}
_CAMPAIGN_PLATFORM = (0.45, 0.30, 0.05, 0.05, 0.05, 0.10)  # PLATFORMS order


@dataclass(frozen=True)
class _Calendar:
    """The days of the year: weekday (Mon=0), special-day number (-1 if none)."""

    year: int
    start: np.datetime64
    weekday: np.ndarray
    special: np.ndarray

    @property
    def n_days(self) -> int:
        return len(self.weekday)


def learner_seed(learner_id: str) -> int:
    """A learner's personal seed: the same on every machine and in every Python process.

    Leading and trailing spaces are ignored.  Uses SHA-256, never Python's ``hash()``
    (which changes between processes).

    >>> learner_seed("s1234567")
    16344755841714469351
    >>> learner_seed(" s1234567 ") == learner_seed("s1234567")
    True
    >>> learner_seed("")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the learner id is empty.
    How to fix it: pass your learner id as text, e.g. learner_seed('s1234567').
    """
    if not isinstance(learner_id, str):
        raise InputError(
            _("the learner id must be text, not {kind} ({value})").format(
                kind=type(learner_id).__name__, value=repr(learner_id)
            ),
            fix=_("pass it in quotes, e.g. {example}").format(
                example=f"learner_seed('{learner_id}')"
            ),
        )
    cleaned = learner_id.strip()
    if not cleaned:
        raise InputError(
            _("the learner id is empty"),
            fix=_("pass your learner id as text, e.g. learner_seed('s1234567')"),
        )
    digest = hashlib.sha256(b"smm-lab learner:" + cleaned.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def default_post_count(year: int = DEFAULT_YEAR) -> int:
    """How many posts the two clients publish in ``year`` at their usual frequencies.

    >>> 1_000 < default_post_count() < 2_000
    True
    >>> default_post_count(1900)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: year 1900 is outside 2010–2100.
    How to fix it: pick a year from 2010 to 2100, e.g. year=2025.
    """
    days = _calendar(year).n_days
    weekly = sum(sum(p.posts_per_week.values()) for p in CLIENT_PROFILES.values())
    return round(weekly * days / 7)


def generate(
    n_posts: int | None = None,
    *,
    learner_id: str | None = None,
    seed: int = DEFAULT_SEED,
    year: int = DEFAULT_YEAR,
) -> CourseData:
    """Generate the course's four tables: posts, followers, inbox and campaigns.

    ``n_posts`` defaults to a realistic year (``default_post_count(year)``, about 1,300
    posts); any number from 1,000 to 10,000,000 works and keeps the same year (more posts
    per day).  ``learner_id`` gives a learner their own variant: the same id always gives
    the same data, on any machine.  Returns a new ``CourseData``.

    >>> data = generate(1_000, learner_id="s1234567")
    >>> len(data.posts), data.posts["published_at"].dt.tz.key
    (1000, 'Asia/Dhaka')
    >>> bool((data.posts["reach"] <= data.posts["impressions"]).all())
    True
    >>> generate(10)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: n_posts=10 is outside 1,000–10,000,000.
    How to fix it: pick a number of posts from 1,000 to 10,000,000, or leave it out ...
    """
    calendar = _calendar(year)
    n = _check_size(n_posts, calendar)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError(
            _("seed must be a whole number >= 0, not {value}").format(value=repr(seed)),
            fix=_("pass e.g. seed=2025, or leave it out"),
        )
    entropy = [int(seed)] if learner_id is None else [int(seed), learner_seed(learner_id)]
    streams = np.random.SeedSequence(entropy).spawn(4)
    rng_followers, rng_posts, rng_inbox, rng_campaigns = (np.random.default_rng(s) for s in streams)

    followers_grid = _follower_grid(rng_followers, calendar)
    return CourseData(
        posts=_posts(rng_posts, calendar, n, followers_grid),
        followers=_followers_table(calendar, followers_grid),
        inbox=_inbox(rng_inbox, calendar, max(1, round(n * MESSAGES_PER_POST))),
        campaigns=_campaigns(
            rng_campaigns, calendar, max(MIN_CAMPAIGNS, round(n / POSTS_PER_CAMPAIGN))
        ),
    )


# ---------------------------------------------------------------------------- checks
def _calendar(year: int) -> _Calendar:
    if (
        isinstance(year, bool)
        or not isinstance(year, int | np.integer)
        or not (2010 <= year <= 2100)
    ):
        raise InputError(
            _("year {year} is outside {first}–{last}").format(
                year=year, first=digits(2010), last=digits(2100)
            ),
            fix=_("pick a year from {first} to {last}, e.g. year=2025").format(
                first=digits(2010), last=digits(2100)
            ),
        )
    start = np.datetime64(f"{int(year)}-01-01", "D")
    days = np.arange(start, np.datetime64(f"{int(year) + 1}-01-01", "D"))
    weekday = ((days.astype("int64") + 3) % 7).astype(np.int8)  # 1970-01-01 was a Thursday
    months = days.astype("datetime64[M]").astype("int64") % 12 + 1
    month_days = (days - days.astype("datetime64[M]")).astype("int64") + 1
    special = np.full(len(days), -1, dtype=np.int8)
    for number, (month, day) in enumerate(cal.SPECIAL_DAYS):
        special[(months == month) & (month_days == day)] = number
    return _Calendar(int(year), start, weekday, special)


def _check_size(n_posts: int | None, calendar: _Calendar) -> int:
    if n_posts is None:
        return default_post_count(calendar.year)
    if isinstance(n_posts, bool) or not isinstance(n_posts, int | np.integer):
        raise InputError(
            _("n_posts must be a whole number, not {value}").format(value=repr(n_posts)),
            fix=_("pass e.g. n_posts=100_000, or leave it out"),
        )
    if not MIN_POSTS <= n_posts <= MAX_POSTS:
        raise InputError(
            _("n_posts={value} is outside {first}–{last}").format(
                value=n_posts, first=format_number(MIN_POSTS), last=format_number(MAX_POSTS)
            ),
            fix=_(
                "pick a number of posts from {first} to {last}, or leave it out for the "
                "realistic default"
            ).format(first=format_number(MIN_POSTS), last=format_number(MAX_POSTS)),
        )
    return int(n_posts)


# ---------------------------------------------------------------------------- helpers
def _allocate(total: int, weights: np.ndarray) -> np.ndarray:
    """Split ``total`` into whole parts proportional to ``weights`` (largest remainder)."""
    exact = total * weights / weights.sum()
    parts = np.floor(exact).astype(np.int64)
    short = total - int(parts.sum())
    parts[np.argsort(-(exact - parts), kind="stable")[:short]] += 1
    return parts


def _pick(rng: np.random.Generator, probabilities: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For each row, an index drawn from ``probabilities[group]`` (one row per group)."""
    cumulative = np.cumsum(probabilities, axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(groups))
    picked = np.empty(len(groups), dtype=np.int64)
    for group in range(len(probabilities)):
        mask = groups == group
        picked[mask] = np.searchsorted(cumulative[group], u[mask], side="right")
    return np.minimum(picked, probabilities.shape[1] - 1)


def _local_times(calendar: _Calendar, day: np.ndarray, seconds: np.ndarray) -> pd.Series:
    """Asia/Dhaka timestamps from a day number and seconds after local midnight."""
    day_ns = (
        calendar.start.astype("datetime64[ns]").astype("int64")
        + day.astype(np.int64) * 86_400_000_000_000
    )
    local_ns = day_ns + seconds.astype(np.int64) * 1_000_000_000
    naive = pd.DatetimeIndex(local_ns.view("datetime64[ns]"))
    return pd.Series(naive.tz_localize(TIMEZONE), name=None).astype(TIMESTAMP_DTYPE)


def _texts(pools: list[tuple[str, ...]], group: np.ndarray, choice: np.ndarray) -> pd.Series:
    """Row texts: ``pools[group][choice % len(pool)]``, built without a Python loop per row."""
    offsets = np.cumsum([0] + [len(pool) for pool in pools])
    sizes = np.diff(offsets)
    flat = np.array([text for pool in pools for text in pool], dtype=object)
    return pd.Series(flat[offsets[group] + choice % sizes[group]]).astype("str")


def _ids(prefixes: np.ndarray, labels: list[str], sequence: np.ndarray) -> pd.Series:
    """Ids like ``NP-FB-000042`` from a prefix code and a 1-based number."""
    width = max(6, len(str(int(sequence.max(initial=0)))))
    numbers = np.strings.zfill(sequence.astype(np.int64).astype(np.dtypes.StringDType()), width)
    heads = np.array(labels, dtype=np.dtypes.StringDType())[prefixes]
    return pd.Series(np.strings.add(heads, numbers).astype(object)).astype("str")


def _time_order(day: np.ndarray, seconds: np.ndarray, account: np.ndarray) -> np.ndarray:
    """Row order by day, then time of day, then account (one int64 key: faster than lexsort)."""
    key = (day.astype(np.int64) * 86_400 + seconds.astype(np.int64)) * len(_ACCOUNTS) + account
    return np.argsort(key, kind="stable")


def _categories(labels: tuple[str, ...] | list[str], codes: np.ndarray) -> pd.Categorical:
    """``labels[codes]`` as a categorical, built from the codes without making the strings.

    Categories follow ``typed_table``'s rule for free categories (sorted, only those used);
    ``typed_table`` then sets the schema's own order where the schema lists choices.
    """
    used = np.flatnonzero(np.bincount(codes, minlength=len(labels)))
    names = [labels[i] for i in used]
    order = sorted(range(len(names)), key=names.__getitem__)
    remap = np.zeros(len(labels), dtype=np.int64)
    remap[used[order]] = np.arange(len(order))
    dtype = pd.CategoricalDtype([names[i] for i in order])
    return pd.Categorical.from_codes(np.asarray(remap[codes]), dtype=dtype)


def _sequence_within(groups: np.ndarray) -> np.ndarray:
    """1, 2, 3 ... counting separately within each group (a small int code), in row order."""
    sequence = np.empty(len(groups), dtype=np.int64)
    for group in np.flatnonzero(np.bincount(groups)):
        mask = groups == group
        sequence[mask] = np.arange(1, int(mask.sum()) + 1)
    return sequence


# ---------------------------------------------------------------------------- followers
def _follower_grid(rng: np.random.Generator, calendar: _Calendar) -> np.ndarray:
    """Followers at the end of each day: shape (accounts, days), smooth growth with churn."""
    days = calendar.n_days
    start = np.array([CLIENT_PROFILES[c].followers[p] for c, p in _ACCOUNTS], dtype=float)
    start = np.round(start * np.exp(rng.normal(0, 0.1, len(start))))
    monthly = np.array([CLIENT_PROFILES[c].monthly_growth[p] for c, p in _ACCOUNTS])
    churn = 1 - (1 - cal.YEARLY_CHURN) ** (1 / 365)
    gain = (1 + monthly) ** (12 / 365) - 1 + churn
    day_factor = np.where(calendar.special >= 0, 3.0, 1.0)
    grid = np.empty((len(_ACCOUNTS), days), dtype=np.int64)
    current = start.astype(np.int64)
    for day in range(days):
        joined = rng.poisson(current * gain * day_factor[day])
        left = rng.binomial(current, churn)
        current = np.maximum(current + joined - left, 1)
        grid[:, day] = current
    return grid


def _followers_table(calendar: _Calendar, grid: np.ndarray) -> pd.DataFrame:
    accounts, days = grid.shape
    dates = np.arange(calendar.start, calendar.start + days).astype("datetime64[ns]")
    frame = pd.DataFrame(
        {
            "date": np.tile(dates, accounts),
            "client": np.repeat([c for c, _ in _ACCOUNTS], days),
            "platform": np.repeat([p for _, p in _ACCOUNTS], days),
            "followers": grid.ravel(),
        }
    )
    return typed_table(frame, "followers")


# ---------------------------------------------------------------------------- posts
def _posts(
    rng: np.random.Generator, calendar: _Calendar, n: int, followers_grid: np.ndarray
) -> pd.DataFrame:
    weekly = np.array([CLIENT_PROFILES[c].posts_per_week[p] for c, p in _ACCOUNTS])
    account = np.repeat(np.arange(len(_ACCOUNTS)), _allocate(n, weekly))
    client = account // len(PLATFORMS)
    platform = account % len(PLATFORMS)

    # a special day gets its posts whatever the weekday (21 Feb 2025 was a Friday)
    day_weight = np.where(
        calendar.special >= 0,
        cal.SPECIAL_DAY_POSTING,
        np.array(cal.WEEKDAY_POSTING)[calendar.weekday],
    )
    day = rng.choice(calendar.n_days, size=n, p=day_weight / day_weight.sum())
    hour_probs = np.array([CLIENT_PROFILES[c].posting_hours for c in CLIENTS])
    hour = _pick(rng, hour_probs, client)
    minute = rng.integers(0, 60, size=n)
    seconds = hour * 3600 + minute * 60

    # time order (ties by account) so ids count up through the year
    order = _time_order(day, seconds, account)
    account, client, platform = account[order], client[order], platform[order]
    day, hour, seconds = day[order], hour[order], seconds[order]
    weekday = calendar.weekday[day]
    special = calendar.special[day]

    format_probs = np.array([[cal.FORMAT_MIX[p].get(f, 0.0) for f in FORMATS] for p in PLATFORMS])
    fmt = _pick(rng, format_probs, platform)
    pillar_probs = np.array([CLIENT_PROFILES[c].pillar_weights for c in CLIENTS])
    pillar = _pick(rng, pillar_probs, client)
    bengali = np.array(
        [
            [
                min(
                    0.95,
                    CLIENT_PROFILES[c].bengali_share * (0.4 if p in ("x", "linkedin") else 1.0),
                )
                for p in PLATFORMS
            ]
            for c in CLIENTS
        ]
    )
    language = (rng.random(n) < bengali[client, platform]).astype(np.int64)  # 1 = bn
    followers = followers_grid[account, day]

    # ---- engagement rate: calibrated level x effects x noise
    reference = np.array(
        [
            math.sqrt(
                CLIENT_PROFILES["nonprofit"].followers[p] * CLIENT_PROFILES["business"].followers[p]
            )
            for p in PLATFORMS
        ]
    )
    format_effect = np.log(
        np.array([[cal.FORMAT_EFFECT.get(p, {}).get(f, 1.0) for f in FORMATS] for p in PLATFORMS])
    )
    pillar_names = [CLIENT_PROFILES[c].pillars for c in CLIENTS]
    pillar_effect = np.log(
        np.array([[cal.PILLAR_EFFECT[name] for name in names] for names in pillar_names])
    )
    bengali_effect = np.log(np.array([cal.BENGALI_EFFECT[p] for p in PLATFORMS]))
    effect = (
        -cal.SIZE_ELASTICITY * np.log(followers / reference[platform])
        + np.log(np.array(cal.WEEKDAY_EFFECT))[weekday]
        + np.log(np.array(cal.HOUR_EFFECT))[hour]
        + format_effect[platform, fmt]
        + pillar_effect[client, pillar]
        + bengali_effect[platform] * language
    )
    # centre each platform so its typical (median) post sits at the calibrated rate
    for p in range(len(PLATFORMS)):
        mask = platform == p
        if mask.any():
            effect[mask] -= np.median(effect[mask])
    effect += np.where(special >= 0, math.log(cal.SPECIAL_DAY_EFFECT), 0.0)
    noise = rng.normal(0.0, cal.NOISE_SIGMA, n)
    quality = np.exp(effect + noise)

    # ---- organic reach and impressions
    base_reach = np.array([cal.ORGANIC_REACH_PER_FOLLOWER[p] for p in PLATFORMS])
    reach_rate = base_reach[platform] * np.exp(0.5 * (effect + noise) + rng.normal(0, 0.25, n))
    reach_rate = np.where(client == 0, reach_rate / (1 - cal.NON_FOLLOWER_REACH_SHARE), reach_rate)
    organic_reach = np.maximum(np.round(followers * reach_rate), 1)
    low, high = cal.IMPRESSIONS_PER_REACH
    organic_impressions = np.ceil(organic_reach * rng.uniform(low, high, n))

    # ---- boosting (paid reach bought at the Bangladesh CPM)
    boost_chance = np.array([cal.BOOST_CHANCE[p] for p in PLATFORMS])
    boosted = rng.random(n) < boost_chance[platform]
    daily = cal.MIN_DAILY_BOOST_BDT * np.exp(rng.normal(math.log(2.5), 0.5, n))
    spend = np.where(
        boosted, np.round(np.maximum(daily, cal.MIN_DAILY_BOOST_BDT) * rng.integers(1, 8, n)), 0.0
    )
    cpm_factor = np.array([cal.CPM_PLATFORM_FACTOR[p] for p in PLATFORMS])
    cpm = cal.CPM_MEDIAN_BDT * cpm_factor[platform] * np.exp(rng.normal(0, cal.COST_SIGMA, n))
    paid_impressions = np.floor(spend / cpm * 1000)
    paid_reach = np.floor(paid_impressions / rng.uniform(1.3, 2.0, n))
    reach = (organic_reach + paid_reach).astype(np.int64)
    impressions = np.maximum(organic_impressions + paid_impressions, reach).astype(np.int64)

    # ---- engagements
    per_follower = np.array([cal.ENGAGEMENT_PER_FOLLOWER[p] for p in PLATFORMS])
    by_impressions = np.array([p in cal.ENGAGEMENT_PER_IMPRESSION for p in PLATFORMS])
    per_impression = np.array([cal.ENGAGEMENT_PER_IMPRESSION.get(p, 0.0) for p in PLATFORMS])
    organic_engagement = np.where(
        by_impressions[platform],
        per_impression[platform] * quality * organic_impressions,
        per_follower[platform] * quality * followers,
    )
    paid_engagement = paid_reach * cal.PAID_ENGAGEMENT_FACTOR * organic_engagement / organic_reach
    expected = np.minimum(organic_engagement + paid_engagement, 0.5 * reach)
    engagements = rng.poisson(expected)
    split = np.array([cal.ENGAGEMENT_SPLIT[p] for p in PLATFORMS])  # (platform, 4)
    share_boost = np.where(client == 0, cal.SMALL_ORG_VIRALITY_BOOST, 1.0)
    probabilities = split[platform].copy()
    probabilities[:, 2] *= share_boost
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    counts = _split_counts(rng, engagements, probabilities)

    # ---- link clicks and video views
    link_rate = np.array([cal.LINK_CLICKS_PER_REACH[p] for p in PLATFORMS])[platform]
    link_rate = np.where(fmt == FORMATS.index("link"), link_rate, link_rate / 10)
    link_clicks = rng.binomial(reach, np.minimum(link_rate * np.exp(0.5 * noise), 1.0))
    is_video = np.isin(fmt, [FORMATS.index(f) for f in VIDEO_FORMATS])
    view_rate = np.array([cal.VIDEO_VIEW_RATE[p] for p in PLATFORMS])[platform]
    video_views = np.where(is_video, rng.binomial(reach, view_rate), 0)

    # ---- texts and ids
    captions = _post_captions(rng, client, pillar, language, special)
    ids = _ids(
        client * len(PLATFORMS) + platform,
        [f"{CLIENT_PREFIX[c]}-{PLATFORM_PREFIX[p]}-" for c, p in _ACCOUNTS],
        _sequence_within(account),
    )
    all_pillars = [name for names in pillar_names for name in names]
    frame = pd.DataFrame(
        {
            "post_id": ids,
            "client": _categories(CLIENTS, client),
            "published_at": _local_times(calendar, day, seconds),
            "platform": _categories(PLATFORMS, platform),
            "format": _categories(FORMATS, fmt),
            "pillar": _categories(all_pillars, client * len(pillar_names[0]) + pillar),
            "language": _categories(LANGUAGES, language),
            "caption": captions,
            "followers": followers,
            "impressions": impressions,
            "reach": reach,
            "reactions": counts[0],
            "comments": counts[1],
            "shares": counts[2],
            "saves": counts[3],
            "link_clicks": link_clicks,
            "video_views": video_views,
            "boosted": boosted,
            "spend": spend,
        }
    )
    return typed_table(frame, "posts")


def _split_counts(
    rng: np.random.Generator, totals: np.ndarray, probabilities: np.ndarray
) -> list[np.ndarray]:
    """Split each total into parts with the row's probabilities (sequential binomials)."""
    parts = []
    left = totals.astype(np.int64)
    remaining = np.ones(len(totals))
    for k in range(probabilities.shape[1] - 1):
        p = np.clip(probabilities[:, k] / np.maximum(remaining, 1e-12), 0.0, 1.0)
        part = rng.binomial(left, p)
        parts.append(part)
        left = left - part
        remaining = remaining - probabilities[:, k]
    parts.append(left)
    return parts


def _post_captions(
    rng: np.random.Generator,
    client: np.ndarray,
    pillar: np.ndarray,
    language: np.ndarray,
    special: np.ndarray,
) -> pd.Series:
    pools: list[tuple[str, ...]] = []
    for c in CLIENTS:
        for name in CLIENT_PROFILES[c].pillars:
            for lang in LANGUAGES:
                pools.append(caption_pool(c, name, lang))
    n_pillars = len(CLIENT_PROFILES[CLIENTS[0]].pillars)
    group = (client * n_pillars + pillar) * len(LANGUAGES) + language
    choice = rng.integers(0, 1 << 30, len(client))
    # on a special day most posts use that day's caption (one pool per client and language)
    special_pools = [tuple(special_day_captions(c, lang)) for c in CLIENTS for lang in LANGUAGES]
    use_special = (special >= 0) & (rng.random(len(client)) < 0.7)
    group = np.where(use_special, len(pools) + client * len(LANGUAGES) + language, group)
    choice = np.where(use_special, special, choice)
    return _texts(pools + special_pools, group, choice)


# ---------------------------------------------------------------------------- inbox
def _inbox(rng: np.random.Generator, calendar: _Calendar, m: int) -> pd.DataFrame:
    weights = np.array([CLIENT_PROFILES[c].followers[p] * _INBOX_PLATFORM[p] for c, p in _ACCOUNTS])
    account = rng.choice(len(_ACCOUNTS), size=m, p=weights / weights.sum())
    client, platform = account // len(PLATFORMS), account % len(PLATFORMS)
    day_weight = np.where(calendar.special >= 0, 2.0, 1.0)
    day = rng.choice(calendar.n_days, size=m, p=day_weight / day_weight.sum())
    hour = rng.choice(24, size=m, p=_MESSAGE_HOUR / _MESSAGE_HOUR.sum())
    seconds = hour * 3600 + rng.integers(0, 3600, m)
    order = _time_order(day, seconds, account)
    account, client, platform = account[order], client[order], platform[order]
    day, hour, seconds = day[order], hour[order], seconds[order]

    category = _pick(rng, np.array([_CATEGORY_MIX[c] for c in CLIENTS]), client)
    bengali = np.array([min(0.95, CLIENT_PROFILES[c].bengali_share + 0.1) for c in CLIENTS])
    language = (rng.random(m) < bengali[client]).astype(np.int64)

    # replies: within working hours after a short delay; otherwise next working morning
    weekday = calendar.weekday[day]
    working_day = ~np.isin(weekday, cal.WEEKEND)
    days_to_next_working = _DAYS_TO_NEXT_WORKING_DAY[weekday]
    in_hours = working_day & (hour >= _WORK_START) & (hour < _WORK_END)
    early = working_day & (hour < _WORK_START)
    wait_days = np.where(in_hours | early, 0, days_to_next_working[weekday])
    start_seconds = np.where(in_hours, seconds, _WORK_START * 3600)
    median_hours = np.array(_REPLY_MEDIAN_HOURS)[category]
    delay = np.round(median_hours * 3600 * np.exp(rng.normal(0, 0.8, m)))
    delay = np.maximum(delay, 60)
    reply_seconds = (wait_days * 86_400 + start_seconds + delay).astype(np.int64)
    answered = rng.random(m) < np.array(_ANSWER_CHANCE)[category]
    received = _local_times(calendar, day, seconds)
    responded = _local_times(calendar, day, reply_seconds).where(answered)

    text = _messages(rng, client, category, language)
    ids = _ids(client, [f"{CLIENT_PREFIX[c]}-MSG-" for c in CLIENTS], _sequence_within(client))
    frame = pd.DataFrame(
        {
            "message_id": ids,
            "client": _categories(CLIENTS, client),
            "platform": _categories(PLATFORMS, platform),
            "received_at": received,
            "responded_at": responded,
            "category": _categories(MESSAGE_CATEGORIES, category),
            "language": _categories(LANGUAGES, language),
            "text": text,
        }
    )
    return typed_table(frame, "inbox")


def _messages(
    rng: np.random.Generator, client: np.ndarray, category: np.ndarray, language: np.ndarray
) -> pd.Series:
    """Message texts composed from parts (``captions.message_parts``), with slips.

    A third of the Bengali messages (``calibration.BANGLISH_SHARE``) are typed in Latin
    letters; their ``language`` stays ``bn``.  Latin-script messages get typos and lower
    case like a real inbox (``calibration.TYPO_SHARE``, ``LOWERCASE_SHARE``).
    """
    m = len(client)
    variant = language + ((language == 1) & (rng.random(m) < cal.BANGLISH_SHARE))
    group = (client * len(MESSAGE_CATEGORIES) + category) * len(MESSAGE_VARIANTS) + variant
    parts = [
        message_parts(c, cat, v)
        for c in CLIENTS
        for cat in MESSAGE_CATEGORIES
        for v in MESSAGE_VARIANTS
    ]
    text: np.ndarray = np.full(m, "", dtype=np.dtypes.StringDType())
    for part in MESSAGE_PARTS:
        text = np.strings.add(text, _compose(rng, group, [p[part] for p in parts]))
    latin = variant != 1
    slips = latin & (rng.random(m) < cal.TYPO_SHARE)
    for typed, slip in TYPOS:
        rows = slips & (rng.random(m) < 0.5)
        text[rows] = np.strings.replace(text[rows], typed, slip)
    lower = latin & (rng.random(m) < cal.LOWERCASE_SHARE)
    text[lower] = np.strings.lower(text[lower])
    no_danda = (variant == 1) & (rng.random(m) < 0.25)  # many skip the last full stop (।)
    text[no_danda] = np.strings.rstrip(text[no_danda], "।")
    return pd.Series(np.strings.strip(text).astype(object)).astype("str")


def _compose(
    rng: np.random.Generator, group: np.ndarray, pools: list[tuple[tuple[str, ...], ...]]
) -> np.ndarray:
    """For each row, one text of one template of ``pools[group]``: the template first
    (each equally likely), then one of its filled-in texts, so long templates do not crowd
    out short ones."""
    sizes = [len(texts) for templates in pools for texts in templates]
    flat = np.array(
        [text for templates in pools for texts in templates for text in texts],
        dtype=np.dtypes.StringDType(),
    )
    text_start = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    n_templates = np.array([len(templates) for templates in pools], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(n_templates)[:-1]]).astype(np.int64)
    template = first[group] + np.floor(rng.random(len(group)) * n_templates[group]).astype(np.int64)
    index = (
        text_start[template]
        + rng.integers(0, 1 << 30, len(group)) % np.array(sizes, dtype=np.int64)[template]
    )
    return flat[index]


# ---------------------------------------------------------------------------- campaigns
def _campaigns(rng: np.random.Generator, calendar: _Calendar, k: int) -> pd.DataFrame:
    client = rng.integers(0, len(CLIENTS), k)
    platform = rng.choice(len(PLATFORMS), size=k, p=np.array(_CAMPAIGN_PLATFORM))
    objective_probs = np.array(
        [[_OBJECTIVE_MIX[c].get(o, 0.0) for o in CAMPAIGN_OBJECTIVES] for c in CLIENTS]
    )
    objective = _pick(rng, objective_probs, client)
    start = rng.integers(0, calendar.n_days, k)
    order = np.lexsort((client, start))
    client, platform, objective, start = (
        client[order],
        platform[order],
        objective[order],
        start[order],
    )
    length = rng.integers(3, 31, k)
    end = np.minimum(start + length - 1, calendar.n_days - 1)
    days = end - start + 1

    daily_budget = np.maximum(
        cal.MIN_DAILY_BOOST_BDT * np.exp(rng.normal(math.log(4), 0.6, k)), cal.MIN_DAILY_BOOST_BDT
    )
    budget = np.round(daily_budget * days, -1)
    spend = np.round(budget * rng.uniform(0.8, 1.0, k), 2)
    cpm_factor = np.array([cal.CPM_PLATFORM_FACTOR[p] for p in PLATFORMS])[platform]
    cpm = cal.CPM_MEDIAN_BDT * cpm_factor * np.exp(rng.normal(0, cal.COST_SIGMA, k))
    cpc = cal.CPC_MEDIAN_BDT * np.sqrt(cpm_factor) * np.exp(rng.normal(0, cal.COST_SIGMA, k))
    impressions = np.floor(spend / cpm * 1000).astype(np.int64)
    clicks = np.minimum(np.floor(spend / cpc), impressions).astype(np.int64)
    rate = np.array([cal.CONVERSION_RATE[o] for o in CAMPAIGN_OBJECTIVES])[objective]
    conversions = rng.binomial(clicks, rate)
    value_median = np.array(
        [cal.CONVERSION_VALUE_MEDIAN_BDT.get(o, 0.0) for o in CAMPAIGN_OBJECTIVES]
    )[objective]
    value = np.round(conversions * value_median * np.exp(rng.normal(0, 0.4, k)), 2)

    dates = calendar.start.astype("datetime64[ns]")
    one_day = np.timedelta64(1, "D")
    frame = pd.DataFrame(
        {
            "campaign_id": _ids(
                client, [f"{CLIENT_PREFIX[c]}-CMP-" for c in CLIENTS], _sequence_within(client)
            ),
            "client": _categories(CLIENTS, client),
            "platform": _categories(PLATFORMS, platform),
            "objective": _categories(CAMPAIGN_OBJECTIVES, objective),
            "start_date": dates + start * one_day,
            "end_date": dates + end * one_day,
            "budget": budget,
            "spend": spend,
            "impressions": impressions,
            "clicks": clicks,
            "conversions": conversions,
            "conversion_value": value,
        }
    )
    return typed_table(frame, "campaigns")
