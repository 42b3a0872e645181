"""Bengali labels are drawn with a Bengali font, or the learner is told how to get one."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib
import matplotlib.image
import numpy as np
import pytest

from smm_helpers import fonts
from smm_helpers.errors import InputError
from tests.conftest import system_part_missing

CONJUNCT_WORD = "দৃষ্টিভঙ্গি"  # "point of view": conjuncts ষ্ট, ঙ্গ and the pre-base vowel ি
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def _require_bengali_font() -> fonts.FontInfo:
    font = fonts.find_bengali_font()
    if font is None:
        system_part_missing("no Bengali font: sudo apt-get install fonts-noto-core")
    assert font is not None
    return font


def _render(text: str, family: list[str]) -> tuple[np.ndarray, list[str]]:
    """Draw ``text`` alone on a small figure; return the pixels and any warnings raised."""
    from matplotlib.figure import Figure

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with matplotlib.rc_context({"font.family": family}):
            fig = Figure(figsize=(3, 1), dpi=100)
            fig.text(0.05, 0.4, text, fontsize=24)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    buffer.seek(0)
    pixels = matplotlib.image.imread(buffer)[..., :3].mean(axis=2)
    return pixels, [str(w.message) for w in caught]


def _ink_width(pixels: np.ndarray) -> int:
    """How many pixel columns have any ink in them."""
    return int((pixels < 0.5).any(axis=0).sum())


def test_has_bengali_finds_bengali_letters_in_mixed_text():
    assert fonts.has_bengali("Reach / রিচ")
    assert not fonts.has_bengali("Reach 123 😀")
    assert not fonts.has_bengali("")


def test_font_covers_reads_the_font_file_not_its_name():
    assert fonts.font_covers(DEJAVU, "Engagement")
    assert not fonts.font_covers(DEJAVU, "ক")


def test_font_family_for_latin_text_is_just_dejavu_sans():
    assert fonts.font_family_for("Weekly reach") == ["DejaVu Sans"]


def test_font_family_for_bengali_text_falls_back_to_the_bengali_font():
    font = _require_bengali_font()
    assert fonts.font_family_for("অনুসারী / followers") == ["DejaVu Sans", font.family]


def test_find_bengali_font_returns_a_font_that_covers_whole_words():
    font = _require_bengali_font()
    assert font.path.is_file()
    assert fonts.font_covers(font.path, CONJUNCT_WORD)


def test_find_bengali_font_prefers_known_families_and_regular_weights(monkeypatch):
    bengali = _require_bengali_font()
    candidates = [
        fonts.FontInfo("DejaVu Sans", DEJAVU),
        fonts.FontInfo("Some Other Bengali", bengali.path),
        fonts.FontInfo("Noto Sans Bengali", bengali.path),
    ]
    monkeypatch.setattr(fonts, "_registered_fonts", lambda: candidates)
    assert fonts.find_bengali_font(search_system=False) == candidates[2]


def test_find_bengali_font_is_none_when_no_font_has_bengali(monkeypatch):
    monkeypatch.setattr(fonts, "_registered_fonts", lambda: [fonts.FontInfo("DejaVu Sans", DEJAVU)])
    assert fonts.find_bengali_font(search_system=False) is None


def test_missing_font_gives_one_warning_with_install_help(monkeypatch):
    monkeypatch.setattr(fonts, "find_bengali_font", lambda **_: None)
    with pytest.warns(fonts.MissingBengaliFontWarning) as record:
        warned = fonts.warn_if_bengali_font_missing(["Reach", "রিচ", "অনুসারী"])
    assert warned is True
    assert len(record) == 1
    message = str(record[0].message)
    assert "'রিচ'" in message
    assert "apt-get install fonts-noto-core" in message
    assert "addfont" in message


def test_no_warning_for_latin_labels_even_without_a_bengali_font(monkeypatch):
    monkeypatch.setattr(fonts, "find_bengali_font", lambda **_: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fonts.warn_if_bengali_font_missing(["Reach", "Followers"]) is False


def test_font_family_for_without_a_bengali_font_keeps_dejavu_only(monkeypatch):
    monkeypatch.setattr(fonts, "find_bengali_font", lambda **_: None)
    assert fonts.font_family_for("রিচ") == ["DejaVu Sans"]


def test_bengali_font_help_covers_every_system():
    help_text = fonts.bengali_font_help()
    for hint in ("apt-get install fonts-noto-core", "conda", "Nirmala UI", "Bangla MN", "addfont"):
        assert hint in help_text


def test_functions_reject_non_text_with_a_teaching_error():
    with pytest.raises(InputError, match="needs text, not int"):
        fonts.has_bengali(5)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not a single string"):
        fonts.warn_if_bengali_font_missing("রিচ")


@pytest.mark.system
def test_bengali_conjunct_renders_with_bengali_glyphs_not_tofu():
    font = _require_bengali_font()
    shaped, shaped_warnings = _render(CONJUNCT_WORD, fonts.font_family_for(CONJUNCT_WORD))
    bengali_only, _ = _render(CONJUNCT_WORD, [font.family])
    tofu, tofu_warnings = _render(CONJUNCT_WORD, ["DejaVu Sans"])

    assert not [w for w in shaped_warnings if "missing" in w.lower()], shaped_warnings
    assert [w for w in tofu_warnings if "missing" in w.lower()], "DejaVu Sans should lack Bengali"
    assert _ink_width(shaped) > 20, "nothing was drawn"
    # Every glyph came from the Bengali font: the fallback list draws exactly what the
    # Bengali font alone draws, and not what the Bengali-less font draws.
    assert np.array_equal(shaped, bengali_only)
    assert not np.array_equal(shaped, tofu)


@pytest.mark.system
def test_bengali_conjunct_is_shaped_narrower_than_letters_with_a_visible_hasanta():
    family = fonts.font_family_for(CONJUNCT_WORD)
    _require_bengali_font()
    conjunct, _ = _render("ষ্ট", family)
    # A zero-width non-joiner stops the conjunct: ষ, a visible hasanta (্), then ট.
    spelled_out, _ = _render("ষ্\u200cট", family)
    assert _ink_width(conjunct) < _ink_width(spelled_out)
