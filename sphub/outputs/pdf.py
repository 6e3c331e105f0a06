"""The offline PDF guide: one book of the whole network strategy framework, and a short
hand-out of the assessment worksheet, rendered with WeasyPrint from the same validated site
and the same fragment templates as the guidance pages.

Each part of the book is rendered exactly as its page on the site (`Renderer.render` with the
page's own source path), then its links are pointed into the book: a link to a page that the
book contains lands on that part, a fragment on that part's element (ids are prefixed with the
part's anchor, so the same id on two pages never clashes), a link to another site is kept
(the book prints its address), and a link to a site page the book leaves out becomes plain
text. Each chapter's title and introduction are data (data/guide.yml), written as from the
page `guide/`: their links are pointed into the book in the same way, and a fragment of that
page names a chapter that is no page of the site (`#outcomes`). The book's layout (cover,
contents with page numbers, bookmarks, numbered chapters, running headers, "page X of Y") is
CSS for print in `sphub/outputs/print/book.css`.

Fonts are the files in `sphub/outputs/print/fonts/` only (see its README), so the PDF is the same on
every machine; the same data gives a byte-identical file."""

from __future__ import annotations

import copy
import gc
import hashlib
import html as html_lib
import logging
import os
import re
import time
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape

from sphub.outputs import system
from sphub.render.i18n import N_
from sphub.models import COLLECTIONS
from sphub.models.guide import CHAPTERS
from sphub.render.markup import markdown_html
from sphub.render.renderer import Renderer
from sphub.render.urls import PLAN_PAGE, START_PAGE, relative_url, url_of

GUIDE = "guide/sphub-guide.pdf"  # stable addresses in the built site
WORKSHEET = "guide/assessment-worksheet.pdf"
ASSETS = Path(__file__).parent / "print"
FONTS = ASSETS / "fonts"
# Subsets of Noto Sans shipped in FONTS, each a family of its own: for each character, the
# first family in this order that has it is used.
FONT_SUBSETS = ("latin", "latin-ext", "vietnamese", "greek", "cyrillic")
FONT_FACES = (("400", "normal"), ("700", "normal"), ("400", "italic"))
FONT_PREFIX = "Sphub Noto"  # family names in the PDF start with this (the tests check it)
FONT_FAMILIES = ", ".join(f'"{FONT_PREFIX} {subset}"' for subset in FONT_SUBSETS)
# Organisations named on the cover, when the data has them: who made the framework (seed 003).
FRAMEWORK_BY = ("cerise", "imp-act")
# Collections whose data the guide shows: its edition is the last day one of them changed.
GUIDE_DATA = (
    "guide",
    "tree",
    "steps",
    "assessment",
    "strategy_options",
    "entry_points",
    "tools",
    "practices",
    "case_studies",
    "quick_tree",
    "quick_tree_agenda",
)
# The page the book's own text (data/guide.yml) is written from: its links are relative to it,
# with the site's directory addresses ('../guidance/tools/'), however the site is built.
BOOK_SRC = "guide/index.md"
BOOK_ANCHOR = "p-guide"  # a chapter that is no page of the site is the fragment of this one
_SITE = "http://site.invalid/"  # a base to resolve the pages' relative links against
# Tagged PDF/UA: a screen reader reads the book's structure (headings, lists, tables, links)
# and a reader can reflow it on a small screen.
WRITE_OPTIONS = {"pdf_variant": "pdf/ua-1"}


class PdfError(Exception):
    """The PDF could not be rendered; the message says which and why, in one line each."""


@dataclass(frozen=True)
class Part:
    """A piece of a chapter rendered as on the site: `template` for the page `src`. With a
    title it is a numbered section of its own (an entry's page); without, it is the chapter's
    own text (a hand-written page's fragment)."""

    src: str
    template: str
    title: str | None = None
    values: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Chapter:
    """A chapter: `key` is its entry in data/guide.yml (title and introduction); links to `src`
    and `aliases` (site pages) land on it."""

    key: str
    title: str
    parts: tuple[Part, ...]
    src: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part as the book template gets it: its anchor, title (None: not a section) and HTML."""

    anchor: str
    title: str | None
    html: Markup


@dataclass(frozen=True)
class BookChapter:
    key: str
    title: str
    anchor: str
    intro: Markup
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF and what the pages that link to it say about it."""

    path: str  # in the built site
    title: str
    data: bytes
    pages: int
    seconds: float  # rendering time; 0 when it came from the cache

    @property
    def ms_per_page(self) -> float:
        """Rendering time per page in milliseconds (0 when it came from the cache)."""
        return 1000 * self.seconds / self.pages

    @property
    def size(self) -> str:
        """The file size for a reader, e.g. '1.2 MB' or '85 KB'."""
        kb = len(self.data) / 1024
        return f"{kb / 1024:.1f} MB" if kb >= 1024 else f"{max(1, round(kb))} KB"


def _entries(renderer: Renderer, key: str, template: str | None = None) -> tuple[Part, ...]:
    """One titled part per entry of `key`, from the template of its page on the site."""
    entries = renderer.site.collection(key).values()
    return tuple(
        Part(
            renderer.src_of(e),
            template or e.page_template,
            renderer.title_of(e),
            (("entry", e), ("title", renderer.title_of(e))),
        )
        for e in entries
    )


def chapters(renderer: Renderer) -> list[Chapter]:
    """The chapters of the guide, in order (CHAPTERS), each titled as data/guide.yml says."""
    guide = renderer.site.guide
    missing = [key for key in CHAPTERS if key not in guide]
    if missing:  # the cross-check reports it first (sphub.data.checks.guide)
        raise PdfError(
            f"{GUIDE}: data/guide.yml has no entry for the chapter(s) "
            + ", ".join(f"'{key}'" for key in missing)
        )

    def chapter(
        key: str, parts: tuple[Part, ...], src: str | None = None, aliases: tuple[str, ...] = ()
    ) -> Chapter:
        return Chapter(key, guide[key].title, parts, src, aliases)

    made = [
        chapter("framework", ()),
        chapter(
            "assessment",
            (Part("guidance/assessment.md", "assessment.html"),),
            "guidance/assessment.md",
        ),
        chapter(
            "worksheet",
            (Part("guidance/worksheet.md", "assessment_worksheet.html"),),
            "guidance/worksheet.md",
        ),
        chapter(
            "tree",
            (Part("guidance/index.md", "book_tree.html"),),
            "guidance/index.md",
            (START_PAGE, PLAN_PAGE),
        ),
        chapter("outcomes", _entries(renderer, "steps")),
        chapter(
            "menu",
            (Part("guidance/strategy-menu/index.md", "strategy_menu.html"),)
            + _entries(renderer, "strategy_options"),
            "guidance/strategy-menu/index.md",
        ),
        chapter(
            "entry-points", _entries(renderer, "entry_points"), "guidance/entry-points/index.md"
        ),
        chapter(
            "tools",
            (Part("guidance/tools/index.md", "tool_list.html"),) + _entries(renderer, "tools"),
            "guidance/tools/index.md",
        ),
        chapter("practices", _entries(renderer, "practices"), "guidance/practices/index.md"),
        chapter(
            "case-studies", _entries(renderer, "case_studies"), "guidance/case-studies/index.md"
        ),
        chapter(
            "quick-tree",
            (Part("guidance/quick-tree.md", "quick_tree.html"),),
            "guidance/quick-tree.md",
        ),
    ]
    assert tuple(c.key for c in made) == CHAPTERS, "sphub.models.guide.CHAPTERS is the book's"
    return made


def _anchor(url: str) -> str:
    """The book's id for a site page, from its address: 'guidance/tools/cerise-spi/' ->
    'p-guidance-tools-cerise-spi'."""
    return "p-" + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home")


# An id or href attribute as the templates and the Markdown cleaner write them: always in
# double quotes, and a quote inside a value or in text is always escaped, so this matches
# attributes only.
_ATTRIBUTE = re.compile(r'(\s)(id|href)="([^"]*)"')
_SVG_REFERENCE = re.compile(r"url\(#([^)\"]*)\)")
_BOOK_FRAGMENT = re.compile(rf'(\s)href="#({BOOK_ANCHOR}--[^"]*)"')


def _relink(html: str, here: str, anchors: dict[str, str]) -> Markup:
    """`html` of the page at `here` (an address in the site) with its ids and links pointed
    into the book (see the module's docstring)."""
    prefix = anchors[here]

    def attribute(match: re.Match) -> str:
        space, name, value = match.groups()
        if name == "id":
            return f'{space}id="{prefix}--{value}"'
        absolute = urljoin(_SITE + here, html_lib.unescape(value))
        if not absolute.startswith(_SITE):
            return match.group(0)  # another site: kept, and print CSS shows the address
        path, _, fragment = absolute[len(_SITE) :].partition("#")
        if path not in anchors:
            return f'{space}data-site-href="{value}"'  # left out of the book: plain text
        target = anchors[path] + (f"--{fragment}" if fragment else "")
        return f'{space}href="#{escape(target)}"'

    html = _ATTRIBUTE.sub(attribute, html)
    return Markup(_SVG_REFERENCE.sub(lambda m: f"url(#{prefix}--{m.group(1)})", html))


def chapter_anchor(chapter: Chapter, directory_urls: bool) -> str:
    """The book's id of `chapter`: its page's, or a fragment of the book's own page."""
    if chapter.src:
        return _anchor(url_of(chapter.src, directory_urls))
    return f"{BOOK_ANCHOR}--{chapter.key}"


def _book_chapters(renderer: Renderer, chosen: list[Chapter]) -> list[BookChapter]:
    """Render every part of `chosen` and point its links into the book."""
    urls = renderer.directory_urls
    lands: dict[str, str] = {}  # a site page's src -> the id in the book its links land on
    for chapter in chosen:
        for src in ((chapter.src,) if chapter.src else ()) + chapter.aliases:
            lands[src] = chapter_anchor(chapter, urls)
        for part in chapter.parts:
            lands.setdefault(part.src, _anchor(url_of(part.src, urls)))
    anchors = {url_of(src, urls): anchor for src, anchor in lands.items()}
    # The introductions' links, written with directory addresses whatever the build's.
    book = url_of(BOOK_SRC, True)
    written = {url_of(src, True): anchor for src, anchor in lands.items()} | {book: BOOK_ANCHOR}
    # A link to a chapter this book leaves out (the hand-out has one) is plain text too.
    chapter_ids = {chapter_anchor(chapter, urls) for chapter in chosen}
    guide = renderer.site.guide
    result = []
    for chapter in chosen:
        sections = []
        for part in chapter.parts:
            here = url_of(part.src, urls)
            page = renderer.render(part.template, part.src, **dict(part.values))
            anchor = anchors[here] if part.title else anchors[here] + "-text"
            sections.append(Section(anchor, part.title, _relink(page, here, anchors)))
        intro = _relink(str(markdown_html(guide[chapter.key].intro)), book, written)
        intro = Markup(
            _BOOK_FRAGMENT.sub(
                lambda m: m[0]
                if m[2] in chapter_ids
                else f'{m[1]}data-site-href="#{m[2][len(BOOK_ANCHOR) + 2 :]}"',
                intro,
            )
        )
        result.append(
            BookChapter(
                chapter.key, chapter.title, chapter_anchor(chapter, urls), intro, tuple(sections)
            )
        )
    return result


def edition(renderer: Renderer) -> date:
    """The guide's edition: the last day its data changed (from git), so the same data gives
    the same book; the build date (SOURCE_DATE_EPOCH, or today) when git cannot tell."""
    files = [f"data/{COLLECTIONS[key].file}" for key in GUIDE_DATA]
    changes = [renderer.changes.get(f) for f in files]
    if all(c is not None and c.day and not c.uncommitted for c in changes):
        return max(c.day for c in changes)
    return renderer.site.build_date


def book_html(renderer: Renderer, kind: str = "guide") -> str:
    """The HTML of the guide (`kind` 'guide') or of the worksheet hand-out ('worksheet')."""
    chosen = chapters(renderer)
    if kind == "worksheet":
        chosen = [c for c in chosen if c.key == "worksheet"]
    site = renderer.site
    return renderer.render(
        "book.html",
        BOOK_SRC,
        kind=kind,
        chapters=_book_chapters(renderer, chosen),
        edition=edition(renderer),
        organisations=[site.organisations[i] for i in FRAMEWORK_BY if i in site.organisations],
    )


@cache
def font_characters(subset: str) -> frozenset[int]:
    """The characters (code points) the shipped font of `subset` has."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(FONTS / f"noto-sans-{subset}-400-normal.woff2").getBestCmap())


def subsets_for(text: str) -> list[str]:
    """The font subsets `text` needs, in FONT_SUBSETS order: latin always, another only when
    it has a character the ones before it lack. (Each font loaded costs time to decompress
    and to subset into the PDF.)"""
    needed = {ord(c) for c in text}
    chosen, covered = [], set()
    for subset in FONT_SUBSETS:
        chars = font_characters(subset)
        if not chosen or (needed - covered) & chars:
            chosen.append(subset)
            covered |= chars
    return chosen


def uncovered(text: str, subsets: list[str] | tuple[str, ...] = FONT_SUBSETS) -> list[str]:
    """The characters of `text` (line breaks and tabs aside) that no font of `subsets` has."""
    covered = set().union(*(font_characters(subset) for subset in subsets))
    return sorted({c for c in text if ord(c) not in covered and c not in "\n\r\t"})


def font_css(subsets: list[str] | tuple[str, ...] = FONT_SUBSETS) -> str:
    """@font-face rules for the shipped fonts of `subsets`, and the font list of the book."""
    rules = []
    for subset in subsets:
        for weight, style in FONT_FACES:
            file = f"noto-sans-{subset}-{weight}-{style}.woff2"
            rules.append(
                f'@font-face {{ font-family: "{FONT_PREFIX} {subset}"; '
                f'src: url("{file}"); font-weight: {weight}; font-style: {style}; }}'
            )
    families = ", ".join(f'"{FONT_PREFIX} {subset}"' for subset in subsets)
    return "\n".join(rules) + f"\nhtml {{ font-family: {families}; }}\n"


# WeasyPrint 70's warnings that change nothing in the PDF a reader gets (the same pages, text,
# glyphs, pictures, links and metadata), only how WeasyPrint made it; they depend on the
# machine, not on the book. Matched on the message's format string (`LogRecord.msg`), word for
# word as in WeasyPrint's source (tests/pdf/test_fresh_machine.py checks that they still are).
HARMLESS_WARNINGS = frozenset(
    {
        # No HarfBuzz-Subset library (libharfbuzz-subset0): fontTools subsets the fonts instead,
        # with the same glyphs.
        'Using fontTools instead of HarfBuzz-Subset for font "%s". This will be unsupported in '
        "future versions of WeasyPrint. Please install HarfBuzz-Subset >= 4.1.0 with your "
        "package manager.",
        # A font that could not be subset is embedded whole: a larger file, the same glyphs.
        'Unable to subset "%s" with HarfBuzz',
        'Unable to subset "%s" with fontTools',
        # Clean-up after a resource was read.
        "Error when closing stream for %s:\n%s",
    }
)


class _Collect(logging.Handler):
    """Keeps what WeasyPrint warns about, but for HARMLESS_WARNINGS: each is an error here.

    Every other message changes the page or means the book is not what its HTML and CSS say:
    a missing glyph or font, an image or stylesheet that did not load, a link or cross-reference
    to an anchor that is not there, a CSS declaration or rule ignored, a table cell dropped. A
    message this list does not know is an error too (a later WeasyPrint may word a missing
    image differently); those are the same on every machine, as they come from the HTML and
    CSS, so the tests find them, while the harmless ones above vary with the machine."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg not in HARMLESS_WARNINGS:
            self.messages.append(record.getMessage())


_cache: dict[str, Pdf] = {}  # hash of the HTML and CSS -> PDF: `mkdocs serve` renders once


def _resolve_before_relayout(make_all_pages):
    """WeasyPrint 70's `make_all_pages`, made to lay the book out twice instead of three times.

    A `target-counter()` (the contents' and cross-references' page numbers) gets its number
    only after its target is laid out, so the pages that have one are laid out again. WeasyPrint
    re-reads such a number, and lays its page out again, whenever the page counters of the page
    it is on, or of its target's page, differ from the ones it saw last; those counters hold
    the total page count too, 0 during the first layout and the real count after it. So the
    second layout finds every number "changed" (its page number is the same), re-reads it and
    lays its page out a third time: 58 of the guide's 70 pages, a third of its rendering time.
    Here every number is re-read once, with the first layout's page counters and page count,
    before the second layout starts. WeasyPrint's own checks still run in every layout, so a
    target that really moved to another page still gets another layout. Same output bytes."""

    def make_with_numbers_resolved(context, root_box, html, pages):
        if pages:  # a re-layout: the previous layout placed every target
            page_maker, collector = context.page_maker, context.target_collector

            def counters(index: int) -> dict:  # the page counters on page `index` (0-based)
                return page_maker[index + 1][3][1]

            for target in collector.target_lookup_items.values():
                if target.page_maker_index is not None:
                    target.cached_page_counter_values = copy.deepcopy(
                        counters(target.page_maker_index)
                    )
            for (_, token), lookup in collector.counter_lookup_items.items():
                if token == "content" and lookup.page_maker_index is not None:
                    values = counters(lookup.page_maker_index)
                    if values != lookup.cached_page_counter_values:
                        lookup.cached_page_counter_values = copy.deepcopy(values)
                        lookup.parse_again(values)
        return make_all_pages(context, root_box, html, pages)

    return make_with_numbers_resolved


@cache
def _weasyprint() -> None:
    """Import WeasyPrint once, with the fix above when it is the version it was written for."""
    import weasyprint
    import weasyprint.layout

    if weasyprint.__version__ == "70.0":  # internals change between versions: no guessing
        weasyprint.layout.make_all_pages = _resolve_before_relayout(
            weasyprint.layout.make_all_pages
        )


def _render(html: str, css: str) -> tuple[bytes, int]:
    """The PDF of `html` with `css`, and its number of pages."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    sheet = CSS(string=css, base_url=f"{FONTS.as_uri()}/", font_config=fonts)
    document = HTML(string=html, base_url=f"{ASSETS.as_uri()}/").render(
        stylesheets=[sheet], font_config=fonts
    )
    return document.write_pdf(**WRITE_OPTIONS), len(document.pages)


# The words of the book's page numbers (CSS `content`), in the book's language: each
# %(...)s is a counter.
PAGE_OF = N_("Page %(page)s of %(pages)s")
SEE_PAGE = N_("(page %(page)s)")
GO_TO_PAGE = N_(", page %(page)s")


def _css_content(message: str, counters: dict[str, str]) -> str:
    """A CSS `content` value from a translated `message`: its words quoted, each
    placeholder replaced by its counter."""
    parts = re.split(r"%\((\w+)\)s", message)
    values = []
    for index, part in enumerate(parts):
        if index % 2:
            values.append(counters[part])
        elif part:
            values.append('"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(values)


def page_words_css(gettext) -> str:
    """The CSS of the page numbers' words, in the language of `gettext`."""
    target = "target-counter(attr(href), page)"
    page_of = _css_content(gettext(PAGE_OF), {"page": "counter(page)", "pages": "counter(pages)"})
    see = _css_content(gettext(SEE_PAGE), {"page": target})
    go_to = _css_content(gettext(GO_TO_PAGE), {"page": target})
    return (
        f"@page {{ @bottom-center {{ content: {page_of}; }} }}\n"
        f'.book-chapter a[href^="#"]::after {{ content: {see}; }}\n'
        f".book-chapter a.book-goto::after {{ content: {go_to}; }}\n"
    )


def render_pdf(html: str, path: str, title: str, cache: Path | None = None, gettext=str) -> Pdf:
    """Render `html` with the book's CSS and fonts, or take the PDF rendered before from the
    same HTML and CSS: from this process, or from `cache` (a folder kept between builds).

    Raises:
        PdfError: when WeasyPrint cannot start, fails, or warns of something that changes the
            page (a missing anchor, glyph, font or image; see `_Collect`).
    """
    text = html_lib.unescape(re.sub(r"<[^>]*>", "", html))
    subsets = subsets_for(text)
    missing = uncovered(text, subsets)
    if missing:  # the PDF would silently show a system font's glyph, or a blank box
        raise PdfError(
            f"{path}: no font shipped in sphub/outputs/print/fonts/ has these characters: "
            + ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            + "; add a font subset that has them (see its README)"
        )
    css = (
        font_css(subsets)
        + (ASSETS / "book.css").read_text(encoding="utf-8")
        + page_words_css(gettext)
    )
    problem = system.pdf_problem()
    if problem:  # WeasyPrint would print a paragraph and a traceback
        raise PdfError(f"{path}: {problem}")
    try:
        _weasyprint()
    except (ImportError, OSError) as err:
        raise PdfError(f"{path}: WeasyPrint cannot start: {err}") from None
    made_with = _renderer_version() + repr(sorted(WRITE_OPTIONS.items()))
    key = hashlib.sha256((made_with + css + html).encode()).hexdigest()
    if key in _cache:
        before = _cache[key]
        return Pdf(path, title, before.data, before.pages, 0.0)
    kept = _kept(cache, key)
    if kept:
        return Pdf(path, title, *kept, 0.0)
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    started = time.perf_counter()
    # The layout makes millions of objects that live until the PDF is written, and the cyclic
    # garbage collector walked them all again and again (1.5 s of a 7 s render of the guide,
    # in 8 full collections). It waits instead, then frees the layout's cyclic garbage in one
    # collection, counted in the rendering time: every object made meanwhile is still in the
    # youngest generation, so that collection walks only those, not the whole build's.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data, pages = _render(html, css)
    except Exception as err:  # any failure stops the build with one clear line
        raise PdfError(
            f"{path}: WeasyPrint could not render it: {type(err).__name__}: {err}"
        ) from err
    finally:
        logger.removeHandler(collect)
        gc.collect(0)
        if collecting:
            gc.enable()
    if collect.messages:
        raise PdfError("\n".join(f"{path}: {message}" for message in collect.messages))
    pdf = Pdf(path, title, data, pages, time.perf_counter() - started)
    _cache[key] = pdf
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f"*-{_slug(path)}.pdf"):  # one kept PDF per book
            old.unlink()
        temporary = cache / f".{key}.tmp"
        temporary.write_bytes(data)
        temporary.rename(cache / f"{key}-{pages}-{_slug(path)}.pdf")
    return pdf


def _renderer_version() -> str:
    """What besides the HTML and CSS decides the bytes: WeasyPrint's version, and whether it
    subsets fonts with HarfBuzz-Subset or fontTools (a PDF kept from a machine with the one
    is not the PDF the other renders)."""
    import weasyprint
    import weasyprint.pdf.fonts

    return f"{weasyprint.__version__} {weasyprint.pdf.fonts.harfbuzz_subset is not None}\n"


def forget() -> None:
    """Forget the PDFs this process rendered (the benchmark renders the same guide again)."""
    _cache.clear()


def _slug(path: str) -> str:
    return Path(path).stem


def _kept(cache: Path | None, key: str) -> tuple[bytes, int] | None:
    """The PDF rendered from the inputs whose hash is `key` by an earlier build, if kept."""
    if cache is None:
        return None
    for file in cache.glob(f"{key}-*.pdf"):
        pages = file.name.split("-")[1]
        return file.read_bytes(), int(pages)
    return None


def build_guide(renderer: Renderer, cache: Path | None = None) -> Pdf:
    """The whole guide as one PDF. `make bench` calls it without `cache`, after clearing
    the process's own, and reads its pages, `len(data)`, seconds and ms_per_page."""
    title = renderer.gettext(N_("The whole guide"))
    return render_pdf(book_html(renderer, "guide"), GUIDE, title, cache, renderer.gettext)


def build_worksheet(renderer: Renderer, cache: Path | None = None) -> Pdf:
    """The assessment worksheet alone, for workshop hand-outs."""
    title = renderer.gettext(N_("Assessment worksheet"))
    return render_pdf(book_html(renderer, "worksheet"), WORKSHEET, title, cache, renderer.gettext)


def build_all(renderer: Renderer, cache: Path | None = None) -> list[Pdf]:
    return [build_guide(renderer, cache), build_worksheet(renderer, cache)]


def write(pdfs: list[Pdf], site_dir: str | os.PathLike, prefix: str = "") -> list[str]:
    """Write the PDFs into the built site (of a language whose pages are under `prefix` in
    the whole site: 'fr/'); returns one progress line each."""
    lines = []
    for pdf in pdfs:
        target = Path(site_dir) / pdf.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf.data)
        how = (
            f"rendered in {pdf.seconds:.1f} s ({pdf.ms_per_page:.0f} ms a page)"
            if pdf.seconds
            else "unchanged"
        )
        lines.append(f"PDF {prefix}{pdf.path}: {pdf.pages} pages, {pdf.size}, {how}")
    return lines


def is_guidance(src: str) -> bool:
    """Whether the page `src` is guidance, and so links to the PDFs."""
    return src.startswith(("guidance/", "decision-tree/"))


def download_links(renderer: Renderer, src: str, pdfs: list[Pdf]) -> str:
    """The note that links a guidance page to the PDFs, with their page counts and sizes."""
    here = url_of(src, renderer.directory_urls)
    links = [(relative_url(here, pdf.path), pdf) for pdf in pdfs]
    return renderer.render("pdf_links.html", src, links=links)
