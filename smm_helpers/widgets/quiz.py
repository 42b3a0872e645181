"""A quick multiple-choice quiz wired to a lesson's self-check."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from smm_helpers.checks import check, questions
from smm_helpers.errors import InputError
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
        raise InputError(f"lesson {lesson!r} has no question {question!r}",
                         fix="use one of: " + ", ".join(asked))
    if len(options) < 2:
        raise InputError("a quiz needs at least two options", fix="pass a list of options")
    prompt = asked[question].prompt
    example = f'check("{lesson}", "{question}", "<your choice>")'
    items = "".join(f"<li>{html.escape(o)}</li>" for o in options)
    static = (
        f"<div class='smm-quiz'><p><strong>Quick quiz:</strong> {html.escape(prompt)}</p>"
        f"<ul>{items}</ul><p><em>To answer, run this lesson in JupyterLab "
        f"(<code>smm-course lab</code>), or in a code cell write "
        f"<code>{html.escape(example)}</code>, putting one of the options in place of "
        f"<code>&lt;your choice&gt;</code>.</em></p></div>"
    )
    text = f"Quick quiz: {prompt}\n" + "\n".join(f"  - {o}" for o in options) + (
        f"\nAnswer with {example}, putting one of the options in place of <your choice>.")

    def build() -> Any:
        import ipywidgets as widgets
        from IPython.display import display

        picker = widgets.RadioButtons(options=list(options), value=None,
                                      description="", layout={"width": "max-content"})
        button = widgets.Button(description="Check", button_style="primary")
        result = widgets.Output()

        def on_click(_button: Any) -> None:
            result.clear_output()
            with result:
                if picker.value is None:
                    print("Pick an option first.")
                else:
                    display(check(lesson, question, picker.value))

        button.on_click(on_click)
        return widgets.VBox([widgets.HTML(f"<strong>Quick quiz:</strong> {html.escape(prompt)}"),
                             picker, button, result])

    return LiveView(build, static_html=static, text=text)
