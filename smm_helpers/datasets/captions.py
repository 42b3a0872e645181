"""Caption and inbox-message texts for the synthetic data, in English and Bengali.

Texts are built once from small templates (no randomness here): the generator then picks
from these pools by index, so even ten million posts need no per-row Python work.
Inbox messages are built from parts (greeting, body, detail, sign-off) the way people
write them, in English, Bengali and Banglish (Bengali typed in Latin letters).  Bengali
case endings are attached as a Bangladeshi writer would (``bn_case``: মিরপুরে, ঢাকায়,
রাজশাহীতে), and every text is in Unicode NFC.

The texts are data: templates and fill-ins are the rows of ``smm_helpers/data/captions.csv``
(:data:`DATA_FILE`, described by :data:`KINDS`), read and checked on first use
(:func:`parse_texts`); this module only expands them.

>>> pool = caption_pool("nonprofit", "fundraising", "en")
>>> len(pool) > 10, len(set(pool)) == len(pool)
(True, True)
>>> any("৳" in text for text in caption_pool("nonprofit", "fundraising", "bn"))
True
>>> caption_pool("nonprofit", "recipes", "en")
Traceback (most recent call last):
...
smm_helpers.errors.InputError: 'recipes' is not a pillar of the nonprofit SMM Lab knows.
How to fix it: use one of: impact stories, volunteer calls, fundraising, literacy tips, events.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import product

import smm_helpers.datasets.calibration as cal
from smm_helpers.datasets.clients import client_profile
from smm_helpers.errors import DataError, InputError, unknown_choice
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.schema import CLIENTS, LANGUAGES, MESSAGE_CATEGORIES
from smm_helpers.vocabulary import data_text, read_vocabulary

DATA_FILE = "captions.csv"
"""The texts, one a row, in ``smm_helpers/data/``: columns ``kind, client, language, key,
text`` (see :data:`KINDS`).  Row order is kept: it is the order the generator picks by."""

MESSAGE_VARIANTS = ("en", "bn", "banglish")
"""How a message is written: English, Bengali in Bengali script, or Banglish (Bengali in
Latin letters).  The inbox's ``language`` column says ``bn`` for both Bengali variants:
the language is Bengali whatever the script (as ``community.detect_language`` decides)."""

MESSAGE_PARTS = ("greeting", "body", "detail", "signoff")
"""The parts a message is built from, in order; any part but the body may be empty."""

COLUMNS = ("kind", "client", "language", "key", "text")
"""The columns of :data:`DATA_FILE`, in order."""

_BN_CASES = ("loc", "gen", "obj")


@dataclass(frozen=True)
class Kind:
    """What one kind of row in :data:`DATA_FILE` holds and which values its columns take.

    ``client``: whether the row names a client; ``languages``: the values of its
    ``language`` column (empty: none); ``key``: what its ``key`` column is (``"pillar"``,
    ``"category"``, ``"name"`` of a fill-in, ``"text"`` a typo is made from, or ``""``:
    none); ``may_be_empty``: whether its text may be empty (an empty greeting, detail or
    sign-off is a message without that part); ``template``: whether its text holds
    ``{fill-ins}``.
    """

    client: bool
    languages: tuple[str, ...]
    key: str
    may_be_empty: bool = False
    template: bool = False


KINDS: dict[str, Kind] = {
    # captions: {x} is filled from the caption_fill rows of the same client and language;
    # in Bengali, {x_loc}, {x_gen} and {x_obj} are the same word with its case ending
    # attached (``bn_case``), as a Bangladeshi writer spells it.
    "caption": Kind(client=True, languages=LANGUAGES, key="pillar", template=True),
    "caption_fill": Kind(client=True, languages=LANGUAGES, key="name"),
    # one caption per special day, in ``calibration.SPECIAL_DAYS`` order
    "special_day": Kind(client=True, languages=LANGUAGES, key=""),
    # inbox messages: greeting + body + detail + sign-off, filled from message_fill,
    # spam_fill and name rows
    "greeting": Kind(
        client=False, languages=MESSAGE_VARIANTS, key="", may_be_empty=True, template=True
    ),
    "body": Kind(client=True, languages=MESSAGE_VARIANTS, key="category", template=True),
    "detail": Kind(
        client=False, languages=MESSAGE_VARIANTS, key="category", may_be_empty=True, template=True
    ),
    "signoff": Kind(
        client=False, languages=MESSAGE_VARIANTS, key="category", may_be_empty=True, template=True
    ),
    "message_fill": Kind(client=True, languages=MESSAGE_VARIANTS, key="name"),
    "spam_fill": Kind(client=False, languages=(), key="name"),
    "name": Kind(client=False, languages=MESSAGE_VARIANTS, key=""),
    # slips real inbox messages are full of: key is the text, text is how it is typed
    "typo": Kind(client=False, languages=(), key="text"),
}
"""The kinds of rows in :data:`DATA_FILE`."""


@dataclass(frozen=True)
class CaptionTexts:
    """The texts of :data:`DATA_FILE`, grouped: ``groups[(kind, client, language, key)]``
    is the tuple of texts of those rows, in file order (absent columns are ``""``)."""

    groups: dict[tuple[str, str, str, str], tuple[str, ...]]

    def texts(
        self, kind: str, client: str = "", language: str = "", key: str = ""
    ) -> tuple[str, ...]:
        """The texts of one group (empty when the file has none)."""
        return self.groups.get((kind, client, language, key), ())

    def fills(self, kind: str, client: str, language: str) -> dict[str, tuple[str, ...]]:
        """The fill-ins ``{name: values}`` of a fill kind, names in file order."""
        return {
            key: texts
            for (k, c, lang, key), texts in self.groups.items()
            if (k, c, lang) == (kind, client, language)
        }

    def message_fills(self, client: str, variant: str) -> dict[str, tuple[str, ...]]:
        """Every fill-in an inbox message of ``client`` in ``variant`` may use."""
        return {
            **self.fills("message_fill", client, variant),
            **self.fills("spam_fill", "", ""),
            "name": self.texts("name", "", variant),
        }

    @property
    def typos(self) -> tuple[tuple[str, str], ...]:
        """The typing slips ``(text, typed as)``, in file order."""
        return tuple(
            (key, text)
            for (kind, _c, _l, key), texts in self.groups.items()
            if kind == "typo"
            for text in texts
        )


def parse_texts(text: str, file: str = f"smm_helpers/data/{DATA_FILE}") -> CaptionTexts:
    """Read and check the caption and message texts (the CSV of :data:`DATA_FILE`).

    Every row's kind, client, language and key must be one its kind takes, every template
    must use only fill-ins its client and language have, and every client, language,
    pillar and message category must have texts; otherwise a ``DataError`` names the file,
    line and column and says what to write.

    >>> good = parse_texts(resources_text())
    >>> good.texts("caption_fill", "business", "en", "item")[:2]
    ('nakshi kantha', 'jute bag')
    >>> parse_texts(resources_text() + '"caption","business","en","offers","{colour} sale"\\n')
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: smm_helpers/data/captions.csv, line 792, column 'text': \
{colour} is not a fill-in of business captions in en.
    How to fix it: use one of: item, area, price, days, customer, percent, day (in Bengali \
also with _loc, _gen or _obj), or add caption_fill rows for it.
    """
    groups: dict[tuple[str, str, str, str], list[str]] = {}
    lines: dict[tuple[str, str, str, str], list[int]] = {}
    for row in read_vocabulary(file, COLUMNS, text=text, strip=False):
        values = dict(row.values)
        _check_row(values, file, row.line)
        group = (values["kind"], values["client"], values["language"], values["key"])
        groups.setdefault(group, []).append(values["text"])
        lines.setdefault(group, []).append(row.line)
    texts = CaptionTexts({group: tuple(found) for group, found in groups.items()})
    _check_complete(texts, file)
    _check_templates(texts, lines, file)
    return texts


def resources_text() -> str:
    """The text of :data:`DATA_FILE` as the package ships it."""
    return data_text(DATA_FILE)


@cache
def caption_texts() -> CaptionTexts:
    """The package's caption and message texts, read and checked once."""
    return parse_texts(resources_text())


class _Typos(Collection[tuple[str, str]]):
    """The typing slips of :data:`DATA_FILE`, read on first use (not on import).

    >>> ("please", "pls") in TYPOS, len(TYPOS) > 5
    (True, True)
    """

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(caption_texts().typos)

    def __len__(self) -> int:
        return len(caption_texts().typos)

    def __contains__(self, slip: object) -> bool:
        return slip in caption_texts().typos

    def __repr__(self) -> str:
        return repr(caption_texts().typos)


TYPOS: Collection[tuple[str, str]] = _Typos()
"""Slips real inbox messages are full of: (text, typed as).  The generator applies some of
them to some Latin-script messages and writes others all in lower case."""


def _allowed(values: dict[str, str], column: str) -> tuple[str, ...]:
    """The values ``column`` may take in a row of this kind (``("",)``: left empty)."""
    kind = KINDS[values["kind"]]
    if column == "client":
        return CLIENTS if kind.client else ("",)
    if column == "language":
        return kind.languages or ("",)
    if kind.key == "pillar" and values["client"] in CLIENTS:
        return client_profile(values["client"]).pillars
    if kind.key == "category":
        return MESSAGE_CATEGORIES
    return ("",) if not kind.key else ()


def _check_row(values: dict[str, str], file: str, line: int) -> None:
    """One row's kind, client, language, key and text are ones its kind takes."""
    if values["kind"] not in KINDS:
        raise DataError(
            _("{value} is not a kind of text").format(value=repr(values["kind"])),
            fix=_("use one of: {choices}").format(choices=", ".join(KINDS)),
            file=file,
            line=line,
            column="kind",
        )
    kind = KINDS[values["kind"]]
    for column in ("client", "language", "key"):
        allowed = _allowed(values, column)
        value = values[column]
        if allowed == ("",) and value:
            raise DataError(
                _("a {kind} row has no {column}, and this one says {value}").format(
                    kind=values["kind"], column=column, value=repr(value)
                ),
                fix=_("leave the {column} empty").format(column=column),
                file=file,
                line=line,
                column=column,
            )
        if allowed and allowed != ("",) and value not in allowed:
            raise DataError(
                _("{value} is not a {column} a {kind} row may have").format(
                    value=repr(value), column=column, kind=values["kind"]
                ),
                fix=_("use one of: {choices}").format(choices=", ".join(allowed)),
                file=file,
                line=line,
                column=column,
            )
    key = values["key"]
    if kind.key == "name" and not key.isidentifier():
        raise DataError(
            _("{value} is not a fill-in name").format(value=repr(key)),
            fix=_("name the fill-in with letters, digits and underscores, e.g. area"),
            file=file,
            line=line,
            column="key",
        )
    if kind.key == "text" and not key:
        raise DataError(
            _("a {kind} row needs the text it changes").format(kind=values["kind"]),
            fix=_("write the text in the key column and how it is typed in the text column"),
            file=file,
            line=line,
            column="key",
        )
    if not values["text"] and not kind.may_be_empty:
        raise DataError(
            _("the text is empty"),
            fix=_("write the text, or delete the row"),
            file=file,
            line=line,
            column="text",
        )


def _check_complete(texts: CaptionTexts, file: str) -> None:
    """Every client, language, pillar and message category has the texts it needs."""
    wanted: list[tuple[str, str, str, str]] = []
    for client in CLIENTS:
        wanted += [
            ("caption", client, language, pillar)
            for language in LANGUAGES
            for pillar in client_profile(client).pillars
        ]
        wanted += [
            ("body", client, variant, category)
            for variant in MESSAGE_VARIANTS
            for category in MESSAGE_CATEGORIES
        ]
    for variant in MESSAGE_VARIANTS:
        wanted += [("greeting", "", variant, ""), ("name", "", variant, "")]
        wanted += [
            (kind, "", variant, category)
            for kind in ("detail", "signoff")
            for category in MESSAGE_CATEGORIES
        ]
    for group in wanted:
        if not texts.texts(*group):
            kind, client, language, key = group
            raise DataError(
                _(
                    "there are no {kind} rows for client {client!r}, language {language!r}, "
                    "key {key!r}"
                ).format(kind=kind, client=client, language=language, key=key),
                fix=_("add at least one row: {row}").format(
                    row=",".join(f'"{value}"' for value in (*group, "..."))
                ),
                file=file,
            )
    days = len(cal.SPECIAL_DAYS)
    for client in CLIENTS:
        for language in LANGUAGES:
            found = len(texts.texts("special_day", client, language))
            if found != days:
                raise DataError(
                    _(
                        "there are {found} special-day captions for {client} in {language}, "
                        "not {wanted}"
                    ).format(found=found, client=client, language=language, wanted=days),
                    fix=_(
                        "write one special_day row per day of calibration.SPECIAL_DAYS, "
                        "in its order"
                    ),
                    file=file,
                    column="text",
                )


def _check_templates(
    texts: CaptionTexts, lines: dict[tuple[str, str, str, str], list[int]], file: str
) -> None:
    """Every template uses only fill-ins its client and language have."""
    for group, templates in texts.groups.items():
        kind, client, language, _key = group
        if not KINDS[kind].template:
            continue
        if kind == "caption":
            fills, what = texts.fills("caption_fill", client, language), "caption_fill"
            owner = _("{client} captions in {language}").format(client=client, language=language)
        else:  # a message part: a client's fill-ins, or those every client has
            clients = (client,) if client else CLIENTS
            names = [set(texts.message_fills(c, language)) for c in clients]
            fills = {
                n: ()
                for n in texts.message_fills(clients[0], language)
                if all(n in found for found in names)
            }
            what = "message_fill"
            owner = _("{kind} messages in {language}").format(
                kind=client or _("every client's"), language=language
            )
        allowed = {
            f"{name}{suffix}"
            for name in fills
            for suffix in ("", *(f"_{case}" for case in _BN_CASES))
        }
        for template, line in zip(templates, lines[group], strict=True):
            try:
                used = [
                    field
                    for _t, field, _f, _c in string.Formatter().parse(template)
                    if field is not None
                ]
            except ValueError as error:
                raise DataError(
                    _("the text is not a template ({error})").format(error=error),
                    fix=_(
                        "write each fill-in as its name in braces, e.g. {{area}}, and a "
                        "brace as {{{{ or }}}}"
                    ),
                    file=file,
                    line=line,
                    column="text",
                ) from None
            for field in used:
                if field not in allowed:
                    raise DataError(
                        _("{placeholder} is not a fill-in of {owner}").format(
                            placeholder="{" + field + "}", owner=owner
                        ),
                        fix=_(
                            "use one of: {choices} (in Bengali also with _loc, _gen or "
                            "_obj), or add {kind} rows for it"
                        ).format(choices=", ".join(fills), kind=what),
                        file=file,
                        line=line,
                        column="text",
                    )


# ---------------------------------------------------------------------------------------
# Bengali case endings
# ---------------------------------------------------------------------------------------
_BN_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")
_BN_INDEPENDENT_VOWELS = set("অআইঈউঊঋএঐওঔ")
_BN_IRREGULAR = {("মা", "gen"): "মায়ের", ("মা", "loc"): "মায়ে"}


def bn_case(word: str, case: str) -> str:
    """A Bengali word or name with a case ending attached, the way it is written.

    ``case`` is ``"loc"`` (in/at: -এ after a consonant, -য় after আ-কার, -তে after other
    vowel signs, -য়ে after a vowel letter), ``"gen"`` (of: -এর after a consonant or a
    vowel letter, -র after a vowel sign) or ``"obj"`` (-কে).  The ending is joined to the
    word, never hyphenated.  Returns NFC text.

    >>> [bn_case(w, "loc") for w in ("কামরাঙ্গীরচর", "খুলনা", "রাজশাহী", "ধামরাই")]
    ['কামরাঙ্গীরচরে', 'খুলনায়', 'রাজশাহীতে', 'ধামরাইয়ে']
    >>> [bn_case(w, "gen") for w in ("মিরপুর", "পুরান ঢাকা", "মা", "ছোট ভাই")]
    ['মিরপুরের', 'পুরান ঢাকার', 'মায়ের', 'ছোট ভাইয়ের']
    >>> bn_case("কুশন কভার", "loc"), bn_case("মেয়ে", "obj")
    ('কুশন কভারে', 'মেয়েকে')
    >>> bn_case("Mirpur", "loc")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'Mirpur' does not end in a Bengali letter.
    How to fix it: give a word in Bengali script, e.g. bn_case('মিরপুর', 'loc').
    """
    if case not in _BN_CASES:
        raise unknown_choice(_("Bengali case"), case, _BN_CASES)
    word = unicodedata.normalize("NFC", word.strip())
    if (word, case) in _BN_IRREGULAR:
        return unicodedata.normalize("NFC", _BN_IRREGULAR[(word, case)])
    last = word[-1:] or " "
    if not "\u0980" <= last <= "\u09ff" or last.isdigit():
        raise InputError(
            _("{word} does not end in a Bengali letter").format(word=repr(word)),
            fix=_("give a word in Bengali script, e.g. {example}").format(
                example="bn_case('মিরপুর', 'loc')"
            ),
        )
    if case == "obj":
        ending = "কে"
    elif last in _BN_INDEPENDENT_VOWELS:
        ending = "য়ে" if case == "loc" else "য়ের"
    elif last == "া":
        ending = "য়" if case == "loc" else "র"
    elif last in _BN_VOWEL_SIGNS:
        ending = "তে" if case == "loc" else "র"
    else:
        if last == "ৎ":  # khanda ta takes its full form before a vowel: ভবিষ্যৎ -> ভবিষ্যতে
            word = word[:-1] + "ত"
        ending = "ে" if case == "loc" else "ের"
    return unicodedata.normalize("NFC", word + ending)


# ---------------------------------------------------------------------------------------
# Expanding templates
# ---------------------------------------------------------------------------------------
def _check_language(language: str, allowed: tuple[str, ...] = LANGUAGES) -> None:
    if language not in allowed:
        raise unknown_choice(_("language"), language, allowed)


def _forms(name: str, value: str) -> dict[str, str]:
    """The fill-in ``{name}`` and, for Bengali words, ``{name_loc}``, ``{name_gen}``..."""
    forms = {name: value}
    if value and "\u0980" <= value[-1] <= "\u09ff" and not value[-1].isdigit():
        forms.update({f"{name}_{case}": bn_case(value, case) for case in _BN_CASES})
    return forms


def _slots(template: str, fills: dict[str, tuple[str, ...]]) -> list[str]:
    return [
        name
        for name in fills
        if any(
            "{" + name + suffix + "}" in template
            for suffix in ("", *(f"_{case}" for case in _BN_CASES))
        )
    ]


def _expand_one(template: str, fills: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """One template with every combination of the fill-ins it uses, NFC, without repeats."""
    slots = _slots(template, fills)
    texts: dict[str, None] = {}
    for values in product(*(fills[name] for name in slots)):
        forms: dict[str, str] = {}
        for name, value in zip(slots, values, strict=True):
            forms.update(_forms(name, value))
        texts[unicodedata.normalize("NFC", template.format(**forms))] = None
    return tuple(texts)


def _expand(templates: tuple[str, ...], fills: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every template with every combination of the fill-ins it uses, without repeats."""
    texts: dict[str, None] = {}
    for template in templates:
        texts.update(dict.fromkeys(_expand_one(template, fills)))
    return tuple(texts)


# ---------------------------------------------------------------------------------------
# Public pools
# ---------------------------------------------------------------------------------------
@cache
def caption_pool(client: str, pillar: str, language: str) -> tuple[str, ...]:
    """All captions the generator may use for one client, pillar and language.

    >>> caption_pool("business", "offers", "en")[0]
    'This week only: 10% off every nakshi kantha. Free delivery inside Dhaka. #Offer'
    >>> caption_pool("business", "offers", "bn")[0]
    'শুধু এই সপ্তাহে: সব নকশী কাঁথায় ১০% ছাড়। ঢাকার ভেতরে ফ্রি ডেলিভারি। #অফার'
    >>> caption_pool("business", "offers", "fr")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'fr' is not a language SMM Lab knows.
    How to fix it: use one of: en, bn.
    """
    profile = client_profile(client)
    _check_language(language)
    if pillar not in profile.pillars:
        raise unknown_choice(
            _("pillar of the {client}").format(client=client), pillar, profile.pillars
        )
    texts = caption_texts()
    return _expand(
        texts.texts("caption", client, language, pillar),
        texts.fills("caption_fill", client, language),
    )


def special_day_captions(client: str, language: str) -> tuple[str, ...]:
    """One caption per special day (``calibration.SPECIAL_DAYS`` order), for a client.

    >>> special_day_captions("nonprofit", "en")[2]
    'Shubho Noboborsho! Start the new year with a new book. #PohelaBoishakh #AloReads'
    >>> special_day_captions("nonprofit", "de")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'de' is not a language SMM Lab knows.
    How to fix it: use one of: en, bn.
    """
    client_profile(client)
    _check_language(language)
    return tuple(
        unicodedata.normalize("NFC", text)
        for text in caption_texts().texts("special_day", client, language)
    )


def _check_message_args(client: str, category: str, variant: str) -> None:
    client_profile(client)
    _check_language(variant, MESSAGE_VARIANTS)
    if category not in MESSAGE_CATEGORIES:
        raise unknown_choice(_("message category"), category, MESSAGE_CATEGORIES)


@cache
def message_parts(
    client: str, category: str, variant: str
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The parts inbox messages are composed from, for one client, category and variant.

    Returns ``{part: templates}`` for each of ``MESSAGE_PARTS``; each template is a tuple
    of its filled-in texts.  A message is one text of one template of each part, joined.
    ``variant`` is one of ``MESSAGE_VARIANTS`` (``"banglish"``: Bengali in Latin letters).

    >>> parts = message_parts("business", "question", "banglish")
    >>> parts["body"][2][:2]
    ('nakshi kantha ta ki blue e pawa jabe?', 'nakshi kantha ta ki lal e pawa jabe?')
    >>> sorted(parts) == sorted(MESSAGE_PARTS)
    True
    """
    _check_message_args(client, category, variant)
    texts = caption_texts()
    fills = texts.message_fills(client, variant)
    greetings = ("",) if category == "spam" else texts.texts("greeting", "", variant)
    templates = {
        "greeting": greetings,
        "body": texts.texts("body", client, variant, category),
        "detail": texts.texts("detail", "", variant, category),
        "signoff": texts.texts("signoff", "", variant, category),
    }
    return {part: tuple(_expand_one(t, fills) for t in templates[part]) for part in MESSAGE_PARTS}


@cache
def message_pool(client: str, category: str, language: str) -> tuple[str, ...]:
    """Every message body for one client, category and variant (no greeting or sign-off).

    ``language`` is ``"en"``, ``"bn"`` or ``"banglish"`` (see ``MESSAGE_VARIANTS``).

    >>> message_pool("business", "question", "en")[:2]
    ('How much is the nakshi kantha?', 'How much is the jute bag?')
    >>> message_pool("nonprofit", "question", "bn")[0]
    'মিরপুরের পাঠচক্রে কীভাবে স্বেচ্ছাসেবক হতে পারি?'
    >>> message_pool("business", "rant", "en")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'rant' is not a message category SMM Lab knows.
    How to fix it: use one of: question, complaint, praise, spam, other.
    """
    return tuple(
        dict.fromkeys(
            text
            for template in message_parts(client, category, language)["body"]
            for text in template
        )
    )
