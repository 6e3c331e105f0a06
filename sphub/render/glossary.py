"""The glossary on the pages, in the page's language: a term's definition is shown as a tooltip
(an `abbr` element with a `title`, which Material's `content.tooltips` draws) over its forms.

Hand-written pages get it the way Material documents, from Python-Markdown's `abbr`
extension: `ABBREVIATIONS`, written for each language's build beside its staged docs, is
appended to every page by `pymdownx.snippets` (`sphub.engines.engine` sets both up). The HTML
sphub renders itself, pages made from data and macros' output, is no Markdown: there
`with_tooltips` marks the first use of each term."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from markupsafe import escape

from sphub.data.checks.glossary import matched_as
from sphub.data.site import Site
from sphub.render.i18n import N_

# The file of abbreviations, beside a language's staged docs folder (not in it: it is no page).
ABBREVIATIONS = "abbreviations.md"
# Tooltips go in running text: none inside a link or a tooltip already, code, headings, table
# headers and terms of definition lists (titles and labels), or elements with no text to read.
_NOT_INSIDE = {
    *("a", "abbr", "button", "caption", "code", "dt", "label", "pre", "summary", "th"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "script", "select", "style", "svg", "textarea"),
}
# Elements with no end tag: they open nothing the parser must wait to see closed.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


# The tooltip: the term, then its definition (French puts a space before the colon).
TOOLTIP = N_("%(term)s: %(definition)s")


def tooltips(site: Site, gettext: Callable[[str], str] = str) -> dict[str, tuple[str, str]]:
    """Each word of a page that shows a definition -> (its term's id, the tooltip), in the
    language of `site` (`gettext` its catalogue's): 'SPM' -> ('spm', 'Social performance
    management (SPM): How ...')."""
    found: dict[str, tuple[str, str]] = {}
    for term in site.glossary.values():
        tip = gettext(TOOLTIP) % {"term": term.heading, "definition": term.definition}
        for form in term.forms:
            for word in sorted(matched_as(form)):
                found.setdefault(word, (term.id, tip))
    return found


def abbreviations(site: Site, gettext: Callable[[str], str] = str) -> str:
    """The abbreviations of `site`'s language, as the `abbr` extension reads them. A form has
    no bracket and a definition is one line (sphub.models.glossary): each is one line here."""
    return "".join(f"*[{word}]: {tip}\n" for word, (_, tip) in tooltips(site, gettext).items())


def _pattern(words: dict) -> re.Pattern | None:
    if not words:
        return None
    # Longest first, so 'MIX SP indicators' is one match rather than 'MIX' and the rest.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class _Marker(HTMLParser):
    """Copies HTML, wrapping the first use of each term in its text in an `abbr`. Text without
    a term is copied as it was written, entities and all."""

    def __init__(self, words: dict[str, tuple[str, str]]):
        super().__init__(convert_charrefs=False)
        self.words = words
        self.pattern = _pattern(words)
        self.out: list[str] = []
        self.open: list[str] = []  # the elements the text stands in
        self.used: set[str] = set()  # ids of the terms marked already
        self.raw: list[str] = []  # the text since the last tag, as written
        self.text: list[str] = []  # the same, as read

    def _flush(self) -> None:
        raw, text = "".join(self.raw), "".join(self.text)
        self.raw, self.text = [], []
        marks = (
            []
            if self.pattern is None or _NOT_INSIDE.intersection(self.open)
            else [m for m in self.pattern.finditer(text) if self.words[m[0]][0] not in self.used]
        )
        if not marks:
            self.out.append(raw)
            return
        at = 0  # the text is written again, escaped as the templates escape it
        for match in marks:
            term, tip = self.words[match[0]]
            if term in self.used:  # a second use in the same text
                continue
            self.used.add(term)
            word = escape(match[0])
            self.out.append(escape(text[at : match.start()]))
            self.out.append(f'<abbr title="{escape(tip)}">{word}</abbr>')
            at = match.end()
        self.out.append(escape(text[at:]))

    def _tag(self, written: str) -> None:
        self._flush()
        self.out.append(written)

    def handle_starttag(self, tag, attrs):
        self._tag(self.get_starttag_text())
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._tag(self.get_starttag_text())

    def handle_endtag(self, tag):
        self._tag(f"</{tag}>")
        if tag in self.open:  # close it, and anything left open inside it
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        self.raw.append(data)
        # Script and style are read as written; they are never marked (_NOT_INSIDE).
        self.text.append(data)

    def handle_entityref(self, name):
        self.raw.append(f"&{name};")
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.raw.append(f"&#{name};")
        self.text.append(html.unescape(f"&#{name};"))

    def close(self):
        super().close()
        self._flush()  # the text after the last tag

    def handle_comment(self, data):
        self._tag(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._tag(f"<!{decl}>")

    def handle_pi(self, data):
        self._tag(f"<?{data}>")

    def unknown_decl(self, data):
        self._tag(f"<![{data}]>")


def with_tooltips(page_html: str, words: dict[str, tuple[str, str]]) -> str:
    """`page_html` with the first use of each term in its running text shown with the term's
    definition as a tooltip (`words` from `tooltips`); nothing changes inside links, code,
    headings, table headers and existing tooltips."""
    if not words:
        return page_html
    return _marked(page_html, tuple(words.items()))


@functools.lru_cache(maxsize=256)
def _marked(page_html: str, words: tuple[tuple[str, tuple[str, str]], ...]) -> str:
    # Kept by the HTML and the glossary: the preview renders every macro of the hand-written
    # pages again after each edit (to know which pages changed), and most give the same HTML;
    # marking it was most of the cost.
    marker = _Marker(dict(words))
    marker.feed(page_html)
    marker.close()
    return "".join(marker.out)
