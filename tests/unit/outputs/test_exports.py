"""JSON and CSV downloads: made from the validated models, complete and deterministic."""

from __future__ import annotations

import csv
import io
import json

from sphub.outputs.exports import collection_json, downloads, members_csv
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
