"""Every count in the catalogue's plural forms, for 0, 1 and 2 of each counted thing; sizes,
numbers and dates in the language's own forms (Babel, and "1er" for the first day of a
month in French)."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from babel.messages.pofile import read_po

from sphub.data.load import load_site
from sphub.data.translations import translate
from sphub.render import i18n
from sphub.render.renderer import Renderer
from sphub.render.text import Words, event_dates
from tests_paths import FRAGMENTS, ROOT

# Which form each language shows for 0, 1 and 2 (0: the singular's, 1: the plural's): French
# counts 0 as one, Spanish and English as many.
FORMS = {"en": (1, 0, 1), "fr": (0, 0, 1), "es": (1, 0, 1)}


def _plural_messages() -> list[tuple[str, str]]:
    with i18n.TEMPLATE.open("rb") as stream:
        catalogue = read_po(stream)
    return [tuple(m.id) for m in catalogue if m.id and isinstance(m.id, tuple)]


def test_the_catalogue_has_counted_messages():
    ids = _plural_messages()
    assert ("%(num)d work plan", "%(num)d work plans") in ids
    assert len(ids) >= 8


def _catalogue(lang: str):
    with i18n.catalogue_file(lang).open("rb") as stream:
        return read_po(stream)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_counted_message_has_its_form_for_0_1_and_2(lang):
    translations = i18n.translations(lang)
    for singular, plural in _plural_messages():
        if lang == "en":
            forms = (singular, plural)
        else:
            forms = (
                translations.ngettext(singular, plural, 1),
                translations.ngettext(singular, plural, 5),
            )
            # Translated: the catalogue gives every form.
            assert all(_catalogue(lang)[singular].string), (lang, singular)
        for n, form in zip((0, 1, 2), FORMS[lang], strict=True):
            assert translations.ngettext(singular, plural, n) == forms[form], (lang, singular, n)


@pytest.fixture(scope="module")
def counted_site(tmp_path_factory):
    """The shipped data with no member in Africa, one in Latin America and two in Eastern
    Europe (and Asia's other members as they are)."""
    data = tmp_path_factory.mktemp("plural") / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "members.yml").read_text(encoding="utf-8")
    moved = iter(["latin-america", "eastern-europe", "eastern-europe"])
    text = re.sub(r"(?m)^    region: asia$", lambda m: f"    region: {next(moved, 'asia')}", text)
    (data / "members.yml").write_text(text, encoding="utf-8")
    return load_site(data)


WORDS = {
    "en": ("0 member networks", "1 member network", "2 member networks", "1 work plan"),
    "fr": ("0 réseau membre", "1 réseau membre", "2 réseaux membres", "1 plan de travail"),
    "es": ("0 redes miembro", "1 red miembro", "2 redes miembro", "1 plan de trabajo"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_region_list_counts_0_1_and_2(counted_site, lang):
    renderer = Renderer(translate(counted_site, lang), FRAGMENTS)
    html = renderer.render("region_list.html", "regions/index.md")
    items = re.findall(r"<li>.*?</li>", html)
    none, one, two, plan = WORDS[lang]
    assert any(none + "," in item for item in items), items
    assert any(one + "," in item for item in items), items
    assert any(two + "," in item for item in items), items
    assert any(item.endswith(plan + "</li>") for item in items), items


@pytest.mark.parametrize(
    "lang, shown",
    [
        ("en", ("Showing 0 of", "Showing 1 of", "Showing 2 of")),
        (
            "fr",
            ("0 réseau membre affiché", "1 réseau membre affiché", "2 réseaux membres affichés"),
        ),
        ("es", ("Se muestran 0 de", "Se muestra 1 de", "Se muestran 2 de")),
    ],
)
def test_the_directory_script_gets_the_plural_forms(counted_site, lang, shown):
    renderer = Renderer(translate(counted_site, lang), FRAGMENTS)
    table = renderer.plural_table(
        "Showing %(num)s of %(total)s member networks.",
        "Showing %(num)s of %(total)s member networks.",
        2,
        total=14,
    )
    for n, start in enumerate(shown):
        form = table["forms"][int(table["index"][n])].replace("{num}", str(n))
        assert form.startswith(start), (lang, n, form)


def test_sizes_numbers_and_first_days_in_the_language():
    def words(lang):
        translations = i18n.translations(lang)
        return Words(lang, translations.gettext, translations.ngettext)

    assert words("en").size(612 * 1024) == "612 kB"
    assert words("fr").size(612 * 1024) == "612\u202fko"  # a narrow no-break space
    assert words("fr").size(1300000) == "1,2\u202fMo"
    assert words("fr").number(1234) == "1\u202f234"
    first = date(2026, 12, 1)
    assert event_dates(first, None, "fr") == "1er décembre 2026"
    assert event_dates(first, date(2026, 12, 3), "fr") == "1er–3 décembre 2026"
    assert event_dates(date(2026, 12, 2), None, "fr") == "2 décembre 2026"
    assert event_dates(first, None, "en") == "1 December 2026"
    assert event_dates(first, None, "es") == "1 de diciembre de 2026"
