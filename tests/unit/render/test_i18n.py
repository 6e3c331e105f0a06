"""The message catalogues: the template (.pot) is current, French and Spanish translate every
message with the same placeholders and markup, and dates and names read in each language."""

from __future__ import annotations

import re

import pytest

from sphub.outputs.pdf import page_words_css
from sphub.render import i18n
from sphub.render.text import Words, country_name, language_name, when

LANGUAGES = ["fr", "es"]


def test_template_is_current():
    assert i18n.TEMPLATE.read_text(encoding="utf-8") == i18n.template_text(), (
        "sphub/locale/sphub.pot is stale: run `.venv/bin/python -m sphub.render.i18n`, "
        "then translate the new messages in sphub/locale/*/LC_MESSAGES/sphub.po"
    )


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sd]", text))


def _tags(text: str) -> list[str]:
    return sorted(re.findall(r"</?[a-z]+", text))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_translated_with_its_placeholders(lang):
    template = i18n.read_catalogue(i18n.TEMPLATE)
    catalogue = i18n.read_catalogue(i18n.catalogue_file(lang))
    problems = []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id)
        if (
            found is None
            or found.fuzzy
            or not all(found.string if isinstance(found.string, tuple) else [found.string])
        ):
            problems.append(f"not translated: {message.id!r}")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        for string in strings:
            if _placeholders(string) != _placeholders(ids[-1]) or _tags(string) != _tags(ids[0]):
                problems.append(f"placeholders or markup differ: {message.id!r} -> {string!r}")
    assert problems == []


@pytest.mark.parametrize(
    "lang, value, words",
    [
        ("fr", "2012-02-20/2012-02-22", "20–22 février 2012"),
        ("es", "2012-02-20/2012-02-22", "20–22 de febrero de 2012"),
        ("fr", "2012-03/2012-11", "mars – novembre 2012"),
        ("es", "2012-01-30/2012-02-02", "30 de enero – 2 de febrero de 2012"),
        ("fr", "2012-12", "décembre 2012"),
        ("en", "2012-02-20/2012-02-22", "20–22 February 2012"),
    ],
)
def test_dates_in_each_language(lang, value, words):
    gettext = i18n.translations(lang).gettext
    assert when(value, lang, gettext) == words


def test_names_in_each_language():
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("DE", "es") == "Alemania"
    assert country_name("LA") == "Laos"
    assert language_name("en", "fr") == "anglais"
    assert language_name("fr", "es") == "francés"
    assert i18n.language_name("fr") == "Français"
    assert i18n.language_name("es") == "Español"


def test_labels_and_words():
    french = Words("fr", i18n.translations("fr").gettext)
    assert french.label("national-association") == "Association nationale"
    assert french.label("case_studies") == "Études de cas"
    assert Words().label("case_studies") == "Case studies"
    assert french("%(region)s work plan %(year)s", region="SPWG Asia", year=2012) == (
        "Plan de travail 2012, SPWG Asia"
    )


def test_page_numbers_in_the_book_language():
    assert '"Page " counter(page) " sur " counter(pages)' in page_words_css(
        i18n.translations("fr").gettext
    )
    assert '"Página " counter(page) " de " counter(pages)' in page_words_css(
        i18n.translations("es").gettext
    )


def test_a_project_catalogue_comes_first(tmp_path):
    folder = tmp_path / "pt" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "sphub.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Back"\nmsgstr "Voltar"\n',
        encoding="utf-8",
    )
    assert i18n.translations("pt", tmp_path).gettext("Back") == "Voltar"
    assert i18n.translations("pt").gettext("Back") == "Back"  # no catalogue: English
    assert i18n.translations("en", tmp_path).gettext("Back") == "Back"


def test_no_catalogue_holds_another_language():
    """A message's Spanish is not its French (a merge once filled one catalogue from the other):
    where both are translated and differ from the English, they differ from each other, short
    names and formats apart."""
    from babel.messages.pofile import read_po

    catalogues = {}
    for language in ("fr", "es"):
        with i18n.catalogue_file(language).open("rb") as stream:
            catalogues[language] = {m.id: m.string for m in read_po(stream) if m.id}
    same = [
        message
        for message, french in catalogues["fr"].items()
        if isinstance(french, str)
        and french == catalogues["es"].get(message)
        and french != message
        and len(french.split()) > 2
    ]
    assert same == []
