"""The glossary's checks in the translations: a French form given to two terms is reported at
its own line of the French file (the English file's checks are golden cases, tests/golden/)."""

from __future__ import annotations

import pytest

from sphub.data.errors import DataError
from sphub.data.load import load_site


def test_a_translated_form_of_two_terms_is_reported_at_its_line(data_copy):
    french = data_copy / "translations" / "fr" / "glossary.yml"
    text = french.read_text(encoding="utf-8")
    # MFI's French forms become the acronym of social performance management.
    assert text.count("    forms: [IMF, IMF]\n") == 1
    french.write_text(text.replace("    forms: [IMF, IMF]\n", "    forms: [IMF, GPS]\n"))
    line = text[: text.index("    forms: [IMF, IMF]")].count("\n") + 1
    spm_line = text[: text.index("  - id: spm\n")].count("\n") + 1
    with pytest.raises(DataError) as raised:
        load_site(data_copy)
    assert [str(p) for p in raised.value.problems] == [
        f"data/translations/fr/glossary.yml:{line}: glossary[22].forms[2]: expected a form that "
        f"belongs to no other term (a word shows one definition), got 'GPS', a form of 'spm' too "
        f"(line {spm_line})"
    ]


def test_a_translation_gives_one_form_for_each_english_form(data_copy):
    spanish = data_copy / "translations" / "es" / "glossary.yml"
    text = spanish.read_text(encoding="utf-8")
    spanish.write_text(text.replace("forms: [impulsor, impulsores]", "forms: [impulsor]"))
    with pytest.raises(DataError) as raised:
        load_site(data_copy)
    (problem,) = raised.value.problems
    assert problem.file == "data/translations/es/glossary.yml"
    assert problem.path == "glossary[7].forms"
    assert problem.expected.startswith("a list of 2 lines, one for each line of the English")
