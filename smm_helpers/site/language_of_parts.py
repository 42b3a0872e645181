"""Mark table columns written in the other edition's language (WCAG 3.1.2, Language of Parts).

A screen reader reads a page in the voice of its ``<html lang>``.  The Bengali glossary is a
table with a column headed "English": read with a Bengali voice, "engagement rate" comes out
as nonsense.  A column whose header is the name of another edition's language in itself (its
autonym, "English" or "বাংলা", see :data:`~smm_helpers.site.editions.EDITIONS`) is in that
language, so each of its cells gets ``lang``; the page's own language and other columns are
left as they are.

>>> table = ("<table><thead><tr><th>বাংলা</th><th>English</th></tr></thead>"
...          "<tbody><tr><td>রিচ</td><td>reach</td></tr></tbody></table>")
>>> print(mark_language_columns(table, "bn").replace("<tr>", "\\n<tr>"))
<table><thead>
<tr><th>বাংলা</th><th lang="en">English</th></tr></thead><tbody>
<tr><td>রিচ</td><td lang="en">reach</td></tr></tbody></table>
>>> mark_language_columns(table, "en") == table.replace("<th>বাংলা", '<th lang="bn">বাংলা'
...                                                    ).replace("<td>রিচ", '<td lang="bn">রিচ')
True
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

from smm_helpers.site.editions import EDITIONS

__all__ = ["column_languages", "mark_language_columns"]

TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL | re.IGNORECASE)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL | re.IGNORECASE)
CELL = re.compile(
    r"<(?P<tag>t[hd])\b(?P<attributes>[^>]*)>(?P<inner>.*?)</(?P=tag)>", re.DOTALL | re.IGNORECASE
)
TAG = re.compile(r"<[^>]+>")
LANG_ATTRIBUTE = re.compile(r"\blang\s*=", re.IGNORECASE)
SPAN_ATTRIBUTE = re.compile(r"\b(?:colspan|rowspan)\s*=", re.IGNORECASE)


def _text(cell_html: str) -> str:
    """A cell's text as a reader sees it, for comparing with an autonym.

    >>> _text(" <strong>English</strong>&nbsp;")
    'english'
    """
    text = html.unescape(TAG.sub("", cell_html)).replace("\xa0", " ")
    return unicodedata.normalize("NFC", text).strip().casefold()


def column_languages(header_cells: list[tuple[str, str]], page_language: str) -> dict[int, str]:
    """Which columns are in another edition's language, from the header row's cells
    (``(attributes, inner HTML)`` of each ``<th>``): ``{column index: language}``.

    >>> column_languages([("", "বাংলা"), ("", "English"), (' lang="en"', "English")], "bn")
    {1: 'en'}
    """
    autonyms = {
        _text(edition.autonym): language
        for language, edition in EDITIONS.items()
        if language != page_language
    }
    return {
        index: autonyms[_text(inner)]
        for index, (attributes, inner) in enumerate(header_cells)
        if _text(inner) in autonyms and not LANG_ATTRIBUTE.search(attributes)
    }


def _mark_table(table_html: str, page_language: str) -> str:
    rows = ROW.findall(table_html)
    if not rows:
        return table_html
    header = list(CELL.finditer(rows[0]))
    if not header or any(
        cell["tag"].lower() != "th" or SPAN_ATTRIBUTE.search(cell["attributes"]) for cell in header
    ):
        return table_html  # no plain header row: the columns cannot be told apart safely
    columns = column_languages(
        [(cell["attributes"], cell["inner"]) for cell in header], page_language
    )
    if not columns:
        return table_html

    def mark_row(row: re.Match[str]) -> str:
        index = itertools.count()

        def mark_cell(cell: re.Match[str]) -> str:
            language = columns.get(next(index))
            if language is None or LANG_ATTRIBUTE.search(cell["attributes"]):
                return cell[0]
            return (
                f'<{cell["tag"]}{cell["attributes"]} lang="{language}">{cell["inner"]}'
                f"</{cell['tag']}>"
            )

        return CELL.sub(mark_cell, row[0])

    return ROW.sub(mark_row, table_html)


def mark_language_columns(page_html: str, page_language: str) -> str:
    """``page_html`` with ``lang`` on every cell of a table column headed by another
    edition's autonym ("English" on a Bengali page); other tables are left as they are,
    and so is a table whose header row spans columns.

    >>> mark_language_columns("<table><tr><th>Platform</th></tr><tr><td>X</td></tr></table>",
    ...                       "bn")
    '<table><tr><th>Platform</th></tr><tr><td>X</td></tr></table>'
    """
    return TABLE.sub(lambda table: _mark_table(table[0], page_language), page_html)
