"""The platform registry: look a platform up by id, name or nickname, and add your own.

The shared registry holds the built-in table (read on first use); :func:`get_platform`,
:func:`known_platforms`, :func:`register_platform` and :func:`unregister_platform` work on it,
or on a registry you pass.  Adding a platform does not touch the built-in table unless you
ask: build your own :class:`PlatformRegistry` (``PlatformRegistry.with_builtins()``) and
``register`` into it.

>>> get_platform("Twitter").id
'x'
>>> get_platform("ফেসবুক").id
'facebook'
"""

from __future__ import annotations

import difflib
import html
import unicodedata
from collections.abc import Iterable, Iterator

from smm_helpers.errors import InputError, unknown_choice
from smm_helpers.i18n.messages import LANGUAGES, in_language
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.platforms.choices import ROLES
from smm_helpers.platforms.profiles import PlatformProfile
from smm_helpers.platforms.table import builtin_profiles

__all__ = [
    "PlatformRegistry",
    "get_platform",
    "known_platforms",
    "register_platform",
    "unregister_platform",
]


class PlatformRegistry:
    """A set of platform profiles you can look up by id, name or alias.

    ``PlatformRegistry.with_builtins()`` gives a fresh copy of the six course feeds and the
    two messaging channels; registering into it changes nothing else.

    >>> from dataclasses import replace
    >>> reg = PlatformRegistry.with_builtins()
    >>> reg.ids
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok', 'messenger', 'whatsapp')
    >>> known_platforms(reg)
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok')
    >>> threads = replace(reg.get("instagram"), id="threads", name="Threads", aliases=())
    >>> reg.register(threads).get("Threads").id
    'threads'
    >>> reg.register(threads)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: a platform with id 'threads' is already registered.
    How to fix it: pick another id, or pass replace=True to overwrite it.
    >>> reg.unregister("threads").ids[-1]
    'whatsapp'
    """

    def __init__(self, profiles: Iterable[PlatformProfile] = ()) -> None:
        self._profiles: dict[str, PlatformProfile] = {}
        for profile in profiles:
            self.register(profile)

    @classmethod
    def with_builtins(cls) -> PlatformRegistry:
        """A new registry holding the six feeds of ``schema.PLATFORMS`` and the messaging
        channels (Messenger, WhatsApp)."""
        return cls(builtin_profiles())

    @property
    def ids(self) -> tuple[str, ...]:
        """The registered ids (feeds and messaging channels), in registration order."""
        return tuple(self._profiles)

    def register(self, profile: PlatformProfile, *, replace: bool = False) -> PlatformRegistry:
        """Add ``profile`` (already validated when it was built); returns the registry."""
        if not isinstance(profile, PlatformProfile):
            raise InputError(
                _("{value} is not a PlatformProfile").format(value=repr(profile)),
                fix=_("build one with PlatformProfile(id=..., name=..., formats=..., ...)"),
            )
        if profile.id in self._profiles and not replace:
            raise InputError(
                _("a platform with id {id} is already registered").format(id=repr(profile.id)),
                fix=_("pick another id, or pass replace=True to overwrite it"),
            )
        for name in (profile.name, *profile.aliases):
            owner = self._lookup().get(lookup_key(name))
            if owner is not None and owner != profile.id:
                raise InputError(
                    _("the name {name} of {id} already means {owner}").format(
                        name=repr(name), id=repr(profile.id), owner=repr(owner)
                    ),
                    fix=_("remove that alias or choose a different name"),
                )
        self._profiles[profile.id] = profile
        return self

    def unregister(self, name: str) -> PlatformRegistry:
        """Remove a platform (by id, name or alias); returns the registry."""
        del self._profiles[self.get(name).id]
        return self

    def reset(self) -> PlatformRegistry:
        """Go back to exactly the built-in platforms; returns the registry."""
        self._profiles = {p.id: p for p in builtin_profiles()}
        return self

    def copy(self) -> PlatformRegistry:
        """An independent registry with the same profiles."""
        return PlatformRegistry(self._profiles.values())

    def _lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for profile in self._profiles.values():
            names = (profile.id, profile.name, *profile.aliases, *translated_names(profile.name))
            for name in names:
                table.setdefault(lookup_key(name), profile.id)
        return table

    def get(self, name: str) -> PlatformProfile:
        """The profile for an id, display name or alias (case and spaces ignored)."""
        if isinstance(name, PlatformProfile):
            return name
        lookup = self._lookup()
        found = lookup.get(lookup_key(name)) if isinstance(name, str) else None
        if found is None:
            error = unknown_choice(_("platform"), name, self.ids)
            close = difflib.get_close_matches(lookup_key(str(name)), list(lookup), n=1)
            if close:
                error = InputError(
                    error.problem,
                    fix=_("{fix} (did you mean {guess}?)").format(
                        fix=error.fix, guess=repr(lookup[close[0]])
                    ),
                )
            raise error
        return self._profiles[found]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and lookup_key(name) in self._lookup()

    def __iter__(self) -> Iterator[PlatformProfile]:
        return iter(list(self._profiles.values()))

    def __len__(self) -> int:
        return len(self._profiles)

    def __repr__(self) -> str:
        return f"PlatformRegistry({list(self.ids)!r})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>{p.id}</code></td><td>{html.escape(p.name)}</td>"
            f"<td>{html.escape(', '.join(p.aliases))}</td>"
            f"<td>{html.escape(', '.join(p.formats))}</td></tr>"
            for p in self
        )
        return (
            "<table><tr><th>id</th><th>name</th><th>aliases</th><th>favours</th></tr>"
            f"{rows}</table>"
        )


def translated_names(name: str) -> list[str]:
    """A display name in every language the course speaks (so "ফেসবুক" finds Facebook)."""
    names = []
    for language in LANGUAGES:
        with in_language(language):
            names.append(_(name))
    return names


def lookup_key(name: str) -> str:
    """Lookup key: letters, marks and digits only, NFC and case-folded.

    >>> lookup_key("Tik Tok"), lookup_key("x.com"), lookup_key("এক্স (টুইটার)")
    ('tiktok', 'xcom', 'এক্সটুইটার')
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    return "".join(c for c in folded if c.isalnum() or unicodedata.category(c).startswith("M"))


_SHARED: list[PlatformRegistry] = []


def shared_registry() -> PlatformRegistry:
    """The registry the module-level functions use, built the first time it is needed."""
    if not _SHARED:
        _SHARED.append(PlatformRegistry.with_builtins())
    return _SHARED[0]


def known_platforms(
    registry: PlatformRegistry | None = None, *, role: str | None = "feed"
) -> tuple[str, ...]:
    """The ids of the registered feeds (the shared registry unless one is given).

    ``role="messaging"`` lists the messaging channels instead, and ``role=None`` both.

    >>> known_platforms()
    ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok')
    >>> known_platforms(role="messaging")
    ('messenger', 'whatsapp')
    >>> known_platforms(role="inbox")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'inbox' is not a channel role SMM Lab knows.
    How to fix it: use one of: feed, messaging.
    """
    reg = registry or shared_registry()
    if role is None:
        return reg.ids
    if role not in ROLES:
        raise unknown_choice(_("channel role"), role, ROLES)
    return tuple(p.id for p in reg if p.role == role)


def get_platform(name: str, *, registry: PlatformRegistry | None = None) -> PlatformProfile:
    """Look a platform up by id, display name or nickname ("fb", "Insta", "Twitter").

    >>> get_platform("Insta").name
    'Instagram'
    >>> get_platform("X (Twitter)").id
    'x'
    >>> get_platform("tiktokk")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'tiktokk' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, ... whatsapp (did you mean 'tiktok'?).
    """
    return (registry or shared_registry()).get(name)


def register_platform(
    profile: PlatformProfile, *, registry: PlatformRegistry | None = None, replace: bool = False
) -> PlatformProfile:
    """Add a platform to the shared registry (or to ``registry``); returns the profile.

    Undo it with :func:`unregister_platform`.  In tests and notebooks that should not leave
    traces, prefer your own ``PlatformRegistry.with_builtins()``.

    >>> from dataclasses import replace
    >>> threads = replace(get_platform("instagram"), id="threads", name="Threads", aliases=())
    >>> register_platform(threads).id
    'threads'
    >>> get_platform("threads").name
    'Threads'
    >>> unregister_platform("threads")
    >>> "threads" in known_platforms()
    False
    >>> register_platform("threads")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'threads' is not a PlatformProfile.
    How to fix it: build one with PlatformProfile(id=..., name=..., formats=..., ...).
    """
    (registry or shared_registry()).register(profile, replace=replace)
    return profile


def unregister_platform(name: str, *, registry: PlatformRegistry | None = None) -> None:
    """Remove a platform from the shared registry (or from ``registry``).

    >>> unregister_platform("myspace")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'myspace' is not a platform SMM Lab knows.
    How to fix it: use one of: facebook, instagram, x, linkedin, youtube, ... whatsapp.
    """
    (registry or shared_registry()).unregister(name)
