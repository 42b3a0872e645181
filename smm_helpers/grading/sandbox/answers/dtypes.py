"""The dtypes a NumPy array, a pandas column or an index may have: a closed allowlist.

The encoder (in the kernel) writes a column's dtype by these names; the decoder (in the
grader) builds only these, and reads anything else as an error.
"""

from __future__ import annotations

import re

NUMPY_DTYPES = frozenset(
    {
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "object",
    }
)
"""NumPy dtypes an array may have, besides ``datetime64``/``timedelta64`` in
:data:`TIME_UNITS` and fixed-width text (``<U5``, ``|S5``)."""
PANDAS_DTYPES = frozenset(
    {
        "Int8",
        "Int16",
        "Int32",
        "Int64",
        "UInt8",
        "UInt16",
        "UInt32",
        "UInt64",
        "Float32",
        "Float64",
        "boolean",
        "string",
        "category",
    }
)
"""pandas dtypes a column or an index may have, besides the NumPy ones."""
TIME_UNITS = ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns")
"""Units of NumPy's ``datetime64``/``timedelta64``; pandas columns use s, ms, us or ns."""

_NULLABLE = {
    "Int8": 1,
    "Int16": 2,
    "Int32": 4,
    "Int64": 8,
    "UInt8": 1,
    "UInt16": 2,
    "UInt32": 4,
    "UInt64": 8,
    "Float32": 4,
    "Float64": 8,
    "boolean": 1,
}
"""pandas' nullable dtypes and the bytes of one value."""
_TIME_DTYPE = re.compile(r"(datetime64|timedelta64)(?:\[([A-Za-z]{1,2})\])?")
_TEXT_DTYPE = re.compile(r"(<U|\|S)([0-9]{1,7})")
