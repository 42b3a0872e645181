"""Build the client report: gather the numbers, draw the charts, write HTML and PDF.

The HTML file is self-contained (charts are embedded PNG images with alt text; no external
CSS, scripts or fonts), so it can be e-mailed, opened offline and printed.  The PDF is that
same page printed by an HTML-to-PDF engine (``smm_helpers.report.pdf``).
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import regex

from smm_helpers import metrics, plots
from smm_helpers.datasets import client_profile
from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n import messages
from smm_helpers.i18n.messages import N_, current_language, in_language, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_date, format_number
from smm_helpers.report.kpis import (
    RESULT_KPIS,
    Kpi,
    campaign_share,
    compare_kpis,
    compute_kpis,
    partly_unknown_kpis,
    without_spam,
)
from smm_helpers.report.names import FUNNEL_STAGES, result_name
from smm_helpers.report.pdf import NoPdfEngine, html_to_pdf
from smm_helpers.report.period import Period, local_days, report_period
from smm_helpers.report.recommend import SLA_TARGET, recommendations
from smm_helpers.schema import CLIENTS, ENGAGEMENT_COLUMNS, format_name, platform_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure

REPORT_FORMATS = ("html", "pdf")
#: The CSS counter style of the PDF's page numbers in each language (default: 1, 2, 3).
PAGE_NUMBERS = {"bn": ", bengali"}
#: How many top (and bottom) posts the report lists.
TOP_POSTS = 3
#: Captions are cut to this many visible characters (whole Bengali clusters kept).
CAPTION_CLUSTERS = 120


@dataclass(frozen=True)
class PostRow:
    """One post in the top/bottom list, ready to show."""

    date: str
    platform: str
    format: str
    caption: str
    reach: str
    er_reach: str


@dataclass(frozen=True)
class Chart:
    """A chart of the report: its figure, heading and alt text."""

    heading: str
    figure: Figure
    alt: str

    def png_base64(self) -> str:
        """The chart as a base64 PNG, for an ``<img src="data:...">``."""
        return base64.b64encode(plots.figure_png(self.figure, dpi=110)).decode("ascii")


@dataclass
class ReportContent:
    """Everything the report shows, computed once and written as HTML and as PDF."""

    client: str
    client_name: str
    period: Period
    previous: Period
    has_previous: bool
    kpis: list[Kpi]
    top_posts: list[PostRow]
    bottom_posts: list[PostRow]
    platform_rows: list[dict[str, str]]
    response_rows: list[dict[str, str]]
    sla_hours: float
    advice: list[str]
    charts: list[Chart] = field(default_factory=list)
    #: What the data does not say (e.g. an export with no reach), shown under the key numbers.
    data_notes: list[str] = field(default_factory=list)
    #: The language the content was gathered in; the page is written in it too.
    language: str = "en"

    @property
    def title(self) -> str:
        """The report's title, e.g. 'Social media report: Alo Reading Circle (nonprofit)'."""
        with in_language(self.language):
            return _("Social media report: {client}").format(client=self.client_name)


@dataclass(frozen=True)
class ReportFiles:
    """The files ``build_report`` wrote.

    ``pdf_engine`` names the engine that printed the PDF; ``pdf_skipped`` says why there is
    no PDF when one was wanted but no engine works here.

    >>> files = ReportFiles(html=Path("out/report.html"), pdf=None, pdf_pages=0)
    >>> [str(p) for p in files.paths]
    ['out/report.html']
    """

    html: Path | None
    pdf: Path | None
    pdf_pages: int
    pdf_engine: str | None = None
    pdf_skipped: str | None = None
    #: The report's language; ``str()`` says what was written in it (None: the chosen one).
    language: str | None = None

    @property
    def paths(self) -> list[Path]:
        """The written files, HTML first."""
        return [path for path in (self.html, self.pdf) if path is not None]

    def __str__(self) -> str:
        with in_language(self.language):
            lines = [_("Client report:"), *(f"  {path}" for path in self.paths)]
            if self.pdf is not None:
                lines[-1] += " " + ngettext(
                    "({pages} page, printed by {engine})",
                    "({pages} pages, printed by {engine})",
                    self.pdf_pages,
                ).format(pages=digits(self.pdf_pages), engine=self.pdf_engine)
            if self.pdf_skipped:
                lines.append("  " + _("no PDF: {reason}").format(reason=self.pdf_skipped))
        return "\n".join(lines)


def build_report(
    data: Any = None,
    *,
    posts: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
    inbox: pd.DataFrame | None = None,
    campaigns: pd.DataFrame | None = None,
    client: str = "nonprofit",
    start: Any = None,
    end: Any = None,
    out_dir: str | Path = "report",
    formats: Sequence[str] | None = None,
    sla_hours: float = 24,
    pdf_engine: str = "auto",
    client_name: str | None = None,
    language: str | None = None,
) -> ReportFiles:
    """Write the client report for one period as ``report.html`` and ``report.pdf``.

    ``formats`` left out writes the HTML, and the PDF when an HTML-to-PDF engine works on
    this machine (``ReportFiles.pdf_skipped`` says why not otherwise); ``formats=("pdf",)``
    asks for the PDF and fails with a teaching error when no engine works.  ``pdf_engine``
    is ``"auto"``, ``"weasyprint"`` or ``"chromium"`` (see ``smm_helpers.report.pdf``).

    ``language`` is ``"en"`` or ``"bn"``: every heading, label, verdict, note, sentence,
    date and number of the report in that language (captions stay as the client wrote them);
    ``None`` writes it in the chosen language (``use_language``, else ``SMM_LANG``).

    ``data`` is a ``CourseData`` (``datasets.load_course_data()`` or ``datasets.generate()``)
    or the posts table; tables given by keyword (``followers=``, ``inbox=``,
    ``campaigns=``) are used instead of the ones in ``data``.  Only the ``client``'s rows
    are used.  Without ``start``/``end`` the report covers the 30 days up to the latest
    post.  Each KPI is compared with the period of the same length just before.

    >>> import tempfile
    >>> build_report(pd.DataFrame(), out_dir=tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the posts table is empty...
    """
    with in_language(language) as chosen:
        return _build_report(
            data,
            posts=posts,
            followers=followers,
            inbox=inbox,
            campaigns=campaigns,
            client=client,
            start=start,
            end=end,
            out_dir=out_dir,
            formats=formats,
            sla_hours=sla_hours,
            pdf_engine=pdf_engine,
            client_name=client_name,
            language=chosen,
        )


def _build_report(
    data: Any,
    *,
    posts: pd.DataFrame | None,
    followers: pd.DataFrame | None,
    inbox: pd.DataFrame | None,
    campaigns: pd.DataFrame | None,
    client: str,
    start: Any,
    end: Any,
    out_dir: str | Path,
    formats: Sequence[str] | None,
    sla_hours: float,
    pdf_engine: str,
    client_name: str | None,
    language: str,
) -> ReportFiles:
    tables = _tables(data, posts, followers, inbox, campaigns)
    chosen_formats = REPORT_FORMATS if formats is None else _check_formats(formats)
    content = gather_content(
        tables, client=client, start=start, end=end, sla_hours=sla_hours, client_name=client_name
    )
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    page = render_html(content)
    html_path = None
    if "html" in chosen_formats:
        html_path = folder / "report.html"
        html_path.write_text(page, encoding="utf-8")
    if "pdf" not in chosen_formats:
        return ReportFiles(html=html_path, pdf=None, pdf_pages=0, language=language)
    try:
        printed = html_to_pdf(page, folder / "report.pdf", engine=pdf_engine)
    except NoPdfEngine as error:
        if formats is not None:
            raise
        skipped = _("{problem}. How to fix it: {fix}").format(problem=error.problem, fix=error.fix)
        return ReportFiles(
            html=html_path, pdf=None, pdf_pages=0, pdf_skipped=skipped, language=language
        )
    return ReportFiles(
        html=html_path,
        pdf=printed.path,
        pdf_pages=printed.pages,
        pdf_engine=printed.engine,
        language=language,
    )


def gather_content(
    tables: dict[str, pd.DataFrame | None],
    *,
    client: str = "nonprofit",
    start: Any = None,
    end: Any = None,
    sla_hours: float = 24,
    client_name: str | None = None,
    language: str | None = None,
) -> ReportContent:
    """Compute every number, table, chart and recommendation of the report.

    ``client`` is a course client (``nonprofit``, ``business``) or the client named in the
    data's ``client`` column (``exports.read_exports(..., client="Nakshi Ghor")`` writes
    it); ``client_name`` is the name the report shows (default: the course client's name,
    or ``client`` itself).  ``language`` as for :func:`build_report`: the content's text is
    in it, and so is the page :func:`render_html` writes from it.

    >>> from smm_helpers.datasets import load_course_data
    >>> content = gather_content(load_course_data().tables, client="nonprofit")
    >>> content.title
    'Social media report: Alo Reading Circle (nonprofit)'
    >>> gather_content(load_course_data().tables, client="charity")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'charity' is not a client SMM Lab knows...
    """
    with in_language(language) as chosen:
        content = _gather(
            tables,
            client=client,
            start=start,
            end=end,
            sla_hours=sla_hours,
            client_name=client_name,
        )
        content.language = chosen
    return content


def _gather(
    tables: dict[str, pd.DataFrame | None],
    *,
    client: str,
    start: Any,
    end: Any,
    sla_hours: float,
    client_name: str | None,
) -> ReportContent:
    _check_client(client, tables.get("posts"))
    mine = {name: _client_rows(table, client) for name, table in tables.items()}
    assert mine["posts"] is not None
    posts, filled = fill_unreported_engagements(mine["posts"])
    period = report_period(posts, start, end, client=client)
    previous = period.previous()
    current = compute_kpis(
        posts,
        period,
        followers=mine["followers"],
        inbox=mine["inbox"],
        campaigns=mine["campaigns"],
        sla_hours=sla_hours,
    )
    has_previous = bool(previous.contains(posts["published_at"]).any())
    before = None
    if has_previous:
        before = compute_kpis(
            posts,
            previous,
            followers=mine["followers"],
            inbox=mine["inbox"],
            campaigns=mine["campaigns"],
            sla_hours=sla_hours,
        )
    kpis = compare_kpis(current, before, partly_unknown_kpis(posts, period))

    in_period = posts[period.contains(posts["published_at"])]
    inbox = mine["inbox"]
    inbox_in_period = (
        without_spam(inbox[period.contains(inbox["received_at"])]) if inbox is not None else None
    )
    top, bottom = _top_and_bottom(in_period)
    summary = metrics.summarize(in_period, by="platform")
    content = ReportContent(
        client=client,
        client_name=client_name or _client_name(client),
        period=period,
        previous=previous,
        has_previous=has_previous,
        kpis=kpis,
        top_posts=top,
        bottom_posts=bottom,
        platform_rows=_platform_rows(summary, in_period),
        response_rows=_response_rows(inbox_in_period, sla_hours),
        sla_hours=sla_hours,
        advice=recommendations(in_period, inbox_in_period, kpis, sla_hours=sla_hours),
    )
    content.charts = _charts(in_period, summary, mine["campaigns"], period)
    content.data_notes = filled + unknown_notes(in_period)
    return content


def render_html(content: ReportContent) -> str:
    """The report as one self-contained HTML page (user text is escaped).

    >>> from smm_helpers.datasets import load_course_data
    >>> page = render_html(gather_content(load_course_data().tables))
    >>> page.startswith("<!DOCTYPE html>"), "https://" in page.split("<body")[0]
    (True, False)
    """
    import jinja2  # heavy: loaded on first use

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("smm_helpers.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        messages.gettext, messages.ngettext, newstyle=True
    )
    template = environment.get_template("report.html.j2")
    with in_language(content.language):
        return template.render(
            report=content,
            lang=content.language,
            digits=digits,
            page_style=PAGE_NUMBERS.get(content.language, ""),
            sla_target=digits(f"{SLA_TARGET:.0%}"),
            sla_hours=digits(f"{content.sla_hours:g}"),
            charts=[
                {"heading": c.heading, "alt": c.alt, "png": c.png_base64()} for c in content.charts
            ],
        )


# --- input ---------------------------------------------------------------------------------


def _tables(
    data: Any,
    posts: pd.DataFrame | None,
    followers: pd.DataFrame | None,
    inbox: pd.DataFrame | None,
    campaigns: pd.DataFrame | None,
) -> dict[str, pd.DataFrame | None]:
    if isinstance(data, pd.DataFrame):
        posts = data if posts is None else posts
    elif data is not None:
        if not hasattr(data, "posts"):
            raise InputError(
                _("build_report() cannot read a {kind}").format(kind=type(data).__name__),
                fix=_(
                    "pass datasets.load_course_data(), or the posts table with "
                    "followers=, inbox= and campaigns= as keywords"
                ),
            )
        posts = data.posts if posts is None else posts
        followers = getattr(data, "followers", None) if followers is None else followers
        inbox = getattr(data, "inbox", None) if inbox is None else inbox
        campaigns = getattr(data, "campaigns", None) if campaigns is None else campaigns
    if posts is None or posts.empty:
        raise InputError(
            _("the posts table is empty, so there is nothing to report"),
            fix=_("pass datasets.load_course_data() or a posts table with rows"),
        )
    return {"posts": posts, "followers": followers, "inbox": inbox, "campaigns": campaigns}


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    chosen = (formats,) if isinstance(formats, str) else tuple(formats)
    if not chosen:
        raise InputError(_("formats is empty"), fix=_("use formats=('html', 'pdf') or one of them"))
    for name in chosen:
        if name not in REPORT_FORMATS:
            raise unknown_choice(_("report format"), name, REPORT_FORMATS)
    return chosen


def _check_client(client: str, posts: pd.DataFrame | None) -> None:
    """The client must be a course client or one named in the posts' client column."""
    named = (
        []
        if posts is None or "client" not in posts.columns
        else [str(name) for name in pd.unique(posts["client"].astype(str))]
    )
    if client in CLIENTS or client in named:
        return
    raise unknown_choice(_("client"), client, [*CLIENTS, *(n for n in named if n not in CLIENTS)])


def _client_rows(table: pd.DataFrame | None, client: str) -> pd.DataFrame | None:
    if table is None or "client" not in table.columns:
        return table
    return table[table["client"].astype(str) == client]


#: The course clients' keys, as the report's title names them after the client's name.
CLIENT_KINDS = {"nonprofit": N_("nonprofit"), "business": N_("business")}


def _client_name(client: str) -> str:
    """A course client's name in the chosen language with its kind; any other name as it is.

    >>> _client_name("nonprofit"), _client_name("Nakshi Kantha House")
    ('Alo Reading Circle (nonprofit)', 'Nakshi Kantha House')
    """
    try:
        profile = client_profile(client)
    except (InputError, KeyError, ValueError):
        return client
    name = profile.name_bn if current_language() == "bn" else profile.name
    kind = _(CLIENT_KINDS[client]) if client in CLIENT_KINDS else client
    return _("{name} ({kind})").format(name=name, kind=kind)


# --- sections ------------------------------------------------------------------------------


def _top_and_bottom(posts: pd.DataFrame) -> tuple[list[PostRow], list[PostRow]]:
    """The best and worst posts by engagement rate by reach (posts with reach only)."""
    rated = (
        posts[posts["reach"] > 0]
        .assign(_er=lambda f: metrics.engagements(f) / f["reach"])
        .dropna(subset=["_er"])
        .sort_values(["_er", "reach"], ascending=[False, False], kind="stable")
    )
    count = min(TOP_POSTS, len(rated) // 2) if len(rated) >= 2 else len(rated)
    top = [_post_row(row) for _, row in rated.head(count).iterrows()]
    bottom_rows = rated.iloc[len(rated) - count :] if count else rated.iloc[0:0]
    bottom = [_post_row(row) for _, row in bottom_rows.iloc[::-1].iterrows()]
    return top, bottom


def _post_row(row: pd.Series) -> PostRow:
    day = local_days(pd.Series([row["published_at"]])).iloc[0]
    return PostRow(
        date=format_date(day),
        platform=platform_name(row["platform"]),
        format=format_name(row["format"]) if "format" in row else "",
        caption=excerpt(str(row["caption"])) if "caption" in row else "",
        reach=format_number(int(row["reach"])),
        er_reach=digits(f"{float(row['_er']):.2%}"),
    )


def excerpt(text: str, clusters: int = CAPTION_CLUSTERS) -> str:
    """The start of ``text``, cut between whole characters as people see them (graphemes).

    Bengali letters with vowel signs and conjuncts are never split.

    >>> excerpt("দৃষ্টিভঙ্গি বদলান", clusters=2)
    'দৃষ্টি…'
    >>> excerpt("Short caption")
    'Short caption'
    """
    parts = regex.findall(r"\X", " ".join(text.split()))
    if len(parts) <= clusters:
        return "".join(parts)
    return "".join(parts[:clusters]).rstrip() + "…"


#: The count columns an export may leave unknown, as the report names them.
UNKNOWN_LABELS = {
    "impressions": N_("impressions (views)"),
    "reach": N_("reach (viewers)"),
    "reactions": N_("reactions"),
    "comments": N_("comments"),
    "shares": N_("shares"),
    "saves": N_("saves"),
    "link_clicks": N_("link clicks"),
    "followers": N_("follower counts"),
    "spend": N_("money spent on boosts"),
}

NOT_IN_DATA = N_("not in the data")


def fill_unreported_engagements(posts: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Count an engagement a platform's export does not report at all (every value unknown,
    e.g. Facebook's export has no saves) as 0, and say so; leave other unknowns unknown.

    Engagement is reactions, comments and shares in Rival IQ's definition, with saves added
    where a platform reports them, so a platform without saves still has an engagement
    rate, while a post with one blank cell is still left out of it.

    >>> posts = pd.DataFrame({"platform": ["facebook", "facebook", "instagram"],
    ...                       "saves": [float("nan"), float("nan"), 5.0]})
    >>> filled, notes = fill_unreported_engagements(posts)
    >>> filled["saves"].tolist()
    [0.0, 0.0, 5.0]
    >>> print(notes[0])
    Engagements on Facebook are counted without saves: its export does not report them.
    """
    notes = []
    filled = posts
    for column in ENGAGEMENT_COLUMNS:
        if column not in posts.columns or not posts[column].isna().any():
            continue
        unreported = posts[column].isna().groupby(posts["platform"].astype(str)).all()
        for platform in unreported[unreported].index:
            if filled is posts:
                filled = posts.copy()
            rows = (filled["platform"].astype(str) == platform).to_numpy()
            filled.loc[rows, column] = 0.0
            notes.append(
                _(
                    "Engagements on {platform} are counted without {column}: its "
                    "export does not report them."
                ).format(
                    platform=platform_name(platform), column=_(UNKNOWN_LABELS.get(column, column))
                )
            )
    return filled, notes


def unknown_notes(posts: pd.DataFrame) -> list[str]:
    """One sentence per count column that some posts do not have (blank, not zero).

    Real exports leave columns out (X's gives no reach; a posts export has no follower
    counts), and a blank is unknown, not 0, so the report says which figures leave which
    posts out instead of adding up a smaller number in silence.

    >>> posts = pd.DataFrame({"platform": ["x", "x", "facebook"],
    ...                       "reach": [float("nan"), float("nan"), 900.0]})
    >>> unknown_notes(posts)
    ['No reach (viewers) for X (Twitter) (2 posts): figures that need it leave those posts out.']
    """
    notes = []
    for column, label in UNKNOWN_LABELS.items():
        if column not in posts.columns or not posts[column].isna().any():
            continue
        missing = posts.loc[posts[column].isna(), "platform"].astype(str).value_counts()
        where = ", ".join(
            ngettext("{platform} ({count} post)", "{platform} ({count} posts)", int(count)).format(
                platform=platform_name(platform), count=format_number(int(count))
            )
            for platform, count in sorted(missing.items(), key=str)
        )
        notes.append(
            _("No {label} for {where}: figures that need it leave those posts out.").format(
                label=_(label), where=where
            )
        )
    return notes


def _platform_rows(summary: pd.DataFrame, posts: pd.DataFrame) -> list[dict[str, str]]:
    known = _known_by_platform(posts, ("reach", "link_clicks", *ENGAGEMENT_COLUMNS))
    rows = []
    for platform, row in summary.sort_values(
        "er_reach", ascending=False, na_position="last"
    ).iterrows():
        has = known.get(str(platform), {})
        has_engagements = all(has.get(name, True) for name in ENGAGEMENT_COLUMNS)
        rows.append(
            {
                "platform": platform_name(platform),
                "posts": format_number(int(row["posts"])),
                "reach": format_number(int(row["reach"]))
                if has.get("reach", True)
                else _(NOT_IN_DATA),
                "engagements": (
                    format_number(int(row["engagements"])) if has_engagements else _(NOT_IN_DATA)
                ),
                "er_reach": _rate(row["er_reach"]),
                "ctr": _rate(row["ctr"]) if has.get("link_clicks", True) else _(NOT_IN_DATA),
            }
        )
    return rows


def _known_by_platform(posts: pd.DataFrame, columns: Sequence[str]) -> dict[str, dict[str, bool]]:
    """For each platform, whether each column has at least one known value."""
    present = [name for name in columns if name in posts.columns]
    if not present:
        return {}
    known = posts[present].notna().groupby(posts["platform"].astype(str)).any()
    return {
        str(platform): {str(name): bool(flag) for name, flag in row.items()}
        for platform, row in known.iterrows()
    }


def _response_rows(inbox: pd.DataFrame | None, sla_hours: float) -> list[dict[str, str]]:
    if inbox is None or inbox.empty:
        return []
    table = metrics.response_summary(inbox, by="platform", sla_hours=sla_hours)
    rows = []
    for platform, row in table.iterrows():
        within = float(row["within_sla"])
        rows.append(
            {
                "platform": platform_name(platform),
                "messages": format_number(int(row["messages"])),
                "response_rate": digits(f"{float(row['response_rate']):.0%}"),
                "median_hours": _hours(row["median_hours"]),
                "within_sla": digits(f"{within:.0%}"),
                "status": _("meets the target") if within >= SLA_TARGET else _("below the target"),
            }
        )
    return rows


def _rate(value: float | None) -> str:
    """A rate as the report's tables write it: '3.45%' (or '৩.৪৫%'), 'no data' when unknown."""
    if value is None or math.isnan(float(value)):
        return _("no data")
    return digits(f"{float(value):.2%}")


def _hours(value: float) -> str:
    if value is None or math.isnan(float(value)):
        return _("no answers")
    return _("{hours} h").format(hours=digits(f"{float(value):.1f}"))


def _charts(
    posts: pd.DataFrame, summary: pd.DataFrame, campaigns: pd.DataFrame | None, period: Period
) -> list[Chart]:
    charts = [
        _chart(_("Engagement rate by platform"), plots.platform_comparison(summary, "er_reach"))
    ]
    weekly = metrics.summarize(posts, by=["week", "platform"]).reset_index()
    weekly = weekly.dropna(subset=["er_reach"])  # a platform with no reach has no line
    if weekly["week"].nunique() >= 2:
        weekly["week"] = pd.to_datetime(weekly["week"])
        charts.append(
            _chart(
                _("Engagement rate week by week"),
                plots.trend_chart(
                    weekly,
                    value="er_reach",
                    time="week",
                    by="platform",
                    ylabel=_("Engagement rate by reach"),
                ),
            )
        )
    funnel = _campaign_funnel(campaigns, period)
    if funnel is not None:
        result = result_name(list(funnel)[-1])
        charts.append(
            _chart(
                _("Ad campaigns for {result}: from impressions to {result}").format(result=result),
                plots.funnel_chart({result_name(stage): count for stage, count in funnel.items()}),
            )
        )
    return charts


def _chart(heading: str, figure: Figure) -> Chart:
    return Chart(heading, figure, plots.alt_text(figure))


def _campaign_funnel(campaigns: pd.DataFrame | None, period: Period) -> dict[str, float] | None:
    if campaigns is None or campaigns.empty:
        return None
    share = campaign_share(campaigns, period)
    if not (share > 0).any():
        return None
    result = "conversions"
    if "objective" in campaigns.columns:
        # One objective only: a lead, a click and a donation are not the same result.  The
        # funnel follows the result objective the period spent most on.
        spent = (campaigns["spend"] * share).groupby(campaigns["objective"].astype(str)).sum()
        spent = spent[spent.index.isin(RESULT_KPIS) & (spent > 0)]
        if spent.empty:
            return None
        result = str(spent.idxmax())
        keep = (campaigns["objective"].astype(str) == result).to_numpy()
        campaigns, share = campaigns[keep], share[keep]
    seen, clicked = FUNNEL_STAGES  # ids; names.result_name() gives what the chart shows
    stages: dict[str, float] = {
        seen: round(float((campaigns["impressions"] * share).sum())),
        clicked: round(float((campaigns["clicks"] * share).sum())),
        result: round(float((campaigns["conversions"] * share).sum())),
    }
    return stages if stages[seen] > 0 else None
