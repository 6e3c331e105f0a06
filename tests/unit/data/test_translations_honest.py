"""Translations that look fine and are not: English left in a translation is a warning with
file and line; a field left out is listed; stamping is per file or per entry, and says what
it stamps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphub.cli import main
from sphub.data.load import load_site
from sphub.data.translations import english_left
from tests_paths import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_the_shipped_translations_raise_no_warning():
    assert load_site(ROOT / "data").translations.warnings == []


def test_english_pasted_into_a_translation_is_a_warning_with_file_and_line(project):
    tree = project / "data" / "translations" / "fr" / "tree.yml"
    text = tree.read_text(encoding="utf-8")
    french = next(row for row in text.splitlines() if row.startswith("    question: Qui demande"))
    english = "    question: Who is asking your network to work on social performance?"
    tree.write_text(text.replace(french, english, 1), encoding="utf-8")
    line = text[: text.index(french)].count("\n") + 1
    warnings = [str(w) for w in load_site(project / "data").translations.warnings]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"data/translations/fr/tree.yml:{line}: tree[")
    assert warnings[0].endswith("got the English text as it is")


def test_detection_of_english():
    assert english_left("The network asks its members for data.", None)
    assert english_left("Le réseau demande des données à ses membres.", None) is None
    assert english_left("La red pide datos a sus miembros.", None) is None
    # A name kept in English, or a title cited in quotes, is not a warning.
    assert english_left("Progress out of Poverty Index", "Progress out of Poverty Index") is None
    assert english_left("« Integrating SPM into the network: the case of X », 2009", None) is None


def test_a_translated_answer_without_its_because_is_listed(project, capsys):
    tree = project / "data" / "translations" / "fr" / "tree.yml"
    text = tree.read_text(encoding="utf-8")
    line = "        because: la gestion de la performance sociale est nouvelle pour votre réseau\n"
    assert line in text
    tree.write_text(text.replace(line, "", 1), encoding="utf-8")
    site = load_site(project / "data")
    partial = [t for t in site.translations.entries["fr"].values() if t.untranslated]
    assert any(any("because" in u for u in t.untranslated) for t in partial)
    main(["translations", "--data", str(project / "data"), "--docs", str(project / "docs")])
    out = capsys.readouterr().out
    assert any(
        "partly in English: data/translations/fr/tree.yml:" in row and "because" in row
        for row in out.splitlines()
    )


def _args(project: Path, *more: str) -> list[str]:
    return ["translations", "--data", str(project / "data"), "--docs", str(project / "docs"), *more]


def test_stamping_names_what_it_stamps_per_file_or_per_entry(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    topics = project / "data" / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    topics.write_text(
        text.replace("such as CERISE's SPI.", "such as CERISE's SPI4.", 1), encoding="utf-8"
    )
    tools = project / "data" / "tools.yml"
    tools.write_text(tools.read_text(encoding="utf-8").replace("The ", "This ", 1), "utf-8")
    fr_topics = project / "data" / "translations" / "fr" / "topics.yml"
    before = fr_topics.read_text(encoding="utf-8")
    # Named nothing: lists what could be stamped, stamps nothing.
    assert main(_args(project, "--stamp", "fr")) == 1
    captured = capsys.readouterr()
    waiting = [r for r in captured.out.splitlines() if r.startswith("  not stamped: ")]
    assert any("topics.yml" in r and "topics:social-audits" in r for r in waiting)
    assert any("data/translations/fr/tools.yml" in r for r in waiting)
    assert fr_topics.read_text(encoding="utf-8") == before
    # One entry: only its hash changes.
    assert main(_args(project, "--stamp", "fr", "topics:social-audits")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("stamped data/translations/fr/topics.yml:") and out[-1] == "1 stamped."
    after = fr_topics.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1 and "translated_from" in changed[0][1]
    # A file: every entry of it that needs one; the tools stay unstamped.
    main(_args(project, "--stamp", "fr", "data/translations/fr/tools.yml"))
    out = capsys.readouterr().out.splitlines()
    assert out and all("tools" in row for row in out[:-1])
    assert main(_args(project, "--stamp", "fr")) == 0  # nothing left to stamp
    assert capsys.readouterr().err.startswith("0 translations of fr to stamp.")
    assert main(_args(project, "--stamp", "fr", "data/translations/fr/nothing.yml")) == 1
