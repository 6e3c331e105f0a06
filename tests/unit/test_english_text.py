"""The detector of English sentences the language tests use (tests/english_text.py): it
finds English prose, and leaves alone French and Spanish, names, quotations and anything
marked `lang="en"`."""

from __future__ import annotations

from english_text import english_sentences, is_english


def test_english_prose_is_found():
    assert is_english("National microfinance network of India, known for its code of conduct")
    assert is_english("No public copy was found. Ask the SEEP Network for a copy of the note")
    assert english_sentences(
        "<p>Réseau national. Collected its members' social performance data for MIX.</p>"
    ) == ["Collected its members' social performance data for MIX."]


def test_french_spanish_and_names_are_left_alone():
    assert not is_english("Le réseau national de microfinance de l'Inde, connu pour son code")
    assert not is_english("La red nacional de microfinanzas de la India, conocida por su código")
    assert not is_english("Pakistan Microfinance Network (PMN)")
    assert not is_english("SEEP Network on Facebook")  # four words: a name, not a sentence
    assert not is_english("Le SPI4 de CERISE est utilisé par les réseaux de la région")


def test_marked_english_quotations_and_code_are_left_alone():
    html = (
        '<h1><span lang="en">The Decision Tree for Microfinance Networks</span></h1>'
        "<p>Voir « The Decision Tree for Microfinance Networks » pour la suite.</p>"
        "<pre><code>the file holds one key for each of the entries</code></pre>"
        '<div lang="en"><p>Each network conducts two social audits of its members.</p></div>'
    )
    assert english_sentences(html) == []
    assert english_sentences(html.replace(' lang="en"', "")) == [
        "The Decision Tree for Microfinance Networks",
        "Each network conducts two social audits of its members.",
    ]
