"""MkDocs hooks: thin adapters, one call into sphub per event.

on_config validates data/ (a bad file stops the build before site/ is touched) and registers
the macros; on_files adds one page per data entry."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from sphub.errors import DataError
from sphub.load import load_site
from sphub.macros import make_macros
from sphub.render import Renderer

_renderer: Renderer | None = None


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
    for page in _renderer.pages():
        if files.get_file_from_path(page.src):  # data must never replace a written page
            raise Abort(f"The page of a data entry, {page.src}, would replace "
                        f"docs/{page.src}: give the entry another id.")
        files.append(File.generated(config, page.src, content=page.markdown()))
    return files
