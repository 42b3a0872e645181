"""Special days for a Bangladeshi content calendar: public holidays, observances, charity days.

A social media manager prepares content for important days in advance (source article 004,
step 5).  :func:`special_days` lists them for a year in one table:

* **public** holidays come from the ``holidays`` package (Bangladesh, English and Bengali
  names).  Its lunar (Islamic) dates are *estimated* outside the years the government has
  announced: those rows carry ``estimated=True`` and the package's "(estimated)" /
  "(আনুমানিক)" label is removed from the name.
* **observance** days the package lacks (Pohela Falgun, Rabindra and Nazrul Jayanti,
  Martyred Intellectuals Day) are *computed* for each year from the revised Bangla calendar
  (:func:`bangla_to_gregorian`), with their source in every row.
* **nonprofit** days (GivingTuesday, International Volunteer Day, World Humanitarian Day,
  International Literacy Day) are computed from their rules.

Lunar Hindu and Buddhist days (Durga Puja, Buddha Purnima, Janmashtami) are set each year by
the government holiday circular (sources.md#bd-holiday-circular), so SMM Lab does not guess
them: pass them yourself with ``extra_days=`` (a table with ``date`` and ``name``, ideally
``name_bn`` and ``source``).

>>> days = special_days(2026)
>>> days.loc[days["name"] == "Pohela Falgun", "date"].item()
datetime.date(2026, 2, 14)
>>> giving_tuesday(2026)
datetime.date(2026, 12, 1)
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import N_, current_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits
from smm_helpers.schema import LANGUAGES

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("public", "observance", "nonprofit")
"""The kinds of special day: public holiday, national/cultural observance, charity day."""

KIND_NAMES = {"public": N_("public"), "observance": N_("observance"), "nonprofit": N_("nonprofit")}
"""How each kind is shown to a reader (the values of ``KINDS`` stay the data)."""

# The sources below are data: the ``source`` column cites them as they were published.

COLUMNS = ("date", "name", "name_en", "name_bn", "kind", "estimated", "uncertain", "source")
"""The columns of the table :func:`special_days` returns, in order."""

FIRST_YEAR = 1972
"""First year SMM Lab lists: Bangladesh became independent in December 1971.

The ``holidays`` package answers for earlier years too, but those dates are anachronistic.
"""

HOLIDAYS_SOURCE = (
    "holidays package (Bangladesh, "  # i18n: not shown
    "from the Ministry of Public Administration lists; sources.md#holidays-package)"
)

REVISED_CALENDAR_SOURCE = (
    "revised Bangla calendar, "  # i18n: not shown
    "Bangla Academy committee chaired by Prof. Ajoy Roy, "
    "in effect from 16–17 Oct 2019 (bdnews24.com 2019-10-16; daily-bangladesh.com; "
    "cni.news 2020-02-14; sources.md#bangla-calendar-2019)"
)
OLD_CALENDAR_SOURCE = (
    "Bangla Academy calendar "  # i18n: not shown
    "before the 2019 revision (first five months 31 days; "
    "Pohela Falgun on 13 Feb, as PyPI `bangla` 0.0.6 still computes)"
)

BANGLA_MONTHS = (
    "Boishakh",
    "Joishtho",
    "Asharh",
    "Srabon",
    "Bhadro",
    "Ashwin",
    "Kartik",
    "Ogrohayon",
    "Poush",
    "Magh",
    "Falgun",
    "Chaitra",
)
"""The twelve Bangla months, Boishakh (1) to Chaitra (12)."""

BANGLA_MONTH_NAMES = (
    N_("Boishakh"),
    N_("Joishtho"),
    N_("Asharh"),
    N_("Srabon"),
    N_("Bhadro"),
    N_("Ashwin"),
    N_("Kartik"),
    N_("Ogrohayon"),
    N_("Poush"),
    N_("Magh"),
    N_("Falgun"),
    N_("Chaitra"),
)
"""``BANGLA_MONTHS`` marked for translation: 'Boishakh' is shown as 'বৈশাখ' in Bengali."""

YOUR_SOURCE = "supplied by you (extra_days)"  # i18n: not shown
"""The ``source`` of an ``extra_days`` row that gives none (data, like every source)."""


def _month_name(month: int) -> str:
    """A Gregorian month's full name in the chosen language: 'February', 'ফেব্রুয়ারি'."""
    if current_language() == "en":
        return _calendar.month_name[month]
    from babel.dates import get_month_names  # heavy: loaded on first use

    return str(get_month_names("wide", locale=current_language())[month])


def _day_name(weekday: int) -> str:
    """A weekday's full name (0 = Monday) in the chosen language: 'Monday', 'সোমবার'."""
    if current_language() == "en":
        return _calendar.day_name[weekday]
    from babel.dates import get_day_names  # heavy: loaded on first use

    return str(get_day_names("wide", locale=current_language())[weekday])


REVISED_CALENDAR_FROM = 1426
"""First Bangla year (began 14 Apr 2019) whose dates follow the 2019 revision."""


# --------------------------------------------------------------------------- Bangla calendar


def bangla_month_lengths(bangla_year: int) -> tuple[int, ...]:
    """The number of days in each month of a Bangla year, as Bangladesh counts them.

    Since the 2019 revision the first six months have 31 days, Falgun has 29 days (30 when
    its February is in a Gregorian leap year) and the rest have 30.  Before it, the first
    five months had 31 days and Falgun gained the leap day.  Source: ``REVISED_CALENDAR_SOURCE``.

    >>> bangla_month_lengths(1432)
    (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30)
    >>> sum(bangla_month_lengths(1430))  # Falgun 1430 ends in February 2024, a leap year
    366
    >>> bangla_month_lengths(1300)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: Bangla year 1300 is before 1378 (1971–72), the first year ...
    How to fix it: use a Bangla year from 1378 on.
    """
    first = FIRST_YEAR - 594  # Bangla year 1378 reaches into Feb–Apr 1972
    if bangla_year < first:
        raise InputError(
            _(
                "Bangla year {year} is before {first} (1971–72), the first year SMM Lab knows"
            ).format(year=bangla_year, first=first),
            fix=_("use a Bangla year from {first} on").format(first=first),
        )
    leap = _calendar.isleap(bangla_year + 594)  # Falgun and Chaitra fall in that Gregorian year
    if bangla_year >= REVISED_CALENDAR_FROM:
        return (31,) * 6 + (30,) * 4 + (30 if leap else 29, 30)
    return (31,) * 5 + (30,) * 5 + (31 if leap else 30, 30)


def bangla_to_gregorian(bangla_year: int, month: int, day: int) -> date:
    """The Gregorian date of a day in Bangladesh's Bangla calendar.

    The year starts on Pohela Boishakh, 14 April (Bangla year 1433 starts on 14 Apr 2026).
    ``month`` counts from 1 (Boishakh) to 12 (Chaitra); see ``BANGLA_MONTHS``.

    >>> bangla_to_gregorian(1433, 1, 1)    # Pohela Boishakh
    datetime.date(2026, 4, 14)
    >>> bangla_to_gregorian(1432, 11, 8)   # 8 Falgun = 21 February
    datetime.date(2026, 2, 21)
    >>> bangla_to_gregorian(1433, 2, 32)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: Joishtho 1433 has 31 days, not 32.
    How to fix it: use a day from 1 to 31.
    """
    lengths = bangla_month_lengths(bangla_year)
    if not 1 <= month <= 12:
        raise InputError(
            _("month {month} is not a Bangla month number").format(month=month),
            fix=_("use 1 (Boishakh) to 12 (Chaitra)"),
        )
    if not 1 <= day <= lengths[month - 1]:
        name = _(BANGLA_MONTH_NAMES[month - 1])
        raise InputError(
            _("{month} {year} has {days} days, not {day}").format(
                month=name, year=digits(bangla_year), days=digits(lengths[month - 1]), day=day
            ),
            fix=_("use a day from 1 to {last}").format(last=lengths[month - 1]),
        )
    new_year = date(bangla_year + 593, 4, 14)
    return new_year + timedelta(days=sum(lengths[: month - 1]) + day - 1)


# --------------------------------------------------------------------------- computed days


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th given weekday (0 = Monday) of a month.

    >>> nth_weekday(2026, 11, 3, 4)   # 4th Thursday of November 2026: US Thanksgiving
    datetime.date(2026, 11, 26)
    >>> nth_weekday(2026, 2, 0, 5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: February 2026 has no 5th weekday 0 (Monday).
    How to fix it: use n from 1 to 4.
    """
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if n < 1 or day.month != month:
        count = sum(
            1
            for d in range(1, _calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday
        )
        raise InputError(
            _("{month} {year} has no {n}th weekday {weekday} ({day})").format(
                month=_month_name(month),
                year=digits(year),
                n=n,
                weekday=weekday,
                day=_day_name(weekday),
            ),
            fix=_("use n from 1 to {count}").format(count=count),
        )
    return day


def giving_tuesday(year: int) -> date:
    """GivingTuesday: the Tuesday after US Thanksgiving (the 4th Thursday of November).

    >>> giving_tuesday(2025)
    datetime.date(2025, 12, 2)
    >>> giving_tuesday(2011)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: GivingTuesday began in 2012, so 2011 has none.
    How to fix it: use a year from 2012 on.
    """
    if year < 2012:
        raise InputError(
            _("GivingTuesday began in 2012, so {year} has none").format(year=digits(year)),
            fix=_("use a year from 2012 on"),
        )
    return nth_weekday(year, 11, 3, 4) + timedelta(days=5)


@dataclass(frozen=True)
class Observance:
    """A special day the ``holidays`` package lacks, with the rule that finds it each year."""

    name: str
    name_bn: str
    kind: str
    rule: Callable[[int], date]
    source: str | Callable[[int], str]
    since: int = FIRST_YEAR
    uncertain: bool = False


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _bangla(month: int, day: int, *, next_year: bool = False) -> Callable[[int], date]:
    """A Bangla-calendar day that falls in the given Gregorian year."""
    # Boishakh to Poush start in April–December of (Bangla year + 593); Magh to Chaitra
    # fall in the following Gregorian year.
    return lambda year: bangla_to_gregorian(year - 593 - (1 if next_year else 0), month, day)


_FROM_MEMORY = "UNCERTAIN: from memory, not checked against a published source"  # i18n: not shown


def _falgun_source(year: int) -> str:
    if year >= 2020:
        return f"1 Falgun = 14 Feb since 2020, {REVISED_CALENDAR_SOURCE}"  # i18n: not shown
    return f"1 Falgun = 13 Feb, {OLD_CALENDAR_SOURCE}; sources.md#bangla-calendar-2019"


OBSERVANCES: tuple[Observance, ...] = (
    # Names and sources are data (the ``name_en``/``name_bn`` and ``source`` columns).
    Observance(
        "Pohela Falgun",  # i18n: not shown
        "পহেলা ফাল্গুন",
        "observance",
        _bangla(11, 1, next_year=True),
        _falgun_source,
    ),
    Observance(
        "International Mother Language Day",  # i18n: not shown
        "আন্তর্জাতিক মাতৃভাষা দিবস",
        "observance",
        _fixed(2, 21),
        "UNESCO General Conference, Nov 1999 "  # i18n: not shown
        "(21 Feb = 8 Falgun, sources.md#bangla-calendar-2019)",
        since=2000,
    ),
    Observance(
        "Rabindra Jayanti",  # i18n: not shown
        "রবীন্দ্র জয়ন্তী",
        "observance",
        _bangla(1, 25),
        f"25 Boishakh = 8 May, {REVISED_CALENDAR_SOURCE}",
    ),
    Observance(
        "Nazrul Jayanti",  # i18n: not shown
        "নজরুল জয়ন্তী",
        "observance",
        _bangla(2, 11),
        f"11 Joishtho = 25 May, {REVISED_CALENDAR_SOURCE}",
    ),
    Observance(
        "Martyred Intellectuals Day",  # i18n: not shown
        "শহীদ বুদ্ধিজীবী দিবস",
        "observance",
        _fixed(12, 14),
        "14 Dec, national day of mourning "  # i18n: not shown
        "for the intellectuals killed in 1971 (general knowledge; not a public holiday)",
    ),
    Observance(
        "International Literacy Day",  # i18n: not shown
        "আন্তর্জাতিক সাক্ষরতা দিবস",
        "nonprofit",
        _fixed(9, 8),
        "8 Sep, proclaimed by UNESCO in 1966, "  # i18n: not shown
        "first held in 1967 (fits the literacy charity)",
        since=1967,
    ),
    Observance(
        "World Humanitarian Day",  # i18n: not shown
        "বিশ্ব মানবিক সহায়তা দিবস",
        "nonprofit",
        _fixed(8, 19),
        "19 Aug, UN General Assembly resolution 63/139 (2008), "  # i18n: not shown
        "held since 2009; " + _FROM_MEMORY,
        since=2009,
        uncertain=True,
    ),
    Observance(
        "GivingTuesday",
        "গিভিং টিউসডে",
        "nonprofit",
        giving_tuesday,
        "the Tuesday after US Thanksgiving "  # i18n: not shown
        "(4th Thursday of November), since 2012; " + _FROM_MEMORY,
        since=2012,
        uncertain=True,
    ),
    Observance(
        "International Volunteer Day",  # i18n: not shown
        "আন্তর্জাতিক স্বেচ্ছাসেবক দিবস",
        "nonprofit",
        _fixed(12, 5),
        "5 Dec, UN General Assembly resolution 40/212 (1985); "  # i18n: not shown
        + _FROM_MEMORY,
        since=1986,
        uncertain=True,
    ),
)
"""Observances and charity days computed per year (each with its rule and source)."""


# --------------------------------------------------------------------------- the table


def covered_years() -> range:
    """The years :func:`special_days` can list: from 1972 to the ``holidays`` package's last.

    >>> covered_years()
    range(1972, 2101)
    """
    import holidays  # heavy: loaded on first use

    return range(FIRST_YEAR, holidays.BD.end_year + 1)


def check_year(year: object) -> int:
    """Return ``year`` if the special-day data covers it, else raise a clear error.

    >>> check_year(2027)
    2027
    >>> check_year(2150)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: the holidays package ... from 1972 to 2100, not 2150.
    How to fix it: plan within 1972–2100, or pass special_days=False to build_calendar ...
    """
    import holidays  # heavy: loaded on first use

    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(
            _("year must be a whole number like 2027, not {value}").format(value=repr(year)),
            fix=_("pass e.g. year=2027"),
        )
    years = covered_years()
    if year not in years:
        raise InputError(
            _(
                "the holidays package {version} (with SMM Lab's first year {first}) covers "
                "Bangladesh from {low} to {high}, not {year}"
            ).format(
                version=holidays.__version__,
                first=FIRST_YEAR,
                low=years[0],
                high=years[-1],
                year=year,
            ),
            fix=_(
                "plan within {low}–{high}, or pass special_days=False to build_calendar to "
                "plan without special days"
            ).format(low=years[0], high=years[-1]),
        )
    return year


_ESTIMATED_MARKERS = (" (estimated)", " (আনুমানিক)")


def _strip_estimated(name: str) -> tuple[str, bool]:
    for marker in _ESTIMATED_MARKERS:
        if name.endswith(marker):
            return name[: -len(marker)], True
    return name, False


def _public_rows(year: int) -> list[dict[str, Any]]:
    """Bangladesh public holidays of one year, one row per holiday (not per date)."""
    import holidays  # heavy: loaded on first use

    english = holidays.country_holidays("BD", years=year, language="en_US")
    bengali = holidays.country_holidays("BD", years=year, language="bn")
    rows = []
    for day in sorted(english):
        # Both lists come from the same rules in the same order, so they pair up.
        for name_en, name_bn in zip(english.get_list(day), bengali.get_list(day), strict=True):
            clean_en, estimated = _strip_estimated(name_en)
            clean_bn, _ = _strip_estimated(name_bn)
            source = HOLIDAYS_SOURCE + (
                "; lunar date ESTIMATED by the package, "  # i18n: not shown
                "confirm with the government circular (sources.md#bd-holiday-circular)"
                if estimated
                else ""
            )
            rows.append(_row(day, clean_en, clean_bn, "public", source, estimated=estimated))
    return rows


def _row(
    day: date,
    name_en: str,
    name_bn: str,
    kind: str,
    source: str,
    *,
    estimated: bool = False,
    uncertain: bool = False,
) -> dict[str, Any]:
    return {
        "date": day,
        "name_en": name_en,
        "name_bn": name_bn,
        "kind": kind,
        "estimated": estimated,
        "uncertain": uncertain,
        "source": source,
    }


def _observance_rows(year: int, public: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Computed observances, merged into a public holiday the package already has."""
    rows = []
    for observance in OBSERVANCES:
        if year < observance.since:
            continue
        day = observance.rule(year)
        source = observance.source
        if callable(source):
            source = source(year)
        same = [
            r
            for r in public
            if r["date"] == day and observance.name.lower() in r["name_en"].lower()
        ]
        if same:  # already a public holiday: keep one row, name both sources
            same[0]["source"] += f"; also {source}"
            continue
        rows.append(
            _row(
                day,
                observance.name,
                observance.name_bn,
                observance.kind,
                source,
                uncertain=observance.uncertain,
            )
        )
    return rows


def _extra_rows(extra_days: Any, years: set[int]) -> list[dict[str, Any]]:
    """Rows from a user-supplied table (DataFrame, list of dicts) within ``years``."""
    import pandas as pd  # heavy: loaded on first use

    table = pd.DataFrame(extra_days).copy()
    missing = [c for c in ("date", "name") if c not in table.columns]
    if missing:
        raise InputError(
            _("extra_days lacks the column(s) {missing}; it has: {columns}").format(
                missing=", ".join(missing),
                columns=", ".join(map(str, table.columns)) or _("no columns"),
            ),
            fix=_(
                "give extra_days a 'date' and a 'name' column (and ideally 'name_bn' and "
                "'source', e.g. the government holiday circular)"
            ),
        )
    rows = []
    for number, record in enumerate(table.to_dict("records"), start=1):
        try:
            day = pd.Timestamp(record["date"]).date()
        except (ValueError, TypeError) as error:
            raise InputError(
                _("extra_days row {number}: {value} is not a date ({error})").format(
                    number=digits(number), value=repr(record["date"]), error=error
                ),
                fix=_("write dates as YYYY-MM-DD, e.g. 2026-10-21"),
            ) from None
        kind = record.get("kind") or "observance"
        if kind not in KINDS:
            raise unknown_choice(_("special-day kind"), kind, KINDS)
        if day.year in years:
            rows.append(
                _row(
                    day,
                    str(record["name"]),
                    str(record.get("name_bn") or record["name"]),
                    kind,
                    str(record.get("source") or YOUR_SOURCE),
                )
            )
    return rows


def _as_years(year: int | Iterable[int]) -> list[int]:
    years = [year] if isinstance(year, int | str | bytes) else list(year)
    if not years:
        raise InputError(_("no year was given"), fix=_("pass a year such as 2027"))
    return [check_year(y) for y in years]


def special_days(
    year: int | Iterable[int],
    *,
    language: str = "en",
    include: Iterable[str] = KINDS,
    extra_days: Any = None,
) -> pd.DataFrame:
    """The special days of a year (or several) for a Bangladeshi content calendar.

    Returns a new table sorted by date with the columns ``COLUMNS``: ``name`` is in
    ``language`` ("en" or "bn"), ``name_en``/``name_bn`` hold both, ``kind`` is one of
    ``KINDS``, ``estimated`` marks lunar dates the ``holidays`` package only estimates,
    ``uncertain`` marks days whose date is weakly sourced (from memory), and ``source`` names
    where each row comes from.  ``extra_days`` adds your own rows (a table with ``date``,
    ``name`` and optional ``name_bn``, ``kind``, ``source``), e.g. Durga Puja from the
    government circular: SMM Lab never guesses those lunar Hindu and Buddhist dates.

    >>> days = special_days(2026, include=["nonprofit"])
    >>> print(days[["date", "name"]].to_string(index=False))
          date                        name
    2026-08-19      World Humanitarian Day
    2026-09-08  International Literacy Day
    2026-12-01               GivingTuesday
    2026-12-05 International Volunteer Day
    >>> bn = special_days(2026, language="bn")
    >>> bn.loc[bn["name_en"] == "Victory Day", "name"].item()
    'বিজয় দিবস'
    >>> special_days(2026, include=["holiday"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'holiday' is not a special-day kind SMM Lab knows.
    How to fix it: use one of: public, observance, nonprofit.
    """
    import pandas as pd  # heavy: loaded on first use

    if language not in LANGUAGES:
        raise unknown_choice("language", language, LANGUAGES)
    kinds = [include] if isinstance(include, str) else list(include)
    for kind in kinds:
        if kind not in KINDS:
            raise unknown_choice(_("special-day kind"), kind, KINDS)
    years = _as_years(year)
    rows: list[dict[str, Any]] = []
    for one_year in sorted(set(years)):
        public = _public_rows(one_year)
        rows += public + _observance_rows(one_year, public)
    if extra_days is not None:
        rows += _extra_rows(extra_days, set(years))
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "name"])
    table.insert(1, "name", table["name_bn"] if language == "bn" else table["name_en"])
    table = table[table["kind"].isin(kinds)]
    return table.sort_values(["date", "kind"], kind="stable").reset_index(drop=True)
