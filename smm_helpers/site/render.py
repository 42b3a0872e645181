"""Turn one executed lesson into a static page, and the list of lessons into a contents page.

Lesson pages are made by nbconvert's ``HTMLExporter`` with the ``smm-lesson`` template (in
``templates/``), which extends nbconvert's JupyterLab template.  Before the export, the
lesson's notebook is prepared for a page that has no kernel (:func:`prepare_notebook`):

- live widget views are dropped, so each widget shows its static fallback;
- self-check cells (``check(...)``) and quizzes (``quiz(...)``) are tagged, and the page
  adds a note to each on how to run the lesson to use it;
- display formulas (``$$...$$``) are drawn at build time with matplotlib, so the page
  needs no MathJax from a CDN (:func:`formula_html`).

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smm_helpers.site.binder import binder_url
from smm_helpers.site.execute import LessonFailed
from smm_helpers.widgets.base import WIDGET_MIME, drop_live_views

if TYPE_CHECKING:
    from markupsafe import Markup
    from nbconvert import HTMLExporter

    from smm_helpers.site.pages import LessonPage

__all__ = ["TEMPLATES", "SiteInfo", "formula_html", "images_without_alt_text",
           "link_lessons", "make_exporter", "prepare_notebook", "render_contents",
           "render_lesson", "render_sources"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""The site's templates: ``smm-lesson/`` (nbconvert), ``contents.html.j2``, ``site.css``."""

LESSON_TEMPLATE = "smm-lesson"

SELF_CHECK_TAG = "smm-self-check"
QUIZ_TAG = "smm-quiz"

SELF_CHECK_CALL = re.compile(r"(?<![\w.])check\(\s*['\"]")
"""A code cell that asks a self-check: ``check("03-platforms", "q1", answer)``."""

QUIZ_CALL = re.compile(r"(?<![\w.])quiz\(\s*['\"]")
"""A code cell that shows a quiz widget: ``quiz("03-platforms", "q1", [...])``."""

DISPLAY_MATH = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.DOTALL)

NO_ALT_TEXT = "No description has been provided for this image"
"""The alt text nbconvert gives a picture that came without one (it tells a reader nothing)."""

EMPTY_ALT_TEXTS = frozenset({NO_ALT_TEXT.lower(), "chart", "figure", "graph", "image",
                             "picture", "plot"})
"""Alt texts that say only that there is a picture: as good as none for a screen reader."""

LESSON_LINK = re.compile(
    r'(?P<attr>href=["\'])(?P<name>\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb(?P<rest>#[^"\']*)?'
    r'(?P<quote>["\'])')

SOURCES_LINK = re.compile(r'(?P<attr>href=["\'])sources\.md(?P<rest>#[^"\']*)?(?P<quote>["\'])')
"""A link to the course's sources page, as lessons write it: ``sources.md#rival-iq-benchmarks``."""


@dataclass(frozen=True)
class SiteInfo:
    """What every page of the site needs to know about the site itself."""

    version: str
    executed: bool
    last_number: int
    binder_repo: str | None = None
    binder_ref: str = "HEAD"
    title: str = "SMM Lab"
    language: str = "en"
    sources: bool = False
    """Whether the site has the sources page (``sources.html``): the header then links it."""

    def binder_url(self, page: LessonPage | None = None) -> str | None:
        """The Binder link for a lesson (or the lessons folder); ``None`` without a repo."""
        if self.binder_repo is None:
            return None
        return binder_url(self.binder_repo, None if page is None else page.info.path.name,
                          ref=self.binder_ref)

    @property
    def stylesheet(self) -> Markup:
        """The site's own styles (``templates/site.css``), for a ``<style>`` element."""
        from markupsafe import Markup

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
    import matplotlib
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import math_to_image

    buffer = io.BytesIO()
    with matplotlib.rc_context({"mathtext.fontset": "cm", "svg.fonttype": "path"}):
        math_to_image(f"${_mathtext(tex)}$", buffer, format="svg",
                      prop=FontProperties(size=16))
    picture = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = html.escape(f"Formula: {_tex_alt_text(tex)}", quote=True)
    return (f'<div class="smm-math"><img src="data:image/svg+xml;base64,{picture}" '
            f'alt="{alt}"></div>')


def _draw_formulas(source: str) -> tuple[str, list[str]]:
    failed: list[str] = []

    def draw(found: re.Match[str]) -> str:
        tex = found.group("tex").strip()
        try:
            return f"\n\n{formula_html(tex)}\n\n"
        except ValueError as error:
            failed.append(f"the formula $${tex}$$ cannot be drawn ({str(error).strip()})")
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
                        lesson, "it shows a live widget with no static form, which a web "
                        "page cannot display",
                        fix="show the widget through smm_helpers.widgets.base.LiveView with "
                            "a static_html fallback, as the course's widgets do",
                        cell=number, cell_id=cell.get("id"),
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


def make_exporter() -> HTMLExporter:
    """nbconvert's HTMLExporter set up for the site: our template, no prompts, English.

    One exporter renders every lesson of a build (making it reads the templates).
    """
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name=LESSON_TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code="en",
        theme="light",
    )


def link_lessons(page_html: str) -> str:
    """Point links at the site's pages: ``03-platforms.ipynb`` and ``sources.md`` → ``.html``.

    In JupyterLab a lesson links to another lesson's notebook and to the sources page's
    Markdown file; on the site both are HTML pages.  The ``#anchor`` is kept.

    >>> link_lessons('see <a href="03-platforms.ipynb#Exercises">lesson 03</a>')
    'see <a href="03-platforms.html#Exercises">lesson 03</a>'
    >>> link_lessons('<a href="sources.md#rival-iq-benchmarks">Rival IQ</a>')
    '<a href="sources.html#rival-iq-benchmarks">Rival IQ</a>'
    """
    page_html = LESSON_LINK.sub(
        lambda m: f"{m['attr']}{m['name']}.html{m['rest'] or ''}{m['quote']}", page_html)
    return SOURCES_LINK.sub(
        lambda m: f"{m['attr']}sources.html{m['rest'] or ''}{m['quote']}", page_html)


def render_lesson(notebook: Any, page: LessonPage, site: SiteInfo,
                  exporter: HTMLExporter | None = None) -> str:
    """The HTML page of one prepared lesson (see :func:`prepare_notebook`)."""
    exporter = exporter or make_exporter()
    resources = {
        "metadata": {"name": f"{page.label} | {site.title}",
                     "path": str(page.info.path.parent)},
        "smm": {"page": page, "site": site},
    }
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return link_lessons(body)


def _objective_html(markdown: str) -> str:
    from markupsafe import Markup
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(markdown).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return Markup(rendered)  # HTML made by nbconvert's Markdown renderer from our lessons


def render_contents(pages: list[LessonPage], site: SiteInfo) -> str:
    """The contents page: every lesson with its title, estimated time and objectives."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES), str(TEMPLATES / LESSON_TEMPLATE)]),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    objectives = {page.id: [_objective_html(text) for text in page.objectives]
                  for page in pages}
    return environment.get_template("contents.html.j2").render(
        pages=pages, site=site, objectives=objectives)


def render_sources(markdown: str, site: SiteInfo) -> str:
    """The sources page: the lessons folder's ``sources.md`` as an HTML page of the site.

    Its ``<a id="...">`` anchors are kept, so ``sources.html#anchor`` opens at the entry;
    its links to lessons and to itself point at the site's pages (:func:`link_lessons`).

    >>> page = render_sources('# Sources\\n\\n<a id="afinn"></a>\\n### AFINN\\n\\n'
    ...                       '[lesson 10](10-analytics.ipynb)', SiteInfo("1", True, 12))
    >>> '<a id="afinn"></a>' in page, 'href="10-analytics.html"' in page
    (True, True)
    """
    import jinja2
    from markupsafe import Markup
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES), str(TEMPLATES / LESSON_TEMPLATE)]),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    body = Markup(link_lessons(markdown2html_mistune(markdown)))  # our own sources.md
    return environment.get_template("sources.html.j2").render(site=site, body=body)


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
