"""The names a report shows for data values: platforms, post formats, campaign results.

The data keeps its ids (``facebook``, ``short_video``, ``donations``); the report shows each
one's name in the chosen language.  An id without a known name is shown as it is (a client's
own export may have formats the course does not know).  Platforms are named by
``schema.platform_name``.

>>> format_name("short_video"), format_name("reel"), result_name("leads")
('short video', 'reel', 'leads')
>>> from smm_helpers.i18n.messages import in_language
>>> with in_language("bn"):
...     format_name("carousel"), result_name("donations")
('ক্যারোসেল', 'অনুদান')
"""

from __future__ import annotations

from smm_helpers.i18n.messages import N_
from smm_helpers.i18n.messages import gettext as _

#: Post formats (``schema.FORMATS``) as the report names them.
FORMAT_NAMES = {
    "text": N_("text"),
    "image": N_("image"),
    "carousel": N_("carousel"),
    "video": N_("video"),
    "short_video": N_("short video"),
    "link": N_("link"),
    "infographic": N_("infographic"),
    "motion_graphic": N_("motion graphic"),
    "animation": N_("animation"),
}

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



def format_name(post_format: object) -> str:
    """A post format's display name in the chosen language."""
    key = str(post_format)
    return _(FORMAT_NAMES[key]) if key in FORMAT_NAMES else key.replace("_", " ")


def result_name(result: object) -> str:
    """A campaign result's (or funnel stage's) display name in the chosen language."""
    key = str(result)
    names = {**RESULT_NAMES, **FUNNEL_STAGES}
    return _(names[key]) if key in names else key.replace("_", " ")
