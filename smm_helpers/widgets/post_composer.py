"""Post composer: type a post once, see on every keystroke whether it fits each platform.

``post_composer(text, platforms)`` shows a text box and, under it, one counter per platform:
the length in the platform's own unit against its limit (weighted characters on X, UTF-8
bytes for a YouTube description, code points elsewhere), ok or over, the characters a reader
sees, the hashtags, and where the "see more" fold cuts the post.  All the counting is
:func:`smm_helpers.content.check_post`'s.  Where widgets cannot run (a static web page), the
same counters for the starting text show as an HTML table.

>>> view = post_composer("শুভ নববর্ষ! 🎉 https://example.org #পহেলা_বৈশাখ", ["x", "instagram"])
>>> print(view.text)
X (Twitter): 51/280 weighted characters, ok; 39 visible; 1 hashtag; no fold
Instagram: 46/2,200 characters, ok; 39 visible; 1 hashtag; whole post above the fold (125)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from smm_helpers.content import check_post, extract_hashtags, limit_for, visible_characters
from smm_helpers.content.check import PostCheck
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import N_, ngettext
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_number
from smm_helpers.schema import PLATFORMS, platform_name
from smm_helpers.widgets.base import LiveView

__all__ = [
    "COMPOSER_FIELDS",
    "Counter",
    "counter_html",
    "counters",
    "counters_html",
    "post_composer",
]

#: The field a composed post is checked as, where it is not the platform's main text: on
#: YouTube, the text you write under a video is its description (5,000 UTF-8 bytes).
COMPOSER_FIELDS: dict[str, str] = {"youtube": "description"}

_OK, _OVER = "#1a7f37", "#cf222e"

#: The units a limit is counted in (``smm_helpers.content.limits.UNITS``), as shown.
UNIT_NAMES: dict[str, str] = {
    "weighted characters": N_("weighted characters"),  # i18n: not shown (the key)
    "characters": N_("characters"),
    "UTF-8 bytes": N_("UTF-8 bytes"),  # i18n: not shown (the key)
}

#: A counter's state words: ok, over the limit, or another problem (e.g. a banned tag).
STATES: dict[str, str] = {
    "ok": N_("ok"),
    "over": N_("over"),
    "OVER": N_("OVER"),
    "problem": N_("problem"),
}


def unit_name(unit: str) -> str:
    """A limit's unit in the chosen language (an unknown unit as it is).

    >>> unit_name("weighted characters")
    'weighted characters'
    """
    known = UNIT_NAMES.get(unit)
    return unit if known is None else _(known)


def _state(counter: Counter, over: str) -> str:
    """'ok', the word for over the limit (``over``: 'over' or 'OVER'), or 'problem'."""
    key = "ok" if counter.ok else over if counter.length > counter.limit else "problem"
    return _(STATES[key])


@dataclass(frozen=True)
class Counter:
    """One platform's counter for a post: what the composer shows for it."""

    platform: str
    field: str
    length: int
    limit: int
    unit: str
    ok: bool
    visible: int
    hashtags: int
    fold_at: int | None
    cut_by_fold: bool
    problems: tuple[str, ...]
    #: Suggestions that never fail the post (e.g. generic hashtags such as #fyp).
    advice: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The platform's display name in the chosen language (``"X (Twitter)"``)."""
        return platform_name(self.platform)

    @property
    def fold(self) -> str:
        """Where the "see more" fold falls, in words."""
        if self.fold_at is None:
            return _("no fold")
        if self.cut_by_fold:
            return _("cut at the fold ({at})").format(at=format_number(self.fold_at))
        return _("whole post above the fold ({at})").format(at=format_number(self.fold_at))

    @property
    def hashtag_count(self) -> str:
        """How many hashtags, in words: '1 hashtag', '3 hashtags'."""
        return ngettext("{count} hashtag", "{count} hashtags", self.hashtags).format(
            count=format_number(self.hashtags)
        )

    def __str__(self) -> str:
        return _(
            "{name}: {length}/{limit} {unit}, {state}; {visible} visible; {hashtags}; {fold}"
        ).format(
            name=self.name,
            length=format_number(self.length),
            limit=format_number(self.limit),
            unit=unit_name(self.unit),
            state=_state(self, "OVER"),
            visible=format_number(self.visible),
            hashtags=self.hashtag_count,
            fold=self.fold,
        )


def _field(platform: str) -> str | None:
    return COMPOSER_FIELDS.get(platform)


def _platforms(platforms: Iterable[str] | None) -> list[str]:
    if platforms is None:
        return list(PLATFORMS)
    if isinstance(platforms, str):
        raise InputError(
            _("platforms must be a list of platform names, not the text {text}").format(
                text=repr(platforms)
            ),
            fix=_("wrap it in a list: [{text}]").format(text=repr(platforms)),
        )
    chosen = list(dict.fromkeys(platforms))
    for p in chosen:
        limit_for(p)  # an unknown platform raises an InputError listing the known ones
    if not chosen:
        raise InputError(
            _("no platform was given"),
            fix=_("give at least one, e.g. platforms=['x', 'instagram']"),
        )
    return chosen


def counters(text: str, platforms: Iterable[str] | None = None) -> list[Counter]:
    """One :class:`Counter` per platform for ``text`` (an empty text counts 0 and is ok).

    >>> [str(c) for c in counters("দৃষ্টিভঙ্গি", ["x"])]
    ['X (Twitter): 11/280 weighted characters, ok; 4 visible; 0 hashtags; no fold']
    >>> counters("hi", ["myspace"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'myspace' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, tiktok.
    """
    if not isinstance(text, str):
        raise InputError(
            _("text must be a string (str), not {kind} {value}").format(
                kind=type(text).__name__, value=repr(text)
            ),
            fix=_("pass the post as text, e.g. text='Hello Dhaka!'"),
        )
    found = []
    for p in _platforms(platforms):
        if not text.strip():
            limit = limit_for(p, _field(p))
            found.append(
                Counter(
                    p,
                    limit.field,
                    0,
                    limit.limit,
                    limit.unit,
                    True,
                    visible_characters(text) if text else 0,
                    len(extract_hashtags(text)) if text else 0,
                    None,
                    False,
                    (),
                )
            )
            continue
        result: PostCheck = check_post(text, p, field=_field(p))
        found.append(
            Counter(
                platform=p,
                field=result.field,
                length=result.length,
                limit=result.limit,
                unit=result.unit,
                ok=result.ok,
                visible=result.visible_characters,
                hashtags=len(result.hashtags),
                fold_at=result.fold_at,
                cut_by_fold=result.above_fold != result.text,
                problems=tuple(result.problems),
                advice=tuple(result.advice),
            )
        )
    return found


def counter_html(counter: Counter) -> str:
    """One platform's counter as HTML, in a ``div`` with the class ``smm-counter-<platform>``.

    The ``data-*`` attributes carry the numbers, so a browser test can read them.

    >>> page = counter_html(counters("a" * 290, ["x"])[0])
    >>> "smm-counter-x" in page, "data-ok='false'" in page, "290/280" in page
    (True, True, True)
    >>> "smm-advice" in counter_html(counters("New bags today #fyp", ["tiktok"])[0])
    True
    """
    colour = _OK if counter.ok else _OVER
    problems = "".join(f"<li>{html.escape(p)}</li>" for p in counter.problems)
    advice = "".join(f"<li>{html.escape(_tip(a))}</li>" for a in counter.advice)
    summary = _("{visible} visible characters · {hashtags} hashtags · {fold}").format(
        visible=format_number(counter.visible), hashtags=digits(counter.hashtags), fold=counter.fold
    )
    return (
        f"<div class='smm-counter smm-counter-{counter.platform}' "  # i18n: not shown
        f"data-platform='{counter.platform}' data-length='{counter.length}' "
        f"data-limit='{counter.limit}' data-ok='{str(counter.ok).lower()}' "
        f"data-visible='{counter.visible}' data-hashtags='{counter.hashtags}'>"
        f"<b>{html.escape(counter.name)}</b> <small>({html.escape(counter.field)})</small>: "
        f"<span style='color:{colour};font-weight:bold'>{format_number(counter.length)}/"
        f"{format_number(counter.limit)}</span> {html.escape(unit_name(counter.unit))} · "
        f"<b style='color:{colour}'>{html.escape(_state(counter, 'over'))}</b> · "
        f"{html.escape(summary)}"
        + (f"<ul style='margin:0'>{problems}</ul>" if problems else "")  # i18n: not shown
        + (
            f"<ul class='smm-advice' style='margin:0;color:#444'>{advice}</ul>"  # i18n: not shown
            if advice
            else ""
        )
        + "</div>"
    )


def _tip(advice: str) -> str:
    """One piece of advice, labelled as a tip."""
    return _("tip: {advice}").format(advice=advice)


def counters_html(text: str, platforms: Iterable[str] | None = None) -> str:
    """Every platform's counter for ``text`` as an HTML table (the composer's static view).

    >>> page = counters_html("ঈদ মোবারক! #ঈদ", ["x", "linkedin"])
    >>> page.count("<tr"), "smm-counter-linkedin" in page
    (3, True)
    """
    rows = []
    for c in counters(text, platforms):
        colour = _OK if c.ok else _OVER
        rows.append(
            f"<tr class='smm-counter smm-counter-{c.platform}'>"  # i18n: not shown
            f"<td>{html.escape(c.name)}</td>"
            f"<td style='text-align:right'>{format_number(c.length)}/{format_number(c.limit)}"
            f"</td><td>{html.escape(unit_name(c.unit))}</td>"
            f"<td style='color:{colour}'><b>{html.escape(_state(c, 'over'))}</b></td>"
            f"<td style='text-align:right'>{format_number(c.visible)}</td>"
            f"<td style='text-align:right'>{digits(c.hashtags)}</td>"
            f"<td>{html.escape(c.fold)}</td><td>{_notes_html(c)}</td></tr>"
        )
    empty = _("(empty)")
    shown = html.escape(text) if text else f"<em>{html.escape(empty)}</em>"
    headers = "".join(f"<th>{html.escape(_(h))}</th>" for h in TABLE_HEADERS)
    return (
        "<div class='smm-post-composer'>"  # i18n: not shown
        f"<blockquote style='white-space:pre-wrap'>{shown}</blockquote>"
        f"<table><thead><tr>{headers}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


#: The column headings of the composer's static table.
TABLE_HEADERS = (
    N_("platform"),
    N_("length/limit"),
    N_("unit"),
    N_("state"),
    N_("visible characters"),
    N_("hashtags"),
    N_("see-more fold"),
    N_("problems and tips"),
)


def _notes_html(counter: Counter) -> str:
    """A counter's problems, then its tips, as short lines for the static table."""
    lines = [html.escape(p) for p in counter.problems]
    lines += [html.escape(_tip(a)) for a in counter.advice]
    return "<br>".join(lines)


def post_composer(text: str = "", platforms: Iterable[str] | None = None) -> LiveView:
    """A text box with live per-platform length counters that update on every keystroke.

    ``platforms`` defaults to all six; YouTube is checked as a video description (see
    :data:`COMPOSER_FIELDS`).  The static view (``.static_html``, ``.text``) shows the
    counters for the starting ``text``.

    The live widget (``view.widget``) is a box with ``.controls["text"]`` (the
    ``Textarea``, ``continuous_update=True``) and ``.counters`` (one ``HTML`` widget per
    platform, CSS class ``smm-counter-<platform>``), so code and browser tests can drive it.

    >>> view = post_composer("ঢাকা", ["youtube"])
    >>> print(view.text)
    YouTube: 12/5,000 UTF-8 bytes, ok; 2 visible; 0 hashtags; no fold
    >>> post_composer("hi", "x")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: platforms must be a list of platform names, not the text 'x'.
    How to fix it: wrap it in a list: ['x'].
    """
    chosen = _platforms(platforms)
    start = counters(text, chosen)

    def build() -> Any:
        return _build(text, chosen)

    return LiveView(
        build, static_html=counters_html(text, chosen), text="\n".join(str(c) for c in start)
    )


def _build(text: str, platforms: list[str]) -> Any:
    import ipywidgets as widgets  # heavy: loaded on first use

    box_text = widgets.Textarea(
        value=text,
        placeholder=_("Write your post here…"),
        continuous_update=True,
        rows=6,
        layout={"width": "100%"},
    )
    box_text.add_class("smm-composer-text")
    shown = {c.platform: c for c in counters(text, platforms)}
    counter_widgets: dict[str, Any] = {}
    for p in platforms:
        counter_widgets[p] = widgets.HTML(value=counter_html(shown[p]))
        counter_widgets[p].add_class(f"smm-counter-{p}")

    def recount(change: Any) -> None:
        for counter in counters(change["new"], platforms):
            counter_widgets[counter.platform].value = counter_html(counter)

    box_text.observe(recount, names="value")
    box = widgets.VBox([box_text, *counter_widgets.values()])
    box.add_class("smm-post-composer")
    box.controls = {"text": box_text}
    box.counters = counter_widgets
    return box
