"""The editing server's protocol reads and writes the data files only; each refusal is one
line that says why."""

from __future__ import annotations

import os
import shutil

import pytest
import yaml

from sphub.editor.api import CHANGED, handle
from sphub.editor.saving import version_of
from tests.conftest import ROOT


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text("site_name: secret\n")
    return tmp_path


def _version(path) -> str:
    return version_of(path.read_bytes())


def _persist(path: str, raw: str, version: str | None) -> dict:
    return {
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": path, "raw": raw, "version": version}]},
    }


def _one_line(answer) -> str:
    error = answer.body["error"]
    assert "\n" not in error
    return error


def test_info_names_the_local_backend(root):
    answer = handle(root, {"action": "info"})
    assert answer.status == 200
    assert answer.body == {"repo": root.name, "publish_modes": ["simple"], "type": "local_fs"}


def test_a_data_file_is_read_with_its_text(root):
    answer = handle(root, {"action": "getEntry", "params": {"path": "data/members.yml"}})
    assert answer.status == 200
    assert answer.body["data"] == (root / "data" / "members.yml").read_text(encoding="utf-8")
    files = [{"path": "data/events.yml", "label": "Events"}]
    [entry] = handle(root, {"action": "entriesByFiles", "params": {"files": files}}).body
    assert entry["file"]["path"] == "data/events.yml" and entry["file"]["label"] == "Events"


@pytest.mark.parametrize(
    "path, why",
    [
        ("mkdocs.yml", "outside data/"),
        ("site/index.html", "outside data/"),
        ("data/../mkdocs.yml", "goes up a folder"),
        ("../etc/passwd", "goes up a folder"),
        ("/etc/passwd", "absolute path"),
        ("C:\\data\\members.yml", "absolute path"),
        ("data/notes.yml", "not one of the data files"),
        ("data/translations/fr/notes.yml", "not one of the data files"),
        ("data/translations/de/tools.yml", "no language 'de'"),
        ("data/translations/fr/x/tools.yml", "in a folder under data/"),
    ],
)
def test_a_path_that_is_not_a_data_file_is_refused(root, path, why):
    for request in [
        {"action": "getEntry", "params": {"path": path}},
        {"action": "persistEntry", "params": {"dataFiles": [{"path": path, "raw": "x: 1\n"}]}},
    ]:
        answer = handle(root, request)
        assert answer.status in (400, 403)
        assert why in _one_line(answer)
    assert (root / "mkdocs.yml").read_text() == "site_name: secret\n"


def test_a_symbolic_link_is_refused(root, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "members.yml"
    outside.write_text("members: []\n")
    (root / "data" / "members.yml").unlink()
    os.symlink(outside, root / "data" / "members.yml")
    for request in [
        {"action": "getEntry", "params": {"path": "data/members.yml"}},
        {
            "action": "persistEntry",
            "params": {"dataFiles": [{"path": "data/members.yml", "raw": "members: []\n"}]},
        },
    ]:
        answer = handle(root, request)
        assert answer.status == 403 and "symbolic link" in _one_line(answer)
    assert outside.read_text() == "members: []\n"


def test_media_deletion_and_renames_are_refused(root):
    for action in ["deleteFile", "deleteFiles", "persistMedia", "getMediaFile"]:
        answer = handle(root, {"action": action, "params": {"path": "data/members.yml"}})
        assert answer.status == 403 and "only edits data files" in _one_line(answer)
    move = {"path": "data/members.yml", "newPath": "data/old.yml", "raw": "members: []\n"}
    answer = handle(root, {"action": "persistEntry", "params": {"dataFiles": [move]}})
    assert answer.status == 403 and "renamed" in _one_line(answer)
    assert (root / "data" / "members.yml").is_file()
    assert handle(root, {"action": "whatever"}).status == 422


def test_a_save_with_a_problem_lists_sphubs_problems_and_writes_nothing(root):
    path = root / "data" / "members.yml"
    before = path.read_text(encoding="utf-8")
    values = yaml.safe_load(before)
    values["members"][0]["region"] = "atlantis"
    raw = yaml.safe_dump(values)
    answer = handle(root, _persist("data/members.yml", raw, _version(path)))
    assert answer.status == 422
    first, last = answer.body["error"].split("\n")
    name = values["members"][0]["name"]
    assert first.startswith(f"Member '{name}', Region: expected ") and "atlantis" in first
    assert last == "1 problem in the data; nothing was saved."
    assert path.read_text(encoding="utf-8") == before


def test_a_file_is_given_with_its_version_and_a_save_from_an_older_one_is_refused(root):
    path = root / "data" / "events.yml"
    read = handle(root, {"action": "getEntry", "params": {"path": "data/events.yml"}}).body
    assert read["file"]["id"] == _version(path)
    values = yaml.safe_load(read["data"])
    values["events"][0]["title"] = "Renamed in the form"
    path.write_text(path.read_text(encoding="utf-8") + "# changed in a text editor\n")
    changed = path.read_bytes()
    answer = handle(root, _persist("data/events.yml", yaml.safe_dump(values), read["file"]["id"]))
    assert answer.status == 409 and _one_line(answer) == CHANGED
    assert path.read_bytes() == changed
    unstated = handle(root, _persist("data/events.yml", yaml.safe_dump(values), None))
    assert unstated.status == 409 and "which version" in _one_line(unstated)
    assert path.read_bytes() == changed
    saved = handle(root, _persist("data/events.yml", yaml.safe_dump(values), _version(path)))
    assert saved.status == 200 and saved.body["version"] == _version(path)
    assert "Renamed in the form" in path.read_text(encoding="utf-8")


def test_a_refusal_names_the_entry_and_the_field_as_the_form_shows_them(root):
    path = root / "data" / "events.yml"
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = values["events"][1]
    event["organisers"] = [*event.get("organisers", []), "no-such-organiser"]
    answer = handle(root, _persist("data/events.yml", yaml.safe_dump(values), _version(path)))
    assert answer.status == 422
    first = answer.body["error"].split("\n")[0]
    count = len(event["organisers"])
    assert first.startswith(f"Event '{event['title']}', Organisers {count}: expected "), first
    assert "no-such-organiser" in first


@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", "ce fichier a changé depuis que vous l'avez ouvert\u00a0: rechargez la page"),
        ("es", "este archivo cambió desde que lo abrió: vuelva a cargar la página"),
        ("de", CHANGED),  # no catalogue: English
    ],
)
def test_the_servers_messages_are_in_the_editors_language(root, language, words):
    path = root / "data" / "topics.yml"
    request = _persist("data/topics.yml", "topics: []\n", "0" * 64)
    request["params"]["language"] = language
    answer = handle(root, request)
    assert answer.status == 409 and _one_line(answer) == words
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    values["topics"][0]["name"] = ""
    request = _persist("data/topics.yml", yaml.safe_dump(values), _version(path))
    request["params"]["language"] = "fr"
    *problems, last = handle(root, request).body["error"].split("\n")
    assert len(problems) > 1
    assert last == f"{len(problems)} problèmes dans les données\u00a0; rien n'a été enregistré."
