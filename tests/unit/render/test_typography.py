"""French puts a no-break space before ':' ';' '?' '!': in the catalogue's French, and in the
text of every French page made by the renderer (a ': ' written in a template between two
values too), never in tags, addresses, entities or code."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from sphub.render import i18n
from sphub.render.text import spaced_punctuation

# A clause mark with no no-break space before it, in a text (tags and entities left out).
_UNSPACED = re.compile(r"(?<![\u00a0\u202f])[:;?!](?=\s|$)")
# Not text: tags, entities and Markdown code (`many: true` is a YAML key an editor types).
_NOT_TEXT = re.compile(r"<[^>]*>|&#?\w+;|`[^`]*`")


def test_every_french_message_spaces_its_punctuation():
    with i18n.catalogue_file("fr").open("rb") as stream:
        catalogue = read_po(stream)
    unspaced = []
    for message in catalogue:
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            if message.id and _UNSPACED.search(_NOT_TEXT.sub("", form)):
                unspaced.append(form)
    assert unspaced == []


def test_french_pages_space_their_punctuation_only_in_text():
    html = (
        '<dt>Région :</dt><dd><a href="x?y=1">Asie</a>: 14 &amp; autres; Quoi? '
        "<code>a: b</code> https://x.org à 10:30. Fin!</dd>"
    )
    assert spaced_punctuation(html, "fr") == (
        '<dt>Région\u00a0:</dt><dd><a href="x?y=1">Asie</a>\u00a0: 14 &amp; autres\u00a0; '
        "Quoi\u00a0? <code>a: b</code> https://x.org à 10:30. Fin\u00a0!</dd>"
    )
    assert spaced_punctuation(html, "es") == html
    assert spaced_punctuation(html, "en") == html
