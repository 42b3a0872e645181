"""The site's editions: English at the site's root, Bengali under ``bn/``, linked both ways.

One site folder holds both editions when the Bengali one is built::

    build/site/
        index.html, 03-platforms.html, sources.html, notebooks/   the English edition
        bn/
            index.html, 03-platforms.html, sources.html,           the Bengali edition,
            glossary.html, notebooks/                              with its glossary page

Every page of an edition carries a language switch to the same page of the other edition
(a lesson the other edition lacks links to that edition's contents page instead), so a
reader can move between the two at any point.  Each edition is complete in itself: its own
contents, sources and notebooks, so links inside an edition never leave it.

>>> EDITIONS["bn"].folder, EDITIONS["en"].folder
('bn/', '')
>>> relative_href("bn/", "", "03-platforms.html"), relative_href("", "bn/", "index.html")
('../03-platforms.html', 'bn/index.html')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EDITIONS", "Edition", "LanguageLink", "relative_href"]


@dataclass(frozen=True)
class Edition:
    """Where one language's edition lives in the site, and how its switch names it.

    ``folder`` is relative to the site's root (``""`` or ``"bn/"``); ``autonym`` is the
    language's name in itself, as language switches show it ("English", "বাংলা").
    """

    language: str
    folder: str
    autonym: str
    #: Markdown pages of the edition's lessons folder shown as pages (``glossary.md``).
    own_pages: tuple[str, ...] = ()


#: Every edition the site knows, by language.
EDITIONS = {
    "en": Edition("en", "", "English"),
    "bn": Edition("bn", "bn/", "বাংলা", own_pages=("glossary.md",)),
}


@dataclass(frozen=True)
class LanguageLink:
    """One entry of a page's language switch: the other edition's page for this one."""

    language: str
    autonym: str
    href: str


def relative_href(from_folder: str, to_folder: str, name: str) -> str:
    """The link from a page in ``from_folder`` to ``name`` in ``to_folder`` (site-relative).

    >>> relative_href("", "", "index.html")
    'index.html'
    """
    ups = "../" * from_folder.count("/")
    return f"{ups}{to_folder}{name}"
