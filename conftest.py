"""Test-wide settings, also for the doctests inside smm_helpers.

Plots draw off-screen (Agg) so tests and doctests run without a display.
"""

import os

os.environ.setdefault("MPLBACKEND", "Agg")
