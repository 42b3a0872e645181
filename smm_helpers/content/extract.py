"""Find the hashtags, mentions, links and emoji in a post.

Hashtags, mentions and links follow the rules of twitter/twitter-text, the library X itself
publishes, and pass its conformance data (``extract.yml``).  Links come straight from the
``twitter-text-parser`` package; it has no hashtag or mention extractor, so those are written
here on top of the ``regex`` module, using twitter-text's character classes.  A hashtag may hold
letters *and combining marks* (``\\p{L}\\p{M}``), digits, ``_``, ZWJ and ZWNJ, so Bengali vowel
signs and the virama (hasanta) stay inside the tag:

>>> extract_hashtags("শুভ নববর্ষ! #পহেলা_বৈশাখ #বাংলাদেশ২০২৬ #smm")
['পহেলা_বৈশাখ', 'বাংলাদেশ২০২৬', 'smm']
>>> extract_emoji("Eid Mubarak 🌙✨ from 🇧🇩 👨‍👩‍👧")
['🌙', '✨', '🇧🇩', '👨\u200d👩\u200d👧']
"""

from __future__ import annotations

from typing import Any

import regex

from smm_helpers.content._twitter_text import twitter_text
from smm_helpers.content.limits import check_platform
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _

# ---------------------------------------------------------------- hashtags (twitter-text rules)
# Characters twitter-text allows inside a hashtag besides letters, marks and digits
# (twitter-text js/src/regexp/hashtagSpecialChars.js): underscore, ZWNJ, ZWJ, and a few
# Hebrew, Japanese, Tibetan and Catalan punctuation marks used inside words.
_HASHTAG_SPECIAL = "_\u200c\u200d" + (
    "\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
_HASHTAG_ALPHA = r"[\p{L}\p{M}]"
_HASHTAG_ALNUM = rf"[\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}]"
# Before the '#': start of text, a variation selector, or any character that is not part of a
# hashtag and not '&' (so "&#39;" is not a hashtag and "日本#タグ" is not either).
_HASHTAG_BOUNDARY = rf"(?:^|\ufe0e|\ufe0f|[^&\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}])"
_HASHTAG = regex.compile(
    rf"(?P<before>{_HASHTAG_BOUNDARY})(?P<sign>[#＃])(?!\ufe0f|\u20e3)"
    rf"(?P<tag>{_HASHTAG_ALNUM}*{_HASHTAG_ALPHA}{_HASHTAG_ALNUM}*)"
)
_END_HASHTAG = regex.compile(r"[#＃]|://")  # used with .match(text, pos): no "^"

# ---------------------------------------------------------------- mentions (twitter-text rules)
_MENTION_BEFORE = r"(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)"
_X_MENTION = regex.compile(
    rf"(?P<before>{_MENTION_BEFORE})[@＠](?P<name>[a-zA-Z0-9_]{{1,20}})"
    r"(?P<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259"
    "\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_END_MENTION = regex.compile(rf"[@＠]|[{_LATIN_ACCENTS}]|://")  # no "^": see _END_HASHTAG
# Instagram and TikTok handles may also hold dots (Instagram: up to 30 characters; general
# knowledge, UNCERTAIN).  A dot at the end is the sentence's full stop, not the handle's.
_DOTTED_MENTION = regex.compile(
    rf"(?P<before>{_MENTION_BEFORE})[@＠](?P<name>[a-zA-Z0-9_](?:[a-zA-Z0-9_.]{{0,28}}[a-zA-Z0-9_])?)"
)
DOTTED_HANDLE_PLATFORMS = ("instagram", "tiktok")

# ---------------------------------------------------------------- emoji (Unicode emoji data)
# One emoji = a flag (two regional indicators), a keycap (0-9 # * + U+20E3), or a pictograph
# with optional skin tone / emoji style / tag characters, joined by ZWJ into one sequence
# (UTS #51).  Built on the Unicode properties of the `regex` module, so new emoji work as soon
# as `regex` knows the new Unicode version.
_EMOJI = regex.compile(
    r"""                                             # i18n: not shown (a verbose regex)
    [\U0001F1E6-\U0001F1FF]{2}                       # a flag, e.g. 🇧🇩
    | [0-9#*]\uFE0F?\u20E3                           # a keycap, e.g. 1️⃣
    | (?&element)(?:\u200D(?&element))*             # ZWJ sequence, e.g. 👩🏽‍💻
    | \p{Emoji_Modifier}                             # a lone skin tone swatch
    (?(DEFINE)(?P<element>
        (?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}  # with a skin tone, e.g. 👋🏽
          | \p{Emoji_Presentation}                      # shown as emoji anyway, e.g. 😀
          | \p{Extended_Pictographic}\uFE0F?)          # FE0F asks for emoji style: ❤️
        [\U000E0020-\U000E007F]*                      # tag letters, e.g. 🏴󠁧󠁢󠁳󠁣󠁴󠁿
    ))
    | [\U0001F1E6-\U0001F1FF]                        # a lone regional indicator
    """,
    regex.VERBOSE,
)


def urls_with_indices(text: str) -> list[dict[str, Any]]:
    """Links with their code point positions, from the ``twitter-text-parser`` package.

    The package is imported on first use: it takes about a second to load (it builds its emoji
    list at import), and ``import smm_helpers.content`` should stay quick.

    >>> urls_with_indices("see smmlab.org")
    [{'url': 'smmlab.org', 'indices': [4, 14]}]
    """
    return list(twitter_text().extract_urls_with_indices(text))


def _require_text(text: object, name: str = "text") -> str:
    if not isinstance(text, str):
        raise InputError(
            _("{name} must be a string (str), not {type} {value}").format(
                name=name, type=type(text).__name__, value=repr(text)
            ),
            fix=_("pass the post's text as a string, e.g. {name}='Hello #SMM'").format(name=name),
        )
    return text


def extract_hashtags_with_indices(text: str) -> list[dict[str, Any]]:
    """Each hashtag (without ``#``) with its start and end position, counted in code points.

    Hashtags inside links (``example.com/#top``) are left out, as X does.

    >>> extract_hashtags_with_indices("One #two three #four")
    [{'hashtag': 'two', 'indices': [4, 8]}, {'hashtag': 'four', 'indices': [15, 20]}]
    >>> extract_hashtags_with_indices(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not NoneType None.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    text = _require_text(text)
    found: list[dict[str, Any]] = []
    for match in _HASHTAG.finditer(text):
        if _END_HASHTAG.match(text, match.end()):
            continue  # "#http://..." or "#tag#tag" is not a hashtag
        start = match.start("sign")
        found.append({"hashtag": match.group("tag"), "indices": [start, match.end()]})
    if found and ("." in text):
        links = [link["indices"] for link in urls_with_indices(text)]
        found = [tag for tag in found if not _overlaps(tag["indices"], links)]
    return found


def _overlaps(span: list[int], others: list[list[int]]) -> bool:
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in others)


def extract_hashtags(text: str) -> list[str]:
    """The hashtags in ``text``, without ``#``, in order (repeats kept).

    A hashtag needs at least one letter (``#2026`` is not one) and must not be glued to the
    word before it.  Bengali conjuncts, vowel signs, ZWJ and ZWNJ stay inside the tag.

    >>> extract_hashtags("Join us #SMM2026 on the #16 bus to #ঢাকা!")
    ['SMM2026', 'ঢাকা']
    >>> extract_hashtags(42)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not int 42.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return [str(tag["hashtag"]) for tag in extract_hashtags_with_indices(text)]


def extract_mentions(text: str, platform: str = "x") -> list[str]:
    """The @-mentioned account names in ``text``, without ``@``.

    X's rule (twitter-text): 1-20 letters, digits or ``_``; an e-mail address is not a
    mention.  On Instagram and TikTok handles may contain dots (``@dhaka.eats``), so for
    ``platform="instagram"`` or ``"tiktok"`` dots inside the name are kept.

    >>> extract_mentions("Thanks @smm_lab and @bd_ngo! Mail me at a@b.com")
    ['smm_lab', 'bd_ngo']
    >>> extract_mentions("Lunch by @dhaka.eats.", platform="instagram")
    ['dhaka.eats']
    >>> extract_mentions(["@a"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not list ['@a'].
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    text = _require_text(text)

    check_platform(platform)
    pattern = _DOTTED_MENTION if platform in DOTTED_HANDLE_PLATFORMS else _X_MENTION
    names = []
    for match in pattern.finditer(text):
        if _END_MENTION.match(text, match.end()):
            continue
        if match.groupdict().get("list"):
            continue  # "@user/list" names a list, not a person
        names.append(match.group("name"))
    return names


def extract_urls(text: str) -> list[str]:
    """The links in ``text``, with or without ``https://``, found as X finds them.

    >>> extract_urls("Read more: https://example.org/report and smmlab.org")
    ['https://example.org/report', 'smmlab.org']
    >>> extract_urls(b"bytes")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not bytes b'bytes'.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return [str(link["url"]) for link in urls_with_indices(_require_text(text))]


def extract_emoji_with_indices(text: str) -> list[dict[str, Any]]:
    """Each emoji with its start and end position in code points.

    A whole ZWJ sequence (👨‍👩‍👧), a flag (🇧🇩), a keycap (1️⃣) or an emoji with a skin tone
    (👋🏽) is one emoji.

    >>> extract_emoji_with_indices("hi 👋🏽!")
    [{'emoji': '👋🏽', 'indices': [3, 5]}]
    >>> extract_emoji_with_indices(3.5)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not float 3.5.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    text = _require_text(text)
    return [
        {"emoji": match.group(), "indices": [match.start(), match.end()]}
        for match in _EMOJI.finditer(text)
    ]


def extract_emoji(text: str) -> list[str]:
    """The emoji in ``text``, in order; a ZWJ sequence, flag or keycap counts as one.

    © and ® count too: Unicode lists them as emoji, and X counts them 2.

    >>> extract_emoji("Done ✅ 👩🏽‍💻 #1️⃣")
    ['✅', '👩🏽\u200d💻', '1️⃣']
    >>> extract_emoji(None)
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: text must be a string (str), not NoneType None.
    How to fix it: pass the post's text as a string, e.g. text='Hello #SMM'.
    """
    return [str(found["emoji"]) for found in extract_emoji_with_indices(text)]
