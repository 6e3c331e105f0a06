"""MkDocs hooks: thin adapters, one call into sphub per event.

on_config validates data/ (a bad file stops the build before site/ is touched) and registers
the macros; on_files adds one page per data entry."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from sphub import preview
from sphub.errors import DataError
from sphub.load import load_site
from sphub.macros import make_macros
from sphub.render import Page, Renderer

_renderer: Renderer | None = None
_generated: dict[str, Page] = {}  # source path -> page made from data, for this build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _renderer
    project = Path(config.config_file_path).parent
    try:
        site = load_site(project / "data")
    except DataError as err:
        raise Abort(err.report()) from None
    _renderer = Renderer(site, project / "overrides" / "fragments", config.use_directory_urls)
    macros = config.plugins["macros"]
    macros.register_macros(
        make_macros(_renderer, lambda: macros.page.file.src_uri, dict(config.extra))
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _generated.clear()
    pages = _renderer.pages()
    changed = preview.changed(pages)
    # A dirty build (`make serve`) redoes only pages whose File.is_modified(): the data pages
    # that changed, and the hand-written pages (their macros read the data) when any did.
    for file in files.documentation_pages():
        _rebuild_when(file, bool(changed) or file.is_modified())
    for page in pages:
        _generated[page.src] = page
        file = File.generated(config, page.src, content=page.markdown())
        _rebuild_when(file, page.src in changed)
        files.append(file)
    return files


def _rebuild_when(file: File, modified: bool) -> None:
    # MkDocs asks only File.is_modified(); its own answer (dates of source and output) cannot
    # see that a page's data changed. Plain builds never ask: they build every page.
    file.is_modified = lambda: modified


def on_page_markdown(markdown: str, page: MkDocsPage, **kwargs) -> str:
    # A generated page is finished HTML: Markdown would only parse it to write it out the
    # same (a raw HTML block), which was a fifth of the build. Its HTML comes back below.
    return "" if page.file.src_uri in _generated else markdown


def on_page_content(html: str, page: MkDocsPage, **kwargs) -> str:
    generated = _generated.get(page.file.src_uri)
    return generated.html if generated else html
