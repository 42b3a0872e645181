"""The shape of every table SMM Lab works with: posts, followers, inbox and campaigns.

This module is the contract between the dataset generator, the loaders, the metrics and
the reports.  It is plain Python (no pandas) so that importing it costs nothing.

Every table carries a ``client`` column (``"nonprofit"`` or ``"business"``) so the two
course clients can live in one table, and timestamps are timezone-aware in
``Asia/Dhaka`` (``TIMEZONE``).  Money is in Bangladeshi taka (BDT) unless a function
says otherwise.

>>> PLATFORMS
('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok')
>>> [c.name for c in POSTS if c.kind == "count"][:3]
['followers', 'impressions', 'reach']
>>> column_names(FOLLOWERS)
['date', 'client', 'platform', 'followers']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import N_, gettext, ngettext
from smm_helpers.i18n.messages import gettext as _

TIMEZONE = "Asia/Dhaka"
CURRENCY = "BDT"

WEEKEND: tuple[int, int] = (4, 5)
"""Bangladesh's weekend, Friday and Saturday (Monday = 0, as pandas counts;
``holidays.BD().weekend == {4, 5}``, sources.md#bd-weekend).  Sunday is a working day.  The
data generator, the content calendar and the client report all read it from here."""

CLIENTS = ("nonprofit", "business")
"""The course's two fictional clients (see ``smm_helpers.datasets.CLIENT_PROFILES``)."""

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube", "tiktok")
PLATFORM_NAMES = {
    "facebook": N_("Facebook"),
    "instagram": N_("Instagram"),
    "x": N_("X (Twitter)"),
    "linkedin": N_("LinkedIn"),
    "youtube": N_("YouTube"),
    "tiktok": N_("TikTok"),
}
"""Each platform's display name in English (what exports and tests compare against); use
:func:`platform_name` to show one in the learner's language."""


def platform_name(platform: object) -> str:
    """The display name of a platform id in the chosen language; any other value unchanged.

    Platform ids are data and never translated; their names are.  A value that is not a
    platform id (a content format, a pillar) comes back as it is, as text.

    >>> platform_name("x")
    'X (Twitter)'
    >>> platform_name("short_video")
    'short_video'
    >>> from smm_helpers.i18n.messages import use_language
    >>> _ = use_language("bn")
    >>> platform_name("x"), platform_name("facebook"), platform_name("short_video")
    ('এক্স (টুইটার)', 'ফেসবুক', 'short_video')
    >>> _ = use_language("en")
    """
    name = PLATFORM_NAMES.get(str(platform))
    return str(platform) if name is None else gettext(name)


FORMATS = (
    "text",
    "image",
    "carousel",
    "video",
    "short_video",
    "link",
    "infographic",
    "motion_graphic",
    "animation",
)
FORMAT_NAMES = {
    "text": N_("text"),
    "image": N_("image"),
    "carousel": N_("carousel"),
    "video": N_("video"),
    "short_video": N_("short video"),
    "link": N_("link"),
    "infographic": N_("infographic"),
    "motion_graphic": N_("motion graphic"),
    "animation": N_("animation"),
}
"""Display names of ``FORMATS``, marked for translation; see :func:`format_name`."""


def format_name(post_format: object) -> str:
    """A format id's display name in the chosen language ("short_video" → "short video");
    a value that is not a course format is shown as it is, underscores as spaces.

    >>> format_name("short_video"), format_name("reel")
    ('short video', 'reel')
    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     format_name("short_video")
    'শর্ট ভিডিও'
    """
    key = str(post_format)
    return gettext(FORMAT_NAMES[key]) if key in FORMAT_NAMES else key.replace("_", " ")


VIDEO_FORMATS = ("video", "short_video", "motion_graphic", "animation")

LANGUAGES = ("en", "bn")

MESSAGE_CATEGORIES = ("question", "complaint", "praise", "spam", "other")
"""Inbox categories; ``praise`` covers reviews and thanks."""

CAMPAIGN_OBJECTIVES = ("awareness", "traffic", "engagement", "leads", "donations", "sales")


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``kind`` is one of ``id``, ``category``, ``text``, ``timestamp`` (tz-aware, Asia/Dhaka),
    ``date``, ``count`` (whole number >= 0), ``money`` (>= 0), ``bool``.
    ``choices`` lists the allowed values of a category column; ``required=False`` means
    the column may hold empty values (e.g. ``responded_at`` for an unanswered message).
    """

    name: str
    kind: str
    description: str
    choices: tuple[str, ...] | None = None
    required: bool = True


POSTS: tuple[Column, ...] = (
    Column("post_id", "id", N_("Unique id of the post, e.g. 'NP-FB-000001'.")),
    Column("client", "category", N_("Which course client published it."), CLIENTS),
    Column("published_at", "timestamp", N_("When it was published (Asia/Dhaka).")),
    Column("platform", "category", N_("Where it was published."), PLATFORMS),
    Column("format", "category", N_("What kind of content it is."), FORMATS),
    Column("pillar", "category", N_("The content pillar (theme) it belongs to.")),
    Column("language", "category", N_("Caption language."), LANGUAGES),
    Column("caption", "text", N_("The caption text.")),
    Column("followers", "count", N_("Followers of the account on the day it was published.")),
    Column(
        "impressions",
        "count",
        N_(
            "Times the post was shown (one person may see it twice). Facebook and Instagram "
            "call this Views since 2025; LinkedIn and X still say Impressions "
            "(see METRIC_NAMES)."
        ),
    ),
    Column(
        "reach",
        "count",
        N_(
            "Unique people who saw it; never above impressions. Facebook's and Instagram's "
            "newer screens call this Viewers (see METRIC_NAMES)."
        ),
    ),
    Column("reactions", "count", N_("Likes and reactions.")),
    Column("comments", "count", N_("Comments and replies.")),
    Column("shares", "count", N_("Shares, reposts and retweets.")),
    Column("saves", "count", N_("Saves and bookmarks.")),
    Column("link_clicks", "count", N_("Clicks on the post's link.")),
    Column("video_views", "count", N_("Video views (0 for non-video formats).")),
    Column("boosted", "bool", N_("Whether money was spent to promote it.")),
    Column("spend", "money", N_("Money spent boosting it, in BDT (0 when organic).")),
)

FOLLOWERS: tuple[Column, ...] = (
    Column("date", "date", N_("The day (Asia/Dhaka).")),
    Column("client", "category", N_("Which course client."), CLIENTS),
    Column("platform", "category", N_("Which platform."), PLATFORMS),
    Column("followers", "count", N_("Followers at the end of the day.")),
)

INBOX: tuple[Column, ...] = (
    Column("message_id", "id", N_("Unique id of the message.")),
    Column("client", "category", N_("Which course client received it."), CLIENTS),
    Column("platform", "category", N_("Where it arrived."), PLATFORMS),
    Column("received_at", "timestamp", N_("When it arrived (Asia/Dhaka).")),
    Column(
        "responded_at", "timestamp", N_("When it was answered; empty if never."), required=False
    ),
    Column("category", "category", N_("What kind of message it is."), MESSAGE_CATEGORIES),
    Column(
        "language",
        "category",
        N_(
            "Message language: bn for Bengali in either script (Bengali "
            "letters, or Latin letters as Banglish), en for English."
        ),
        LANGUAGES,
    ),
    Column("text", "text", N_("The message.")),
)

CAMPAIGNS: tuple[Column, ...] = (
    Column("campaign_id", "id", N_("Unique id of the paid campaign.")),
    Column("client", "category", N_("Which course client ran it."), CLIENTS),
    Column("platform", "category", N_("Where it ran."), PLATFORMS),
    Column("objective", "category", N_("What it was for."), CAMPAIGN_OBJECTIVES),
    Column("start_date", "date", N_("First day.")),
    Column("end_date", "date", N_("Last day; not before start_date.")),
    Column("budget", "money", N_("Planned budget in BDT.")),
    Column("spend", "money", N_("Money actually spent in BDT.")),
    Column("impressions", "count", N_("Times the ads were shown.")),
    Column("clicks", "count", N_("Clicks on the ads; never above impressions.")),
    Column("conversions", "count", N_("Sign-ups, donations or sales; never above clicks.")),
    Column(
        "conversion_value",
        "money",
        N_("Money the conversions brought in, in BDT: revenue (sales or donations), not profit."),
    ),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "posts": POSTS,
    "followers": FOLLOWERS,
    "inbox": INBOX,
    "campaigns": CAMPAIGNS,
}

METRIC_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "facebook": {"impressions": ("Views", "Impressions"), "reach": ("Viewers", "Reach")},
    "instagram": {
        "impressions": ("Views", "Impressions"),
        "reach": ("Viewers", "Reach", "Accounts reached"),
    },  # i18n: not shown
    "linkedin": {
        "impressions": ("Impressions",),
        "reach": (
            "Unique impressions",
            "Unique views",  # i18n: not shown
            "Members reached",
        ),
    },  # i18n: not shown
    "x": {"impressions": ("Impressions",)},
}
"""What each platform's own export calls the course's ``impressions`` and ``reach`` columns.

``METRIC_NAMES[platform][column]`` lists the names, the current one first, then older ones
still found in old exports.  Meta replaced "Impressions" with **Views** on Facebook and
Instagram (announced November 2024, done during 2025; a view counts each time content is on
screen, repeats included) and shows reach as **Viewers** in its newer screens, so a 2026
Facebook export says Views/Viewers where the course data says impressions/reach
(sources.md#meta-views-2025).  LinkedIn and X still say Impressions; X's post analytics list
no reach (the X API's post-analytics fields, docs.x.com).  LinkedIn names reach differently
on different screens (UNCERTAIN).  YouTube
and TikTok are not mapped yet: read their own definitions before matching a column.

>>> METRIC_NAMES["facebook"]["impressions"][0], METRIC_NAMES["facebook"]["reach"][0]
('Views', 'Viewers')
>>> METRIC_NAMES["linkedin"]["impressions"]
('Impressions',)
>>> course_column("facebook", " viewers ")
'reach'
>>> course_column("x", "Reach")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'Reach' is not a column of X (Twitter)'s export that SMM Lab ...
"""


def course_column(platform: str, export_name: str) -> str:
    """The course column that a platform export's column ``export_name`` holds.

    Case and surrounding spaces are ignored: ``"VIEWS"`` and ``"views "`` both match.

    >>> course_column("instagram", "Views"), course_column("instagram", "Accounts reached")
    ('impressions', 'reach')
    """
    if platform not in METRIC_NAMES:
        raise unknown_choice(_("platform with mapped export names"), platform, list(METRIC_NAMES))
    wanted = " ".join(str(export_name).split()).casefold()
    for column, names in METRIC_NAMES[platform].items():
        if wanted in (name.casefold() for name in names):
            return column
    known = ", ".join(name for names in METRIC_NAMES[platform].values() for name in names)
    raise InputError(
        _("{name} is not a column of {platform}'s export that SMM Lab can map").format(
            name=repr(export_name), platform=platform_name(platform)
        ),
        fix=_("use one of: {choices}").format(choices=known),
    )


ENGAGEMENT_COLUMNS = ("reactions", "comments", "shares", "saves")
"""What counts as an engagement (the Rival IQ definition adds up these interactions)."""


def column_names(table: tuple[Column, ...]) -> list[str]:
    """The column names of a table, in order.

    >>> column_names(CAMPAIGNS)[:4]
    ['campaign_id', 'client', 'platform', 'objective']
    """
    return [column.name for column in table]


LOADERS = {
    "posts": "smm_helpers.datasets.load_posts()",
    "followers": "smm_helpers.datasets.load_followers()",
    "inbox": "smm_helpers.datasets.load_inbox()",
    "campaigns": "smm_helpers.datasets.load_campaigns()",
}
"""How to load each course table, for error messages."""


def require_table(table: Any, columns: Iterable[str], table_name: str) -> Any:
    """Check that ``table`` is a DataFrame holding ``columns``; return it unchanged.

    Every function that takes a table calls this first, so a wrong table always gets the
    same clear message: which columns are missing, which it has, and how to get a good one.

    >>> import pandas as pd
    >>> require_table(pd.DataFrame({"reach": [1]}), ["reach"], "posts").columns.tolist()
    ['reach']
    >>> require_table(pd.DataFrame({"reach": [1]}), ["reach", "impressions"], "posts")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'impressions': the posts table has no column 'impre...
    >>> require_table([1, 2], ["reach"], "posts")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: expected a posts table (a pandas DataFrame), got list...
    """
    import pandas as pd  # heavy: loaded on first use

    loader = LOADERS.get(table_name)
    if not isinstance(table, pd.DataFrame):
        if table_name[:1] in "aeio":
            problem = _("expected an {table} table (a pandas DataFrame), got {kind}")
        else:
            problem = _("expected a {table} table (a pandas DataFrame), got {kind}")
        raise InputError(
            problem.format(table=table_name, kind=type(table).__name__),
            fix=(
                _("pass a DataFrame, e.g. {loader}").format(loader=loader)
                if loader
                else _("pass a pandas DataFrame")
            ),
        )
    missing = [name for name in columns if name not in table.columns]
    if missing:
        names = ", ".join(repr(name) for name in missing)
        has = ", ".join(map(str, table.columns)) or _("no columns")
        if loader:
            fix = ngettext(
                "add or rename the column so the table matches smm_helpers.schema.{schema}, "
                "or load it with {loader}",
                "add or rename the columns so the table matches smm_helpers.schema.{schema}, "
                "or load it with {loader}",
                len(missing),
            )
        else:
            fix = ngettext(
                "add or rename the column so the table has the columns the function names",
                "add or rename the columns so the table has the columns the function names",
                len(missing),
            )
        raise DataError(
            ngettext(
                "the {table} table has no column {names} (it has: {has})",
                "the {table} table has no columns {names} (it has: {has})",
                len(missing),
            ).format(table=table_name, names=names, has=has),
            fix=fix.format(schema=table_name.upper(), loader=loader),
            column=missing[0],
        )
    return table
