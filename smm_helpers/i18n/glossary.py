"""The course's glossary, Bengali ↔ English: data in ``data/glossary.csv``, a page for learners.

Every Bengali lesson uses the glossary's word for a term, with the English in brackets at its
first use, so the thirteen lessons agree.  Each row gives the English term (``en``), the
Bengali the course uses (``bn``), a short Bengali definition for a beginner
(``bn_definition``), other Bengali words for the term that the course does *not* use
(``bn_avoid``, separated by ``;``) and a note for translators (``note``).  The page
``lessons/bn/glossary.md`` (পরিভাষা) is built from the CSV: the terms sorted by their Bengali,
each with its meaning under it, and an English index below::

    python -m smm_helpers.i18n.glossary build    # write lessons/bn/glossary.md
    python -m smm_helpers.i18n.glossary check    # page current? English at first use? ...

>>> terms = load_glossary()
>>> terms["engagement rate"].bn
'এনগেজমেন্ট রেট'
>>> len(terms) > 80 and all(term.definition for term in terms.values())
True

The lesson catalogs can be checked against it: :func:`first_uses` finds where each term is
first used in the course and whether the English stands in brackets there, and
:func:`unlisted_terms` finds English put in brackets after a Bengali word that the glossary
does not list yet.  :func:`catalog_clashes` finds messages of the helpers' catalog that give
a term one of its avoided words (one word per term).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from smm_helpers.errors import DataError
from smm_helpers.i18n.catalog import po_path
from smm_helpers.lab import LESSONS_DIR

GLOSSARY_FILE = "glossary.csv"
PAGE_NAME = "glossary.md"
COLUMNS = ("en", "bn", "bn_definition", "bn_avoid", "note")
"""The columns of ``glossary.csv``, in order."""

_BENGALI = "\u0980-\u09ff\u200c\u200d"
"""Bengali letters and signs, with the zero-width (non-)joiners written inside words."""

_SUFFIX = re.compile(
    r"(?:-?(?:টি|টা|গুলো|গুলি|দের|রা|ওয়ালা))?"
    r"(?:-?(?:এর|ের|য়ের|র|কে|তে|য়|য়ে|ে|এ))?(?:ই|ও)?"
)
"""The Bengali case and number endings a term may carry (ক্লায়েন্টের, সংস্থাটিকে, ওজনগুলো)."""

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_MARKUP = "*_\"'"
_BRACKET = re.compile(r"\(([^()]*)\)")
_AFTER_BENGALI = re.compile(f"[{_BENGALI}][{re.escape(_MARKUP)}]*\\s*\\(([^()]*)\\)")


@dataclass(frozen=True)
class Term:
    """One glossary row: the English term, the Bengali the course uses, its meaning in
    Bengali for a beginner, Bengali words the course does not use for it, and a note.

    >>> term = Term("click-through rate (CTR)", "ক্লিক-থ্রু রেট (CTR)", "…")
    >>> sorted(term.english_forms)
    ['click through rate', 'click-through rate', 'ctr']
    >>> sorted(Term('"see more" fold', '"আরও দেখুন" সীমা').english_forms)
    ['"see more" fold', 'see more fold']
    >>> term.bengali_words
    ('ক্লিক-থ্রু', 'রেট')
    """

    en: str
    bn: str
    definition: str = ""
    note: str = ""
    avoid: tuple[str, ...] = ()

    @cached_property
    def english_forms(self) -> frozenset[str]:
        """The ways the English may be written in brackets (case folded, without plurals):
        the term, the term without its bracket, an abbreviation in either bracket; each
        also with spaces for hyphens and without quotation marks."""
        core = _BRACKET.sub(" ", self.en)
        forms = {_fold(core)}
        for part in _BRACKET.findall(self.en) + _BRACKET.findall(self.bn):
            if not re.search(f"[{_BENGALI}]", part):
                forms.add(_fold(part))
        forms |= {form.replace("-", " ") for form in forms}
        forms |= {_unquoted(form) for form in forms}
        return frozenset(form for form in forms if form)

    @cached_property
    def bengali_words(self) -> tuple[str, ...]:
        """The Bengali words of the term, without the part in brackets."""
        return tuple(_BRACKET.sub(" ", self.bn.translate(_QUOTES)).split())


def read_glossary(text: str, file: str = GLOSSARY_FILE) -> dict[str, Term]:
    """The glossary in ``text`` (CSV with the columns of ``COLUMNS``), by English term.

    Text is NFC-normalised and its spaces collapsed.  Raises ``DataError`` naming the line
    and column of a missing column, an empty term or definition, a definition that is not
    Bengali, an avoided word that is the term itself, or a term given twice.

    >>> text = ("en,bn,bn_definition,bn_avoid,note\\n"
    ...         "reach,রিচ,কতজন আলাদা মানুষ পোস্টটি দেখেছেন।,নাগাল; পৌঁছানো,\\n")
    >>> read_glossary(text)["reach"].avoid
    ('নাগাল', 'পৌঁছানো')
    >>> read_glossary("en,bn,bn_definition,bn_avoid,note\\nreach,রিচ,,,\\n")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: glossary.csv, line 2, column 'bn_definition': the ...
    How to fix it: write what the term means in one or two Bengali sentences.
    """
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise DataError(
            f"the header has no column {', '.join(missing)}",
            file=file,
            line=1,
            fix=f"start the file with the header {','.join(COLUMNS)}",
        )
    terms: dict[str, Term] = {}
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise DataError(
                f"the row has more fields than the header ({', '.join(COLUMNS)})",
                file=file,
                line=line,
                fix="put a definition or note that holds a comma in double quotes",
            )
        value = {column: _clean(row.get(column)) for column in COLUMNS}
        for column in ("en", "bn", "bn_definition"):
            if not value[column]:
                name = repr(value["en"]) if value["en"] else "the term"
                raise DataError(
                    f"the {column} of {name} is empty",
                    file=file,
                    line=line,
                    column=column,
                    fix="write what the term means in one or two Bengali sentences"
                    if column == "bn_definition"
                    else "fill in the English, the Bengali and the Bengali definition",
                )
        if not re.search(f"[{_BENGALI}]", value["bn_definition"]):
            raise DataError(
                f"the bn_definition of {value['en']!r} has no Bengali in it",
                file=file,
                line=line,
                column="bn_definition",
                fix="write the definition in Bengali",
            )
        avoid = tuple(word.strip() for word in value["bn_avoid"].split(";") if word.strip())
        if value["bn"] in avoid:
            raise DataError(
                f"{value['en']!r} avoids its own Bengali {value['bn']!r}",
                file=file,
                line=line,
                column="bn_avoid",
                fix="list in bn_avoid only the words the course does not use",
            )
        key = value["en"].casefold()
        if key in seen:
            raise DataError(
                f"{value['en']!r} is in the glossary twice (first on line {seen[key]})",
                file=file,
                line=line,
                column="en",
                fix="keep one row per English term",
            )
        seen[key] = line
        terms[value["en"]] = Term(
            value["en"], value["bn"], value["bn_definition"], value["note"], avoid
        )
    return terms


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, Term]:
    """The course glossary (``smm_helpers/data/glossary.csv``) by English term."""
    text = (resources.files("smm_helpers") / "data" / GLOSSARY_FILE).read_text(encoding="utf-8")
    return read_glossary(text)


def glossary_page(terms: Mapping[str, Term] | None = None) -> str:
    """The glossary as a markdown page in Bengali: a table of the terms (sorted by their
    Bengali spelling) with their English, then each term with its meaning under it, then an
    English → Bengali index.

    >>> page = glossary_page({"reach": Term("reach", "রিচ", "কতজন মানুষ দেখেছেন।")})
    >>> "| রিচ | reach |" in page, "### রিচ (reach)\\n\\nকতজন মানুষ দেখেছেন।" in page
    (True, True)
    >>> page.endswith("- reach: রিচ\\n")
    True
    """
    chosen = sorted(
        (load_glossary() if terms is None else terms).values(), key=lambda t: t.bn.strip('"“”')
    )
    lines = [
        "# পরিভাষা (Glossary)",
        "",
        "এই কোর্সের প্রতিটি বাংলা পাঠে একই শব্দ ব্যবহার করা হয়েছে। কোনো পরিভাষা প্রথমবার এলে "
        "পাশে বন্ধনীতে ইংরেজি শব্দটি থাকে; এখানে সব একসঙ্গে পাবেন। প্রথমে এক নজরে সব শব্দ, "
        "তারপর প্রতিটির সহজ অর্থ, আর শেষে ইংরেজি থেকে খোঁজার তালিকা।",
        "",
        "| বাংলা | English |",
        "|---|---|",
    ]
    lines += [f"| {_cell(t.bn)} | {_cell(t.en)} |" for t in chosen]
    lines += ["", "## পরিভাষার অর্থ", ""]
    for term in chosen:
        lines += [f"### {term.bn} ({term.en})", "", _as_paragraph(term.definition), ""]
    lines += ["## English → বাংলা", ""]
    lines += [f"- {t.en}: {t.bn}" for t in sorted(chosen, key=lambda t: t.en.casefold())]
    return "\n".join(lines) + "\n"


def write_glossary_page(folder: Path) -> Path:
    """Write the glossary page into ``folder`` (``lessons/bn``); return its path."""
    path = folder / PAGE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(glossary_page(), encoding="utf-8")
    return path


# --- Is each term's English given at its first use in the lessons? ----------------------


@dataclass(frozen=True)
class Passage:
    """A piece of translated course text and where it is (``"03-platforms, cell l03-01"``)."""

    where: str
    text: str


@dataclass(frozen=True)
class Use:
    """Where a glossary term is used, and whether its English stands in brackets there."""

    term: Term
    where: str
    bracketed: bool


def uses_in(text: str, terms: Iterable[Term]) -> list[tuple[int, Term, bool]]:
    """Each use of a glossary term in ``text``: (offset, term, English in brackets?).

    A term counts with its Bengali endings (ক্লায়েন্টের, সংস্থাটিকে); inside a longer term
    it is that term's use only.  The English counts when a bracket right after the term,
    or after the few Bengali words that follow it, names it (``অর্গানিক রিচ (organic
    reach)`` gives both terms their English).  Code in backticks and link targets are
    not read.

    >>> reach, client = Term("reach", "রিচ"), Term("client", "ক্লায়েন্ট")
    >>> [(t.en, b) for _, t, b in uses_in("ক্লায়েন্টের (client) রিচ বেড়েছে", [reach, client])]
    [('client', True), ('reach', False)]
    >>> [(t.en, b) for _, t, b in uses_in("রিচভিত্তিক হিসাব, `রিচ`", [reach])]
    []
    """
    text = _readable(text)
    found: list[tuple[int, int, Term]] = []
    for term in terms:
        for match in _term_pattern(term.bengali_words).finditer(text):
            found.append((match.start(), match.end(), term))
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, Term]] = []
    for start, end, term in found:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, term))
    return [
        (
            start,
            term,
            _names(
                term,
                text[start:end]
                + _following_bracket(text, end)
                + _enclosing_bracket(text, start, end),
                within=True,
            ),
        )
        for start, end, term in kept
    ]


def first_uses(passages: Iterable[Passage], terms: Iterable[Term]) -> dict[str, Use]:
    """Each term's first use in ``passages`` (read in order), by English term.

    A heading (a markdown line starting with ``#``) names a term without its English; the
    first use is then the first in running text, or a heading that gives the English.

    >>> course = [Passage("lesson 1", "রিচ মানে দেখা মানুষ।"), Passage("lesson 2", "রিচ (reach)")]
    >>> use = first_uses(course, [Term("reach", "রিচ"), Term("client", "ক্লায়েন্ট")])["reach"]
    >>> use.where, use.bracketed
    ('lesson 1', False)
    """
    return _first(_uses_by_passage(passages, list(terms)))


def first_use_problems(passages: Sequence[Passage], terms: Iterable[Term]) -> list[str]:
    """A sentence for each term whose first use in ``passages`` has no English in brackets,
    saying where the first use is and where, if anywhere, the English is given later.

    >>> course = [Passage("lesson 1", "রিচ মানে দেখা মানুষ।"), Passage("lesson 2", "রিচ (reach)")]
    >>> print(*first_use_problems(course, [Term("reach", "রিচ")]))
    'reach' (রিচ) is first used in lesson 1 without '(reach)'; the English comes later, in lesson 2
    >>> first_use_problems(course[1:], [Term("reach", "রিচ")])
    []
    """
    by_passage = _uses_by_passage(passages, list(terms))
    problems = []
    for en, use in _first(by_passage).items():
        if use.bracketed:
            continue
        later = next(
            (
                passage.where
                for passage, uses in by_passage
                for _, term, bracketed in uses
                if term == use.term and bracketed
            ),
            None,
        )
        problems.append(
            f"{en!r} ({use.term.bn}) is first used in {use.where} without '({en})'; "
            + (
                f"the English comes later, in {later}"
                if later
                else "the English is never given in brackets"
            )
        )
    return problems


def _uses_by_passage(
    passages: Iterable[Passage], terms: list[Term]
) -> list[tuple[Passage, list[tuple[int, Term, bool]]]]:
    return [(passage, uses_in(passage.text, terms)) for passage in passages]


def _first(by_passage: list[tuple[Passage, list[tuple[int, Term, bool]]]]) -> dict[str, Use]:
    first: dict[str, Use] = {}
    for passage, uses in by_passage:
        text = _readable(passage.text)
        for offset, term, bracketed in uses:
            line = text[text.rfind("\n", 0, offset) + 1 : offset]
            if bracketed or not line.lstrip().startswith("#"):
                first.setdefault(term.en, Use(term, passage.where, bracketed))
    return first


def bracketed_english(passages: Iterable[Passage]) -> dict[str, str]:
    """English put in brackets right after a Bengali word, and where it first appears:
    lower-case words or capital abbreviations, case folded, one entry for each of a list's
    items.  Names (``(Alo Reading Circle)``), code, and English quoted or emphasised as an
    example of a word or a label (``("buy", "sale")``, ``(*high*)``) are left out.

    >>> bracketed_english([Passage("l1", "অলাভজনক সংস্থা (nonprofit) আলো পাঠচক্র "
    ...                                  "(Alo Reading Circle), রিচ ও ভিউ (reach, views)")])
    {'nonprofit': 'l1', 'reach': 'l1', 'views': 'l1'}
    """
    found: dict[str, str] = {}
    for passage in passages:
        for match in _AFTER_BENGALI.finditer(_readable(passage.text)):
            for part in re.split(r"[,;]", match.group(1)):
                if part.strip()[:1] in _MARKUP:
                    continue  # "buy", *high*: a word or label quoted as an example
                for item in _items(part):
                    if re.fullmatch(r"[a-z][a-z -]*[a-z]|[A-Z]{2,6}", item):
                        found.setdefault(_fold(item), passage.where)
    return found


def unlisted_terms(passages: Iterable[Passage], terms: Iterable[Term]) -> dict[str, str]:
    """The bracketed English of :func:`bracketed_english` that no glossary term stands for
    (plurals count as their singular), and where each first appears.

    >>> unlisted_terms([Passage("l1", "রিচগুলো (reaches), ওজন (weight)")], [Term("reach", "রিচ")])
    {'weight': 'l1'}
    """
    known = set().union(*(term.english_forms for term in terms))
    return {
        item: where
        for item, where in bracketed_english(passages).items()
        if not _plural_of(item, known)
    }


def other_words(passages: Iterable[Passage], terms: Iterable[Term]) -> list[tuple[str, str, str]]:
    """Where a glossary term's English stands in brackets after a Bengali word that is not
    the glossary's: (English term, the Bengali words before the bracket, where).  A bracket
    after one word of a longer term (``স্মার্ট (SMART)``) is that term's.

    >>> other_words([Passage("l4", "শুরুর সংখ্যা (baseline), বেসলাইনের (baseline)")],
    ...             [Term("baseline", "বেসলাইন")])
    [('baseline', 'শুরুর সংখ্যা', 'l4')]
    """
    chosen = list(terms)
    found = []
    for passage in passages:
        text = _readable(passage.text)
        for match in _AFTER_BENGALI.finditer(text):
            bracket = text.index("(", match.start())
            words = text[:bracket].split()[-5:]
            window = " ".join(words) + " " + text[bracket : match.end()]
            last = words[-1] if words else ""
            for term in chosen:
                if (
                    _names(term, f"({match.group(1)})")
                    and not any(bracketed for _, _, bracketed in uses_in(window, [term]))
                    and not any(_term_pattern((word,)).search(last) for word in term.bengali_words)
                ):
                    bengali = [w for w in re.findall(f"[{_BENGALI}]+", " ".join(words[-2:]))]
                    found.append((term.en, " ".join(bengali), passage.where))
    return found


def catalog_clashes(messages: Iterable[tuple[str, str]], terms: Iterable[Term]) -> list[str]:
    """Messages (English, translation) whose English names a term and whose translation uses
    one of the term's avoided words instead of the course's word.

    The English counts as a word or its plural outside ``{placeholders}``, code and quoted
    identifiers; an avoided word counts with its Bengali endings, unless it is the
    glossary's word for another term the English also names (``goal`` → লক্ষ্য).

    >>> weight = Term("weight", "ওজন", avoid=("গুরুত্ব",))
    >>> catalog_clashes([("Weights: {weights}", "গুরুত্ব: {weights}"),
    ...                  ("It is important", "এটি গুরুত্বপূর্ণ"), ("Weight", "ওজন")], [weight])
    ["'Weights: {weights}' gives 'weight' the word গুরুত্ব, not ওজন"]
    """
    chosen = list(terms)
    named = {term.en: _english_pattern(term) for term in chosen}
    found = []
    for english, translation in messages:
        plain = _code_free(english)
        here = [term for term in chosen if term.avoid and named[term.en].search(plain)]
        if not here:
            continue
        others = {
            word
            for term in chosen
            if named[term.en].search(plain)
            for word in (term.bn, *term.bengali_words)
        }
        text = _readable(translation)
        for term in here:
            for word in term.avoid:
                if word not in others and _term_pattern(tuple(word.split())).search(text):
                    found.append(f"{english!r} gives {term.en!r} the word {word}, not {term.bn}")
    return found


def catalog_messages(path: Path) -> list[tuple[str, str]]:
    """The (English, translation) pairs of a gettext catalog; plural forms joined."""
    from babel.messages.pofile import read_po  # heavy: loaded on first use

    with path.open("rb") as handle:
        catalog = read_po(handle)
    pairs = []
    for message in catalog:
        if message.id:
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = (
                message.string if isinstance(message.string, (tuple, list)) else [message.string]
            )
            pairs.append((" ".join(map(str, ids)), " ".join(str(s or "") for s in strings)))
    return pairs


def lesson_passages(catalogs: Path) -> list[Passage]:
    """The translated cells of every lesson catalog in ``catalogs`` (``lessons/locales/bn``),
    lesson by lesson in course order, cells in the order of the catalog."""
    from babel.messages.pofile import read_po  # heavy: loaded on first use

    passages = []
    for path in sorted(catalogs.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        passages += [
            Passage(f"{path.stem}, cell {message.context}", str(message.string))
            for message in catalog
            if message.id and message.string
        ]
    return passages


def _term_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A term's Bengali words, with any bracket between them, its endings, and word edges."""
    joined = r"(?:\s*\([^()]*\))?\s+".join(
        re.escape(word).replace('"', '"?').replace("'", "'?") for word in words
    )
    return _pattern(f"(?<![{_BENGALI}]){joined}(?:{_SUFFIX.pattern})(?![{_BENGALI}])")


@lru_cache(maxsize=2048)
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _english_pattern(term: Term) -> re.Pattern[str]:
    """A term's English forms as words, with a plural ending, in any case."""
    forms = sorted(term.english_forms, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(map(re.escape, form.split())) for form in forms)
    return _pattern(f"(?i)(?<![\\w-])(?:{body})(?:s|es)?(?![\\w-])")


def _code_free(text: str) -> str:
    """English without placeholders, code, quoted identifiers or keyword arguments."""
    text = re.sub(r"\{[^{}]*\}|`[^`]*`|'[^' ]*'|https?://\S+", " ", text)
    return re.sub(r"\w+(?:[_.]\w+)+|\w+=\S*|\w+\([^)]*\)|\w+\[[^\]]*\]", " ", text)


def _following_bracket(text: str, end: int) -> str:
    """The bracket after ``end``, reached over markup (a link's text closing with ``]``
    too) and at most three Bengali words.

    >>> _following_bracket("রিভিউ ও প্রশংসাপত্র বিধি]** (*Consumer Reviews*)", 5)
    '(*Consumer Reviews*)'
    """
    skip = f"[{re.escape(_MARKUP)}\\]\\s]*"
    match = re.match(f"(?:{skip}[{_BENGALI}]+){{0,3}}{skip}(\\([^()]*\\))", text[end:])
    return match.group(1) if match else ""


def _enclosing_bracket(text: str, start: int, end: int) -> str:
    """The bracket the term stands in, if any: ``(অর্গানিক, organic)`` names it too."""
    opening, closing = text.rfind("(", 0, start), text.find(")", end)
    if opening < 0 or closing < 0 or ")" in text[opening:start] or "(" in text[end:closing]:
        return ""
    return text[opening : closing + 1]


def _names(term: Term, text: str, *, within: bool = False) -> bool:
    """Whether a bracket in ``text`` names the term in English: as a whole item, as the last
    words of a longer English name (``(Jupyter notebook)`` names "notebook"), or, ``within``,
    anywhere in it (``(organic reach)`` names "organic")."""
    for content in _BRACKET.findall(text):
        for item in _items(content):
            if re.search(f"[{_BENGALI}:+#=_.0-9]", item):
                continue  # not English, a source ("সূত্র: M+R Benchmarks") or code
            folded = _fold(item)
            for words in {
                tuple(form.split())
                for form in (folded, folded.replace("-", " "), _unquoted(folded))
            }:
                for form in term.english_forms:
                    size = len(form.split())
                    starts = range(len(words) - size + 1) if within else [len(words) - size]
                    if any(
                        start >= 0 and _plural_of(" ".join(words[start : start + size]), {form})
                        for start in starts
                    ):
                        return True
    return False


def _plural_of(item: str, forms: set[str] | frozenset[str]) -> bool:
    """``item`` is one of ``forms`` or its plural."""
    return (
        item in forms
        or (item.endswith("s") and item[:-1] in forms)
        or (item.endswith("es") and item[:-2] in forms)
        or (item.endswith("ies") and item[:-3] + "y" in forms)
    )


def _items(content: str) -> list[str]:
    """The items of a bracket: ``মধ্যমা, median`` → ``['মধ্যমা', 'median']``; a slash
    with spaces around it separates items too (``DM / inbox``), one inside a word does not
    (``A/B test``).  An item that explains itself after a colon and a space is its head:
    ``content pillar: যেসব বিষয়…`` → ``'content pillar'`` (``9:00`` and links stay whole).

    >>> _items("content pillar: যেসব বিষয় নিয়ে পোস্ট, আর তাদের ভাগ")
    ['content pillar', 'আর তাদের ভাগ']
    >>> _items("সূত্র: M+R Benchmarks; 9:00")
    ['সূত্র', '9:00']
    """
    parts = re.split(r"\s*(?:[,;]|\s/\s|\bor\b|\bবা\b)\s*", content)
    heads = (re.split(r":\s", part, maxsplit=1)[0] for part in parts)
    return [stripped for head in heads if (stripped := head.strip(_MARKUP + " \n"))]


def _unquoted(text: str) -> str:
    """``text`` without quotation marks: ``"see more" fold`` → ``see more fold``."""
    return " ".join(text.replace('"', " ").replace("'", " ").split())


def _readable(text: str) -> str:
    """NFC text with straight quotes, without code spans or link targets."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = re.sub(r"`[^`]*`", " ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _clean(value: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((value or "").split()))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m smm_helpers.i18n.glossary build|check [--lessons-dir DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m smm_helpers.i18n.glossary",
        description="Build and check the Bengali glossary page.",
    )
    parser.add_argument("action", choices=("build", "check"))
    parser.add_argument("--lessons-dir", type=Path, default=LESSONS_DIR)
    args = parser.parse_args(argv)
    folder = args.lessons_dir / "bn"
    if args.action == "build":
        print(f"built {write_glossary_page(folder)}")
        return 0
    status = 0
    page = folder / PAGE_NAME
    if not page.is_file() or page.read_text(encoding="utf-8") != glossary_page():
        print(f"{page} is out of date: run python -m smm_helpers.i18n.glossary build")
        status = 1
    passages = lesson_passages(args.lessons_dir / "locales" / "bn")
    terms = list(load_glossary().values())
    problems = first_use_problems(passages, terms)
    unlisted = unlisted_terms(passages, terms)
    used = first_uses(passages, terms)
    unused = sorted(term.en for term in terms if term.en not in used)
    others = other_words(passages, terms)

    clashes = catalog_clashes(catalog_messages(po_path("bn")), terms)
    for problem in problems:
        print(f"first use: {problem}")
    for item, where in unlisted.items():
        print(f"not in the glossary: {item!r} (in brackets in {where})")
    for en, words, where in others:
        print(f"another word: {where} gives {en!r} as {words!r}, not {load_glossary()[en].bn}")
    for clash in clashes:
        print(f"helpers' catalog: {clash}")
    print(
        f"{len(terms)} terms; {len(problems)} without English at first use; "
        f"{len(unlisted)} bracketed terms not in the glossary; {len(others)} bracketed "
        f"terms after another Bengali word; {len(clashes)} clashes in the helpers' "
        "catalog; not used in the lessons: " + (", ".join(unused) or "none")
    )
    return status or (1 if problems or unlisted or others or clashes else 0)


def _as_paragraph(text: str) -> str:
    r"""``text`` as a Markdown paragraph: a line that Markdown would read as a heading, a list
    or a quote (it starts with ``#``, ``-``, ``>``…) has that first character escaped.

    >>> print(_as_paragraph("# চিহ্ন দিয়ে শুরু হওয়া শব্দ"))
    \# চিহ্ন দিয়ে শুরু হওয়া শব্দ
    >>> _as_paragraph("রিচ মানে দেখা মানুষ।")
    'রিচ মানে দেখা মানুষ।'
    """
    return re.sub(r"^(\s*)([#>*+-])", r"\1\\\2", text, flags=re.MULTILINE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
