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
from smm_helpers.schema import PLATFORM_NAMES, PLATFORMS
from smm_helpers.widgets.base import LiveView

__all__ = ["COMPOSER_FIELDS", "Counter", "counter_html", "counters", "counters_html",
           "post_composer"]

COMPOSER_FIELDS: dict[str, str] = {"youtube": "description"}
"""The field a composed post is checked as, where it is not the platform's main text: on
YouTube, the text you write under a video is its description (5,000 UTF-8 bytes)."""

_OK, _OVER = "#1a7f37", "#cf222e"


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
    advice: tuple[str, ...] = ()
    """Suggestions that never fail the post (e.g. generic hashtags such as #fyp)."""

    @property
    def name(self) -> str:
        """The platform's display name (``"X (Twitter)"``)."""
        return PLATFORM_NAMES[self.platform]

    @property
    def fold(self) -> str:
        """Where the "see more" fold falls, in words."""
        if self.fold_at is None:
            return "no fold"
        if self.cut_by_fold:
            return f"cut at the fold ({self.fold_at:,})"
        return f"whole post above the fold ({self.fold_at:,})"

    def __str__(self) -> str:
        tags = f"{self.hashtags} hashtag" + ("" if self.hashtags == 1 else "s")
        state = "ok" if self.ok else "OVER" if self.length > self.limit else "problem"
        return (f"{self.name}: {self.length:,}/{self.limit:,} {self.unit}, {state}; "
                f"{self.visible:,} visible; {tags}; {self.fold}")


def _field(platform: str) -> str | None:
    return COMPOSER_FIELDS.get(platform)


def _platforms(platforms: Iterable[str] | None) -> list[str]:
    if platforms is None:
        return list(PLATFORMS)
    if isinstance(platforms, str):
        raise InputError(f"platforms must be a list of platform names, not the text {platforms!r}",
                         fix=f"wrap it in a list: [{platforms!r}]")
    chosen = list(dict.fromkeys(platforms))
    for p in chosen:
        limit_for(p)  # an unknown platform raises an InputError listing the known ones
    if not chosen:
        raise InputError("no platform was given",
                         fix="give at least one, e.g. platforms=['x', 'instagram']")
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
        raise InputError(f"text must be a string (str), not {type(text).__name__} {text!r}",
                         fix="pass the post as text, e.g. text='Hello Dhaka!'")
    found = []
    for p in _platforms(platforms):
        if not text.strip():
            limit = limit_for(p, _field(p))
            found.append(Counter(p, limit.field, 0, limit.limit, limit.unit, True,
                                 visible_characters(text) if text else 0,
                                 len(extract_hashtags(text)) if text else 0, None, False, ()))
            continue
        result: PostCheck = check_post(text, p, field=_field(p))
        found.append(Counter(
            platform=p, field=result.field, length=result.length, limit=result.limit,
            unit=result.unit, ok=result.ok, visible=result.visible_characters,
            hashtags=len(result.hashtags), fold_at=result.fold_at,
            cut_by_fold=result.above_fold != result.text, problems=tuple(result.problems),
            advice=tuple(result.advice)))
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
    state = "ok" if counter.ok else "over" if counter.length > counter.limit else "problem"
    problems = "".join(f"<li>{html.escape(p)}</li>" for p in counter.problems)
    advice = "".join(f"<li>tip: {html.escape(a)}</li>" for a in counter.advice)
    return (
        f"<div class='smm-counter smm-counter-{counter.platform}' "
        f"data-platform='{counter.platform}' data-length='{counter.length}' "
        f"data-limit='{counter.limit}' data-ok='{str(counter.ok).lower()}' "
        f"data-visible='{counter.visible}' data-hashtags='{counter.hashtags}'>"
        f"<b>{html.escape(counter.name)}</b> <small>({html.escape(counter.field)})</small>: "
        f"<span style='color:{colour};font-weight:bold'>{counter.length:,}/{counter.limit:,}"
        f"</span> {html.escape(counter.unit)} · <b style='color:{colour}'>{state}</b> · "
        f"{counter.visible:,} visible characters · {counter.hashtags} hashtags · "
        f"{html.escape(counter.fold)}"
        + (f"<ul style='margin:0'>{problems}</ul>" if problems else "")
        + (f"<ul class='smm-advice' style='margin:0;color:#444'>{advice}</ul>" if advice else "")
        + "</div>"
    )


def counters_html(text: str, platforms: Iterable[str] | None = None) -> str:
    """Every platform's counter for ``text`` as an HTML table (the composer's static view).

    >>> page = counters_html("ঈদ মোবারক! #ঈদ", ["x", "linkedin"])
    >>> page.count("<tr"), "smm-counter-linkedin" in page
    (3, True)
    """
    rows = []
    for c in counters(text, platforms):
        colour = _OK if c.ok else _OVER
        state = "ok" if c.ok else "over" if c.length > c.limit else "problem"
        rows.append(
            f"<tr class='smm-counter smm-counter-{c.platform}'><td>{html.escape(c.name)}</td>"
            f"<td style='text-align:right'>{c.length:,}/{c.limit:,}</td>"
            f"<td>{html.escape(c.unit)}</td><td style='color:{colour}'><b>{state}</b></td>"
            f"<td style='text-align:right'>{c.visible:,}</td>"
            f"<td style='text-align:right'>{c.hashtags}</td><td>{html.escape(c.fold)}</td>"
            f"<td>{_notes_html(c)}</td></tr>")
    shown = html.escape(text) if text else "<em>(empty)</em>"
    return (
        "<div class='smm-post-composer'>"
        f"<blockquote style='white-space:pre-wrap'>{shown}</blockquote>"
        "<table><thead><tr><th>platform</th><th>length/limit</th><th>unit</th><th>state</th>"
        "<th>visible characters</th><th>hashtags</th><th>see-more fold</th>"
        "<th>problems and tips</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _notes_html(counter: Counter) -> str:
    """A counter's problems, then its tips, as short lines for the static table."""
    lines = [html.escape(p) for p in counter.problems]
    lines += [f"tip: {html.escape(a)}" for a in counter.advice]
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

    return LiveView(build, static_html=counters_html(text, chosen),
                    text="\n".join(str(c) for c in start))


def _build(text: str, platforms: list[str]) -> Any:
    import ipywidgets as widgets

    box_text = widgets.Textarea(value=text, placeholder="Write your post here…",
                                continuous_update=True, rows=6,
                                layout={"width": "100%"})
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
