"""Is a Latin-letter message English or Banglish?  A small model learnt from the labelled set.

Banglish (Bengali typed in Latin letters) has no fixed spelling: "bhai", "vai", "vaiya";
"ache", "ase", "asey".  A word list misses the next spelling; character n-grams do not
(``-chi``, ``-sen``, ``kh``, ``-ta``, ``koro-``).  This model is logistic regression on
character 1–4-grams of the Latin-letter messages of the labelled set's ``train`` split,
trained on first use and cached for the process.

>>> round(banglish_probability("vai order ta kobe pabo"), 1) > 0.5
True
>>> banglish_probability("When will my order arrive") < 0.5
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from smm_helpers.inbox_model.data import load_labelled_set
from smm_helpers.inbox_model.train import prepare

__all__ = ["banglish_probability", "language_model"]


@lru_cache(maxsize=1)
def language_model() -> Any:
    """The fitted English-or-Banglish pipeline (classes ``en`` and ``banglish``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: loaded on first use
    from sklearn.linear_model import LogisticRegression  # heavy: loaded on first use
    from sklearn.pipeline import Pipeline  # heavy: loaded on first use

    frame = load_labelled_set()
    latin = frame[(frame["split"] == "train") & (frame["script"] == "latin")]
    pipeline = Pipeline(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(1, 4),
                    lowercase=False,
                    sublinear_tf=True,
                    min_df=2,
                ),
            ),
            ("model", LogisticRegression(C=10.0, solver="liblinear", dual=True, random_state=0)),
        ]
    )
    pipeline.fit([prepare(t) for t in latin["text"]], list(latin["variety"]))
    return pipeline


def banglish_probability(text: str) -> float:
    """How likely a Latin-letter message is Banglish rather than English (0–1)."""
    return float(banglish_probabilities([text])[0])


def banglish_probabilities(texts: list[str]) -> list[float]:
    """``banglish_probability`` for many texts in one pass."""
    if not texts:
        return []
    model = language_model()
    column = list(model.classes_).index("banglish")
    return [float(row[column]) for row in model.predict_proba([prepare(t) for t in texts])]
