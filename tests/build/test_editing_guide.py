"""The editing guide page in the built site: made from the models at build time, so every
file, field, type, requirement, allowed value and reference is there, with a real example
(tests/unit/render/test_guide.py checks that our own descriptions are escaped)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphub.data.fields import fields_of, nested_models
from sphub.models import COLLECTIONS
from sphub.render.guide import referred_by


def _rows(page: str) -> dict[str, str]:
    """Table rows of the guide by their id (model-field), as text."""
    rows = re.findall(r'<tr id="([a-z]+-[a-z_]+)">(.*?)</tr>', page, re.S)
    return {key: html.unescape(re.sub(r"<[^>]+>", " ", body)) for key, body in rows}


def test_every_field_of_every_file_is_in_the_guide(built_site: Path):
    page = (built_site / "editing/index.html").read_text()
    rows = _rows(page)
    for key, collection in COLLECTIONS.items():
        assert f'<h2 id="{key}"><code>data/{collection.file}</code>' in page
        for model in [collection.model, *nested_models(collection.model)]:
            for field in fields_of(model):
                row = rows[f"{model.__name__.lower()}-{field.name}"]
                status = row.split()[1]  # the cell after the field name
                assert status == ("required" if field.required else "optional"), (model, field.name)
                for value in field.allowed:
                    assert value in row
                for target in field.refers_to:
                    assert f"data/{target}.yml" in row


def test_guide_shows_a_real_example_and_who_refers_to_a_file(built_site: Path, shipped):
    page = html.unescape((built_site / "editing/index.html").read_text())
    first_member = next(iter(shipped.members.values()))
    assert f"- id: {first_member.id}\n  name: {first_member.name}" in page
    assert ("events", "attending_members") in referred_by("members")
    assert ("regions", "facilitator.member") in referred_by("members")


def test_guide_is_linked_for_editors(built_site: Path):
    """Members' navigation leaves the guide out; the footer's "For editors" leads to it."""
    home = (built_site / "index.html").read_text()
    assert 'href="for-editors/"' in home and 'href="editing/"' not in home
    assert 'href="../editing/"' in (built_site / "for-editors/index.html").read_text()
