"""`sphub build`: load and validate data/ once, stage every page, run the engine, write
sphub's own outputs, and swap the finished site in.

The engine writes into a fresh folder beside `site/`, which takes the place of `site/` only
once the whole build has succeeded: bad data, a broken template, a broken link (strict), an
engine's failure or an interrupted build leaves the previous `site/` exactly as it was."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sphub.data.history import last_changes
from sphub.data.load import load_site
from sphub.engines import session
from sphub.engines.engine import Engine
from sphub.engines.registry import engine_named
from sphub.engines.project import Project
from sphub.engines.staging import PDF_LINKS, stage
from sphub.models import COLLECTIONS
from sphub.outputs import pdf
from sphub.outputs.exports import write_downloads
from sphub.render.renderer import COMPILED, Renderer

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2), so that a server reading `site/` never
    finds it missing. False where the system or the file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_in(new: Path, site_dir: Path) -> None:
    """Put the finished build `new` in place of `site_dir`; `new` then holds the old site,
    if there was one, for the caller to remove."""
    if not site_dir.exists():
        new.rename(site_dir)
    elif not _exchange(new, site_dir):
        old = new.with_name(new.name + "-old")
        site_dir.rename(old)
        new.rename(site_dir)
        old.rename(new)


def renderer_for(project: Project, site, directory_urls: bool) -> Renderer:
    changes = last_changes(project.root, [f"data/{c.file}" for c in COLLECTIONS.values()])
    return Renderer(site, project.templates, directory_urls, changes)


class _PdfsBeside:
    """The PDFs rendered in a process of its own (forked: it has the renderer already, nothing
    is copied to it) while the engine builds the pages; `result()` waits for them."""

    def __init__(self, renderer: Renderer, cache: Path):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def render() -> None:
            # The command turns SIGTERM into Ctrl-C for its clean-up; this process has none
            # to do: stopped, it ends at once.
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            try:
                send.send(("pdfs", pdf.build_all(renderer, cache)))
            except pdf.PdfError as err:
                send.send(("problem", str(err)))
            except Exception as err:  # a bug: said in the parent, which stops the build
                send.send(("bug", f"{type(err).__name__}: {err}"))

        self._process = context.Process(target=render, daemon=True)
        self._process.start()
        send.close()

    def result(self) -> list[pdf.Pdf]:
        try:
            kind, value = self._receive.recv()
        except EOFError:
            kind, value = "bug", "the process rendering the PDFs ended without a result"
        finally:
            self._process.join()
        if kind == "problem":
            raise pdf.PdfError(value)
        if kind == "bug":
            raise RuntimeError(value)
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


class _PdfsHere:
    """The PDFs rendered in this process, before the pages (one core)."""

    def __init__(self, renderer: Renderer, cache: Path):
        self._pdfs = pdf.build_all(renderer, cache)

    def result(self) -> list[pdf.Pdf]:
        return self._pdfs

    def stop(self) -> None:
        pass


def _render_pdfs(renderer: Renderer, cache: Path) -> _PdfsBeside | _PdfsHere:
    """Start rendering the PDFs: beside the page build when a second core is free."""
    second_core = len(os.sched_getaffinity(0)) > 1
    return (_PdfsBeside if second_core else _PdfsHere)(renderer, cache)


@dataclass(frozen=True)
class Built:
    pages: int  # HTML pages in the site
    lines: list[str]  # progress lines (the PDFs)
    warnings: list = field(
        default_factory=list
    )  # the data's (printed with sphub.data.errors.warning_line)


def build(
    project: Project,
    site_dir: Path,
    engine: Engine | str = "mkdocs",
    with_pdf: bool = True,
    verbose: bool = False,
    strict: bool = False,
) -> Built:
    """Build the site of `project` into `site_dir` with `engine`.

    Raises:
        DataError: the data is invalid (nothing was built).
        EngineFailed: the engine failed (its log says why); `site_dir` is untouched.
        pdf.PdfError: a PDF could not be rendered; `site_dir` is untouched.
    """
    engine = engine_named(engine) if isinstance(engine, str) else engine
    config = project.config()
    COMPILED.keep_in(project.cache / "templates")
    site = load_site(project.data, strict=strict)
    renderer = renderer_for(project, site, config.directory_urls)
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside site/, so the final move is a rename on the same file system, never a copy.
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    pdfs = None
    try:
        staged = stage(renderer, project.docs, work / "docs", with_pdf)
        # The loaded site lives until the end (MkDocs builds in this process): the garbage
        # collector need not walk it again in every collection of the engine's build.
        gc.freeze()
        if with_pdf:
            pdfs = _render_pdfs(renderer, project.cache / "pdf")
        session.begin(
            session.Session(site, project.templates, config.directory_urls, renderer.changes)
        )
        try:
            engine.build(project, work / "docs", work / "site", {}, verbose)
        finally:
            session.end()
        out = work / "site"
        engine.after_build(staged.pages, out, config.directory_urls)
        write_downloads(site, out, config.site_url, config.directory_urls)
        for redirect in staged.redirects:
            target = out / redirect.dest
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect.html, encoding="utf-8")
        lines = []
        if pdfs:
            done = pdfs.result()
            lines = pdf.write(done, out)
            _fill_pdf_links(renderer, out, done)
        swap_in(out, site_dir)
    finally:
        if pdfs:
            pdfs.stop()
        # Reached on failure, on success (removing the old site) and on an interrupt
        # (Ctrl-C, or SIGTERM, which the command handles like Ctrl-C): never a half site.
        shutil.rmtree(work, ignore_errors=True)
    return Built(sum(1 for _ in site_dir.rglob("*.html")), lines, site.warnings)


def _fill_pdf_links(renderer: Renderer, out: Path, pdfs: list[pdf.Pdf]) -> None:
    """Put the PDFs' download note (pages, size) where the guidance pages hold its place."""
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8") if _is_guidance_file(out, page) else ""
        if PDF_LINKS in html:
            src = _src_of(out, page, renderer.directory_urls)
            page.write_text(
                html.replace(PDF_LINKS, pdf.download_links(renderer, src, pdfs)), encoding="utf-8"
            )


def _is_guidance_file(out: Path, page: Path) -> bool:
    return pdf.is_guidance(page.relative_to(out).as_posix())


def _src_of(out: Path, page: Path, directory_urls: bool) -> str:
    """The source path of the page written to `page` (the links are relative to it)."""
    path = page.relative_to(out).as_posix()
    if directory_urls:
        return (
            path.removesuffix("index.html").rstrip("/") + ".md"
            if path != "index.html"
            else "index.md"
        )
    return path.removesuffix(".html") + ".md"
