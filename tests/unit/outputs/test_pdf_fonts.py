"""The PDF guide's fonts and when a build renders it, without rendering one: every character
of the data is in every shipped face, and a character none has stops the render before it
starts (tests/pdf/test_guide_pdf.py reads the rendered guide)."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont
from pydantic import BaseModel

from sphub.models import COLLECTIONS
from sphub.outputs import pdf


def strings(value) -> set[str]:
    """Every string in a validated entry, however deep."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, BaseModel):
        return set().union(*(strings(getattr(value, f)) for f in type(value).model_fields))
    if isinstance(value, (list, tuple)):
        return set().union(set(), *(strings(v) for v in value))
    if isinstance(value, dict):
        return set().union(set(), *(strings(v) for v in value.values()))
    return set()


def test_every_character_of_the_data_is_in_every_shipped_face(shipped):
    used = set(
        "".join(
            s for key in COLLECTIONS for e in shipped.collection(key).values() for s in strings(e)
        )
    )
    assert len(used) > 50
    for weight, style in pdf.FONT_FACES:
        have = set()
        for subset in pdf.FONT_SUBSETS:
            have |= set(
                TTFont(pdf.FONTS / f"noto-sans-{subset}-{weight}-{style}.woff2").getBestCmap()
            )
        missing = sorted(c for c in used if ord(c) not in have and c not in "\n\t")
        assert not missing, f"{weight} {style} lacks {missing}"


def test_a_character_no_font_has_stops_the_render():
    with pytest.raises(pdf.PdfError, match=r"U\+0915"):
        pdf.render_pdf("<p>Sa-Dhan \u0915</p>", "guide/x.pdf", "x")
