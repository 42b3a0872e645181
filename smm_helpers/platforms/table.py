"""The built-in platform table: ``profiles.toml`` read, checked and built into profiles.

The facts about each platform are data, in ``smm_helpers/platforms/profiles.toml``: every
field of a :class:`~smm_helpers.platforms.profiles.PlatformProfile` and every figure with its
unit, source, status, range and note.  A few figures are worked out rather than written:
the Bangladesh ad prices (Meta's, or scaled from Meta's by the platform's global CPM) and
the audiences' Bangladesh strengths (users ÷ Facebook's users in the same count); the file
says how (``derive = ...``), and this module does the arithmetic.

The file is read the first time a profile is needed (never on import) and checked as a
whole: an unknown key, a missing field, a figure without a source, a status SMM Lab does
not know or a number that is not a number is a ``DataError`` naming the file, the line, the
platform and the field, with a fix.

Two tables come out of it besides the profiles, each in one place:
:data:`BANGLADESH_USERS` (how many people use each platform in Bangladesh, with sources;
sources.md#datareportal-bangladesh) and :data:`WEEKLY_HOURS` (the one hours figure per
platform that the effort factor, the focus list and every printed explanation use).

>>> [p.id for p in builtin_profiles()][:3]
['facebook', 'instagram', 'x']
>>> read_table(TABLE_TEXT_EXAMPLE.replace('"sourced"', '"guessed"'))
Traceback (most recent call last):
...
smm_helpers.errors.DataError: profiles.toml, line 17: platform 'threads', field 'effort.status': 'guessed' is not a figure status SMM Lab knows.
How to fix it: use one of: sourced, uncertain, illustrative, general knowledge, course estimate.
"""  # noqa: E501

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, TypeVar

from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.platforms.choices import FIGURE_STATUSES, GOALS, ROLES
from smm_helpers.platforms.profiles import Audience, ComposedSource, Figure, PlatformProfile
from smm_helpers.schema import FORMATS

__all__ = [
    "BANGLADESH_USERS",
    "TABLE_FILE",
    "WEEKLY_HOURS",
    "PlatformTable",
    "builtin_profiles",
    "builtin_table",
    "read_table",
]

TABLE_FILE = "profiles.toml"
"""The built-in table, beside this module in ``smm_helpers/platforms``."""

FIGURE_KEYS = ("value", "unit", "source", "source_ref", "status", "low", "high", "note")
"""The keys a figure may have (``source`` or ``source_ref``, not both)."""

FIGURE_FIELDS = ("effort", "engagement", "cpm_usd", "cpc_usd", "cpm_bdt", "cpc_bdt", "posting")
"""The fields of a platform that are one figure each."""

DERIVED_FIELDS = ("cpm_bdt", "cpc_bdt")
"""The figures a platform may derive (``{derive = "bangladesh_meta"}`` or ``"scaled"``)."""

DERIVATIONS = ("bangladesh_meta", "scaled")
"""The ways of working a Bangladesh price out."""

PLATFORM_KEYS = (
    "id",
    "name",
    "role",
    "aliases",
    "formats",
    "also_works",
    "goal_fit",
    "posting_advice",
    "audience",
    "text_limits",
    *FIGURE_FIELDS,
)
"""The keys of a ``[[platform]]`` entry."""

REQUIRED_PLATFORM_KEYS = ("id", "name", "role", "formats", "audience", "effort")
"""The keys every ``[[platform]]`` entry must have."""

AUDIENCE_KEYS = (
    "ages",
    "kind",
    "global",
    "city",
    "village",
    "users",
    "facebook_users_in_same_count",
    "estimated_strength",
)
"""The keys of a platform's ``audience`` table."""

TOP_KEYS = ("sources", "audience_sources", "derive", "platform")
"""The sections of the file."""

FILE_SECTIONS = ("sources", "audience_sources", "derive")
"""The sections that belong to no one platform."""

AUDIENCE_SOURCE_KEYS = (
    "counted",
    "estimated",
    "estimated_source_ref",
    "estimated_status",
    "judged",
)
SCALED_KEYS = (
    "meta_low_usd",
    "meta_high_usd",
    "source",
    "agency_ref",
    "prices_ref",
    "status",
    "note",
)

TRANSLATED_KEYS = ("name", "posting_advice", "unit", "source", "note")
"""The texts of the table that are shown translated (the Babel extractor yields them)."""

TABLE_TEXT_EXAMPLE = """# a made-up platform (i18n: not shown)
[sources]
hours = "course estimate"
guess = "no count found"
[audience_sources]
counted = "strength {strength:.2g} = {users:g} M users ÷ {facebook:g} M ({source})"
estimated = "strength {strength:g}: {source}"
estimated_source_ref = "guess"
estimated_status = "course estimate"
judged = "; ages: course judgement"
[[platform]]
id = "threads"
name = "Threads"
role = "feed"
formats = ["text"]
audience = {ages = [18, 34], kind = "general", global = 0.3, city = 1, village = 1, estimated_strength = 0.1}
effort = {value = 2, unit = "hours per week", source_ref = "hours", status = "sourced"}
"""  # noqa: E501
"""A table of one made-up platform (the examples' and tests' starting point)."""

_T = TypeVar("_T")
_V = TypeVar("_V")

_TEXT = N_("text")
_NUMBER = N_("a number")
_LIST = N_("a list of text")
_TABLE = N_("a table")
_SCORE = N_("a score of 0, 1, 2 or 3")
_AGES = N_("two whole numbers")


@dataclass(frozen=True)
class PlatformTable:
    """What the table file builds: the profiles in file order, and two tables by platform.

    ``bangladesh_users`` maps a platform to ``(users Figure, Facebook's users in the same
    count)``; ``weekly_hours`` maps every platform to its ``effort`` figure.
    """

    profiles: tuple[PlatformProfile, ...]
    bangladesh_users: Mapping[str, tuple[Figure, float]]
    weekly_hours: Mapping[str, Figure]


class _Reader:
    """Checks one parsed table and builds it; every problem says where it is."""

    def __init__(self, data: Mapping[str, Any], text: str, file: str) -> None:
        self.data = data
        self.lines = text.splitlines()
        self.file = file
        self.platform = ""
        self.entry = 0
        self.sources: Mapping[str, str] = {}
        self.derive: Mapping[str, Any] = {}
        self.audience_sources: Mapping[str, Any] = {}

    # --- errors --------------------------------------------------------------------------

    def _platform_of(self, path: str) -> str:
        """The platform a path belongs to ("" for the file's own sections)."""
        return "" if path.split(".")[0] in FILE_SECTIONS else self.platform

    def error(self, path: str, problem: str, fix: str) -> DataError:
        platform = self._platform_of(path)
        if platform and path:
            where = _("platform {id}, field {field}").format(id=repr(platform), field=repr(path))
        elif platform:
            where = _("platform {id}").format(id=repr(platform))
        else:
            where = _("field {field}").format(field=repr(path))
        return DataError(
            _("{where}: {problem}").format(where=where, problem=problem.rstrip(".")),
            fix=fix,
            file=self.file,
            line=self._line(path),
        )

    def _line(self, path: str) -> int | None:
        """The line of ``path`` (dotted keys) in the file, as an editor counts (best effort)."""
        start, end = 0, len(self.lines)
        platform = self._platform_of(path)
        if platform:
            headers = [
                i for i, line in enumerate(self.lines) if line.strip().startswith("[[platform]]")
            ]
            if self.entry >= len(headers):
                return None
            start = headers[self.entry]
            end = headers[self.entry + 1] if self.entry + 1 < len(headers) else end
        found = start if platform else -1
        for key in filter(None, path.split(".")):
            key_line = re.compile(r"(^\s*\[*|[{,]\s*|\.)" + re.escape(key) + r"(\s*=|\s*\]|\.)")
            here = next(
                (
                    i
                    for i in range(max(found, 0), end)
                    if key_line.search(self.lines[i]) and not self.lines[i].lstrip().startswith("#")
                ),
                None,
            )
            if here is None:
                break
            found = here
        return found + 1 if found >= 0 else None

    def wrap(self, path: str, build: Callable[[], _T]) -> _T:
        """Run a constructor; its ``InputError`` becomes a ``DataError`` saying where."""
        try:
            return build()
        except InputError as error:
            raise self.error(path, error.problem, error.fix) from None

    # --- checks --------------------------------------------------------------------------

    def keys(
        self, table: Any, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> Mapping[str, Any]:
        if not isinstance(table, dict):
            raise self.error(
                path or "(top)",
                self._is_not(table, _TABLE),
                _("write {field} as a [table] or {{key = value, ...}}").format(
                    field=path or "(top)"
                ),
            )
        for key in table:
            if key not in allowed:
                raise self.error(
                    _join(path, key),
                    _("the key {key} is not one SMM Lab knows").format(key=repr(key)),
                    _("use one of: {choices}").format(choices=", ".join(allowed)),
                )
        for key in required:
            if key not in table:
                fix = (
                    _("add {key} = ... to {table}").format(key=key, table=path)
                    if path
                    else _("add {key} = ... to the file").format(key=key)
                )
                raise self.error(_join(path, key), _("it is missing"), fix)
        return table

    def _is_not(self, value: Any, expected: str) -> str:
        return _("{value} is not {expected}").format(value=repr(value), expected=_(expected))

    def text(self, value: Any, path: str, *, empty: bool = False) -> str:
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.error(
                path,
                self._is_not(value, _TEXT),
                _("write {field} as text in double quotes").format(field=path),
            )
        return value

    def number(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(
                path,
                self._is_not(value, _NUMBER),
                _("write {field} as a number, without quotes").format(field=path),
            )
        return value

    def texts(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(
                path,
                self._is_not(value, _LIST),
                _('write {field} as a list, e.g. ["a", "b"]').format(field=path),
            )
        return tuple(value)

    def reference(self, name: Any, path: str) -> str:
        self.text(name, path)
        if name not in self.sources:
            raise self.error(
                path,
                _("{name} is not one of the [sources]").format(name=repr(name)),
                _("use one of: {choices}").format(choices=", ".join(self.sources)),
            )
        return self.sources[name]

    # --- building ------------------------------------------------------------------------

    def figure(self, table: Any, path: str) -> Figure:
        self.keys(table, path, FIGURE_KEYS, ("value", "unit", "status"))
        if ("source" in table) == ("source_ref" in table):
            raise self.error(
                _join(path, "source"),
                _("the figure has no source")
                if "source" not in table
                else _("the figure has both source and source_ref"),
                _(
                    'give source = "..." (where the number comes from), or source_ref = one '
                    "of: {choices}"
                ).format(choices=", ".join(self.sources)),
            )
        source = (
            self.text(table["source"], _join(path, "source"))
            if "source" in table
            else self.reference(table["source_ref"], _join(path, "source_ref"))
        )
        value = self.number(table["value"], _join(path, "value"))
        unit = self.text(table["unit"], _join(path, "unit"))
        status = self.choice(
            table["status"], _join(path, "status"), N_("figure status"), FIGURE_STATUSES
        )
        low = self.number(table["low"], _join(path, "low")) if "low" in table else None
        high = self.number(table["high"], _join(path, "high")) if "high" in table else None
        note = self.text(table.get("note", ""), _join(path, "note"), empty=True)
        return self.wrap(
            path, lambda: Figure(value, unit, source, status, low=low, high=high, note=note)
        )

    def choice(self, value: Any, path: str, kind: str, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            error = unknown_choice(_(kind), value, allowed)
            raise self.error(path, error.problem, error.fix)
        return str(value)

    def read(self) -> PlatformTable:
        data = self.keys(self.data, "", TOP_KEYS, ("sources", "audience_sources", "platform"))
        sources = self.keys(data["sources"], "sources", tuple(data["sources"]))
        self.sources = {k: self.text(v, _join("sources", k)) for k, v in sources.items()}
        self.derive = self.keys(data.get("derive", {}), "derive", DERIVATIONS)
        self.audience_sources = self.keys(
            data.get("audience_sources"),
            "audience_sources",
            AUDIENCE_SOURCE_KEYS,
            AUDIENCE_SOURCE_KEYS,
        )
        platforms = data["platform"]
        if not isinstance(platforms, list) or not platforms:
            raise self.error(
                "platform",
                self._is_not(platforms, _TABLE),
                _("describe each platform in a [[platform]] table"),
            )
        profiles: list[PlatformProfile] = []
        users: dict[str, tuple[Figure, float]] = {}
        for self.entry, entry in enumerate(platforms):
            pid = entry.get("id") if isinstance(entry, dict) else None
            self.platform = pid if isinstance(pid, str) and pid else f"#{self.entry + 1}"
            profile, counted = self.profile(entry)
            if profile.id in {p.id for p in profiles}:
                raise self.error(
                    "id",
                    _("the id {id} is used twice").format(id=repr(profile.id)),
                    _("give each platform its own id"),
                )
            profiles.append(profile)
            if counted is not None:
                users[profile.id] = counted
        self.platform = ""
        return PlatformTable(
            profiles=tuple(profiles),
            bangladesh_users=MappingProxyType(users),
            weekly_hours=MappingProxyType({p.id: p.effort for p in profiles}),
        )

    def profile(self, entry: Any) -> tuple[PlatformProfile, tuple[Figure, float] | None]:
        self.keys(entry, "", PLATFORM_KEYS, REQUIRED_PLATFORM_KEYS)
        pid = self.text(entry["id"], "id")
        name = self.text(entry["name"], "name")
        role = self.choice(entry["role"], "role", N_("channel role"), ROLES)
        aliases = self.texts(entry.get("aliases", []), "aliases")
        formats = self.texts(entry["formats"], "formats")
        also_works = self.texts(entry.get("also_works", []), "also_works")
        for key, listed in (("formats", formats), ("also_works", also_works)):
            for fmt in listed:
                self.choice(fmt, key, N_("format"), FORMATS)
        goal_fit = self.keys(entry.get("goal_fit", {}), "goal_fit", GOALS)
        for goal, fit in goal_fit.items():
            if isinstance(fit, bool) or fit not in (0, 1, 2, 3):
                raise self.error(
                    _join("goal_fit", goal),
                    self._is_not(fit, _SCORE),
                    _("score each goal 0 (poor), 1, 2 or 3 (excellent)"),
                )
        advice = self.text(entry.get("posting_advice", ""), "posting_advice", empty=True)
        audience, counted = self.audience(entry["audience"])
        figures = {
            key: self.price(key, entry[key])
            if isinstance(entry[key], dict) and "derive" in entry[key]
            else self.figure(entry[key], key)
            for key in FIGURE_FIELDS
            if key in entry
        }
        limits = self.keys(
            entry.get("text_limits", {}), "text_limits", tuple(entry.get("text_limits", {}))
        )
        text_limits = {k: self.figure(v, _join("text_limits", k)) for k, v in limits.items()}
        profile = self.wrap(
            "",
            lambda: PlatformProfile(
                id=pid,
                name=name,
                role=role,
                aliases=aliases,
                formats=formats,
                also_works=also_works,
                goal_fit=dict(goal_fit),
                posting_advice=advice,
                audience=audience,
                text_limits=text_limits,
                **figures,
            ),
        )
        return profile, counted

    def price(self, key: str, table: Mapping[str, Any]) -> Figure:
        """A derived Bangladesh price: Meta's, or Meta's scaled by the global CPMs."""
        if key not in DERIVED_FIELDS:
            raise self.error(
                _join(key, "derive"),
                _("only {fields} can be derived").format(fields=", ".join(DERIVED_FIELDS)),
                _("give the figure's value, unit, source and status"),
            )
        how = self.choice(
            table["derive"], _join(key, "derive"), N_("way of deriving a price"), DERIVATIONS
        )
        for needed in {"bangladesh_meta", how}:
            if needed not in self.derive:
                raise self.error(
                    _join(key, "derive"),
                    _("the file has no [derive.{how}] section").format(how=needed),
                    _("add it, or give the figure's value"),
                )
        meta = self.keys(
            self.derive["bangladesh_meta"], "derive.bangladesh_meta", DERIVED_FIELDS, DERIVED_FIELDS
        )
        base = self.figure(meta[key], _join("derive.bangladesh_meta", key))
        if how == "bangladesh_meta":
            self.keys(table, key, ("derive",))
            return base
        self.keys(table, key, ("derive", "low_usd", "high_usd"), ("low_usd", "high_usd"))
        low = self.number(table["low_usd"], _join(key, "low_usd"))
        high = self.number(table["high_usd"], _join(key, "high_usd"))
        rule = self.keys(self.derive["scaled"], "derive.scaled", SCALED_KEYS, SCALED_KEYS)
        meta_mid = (
            self.number(rule["meta_low_usd"], "derive.scaled.meta_low_usd")
            + self.number(rule["meta_high_usd"], "derive.scaled.meta_high_usd")
        ) / 2
        if meta_mid <= 0 or low + high <= 0:
            raise self.error(
                _join(key, "low_usd"),
                _("a global CPM of 0 cannot be scaled"),
                _("give CPMs above 0"),
            )
        template = self.text(rule["source"], "derive.scaled.source")
        parts = {
            "agency": self.reference(rule["agency_ref"], "derive.scaled.agency_ref"),
            "prices": self.reference(rule["prices_ref"], "derive.scaled.prices_ref"),
        }
        status = self.choice(
            rule["status"], "derive.scaled.status", N_("figure status"), FIGURE_STATUSES
        )
        note = self.text(rule["note"], "derive.scaled.note")
        source = self.filled("derive.scaled.source", template, ComposedSource, **parts)
        ratio = ((low + high) / 2) / meta_mid
        return self.wrap(
            key, lambda: Figure(round(base.value * ratio, 2), base.unit, source, status, note=note)
        )

    def filled(self, path: str, template: str, build: Callable[..., _T], **values: Any) -> _T:
        """``build(template, **values)``, or an error naming the placeholders it may use."""
        try:
            return build(template, **values)
        except (KeyError, IndexError, ValueError, AttributeError):
            raise self.error(
                path,
                _("the template {template} does not fit its values").format(
                    template=repr(template)
                ),
                _("name only these in it: {names}").format(
                    names=", ".join("{" + name + "}" for name in values)
                ),
            ) from None

    def audience(self, table: Any) -> tuple[Audience, tuple[Figure, float] | None]:
        self.keys(table, "audience", AUDIENCE_KEYS, ("ages", "kind", "global", "city", "village"))
        how = self.audience_sources
        counted = "users" in table or "facebook_users_in_same_count" in table
        if counted == ("estimated_strength" in table):
            raise self.error(
                "audience.users",
                _("give the users counted in Bangladesh or an estimated strength, one of the two"),
                _(
                    "give users = {{figure}} with facebook_users_in_same_count, or "
                    "estimated_strength = a number from 0 to 1"
                ),
            )
        users: Figure | None = None
        facebook = 0.0
        if counted:
            self.keys(table, "audience", AUDIENCE_KEYS, ("users", "facebook_users_in_same_count"))
            users = self.figure(table["users"], "audience.users")
            facebook = self.number(
                table["facebook_users_in_same_count"], "audience.facebook_users_in_same_count"
            )
            if facebook <= 0:
                raise self.error(
                    "audience.facebook_users_in_same_count",
                    _("{value} is not above 0").format(value=facebook),
                    _("give Facebook's users in the same count, in millions"),
                )
            national = min(1.0, users.value / facebook)
            source = self.filled(
                "audience_sources.counted",
                self.text(how["counted"], "audience_sources.counted"),
                str.format,
                strength=national,
                users=users.value,
                facebook=facebook,
                source=users.source,
            )
            status = users.status
        else:
            national = self.number(table["estimated_strength"], "audience.estimated_strength")
            estimate = self.reference(
                how["estimated_source_ref"], "audience_sources.estimated_source_ref"
            )
            source = self.filled(
                "audience_sources.estimated",
                self.text(how["estimated"], "audience_sources.estimated"),
                str.format,
                strength=national,
                source=estimate,
            )
            status = self.choice(
                how["estimated_status"],
                "audience_sources.estimated_status",
                N_("figure status"),
                FIGURE_STATUSES,
            )
        judged = self.text(how["judged"], "audience_sources.judged")
        city = self.number(table["city"], "audience.city")
        village = self.number(table["village"], "audience.village")
        world = self.number(table["global"], "audience.global")
        kind = self.text(table["kind"], "audience.kind")
        ages = table["ages"]
        if (
            not isinstance(ages, list)
            or len(ages) != 2
            or any(isinstance(a, bool) or not isinstance(a, int) for a in ages)
        ):
            raise self.error(
                "audience.ages",
                self._is_not(ages, _AGES),
                _("give the youngest and oldest age, e.g. [18, 34]"),
            )
        audience = self.wrap(
            "audience",
            lambda: Audience(
                (ages[0], ages[1]),
                kind,
                {
                    "bangladesh": round(national, 2),
                    "bangladesh_urban": round(min(1, national * city), 2),
                    "bangladesh_rural": round(min(1, national * village), 2),
                    "global": world,
                },
                source=source + judged,
                status=status,
                users=users,
            ),
        )
        return audience, ((users, facebook) if users is not None else None)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def read_table(text: str, file: str = TABLE_FILE) -> PlatformTable:
    """Check a platform table (the text of a TOML file like ``profiles.toml``) and build it.

    ``file`` names the file in errors.

    >>> table = read_table(TABLE_TEXT_EXAMPLE)
    >>> table.profiles[0].audience.reach["bangladesh"], table.weekly_hours["threads"].value
    (0.1, 2)
    >>> read_table(TABLE_TEXT_EXAMPLE.replace('source_ref = "hours", ', ''))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: profiles.toml, line 17: platform 'threads', field 'effort.source': the figure has no source.
    How to fix it: give source = "..." (where the number comes from), or source_ref = one of: hours, guess.
    >>> read_table(TABLE_TEXT_EXAMPLE.replace("value = 2", 'value = "2"'))
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: profiles.toml, line 17: platform 'threads', field 'effort.value': '2' is not a number.
    How to fix it: write effort.value as a number, without quotes.
    """  # noqa: E501
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise DataError(
            _("the file is not valid TOML ({error})").format(error=error),
            fix=_("correct the syntax at the line it names (quotes, brackets, commas)"),
            file=file,
            line=int(line.group(1)) if line else None,
        ) from None
    return _Reader(data, text, file).read()


@functools.cache
def builtin_table() -> PlatformTable:
    """The table SMM Lab ships, read and checked once, the first time it is needed."""
    path = resources.files("smm_helpers.platforms") / TABLE_FILE
    return read_table(path.read_text(encoding="utf-8"), file=f"smm_helpers/platforms/{TABLE_FILE}")


def builtin_profiles() -> tuple[PlatformProfile, ...]:
    """The six course feeds and two messaging channels, in the table's order."""
    return builtin_table().profiles


class _TableView(Mapping[str, _V]):
    """A read-only view of one of the built-in table's mappings, read on first use."""

    def __init__(self, pick: Callable[[PlatformTable], Mapping[str, _V]], name: str) -> None:
        self._pick = pick
        self._name = name

    def __getitem__(self, key: str) -> _V:
        return self._pick(builtin_table())[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pick(builtin_table()))

    def __len__(self) -> int:
        return len(self._pick(builtin_table()))

    def __repr__(self) -> str:
        return f"{self._name}({dict(self)!r})"


BANGLADESH_USERS: Mapping[str, tuple[Figure, float]] = _TableView(
    lambda table: table.bangladesh_users, "BANGLADESH_USERS"
)
"""Users in Bangladesh per platform, each with the Facebook count of the same source and
month: ``{platform: (Figure, facebook_users_in_the_same_count)}``.  TikTok and WhatsApp are
missing on purpose: the course found no Bangladesh count it could open (DataReportal reports
TikTok's ad reach; WhatsApp sells no ads, so there is none), so their strength is a course
estimate marked UNCERTAIN.  Read them with ``get_platform(...).audience.users``.

>>> figure, facebook = BANGLADESH_USERS["instagram"]
>>> round(figure.value / facebook, 2)
0.1
"""

WEEKLY_HOURS: Mapping[str, Figure] = _TableView(lambda table: table.weekly_hours, "WEEKLY_HOURS")
"""Hours a week to keep each built-in channel going.  The effort factor, the ``focus`` list,
the advice and ``explain`` all read this one number (``get_platform(p).effort``).

>>> WEEKLY_HOURS["youtube"].value
5
"""
