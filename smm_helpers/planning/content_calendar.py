"""The content calendar a learner holds: :class:`ContentCalendar` and how it shows itself.

Its week grids, a plain ``repr`` and an HTML view for notebooks, post counts, and exports to
CSV and iCalendar (``.ics``, through :mod:`smm_helpers.planning.ics`).  Build one with
:func:`smm_helpers.planning.calendar.build_calendar`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.planning.calendar_days import day_label
from smm_helpers.planning.ics import write_ics

if TYPE_CHECKING:
    import pandas as pd

CELL_SEPARATOR = " | "
"""Between two events of one grid cell: a table shows it as it is (a line break would print
as a literal "\\n" in a notebook's table), the calendar's HTML view as two lines."""


class ContentCalendar:
    """A content calendar: a table of events (posts, prep tasks, special days) over whole weeks.

    Build one with :func:`build_calendar`.  ``events`` returns a copy, so changing it never
    changes the calendar.

    >>> from smm_helpers.planning.calendar import build_calendar
    >>> cal = build_calendar("2026-11-23", weeks=1, platforms="linkedin", special_days=False)
    >>> cal.post_counts()
    platform  linkedin
    week
    1                5
    >>> cal.week(2)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: week 2 is not in this 1-week calendar.
    How to fix it: use a week from 1 to 1.
    """

    def __init__(
        self,
        events: pd.DataFrame,
        *,
        first_day: date,
        weeks: int,
        timezone: str,
        platforms: Sequence[str],
        notes: Sequence[str] = (),
    ) -> None:
        self._events = events.copy()
        self.first_day = first_day
        self.weeks = weeks
        self.timezone = timezone
        self.platforms = tuple(platforms)
        self.notes = tuple(notes)

    @property
    def events(self) -> pd.DataFrame:
        """Every event, sorted by start (a new DataFrame each time)."""
        return self._events.copy()

    @property
    def last_day(self) -> date:
        """The calendar's last day (a Sunday)."""
        return self.first_day + timedelta(days=7 * self.weeks - 1)

    def _week_number(self, start: pd.Series) -> pd.Series:
        days = start.map(lambda ts: (ts.date() - self.first_day).days)
        return days // 7 + 1

    def week(self, n: int) -> pd.DataFrame:
        """The events of week ``n`` (1 = the first week), as a new DataFrame."""
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= self.weeks:
            raise InputError(
                _("week {n} is not in this {weeks}-week calendar").format(
                    n=repr(n), weeks=self.weeks
                ),
                fix=_("use a week from 1 to {weeks}").format(weeks=self.weeks),
            )
        chosen = self._week_number(self._events["start"]) == n
        return self._events[chosen].reset_index(drop=True)

    def post_counts(self) -> pd.DataFrame:
        """Posts per week (rows) and platform (columns), as a new DataFrame."""
        import pandas as pd

        posts = self._events[self._events["kind"] == "post"]
        table = pd.crosstab(self._week_number(posts["start"]).rename("week"), posts["platform"])
        table = table.reindex(index=range(1, self.weeks + 1), columns=list(self.platforms))
        return table.fillna(0).astype(int)

    def grid(self, n: int) -> pd.DataFrame:
        """Week ``n`` as a grid: one row per time, one column per day, titles in the cells."""
        import pandas as pd

        events = self.week(n)
        monday = self.first_day + timedelta(days=7 * (n - 1))
        days = [monday + timedelta(days=i) for i in range(7)]
        columns = [day_label(d, year=False) for d in days]
        all_day = _("all day")
        rows: dict[str, dict[str, list[str]]] = {}
        starts: list[datetime] = events["start"].tolist()
        for start, kind, title in zip(starts, events["kind"], events["title"], strict=True):
            label = all_day if kind == "special_day" else digits(start.strftime("%H:%M"))
            column = columns[(start.date() - monday).days]
            rows.setdefault(label, {}).setdefault(column, []).append(str(title))
        order = sorted(rows, key=lambda r: "" if r == all_day else r)  # ০–৯ sort as 0–9 do
        table = pd.DataFrame(
            [[CELL_SEPARATOR.join(rows[r].get(c, [])) for c in columns] for r in order],
            index=pd.Index(order, name=self.timezone),
            columns=columns,
        )
        return table

    def __repr__(self) -> str:
        posts = int((self._events["kind"] == "post").sum())
        special = int((self._events["kind"] == "special_day").sum())
        if special:
            text = _(
                "ContentCalendar({weeks}, {first} – {last}, {timezone}: {posts} posts on "
                "{platforms}; {special} special days)"
            )
        else:
            text = _(
                "ContentCalendar({weeks}, {first} – {last}, {timezone}: {posts} posts on "
                "{platforms})"
            )
        return text.format(
            weeks=ngettext("{count} week", "{count} weeks", self.weeks).format(
                count=digits(self.weeks)
            ),
            first=day_label(self.first_day),
            last=day_label(self.last_day),
            timezone=self.timezone,
            posts=digits(posts),
            platforms=", ".join(self.platforms),
            special=digits(special),
        )

    def _repr_html_(self, max_weeks: int = 4) -> str:
        parts = [f"<p><b>{html.escape(repr(self))}</b></p>"]
        for n in range(1, min(self.weeks, max_weeks) + 1):
            grid = self.grid(n)
            head = "".join(f"<th>{html.escape(c)}</th>" for c in grid.columns)
            body = "".join(
                f"<tr><th>{html.escape(str(label))}</th>"
                + "".join(
                    f"<td>{'<br>'.join(html.escape(t) for t in cell.split(CELL_SEPARATOR))}</td>"
                    for cell in row
                )
                + "</tr>"
                for label, row in zip(grid.index, grid.to_numpy().tolist(), strict=True)
            )
            week = html.escape(_("Week {n}").format(n=digits(n)))
            parts.append(
                f"<h4>{week}</h4><table><thead><tr><th>{html.escape(self.timezone)}</th>"
                f"{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        if self.weeks > max_weeks:
            more = _("… and {count} more weeks: use {code}.").format(
                count=digits(self.weeks - max_weeks), code="\x00"
            )
            parts.append(f"<p>{html.escape(more).replace(chr(0), '<code>.week(n)</code>')}</p>")
        note_text = _("Note: {note}")
        parts += [f"<p>{html.escape(note_text.format(note=note))}</p>" for note in self.notes]
        return "\n".join(parts)

    def to_csv(self, path: str | Path) -> Path:
        """Write the events to a CSV file (times in ISO 8601 with their UTC offset)."""
        table = self.events
        for column in ("start", "end"):
            table[column] = table[column].map(lambda ts: ts.isoformat())
        path = Path(path)
        table.to_csv(path, index=False, encoding="utf-8")
        return path

    def to_ics(self, path: str | Path, *, name: str | None = None) -> Path:
        """Write the events to an iCalendar (.ics) file that calendar apps import.

        ``name`` is the calendar's name in the app (default: "SMM Lab content calendar", in
        the chosen language)."""
        return write_ics(self._events, path, timezone=self.timezone, name=name)
