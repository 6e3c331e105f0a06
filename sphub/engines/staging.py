"""The staging docs folder an engine builds from: a copy of the hand-written pages of docs/
beside every page made from data, as Markdown files any engine reads the same way.

Nothing here knows an engine. A page made from data that would take the place of a
hand-written page, or a redirect whose address is already a page, is a data problem in the
usual one-line form, found before anything is built."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sphub.data.errors import DataError, Problem
from sphub.outputs import pdf
from sphub.outputs.redirects import Redirect, collisions, redirect_dest, redirects
from sphub.render.pages import Page, all_pages
from sphub.render.renderer import Renderer
from sphub.render.urls import page_src

# Where the PDFs' download note goes on a guidance page: filled in after the engine ran, once
# the PDFs (rendered beside the pages) are known. An HTML comment passes through every engine.
PDF_LINKS = "<!-- sphub:pdf-links -->"


@dataclass(frozen=True)
class Staged:
    """What was staged: the pages made from data and the redirects for old ids."""

    pages: list[Page]
    redirects: list[Redirect]


def _hand_written(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*") if p.is_file())


def _page_problems(renderer: Renderer, pages: Iterable[Page], docs: Path) -> list[Problem]:
    """A page made from data must never replace a hand-written one: an entry with the id of
    a section's own page ('index' is refused by the models) or of another written page."""
    site = renderer.site
    problems = []
    by_src = {
        page_src(key, entry.id): entry
        for key in (k for k in site.entries if site.collection(k))
        for entry in site.collection(key).values()
        if entry.has_page()
    }
    for page in pages:
        if (docs / page.src).exists() and page.src in by_src:
            problems.append(
                site.problem(
                    by_src[page.src],
                    ("id",),
                    "an id whose page is not a hand-written page",
                    f"'{by_src[page.src].id}' (docs/{page.src} is written by hand)",
                )
            )
    return problems


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it holds it already: an unchanged file keeps its time,
    so an engine's dirty rebuild (the preview) skips its page."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def stage(
    renderer: Renderer,
    docs: Path,
    folder: Path,
    with_pdf_links: bool,
    pages: list[Page] | None = None,
) -> Staged:
    """Fill `folder` with docs/ and the pages made from data (`pages`, or every page of
    `renderer`'s site); only files that changed are written, files no longer made removed.

    Raises:
        DataError: a page or redirect would take the place of a hand-written page.
    """
    pages = all_pages(renderer) if pages is None else pages
    problems = _page_problems(renderer, pages, docs)
    directory_urls = renderer.directory_urls
    taken = {redirect_dest(p.src, directory_urls) for p in pages}
    written = _hand_written(docs)
    for path in written:
        src = path.relative_to(docs).as_posix()
        taken.add(redirect_dest(src, directory_urls) if path.suffix == ".md" else src)
    found = redirects(renderer, directory_urls)
    problems += collisions(renderer.site, found, taken)
    if problems:
        raise DataError(problems)
    wanted: set[Path] = set()
    for path in written:
        target = folder / path.relative_to(docs)
        wanted.add(target)
        src = path.relative_to(docs).as_posix()
        if path.suffix == ".md" and with_pdf_links and pdf.is_guidance(src):
            write_if_changed(target, path.read_text(encoding="utf-8") + f"\n\n{PDF_LINKS}\n")
        elif not target.is_file() or target.stat().st_mtime < path.stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    for page in pages:
        target = folder / page.src
        wanted.add(target)
        links = f"\n{PDF_LINKS}" if with_pdf_links and pdf.is_guidance(page.src) else ""
        write_if_changed(target, page.markdown(links))
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
        stale.unlink()
    return Staged(pages, found)
