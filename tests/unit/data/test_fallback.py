"""A text shown in English on a page of another language says so, in every output: typed as
such by the translated site (sphub.data.fallback), marked `lang="en"` with a label in the
page's language on pages, in drawings without the label, in calendars with LANGUAGE=en and
the label. Fixtures: tests/fixtures/translations/ (one event's title translated, its
description not; Asia's name translated)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from sphub.data.fallback import AsPublished, InEnglish, texts_in_english, untranslated
from sphub.data.load import load_site
from sphub.data.translations import translate
from sphub.models import COLLECTIONS
from sphub.outputs.calendars import calendar
from sphub.render import i18n
from sphub.render.markup import mark_english
from sphub.render.renderer import Renderer
from tests_paths import FRAGMENTS, ROOT

EVENT = "spi-training-bangkok-2012"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("fallback") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("translations"))
    shutil.copytree(ROOT / "tests/fixtures/translations", data / "translations")
    return load_site(data)


def test_missing_texts_are_typed_english_and_names_as_published(site):
    french = translate(site, "fr")
    event = french.events[EVENT]
    assert event.title == "Formation à l'outil d'audit social de CERISE (SPI)"
    assert type(event.title) is str  # translated: shown as it is
    assert isinstance(event.description, InEnglish)
    assert event.description == site.events[EVENT].description
    assert isinstance(event.place.city, AsPublished)  # a name: as published, no label
    other = next(e for e in french.events.values() if e.id != EVENT)
    assert isinstance(other.title, InEnglish)  # no translation at all
    asia = french.regions["asia"]
    assert asia.name == "Asie" and type(asia.name) is str
    assert isinstance(asia.group, AsPublished)
    # Nested texts: the work plan's activities have no translation.
    activity = french.workplans["asia-2012"].focus_areas[0].activities[0]
    assert isinstance(activity.title, InEnglish)
    # The English site is untouched.
    assert type(site.events[EVENT].description) is str


def test_texts_in_english_are_counted_per_file(site):
    french = translate(site, "fr")
    assert texts_in_english(french.events[EVENT]) == 1  # the description
    counts = untranslated(french, COLLECTIONS)
    assert counts["events.yml"] == sum(texts_in_english(e) for e in french.events.values())
    assert counts["events.yml"] > 1
    assert "topics.yml" in counts  # no topic translated in the fixtures
    # A text translated is not counted: Asia's name (its summary is).
    assert (
        texts_in_english(french.regions["asia"])
        == texts_in_english(translate(site, "es").regions["asia"]) - 1
    )


def _renderer(site, lang):
    return Renderer(translate(site, lang), FRAGMENTS)


@pytest.mark.parametrize("lang, label", [("fr", "(en anglais)"), ("es", "(en inglés)")])
def test_pages_mark_english_with_a_label_in_the_page_language(site, lang, label):
    renderer = _renderer(site, lang)
    assert renderer.in_english == label
    french = renderer.site
    event = french.events[EVENT]
    html = renderer.render("events.html", "events/x.md", entry=event, title=event.title)
    # The translated title is not marked; the description is, under the label.
    assert '<h1><span lang="en">' not in html
    assert (
        f'<div class="sphub-in-english-block"><p class="sphub-in-english">{label}</p>'
        '<div lang="en"><p>Members of SPWG Asia' in html
    )
    other = next(e for e in french.events.values() if e.id != EVENT)
    html = renderer.render("events.html", "events/x.md", entry=other, title=other.title)
    assert (
        f'<h1><span lang="en">{other.title}</span> <span class="sphub-in-english">{label}' in html
    )
    assert "\ufdd0" not in html and "\ufdd2" not in html  # no mark left


def test_a_mark_in_an_attribute_is_dropped_and_in_a_drawing_is_a_tspan():
    title = InEnglish("Asia & Co")
    html = (
        f'<a title="{title.__html__()}">{title.__html__()}</a>'
        f"<svg><text>{title.__html__()}</text></svg><p>{AsPublished('SPWG').__html__()}</p>"
    )
    assert mark_english(html, "(en anglais)") == (
        '<a title="Asia &amp; Co"><span lang="en">Asia &amp; Co</span> '
        '<span class="sphub-in-english">(en anglais)</span></a>'
        '<svg><text><tspan lang="en">Asia &amp; Co</tspan></text></svg>'
        '<p><span lang="en">SPWG</span></p>'
    )
    assert mark_english("<p>plain</p>", "x") == "<p>plain</p>"


def test_calendar_says_which_texts_are_in_english(site):
    french = translate(site, "fr")
    gettext = i18n.translations("fr").gettext
    events = list(french.events.values())
    ics = Calendar.from_ical(calendar(events, french, {}, lang="fr", gettext=gettext))
    by_id = {str(e["uid"]).split("@")[0]: e for e in ics.walk("VEVENT")}
    translated = by_id[EVENT]
    assert str(translated["summary"]) == "Formation à l'outil d'audit social de CERISE (SPI)"
    assert "LANGUAGE" not in translated["summary"].params
    assert str(translated["description"]).startswith("(en anglais)\n\nMembers of SPWG Asia")
    other = next(e for e in events if e.id != EVENT)
    summary = by_id[other.id]["summary"]
    assert str(summary) == f"{other.title} (en anglais)"
    assert summary.params["LANGUAGE"] == "en"


def test_an_untranslated_hand_written_page_is_marked_english():
    from sphub.engines.staging import in_english

    assert in_english("---\ntitle: X\n---\n# X\n") == (
        "---\ntitle: X\nsphub_in_english: true\n---\n# X\n"
    )
    assert in_english("# X\n").startswith("---\nsphub_in_english: true\n---\n")
    assert "sphub_in_english" in Path(ROOT / "overrides/main.html").read_text(encoding="utf-8")
