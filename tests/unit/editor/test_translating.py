"""Translations in the browser editor: the view shows the English beside each field; a save
from the view writes only the translation, changed only where the translator changed it."""

from __future__ import annotations

import shutil

import pytest
import yaml

from sphub.data.errors import DataError
from sphub.editor.api import handle
from sphub.editor.saving import Changed, save_translation, version_of
from sphub.editor.translating import view_text
from sphub.models import COLLECTIONS
from tests.conftest import ROOT

TRANSLATED = [c for c in COLLECTIONS.values() if c.translated]


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture(scope="module")
def data_for_views(tmp_path_factory):
    """One copy of data/ for the module's views saved unchanged: each case saves its own file
    of its own language, and checks that file's bytes are as they were."""
    copy = tmp_path_factory.mktemp("views") / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def _version(path) -> str:
    return version_of(path.read_bytes() if path.is_file() else b"")


@pytest.mark.parametrize("collection", TRANSLATED, ids=lambda c: c.key)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_view_saved_unchanged_changes_nothing(data_for_views, collection, language):
    data = data_for_views
    path = data / "translations" / language / collection.file
    before = path.read_bytes()
    view = view_text(data, collection, language)
    save_translation(data, collection, language, view, _version(path))
    assert path.read_bytes() == before


def test_the_view_shows_the_english_beside_each_field_and_every_english_entry(data):
    tools = COLLECTIONS["tools"]
    view = yaml.safe_load(view_text(data, tools, "fr"))["tools"]
    english = yaml.safe_load((data / "tools.yml").read_text(encoding="utf-8"))["tools"]
    assert [e["id"] for e in view] == [e["id"] for e in english]
    first = view[0]
    assert first["name__en"] == english[0]["name"] and first["name"] != first["name__en"]


def test_a_translation_edited_in_the_view_changes_only_its_line(data):
    tools = COLLECTIONS["tools"]
    path = data / "translations" / "fr" / "tools.yml"
    before = path.read_text(encoding="utf-8")
    view = yaml.safe_load(view_text(data, tools, "fr"))
    old = view["tools"][0]["name"]
    view["tools"][0]["name"] = "Normes universelles (GPS)"
    view["tools"][0]["name__en"] = "edited English is not saved"
    save_translation(data, tools, "fr", yaml.safe_dump(view, allow_unicode=True), _version(path))
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [(f"    name: {old}", "    name: Normes universelles (GPS)")]
    assert "edited English" not in after


def test_a_new_translation_is_added_and_english_pasted_is_still_checked(data):
    topics = COLLECTIONS["topics"]
    path = data / "translations" / "es" / "topics.yml"
    view = yaml.safe_load(view_text(data, topics, "es"))
    untranslated = [e for e in view["topics"] if not e.get("name")]
    if untranslated:
        untranslated[0]["name"] = "Nuevo tema"
        save_translation(data, topics, "es", yaml.safe_dump(view), _version(path))
        assert "Nuevo tema" in path.read_text(encoding="utf-8")
    view = yaml.safe_load(view_text(data, topics, "es"))
    view["topics"][0]["name"] = ["not", "text"]
    with pytest.raises(DataError):
        save_translation(data, topics, "es", yaml.safe_dump(view), _version(path))
    with pytest.raises(Changed):
        save_translation(data, topics, "es", yaml.safe_dump(view), "0" * 64)


def test_the_api_reads_and_saves_a_translation_and_refuses_another_language(data):
    root = data.parent
    read = handle(
        root, {"action": "getEntry", "params": {"path": "data/translations/fr/tools.yml"}}
    )
    assert read.status == 200 and "name__en:" in read.body["data"]
    request = {
        "action": "persistEntry",
        "params": {
            "dataFiles": [
                {
                    "path": "data/translations/fr/tools.yml",
                    "raw": read.body["data"],
                    "version": read.body["file"]["id"],
                }
            ]
        },
    }
    assert handle(root, request).status == 200
    other = handle(
        root, {"action": "getEntry", "params": {"path": "data/translations/de/tools.yml"}}
    )
    assert other.status == 403 and "no language 'de'" in other.body["error"]
    notes = handle(
        root, {"action": "getEntry", "params": {"path": "data/translations/fr/notes.yml"}}
    )
    assert notes.status == 403
