"""Markdown from data fields, rendered and then cleaned with an allow-list: whatever a YAML
file holds, the page gets only these tags, these attributes and http(s) or site-relative
links, each with rel="noopener noreferrer"."""

from __future__ import annotations

import html as entities
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from sphub.data.fallback import AS_PUBLISHED, END, IN_ENGLISH, MARKS

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every call: building one costs more than converting a paragraph."""
    converter = markdown.Markdown(extensions=["tables", "sane_lists"])
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> Markup:
    """Render Markdown `text` to safe HTML. Headings inside data start at h3: pages own h1
    and h2. Raw HTML in the text is escaped before Markdown sees it."""
    html = _converter().reset().convert(text)
    # The converter wrote every tag here (raw HTML is off), so this only touches headings.
    html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        attribute_filter=_no_other_host,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


def markdown_text(text: str) -> str:
    """Markdown `text` as plain text, for places that show no HTML (calendar descriptions):
    the rendered words, one paragraph a block, list items on lines of their own."""
    html = str(markdown_html(text))
    html = re.sub(r"</(p|h[3-6]|blockquote|pre|table)>", "\n\n", html)
    html = re.sub(r"<li>", "\n- ", html)
    plain = entities.unescape(nh3.clean(html, tags=set()))  # no tags left, only the words
    blocks = (
        b.strip() if b.strip().startswith("- ") else " ".join(b.split())
        for b in plain.split("\n\n")
    )
    return "\n\n".join(b for b in blocks if b)


def _no_other_host(tag: str, attribute: str, value: str) -> str | None:
    """Drop links that look relative but lead to another host: '//host/' and '/\\host/'
    (browsers read a backslash as a slash). Links are http(s) or within the site."""
    if attribute == "href" and re.match(r"[\x00-\x20]*[/\\][\x00-\x20]*[/\\]", value):
        return None
    return value


def external_links_rel(html: str) -> str:
    """Give every link to another site `rel="noopener noreferrer"`: links written in the
    hand-written Markdown pages come from Python-Markdown without it (links from the data
    already have it, from nh3 and the templates)."""
    return re.sub(
        r'<a href="(https?://[^"]*)"(?![^>]*\brel=)',
        r'<a href="\1" rel="noopener noreferrer"',
        html,
    )


class _ExternalLinksRel(markdown.postprocessors.Postprocessor):
    def run(self, text: str) -> str:
        return external_links_rel(text)


# Around the body of every page made from data (sphub.render.pages): finished HTML.
# A cell, item or term closed right before the next tag: the engines' search indexes take a
# page's text without its tags, and "<td>Network</td><td>COPEME</td>" would be one word.
_CELL_END = re.compile(r"(</(?:td|th|li|dt|dd|caption|figcaption)>)(?=<)")


def with_word_boundaries(html: str) -> str:
    """`html` with a line break after each table cell, list item or definition that another
    tag follows at once (the page looks the same: whitespace there is not displayed)."""
    return _CELL_END.sub("\\1\n", html)


# Not the editing guide's field tables (class sphub-guide): a reference for editors at a
# desk, dozens of them on one page, which labels would make heavier than a page may be.
_TABLE = re.compile(r'<table class="sphub-table(?![^"]*sphub-guide)[^"]*"[^>]*>.*?</table>', re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_BODY_CELL = re.compile(r"<(td|th)\b")
_TAG = re.compile(r"<[^>]+>")


def with_cell_labels(html: str) -> str:
    """`html` with each body cell of sphub's tables labelled with its column's heading
    (`data-label`): on a phone a table too wide for the screen is shown as one card per row,
    each value under its heading (sphub.css). The editing guide's tables keep their columns
    and scroll in their box."""

    def label(table: re.Match) -> str:
        text = table[0]
        head = _HEAD.search(text)
        if not head:
            return text
        names = [" ".join(_TAG.sub("", h).split()) for h in _HEAD_CELL.findall(head[1])]
        names = [n.replace('"', "&quot;") for n in names]

        def row(found: re.Match) -> str:
            cells = iter(names)
            return _BODY_CELL.sub(
                lambda cell: f'<{cell[1]} data-label="{next(cells, "")}"', found[0]
            )

        return text[: head.end()] + _ROW.sub(row, text[head.end() :])

    return _TABLE.sub(label, html)


_LINK = re.compile(r'<a (?=[^>]*href="(https?://[^"]+)")([^>]*)>([^<]*)</a>')


def with_addresses_marked(html: str) -> str:
    """`html` with each link whose text is its own address marked `data-address-shown`: print
    styles, which write a link's address after its text, write that one once."""

    def mark(link: re.Match) -> str:
        address, attributes, text = link.groups()
        if entities.unescape(text).strip() != entities.unescape(address):
            return link[0]
        return f"<a {attributes} data-address-shown>{text}</a>"

    return _LINK.sub(mark, html)


FINISHED = "<!-- sphub: finished HTML -->"
FINISHED_END = "<!-- sphub: end of finished HTML -->"
# Around a macro's output in a hand-written page (sphub.render.macros), on lines of their own.
MACRO = "<!-- sphub: macro output -->"
MACRO_END = "<!-- sphub: end of macro output -->"


class _FinishedHtml(markdown.preprocessors.Preprocessor):
    """A page made from data is finished HTML: kept whole, as one raw block, instead of being
    parsed by Markdown's HTML block reader only to be written out the same (that parse was a
    fifth of the build). The output is the same."""

    def run(self, lines: list[str]) -> list[str]:
        if not lines or lines[0] != FINISHED:
            return lines
        # What follows the end mark is Markdown: the abbreviations pymdownx.snippets appends
        # (sphub.render.glossary), which Python-Markdown's abbr extension reads.
        end = lines.index(FINISHED_END) + 1 if FINISHED_END in lines else len(lines)
        # The marks kept: see Zensical.
        return [self.md.htmlStash.store("\n".join(lines[:end])), *lines[end:]]


class _MacroOutput(markdown.preprocessors.Preprocessor):
    """A macro's output in a hand-written page is finished HTML too: kept whole as one raw
    block, without its marks. On the pages that list the data, Markdown's HTML block reader
    was most of their build (and of the preview's, after an edit). The output is the same."""

    def run(self, lines: list[str]) -> list[str]:
        if MACRO not in lines:
            return lines
        kept: list[str] = []
        output: list[str] | None = None  # the lines of the macro output being read
        for line in lines:
            if output is None and line == MACRO:
                output = []
            elif output is None:
                kept.append(line)
            elif line == MACRO_END:
                kept.append(self.md.htmlStash.store("\n".join(output)))
                output = None
            else:
                output.append(line)
        if output is not None:  # no end mark: the lines stay as they were written
            kept += [MACRO, *output]
        return kept


class SiteMarkdown(markdown.Extension):
    """The site's Markdown extension (`sphub.render.markup` in mkdocs.yml), whichever engine
    renders the page: links to other sites get `rel="noopener noreferrer"`, and a page made
    from data passes through untouched."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After whitespace is normalised (30), before the HTML block reader (20).
        md.preprocessors.register(_FinishedHtml(md), "sphub_finished_html", 25)
        # After MkDocs reads the ids of raw HTML (21: links to them are checked), before the
        # HTML block reader (20).
        md.preprocessors.register(_MacroOutput(md), "sphub_macro_output", 20.5)
        md.postprocessors.register(_ExternalLinksRel(md), "sphub_external_links", 0)


def makeExtension(**kwargs) -> SiteMarkdown:  # noqa: N802 (the name Markdown looks for)
    return SiteMarkdown(**kwargs)


# A tag (its quoted attribute values may hold '>') or one of the marks around a text shown
# in English (sphub.data.fallback).
_TAG_OR_MARK = re.compile(rf"""<(?:[^>"']|"[^"]*"|'[^']*')*>|[{MARKS}]""")


def mark_english(html: str, label: str) -> str:
    """`html` with each text of the English data shown on a page of another language marked
    `lang="en"`, and a text whose translation is missing followed by `label` ("(in English)",
    in the page's language). In a tag (a text in an attribute) the marks are dropped; in a
    drawing (SVG) the text is a `<tspan lang="en">`, without the label."""
    if not any(mark in html for mark in MARKS):
        return html
    out, opened, in_svg = [], [], 0
    for piece in _split(html):
        if piece[:1] == "<":
            name = re.match(r"</?([a-zA-Z]+)", piece)
            if name and name[1].lower() == "svg":
                in_svg += -1 if piece[1] == "/" else 1
            out.append(piece.translate(_NO_MARKS))
        elif piece == END:
            kind = opened.pop() if opened else None
            if kind is None:
                continue
            out.append("</tspan>" if kind[1] else "</span>")
            if kind[0] == IN_ENGLISH and not kind[1]:
                out.append(f' <span class="sphub-in-english">{entities.escape(label)}</span>')
        elif piece in (IN_ENGLISH, AS_PUBLISHED):
            opened.append((piece, bool(in_svg)))
            out.append('<tspan lang="en">' if in_svg else '<span lang="en">')
        else:
            out.append(piece)
    return "".join(out)


_NO_MARKS = {ord(mark): None for mark in MARKS}


def _split(html: str):
    """`html` as text, tags and marks, in order."""
    at = 0
    for found in _TAG_OR_MARK.finditer(html):
        if found.start() > at:
            yield html[at : found.start()]
        yield found.group(0)
        at = found.end()
    if at < len(html):
        yield html[at:]
