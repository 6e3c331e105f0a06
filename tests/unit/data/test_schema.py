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
    from sphub.data.schema import data_ids

    stale = stale_schemas(ROOT / "schemas", data_ids(ROOT / "data"))
    assert stale == [], "run `sphub schemas` (or `make validate`) and commit schemas/"


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


# The golden cases whose mistake a JSON Schema can say (a value's type, pattern or choice, a
# field missing or unknown, an id no entry has); the others need the whole data set (ids
# used twice, dates in order), the text as typed (a comment, quotes, indentation) or are not
# YAML a schema is given at all.
SCHEMA_CAN_SAY = {
    "count-below-one",
    "country-lowercase",
    "country-not-a-code",
    "date-impossible",
    "date-not-a-date",
    "entries-not-a-list",
    "entry-checks-go-on-after-its-first-error",
    "entry-cross-checks-go-on-after-its-first-error",
    "entry-not-a-mapping",
    "id-not-kebab-case",
    "invisible-character-in-id",
    "language-not-a-code",
    "many-problems-at-once",
    "missing-required-field",
    "national-network-without-country",
    "nested-reference-missing",
    "no-break-space-in-id",
    "reference-to-invalid-entry-reported-once",
    "reference-to-missing-organisation",
    "reference-to-missing-region",
    "status-not-allowed",
    "text-on-several-lines",
    "unknown-field-typo",
    "url-javascript",
    "url-not-http",
    "when-in-words",
    "wrong-top-key",
    "year-out-of-range",
    "years-not-a-list",
}


def _schema_errors(case, tmp_path) -> list[str]:
    """What the schemas of the case's data (ids included) say about the files it changes,
    as an editor's tool would check them (formats too)."""
    from golden_cases import case_data

    from sphub.data.schema import data_ids, file_schema

    data = case_data(case, tmp_path / "data")
    ids = data_ids(data)
    by_file = {c.file: c for c in COLLECTIONS.values()}
    errors = []
    for path in sorted(case.glob("*.yml")):
        if path.name not in by_file:
            continue
        yf, _ = read_yaml(path.name, path.read_bytes())
        if yf.value is None:  # not YAML a schema is given: the reader's to say
            continue
        validator = jsonschema.Draft202012Validator(
            file_schema(by_file[path.name], ids),
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        errors += [e.message for e in validator.iter_errors(yf.value)]
    return errors


def test_the_schemas_and_sphub_agree_on_the_golden_cases(tmp_path):
    """Every golden case is refused by sphub (test_golden); the schemas underline exactly the
    ones a schema can say, and accept the base data they are laid over."""
    from golden_cases import GOLDEN

    cases = sorted(p for p in (GOLDEN / "cases").iterdir() if p.is_dir())
    caught = {case.name for i, case in enumerate(cases) if _schema_errors(case, tmp_path / str(i))}
    assert caught == SCHEMA_CAN_SAY
    assert _schema_errors(GOLDEN / "base", tmp_path / "base") == []


def test_the_schemas_offer_codes_and_the_ids_of_existing_entries():
    from sphub.data.schema import data_ids, file_schema

    ids = data_ids(ROOT / "data")
    schema = file_schema(COLLECTIONS["events"], ids)
    event = schema["$defs"]["Event"]["properties"]
    assert event["organisers"]["items"]["enum"] == sorted(ids["organisations"] + ids["members"])
    assert event["organisers"]["uniqueItems"] is True
    assert "PK" in schema["$defs"]["CountryCode"]["enum"]
    assert "Pakistan" not in schema["$defs"]["CountryCode"]["enum"]
    members = file_schema(COLLECTIONS["members"], ids)["$defs"]["Member"]["properties"]
    assert members["region"]["enum"] == sorted(ids["regions"])
    assert members["years"]["uniqueItems"] is True
