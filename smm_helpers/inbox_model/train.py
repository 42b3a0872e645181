"""Train the inbox model: a linear model on word and character n-grams.

The model is scikit-learn's ``LogisticRegression`` on two TF-IDF views of the text:
words and word pairs, and character 2–5-grams inside word boundaries (``char_wb``), which
work the same way in English, Bengali script and Banglish and forgive spelling variants
("vai"/"bhai", "ache"/"ase").  Text is NFC-normalised and case-folded, Bengali digits read
as ASCII digits, numbers and links replaced by placeholders.

It is trained on the ``train`` split of the labelled set the first time it is needed,
once per process (about a second on a 2-core machine), with fixed settings so two runs
give the same model.  Nothing is trained when the package is imported.

>>> model = trained_model()
>>> model.categories
('question', 'complaint', 'praise', 'spam', 'other')
>>> probs = model.predict_proba(["vai order ta kobe pabo"])[0]
>>> max(probs, key=probs.get)
'question'
>>> round(sum(probs.values()), 6)
1.0
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import LATIN_DIGITS
from smm_helpers.inbox_model.data import load_labelled_set
from smm_helpers.schema import MESSAGE_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["InboxModel", "prepare", "train_model", "trained_model", "training_seconds"]

_URL = regex.compile(
    r"https?://\S+|www\.\S+|\b[\w-]+\.(?:com|co|xyz|ly|me|io|net|org|info|top|"
    r"click|link|site|bd)\b(?:/\S*)?",
    regex.IGNORECASE,
)
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = regex.compile(r"[\p{L}\p{M}_']+|\d+|\p{Extended_Pictographic}|[?!]")
_SEED = 0
_C = 10.0


def prepare(text: str) -> str:
    """The text as the model reads it.

    >>> prepare("ভাই, ৫০০ টাকা? See www.x.xyz NOW")
    'ভাই, 0 টাকা? see link now'
    """
    text = unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "")
    text = _URL.sub(" link ", text.translate(LATIN_DIGITS).casefold())
    return " ".join(_NUMBER.sub("0", text).split())


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass
class InboxModel:
    """A trained pipeline and what it was trained on."""

    pipeline: Any = field(repr=False)
    categories: tuple[str, ...]
    n_train: int
    seconds: float

    def predict_proba(self, texts: Iterable[str]) -> list[dict[str, float]]:
        """One ``{category: probability}`` mapping per text (each sums to 1)."""
        prepared = [prepare(t) for t in texts]
        if not prepared:
            return []
        probs = self.pipeline.predict_proba(prepared)
        order = list(self.pipeline.classes_)
        return [{c: float(row[order.index(c)]) for c in self.categories} for row in probs]

    def predict(self, texts: Iterable[str]) -> list[str]:
        """The most probable category of each text."""
        return [max(p, key=p.__getitem__) for p in self.predict_proba(texts)]

    def top_words(self, category: str, n: int = 10) -> list[str]:
        """The n-grams that push hardest towards ``category`` (to read the model)."""
        union = self.pipeline.named_steps["features"]
        names = [name for _, vec in union.transformer_list for name in vec.get_feature_names_out()]
        model = self.pipeline.named_steps["model"]
        row = model.estimators_[list(self.pipeline.classes_).index(category)].coef_.ravel()
        return [names[i] for i in row.argsort()[::-1][:n]]


def _pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: loaded on first use
    from sklearn.linear_model import LogisticRegression  # heavy: loaded on first use
    from sklearn.multiclass import OneVsRestClassifier  # heavy: loaded on first use
    from sklearn.pipeline import FeatureUnion, Pipeline  # heavy: loaded on first use

    words = TfidfVectorizer(
        analyzer="word",
        tokenizer=_words,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        sublinear_tf=True,
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), lowercase=False, sublinear_tf=True, min_df=2
    )
    return Pipeline(
        [
            ("features", FeatureUnion([("words", words), ("chars", chars)])),
            (
                "model",
                OneVsRestClassifier(
                    LogisticRegression(
                        C=_C,
                        solver="liblinear",
                        dual=True,
                        class_weight="balanced",
                        random_state=_SEED,
                    )
                ),
            ),
        ]
    )


def train_model(texts: Sequence[str], categories: Sequence[str]) -> InboxModel:
    """Fit a fresh model on the given texts and labels (deterministic).

    >>> m = train_model(["where is it?", "thanks a lot", "refund now"] * 2,
    ...                 ["question", "praise", "complaint"] * 2)
    >>> m.n_train, m.categories
    (6, ('question', 'complaint', 'praise'))
    >>> train_model(["hi"], ["greeting"])
    Traceback (most recent call last):
    ...
    smm_helpers.errors.InputError: 'greeting' is not a category.
    How to fix it: use one of: question, complaint, praise, spam, other.
    """
    for category in categories:
        if category not in MESSAGE_CATEGORIES:
            raise InputError(
                _("{value} is not a category").format(value=repr(category)),
                fix=_("use one of: {choices}").format(choices=", ".join(MESSAGE_CATEGORIES)),
            )
    start = time.perf_counter()
    pipeline = _pipeline()
    pipeline.fit([prepare(t) for t in texts], list(categories))
    present = tuple(c for c in MESSAGE_CATEGORIES if c in set(categories))
    return InboxModel(pipeline, present, len(texts), time.perf_counter() - start)


def train_on(frame: pd.DataFrame) -> InboxModel:
    """Fit a model on the ``text`` and ``category`` columns of a labelled frame."""
    return train_model(list(frame["text"]), list(frame["category"]))


@lru_cache(maxsize=1)
def trained_model() -> InboxModel:
    """The model trained on the ``train`` split, trained on first use and kept."""
    frame = load_labelled_set()
    return train_on(frame[frame["split"] == "train"])


def training_seconds() -> float:
    """Seconds the cached model took to train (trains it if that has not happened)."""
    return trained_model().seconds


def probabilities(text: str) -> Mapping[str, float]:
    """The trained model's probabilities for one message."""
    return trained_model().predict_proba([text])[0]
