"""How well the classifier works: accuracy, per-class figures and mistakes on labelled messages.

``python -m smm_helpers.inbox_model.evaluate`` prints the same test split per language.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smm_helpers.community.classify import triage
from smm_helpers.errors import DataError, InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_percent
from smm_helpers.inbox_model.data import load_labelled_set
from smm_helpers.schema import MESSAGE_CATEGORIES, require_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ClassifierReport", "evaluate_classifier", "load_labelled_sample"]


def load_labelled_sample() -> pd.DataFrame:
    """The labelled messages shipped with the package, as a new DataFrame.

    English, Bengali script and Banglish; columns ``text``, ``language``, ``script``,
    ``category``, ``urgency``, ``group``, ``topic``, ``split`` and ``variety`` (en, bn or
    banglish).  The ``test`` split shares no topic with ``train``, on which the model
    learnt (see ``smm_helpers.inbox_model``).

    >>> sample = load_labelled_sample()
    >>> sorted(sample["split"].unique())
    ['test', 'train']
    >>> set(sample["category"]) <= {"question", "complaint", "praise", "spam", "other"}
    True
    """
    return load_labelled_set()


@dataclass
class ClassifierReport:
    """Accuracy, per-class precision and recall, and the confusion matrix of a run.

    ``confusion`` has the true category in rows and the predicted one in columns;
    precision is ``nan`` for a category that was never predicted.
    """

    n: int
    accuracy: float
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    mistakes: pd.DataFrame = field(repr=False)

    @property
    def macro_f1(self) -> float:
        """The mean F1 over the categories present (each category counts the same)."""
        present = self.per_class[self.per_class["support"] > 0]
        return float(present["f1"].fillna(0).mean())

    def __repr__(self) -> str:
        return (
            f"ClassifierReport(n={self.n}, accuracy={self.accuracy:.2f}, "
            f"macro_f1={self.macro_f1:.2f}, mistakes={len(self.mistakes)})"
        )

    def __str__(self) -> str:
        head = _("{n} messages, accuracy {accuracy}, macro-F1 {macro_f1}").format(
            n=digits(self.n),
            accuracy=format_percent(self.accuracy, 0),
            macro_f1=digits(f"{self.macro_f1:.2f}"),
        )
        confusion = _("confusion (rows true, columns predicted):")
        return (
            f"{head}\n{self.per_class.round(2).to_string()}\n\n{confusion}\n"
            f"{self.confusion.to_string()}"
        )

    def _repr_html_(self) -> str:
        head = _("<b>{n}</b> messages, accuracy <b>{accuracy}</b>").format(
            n=digits(self.n), accuracy=format_percent(self.accuracy, 0)
        )
        confusion = html.escape(_("Confusion (rows: true, columns: predicted)"))
        return (
            f"<div><p>{head}</p>{self.per_class.round(2).to_html()}"
            f"<p>{confusion}</p>{self.confusion.to_html()}</div>"
        )


def evaluate_classifier(
    sample: pd.DataFrame | None = None, *, split: str | None = "test", model: bool = True
) -> ClassifierReport:
    """Measure ``classify_message`` on labelled messages (by default the held-out split).

    ``sample`` needs ``text`` and ``category`` columns (``language`` and ``split`` are
    used when present); ``split=None`` uses every row.  ``model=False`` measures the cues
    alone.  Do not read the ``train`` split's figures as a measure: the model learnt
    from those messages.

    >>> import pandas as pd
    >>> tiny = pd.DataFrame({"text": ["Where is the shop?", "thank you!", "ok"],
    ...                      "category": ["question", "praise", "complaint"]})
    >>> report = evaluate_classifier(tiny, split=None)
    >>> report.n, round(report.accuracy, 2)
    (3, 0.67)
    >>> evaluate_classifier(tiny, split="test")
    Traceback (most recent call last):
    ...
    smm_helpers.errors.DataError: column 'split': the sample table has no column 'split' (it has: text, category)...
    """  # noqa: E501
    import pandas as pd  # heavy: loaded on first use

    if sample is None:
        sample = load_labelled_sample()
    require_table(sample, ["text", "category"], "sample")
    if split is not None:
        require_table(sample, ["split"], "sample")
        sample = sample[sample["split"] == split]
        if sample.empty:
            raise InputError(
                _("no rows have split == {split}").format(split=repr(split)),
                fix=_("use split='train', split='test' or split=None for all rows"),
            )
    bad = sorted(set(sample["category"]) - set(MESSAGE_CATEGORIES))
    if bad:
        raise DataError(
            _("unknown categories {categories}").format(categories=bad),
            fix=_("use one of: {choices}").format(choices=", ".join(MESSAGE_CATEGORIES)),
            column="category",
        )
    predicted = triage(sample, model=model)["predicted_category"]
    truth = sample["category"]
    confusion = pd.crosstab(
        pd.Categorical(truth, categories=MESSAGE_CATEGORIES),
        pd.Categorical(predicted, categories=MESSAGE_CATEGORIES),
        rownames=["true"],
        colnames=["predicted"],
        dropna=False,
    )
    counts = confusion.to_numpy()
    rows = {}
    for i, category in enumerate(MESSAGE_CATEGORIES):
        hit = int(counts[i, i])
        predicted_n = int(counts[:, i].sum())
        true_n = int(counts[i, :].sum())
        precision = hit / predicted_n if predicted_n else math.nan
        recall = hit / true_n if true_n else math.nan
        rows[category] = {
            "precision": precision,
            "recall": recall,
            "f1": 2 * hit / (predicted_n + true_n) if predicted_n + true_n else math.nan,
            "support": true_n,
        }
    per_class = pd.DataFrame.from_dict(rows, orient="index")
    correct = predicted.to_numpy() == truth.to_numpy()
    mistakes = sample.loc[~correct, ["text", "category"]].assign(
        predicted=predicted[~correct].to_numpy()
    )
    return ClassifierReport(
        len(sample), float(correct.mean()), per_class, confusion, mistakes.reset_index(drop=True)
    )
