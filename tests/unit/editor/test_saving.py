"""A save is applied onto the file as it is: the header, the order of entries and every
entry not edited stay byte for byte; a save sphub rejects writes nothing."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from sphub.data.errors import DataError
from sphub.data.writer import with_entries
from sphub.editor.saving import Changed, entries_sent, save, version_of
from sphub.models import COLLECTIONS
from tests.conftest import ROOT

MEMBERS = COLLECTIONS["members"]


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def _save(data, collection, raw):
    """A save made from the file as it is now (the version the form opened)."""
    return save(data, collection, raw, version_of((data / collection.file).read_bytes()))


def _as_the_editor_sends(path) -> dict:
    """The file's values, as the editor holds them (its YAML has no comments)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_an_unchanged_save_changes_nothing(data):
    before = (data / "members.yml").read_text(encoding="utf-8")
    raw = yaml.safe_dump(_as_the_editor_sends(data / "members.yml"), sort_keys=True)
    assert _save(data, MEMBERS, raw) == version_of(before.encode())
    assert (data / "members.yml").read_text(encoding="utf-8") == before


def test_an_edit_changes_only_its_line(data):
    path = data / "members.yml"
    before = path.read_text(encoding="utf-8")
    values = _as_the_editor_sends(path)
    values["members"][1]["acronym"] = "CMF"
    values["members"][1]["website"] = ""  # an empty optional field is no field
    _save(data, MEMBERS, yaml.safe_dump(values))
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [("    acronym: CMF Nepal", "    acronym: CMF")]
    assert len(after.splitlines()) == len(before.splitlines())


def test_a_new_entry_goes_last_in_the_models_order_and_a_removed_one_goes(data):
    path = data / "members.yml"
    before = path.read_text(encoding="utf-8")
    values = _as_the_editor_sends(path)
    values["members"].append(
        {"years": [2013], "region": "africa", "kind": "other", "name": "New", "id": "new-one"}
    )
    _save(data, MEMBERS, yaml.safe_dump(values))
    added = (
        "  - id: new-one\n    name: New\n    kind: other\n    region: africa\n    years: [2013]\n"
    )
    assert path.read_text(encoding="utf-8") == before + added
    values["members"].pop()
    _save(data, MEMBERS, yaml.safe_dump(values))
    assert path.read_text(encoding="utf-8") == before


def test_a_save_sphub_rejects_writes_nothing_and_says_why(data):
    path = data / "events.yml"
    before = path.read_text(encoding="utf-8")
    values = _as_the_editor_sends(path)
    values["events"][0]["attending_members"] = ["no-such-member"]
    values["events"][0]["end"] = "2000-01-01"
    with pytest.raises(DataError) as refused:
        _save(data, COLLECTIONS["events"], yaml.safe_dump(values, default_flow_style=False))
    lines = [str(p) for p in refused.value.problems]
    assert any(
        re.search(r"events\[\d+\]\.attending_members\[\d+\]", line) and "no-such-member" in line
        for line in lines
    )
    assert any(
        line.startswith("data/events.yml:") and re.search(r"events\[\d+\]\.end", line)
        for line in lines
    )
    assert path.read_text(encoding="utf-8") == before


def test_hostile_yaml_from_the_editor_is_refused_like_in_a_file(data):
    before = (data / "members.yml").read_text(encoding="utf-8")
    with pytest.raises(DataError):
        _save(data, MEMBERS, "members: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(DataError):
        _save(data, MEMBERS, "a: &a [1]\nmembers: *a\n")
    assert (data / "members.yml").read_text(encoding="utf-8") == before


def test_every_shipped_data_file_reads_and_writes_back_byte_for_byte():
    """What keeps an entry nobody edited as it was: the round trip of each file, unchanged,
    gives its text back (the files' layout is the one sphub.editor.saving writes)."""
    for collection in COLLECTIONS.values():
        source = (ROOT / "data" / collection.file).read_text(encoding="utf-8")
        values = entries_sent(collection.file, source, collection)  # read as a save is
        assert with_entries(source, collection.file, collection, values) == source


def test_a_save_from_a_version_changed_on_disk_is_refused_and_writes_nothing(data):
    """The form opened the file; a text editor renamed a network; the form's save would
    undo that: it is refused, and the file keeps the text editor's change."""
    path = data / "members.yml"
    opened = path.read_bytes()
    values = _as_the_editor_sends(path)
    changed = opened.replace(b"name: Centre for Microfinance", b"name: Centre for Micro-Finance", 1)
    assert changed != opened
    path.write_bytes(changed)
    values["members"][1]["acronym"] = "CMF"
    with pytest.raises(Changed):
        save(data, MEMBERS, yaml.safe_dump(values), version_of(opened))
    assert path.read_bytes() == changed


def test_two_tabs_the_second_save_is_refused(data):
    path = data / "members.yml"
    opened = version_of(path.read_bytes())  # both tabs open the same version
    first, second = _as_the_editor_sends(path), _as_the_editor_sends(path)
    first["members"][0]["acronym"] = "ONE"
    second["members"][2]["acronym"] = "TWO"
    written = save(data, MEMBERS, yaml.safe_dump(first), opened)
    after_first = path.read_bytes()
    assert written == version_of(after_first) != opened
    with pytest.raises(Changed):
        save(data, MEMBERS, yaml.safe_dump(second), opened)
    assert path.read_bytes() == after_first
    # The second tab reloads (the version written) and saves again: both changes are kept.
    second = _as_the_editor_sends(path)
    second["members"][2]["acronym"] = "TWO"
    save(data, MEMBERS, yaml.safe_dump(second), written)
    text = path.read_text(encoding="utf-8")
    assert "acronym: ONE" in text and "acronym: TWO" in text


def test_an_id_renamed_in_the_form_keeps_the_old_one_in_old_ids(data):
    path = data / "members.yml"
    before = path.read_text(encoding="utf-8")
    values = _as_the_editor_sends(path)
    # Translations name every member; they follow a renamed one by its old id.
    others = "".join(
        p.read_text(encoding="utf-8")
        for p in data.rglob("*.yml")
        if p != path and "translations" not in p.parts
    )
    # A member no other file refers to (renaming one that is referred to is refused, as the
    # references would break: the cross-checks say so).
    index = next(i for i, m in enumerate(values["members"]) if m["id"] not in others)
    old_id = values["members"][index]["id"]
    values["members"][index]["id"] = "renamed-network"
    _save(data, MEMBERS, yaml.safe_dump(values))
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed[0] == (f"  - id: {old_id}", "  - id: renamed-network")
    saved = yaml.safe_load(after)["members"][index]
    assert saved["id"] == "renamed-network" and saved["old_ids"] == [old_id]
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # the old_ids line
