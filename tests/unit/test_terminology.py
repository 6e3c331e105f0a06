"""The French and Spanish text uses one term per thing: every translation (data and pages) and
every msgstr of the catalogues is read against tests/fixtures/terminology.yml (preferred terms
and the wrong forms found before), and French text against French typography (a no-break space
before : ; ? ! and inside « »). A failure names the file, the line and what to write instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests_paths import ROOT

TABLE = ROOT / "tests" / "fixtures" / "terminology.yml"
LANGUAGES = ("fr", "es")
NO_BREAK = "\u00a0\u202f"


@dataclass(frozen=True)
class Fault:
    file: str
    line: int
    found: str
    why: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: '{self.found}': {self.why}"


def _blank(match: re.Match) -> str:
    """What a removed span leaves: its line breaks, so that line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def _yaml_text(source: str) -> str:
    """A translation file's text for readers: no comments, no keys, no `translated_from`."""
    lines = []
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#") or stripped.startswith(("id:", "- id:", "translated_from:")):
            lines.append("")
            continue
        lines.append(re.sub(r"^\s*(- )?[a-z_]+:(?=\s|$)( [>|]-?)?", "", line))
    return "\n".join(lines)


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_CODE = re.compile(r"```.*?```|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}", re.S)


def _page_text(source: str) -> str:
    """A page's prose: no front matter, no code, no macros, no admonition markers."""
    text = _FRONT_MATTER.sub(_blank, source)
    text = _CODE.sub(_blank, text)
    return re.sub(r"(?m)^\s*(!!!|\?\?\?\+?).*$", "", text)


def _catalogue_text(source: str) -> str:
    """The msgstr of a catalogue (the msgid are English; the header is not text), one line
    of text per line."""
    lines, in_msgstr, msgid = [], False, ""
    for line in source.split("\n"):
        if line.startswith("msgid"):
            msgid = ""
        if line.startswith("msgstr"):
            in_msgstr = bool(msgid)  # the header's msgid is empty
        elif not line.startswith('"'):
            in_msgstr = False
        elif not in_msgstr:
            msgid += line
        if line.startswith("msgid"):
            msgid = line.removeprefix("msgid").strip().strip('"')
        found = re.search(r'"(.*)"\s*$', line) if in_msgstr else None
        lines.append(found.group(1).replace('\\"', '"') if found else "")
    return "\n".join(lines)


def texts(language: str) -> dict[str, str]:
    """Every file in `language` (path from the project root) and its text for readers."""
    found = {}
    for path in sorted((ROOT / "data" / "translations" / language).glob("*.yml")):
        found[path] = _yaml_text(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "docs").rglob(f"*.{language}.md")):
        found[path] = _page_text(path.read_text(encoding="utf-8"))
    catalogue = ROOT / "sphub" / "locale" / language / "LC_MESSAGES" / "sphub.po"
    found[catalogue] = _catalogue_text(catalogue.read_text(encoding="utf-8"))
    return {str(p.relative_to(ROOT)): text for p, text in found.items()}


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _pattern(wrong: str) -> re.Pattern:
    return re.compile(wrong.replace(" ", r"\s+"))


def term_faults(language: str, table: dict, files: dict[str, str]) -> list[Fault]:
    faults = []
    for term in table["terms"]:
        instead = term.get(language) or term["en"]
        for wrong in term.get("wrong", {}).get(language, []):
            pattern = _pattern(wrong)
            for name, text in files.items():
                for match in pattern.finditer(text):
                    found = " ".join(match.group(0).split())
                    why = f"{term['why']}; write: {instead}"
                    faults.append(Fault(name, _line(text, match.start()), found, why))
    return faults


# Quoted text (« ») keeps its own punctuation: it is often an English title.
_QUOTED = re.compile(r"«[^»]*»", re.S)
# Addresses, link targets, code and markup are not prose.
_LINKS = re.compile(r"https?://\S+|\]\([^)]*\)|<code>.*?</code>|`[^`\n]*`|<[^>]+>")
_NO_SPACE_BEFORE = re.compile(rf"(?<=[^\s{NO_BREAK}:/])[:;?!](?=\s|$)")
_PLAIN_SPACE_BEFORE = re.compile(r"(?<=\S) [:;?!](?=\s|$)")
_BARE_GUILLEMET = re.compile(rf"«(?![{NO_BREAK}])|(?<![{NO_BREAK}])»")


def typography_faults(files: dict[str, str]) -> list[Fault]:
    faults = []
    for name, text in files.items():
        for match in _BARE_GUILLEMET.finditer(text):
            why = "French typography: a no-break space inside « »"
            faults.append(Fault(name, _line(text, match.start()), match.group(0), why))
        prose = _LINKS.sub(_link_text, _QUOTED.sub(_keep_lines, text))
        for pattern in (_NO_SPACE_BEFORE, _PLAIN_SPACE_BEFORE):
            for match in pattern.finditer(prose):
                start = max(0, match.start() - 20)
                found = " ".join(prose[start : match.end()].split())
                why = "French typography: a no-break space (U+00A0) before : ; ? !"
                faults.append(Fault(name, _line(prose, match.start()), found, why))
    return faults


def _link_text(match: re.Match) -> str:
    """What a removed address, code or markup leaves: its line breaks, and a link its `]`
    (so that `[Guide](editing.md) :` is still a plain space before a colon)."""
    kept = "]" if match.group(0).startswith("](") else ""
    return kept + "\n" * match.group(0).count("\n")


def _keep_lines(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


@pytest.fixture(scope="module")
def table() -> dict:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def _report(faults: list[Fault]) -> str:
    return "\n".join(str(f) for f in faults)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wrong_term(language, table):
    pending = set(table["pending"])
    files = {n: t for n, t in texts(language).items() if n not in pending}
    faults = term_faults(language, table, files)
    assert not faults, "wrong terms (tests/fixtures/terminology.yml):\n" + _report(faults)


def test_french_typography(table):
    pending = set(table["pending"])
    files = {n: t for n, t in texts("fr").items() if n not in pending}
    faults = typography_faults(files)
    assert not faults, _report(faults)


def test_pending_files_still_have_a_fault(table):
    """A pending file without faults leaves the list (so that the check covers it again)."""
    clean = []
    for name in table["pending"]:
        language = Path(name).parent.name
        files = {name: texts(language)[name]}
        faults = term_faults(language, table, files)
        if language == "fr":
            faults += typography_faults(files)
        if not faults:
            clean.append(name)
    assert not clean, f"no fault left: remove from `pending` in {TABLE.name}: {clean}"


def test_every_wrong_form_is_a_valid_pattern(table):
    for term in table["terms"]:
        assert term["why"] and (term.get("fr") is not None or term.get("es") is not None)
        for language, forms in term.get("wrong", {}).items():
            assert language in LANGUAGES, f"{term['en']}: unknown language {language}"
            for wrong in forms:
                _pattern(wrong)  # raises re.error on a broken pattern


def test_the_check_finds_a_wrong_form_with_its_line(table):
    """The check reads what a reader reads, in each kind of file, at the right line."""
    translation = "# la maison du réseau: a comment, not read\nentries:\n  - id: x\n    name: >-\n"
    translation += "      Commencer par\n      la maison du réseau.\n"
    page = (
        "---\ntitle: x\n---\n# Titre\n\nLa `maison du réseau` en code.\nEt la Maison du réseau.\n"
    )
    catalogue = 'msgid "Own house"\nmsgstr ""\n"Une maison du "\n"réseau"\n'
    files = {
        "t.yml": _yaml_text(translation),
        "p.fr.md": _page_text(page),
        "c.po": _catalogue_text(catalogue),
    }
    found = [(f.file, f.line) for f in term_faults("fr", table, files)]
    assert found == [("t.yml", 6), ("p.fr.md", 7), ("c.po", 3)]


def test_the_typography_check_finds_a_plain_space_and_a_missing_space():
    text = "Moyen : du temps\nCoût: faible\nBon\u00a0: oui\n« Titre: en anglais »\nVoir https://x.org\n"
    text += "- [Guide](editing.md) : chaque fichier\n"
    found = [(f.line, f.found[-8:]) for f in typography_faults({"x": text})]
    assert [line for line, _ in found] == [4, 4, 2, 1, 6]
