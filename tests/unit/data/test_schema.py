"""The JSON Schemas editors' tools read: generated from the models, committed, up to date,
named by each data file, and in agreement with the loader on real and broken data."""

from __future__ import annotations

import json

import jsonschema
import pytest

from sphub.models import COLLECTIONS
from sphub.data.schema import (
    add_schema_lines,
    missing_schema_lines,
    schema_line,
    stale_schemas,
    write_schemas,
)
from sphub.data.reader import read_yaml
from tests.conftest import ROOT


def test_committed_schemas_are_up_to_date():
    assert stale_schemas(ROOT / "schemas") == [], "run `sphub schemas` and commit schemas/"


def test_every_data_file_names_its_schema_first():
    assert missing_schema_lines(ROOT / "data") == []
    for collection in COLLECTIONS.values():
        first = (ROOT / "data" / collection.file).read_text().splitlines()[0]
        target = first.split("$schema=", 1)[1]
        assert (ROOT / "data" / target).resolve() == ROOT / "schemas" / f"{collection.key}.json"


def test_a_model_change_makes_the_schema_stale(tmp_path):
    write_schemas(tmp_path)
    assert stale_schemas(tmp_path) == []
    members = json.loads((tmp_path / "members.json").read_text())
    members["$defs"]["Member"]["properties"].pop("acronym")
    (tmp_path / "members.json").write_text(json.dumps(members))
    (tmp_path / "old.json").write_text("{}")
    assert stale_schemas(tmp_path) == ["members.json", "old.json"]
    assert write_schemas(tmp_path) == ["members.json", "old.json"]
    assert stale_schemas(tmp_path) == [] and not (tmp_path / "old.json").exists()


def test_schema_line_is_added_without_touching_the_rest(data_copy):
    path = data_copy / "topics.yml"
    body = "\n".join(path.read_text().splitlines()[1:]) + "\n"
    path.write_text(body)
    assert missing_schema_lines(data_copy) == ["topics.yml"]
    assert add_schema_lines(data_copy) == ["topics.yml"]
    assert path.read_text() == schema_line(COLLECTIONS["topics"]) + "\n" + body


def _values(name: str, text: str):
    yf, problems = read_yaml(name, text.encode())
    assert problems == []
    return yf.value


@pytest.mark.parametrize("key", list(COLLECTIONS))
def test_shipped_data_is_valid_for_its_schema(key):
    # Values as the editor's YAML 1.2 tooling sees them: dates stay text, like our loader.
    schema = json.loads((ROOT / "schemas" / f"{key}.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    value = _values(key, (ROOT / "data" / f"{key}.yml").read_text())
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(value)) == []


@pytest.mark.parametrize(
    "mistake, where",
    [
        ("    kind: national-association\n", "    kind: national-asociation\n"),
        ("    region: asia\n", "    regoin: asia\n"),
        ("    years: [2012]\n", "    years: 2012\n"),
        ("    country: PK\n", "    country: Pakistan\n"),
    ],
)
def test_schema_underlines_what_the_loader_rejects(mistake, where, data_copy):
    from sphub.data.errors import DataError
    from sphub.data.load import load_site

    path = data_copy / "members.yml"
    text = path.read_text()
    assert mistake in text
    path.write_text(text.replace(mistake, where, 1))
    with pytest.raises(DataError):
        load_site(data_copy)
    schema = json.loads((ROOT / "schemas" / "members.json").read_text())
    errors = list(
        jsonschema.Draft202012Validator(schema).iter_errors(
            _values("members.yml", path.read_text())
        )
    )
    assert errors, f"the schema accepts {where.strip()!r}"
