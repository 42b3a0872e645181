"""The names a report shows for campaign results and funnel stages, in the chosen language.

The data keeps its ids (``facebook``, ``short_video``, ``donations``); the report shows each
one's name in the chosen language.  An id without a known name is shown as it is (a client's
own export may have formats the course does not know).  Platforms and formats are
named by ``schema.platform_name`` and ``schema.format_name``.

>>> result_name("leads")
'leads'
>>> from smm_helpers.i18n.messages import in_language
>>> with in_language("bn"):
...     result_name("donations")
'অনুদান'
"""

from __future__ import annotations

from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

#: The results an ad campaign is priced by (its objective), as the report names them.
RESULT_NAMES = {
    "donations": N_("donations"),
    "sales": N_("sales"),
    "leads": N_("leads"),
    "conversions": N_("conversions"),
}

#: The first two stages of the report's ad funnel; the last stage is the result.
FUNNEL_STAGES = {
    "ad impressions": N_("ad impressions"),  # i18n: not shown (the key; its name is marked)
    "ad clicks": N_("ad clicks"),  # i18n: not shown (the key; its name is marked)
}


def result_name(result: object) -> str:
    """A campaign result's (or funnel stage's) display name in the chosen language."""
    key = str(result)
    names = {**RESULT_NAMES, **FUNNEL_STAGES}
    return _(names[key]) if key in names else key.replace("_", " ")
