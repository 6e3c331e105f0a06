"""The editing guide page: our own descriptions are escaped (tests/build/test_editing_guide.py
reads the built page: every file, field and reference there)."""

from __future__ import annotations

from sphub.data.fields import fields_of
from sphub.render.guide import file_guides
from sphub.models.network import Member
from sphub.render.renderer import Renderer
from tests.conftest import ROOT


def test_descriptions_are_escaped(shipped, monkeypatch):
    field = Member.model_fields["name"]
    monkeypatch.setattr(field, "description", "<script>alert(1)</script> Full name.")
    fields_of.cache_clear()  # the field docs are cached per model; see the changed one
    try:
        renderer = Renderer(shipped, ROOT / "overrides" / "fragments")
        out = renderer.render("data_guide.html", "editing.md")
    finally:
        monkeypatch.undo()
        fields_of.cache_clear()
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Full name." in out
    assert file_guides(shipped)[0].schema_line.startswith("# yaml-language-server: $schema=")
