"""Finds English sentences in a page of another language: the text a reader sees, outside
any element marked `lang="en"` (sphub marks each text shown in English so), cut into
sentences (a quotation left out: a document's title cited as published), and a sentence is
English when it has at least five words and English's small
words ("the", "of", "with"...) make up a good share of them, far more than French's or
Spanish's. Names ("Pakistan Microfinance Network", "SPI4") have few small words and pass;
a title such as "The Decision Tree for Microfinance Networks" does not, unless marked."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# Words common in English prose and rare in French and Spanish text ("a", "on", "no", "or",
# "son", "me" are words of those languages too, and left out).
ENGLISH = frozenset(
    """the of and to in is are was were be been being for with from by its it this that these
    those their they them which who whom whose what when where how there here has have had
    not will would can could should may might must than then into about after before each
    every other our your you we he she his her an any all also only such more most some many
    do does did done if so but while at up out over under between through during without
    within upon because whether both either nor very just own same""".split()
)
# Small words of French and Spanish: a sentence with many of them is not English.
OTHERS = frozenset(
    """le la les de des du et est un une pour dans sur que qui ne pas par au aux ce cette ces
    son sa ses leur leurs il elle ils elles nous vous se avec sont ou où el los las y en del
    por para con es una al lo su sus que como más pero sin sobre entre este esta estos estas
    ese esa hay""".split()
)
MIN_WORDS = 5
_BLOCKS = (
    "p li dt dd td th h1 h2 h3 h4 h5 h6 caption figcaption summary div section article nav "
    "header footer aside main blockquote label option title desc text tspan button ul ol dl "
    "table tr form details br"
).split()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s+·\s+|\s+[–—]\s+")


def visible_text(html: str) -> str:
    """The text a reader sees, one block a line, without scripts, code and any element
    marked as English."""
    soup = BeautifulSoup(html, "html.parser")
    # The head (the tab's title) and the theme's header repeat the page's title, which its
    # <h1> shows, marked when it is English;
    # So does the table of contents, the page's headings.
    hidden_parts = "head, .md-header, .md-sidebar--secondary, script, style, code, pre, [hidden]"
    for hidden in soup.select(hidden_parts):
        hidden.decompose()
    for english in soup.select('[lang="en"], [lang^="en-"]'):
        if english.name != "html":
            english.decompose()
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    return soup.get_text()


# A quotation («...», “...”): the title of a document cited as published.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def is_english(sentence: str) -> bool:
    words = [w.lower() for w in _WORD.findall(sentence)]
    if len(words) < MIN_WORDS:
        return False
    english = sum(w in ENGLISH for w in words)
    others = sum(w in OTHERS for w in words)
    return english >= 2 and english / len(words) >= 0.2 and english > 2 * others


def sentences(text: str) -> list[str]:
    found = []
    for line in text.split("\n"):
        line = " ".join(_QUOTED.sub(" ", line).split())
        found += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return found


def english_sentences(html: str) -> list[str]:
    """The English sentences of a page's HTML outside elements marked `lang="en"`."""
    return [s for s in sentences(visible_text(html)) if is_english(s)]
