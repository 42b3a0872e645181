"""Fonts for Bengali chart labels: find one, use it, or say how to install one.

matplotlib 3.11 shapes Bengali text (conjuncts such as ষ্ট and vowel signs that sit before
their consonant, such as the ি in কি) as long as a font with Bengali letters is used.  Its
default font, DejaVu Sans, has none, so a Bengali label would be drawn as empty boxes
("tofu").  This module finds a Bengali font on your computer and builds the *fallback
list* a figure should use: Latin letters come from DejaVu Sans, Bengali letters from the
Bengali font.

>>> has_bengali("Pohela Boishakh / পহেলা বৈশাখ")
True
>>> font_family_for("Weekly reach")
['DejaVu Sans']

Nothing here changes matplotlib's global settings: the plots in ``smm_helpers.plots``
pass the family list to each figure they draw.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _

#: The font for Latin letters and digits; it ships with matplotlib, so it is always there.
BASE_FAMILY = "DejaVu Sans"  # i18n: not shown

#: The Unicode block of the Bengali script (first and last code point).
BENGALI_BLOCK = (0x0980, 0x09FF)

#: ক (KA): a font that has this letter is taken to support Bengali.
TEST_LETTER = "\u0995"

#: Families known to cover Bengali, most preferred first (any other font with ক also works).
KNOWN_BENGALI_FAMILIES = (
    "Noto Sans Bengali",  # i18n: not shown
    "Noto Sans Bengali UI",  # i18n: not shown
    "Noto Serif Bengali",  # i18n: not shown
    "Hind Siliguri",  # i18n: not shown
    "Kohinoor Bangla",  # i18n: not shown
    "Bangla MN",  # i18n: not shown
    "Bangla Sangam MN",  # i18n: not shown
    "Nirmala UI",  # i18n: not shown
    "Vrinda",
    "Lohit Bengali",  # i18n: not shown
    "SolaimanLipi",
    "Kalpurush",
    "Mukti",
    "Mukti Narrow",  # i18n: not shown
)


class MissingBengaliFontWarning(UserWarning):
    """A label has Bengali letters but no Bengali font is installed, so it would show boxes."""


@dataclass(frozen=True)
class FontInfo:
    """A font found on this computer: its family name (what matplotlib calls it) and file.

    >>> FontInfo("Noto Sans Bengali", Path("NotoSansBengali-Regular.ttf")).family
    'Noto Sans Bengali'
    """

    family: str
    path: Path


def has_bengali(text: str) -> bool:
    """Whether ``text`` contains at least one letter or sign of the Bengali script.

    >>> has_bengali("দৃষ্টিভঙ্গি")
    True
    >>> has_bengali("Instagram carousel")
    False
    >>> has_bengali(42)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: has_bengali() needs text, not int...
    """
    _require_text(text, "has_bengali")
    first, last = BENGALI_BLOCK
    return any(first <= ord(character) <= last for character in text)


def font_covers(path: str | Path, text: str = TEST_LETTER) -> bool:
    """Whether the font file at ``path`` has a glyph for every character of ``text``.

    Spaces are ignored.  A file that is not a readable font covers nothing.

    >>> import matplotlib
    >>> dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    >>> font_covers(dejavu, "Reach")
    True
    >>> font_covers(dejavu, "ক")
    False
    >>> font_covers("no-such-font.ttf")
    False
    """
    _require_text(text, "font_covers")
    charmap = _charmap(str(path))
    return all(ord(character) in charmap for character in text if not character.isspace())


def find_bengali_font(*, search_system: bool = True) -> FontInfo | None:
    """The Bengali font matplotlib should use, or ``None`` when none is installed.

    It looks through the fonts matplotlib knows, preferring the families in
    ``KNOWN_BENGALI_FAMILIES`` and accepting any font whose character map has ক.
    With ``search_system=True`` it also checks fonts installed *after* matplotlib built
    its font list (a common surprise after ``apt-get install``) and registers the first
    Bengali one with matplotlib so figures can use it by name.

    >>> font = find_bengali_font()
    >>> font is None or font_covers(font.path, "দৃষ্টিভঙ্গি")
    True
    >>> find_bengali_font(search_system="yes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: search_system must be True or False, not 'yes'...
    """
    if not isinstance(search_system, bool):
        raise InputError(
            _("search_system must be True or False, not {value}").format(value=repr(search_system)),
            fix=_("call find_bengali_font() or find_bengali_font(search_system=False)"),
        )
    found = _best_bengali_font(_registered_fonts())
    if found is None and search_system:
        found = _register_unlisted_bengali_font()
    return found


def font_family_for(text: str) -> list[str]:
    """The font fallback list a figure should use to draw ``text``.

    Latin text needs only DejaVu Sans.  Bengali text gets DejaVu Sans followed by the
    Bengali font, so mixed labels ("Reach / রিচ") take each letter from a font that has it.
    When Bengali is asked for but no Bengali font is installed, the list stays
    ``['DejaVu Sans']`` (see ``warn_if_bengali_font_missing``).

    >>> font_family_for("Followers per week")
    ['DejaVu Sans']
    >>> family = font_family_for("অনুসারী")
    >>> family[0]
    'DejaVu Sans'
    >>> len(family) == (2 if find_bengali_font() else 1)
    True
    >>> font_family_for(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: font_family_for() needs text, not NoneType...
    """
    _require_text(text, "font_family_for")
    if not has_bengali(text):
        return [BASE_FAMILY]
    font = find_bengali_font()
    return [BASE_FAMILY] if font is None else [BASE_FAMILY, font.family]


def bengali_font_help() -> str:
    """How to install a Bengali font, for every common system, as text to print.

    >>> print(bengali_font_help().splitlines()[0])
    No Bengali font was found, so Bengali labels would show as empty boxes.
    >>> "fonts-noto-core" in bengali_font_help()
    True
    """
    return "\n".join(
        [
            _("No Bengali font was found, so Bengali labels would show as empty boxes."),
            _("Install one, then restart the Python kernel:"),
            "  - "
            + _("Debian/Ubuntu: {command}").format(
                command="sudo apt-get install fonts-noto-core"
            ),  # i18n: not shown
            "  - "
            + _(
                "conda: look for a Noto Bengali font with {command}, or use the last route below"
            ).format(command="conda search -c conda-forge 'font-ttf-noto*'"),  # i18n: not shown
            "  - " + _("macOS: 'Bangla MN' and 'Kohinoor Bangla' come with the system;"),
            "    " + _("Windows: 'Nirmala UI' and 'Vrinda' come with the system."),
            "  - "
            + _(
                "Anywhere: download Noto Sans Bengali from {address} and register the file with"
            ).format(address="https://fonts.google.com/noto"),
            "    from matplotlib import font_manager",  # i18n: not shown (code to copy)
            "    font_manager.fontManager.addfont('/path/to/NotoSansBengali-Regular.ttf')",
        ]
    )


def warn_if_bengali_font_missing(texts: Iterable[str]) -> bool:
    """Warn once (``MissingBengaliFontWarning``) if any text is Bengali and no font can draw it.

    Returns ``True`` when it warned.  Plots call this once per figure with all their
    labels, so a learner sees one clear message with the fix instead of silent boxes.

    >>> warn_if_bengali_font_missing(["Reach", "Engagement rate"])
    False
    >>> warn_if_bengali_font_missing("Reach")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: pass a list of labels, not a single string...
    """
    if isinstance(texts, str):
        raise InputError(
            _("pass a list of labels, not a single string"),
            fix=_("wrap it in a list: warn_if_bengali_font_missing([{text}])").format(
                text=repr(texts)
            ),
        )
    bengali = [text for text in texts if isinstance(text, str) and has_bengali(text)]
    if not bengali or find_bengali_font() is not None:
        return False
    example = bengali[0] if len(bengali[0]) <= 40 else bengali[0][:40] + "…"
    warnings.warn(
        _("The label {label} has Bengali letters but no Bengali font is installed.").format(
            label=repr(example)
        )
        + "\n"
        + bengali_font_help(),
        MissingBengaliFontWarning,
        stacklevel=3,
    )
    return True


# --- the strict core ------------------------------------------------------------------


def _require_text(text: object, function: str) -> None:
    if not isinstance(text, str):
        raise InputError(
            _("{function}() needs text, not {kind}").format(
                function=function, kind=type(text).__name__
            ),
            fix=_("pass a string, e.g. str(value)"),
        )


@cache
def _charmap(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for (empty if it is not a readable font)."""
    from matplotlib import ft2font  # heavy: loaded on first use

    try:
        return frozenset(ft2font.FT2Font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _registered_fonts() -> list[FontInfo]:
    """Every font file matplotlib's font manager knows, with its family name."""
    from matplotlib import font_manager  # heavy: loaded on first use

    return [FontInfo(entry.name, Path(entry.fname)) for entry in font_manager.fontManager.ttflist]


def _best_bengali_font(fonts: list[FontInfo]) -> FontInfo | None:
    """The most preferred font that has Bengali letters; regular styles before bold ones."""
    bengali = [font for font in fonts if font_covers(font.path)]
    if not bengali:
        return None

    def preference(font: FontInfo) -> tuple[int, int, str]:
        known = KNOWN_BENGALI_FAMILIES
        rank = known.index(font.family) if font.family in known else len(known)
        regular = 0 if "regular" in font.path.name.lower() else 1
        return (rank, regular, font.family)

    return min(bengali, key=preference)


def _register_unlisted_bengali_font() -> FontInfo | None:
    """Find a Bengali font file matplotlib has not listed yet, and register it."""
    from matplotlib import font_manager  # heavy: loaded on first use

    known_paths = {str(font.path) for font in _registered_fonts()}
    for name in sorted(font_manager.findSystemFonts()):
        if name in known_paths or not font_covers(name):
            continue
        font_manager.fontManager.addfont(name)
        return _best_bengali_font(_registered_fonts())
    return None
