"""The editing guide page: made from the models at build time, so every file, field, type,
requirement, allowed value and reference is there, and our own descriptions are escaped."""

from __future__ import annotations


import pytest

from sphub.data.errors import DataError
from sphub.data.fields import fields_of
from sphub.data.load import load_site
from sphub.data.translations import translate
from sphub.render.guide import error_example, file_guides
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


def test_the_example_of_a_mistake_is_what_the_check_prints(data_copy):
    """The guide's example of a mistake is a real entry: written into the file as the example
    says, the check prints exactly the line the guide shows."""
    problem, number = error_example(load_site(data_copy))
    assert problem.file == "data/events.yml" and problem.path == f"events[{number}].start"
    events = data_copy / "events.yml"
    lines = events.read_text(encoding="utf-8").split("\n")
    key = lines[problem.line - 1].split(":")[0]
    assert key.strip() == "start"
    lines[problem.line - 1] = f"{key}: {problem.got.strip(chr(39))}"  # '22 Feb 2012'
    events.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    # (its translations then name an event the English file no longer validates: other lines)
    english = [str(p) for p in err.value.problems if p.file == "data/events.yml"]
    assert english == [str(problem)]


def test_a_translated_guide_shows_the_english_entry_and_its_translation(shipped):
    """On the French page, the example is the entry as data/regions.yml holds it (English),
    and its translation as data/translations/fr/regions.yml holds it."""
    guides = {g.collection.key: g for g in file_guides(translate(shipped, "fr"))}
    first = next(iter(shipped.regions.values()))
    assert f"- id: {first.id}\n  name: {first.name}\n" in guides["regions"].example + "\n"
    file, text = guides["regions"].translation
    assert file == "data/translations/fr/regions.yml"
    translated = shipped.translations.entries["fr"][("regions", first.id)].entry
    stamped = shipped.translations.entries["fr"][("regions", first.id)].source
    assert f'- id: {first.id}\n  translated_from: "{stamped}"\n' in text  # as in the file
    assert f"  name: {translated.name}" in text and translated.name != first.name
    assert file_guides(shipped)[0].translation is None  # English: nothing to show beside it
