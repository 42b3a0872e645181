"""A quick multiple-choice quiz wired to a lesson's self-check."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from smm_helpers.checks import check, questions
from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.widgets.base import LiveView


def quiz(lesson: str, question: str, options: Sequence[str]) -> LiveView:
    """Radio buttons and a *Check* button that asks ``check(lesson, question, choice)``.

    The prompt comes from the question itself.  Where widgets cannot run, the quiz shows
    the question, the options and how to answer with ``check`` instead.

    >>> quiz("no-such-lesson", "q1", ["a", "b"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: there are no self-checks for a lesson called 'no-such-lesson'...
    """
    asked = questions(lesson)
    if question not in asked:
        raise InputError(
            _("lesson {lesson} has no question {question}").format(
                lesson=repr(lesson), question=repr(question)
            ),
            fix=_("use one of: {choices}").format(choices=", ".join(asked)),
        )
    if len(options) < 2:
        raise InputError(_("a quiz needs at least two options"), fix=_("pass a list of options"))
    prompt = asked[question].text()
    # each option as the learner reads it (translated when the catalog has it); picking one
    # answers with the option itself, which the check reads in either language
    shown = [_(str(option)) for option in options]
    choice = _("<your choice>")
    example = f'check("{lesson}", "{question}", "{choice}")'
    items = "".join(f"<li>{html.escape(o)}</li>" for o in shown)
    heading = _("<strong>Quick quiz:</strong> {prompt}").format(prompt=html.escape(prompt))
    how = _(
        "To answer, run this lesson in JupyterLab (<code>smm-course lab</code>), or in a "
        "code cell write <code>{example}</code>, putting one of the options in place of "
        "<code>{choice}</code>."
    ).format(example=html.escape(example), choice=html.escape(choice))
    static = (
        f"<div class='smm-quiz'><p>{heading}</p>"  # i18n: not shown
        f"<ul>{items}</ul><p><em>{how}</em></p></div>"
    )
    text = (
        _("Quick quiz: {prompt}").format(prompt=prompt)
        + "\n"
        + "\n".join(f"  - {o}" for o in shown)
        + "\n"
        + _("Answer with {example}, putting one of the options in place of {choice}.").format(
            example=example, choice=choice
        )
    )

    def build() -> Any:
        import ipywidgets as widgets  # heavy: loaded on first use
        from IPython.display import display  # heavy: loaded on first use

        picker = widgets.RadioButtons(
            options=list(zip(shown, options, strict=True)),
            value=None,
            description="",
            layout={"width": "max-content"},
        )
        button = widgets.Button(description=_("Check"), button_style="primary")
        result = widgets.Output()

        def on_click(_button: Any) -> None:
            result.clear_output()
            with result:
                if picker.value is None:
                    print(_("Pick an option first."))
                else:
                    display(check(lesson, question, picker.value))

        button.on_click(on_click)
        return widgets.VBox([widgets.HTML(heading), picker, button, result])

    return LiveView(build, static_html=static, text=text)
