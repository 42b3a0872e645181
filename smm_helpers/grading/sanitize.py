"""Learner content is shown, never run, in feedback pages and the Formgrader.

nbgrader's feedback pages (``generate_feedback``) and the Formgrader's submission view are
made by nbconvert's ``HTMLExporter`` from a learner's notebook: their markdown cells and the
outputs their code produced.  Without care, a learner's ``<script>``, ``onerror=``,
``javascript:`` link or ``display(Javascript(...))`` would run in the instructor's browser,
logged in to the Formgrader.  :func:`apply_safe_settings` sets four walls on a traitlets
config (``smm_helpers.grading.course.load_config`` applies them to every course that an
``smm-course`` command opens; ``course/nbgrader_config.py`` and the hub's single-user
``nbgrader_config.py`` set the same lines for nbgrader's own commands and the Formgrader):

1. nbconvert's own ``HTMLExporter.sanitize_html``: no JavaScript output, widget view or
   widget state is written, and HTML and markdown outputs pass through ``clean_html``.
2. ``clean_html`` is ours (:func:`clean_html`): nbconvert's allowlist would also escape
   honest headings, paragraphs, images and the head of every pandas table.
3. ``markdown2html`` is ours (:class:`SafeMarkdown`): nbgrader's ``feedback`` and
   ``formgrade`` templates render markdown *cells* without ``clean_html``; this filter
   cleans what markdown makes wherever a template uses it.
4. The preprocessor :class:`SanitizeLearnerContent` cleans the notebook itself before any
   template sees it: HTML outputs, script and widget outputs (kept as text), and the output
   metadata that templates write into attributes (an image's ``width`` is written
   unquoted, so ``"1 onerror=..."`` would become an attribute).

Whatever is not allowed is *escaped*, so the instructor reads what the learner wrote
(``<script>alert(1)</script>`` shows as text); only ``<style>`` blocks (presentation, never
visible in Jupyter either), HTML comments, and disallowed attributes of allowed tags (an
``<img>`` keeps no ``onerror``, a link no ``javascript:`` URL) are dropped.  Remote images
are not fetched (their alt text shows); images inside the notebook (``data:image/...``) are.
SVG output is shown as an ``<img>``, where its scripts never run.  ``$...$`` goes to
nbconvert's MathJax, loaded with its ``Safe`` extension (so ``\\href{javascript:...}`` is
refused); a course that sets its own ``HTMLExporter.mathjax_url`` must keep ``,Safe``.

The Formgrader reads its settings with nbgrader's own config loading, not through
``smm-course``: it takes the course folder's ``nbgrader_config.py`` last, so a course config
that *itself* switches these settings off wins there (``smm-course`` commands re-apply them).

>>> clean_html('<p onclick="steal()">Hi <script>alert(1)</script></p>')
'<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import bleach
import jinja2
import tinycss2
from bleach.css_sanitizer import CSSSanitizer
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool
from traitlets.config import LoggingConfigurable

SANITIZER = "smm_helpers.grading.sanitize.SanitizeLearnerContent"
SAFE_FILTERS = {
    "clean_html": "smm_helpers.grading.sanitize.clean_html",
    "markdown2html": "smm_helpers.grading.sanitize.SafeMarkdown",
}
SAFE_SWITCHES = {"sanitize_html": True, "skip_svg_encoding": False, "embed_images": False}
"""``embed_images=False`` also keeps ``![](../../secret.png)`` from reading the grader's disk."""

TAGS = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
    }
)
"""Tags kept as markup; any other is escaped (shown as text)."""

COMMON_ATTRIBUTES = frozenset({"class", "title", "lang", "dir", "align", "style"})
"""No ``id`` or ``name``: a learner's element must not take the name of the page's own."""
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"border"},
    "td": {"colspan", "rowspan", "valign"},
    "th": {"colspan", "rowspan", "valign", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
    "q": {"cite"},
}
CSS_PROPERTIES = frozenset(
    {
        "text-align",
        "vertical-align",
        "font-weight",
        "font-style",
        "text-decoration",
        "white-space",
        "color",
        "background-color",
        "border",
        "border-top",
        "border-right",
        "border-bottom",
        "border-left",
        "border-color",
        "border-style",
        "border-width",
        "border-collapse",
        "padding",
        "padding-left",
        "padding-right",
        "width",
        "max-width",
        "min-width",
    }
)
"""Table and text styling (pandas' ``Styler`` uses these); nothing that positions or loads."""
CSS_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla"})

_LINK = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.IGNORECASE)
_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\s`]+")

KEPT_MIMETYPES = (
    "text/plain",
    "text/html",
    "text/markdown",
    "text/latex",
    "image/png",
    "image/jpeg",
    "image/svg+xml",
)
"""Output types shown; every other (JavaScript, widgets, PDF, ...) is replaced by a note."""
RICH_MIMETYPES = frozenset(KEPT_MIMETYPES) - {"text/plain"}
SCRIPT_MIMETYPES = ("application/javascript", "text/javascript")
SHOWN_SCRIPT = 2_000
"""Characters of a script output shown as text (the rest is counted)."""


def _plain(value: str) -> str:
    return _INVISIBLE.sub("", html.unescape(value))


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    """Whether bleach keeps an attribute: allowlisted, and a link or image that cannot run.

    >>> _allowed_attribute("a", "href", "java\\tscript:alert(1)")
    False
    >>> _allowed_attribute("a", "href", "https://example.org"), _allowed_attribute("a", "href",
    ...                                                                           "#top")
    (True, True)
    >>> _allowed_attribute("img", "src", "data:text/html;base64,PHNjcmlwdD4=")
    False
    >>> _allowed_attribute("img", "onerror", "alert(1)")
    False
    """
    if name in COMMON_ATTRIBUTES:
        return True
    if name not in ATTRIBUTES.get(tag, ()):
        return False
    if name in ("href", "cite"):
        return bool(_LINK.match(_plain(value)))
    if name == "src":
        return bool(_IMAGE.match(_plain(value)))
    return True


def _css_is_inert(tokens: Iterable[Any]) -> bool:
    """No ``url(...)``, no function but a colour, no block: nothing CSS could load or run.

    tinycss2 has already undone CSS escapes, so ``\\65xpression(`` is ``expression(``.
    """
    for token in tokens:
        if token.type in ("url", "at-keyword", "() block", "[] block", "{} block", "error"):
            return False
        if token.type == "function" and (
            token.lower_name not in CSS_FUNCTIONS or not _css_is_inert(token.arguments)
        ):
            return False
    return True


@lru_cache(maxsize=1)
def _css_sanitizer() -> Any:
    class InertCSS(CSSSanitizer):
        """bleach's CSS sanitizer, also dropping values that load or compute anything."""

        def sanitize_css(self, style: str) -> str:
            kept = [
                d
                for d in tinycss2.parse_declaration_list(
                    style, skip_comments=True, skip_whitespace=True
                )
                if d.type == "declaration"
                and d.lower_name in self.allowed_css_properties
                and _css_is_inert(d.value)
            ]
            return "; ".join(
                f"{d.lower_name}: {tinycss2.serialize(d.value).strip()}"
                + (" !important" if d.important else "")
                for d in kept
            )

    return InertCSS(allowed_css_properties=CSS_PROPERTIES, allowed_svg_properties=frozenset())


def clean_html(element: Any) -> str:
    """HTML a learner wrote or printed, made inert: allowlisted markup kept, the rest escaped.

    Used as nbconvert's ``clean_html`` filter (see the module docstring) and by
    :class:`SanitizeLearnerContent`.  Cleaning twice changes nothing.

    >>> clean_html('<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>')
    '<a>x</a><img>'
    >>> clean_html('<style>body {display: none}</style><table border="1" class="dataframe">'
    ...            '<thead><tr style="text-align: right;"><th>মাস</th></tr></thead></table>')
    '<table border="1" class="dataframe"><thead><tr style="text-align: right"><th>মাস</th></tr></thead></table>'
    >>> clean_html('<iframe src="https://evil.example"></iframe><p style="color: red; '
    ...            'background-image: url(javascript:x); width: expression(alert(1))">ok</p>')
    '&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;<p style="color: red">ok</p>'
    >>> clean_html(clean_html("<b>x</b><script>y</script>")) == clean_html("<b>x</b><script>y</script>")
    True
    """  # noqa: E501

    text = element.decode() if isinstance(element, bytes) else str(element)
    cleaner = bleach.Cleaner(
        tags=TAGS,
        attributes=_allowed_attribute,
        protocols={"http", "https", "mailto", "data"},
        strip=False,
        strip_comments=True,
        css_sanitizer=_css_sanitizer(),
    )
    return str(cleaner.clean(_STYLE_BLOCK.sub("", text)))


class SafeMarkdown(LoggingConfigurable):
    """nbconvert's ``markdown2html`` filter, followed by :func:`clean_html`.

    Registered through ``HTMLExporter.filters``; nbconvert makes it with the exporter as its
    ``parent``, so attachments and the exporter's own markdown settings still apply.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        jinja2.pass_context(self)  # the template's context (the cell, for attachments)

    def __call__(self, context: Any, source: str) -> str:
        render = getattr(self.parent, "markdown2html", None)
        if render is None:
            from nbconvert.filters import markdown2html  # heavy: loaded on first use

            return clean_html(markdown2html(source))
        return clean_html(render(context, source))


def _number(value: Any) -> int | float | None:
    """A width or height as a number, or ``None`` if it is anything else.

    >>> _number(320), _number("240"), _number("1 onerror=alert(1)"), _number(True)
    (320, 240, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def safe_metadata(metadata: Any) -> dict[str, Any]:
    """An output's metadata reduced to what templates may safely write into attributes.

    >>> safe_metadata({"image/png": {"width": "1 onerror=alert(1)", "height": 80, "alt": "a"},
    ...                "filenames": {"image/png": "javascript:x"},
    ...                "text/html": {"isolated": True}})
    {'image/png': {'height': 80, 'alt': 'a'}, 'text/html': {}}
    """
    kept: dict[str, Any] = {}
    for mimetype, entry in dict(metadata or {}).items():
        if "/" not in mimetype or not isinstance(entry, dict):
            continue
        safe: dict[str, Any] = {}
        for key in ("width", "height"):
            number = _number(entry.get(key))
            if number is not None:
                safe[key] = number
        if isinstance(entry.get("alt"), str):
            safe["alt"] = entry["alt"]
        if entry.get("unconfined") is True:
            safe["unconfined"] = True
        kept[mimetype] = safe
    return kept


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _shown_as_text(data: dict[str, Any], dropped: list[str]) -> str:
    """What replaces an output whose types are not shown: a note, its script, its text."""
    parts = [f"[{', '.join(dropped)} output — shown as text, never run here]"]
    script = next((_text(data[m]) for m in SCRIPT_MIMETYPES if m in data), None)
    if script is not None:
        more = len(script) - SHOWN_SCRIPT
        parts.append(script[:SHOWN_SCRIPT] + (f"\n… ({more} more characters)" if more > 0 else ""))
    if "text/plain" in data:
        parts.append(_text(data["text/plain"]))
    return "\n".join(parts)


def safe_data(data: Any) -> dict[str, Any]:
    r"""An output's data with HTML cleaned, and scripts, widgets and other types as text.

    >>> safe_data({"application/javascript": "alert(1)", "text/plain": "<Javascript>"})
    {'text/plain': '[application/javascript output — shown as text, never run here]\nalert(1)\n<Javascript>'}
    >>> safe_data({"text/html": "<b onmouseover=x>hi</b>", "text/plain": "hi"})
    {'text/html': '<b>hi</b>', 'text/plain': 'hi'}
    """  # noqa: E501
    data = dict(data or {})
    kept = {m: v for m, v in data.items() if m in KEPT_MIMETYPES}
    dropped = [m for m in data if m not in KEPT_MIMETYPES]
    if "text/html" in kept:
        kept["text/html"] = clean_html(_text(kept["text/html"]))
    if dropped and not RICH_MIMETYPES & kept.keys():
        kept["text/plain"] = _shown_as_text(data, dropped)
    return kept


class SanitizeLearnerContent(Preprocessor):
    """Make every output of a notebook inert (module docstring, 4).

    Markdown cells, and the attachments they show, are made inert by the ``markdown2html``
    filter (:class:`SafeMarkdown`): an attachment that is not an image is dropped there.

    Listed in ``HTMLExporter.preprocessors``, so it runs for nbgrader's feedback and for the
    Formgrader's submission view; it changes only the copy being rendered.
    """

    enabled = Bool(True, help="on unless switched off (nbconvert's default is off)").tag(
        config=True
    )

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        nb.metadata.pop("widgets", None)  # widget state: only scripts read it
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> tuple[Any, Any]:
        if not isinstance(cell.get("execution_count"), int | None):
            cell.execution_count = None
        for output in cell.get("outputs", []):
            for key in ("svg_filename", "filenames"):
                output.pop(key, None)
            if "data" in output:
                output["data"] = safe_data(output["data"])
                output["metadata"] = safe_metadata(output.get("metadata"))
            if "execution_count" in output and not isinstance(
                output["execution_count"], int | None
            ):
                output["execution_count"] = None
        return cell, resources


def apply_safe_settings(config: Any) -> Any:
    """Put the four walls (module docstring) on a traitlets config, keeping its own settings.

    A course's own ``HTMLExporter.filters`` and ``.preprocessors`` are kept beside ours; its
    switches are overruled.  Returns ``config``.

    >>> from traitlets.config import Config
    >>> config = apply_safe_settings(Config({"HTMLExporter": {"sanitize_html": False,
    ...                                      "preprocessors": ["my.Own"]}}))
    >>> config.HTMLExporter.sanitize_html, config.HTMLExporter.preprocessors
    (True, ['my.Own', 'smm_helpers.grading.sanitize.SanitizeLearnerContent'])
    >>> missing_safe_settings(config)
    []
    """
    exporter = config.HTMLExporter
    for name, value in SAFE_SWITCHES.items():
        exporter[name] = value
    exporter.filters = {**dict(exporter.get("filters", {})), **SAFE_FILTERS}
    preprocessors = list(exporter.get("preprocessors", []))
    if SANITIZER not in preprocessors:
        exporter.preprocessors = [*preprocessors, SANITIZER]
    return config


def missing_safe_settings(config: Any) -> list[str]:
    """The safe settings a config lacks, as the ``c.HTMLExporter...`` lines that would add them.

    >>> from traitlets.config import Config
    >>> missing_safe_settings(Config())[0]
    'c.HTMLExporter.sanitize_html = True'
    """
    exporter = config.get("HTMLExporter", {})
    missing = [
        f"c.HTMLExporter.{name} = {value!r}"
        for name, value in SAFE_SWITCHES.items()
        if exporter.get(name) is not value
    ]
    filters = dict(exporter.get("filters", {}))
    missing += [
        f"c.HTMLExporter.filters[{name!r}] = {path!r}"
        for name, path in SAFE_FILTERS.items()
        if filters.get(name) != path
    ]
    if SANITIZER not in list(exporter.get("preprocessors", [])):
        missing.append(f"c.HTMLExporter.preprocessors.append({SANITIZER!r})")
    return missing


FORBIDDEN_TAGS = frozenset(
    {
        "iframe",
        "frame",
        "frameset",
        "form",
        "object",
        "embed",
        "applet",
        "base",
        "portal",
        "svg",
        "math",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "background",
        "poster",
        "srcset",
        "ping",
    }
)


def _runs(url: str) -> bool:
    plain = _plain(url).lower()
    return plain.startswith(("javascript:", "vbscript:")) or (
        plain.startswith("data:") and not _IMAGE.match(plain)
    )


class _ActiveMarkup(HTMLParser):
    """Finds markup that could run or navigate: see :func:`active_markup`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_head = tag == "head" or (self.in_head and tag != "body")
        shown = (
            f"<{tag}" + "".join(f" {n}={v!r}" if v is not None else f" {n}" for n, v in attrs) + ">"
        )
        named = {name.lower(): value or "" for name, value in attrs}
        if (
            tag in FORBIDDEN_TAGS
            or (tag == "script" and not self.in_head)
            or (tag == "meta" and "http-equiv" in named)
            or any(name.startswith("on") or name == "srcdoc" for name in named)
            or any(_runs(value) for name, value in named.items() if name in URL_ATTRIBUTES)
            or any(
                word in named.get("style", "").lower()
                for word in ("expression", "javascript:", "url(")
            )
        ):
            self.found.append(shown[:120])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def active_markup(page: str) -> list[str]:
    """Elements of an exported page that could run code or leave it: a second wall.

    Scripts are allowed in ``<head>`` only (nbconvert's MathJax); anywhere, an ``on...=``
    handler, a ``javascript:``/``vbscript:``/non-image ``data:`` URL, a frame, form, object,
    embed, ``<base>``, inline SVG/MathML, ``<meta http-equiv>`` or CSS that loads or computes
    is reported.  Escaped text (``&lt;script&gt;``) is text, not markup, and is fine.

    >>> active_markup('<html><head><script src="mathjax.js"></script></head><body>'
    ...               '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>')
    []
    >>> print(*active_markup('<body><img src=x onerror=alert(1)><a href="jav&#x09;ascript:x">'
    ...                      'y</a><script>alert(2)</script></body>'), sep="\\n")
    <img src='x' onerror='alert(1)'>
    <a href='jav\\tascript:x'>
    <script>
    """
    parser = _ActiveMarkup()
    parser.feed(page)
    parser.close()
    return parser.found
