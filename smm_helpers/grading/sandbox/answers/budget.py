"""How big an answer may be: the limits, and the :class:`Budget` of bytes that every value
is charged, as an upper bound, *before* it is built.

The grader makes one :class:`Budget` per notebook (:data:`NOTEBOOK_BYTES`) and one per
answer within it (:data:`ANSWER_BYTES`); the kernel's encoder reads only
:data:`MAX_DEPTH` and :data:`MAX_JSON_CHARS`.
"""

from __future__ import annotations

from smm_helpers.grading.sandbox.answers.stand_ins import AnswerError

MAX_JSON_CHARS = 64_000_000
"""The largest export accepted (64 million characters of JSON): a bigger answer is not read."""
MAX_DEPTH = 60
"""How deeply containers may nest in one answer."""
ANSWER_BYTES = 64 * 2**20
"""The most memory one answer may take once read (64 MiB)."""
NOTEBOOK_BYTES = 256 * 2**20
"""The most memory all the answers of one notebook may take together (256 MiB)."""
MAX_INT_DIGITS = 4_300
"""The most digits an integer may have (Python's own limit for reading one from text)."""
MAX_DIMENSIONS = 32
"""The most dimensions a NumPy array may have."""
MAX_TEXT_WIDTH = 1_000_000
"""The widest fixed-width NumPy text (``<U`` or ``S``) dtype read, in characters."""


class Budget:
    """The bytes that answers may still take once read: each value is charged before it is
    built, and a charge past the limit fails that answer.

    The grader makes one for a notebook and passes it to every :func:`decode` of that
    notebook; each answer also has its own limit (:data:`ANSWER_BYTES`), and only answers
    that were read count against the notebook.

    >>> notebook = Budget(1_000)
    >>> answer = notebook.for_answer()
    >>> answer.charge(600, "a list")
    >>> answer.charge(600, "a table")
    Traceback (most recent call last):
    ...
    smm_helpers.grading.sandbox.answers.stand_ins.AnswerError: a table would take the answers of this notebook past 1,000 bytes together
    >>> answer.commit(); notebook.used
    600
    """  # noqa: E501

    def __init__(self, limit: int | None = None, *, parent: Budget | None = None) -> None:
        self.limit = NOTEBOOK_BYTES if limit is None else limit
        self.used = 0
        self.parent = parent

    def for_answer(self, limit: int | None = None) -> Budget:
        """A budget for one answer (:data:`ANSWER_BYTES`), within what is left of this one."""
        return Budget(ANSWER_BYTES if limit is None else limit, parent=self)

    def charge(self, nbytes: int, what: str) -> None:
        """Count ``nbytes`` more (``what`` is what they are for, to explain a refusal)."""
        used = self.used + max(0, nbytes)
        if used > self.limit:
            words = (
                "one answer may take"
                if self.parent is not None
                else "the answers of this notebook may take together"
            )
            raise AnswerError(
                f"{what} would take more than {_size(self.limit)} once read, the most {words}"
            )
        if self.parent is not None and self.parent.used + used > self.parent.limit:
            raise AnswerError(
                f"{what} would take the answers of this notebook past "
                f"{_size(self.parent.limit)} together"
            )
        self.used = used

    def commit(self) -> None:
        """Count what this answer took against the notebook (once it was read)."""
        if self.parent is not None:
            self.parent.used += self.used
            self.used = 0


def _size(nbytes: int) -> str:
    """``64 MiB``, ``1,000 bytes``: a byte count for people."""
    return f"{nbytes // 2**20} MiB" if nbytes % 2**20 == 0 else f"{nbytes:,} bytes"


# What values take in memory, as upper bounds (CPython 3.11, 64-bit), charged before they
# are built.
_SLOT = 8  # a pointer in a list, tuple or object array
_OBJECT = 64  # a small Python object (an int, a float, a date...) with its slot
_ENTRY = 96  # an item of a dict or a set (its hash, key and value slots)
_CONTAINER = 128  # an empty list, dict, NumPy array...
_PANDAS = 16_384  # a pandas Series, Index, DataFrame or Categorical, empty
