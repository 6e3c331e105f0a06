"""The editor's configuration: generated from the models, committed, and stale when not."""

from __future__ import annotations

import yaml

from sphub.cli import main
from sphub.data.translations import languages
from sphub.editor.config import (
    CONFIG_FILE,
    config_text,
    editor_config,
    is_stale,
    repo_of,
    with_choices,
)
from sphub.models import COLLECTIONS
from tests.conftest import ROOT


def test_the_committed_config_is_up_to_date():
    shipped = languages(ROOT / "data")[1:]
    assert not is_stale(ROOT / CONFIG_FILE, None, None, shipped), (
        "run `sphub cms-config` and commit admin/config.yml"
    )


def test_cms_config_check_fails_on_a_stale_config(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    config = ["--config-file", str(tmp_path / "mkdocs.yml")]
    assert main(["cms-config", "--check", *config]) == 1
    assert "out of date: admin/config.yml" in capsys.readouterr().err
    assert main(["cms-config", *config]) == 0
    assert main(["cms-config", "--check", *config]) == 0
    (tmp_path / CONFIG_FILE).write_text(config_text().replace("Members", "Memberz"))
    assert main(["cms-config", "--check", *config]) == 1


def _list_field(key: str) -> dict:
    collection = next(c for c in editor_config()["collections"] if c["name"] == key)
    [file] = collection["files"]
    assert file["file"] == f"data/{key}.yml"
    [entries] = file["fields"]
    assert entries["name"] == key and entries["widget"] == "list"
    return {f["name"]: f for f in entries["fields"]}


def test_one_files_collection_per_data_file_with_a_list_of_entries():
    names = [c["name"] for c in editor_config()["collections"]]
    assert names == [*COLLECTIONS, "pages"]  # then the hand-written pages
    for key in COLLECTIONS:
        assert "id" in _list_field(key)


def test_widgets_follow_the_models():
    members = _list_field("members")
    assert members["id"]["required"] is True and members["acronym"]["required"] is False
    assert members["name"]["hint"] == "Full name of the network."
    assert members["kind"]["widget"] == "select"
    assert "national-association" in members["kind"]["options"]
    country = members["country"]
    assert country["widget"] == "choice"  # suggests by code or name (sphub-admin.js)
    assert {"label": "Ghana", "value": "GH"} in country["options"]
    region = members["region"]
    assert region["widget"] == "relation" and region["collection"] == "regions"
    assert region["value_field"] == "regions.*.id"
    assert members["years"]["field"]["widget"] == "number"
    assert members["contacts"]["widget"] == "list" and "fields" in members["contacts"]
    events = _list_field("events")
    assert events["start"]["widget"] == "datetime" and events["start"]["format"] == "YYYY-MM-DD"
    assert events["end"]["required"] is False
    assert events["place"]["widget"] == "object"
    # A reference into two collections: a choice among both, filled from the data when served.
    assert events["organisers"]["widget"] == "list"
    organiser = events["organisers"]["field"]
    assert organiser["widget"] == "choice" and organiser["options"] == []
    assert organiser["refers_to"] == ["organisations", "members"]
    assert events["attending_members"]["widget"] == "relation"
    assert events["attending_members"]["multiple"] is True
    resources = _list_field("resources")
    assert resources["languages"]["field"]["widget"] == "choice"
    activities = _list_field("workplans")["focus_areas"]["fields"]
    when = next(f for f in activities if f["name"] == "activities")["fields"]
    when = next(f for f in when if f["name"] == "when")
    assert when["widget"] == "string" and when["pattern"][0].startswith("^[0-9]{4}")


def _read(text: str):
    """The configuration as Decap reads it: a YAML mapping (libyaml's loader: the whole
    configuration takes Python's own loader about a second)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def test_the_config_reads_back_and_names_the_git_host_repository():
    assert _read(config_text())["backend"] == {"name": "github", "branch": "main"}
    repo = _read(config_text("https://github.com/seep/sphub/"))["backend"]["repo"]
    assert repo == "seep/sphub"
    assert repo_of("https://gitlab.com/a/b") is None
    backend = _read(config_text(None, "https://auth.example.org"))["backend"]
    assert backend["base_url"] == "https://auth.example.org"


def test_the_choices_of_a_reference_come_from_the_data():
    text = with_choices(config_text(), ROOT / "data")
    events = next(c for c in _read(text)["collections"] if c["name"] == "events")
    fields = {f["name"]: f for f in events["files"][0]["fields"][0]["fields"]}
    options = fields["organisers"]["field"]["options"]
    assert {"label": "SEEP Network (organisations)", "value": "seep"} in options
    assert any(o["label"].endswith("(members)") for o in options)


def test_translations_and_pages_have_their_collections():
    names = [c["name"] for c in editor_config(languages=("es", "fr"))["collections"]]
    assert "tools_fr" in names and "topics_es" in names and "pages" in names
    assert "members_fr" in names  # every collection members read is translated
