"""The glossary's tooltips: the abbreviations each language's build appends to the hand-written
pages, the first use of each term marked in the HTML sphub renders, and the Markdown of a page
made from data left whole with the abbreviations read after it."""

from __future__ import annotations

import markdown

from sphub.data.translations import translate
from sphub.engines.engine import with_abbreviations
from sphub.render.glossary import ABBREVIATIONS, abbreviations, tooltips, with_tooltips
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.renderer import Renderer
from tests_paths import FRAGMENTS

WORDS = {
    "SPM": ("spm", 'Social performance management (SPM): how "goals" & practice meet'),
    "MIX": ("mix", "Microfinance Information Exchange (MIX): a body"),
    "MIX SP indicators": ("mix-sp", "MIX social performance indicators: a set"),
    "point d'entrée": ("entry-point", "Point d'entrée : où commencer"),
    "social audit": ("social-audit", "Social audit: an assessment"),
    "Social audit": ("social-audit", "Social audit: an assessment"),
}


def test_first_use_of_each_term_is_marked_once():
    html = with_tooltips("<p>SPM and SPM.</p><p>Social audit, then a social audit.</p>", WORDS)
    assert html.count("<abbr") == 2
    assert html.startswith(
        '<p><abbr title="Social performance management (SPM): how &#34;goals&#34; &amp; '
        'practice meet">SPM</abbr> and SPM.</p>'
    )
    # One term, two forms: the capital one came first on the page.
    assert '<abbr title="Social audit: an assessment">Social audit</abbr>, then a social' in html


def test_nothing_is_marked_inside_links_headings_code_or_scripts():
    page = (
        '<h1>SPM</h1><h2>SPM</h2><table><tr><th scope="row">SPM</th></tr></table>'
        "<dl><dt>SPM</dt><dd><a>x</a></dd></dl>"
        '<p><a href="x/">SPM</a> <code>SPM</code></p>'
        "<script>var SPM = 1;</script><!-- SPM --><p>SPM</p>"
    )
    html = with_tooltips(page, WORDS)
    assert html.count("<abbr") == 1
    assert html.endswith(
        '<p><abbr title="Social performance management (SPM): how &#34;goals'
        '&#34; &amp; practice meet">SPM</abbr></p>'
    )
    assert html.startswith(page.removesuffix("<p>SPM</p>"))


def test_longest_form_wins_and_words_stand_alone():
    html = with_tooltips("<p>SPMs and MIXED, then MIX SP indicators and MIX.</p>", WORDS)
    assert "SPMs and MIXED" in html  # not a word of the glossary
    assert ">MIX SP indicators</abbr>" in html
    assert '<abbr title="Microfinance Information Exchange (MIX): a body">MIX</abbr>.' in html


def test_text_without_a_term_is_copied_as_written():
    page = '<p class="x">L&#39;IMF &amp; ses membres&nbsp;: rien ici.</p><br><img src="a.png"/>'
    assert with_tooltips(page, WORDS) == page
    assert with_tooltips(page, {}) == page


def test_a_form_with_an_apostrophe_matches_the_escaped_text():
    html = with_tooltips("<p>Un point d&#39;entrée.</p>", WORDS)
    assert (
        html
        == '<p>Un <abbr title="Point d&#39;entrée : où commencer">point d&#39;entrée</abbr>.</p>'
    )


def test_abbreviations_are_the_glossary_in_the_site_language(shipped):
    lines = abbreviations(shipped).splitlines()
    assert all(line.startswith("*[") and "]: " in line for line in lines)
    spm = next(line for line in lines if line.startswith("*[SPM]: "))
    assert spm.startswith("*[SPM]: Social performance management (SPM): How an institution")
    # A form starting with a small letter also stands for its capitalised spelling.
    assert any(line.startswith("*[Social audits]: Social audit: ") for line in lines)
    fr = translate(shipped, "fr")
    french = abbreviations(fr, Renderer(fr, FRAGMENTS).gettext)
    assert "*[GPS]: Gestion de la performance sociale (GPS)\u00a0: La façon dont" in french
    assert "*[points d'entrée]: Point d'entrée\u00a0: Le point de départ" in french
    assert "*[SPM]:" not in french


def test_each_word_shows_one_term(shipped):
    words = tooltips(shipped)
    assert words["SPI"][0] == words["SPI4"][0] == "spi"
    assert words["MIX"][0] == "mix" and words["MIX SP indicators"][0] == "mix-sp-indicators"


def test_the_abbreviations_are_appended_to_every_page_of_the_language(tmp_path):
    extensions = with_abbreviations(
        ["toc", {"pymdownx.snippets": {"base_path": "includes", "auto_append": ["links.md"]}}],
        tmp_path,
    )
    assert extensions == [
        "toc",
        "abbr",
        {
            "pymdownx.snippets": {
                "base_path": ["includes", str(tmp_path)],
                "auto_append": ["links.md", ABBREVIATIONS],
            }
        },
    ]
    assert with_abbreviations([], tmp_path)[-1] == {
        "pymdownx.snippets": {"base_path": [".", str(tmp_path)], "auto_append": [ABBREVIATIONS]}
    }


def test_a_data_page_stays_whole_and_its_appended_abbreviations_are_read():
    converter = markdown.Markdown(extensions=["abbr", "sphub.render.markup"])
    page = f"{FINISHED}\n<p>SPM, as finished HTML</p>\n{FINISHED_END}\n\n*[SPM]: Social perf"
    html = converter.convert(page)
    assert "<p>SPM, as finished HTML</p>" in html
    assert "*[SPM]" not in html and "<abbr" not in html  # sphub marks data pages itself
    written = markdown.Markdown(extensions=["abbr", "sphub.render.markup"]).convert(
        "SPM, written by hand.\n\n*[SPM]: Social perf"
    )
    assert written == '<p><abbr title="Social perf">SPM</abbr>, written by hand.</p>'
