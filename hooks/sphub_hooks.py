"""MkDocs hooks: thin adapters, one call into sphub per event.

on_config validates data/ (a bad file stops the build before site/ is touched) and registers
the macros; on_files adds one page per data entry; on_post_build writes the downloads (JSON, CSV,
calendars) into site/."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from sphub.outputs import pdf
from sphub.engines import preview
from sphub.data.errors import DataError
from sphub.outputs.exports import write_downloads
from sphub.data.history import last_changes
from sphub.data.load import load_site
from sphub.render.markup import external_links_rel
from sphub.render.macros import make_macros
from sphub.models import COLLECTIONS
from sphub.engines.preview import DataAbort, keep_last_good
from sphub.outputs.redirects import collisions, redirects
from sphub.render.renderer import Page, Renderer
from sphub.render.strategy import strategy_macros, strategy_pages

_renderer: Renderer | None = None
_extra: dict = {}
_pdfs: list[pdf.Pdf] = []
_generated: dict[str, Page] = {}  # source path -> page made from data, for this build


def on_startup(command: str, dirty: bool) -> None:
    preview.started_as = command  # build, serve or gh-deploy: `serve` skips the PDFs


def on_shutdown() -> None:
    preview.started_as = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _renderer, _extra
    project = Path(config.config_file_path).parent
    try:
        site = load_site(project / "data")
    except DataError as err:
        raise DataAbort(err.report()) from None
    changes = last_changes(project, [f"data/{c.file}" for c in COLLECTIONS.values()])
    _renderer = Renderer(site, project / "overrides" / "fragments", config.use_directory_urls,
                         changes)
    _extra = dict(config.extra)
    plugin = config.plugins["macros"]

    def page_src() -> str:
        return plugin.page.file.src_uri

    plugin.register_macros(preview.recording(_macros_for(page_src), page_src))
    return config


def _macros_for(page_src) -> dict:
    return make_macros(_renderer, page_src, _extra) | strategy_macros(_renderer, page_src)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _generated.clear()
    pages = _renderer.pages() + strategy_pages(_renderer)
    # Rendered before the pages, so each guidance page can say the PDFs' pages and sizes.
    global _pdfs
    try:
        _pdfs = pdf.build_all(_renderer) if pdf.wanted(preview.started_as) else []
    except pdf.PdfError as err:
        raise Abort(f"The PDF guide could not be built:\n{err}") from None
    # A dirty build (`make serve`) redoes only the pages whose File.is_modified(): data pages
    # whose content changed; hand-written pages edited, or whose macros now give another
    # output; guidance pages when the PDFs they link to changed; all when mkdocs.yml did.
    changed = preview.changed(pages)
    every = preview.differs("mkdocs.yml", Path(config.config_file_path).read_text())
    pdfs_changed = preview.differs("pdfs", [(p.path, p.pages, len(p.data)) for p in _pdfs])
    for file in files.documentation_pages():
        def modified(src=file.src_uri, edited=file.is_modified) -> bool:
            return (every or edited() or (pdfs_changed and pdf.is_guidance(src))
                    or preview.macros_changed(src, lambda: _macros_for(lambda: src)))

        _rebuild_when(file, modified)
    for page in pages:
        if files.get_file_from_path(page.src):  # data must never replace a written page
            raise Abort(f"The page of a data entry, {page.src}, would replace "
                        f"docs/{page.src}: give the entry another id.")
        _generated[page.src] = page
        file = File.generated(config, page.src, content=page.markdown())
        _rebuild_when(file, lambda src=page.src: every or src in changed)
        files.append(file)
    found = redirects(_renderer, config.use_directory_urls)
    clashes = collisions(found, {f.dest_uri for f in files})
    if clashes:
        raise Abort("\n".join(clashes))
    for redirect in found:
        files.append(File.generated(config, redirect.dest, content=redirect.html))
    return files


def _rebuild_when(file: File, modified: Callable[[], bool]) -> None:
    # MkDocs asks only File.is_modified(), and only in a dirty build; its own answer (dates of
    # source and output) cannot see that a page's data changed. It asks before and after
    # building the page, which notes the page's macro calls afresh: one answer, kept.
    file.is_modified = cache(modified)


def on_pre_page(page: MkDocsPage, **kwargs) -> MkDocsPage:
    if page.file.src_uri not in _generated:  # before its macros run (sphub/engines/preview.py)
        preview.starting(page.file.src_uri)
    return page


def on_page_markdown(markdown: str, page: MkDocsPage, **kwargs) -> str:
    # A generated page is finished HTML: Markdown would only parse it to write it out the
    # same (a raw HTML block), which was a fifth of the build. Its HTML comes back below.
    return "" if page.file.src_uri in _generated else markdown


def on_page_content(html: str, page: MkDocsPage, **kwargs) -> str:
    generated = _generated.get(page.file.src_uri)
    html = external_links_rel(generated.html if generated else html)
    if _pdfs and pdf.is_guidance(page.file.src_uri):
        return html + pdf.download_links(_renderer, page.file.src_uri, _pdfs)
    return html


def on_serve(server, config: MkDocsConfig, builder):
    # A data error during the preview keeps the last good pages served (sphub/engines/preview.py).
    server.builder = keep_last_good(server.builder)
    return server


def on_post_build(config: MkDocsConfig) -> None:
    write_downloads(
        _renderer.site, Path(config.site_dir), config.site_url, config.use_directory_urls
    )
    for line in pdf.write(_pdfs, config.site_dir):
        print(line)  # the progress line of `make site`
