"""`sphub build`: load and validate data/ once, stage every page, run the engine, write
sphub's own outputs, and swap the finished site in.

The engine writes into a fresh folder beside `site/`, which takes the place of `site/` only
once the whole build has succeeded: bad data, a broken template, a broken link (strict), an
engine's failure or an interrupted build leaves the previous `site/` exactly as it was."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from sphub.data.errors import DataError
from sphub.data.history import last_changes
from sphub.data.load import load_site
from sphub.data import fallback
from sphub.data.pages import pages_problems
from sphub.data.translations import languages, search_problems, translate
from sphub.engines.engine import Engine
from sphub.engines.languages import Language, languages_of
from sphub.engines.registry import engine_named
from sphub.engines.project import Project
from sphub.engines.session import Session
from sphub.engines.staging import PDF_LINKS, stage
from sphub.models import COLLECTIONS
from sphub.editor.assets import missing as editor_missing
from sphub.editor.assets import ship as ship_editor
from sphub.outputs import pdf
from sphub.outputs.error_page import tree_questions, write_error_pages
from sphub.outputs.exports import write_downloads
from sphub.render.i18n import SOURCE
from sphub.render.renderer import Renderer, template_error

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


def session_for(
    project: Project, site, directory_urls: bool, changes: dict | None = None
) -> Session:
    """The session of a build of `site` (what the engine's macros need)."""
    changes = changes_of(project) if changes is None else changes
    compiled = project.cache / "templates"
    return Session(site, project.templates, directory_urls, changes, project.locale, compiled)


def renderer_for(
    project: Project, site, directory_urls: bool, changes: dict | None = None
) -> Renderer:
    renderer = session_for(project, site, directory_urls, changes).renderer()
    # Data pages link to their form in the editor where the site ships it (a translated
    # page to its translation's), else to their data file on the git host where mkdocs.yml
    # names it.
    renderer.env.globals["editor"] = editor_missing(project.root) is None
    renderer.env.globals["data_on_host"] = project.data_on_host()
    return renderer


def changes_of(project: Project) -> dict:
    return last_changes(project.root, [f"data/{c.file}" for c in COLLECTIONS.values()])


# In a worker process: the call it runs. It comes with the fork (an initializer's arguments
# are not pickled when the worker is forked), so the loaded site is not copied to it: copying
# it took 1.8 s and loading it back 3.2 s for the site of the M-scale data.
_work: Callable[[], object] | None = None


def _worker(call: Callable[[], object]) -> None:
    """Set up a worker process for `call`: stopped (SIGTERM), or once the process that
    started it has ended (however it ended: the preview stopped by a signal, a power cut), it
    stops its own workers (a language's build, its PDFs' process) and ends at once; the
    command's clean-up is not its to do."""
    global _work
    _work = call

    def stop(*_) -> None:
        for child in multiprocessing.active_children():
            child.terminate()
        os._exit(1)

    signal.signal(signal.SIGTERM, stop)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), stop()), daemon=True).start()


def _run_work():
    """The worker's call; a template's error is put in words here, where its traceback is (a
    traceback does not cross to another process)."""
    try:
        return _work()
    except jinja2.TemplateError as err:
        raise jinja2.TemplateError(template_error(err, Path.cwd())) from None


class _Forked:
    """`call()` run in a process of its own, the standard library's way (concurrent.futures,
    forked: every module is loaded already); `result()` waits for what it returned, or
    raises what it raised, as itself."""

    def __init__(self, call: Callable[[], object]):
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(
            1, mp_context=context, initializer=_worker, initargs=(call,)
        )
        self._pid = self._pool.submit(os.getpid)
        self._future = self._pool.submit(_run_work)

    def result(self):
        try:
            return self._future.result()
        finally:
            # Interrupted while it works, it is left to stop() (shutting down would wait
            # for the end of its work).
            if self._future.done():
                self._pool.shutdown()

    def stop(self) -> None:
        """End the process at once if it still works (an interrupted build)."""
        if not self._future.done():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid.result(), signal.SIGTERM)
        self._pool.shutdown(cancel_futures=True)


class _Here:
    """`call()` run in this process, at once (one core)."""

    def __init__(self, call: Callable[[], object]):
        self._result = call()

    def result(self):
        return self._result

    def stop(self) -> None:
        pass


def _second_core() -> bool:
    return len(os.sched_getaffinity(0)) > 1


def _render_pdfs(renderer: Renderer, cache: Path) -> _Forked | _Here:
    """Start rendering the PDFs: beside the page build when a second core is free."""
    return (_Forked if _second_core() else _Here)(lambda: pdf.build_all(renderer, cache))


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
    """Build the site of `project` into `site_dir` with `engine`: one build per language
    (`sphub.data.translations.languages`), English at the root and each other language
    under its code, side by side in processes of their own where cores allow.

    Raises:
        DataError: the data is invalid (nothing was built).
        EngineFailed: the engine failed (its log says why); `site_dir` is untouched.
        pdf.PdfError: a PDF could not be rendered; `site_dir` is untouched.
    """
    engine = engine_named(engine) if isinstance(engine, str) else engine
    english = load_site(project.data, strict=strict)
    # A hand-written page that would show its front matter or a literal '{{', or a translated
    # page whose search setting is not its English page's: stopped here as bad data is.
    page_errors = pages_problems(project.docs, project.docs.name)
    page_errors += search_problems(project.docs, english.languages, project.docs.name)
    if page_errors:
        raise DataError(page_errors)
    codes = languages(project.data)
    sites = {code: english if code == SOURCE else translate(english, code) for code in codes}
    changes = changes_of(project)
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside site/, so the final move is a rename on the same file system, never a copy.
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    running: list[_Forked | _Here] = []
    try:
        # The loaded site lives until the end (MkDocs builds in this process): the garbage
        # collector need not walk it again in every collection of the engine's build.
        gc.freeze()
        builds = [
            _LanguageBuild(project, engine, language, sites, changes, work, with_pdf, verbose)
            for language in languages_of(codes, project.locale)
        ]
        # Every language in a process of its own when a second core is free (each renders
        # its PDFs in one more, beside its pages); else one after another.
        side_by_side = _second_core() and len(builds) > 1
        for one in builds:
            running.append((_Forked if side_by_side else _Here)(one))
        lines = [line for one in running for line in one.result()]
        if untranslated_line := fallback.summary(sites, COLLECTIONS):
            lines.append(untranslated_line)
        out = work / SOURCE / "site"
        for one in builds[1:]:
            (work / one.language.code / "site").rename(out / one.language.prefix)
        config = project.config()
        write_error_pages(
            out,
            config.site_url,
            {one.language.code: one.language.prefix for one in builds},
            {code: tree_questions(s, config.directory_urls) for code, s in sites.items()},
        )
        if not config.site_url:
            lines.append(
                "No site_url (mkdocs.yml, or SPHUB_SITE_URL): the calendars link to no page, "
                "the sitemap lists none, hreflang addresses are relative, and the 'page not "
                "found' page needs JavaScript below the site's top."
            )
        # The browser editor at admin/, for the git host's backend (EDITING.md).
        problem = editor_missing(project.root)
        if problem:
            lines.append(f"The browser editor (admin/) is left out: {problem}.")
        else:
            ship_editor(project.root, out)
        swap_in(out, site_dir)
    finally:
        for one in running:
            one.stop()
        # Reached on failure, on success (removing the old site) and on an interrupt
        # (Ctrl-C, or SIGTERM, which the command handles like Ctrl-C): never a half site.
        shutil.rmtree(work, ignore_errors=True)
    return Built(sum(1 for _ in site_dir.rglob("*.html")), lines, english.warnings)


@dataclass(frozen=True)
class _LanguageBuild:
    """One language's build, into `work/<code>/site`: its pages staged and built by the
    engine, its downloads and redirects, its PDFs. Returns its progress lines."""

    project: Project
    engine: Engine
    language: Language
    sites: dict
    changes: dict
    work: Path
    with_pdf: bool
    verbose: bool

    def __call__(self) -> list[str]:
        project, language = self.project, self.language
        config = project.config()
        site = self.sites[language.code]
        renderer = renderer_for(project, site, config.directory_urls, self.changes)
        folder = self.work / language.code
        staged = stage(renderer, project.docs, folder / "docs", self.with_pdf, language=language)
        pdfs = None
        try:
            if self.with_pdf:
                cache = project.cache / "pdf" / language.code
                pdfs = _render_pdfs(renderer, cache)
            session = session_for(project, site, config.directory_urls, self.changes)
            self.engine.build(
                project, folder / "docs", folder / "site", session, self.verbose, language
            )
            out = folder / "site"
            self.engine.after_build(
                staged.pages, folder / "docs", out, config.directory_urls, project
            )
            site_url = config.site_url
            if site_url and language.prefix:
                site_url = site_url.rstrip("/") + "/" + language.prefix
            english = self.sites[SOURCE]
            others = {code: s for code, s in self.sites.items() if code != SOURCE}
            write_downloads(
                english,
                out,
                site_url,
                config.directory_urls,
                others,
                language.code,
                renderer.gettext,
            )
            for redirect in staged.redirects:
                target = out / redirect.dest
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(redirect.html, encoding="utf-8")
            lines = []
            if pdfs:
                done = pdfs.result()
                lines = pdf.write(done, out, language.prefix)
                _fill_pdf_links(renderer, out, done)
            return lines
        finally:
            if pdfs:
                pdfs.stop()


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
    """A guidance page, or the home page (which leads to the guide first)."""
    path = page.relative_to(out).as_posix()
    return pdf.is_guidance(path) or path == "index.html"


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
