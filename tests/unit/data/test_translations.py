"""Translations as data (sphub.data.translations): each wrong translation is an error with
file and line; an out-of-date one a warning; the translated Site carries the text and the
state of each entry; stamping records the English a translation was made from."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from sphub.data.errors import DataError
from sphub.data.load import load_site
from sphub.data.translations import (
    FALLBACK,
    OUTDATED,
    check_translations,
    entry_hash,
    languages,
    page_problems,
    search_problems,
    page_state,
    stamp,
    unstamped,
    translate,
)
from tests_paths import ROOT

TOOLS_FR = """\
tools:
  - id: universal-standards
    name: Normes universelles pour la gestion de la performance sociale
    purpose: Ce que fait une institution.
    when_to_use: Tout au long de la stratégie.
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("translations"))
    return tmp_path / "data"


def write(data: Path, language: str, file: str, text: str) -> Path:
    path = data / "translations" / language / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(p) for p in caught.value.problems]


def test_languages_are_english_then_each_folder(data):
    assert languages(data) == ("en",)
    write(data, "fr", "tools.yml", TOOLS_FR)
    write(data, "es", "tools.yml", TOOLS_FR.replace("Normes", "Normas"))
    assert languages(data) == ("en", "es", "fr")


def test_translated_site_carries_the_text_and_each_state(data):
    write(data, "fr", "tools.yml", TOOLS_FR)
    site = load_site(data)
    french = translate(site, "fr")
    assert french.language == "fr" and site.language == "en"
    standards = french.tools["universal-standards"]
    assert standards.name.startswith("Normes universelles")
    assert standards.owners == site.tools["universal-standards"].owners  # not translated
    assert site.tools["universal-standards"].name.startswith("Universal Standards")
    # Parts and versions were left out: the entry is shown partly in English.
    assert french.translation_state(standards) == FALLBACK
    assert french.translation_state(french.tools["cerise-spi"]) == FALLBACK  # not translated
    assert site.translation_state(site.tools["cerise-spi"]) is None
    # A member with no translation is shown in English, with the note.
    member = next(iter(french.members.values()))
    assert french.translation_state(member) == FALLBACK
    # Backlinks of the French site lead to French entries.
    option = next(o for o in french.strategy_options.values() if "universal-standards" in o.tools)
    assert french.referring(standards, "strategy_options")[0] is french.strategy_options[option.id]


def test_unstamped_then_stamped_then_outdated(data, tmp_path):
    path = write(data, "fr", "tools.yml", TOOLS_FR)
    site = load_site(data)
    assert [str(w).split(": ")[0] for w in site.warnings] == ["data/translations/fr/tools.yml:2"]
    assert "--stamp fr" in str(site.warnings[0])
    docs = tmp_path / "docs"
    docs.mkdir()
    waiting = unstamped(data, docs, site.translations, "fr")
    assert [str(w) for w in waiting] == [
        "data/translations/fr/tools.yml:2 tools:universal-standards"
    ]
    stamp(data, docs, waiting)
    stamped = path.read_text(encoding="utf-8").splitlines()
    assert stamped[1] == "  - id: universal-standards"
    assert (
        stamped[2].startswith("    translated_from: ")
        and len(stamped[2].split()[-1].strip('"')) == 12
    )
    site = load_site(data)
    assert site.warnings == []
    # An id or a reference changing in English leaves the translation current; text does not.
    english = data / "tools.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("owners: [sptf]", "owners: [sptf, cerise]", 1))
    assert load_site(data).warnings == []
    english.write_text(text.replace("The industry's shared statement", "The shared statement", 1))
    site = load_site(data)
    (warning,) = site.warnings
    assert str(warning).startswith("data/translations/fr/tools.yml:3: tools[1].translated_from:")
    line = text.splitlines().index("  - id: universal-standards") + 1
    assert f"data/tools.yml:{line} changed after it was translated" in str(warning)
    write(
        data,
        "fr",
        "tools.yml",
        path.read_text(encoding="utf-8")
        + textwrap.indent("- id: cerise-spi\n  name: SPI\n  purpose: x\n  when_to_use: y\n", "  "),
    )
    site = load_site(data)
    full = translate(site, "fr")
    assert full.translation_state(full.tools["universal-standards"]) == FALLBACK  # parts left out
    # Re-stamping rewrites the existing line, and adds one to the new entry.
    stamp(data, docs, unstamped(data, docs, site.translations, "fr"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sum(line.strip().startswith("translated_from:") for line in lines) == 2
    assert load_site(data).warnings == []


GOLDEN = [
    # (file, text, expected line prefix and words)
    (
        "tools.yml",
        TOOLS_FR + "    kind: audit\n",
        "data/translations/fr/tools.yml:6: tools[1].kind: expected only text for readers",
    ),
    (
        "tools.yml",
        TOOLS_FR + "    purpos: x\n",
        "data/translations/fr/tools.yml:6: tools[1].purpos: expected a field that is translated "
        "(did you mean 'purpose'?)",
    ),
    (
        "tools.yml",
        TOOLS_FR + "    versions: [a]\n",
        "data/translations/fr/tools.yml:6: tools[1].versions: expected a list of 3 lines",
    ),
    (
        "tools.yml",
        TOOLS_FR + "    parts:\n      - name: Un\n",
        "data/translations/fr/tools.yml:6: tools[1].parts: expected 6 items",
    ),
    (
        "tools.yml",
        "tools:\n  - id: universal-standard\n    name: x\n",
        "data/translations/fr/tools.yml:2: tools[1].id: expected the id of an entry in "
        "data/tools.yml (did you mean 'universal-standards'?), got 'universal-standard'",
    ),
    (
        "tools.yml",
        TOOLS_FR + '    acronym: "a\\nb"\n',
        "data/translations/fr/tools.yml:6: tools[1].acronym: expected text on one line",
    ),
    (
        "tools.yml",
        TOOLS_FR + TOOLS_FR.split("\n", 1)[1],
        "data/translations/fr/tools.yml:6: tools[2].id: expected each entry translated once",
    ),
    (
        "tree.yml",
        "tree:\n  - id: awareness\n    short: Connaissance\n    question: Q ?\n    options:\n"
        "      - id: neww\n        label: C'est nouveau\n",
        "data/translations/fr/tree.yml:6: tree[1].options[1].id: expected the id of one of the "
        "English items (new, heard, some, strong), got 'neww'",
    ),
    (
        "tree.yml",
        "tree:\n  - id: awareness\n    short: Une étiquette bien trop longue pour le diagramme\n"
        "    question: Q ?\n    options:\n"
        + "".join(
            f"      - id: {o}\n        label: {o}\n        because: {o}\n"
            for o in ("new", "heard", "some", "strong")
        ),
        "data/translations/fr/tree.yml:3: tree[1].short: expected a short label of at most 40",
    ),
    (
        "resources.yml",
        "resources:\n  - id: project-note-1-2010\n    description: Une note.\n"
        "    how_to_obtain: Demandez-la.\n    confirmed_by: une page\n",
        "data/translations/fr/resources.yml:5: resources[1].confirmed_by: expected only text for "
        "readers",
    ),
    (
        "tool.yml",
        "tools: []\n",
        "data/translations/fr/tool.yml:1: (file): expected the translation of a guidance file "
        "(did you mean 'tools.yml'?)",
    ),
]


@pytest.mark.parametrize("file, text, expected", GOLDEN, ids=[g[2].split(": ")[1] for g in GOLDEN])
def test_each_wrong_translation_is_an_error_at_its_line(data, file, text, expected):
    write(data, "fr", file, text)
    problems = problems_of(data)
    assert any(p.startswith(expected) for p in problems), problems


def test_an_unknown_language_is_an_error(data):
    write(data, "xq", "tools.yml", TOOLS_FR)
    assert problems_of(data) == [
        "data/translations/xq:1: (folder): expected a folder named by an ISO 639-1 language "
        "code, like 'fr' or 'es', got 'xq'"
    ]


def test_translations_are_checked_with_the_english_errors(data):
    """All problems at once: an English mistake does not hide a translation's."""
    write(data, "fr", "tools.yml", TOOLS_FR + "    kind: audit\n")
    members = data / "members.yml"
    members.write_text(members.read_text(encoding="utf-8").replace("country: PK", "country: XX", 1))
    problems = problems_of(data)
    assert any(p.startswith("data/members.yml:") for p in problems)
    assert any(p.startswith("data/translations/fr/tools.yml:6:") for p in problems)


def test_pages_missing_current_and_outdated(tmp_path, data):
    docs = tmp_path / "docs"
    docs.mkdir()
    english = docs / "about.md"
    english.write_text("# About\n\nText.\n", encoding="utf-8")
    assert page_state(english, None) == FALLBACK
    french = docs / "about.fr.md"
    french.write_text("---\ntitle: À propos\n---\n# À propos\n", encoding="utf-8")
    assert page_state(english, french) == OUTDATED  # no hash yet: it may be
    (docs / "about.de.md").write_text("# Über\n", encoding="utf-8")
    (docs / "gone.fr.md").write_text("# Parti\n", encoding="utf-8")
    errors, warnings = page_problems(docs, ("en", "fr"))
    assert [str(e) for e in errors] == [
        "docs/about.de.md:1: (file): expected a page in one of the site's languages (fr), "
        "got '.de.md'",
        "docs/gone.fr.md:1: (file): expected the translation of an English page (gone.md), "
        "got no such English page",
    ]
    assert [str(w).split(": ")[0] for w in warnings] == ["docs/about.fr.md:1"]
    write(data, "fr", "tools.yml", TOOLS_FR)
    site = load_site(data)
    assert "docs/about.fr.md" in [
        Path(c).as_posix()[-len("docs/about.fr.md") :]
        for c in _stamped_names(data, docs, site, "fr")
    ]
    assert french.read_text(encoding="utf-8").startswith("---\ntitle: À propos\ntranslated_from: ")
    assert page_state(english, french) is None
    english.write_text("# About\n\nNew text.\n", encoding="utf-8")
    assert page_state(english, french) == OUTDATED
    _, warnings = page_problems(docs, ("en", "fr"))
    assert [str(w).split(": ")[0] for w in warnings] == ["docs/about.fr.md:3"]


def test_check_translations_without_a_folder_is_english_only(data):
    site = load_site(data)
    assert check_translations(data, [], str, "data").languages == ("en",)
    assert site.languages == ("en",) and site.warnings == []


def test_the_translation_schema_takes_a_translation_and_refuses_a_choice():
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "schemas/translations/tools.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(TOOLS_FR), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(TOOLS_FR + "    kind: audit\n"), schema)


def test_a_hash_of_digits_alone_is_written_so_it_reads_back_as_text():
    import yaml

    from sphub.data.translations import _stamped

    text = _stamped("tools:\n  - id: x\n    name: y\n", {2: (None, "123456789012")})
    assert yaml.safe_load(text)["tools"][0]["translated_from"] == "123456789012"


def test_translations_of_an_unreadable_english_file_wait_for_it(data):
    """Every id would look unknown: the translations are checked once the English reads."""
    write(data, "fr", "tools.yml", TOOLS_FR)
    (data / "tools.yml").write_text("tools:\n  - id: [\n", encoding="utf-8")
    problems = problems_of(data)
    assert problems and all(p.startswith("data/tools.yml:") for p in problems), problems


def test_a_translation_keeps_its_pages_search_setting(tmp_path):
    """A page for maintainers is left out of the members' search in every language: its
    translation without the English page's `search:` is an error, and so is one that adds it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "engines.md").write_text("---\nsearch:\n  exclude: true\n---\n# Engines\n")
    (docs / "engines.fr.md").write_text('---\ntranslated_from: "x"\n---\n# Moteurs\n')
    (docs / "engines.es.md").write_text("---\nsearch:\n  exclude: true\n---\n# Motores\n")
    (docs / "about.md").write_text("# About\n")
    (docs / "about.fr.md").write_text("---\nsearch:\n  exclude: true\n---\n# À propos\n")
    errors, _ = page_problems(docs, ("en", "es", "fr"))
    assert [str(e) for e in errors] == [
        "docs/about.fr.md:1: search: expected the same `search:` as docs/about.md (none), "
        'got {"exclude": true}',
        "docs/engines.fr.md:1: search: expected the same `search:` as docs/engines.md "
        '({"exclude": true}), got none',
    ]
    # The build checks the languages the site has: a site without French builds no French.
    assert search_problems(docs, ("en", "fr")) == errors
    assert search_problems(docs, ("en", "es")) == []


def test_a_name_is_shown_as_published_where_no_translation_gives_it(data):
    # A member's name and acronym are Names: its translation gives only the description.
    digest = entry_hash(load_site(data).members["pmn"])
    write(
        data,
        "fr",
        "members.yml",
        f'members:\n  - id: pmn\n    translated_from: "{digest}"\n'
        "    description: Le réseau du Pakistan.\n    source: Page du SPWG Asie, 2012\n",
    )
    site = load_site(data)
    french = translate(site, "fr")
    member = french.members["pmn"]
    assert member.description == "Le réseau du Pakistan."
    assert member.name == site.members["pmn"].name
    assert french.translation_state(member) is None  # nothing shown in English but its name
    # Where a translation does give a name (the Swiss agency's), it is shown.
    write(
        data,
        "fr",
        "organisations.yml",
        "organisations:\n  - id: sdc\n    name: Direction du développement et de la coopération\n"
        "    acronym: DDC\n",
    )
    french = translate(load_site(data), "fr")
    assert french.organisations["sdc"].acronym == "DDC"


def _stamped_names(data, docs, site, language) -> list[str]:
    chosen = unstamped(data, docs, site.translations, language)
    stamp(data, docs, chosen)
    return [c.name for c in chosen]
