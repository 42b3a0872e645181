"""SMM Lab's errors survive pickling: a grading worker's error reaches the parent whole."""

from __future__ import annotations

import pickle

import pytest

from smm_helpers.errors import DataError, InputError


@pytest.mark.parametrize(
    "error",
    [
        InputError("there is no assignment '99-x'", fix="run smm-course validate to list them"),
        DataError(
            "reach (5000) is above impressions (4000)",
            fix="check the columns",
            file="posts.csv",
            line=13,
            column="reach",
        ),
        DataError("the file is empty", fix="export it again"),
    ],
)
def test_an_error_pickled_and_unpickled_is_the_same_error(error: Exception) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)
