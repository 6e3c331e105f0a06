"""A fresh machine: what it lacks is named in one line before any build work (sphub/outputs/system.py),
and a WeasyPrint warning that changes nothing on the page, such as the one for a missing
HarfBuzz-Subset library, does not stop the PDF, while a missing glyph, font, image or anchor
still does (sphub/outputs/pdf.py)."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

import sphub.cli as cli
from sphub.engines.build import Built
from sphub.outputs import pdf, system

PANGO = "libpango-1.0.so.0"
PANGOFT2 = "libpangoft2-1.0.so.0"


@pytest.fixture
def without(monkeypatch):
    """Make the named libraries fail to load, as on a machine that lacks them."""

    def hide(*libraries: str) -> None:
        real = system.loads
        monkeypatch.setattr(system, "loads", lambda name: name not in libraries and real(name))

    return hide


def test_the_libraries_of_this_machine_load():
    assert system.pdf_problem() is None, "this machine lacks Pango: the PDF tests cannot run"


def test_a_missing_library_is_named_with_its_debian_package(without):
    without(PANGO, PANGOFT2)
    assert system.missing_for_pdf() == ["libpango-1.0-0", "libpangoft2-1.0-0"]
    assert system.pdf_problem() == (
        "The PDF guide needs Pango, which this machine lacks: apt-get install libpango-1.0-0 "
        "libpangoft2-1.0-0 (or build without the PDF: SPHUB_PDF=0 make site)"
    )


def test_sphub_build_says_it_in_one_line_before_any_build_work(without, monkeypatch, capsys):
    without(PANGOFT2)
    monkeypatch.delenv("SPHUB_PDF", raising=False)
    started = []
    monkeypatch.setattr(cli, "load_site", lambda *a: started.append("validation"))
    monkeypatch.setattr(
        "sphub.engines.build.build", lambda *a, **k: started.append("mkdocs") or Built(0, [])
    )
    assert cli.main(["build", "--site-dir", "unused"]) == 1
    out, err = capsys.readouterr()
    assert not started and out == ""
    assert err == (
        "The PDF guide needs Pango, which this machine lacks: apt-get install "
        "libpangoft2-1.0-0 (or build without the PDF: SPHUB_PDF=0 make site)\n"
    )


def test_a_build_without_the_pdf_needs_no_pango(without, monkeypatch, tmp_path):
    without(PANGO, PANGOFT2)
    monkeypatch.setenv("SPHUB_PDF", "0")
    started = []
    monkeypatch.setattr(cli, "load_site", lambda *a: None)
    monkeypatch.setattr(
        "sphub.engines.build.build", lambda *a, **k: started.append("mkdocs") or Built(0, [])
    )
    assert cli.main(["build", "--site-dir", str(tmp_path / "site")]) == 0
    assert started == ["mkdocs"]


def test_the_render_says_it_too(without):
    without(PANGO)
    with pytest.raises(
        pdf.PdfError,
        match=r"^guide/x.pdf: The PDF guide needs Pango.*"
        r"apt-get install libpango-1.0-0 \(",
    ):
        pdf.forget()
        pdf.render_pdf("<p>x</p>", "guide/x.pdf", "x")


@pytest.fixture
def no_harfbuzz_subset(monkeypatch):
    """WeasyPrint as on a machine without libharfbuzz-subset0: it subsets with fontTools."""
    pdf._weasyprint()
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)


def test_no_harfbuzz_subset_still_gives_the_pdf(no_harfbuzz_subset, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        # A whole document: the PDF is tagged (PDF/UA), which needs the document's language.
        html = '<html lang="en"><body><h1>Sa-Dhan</h1><p>Ünité</p></body></html>'
        rendered = pdf.render_pdf(html, "guide/x.pdf", "x")
    assert rendered.pages == 1 and rendered.data.startswith(b"%PDF")
    warned = [r.getMessage() for r in caplog.records]
    assert warned and all("Using fontTools instead of HarfBuzz-Subset" in m for m in warned)


@pytest.mark.parametrize(
    "html, says",
    [
        ('<p><img src="nothere.png" alt="A chart"></p>', "Failed to load image at"),
        ('<p><a href="#nowhere">Step 2</a></p>', "No anchor #nowhere"),
        (
            "<style>@font-face { font-family: Gone; src: url(gone.woff2) }</style>"
            '<p style="font-family: Gone">x</p>',
            "Font-face 'Gone' cannot be loaded",
        ),
        ('<p style="width: 10furlongs">x</p>', "Ignored `width: 10furlongs`"),
    ],
    ids=["image", "anchor", "font", "css"],
)
def test_what_changes_the_page_still_stops_it(no_harfbuzz_subset, html, says):
    with pytest.raises(pdf.PdfError) as raised:
        pdf.render_pdf(html, "guide/x.pdf", "x")
    lines = str(raised.value).splitlines()
    assert any(line.startswith(f"guide/x.pdf: {says}") for line in lines), lines
    assert not any("HarfBuzz-Subset" in line for line in lines)


def test_a_glyph_no_font_has_still_stops_it(no_harfbuzz_subset, monkeypatch):
    """The check before the render aside (it finds the character first), WeasyPrint's own
    warning of a blank box is an error."""
    monkeypatch.setattr(pdf, "uncovered", lambda text, subsets=(): [])
    with pytest.raises(pdf.PdfError, match=r"\.notdef glyph .*U\+0915"):
        pdf.render_pdf("<p>Sa-Dhan \u0915</p>", "guide/x.pdf", "x")


def weasyprint_messages() -> set[str]:
    """The format strings of every warning and error WeasyPrint's source logs."""
    import weasyprint

    messages = set()
    for file in Path(weasyprint.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("warning", "error")
                and getattr(node.func.value, "id", "") == "LOGGER"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                messages.add(node.args[0].value)
    return messages


def test_the_harmless_warnings_are_worded_as_weasyprint_words_them():
    """An upgrade that rewords one fails here, not on a fresh machine's build."""
    messages = weasyprint_messages()
    assert len(messages) > 50  # the walk found WeasyPrint's messages
    assert pdf.HARMLESS_WARNINGS <= messages, pdf.HARMLESS_WARNINGS - messages
