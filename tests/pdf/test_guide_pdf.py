"""The PDF guide and the worksheet hand-out, read back with pypdf as a facilitator's PDF viewer
would: pages, bookmarks, contents against the pages the headings are really on, cross-references
landing on their targets, every tool and outcome there, fonts embedded and covering the data."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pypdf import PdfReader

from sphub.outputs import pdf
from sphub.data.history import last_changes
from sphub.models import COLLECTIONS
from sphub.render.markup import markdown_text
from sphub.render.renderer import Renderer


@pytest.fixture(scope="module")
def guide(built_site) -> PdfReader:
    return PdfReader(built_site / pdf.GUIDE)


@pytest.fixture(scope="module")
def texts_of(built_site):
    """The text of each page of a PDF of the built site, by its path in the site: read once
    for the module (pypdf takes 5 to 15 s for a guide of 60 pages), shared by its tests."""
    read: dict[str, list[str]] = {}

    def texts_of(path: str) -> list[str]:
        if path not in read:
            read[path] = [page.extract_text() for page in PdfReader(built_site / path).pages]
        return read[path]

    return texts_of


@pytest.fixture(scope="module")
def texts(texts_of) -> list[str]:
    return texts_of(pdf.GUIDE)


@pytest.fixture(scope="module")
def renderer(shipped) -> Renderer:
    """A renderer made as the hook makes it, so the book is the one the build wrote."""
    changes = last_changes(ROOT, [f"data/{c.file}" for c in COLLECTIONS.values()])
    return Renderer(shipped, ROOT / "overrides" / "fragments", True, changes)


def page_of(reader: PdfReader, name: str) -> int:
    """1-based page number of a named destination (an id of the book)."""
    return reader.get_destination_page_number(reader.named_destinations[name]) + 1


def toc_entries(texts: list[str]) -> dict[str, int]:
    """'5.1 Build awareness...' -> the page number the contents print after its dot leader."""
    entries = {}
    for text in texts[1:4]:  # the contents follow the cover
        for line in text.splitlines():
            found = re.match(r"^(\d+(?:\.\d+)?\.? .+?) ?\.{4,}\s*(\d+)$", line.strip())
            if found:
                entries[found[1]] = int(found[2])
    return entries


def numbered(renderer) -> list[tuple[str, list[str]]]:
    """(chapter heading, [section headings]) as the book numbers them."""
    chapters = pdf.chapters(renderer)
    return [
        (
            f"{i}. {c.title}",
            [f"{i}.{j} {p.title}" for j, p in enumerate((p for p in c.parts if p.title), 1)],
        )
        for i, c in enumerate(chapters, 1)
    ]


def test_the_build_writes_both_pdfs_with_pages(built_site, guide):
    worksheet = PdfReader(built_site / pdf.WORKSHEET)
    assert len(guide.pages) >= 40
    # A hand-out, not a book: the criteria to score and the plan sheet (questions and steps).
    assert 1 <= len(worksheet.pages) <= 8
    assert len(worksheet.pages) < len(guide.pages)


def test_bookmarks_are_the_chapters_and_their_sections(guide, renderer):
    outline = guide.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    expected = numbered(renderer)
    assert top == [chapter for chapter, _ in expected]
    children: dict[str, list[str]] = {}
    for before, item in pairwise(outline):
        if isinstance(item, list):
            children[before.title] = [child.title for child in item]
    assert children == {chapter: sections for chapter, sections in expected if sections}


def test_contents_give_the_pages_the_headings_are_on(guide, texts, renderer):
    toc = toc_entries(texts)
    expected = [h for chapter, sections in numbered(renderer) for h in [chapter, *sections]]
    assert sorted(toc) == sorted(expected)
    chapters = {chapter for chapter, _ in numbered(renderer)}
    for heading, page in toc.items():
        text = " ".join(texts[page - 1].split())  # a long heading wraps
        # A chapter's title is also in the running header of its pages: the heading is the 2nd.
        assert text.count(heading) >= (2 if heading in chapters else 1), (
            f"{heading!r} is not on page {page}"
        )
    # The bookmarks agree with the contents.
    for item in guide.outline:
        for entry in item if isinstance(item, list) else [item]:
            assert guide.get_destination_page_number(entry) + 1 == toc[entry.title]


def test_every_tool_question_and_step_is_in_the_guide(texts, shipped):
    text = re.sub(r"\s+", " ", " ".join(texts))
    for tool in shipped.tools.values():
        assert tool.name in text
    for question in shipped.tree.values():
        assert question.question in text
        for option in question.options:
            assert option.label in text
    for step in shipped.steps.values():
        assert step.title in text
    for dimension in shipped.assessment.values():
        for criterion in dimension.criteria:
            assert criterion in text


def test_every_chapter_has_its_title_and_introduction_from_the_data(texts, shipped):
    text = re.sub(r"\s+", " ", " ".join(texts))
    assert set(shipped.guide) == set(pdf.CHAPTERS)
    for chapter in shipped.guide.values():
        assert chapter.title in text
        opening = " ".join(markdown_text(chapter.intro).split()[:12])
        assert opening in text, chapter.id


def test_internal_links_land_on_their_target(guide):
    names = guide.named_destinations
    links = 0
    for number, page in enumerate(guide.pages, 1):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link" or "/Dest" not in annotation:
                continue
            links += 1
            name = str(annotation["/Dest"])
            assert name in names, f"page {number}: a link to {name!r}, which is nowhere"
    assert links > 100


def test_the_guide_explains_the_rule_with_a_worked_example(texts, renderer, shipped):
    """The tree's chapter holds the rule, the steps table and an example whose plan is the one
    the rule gives (sphub.data.tree.Rule), in that order."""
    text = re.sub(r"\s+", " ", " ".join(texts))
    example = text[text.index("Illustrative example: a federation") :]
    example = example[example.index("In the order of the rule:") :]
    answers = {
        "awareness": ["strong"],
        "drivers": ["members"],
        "market-risk": ["none"],
        "member-interest": ["many"],
        "staff-time": ["time-set-aside"],
        "funds": ["to-raise"],
        "structure": ["federation"],
        "board": ["not-agreed"],
        "regulator": ["unaware"],
        "reporting": ["no-reports"],
    }
    plan = renderer.plan_of(answers)
    where = [example.index(p.step.title) for p in plan.steps]
    assert where == sorted(where)
    assert f"Start here: {plan.first.step.title}" in example


def test_running_header_and_page_x_of_y(guide, texts, renderer):
    total = len(texts)
    assert "Page 1 of" not in texts[0]  # the cover
    for number, text in enumerate(texts[1:], 2):
        assert f"Page {number} of {total}" in text
    chapters = pdf.chapters(renderer)
    starts = [page_of(guide, a) for a in _chapter_anchors(chapters)] + [total + 1]
    for (heading, _), first, end in zip(numbered(renderer), starts, starts[1:]):
        for page in range(first, end):
            assert texts[page - 1].count(heading) >= (2 if page == first else 1), page


def _chapter_anchors(chapters) -> list[str]:
    return [pdf.chapter_anchor(c, True) for c in chapters]


def test_fonts_are_embedded_and_only_the_shipped_ones(guide):
    seen = set()

    def fonts_of(resources):
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            yield font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            yield from fonts_of(xobject.get_object().get("/Resources"))

    for page in guide.pages:
        for font in fonts_of(page.get("/Resources")):
            seen.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font
    assert seen
    assert all(pdf.FONT_PREFIX.replace(" ", "-") in name for name in seen), seen


def test_a_broken_cross_reference_stops_the_render():
    with pytest.raises(pdf.PdfError, match="nowhere"):
        pdf.render_pdf('<p><a href="#nowhere">x</a></p>', "guide/x.pdf", "x")


def test_page_numbers_take_two_layouts_not_three(caplog):
    """A book with a forward and a backward cross-reference: WeasyPrint lays it out once, then
    once more to print the page numbers it found, not a third time (sphub.outputs.pdf fixes that)."""
    book = (  # a tagged PDF (PDF/UA) needs the document's language
        '<html lang="en"><section class="book-chapter" id="one"><p><a href="#two">Ahead</a></p>'
        '</section><section class="book-chapter" id="two"><p><a href="#one">Back</a></p>'
        "</section></html>"
    )
    with caplog.at_level(logging.INFO, logger="weasyprint.progress"):
        pdf.forget()
        rendered = pdf.render_pdf(book, "guide/x.pdf", "x")
    relayouts = [r for r in caplog.records if "Repagination" in r.getMessage()]
    assert len(relayouts) == 1
    first, second = (
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(rendered.data)).pages
    )
    assert "Ahead (page 2)" in first and "Back (page 1)" in second


def test_guidance_pages_link_the_pdfs_with_their_real_pages_and_size(built_site):
    files = {path: PdfReader(built_site / path) for path in (pdf.GUIDE, pdf.WORKSHEET)}
    pages = [
        p
        for p in built_site.rglob("index.html")
        if p.relative_to(built_site).parts[0] in ("guidance", "decision-tree")
        and 'http-equiv="refresh"' not in p.read_text()  # an old address, sent on at once
    ]
    assert len(pages) > 50
    for page in pages:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        links = soup.select(".sphub-pdf-links a")
        assert len(links) == 2, page
        for link in links:
            target = (page.parent / link["href"]).resolve().relative_to(built_site.resolve())
            reader = files[target.as_posix()]
            size = pdf.Pdf("", "", (built_site / target).read_bytes(), 0, 0).size
            # The size as Babel writes it in the page's language ("531 kB", "531 ko").
            assert f"{len(reader.pages)} pages, {size}".lower() in link.get_text().lower()
    # The home page leads to the guide too (issue 25): the same two links.
    home = BeautifulSoup((built_site / "index.html").read_text(), "html.parser")
    assert len(home.select(".sphub-pdf-links a")) == 2


def test_pages_look_right_as_pictures(built_site, tmp_path):
    """Cover, contents, a tree page, an outcome plan: rendered to PNG (pdftoppm) and not blank;
    the pictures were looked at by a person when this was written."""
    if shutil.which("pdftoppm") is None:  # as the browser tests: skipped only outside CI
        message = "pdftoppm is missing (apt-get install poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI this test must run")
        pytest.skip(message)
    for first in (1, 2, 14, 18):
        out = tmp_path / f"page{first}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "30",
                "-png",
                "-f",
                str(first),
                "-l",
                str(first),
                str(built_site / pdf.GUIDE),
                str(out),
            ],
            check=True,
        )
        (png,) = tmp_path.glob(f"page{first}*.png")
        assert png.stat().st_size > 2000


def test_guide_is_tagged_for_screen_readers_and_reflow(guide):
    """WeasyPrint's PDF/UA-1: marked content, a structure tree and the document's language."""
    root = guide.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("en")
    assert root["/StructTreeRoot"]["/K"]  # the structure tree has content


def content_lines(text: str) -> list[str]:
    """A page's lines without its running header and its 'Page X of Y' footer."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if not line.startswith("Network strategy guide") and not re.match(r"Page \d+ of \d+", line)
    ]


def test_no_page_is_nearly_empty_but_the_cover_and_chapter_openers(guide, texts):
    openers = {
        guide.get_destination_page_number(item)
        for item in guide.outline
        if not isinstance(item, list)
    }
    nearly_empty = {
        number + 1: content_lines(text)
        for number, text in enumerate(texts)
        if number > 0 and number not in openers and len(content_lines(text)) < 8
    }
    assert nearly_empty == {}


def test_web_addresses_are_printed_after_their_names(guide, texts, renderer):
    """As the guide's page 4 says: every link to another site prints its address."""
    book = BeautifulSoup(pdf.book_html(renderer), "html.parser")
    addresses = {a["href"] for a in book.select('a[href^="http"]')}
    # Text wraps across lines: compare it without its spaces and line breaks.
    flat = "".join("".join(t.split()) for t in texts)
    assert "Addressesofwebpagesareprintedaftertheirnames." in flat
    assert [a for a in sorted(addresses) if a not in flat] == []


def test_pdfs_in_each_language(built_site, texts_of):
    """The guide and the worksheet in each language, "Page X of Y" in that language, linked
    from that language's guidance pages."""
    for lang, page_of in (("en", "Page 3 of"), ("fr", "Page 3 sur"), ("es", "Página 3 de")):
        prefix = "" if lang == "en" else f"{lang}/"
        folder = built_site / prefix / "guide"
        assert page_of in texts_of(f"{prefix}guide/sphub-guide.pdf")[2], lang
        assert (folder / "assessment-worksheet.pdf").is_file()
        tools = built_site / prefix / "guidance/tools/index.html"
        links = [
            (tools.parent / a["href"]).resolve().relative_to(built_site.resolve()).as_posix()
            for a in BeautifulSoup(tools.read_text(encoding="utf-8"), "html.parser").select(
                ".sphub-pdf-links a"
            )
        ]
        assert links == [
            f"{prefix}guide/sphub-guide.pdf",
            f"{prefix}guide/assessment-worksheet.pdf",
        ]
    french = texts_of("fr/guide/sphub-guide.pdf")[1]
    assert "Sommaire" in french


GUIDES = [pdf.GUIDE, "fr/" + pdf.GUIDE, "es/" + pdf.GUIDE]


def _openers(reader: PdfReader) -> set[int]:
    """The pages (from 0) on which a chapter starts, from the bookmarks."""
    return {
        reader.get_destination_page_number(i) for i in reader.outline if not isinstance(i, list)
    }


def _ink_ends(path, tmp_path) -> list[float]:
    """For each page: how far down (0 to 1) its content reaches, between the running header
    and the footer, read from the page drawn at 30 dpi."""
    from PIL import Image, ImageOps

    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), str(tmp_path / "p")], check=True)
    ends = []
    for png in sorted(tmp_path.glob("p-*.pgm")):
        page = ImageOps.invert(Image.open(png).convert("L"))
        width, height = page.size
        body = page.crop((0, int(height * 0.08), width, int(height * 0.92)))
        box = body.point(lambda p: 255 if p > 60 else 0).getbbox()
        ends.append(box[3] / body.size[1] if box else 0.0)
    return ends


@pytest.mark.parametrize("guide_path", GUIDES, ids=["en", "fr", "es"])
def test_no_page_is_half_empty_but_before_a_chapter(built_site, guide_path, tmp_path):
    """A page ends before its middle only where the next chapter starts on a new page (or at
    the end): never because a table or a block was pushed whole to the next page."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing (apt-get install poppler-utils)")
    reader = PdfReader(built_site / guide_path)
    openers = _openers(reader)
    ends = _ink_ends(built_site / guide_path, tmp_path)
    assert len(ends) == len(reader.pages)
    half_empty = [
        number + 1
        for number, end in enumerate(ends[:-1])
        if end < 0.5 and number + 1 not in openers and number not in openers and number > 0
    ]
    assert half_empty == []


@pytest.mark.parametrize("guide_path", GUIDES, ids=["en", "fr", "es"])
def test_the_plan_sheet_is_whole_on_one_page_with_its_title(texts_of, guide_path):
    """The quick tree's plan sheet, a form to fill in, is never split (its header row would
    be printed again over its last empty rows alone on the next page)."""
    texts = ["".join(text.split()) for text in texts_of(guide_path)]
    # Its caption, and its header row (printed again on every page a table runs onto).
    caption = re.compile(r"Wholeadseachstep|Quipilotechaqueétape|Quiénlideracadapaso")
    header = re.compile(
        r"StepWhatmembersdoWholeadsBywhen|ÉtapeCequefontlesmembresQuipiloteÉchéance"
        r"|PasoQuéhacenlosmiembrosQuiénlideraPlazo"
    )
    titled = [n for n, text in enumerate(texts) if caption.search(text)]
    assert len(titled) == 1, "the plan sheet's caption is in the guide, once"
    assert [n for n, text in enumerate(texts) if header.search(text)] == titled


def test_each_address_is_printed_once(guide, texts, renderer):
    """A link whose text is its address prints it once, not again in brackets."""
    book = BeautifulSoup(pdf.book_html(renderer), "html.parser")
    shown = [a["href"] for a in book.select("a[data-address-shown]")]
    assert shown, "the guide has links written as their address"
    flat = "".join("".join(t.split()) for t in texts)
    assert [a for a in shown if f"{a}({a})" in flat] == []
    assert [a for a in shown if a not in flat] == []
