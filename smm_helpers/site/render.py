"""Turn one executed lesson into a static page, and the list of lessons into a contents page.

Lesson pages are made by nbconvert's ``HTMLExporter`` with the ``smm-lesson`` template (in
``templates/``), which extends nbconvert's JupyterLab template.  Before the export, the
lesson's notebook is prepared for a page that has no kernel (:func:`prepare_notebook`):

- live widget views are dropped, so each widget shows its static fallback;
- self-check cells (``check(...)``) and quizzes (``quiz(...)``) are tagged, and the page
  adds a note to each on how to run the lesson to use it;
- display formulas (``$$...$$``) are drawn at build time with matplotlib, so the page
  needs no MathJax from a CDN (:func:`formula_html`).

Every word the site itself adds (navigation, notes, headings) goes through gettext: the
templates call ``_("...")`` (:func:`template_globals`), so a page is in the language SMM Lab
speaks while it is rendered (the build renders each edition in its own language).

>>> from nbformat.v4 import new_code_cell, new_notebook
>>> nb = new_notebook(cells=[new_code_cell('check("03-platforms", "q1", answer)')])
>>> ready, notes = prepare_notebook(nb, "03-platforms")
>>> ready.cells[0].metadata["tags"], notes
(['smm-self-check'], [])
"""

from __future__ import annotations

import base64
import copy
import html
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.messages import ngettext
from smm_helpers.i18n.numbers import digits
from smm_helpers.site.binder import LESSONS_PATH, binder_url
from smm_helpers.site.editions import LanguageLink
from smm_helpers.site.execute import LessonFailed
from smm_helpers.site.language_of_parts import mark_language_columns
from smm_helpers.widgets.base import WIDGET_MIME, drop_live_views

if TYPE_CHECKING:
    from markupsafe import Markup
    from nbconvert import HTMLExporter

    from smm_helpers.site.pages import LessonPage

__all__ = [
    "TEMPLATES",
    "Alternate",
    "SiteInfo",
    "formula_html",
    "images_without_alt_text",
    "link_lessons",
    "make_exporter",
    "prepare_notebook",
    "render_contents",
    "render_lesson",
    "render_markdown_page",
    "render_sources",
    "template_globals",
]

#: The site's templates: ``smm-lesson/`` (nbconvert), ``contents.html.j2``, ``site.css``.
TEMPLATES = Path(__file__).resolve().parent / "templates"

LESSON_TEMPLATE = "smm-lesson"

SELF_CHECK_TAG = "smm-self-check"
QUIZ_TAG = "smm-quiz"

#: A code cell that asks a self-check: ``check("03-platforms", "q1", answer)``.
SELF_CHECK_CALL = re.compile(r"(?<![\w.])check\(\s*['\"]")

#: A code cell that shows a quiz widget: ``quiz("03-platforms", "q1", [...])``.
QUIZ_CALL = re.compile(r"(?<![\w.])quiz\(\s*['\"]")

DISPLAY_MATH = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.DOTALL)

#: The alt text nbconvert gives a picture that came without one (it tells a reader nothing).
NO_ALT_TEXT = "No description has been provided for this image"  # i18n: not shown

#: Alt texts that say only that there is a picture: as good as none for a screen reader.
EMPTY_ALT_TEXTS = frozenset(
    {NO_ALT_TEXT.lower(), "chart", "figure", "graph", "image", "picture", "plot"}
)

#: A link to a lesson notebook: ``03-platforms.ipynb``, or ``../03-platforms.ipynb`` (a
#: translated lesson pointing at the English one).
LESSON_LINK = re.compile(
    r'(?P<attr>href=["\'])(?P<up>(?:\.\./)?)(?P<name>\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb'
    r'(?P<rest>#[^"\']*)?(?P<quote>["\'])'
)

#: A link to a Markdown page beside the lessons: ``sources.md#rival-iq-benchmarks``, or, from a
#: translated lesson, ``../sources.md#…`` and its own ``glossary.md``.
PAGE_LINK = re.compile(
    r'(?P<attr>href=["\'])(?P<up>(?:\.\./)?)(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*)\.md'
    r'(?P<rest>#[^"\']*)?(?P<quote>["\'])'
)

#: Kept for code that looked for sources links by this name (see :data:`PAGE_LINK`).
SOURCES_LINK = PAGE_LINK


@dataclass(frozen=True)
class Alternate:
    """Another edition of the same site, for the language switch: its language, its name in
    itself, the link from this edition's folder to its folder, and the pages it has."""

    language: str
    autonym: str
    prefix: str
    pages: frozenset[str]


@dataclass(frozen=True)
class SiteInfo:
    """What every page of the site needs to know about the site itself."""

    version: str
    executed: bool
    last_number: int
    binder_repo: str | None = None
    binder_ref: str = "HEAD"
    title: str = "SMM Lab"  # i18n: not shown
    language: str = "en"
    #: Whether the site has the sources page (``sources.html``): the header then links it.
    sources: bool = False
    #: Whether this edition has a glossary page (``glossary.html``): the header links it.
    glossary: bool = False
    #: Where this edition's lessons are in the repository, for Binder (``lessons/bn``).
    lessons_path: str = LESSONS_PATH
    #: The other editions built into the same site, for the language switch.
    alternates: tuple[Alternate, ...] = field(default=())

    def binder_url(self, page: LessonPage | None = None) -> str | None:
        """The Binder link for a lesson (or the lessons folder); ``None`` without a repo."""
        if self.binder_repo is None:
            return None
        return binder_url(
            self.binder_repo,
            None if page is None else page.info.path.name,
            ref=self.binder_ref,
            folder=self.lessons_path,
        )

    @property
    def lab_command(self) -> str:
        """The command that opens this edition's lessons: ``smm-course lab [--lang bn]``."""
        command = "smm-course lab"  # i18n: not shown
        return command if self.language == "en" else f"{command} --lang {self.language}"

    @property
    def site_command(self) -> str:
        """The command that builds this edition: ``smm-course site [--lang bn]``."""
        command = "smm-course site"  # i18n: not shown
        return command if self.language == "en" else f"{command} --lang {self.language}"

    def language_links(self, name: str) -> list[LanguageLink]:
        """The language switch of the page ``name``: the same page in every other edition,
        or that edition's contents page when it has no such page.

        >>> site = SiteInfo("1", True, 12, alternates=(
        ...     Alternate("bn", "বাংলা", "bn/", frozenset({"index.html", "03-x.html"})),))
        >>> [link.href for link in site.language_links("03-x.html")]
        ['bn/03-x.html']
        >>> [link.href for link in site.language_links("09-y.html")]
        ['bn/index.html']
        """
        return [
            LanguageLink(
                other.language,
                other.autonym,
                other.prefix + (name if name in other.pages else "index.html"),
            )
            for other in self.alternates
        ]

    @property
    def stylesheet(self) -> Markup:
        """The site's own styles (``templates/site.css``), for a ``<style>`` element."""
        from markupsafe import Markup  # heavy: loaded on first use

        return Markup((TEMPLATES / "site.css").read_text(encoding="utf-8"))  # our own file


# --------------------------------------------------------------------------------------
# Preparing a lesson for a page without a kernel
# --------------------------------------------------------------------------------------


def _source(cell: Any) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _tex_alt_text(tex: str) -> str:
    text = re.sub(r"\\[,;:!]|\\[bB]igg?[lrm]?|\\left|\\right", " ", tex)
    return re.sub(r"\s+", " ", text).strip()


def _mathtext(tex: str) -> str:
    """TeX as matplotlib's mathtext understands it: ``\\bigl(`` becomes ``\\left(``."""
    tex = re.sub(r"\\[bB]igg?l(?![a-zA-Z])", r"\\left", tex)
    tex = re.sub(r"\\[bB]igg?r(?![a-zA-Z])", r"\\right", tex)
    tex = re.sub(r"\\[bB]igg?m?(?![a-zA-Z])", "", tex)
    return " ".join(tex.split())


def formula_html(tex: str) -> str:
    """A display formula as an HTML picture (SVG drawn by matplotlib), its TeX as alt text.

    matplotlib's mathtext covers the TeX a lesson needs (fractions, powers, Greek letters,
    ``\\left( ... \\right)``); sizing commands such as ``\\bigl(`` are drawn as
    ``\\left(``.  TeX that mathtext cannot draw raises ``ValueError``.

    >>> page = formula_html(r"r(s) = a\\,\\bigl(1 - e^{-s/(a\\,c)}\\bigr)")
    >>> page.startswith('<div class="smm-math"><img src="data:image/svg+xml;base64,')
    True
    >>> re.search(r'alt="[^"]*"', page).group(0)
    'alt="Formula: r(s) = a (1 - e^{-s/(a c)} )"'
    """
    import matplotlib  # heavy: loaded on first use
    from matplotlib.font_manager import FontProperties  # heavy: loaded on first use
    from matplotlib.mathtext import math_to_image  # heavy: loaded on first use

    buffer = io.BytesIO()
    with matplotlib.rc_context({"mathtext.fontset": "cm", "svg.fonttype": "path"}):
        math_to_image(f"${_mathtext(tex)}$", buffer, format="svg", prop=FontProperties(size=16))
    picture = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = html.escape(_("Formula: {tex}").format(tex=_tex_alt_text(tex)), quote=True)
    image = f'<img src="data:image/svg+xml;base64,{picture}" alt="{alt}">'  # i18n: not shown
    return f'<div class="smm-math">{image}</div>'  # i18n: not shown


def _draw_formulas(source: str) -> tuple[str, list[str]]:
    failed: list[str] = []

    def draw(found: re.Match[str]) -> str:
        tex = found.group("tex").strip()
        try:
            return f"\n\n{formula_html(tex)}\n\n"
        except ValueError as error:
            failed.append(
                _("the formula {formula} cannot be drawn ({error})").format(
                    formula=f"$${tex}$$", error=str(error).strip()
                )
            )
            return found.group(0)

    return DISPLAY_MATH.sub(draw, source), failed


def prepare_notebook(notebook: Any, lesson: str) -> tuple[Any, list[str]]:
    """A copy of an executed lesson, ready for a static page, and notes on what is amiss.

    - Live widget views are dropped (:func:`smm_helpers.widgets.base.drop_live_views`), so
      every widget shows its static fallback; a live view *without* one is an error
      (:class:`~smm_helpers.site.execute.LessonFailed`, naming the cell), because a page
      cannot show it.
    - Cells that call ``check(...)`` are tagged ``smm-self-check``; ``quiz(...)`` cells also
      ``smm-quiz``.  The template adds a note on how to run the lesson to each.
    - ``$$...$$`` formulas in markdown cells are drawn (:func:`formula_html`); one that
      cannot be drawn stays as TeX and is reported in the notes.

    The notebook passed in is not changed.

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> live = new_output("display_data", data={WIDGET_MIME: {"model_id": "1"},
    ...                                         "text/plain": "VBox()"})
    >>> prepare_notebook(new_notebook(cells=[new_code_cell("box", outputs=[live])]), "01-x")
    Traceback (most recent call last):
    ...
    smm_helpers.site.execute.LessonFailed: lesson 01-x failed in cell 1 (id ...): it shows a live...
    """
    ready = copy.deepcopy(notebook)
    drop_live_views(ready)
    ready.metadata.pop("widgets", None)  # widget state: only a kernel can use it
    notes: list[str] = []
    for number, cell in enumerate(ready.cells, start=1):
        source = _source(cell)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if WIDGET_MIME in output.get("data", {}):
                    raise LessonFailed(
                        lesson,
                        _(
                            "it shows a live widget with no static form, which a web "
                            "page cannot display"
                        ),
                        fix=_(
                            "show the widget through smm_helpers.widgets.base.LiveView "
                            "with a static_html fallback, as the course's widgets do"
                        ),
                        cell=number,
                        cell_id=cell.get("id"),
                    )
            tags = list(cell.metadata.get("tags", []))
            if SELF_CHECK_CALL.search(source) or QUIZ_CALL.search(source):
                tags.append(SELF_CHECK_TAG)
                if QUIZ_CALL.search(source):
                    tags.append(QUIZ_TAG)
                cell.metadata["tags"] = tags
        elif cell.cell_type == "markdown" and "$$" in source:
            drawn, failed = _draw_formulas(source)
            cell.source = drawn
            notes += [f"{lesson}, cell {number}: {problem}" for problem in failed]
    return ready, notes


# --------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------


def html_link(href: str | None, text: str, **attributes: str | bool) -> Markup:
    """An ``<a>`` element, every value escaped (for a link inside a translated sentence).

    >>> html_link("a.html?x=1&y=2", "A & B", download=True)
    Markup('<a href="a.html?x=1&amp;y=2" download>A &amp; B</a>')
    """
    from markupsafe import Markup, escape  # heavy: loaded on first use

    extra = "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attributes.items()
        if value is not False
    )
    return Markup(f'<a href="{escape(href or "")}"{extra}>{escape(text)}</a>')


def html_code(text: str) -> Markup:
    """Text as ``<code>``, escaped.

    >>> html_code("a && b")
    Markup('<code>a &amp;&amp; b</code>')
    """
    from markupsafe import Markup, escape  # heavy: loaded on first use

    return Markup(f"<code>{escape(text)}</code>")


def html_emphasis(text: str) -> Markup:
    """Text as ``<em>``, escaped (a button's name in a sentence)."""
    from markupsafe import Markup, escape  # heavy: loaded on first use

    return Markup(f"<em>{escape(text)}</em>")


def _translate(message: str, **values: Any) -> Markup:
    """``message`` in the current language, escaped, with ``{name}`` values filled in (a
    value that is already HTML, e.g. :func:`html_link`, goes in as it is; text is escaped)."""
    from markupsafe import escape  # heavy: loaded on first use

    text: Markup = escape(_(message))
    return text.format(**values) if values else text


def _translate_plural(singular: str, plural: str, number: int, /, **values: Any) -> Markup:
    from markupsafe import escape  # heavy: loaded on first use

    return escape(ngettext(singular, plural, number)).format(**values)


def template_globals() -> dict[str, Any]:
    """What the site's templates may call: ``_`` and ``ngettext`` (gettext, escaped, with
    ``{name}`` values), ``link`` (:func:`html_link`), ``code`` (:func:`html_code`), ``em``
    (:func:`html_emphasis`) and ``digits``.

    >>> from smm_helpers.i18n.messages import in_language
    >>> say = template_globals()["_"]
    >>> with in_language("bn"):
    ...     str(say("All lessons"))
    'সব পাঠ'
    """
    return {
        "_": _translate,
        "gettext": _translate,
        "ngettext": _translate_plural,
        "link": html_link,
        "code": html_code,
        "em": html_emphasis,
        "digits": digits,
    }


def make_exporter(language: str = "en") -> HTMLExporter:
    """nbconvert's HTMLExporter set up for the site: our template, no prompts, and the
    page's language (``<html lang="bn">`` for the Bengali edition).

    One exporter renders every lesson of an edition (making it reads the templates).
    """
    from nbconvert import HTMLExporter  # heavy: loaded on first use

    exporter = HTMLExporter(
        template_name=LESSON_TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=language,
        theme="light",
    )
    exporter.environment.globals.update(template_globals())
    return exporter


def link_lessons(
    page_html: str, lessons: frozenset[str] | None = None, pages: Mapping[str, str] | None = None
) -> str:
    """Point links at the site's pages: ``03-platforms.ipynb`` and ``sources.md`` → ``.html``.

    In JupyterLab a lesson links to another lesson's notebook and to Markdown pages beside
    it (``sources.md``; in a Bengali lesson ``../sources.md`` and ``glossary.md``); on the
    site all are HTML pages of the same edition.  ``lessons`` (ids) are the edition's
    lessons: a link to a lesson it lacks goes to the edition one folder up (the English
    one).  ``pages`` maps a Markdown page's name to the edition's HTML page (default:
    ``sources.md`` → ``sources.html``).  The ``#anchor`` is kept.

    >>> link_lessons('see <a href="03-platforms.ipynb#Exercises">lesson 03</a>')
    'see <a href="03-platforms.html#Exercises">lesson 03</a>'
    >>> link_lessons('<a href="sources.md#rival-iq-benchmarks">Rival IQ</a>')
    '<a href="sources.html#rival-iq-benchmarks">Rival IQ</a>'
    >>> bengali = {"sources.md": "sources.html", "glossary.md": "glossary.html"}
    >>> page = link_lessons('<a href="../sources.md#bd-weekend">x</a> <a href="glossary.md">g'
    ...                     '</a> <a href="09-y.ipynb">y</a>', frozenset({"03-x"}), bengali)
    >>> 'href="sources.html#bd-weekend"' in page, 'href="glossary.html"' in page
    (True, True)
    >>> 'href="../09-y.html"' in page
    True
    """
    pages = {"sources.md": "sources.html"} if pages is None else pages

    def lesson(m: re.Match[str]) -> str:
        here = lessons is None or m["name"] in lessons
        up = "" if here else "../"
        return f"{m['attr']}{up}{m['name']}.html{m['rest'] or ''}{m['quote']}"

    def page(m: re.Match[str]) -> str:
        target = pages.get(f"{m['name']}.md")
        if target is None:
            return m.group(0)
        return f"{m['attr']}{target}{m['rest'] or ''}{m['quote']}"

    return PAGE_LINK.sub(page, LESSON_LINK.sub(lesson, page_html))


def render_lesson(
    notebook: Any,
    page: LessonPage,
    site: SiteInfo,
    exporter: HTMLExporter | None = None,
    lessons: frozenset[str] | None = None,
) -> str:
    """The HTML page of one prepared lesson (see :func:`prepare_notebook`), in the current
    language; ``lessons`` are the ids of the edition's lessons (see :func:`link_lessons`)."""
    exporter = exporter or make_exporter(site.language)
    resources = {
        "metadata": {"name": f"{page.label} | {site.title}", "path": str(page.info.path.parent)},
        "smm": {"page": page, "site": site},
    }
    body, _resources = exporter.from_notebook_node(notebook, resources=resources)
    return mark_language_columns(link_lessons(body, lessons, _page_links(site)), site.language)


def _page_links(site: SiteInfo) -> dict[str, str]:
    links = {"sources.md": "sources.html"} if site.sources else {}
    if site.glossary:
        links["glossary.md"] = "glossary.html"
    return links


def _objective_html(markdown: str) -> str:
    from markupsafe import Markup  # heavy: loaded on first use

    # heavy: loaded on first use
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(markdown).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return Markup(rendered)  # HTML made by nbconvert's Markdown renderer from our lessons


def _environment() -> Any:
    import jinja2  # heavy: loaded on first use

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES), str(TEMPLATES / LESSON_TEMPLATE)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.globals.update(template_globals())
    return environment


def render_contents(pages: list[LessonPage], site: SiteInfo) -> str:
    """The contents page: every lesson with its title, estimated time and objectives."""
    environment = _environment()
    objectives = {page.id: [_objective_html(text) for text in page.objectives] for page in pages}
    return environment.get_template("contents.html.j2").render(
        pages=pages, site=site, objectives=objectives
    )


def render_sources(
    markdown: str, site: SiteInfo, lessons: frozenset[str] | None = None, body_language: str = "en"
) -> str:
    """The sources page: the lessons folder's ``sources.md`` as an HTML page of the site.

    Its ``<a id="...">`` anchors are kept, so ``sources.html#anchor`` opens at the entry;
    its links to lessons and to itself point at the site's pages (:func:`link_lessons`).
    The sources are written in English: in another edition the page's own words are in
    that edition's language and the sources are marked ``lang="en"``.

    >>> page = render_sources('# Sources\\n\\n<a id="afinn"></a>\\n### AFINN\\n\\n'
    ...                       '[lesson 10](10-analytics.ipynb)', SiteInfo("1", True, 12))
    >>> '<a id="afinn"></a>' in page, 'href="10-analytics.html"' in page
    (True, True)
    """
    return render_markdown_page(markdown, site, "sources", lessons, body_language)


def render_markdown_page(
    markdown: str,
    site: SiteInfo,
    kind: str,
    lessons: frozenset[str] | None = None,
    body_language: str | None = None,
) -> str:
    """A Markdown page of the lessons folder (``sources``, ``glossary``) as a page of the
    site, in its chrome; ``body_language`` marks the text's language when it differs from
    the page's.

    >>> from smm_helpers.i18n.messages import in_language
    >>> with in_language("bn"):
    ...     page = render_markdown_page("# পরিভাষা\\n\\n[পাঠ ০৩](03-x.ipynb)",
    ...                                 SiteInfo("1", True, 12, language="bn"), "glossary")
    >>> '<html lang="bn">' in page, "<title>SMM Lab: পরিভাষা</title>" in page
    (True, True)

    A table column headed by the other edition's language is marked as written in it
    (see :mod:`smm_helpers.site.language_of_parts`):

    >>> with in_language("bn"):
    ...     page = render_markdown_page("| বাংলা | English |\\n|---|---|\\n| রিচ | reach |",
    ...                                 SiteInfo("1", True, 12, language="bn"), "glossary")
    >>> '<td lang="en">reach</td>' in page, "<td>রিচ</td>" in page
    (True, True)
    """
    from markupsafe import Markup  # heavy: loaded on first use

    # heavy: loaded on first use
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    if kind not in PAGE_KINDS:
        raise ValueError(f"no such page: {kind!r}")  # i18n: not shown
    own = body_language if body_language not in (None, site.language) else None
    body = Markup(
        mark_language_columns(  # HTML made from our own pages
            link_lessons(markdown2html_mistune(markdown), lessons, _page_links(site)),
            own or site.language,
        )
    )
    return (
        _environment()
        .get_template("markdown_page.html.j2")
        .render(site=site, body=body, kind=kind, body_language=own)
    )


#: The Markdown pages the site shows beside the lessons (see ``markdown_page.html.j2``).
PAGE_KINDS = ("sources", "glossary")


IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT_ATTRIBUTE = re.compile(r'\balt\s*=\s*(["\'])(?P<alt>.*?)\1', re.IGNORECASE | re.DOTALL)


def images_without_alt_text(page_html: str) -> list[str]:
    """The ``<img>`` tags of a page that tell a screen reader nothing (start of each tag).

    A picture needs alt text that describes it: none, an empty one, nbconvert's
    placeholder, or a bare word such as "chart" (:data:`EMPTY_ALT_TEXTS`) does not.

    >>> images_without_alt_text('<img src="a.png" alt="Bar chart of reach."><img src="b.png">')
    ['<img src="b.png">']
    >>> images_without_alt_text(f'<img src="c.png" alt="{NO_ALT_TEXT}">')
    ['<img src="c.png" alt="No description has been provided for this image">']
    >>> images_without_alt_text('<img alt="Chart" src="data:image/png;base64,iVBORw0KGgo...">')
    ['<img alt="Chart" src="data:...">']
    """
    found = []
    for tag in IMG_TAG.findall(page_html):
        alt = ALT_ATTRIBUTE.search(tag)
        text = html.unescape(alt["alt"]).strip().rstrip(".").lower() if alt else ""
        if not text or text in EMPTY_ALT_TEXTS:
            shown = re.sub(r"data:[^\"']{40,}", "data:...", tag)
            found.append(shown if len(shown) <= 160 else shown[:157] + "...")
    return found
