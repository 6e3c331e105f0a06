"""JSON and CSV downloads: made from the validated models, complete and deterministic."""

from __future__ import annotations

import csv
import io
import json
from conftest import ROOT, build

from sphub.outputs.exports import MEMBERS_CSV, collection_json, downloads, json_path, members_csv
from sphub.models import COLLECTIONS


def test_every_collection_has_a_json_export_that_round_trips(shipped):
    for key, collection in COLLECTIONS.items():
        document = json.loads(collection_json(shipped, key))
        assert document["collection"] == key
        entries = document["entries"]
        assert [e["id"] for e in entries] == list(shipped.collection(key))
        # What the file holds validates back into the same entries.
        for entry, original in zip(entries, shipped.collection(key).values()):
            assert collection.model.model_validate_json(json.dumps(entry)) == original


def test_members_csv_lists_every_member_with_names_and_aliases(shipped):
    text = members_csv(shipped)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert sorted(r["id"] for r in rows) == sorted(shipped.members)
    by_id = {r["id"]: r for r in rows}
    assert by_id["pmn"]["acronym"] == "PMN"
    assert by_id["pmn"]["country_name"] == "Pakistan"
    assert by_id["cmf-nepal"]["aliases"] == "; ".join(shipped.members["cmf-nepal"].aliases)


def test_downloads_are_deterministic(shipped):
    assert downloads(shipped, None, True) == downloads(shipped, None, True)


def test_built_site_has_downloads_linked_from_pages(built_site):
    for key in COLLECTIONS:
        assert (built_site / json_path(key)).is_file()
    assert (built_site / MEMBERS_CSV).is_file()
    directory = (built_site / "members" / "index.html").read_text()
    assert 'href="../exports/members.csv"' in directory
    assert 'href="../exports/members.json"' in directory
    events = (built_site / "events" / "index.html").read_text()
    assert 'href="../calendar/events.ics"' in events
    event_page = (built_site / "events" / "bern-workshop-2010" / "index.html").read_text()
    assert 'href="../../calendar/bern-workshop-2010.ics"' in event_page
    listing = (built_site / "downloads" / "index.html").read_text()
    for key in COLLECTIONS:
        assert f'href="../exports/{key}.json"' in listing


def test_two_builds_give_identical_downloads(built_site, tmp_path):
    result = build(ROOT, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    for path in sorted(
        p
        for p in built_site.rglob("*")
        if p.suffix in {".json", ".csv", ".ics"} and "search" not in p.parts
    ):
        again = tmp_path / "again" / path.relative_to(built_site)
        assert again.read_bytes() == path.read_bytes(), path
