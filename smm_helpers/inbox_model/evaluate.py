"""Measure the inbox classifier honestly: macro-F1 per language on the held-apart test split.

The test split shares no topic with the training split (``build_set.topic_of``): neither a
test message, nor its rewording, typed copy or translation, was seen by the model.  Three
classifiers are measured on it: the transparent **cues** alone, the **model** alone and
the **combined** ``classify_message``.  Each is scored by macro-F1 (every category counts
the same, whatever its size) for English, Bengali script, Banglish and overall.

Run ``python -m smm_helpers.inbox_model.evaluate``; it also prints the model points that
cross-validation on the training split chooses, the first-call training time, and how
often ``detect_language`` and the urgency cues agree with the labels.

The figures (computed here; this doctest fails if they drift):

>>> table = macro_f1_table()
>>> table.round(2)
            en    bn  banglish  overall
cues      0.67  0.73      0.63     0.68
model     0.73  0.75      0.71     0.73
combined  0.78  0.83      0.75     0.79
>>> bool((table.loc["combined"] > table.loc[["cues", "model"]].max()).all())
True

Read them with care: one team wrote the labelled set, the lexicon and the rules, so even
held-apart topics share their style; expect lower figures on a real inbox.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits, format_percent
from smm_helpers.inbox_model.data import VARIETIES, load_labelled_set
from smm_helpers.schema import MESSAGE_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Verdicts", "choose_model_points", "macro_f1", "macro_f1_table", "test_verdicts"]

WEIGHTS = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0)
"""The model points cross-validation tries (0 = cues only; see ``MODEL_POINTS``)."""


def macro_f1(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """The mean F1 over the categories that occur in ``truth`` or ``predicted``.

    >>> macro_f1(["question", "spam", "spam"], ["question", "spam", "question"])
    0.667
    """
    labels = sorted(set(truth) | set(predicted))
    scores = []
    for label in labels:
        hit = sum(1 for t, p in zip(truth, predicted, strict=True) if t == label == p)
        total = sum(1 for t in truth if t == label) + sum(1 for p in predicted if p == label)
        scores.append(2 * hit / total if total else 0.0)
    return round(sum(scores) / len(scores), 3) if scores else float("nan")


@dataclass
class Verdicts:
    """Cue points and model probabilities for a set of labelled messages."""

    frame: pd.DataFrame
    points: list[dict[str, float]]
    probabilities: list[dict[str, float]]

    def predict(self, model_points: float | None) -> list[str]:
        """The category of each message when the model adds ``model_points`` points.

        0 is the cues alone, ``None`` the model alone.
        """
        # heavy: loads regex on first use
        from smm_helpers.community.classify import _TIE_ORDER, combine

        out = []
        for points, probabilities in zip(self.points, self.probabilities, strict=True):
            if model_points is None:
                scores = dict(probabilities)
            else:
                scores = combine(points, probabilities, model_points)
            out.append(max(_TIE_ORDER, key=scores.__getitem__))
        return out


def _verdicts(train: pd.DataFrame, test: pd.DataFrame) -> Verdicts:
    from smm_helpers.community import cue_scores  # heavy: loads regex on first use
    from smm_helpers.inbox_model.train import train_on  # heavy: loads regex on first use

    model = train_on(train)
    points = [
        cue_scores(text, language)[0]
        for text, language in zip(test["text"], test["language"], strict=True)
    ]
    return Verdicts(test, points, model.predict_proba(list(test["text"])))


def test_verdicts() -> Verdicts:
    """Cues (told each message's labelled language) and the cached model on the test split."""
    from smm_helpers.community import cue_scores  # heavy: loads regex on first use
    from smm_helpers.inbox_model.train import trained_model  # heavy: loads regex on first use

    frame = load_labelled_set()
    test = frame[frame["split"] == "test"].reset_index(drop=True)
    points = [
        cue_scores(text, language)[0]
        for text, language in zip(test["text"], test["language"], strict=True)
    ]
    return Verdicts(test, points, trained_model().predict_proba(list(test["text"])))


def _by_variety(frame: pd.DataFrame, predicted: Sequence[str]) -> dict[str, float]:
    truth = list(frame["category"])
    row = {}
    for name in VARIETIES:
        keep = [i for i, v in enumerate(frame["variety"]) if v == name]
        row[name] = macro_f1([truth[i] for i in keep], [predicted[i] for i in keep])
    row["overall"] = macro_f1(truth, predicted)
    return row


def macro_f1_table(verdicts: Verdicts | None = None) -> pd.DataFrame:
    """Macro-F1 on the test split: cues, model and combined, per language and overall."""
    import pandas as pd  # heavy: loaded on first use

    from smm_helpers.community import MODEL_POINTS  # heavy: loads regex on first use

    verdicts = verdicts or test_verdicts()
    rows = {
        "cues": _by_variety(verdicts.frame, verdicts.predict(0.0)),
        "model": _by_variety(verdicts.frame, verdicts.predict(None)),
        "combined": _by_variety(verdicts.frame, verdicts.predict(MODEL_POINTS)),
    }
    return pd.DataFrame.from_dict(rows, orient="index")[[*VARIETIES, "overall"]]


def choose_model_points(folds: int = 5) -> tuple[float, Mapping[float, float]]:
    """The model points with the best mean macro-F1 over folds of the training split.

    Folds are whole topics, as the test split is; returns (best points, {points: F1}).
    """
    frame = load_labelled_set()
    train = frame[frame["split"] == "train"].reset_index(drop=True)
    topics = sorted(set(train["topic"]))
    totals = dict.fromkeys(WEIGHTS, 0.0)
    for fold in range(folds):
        held = set(topics[fold::folds])
        inside = train["topic"].isin(held)
        verdicts = _verdicts(train[~inside], train[inside].reset_index(drop=True))
        for weight in WEIGHTS:
            totals[weight] += (
                macro_f1(list(verdicts.frame["category"]), verdicts.predict(weight)) / folds
            )
    best = max(WEIGHTS, key=lambda w: (round(totals[w], 3), -w))
    return best, {w: round(f, 3) for w, f in totals.items()}


def _language_agreement(frame: pd.DataFrame) -> float:
    from smm_helpers.community._text import _normalise  # heavy: loads regex on first use
    from smm_helpers.community.language import _languages  # heavy: loads regex on first use

    guessed = _languages([_normalise(t) for t in frame["text"]])
    return sum(g == t for g, t in zip(guessed, frame["language"], strict=True)) / len(frame)


def _urgency_agreement(frame: pd.DataFrame) -> pd.Series:
    from smm_helpers.community import triage  # heavy: loads regex on first use

    labelled = frame[frame["urgency"] != ""]
    found = triage(labelled)["urgency"].astype(str)
    return (found == labelled["urgency"]).groupby(labelled["variety"]).mean()


def main() -> None:
    """Print the figures (see the module docstring)."""
    import pandas as pd  # heavy: loaded on first use

    from smm_helpers.community import MODEL_POINTS  # heavy: loads regex on first use
    from smm_helpers.inbox_model.train import trained_model  # heavy: loads regex on first use

    start = time.perf_counter()
    model = trained_model()
    first_call = time.perf_counter() - start
    frame = load_labelled_set()
    test = frame[frame["split"] == "test"]
    print(
        _(
            "labelled set: {messages} messages, {families} families, {topics} topics; "
            "test split {test_messages} messages ({test_topics} topics, none in training)"
        ).format(
            messages=digits(len(frame)),
            families=digits(frame["group"].nunique()),
            topics=digits(frame["topic"].nunique()),
            test_messages=digits(len(test)),
            test_topics=digits(test["topic"].nunique()),
        )
    )
    print(
        _(
            "model trained on {messages} messages in {seconds} s (first call, data loading "
            "included: {first_call} s)"
        ).format(
            messages=digits(model.n_train),
            seconds=digits(f"{model.seconds:.2f}"),
            first_call=digits(f"{first_call:.2f}"),
        )
        + "\n"
    )
    print(
        _("macro-F1 on the test split (the model adds {points} points):").format(
            points=digits(f"{MODEL_POINTS:g}")
        )
    )
    with pd.option_context("display.precision", 3):
        print(macro_f1_table().to_string())
    counts = test.groupby("variety").size().reindex(VARIETIES)
    print(
        _("test messages per language: {counts}").format(
            counts=", ".join(f"{v} {digits(n)}" for v, n in counts.items())
        )
    )
    best, scores = choose_model_points()
    print(
        "\n"
        + _("cross-validated on the training split, by topic: best model points {best}").format(
            best=digits(f"{best:g}")
        )
    )
    print("  " + ", ".join(digits(f"{w:g}: {f:.3f}") for w, f in scores.items()))
    latin = test[test["script"] == "latin"]
    print(
        "\n"
        + _(
            "detect_language right on {share} of the Latin-letter test messages "
            "(English vs Banglish)"
        ).format(share=format_percent(_language_agreement(latin), 1))
    )
    agreement = _urgency_agreement(frame)
    print(
        _("urgency labels matched by the urgency cues: {shares}").format(
            shares=", ".join(
                f"{v} {format_percent(agreement.get(v, float('nan')), 0)}" for v in VARIETIES
            )
        )
    )
    assert set(MESSAGE_CATEGORIES) >= set(frame["category"])


if __name__ == "__main__":
    main()
