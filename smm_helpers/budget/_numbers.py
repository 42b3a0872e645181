"""Number checks every budget module shares: a checked number, and a number written short.

>>> _check_number("spend", 5, fix="give the money spent, 0 or more")
5.0
>>> _g(2.50)
'2.5'
"""

from __future__ import annotations

import math
import numbers

from smm_helpers.errors import InputError
from smm_helpers.i18n.messages import gettext as _
from smm_helpers.i18n.numbers import digits


def _check_number(
    name: str, value: object, *, fix: str, minimum: float = 0.0, strict: bool = False
) -> float:
    """``value`` as a float, or an InputError when it is not a number ≥ (or >) ``minimum``."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if ok and (value > minimum if strict else value >= minimum):  # type: ignore[operator]
        return float(value)  # type: ignore[arg-type]
    raise InputError(_("{name} is {value}").format(name=name, value=repr(value)), fix=fix)


def _g(value: float) -> str:
    """A number written short (``{:g}``), in the chosen language's digits."""
    return digits(f"{value:g}")
